"""Send the winners on: the top N of an event become entries of the next level's event.

Each promoted entry carries its code, title, unit, category, summary and attached files, plus a
provenance record (the source event, its place and score there); no juror's score goes with it.
Every write goes through the setup services, so the target's audit log shows each one. An
existing target is held with the one-writer lock while it is written; a new one is built beside
its name and renamed into place when complete.

Promoting is idempotent: an entry already in the target with the same content is left alone
(its provenance added if it had none). An entry code present with other content is refused,
naming it, before anything is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import EventFileError, KolabikError, ValidationError
from kolabik_desktop.core.reports.awards import Awards, check_confirmed, select_awards
from kolabik_desktop.core.reports.data import ReportData, load_report_data
from kolabik_desktop.core.store.awards import Provenance, all_provenance, set_provenance
from kolabik_desktop.core.store.db import EventDB, create_event_file, open_event_file, utc_now
from kolabik_desktop.core.store.models import Attachment, Category, Entry
from kolabik_desktop.core.store.setup import (
    EntryData,
    add_category,
    add_entry,
    attach_data,
)

_T = TypeVar("_T")


@dataclass(frozen=True)
class Carried:
    """What of an entry goes to the next level (and what two entries are compared by)."""

    code: str
    title: str
    unit: str
    category: str
    summary: str
    files: tuple[tuple[str, str], ...]  # (filename, sha256), sorted

    def differences(self, other: Carried) -> list[str]:
        fields = ("title", "unit", "category", "summary", "files")
        return [f for f in fields if getattr(self, f) != getattr(other, f)]


@dataclass(frozen=True)
class PromotionPlan:
    awards: Awards
    source_name: str


@dataclass(frozen=True)
class PromoteResult:
    target: Path
    created: bool
    added: tuple[str, ...]  # entry codes added to the target
    present: tuple[str, ...]  # entry codes already there with the same content
    awards: Awards


def plan_promotion(data: ReportData, *, stage: str | None, top_n: int) -> PromotionPlan:
    """Who would be promoted (the awarded places of the board); nothing is written."""
    if data.kit:
        raise ValidationError.coded(ec.PROMOTE_FROM_KIT)
    return PromotionPlan(select_awards(data, stage=stage, top_n=top_n), data.title_line())


def _carried(db: EventDB, codes: set[str]) -> dict[str, tuple[Carried, list[tuple[str, bytes]]]]:
    """Each entry's carried content and its files' bytes, by code."""
    out: dict[str, tuple[Carried, list[tuple[str, bytes]]]] = {}
    with db.session() as s:
        cats = dict(s.execute(select(Category.id, Category.name)).all())
        for entry in s.scalars(select(Entry).where(Entry.code.in_(codes))):
            files = s.execute(
                select(Attachment.filename, Attachment.sha256, Attachment.data)
                .where(Attachment.entry_id == entry.id)
                .order_by(Attachment.filename, Attachment.id)
            ).all()
            carried = Carried(
                code=entry.code,
                title=entry.title,
                unit=entry.unit,
                category=cats.get(entry.category_id, "") if entry.category_id else "",
                summary=entry.summary,
                files=tuple(sorted((f, h) for f, h, _ in files)),
            )
            out[entry.code] = (carried, [(f, d) for f, _, d in files])
    return out


def _open_existing(target: Path) -> EventDB:
    """The existing target event, locked against a window or another promote."""
    db = open_event_file(target, lock=True)
    if db.kind != "event":
        db.close()
        raise EventFileError.coded(ec.PROMOTE_INTO_KIT, file=str(target))
    return db


def _create_beside(
    target: Path, *, name: str, year: int | None, fill: Callable[[EventDB], _T]
) -> _T:
    """Build a new event beside ``target`` and rename it into place only when ``fill`` is done:
    a failure or a kill mid-way leaves no half-made next event (and nothing to refuse later)."""
    if target.suffix.lower() != ".kolabik":
        raise KolabikError.coded(ec.PROMOTE_SUFFIX, file=target.name)
    part = target.with_name(f".{target.name}.{os.getpid()}.building")
    _remove_sqlite_files(part)
    db = create_event_file(part, name=name, year=year)
    try:
        result = fill(db)
    except BaseException:
        db.close()
        _remove_sqlite_files(part)
        raise
    db.close()
    if target.exists():  # made by someone else meanwhile: never replace an event
        _remove_sqlite_files(part)
        raise EventFileError.coded(ec.PROMOTE_APPEARED, file=str(target))
    with part.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(part, target)
    return result


def _remove_sqlite_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def promote(
    source: str | Path,
    target: str | Path,
    *,
    top_n: int,
    stage: str | None = None,
    template: str | None = None,
    name: str | None = None,
    confirmed: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> PromoteResult:
    """Add the source's top ``top_n`` to the target event (created when missing)."""
    source, target = Path(source), Path(target)
    if target.exists() and source.resolve() == target.resolve():
        raise KolabikError.coded(ec.PROMOTE_SAME_FILE, file=target.name)
    with open_event_file(source, read_only=True) as src:
        data = load_report_data(src, with_notes=False)
        plan = plan_promotion(data, stage=stage, top_n=top_n)
        check_confirmed(plan.awards, confirmed)
        codes = {a.row.entry.code for a in plan.awards.rows}
        carried = _carried(src, codes)

    def fill(db: EventDB) -> tuple[list[str], list[str]]:
        return _write(db, data, plan, carried, progress)

    if target.exists():
        db = _open_existing(target)
        try:
            added, present = fill(db)
        finally:
            db.close()
        return PromoteResult(target, False, tuple(added), tuple(present), plan.awards)

    def build(db: EventDB) -> tuple[list[str], list[str]]:
        if template:
            from kolabik_desktop.core.templates import apply_template

            with db.session() as s:
                apply_template(s, template, actor="chair")
        return fill(db)

    added, present = _create_beside(target, name=name or target.stem, year=data.year, fill=build)
    return PromoteResult(target, True, tuple(added), tuple(present), plan.awards)


def _write(
    db: EventDB,
    data: ReportData,
    plan: PromotionPlan,
    carried: dict[str, tuple[Carried, list[tuple[str, bytes]]]],
    progress: Callable[[int, int, str], None] | None,
) -> tuple[list[str], list[str]]:
    codes = [a.row.entry.code for a in plan.awards.rows]
    existing = _carried(db, set(codes))
    clashes = [
        f"{code} ({', '.join(existing[code][0].differences(carried[code][0]))} differ)"
        for code in codes
        if code in existing and existing[code][0].differences(carried[code][0])
    ]
    if clashes:
        raise ValidationError.coded(
            ec.PROMOTE_CLASHES, file=db.path.name, clashes="; ".join(clashes)
        )
    with db.session() as s:
        categories = dict(s.execute(select(Category.name, Category.id)).all())
        entry_ids = dict(s.execute(select(Entry.code, Entry.id)).all())
    known = all_provenance(db)
    added: list[str] = []
    present: list[str] = []
    for n, award in enumerate(plan.awards.rows):
        content, files = carried[award.row.entry.code]
        if content.category and content.category not in categories:
            categories[content.category] = add_category(db, content.category)
        if content.code in entry_ids:
            entry_id = entry_ids[content.code]
            present.append(content.code)
        else:
            entry_id = add_entry(
                db,
                EntryData(
                    code=content.code,
                    title=content.title,
                    unit=content.unit,
                    category_id=categories.get(content.category) if content.category else None,
                    summary=content.summary,
                ),
            )
            for filename, blob in files:
                attach_data(db, entry_id, filename, blob)
            added.append(content.code)
        if entry_id not in known:
            set_provenance(db, entry_id, _provenance(data, plan.awards, award.row.entry.code))
        if progress is not None:
            progress(n + 1, len(plan.awards.rows), content.code)
    return added, present


def _provenance(data: ReportData, awards: Awards, code: str) -> Provenance:
    award = next(a for a in awards.rows if a.row.entry.code == code)
    return Provenance(
        event_uid=data.event_uid,
        event_name=data.title_line(),
        entry_code=code,
        board=awards.board,
        rank=award.rank,
        place=award.place,
        score=award.row.display,
        status=award.row.status,
        promoted_at=utc_now(),
    )
