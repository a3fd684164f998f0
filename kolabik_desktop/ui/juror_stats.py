"""Tools > Juror statistics: can the chair trust this panel's result? (issue 15)

The view only shows what core/analysis computes (off the GUI thread, through run_task): a table
per juror with its flags, the outlier marks (clicking one opens that entry with that juror's
form), charts painted here (box plots of the totals, leniency with its spread, a juror x entry
deviation heat map), agreement, the sensitivity table coloured stable/sensitive, and leave one
juror out.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

# At module level: this module is itself imported only when the chair first opens the dialog
# (ui.juror_stats_feature), and an import inside a function costs ~7 us a call once PySide hooks
# __import__ (number() formats every cell of the tables).
from kolabik_desktop.core.analysis import AnalysisInput, load_analysis_input
from kolabik_desktop.core.analysis.export import stat
from kolabik_desktop.core.analysis.stats import (
    LeaveOneOut,
    StageAnalysis,
    five_numbers,
    leave_one_out,
)
from kolabik_desktop.core.scoring.model import FINAL, EntrySpec
from kolabik_desktop.ui import i18n
from kolabik_desktop.ui.workers import gc_paused, run_task

STABLE = QColor("#D8F0DC")
SENSITIVE = QColor("#F8D7C4")
FLAG = QColor("#F3C6C6")
REFRESH_MS = 1500  # recompute at most this often while scores arrive
HEAT_COLUMNS = 40  # at least this many entries on the heat map, more when they fit
HEAT_MIN_CELL = 16.0  # px: the narrowest heat map column
MARK_ROLE = Qt.ItemDataRole.UserRole


def number(value: Fraction | float | None) -> str:
    text = stat(value)
    return "—" if text is None else i18n.localize_number_text(text)


class ChartsWidget(QWidget):
    """Box plots, leniency bars and the heat map, painted; a click on an outlier cell emits
    ``mark_clicked(juror_id, entry_id)``."""

    mark_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis: StageAnalysis | None = None
        self.panel_label = QCoreApplication.translate("JurorStats", "Panel")
        self._cells: list[tuple[QRectF, int, int]] = []  # outlier cells for clicks
        self.heat_entries: list[EntrySpec] = []  # the heat map's columns, as last painted
        self.setMinimumSize(640, 640)
        self.setMouseTracking(True)

    def set_analysis(self, analysis: StageAnalysis | None) -> None:
        self.analysis = analysis
        self.update()

    def outlier_cells(self) -> list[tuple[QRectF, int, int]]:
        return list(self._cells)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        point = event.position()
        for rect, juror_id, entry_id in self._cells:
            if rect.contains(point):
                self.mark_clicked.emit(juror_id, entry_id)
                return
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        self._cells = []
        self.heat_entries = []
        a = self.analysis
        if a is None or a.stage is None or not any(j.totals for j in a.jurors):
            p.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("JurorStats", "No charts: not enough data."),
            )
            return
        w = float(self.width())
        title = QFont(self.font())
        title.setBold(True)
        p.setFont(title)
        p.drawText(QPointF(8, 16), QCoreApplication.translate("JurorStats", "Totals per juror"))
        p.setFont(self.font())
        self._box_plots(p, a, QRectF(48, 26, w - 60, 170))
        p.setFont(title)
        p.drawText(
            QPointF(8, 232), QCoreApplication.translate("JurorStats", "Leniency ± its spread")
        )
        p.setFont(self.font())
        self._leniency(p, a, QRectF(48, 242, w - 60, 140))
        p.setFont(title)
        p.drawText(
            QPointF(8, 418),
            QCoreApplication.translate(
                "JurorStats", "Juror minus the others' mean (click a framed outlier to open it)"
            ),
        )
        p.setFont(self.font())
        self._heat(p, a, QRectF(48, 428, w - 60, float(self.height()) - 440))

    def _axis(self, p: QPainter, r: QRectF, lo: float, hi: float) -> None:
        p.setPen(QPen(QColor("#D0D4DA"), 0.5))
        for k in range(5):
            y = r.bottom() - r.height() * k / 4
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            p.setPen(QPen(QColor("#555B66"), 1))
            p.drawText(
                QRectF(0, y - 8, r.left() - 4, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                i18n.localize_number_text(f"{lo + (hi - lo) * k / 4:.1f}"),
            )
            p.setPen(QPen(QColor("#D0D4DA"), 0.5))

    def _box_plots(self, p: QPainter, a: StageAnalysis, r: QRectF) -> None:
        series = [(j.juror.code, j.totals, QColor("#9DB8D9")) for j in a.jurors if j.totals]
        everything = [t for j in a.jurors for t in j.totals]
        series.append((self.panel_label, tuple(everything), QColor("#C9CED6")))
        lo, hi = float(min(everything)), float(max(everything))
        pad = max(1.0, (hi - lo) * 0.08)
        lo, hi = lo - pad, hi + pad
        plot = QRectF(r.left(), r.top(), r.width(), r.height() - 18)
        self._axis(p, plot, lo, hi)

        def y(v: Fraction) -> float:
            return plot.bottom() - (float(v) - lo) / (hi - lo) * plot.height()

        slot = plot.width() / len(series)
        bw = min(40.0, slot * 0.55)
        for i, (label, values, fill) in enumerate(series):
            five = five_numbers(values)
            if five is None:
                continue
            cx = plot.left() + slot * (i + 0.5)
            mn, q1, med, q3, mx = (y(v) for v in five)
            p.setPen(QPen(QColor("#222222"), 1))
            p.drawLine(QPointF(cx, mn), QPointF(cx, q1))
            p.drawLine(QPointF(cx, q3), QPointF(cx, mx))
            p.drawLine(QPointF(cx - bw / 4, mn), QPointF(cx + bw / 4, mn))
            p.drawLine(QPointF(cx - bw / 4, mx), QPointF(cx + bw / 4, mx))
            p.setBrush(QBrush(fill))
            p.drawRect(QRectF(cx - bw / 2, q3, bw, max(q1 - q3, 1)))
            p.setPen(QPen(QColor("#222222"), 2.5))
            p.drawLine(QPointF(cx - bw / 2, med), QPointF(cx + bw / 2, med))
            p.setPen(QPen(QColor("#222222"), 1))
            p.drawText(
                QRectF(cx - slot / 2, plot.bottom() + 2, slot, 16),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )

    def _leniency(self, p: QPainter, a: StageAnalysis, r: QRectF) -> None:
        items = [
            (j.juror.code, float(j.leniency), j.leniency_sd or 0.0)
            for j in a.jurors
            if j.leniency is not None
        ]
        if not items:
            return
        reach = max(0.5, *(abs(v) + s for _, v, s in items))
        plot = QRectF(r.left(), r.top(), r.width(), r.height() - 18)
        self._axis(p, plot, -reach, reach)
        zero = plot.center().y()

        def y(v: float) -> float:
            return zero - v / reach * plot.height() / 2

        p.setPen(QPen(QColor("#222222"), 1))
        p.drawLine(QPointF(plot.left(), zero), QPointF(plot.right(), zero))
        slot = plot.width() / len(items)
        bw = min(34.0, slot * 0.5)
        for i, (label, v, spread) in enumerate(items):
            cx = plot.left() + slot * (i + 0.5)
            colour = QColor("#D98C6C") if v > 0 else QColor("#6C93C9")
            p.fillRect(QRectF(cx - bw / 2, min(y(v), zero), bw, abs(y(v) - zero)), colour)
            p.drawLine(QPointF(cx, y(v - spread)), QPointF(cx, y(v + spread)))
            for end in (v - spread, v + spread):
                p.drawLine(QPointF(cx - 4, y(end)), QPointF(cx + 4, y(end)))
            p.drawText(
                QRectF(cx - slot / 2, plot.bottom() + 2, slot, 16),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )

    def _heat(self, p: QPainter, a: StageAnalysis, r: QRectF) -> None:
        jurors = [j for j in a.jurors if j.deviations]
        if not jurors:
            return
        flagged = {(j.juror.id, o.entry.id) for j in jurors for o in j.outliers}
        # Entries with an outlier first, then the best ranked: HEAT_COLUMNS, or as many as fit.
        marked = [e for e in a.entries if any((j.juror.id, e.id) in flagged for j in jurors)]
        rest = [
            e for e in a.entries if e not in marked and any(e.id in j.deviations for j in jurors)
        ]
        columns = max(HEAT_COLUMNS, int(r.width() // HEAT_MIN_CELL))
        entries = (marked + rest)[:columns]
        self.heat_entries = entries
        tolerance = float(a.tolerance or 0) or 1.0
        cw = min(22.0, r.width() / max(len(entries), 1))
        ch = min(22.0, (r.height() - 50) / max(len(jurors), 1))
        top = r.top() + 50
        p.setPen(QPen(QColor("#222222"), 1))
        for c, e in enumerate(entries):
            p.save()
            p.translate(r.left() + c * cw + cw / 2, top - 4)
            p.rotate(-60)
            p.drawText(QPointF(0, 0), e.code)
            p.restore()
        for row, j in enumerate(jurors):
            y = top + row * ch
            p.drawText(
                QRectF(0, y, r.left() - 4, ch),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                j.juror.code,
            )
            for c, e in enumerate(entries):
                cell = QRectF(r.left() + c * cw, y, cw - 1, ch - 1)
                dev = j.deviations.get(e.id)
                if dev is None:
                    p.fillRect(cell, QColor("#F1F2F4"))
                    continue
                share = max(-1.0, min(1.0, float(dev) / tolerance))
                if share >= 0:
                    colour = QColor.fromRgbF(1, 1 - 0.75 * share, 1 - 0.8 * share)
                else:
                    colour = QColor.fromRgbF(1 + 0.75 * share, 1 + 0.5 * share, 1)
                p.fillRect(cell, colour)
                if (j.juror.id, e.id) in flagged:
                    p.setPen(QPen(QColor("#222222"), 2))
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawRect(cell)
                    p.setPen(QPen(QColor("#222222"), 1))
                    self._cells.append((cell, j.juror.id, e.id))


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _item(text: str, colour: QColor | None = None, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if colour is not None:
        item.setBackground(colour)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class JurorStatsDialog(QDialog):
    """The analysis of one stage (or the final ranking) of the open event."""

    computed = Signal()  # the statistics, agreement and sensitivity are shown
    loo_computed = Signal()  # then leave-one-juror-out (the slowest part) is shown too
    mark_requested = Signal(int, int, int)  # juror id, entry id, stage id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Juror statistics"))
        self.resize(980, 720)
        self.context: Any = None
        self.analysis: StageAnalysis | None = None
        self._generation = 0
        self.stage = QComboBox()
        self.stage.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.recompute = QPushButton(self.tr("&Recompute"))
        self.recompute.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Stage:")))
        top.addWidget(self.stage)
        top.addWidget(self.status, 1)
        top.addWidget(self.recompute)

        self.jurors = _table(
            [
                self.tr("Juror"),
                self.tr("n"),
                self.tr("Mean"),
                self.tr("SD"),
                self.tr("Leniency"),
                self.tr("Correlation"),
                self.tr("Outliers"),
                self.tr("Notes"),
            ]
        )
        self.outliers = _table(
            [self.tr("Juror"), self.tr("Entry"), self.tr("Total"), self.tr("Others' mean")]
        )
        self.outliers.cellDoubleClicked.connect(self._open_outlier_row)
        self.outliers.cellClicked.connect(self._open_outlier_row)
        juror_tab = QWidget()
        box = QVBoxLayout(juror_tab)
        box.addWidget(self.jurors, 3)
        self.outliers_label = QLabel(
            self.tr("Outlier marks (click one to open that entry with that juror's form):")
        )
        box.addWidget(self.outliers_label)
        box.addWidget(self.outliers, 2)

        self.charts = ChartsWidget()
        self.charts.mark_clicked.connect(self._open_mark)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts)

        self.agreement = _table([self.tr("Criterion"), self.tr("Alpha"), self.tr("Verdict")])
        self.sensitivity = _table([self.tr("Place")])
        self.loo = _table(
            [
                self.tr("Juror"),
                self.tr("Ranking"),
                self.tr("Winner"),
                self.tr("Top 3"),
                self.tr("Cut"),
                self.tr("Largest move"),
            ]
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(juror_tab, self.tr("Jurors"))
        self.tabs.addTab(scroll, self.tr("Charts"))
        self.tabs.addTab(self.agreement, self.tr("Agreement"))
        self.tabs.addTab(self.sensitivity, self.tr("Method sensitivity"))
        self.tabs.addTab(self.loo, self.tr("Leave one juror out"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

    # -- context and computing ------------------------------------------------------------------

    def set_context(self, context: Any) -> None:
        if self.context is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.context.changed.disconnect(self._on_change)
        self.context = context
        self._generation += 1
        self.stage.blockSignals(True)
        self.stage.clear()
        self.stage.blockSignals(False)
        self._fill_stages()
        if context is not None:
            context.changed.connect(self._on_change)
        if context is None:
            self._show(None)

    def _on_change(self, change: object) -> None:
        if getattr(change, "kind", "") in ("rubric", "all"):
            self._fill_stages()  # a stage added, renamed or removed in setup
        if self.isVisible():
            self._timer.start()

    def _fill_stages(self) -> None:
        chosen = self.stage.currentData()
        self.stage.blockSignals(True)
        self.stage.clear()
        if self.context is not None:
            for st in sorted(self.context.event_spec.stages, key=lambda s: (s.position, s.id)):
                self.stage.addItem(f"{st.code} — {st.name}", st.code)
            self.stage.addItem(self.tr("Final ranking"), FINAL)
            self.stage.setCurrentIndex(max(0, self.stage.findData(chosen)))
        self.stage.blockSignals(False)

    def refresh(self) -> None:
        if self.context is None or self.stage.currentData() is None:
            return
        self._generation += 1
        generation, db, board = self._generation, self.context.db, self.stage.currentData()
        self.status.setText(self.tr("Computing…"))
        self.recompute.setEnabled(False)

        def work(_progress: Any) -> tuple[AnalysisInput, StageAnalysis]:
            with gc_paused():
                data = load_analysis_input(db)
                return data, data.analyse(board, with_leave_one_out=False)

        run_task(
            work,
            lambda result: self._apply(generation, *result),
            lambda exc: self._failed(generation, exc),
            db=db,
        )

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.recompute.setEnabled(True)
        self.status.setText(self.tr("The statistics could not be computed: {0}").format(exc))

    def _apply(self, generation: int, data: AnalysisInput, result: StageAnalysis) -> None:
        if generation != self._generation:
            return  # a newer computation is on its way, or the event was closed
        self._show(result)
        self.computed.emit()
        board = result.board

        def work(_progress: Any) -> tuple[LeaveOneOut, ...]:
            with gc_paused():
                return leave_one_out(data.event, data.values, board)

        run_task(
            work,
            lambda loo: self._apply_loo(generation, loo),
            lambda exc: self._failed(generation, exc),
            db=self.context.db if self.context is not None else None,
        )

    def _apply_loo(self, generation: int, loo: tuple[LeaveOneOut, ...]) -> None:
        if generation != self._generation or self.analysis is None:
            return
        self.recompute.setEnabled(True)
        self.analysis = replace(self.analysis, leave_one_out=loo)
        self.loo.setRowCount(0)
        self._show_loo(self.analysis)
        self.loo_computed.emit()

    # -- showing ---------------------------------------------------------------------------

    def reason(self, code: str) -> str:
        texts = {
            "no_entries": self.tr("no entry completed"),
            "one_entry": self.tr("one entry only: no spread"),
            "no_shared_entry": self.tr("shares no entry with another juror"),
            "fewer_than_3_shared": self.tr("fewer than 3 shared entries: no correlation"),
            "no_spread": self.tr("no variation: no correlation"),
            "fewer_than_2_jurors": self.tr("Not enough data: fewer than 2 jurors with totals."),
            "fewer_than_2_entries": self.tr("Not enough data: fewer than 2 entries with totals."),
            "no_pairable_values": self.tr("not enough data: no entry scored by two jurors"),
            "no_variation": self.tr("not enough data: every value is the same"),
        }
        return texts.get(code, code)

    def method_name(self, code: str) -> str:
        return {
            "mean": self.tr("mean"),
            "trimmed": self.tr("trimmed mean"),
            "median": self.tr("median"),
            "banded": self.tr("banded"),
            "zscore": self.tr("z-score"),
        }.get(code, code)

    def _show(self, a: StageAnalysis | None) -> None:
        self.analysis = a
        self.charts.set_analysis(a)
        for table in (self.jurors, self.outliers, self.agreement, self.sensitivity, self.loo):
            table.setRowCount(0)
        if a is None:
            self.status.setText("")
            return
        notes = [self.reason(n) for n in a.notes]
        if a.stage is not None:
            notes.insert(
                0,
                self.tr("Outlier tolerance: {0} points; flagged rows have outliers.").format(
                    i18n.format_decimal(a.tolerance)
                ),
            )
        else:
            notes.insert(
                0,
                self.tr(
                    "The final ranking: method sensitivity and leave one juror out. Per-juror "
                    "statistics, agreement and charts belong to a stage: choose a stage."
                ),
            )
        self.status.setText(" ".join(notes))
        for j in a.jurors:
            r = self.jurors.rowCount()
            self.jurors.insertRow(r)
            flag = FLAG if j.outliers else None
            cells = [
                _item(f"{j.juror.code} — {j.juror.name}", flag),
                _item(str(j.n), flag, True),
                _item(number(j.mean), flag, True),
                _item(number(j.sd), flag, True),
                _item(number(j.leniency), flag, True),
                _item(number(j.correlation), flag, True),
                _item(str(len(j.outliers)), flag, True),
                _item("; ".join(self.reason(n) for n in j.notes), flag),
            ]
            for c, item in enumerate(cells):
                self.jurors.setItem(r, c, item)
            for o in j.outliers:
                k = self.outliers.rowCount()
                self.outliers.insertRow(k)
                first = _item(j.juror.code)
                first.setData(MARK_ROLE, (j.juror.id, o.entry.id))
                self.outliers.setItem(k, 0, first)
                self.outliers.setItem(k, 1, _item(f"{o.entry.code} — {o.entry.title}"))
                self.outliers.setItem(k, 2, _item(number(o.total), None, True))
                self.outliers.setItem(k, 3, _item(number(o.others_mean), None, True))
        named = [(f"{c.criterion.code} — {c.criterion.name}", c.alpha) for c in a.criteria]
        if a.alpha_totals is not None:
            named.append((self.tr("Totals"), a.alpha_totals))
        for label, alpha in named:
            r = self.agreement.rowCount()
            self.agreement.insertRow(r)
            if alpha.value is None:
                verdict, colour = self.reason(alpha.reason), None
            elif alpha.low:
                verdict, colour = self.tr("low agreement (below 0.667)"), FLAG
            else:
                verdict, colour = self.tr("adequate"), None
            self.agreement.setItem(r, 0, _item(label))
            self.agreement.setItem(r, 1, _item(number(alpha.value), colour, True))
            self.agreement.setItem(r, 2, _item(verdict, colour))
        self._show_sensitivity(a)
        self._show_loo(a)

    def _show_sensitivity(self, a: StageAnalysis) -> None:
        sens = a.sensitivity
        methods = sens.methods
        headers = [self.tr("Place"), *(self.method_name(m.method) for m in methods)]
        self.sensitivity.setColumnCount(len(headers) + 1)
        self.sensitivity.setHorizontalHeaderLabels([*headers, self.tr("Verdict")])
        for p in sens.places:
            r = self.sensitivity.rowCount()
            self.sensitivity.insertRow(r)
            self.sensitivity.setItem(r, 0, _item(str(p.place), None, True))
            for c, m in enumerate(methods, 1):
                entry = m.order[p.place - 1] if p.place - 1 < len(m.order) else None
                same = entry is not None and p.entry is not None and entry.id == p.entry.id
                self.sensitivity.setItem(
                    r, c, _item(entry.code if entry else "—", STABLE if same else SENSITIVE)
                )
            verdict = (
                self.tr("stable")
                if p.stable
                else self.tr("sensitive: {0}").format(
                    ", ".join(self.method_name(m) for m, _ in p.changed_by)
                )
            )
            self.sensitivity.setItem(
                r, len(methods) + 1, _item(verdict, STABLE if p.stable else SENSITIVE)
            )
        r = self.sensitivity.rowCount()
        self.sensitivity.insertRow(r)
        self.sensitivity.setItem(r, 0, _item(self.tr("Changed places")))
        for c, m in enumerate(methods, 1):
            self.sensitivity.setItem(r, c, _item(str(m.changed_places), None, True))

    def _show_loo(self, a: StageAnalysis) -> None:
        for item in a.leave_one_out:
            parts = []
            if item.stage is not None:
                parts.append((a.board, item.stage))
            parts.append((self.tr("Final"), item.final))
            for label, change in parts:
                r = self.loo.rowCount()
                self.loo.insertRow(r)
                move = change.largest_move
                changed = self.tr("CHANGES")
                same = self.tr("same")
                winner = change.winner.code if change.winner else "—"
                self.loo.setItem(r, 0, _item(item.juror.code))
                self.loo.setItem(r, 1, _item(label))
                self.loo.setItem(
                    r,
                    2,
                    _item(
                        winner + (f" ({changed})" if change.winner_changed else ""),
                        SENSITIVE if change.winner_changed else STABLE,
                    ),
                )
                self.loo.setItem(
                    r,
                    3,
                    _item(
                        changed if change.top3_changed else same,
                        SENSITIVE if change.top3_changed else STABLE,
                    ),
                )
                self.loo.setItem(
                    r,
                    4,
                    _item(
                        changed if change.cut_changed else same,
                        SENSITIVE if change.cut_changed else STABLE,
                    ),
                )
                self.loo.setItem(
                    r,
                    5,
                    _item(f"{move.entry.code}: {move.before} → {move.after}" if move else "—"),
                )

    # -- opening a mark ---------------------------------------------------------------------

    def _open_outlier_row(self, row: int, _column: int) -> None:
        item = self.outliers.item(row, 0)
        if item is not None:
            juror_id, entry_id = item.data(MARK_ROLE)
            self._open_mark(juror_id, entry_id)

    def _open_mark(self, juror_id: int, entry_id: int) -> None:
        if self.analysis is not None and self.analysis.stage is not None:
            self.mark_requested.emit(juror_id, entry_id, self.analysis.stage.id)
