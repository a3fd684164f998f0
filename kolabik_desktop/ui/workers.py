"""The one way to run slow work off the GUI thread (imports, reports, kits).

``run_task(fn, on_done, on_error, on_progress)`` runs ``fn(progress)`` in the global
QThreadPool; ``progress(done, total, text)`` may be called from the worker and arrives on the GUI
thread. Rule: a worker never touches a widget; it opens its own DB session if it needs one.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, int, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[ProgressFn], Any], signals: _Signals):
        super().__init__()
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit)
        except Exception as exc:  # reported to the GUI thread, which shows it
            log.exception("background task failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_live: set[_Signals] = set()  # keep signal objects alive until their task reports

_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = True


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic garbage collection while a worker builds a large acyclic heap.

    A full collection scans every object of the process while holding the GIL: with a worker
    allocating hundreds of thousands of objects (the juror statistics on a national event) the
    collector ran every second or so and each full pass froze the GUI thread for 50-400 ms.
    Reference counting still frees everything acyclic; the collector is back (as it was) when the
    last overlapping pause ends. Safe across threads: pauses nest by count.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def run_task(
    fn: Callable[[ProgressFn], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    on_progress: ProgressFn | None = None,
) -> _Signals:
    signals = _Signals()
    _live.add(signals)

    def _finish(_: object = None) -> None:
        _live.discard(signals)

    if on_done:
        signals.done.connect(on_done)
    if on_error:
        signals.failed.connect(on_error)
    if on_progress:
        signals.progress.connect(on_progress)
    signals.done.connect(_finish)
    signals.failed.connect(_finish)
    QThreadPool.globalInstance().start(_Task(fn, signals))
    return signals
