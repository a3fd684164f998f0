"""core/analysis (issue 15): every statistic against an independent computation, on generated
events (hypothesis) and on the 2025 Chopin Competition's jury record."""

from __future__ import annotations

import json
import math
import statistics
from decimal import Decimal
from fractions import Fraction

import chopin_data
import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kolabik_desktop.core.analysis import alpha as A
from kolabik_desktop.core.analysis import stats as S
from kolabik_desktop.core.analysis.export import analysis_json, stat
from kolabik_desktop.core.scoring.engine import Scorer, validate_event
from kolabik_desktop.core.scoring.model import (
    FINAL,
    METHODS,
    CriterionSpec,
    EntrySpec,
    EventSpec,
    JurorSpec,
    StageSpec,
)

D = Decimal
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------------------------------
# Krippendorff's alpha against the krippendorff package (numpy; test extra only)
# ---------------------------------------------------------------------------------------------


def package_alpha(matrix: list[list[float | None]]) -> float:
    data = np.array([[np.nan if v is None else v for v in row] for row in matrix], dtype=float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="interval"))


def units_of(matrix: list[list[float | None]]) -> list[list[Fraction]]:
    """coder x unit matrix -> per unit the values present."""
    return [
        [Fraction(row[u]) for row in matrix if row[u] is not None] for u in range(len(matrix[0]))
    ]


@st.composite
def matrices(draw: st.DrawFn) -> list[list[float | None]]:
    coders = draw(st.integers(2, 6))
    units = draw(st.integers(2, 9))
    cell = st.one_of(st.none(), st.integers(0, 20).map(float), st.sampled_from([0.5, 12.25]))
    return [[draw(cell) for _ in range(units)] for _ in range(coders)]


@SETTINGS
@given(matrices())
def test_alpha_matches_the_krippendorff_package(matrix: list[list[float | None]]) -> None:
    ours = A.interval_alpha(units_of(matrix))
    pairable = [u for u in units_of(matrix) if len(u) >= 2]
    if not pairable:
        assert ours.value is None and ours.reason == A.NO_PAIRABLE
        return
    if len({v for u in pairable for v in u}) == 1:
        assert ours.value is None and ours.reason == A.NO_VARIATION
        return
    assert ours.value is not None
    assert float(ours.value) == pytest.approx(package_alpha(matrix), abs=1e-9)


def test_alpha_on_krippendorffs_own_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", interval: 0.849.
    nan = None
    matrix: list[list[float | None]] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    ]
    ours = A.interval_alpha(units_of(matrix))
    assert stat(ours.value) == "0.8491"
    assert not ours.low
    assert float(ours.value or 0) == pytest.approx(package_alpha(matrix), abs=1e-12)


def test_alpha_flags_low_agreement_below_0667() -> None:
    low = A.interval_alpha([[1, 9], [9, 1], [5, 5], [2, 8]])
    assert low.value is not None and low.low
    assert not A.interval_alpha([[1, 1], [9, 9], [5, 5], [2, 3]]).low


# ---------------------------------------------------------------------------------------------
# Generated events: one stage, several criteria of any range, assignments and recusals
# ---------------------------------------------------------------------------------------------


@st.composite
def stage_events(draw: st.DrawFn) -> tuple[EventSpec, dict[tuple[int, int, int], Decimal]]:
    n_entries = draw(st.integers(1, 8))
    n_jurors = draw(st.integers(1, 6))
    entries = tuple(EntrySpec(100 + i, f"E{i:02d}", f"Entry {i}") for i in range(n_entries))
    jurors = tuple(JurorSpec(10 + j, f"J{j}", f"Juror {j}") for j in range(n_jurors))
    criteria = []
    for c in range(draw(st.integers(1, 3))):
        low = draw(st.sampled_from([0, 1, 50]))
        criteria.append(
            CriterionSpec(
                id=1000 + c,
                code=f"C{c}",
                name=f"C{c}",
                weight=D(draw(st.sampled_from([0, 10, 25, 65]))) if c else D(40),
                min_value=D(low),
                max_value=D(low + draw(st.sampled_from([4, 10, 50]))),
                step=D(1),
                position=c,
            )
        )
    assign = draw(st.booleans())
    pairs = frozenset(
        (j.id, e.id) for j in jurors for e in entries if not assign or draw(st.booleans())
    )
    scale = draw(st.sampled_from([(D(0), D(100)), (D(1), D(25))]))
    method = draw(st.sampled_from(METHODS))
    # A valid event only (validate_event): banded needs its band L; other methods may carry one.
    band = D(3) if method == "banded" else draw(st.sampled_from([None, D(3)]))
    stage = StageSpec(
        id=1,
        code="P1",
        name="Proposal",
        position=0,
        weight=D(100),
        method=method,
        criteria=tuple(criteria),
        band=band,
        scale_min=scale[0],
        scale_max=scale[1],
        assignments=pairs if assign else None,
    )
    conflicts = frozenset(p for p in pairs if draw(st.integers(0, 9)) == 0)
    values: dict[tuple[int, int, int], Decimal] = {}
    for j, e in sorted(pairs):
        for c in criteria:
            if draw(st.integers(0, 7)) == 0:
                continue  # a missing value: the juror's work is incomplete
            span = int(c.max_value - c.min_value)
            values[(j, e, c.id)] = c.min_value + D(draw(st.integers(0, span)))
    event = EventSpec(stages=(stage,), entries=entries, jurors=jurors, conflicts=conflicts)
    assert not validate_event(event)
    return event, values


def reference_totals(
    event: EventSpec, values: dict[tuple[int, int, int], Decimal]
) -> dict[int, dict[int, Fraction]]:
    """T(j,e) straight from scoring.md section 1 (not the engine's integer grid)."""
    stage = event.stages[0]
    weighted = [c for c in stage.criteria if c.weight > 0]
    wsum = sum(Fraction(c.weight) for c in weighted)
    lo, hi = Fraction(stage.scale_min), Fraction(stage.scale_max)
    out: dict[int, dict[int, Fraction]] = {}
    for e in event.entries:
        cells = {}
        for j in event.jurors:
            if stage.assignments is not None and (j.id, e.id) not in stage.assignments:
                continue
            if (j.id, e.id) in event.conflicts:
                continue
            if not all((j.id, e.id, c.id) in values for c in weighted):
                continue
            part = sum(
                Fraction(c.weight)
                * (Fraction(values[(j.id, e.id, c.id)]) - Fraction(c.min_value))
                / (Fraction(c.max_value) - Fraction(c.min_value))
                for c in weighted
            )
            cells[j.id] = lo + (hi - lo) * part / wsum
        out[e.id] = cells
    return out


@SETTINGS
@given(stage_events(), st.sampled_from([D(0), D("2.5"), None]))
def test_juror_statistics_match_an_independent_computation(case, tolerance) -> None:
    event, values = case
    stage = event.stages[0]
    totals = reference_totals(event, values)
    limit = tolerance if tolerance is not None else (stage.scale_max - stage.scale_min) / 10
    result = S.analyse(event, values, "P1", tolerance, with_leave_one_out=False)
    assert result.tolerance == limit
    eligible_jurors = {
        j.id
        for j in event.jurors
        for e in event.entries
        if (stage.assignments is None or (j.id, e.id) in stage.assignments)
        and (j.id, e.id) not in event.conflicts
    }
    assert [s.juror.id for s in result.jurors] == [
        j.id for j in event.jurors if j.id in eligible_jurors
    ]
    for js in result.jurors:
        j = js.juror.id
        mine = {e: cells[j] for e, cells in totals.items() if j in cells}
        assert js.n == len(mine)
        assert sorted(js.totals) == sorted(mine.values())
        assert js.mean == (sum(mine.values()) / len(mine) if mine else None)
        if len(mine) >= 2:
            expected_sd = statistics.pstdev([float(t) for t in mine.values()])
            assert js.sd == pytest.approx(expected_sd, abs=1e-9)
        else:
            assert js.sd is None and (S.NOTE_ONE_ENTRY in js.notes or S.NOTE_NO_ENTRIES in js.notes)
        others = {
            e: sum(t for k, t in totals[e].items() if k != j) / (len(totals[e]) - 1)
            for e in mine
            if len(totals[e]) >= 2
        }
        if others:
            assert js.leniency == sum(mine[e] - m for e, m in others.items()) / len(others)
            spread = statistics.pstdev([float(mine[e] - m) for e, m in others.items()])
            assert js.leniency_sd == pytest.approx(spread, abs=1e-9)
        else:
            assert js.leniency is None
        xs = [float(mine[e]) for e in others]
        ys = [float(others[e]) for e in others]
        if len(xs) >= 3 and len(set(xs)) > 1 and len(set(ys)) > 1:
            assert js.correlation == pytest.approx(statistics.correlation(xs, ys), abs=1e-9)
        else:
            assert js.correlation is None
        expected_out = {e for e, m in others.items() if abs(mine[e] - m) > Fraction(limit)}
        assert {o.entry.id for o in js.outliers} == expected_out
        for o in js.outliers:
            assert o.others_mean == others[o.entry.id] and o.total == mine[o.entry.id]
    # Alpha over totals and per criterion: the same formula, fed from independent matrices.
    units = [list(cells.values()) for cells in totals.values()]
    assert result.alpha_totals == A.interval_alpha(units)
    assert [ca.criterion for ca in result.criteria] == [c for c in stage.criteria if c.weight > 0]
    for ca in result.criteria:
        c = ca.criterion.id
        crit_units = [
            [
                values[(j.id, e.id, c)]
                for j in event.jurors
                if (j.id, e.id, c) in values
                and (stage.assignments is None or (j.id, e.id) in stage.assignments)
                and (j.id, e.id) not in event.conflicts
            ]
            for e in event.entries
        ]
        assert ca.alpha == A.interval_alpha(crit_units)
    # The JSON never carries NaN, and every statistic is a 4-decimal string or null.
    text = json.dumps(analysis_json(result), allow_nan=False)
    assert "NaN" not in text


@SETTINGS
@given(stage_events())
def test_sensitivity_reruns_the_engine_per_method(case) -> None:
    event, values = case
    stage = event.stages[0]
    sens = S.sensitivity(event, values, "P1")
    assert [m.method for m in sens.methods] == list(METHODS)
    reference = [r.entry.id for r in Scorer(event, values).leaderboard("P1").rows if r.rank]
    assert sens.cut == min(10, len(reference))
    totals = reference_totals(event, values)
    for m in sens.methods:
        if m.method == stage.method:
            assert m.changed_places == 0
        changed = stage._replace(
            method=m.method,
            band=(stage.band or D(2)) if m.method == "banded" else stage.band,
        )
        board = Scorer(event._replace(stages=(changed,)), values).leaderboard("P1")
        assert [e.id for e in m.order] == [r.entry.id for r in board.rows if r.rank]
        if m.method == "mean":
            # Independent: the plain mean of the totals decides a unique leader.
            means = {e: sum(c.values()) / len(c) for e, c in totals.items() if c}
            if means:
                best = max(means.values())
                leaders = [e for e, v in means.items() if round(v, 2) == round(best, 2)]
                if len(leaders) == 1:
                    assert m.winner is not None and m.winner.id == leaders[0]
    for p in sens.places:
        entry = reference[p.place - 1]
        differ = {m.method for m in sens.methods if m.order[p.place - 1].id != entry}
        assert {m for m, _ in p.changed_by} == differ
        assert p.stable == (not differ)


@SETTINGS
@given(stage_events())
def test_leave_one_out_equals_a_fresh_engine_with_the_juror_recused(case) -> None:
    event, values = case
    loo = S.leave_one_out(event, values, "P1")
    base = Scorer(event, values)
    active = {j for cells in S.stage_totals(base, "P1").values() for j in cells}
    assert [x.juror.id for x in loo] == [j.id for j in event.jurors if j.id in active]
    ref = [r.entry.id for r in base.leaderboard("P1").rows if r.rank]
    for item in loo:
        assert item.stage is not None
        alone = event._replace(
            conflicts=event.conflicts | {(item.juror.id, e.id) for e in event.entries},
        )
        rows = [r for r in Scorer(alone, values).leaderboard("P1").rows if r.rank]
        order = [r.entry.id for r in rows]
        assert (item.stage.winner.id if item.stage.winner else None) == (
            order[0] if order else None
        )
        assert item.stage.winner_changed == ((order[:1]) != ref[:1])
        assert item.stage.top3_changed == (order[:3] != ref[:3])
        if item.stage.largest_move is not None:
            mv = item.stage.largest_move
            after = {r.entry.id: r.rank for r in rows}
            assert after[mv.entry.id] == mv.after and mv.after != mv.before


# ---------------------------------------------------------------------------------------------
# Not enough data: a null and a reason, never NaN or a crash
# ---------------------------------------------------------------------------------------------


def _one_criterion_event(
    marks: dict[tuple[int, int], int],
    n_entries: int,
    n_jurors: int,
    assignments: frozenset[tuple[int, int]] | None = None,
) -> tuple[EventSpec, dict[tuple[int, int, int], Decimal]]:
    crit = CriterionSpec(7, "M", "Mark", D(1), D(1), D(25), D(1), 0)
    stage = StageSpec(
        1, "S1", "Stage", 0, D(100), "mean", (crit,), scale_min=D(1), scale_max=D(25),
        assignments=assignments,
    )  # fmt: skip
    event = EventSpec(
        stages=(stage,),
        entries=tuple(EntrySpec(100 + i, f"E{i}", f"E{i}") for i in range(n_entries)),
        jurors=tuple(JurorSpec(10 + j, f"J{j}", f"J{j}") for j in range(n_jurors)),
    )
    return event, {(10 + j, 100 + e, 7): D(v) for (j, e), v in marks.items()}


def test_one_juror_one_entry_is_not_enough_data() -> None:
    event, values = _one_criterion_event({(0, 0): 20}, 1, 1)
    result = S.analyse(event, values, "S1")
    assert result.notes == (S.NOTE_FEW_JURORS, S.NOTE_FEW_ENTRIES)
    (js,) = result.jurors
    assert (js.n, js.mean, js.sd, js.leniency, js.correlation) == (1, 20, None, None, None)
    assert js.notes == (S.NOTE_ONE_ENTRY, S.NOTE_NO_SHARED)
    assert result.alpha_totals is not None and result.alpha_totals.reason == A.NO_PAIRABLE
    data = analysis_json(result)
    assert data["alpha_totals"] is None and data["alpha_totals_reason"] == "no_pairable_values"
    assert data["jurors"][0]["sd"] is None


def test_a_final_ranking_of_one_entry_is_not_enough_data() -> None:
    event, values = _one_criterion_event({(0, 0): 20, (1, 0): 22}, 3, 2)
    result = S.analyse(event, values, FINAL)
    assert result.notes == (S.NOTE_FEW_ENTRIES,)
    assert analysis_json(result)["notes"] == ["fewer_than_2_entries"]
    values[(11, 101, 7)] = D(5)
    assert S.analyse(event, values, FINAL).notes == ()


def test_everyone_scoring_the_same_has_no_alpha() -> None:
    event, values = _one_criterion_event({(j, e): 20 for j in range(3) for e in range(4)}, 4, 3)
    result = S.analyse(event, values, "S1")
    assert result.criteria[0].alpha.value is None
    assert result.criteria[0].alpha.reason == A.NO_VARIATION
    for js in result.jurors:
        assert js.sd == 0.0 and js.leniency == 0 and js.correlation is None
        assert S.NOTE_NO_SPREAD in js.notes
    assert all(p.stable for p in result.sensitivity.places)


def test_jurors_who_share_no_entry() -> None:
    pairs = frozenset({(10, 100), (10, 101), (11, 102), (11, 103)})
    event, values = _one_criterion_event(
        {(0, 0): 20, (0, 1): 12, (1, 2): 5, (1, 3): 9}, 4, 2, assignments=pairs
    )
    result = S.analyse(event, values, "S1")
    for js in result.jurors:
        assert js.n == 2 and js.sd is not None
        assert js.leniency is None and js.correlation is None and js.outliers == ()
        assert js.notes == (S.NOTE_NO_SHARED,)
    assert result.alpha_totals is not None and result.alpha_totals.reason == A.NO_PAIRABLE
    json.dumps(analysis_json(result), allow_nan=False)


def test_an_outlier_is_strictly_beyond_the_tolerance() -> None:
    # J0 gives 20 and 10; J1 and J2 give 10 and 10: on entry 0, J0 is 10 above the others.
    marks = {(0, 0): 20, (1, 0): 10, (2, 0): 10, (0, 1): 10, (1, 1): 10, (2, 1): 10}
    event, values = _one_criterion_event(marks, 2, 3)
    at_limit = S.analyse(event, values, "S1", D(10), with_leave_one_out=False)
    assert at_limit.jurors[0].outliers == ()
    below = S.analyse(event, values, "S1", D("9.99"), with_leave_one_out=False)
    (o,) = below.jurors[0].outliers
    assert (o.entry.code, o.total, o.others_mean) == ("E0", 20, 10)
    # Default: 10 % of the 1-25 scale = 2.4.
    assert S.analyse(event, values, "S1", with_leave_one_out=False).tolerance == D("2.4")


# ---------------------------------------------------------------------------------------------
# The Chopin Competition 2025
# ---------------------------------------------------------------------------------------------

chopin = pytest.mark.skipif(not chopin_data.available(), reason="../shared/data not present")


@chopin
def test_chopin_statistics_from_the_published_marks() -> None:
    data = chopin_data.load()
    event, values = chopin_data.build_event(data)
    codes = {j.name: j.id for j in event.jurors}
    for stage in event.stages:
        rows = data.in_stage(stage.code)
        result = S.analyse(event, values, stage.code, with_leave_one_out=False)
        assert result.tolerance == D("2.4")
        # Independent: the marks straight from scores.csv ('s' = recused).
        marks = {
            r.number: {codes[name]: Fraction(m) for name, m in r.marks.items() if m is not None}
            for r in rows
        }
        by_id = {j.juror.id: j for j in result.jurors}
        for name, jid in codes.items():
            mine = {n: ms[jid] for n, ms in marks.items() if jid in ms}
            if not mine:
                continue
            js = by_id[jid]
            assert js.n == len(mine), (stage.code, name)
            assert js.mean == sum(mine.values()) / len(mine)
            assert js.sd == pytest.approx(statistics.pstdev(map(float, mine.values())), abs=1e-9)
            others = {
                n: (sum(marks[n].values()) - t) / (len(marks[n]) - 1) for n, t in mine.items()
            }
            assert js.leniency == sum(mine[n] - m for n, m in others.items()) / len(others)
            xs = [float(mine[n]) for n in others]
            ys = [float(others[n]) for n in others]
            assert js.correlation == pytest.approx(statistics.correlation(xs, ys), abs=1e-9)
            assert len(js.outliers) == sum(
                1 for n in others if abs(mine[n] - others[n]) > Fraction(12, 5)
            )
        # Alpha over the marks against the krippendorff package.
        jurors = sorted(codes.values())
        matrix = [
            [float(marks[n][j]) if j in marks[n] else None for n in sorted(marks)] for j in jurors
        ]
        assert result.alpha_totals is not None and result.alpha_totals.value is not None
        assert float(result.alpha_totals.value) == pytest.approx(package_alpha(matrix), abs=1e-9)
        # One criterion, the mark itself: its alpha is the totals' alpha.
        assert result.criteria[0].alpha == result.alpha_totals


@chopin
def test_chopin_final_sensitivity_and_leave_one_out() -> None:
    data = chopin_data.load()
    event, values = chopin_data.build_event(data)
    result = S.analyse(event, values, FINAL)
    sens = result.sensitivity
    assert sens.cut == 10
    banded = next(m for m in sens.methods if m.method == "banded")
    # Every Chopin stage is banded already: its ranking is the published one, nothing changes.
    assert banded.changed_places == 0
    assert banded.winner is not None and banded.winner.title == "Eric Lu"
    assert len(result.leave_one_out) == len(event.jurors)
    for item in result.leave_one_out:
        assert item.stage is None
        assert item.final.winner_changed == (item.final.winner.title != "Eric Lu")
    text = json.dumps(analysis_json(result), allow_nan=False)
    assert '"stage": "final"' in text


def test_stat_prints_four_decimals_half_up() -> None:
    assert stat(Fraction(1, 3)) == "0.3333"
    assert stat(Fraction(2, 3)) == "0.6667"
    assert stat(Fraction(1, 20000)) == "0.0001"
    assert stat(None) is None
    assert stat(math.sqrt(2)) == "1.4142"


def test_five_numbers_are_tukeys_hinges() -> None:
    assert S.five_numbers([]) is None
    assert S.five_numbers([Fraction(3)]) == (3, 3, 3, 3, 3)
    assert S.five_numbers([Fraction(v) for v in (1, 2, 3, 4, 5)]) == (1, 2, 3, 4, 5)
    assert S.five_numbers([Fraction(v) for v in (4, 1, 3, 2)]) == (
        1,
        Fraction(3, 2),
        Fraction(5, 2),
        Fraction(7, 2),
        4,
    )


@pytest.mark.parametrize("method", ["mean", "zscore"])
def test_leave_one_out_of_a_two_stage_event_moves_stage_and_final_as_a_fresh_engine(
    tmp_path, method
) -> None:
    # Two stages (6 admitted to P2, partly scored): the stage board and the final board, winner,
    # top 3 and the cut (the 6 admitted for P1, 10 otherwise), checked against a fresh engine
    # with the juror recused from every entry.
    from factories import make_event

    from kolabik_desktop.core.analysis import load_analysis_input

    db, _ids = make_event(tmp_path / "two.kolabik", entries=20, admitted_to_p2=6, p2_fill=0.8)
    try:
        data = load_analysis_input(db)
    finally:
        db.close()
    event = data.event._replace(stages=tuple(s._replace(method=method) for s in data.event.stages))
    values = data.values

    def placed(scorer: Scorer, board: str) -> list[int]:
        return [r.entry.id for r in scorer.leaderboard(board).rows if r.rank is not None]

    base = Scorer(event, values)
    for board, cut in (("P1", 6), ("P2", 10), (FINAL, 10)):
        loo = S.leave_one_out(event, values, board)
        assert loo
        for item in loo:
            alone = Scorer(S.without_juror(event, item.juror.id), values)
            checks = [(FINAL, item.final, 10)]
            if board != FINAL:
                assert item.stage is not None
                checks.append((board, item.stage, cut))
            for b, change, n in checks:
                ref, now = placed(base, b), placed(alone, b)
                n = min(n, len(ref))
                assert (change.winner.id if change.winner else None) == (now[0] if now else None)
                assert change.winner_changed == (now[:1] != ref[:1])
                assert change.top3_changed == (now[:3] != ref[:3])
                assert change.cut_changed == (set(now[:n]) != set(ref[:n]))
                after = {r.entry.id: r.rank for r in alone.leaderboard(b).rows}
                before = {r.entry.id: r.rank for r in base.leaderboard(b).rows}
                moves = [
                    abs(after[e] - before[e])
                    for e in ref
                    if after.get(e) is not None and after[e] != before[e]
                ]
                if change.largest_move is None:
                    assert not moves
                else:
                    mv = change.largest_move
                    assert (before[mv.entry.id], after[mv.entry.id]) == (mv.before, mv.after)
                    assert abs(mv.after - mv.before) == max(moves)
