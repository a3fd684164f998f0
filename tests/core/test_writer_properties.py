"""Property tests of the one writer: replicated cells (packages, kit updates, the live link) are
idempotent and order-free, as the merge promises; local edits bump revisions one by one."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from factories import make_event
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.writer import (
    CommentCell,
    ScoreCell,
    SubmissionCell,
    write_cells,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("writer")
    db, ids = make_event(folder / "ev.kolabik", entries=3, jurors=2, fill=0.0, conflict=False)
    db.close()
    return folder / "ev.kolabik", ids


def cells_strategy(ids):
    juror = ids.jurors[1]
    criteria = [ids.criteria[("P1", c)] for c in ("KEL", "SIG")]
    score = st.builds(
        ScoreCell,
        st.just(juror),
        st.sampled_from(ids.entries),
        st.sampled_from(criteria),
        st.one_of(st.none(), st.integers(0, 100).map(Decimal)),
        st.sampled_from(["", "baik", "kurang jelas"]),
        st.integers(1, 4),
        st.sampled_from(["2023-11-01T10:00:00Z", "2023-11-01T11:00:00Z"]),
    )
    comment = st.builds(
        CommentCell,
        st.just(juror),
        st.sampled_from(ids.entries),
        st.just(ids.stages["P1"]),
        st.sampled_from(["", "Bagus", "Perlu bukti"]),
        st.integers(1, 4),
        st.sampled_from(["2023-11-01T10:00:00Z", "2023-11-01T11:00:00Z"]),
    )
    submission = st.builds(
        SubmissionCell,
        st.just(juror),
        st.just(ids.stages["P1"]),
        st.booleans(),
        st.integers(1, 4),
        st.sampled_from(["2023-11-01T10:00:00Z", "2023-11-01T11:00:00Z"]),
    )
    return st.lists(st.one_of(score, comment, submission), min_size=1, max_size=15)


def state(path: Path) -> tuple[list[tuple], list[tuple], list[tuple]]:
    with sqlite3.connect(path) as con:
        return (
            con.execute(
                "SELECT juror_id, entry_id, criterion_id, value, note, revision, updated_at"
                " FROM score ORDER BY 1, 2, 3"
            ).fetchall(),
            con.execute("SELECT * FROM comment ORDER BY 1, 2, 3").fetchall(),
            con.execute("SELECT * FROM submission ORDER BY 1, 2").fetchall(),
        )


def audit_rows(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def apply_one_by_one(template_path: Path, folder: Path, name: str, cells) -> Path:
    path = folder / name
    shutil.copy(template_path, path)
    db = open_event_file(path)
    try:
        for cell in cells:
            # The merge rule alone: the submitted-stage lock depends, by design, on whether the
            # submission arrived first (test_proof_paths.py, test_trust.py test it).
            write_cells(db, [cell], source="test", hold_submitted=False)
    finally:
        db.close()
    return path


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_replicated_cells_are_order_free_and_idempotent(template, data):
    template_path, ids = template
    cells = data.draw(cells_strategy(ids))
    shuffled = data.draw(st.permutations(cells))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a = apply_one_by_one(template_path, folder, "a.kolabik", cells)
        b = apply_one_by_one(template_path, folder, "b.kolabik", shuffled)
        assert state(a) == state(b)
        # Everything again, in either order: nothing changes, not even the audit log.
        written = audit_rows(a)
        db = open_event_file(a)
        try:
            for cell in shuffled:
                again = write_cells(db, [cell], source="again", hold_submitted=False)
                assert not again.changed
        finally:
            db.close()
        assert state(a) == state(b) and audit_rows(a) == written


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(st.integers(0, 100), min_size=1, max_size=8))
def test_local_edits_bump_the_revision_once_per_change(template, values):
    template_path, ids = template
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ev.kolabik"
        shutil.copy(template_path, path)
        db = open_event_file(path)
        try:
            cell = (ids.jurors[1], ids.entries[0], ids.criteria[("P1", "SIG")])
            changes = 0
            last = None
            for v in values:
                result = write_cells(db, [ScoreCell(*cell, Decimal(v))], states=True)
                changes += v != last
                last = v
                assert result.states[cell].revision == changes
                assert result.states[cell].value == Decimal(v)
        finally:
            db.close()
        assert audit_rows(path) == changes
