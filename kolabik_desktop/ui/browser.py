"""The proposal browser: the entries of the current stage with this juror's status and total.

``BrowserModel`` holds plain rows (``set_rows`` resets it unless the rows are the same and nothing
moved since the last reset, ``update_row`` refreshes one);
``BrowserProxy`` filters by search text, category and status and sorts; ``BrowserView`` puts the
search box, the two filters and the table together and reports the current entry.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.ui.columns import keep_in_view

COL_CODE, COL_TITLE, COL_UNIT, COL_CATEGORY, COL_STATUS, COL_TOTAL = range(6)
COLUMN_COUNT = 6

NOT_STARTED = "not_started"
PARTIAL = "partial"
COMPLETE = "complete"
RECUSED = "recused"
NOT_ASSIGNED = "not_assigned"
NOT_ADMITTED = "not_admitted"
# Sort order of the status column: what still needs work comes first.
STATUS_ORDER = {NOT_STARTED: 0, PARTIAL: 1, COMPLETE: 2, RECUSED: 3, NOT_ASSIGNED: 4}
STATUS_COLOURS = {
    NOT_STARTED: QColor("#8a8f98"),
    PARTIAL: QColor("#b26a00"),
    COMPLETE: QColor("#2e7d32"),
    RECUSED: QColor("#8a8f98"),
}

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def status_label(status: str) -> str:
    labels = {
        NOT_STARTED: QCoreApplication.translate("Browser", "Not started"),
        PARTIAL: QCoreApplication.translate("Browser", "Partial"),
        COMPLETE: QCoreApplication.translate("Browser", "Complete"),
        RECUSED: QCoreApplication.translate("Browser", "Recused"),
        NOT_ASSIGNED: QCoreApplication.translate("Browser", "Not assigned"),
        NOT_ADMITTED: QCoreApplication.translate("Browser", "Not admitted"),
    }
    return labels.get(status, status)


class BrowserRow(NamedTuple):
    """One entry's line in the list. A named tuple, not a frozen dataclass: the list makes 3,000
    of them on every refresh, and a frozen dataclass's __init__ took three times as long."""

    entry_id: int
    code: str
    title: str
    unit: str
    category: str
    status: str
    total: Fraction | int | None  # this juror's weighted total, from the engine
    total_text: str  # the total at display precision, in the user's language

    @property
    def haystack(self) -> str:
        return f"{self.code}\n{self.title}\n{self.unit}".casefold()


class BrowserModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[BrowserRow] = []
        self._haystacks: list[str] = []
        self._row_of: dict[int, int] = {}
        # A row changed in place since the last reset: the proxy's filter (not dynamic) has not
        # seen it, so the next set_rows resets even when its rows are the same, to re-filter.
        self._updated_since_reset = False
        self._sort_column = COL_CODE
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- data in -----------------------------------------------------------------------------

    def set_rows(self, rows: list[BrowserRow]) -> None:
        ordered = sorted(
            rows,
            key=self._sort_key(self._sort_column),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )
        if ordered == self._rows and not self._updated_since_reset:
            # The same rows, filtered as they are (the chair's list when the scores arrive, a
            # rubric change that moves no entry): a reset would make the proxy ask
            # filterAcceptsRow for every row again, a call from C++ into Python each (25-35 ms
            # on 3,000 entries), to show the same.
            return
        self.beginResetModel()
        self._rows = ordered
        self._updated_since_reset = False
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._haystacks = [r.haystack for r in self._rows]
        self._row_of = {r.entry_id: i for i, r in enumerate(self._rows)}

    @staticmethod
    def _sort_key(column: int):  # noqa: ANN205 - a key function for list.sort
        if column == COL_STATUS:
            return lambda r: (STATUS_ORDER.get(r.status, 9), r.code)
        if column == COL_TOTAL:
            return lambda r: (r.total is not None, r.total or 0, r.code)
        if column == COL_TITLE:
            return lambda r: (r.title.casefold(), r.code)
        if column == COL_UNIT:
            return lambda r: (r.unit.casefold(), r.code)
        if column == COL_CATEGORY:
            return lambda r: (r.category.casefold(), r.code)
        return lambda r: r.code

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python (one key per row): a Qt sort calls data() for every comparison."""
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old_ids = [r.entry_id for r in self._rows]
        self._rows.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._reindex()
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(self._row_of[old_ids[i.row()]], i.column()) for i in persistent],
        )
        self.layoutChanged.emit()

    def update_row(
        self, entry_id: int, status: str, total: Fraction | int | None, text: str
    ) -> None:
        i = self._row_of.get(entry_id)
        if i is None:
            return
        old = self._rows[i]
        if (old.status, old.total, old.total_text) == (status, total, text):
            return
        self._rows[i] = old._replace(status=status, total=total, total_text=text)
        self._updated_since_reset = True
        self.dataChanged.emit(self.index(i, COL_STATUS), self.index(i, COL_TOTAL))

    # -- data out ----------------------------------------------------------------------------

    def rows(self) -> list[BrowserRow]:
        return list(self._rows)

    def row_at(self, row: int) -> BrowserRow:
        return self._rows[row]

    def haystack_at(self, row: int) -> str:
        return self._haystacks[row]

    def row_of(self, entry_id: int) -> int | None:
        return self._row_of.get(entry_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Code"),
            self.tr("Title"),
            self.tr("Unit"),
            self.tr("Category"),
            self.tr("My status"),
            self.tr("My total"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.code,
                r.title,
                r.unit,
                r.category,
                status_label(r.status),
                r.total_text,
            )[col]
        if role == ENTRY_ID_ROLE:
            return r.entry_id
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_TITLE, COL_UNIT):
            return r.title if col == COL_TITLE else r.unit
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            colour = STATUS_COLOURS.get(r.status)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BrowserProxy(QSortFilterProxyModel):
    """Search by code, title or unit (every word must match), plus category and status."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._words: list[str] = []
        self._category: str | None = None
        self._status: str | None = None
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source model sorts itself; the proxy only filters, keeping the source order.
        self.sourceModel().sort(column, order)

    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_category(self, category: str | None) -> None:
        if category != self._category:
            self.beginFilterChange()
            self._category = category
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str | None) -> None:
        if status != self._status:
            self.beginFilterChange()
            self._status = status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model: BrowserModel = self.sourceModel()  # type: ignore[assignment]
        if self._words:
            hay = model.haystack_at(source_row)
            if not all(w in hay for w in self._words):
                return False
        if self._category is None and self._status is None:
            return True
        row = model.row_at(source_row)
        if self._category is not None and row.category != self._category:
            return False
        return self._status is None or row.status == self._status

    def entry_id_at(self, proxy_row: int) -> int:
        return int(self.index(proxy_row, 0).data(ENTRY_ID_ROLE))

    def proxy_row_of(self, entry_id: int) -> int | None:
        model: BrowserModel = self.sourceModel()  # type: ignore[assignment]
        src = model.row_of(entry_id)
        if src is None:
            return None
        idx = self.mapFromSource(model.index(src, 0))
        return idx.row() if idx.isValid() else None


class BrowserView(QWidget):
    """Search box, category and status filters, and the table of entries."""

    entry_selected = Signal(object)  # entry id, or None when nothing is selected
    entry_activated = Signal(int)  # Enter or double click: go to the scoring form

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = BrowserModel(self)
        self.proxy = BrowserProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search code, title or unit (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.returnPressed.connect(self._activate_first)

        self.category_filter = QComboBox(self)
        self.category_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_category(self.category_filter.currentData())
        )
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in (NOT_STARTED, PARTIAL, COMPLETE, RECUSED):
            self.status_filter.addItem(status_label(status), status)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData())
        )
        self.set_categories([])

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_CODE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # What a juror scans first stays in view in a narrow pane: code, title, status, total.
        header.moveSection(COL_STATUS, 2)
        header.moveSection(COL_TOTAL, 3)
        for col, width in (
            (COL_CODE, 58),
            (COL_TITLE, 170),
            (COL_STATUS, 92),
            (COL_TOTAL, 62),
            (COL_UNIT, 140),
            (COL_CATEGORY, 120),
        ):
            header.resizeSection(col, width)
        # Code, title and status in view however narrow the pane; the total follows.
        self._title_fit = keep_in_view(self.table, COL_TITLE, (COL_CODE, COL_STATUS), min_chars=8)
        self.fit_status_column()
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda idx: self.entry_activated.emit(self._entry_of(idx)))

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.category_filter, 1)
        filters.addWidget(self.status_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def fit_status_column(self) -> None:
        """The status column fits its heading and the longest status word the rows can show in
        the current language: those a juror's scoring moves between, and those the rows have
        ("Mengundurkan diri" only where a juror recused). It never jumps while scoring."""
        header = self.table.horizontalHeader()
        statuses = {NOT_STARTED, PARTIAL, COMPLETE} | {r.status for r in self.model.rows()}
        labels = (status_label(s) for s in statuses)
        text = max(self.table.fontMetrics().horizontalAdvance(t) for t in labels)
        # The cell's padding is the style's focus frame margin on each side, plus a little air.
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        width = max(92, text + 2 * margin + 8, header.sectionSizeFromContents(COL_STATUS).width())
        if header.sectionSize(COL_STATUS) != width:
            header.resizeSection(COL_STATUS, width)
            self._title_fit.fit()
        # The pane is never narrower than code, a readable start of the title and the status.
        needed = (
            header.sectionSize(COL_CODE)
            + self._title_fit.min_width
            + width
            + self.table.verticalScrollBar().sizeHint().width()
            + 2 * self.table.frameWidth()
        )
        if self.minimumWidth() < needed:
            self.setMinimumWidth(needed)

    def set_categories(self, names: list[str]) -> None:
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for name in names:
            self.category_filter.addItem(name, name)
        i = self.category_filter.findData(current)
        self.category_filter.setCurrentIndex(max(i, 0))
        self.category_filter.blockSignals(False)
        self.proxy.set_category(self.category_filter.currentData())

    def set_rows(self, rows: list[BrowserRow], keep_entry: int | None = None) -> None:
        self.model.set_rows(rows)
        if rows:  # codes differ in length between events (IN-001, KIPP-0181): fit the longest
            longest = max((r.code for r in rows), key=len)
            width = self.table.fontMetrics().horizontalAdvance(longest + "M") + 16
            self.table.horizontalHeader().resizeSection(COL_CODE, max(width, 58))
        self.fit_status_column()
        if keep_entry is not None:
            self.select_entry(keep_entry)

    def current_entry(self) -> int | None:
        idx = self.table.currentIndex()
        return self._entry_of(idx) if idx.isValid() else None

    def select_entry(self, entry_id: int) -> bool:
        row = self.proxy.proxy_row_of(entry_id)
        if row is None:
            return False
        idx = self.proxy.index(row, COL_CODE)
        self.table.selectionModel().setCurrentIndex(
            idx,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(idx)
        return True

    def step(self, delta: int) -> int | None:
        """Select the next (+1) or previous (-1) visible entry; return it, or None at an end."""
        count = self.proxy.rowCount()
        if count == 0:
            return None
        idx = self.table.currentIndex()
        row = idx.row() + delta if idx.isValid() else (0 if delta > 0 else count - 1)
        if not 0 <= row < count:
            return None
        entry_id = self.proxy.entry_id_at(row)
        self.select_entry(entry_id)
        return entry_id

    def visible_entries(self) -> list[int]:
        return [self.proxy.entry_id_at(r) for r in range(self.proxy.rowCount())]

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _entry_of(self, idx: QModelIndex) -> int:
        return int(self.proxy.index(idx.row(), 0).data(ENTRY_ID_ROLE))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.entry_selected.emit(self._entry_of(current) if current.isValid() else None)

    def _activate_first(self) -> None:
        if self.proxy.rowCount():
            entry_id = self.proxy.entry_id_at(0)
            self.select_entry(entry_id)
            self.entry_activated.emit(entry_id)
