"""File > Print / Export: choose a report or a spreadsheet, preview its first page, save it.

Building runs off the GUI thread (``run_task``) with progress; the worker reads the event in its
own session and returns bytes. The preview's first page is drawn with QtPdf on the GUI thread
(QtPdf's PDFium must not be used from two threads at once, and the entry view uses it too).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QSettings,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QImage,
    QKeySequence,
    QPainter,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.scoring.model import FINAL
from kolabik_desktop.core.store.db import EventDB
from kolabik_desktop.ui.file_dialogs import get_save_file_name
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.settings_dialog import PAPERS
from kolabik_desktop.ui.workers import run_task

if TYPE_CHECKING:
    from kolabik_desktop.ui.host import WindowHost

PDF_KINDS = (
    "sheet",
    "recap",
    "minutes",
    "feedback",
    "blank",
    "certificate",
    "decision",
    "analysis",
)
VERDICT_KINDS = ("certificate", "decision")
EXPORT_KINDS = ("leaderboard", "matrix")
PREVIEW_WIDTH = 420


def _render_first_page(pdf: bytes, width: int) -> QImage | None:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    try:
        if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() == 0:
            return None
        page = doc.pagePointSize(0)
        height = round(width * page.height() / page.width())
        ink = doc.render(0, QSize(width, height))
        if ink.isNull():
            return None
        # QtPdf renders onto a transparent image: a preview is a sheet of paper.
        image = QImage(ink.size(), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.drawImage(0, 0, ink)
        painter.end()
        return image
    finally:
        doc.close()


class ReportDialog(QDialog):
    """Pick what to print or export; the preview follows the choices."""

    preview_ready = Signal()  # the preview shows the current choices
    saved = Signal(object)  # Path of the file written
    failed = Signal(str)

    def __init__(self, db: EventDB, parent: QWidget | None = None, *, ask_to_open: bool = True):
        super().__init__(parent)
        self.db = db
        self.ask_to_open = ask_to_open
        self._data: Any = None  # ReportData, loaded off the GUI thread
        self._generation = 0  # preview requests; an older result is dropped
        self._busy = False
        self.last_pdf: bytes | None = None
        self.setWindowTitle(self.tr("Print / Export"))
        self._build()
        self.resize(960, 720)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._refresh_preview)
        # A resized dialog redraws the page at the new width (the PDF is kept, not rebuilt).
        self._rerender = QTimer(self, singleShot=True, interval=80)
        self._rerender.timeout.connect(self._show_page)
        self._load_data()

    # -- widgets ---------------------------------------------------------------------------

    def _build(self) -> None:
        from kolabik_desktop.core.reports.common import KIT_KINDS

        self.kind = QComboBox()
        for code, label in (
            ("sheet", self.tr("Score sheet (lembar penilaian)")),
            ("recap", self.tr("Score recap (rekapitulasi nilai)")),
            ("minutes", self.tr("Minutes of the result (berita acara)")),
            ("feedback", self.tr("Feedback sheet per participant")),
            ("blank", self.tr("Blank score form")),
            ("certificate", self.tr("Certificates (piagam penghargaan)")),
            ("decision", self.tr("Decision letter draft (surat keputusan, PDF or Word)")),
            ("analysis", self.tr("Juror statistics and method sensitivity")),
            ("leaderboard", self.tr("Leaderboard spreadsheet (xlsx/csv)")),
            ("matrix", self.tr("Full score matrix spreadsheet (xlsx/csv)")),
        ):
            # A juror's kit holds only their scores: panel results would be wrong there.
            if self.db.kind != "kit" or code in (*KIT_KINDS, "matrix"):
                self.kind.addItem(label, code)
        self.stage = QComboBox()
        # The stage was moved off "Final" only because sheets need a stage (not by the user).
        self._stage_moved_for_sheets = False
        self.stage.activated.connect(lambda _i: setattr(self, "_stage_moved_for_sheets", False))
        self.juror = QComboBox()
        self.entry = QComboBox()
        self.category = QComboBox()
        self.top_n = QSpinBox()
        self.top_n.setRange(0, 10000)
        self.top_n.setSpecialValueText(self.tr("whole ranking"))
        self.per_category = QCheckBox(self.tr("Top N of each category"))
        self.paper = QComboBox()
        for code, label in PAPERS:
            self.paper.addItem(label, code)
        self.paper.setCurrentIndex(
            max(0, self.paper.findData(QSettings().value("paper_size", "a4")))
        )
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("As the table needs"), "auto")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.lang = QComboBox()
        self.lang.addItem("Bahasa Indonesia", "id")
        self.lang.addItem("English", "en")

        form = QFormLayout()
        form.addRow(self.tr("Report:"), self.kind)
        form.addRow(self.tr("Stage:"), self.stage)
        form.addRow(self.tr("Juror:"), self.juror)
        form.addRow(self.tr("Participant:"), self.entry)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Shortlist of:"), self.top_n)
        form.addRow("", self.per_category)
        form.addRow(self.tr("Paper:"), self.paper)
        form.addRow(self.tr("Orientation:"), self.orientation)
        form.addRow(self.tr("Language:"), self.lang)
        self._rows = {
            "juror": self.juror,
            "entry": self.entry,
            "category": self.category,
            "top_n": self.top_n,
            "per_category": self.per_category,
            "paper": self.paper,
            "orientation": self.orientation,
        }
        self._form = form

        self.preview = QLabel(self.tr("Reading the event…"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setMinimumSize(PREVIEW_WIDTH, int(PREVIEW_WIDTH * 1.41))
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(PREVIEW_WIDTH + 24)
        self.preview_scroll = scroll

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save…"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.save_button.clicked.connect(self._ask_and_save)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        left.addWidget(self.progress)
        left.addWidget(self.status)
        top = QHBoxLayout()
        # The page gets the room: the choices are short, a page at 44 % zoom is unreadable.
        top.addLayout(left, 2)
        top.addWidget(scroll, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.buttons)

        for combo in (self.kind, self.stage, self.juror, self.entry, self.category):
            combo.currentIndexChanged.connect(self._choices_changed)
        for combo in (self.paper, self.orientation, self.lang):
            combo.currentIndexChanged.connect(self._choices_changed)
        self.top_n.valueChanged.connect(self._choices_changed)
        self.per_category.toggled.connect(self._choices_changed)

    def _fill(self) -> None:
        """The event's stages, jurors, entries and categories, once the data is read."""
        data = self._data
        for combo in (self.stage, self.juror, self.entry, self.category):
            combo.blockSignals(True)
            combo.clear()
        self.stage.addItem(self.tr("Final result"), FINAL)
        for s in data.event.stages:
            self.stage.addItem(f"{s.code} — {s.name}", s.code)
        self.juror.addItem(self.tr("All jurors"), None)
        for j in data.event.jurors:
            self.juror.addItem(f"{j.code} — {j.name}", j.code)
        self.entry.addItem(self.tr("All participants"), None)
        for e in data.event.entries:
            self.entry.addItem(f"{e.code} — {e.title}", e.code)
        self.category.addItem(self.tr("All categories"), None)
        for c in data.categories:
            self.category.addItem(c, c)
        for combo in (self.stage, self.juror, self.entry, self.category):
            combo.blockSignals(False)
        self._choices_changed()

    # -- choices -----------------------------------------------------------------------------

    def set_choice(self, name: str, value: object) -> None:
        """Select by data value (kind, stage, juror, entry, category, paper, orientation, lang)."""
        combo: QComboBox = getattr(self, name)
        index = combo.findData(value)
        if index < 0:
            raise ValueError(f"no {name} {value!r}")
        combo.setCurrentIndex(index)

    def _choices_changed(self, *_: object) -> None:
        kind = self.kind.currentData()
        needs = {
            "juror": kind in ("sheet", "blank"),
            "entry": kind in ("feedback", "certificate"),
            "category": kind in ("recap", "minutes", "leaderboard"),
            "top_n": kind in ("minutes", *VERDICT_KINDS),
            "per_category": kind == "minutes",
            "paper": kind in PDF_KINDS,
            "orientation": kind in PDF_KINDS and kind not in VERDICT_KINDS,
        }
        # Certificates and the letter award the event's number of places unless told otherwise.
        self.top_n.setSpecialValueText(
            self.tr("the event's award count")
            if kind in VERDICT_KINDS
            else self.tr("whole ranking")
        )
        for name, widget in self._rows.items():
            widget.setVisible(needs[name])
            label = self._form.labelForField(widget)
            if label is not None:
                label.setVisible(needs[name])
        # Sheets and blank forms are per stage: "Final" is not a choice for them.
        final_item = self.stage.model().item(0)  # type: ignore[attr-defined]
        if final_item is not None:
            final_item.setEnabled(kind not in ("sheet", "blank"))
            if (
                kind in ("sheet", "blank")
                and self.stage.currentIndex() == 0
                and self.stage.count() > 1
            ):
                self.stage.setCurrentIndex(1)
                self._stage_moved_for_sheets = True
            elif kind in ("recap", "minutes", "leaderboard") and self._stage_moved_for_sheets:
                # Back to the final ranking, as the CLI defaults: P1 was only the sheets' choice.
                self.stage.setCurrentIndex(0)
                self._stage_moved_for_sheets = False
        if self._data is not None:
            self.save_button.setEnabled(not self._busy)
            self._debounce.start()

    def options(self) -> Any:
        """The ReportOptions the dialog shows (for a PDF kind)."""
        from kolabik_desktop.core.reports import ReportOptions

        kind = self.kind.currentData()
        top = self.top_n.value() or None
        return ReportOptions(
            kind=kind,
            stage=self.stage.currentData(),
            juror=self.juror.currentData() if kind in ("sheet", "blank") else None,
            entry=self.entry.currentData() if kind in ("feedback", "certificate") else None,
            category=self.category.currentData() if kind in ("recap", "minutes") else None,
            top_n=top if kind in ("minutes", *VERDICT_KINDS) else None,
            per_category=kind == "minutes" and top is not None and self.per_category.isChecked(),
            paper=self.paper.currentData(),
            orientation=self.orientation.currentData(),
            lang=self.lang.currentData(),
            date=dt.date.today(),
        )

    # -- work off the GUI thread -------------------------------------------------------------

    def _load_data(self) -> None:
        from kolabik_desktop.core.reports import load_report_data

        db = self.db
        self._set_busy(True, self.tr("Reading the event…"))
        run_task(lambda progress: load_report_data(db), self._data_loaded, self._on_error, db=db)

    def _data_loaded(self, data: object) -> None:
        self._data = data
        self._set_busy(False, "")
        self._fill()

    def reload(self) -> None:
        """Re-read the event (after scores changed) and refresh the preview."""
        self._load_data()

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy and self._data is not None)
        if busy:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1)
            self.progress.setValue(1 if self._data is not None else 0)
        self.status.setText(text)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(text)

    def _on_error(self, exc: Exception) -> None:
        self._set_busy(False, "")
        message = (
            error_text(exc)
            if isinstance(exc, KolabikError)
            else self.tr("Could not build: %1").replace("%1", error_text(exc))
        )
        self.status.setText(message)
        self.failed.emit(message)

    def _refresh_preview(self) -> None:
        if self._data is None:
            return
        if self._busy:
            # One build at a time: the engine's caches are not meant for two threads at once.
            self._debounce.start()
            return
        self._generation += 1
        generation = self._generation
        kind = self.kind.currentData()
        data = self._data
        if kind in EXPORT_KINDS:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self._export_summary(kind))
            self.last_pdf = None
            self.preview_ready.emit()
            return
        options = self._preview_options(self.options())

        def build(progress: Any) -> bytes:
            from kolabik_desktop.core.reports import build_report

            return build_report(data, options, progress)

        self._set_busy(True, self.tr("Preparing the preview…"))
        run_task(
            build,
            lambda pdf: self._preview_built(generation, pdf),
            self._on_error,
            self._on_progress,
            db=self.db,
        )

    def _preview_options(self, options: Any) -> Any:
        """Only what the first page needs: one juror's sheet, one participant's feedback."""
        data = self._data
        if options.kind in ("sheet", "blank") and options.juror is None and data.event.jurors:
            return replace(options, juror=data.event.jurors[0].code)
        if options.kind == "feedback" and options.entry is None and data.event.entries:
            return replace(options, entry=data.event.entries[0].code)
        if options.kind in VERDICT_KINDS:
            # A preview is not a certificate: show it even from a provisional ranking.
            return replace(options, confirmed=True)
        return options

    def _preview_built(self, generation: int, pdf: bytes) -> None:
        self._set_busy(False, "")
        if generation != self._generation:
            return  # the choices moved on while this was being built
        self.last_pdf = pdf
        self._show_page()
        self.preview_ready.emit()

    def preview_width(self) -> int:
        """The page fills the preview's width (never narrower than PREVIEW_WIDTH)."""
        viewport = self.preview_scroll.viewport().width()
        bar = self.preview_scroll.verticalScrollBar().sizeHint().width()
        return max(PREVIEW_WIDTH, viewport - bar - 8)  # room for a scroll bar when it is tall

    def _show_page(self) -> None:
        if not self.last_pdf:
            return  # an export (no PDF) shows its summary instead
        image = _render_first_page(self.last_pdf, self.preview_width())
        if image is None:
            self.preview.setText(self.tr("Preview not available; the report is ready to save."))
        else:
            self.preview.setPixmap(QPixmap.fromImage(image))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.last_pdf and not self.preview.pixmap().isNull():
            self._rerender.start()

    def _export_summary(self, kind: str) -> str:
        data = self._data
        stage = self.stage.currentData()
        if kind == "leaderboard":
            board = data.scorer.leaderboard(stage, self.category.currentData())
            return (
                self.tr("Leaderboard of %1: %2 rows, one per participant.")
                .replace("%1", self.stage.currentText())
                .replace("%2", str(len(board.rows)))
            )
        stages = len(data.event.stages) if stage == FINAL else 1
        return self.tr(
            "Score matrix: one row per participant and juror, one column per criterion; "
            "%1 sheet(s) in xlsx. A csv file holds one stage."
        ).replace("%1", str(stages))

    # -- saving ------------------------------------------------------------------------------

    def _ask_and_save(self) -> None:
        from kolabik_desktop.core.reports.i18n import default_file_name  # reportlab: not at start

        kind = self.kind.currentData()
        base = Path(str(QSettings().value("last_report_folder", str(Path.home()))))
        suffix = ".xlsx" if kind in EXPORT_KINDS else ".pdf"
        stage = self.stage.currentData() or FINAL
        suggested = base / default_file_name(self.lang.currentData(), kind, stage, suffix)
        if kind in EXPORT_KINDS:
            filters = self.tr("Excel workbook (*.xlsx);;CSV (*.csv)")
        elif kind == "decision":
            suggested = base / f"{kind}.pdf"
            filters = self.tr("PDF (*.pdf);;Word document (*.docx)")
        else:
            filters = self.tr("PDF (*.pdf)")
        path, _ = get_save_file_name(self, self.tr("Save as"), str(suggested), filters)
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Build the current choice and write it to ``path`` off the GUI thread."""
        if self._data is None:
            return
        kind = self.kind.currentData()
        data = self._data
        if kind in EXPORT_KINDS:
            stage = self.stage.currentData()
            category = self.category.currentData() if kind == "leaderboard" else None
            lang = self.lang.currentData()
            if path.suffix.lower() not in (".xlsx", ".csv"):
                path = path.with_suffix(".xlsx")

            def work(progress: Any) -> Path:
                from kolabik_desktop.core.exchange.exports import export

                export(data, kind, path, board=stage, category=category, lang=lang)
                return path
        else:
            options = self.options()
            docx = kind == "decision" and path.suffix.lower() == ".docx"
            if path.suffix.lower() != ".pdf" and not docx:
                path = path.with_suffix(".pdf")
            if kind in VERDICT_KINDS:
                confirmed = self.confirm_awards(options)
                if confirmed is None:
                    return
                options = replace(options, confirmed=confirmed)

            def work(progress: Any) -> Path:
                from kolabik_desktop.core.files import write_output
                from kolabik_desktop.core.reports import build_decision_docx, build_report

                if docx:
                    blob = build_decision_docx(data, options)
                else:
                    blob = build_report(data, options, progress)
                write_output(path, blob, "report")
                return path

        self._set_busy(True, self.tr("Building…"))
        run_task(work, self._saved, self._on_error, self._on_progress, db=self.db)

    def confirm_awards(self, options: Any) -> bool | None:
        """True when the user accepts a provisional ranking, False when it is final, None to stop.

        Certificates of a provisional ranking are a mistake waiting to happen: ask first.
        """
        from kolabik_desktop.core.reports import awards_for

        try:
            awards = awards_for(self._data, options)
        except KolabikError as exc:
            self._on_error(exc)
            return None
        notes = []
        if awards.short:
            notes.append(
                self.tr("Only %1 entries are ranked: all of them are awarded.").replace(
                    "%1", str(awards.ranked)
                )
            )
        if not awards.provisional:
            if notes:
                self.status.setText(" ".join(notes))
            return False
        text = self.tr(
            "The ranking is still provisional: %1 entries are not scored by every juror yet "
            "(%2). Make the certificates or the letter anyway?"
        )
        text = text.replace("%1", str(len(awards.provisional)))
        text = text.replace("%2", ", ".join(awards.provisional[:8]))
        answer = QMessageBox.question(
            self,
            self.tr("Provisional ranking"),
            "\n\n".join([text, *notes]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return True if answer == QMessageBox.StandardButton.Yes else None

    def _saved(self, path: Path) -> None:
        self._set_busy(False, self.tr("Saved %1").replace("%1", str(path)))
        QSettings().setValue("last_report_folder", str(path.parent))
        self.saved.emit(path)
        if self.ask_to_open:
            answer = QMessageBox.question(
                self,
                self.tr("Saved"),
                self.tr("Saved %1.\nOpen it now?").replace("%1", path.name),
            )
            if answer == QMessageBox.StandardButton.Yes:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ReportFeature:
    """File > Print / Export… (Ctrl+P), enabled while an event is open."""

    def __init__(self, host: WindowHost) -> None:
        window = host.widget
        action = QAction(QCoreApplication.translate("ReportDialog", "&Print / Export…"), window)
        action.setShortcut(QKeySequence.StandardKey.Print)
        action.setEnabled(host.context is not None)

        def open_dialog() -> None:
            context = host.context
            if context is None:
                return
            dialog = ReportDialog(context.db, window)
            context.changed.connect(dialog.reload)
            dialog.exec()
            dialog.deleteLater()  # Qt drops the changed -> reload connection with it

        action.triggered.connect(open_dialog)
        host.event_opened.connect(lambda _ctx: action.setEnabled(True))
        host.event_closed.connect(lambda: action.setEnabled(False))
        host.add_action("file", action)
        self.action = action
