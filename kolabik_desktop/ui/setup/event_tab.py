"""The Event tab: name, year, organiser, precision, tie-break chain, rounding, logo, signing, and
what certificates and the decision letter print (signer, distinctions, legal bases, signature)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.files import read_regular_file
from kolabik_desktop.core.store import awards, setup
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
        chair_line = self.report_chair.lineEdit()
        assert chair_line is not None  # an editable combo box has one
        chair_line.setPlaceholderText(self.tr("printed under the chair's signature line"))
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
        self._build_awards(form)
        self.save_button = QPushButton(self.tr("Save event details"))
        self.save_button.clicked.connect(self.save)
        # The form is taller than the setup dialog once the award settings are in: it scrolls,
        # and the save button stays in sight below it.
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        context.changed.connect(self._on_change)

    def _build_awards(self, form: QFormLayout) -> None:
        """Certificates and the decision letter: who signs, what each place is called."""
        self.signature: bytes | None = None
        self.signer_name = QLineEdit()
        self.signer_name.setPlaceholderText(self.tr("who signs the certificates and the letter"))
        self.signer_title = QLineEdit()
        self.signer_title.setPlaceholderText(self.tr("e.g. Wali Kota Pasuruan"))
        self.award_places = QLineEdit()
        self.award_places.setPlaceholderText(self.tr("Terbaik I; Terbaik II; Terbaik III"))
        self.award_honourable = QLineEdit()
        self.award_honourable.setPlaceholderText(self.tr("e.g. Juara Harapan I; Juara Harapan II"))
        self.award_group = QLineEdit()
        self.award_group.setPlaceholderText(self.tr("{n} Inovasi Terbaik"))
        self.award_count = QSpinBox()
        self.award_count.setRange(1, awards.MAX_COUNT)
        self.legal_bases = QPlainTextEdit()
        self.legal_bases.setPlaceholderText(self.tr("one regulation per line"))
        self.legal_bases.setFixedHeight(90)
        self.signature_label = QLabel()
        self.signature_label.setFixedSize(160, 60)
        self.signature_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.signature_label.setStyleSheet("border: 1px solid #bbb;")
        choose = QPushButton(self.tr("Choose scan…"))
        clear = QPushButton(self.tr("Remove"))
        choose.clicked.connect(self.choose_signature)
        clear.clicked.connect(lambda: self._set_signature(None))
        row = QHBoxLayout()
        row.addWidget(self.signature_label)
        row.addWidget(choose)
        row.addWidget(clear)
        row.addStretch(1)
        heading = QLabel(self.tr("<b>Certificates and decision letter</b>"))
        form.addRow(heading)
        form.addRow(self.tr("Signer's name"), self.signer_name)
        form.addRow(self.tr("Signer's title"), self.signer_title)
        form.addRow(self.tr("Names of the places"), self.award_places)
        form.addRow(self.tr("Juara Harapan places"), self.award_honourable)
        form.addRow(self.tr("Other awarded places"), self.award_group)
        form.addRow(self.tr("Places awarded"), self.award_count)
        form.addRow(self.tr("Legal bases (Mengingat)"), self.legal_bases)
        form.addRow(self.tr("Scanned signature"), row)

    def award_settings(self) -> awards.AwardSettings:
        return awards.AwardSettings(
            signer_name=self.signer_name.text(),
            signer_title=self.signer_title.text(),
            places=awards.split_names(self.award_places.text()),
            honourable=awards.split_names(self.award_honourable.text()),
            group=self.award_group.text().strip() or awards.DEFAULT_GROUP,
            count=self.award_count.value(),
            legal_bases=tuple(
                line.strip() for line in self.legal_bases.toPlainText().splitlines() if line.strip()
            ),
            signature=self.signature,
        )

    def _show_awards(self, settings: awards.AwardSettings) -> None:
        self.signer_name.setText(settings.signer_name)
        self.signer_title.setText(settings.signer_title)
        self.award_places.setText(awards.join_names(settings.places))
        self.award_honourable.setText(awards.join_names(settings.honourable))
        self.award_group.setText(settings.group)
        self.award_count.setValue(settings.count)
        self.legal_bases.setPlainText("\n".join(settings.legal_bases))
        self._set_signature(settings.signature)

    def choose_signature(self) -> None:
        path, _ = get_open_file_name(
            self,
            self.tr("Choose the scanned signature"),
            "",
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if path:
            data = _image_bytes(Path(path))
            if setup.image_kind(data) is None:
                QMessageBox.warning(
                    self,
                    self.tr("Not an image"),
                    self.tr("The signature must be a PNG or JPEG image."),
                )
                return
            self._set_signature(data)

    def _set_signature(self, data: bytes | None) -> None:
        self.signature = data
        _show_image(self.signature_label, data, self.tr("No signature"))

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
        self._show_awards(awards.get_award_settings(self.context.db))

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
        db = self.context.db
        # Saving the details reloads this tab (the change signal): read both parts first, and
        # check the award part before writing either, or its edits would be lost.
        details, prizes = self.details(), self.award_settings()
        if attempt(self, awards.check_award_settings, prizes) is FAILED:
            return False
        if attempt(self, setup.update_event_details, db, details) is FAILED:
            return False
        return attempt(self, awards.update_award_settings, db, prizes) is not FAILED

    def choose_logo(self) -> None:
        path, _ = get_open_file_name(
            self, self.tr("Choose the event logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_logo(Path(path))

    def load_logo(self, path: Path) -> None:
        data = _image_bytes(path)
        if setup.image_kind(data) is None:
            QMessageBox.warning(
                self, self.tr("Not an image"), self.tr("The logo must be a PNG or JPEG image.")
            )
            return
        self._set_logo(data)

    def _set_logo(self, data: bytes | None) -> None:
        self.logo = data
        _show_image(self.logo_label, data, self.tr("No logo"))


def _show_image(label: QLabel, data: bytes | None, empty: str) -> None:
    """The logo or the signature scan, scaled into its preview box; ``empty`` when there is none."""
    pixmap = QPixmap()
    if data and pixmap.loadFromData(data):
        label.setPixmap(
            pixmap.scaled(
                label.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
    else:
        label.setPixmap(QPixmap())
        label.setText(empty)


def _image_bytes(path: Path) -> bytes:
    """A chosen image's bytes; a FIFO, a device or an unreadable file reads as no image."""
    try:
        return read_regular_file(path, 20 * 1024 * 1024, "image")
    except KolabikError:
        return b""
