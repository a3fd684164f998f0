"""The entry beside the form: PDF pages inside the window, other files in the system's viewer;
changes from elsewhere (an import) reach the open form; window layout is remembered."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from factories import make_event
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from kolabik_desktop.core.store.services import set_score
from kolabik_desktop.core.store.setup import attach_file
from kolabik_desktop.ui.browser import COL_STATUS
from kolabik_desktop.ui.main_window import MainWindow


def write_pdf(path: Path, pages: int) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    for i in range(pages):
        c.drawString(72, 760, f"Proposal halaman {i + 1}")
        c.showPage()
    c.save()
    return path


def _has_ink(image: QImage) -> bool:
    step = 4
    return any(
        image.pixelColor(x, y).lightness() < 100
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    )


@pytest.fixture
def event_with_files(tmp_path):
    db, ids = make_event(tmp_path / "lampiran.kolabik", fill=0.0)
    attach_file(db, ids.entries[0], write_pdf(tmp_path / "Proposal IN-001.pdf", 3))
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    attach_file(db, ids.entries[0], photo)
    broken = tmp_path / "rusak.pdf"
    broken.write_bytes(b"%PDF-1.4 truncated")
    attach_file(db, ids.entries[1], broken)
    db.close()
    return tmp_path / "lampiran.kolabik", ids


@pytest.fixture
def window(open_juror_window, event_with_files):
    path, ids = event_with_files
    return open_juror_window(path, ids.jurors[1])


def test_a_pdf_attachment_is_read_inside_the_window_with_pages_and_zoom(
    qtbot, window, event_with_files
):
    _path, ids = event_with_files
    window.show_entry(ids.entries[0])
    pane = window.entry_view.pdf
    qtbot.waitUntil(lambda: window.entry_view.reader.currentWidget() is pane)
    assert window.entry_view.attachments.count() == 2
    assert pane.document.status() == QPdfDocument.Status.Ready
    assert pane.page_total() == 3
    assert pane.page_count.text() == "of 3"
    assert not pane.prev_button.isEnabled()
    # QPdfView really paints the page: ink (the proposal's text) appears on a white page.
    qtbot.waitUntil(lambda: _has_ink(pane.view.viewport().grab().toImage()), timeout=5000)
    pane.next_button.click()
    assert pane.current_page() == 1
    assert pane.page_box.value() == 2
    pane.page_box.setValue(3)
    assert pane.current_page() == 2
    assert not pane.next_button.isEnabled()
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_PageUp)
    assert pane.current_page() == 1
    assert pane.page_box.value() == 2
    # Fitted to the width: the zoom shown is the page's real scale, and nothing scrolls sideways.
    assert pane.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    fitted = pane.zoom_factor()
    assert 0.3 < fitted < 3
    assert pane.zoom_label.text() == f"{round(fitted * 100)}%"
    assert pane.view.horizontalScrollBar().maximum() == 0
    tall_fitted = pane.view.verticalScrollBar().maximum()
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert pane.view.zoomMode() == QPdfView.ZoomMode.Custom
    zoomed = pane.zoom_factor()
    assert zoomed > fitted
    assert pane.view.zoomFactor() == zoomed
    assert pane.zoom_label.text() == f"{round(zoomed * 100)}%"
    assert pane.view.horizontalScrollBar().maximum() > 0  # the page is wider than the pane now
    assert pane.view.verticalScrollBar().maximum() > tall_fitted
    assert pane.current_page() == 1  # zooming keeps the page being read
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pane.zoom_factor() < zoomed
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pane.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert pane.zoom_factor() == pytest.approx(fitted, rel=0.02)
    assert pane.view.horizontalScrollBar().maximum() == 0
    # Moving on shows the next entry's attachments, not this PDF.
    window.step(1)
    assert window.entry_view.entry.code == "IN-002"


def test_a_pdf_after_an_entry_without_one_gets_most_of_the_pane(qtbot, window, event_with_files):
    _path, ids = event_with_files
    window.show_entry(ids.entries[2])  # no attachment: the summary takes the pane
    assert window.entry_view.reader.isHidden()
    window.show_entry(ids.entries[0])
    summary, reader = window.entry_view.splitter.sizes()
    assert reader > 2 * summary  # not the reader's tiny size hint
    window.entry_view.splitter.moveSplitter(summary + reader // 2, 1)  # the juror's own split
    window.entry_view.splitter.splitterMoved.emit(summary + reader // 2, 1)
    chosen = window.entry_view.splitter.sizes()
    window.show_entry(ids.entries[2])
    window.show_entry(ids.entries[0])
    assert abs(window.entry_view.splitter.sizes()[0] - chosen[0]) <= 2
    # Remembered for the next window too.
    from kolabik_desktop.ui.entry_view import EntryView

    later = EntryView()
    qtbot.addWidget(later)
    assert later.summary_share == window.entry_view.summary_share != 0.3


def test_other_files_open_in_the_systems_viewer(qtbot, window, event_with_files, monkeypatch):
    _path, ids = event_with_files
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    window.show_entry(ids.entries[0])
    photo = window.entry_view.attachments.item(1)
    assert photo.text().startswith("foto.jpg")
    window.entry_view.attachments.itemActivated.emit(photo)
    assert len(opened) == 1
    copy = Path(opened[0].toLocalFile())
    assert copy.name == "foto.jpg"
    assert copy.read_bytes() == b"\xff\xd8\xff\xe0 not really a photo"


def test_a_broken_pdf_is_explained_not_raised(qtbot, window, event_with_files):
    _path, ids = event_with_files
    window.show_entry(ids.entries[1])
    qtbot.waitUntil(lambda: "rusak.pdf cannot be shown" in window.statusBar().currentMessage())
    view = window.entry_view
    assert view.reader.currentWidget() is view.no_pdf
    assert not view.reader.isHidden()
    assert view.no_pdf.text() == "rusak.pdf cannot be shown: the file is not a readable PDF"
    assert view.pdf.page_total() == 0
    # The next entry's PDF opens normally after a broken one.
    window.show_entry(ids.entries[0])
    qtbot.waitUntil(lambda: view.reader.currentWidget() is view.pdf)
    assert view.pdf.page_total() == 3 and view.pdf.current_page() == 0


def test_a_score_arriving_from_elsewhere_reaches_the_open_form(qtbot, window, event_with_files):
    _path, ids = event_with_files
    juror, entry = ids.jurors[1], window.entry_id
    row = window.form.rows[4]
    set_score(  # as an imported package or another view would
        window.context.db,
        juror_id=juror,
        entry_id=entry,
        criterion_id=row.info.id,
        value=Decimal(66),
        source="paket.kolabik-scores",
    )
    assert row.value.text() == "66"
    model_row = window.browser.model.row_of(entry)
    assert window.browser.model.index(model_row, COL_STATUS).data() == "Partial"
    assert window.progress.progress.incomplete[0][0] == entry


def test_splitters_and_the_window_are_remembered(qtbot, event_with_files):
    from PySide6.QtCore import QSettings

    path, _ids = event_with_files
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(760, 540)
    first.show()
    first.open_event(path)
    first.splitter.setSizes([150, 250, 300])
    state = first.splitter.saveState()
    height = first.size().height()
    first.close()
    assert QSettings().value("main_window/splitter") == state
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    # The offscreen screen is 800 x 600 and restoreGeometry clamps to it: compare heights.
    assert second.size().height() == height == 540
    assert second.splitter.saveState() == state  # restored before any event is open
    second.close()
