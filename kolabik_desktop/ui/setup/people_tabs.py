"""Tabs for categories, entries (with attachments and import), jurors and conflicts of interest."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.store import setup
from kolabik_desktop.ui.file_dialogs import (
    get_open_file_name,
    get_open_file_names,
    get_save_file_name,
)
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.setup.common import FAILED, RecordTab, attempt, confirm
from kolabik_desktop.ui.setup.models import (
    CategoriesModel,
    ConflictsModel,
    EntriesModel,
    JurorsModel,
)
from kolabik_desktop.ui.workers import run_task

if TYPE_CHECKING:
    from kolabik_desktop.ui.context import EventContext

ATTACHMENT_ROLE = 0x0100


def _kept(result: Any, record_id: int) -> Any:
    return FAILED if result is FAILED else record_id


class CategoriesTab(RecordTab):
    reload_on = ("entries",)
    sortable = False
    stretch = 0

    def __init__(self, context: EventContext, parent: QWidget | None = None):
        super().__init__(context, CategoriesModel(), parent)
        self.name = QLineEdit()
        self.form.addRow(self.tr("Category name"), self.name)
        self.reload()

    def load_rows(self) -> list[Any]:
        return setup.list_categories(self.context.db)

    def fill_form(self, row: setup.CategoryRow | None) -> None:
        self.name.setText(row.name if row else "")

    def save(self, record_id: int | None) -> Any:
        if record_id is None:
            return attempt(self, setup.add_category, self.context.db, self.name.text())
        result = attempt(self, setup.rename_category, self.context.db, record_id, self.name.text())
        return _kept(result, record_id)

    def delete(self, record_id: int) -> Any:
        row = self.current_row()
        text = self.tr("Delete the category %1?").replace("%1", row.name)
        if row.entries:
            text += " " + self.tr("Its %1 entries stay, without a category.").replace(
                "%1", str(row.entries)
            )
        if not confirm(self, self.tr("Delete category"), text):
            return FAILED
        return attempt(self, setup.delete_category, self.context.db, record_id)


class EntriesTab(RecordTab):
    reload_on = ("entries", "scores")

    def __init__(self, context: EventContext, parent: QWidget | None = None):
        super().__init__(context, EntriesModel(), parent)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter entries…"))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.import_button = QPushButton(self.tr("Import list…"))
        self.import_button.setToolTip(
            self.tr(
                "Entries from an xlsx or csv list (kode, judul, unit, kelompok) or the event workbook"
            )
        )
        self.import_button.clicked.connect(self.choose_import)
        self.top.addWidget(self.filter, 1)
        self.top.addWidget(self.import_button)
        self.code = QLineEdit()
        self.title = QLineEdit()
        self.unit = QLineEdit()
        self.category = QComboBox()
        self.summary = QPlainTextEdit()
        self.summary.setMaximumHeight(70)
        self.attachments = QListWidget()
        self.attachments.setMaximumHeight(80)
        attach = QPushButton(self.tr("Attach file…"))
        save_as = QPushButton(self.tr("Save copy as…"))
        detach = QPushButton(self.tr("Remove file"))
        attach.clicked.connect(self.choose_attachment)
        save_as.clicked.connect(self.save_attachment_copy)
        detach.clicked.connect(self.remove_attachment)
        files = QHBoxLayout()
        files.addWidget(self.attachments, 1)
        file_buttons = QVBoxLayout()
        for b in (attach, save_as, detach):
            file_buttons.addWidget(b)
        files.addLayout(file_buttons)
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Unit"), self.unit)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Summary"), self.summary)
        self.form.addRow(self.tr("Files"), files)
        self.reload()

    def reload(self) -> None:
        keep = self.category.currentData()
        self.category.clear()
        self.category.addItem(self.tr("(no category)"), None)
        for c in setup.list_categories(self.context.db):
            self.category.addItem(c.name, c.id)
        self.category.setCurrentIndex(max(0, self.category.findData(keep)))
        super().reload()

    def load_rows(self) -> list[Any]:
        return setup.list_entries(self.context.db)

    def fill_form(self, row: setup.EntryRow | None) -> None:
        d = row.data if row else setup.EntryData("", "")
        self.code.setText(d.code)
        self.title.setText(d.title)
        self.unit.setText(d.unit)
        self.category.setCurrentIndex(max(0, self.category.findData(d.category_id)))
        self.summary.setPlainText(d.summary)
        self.attachments.clear()
        if row is not None:
            for a in setup.list_attachments(self.context.db, row.id):
                item = QListWidgetItem(f"{a.filename}  ({a.size:,} B, {a.mime})")
                item.setData(ATTACHMENT_ROLE, a.id)
                self.attachments.addItem(item)

    def form_data(self) -> setup.EntryData:
        return setup.EntryData(
            code=self.code.text(),
            title=self.title.text(),
            unit=self.unit.text(),
            category_id=self.category.currentData(),
            summary=self.summary.toPlainText(),
        )

    def save(self, record_id: int | None) -> Any:
        if record_id is None:
            return attempt(self, setup.add_entry, self.context.db, self.form_data())
        result = attempt(self, setup.update_entry, self.context.db, record_id, self.form_data())
        return _kept(result, record_id)

    def delete(self, record_id: int) -> Any:
        row = self.current_row()
        text = self.tr("Delete entry %1 with its files?").replace("%1", row.data.code)
        if row.scores:
            text += " " + self.tr("Its %1 scores will be deleted too.").replace(
                "%1", str(row.scores)
            )
        if not confirm(self, self.tr("Delete entry"), text):
            return FAILED
        return attempt(
            self, setup.delete_entry, self.context.db, record_id, allow_deleting_scores=True
        )

    # -- attachments ----------------------------------------------------------------------------

    def choose_attachment(self) -> None:
        if self.current_id is None:
            return
        paths, _ = get_open_file_names(self, self.tr("Attach files to the entry"))
        for path in paths:
            self.attach(Path(path))

    def attach(self, path: Path) -> None:
        if self.current_id is None:
            return
        if attempt(self, setup.attach_file, self.context.db, self.current_id, path) is not FAILED:
            self.fill_form(self.selected_row())

    def _attachment_id(self) -> int | None:
        item = self.attachments.currentItem()
        return item.data(ATTACHMENT_ROLE) if item else None

    def save_attachment_copy(self) -> None:
        aid = self._attachment_id()
        if aid is None:
            return
        name = self.attachments.currentItem().text().split("  (")[0]
        dest, _ = get_save_file_name(self, self.tr("Save a copy of the file"), name)
        if dest:
            attempt(self, setup.save_attachment_as, self.context.db, aid, dest)

    def remove_attachment(self) -> None:
        aid = self._attachment_id()
        if aid is None:
            return
        if confirm(self, self.tr("Remove file"), self.tr("Remove this file from the entry?")):
            attempt(self, setup.remove_attachment, self.context.db, aid)
            self.fill_form(self.selected_row())

    # -- import -------------------------------------------------------------------------------

    def choose_import(self) -> None:
        path, _ = get_open_file_name(
            self,
            self.tr("Import entries"),
            "",
            self.tr("Entry lists (*.xlsx *.csv)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Read and store the list off the GUI thread; report the outcome when done."""
        db = self.context.db
        self.import_button.setEnabled(False)

        def done(result: setup.EntriesImport) -> None:
            self.import_button.setEnabled(True)
            self.import_finished(path, result)

        def failed(exc: Exception) -> None:
            self.import_button.setEnabled(True)
            QMessageBox.warning(self, self.tr("Import refused"), error_text(exc))

        run_task(lambda _progress: setup.import_entries_file(db, path), done, failed)

    def import_finished(self, path: Path, result: setup.EntriesImport) -> None:
        self.last_import = result
        self.reload()
        QMessageBox.information(
            self,
            self.tr("Entries imported"),
            self.tr("%1: %2 added, %3 updated, %4 unchanged, %5 new categories.")
            .replace("%1", path.name)
            .replace("%2", str(result.added))
            .replace("%3", str(result.updated))
            .replace("%4", str(result.unchanged))
            .replace("%5", str(result.categories_added)),
        )


class JurorsTab(RecordTab):
    reload_on = ("jurors", "scores")

    def __init__(self, context: EventContext, parent: QWidget | None = None):
        super().__init__(context, JurorsModel(), parent)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.affiliation = QLineEdit()
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Affiliation"), self.affiliation)
        self.reload()

    def load_rows(self) -> list[Any]:
        return setup.list_jurors(self.context.db)

    def fill_form(self, row: setup.JurorRow | None) -> None:
        d = row.data if row else setup.JurorData("", "")
        self.code.setText(d.code)
        self.name.setText(d.name)
        self.affiliation.setText(d.affiliation)

    def save(self, record_id: int | None) -> Any:
        data = setup.JurorData(self.code.text(), self.name.text(), self.affiliation.text())
        if record_id is None:
            return attempt(self, setup.add_juror, self.context.db, data)
        return _kept(attempt(self, setup.update_juror, self.context.db, record_id, data), record_id)

    def delete(self, record_id: int) -> Any:
        row = self.current_row()
        text = self.tr("Delete juror %1?").replace("%1", row.data.code)
        if row.scores:
            text += " " + self.tr("The %1 scores they gave will be deleted too.").replace(
                "%1", str(row.scores)
            )
        if not confirm(self, self.tr("Delete juror"), text):
            return FAILED
        return attempt(
            self, setup.delete_juror, self.context.db, record_id, allow_deleting_scores=True
        )


class ConflictsTab(RecordTab):
    reload_on = ("jurors", "entries")
    stretch = 3

    def __init__(self, context: EventContext, parent: QWidget | None = None):
        super().__init__(context, ConflictsModel(), parent)
        self.juror = QComboBox()
        self.entry = QComboBox()
        self.entry.setEditable(True)  # type to find an entry among hundreds
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. own unit, former supervisor"))
        self.form.addRow(self.tr("Juror"), self.juror)
        self.form.addRow(self.tr("Entry"), self.entry)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.top.addWidget(
            QLabel(self.tr("A recused juror's scores for the entry count in no stage."))
        )
        self.delete_button.setText(self.tr("Remove"))
        self.reload()

    def reload(self) -> None:
        self.juror.clear()
        for j in setup.list_jurors(self.context.db):
            self.juror.addItem(f"{j.data.code} — {j.data.name}", j.id)
        self.entry.clear()
        for e in setup.list_entries(self.context.db):
            self.entry.addItem(f"{e.data.code} — {e.data.title}", e.id)
        super().reload()

    @staticmethod
    def pair_id(juror_id: int, entry_id: int) -> int:
        # A conflict is keyed by the pair; one number is enough to find it again in the list.
        return juror_id * 1_000_000_007 + entry_id

    def row_id(self, row: setup.ConflictRow) -> int:
        return self.pair_id(row.juror_id, row.entry_id)

    def load_rows(self) -> list[Any]:
        return setup.list_conflicts(self.context.db)

    def fill_form(self, row: setup.ConflictRow | None) -> None:
        if row is None:
            self.reason.setText("")
            return
        self.juror.setCurrentIndex(self.juror.findData(row.juror_id))
        self.entry.setCurrentIndex(self.entry.findData(row.entry_id))
        self.reason.setText(row.reason)

    def save(self, record_id: int | None) -> Any:
        juror_id, entry_id = self.juror.currentData(), self.entry.currentData()
        if juror_id is None or entry_id is None:
            return FAILED
        result = attempt(
            self, setup.set_conflict, self.context.db, juror_id, entry_id, self.reason.text()
        )
        return FAILED if result is FAILED else self.pair_id(juror_id, entry_id)

    def delete(self, record_id: int) -> Any:
        row = self.current_row()
        return attempt(self, setup.remove_conflict, self.context.db, row.juror_id, row.entry_id)
