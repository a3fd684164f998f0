"""Issue 8: one writer per file, rolling backups, and failures that must not lose a score."""

import sqlite3
import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest
from factories import make_event
from sqlalchemy import select

from kolabik_desktop.core.errors import StorageError
from kolabik_desktop.core.store.backup import KEEP, list_backups, make_backup, restore_backup
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.lock import EventLock, EventLockedError
from kolabik_desktop.core.store.models import Score
from kolabik_desktop.core.store.services import set_score


def _score(db, ids, juror=1, entry=1, crit=("P1", "SIG")):
    with db.session() as s:
        return s.scalar(
            select(Score.value).where(
                Score.juror_id == ids.jurors[juror],
                Score.entry_id == ids.entries[entry],
                Score.criterion_id == ids.criteria[crit],
            )
        )


def _set(db, ids, value, juror=1, entry=1, crit=("P1", "SIG"), note=None):
    set_score(
        db,
        juror_id=ids.jurors[juror],
        entry_id=ids.entries[entry],
        criterion_id=ids.criteria[crit],
        value=value,
        note=note,
    )


def test_second_open_with_lock_is_refused_and_names_the_holder(tmp_path):
    path = tmp_path / "e.kolabik"
    make_event(path)[0].close()
    first = open_event_file(path, lock=True)
    with pytest.raises(EventLockedError, match="already open in another Kolabik Desktop window"):
        open_event_file(path, lock=True)
    first.close()
    # Released on close: a new window may open it.
    open_event_file(path, lock=True).close()


def test_lock_held_by_a_killed_process_is_not_stuck(tmp_path):
    path = tmp_path / "e.kolabik"
    make_event(path)[0].close()
    code = textwrap.dedent(
        f"""
        import os, sys
        from kolabik_desktop.core.store.lock import EventLock
        held = EventLock.acquire({str(path)!r})
        print("locked", flush=True)
        os.kill(os.getpid(), 9)
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "locked" in proc.stdout and proc.returncode != 0
    lock = EventLock.acquire(path)  # the OS freed the dead process's lock
    assert lock.held
    lock.release()


def test_lock_in_another_process_refuses_with_its_pid(tmp_path):
    path = tmp_path / "e.kolabik"
    make_event(path)[0].close()
    code = textwrap.dedent(
        f"""
        import sys, time
        from kolabik_desktop.core.store.lock import EventLock
        held = EventLock.acquire({str(path)!r}, since="pagi")
        print("locked", flush=True)
        sys.stdin.readline()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(EventLockedError, match=f"process {proc.pid}"):
            open_event_file(path, lock=True)
    finally:
        proc.communicate("\n", timeout=10)


def test_backups_roll_keep_ten_and_restore_takes_a_safety_copy(tmp_path):
    path = tmp_path / "e.kolabik"
    db, ids = make_event(path, fill=0.5)
    before = _score(db, ids, entry=3)
    first = make_backup(path)
    for _ in range(KEEP + 2):
        make_backup(path)
    infos = list_backups(path)
    assert len(infos) == KEEP
    assert infos[0].taken_at >= infos[-1].taken_at
    assert infos[0].score_count > 0 and infos[0].entry_count == 12
    assert not first.exists()  # the oldest were pruned

    newest = infos[0].path
    _set(db, ids, Decimal(11), entry=3)
    db.close()
    safety = restore_backup(path, newest)
    db = open_event_file(path)
    assert _score(db, ids, entry=3) == before
    db.close()
    # The state before the restore is itself a backup that holds the edit.
    conn = sqlite3.connect(safety)
    assert (
        conn.execute(
            "SELECT value FROM score WHERE juror_id=? AND entry_id=? AND criterion_id=?",
            (ids.jurors[1], ids.entries[3], ids.criteria[("P1", "SIG")]),
        ).fetchone()[0]
        == "11"
    )
    conn.close()


def test_backup_falls_back_when_the_event_folder_is_not_writable(tmp_path, monkeypatch):
    path = tmp_path / "e.kolabik"
    make_event(path)[0].close()
    # A regular file where the backup folder should be makes the folder impossible to create.
    (tmp_path / "e.kolabik-backups").write_text("not a folder")
    fallback = tmp_path / "userdata"
    made = make_backup(path, fallback_dir=fallback)
    assert made.parent == fallback / "e.kolabik-backups"
    assert [b.path for b in list_backups(path, fallback_dir=fallback)] == [made]


def test_disk_full_is_a_clear_message_and_keeps_committed_scores(tmp_path):
    path = tmp_path / "e.kolabik"
    db, ids = make_event(path, fill=1.0)
    _set(db, ids, Decimal(42))
    # SQLite reports SQLITE_FULL when the page limit is reached: the same path as a full disk.
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    from sqlalchemy import event

    def cap(dbapi_conn, _rec):
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    db.engine.dispose()
    event.listen(db.engine, "connect", cap)
    with pytest.raises(StorageError, match="disk is full"):
        for i in range(2000):  # grow the notes until a new page is needed
            _set(
                db,
                ids,
                Decimal(50),
                juror=2,
                entry=i % 12,
                crit=("P1", "KEB"),
                note="catatan panjang " * 120 + str(i),  # within the 2,000-character limit
            )
    assert _score(db, ids, entry=1) == Decimal(42)
    db.close()
    db = open_event_file(path)
    assert _score(db, ids, entry=1) == Decimal(42)
    db.close()


def test_read_only_file_is_a_clear_message(tmp_path):
    path = tmp_path / "e.kolabik"
    db, ids = make_event(path)
    from sqlalchemy import event

    db.engine.dispose()
    # Tests run as root, which ignores file modes; query_only gives SQLite's read-only refusal.
    event.listen(db.engine, "connect", lambda c, _r: c.execute("PRAGMA query_only=ON"))
    with pytest.raises(StorageError, match="read-only"):
        _set(db, ids, Decimal(1))
    db.close()


def test_file_deleted_under_the_app_is_written_back_with_every_score(tmp_path):
    path = tmp_path / "e.kolabik"
    db, ids = make_event(path)
    _set(db, ids, Decimal(64), entry=2)
    path.unlink()  # what a user deleting "the file" in a file manager does
    _set(db, ids, Decimal(65), entry=3)
    assert db.recovered_paths == [path]
    db.close()
    db = open_event_file(path)
    assert _score(db, ids, entry=2) == Decimal(64)
    assert _score(db, ids, entry=3) == Decimal(65)
    db.close()


def test_the_write_mark_moves_on_each_commit_and_on_nothing_else(tmp_path):
    from kolabik_desktop.core.store.queries.fast_scores import read_scorer_input

    path = tmp_path / "e.kolabik"
    db, ids = make_event(path)
    start = db.write_mark()
    assert start is not None
    read_scorer_input(db)  # the window's read of every score at its start
    _score(db, ids)  # a read in a writer's session (committed, writing nothing)
    assert db.write_mark() == start
    _set(db, ids, Decimal(64))
    edited = db.write_mark()
    assert edited != start
    path.unlink()
    _set(db, ids, Decimal(65), entry=3)  # written back to a new file: a new keeper counts
    assert db.recovered_paths == [path]
    written_back = db.write_mark()
    assert written_back not in (start, edited)
    db.close()
    assert db.write_mark() == written_back  # what a backup taken after the close compares
    reader = open_event_file(path, read_only=True)
    assert reader.write_mark() is None  # a reader keeps no keeper: nothing to compare
    reader.close()


def test_a_deleted_file_is_written_back_once_while_another_thread_asks(tmp_path, monkeypatch):
    """The window's background read checks the file and takes the write mark on a worker while
    the GUI thread may be writing a deleted file back: the worker waits for that write-back,
    never meets the keeper closed half-way (which read as a damaged file), and the file is
    written back once."""
    import threading

    import kolabik_desktop.core.store.db as db_module

    path = tmp_path / "e.kolabik"
    db, ids = make_event(path)
    _set(db, ids, Decimal(64), entry=2)
    before = db.write_mark()
    renaming = threading.Event()
    rename = db_module.fsync_and_rename

    def slow_rename(tmp, target):  # a slow disk: the keeper is closed for this long
        renaming.set()
        threading.Event().wait(0.3)
        rename(tmp, target)

    monkeypatch.setattr(db_module, "fsync_and_rename", slow_rename)
    path.unlink()
    seen: dict[str, object] = {}

    def worker():
        renaming.wait(5)
        try:
            db.check_file()
            seen["mark"] = db.write_mark()
        except Exception as exc:  # noqa: BLE001 - the test reports whatever escaped
            seen["error"] = exc

    thread = threading.Thread(target=worker)
    thread.start()
    db.check_file()  # the GUI thread notices the deletion first
    thread.join(10)
    assert "error" not in seen, seen.get("error")
    assert seen["mark"] == db.write_mark() != before  # taken after the write-back: a new keeper
    assert db.recovered_paths == [path]  # once
    db.close()
    db = open_event_file(path)
    assert _score(db, ids, entry=2) == Decimal(64)
    db.close()


def test_write_output_replaces_atomically_and_a_failure_keeps_the_old_file(tmp_path, monkeypatch):
    from kolabik_desktop.core.errors import KolabikError
    from kolabik_desktop.core.files import write_output

    target = tmp_path / "r.pdf"
    write_output(target, b"first", "report")
    assert target.read_bytes() == b"first"

    with pytest.raises(KolabikError, match="came out empty"):
        write_output(tmp_path / "empty.pdf", b"", "report")
    assert not (tmp_path / "empty.pdf").exists()
    monkeypatch.setattr("builtins.open", _failing_open(open))
    with pytest.raises(KolabikError, match="disk is full"):
        write_output(target, b"second", "report")
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def _failing_open(real_open):
    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[:1])
            raise OSError(28, "No space left on device")

    def fake(path, mode="r", *args, **kwargs):
        fh = real_open(path, mode, *args, **kwargs)
        return Full(fh) if "w" in mode else fh

    return fake
