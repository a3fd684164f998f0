"""The chair's view of the jurors' progress: per juror and stage, how many entries are
complete, partial or not started, whether the stage is submitted, and the last package received.

The counts come from core.store.progress; the view refreshes (off the GUI thread) whenever the
event context says something changed.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.ui import i18n
from kolabik_desktop.ui.host import MODE_CHAIR, LazyDock
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.workers import run_task

if TYPE_CHECKING:
    from kolabik_desktop.core.store.progress import JurorStageProgress
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.host import WindowHost

_Index = QModelIndex | QPersistentModelIndex
REFRESH_MS = 300  # coalesce a burst of changes (an import) into one recount


def format_received(iso_utc: str | None) -> str:
    """A stored UTC timestamp as local date and time in the window's language; "" when none."""
    if not iso_utc:
        return ""
    try:
        moment = datetime.strptime(iso_utc, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return iso_utc
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return i18n.locale().toString(local, QLocale.FormatType.ShortFormat)


class JurorProgressModel(QAbstractTableModel):
    JUROR, NAME, STAGE, TO_SCORE, COMPLETE, PARTIAL, NOT_STARTED, SUBMITTED, LAST_PACKAGE, KEY = (
        range(10)
    )
    NUMERIC = (TO_SCORE, COMPLETE, PARTIAL, NOT_STARTED)
    SORT_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[JurorStageProgress] = []

    def set_rows(self, rows: list[JurorStageProgress]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> JurorStageProgress:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 10

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Juror"),
            self.tr("Name"),
            self.tr("Stage"),
            self.tr("To score"),
            self.tr("Complete"),
            self.tr("Partial"),
            self.tr("Not started"),
            self.tr("Submitted"),
            self.tr("Last package"),
            self.tr("Key fingerprint"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, self.SORT_ROLE):
            numbers = {
                self.TO_SCORE: r.to_score,
                self.COMPLETE: r.complete,
                self.PARTIAL: r.partial,
                self.NOT_STARTED: r.not_started,
            }
            if col in numbers:
                return numbers[col]
            if col == self.JUROR:
                return r.juror_code
            if col == self.NAME:
                return r.juror_name
            if col == self.STAGE:
                return r.stage_code
            if col == self.SUBMITTED:
                if role == self.SORT_ROLE:
                    return int(r.submitted)
                return self.tr("Yes") if r.submitted else self.tr("No")
            if col == self.LAST_PACKAGE:
                if role == self.SORT_ROLE:
                    return r.last_package_at or ""
                return format_received(r.last_package_at) or self.tr("none")
            if col == self.KEY:
                return r.key_fingerprint or self.tr("none")
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.KEY:
                return self.tr(
                    "The juror's signing key, trusted from their first signed package. "
                    "Compare it with the fingerprint on the juror's printed score sheet."
                )
            if col == self.STAGE:
                return r.stage_name
            if col == self.LAST_PACKAGE and r.last_package_file:
                return r.last_package_file
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COMPLETE and r.to_score and r.complete == r.to_score:
                return QColor("#1b7f3b")
            if col == self.NOT_STARTED and r.not_started:
                return QColor("#9a6700")
        return None


class JurorProgressView(QWidget):
    """A sortable table of JurorProgressModel, kept current through the event context."""

    refreshed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: Any = None
        self.model = JurorProgressModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(JurorProgressModel.SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(JurorProgressModel.JUROR, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel(self.tr("Open the chair's event file to see the jurors' progress."))
        self.empty.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.empty)
        box.addWidget(self.table, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._generation = 0
        self._stale = False
        self._show_table(False)

    def _show_table(self, shown: bool) -> None:
        self.table.setVisible(shown)
        self.empty.setVisible(not shown)

    def set_context(self, context: Any) -> None:
        if self.context is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the context may be gone already
                self.context.changed.disconnect(self._on_change)
        self.context = context
        self._generation += 1
        if context is None:
            self.model.set_rows([])
            self._show_table(False)
            return
        context.changed.connect(self._on_change)
        self._show_table(True)
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _on_change(self, _change: object) -> None:
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True  # a hidden dock recounts when shown, not after every score

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        from kolabik_desktop.core.store.progress import juror_progress

        self._stale = False
        if self.context is None:
            return
        self._generation += 1
        generation, db = self._generation, self.context.db
        run_task(
            lambda _progress: juror_progress(db),
            lambda rows: self._apply(generation, rows),
            lambda _exc: None if generation != self._generation else self.model.set_rows([]),
            db=db,
        )

    def selected_row(self) -> JurorStageProgress | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def _menu(self, point: QPoint) -> None:
        row = self.selected_row()
        if row is None or self.context is None:
            return
        menu = QMenu(self)
        action = menu.addAction(
            self.tr("&Reopen stage {0} for {1}…").format(row.stage_code, row.juror_code)
        )
        action.setEnabled(row.submitted)
        action.triggered.connect(lambda: self.reopen(row, confirm=True))
        menu.exec(self.table.viewport().mapToGlobal(point))

    def reopen(self, row: JurorStageProgress, *, confirm: bool) -> bool:
        """The chair reopens a submitted stage for a juror (audited); True when done."""
        from kolabik_desktop.core.store.services import reopen_stage

        if self.context is None or not row.submitted:
            return False
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Reopen stage"),
                self.tr(
                    "Reopen stage {0} for juror {1}? Their next package may then change their "
                    "scores in it. Send them a new kit so that their kit is reopened too."
                ).format(row.stage_code, row.juror_code),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            reopen_stage(self.context.db, juror_code=row.juror_code, stage_code=row.stage_code)
        except KolabikError as exc:
            QMessageBox.warning(
                self,
                self.tr("Reopen stage"),
                self.tr("The stage was not reopened.") + "\n" + error_text(exc),
            )
            return False
        self.refresh()
        return True

    def _apply(self, generation: int, rows: list[JurorStageProgress]) -> None:
        if generation != self._generation:
            return  # a newer recount is on its way, or the event was closed
        self.model.set_rows(rows)
        self.refreshed.emit()


class JurorProgressFeature:
    """View > Juror progress: a dock with the progress table (chair mode), built on first show."""

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self.dock = LazyDock(
            QCoreApplication.translate("JurorProgress", "Juror progress"),
            "jurorProgressDock",
            self._build,
            host.widget,
        )
        self.dock.hide()
        host.add_dock(self.dock, Qt.DockWidgetArea.BottomDockWidgetArea)
        action: QAction = self.dock.toggleViewAction()
        action.setText(QCoreApplication.translate("JurorProgress", "&Juror progress"))
        action.setEnabled(False)
        host.add_action("view", action)
        self.action = action
        host.event_opened.connect(self._opened)
        host.event_closed.connect(self._closed)

    @property
    def view(self) -> JurorProgressView:
        """The table (built now if the dock was never shown)."""
        view = self.dock.content()
        assert isinstance(view, JurorProgressView)
        return view

    def _build(self, _parent: QWidget) -> JurorProgressView:
        view = JurorProgressView()
        chair = self.host.mode == MODE_CHAIR
        view.set_context(self.host.context if chair else None)
        return view

    def _opened(self, context: EventContext) -> None:
        chair = self.host.mode == MODE_CHAIR
        self.action.setEnabled(chair)
        if self.dock.is_built():
            self.view.set_context(context if chair else None)
        if not chair:
            self.dock.hide()

    def _closed(self) -> None:
        if self.dock.is_built():
            self.view.set_context(None)
        self.action.setEnabled(False)
