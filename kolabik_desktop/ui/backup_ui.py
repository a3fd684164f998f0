"""Rolling backups while the event changes, and File > Restore from backup.

A backup is taken every few minutes (Settings) when something was written to the file since the
last one, and when the event is closed. Restoring takes a backup of the current state first.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.settings_dialog import backup_interval_minutes

if TYPE_CHECKING:
    from kolabik_desktop.core.store.backup import BackupInfo
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.host import WindowHost

log = logging.getLogger(__name__)


def fallback_backup_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".kolabik") / "backups"


class BackupScheduler(QObject):
    """Backs up the open event on a timer while it changes, and on close.

    "Changed" is the file's content (the event's write mark), not the window's change notices:
    one of those announces the scores read at the start, and a backup made for it would rotate a
    real one out after a session without a single edit.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.path: Path | None = None
        self.context: Any = None  # the EventContext backed up
        self._backed_up: tuple[int, int] | None = None  # the write mark the last backup holds
        self.last_backup: Path | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.backup_if_changed)

    def attach(self, context: Any) -> None:
        if context.db.on_server:
            return  # a server is backed up by its administrators (pg_dump) or `kolabik copy`
        self.path = Path(context.db.path)
        self.context = context
        self._backed_up = context.db.write_mark()
        self.timer.start(backup_interval_minutes() * 60_000)

    @property
    def dirty(self) -> bool:
        """Whether a write was committed to the file since it was opened or last backed up."""
        return self.context is not None and self.context.db.write_mark() != self._backed_up

    def backup_now(self) -> Path | None:
        from kolabik_desktop.core.store.backup import make_backup

        if self.path is None:
            return None
        if getattr(self.context, "damaged", False):
            # A damaged copy would prune a good backup, and be the newest one the refusal
            # tells the chair to restore.
            return None
        # Read before copying: a write committed during the copy leaves the file changed.
        mark = self.context.db.write_mark()
        try:
            self.last_backup = make_backup(self.path, fallback_dir=fallback_backup_dir())
        except KolabikError as exc:
            log.warning("backup failed: %s", exc)
            return None
        self._backed_up = mark
        return self.last_backup

    def backup_if_changed(self) -> Path | None:
        return self.backup_now() if self.dirty else None

    def detach(self) -> None:
        """On close: a last backup if anything changed."""
        self.timer.stop()
        self.backup_if_changed()
        self.path = None
        self.context = None


class RestoreDialog(QDialog):
    """Lists the event's backups (time, scores, entries) and returns the chosen one."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self.backups = backups
        self.setWindowTitle(self.tr("Restore from backup"))
        self.table = QTableWidget(len(backups), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken at"), self.tr("Scores"), self.tr("Entries"), self.tr("Size")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        locale = QLocale()
        for row, b in enumerate(backups):
            cells = [
                b.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
                locale.toString(b.score_count),
                locale.toString(b.entry_count),
                f"{b.size / 1024:.0f} KB",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        if backups:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(self.accept)
        text = (
            self.tr("Choose a backup. The current state is backed up first, so this can be undone.")
            if backups
            else self.tr("There are no backups of this event yet.")
        )
        label = QLabel(text)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None


def restore_into_window(host: WindowHost, backup: BackupInfo) -> bool:
    """Close the window's event, restore the backup over it, reopen it. True on success."""
    from kolabik_desktop.core.store.backup import restore_backup

    assert host.context is not None
    path = Path(host.context.db.path)
    host.close_event()
    try:
        restore_backup(path, backup.path, fallback_dir=fallback_backup_dir())
    except KolabikError as exc:
        QMessageBox.critical(
            host.widget, QCoreApplication.translate("Backups", "Restore failed"), error_text(exc)
        )
        host.open_event(path)
        return False
    return bool(host.open_event(path))


class BackupFeature:
    """Backups in the main window: the scheduler and File > Restore from backup."""

    def __init__(self, host: WindowHost) -> None:
        window = host.widget
        scheduler = BackupScheduler(window)
        self.scheduler = scheduler

        action = QAction(QCoreApplication.translate("Backups", "Restore from &backup…"), window)
        action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        action.setEnabled(False)

        def on_opened(context: EventContext) -> None:
            if context.db.read_only:
                return  # nothing changes while it is open read-only; restoring would write
            scheduler.attach(context)
            action.setEnabled(True)

        def on_closed() -> None:
            scheduler.detach()
            action.setEnabled(False)

        def on_restore() -> None:
            from kolabik_desktop.core.store.backup import list_backups

            if host.context is None:
                return
            scheduler.backup_if_changed()
            dialog = RestoreDialog(
                list_backups(host.context.db.path, fallback_dir=fallback_backup_dir()), window
            )
            chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
            if chosen is None:
                return
            answer = QMessageBox.question(
                window,
                QCoreApplication.translate("Backups", "Restore from backup"),
                QCoreApplication.translate(
                    "Backups",
                    "Replace the event with the backup taken at {time}? "
                    "The current state is backed up first.",
                ).format(time=chosen.taken_at.strftime("%Y-%m-%d %H:%M:%S")),
            )
            if answer == QMessageBox.StandardButton.Yes:
                restore_into_window(host, chosen)

        action.triggered.connect(on_restore)
        host.event_opened.connect(on_opened)
        host.event_closed.connect(on_closed)
        host.add_action("file", action)  # above Quit, with the other file actions
        self.restore_action = action
