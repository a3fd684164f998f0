"""File > Print / Export: choices, preview of the first page, saving off the GUI thread."""

from __future__ import annotations

import pytest
from factories import make_event
from openpyxl import load_workbook
from pypdf import PdfReader

from kolabik_desktop.ui.report_dialog import ReportDialog

TIMEOUT = 20000


@pytest.fixture
def dialog(qtbot, tmp_path):
    db, _ = make_event(tmp_path / "d.kolabik", entries=10, jurors=3, admitted_to_p2=4)
    dlg = ReportDialog(db, ask_to_open=False)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.preview_ready, timeout=TIMEOUT):
        pass  # reading the event, then the first preview
    yield dlg
    db.close()


def test_lists_the_events_stages_jurors_and_previews_the_first_page(dialog):
    assert [dialog.stage.itemData(i) for i in range(dialog.stage.count())] == ["final", "P1", "P2"]
    assert dialog.juror.count() == 4  # all + 3
    assert dialog.kind.currentData() == "sheet"
    assert dialog.stage.currentData() == "P1"  # a sheet is per stage, never the final
    pixmap = dialog.preview.pixmap()
    assert pixmap is not None and not pixmap.isNull()
    assert pixmap.width() > pixmap.height()  # P1 has 8 criteria: a landscape sheet
    page = pixmap.toImage()  # rendered by QtPdf: white paper with the sheet's text on it
    assert page.pixelColor(0, 0).getRgb() == (255, 255, 255, 255)
    assert any(
        page.pixelColor(x, y).lightness() < 100
        for y in range(0, page.height(), 2)
        for x in range(0, page.width(), 2)
    )
    assert dialog.last_pdf.startswith(b"%PDF")


def test_changing_the_choice_rebuilds_the_preview(qtbot, dialog):
    with qtbot.waitSignal(dialog.preview_ready, timeout=TIMEOUT):
        dialog.set_choice("kind", "recap")
    assert dialog.juror.isHidden() and not dialog.category.isHidden()
    with qtbot.waitSignal(dialog.preview_ready, timeout=TIMEOUT):
        dialog.set_choice("paper", "f4")
    reader = PdfReader(__import__("io").BytesIO(dialog.last_pdf))
    assert round(float(reader.pages[0].mediabox.height)) == 935
    assert "REKAPITULASI NILAI" in reader.pages[0].extract_text()


def test_save_writes_the_pdf_off_the_gui_thread(qtbot, dialog, tmp_path):
    dialog.set_choice("kind", "minutes")
    with qtbot.waitSignal(dialog.preview_ready, timeout=TIMEOUT):
        dialog.set_choice("stage", "P1")  # nobody has a final score yet in this event
    out = tmp_path / "ba.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT) as blocker:
        dialog.save_to(out)
    assert blocker.args == [out]
    assert "BERITA ACARA" in PdfReader(str(out)).pages[0].extract_text()
    assert dialog.progress.value() == dialog.progress.maximum()


def test_export_kinds_show_a_summary_and_save_xlsx(qtbot, dialog, tmp_path):
    with qtbot.waitSignal(dialog.preview_ready, timeout=TIMEOUT):
        dialog.set_choice("kind", "leaderboard")
    assert "10" in dialog.preview.text()
    assert dialog.paper.isHidden()
    out = tmp_path / "lb.xlsx"
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save_to(out)
    ws = load_workbook(out).active
    assert ws.max_row == 11


def test_a_bad_choice_is_reported_not_raised(qtbot, dialog, tmp_path):
    with qtbot.waitSignal(dialog.preview_ready, timeout=TIMEOUT):
        dialog.set_choice("kind", "leaderboard")
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as blocker:
        dialog.save_to(tmp_path / "missing-folder" / "x.csv")
    assert blocker.args[0]
    assert not (tmp_path / "missing-folder").exists()


def test_install_adds_a_file_menu_action_enabled_with_an_event(qtbot):
    from kolabik_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    actions = window.menu_file.actions()
    assert actions.index(window.features.report.action) < actions.index(window.act_quit)
    assert not window.features.report.action.isEnabled()


def test_a_jurors_kit_offers_only_their_own_sheets(qtbot, tmp_path):
    from kolabik_desktop.core.exchange.kits import export_kit
    from kolabik_desktop.core.store.db import open_event_file

    db, _ = make_event(tmp_path / "c.kolabik", entries=5, jurors=2, admitted_to_p2=0)
    kit = open_event_file(export_kit(db, "J1", tmp_path, stages=["P1"]))
    db.close()
    dlg = ReportDialog(kit, ask_to_open=False)
    qtbot.addWidget(dlg)
    try:
        with qtbot.waitSignal(dlg.preview_ready, timeout=TIMEOUT):
            pass
        kinds = [dlg.kind.itemData(i) for i in range(dlg.kind.count())]
        assert kinds == ["sheet", "blank", "matrix"]
        assert dlg.last_pdf.startswith(b"%PDF")
    finally:
        kit.close()


def test_the_suggested_file_name_is_in_the_documents_language(qtbot, dialog, monkeypatch):
    offered: list[str] = []
    monkeypatch.setattr(
        "kolabik_desktop.ui.report_dialog.get_save_file_name",
        lambda _p, _c, path, _f: offered.append(path) or ("", ""),
    )
    dialog._ask_and_save()  # a sheet of P1, in Bahasa Indonesia
    with qtbot.waitSignal(dialog.preview_ready, timeout=TIMEOUT):
        dialog.set_choice("kind", "recap")  # a board: the final ranking, as in the CLI
    dialog._ask_and_save()
    with qtbot.waitSignal(dialog.preview_ready, timeout=TIMEOUT):
        dialog.set_choice("lang", "en")
    dialog._ask_and_save()
    dialog.set_choice("kind", "leaderboard")
    dialog._ask_and_save()
    names = [path.replace("\\", "/").rsplit("/", 1)[1] for path in offered]
    assert names == [
        "lembar-penilaian-p1.pdf",
        "rekapitulasi-nilai-akhir.pdf",
        "score-recap-final.pdf",
        "leaderboard-final.xlsx",
    ]


def test_board_reports_default_to_the_final_ranking_as_the_cli_does(qtbot, dialog):
    assert dialog.stage.currentData() == "P1"  # a sheet needs a stage
    with qtbot.waitSignal(dialog.preview_ready, timeout=TIMEOUT):
        dialog.set_choice("kind", "recap")
    assert dialog.stage.currentData() == "final"
    # A stage the chair picks stays picked.
    dialog.stage.setCurrentIndex(2)
    dialog.stage.activated.emit(2)
    dialog.set_choice("kind", "minutes")
    assert dialog.stage.currentData() == "P2"


def test_the_analysis_report_is_a_choice(qtbot, dialog):
    with qtbot.waitSignal(dialog.preview_ready, timeout=TIMEOUT):
        dialog.set_choice("kind", "analysis")
    assert dialog.stage.currentData() == "P1"
    assert dialog.juror.isHidden() and dialog.category.isHidden()
    text = PdfReader(__import__("io").BytesIO(dialog.last_pdf)).pages[0].extract_text()
    assert "ANALISIS PENILAIAN JURI" in text and "Statistik per juri" in text
    with qtbot.waitSignal(dialog.preview_ready, timeout=TIMEOUT):
        dialog.set_choice("stage", "final")
    text = PdfReader(__import__("io").BytesIO(dialog.last_pdf)).pages[0].extract_text()
    assert "Peringkat akhir" in text


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_preview_page_fills_the_preview_at_both_sizes(qtbot, dialog, size):
    """Not a 420 px page at 44 % zoom in a wide pane: the page fills the preview's width, and a
    resized dialog redraws it at the new width. (Sized as tools/screenshots.py opens it.)"""
    dialog.show()
    dialog.resize(min(1200, size[0] - 80), size[1] - 80)
    qtbot.wait(20)
    qtbot.waitUntil(
        lambda: dialog.preview.pixmap().width() == dialog.preview_width(), timeout=TIMEOUT
    )
    viewport = dialog.preview_scroll.viewport().width()
    page = dialog.preview.pixmap().width()
    assert viewport - 40 <= page <= viewport
    assert page >= 600  # P1's landscape sheet at ~75 % or more, not 420 px
    # The choices keep their width; the page has the larger share.
    assert dialog.kind.width() < viewport
    dialog.resize(dialog.width() - 200, dialog.height())
    qtbot.waitUntil(
        lambda: dialog.preview.pixmap().width() == dialog.preview_width() < page, timeout=TIMEOUT
    )
