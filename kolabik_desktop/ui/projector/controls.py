"""The chair's side of the projector: the control dock (preview, screen, board, modes, freeze,
reveal, export) and the View › Projector menu with its shortcuts: ``ProjectorFeature``, built
with the window's ``WindowHost``, the leaderboard feature and the presentation feature.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.scoring.model import FINAL
from kolabik_desktop.ui.file_dialogs import get_save_file_name
from kolabik_desktop.ui.host import MODE_JUROR
from kolabik_desktop.ui.leaderboard import fill_board_boxes
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.projector.canvas import BoardCanvas
from kolabik_desktop.ui.projector.controller import ProjectorController
from kolabik_desktop.ui.projector.export import export_board_png
from kolabik_desktop.ui.projector.state import FULL, MODES, PRESENTING, PROGRESS, RANKS, REVEAL
from kolabik_desktop.ui.projector.window import SETTINGS_SCREEN, pick_screen, saved_screen_name

if TYPE_CHECKING:
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.host import WindowHost
    from kolabik_desktop.ui.leaderboard import LeaderboardFeature
    from kolabik_desktop.ui.presentation import PresentationFeature

translate = QCoreApplication.translate


class ProjectorPreview(QWidget):
    """What the hall sees, small, on the laptop (also when no second screen is connected)."""

    def __init__(self, canvas: BoardCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.setMinimumSize(240, 135)
        canvas.repaint_needed.connect(self.update)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width * 9 // 16

    def paintEvent(self, event: QPaintEvent) -> None:
        w = min(self.width(), self.height() * 16 / 9)
        h = w * 9 / 16
        painter = QPainter(self)
        painter.translate((self.width() - w) / 2, (self.height() - h) / 2)
        painter.setClipRect(QRectF(0, 0, w, h))
        self.canvas.paint(painter, w, h)
        painter.end()


class ProjectorControls(QWidget):
    """Open/close, screen, board, modes, reveal and export: the chair drives the hall from here."""

    def __init__(self, controller: ProjectorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.open_button = QPushButton()
        self.screen_box = QComboBox()
        self.board_box = QComboBox()
        self.category_box = QComboBox()
        self.top_spin = QSpinBox()
        self.top_spin.setRange(1, 50)
        self.top_spin.setValue(controller.top_n)
        self.mode_group = QButtonGroup(self)
        labels = {
            FULL: self.tr("Full board (Ctrl+Shift+1)"),
            RANKS: self.tr("Ranks without scores (Ctrl+Shift+2)"),
            PROGRESS: self.tr("Progress only (Ctrl+Shift+3)"),
            REVEAL: self.tr("Reveal, place by place (Ctrl+Shift+4)"),
            PRESENTING: self.tr("Now presenting (Ctrl+Shift+5)"),
        }
        self.mode_buttons: dict[str, QRadioButton] = {}
        modes_box = QVBoxLayout()
        for mode in MODES:
            button = QRadioButton(labels[mode])
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            modes_box.addWidget(button)
            button.toggled.connect(lambda on, m=mode: self._mode_chosen(m) if on else None)
        self.freeze_box = QCheckBox(self.tr("Freeze the board (F6)"))
        self.reveal_button = QPushButton(self.tr("Reveal next place (F7)"))
        self.keys_help = QLabel(
            self.tr(
                "On the projector itself: 1–5 switch modes, F freezes, Space or a click reveals "
                "the next place (or starts and pauses the clock), Backspace hides it again, "
                "← → change the finalist, Esc closes."
            )
        )
        self.keys_help.setWordWrap(True)
        self.reveal_label = QLabel()
        self.export_button = QPushButton(self.tr("Export board as PNG…"))

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Screen:")), 0, 0)
        grid.addWidget(self.screen_box, 0, 1)
        grid.addWidget(QLabel(self.tr("Ranking:")), 1, 0)
        grid.addWidget(self.board_box, 1, 1)
        grid.addWidget(QLabel(self.tr("Category:")), 2, 0)
        grid.addWidget(self.category_box, 2, 1)
        grid.addWidget(QLabel(self.tr("Places shown:")), 3, 0)
        grid.addWidget(self.top_spin, 3, 1)
        self.preview = ProjectorPreview(controller.canvas)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(self.open_button)
        layout.addLayout(grid)
        layout.addLayout(modes_box)
        layout.addWidget(self.freeze_box)
        reveal_row = QHBoxLayout()
        reveal_row.addWidget(self.reveal_button)
        reveal_row.addWidget(self.reveal_label)
        layout.addLayout(reveal_row)
        layout.addWidget(self.export_button)
        layout.addWidget(self.keys_help)
        layout.addStretch(1)

        self.open_button.clicked.connect(self.toggle_window)
        self.screen_box.activated.connect(self._screen_chosen)
        self.board_box.activated.connect(self._board_chosen)
        self.category_box.activated.connect(self._board_chosen)
        self.top_spin.valueChanged.connect(controller.set_top_n)
        self.freeze_box.toggled.connect(self._freeze_chosen)
        self.reveal_button.clicked.connect(controller.reveal_next)
        self.export_button.clicked.connect(self.export_png)
        controller.state_changed.connect(self.sync)
        QGuiApplication.instance().screenAdded.connect(self._fill_screens)  # type: ignore[union-attr]
        QGuiApplication.instance().screenRemoved.connect(self._fill_screens)  # type: ignore[union-attr]
        self._fill_screens()
        self.sync()

    def _mode_chosen(self, mode: str) -> None:
        if self.controller.mode != mode:
            self.controller.set_mode(mode)

    def _freeze_chosen(self, on: bool) -> None:
        if on != self.controller.frozen:
            self.controller.set_frozen(on)

    def toggle_window(self) -> None:
        if self.controller.is_open():
            self.controller.close_window()
        else:
            self.controller.open_window()

    def _fill_screens(self, *_: object) -> None:
        self.screen_box.clear()
        chosen = pick_screen(saved_screen_name())
        for screen in QGuiApplication.screens():
            g = screen.geometry()
            self.screen_box.addItem(f"{screen.name()} ({g.width()}×{g.height()})", screen.name())
        self.screen_box.setCurrentIndex(max(0, self.screen_box.findData(chosen.name())))

    def _screen_chosen(self) -> None:
        name = self.screen_box.currentData()
        QSettings().setValue(SETTINGS_SCREEN, name)
        if self.controller.window is not None:
            screen = next((s for s in QGuiApplication.screens() if s.name() == name), None)
            if screen is not None:
                self.controller.open_window(screen)

    def _board_chosen(self) -> None:
        self.controller.set_board(
            self.board_box.currentData() or FINAL, self.category_box.currentData() or None
        )

    def sync(self) -> None:
        c = self.controller
        self.open_button.setText(
            self.tr("Close the projector (F5)")
            if c.is_open()
            else self.tr("Open the projector (F5)")
        )
        event = c.context.event_spec if c.context is not None else None
        fill_board_boxes(self.board_box, self.category_box, event, c.board, c.category)
        for mode, button in self.mode_buttons.items():
            button.blockSignals(True)
            button.setChecked(mode == c.mode)
            button.blockSignals(False)
        self.freeze_box.blockSignals(True)
        self.freeze_box.setChecked(c.frozen)
        self.freeze_box.blockSignals(False)
        self.reveal_button.setEnabled(c.mode == REVEAL and c.reveal_remaining() > 0)
        self.reveal_label.setText(
            self.tr("%1 places still hidden").replace("%1", str(c.reveal_remaining()))
            if c.mode == REVEAL
            else ""
        )
        self.setEnabled(c.context is not None)

    def export_png(self) -> None:
        c = self.controller
        if c.context is None:
            return
        path, _ = get_save_file_name(
            self, self.tr("Export the board"), "papan-peringkat.png", self.tr("PNG image (*.png)")
        )
        if not path:
            return
        try:
            export_board_png(c, path)
        except KolabikError as exc:
            QMessageBox.warning(self, self.tr("Board not exported"), error_text(exc))


class ProjectorFeature:
    """View › Projector (F5) with its shortcuts, and the chair's control dock.

    Its controls share the right column with the leaderboard dock (as tabs); the presentation
    session is what the "now presenting" mode shows, and its "Show on the projector" button
    opens the projector here. ``controller`` is the projector (the live web board reads it).
    """

    def __init__(
        self, host: WindowHost, leaderboard: LeaderboardFeature, presentation: PresentationFeature
    ) -> None:
        self.host = host
        window = host.widget
        self.controller = ProjectorController(window, lazy=True)
        self.controller.set_session(presentation.session)
        presentation.on_show_on_projector(self.present)

        dock = QDockWidget(window)
        dock.setObjectName("projector_dock")
        dock.setWindowTitle(translate("Projector", "Projector"))
        self.controls = ProjectorControls(self.controller, dock)
        dock.setWidget(self.controls)
        # One column on the right: the controls share it with the leaderboard, as tabs.
        host.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea, tab_with=leaderboard.dock)
        dock.hide()
        # The preview in the dock shows the board: while neither it nor the projector's window
        # is on a screen, nothing is ranked (it catches up when one shows).
        dock.visibilityChanged.connect(self.controller.set_preview_shown)
        self.dock = dock

        self.menu = menu = host.add_menu("view", translate("Projector", "Projector"))
        self.open_action = open_action = QAction(translate("Projector", "&Projector"), window)
        open_action.setShortcut(QKeySequence("F5"))
        open_action.setCheckable(True)
        open_action.toggled.connect(self._toggle_projector)
        self.controller.state_changed.connect(self._follow_window)
        menu.addAction(open_action)
        controls_action = dock.toggleViewAction()
        controls_action.setText(translate("Projector", "Projector &controls"))
        controls_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        controls_action.triggered.connect(lambda on: self._make_room() if on else None)
        menu.addAction(controls_action)
        menu.addSeparator()
        controller = self.controller
        self.actions: list[QAction] = [open_action, controls_action]
        for text, keys, slot in (
            (
                translate("Projector", "Full board"),
                "Ctrl+Shift+1",
                lambda: controller.set_mode(FULL),
            ),
            (
                translate("Projector", "Ranks without scores"),
                "Ctrl+Shift+2",
                lambda: controller.set_mode(RANKS),
            ),
            (
                translate("Projector", "Progress only"),
                "Ctrl+Shift+3",
                lambda: controller.set_mode(PROGRESS),
            ),
            (
                translate("Projector", "Reveal place by place"),
                "Ctrl+Shift+4",
                lambda: controller.set_mode(REVEAL),
            ),
            (
                translate("Projector", "Now presenting"),
                "Ctrl+Shift+5",
                lambda: controller.set_mode(PRESENTING),
            ),
            (translate("Projector", "Freeze / unfreeze the board"), "F6", controller.toggle_frozen),
            (translate("Projector", "Reveal the next place"), "F7", controller.reveal_next),
        ):
            action = QAction(text, window)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions.append(action)

        host.event_opened.connect(self._opened)
        host.event_closed.connect(self._closed)
        for a in self.actions:
            a.setEnabled(False)

    def _make_room(self) -> None:
        self.dock.raise_()
        self.host.make_room(self.dock)

    def _toggle_projector(self, on: bool) -> None:
        if on and not self.controller.is_open():
            self.controller.open_window()
            self.dock.show()
            self._make_room()
        elif not on and self.controller.is_open():
            self.controller.close_window()

    def present(self) -> None:
        """ "Tampilkan di proyektor": who is presenting now, on the projector, opened if need be."""
        self.controller.set_mode(PRESENTING)
        if not self.controller.is_open():
            self.open_action.setChecked(True)

    def _follow_window(self) -> None:
        if self.open_action.isChecked() != self.controller.is_open():
            self.open_action.setChecked(self.controller.is_open())

    def _opened(self, context: EventContext) -> None:
        chair = self.host.mode != MODE_JUROR
        self.controller.set_context(context if chair else None)
        for a in self.actions:
            a.setEnabled(chair)
        self.menu.menuAction().setVisible(chair)
        if not chair:
            self.controller.close_window()
            self.dock.hide()

    def _closed(self) -> None:
        self.controller.close_window()
        self.controller.set_context(None)
        for a in self.actions:
            a.setEnabled(False)
