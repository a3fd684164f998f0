"""A child process that writes scores to an event and reports each commit on stdout.

Run as ``python writer_child.py EVENT MODE``. Every line ``C juror entry criterion value next``
is
printed only after ``set_score`` returned, i.e. after SQLite committed it: the parent kills the
child at any moment and then checks that every printed commit is in the file.

MODE ``loop``: write until killed. MODE ``sniff``: write 20, then read the first bytes of the
event file with a plain open()/close() (what a file dialog guessing the type does), print
``SNIFFED``, wait for a line on stdin, then write until killed. MODE ``dialog``: the same with the
real window, its File > Open dialog opened in the event's folder and cancelled.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import Criterion, Entry, Juror, Stage
from kolabik_desktop.core.store.services import set_score


def cells(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        p1 = s.scalar(select(Stage.id).where(Stage.code == "P1"))
        crits = list(s.scalars(select(Criterion.id).where(Criterion.stage_id == p1)))
        entries = list(s.scalars(select(Entry.id)))
        jurors = list(s.scalars(select(Juror.id)))
    return [(j, e, c) for j in jurors for e in entries for c in crits]


def open_in_window(path: Path):  # type: ignore[no-untyped-def]
    """The real window: open the event, then File > Open in its folder, cancelled."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kolabik_desktop.ui.app import create_application
    from kolabik_desktop.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow()
    window.show()
    assert window.open_event(path)
    window._remember_recent(path)  # the dialog starts in the event's folder
    QTimer.singleShot(1500, lambda: QApplication.activeModalWidget().reject())
    window.open_dialog()
    app.processEvents()
    return window, window.context.db


def main() -> None:
    path, mode = Path(sys.argv[1]), sys.argv[2]
    window = None
    if mode == "dialog":
        window, db = open_in_window(path)
    else:
        db = open_event_file(path, lock=True)
    todo = cells(db)
    n = 0

    def write(count: int) -> None:
        nonlocal n
        for _ in range(count):
            j, e, c = todo[n % len(todo)]
            value = Decimal(n % 97 + 1)
            set_score(db, juror_id=j, entry_id=e, criterion_id=c, value=value)
            # The next write to this cell may commit after this line and before a kill.
            following = Decimal((n + len(todo)) % 97 + 1)
            print(f"C {j} {e} {c} {value} {following}", flush=True)
            n += 1

    if mode == "sniff":
        write(20)
        with open(path, "rb") as fh:  # noqa: PTH123 - exactly what a file dialog does
            fh.read(100)
    if mode in ("sniff", "dialog"):
        write(20)
        print("SNIFFED", flush=True)
        sys.stdin.readline()
    while True:
        write(10)


if __name__ == "__main__":
    main()
