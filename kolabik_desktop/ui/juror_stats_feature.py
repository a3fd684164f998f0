"""Tools > Juror statistics: the menu item and the dialog's life (chair mode only).

The dialog's module (``ui.juror_stats``: charts, tables, the analysis run) is imported the first
time the chair opens it: the start-up never needs it, and its Qt classes (painting, mouse
events) cost the first paint a few ms to initialise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from kolabik_desktop.ui.host import MODE_CHAIR

if TYPE_CHECKING:
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.host import WindowHost
    from kolabik_desktop.ui.juror_stats import JurorStatsDialog


class JurorStatsFeature:
    """Tools > Juror statistics (chair mode); the dialog is built when first asked for."""

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        window = host.widget
        self.action = QAction(
            QCoreApplication.translate("JurorStats", "&Juror statistics…"), window
        )
        self.action.setEnabled(False)
        self.dialog: JurorStatsDialog | None = None  # built on first use, with its module
        self.action.triggered.connect(self.show)
        host.add_action("tools", self.action)
        host.event_opened.connect(self._opened)
        host.event_closed.connect(self._closed)

    def _open_mark(self, juror_id: int, entry_id: int, stage_id: int) -> None:
        host = self.host
        host.set_scoring_juror(juror_id)
        if host.stage_id != stage_id:
            host.set_stage(stage_id)
        host.show_entry(entry_id)
        host.widget.raise_()
        host.widget.activateWindow()

    def show(self) -> None:
        if self.host.context is None:
            return
        dialog = self.dialog
        if dialog is None:
            from kolabik_desktop.ui.juror_stats import JurorStatsDialog

            dialog = self.dialog = JurorStatsDialog(self.host.widget)
            dialog.mark_requested.connect(self._open_mark)
            dialog.set_context(self.host.context)
        dialog.show()
        dialog.raise_()
        dialog.refresh()

    def _opened(self, context: EventContext) -> None:
        chair = self.host.mode == MODE_CHAIR
        self.action.setEnabled(chair)
        self.action.setVisible(chair)
        if self.dialog is not None:
            self.dialog.set_context(context if chair else None)
            if not chair:
                self.dialog.hide()

    def _closed(self) -> None:
        self.action.setEnabled(False)
        if self.dialog is not None:
            self.dialog.set_context(None)
            self.dialog.hide()
