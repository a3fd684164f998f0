"""The main window: one per open event file.

Extension seams for other features (leaderboard, projector, setup, import, reports, settings):
- ``FEATURE_INSTALLERS``: dotted paths to ``install(window)`` functions, called once when the
  window is built. Add one line per feature; an installer adds menu actions, docks or tabs.
- Menus as attributes: ``menu_file``, ``menu_edit``, ``menu_view``, ``menu_tools``, ``menu_help``.
- ``window.context`` (EventContext or None) and the signals ``event_opened(context)`` and
  ``event_closed()``; ``window.mode`` is "chair" (event file) or "juror" (a juror kit).
- ``window.scoring_juror_id``, ``window.stage_id``, ``window.entry_id`` with the signals
  ``scoring_juror_changed``, ``stage_changed`` and ``entry_changed``; ``window.show_entry(id)``.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox

from kolabik_desktop.core.errors import KolabikError

if TYPE_CHECKING:
    from kolabik_desktop.ui.context import EventContext

log = logging.getLogger(__name__)

# Each feature appends one dotted path to a function ``install(window: MainWindow) -> None``.
FEATURE_INSTALLERS: list[str] = [
    "kolabik_desktop.ui.projector.install",  # leaderboard dock, View > Projector (F5), presentation
    "kolabik_desktop.ui.import_dialog.install_exchange",  # import, inbox, outbox, juror progress
    "kolabik_desktop.ui.report_dialog.install",  # File > Print / Export (reports, spreadsheets)
]

MODE_CHAIR = "chair"
MODE_JUROR = "juror"


class MainWindow(QMainWindow):
    event_opened = Signal(object)  # EventContext
    event_closed = Signal()
    stage_changed = Signal(object)  # stage id or None
    entry_changed = Signal(object)  # entry id or None
    scoring_juror_changed = Signal(object)  # juror id or None

    def __init__(self) -> None:
        super().__init__()
        self.context: EventContext | None = None
        self.mode: str | None = None
        self.scoring_juror_id: int | None = None
        self.stage_id: int | None = None
        self.entry_id: int | None = None
        self.setWindowTitle(self.tr("Kolabik Desktop"))
        self._build_menus()
        self.setCentralWidget(QLabel(self.tr("Open an event file to begin.")))
        self.resize(1280, 760)
        self._install_features()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file: QMenu = bar.addMenu(self.tr("&File"))
        self.menu_edit: QMenu = bar.addMenu(self.tr("&Edit"))
        self.menu_view: QMenu = bar.addMenu(self.tr("&View"))
        self.menu_tools: QMenu = bar.addMenu(self.tr("&Tools"))
        self.menu_help: QMenu = bar.addMenu(self.tr("&Help"))

    def _install_features(self) -> None:
        for dotted in FEATURE_INSTALLERS:
            module_name, _, func_name = dotted.rpartition(".")
            importlib.import_module(module_name).__dict__[func_name](self)

    # -- the open event ----------------------------------------------------------------------

    @property
    def db(self):  # noqa: ANN201 - EventDB, kept lazy so Qt-only imports stay light
        return self.context.db if self.context is not None else None

    def open_event(self, path: Path) -> bool:
        from kolabik_desktop.core.store.db import open_event_file
        from kolabik_desktop.ui.context import EventContext

        try:
            db = open_event_file(path)
        except KolabikError as exc:
            QMessageBox.critical(self, self.tr("Cannot open the event"), str(exc))
            return False
        self.close_event()
        self.context = EventContext(db, self)
        self.mode = MODE_JUROR if db.kind == "kit" else MODE_CHAIR
        self.scoring_juror_id = db.kit_juror_id if self.mode == MODE_JUROR else None
        self.setWindowTitle(f"{path.name} — Kolabik Desktop")
        self.event_opened.emit(self.context)
        return True

    def close_event(self) -> None:
        if self.context is None:
            return
        self.context.close()
        self.context.deleteLater()
        self.context = None
        self.mode = None
        self.event_closed.emit()

    def show_entry(self, entry_id: int) -> None:
        """Make ``entry_id`` the current entry (the presentation session follows the speaker)."""
        if entry_id != self.entry_id:
            self.entry_id = entry_id
            self.entry_changed.emit(entry_id)
