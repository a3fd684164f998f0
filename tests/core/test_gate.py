"""The gate (issue 12): one table of bad cells through every write path gives the same refusals.

Paths: the form's service (services.set_score), `kolabik set-score`, a score package, the event
workbook and a kit update. Each path speaks its own words, but every refusal is the text of the
same problem code in core/scoring/problem_text.py.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import string
from decimal import Decimal
from pathlib import Path

import pytest
from factories import make_event
from helpers_exchange import kit_signing_key
from openpyxl import load_workbook
from sqlalchemy import select

from kolabik_desktop.cli import main
from kolabik_desktop.core.errors import InputRejected, KolabikError
from kolabik_desktop.core.exchange.kits import export_kit, update_kit
from kolabik_desktop.core.exchange.packages import (
    build_package,
    sign_document,
    verify_package_bytes,
)
from kolabik_desktop.core.exchange.workbook import export_workbook, import_workbook
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.problem_text import TEXTS
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import Assignment, Juror, Score
from kolabik_desktop.core.store.writer import CellsRefused

LONG_NOTE = "x" * (rules.TEXT_LIMITS["note"] + 1)

# case: (juror, entry index, stage, criterion, value as typed, note, expected problem code)
BAD_CELLS = {
    "out of range": ("J2", 1, "P1", "SIG", "101", "", rules.VALUE_RANGE),
    "off step": ("J2", 1, "P1", "SIG", "85.5", "", rules.VALUE_STEP),
    "not a number": ("J2", 1, "P1", "SIG", "8o", "", rules.VALUE_NOT_NUMBER),
    "note too long": ("J2", 1, "P1", "SIG", "80", LONG_NOTE, rules.TEXT_TOO_LONG),
    "recused juror": ("J1", 0, "P1", "SIG", "80", "", rules.CELL_RECUSED),
    "entry not admitted": ("J2", 5, "P2", "PAP", "80", "", rules.CELL_NOT_ADMITTED),
    "juror not assigned": ("J2", 1, "P2", "PAP", "80", "", rules.CELL_NOT_ASSIGNED),
}
VALUE_CODES = {rules.VALUE_RANGE, rules.VALUE_STEP, rules.TEXT_TOO_LONG}


def said(code: str, text: str) -> bool:
    """Whether ``text`` holds the English words of ``code`` (any parameters)."""
    pattern = "".join(
        re.escape(literal) + (".+?" if field is not None else "")
        for literal, field, _spec, _conv in string.Formatter().parse(TEXTS[code]["en"])
    )
    return re.search(pattern, text, re.S) is not None


@pytest.fixture(scope="module")
def chair(tmp_path_factory):
    """A chair's event: J1 recused from IN-001, IN-001..IN-005 admitted to P2, and P2 assigned
    to J3 only (so J2 is not assigned there)."""
    folder = tmp_path_factory.mktemp("gate")
    db, ids = make_event(folder / "ev.kolabik", p2_fill=0.0)
    with db.session() as s:
        s.add(
            Assignment(stage_id=ids.stages["P2"], juror_id=ids.jurors[2], entry_id=ids.entries[1])
        )
    db.close()
    return folder / "ev.kolabik", ids


def fresh(chair, tmp_path: Path) -> Path:
    path = tmp_path / "ev.kolabik"
    shutil.copy(chair[0], path)
    return path


def codes_of(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as con:
        return dict(con.execute("SELECT code, id FROM juror").fetchall())


def score_count(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT count(*) FROM score").fetchone()[0]


@pytest.mark.parametrize("case", sorted(BAD_CELLS))
def test_the_form_service_refuses(chair, tmp_path, case):
    juror, entry, stage, crit, typed, note, code = BAD_CELLS[case]
    ids = chair[1]
    path = fresh(chair, tmp_path)
    value = rules.parse_value(typed)
    if isinstance(value, rules.Problem):  # the form parses what was typed by the same rule
        assert value.code == code
        return
    db = open_event_file(path)
    before = score_count(path)
    try:
        with pytest.raises(CellsRefused) as refused:
            services.set_score(
                db,
                juror_id=codes_of(path)[juror],
                entry_id=ids.entries[entry],
                criterion_id=ids.criteria[(stage, crit)],
                value=value,
                note=note,
            )
    finally:
        db.close()
    assert [p.code for p in refused.value.problems] == [code]
    assert score_count(path) == before


@pytest.mark.parametrize("case", sorted(BAD_CELLS))
def test_set_score_cli_refuses(chair, tmp_path, capsys, case):
    juror, entry, stage, crit, typed, note, code = BAD_CELLS[case]
    path = fresh(chair, tmp_path)
    before = score_count(path)
    argv = ["set-score", str(path), "--stage", stage, "--entry", f"IN-{entry + 1:03d}"]
    argv += ["--criterion", crit, "--value", typed, "--juror", juror, "--note", note]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert said(code, err), err
    assert "Traceback" not in err
    assert score_count(path) == before


def test_set_score_cli_writes_a_good_cell_and_a_kit_needs_no_juror(chair, tmp_path, capsys):
    path = fresh(chair, tmp_path)
    argv = ["set-score", str(path), "--stage", "P1", "--entry", "IN-002", "--criterion", "SIG"]
    assert main([*argv, "--value", "77", "--juror", "J2", "--note", "baik"]) == 0
    assert main([*argv, "--value", "77"]) == 1  # a chair's event: whose score?
    assert "--juror" in capsys.readouterr().err
    kit = export_kit(open_event_file(path), "J2", tmp_path / "kits", stages=["P1"])
    assert main(["set-score", str(kit), *argv[2:], "--value", "78,5"]) == 1  # off step
    assert main(["set-score", str(kit), *argv[2:], "--clear"]) == 0
    with open_event_file(path) as db, db.session() as s:
        row = s.scalars(select(Score).join(Juror).where(Juror.code == "J2")).all()
        assert any(r.value == Decimal(77) and r.note == "baik" for r in row)


@pytest.mark.parametrize("case", sorted(BAD_CELLS))
def test_a_package_is_refused(chair, tmp_path, case):
    juror, entry, stage, crit, typed, note, code = BAD_CELLS[case]
    path = fresh(chair, tmp_path)
    db = open_event_file(path)
    try:
        kit_path = export_kit(db, juror, tmp_path / "kits", stages=["P1", "P2"])
        kit = open_event_file(kit_path)
        doc, _name = build_package(kit)
        kit.close()
        doc["scores"].append(
            {
                "entry": f"IN-{entry + 1:03d}",
                "stage": stage,
                "criterion": crit,
                "value": typed,
                "note": note,
                "revision": 1,
                "updated_at": "2023-11-01T10:00:00Z",
            }
        )
        with db.session() as s:
            key = s.scalar(select(Juror.secret_key).where(Juror.code == juror))
        sign_document(doc, key, kit_signing_key(kit_path))
        with pytest.raises(InputRejected) as refused:
            verify_package_bytes(json.dumps(doc).encode(), "bad.kolabik-scores", db)
    finally:
        db.close()
    assert said(code, str(refused.value)), str(refused.value)


@pytest.mark.parametrize("case", sorted(BAD_CELLS))
def test_the_event_workbook_is_refused_whole(chair, tmp_path, case):
    juror, entry, stage, crit, typed, note, code = BAD_CELLS[case]
    path = fresh(chair, tmp_path)
    with open_event_file(path) as db:
        export_workbook(db, tmp_path / "a.xlsx")
    wb = load_workbook(tmp_path / "a.xlsx")
    typed_cell: object = typed
    if rules.parse_value(typed) is not None and not isinstance(
        rules.parse_value(typed), rules.Problem
    ):
        typed_cell = float(typed)  # Excel holds numbers as numbers
    row = [stage, juror, f"IN-{entry + 1:03d}", crit, typed_cell, note or None]
    sheet = wb["Nilai"]
    same = [r for r in sheet.iter_rows(min_row=2) if [c.value for c in r[:4]] == row[:4]]
    if same:  # the cell is scored already: type the bad value over it
        same[0][4].value, same[0][5].value = row[4], row[5]
    else:
        sheet.append(row)
    wb.save(tmp_path / "a.xlsx")
    target = tmp_path / "b.kolabik"
    with pytest.raises(InputRejected) as refused:
        import_workbook(tmp_path / "a.xlsx", target)
    assert said(code, str(refused.value)), str(refused.value)
    assert "Nilai row" in str(refused.value)
    assert not target.exists()


# A kit keeps only its own juror's assignments, so it cannot tell "not assigned" (the chair's
# import refuses such a cell); a text that is not a number cannot be stored in a kit's file.
KIT_CASES = sorted(c for c in BAD_CELLS if c not in ("not a number", "juror not assigned"))


@pytest.mark.parametrize("case", KIT_CASES)
def test_a_kit_update_refuses_bad_values_and_never_copies_ineligible_cells(chair, tmp_path, case):
    """A new kit from the chair carries the bad cell (a value the DB can hold as a number)."""
    juror, entry, stage, crit, typed, note, code = BAD_CELLS[case]
    path = fresh(chair, tmp_path)
    ids = chair[1]
    with open_event_file(path) as db:
        old_kit = export_kit(db, juror, tmp_path / "old", stages=["P1", "P2"])
        new_kit = export_kit(db, juror, tmp_path / "new", stages=["P1", "P2"])
    juror_id = codes_of(path)[juror]
    cell = (juror_id, ids.entries[entry], ids.criteria[(stage, crit)])
    with sqlite3.connect(new_kit) as con:
        con.execute("DELETE FROM score WHERE juror_id=? AND entry_id=? AND criterion_id=?", cell)
        con.execute(
            "INSERT INTO score (juror_id, entry_id, criterion_id, value, note, revision,"
            " updated_at) VALUES (?, ?, ?, ?, ?, 99, '2030-01-01T00:00:00Z')",
            (*cell, typed, note),
        )
    with sqlite3.connect(old_kit) as con:
        before = con.execute("SELECT * FROM score ORDER BY id").fetchall()
    if code in VALUE_CODES:
        with pytest.raises(KolabikError) as refused:
            update_kit(old_kit, new_kit)
        assert said(code, str(refused.value)), str(refused.value)
        with sqlite3.connect(old_kit) as con:
            assert con.execute("SELECT * FROM score ORDER BY id").fetchall() == before
    else:
        update_kit(old_kit, new_kit)
        with sqlite3.connect(old_kit) as con:
            got = con.execute(
                "SELECT count(*) FROM score WHERE juror_id=? AND entry_id=? AND criterion_id=?",
                cell,
            ).fetchone()[0]
        assert got == 0


def test_a_revision_sqlite_cannot_hold_is_a_clear_refusal(chair, tmp_path):
    """Bad input: a package's revision beyond SQLite's integer, and a local edit of a cell whose
    revision is at the maximum, are refused with the rules' words, never a raw database error."""
    path = fresh(chair, tmp_path)
    ids = chair[1]
    db = open_event_file(path)
    try:
        kit_path = export_kit(db, "J2", tmp_path / "kits", stages=["P1"])
        kit = open_event_file(kit_path)
        doc, _name = build_package(kit)
        kit.close()
        doc["scores"][0]["revision"] = 2**64
        with db.session() as s:
            key = s.scalar(select(Juror.secret_key).where(Juror.code == "J2"))
        sign_document(doc, key, kit_signing_key(kit_path))
        with pytest.raises(InputRejected) as refused:
            verify_package_bytes(json.dumps(doc).encode(), "big.kolabik-scores", db)
        assert said(rules.VALUE_REVISION, str(refused.value)), str(refused.value)
        cell = (codes_of(path)["J2"], ids.entries[1], ids.criteria[("P1", "SIG")])
        with sqlite3.connect(path) as con:
            con.execute(
                "UPDATE score SET revision = ? WHERE juror_id=? AND entry_id=? AND criterion_id=?",
                (rules.MAX_REVISION, *cell),
            )
        with pytest.raises(CellsRefused) as local:
            services.set_score(
                db, juror_id=cell[0], entry_id=cell[1], criterion_id=cell[2], value=Decimal(1)
            )
        assert [p.code for p in local.value.problems] == [rules.VALUE_REVISION]
    finally:
        db.close()


def test_the_collector_pause_of_bulk_loads_nests_and_restores_the_collector():
    import gc

    from kolabik_desktop.core.store.writer import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer load still holds it
    assert gc.isenabled()
    gc.disable()  # a program that turned it off itself keeps it off
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
