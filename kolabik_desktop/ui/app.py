"""Start the Qt application (the only place a QApplication is created)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from kolabik_desktop.core.paths import resource_path


def skip_pyside_feature_scans() -> None:
    """Stop PySide reading the source of every module imported after it (20-30 ms CPU at start).

    PySide replaces ``__import__`` so that ``from __feature__ import snake_case`` can apply per
    module; to know which modules might, it reads each newly imported module's whole source with
    ``inspect.getsource`` and looks for "PySide6" (its ``_mod_uses_pyside``): about 150 modules
    on the way to the first paint. Kolabik imports no ``__feature__``, so every module keeps
    PySide's default selection whatever that scan says; answering "does not use PySide" (PySide's
    "ignore this module") gives that default without reading a file. If a PySide release renames
    the function this does nothing: start-up is as slow as before, not wrong.
    """
    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_no_feature  # type: ignore[attr-defined]


def _uses_no_feature(module: object) -> bool:
    return False


skip_pyside_feature_scans()  # before the imports below: they are the first to be scanned

from kolabik_desktop.ui import i18n  # noqa: E402

# Calm and plain: the platform style, with a few accents for the scoring form.
STYLE_SHEET = """
QFrame#criterionRow { background: palette(base); border: 1px solid palette(mid);
                      border-radius: 6px; }
QLabel#weight { color: palette(placeholder-text); }
QLabel#description, QLabel#descriptors, QLabel#entryMeta { color: palette(placeholder-text); }
QLabel#problem { color: #b00020; }
QLineEdit[invalid="true"] { border: 1px solid #b00020; background: #fff3f3; }
QLabel#banner { background: #fff4d6; color: #5c4400; border: 1px solid #e8c96a;
                border-radius: 4px; padding: 6px; }
QLabel#formHeading, QLabel#entryHeading { font-size: 11pt; }
QLabel#total { font-size: 18pt; font-weight: 600; min-width: 90px; }
QLabel#totalCaption, QLabel#sectionLabel { font-weight: 600; }
QLabel#savedLabel { color: #2e7d32; padding-right: 8px; }
QLabel#welcomeTitle { font-size: 20pt; font-weight: 600; }
QLabel#hint { color: palette(placeholder-text); }
QScrollArea#pdfScroll { background: #e9eaed; }
QScrollArea#pdfScroll > QWidget > QWidget { background: #e9eaed; }
"""


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = resource_path("icons", f"kolabik-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Kolabik")
    app.setApplicationName("Kolabik Desktop")
    if not app.property("kolabik_configured"):  # tests may have made the app already
        app.setProperty("kolabik_configured", True)
        app.setWindowIcon(app_icon())  # type: ignore[attr-defined]
        app.setStyleSheet(STYLE_SHEET)  # type: ignore[attr-defined]
        i18n.install_translator(app)
    return app  # type: ignore[return-value]


class FileOpenHandler(QObject):
    """macOS file associations: Finder sends a QFileOpenEvent to the application, not argv.

    Event files and kits open in the window, score packages go to the import (through
    ``MainWindow.open_dropped``, the same path as a drop). Files that arrive before a window is
    ready wait for ``set_target``.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._target: Callable[[list[Path]], None] | None = None
        self._waiting: list[Path] = []
        app.installEventFilter(self)

    def set_target(self, target: Callable[[list[Path]], None]) -> None:
        self._target = target
        waiting, self._waiting = self._waiting, []
        if waiting:
            target(waiting)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or watched is not QApplication.instance():
            return False
        assert isinstance(event, QFileOpenEvent)
        name = event.file() or event.url().toLocalFile()
        if not name:
            return False
        if self._target is None:
            self._waiting.append(Path(name))
        else:
            self._target([Path(name)])
        return True


def install_file_open_handler(app: QApplication) -> FileOpenHandler:
    handler = app.findChild(FileOpenHandler)
    return handler if isinstance(handler, FileOpenHandler) else FileOpenHandler(app)


def run_gui(event_path: str | None = None) -> int:
    from kolabik_desktop.ui.crash import install_excepthook, setup_logging
    from kolabik_desktop.ui.language_chooser import LanguageChooser, first_run

    app = create_application()
    setup_logging()
    install_excepthook()  # an unexpected error shows a calm dialog; the window keeps running
    # Only macOS sends file-open events; elsewhere an app-wide filter would cost every event.
    opener = install_file_open_handler(app) if sys.platform == "darwin" else None
    windows: list[QWidget] = []

    def start(_lang: str | None = None) -> None:
        from kolabik_desktop.ui.main_window import MainWindow

        window = MainWindow()
        windows.append(window)
        window.show()
        if event_path:
            # A file path or a postgresql:// URL; the window paints before the scores are read.
            window.open_event(event_path, defer_scores=True)
        if opener is not None:
            opener.set_target(window.open_dropped)

    if first_run():  # a small chooser first; the main window is built in the chosen language
        chooser = LanguageChooser(start)
        windows.append(chooser)
        chooser.show()
    else:
        start()
    return app.exec()
