"""The projector window on the hall's screen: which screen, full screen or beside the chair's
window, its own keys (Esc and the rest, handled by its driver) and the chair's menu shortcuts.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QScreen,
)
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from kolabik_desktop.ui.projector.canvas import BoardCanvas

SETTINGS_SCREEN = "projector_screen"


class ProjectorDriver(Protocol):
    """Who decides what a key or a click on the projector does (the ProjectorController)."""

    def handle_key(self, key: int) -> bool: ...

    def advance(self) -> None: ...


class ProjectorWindow(QWidget):
    """Frameless and full screen on the hall's screen, or a framed window beside the chair's
    when there is one screen; keys and clicks go to its driver (the controller)."""

    closed = Signal()

    def __init__(self, canvas: BoardCanvas, driver: ProjectorDriver) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.driver = driver
        self.canvas = canvas
        self.setWindowTitle(self.tr("Kolabik — projector"))
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        # Closing the laptop's main window quits the app even while the hall's screen is open.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.canvas.repaint_needed.connect(self.update)
        QGuiApplication.instance().screenRemoved.connect(self._screen_removed)  # type: ignore[union-attr]

    def _screen_removed(self, screen: QScreen) -> None:
        # An unplugged projector must not drop the board full screen onto the chair's laptop.
        if screen is self.screen() and QGuiApplication.screens():
            self.close()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.canvas.paint(painter, self.width(), self.height())
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.driver.handle_key(event.key()):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.driver.advance()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)

    def place_on(self, screen: QScreen) -> None:
        self.setScreen(screen)
        self.setGeometry(screen.geometry())

    def set_framed(self, framed: bool) -> None:
        """A frame and a pointer to move it by on the chair's own screen; neither in the hall."""
        flags = Qt.WindowType.Window
        if not framed:
            flags |= Qt.WindowType.FramelessWindowHint
        if self.windowFlags() != flags:
            self.setWindowFlags(flags)
        if framed:
            self.unsetCursor()
        else:
            self.setCursor(Qt.CursorShape.BlankCursor)

    def place_beside(self, screen: QScreen) -> None:
        """The right half of a single screen: the chair's window keeps the left."""
        self.setScreen(screen)
        area = screen.availableGeometry()
        half = area.width() // 2
        self.setGeometry(area.x() + area.width() - half, area.y(), half, area.height() * 2 // 3)


def saved_screen_name() -> str | None:
    value = QSettings().value(SETTINGS_SCREEN, "")
    return value if isinstance(value, str) and value else None


def pick_screen(saved_name: str | None) -> QScreen:
    """The saved screen if it is connected; otherwise the second screen; otherwise the primary."""
    screens = QGuiApplication.screens()
    for screen in screens:
        if saved_name and screen.name() == saved_name:
            return screen
    primary = QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not primary]
    return others[0] if others else primary


def menu_shortcuts(main: QMainWindow) -> list[QAction]:
    """The main window's menu actions that have a shortcut: added to the projector window, they
    keep working while it has focus (a window shortcut fires only in its action's windows)."""
    found: list[QAction] = []
    menus = [m for a in main.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    while menus:
        for action in menus.pop().actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                menus.append(sub)
            elif not action.shortcut().isEmpty():
                found.append(action)
    return found
