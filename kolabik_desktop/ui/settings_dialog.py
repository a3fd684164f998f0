"""Settings (QSettings): language, recent files, projector screen, paper, outbox and inbox folders.

The keys here are the ones other parts read: "language", "recent_files", "projector_screen",
"paper_size", "outbox_folder", "inbox_folder", "backup_interval_minutes".
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QProcess, QSettings
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.ui import i18n

if TYPE_CHECKING:
    from kolabik_desktop.ui.host import WindowHost
from kolabik_desktop.ui.file_dialogs import get_existing_directory

PAPERS = (("a4", "A4 (210 × 297 mm)"), ("f4", "F4 (210 × 330 mm)"))
DEFAULT_BACKUP_MINUTES = 5


def backup_interval_minutes(settings: QSettings | None = None) -> int:
    settings = settings or QSettings()
    try:
        value = int(str(settings.value("backup_interval_minutes", DEFAULT_BACKUP_MINUTES)))
    except (TypeError, ValueError):
        value = DEFAULT_BACKUP_MINUTES
    return max(1, min(value, 120))


class FolderField(QWidget):
    """A line edit with a Browse button; empty means "not used"."""

    def __init__(self, value: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(value)
        self.edit.setPlaceholderText(self.tr("(not used)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.edit.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)
        row.addWidget(clear)

    def _browse(self) -> None:
        folder = get_existing_directory(self, self.tr("Choose a folder"), self.text())
        if folder:
            self.edit.setText(folder)

    def text(self) -> str:
        return self.edit.text().strip()


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None):
        super().__init__(parent)
        self.settings = settings or QSettings()
        self.setWindowTitle(self.tr("Settings"))
        s = self.settings

        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language_changed = False

        self.paper = QComboBox()
        for code, label in PAPERS:
            self.paper.addItem(label, code)
        self.paper.setCurrentIndex(max(0, self.paper.findData(s.value("paper_size", "a4"))))

        self.projector_screen = QComboBox()
        self.projector_screen.addItem(self.tr("Second screen when there is one"), "")
        for screen in QGuiApplication.screens():
            size = screen.size()
            self.projector_screen.addItem(
                f"{screen.name()} ({size.width()}×{size.height()})", screen.name()
            )
        self.projector_screen.setCurrentIndex(
            max(0, self.projector_screen.findData(s.value("projector_screen", "")))
        )

        self.outbox = FolderField(str(s.value("outbox_folder", "") or ""))
        self.inbox = FolderField(str(s.value("inbox_folder", "") or ""))

        self.backup_minutes = QSpinBox()
        self.backup_minutes.setRange(1, 120)
        self.backup_minutes.setSuffix(self.tr(" min"))
        self.backup_minutes.setValue(backup_interval_minutes(s))

        recent = s.value("recent_files", []) or []
        self._recent_count = len(recent) if isinstance(recent, list) else 1
        self.clear_recent = QPushButton(self.tr("Clear the list of recent files"))
        self.clear_recent.setEnabled(self._recent_count > 0)
        self.clear_recent.clicked.connect(self._clear_recent)

        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Paper for reports:"), self.paper)
        form.addRow(self.tr("Projector screen:"), self.projector_screen)
        form.addRow(self.tr("Outbox folder (juror):"), self.outbox)
        form.addRow(self.tr("Inbox folder (chair):"), self.inbox)
        form.addRow(self.tr("Back up the event every:"), self.backup_minutes)
        form.addRow(self.tr("Recent files:"), self.clear_recent)

        note = QLabel(self.tr("A new language takes effect when the program restarts."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _clear_recent(self) -> None:
        self._recent_count = 0
        self.clear_recent.setEnabled(False)

    def accept(self) -> None:
        s = self.settings
        self.language_changed = self.language.currentData() != i18n.current_language()
        s.setValue(i18n.SETTINGS_KEY, self.language.currentData())
        s.setValue("paper_size", self.paper.currentData())
        s.setValue("projector_screen", self.projector_screen.currentData())
        s.setValue("outbox_folder", self.outbox.text())
        s.setValue("inbox_folder", self.inbox.text())
        s.setValue("backup_interval_minutes", self.backup_minutes.value())
        if self._recent_count == 0:
            s.setValue("recent_files", [])
        s.sync()
        super().accept()


def restart_command(event_path: Path | None) -> tuple[str, list[str]]:
    """How to start this program again (the built app, or python -m), reopening the event."""
    args = [str(event_path)] if event_path is not None else []
    if getattr(sys, "frozen", False):  # the PyInstaller app: its executable is the program
        return sys.executable, args
    return sys.executable, ["-m", "kolabik_desktop", *args]


def open_settings(host: WindowHost) -> None:
    """Settings; a new language asks once whether to restart now (Qt cannot re-translate the
    widgets already built), and a restart reopens the event after the window closes cleanly."""
    window = host.widget
    dialog = SettingsDialog(window)
    if not dialog.exec() or not dialog.language_changed:
        return
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("SettingsDialog", "Language"),
        QCoreApplication.translate(
            "SettingsDialog", "The new language is used after a restart. Restart the program now?"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    context = host.context
    event_path = context.db.path if context is not None else None
    if window.close():  # flushes the sheet and releases the event's lock before the new start
        program, args = restart_command(event_path)
        QProcess.startDetached(program, args)


class SettingsFeature:
    """Tools > Settings (Ctrl+,)."""

    def __init__(self, host: WindowHost) -> None:
        action = QAction(QCoreApplication.translate("SettingsDialog", "&Settings…"), host.widget)
        action.setShortcut(QKeySequence.StandardKey.Preferences)
        if action.shortcut().isEmpty():  # Preferences has no default binding on Windows/Linux
            action.setShortcut(QKeySequence("Ctrl+,"))
        action.setMenuRole(QAction.MenuRole.PreferencesRole)
        action.triggered.connect(lambda: open_settings(host))
        host.add_action("tools", action)
        self.action = action
