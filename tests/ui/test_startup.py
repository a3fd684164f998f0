"""The program's start (issue 17 item 9): the window paints from the event's structure, and the
chair's scores are read next in the event's task runner; nothing is lost or stale after."""

from __future__ import annotations

from decimal import Decimal

from factories import make_event

from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.scoring.model import FINAL
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.services import load_scoring_input
from kolabik_desktop.ui.main_window import MainWindow


def _ranking(scorer: Scorer, board: str = FINAL) -> list[tuple[int, int | None, str]]:
    return [(r.entry.id, r.rank, r.display) for r in scorer.leaderboard(board).rows]


def _window(qtbot, path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_event(path, defer_scores=True)
    return window


def test_the_window_paints_first_and_the_scores_follow(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    db, ids = make_event(path, entries=14, p2_fill=1.0)
    db.close()
    window = _window(qtbot, path)
    context = window.context
    assert context is not None
    # Usable before any score is read: the event's name, its entries, a proposal shown.
    assert not context.scores_loaded
    assert "Kolabik Uji 2023" in window.windowTitle()
    assert window.browser.model.rowCount() == 14
    assert window.entry_id is not None
    with qtbot.waitSignal(context.changed, timeout=10000):
        pass  # the scores arrive as one "all" change, on the GUI thread
    assert context.scores_loaded
    data = load_scoring_input(context.db)
    assert _ranking(context.scorer) == _ranking(Scorer(data.event, data.values))
    # The leaderboard follows the change: it shows the same ranking, with scores.
    window.features.leaderboard.dock.show()
    panel = window.features.leaderboard.dock.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 14)
    shown = [(r.entry.id, r.rank, r.display) for r in panel.model.rows()]
    assert shown == _ranking(context.scorer, panel.board())
    assert any(display for _e, _r, display in shown)


def test_a_score_saved_while_the_scores_load_is_kept(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    db, ids = make_event(path, entries=14)
    db.close()
    window = _window(qtbot, path)
    context = window.context
    assert context is not None and not context.scores_loaded
    entry = ids.entries[5]
    services.set_score(
        context.db,
        juror_id=ids.jurors[1],
        entry_id=entry,
        criterion_id=ids.criteria[("P1", "SIG")],
        value=Decimal(0),
    )
    assert entry in context._moved_while_loading
    qtbot.waitUntil(lambda: context.scores_loaded, timeout=10000)
    data = load_scoring_input(context.db)
    assert _ranking(context.scorer, "P1") == _ranking(Scorer(data.event, data.values), "P1")
    assert not context._moved_while_loading


def test_a_juror_kit_and_a_plain_open_read_the_scores_at_once(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    make_event(path, entries=6)[0].close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_event(path)
    assert window.context is not None and window.context.scores_loaded


def test_a_hidden_leaderboard_ranks_nothing_until_it_shows(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from kolabik_desktop.ui.leaderboard import VISIBLE_KEY

    QSettings().setValue(VISIBLE_KEY, False)  # the chair closed it last time
    path = tmp_path / "e.kolabik"
    make_event(path, entries=14)[0].close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_event(path)
    dock = window.features.leaderboard.dock
    assert dock is not None and not dock.isVisible()
    assert dock.panel.model.rowCount() == 0  # no 3,000-row ranking built for a hidden dock
    dock.toggleViewAction().trigger()  # View > Leaderboard
    qtbot.waitUntil(lambda: dock.panel.model.rowCount() == 14)
    shown = [(r.entry.id, r.rank, r.display) for r in dock.panel.model.rows()]
    assert shown == _ranking(window.context.scorer, dock.panel.board())
