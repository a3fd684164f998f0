"""Exports are data, never code (issue 12, item 7): user text that starts like a formula stays
text in xlsx, gets a leading apostrophe in CSV, and the event workbook keeps it exactly."""

from __future__ import annotations

import csv
import io
import sqlite3

from factories import make_event
from openpyxl import load_workbook

from kolabik_desktop.cli.leaderboard_cmd import leaderboard_csv
from kolabik_desktop.core.exchange.exports import FORMULA_STARTS, csv_safe, export
from kolabik_desktop.core.exchange.workbook import export_workbook, import_workbook
from kolabik_desktop.core.reports.data import load_report_data
from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.services import load_scoring_input

TITLES = ['=HYPERLINK("http://x","klik")', "+62 layanan", "-1 antrean", "@SUM(A1)", "\tTab"]


def formula_event(tmp_path):
    db, ids = make_event(tmp_path / "ev.kolabik", entries=6, p2_fill=1.0)
    db.close()
    with sqlite3.connect(tmp_path / "ev.kolabik") as con:
        for i, title in enumerate(TITLES):
            con.execute("UPDATE entry SET title = ? WHERE id = ?", (title, ids.entries[i]))
        con.execute("UPDATE entry SET unit = '=1+1' WHERE id = ?", (ids.entries[5],))
    return open_event_file(tmp_path / "ev.kolabik")


def test_xlsx_export_keeps_formula_like_text_as_text(tmp_path):
    db = formula_event(tmp_path)
    try:
        export(load_report_data(db), "leaderboard", tmp_path / "lb.xlsx", board="P1")
    finally:
        db.close()
    ws = (
        load_workbook(tmp_path / "lb.xlsx")["P1"]
        if False
        else load_workbook(tmp_path / "lb.xlsx").active
    )
    texts = {c.value for row in ws.iter_rows(min_row=2) for c in row if c.data_type == "s"}
    assert set(TITLES) | {"=1+1"} <= texts
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_csv_exports_put_an_apostrophe_before_a_formula_start(tmp_path):
    db = formula_event(tmp_path)
    try:
        export(load_report_data(db), "leaderboard", tmp_path / "lb.csv", board="P1")
        given = load_scoring_input(db)
        board = Scorer(given.event, given.values).leaderboard("P1")
    finally:
        db.close()
    fields = {
        f
        for row in csv.reader(io.StringIO((tmp_path / "lb.csv").read_text("utf-8-sig")))
        for f in row
    }
    assert {"'" + t for t in TITLES} | {"'=1+1"} <= fields
    assert not set(TITLES) & fields
    cli_fields = {f for row in csv.reader(io.StringIO(leaderboard_csv(board, ["P1"]))) for f in row}
    assert {"'" + t for t in TITLES} <= cli_fields
    assert csv_safe("Inovasi = baik") == "Inovasi = baik" and csv_safe("\rx") == "'\rx"
    assert csv_safe("") == ""


def test_every_formula_start_is_caught_as_a_first_character():
    # csv_safe looks at the first character only: a start of two characters would slip through.
    assert all(len(start) == 1 for start in FORMULA_STARTS)
    for start in FORMULA_STARTS:
        assert csv_safe(start + "SUM(A1)") == "'" + start + "SUM(A1)"
        assert csv_safe("x" + start) == "x" + start


def test_event_workbook_keeps_the_exact_text_both_ways(tmp_path):
    db = formula_event(tmp_path)
    try:
        export_workbook(db, tmp_path / "a.xlsx")
    finally:
        db.close()
    ws = load_workbook(tmp_path / "a.xlsx")["Peserta"]
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)
    back = import_workbook(tmp_path / "a.xlsx", tmp_path / "b.kolabik")
    back.close()
    with sqlite3.connect(tmp_path / "b.kolabik") as con:
        titles = {t for (t,) in con.execute("SELECT title FROM entry")}
    # Titles are trimmed on every path (a leading tab included); the rest is kept exactly.
    assert {t.strip() for t in TITLES} <= titles
