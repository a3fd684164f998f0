"""The live leaderboard: a dock in the chair's main window.

Rows come only from ``context.scorer.leaderboard(board, category)``; nothing here computes a
score. The panel rebuilds itself when ``EventContext.changed`` fires (no refresh button, no
polling); a burst of changes in one event-loop turn costs one rebuild.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.scoring.model import FINAL, EventSpec, LeaderboardRow, Number
from kolabik_desktop.ui.columns import keep_in_view
from kolabik_desktop.ui.host import MODE_JUROR
from kolabik_desktop.ui.i18n import format_score_text, localize_number_text

if TYPE_CHECKING:
    from kolabik_desktop.core.store.db import Change
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.host import WindowHost


_ROOT = QModelIndex()


translate = QCoreApplication.translate


def status_text(status: str) -> str:
    return {
        "final": translate("Leaderboard", "final"),
        "provisional": translate("Leaderboard", "provisional"),
        "unscored": translate("Leaderboard", "unscored"),
    }.get(status, status)


def row_status_text(row: LeaderboardRow, precision: int) -> str:
    """The row's status in words; an entry that did not advance names the stage it missed and
    shows its last stage's panel score, as the engine's row gives them."""
    if row.status != "not_advanced":
        return status_text(row.status)
    score = format_score_text(last_stage_score(row), precision)
    return not_advanced_text(row.not_advanced_to, row.last_stage, score)


def last_stage_score(row: LeaderboardRow) -> Number | None:
    """A not-advanced row's panel score in its last stage (None without one)."""
    return row.stage_scores.get(row.last_stage) if row.last_stage else None


def not_advanced_text(missed_stage: str, last_stage: str, score_text: str) -> str:
    """An entry that did not advance: 'not advanced to P2 (P1: 71.23)', or without a score
    text 'not advanced to P2'."""
    text = translate("Leaderboard", "not advanced to %1").replace("%1", missed_stage)
    if not score_text:
        return text
    return (
        translate("Leaderboard", "%1 (%2: %3)")
        .replace("%1", text)
        .replace("%2", last_stage)
        .replace("%3", score_text)
    )


def widest_status_texts(
    rows: Sequence[LeaderboardRow], precision: int, widest_digit: str
) -> set[str]:
    """A few texts at least as wide as every row's status text, found without writing out each
    row's (3,000 on a national event, the cost of a rebuild).

    A kind of status is what shapes its text apart from the score: the status, and for an entry
    that did not advance, the stage it missed and its last stage. Within a kind the score's text
    is longest at the lowest or the highest score present (rounding keeps the order; a z-score
    stage can give "-174,60" on a 0-100 scale), and with each digit written as the font's widest
    one it is at least as wide as any score's text in between."""
    statuses: set[str] = set()
    without_score: set[tuple[str, str]] = set()
    extremes: dict[tuple[str, str], list[Number]] = {}  # kind -> [lowest, highest]
    for row in rows:
        if row.status != "not_advanced":
            statuses.add(row.status)
            continue
        kind = (row.not_advanced_to, row.last_stage)
        score = last_stage_score(row)
        if score is None:
            without_score.add(kind)
            continue
        bounds = extremes.get(kind)
        if bounds is None:
            extremes[kind] = [score, score]
        elif score < bounds[0]:
            bounds[0] = score
        elif score > bounds[1]:
            bounds[1] = score
    widen = str.maketrans("0123456789", widest_digit * 10)
    texts = {status_text(status) for status in statuses}
    texts |= {not_advanced_text(missed, last, "") for missed, last in without_score}
    for (missed, last), bounds in extremes.items():
        for score in bounds:
            score_text = format_score_text(score, precision).translate(widen)
            texts.add(not_advanced_text(missed, last, score_text))
    return texts


def tie_text(row: LeaderboardRow, event: EventSpec | None = None) -> str:
    """The tie note in the user's language, from the engine's rule code (not its English note)."""
    rule = row.tie_rule
    if not rule:
        return ""
    if rule == "latest_stage":
        return translate("Leaderboard", "Tie broken by the latest stage's score")
    if rule == "chair_decides":
        return translate("Leaderboard", "Still tied: the chair decides")
    if rule == "shared":
        return translate("Leaderboard", "Tied: shared place")
    if rule == "jury_decision":
        reason = row.decision_reason.strip()
        if reason:
            return translate("Leaderboard", "Place decided by the jury: %1").replace("%1", reason)
        return translate("Leaderboard", "Place decided by the jury")
    if rule.startswith("criterion:"):
        code = rule.partition(":")[2]
        return translate("Leaderboard", "Tie broken by criterion %1").replace(
            "%1", criterion_label(code, event)
        )
    return rule


def criterion_label(code: str, event: EventSpec | None) -> str:
    if event is not None:
        for stage in reversed(event.stages):
            for crit in stage.criteria:
                if crit.code == code:
                    return f"{code} ({crit.name})"
    return code


def board_choices(event: EventSpec) -> list[tuple[str, str]]:
    """(board code, label): the final ranking first, then each stage in order."""
    choices = [(FINAL, translate("Leaderboard", "Final ranking"))]
    for stage in sorted(event.stages, key=lambda s: (s.position, s.id)):
        choices.append(
            (
                stage.code,
                translate("Leaderboard", "Stage %1: %2")
                .replace("%1", stage.code)
                .replace("%2", stage.name),
            )
        )
    return choices


def category_choices(event: EventSpec) -> list[str]:
    return sorted({e.category for e in event.entries if e.category})


def fill_board_boxes(
    board_box: QComboBox,
    category_box: QComboBox,
    event: EventSpec | None,
    board: str,
    category: str | None,
) -> None:
    """Refill both choices for ``event`` (empty without one), keeping ``board``/``category``
    selected where they still exist; emits no change signals."""
    for box in (board_box, category_box):
        box.blockSignals(True)
        box.clear()
    if event is not None:
        for code, label in board_choices(event):
            board_box.addItem(label, code)
        category_box.addItem(translate("Leaderboard", "All categories"), "")
        for name in category_choices(event):
            category_box.addItem(name, name)
        board_box.setCurrentIndex(max(0, board_box.findData(board)))
        category_box.setCurrentIndex(max(0, category_box.findData(category or "")))
    for box in (board_box, category_box):
        box.blockSignals(False)


class LeaderboardModel(QAbstractTableModel):
    """Leaderboard rows as a table; ``set_rows()`` replaces them all (a model reset)."""

    RANK, CODE, TITLE, UNIT, CATEGORY, SCORE, STATUS, TIE = range(8)
    COLUMN_COUNT = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[LeaderboardRow, ...] = ()
        self._event: EventSpec | None = None

    def set_rows(self, rows: Sequence[LeaderboardRow], event: EventSpec | None = None) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self._event = event
        self.endResetModel()

    def rows(self) -> tuple[LeaderboardRow, ...]:
        return self._rows

    def row_at(self, row: int) -> LeaderboardRow:
        return self._rows[row]

    def row_of_entry(self, entry_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.entry.id == entry_id:
                return i
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Rank"),
            self.tr("Code"),
            self.tr("Title"),
            self.tr("Unit"),
            self.tr("Category"),
            self.tr("Score"),
            self.tr("Status"),
            self.tr("Tie note"),
        )[section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.RANK, self.SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status in ("unscored", "not_advanced"):
                return QBrush(QColor("#7a7a7a"))
            if row.status == "provisional" and col == self.STATUS:
                return QBrush(QColor("#a35c00"))
            if row.tie_rule == "chair_decides" and col == self.TIE:
                return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TIE and row.tie_note:
            return tie_text(row, self._event)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.TITLE, self.STATUS):
            return self._display(row, col)  # whole, where a narrow dock elides it
        return None

    def _display(self, row: LeaderboardRow, col: int) -> str:
        if col == self.RANK:
            return "" if row.rank is None else str(row.rank)
        if col == self.CODE:
            return row.entry.code
        if col == self.TITLE:
            return row.entry.title
        if col == self.UNIT:
            return row.entry.unit
        if col == self.CATEGORY:
            return row.entry.category
        if col == self.SCORE:
            return localize_number_text(row.display)
        if col == self.STATUS:
            return self.status_of(row)
        return tie_text(row, self._event)

    def status_of(self, row: LeaderboardRow) -> str:
        """The row's status as its cell shows it."""
        return row_status_text(row, self.precision())

    def precision(self) -> int:
        """Decimal places the scores show with: the event's."""
        return self._event.precision if self._event else 2


M = LeaderboardModel


class LeaderboardPanel(QWidget):
    """Board and category choosers, the table, and the per-juror breakdown of the selected row."""

    rebuilt = Signal()  # after the rows were replaced (tests wait on it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: EventContext | None = None
        self.model = LeaderboardModel(self)
        self._pending = False
        self._active = True  # False while its dock is hidden: changes wait until it shows
        self._stale = False

        self.board_box = QComboBox()
        self.board_box.setToolTip(self.tr("Which ranking to show"))
        self.category_box = QComboBox()
        self.category_box.setToolTip(self.tr("All entries, or one category ranked on its own"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # the counts sentence wraps rather than widen the dock
        # One chooser per line: in a dock a third of a laptop wide, names stay whole.
        choosers = QFormLayout()
        choosers.addRow(self.tr("Ranking:"), self.board_box)
        choosers.addRow(self.tr("Category:"), self.category_box)

        self.table = QTableView()
        # Rows stay in the board's order: a sorting proxy would cost ~150 ms per rebuild at
        # 3,000 entries, and the ranking is the order that matters.
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Widths in characters; the table scrolls sideways in a narrow dock, titles stay readable.
        widths = {
            M.RANK: 6,
            M.CODE: 10,
            M.TITLE: 34,
            M.UNIT: 20,
            M.CATEGORY: 16,
            M.SCORE: 7,
            M.STATUS: 12,
        }
        for col, chars in widths.items():
            # A translated heading ("Peringkat") may be wider than the column's content.
            content = self.fontMetrics().horizontalAdvance("0" * chars) + 12
            header.resizeSection(col, max(content, header.sectionSizeFromContents(col).width()))
        header.setStretchLastSection(True)
        # Rank, code, title, score and status in view in a dock; unit, category and the tie note
        # follow, reachable by scrolling.
        header.moveSection(header.visualIndex(M.SCORE), header.visualIndex(M.TITLE) + 1)
        header.moveSection(header.visualIndex(M.STATUS), header.visualIndex(M.SCORE) + 1)
        self._title_fit = keep_in_view(
            self.table, M.TITLE, (M.RANK, M.CODE, M.SCORE, M.STATUS), min_chars=8
        )
        self._status_base = header.sectionSize(M.STATUS)

        self.breakdown = QTreeWidget()
        self.breakdown.setColumnCount(3)
        self.breakdown.setHeaderLabels(
            [self.tr("Stage / juror"), self.tr("Score"), self.tr("State")]
        )
        self.breakdown.setRootIsDecorated(True)
        # Juror names take what is left; the score and the state always show in a narrow dock.
        tree_header = self.breakdown.header()
        tree_header.setStretchLastSection(False)
        tree_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        tree_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.breakdown_title = QLabel()
        self.breakdown_title.setWordWrap(True)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.breakdown_title)
        detail_layout.addWidget(self.breakdown)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(choosers)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        self.board_box.currentIndexChanged.connect(self._choice_changed)
        self.category_box.currentIndexChanged.connect(self._choice_changed)
        self.table.selectionModel().selectionChanged.connect(self._show_breakdown)

    # -- the event -----------------------------------------------------------------------------

    def set_context(self, context: EventContext | None) -> None:
        if self.context is not None:
            self.context.changed.disconnect(self._on_changed)
        self.context = context
        if context is not None:
            context.changed.connect(self._on_changed)
        self._fill_choices()
        if self._active or context is None:
            self.rebuild()
        else:  # a hidden dock ranks nothing until it shows (3,000 rows on a national event)
            self._stale = True

    def board(self) -> str:
        return self.board_box.currentData() or FINAL

    def category(self) -> str | None:
        return self.category_box.currentData() or None

    def set_board(self, board: str, category: str | None = None) -> None:
        i = self.board_box.findData(board)
        if i >= 0:
            self.board_box.setCurrentIndex(i)
        j = self.category_box.findData(category or "")
        if j >= 0:
            self.category_box.setCurrentIndex(j)
        self.rebuild()

    def _fill_choices(self) -> None:
        event = self.context.event_spec if self.context is not None else None
        fill_board_boxes(self.board_box, self.category_box, event, self.board(), self.category())

    def _choice_changed(self) -> None:
        self.rebuild()

    def set_active(self, active: bool) -> None:
        """A hidden dock skips the rebuilds (3,000 rows per score); showing it catches up."""
        self._active = active
        if active and self._stale:
            self._stale = False
            self.rebuild()

    def _on_changed(self, change: Change) -> None:
        if change.kind in ("rubric", "entries", "jurors", "event", "all"):
            self._fill_choices()
        if not self._active:
            self._stale = True
            return
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.rebuild)

    # -- rows ------------------------------------------------------------------------------------

    def rebuild(self) -> None:
        self._pending = False
        if self.context is not None and not self.context.scores_loaded:
            # The window's start: nothing to rank until the scores are read (their arrival, a
            # Change("all"), rebuilds); ranking the bare structure would cost as much again.
            self.model.set_rows(())
            self.summary.setText("")
            return
        selected = self.selected_entry_id()
        if self.context is None:
            self.model.set_rows(())
            self.summary.setText("")
        else:
            scorer = self.context.scorer
            board = scorer.leaderboard(self.board(), self.category())
            self.model.set_rows(board.rows, scorer.event)
            self._fit_codes(board.rows)
            self.summary.setText(self._summary_text(board.rows))
        if selected is not None:
            self.select_entry(selected)
        self._show_breakdown()
        self.rebuilt.emit()

    def _fit_codes(self, rows: Sequence[LeaderboardRow]) -> None:
        """Codes differ in length between events (PD-02, KIPP-0181): the column fits the longest,
        and the title takes what is left."""
        if not rows:
            return
        longest = max((r.entry.code for r in rows), key=len)
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        width = metrics.horizontalAdvance(longest + "M") + 12
        width = max(width, header.sectionSizeFromContents(M.CODE).width())
        if header.sectionSize(M.CODE) != width:
            header.resizeSection(M.CODE, width)
        # "tidak lolos ke P2 (P1: 71,23)" shows whole where the dock has room. A few texts are
        # measured, not every row's: writing and measuring 3,000 statuses took 25-40 ms.
        widest_digit = max("0123456789", key=metrics.horizontalAdvance)
        texts = widest_status_texts(rows, self.model.precision(), widest_digit)
        status = max(metrics.horizontalAdvance(text) for text in texts)
        self._title_fit.grow(M.STATUS, self._status_base, status + 12)

    def _summary_text(self, rows: Sequence[LeaderboardRow]) -> str:
        counts = Counter(r.status for r in rows)
        # Counted apart: an entry that did not advance is not waiting for a score.
        stages = sorted({r.not_advanced_to for r in rows if r.status == "not_advanced"})
        text = (
            self.tr("%1 entries: %2 final, %3 provisional, %4 unscored; %5 not advanced to %6")
            if stages
            else self.tr("%1 entries: %2 final, %3 provisional, %4 unscored")
        )
        return (
            text.replace("%1", str(len(rows)))
            .replace("%2", str(counts["final"]))
            .replace("%3", str(counts["provisional"]))
            .replace("%4", str(counts["unscored"]))
            .replace("%5", str(counts["not_advanced"]))
            .replace("%6", ", ".join(stages))
        )

    def selected_row(self) -> LeaderboardRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_entry_id(self) -> int | None:
        row = self.selected_row()
        return row.entry.id if row is not None else None

    def select_entry(self, entry_id: int) -> None:
        source_row = self.model.row_of_entry(entry_id)
        if source_row is None:
            return
        self.table.selectRow(source_row)

    # -- the per-juror breakdown (the chair's view of what is behind a score) ---------------------

    def _show_breakdown(self) -> None:
        self.breakdown.clear()
        row = self.selected_row()
        if self.context is None or row is None:
            self.breakdown_title.setText(self.tr("Select an entry to see each juror's total."))
            return
        scorer = self.context.scorer
        event = scorer.event
        precision = event.precision
        self.breakdown_title.setText(f"{row.entry.code} — {row.entry.title}")
        stage_codes = [s.code for s in sorted(event.stages, key=lambda s: (s.position, s.id))]
        board = self.board()
        codes = [board] if board != FINAL else [c for c in stage_codes if c in row.stage_scores]
        for code in codes:
            stage_score = row.stage_scores.get(code, row.score if code == board else None)
            top = QTreeWidgetItem(
                [
                    self.tr("Stage %1").replace("%1", code),
                    format_score_text(stage_score, precision),
                    "",
                ]
            )
            self.breakdown.addTopLevelItem(top)
            for juror in event.jurors:
                status = scorer.juror_status(code, juror.id, row.entry.id)
                if status in ("not_assigned", "not_admitted"):
                    continue
                total = scorer.juror_total(code, juror.id, row.entry.id)
                top.addChild(
                    QTreeWidgetItem(
                        [
                            f"{juror.code} — {juror.name}",
                            format_score_text(total, precision),
                            juror_status_text(status),
                        ]
                    )
                )
            top.setExpanded(True)

    def breakdown_lines(self) -> list[tuple[str, str, str]]:
        """What the breakdown shows, flattened (for tests and for copying)."""
        lines = []
        items = [self.breakdown.topLevelItem(i) for i in range(self.breakdown.topLevelItemCount())]
        for top in items:
            assert top is not None
            lines.append((top.text(0), top.text(1), top.text(2)))
            for k in range(top.childCount()):
                child = top.child(k)
                assert child is not None
                lines.append((child.text(0), child.text(1), child.text(2)))
        return lines


def juror_status_text(status: str) -> str:
    return {
        "not_started": translate("Leaderboard", "not started"),
        "partial": translate("Leaderboard", "incomplete"),
        "complete": translate("Leaderboard", "complete"),
        "recused": translate("Leaderboard", "recused (conflict of interest)"),
        "not_assigned": translate("Leaderboard", "not assigned"),
        "not_admitted": translate("Leaderboard", "not admitted"),
    }.get(status, status)


VISIBLE_KEY = "leaderboard/visible"
WIDTH_KEY = "leaderboard/width"
# Below this screen width the dock would squeeze the juror's three panes: it starts hidden.
WIDE_SCREEN_PX = 1600


def remembered_visible(screen_width: int) -> bool:
    """Whether the dock shows when the chair opens an event: the user's last choice, else by screen."""
    value = QSettings().value(VISIBLE_KEY)
    if value is None:
        return screen_width >= WIDE_SCREEN_PX
    return str(value).lower() in ("true", "1")


def remembered_width() -> int | None:
    try:
        width = int(str(QSettings().value(WIDTH_KEY, 0)))
    except (TypeError, ValueError):
        return None
    return width if width > 0 else None


class LeaderboardDock(QDockWidget):
    """The leaderboard's dock. Its panel is built the first time the dock shows or ``panel`` is
    asked for: on a laptop the dock starts hidden, and building the panel cost the window's
    first paint 14 ms. Until then the dock keeps the event it is given (``set_context``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leaderboard_dock")
        self.setWindowTitle(self.tr("Leaderboard"))
        self._panel: LeaderboardPanel | None = None
        self._context: EventContext | None = None
        self.visibilityChanged.connect(lambda _shown: self.set_active(not self.isHidden()))

    @property
    def panel(self) -> LeaderboardPanel:
        """The board's panel, built now if it was not yet (with the dock's event)."""
        if self._panel is None:
            panel = LeaderboardPanel(self)
            panel.set_active(not self.isHidden())  # first: a hidden board ranks nothing
            if self._context is not None:
                panel.set_context(self._context)
            self.setWidget(panel)
            self._panel = panel
        return self._panel

    def set_context(self, context: EventContext | None) -> None:
        self._context = context
        if self._panel is not None:
            self._panel.set_context(context)

    def set_active(self, active: bool) -> None:
        """Shown: the panel (built now if need be) ranks; hidden: it waits until it shows."""
        if active:
            self.panel.set_active(True)
        elif self._panel is not None:
            self._panel.set_active(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue(VISIBLE_KEY, False)  # the dock's own close button: remember it
        super().closeEvent(event)


class LeaderboardFeature:
    """View › Leaderboard (Ctrl+Shift+L): the chair's standings dock (``dock``, its ``panel``).

    The projector feature tabs its controls with this dock.
    """

    def __init__(self, host: WindowHost) -> None:
        self.dock = install(host)


def install(window: WindowHost) -> LeaderboardDock:
    """Add the leaderboard dock and its View-menu toggle; follow the window's open event."""
    dock = LeaderboardDock(window.widget)
    window.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    toggle = dock.toggleViewAction()
    toggle.setText(translate("Leaderboard", "&Leaderboard"))
    toggle.setShortcut(QKeySequence("Ctrl+Shift+L"))
    window.add_action("view", toggle)

    def toggled(on: bool) -> None:
        QSettings().setValue(VISIBLE_KEY, bool(on))
        dock.set_active(on)
        if on:
            window.make_room(dock)

    toggle.triggered.connect(toggled)

    def opened(context: EventContext) -> None:
        # A juror's kit holds one juror's scores: the standings are the chair's business.
        chair = window.mode != MODE_JUROR
        screen = window.widget.screen() or QGuiApplication.primaryScreen()
        width = screen.availableGeometry().width() if screen is not None else 0
        visible = chair and remembered_visible(width)
        dock.set_active(visible)  # first: a hidden board is not ranked until it shows
        dock.set_context(context if chair else None)
        dock.setVisible(visible)
        toggle.setEnabled(chair)
        toggle.setVisible(chair)  # a juror's kit has no standings to offer
        if visible:
            window.make_room(dock, remembered_width())

    def closed() -> None:
        if dock.isVisible() and not dock.isFloating():
            QSettings().setValue(WIDTH_KEY, dock.width())  # the chair's own width, next time
        dock.set_context(None)

    window.event_opened.connect(opened)
    window.event_closed.connect(closed)
    dock.hide()
    toggle.setEnabled(False)
    return dock
