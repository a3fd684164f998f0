"""Setup services for the chair: event details, stages, rubrics, people, assignments, advancing.

Each service is one short committed unit of work over an open ``EventDB``: it validates its input
(raising ``ValidationError`` with a message naming what is wrong, and changing nothing), writes,
records an audit row, and after the commit tells the change bus what moved. Rubric and stage
changes are also checked by the scoring engine's ``event_problems`` before they are committed.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import KolabikError, ValidationError
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.engine import Scorer, event_problems
from kolabik_desktop.core.scoring.model import FINAL, METHODS, CriterionSpec, Shortlist
from kolabik_desktop.core.store.db import Change, EventDB
from kolabik_desktop.core.store.models import (
    Assignment,
    Attachment,
    Base,
    Category,
    Conflict,
    Criterion,
    Decision,
    Entry,
    Event,
    Juror,
    Score,
    Setting,
    Stage,
    StageAdmission,
)
from kolabik_desktop.core.store.queries.entries import provenance_key
from kolabik_desktop.core.store.queries.presentation import (
    ORDER_KEY,
    parse_order,
    parse_slot_parts,
    slot_parts_json,
)
from kolabik_desktop.core.store.services import (
    audit_rubric_change,
    decimal_text,
    first_stage_id,
    format_cumulative,
    load_event_spec,
    load_values,
    parse_cumulative,
    parse_decimal,
)
from kolabik_desktop.core.store.settings import get_setting, put_setting

CHAIR = "chair"
TIEBREAKS = ("standard", "none")
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,39}$")
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
MAX_LOGO_BYTES = 2 * 1024 * 1024
IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}

ASSIGN_ALL = "all"
ASSIGN_CATEGORY = "category"
ASSIGN_ENTRY = "entry"
ASSIGN_MODES = (ASSIGN_ALL, ASSIGN_CATEGORY, ASSIGN_ENTRY)
# Per-category assignments are re-expanded when entries change, so the rule is kept per stage.
_ASSIGN_SETTING = "setup.assignment.{stage_id}"
# Printed in the reports' signature blocks (place and date, the chair's name) instead of dots.
SETTING_REPORT_PLACE = "report.place"
SETTING_REPORT_CHAIR = "report.chair"

_Row = TypeVar("_Row", bound=Base)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _check_chair(db: EventDB) -> None:
    if db.kind != "event":
        raise ValidationError.coded(ec.SETUP_NOT_CHAIR)


def _subject(subject: str, /, **params: Any) -> rules.Problem:
    """What a refusal is about (``codes.SUBJECT_*``), worded in the reader's language."""
    return rules.Problem(subject, params)


def _check_code(what: rules.Problem, code: str) -> None:
    if not code:
        raise ValidationError.coded(ec.FIELD_CODE_EMPTY, what=what)
    if not CODE_PATTERN.match(code):
        raise ValidationError.coded(ec.FIELD_CODE_PATTERN, what=what, code=code)


def _check_text(what: rules.Problem, text: str, kind: str) -> None:
    """Not empty, and within the stated maximum of its kind (rules.TEXT_LIMITS)."""
    if not text.strip():
        raise ValidationError.coded(ec.FIELD_EMPTY, what=what)
    _check_limit(what, text, kind)


def _check_limit(what: rules.Problem, text: str, kind: str) -> None:
    found = rules.text_problem(kind, text)
    if found is not None:
        raise ValidationError.coded(ec.FIELD_TOO_LONG, what=what, **found.params)


def _number(what: rules.Problem, value: object) -> Decimal:
    d = parse_decimal(value)
    if d is None:
        raise ValidationError.coded(ec.FIELD_NOT_NUMBER, what=what, text=str(value))
    return d


_ROW_SUBJECTS = {
    "Stage": ec.SUBJECT_STAGE,
    "Category": ec.SUBJECT_CATEGORY,
    "Entry": ec.SUBJECT_ENTRY,
    "Juror": ec.SUBJECT_JUROR,
    "Attachment": ec.SUBJECT_ATTACHMENT,
    "Decision": ec.SUBJECT_DECISION,
}


def _get_row(session: Session, model: type[_Row], row_id: int) -> _Row:
    """The row, or a ValidationError naming it when another window deleted it meanwhile."""
    row = session.get(model, row_id)
    if row is None:
        what = _subject(_ROW_SUBJECTS[model.__name__])
        raise ValidationError.coded(ec.ROW_GONE, what=what, id=row_id)
    return row


def _taken(
    session: Session,
    id_column: InstrumentedAttribute[int],
    column: InstrumentedAttribute[str],
    value: str,
    row_id: int | None,
) -> bool:
    """Whether a row other than row_id already has this code or name (case does not count)."""
    other = session.scalar(
        select(id_column).where(func.lower(column) == value.lower(), id_column != (row_id or -1))
    )
    return other is not None


def _count_scores(session: Session, *conditions: ColumnElement[bool]) -> int:
    """How many given (non-empty) scores match the conditions."""
    query = select(func.count(Score.id)).where(Score.value.is_not(None), *conditions)
    return session.scalar(query) or 0


def _stage_scores(session: Session, stage_id: int) -> int:
    stage_criteria = select(Criterion.id).where(Criterion.stage_id == stage_id)
    return _count_scores(session, Score.criterion_id.in_(stage_criteria))


def _engine_check(session: Session, what: rules.Problem) -> None:
    """Refuse (before commit) anything the scoring engine would not accept."""
    session.flush()
    spec = load_event_spec(session)
    # A stage whose rubric is not written yet is not an error of the change being checked.
    placeholder = CriterionSpec(0, "-", "-", Decimal(1), Decimal(0), Decimal(1), Decimal(1), 0)
    spec = spec._replace(
        stages=tuple(
            st if st.criteria else st._replace(criteria=(placeholder,)) for st in spec.stages
        ),
    )
    problems = event_problems(spec)
    if problems:
        raise ValidationError.coded(ec.SETUP_ENGINE, what=what, detail=tuple(problems))


# ---------------------------------------------------------------------------------------------
# Event details
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventDetails:
    name: str
    year: int | None = None
    organiser: str = ""
    precision: int = 2
    tiebreak: str = "standard"  # "standard" (scoring.md 4) or "none" (ties share a rank)
    round_stage_scores: bool = False
    logo: bytes | None = None
    report_place: str = ""  # e.g. "Surabaya", printed before the date on signature blocks
    report_chair: str = ""  # the chair's name under the chair's signature line


def get_event_details(db: EventDB) -> EventDetails:
    with db.session() as s:
        ev = s.scalars(select(Event)).one()
        return EventDetails(
            name=ev.name,
            year=ev.year,
            organiser=ev.organiser,
            precision=ev.precision,
            tiebreak=ev.tiebreak,
            round_stage_scores=ev.round_stage_scores,
            logo=ev.logo,
            report_place=get_setting(s, SETTING_REPORT_PLACE),
            report_chair=get_setting(s, SETTING_REPORT_CHAIR),
        )


def image_kind(data: bytes) -> str | None:
    """'PNG' or 'JPEG' when the bytes start like one, else None."""
    for magic, kind in IMAGE_MAGIC.items():
        if data.startswith(magic):
            return kind
    return None


def update_event_details(db: EventDB, details: EventDetails, *, actor: str = CHAIR) -> None:
    _check_chair(db)
    _check_text(_subject(ec.SUBJECT_EVENT_NAME), details.name, "event_name")
    _check_limit(_subject(ec.SUBJECT_ORGANISER), details.organiser, "organiser")
    _check_limit(_subject(ec.SUBJECT_PLACE), details.report_place, "place")
    _check_limit(_subject(ec.SUBJECT_CHAIR), details.report_chair, "chair")
    if details.year is not None and not 1900 <= details.year <= 2200:
        raise ValidationError.coded(ec.EVENT_YEAR, year=details.year)
    if not 0 <= details.precision <= 6:
        raise ValidationError.coded(ec.EVENT_PRECISION, precision=details.precision)
    if details.tiebreak not in TIEBREAKS:
        raise ValidationError.coded(ec.EVENT_TIEBREAK, tiebreak=details.tiebreak)
    if details.logo is not None:
        if len(details.logo) > MAX_LOGO_BYTES:
            raise ValidationError.coded(ec.EVENT_LOGO_SIZE)
        if image_kind(details.logo) is None:
            raise ValidationError.coded(ec.EVENT_LOGO_KIND)
    with db.session() as s:
        ev = s.scalars(select(Event)).one()
        old = _event_audit(ev)
        ev.name = details.name.strip()
        ev.year = details.year
        ev.organiser = details.organiser.strip()
        ev.precision = details.precision
        ev.tiebreak = details.tiebreak
        ev.round_stage_scores = details.round_stage_scores
        ev.logo = details.logo
        old["report_place"] = get_setting(s, SETTING_REPORT_PLACE)
        old["report_chair"] = get_setting(s, SETTING_REPORT_CHAIR)
        put_setting(s, SETTING_REPORT_PLACE, details.report_place.strip())
        put_setting(s, SETTING_REPORT_CHAIR, details.report_chair.strip())
        new = _event_audit(ev)
        new["report_place"] = details.report_place.strip()
        new["report_chair"] = details.report_chair.strip()
        if old == new:
            return
        audit_rubric_change(
            s, actor=actor, action="event.update", subject={"event": ev.uid}, old=old, new=new
        )
    db.notify(Change("event"))


def _event_audit(ev: Event) -> dict[str, Any]:
    return {
        "name": ev.name,
        "year": ev.year,
        "organiser": ev.organiser,
        "precision": ev.precision,
        "tiebreak": ev.tiebreak,
        "round_stage_scores": ev.round_stage_scores,
        "logo_sha256": hashlib.sha256(ev.logo).hexdigest() if ev.logo else None,
    }


# ---------------------------------------------------------------------------------------------
# Stages
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StageData:
    code: str
    name: str
    weight: Decimal = Decimal(0)
    method: str = "mean"
    band: Decimal | None = None  # L, for method "banded"
    scale_min: Decimal = Decimal(0)
    scale_max: Decimal = Decimal(100)
    cumulative: str = ""  # e.g. "S1:30 S2:70"
    slot_parts: str = ""  # JSON: [{"name": "Video", "minutes": 3}, ...]


@dataclass(frozen=True)
class StageRow:
    id: int
    position: int
    data: StageData
    criteria: int
    scores: int  # values given in this stage


def list_stages(db: EventDB) -> list[StageRow]:
    with db.session() as s:
        return [
            StageRow(
                id=st.id,
                position=st.position,
                data=_stage_data(st),
                criteria=len(st.criteria),
                scores=_stage_scores(s, st.id),
            )
            for st in s.scalars(select(Stage).order_by(Stage.position, Stage.id))
        ]


def _stage_data(st: Stage) -> StageData:
    return StageData(
        code=st.code,
        name=st.name,
        weight=st.weight,
        method=st.method,
        band=st.band,
        scale_min=st.scale_min,
        scale_max=st.scale_max,
        cumulative=st.cumulative,
        slot_parts=st.slot_parts,
    )


def _stage_audit(data: StageData) -> dict[str, Any]:
    d = asdict(data)
    for key in ("weight", "band", "scale_min", "scale_max"):
        d[key] = decimal_text(d[key])
    return d


def normalise_slot_parts(text: str) -> str:
    """Validate presentation slot parts ('Video 3; Paparan 7' or JSON); return canonical JSON."""
    if not text.strip():
        return ""
    if not text.lstrip().startswith("["):
        # The workbook module loads openpyxl: imported when used, not by everything that
        # imports setup (the window's first entry, through awards).
        from kolabik_desktop.core.exchange.workbook import slots_from_text

        parts_json, problem = slots_from_text(text)
        if problem is not None and problem.code != ec.SLOTS_PART:
            raise ValidationError.coded(problem.code, **problem.params)  # the slot rule's own
        if problem is not None:
            raise ValidationError.coded(ec.SLOTS_TEXT, detail=problem)
        text = parts_json
    return slot_parts_json(parse_slot_parts(text))


def _clean_stage(data: StageData) -> StageData:
    code = data.code.strip()
    _check_code(_subject(ec.SUBJECT_STAGE), code)
    _check_text(_subject(ec.SUBJECT_STAGE_NAME, stage=code), data.name, "stage_name")
    if not 0 <= data.weight <= 100:
        raise ValidationError.coded(ec.STAGE_WEIGHT, stage=code, weight=data.weight)
    if data.method not in METHODS:
        raise ValidationError.coded(
            ec.STAGE_METHOD, stage=code, method=data.method, methods=", ".join(METHODS)
        )
    band = data.band
    if data.method == "banded":
        if band is None:
            raise ValidationError.coded(ec.STAGE_BAND_MISSING, stage=code)
        if band <= 0:
            raise ValidationError.coded(ec.STAGE_BAND, stage=code, band=band)
    else:
        band = None  # L means nothing to the other methods
    if data.scale_min >= data.scale_max:
        raise ValidationError.coded(
            ec.STAGE_SCALE_ORDER, stage=code, min=data.scale_min, max=data.scale_max
        )
    try:
        parse_cumulative(data.cumulative)
    except ValueError as exc:
        raise ValidationError.coded(ec.STAGE_CUMULATIVE_TEXT, stage=code, detail=str(exc)) from None
    try:
        slot_parts = normalise_slot_parts(data.slot_parts)
    except ValidationError as exc:
        cause = exc.problem or rules.Problem(ec.SLOTS_TEXT, {"detail": str(exc)})
        raise ValidationError.coded(ec.SLOTS_OF_STAGE, stage=code, problem=cause) from None
    return replace(
        data,
        code=code,
        name=data.name.strip(),
        band=band,
        cumulative=" ".join(data.cumulative.split()),
        slot_parts=slot_parts,
    )


def _check_stages_together(session: Session) -> None:
    """Rules over all stages: cumulative blends and shared scales (scoring.md 1 and 3)."""
    session.flush()
    stages = session.scalars(select(Stage).order_by(Stage.position, Stage.id)).all()
    seen: list[str] = []
    for st in stages:
        seen.append(st.code)
        if not st.cumulative:
            continue
        parts = parse_cumulative(st.cumulative)
        stage_codes = [c for c, _w in parts]
        for c, w in parts:
            if c not in seen:
                later = any(other.code == c for other in stages)
                code = rules.CUMULATIVE_LATER if later else rules.CUMULATIVE_UNKNOWN
                raise ValidationError.coded(code, stage=st.code, other=c)
            if w <= 0:
                raise ValidationError.coded(
                    rules.CUMULATIVE_WEIGHT, stage=st.code, other=c, weight=w
                )
        twice = next((c for c in stage_codes if stage_codes.count(c) > 1), None)
        if twice is not None:
            raise ValidationError.coded(rules.CUMULATIVE_TWICE, stage=st.code, other=twice)
        total = sum((w for _c, w in parts), Decimal(0))
        if total != 100:
            raise ValidationError.coded(rules.CUMULATIVE_TOTAL, stage=st.code, total=total)
    weighted = [st for st in stages if st.weight > 0]
    scales = {(st.scale_min, st.scale_max) for st in weighted}
    if len(scales) > 1:
        described = ", ".join(
            f"{st.code} {decimal_text(st.scale_min)}–{decimal_text(st.scale_max)}"
            for st in weighted
        )
        raise ValidationError.coded(ec.STAGE_SHARE_SCALE, scales=described)
    # Stage weights add up to 100 (rules.STAGE_WEIGHTS). While stages are being added one at a
    # time the total is below 100, so setup refuses only a total above it; `kolabik check`,
    # the leaderboard title and the workbook import hold the full rule.
    total = sum((st.weight for st in stages), Decimal(0))
    if total > 100:
        raise ValidationError.coded(rules.STAGE_WEIGHTS, total=total)


def add_stage(db: EventDB, data: StageData, *, actor: str = CHAIR) -> int:
    _check_chair(db)
    clean = _clean_stage(data)
    with db.session() as s:
        if s.scalar(select(Stage.id).where(Stage.code == clean.code)) is not None:
            raise ValidationError.coded(ec.STAGE_EXISTS, stage=clean.code)
        last = s.scalar(select(func.max(Stage.position))) or 0
        st = Stage(position=last + 1, **_stage_columns(clean))
        s.add(st)
        _check_stages_together(s)
        _engine_check(s, _subject(ec.SUBJECT_STAGE_CODE, stage=clean.code))
        audit_rubric_change(
            s,
            actor=actor,
            action="stage.add",
            subject={"stage": clean.code},
            old=None,
            new=_stage_audit(clean),
        )
        stage_id = st.id
    db.notify(Change("rubric"))
    return stage_id


def _stage_columns(data: StageData) -> dict[str, Any]:
    return {
        "code": data.code,
        "name": data.name,
        "weight": data.weight,
        "method": data.method,
        "band": data.band,
        "scale_min": data.scale_min,
        "scale_max": data.scale_max,
        "cumulative": data.cumulative,
        "slot_parts": data.slot_parts,
    }


def update_stage(db: EventDB, stage_id: int, data: StageData, *, actor: str = CHAIR) -> None:
    _check_chair(db)
    clean = _clean_stage(data)
    with db.session() as s:
        st = _get_row(s, Stage, stage_id)
        old = _stage_data(st)
        if old == clean:
            return
        clash = s.scalar(select(Stage.id).where(Stage.code == clean.code, Stage.id != stage_id))
        if clash is not None:
            raise ValidationError.coded(ec.STAGE_EXISTS, stage=clean.code)
        if old.code != clean.code:
            _rename_in_cumulatives(s, old.code, clean.code)
            _move_presentation_order(s, old.code, clean.code)
        for key, value in _stage_columns(clean).items():
            setattr(st, key, value)
        _check_stages_together(s)
        _engine_check(s, _subject(ec.SUBJECT_STAGE_CODE, stage=clean.code))
        audit_rubric_change(
            s,
            actor=actor,
            action="stage.update",
            subject={"stage": old.code},
            old=_stage_audit(old),
            new=_stage_audit(clean),
        )
    db.notify(Change("rubric"))


def _rename_in_cumulatives(session: Session, old_code: str, new_code: str) -> None:
    """Renaming a stage keeps the other stages' blends pointing at it."""
    for other in session.scalars(select(Stage).where(Stage.cumulative != "")):
        parts = parse_cumulative(other.cumulative)
        if any(c == old_code for c, _w in parts):
            other.cumulative = format_cumulative(
                (new_code if c == old_code else c, w) for c, w in parts
            )


def _move_presentation_order(session: Session, old_code: str, new_code: str | None) -> None:
    """The running order is kept under the stage's code: it follows a renamed stage, and goes
    with a deleted one (a later stage given that code starts without it)."""
    old_key = ORDER_KEY.format(stage=old_code)
    order = get_setting(session, old_key)
    put_setting(session, old_key, "")
    if new_code is not None:
        put_setting(session, ORDER_KEY.format(stage=new_code), order)


def delete_stage(
    db: EventDB, stage_id: int, *, allow_deleting_scores: bool = False, actor: str = CHAIR
) -> int:
    """Delete a stage with its rubric; returns how many scores went with it."""
    _check_chair(db)
    with db.session() as s:
        st = _get_row(s, Stage, stage_id)
        scores = _stage_scores(s, stage_id)
        if scores and not allow_deleting_scores:
            raise ValidationError.coded(ec.STAGE_HAS_SCORES, stage=st.code, scores=scores)
        users = [
            o.code
            for o in s.scalars(select(Stage).where(Stage.id != stage_id, Stage.cumulative != ""))
            if any(c == st.code for c, _w in parse_cumulative(o.cumulative))
        ]
        if users:
            raise ValidationError.coded(
                ec.STAGE_USED_IN_CUMULATIVE, stage=st.code, users=", ".join(users)
            )
        old = _stage_audit(_stage_data(st))
        code = st.code
        s.delete(st)
        _move_presentation_order(s, code, None)
        _check_stages_together(s)
        audit_rubric_change(
            s,
            actor=actor,
            action="stage.delete",
            subject={"stage": code},
            old=old,
            new={"scores_deleted": scores},
        )
    db.notify(Change("rubric"))
    return scores


def move_stage(db: EventDB, stage_id: int, offset: int, *, actor: str = CHAIR) -> None:
    """Move a stage earlier (offset -1) or later (+1) in the event's order."""
    _check_chair(db)
    with db.session() as s:
        stages = list(s.scalars(select(Stage).order_by(Stage.position, Stage.id)))
        index = next((i for i, st in enumerate(stages) if st.id == stage_id), None)
        if index is None:
            raise ValidationError.coded(ec.ROW_GONE, what=_subject(ec.SUBJECT_STAGE), id=stage_id)
        target = index + offset
        if not 0 <= target < len(stages) or offset == 0:
            return
        old_order = [st.code for st in stages]
        stages.insert(target, stages.pop(index))
        for pos, st in enumerate(stages, 1):
            st.position = pos
        _check_stages_together(s)
        _engine_check(s, _subject(ec.SUBJECT_STAGE_ORDER))
        audit_rubric_change(
            s,
            actor=actor,
            action="stage.reorder",
            subject={"stage": stages[target].code},
            old=old_order,
            new=[st.code for st in stages],
        )
    db.notify(Change("rubric"))


# ---------------------------------------------------------------------------------------------
# The presentation schedule (the session's running order and slot, ui/presentation.py)
# ---------------------------------------------------------------------------------------------


def set_presentation_order(
    db: EventDB, stage_code: str, entry_ids: Sequence[int], *, actor: str = CHAIR
) -> None:
    """The running order of a stage's finalists, as entry ids (the first presents first).

    Audited as "presentation.order" with the entries' codes before and after, announced as a
    "presentation" change. Nothing is written when the order is the saved one.
    """
    _check_chair(db)
    ids = list(entry_ids)
    if any(not isinstance(i, int) or isinstance(i, bool) for i in ids):
        raise ValidationError.coded(ec.ORDER_IDS_ONLY, stage=stage_code)
    if len(set(ids)) != len(ids):
        raise ValidationError.coded(ec.ORDER_TWICE, stage=stage_code)
    key = ORDER_KEY.format(stage=stage_code)
    with db.session() as s:
        if s.scalar(select(Stage.id).where(Stage.code == stage_code)) is None:
            raise ValidationError.coded(ec.STAGE_GONE, stage=stage_code)
        saved = get_setting(s, key)
        old_ids = list(parse_order(saved))
        wanted = Entry.id.in_(set(ids) | set(old_ids))
        codes = {eid: code for eid, code in s.execute(select(Entry.id, Entry.code).where(wanted))}
        unknown = [i for i in ids if i not in codes]
        if unknown:
            raise ValidationError.coded(ec.ORDER_ENTRY_GONE, stage=stage_code, id=unknown[0])
        if saved and ids == old_ids:
            return
        put_setting(s, key, json.dumps(ids))
        audit_rubric_change(
            s,
            actor=actor,
            action="presentation.order",
            subject={"stage": stage_code},
            old=[codes[i] for i in old_ids if i in codes] if saved else None,
            new=[codes[i] for i in ids],
        )
    db.notify(Change("presentation"))


def set_slot_parts(
    db: EventDB, stage_code: str, parts: Sequence[tuple[str, float]], *, actor: str = CHAIR
) -> None:
    """A stage's presentation slot: its named parts and their minutes, in order.

    A change of the stage (audited as "stage.update" like any other, checked by ``update_stage``
    and ``normalise_slot_parts``); raises ValidationError naming what is wrong.
    """
    _check_chair(db)
    if not parts:
        raise ValidationError.coded(ec.SLOTS_EMPTY, stage=stage_code)
    payload = json.dumps(
        [{"name": name, "minutes": minutes} for name, minutes in parts], ensure_ascii=False
    )
    with db.session() as s:
        st = s.scalars(select(Stage).where(Stage.code == stage_code)).one_or_none()
        if st is None:
            raise ValidationError.coded(ec.STAGE_GONE, stage=stage_code)
        stage_id, data = st.id, _stage_data(st)
    update_stage(db, stage_id, replace(data, slot_parts=payload), actor=actor)


# ---------------------------------------------------------------------------------------------
# Rubric
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionData:
    code: str
    name: str
    weight: Decimal
    min_value: Decimal = Decimal(0)
    max_value: Decimal = Decimal(100)
    step: Decimal = Decimal(1)
    description: str = ""
    descriptors: str = ""  # JSON: [{"value": 60, "text": "..."}]
    id: int | None = None  # an existing criterion kept by the edit (its scores stay)


@dataclass(frozen=True)
class RubricImpact:
    """What saving a rubric does to the scores already given in its stage."""

    touched: int  # scores whose stage totals are recomputed (0 for wording-only changes)
    deleted: int  # of those, scores on removed criteria, deleted with them
    changed: bool  # anything at all differs


def get_rubric(db: EventDB, stage_id: int) -> list[CriterionData]:
    with db.session() as s:
        _get_row(s, Stage, stage_id)
        return [
            _criterion_data(c)
            for c in s.scalars(
                select(Criterion)
                .where(Criterion.stage_id == stage_id)
                .order_by(Criterion.position, Criterion.id)
            )
        ]


def _criterion_data(c: Criterion) -> CriterionData:
    return CriterionData(
        id=c.id,
        code=c.code,
        name=c.name,
        weight=c.weight,
        min_value=c.min_value,
        max_value=c.max_value,
        step=c.step,
        description=c.description,
        descriptors=c.descriptors,
    )


def weight_sum(criteria: Iterable[CriterionData]) -> Decimal:
    return sum((c.weight for c in criteria), Decimal(0))


def parse_descriptor_lines(text: str) -> str:
    """'60: Cukup' lines -> descriptor JSON; raises ValidationError naming the bad line."""
    items = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        value_text, sep, label = line.partition(":")
        value = parse_decimal(value_text)
        if not sep or value is None or not label.strip():
            raise ValidationError.coded(ec.DESCRIPTOR_LINE, n=n, line=line.strip())
        items.append({"value": decimal_text(value), "text": label.strip()})
    return _descriptor_json(items) if items else ""


def descriptor_lines(descriptors: str) -> str:
    """Descriptor JSON as editable 'VALUE: text' lines."""
    if not descriptors:
        return ""
    return "\n".join(
        f"{decimal_text(parse_decimal(d['value']))}: {d['text']}" for d in _descriptors(descriptors)
    )


def _lines_or_empty(descriptors: str) -> str:
    """The descriptors as lines, for their length; "" when the JSON is bad (reported apart)."""
    try:
        return descriptor_lines(descriptors)
    except (ValueError, AttributeError, TypeError, KeyError):
        return ""


def _descriptors(text: str) -> list[dict[str, Any]]:
    items = json.loads(text)
    if not isinstance(items, list):
        raise ValueError("not a list")
    return items


def _descriptor_json(items: list[dict[str, Any]]) -> str:
    return json.dumps(
        [{"value": float(Decimal(str(i["value"]))), "text": i["text"]} for i in items],
        ensure_ascii=False,
    )


def rubric_problems(criteria: Sequence[CriterionData]) -> list[rules.Problem]:
    """Everything wrong with a rubric as edited (empty when it may be saved), as coded problems."""
    problems: list[rules.Problem] = []

    def add(code: str, what: rules.Problem, **params: Any) -> None:
        problems.append(rules.Problem(code, {"what": what, **params}))

    seen: set[str] = set()
    for n, c in enumerate(criteria, 1):
        if c.code:
            where = _subject(ec.SUBJECT_CRITERION_N, n=n, code=c.code)
        else:
            where = _subject(ec.SUBJECT_CRITERION_N_NO_CODE, n=n)
        code = c.code.strip()
        if not code:
            add(ec.FIELD_CODE_EMPTY, where)
        elif not CODE_PATTERN.match(code):
            add(ec.RUBRIC_CODE_CHARS, where)
        elif code.upper() in seen:
            add(ec.RUBRIC_CODE_TWICE, where)
        seen.add(code.upper())
        if not c.name.strip():
            add(ec.RUBRIC_NAME_EMPTY, where)
        for kind, text in (
            ("criterion_name", c.name),
            ("criterion_description", c.description),
            ("descriptors", _lines_or_empty(c.descriptors)),
        ):
            found = rules.text_problem(kind, text)
            if found is not None:
                add(ec.FIELD_TOO_LONG, where, **found.params)
        if c.weight < 0:
            add(ec.RUBRIC_WEIGHT_NEGATIVE, where)
        if c.min_value >= c.max_value:
            add(ec.RUBRIC_MIN_MAX, where, min=c.min_value)
        if c.step <= 0:
            add(ec.RUBRIC_STEP, where)
        elif c.min_value < c.max_value and (c.max_value - c.min_value) % c.step != 0:
            add(ec.RUBRIC_STEP_REACH, where, step=c.step, max=c.max_value, min=c.min_value)
        if c.descriptors:
            try:
                for d in _descriptors(c.descriptors):
                    value = parse_decimal(d.get("value"))
                    if value is None or not str(d.get("text", "")).strip():
                        add(ec.RUBRIC_DESCRIPTOR_EMPTY, where)
                    elif not c.min_value <= value <= c.max_value:
                        add(ec.RUBRIC_DESCRIPTOR_RANGE, where, value=value)
            except (ValueError, AttributeError, TypeError):
                add(ec.RUBRIC_DESCRIPTORS_JSON, where)
    total = weight_sum(criteria)
    if total != 100:
        problems.append(rules.Problem(ec.RUBRIC_WEIGHTS, {"total": total}))
    return problems


def _scoring_shape(c: CriterionData) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    return (c.weight, c.min_value, c.max_value, c.step)


def _impact(session: Session, stage_id: int, criteria: Sequence[CriterionData]) -> RubricImpact:
    current = {
        c.id: _criterion_data(c)
        for c in session.scalars(select(Criterion).where(Criterion.stage_id == stage_id))
    }
    kept_ids = {c.id for c in criteria if c.id is not None}
    removed_ids = set(current) - kept_ids
    new_order = [c.id for c in criteria]
    old_order = [
        cid
        for (cid,) in session.execute(
            select(Criterion.id)
            .where(Criterion.stage_id == stage_id)
            .order_by(Criterion.position, Criterion.id)
        )
    ]
    scoring_changed = bool(removed_ids) or any(
        c.id is None or _scoring_shape(c) != _scoring_shape(current[c.id]) for c in criteria
    )
    changed = (
        scoring_changed
        or new_order != old_order
        or any(c != current[c.id] for c in criteria if c.id is not None)
    )
    touched = _stage_scores(session, stage_id) if scoring_changed else 0
    deleted = _count_scores(session, Score.criterion_id.in_(removed_ids)) if removed_ids else 0
    return RubricImpact(touched=touched, deleted=deleted, changed=changed)


def preview_rubric_change(
    db: EventDB, stage_id: int, criteria: Sequence[CriterionData]
) -> RubricImpact:
    """How many existing scores saving this rubric would touch (ask the chair before saving)."""
    with db.session() as s:
        _get_row(s, Stage, stage_id)
        return _impact(s, stage_id, _clean_criteria(criteria))


def _clean_criteria(criteria: Sequence[CriterionData]) -> list[CriterionData]:
    return [
        replace(c, code=c.code.strip(), name=c.name.strip(), description=c.description.strip())
        for c in criteria
    ]


def save_rubric(
    db: EventDB,
    stage_id: int,
    criteria: Sequence[CriterionData],
    *,
    confirmed_touched: int | None = None,
    actor: str = CHAIR,
) -> RubricImpact:
    """Replace a stage's rubric with ``criteria`` (kept ids keep their scores).

    When the change touches existing scores, ``confirmed_touched`` must equal the count the chair
    was shown (from ``preview_rubric_change``), so scores arriving in between are never changed
    unseen.
    """
    _check_chair(db)
    clean = _clean_criteria(criteria)
    problems = rubric_problems(clean)
    if problems:
        raise ValidationError.coded(ec.RUBRIC_REFUSED, problems=tuple(problems))
    with db.session() as s:
        st = _get_row(s, Stage, stage_id)
        existing = {
            c.id: c for c in s.scalars(select(Criterion).where(Criterion.stage_id == stage_id))
        }
        unknown = [c.id for c in clean if c.id is not None and c.id not in existing]
        if unknown:
            raise ValidationError.coded(ec.RUBRIC_CRITERIA_GONE, stage=st.code, ids=str(unknown))
        impact = _impact(s, stage_id, clean)
        if not impact.changed:
            return impact
        if impact.touched and confirmed_touched != impact.touched:
            raise ValidationError.coded(
                ec.RUBRIC_CONFIRM, stage=st.code, touched=impact.touched, deleted=impact.deleted
            )
        for c in clean:
            if c.id is not None:
                _check_existing_values(s, c)
        old = [_criterion_audit(_criterion_data(c)) for c in existing.values()]
        # Kept criteria whose code changes: `kolabik check` follows their scores through this.
        renamed = {
            existing[c.id].code: c.code
            for c in clean
            if c.id is not None and existing[c.id].code != c.code
        }
        old.sort(key=lambda d: (d["position"], d["code"]))
        kept = {c.id for c in clean if c.id is not None}
        for cid, row in existing.items():
            if cid not in kept:
                s.delete(row)
        s.flush()
        # Positions and codes move through a temporary value so swaps never clash in SQL.
        for row in existing.values():
            if row.id in kept:
                row.code = f"~{row.id}"
        s.flush()
        for pos, c in enumerate(clean):
            if c.id is not None:
                row = existing[c.id]
            else:
                row = Criterion(stage_id=stage_id)
                s.add(row)
            row.code = c.code
            row.name = c.name
            row.description = c.description
            row.weight = c.weight
            row.min_value = c.min_value
            row.max_value = c.max_value
            row.step = c.step
            row.descriptors = _descriptor_json(_descriptors(c.descriptors)) if c.descriptors else ""
            row.position = pos
        _engine_check(s, _subject(ec.SUBJECT_STAGE_CODE, stage=st.code))
        new = [dict(_criterion_audit(c), position=pos) for pos, c in enumerate(clean)]
        audit_rubric_change(
            s,
            actor=actor,
            action="rubric.update",
            subject={"stage": st.code},
            old={"criteria": old},
            new={
                "criteria": new,
                "scores_touched": impact.touched,
                "scores_deleted": impact.deleted,
                "renamed": renamed,
            },
        )
    db.notify(Change("rubric"))
    return impact


def _check_existing_values(session: Session, c: CriterionData) -> None:
    """A new range or step may not strand values jurors already gave."""
    bad = session.execute(
        select(Score.value, Juror.code, Entry.code)
        .join(Juror, Juror.id == Score.juror_id)
        .join(Entry, Entry.id == Score.entry_id)
        .where(Score.criterion_id == c.id, Score.value.is_not(None))
    )
    stranded = [
        (v, j, e)
        for v, j, e in bad
        if v is not None and (v < c.min_value or v > c.max_value or (v - c.min_value) % c.step != 0)
    ]
    if stranded:
        v, j, e = stranded[0]
        raise ValidationError.coded(
            ec.RUBRIC_STRANDED,
            criterion=c.code,
            count=len(stranded),
            min=c.min_value,
            max=c.max_value,
            step=c.step,
            value=v,
            juror=j,
            entry=e,
        )


def _criterion_audit(c: CriterionData) -> dict[str, Any]:
    return {
        "code": c.code,
        "name": c.name,
        "weight": decimal_text(c.weight),
        "min": decimal_text(c.min_value),
        "max": decimal_text(c.max_value),
        "step": decimal_text(c.step),
        "description": c.description,
        "descriptors": c.descriptors,
        "position": 0,
    }


# ---------------------------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryRow:
    id: int
    name: str
    position: int
    entries: int


def list_categories(db: EventDB) -> list[CategoryRow]:
    with db.session() as s:
        counts = dict(
            s.execute(
                select(Entry.category_id, func.count(Entry.id)).group_by(Entry.category_id)
            ).all()
        )
        return [
            CategoryRow(c.id, c.name, c.position, counts.get(c.id, 0))
            for c in s.scalars(select(Category).order_by(Category.position, Category.id))
        ]


def _check_category_name(session: Session, name: str, category_id: int | None) -> str:
    name = name.strip()
    _check_text(_subject(ec.SUBJECT_CATEGORY_NAME), name, "category")
    if _taken(session, Category.id, Category.name, name, category_id):
        raise ValidationError.coded(ec.CATEGORY_EXISTS, name=name)
    return name


def add_category(db: EventDB, name: str, *, actor: str = CHAIR) -> int:
    _check_chair(db)
    with db.session() as s:
        clean = _check_category_name(s, name, None)
        last = s.scalar(select(func.max(Category.position)))
        row = Category(name=clean, position=(last or 0) + 1)
        s.add(row)
        s.flush()
        audit_rubric_change(
            s, actor=actor, action="category.add", subject={"category": clean}, old=None, new={}
        )
        category_id = row.id
    db.notify(Change("entries"))
    return category_id


def rename_category(db: EventDB, category_id: int, name: str, *, actor: str = CHAIR) -> None:
    _check_chair(db)
    with db.session() as s:
        row = _get_row(s, Category, category_id)
        clean = _check_category_name(s, name, category_id)
        if clean == row.name:
            return
        audit_rubric_change(
            s,
            actor=actor,
            action="category.rename",
            subject={"category": row.name},
            old={"name": row.name},
            new={"name": clean},
        )
        row.name = clean
    db.notify(Change("entries"))


def delete_category(db: EventDB, category_id: int, *, actor: str = CHAIR) -> int:
    """Delete a category; its entries stay, uncategorised. Returns how many entries it had."""
    _check_chair(db)
    with db.session() as s:
        row = _get_row(s, Category, category_id)
        quotas_users = s.scalar(select(func.count(Entry.id)).where(Entry.category_id == row.id))
        for e in s.scalars(select(Entry).where(Entry.category_id == row.id)):
            e.category_id = None
        audit_rubric_change(
            s,
            actor=actor,
            action="category.delete",
            subject={"category": row.name},
            old={"entries": quotas_users},
            new=None,
        )
        s.delete(row)
        s.flush()
        _expand_category_assignments(s)
    db.notify(Change("entries"))
    return quotas_users or 0


# ---------------------------------------------------------------------------------------------
# Entries and attachments
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryData:
    code: str
    title: str
    unit: str = ""
    category_id: int | None = None
    summary: str = ""


@dataclass(frozen=True)
class EntryRow:
    id: int
    data: EntryData
    category: str
    attachments: int
    scores: int


def _entry_data(e: Entry) -> EntryData:
    return EntryData(e.code, e.title, e.unit, e.category_id, e.summary)


def list_entries(db: EventDB) -> list[EntryRow]:
    with db.session() as s:
        cats = dict(s.execute(select(Category.id, Category.name)).all())
        atts = dict(
            s.execute(
                select(Attachment.entry_id, func.count(Attachment.id)).group_by(Attachment.entry_id)
            ).all()
        )
        scores = dict(
            s.execute(
                select(Score.entry_id, func.count(Score.id))
                .where(Score.value.is_not(None))
                .group_by(Score.entry_id)
            ).all()
        )
        return [
            EntryRow(
                id=e.id,
                data=_entry_data(e),
                category=cats.get(e.category_id, "") if e.category_id else "",
                attachments=atts.get(e.id, 0),
                scores=scores.get(e.id, 0),
            )
            for e in s.scalars(select(Entry).order_by(Entry.code))
        ]


def _clean_entry(session: Session, data: EntryData, entry_id: int | None) -> EntryData:
    code = data.code.strip()
    _check_code(_subject(ec.SUBJECT_ENTRY), code)
    _check_text(_subject(ec.SUBJECT_ENTRY_TITLE, entry=code), data.title, "title")
    _check_limit(_subject(ec.SUBJECT_ENTRY_UNIT, entry=code), data.unit, "unit")
    _check_limit(_subject(ec.SUBJECT_ENTRY_SUMMARY, entry=code), data.summary, "summary")
    if _taken(session, Entry.id, Entry.code, code, entry_id):
        raise ValidationError.coded(ec.ENTRY_EXISTS, entry=code)
    if data.category_id is not None and session.get(Category, data.category_id) is None:
        raise ValidationError.coded(ec.ENTRY_CATEGORY_GONE, entry=code, id=data.category_id)
    return replace(data, code=code, title=data.title.strip(), unit=data.unit.strip())


def _entry_audit(session: Session, data: EntryData) -> dict[str, Any]:
    cat = session.get(Category, data.category_id) if data.category_id else None
    return {
        "code": data.code,
        "title": data.title,
        "unit": data.unit,
        "category": cat.name if cat else "",
        "summary": data.summary,
    }


def add_entry(db: EventDB, data: EntryData, *, actor: str = CHAIR) -> int:
    _check_chair(db)
    with db.session() as s:
        clean = _clean_entry(s, data, None)
        row = Entry(
            code=clean.code,
            title=clean.title,
            unit=clean.unit,
            category_id=clean.category_id,
            summary=clean.summary,
        )
        s.add(row)
        s.flush()
        _expand_category_assignments(s)
        audit_rubric_change(
            s,
            actor=actor,
            action="entry.add",
            subject={"entry": clean.code},
            old=None,
            new=_entry_audit(s, clean),
        )
        entry_id = row.id
    db.notify(Change("entries", frozenset({entry_id})))
    return entry_id


def update_entry(db: EventDB, entry_id: int, data: EntryData, *, actor: str = CHAIR) -> None:
    _check_chair(db)
    with db.session() as s:
        row = _get_row(s, Entry, entry_id)
        clean = _clean_entry(s, data, entry_id)
        old = _entry_data(row)
        if old == clean:
            return
        old_audit = _entry_audit(s, old)
        row.code, row.title, row.unit = clean.code, clean.title, clean.unit
        row.category_id, row.summary = clean.category_id, clean.summary
        s.flush()
        if old.category_id != clean.category_id:
            _expand_category_assignments(s)
        audit_rubric_change(
            s,
            actor=actor,
            action="entry.update",
            subject={"entry": old.code},
            old=old_audit,
            new=_entry_audit(s, clean),
        )
    db.notify(Change("entries", frozenset({entry_id})))


def count_entry_scores(db: EventDB, entry_id: int) -> int:
    with db.session() as s:
        return _count_scores(s, Score.entry_id == entry_id)


def delete_entry(
    db: EventDB, entry_id: int, *, allow_deleting_scores: bool = False, actor: str = CHAIR
) -> int:
    """Delete an entry with its attachments; returns how many scores went with it."""
    _check_chair(db)
    with db.session() as s:
        row = _get_row(s, Entry, entry_id)
        scores = _count_scores(s, Score.entry_id == entry_id)
        if scores and not allow_deleting_scores:
            raise ValidationError.coded(ec.ENTRY_HAS_SCORES, entry=row.code, scores=scores)
        old = _entry_audit(s, _entry_data(row))
        s.delete(row)
        s.execute(delete(Setting).where(Setting.key == provenance_key(entry_id)))
        audit_rubric_change(
            s,
            actor=actor,
            action="entry.delete",
            subject={"entry": row.code},
            old=old,
            new={"scores_deleted": scores},
        )
    db.notify(Change("entries", frozenset({entry_id})))
    return scores


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    entry_id: int
    filename: str
    mime: str
    size: int
    sha256: str


def list_attachments(db: EventDB, entry_id: int) -> list[AttachmentRow]:
    with db.session() as s:
        return [
            AttachmentRow(*row)
            for row in s.execute(
                select(
                    Attachment.id,
                    Attachment.entry_id,
                    Attachment.filename,
                    Attachment.mime,
                    Attachment.size,
                    Attachment.sha256,
                )
                .where(Attachment.entry_id == entry_id)
                .order_by(Attachment.filename, Attachment.id)
            )
        ]


def attach_file(
    db: EventDB, entry_id: int, path: str | Path, *, actor: str = CHAIR
) -> AttachmentRow:
    """Store a file inside the event, with its SHA-256, type and size."""
    _check_chair(db)
    path = Path(path)
    from kolabik_desktop.core.files import read_regular_file

    try:
        # A regular file of at most 200 MB: a FIFO or a device is refused at once.
        data = read_regular_file(path, MAX_ATTACHMENT_BYTES, "file to attach")
    except KolabikError as exc:
        raise ValidationError.like(exc) from None
    return attach_data(db, entry_id, path.name, data, actor=actor)


def attach_data(
    db: EventDB, entry_id: int, filename: str, data: bytes, *, actor: str = CHAIR
) -> AttachmentRow:
    """Store bytes as a file inside the event (e.g. one carried over from another event)."""
    _check_chair(db)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError.coded(ec.FILE_TOO_LARGE, file=filename)
    mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    digest = hashlib.sha256(data).hexdigest()
    with db.session() as s:
        entry = _get_row(s, Entry, entry_id)
        row = Attachment(
            entry_id=entry_id,
            filename=filename,
            mime=mime,
            size=len(data),
            sha256=digest,
            data=data,
        )
        s.add(row)
        s.flush()
        audit_rubric_change(
            s,
            actor=actor,
            action="attachment.add",
            subject={"entry": entry.code, "file": filename},
            old=None,
            new={"sha256": digest, "size": len(data), "mime": mime},
        )
        result = AttachmentRow(row.id, entry_id, filename, mime, len(data), digest)
    db.notify(Change("entries", frozenset({entry_id})))
    return result


def remove_attachment(db: EventDB, attachment_id: int, *, actor: str = CHAIR) -> None:
    _check_chair(db)
    with db.session() as s:
        row = _get_row(s, Attachment, attachment_id)
        entry = _get_row(s, Entry, row.entry_id)
        entry_id = row.entry_id
        audit_rubric_change(
            s,
            actor=actor,
            action="attachment.remove",
            subject={"entry": entry.code, "file": row.filename},
            old={"sha256": row.sha256, "size": row.size},
            new=None,
        )
        s.delete(row)
    db.notify(Change("entries", frozenset({entry_id})))


def save_attachment_as(db: EventDB, attachment_id: int, dest: str | Path) -> None:
    with db.session() as s:
        row = _get_row(s, Attachment, attachment_id)
        data = row.data
    from kolabik_desktop.core.files import write_output

    write_output(Path(dest), data, "attachment copy")


# ---------------------------------------------------------------------------------------------
# Jurors and conflicts of interest
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JurorData:
    code: str
    name: str
    affiliation: str = ""


@dataclass(frozen=True)
class JurorRow:
    id: int
    data: JurorData
    conflicts: int
    scores: int


def _juror_data(j: Juror) -> JurorData:
    return JurorData(j.code, j.name, j.affiliation)


def list_jurors(db: EventDB) -> list[JurorRow]:
    with db.session() as s:
        conflicts = dict(
            s.execute(
                select(Conflict.juror_id, func.count(Conflict.entry_id)).group_by(Conflict.juror_id)
            ).all()
        )
        scores = dict(
            s.execute(
                select(Score.juror_id, func.count(Score.id))
                .where(Score.value.is_not(None))
                .group_by(Score.juror_id)
            ).all()
        )
        return [
            JurorRow(
                j.id,
                _juror_data(j),
                conflicts.get(j.id, 0),
                scores.get(j.id, 0),
            )
            for j in s.scalars(select(Juror).order_by(Juror.code))
        ]


def _clean_juror(session: Session, data: JurorData, juror_id: int | None) -> JurorData:
    code = data.code.strip()
    _check_code(_subject(ec.SUBJECT_JUROR), code)
    _check_text(_subject(ec.SUBJECT_JUROR_NAME, juror=code), data.name, "juror_name")
    _check_limit(
        _subject(ec.SUBJECT_JUROR_AFFILIATION, juror=code), data.affiliation, "affiliation"
    )
    if _taken(session, Juror.id, Juror.code, code, juror_id):
        raise ValidationError.coded(ec.JUROR_EXISTS, juror=code)
    return JurorData(code, data.name.strip(), data.affiliation.strip())


def add_juror(db: EventDB, data: JurorData, *, actor: str = CHAIR) -> int:
    _check_chair(db)
    with db.session() as s:
        clean = _clean_juror(s, data, None)
        row = Juror(code=clean.code, name=clean.name, affiliation=clean.affiliation)
        s.add(row)
        s.flush()
        audit_rubric_change(
            s,
            actor=actor,
            action="juror.add",
            subject={"juror": clean.code},
            old=None,
            new=asdict(clean),
        )
        juror_id = row.id
    db.notify(Change("jurors"))
    return juror_id


def update_juror(db: EventDB, juror_id: int, data: JurorData, *, actor: str = CHAIR) -> None:
    _check_chair(db)
    with db.session() as s:
        row = _get_row(s, Juror, juror_id)
        clean = _clean_juror(s, data, juror_id)
        old = _juror_data(row)
        if old == clean:
            return
        row.code, row.name, row.affiliation = clean.code, clean.name, clean.affiliation
        audit_rubric_change(
            s,
            actor=actor,
            action="juror.update",
            subject={"juror": old.code},
            old=asdict(old),
            new=asdict(clean),
        )
    db.notify(Change("jurors"))


def delete_juror(
    db: EventDB, juror_id: int, *, allow_deleting_scores: bool = False, actor: str = CHAIR
) -> int:
    """Delete a juror; returns how many of their scores went with them."""
    _check_chair(db)
    with db.session() as s:
        row = _get_row(s, Juror, juror_id)
        scores = _count_scores(s, Score.juror_id == juror_id)
        if scores and not allow_deleting_scores:
            raise ValidationError.coded(ec.JUROR_HAS_SCORES, juror=row.code, scores=scores)
        audit_rubric_change(
            s,
            actor=actor,
            action="juror.delete",
            subject={"juror": row.code},
            old=asdict(_juror_data(row)),
            new={"scores_deleted": scores},
        )
        s.delete(row)
        s.flush()
        _expand_category_assignments(s)
    db.notify(Change("jurors"))
    return scores


@dataclass(frozen=True)
class ConflictRow:
    juror_id: int
    juror_code: str
    entry_id: int
    entry_code: str
    entry_title: str
    reason: str


def list_conflicts(db: EventDB) -> list[ConflictRow]:
    with db.session() as s:
        return [
            ConflictRow(*row)
            for row in s.execute(
                select(
                    Conflict.juror_id,
                    Juror.code,
                    Conflict.entry_id,
                    Entry.code,
                    Entry.title,
                    Conflict.reason,
                )
                .join(Juror, Juror.id == Conflict.juror_id)
                .join(Entry, Entry.id == Conflict.entry_id)
                .order_by(Juror.code, Entry.code)
            )
        ]


def set_conflict(
    db: EventDB, juror_id: int, entry_id: int, reason: str, *, actor: str = CHAIR
) -> None:
    """Recuse a juror from an entry in every stage (or change the reason of a recusal)."""
    _check_chair(db)
    reason = reason.strip()
    if not reason:
        raise ValidationError.coded(ec.CONFLICT_REASON)
    _check_limit(_subject(ec.SUBJECT_REASON), reason, "reason")
    with db.session() as s:
        juror = s.get(Juror, juror_id)
        entry = s.get(Entry, entry_id)
        if juror is None or entry is None:
            raise ValidationError.coded(ec.CONFLICT_GONE)
        row = s.get(Conflict, (juror_id, entry_id))
        old = None
        if row is None:
            s.add(Conflict(juror_id=juror_id, entry_id=entry_id, reason=reason))
        elif row.reason == reason:
            return
        else:
            old = {"reason": row.reason}
            row.reason = reason
        audit_rubric_change(
            s,
            actor=actor,
            action="conflict.set",
            subject={"juror": juror.code, "entry": entry.code},
            old=old,
            new={"reason": reason},
        )
    db.notify(Change("jurors", frozenset({entry_id})))


def remove_conflict(db: EventDB, juror_id: int, entry_id: int, *, actor: str = CHAIR) -> None:
    _check_chair(db)
    with db.session() as s:
        row = s.get(Conflict, (juror_id, entry_id))
        if row is None:
            raise ValidationError.coded(ec.CONFLICT_NONE)
        juror = s.get(Juror, juror_id)
        entry = s.get(Entry, entry_id)
        audit_rubric_change(
            s,
            actor=actor,
            action="conflict.remove",
            subject={"juror": juror.code if juror else "", "entry": entry.code if entry else ""},
            old={"reason": row.reason},
            new=None,
        )
        s.delete(row)
    db.notify(Change("jurors", frozenset({entry_id})))


# ---------------------------------------------------------------------------------------------
# Assignments per stage
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignmentPlan:
    """Who judges what in a stage: everyone, per category, or per entry."""

    mode: str = ASSIGN_ALL
    categories: Mapping[int, frozenset[int]] = field(default_factory=dict)  # juror -> categories
    pairs: frozenset[tuple[int, int]] = frozenset()  # (juror_id, entry_id), mode "entry"


def get_assignments(db: EventDB, stage_id: int) -> AssignmentPlan:
    with db.session() as s:
        _get_row(s, Stage, stage_id)
        rule = _assignment_rule(s, stage_id)
        if rule is not None and rule["mode"] == ASSIGN_CATEGORY:
            return AssignmentPlan(
                ASSIGN_CATEGORY,
                categories={int(j): frozenset(cs) for j, cs in rule["categories"].items()},
            )
        pairs = frozenset(
            s.execute(
                select(Assignment.juror_id, Assignment.entry_id).where(
                    Assignment.stage_id == stage_id
                )
            ).all()
        )
        return AssignmentPlan(ASSIGN_ENTRY, pairs=pairs) if pairs else AssignmentPlan()


def _assignment_rule(session: Session, stage_id: int) -> dict[str, Any] | None:
    text = get_setting(session, _ASSIGN_SETTING.format(stage_id=stage_id))
    return json.loads(text) if text else None


def _category_pairs(
    session: Session, categories: Mapping[int, Iterable[int]]
) -> set[tuple[int, int]]:
    jurors = set(session.scalars(select(Juror.id)))
    by_category: dict[int, list[int]] = {}
    for eid, cid in session.execute(select(Entry.id, Entry.category_id)):
        if cid is not None:
            by_category.setdefault(cid, []).append(eid)
    return {
        (j, e)
        for j, cats in categories.items()
        if j in jurors
        for c in cats
        for e in by_category.get(c, ())
    }


def _expand_category_assignments(session: Session) -> None:
    """Keep per-category rules true after entries, categories or jurors change."""
    session.flush()
    for row in session.scalars(select(Setting).where(Setting.key.like("setup.assignment.%"))):
        rule = json.loads(row.value)
        if rule.get("mode") != ASSIGN_CATEGORY:
            continue
        stage_id = int(row.key.rsplit(".", 1)[1])
        pairs = _category_pairs(session, {int(j): cs for j, cs in rule["categories"].items()})
        _write_pairs(session, stage_id, pairs)


def _write_pairs(session: Session, stage_id: int, pairs: Iterable[tuple[int, int]]) -> None:
    session.execute(delete(Assignment).where(Assignment.stage_id == stage_id))
    session.add_all(Assignment(stage_id=stage_id, juror_id=j, entry_id=e) for j, e in pairs)
    session.flush()


def set_assignments(db: EventDB, stage_id: int, plan: AssignmentPlan, *, actor: str = CHAIR) -> int:
    """Replace a stage's assignments; returns how many (juror, entry) pairs result (0 = all)."""
    _check_chair(db)
    if plan.mode not in ASSIGN_MODES:
        raise ValidationError.coded(ec.ASSIGN_MODE, mode=plan.mode)
    with db.session() as s:
        st = _get_row(s, Stage, stage_id)
        jurors = dict(s.execute(select(Juror.id, Juror.code)).all())
        entries = dict(s.execute(select(Entry.id, Entry.code)).all())
        categories = dict(s.execute(select(Category.id, Category.name)).all())
        pairs: set[tuple[int, int]] = set()
        rule: dict[str, Any] | None = None
        if plan.mode == ASSIGN_CATEGORY:
            cats = {j: frozenset(cs) for j, cs in plan.categories.items() if cs}
            for j, cs in cats.items():
                if j not in jurors:
                    raise ValidationError.coded(ec.ASSIGN_JUROR_GONE, id=j)
                missing = [c for c in cs if c not in categories]
                if missing:
                    raise ValidationError.coded(ec.ASSIGN_CATEGORIES_GONE, ids=str(missing))
            pairs = _category_pairs(s, cats)
            rule = {
                "mode": ASSIGN_CATEGORY,
                "categories": {str(j): sorted(cs) for j, cs in sorted(cats.items())},
            }
            if not pairs:
                raise ValidationError.coded(ec.ASSIGN_NO_CATEGORY, stage=st.code)
        elif plan.mode == ASSIGN_ENTRY:
            bad = [(j, e) for j, e in plan.pairs if j not in jurors or e not in entries]
            if bad:
                raise ValidationError.coded(
                    ec.ASSIGN_UNKNOWN_PAIR, stage=st.code, pairs=str(bad[:3])
                )
            pairs = set(plan.pairs)
            if not pairs:
                raise ValidationError.coded(ec.ASSIGN_NONE, stage=st.code)
        old = sorted(
            (jurors.get(j, "?"), entries.get(e, "?"))
            for j, e in s.execute(
                select(Assignment.juror_id, Assignment.entry_id).where(
                    Assignment.stage_id == stage_id
                )
            )
        )
        _write_pairs(s, stage_id, pairs)
        rule_text = "" if rule is None else json.dumps(rule)  # '' removes the setting
        put_setting(s, _ASSIGN_SETTING.format(stage_id=stage_id), rule_text)
        new_desc: Any = sorted((jurors[j], entries[e]) for j, e in pairs)
        if rule is not None:
            new_desc = {
                jurors[int(j)]: sorted(categories[c] for c in cs)
                for j, cs in rule["categories"].items()
            }
        audit_rubric_change(
            s,
            actor=actor,
            action="assignment.set",
            subject={"stage": st.code, "mode": plan.mode},
            old=old,
            new=new_desc,
        )
    db.notify(Change("jurors"))
    return len(pairs)


# ---------------------------------------------------------------------------------------------
# Advancing to the next stage
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AdmitResult:
    admitted: int
    added: int
    removed: int
    removed_with_scores: int  # removed entries that already had scores in the stage


def next_stage(db: EventDB, stage_id: int) -> StageRow | None:
    rows = list_stages(db)
    index = next((i for i, r in enumerate(rows) if r.id == stage_id), None)
    return rows[index + 1] if index is not None and index + 1 < len(rows) else None


def admitted_entries(db: EventDB, stage_id: int) -> set[int]:
    with db.session() as s:
        if stage_id == first_stage_id(s):
            return set(s.scalars(select(Entry.id)))
        return set(
            s.scalars(select(StageAdmission.entry_id).where(StageAdmission.stage_id == stage_id))
        )


def shortlist(
    scorer: Scorer,
    stage_code: str,
    *,
    top_n: int | None = None,
    quotas: Mapping[str, int] | None = None,
) -> Shortlist:
    """The stage's shortlist from the engine (its cumulative blend when it has one)."""
    if (top_n is None) == (not quotas):
        raise ValidationError.coded(ec.SHORTLIST_CHOICE)
    if top_n is not None and top_n < 1:
        raise ValidationError.coded(ec.SHORTLIST_TOP_N)
    if quotas and any(q < 0 for q in quotas.values()):
        raise ValidationError.coded(ec.SHORTLIST_QUOTA)
    return scorer.shortlist(stage_code, top_n=top_n, quotas=dict(quotas) if quotas else None)


def admit_entries(
    db: EventDB,
    stage_id: int,
    entry_ids: Iterable[int],
    *,
    rule: str = "",
    allow_removing_scored: bool = False,
    actor: str = CHAIR,
) -> AdmitResult:
    """Make ``entry_ids`` exactly the entries admitted to a (not first) stage."""
    _check_chair(db)
    wanted = set(entry_ids)
    with db.session() as s:
        st = _get_row(s, Stage, stage_id)
        if stage_id == first_stage_id(s):
            raise ValidationError.coded(ec.ADMIT_FIRST_STAGE, stage=st.code)
        if not wanted:
            raise ValidationError.coded(ec.ADMIT_NONE, stage=st.code)
        codes = dict(s.execute(select(Entry.id, Entry.code)).all())
        unknown = sorted(wanted - set(codes))
        if unknown:
            raise ValidationError.coded(ec.ADMIT_ENTRIES_GONE, ids=str(unknown))
        current = set(
            s.scalars(select(StageAdmission.entry_id).where(StageAdmission.stage_id == stage_id))
        )
        removed = current - wanted
        scored = set()
        if removed:
            scored = set(
                s.scalars(
                    select(Score.entry_id)
                    .join(Criterion, Criterion.id == Score.criterion_id)
                    .where(
                        Criterion.stage_id == stage_id,
                        Score.entry_id.in_(removed),
                        Score.value.is_not(None),
                    )
                    .distinct()
                )
            )
        if scored and not allow_removing_scored:
            raise ValidationError.coded(
                ec.ADMIT_SCORED,
                stage=st.code,
                count=len(scored),
                entries=", ".join(sorted(codes[e] for e in scored)[:5]),
            )
        if removed:
            boards = [Decision.stage_id == stage_id]
            if st.weight > 0:
                boards.append(Decision.stage_id.is_(None))  # the final ranking needs the stage
            decided = s.scalars(
                select(Decision.entry_id).where(Decision.entry_id.in_(removed), or_(*boards))
            ).all()
            if decided:
                raise ValidationError.coded(
                    ec.ADMIT_DECIDED,
                    stage=st.code,
                    entries=", ".join(sorted({codes[e] for e in decided})),
                )
        added = wanted - current
        if removed:
            s.execute(
                delete(StageAdmission).where(
                    StageAdmission.stage_id == stage_id, StageAdmission.entry_id.in_(removed)
                )
            )
        s.add_all(StageAdmission(stage_id=stage_id, entry_id=e) for e in added)
        audit_rubric_change(
            s,
            actor=actor,
            action="stage.advance",
            subject={"stage": st.code, "rule": rule},
            old=sorted(codes[e] for e in current),
            new=sorted(codes[e] for e in wanted),
        )
    db.notify(Change("entries", frozenset(added | removed)))
    return AdmitResult(len(wanted), len(added), len(removed), len(scored))


# ---------------------------------------------------------------------------------------------
# Jury decisions (places no rule produces)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionRow:
    id: int
    board: str  # stage code or FINAL
    entry_id: int
    entry_code: str
    entry_title: str
    rank: int
    reason: str


def list_decisions(db: EventDB) -> list[DecisionRow]:
    with db.session() as s:
        stage_codes = dict(s.execute(select(Stage.id, Stage.code)).all())
        rows = s.execute(
            select(
                Decision.id,
                Decision.stage_id,
                Decision.entry_id,
                Entry.code,
                Entry.title,
                Decision.rank,
                Decision.reason,
            ).join(Entry, Entry.id == Decision.entry_id)
        )
        result = [
            DecisionRow(did, stage_codes[sid] if sid else FINAL, eid, code, title, rank, reason)
            for did, sid, eid, code, title, rank, reason in rows
        ]
    return sorted(result, key=lambda d: (d.board != FINAL, d.board, d.rank, d.entry_code))


def set_decision(
    db: EventDB, *, board: str, entry_id: int, rank: int, reason: str, actor: str = CHAIR
) -> int:
    """Record (or change) the jury's place for an entry on a stage board or the final board."""
    _check_chair(db)
    reason = reason.strip()
    if not reason:
        raise ValidationError.coded(ec.DECISION_REASON)
    _check_limit(_subject(ec.SUBJECT_REASON), reason, "reason")
    if rank < 1:
        raise ValidationError.coded(ec.DECISION_PLACE, rank=rank)
    with db.session() as s:
        entry = _get_row(s, Entry, entry_id)
        stage_id: int | None = None
        if board != FINAL:
            stage_id = s.scalar(select(Stage.id).where(Stage.code == board))
            if stage_id is None:
                raise ValidationError.coded(ec.DECISION_NO_STAGE, stage=board)
            if (
                stage_id != first_stage_id(s)
                and s.get(StageAdmission, (stage_id, entry_id)) is None
            ):
                raise ValidationError.coded(ec.DECISION_NOT_IN_STAGE, entry=entry.code, stage=board)
        entries = s.scalar(select(func.count(Entry.id))) or 0
        if rank > entries:
            raise ValidationError.coded(ec.DECISION_BEYOND, rank=rank, entries=entries)
        where = Decision.stage_id.is_(None) if stage_id is None else Decision.stage_id == stage_id
        row = s.scalars(select(Decision).where(where, Decision.entry_id == entry_id)).first()
        old = None
        if row is None:
            row = Decision(stage_id=stage_id, entry_id=entry_id, rank=rank, reason=reason)
            s.add(row)
        elif (row.rank, row.reason) == (rank, reason):
            return row.id
        else:
            old = {"rank": row.rank, "reason": row.reason}
            row.rank, row.reason = rank, reason
        _engine_check(s, _subject(ec.SUBJECT_DECISION_FOR, entry=entry.code))
        _check_decision_scored(s, board, entry)
        audit_rubric_change(
            s,
            actor=actor,
            action="decision.set",
            subject={"board": board, "entry": entry.code},
            old=old,
            new={"rank": rank, "reason": reason},
        )
        decision_id = row.id
    db.notify(Change("decisions", frozenset({entry_id})))
    return decision_id


def _check_decision_scored(session: Session, board: str, entry: Entry) -> None:
    """The engine places only scored entries, so a decision for an unscored one would be lost."""
    scorer = Scorer(load_event_spec(session), load_values(session))
    row = next((r for r in scorer.leaderboard(board).rows if r.entry.id == entry.id), None)
    if row is None or row.score is None:
        if board == FINAL:
            raise ValidationError.coded(ec.DECISION_UNSCORED_FINAL, entry=entry.code)
        raise ValidationError.coded(ec.DECISION_UNSCORED, entry=entry.code, stage=board)


def remove_decision(db: EventDB, decision_id: int, *, actor: str = CHAIR) -> None:
    _check_chair(db)
    with db.session() as s:
        row = _get_row(s, Decision, decision_id)
        entry = _get_row(s, Entry, row.entry_id)
        stage = s.get(Stage, row.stage_id) if row.stage_id else None
        entry_id = row.entry_id
        audit_rubric_change(
            s,
            actor=actor,
            action="decision.remove",
            subject={"board": stage.code if stage else FINAL, "entry": entry.code},
            old={"rank": row.rank, "reason": row.reason},
            new=None,
        )
        s.delete(row)
    db.notify(Change("decisions", frozenset({entry_id})))


# ---------------------------------------------------------------------------------------------
# Importing a list of entries (xlsx or csv, or the event workbook's Peserta sheet)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntriesImport:
    added: int
    updated: int
    unchanged: int
    categories_added: int


def import_entries_file(db: EventDB, path: str | Path, *, actor: str = CHAIR) -> EntriesImport:
    """Add (or update, by code) the entries listed in a file; all or nothing.

    Raises InputRejected naming the sheet, row and reason when the file is refused.
    """
    from kolabik_desktop.core.exchange.workbook import read_entries_list  # openpyxl: when used

    _check_chair(db)
    rows = read_entries_list(path)
    for row in rows:
        _check_code(_subject(ec.SUBJECT_FILE_ENTRY, file=Path(path).name), row.code.strip())
    with db.session() as s:
        categories = {c.name.lower(): c for c in s.scalars(select(Category))}
        existing = {e.code.lower(): e for e in s.scalars(select(Entry))}
        last = s.scalar(select(func.max(Category.position))) or 0
        added = updated = unchanged = new_categories = 0
        for row in rows:
            cat_id = None
            if row.category.strip():
                cat = categories.get(row.category.strip().lower())
                if cat is None:
                    last += 1
                    cat = Category(name=row.category.strip(), position=last)
                    s.add(cat)
                    s.flush()
                    categories[cat.name.lower()] = cat
                    new_categories += 1
                cat_id = cat.id
            values = {
                "title": row.title.strip(),
                "unit": row.unit.strip(),
                "category_id": cat_id,
                "summary": row.summary,
            }
            entry = existing.get(row.code.strip().lower())
            if entry is None:
                entry = Entry(code=row.code.strip(), **values)
                s.add(entry)
                existing[entry.code.lower()] = entry
                added += 1
            elif all(getattr(entry, k) == v for k, v in values.items()):
                unchanged += 1
            else:
                for k, v in values.items():
                    setattr(entry, k, v)
                updated += 1
        s.flush()
        _expand_category_assignments(s)
        result = EntriesImport(added, updated, unchanged, new_categories)
        audit_rubric_change(
            s,
            actor=actor,
            action="entries.import",
            subject={"file": Path(path).name},
            old=None,
            new=asdict(result),
        )
    db.notify(Change("entries"))
    return result
