"""Issue 13: an event the window cannot write to opens read-only instead of being refused.

Read-only media, another writer holding the one-writer lock, or File > Open read-only: the
window shows the event with a "Read-only: ..." banner (Hanya baca: ...), every action that
writes is disabled, the form cannot be typed into, and walking every read path of the window
leaves the event file's bytes and modification time exactly as they were.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from factories import make_event
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.integrity import check_event
from kolabik_desktop.core.store.models import Score
from kolabik_desktop.core.store.services import set_score
from kolabik_desktop.ui.main_window import MainWindow

# Every action that writes to the event (or restores over it); each must be disabled.
WRITERS = {
    "&Import scores…",
    "Export juror &kits…",
    "&Setup…",
    "Restore from &backup…",
    "Send to the &next level…",
    "Watch an &inbox folder…",
    "&Live session",
    "&Presentation session",
    "&Juror progress",  # it can reopen a juror's stage
}


def _stamp(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def _dismiss_any_dialog() -> None:
    # A refusal box would block the test: close it, and the assertions then say what happened.
    QTimer.singleShot(4000, lambda: (m := QApplication.activeModalWidget()) and m.reject())


def _window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    return window


def _enabled_actions(window: MainWindow) -> set[str]:
    return {a.text() for a in window.findChildren(QAction) if a.isEnabled() and a.text()}


def _walk_and_try_to_write(window: MainWindow) -> int:
    """Every stage, every juror's sheet, every entry; typing into the form; undo. Returns how
    many sheets were shown."""
    shown = 0
    stages = [window.stage_combo.itemData(i) for i in range(window.stage_combo.count())]
    jurors = [window.juror_combo.itemData(i) for i in range(window.juror_combo.count())]
    for stage_id in stages:
        window.set_stage(stage_id)
        for juror_id in [j for j in jurors if j is not None]:
            window.set_scoring_juror(juror_id)
            for _ in range(window.browser.table.model().rowCount()):
                window.step(1)
                QApplication.processEvents()
                form = window.form
                if form.rows:
                    shown += 1
                    assert form.read_only
                    assert form.rows[0].value.isReadOnly()
                    form.rows[0].value.setText("7")
                    form.rows[0].value.textEdited.emit("7")
                    form.comment.setPlainText("tried")
                    form.flush()
    window.act_undo.trigger()
    window.act_submit.trigger()
    return shown


def _assert_read_only(window: MainWindow, reason: str) -> None:
    assert window.mode == "view"
    assert window.read_only_banner.isVisible()
    assert window.read_only_banner.text().startswith("Read-only: ")
    assert reason in window.read_only_banner.text()
    assert window.context is not None and window.context.db.read_only
    assert not window.act_submit.isEnabled() and not window.act_reopen.isEnabled()
    enabled = _enabled_actions(window)
    assert not (WRITERS & enabled), WRITERS & enabled
    assert {"&Leaderboard", "&Print / Export…", "&Next entry"} <= enabled  # reading still works


def test_file_open_read_only_walks_every_read_path_and_writes_nothing(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    make_event(path, fill=0.6)[0].close()
    before = _stamp(path)
    window = _window(qtbot)
    assert window.open_event(path, read_only=True)
    _assert_read_only(window, "Open read-only")
    assert "read-only" in window.windowTitle()
    assert _walk_and_try_to_write(window) > 10
    window.close_event()
    assert not window.read_only_banner.isVisible()
    assert _stamp(path) == before
    # The same file opened normally is writable: the read-only mode was the choice, not a fault.
    assert window.open_event(path)
    assert window.mode == "chair" and not window.read_only_banner.isVisible()
    assert "&Import scores…" in _enabled_actions(window)
    window.close()


def test_an_event_another_writer_holds_opens_read_only_and_the_writer_keeps_writing(
    qtbot, tmp_path
):
    path = tmp_path / "e.kolabik"
    make_event(path, fill=0.6, conflict=False)[0].close()
    holder = open_event_file(path, lock=True)  # another window of this program, or a command
    try:
        set_score(holder, juror_id=1, entry_id=1, criterion_id=1, value=Decimal(3))
        window = _window(qtbot)
        _dismiss_any_dialog()
        assert window.open_event(path)
        _assert_read_only(window, "another window or program is writing")
        _walk_and_try_to_write(window)
        # The writer is unharmed by the read-only window, while it is open and after.
        set_score(holder, juror_id=1, entry_id=2, criterion_id=1, value=Decimal(4))
        window.close()
        set_score(holder, juror_id=1, entry_id=3, criterion_id=1, value=Decimal(5))
    finally:
        holder.close()
    with open_event_file(path, read_only=True) as db, db.session() as s:
        assert check_event(db) == []
        values = dict(
            s.execute(
                select(Score.entry_id, Score.value).where(
                    Score.juror_id == 1, Score.criterion_id == 1, Score.entry_id.in_([1, 2, 3])
                )
            ).all()
        )
    assert {k: Decimal(str(v)) for k, v in values.items()} == {
        1: Decimal(3),
        2: Decimal(4),
        3: Decimal(5),
    }


def test_a_read_only_window_follows_the_writers_saves(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    make_event(path, fill=0.0, conflict=False)[0].close()
    holder = open_event_file(path, lock=True)
    try:
        window = _window(qtbot)
        _dismiss_any_dialog()
        assert window.open_event(path)
        context = window.context
        qtbot.waitUntil(lambda: context.scores_loaded, timeout=10_000)
        stage = context.event_spec.stages[0].code
        assert context.scorer.juror_total(stage, 1, 2) is None
        announced = []
        context.changed.connect(announced.append)
        for criterion in range(1, 9):  # J1's whole P1 sheet of the entry, saved elsewhere
            set_score(holder, juror_id=1, entry_id=2, criterion_id=criterion, value=Decimal(80))
        qtbot.waitUntil(lambda: context.scorer.juror_total(stage, 1, 2) is not None, timeout=10_000)
        assert any(change.kind == "all" for change in announced)
        before = _stamp(path)
        qtbot.wait(1500)  # nothing moved since: no read again, and the file is untouched
        assert _stamp(path) == before
        window.close()
    finally:
        holder.close()


@contextlib.contextmanager
def _read_only_mount(where: Path):
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a read-only tmpfs (read-only media case)")
    where.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(where)]).returncode:
        pytest.skip("mounting a tmpfs was refused here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_an_event_on_read_only_media_opens_read_only(qtbot, tmp_path):
    with _read_only_mount(tmp_path / "usb") as usb:
        path = usb / "e.kolabik"
        make_event(path, fill=0.6)[0].close()
        subprocess.run(["mount", "-o", "remount,ro", str(usb)], check=True)
        before = _stamp(path)
        window = _window(qtbot)
        _dismiss_any_dialog()
        assert window.open_event(path)
        _assert_read_only(window, "read-only media")
        assert _walk_and_try_to_write(window) > 10
        window.close()
        assert _stamp(path) == before
