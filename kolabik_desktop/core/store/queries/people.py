"""Jurors as the views and commands list them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from kolabik_desktop.core.store.models import Juror
from kolabik_desktop.core.store.queries._session import Source, reading


@dataclass(frozen=True)
class JurorInfo:
    id: int
    code: str
    name: str
    affiliation: str


_COLUMNS = (Juror.id, Juror.code, Juror.name, Juror.affiliation)


def _info(row: tuple[int, str, str, str | None]) -> JurorInfo:
    jid, code, name, affiliation = row
    return JurorInfo(jid, code, name, affiliation or "")


def jurors(source: Source) -> tuple[JurorInfo, ...]:
    """Every juror, by code."""
    with reading(source) as s:
        return tuple(_info(r) for r in s.execute(select(*_COLUMNS).order_by(Juror.code)))


def juror(source: Source, juror_id: int | None) -> JurorInfo | None:
    """One juror by id (None for no id or an unknown one)."""
    if juror_id is None:
        return None
    with reading(source) as s:
        row = s.execute(select(*_COLUMNS).where(Juror.id == juror_id)).first()
    return None if row is None else _info(row)
