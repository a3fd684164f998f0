"""Issue 16: an event in a PostgreSQL database, opened by URL; what is refused, and how."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from kolabik_desktop.core.errors import EventFileError, NewerVersionError
from kolabik_desktop.core.store.db import create_event_file, head_revision, open_event_file
from kolabik_desktop.core.store.dialect import ServerEventDB, is_server_url, parse_server_url


def test_a_url_is_told_from_a_path():
    assert is_server_url("postgresql://kipp@db.example:5433/kipp2026")
    assert is_server_url("postgres://db/kipp")
    assert not is_server_url("postgresql.kolabik")
    url = parse_server_url("postgresql://kipp@db.example:5433/kipp2026")
    assert (url.user, url.host, url.port, url.dbname) == ("kipp", "db.example", 5433, "kipp2026")
    assert url.label() == "postgresql://kipp@db.example:5433/kipp2026"


@pytest.mark.parametrize(
    "url, message",
    [
        ("postgresql://kipp:rahasia@db/kipp", "password in the URL is refused.*PGPASSWORD"),
        ("postgresql://kipp@db", "names no database"),
        ("postgresql://kipp@127.0.0.1:1/kipp", "cannot be reached"),
    ],
)
def test_a_bad_url_is_refused_with_a_message_naming_it(url, message):
    with pytest.raises(EventFileError, match=message) as caught:
        open_event_file(url)
    assert "rahasia" not in str(caught.value)  # the password is never echoed


def test_a_database_that_is_not_an_event_is_refused(server_database):
    with pytest.raises(EventFileError, match="not a Kolabik event"):
        open_event_file(server_database)


def test_an_event_is_created_and_reopened_on_the_server(server_database):
    with create_event_file(server_database, name="KIPP 2026", year=2026) as db:
        assert isinstance(db, ServerEventDB)
        uid = db.uid
    with open_event_file(server_database) as db:
        assert db.uid == uid
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                head_revision()
            )
    with pytest.raises(EventFileError, match="not empty"):
        create_event_file(server_database, name="again")


def test_a_database_of_a_newer_schema_is_refused_and_left_unchanged(server_database):
    create_event_file(server_database, name="KIPP 2026").close()
    engine = create_engine(parse_server_url(server_database).sqlalchemy_url())
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(NewerVersionError, match="newer version"):
        open_event_file(server_database)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
    engine.dispose()


def test_a_database_of_an_older_schema_is_upgraded_on_open(server_database):
    """The same Alembic migrations upgrade a server: a 0001 database gains the panel tables."""
    from alembic import command
    from alembic.config import Config

    from kolabik_desktop.core.store.db import MIGRATIONS_DIR, utc_now
    from kolabik_desktop.core.store.dialect import server_table_names

    engine = create_engine(parse_server_url(server_database).sqlalchemy_url())
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(
            text(
                "INSERT INTO event (uid, name, organiser, precision, tiebreak, "
                "round_stage_scores, kind, created_at) VALUES "
                "('u-1', 'Lama', '', 2, 'chain', false, 'event', :at)"
            ),
            {"at": utc_now()},
        )
    assert "panel" not in server_table_names(engine)
    with open_event_file(server_database) as db:
        assert db.uid == "u-1"
    assert "panel" in server_table_names(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )
    engine.dispose()


def test_a_read_only_open_lets_the_server_refuse_every_write(server_database):
    from decimal import Decimal

    from factories import make_event

    from kolabik_desktop.core.errors import StorageError
    from kolabik_desktop.core.store import services
    from kolabik_desktop.core.store.dialect import open_server_event

    db, ids = make_event(server_database, entries=4, fill=0.0)
    db.close()
    with open_server_event(server_database, read_only=True) as reader:
        assert len(services.load_scoring_input(reader).event.entries) == 4
        with pytest.raises(StorageError):
            services.set_score(
                reader,
                juror_id=ids.jurors[1],
                entry_id=ids.entries[1],
                criterion_id=ids.criteria["P1", "SIG"],
                value=Decimal(80),
            )


def test_without_the_postgresql_client_library_the_message_says_what_to_install(monkeypatch):
    """The built app bundles psycopg without its own libpq (size); psycopg then fails to import."""
    import builtins

    real_import = builtins.__import__

    def no_libpq(name, *args, **kwargs):
        if name == "psycopg":
            raise ImportError("no pq wrapper available")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_libpq)
    with pytest.raises(EventFileError, match="client library \\(libpq\\) is missing.*libpq5"):
        open_event_file("postgresql://kipp@127.0.0.1:1/kipp")
