"""`kolabik stats`: the JSON interface, CSV and table, the tolerance setting, bad input."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from factories import make_event

from kolabik_desktop.cli import main
from kolabik_desktop.core.analysis import load_analysis_input
from kolabik_desktop.core.analysis.export import stat
from kolabik_desktop.core.errors import ValidationError
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.tolerance import set_stage_tolerance, stage_tolerances

JUROR_KEYS = {"code", "name", "n", "mean", "sd", "leniency", "correlation", "outliers", "notes"}


def run(capsysbinary, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


@pytest.fixture
def event(tmp_path):
    db, _ids = make_event(tmp_path / "kota.kolabik", fill=0.9, p2_fill=0.9)
    db.close()
    return tmp_path / "kota.kolabik"


def _analysis(path, board):
    db = open_event_file(path)
    try:
        return load_analysis_input(db).analyse(board)
    finally:
        db.close()


def test_json_is_the_documented_interface_with_the_core_numbers(event, capsysbinary):
    code, out, err = run(capsysbinary, "stats", str(event), "--stage", "P1", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["stage"] == "P1"
    core = _analysis(event, "P1")
    assert [j["code"] for j in data["jurors"]] == [j.juror.code for j in core.jurors]
    for j, c in zip(data["jurors"], core.jurors, strict=True):
        assert set(j) >= JUROR_KEYS
        assert j["n"] == c.n and j["mean"] == stat(c.mean) and j["sd"] == stat(c.sd)
        assert j["leniency"] == stat(c.leniency) and j["correlation"] == stat(c.correlation)
        for value in (j["mean"], j["sd"], j["leniency"], j["correlation"]):
            assert value is None or (isinstance(value, str) and len(value.split(".")[1]) == 4)
    assert {c["code"] for c in data["criteria"]} == {c.criterion.code for c in core.criteria}
    assert data["alpha_totals"] == stat(core.alpha_totals.value if core.alpha_totals else None)
    assert list(data["methods"]) == ["mean", "trimmed", "median", "banded", "zscore"]
    for m in data["methods"].values():
        assert {"winner", "top3", "changed_places"} <= set(m)
    assert data["methods"][core.sensitivity.method]["changed_places"] == 0
    for item in data["leave_one_out"]:
        assert {"juror", "winner", "winner_changed", "top3_changed", "cut_changed"} <= set(item)
        assert "largest_move" in item and "final" in item
    assert "NaN" not in out
    # The same inputs print the same bytes.
    assert run(capsysbinary, "stats", str(event), "--stage", "P1", "--format", "json")[1] == out


def test_final_board_and_csv(event, capsysbinary):
    code, out, _ = run(capsysbinary, "stats", str(event), "--stage", "final", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["stage"] == "final" and data["jurors"] == [] and data["method"] is None
    code, out, _ = run(capsysbinary, "stats", str(event), "--stage", "p1", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    core = _analysis(event, "P1")
    assert [r["juror"] for r in rows] == [j.juror.code for j in core.jurors]
    assert [r["mean"] for r in rows] == [stat(j.mean) or "" for j in core.jurors]


def test_table_names_flags_and_verdicts(event, capsysbinary):
    code, out, _ = run(capsysbinary, "stats", str(event))
    assert code == 0
    assert "Juror statistics: stage P1" in out
    assert "Krippendorff" in out and "Method sensitivity" in out
    assert "place 1:" in out and "Leave one juror out" in out


def test_tolerance_setting_moves_the_outliers(event, capsysbinary):
    db = open_event_file(event)
    try:
        with db.session() as s:
            assert stage_tolerances(s) == {}
        stage_id = next(st.id for st in load_analysis_input(db).event.stages if st.code == "P1")
        set_stage_tolerance(db, stage_id, Decimal(0))
        with db.session() as s:
            assert stage_tolerances(s) == {"P1": Decimal(0)}
        with pytest.raises(ValidationError, match="larger than the stage's scale"):
            set_stage_tolerance(db, stage_id, Decimal(101))
    finally:
        db.close()
    data = json.loads(run(capsysbinary, "stats", str(event), "--format", "json")[1])
    assert data["tolerance"] == "0.0000"
    # With no tolerance, every mark off the others' mean is an outlier.
    core = _analysis(event, "P1")
    expected = sum(1 for j in core.jurors for d in j.deviations.values() if d != 0)
    assert sum(len(j["outliers"]) for j in data["jurors"]) == expected > 0


def test_bad_input_is_a_clear_message(tmp_path, event, capsysbinary):
    code, _, err = run(capsysbinary, "stats", str(event), "--stage", "X9")
    assert code == 1 and "unknown stage 'X9'" in err and "Traceback" not in err
    code, _, err = run(capsysbinary, "stats", str(tmp_path / "missing.kolabik"))
    assert code == 1 and "missing.kolabik" in err
