"""ui/workers.py: gc_paused keeps the collector's full passes off while a worker builds its heap."""

from __future__ import annotations

import gc
import threading

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
