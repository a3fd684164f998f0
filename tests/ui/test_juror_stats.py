"""Tools > Juror statistics: the view shows core/analysis's numbers, computed off the GUI thread,
and a click on an outlier mark opens that entry with that juror's form."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from factories import make_event
from PySide6.QtCore import Qt

from kolabik_desktop.core.analysis import load_analysis_input
from kolabik_desktop.core.analysis.export import stat
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.tolerance import set_stage_tolerance
from kolabik_desktop.ui import i18n

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screens"


def _event(tmp_path):
    path = tmp_path / "stats.kolabik"
    db, ids = make_event(path, entries=14, jurors=5, fill=1.0)
    # A small tolerance so that there are outlier marks to click.
    set_stage_tolerance(db, ids.stages["P1"], Decimal(3))
    db.close()
    return path, ids


def _open(qtbot, path):
    from kolabik_desktop.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    assert w.open_event(path)
    assert w.mode == "chair" and w.features.juror_stats.action.isEnabled()
    return w


def test_the_view_shows_the_core_numbers_and_opens_a_flagged_mark(qtbot, tmp_path):
    path, ids = _event(tmp_path)
    db = open_event_file(path)
    try:
        expected = load_analysis_input(db).analyse("P1")
    finally:
        db.close()
    w = _open(qtbot, path)
    with qtbot.waitSignal(w.features.juror_stats.action.triggered, timeout=1000):
        w.features.juror_stats.action.trigger()
    dialog = w.features.juror_stats.dialog
    with qtbot.waitSignal(dialog.loo_computed, timeout=20000):
        pass  # the statistics first, then leave-one-juror-out, both off the GUI thread
    assert dialog.recompute.isEnabled()
    assert dialog.stage.currentData() == "P1"
    assert dialog.jurors.rowCount() == len(expected.jurors)
    for r, j in enumerate(expected.jurors):
        assert dialog.jurors.item(r, 0).text().startswith(j.juror.code)
        assert dialog.jurors.item(r, 2).text() == i18n.localize_number_text(stat(j.mean) or "")
        assert dialog.jurors.item(r, 6).text() == str(len(j.outliers))
    marks = [(j.juror.id, o.entry.id) for j in expected.jurors for o in j.outliers]
    assert marks and dialog.outliers.rowCount() == len(marks)
    assert dialog.sensitivity.rowCount() == expected.sensitivity.cut + 1
    assert dialog.loo.rowCount() == 2 * len(expected.leave_one_out)
    # Clicking an outlier in the list opens that entry with that juror's form.
    juror_id, entry_id = marks[-1]
    dialog.outliers.cellClicked.emit(len(marks) - 1, 0)
    assert (w.scoring_juror_id, w.entry_id, w.stage_id) == (juror_id, entry_id, ids.stages["P1"])
    # And so does clicking its framed cell on the heat map.
    dialog.tabs.setCurrentIndex(1)
    dialog.charts.resize(900, 700)
    dialog.charts.repaint()
    cells = dialog.charts.outlier_cells()
    assert {(j, e) for _r, j, e in cells} <= set(marks) and cells
    rect, juror_id, entry_id = cells[0]
    qtbot.mouseClick(dialog.charts, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert (w.scoring_juror_id, w.entry_id) == (juror_id, entry_id)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.charts.grab().save(str(SHOTS / "juror_stats_charts.png"))
    dialog.tabs.setCurrentIndex(3)
    dialog.grab().save(str(SHOTS / "juror_stats_sensitivity.png"))
    # The final ranking: no per-juror rows, sensitivity and leave-one-out only.
    with qtbot.waitSignal(dialog.loo_computed, timeout=20000):
        dialog.stage.setCurrentIndex(dialog.stage.findData("final"))
    assert dialog.analysis is not None and dialog.analysis.board == "final"
    assert dialog.jurors.rowCount() == 0 and dialog.sensitivity.rowCount() > 0
    assert dialog.loo.rowCount() == len(dialog.analysis.leave_one_out) > 0
    # The empty juror table is explained, not left blank.
    assert "choose a stage" in dialog.status.text()


def test_juror_mode_has_no_statistics(qtbot, tmp_path, open_juror_window):
    path, ids = _event(tmp_path)
    from kolabik_desktop.core.exchange.kits import export_kit

    db = open_event_file(path)
    try:
        code = next(j.code for j in load_analysis_input(db).event.jurors if j.id == ids.jurors[0])
        kit = export_kit(db, code, tmp_path / "j1.kolabik-kit")
    finally:
        db.close()
    w = open_juror_window(kit, ids.jurors[0])
    assert w.mode == "juror"
    assert (
        not w.features.juror_stats.action.isEnabled()
        and not w.features.juror_stats.action.isVisible()
    )


def test_a_stage_added_in_setup_appears_in_the_choice(qtbot, tmp_path):
    from kolabik_desktop.core.store import setup
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.juror_stats import JurorStatsDialog

    path, _ids = _event(tmp_path)
    db = open_event_file(path)
    context = EventContext(db)
    try:
        dialog = JurorStatsDialog()
        qtbot.addWidget(dialog)
        dialog.set_context(context)
        codes = [dialog.stage.itemData(i) for i in range(dialog.stage.count())]
        assert codes == ["P1", "P2", "final"]
        dialog.stage.setCurrentIndex(1)
        setup.add_stage(db, setup.StageData(code="P3", name="Observasi"))
        qtbot.waitUntil(lambda: dialog.stage.count() == 4)
        assert dialog.stage.itemData(2) == "P3" and dialog.stage.currentData() == "P2"
    finally:
        context.close()


def test_the_analysis_runs_without_full_garbage_collections(qtbot, tmp_path, monkeypatch):
    # A full collection freezes the GUI thread for 50-400 ms on a national event (the GIL);
    # both background parts run with the collector paused, and it is back afterwards.
    import gc

    # The dialog's module is loaded when the dialog first opens (after the window's first
    # paint): the spies replace the analysis functions it calls.
    import kolabik_desktop.core.analysis as analysis
    import kolabik_desktop.core.analysis.stats as stats
    import kolabik_desktop.ui.juror_stats as view

    states: list[bool] = []
    load, loo = analysis.load_analysis_input, stats.leave_one_out

    def load_spy(db):  # type: ignore[no-untyped-def]
        states.append(gc.isenabled())
        return load(db)

    def loo_spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        states.append(gc.isenabled())
        return loo(*args, **kwargs)

    monkeypatch.setattr(view, "load_analysis_input", load_spy)
    monkeypatch.setattr(view, "leave_one_out", loo_spy)
    path, _ids = _event(tmp_path)
    w = _open(qtbot, path)
    w.features.juror_stats.action.trigger()
    with qtbot.waitSignal(w.features.juror_stats.dialog.loo_computed, timeout=20000):
        pass
    assert states == [False, False]
    assert gc.isenabled()


def test_the_heat_map_shows_as_many_entries_as_fit(qtbot, tmp_path):
    from kolabik_desktop.ui.juror_stats import HEAT_COLUMNS, ChartsWidget

    path = tmp_path / "wide.kolabik"
    db, _ids = make_event(path, entries=60, jurors=4, fill=1.0)
    try:
        analysis = load_analysis_input(db).analyse("P1", with_leave_one_out=False)
    finally:
        db.close()
    charts = ChartsWidget()
    qtbot.addWidget(charts)
    charts.set_analysis(analysis)
    charts.resize(1300, 700)
    charts.grab()
    assert len(charts.heat_entries) == 60  # a 1366-pixel screen has room for every entry
    charts.resize(640, 700)
    charts.grab()
    assert len(charts.heat_entries) == HEAT_COLUMNS
