"""The main window: one per open event file, where a juror (or the chair) scores.

Features (leaderboard, projector, setup, import, reports, settings, ...) are classes listed once
in ``ui/features.py``; each is built with this window as its ``ui.host.WindowHost`` (menus by
name, docks built on first show, the open event, the selection and its signals, the status bar).
A feature that fails to build is an error, not a window that silently lacks it.
``window.mode`` is "chair" (event file), "juror" (a juror kit) or "view" (opened read-only:
read-only media, another writer holds the lock, or File > Open read-only; every feature that
writes stays disabled).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMargins, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.errors import KolabikError, NewerVersionError
from kolabik_desktop.core.store.lock import EventLockedError
from kolabik_desktop.ui import i18n
from kolabik_desktop.ui.browser import NOT_ADMITTED, NOT_ASSIGNED, BrowserRow, BrowserView
from kolabik_desktop.ui.entry_view import EntryView
from kolabik_desktop.ui.file_dialogs import get_open_file_name
from kolabik_desktop.ui.host import MODE_CHAIR, MODE_JUROR, MODE_VIEW, MenuName
from kolabik_desktop.ui.leaderboard import category_choices
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.scoring_form import ScoringForm
from kolabik_desktop.ui.submission import (
    ProgressBar,
    ProgressTracker,
    confirm_reopen,
    confirm_submit,
    is_submitted,
    stage_progress,
)
from kolabik_desktop.ui.undo import SheetUndo

if TYPE_CHECKING:
    from kolabik_desktop.core.scoring.model import EntrySpec
    from kolabik_desktop.core.store.db import Change, EventDB
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.features import Features
    from kolabik_desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

EVENT_SUFFIXES = (".kolabik", ".kolabik-kit")
RECENT_KEY = "recent_files"
MAX_RECENT = 10
DEFAULT_SPLIT = (330, 560, 476)  # browser | entry | form, at 1366 px wide
DOCK_MAX_WIDTH = 640  # at 1920 px a board shows its statuses whole; the proposal keeps 60+ chars
# Narrowest the panes get when docks take room (a dock gives way first): the entry list shows
# code, title and status; the proposal keeps a readable column (about 45 characters); the form
# keeps its fields and notes.
PANE_MIN_WIDTHS = (260, 320, 340)
# The proposal keeps 60 characters a line when a dock opens; on a laptop the entry list gives way
# (collapsed, its handle at the window's left edge) and comes back when the dock closes.
READABLE_CHARS = 60
READABLE_SAMPLE = "Sebelum inovasi ini, data penerima layanan tersebar di banyak buku catatan"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _same_event(db: EventDB, location: Path | str) -> bool:
    """Is the open event the one at this location (a file by identity, a server by URL)?"""
    if isinstance(location, str):
        from kolabik_desktop.core.store.dialect import ServerEventDB

        return isinstance(db, ServerEventDB) and db.label == location
    return not db.on_server and _same_file(db.path, location)


def _recent_name(entry: str) -> str:
    from kolabik_desktop.core.store.location import is_server_url

    return entry if is_server_url(entry) else Path(entry).name


def _recent_text(entry: str) -> str:
    from kolabik_desktop.core.store.location import is_server_url

    return entry if is_server_url(entry) else f"{Path(entry).name}  —  {Path(entry).parent}"


def _event_key(uid: str, what: str) -> str:
    return f"events/{uid}/{what}"


class MainWindow(QMainWindow):
    event_opened = Signal(object)  # EventContext
    event_closed = Signal()
    # Before the event is closed (its tasks stopped, its lock released): a last write goes here.
    event_closing = Signal()
    stage_changed = Signal(object)  # stage id or None
    entry_changed = Signal(object)  # entry id or None
    scoring_juror_changed = Signal(object)  # juror id or None
    stage_submitted = Signal(str)  # stage code: the scoring juror's sheets of it were submitted

    def __init__(self) -> None:
        super().__init__()
        self.context: EventContext | None = None
        self.mode: str | None = None
        self.scoring_juror_id: int | None = None
        self.stage_id: int | None = None
        self.entry_id: int | None = None
        self.drop_handlers: list[Callable[[list[Path]], bool]] = []
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Kolabik Desktop"))
        self.setAcceptDrops(True)

        self.undo = SheetUndo(self)
        self._progress = ProgressTracker()
        self._submitted_cache: dict[tuple[int, int], bool] = {}
        self._list_given_way_to: QDockWidget | None = None  # see _make_room
        self._docks_watched: set[QDockWidget] = set()
        self.browser = BrowserView(self)
        self.entry_view = EntryView(self)
        self.form = ScoringForm(self.undo, self)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_central()
        self._build_status_bar()
        self._connect()
        self._restore_window_state()
        self._update_actions()
        from kolabik_desktop.ui.features import build_features

        self.features: Features = build_features(self)

    # -- building ----------------------------------------------------------------------------

    def _action(
        self, text: str, shortcuts: list[str] | QKeySequence.StandardKey | None, slot: Callable
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcuts, QKeySequence.StandardKey):
            action.setShortcuts(shortcuts)
        elif shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        self.act_open = self._action(
            self.tr("&Open…"), QKeySequence.StandardKey.Open, self.open_dialog
        )
        self.act_open_read_only = self._action(
            self.tr("Open &read-only…"), [], self.open_read_only_dialog
        )
        self.act_open_server = self._action(
            self.tr("Open from a &server…"), [], self.open_server_dialog
        )
        self.act_close = self._action(self.tr("&Close event"), ["Ctrl+W"], self.close_event)
        self.act_quit = self._action(self.tr("&Quit"), ["Ctrl+Q"], self.close)
        self.act_undo = self._action(self.tr("&Undo"), ["Ctrl+Z"], self._undo)
        self.act_redo = self._action(self.tr("&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], self._redo)
        self.undo.stack.canUndoChanged.connect(self.act_undo.setEnabled)
        self.undo.stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.act_find = self._action(self.tr("&Find entry"), ["Ctrl+F"], self.browser.focus_search)
        self.act_next = self._action(
            self.tr("&Next entry"),
            ["Ctrl+Return", "Ctrl+Enter", "Ctrl+PgDown"],
            lambda: self.step(1),
        )
        self.act_prev = self._action(
            self.tr("&Previous entry"), ["Ctrl+PgUp"], lambda: self.step(-1)
        )
        self.act_next_incomplete = self._action(
            self.tr("Next &incomplete entry"), ["Ctrl+J"], self.next_incomplete
        )
        self.act_focus_list = self._action(
            self.tr("Go to the entry &list"), ["Ctrl+L"], lambda: self.browser.table.setFocus()
        )
        self.act_focus_form = self._action(
            self.tr("Go to the scoring &form"), ["Ctrl+E"], self.form.focus_first
        )
        self.act_zoom_in = self._action(
            self.tr("PDF zoom &in"), ["Ctrl++", "Ctrl+="], lambda: self.entry_view.pdf.zoom_by(1)
        )
        self.act_zoom_out = self._action(
            self.tr("PDF zoom &out"), ["Ctrl+-"], lambda: self.entry_view.pdf.zoom_by(-1)
        )
        self.act_zoom_fit = self._action(
            self.tr("PDF &fit to width"), ["Ctrl+0"], self.entry_view.pdf.fit_width
        )
        self.act_submit = self._action(
            self.tr("&Submit scores for this stage…"), ["Ctrl+Shift+U"], self.submit_stage
        )
        self.act_reopen = self._action(
            self.tr("&Reopen scores for this stage…"), ["Ctrl+Shift+R"], self.reopen_stage
        )
        self.act_score_as = self._action(
            self.tr("Score &as…"), ["Ctrl+Shift+J"], self._focus_score_as
        )
        self.act_about = self._action(self.tr("&About Kolabik Desktop"), ["F1"], self._about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file: QMenu = bar.addMenu(self.tr("&File"))
        self.menu_edit: QMenu = bar.addMenu(self.tr("&Edit"))
        self.menu_view: QMenu = bar.addMenu(self.tr("&View"))
        self.menu_tools: QMenu = bar.addMenu(self.tr("&Tools"))
        self.menu_help: QMenu = bar.addMenu(self.tr("&Help"))

        self.menu_file.addAction(self.act_open)
        self.menu_file.addAction(self.act_open_read_only)
        self.menu_file.addAction(self.act_open_server)
        self.menu_recent = self.menu_file.addMenu(self.tr("Open &recent"))
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.menu_file.addAction(self.act_close)
        self.menu_file.addSeparator()
        # Features add their File actions (import, export, restore) above Quit.
        self._quit_separator = self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)

        self.menu_edit.addAction(self.act_undo)
        self.menu_edit.addAction(self.act_redo)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_find)

        for action in (self.act_next, self.act_prev, self.act_next_incomplete):
            self.menu_view.addAction(action)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_focus_list)
        self.menu_view.addAction(self.act_focus_form)
        self.menu_stage = self.menu_view.addMenu(self.tr("&Stage"))
        self.stage_group = QActionGroup(self)
        self.menu_view.addSeparator()
        for action in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_fit):
            self.menu_view.addAction(action)
        self.menu_view.addSeparator()

        self.menu_tools.addAction(self.act_submit)
        self.menu_tools.addAction(self.act_reopen)
        self.menu_tools.addAction(self.act_score_as)
        self.menu_tools.addSeparator()

        self.menu_help.addAction(self.act_about)

    def make_room(self, dock: QDockWidget, width: int | None = None) -> None:
        """For features: a dock just shown takes ``width`` (the user's, remembered by the
        feature) or at most a third of a laptop's width, never more than half the window; the
        three scoring panes share the rest in proportion (not the entry pane alone shrinking)."""
        QTimer.singleShot(0, lambda: self._make_room(dock, width))

    def _make_room(self, dock: QDockWidget, width: int | None) -> None:
        if not dock.isVisible() or dock.isFloating():
            return
        sides = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        if self.dockWidgetArea(dock) not in sides:
            return  # a dock above or below the panes takes height, not their width
        wanted = width if width else min(DOCK_MAX_WIDTH, self.width() // 3)
        # What the scoring panes leave (their minimums, the splitter handles, the other docks).
        others = sum(
            d.width()
            for d in self.findChildren(QDockWidget)
            if d is not dock
            and d.isVisible()
            and not d.isFloating()
            and self.dockWidgetArea(d) in sides
            and self.dockWidgetArea(d) != self.dockWidgetArea(dock)
        )
        panes = [self.splitter.widget(i) for i in range(self.splitter.count())]
        mins = [pane.minimumWidth() if pane is not None else 0 for pane in panes]
        mins[1] = max(mins[1], self.readable_width())
        room = self.width() - others - sum(mins) - 3 * self.splitter.handleWidth()
        # Where the list, a readable proposal, the form and the dock do not all fit (a laptop),
        # the entry list gives way rather than the proposal or the dock's columns.
        collapse = room < wanted and self.splitter.sizes()[0] > 0
        if collapse:  # first, so that the list's minimum no longer holds the dock back
            room += mins[0]
            sizes = self.splitter.sizes()
            self.splitter.setSizes([0, sizes[0] + sizes[1], sizes[2]])
        wanted = max(dock.minimumSizeHint().width(), min(wanted, room, self.width() // 2))
        self.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)
        total = sum(self.splitter.sizes())
        if collapse:
            self._list_given_way_to = dock
            if dock not in self._docks_watched:
                self._docks_watched.add(dock)
                dock.visibilityChanged.connect(lambda shown, d=dock: self._dock_left(d, shown))
                dock.topLevelChanged.connect(
                    lambda floating, d=dock: self._dock_left(d, not floating)
                )
            rest = DEFAULT_SPLIT[1] + DEFAULT_SPLIT[2]
            entry = total * DEFAULT_SPLIT[1] // rest
            self.splitter.setSizes([0, entry, total - entry])
        elif 0 < total < sum(DEFAULT_SPLIT):
            self.splitter.setSizes([total * w // sum(DEFAULT_SPLIT) for w in DEFAULT_SPLIT])

    def readable_width(self) -> int:
        """The proposal pane's width for READABLE_CHARS characters a line of its text."""
        summary = self.entry_view.summary
        sample = (READABLE_SAMPLE * 2)[:READABLE_CHARS]
        layout = self.entry_view.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        return (
            summary.fontMetrics().horizontalAdvance(sample)
            + int(2 * summary.document().documentMargin())
            + 2 * summary.frameWidth()
            + margins.left()
            + margins.right()
            + 8
        )

    def _dock_left(self, dock: QDockWidget, shown: bool) -> None:
        """The dock the entry list gave way to is closed or floated: the list comes back."""
        if shown or self._list_given_way_to is not dock:
            return
        self._list_given_way_to = None

        def restore() -> None:
            sizes = self.splitter.sizes()
            if sizes[0] == 0 and sum(sizes) > 0:
                total = sum(sizes)
                self.splitter.setSizes([total * w // sum(DEFAULT_SPLIT) for w in DEFAULT_SPLIT])

        QTimer.singleShot(0, restore)

    def add_file_action(self, action: QAction) -> None:
        """For features: put an action in the File menu above Quit."""
        self.menu_file.insertAction(self._quit_separator, action)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Scoring"), self)
        bar.setObjectName("scoringToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

        self.stage_label = QLabel(self.tr("Stage:"), self)
        self.stage_combo = QComboBox(self)
        self.stage_combo.setMinimumWidth(220)
        self.stage_label.setBuddy(self.stage_combo)
        self.juror_label = QLabel(self.tr("Score as:"), self)
        self.juror_combo = QComboBox(self)
        self.juror_combo.setMinimumWidth(200)
        self.juror_label.setBuddy(self.juror_combo)
        self.juror_fixed = QLabel(self)
        self.juror_fixed.setObjectName("jurorFixed")
        self.progress = ProgressBar(self.act_submit, self.act_reopen, self)

        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._toolbar_items = [
            bar.addWidget(self.stage_label),
            bar.addWidget(self.stage_combo),
        ]
        bar.addSeparator()
        self._juror_items = [
            bar.addWidget(self.juror_label),
            bar.addWidget(self.juror_combo),
        ]
        self._juror_fixed_item = bar.addWidget(self.juror_fixed)
        bar.addWidget(spacer)
        self._progress_item = bar.addWidget(self.progress)

    def _build_central(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(self.entry_view)
        self.splitter.addWidget(self.form)
        self.splitter.setChildrenCollapsible(True)
        self.splitter.setCollapsible(2, False)
        self.splitter.setSizes(list(DEFAULT_SPLIT))
        for pane, width in zip(
            (self.browser, self.entry_view, self.form), PANE_MIN_WIDTHS, strict=True
        ):
            pane.setMinimumWidth(width)
        # All three panes share a change of width in proportion to their sizes: a wider window
        # (or a dock closing) gives the entry list and the form their room back too, instead
        # of leaving them at the width a dock squeezed them to and the proposal 1,000 px wide.
        for i in range(3):
            self.splitter.setStretchFactor(i, 1)

        self.welcome = QWidget(self)
        self.welcome.setObjectName("welcome")
        title = QLabel(self.tr("Kolabik Desktop"), self.welcome)
        title.setObjectName("welcomeTitle")
        hint = QLabel(
            self.tr(
                "Open an event file (.kolabik) or a juror kit (.kolabik-kit), or drop one here."
            ),
            self.welcome,
        )
        hint.setWordWrap(True)
        open_button = QPushButton(self.tr("Open an event file…"), self.welcome)
        open_button.clicked.connect(self.open_dialog)
        self.recent_label = QLabel(self.tr("Recent files"), self.welcome)
        self.recent_label.setObjectName("sectionLabel")
        self.recent_list = QListWidget(self.welcome)
        self.recent_list.itemActivated.connect(
            lambda item: self.open_event(str(item.data(Qt.ItemDataRole.UserRole)))
        )
        box = QVBoxLayout(self.welcome)
        box.setContentsMargins(80, 60, 80, 60)
        box.setSpacing(12)
        box.addWidget(title)
        box.addWidget(hint)
        box.addWidget(open_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addSpacing(12)
        box.addWidget(self.recent_label)
        self.recent_list.setMaximumWidth(900)
        box.addWidget(self.recent_list, 1)
        box.addStretch(0)  # with no recent files, the space goes below, not between the lines

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.splitter)
        # "Hanya baca: ...": shown while the event is open read-only, above everything.
        self.read_only_banner = QLabel(self)
        self.read_only_banner.setObjectName("banner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)

    def _connect(self) -> None:
        self.browser.entry_selected.connect(self._entry_selected)
        self.browser.entry_activated.connect(lambda _e: self.form.focus_first())
        self.stage_combo.activated.connect(lambda i: self.set_stage(self.stage_combo.itemData(i)))
        self.juror_combo.activated.connect(
            lambda i: self.set_scoring_juror(self.juror_combo.itemData(i))
        )
        self.progress.entry_chosen.connect(self._jump_to)
        self.undo.applied.connect(self._saved)
        self.undo.failed.connect(self._show_problem)
        self.undo.reveal = self._reveal
        self.form.problem.connect(self._show_problem)
        self.form.finished_last_field.connect(
            lambda: self.statusBar().showMessage(
                self.tr(
                    "Every criterion done: add an overall comment, or Ctrl+Enter for the next entry."
                ),
                8000,
            )
        )
        self.entry_view.problem.connect(self._show_problem)

    # -- the host of the features (ui/host.py WindowHost) -----------------------------------

    @property
    def widget(self) -> QMainWindow:
        return self

    @property
    def tasks(self) -> TaskRunner | None:
        return self.context.tasks if self.context is not None else None

    def _menu(self, menu: MenuName) -> QMenu:
        return {
            "file": self.menu_file,
            "edit": self.menu_edit,
            "view": self.menu_view,
            "tools": self.menu_tools,
            "help": self.menu_help,
        }[menu]

    def add_action(self, menu: MenuName, action: QAction) -> None:
        if menu == "file":
            self.add_file_action(action)
        else:
            self._menu(menu).addAction(action)
        self.addAction(action)  # its shortcut works even while the menu bar is hidden

    def add_menu(self, menu: MenuName, title: str) -> QMenu:
        if menu == "file":
            sub = QMenu(title, self)
            self.menu_file.insertMenu(self._quit_separator, sub)
            return sub
        return self._menu(menu).addMenu(title)

    def add_separator(self, menu: MenuName) -> None:
        if menu == "file":
            self.menu_file.insertSeparator(self._quit_separator)
        else:
            self._menu(menu).addSeparator()

    def add_dock(
        self, dock: QDockWidget, area: Qt.DockWidgetArea, *, tab_with: QDockWidget | None = None
    ) -> None:
        self.addDockWidget(area, dock)
        if tab_with is not None:
            self.tabifyDockWidget(tab_with, dock)

    def show_status(self, message: str, timeout_ms: int = 10000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().addPermanentWidget(widget)

    def add_drop_handler(self, handler: Callable[[list[Path]], bool]) -> None:
        self.drop_handlers.append(handler)

    # -- opening and closing -----------------------------------------------------------------

    @property
    def db(self) -> EventDB | None:
        return self.context.db if self.context is not None else None

    def open_dialog(self, *, read_only: bool = False) -> None:
        start = str(Path(self.recent_files()[0]).parent) if self.recent_files() else ""
        path, _ = get_open_file_name(
            self,
            self.tr("Open an event file read-only") if read_only else self.tr("Open an event file"),
            start,
            self.tr("Kolabik files (*.kolabik *.kolabik-kit);;All files (*)"),
        )
        if path:
            self.open_event(Path(path), read_only=read_only)

    def open_read_only_dialog(self) -> None:
        self.open_dialog(read_only=True)

    def open_server_dialog(self) -> None:
        """Ask for a postgresql:// URL (the password comes from PGPASSWORD or ~/.pgpass)."""
        from PySide6.QtWidgets import QInputDialog

        url, ok = QInputDialog.getText(
            self,
            self.tr("Open an event on a server"),
            self.tr(
                "Server address, postgresql://user@host:port/database\n"
                "(the password is read from PGPASSWORD or ~/.pgpass, never typed here):"
            ),
        )
        if ok and url.strip():
            self.open_event(url.strip())

    def open_event(
        self, path: Path | str, *, read_only: bool = False, defer_scores: bool = False
    ) -> bool:
        """Open an event file, juror kit or server event (postgresql:// URL); a failure is
        explained, not raised.

        Read-only (``read_only``, a file on read-only media or in a read-only folder, or one
        another window or program is writing to): opened so that nothing can be written, with
        the banner saying why, and every action that writes disabled.

        ``defer_scores`` (the program's start): the window fills its lists from the event's
        structure and paints; the chair's scores are read next in the event's task runner (the
        leaderboard and progress follow when they are in). A juror's kit is small: read at once.
        """
        from kolabik_desktop.core.store.db import open_event_file
        from kolabik_desktop.core.store.location import as_location, is_server_url
        from kolabik_desktop.core.store.lock import writable_problem
        from kolabik_desktop.ui.context import EventContext

        location = as_location(path)
        on_server = is_server_url(location)
        name = str(location) if on_server else Path(location).name
        if self.context is not None and _same_event(self.context.db, location):
            return True  # already open here (our own lock would refuse it)
        view_reason: str | None = None
        if read_only:
            view_reason = self.tr("opened with File › Open read-only; nothing can be changed.")
        elif not on_server and Path(location).is_file() and writable_problem(Path(location)):
            view_reason = self.tr(
                "the file is on read-only media or in a read-only folder. To make changes, copy "
                "it to a writable folder and open the copy."
            )
        try:
            if view_reason is None:
                try:
                    # At the start the integrity check runs after the paint (the refusal then
                    # closes the event: _refused below); nothing can be written before it.
                    db = open_event_file(location, lock=True, check_later=defer_scores)
                except EventLockedError:
                    view_reason = self.tr(
                        "another window or program is writing to this event. Close it there to "
                        "make changes here; what you see is not updated by its changes until you "
                        "reopen."
                    )
            if view_reason is not None:
                db = open_event_file(location, read_only=True)
        except NewerVersionError as exc:
            self._open_failed(
                name, self.tr("It was made by a newer version of Kolabik Desktop."), exc
            )
            return False
        except EventLockedError as exc:
            self._open_failed(
                name, self.tr("It is open in another window or on another computer."), exc
            )
            return False
        except KolabikError as exc:
            if on_server:
                lead = self.tr("The event on the server cannot be opened.")
            elif not Path(location).exists():
                lead = self.tr("The file was not found.")
            else:
                lead = self.tr("The file cannot be opened as a Kolabik event.")
            self._open_failed(name, lead, exc)
            return False
        try:
            context = EventContext(db, self, defer_scores=defer_scores and db.kind == "event")
        except Exception as exc:  # a damaged file can fail on first read, past the header
            log.exception("reading %s failed", name)
            db.close()
            self._open_failed(name, self.tr("The file is damaged or not an event file."), exc)
            return False
        self.close_event()
        self.context = context
        self._submitted_cache.clear()
        self._progress.reset()
        if view_reason is not None:
            self.mode = MODE_VIEW
        else:
            self.mode = MODE_JUROR if db.kind == "kit" else MODE_CHAIR
        self.read_only_banner.setText(
            self.tr("Read-only: {0}").format(view_reason) if view_reason else ""
        )
        self.read_only_banner.setVisible(view_reason is not None)
        if db.kind == "kit" and self.mode == MODE_JUROR:
            # The kit makes its own signing key the first time it is opened (kept in the kit).
            from kolabik_desktop.core.exchange.signing import ensure_kit_key

            ensure_kit_key(db)
        self.undo.set_db(db)
        self.undo.actor = "chair" if self.mode == MODE_CHAIR else ""
        context.changed.connect(self._on_change)
        context.file_problem.connect(self._on_file_problem)
        context.refused.connect(lambda exc, name=name: self._refused(context, name, exc))
        self.entry_view.set_db(db)
        self.form.set_context(context)
        self._remember_recent(location)
        self._fill_stages()
        self._fill_jurors()
        self._set_title()
        self.pages.setCurrentWidget(self.splitter)
        self._refresh_rows()
        remembered = QSettings().value(_event_key(db.uid, "entry"))
        if not (remembered and self.browser.select_entry(int(remembered))):
            self.browser.step(1)
        if self.entry_id is None:
            self._show_current()  # nothing to list: the form says why
        self._update_actions()
        self.event_opened.emit(context)
        QTimer.singleShot(0, context.after_paint)  # the scores and the writer, after the paint
        return True

    def _open_failed(self, name: str, lead: str | None, exc: Exception) -> None:
        detail = error_text(exc)
        text = lead + "\n\n" + detail if lead else detail
        QMessageBox.critical(
            self,
            self.tr("Cannot open {0}").format(name),
            text + "\n\n" + self.tr("Nothing was changed."),
        )

    def _refused(self, context: EventContext, name: str, exc: Exception) -> None:
        """The integrity check made after the paint found the file damaged: closed, as the
        open would have refused it, and nothing was written into it."""
        if self.context is not context:
            return
        self.close_event()
        self._open_failed(name, self.tr("The file is damaged or not an event file."), exc)

    def _on_file_problem(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("The event file changed on disk"), message)

    def close_event(self) -> None:
        """Close the open event (pending edits are committed first)."""
        if self.context is None:
            return
        self.form.flush()
        context = self.context
        QSettings().setValue(_event_key(context.db.uid, "entry"), self.entry_id)
        self.event_closing.emit()
        context.changed.disconnect(self._on_change)
        self.form.set_context(None)
        self.entry_view.set_db(None)
        self.undo.set_db(None)
        self.context = None
        self.mode = None
        self.scoring_juror_id = self.stage_id = self.entry_id = None
        self.browser.set_rows([])
        context.close()
        context.deleteLater()
        # Features save their docks' widths first: the welcome page relays the window out.
        self.event_closed.emit()
        self.pages.setCurrentWidget(self.welcome)
        self._fill_recent_list()
        self.setWindowTitle(self.tr("Kolabik Desktop"))
        self.saved_label.clear()
        self.read_only_banner.hide()
        self._update_actions()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_window_state()
        self.close_event()
        super().closeEvent(event)

    def _set_title(self) -> None:
        from kolabik_desktop.core.store.queries.event import event_info

        assert self.context is not None
        name = event_info(self.context.db).name
        self.event_name = name
        role = self.tr("juror kit") if self.context.db.kind == "kit" else self.tr("chair")
        if self.mode == MODE_VIEW:
            role = self.tr("{0}, read-only").format(role)
        self.setWindowTitle(f"{name} — {self.context.db.path.name} ({role}) — Kolabik Desktop")

    # -- recent files and drag-and-drop ------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = QSettings().value(RECENT_KEY, [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list | tuple) else []

    def _remember_recent(self, location: Path | str) -> None:
        text = location if isinstance(location, str) else str(location.resolve())
        files = [text, *(f for f in self.recent_files() if f != text)][:MAX_RECENT]
        QSettings().setValue(RECENT_KEY, files)

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        files = self.recent_files()
        for i, f in enumerate(files):
            action = self.menu_recent.addAction(f"&{i + 1} {_recent_name(f)}")
            action.setToolTip(f)
            action.triggered.connect(lambda _c=False, p=f: self.open_event(p))
        if not files:
            self.menu_recent.addAction(self.tr("(none)")).setEnabled(False)

    def _fill_recent_list(self) -> None:
        self.recent_list.clear()
        for f in self.recent_files():
            item = QListWidgetItem(_recent_text(f))
            item.setData(Qt.ItemDataRole.UserRole, f)
            self.recent_list.addItem(item)
        self.recent_label.setVisible(self.recent_list.count() > 0)
        self.recent_list.setVisible(self.recent_list.count() > 0)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.open_dropped(paths)

    def open_dropped(self, paths: list[Path]) -> None:
        events = [p for p in paths if p.suffix.lower() in EVENT_SUFFIXES]
        others = [p for p in paths if p not in events]
        if events:
            self.open_event(events[0])
        if others and not any(handler(others) for handler in self.drop_handlers):
            self._show_problem(
                self.tr("{0} is not an event file or juror kit.").format(others[0].name)
            )

    # -- stage, juror, entry -----------------------------------------------------------------

    def _stages(self) -> list:
        return list(self.context.event_spec.stages) if self.context else []

    def _stage_spec(self):  # noqa: ANN202 - StageSpec | None
        return next((s for s in self._stages() if s.id == self.stage_id), None)

    def _fill_stages(self) -> None:
        assert self.context is not None
        stages = self._stages()
        remembered = QSettings().value(_event_key(self.context.db.uid, "stage"))
        self.stage_combo.clear()
        for action in self.stage_group.actions():
            self.stage_group.removeAction(action)
        self.menu_stage.clear()
        for i, stage in enumerate(stages):
            self.stage_combo.addItem(f"{stage.code} — {stage.name}", stage.id)
            action = self.menu_stage.addAction(f"{stage.code} — {stage.name}")
            action.setCheckable(True)
            action.setData(stage.id)
            if i < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _c=False, sid=stage.id: self.set_stage(sid))
            self.stage_group.addAction(action)
        ids = [s.id for s in stages]
        if self.stage_id not in ids:
            by_code = {s.code: s.id for s in stages}
            self.stage_id = by_code.get(str(remembered)) if remembered else None
            if self.stage_id is None and ids:
                self.stage_id = self._default_stage_id(by_code) or ids[0]
        self._show_stage_choice()

    def _default_stage_id(self, by_code: dict[str, int]) -> int | None:
        """A juror's kit opens on the stage it was made for (a stage-2 kit on stage 2)."""
        if self.context is None or self.context.db.kind != "kit":
            return None
        from kolabik_desktop.core.exchange.kits import kit_stage_codes

        codes = [c for c in kit_stage_codes(self.context.db) if c in by_code]
        return by_code[codes[-1]] if codes else None

    def _show_stage_choice(self) -> None:
        i = self.stage_combo.findData(self.stage_id)
        self.stage_combo.setCurrentIndex(i)
        for action in self.stage_group.actions():
            action.setChecked(action.data() == self.stage_id)

    def _fill_jurors(self) -> None:
        assert self.context is not None
        jurors = list(self.context.event_spec.jurors)
        db = self.context.db
        chair = self._browses_as_chair()
        for item in self._juror_items:
            item.setVisible(chair)
        self._juror_fixed_item.setVisible(not chair)
        self.act_score_as.setVisible(chair)
        if not chair:
            juror = next((j for j in jurors if j.id == db.kit_juror_id), None)
            self.scoring_juror_id = db.kit_juror_id
            self.juror_fixed.setText(
                self.tr("Juror: {0}").format(f"{juror.code} — {juror.name}" if juror else "?")
            )
            return
        self.juror_combo.clear()
        self.juror_combo.addItem(self.tr("(choose a juror)"), None)
        for juror in jurors:
            self.juror_combo.addItem(f"{juror.code} — {juror.name}", juror.id)
        if self.scoring_juror_id not in {j.id for j in jurors}:
            # Never resumed from a past session: an opened event must not leave a juror's sheet
            # editable in the chair's window until someone chooses to type it.
            self.scoring_juror_id = None
        self.juror_combo.setCurrentIndex(max(self.juror_combo.findData(self.scoring_juror_id), 0))

    def _browses_as_chair(self) -> bool:
        """The chair's event, writable or read-only: any juror's sheet can be chosen."""
        return self.context is not None and self.context.db.kind == "event"

    def set_stage(self, stage_id: int | None) -> None:
        if stage_id == self.stage_id or self.context is None:
            self._show_stage_choice()
            return
        self.form.flush()
        self.stage_id = stage_id
        stage = self._stage_spec()
        if stage is not None:
            QSettings().setValue(_event_key(self.context.db.uid, "stage"), stage.code)
        self._show_stage_choice()
        keep = self.entry_id
        self._refresh_rows()
        if not (keep is not None and self.browser.select_entry(keep)):
            self.browser.table.clearSelection()
            self.browser.step(1)
        self._show_current()
        self.stage_changed.emit(stage_id)

    def set_scoring_juror(self, juror_id: int | None) -> None:
        """The chair picks whose sheet to type (paper sheets); a kit's juror is fixed."""
        if (
            self.context is None
            or not self._browses_as_chair()
            or juror_id == self.scoring_juror_id
        ):
            return
        self.form.flush()
        self.scoring_juror_id = juror_id
        self.juror_combo.setCurrentIndex(max(self.juror_combo.findData(juror_id), 0))
        self._refresh_rows(keep_entry=self.entry_id)
        self._show_current()
        self.scoring_juror_changed.emit(juror_id)

    def _undo(self) -> None:
        self.form.flush()  # a value still being typed is committed first, then undone
        self.undo.stack.undo()

    def _redo(self) -> None:
        self.form.flush()
        self.undo.stack.redo()

    def _focus_score_as(self) -> None:
        self.juror_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.juror_combo.showPopup()

    def show_entry(self, entry_id: int) -> None:
        """Make ``entry_id`` current (the presentation session calls this for the speaker)."""
        if self.browser.select_entry(entry_id):
            return
        # Filtered out of the list: clear the filters, then show it whatever its status.
        self.browser.search.clear()
        self.browser.category_filter.setCurrentIndex(0)
        self.browser.status_filter.setCurrentIndex(0)
        if not self.browser.select_entry(entry_id):
            self._entry_selected(entry_id)

    def _entry_selected(self, entry_id: int | None) -> None:
        if entry_id == self.entry_id and entry_id is not None:
            return
        self.form.flush()
        self.entry_id = entry_id
        self._show_current()
        self.entry_changed.emit(entry_id)

    def _show_current(self) -> None:
        submitted = self._submitted()
        self.entry_view.show_entry(self.entry_id)
        self.form.show_sheet(
            self.scoring_juror_id, self.stage_id, self.entry_id, submitted=submitted
        )
        self._refresh_progress()
        self._update_actions()
        # The PDF renders after the form is on screen, so moving on never waits for it.
        QTimer.singleShot(0, self.entry_view.show_first_pdf)

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1) entry in the list as filtered and sorted."""
        self.form.flush()
        if self.browser.step(delta) is not None:
            self.form.focus_first()
        else:
            self._show_problem(
                self.tr("This is the last entry.")
                if delta > 0
                else self.tr("This is the first entry.")
            )

    def next_incomplete(self) -> None:
        incomplete = [e for e, *_ in self.progress.progress.incomplete]
        if not incomplete:
            self._show_problem(self.tr("Every entry of this stage is complete."))
            return
        order = self.browser.visible_entries()
        after = order.index(self.entry_id) if self.entry_id in order else -1
        pending = set(incomplete)
        ahead = [e for e in order[after + 1 :] + order[: after + 1] if e in pending]
        self._jump_to(ahead[0] if ahead else incomplete[0])

    def _jump_to(self, entry_id: int) -> None:
        self.show_entry(entry_id)
        self.form.focus_first()

    def _reveal(
        self, juror_id: int, entry_id: int, criterion_id: int | None, stage_id: int | None
    ) -> None:
        """Before an undo or redo writes, show the sheet it touches (juror, stage, entry)."""
        if juror_id != self.scoring_juror_id:
            self.set_scoring_juror(juror_id)
        if stage_id is None and criterion_id is not None and self.context is not None:
            stage_id = next(
                (
                    st.id
                    for st in self.context.event_spec.stages
                    if any(c.id == criterion_id for c in st.criteria)
                ),
                None,
            )
        if stage_id is not None and stage_id != self.stage_id:
            self.set_stage(stage_id)
        if entry_id != self.entry_id:
            self.show_entry(entry_id)
        self.form.focus_criterion(criterion_id)

    # -- rows, progress, changes -------------------------------------------------------------

    def _rows_for(self, entries: Iterable[EntrySpec], stage_code: str) -> list[BrowserRow]:
        """The browser's rows of ``entries`` in stage ``stage_code``, for the juror being scored
        as (none: the chair's plain list). Entries not admitted to, or not assigned in, the stage
        have no row. One pass with the lookups made once: 3,000 entries on every refresh."""
        context = self.context
        assert context is not None
        juror = self.scoring_juror_id
        scorer = context.scorer if juror is not None else None
        precision = context.event_spec.precision
        score_text = i18n.format_score_text
        rows = []
        for entry in entries:
            if scorer is None:
                status, total = "", None
            else:
                status = scorer.juror_status(stage_code, juror, entry.id)  # type: ignore[arg-type]
                if status in (NOT_ADMITTED, NOT_ASSIGNED):
                    continue
                total = scorer.juror_total(stage_code, juror, entry.id)  # type: ignore[arg-type]
            rows.append(
                BrowserRow(
                    entry.id,
                    entry.code,
                    entry.title,
                    entry.unit,
                    entry.category,
                    status,
                    total,  # type: ignore[arg-type]  # the hint lacks the engine's float
                    score_text(total, precision),
                )
            )
        return rows

    def _refresh_rows(self, keep_entry: int | None = None) -> None:
        stage = self._stage_spec()
        if self.context is None or stage is None:
            self.browser.set_rows([])
            return
        entries = self.context.event_spec.entries
        if stage.admitted is not None:
            entries = tuple(e for e in entries if e.id in stage.admitted)
        rows = self._rows_for(entries, stage.code)
        self.browser.set_categories(category_choices(self.context.event_spec))
        self.browser.set_rows(rows, keep_entry=keep_entry)
        self._refresh_progress()

    def _refresh_progress(self, changed: Iterable[int] = ()) -> None:
        stage = self._stage_spec()
        visible = (
            self.context is not None and stage is not None and self.scoring_juror_id is not None
        )
        self._progress_item.setVisible(visible)
        if not visible:
            return
        progress = self._progress.progress(
            self.context.scorer,  # type: ignore[union-attr]
            stage.code,
            self.scoring_juror_id,  # type: ignore[arg-type]
            changed,
        )
        self.progress.show_progress(progress, self._submitted(), can_reopen=self.mode == MODE_CHAIR)

    def _submitted(self) -> bool:
        if self.context is None or self.scoring_juror_id is None or self.stage_id is None:
            return False
        # Asked on every edit and every move; the file changes it only with a "submission" change.
        key = (self.scoring_juror_id, self.stage_id)
        if key not in self._submitted_cache:
            self._submitted_cache[key] = is_submitted(self.context.db, *key)
        return self._submitted_cache[key]

    def _on_change(self, change: Change) -> None:
        stage = self._stage_spec()
        if change.kind in ("scores", "comments") and change.entry_ids and stage is not None:
            changed = set(change.entry_ids)
            entries = (
                e
                for e in self.context.event_spec.entries  # type: ignore[union-attr]
                if e.id in changed
            )
            for row in self._rows_for(entries, stage.code):
                self.browser.model.update_row(row.entry_id, row.status, row.total, row.total_text)
            self._refresh_progress(change.entry_ids)
        elif change.kind == "submission":
            self._submitted_cache.clear()
            self.form.set_submitted(self._submitted())
            self._refresh_progress()
            self._update_actions()
        elif change.kind == "presentation":
            pass  # the finalists' running order: the presentation dock and projector show it
        else:
            self._progress.reset()
            self._submitted_cache.clear()
            self._set_title()
            self._fill_stages()
            self._fill_jurors()
            self._refresh_rows(keep_entry=self.entry_id)
            self._show_current()

    # -- submit and reopen -------------------------------------------------------------------

    def submit_stage(self) -> None:
        from kolabik_desktop.core.store.services import set_submitted

        stage = self._stage_spec()
        if self.context is None or stage is None or self.scoring_juror_id is None:
            return
        if self._submitted():
            self._show_problem(self.tr("These scores are already submitted."))
            return
        self.form.flush()
        progress = stage_progress(self.context.scorer, stage.code, self.scoring_juror_id)
        if not confirm_submit(self, f"{stage.code} — {stage.name}", progress):
            return
        try:
            set_submitted(
                self.context.db,
                juror_id=self.scoring_juror_id,
                stage_id=stage.id,
                submitted=True,
                actor=self.undo.actor,
            )
        except KolabikError as exc:
            self._show_problem(error_text(exc))
            return
        self.statusBar().showMessage(self.tr("Scores for {0} submitted.").format(stage.code), 8000)
        self.stage_submitted.emit(stage.code)

    def reopen_stage(self) -> None:
        from kolabik_desktop.core.store.services import set_submitted

        stage = self._stage_spec()
        if self.context is None or stage is None or self.scoring_juror_id is None:
            return
        if self.mode != MODE_CHAIR or not self._submitted():
            return
        juror = next(
            (j for j in self.context.event_spec.jurors if j.id == self.scoring_juror_id), None
        )
        name = f"{juror.code} — {juror.name}" if juror else ""
        if not confirm_reopen(self, name, f"{stage.code} — {stage.name}"):
            return
        set_submitted(
            self.context.db,
            juror_id=self.scoring_juror_id,
            stage_id=stage.id,
            submitted=False,
            actor="chair",
        )
        self.statusBar().showMessage(self.tr("Scores for {0} reopened.").format(stage.code), 8000)

    # -- little things -----------------------------------------------------------------------

    def _saved(self, _entry_id: int, stamp: str) -> None:
        self.saved_label.setText(self.tr("Saved {0}").format(i18n.format_time(stamp)))

    def _show_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _update_actions(self) -> None:
        is_open = self.context is not None
        has_juror = is_open and self.scoring_juror_id is not None
        submitted = has_juror and self._submitted()
        self.act_close.setEnabled(is_open)
        self.toolbar.setVisible(is_open)
        for action in (
            self.act_find,
            self.act_next,
            self.act_prev,
            self.act_next_incomplete,
            self.act_focus_list,
            self.act_focus_form,
        ):
            action.setEnabled(is_open)
        writable = self.mode in (MODE_CHAIR, MODE_JUROR)
        self.act_submit.setEnabled(writable and has_juror and not submitted)
        self.act_reopen.setEnabled(has_juror and submitted and self.mode == MODE_CHAIR)
        self.act_reopen.setVisible(self.mode != MODE_JUROR)

    def _about(self) -> None:
        from kolabik_desktop import __version__

        QMessageBox.about(
            self,
            self.tr("About Kolabik Desktop"),
            self.tr(
                "Kolabik Desktop {0}\n\nOffline scoring, merging, live leaderboard and recaps for the jury of a public-service innovation competition."
            ).format(__version__),
        )

    # -- window state ------------------------------------------------------------------------

    def _restore_window_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = QApplication.primaryScreen()
            available = screen.availableGeometry() if screen else None
            width = min(1366, available.width()) if available else 1366
            height = min(740, available.height()) if available else 740
            self.resize(width, height)
        state = settings.value("main_window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for key, splitter in (
            ("main_window/splitter", self.splitter),
            ("main_window/entry_splitter", self.entry_view.splitter),
        ):
            value = settings.value(key)
            if isinstance(value, QByteArray):
                splitter.restoreState(value)
        self._fill_recent_list()

    def _save_window_state(self) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        settings.setValue("main_window/entry_splitter", self.entry_view.splitter.saveState())
