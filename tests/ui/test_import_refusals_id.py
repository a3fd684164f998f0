"""Import refusals reach the Indonesian window in Indonesian, each line with its sheet, row and
column (issue 12 item 1): ``InputRejected`` carries coded problems (``rules.Problem``), the
window words them (ui.problems.error_text), and the CLI's English (``str``) stays as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import make_event
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QMessageBox

from kolabik_desktop.core import codes
from kolabik_desktop.core.errors import InputRejected
from kolabik_desktop.core.exchange.workbook import export_workbook, import_workbook
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.ui import i18n
from kolabik_desktop.ui.context import EventContext
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.setup.dialog import SetupDialog


@pytest.fixture
def indonesian(qtbot):
    app = QApplication.instance()
    i18n.install_translator(app, "id")
    try:
        yield
    finally:
        i18n.install_translator(app, "en")


@pytest.fixture
def good_xlsx(tmp_path) -> Path:
    db, _ids = make_event(tmp_path / "g.kolabik", entries=6, jurors=3, admitted_to_p2=3)
    export_workbook(db, tmp_path / "good.xlsx")
    db.close()
    return tmp_path / "good.xlsx"


def _edited(src: Path, dst: Path, edit) -> Path:
    wb = load_workbook(src)
    edit(wb)
    wb.save(dst)
    return dst


def _refusal(xlsx: Path, target: Path) -> InputRejected:
    with pytest.raises(InputRejected) as info:
        import_workbook(xlsx, target)
    assert not target.exists()
    return info.value


def test_a_broken_workbook_reads_indonesian_with_its_places(good_xlsx, tmp_path, indonesian):
    def edit(wb):
        wb["Kriteria"]["D5"] = "sepuluh"  # text in a number cell
        wb["Peserta"]["B2"] = None  # an empty required cell (judul)
        del wb["Juri"]  # a missing sheet

    exc = _refusal(_edited(good_xlsx, tmp_path / "bad.xlsx", edit), tmp_path / "new.kolabik")
    by_code = {p.code: p for p in exc.problems}
    assert by_code[rules.VALUE_NOT_NUMBER].where == rules.Where("Kriteria", 5, "bobot")
    assert by_code[codes.INPUT_EMPTY].where == rules.Where("Peserta", 2, "judul")
    assert by_code[codes.INPUT_SHEET_MISSING].where == rules.Where("Juri")

    # The CLI's English, unchanged.
    english = str(exc).splitlines()
    assert english[0] == f"bad.xlsx: refused, nothing was changed ({len(exc.problems)} problem(s)):"
    assert '  - Kriteria row 5, column bobot: "sepuluh" is not a number' in english
    assert "  - Peserta row 2, column judul: is empty" in english
    assert '  - Juri: the sheet "Juri" is missing' in english

    # The window's Indonesian.
    shown = error_text(exc).splitlines()
    assert shown[0] == f"bad.xlsx: ditolak, tidak ada yang diubah ({len(exc.problems)} masalah):"
    assert '  - Kriteria baris 5, kolom bobot: "sepuluh" bukan angka' in shown
    assert "  - Peserta baris 2, kolom judul: kosong" in shown
    assert '  - Juri: lembar "Juri" tidak ada' in shown
    for english_word in ("is not", "is empty", "missing", " row ", "column "):
        assert not any(english_word in line for line in shown), english_word


def test_a_recused_jurors_score_is_refused_in_indonesian(good_xlsx, tmp_path, indonesian):
    wb = load_workbook(good_xlsx, read_only=True)
    rows = wb["Nilai"].iter_rows(values_only=True)
    header = [str(h) for h in next(rows)]
    first = dict(zip(header, next(rows), strict=False))
    wb.close()
    juror, entry = first["juri"], first["peserta"]

    def edit(wb):
        wb["Konflik"].append([juror, entry, "saudara kandung"])

    exc = _refusal(_edited(good_xlsx, tmp_path / "recused.xlsx", edit), tmp_path / "r.kolabik")
    recused = [p for p in exc.problems if p.code == rules.CELL_RECUSED]
    assert recused and all(p.where.place == "Nilai" and p.where.row for p in recused)
    english = str(exc)
    shown = error_text(exc)
    assert f"Nilai row {recused[0].where.row}" in english
    assert f"Nilai baris {recused[0].where.row}" in shown
    assert shown != english and " row " not in shown


def test_the_setup_entry_list_import_shows_indonesian_lines(qtbot, tmp_path, monkeypatch):
    app = QApplication.instance()
    i18n.install_translator(app, "id")
    db, _ids = make_event(tmp_path / "d.kolabik")
    context = EventContext(db)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    try:
        dlg = SetupDialog(context)
        qtbot.addWidget(dlg)
        listing = tmp_path / "daftar.csv"
        listing.write_text(
            "kode,judul\nIN-700,Posyandu Digital\nIN-701,\nIN-700,Lagi\n", encoding="utf-8"
        )
        dlg.entries_tab.import_file(listing)
        qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    finally:
        context.close()
        i18n.install_translator(app, "en")
    lines = warnings[0].splitlines()
    assert lines[0] == "daftar.csv: ditolak, tidak ada yang diubah (2 masalah):"
    assert "  - daftar.csv baris 3, kolom judul: kosong" in lines
    assert (
        "  - daftar.csv baris 4, kolom kode: peserta IN-700 muncul dua kali (pertama di baris 2)"
        in lines
    )
