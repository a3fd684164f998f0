import os
import sys
from pathlib import Path

# GUI tests run offscreen on machines with no display (CI, developers' servers).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))


# --- Issue 16: one fixture gives an event location on a file or on the PostgreSQL test server ---
import pytest  # noqa: E402
from pg_server import fresh_database  # noqa: E402

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def backend(request):
    """Parametrises a test over both places an event can live."""
    return request.param


@pytest.fixture
def new_location(backend, tmp_path):
    """new_location("name") -> a place for a new event: a file path, or a fresh server database."""
    from contextlib import ExitStack

    with ExitStack() as stack:

        def make(name: str = "event") -> str:
            if backend == "sqlite":
                return str(tmp_path / f"{name}.kolabik")
            return stack.enter_context(fresh_database())

        yield make


@pytest.fixture
def server_database():
    """A fresh, empty database on the test server (skipped, with the reason, without one)."""
    with fresh_database() as url:
        yield url


@pytest.fixture
def pg_role():
    """pg_role("chair") -> a unique role name on the test server, dropped after the test.

    Request it before server_database: roles are dropped after the database that grants to them.
    """
    import uuid

    from pg_server import _admin

    made: list[str] = []

    def make(what: str = "role") -> str:
        made.append(f"kt_{what}_{uuid.uuid4().hex[:8]}")
        return made[-1]

    yield make
    if made:
        with _admin() as conn:
            for name in made:
                conn.execute(f'DROP ROLE IF EXISTS "{name}"')
