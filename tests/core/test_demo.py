"""The demo competition: its shape, its partial scores, determinism, and a sensible ranking."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kolabik_desktop.core.demo import TOP_N, build_demo_event, is_demo_file
from kolabik_desktop.core.errors import EventFileError
from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.scoring.model import FINAL
from kolabik_desktop.core.store import audit
from kolabik_desktop.core.store.db import create_event_file, open_event_file
from kolabik_desktop.core.store.models import (
    Attachment,
    Category,
    Comment,
    Conflict,
    Criterion,
    Entry,
    Juror,
    Score,
    Stage,
    StageAdmission,
    Submission,
)
from kolabik_desktop.core.store.services import load_scoring_input


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("demo") / "demo.kolabik"
    summary = build_demo_event(path)
    db = open_event_file(path)
    data = load_scoring_input(db)
    yield db, Scorer(data.event, data.values), summary
    db.close()


def _statuses(scorer: Scorer, stage: str, juror_ids: list[int], entry_ids: list[int]):
    return {j: Counter(scorer.juror_status(stage, j, e) for e in entry_ids) for j in juror_ids}


def test_shape_of_the_demo(demo):
    db, scorer, summary = demo
    assert (summary.entries, summary.categories, summary.jurors) == (60, 7, 5)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Entry)) == 60
        categories = s.scalars(select(Category.name)).all()
        assert len(categories) == 7
        per_category = Counter(s.execute(select(Entry.category_id)).scalars().all())
        assert len(per_category) == 7 and min(per_category.values()) >= 4
        jurors = s.scalars(select(Juror)).all()
        assert len(jurors) == 5
        assert all(j.name and j.affiliation for j in jurors)
        units = s.scalars(select(Entry.unit)).all()
        assert any(u.startswith("Dinas ") for u in units)
        assert any(u.startswith("Kelurahan ") for u in units)
        assert any(u.startswith("Puskesmas ") for u in units)
        assert all(e.summary for e in s.scalars(select(Entry)))
        conflicts = s.scalars(select(Conflict)).all()
        assert len(conflicts) == 1 and conflicts[0].reason
        stages = s.scalars(select(Stage).order_by(Stage.position)).all()
        assert [st.code for st in stages] == ["P1", "P2"]
        for st in stages:
            assert sum(c.weight for c in st.criteria) == 100
        p1_names = [c.name for c in stages[0].criteria]
        assert p1_names[0] == "Ringkasan" and "Signifikansi" in p1_names
        assert [c.name for c in stages[1].criteria][0] == "Penyampaian Paparan"


def test_criteria_carry_descriptions_and_level_descriptors(demo):
    db, _scorer, _summary = demo
    with db.session() as s:
        criteria = s.scalars(select(Criterion).where(Criterion.weight > 0)).all()
    assert criteria
    for c in criteria:
        assert c.description
        levels = json.loads(c.descriptors)
        assert {level["value"] for level in levels} >= {60, 90}
        assert all(level["text"] for level in levels)


def test_top_20_of_stage_1_admitted_to_stage_2(demo):
    db, scorer, summary = demo
    with db.session() as s:
        p2 = s.scalar(select(Stage.id).where(Stage.code == "P2"))
        admitted = set(
            s.scalars(select(StageAdmission.entry_id).where(StageAdmission.stage_id == p2))
        )
    assert summary.admitted == len(admitted) == TOP_N
    top = {row.entry.id for row in scorer.leaderboard("P1").rows[:TOP_N]}
    assert admitted == top


def test_scores_are_partly_filled_in(demo):
    db, scorer, _summary = demo
    event = scorer.event
    entry_ids = [e.id for e in event.entries]
    jurors = {j.code: j.id for j in event.jurors}
    p1 = _statuses(scorer, "P1", list(jurors.values()), entry_ids)
    for code in ("J1", "J2", "J3", "J4"):
        assert set(p1[jurors[code]]) <= {"complete", "recused"}
    assert p1[jurors["J3"]]["recused"] == 1
    partway = p1[jurors["J5"]]
    assert partway["complete"] > 30 and partway["partial"] == 1 and partway["not_started"] > 5

    finalists = sorted(event.stages[1].admitted or ())
    p2 = Counter(scorer.juror_status("P2", j, e) for j in jurors.values() for e in finalists)
    assert p2["complete"] and p2["partial"] and p2["not_started"]

    with db.session() as s:
        submitted = s.scalar(select(func.count()).select_from(Submission))
        notes = s.scalar(select(func.count()).select_from(Score).where(Score.note != ""))
        comments = s.scalar(select(func.count()).select_from(Comment))
        assert submitted == 4
        assert notes > 50 and comments > 10
        assert audit.verify_chain(s) == []


def test_final_leaderboard_is_sensible(demo):
    _db, scorer, _summary = demo
    rows = scorer.leaderboard(FINAL).rows
    assert len(rows) == 60
    ranked = [r for r in rows if r.rank is not None]
    statuses = Counter(r.status for r in ranked)
    assert statuses["final"] >= 5 and statuses["provisional"] >= 1
    assert [r.rank for r in ranked] == sorted(r.rank for r in ranked)
    assert ranked[0].rank == 1
    scores = [r.score for r in ranked]
    assert scores == sorted(scores, reverse=True)
    # The ranked entries come first, then the unscored ones without a rank.
    assert rows[: len(ranked)] == tuple(ranked)
    rest = rows[len(ranked) :]
    assert all(r.status in ("unscored", "not_advanced") and r.display == "" for r in rest)
    # The 40 entries outside the Top 20 did not advance to P2: not counted as unscored.
    not_advanced = [r for r in rest if r.status == "not_advanced"]
    assert len(not_advanced) == 40
    assert {(r.not_advanced_to, r.last_stage) for r in not_advanced} == {("P2", "P1")}


def test_some_finalists_have_a_proposal_pdf(demo):
    db, _scorer, _summary = demo
    with db.session() as s:
        attachments = s.scalars(select(Attachment)).all()
    assert 1 <= len(attachments) <= 10
    for a in attachments:
        assert a.data.startswith(b"%PDF") and a.size == len(a.data)
        assert a.mime == "application/pdf"


def _content(path: Path) -> list:
    db = open_event_file(path)
    try:
        with db.session() as s:
            return [
                s.execute(select(Entry.code, Entry.title, Entry.unit, Entry.summary)).all(),
                s.execute(
                    select(
                        Score.juror_id, Score.entry_id, Score.criterion_id, Score.value, Score.note
                    ).order_by(Score.id)
                ).all(),
                s.execute(select(Attachment.sha256)).all(),
            ]
    finally:
        db.close()


def test_demo_is_deterministic(demo, tmp_path):
    db, _scorer, _summary = demo
    other = tmp_path / "again.kolabik"
    build_demo_event(other)
    assert _content(other) == _content(db.path)


def test_refuses_to_overwrite_a_real_event(tmp_path):
    real = tmp_path / "real.kolabik"
    create_event_file(real, name="Kovablik 2025").close()
    before = real.read_bytes()
    with pytest.raises(EventFileError, match="not a Kolabik demo"):
        build_demo_event(real, attachments=False)
    assert real.read_bytes() == before
    assert not is_demo_file(real)

    summary = build_demo_event(real, force=True, attachments=False)
    assert summary.replaced and is_demo_file(real)


def test_replaces_an_earlier_demo(tmp_path):
    path = tmp_path / "demo.kolabik"
    build_demo_event(path, attachments=False)
    db = open_event_file(path)
    with db.session() as s:
        s.add(Category(name="Tambahan", position=99))
    db.close()
    summary = build_demo_event(path, attachments=False)
    assert summary.replaced
    db = open_event_file(path)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Category)) == 7
    db.close()
    assert not list(tmp_path.glob(".*building*"))


def test_refuses_to_replace_a_demo_open_in_a_window(tmp_path):
    from kolabik_desktop.core.store.lock import EventLock, EventLockedError

    path = tmp_path / "demo.kolabik"
    build_demo_event(path, attachments=False)
    before = path.read_bytes()
    lock = EventLock.acquire(path)
    try:
        with pytest.raises(EventLockedError, match="already open"):
            build_demo_event(path, attachments=False)
    finally:
        lock.release()
    assert path.read_bytes() == before
