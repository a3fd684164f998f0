"""Send the winners on: the top N of an event become entries of the next level's event.

Each promoted entry carries its code, title, unit, category, summary and attached files, plus a
provenance record (the source event, its place and score there); no juror's score goes with it.
Every write goes through the setup services, so the target's audit log shows each one, and the
target is held with the one-writer lock while it is written.

Promoting is idempotent: an entry already in the target with the same content is left alone
(its provenance added if it had none). An entry code present with other content is refused,
naming it, before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

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
        raise ValidationError(
            "a juror's kit holds only that juror's scores: promote from the event"
        )
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


def _open_target(
    target: Path, *, name: str | None, template: str | None, year: int | None
) -> tuple[EventDB, bool]:
    """The target event, locked; created (with the template's rubric) when it does not exist."""
    if target.exists():
        db = open_event_file(target, lock=True)
        if db.kind != "event":
            db.close()
            raise EventFileError(
                f"{target}: a juror's kit, not an event: promote into an event file"
            )
        return db, False
    if target.suffix.lower() != ".kolabik":
        raise KolabikError(f"{target.name}: the next event's file should end in .kolabik")
    from kolabik_desktop.core.templates import apply_template

    db = create_event_file(target, name=name or target.stem, year=year)
    try:
        if template:
            with db.session() as s:
                apply_template(s, template, actor="chair")
    except BaseException:
        db.close()
        target.unlink(missing_ok=True)
        raise
    db.close()
    return open_event_file(target, lock=True), True


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
        raise KolabikError(f"{target.name}: the next event must be another file than the source")
    with open_event_file(source) as src:
        data = load_report_data(src, with_notes=False)
        plan = plan_promotion(data, stage=stage, top_n=top_n)
        check_confirmed(plan.awards, confirmed)
        codes = {a.row.entry.code for a in plan.awards.rows}
        carried = _carried(src, codes)
    db, created = _open_target(target, name=name, template=template, year=data.year)
    try:
        added, present = _write(db, data, plan, carried, progress)
    except BaseException:
        db.close()
        if created:
            target.unlink(missing_ok=True)
        raise
    db.close()
    return PromoteResult(target, created, tuple(added), tuple(present), plan.awards)


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
        raise ValidationError(
            f"{db.path.name} already has entries with these codes but other content: "
            f"{'; '.join(clashes)}. Rename or remove them there first; nothing was changed."
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
