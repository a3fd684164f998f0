"""Issue 8 in the window: backups while the event changes, restore, settings, crash dialog."""

import logging
from decimal import Decimal

from factories import make_event
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from kolabik_desktop.core.store.backup import list_backups
from kolabik_desktop.core.store.services import set_score
from kolabik_desktop.ui import backup_ui, crash, settings_dialog
from kolabik_desktop.ui.main_window import MainWindow


def _window_with_backups(qtbot, path):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_event(path)
    return window


def test_backup_only_when_something_changed(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    _db, ids = make_event(path)
    _db.close()
    window = _window_with_backups(qtbot, path)
    scheduler = window.features.backup.scheduler
    assert scheduler.backup_if_changed() is None  # nothing changed yet
    with qtbot.waitSignal(window.context.changed, timeout=2000):
        set_score(
            window.context.db,
            juror_id=ids.jurors[1],
            entry_id=ids.entries[1],
            criterion_id=ids.criteria[("P1", "SIG")],
            value=Decimal(33),
        )
    made = scheduler.backup_if_changed()
    assert made is not None and made.exists()
    assert scheduler.backup_if_changed() is None
    assert [b.path for b in list_backups(path)] == [made]
    window.close_event()


def _start_with_full_backups(qtbot, tmp_path):
    """The event opened as at the program's start (its scores read after the paint and
    announced as a change), with KEEP older backups beside it: one more rotates the oldest out."""
    from kolabik_desktop.core.store.backup import KEEP, make_backup

    path = tmp_path / "e.kolabik"
    db, ids = make_event(path)
    db.close()
    for _ in range(KEEP):
        make_backup(path)
    before = [b.path for b in list_backups(path)]
    assert len(before) == KEEP
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_event(path, defer_scores=True)
    with qtbot.waitSignal(
        window.context.changed, timeout=5000, check_params_cb=lambda c: c.kind == "all"
    ):
        pass  # the "scores are in" announcement, which writes nothing
    qtbot.waitUntil(lambda: window.context.db.engine_ready, timeout=5000)  # and the writer
    return window, path, ids, before


def test_opening_and_closing_without_an_edit_makes_no_backup(qtbot, tmp_path):
    window, path, _ids, before = _start_with_full_backups(qtbot, tmp_path)
    scheduler = window.features.backup.scheduler
    assert not scheduler.dirty
    assert scheduler.backup_if_changed() is None  # the timer's turn
    window.close_event()
    assert [b.path for b in list_backups(path)] == before  # none made, none rotated out


def test_one_edit_then_close_makes_one_backup(qtbot, tmp_path):
    window, path, ids, before = _start_with_full_backups(qtbot, tmp_path)
    set_score(
        window.context.db,
        juror_id=ids.jurors[1],
        entry_id=ids.entries[1],
        criterion_id=ids.criteria[("P1", "SIG")],
        value=Decimal(33),
    )
    assert window.features.backup.scheduler.dirty
    window.close_event()
    after = [b.path for b in list_backups(path)]
    assert after[1:] == before[:-1]  # one new backup; the oldest rotated out
    import sqlite3

    newest = sqlite3.connect(after[0])
    kept = newest.execute(
        "SELECT value FROM score WHERE juror_id=? AND entry_id=? AND criterion_id=?",
        (ids.jurors[1], ids.entries[1], ids.criteria[("P1", "SIG")]),
    ).fetchone()[0]
    newest.close()
    assert kept == "33"


def test_restore_from_backup_brings_the_old_value_back(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "e.kolabik"
    _db, ids = make_event(path)
    _db.close()
    window = _window_with_backups(qtbot, path)
    cell = dict(
        juror_id=ids.jurors[1], entry_id=ids.entries[1], criterion_id=ids.criteria[("P1", "SIG")]
    )
    set_score(window.context.db, value=Decimal(10), **cell)
    window.features.backup.scheduler.backup_now()
    set_score(window.context.db, value=Decimal(90), **cell)
    backups = list_backups(path)
    assert backup_ui.restore_into_window(window, backups[0])
    scorer = window.context.scorer
    assert scorer.event.entries  # reopened
    from sqlalchemy import select

    from kolabik_desktop.core.store.models import Score

    with window.context.db.session() as s:
        value = s.scalar(
            select(Score.value).where(
                Score.juror_id == cell["juror_id"],
                Score.entry_id == cell["entry_id"],
                Score.criterion_id == cell["criterion_id"],
            )
        )
    assert value == Decimal(10)
    # The state before the restore (value 90) was kept as a backup too.
    import sqlite3

    newest = sqlite3.connect(list_backups(path)[0].path)
    kept = newest.execute(
        "SELECT value FROM score WHERE juror_id=? AND entry_id=? AND criterion_id=?",
        (cell["juror_id"], cell["entry_id"], cell["criterion_id"]),
    ).fetchone()[0]
    newest.close()
    assert kept == "90"
    window.close_event()


def test_restore_dialog_lists_backups_with_counts(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    make_event(path)[0].close()
    from kolabik_desktop.core.store.backup import make_backup

    make_backup(path)
    dialog = backup_ui.RestoreDialog(list_backups(path))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "12"  # entries
    assert dialog.chosen() is not None


def test_settings_dialog_saves_every_key(qtbot, tmp_path):
    dialog = settings_dialog.SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("id"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("f4"))
    dialog.outbox.edit.setText(str(tmp_path / "usb"))
    dialog.inbox.edit.setText(str(tmp_path / "shared"))
    dialog.backup_minutes.setValue(3)
    dialog.accept()
    s = QSettings()
    assert s.value("language") == "id"
    assert s.value("paper_size") == "f4"
    assert s.value("outbox_folder") == str(tmp_path / "usb")
    assert s.value("inbox_folder") == str(tmp_path / "shared")
    assert settings_dialog.backup_interval_minutes(s) == 3


def test_unexpected_exception_is_logged_and_the_user_told(qtbot, tmp_path, monkeypatch):
    log_path = crash.setup_logging(tmp_path / "logs")
    shown = {}

    def fake_exec(box):
        shown["text"] = box.text()
        shown["info"] = box.informativeText()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        crash.report_exception(type(exc), exc, exc.__traceback__)
    for h in logging.getLogger().handlers:
        h.flush()
    assert "boom in a slot" in log_path.read_text(encoding="utf-8")
    assert "safe" in shown["text"]
    assert "log" in shown["info"]
