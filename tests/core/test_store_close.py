"""Closing an event while other threads use it: no write after the lock is released, no engine
after close, and a request that comes once the close has begun is refused at once."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from factories import make_event
from sqlalchemy import text

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import StorageError
from kolabik_desktop.core.store import db as dbmod
from kolabik_desktop.core.store.db import EventDB, open_event_file

WAIT = 10  # every wait below is bounded: a broken close fails the test, never hangs it


def _name(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT name FROM event").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[EventDB]:
    path = tmp_path / "ev.kolabik"
    make_event(path, entries=2)[0].close()
    db = open_event_file(path, lock=True)
    yield db
    db.close()


def _record_lock_release(db: EventDB, order: list[str]) -> None:
    lock = db.lock
    assert lock is not None
    real = lock.release

    def release() -> None:
        order.append("lock released")
        real()

    lock.release = release  # type: ignore[method-assign]


def _start(target: Callable[[], None], errors: list[BaseException]) -> threading.Thread:
    def run() -> None:
        try:
            target()
        except BaseException as exc:  # checked by the test
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def _refused_now(request: Callable[[], object]) -> bool:
    """The request fails with "the event is closed", and at once (not after waiting)."""
    started = time.monotonic()
    try:
        request()
    except StorageError as exc:
        assert exc.code == ec.FILE_CLOSED
        assert time.monotonic() - started < 1
        return True
    return False


def _open_session(db: EventDB) -> None:
    with db.session():
        pass


def _open_reader(db: EventDB) -> None:
    with db.sqlite_reader():
        pass


def _wait_until_closing(db: EventDB) -> None:
    """Until close() has begun (probed with a read: it never waits for the engine's lock)."""
    deadline = time.monotonic() + WAIT
    while not _refused_now(lambda: _open_reader(db)):
        assert time.monotonic() < deadline, "close() never began refusing new sessions"
        time.sleep(0.01)


@pytest.mark.parametrize("where", ["before its engine", "after a write"])
def test_a_session_under_way_finishes_before_close_releases_the_file(
    writer: EventDB, where: str
) -> None:
    """A session that began before close() is saved while the file is still ours: close waits
    for it (bounded) before it disposes the engine and releases the lock. Meanwhile every new
    session or engine request fails at once with "the event is closed"."""
    db = writer
    db.prepare_engine()
    order: list[str] = []
    _record_lock_release(db, order)
    inside, go = threading.Event(), threading.Event()
    if where == "before its engine":
        # The session has passed its "closed?" check and not yet taken the engine: the point
        # where today's race handed it the engine close() was disposing.
        real_check = db.check_file

        def paused_check() -> None:
            if not inside.is_set():  # the saver's session only
                inside.set()
                assert go.wait(WAIT)
            real_check()

        db.check_file = paused_check  # type: ignore[method-assign]

    def save() -> None:
        with db.session() as s:
            s.execute(text("UPDATE event SET name = 'saved before close'"))
            if where == "after a write":
                inside.set()
                assert go.wait(WAIT)
        order.append("session committed")

    errors: list[BaseException] = []
    saver = _start(save, errors)
    assert inside.wait(WAIT)
    closer = _start(db.close, errors)
    _wait_until_closing(db)
    assert _refused_now(lambda: _open_session(db))
    assert _refused_now(lambda: db.engine)
    closer.join(0.5)
    assert closer.is_alive(), "close() did not wait for the session under way"
    go.set()
    saver.join(WAIT)
    closer.join(WAIT)
    assert not saver.is_alive() and not closer.is_alive()
    assert not errors
    assert order == ["session committed", "lock released"]
    assert _name(db.path) == "saved before close"


def test_a_session_that_outlasts_the_wait_fails_and_writes_nothing(
    writer: EventDB, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wait is bounded: a session still under way when it ends is refused at its commit
    (rolled back, "the event is closed"), so nothing reaches the file after its lock is freed."""
    monkeypatch.setattr(dbmod, "CLOSE_WAIT_SECONDS", 0.2)
    db = writer
    before = _name(db.path)
    inside, go = threading.Event(), threading.Event()

    def save() -> None:
        with db.session() as s:
            s.execute(text("UPDATE event SET name = 'too late'"))
            inside.set()
            assert go.wait(WAIT)

    errors: list[BaseException] = []
    saver = _start(save, errors)
    assert inside.wait(WAIT)
    db.close()  # returns after the bounded wait, the session still open
    assert db.lock is None
    go.set()
    saver.join(WAIT)
    assert not saver.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], StorageError)
    assert errors[0].code == ec.FILE_CLOSED
    assert _name(db.path) == before


def test_a_closed_event_hands_out_no_engine(writer: EventDB) -> None:
    """After close the made engine is not handed out again (it used to be: a late task could
    write through it into a file whose lock was released)."""
    db = writer
    db.prepare_engine()
    db.close()
    assert _refused_now(lambda: db.engine)
    assert _refused_now(lambda: _open_session(db))


def test_an_engine_taken_before_close_cannot_reconnect_after(writer: EventDB) -> None:
    """Whoever kept the engine from before close() cannot open a new connection through it: the
    disposed engine would otherwise reconnect to the file without its lock."""
    db = writer
    engine = db.engine
    before = _name(db.path)
    db.close()

    def write() -> None:
        with engine.begin() as conn:
            conn.execute(text("UPDATE event SET name = 'after close'"))

    assert _refused_now(write)
    assert _name(db.path) == before


def test_an_engine_being_made_when_close_begins_is_disposed_and_none_made_after(
    writer: EventDB,
) -> None:
    """prepare_engine under way when close() begins: close waits for it and disposes that
    engine; nothing makes another one afterwards."""
    db = writer
    made: list[object] = []
    real = db._make
    assert real is not None
    making, go = threading.Event(), threading.Event()

    def slow_make():  # noqa: ANN202
        making.set()
        assert go.wait(WAIT)
        made.append(real())
        return made[-1]

    db._make = slow_make
    errors: list[BaseException] = []
    maker = _start(db.prepare_engine, errors)
    assert making.wait(WAIT)
    closer = _start(db.close, errors)
    _wait_until_closing(db)
    go.set()
    maker.join(WAIT)
    closer.join(WAIT)
    assert not maker.is_alive() and not closer.is_alive()
    assert not errors
    assert len(made) == 1
    assert _refused_now(lambda: db.engine)
    assert len(made) == 1


def test_close_inside_a_session_on_the_same_thread_does_not_wait_for_itself(
    writer: EventDB,
) -> None:
    """A thread closing the event from inside its own session must not wait out the bound."""
    db = writer
    started = time.monotonic()
    with pytest.raises(StorageError) as refused, db.session() as s:
        s.execute(text("UPDATE event SET name = 'unsaved'"))
        db.close()
    assert refused.value.code == ec.FILE_CLOSED
    assert time.monotonic() - started < dbmod.CLOSE_WAIT_SECONDS / 2


def test_every_event_has_its_own_engine_lock() -> None:
    """The lock that guards making the engine belongs to each event, never to the class: one
    shared lock would make every open event (a server event skips EventDB.__init__) wait for
    the others' engines and closes."""
    assert not isinstance(vars(EventDB).get("_engine_lock"), type(threading.Lock()))
