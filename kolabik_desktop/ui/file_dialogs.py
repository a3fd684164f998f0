"""File dialogs that never open the files they list.

Qt's file dialog (and the desktop's native one) reads the first bytes of files to guess their
type and icon. Opening and closing any descriptor of an open SQLite database drops every POSIX
lock the process holds on it (SQLite's documented hazard, sqlite.org/howtocorrupt.html 2.2): a
reader elsewhere then believed it was the last connection and deleted the live -wal journal.
So every dialog here is Qt's own (non-native) dialog with an icon provider that decides icon
and type from the name alone. Use these functions instead of QFileDialog's static ones.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NoSniffIconProvider(QFileIconProvider):
    """Icons and type names from the file name only; never reads a file's content."""

    def icon(self, what: Any) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = (
                QAbstractFileIconProvider.IconType.Folder
                if what.isDir()
                else QAbstractFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QCoreApplication.translate("FileDialogs", "File")
        return QCoreApplication.translate("FileDialogs", "{0} file").format(suffix.upper())


def safe_dialog(
    parent: QWidget | None,
    caption: str,
    directory: str = "",
    filters: str = "",
    options: QFileDialog.Option | None = None,
) -> QFileDialog:
    dialog = QFileDialog(parent, caption, directory, filters)
    if options is not None:
        dialog.setOptions(options)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(NoSniffIconProvider())
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    return dialog.selectedFiles() if dialog.exec() else []


def get_open_file_name(
    parent: QWidget | None,
    caption: str,
    directory: str = "",
    filters: str = "",
    options: QFileDialog.Option | None = None,
) -> tuple[str, str]:
    dialog = safe_dialog(parent, caption, directory, filters, options)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else ("", "")


def get_open_file_names(
    parent: QWidget | None,
    caption: str,
    directory: str = "",
    filters: str = "",
    options: QFileDialog.Option | None = None,
) -> tuple[list[str], str]:
    dialog = safe_dialog(parent, caption, directory, filters, options)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    chosen = _run(dialog)
    return (chosen, dialog.selectedNameFilter()) if chosen else ([], "")


def get_save_file_name(
    parent: QWidget | None,
    caption: str,
    directory: str = "",
    filters: str = "",
    options: QFileDialog.Option | None = None,
) -> tuple[str, str]:
    dialog = safe_dialog(parent, caption, directory, filters, options)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _run(dialog)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else ("", "")


def get_existing_directory(parent: QWidget | None, caption: str, directory: str = "") -> str:
    dialog = safe_dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""
