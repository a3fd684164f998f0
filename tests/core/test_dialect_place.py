"""Issue 16: SQL that only one engine speaks lives in core/store/dialect.py.

PostgreSQL-only SQL (advisory locks, NOTIFY/LISTEN, row-level security, sequences) appears
nowhere else. SQLite-only SQL appears elsewhere only in the modules that handle event *files*
as files (their journal, keeper, lock, backups, kit cutting, the demo's file check): those never
see a server event.
"""

from __future__ import annotations

import re
from pathlib import Path

import kolabik_desktop

PACKAGE = Path(kolabik_desktop.__file__).parent
DIALECT = "core/store/dialect.py"
POSTGRES_ONLY = re.compile(
    r"pg_advisory|pg_notify|\bLISTEN\s|\bNOTIFY\s|ROW LEVEL SECURITY|CREATE POLICY|"
    r"pg_get_serial_sequence|setval\(|pg_roles|psycopg",
)
SQLITE_ONLY = re.compile(r"sqlite_master|PRAGMA|INSERT OR (IGNORE|REPLACE)|\bimport sqlite3\b")
FILE_MODULES = {
    DIALECT,
    "core/store/db.py",
    "core/store/backup.py",
    "core/store/lock.py",
    "core/exchange/kits.py",
    "core/demo.py",
    "core/exchange/proof.py",  # `check --against` reads a backup file given to it
}


def _hits(pattern: re.Pattern[str]) -> set[str]:
    return {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts and pattern.search(path.read_text(encoding="utf-8"))
    }


def test_postgresql_only_sql_lives_in_the_dialect_module():
    assert _hits(POSTGRES_ONLY) == {DIALECT}


def test_sqlite_only_sql_lives_in_the_dialect_module_or_a_file_only_module():
    assert _hits(SQLITE_ONLY) <= FILE_MODULES
