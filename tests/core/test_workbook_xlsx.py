"""The fast xlsx cell reader and writer behind the event workbook, checked against openpyxl."""

from __future__ import annotations

import zipfile
from datetime import datetime
from decimal import Decimal

from openpyxl import Workbook, load_workbook

from kolabik_desktop.core.exchange.tabular_xlsx import (
    SheetOut,
    UncachedFormula,
    read_rows,
    write_xlsx,
)


def test_reader_gives_what_openpyxl_gives_for_an_excel_style_file(tmp_path):
    """Shared strings, gaps, booleans, floats, dates, an uncomputed formula."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["kode", "nilai", None, "catatan"])
    ws.append(["A-1", 85.5, None, "baik"])
    ws.append([None, None, None, None])
    ws.append(["A-2", 70, True, "  spasi  "])
    ws["B6"] = datetime(2024, 1, 2)
    ws["D6"] = "=1+1"
    wb.save(tmp_path / "x.xlsx")

    ours = load_workbook(tmp_path / "x.xlsx", read_only=True, data_only=True)
    rows = {n: cells for n, cells in read_rows(ours["Data"])}
    assert rows[1] == ["kode", "nilai", None, "catatan"]
    assert rows[2] == ["A-1", 85.5, None, "baik"]
    assert rows[4] == ["A-2", 70, True, "  spasi  "]
    # A formula Excel never computed has no value: it is read as what it is, to be refused.
    assert rows[6] == [None, datetime(2024, 1, 2), None, "=1+1"]
    assert isinstance(rows[6][3], UncachedFormula)
    assert 3 not in rows or rows[3] == []


def test_writer_output_reads_back_the_same_in_openpyxl(tmp_path):
    rows = [
        ("S1", "J1", Decimal("85.5"), None, "=bagus\nbaris dua"),
        ("S1", "J2", Decimal("100"), True, " depan"),
        ("S1", "J<3>&", Decimal("0.12345678901234567890123"), False, "ok\x0b"),
    ]
    sheets = [SheetOut("Nilai", ("tahap", "juri", "nilai", "tanda", "catatan"), rows)]
    moment = datetime(2023, 1, 1)
    write_xlsx(
        tmp_path / "o.xlsx", sheets, title="Uji", moment=moment, work_path=tmp_path / "w.xlsx"
    )

    wb = load_workbook(tmp_path / "o.xlsx")
    ws = wb["Nilai"]
    assert ws.dimensions == "A1:E4"
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold
    values = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=2)]
    assert values == [
        ("S1", "J1", 85.5, None, "=bagus\nbaris dua"),
        ("S1", "J2", 100, True, " depan"),
        # More digits than a double holds: kept exactly, as text; control characters dropped.
        ("S1", "J<3>&", "0.12345678901234567890123", False, "ok"),
    ]
    assert ws["E2"].data_type == "s"  # text, not a formula
    with zipfile.ZipFile(tmp_path / "o.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 1, 1, 0, 0, 0)}
    ours = load_workbook(tmp_path / "o.xlsx", read_only=True)
    assert [cells for _n, cells in read_rows(ours["Nilai"])][1] == [
        "S1",
        "J1",
        85.5,
        None,
        "=bagus\nbaris dua",
    ]
