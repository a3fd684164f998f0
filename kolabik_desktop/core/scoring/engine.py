"""The scoring engine: scores in, ranked leaderboard rows out (../shared/design/scoring.md).

Arithmetic: every value v is turned once into a scaled integer (v × 10^k), and a stage's criterion
coefficients share one denominator, so a juror's total T(j,e) is held as an integer numerator over
the stage's common denominator Q. Panel scores and blends are exact Fractions (floats only for
zscore). Per-stage totals and panel scores are cached; an edit recomputes only the touched entry
(for zscore, the touched stage), so a leaderboard after one edit costs little more than a sort.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from itertools import groupby
from operator import getitem, itemgetter
from types import MappingProxyType
from typing import Any, NamedTuple

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.model import (
    FINAL,
    METHODS,
    CriterionSpec,
    EntrySpec,
    EventSpec,
    JurorCell,
    Leaderboard,
    LeaderboardRow,
    Number,
    ScoreCells,
    ScoreValues,
    Shortlist,
    StageCells,
    StageSpec,
    Status,
)

__all__ = [
    "Scorer",
    "compute_leaderboard",
    "event_problems",
    "empty_cells",
    "format_score",
    "group_values",
    "validate_event",
]

# Tie rule codes written into LeaderboardRow.tie_rule (besides "criterion:CODE").
RULE_LATEST_STAGE = "latest_stage"
RULE_CHAIR = "chair_decides"
RULE_SHARED = "shared"
RULE_DECISION = "jury_decision"

_NO_KEY = -(10**100)  # sorts below every real score key

_KeyFn = Callable[[int], int]  # entry id -> a tie-break key at display precision


# ---------------------------------------------------------------------------------------------
# Rounding and formatting
# ---------------------------------------------------------------------------------------------


def _half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up (away from zero) to an integer; denominator > 0."""
    if numerator >= 0:
        return (2 * numerator + denominator) // (2 * denominator)
    return -((-2 * numerator + denominator) // (2 * denominator))


def _display_key(value: Number | Decimal | int, precision: int) -> int:
    """The value at display precision as an integer count of 10^-precision (round half up)."""
    exact = Fraction(value) if not isinstance(value, Fraction) else value
    return _half_up(exact.numerator * 10**precision, exact.denominator)


def _format_key(key: int, precision: int) -> str:
    digits = str(abs(key)).rjust(precision + 1, "0")
    sign = "-" if key < 0 else ""
    if precision == 0:
        return sign + digits
    return f"{sign}{digits[:-precision]}.{digits[-precision:]}"


def format_score(value: Number | Decimal | int | None, precision: int) -> str:
    """A score at display precision, round half up on the exact value, dot decimal; '' for None."""
    if value is None:
        return ""
    return _format_key(_display_key(value, precision), precision)


def _places(value: Decimal) -> int:
    """Decimal places needed to write value exactly (0 for integers); no context rounding."""
    _, digits, exponent = Decimal(value).as_tuple()
    if not isinstance(exponent, int):
        raise ValueError(f"{value} is not a finite number")
    if exponent >= 0:
        return 0
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing_zeros)


def _scaled_int(value: Decimal, places: int) -> int | None:
    """value × 10^places as an exact int, or None when that is not a whole number."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        raise ValueError(f"{value} is not a finite number")
    n = int("".join(map(str, digits)) or "0")
    shift = exponent + places
    if shift >= 0:
        n *= 10**shift
    else:
        n, rest = divmod(n, 10**-shift)
        if rest:
            return None
    return -n if sign else n


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------


def validate_event(event: EventSpec) -> list[str]:
    """Every reason the engine cannot rank this event as scoring.md says, in English; [] when
    it can (``event_problems`` gives them as coded problems, to word in any language)."""
    problems = event_problems(event)
    if not problems:
        return []
    # The table of every text is needed only to word a problem (the usual case has none).
    from kolabik_desktop.core.scoring.problem_text import problem_message

    return [problem_message(p) for p in problems]


def event_problems(event: EventSpec) -> list[rules.Problem]:
    """Every reason the engine cannot rank this event as scoring.md says; [] when it can."""
    problems: list[rules.Problem] = []

    def add(code: str, **params: Any) -> None:
        problems.append(rules.Problem(code, params))

    if event.precision < 0:
        add(ec.ENGINE_PRECISION, precision=event.precision)
    for rule in event.tiebreak:
        if rule not in (RULE_LATEST_STAGE, "criteria"):
            add(ec.ENGINE_TIEBREAK, rule=rule)
    codes = [s.code for s in event.stages]
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            add(ec.ENGINE_STAGE_TWICE, stage=code)
        if code == FINAL:
            add(ec.ENGINE_STAGE_RESERVED, stage=FINAL)
        seen.add(code)
    weighted = [s for s in event.stages if s.weight > 0]
    # Scales and cumulative blends: the stage rules of core/scoring/rules.py.
    stage_rules = [
        rules.StageRule(s.code, i, s.weight, s.scale_min, s.scale_max, None, s.cumulative)
        for i, s in enumerate(event.stages)
    ]
    problems += [
        p for p in rules.stage_problems(stage_rules) if p.code == rules.STAGE_SCALES_DIFFER
    ]
    for s in event.stages:
        if s.weight < 0:
            add(ec.ENGINE_STAGE_WEIGHT, stage=s.code, weight=s.weight)
        if s.method not in METHODS:
            add(ec.ENGINE_STAGE_METHOD, stage=s.code, method=s.method, methods=", ".join(METHODS))
        if s.method == "banded":
            if s.band is None:
                add(ec.ENGINE_BAND_MISSING, stage=s.code)
            elif s.band <= 0:
                add(ec.ENGINE_BAND, stage=s.code, band=s.band)
        if s.scale_max <= s.scale_min:
            add(ec.ENGINE_SCALE, stage=s.code, max=s.scale_max, min=s.scale_min)
        for c in s.criteria:
            if c.weight < 0:
                add(ec.ENGINE_CRITERION_WEIGHT, stage=s.code, criterion=c.code)
            if c.max_value <= c.min_value:
                add(
                    ec.ENGINE_CRITERION_RANGE,
                    stage=s.code,
                    criterion=c.code,
                    max=c.max_value,
                    min=c.min_value,
                )
    problems += rules.cumulative_problems(stage_rules)
    entry_ids = {e.id for e in event.entries}
    stage_by_code = {s.code: s for s in event.stages}
    decided: set[tuple[str, int]] = set()
    for d in event.decisions:
        where = {"entry": d.entry_id, "board": d.stage_code}
        if d.stage_code != FINAL and d.stage_code not in stage_by_code:
            add(ec.ENGINE_DECISION_STAGE, **where)
            continue
        if d.rank < 1:
            add(ec.ENGINE_DECISION_PLACE, rank=d.rank, **where)
        if (d.stage_code, d.entry_id) in decided:
            add(ec.ENGINE_DECISION_TWICE, **where)
        decided.add((d.stage_code, d.entry_id))
        stages = weighted if d.stage_code == FINAL else [stage_by_code[d.stage_code]]
        if d.entry_id not in entry_ids or any(
            s.admitted is not None and d.entry_id not in s.admitted for s in stages
        ):
            add(ec.ENGINE_DECISION_NOT_IN_STAGE, **where)
    return problems


# ---------------------------------------------------------------------------------------------
# One stage's state
# ---------------------------------------------------------------------------------------------


class _NeedsRescale(Exception):
    """A value has more decimal places than the stage's integer scale holds."""

    def __init__(self, places: int) -> None:
        super().__init__(places)
        self.places = places


class _Result(NamedTuple):
    """An entry's score on a board or in a stage: a final score, a blend or a panel score.

    A named tuple, not a frozen dataclass: as immutable, and made 3,000 times and more for a
    national event's ranking at a fifth of the cost."""

    score: Number | None
    key: int  # score at display precision (_NO_KEY when there is no score)
    status: Status


_UNSCORED = _Result(None, _NO_KEY, "unscored")
_NOT_ADVANCED = _Result(None, _NO_KEY, "not_advanced")


def _value_picker(ids: tuple[int, ...]) -> Callable[[Mapping[int, Decimal]], Iterable[Decimal]]:
    """The values of ``ids`` in one juror's cells, in that order (a KeyError when one is missing)."""
    if len(ids) > 1:
        return itemgetter(*ids)
    if ids:
        only = ids[0]  # itemgetter of one key gives the value, not a 1-tuple
        return lambda cells: (cells[only],)
    return lambda cells: ()


class _Stage:
    """Values, juror totals (integer numerators over q) and panel scores of one stage."""

    def __init__(
        self,
        spec: StageSpec,
        index: int,
        juror_order: Mapping[int, int],
        entry_ids: Iterable[int],
        conflicts_by_entry: Mapping[int, frozenset[int]],
        precision: int,
    ) -> None:
        self.spec = spec
        self.index = index
        self.code = spec.code
        self.method = spec.method
        self.precision = precision
        self.criteria: dict[int, CriterionSpec] = {c.id: c for c in spec.criteria}
        # Tie-break order: highest weight first, equal weights in rubric order.
        self.weighted: tuple[CriterionSpec, ...] = tuple(
            sorted(
                (c for c in spec.criteria if c.weight > 0),
                key=lambda c: (-c.weight, c.position, c.id),
            )
        )
        if spec.admitted is None:
            self.entries: tuple[int, ...] = tuple(entry_ids)
        else:
            self.entries = tuple(e for e in entry_ids if e in spec.admitted)
        self.admitted = frozenset(self.entries)
        self.juror_order = juror_order
        jurors = sorted(juror_order, key=juror_order.__getitem__)
        assigned: dict[int, Sequence[int]] = {}
        if spec.assignments is None:
            assigned = {e: jurors for e in self.entries}
        else:
            chosen: dict[int, list[int]] = {}
            admitted = self.admitted
            for j, e in spec.assignments:
                if e in admitted and j in juror_order:
                    on_entry = chosen.get(e)
                    if on_entry is None:
                        chosen[e] = [j]
                    else:
                        on_entry.append(j)
            # Juror ids usually rise in juror order: then a plain sort of the ids is that order
            # (3,000 entries on a national event, a key function each time costs twice as much).
            by_id = all(a < b for a, b in zip(jurors, jurors[1:], strict=False))
            for e, js in chosen.items():
                assigned[e] = sorted(js) if by_id else sorted(js, key=juror_order.__getitem__)
        self.eligible: dict[int, tuple[int, ...]] = {}
        self.recused: dict[int, tuple[int, ...]] = {}
        everyone = tuple(jurors)
        for e in self.entries:
            on = assigned.get(e, ())
            out = conflicts_by_entry.get(e)
            if out is None:  # most entries: no conflict, shared tuples
                self.eligible[e] = everyone if on is jurors else tuple(on)
                self.recused[e] = ()
            else:
                self.eligible[e] = tuple(j for j in on if j not in out)
                self.recused[e] = tuple(j for j in on if j in out)
        self.values: dict[int, dict[int, dict[int, Decimal]]] = {}  # e -> j -> c -> v
        self.totals: dict[int, dict[int, int]] = {}  # e -> j -> T(j,e) × q
        self.panels: dict[int, _Result] = {}
        self.places = 0
        self.q = 1
        self.base = 0
        self.coefficients: tuple[tuple[int, int], ...] = ()  # (criterion id, A_c)
        self._criterion_ids: tuple[int, ...] = ()
        # The weighted criteria's values of one juror's cells, in coefficient order, in one C call.
        self._pick_values = _value_picker(())
        self._terms: tuple[dict[Decimal, int], ...] = ()
        self.scaled: dict[Decimal, int] = {}
        self._cells: dict[int, tuple[JurorCell, ...]] = {}
        self._criterion_keys: dict[int, dict[int, int]] = {}  # e -> criterion id -> key

    # -- scale -------------------------------------------------------------------------------

    def set_scale(self, places: int) -> None:
        """Fix the integer scale: T × q = base + Σ A_c × (v × 10^places)."""
        spec = self.spec
        places = max(
            places,
            _places(spec.scale_min),
            *(_places(c.min_value) for c in self.weighted),
        )
        lo, hi = Fraction(spec.scale_min), Fraction(spec.scale_max)
        weight_sum = sum((Fraction(c.weight) for c in self.weighted), Fraction(0))
        coefficients: list[tuple[int, Fraction]] = []
        for c in self.weighted:
            span = Fraction(c.max_value) - Fraction(c.min_value)
            # A criterion without a range (validate_event reports it) moves no total.
            coef = (hi - lo) * Fraction(c.weight) / (span * weight_sum) if span > 0 else Fraction(0)
            coefficients.append((c.id, coef))
        denominator = math.lcm(1, *(coef.denominator for _, coef in coefficients))
        unit = 10**places
        self.places = places
        self.q = denominator * unit
        base = lo * self.q
        for c_id, coef in coefficients:
            base -= coef * denominator * Fraction(self.criteria[c_id].min_value) * unit
        assert base.denominator == 1  # lo and every minimum are whole at this scale
        self.base = int(base)
        self.coefficients = tuple((c_id, int(coef * denominator)) for c_id, coef in coefficients)
        self.scaled = {}
        # Per weighted criterion, value -> its term A_c × (v × 10^places), filled as values come:
        # a total is then one lookup per criterion, done in C (national event: 15,000 totals).
        self._criterion_ids = ids = tuple(c_id for c_id, _ in self.coefficients)
        self._pick_values = _value_picker(ids)
        self._terms = tuple({} for _ in self.coefficients)

    def scale(self, value: Decimal) -> int:
        scaled = self.scaled.get(value)
        if scaled is None:
            exact = Decimal(value)
            scaled = _scaled_int(exact, self.places)
            if scaled is None:
                raise _NeedsRescale(_places(exact))
            self.scaled[value] = scaled
        return scaled

    # -- totals and panel --------------------------------------------------------------------

    def total(self, cells: Mapping[int, Decimal]) -> int | None:
        """T(j,e) × q, or None when a criterion of weight > 0 has no value."""
        if not self._criterion_ids:
            return None
        try:
            return self.base + sum(map(getitem, self._terms, self._pick_values(cells)))
        except KeyError:  # a criterion without a value, or a value not met before
            return self._total_terms(cells)

    def _total_terms(self, cells: Mapping[int, Decimal]) -> int | None:
        """``total`` one criterion at a time, learning the terms of values not met before."""
        n = self.base
        for (c_id, a), terms in zip(self.coefficients, self._terms, strict=True):
            v = cells.get(c_id)
            if v is None:
                return None
            term = terms.get(v)
            if term is None:
                term = terms[v] = a * self.scale(v)
            n += term
        return n

    def recompute_entry_totals(self, e: int) -> None:
        by_juror = self.values.get(e)
        totals: dict[int, int] = {}
        if by_juror:
            total = self.total
            for j in self.eligible.get(e, ()):
                cells = by_juror.get(j)
                if cells:
                    t = total(cells)
                    if t is not None:
                        totals[j] = t
        self.totals[e] = totals
        self._cells.pop(e, None)
        self._criterion_keys.pop(e, None)

    def recompute_all(self) -> None:
        for e in self.entries:
            self.recompute_entry_totals(e)
        self._cells.clear()
        self._criterion_keys.clear()
        if self.method == "zscore":
            self.recompute_zscore()
        else:
            for e in self.entries:
                self.panels[e] = self.exact_panel(e)

    def exact_panel(self, e: int) -> _Result:
        totals = list(self.totals.get(e, {}).values())
        eligible = len(self.eligible.get(e, ()))
        n = len(totals)
        if n == 0:
            return _UNSCORED
        q = self.q
        method = self.method
        if method == "median":
            totals.sort()
            mid = n // 2
            score = (
                Fraction(totals[mid], q)
                if n % 2
                else Fraction(totals[mid - 1] + totals[mid], 2 * q)
            )
        elif method == "trimmed" and n >= 5:
            totals.sort()
            score = Fraction(sum(totals[1:-1]), (n - 2) * q)
        elif method == "banded" and self.spec.band is not None:
            unit = 10**self.precision
            band = Fraction(self.spec.band)
            # Everything on one integer grid r = q × 10^precision × denominator(L).
            mean_key = _half_up(sum(totals) * unit, n * q)
            factor = unit * band.denominator
            centre = mean_key * q * band.denominator
            reach = band.numerator * q * unit
            low, high = centre - reach, centre + reach
            clamped = sum(min(max(t * factor, low), high) for t in totals)
            score = Fraction(clamped, n * q * factor)
        else:
            score = Fraction(sum(totals), n * q)
        return _Result(
            score,
            _half_up(score.numerator * 10**self.precision, score.denominator),
            "final" if n == eligible else "provisional",
        )

    def recompute_zscore(self) -> None:
        """scoring.md section 2, zscore: each juror standardised over the entries they completed."""
        q = self.q
        per_juror: dict[int, list[int]] = {}
        for e in self.entries:
            for j, t in self.totals.get(e, {}).items():
                per_juror.setdefault(j, []).append(t)
        # Exact sums first, so the order of jurors and entries cannot change the result.
        spread: dict[int, tuple[int, int, float]] = {}  # j -> (n, Σ T×q, σ_j)
        all_n = all_sum = all_sq = 0
        for j, ts in per_juror.items():
            n, s1, s2 = len(ts), sum(ts), sum(t * t for t in ts)
            all_n, all_sum, all_sq = all_n + n, all_sum + s1, all_sq + s2
            sigma = math.sqrt((n * s2 - s1 * s1) / (n * n * q * q)) if n >= 2 else 0.0
            spread[j] = (n, s1, sigma)
        mu = all_sum / (all_n * q) if all_n else 0.0
        sigma_all = (
            math.sqrt((all_n * all_sq - all_sum * all_sum) / (all_n * all_n * q * q))
            if all_n
            else 0.0
        )
        unit = 10**self.precision
        for e in self.entries:
            totals = self.totals.get(e, {})
            eligible = len(self.eligible.get(e, ()))
            if not totals:
                self.panels[e] = _UNSCORED
                continue
            zs = []
            for j, t in totals.items():
                n, s1, sigma = spread[j]
                zs.append(((n * t - s1) / (n * q)) / sigma if sigma > 0 else 0.0)
            score = mu + sigma_all * (math.fsum(zs) / len(zs))
            exact = Fraction(score)
            self.panels[e] = _Result(
                score,
                _half_up(exact.numerator * unit, exact.denominator),
                "final" if len(totals) == eligible else "provisional",
            )

    def panel(self, e: int) -> _Result:
        return self.panels.get(e, _UNSCORED)

    # -- per-juror detail ---------------------------------------------------------------------

    def complete(self, cells: Mapping[int, Decimal] | None) -> bool:
        return cells is not None and bool(cells) and all(c.id in cells for c in self.weighted)

    def juror_cells(self, e: int) -> tuple[JurorCell, ...]:
        cached = self._cells.get(e)
        if cached is None:
            totals = self.totals.get(e, {})
            by_juror = self.values.get(e, {})
            recused = set(self.recused.get(e, ()))
            jurors = sorted(
                (*self.eligible.get(e, ()), *recused),
                key=self.juror_order.__getitem__,
            )
            cached = tuple(
                JurorCell(
                    juror_id=j,
                    total=Fraction(totals[j], self.q) if j in totals else None,
                    eligible=j not in recused,
                    recused=j in recused,
                    # An eligible juror has a total exactly when complete.
                    complete=j in totals or (j in recused and self.complete(by_juror.get(j))),
                )
                for j in jurors
            )
            self._cells[e] = cached
        return cached

    def criterion_key(self, e: int, criterion: CriterionSpec) -> int:
        """Mean normalised value (v − min)/(max − min) × 100 over jurors with totals, at display
        precision (tie-break rule 2); integer arithmetic on the stage's scaled values."""
        known = self._criterion_keys.setdefault(e, {})
        key = known.get(criterion.id)
        if key is not None:
            return key
        jurors = self.totals.get(e, {})
        span = Fraction(criterion.max_value) - Fraction(criterion.min_value)
        if not jurors or span <= 0:
            key = _NO_KEY
        else:
            by_juror = self.values.get(e, {})
            low = _scaled_int(criterion.min_value, self.places) or 0  # whole at this scale
            above = sum(self.scale(by_juror[j][criterion.id]) - low for j in jurors)
            # mean = above / (n × 10^places) × 100 / span, span = a / b
            key = _half_up(
                above * 100 * span.denominator * 10**self.precision,
                len(jurors) * 10**self.places * span.numerator,
            )
        known[criterion.id] = key
        return key


# ---------------------------------------------------------------------------------------------
# The scorer
# ---------------------------------------------------------------------------------------------


class Scorer:
    """Scores of one event, kept up to date cell by cell, ranked on demand.

    Boards: FINAL ranks by the final score (section 3); a stage code ranks by the stage's panel
    score, or by its cumulative blend when the stage has cumulative weights. Values of jurors
    who are recused, unassigned, or scoring an entry not admitted to the stage are kept but count
    for nothing. Not thread-safe: one thread owns a Scorer (the UI's EventContext, the GUI thread).
    """

    def __init__(self, event: EventSpec, values: ScoreValues | ScoreCells) -> None:
        """``values`` flat, or already grouped (a ScoreCells, which the Scorer then owns: it
        updates those dicts in place as values change)."""
        self._event = event
        self._precision = max(0, event.precision)
        self._entries: dict[int, EntrySpec] = {e.id: e for e in event.entries}
        self._juror_order = {j.id: i for i, j in enumerate(event.jurors)}
        conflicts: dict[int, set[int]] = {}
        for j, e in event.conflicts:
            conflicts.setdefault(e, set()).add(j)
        frozen_conflicts = {e: frozenset(js) for e, js in conflicts.items()}
        stages = event.stages
        # Indexes into event.stages, in ranking order (ScoreCells follow event.stages).
        self._order = sorted(range(len(stages)), key=lambda i: (stages[i].position, stages[i].id))
        self._stages: tuple[_Stage, ...] = tuple(
            _Stage(
                stages[k], i, self._juror_order, self._entries, frozen_conflicts, self._precision
            )
            for i, k in enumerate(self._order)
        )
        self._by_code = {st.code: st for st in self._stages}
        self._stage_of_criterion: dict[int, _Stage] = {
            c.id: st for st in self._stages for c in st.spec.criteria
        }
        self._weighted = tuple(st for st in self._stages if st.spec.weight > 0)
        self._final_parts = tuple((st, Fraction(st.spec.weight)) for st in self._weighted)
        self._blend_parts: dict[str, tuple[tuple[_Stage, Fraction], ...]] = {
            st.code: tuple(
                (self._by_code[code], Fraction(w))
                for code, w in st.spec.cumulative
                if code in self._by_code and w > 0
            )
            for st in self._stages
            if st.spec.cumulative
        }
        self._load(values)
        self._boards: dict[tuple[str, str | None], Leaderboard] = {}
        self._row_cache: dict[str, dict[int, tuple[tuple[object, ...], LeaderboardRow]]] = {}

    @property
    def event(self) -> EventSpec:
        return self._event

    # -- loading and updating ------------------------------------------------------------------

    def _load(self, values: ScoreValues | ScoreCells) -> None:
        cells = values if isinstance(values, ScoreCells) else group_values(self._event, values)
        if len(cells.by_stage) != len(self._event.stages):
            raise ValueError("ScoreCells must hold one StageCells per stage of the event")
        for st, k in zip(self._stages, self._order, strict=True):
            st.values = cells.by_stage[k]
        places = max(map(_places, cells.distinct), default=0)
        for st in self._stages:
            self._rebuild_stage(st, places)
        self._final: dict[int, _Result] = {}
        self._blends: dict[str, dict[int, _Result]] = {code: {} for code in self._blend_parts}
        self._stage_scores: dict[int, Mapping[str, Number | None]] = {}
        self._unscored_keys: dict[int, tuple[int, int, str, int]] = {}
        for e in self._entries:
            self._refresh_entry(e)

    def _rebuild_stage(self, st: _Stage, places: int) -> None:
        while True:
            st.set_scale(places)
            try:
                st.recompute_all()
                return
            except _NeedsRescale as more:
                places = more.places

    def _refresh_entry(self, e: int) -> None:
        """Recompute an entry's final score, cumulative blends and stage-score map."""
        self._final[e] = self._blend(self._final_parts, e)
        for code, parts in self._blend_parts.items():
            self._blends[code][e] = self._blend(parts, e)
        self._stage_scores[e] = MappingProxyType(
            {st.code: st.panel(e).score for st in self._stages}
        )
        self._unscored_keys[e] = self._last_stage_order(e)

    def _last_stage_order(self, e: int) -> tuple[int, int, str, int]:
        """Where an entry without a final score stands: entries that got further first, then by
        their last stage's panel score, then by code."""
        for st in reversed(self._stages):
            p = st.panel(e)
            if p.score is not None:
                return (-st.index, -p.key, self._entries[e].code, e)
        return (1, 0, self._entries[e].code, e)

    def _blend(self, parts: tuple[tuple[_Stage, Fraction], ...], e: int) -> _Result:
        """Σ W_s P(s,e) / Σ W_s over parts (scoring.md section 3)."""
        if not parts:
            return _UNSCORED
        round_first = self._event.round_stage_scores
        unit = 10**self._precision
        terms: list[tuple[Fraction, Number]] = []
        status: Status = "final"
        for st, weight in parts:
            p = st.panel(e)
            if p.score is None:
                return _UNSCORED
            if p.status != "final":
                status = "provisional"
            terms.append((weight, Fraction(p.key, unit) if round_first else p.score))
        weight_sum = sum(w for w, _ in terms)
        score: Number
        if any(isinstance(v, float) for _, v in terms):
            score = math.fsum(float(w) * float(v) for w, v in terms) / float(weight_sum)
        else:
            score = sum((w * v for w, v in terms), Fraction(0)) / weight_sum
        return _Result(score, _display_key(score, self._precision), status)

    def _changed(self, stages: Iterable[_Stage], entries: set[int]) -> None:
        for st in stages:
            if st.method == "zscore":
                st.recompute_zscore()
                entries.update(st.entries)
            else:
                for e in entries & st.admitted:
                    st.panels[e] = st.exact_panel(e)
        for e in entries:
            if e in self._entries:
                self._refresh_entry(e)
        self._boards.clear()

    def _stage_for(self, criterion_id: int) -> _Stage:
        st = self._stage_of_criterion.get(criterion_id)
        if st is None:
            raise KeyError(f"criterion id {criterion_id} is not in any stage of this event")
        return st

    def set_value(
        self, juror_id: int, entry_id: int, criterion_id: int, value: Decimal | None
    ) -> None:
        """One cell changed (None = cleared); only that entry's scores are recomputed."""
        st = self._stage_for(criterion_id)
        by_juror = st.values.setdefault(entry_id, {})
        cells = by_juror.setdefault(juror_id, {})
        if value is None:
            cells.pop(criterion_id, None)
        else:
            cells[criterion_id] = value
        try:
            st.recompute_entry_totals(entry_id)
        except _NeedsRescale as more:
            self._rebuild_stage(st, more.places)
            self._changed([st], set(st.entries))
            return
        self._changed([st], {entry_id})

    def replace_entry_values(
        self, entry_id: int, values: Mapping[tuple[int, int], Decimal]
    ) -> None:
        """All of an entry's values, in every stage, become ``values`` ((juror, criterion) -> v)."""
        for _, c in values:
            self._stage_for(c)
        for st in self._stages:
            st.values.pop(entry_id, None)
        for (j, c), v in values.items():
            if v is not None:
                st = self._stage_of_criterion[c]
                st.values.setdefault(entry_id, {}).setdefault(j, {})[c] = v
        entries = {entry_id}
        for st in self._stages:
            try:
                st.recompute_entry_totals(entry_id)
            except _NeedsRescale as more:
                self._rebuild_stage(st, more.places)
                entries.update(st.entries)
        self._changed(self._stages, entries)

    # -- per-juror and per-criterion views -----------------------------------------------------

    def _stage(self, stage_code: str) -> _Stage:
        st = self._by_code.get(stage_code)
        if st is None:
            raise KeyError(f"unknown stage '{stage_code}'")
        return st

    def juror_total(self, stage_code: str, juror_id: int, entry_id: int) -> Number | None:
        """T(j,e) on the stage's scale; None when incomplete or the juror is not eligible."""
        st = self._stage(stage_code)
        t = st.totals.get(entry_id, {}).get(juror_id)
        return None if t is None else Fraction(t, st.q)

    def juror_status(self, stage_code: str, juror_id: int, entry_id: int) -> str:
        st = self._stage(stage_code)
        if entry_id not in st.admitted:
            return "not_admitted"
        if juror_id in st.recused.get(entry_id, ()):
            return "recused"
        if juror_id not in st.eligible.get(entry_id, ()):
            if (juror_id, entry_id) in self._event.conflicts:
                return "recused"
            return "not_assigned"
        cells = st.values.get(entry_id, {}).get(juror_id)
        if not cells:
            return "not_started"
        return "complete" if st.complete(cells) else "partial"

    def criterion_means(self, stage_code: str, entry_id: int) -> dict[int, Fraction | None]:
        """criterion id -> mean raw value over the eligible jurors who scored it."""
        st = self._stage(stage_code)
        by_juror = st.values.get(entry_id, {})
        eligible = st.eligible.get(entry_id, ())
        means: dict[int, Fraction | None] = {}
        for c in st.spec.criteria:
            given = [
                Fraction(by_juror[j][c.id])
                for j in eligible
                if j in by_juror and c.id in by_juror[j]
            ]
            means[c.id] = sum(given, Fraction(0)) / len(given) if given else None
        return means

    # -- leaderboards --------------------------------------------------------------------------

    def leaderboard(self, board: str = FINAL, category: str | None = None) -> Leaderboard:
        """The ranking of ``board`` (FINAL or a stage code), overall or within one category.

        Ties go through the event's chain: the final and cumulative boards start at rule (1)
        (the panel score of the latest weighted stage, or of the cumulative stage itself), a plain
        stage board at rule (2). A tie the chain leaves is a shared place with tie_rule
        "chair_decides", or "shared" when the chain is empty. A jury decision for the board then
        sets its entry's place (tie_rule "jury_decision"); decisions for unscored entries are
        ignored, as such entries have no place. Raises KeyError for an unknown stage code.
        """
        cached = self._boards.get((board, category))
        if cached is not None:
            return cached
        if category is None:
            result = self._overall(board)
        else:
            result = _category_board(self.leaderboard(board), category)
        self._boards[(board, category)] = result
        return result

    def _overall(self, board: str) -> Leaderboard:
        if board == FINAL:
            results = self._final
            entries: Iterable[int] = self._entries
            stage: _Stage | None = None
        else:
            stage = self._stage(board)
            entries = stage.entries
            results = self._blends.get(board, stage.panels)
        scored: list[tuple[int, int]] = []  # (key, entry)
        unscored: list[int] = []
        for e in entries:
            r = results.get(e, _UNSCORED)
            if r.score is None:
                unscored.append(e)
            else:
                scored.append((r.key, e))
        placed = self._rank(board, stage, scored)
        decisions = {d.entry_id: d for d in self._event.decisions if d.stage_code == board}
        ranked: list[tuple[int, int, str, str, str]] = []  # rank, entry, rule, note, reason
        for rank, e, rule, note in placed:
            d = decisions.get(e)
            if d is None:
                ranked.append((rank, e, rule, note, ""))
            else:
                ranked.append((d.rank, e, RULE_DECISION, "by decision of the jury", d.reason))
        ranked.sort(key=lambda item: item[0])  # stable: computed order among equal places
        if stage is None:
            unscored.sort(key=self._unscored_keys.__getitem__)
        else:
            # A stage board: by the stage's own panel score (set on a cumulative board), then code.
            own, entry = stage, self._entries
            unscored.sort(key=lambda e: (-own.panel(e).key, entry[e].code, e))
        cache = self._row_cache.setdefault(board, {})
        rows = [
            self._row(cache, stage, e, rank, results.get(e, _UNSCORED), rule, note, reason)
            for rank, e, rule, note, reason in ranked
        ]
        rows += [self._unscored_row(cache, stage, e) for e in unscored]
        return Leaderboard(board=board, category=None, rows=tuple(rows), precision=self._precision)

    def _unscored_row(
        self,
        cache: dict[int, tuple[tuple[object, ...], LeaderboardRow]],
        stage: _Stage | None,
        e: int,
    ) -> LeaderboardRow:
        """An entry without a score on the board; on the final board, "not_advanced" when a
        weighted stage did not admit it (so it can never have a final score)."""
        if stage is None:
            # Plain loops, not next() over generators: 2,900 such rows on a national event's
            # final board, and the generators were a sixth of the ranking's time.
            for missed, _w in self._final_parts:
                if e not in missed.admitted:
                    last = ""
                    for st in reversed(self._stages):
                        if st.panel(e).score is not None:
                            last = st.code
                            break
                    return self._row(
                        cache, stage, e, None, _NOT_ADVANCED, "", "", "", (missed.code, last)
                    )
        return self._row(cache, stage, e, None, _UNSCORED, "", "", "")

    def _row(
        self,
        cache: dict[int, tuple[tuple[object, ...], LeaderboardRow]],
        stage: _Stage | None,
        e: int,
        rank: int | None,
        result: _Result,
        rule: str,
        note: str,
        reason: str,
        not_advanced: tuple[str, str] = ("", ""),  # (not admitted to, last stage scored)
    ) -> LeaderboardRow:
        stage_scores = self._stage_scores[e]
        cells = stage.juror_cells(e) if stage is not None else ()
        signature = (rank, result, rule, note, reason, stage_scores, cells, not_advanced)
        hit = cache.get(e)
        if hit is not None and hit[0] == signature:
            return hit[1]
        row = LeaderboardRow(
            rank=rank,
            entry=self._entries[e],
            score=result.score,
            display=_format_key(result.key, self._precision) if result.score is not None else "",
            status=result.status,
            tie_rule=rule,
            tie_note=note,
            stage_scores=stage_scores,
            juror_cells=cells,
            decision_reason=reason,
            not_advanced_to=not_advanced[0],
            last_stage=not_advanced[1],
        )
        cache[e] = (signature, row)
        return row

    def _rank(
        self, board: str, stage: _Stage | None, scored: list[tuple[int, int]]
    ) -> list[tuple[int, int, str, str]]:
        """(rank, entry, tie_rule, tie_note) in ranked order, ties through the chain."""
        entries = self._entries
        scored.sort(key=lambda item: (-item[0], entries[item[1]].code, item[1]))
        rules = self._chain(board, stage)
        exhausted = RULE_CHAIR if self._event.tiebreak else RULE_SHARED
        placed: list[tuple[int, int, str, str]] = []
        for _score, run in groupby(scored, key=itemgetter(0)):
            group = [e for _, e in run]
            if len(group) == 1:
                placed.append((len(placed) + 1, group[0], "", ""))
                continue
            position = len(placed)
            for sub, rule, note in _break_ties(group, rules, exhausted):
                placed.extend((position + 1, e, rule, note) for e in sub)
                position += len(sub)
        return placed

    def _chain(self, board: str, stage: _Stage | None) -> list[tuple[str, str, _KeyFn]]:
        """The event's tie-break chain for a board: (rule code, note, key function)."""
        latest = stage if stage is not None else (self._weighted[-1] if self._weighted else None)
        if latest is None:
            return []
        rules: list[tuple[str, str, _KeyFn]] = []
        for rule in self._event.tiebreak:
            # A plain stage board starts at rule (2); a final or cumulative board at rule (1).
            if rule == RULE_LATEST_STAGE and (stage is None or board in self._blends):
                rules.append(
                    (
                        RULE_LATEST_STAGE,
                        f"tie broken by the score of stage {latest.code}",
                        _panel_key_fn(latest),
                    )
                )
            elif rule == "criteria":
                for c in latest.weighted:
                    rules.append(
                        (
                            f"criterion:{c.code}",
                            f"tie broken by criterion {c.code}",
                            _criterion_key_fn(latest, c),
                        )
                    )
        return rules

    # -- shortlists ----------------------------------------------------------------------------

    def shortlist(
        self,
        board: str = FINAL,
        top_n: int | None = None,
        quotas: Mapping[str, int] | None = None,
    ) -> Shortlist:
        """The top ``top_n`` of the board, or the top ``quotas[category]`` of each category.

        An entry tied at the cut is never dropped silently: the whole tied group that straddles
        the cut goes to ``tied_at_cut`` (for the jury to settle), the places above it are selected.
        """
        if (top_n is None) == (quotas is None):
            raise ValueError("give either top_n or quotas")
        overall = self.leaderboard(board)
        if top_n is not None:
            selected, tied = _cut(overall.rows, top_n)
        else:
            assert quotas is not None
            chosen: set[int] = set()
            tied_ids: set[int] = set()
            for category, quota in quotas.items():
                s, t = _cut(self.leaderboard(board, category).rows, quota)
                chosen.update(r.entry.id for r in s)
                tied_ids.update(r.entry.id for r in t)
            selected = [r for r in overall.rows if r.entry.id in chosen]
            tied = [r for r in overall.rows if r.entry.id in tied_ids]
        return Shortlist(board=board, selected=tuple(selected), tied_at_cut=tuple(tied))


def empty_cells(event: EventSpec) -> tuple[tuple[StageCells, ...], dict[int, StageCells]]:
    """Empty cells for each stage of the event, and criterion id -> its stage's cells (a
    criterion listed in two stages counts in the later one in ranking order, as in the Scorer)."""
    by_stage: tuple[StageCells, ...] = tuple({} for _ in event.stages)
    ranked = sorted(
        zip(event.stages, by_stage, strict=True), key=lambda pair: (pair[0].position, pair[0].id)
    )
    stage_of = {c.id: cells for s, cells in ranked for c in s.criteria}
    return by_stage, stage_of


def group_values(event: EventSpec, values: ScoreValues) -> ScoreCells:
    """Flat values grouped per stage as the engine holds them (``ScoreCells``). A value of a
    criterion in no stage, or None, is left out: it counts for nothing."""
    by_stage, stage_of = empty_cells(event)
    for (j, e, c), v in values.items():
        cells = stage_of.get(c)
        if cells is None or v is None:
            continue
        by_juror = cells.get(e)
        if by_juror is None:
            by_juror = cells[e] = {}
        juror_cells = by_juror.get(j)
        if juror_cells is None:
            juror_cells = by_juror[j] = {}
        juror_cells[c] = v
    distinct = set(values.values())  # in C: a national event's 124,000 values, 67 distinct
    distinct.discard(None)  # type: ignore[arg-type]  # a Mapping from a caller may hold None
    return ScoreCells(by_stage, frozenset(distinct))


def _panel_key_fn(stage: _Stage) -> _KeyFn:
    return lambda e: stage.panel(e).key


def _criterion_key_fn(stage: _Stage, criterion: CriterionSpec) -> _KeyFn:
    return lambda e: stage.criterion_key(e, criterion)


def _break_ties(
    group: list[int], rules: list[tuple[str, str, _KeyFn]], exhausted: str
) -> list[tuple[list[int], str, str]]:
    """Split a tied group by the first rule that separates it, recursively; what stays tied
    shares a place (chair decides, or simply shared when the chain is empty)."""
    if not rules:
        note = "chair decides" if exhausted == RULE_CHAIR else "tied: shared place"
        return [(group, exhausted, note)]
    code, note, key_fn = rules[0]
    keyed = sorted(((key_fn(e), e) for e in group), key=lambda item: -item[0])
    out: list[tuple[list[int], str, str]] = []
    for _key, run in groupby(keyed, key=itemgetter(0)):
        sub = [e for _, e in run]
        if len(sub) == 1:
            out.append((sub, code, note))
        else:
            out.extend(_break_ties(sub, rules[1:], exhausted))
    return out


def _cut(
    rows: Iterable[LeaderboardRow], size: int
) -> tuple[list[LeaderboardRow], list[LeaderboardRow]]:
    """(selected, tied at the cut) for the top ``size`` ranked rows."""
    ranked = [r for r in rows if r.rank is not None]
    if size <= 0:
        return [], []
    if len(ranked) <= size:
        return ranked, []
    if ranked[size].rank != ranked[size - 1].rank:
        return ranked[:size], []
    first_tied = next(i for i, r in enumerate(ranked) if r.rank == ranked[size].rank)
    return ranked[:first_tied], [r for r in ranked[first_tied:] if r.rank == ranked[size].rank]


def _category_board(overall: Leaderboard, category: str) -> Leaderboard:
    """The overall ranking filtered to one category, places renumbered (1, 2, 2, 4 kept)."""
    rows = [r for r in overall.rows if r.entry.category == category]
    renumbered: list[LeaderboardRow] = []
    previous: int | None = None
    new_rank = 0
    for i, r in enumerate(rows):
        if r.rank is not None and r.rank != previous:
            # Rows are in place order, so i rows of the category stand ahead of this one.
            new_rank, previous = i + 1, r.rank
        rank = None if r.rank is None else new_rank
        renumbered.append(r if r.rank == rank else r._replace(rank=rank))
    return Leaderboard(
        board=overall.board, category=category, rows=tuple(renumbered), precision=overall.precision
    )


def compute_leaderboard(
    event: EventSpec, values: ScoreValues, board: str = FINAL, category: str | None = None
) -> Leaderboard:
    """One-shot ranking (a fresh Scorer)."""
    return Scorer(event, values).leaderboard(board, category)
