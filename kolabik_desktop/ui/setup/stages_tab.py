"""The Stages tab: code, name, weight, method (and L), scale, cumulative blend, slot parts, the
outlier tolerance of juror statistics, order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget

from kolabik_desktop.core.exchange.workbook import slots_to_text
from kolabik_desktop.core.scoring.model import METHODS
from kolabik_desktop.core.store import setup
from kolabik_desktop.core.store.queries import stages as stage_queries
from kolabik_desktop.core.store.services import parse_decimal
from kolabik_desktop.core.store.tolerance import (
    check_tolerance,
    set_stage_tolerance,
)
from kolabik_desktop.ui.setup.common import FAILED, RecordTab, attempt, confirm, warn
from kolabik_desktop.ui.setup.models import StagesModel, dec_text, method_label

if TYPE_CHECKING:
    from kolabik_desktop.ui.context import EventContext


class StagesTab(RecordTab):
    reload_on = ("rubric", "scores")
    sortable = False

    def __init__(self, context: EventContext, parent: QWidget | None = None):
        super().__init__(context, StagesModel(), parent)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.weight = QLineEdit()
        self.method = QComboBox()
        for m in METHODS:
            self.method.addItem(method_label(m), m)
        self.band = QLineEdit()
        self.band.setPlaceholderText(self.tr("L, e.g. 3 (banded mean only)"))
        self.scale_min = QLineEdit()
        self.scale_max = QLineEdit()
        self.cumulative = QLineEdit()
        self.cumulative.setPlaceholderText(self.tr("e.g. S1:30 S2:70 (empty = this stage alone)"))
        self.slot_parts = QLineEdit()
        self.slot_parts.setPlaceholderText(self.tr("minutes per part, e.g. Video 3; Paparan 7"))
        self.tolerance = QLineEdit()
        self.tolerance.setPlaceholderText(self.tr("points; empty = 10% of the scale"))
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Weight in the final score (%)"), self.weight)
        self.form.addRow(self.tr("Panel score method"), self.method)
        self.form.addRow(self.tr("Band L"), self.band)
        self.form.addRow(self.tr("Scale minimum"), self.scale_min)
        self.form.addRow(self.tr("Scale maximum"), self.scale_max)
        self.form.addRow(self.tr("Cumulative ranking weights"), self.cumulative)
        self.form.addRow(self.tr("Presentation slot parts"), self.slot_parts)
        self.form.addRow(self.tr("Outlier tolerance (juror statistics)"), self.tolerance)
        self.method.currentIndexChanged.connect(self._method_changed)
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.buttons.insertWidget(3, self.up_button)
        self.buttons.insertWidget(4, self.down_button)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.reload()

    def _method_changed(self) -> None:
        self.band.setEnabled(self.method.currentData() == "banded")

    def load_rows(self) -> list[Any]:
        return setup.list_stages(self.context.db)

    def fill_form(self, row: setup.StageRow | None) -> None:
        d = row.data if row else setup.StageData(code="", name="")
        self.code.setText(d.code)
        self.name.setText(d.name)
        self.weight.setText(dec_text(d.weight))
        self.method.setCurrentIndex(max(0, self.method.findData(d.method)))
        self.band.setText(dec_text(d.band))
        self.scale_min.setText(dec_text(d.scale_min))
        self.scale_max.setText(dec_text(d.scale_max))
        self.cumulative.setText(d.cumulative)
        self.slot_parts.setText(slots_to_text(d.slot_parts))
        self.tolerance.setText(
            dec_text(stage_queries.tolerance(self.context.db, d.code)) if row else ""
        )
        self._method_changed()

    def _number(self, field: QLineEdit, label: str) -> Any:
        value = parse_decimal(field.text())
        if value is None:
            warn(self, self.tr("%1 is not a number").replace("%1", label))
            return FAILED
        return value

    def form_data(self) -> setup.StageData | None:
        numbers = [
            self._number(self.weight, self.tr("The weight")),
            self._number(self.scale_min, self.tr("The scale minimum")),
            self._number(self.scale_max, self.tr("The scale maximum")),
        ]
        if FAILED in numbers:
            return None
        band = parse_decimal(self.band.text()) if self.method.currentData() == "banded" else None
        return setup.StageData(
            code=self.code.text(),
            name=self.name.text(),
            weight=numbers[0],
            method=self.method.currentData(),
            band=band,
            scale_min=numbers[1],
            scale_max=numbers[2],
            cumulative=self.cumulative.text(),
            slot_parts=self.slot_parts.text(),
        )

    def save(self, record_id: int | None) -> Any:
        data = self.form_data()
        if data is None:
            return FAILED
        text = self.tolerance.text().strip()
        tolerance = parse_decimal(text) if text else None
        if text and tolerance is None:
            warn(self, self.tr("%1 is not a number").replace("%1", self.tr("The tolerance")))
            return FAILED
        limits = (f"Stage {data.code}", tolerance, data.scale_min, data.scale_max)
        if attempt(self, check_tolerance, *limits) is FAILED:
            return FAILED
        if record_id is None:
            result = attempt(self, setup.add_stage, self.context.db, data)
        else:
            result = attempt(self, setup.update_stage, self.context.db, record_id, data)
            result = FAILED if result is FAILED else record_id
        if result is FAILED:
            return FAILED
        if attempt(self, set_stage_tolerance, self.context.db, result, tolerance) is FAILED:
            return FAILED
        return result

    def delete(self, record_id: int) -> Any:
        row = self.current_row()
        text = self.tr("Delete stage %1 with its rubric?").replace("%1", row.data.code)
        if row.scores:
            text += " " + self.tr("Its %1 scores will be deleted too.").replace(
                "%1", str(row.scores)
            )
        if not confirm(self, self.tr("Delete stage"), text):
            return FAILED
        return attempt(
            self, setup.delete_stage, self.context.db, record_id, allow_deleting_scores=True
        )

    def _move(self, offset: int) -> None:
        if self.current_id is not None:
            attempt(self, setup.move_stage, self.context.db, self.current_id, offset)
            self.reload()
