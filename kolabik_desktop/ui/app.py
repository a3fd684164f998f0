"""Start the Qt application (the only place a QApplication is created)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Kolabik")
    app.setApplicationName("Kolabik Desktop")
    return app  # type: ignore[return-value]


def run_gui(event_path: str | None = None) -> int:
    from kolabik_desktop.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow()
    if event_path:
        window.open_event(Path(event_path))
    window.show()
    return app.exec()
