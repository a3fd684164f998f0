"""The entry being scored: its summary, its attachments, and a PDF reader beside the form.

PDFs are shown inside the window by QtPdf's QPdfView (from PySide6-Addons) with page navigation
and zoom. Other attachments open in the system's viewer from a temporary copy.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.scoring.model import FINAL
from kolabik_desktop.core.store.db import EventDB
from kolabik_desktop.core.store.queries import entries
from kolabik_desktop.core.store.queries.entries import AttachmentInfo
from kolabik_desktop.ui import i18n
from kolabik_desktop.ui.i18n import localize_number_text

if TYPE_CHECKING:
    from kolabik_desktop.core.store.queries.entries import Provenance

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
DEFAULT_SUMMARY_SHARE = 0.3  # of the pane's height above a PDF: the proposal itself matters most
SHARE_KEY = "main_window/summary_share"


def _stored_share() -> float:
    try:
        share = float(str(QSettings().value(SHARE_KEY, DEFAULT_SUMMARY_SHARE)))
    except (TypeError, ValueError):
        return DEFAULT_SUMMARY_SHARE
    return share if 0.05 <= share <= 0.95 else DEFAULT_SUMMARY_SHARE


@dataclass(frozen=True)
class EntryInfo:
    id: int
    code: str
    title: str
    unit: str
    category: str
    summary: str
    attachments: tuple[AttachmentInfo, ...]
    provenance: Provenance | None = None  # promoted from another event: where it came from


def load_entry(db: EventDB, entry_id: int) -> EntryInfo | None:
    row = entries.entry_detail(db, entry_id)
    if row is None:
        return None
    return EntryInfo(
        row.id,
        row.code,
        row.title,
        row.unit,
        row.category,
        row.summary,
        row.attachments,
        entries.entry_provenance(db, entry_id),
    )


def load_attachment_data(db: EventDB, attachment_id: int) -> bytes:
    return entries.attachment_data(db, attachment_id)


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{i18n.localize_number_text(f'{size / 1024:.0f}')} KB"
    return f"{i18n.localize_number_text(f'{size / 1024 / 1024:.1f}')} MB"


class ProposalView(QPdfView):
    """QPdfView that says when it was resized, so the zoom shown follows a fit-to-width page."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class PdfPane(QWidget):
    """A PDF reader (QtPdf): previous/next page, page number, zoom out/in, fit width."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("pdfTitle")
        self.prev_button = self._button("‹", self.tr("Previous page (PgUp)"))
        self.next_button = self._button("›", self.tr("Next page (PgDn)"))
        self.page_box = QSpinBox(self)
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_count = QLabel(self)
        self.zoom_out_button = self._button("−", self.tr("Zoom out (Ctrl+-)"))
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._button("+", self.tr("Zoom in (Ctrl++)"))
        self.fit_button = self._button("↔", self.tr("Fit to width"))

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.title, 1)
        for w in (
            self.prev_button,
            self.page_box,
            self.page_count,
            self.next_button,
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_button,
        ):
            bar.addWidget(w)

        self.document = QPdfDocument(self)
        # QPdfDocument reads from the device for as long as it is open: the buffer lives as long.
        self._buffer: QBuffer | None = None
        self.view = ProposalView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.navigator = self.view.pageNavigator()
        self.navigator.currentPageChanged.connect(self._show_page)
        self.view.resized.connect(self._show_zoom)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.prev_button.clicked.connect(lambda: self.turn_page(-1))
        self.next_button.clicked.connect(lambda: self.turn_page(1))
        self.page_box.valueChanged.connect(lambda v: self.go_to(v - 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(+1))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(-1))
        self.fit_button.clicked.connect(self.fit_width)
        for keys, delta in (
            (QKeySequence.StandardKey.MoveToPreviousPage, -1),
            (QKeySequence.StandardKey.MoveToNextPage, 1),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: self.turn_page(d))

    def _button(self, text: str, tip: str) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        return b

    def load(self, title: str, data: bytes) -> str | None:
        """Open a PDF from bytes at page 1; return why it cannot be shown, or None."""
        self.clear()
        self.title.setText(title)
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)  # a QBuffer is random-access: this loads at once
        if self.document.status() != QPdfDocument.Status.Ready or self.page_total() == 0:
            error = self.document.error()
            self.clear()
            if error in (
                QPdfDocument.Error.IncorrectPassword,
                QPdfDocument.Error.UnsupportedSecurityScheme,
            ):
                return self.tr("the PDF is locked with a password")
            return self.tr("the file is not a readable PDF")
        self.navigator.jump(0, QPointF(0, 0))
        self._show_page(0)
        return None

    def current_page(self) -> int:
        return int(self.navigator.currentPage())

    def page_total(self) -> int:
        return int(self.document.pageCount())

    def turn_page(self, delta: int) -> None:
        self.go_to(self.current_page() + delta)

    def go_to(self, page: int) -> None:
        if page < 0 or page >= self.page_total() or page == self.current_page():
            return
        self.navigator.jump(page, QPointF(0, 0))

    def zoom_factor(self) -> float:
        """The zoom of the page as shown, also when it is fitted to the pane's width."""
        if self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth or self.page_total() == 0:
            return float(self.view.zoomFactor())
        # QPdfView fits a page's width in points, at the screen's resolution, into the viewport.
        margins = self.view.documentMargins()
        available = self.view.viewport().width() - margins.left() - margins.right()
        page_width = self.document.pagePointSize(self.current_page()).width()
        page_px = page_width * self.view.logicalDpiX() / 72
        return available / page_px if page_px > 0 else 1.0

    def zoom_by(self, direction: int) -> None:
        current = self.zoom_factor()
        if direction > 0:
            target = next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1])
        else:
            target = next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01), ZOOM_STEPS[0])
        self._set_zoom(QPdfView.ZoomMode.Custom, target)

    def fit_width(self) -> None:
        self._set_zoom(QPdfView.ZoomMode.FitToWidth, None)

    def _set_zoom(self, mode: QPdfView.ZoomMode, factor: float | None) -> None:
        # A new zoom lays the pages out again; the reader stays on the page being read.
        page = self.current_page()
        self.view.setZoomMode(mode)
        if factor is not None:
            self.view.setZoomFactor(factor)
        if self.page_total():
            self.navigator.jump(page, QPointF(0, 0))
        self._show_zoom()

    def _show_page(self, page: int) -> None:
        count = self.page_total()
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(count, 1))
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.page_count.setText(self.tr("of {0}").format(count))
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < count)
        self._show_zoom()

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom_factor() * 100)}%")

    def clear(self) -> None:
        self.title.clear()
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer = None


class EntryView(QWidget):
    """Summary and attachments on top; the PDF reader (or a hint) below."""

    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.db: EventDB | None = None
        self.entry: EntryInfo | None = None
        self._temp_dir: tempfile.TemporaryDirectory[str] | None = None
        self._pending_pdf: AttachmentInfo | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("entryHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(self)
        self.meta.setObjectName("entryMeta")
        self.meta.setWordWrap(True)
        self.provenance = QLabel(self)
        self.provenance.setObjectName("provenance")
        self.provenance.setWordWrap(True)
        # Names from another event's file: '<' in them is text, never markup.
        self.provenance.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QTextBrowser(self)
        self.summary.setObjectName("summary")
        self.summary.setFrameShape(QFrame.Shape.NoFrame)
        self.attachments_label = QLabel(self.tr("Attachments"), self)
        self.attachments_label.setObjectName("sectionLabel")
        self.attachments = QListWidget(self)
        self.attachments.itemActivated.connect(self._open_item)
        self.attachments_label.setBuddy(self.attachments)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(8, 8, 8, 4)
        top_layout.setSpacing(4)
        top_layout.addWidget(self.heading)
        top_layout.addWidget(self.meta)
        top_layout.addWidget(self.provenance)
        top_layout.addWidget(self.summary, 1)
        top_layout.addWidget(self.attachments_label)
        top_layout.addWidget(self.attachments)

        self.pdf = PdfPane(self)
        self.no_pdf = QLabel(self)
        self.no_pdf.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_pdf.setWordWrap(True)
        self.no_pdf.setObjectName("hint")
        self.reader = QStackedWidget(self)
        self.reader.addWidget(self.no_pdf)
        self.reader.addWidget(self.pdf)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("entrySplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.summary_share = _stored_share()
        self.splitter.splitterMoved.connect(self._remember_share)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.show_entry(None)

    def set_db(self, db: EventDB | None) -> None:
        self.db = db
        self.show_entry(None)

    def show_entry(self, entry_id: int | None) -> None:
        self.entry = load_entry(self.db, entry_id) if self.db and entry_id is not None else None
        entry = self.entry
        self.pdf.clear()
        self.no_pdf.setText(self.tr("The PDF cannot be shown."))
        self.reader.setCurrentWidget(self.no_pdf)
        self.attachments.clear()
        if entry is None:
            self.heading.setText(self.tr("No entry selected"))
            self.meta.clear()
            self.provenance.hide()
            self.summary.clear()
            self.attachments_label.hide()
            self.attachments.hide()
            self.reader.hide()
            return
        self.heading.setText(
            f"<b>{escape(entry.code, quote=False)}</b> · {escape(entry.title, quote=False)}"
        )
        self.meta.setText(" · ".join(t for t in (entry.unit, entry.category) if t))
        self.provenance.setVisible(entry.provenance is not None)
        if entry.provenance is not None:
            self.provenance.setText(self.provenance_text(entry.provenance))
        self.summary.setPlainText(entry.summary or self.tr("(no summary)"))
        self.attachments_label.setVisible(bool(entry.attachments))
        self.attachments.setVisible(bool(entry.attachments))
        for att in entry.attachments:
            item = QListWidgetItem(f"{att.filename}  ({human_size(att.size)})")
            item.setData(Qt.ItemDataRole.UserRole, att)
            item.setToolTip(
                self.tr("Enter: show inside the window")
                if att.is_pdf
                else self.tr("Enter: open in the system's viewer")
            )
            self.attachments.addItem(item)
        if entry.attachments:
            rows = min(len(entry.attachments), 3)
            frame = 2 * self.attachments.frameWidth()
            self.attachments.setFixedHeight(self.attachments.sizeHintForRow(0) * rows + frame + 2)
        first_pdf = next((a for a in entry.attachments if a.is_pdf), None)
        # Without a PDF the summary takes the whole pane.
        reader_was_hidden = self.reader.isHidden()
        self.reader.setVisible(first_pdf is not None)
        if reader_was_hidden and first_pdf is not None:
            self._give_reader_its_share()
        self._pending_pdf = first_pdf

    def provenance_text(self, record: Provenance) -> str:
        """'From Kolabik 2023 (final ranking): Terbaik II, place 2, score 85,50'."""
        board = (
            self.tr("final ranking")
            if record.board == FINAL
            else self.tr("stage %1").replace("%1", record.board)
        )
        text = (
            self.tr("From %1 (%2): %3, place %4, score %5")
            .replace("%1", record.event_name)
            .replace("%2", board)
            .replace("%3", record.place)
            .replace("%4", str(record.rank))
            .replace("%5", localize_number_text(record.score))
        )
        if record.status == "provisional":
            text += self.tr(" (provisional)")
        return text

    def _give_reader_its_share(self) -> None:
        # A reader shown again would get its tiny size hint; give it the height the juror chose.
        total = sum(self.splitter.sizes()) or self.splitter.height()
        top = int(total * self.summary_share)
        self.splitter.setSizes([top, total - top])

    def _remember_share(self) -> None:
        top, reader = self.splitter.sizes()
        if top + reader > 0 and reader > 0:
            self.summary_share = top / (top + reader)
            QSettings().setValue(SHARE_KEY, self.summary_share)

    def show_first_pdf(self) -> None:
        """Open the entry's first PDF (called after the form is ready, so moving on stays quick)."""
        if self._pending_pdf is not None:
            self.open_attachment(self._pending_pdf)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_attachment(item.data(Qt.ItemDataRole.UserRole))

    def open_attachment(self, att: AttachmentInfo) -> None:
        if self.db is None:
            return
        data = load_attachment_data(self.db, att.id)
        if att.is_pdf:
            problem = self.pdf.load(att.filename, data)
            if problem is None:
                self.reader.setCurrentWidget(self.pdf)
                return
            message = self.tr("{0} cannot be shown: {1}").format(att.filename, problem)
            # Said where the juror is looking, not only in the status bar.
            self.no_pdf.setText(message)
            self.reader.setCurrentWidget(self.no_pdf)
            self.problem.emit(message)
            return
        if self._temp_dir is None:
            self._temp_dir = tempfile.TemporaryDirectory(prefix="kolabik-")
        target = Path(self._temp_dir.name) / Path(att.filename).name
        target.write_bytes(data)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.problem.emit(
                self.tr("No program on this computer opens {0}.").format(att.filename)
            )
