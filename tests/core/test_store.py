"""The event file: create/open, WAL and foreign keys, schema versions, damage, score writes, audit."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from factories import make_event
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import IntegrityError

from kolabik_desktop.core.errors import EventFileError, NewerVersionError, ValidationError
from kolabik_desktop.core.store import audit, services
from kolabik_desktop.core.store import db as dbmod
from kolabik_desktop.core.store.db import (
    create_event_file,
    head_revision,
    open_event_file,
    schema_revision,
)
from kolabik_desktop.core.store.models import (
    Assignment,
    AuditLog,
    Entry,
    Score,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.before-upgrade-*.bak"))


# ---------------------------------------------------------------------------------------------
# Create and open
# ---------------------------------------------------------------------------------------------


def test_create_then_open_keeps_the_event_and_its_unique_id(tmp_path):
    db = create_event_file(tmp_path / "a.kolabik", name="Kolabik 2023", year=2023, organiser="X")
    other = create_event_file(tmp_path / "b.kolabik", name="Kolabik 2023")
    uid = db.uid
    assert uuid.UUID(uid) and uid != other.uid
    db.close()
    other.close()
    with open_event_file(tmp_path / "a.kolabik") as again:
        assert again.uid == uid and again.kind == "event"
        assert schema_revision(tmp_path / "a.kolabik") == head_revision()
    with pytest.raises(EventFileError, match="already exists"):
        create_event_file(tmp_path / "a.kolabik", name="again")
    with pytest.raises(EventFileError, match="folder does not exist"):
        create_event_file(tmp_path / "no" / "c.kolabik", name="x")


@pytest.mark.parametrize(
    ("failure", "said_id", "said_en"),
    [
        (OSError(28, "No space left on device"), "disk penuh", "the disk is full"),
        (sqlite3.OperationalError("database or disk is full"), "disk penuh", "the disk is full"),
        (sqlite3.OperationalError("database is locked"), "dipakai program lain", "in use"),
        (OSError(16, "Device or resource busy"), "dipakai program lain", "in use"),
        (
            sqlite3.DatabaseError("database disk image is malformed"),
            "ternyata rusak",
            "came out damaged",
        ),
        (sqlite3.DatabaseError("file is not a database"), "ternyata rusak", "came out damaged"),
    ],
)
def test_a_create_that_fails_says_why_in_the_users_language(
    tmp_path, monkeypatch, failure, said_id, said_en
):
    """File > New and `kolabik new`: a full disk, a busy file or a damaged one is worded in the
    user's language; SQLite's and the OS's English never shows in the Indonesian message."""
    from kolabik_desktop.core.scoring.problem_text import error_message

    def fail(*_args, **_kwargs):
        raise failure

    monkeypatch.setattr(dbmod, "_publish", fail)
    with pytest.raises(EventFileError) as refused:
        create_event_file(tmp_path / "full.kolabik", name="x")
    error = refused.value
    assert error.code == "create.failed_nothing_written"
    indonesian = error_message(error.code, error.params, "id")
    assert said_id in indonesian and "tidak ada yang ditulis" in indonesian
    english = str(failure.args[-1]).lower()
    assert english not in indonesian.lower()
    words = set(english.split()) - {"disk", "or"}  # "disk" is an Indonesian word too
    assert not words & set(indonesian.lower().replace(";", " ").split()), indonesian
    assert said_en in str(error)  # the CLI's English
    assert list(tmp_path.iterdir()) == []  # nothing was written, no temporary file left


def test_wal_journal_and_foreign_keys_are_on(tmp_path):
    db, ids = make_event(tmp_path / "e.kolabik", entries=2, jurors=1)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(Assignment(stage_id=ids.stages["P1"], juror_id=999, entry_id=ids.entries[0]))
    db.close()


def test_a_file_from_a_newer_version_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "future.kolabik"
    create_event_file(path, name="Masa depan").close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    conn.commit()
    conn.close()
    before = sha(path)
    with pytest.raises(NewerVersionError, match="newer version of Kolabik Desktop") as info:
        open_event_file(path)
    assert "9999_from_the_future" in str(info.value) and "not changed" in str(info.value)
    assert sha(path) == before
    assert backups(tmp_path) == []


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.kolabik")), ids=lambda p: p.stem)
def test_every_released_schema_opens_with_its_content(tmp_path, fixture):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    assert schema_revision(path) == fixture.stem
    with open_event_file(path) as db:
        assert schema_revision(path) == head_revision()
        scoring = services.load_scoring_input(db)
        assert [e.code for e in scoring.event.entries] == ["IN-001", "IN-002", "IN-003", "IN-004"]
        assert [s.code for s in scoring.event.stages] == ["P1", "P2"]
        with db.session() as s:
            assert audit.verify_chain(s) == []
            assert s.scalar(select(func.count(AuditLog.id))) == 2
            assert s.scalar(select(func.max(Score.revision))) == 2
    # An older schema is migrated only after a backup of the file as it was.
    made = backups(tmp_path)
    if fixture.stem == head_revision():
        assert made == []
    else:
        assert len(made) == 1 and schema_revision(made[0]) == fixture.stem


def test_an_older_file_is_backed_up_then_migrated(tmp_path, monkeypatch):
    """A stand-in next revision (added to a copy of the migrations) upgrades the 0001 fixture."""
    migrations = tmp_path / "migrations"
    shutil.copytree(dbmod.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision()
    (migrations / "versions" / "9000_test_upgrade.py").write_text(
        f'''"""a test-only upgrade"""
import sqlalchemy as sa
from alembic import op

revision = "9000_test_upgrade"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_marker", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("upgrade_marker")
'''
    )
    path = tmp_path / "old.kolabik"
    shutil.copy(FIXTURES / f"{head}.kolabik", path)
    before = sha(path)
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", migrations)
    with open_event_file(path) as db, db.session() as s:
        assert s.execute(text("SELECT count(*) FROM upgrade_marker")).scalar() == 0
        assert s.scalar(select(func.count(Entry.id))) == 4
    assert schema_revision(path) == "9000_test_upgrade"
    (backup,) = backups(tmp_path)
    assert f".before-upgrade-{head}-" in backup.name
    assert schema_revision(backup) == head
    conn = sqlite3.connect(backup)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "upgrade_marker" not in tables
    assert conn.execute("SELECT count(*) FROM entry").fetchone()[0] == 4
    conn.close()
    assert before != sha(path)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: None, "file not found"),
        (lambda p: p.mkdir(), "is a folder"),
        (
            lambda p: p.write_bytes(b"PK\x03\x04 an xlsx, not an event" * 50),
            "not a SQLite database",
        ),
        (lambda p: p.write_bytes(b""), "not a SQLite database"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(),
            "no schema version",
        ),
    ],
    ids=["missing", "folder", "not sqlite", "empty", "other sqlite"],
)
def test_files_that_are_not_events_are_refused_with_a_message(tmp_path, make, message):
    path = tmp_path / "x.kolabik"
    make(path)
    with pytest.raises(EventFileError, match=message):
        open_event_file(path)


def test_a_damaged_file_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "damaged.kolabik"
    shutil.copy(FIXTURES / f"{head_revision()}.kolabik", path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad" * ((4096 - 100) // 2)  # the schema page after the header
    path.write_bytes(bytes(data))
    with pytest.raises(EventFileError, match="damaged"):
        open_event_file(path)
    assert path.read_bytes() == bytes(data)


def _damaged_later_file(tmp_path, mode: str) -> Path:
    """A current event file whose pages are damaged past the event row (the open still reads
    the event; SQLite's quick_check finds the damage): in rollback mode (as kits and backups
    are stored), in WAL mode with commits still in its -wal (the last session crashed), or in
    WAL mode closed cleanly (the usual start, where the check is deferred)."""
    wal_frames = mode == "wal commits"
    made, path = tmp_path / "made.kolabik", tmp_path / "later.kolabik"
    db, _ids = make_event(made, entries=40, jurors=3)
    db.close()
    conn = sqlite3.connect(made)
    if wal_frames:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("UPDATE entry SET title = title || '.'")
        conn.commit()
        # copied while open: the -wal keeps its commits, as after a crash
        shutil.copy(f"{made}-wal", f"{path}-wal")
    elif mode == "rollback":
        conn.execute("PRAGMA journal_mode=DELETE")
    if mode != "wal clean":
        shutil.copy(made, path)
    conn.close()
    if mode == "wal clean":
        shutil.copy(made, path)
        assert path.read_bytes()[18:20] == b"\x02\x02"
    if wal_frames:
        assert Path(f"{path}-wal").stat().st_size > 32
    data = bytearray(path.read_bytes())
    data[-4096:] = b"\xde\xad" * 2048  # the last page: past the schema and the event row
    path.write_bytes(bytes(data))
    with pytest.raises(EventFileError, match="damaged"):
        dbmod.quick_check(path)
    return path


@pytest.mark.parametrize("mode", ["rollback", "wal commits", "wal clean"])
def test_a_damaged_file_opened_with_the_check_later_is_never_written(tmp_path, mode):
    """The window's start defers quick_check to the engine's making; the open must not write
    into the file meanwhile (the keeper's switch to WAL rewrites a rollback file's header; its
    close checkpoints a -wal's commits into the damaged pages)."""
    path = _damaged_later_file(tmp_path, mode)
    before = path.read_bytes()
    try:
        db = open_event_file(path, lock=True, check_later=True)
    except EventFileError as exc:  # refused at the open: as good
        assert "damaged" in str(exc)
        refused_at_open = True
    else:
        refused_at_open = False
        with pytest.raises(EventFileError, match="damaged"):
            db.prepare_engine()
        db.close()
    assert path.read_bytes() == before, refused_at_open
    assert refused_at_open == (mode != "wal clean")  # deferred only where nothing is written


def test_a_cleanly_closed_file_opened_with_the_check_later_defers_the_check(tmp_path, monkeypatch):
    """The deferral still applies to the usual start (a file its last session closed cleanly)."""
    path = tmp_path / "clean.kolabik"
    make_event(path, entries=4, jurors=2)[0].close()
    checked: list[Path] = []
    real = dbmod.quick_check
    monkeypatch.setattr(dbmod, "quick_check", lambda where: checked.append(where) or real(where))
    db = open_event_file(path, lock=True, check_later=True)
    try:
        assert checked == []
        db.prepare_engine()
        assert checked == [path]
    finally:
        db.close()


# ---------------------------------------------------------------------------------------------
# Score writes
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def event(new_location):
    """The same event on a file and on the PostgreSQL test server."""
    db, ids = make_event(new_location("e"), entries=6, jurors=3, admitted_to_p2=2, fill=0.0)
    yield db, ids
    db.close()


def counts(db) -> tuple[int, int]:
    with db.session() as s:
        return (
            s.scalar(select(func.count(Score.id))) or 0,
            s.scalar(select(func.count(AuditLog.id))) or 0,
        )


def score(db, ids, juror=1, entry=1, stage="P1", crit="SIG", value="80", **kw):
    return services.set_score(
        db,
        juror_id=ids.jurors[juror],
        entry_id=ids.entries[entry],
        criterion_id=ids.criteria[stage, crit],
        value=None if value is None else Decimal(value),
        **kw,
    )


def test_set_score_refuses_what_the_rules_forbid_and_writes_nothing(event):
    db, ids = event
    cases = [
        (dict(value="101"), "outside the range 0 to 100"),
        (dict(value="-1"), "outside the range"),
        (dict(value="80.5"), "not on the step 1"),
        (dict(juror=0, entry=0), "recused"),
        (dict(entry=4, stage="P2", crit="PAP"), "not admitted to stage P2"),
    ]
    for kwargs, message in cases:
        with pytest.raises(ValidationError, match=message):
            score(db, ids, **kwargs)
    assert counts(db) == (0, 0)

    with db.session() as s:
        s.add(
            Assignment(stage_id=ids.stages["P1"], juror_id=ids.jurors[2], entry_id=ids.entries[1])
        )
    with pytest.raises(ValidationError, match="not assigned to entry IN-002 in stage P1"):
        score(db, ids, juror=1, entry=1)
    score(db, ids, juror=2, entry=1)
    assert counts(db) == (1, 1)

    services.set_submitted(db, juror_id=ids.jurors[2], stage_id=ids.stages["P1"], submitted=True)
    with pytest.raises(ValidationError, match="submitted"):
        score(db, ids, juror=2, entry=1, value="90")
    assert score_value(db, ids, juror=2, entry=1) == Decimal(80)


def test_a_comment_for_an_unknown_juror_or_entry_is_refused_and_writes_nothing(event):
    db, ids = event
    stage_id = ids.stages["P1"]
    with pytest.raises(ValidationError, match="unknown juror id 999"):
        services.set_comment(db, juror_id=999, entry_id=ids.entries[1], stage_id=stage_id, text="x")
    with pytest.raises(ValidationError, match="unknown entry id 999"):
        services.set_comment(db, juror_id=ids.jurors[1], entry_id=999, stage_id=stage_id, text="x")
    assert counts(db) == (0, 0)


def score_value(db, ids, juror=1, entry=1, stage="P1", crit="SIG"):
    with db.session() as s:
        return s.scalar(
            select(Score.value).where(
                Score.juror_id == ids.jurors[juror],
                Score.entry_id == ids.entries[entry],
                Score.criterion_id == ids.criteria[stage, crit],
            )
        )


def test_revisions_grow_by_one_per_change_and_the_audit_follows(event):
    db, ids = event
    assert score(db, ids, value="80", note="Baik").revision == 1
    assert score(db, ids, value="85.0").revision == 2
    same = score(db, ids, value="85")  # no change: no new revision, no audit row
    assert (same.revision, same.note) == (2, "Baik")
    cleared = score(db, ids, value=None)
    assert (cleared.value, cleared.revision) == (None, 3)
    with db.session() as s:
        rows = s.scalars(select(AuditLog).order_by(AuditLog.id)).all()
        assert [r.action for r in rows] == ["score.set"] * 3
        assert '"value":"85"' in rows[1].new and '"value":"80"' in rows[1].old
        assert audit.verify_chain(s) == []


def test_audit_chain_finds_an_edited_or_deleted_row(event):
    db, ids = event
    for value in ("70", "75", "80", "85"):
        score(db, ids, value=value)
    # An outside tamperer, on a connection of its own (the file with sqlite3, the server as well)
    tamper = create_engine(db.engine.url)
    with tamper.begin() as conn:
        # The row's own text is put back exactly below (a reverse replace() could also hit a '99'
        # of the row's timestamp and leave it changed).
        original = conn.execute(text("SELECT new FROM audit_log WHERE id=2")).scalar_one()
        assert '"value":"75"' in original
        forged = original.replace('"value":"75"', '"value":"99"')
        conn.execute(text("UPDATE audit_log SET new=:new WHERE id=2"), {"new": forged})
    with db.session() as s:
        assert audit.verify_chain(s) == [
            "audit row 2: its content was changed after it was written"
        ]
    with tamper.begin() as conn:
        conn.execute(text("UPDATE audit_log SET new=:new WHERE id=2"), {"new": original})
        conn.execute(text("DELETE FROM audit_log WHERE id=3"))
    tamper.dispose()
    with db.session() as s:
        assert audit.verify_chain(s) == [
            "audit row 4: does not follow the row before it (row removed?)"
        ]


def test_each_score_write_is_committed_at_once(event):
    db, ids = event
    reader = create_engine(db.engine.url)  # another program, on a connection of its own
    query = text(
        "SELECT value, revision FROM score WHERE juror_id=:j AND entry_id=:e AND criterion_id=:c"
    )
    key = {"j": ids.jurors[1], "e": ids.entries[1], "c": ids.criteria["P1", "SIG"]}

    def row() -> tuple:
        with reader.connect() as conn:
            return tuple(conn.execute(query, key).one())

    score(db, ids, value="66")
    assert row() == ("66", 1)
    score(db, ids, value="67")
    assert row() == ("67", 2)
    with reader.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() == 2
    reader.dispose()


def test_a_commit_watcher_sees_another_connections_commit_once(tmp_path):
    from kolabik_desktop.core.store.sqlite_file import CommitWatcher

    db, ids = make_event(tmp_path / "e.kolabik", entries=2, jurors=1, conflict=False)
    watcher = CommitWatcher(tmp_path / "e.kolabik")
    try:
        assert not watcher.take_move()
        services.set_score(
            db, juror_id=ids.jurors[0], entry_id=ids.entries[0], criterion_id=1, value=Decimal(7)
        )
        assert watcher.take_move()
        assert not watcher.take_move()  # that commit was taken: nothing new since
        db.close()
    finally:
        watcher.close()
