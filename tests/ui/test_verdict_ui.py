"""Certificates and the decision letter in the report dialog, the award settings in setup, the
promote dialog and the provenance line of the entry view (issue 18)."""

from __future__ import annotations

import io
import zipfile

import pytest
from factories import make_event, make_tied_event
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kolabik_desktop.core.store.awards import get_award_settings
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.ui.entry_view import EntryView
from kolabik_desktop.ui.promote_dialog import PromoteDialog
from kolabik_desktop.ui.report_dialog import ReportDialog

TIMEOUT = 20000


def _dialog(qtbot, db) -> ReportDialog:
    dlg = ReportDialog(db, ask_to_open=False)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.preview_ready, timeout=TIMEOUT):
        pass
    return dlg


def test_certificates_preview_and_save(qtbot, tmp_path):
    db, _ = make_tied_event(tmp_path / "kota.kolabik")
    dlg = _dialog(qtbot, db)
    with qtbot.waitSignal(dlg.preview_ready, timeout=TIMEOUT):
        dlg.set_choice("kind", "certificate")
    assert not dlg.top_n.isHidden() and not dlg.entry.isHidden() and dlg.orientation.isHidden()
    assert dlg.stage.currentData() == "P1"  # kept from the sheet the dialog opened on
    with qtbot.waitSignal(dlg.preview_ready, timeout=TIMEOUT):
        dlg.top_n.setValue(3)
    pixmap = dlg.preview.pixmap()
    assert pixmap is not None and pixmap.width() > pixmap.height()  # landscape
    out = tmp_path / "piagam.pdf"
    with qtbot.waitSignal(dlg.saved, timeout=TIMEOUT):
        dlg.save_to(out)
    pages = PdfReader(str(out)).pages
    assert len(pages) == 5 and "TERBAIK III" in pages[4].extract_text()
    db.close()


def test_decision_letter_saves_as_docx(qtbot, tmp_path):
    db, _ = make_tied_event(tmp_path / "kota.kolabik")
    dlg = _dialog(qtbot, db)
    with qtbot.waitSignal(dlg.preview_ready, timeout=TIMEOUT):
        dlg.set_choice("kind", "decision")
    assert dlg.stage.currentData() == "P1"  # kept from the sheet the dialog opened on
    out = tmp_path / "sk.docx"
    with qtbot.waitSignal(dlg.saved, timeout=TIMEOUT):
        dlg.save_to(out)
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as z:
        assert "MEMUTUSKAN" in z.read("word/document.xml").decode()
    db.close()


@pytest.mark.parametrize(("answer", "written"), [("No", False), ("Yes", True)])
def test_a_provisional_ranking_asks_first(qtbot, tmp_path, monkeypatch, answer, written):
    db, _ = make_event(tmp_path / "p.kolabik", entries=6, jurors=3, fill=0.7)
    dlg = _dialog(qtbot, db)
    with qtbot.waitSignal(dlg.preview_ready, timeout=TIMEOUT):
        dlg.set_choice("kind", "certificate")  # the preview is shown, provisional or not
    assert dlg.stage.currentData() == "P1"  # kept from the sheet the dialog opened on
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    out = tmp_path / "piagam.pdf"
    if written:
        with qtbot.waitSignal(dlg.saved, timeout=TIMEOUT):
            dlg.save_to(out)
    else:
        dlg.save_to(out)
    assert asked and "provisional" in asked[0]
    assert out.exists() == written
    db.close()


def test_setup_event_tab_edits_the_award_settings(qtbot, tmp_path):
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.setup.event_tab import EventTab

    db, _ = make_tied_event(tmp_path / "kota.kolabik")
    ctx = EventContext(db)
    tab = EventTab(ctx)
    qtbot.addWidget(tab)
    tab.reload()
    assert tab.award_places.text() == "Terbaik I; Terbaik II; Terbaik III"
    assert "Nomor 3 Tahun 2018" in tab.legal_bases.toPlainText()
    tab.signer_name.setText("Drs. H. Saifullah Yusuf")
    tab.signer_title.setText("Wali Kota Pasuruan")
    tab.award_honourable.setText("Juara Harapan I;Juara Harapan II")
    tab.award_count.setValue(7)
    tab.legal_bases.setPlainText("Perda Kota Pasuruan Nomor 1 Tahun 2020")
    assert tab.save()
    settings = get_award_settings(db)
    assert (settings.signer_name, settings.signer_title, settings.count) == (
        "Drs. H. Saifullah Yusuf",
        "Wali Kota Pasuruan",
        7,
    )
    assert settings.honourable == ("Juara Harapan I", "Juara Harapan II")
    assert settings.legal_bases == ("Perda Kota Pasuruan Nomor 1 Tahun 2020",)
    ctx.close()


def test_promote_dialog_sends_and_the_entry_view_shows_where_from(qtbot, tmp_path):
    db, _ = make_tied_event(tmp_path / "kota.kolabik")
    dlg = PromoteDialog(db)
    qtbot.addWidget(dlg)
    dlg.stage.setCurrentIndex(dlg.stage.findData("P1"))
    dlg.top_n.setValue(2)
    assert dlg.winners.count() == 2 and "Terbaik II" in dlg.winners.item(1).text()
    target = tmp_path / "provinsi.kolabik"
    dlg.target.setText(str(target))
    with qtbot.waitSignal(dlg.promoted, timeout=TIMEOUT) as blocker:
        dlg.send()
    assert blocker.args[0].added == ("IN-001", "IN-002")
    assert "2 entries added" in dlg.status.text() or "2 inovasi" in dlg.status.text()
    db.close()
    with open_event_file(target) as nxt:
        view = EntryView()
        qtbot.addWidget(view)
        view.set_db(nxt)
        from kolabik_desktop.core.store.setup import list_entries

        second = next(r for r in list_entries(nxt) if r.data.code == "IN-002")
        view.show_entry(second.id)
        assert not view.provenance.isHidden()
        text = view.provenance.text()
        assert "Kolabik Uji 2023" in text and "Terbaik II" in text and "80" in text
        view.show_entry(None)
        assert view.provenance.isHidden()
        view.set_db(None)


def test_the_entry_view_hides_provenance_for_an_entry_entered_by_hand(qtbot, tmp_path):
    db, ids = make_tied_event(tmp_path / "kota.kolabik")
    view = EntryView()
    qtbot.addWidget(view)
    view.set_db(db)
    view.show_entry(ids.entries[0])
    assert view.provenance.isHidden()
    view.set_db(None)
    db.close()


def test_the_event_tab_saves_details_and_awards_together_and_previews_the_images(qtbot, tmp_path):
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.setup.event_tab import EventTab

    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    png = bytes(buffer.data().data())
    db, _ = make_tied_event(tmp_path / "kota.kolabik")
    ctx = EventContext(db)
    tab = EventTab(ctx)
    qtbot.addWidget(tab)
    tab.reload()
    # Details and award settings edited together: saving the details must not undo the rest.
    tab.name.setText("Kolabik 2024")
    tab.signer_name.setText("Drs. H. Saifullah Yusuf")
    tab._set_signature(png)
    tab._set_logo(png)
    assert tab.save()
    settings = get_award_settings(db)
    assert settings.signature == png and settings.signer_name == "Drs. H. Saifullah Yusuf"
    tab.reload()
    for label in (tab.signature_label, tab.logo_label):
        assert not label.pixmap().isNull() and label.pixmap().width() <= label.width()
    tab._set_signature(None)
    assert tab.signature_label.pixmap().isNull() and tab.signature is None
    assert tab.signature_label.text() == "No signature"
    ctx.close()


def test_the_provenance_line_prints_a_name_as_text_not_markup(qtbot, tmp_path):
    from kolabik_desktop.core.store.awards import Provenance, set_provenance

    db, ids = make_tied_event(tmp_path / "kota.kolabik")
    record = Provenance("uid", "Lomba <b>Kota</b> & Desa", "IN-001", "final", 1, "Terbaik I",
                        "90.00", "final")  # fmt: skip
    set_provenance(db, ids.entries[0], record)
    view = EntryView()
    qtbot.addWidget(view)
    view.set_db(db)
    view.show_entry(ids.entries[0])
    assert "Lomba <b>Kota</b> & Desa" in view.provenance.text()
    assert view.provenance.textFormat() == Qt.TextFormat.PlainText
    view.set_db(None)
    db.close()
