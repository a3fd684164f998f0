"""Rolling backups of an open event, made with SQLite's online backup API.

Backups go to ``NAME.kolabik-backups/`` beside the event, or to a fallback folder (the user data
folder) when that one cannot be written. The newest ``KEEP`` are kept. A restore first backs up
the current state, so a restore can itself be undone.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import EventFileError
from kolabik_desktop.core.store.db import fsync_and_rename, sqlite_uri

KEEP = 10
SUFFIX = ".kolabik-backup"
_STAMP_RE = re.compile(r"\.(\d{8}-\d{6}-\d{6})" + re.escape(SUFFIX) + "$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    score_count: int
    entry_count: int
    size: int


def backup_dir_for(event_path: Path) -> Path:
    return event_path.with_name(event_path.name + "-backups")


def _backup_folders(event_path: Path, fallback_dir: Path | None) -> list[Path]:
    """The folder beside the event, then the fallback one: where backups are written and found."""
    if fallback_dir is None:
        return [backup_dir_for(event_path)]
    return [backup_dir_for(event_path), backup_dir_for(fallback_dir / event_path.name)]


def _copy_database(src_path: Path, dst_path: Path) -> None:
    """A consistent snapshot of src (WAL included) written to dst, atomically renamed."""
    tmp = dst_path.with_name(dst_path.name + ".part")
    # Read-only: a backup must never checkpoint or delete the open event's journal.
    src = sqlite3.connect(sqlite_uri(src_path), uri=True)
    try:
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
            # The copy is a plain rollback-journal file: one self-contained file to carry around.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    fsync_and_rename(tmp, dst_path)


def make_backup(event_path: str | Path, *, fallback_dir: Path | None = None) -> Path:
    """Back up the event now and prune old backups; returns the new backup's path."""
    event_path = Path(event_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    last_error: Exception | None = None
    for folder in _backup_folders(event_path, fallback_dir):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{event_path.stem}.{stamp}{SUFFIX}"
            _copy_database(event_path, target)
        except (OSError, sqlite3.Error) as exc:
            last_error = exc
            continue
        prune(folder)
        return target
    raise EventFileError.coded(ec.BACKUP_WRITE, path=str(event_path), detail=str(last_error))


def _stamp_of(path: Path) -> datetime | None:
    m = _STAMP_RE.search(path.name)
    return datetime.strptime(m.group(1), "%Y%m%d-%H%M%S-%f") if m else None


def _backups_in(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"*{SUFFIX}") if _stamp_of(p) is not None]
    return sorted(found, key=lambda p: _stamp_of(p) or datetime.min, reverse=True)


def prune(folder: Path, keep: int = KEEP) -> None:
    for old in _backups_in(folder)[keep:]:
        old.unlink(missing_ok=True)


def audit_trail_of_file(path: Path) -> tuple[str | None, list[str]]:
    """(event uid, audit hashes in order) of an event file or backup, opened read-only.

    Raises EventFileError when the file is not a readable event file (for `kolabik check
    --against BACKUP`; a backup is always a file, whatever engine holds the event).
    """
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            uid = con.execute("SELECT uid FROM event").fetchone()
            hashes = [h for (h,) in con.execute("SELECT hash FROM audit_log ORDER BY id")]
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise EventFileError.coded(ec.BACKUP_UNREADABLE, file=path.name, detail=str(exc)) from exc
    return (uid[0] if uid else None), hashes


def kit_anchor_of_file(path: Path) -> str | None:
    """The chair audit head a juror kit was made at; None when the file is not a kit."""
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            kind = con.execute("SELECT kind FROM event").fetchone()
            if not kind or kind[0] != "kit":
                return None
            head = con.execute(
                "SELECT value FROM setting WHERE key = 'chair_audit_head'"
            ).fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise EventFileError.coded(ec.KIT_UNREADABLE, file=path.name, detail=str(exc)) from exc
    return head[0] if head and head[0] else ""


def _counts(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        scores = conn.execute("SELECT count(*) FROM score WHERE value IS NOT NULL").fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM entry").fetchone()[0]
        return int(scores), int(entries)
    except sqlite3.Error:
        return -1, -1
    finally:
        conn.close()


def list_backups(event_path: str | Path, *, fallback_dir: Path | None = None) -> list[BackupInfo]:
    """Backups of this event, newest first, with their time and score counts."""
    event_path = Path(event_path)
    infos = []
    for folder in _backup_folders(event_path, fallback_dir):
        for p in _backups_in(folder):
            scores, entries = _counts(p)
            infos.append(
                BackupInfo(
                    path=p,
                    taken_at=_stamp_of(p) or datetime.min,
                    score_count=scores,
                    entry_count=entries,
                    size=p.stat().st_size,
                )
            )
    return sorted(infos, key=lambda b: b.taken_at, reverse=True)


def restore_backup(
    event_path: str | Path, backup: str | Path, *, fallback_dir: Path | None = None
) -> Path:
    """Replace the event's content with the backup's; returns the safety backup taken first.

    The caller must have closed its own connections to the event (the window reopens it after).
    """
    event_path, backup = Path(event_path), Path(backup)
    if not backup.is_file():
        raise EventFileError.coded(ec.BACKUP_NOT_FOUND, path=str(backup))
    safety = make_backup(event_path, fallback_dir=fallback_dir)
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(event_path))
        try:
            # backup() writes through the live file's own journal: never a half-copied event.
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise EventFileError.coded(
            ec.BACKUP_RESTORE_FAILED, path=str(event_path), detail=str(exc)
        ) from exc
    finally:
        src.close()
    return safety
