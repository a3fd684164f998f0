"""An event file as SQLite sees it, without SQLAlchemy: read-only URIs and schema revisions.

``core.store.db`` builds on these; the read layer's fast path (``queries.fast_scores``) uses them
to read a current event file with the standard library alone.
"""

from __future__ import annotations

import os
import re
import sqlite3
import urllib.parse
from functools import cache
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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


def sqlite_uri(path: Path, *, immutable: bool = False) -> str:
    """A read-only SQLite URI for ``path`` (quoted: '?', '#' and '%' are legal in file names)."""
    quoted = urllib.parse.quote(str(Path(path).absolute()).replace(os.sep, "/"), safe="/:")
    return f"file:{quoted}?mode=ro" + ("&immutable=1" if immutable else "")


def read_only_uri(path: Path) -> str:
    """How to open ``path`` so that this connection can never write, checkpoint or delete a journal.

    ``mode=ro`` normally. A WAL-mode reader must create the -shm index beside the file, which
    read-only media and a full disk refuse; when no -wal journal is present the file alone holds
    every commit, so it is then opened ``immutable`` (no locks, no index, no journal).
    """
    try:
        probe = sqlite3.connect(sqlite_uri(path), uri=True)
        try:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return sqlite_uri(path)
        finally:
            probe.close()
    except sqlite3.OperationalError as exc:
        if _journal_has_frames(path) or "locked" in str(exc) or "busy" in str(exc):
            raise
        return sqlite_uri(path, immutable=True)


def _journal_has_frames(path: Path) -> bool:
    """A -wal longer than its 32-byte header may hold commits not yet in the main file."""
    try:
        return os.stat(f"{path}-wal").st_size > 32
    except OSError:
        return False


def revision_of(conn: sqlite3.Connection) -> str | None:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def head_revision_of(migrations_dir: Path = MIGRATIONS_DIR) -> str | None:
    """The one head of the migrations (None when there is not exactly one)."""
    graph = _revision_graph(migrations_dir)
    parents = {down for down in graph.values() if down}
    heads = [rev for rev in graph if rev not in parents]
    return heads[0] if len(heads) == 1 else None


class CommitWatcher:
    """Tells whether another connection committed to an event file since the last look.

    SQLite notifies no other process; ``PRAGMA data_version`` moves when any other connection
    commits, and reading it costs a few microseconds. The connection is read-only (a reader never
    checkpoints or deletes the writer's journal) and usable from one thread at a time.
    """

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
        self._seen = self._version()

    def _version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def mark(self) -> None:
        """Remember the current version: ``moved()`` is about commits after this."""
        self._seen = self._version()

    def moved(self) -> bool:
        return self._version() != self._seen

    def take_move(self) -> bool:
        """Whether another connection committed since the last look, remembering this look; a
        file that cannot be read any more counts as not moved (whoever watches the file itself
        says it went away)."""
        try:
            version = self._version()
        except sqlite3.Error:
            return False
        moved, self._seen = version != self._seen, version
        return moved

    def close(self) -> None:
        self._conn.close()
