"""Small helpers shared by the setup tabs: calling a service, asking, and a table-plus-form tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.store import setup
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.setup.models import ROW_ROLE, RowsModel

if TYPE_CHECKING:
    from kolabik_desktop.core.store.db import Change
    from kolabik_desktop.ui.context import EventContext

MAX_COLUMN_WIDTH = 220  # pixels; wider text is elided
FAILED = object()  # returned by ``attempt`` when the service refused


def attempt(parent: QWidget, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a setup service; show its refusal (a clear message, never a traceback)."""
    try:
        return fn(*args, **kwargs)
    except KolabikError as exc:
        warn(parent, error_text(exc))
        return FAILED


def warn(parent: QWidget, text: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Setup", "Not saved"), text)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def make_table(
    model: Any, *, sortable: bool = True, stretch: int = 1
) -> tuple[QTableView, QSortFilterProxyModel]:
    view = QTableView()
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    view.setModel(proxy)
    view.setSortingEnabled(sortable)
    if sortable:
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # A long unit or category name must not squeeze the title column (Stretch is not capped).
    header.setMaximumSectionSize(MAX_COLUMN_WIDTH)
    # The name or title column takes the spare width, so numbers stay next to their labels.
    header.setStretchLastSection(False)
    model.modelReset.connect(
        lambda: (
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
            if model.columnCount() > stretch
            else None
        )
    )
    return view, proxy


def fill_stage_combo(combo: QComboBox, stages: list[setup.StageRow]) -> None:
    keep = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for row in stages:
        combo.addItem(f"{row.data.code} — {row.data.name}", row.id)
    combo.setCurrentIndex(max(0, combo.findData(keep)))
    combo.blockSignals(False)


class RecordTab(QWidget):
    """A list of records above a form: New clears the form, Save adds or updates, Delete removes."""

    # Kinds of Change after which this tab re-reads its rows.
    reload_on: tuple[str, ...] = ("all",)
    sortable = True  # False where the order itself is data (stages, categories)
    stretch = 1  # the column that takes the spare width

    def __init__(self, context: EventContext, model: RowsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = model
        self.current_id: int | None = None
        self._stale = False
        self.view, self.proxy = make_table(model, sortable=self.sortable, stretch=self.stretch)
        self.form = QFormLayout()
        self.new_button = QPushButton(QCoreApplication.translate("Setup", "New"))
        self.save_button = QPushButton(QCoreApplication.translate("Setup", "Save"))
        self.delete_button = QPushButton(QCoreApplication.translate("Setup", "Delete"))
        self.buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.delete_button):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        self.top = QHBoxLayout()
        layout.addLayout(self.top)
        layout.addWidget(self.view, 3)
        layout.addLayout(self.form)
        layout.addLayout(self.buttons)
        self.new_button.clicked.connect(self.new_record)
        self.save_button.clicked.connect(self.save_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.view.selectionModel().currentRowChanged.connect(self._on_row)
        context.changed.connect(self._on_change)

    # -- to fill in ---------------------------------------------------------------------------

    def load_rows(self) -> list[Any]:
        raise NotImplementedError

    def row_id(self, row: Any) -> int:
        return int(row.id)

    def fill_form(self, row: Any | None) -> None:
        raise NotImplementedError

    def save(self, record_id: int | None) -> Any:
        """Add (record_id None) or update; return the id, or FAILED."""
        raise NotImplementedError

    def delete(self, record_id: int) -> Any:
        raise NotImplementedError

    # -- behaviour ----------------------------------------------------------------------------

    def reload(self) -> None:
        keep = self.current_id
        self.model.set_rows(self.load_rows())
        self.select_id(keep)

    def select_id(self, record_id: int | None) -> None:
        for r in range(self.proxy.rowCount()):
            row = self.proxy.index(r, 0).data(ROW_ROLE)
            if record_id is not None and self.row_id(row) == record_id:
                self.view.selectRow(r)
                self.view.setCurrentIndex(self.proxy.index(r, 0))
                return
        self.current_id = None
        self.fill_form(None)

    def selected_row(self) -> Any | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def current_row(self) -> Any:
        """The selected row, for an action (delete) that is offered only while one is selected."""
        row = self.selected_row()
        assert row is not None, "no row is selected"
        return row

    def _on_row(self, *_: object) -> None:
        row = self.selected_row()
        self.current_id = self.row_id(row) if row is not None else None
        self.fill_form(row)

    def _on_change(self, change: Change) -> None:
        if change.kind in self.reload_on or change.kind == "all":
            if self.isVisible():
                self.reload()
            else:
                self._stale = True  # a hidden tab catches up when shown, not on every change

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    def new_record(self) -> None:
        self.view.clearSelection()
        self.view.setCurrentIndex(self.proxy.index(-1, -1))
        self.current_id = None
        self.fill_form(None)

    def save_record(self) -> None:
        result = self.save(self.current_id)
        if result is not FAILED and result is not None:
            self.current_id = result
            self.reload()

    def delete_record(self) -> None:
        if self.current_id is None:
            return
        if self.delete(self.current_id) is not FAILED:
            self.current_id = None
            self.reload()
