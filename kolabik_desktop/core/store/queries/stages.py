"""Stages and their rubrics (criteria) as the views and commands read them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from kolabik_desktop.core.store.models import Criterion, Stage
from kolabik_desktop.core.store.queries._session import Source, reading
from kolabik_desktop.core.store.tolerance import stage_tolerances


@dataclass(frozen=True)
class StageInfo:
    id: int
    code: str
    name: str
    position: int


@dataclass(frozen=True)
class CriterionInfo:
    id: int
    stage_id: int
    code: str
    name: str
    description: str
    weight: Decimal
    min_value: Decimal
    max_value: Decimal
    step: Decimal
    position: int
    descriptors: str  # level descriptors as stored: JSON ``[{"value": 60, "text": "..."}]`` or ""


_STAGE = (Stage.id, Stage.code, Stage.name, Stage.position)


def stages(source: Source) -> tuple[StageInfo, ...]:
    """Every stage in the event's order."""
    with reading(source) as s:
        rows = s.execute(select(*_STAGE).order_by(Stage.position, Stage.id))
        return tuple(StageInfo(*r) for r in rows)


def stage_by_code(source: Source, code: str) -> StageInfo | None:
    with reading(source) as s:
        row = s.execute(select(*_STAGE).where(Stage.code == code)).first()
    return None if row is None else StageInfo(*row)


_CRITERION = (
    Criterion.id,
    Criterion.stage_id,
    Criterion.code,
    Criterion.name,
    Criterion.description,
    Criterion.weight,
    Criterion.min_value,
    Criterion.max_value,
    Criterion.step,
    Criterion.position,
    Criterion.descriptors,
)


def _criterion(row: tuple[Any, ...]) -> CriterionInfo:
    cid, sid, code, name, description, weight, lo, hi, step, position, descriptors = row
    return CriterionInfo(
        cid, sid, code, name, description or "", weight, lo, hi, step, position, descriptors or ""
    )


def criteria(source: Source, stage_id: int) -> tuple[CriterionInfo, ...]:
    """A stage's rubric in its order."""
    with reading(source) as s:
        rows = s.execute(
            select(*_CRITERION)
            .where(Criterion.stage_id == stage_id)
            .order_by(Criterion.position, Criterion.id)
        )
        return tuple(_criterion(r) for r in rows)


def criterion_by_code(source: Source, stage_id: int, code: str) -> CriterionInfo | None:
    with reading(source) as s:
        row = s.execute(
            select(*_CRITERION).where(Criterion.stage_id == stage_id, Criterion.code == code)
        ).first()
    return None if row is None else _criterion(row)


def tolerance(source: Source, stage_code: str) -> Decimal | None:
    """The juror-statistics tolerance set for a stage, None when unset (the rule for reading the
    setting stays ``tolerance.stage_tolerances``)."""
    with reading(source) as s:
        return stage_tolerances(s).get(stage_code)
