"""File › New event from a workbook: the committee's Excel workbook becomes an event file.

The same import as ``kolabik import-workbook`` (core's ``import_workbook``: the whole workbook is
checked before anything is written, and a refused one leaves no file), run off the GUI thread
with its progress shown, then the new event opens in the window. A refusal lists every problem
with its sheet, row and column, in the window's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from kolabik_desktop.ui.file_dialogs import get_open_file_name, get_save_file_name
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.workers import ProgressFn, run_task

if TYPE_CHECKING:
    from kolabik_desktop.ui.host import WindowHost

EVENT_SUFFIX = ".kolabik"


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkbookImport", text)


def event_path_for(chosen: str) -> Path:
    """The event file a chosen name means: NAME.kolabik (the suffix added when left out)."""
    path = Path(chosen)
    return path if path.suffix.lower() == EVENT_SUFFIX else path.with_name(path.name + EVENT_SUFFIX)


class WorkbookImportFeature:
    """File › New event from a workbook… (any mode: it makes a new event, then opens it)."""

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self.action = QAction(_tr("New event from a &workbook…"), host.widget)
        self.action.triggered.connect(lambda _checked=False: self.choose())
        host.add_action("file", self.action)
        self.progress: QProgressDialog | None = None

    def choose(self) -> None:
        window = self.host.widget
        xlsx, _ = get_open_file_name(
            window,
            _tr("New event from a workbook"),
            "",
            _tr("Excel workbooks (*.xlsx);;All files (*)"),
        )
        if not xlsx:
            return
        target, _ = get_save_file_name(
            window,
            _tr("Save the new event as"),
            str(Path(xlsx).with_suffix(EVENT_SUFFIX)),
            _tr("Kolabik events (*.kolabik)"),
        )
        if target:
            self.start(Path(xlsx), event_path_for(target))

    def start(self, xlsx: Path, event: Path) -> None:
        """Import ``xlsx`` into the new event file ``event`` in the background, then open it."""
        progress = QProgressDialog(_tr("Reading the workbook…"), "", 0, 0, self.host.widget)
        progress.setWindowTitle(_tr("New event from a workbook"))
        progress.setCancelButton(None)  # all or nothing: the import is not cut in the middle
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()
        self.progress = progress
        self.action.setEnabled(False)

        def work(report: ProgressFn) -> Path:
            from kolabik_desktop.core.exchange.workbook import import_workbook

            import_workbook(xlsx, event, progress=report).close()
            return event

        run_task(work, self._done, self._failed, self._progress)

    def _progress(self, done: int, total: int, sheet: str) -> None:
        if self.progress is not None:
            self.progress.setRange(0, max(total, 0))
            self.progress.setValue(done)
            self.progress.setLabelText(_tr("Reading the workbook: sheet {0}").format(sheet))

    def _finish(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None
        self.action.setEnabled(True)

    def _done(self, event: Path) -> None:
        self._finish()
        self.host.open_event(event)

    def _failed(self, exc: Exception) -> None:
        self._finish()
        QMessageBox.warning(
            self.host.widget,
            _tr("New event from a workbook"),
            _tr("No event was made: {0}").format(error_text(exc)),
        )
