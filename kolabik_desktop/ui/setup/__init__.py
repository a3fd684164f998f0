"""Competition setup in the window (Tools > Setup), for the chair's event file only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from kolabik_desktop.ui.host import MODE_CHAIR, MODE_JUROR

if TYPE_CHECKING:
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.host import WindowHost
    from kolabik_desktop.ui.setup.dialog import SetupDialog


class SetupFeature:
    """Tools > Setup…, enabled while a chair's event file is open (the dialog is built when
    first opened)."""

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self.action = QAction(QCoreApplication.translate("Setup", "&Setup…"), host.widget)
        self.action.setObjectName("setup_action")
        self.action.setEnabled(False)
        host.add_action("tools", self.action)
        self.dialog: SetupDialog | None = None
        host.event_opened.connect(self._opened)
        host.event_closed.connect(self._closed)
        self.action.triggered.connect(self.open_setup)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _opened(self, _context: EventContext) -> None:
        self._close_dialog()
        self.action.setEnabled(self.host.mode == MODE_CHAIR)
        self.action.setVisible(self.host.mode != MODE_JUROR)  # a juror's kit has nothing to set up

    def _closed(self) -> None:
        self._close_dialog()
        self.action.setEnabled(False)

    def open_setup(self) -> None:
        from kolabik_desktop.ui.setup.dialog import SetupDialog

        context = self.host.context
        if context is None or self.host.mode != MODE_CHAIR:
            return
        if self.dialog is None:
            self.dialog = SetupDialog(context, self.host.widget)
        dialog = self.dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
