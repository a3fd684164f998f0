"""The stage tolerance of juror statistics (scoring.md section 6): an event setting per stage.

A mark T(j,e) is an outlier when |T(j,e) − m₋ⱼ(e)| exceeds the tolerance. Unset, it is 10 % of
the stage's scale (core.analysis.stats.default_tolerance). Kept in the key/value ``setting`` table
under the stage's id (``stage_tolerance:ID``), so renaming a stage keeps it; the event workbook
carries it as ``Tahap.toleransi``.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import ValidationError
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.store.db import Change, EventDB
from kolabik_desktop.core.store.models import Setting, Stage
from kolabik_desktop.core.store.services import audit_rubric_change, decimal_text, parse_decimal
from kolabik_desktop.core.store.settings import put_setting

TOLERANCE_KEY = "stage_tolerance:{stage_id}"
_PREFIX = "stage_tolerance:"


def stage_tolerances(session: Session) -> dict[str, Decimal]:
    """stage code -> the tolerance set for it (stages without one are absent)."""
    codes = dict(session.execute(select(Stage.id, Stage.code)).all())
    out: dict[str, Decimal] = {}
    rows = session.execute(
        select(Setting.key, Setting.value).where(Setting.key.like(_PREFIX + "%"))
    )
    for key, text in rows:
        try:
            stage_id = int(key[len(_PREFIX) :])
        except ValueError:
            continue
        value = parse_decimal(text)
        if stage_id in codes and value is not None and value >= 0:
            out[codes[stage_id]] = value
    return out


def check_tolerance(
    what: str | rules.Problem, value: Decimal | None, scale_min: Decimal, scale_max: Decimal
) -> None:
    """A tolerance is a non-negative number no larger than the stage's scale.

    ``what`` names the field: text already in the reader's language, or a ``codes.SUBJECT_*``
    problem worded in each language.
    """
    if value is None:
        return
    if not value.is_finite() or value < 0:
        raise ValidationError.coded(ec.TOLERANCE_NOT_NUMBER, what=what, value=str(value))
    if value > scale_max - scale_min:
        raise ValidationError.coded(
            ec.TOLERANCE_TOO_LARGE, what=what, value=value, min=scale_min, max=scale_max
        )


def put_stage_tolerance(session: Session, stage: Stage, value: Decimal | None) -> None:
    """Set (or clear, with None) a stage's tolerance in the caller's transaction."""
    what = rules.Problem(ec.SUBJECT_STAGE_CODE, {"stage": stage.code})
    check_tolerance(what, value, stage.scale_min, stage.scale_max)
    text = "" if value is None else decimal_text(value)  # '' removes the setting
    put_setting(session, TOLERANCE_KEY.format(stage_id=stage.id), text)


def set_stage_tolerance(
    db: EventDB, stage_id: int, value: Decimal | None, *, actor: str = "chair"
) -> None:
    """The chair sets a stage's tolerance (None = back to the default), audited."""
    if db.kind != "event":
        raise ValidationError.coded(ec.SETUP_NOT_CHAIR)
    with db.session() as s:
        stage = s.get(Stage, stage_id)
        if stage is None:
            raise ValidationError.coded(
                ec.ROW_GONE, what=rules.Problem(ec.SUBJECT_STAGE), id=stage_id
            )
        old = stage_tolerances(s).get(stage.code)
        if old == value:
            return
        put_stage_tolerance(s, stage, value)
        audit_rubric_change(
            s,
            actor=actor,
            action="stage.tolerance",
            subject={"stage": stage.code},
            old={"tolerance": decimal_text(old)},
            new={"tolerance": decimal_text(value)},
        )
    db.notify(Change("rubric"))
