"""The Rubric tab: one stage's criteria edited in place, the weight sum shown live.

Nothing is written until "Save rubric"; a rubric whose weights do not add up to 100 is refused,
and a change that touches existing scores says how many and asks first (the save is audited).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.errors import ValidationError
from kolabik_desktop.core.store import setup
from kolabik_desktop.ui.problems import error_text, problem_text
from kolabik_desktop.ui.setup.common import (
    FAILED,
    attempt,
    confirm,
    fill_stage_combo,
    make_table,
    warn,
)
from kolabik_desktop.ui.setup.models import CriteriaModel, dec_text

if TYPE_CHECKING:
    from kolabik_desktop.core.store.db import Change
    from kolabik_desktop.ui.context import EventContext

OK_STYLE = "color: #1b6e20; font-weight: bold;"
BAD_STYLE = "color: #c62828; font-weight: bold;"


class RubricTab(QWidget):
    def __init__(self, context: EventContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.modified = False
        self.descriptor_error: str | None = None
        self._filling = False
        self._shown_stage: int | None = None
        self.stage = QComboBox()
        self.model = CriteriaModel(self)
        self.view, _ = make_table(self.model, sortable=False)
        self.view.setModel(self.model)  # editing in place: no proxy between view and rows
        self.sum_label = QLabel()
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("What the jurors look at for this criterion"))
        self.descriptors = QPlainTextEdit()
        self.descriptors.setPlaceholderText(
            self.tr("One level per line, e.g.\n60: Cukup\n80: Baik")
        )
        self.descriptor_status = QLabel()
        self.descriptor_status.setStyleSheet(BAD_STYLE)
        for edit in (self.description, self.descriptors):
            edit.setMaximumHeight(90)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Stage")))
        top.addWidget(self.stage, 1)
        top.addStretch(1)
        top.addWidget(self.sum_label)
        details = QFormLayout()
        details.addRow(self.tr("Description"), self.description)
        details.addRow(self.tr("Level descriptors"), self.descriptors)
        details.addRow("", self.descriptor_status)
        self.add_button = QPushButton(self.tr("Add criterion"))
        self.remove_button = QPushButton(self.tr("Remove criterion"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.save_button = QPushButton(self.tr("Save rubric"))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 3)
        layout.addLayout(details)
        layout.addLayout(buttons)

        self.stage.currentIndexChanged.connect(self._stage_chosen)
        for signal in (
            self.model.dataChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
        ):
            signal.connect(self._edited)
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.description.textChanged.connect(self._details_edited)
        self.descriptors.textChanged.connect(self._details_edited)
        self.add_button.clicked.connect(self.add_criterion)
        self.remove_button.clicked.connect(self.remove_criterion)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.revert_button.clicked.connect(self.load_rubric)
        self.save_button.clicked.connect(self.save)
        context.changed.connect(self._on_change)
        self.reload()

    # -- loading ------------------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind in ("rubric", "all") and not self.modified:
            self.reload()

    def reload(self) -> None:
        fill_stage_combo(self.stage, setup.list_stages(self.context.db))
        self.load_rubric()

    def stage_id(self) -> int | None:
        return self.stage.currentData()

    def select_stage(self, stage_id: int) -> None:
        self.stage.setCurrentIndex(self.stage.findData(stage_id))

    def _stage_chosen(self) -> None:
        if self.modified and not confirm(
            self,
            self.tr("Unsaved rubric"),
            self.tr("The rubric of the previous stage has unsaved changes. Discard them?"),
        ):
            self.stage.blockSignals(True)
            self.stage.setCurrentIndex(self.stage.findData(self._shown_stage))
            self.stage.blockSignals(False)
            return
        self.load_rubric()

    def load_rubric(self) -> None:
        sid = self.stage_id()
        self._shown_stage = sid
        self.model.set_rows(setup.get_rubric(self.context.db, sid) if sid is not None else [])
        self.modified = False
        self._update_sum()
        if self.model.rowCount():
            self.view.selectRow(0)
        self._row_chosen()

    # -- editing ------------------------------------------------------------------------------

    def _edited(self, *_: object) -> None:
        self.modified = True
        self._update_sum()

    def _update_sum(self) -> None:
        total = self.model.total_weight()
        if total == 100:
            self.sum_label.setText(self.tr("Total weight: %1 %").replace("%1", dec_text(total)))
            self.sum_label.setStyleSheet(OK_STYLE)
        else:
            self.sum_label.setText(
                self.tr("Total weight: %1 % (must be 100)").replace("%1", dec_text(total))
            )
            self.sum_label.setStyleSheet(BAD_STYLE)

    def current_row(self) -> int | None:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else None

    def _row_chosen(self, *_: object) -> None:
        row = self.current_row()
        self._filling = True
        if row is None:
            self.description.setPlainText("")
            self.descriptors.setPlainText("")
        else:
            c = self.model.row_at(row)
            self.description.setPlainText(c.description)
            self.descriptors.setPlainText(setup.descriptor_lines(c.descriptors))
        self.description.setEnabled(row is not None)
        self.descriptors.setEnabled(row is not None)
        self.descriptor_error = None
        self.descriptor_status.setText("")
        self._filling = False

    def _details_edited(self) -> None:
        row = self.current_row()
        if self._filling or row is None:
            return
        try:
            descriptors = setup.parse_descriptor_lines(self.descriptors.toPlainText())
        except ValidationError as exc:
            self.descriptor_error = error_text(exc)
            self.descriptor_status.setText(self.descriptor_error)
            return
        self.descriptor_error = None
        self.descriptor_status.setText("")
        self.model.set_details(
            row, description=self.description.toPlainText(), descriptors=descriptors
        )

    def add_criterion(self) -> None:
        n = self.model.rowCount() + 1
        remaining = max(Decimal(0), 100 - self.model.total_weight())
        at = self.model.append(
            setup.CriterionData(code=f"K{n}", name=self.tr("New criterion"), weight=remaining)
        )
        self.view.selectRow(at)
        self.view.edit(self.model.index(at, CriteriaModel.CODE))

    def remove_criterion(self) -> None:
        row = self.current_row()
        if row is not None:
            self.model.remove(row)

    def _move(self, offset: int) -> None:
        row = self.current_row()
        if row is not None:
            self.view.selectRow(self.model.move(row, offset))

    # -- saving -------------------------------------------------------------------------------

    def save(self) -> bool:
        sid = self.stage_id()
        if sid is None:
            return False
        if self.descriptor_error:
            warn(self, self.descriptor_error)
            return False
        criteria = self.model.rows()
        problems = setup.rubric_problems(criteria)
        if problems:
            warn(
                self,
                self.tr("The rubric cannot be saved:")
                + "\n• "
                + "\n• ".join(problem_text(p) for p in problems),
            )
            return False
        impact = attempt(self, setup.preview_rubric_change, self.context.db, sid, criteria)
        if impact is FAILED:
            return False
        if impact.touched:
            text = self.tr(
                "This change touches %1 scores already given in this stage: every juror's "
                "total in the stage is computed again."
            ).replace("%1", str(impact.touched))
            if impact.deleted:
                text += "\n" + self.tr("%1 of them, on removed criteria, will be deleted.").replace(
                    "%1", str(impact.deleted)
                )
            text += "\n" + self.tr("The change is recorded in the audit log. Save it?")
            if not confirm(self, self.tr("Change a rubric that has scores"), text):
                return False
        done = attempt(
            self,
            setup.save_rubric,
            self.context.db,
            sid,
            criteria,
            confirmed_touched=impact.touched,
        )
        if done is FAILED:
            return False
        self.modified = False
        self.load_rubric()
        return True
