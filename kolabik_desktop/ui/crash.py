"""Logs in the user's log folder (rotated), and a calm dialog for unexpected exceptions.

An unexpected exception is logged with its traceback, the user is told where the log is and that
every saved score is safe (each score is committed when typed), and the app keeps running.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from kolabik_desktop.core.errors import KolabikError

log = logging.getLogger("kolabik")

LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5


def log_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".kolabik") / "logs"


def setup_logging(folder: Path | None = None) -> Path:
    """Log to ``kolabik.log`` in the user log folder, rotating at 1 MB, five files kept."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kolabik.log"
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path


def report_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Log an exception and tell the user, without closing the app."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if isinstance(exc, KolabikError):
        # An expected error that escaped a handler: its message is meant for the user.
        log.warning("user-facing error: %s", exc)
        QMessageBox.warning(
            QApplication.activeWindow(),
            QCoreApplication.translate("CrashHandler", "Kolabik Desktop"),
            str(exc),
        )
        return
    log.error("unexpected error\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("CrashHandler", "Something went wrong"))
    box.setText(
        QCoreApplication.translate(
            "CrashHandler",
            "An unexpected error occurred. Every score you saw marked as saved is safe: "
            "each score is written to the event file the moment it is entered.",
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "CrashHandler", "Details were written to the log:\n{path}"
        ).format(path=str(log_dir()))
    )
    box.setDetailedText("".join(traceback.format_exception_only(exc_type, exc)))
    box.exec()


def install_excepthook() -> None:
    sys.excepthook = report_exception
