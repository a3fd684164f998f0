"""Plain data in and out of the scoring engine (the contract of ../shared/design/scoring.md).

The engine never sees the database: store.services builds an ``EventSpec`` and a ``ScoreValues``
mapping, and every consumer (CLI, leaderboard, projector, reports) reads ``LeaderboardRow``s.
Ids are the database ids; codes and names are carried for display only, so renaming changes
nothing (scoring.md section 5).

The records are ``typing.NamedTuple``s, not frozen dataclasses: as immutable, but importing
``dataclasses`` (which imports ``inspect``, ``ast``, ``dis``...) is a noticeable part of a
``kolabik leaderboard`` process (issue #17), and a named tuple is cheaper to make, which counts
for the 3,000 rows of a national ranking. They keep tuple semantics: ``==`` compares the fields
by position (so nothing may compare records of different types), a record is iterable and has a
length, and a copy with changes is ``record._replace(field=...)``. A default that would be a
mutable dict is one shared read-only ``MappingProxyType``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Literal, NamedTuple

Method = Literal["mean", "trimmed", "median", "banded", "zscore"]
METHODS: tuple[str, ...] = ("mean", "trimmed", "median", "banded", "zscore")

# "not_advanced": no final score because the entry was not admitted to a weighted stage (it did
# not advance to it); "unscored": no score for any other reason (a stage still without scores).
Status = Literal["final", "provisional", "unscored", "not_advanced"]

# Tie-break rule codes, in the order scoring.md section 4 applies them.
TIEBREAK_STANDARD: tuple[str, ...] = ("latest_stage", "criteria")
TIEBREAK_NONE: tuple[str, ...] = ()

# A stage code or FINAL names what a leaderboard ranks.
FINAL = "final"


class CriterionSpec(NamedTuple):
    id: int
    code: str
    name: str
    weight: Decimal
    min_value: Decimal
    max_value: Decimal
    step: Decimal
    position: int  # rubric order; breaks ties among equal weights in the tie-break chain


class StageSpec(NamedTuple):
    id: int
    code: str
    name: str
    position: int
    weight: Decimal  # W_s, percent of the final score; 0 = ranks on its own only
    method: str  # one of METHODS
    criteria: tuple[CriterionSpec, ...]
    band: Decimal | None = None  # L, for method "banded"
    scale_min: Decimal = Decimal(0)
    scale_max: Decimal = Decimal(100)
    # Entry ids admitted to this stage; None = every entry (the first stage).
    admitted: frozenset[int] | None = None
    # (juror_id, entry_id) pairs assigned in this stage; None = every juror to every admitted entry.
    assignments: frozenset[tuple[int, int]] | None = None
    # Cumulative ranking weights over this and earlier stages: ((stage_code, weight), ...);
    # empty = the stage ranks by its own panel score.
    cumulative: tuple[tuple[str, Decimal], ...] = ()


class EntrySpec(NamedTuple):
    id: int
    code: str
    title: str
    unit: str = ""
    category: str = ""


class JurorSpec(NamedTuple):
    id: int
    code: str
    name: str


class JuryDecision(NamedTuple):
    """A place the jury decided that no rule produces; stage_code FINAL = the final ranking."""

    stage_code: str
    entry_id: int
    rank: int
    reason: str = ""


class EventSpec(NamedTuple):
    stages: tuple[StageSpec, ...]
    entries: tuple[EntrySpec, ...]
    jurors: tuple[JurorSpec, ...]
    # (juror_id, entry_id): the juror is recused from the entry in every stage.
    conflicts: frozenset[tuple[int, int]] = frozenset()
    precision: int = 2  # display decimals; scores are compared at this precision
    tiebreak: tuple[str, ...] = TIEBREAK_STANDARD
    round_stage_scores: bool = False
    decisions: tuple[JuryDecision, ...] = ()


# (juror_id, entry_id, criterion_id) -> value. A criterion belongs to exactly one stage.
ScoreValues = Mapping[tuple[int, int, int], Decimal]

# One stage's values as the engine holds them: entry_id -> juror_id -> criterion_id -> value.
StageCells = dict[int, dict[int, dict[int, Decimal]]]


class ScoreCells(NamedTuple):
    """The same scores as a ``ScoreValues``, grouped the way the engine holds them.

    ``engine.group_values`` builds it from a ``ScoreValues``; a reader may build it directly
    (``queries.fast_scores.load_cells_sqlite``, tested equal), which spares the engine a pass
    over every value. A Scorer given one keeps its dicts and updates them in place.
    """

    by_stage: tuple[StageCells, ...]  # one per stage of the EventSpec, in ``event.stages`` order
    distinct: frozenset[Decimal]  # every value once (the engine sizes its integer scale on it)


# An exact score (mean, trimmed, median, banded) or a double (zscore).
Number = Fraction | float


class JurorCell(NamedTuple):
    """One juror's part in an entry's panel score for a stage (the per-juror breakdown)."""

    juror_id: int
    total: Number | None  # T(j,e); None when incomplete or not eligible
    eligible: bool  # assigned and not recused
    recused: bool
    complete: bool  # every criterion of weight > 0 has a value


# A row's stage scores when it has none: one shared, read-only mapping (a NamedTuple default is
# shared by every row, so it must not be a dict).
NO_STAGE_SCORES: Mapping[str, Number | None] = MappingProxyType({})


class LeaderboardRow(NamedTuple):
    rank: int | None  # None for unscored rows
    entry: EntrySpec
    score: Number | None  # exact value ranked on (final, blend, or panel score)
    display: str  # score at display precision, dot decimal ("85.50"); "" when unscored
    status: Status
    # Which rule broke this entry's tie: "" (no tie), "latest_stage", "criterion:CODE",
    # "chair_decides" (shared rank, still tied), "shared" (shared rank, the event's tie-break
    # chain is empty), "jury_decision".
    tie_rule: str = ""
    tie_note: str = ""  # the same in words, in English (UIs translate from tie_rule)
    stage_scores: Mapping[str, Number | None] = NO_STAGE_SCORES  # P(s,e) per code
    juror_cells: tuple[JurorCell, ...] = ()  # for a stage board: the breakdown behind the score
    decision_reason: str = ""  # the jury's reason, when tie_rule == "jury_decision"
    # Status "not_advanced": the first weighted stage the entry was not admitted to, and the last
    # stage in which it has a panel score (its score there is stage_scores[last_stage]).
    not_advanced_to: str = ""
    last_stage: str = ""


class Leaderboard(NamedTuple):
    board: str  # stage code or FINAL
    category: str | None
    rows: tuple[LeaderboardRow, ...]
    precision: int


class Shortlist(NamedTuple):
    board: str
    selected: tuple[LeaderboardRow, ...]  # in leaderboard order
    # The group tied across the cut (none of it selected): the jury settles it, nobody is dropped.
    tied_at_cut: tuple[LeaderboardRow, ...]
