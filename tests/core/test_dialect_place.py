"""Issue 16: SQL that only one engine speaks lives in core/store/dialect.py.

PostgreSQL-only SQL (advisory locks, NOTIFY/LISTEN, row-level security, sequences) appears
nowhere else. SQLite-only SQL appears elsewhere only in the modules that handle event *files*
as files (their journal, keeper, lock, backups, kit cutting, the demo's file check): those never
see a server event.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kolabik_desktop

PACKAGE = Path(kolabik_desktop.__file__).parent
DIALECT = "core/store/dialect.py"
POSTGRES_ONLY = re.compile(
    r"pg_advisory|pg_notify|\bLISTEN\s|\bNOTIFY\s|ROW LEVEL SECURITY|CREATE POLICY|"
    r"pg_get_serial_sequence|setval\(|pg_roles|psycopg",
)
SQLITE_ONLY = re.compile(
    # Keywords as the code writes SQL (upper case; Path.glob is not GLOB); functions in any case.
    r"sqlite_master|sqlite_sequence|sqlite_autoincrement|PRAGMA|INSERT OR (IGNORE|REPLACE)|"
    r"\bimport sqlite3\b|dialects\.sqlite|dialects import sqlite|"
    r"BEGIN (IMMEDIATE|EXCLUSIVE)|\bVACUUM\b|ATTACH DATABASE|\bGLOB\b|\browid\b|"
    r"(?i:\b(julianday|group_concat|ifnull)\()|datetime\('now'|"
    r"func\.(julianday|group_concat|ifnull|strftime|printf|typeof|instr)\b",
)
FILE_MODULES = {
    DIALECT,
    "core/store/db.py",
    "core/store/backup.py",
    "core/store/lock.py",
    "core/exchange/kits.py",
    "core/demo.py",
    "core/exchange/proof.py",  # `check --against` reads a backup file given to it
    # The live link's outbox lives only in juror kits, which are always files: its triggers are
    # created on SQLite alone, and its never-reused ids are a SQLite dialect option that
    # SQLAlchemy ignores on PostgreSQL (whose sequences never reuse an id anyway).
    "core/store/migrations/versions/0006_live_outbox.py",
    "core/store/models.py",
    # Start-up's SQLAlchemy-free paths: a file event's header and scores read with the standard
    # library's sqlite3 (a server event takes the portable path; test_fast_scores proves both agree).
    "core/store/sqlite_file.py",
    "core/store/queries/fast_scores.py",
}


def _hits(pattern: re.Pattern[str], root: Path = PACKAGE) -> set[str]:
    # Migrations are scanned too: the same migrations build a file and a server.
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    }


def test_postgresql_only_sql_lives_in_the_dialect_module():
    assert _hits(POSTGRES_ONLY) == {DIALECT}


def test_sqlite_only_sql_lives_in_the_dialect_module_or_a_file_only_module():
    assert _hits(SQLITE_ONLY) <= FILE_MODULES


PLANTED_SQLITE = [
    's.execute(text("PRAGMA foreign_keys=ON"))',
    's.execute(text("INSERT OR IGNORE INTO score (id) VALUES (1)"))',
    's.execute(text("SELECT name FROM sqlite_master"))',
    "from sqlalchemy.dialects.sqlite import insert as sqlite_insert",
    's.execute(text("BEGIN IMMEDIATE"))',
    "s.execute(text(\"SELECT julianday('now') - julianday(updated_at) FROM score\"))",
    "select(func.group_concat(Juror.code))",
    "s.execute(text(\"SELECT ifnull(note, '') FROM score\"))",
    's.execute(text("SELECT rowid FROM score"))',
    'op.execute("PRAGMA foreign_keys=OFF")',
]
PLANTED_POSTGRES = [
    's.execute(text("SELECT pg_advisory_xact_lock(1)"))',
    's.execute(text("NOTIFY kolabik_changes"))',
    's.execute(text("ALTER TABLE score ENABLE ROW LEVEL SECURITY"))',
    "import psycopg",
]


@pytest.mark.parametrize(
    ("pattern", "line"),
    [(SQLITE_ONLY, line) for line in PLANTED_SQLITE]
    + [(POSTGRES_ONLY, line) for line in PLANTED_POSTGRES],
)
def test_a_planted_dialect_only_line_is_caught(tmp_path, pattern, line):
    """The scan must see a violation in a service module and in a migration, not just pass."""
    for where in ("core/store/services.py", "core/store/migrations/versions/0009_x.py"):
        module = tmp_path / where
        module.parent.mkdir(parents=True, exist_ok=True)
        module.write_text(f"def f(s):\n    {line}\n", encoding="utf-8")
    assert _hits(pattern, tmp_path) == {
        "core/store/services.py",
        "core/store/migrations/versions/0009_x.py",
    }


def test_portable_sql_is_not_flagged(tmp_path):
    module = tmp_path / "core/store/services.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "def f(s):\n"
        '    s.execute(text("UPDATE event SET id = id WHERE 0 = 1"))\n'
        '    return moment.strftime("%H:%M"), func.coalesce(Score.note, "")\n',
        encoding="utf-8",
    )
    assert _hits(SQLITE_ONLY, tmp_path) == set() and _hits(POSTGRES_ONLY, tmp_path) == set()
