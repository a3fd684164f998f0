"""Issue 13 in the window: file dialogs never drop SQLite's locks, closing waits for the event's
tasks, and a file deleted under the window is noticed and written back at once."""

from __future__ import annotations

import os
import threading
import time
from decimal import Decimal
from pathlib import Path

from factories import make_event
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kolabik_desktop.core.store.lock import EventLock
from kolabik_desktop.core.store.services import set_score
from kolabik_desktop.ui.main_window import MainWindow
from kolabik_desktop.ui.workers import run_task


def _posix_locks(path: Path) -> list[str]:
    """This process's POSIX (fcntl) locks on the file: SQLite's, lost if any descriptor closes."""
    ino, pid = os.stat(path).st_ino, str(os.getpid())
    found = []
    with open("/proc/locks") as fh:  # noqa: PTH123
        for line in fh:
            parts = line.split()
            if "POSIX" in parts and pid in parts and any(p.endswith(f":{ino}") for p in parts):
                found.append(line.strip())
    return found


def _window(qtbot, path: Path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_event(path)
    return window


def test_the_open_dialog_in_the_events_folder_keeps_sqlites_locks(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    make_event(path)[0].close()
    (tmp_path / "other.kolabik").write_bytes(path.read_bytes())  # more files to sniff
    window = _window(qtbot, path)
    window._remember_recent(path)
    assert _posix_locks(path), "the open event holds SQLite's shared lock"
    seen = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.reject()

    # Long enough for the dialog's model to list the folder and ask for every icon and type.
    QTimer.singleShot(1500, close_dialog)
    window.open_dialog()
    assert seen == ["QFileDialog"]
    assert _posix_locks(path), "the file dialog read the event and dropped SQLite's locks"
    window.close()


def test_closing_the_event_waits_for_its_running_task(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "e.kolabik"
    _db, ids = make_event(path, conflict=False)
    _db.close()
    window = _window(qtbot, path)
    db = window.context.db
    writes: list[float] = []
    released: list[float] = []
    started = threading.Event()
    real_release = EventLock.release

    def release(self: EventLock) -> None:
        released.append(time.monotonic())
        real_release(self)

    monkeypatch.setattr(EventLock, "release", release)

    def work(progress):  # type: ignore[no-untyped-def]
        for n in range(200):
            progress(n, 200, "")
            set_score(
                db,
                juror_id=ids.jurors[0],
                entry_id=ids.entries[n % 5],
                criterion_id=ids.criteria[("P1", "SIG")],
                value=Decimal(n % 90 + 1),
            )
            writes.append(time.monotonic())
            started.set()
            time.sleep(0.01)

    failures: list[Exception] = []
    run_task(work, on_error=failures.append, db=db)
    assert started.wait(10)
    window.close_event()
    assert released, "the lock was released"
    assert writes and max(writes) < released[0], "a task wrote after the lock was released"
    assert len(writes) < 200  # stopped at its next progress report, not run to the end
    qtbot.wait(50)
    assert failures == []  # the cancelled task's result never reaches a closed event's views


def test_a_file_deleted_under_the_window_is_written_back_at_once(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "e.kolabik"
    _db, ids = make_event(path, conflict=False)
    _db.close()
    window = _window(qtbot, path)
    db = window.context.db
    set_score(
        db,
        juror_id=ids.jurors[0],
        entry_id=ids.entries[0],
        criterion_id=ids.criteria[("P1", "SIG")],
        value=Decimal(77),
    )
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text, *a: told.append(text))
    for suffix in ("", "-wal", "-shm"):
        os.unlink(f"{path}{suffix}")
    # No save needed: the watcher notices and writes the data back.
    qtbot.waitUntil(path.exists, timeout=5000)
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert "written back" in told[0]
    window.close()
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    value = conn.execute(
        "SELECT value FROM score WHERE juror_id=? AND entry_id=? AND criterion_id=?",
        (ids.jurors[0], ids.entries[0], ids.criteria[("P1", "SIG")]),
    ).fetchone()[0]
    conn.close()
    assert Decimal(str(value)) == 77
