"""What the main window offers its features: one typed interface, checked by mypy.

A feature (leaderboard, reports, import, live session, ...) is a class built with the host,
``SomeFeature(host: WindowHost)``, listed once in ``ui/features.py``. It reaches the window only
through this protocol: menus by name, docks (their content built on first show), the open event
and its task runner, the current selection and its signals, the status bar. A feature never
probes the window or another feature with hasattr; one that needs another gets it in its
constructor. A feature that fails to build is an error (the window does not start half-built).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow, QMenu

    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.workers import TaskRunner

MenuName = Literal["file", "edit", "view", "tools", "help"]
MODE_CHAIR = "chair"
MODE_JUROR = "juror"
MODE_VIEW = "view"  # opened read-only: nothing in the window writes to the event


class LazyDock(QDockWidget):
    """A dock whose content is built the first time it is shown (or asked for), not at start.

    ``built(widget)`` is emitted once, right after the content is made and set.
    """

    built = Signal(QWidget)

    def __init__(
        self,
        title: str,
        object_name: str,
        factory: Callable[[QWidget], QWidget],
        parent: QWidget,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName(object_name)
        self._factory = factory
        self._content: QWidget | None = None
        self.visibilityChanged.connect(self._on_visibility)

    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self.content()

    def is_built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        """The dock's widget, built now if it was not yet."""
        if self._content is None:
            self._content = self._factory(self)
            self.setWidget(self._content)
            self.built.emit(self._content)
        return self._content


class WindowHost(Protocol):
    """The main window as its features see it (``ui.main_window.MainWindow`` implements it)."""

    # -- the window itself: the parent of the features' actions, dialogs and docks ------------
    @property
    def widget(self) -> QMainWindow: ...

    # -- the open event -----------------------------------------------------------------------
    @property
    def context(self) -> EventContext | None: ...

    @property
    def mode(self) -> str | None:
        """MODE_CHAIR (an event file), MODE_JUROR (a juror's kit), MODE_VIEW (opened read-only)
        or None (nothing open)."""
        ...

    @property
    def tasks(self) -> TaskRunner | None:
        """The open event's task runner (closing the event waits for its work)."""
        ...

    @property
    def event_opened(self) -> SignalInstance: ...  # (EventContext)
    @property
    def event_closing(self) -> SignalInstance: ...  # () still open: last writes go here
    @property
    def event_closed(self) -> SignalInstance: ...  # ()
    @property
    def stage_submitted(self) -> SignalInstance: ...  # (stage code)

    def open_event(self, path: Path | str, *, read_only: bool = False) -> bool: ...
    def close_event(self) -> None: ...

    # -- the selection: whose sheet, which stage, which entry ---------------------------------
    @property
    def scoring_juror_id(self) -> int | None: ...
    @property
    def stage_id(self) -> int | None: ...
    @property
    def entry_id(self) -> int | None: ...
    @property
    def scoring_juror_changed(self) -> SignalInstance: ...  # (juror id or None)
    @property
    def stage_changed(self) -> SignalInstance: ...  # (stage id or None)
    @property
    def entry_changed(self) -> SignalInstance: ...  # (entry id or None)

    def set_scoring_juror(self, juror_id: int | None) -> None: ...
    def set_stage(self, stage_id: int | None) -> None: ...
    def show_entry(self, entry_id: int) -> None: ...

    # -- menus --------------------------------------------------------------------------------
    def add_action(self, menu: MenuName, action: QAction) -> None:
        """Append ``action`` to a menu (File actions go above Quit); its shortcut works even
        while the menu bar is hidden."""
        ...

    def add_menu(self, menu: MenuName, title: str) -> QMenu: ...
    def add_separator(self, menu: MenuName) -> None: ...

    # -- docks --------------------------------------------------------------------------------
    def add_dock(
        self, dock: QDockWidget, area: Qt.DockWidgetArea, *, tab_with: QDockWidget | None = None
    ) -> None: ...

    def make_room(self, dock: QDockWidget, width: int | None = None) -> None:
        """A dock just shown takes a sensible width; the scoring panes share the rest."""
        ...

    # -- status bar and dropped files ---------------------------------------------------------
    def show_status(self, message: str, timeout_ms: int = 10000) -> None: ...
    def add_status_widget(self, widget: QWidget) -> None: ...
    def add_drop_handler(self, handler: Callable[[list[Path]], bool]) -> None:
        """``handler(paths) -> bool`` is offered dropped files that are not events."""
        ...
