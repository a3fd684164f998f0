"""The entry being scored: its summary, its attachments, and a PDF reader beside the form.

PDFs are shown inside the window with page navigation and zoom: with QtPdf's QPdfView when the
installed PySide6 has it, else pages rendered by pypdfium2 (the PySide6 Essentials/Addons wheels
ship no QtPdf). Other attachments open in the system's viewer from a temporary copy.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from kolabik_desktop.core.store.db import EventDB
from kolabik_desktop.core.store.models import Attachment, Category, Entry
from kolabik_desktop.ui import i18n

try:  # QtPdf is the first choice when the installed PySide6 has it.
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:
    HAVE_QTPDF = False

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
DEFAULT_SUMMARY_SHARE = 0.3  # of the pane's height above a PDF: the proposal itself matters most
SHARE_KEY = "main_window/summary_share"


def _stored_share() -> float:
    try:
        share = float(QSettings().value(SHARE_KEY, DEFAULT_SUMMARY_SHARE))
    except (TypeError, ValueError):
        return DEFAULT_SUMMARY_SHARE
    return share if 0.05 <= share <= 0.95 else DEFAULT_SUMMARY_SHARE


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    mime: str
    size: int

    @property
    def is_pdf(self) -> bool:
        return self.mime == "application/pdf" or self.filename.lower().endswith(".pdf")


@dataclass(frozen=True)
class EntryInfo:
    id: int
    code: str
    title: str
    unit: str
    category: str
    summary: str
    attachments: tuple[AttachmentInfo, ...]


def load_entry(db: EventDB, entry_id: int) -> EntryInfo | None:
    with db.session() as s:
        row = s.execute(
            select(Entry.code, Entry.title, Entry.unit, Entry.summary, Category.name)
            .outerjoin(Category, Category.id == Entry.category_id)
            .where(Entry.id == entry_id)
        ).first()
        if row is None:
            return None
        atts = tuple(
            AttachmentInfo(aid, name, mime or "", size or 0)
            for aid, name, mime, size in s.execute(
                select(Attachment.id, Attachment.filename, Attachment.mime, Attachment.size)
                .where(Attachment.entry_id == entry_id)
                .order_by(Attachment.id)
            )
        )
        code, title, unit, summary, category = row
        return EntryInfo(entry_id, code, title, unit or "", category or "", summary or "", atts)


def load_attachment_data(db: EventDB, attachment_id: int) -> bytes:
    with db.session() as s:
        return bytes(s.scalar(select(Attachment.data).where(Attachment.id == attachment_id)) or b"")


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{i18n.localize_number_text(f'{size / 1024:.0f}')} KB"
    return f"{i18n.localize_number_text(f'{size / 1024 / 1024:.1f}')} MB"


class PdfiumView(QWidget):
    """Pages rendered with pypdfium2 into a scroll area; the same controls as QPdfView's."""

    page_changed = Signal(int, int)  # page (0-based), page count

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._doc = None
        self.page = 0
        self.zoom = 1.0
        self.fit_width = True
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setObjectName("pdfScroll")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    def load(self, data: bytes) -> str | None:
        """Open a PDF from bytes; return why it cannot be shown, or None."""
        import pypdfium2

        self.close_document()
        try:
            self._doc = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            return str(exc)
        self.page = 0
        self.render()
        return None

    def close_document(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None
        self.image.clear()

    def page_count(self) -> int:
        return len(self._doc) if self._doc is not None else 0

    def go_to(self, page: int) -> None:
        if self._doc is None:
            return
        self.page = max(0, min(page, self.page_count() - 1))
        self.render()
        self.scroll.verticalScrollBar().setValue(0)

    def set_zoom(self, zoom: float | None) -> None:
        """A zoom factor, or None to fit the page to the width of the pane."""
        self.fit_width = zoom is None
        if zoom is not None:
            self.zoom = zoom
        self.render()

    def render(self) -> None:
        if self._doc is None:
            return
        page = self._doc[self.page]
        width_pt = page.get_width()
        zoom = self.zoom
        if self.fit_width:
            # The pane's own width: a scroll area that was hidden has a stale viewport size.
            available = self.width() - self.scroll.verticalScrollBar().sizeHint().width() - 16
            zoom = max(0.2, available / (width_pt * 96 / 72)) if width_pt else 1.0
            self.zoom = zoom
        ratio = self.devicePixelRatioF()
        bitmap = page.render(scale=zoom * 96 / 72 * ratio, rev_byteorder=True)
        image = QImage(
            bytes(bitmap.buffer),
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB888,
        ).copy()
        bitmap.close()
        page.close()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.image.setPixmap(pixmap)
        self.page_changed.emit(self.page, self.page_count())

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self.fit_width and self._doc is not None:
            self.render()

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fit_width and self._doc is not None:
            self.render()


class PdfPane(QWidget):
    """A PDF reader: previous/next page, page number, zoom out/in, fit width."""

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

        if HAVE_QTPDF:
            self._qdoc = QPdfDocument(self)
            self._buffer: QBuffer | None = None
            self.view: QWidget = QPdfView(self)
            self.view.setDocument(self._qdoc)  # type: ignore[attr-defined]
            self.view.setPageMode(QPdfView.PageMode.MultiPage)  # type: ignore[attr-defined]
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)  # type: ignore[attr-defined]
            self.view.pageNavigator().currentPageChanged.connect(  # type: ignore[attr-defined]
                lambda p: self._show_page(p, self._qdoc.pageCount())
            )
        else:
            self.view = PdfiumView(self)
            self.view.page_changed.connect(self._show_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_box.valueChanged.connect(lambda v: self.go_to(v - 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(+1))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(-1))
        self.fit_button.clicked.connect(self.fit_width)
        for keys, slot in (
            (
                QKeySequence.StandardKey.MoveToPreviousPage,
                lambda: self.go_to(self.current_page() - 1),
            ),
            (QKeySequence.StandardKey.MoveToNextPage, lambda: self.go_to(self.current_page() + 1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _button(self, text: str, tip: str) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        return b

    def load(self, title: str, data: bytes) -> str | None:
        self.title.setText(title)
        if HAVE_QTPDF:
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self._qdoc.load(self._buffer)
            if self._qdoc.status() != QPdfDocument.Status.Ready:
                return self.tr("the file is not a readable PDF")
            self._show_page(0, self._qdoc.pageCount())
            return None
        problem = self.view.load(data)  # type: ignore[attr-defined]
        self._show_zoom()
        return problem

    def current_page(self) -> int:
        if HAVE_QTPDF:
            return int(self.view.pageNavigator().currentPage())  # type: ignore[attr-defined]
        return int(self.view.page)  # type: ignore[attr-defined]

    def page_total(self) -> int:
        if HAVE_QTPDF:
            return int(self._qdoc.pageCount())
        return int(self.view.page_count())  # type: ignore[attr-defined]

    def go_to(self, page: int) -> None:
        if page < 0 or page >= self.page_total() or page == self.current_page():
            return
        if HAVE_QTPDF:
            self.view.pageNavigator().jump(page, self.view.pageNavigator().currentLocation())  # type: ignore[attr-defined]
        else:
            self.view.go_to(page)  # type: ignore[attr-defined]

    def zoom_factor(self) -> float:
        if HAVE_QTPDF:
            return float(self.view.zoomFactor())  # type: ignore[attr-defined]
        return float(self.view.zoom)  # type: ignore[attr-defined]

    def zoom_by(self, direction: int) -> None:
        current = self.zoom_factor()
        if direction > 0:
            target = next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1])
        else:
            target = next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01), ZOOM_STEPS[0])
        if HAVE_QTPDF:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)  # type: ignore[attr-defined]
            self.view.setZoomFactor(target)  # type: ignore[attr-defined]
        else:
            self.view.set_zoom(target)  # type: ignore[attr-defined]
        self._show_zoom()

    def fit_width(self) -> None:
        if HAVE_QTPDF:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)  # type: ignore[attr-defined]
        else:
            self.view.set_zoom(None)  # type: ignore[attr-defined]
        self._show_zoom()

    def _show_page(self, page: int, count: int) -> None:
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
        if HAVE_QTPDF:
            self._qdoc.close()
        else:
            self.view.close_document()  # type: ignore[attr-defined]


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
        top_layout.addWidget(self.summary, 1)
        top_layout.addWidget(self.attachments_label)
        top_layout.addWidget(self.attachments)

        self.pdf = PdfPane(self)
        self.no_pdf = QLabel(self.tr("The PDF cannot be shown."), self)
        self.no_pdf.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        self.reader.setCurrentWidget(self.no_pdf)
        self.attachments.clear()
        if entry is None:
            self.heading.setText(self.tr("No entry selected"))
            self.meta.clear()
            self.summary.clear()
            self.attachments_label.hide()
            self.attachments.hide()
            self.reader.hide()
            return
        self.heading.setText(f"<b>{_html(entry.code)}</b> · {_html(entry.title)}")
        self.meta.setText(" · ".join(t for t in (entry.unit, entry.category) if t))
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
            self.problem.emit(self.tr("{0} cannot be shown: {1}").format(att.filename, problem))
            return
        if self._temp_dir is None:
            self._temp_dir = tempfile.TemporaryDirectory(prefix="kolabik-")
        target = Path(self._temp_dir.name) / Path(att.filename).name
        target.write_bytes(data)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.problem.emit(
                self.tr("No program on this computer opens {0}.").format(att.filename)
            )


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
