"""Create and open event files: SQLite with WAL and foreign keys, schema managed by Alembic.

Opening an older file backs it up beside itself, then migrates it; a file whose schema revision
this program does not know (written by a newer version) is refused and left untouched.

Opening a current file needs no SQLAlchemy: the checks, the lock and the event row use sqlite3,
and the engine (SQLAlchemy, the ORM models) is made on its first use (``EventDB.engine``). The
window paints from the read layer's sqlite3 path (``EventDB.sqlite_reader``) and makes the engine
in the background after the paint (``EventDB.prepare_engine``), so SQLAlchemy's import (about a
third of a second) is not on the way to the first paint.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sqlite3
import stat
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import (
    EventFileError,
    KolabikError,
    NewerVersionError,
    StorageError,
)
from kolabik_desktop.core.store import outbox
from kolabik_desktop.core.store.location import is_server_url

# SQLAlchemy-free helpers (the read layer's fast path uses them without loading SQLAlchemy).
from kolabik_desktop.core.store.sqlite_file import (
    MIGRATIONS_DIR,
    _journal_has_frames,
    _revision_graph,
    head_revision_of,
    read_only_uri,
    revision_of,
    sqlite_uri,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_MAGIC = b"SQLite format 3\x00"

# How long close() waits for the sessions and reads other threads have under way, then again for
# a commit under way: SQLite's own busy_timeout (5 s) bounds a commit, with room to spare.
CLOSE_WAIT_SECONDS = 10.0

log = logging.getLogger(__name__)


def utc_now() -> str:
    """Timestamps are ISO-8601 UTC text: sortable, portable, and stable inside hashes."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _upgrade_to_head(connection: Any) -> None:
    # Alembic is imported only here: opening a current file (every window start) never needs
    # it, and importing it costs a quarter of a second.
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")


def known_revisions() -> set[str]:
    return set(_revision_graph(MIGRATIONS_DIR))


def head_revision() -> str:
    head = head_revision_of(MIGRATIONS_DIR)
    if head is None:
        raise RuntimeError(
            f"the migrations must have exactly one head: {sorted(known_revisions())}"
        )
    return head


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed score survives a power cut, not just a crash of the app.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def set_self_contained_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """A file being built to be renamed into place (after the WAL pragmas of a new engine): a
    rollback journal, so every committed row is in the file itself when its transaction ends
    and the rename moves all of it; no syncs, the atomic write syncs the finished file once."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=DELETE")
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.close()


def _set_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def _make_read_only_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    uri = read_only_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    engine = create_engine(f"sqlite:///{path}", creator=connect, future=True)
    event.listen(engine, "connect", _set_read_only_pragmas)
    return engine


@dataclass(frozen=True)
class Change:
    """What a committed write changed, for listeners (leaderboard, projector, progress views).

    kind: "scores", "rubric", "entries", "jurors", "event", "submission", "decisions",
    "presentation" (the presentation session's running order), "all".
    entry_ids: the entries whose scores may have moved (empty = unknown, treat as all).
    """

    kind: str
    entry_ids: frozenset[int] = frozenset()
    source: str = "local"


@dataclass
class ChangeBus:
    """The one change signal of architecture.md, without Qt: the UI bridges it to a Signal."""

    _listeners: list[Callable[[Change], None]] = field(default_factory=list)

    def subscribe(self, listener: Callable[[Change], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)


def _disk_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def storage_error(path: Path, exc: BaseException) -> StorageError:
    """Turn SQLite's terse failures into a message a juror can act on."""
    text = str(exc).lower()
    if "disk is full" in text or _disk_full(path):
        return StorageError.coded(ec.SAVE_DISK_FULL, file=path.name)
    if "readonly" in text or "read-only" in text:
        return StorageError.coded(ec.SAVE_READ_ONLY, file=path.name)
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StorageError.coded(ec.SAVE_DAMAGED, file=path.name)
    if "disk i/o" in text:
        return StorageError.coded(ec.SAVE_IO, file=path.name)
    if "locked" in text or "busy" in text:
        return StorageError.coded(ec.SAVE_BUSY, file=path.name)
    return StorageError.coded(ec.SAVE_REFUSED, file=path.name, detail=str(exc))


def damaged_error(path: Path, exc: BaseException | str) -> EventFileError:
    """The file's content is bad, or (for an I/O failure) why it could not be opened."""
    text = str(exc).lower()
    damaged = "malformed" in text or "not a database" in text or "corrupt" in text
    if not damaged and not isinstance(exc, str):
        if _disk_full(path):
            return EventFileError.coded(ec.OPEN_DISK_FULL, path=str(path))
        if "readonly" in text or "read-only" in text:
            return EventFileError.coded(ec.OPEN_READ_ONLY, path=str(path))
        if "disk i/o" in text or "unable to open" in text:
            return EventFileError.coded(ec.OPEN_IO, path=str(path), detail=str(exc))
    if "not a database" in text:
        return EventFileError.coded(ec.FILE_NOT_EVENT, path=path)
    return EventFileError.coded(ec.FILE_DAMAGED, path=path, detail=exc)


class EventDB:
    """An open event file. Hands out short sessions; holds no ORM objects itself.

    ``read_only``: opened so that nothing here can write, checkpoint or delete a journal (every
    command that only reads). A writer keeps one extra connection (the keeper) for its whole life:
    it keeps the file's data and journal reachable even if someone deletes or replaces the file,
    so every committed change can be written back (see ``check_file``).
    """

    # Defaults for subclasses that keep no file (dialect.ServerEventDB): nothing to check there.
    on_server = False  # True for dialect.ServerEventDB (asked without importing dialect)
    read_only = False
    _keeper: sqlite3.Connection | None = None
    _keepers_opened = 0
    # Held while the keeper is used, swapped or closed: a worker takes the write mark (the
    # window's background read of the scores) while the GUI thread may write the file back.
    # A server event keeps no keeper: nothing to hold there.
    _keeper_lock: threading.RLock | contextlib.nullcontext[None] = contextlib.nullcontext()
    _last_write_mark: tuple[int, int] | None = None
    _gone: str | None = None
    _closed = False

    _engine: Engine | None = None
    _make: Callable[[], Engine] | None = None
    # Declared, not made here: a lock made at class level is one lock shared by every event that
    # skips __init__ (dialect.ServerEventDB). Each event makes its own in __init__.
    _engine_lock: threading.Lock
    _closing = False
    _reader_uri: str | None = None

    def __init__(
        self,
        path: Path,
        engine: Engine | None = None,
        *,
        read_only: bool = False,
        make_engine: Callable[[], Engine] | None = None,
    ):
        """``engine``: made already (a new file being built, an older file migrated in memory).
        Or ``make_engine``: how to make it on first use; the file is current, so until then the
        read layer reads it with sqlite3 (``sqlite_reader``) and SQLAlchemy need not be loaded."""
        assert (engine is None) != (make_engine is None)
        self.path = path
        self._engine_lock = threading.Lock()
        self._keeper_lock = threading.RLock()
        # The sessions and reads under way (thread id -> how many on it), and the commits under
        # way: close() refuses new ones at once, and waits for these before it lets the file go.
        self._uses = threading.Condition()
        self._users: dict[int, int] = {}
        self._commits = 0
        self._closing = False  # close() has begun: no new session, read or engine
        self._closed = False  # ... and no commit: the engine is being disposed, the lock freed
        self._engine = None if engine is None else self._refuse_when_closed(engine)
        self._make = make_engine
        self.read_only = read_only
        # The read layer's sqlite3 path, for a current file (no engine made yet): a writer's
        # reads see its own commits (mode=ro, never immutable); a reader's file may be on
        # read-only media (read_only_uri decides).
        self._reader_uri: str | None = None
        if engine is None:
            self._reader_uri = read_only_uri(path) if read_only else sqlite_uri(path)
        self.changes = ChangeBus()
        self._keeper: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None
        self._journal_identity: tuple[int, int] | None = None
        self._index_identity: tuple[int, int] | None = None
        self._gone: str | None = None  # set when the file was replaced: writes are refused
        self.recovered_paths: list[Path] = []  # set when the file was put back after deletion
        self.lock: Any = None  # an EventLock when opened by a writer
        if not read_only:
            self._open_keeper()
        row = self._event_row()
        if row is None:
            self.close()
            raise EventFileError.coded(ec.FILE_NO_EVENT_RECORD, path=path)
        self.uid: str = row[0]
        self.kind: str = row[1]
        self.kit_juror_id: int | None = row[2]

    def _event_row(self) -> tuple[str, str, int | None] | None:
        """The event row's identity, as the ORM's ``select(Event).first()`` reads it."""
        if self._engine is not None:
            from sqlalchemy import select

            from kolabik_desktop.core.store.models import Event

            with self.session() as s:
                ev = s.scalars(select(Event)).first()
            return None if ev is None else (ev.uid, ev.kind, ev.kit_juror_id)
        with self.sqlite_reader() as conn:
            row = conn.execute("SELECT uid, kind, kit_juror_id FROM event LIMIT 1").fetchone()
        return None if row is None else (row[0], row[1], row[2])

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use, on any thread: a
        write that comes before ``prepare_engine`` has finished waits for it, never skips.

        Refused once ``close`` has begun, except to a thread whose session began before it."""
        engine = self._engine
        if engine is not None and not self._closing:
            return engine
        with self._uses:
            if self._closed or (self._closing and threading.get_ident() not in self._users):
                raise StorageError.coded(ec.FILE_CLOSED, file=self.path.name)
        if engine is None:
            with self._engine_lock:
                if self._engine is None:
                    if self._closed:  # checked again under the lock close() disposes under
                        raise StorageError.coded(ec.FILE_CLOSED, file=self.path.name)
                    assert self._make is not None
                    self._engine = self._refuse_when_closed(self._make())
                engine = self._engine
        return engine

    @engine.setter
    def engine(self, value: Engine) -> None:
        self._engine = value

    def _refuse_when_closed(self, engine: Engine) -> Engine:
        """A disposed engine reconnects on its next use: whoever kept it from before ``close``
        would reach the file without its lock. Every new connection is refused once closed."""
        from sqlalchemy import event

        def refuse(*_args: object) -> None:
            if self._closed:
                raise StorageError.coded(ec.FILE_CLOSED, file=self.path.name)
            # None: SQLAlchemy goes on to connect as usual

        event.listen(engine, "do_connect", refuse)
        return engine

    @contextmanager
    def _in_use(self) -> Iterator[None]:
        """A session or read of the file, counted so that ``close`` can wait for it; refused at
        once when ``close`` has begun, unless its thread has one under way already (nested work
        of a session that began before the close, which must be able to finish)."""
        me = threading.get_ident()
        with self._uses:
            if self._closed or (self._closing and me not in self._users):
                # A closed event has released its lock: a late task must not reconnect without it.
                raise StorageError.coded(ec.FILE_CLOSED, file=self.path.name)
            self._users[me] = self._users.get(me, 0) + 1
        try:
            yield
        finally:
            with self._uses:
                if self._users[me] == 1:
                    del self._users[me]
                else:
                    self._users[me] -= 1
                self._uses.notify_all()

    @property
    def engine_ready(self) -> bool:
        return self._engine is not None

    def prepare_engine(self) -> None:
        """Make the engine and load the writer now (a worker thread, after the window painted),
        so that the first save does not pay SQLAlchemy's import."""
        self.engine  # noqa: B018 - made on access
        import kolabik_desktop.core.store.services  # noqa: F401 - the writer and its models

    @property
    def _sessionmaker(self) -> sessionmaker[Session]:
        maker = self.__dict__.get("_maker")
        if maker is None:
            from sqlalchemy.orm import sessionmaker

            maker = self.__dict__["_maker"] = sessionmaker(self.engine, expire_on_commit=False)
        return maker

    @_sessionmaker.setter
    def _sessionmaker(self, value: sessionmaker[Session]) -> None:
        self.__dict__["_maker"] = value

    @property
    def reads_with_sqlite(self) -> bool:
        """True when the read layer may read this event with sqlite3 (``sqlite_reader``): a
        current event file. False for a server, or an older file migrated in memory."""
        return self._reader_uri is not None

    @contextmanager
    def sqlite_reader(self) -> Iterator[sqlite3.Connection]:
        """A read-only sqlite3 connection to the file (``mode=ro``: it can never write,
        checkpoint or delete a journal), in one read transaction, closed after; for the read
        layer's fast path (``reads_with_sqlite``)."""
        with self._in_use():
            assert self._reader_uri is not None, "not an event file read with sqlite3"
            self.check_file()
            try:
                conn = sqlite3.connect(self._reader_uri, uri=True, check_same_thread=False)
            except sqlite3.Error as exc:
                raise damaged_error(self.path, exc) from exc
            try:
                conn.execute("PRAGMA query_only=ON")
                conn.execute("BEGIN")
                yield conn
            except sqlite3.OperationalError as exc:
                raise storage_error(self.path, exc) from exc
            except sqlite3.DatabaseError as exc:
                raise damaged_error(self.path, exc) from exc
            finally:
                conn.close()

    def _open_keeper(self) -> None:
        self._keeper = sqlite3.connect(str(self.path), check_same_thread=False)
        self._keepers_opened += 1
        # WAL first (kits and backups are stored in rollback mode), then a read: the keeper then
        # holds the -wal and -shm open, so their content stays reachable even once unlinked.
        self._keeper.execute("PRAGMA journal_mode=WAL").fetchone()
        self._keeper.execute("SELECT count(*) FROM sqlite_master").fetchone()
        self._identity = _identity(self.path)
        self._journal_identity = _identity(Path(f"{self.path}-wal"))
        self._index_identity = _identity(Path(f"{self.path}-shm"))

    def write_mark(self) -> tuple[int, int] | None:
        """A value that moves whenever a write is committed to the file, and only then: equal
        marks mean nothing was written in between (what a rolling backup compares, not the
        change notices, one of which announces a read). None for a file no keeper holds (a
        reader, a server).

        The keeper never writes, so its ``PRAGMA data_version`` moves on every commit by any
        other connection (the engine's, a sqlite3 writer's; a few microseconds to read). A
        write-back opens a new keeper, whose count starts afresh: the keeper's number is part
        of the mark. After ``close`` it is the mark the file was closed with.
        """
        with self._keeper_lock:
            if self._keeper is not None:
                version = int(self._keeper.execute("PRAGMA data_version").fetchone()[0])
                self._last_write_mark = (self._keepers_opened, version)
            return self._last_write_mark

    def check_file(self) -> None:
        """Make sure the file at ``path`` is still this event; if not, save our data first.

        Deleted (with or without its journal): every committed change is written back from the
        keeper connection to a new file at the same path, and the lock is taken on it. Replaced by
        another file: our data goes to ``NAME.recovered.kolabik`` beside it, our stale journal is
        removed so it cannot touch the other file, and further writes are refused.
        """
        if self._gone is not None:
            raise StorageError(self._gone)
        if self.read_only or self._keeper is None:
            return
        if _identity(self.path) == self._identity:
            return
        with self._keeper_lock:
            self._write_back()

    def _write_back(self) -> None:
        """``check_file`` once the file has moved, under the keeper's lock: a second thread that
        found it moved too waits here, then finds it written back (or knows it was replaced)."""
        if self._gone is not None:
            raise StorageError(self._gone)
        if self._keeper is None:
            return  # closed meanwhile
        current = _identity(self.path)
        if current == self._identity:
            return
        target = self.path if current is None else _recovered_path(self.path)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.recovering")
        try:
            _remove_sqlite_files(tmp)
            dst = sqlite3.connect(str(tmp))
            try:
                self._keeper.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
            copied = _count_rows(tmp)
        except (sqlite3.Error, OSError) as exc:
            _remove_sqlite_files(tmp)
            raise StorageError.coded(
                ec.FILE_GONE_WHILE_OPEN, file=self.path.name, detail=str(exc)
            ) from exc
        self._drop_connections_and_own_journals()
        fsync_and_rename(tmp, target)
        self.recovered_paths.append(target)
        if current is not None:
            self._gone = (
                f"{self.path.name} was replaced by another file while open; every saved change "
                f"({copied} scores) was written to {target.name}. Open that file to continue."
            )
            raise StorageError(self._gone)
        self._reattach()

    def _drop_connections_and_own_journals(self) -> None:
        """Close our connections and remove OUR -wal/-shm from beside the path.

        SQLite keeps the journal of a moved or unlinked database on close (no checkpoint, no
        delete), and the next opener of whatever file now has that name would replay it: the
        "Rowid out of order" corruption. Only files with the identity we recorded are removed; a
        journal that came with a replacing file is left alone.
        """
        for suffix, ident in (("-wal", self._journal_identity), ("-shm", self._index_identity)):
            journal = Path(f"{self.path}{suffix}")
            if ident is not None and _identity(journal) == ident:
                journal.unlink(missing_ok=True)
        if self._engine is not None:
            self._engine.dispose()
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None

    def _reattach(self) -> None:
        """After a write-back at the same path: new connections and the lock on the new file."""
        from kolabik_desktop.core.store.lock import EventLock

        if self.lock is not None:
            self.lock.release()
            self.lock = EventLock.acquire(self.path, since=utc_now())
        self._open_keeper()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short unit of work: committed on success, rolled back on any error."""
        with self._in_use():
            self.check_file()
            from sqlalchemy.exc import DatabaseError, OperationalError

            s = self._sessionmaker()
            try:
                yield s
                self._commit(s)
            except OperationalError as exc:
                s.rollback()
                raise storage_error(self.path, exc) from exc
            except DatabaseError as exc:
                s.rollback()
                if type(exc) is DatabaseError:  # SQLite's "malformed" / "not a database"
                    raise damaged_error(self.path, exc.orig or exc) from exc
                raise
            except BaseException:
                s.rollback()
                raise
            finally:
                s.close()

    def _commit(self, s: Session) -> None:
        """Commit, unless ``close`` gave up waiting for this session: its lock may be freed by
        now, so the work is refused (rolled back by the caller). A commit under way is counted:
        close lets the file go only after it."""
        with self._uses:
            if self._closed:
                raise StorageError.coded(ec.FILE_CLOSED, file=self.path.name)
            self._commits += 1
        try:
            s.commit()
        finally:
            with self._uses:
                self._commits -= 1
                self._uses.notify_all()

    def notify(self, change: Change) -> None:
        self.changes.emit(change)

    def _stop_uses(self) -> bool:
        """Refuse new sessions, reads and engines, then wait (bounded) for those other threads
        have under way; past the bound, their commits are refused. False when a commit was still
        under way after the second bound."""
        me = threading.get_ident()
        with self._uses:
            self._closing = True
            # The closing thread's own session (a close from inside it) is not waited for: it is
            # refused at its commit, as the file is let go under it.
            if not self._uses.wait_for(lambda: self._users.keys() <= {me}, CLOSE_WAIT_SECONDS):
                log.warning("%s closed with work still under way: it is refused", self.path.name)
            self._closed = True
            return self._uses.wait_for(lambda: self._commits == 0, CLOSE_WAIT_SECONDS)

    def close(self) -> None:
        committed = self._stop_uses()
        if (
            self._keeper is not None
            and self._gone is None
            and _identity(self.path) != self._identity
        ):
            # Deleted or replaced since the last save: save first, and never leave our journal
            # beside another file.
            with contextlib.suppress(KolabikError):
                self.check_file()
        with self._engine_lock:  # a prepare_engine under way finishes first: it is disposed here
            if self._engine is not None:
                self._engine.dispose()
        with self._keeper_lock:
            if self._keeper is not None:
                self.write_mark()  # the last one, for a backup taken once the file is closed
                self._keeper.close()
                self._keeper = None
        if self.lock is not None:
            if not committed:
                # A commit still writing: freeing the lock would let another writer in under it.
                # The OS frees the lock when this program ends.
                log.error("%s: a commit is still under way; its lock is kept", self.path.name)
                return
            self.lock.release()
            self.lock = None

    def __enter__(self) -> EventDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _recovered_path(path: Path) -> Path:
    target = path.with_name(path.stem + ".recovered" + path.suffix)
    n = 2
    while target.exists():
        target = path.with_name(f"{path.stem}.recovered-{n}{path.suffix}")
        n += 1
    return target


def _count_rows(path: Path) -> int:
    conn = sqlite3.connect(sqlite_uri(path), uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM score").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def _remove_sqlite_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def fsync_and_rename(tmp: Path, target: Path) -> None:
    """Flush a finished file to disk, rename it over ``target`` and flush the folder entry."""
    from kolabik_desktop.core.files import fsync_dir, fsync_file

    fsync_file(tmp)
    os.replace(tmp, target)
    fsync_dir(target.parent)


def add_event_row(
    engine: Engine, *, uid: str | None, name: str, year: int | None, organiser: str, kind: str
) -> None:
    """The one ``event`` row of a new event, file or server (a fresh uid unless one is given)."""
    from sqlalchemy.orm import sessionmaker

    from kolabik_desktop.core.store.models import Event

    with sessionmaker(engine)() as s:
        s.add(
            Event(
                uid=uid or str(uuid.uuid4()),
                name=name,
                year=year,
                organiser=organiser,
                kind=kind,
                created_at=utc_now(),
            )
        )
        s.commit()


def _building_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.building")


def _remove_stale_builds(path: Path) -> None:
    """Half-built files left by a killed ``new`` or import (their process is gone)."""
    for old in path.parent.glob(f".{glob_escape(path.name)}.*.building"):
        pid = old.name.rsplit(".", 2)[-2]
        if pid.isdigit() and not _process_alive(int(pid)):
            _remove_sqlite_files(old)


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def create_event_file(
    path: str | Path,
    *,
    name: str,
    year: int | None = None,
    organiser: str = "",
    uid: str | None = None,
    kind: str = "event",
    overwrite: bool = False,
    build: Callable[[EventDB], None] | None = None,
) -> EventDB:
    """Create a new event file at the current schema, with a fresh unique event id.

    The file is built beside the target (``.NAME.PID.building``), filled by ``build`` if given,
    and renamed into place only when complete: a crash or a refusal leaves no half-made event,
    and never blocks a retry. Returns the event open for writing (without the lock).

    A ``postgresql://`` URL creates the event in that (empty) server database instead (a failed
    ``build`` empties it again).
    """
    if is_server_url(path):
        from kolabik_desktop.core.store import dialect

        server = dialect.create_server_event(
            str(path),
            name=name,
            year=year,
            organiser=organiser,
            uid=uid,
            kind=kind,
            overwrite=overwrite,
        )
        if build is not None:
            try:
                build(server)
            except BaseException:
                server.close()
                dialect.discard_new_event(str(path))
                raise
        return server
    path = Path(path)
    if path.exists() and not overwrite:
        raise EventFileError.coded(ec.CREATE_EXISTS, path=str(path))
    if path.is_dir():
        raise EventFileError.coded(ec.CREATE_IS_FOLDER, path=str(path))
    if not path.parent.is_dir():
        raise EventFileError.coded(ec.COPY_NO_FOLDER, folder=str(path.parent))
    from kolabik_desktop.core.store.lock import writable_problem

    problem = writable_problem(path, new=True)
    if problem:
        raise EventFileError.coded(ec.CREATE_NOT_WRITABLE, path=str(path), detail=problem)
    with contextlib.suppress(OSError):
        _remove_stale_builds(path)
    tmp = _building_path(path)
    _remove_sqlite_files(tmp)
    try:
        engine = _make_engine(tmp)
        try:
            with engine.begin() as conn:
                _upgrade_to_head(conn)
            add_event_row(engine, uid=uid, name=name, year=year, organiser=organiser, kind=kind)
            if kind == "kit":
                with engine.begin() as conn:
                    outbox.add_triggers(conn.exec_driver_sql)
        finally:
            engine.dispose()
        if build is not None:
            with EventDB(tmp, _make_engine(tmp)) as db:
                build(db)
        # The last connection closed: the WAL is checkpointed into the file and removed.
        _publish(tmp, path, overwrite=overwrite)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            _remove_sqlite_files(tmp)
        if isinstance(exc, KolabikError) or not isinstance(exc, Exception):
            raise
        from sqlalchemy.exc import DatabaseError

        # DatabaseError too, not only OperationalError: a damaged file ("malformed", "not a
        # database") is SQLite's DatabaseError, and is worded by a reason code like the others.
        if isinstance(exc, DatabaseError | sqlite3.DatabaseError | OSError):
            raise _create_error(path, exc) from None
        raise EventFileError.coded(ec.CREATE_FAILED, path=str(path), detail=str(exc)) from exc
    return open_event_file(path)


# What SQLite's failure to write means, as the reason codes files.py gives an OSError.
_STORAGE_REASONS = {
    ec.SAVE_DISK_FULL: "disk_full",
    ec.SAVE_READ_ONLY: "read_only",
    ec.SAVE_IO: "io_error",
    ec.SAVE_BUSY: "busy",
    ec.SAVE_DAMAGED: "damaged",
}


def _create_error(path: Path, exc: BaseException) -> EventFileError:
    """The event could not be created: why, as a reason code the window words in its language
    (the OS's or SQLite's own text only when no code fits)."""
    from kolabik_desktop.core.files import os_error_code

    if isinstance(exc, OSError):
        reason_code, detail = os_error_code(exc), exc.strerror or str(exc)
    else:
        reason_code, detail = _STORAGE_REASONS.get(storage_error(path, exc).code, ""), str(exc)
    return EventFileError.coded(
        ec.CREATE_FAILED_NOTHING, path=str(path), reason=detail, reason_code=reason_code
    )


def _publish(tmp: Path, path: Path, *, overwrite: bool) -> None:
    if not overwrite and path.exists():
        raise EventFileError.coded(ec.CREATE_EXISTS, path=str(path))
    lock = None
    if overwrite and path.exists():
        from kolabik_desktop.core.store.lock import EventLock

        lock = EventLock.acquire(path)  # a window holding the old file refuses the overwrite
    try:
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        fsync_and_rename(tmp, path)
    finally:
        if lock is not None:
            lock.release()


def _check_path(path: Path) -> None:
    """Refuse what cannot be an event, without opening it outside SQLite (see lock.py)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise EventFileError.coded(ec.LOCK_NOT_FOUND, path=str(path)) from None
    except OSError as exc:
        raise EventFileError.coded(
            ec.LOCK_UNREADABLE, path=str(path), detail=exc.strerror or str(exc)
        ) from None
    if stat.S_ISDIR(st.st_mode):
        raise EventFileError.coded(ec.OPEN_IS_FOLDER, path=str(path))
    if not stat.S_ISREG(st.st_mode):
        raise EventFileError.coded(ec.OPEN_NOT_REGULAR, path=str(path))
    if st.st_size < len(SQLITE_MAGIC):
        raise EventFileError.coded(ec.FILE_EMPTY, path=path)


def schema_revision(path: Path) -> str | None:
    """The file's Alembic revision, read without migrating or writing anything."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            return revision_of(conn)
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise EventFileError.coded(ec.OPEN_LOCKED, path=str(path)) from exc
        if "unable to open" in str(exc) or "disk i/o" in str(exc).lower():
            if _disk_full(path):
                raise EventFileError.coded(ec.OPEN_DISK_FULL_READ, path=str(path)) from exc
            raise EventFileError.coded(ec.OPEN_IO, path=str(path), detail=str(exc)) from exc
        raise damaged_error(path, exc) from exc
    except sqlite3.DatabaseError as exc:
        raise damaged_error(path, exc) from exc


def backup_path_for(path: Path, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.before-upgrade-{revision or 'none'}-{stamp}.bak")


def open_event_file(
    path: str | Path, *, lock: bool = False, read_only: bool = False, check_later: bool = False
) -> EventDB:
    """Open an event file, migrating an older one after a backup; refuse a newer one.

    ``read_only=True`` (every command that only reads): nothing can be written, and an older file
    is migrated in memory only. ``lock=True`` (a window, every writing command) takes the
    one-writer lock first, refuses a file another running instance holds, and refuses to write
    into a file that fails SQLite's quick integrity check. A ``postgresql://`` URL opens a server
    event (no file lock: a server takes many writers); with ``lock=True`` it also listens for
    other machines' writes.

    ``check_later`` (the window's start, with ``lock``): the integrity check of a current file
    runs when the engine is made (``EventDB.prepare_engine``, after the window has painted), not
    now; a damaged file then refuses the engine, so nothing is ever written into it.
    """
    if is_server_url(path):
        from kolabik_desktop.core.store import dialect

        return dialect.open_server_event(str(path), listen=lock, read_only=read_only)
    path = Path(path)
    _check_path(path)
    if read_only:
        return _open_read_only(path)
    held = None
    if lock:
        from kolabik_desktop.core.store.lock import EventLock

        held = EventLock.acquire(path, since=utc_now())
    try:
        db = _open_checked(path, check_integrity=lock, check_later=check_later)
    except BaseException:
        if held is not None:
            held.release()
        raise
    db.lock = held
    return db


def _known_revision(path: Path, revision: str | None) -> str:
    if revision is None:
        raise EventFileError.coded(ec.FILE_NO_SCHEMA, path=str(path))
    if revision not in known_revisions():
        raise NewerVersionError.coded(ec.FILE_NEWER, path=str(path), revision=revision)
    return revision


def _open_read_only(path: Path) -> EventDB:
    revision = _known_revision(path, schema_revision(path))
    if revision == head_revision():
        try:
            return EventDB(path, read_only=True, make_engine=lambda: _make_read_only_engine(path))
        except EventFileError:
            raise
        except Exception as exc:
            raise damaged_error(path, exc) from exc
    # An older file is upgraded in a copy in memory: a reader never changes the file.
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    src = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        src.backup(memory)
    finally:
        src.close()
    engine = _make_engine_over(memory)
    with engine.begin() as conn:
        _upgrade_to_head(conn)
    memory.execute("PRAGMA foreign_keys=ON")
    memory.execute("PRAGMA query_only=ON")
    try:
        return EventDB(path, engine, read_only=True)
    except EventFileError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise damaged_error(path, exc) from exc


def _opens_without_writing(path: Path) -> bool:
    """The file is in WAL mode (header bytes 18 and 19 are 2) and its -wal holds no commits."""
    try:
        with open(path, "rb") as fh:  # noqa: PTH123
            header = fh.read(20)
    except OSError:
        return False
    return header[18:20] == b"\x02\x02" and not _journal_has_frames(path)


def _make_engine_over(connection: sqlite3.Connection) -> Engine:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    return create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool, future=True)


def _open_checked(path: Path, *, check_integrity: bool, check_later: bool = False) -> EventDB:
    revision = _known_revision(path, schema_revision(path))
    current = revision == head_revision()
    # Deferred only when opening writes nothing into the file: already in WAL mode (the keeper's
    # switch to WAL rewrites a rollback-mode file's header) and no commits left in its -wal (the
    # keeper's close would checkpoint them into the file). A clean last close leaves exactly that.
    later = check_integrity and check_later and current and _opens_without_writing(path)
    if check_integrity and not later:
        quick_check(path)

    def make_engine() -> Engine:
        if later:  # before the first write can be made: the writer never touches a bad file
            quick_check(path)
        return _make_engine(path)

    if current:
        try:
            return EventDB(path, make_engine=make_engine)
        except KolabikError:
            raise
        except Exception as exc:
            raise damaged_error(path, exc) from exc
    # An older file: backed up beside itself, then migrated (SQLAlchemy and Alembic).
    engine = _make_engine(path)
    backup = backup_path_for(path, revision)
    # The SQLite backup API copies a consistent snapshot even with a WAL beside the file.
    src = sqlite3.connect(read_only_uri(path), uri=True)
    tmp = backup.with_name(f".{backup.name}.part")
    dst = sqlite3.connect(str(tmp))
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()
    fsync_and_rename(tmp, backup)
    try:
        with engine.begin() as conn:
            _upgrade_to_head(conn)
    except Exception as exc:
        engine.dispose()
        raise EventFileError.coded(
            ec.UPGRADE_FAILED, path=str(path), detail=str(exc), backup=backup.name
        ) from exc
    try:
        return EventDB(path, engine)
    except KolabikError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise damaged_error(path, exc) from exc


def quick_check(path: Path) -> None:
    """Refuse to write into a damaged file: SQLite's quick_check, read-only (milliseconds)."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise damaged_error(path, exc) from exc
    if [r[0] for r in rows] != ["ok"]:
        raise damaged_error(path, "; ".join(str(r[0]) for r in rows[:3]))
