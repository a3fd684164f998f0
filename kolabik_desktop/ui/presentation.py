"""The presentation session: the finalists' schedule, the slot's parts, and the countdown.

The schedule is the entries admitted to a stage in an order the chair sets (drag to reorder),
kept in the event file's ``setting`` table as JSON keyed by stage. A slot is made of named parts
(``Stage.slot_parts``, e.g. video 3, presentation 7, questions 13 minutes). Both are read through
``core.store.queries.presentation`` and written by the setup services (audited, announced on the
change bus). The clock is injectable so that tests drive the countdown with a fake clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.scoring.model import EntrySpec, EventSpec
from kolabik_desktop.ui.host import MODE_CHAIR
from kolabik_desktop.ui.problems import error_text

if TYPE_CHECKING:
    from kolabik_desktop.core.scoring.engine import Scorer
    from kolabik_desktop.core.store.db import Change, EventDB
    from kolabik_desktop.core.store.queries.presentation import SlotPart
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.host import WindowHost

Clock = Callable[[], float]
AMBER_SECONDS = 60.0  # the countdown turns amber in the last minute of a part
TICK_MS = 200


translate = QCoreApplication.translate


def default_parts() -> list[SlotPart]:
    # KIPP 2022 practice with a video: 3 + 7 + 13 = 23 minutes (domain.md, presentation slots).
    from kolabik_desktop.core.store.queries.presentation import SlotPart

    return [
        SlotPart(translate("Presentation", "Video"), 3.0),
        SlotPart(translate("Presentation", "Presentation"), 7.0),
        SlotPart(translate("Presentation", "Questions"), 13.0),
    ]


# -- persistence: reads through the read layer, writes through the setup services ---------------


def load_slot_parts(db: EventDB, stage_code: str) -> list[SlotPart]:
    """The stage's saved slot parts, or the default parts when none are saved (or unreadable)."""
    from kolabik_desktop.core.store.queries.presentation import presentation_schedule

    return list(presentation_schedule(db, stage_code).parts) or default_parts()


def save_slot_parts(db: EventDB, stage_code: str, parts: Sequence[SlotPart]) -> None:
    """Raises ValidationError naming what is wrong (nothing is changed then)."""
    from kolabik_desktop.core.store.setup import set_slot_parts

    set_slot_parts(db, stage_code, [(p.name, p.minutes) for p in parts])


def load_order(db: EventDB, stage_code: str) -> list[int]:
    from kolabik_desktop.core.store.queries.presentation import presentation_schedule

    return list(presentation_schedule(db, stage_code).order)


def save_order(db: EventDB, stage_code: str, entry_ids: Sequence[int]) -> None:
    from kolabik_desktop.core.store.setup import set_presentation_order

    set_presentation_order(db, stage_code, entry_ids)


def resume_index(scorer: Scorer, stage_code: str, entries: Sequence[EntrySpec]) -> int:
    """Where a reopened session resumes: after the last finalist in schedule order that any
    juror has begun to score (jurors score as a finalist presents), as the engine reports it."""
    jurors = [j.id for j in scorer.event.jurors]
    begun = [
        i
        for i, entry in enumerate(entries)
        if any(
            scorer.juror_status(stage_code, j, entry.id) in ("partial", "complete") for j in jurors
        )
    ]
    if not begun:
        return 0
    return min(begun[-1] + 1, len(entries) - 1)


def finalists(
    event: EventSpec, stage_code: str, saved_order: Sequence[int] = ()
) -> list[EntrySpec]:
    """The stage's admitted entries: first in the saved order, then any others by code."""
    stage = next(s for s in event.stages if s.code == stage_code)
    admitted = [e for e in event.entries if stage.admitted is None or e.id in stage.admitted]
    by_id = {e.id: e for e in admitted}
    ordered = [by_id[i] for i in saved_order if i in by_id]
    seen = {e.id for e in ordered}
    ordered += sorted((e for e in admitted if e.id not in seen), key=lambda e: e.code)
    return ordered


def presentation_stage(event: EventSpec) -> str | None:
    """The stage a presentation session most likely runs: the latest one that admits a list."""
    stages = sorted(event.stages, key=lambda s: (s.position, s.id))
    for stage in reversed(stages):
        if stage.admitted is not None:
            return stage.code
    return stages[-1].code if stages else None


# -- the countdown --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimerState:
    running: bool
    started: bool  # any time has elapsed
    elapsed: float
    part_index: int  # the part now running (the last one once over time)
    part_remaining: float  # seconds left in that part (0 when over time)
    slot_remaining: float  # seconds left in the whole slot (negative when over time)
    overtime: float  # seconds past the slot's end
    colour: str  # "normal", "amber" (last minute of a part), "red" (over time)

    def countdown_text(self) -> str:
        if self.overtime > 0:
            return "+" + clock_text(self.overtime)
        return clock_text(self.part_remaining)


def clock_text(seconds: float) -> str:
    # Round up so that 0:00 appears only when the time is really gone.
    total = int(-(-max(seconds, 0.0) // 1))
    return f"{total // 60:02d}:{total % 60:02d}"


class SlotTimer:
    """A pausable countdown through the slot's parts, on an injectable monotonic clock."""

    def __init__(self, parts: Sequence[SlotPart], clock: Clock = time.monotonic) -> None:
        self.parts = list(parts)
        self.clock = clock
        self._banked = 0.0  # seconds elapsed before the current run
        self._since: float | None = None  # clock reading when the current run started

    @property
    def running(self) -> bool:
        return self._since is not None

    def start(self) -> None:
        if self._since is None:
            self._since = self.clock()

    def pause(self) -> None:
        if self._since is not None:
            self._banked += self.clock() - self._since
            self._since = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self, parts: Sequence[SlotPart] | None = None) -> None:
        if parts is not None:
            self.parts = list(parts)
        self._banked = 0.0
        self._since = None

    def elapsed(self) -> float:
        return self._banked + (self.clock() - self._since if self._since is not None else 0.0)

    def state(self) -> TimerState:
        elapsed = self.elapsed()
        bounds = []
        end = 0.0
        for part in self.parts:
            end += part.minutes * 60.0
            bounds.append(end)
        total = end
        index = next((i for i, b in enumerate(bounds) if elapsed < b), max(len(bounds) - 1, 0))
        part_remaining = max(bounds[index] - elapsed, 0.0) if bounds else 0.0
        overtime = max(elapsed - total, 0.0)
        if overtime > 0:
            colour = "red"
        elif part_remaining <= AMBER_SECONDS:
            colour = "amber"
        else:
            colour = "normal"
        return TimerState(
            running=self.running,
            started=elapsed > 0,
            elapsed=elapsed,
            part_index=index,
            part_remaining=part_remaining,
            slot_remaining=total - elapsed,
            overtime=overtime,
            colour=colour,
        )


# -- the session ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PresentingInfo:
    """What the projector shows while a finalist presents."""

    stage_name: str
    position: int  # 1-based place in the schedule
    count: int
    entry: EntrySpec | None
    next_entry: EntrySpec | None
    parts: tuple[SlotPart, ...]
    timer: TimerState


class PresentationSession(QObject):
    """The schedule of one stage, who is presenting now, and the running slot timer."""

    changed = Signal()  # schedule, current entry or timer state changed (and every tick)
    presenting_changed = Signal(object)  # entry id now presenting, or None

    def __init__(self, clock: Clock = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context: EventContext | None = None
        self.stage_code: str | None = None
        self.entries: list[EntrySpec] = []
        self.parts: list[SlotPart] = default_parts()
        self.index = 0
        # Opened before the scores were read (the program's start): where to resume is known
        # when they arrive, unless the chair has moved the session by then.
        self._resume_when_scored = False
        self.timer = SlotTimer(self.parts, clock)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.changed.emit)

    def set_context(self, context: EventContext | None) -> None:
        if self.context is not None:
            self.context.changed.disconnect(self._on_changed)
        self.context = context
        self.stage_code = None
        self.entries = []
        self.index = 0
        self.timer.reset()
        self._ticker.stop()
        if context is not None:
            context.changed.connect(self._on_changed)
            code = presentation_stage(context.event_spec)
            if code is not None:
                self.set_stage(code)
        self.changed.emit()

    def set_stage(self, stage_code: str) -> None:
        assert self.context is not None
        self.stage_code = stage_code
        db = self.context.db
        self.entries = finalists(self.context.event_spec, stage_code, load_order(db, stage_code))
        self.parts = load_slot_parts(db, stage_code)
        # Reopened mid-day (after a restart, or by another chair): the next finalist to present.
        self._resume_when_scored = not self.context.scores_loaded
        self.index = (
            0
            if self._resume_when_scored
            else resume_index(self.context.scorer, stage_code, self.entries)
        )
        self.timer.reset(self.parts)
        self._ticker.stop()
        self.changed.emit()

    def _on_changed(self, change: Change) -> None:
        # Admissions, entries, titles or the saved order (another chair's) may have moved; keep
        # the chair's place in the schedule.
        kinds = ("rubric", "entries", "event", "presentation", "all")
        if change.kind in kinds and self.stage_code is not None:
            current = self.current_entry()
            assert self.context is not None
            event = self.context.event_spec
            if not any(s.code == self.stage_code for s in event.stages):
                self.set_context(self.context)
                return
            self.entries = finalists(
                event, self.stage_code, load_order(self.context.db, self.stage_code)
            )
            if change.kind == "all" and self._resume_when_scored:
                self._resume_when_scored = False  # the scores are in: resume where scoring is
                self.index = resume_index(self.context.scorer, self.stage_code, self.entries)
            elif current is not None:
                self.index = next((i for i, e in enumerate(self.entries) if e.id == current.id), 0)
            self.changed.emit()

    # -- the schedule --------------------------------------------------------------------------

    def set_order(self, entry_ids: Sequence[int]) -> None:
        assert self.context is not None and self.stage_code is not None
        current = self.current_entry()
        by_id = {e.id: e for e in self.entries}
        placed = set(entry_ids)
        entries = [by_id[i] for i in entry_ids if i in by_id] + [
            e for e in self.entries if e.id not in placed
        ]
        # Saved first: a refused write leaves the session as it was.
        save_order(self.context.db, self.stage_code, [e.id for e in entries])
        self.entries = entries
        if current is not None:
            self.index = next(i for i, e in enumerate(self.entries) if e.id == current.id)
        self.changed.emit()

    def set_parts(self, parts: Sequence[SlotPart]) -> None:
        assert self.context is not None and self.stage_code is not None
        save_slot_parts(self.context.db, self.stage_code, parts)
        self.parts = list(parts)
        self.timer.parts = list(parts)
        self.changed.emit()

    def current_entry(self) -> EntrySpec | None:
        return self.entries[self.index] if 0 <= self.index < len(self.entries) else None

    def go_to(self, index: int) -> None:
        if not self.entries:
            return
        index = max(0, min(index, len(self.entries) - 1))
        self._resume_when_scored = False  # the chair chose: the scores' arrival keeps it
        if index == self.index and self.timer.elapsed() == 0:
            self.presenting_changed.emit(self.entries[index].id)
            return
        self.index = index
        self.timer.reset()
        self._ticker.stop()
        self.presenting_changed.emit(self.entries[index].id)
        self.changed.emit()

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    # -- the clock -----------------------------------------------------------------------------

    def start_pause(self) -> None:
        if not self.entries:
            return
        if not self.timer.running and not self.timer.state().started:
            self.presenting_changed.emit(self.entries[self.index].id)
        self.timer.toggle()
        self._ticker.start() if self.timer.running else self._ticker.stop()
        self.changed.emit()

    def reset_timer(self) -> None:
        self.timer.reset()
        self._ticker.stop()
        self.changed.emit()

    def info(self) -> PresentingInfo:
        stage_name = ""
        if self.context is not None and self.stage_code is not None:
            stage = next(
                (s for s in self.context.event_spec.stages if s.code == self.stage_code), None
            )
            stage_name = stage.name if stage is not None else self.stage_code
        nxt = self.index + 1
        return PresentingInfo(
            stage_name=stage_name,
            position=self.index + 1,
            count=len(self.entries),
            entry=self.current_entry(),
            next_entry=self.entries[nxt] if nxt < len(self.entries) else None,
            parts=tuple(self.parts),
            timer=self.timer.state(),
        )


# -- the chair's panel ----------------------------------------------------------------------------


class PresentationPanel(QWidget):
    """Stage, schedule (drag to reorder), slot parts, and the now-presenting controls."""

    def __init__(
        self,
        session: PresentationSession,
        show_on_projector: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._show_on_projector = show_on_projector

        self.stage_box = QComboBox()
        self.schedule = QListWidget()
        self.schedule.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.schedule.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.schedule.setToolTip(self.tr("Drag to change the order; double-click to present now"))

        self.parts_table = QTableWidget(0, 2)
        self.parts_table.setHorizontalHeaderLabels([self.tr("Part"), self.tr("Minutes")])
        self.parts_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.parts_table.verticalHeader().setVisible(False)
        add_part = QPushButton(self.tr("Add part"))
        remove_part = QPushButton(self.tr("Remove part"))
        save_parts = QPushButton(self.tr("Save slot"))
        parts_buttons = QHBoxLayout()
        for b in (add_part, remove_part, save_parts):
            parts_buttons.addWidget(b)

        self.now_label = QLabel()
        self.now_label.setWordWrap(True)
        self.clock_label = QLabel()
        big = QFont(self.clock_label.font())
        big.setPointSize(28)
        big.setBold(True)
        self.clock_label.setFont(big)
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.start_button = QPushButton()
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.reset_button = QPushButton(self.tr("Restart clock"))
        self.project_button = QPushButton(self.tr("Show on projector"))
        controls = QHBoxLayout()
        for b in (self.previous_button, self.start_button, self.next_button):
            controls.addWidget(b)
        more = QHBoxLayout()
        more.addWidget(self.reset_button)
        more.addWidget(self.project_button)

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Stage:")))
        row.addWidget(self.stage_box, 1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Schedule of finalists")))
        layout.addWidget(self.schedule, 3)
        layout.addWidget(QLabel(self.tr("Slot")))
        layout.addWidget(self.parts_table, 1)
        layout.addLayout(parts_buttons)
        layout.addWidget(self.now_label)
        layout.addWidget(self.clock_label)
        layout.addLayout(controls)
        layout.addLayout(more)

        self.stage_box.currentIndexChanged.connect(self._stage_chosen)
        self.schedule.model().rowsMoved.connect(self._order_dragged)
        self.schedule.itemDoubleClicked.connect(lambda item: session.go_to(self.schedule.row(item)))
        add_part.clicked.connect(self._add_part)
        remove_part.clicked.connect(self._remove_part)
        save_parts.clicked.connect(self.save_parts)
        self.previous_button.clicked.connect(session.previous)
        self.next_button.clicked.connect(session.next)
        self.start_button.clicked.connect(session.start_pause)
        self.reset_button.clicked.connect(session.reset_timer)
        self.project_button.clicked.connect(self._project)
        self.project_button.setVisible(show_on_projector is not None)
        session.changed.connect(self._refresh)
        self._shown_stage: str | None = None
        self._shown_ids: list[int] = []
        self._refresh()

    def _project(self) -> None:
        if self._show_on_projector is not None:
            self._show_on_projector()

    def _refresh(self) -> None:
        s = self.session
        if s.context is None:
            self.stage_box.blockSignals(True)
            self.stage_box.clear()
            self.stage_box.blockSignals(False)
            self.schedule.clear()
            self._shown_stage, self._shown_ids = None, []
        else:
            self._fill_stages()
            ids = [e.id for e in s.entries]
            if ids != self._shown_ids or s.stage_code != self._shown_stage:
                self._fill_schedule()
                self._fill_parts()
        for i in range(self.schedule.count()):
            item = self.schedule.item(i)
            font = item.font()
            font.setBold(i == s.index)
            item.setFont(font)
        info = s.info()
        t = info.timer
        if info.entry is None:
            self.now_label.setText(self.tr("No finalists in this stage."))
        else:
            self.now_label.setText(
                self.tr("Now presenting (%1 of %2): %3")
                .replace("%1", str(info.position))
                .replace("%2", str(info.count))
                .replace("%3", f"{info.entry.code} — {info.entry.title}")
            )
        part = info.parts[t.part_index].name if info.parts else ""
        self.clock_label.setText(f"{part}  {t.countdown_text()}")
        colour = {"amber": "#b36b00", "red": "#c62828"}.get(t.colour, "")
        self.clock_label.setStyleSheet(f"color: {colour};" if colour else "")
        self.start_button.setText(self.tr("Pause") if t.running else self.tr("Start"))

    def _fill_stages(self) -> None:
        assert self.session.context is not None
        stages = sorted(self.session.context.event_spec.stages, key=lambda s: (s.position, s.id))
        codes = [self.stage_box.itemData(i) for i in range(self.stage_box.count())]
        self.stage_box.blockSignals(True)
        if codes != [st.code for st in stages]:
            self.stage_box.clear()
            for st in stages:
                self.stage_box.addItem(f"{st.code} — {st.name}", st.code)
        self.stage_box.setCurrentIndex(max(0, self.stage_box.findData(self.session.stage_code)))
        self.stage_box.blockSignals(False)

    def _fill_schedule(self) -> None:
        s = self.session
        self.schedule.clear()
        for n, e in enumerate(s.entries, start=1):
            item = QListWidgetItem(f"{n}. {e.code} — {e.title} ({e.unit})")
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.schedule.addItem(item)
        self._shown_ids = [e.id for e in s.entries]
        self._shown_stage = s.stage_code

    def _fill_parts(self) -> None:
        parts = self.session.parts
        self.parts_table.setRowCount(len(parts))
        for i, p in enumerate(parts):
            self.parts_table.setItem(i, 0, QTableWidgetItem(p.name))
            spin = QDoubleSpinBox()
            spin.setRange(0.5, 240)
            spin.setDecimals(1)
            spin.setSingleStep(1)
            spin.setValue(p.minutes)
            self.parts_table.setCellWidget(i, 1, spin)

    def _stage_chosen(self) -> None:
        code = self.stage_box.currentData()
        if code and code != self.session.stage_code:
            self.session.set_stage(code)

    def _order_dragged(self, *_: object) -> None:
        ids = [
            self.schedule.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.schedule.count())
        ]
        try:
            self.session.set_order(ids)
        except KolabikError as exc:
            QMessageBox.warning(self, self.tr("Order not saved"), error_text(exc))
            self._fill_schedule()  # back to the order that is saved
            self._refresh()
            return
        self._shown_ids = ids
        # Renumber the labels after the move (the order is what the numbers say).
        for n, e in enumerate(self.session.entries, start=1):
            self.schedule.item(n - 1).setText(f"{n}. {e.code} — {e.title} ({e.unit})")

    def _add_part(self) -> None:
        row = self.parts_table.rowCount()
        self.parts_table.setRowCount(row + 1)
        self.parts_table.setItem(row, 0, QTableWidgetItem(self.tr("New part")))
        spin = QDoubleSpinBox()
        spin.setRange(0.5, 240)
        spin.setDecimals(1)
        spin.setValue(5)
        self.parts_table.setCellWidget(row, 1, spin)

    def _remove_part(self) -> None:
        row = self.parts_table.currentRow()
        if row >= 0 and self.parts_table.rowCount() > 1:
            self.parts_table.removeRow(row)

    def edited_parts(self) -> list[SlotPart]:
        """The parts as typed in the table; core's slot rule checks them when they are saved."""
        from kolabik_desktop.core.store.queries.presentation import SlotPart

        parts = []
        for i in range(self.parts_table.rowCount()):
            item = self.parts_table.item(i, 0)
            spin = self.parts_table.cellWidget(i, 1)
            name = item.text().strip() if item is not None else ""
            parts.append(SlotPart(name, float(spin.value())))  # type: ignore[attr-defined]
        return parts

    def save_parts(self) -> None:
        if self.session.context is None or self.session.stage_code is None:
            return
        try:
            self.session.set_parts(self.edited_parts())
        except KolabikError as exc:
            QMessageBox.warning(self, self.tr("Slot not saved"), error_text(exc))


class PresentationFeature:
    """View › Presentation: the session dock and its keys (F8, Ctrl+Shift+Left/Right); the
    scoring form follows the entry now presenting. Chair mode only (not a kit, not read-only).

    ``on_show_on_projector(handler)`` gives the panel's "Show on the projector" button its
    action (the projector feature registers it).
    """

    def __init__(self, host: WindowHost) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        self.host = host
        window = host.widget
        self._show_handlers: list[Callable[[], None]] = []
        self.session = session = PresentationSession(parent=window)
        dock = QDockWidget(window)
        dock.setObjectName("presentation_dock")
        dock.setWindowTitle(translate("Presentation", "Presentation session"))
        self.panel = PresentationPanel(session, self._show_on_projector, dock)
        dock.setWidget(self.panel)
        host.add_dock(dock, Qt.DockWidgetArea.LeftDockWidgetArea)
        dock.hide()
        self.dock = dock
        toggle = dock.toggleViewAction()
        toggle.setText(translate("Presentation", "&Presentation session"))
        toggle.setShortcut(QKeySequence("Ctrl+Shift+P"))
        toggle.triggered.connect(lambda on: host.make_room(dock) if on else None)
        self.menu = menu = host.add_menu("view", translate("Presentation", "Presentation"))
        menu.addAction(toggle)
        self.actions: list[QAction] = [toggle]
        for text, keys, slot in (
            (translate("Presentation", "Start / pause the clock"), "F8", session.start_pause),
            (translate("Presentation", "Next finalist"), "Ctrl+Shift+Right", session.next),
            (translate("Presentation", "Previous finalist"), "Ctrl+Shift+Left", session.previous),
        ):
            action = QAction(text, window)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions.append(action)

        session.presenting_changed.connect(self._follow)
        host.event_opened.connect(self._opened)
        host.event_closed.connect(self._closed)
        for a in self.actions:
            a.setEnabled(False)

    def on_show_on_projector(self, handler: Callable[[], None]) -> None:
        self._show_handlers.append(handler)

    def _show_on_projector(self) -> None:
        for handler in self._show_handlers:
            handler()

    def _follow(self, entry_id: object) -> None:
        if not isinstance(entry_id, int):
            return
        # The sheet to type is the presentation stage's (paper sheets from the hall).
        context = self.host.context
        if context is not None:
            stage = next(
                (st for st in context.event_spec.stages if st.code == self.session.stage_code),
                None,
            )
            if stage is not None and stage.id != self.host.stage_id:
                self.host.set_stage(stage.id)
        self.host.show_entry(entry_id)

    def _opened(self, context: EventContext) -> None:
        chair = self.host.mode == MODE_CHAIR  # not a kit, not read-only
        self.session.set_context(context if chair else None)
        for a in self.actions:
            a.setEnabled(chair)
        self.menu.menuAction().setVisible(chair)
        if not chair:
            self.dock.hide()

    def _closed(self) -> None:
        self.session.set_context(None)
        for a in self.actions:
            a.setEnabled(False)
