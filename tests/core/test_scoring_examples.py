"""Worked examples of scoring.md, each checked by hand (the arithmetic is in the comments)."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest

from kolabik_desktop.core.scoring.engine import (
    Scorer,
    compute_leaderboard,
    format_score,
    validate_event,
)
from kolabik_desktop.core.scoring.model import (
    FINAL,
    TIEBREAK_NONE,
    CriterionSpec,
    EntrySpec,
    EventSpec,
    JurorSpec,
    JuryDecision,
    StageSpec,
)

D = Decimal


def crit(cid: int, weight: object, lo: object = 0, hi: object = 100, code: str = "", pos: int = 0):
    return CriterionSpec(
        id=cid,
        code=code or f"K{cid}",
        name=f"Criterion {cid}",
        weight=D(str(weight)),
        min_value=D(str(lo)),
        max_value=D(str(hi)),
        step=D("0.01"),
        position=pos or cid,
    )


def stage(sid: int, criteria, weight: object = 100, method: str = "mean", **kw) -> StageSpec:
    return StageSpec(
        id=sid,
        code=kw.pop("code", f"S{sid}"),
        name=f"Stage {sid}",
        position=sid,
        weight=D(str(weight)),
        method=method,
        criteria=tuple(criteria),
        **kw,
    )


def event(stages, entries: int | tuple[EntrySpec, ...] = 3, jurors: int = 3, **kw) -> EventSpec:
    if isinstance(entries, int):
        entries = tuple(
            EntrySpec(id=e, code=f"E{e}", title=f"Entry {e}") for e in range(1, entries + 1)
        )
    return EventSpec(
        stages=tuple(stages),
        entries=entries,
        jurors=tuple(
            JurorSpec(id=j, code=f"J{j}", name=f"Juror {j}") for j in range(1, jurors + 1)
        ),
        **kw,
    )


def one_criterion(cid: int, marks: dict[int, list[object]]) -> dict[tuple[int, int, int], Decimal]:
    """{entry: [juror 1's value, juror 2's, ...]} (None = not scored) for a one-criterion stage."""
    return {
        (j, e, cid): D(str(v))
        for e, vs in marks.items()
        for j, v in enumerate(vs, start=1)
        if v is not None
    }


def rows(board):
    return [(r.rank, r.entry.id, r.display, r.status, r.tie_rule) for r in board.rows]


def row_of(board, entry_id: int):
    return next(r for r in board.rows if r.entry.id == entry_id)


# ---------------------------------------------------------------------------------------------
# 1. Juror totals
# ---------------------------------------------------------------------------------------------

KIPP_2023 = (  # code, weight: Ringkasan is read but weighs 0
    ("RNG", 0),
    ("LBT", 10),
    ("KBR", 15),
    ("IMP", 5),
    ("SIG", 30),
    ("ADP", 20),
    ("SDY", 5),
    ("KBL", 15),
)


def kipp_stage() -> StageSpec:
    return stage(1, [crit(i + 1, w, code=c) for i, (c, w) in enumerate(KIPP_2023)])


def test_kipp_2023_total_is_sum_of_value_times_weight_over_100():
    # 80×10 + 90×15 + 70×5 + 85×30 + 75×20 + 60×5 + 88×15 = 800 + 1350 + 350 + 2550 + 1500 + 300
    # + 1320 = 8170; / 100 = 81.70. Ringkasan's 40 weighs nothing.
    marks = (40, 80, 90, 70, 85, 75, 60, 88)
    values = {(1, 1, i + 1): D(m) for i, m in enumerate(marks)}
    scorer = Scorer(event([kipp_stage()], entries=1, jurors=1), values)
    assert scorer.juror_total("S1", 1, 1) == Fraction(8170, 100)
    assert scorer.juror_status("S1", 1, 1) == "complete"
    assert row_of(scorer.leaderboard(FINAL), 1).display == "81.70"


def test_weight_zero_criterion_may_stay_empty_but_a_weighted_one_may_not():
    marks = {i + 1: D(m) for i, m in enumerate((40, 80, 90, 70, 85, 75, 60, 88))}
    without_summary = {(1, 1, c): v for c, v in marks.items() if c != 1}
    scorer = Scorer(event([kipp_stage()], entries=1, jurors=1), without_summary)
    assert scorer.juror_total("S1", 1, 1) == Fraction(8170, 100)
    without_signifikansi = {(1, 1, c): v for c, v in marks.items() if c != 5}
    scorer = Scorer(event([kipp_stage()], entries=1, jurors=1), without_signifikansi)
    assert scorer.juror_total("S1", 1, 1) is None
    assert scorer.juror_status("S1", 1, 1) == "partial"
    assert row_of(scorer.leaderboard(FINAL), 1).status == "unscored"


def test_total_maps_criterion_ranges_onto_the_stage_scale():
    # K1 on 1..5 weight 1, K2 on 0..10 weight 3, scale 0..100.
    # v1 = 4 -> (4-1)/4 = 0.75; v2 = 5 -> 5/10 = 0.5; T = 100 × (1×0.75 + 3×0.5) / 4 = 56.25.
    s = stage(1, [crit(1, 1, 1, 5), crit(2, 3, 0, 10)])
    scorer = Scorer(event([s], 1, 1), {(1, 1, 1): D(4), (1, 1, 2): D(5)})
    assert scorer.juror_total("S1", 1, 1) == Fraction(5625, 100)
    # The same stage on a 1..25 scale: T = 1 + 24 × 2.25 / 4 = 1 + 13.5 = 14.5.
    s = stage(1, [crit(1, 1, 1, 5), crit(2, 3, 0, 10)], scale_min=D(1), scale_max=D(25))
    scorer = Scorer(event([s], 1, 1), {(1, 1, 1): D(4), (1, 1, 2): D(5)})
    assert scorer.juror_total("S1", 1, 1) == Fraction(29, 2)


def test_decimal_scale_and_criterion_minimum():
    # Scale 0.5..10.5, criterion 0.25..1.25: v = 0.75 -> 0.5 + 10 × (0.75 - 0.25) / 1 = 5.5;
    # a second juror's 1.2 -> 0.5 + 10 × 0.95 = 10; mean (5.5 + 10) / 2 = 7.75.
    s = stage(1, [crit(1, 100, "0.25", "1.25")], scale_min=D("0.5"), scale_max=D("10.5"))
    scorer = Scorer(event([s], 1, 2), {(1, 1, 1): D("0.75"), (2, 1, 1): D("1.2")})
    assert scorer.juror_total("S1", 1, 1) == Fraction(11, 2)
    assert scorer.juror_total("S1", 2, 1) == 10
    assert scorer.leaderboard(FINAL).rows[0].score == Fraction(31, 4)


def test_one_1_to_25_criterion_on_a_1_to_25_scale_is_the_mark_itself():
    s = stage(1, [crit(1, 100, 1, 25)], scale_min=D(1), scale_max=D(25))
    scorer = Scorer(event([s], 1, 1), {(1, 1, 1): D(17)})
    assert scorer.juror_total("S1", 1, 1) == 17


# ---------------------------------------------------------------------------------------------
# 2. Panel methods
# ---------------------------------------------------------------------------------------------

FIVE = {1: [70, 80, 90, 65, 99]}  # one entry, five jurors, T = v on a 0..100 criterion


@pytest.mark.parametrize(
    "method,marks,expected,shown",
    [
        # mean: (70 + 80 + 90 + 65 + 99) / 5 = 404 / 5 = 80.8
        ("mean", FIVE, Fraction(404, 5), "80.80"),
        # trimmed, n = 5: drop 99 and 65 -> (70 + 80 + 90) / 3 = 80
        ("trimmed", FIVE, Fraction(80), "80.00"),
        # trimmed, n = 4 < 5: plain mean (70 + 80 + 90 + 65) / 4 = 305 / 4 = 76.25
        ("trimmed", {1: [70, 80, 90, 65, None]}, Fraction(305, 4), "76.25"),
        # median of 65 70 80 90 99 = 80; of 65 70 80 90 = (70 + 80) / 2 = 75
        ("median", FIVE, Fraction(80), "80.00"),
        ("median", {1: [70, 80, 90, 65, None]}, Fraction(75), "75.00"),
    ],
)
def test_panel_methods(method, marks, expected, shown):
    s = stage(1, [crit(1, 100)], method=method)
    board = compute_leaderboard(event([s], 1, 5), one_criterion(1, marks))
    assert board.rows[0].score == expected
    assert board.rows[0].display == shown


def test_banded_pulls_totals_into_the_band_around_the_rounded_mean():
    # m = 80.80 (404 / 5); L = 3 -> band [77.80, 83.80]; 70 -> 77.8, 80, 90 -> 83.8, 65 -> 77.8,
    # 99 -> 83.8; sum = 77.8 + 80 + 83.8 + 77.8 + 83.8 = 403.2; / 5 = 80.64.
    s = stage(1, [crit(1, 100)], method="banded", band=D(3))
    board = compute_leaderboard(event([s], 1, 5), one_criterion(1, FIVE))
    assert board.rows[0].score == Fraction(8064, 100)


def test_banded_centres_on_the_mean_rounded_half_up():
    # Totals 10, 11, 11, 20 on 1..25, L = 2: mean = 52 / 4 = 13 exactly -> band [11, 15]:
    # 10 -> 11, 11, 11, 20 -> 15; mean = 48 / 4 = 12.
    # Totals 10, 10, 11: mean = 31 / 3 = 10.3333 -> m = 10.33; L = 0.01 -> band [10.32, 10.34]:
    # 10.32 + 10.32 + 10.34 = 30.98; / 3 = 10.32666.. -> 10.33. With the unrounded mean the band
    # would be [10.3233.., 10.3433..] and the result (2 × 10.3233 + 10.3433) / 3 = 10.33 too, so
    # the exact Fraction is what tells them apart: 3098 / 300.
    s = stage(1, [crit(1, 100, 1, 25)], method="banded", band=D(2), scale_min=D(1), scale_max=D(25))
    board = compute_leaderboard(event([s], 1, 4), one_criterion(1, {1: [10, 11, 11, 20]}))
    assert board.rows[0].score == 12
    s = stage(
        1, [crit(1, 100, 1, 25)], method="banded", band=D("0.01"), scale_min=D(1), scale_max=D(25)
    )
    board = compute_leaderboard(event([s], 1, 3), one_criterion(1, {1: [10, 10, 11]}))
    assert board.rows[0].score == Fraction(3098, 300)


def test_zscore_standardises_each_juror_and_maps_back_to_the_stage_scale():
    # Juror 1 gives 60, 70, 80 (mu 70, sigma sqrt(200/3)); juror 2 gives 80, 85, 90 (mu 85,
    # sigma sqrt(50/3)). Entry 1: both z = -1.2247 (-sqrt(3/2)); entry 2: z = 0; entry 3: +1.2247.
    # Stage: mu = 465 / 6 = 77.5; sigma = sqrt(587.5 / 6) = 9.8953. Entry 1 = 77.5 - 9.8953 ×
    # 1.2247 = 65.38; entry 2 = 77.50; entry 3 = 89.62.
    s = stage(1, [crit(1, 100)], method="zscore")
    marks = {1: [60, 80], 2: [70, 85], 3: [80, 90]}
    board = compute_leaderboard(event([s], 3, 2), one_criterion(1, marks))
    z = math.sqrt(1.5)
    sigma = math.sqrt(587.5 / 6)
    assert [r.entry.id for r in board.rows] == [3, 2, 1]
    assert row_of(board, 1).score == pytest.approx(77.5 - sigma * z, abs=1e-12)
    assert row_of(board, 3).score == pytest.approx(77.5 + sigma * z, abs=1e-12)
    assert [r.display for r in board.rows] == ["89.62", "77.50", "65.38"]


def test_zscore_juror_with_no_spread_keeps_z_zero():
    # Juror 1 gives 50 to both entries (sigma 0 -> z = 0); juror 2 gives 60 and 80 (z = -1, +1).
    # Stage: mu = 240 / 4 = 60; sigma = sqrt((100 + 100 + 0 + 400) / 4) = sqrt(150) = 12.247.
    # Entry 1 mean z = -0.5 -> 60 - 6.1237 = 53.88; entry 2 -> 66.12.
    s = stage(1, [crit(1, 100)], method="zscore")
    board = compute_leaderboard(event([s], 2, 2), one_criterion(1, {1: [50, 60], 2: [50, 80]}))
    assert [r.display for r in board.rows] == ["66.12", "53.88"]


# ---------------------------------------------------------------------------------------------
# Status, eligibility
# ---------------------------------------------------------------------------------------------


def test_final_provisional_and_unscored():
    # E1: three totals (final, 80); E2: two of three (provisional, (70 + 90) / 2 = 80... use 71 +
    # 90 = 161 / 2 = 80.5); E3: nothing (unscored, listed last, unranked, no score shown).
    s = stage(1, [crit(1, 100)])
    values = one_criterion(1, {1: [80, 80, 80], 2: [71, None, 90]})
    board = compute_leaderboard(event([s], 3, 3), values)
    assert rows(board) == [
        (1, 2, "80.50", "provisional", ""),
        (2, 1, "80.00", "final", ""),
        (None, 3, "", "unscored", ""),
    ]
    assert board.rows[2].score is None


def test_recused_and_unassigned_jurors_count_for_nothing():
    # Juror 3 is recused from E1, juror 2 is not assigned to E1: E1 = juror 1 alone = 60, final.
    s = stage(1, [crit(1, 100)], assignments=frozenset({(1, 1), (3, 1), (1, 2), (2, 2), (3, 2)}))
    values = one_criterion(1, {1: [60, 100, 100], 2: [50, 50, 50]})
    scorer = Scorer(event([s], 2, 3, conflicts=frozenset({(3, 1)})), values)
    e1 = row_of(scorer.leaderboard("S1"), 1)
    assert (e1.score, e1.status) == (60, "final")
    assert scorer.juror_status("S1", 3, 1) == "recused"
    assert scorer.juror_status("S1", 2, 1) == "not_assigned"
    assert scorer.juror_status("S1", 2, 2) == "complete"
    assert scorer.juror_total("S1", 3, 1) is None
    cells = {c.juror_id: c for c in e1.juror_cells}
    assert set(cells) == {1, 3}
    assert cells[3].recused and not cells[3].eligible and cells[3].total is None
    assert cells[1].eligible and cells[1].total == 60 and cells[1].complete


def test_criterion_means_over_eligible_jurors():
    # K1: jurors 1, 2 give 70, 80 (juror 3 recused, 10 ignored) -> 75; K2 (weight 0): only juror
    # 1 gave 33 -> 33; K3: nobody -> None.
    s = stage(1, [crit(1, 100), crit(2, 0), crit(3, 0)])
    values = {(1, 1, 1): D(70), (2, 1, 1): D(80), (3, 1, 1): D(10), (1, 1, 2): D(33)}
    scorer = Scorer(event([s], 1, 3, conflicts=frozenset({(3, 1)})), values)
    assert scorer.criterion_means("S1", 1) == {1: 75, 2: 33, 3: None}


def test_not_admitted_entry_is_not_on_the_stage_board():
    s1, s2 = stage(1, [crit(1, 100)], weight=50), stage(2, [crit(2, 100)], weight=50)
    s2 = s2._replace(admitted=frozenset({1}))
    scorer = Scorer(event([s1, s2], 2, 1), {(1, 1, 1): D(50), (1, 2, 1): D(90), (1, 1, 2): D(70)})
    assert [r.entry.id for r in scorer.leaderboard("S2").rows] == [1]
    assert scorer.juror_status("S2", 1, 2) == "not_admitted"


def test_an_entry_not_admitted_to_a_weighted_stage_is_not_advanced_not_unscored():
    # E1 admitted to S2 and scored there (final); E2 scored 90 in S1, not admitted to S2:
    # "not_advanced" to S2 with S1 as its last stage; E3 admitted to S2 but not yet scored
    # there: plainly unscored. Rows keep their order (E2's S1 score 90 ranks it before E3's 60).
    s1, s2 = stage(1, [crit(1, 100)], weight=50), stage(2, [crit(2, 100)], weight=50)
    s2 = s2._replace(admitted=frozenset({1, 3}))
    values = {(1, 1, 1): D(50), (1, 2, 1): D(90), (1, 3, 1): D(60), (1, 1, 2): D(70)}
    scorer = Scorer(event([s1, s2], 3, 1), values)
    board = scorer.leaderboard(FINAL)
    assert rows(board) == [
        (1, 1, "60.00", "final", ""),
        (None, 2, "", "not_advanced", ""),
        (None, 3, "", "unscored", ""),
    ]
    e2, e3 = board.rows[1], board.rows[2]
    assert (e2.not_advanced_to, e2.last_stage, e2.stage_scores["S1"]) == ("S2", "S1", 90)
    assert (e3.not_advanced_to, e3.last_stage) == ("", "")
    # The same on a category board, and a stage board never says it (it lists only admitted).
    assert {r.status for r in scorer.leaderboard("S2").rows} == {"final", "unscored"}
    # Admitting E2 later makes it merely unscored in S2.
    s2_all = s2._replace(admitted=frozenset({1, 2, 3}))
    again = Scorer(event([s1, s2_all], 3, 1), values).leaderboard(FINAL)
    assert row_of(again, 2).status == "unscored"


# ---------------------------------------------------------------------------------------------
# Precision and rounding
# ---------------------------------------------------------------------------------------------


def test_display_rounds_half_up_on_the_exact_value():
    # (84.98 + 84.99) / 2 = 84.985 exactly -> 84.99 (half up). A binary float holds 84.985 as
    # 84.98499999.. and would show 84.98; half-even would show 84.98 too.
    s = stage(1, [crit(1, 100)])
    board = compute_leaderboard(event([s], 1, 2), one_criterion(1, {1: ["84.98", "84.99"]}))
    assert board.rows[0].score == Fraction(84985, 1000)
    assert board.rows[0].display == "84.99"


def test_format_score():
    assert format_score(Fraction(84985, 1000), 2) == "84.99"
    assert format_score(Fraction(-84985, 1000), 2) == "-84.99"
    assert format_score(Fraction(-1, 1000), 2) == "0.00"
    assert format_score(Fraction(5, 2), 0) == "3"
    assert format_score(Fraction(1, 3), 3) == "0.333"
    assert format_score(D("7"), 1) == "7.0"
    assert format_score(0.125, 2) == "0.13"  # 0.125 is exact in binary
    assert format_score(None, 2) == ""


def test_scores_equal_at_display_precision_are_tied():
    # E1 = (85 + 85 + 85.01) / 3 = 85.00333.. -> 85.00; E2 = 85 -> 85.00: tied although E1 is
    # higher exactly; the only criterion's mean ties too -> shared place, chair decides.
    s = stage(1, [crit(1, 100)])
    values = one_criterion(1, {1: [85, 85, "85.01"], 2: [85, 85, 85]})
    board = compute_leaderboard(event([s], 2, 3), values, "S1")
    assert [(r.rank, r.tie_rule, r.tie_note) for r in board.rows] == [
        (1, "chair_decides", "chair decides"),
        (1, "chair_decides", "chair decides"),
    ]


# ---------------------------------------------------------------------------------------------
# 4. Ties
# ---------------------------------------------------------------------------------------------


def two_stage_event(**kw) -> EventSpec:
    return event([stage(1, [crit(1, 100)], weight=50), stage(2, [crit(2, 100)], weight=50)], **kw)


def test_final_tie_broken_by_latest_stage():
    # E1: (80 + 90) / 2 = 85; E2: (90 + 80) / 2 = 85; E3: 70. Latest stage S2: E1 90 > E2 80.
    values = {(1, 1, 1): D(80), (1, 1, 2): D(90), (1, 2, 1): D(90), (1, 2, 2): D(80)}
    values |= {(1, 3, 1): D(70), (1, 3, 2): D(70)}
    board = compute_leaderboard(two_stage_event(entries=3, jurors=1), values)
    assert rows(board) == [
        (1, 1, "85.00", "final", "latest_stage"),
        (2, 2, "85.00", "final", "latest_stage"),
        (3, 3, "70.00", "final", ""),
    ]
    assert board.rows[0].tie_note == "tie broken by the score of stage S2"


def test_stage_tie_broken_by_highest_weight_criterion():
    # K1 weight 60, K2 weight 40. E1: 0.6×80 + 0.4×90 = 48 + 36 = 84; E2: 0.6×90 + 0.4×75 = 54 +
    # 30 = 84. Tied; K1 first: E2 90 > E1 80.
    s = stage(1, [crit(1, 40, pos=1), crit(2, 60, pos=2)])  # heavier K2 is second in the rubric
    values = {(1, 1, 2): D(80), (1, 1, 1): D(90), (1, 2, 2): D(90), (1, 2, 1): D(75)}
    board = compute_leaderboard(event([s], 2, 1), values, "S1")
    assert rows(board) == [
        (1, 2, "84.00", "final", "criterion:K2"),
        (2, 1, "84.00", "final", "criterion:K2"),
    ]
    assert board.rows[0].tie_note == "tie broken by criterion K2"


def test_equal_weight_criteria_break_ties_in_rubric_order():
    # K1 and K2 weigh 50 each. E1: 80/90 -> 85; E2: 90/80 -> 85. The rubric's first criterion
    # decides: K1 first -> E2; after reordering the rubric (K2 first) -> E1.
    values = {(1, 1, 1): D(80), (1, 1, 2): D(90), (1, 2, 1): D(90), (1, 2, 2): D(80)}
    k1_first = stage(1, [crit(1, 50, pos=1), crit(2, 50, pos=2)])
    k2_first = stage(1, [crit(1, 50, pos=2), crit(2, 50, pos=1)])
    assert rows(compute_leaderboard(event([k1_first], 2, 1), values, "S1"))[0][1:] == (
        2,
        "85.00",
        "final",
        "criterion:K1",
    )
    assert rows(compute_leaderboard(event([k2_first], 2, 1), values, "S1"))[0][1:] == (
        1,
        "85.00",
        "final",
        "criterion:K2",
    )


def test_tie_broken_at_a_later_link_of_the_chain():
    # Final: E1 = E2 = 85 with the same S2 score (85 each): latest stage cannot break it; S2's
    # criteria can: K2 (weight 70) E1: 0.7×80 + 0.3×x... S2: K2 w70, K3 w30.
    # E1: K2 90, K3 61.6667? Keep it whole: E1: K2 88, K3 78 -> 61.6 + 23.4 = 85.0;
    # E2: K2 85, K3 85 -> 85. S1: both 85. K2 (heavier): 88 > 85 -> E1 first.
    s1 = stage(1, [crit(1, 100)], weight=50)
    s2 = stage(2, [crit(2, 70), crit(3, 30)], weight=50)
    values = {(1, 1, 1): D(85), (1, 2, 1): D(85)}
    values |= {(1, 1, 2): D(88), (1, 1, 3): D(78), (1, 2, 2): D(85), (1, 2, 3): D(85)}
    board = compute_leaderboard(event([s1, s2], 2, 1), values)
    assert rows(board) == [
        (1, 1, "85.00", "final", "criterion:K2"),
        (2, 2, "85.00", "final", "criterion:K2"),
    ]


def test_three_way_tie_split_by_two_rules_and_a_shared_rest():
    # All four entries: final 80. Latest stage S2: E1 90, E2/E3/E4 80 -> E1 first (latest stage).
    # E2, E3, E4 tie on S2 = 80 and its only criterion: shared place 2, chair decides; next is 5.
    values: dict = {}
    for e, (p1, p2) in {1: (70, 90), 2: (80, 80), 3: (80, 80), 4: (80, 80), 5: (60, 60)}.items():
        values[(1, e, 1)], values[(1, e, 2)] = D(p1), D(p2)
    board = compute_leaderboard(two_stage_event(entries=5, jurors=1), values)
    assert [(r.rank, r.entry.id, r.tie_rule) for r in board.rows] == [
        (1, 1, "latest_stage"),
        (2, 2, "chair_decides"),
        (2, 3, "chair_decides"),
        (2, 4, "chair_decides"),
        (5, 5, ""),
    ]


def test_empty_chain_shares_places():
    # Same data as above with no tie-break chain: E1..E4 all 80 share 1st; E5 is 5th.
    values: dict = {}
    for e, (p1, p2) in {1: (70, 90), 2: (80, 80), 3: (80, 80), 4: (80, 80), 5: (60, 60)}.items():
        values[(1, e, 1)], values[(1, e, 2)] = D(p1), D(p2)
    board = compute_leaderboard(
        two_stage_event(entries=5, jurors=1, tiebreak=TIEBREAK_NONE), values
    )
    assert [(r.rank, r.tie_rule) for r in board.rows] == [(1, "shared")] * 4 + [(5, "")]


# ---------------------------------------------------------------------------------------------
# 3. Several stages
# ---------------------------------------------------------------------------------------------


def test_final_is_weighted_mean_of_stage_scores_exactly():
    # The Chopin README's example: 0.3 × 20.75 + 0.7 × 18.80 = 6.225 + 13.16 = 19.385 -> 19.39.
    # Binary floats give 19.384999.. -> 19.38.
    s1 = stage(1, [crit(1, 100, 1, 25)], weight=30, scale_min=D(1), scale_max=D(25))
    s2 = stage(2, [crit(2, 100, 1, 25)], weight=70, scale_min=D(1), scale_max=D(25))
    values = {(1, 1, 1): D("20.75"), (1, 1, 2): D("18.80")}
    board = compute_leaderboard(event([s1, s2], 1, 1), values)
    assert board.rows[0].score == Fraction(19385, 1000)
    assert board.rows[0].display == "19.39"
    assert dict(board.rows[0].stage_scores) == {"S1": Fraction(2075, 100), "S2": Fraction(188, 10)}


def test_round_stage_scores_rounds_each_stage_before_blending():
    # S1 = (80.12 + 80.13) / 2 = 80.125; S2 = 70; 50/50.
    # Unrounded: (80.125 + 70) / 2 = 75.0625 -> 75.06. Rounded first: (80.13 + 70) / 2 = 75.065
    # -> 75.07.
    values = {(1, 1, 1): D("80.12"), (2, 1, 1): D("80.13"), (1, 1, 2): D(70), (2, 1, 2): D(70)}
    plain = compute_leaderboard(two_stage_event(entries=1, jurors=2), values)
    assert (plain.rows[0].score, plain.rows[0].display) == (Fraction(750625, 10000), "75.06")
    rounded = compute_leaderboard(
        two_stage_event(entries=1, jurors=2, round_stage_scores=True), values
    )
    assert (rounded.rows[0].score, rounded.rows[0].display) == (Fraction(75065, 1000), "75.07")


def test_entries_without_a_final_score_follow_ordered_by_last_stage():
    # E1, E2 reach S2 and have both scores; E3 reached S2 but S2 is empty (its last panel score is
    # S1's 95); E4 (S1 60) and E5 (S1 99) did not reach S2; E6 has nothing at all.
    # E4, E5, E6 were not admitted to S2: "not_advanced", E3 merely unscored. Order of the rows
    # without a final score: last stage reached with a panel score first (none in S2), then by that score:
    # E5 99, E3 95, E4 60, then E6.
    s1, s2 = stage(1, [crit(1, 100)], weight=50), stage(2, [crit(2, 100)], weight=50)
    s2 = s2._replace(admitted=frozenset({1, 2, 3}))
    values = {(1, e, 1): D(v) for e, v in {1: 70, 2: 80, 3: 95, 4: 60, 5: 99}.items()}
    values |= {(1, 1, 2): D(70), (1, 2, 2): D(60)}
    board = compute_leaderboard(event([s1, s2], 6, 1), values)
    # E1 = 70, E2 = (80 + 60) / 2 = 70: tied, S2 decides: E1 70 > E2 60.
    assert [(r.rank, r.entry.id, r.status) for r in board.rows] == [
        (1, 1, "final"),
        (2, 2, "final"),
        (None, 5, "not_advanced"),
        (None, 3, "unscored"),
        (None, 4, "not_advanced"),
        (None, 6, "not_advanced"),
    ]
    assert board.rows[2].stage_scores == {"S1": 99, "S2": None}


def test_final_is_provisional_when_a_weighted_stage_is():
    values = {(1, 1, 1): D(80), (1, 1, 2): D(90), (2, 1, 1): D(80)}  # juror 2 missing in S2
    board = compute_leaderboard(two_stage_event(entries=1, jurors=2), values)
    assert (board.rows[0].display, board.rows[0].status) == ("85.00", "provisional")


def test_weight_zero_stage_ranks_on_its_own_and_not_in_the_final():
    # S2 weighs 0: the final is S1 alone (E1 90 > E2 80); S2's own board: E2 99 > E1 50.
    s1, s2 = stage(1, [crit(1, 100)], weight=100), stage(2, [crit(2, 100)], weight=0)
    values = {(1, 1, 1): D(90), (1, 2, 1): D(80), (1, 1, 2): D(50), (1, 2, 2): D(99)}
    scorer = Scorer(event([s1, s2], 2, 1), values)
    assert [r.entry.id for r in scorer.leaderboard(FINAL).rows] == [1, 2]
    assert [r.entry.id for r in scorer.leaderboard("S2").rows] == [2, 1]


def test_cumulative_stage_board_ranks_by_the_blend_and_shortlists_by_it():
    # S2 ranks by 30 % S1 + 70 % S2. E1: 0.3×90 + 0.7×70 = 27 + 49 = 76; E2: 0.3×60 + 0.7×80 =
    # 18 + 56 = 74. On its own S2 score E2 (80) beats E1 (70); the blend puts E1 first.
    s1 = stage(1, [crit(1, 100)], weight=10)
    s2 = stage(2, [crit(2, 100)], weight=90, cumulative=(("S1", D(30)), ("S2", D(70))))
    values = {(1, 1, 1): D(90), (1, 1, 2): D(70), (1, 2, 1): D(60), (1, 2, 2): D(80)}
    scorer = Scorer(event([s1, s2], 2, 1), values)
    board = scorer.leaderboard("S2")
    assert [(r.rank, r.entry.id, r.display) for r in board.rows] == [
        (1, 1, "76.00"),
        (2, 2, "74.00"),
    ]
    assert board.rows[0].stage_scores == {"S1": 90, "S2": 70}
    assert [r.entry.id for r in scorer.shortlist("S2", top_n=1).selected] == [1]
    # The final (10/90) is another blend: E1 = 9 + 63 = 72; E2 = 6 + 72 = 78.
    assert [(r.entry.id, r.display) for r in scorer.leaderboard(FINAL).rows] == [
        (2, "78.00"),
        (1, "72.00"),
    ]


def test_cumulative_blend_honours_round_stage_scores():
    # S1 = 80.125 -> 80.13; S2 = 70: blend 50/50 = 75.065 -> 75.07 (75.06 unrounded).
    s1 = stage(1, [crit(1, 100)], weight=50)
    s2 = stage(2, [crit(2, 100)], weight=50, cumulative=(("S1", D(50)), ("S2", D(50))))
    values = {(1, 1, 1): D("80.12"), (2, 1, 1): D("80.13"), (1, 1, 2): D(70), (2, 1, 2): D(70)}
    board = compute_leaderboard(event([s1, s2], 1, 2, round_stage_scores=True), values, "S2")
    assert board.rows[0].display == "75.07"


# ---------------------------------------------------------------------------------------------
# Jury decisions, categories, shortlists
# ---------------------------------------------------------------------------------------------


def ranked_event(**kw) -> tuple[EventSpec, dict]:
    """Five entries with S1 scores 90, 80, 80, 70, 60 (E2 and E3 tied, empty chain), in two
    categories: A = E1, E3, E5; B = E2, E4."""
    entries = tuple(
        EntrySpec(id=e, code=f"E{e}", title=f"Entry {e}", category="A" if e % 2 else "B")
        for e in range(1, 6)
    )
    s = stage(1, [crit(1, 100)])
    values = one_criterion(1, {1: [90], 2: [80], 3: [80], 4: [70], 5: [60]})
    return event([s], entries, 1, tiebreak=TIEBREAK_NONE, **kw), values


def test_jury_decision_sets_a_place_no_rule_gives():
    # Computed: 1, 2, 2, 4, 5. The jury gives E4 (70) a shared 2nd and orders nothing else.
    decision = JuryDecision(stage_code=FINAL, entry_id=4, rank=2, reason="equal merit")
    ev, values = ranked_event(decisions=(decision,))
    board = compute_leaderboard(ev, values)
    assert [(r.rank, r.entry.id, r.tie_rule) for r in board.rows] == [
        (1, 1, ""),
        (2, 2, "shared"),
        (2, 3, "shared"),
        (2, 4, "jury_decision"),
        (5, 5, ""),
    ]
    e4 = row_of(board, 4)
    assert (e4.tie_note, e4.decision_reason, e4.display) == (
        "by decision of the jury",
        "equal merit",
        "70.00",
    )
    # A decision for another board leaves this one alone.
    other = JuryDecision(stage_code="S1", entry_id=4, rank=1)
    ev, values = ranked_event(decisions=(other,))
    assert [r.rank for r in compute_leaderboard(ev, values).rows] == [1, 2, 2, 4, 5]
    stage_board = compute_leaderboard(ev, values, "S1")
    assert [(r.rank, r.entry.id) for r in stage_board.rows] == [
        (1, 1),
        (1, 4),
        (2, 2),
        (2, 3),
        (5, 5),
    ]


def test_category_board_filters_and_renumbers():
    # Overall: E1 1, E2 2, E3 2, E4 4, E5 5. Category A (E1, E3, E5): 1, 2, 3 with the same
    # scores; category B (E2, E4): 1, 2.
    ev, values = ranked_event()
    scorer = Scorer(ev, values)
    a = scorer.leaderboard(FINAL, "A")
    assert [(r.rank, r.entry.id, r.display) for r in a.rows] == [
        (1, 1, "90.00"),
        (2, 3, "80.00"),
        (3, 5, "60.00"),
    ]
    b = scorer.leaderboard(FINAL, "B")
    assert [(r.rank, r.entry.id) for r in b.rows] == [(1, 2), (2, 4)]
    assert a.category == "A" and b.board == FINAL


def test_category_board_keeps_shared_places():
    entries = tuple(EntrySpec(id=e, code=f"E{e}", title="", category="A") for e in (1, 2, 3, 4))
    s = stage(1, [crit(1, 100)])
    values = one_criterion(1, {1: [90], 2: [80], 3: [80], 4: [70]})
    ev = event([s], entries, 1, tiebreak=TIEBREAK_NONE)
    assert [r.rank for r in compute_leaderboard(ev, values, FINAL, "A").rows] == [1, 2, 2, 4]


def test_shortlist_never_drops_a_tie_at_the_cut():
    ev, values = ranked_event()
    scorer = Scorer(ev, values)
    # Top 2 of 1, 2, 2, 4, 5: E2 and E3 straddle the cut -> E1 selected, E2 and E3 shown tied.
    top2 = scorer.shortlist(FINAL, top_n=2)
    assert [r.entry.id for r in top2.selected] == [1]
    assert [r.entry.id for r in top2.tied_at_cut] == [2, 3]
    # Top 3 takes the whole tie; top 1 has no tie at its cut.
    assert [r.entry.id for r in scorer.shortlist(FINAL, top_n=3).selected] == [1, 2, 3]
    assert scorer.shortlist(FINAL, top_n=3).tied_at_cut == ()
    assert [r.entry.id for r in scorer.shortlist(FINAL, top_n=1).selected] == [1]
    assert len(scorer.shortlist(FINAL, top_n=10).selected) == 5


def test_shortlist_by_category_quotas():
    # A (E1 90, E3 80, E5 60) quota 2 -> E1, E3; B (E2 80, E4 70) quota 1 -> E2.
    ev, values = ranked_event()
    scorer = Scorer(ev, values)
    picked = scorer.shortlist(FINAL, quotas={"A": 2, "B": 1})
    assert [r.entry.id for r in picked.selected] == [1, 2, 3]
    assert picked.tied_at_cut == ()
    with pytest.raises(ValueError):
        scorer.shortlist(FINAL)


def test_shortlist_quota_with_tie_at_the_cut():
    entries = tuple(EntrySpec(id=e, code=f"E{e}", title="", category="A") for e in (1, 2, 3))
    s = stage(1, [crit(1, 100)])
    values = one_criterion(1, {1: [90], 2: [80], 3: [80]})
    scorer = Scorer(event([s], entries, 1, tiebreak=TIEBREAK_NONE), values)
    picked = scorer.shortlist(FINAL, quotas={"A": 2})
    assert [r.entry.id for r in picked.selected] == [1]
    assert [r.entry.id for r in picked.tied_at_cut] == [2, 3]


# ---------------------------------------------------------------------------------------------
# Incremental updates
# ---------------------------------------------------------------------------------------------


def test_set_value_updates_the_ranking():
    s = stage(1, [crit(1, 100)])
    scorer = Scorer(event([s], 2, 1), one_criterion(1, {1: [70], 2: [80]}))
    assert scorer.leaderboard(FINAL).rows[0].entry.id == 2
    scorer.set_value(1, 1, 1, D(95))
    assert [(r.entry.id, r.display) for r in scorer.leaderboard(FINAL).rows] == [
        (1, "95.00"),
        (2, "80.00"),
    ]
    scorer.set_value(1, 1, 1, None)
    assert [(r.entry.id, r.status) for r in scorer.leaderboard(FINAL).rows] == [
        (2, "final"),
        (1, "unscored"),
    ]


def test_set_value_with_more_decimals_than_seen_so_far():
    # Whole values so far; then 80.125 (three places): E1 = 80.125 exactly.
    s = stage(1, [crit(1, 100)])
    scorer = Scorer(event([s], 2, 1), one_criterion(1, {1: [70], 2: [80]}))
    scorer.set_value(1, 1, 1, D("80.125"))
    assert scorer.leaderboard(FINAL).rows[0].score == Fraction(80125, 1000)
    assert scorer.leaderboard(FINAL).rows[1].score == 80


def test_unknown_criterion_is_refused():
    s = stage(1, [crit(1, 100)])
    scorer = Scorer(event([s], 1, 1), {})
    with pytest.raises(KeyError, match="criterion id 99"):
        scorer.set_value(1, 1, 99, D(1))


# ---------------------------------------------------------------------------------------------
# validate_event
# ---------------------------------------------------------------------------------------------


def test_validate_event_accepts_a_sound_event():
    assert validate_event(two_stage_event()) == []


def test_validate_event_lists_every_problem():
    s1 = stage(
        1, [crit(1, 100, 1, 25)], weight=50, method="banded", scale_min=D(1), scale_max=D(25)
    )
    s2 = stage(2, [crit(2, 100)], weight=50, method="banded", band=D(0))
    s3 = stage(3, [crit(3, 100)], weight=0, cumulative=(("S4", D(50)), ("S9", D(30))))
    s4 = stage(4, [crit(4, 100)], weight=0, admitted=frozenset({1}))
    decision = JuryDecision(stage_code="S4", entry_id=2, rank=1)
    problems = validate_event(event([s1, s2, s3, s4], 2, 1, decisions=(decision,)))
    assert problems == [
        "stage S2 scores on 0 to 100 but stage S1 on 1 to 25; all stages with a weight above 0 "
        "must share one scale",
        "stage S1: method banded needs a band L (batas)",
        "stage S2: band L must be greater than 0, not 0",
        "stage S3: the cumulative weights name the later stage S4",
        "stage S3: the cumulative weights name the unknown stage S9",
        "stage S3: the cumulative weights add up to 80, not 100",
        "jury decision for entry 2 on the S4 ranking: the entry is not in that stage",
    ]


def test_validate_event_rubric_problems():
    s1 = stage(1, [crit(1, 0), crit(2, 0, 5, 5), crit(3, -1)], method="average", code="final")
    s2 = stage(2, [crit(4, 100)], weight=-5, code="final")
    problems = validate_event(event([s1, s2], 1, 1, tiebreak=("coin",), precision=-1))
    assert problems == [
        "display precision -1 must be 0 or more",
        "unknown tie-break rule 'coin'",
        "stage code 'final' is reserved for the final ranking",
        "stage code 'final' is used twice",
        "stage code 'final' is reserved for the final ranking",
        "stage final: unknown method 'average' (expected one of mean, trimmed, median, banded, "
        "zscore)",
        "stage final, criterion K2: maximum 5 must be above the minimum 5",
        "stage final, criterion K3: weight must not be negative",
        "stage final: weight -5 must not be negative",
    ]


def test_stage_without_weighted_criteria_leaves_everything_unscored():
    # Only Ringkasan (weight 0) is written yet: no juror has a total, nobody is ranked.
    s = stage(1, [crit(1, 0)])
    scorer = Scorer(event([s], 2, 1), {(1, 1, 1): D(50)})
    assert [(r.rank, r.status) for r in scorer.leaderboard(FINAL).rows] == [(None, "unscored")] * 2
    assert scorer.juror_total("S1", 1, 1) is None
    assert validate_event(event([s], 2, 1)) == []
