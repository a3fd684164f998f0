"""The Event tab: name, year, organiser, precision, tie-break chain, rounding, logo, signing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.store import setup
from kolabik_desktop.ui.file_dialogs import get_open_file_name
from kolabik_desktop.ui.setup.common import FAILED, attempt

if TYPE_CHECKING:
    from kolabik_desktop.core.store.db import Change
    from kolabik_desktop.ui.context import EventContext


class EventTab(QWidget):
    def __init__(self, context: EventContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.logo: bytes | None = None
        self.name = QLineEdit()
        self.year = QSpinBox()
        self.year.setRange(1899, 2200)
        self.year.setSpecialValueText(self.tr("(none)"))
        self.organiser = QLineEdit()
        self.precision = QSpinBox()
        self.precision.setRange(0, 6)
        self.precision.setSuffix(self.tr(" decimals"))
        self.tiebreak = QComboBox()
        self.tiebreak.addItem(
            self.tr("Standard: latest stage, then criteria by weight"), "standard"
        )
        self.tiebreak.addItem(self.tr("None: tied entries share a place"), "none")
        self.round_stages = QCheckBox(self.tr("Round each stage score to the display precision"))
        self.report_place = QLineEdit()
        self.report_place.setPlaceholderText(self.tr("e.g. Surabaya"))
        # A juror's name, picked from the list, keeps a chair who also judges on one line.
        self.report_chair = QComboBox()
        self.report_chair.setEditable(True)
        self.report_chair.lineEdit().setPlaceholderText(
            self.tr("printed under the chair's signature line")
        )
        self.logo_label = QLabel()
        self.logo_label.setFixedSize(160, 80)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_label.setStyleSheet("border: 1px solid #bbb;")
        choose = QPushButton(self.tr("Choose image…"))
        clear = QPushButton(self.tr("Remove"))
        choose.clicked.connect(self.choose_logo)
        clear.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label)
        logo_row.addWidget(choose)
        logo_row.addWidget(clear)
        logo_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Event name"), self.name)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Organiser"), self.organiser)
        form.addRow(self.tr("Display precision"), self.precision)
        form.addRow(self.tr("Tie-break chain"), self.tiebreak)
        form.addRow("", self.round_stages)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow(self.tr("Place of signing"), self.report_place)
        form.addRow(self.tr("Chair of the jury"), self.report_chair)
        self.save_button = QPushButton(self.tr("Save event details"))
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        context.changed.connect(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change.kind in ("event", "all"):
            self.reload()
        elif change.kind == "jurors":
            self._fill_chair_names(self.report_chair.currentText())

    def reload(self) -> None:
        d = setup.get_event_details(self.context.db)
        self.name.setText(d.name)
        self.year.setValue(d.year or self.year.minimum())
        self.organiser.setText(d.organiser)
        self.precision.setValue(d.precision)
        self.tiebreak.setCurrentIndex(max(0, self.tiebreak.findData(d.tiebreak)))
        self.round_stages.setChecked(d.round_stage_scores)
        self._set_logo(d.logo)
        self.report_place.setText(d.report_place)
        self._fill_chair_names(d.report_chair)

    def _fill_chair_names(self, current: str) -> None:
        self.report_chair.clear()
        self.report_chair.addItems([j.data.name for j in setup.list_jurors(self.context.db)])
        self.report_chair.setCurrentText(current)

    def details(self) -> setup.EventDetails:
        year = self.year.value()
        return setup.EventDetails(
            name=self.name.text(),
            year=None if year == self.year.minimum() else year,
            organiser=self.organiser.text(),
            precision=self.precision.value(),
            tiebreak=self.tiebreak.currentData(),
            round_stage_scores=self.round_stages.isChecked(),
            logo=self.logo,
            report_place=self.report_place.text(),
            report_chair=self.report_chair.currentText(),
        )

    def save(self) -> bool:
        return (
            attempt(self, setup.update_event_details, self.context.db, self.details()) is not FAILED
        )

    def choose_logo(self) -> None:
        path, _ = get_open_file_name(
            self, self.tr("Choose the event logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_logo(Path(path))

    def load_logo(self, path: Path) -> None:
        data = path.read_bytes()
        if setup.image_kind(data) is None:
            QMessageBox.warning(
                self, self.tr("Not an image"), self.tr("The logo must be a PNG or JPEG image.")
            )
            return
        self._set_logo(data)

    def _set_logo(self, data: bytes | None) -> None:
        self.logo = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_label.setPixmap(
                pixmap.scaled(
                    self.logo_label.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_label.setPixmap(QPixmap())
            self.logo_label.setText(self.tr("No logo"))
