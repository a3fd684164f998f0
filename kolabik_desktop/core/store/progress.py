"""How far each juror has got, per stage, for the chair (issue 5, part 5).

Counts follow the scoring contract: a juror's work on an entry is complete when every criterion
of weight > 0 has a value, partial when it has some values, not started otherwise. Only entries
the juror must score count: admitted to the stage, assigned to them, and not recused.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select

from kolabik_desktop.core.store.db import EventDB
from kolabik_desktop.core.store.keys import key_fingerprint
from kolabik_desktop.core.store.models import (
    Assignment,
    Conflict,
    Criterion,
    Entry,
    Juror,
    PackageReceipt,
    Score,
    Stage,
    StageAdmission,
    Submission,
)


@dataclass(frozen=True)
class JurorStageProgress:
    juror_id: int
    juror_code: str
    juror_name: str
    stage_id: int
    stage_code: str
    stage_name: str
    to_score: int  # entries this juror must score in this stage
    complete: int
    partial: int
    not_started: int
    submitted: bool
    last_package_at: str | None  # when the chair imported the juror's latest package
    last_package_file: str  # its file name, "" when none
    # Short fingerprint of the key the event trusts for the juror ("" until a signed package).
    key_fingerprint: str = ""


def juror_progress(db: EventDB) -> list[JurorStageProgress]:
    """One row per juror and stage, ordered by juror code then stage position."""
    with db.session() as s:
        jurors = s.execute(select(Juror.id, Juror.code, Juror.name).order_by(Juror.code)).all()
        stages = s.execute(
            select(Stage.id, Stage.code, Stage.name).order_by(Stage.position, Stage.id)
        ).all()
        all_entries = set(s.scalars(select(Entry.id)))
        admitted: dict[int, set[int]] = {}
        for stage_id, entry_id in s.execute(
            select(StageAdmission.stage_id, StageAdmission.entry_id)
        ):
            admitted.setdefault(stage_id, set()).add(entry_id)
        assigned: dict[tuple[int, int], set[int]] = {}
        assigned_stages: set[int] = set()
        for stage_id, juror_id, entry_id in s.execute(
            select(Assignment.stage_id, Assignment.juror_id, Assignment.entry_id)
        ):
            assigned_stages.add(stage_id)
            assigned.setdefault((stage_id, juror_id), set()).add(entry_id)
        recused: dict[int, set[int]] = {}
        for juror_id, entry_id in s.execute(select(Conflict.juror_id, Conflict.entry_id)):
            recused.setdefault(juror_id, set()).add(entry_id)
        criteria = s.execute(select(Criterion.id, Criterion.stage_id, Criterion.weight)).all()
        weighted = [cid for cid, _st, weight in criteria if weight > 0]
        needed: dict[int, int] = {}
        for _cid, stage_id, weight in criteria:
            needed[stage_id] = needed.get(stage_id, 0) + (1 if weight > 0 else 0)
        counts = s.execute(
            select(
                Score.juror_id,
                Criterion.stage_id,
                Score.entry_id,
                func.count(),
                func.sum(case((Score.criterion_id.in_(weighted), 1), else_=0)),
            )
            .join(Criterion, Criterion.id == Score.criterion_id)
            .where(Score.value.is_not(None))
            .group_by(Score.juror_id, Criterion.stage_id, Score.entry_id)
        ).all()
        submitted = {
            (j, st)
            for j, st in s.execute(
                select(Submission.juror_id, Submission.stage_id).where(Submission.submitted)
            )
        }
        keys = {j: key for j, key in s.execute(select(Juror.id, Juror.public_key)) if key}
        latest: dict[int, tuple[str, str]] = {}
        for juror_id, imported_at, filename in s.execute(
            select(PackageReceipt.juror_id, PackageReceipt.imported_at, PackageReceipt.filename)
        ):
            if juror_id not in latest or imported_at > latest[juror_id][0]:
                latest[juror_id] = (imported_at, filename)

    first_stage = stages[0][0] if stages else None
    to_score: dict[tuple[int, int], set[int]] = {}
    for stage_id, _code, _name in stages:
        pool = all_entries if stage_id == first_stage else admitted.get(stage_id, set())
        for juror_id, _jc, _jn in jurors:
            mine = pool
            if stage_id in assigned_stages:
                mine = pool & assigned.get((stage_id, juror_id), set())
            to_score[(juror_id, stage_id)] = mine - recused.get(juror_id, set())
    complete: dict[tuple[int, int], int] = {}
    partial: dict[tuple[int, int], int] = {}
    for juror_id, stage_id, entry_id, n_values, n_weighted in counts:
        key = (juror_id, stage_id)
        if entry_id not in to_score.get(key, ()):
            continue
        need = needed.get(stage_id, 0)
        done = n_weighted >= need if need else n_values > 0
        target = complete if done else partial
        target[key] = target.get(key, 0) + 1

    rows = []
    for juror_id, juror_code, juror_name in jurors:
        imported_at, filename = latest.get(juror_id, ("", ""))
        for stage_id, stage_code, stage_name in stages:
            key = (juror_id, stage_id)
            total = len(to_score[key])
            rows.append(
                JurorStageProgress(
                    juror_id=juror_id,
                    juror_code=juror_code,
                    juror_name=juror_name,
                    stage_id=stage_id,
                    stage_code=stage_code,
                    stage_name=stage_name,
                    to_score=total,
                    complete=complete.get(key, 0),
                    partial=partial.get(key, 0),
                    not_started=total - complete.get(key, 0) - partial.get(key, 0),
                    submitted=key in submitted,
                    last_package_at=imported_at or None,
                    last_package_file=filename,
                    key_fingerprint=key_fingerprint(keys[juror_id]) if juror_id in keys else "",
                )
            )
    return rows
