"""The open event as the UI sees it: the file, the scoring engine, and one change signal.

Every view (browser, scoring form, leaderboard, projector, progress) listens to ``changed``;
none polls. The core's ChangeBus may fire from a worker thread (an import); emitting a Qt signal
from there queues delivery onto the GUI thread, so slots never run off the GUI thread.
"""

from __future__ import annotations

import gc
from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kolabik_desktop.core.errors import EventFileError, KolabikError
from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.scoring.model import EventSpec
from kolabik_desktop.core.store.db import Change, EventDB
from kolabik_desktop.core.store.queries import scores
from kolabik_desktop.core.store.queries.fast_scores import (
    MarkedSpec,
    read_event_spec_marked,
    read_scorer_input,
)
from kolabik_desktop.core.store.sqlite_file import CommitWatcher
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.workers import (
    TaskRunner,
    gc_paused,
    register_runner,
    unregister_runner,
)

# After the scores are in, the views rank and paint them before the writer is loaded.
WRITER_DELAY_MS = 200
# A read-only window follows another program's saves: SQLite tells no other process, so the
# file's data_version is looked at this often (a few microseconds each), and the scores are read
# again in the background when it moved.
FOLLOW_INTERVAL_MS = 1000


def _read_scorer(db: EventDB, known: MarkedSpec | None = None) -> Scorer:
    """Every score of the event in a scorer: the read layer's sqlite3 path for an event file (the
    portable one for a server), and no garbage collection while ~100k long-lived objects are
    made: each full pass would scan them all (about 100 ms on the national event, measured), and
    none of them is garbage."""
    with gc_paused():
        event, values = read_scorer_input(db, known)
        return Scorer(event, values)


class EventContext(QObject):
    # Emitted on the GUI thread after the scorer has absorbed the change.
    changed = Signal(object)  # Change
    # The file was deleted or replaced under the window: the message says where the data went.
    file_problem = Signal(str)
    closing = Signal()  # just before the file is closed: features stop work that writes to it
    # The checks made after the paint refuse the file (damaged): the window closes it.
    refused = Signal(object)  # the KolabikError
    _incoming = Signal(object)  # from the core bus, possibly from a worker thread

    def __init__(
        self, db: EventDB, parent: QObject | None = None, *, defer_scores: bool = False
    ) -> None:
        """``defer_scores``: read the event's structure alone (entries, stages, jurors: what the
        window needs to paint, ``event``), and the scores later with ``load_scores()`` in the
        task runner; ``changed(Change("all"))`` says they are in. Until then ``scorer`` is an
        engine on the structure alone, built only if something asks for it."""
        super().__init__(parent)
        self.db = db
        self.scores_loaded = not defer_scores
        # The integrity check made after the paint found the file damaged (refused): nothing,
        # not even a backup, may copy it from now on.
        self.damaged = False
        self._generation = 0  # a full rebuild while the scores load makes that load stale
        self._moved_while_loading: set[int] = set()
        self._scorer: Scorer | None = None
        # The structure the window paints from, marked: the background read of the scores takes
        # it again if nothing was written in between.
        self._painted_spec: MarkedSpec | None = None
        if defer_scores:
            self._painted_spec = read_event_spec_marked(db)
            self._spec = self._painted_spec[0]
        else:
            self.scorer = _read_scorer(db)
            self._spec = self.scorer.event
        self._incoming.connect(self._absorb)
        self._unsubscribe = db.changes.subscribe(self._incoming.emit)
        # The event's own background work: closing waits for it before the lock is released.
        self.tasks = TaskRunner(self)
        register_runner(db, self.tasks)
        # Notices the file deleted or replaced at once (inotify; the file is never opened), not
        # only at the next save, so the data is written back while the window is idle too.
        self._watcher = QFileSystemWatcher([str(db.path)], self)
        self._watcher.fileChanged.connect(self._file_changed)
        self._follower: CommitWatcher | None = None
        self._follow_timer: QTimer | None = None
        if db.read_only and not db.on_server:  # a server's window is never the read-only one
            self._follower = CommitWatcher(Path(db.path))
            self._follow_timer = QTimer(self)
            self._follow_timer.setInterval(FOLLOW_INTERVAL_MS)
            self._follow_timer.timeout.connect(self._follow)
            self._follow_timer.start()

    @property
    def scorer(self) -> Scorer:
        if self._scorer is None:  # asked for before the scores were read
            self._scorer = Scorer(self._spec, {})
        return self._scorer

    @scorer.setter
    def scorer(self, scorer: Scorer) -> None:
        """Every full read of the scores comes in here. Its ~100k long-lived score objects are
        frozen out of the collector: every full garbage collection would otherwise rescan them,
        which showed up as 150–300 ms stalls of the live board after an edit."""
        self._scorer = scorer
        gc.freeze()

    @property
    def event_spec(self) -> EventSpec:
        """The event's structure: the scorer's, or before it is built the one read for the
        first paint (the same: a change of structure rebuilds the scorer)."""
        return self._scorer.event if self._scorer is not None else self._spec

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

    def _follow(self) -> None:
        """Another program committed to the read-only event: read it again, off the GUI thread,
        and announce it as a whole change (the views re-read what they show)."""
        if self._follower is None or self.tasks.closed or not self.scores_loaded:
            return  # the first read is still under way: it sees those commits itself
        if not self._follower.take_move():
            return
        self._generation += 1
        db, generation = self.db, self._generation
        self.tasks.start(
            lambda _progress: _read_scorer(db),
            lambda scorer: self._followed(generation, scorer),
            lambda exc: self.file_problem.emit(error_text(exc)),
        )

    def _followed(self, generation: int, scorer: Scorer) -> None:
        if generation != self._generation or self.tasks.closed:
            return  # a later read (or a rebuild) is newer
        self.scorer = scorer
        self.changed.emit(Change("all"))

    def after_paint(self) -> None:
        """The work the window's first paint did not wait for. At the program's start (scores
        deferred): the scores in the task runner, then the writer (``prepare_writer``). Any other
        open (File › Open, a juror's kit) makes the engine now, on this thread: SQLAlchemy is
        usually loaded already, and importing it in a worker would hold the GIL against the
        first keystrokes (a search keystroke measured 80 ms at p95 meanwhile)."""
        if self.scores_loaded:
            if not self.tasks.closed:
                self._make_writer_now()
        else:
            self.load_scores()

    def _make_writer_now(self) -> None:
        try:
            self.db.prepare_engine()
        except KolabikError as exc:
            self._writer_failed(exc)

    def prepare_writer(self) -> None:
        """Make the event's SQLAlchemy engine and load the writer in the task runner, so that the
        first save does not pay their import. A save that comes first waits for them (the
        engine is made on first use, under a lock): it is never dropped."""
        if self.db.engine_ready or self.tasks.closed:
            return
        self.tasks.start(lambda _progress: self.db.prepare_engine(), None, self._writer_failed)

    def _writer_failed(self, exc: Exception) -> None:
        if isinstance(exc, EventFileError):  # the integrity check: the file is damaged
            self.damaged = True
            self.refused.emit(exc)
        else:
            self.file_problem.emit(error_text(exc))

    def load_scores(self) -> None:
        """Read every score in the event's task runner (after the window has painted)."""
        if self.scores_loaded or self.tasks.closed:
            return
        db, generation, known = self.db, self._generation, self._painted_spec
        self.tasks.start(
            lambda _progress: _read_scorer(db, known),
            lambda scorer: self._scores_in(generation, scorer),
            lambda exc: self.file_problem.emit(error_text(exc)),
        )

    def _scores_in(self, generation: int, scorer: Scorer) -> None:
        if generation != self._generation or self.scores_loaded:
            return  # rebuilt in full meanwhile (a rubric change, a reload): that one is newer
        self.scorer = scorer
        self.scores_loaded = True
        moved, self._moved_while_loading = self._moved_while_loading, set()
        if moved:  # saved while the scores loaded: the read may predate them
            self._reread(moved)  # one announcement below covers them
        self.changed.emit(Change("all"))
        # The writer loads next, once the views have ranked and painted the scores: importing it
        # holds the GIL for a third of a second, which would slow their first paint.
        QTimer.singleShot(WRITER_DELAY_MS, self.prepare_writer)

    def _absorb(self, change: Change) -> None:
        if self.tasks.closed:
            return  # queued before the event was closed: nothing listens any more
        if not self.scores_loaded and change.kind == "scores":
            self._moved_while_loading.update(change.entry_ids)
        if change.kind == "scores" and change.entry_ids:
            self._reread(change.entry_ids)
        elif change.kind in ("comments", "submission", "packages", "presentation"):
            pass  # no score moves; listeners still hear about it
        else:
            self._rebuild()
        self.changed.emit(change)

    def _reread(self, entry_ids: Collection[int]) -> None:
        # Incremental: re-read only the changed entries' scores (a leaderboard must move
        # within 200 ms on a 3,000-entry event; a full reload takes longer than that).
        for entry_id, values in scores.entry_values(self.db, entry_ids).items():
            self.scorer.replace_entry_values(entry_id, values)

    def _rebuild(self) -> None:
        self._generation += 1
        self.scorer = _read_scorer(self.db)
        self.scores_loaded = True
        self._moved_while_loading.clear()

    def reload(self) -> None:
        self._rebuild()
        self.changed.emit(Change("all"))

    def close(self) -> None:
        self.closing.emit()
        if self._follow_timer is not None:
            self._follow_timer.stop()
        if self._follower is not None:
            self._follower.close()
            self._follower = None
        self._watcher.removePaths(self._watcher.files())
        self.tasks.shutdown()
        unregister_runner(self.db)
        self._unsubscribe()
        self.db.close()
