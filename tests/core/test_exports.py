"""Leaderboard and score-matrix exports: xlsx (formats, frozen headers) and csv (deterministic)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from factories import make_event
from openpyxl import load_workbook

from kolabik_desktop.core.errors import KolabikError, ValidationError
from kolabik_desktop.core.exchange.exports import export
from kolabik_desktop.core.reports import load_report_data
from kolabik_desktop.core.scoring.engine import format_score
from kolabik_desktop.core.store.models import Entry


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = tmp_path_factory.mktemp("exports") / "x.kolabik"
    db, ids = make_event(path, entries=20, jurors=5, admitted_to_p2=6, p2_fill=0.7)
    with db.session() as s:
        s.get(Entry, ids.entries[0]).title = 'Layanan Jabłoński, "cepat"'
    data = load_report_data(db)
    db.close()
    return data


def _csv_rows(path):
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_final_leaderboard_xlsx_matches_the_engine(data, tmp_path):
    out = tmp_path / "final.xlsx"
    assert export(data, "leaderboard", out) == 20
    ws = load_workbook(out).active
    assert ws.freeze_panes == "C2"
    header = [c.value for c in ws[1]]
    assert header[:5] == ["Peringkat", "Kode", "Inovasi", "Unit", "Kategori"]
    assert header[5:8] == ["P1", "P2", "Nilai Akhir"]
    board = data.scorer.leaderboard("final")
    for row, xl in zip(board.rows, ws.iter_rows(min_row=2, values_only=True), strict=True):
        assert xl[0] == row.rank and xl[1] == row.entry.code
        if row.display:
            assert Decimal(str(xl[7])) == Decimal(row.display)
        else:
            assert xl[7] is None
        p1 = format_score(row.stage_scores.get("P1"), 2)
        assert (xl[5] is None) if not p1 else Decimal(str(xl[5])) == Decimal(p1)
    assert ws.cell(row=2, column=8).number_format == "0.00"


def test_stage_leaderboard_per_category_csv(data, tmp_path):
    category = data.categories[1]
    out = tmp_path / "p1.csv"
    export(data, "leaderboard", out, board="P1", category=category)
    rows = _csv_rows(out)
    header, body = rows[0], rows[1:]
    assert header[5:10] == ["J1", "J2", "J3", "J4", "J5"]
    board = data.scorer.leaderboard("P1", category)
    assert [r[1] for r in body] == [r.entry.code for r in board.rows]
    for r, line in zip(board.rows, body, strict=True):
        assert line[0] == ("" if r.rank is None else str(r.rank))
        assert line[10] == r.display
        cells = {c.juror_id: c for c in r.juror_cells}
        assert line[5:10] == [format_score(cells[j.id].total, 2) for j in data.event.jurors]


def test_csv_is_byte_identical_for_the_same_inputs(data, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    export(data, "leaderboard", a, board="P1")
    export(data, "leaderboard", b, board="P1")
    assert a.read_bytes() == b.read_bytes()
    assert 'Layanan Jabłoński, ""cepat""' in a.read_bytes().decode("utf-8")


def test_matrix_xlsx_has_a_sheet_per_stage_with_raw_values_and_totals(data, tmp_path):
    out = tmp_path / "m.xlsx"
    export(data, "matrix", out, lang="en")
    wb = load_workbook(out)
    assert wb.sheetnames == ["P1", "P2"]
    ws = wb["P1"]
    assert ws.freeze_panes == "E2"
    header = [c.value for c in ws[1]]
    assert header[:6] == ["Code", "Innovation", "Category", "Juror", "Juror Name", "Scoring Status"]
    stage = data.stage("P1")
    entries = {e.code: e for e in data.event.entries}
    jurors = {j.code: j for j in data.event.jurors}
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 20 * 5  # the recused pair is listed too, marked
    for xl in rows:
        e, j = entries[xl[0]], jurors[xl[3]]
        if xl[5] == "recused":
            assert all(v is None for v in xl[6:])
            continue
        for c, v in zip(stage.criteria, xl[6:-1], strict=True):
            assert Decimal(str(v)) == data.values[(j.id, e.id, c.id)]
        total = format_score(data.scorer.juror_total("P1", j.id, e.id), 2)
        assert Decimal(str(xl[-1])) == Decimal(total)
    assert len(list(wb["P2"].iter_rows(min_row=2))) == 6 * 5


@pytest.mark.parametrize(
    ("what", "name", "kwargs", "message"),
    [
        ("matrix", "m.csv", {}, "a CSV holds one stage's matrix"),
        ("leaderboard", "l.pdf", {}, "write a .xlsx or .csv"),
        ("leaderboard", "l.csv", {"board": "P9"}, "no stage 'P9'"),
        ("leaderboard", "l.csv", {"category": "Nope"}, "no category 'Nope'"),
        ("matrix", "m.xlsx", {"category": "Sekolah"}, "leave out --category"),
        ("podium", "p.csv", {}, "unknown export"),
    ],
)
def test_bad_exports_are_refused_and_write_nothing(data, tmp_path, what, name, kwargs, message):
    out = tmp_path / name
    with pytest.raises(ValidationError, match=message):
        export(data, what, out, **kwargs)
    assert not out.exists()


def test_a_file_that_cannot_be_written_is_a_clear_error(data, tmp_path):
    out = tmp_path / "missing-folder" / "final.csv"
    with pytest.raises(KolabikError, match="final.csv: could not write the export"):
        export(data, "leaderboard", out)
    assert not out.parent.exists()
