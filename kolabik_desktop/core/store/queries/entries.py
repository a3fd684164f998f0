"""Entries, their categories and attached files as the views and commands read them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from kolabik_desktop.core.store.models import Attachment, Category, Entry
from kolabik_desktop.core.store.queries._session import Source, reading


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


@dataclass(frozen=True)
class EntryRef:
    id: int
    code: str
    title: str


def entry_detail(source: Source, entry_id: int) -> EntryDetail | None:
    """One entry with its category's name and its attachments (their bytes stay in the file)."""
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
    code, title, unit, summary, category = row
    return EntryDetail(
        entry_id, code, title, unit or "", category or "", summary or "", attachments
    )


def attachment_data(source: Source, attachment_id: int) -> bytes:
    """An attachment's bytes (empty for an unknown id)."""
    with reading(source) as s:
        data = s.scalar(select(Attachment.data).where(Attachment.id == attachment_id))
    return bytes(data or b"")


def entry_by_code(source: Source, code: str) -> EntryRef | None:
    with reading(source) as s:
        row = s.execute(select(Entry.id, Entry.code, Entry.title).where(Entry.code == code)).first()
    return None if row is None else EntryRef(*row)


def category_names(source: Source) -> tuple[str, ...]:
    """Every category's name in the event's order."""
    with reading(source) as s:
        return tuple(s.scalars(select(Category.name).order_by(Category.position, Category.name)))
