"""Juror statistics, agreement, method sensitivity and leave-one-juror-out (scoring.md section 6).

Everything here reads the engine: juror totals T(j,e) and eligibility come from the stage board's
``juror_cells`` (core/scoring/engine.py), rankings from ``Scorer.leaderboard``. Another method or
a juror left out is the engine run again on a changed EventSpec, never a second scoring rule.
Undefined figures are None with a reason code (the NOTE_* and alpha.NO_* constants).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from kolabik_desktop.core.analysis.alpha import Alpha, interval_alpha
from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.scoring.model import (
    FINAL,
    METHODS,
    CriterionSpec,
    EntrySpec,
    EventSpec,
    JurorSpec,
    Leaderboard,
    ScoreValues,
    StageSpec,
)

DEFAULT_BAND = Decimal(2)  # banded without the stage's own L
DEFAULT_TOP = 10  # the cut when the stage has no shortlist
TOLERANCE_SHARE = Decimal("0.1")  # default tolerance: 10 % of the stage's scale

# Why a statistic is undefined (problem codes).
NOTE_NO_ENTRIES = "no_entries"  # the juror completed no entry of the stage
NOTE_ONE_ENTRY = "one_entry"  # SD needs at least two totals
NOTE_NO_SHARED = "no_shared_entry"  # no other juror scored any of the juror's entries
NOTE_FEW_SHARED = "fewer_than_3_shared"  # correlation needs three shared entries
NOTE_NO_SPREAD = "no_spread"  # correlation with a constant series
NOTE_FEW_JURORS = "fewer_than_2_jurors"  # stage level
NOTE_FEW_ENTRIES = "fewer_than_2_entries"  # stage level


@dataclass(frozen=True, slots=True)
class Outlier:
    entry: EntrySpec
    total: Fraction  # T(j,e)
    others_mean: Fraction  # m₋ⱼ(e)

    @property
    def deviation(self) -> Fraction:
        return self.total - self.others_mean


@dataclass(frozen=True)
class JurorStats:
    juror: JurorSpec
    n: int  # entries completed (totals that exist and count)
    mean: Fraction | None
    sd: float | None  # population SD of the juror's totals
    leniency: Fraction | None
    correlation: float | None  # Pearson with m₋ⱼ
    outliers: tuple[Outlier, ...]
    notes: tuple[str, ...]  # why a figure is None
    totals: tuple[Fraction, ...] = ()  # the juror's totals (box plots)
    deviations: Mapping[int, Fraction] = field(default_factory=dict)  # entry id -> T − m₋ⱼ
    leniency_sd: float | None = None  # population SD of the deviations (the leniency's spread)

    @property
    def shared(self) -> int:
        """Entries that have another juror's total (the base of leniency and correlation)."""
        return len(self.deviations)


@dataclass(frozen=True)
class CriterionAgreement:
    criterion: CriterionSpec
    alpha: Alpha


@dataclass(frozen=True)
class MethodRanking:
    method: str
    band: Decimal | None  # banded: the stage's L (or 2); None otherwise and for the final
    order: tuple[EntrySpec, ...]  # ranked entries in place order
    ranks: Mapping[int, int]  # entry id -> rank (the engine's, shared ranks kept)
    changed_places: int  # entries whose rank differs from the board's own method

    @property
    def winner(self) -> EntrySpec | None:
        return self.order[0] if self.order else None

    def top(self, size: int) -> tuple[EntrySpec, ...]:
        return self.order[:size]


@dataclass(frozen=True)
class PlaceVerdict:
    place: int
    entry: EntrySpec | None  # under the board's own method
    changed_by: tuple[tuple[str, EntrySpec | None], ...]  # (method, its entry) that differ

    @property
    def stable(self) -> bool:
        return not self.changed_by


@dataclass(frozen=True)
class Sensitivity:
    board: str
    method: str  # the board's own method ("" for the final board: each stage's own)
    cut: int  # N: the stage's shortlist size or DEFAULT_TOP, at most the ranked entries
    methods: tuple[MethodRanking, ...]
    places: tuple[PlaceVerdict, ...]  # 1..cut


@dataclass(frozen=True, slots=True)
class Move:
    entry: EntrySpec
    before: int
    after: int


@dataclass(frozen=True)
class BoardChange:
    board: str
    winner: EntrySpec | None
    winner_changed: bool
    top3_changed: bool
    cut_changed: bool
    largest_move: Move | None  # None when no entry changes rank


@dataclass(frozen=True)
class LeaveOneOut:
    juror: JurorSpec
    stage: BoardChange | None  # None for the final board's analysis
    final: BoardChange


@dataclass(frozen=True)
class StageAnalysis:
    board: str  # a stage code or FINAL
    stage: StageSpec | None
    tolerance: Decimal | None
    jurors: tuple[JurorStats, ...]
    criteria: tuple[CriterionAgreement, ...]
    alpha_totals: Alpha | None
    sensitivity: Sensitivity
    leave_one_out: tuple[LeaveOneOut, ...]
    notes: tuple[str, ...]  # stage level: NOTE_FEW_JURORS, NOTE_FEW_ENTRIES
    entries: tuple[EntrySpec, ...] = ()  # the stage's entries in ranked order (heat map rows)


# ---------------------------------------------------------------------------------------------
# Per juror
# ---------------------------------------------------------------------------------------------


def default_tolerance(stage: StageSpec) -> Decimal:
    return (stage.scale_max - stage.scale_min) * TOLERANCE_SHARE


def stage_totals(scorer: Scorer, stage_code: str) -> dict[int, dict[int, Fraction]]:
    """entry id -> juror id -> T(j,e), for the eligible jurors whose totals exist (the engine's
    juror cells of the stage board)."""
    st = _stage_spec(scorer.event, stage_code)
    board = scorer.leaderboard(st.code)
    out: dict[int, dict[int, Fraction]] = {}
    for row in board.rows:
        cells = {
            c.juror_id: Fraction(c.total)
            for c in row.juror_cells
            if c.eligible and c.total is not None
        }
        out[row.entry.id] = cells
    return out


def juror_statistics(scorer: Scorer, stage_code: str, tolerance: Decimal) -> tuple[JurorStats, ...]:
    """Every juror eligible for an entry of the stage, in the event's order.

    Exact: the totals are put on one integer grid (T × D) so that every sum is an integer sum.
    """
    event = scorer.event
    entries = {e.id: e for e in event.entries}
    totals = stage_totals(scorer, stage_code)
    board = scorer.leaderboard(stage_code)
    eligible = {c.juror_id for row in board.rows for c in row.juror_cells if c.eligible}
    grid = math.lcm(1, *(t.denominator for cells in totals.values() for t in cells.values()))
    # juror -> [(entry, T×D, k = totals of the entry, S = Σ T×D over the entry)]
    by_juror: dict[int, list[tuple[int, int, int, int]]] = {}
    for e, cells in totals.items():
        ints = {j: t.numerator * (grid // t.denominator) for j, t in cells.items()}
        k, s = len(ints), sum(ints.values())
        for j, x in ints.items():
            by_juror.setdefault(j, []).append((e, x, k, s))
    limit = Fraction(tolerance)
    result = []
    for juror in event.jurors:
        if juror.id not in eligible:
            continue
        mine = by_juror.get(juror.id, [])
        notes: list[str] = []
        n = len(mine)
        s1 = sum(x for _, x, _, _ in mine)
        mean = Fraction(s1, n * grid) if n else None
        sd: float | None = None
        if n == 0:
            notes.append(NOTE_NO_ENTRIES)
        elif n == 1:
            notes.append(NOTE_ONE_ENTRY)
        else:
            s2 = sum(x * x for _, x, _, _ in mine)
            sd = math.sqrt(Fraction(n * s2 - s1 * s1, n * n * grid * grid))
        # T − m₋ⱼ = (k T − S) / (k − 1) on the grid; m₋ⱼ = (S − T) / (k − 1).
        shared = [(e, x, k, s) for e, x, k, s in mine if k >= 2]
        deviations = {e: Fraction(k * x - s, (k - 1) * grid) for e, x, k, s in shared}
        leniency = sum(deviations.values(), Fraction(0)) / len(shared) if shared else None
        leniency_sd = (
            math.sqrt(sum((d - leniency) ** 2 for d in deviations.values()) / len(shared))
            if leniency is not None
            else None
        )
        correlation = None
        if n and not shared:
            notes.append(NOTE_NO_SHARED)
        elif shared and len(shared) < 3:
            notes.append(NOTE_FEW_SHARED)
        elif shared:
            common = math.lcm(*{k - 1 for _, _, k, _ in shared})
            correlation = pearson_int(
                [(x * common, (s - x) * (common // (k - 1))) for _, x, k, s in shared]
            )
            if correlation is None:
                notes.append(NOTE_NO_SPREAD)
        outliers = tuple(
            Outlier(entries[e], Fraction(x, grid), Fraction(s - x, (k - 1) * grid))
            for e, x, k, s in shared
            if abs(k * x - s) * limit.denominator > limit.numerator * (k - 1) * grid
        )
        result.append(
            JurorStats(
                juror=juror,
                n=n,
                mean=mean,
                sd=sd,
                leniency=leniency,
                correlation=correlation,
                outliers=outliers,
                notes=tuple(notes),
                totals=tuple(Fraction(x, grid) for _, x, _, _ in mine),
                deviations=deviations,
                leniency_sd=leniency_sd,
            )
        )
    return tuple(result)


def five_numbers(values: Sequence[Fraction]) -> tuple[Fraction, ...] | None:
    """(min, lower quartile, median, upper quartile, max) for a box plot; quartiles are the
    medians of the lower and upper halves (Tukey's hinges). None for no values."""
    if not values:
        return None
    xs = sorted(values)

    def median(part: Sequence[Fraction]) -> Fraction:
        mid = len(part) // 2
        return part[mid] if len(part) % 2 else (part[mid - 1] + part[mid]) / 2

    half = (len(xs) + 1) // 2
    return (xs[0], median(xs[:half]), median(xs), median(xs[len(xs) - half :]), xs[-1])


def pearson_int(pairs: Sequence[tuple[int, int]]) -> float | None:
    """Pearson's r over integer pairs, exact sums then one square root; None below 3 pairs or
    when either series is constant."""
    k = len(pairs)
    if k < 3:
        return None
    sx = sum(x for x, _ in pairs)
    sy = sum(y for _, y in pairs)
    sxx = k * sum(x * x for x, _ in pairs) - sx * sx
    syy = k * sum(y * y for _, y in pairs) - sy * sy
    sxy = k * sum(x * y for x, y in pairs) - sx * sy
    if sxx == 0 or syy == 0:
        return None
    r = (
        sxy / math.sqrt(sxx * syy)
        if sxx * syy < 2**1000
        else float(Fraction(sxy) / Fraction(math.isqrt(sxx * syy)))
    )
    return max(-1.0, min(1.0, float(r)))


# ---------------------------------------------------------------------------------------------
# Agreement
# ---------------------------------------------------------------------------------------------


def criterion_agreement(
    scorer: Scorer, values: ScoreValues, stage_code: str
) -> tuple[CriterionAgreement, ...]:
    """Alpha per criterion of weight > 0 over the eligible jurors' values (missing allowed)."""
    st = _stage_spec(scorer.event, stage_code)
    board = scorer.leaderboard(st.code)
    eligible = {
        row.entry.id: [c.juror_id for c in row.juror_cells if c.eligible] for row in board.rows
    }
    out = []
    for criterion in st.criteria:
        if criterion.weight <= 0:
            continue
        units = []
        for e, jurors in eligible.items():
            unit = [values[(j, e, criterion.id)] for j in jurors if (j, e, criterion.id) in values]
            units.append(unit)
        out.append(CriterionAgreement(criterion, interval_alpha(units)))
    return tuple(out)


def totals_agreement(totals: Mapping[int, Mapping[int, Fraction]]) -> Alpha:
    return interval_alpha([list(cells.values()) for cells in totals.values()])


# ---------------------------------------------------------------------------------------------
# Rankings under other methods, and without a juror
# ---------------------------------------------------------------------------------------------


def _stage_spec(event: EventSpec, stage_code: str) -> StageSpec:
    for st in event.stages:
        if st.code == stage_code:
            return st
    raise KeyError(f"unknown stage '{stage_code}'")


def cut_size(event: EventSpec, board: str, ranked: int) -> int:
    """N: the stage's shortlist (the entries admitted to the next stage) or DEFAULT_TOP."""
    size = DEFAULT_TOP
    if board != FINAL:
        ordered = sorted(event.stages, key=lambda s: (s.position, s.id))
        codes = [s.code for s in ordered]
        i = codes.index(board)
        if i + 1 < len(ordered):
            admitted = ordered[i + 1].admitted
            if admitted:
                size = len(admitted)
    return min(size, ranked)


def with_method(event: EventSpec, board: str, method: str) -> EventSpec:
    """The event with the board's stage (every stage, for FINAL) scored by ``method``."""

    def changed(st: StageSpec) -> StageSpec:
        band = (st.band if st.band is not None else DEFAULT_BAND) if method == "banded" else st.band
        return st._replace(method=method, band=band)

    stages = tuple(changed(st) if board == FINAL or st.code == board else st for st in event.stages)
    return event._replace(stages=stages)


def without_juror(event: EventSpec, juror_id: int) -> EventSpec:
    """The event as if the juror were recused from every entry."""
    return event._replace(conflicts=event.conflicts | {(juror_id, e.id) for e in event.entries})


def _ranked(board: Leaderboard) -> tuple[tuple[EntrySpec, ...], dict[int, int]]:
    order = tuple(r.entry for r in board.rows if r.rank is not None)
    ranks = {r.entry.id: r.rank for r in board.rows if r.rank is not None}
    return order, ranks


def _changed_places(reference: Mapping[int, int], ranks: Mapping[int, int]) -> int:
    keys = set(reference) | set(ranks)
    return sum(1 for e in keys if reference.get(e) != ranks.get(e))


def sensitivity(
    event: EventSpec, values: ScoreValues, board: str, scorer: Scorer | None = None
) -> Sensitivity:
    """The board ranked under each method; a place is stable when every method gives it to the
    same entry."""
    base = scorer if scorer is not None else Scorer(event, values)
    ref_order, ref_ranks = _ranked(base.leaderboard(board))
    own = "" if board == FINAL else _stage_spec(event, board).method
    cut = cut_size(event, board, len(ref_order))
    rankings = []
    for method in METHODS:
        changed_event = with_method(event, board, method)
        if board != FINAL and method == own and changed_event == event:
            order, ranks = ref_order, ref_ranks
        else:
            order, ranks = _ranked(Scorer(changed_event, values).leaderboard(board))
        # The band the stage ranked with; for the final, each stage keeps its own (or 2).
        band = (
            _stage_spec(changed_event, board).band
            if method == "banded" and board != FINAL
            else None
        )
        rankings.append(
            MethodRanking(method, band, order, ranks, _changed_places(ref_ranks, ranks))
        )
    places = []
    for p in range(cut):
        entry = ref_order[p]
        differ = tuple(
            (m.method, m.order[p] if p < len(m.order) else None)
            for m in rankings
            if p >= len(m.order) or m.order[p].id != entry.id
        )
        places.append(PlaceVerdict(p + 1, entry, differ))
    return Sensitivity(board, own, cut, tuple(rankings), tuple(places))


def compare_boards(reference: Leaderboard, other: Leaderboard, cut: int) -> BoardChange:
    ref_order, ref_ranks = _ranked(reference)
    order, ranks = _ranked(other)
    move: Move | None = None
    for entry in ref_order:
        before, after = ref_ranks[entry.id], ranks.get(entry.id)
        if after is None or after == before:
            continue
        if move is None or abs(after - before) > abs(move.after - move.before):
            move = Move(entry, before, after)
    ref_winner = ref_order[0].id if ref_order else None
    winner = order[0] if order else None
    return BoardChange(
        board=reference.board,
        winner=winner,
        winner_changed=(winner.id if winner else None) != ref_winner,
        top3_changed=[e.id for e in order[:3]] != [e.id for e in ref_order[:3]],
        cut_changed={e.id for e in order[:cut]} != {e.id for e in ref_order[:cut]},
        largest_move=move,
    )


def leave_one_out(
    event: EventSpec, values: ScoreValues, board: str, scorer: Scorer | None = None
) -> tuple[LeaveOneOut, ...]:
    """For each juror with a total in the board's stage (any stage, for FINAL): the stage and the
    final ranking recomputed without them."""
    base = scorer if scorer is not None else Scorer(event, values)
    stage_codes = [board] if board != FINAL else [s.code for s in event.stages]
    active: set[int] = set()
    for code in stage_codes:
        for cells in stage_totals(base, code).values():
            active.update(cells)
    ref_final = base.leaderboard(FINAL)
    final_cut = cut_size(event, FINAL, sum(1 for r in ref_final.rows if r.rank is not None))
    ref_stage = base.leaderboard(board) if board != FINAL else None
    stage_cut = (
        cut_size(event, board, sum(1 for r in ref_stage.rows if r.rank is not None))
        if ref_stage is not None
        else 0
    )
    out = []
    runs = _without_each(event, values, [j for j in event.jurors if j.id in active])
    for juror, other in runs:
        stage_change = (
            compare_boards(ref_stage, other.leaderboard(board), stage_cut)
            if ref_stage is not None
            else None
        )
        out.append(
            LeaveOneOut(
                juror, stage_change, compare_boards(ref_final, other.leaderboard(FINAL), final_cut)
            )
        )
    return tuple(out)


def _without_each(
    event: EventSpec, values: ScoreValues, jurors: Sequence[JurorSpec]
) -> Iterator[tuple[JurorSpec, Scorer]]:
    """(juror, a Scorer of the event without that juror) for each juror, one after the other.

    Without zscore, one private Scorer has the juror's values taken out of the entries they
    scored and put back afterwards (the engine's incremental update): for the ranking this is
    the same as recusing them, and thirty jurors cost one Scorer instead of thirty. With a zscore
    stage (every change restandardises the stage) each juror gets a fresh Scorer with the juror
    recused.
    """
    if any(st.method == "zscore" for st in event.stages):
        for juror in jurors:
            yield juror, Scorer(without_juror(event, juror.id), values)
        return
    known = {c.id for st in event.stages for c in st.criteria}
    by_entry: dict[int, dict[tuple[int, int], Decimal]] = {}
    touched: dict[int, set[int]] = {}
    for (j, e, c), v in values.items():
        if c in known and v is not None:
            by_entry.setdefault(e, {})[(j, c)] = v
            touched.setdefault(j, set()).add(e)
    work = Scorer(event, values)
    for juror in jurors:
        entries = sorted(touched.get(juror.id, ()))
        for e in entries:
            work.replace_entry_values(
                e, {key: v for key, v in by_entry[e].items() if key[0] != juror.id}
            )
        yield juror, work
        for e in entries:
            work.replace_entry_values(e, by_entry[e])


# ---------------------------------------------------------------------------------------------
# Everything for one board
# ---------------------------------------------------------------------------------------------


def analyse(
    event: EventSpec,
    values: ScoreValues,
    board: str,
    tolerance: Decimal | None = None,
    *,
    scorer: Scorer | None = None,
    with_leave_one_out: bool = True,
) -> StageAnalysis:
    """The whole analysis of a stage (or FINAL: sensitivity and leave-one-out only). Raises
    KeyError for an unknown stage code."""
    base = scorer if scorer is not None else Scorer(event, values)
    if board == FINAL:
        rows = base.leaderboard(FINAL).rows
        ranked = tuple(r.entry for r in rows)
        placed = sum(1 for r in rows if r.rank is not None)
        return StageAnalysis(
            board=FINAL,
            stage=None,
            tolerance=None,
            jurors=(),
            criteria=(),
            alpha_totals=None,
            sensitivity=sensitivity(event, values, FINAL, base),
            leave_one_out=leave_one_out(event, values, FINAL, base) if with_leave_one_out else (),
            notes=(NOTE_FEW_ENTRIES,) if placed < 2 else (),
            entries=ranked,
        )
    stage = _stage_spec(event, board)
    limit = tolerance if tolerance is not None else default_tolerance(stage)
    totals = stage_totals(base, board)
    jurors_with_totals = {j for cells in totals.values() for j in cells}
    entries_with_totals = [e for e, cells in totals.items() if cells]
    notes = []
    if len(jurors_with_totals) < 2:
        notes.append(NOTE_FEW_JURORS)
    if len(entries_with_totals) < 2:
        notes.append(NOTE_FEW_ENTRIES)
    ranked = tuple(r.entry for r in base.leaderboard(board).rows)
    return StageAnalysis(
        board=board,
        stage=stage,
        tolerance=limit,
        jurors=juror_statistics(base, board, limit),
        criteria=criterion_agreement(base, values, board),
        alpha_totals=totals_agreement(totals),
        sensitivity=sensitivity(event, values, board, base),
        leave_one_out=leave_one_out(event, values, board, base) if with_leave_one_out else (),
        notes=tuple(notes),
        entries=ranked,
    )
