"""Entries, their categories and attached files as the views and commands read them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kolabik_desktop.core.store.queries._session import Source, reading, sqlite_source


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    mime: str
    size: int

    @property
    def is_pdf(self) -> bool:
        """A PDF by its type, or by its name when the type was not recorded."""
        return self.mime == "application/pdf" or self.filename.lower().endswith(".pdf")


@dataclass(frozen=True)
class EntryDetail:
    id: int
    code: str
    title: str
    unit: str
    category: str  # "" when it has none
    summary: str
    attachments: tuple[AttachmentInfo, ...]  # in the order they were attached


# Settings key of a promoted entry's provenance (written by core.store.awards).
PROVENANCE_PREFIX = "entry.provenance."


def provenance_key(entry_id: int) -> str:
    """The settings key of one promoted entry's provenance."""
    return f"{PROVENANCE_PREFIX}{entry_id}"


@dataclass(frozen=True)
class Provenance:
    """Where a promoted entry came from: the source event, its place there and its score."""

    event_uid: str
    event_name: str  # "Kolabik 2023"
    entry_code: str  # the entry's code in the source event
    board: str  # "final" or a stage code
    rank: int
    place: str  # "Terbaik II", as the certificate prints it
    score: str  # display text, dot decimal ("85.50")
    status: str  # final or provisional
    promoted_at: str = ""

    @staticmethod
    def from_json(text: str) -> Provenance | None:
        try:
            raw: Any = json.loads(text)
            return Provenance(**raw)
        except (ValueError, TypeError):
            return None


def entry_provenance(source: Source, entry_id: int) -> Provenance | None:
    """A promoted entry's provenance (None for an entry entered here)."""
    key = provenance_key(entry_id)
    db = sqlite_source(source)
    if db is not None:  # shown with the first proposal, before SQLAlchemy is loaded
        with db.sqlite_reader() as conn:
            found = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        text = (found[0] if found else None) or ""
    else:
        from sqlalchemy import select

        from kolabik_desktop.core.store.models import Setting

        with reading(source) as s:
            text = s.scalar(select(Setting.value).where(Setting.key == key)) or ""
    return Provenance.from_json(text) if text else None


@dataclass(frozen=True)
class EntryRef:
    id: int
    code: str
    title: str


def entry_detail(source: Source, entry_id: int) -> EntryDetail | None:
    """One entry with its category's name and its attachments (their bytes stay in the file)."""
    db = sqlite_source(source)
    if db is not None:  # the first proposal shown, before SQLAlchemy is loaded
        with db.sqlite_reader() as conn:
            row = conn.execute(
                "SELECT entry.code, entry.title, entry.unit, entry.summary, category.name "
                "FROM entry LEFT OUTER JOIN category ON category.id = entry.category_id "
                "WHERE entry.id = ?",
                (entry_id,),
            ).fetchone()
            if row is None:
                return None
            attachments = tuple(
                AttachmentInfo(aid, name, mime or "", size or 0)
                for aid, name, mime, size in conn.execute(
                    "SELECT id, filename, mime, size FROM attachment WHERE entry_id = ? "
                    "ORDER BY id",
                    (entry_id,),
                )
            )
        return _detail(entry_id, row, attachments)
    from sqlalchemy import select

    from kolabik_desktop.core.store.models import Attachment, Category, Entry

    with reading(source) as s:
        row = s.execute(
            select(Entry.code, Entry.title, Entry.unit, Entry.summary, Category.name)
            .outerjoin(Category, Category.id == Entry.category_id)
            .where(Entry.id == entry_id)
        ).first()
        if row is None:
            return None
        attachments = tuple(
            AttachmentInfo(aid, name, mime or "", size or 0)
            for aid, name, mime, size in s.execute(
                select(Attachment.id, Attachment.filename, Attachment.mime, Attachment.size)
                .where(Attachment.entry_id == entry_id)
                .order_by(Attachment.id)
            )
        )
    return _detail(entry_id, tuple(row), attachments)


def _detail(
    entry_id: int,
    row: tuple[Any, ...],  # code, title, unit, summary, category name
    attachments: tuple[AttachmentInfo, ...],
) -> EntryDetail:
    code, title, unit, summary, category = row
    return EntryDetail(
        entry_id, code, title, unit or "", category or "", summary or "", attachments
    )


def attachment_data(source: Source, attachment_id: int) -> bytes:
    """An attachment's bytes (empty for an unknown id)."""
    db = sqlite_source(source)
    if db is not None:  # the first proposal's PDF, before SQLAlchemy is loaded
        with db.sqlite_reader() as conn:
            found = conn.execute(
                "SELECT data FROM attachment WHERE id = ?", (attachment_id,)
            ).fetchone()
        return bytes((found[0] if found else None) or b"")
    from sqlalchemy import select

    from kolabik_desktop.core.store.models import Attachment

    with reading(source) as s:
        data = s.scalar(select(Attachment.data).where(Attachment.id == attachment_id))
    return bytes(data or b"")


def entry_by_code(source: Source, code: str) -> EntryRef | None:
    from sqlalchemy import select

    from kolabik_desktop.core.store.models import Entry

    with reading(source) as s:
        row = s.execute(select(Entry.id, Entry.code, Entry.title).where(Entry.code == code)).first()
    return None if row is None else EntryRef(*row)


def category_names(source: Source) -> tuple[str, ...]:
    """Every category's name in the event's order."""
    db = sqlite_source(source)
    if db is not None:  # the entry list's category filter, before SQLAlchemy is loaded
        with db.sqlite_reader() as conn:
            return tuple(
                n for (n,) in conn.execute("SELECT name FROM category ORDER BY position, name")
            )
    from sqlalchemy import select

    from kolabik_desktop.core.store.models import Category

    with reading(source) as s:
        return tuple(s.scalars(select(Category.name).order_by(Category.position, Category.name)))
