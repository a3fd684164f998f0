"""Builders of small, realistic event files for tests (shared by core, ui and cli tests).

``make_event(tmp_path / "x.kolabik")`` gives a two-stage KIPP-style event: stage P1 (the KIPP 2023
proposal rubric) and stage P2 (the East Java presentation rubric), categories, entries, jurors, one
conflict of interest, the top entries admitted to P2, and deterministic scores for a fraction of
the cells. Scores are written straight to the tables (no audit rows), as an import would;
``audited=True`` also logs each one as a score.set audit row, so ``kolabik check``'s replay of the
log accounts for every score.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kolabik_desktop.core import templates
from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.store import audit
from kolabik_desktop.core.store.db import EventDB, create_event_file, utc_now
from kolabik_desktop.core.store.models import (
    Category,
    Conflict,
    Criterion,
    Entry,
    Juror,
    Score,
    Stage,
    StageAdmission,
)
from kolabik_desktop.core.store.services import load_scoring_input

# (code, name, weight) of the rubrics the docstring names
KIPP_2023 = [(c.code, c.name, c.weight) for c in templates.KIPP_2023_PROPOSAL.criteria]
EAST_JAVA_PRESENTATION = [
    (c.code, c.name, c.weight) for c in templates.EAST_JAVA_PRESENTATION.criteria
]
CATEGORIES = ["Perangkat Daerah", "Kecamatan", "Kelurahan", "Puskesmas", "Sekolah"]


@dataclass
class EventIds:
    stages: dict[str, int]
    criteria: dict[tuple[str, str], int]  # (stage code, criterion code) -> id
    entries: list[int]
    jurors: list[int]
    conflict: tuple[int, int] | None


def make_event(
    path: Path,
    *,
    entries: int = 12,
    jurors: int = 5,
    admitted_to_p2: int = 5,
    fill: float = 1.0,
    p2_fill: float = 0.0,
    conflict: bool = True,
    seed: int = 7,
    name: str = "Kolabik Uji 2023",
    audited: bool = False,
) -> tuple[EventDB, EventIds]:
    """Create the event file and return it open, with the ids tests need."""
    rng = random.Random(seed)
    db = create_event_file(path, name=name, year=2023, organiser="Pemerintah Kota Pasuruan")
    now = utc_now()
    with db.session() as s:
        cats = [Category(name=n, position=i) for i, n in enumerate(CATEGORIES)]
        s.add_all(cats)
        p1 = Stage(code="P1", name="Penilaian Proposal", position=1, weight=Decimal(40))
        p2 = Stage(code="P2", name="Presentasi dan Wawancara", position=2, weight=Decimal(60))
        s.add_all([p1, p2])
        s.flush()
        crit_ids: dict[tuple[str, str], int] = {}
        for stage, rubric in ((p1, KIPP_2023), (p2, EAST_JAVA_PRESENTATION)):
            for pos, (code, cname, weight) in enumerate(rubric):
                c = Criterion(
                    stage_id=stage.id,
                    code=code,
                    name=cname,
                    weight=Decimal(weight),
                    min_value=Decimal(0),
                    max_value=Decimal(100),
                    step=Decimal(1),
                    position=pos,
                    description=f"Penilaian aspek {cname.lower()}.",
                )
                s.add(c)
                s.flush()
                crit_ids[(stage.code, code)] = c.id
        entry_rows = [
            Entry(
                code=f"IN-{i + 1:03d}",
                title=f"Inovasi Layanan {i + 1}",
                unit=f"Unit {i % 7 + 1}",
                category_id=cats[i % len(cats)].id,
                summary=f"Ringkasan inovasi nomor {i + 1}.",
            )
            for i in range(entries)
        ]
        juror_rows = [
            Juror(code=f"J{j + 1}", name=f"Juri {j + 1}", affiliation="Universitas Merdeka")
            for j in range(jurors)
        ]
        s.add_all(entry_rows + juror_rows)
        s.flush()
        entry_ids = [e.id for e in entry_rows]
        juror_ids = [j.id for j in juror_rows]
        conflict_pair = None
        if conflict and entries and jurors:
            conflict_pair = (juror_ids[0], entry_ids[0])
            s.add(Conflict(juror_id=juror_ids[0], entry_id=entry_ids[0], reason="Unit sendiri"))
        for e in entry_ids[:admitted_to_p2]:
            s.add(StageAdmission(stage_id=p2.id, entry_id=e))
        for stage, rubric, frac, admitted in (
            (p1, KIPP_2023, fill, entry_ids),
            (p2, EAST_JAVA_PRESENTATION, p2_fill, entry_ids[:admitted_to_p2]),
        ):
            for e in admitted:
                for j in juror_ids:
                    if (j, e) == conflict_pair or rng.random() >= frac:
                        continue
                    for code, _n, _w in rubric:
                        s.add(
                            Score(
                                juror_id=j,
                                entry_id=e,
                                criterion_id=crit_ids[(stage.code, code)],
                                value=Decimal(rng.randrange(50, 101)),
                                note="",
                                revision=1,
                                updated_at=now,
                            )
                        )
        stage_ids = {"P1": p1.id, "P2": p2.id}
        if audited:
            _audit_scores(s, now)
    return db, EventIds(stage_ids, crit_ids, entry_ids, juror_ids, conflict_pair)


def _audit_scores(s: Session, now: str) -> None:
    """One score.set row per score written, as services.set_score would have logged it."""
    s.flush()
    rows = s.execute(
        select(Juror.code, Entry.code, Stage.code, Criterion.code, Score.value)
        .join(Juror, Juror.id == Score.juror_id)
        .join(Entry, Entry.id == Score.entry_id)
        .join(Criterion, Criterion.id == Score.criterion_id)
        .join(Stage, Stage.id == Criterion.stage_id)
        .order_by(Score.id)
    )
    audit.append_many(
        s,
        (
            {
                "at": now,
                "actor": juror,
                "action": "score.set",
                "source": "factory",
                "subject": {"juror": juror, "entry": entry, "stage": stage, "criterion": crit},
                "new": {"value": str(value), "note": "", "revision": 1},
            }
            for juror, entry, stage, crit, value in rows
        ),
        prev_hash=audit.last_hash(s),
    )


def make_tied_event(path: Path, *, admitted_to_p2: int = 5) -> tuple[EventDB, EventIds]:
    """Entries IN-001..IN-006 with P1 totals 90, 80, 70, 70, 70, 60 (one juror): a tie at 3rd."""
    db, ids = make_event(
        path, entries=6, jurors=1, fill=0.0, conflict=False, admitted_to_p2=admitted_to_p2
    )
    with db.session() as s:
        for e, v in zip(ids.entries, [90, 80, 70, 70, 70, 60], strict=True):
            for (stage_code, _c), cid in ids.criteria.items():
                if stage_code == "P1":
                    s.add(
                        Score(
                            juror_id=ids.jurors[0],
                            entry_id=e,
                            criterion_id=cid,
                            value=Decimal(v),
                            revision=1,
                            updated_at="t",
                        )
                    )
    return db, ids


def scorer_for(db: EventDB) -> Scorer:
    data = load_scoring_input(db)
    return Scorer(data.event, data.values)
