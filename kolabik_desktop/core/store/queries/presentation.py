"""Reads for the projector and the presentation session, as frozen values.

The presentation schedule is kept per stage: the running order of the finalists in the event
file's ``setting`` table (``ORDER_KEY``, a JSON list of entry ids) and the slot's parts in
``Stage.slot_parts`` (JSON, checked on write by ``core.store.setup.normalise_slot_parts``). Both
are written only by the setup services ``set_presentation_order`` and ``set_slot_parts``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import ValidationError
from kolabik_desktop.core.store.queries._session import Source, reading, sqlite_source
from kolabik_desktop.core.store.spec_values import parse_decimal

ORDER_KEY = "presentation_order:{stage}"


@dataclass(frozen=True, slots=True)
class SlotPart:
    """One named part of a presentation slot (e.g. video, 3 minutes)."""

    name: str
    minutes: float


@dataclass(frozen=True, slots=True)
class PresentationSchedule:
    """A stage's saved schedule: the running order (entry ids, as saved: an id may name an entry
    since removed or no longer admitted) and the slot's parts (empty: none saved, or unreadable)."""

    stage_code: str
    order: tuple[int, ...]
    parts: tuple[SlotPart, ...]


def parse_slot_parts(text: str) -> list[SlotPart]:
    """Stage.slot_parts JSON -> parts, checked by ``check_slot_parts``. Raises a coded
    ValidationError naming what is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError.coded(ec.SLOTS_JSON, detail=exc.msg) from None
    return check_slot_parts(data)


def slot_parts_json(parts: list[SlotPart]) -> str:
    """Checked parts as the canonical JSON stored in Stage.slot_parts."""
    return json.dumps([{"name": p.name, "minutes": p.minutes} for p in parts], ensure_ascii=False)


def check_slot_parts(data: object) -> list[SlotPart]:
    """The one rule for a slot's parts (a list, each part named, each more than 0 minutes), for
    the JSON setup stores (``parse_slot_parts``, ``setup.normalise_slot_parts``) and the
    workbook's 'Video 3; Paparan 7' (``workbook.slots_from_text``) alike. Raises a coded
    ValidationError naming the part that is wrong."""
    if not isinstance(data, list):
        raise ValidationError.coded(ec.SLOTS_NOT_LIST)
    parts = []
    for i, item in enumerate(data, start=1):
        name = item.get("name") if isinstance(item, dict) else None
        name = name.strip() if isinstance(name, str) else ""  # null is no name, not "None"
        if not name:
            raise ValidationError.coded(ec.SLOT_NO_NAME, n=i)
        minutes = parse_decimal(item.get("minutes"))
        if minutes is None or minutes <= 0:
            raise ValidationError.coded(ec.SLOT_MINUTES, n=i, name=name)
        parts.append(SlotPart(name, float(minutes)))
    return parts


def parse_order(text: str | None) -> tuple[int, ...]:
    """The saved running order's JSON -> entry ids (anything unreadable reads as no order)."""
    try:
        ids = json.loads(text) if text else []
    except ValueError:
        return ()
    if not isinstance(ids, list):
        return ()
    return tuple(i for i in ids if isinstance(i, int) and not isinstance(i, bool))


def presentation_schedule(source: Source, stage_code: str) -> PresentationSchedule:
    key = ORDER_KEY.format(stage=stage_code)
    db = sqlite_source(source)
    if db is not None:  # read as the window opens, before SQLAlchemy is loaded
        with db.sqlite_reader() as conn:
            found = conn.execute(
                "SELECT slot_parts FROM stage WHERE code = ?", (stage_code,)
            ).fetchone()
            parts_text = (found[0] if found else None) or ""
            found = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
            order_text = found[0] if found else None
    else:
        from sqlalchemy import select

        from kolabik_desktop.core.store.models import Setting, Stage

        with reading(source) as s:
            parts_text = s.scalar(select(Stage.slot_parts).where(Stage.code == stage_code)) or ""
            order_text = s.scalar(select(Setting.value).where(Setting.key == key))
    parts: tuple[SlotPart, ...] = ()
    if parts_text.strip():
        try:
            parts = tuple(parse_slot_parts(parts_text))
        except ValidationError:  # unreadable parts read as none saved (the panel offers defaults)
            parts = ()
    return PresentationSchedule(stage_code, parse_order(order_text), parts)


def submitted_juror_ids(source: Source, stage_id: int) -> frozenset[int]:
    """The jurors who have submitted their scores of a stage (the projector's progress mode)."""
    db = sqlite_source(source)
    if db is not None:
        with db.sqlite_reader() as conn:
            return frozenset(
                j
                for (j,) in conn.execute(
                    "SELECT juror_id FROM submission WHERE stage_id = ? AND submitted IS 1",
                    (stage_id,),
                )
            )
    from sqlalchemy import select

    from kolabik_desktop.core.store.models import Submission

    with reading(source) as s:
        return frozenset(
            s.scalars(
                select(Submission.juror_id).where(
                    Submission.stage_id == stage_id, Submission.submitted.is_(True)
                )
            )
        )
