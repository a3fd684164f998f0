"""Tools › Audit log: the event's audit log as a table, filtered, checked and exported (issue 17).

Reads go through the read layer (core/store/queries/audit.py): pages of 500 rows, newest first,
fetched as the table scrolls (``canFetchMore``/``fetchMore``), so a national event's 124,000 rows
open as fast as ten. Filters (juror, entry, action, time range) are one query each. The chain's
state (intact, or broken at row N, with the head hash) is recomputed off the GUI thread in the
event's task runner when the view opens; "Periksa" runs the full check (core/exchange/proof.py
``prove``, as ``kolabik check``) there too and lists its findings in the window's language.
The export writes the filtered rows, oldest first, through core/exchange/exports.py (atomic
write; a CSV field that would start a formula gets a leading apostrophe).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.store.db import EventDB
from kolabik_desktop.ui import i18n
from kolabik_desktop.ui.file_dialogs import get_save_file_name
from kolabik_desktop.ui.problems import error_text, finding_text, proof_text
from kolabik_desktop.ui.workers import run_task

if TYPE_CHECKING:
    from kolabik_desktop.core.store.queries.audit import (
        AuditChoices,
        AuditFilter,
        AuditLine,
        ChainState,
    )
    from kolabik_desktop.ui.host import WindowHost

STORED_TIME = "%Y-%m-%dT%H:%M:%S.%fZ"

# What each logged action means, for the action filter and the table (the code stays the key).
ACTION_NAMES = {
    "score.set": QT_TRANSLATE_NOOP("AuditView", "Score set"),
    "score.remove": QT_TRANSLATE_NOOP("AuditView", "Score removed"),
    "comment.set": QT_TRANSLATE_NOOP("AuditView", "Comment set"),
    "stage.submit": QT_TRANSLATE_NOOP("AuditView", "Stage submitted"),
    "stage.reopen": QT_TRANSLATE_NOOP("AuditView", "Stage reopened"),
    "stage.add": QT_TRANSLATE_NOOP("AuditView", "Stage added"),
    "stage.update": QT_TRANSLATE_NOOP("AuditView", "Stage changed"),
    "stage.delete": QT_TRANSLATE_NOOP("AuditView", "Stage deleted"),
    "stage.reorder": QT_TRANSLATE_NOOP("AuditView", "Stages reordered"),
    "stage.advance": QT_TRANSLATE_NOOP("AuditView", "Entries advanced"),
    "stage.tolerance": QT_TRANSLATE_NOOP("AuditView", "Stage tolerance set"),
    "rubric.update": QT_TRANSLATE_NOOP("AuditView", "Rubric changed"),
    "rubric.template": QT_TRANSLATE_NOOP("AuditView", "Rubric template applied"),
    "event.update": QT_TRANSLATE_NOOP("AuditView", "Event changed"),
    "entry.add": QT_TRANSLATE_NOOP("AuditView", "Entry added"),
    "entry.update": QT_TRANSLATE_NOOP("AuditView", "Entry changed"),
    "entry.delete": QT_TRANSLATE_NOOP("AuditView", "Entry deleted"),
    "entry.provenance": QT_TRANSLATE_NOOP("AuditView", "Entry origin noted"),
    "entries.import": QT_TRANSLATE_NOOP("AuditView", "Entries imported"),
    "juror.add": QT_TRANSLATE_NOOP("AuditView", "Juror added"),
    "juror.update": QT_TRANSLATE_NOOP("AuditView", "Juror changed"),
    "juror.delete": QT_TRANSLATE_NOOP("AuditView", "Juror deleted"),
    "juror.key": QT_TRANSLATE_NOOP("AuditView", "Juror key recorded"),
    "juror.key.forget": QT_TRANSLATE_NOOP("AuditView", "Juror key forgotten"),
    "category.add": QT_TRANSLATE_NOOP("AuditView", "Category added"),
    "category.rename": QT_TRANSLATE_NOOP("AuditView", "Category renamed"),
    "category.delete": QT_TRANSLATE_NOOP("AuditView", "Category deleted"),
    "conflict.set": QT_TRANSLATE_NOOP("AuditView", "Conflict of interest set"),
    "conflict.remove": QT_TRANSLATE_NOOP("AuditView", "Conflict of interest removed"),
    "assignment.set": QT_TRANSLATE_NOOP("AuditView", "Assignments set"),
    "decision.set": QT_TRANSLATE_NOOP("AuditView", "Decision set"),
    "decision.remove": QT_TRANSLATE_NOOP("AuditView", "Decision removed"),
    "award.update": QT_TRANSLATE_NOOP("AuditView", "Awards changed"),
    "attachment.add": QT_TRANSLATE_NOOP("AuditView", "Attachment added"),
    "attachment.remove": QT_TRANSLATE_NOOP("AuditView", "Attachment removed"),
    "kit.export": QT_TRANSLATE_NOOP("AuditView", "Juror kit made"),
    "kit.update": QT_TRANSLATE_NOOP("AuditView", "Juror kit updated"),
    "kit.export.failed": QT_TRANSLATE_NOOP("AuditView", "Juror kit not written"),
    "presentation.order": QT_TRANSLATE_NOOP("AuditView", "Presentation order set"),
    "panel.add": QT_TRANSLATE_NOOP("AuditView", "Panel added"),
    "panel.grant": QT_TRANSLATE_NOOP("AuditView", "Panel access granted"),
    "workbook.import": QT_TRANSLATE_NOOP("AuditView", "Workbook imported"),
}

COLUMNS = (
    QT_TRANSLATE_NOOP("AuditView", "No."),
    QT_TRANSLATE_NOOP("AuditView", "Time"),
    QT_TRANSLATE_NOOP("AuditView", "By"),
    QT_TRANSLATE_NOOP("AuditView", "Action"),
    QT_TRANSLATE_NOOP("AuditView", "Juror"),
    QT_TRANSLATE_NOOP("AuditView", "Entry"),
    QT_TRANSLATE_NOOP("AuditView", "Stage"),
    QT_TRANSLATE_NOOP("AuditView", "Criterion"),
    QT_TRANSLATE_NOOP("AuditView", "Old → new"),
)


def _tr(text: object) -> str:
    # QT_TRANSLATE_NOOP's result is typed ``object``; it is the source string itself.
    return QCoreApplication.translate("AuditView", str(text))


def action_name(code: str) -> str:
    name = ACTION_NAMES.get(code)
    return _tr(name) if name else code


def local_time(stored: str) -> str:
    """A stored UTC time as the local date and time: 2026-11-30 16:15:02."""
    try:
        moment = datetime.strptime(stored, STORED_TIME).replace(tzinfo=UTC)
    except ValueError:
        return stored
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def stored_time(moment: QDateTime) -> str:
    """A local QDateTime as the stored UTC text, for the time filter."""
    seconds = moment.toSecsSinceEpoch()
    return datetime.fromtimestamp(seconds, UTC).strftime(STORED_TIME)


def _count(n: int) -> str:
    return i18n.localize_number_text(str(n))


def change_text(row: AuditLine) -> str:
    """The change in the window's language (the field names are the export's: one list)."""
    from kolabik_desktop.core.store.queries.audit import FIELD_NAMES

    names = FIELD_NAMES.get(i18n.current_language(), {})
    old, new = row.old_text(names), row.new_text(names)
    if old and new:
        return f"{old} → {new}"
    return new or old


_ROOT = QModelIndex()


class AuditModel(QAbstractTableModel):
    """The filtered rows, newest first, a page at a time."""

    def __init__(self, parent: Any = None) -> None:
        from kolabik_desktop.core.store.queries.audit import AuditFilter

        super().__init__(parent)
        self.db: EventDB | None = None
        self.filter = AuditFilter()
        self.rows: list[AuditLine] = []
        self._more = False

    def reset(self, db: EventDB | None, f: AuditFilter) -> None:
        self.beginResetModel()
        self.db, self.filter = db, f
        self.rows = []
        self._more = db is not None
        self.endResetModel()
        if self._more:
            self.fetchMore(QModelIndex())

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        from kolabik_desktop.core.store.queries.audit import PAGE_ROWS, audit_page

        if parent.isValid() or not self._more or self.db is None:
            return
        before = self.rows[-1].id if self.rows else None
        page = audit_page(self.db, self.filter, before_id=before, limit=PAGE_ROWS)
        self._more = len(page) == PAGE_ROWS
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [row.action, row.other, _tr("From: {0}").format(row.source or "-")]
            return "\n".join(p for p in parts if p)
        return None

    @staticmethod
    def text(row: AuditLine, column: int) -> str:
        return (
            str(row.id),
            local_time(row.at),
            row.actor,
            action_name(row.action),
            row.juror,
            row.entry,
            row.stage,
            row.criterion,
            change_text(row),
        )[column]


@dataclass(frozen=True)
class CheckResult:
    chain: ChainState
    lines: tuple[str, ...]  # the findings, in the window's language
    summary: str


class AuditView(QDialog):
    """The audit-log view of one open event."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        self.db: EventDB | None = None
        self.chain: ChainState | None = None
        self.check: CheckResult | None = None
        # The latest background task: an earlier one (a chain read before rows were written, or
        # before the event changed) finishing later on the runner's other thread is dropped.
        self._ticket = 0
        self._checking = False  # the chain read or the full check is running
        self._exporting = False

        self.juror = QComboBox()
        self.entry = QComboBox()
        self.entry.setEditable(True)
        self.entry.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.entry.completer()
        assert completer is not None  # an editable combo box has one
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.action = QComboBox()
        now = QDateTime.currentDateTime()
        self.use_since = QCheckBox(self.tr("From"))
        self.since = QDateTimeEdit(now.addDays(-1))
        self.use_until = QCheckBox(self.tr("until"))
        self.until = QDateTimeEdit(now)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setEnabled(False)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.use_until.toggled.connect(self.until.setEnabled)

        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Juror:"), self.juror),
            (self.tr("Entry:"), self.entry),
            (self.tr("Action:"), self.action),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget, 1)
        times = QHBoxLayout()
        times.addWidget(self.use_since)
        times.addWidget(self.since)
        times.addWidget(self.use_until)
        times.addWidget(self.until)
        times.addStretch(1)
        self.count_label = QLabel()
        times.addWidget(self.count_label)

        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((70, 140, 60, 150, 60, 80, 50, 80)):
            header.resizeSection(column, width)

        self.chain_label = QLabel()
        self.chain_label.setWordWrap(True)
        self.chain_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setToolTip(
            self.tr(
                "Replay the audit log against the scores, comments and submissions and verify "
                "the jurors' signatures (as kolabik check)"
            )
        )
        self.check_button.clicked.connect(self.run_check)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.setVisible(False)

        state = QHBoxLayout()
        state.addWidget(self.chain_label, 1)
        state.addWidget(self.progress)
        state.addWidget(self.check_button)
        state.addWidget(self.export_button)
        state.addWidget(close)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.findings)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(times)
        layout.addWidget(split, 1)
        layout.addLayout(state)

        self.juror.currentIndexChanged.connect(self.apply_filter)
        self.action.currentIndexChanged.connect(self.apply_filter)
        self.entry.activated.connect(self.apply_filter)
        line_edit = self.entry.lineEdit()
        assert line_edit is not None  # editable
        line_edit.editingFinished.connect(self.apply_filter)
        for box in (self.use_since, self.use_until):
            box.toggled.connect(self.apply_filter)
        for edit in (self.since, self.until):
            edit.editingFinished.connect(self.apply_filter)
        self.resize(1100, 640)

    # --- the event ----------------------------------------------------------------------------

    def set_db(self, db: EventDB | None) -> None:
        from kolabik_desktop.core.store.queries.audit import AuditChoices, audit_choices

        self.db = db
        self._next_ticket()  # what was running for the previous event no longer reports here
        # An export cut short by closing its event never reports (its runner drops the result).
        self._exporting = False
        self._busy(False)
        self.chain = None
        self.check = None
        self.findings.clear()
        self.findings.setVisible(False)
        self._fill_choices(audit_choices(db) if db is not None else AuditChoices((), (), ()))
        self.apply_filter()
        self._show_chain()
        if db is not None:
            self._start_chain()

    def refresh(self) -> None:
        """Read the rows again (the filter kept) and recompute the chain's state."""
        from kolabik_desktop.core.store.queries.audit import audit_count

        if self.db is None:
            return
        self.model.reset(self.db, self.current_filter())
        self.count_label.setText(
            self.tr("{0} row(s)").format(_count(audit_count(self.db, self.model.filter)))
        )
        self.chain = None
        self._show_chain()
        self._start_chain()

    def _fill_choices(self, choices: AuditChoices) -> None:
        for box in (self.juror, self.entry, self.action):
            box.blockSignals(True)
            box.clear()
        self.juror.addItem(self.tr("All jurors"), "")
        for code in choices.jurors:
            self.juror.addItem(code, code)
        self.entry.addItem(self.tr("All entries"), "")
        for code in choices.entries:
            self.entry.addItem(code, code)
        self.action.addItem(self.tr("All actions"), "")
        for code in choices.actions:
            self.action.addItem(action_name(code), code)
        for box in (self.juror, self.entry, self.action):
            box.setCurrentIndex(0)
            box.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        from kolabik_desktop.core.store.queries.audit import AuditFilter

        entry = self.entry.currentText().strip()
        entry = "" if entry == self.entry.itemText(0) else entry
        return AuditFilter(
            juror=str(self.juror.currentData() or ""),
            entry=entry,
            action=str(self.action.currentData() or ""),
            since=stored_time(self.since.dateTime()) if self.use_since.isChecked() else "",
            until=stored_time(self.until.dateTime()) if self.use_until.isChecked() else "",
        )

    def apply_filter(self) -> None:
        from kolabik_desktop.core.store.queries.audit import audit_count

        f = self.current_filter()
        if self.db is not None and f == self.model.filter and self.model.db is self.db:
            return
        self.model.reset(self.db, f)
        count = audit_count(self.db, f) if self.db is not None else 0
        self.count_label.setText(self.tr("{0} row(s)").format(_count(count)))

    # --- the chain and the full check -----------------------------------------------------------

    def _next_ticket(self) -> int:
        self._ticket += 1
        return self._ticket

    def _start_chain(self) -> None:
        from kolabik_desktop.core.store.queries.audit import chain_state

        db = self.db
        self._busy(True)
        ticket = self._next_ticket()

        def work(progress: Any) -> tuple[int, ChainState]:
            return ticket, chain_state(db, lambda done, total: progress(done, total, ""))  # type: ignore[arg-type]

        run_task(work, self._chain_done, self._failed, self._progress, db=db)

    def _chain_done(self, result: tuple[int, ChainState]) -> None:
        ticket, state = result
        if ticket != self._ticket:
            return  # a later read (or another event) has replaced it
        self._busy(False)
        self.chain = state
        self._show_chain()

    def _show_chain(self) -> None:
        state = self.chain
        if self.db is None:
            self.chain_label.setText("")
        elif state is None:
            self.chain_label.setText(self.tr("Audit chain: checking…"))
        elif state.intact:
            self.chain_label.setText(
                self.tr("Audit chain: intact · {0} row(s) · head {1}").format(
                    _count(state.rows), state.head[:16] or "-"
                )
            )
        else:
            self.chain_label.setText(
                self.tr("Audit chain: BROKEN at row {0} · {1} row(s) · head {2}").format(
                    state.broken_at, _count(state.rows), state.head[:16] or "-"
                )
            )
        self.chain_label.setStyleSheet("color: #b00020;" if state and not state.intact else "")

    def run_check(self) -> None:
        """The full check (``kolabik check``'s proof) in the event's task runner."""
        from kolabik_desktop.core.store.queries.audit import chain_state

        db = self.db
        if db is None:
            return
        self._busy(True)
        self.findings.clear()
        ticket = self._next_ticket()

        def work(progress: Any) -> tuple[int, CheckResult]:
            from kolabik_desktop.core.exchange.proof import prove

            state = chain_state(db, lambda done, total: progress(done, total, ""))
            progress(0, 0, "")
            proof = prove(db)
            lines = tuple(finding_text(f) for f in proof.findings)
            return ticket, CheckResult(state, lines, proof_text(proof))

        run_task(work, self._check_done, self._failed, self._progress, db=db)

    def _check_done(self, done: tuple[int, CheckResult]) -> None:
        ticket, result = done
        if ticket != self._ticket:
            return
        self._busy(False)
        self.check = result
        self.chain = result.chain
        self._show_chain()
        self.findings.clear()
        lines = list(result.chain.problems and self._chain_lines(result.chain)) + list(result.lines)
        if lines:
            self.findings.addItem(self.tr("{0} problem(s) found:").format(len(lines)))
            self.findings.addItems(lines)
        else:
            self.findings.addItem(self.tr("No problem found: {0}").format(result.summary))
        self.findings.setVisible(True)

    def _chain_lines(self, state: ChainState) -> list[str]:
        if state.broken_at is None:
            return []
        return [
            self.tr("Audit row {0}: changed or removed after it was written").format(
                state.broken_at
            )
        ]

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, total if total > 0 else 0)
        self.progress.setValue(done)

    def _busy(self, busy: bool) -> None:
        """The chain read or the full check started (True) or ended."""
        self._checking = busy
        self.progress.setRange(0, 0)
        self._show_busy()

    def _show_busy(self) -> None:
        # The check and an export run apart: each keeps its own button off while it runs, and
        # the bar shows while either does.
        self.progress.setVisible(self._checking or self._exporting)
        self.check_button.setEnabled(not self._checking and self.db is not None)
        self.export_button.setEnabled(not self._exporting and self.db is not None)

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        QMessageBox.warning(
            self,
            self.tr("Audit log"),
            self.tr("The check could not run: {0}").format(error_text(exc)),
        )

    # --- export ---------------------------------------------------------------------------------

    def export(self) -> None:
        if self.db is None:
            return
        csv_filter, xlsx_filter = self.tr("CSV (*.csv)"), self.tr("Excel workbook (*.xlsx)")
        name = self.tr("audit-log") + ".xlsx"
        folder = Path(self.db.path).parent if isinstance(self.db.path, Path) else Path.home()
        path, chosen = get_save_file_name(
            self,
            self.tr("Export the audit log"),
            str(folder / name),
            f"{xlsx_filter};;{csv_filter}",
        )
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() not in (".csv", ".xlsx"):
            out = out.with_suffix(".csv" if chosen == csv_filter else ".xlsx")
        # A national event's log is ~124k rows: they are read and written off the GUI thread.
        db, rows_filter, lang = self.db, self.model.filter, i18n.current_language()
        self._exporting = True
        self._show_busy()

        def work(_progress: Any) -> int:
            return export_lines(db, rows_filter, out, lang)

        def done(count: int) -> None:
            self._export_finished()
            QMessageBox.information(
                self,
                self.tr("Export"),
                self.tr("{0} row(s) written to {1}").format(_count(count), out),
            )

        def failed(exc: Exception) -> None:
            self._export_finished()
            QMessageBox.warning(
                self,
                self.tr("Export"),
                self.tr("Nothing was exported: {0}").format(error_text(exc)),
            )

        run_task(work, done, failed, db=db)

    def _export_finished(self) -> None:
        self._exporting = False
        self._show_busy()

    def export_to(self, out: Path) -> int:
        """The rows the filter shows, oldest first, to ``out`` (.csv or .xlsx), now."""
        assert self.db is not None
        return export_lines(self.db, self.model.filter, out, i18n.current_language())


def export_lines(db: EventDB, rows_filter: AuditFilter, out: Path, lang: str) -> int:
    """The log's rows that ``rows_filter`` keeps, oldest first, to ``out`` in ``lang``."""
    from kolabik_desktop.core.exchange.exports import export_audit
    from kolabik_desktop.core.store.queries.audit import filtered_lines

    return export_audit(filtered_lines(db, rows_filter), out, lang)


class AuditFeature:
    """Tools › Audit log (the chair's event and the juror's kit); the view is built when first
    asked for."""

    def __init__(self, host: WindowHost) -> None:
        self.host = host
        self.action = QAction(QCoreApplication.translate("AuditView", "&Audit log…"), host.widget)
        self.action.setEnabled(False)
        self.view: AuditView | None = None
        self.action.triggered.connect(self.show)
        host.add_action("tools", self.action)
        host.event_opened.connect(lambda _context: self.action.setEnabled(True))
        host.event_closed.connect(self._closed)

    def show(self) -> None:
        context = self.host.context
        if context is None:
            return
        view = self.view
        if view is None:
            view = self.view = AuditView(self.host.widget)
        if view.db is not context.db:
            view.set_db(context.db)
        elif not view.isVisible():
            view.refresh()  # rows written since it was last shown
        view.show()
        view.raise_()

    def _closed(self) -> None:
        self.action.setEnabled(False)
        if self.view is not None:
            self.view.hide()
            self.view.set_db(None)
