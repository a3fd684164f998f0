"""Property tests of scoring.md section 5 on generated events (hypothesis), plus an independent
reference computation of the exact methods and incremental-versus-fresh equality."""

from __future__ import annotations

import csv
import io
import statistics
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kolabik_desktop.core.scoring.engine import Scorer, format_score
from kolabik_desktop.core.scoring.model import (
    FINAL,
    TIEBREAK_NONE,
    TIEBREAK_STANDARD,
    CriterionSpec,
    EntrySpec,
    EventSpec,
    JurorSpec,
    JuryDecision,
    StageSpec,
)

D = Decimal
EXACT = ("mean", "trimmed", "median", "banded")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def cases(draw, methods=("mean", "trimmed", "median", "banded", "zscore"), decisions=True):
    """(event, values) with eligible values only; several stages, criteria, recusals,
    assignments, admissions, cumulative boards and (optionally) jury decisions."""
    n_entries = draw(st.integers(1, 7))
    n_jurors = draw(st.integers(1, 6))
    entries = tuple(
        EntrySpec(id=e, code=f"E{e}", title=f"Entry {e}", category=draw(st.sampled_from("AB")))
        for e in range(1, n_entries + 1)
    )
    jurors = tuple(JurorSpec(id=j, code=f"J{j}", name=f"Juror {j}") for j in range(1, n_jurors + 1))
    pairs = [(j, e) for j in range(1, n_jurors + 1) for e in range(1, n_entries + 1)]
    conflicts = frozenset(p for p in pairs if draw(st.integers(0, 5)) == 0)
    lo, hi = draw(st.sampled_from([(D(0), D(100)), (D(1), D(25))]))
    stages = []
    values: dict[tuple[int, int, int], Decimal] = {}
    cid = 0
    n_stages = draw(st.integers(1, 3))
    for s in range(1, n_stages + 1):
        criteria = []
        for k in range(draw(st.integers(1, 3))):
            cid += 1
            low = draw(st.sampled_from([D(0), D(1)]))
            criteria.append(
                CriterionSpec(
                    id=cid,
                    code=f"K{cid}",
                    name=f"Criterion {cid}",
                    weight=D(
                        draw(st.sampled_from([0, 1, 2, 5])) if k else draw(st.sampled_from([1, 3]))
                    ),
                    min_value=low,
                    max_value=low + draw(st.sampled_from([D(4), D(10)])),
                    step=draw(st.sampled_from([D(1), D("0.5")])),
                    position=draw(st.integers(1, 3)),
                )
            )
        admitted = None if s == 1 else frozenset(e.id for e in entries if draw(st.booleans()))
        in_stage = [e.id for e in entries if admitted is None or e.id in admitted]
        assignments = (
            None
            if draw(st.booleans())
            else frozenset(
                (j, e) for j, e in pairs if e in in_stage and draw(st.integers(0, 3)) > 0
            )
        )
        method = draw(st.sampled_from(methods))
        cumulative = ()
        if s > 1 and draw(st.booleans()):
            cumulative = (("S1", D(30)), (f"S{s}", D(70)))
        stages.append(
            StageSpec(
                id=s,
                code=f"S{s}",
                name=f"Stage {s}",
                position=s,
                weight=D(
                    draw(st.sampled_from([0, 30, 70]))
                    if s > 1
                    else draw(st.sampled_from([30, 100]))
                ),
                method=method,
                criteria=tuple(criteria),
                band=draw(st.sampled_from([D(1), D(2), D("0.5")])) if method == "banded" else None,
                scale_min=lo,
                scale_max=hi,
                admitted=admitted,
                assignments=assignments,
                cumulative=cumulative,
            )
        )
        for j, e in pairs:
            eligible = (
                e in in_stage
                and (j, e) not in conflicts
                and (assignments is None or (j, e) in assignments)
            )
            if not eligible or draw(st.integers(0, 4)) == 0:
                continue
            for c in criteria:
                if draw(st.integers(0, 9)) == 0:
                    continue  # an incomplete sheet now and then
                steps = int((c.max_value - c.min_value) / c.step)
                values[(j, e, c.id)] = c.min_value + c.step * draw(st.integers(0, steps))
    jury = ()
    if decisions and draw(st.booleans()):
        e = draw(st.integers(1, n_entries))
        jury = (
            JuryDecision(stage_code=FINAL, entry_id=e, rank=draw(st.integers(1, 3)), reason="r"),
        )
    event = EventSpec(
        stages=tuple(stages),
        entries=entries,
        jurors=jurors,
        conflicts=conflicts,
        precision=draw(st.sampled_from([0, 1, 2])),
        tiebreak=draw(st.sampled_from([TIEBREAK_STANDARD, TIEBREAK_NONE])),
        round_stage_scores=draw(st.booleans()),
        decisions=jury,
    )
    return event, values


def boards(event: EventSpec) -> list[tuple[str, str | None]]:
    names = [FINAL, *(s.code for s in event.stages)]
    return [(b, c) for b in names for c in (None, "A", "B")]


def csv_text(scorer: Scorer) -> str:
    """A CSV of every board, the way a report writes one."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for board, category in boards(scorer.event):
        lb = scorer.leaderboard(board, category)
        for r in lb.rows:
            writer.writerow(
                [board, category or "", "" if r.rank is None else r.rank, r.entry.code]
                + [r.display, r.status, r.tie_rule, r.tie_note, r.decision_reason]
                + [format_score(v, lb.precision) for v in r.stage_scores.values()]
                + [format_score(c.total, 6) for c in r.juror_cells]
            )
    return out.getvalue()


def outcome(scorer: Scorer) -> dict:
    """Board -> entry id -> (rank, score, status, tie rule): what renaming must not change."""
    return {
        (b, c): {
            r.entry.id: (r.rank, r.score, r.status, r.tie_rule)
            for r in scorer.leaderboard(b, c).rows
        }
        for b, c in boards(scorer.event)
    }


# ---------------------------------------------------------------------------------------------
# An independent reference: scoring.md sections 1-3 written out with Fractions, slowly.
# ---------------------------------------------------------------------------------------------


def reference_panel(event: EventSpec, stage: StageSpec, values, e: int):
    if stage.admitted is not None and e not in stage.admitted:
        return None
    weighted = [c for c in stage.criteria if c.weight > 0]
    totals = []
    for j in (j.id for j in event.jurors):
        if (j, e) in event.conflicts or (
            stage.assignments is not None and (j, e) not in stage.assignments
        ):
            continue
        if any((j, e, c.id) not in values for c in weighted):
            continue
        norm = sum(
            Fraction(c.weight)
            * (Fraction(values[(j, e, c.id)]) - Fraction(c.min_value))
            / (Fraction(c.max_value) - Fraction(c.min_value))
            for c in weighted
        ) / sum(Fraction(c.weight) for c in weighted)
        lo, hi = Fraction(stage.scale_min), Fraction(stage.scale_max)
        totals.append(lo + (hi - lo) * norm)
    if not totals:
        return None
    if stage.method == "median":
        return statistics.median(totals)
    if stage.method == "trimmed" and len(totals) >= 5:
        totals = sorted(totals)[1:-1]
    if stage.method == "banded":
        m = Fraction(format_score(sum(totals) / len(totals), event.precision))
        band = Fraction(stage.band)
        totals = [min(max(t, m - band), m + band) for t in totals]
    return sum(totals) / len(totals)


def reference_blend(event, parts, panels, e):
    terms = []
    for code, w in parts:
        p = panels[(code, e)]
        if p is None:
            return None
        terms.append(
            (
                Fraction(w),
                Fraction(format_score(p, event.precision)) if event.round_stage_scores else p,
            )
        )
    return sum(w * p for w, p in terms) / sum(w for w, _ in terms)


@SETTINGS
@given(cases(methods=EXACT))
def test_exact_methods_match_the_reference(case):
    event, values = case
    scorer = Scorer(event, values)
    panels = {
        (s.code, e.id): reference_panel(event, s, values, e.id)
        for s in event.stages
        for e in event.entries
    }
    final = scorer.leaderboard(FINAL)
    for r in final.rows:
        for s in event.stages:
            assert r.stage_scores[s.code] == panels[(s.code, r.entry.id)]
        parts = [(s.code, s.weight) for s in event.stages if s.weight > 0]
        expected = reference_blend(event, parts, panels, r.entry.id)
        assert r.score == expected
        assert r.display == format_score(expected, event.precision)
        assert (r.rank is None) == (expected is None)
    for s in event.stages:
        for r in scorer.leaderboard(s.code).rows:
            if s.cumulative:
                expected = reference_blend(event, s.cumulative, panels, r.entry.id)
            else:
                expected = panels[(s.code, r.entry.id)]
            assert r.score == expected


@SETTINGS
@given(cases())
def test_ranks_follow_display_scores(case):
    event, values = case
    scorer = Scorer(event, values)
    for b, c in boards(event):
        rows = scorer.leaderboard(b, c).rows
        ranked = [r for r in rows if r.rank is not None]
        assert all(
            r.score is None and r.status in ("unscored", "not_advanced")
            for r in rows[len(ranked) :]
        )
        decided = any(r.tie_rule == "jury_decision" for r in ranked)
        for i, r in enumerate(ranked):
            if not decided:
                # Standard competition ranking: a place is 1 + the rows placed strictly ahead.
                assert r.rank == 1 + sum(1 for o in ranked if o.rank < r.rank)
                better = [
                    o for o in ranked if o.tie_rule != "jury_decision" and o.display != r.display
                ]
                for o in better:
                    assert (o.rank < r.rank) == (o.score > r.score)
            assert i == 0 or ranked[i - 1].rank <= r.rank


# ---------------------------------------------------------------------------------------------
# Section 5
# ---------------------------------------------------------------------------------------------


@SETTINGS
@given(cases(), st.randoms(use_true_random=False))
def test_renaming_and_reordering_change_nothing(case, rnd):
    event, values = case
    before = outcome(Scorer(event, values))
    entries = [e._replace(code=f"X{100 - e.id}", title=f"T{rnd.random()}") for e in event.entries]
    jurors = [j._replace(code=f"Y{rnd.random()}", name="z") for j in event.jurors]
    rnd.shuffle(entries)
    rnd.shuffle(jurors)
    stages = tuple(
        s._replace(
            name="renamed",
            criteria=tuple(c._replace(code=f"R{c.code}", name="n") for c in s.criteria),
        )
        for s in event.stages
    )
    renamed = event._replace(entries=tuple(entries), jurors=tuple(jurors), stages=stages)
    shuffled = list(values.items())
    rnd.shuffle(shuffled)
    after = outcome(Scorer(renamed, dict(shuffled)))
    for board in after.values():
        for e, (rank, score, status, rule) in board.items():
            board[e] = (rank, score, status, rule.replace("criterion:R", "criterion:"))
    assert after == before


@SETTINGS
@given(cases(), st.data())
def test_recused_unassigned_and_unadmitted_scores_change_nothing(case, data):
    event, values = case
    before = csv_text(Scorer(event, values))
    noisy = dict(values)
    for s in event.stages:
        for j in event.jurors:
            for e in event.entries:
                eligible = (
                    (s.admitted is None or e.id in s.admitted)
                    and (j.id, e.id) not in event.conflicts
                    and (s.assignments is None or (j.id, e.id) in s.assignments)
                )
                if not eligible:
                    for c in s.criteria:
                        noisy[(j.id, e.id, c.id)] = c.min_value + c.step * data.draw(
                            st.integers(0, 4)
                        )
    assert csv_text(Scorer(event, noisy)) == before


@SETTINGS
@given(cases(), st.randoms(use_true_random=False))
def test_same_inputs_give_byte_identical_csv(case, rnd):
    event, values = case
    first = csv_text(Scorer(event, values)).encode()
    shuffled = list(values.items())
    rnd.shuffle(shuffled)
    assert csv_text(Scorer(event, dict(shuffled))).encode() == first
    assert csv_text(Scorer(event, values)).encode() == first


@SETTINGS
@given(cases(methods=EXACT, decisions=False), st.data())
def test_raising_a_value_never_hurts_the_entry(case, data):
    event, values = case
    raisable = [
        k
        for k, v in values.items()
        if v < next(c.max_value for s in event.stages for c in s.criteria if c.id == k[2])
    ]
    if not raisable:
        return
    j, e, c = data.draw(st.sampled_from(sorted(raisable)))
    crit = next(x for s in event.stages for x in s.criteria if x.id == c)
    stage = next(s for s in event.stages if crit in s.criteria)
    raised = dict(values)
    raised[(j, e, c)] = values[(j, e, c)] + crit.step * data.draw(
        st.integers(1, int((crit.max_value - values[(j, e, c)]) / crit.step))
    )
    before, after = Scorer(event, values), Scorer(event, raised)
    t0, t1 = before.juror_total(stage.code, j, e), after.juror_total(stage.code, j, e)
    assert (t0 is None and t1 is None) or t1 >= t0
    for b in [FINAL, *(s.code for s in event.stages)]:
        rows0 = {r.entry.id: r for r in before.leaderboard(b).rows}
        rows1 = {r.entry.id: r for r in after.leaderboard(b).rows}
        if e not in rows0:
            continue
        if rows0[e].score is not None:
            assert rows1[e].score >= rows0[e].score
        p0, p1 = rows0[e].stage_scores[stage.code], rows1[e].stage_scores[stage.code]
        assert (p0 is None) == (p1 is None)
        assert p0 is None or p1 >= p0
        for f, r0 in rows0.items():
            if f == e or r0.rank is None or rows0[e].rank is None:
                continue
            if rows0[e].rank < r0.rank:
                assert rows1[e].rank < rows1[f].rank
            elif rows0[e].rank == r0.rank:
                assert rows1[e].rank <= rows1[f].rank


# ---------------------------------------------------------------------------------------------
# Incremental updates equal a fresh computation
# ---------------------------------------------------------------------------------------------


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.data())
def test_incremental_updates_equal_a_fresh_scorer(case, data):
    event, values = case
    values = dict(values)
    scorer = Scorer(event, values)
    criteria = [c for s in event.stages for c in s.criteria]
    jurors = [j.id for j in event.jurors]
    entries = [e.id for e in event.entries]
    for _ in range(data.draw(st.integers(1, 6))):
        scorer.leaderboard(data.draw(st.sampled_from([FINAL, *(s.code for s in event.stages)])))
        j, e = data.draw(st.sampled_from(jurors)), data.draw(st.sampled_from(entries))
        if data.draw(st.booleans()):
            c = data.draw(st.sampled_from(criteria))
            choice = data.draw(st.sampled_from(["value", "none", "finer"]))
            if choice == "none":
                value = None
                values.pop((j, e, c.id), None)
            else:
                # "finer": more decimal places than any value so far (the integer scale grows).
                value = c.min_value + (D("0.125") if choice == "finer" else c.step)
                values[(j, e, c.id)] = value
            scorer.set_value(j, e, c.id, value)
        else:
            new = {
                (jj, c.id): c.max_value
                for jj in jurors
                for c in criteria
                if data.draw(st.integers(0, 2)) == 0
            }
            for key in [k for k in values if k[1] == e]:
                del values[key]
            values.update({(jj, e, cc): v for (jj, cc), v in new.items()})
            scorer.replace_entry_values(e, new)
    fresh = Scorer(event, values)
    for b, c in boards(event):
        assert scorer.leaderboard(b, c) == fresh.leaderboard(b, c)
    for s in event.stages:
        for e in entries:
            assert scorer.criterion_means(s.code, e) == fresh.criterion_means(s.code, e)
            for j in jurors:
                assert scorer.juror_total(s.code, j, e) == fresh.juror_total(s.code, j, e)
                assert scorer.juror_status(s.code, j, e) == fresh.juror_status(s.code, j, e)


@SETTINGS
@given(cases())
def test_category_boards_are_the_overall_board_filtered_and_renumbered(case):
    event, values = case
    scorer = Scorer(event, values)
    for board in [FINAL, *(s.code for s in event.stages)]:
        overall = scorer.leaderboard(board).rows
        for category in "AB":
            mine = [r for r in overall if r.entry.category == category]
            rows = scorer.leaderboard(board, category).rows
            assert [r.entry.id for r in rows] == [r.entry.id for r in mine]
            for r, o in zip(rows, mine, strict=True):
                assert (r.score, r.display, r.status, r.tie_rule) == (
                    o.score,
                    o.display,
                    o.status,
                    o.tie_rule,
                )
                if o.rank is None:
                    assert r.rank is None
                else:
                    assert r.rank == 1 + sum(
                        1 for m in mine if m.rank is not None and m.rank < o.rank
                    )


@SETTINGS
@given(cases(), st.integers(0, 9))
def test_shortlist_takes_a_prefix_and_shows_the_tie_at_the_cut(case, size):
    event, values = case
    scorer = Scorer(event, values)
    for board in [FINAL, *(s.code for s in event.stages)]:
        ranked = [r for r in scorer.leaderboard(board).rows if r.rank is not None]
        picked = scorer.shortlist(board, top_n=size)
        selected, tied = list(picked.selected), list(picked.tied_at_cut)
        assert selected + tied == ranked[: len(selected) + len(tied)]
        if tied:
            assert len({r.rank for r in tied}) == 1
            assert len(selected) < size < len(selected) + len(tied)
            assert all(r.rank < tied[0].rank for r in selected)
        else:
            assert len(selected) == min(size, len(ranked))
            if len(selected) < len(ranked) and selected:
                assert selected[-1].rank != ranked[len(selected)].rank
