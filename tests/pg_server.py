"""The test PostgreSQL server: KOLABIK_TEST_PG names it; each test gets a fresh database, dropped after.

Without the variable, a test that needs the server is skipped and says why (pytest -rs prints it).
Start one with: export KOLABIK_TEST_PG=$(bash scripts/pg_test_server.sh start /tmp/kolabik-pg)
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

ENV = "KOLABIK_TEST_PG"
NO_SERVER = (
    f"no PostgreSQL server for the tests: set {ENV}=postgresql://user@host:port/db "
    "(bash scripts/pg_test_server.sh start DIR starts one)"
)


def admin_url() -> str:
    url = os.environ.get(ENV, "").strip()
    if not url:
        pytest.skip(NO_SERVER)
    return url


def _admin():  # type: ignore[no-untyped-def]
    import psycopg

    url = admin_url()
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as exc:
        # The variable is set, so a server was promised: failing loudly beats a silent skip.
        pytest.fail(f"{ENV}={url}: the test server cannot be reached ({exc})")


def url_for(dbname: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(admin_url()).set(database=dbname).render_as_string(hide_password=False)


@contextmanager
def fresh_database(prefix: str = "kt") -> Iterator[str]:
    """A new empty database on the test server; its URL; dropped (with its sessions) after."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with _admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url_for(name)
    finally:
        with _admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
