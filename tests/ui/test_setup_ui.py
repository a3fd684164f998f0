"""The setup screens: models without widgets, then the tabs through qtbot."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from factories import make_event, make_tied_event, scorer_for
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from kolabik_desktop.cli import main
from kolabik_desktop.core.exchange.kits import export_kit
from kolabik_desktop.core.store import setup
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import AuditLog
from kolabik_desktop.core.store.services import set_score
from kolabik_desktop.ui.context import EventContext
from kolabik_desktop.ui.setup.dialog import SetupDialog
from kolabik_desktop.ui.setup.models import AdvanceModel, CriteriaModel, EntriesModel

CHECK = Qt.ItemDataRole.CheckStateRole


# -- models, no widgets --------------------------------------------------------------------------


def test_criteria_model_edits_cells_and_sums_weights(qapp):
    model = CriteriaModel()
    model.set_rows(
        [
            setup.CriterionData("A", "Aspek A", Decimal(60)),
            setup.CriterionData("B", "Aspek B", Decimal(40)),
        ]
    )
    assert model.total_weight() == 100
    assert model.setData(model.index(0, CriteriaModel.WEIGHT), "55,5")
    assert model.index(0, CriteriaModel.WEIGHT).data() == "55.5"
    assert model.total_weight() == Decimal("95.5")
    assert not model.setData(model.index(1, CriteriaModel.MAX), "banyak")
    assert model.rows()[1].max_value == 100
    assert model.move(1, -1) == 0 and model.rows()[0].code == "B"
    model.remove(0)
    assert [r.code for r in model.rows()] == ["A"]


def test_entries_model_columns(qapp, tmp_path):
    db, ids = make_event(tmp_path / "m.kolabik", entries=3)
    try:
        model = EntriesModel()
        model.set_rows(setup.list_entries(db))
        assert model.rowCount() == 3
        assert model.headerData(EntriesModel.TITLE, Qt.Orientation.Horizontal) == "Title"
        assert model.index(1, EntriesModel.CATEGORY).data() == "Kecamatan"
        assert model.index(0, EntriesModel.SCORES).data() == setup.list_entries(db)[0].scores
    finally:
        db.close()


def test_advance_model_leaves_tied_rows_to_the_chair(qapp, tmp_path):
    db, ids = make_tied_event(tmp_path / "t.kolabik", admitted_to_p2=0)
    try:
        short = setup.shortlist(scorer_for(db), "P1", top_n=3)
        model = AdvanceModel()
        model.set_shortlist(short.selected, short.tied_at_cut)
        assert model.rowCount() == 5 and model.tied_count() == 3
        assert model.index(2, AdvanceModel.ADMIT).data(CHECK) == Qt.CheckState.Unchecked
        assert model.index(2, AdvanceModel.NOTE).data() != ""
        model.setData(model.index(3, AdvanceModel.ADMIT), Qt.CheckState.Checked.value, CHECK)
        assert model.admitted() == [ids.entries[0], ids.entries[1], ids.entries[3]]
    finally:
        db.close()


# -- the dialog ----------------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot, tmp_path):
    db, ids = make_event(tmp_path / "d.kolabik")
    context = EventContext(db)
    dlg = SetupDialog(context)
    qtbot.addWidget(dlg)
    yield dlg, ids
    context.close()


class Boxes:
    """Records what QMessageBox would have shown, answering questions with ``answer``."""

    def __init__(self, monkeypatch, answer=QMessageBox.StandardButton.Yes):
        self.warnings: list[str] = []
        self.questions: list[str] = []
        self.answer = answer
        monkeypatch.setattr(QMessageBox, "warning", self._warning)
        monkeypatch.setattr(QMessageBox, "question", self._question)
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)

    def _warning(self, parent, title, text, *args, **kwargs):
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    def _question(self, parent, title, text, *args, **kwargs):
        self.questions.append(text)
        return self.answer


def test_rubric_live_sum_and_refusal_of_a_non_100_rubric(dialog, monkeypatch):
    dlg, ids = dialog
    boxes = Boxes(monkeypatch)
    tab = dlg.rubric_tab
    tab.select_stage(ids.stages["P2"])
    assert "100" in tab.sum_label.text() and "must be" not in tab.sum_label.text()
    model = tab.model
    model.setData(model.index(0, CriteriaModel.WEIGHT), "25")  # PAP 30 -> 25
    assert "95" in tab.sum_label.text() and "must be 100" in tab.sum_label.text()
    assert "c62828" in tab.sum_label.styleSheet()  # red
    assert tab.save() is False
    assert "add up to 95, not 100" in boxes.warnings[0]
    assert {c.code: c.weight for c in setup.get_rubric(tab.context.db, ids.stages["P2"])}[
        "PAP"
    ] == 30
    tab.add_criterion()  # takes the missing 5
    assert "must be" not in tab.sum_label.text()
    assert tab.save() is True  # P2 has no scores: no question asked
    assert boxes.questions == []
    codes = [c.code for c in setup.get_rubric(tab.context.db, ids.stages["P2"])]
    assert codes == ["PAP", "MAT", "VID", "KHD", "K5"]


def test_rubric_change_after_scores_asks_with_the_count_and_audits(dialog, monkeypatch):
    dlg, ids = dialog
    tab = dlg.rubric_tab
    db = tab.context.db
    tab.select_stage(ids.stages["P1"])
    p1_scores = next(r.scores for r in setup.list_stages(db) if r.data.code == "P1")
    model = tab.model
    sig = next(i for i, c in enumerate(model.rows()) if c.code == "SIG")
    adp = next(i for i, c in enumerate(model.rows()) if c.code == "ADP")
    model.setData(model.index(sig, CriteriaModel.WEIGHT), "25")
    model.setData(model.index(adp, CriteriaModel.WEIGHT), "25")

    boxes = Boxes(monkeypatch, answer=QMessageBox.StandardButton.No)
    assert tab.save() is False
    assert str(p1_scores) in boxes.questions[0]
    assert {c.code: c.weight for c in setup.get_rubric(db, ids.stages["P1"])}["SIG"] == 30

    boxes.answer = QMessageBox.StandardButton.Yes
    assert tab.save() is True
    assert {c.code: c.weight for c in setup.get_rubric(db, ids.stages["P1"])}["SIG"] == 25
    with db.session() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == "rubric.update")).one()
    assert json.loads(row.new)["scores_touched"] == p1_scores


def test_descriptor_lines_edit_and_bad_line_blocks_saving(dialog, monkeypatch):
    dlg, ids = dialog
    boxes = Boxes(monkeypatch)
    tab = dlg.rubric_tab
    tab.select_stage(ids.stages["P2"])
    tab.view.selectRow(1)
    tab.descriptors.setPlainText("60: Cukup\n90: Sangat baik")
    assert json.loads(tab.model.rows()[1].descriptors)[1]["text"] == "Sangat baik"
    tab.descriptors.setPlainText("60 Cukup")
    assert "line 1" in tab.descriptor_status.text()
    assert tab.save() is False and "line 1" in boxes.warnings[0]
    tab.descriptors.setPlainText("60: Cukup")
    assert tab.save() is True
    mat = setup.get_rubric(tab.context.db, ids.stages["P2"])[1]
    assert json.loads(mat.descriptors) == [{"value": 60.0, "text": "Cukup"}]


def test_advance_to_next_stage_with_a_tie_at_the_cut(qtbot, tmp_path, monkeypatch):
    db, ids = make_tied_event(tmp_path / "t.kolabik", admitted_to_p2=0)
    context = EventContext(db)
    dlg = SetupDialog(context)
    qtbot.addWidget(dlg)
    try:
        boxes = Boxes(monkeypatch)
        tab = dlg.advance_tab
        assert "P2" in tab.target.text()
        tab.top_n.setValue(3)
        assert tab.preview()
        assert tab.model.rowCount() == 5 and tab.model.tied_count() == 3
        assert "3 entries are tied at the cut" in tab.summary.text()
        # The chair admits one of the three tied entries (IN-004) explicitly.
        tab.model.setData(
            tab.model.index(3, AdvanceModel.ADMIT), Qt.CheckState.Checked.value, CHECK
        )
        with qtbot.waitSignal(context.changed):
            assert tab.admit()
        assert "3 entries" in boxes.questions[0]
        assert setup.admitted_entries(db, ids.stages["P2"]) == {
            ids.entries[0],
            ids.entries[1],
            ids.entries[3],
        }
        with db.session() as s:
            row = s.scalars(select(AuditLog).where(AuditLog.action == "stage.advance")).one()
        assert json.loads(row.subject)["rule"] == "P1: top 3"
    finally:
        context.close()


def test_record_a_jury_decision(qtbot, tmp_path, monkeypatch):
    db, ids = make_tied_event(tmp_path / "t.kolabik", admitted_to_p2=0)
    context = EventContext(db)
    dlg = SetupDialog(context)
    qtbot.addWidget(dlg)
    try:
        Boxes(monkeypatch)
        tab = dlg.decisions_tab
        tab.board.setCurrentIndex(tab.board.findData("P1"))
        tab.entry.setCurrentIndex(tab.entry.findData(ids.entries[4]))
        assert "3" in tab.current_place.text()  # IN-005 shares place 3 now
        tab.place.setValue(5)
        tab.reason.setText("urutan menurut notulen juri")
        with qtbot.waitSignal(context.changed):
            assert tab.record()
        assert tab.model.rowCount() == 1
        assert tab.model.index(0, 2).data() == "IN-005"
        row = next(r for r in context.scorer.leaderboard("P1").rows if r.entry.id == ids.entries[4])
        assert row.rank == 5 and row.tie_rule == "jury_decision"
        tab.view.selectRow(0)
        assert tab.remove()
        assert setup.list_decisions(db) == []
    finally:
        context.close()


def test_a_new_score_moves_the_place_shown_without_rereading_the_lists(
    qtbot, tmp_path, monkeypatch
):
    db, ids = make_tied_event(tmp_path / "t.kolabik", admitted_to_p2=0)
    context = EventContext(db)
    dlg = SetupDialog(context)
    qtbot.addWidget(dlg)
    try:
        tab = dlg.decisions_tab
        tab.board.setCurrentIndex(tab.board.findData("P1"))
        tab.entry.setCurrentIndex(tab.entry.findData(ids.entries[4]))
        assert "now: 3" in tab.current_place.text()
        reads = []
        monkeypatch.setattr(setup, "list_entries", lambda db: reads.append(db) or [])
        p1 = [cid for (stage, _c), cid in ids.criteria.items() if stage == "P1"]
        for cid in p1:
            with qtbot.waitSignal(context.changed):
                set_score(
                    db,
                    juror_id=ids.jurors[0],
                    entry_id=ids.entries[4],
                    criterion_id=cid,
                    value=Decimal(100),
                    actor="chair",
                )
        assert "now: 1" in tab.current_place.text()
        assert reads == []  # a score changes no stage, entry or decision
    finally:
        context.close()


def test_a_refused_decision_shows_the_reason(dialog, monkeypatch):
    dlg, ids = dialog
    boxes = Boxes(monkeypatch)
    tab = dlg.decisions_tab
    tab.reason.setText("")
    assert tab.record() is False
    assert "needs a reason" in boxes.warnings[0]


def test_entries_tab_add_edit_delete_and_attach(dialog, monkeypatch, tmp_path):
    dlg, ids = dialog
    boxes = Boxes(monkeypatch)
    tab = dlg.entries_tab
    tab.new_record()
    tab.code.setText("IN-500")
    tab.title.setText("Layanan Keliling")
    tab.category.setCurrentIndex(tab.category.findText("Sekolah"))
    tab.save_record()
    row = next(r for r in setup.list_entries(tab.context.db) if r.data.code == "IN-500")
    assert row.category == "Sekolah" and tab.current_id == row.id
    f = tmp_path / "foto.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\nfoto")
    tab.attach(f)
    assert tab.attachments.count() == 1 and "foto.png" in tab.attachments.item(0).text()
    tab.code.setText("IN-001")  # taken
    tab.save_record()
    assert "IN-001 already exists" in boxes.warnings[-1]
    tab.delete_record()
    assert "IN-500" not in {r.data.code for r in setup.list_entries(tab.context.db)}


def test_entries_import_runs_off_the_gui_thread(dialog, monkeypatch, tmp_path, qtbot):
    dlg, ids = dialog
    Boxes(monkeypatch)
    tab = dlg.entries_tab
    f = tmp_path / "daftar.csv"
    f.write_text("kode,judul,kelompok\nIN-600,Posyandu Digital,Puskesmas\n", encoding="utf-8")
    with qtbot.waitSignal(tab.context.changed, timeout=5000):
        tab.import_file(f)
    qtbot.waitUntil(lambda: getattr(tab, "last_import", None) is not None, timeout=5000)
    assert tab.last_import.added == 1
    assert tab.model.rowCount() == 13


def test_stages_tab_banded_stage_and_bad_weight(dialog, monkeypatch):
    dlg, ids = dialog
    boxes = Boxes(monkeypatch)
    tab = dlg.stages_tab
    tab.new_record()
    tab.code.setText("P3")
    tab.name.setText("Observasi Lapangan")
    tab.weight.setText("0")
    tab.method.setCurrentIndex(tab.method.findData("banded"))
    assert tab.band.isEnabled()
    tab.save_record()
    assert "needs a band L" in boxes.warnings[-1]
    tab.band.setText("2")
    tab.cumulative.setText("P1:30 P3:70")
    tab.save_record()
    p3 = next(r for r in setup.list_stages(tab.context.db) if r.data.code == "P3")
    assert (p3.data.method, p3.data.band, p3.data.cumulative) == ("banded", 2, "P1:30 P3:70")
    tab.weight.setText("lima")
    tab.save_record()
    assert "The weight is not a number" in boxes.warnings[-1]


def test_event_tab_saves_tiebreak_none(dialog, monkeypatch):
    dlg, ids = dialog
    Boxes(monkeypatch)
    tab = dlg.event_tab
    tab.tiebreak.setCurrentIndex(tab.tiebreak.findData("none"))
    tab.precision.setValue(3)
    assert tab.save()
    d = setup.get_event_details(tab.context.db)
    assert (d.tiebreak, d.precision) == ("none", 3)


def test_event_tab_saves_signing_place_and_chair(dialog, monkeypatch):
    dlg, ids = dialog
    Boxes(monkeypatch)
    tab = dlg.event_tab
    tab.reload()
    names = [tab.report_chair.itemText(i) for i in range(tab.report_chair.count())]
    assert names == [j.data.name for j in setup.list_jurors(tab.context.db)]  # pick a juror
    tab.report_place.setText("Surabaya")
    tab.report_chair.setCurrentText("Prof. Budi Santoso")  # or type another name
    assert tab.save()
    d = setup.get_event_details(tab.context.db)
    assert (d.report_place, d.report_chair) == ("Surabaya", "Prof. Budi Santoso")
    tab.report_place.clear()
    tab.reload()
    assert tab.report_place.text() == "Surabaya"
    assert tab.report_chair.currentText() == "Prof. Budi Santoso"
    setup.add_juror(tab.context.db, setup.JurorData("J9", "Dr. Rina Wati"))
    assert tab.report_chair.findText("Dr. Rina Wati") >= 0  # a new juror can be picked at once
    assert tab.report_chair.currentText() == "Prof. Budi Santoso"


def test_assignments_tab_per_category(dialog, monkeypatch):
    dlg, ids = dialog
    Boxes(monkeypatch)
    tab = dlg.assignments_tab
    tab.category_mode.click()
    assert tab.matrix.rowCount() == 5 and tab.matrix.columnCount() == 5
    tab.matrix.setData(tab.matrix.index(1, 0), Qt.CheckState.Checked.value, CHECK)
    assert tab.save()
    plan = setup.get_assignments(tab.context.db, tab.stage.currentData())
    assert plan.mode == setup.ASSIGN_CATEGORY and list(plan.categories) == [ids.jurors[0]]


def test_assignments_tab_per_entry(dialog, monkeypatch):
    dlg, ids = dialog
    Boxes(monkeypatch)
    tab = dlg.assignments_tab
    tab.stage.setCurrentIndex(tab.stage.findData(ids.stages["P2"]))
    tab.load_plan()
    tab.entry_mode.click()
    admitted = setup.admitted_entries(tab.context.db, ids.stages["P2"])
    assert tab.matrix.rowCount() == len(admitted) and tab.matrix.columnCount() == 5
    tab.matrix.setData(tab.matrix.index(0, 1), Qt.CheckState.Checked.value, CHECK)
    tab.matrix.setData(tab.matrix.index(2, 4), Qt.CheckState.Checked.value, CHECK)
    assert tab.save()
    plan = setup.get_assignments(tab.context.db, ids.stages["P2"])
    first, _second, third = sorted(admitted)[:3]
    assert plan.mode == setup.ASSIGN_ENTRY
    assert plan.pairs == {(ids.jurors[1], first), (ids.jurors[4], third)}


def test_setup_action_only_in_chair_mode(qtbot, tmp_path):
    from kolabik_desktop.ui.main_window import MainWindow

    db, _ = make_event(tmp_path / "w.kolabik")
    db.close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.features.setup.action.isEnabled()
    assert window.open_event(tmp_path / "w.kolabik")
    assert window.features.setup.action.isEnabled()
    window.features.setup.action.trigger()
    dialogs = window.findChildren(SetupDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    window.close_event()
    assert not window.features.setup.action.isEnabled()
    chair = open_event_file(tmp_path / "w.kolabik")
    kit = export_kit(chair, "J1", tmp_path)
    chair.close()
    assert window.open_event(kit) and window.mode == "juror"
    assert (
        not window.features.setup.action.isVisible()
        and not window.features.setup.action.isEnabled()
    )


def test_hidden_tab_catches_up_when_shown(dialog, qtbot):
    dlg, ids = dialog
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.tabs.setCurrentWidget(dlg.event_tab)
    setup.add_juror(dlg.context.db, setup.JurorData("J9", "Juri Sembilan"))
    assert dlg.jurors_tab.model.rowCount() == 5  # hidden: not re-read on every change
    dlg.tabs.setCurrentWidget(dlg.jurors_tab)
    assert dlg.jurors_tab.model.rowCount() == 6


def test_switching_stage_with_unsaved_rubric_asks_first(dialog, monkeypatch):
    dlg, ids = dialog
    boxes = Boxes(monkeypatch, answer=QMessageBox.StandardButton.No)
    tab = dlg.rubric_tab
    tab.select_stage(ids.stages["P1"])
    tab.model.setData(tab.model.index(1, CriteriaModel.NAME), "Latar Belakang")
    tab.select_stage(ids.stages["P2"])
    assert "unsaved changes" in boxes.questions[0]
    assert tab.stage_id() == ids.stages["P1"]
    assert tab.model.rows()[1].name == "Latar Belakang"
    boxes.answer = QMessageBox.StandardButton.Yes
    tab.select_stage(ids.stages["P2"])
    assert tab.stage_id() == ids.stages["P2"] and tab.model.rows()[0].code == "PAP"


def test_a_new_event_set_up_through_the_tabs(qtbot, tmp_path, monkeypatch):
    """kolabik new --template kipp, then categories, entries, jurors and a conflict in the window."""
    path = tmp_path / "kota.kolabik"
    assert main(["new", str(path), "--template", "kipp", "--name", "Kolabik Kota"]) == 0
    db = open_event_file(path)
    context = EventContext(db)
    dlg = SetupDialog(context)
    qtbot.addWidget(dlg)
    try:
        boxes = Boxes(monkeypatch)
        cats = dlg.categories_tab
        for name in ("Kecamatan", "Kelurahan"):
            cats.new_record()
            cats.name.setText(name)
            cats.save_record()
        assert [c.name for c in setup.list_categories(db)] == ["Kecamatan", "Kelurahan"]
        entries = dlg.entries_tab
        for code, title, cat in (("KC-01", "KECE", 1), ("KL-01", "SIPANDU", 2)):
            entries.new_record()
            entries.code.setText(code)
            entries.title.setText(title)
            entries.unit.setText(f"Unit {code}")
            entries.category.setCurrentIndex(cat)
            entries.save_record()
        rows = {e.data.code: e for e in setup.list_entries(db)}
        assert rows["KL-01"].category == "Kelurahan" and rows["KC-01"].data.unit == "Unit KC-01"
        jurors = dlg.jurors_tab
        for code, name in (("J1", "Dr. Siti"), ("J2", "Prof. Budi")):
            jurors.new_record()
            jurors.code.setText(code)
            jurors.name.setText(name)
            jurors.save_record()
        assert [j.data.code for j in setup.list_jurors(db)] == ["J1", "J2"]
        conflicts = dlg.conflicts_tab
        conflicts.reload()
        conflicts.new_record()
        conflicts.juror.setCurrentIndex(
            conflicts.juror.findText("J2", Qt.MatchFlag.MatchStartsWith)
        )
        conflicts.entry.setCurrentIndex(conflicts.entry.findData(rows["KC-01"].id))
        conflicts.save_record()
        assert "needs a reason" in boxes.warnings[-1] and setup.list_conflicts(db) == []
        conflicts.reason.setText("unit sendiri")
        conflicts.save_record()
        (conflict,) = setup.list_conflicts(db)
        assert (conflict.entry_id, conflict.reason) == (rows["KC-01"].id, "unit sendiri")
        j2 = next(j.id for j in setup.list_jurors(db) if j.data.code == "J2")
        status = context.scorer.juror_status("P1", j2, rows["KC-01"].id)
        assert status == "recused"
    finally:
        context.close()


def test_stages_tab_edits_the_outlier_tolerance(dialog, monkeypatch):
    """Issue 15: the stage tolerance of juror statistics is edited with the stage."""
    from kolabik_desktop.core.store.tolerance import stage_tolerances

    dlg, ids = dialog
    boxes = Boxes(monkeypatch)
    tab = dlg.stages_tab
    tab.select_id(ids.stages["P1"])
    assert tab.current_id == ids.stages["P1"] and tab.code.text() == "P1"
    assert tab.tolerance.text() == ""
    tab.tolerance.setText("250")
    tab.save_record()
    assert "larger than the stage's scale" in boxes.warnings[-1]
    tab.tolerance.setText("7,5")
    tab.save_record()
    with tab.context.db.session() as s:
        assert stage_tolerances(s) == {"P1": Decimal("7.5")}
    tab.select_id(ids.stages["P2"])
    tab.select_id(ids.stages["P1"])
    assert tab.tolerance.text() in ("7.5", "7,5")
    tab.tolerance.setText("")
    tab.save_record()
    with tab.context.db.session() as s:
        assert stage_tolerances(s) == {}
