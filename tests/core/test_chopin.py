"""The proof (issue 9 §7): the 2025 Chopin Competition's published results, to the last digit.

Every published stage score (155) and every published total after stages 2, 3 and the final (71)
is recomputed from the jurors' individual marks, and the final's places come out as published:
1, 2, 3, 4, 4, 5, 5, 6 (the shared 4th from the empty tie-break chain, the rest by recorded jury
decisions, since no arithmetic rule gives a shared 5th to 21.03 and 21.01).
"""

from __future__ import annotations

import chopin_data
import pytest

from kolabik_desktop.core.exchange.workbook import import_workbook
from kolabik_desktop.core.scoring.engine import Scorer, format_score, validate_event
from kolabik_desktop.core.scoring.model import FINAL
from kolabik_desktop.core.store.services import load_scoring_input

pytestmark = pytest.mark.skipif(
    not chopin_data.available(),
    reason=f"the Chopin 2025 data is not here ({chopin_data.DATA}); it lives in the shared tree",
)

PUBLISHED_PLACES = [1, 2, 3, 4, 4, 5, 5, 6]


@pytest.fixture(scope="module")
def data() -> chopin_data.Chopin:
    return chopin_data.load()


@pytest.fixture(scope="module")
def scorer(data) -> Scorer:
    event, values = chopin_data.build_event(data)
    assert validate_event(event) == []
    return Scorer(event, values)


def check_published_results(scorer: Scorer, data: chopin_data.Chopin, by_code: bool) -> None:
    """Assert every published number and the final places; entries are matched by competitor
    number (the entry code in the workbook, the entry id in the engine-direct event)."""

    def key(row) -> int:
        return int(row.entry.code) if by_code else row.entry.id

    boards = {b: {key(r): r for r in scorer.leaderboard(b).rows} for b in ("S1", "S2", "S3", "S4")}
    boards[FINAL] = {key(r): r for r in scorer.leaderboard(FINAL).rows}

    stage_scores = [(r.stage, r.number, boards[r.stage][r.number]) for r in data.stage_rows]
    assert len(stage_scores) == 155
    wrong = [
        (stage, number, row.stage_scores[stage], published.published)
        for (stage, number, row), published in zip(stage_scores, data.stage_rows, strict=True)
        if _shown(row.stage_scores[stage]) != str(published.published)
    ]
    assert wrong == []

    numbers = data.numbers()
    totals = [r for r in data.results if r.board != "S1"]
    assert len(totals) == 71
    wrong_totals = [
        (r.board, r.name, boards[r.board][numbers[r.name]].display, str(r.total))
        for r in totals
        if boards[r.board][numbers[r.name]].display != str(r.total)
    ]
    assert wrong_totals == []
    # The stage scores printed beside each total are the same numbers again.
    for r in data.results:
        row = boards[r.board][numbers[r.name]]
        codes = ["S1", "S2", "S3", "S4"][: len(r.stage_scores)]
        assert [_shown(row.stage_scores[c]) for c in codes] == [str(s) for s in r.stage_scores]

    # The final: places 1, 2, 3, 4, 4, 5, 5, 6, and the order of the published list.
    final = [r for r in data.results if r.board == FINAL]
    rows = [boards[FINAL][numbers[r.name]] for r in final]
    assert [r.rank for r in rows[:8]] == PUBLISHED_PLACES
    assert [int(r.advanced_or_place) for r in final[:8]] == PUBLISHED_PLACES
    assert all(r.status == "final" for r in rows)
    by_place = sorted(rows, key=lambda r: (r.rank, -r.score))
    assert [r.entry.title for r in by_place] == [r.name for r in final]
    shared_fourth = [r for r in rows if r.rank == 4]
    assert {r.tie_rule for r in shared_fourth} == {"shared"}
    assert {r.display for r in shared_fourth} == {"21.30"}
    decided = [r for r in rows if r.tie_rule == "jury_decision"]
    assert sorted((r.display, r.rank) for r in decided) == [
        ("20.91", 6),
        ("21.01", 5),
        ("21.03", 5),
    ]
    assert all(r.tie_note == "by decision of the jury" and r.decision_reason for r in decided)


def _shown(score) -> str:
    return format_score(score, 2)


def test_every_published_number_engine_direct(scorer, data):
    check_published_results(scorer, data, by_code=False)


def test_stage_one_ranking_is_the_published_list(scorer, data):
    # After stage 1 the published list is in stage-score order; equal scores share a place.
    published = [r for r in data.results if r.board == "S1"]
    board = scorer.leaderboard("S1").rows
    assert [r.display for r in board] == [str(r.total) for r in published]
    assert len(board) == 84 and all(r.rank is not None for r in board)


def test_cumulative_boards_rank_by_the_published_totals(scorer, data):
    # Stages 2 and 3 rank by their cumulative blends, which are the published totals: the boards'
    # score order is the published list's order.
    for code in ("S2", "S3"):
        published = [str(r.total) for r in data.results if r.board == code]
        assert [r.display for r in scorer.leaderboard(code).rows] == published


def test_binary_floats_would_miss_a_published_total(data):
    # The data README's warning: 0.3 × 20.75 + 0.7 × 18.80 = 19.385 must show 19.39 (Jacky Zhang).
    assert round(0.3 * 20.75 + 0.7 * 18.80, 2) != 19.39
    jacky = next(r for r in data.results if r.board == "S2" and r.name == "Jacky Zhang")
    assert str(jacky.total) == "19.39"


def test_recused_marks_are_left_out(scorer, data):
    # Ziye Tao, stage 1: Dang Thai Son (juror 6) marked 's'.
    row = next(r for r in data.in_stage("S1") if r.name == "Ziye Tao")
    juror = data.jurors.index("Dang Thai Son") + 1
    assert row.marks["Dang Thai Son"] is None
    assert scorer.juror_status("S1", juror, row.number) == "recused"
    cells = {c.juror_id: c for c in scorer.leaderboard("S1").rows[0].juror_cells}
    assert len(cells) == 17


def test_every_published_number_through_the_event_workbook(data, tmp_path):
    # Issue 9 §7: the event is built the way a committee would, from an event workbook.
    xlsx = tmp_path / "chopin-2025.xlsx"
    chopin_data.write_workbook(data, xlsx)
    db = import_workbook(xlsx, tmp_path / "chopin-2025.kolabik")
    try:
        loaded = load_scoring_input(db)
    finally:
        db.close()
    assert validate_event(loaded.event) == []
    assert len(loaded.values) == sum(
        mark is not None for r in data.stage_rows for mark in r.marks.values()
    )
    check_published_results(Scorer(loaded.event, loaded.values), data, by_code=True)
