"""Where an event lives and how each SQL dialect is spoken: the one place for dialect differences.

An event is either a file (SQLite, see db.py for the file's own safety: WAL, the keeper, the
lock) or a PostgreSQL database named by a URL ``postgresql://user@host[:port]/dbname``. Everything
that differs between the two engines is here: the URL, the driver (psycopg 3), the isolation level,
how a schema revision is read, the database check of `kolabik check`, how a server's errors become
a message, the sequences that a copy with explicit ids must move on, panels' roles and row-level
security, the lock writers take turns on, and NOTIFY/LISTEN for live updates across machines.
Every other module speaks plain SQLAlchemy (tests/core/test_dialect_place.py keeps it so).

A password never appears in a URL given to the program: libpq reads it from ``PGPASSWORD`` or
``~/.pgpass`` (a URL on a command line is visible to every user of the machine in the process
list and stays in the shell history).
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    create_engine,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import (
    EventFileError,
    KolabikError,
    NewerVersionError,
    PanelWriteRefused,
    StorageError,
)
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.store.db import (
    Change,
    ChangeBus,
    EventDB,
    _upgrade_to_head,
    add_event_row,
    head_revision,
    known_revisions,
)
from kolabik_desktop.core.store.location import (  # noqa: F401 - re-exported: callers use dialect's
    SERVER_SCHEMES,
    as_location,
    is_server_url,
)
from kolabik_desktop.core.store.models import Base, Event

P = ParamSpec("P")
R = TypeVar("R")
# Read committed: each statement sees what was committed before it, so a writer that waited for
# the write lock (below) reads the newest rows.
PG_ISOLATION = "READ COMMITTED"
CONNECT_TIMEOUT_S = 10


def contains(dialect_name: str, column: Any, text: str) -> ColumnElement[bool]:
    """An exact, case-sensitive substring test (LIKE folds case and needs escaping on both)."""
    if dialect_name == "postgresql":
        return func.strpos(column, text) > 0
    return func.instr(column, text) > 0


@dataclass(frozen=True)
class ServerURL:
    """A parsed ``postgresql://user@host[:port]/dbname`` without a password."""

    user: str | None
    host: str | None
    port: int | None
    dbname: str
    query: tuple[tuple[str, str], ...] = ()

    def sqlalchemy_url(self) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            host=self.host,
            port=self.port,
            database=self.dbname,
            query=dict(self.query),
        )

    def label(self) -> str:
        """The URL as a user wrote it (no password): for messages and titles."""
        user = f"{self.user}@" if self.user else ""
        port = f":{self.port}" if self.port else ""
        return f"postgresql://{user}{self.host or ''}{port}/{self.dbname}"


def parse_server_url(location: str) -> ServerURL:
    """Parse an event URL; refuse a password in it and a URL without a database name."""
    try:
        url = make_url(location)
    except ArgumentError as exc:
        raise EventFileError.coded(ec.SERVER_BAD_URL, location=location) from exc
    shown = url.set(password=None).render_as_string(hide_password=True)
    if url.password is not None:
        raise EventFileError.coded(ec.SERVER_PASSWORD_IN_URL, server=shown)
    if url.get_backend_name() not in ("postgresql", "postgres"):
        raise EventFileError.coded(ec.SERVER_NOT_POSTGRES, server=shown)
    if not url.database:
        raise EventFileError.coded(ec.SERVER_NO_DBNAME, server=shown)
    query = tuple(sorted((str(k), str(v)) for k, v in url.query.items()))
    return ServerURL(url.username, url.host, url.port, url.database, query)


# --- Writers on a server take turns -------------------------------------------------------
# Every transaction that writes holds one advisory lock until it ends, so writers from any
# machine take turns: the audit chain stays one chain, and a cell's revision is read and bumped
# by one writer at a time (no lost update, no duplicate, no deadlock between writers). Readers
# never wait for it. A function marked @serialized_write takes the lock when its transaction
# begins, before it reads what it will change; any other write takes it at its first
# INSERT/UPDATE/DELETE.
WRITE_LOCK_KEY = 0x6B6F6C61  # "kola"
LOCK_TIMEOUT_MS = 60_000  # a writer waiting longer than this is told so, never left hanging
_writing: ContextVar[bool] = ContextVar("kolabik_writing", default=False)
_holders = threading.local()  # connections of this thread holding the lock


def serialized_write(func: Callable[P, R]) -> Callable[P, R]:
    """Mark a write entry point: on a server its transactions take the write lock at once."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        token = _writing.set(True)
        try:
            return func(*args, **kwargs)
        finally:
            _writing.reset(token)

    return wrapper


def _thread_holds() -> bool:
    return bool(getattr(_holders, "count", 0))


def _take_write_lock(conn: Any) -> None:
    if conn.info.get("kolabik_locked") or _thread_holds():
        return  # held already (by this connection, or by an outer transaction of this thread)
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
    finally:
        cursor.close()
    conn.info["kolabik_locked"] = True
    _holders.count = getattr(_holders, "count", 0) + 1


def _release_write_lock(conn: Any) -> None:
    if getattr(conn, "invalidated", False):
        # A lost connection: reading its info would raise during the rollback and hide why the
        # write failed. The server ended the transaction (and its lock); the pool's checkin of
        # the connection's record releases this thread's count.
        return
    if conn.info.pop("kolabik_locked", False):
        _holders.count = max(0, getattr(_holders, "count", 0) - 1)


def _on_begin(conn: Any) -> None:
    if _writing.get():
        _take_write_lock(conn)


def _before_execute(conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
    if statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
        _take_write_lock(conn)


def _install_write_lock(engine: Engine) -> None:
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "before_cursor_execute", _before_execute)
    event.listen(engine, "commit", _release_write_lock)
    event.listen(engine, "rollback", _release_write_lock)
    # A connection returned to the pool has ended its transaction whatever the path.
    event.listen(engine.pool, "checkin", lambda _dbapi, record: _release_write_lock(record))


def server_engine(url: ServerURL, *, read_only: bool = False) -> Engine:
    """An engine on the server, speaking psycopg 3, checked with one round trip.

    ``read_only``: every transaction is read-only, so the server refuses any write (a reader
    never writes, as a file opened read-only).
    """
    try:
        import psycopg  # noqa: F401 - fails here, not deep in SQLAlchemy, when libpq is missing
    except ImportError as exc:
        raise EventFileError.coded(ec.SERVER_NO_LIBPQ, server=url.label()) from exc
    options = f"-c lock_timeout={LOCK_TIMEOUT_MS}"
    if read_only:
        options += " -c default_transaction_read_only=on"
    engine = create_engine(
        url.sqlalchemy_url(),
        isolation_level=PG_ISOLATION,
        pool_pre_ping=True,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "kolabik",
            "options": options,
        },
    )
    _install_write_lock(engine)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        engine.dispose()
        problem = connect_problem(url, exc)
        raise EventFileError.coded(problem.code, **problem.params) from exc
    return engine


def connect_problem(url: ServerURL, exc: BaseException) -> rules.Problem:
    """Why a server could not be reached, in words an IT person can act on (a coded problem)."""
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else ""
    low = detail.lower()
    server = url.label()
    if "password" in low or "authentication failed" in low:
        user = url.user or rules.Problem(ec.SUBJECT_CURRENT_USER)
        return rules.Problem(ec.SERVER_AUTH, {"server": server, "user": user})
    if "does not exist" in low and "database" in low:
        return rules.Problem(ec.SERVER_NO_DATABASE, {"server": server, "dbname": url.dbname})
    if "role" in low and "does not exist" in low:
        return rules.Problem(ec.SERVER_NO_USER, {"server": server, "user": url.user})
    if "connection refused" in low or "could not connect" in low or "timeout" in low:
        return rules.Problem(ec.SERVER_UNREACHABLE, {"server": server})
    if "could not translate host name" in low or "name or service not known" in low:
        return rules.Problem(ec.SERVER_UNKNOWN_HOST, {"server": server, "host": url.host})
    return rules.Problem(ec.SERVER_CONNECT_FAILED, {"server": server, "detail": detail})


def server_revision(engine: Engine) -> str | None:
    """The database's Alembic revision; None when it has no Kolabik schema."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def server_table_names(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return inspect(conn).get_table_names()


def reset_sequences(conn: Any) -> None:
    """After rows were written with explicit ids, move each id sequence past the largest id.

    SQLite takes max(id)+1 by itself; PostgreSQL's SERIAL columns draw from a sequence that an
    explicit id does not move.
    """
    if conn.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        if "id" not in table.c or not table.c.id.autoincrement:
            continue
        seq = conn.execute(
            text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
        ).scalar()
        if seq:
            conn.execute(
                text(
                    f"SELECT setval(:s, COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                ),
                {"s": seq},
            )


def one_snapshot(session: Session) -> None:
    """Make the session's transaction read every table as of one moment (call it first).

    On a server, READ COMMITTED would let each statement see writes committed since the one
    before; REPEATABLE READ reads one snapshot. A file is read by one connection in turn.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection that reads every table as of one moment (for a copy while chairs write).

    A server gives it with REPEATABLE READ; a file has one writer (its lock), so a plain
    connection reads it whole.
    """
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        yield conn


def database_problems(conn: Any) -> list[str]:
    """What the engine itself finds wrong with the stored data, as sentences for `kolabik check`.

    A file: SQLite's integrity_check and foreign_key_check (foreign keys are checked per
    connection, so a file written elsewhere may break them). A server enforces keys itself; what
    can go wrong there is a table dropped by hand.
    """
    problems: list[str] = []
    if conn.dialect.name == "sqlite":
        results = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
        if results != ["ok"]:
            problems += [f"database: {line}" for line in results]
        for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid}: refers to a {parent} that does not exist")
        return problems
    present = set(inspect(conn).get_table_names())
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            problems.append(f"database: the table {table.name} is missing")
    return problems


# --- Panels on a server: roles and row-level security (PostgreSQL only) ----------------------

COMMITTEE_ROLE = "kolabik_committee"
_ROLE_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# Rows a panel chair writes: (table, the SQL condition that the row is the panel's).
PANEL_ROWS = {
    "score": "kolabik_panel_may_write(juror_id, entry_id)",
    "comment": "kolabik_panel_may_write(juror_id, entry_id)",
    "submission": "kolabik_panel_has_juror(juror_id)",
}
# Tables a chair's writes append to besides those rows (the audit chain, package receipts).
PANEL_APPEND = ("audit_log", "package_receipt")

_PANEL_FUNCTIONS = """
CREATE OR REPLACE FUNCTION kolabik_panel_has_juror(j integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM panel p JOIN panel_juror pj ON pj.panel_id = p.id
                 WHERE p.db_role = current_user AND pj.juror_id = j)
$$;
CREATE OR REPLACE FUNCTION kolabik_panel_may_write(j integer, e integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM panel p JOIN panel_juror pj ON pj.panel_id = p.id AND pj.juror_id = j
    WHERE p.db_role = current_user AND (
      EXISTS (SELECT 1 FROM panel_entry pe WHERE pe.panel_id = p.id AND pe.entry_id = e)
      OR EXISTS (SELECT 1 FROM panel_category pc JOIN entry en ON en.category_id = pc.category_id
                 WHERE pc.panel_id = p.id AND en.id = e)))
$$
"""


def valid_role(role: str) -> str:
    """A role name safe to write into SQL: lower-case letters, digits and _, as PostgreSQL folds."""
    if not _ROLE_RE.match(role):
        raise KolabikError.coded(ec.SERVER_ROLE_NAME, role=role)
    return role


def _create_role(role: str, login: bool) -> str:
    kind = "LOGIN" if login else "NOLOGIN"
    return (
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN "
        f'CREATE ROLE "{role}" {kind}; END IF; END $$'
    )


def panel_security_sql(dbname: str) -> list[str]:
    """The committee role (reads everything) and the row-level security every panel shares."""
    db = dbname.replace('"', '""')
    sql = [
        _create_role(COMMITTEE_ROLE, login=False),
        f'GRANT CONNECT ON DATABASE "{db}" TO {COMMITTEE_ROLE}',
        f"GRANT USAGE ON SCHEMA public TO {COMMITTEE_ROLE}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {COMMITTEE_ROLE}",
        _PANEL_FUNCTIONS.strip(),
    ]
    for table, allowed in PANEL_ROWS.items():
        sql += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS kolabik_read ON {table}",
            f"CREATE POLICY kolabik_read ON {table} FOR SELECT USING (true)",
            f"DROP POLICY IF EXISTS kolabik_panel_insert ON {table}",
            f"CREATE POLICY kolabik_panel_insert ON {table} FOR INSERT WITH CHECK ({allowed})",
            f"DROP POLICY IF EXISTS kolabik_panel_update ON {table}",
            f"CREATE POLICY kolabik_panel_update ON {table} FOR UPDATE USING ({allowed}) "
            f"WITH CHECK ({allowed})",
            f"DROP POLICY IF EXISTS kolabik_panel_delete ON {table}",
            f"CREATE POLICY kolabik_panel_delete ON {table} FOR DELETE USING ({allowed})",
        ]
    return sql


def panel_role_sql(role: str) -> list[str]:
    """A chair's login role: reads like the committee, writes only its panel's rows."""
    role = valid_role(role)
    rows = ", ".join(PANEL_ROWS)
    return [
        _create_role(role, login=True),
        f'GRANT {COMMITTEE_ROLE} TO "{role}"',
        f'GRANT INSERT, UPDATE, DELETE ON {rows} TO "{role}"',
        f'GRANT INSERT ON {", ".join(PANEL_APPEND)} TO "{role}"',
        f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{role}"',
    ]


INSUFFICIENT_PRIVILEGE = "42501"  # also row-level security's "new row violates ... policy"
READ_ONLY_TRANSACTION = "25006"  # the event was opened read-only
LOCK_NOT_AVAILABLE = "55P03"  # waited lock_timeout for the write lock
REFUSALS = (INSUFFICIENT_PRIVILEGE, READ_ONLY_TRANSACTION)


def _sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None)


def storage_problem(label: str, exc: BaseException) -> StorageError:
    """A write to the server that failed: say so, and that nothing of it was kept."""
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()
    low = " ".join(detail).lower()
    if "permission denied to create role" in low:
        return StorageError.coded(ec.SERVER_CANNOT_CREATE_ROLE, source=label)
    first = detail[0] if detail else str(exc)
    if "row-level security" in low or "permission denied" in low:
        return PanelWriteRefused.coded(ec.PANEL_WRITE_REFUSED, source=label, detail=first)
    state = _sqlstate(exc) if isinstance(exc, DBAPIError) else None
    if state == READ_ONLY_TRANSACTION:
        return StorageError.coded(ec.SERVER_READ_ONLY, source=label)
    if state == LOCK_NOT_AVAILABLE:
        return StorageError.coded(ec.SERVER_BUSY, source=label)
    if isinstance(exc, OperationalError) or "connection" in low or "server closed" in low:
        return StorageError.coded(ec.SERVER_CONNECTION_LOST, source=label)
    if "could not serialize" in low or "deadlock" in low:
        return StorageError.coded(ec.SERVER_CONFLICT, source=label)
    return StorageError.coded(ec.SERVER_REFUSED, source=label, detail=first)


# --- Live across machines: NOTIFY after each write, LISTEN in every open window ---------------
CHANNEL = "kolabik_changes"
MAX_PAYLOAD_IDS = 300  # more changed entries than this travel as "all" (NOTIFY payloads < 8 kB)


def change_payload(origin: str, seq: int, change: Change) -> str:
    """A small NOTIFY payload: who wrote, its sequence number, what kind, which entries."""
    ids = sorted(change.entry_ids) if len(change.entry_ids) <= MAX_PAYLOAD_IDS else []
    return json.dumps({"o": origin, "n": seq, "k": change.kind, "e": ids}, separators=(",", ":"))


def _conninfo(url: ServerURL) -> str:
    from psycopg.conninfo import make_conninfo

    return make_conninfo(
        host=url.host, port=url.port, user=url.user, dbname=url.dbname, **dict(url.query)
    )


class ChangeListener(threading.Thread):
    """LISTENs on its own connection and hands each other writer's change to ``deliver``.

    Clients refetch what changed; a gap in a writer's sequence numbers, or a reconnect after the
    network dropped, is delivered as Change("all") so nothing missed stays stale.
    """

    def __init__(self, url: ServerURL, origin: str, deliver: Callable[[Change], None]):
        super().__init__(name=f"kolabik-listen-{url.dbname}", daemon=True)
        self.url, self.origin, self.deliver = url, origin, deliver
        self._stop_event = threading.Event()
        self.listening = threading.Event()  # set once LISTEN is in place (tests wait on it)
        self._last: dict[str, int] = {}

    def stop(self) -> None:
        self._stop_event.set()
        self.join(5)

    def run(self) -> None:
        import psycopg

        first = True
        while not self._stop_event.is_set():
            try:
                with psycopg.connect(_conninfo(self.url), autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    if not first:
                        self.deliver(Change("all", source="server"))  # we may have missed some
                    first = False
                    while not self._stop_event.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self._handle(note.payload)
            except psycopg.Error:
                self.listening.clear()
                self._stop_event.wait(2.0)  # the server is away: try again shortly

    def _handle(self, payload: str) -> None:
        try:
            data = json.loads(payload)
            origin, seq, kind, ids = data["o"], int(data["n"]), str(data["k"]), data["e"]
        except (ValueError, KeyError, TypeError):
            return  # not ours
        if origin == self.origin:
            return  # our own write: already announced locally
        last = self._last.get(origin)
        self._last[origin] = seq
        if last is not None and seq != last + 1:
            self.deliver(Change("all", source="server"))  # a gap: refetch everything
            return
        self.deliver(Change(kind, frozenset(int(i) for i in ids), source="server"))


class ServerEventDB(EventDB):
    """An event in a PostgreSQL database: db.EventDB's interface, without a file.

    ``path`` is a stand-in naming the database (``path.name`` is the database name), so messages
    that name the event read naturally; nothing opens it as a file.
    """

    on_server = True

    def __init__(self, url: ServerURL, engine: Engine):
        self.url = url
        self.label = url.label()
        self.path = Path(url.dbname)
        self.engine = engine
        self._sessionmaker = sessionmaker(engine, expire_on_commit=False)
        self.changes = ChangeBus()
        self.recovered_paths: list[Any] = []
        self.lock: Any = None
        self.origin = uuid.uuid4().hex[:12]  # this program instance, in NOTIFY payloads
        self._seq = itertools.count(1)
        self._seq_lock = threading.Lock()
        self.listener: ChangeListener | None = None
        with self.session() as s:
            ev = s.scalars(select(Event)).first()
        if ev is None:
            self.close()
            raise EventFileError.coded(ec.EVENT_NO_RECORD, source=self.label)
        self.uid: str = ev.uid
        self.kind: str = ev.kind
        self.kit_juror_id: int | None = ev.kit_juror_id

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short unit of work: committed on success, rolled back on any error."""
        s = self._sessionmaker()
        try:
            yield s
            s.commit()
        except DBAPIError as exc:
            s.rollback()
            # As on a file: a lost connection or a refusal is a StorageError; an integrity error
            # (a rule the caller checks for) stays what it is.
            if isinstance(exc, OperationalError) or _sqlstate(exc) in REFUSALS:
                raise storage_problem(self.label, exc) from exc
            raise
        except StaleDataError as exc:
            # Row-level security hides another panel's row from an UPDATE: 0 rows matched.
            s.rollback()
            raise PanelWriteRefused.coded(ec.PANEL_WRITE_NO_ROW, source=self.label) from exc
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def notify(self, change: Change) -> None:
        """Tell this program's listeners, then every other machine (NOTIFY, after the commit)."""
        self.changes.emit(change)
        if change.source == "server":
            return  # heard from the server: not ours to repeat
        with self._seq_lock:
            payload = change_payload(self.origin, next(self._seq), change)
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": payload})
                conn.commit()
        except DBAPIError:
            pass  # the write is committed; other windows catch up on their next change or reconnect

    def listen(self) -> ChangeListener:
        """Start hearing other machines' writes on this event's change bus (idempotent)."""
        if self.listener is None:
            self.listener = ChangeListener(self.url, self.origin, self.changes.emit)
            self.listener.start()
        return self.listener

    def close(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        self.engine.dispose()

    def __enter__(self) -> ServerEventDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _upgrade(engine: Engine) -> None:
    # PostgreSQL runs DDL inside the transaction: a failed upgrade leaves the schema as it was.
    with engine.begin() as conn:
        _upgrade_to_head(conn)


def open_server_event(
    location: str, *, listen: bool = False, read_only: bool = False
) -> ServerEventDB:
    """Open an event database, migrating an older schema; refuse a newer one or a stranger.

    ``listen=True`` (a window) hears other machines' writes on the event's change bus.
    ``read_only=True`` (a command that only reads) opens it so the server refuses any write; an
    older schema is then refused rather than upgraded.
    """
    url = parse_server_url(location)
    engine = server_engine(url, read_only=read_only)
    try:
        revision = server_revision(engine)
        if revision is None:
            raise EventFileError.coded(ec.EVENT_NO_SCHEMA, source=url.label())
        if revision not in known_revisions():
            raise NewerVersionError.coded(
                ec.EVENT_NEWER_SERVER, source=url.label(), revision=revision
            )
        if revision != head_revision():
            if read_only:
                raise EventFileError.coded(
                    ec.EVENT_OLDER_READ_ONLY, source=url.label(), revision=revision
                )
            _upgrade(engine)
        db = ServerEventDB(url, engine)
        if listen:
            db.listen()
        return db
    except BaseException:
        engine.dispose()
        raise


def create_server_event(
    location: str,
    *,
    name: str,
    year: int | None = None,
    organiser: str = "",
    uid: str | None = None,
    kind: str = "event",
    overwrite: bool = False,
) -> ServerEventDB:
    """Create the schema and the event record in an existing, empty database."""
    url = parse_server_url(location)
    engine = server_engine(url)
    try:
        tables = server_table_names(engine)
        if tables and not overwrite:
            raise EventFileError.coded(
                ec.EVENT_DB_NOT_EMPTY, source=url.label(), tables=len(tables)
            )
        if tables:
            drop_all_tables(engine)
        _upgrade(engine)
        add_event_row(engine, uid=uid, name=name, year=year, organiser=organiser, kind=kind)
        return ServerEventDB(url, engine)
    except EventFileError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise EventFileError.coded(
            ec.EVENT_CREATE_FAILED, source=url.label(), detail=str(exc.orig)
        ) from exc


def drop_all_tables(engine: Engine) -> None:
    """Empty a database of Kolabik's tables (for --force); the database itself stays."""
    with engine.begin() as conn:
        Base.metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


def event_exists(location: str | os.PathLike[str]) -> bool:
    """A file that exists, or a server database that already holds tables."""
    if not is_server_url(location):
        return Path(location).exists()
    url = parse_server_url(str(location))
    engine = server_engine(url)
    try:
        return bool(server_table_names(engine))
    finally:
        engine.dispose()


def discard_new_event(location: str | os.PathLike[str]) -> None:
    """Undo a creation that failed half-way: remove the file (and journals) or empty the database."""
    if not is_server_url(location):
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(location) + suffix).unlink(missing_ok=True)
        return
    engine = server_engine(parse_server_url(str(location)))
    try:
        drop_all_tables(engine)
    finally:
        engine.dispose()


def default_event_name(location: str | os.PathLike[str]) -> str:
    """The name a new event takes when none is given: the file's stem or the database's name."""
    if is_server_url(location):
        return parse_server_url(str(location)).dbname
    return Path(location).stem


def describe(location: str | os.PathLike[str]) -> str:
    """How to name an event location in a message: the URL without password, or the path."""
    return parse_server_url(str(location)).label() if is_server_url(location) else str(location)


__all__ = [
    "ChangeListener",
    "ServerEventDB",
    "ServerURL",
    "as_location",
    "create_server_event",
    "database_problems",
    "describe",
    "discard_new_event",
    "event_exists",
    "is_server_url",
    "open_server_event",
    "panel_role_sql",
    "panel_security_sql",
    "parse_server_url",
    "reset_sequences",
    "serialized_write",
    "server_engine",
    "snapshot",
    "storage_problem",
]
