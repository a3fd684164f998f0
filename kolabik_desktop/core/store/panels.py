"""Panels (issue 16): named groups of jurors, the entries they judge, and their chair.

On a file a panel is just data: one chair, everything allowed. On a PostgreSQL server,
``grant_panel`` gives the panel's chair a database role that row-level security lets write only
the panel's scores, comments and submissions (dialect.panel_security_sql); the committee role reads
everything. Every function returns the SQL it ran, so the CLI can print it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.store import audit, dialect
from kolabik_desktop.core.store.db import EventDB, utc_now
from kolabik_desktop.core.store.models import (
    Category,
    Entry,
    Juror,
    Panel,
    PanelCategory,
    PanelEntry,
    PanelJuror,
)


@dataclass(frozen=True)
class PanelInfo:
    name: str
    chair: str
    db_role: str | None
    jurors: tuple[str, ...]
    categories: tuple[str, ...]
    entries: tuple[str, ...]  # listed explicitly
    entry_count: int  # listed or in its categories


def _sql(session: Session, stmt: Any) -> str:
    dialect_ = session.get_bind().dialect
    return str(stmt.compile(dialect=dialect_, compile_kwargs={"literal_binds": True}))


def _ids(
    session: Session, model: Any, column: Any, codes: Sequence[str], unknown_code: str
) -> list[int]:
    rows = session.execute(select(column, model.id).where(column.in_(codes))).all()
    found: dict[str, int] = dict(rows)
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise KolabikError.coded(unknown_code, codes=", ".join(unknown))
    return [found[c] for c in dict.fromkeys(codes)]


def add_panel(
    db: EventDB,
    name: str,
    *,
    jurors: Sequence[str],
    categories: Sequence[str] = (),
    entries: Sequence[str] = (),
    chair: str = "",
) -> list[str]:
    """Add a panel; refuse unknown codes or a taken name, writing nothing. Returns the SQL run."""
    name = name.strip()
    if not name:
        raise KolabikError.coded(ec.PANEL_NAME_MISSING)
    if not jurors:
        raise KolabikError.coded(ec.PANEL_JURORS_MISSING, panel=name)
    if not categories and not entries:
        raise KolabikError.coded(ec.PANEL_SCOPE_MISSING, panel=name)
    ran: list[str] = []
    with db.session() as s:
        if s.scalar(select(Panel.id).where(Panel.name == name)) is not None:
            raise KolabikError.coded(ec.PANEL_EXISTS, panel=name)
        juror_ids = _ids(s, Juror, Juror.code, jurors, ec.PANEL_UNKNOWN_JURORS)
        category_ids = _ids(s, Category, Category.name, categories, ec.PANEL_UNKNOWN_CATEGORIES)
        entry_ids = _ids(s, Entry, Entry.code, entries, ec.PANEL_UNKNOWN_ENTRIES)
        stmt = insert(Panel).values(name=name, chair=chair, db_role=None).returning(Panel.id)
        ran.append(_sql(s, stmt))
        panel_id = s.execute(stmt).scalar_one()
        links = (
            (PanelJuror, "juror_id", juror_ids),
            (PanelCategory, "category_id", category_ids),
            (PanelEntry, "entry_id", entry_ids),
        )
        for model, column, ids in links:
            for item in ids:
                row = insert(model).values({"panel_id": panel_id, column: item})
                ran.append(_sql(s, row))
                s.execute(row)
        audit.append(
            s,
            at=utc_now(),
            actor="committee",
            action="panel.add",
            source="local",
            subject={"panel": name},
            new={"jurors": list(jurors), "categories": list(categories), "entries": list(entries)},
        )
    return ran


def list_panels(db: EventDB) -> list[PanelInfo]:
    with db.session() as s:
        out = []
        for panel in s.scalars(select(Panel).order_by(Panel.name)):
            jurors = s.scalars(
                select(Juror.code)
                .join(PanelJuror, PanelJuror.juror_id == Juror.id)
                .where(PanelJuror.panel_id == panel.id)
                .order_by(Juror.code)
            ).all()
            cats = s.scalars(
                select(Category.name)
                .join(PanelCategory, PanelCategory.category_id == Category.id)
                .where(PanelCategory.panel_id == panel.id)
                .order_by(Category.position)
            ).all()
            listed = s.scalars(
                select(Entry.code)
                .join(PanelEntry, PanelEntry.entry_id == Entry.id)
                .where(PanelEntry.panel_id == panel.id)
                .order_by(Entry.code)
            ).all()
            out.append(
                PanelInfo(
                    panel.name,
                    panel.chair,
                    panel.db_role,
                    tuple(jurors),
                    tuple(cats),
                    tuple(listed),
                    len(panel_entry_ids(s, panel.id)),
                )
            )
    return out


def panel_entry_ids(s: Session, panel_id: int) -> set[int]:
    """The entries a panel judges: those listed plus those in its categories."""
    listed = s.scalars(select(PanelEntry.entry_id).where(PanelEntry.panel_id == panel_id))
    in_cats = s.scalars(
        select(Entry.id)
        .join(PanelCategory, PanelCategory.category_id == Entry.category_id)
        .where(PanelCategory.panel_id == panel_id)
    )
    return set(listed) | set(in_cats)


def grant_panel(db: EventDB, name: str, role: str, *, dry_run: bool = False) -> list[str]:
    """Give panel ``name``'s chair the database role ``role`` (server only). Returns the SQL."""
    if not isinstance(db, dialect.ServerEventDB):
        raise KolabikError.coded(ec.PANEL_ROLES_ON_FILE, file=db.path.name)
    role = dialect.valid_role(role)
    with db.session() as s:
        if s.scalar(select(Panel.id).where(Panel.name == name)) is None:
            raise KolabikError.coded(ec.PANEL_GONE, panel=name)
        taken = s.scalar(select(Panel.name).where(Panel.db_role == role, Panel.name != name))
        if taken:
            raise KolabikError.coded(ec.PANEL_ROLE_TAKEN, role=role, panel=taken)
        stmt = update(Panel).where(Panel.name == name).values(db_role=role)
        sql = [
            *dialect.panel_security_sql(db.url.dbname),
            *dialect.panel_role_sql(role),
            _sql(s, stmt),
        ]
        if dry_run:
            return sql
        for statement in sql[:-1]:
            s.connection().exec_driver_sql(statement)
        s.execute(stmt)
        audit.append(
            s,
            at=utc_now(),
            actor="committee",
            action="panel.grant",
            source="local",
            subject={"panel": name},
            new={"role": role},
        )
    return sql
