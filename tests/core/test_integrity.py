"""`kolabik check`: each kind of damage is found and named; a sound event has no problems."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from factories import make_event
from sqlalchemy import select

from kolabik_desktop.cli import main
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.integrity import check_event
from kolabik_desktop.core.store.models import AuditLog


@pytest.fixture
def event(tmp_path):
    db, ids = make_event(
        tmp_path / "e.kolabik", entries=6, jurors=3, admitted_to_p2=2, audited=True
    )
    services.set_score(
        db,
        juror_id=ids.jurors[1],
        entry_id=ids.entries[0],
        criterion_id=ids.criteria["P2", "PAP"],
        value=Decimal(80),
    )
    yield db, ids
    db.close()


def audit_rows(db):
    with db.session() as s:
        return s.scalars(select(AuditLog.id)).all()


def raw(db, sql: str, *params, foreign_keys: bool = True) -> None:
    """A write behind the program's back, as another tool (or damage) would make it."""
    conn = sqlite3.connect(db.path)
    conn.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_a_sound_event_has_no_problems(event):
    db, _ids = event
    assert check_event(db) == []


def test_score_out_of_range_and_off_step(event):
    db, ids = event
    sig, lbt = ids.criteria["P1", "SIG"], ids.criteria["P1", "LBT"]
    raw(db, "UPDATE score SET value='101' WHERE criterion_id=? AND entry_id=?", sig, ids.entries[1])
    raw(
        db, "UPDATE score SET value='70.5' WHERE criterion_id=? AND entry_id=?", lbt, ids.entries[2]
    )
    problems = check_event(db)
    assert (
        "score of juror J1 for entry IN-002 on P1/SIG: 101 is outside the range 0 to 100"
        in problems
    )
    assert (
        "score of juror J2 for entry IN-003 on P1/LBT: 70.5 is not on the step 1 (from 0)"
        in problems
    )


def test_score_of_a_recused_juror(event):
    db, ids = event
    juror, entry = ids.conflict
    raw(
        db,
        "INSERT INTO score (juror_id, entry_id, criterion_id, value, note, revision, updated_at)"
        " VALUES (?, ?, ?, '80', '', 1, 'x')",
        juror,
        entry,
        ids.criteria["P1", "SIG"],
    )
    assert check_event(db) == [
        "score of juror J1 for entry IN-001 on P1/SIG: the juror is recused from this entry "
        "(conflict of interest)"
    ]


def test_criteria_weights_not_adding_to_100(event):
    db, ids = event
    raw(db, "UPDATE criterion SET weight='20' WHERE id=?", ids.criteria["P2", "VID"])
    assert check_event(db) == ["stage P2: the criteria weights add up to 110, not 100"]


def test_stage_settings_the_engine_refuses(event):
    db, ids = event
    raw(db, "UPDATE stage SET method='banded' WHERE id=?", ids.stages["P1"])
    assert any("stage P1: method banded needs a band L" in p for p in check_event(db))


def test_edited_audit_row(event):
    db, _ids = event
    raw(
        db,
        "UPDATE audit_log SET new=replace(new, '80', '95') WHERE id = (SELECT max(id) FROM audit_log)",
    )
    last = len(audit_rows(db))
    assert check_event(db) == [f"audit row {last}: its content was changed after it was written"]


def test_foreign_key_violation(event):
    db, ids = event
    raw(
        db,
        "INSERT INTO score (juror_id, entry_id, criterion_id, value, note, revision, updated_at)"
        " VALUES (999, ?, ?, '80', '', 1, 'x')",
        ids.entries[3],
        ids.criteria["P1", "SIG"],
        foreign_keys=False,
    )
    problems = check_event(db)
    assert len(problems) == 1
    assert (
        problems[0].startswith("score row ")
        and "refers to a juror that does not exist" in problems[0]
    )


def test_kolabik_check_exit_codes(event, capsys):
    db, ids = event
    assert main(["check", str(db.path)]) == 0
    raw(db, "UPDATE criterion SET weight='20' WHERE id=?", ids.criteria["P2", "VID"])
    assert main(["check", str(db.path)]) == 1
    assert "stage P2: the criteria weights add up to 110, not 100" in capsys.readouterr().err
