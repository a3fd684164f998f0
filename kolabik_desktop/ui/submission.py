"""Progress of a juror's stage ("12 of 65 complete"), what is incomplete, submit and reopen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolButton,
    QWidget,
)

from kolabik_desktop.core.store.db import EventDB
from kolabik_desktop.core.store.queries import submissions
from kolabik_desktop.ui.browser import COMPLETE, NOT_STARTED, PARTIAL, status_label

SCORABLE = (NOT_STARTED, PARTIAL, COMPLETE)
LISTED_IN_CONFIRMATION = 12


@dataclass(frozen=True)
class Progress:
    complete: int
    total: int
    incomplete: tuple[tuple[int, str, str, str], ...]  # (entry id, code, title, status)


def is_submitted(db: EventDB, juror_id: int, stage_id: int) -> bool:
    return submissions.is_submitted(db, juror_id, stage_id)


def stage_progress(scorer: object, stage_code: str, juror_id: int) -> Progress:
    """How far this juror is in the stage, over the entries they must score, by the engine."""
    return ProgressTracker().progress(scorer, stage_code, juror_id)


class ProgressTracker:
    """``stage_progress`` kept up to date entry by entry: an edit re-asks the engine about the
    entries it touched, not about every entry of a national event (3,000 per keystroke)."""

    def __init__(self) -> None:
        self._key: tuple[object, str, int] | None = None
        self._status: dict[int, str] = {}  # scorable entry id -> status, in the event's order
        self._entries: dict[int, tuple[str, str]] = {}  # entry id -> (code, title)

    def reset(self) -> None:
        """Forget everything (after a rubric, entry or juror change)."""
        self._key = None

    def progress(
        self, scorer: object, stage_code: str, juror_id: int, changed: Iterable[int] = ()
    ) -> Progress:
        event = scorer.event  # type: ignore[attr-defined]
        # The event by identity: comparing thousands of entries on every edit would cost more.
        if (
            self._key is None
            or self._key[0] is not event
            or self._key[1:] != (stage_code, juror_id)
        ):
            self._key = (event, stage_code, juror_id)
            self._recount(scorer, stage_code, juror_id)
        else:
            for entry_id in changed:
                if entry_id in self._status:
                    self._status[entry_id] = scorer.juror_status(stage_code, juror_id, entry_id)  # type: ignore[attr-defined]
        complete = sum(1 for status in self._status.values() if status == COMPLETE)
        incomplete = tuple(
            (entry_id, *self._entries[entry_id], status)
            for entry_id, status in self._status.items()
            if status != COMPLETE
        )
        return Progress(complete, len(self._status), incomplete)

    def _recount(self, scorer: object, stage_code: str, juror_id: int) -> None:
        event = scorer.event  # type: ignore[attr-defined]
        stage = next(s for s in event.stages if s.code == stage_code)
        self._status, self._entries = {}, {}
        for entry in event.entries:
            if stage.admitted is not None and entry.id not in stage.admitted:
                continue
            status = scorer.juror_status(stage_code, juror_id, entry.id)  # type: ignore[attr-defined]
            if status in SCORABLE:
                self._status[entry.id] = status
                self._entries[entry.id] = (entry.code, entry.title)


def confirm_submit(parent: QWidget, stage_name: str, progress: Progress) -> bool:
    text = QCoreApplication.translate(
        "Submission",
        "Submit your scores for {0}? They become read-only; the chair can reopen them.",
    ).format(stage_name)
    if progress.incomplete:
        lines = [
            f"• {code} — {title} ({status_label(status)})"
            for _id, code, title, status in progress.incomplete[:LISTED_IN_CONFIRMATION]
        ]
        more = len(progress.incomplete) - LISTED_IN_CONFIRMATION
        if more > 0:
            lines.append(QCoreApplication.translate("Submission", "… and {0} more").format(more))
        text += "\n\n" + QCoreApplication.translate(
            "Submission", "{0} of {1} entries are not complete:"
        ).format(len(progress.incomplete), progress.total)
        text += "\n" + "\n".join(lines)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Submission", "Submit scores"),
        text,
        parent=parent,
    )
    default = box.addButton(
        QCoreApplication.translate("Submission", "Submit"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(
        QCoreApplication.translate("Submission", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    # With entries still incomplete, Enter should not submit by accident.
    box.setDefaultButton(cancel if progress.incomplete else default)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole


def confirm_reopen(parent: QWidget, juror_name: str, stage_name: str) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Submission", "Reopen scores"),
        QCoreApplication.translate(
            "Submission", "Reopen the scores of {0} for {1}, so they can be changed again?"
        ).format(juror_name, stage_name),
    )
    return answer == QMessageBox.StandardButton.Yes


class ProgressBar(QWidget):
    """ "n of N complete", a menu of the incomplete entries, and Submit / Reopen."""

    entry_chosen = Signal(int)

    def __init__(self, submit: QAction, reopen: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setMinimumWidth(200)
        self.bar.setTextVisible(True)
        self.incomplete_button = QToolButton(self)
        self.incomplete_button.setText(self.tr("Incomplete"))
        self.incomplete_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.incomplete_menu = QMenu(self)
        self.incomplete_menu.aboutToShow.connect(self._fill_incomplete_menu)
        self.incomplete_button.setMenu(self.incomplete_menu)
        self.submit_button = QPushButton(self)
        self._submit, self._reopen = submit, reopen
        self.submit_button.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.incomplete_button)
        layout.addWidget(self.submit_button)
        self.progress = Progress(0, 0, ())
        self.submitted = False

    def show_progress(self, progress: Progress, submitted: bool, can_reopen: bool) -> None:
        self.progress, self.submitted = progress, submitted
        self.bar.setRange(0, max(progress.total, 1))
        self.bar.setValue(progress.complete)
        self.bar.setFormat(self.tr("{0} of {1} complete").format(progress.complete, progress.total))
        self.incomplete_button.setText(self.tr("Incomplete ({0})").format(len(progress.incomplete)))
        self.incomplete_button.setEnabled(bool(progress.incomplete))
        if submitted:
            self.submit_button.setText(
                self.tr("Submitted") if not can_reopen else self.tr("Reopen…")
            )
            self.submit_button.setEnabled(can_reopen)
        else:
            self.submit_button.setText(self.tr("Submit scores…"))
            self.submit_button.setEnabled(progress.total > 0)

    def _fill_incomplete_menu(self) -> None:
        # Filled when opened: rebuilding 200 actions on every edit would slow typing down.
        incomplete = self.progress.incomplete
        self.incomplete_menu.clear()
        for entry_id, code, title, status in incomplete[:200]:
            action = self.incomplete_menu.addAction(f"{code} — {title} ({status_label(status)})")
            action.triggered.connect(lambda _c=False, e=entry_id: self.entry_chosen.emit(e))
        if len(incomplete) > 200:
            self.incomplete_menu.addAction(
                self.tr("… and {0} more").format(len(incomplete) - 200)
            ).setEnabled(False)

    def _clicked(self) -> None:
        (self._reopen if self.submitted else self._submit).trigger()
