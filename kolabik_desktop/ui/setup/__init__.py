"""Competition setup in the window (Tools > Setup), for the chair's event file only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from kolabik_desktop.ui.main_window import MainWindow
    from kolabik_desktop.ui.setup.dialog import SetupDialog


def install(window: MainWindow) -> None:
    """Add Tools > Setup…, enabled while a chair's event file is open."""
    action = QAction(QCoreApplication.translate("Setup", "&Setup…"), window)
    action.setObjectName("setup_action")
    action.setEnabled(False)
    window.menu_tools.addAction(action)
    state: dict[str, SetupDialog | None] = {"dialog": None}

    def close_dialog() -> None:
        dialog = state["dialog"]
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
            state["dialog"] = None

    def opened(_context: object) -> None:
        close_dialog()
        action.setEnabled(window.mode == "chair")
        action.setVisible(window.mode != "juror")  # a juror's kit has nothing to set up

    def closed() -> None:
        close_dialog()
        action.setEnabled(False)

    def open_setup() -> None:
        from kolabik_desktop.ui.setup.dialog import SetupDialog

        if window.context is None or window.mode != "chair":
            return
        if state["dialog"] is None:
            state["dialog"] = SetupDialog(window.context, window)
        dialog = state["dialog"]
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    window.event_opened.connect(opened)
    window.event_closed.connect(closed)
    action.triggered.connect(open_setup)
    window.setup_action = action  # type: ignore[attr-defined]
    window.open_setup = open_setup  # type: ignore[attr-defined]
