"""The scoring form: one juror's sheet for one entry in one stage, saved as it is typed.

One row per criterion (name, weight, description, level descriptors, a value field that takes only
in-range, on-step values and says why otherwise, and a note), then the overall comment and the
live weighted total from the scoring engine. Every change is committed through the core services
(typing debounced, at most ``DEBOUNCE_MS``) via the undo stack; there is no Save button.
The criterion rows are built once per stage and refilled per entry, so moving on is cheap.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.store.db import Change, EventDB
from kolabik_desktop.core.store.queries import scores, stages
from kolabik_desktop.core.store.spec_values import parse_decimal
from kolabik_desktop.ui import i18n
from kolabik_desktop.ui.browser import COMPLETE, NOT_ASSIGNED, NOT_STARTED, PARTIAL, RECUSED
from kolabik_desktop.ui.problems import problem_text
from kolabik_desktop.ui.undo import CellState, SheetUndo

if TYPE_CHECKING:
    from kolabik_desktop.ui.context import EventContext

DEBOUNCE_MS = 400


def parse_typed_number(text: str) -> Decimal | None:
    """A number exactly as a juror typed it (comma or dot decimal), or None when it is not one.

    The core rule's strict parse (rules.parse_value): "8o", "7a5", "1e2" are not numbers and
    nothing is ever stripped or guessed; an empty field is None too.
    """
    parsed = rules.parse_value(text)
    return None if isinstance(parsed, rules.Problem) else parsed


@dataclass(frozen=True)
class CriterionInfo:
    id: int
    code: str
    name: str
    description: str
    weight: Decimal
    min_value: Decimal
    max_value: Decimal
    step: Decimal
    descriptors: tuple[tuple[str, str], ...]  # (value as typed, what it means)


@dataclass(frozen=True)
class Sheet:
    cells: dict[int, CellState]  # criterion id -> stored value and note
    comment: str


def load_criteria(db: EventDB, stage_id: int) -> list[CriterionInfo]:
    return [
        CriterionInfo(
            id=c.id,
            code=c.code,
            name=c.name,
            description=c.description,
            weight=c.weight,
            min_value=c.min_value,
            max_value=c.max_value,
            step=c.step,
            descriptors=_parse_descriptors(c.descriptors),
        )
        for c in stages.criteria(db, stage_id)
    ]


def _parse_descriptors(text: str) -> tuple[tuple[str, str], ...]:
    """Level descriptors from JSON ``[{"value": 60, "text": "..."}]``; bad JSON shows none."""
    if not text:
        return ()
    try:
        items = json.loads(text)
    except ValueError:
        return ()
    out = []
    for item in items if isinstance(items, list) else ():
        if isinstance(item, dict) and "text" in item:
            value = parse_decimal(item.get("value"))
            out.append((i18n.format_decimal(value) if value is not None else "", str(item["text"])))
    return tuple(out)


def load_sheet(db: EventDB, juror_id: int, entry_id: int, stage_id: int) -> Sheet:
    stored = scores.score_sheet(db, juror_id, entry_id, stage_id)
    return Sheet({c.criterion_id: CellState(c.value, c.note) for c in stored.cells}, stored.comment)


def is_undo_key(event: QEvent) -> bool:
    """Ctrl+Z and friends: the window's undo of committed edits, not a text field's own."""
    if event.type() != QEvent.Type.ShortcutOverride:
        return False
    assert isinstance(event, QKeyEvent)
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    return event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier


class WindowUndoMixin:
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the window's undo stack from inside a text field."""

    def event(self, event: QEvent) -> bool:
        if is_undo_key(event):
            event.ignore()
            return True
        return super().event(event)  # type: ignore[misc]


class ScoreEdit(WindowUndoMixin, QLineEdit):
    """A value field; Up/Down step, PgUp/PgDn ten steps.

    No validator: a validator drops a refused keystroke silently, so "8o" became 8 and "7a5" 75.
    Every keystroke stays visible; the row refuses what is not a number, with a message.
    """

    advance = Signal()  # Enter: go to the next criterion
    stepped = Signal()

    def __init__(self, info: CriterionInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.info = info
        self.setMaxLength(16)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setFixedWidth(72)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.advance.emit()
            return
        steps = {
            Qt.Key.Key_Up: 1,
            Qt.Key.Key_Down: -1,
            Qt.Key.Key_PageUp: 10,
            Qt.Key.Key_PageDown: -10,
        }.get(Qt.Key(key))
        if plain and steps is not None and not self.isReadOnly():
            self.step_by(steps)
            return
        super().keyPressEvent(event)

    def step_by(self, steps: int) -> None:
        info = self.info
        step = info.step if info.step > 0 else Decimal(1)
        current = parse_typed_number(self.text())
        if current is None:
            new = info.min_value if steps > 0 else info.max_value
        else:
            # Snap to the grid first, so 87.3 with step 1 goes up to 88 and down to 87.
            position = (current - info.min_value) / step
            base = math.floor(position) if steps > 0 else math.ceil(position)
            new = info.min_value + (base + steps) * step
        new = min(max(new, info.min_value), info.max_value)
        self.setText(i18n.format_decimal(new))
        self.stepped.emit()


class NoteEdit(WindowUndoMixin, QLineEdit):
    advance = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not (event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.advance.emit()
            return
        super().keyPressEvent(event)


class CriterionRow(QFrame):
    """One criterion: what it is, the value, the note, and why a value is refused."""

    def __init__(self, info: CriterionInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.info = info
        self.stored = CellState(None, "")
        self.value_dirty = False
        self.note_dirty = False
        self.setObjectName("criterionRow")

        name = QLabel(f"<b>{escape(info.name, quote=False)}</b>", self)
        name.setWordWrap(True)
        name.setTextFormat(Qt.TextFormat.RichText)
        weight = QLabel(
            self.tr("Weight {0}%").format(i18n.format_decimal(info.weight))
            if info.weight
            else self.tr("Not weighted"),
            self,
        )
        weight.setObjectName("weight")
        self.value = ScoreEdit(info, self)
        self.value.setToolTip(
            self.tr("{0} to {1}, step {2}. Up/Down arrows change it.").format(
                i18n.format_decimal(info.min_value),
                i18n.format_decimal(info.max_value),
                i18n.format_decimal(info.step),
            )
        )
        self.value.setPlaceholderText(
            f"{i18n.format_decimal(info.min_value)}–{i18n.format_decimal(info.max_value)}"
        )
        self.minus = QToolButton(self)
        self.minus.setText("−")
        self.plus = QToolButton(self)
        self.plus.setText("+")
        for button in (self.minus, self.plus):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRaise(True)
        self.minus.setToolTip(self.tr("Lower by one step"))
        self.plus.setToolTip(self.tr("Raise by one step"))
        self.minus.clicked.connect(lambda: self.value.step_by(-1))
        self.plus.clicked.connect(lambda: self.value.step_by(1))

        self.note = NoteEdit(self)
        self.note.setPlaceholderText(self.tr("Note / advice (catatan/saran)"))
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        value_box = QHBoxLayout()
        value_box.setSpacing(0)
        value_box.addWidget(self.minus)
        value_box.addWidget(self.value)
        value_box.addWidget(self.plus)

        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 8, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        # Name and weight on the left, the value on the right: narrow panes stay readable.
        grid.addWidget(name, 0, 0)
        grid.addWidget(weight, 1, 0)
        grid.addLayout(value_box, 0, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
        row = 2
        if info.description:
            desc = QLabel(info.description, self)
            desc.setObjectName("description")
            desc.setWordWrap(True)
            grid.addWidget(desc, row, 0, 1, 2)
            row += 1
        if info.descriptors:
            levels = QLabel(
                "<br>".join(
                    f"<b>{escape(v, quote=False)}</b> — {escape(t, quote=False)}"
                    for v, t in info.descriptors
                ),
                self,
            )
            levels.setObjectName("descriptors")
            levels.setTextFormat(Qt.TextFormat.RichText)
            levels.setWordWrap(True)
            grid.addWidget(levels, row, 0, 1, 2)
            row += 1
        grid.addWidget(self.note, row, 0, 1, 2)
        grid.addWidget(self.problem, row + 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)

    def show_stored(self, state: CellState, *, force: bool = False) -> None:
        """Show the stored cell, except a field the juror is still typing in (unless forced)."""
        self.stored = state
        if force or not self.value_dirty:
            self.value.setText(i18n.format_decimal(state.value))
            self.value_dirty = False
            self.set_problem(None)
        if force or not self.note_dirty:
            self.note.setText(state.note)
            self.note_dirty = False

    def parsed_value(self) -> tuple[Decimal | None, str | None]:
        """The typed value and, when it cannot be saved, why (translated)."""
        text = self.value.text().strip()
        if not text:
            return None, None
        # The rules' own parsing and range/step check, in the window's words (ui/problems.py).
        parsed = rules.parse_value(text)
        if isinstance(parsed, rules.Problem) or parsed is None:
            return None, self.tr(
                "“{0}” is not a number: not saved, the stored value stays."
            ).format(text)
        info = self.info
        found = rules.value_problem(parsed, info.min_value, info.max_value, info.step)
        if found is not None:
            return None, self.tr("{0}; not saved.").format(problem_text(found, with_place=False))
        return parsed, None

    def set_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
        self.value.setProperty("invalid", bool(text))
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)

    def set_read_only(self, read_only: bool) -> None:
        self.value.setReadOnly(read_only)
        self.note.setReadOnly(read_only)
        self.minus.setEnabled(not read_only)
        self.plus.setEnabled(not read_only)


class CommentEdit(WindowUndoMixin, QPlainTextEdit):
    left = Signal()  # focus left the field: commit now

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class ScoringForm(QWidget):
    """The sheet of (juror, stage, entry). Set with ``show_sheet``; flushes pending edits itself."""

    problem = Signal(str)  # a message for the status bar
    finished_last_field = Signal()  # Enter on the last criterion: the juror may move on

    def __init__(self, undo: SheetUndo, parent: QWidget | None = None):
        super().__init__(parent)
        self.undo = undo
        self.context: EventContext | None = None
        self.juror_id: int | None = None
        self.stage_id: int | None = None
        self.stage_code: str = ""
        self.entry_id: int | None = None
        self.read_only = True
        self.rows: list[CriterionRow] = []
        self._comment_stored = ""
        self._comment_dirty = False
        self._loading = False
        self._own_write = False  # inside this form's own write (its change needs no re-read)
        self._submitted = False

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)

        self.heading = QLabel(self)
        self.heading.setObjectName("formHeading")
        self.heading.setWordWrap(True)
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self._rows_host = QWidget(self)
        self._rows_layout = QVBoxLayout(self._rows_host)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(6)

        self.comment_label = QLabel(self.tr("Overall comment"), self)
        self.comment_label.setObjectName("sectionLabel")
        self.comment = CommentEdit(self)
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("Your overall comment on this entry"))
        self.comment.setFixedHeight(72)
        self.comment.textChanged.connect(self._comment_edited)
        self.comment.left.connect(self._commit_comment_now)
        self.comment_label.setBuddy(self.comment)

        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 6, 0)
        inner_layout.setSpacing(8)
        inner_layout.addWidget(self._rows_host)
        inner_layout.addWidget(self.comment_label)
        inner_layout.addWidget(self.comment)
        inner_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(inner)

        self.total_caption = QLabel(self.tr("Weighted total"), self)
        self.total_caption.setObjectName("totalCaption")
        self.total = QLabel("—", self)
        self.total.setObjectName("total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status = QLabel(self)
        self.status.setObjectName("sheetStatus")
        total_bar = QHBoxLayout()
        total_bar.addWidget(self.status, 1)
        total_bar.addWidget(self.total_caption)
        total_bar.addWidget(self.total)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(total_bar)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._show_nothing(self.tr("Choose an entry to score."))

    # -- what is shown -----------------------------------------------------------------------

    def set_context(self, context: EventContext | None) -> None:
        self.flush()
        if self.context is not None:
            self.context.changed.disconnect(self._on_change)
        self.context = context
        self.stage_id = self.entry_id = self.juror_id = None
        self._build_rows([])
        if context is not None:
            context.changed.connect(self._on_change)  # type: ignore[attr-defined]
        self._show_nothing(self.tr("Choose an entry to score."))

    def show_sheet(
        self,
        juror_id: int | None,
        stage_id: int | None,
        entry_id: int | None,
        *,
        submitted: bool = False,
    ) -> None:
        self.flush()
        ctx = self.context
        if ctx is None:
            self._show_nothing(self.tr("Open an event file to begin."))
            return
        if stage_id is None:
            self._show_nothing(
                self.tr("This event has no stages yet: the chair adds them in Setup.")
            )
            return
        if stage_id != self.stage_id:
            self.stage_id = stage_id
            self.stage_code = next((s.code for s in ctx.event_spec.stages if s.id == stage_id), "")
            self._build_rows(load_criteria(ctx.db, stage_id))
        self.juror_id, self.entry_id = juror_id, entry_id
        if juror_id is None:
            self._show_nothing(self.tr("Choose whom you score as (Tools > Score as)."))
            return
        if entry_id is None:
            self._show_nothing(self.tr("Choose an entry to score."))
            return
        self._submitted = submitted
        self._scroll_to_top()
        self._reload(force=True)

    def _show_nothing(self, message: str) -> None:
        self.entry_id = None
        self.heading.setText(message)
        self.banner.hide()
        self._rows_host.setVisible(False)
        self.comment_label.setVisible(False)
        self.comment.setVisible(False)
        self.total.setText("—")
        self.status.setText("")
        self.read_only = True

    def _build_rows(self, criteria: list[CriterionInfo]) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        previous: QWidget | None = None
        for info in criteria:
            row = CriterionRow(info, self._rows_host)
            self._rows_layout.addWidget(row)
            row.value.textEdited.connect(lambda _t, r=row: self._value_edited(r))
            row.value.stepped.connect(lambda r=row: self._value_edited(r, at_once=True))
            row.value.editingFinished.connect(lambda r=row: self._commit_row(r))
            row.note.textEdited.connect(lambda _t, r=row: self._note_edited(r))
            row.note.editingFinished.connect(lambda r=row: self._commit_row(r))
            row.value.advance.connect(lambda r=row: self._advance_from(r))
            row.note.advance.connect(lambda r=row: self._advance_from(r))
            row.value.installEventFilter(self)
            if previous is not None:
                QWidget.setTabOrder(previous, row.value)
            QWidget.setTabOrder(row.value, row.note)
            previous = row.note
            self.rows.append(row)
        if previous is not None:
            QWidget.setTabOrder(previous, self.comment)

    def _reload(self, *, force: bool) -> None:
        ctx = self.context
        if ctx is None or self.entry_id is None or self.juror_id is None:
            return
        sheet = load_sheet(ctx.db, self.juror_id, self.entry_id, self.stage_id)  # type: ignore[arg-type]
        self._loading = True
        try:
            for row in self.rows:
                row.show_stored(sheet.cells.get(row.info.id, CellState(None, "")), force=force)
            self._comment_stored = sheet.comment
            if force or not self._comment_dirty:
                if self.comment.toPlainText() != sheet.comment:
                    self.comment.setPlainText(sheet.comment)
                self._comment_dirty = False
        finally:
            self._loading = False
        self._rows_host.setVisible(True)
        self.comment_label.setVisible(True)
        self.comment.setVisible(True)
        self._refresh_state()

    def _refresh_state(self) -> None:
        """Heading, read-only banner, status and total: all from the engine."""
        ctx = self.context
        if ctx is None or self.entry_id is None or self.juror_id is None:
            return
        scorer = ctx.scorer
        entry = next((e for e in scorer.event.entries if e.id == self.entry_id), None)
        self.heading.setText(
            f"<b>{escape(entry.code, quote=False)}</b> · {escape(entry.title, quote=False)}"
            if entry is not None
            else ""
        )
        status = scorer.juror_status(self.stage_code, self.juror_id, self.entry_id)
        reason = None
        if status == RECUSED:
            reason = self.tr("You are recused from this entry (conflict of interest): not scored.")
        elif status == NOT_ASSIGNED:
            reason = self.tr("You are not assigned to this entry in this stage.")
        elif status not in (NOT_STARTED, PARTIAL, COMPLETE):
            reason = self.tr("This entry is not admitted to this stage.")
        elif self._submitted:
            reason = self.tr("Your scores for this stage are submitted: read-only.")
        if ctx.db.read_only:
            reason = self.tr("The event is open read-only: nothing can be changed here.")
        self.read_only = reason is not None
        self.banner.setText(reason or "")
        self.banner.setVisible(reason is not None)
        for row in self.rows:
            row.set_read_only(self.read_only)
        self.comment.setReadOnly(self.read_only)
        precision = scorer.event.precision
        total = scorer.juror_total(self.stage_code, self.juror_id, self.entry_id)
        self.total.setText(i18n.format_score_text(total, precision) if total is not None else "—")
        self.status.setText(
            {
                NOT_STARTED: self.tr("Not started"),
                PARTIAL: self.tr("Incomplete: every weighted criterion needs a value"),
                COMPLETE: self.tr("Complete"),
            }.get(status, "")
        )

    def set_submitted(self, submitted: bool) -> None:
        self._submitted = submitted
        self._refresh_state()

    def focus_first(self) -> None:
        if self.rows and not self.read_only:
            self.rows[0].value.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.rows[0].value.selectAll()

    def _scroll_to_top(self) -> None:
        self.scroll_area.verticalScrollBar().setValue(0)

    # -- editing -----------------------------------------------------------------------------

    def _value_edited(self, row: CriterionRow, at_once: bool = False) -> None:
        if self._loading or self.read_only:
            return
        row.value_dirty = True
        _value, problem = row.parsed_value()
        row.set_problem(problem)
        if at_once:
            self._commit_row(row)
        else:
            self._timer.start()

    def _note_edited(self, row: CriterionRow) -> None:
        if self._loading or self.read_only:
            return
        row.note_dirty = True
        self._timer.start()

    def _comment_edited(self) -> None:
        if self._loading or self.read_only:
            return
        self._comment_dirty = self.comment.toPlainText() != self._comment_stored
        if self._comment_dirty:
            self._timer.start()

    def _advance_from(self, row: CriterionRow) -> None:
        self._commit_row(row)
        if row.problem.isVisible() and not self.read_only:
            # A refused value stays in front of the juror to fix, not behind them.
            row.value.setFocus(Qt.FocusReason.OtherFocusReason)
            row.value.selectAll()
            return
        i = self.rows.index(row)
        if i + 1 < len(self.rows):
            nxt = self.rows[i + 1].value
            nxt.setFocus(Qt.FocusReason.TabFocusReason)
            nxt.selectAll()
            self.scroll_area.ensureWidgetVisible(self.rows[i + 1])
        else:
            self.comment.setFocus(Qt.FocusReason.TabFocusReason)
            self.scroll_area.ensureWidgetVisible(self.comment)
            self.finished_last_field.emit()

    def flush(self) -> None:
        """Commit every pending edit now (before moving on, closing, or on the debounce)."""
        self._timer.stop()
        for row in self.rows:
            if row.value_dirty or row.note_dirty:
                self._commit_row(row)
        self._commit_comment_now()

    def _commit_row(self, row: CriterionRow) -> None:
        if self.read_only or self.juror_id is None or self.entry_id is None:
            return
        if not (row.value_dirty or row.note_dirty):
            return
        value, problem = row.parsed_value()
        if problem:
            row.set_problem(problem)
            value = row.stored.value  # the refused value is not saved; a note still is
            if not row.note_dirty:
                return
        note = row.note.text()
        new = CellState(value, note)
        row.value_dirty = bool(problem)
        row.note_dirty = False
        if new == row.stored:
            return
        self._own_write = True
        try:
            ok = self.undo.edit_score(
                juror_id=self.juror_id,
                entry_id=self.entry_id,
                criterion_id=row.info.id,
                label=row.info.name,
                old=row.stored,
                new=new,
            )
        finally:
            self._own_write = False
        if ok:
            row.show_stored(new)  # as stored: "85,0" reads 85
        else:
            row.show_stored(row.stored, force=True)

    def _commit_comment_now(self) -> None:
        if not self._comment_dirty or self.read_only:
            return
        if self.juror_id is None or self.entry_id is None or self.stage_id is None:
            return
        text = self.comment.toPlainText()
        self._comment_dirty = False
        if self.undo.edit_comment(
            juror_id=self.juror_id,
            entry_id=self.entry_id,
            stage_id=self.stage_id,
            old=self._comment_stored,
            new=text,
        ):
            self._comment_stored = text

    def has_pending(self) -> bool:
        return self._comment_dirty or any(r.value_dirty or r.note_dirty for r in self.rows)

    # -- changes from anywhere (this form, an undo, an import) --------------------------------

    def _on_change(self, change: Change) -> None:
        if self.entry_id is None:
            return
        if change.kind in ("rubric", "all"):
            stage, juror, entry = self.stage_id, self.juror_id, self.entry_id
            self.stage_id = None  # rebuild the rows: criteria may have changed
            self.show_sheet(juror, stage, entry, submitted=self._submitted)
            return
        if change.entry_ids and self.entry_id not in change.entry_ids:
            return
        if self._own_write and change.kind == "scores":
            # This form's own edit: its row already holds what was stored; only the engine's
            # total and status move (re-reading the sheet would cost a query per keystroke).
            self._refresh_state()
            return
        self._reload(force=False)

    def focus_criterion(self, criterion_id: int | None) -> None:
        for row in self.rows:
            if row.info.id == criterion_id:
                row.value.setFocus(Qt.FocusReason.OtherFocusReason)
                self.scroll_area.ensureWidgetVisible(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keep the focused field in view when Tab moves through a long rubric.
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self.scroll_area.ensureWidgetVisible(watched.parentWidget() or watched, 0, 40)
        return super().eventFilter(watched, event)
