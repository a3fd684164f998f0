"""Core's refusals reach the Indonesian window in Indonesian (issue 17 item 2, issue 12 item 1).

The setup screens call core services whose refusals carry a problem code; the window words the
code in its language (ui.problems.error_text), while the same refusal stays English in an
English window and in the CLI.
"""

from __future__ import annotations

import pytest
from factories import make_event
from PySide6.QtWidgets import QApplication, QMessageBox

from kolabik_desktop.core.store import setup
from kolabik_desktop.ui import i18n
from kolabik_desktop.ui.context import EventContext
from kolabik_desktop.ui.setup.dialog import SetupDialog
from kolabik_desktop.ui.setup.models import CriteriaModel


class Boxes:
    """Records the text of the warnings the setup screens would have shown."""

    def __init__(self, monkeypatch):
        self.warnings: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", self._warning)
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    def _warning(self, parent, title, text, *args, **kwargs):
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture(params=["id", "en"])
def setup_dialog(request, qtbot, tmp_path, monkeypatch):
    app = QApplication.instance()
    i18n.install_translator(app, request.param)
    db, ids = make_event(tmp_path / "d.kolabik")
    context = EventContext(db)
    dlg = SetupDialog(context)
    qtbot.addWidget(dlg)
    try:
        yield request.param, dlg, ids, Boxes(monkeypatch)
    finally:
        context.close()
        i18n.install_translator(app, "en")


def test_setup_refusals_in_the_window_language(setup_dialog):
    lang, dlg, ids, boxes = setup_dialog
    stages = dlg.stages_tab
    stages.new_record()
    stages.code.setText("P3")
    stages.name.setText("Observasi Lapangan")
    stages.weight.setText("0")
    stages.method.setCurrentIndex(stages.method.findData("banded"))
    stages.save_record()

    entries = dlg.entries_tab
    entries.new_record()
    entries.code.setText("IN-001")  # taken
    entries.title.setText("Layanan Keliling")
    entries.save_record()

    decisions = dlg.decisions_tab
    decisions.reason.setText("")
    assert decisions.record() is False

    rubric = dlg.rubric_tab
    rubric.select_stage(ids.stages["P2"])
    rubric.model.setData(rubric.model.index(0, CriteriaModel.WEIGHT), "25")  # PAP 30 -> 25
    assert rubric.save() is False

    expected = {
        "id": [
            "Tahap P3: metode banded memerlukan batas L",
            "Peserta IN-001 sudah ada",
            "Keputusan juri memerlukan alasan (mis. 'ex aequo, notulen hlm. 2')",
            "Bobot kriteria berjumlah 95, bukan 100",
        ],
        "en": [
            "Stage P3: the banded method needs a band L",
            "Entry IN-001 already exists",
            "A jury decision needs a reason (e.g. 'ex aequo, minutes p. 2')",
            "The weights add up to 95, not 100",
        ],
    }[lang]
    assert len(boxes.warnings) == len(expected)
    for shown, words in zip(boxes.warnings, expected, strict=True):
        assert words in shown
    assert "P3" not in {r.data.code for r in setup.list_stages(dlg.context.db)}


def test_a_nested_refusal_words_its_subject_too(setup_dialog):
    """A refusal about a field names the field in the window's language too."""
    lang, dlg, _ids, boxes = setup_dialog
    stages = dlg.stages_tab
    stages.new_record()
    stages.code.setText("P3")
    stages.name.setText("x" * 500)
    stages.weight.setText("0")
    stages.save_record()
    assert len(boxes.warnings) == 1
    if lang == "id":
        assert "Tahap P3: nama: teks (nama tahap) sepanjang 500 karakter" in boxes.warnings[0]
    else:
        assert "Stage P3: the name: the text (stage name) is 500 characters" in boxes.warnings[0]
