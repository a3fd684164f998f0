"""Issue 6: the leaderboard model (no widgets) and the live panel."""

from decimal import Decimal
from fractions import Fraction

import pytest
from factories import make_event
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

from kolabik_desktop.core.scoring.engine import format_score
from kolabik_desktop.core.scoring.model import EntrySpec, LeaderboardRow
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import Change
from kolabik_desktop.core.store.models import Score, Stage
from kolabik_desktop.ui.context import EventContext
from kolabik_desktop.ui.leaderboard import (
    LeaderboardModel,
    LeaderboardPanel,
    tie_text,
    widest_status_texts,
)

M = LeaderboardModel


def _row(rank, code, score, status="final", tie_rule="", reason=""):
    return LeaderboardRow(
        rank=rank,
        entry=EntrySpec(
            id=int(code[-1]), code=code, title=f"Title {code}", unit="Unit", category="Kecamatan"
        ),
        score=score,
        display=format_score(score, 2),
        status=status,
        tie_rule=tie_rule,
        tie_note="tie" if tie_rule else "",
        decision_reason=reason,
    )


def test_model_columns_and_rows_without_widgets(qapp):
    model = LeaderboardModel()
    rows = [
        _row(1, "E1", Fraction(1711, 20)),
        _row(2, "E2", Fraction(170, 2), "provisional", "criterion:SIG"),
        _row(None, "E3", None, "unscored"),
    ]
    model.set_rows(rows)
    assert model.rowCount() == 3 and model.columnCount() == M.COLUMN_COUNT == 8
    cell = lambda r, c: model.data(model.index(r, c))  # noqa: E731
    assert [cell(0, c) for c in (M.RANK, M.CODE, M.TITLE, M.UNIT, M.CATEGORY, M.SCORE)] == [
        "1",
        "E1",
        "Title E1",
        "Unit",
        "Kecamatan",
        "85.55",
    ]
    assert cell(1, M.STATUS) == "provisional"
    assert cell(1, M.TIE) == "Tie broken by criterion SIG"
    assert cell(2, M.RANK) == "" and cell(2, M.SCORE) == "" and cell(2, M.STATUS) == "unscored"
    assert model.headerData(M.SCORE, Qt.Orientation.Horizontal) == "Score"
    assert model.row_of_entry(3) == 2
    model.set_rows([])
    assert model.rowCount() == 0


def test_a_few_status_texts_are_as_wide_as_every_rows(qapp):
    """The status column is sized from one text per end of each kind's scores, each digit
    written as the font's widest, instead of from all 3,000 rows' texts."""

    def left_out(code, missed, last, score):
        scores = {last: score} if last else {}
        row = _row(None, code, None, "not_advanced")
        return row._replace(not_advanced_to=missed, last_stage=last, stage_scores=scores)

    rows = [
        _row(1, "E1", Fraction(1711, 20)),
        left_out("E2", "P2", "P1", Fraction(6181, 100)),
        left_out("E3", "P2", "P1", Fraction(100)),  # the highest in its kind, and the longest
        left_out("E4", "P2", "P1", Fraction(5)),  # the lowest, and the shortest
        left_out("E5", "P3", "P2", -1.5),  # a z-score below the scale
        left_out("E6", "P2", "", None),  # no panel score in any stage
    ]
    texts = widest_status_texts(rows, 2, widest_digit="8")
    assert texts == {
        "final",
        "not advanced to P2 (P1: 888.88)",
        "not advanced to P2 (P1: 8.88)",
        "not advanced to P3 (P2: -8.88)",
        "not advanced to P2",
    }
    model = LeaderboardModel()
    model.set_rows(rows)
    metrics = QFontMetrics(QApplication.font())
    digit = max("0123456789", key=metrics.horizontalAdvance)
    bound = max(metrics.horizontalAdvance(t) for t in widest_status_texts(rows, 2, digit))
    assert all(metrics.horizontalAdvance(model.status_of(r)) <= bound for r in rows)


def test_tie_notes_come_from_the_rule_code(qapp):
    assert tie_text(_row(1, "E1", 1)) == ""
    assert (
        tie_text(_row(1, "E1", 1, tie_rule="latest_stage"))
        == "Tie broken by the latest stage's score"
    )
    assert tie_text(_row(1, "E1", 1, tie_rule="chair_decides")) == "Still tied: the chair decides"
    # An event with no tie-break chain: the engine's "shared" code, never the raw word.
    assert tie_text(_row(1, "E1", 1, tie_rule="shared")) == "Tied: shared place"
    assert (
        tie_text(_row(1, "E1", 1, tie_rule="jury_decision", reason="vote 3-2"))
        == "Place decided by the jury: vote 3-2"
    )


@pytest.fixture
def live(qtbot, tmp_path):
    db, ids = make_event(tmp_path / "x.kolabik", entries=12, jurors=5, p2_fill=1.0)
    context = EventContext(db)
    panel = LeaderboardPanel()
    qtbot.addWidget(panel)
    panel.set_context(context)
    yield panel, context, ids
    context.close()


def _shown(panel):
    m = panel.model
    return {
        m.row_at(r).entry.id: (m.data(m.index(r, M.RANK)), m.data(m.index(r, M.SCORE)))
        for r in range(m.rowCount())
    }


def test_panel_follows_a_score_edit(qtbot, live):
    panel, context, ids = live
    panel.set_board("P1")
    entry = ids.entries[11]
    before = _shown(panel)[entry]
    with qtbot.waitSignal(panel.rebuilt, timeout=1000):
        for code in ("LBT", "KEB", "IMP", "SIG", "ADP", "SDA", "KEL"):
            services.set_score(
                context.db,
                juror_id=ids.jurors[2],
                entry_id=entry,
                criterion_id=ids.criteria[("P1", code)],
                value=Decimal(100),
            )
    after = _shown(panel)[entry]
    expected = {r.entry.id: (str(r.rank), r.display) for r in context.scorer.leaderboard("P1").rows}
    assert after != before
    assert after == expected[entry]
    assert _shown(panel) == expected


def test_panel_follows_an_import(qtbot, live):
    panel, context, ids = live
    panel.set_board("P1")
    entry = ids.entries[5]
    before = _shown(panel)[entry]
    # An import writes the tables directly, then announces the entries it touched.
    with context.db.session() as s:
        for score in s.scalars(select(Score).where(Score.entry_id == entry)):
            score.value = Decimal(0)
    with qtbot.waitSignal(panel.rebuilt, timeout=1000):
        context.db.notify(Change("scores", frozenset({entry}), "J2-paket.kolabik-scores"))
    after = _shown(panel)[entry]
    assert after != before
    assert after[1] == "0.00"


def test_category_board_and_per_juror_breakdown(qtbot, live):
    panel, context, ids = live
    panel.set_board("P1", "Kecamatan")
    rows = panel.model.rows()
    assert rows and {r.entry.category for r in rows} == {"Kecamatan"}
    assert [r.rank for r in rows if r.rank is not None][0] == 1
    # The conflicted entry: juror 1 is recused, the others' totals come from the engine.
    panel.set_board("P1")
    conflicted_juror, conflicted_entry = ids.conflict
    panel.select_entry(conflicted_entry)
    lines = panel.breakdown_lines()
    assert lines[0][0] == "Stage P1"
    by_juror = {name.split(" — ")[0]: (score, state) for name, score, state in lines[1:]}
    assert by_juror["J1"] == ("", "recused (conflict of interest)")
    j2_total = context.scorer.juror_total("P1", ids.jurors[1], conflicted_entry)
    assert by_juror["J2"] == (format_score(j2_total, 2), "complete")
    # The final board's breakdown lists each stage the entry has a score in.
    panel.set_board("final")
    panel.select_entry(ids.entries[0])
    stages = [name for name, _s, state in panel.breakdown_lines() if name.startswith("Stage")]
    assert stages == ["Stage P1", "Stage P2"]


def test_chair_rubric_change_refills_the_board_choices(qtbot, live):
    panel, context, _ids = live
    codes = [panel.board_box.itemData(i) for i in range(panel.board_box.count())]
    assert codes == ["final", "P1", "P2"]
    with qtbot.waitSignal(panel.rebuilt, timeout=1000):
        context.reload()
    assert panel.model.rowCount() == 12


def test_indonesian_headings_fit_their_columns(qtbot, qapp):
    from PySide6.QtCore import Qt

    from kolabik_desktop.ui import i18n

    i18n.install_translator(qapp, i18n.INDONESIAN)
    try:
        panel = LeaderboardPanel()
        qtbot.addWidget(panel)
        header = panel.table.horizontalHeader()
        assert panel.model.headerData(M.RANK, Qt.Orientation.Horizontal) == "Peringkat"
        for col in range(M.COLUMN_COUNT - 1):  # the last one stretches
            assert header.sectionSize(col) >= header.sectionSizeHint(col), col
    finally:
        i18n.install_translator(qapp, i18n.ENGLISH)


def test_entries_that_did_not_advance_say_so_with_their_last_score_counted_apart(qtbot, qapp, live):
    from kolabik_desktop.ui import i18n

    panel, context, ids = live
    panel.set_board("final")
    board = context.scorer.leaderboard("final")
    # The status comes from the engine's rows: 5 of 12 admitted to P2, the other 7 not advanced.
    left_out = [r for r in board.rows if r.status == "not_advanced"]
    assert len(left_out) == 7
    m = panel.model
    for row in left_out:
        i = m.row_of_entry(row.entry.id)
        p1 = format_score(row.stage_scores["P1"], 2)
        assert m.data(m.index(i, M.STATUS)) == f"not advanced to P2 (P1: {p1})"
        assert m.data(m.index(i, M.RANK)) == ""
    assert (
        panel.summary.text()
        == "12 entries: 5 final, 0 provisional, 0 unscored; 7 not advanced to P2"
    )
    i18n.install_translator(qapp, "id")
    try:
        panel.rebuild()
        assert "7 tidak lolos ke P2" in panel.summary.text()
        assert "0 belum dinilai" in panel.summary.text()
        i = m.row_of_entry(left_out[0].entry.id)
        assert m.data(m.index(i, M.STATUS)).startswith("tidak lolos ke P2 (P1: ")
    finally:
        i18n.install_translator(qapp, "en")


def test_status_column_fits_a_zscore_score_outside_the_scale(qtbot, tmp_path):
    """A z-score stage maps an outlier far below the scale: "not advanced to P2 (P1: -165.32)"
    on a 0-100 rubric must show whole, so the column cannot be sized from the scale's ends."""
    db, ids = make_event(
        tmp_path / "z.kolabik", entries=20, jurors=2, fill=0.0, conflict=False, admitted_to_p2=5
    )
    outlier = ids.entries[-1]  # not admitted to P2
    p1_criteria = [cid for (stage, _code), cid in ids.criteria.items() if stage == "P1"]
    with db.session() as s:
        s.execute(update(Stage).where(Stage.code == "P1").values(method="zscore"))
        # Each juror's spread is one point, made by the outlier alone: its z is about -4.4 with
        # both, and the stage's own spread (one juror near 100, the other near 0) is 50.
        for juror, usual, lowest in zip(ids.jurors, (100, 1), (99, 0), strict=True):
            for entry in ids.entries:
                value = Decimal(lowest if entry == outlier else usual)
                s.add_all(
                    Score(
                        juror_id=juror,
                        entry_id=entry,
                        criterion_id=cid,
                        value=value,
                        updated_at="t",
                    )
                    for cid in p1_criteria
                )
    context = EventContext(db)
    try:
        panel = LeaderboardPanel()
        qtbot.addWidget(panel)
        panel.resize(1600, 600)  # room for the whole status
        panel.show()
        qtbot.waitExposed(panel)
        panel.set_context(context)
        panel.set_board("final")
        m = panel.model
        texts = [m.data(m.index(i, M.STATUS)) for i in range(m.rowCount())]
        outlier_row = m.row_of_entry(outlier)
        assert outlier_row is not None
        shown = texts[outlier_row]
        assert shown.startswith("not advanced to P2 (P1: -1") and len(shown.split(": ")[1]) == 8
        metrics = panel.table.fontMetrics()
        widest = max(metrics.horizontalAdvance(t) for t in texts)
        assert widest == metrics.horizontalAdvance(shown)
        assert panel.table.horizontalHeader().sectionSize(M.STATUS) >= widest + 8
    finally:
        context.close()
