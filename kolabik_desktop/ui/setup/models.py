"""Table models of the setup screens: one QAbstractTableModel per list, named column constants.

Models hold plain rows from ``core.store.setup`` (never a Session) and are tested without widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kolabik_desktop.core.scoring.model import FINAL, LeaderboardRow
from kolabik_desktop.core.store.services import decimal_text, parse_decimal
from kolabik_desktop.core.store.setup import (
    CategoryRow,
    ConflictRow,
    CriterionData,
    DecisionRow,
    EntryRow,
    JurorRow,
    StageRow,
)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
CHECK = Qt.ItemDataRole.CheckStateRole
ROW_ROLE = Qt.ItemDataRole.UserRole
TIED_BRUSH = QBrush(QColor("#fff3c4"))


def dec_text(value: Decimal | None) -> str:
    return decimal_text(value) or ""


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of plain rows; subclasses name columns and cells."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> Any:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, index: int) -> Any:
        return self._rows[index]

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (DISPLAY, EDIT):
            value = self.cell(row, index.column())
            return dec_text(value) if isinstance(value, Decimal) else value
        if role == ROW_ROLE:
            return row
        return None


class StagesModel(RowsModel):
    CODE, NAME, WEIGHT, METHOD, BAND, SCALE, CUMULATIVE, CRITERIA, SCORES = range(9)

    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Weight %"),
            self.tr("Method"),
            self.tr("Band L"),
            self.tr("Scale"),
            self.tr("Cumulative"),
            self.tr("Criteria"),
            self.tr("Scores"),
        ]

    def cell(self, row: StageRow, column: int) -> Any:
        d = row.data
        return [
            d.code,
            d.name,
            d.weight,
            method_label(d.method),
            d.band,
            f"{dec_text(d.scale_min)}–{dec_text(d.scale_max)}",
            d.cumulative,
            row.criteria,
            row.scores,
        ][column]


def method_label(method: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        "mean": QCoreApplication.translate("Setup", "Mean"),
        "trimmed": QCoreApplication.translate("Setup", "Trimmed mean"),
        "median": QCoreApplication.translate("Setup", "Median"),
        "banded": QCoreApplication.translate("Setup", "Banded mean"),
        "zscore": QCoreApplication.translate("Setup", "Z-score"),
    }
    return labels.get(method, method)


class CategoriesModel(RowsModel):
    NAME, ENTRIES = range(2)

    def headers(self) -> list[str]:
        return [self.tr("Category"), self.tr("Entries")]

    def cell(self, row: CategoryRow, column: int) -> Any:
        return [row.name, row.entries][column]


class EntriesModel(RowsModel):
    CODE, TITLE, UNIT, CATEGORY, ATTACHMENTS, SCORES = range(6)

    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Title"),
            self.tr("Unit"),
            self.tr("Category"),
            self.tr("Files"),
            self.tr("Scores"),
        ]

    def cell(self, row: EntryRow, column: int) -> Any:
        d = row.data
        return [d.code, d.title, d.unit, row.category, row.attachments, row.scores][column]


class JurorsModel(RowsModel):
    CODE, NAME, AFFILIATION, CONFLICTS, SCORES = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Affiliation"),
            self.tr("Conflicts"),
            self.tr("Scores"),
        ]

    def cell(self, row: JurorRow, column: int) -> Any:
        d = row.data
        return [d.code, d.name, d.affiliation, row.conflicts, row.scores][column]


class ConflictsModel(RowsModel):
    JUROR, ENTRY, TITLE, REASON = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Juror"), self.tr("Entry"), self.tr("Title"), self.tr("Reason")]

    def cell(self, row: ConflictRow, column: int) -> Any:
        return [row.juror_code, row.entry_code, row.entry_title, row.reason][column]


class DecisionsModel(RowsModel):
    BOARD, PLACE, ENTRY, TITLE, REASON = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("Ranking"),
            self.tr("Place"),
            self.tr("Entry"),
            self.tr("Title"),
            self.tr("Reason"),
        ]

    def cell(self, row: DecisionRow, column: int) -> Any:
        board = self.tr("Final") if row.board == FINAL else row.board
        return [board, row.rank, row.entry_code, row.entry_title, row.reason][column]


class CriteriaModel(RowsModel):
    """The rubric being edited: cells are edited in place; nothing is saved until asked."""

    CODE, NAME, WEIGHT, MIN, MAX, STEP = range(6)
    _NUMERIC = {WEIGHT: "weight", MIN: "min_value", MAX: "max_value", STEP: "step"}

    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Weight %"),
            self.tr("Min"),
            self.tr("Max"),
            self.tr("Step"),
        ]

    def cell(self, row: CriterionData, column: int) -> Any:
        return [row.code, row.name, row.weight, row.min_value, row.max_value, row.step][column]

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        if not index.isValid() or role != EDIT:
            return False
        row = self._rows[index.row()]
        column = index.column()
        if column in self._NUMERIC:
            number = parse_decimal(value)
            if number is None:
                return False
            row = replace(row, **{self._NUMERIC[column]: number})
        elif column == self.CODE:
            row = replace(row, code=str(value).strip())
        else:
            row = replace(row, name=str(value))
        self._rows[index.row()] = row
        self.dataChanged.emit(index, index, [DISPLAY, EDIT])
        return True

    def set_details(self, index: int, *, description: str, descriptors: str) -> None:
        row = self._rows[index]
        self._rows[index] = replace(row, description=description, descriptors=descriptors)
        self.dataChanged.emit(self.index(index, 0), self.index(index, self.NAME))

    def append(self, row: CriterionData) -> int:
        at = len(self._rows)
        self.beginInsertRows(_ROOT, at, at)
        self._rows.append(row)
        self.endInsertRows()
        return at

    def remove(self, index: int) -> None:
        self.beginRemoveRows(_ROOT, index, index)
        del self._rows[index]
        self.endRemoveRows()

    def move(self, index: int, offset: int) -> int:
        target = index + offset
        if not 0 <= target < len(self._rows):
            return index
        self.beginResetModel()
        self._rows.insert(target, self._rows.pop(index))
        self.endResetModel()
        return target

    def total_weight(self) -> Decimal:
        return sum((r.weight for r in self._rows), Decimal(0))


class AdvanceModel(RowsModel):
    """A shortlist preview: selected rows ticked, rows tied at the cut left for the chair."""

    ADMIT, RANK, CODE, TITLE, CATEGORY, SCORE, NOTE = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tied: set[int] = set()
        self._admit: set[int] = set()

    def headers(self) -> list[str]:
        return [
            self.tr("Admit"),
            self.tr("Place"),
            self.tr("Code"),
            self.tr("Title"),
            self.tr("Category"),
            self.tr("Score"),
            self.tr("Note"),
        ]

    def set_shortlist(
        self, selected: Sequence[LeaderboardRow], tied: Sequence[LeaderboardRow]
    ) -> None:
        self._tied = {r.entry.id for r in tied}
        self._admit = {r.entry.id for r in selected}
        self.set_rows(list(selected) + list(tied))

    def cell(self, row: LeaderboardRow, column: int) -> Any:
        note = self.tr("Tied at the cut: include or exclude") if row.entry.id in self._tied else ""
        return [
            "",
            row.rank,
            row.entry.code,
            row.entry.title,
            row.entry.category,
            row.display,
            note,
        ][column]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == CHECK and index.column() == self.ADMIT:
            return Qt.CheckState.Checked if row.entry.id in self._admit else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and row.entry.id in self._tied:
            return TIED_BRUSH
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == self.ADMIT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        if role != CHECK or index.column() != self.ADMIT:
            return False
        entry_id = self._rows[index.row()].entry.id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._admit.add(entry_id)
        else:
            self._admit.discard(entry_id)
        self.dataChanged.emit(index, index, [CHECK])
        return True

    def admitted(self) -> list[int]:
        return [r.entry.id for r in self._rows if r.entry.id in self._admit]

    def tied_count(self) -> int:
        return len(self._tied)


class MatrixModel(QAbstractTableModel):
    """Tick boxes: rows are categories or entries, columns are jurors (who judges what)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str]] = []
        self._columns: list[tuple[int, str]] = []
        self._ticked: set[tuple[int, int]] = set()  # (row id, column id)

    def set_matrix(
        self,
        rows: Sequence[tuple[int, str]],
        columns: Sequence[tuple[int, str]],
        ticked: set[tuple[int, int]],
    ) -> None:
        self.beginResetModel()
        self._rows, self._columns, self._ticked = list(rows), list(columns), set(ticked)
        self.endResetModel()

    def ticked(self) -> set[tuple[int, int]]:
        return set(self._ticked)

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:  # noqa: N802
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section][1]
        return self._rows[section][1]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or role != CHECK:
            return None
        key = (self._rows[index.row()][0], self._columns[index.column()][0])
        return Qt.CheckState.Checked if key in self._ticked else Qt.CheckState.Unchecked

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        if not index.isValid() or role != CHECK:
            return False
        key = (self._rows[index.row()][0], self._columns[index.column()][0])
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._ticked.add(key)
        else:
            self._ticked.discard(key)
        self.dataChanged.emit(index, index, [CHECK])
        return True
