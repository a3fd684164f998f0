"""Every rule a score, a stage or a text must pass, in one place, as structured problems.

The engine, setup, the workbook, packages, kits, the window and the CLI all ask these functions;
none keeps a copy. A rule never speaks prose: it returns ``Problem(code, params, where)`` and each
caller turns the code into its own words (``problem_text`` holds the one table of Indonesian and
English texts for every code). Where older copies disagreed, the rule here is the one the
README's scoring section states.

``Where``, ``Problem``, ``Eligibility`` and ``StageRule`` are ``typing.NamedTuple``s, like the
engine's records (model.py says why): compare them only with their own kind.
"""

from __future__ import annotations

import re
from collections.abc import Container, Hashable, Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, NamedTuple

# ---------------------------------------------------------------------------------------------
# Problems
# ---------------------------------------------------------------------------------------------


class Where(NamedTuple):
    """Where a problem is: a sheet, row and column, or a field (a package row, a form field)."""

    place: str = ""  # a sheet name, a package list ("scores[3]"), a setup field
    row: int | None = None
    column: str = ""

    def text(self) -> str:
        out = self.place
        if self.row is not None:
            out += f" row {self.row}" if out else f"row {self.row}"
        if self.column:
            if not out:
                out = f"column {self.column}"
            else:  # "Acara column kunci" when a whole column (no row) is meant
                out += (
                    f", column {self.column}" if self.row is not None else f" column {self.column}"
                )
        return out


HERE = Where()

# A problem's parameters when it has none: shared and read-only (a NamedTuple default is shared).
NO_PARAMS: Mapping[str, Any] = MappingProxyType({})


class Problem(NamedTuple):
    """One broken rule: a stable code, its parameters (plain values) and where it was found."""

    code: str
    params: Mapping[str, Any] = NO_PARAMS
    where: Where = HERE

    def at(self, where: Where) -> Problem:
        return Problem(self.code, self.params, where)

    def __str__(self) -> str:
        """The English line with its place (what the CLI prints); the window words the code."""
        from kolabik_desktop.core.scoring.problem_text import problem_line

        return problem_line(self, "en")


# The codes, as constants so a typo is a NameError rather than an untranslated message.
VALUE_NOT_NUMBER = "value.not_number"
VALUE_RANGE = "value.range"
VALUE_STEP = "value.step"
VALUE_FORMULA = "value.formula_without_value"
VALUE_MERGED = "value.merged_cell"
VALUE_DATE = "value.date"
VALUE_BOOL = "value.bool"
VALUE_REVISION = "value.revision"
CELL_UNKNOWN_JUROR = "cell.unknown_juror"
CELL_UNKNOWN_ENTRY = "cell.unknown_entry"
CELL_UNKNOWN_CRITERION = "cell.unknown_criterion"
CELL_UNKNOWN_STAGE = "cell.unknown_stage"
CELL_RECUSED = "cell.recused"
CELL_NOT_ADMITTED = "cell.not_admitted"
CELL_NOT_ASSIGNED = "cell.not_assigned"
CELL_SUBMITTED = "cell.submitted"
REOPEN_NOT_SUBMITTED = "reopen.not_submitted"
REOPEN_NOT_CHAIR = "reopen.not_chair"
CELL_TWICE = "cell.twice"
TEXT_TOO_LONG = "text.too_long"
TEXT_EMPTY = "text.empty"
STAGE_WEIGHTS = "stage.weights_not_100"
STAGE_WEIGHT_RANGE = "stage.weight_range"
STAGE_SCALE = "stage.scale_empty"
STAGE_SCALES_DIFFER = "stage.scales_differ"
CRITERIA_WEIGHTS = "criteria.weights_not_100"
CRITERION_RANGE = "criterion.range_empty"
CUMULATIVE_WEIGHT = "cumulative.weight_not_positive"
CUMULATIVE_TOTAL = "cumulative.weights_not_100"
CUMULATIVE_UNKNOWN = "cumulative.unknown_stage"
CUMULATIVE_LATER = "cumulative.later_stage"
CUMULATIVE_TWICE = "cumulative.stage_twice"
DB_ERROR = "db.error"

# ---------------------------------------------------------------------------------------------
# Texts: stated maximum lengths (characters), enforced on every path
# ---------------------------------------------------------------------------------------------

TEXT_LIMITS: dict[str, int] = {
    "event_name": 200,
    "organiser": 200,
    "place": 100,
    "chair": 200,
    "stage_name": 200,
    "criterion_name": 200,
    "criterion_description": 2000,
    "descriptors": 4000,
    "category": 200,
    "title": 400,
    "unit": 300,
    "summary": 4000,
    "juror_name": 200,
    "affiliation": 300,
    "reason": 500,
    "note": 2000,
    "comment": 4000,
}


def text_problem(kind: str, text: str, where: Where = HERE) -> Problem | None:
    """TEXT_TOO_LONG when ``text`` is longer than the limit of its kind (a TEXT_LIMITS key)."""
    limit = TEXT_LIMITS[kind]
    if len(text) > limit:
        return Problem(TEXT_TOO_LONG, {"kind": kind, "length": len(text), "max": limit}, where)
    return None


# ---------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------

# A number as a person types it: digits, one optional decimal mark (dot or comma), optional sign.
# No exponent, no spaces inside, no letters: "8o", "1e3", "85 5" and "NaN" are not scores.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")  # ASCII digits only


def parse_value(raw: object, where: Where = HERE) -> Decimal | Problem | None:
    """A cell's value as a Decimal, None for an empty cell, or the Problem why it is not a number.

    Strict: a bool, a date or time, a non-finite float and any text that is not a plain decimal
    number are refused (Excel's cells arrive as int or float; a typed cell as text).
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        return Problem(VALUE_BOOL, {"text": str(raw)}, where)
    if isinstance(raw, datetime | date | time):
        return Problem(VALUE_DATE, {"text": raw.isoformat()}, where)
    if isinstance(raw, Decimal):
        return raw if raw.is_finite() else Problem(VALUE_NOT_NUMBER, {"text": str(raw)}, where)
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if raw != raw or abs(raw) == float("inf"):
            return Problem(VALUE_NOT_NUMBER, {"text": repr(raw)}, where)
        return Decimal(repr(raw))  # repr() is the shortest text that round-trips
    if isinstance(raw, str):
        text = raw.strip()
        if not text:
            return None
        if not _NUMBER.fullmatch(text):
            return Problem(VALUE_NOT_NUMBER, {"text": raw}, where)
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            return Problem(VALUE_NOT_NUMBER, {"text": raw}, where)
    return Problem(VALUE_NOT_NUMBER, {"text": str(raw)}, where)


def value_problem(
    value: Decimal, min_value: Decimal, max_value: Decimal, step: Decimal, where: Where = HERE
) -> Problem | None:
    """VALUE_RANGE or VALUE_STEP when a criterion does not allow the value; None when it does."""
    if value < min_value or value > max_value:
        return Problem(VALUE_RANGE, {"value": value, "min": min_value, "max": max_value}, where)
    if step > 0 and (value - min_value) % step != 0:
        return Problem(VALUE_STEP, {"value": value, "step": step, "min": min_value}, where)
    return None


# SQLite stores integers in 8 bytes; a larger revision is refused before it reaches the driver.
MAX_REVISION = 2**63 - 1


def revision_problem(revision: object, where: Where = HERE) -> Problem | None:
    if isinstance(revision, bool) or not isinstance(revision, int) or not revision >= 1:
        return Problem(VALUE_REVISION, {"revision": str(revision), "max": MAX_REVISION}, where)
    if revision > MAX_REVISION:
        return Problem(VALUE_REVISION, {"revision": str(revision), "max": MAX_REVISION}, where)
    return None


# ---------------------------------------------------------------------------------------------
# Eligibility: may this juror write this entry's cells in this stage?
# ---------------------------------------------------------------------------------------------


class Eligibility(NamedTuple):
    """What eligibility needs to know, loaded once for a whole batch of cells.

    Jurors, entries and stages are named by any key (database ids, or a workbook's codes).

    ``admitted`` maps each stage after the first to its admitted entries (the first stage admits
    every entry); ``assigned`` maps each stage that has assignments to its (juror, entry) pairs
    (a stage without assignments puts every juror on every admitted entry); ``submitted`` holds
    the (juror, stage) pairs whose scores are submitted.
    """

    first_stage: Hashable | None
    recused: frozenset[tuple[Hashable, Hashable]]
    admitted: Mapping[Hashable, frozenset[Hashable]]
    assigned: Mapping[Hashable, frozenset[tuple[Hashable, Hashable]]]
    submitted: frozenset[tuple[Hashable, Hashable]] = frozenset()


def held_submitted(
    submitted: Container[tuple[Hashable, Hashable]],
    juror_id: Hashable,
    stage_id: Hashable,
    *,
    submitting: bool | None = None,
) -> bool:
    """The submitted-stage lock, the one rule: True when this change may not be taken.

    While ``submitted`` holds (juror, stage), none of the juror's cells in that stage changes --
    not a local edit, a package's row (merge.py) nor a live push (the writer's replicated cells)
    -- and a replicated submission row may not unsubmit it (``submitting=False``); re-submitting
    (``submitting=True``) changes nothing and passes. Only the chair reopens a stage, by a local
    submission cell (services.reopen_stage), which ``submitting=None`` callers never check.
    """
    return (juror_id, stage_id) in submitted and submitting is not True


def eligibility_problem(
    rules: Eligibility,
    juror_id: Hashable,
    entry_id: Hashable,
    stage_id: Hashable,
    names: Mapping[str, str],
    where: Where = HERE,
    *,
    check_submitted: bool = False,
) -> Problem | None:
    """The first reason this juror may not score this entry in this stage; None when they may.

    ``names`` gives the codes to report (juror, entry, stage). ``check_submitted`` adds the
    submitted-stage lock, which binds a local edit (a package carries the juror's own history).
    """
    if (juror_id, entry_id) in rules.recused:
        return Problem(CELL_RECUSED, {"juror": names["juror"], "entry": names["entry"]}, where)
    if stage_id != rules.first_stage and entry_id not in rules.admitted.get(stage_id, ()):
        return Problem(CELL_NOT_ADMITTED, {"entry": names["entry"], "stage": names["stage"]}, where)
    pairs = rules.assigned.get(stage_id)
    if pairs is not None and (juror_id, entry_id) not in pairs:
        return Problem(CELL_NOT_ASSIGNED, dict(names), where)
    if check_submitted and held_submitted(rules.submitted, juror_id, stage_id):
        return Problem(CELL_SUBMITTED, {"juror": names["juror"], "stage": names["stage"]}, where)
    return None


# ---------------------------------------------------------------------------------------------
# Stages and rubrics
# ---------------------------------------------------------------------------------------------


class StageRule(NamedTuple):
    """A stage as the stage rules see it (from the database, the workbook or the setup form)."""

    code: str
    position: int
    weight: Decimal
    scale_min: Decimal
    scale_max: Decimal
    criteria_weights: tuple[Decimal, ...] | None = None  # None: not known to the caller
    cumulative: tuple[tuple[str, Decimal], ...] = ()


def stage_problems(stages: Iterable[StageRule], where: Where = HERE) -> list[Problem]:
    """Every stage rule broken: weights, scales, criteria weights and cumulative blends.

    - each stage's weight is 0 to 100, and the stage weights add up to 100;
    - each stage's scale is not empty, and all stages of weight > 0 share one scale;
    - each stage's criteria weights add up to 100;
    - a cumulative blend names this and earlier stages, each once, each with a weight above 0,
      adding up to 100.
    """
    ordered = sorted(stages, key=lambda s: s.position)
    problems: list[Problem] = []
    for s in ordered:
        if not 0 <= s.weight <= 100:
            problems.append(
                Problem(STAGE_WEIGHT_RANGE, {"stage": s.code, "weight": s.weight}, where)
            )
        if s.scale_min >= s.scale_max:
            params = {"stage": s.code, "min": s.scale_min, "max": s.scale_max}
            problems.append(Problem(STAGE_SCALE, params, where))
        if s.criteria_weights is not None:
            total = sum(s.criteria_weights, Decimal(0))
            if total != 100:
                problems.append(Problem(CRITERIA_WEIGHTS, {"stage": s.code, "total": total}, where))
    if ordered:
        total = sum((s.weight for s in ordered), Decimal(0))
        if total != 100:
            problems.append(Problem(STAGE_WEIGHTS, {"total": total}, where))
    weighted = [s for s in ordered if s.weight > 0]
    for s in weighted[1:]:
        first = weighted[0]
        if (s.scale_min, s.scale_max) != (first.scale_min, first.scale_max):
            params = {
                "stage": s.code,
                "min": s.scale_min,
                "max": s.scale_max,
                "first": first.code,
                "first_min": first.scale_min,
                "first_max": first.scale_max,
            }
            problems.append(Problem(STAGE_SCALES_DIFFER, params, where))
    problems += cumulative_problems(ordered, where)
    return problems


def cumulative_problems(ordered: list[StageRule], where: Where = HERE) -> list[Problem]:
    position = {s.code: s.position for s in ordered}
    problems: list[Problem] = []
    for s in ordered:
        if not s.cumulative:
            continue
        seen: set[str] = set()
        for code, weight in s.cumulative:
            params = {"stage": s.code, "other": code}
            if code not in position:
                problems.append(Problem(CUMULATIVE_UNKNOWN, params, where))
            elif position[code] > s.position:
                problems.append(Problem(CUMULATIVE_LATER, params, where))
            if code in seen:
                problems.append(Problem(CUMULATIVE_TWICE, params, where))
            seen.add(code)
            if weight <= 0:
                problems.append(Problem(CUMULATIVE_WEIGHT, {**params, "weight": weight}, where))
        total = sum((w for _c, w in s.cumulative), Decimal(0))
        if total != 100:
            problems.append(Problem(CUMULATIVE_TOTAL, {"stage": s.code, "total": total}, where))
    return problems


def criterion_range_problem(
    code: str, min_value: Decimal, max_value: Decimal, where: Where = HERE
) -> Problem | None:
    if max_value <= min_value:
        return Problem(
            CRITERION_RANGE, {"criterion": code, "min": min_value, "max": max_value}, where
        )
    return None
