"""`kolabik check`: is an event file sound? Every problem found, as a sentence a chair can act on.

Checks the database itself (dialect.database_problems), the scores against the rules
(range and step, recused jurors), each stage's criteria weights (adding to 100), the event
settings the scoring engine needs (scales, bands, cumulative weights, decisions), and the
hash chain of the audit log.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.engine import validate_event
from kolabik_desktop.core.scoring.problem_text import problem_message
from kolabik_desktop.core.store import audit, dialect
from kolabik_desktop.core.store.db import EventDB
from kolabik_desktop.core.store.models import (
    Conflict,
    Criterion,
    Entry,
    Juror,
    Score,
    Stage,
)
from kolabik_desktop.core.store.services import decimal_text, load_event_spec


def check_event(db: EventDB) -> list[str]:
    """Every problem found in the open event file; an empty list when it is sound."""
    problems = _check_database(db)
    if problems:
        return problems  # a damaged file's rows cannot be trusted for the checks below
    with db.session() as s:
        problems += _check_scores(s)
        problems += _check_weights(s)
        problems += validate_event(load_event_spec(s))
        problems += audit.verify_chain(s)
    return problems


def _check_database(db: EventDB) -> list[str]:
    problems: list[str] = []
    try:
        with db.engine.connect() as conn:
            problems += dialect.database_problems(conn)
    except DatabaseError as exc:
        problems.append(f"database: the file is damaged ({exc.orig})")
    return problems


def _check_scores(s: Session) -> list[str]:
    problems: list[str] = []
    recused = set(s.execute(select(Conflict.juror_id, Conflict.entry_id)).all())
    rows = s.execute(
        select(
            Score.juror_id,
            Score.entry_id,
            Juror.code,
            Entry.code,
            Stage.code,
            Criterion.code,
            Score.value,
            Criterion.min_value,
            Criterion.max_value,
            Criterion.step,
        )
        .join(Juror, Juror.id == Score.juror_id)
        .join(Entry, Entry.id == Score.entry_id)
        .join(Criterion, Criterion.id == Score.criterion_id)
        .join(Stage, Stage.id == Criterion.stage_id)
        .where(Score.value.is_not(None))
        .order_by(Stage.position, Juror.code, Entry.code, Criterion.position)
    )
    for juror_id, entry_id, juror, entry, stage, criterion, value, lo, hi, step in rows:
        where = f"score of juror {juror} for entry {entry} on {stage}/{criterion}"
        problem = rules.value_problem(value, lo, hi, step) if value is not None else None
        if problem:
            problems.append(f"{where}: {problem_message(problem)}")
        if (juror_id, entry_id) in recused:
            problems.append(f"{where}: the juror is recused from this entry (conflict of interest)")
    return problems


def _check_weights(s: Session) -> list[str]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for stage in s.scalars(select(Stage.code).order_by(Stage.position)):
        totals[stage] = Decimal(0)
    for stage, weight in s.execute(
        select(Stage.code, Criterion.weight).join(Criterion, Criterion.stage_id == Stage.id)
    ):
        totals[stage] += weight
    problems = [
        f"stage {stage}: the criteria weights add up to {decimal_text(total)}, not 100"
        for stage, total in totals.items()
        if total != 100
    ]
    stages = [
        rules.StageRule(code, position, weight, lo, hi)
        for code, position, weight, lo, hi in s.execute(
            select(Stage.code, Stage.position, Stage.weight, Stage.scale_min, Stage.scale_max)
        )
    ]
    problems += [
        problem_message(p) for p in rules.stage_problems(stages) if p.code == rules.STAGE_WEIGHTS
    ]
    return problems
