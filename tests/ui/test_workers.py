"""ui/workers.py: gc_paused keeps the collector's full passes off while a worker builds its heap;
ui/context.py freezes each scorer it takes in."""

from __future__ import annotations

import gc
import threading

from factories import make_event

from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.ui.context import EventContext
from kolabik_desktop.ui.workers import gc_paused


def test_gc_pauses_nest_across_threads_and_restore_the_collector() -> None:
    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other() -> None:
        with gc_paused():
            inside.set()
            release.wait(5)
            seen.append(gc.isenabled())

    t = threading.Thread(target=other)
    with gc_paused():
        assert not gc.isenabled()
        t.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other thread's pause still holds
    release.set()
    t.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_exception_inside_still_restores_the_collector() -> None:
    try:
        with gc_paused():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()


def test_a_result_for_a_deleted_dialog_is_dropped(qtbot) -> None:
    """A task finishing after its dialog was deleted must not call into the dead dialog."""
    import shiboken6
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QDialog, QPushButton

    from kolabik_desktop.ui.workers import run_task

    release = threading.Event()
    calls: list[object] = []

    class Dialog(QDialog):
        def __init__(self) -> None:
            super().__init__()
            self.button = QPushButton("x", self)

        def done_building(self, result: object) -> None:
            self.button.setEnabled(True)  # raises on a deleted C++ object
            calls.append(result)

    kept, dropped = Dialog(), Dialog()
    run_task(lambda _p: "kept", kept.done_building)
    run_task(lambda _p: release.wait(5) and "late", dropped.done_building)
    shiboken6.delete(dropped)
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.waitUntil(lambda: calls == ["kept"], timeout=2000)
    qtbot.wait(50)  # a late delivery to the deleted dialog would land now
    assert calls == ["kept"]


def _frozen_with(obj: object) -> bool:
    """The object was moved to the collector's permanent generation (gc.freeze): full passes
    no longer scan it. gc.get_objects() lists only the three collected generations."""
    return gc.get_freeze_count() > 0 and not any(o is obj for o in gc.get_objects())


def test_every_scorer_the_event_context_takes_in_is_frozen_out_of_the_collector(
    qtbot, tmp_path
) -> None:
    """Open, the deferred first read, and a full reload: each new scorer's long-lived objects
    are frozen (a full collection rescanning them stalled the live board for 150-300 ms)."""
    make_event(tmp_path / "gc.kolabik", entries=4, jurors=3)[0].close()

    gc.unfreeze()
    context = EventContext(open_event_file(tmp_path / "gc.kolabik"))
    assert _frozen_with(context.scorer)
    context.close()

    gc.unfreeze()
    context = EventContext(open_event_file(tmp_path / "gc.kolabik"), defer_scores=True)
    assert not _frozen_with(context.scorer)  # the empty stand-in, before the scores
    context.load_scores()
    qtbot.waitUntil(lambda: context.scores_loaded, timeout=5000)
    assert _frozen_with(context.scorer)

    gc.unfreeze()
    context.reload()
    assert _frozen_with(context.scorer)
    context.close()
