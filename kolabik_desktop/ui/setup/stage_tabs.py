"""Tabs that work on one stage's people and places: assignments, advancing, jury decisions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.scoring.model import FINAL
from kolabik_desktop.core.store import setup
from kolabik_desktop.ui.leaderboard import tie_text
from kolabik_desktop.ui.setup.common import (
    FAILED,
    attempt,
    confirm,
    fill_stage_combo,
    make_table,
)
from kolabik_desktop.ui.setup.models import AdvanceModel, DecisionsModel, MatrixModel

if TYPE_CHECKING:
    from kolabik_desktop.core.store.db import Change
    from kolabik_desktop.ui.context import EventContext


class AssignmentsTab(QWidget):
    """Who judges what in a stage: every juror everything, per category, or per entry."""

    def __init__(self, context: EventContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.stage = QComboBox()
        self.all_mode = QRadioButton(self.tr("Every juror scores every entry"))
        self.category_mode = QRadioButton(self.tr("Per category"))
        self.entry_mode = QRadioButton(self.tr("Per entry"))
        self.modes = QButtonGroup(self)
        for i, (button, mode) in enumerate(
            (
                (self.all_mode, setup.ASSIGN_ALL),
                (self.category_mode, setup.ASSIGN_CATEGORY),
                (self.entry_mode, setup.ASSIGN_ENTRY),
            )
        ):
            self.modes.addButton(button, i)
            button.setProperty("mode", mode)
        self.matrix = MatrixModel(self)
        self.view = QTableView()
        self.view.setModel(self.matrix)
        self.hint = QLabel()
        self.save_button = QPushButton(self.tr("Save assignments"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Stage")))
        top.addWidget(self.stage, 1)
        top.addStretch(1)
        modes = QHBoxLayout()
        for b in (self.all_mode, self.category_mode, self.entry_mode):
            modes.addWidget(b)
        modes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(modes)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.stage.currentIndexChanged.connect(self.load_plan)
        self.modes.idClicked.connect(lambda _id: self._show_matrix())
        self.save_button.clicked.connect(self.save)
        context.changed.connect(self._on_change)
        self.plan = setup.AssignmentPlan()
        self.reload()

    def _on_change(self, change: Change) -> None:
        if change.kind in ("rubric", "jurors", "entries", "all"):
            self.reload()

    def reload(self) -> None:
        fill_stage_combo(self.stage, setup.list_stages(self.context.db))
        self.load_plan()

    def mode(self) -> str:
        button = self.modes.checkedButton()
        return button.property("mode") if button else setup.ASSIGN_ALL

    def load_plan(self) -> None:
        sid = self.stage.currentData()
        self.plan = setup.get_assignments(self.context.db, sid) if sid else setup.AssignmentPlan()
        button = {
            setup.ASSIGN_ALL: self.all_mode,
            setup.ASSIGN_CATEGORY: self.category_mode,
            setup.ASSIGN_ENTRY: self.entry_mode,
        }[self.plan.mode]
        button.setChecked(True)
        self._show_matrix()

    def _show_matrix(self) -> None:
        db = self.context.db
        jurors = [(j.id, j.data.code) for j in setup.list_jurors(db)]
        mode = self.mode()
        self.view.setVisible(mode != setup.ASSIGN_ALL)
        if mode == setup.ASSIGN_CATEGORY:
            rows = [(c.id, c.name) for c in setup.list_categories(db)]
            ticked = {(c, j) for j, cs in self.plan.categories.items() for c in cs}
            self.hint.setText(self.tr("Tick the categories each juror scores (columns: jurors)."))
        elif mode == setup.ASSIGN_ENTRY:
            sid = self.stage.currentData()
            admitted = setup.admitted_entries(db, sid) if sid else set()
            rows = [(e.id, e.data.code) for e in setup.list_entries(db) if e.id in admitted]
            ticked = {(e, j) for j, e in self.plan.pairs}
            self.hint.setText(self.tr("Tick the entries each juror scores (columns: jurors)."))
        else:
            rows, ticked = [], set()
            self.hint.setText(self.tr("No assignment list: every juror scores every entry."))
        self.matrix.set_matrix(rows, jurors, ticked)
        self.view.resizeColumnsToContents()

    def current_plan(self) -> setup.AssignmentPlan:
        mode = self.mode()
        ticked = self.matrix.ticked()
        if mode == setup.ASSIGN_CATEGORY:
            by_juror: dict[int, set[int]] = {}
            for category_id, juror_id in ticked:
                by_juror.setdefault(juror_id, set()).add(category_id)
            return setup.AssignmentPlan(
                mode, categories={j: frozenset(cs) for j, cs in by_juror.items()}
            )
        if mode == setup.ASSIGN_ENTRY:
            return setup.AssignmentPlan(mode, pairs=frozenset((j, e) for e, j in ticked))
        return setup.AssignmentPlan()

    def save(self) -> bool:
        sid = self.stage.currentData()
        if sid is None:
            return False
        return (
            attempt(self, setup.set_assignments, self.context.db, sid, self.current_plan())
            is not FAILED
        )


class AdvanceTab(QWidget):
    """Advance to the next stage: the top N or quotas per category, ties at the cut shown."""

    def __init__(self, context: EventContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.stage = QComboBox()
        self.target = QLabel()
        self.top_mode = QRadioButton(self.tr("Top"))
        self.quota_mode = QRadioButton(self.tr("Quotas per category"))
        self.top_mode.setChecked(True)
        self.top_n = QSpinBox()
        self.top_n.setRange(1, 100_000)
        self.top_n.setValue(10)
        self.quotas = QTableWidget(0, 2)
        self.quotas.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Quota")])
        self.quotas.verticalHeader().hide()
        self.quotas.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.quotas.setColumnWidth(1, 120)
        self.quotas.setMaximumHeight(180)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.model = AdvanceModel(self)
        self.view, _ = make_table(self.model, sortable=False, stretch=AdvanceModel.TITLE)
        self.view.setModel(self.model)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.admit_button = QPushButton(self.tr("Admit ticked entries"))
        self.admit_button.setEnabled(False)

        form = QFormLayout()
        stage_row = QHBoxLayout()
        stage_row.addWidget(self.stage, 1)
        stage_row.addWidget(self.target, 1)
        form.addRow(self.tr("From the ranking of"), stage_row)
        top_row = QHBoxLayout()
        top_row.addWidget(self.top_mode)
        top_row.addWidget(self.top_n)
        top_row.addWidget(QLabel(self.tr("entries overall")))
        top_row.addStretch(1)
        form.addRow(top_row)
        form.addRow(self.quota_mode, self.quotas)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        admit = QHBoxLayout()
        admit.addStretch(1)
        admit.addWidget(self.admit_button)
        layout.addLayout(admit)
        self.stage.currentIndexChanged.connect(self._stage_chosen)
        self.preview_button.clicked.connect(self.preview)
        self.admit_button.clicked.connect(self.admit)
        self.model.dataChanged.connect(self._update_summary)
        context.changed.connect(self._on_change)
        self.rule = ""
        self.reload()

    def _on_change(self, change: Change) -> None:
        if change.kind in ("rubric", "entries", "all"):
            self.reload()

    def reload(self) -> None:
        stages = setup.list_stages(self.context.db)
        fill_stage_combo(self.stage, stages[:-1])  # the last stage has no next one
        self.quotas.setRowCount(0)
        for c in setup.list_categories(self.context.db):
            row = self.quotas.rowCount()
            self.quotas.insertRow(row)
            name = QTableWidgetItem(c.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.quotas.setItem(row, 0, name)
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            self.quotas.setCellWidget(row, 1, spin)
        self._stage_chosen()

    def next_stage(self) -> setup.StageRow | None:
        sid = self.stage.currentData()
        return setup.next_stage(self.context.db, sid) if sid is not None else None

    def _stage_chosen(self) -> None:
        nxt = self.next_stage()
        self.target.setText(
            self.tr("→ admit to %1").replace("%1", f"{nxt.data.code} — {nxt.data.name}")
            if nxt
            else self.tr("(add a second stage first)")
        )
        self.model.set_shortlist([], [])
        self._update_summary()

    def quota_values(self) -> dict[str, int]:
        return {
            self.quotas.item(r, 0).text(): self.quotas.cellWidget(r, 1).value()  # type: ignore[union-attr,attr-defined]
            for r in range(self.quotas.rowCount())
        }

    def preview(self) -> bool:
        sid = self.stage.currentData()
        if sid is None:
            return False
        code = next(r.data.code for r in setup.list_stages(self.context.db) if r.id == sid)
        if self.top_mode.isChecked():
            kwargs: dict[str, object] = {"top_n": self.top_n.value()}
            self.rule = f"{code}: top {self.top_n.value()}"
        else:
            quotas = {k: v for k, v in self.quota_values().items() if v > 0}
            kwargs = {"quotas": quotas}
            self.rule = f"{code}: " + ", ".join(f"{k} {v}" for k, v in quotas.items())
        result = attempt(self, setup.shortlist, self.context.scorer, code, **kwargs)
        if result is FAILED:
            return False
        self.model.set_shortlist(result.selected, result.tied_at_cut)
        self._update_summary()
        return True

    def _update_summary(self, *_: object) -> None:
        nxt = self.next_stage()
        admitted = len(self.model.admitted())
        tied = self.model.tied_count()
        text = self.tr("%1 entries ticked to admit.").replace("%1", str(admitted))
        if tied:
            text += " " + self.tr(
                "%1 entries are tied at the cut (highlighted): tick those the jury admits."
            ).replace("%1", str(tied))
        self.summary.setText(text if self.model.rowCount() else "")
        self.admit_button.setEnabled(bool(admitted) and nxt is not None)

    def admit(self) -> bool:
        nxt = self.next_stage()
        entry_ids = self.model.admitted()
        if nxt is None or not entry_ids:
            return False
        text = self.tr("Admit %1 entries to %2? The entries admitted there now are replaced.")
        text = text.replace("%1", str(len(entry_ids))).replace("%2", nxt.data.code)
        if not confirm(self, self.tr("Advance to the next stage"), text):
            return False
        db = self.context.db
        result = attempt(self, setup.admit_entries, db, nxt.id, entry_ids, rule=self.rule)
        if result is FAILED:
            message = self.tr(
                "Some entries that leave the stage were already scored there. Admit anyway?"
            )
            if not confirm(self, self.tr("Advance to the next stage"), message):
                return False
            result = attempt(
                self,
                setup.admit_entries,
                db,
                nxt.id,
                entry_ids,
                rule=self.rule,
                allow_removing_scored=True,
            )
        return result is not FAILED


class DecisionsTab(QWidget):
    """The jury's decisions on places that no rule produces, each with its reason."""

    def __init__(self, context: EventContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = DecisionsModel(self)
        self.view, self.proxy = make_table(self.model, stretch=DecisionsModel.REASON)
        self.board = QComboBox()
        self.entry = QComboBox()
        self.entry.setEditable(True)
        self.place = QSpinBox()
        self.place.setRange(1, 100_000)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. ex aequo per the jury's minutes"))
        self.current_place = QLabel()
        self.record_button = QPushButton(self.tr("Record decision"))
        self.remove_button = QPushButton(self.tr("Remove decision"))
        explain = QLabel(
            self.tr(
                "Record a place that no rule produces: an ex-aequo place for different "
                "scores, or an order for tied entries. It shows as 'by decision of the jury'."
            )
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Ranking"), self.board)
        form.addRow(self.tr("Entry"), self.entry)
        form.addRow("", self.current_place)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.board.currentIndexChanged.connect(self._show_current_place)
        self.entry.currentIndexChanged.connect(self._show_current_place)
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.record_button.clicked.connect(self.record)
        self.remove_button.clicked.connect(self.remove)
        context.changed.connect(self._on_change)
        self.reload()

    def _on_change(self, change: Change) -> None:
        if change.kind in ("decisions", "rubric", "entries", "all"):
            self.reload()
        elif change.kind == "scores":
            self._show_current_place()  # of the tab, only the place shown depends on scores

    def reload(self) -> None:
        db = self.context.db
        keep_board, keep_entry = self.board.currentData(), self.entry.currentData()
        for combo in (self.board, self.entry):
            combo.blockSignals(True)
            combo.clear()
        self.board.addItem(self.tr("Final ranking"), FINAL)
        for s in setup.list_stages(db):
            self.board.addItem(self.tr("Stage %1").replace("%1", s.data.code), s.data.code)
        for e in setup.list_entries(db):
            self.entry.addItem(f"{e.data.code} — {e.data.title}", e.id)
        self.board.setCurrentIndex(max(0, self.board.findData(keep_board)))
        self.entry.setCurrentIndex(max(0, self.entry.findData(keep_entry)))
        for combo in (self.board, self.entry):
            combo.blockSignals(False)
        self.model.set_rows(setup.list_decisions(db))
        self._show_current_place()

    def _row_chosen(self, *_: object) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        row: setup.DecisionRow = index.data(Qt.ItemDataRole.UserRole)
        self.board.setCurrentIndex(self.board.findData(row.board))
        self.entry.setCurrentIndex(self.entry.findData(row.entry_id))
        self.place.setValue(row.rank)
        self.reason.setText(row.reason)

    def _show_current_place(self, *_: object) -> None:
        board, entry_id = self.board.currentData(), self.entry.currentData()
        if board is None or entry_id is None:
            self.current_place.setText("")
            return
        rows = self.context.scorer.leaderboard(board).rows
        row = next((r for r in rows if r.entry.id == entry_id), None)
        if row is None or row.rank is None:
            self.current_place.setText(self.tr("Not ranked on this ranking now."))
            return
        text = self.tr("Place on this ranking now: %1 (score %2)")
        text = text.replace("%1", str(row.rank)).replace("%2", row.display)
        if row.tie_rule:
            text += " — " + tie_text(row, self.context.event_spec)
        self.current_place.setText(text)

    def record(self) -> bool:
        result = attempt(
            self,
            setup.set_decision,
            self.context.db,
            board=self.board.currentData(),
            entry_id=self.entry.currentData(),
            rank=self.place.value(),
            reason=self.reason.text(),
        )
        return result is not FAILED

    def remove(self) -> bool:
        index = self.view.currentIndex()
        if not index.isValid():
            return False
        row: setup.DecisionRow = index.data(Qt.ItemDataRole.UserRole)
        return attempt(self, setup.remove_decision, self.context.db, row.id) is not FAILED
