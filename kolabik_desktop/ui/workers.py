"""The one way to run slow work off the GUI thread (imports, reports, kits).

Work on an open event runs through that event's ``TaskRunner`` (``EventContext.tasks``; call
sites pass ``db=`` to ``run_task``): closing the event first cancels what has not started,
asks running tasks to stop at their next progress report, and waits for them, so no task ever
writes through a file whose lock was released. ``fn(progress)`` runs in a worker thread;
``progress(done, total, text)`` arrives on the GUI thread (and raises ``Cancelled`` in the
worker once the event is closing). Rule: a worker never touches a widget.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kolabik_desktop.core.collector import collector_paused

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]


class Cancelled(Exception):
    """Raised inside a task at its next progress report once its event is being closed."""


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, int, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[ProgressFn], Any], signals: _Signals, progress: ProgressFn):
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.progress = progress

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except Cancelled:
            log.info("background task cancelled: its event was closed")
            self.signals.failed.emit(Cancelled("the event was closed"))
        except Exception as exc:  # reported to the GUI thread, which shows it
            log.exception("background task failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """The background tasks of one open event; ``shutdown()`` returns when none is running."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._cancel = threading.Event()
        self._live: set[_Signals] = set()
        self.closed = False

    def start(
        self,
        fn: Callable[[ProgressFn], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_progress: ProgressFn | None = None,
    ) -> _Signals:
        if self.closed:
            raise RuntimeError("the event is closed: no new task may start")
        signals = _connect(
            _Signals(), on_done, on_error, on_progress, self._live, lambda: not self.closed
        )
        cancel = self._cancel

        def progress(done: int, total: int, text: str) -> None:
            if cancel.is_set():
                raise Cancelled()
            signals.progress.emit(done, total, text)

        self._pool.start(_Task(fn, signals, progress))
        return signals

    @property
    def running(self) -> int:
        return self._pool.activeThreadCount()

    def shutdown(self) -> None:
        """Cancel queued tasks, ask running ones to stop, wait for them; results are dropped."""
        self.closed = True
        self._cancel.set()
        self._pool.clear()
        self._pool.waitForDone()
        # Results already queued for the GUI thread are dropped by _connect's gate.
        self._live.clear()


def _connect(
    signals: _Signals,
    on_done: Callable[[Any], None] | None,
    on_error: Callable[[Exception], None] | None,
    on_progress: ProgressFn | None,
    live: set[_Signals],
    gate: Callable[[], bool] = lambda: True,
) -> _Signals:
    """Connect the callbacks; ``gate()`` false (the event closed) drops what arrives later.

    A callback that is a method of a Qt object (a dialog's ``self._saved``) is also dropped once
    that object is deleted: a report finishing after its dialog was closed must not touch the
    dialog's deleted widgets.
    """
    live.add(signals)
    owners = [
        owner
        for owner in (getattr(cb, "__self__", None) for cb in (on_done, on_error, on_progress))
        if isinstance(owner, QObject)
    ]
    if owners:
        event_gate = gate

        def gate() -> bool:
            return event_gate() and all(shiboken6.isValid(owner) for owner in owners)

    def _finish(_: object = None) -> None:
        live.discard(signals)

    if on_done:
        signals.done.connect(lambda result: on_done(result) if gate() else None)
    if on_error:
        signals.failed.connect(lambda exc: on_error(exc) if gate() else None)
    if on_progress:
        signals.progress.connect(lambda d, t, x: on_progress(d, t, x) if gate() else None)
    signals.done.connect(_finish)
    signals.failed.connect(_finish)
    return signals


_runners: dict[int, TaskRunner] = {}  # id(EventDB) -> the runner of that open event
_global_live: set[_Signals] = set()  # keep signal objects alive until their task reports


def register_runner(db: object, runner: TaskRunner) -> None:
    _runners[id(db)] = runner


def unregister_runner(db: object) -> None:
    _runners.pop(id(db), None)


# One pause for the whole process, shared with core's bulk writes and `kolabik leaderboard`:
# two counters would let one side switch the collector back on under the other.
gc_paused = collector_paused


def run_task(
    fn: Callable[[ProgressFn], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    on_progress: ProgressFn | None = None,
    *,
    db: object = None,
) -> _Signals:
    """Run ``fn`` in the background: in ``db``'s own runner when it is an open event."""
    runner = _runners.get(id(db)) if db is not None else None
    if runner is not None:
        return runner.start(fn, on_done, on_error, on_progress)
    signals = _connect(_Signals(), on_done, on_error, on_progress, _global_live)
    QThreadPool.globalInstance().start(_Task(fn, signals, signals.progress.emit))
    return signals
