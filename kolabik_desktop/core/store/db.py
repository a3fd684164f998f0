"""Create and open event files: SQLite with WAL and foreign keys, schema managed by Alembic.

Opening an older file backs it up beside itself, then migrates it; a file whose schema revision
this program does not know (written by a newer version) is refused and left untouched.
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kolabik_desktop.core.errors import EventFileError, NewerVersionError, StorageError
from kolabik_desktop.core.store.models import Event

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"


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


_REVISION_RE = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION_RE = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


@cache
def _revision_graph(migrations_dir: Path) -> dict[str, str | None]:
    """revision -> down_revision, read from the migration scripts' own headers."""
    graph: dict[str, str | None] = {}
    for script in (migrations_dir / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        rev = _REVISION_RE.search(text)
        if rev:
            down = _DOWN_REVISION_RE.search(text)
            graph[rev.group(1)] = down.group(1) if down else None
    return graph


def known_revisions() -> set[str]:
    return set(_revision_graph(MIGRATIONS_DIR))


def head_revision() -> str:
    graph = _revision_graph(MIGRATIONS_DIR)
    parents = {down for down in graph.values() if down}
    heads = [rev for rev in graph if rev not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, found {heads}")
    return heads[0]


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed score survives a power cut, not just a crash of the app.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


@dataclass(frozen=True)
class Change:
    """What a committed write changed, for listeners (leaderboard, projector, progress views).

    kind: "scores", "rubric", "entries", "jurors", "event", "submission", "decisions", "all".
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


def storage_error(path: Path, exc: BaseException) -> StorageError:
    """Turn SQLite's terse failures into a message a juror can act on."""
    text = str(exc).lower()
    if "disk is full" in text:
        why = "the disk is full. Free some space (or save to a USB stick) and try again"
    elif "readonly" in text or "read-only" in text:
        why = "the file or its folder is read-only. Copy the event to a writable folder"
    elif "disk i/o" in text:
        why = "the disk reported an error (removed USB stick?). Check the drive"
    elif "locked" in text or "busy" in text:
        why = "another program is writing to the file. Try again in a moment"
    else:
        why = f"the database refused the change ({exc})"
    return StorageError(f"{path.name}: the change was NOT saved: {why}. Earlier saves are safe.")


class EventDB:
    """An open event file. Hands out short sessions; holds no ORM objects itself."""

    def __init__(self, path: Path, engine: Engine):
        self.path = path
        self.engine = engine
        self._sessionmaker = sessionmaker(engine, expire_on_commit=False)
        self.changes = ChangeBus()
        # A connection held for the life of the window keeps the file's data reachable even if
        # someone deletes the file under us, so it can be written back (see _ensure_file_present).
        self._keeper: sqlite3.Connection | None = sqlite3.connect(str(path))
        self._inode = path.stat().st_ino
        self.recovered_paths: list[Path] = []  # set when the file was put back after deletion
        self.lock: Any = None  # an EventLock when opened by a window
        with self.session() as s:
            ev = s.scalars(select(Event)).first()
        if ev is None:
            self.close()
            raise EventFileError(f"{path}: not a Kolabik event file (no event record)")
        self.uid: str = ev.uid
        self.kind: str = ev.kind
        self.kit_juror_id: int | None = ev.kit_juror_id

    def _ensure_file_present(self) -> None:
        try:
            present = self.path.stat().st_ino == self._inode
        except FileNotFoundError:
            present = False
        if present or self._keeper is None:
            return
        # The file was deleted or replaced under us: write our copy back before any new write,
        # otherwise new connections would create an empty database at the path.
        target = self.path
        if target.exists():
            target = self.path.with_name(self.path.stem + ".recovered" + self.path.suffix)
        dst = sqlite3.connect(str(target))
        try:
            self._keeper.backup(dst)
        except sqlite3.Error as exc:
            raise StorageError(
                f"{self.path.name} was deleted while open (with its -wal journal) and could not "
                f"be written back ({exc}); restore the newest backup from File > Restore."
            ) from exc
        finally:
            dst.close()
        self.engine.dispose()
        if target == self.path:
            self._keeper.close()
            self._keeper = sqlite3.connect(str(self.path))
            self._inode = self.path.stat().st_ino
        self.recovered_paths.append(target)
        if target != self.path:
            raise StorageError(
                f"{self.path.name} was replaced by another file while open; your data was saved "
                f"to {target.name}. Open that file to continue."
            )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short unit of work: committed on success, rolled back on any error."""
        self._ensure_file_present()
        s = self._sessionmaker()
        try:
            yield s
            s.commit()
        except OperationalError as exc:
            s.rollback()
            raise storage_error(self.path, exc) from exc
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def notify(self, change: Change) -> None:
        self.changes.emit(change)

    def close(self) -> None:
        self.engine.dispose()
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> EventDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def create_event_file(
    path: str | Path,
    *,
    name: str,
    year: int | None = None,
    organiser: str = "",
    uid: str | None = None,
    kind: str = "event",
    overwrite: bool = False,
) -> EventDB:
    """Create a new event file at the current schema, with a fresh unique event id.

    A ``postgresql://`` URL creates the event in that (empty) server database instead.
    """
    from kolabik_desktop.core.store import dialect

    if dialect.is_server_url(path):
        return dialect.create_server_event(
            str(path),
            name=name,
            year=year,
            organiser=organiser,
            uid=uid,
            kind=kind,
            overwrite=overwrite,
        )
    path = Path(path)
    if path.exists():
        if not overwrite:
            raise EventFileError(f"{path}: a file with this name already exists")
        path.unlink()
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    if not path.parent.exists():
        raise EventFileError(f"{path.parent}: folder does not exist")
    engine = _make_engine(path)
    try:
        with engine.begin() as conn:
            _upgrade_to_head(conn)
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
    except Exception as exc:
        engine.dispose()
        path.unlink(missing_ok=True)
        raise EventFileError(f"{path}: could not create the event file: {exc}") from exc
    return EventDB(path, engine)


def _check_is_sqlite(path: Path) -> None:
    if not path.exists():
        raise EventFileError(f"{path}: file not found")
    if path.is_dir():
        raise EventFileError(f"{path}: is a folder, not an event file")
    try:
        with path.open("rb") as fh:
            magic = fh.read(16)
    except OSError as exc:
        raise EventFileError(f"{path}: cannot be read ({exc.strerror})") from exc
    if magic != SQLITE_MAGIC:
        raise EventFileError(f"{path}: not a Kolabik event file (not a SQLite database)")


def schema_revision(path: Path) -> str | None:
    """The file's Alembic revision, read without migrating or writing anything."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            has_table = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if not has_table:
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise EventFileError(f"{path}: the file is locked by another program") from exc
        raise EventFileError(f"{path}: the file is damaged or not a database ({exc})") from exc
    except sqlite3.DatabaseError as exc:
        raise EventFileError(f"{path}: the file is damaged or not a database ({exc})") from exc


def backup_path_for(path: Path, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.before-upgrade-{revision or 'none'}-{stamp}.bak")


def open_event_file(path: str | Path, *, lock: bool = False) -> EventDB:
    """Open an event file, migrating an older one after a backup; refuse a newer one.

    ``lock=True`` (a window) takes the one-writer lock first and refuses a file another running
    instance holds. A ``postgresql://`` URL opens a server event (no file lock: a server takes
    many writers); with ``lock=True`` it also listens for other machines' writes.
    """
    from kolabik_desktop.core.store import dialect

    if dialect.is_server_url(path):
        return dialect.open_server_event(str(path), listen=lock)
    path = Path(path)
    _check_is_sqlite(path)
    held = None
    if lock:
        from kolabik_desktop.core.store.lock import EventLock

        held = EventLock.acquire(path, since=utc_now())
    try:
        db = _open_checked(path)
    except BaseException:
        if held is not None:
            held.release()
        raise
    db.lock = held
    return db


def _open_checked(path: Path) -> EventDB:
    revision = schema_revision(path)
    if revision is None:
        raise EventFileError(f"{path}: not a Kolabik event file (no schema version)")
    if revision not in known_revisions():
        raise NewerVersionError(
            f"{path}: this file was written by a newer version of Kolabik Desktop "
            f"(schema {revision}); please update the program to open it. The file was not changed."
        )
    engine = _make_engine(path)
    if revision != head_revision():
        backup = backup_path_for(path, revision)
        # The SQLite backup API copies a consistent snapshot even with a WAL beside the file.
        src = sqlite3.connect(str(path))
        dst = sqlite3.connect(str(backup))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        try:
            with engine.begin() as conn:
                _upgrade_to_head(conn)
        except Exception as exc:
            engine.dispose()
            raise EventFileError(
                f"{path}: upgrading the file failed ({exc}); the backup {backup.name} is intact"
            ) from exc
    try:
        return EventDB(path, engine)
    except EventFileError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise EventFileError(f"{path}: the file is damaged ({exc})") from exc
