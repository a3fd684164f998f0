"""Services over an open event file: each is one short, committed unit of work.

Every write that can move a score goes through here so that it is validated the same way
everywhere, lands in the audit log, and tells the change bus which entries moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from kolabik_desktop.core.scoring import rules
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
from kolabik_desktop.core.scoring.rules import Problem
from kolabik_desktop.core.store import audit, writer
from kolabik_desktop.core.store.db import EventDB, utc_now
from kolabik_desktop.core.store.dialect import serialized_write
from kolabik_desktop.core.store.models import (
    Assignment,
    Category,
    Conflict,
    Criterion,
    Decision,
    Entry,
    Event,
    Juror,
    Score,
    Stage,
    StageAdmission,
    Submission,
)

# The values' text rules and the engine's input live where reading them needs no SQLAlchemy (the
# read layer's fast path); they are re-exported here for every existing caller.
from kolabik_desktop.core.store.spec_values import (  # noqa: F401
    ScoringInput,
    decimal_text,
    format_cumulative,
    parse_cumulative,
    parse_decimal,
)

# ---------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# Reading: the scoring engine's input
# ---------------------------------------------------------------------------------------------


def load_event_spec(session: Session) -> EventSpec:
    ev = session.scalars(select(Event)).one()
    categories = dict(session.execute(select(Category.id, Category.name)).all())
    entries = tuple(
        EntrySpec(
            id=eid,
            code=code,
            title=title,
            unit=unit,
            category=categories.get(cat_id, "") if cat_id is not None else "",
        )
        for eid, code, title, unit, cat_id in session.execute(
            select(Entry.id, Entry.code, Entry.title, Entry.unit, Entry.category_id).order_by(
                Entry.code
            )
        )
    )
    jurors = tuple(
        JurorSpec(id=jid, code=code, name=name)
        for jid, code, name in session.execute(
            select(Juror.id, Juror.code, Juror.name).order_by(Juror.code)
        )
    )
    stages_rows = session.scalars(select(Stage).order_by(Stage.position, Stage.id)).all()
    criteria_by_stage: dict[int, list[CriterionSpec]] = {}
    for c in session.scalars(select(Criterion).order_by(Criterion.position, Criterion.id)):
        criteria_by_stage.setdefault(c.stage_id, []).append(
            CriterionSpec(
                id=c.id,
                code=c.code,
                name=c.name,
                weight=c.weight,
                min_value=c.min_value,
                max_value=c.max_value,
                step=c.step,
                position=c.position,
            )
        )
    admitted: dict[int, set[int]] = {}
    for stage_id, entry_id in session.execute(
        select(StageAdmission.stage_id, StageAdmission.entry_id)
    ):
        admitted.setdefault(stage_id, set()).add(entry_id)
    assigned: dict[int, set[tuple[int, int]]] = {}
    for stage_id, juror_id, entry_id in session.execute(
        select(Assignment.stage_id, Assignment.juror_id, Assignment.entry_id)
    ):
        assigned.setdefault(stage_id, set()).add((juror_id, entry_id))
    stage_codes = {s.id: s.code for s in stages_rows}
    stages = []
    for i, s in enumerate(stages_rows):
        stages.append(
            StageSpec(
                id=s.id,
                code=s.code,
                name=s.name,
                position=s.position,
                weight=s.weight,
                method=s.method,
                criteria=tuple(criteria_by_stage.get(s.id, ())),
                band=s.band,
                scale_min=s.scale_min,
                scale_max=s.scale_max,
                # The first stage admits every entry (workbook 'Lolos' rule).
                admitted=None if i == 0 else frozenset(admitted.get(s.id, ())),
                assignments=frozenset(assigned[s.id]) if s.id in assigned else None,
                cumulative=parse_cumulative(s.cumulative) if s.cumulative else (),
            )
        )
    conflicts = frozenset(session.execute(select(Conflict.juror_id, Conflict.entry_id)).all())
    decisions = tuple(
        JuryDecision(
            stage_code=stage_codes[stage_id] if stage_id is not None else FINAL,
            entry_id=entry_id,
            rank=rank,
            reason=reason,
        )
        for stage_id, entry_id, rank, reason in session.execute(
            select(Decision.stage_id, Decision.entry_id, Decision.rank, Decision.reason)
        )
    )
    return EventSpec(
        stages=tuple(stages),
        entries=entries,
        jurors=jurors,
        conflicts=conflicts,
        precision=ev.precision,
        tiebreak=TIEBREAK_NONE if ev.tiebreak == "none" else TIEBREAK_STANDARD,
        round_stage_scores=ev.round_stage_scores,
        decisions=decisions,
    )


def load_values(session: Session) -> dict[tuple[int, int, int], Decimal]:
    # Core rows (no ORM row processing) with the value as its stored text, and one Decimal per
    # distinct text (scores repeat): about 3x faster than ORM tuples for 100k+ scores.
    table = Score.__table__.c
    rows = session.connection().execute(
        select(
            table.juror_id, table.entry_id, table.criterion_id, type_coerce(table.value, String)
        ).where(table.value.is_not(None))
    )
    decimals: dict[str, Decimal] = {}
    values: dict[tuple[int, int, int], Decimal] = {}
    for j, e, c, text in rows:
        value = decimals.get(text)
        if value is None:
            value = decimals[text] = Decimal(text)
        values[(j, e, c)] = value
    return values


def load_scoring_input(db: EventDB) -> ScoringInput:
    with db.session() as s:
        return ScoringInput(event=load_event_spec(s), values=load_values(s))


# ---------------------------------------------------------------------------------------------
# Writing scores
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreState:
    value: Decimal | None
    note: str
    revision: int
    updated_at: str


def first_stage_id(session: Session) -> int | None:
    """The stage every entry is admitted to without an admission row."""
    return session.scalar(select(Stage.id).order_by(Stage.position, Stage.id).limit(1))


def check_can_score(session: Session, juror_id: int, entry_id: int, stage: Stage) -> None:
    """Raise ValidationError when this juror may not score this entry in this stage now."""
    problems = writer.check_cells(session, [writer.CommentCell(juror_id, entry_id, stage.id, "")])
    if problems:
        raise writer.CellsRefused(problems)


@serialized_write
def set_score(
    db: EventDB,
    *,
    juror_id: int,
    entry_id: int,
    criterion_id: int,
    value: Decimal | None,
    note: str | None = None,
    actor: str = "",
    source: str = "local",
) -> ScoreState:
    """Set (or clear, with value None) one cell and its note, in its own committed transaction.

    ``note=None`` keeps the existing note. Returns the new state; raises ValidationError
    (writer.CellsRefused, with the structured problems; nothing changed) for a value out of
    range or off step, a recused or unassigned juror, a submitted stage or an over-long note.
    """
    cell = writer.ScoreCell(juror_id, entry_id, criterion_id, value, note)
    result = writer.write_cells(db, [cell], actor=actor, source=source, states=True)
    state = result.states[(juror_id, entry_id, criterion_id)]
    return ScoreState(state.value, state.note, state.revision, state.updated_at)


@serialized_write
def set_comment(
    db: EventDB,
    *,
    juror_id: int,
    entry_id: int,
    stage_id: int,
    text: str,
    actor: str = "",
    source: str = "local",
) -> None:
    """A juror's overall comment on an entry in a stage, committed at once."""
    cell = writer.CommentCell(juror_id, entry_id, stage_id, text)
    writer.write_cells(db, [cell], actor=actor, source=source)


@serialized_write
def set_submitted(
    db: EventDB,
    *,
    juror_id: int,
    stage_id: int,
    submitted: bool,
    actor: str = "",
    source: str = "local",
) -> None:
    """Submit (lock) or reopen a juror's scores for a stage; both go into the audit log."""
    cell = writer.SubmissionCell(juror_id, stage_id, submitted)
    writer.write_cells(db, [cell], actor=actor, source=source)


# Who the audit log names for a local edit in the chair's event (a chair's entry): the writer
# defaults to it (writer.local_actor); proof.py counts such cells as the chair's.
CHAIR_ACTOR = writer.CHAIR


def reopen_stage(db: EventDB, *, juror_code: str, stage_code: str) -> None:
    """The chair reopens a stage a juror submitted: the juror's next package may change it.

    A chair's act in the chair's event, audited as stage.reopen by the chair; ``update-kit``
    carries it to the juror's kit. Refuses a stage that is not submitted.
    """
    if db.kind != "event":
        raise writer.CellsRefused([Problem(rules.REOPEN_NOT_CHAIR, {})])
    with db.session() as s:
        juror = s.scalars(select(Juror).where(Juror.code == juror_code)).first()
        stage = s.scalars(select(Stage).where(Stage.code == stage_code)).first()
        problems = []
        if juror is None:
            problems.append(Problem(rules.CELL_UNKNOWN_JUROR, {"juror": juror_code}))
        if stage is None:
            problems.append(Problem(rules.CELL_UNKNOWN_STAGE, {"stage": stage_code}))
        if juror is None or stage is None:
            raise writer.CellsRefused(problems)
        row = s.get(Submission, (juror.id, stage.id))
        if row is None or not row.submitted:
            params = {"juror": juror_code, "stage": stage_code}
            raise writer.CellsRefused([Problem(rules.REOPEN_NOT_SUBMITTED, params)])
        juror_id, stage_id = juror.id, stage.id
    set_submitted(db, juror_id=juror_id, stage_id=stage_id, submitted=False, actor=CHAIR_ACTOR)


def audit_rubric_change(
    session: Session, *, actor: str, action: str, subject: object, old: object, new: object
) -> None:
    """Record a rubric/setup change in the caller's transaction (the caller notifies)."""
    audit.append(
        session,
        at=utc_now(),
        actor=actor,
        action=action,
        source="local",
        subject=subject,
        old=old,
        new=new,
    )
