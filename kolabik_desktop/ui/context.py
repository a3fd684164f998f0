"""The open event as the UI sees it: the file, the scoring engine, and one change signal.

Every view (browser, scoring form, leaderboard, projector, progress) listens to ``changed``;
none polls. The core's ChangeBus may fire from a worker thread (an import); emitting a Qt signal
from there queues delivery onto the GUI thread, so slots never run off the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.store.db import Change, EventDB
from kolabik_desktop.core.store.queries import scores
from kolabik_desktop.core.store.services import load_scoring_input
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.workers import TaskRunner, register_runner, unregister_runner


class EventContext(QObject):
    # Emitted on the GUI thread after the scorer has absorbed the change.
    changed = Signal(object)  # Change
    # The file was deleted or replaced under the window: the message says where the data went.
    file_problem = Signal(str)
    closing = Signal()  # just before the file is closed: features stop work that writes to it
    _incoming = Signal(object)  # from the core bus, possibly from a worker thread

    def __init__(self, db: EventDB, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.scorer = self._build_scorer()
        self._incoming.connect(self._absorb)
        self._unsubscribe = db.changes.subscribe(self._incoming.emit)
        # The event's own background work: closing waits for it before the lock is released.
        self.tasks = TaskRunner(self)
        register_runner(db, self.tasks)
        # Notices the file deleted or replaced at once (inotify; the file is never opened), not
        # only at the next save, so the data is written back while the window is idle too.
        self._watcher = QFileSystemWatcher([str(db.path)], self)
        self._watcher.fileChanged.connect(self._file_changed)

    def _file_changed(self, _path: str) -> None:
        if self.tasks.closed:
            return
        try:
            self.db.check_file()
        except KolabikError as exc:
            self.file_problem.emit(error_text(exc))
            return
        if str(self.db.path) not in self._watcher.files() and self.db.path.exists():
            self._watcher.addPath(str(self.db.path))  # a deleted file's watch went with it
        if self.db.recovered_paths:
            self.file_problem.emit(
                self.tr(
                    "The event file was deleted while open. Every saved score was written back "
                    "to {0}."
                ).format(self.db.path)
            )
            self.db.recovered_paths.clear()

    def _build_scorer(self) -> Scorer:
        data = load_scoring_input(self.db)
        scorer = Scorer(data.event, data.values)
        # The ~100k long-lived score objects would otherwise be rescanned by every full garbage
        # collection, which showed up as 150–300 ms stalls of the live board after an edit.
        gc.freeze()
        return scorer

    def _absorb(self, change: Change) -> None:
        if self.tasks.closed:
            return  # queued before the event was closed: nothing listens any more
        if change.kind == "scores" and change.entry_ids:
            # Incremental: re-read only the changed entries' scores (a leaderboard must move
            # within 200 ms on a 3,000-entry event; a full reload takes longer than that).
            per_entry = scores.entry_values(self.db, change.entry_ids)
            for entry_id, values in per_entry.items():
                self.scorer.replace_entry_values(entry_id, values)
        elif change.kind in ("comments", "submission", "packages", "presentation"):
            pass  # no score moves; listeners still hear about it
        else:
            self.scorer = self._build_scorer()
        self.changed.emit(change)

    def reload(self) -> None:
        self.scorer = self._build_scorer()
        self.changed.emit(Change("all"))

    def close(self) -> None:
        self.closing.emit()
        self._watcher.removePaths(self._watcher.files())
        self.tasks.shutdown()
        unregister_runner(self.db)
        self._unsubscribe()
        self.db.close()
