"""The program's start (issue 17 item 9): the window paints from the event's structure, and the
chair's scores are read next in the event's task runner; nothing is lost or stale after."""

from __future__ import annotations

from decimal import Decimal

import pytest
from factories import make_event

from kolabik_desktop.core.errors import EventFileError
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


def _window_with_the_board_hidden(qtbot, tmp_path) -> MainWindow:
    """A chair's window on a 14-entry event, the leaderboard closed last time."""
    from PySide6.QtCore import QSettings

    from kolabik_desktop.ui.leaderboard import VISIBLE_KEY

    QSettings().setValue(VISIBLE_KEY, False)
    path = tmp_path / "e.kolabik"
    make_event(path, entries=14)[0].close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_event(path)
    return window


def test_a_leaderboard_panel_asked_for_while_hidden_ranks_nothing_until_it_shows(qtbot, tmp_path):
    window = _window_with_the_board_hidden(qtbot, tmp_path)
    dock = window.features.leaderboard.dock
    panel = dock.panel  # built while hidden (a test, the screenshots): it has the event
    assert panel.context is window.context and panel.model.rowCount() == 0
    dock.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 14)
    window.close_event()
    assert panel.context is None and panel.model.rowCount() == 0


def test_a_hidden_leaderboard_ranks_nothing_until_it_shows(qtbot, tmp_path):
    window = _window_with_the_board_hidden(qtbot, tmp_path)
    dock = window.features.leaderboard.dock
    assert dock is not None and not dock.isVisible()
    assert dock.widget() is None  # the panel itself is not built for a hidden dock
    dock.toggleViewAction().trigger()  # View > Leaderboard
    assert dock.widget() is dock.panel  # built on show, with the open event
    qtbot.waitUntil(lambda: dock.panel.model.rowCount() == 14)
    shown = [(r.entry.id, r.rank, r.display) for r in dock.panel.model.rows()]
    assert shown == _ranking(window.context.scorer, dock.panel.board())


# `kolabik EVENT` as the command runs it, in a fresh process: at the first turn of the event loop
# (the window painted) it reports what is usable and which heavy modules are loaded; then it waits
# for the writer, loaded in the background after the paint.
_FIRST_PAINT_CHILD = """
import sys
from kolabik_desktop.cli import main
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

HEAVY = ("sqlalchemy", "kolabik_desktop.core.store.models", "kolabik_desktop.core.store.writer",
         "kolabik_desktop.core.store.services", "openpyxl", "reportlab", "alembic",
         # the commands' modules: `kolabik NAME.kolabik` opens without the whole parser
         "kolabik_desktop.cli.event_cmds", "kolabik_desktop.cli.report_cmds",
         # a dialog's module behind a menu item loads when the chair first opens it
         "kolabik_desktop.ui.juror_stats")

def exec_then_check(self=None):
    app = QApplication.instance()
    def painted():
        from kolabik_desktop.ui.main_window import MainWindow
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        usable = (window.isVisible() and window.event_name in window.windowTitle()
                  and window.browser.model.rowCount() == 14 and window.entry_id is not None)
        print("USABLE", usable, flush=True)
        print("LOADED", ",".join(m for m in HEAVY if m in sys.modules), flush=True)
        def writer_loaded():
            db = window.context.db
            if not (db.engine_ready and "kolabik_desktop.core.store.services" in sys.modules):
                QTimer.singleShot(10, writer_loaded)
                return
            print("WRITER", window.context.scores_loaded, flush=True)
            app.quit()
        writer_loaded()
    QTimer.singleShot(0, painted)
    return _exec()

_exec = QApplication.exec
QApplication.exec = exec_then_check
sys.exit(main(sys.argv[1:]))
"""


def test_the_first_paint_loads_no_sqlalchemy_and_the_writer_follows(tmp_path):
    """The window paints from sqlite3 reads alone: SQLAlchemy, the ORM models and the writer
    (a third of a second to import) load after the paint, in the background."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "e.kolabik"
    make_event(path, entries=14)[0].close()
    config = tmp_path / "config" / "Kolabik" / "Kolabik Desktop.conf"
    config.parent.mkdir(parents=True)
    config.write_text("[General]\nlanguage=id\n", encoding="utf-8")  # not a first start
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": str(root),
    }
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT_CHILD, str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=120,
    )
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines.get("USABLE") == "True", done.stdout + done.stderr
    assert lines.get("LOADED") == "", lines  # nothing heavy before the paint
    assert lines.get("WRITER") == "True", done.stdout + done.stderr
    assert done.returncode == 0


def test_a_damaged_file_found_after_the_paint_is_closed_and_never_written(
    qtbot, tmp_path, monkeypatch
):
    """At the start the integrity check runs with the engine, after the paint: a file it finds
    damaged is closed with the open's message, and a save made before that is refused."""
    from PySide6.QtWidgets import QMessageBox

    from kolabik_desktop.core.store import db as db_module
    from kolabik_desktop.core.store.db import damaged_error

    path = tmp_path / "e.kolabik"
    db, ids = make_event(path, entries=6)
    db.close()
    checked: list[object] = []

    def damaged(where):  # noqa: ANN001, ANN202
        checked.append(where)
        raise damaged_error(where, "database disk image is malformed")

    monkeypatch.setattr(db_module, "quick_check", damaged)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append(text))
    window = _window(qtbot, path)  # painted: the check has not run yet
    context = window.context
    assert context is not None and not checked
    before = path.read_bytes()
    with pytest.raises(EventFileError, match="damaged"):
        services.set_score(
            context.db,
            juror_id=ids.jurors[0],
            entry_id=ids.entries[0],
            criterion_id=ids.criteria[("P1", "SIG")],
            value=Decimal(50),
        )
    qtbot.waitUntil(lambda: window.context is None, timeout=10000)
    assert checked and shown and "damaged" in shown[0]
    assert path.read_bytes() == before


def test_a_damaged_file_found_after_the_paint_is_not_backed_up(qtbot, tmp_path, monkeypatch):
    """The scores' arrival announces a change; closing the event the check found damaged must
    not copy the damaged file into the backups (which prunes a good one, while the refusal tells
    the chair to restore the newest backup)."""
    from PySide6.QtWidgets import QMessageBox

    from kolabik_desktop.core.store import backup as backup_module
    from kolabik_desktop.core.store import db as db_module
    from kolabik_desktop.core.store.db import damaged_error

    path = tmp_path / "e.kolabik"
    make_event(path, entries=6)[0].close()

    def damaged(where):  # noqa: ANN001, ANN202
        raise damaged_error(where, "database disk image is malformed")

    backed_up: list[object] = []
    monkeypatch.setattr(db_module, "quick_check", damaged)
    monkeypatch.setattr(backup_module, "make_backup", lambda p, **_kw: backed_up.append(p))
    monkeypatch.setattr(QMessageBox, "critical", lambda *_a: None)
    window = _window(qtbot, path)
    qtbot.waitUntil(lambda: window.context is None, timeout=10000)
    assert backed_up == []


def test_a_leaderboard_shown_before_the_scores_ranks_them_when_they_arrive(qtbot, tmp_path):
    """Shown at the start (before the scores are read) it ranks nothing: an engine on the bare
    structure would rank 3,000 unscored entries for nothing. The scores' arrival fills it."""
    path = tmp_path / "e.kolabik"
    make_event(path, entries=14, p2_fill=1.0)[0].close()
    window = _window(qtbot, path)
    context = window.context
    assert context is not None and not context.scores_loaded
    dock = window.features.leaderboard.dock
    dock.show()
    panel = dock.panel
    panel.rebuild()
    assert panel.model.rowCount() == 0 and context._scorer is None  # no engine built for it
    qtbot.waitUntil(lambda: context.scores_loaded and panel.model.rowCount() == 14)
    shown = [(r.entry.id, r.rank, r.display) for r in panel.model.rows()]
    assert shown == _ranking(context.scorer, panel.board())


def test_modules_imported_after_qt_are_not_read_for_pyside_features(qtbot, tmp_path, monkeypatch):
    """PySide's import hook would read every module imported after it to look for "PySide6"
    (~20 ms on the way to the first paint); ui.app tells it no module selects a feature, and a
    module using Qt imported after it works as before."""
    import inspect
    import sys

    import kolabik_desktop.ui.app  # noqa: F401  (the start-up path imports it first)

    read: list[object] = []
    real_getsource = inspect.getsource

    def getsource(obj: object) -> str:
        read.append(obj)
        return real_getsource(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", getsource)
    (tmp_path / "late_qt_module.py").write_text(
        "from PySide6.QtWidgets import QLabel\ndef label(text):\n    return QLabel(text)\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    module = __import__("late_qt_module")  # an import statement: PySide hooks __import__
    monkeypatch.delitem(sys.modules, "late_qt_module")
    label = module.label("Nilai")
    qtbot.addWidget(label)
    assert label.text() == "Nilai"
    assert read == []  # nothing was read to decide on PySide's features
