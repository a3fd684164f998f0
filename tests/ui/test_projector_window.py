"""Issue 6 in the main window: docks, View > Projector (F5), chair-only, the form follows."""

from decimal import Decimal

from factories import make_event
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from kolabik_desktop.core.store import services
from kolabik_desktop.ui.main_window import MainWindow
from kolabik_desktop.ui.projector import RANKS, ProjectorController


def _window(qtbot, path):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_event(path)
    return window


def _actions(menu):
    found = {}
    for action in menu.actions():
        if action.menu() is not None:
            found.update(_actions(action.menu()))
        elif action.text():
            found[action.text()] = action
    return found


def test_installed_through_the_feature_list(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    make_event(path, entries=14, admitted_to_p2=5)[0].close()
    window = _window(qtbot, path)
    actions = _actions(window.menu_view)
    projector_action = actions["&Projector"]
    assert projector_action.shortcut() == QKeySequence("F5")
    assert projector_action.isEnabled()
    # Every mode and control has a key on the laptop too.
    for text in ("Full board", "Ranks without scores", "Progress only", "Reveal place by place"):
        assert not actions[text].shortcut().isEmpty()
    projector_action.trigger()
    assert isinstance(window.features.projector.controller, ProjectorController)
    assert window.features.projector.controller.is_open()
    # The hall's screen is its own top-level window; the laptop's window keeps working.
    assert window.features.projector.controller.window.parent() is None
    actions["Ranks without scores"].trigger()
    assert window.features.projector.controller.mode == RANKS
    projector_action.trigger()
    assert not window.features.projector.controller.is_open()
    # The leaderboard dock, once shown, holds the open event's rows (a hidden one ranks nothing:
    # that is a national event's start spared).
    _actions(window.menu_view)["&Leaderboard"].trigger()
    assert window.features.leaderboard.dock.panel.model.rowCount() == 14


def test_dock_board_follows_a_score_edit_in_the_window(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    _db, ids = make_event(path, entries=14)
    _db.close()
    window = _window(qtbot, path)
    _actions(window.menu_view)["&Leaderboard"].trigger()  # the chair shows the board
    panel = window.features.leaderboard.dock.panel
    panel.set_board("P1")
    entry = ids.entries[13]
    with qtbot.waitSignal(panel.rebuilt, timeout=1000):
        services.set_score(
            window.context.db,
            juror_id=ids.jurors[1],
            entry_id=entry,
            criterion_id=ids.criteria[("P1", "SIG")],
            value=Decimal(0),
        )
    row = next(r for r in panel.model.rows() if r.entry.id == entry)
    expected = next(r for r in window.context.scorer.leaderboard("P1").rows if r.entry.id == entry)
    assert (row.rank, row.display) == (expected.rank, expected.display)


def test_scoring_form_follows_the_entry_now_presenting(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    _db, ids = make_event(path, entries=14, admitted_to_p2=5)
    _db.close()
    window = _window(qtbot, path)
    assert window.stage_id == ids.stages["P1"]
    session = window.features.presentation.session
    session.set_stage("P2")
    with qtbot.waitSignal(window.entry_changed, timeout=1000):
        session.next()
    assert window.entry_id == session.current_entry().id
    assert window.stage_id == ids.stages["P2"]  # the presentation stage's sheet, to type
    assert window.form.stage_id == ids.stages["P2"]


def test_a_juror_kit_has_no_board(qtbot, tmp_path):
    from kolabik_desktop.core.store.models import Event

    path = tmp_path / "kit.kolabik"
    db, ids = make_event(path)
    with db.session() as s:
        event = s.query(Event).one()
        event.kind, event.kit_juror_id = "kit", ids.jurors[0]
    db.close()
    window = _window(qtbot, path)
    assert window.mode == "juror"
    assert window.features.leaderboard.dock.panel.context is None
    assert window.features.projector.controller.context is None
    assert not _actions(window.menu_view)["&Projector"].isEnabled()
    # Nothing of the chair's board clutters a juror's View menu.
    shown = [a.text() for a in window.menu_view.actions() if a.isVisible() and a.text()]
    assert not {"&Leaderboard", "Projector", "Presentation"} & set(shown), shown


def test_laptop_controls_drive_the_projector_and_export(qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from kolabik_desktop.ui.projector import FULL, PROGRESS, REVEAL

    path = tmp_path / "e.kolabik"
    make_event(path, entries=14)[0].close()
    window = _window(qtbot, path)
    controls = window.features.projector.controls
    controller = window.features.projector.controller
    controls.mode_buttons[PROGRESS].click()
    assert controller.mode == PROGRESS
    controls.freeze_box.click()
    assert controller.frozen
    controls.mode_buttons[REVEAL].click()
    assert controller.mode == REVEAL and not controls.freeze_box.isChecked()
    controls.board_box.setCurrentIndex(controls.board_box.findData("P1"))
    controls.board_box.activated.emit(controls.board_box.currentIndex())
    assert controller.board == "P1"
    assert controls.reveal_label.text() == "10 places still hidden"
    controls.reveal_button.click()
    assert controls.reveal_label.text() == "9 places still hidden"
    controls.mode_buttons[FULL].click()
    target = tmp_path / "papan.png"
    monkeypatch.setattr(
        "kolabik_desktop.ui.projector.controls.get_save_file_name",
        lambda *a, **k: (str(target), ""),
    )
    controls.export_button.click()
    assert QImage(str(target)).size().width() == 1920


def test_leaderboard_dock_leaves_a_laptop_screen_to_the_juror_and_is_remembered(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from kolabik_desktop.ui.leaderboard import VISIBLE_KEY

    path = tmp_path / "e.kolabik"
    make_event(path, entries=14)[0].close()
    window = _window(qtbot, path)
    window.show()
    dock = window.features.leaderboard.dock
    assert window.screen().availableGeometry().width() < 1600  # offscreen: a small screen
    assert not dock.isVisible()  # the three scoring panes keep the width
    toggle = _actions(window.menu_view)["&Leaderboard"]
    assert toggle.shortcut() == QKeySequence("Ctrl+Shift+L")
    window.resize(1366, 740)
    toggle.trigger()
    assert dock.isVisible() and dock.panel.model.rowCount() == 14
    # The entry pane keeps its share of what the dock leaves, not a sliver.
    sizes = window.splitter.sizes
    qtbot.waitUntil(lambda: dock.width() <= 1366 // 3 + 10 and sizes()[1] > sum(sizes()) // 4)
    assert QSettings().value(VISIBLE_KEY) in (True, "true")
    window.resizeDocks([dock], [360], Qt.Orientation.Horizontal)  # the chair's own width
    qtbot.waitUntil(lambda: dock.width() == 360)
    window.close_event()
    assert window.open_event(path)
    assert dock.isVisible()  # the chair wanted it: it comes back, as wide as it was
    QApplication.processEvents()  # the dock's place is settled on the next turn of the loop
    QApplication.processEvents()
    assert dock.width() == 360
    dock.close()  # its own close button
    window.close_event()
    assert window.open_event(path)
    assert not dock.isVisible()
    window.close()


def test_a_hidden_leaderboard_catches_up_when_shown(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    _db, ids = make_event(path, entries=14)
    _db.close()
    window = _window(qtbot, path)
    window.show()
    dock, panel = window.features.leaderboard.dock, window.features.leaderboard.dock.panel
    assert dock.isHidden()  # a laptop screen
    panel.set_board("P1")
    rebuilt = []
    panel.rebuilt.connect(lambda: rebuilt.append(1))
    entry = ids.entries[13]
    services.set_score(
        window.context.db,
        juror_id=ids.jurors[1],
        entry_id=entry,
        criterion_id=ids.criteria[("P1", "SIG")],
        value=Decimal(0),
    )
    qtbot.wait(20)
    assert rebuilt == []  # no 3,000-row rebuilds nobody sees
    _actions(window.menu_view)["&Leaderboard"].trigger()
    assert rebuilt
    row = next(r for r in panel.model.rows() if r.entry.id == entry)
    expected = next(r for r in window.context.scorer.leaderboard("P1").rows if r.entry.id == entry)
    assert (row.rank, row.display) == (expected.rank, expected.display)


def test_show_on_projector_opens_it_and_the_chairs_shortcuts_work_there(qtbot, tmp_path):
    from kolabik_desktop.ui.projector import PRESENTING

    path = tmp_path / "e.kolabik"
    make_event(path, entries=14, admitted_to_p2=5)[0].close()
    window = _window(qtbot, path)
    window.show()
    controller = window.features.projector.controller
    assert not controller.is_open()
    panel = window.features.presentation.panel  # built as the dock shows
    panel.project_button.click()  # "Tampilkan di proyektor"
    assert controller.is_open() and controller.mode == PRESENTING
    projector = controller.window
    qtbot.waitExposed(projector)
    with qtbot.waitActive(projector):
        projector.activateWindow()
    # Menu shortcuts of the chair's window that the projector's own keys do not know: F6
    # (freeze), F8 (start the clock), then F5 (View > Projector) closes it.
    qtbot.keyClick(projector, Qt.Key.Key_F6)
    assert controller.frozen
    session = window.features.presentation.session
    qtbot.keyClick(projector, Qt.Key.Key_F8)
    assert session.timer.running
    qtbot.keyClick(projector, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not controller.is_open(), timeout=1000)
    QApplication.processEvents()


P1_SCORED = ("LBT", "KEB", "IMP", "SIG", "ADP", "SDA", "KEL")


def test_a_closed_projector_ranks_nothing_and_is_current_when_opened(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "e.kolabik"
    _db, ids = make_event(path, entries=14)
    _db.close()
    window = _window(qtbot, path)
    window.show()
    window.features.leaderboard.dock.hide()  # only the projector ranks in this window now
    feature = window.features.projector
    controller = feature.controller
    assert not controller.is_open() and not feature.dock.isVisible()
    scorer = window.context.scorer
    real = scorer.leaderboard
    calls: list[tuple] = []

    def spy(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(scorer, "leaderboard", spy)
    controller.set_board("P1")  # a choice made while closed is ranked when shown, too
    ranked = [r for r in real("P1").rows if r.rank is not None]
    outsider = ranked[-1].entry.id
    for juror in ids.jurors:
        if (juror, outsider) == ids.conflict:
            continue
        for code in P1_SCORED:
            services.set_score(
                window.context.db,
                juror_id=juror,
                entry_id=outsider,
                criterion_id=ids.criteria[("P1", code)],
                value=Decimal(100),
            )
    qtbot.wait(50)  # the change signal and any queued redraw have run
    assert calls == []

    feature.open_action.trigger()  # F5: the projector opens on the current standings at once
    assert controller.is_open()
    assert calls == [("P1", None)]
    assert controller.canvas.visible_rows()[0].entry_id == outsider
    assert controller.board_state().rows[0].entry_id == outsider

    # Closed (and its controls too), it stops ranking again.
    feature.open_action.trigger()
    assert not controller.is_open()
    feature.dock.hide()
    calls.clear()
    services.set_score(
        window.context.db,
        juror_id=ids.jurors[0],
        entry_id=ranked[0].entry.id,
        criterion_id=ids.criteria[("P1", "LBT")],
        value=Decimal(1),
    )
    qtbot.wait(50)
    assert calls == []
    # The controls' preview shows the board as well: showing the dock catches it up.
    feature.dock.show()
    qtbot.waitUntil(lambda: calls == [("P1", None)], timeout=1000)
