"""Stages and their rubrics (criteria) as the views and commands read them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kolabik_desktop.core.store.queries._session import Source, reading, sqlite_source


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


def _stage_columns() -> tuple[Any, ...]:
    from kolabik_desktop.core.store.models import Stage

    return (Stage.id, Stage.code, Stage.name, Stage.position)


def stages(source: Source) -> tuple[StageInfo, ...]:
    """Every stage in the event's order."""
    from sqlalchemy import select

    from kolabik_desktop.core.store.models import Stage

    with reading(source) as s:
        rows = s.execute(select(*_stage_columns()).order_by(Stage.position, Stage.id))
        return tuple(StageInfo(*r) for r in rows)


def stage_by_code(source: Source, code: str) -> StageInfo | None:
    from sqlalchemy import select

    from kolabik_desktop.core.store.models import Stage

    with reading(source) as s:
        row = s.execute(select(*_stage_columns()).where(Stage.code == code)).first()
    return None if row is None else StageInfo(*row)


def _criterion_columns() -> tuple[Any, ...]:
    from kolabik_desktop.core.store.models import Criterion

    return (
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


# The same columns for the sqlite3 path; the four numbers are DecimalText (canonical text).
_CRITERION_SQL = (
    "SELECT id, stage_id, code, name, description, weight, min_value, max_value, step, "
    "position, descriptors FROM criterion"
)


def _criterion_sqlite(row: tuple[Any, ...]) -> CriterionInfo:
    cid, sid, code, name, description, weight, lo, hi, step, position, descriptors = row
    # As DecimalText hands a stored value over (models.DecimalText.process_result_value).
    numbers = tuple(None if v is None else Decimal(v) for v in (weight, lo, hi, step))
    return _criterion((cid, sid, code, name, description, *numbers, position, descriptors))


def _criterion(row: tuple[Any, ...]) -> CriterionInfo:
    cid, sid, code, name, description, weight, lo, hi, step, position, descriptors = row
    return CriterionInfo(
        cid, sid, code, name, description or "", weight, lo, hi, step, position, descriptors or ""
    )


def criteria(source: Source, stage_id: int) -> tuple[CriterionInfo, ...]:
    """A stage's rubric in its order."""
    db = sqlite_source(source)
    if db is not None:  # the scoring form of the first entry, before SQLAlchemy is loaded
        with db.sqlite_reader() as conn:
            return tuple(
                _criterion_sqlite(r)
                for r in conn.execute(
                    f"{_CRITERION_SQL} WHERE stage_id = ? ORDER BY position, id", (stage_id,)
                )
            )
    from sqlalchemy import select

    from kolabik_desktop.core.store.models import Criterion

    with reading(source) as s:
        rows = s.execute(
            select(*_criterion_columns())
            .where(Criterion.stage_id == stage_id)
            .order_by(Criterion.position, Criterion.id)
        )
        return tuple(_criterion(r) for r in rows)


def criterion_by_code(source: Source, stage_id: int, code: str) -> CriterionInfo | None:
    from sqlalchemy import select

    from kolabik_desktop.core.store.models import Criterion

    with reading(source) as s:
        row = s.execute(
            select(*_criterion_columns()).where(
                Criterion.stage_id == stage_id, Criterion.code == code
            )
        ).first()
    return None if row is None else _criterion(row)


def tolerance(source: Source, stage_code: str) -> Decimal | None:
    """The juror-statistics tolerance set for a stage, None when unset (the rule for reading the
    setting stays ``tolerance.stage_tolerances``)."""
    from kolabik_desktop.core.store.tolerance import stage_tolerances

    with reading(source) as s:
        return stage_tolerances(s).get(stage_code)
