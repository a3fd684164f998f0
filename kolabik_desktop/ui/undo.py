"""Undoable edits of a juror's sheet: one QUndoCommand per committed change, across entries.

Each command writes through the core services (validated, audited, committed at once) both ways.
A command the file refuses (e.g. the stage was submitted since) is marked obsolete, so the stack
drops it instead of pretending it happened; ``failed`` tells the window why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from kolabik_desktop.core.errors import KolabikError, PanelWriteRefused
from kolabik_desktop.core.store.db import EventDB, utc_now
from kolabik_desktop.ui.problems import error_text


@dataclass(frozen=True)
class CellState:
    value: Decimal | None
    note: str


class SheetUndo(QObject):
    """The window's undo stack plus what an undo/redo needs: the file and where to show it."""

    applied = Signal(int, str)  # entry id, stored time (after any successful write)
    failed = Signal(str)  # a message for the user

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.db: EventDB | None = None
        self.actor = ""  # who the audit log names: "" = the juror, "chair" when the chair types
        # Called before an undo/redo writes, so the form shows what changes:
        # reveal(juror_id, entry_id, criterion_id or None, stage_id or None).
        self.reveal: Callable[[int, int, int | None, int | None], None] = lambda *_a: None

    def problem_text(self, exc: KolabikError) -> str:
        """The message for a refused write, in the user's language where core gave a code."""
        if isinstance(exc, PanelWriteRefused):
            return self.tr(
                "Not saved: the server refused this change, because it belongs to another "
                "panel (your database role may write only your own panel's scores). Earlier "
                "saves are safe."
            )
        return error_text(exc)  # a refusal by the rules, in the window's language

    def set_db(self, db: EventDB | None) -> None:
        self.db = db
        self.stack.clear()

    def edit_score(
        self,
        *,
        juror_id: int,
        entry_id: int,
        criterion_id: int,
        label: str,
        old: CellState,
        new: CellState,
    ) -> bool:
        """Write a cell now (and remember it for undo). False when the file refused it."""
        cmd = _ScoreCommand(self, juror_id, entry_id, criterion_id, label, old, new)
        self.stack.push(cmd)
        return cmd.ok

    def edit_comment(
        self, *, juror_id: int, entry_id: int, stage_id: int, old: str, new: str
    ) -> bool:
        cmd = _CommentCommand(self, juror_id, entry_id, stage_id, old, new)
        self.stack.push(cmd)
        return cmd.ok


class _SheetCommand(QUndoCommand):
    def __init__(self, owner: SheetUndo, text: str):
        super().__init__(text)
        self.owner = owner
        self.ok = False
        self._first = True

    def _run(
        self,
        write: Callable[[EventDB], str],
        juror_id: int,
        entry_id: int,
        criterion: int | None,
        stage: int | None,
    ) -> None:
        db = self.owner.db
        if db is None:
            self.setObsolete(True)
            return
        if not self._first:
            self.owner.reveal(juror_id, entry_id, criterion, stage)
        try:
            stamp = write(db)
        except KolabikError as exc:
            self.ok = False
            self.setObsolete(True)
            self.owner.failed.emit(self.owner.problem_text(exc))
            return
        self.ok = True
        self.owner.applied.emit(entry_id, stamp)

    def redo(self) -> None:
        self._apply(forward=True)
        self._first = False

    def undo(self) -> None:
        self._apply(forward=False)

    def _apply(self, forward: bool) -> None:
        raise NotImplementedError


class _ScoreCommand(_SheetCommand):
    def __init__(
        self,
        owner: SheetUndo,
        juror_id: int,
        entry_id: int,
        criterion_id: int,
        label: str,
        old: CellState,
        new: CellState,
    ):
        super().__init__(owner, QCoreApplication.translate("Undo", "Edit {0}").format(label))
        self.juror_id, self.entry_id, self.criterion_id = juror_id, entry_id, criterion_id
        self.old, self.new = old, new

    def _apply(self, forward: bool) -> None:
        state = self.new if forward else self.old

        def write(db: EventDB) -> str:
            # The writer is loaded after the first paint (EventDB.prepare_engine); an edit
            # before that waits for it here, it is never dropped.
            from kolabik_desktop.core.store.services import set_score

            return set_score(
                db,
                juror_id=self.juror_id,
                entry_id=self.entry_id,
                criterion_id=self.criterion_id,
                value=state.value,
                note=state.note,
                actor=self.owner.actor,
            ).updated_at

        self._run(write, self.juror_id, self.entry_id, self.criterion_id, None)


class _CommentCommand(_SheetCommand):
    def __init__(
        self, owner: SheetUndo, juror_id: int, entry_id: int, stage_id: int, old: str, new: str
    ):
        super().__init__(owner, QCoreApplication.translate("Undo", "Edit comment"))
        self.juror_id, self.entry_id, self.stage_id = juror_id, entry_id, stage_id
        self.old, self.new = old, new

    def _apply(self, forward: bool) -> None:
        def write(db: EventDB) -> str:
            from kolabik_desktop.core.store.services import set_comment

            set_comment(
                db,
                juror_id=self.juror_id,
                entry_id=self.entry_id,
                stage_id=self.stage_id,
                text=self.new if forward else self.old,
                actor=self.owner.actor,
            )
            return utc_now()

        self._run(write, self.juror_id, self.entry_id, None, self.stage_id)
