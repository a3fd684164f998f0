"""An edit typed in the form survives the process being killed right after it is committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from decimal import Decimal

from factories import make_event
from sqlalchemy import select

from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import Comment, Score

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from kolabik_desktop.ui.app import create_application
    from kolabik_desktop.ui.main_window import MainWindow

    path, juror = Path(sys.argv[1]), int(sys.argv[2])
    app = create_application()
    window = MainWindow()
    window.show()
    assert window.open_event(path)
    window.set_scoring_juror(juror)
    row = window.form.rows[1]
    commits = []

    def committed(entry_id, stamp):
        commits.append(entry_id)
        if len(commits) == 2:  # the value and the comment are both in the file now
            print("COMMITTED", window.entry_id, row.info.id, flush=True)

    window.undo.applied.connect(committed)

    def edit():
        row.value.setFocus()
        QTest.keyClicks(row.value, "93")  # no Enter: the debounce commits it
        window.form.comment.setFocus()
        QTest.keyClicks(window.form.comment, "Catatan juri")

    QTimer.singleShot(0, edit)
    app.exec()  # runs until the parent kills the process
    """
)


def test_an_edit_survives_sigkill_right_after_it_is_committed(tmp_path):
    db, ids = make_event(tmp_path / "kill.kolabik", fill=0.0)
    db.close()
    path = tmp_path / "kill.kolabik"
    juror = ids.jurors[1]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "HOME": str(tmp_path),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(juror)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        line = child.stdout.readline()  # blocks until the commit (or the child dies)
        assert line.startswith("COMMITTED"), line
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    _, entry_id, criterion_id = line.split()
    reopened = open_event_file(path)
    try:
        with reopened.session() as s:
            value = s.scalar(
                select(Score.value).where(
                    Score.juror_id == juror,
                    Score.entry_id == int(entry_id),
                    Score.criterion_id == int(criterion_id),
                )
            )
            comment = s.get(Comment, (juror, int(entry_id), ids.stages["P1"]))
            assert value == Decimal(93)
            assert comment is not None and comment.text == "Catatan juri"
    finally:
        reopened.close()
