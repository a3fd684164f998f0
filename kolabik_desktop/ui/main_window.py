"""The main window: one per open event file (the juror's-window issue fills it in)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.store.db import EventDB, open_event_file


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.db: EventDB | None = None
        self.setWindowTitle(self.tr("Kolabik Desktop"))
        self.setCentralWidget(QLabel(self.tr("Open an event file to begin.")))
        self.resize(1280, 760)

    def open_event(self, path: Path) -> bool:
        try:
            db = open_event_file(path)
        except KolabikError as exc:
            QMessageBox.critical(self, self.tr("Cannot open the event"), str(exc))
            return False
        if self.db is not None:
            self.db.close()
        self.db = db
        self.setWindowTitle(f"{path.name} — Kolabik Desktop")
        return True
