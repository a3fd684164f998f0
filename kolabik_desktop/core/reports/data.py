"""Everything a report prints, read from the event file in one short session.

Builders take a ``ReportData`` (plain data, no session) and return PDF bytes; every score they
print comes from the one ``Scorer`` built here, never from arithmetic of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from sqlalchemy import select

from kolabik_desktop.core.exchange import signing
from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.scoring.model import EventSpec, JurorSpec, StageSpec
from kolabik_desktop.core.store import audit
from kolabik_desktop.core.store.awards import AWARD_KEYS, AwardSettings, read_award_settings
from kolabik_desktop.core.store.db import EventDB
from kolabik_desktop.core.store.models import (
    Category,
    Comment,
    Event,
    Juror,
    Score,
    Setting,
)
from kolabik_desktop.core.store.services import load_event_spec, load_values
from kolabik_desktop.core.store.setup import SETTING_REPORT_CHAIR as SETTING_CHAIR
from kolabik_desktop.core.store.setup import SETTING_REPORT_PLACE as SETTING_PLACE
from kolabik_desktop.core.store.tolerance import stage_tolerances


@dataclass
class ReportData:
    name: str
    year: int | None
    organiser: str
    logo: bytes | None
    event: EventSpec
    values: dict[tuple[int, int, int], Decimal]
    # (juror_id, entry_id, criterion_id) -> the juror's note on that criterion
    notes: dict[tuple[int, int, int], str] = field(default_factory=dict)
    # (juror_id, entry_id, stage_id) -> the juror's overall comment
    comments: dict[tuple[int, int, int], str] = field(default_factory=dict)
    affiliations: dict[int, str] = field(default_factory=dict)  # juror id -> affiliation
    categories: tuple[str, ...] = ()  # in the event's order
    place: str = ""
    chair: str = ""
    kit: bool = False  # read from a juror's kit: only that juror's scores are in it
    # The audit log's head (hash of its last row) when read: printed beside the fingerprint so
    # `kolabik check --against` can tell whether the log still holds the state printed.
    audit_head: str = ""
    # Juror id -> short fingerprint of their signing key, to compare with the chair's on paper.
    key_fingerprints: dict[int, str] = field(default_factory=dict)
    tolerances: dict[str, Decimal] = field(default_factory=dict)  # stage code -> outlier limit
    # Certificates and the decision letter: signer, distinction names, legal bases.
    awards: AwardSettings = field(default_factory=AwardSettings)
    event_uid: str = ""

    @cached_property
    def scorer(self) -> Scorer:
        return Scorer(self.event, self.values)

    def stage(self, code: str) -> StageSpec:
        for s in self.event.stages:
            if s.code == code:
                return s
        known = ", ".join(s.code for s in self.event.stages) or "none"
        raise KeyError(f"no stage '{code}' in this event (stages: {known})")

    def juror(self, code: str) -> JurorSpec:
        for j in self.event.jurors:
            if j.code == code:
                return j
        known = ", ".join(j.code for j in self.event.jurors) or "none"
        raise KeyError(f"no juror '{code}' in this event (jurors: {known})")

    def title_line(self) -> str:
        # "Kolabik 2023" already names its year; "Kolabik" gets it appended.
        if self.year and str(self.year) not in self.name:
            return f"{self.name} {self.year}"
        return self.name


def load_report_data(db: EventDB, *, with_notes: bool = True) -> ReportData:
    """Read the event for reports. ``with_notes=False`` skips notes and comments (recaps)."""
    with db.session() as s:
        ev = s.scalars(select(Event)).one()
        spec = load_event_spec(s)
        values = load_values(s)
        notes: dict[tuple[int, int, int], str] = {}
        comments: dict[tuple[int, int, int], str] = {}
        if with_notes:
            notes = {
                (j, e, c): n
                for j, e, c, n in s.execute(
                    select(Score.juror_id, Score.entry_id, Score.criterion_id, Score.note).where(
                        Score.note != ""
                    )
                )
            }
            comments = {
                (j, e, st): text
                for j, e, st, text in s.execute(
                    select(
                        Comment.juror_id, Comment.entry_id, Comment.stage_id, Comment.text
                    ).where(Comment.text != "")
                )
            }
        affiliations = dict(s.execute(select(Juror.id, Juror.affiliation)).all())
        audit_head = audit.last_hash(s)
        keys = {j: key for j, key in s.execute(select(Juror.id, Juror.public_key)) if key}
        if db.kind == "kit" and db.kit_juror_id is not None:
            own = s.scalar(select(Setting.value).where(Setting.key == signing.KIT_KEY_SETTING))
            if own:
                keys[db.kit_juror_id] = signing.public_key_of(bytes.fromhex(own))
        categories = tuple(
            s.scalars(select(Category.name).order_by(Category.position, Category.id)).all()
        )
        settings = dict(
            s.execute(
                select(Setting.key, Setting.value).where(
                    Setting.key.in_((SETTING_PLACE, SETTING_CHAIR, *AWARD_KEYS))
                )
            ).all()
        )
        return ReportData(
            name=ev.name,
            year=ev.year,
            organiser=ev.organiser or "",
            logo=ev.logo,
            event=spec,
            values=values,
            notes=notes,
            comments=comments,
            affiliations=affiliations,
            categories=categories,
            place=settings.get(SETTING_PLACE, ""),
            chair=settings.get(SETTING_CHAIR, ""),
            kit=db.kind == "kit",
            audit_head=audit_head,
            key_fingerprints={j: signing.key_fingerprint(k) for j, k in keys.items()},
            tolerances=stage_tolerances(s),
            awards=read_award_settings(settings),
            event_uid=ev.uid,
        )
