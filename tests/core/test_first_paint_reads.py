"""The reads the window paints from go through sqlite3 (no SQLAlchemy) and give exactly what the
portable SQLAlchemy path gives (issue 17 item 9), as tests/core/test_fast_scores.py proves for the
engine's input.

Each read-layer function takes an open event (a current file: the sqlite3 path) or a session
(the portable path, as on a server); both are asked the same question on the same file.
"""

from __future__ import annotations

import sqlite3
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from factories import make_event

from kolabik_desktop.core.demo import build_demo_event
from kolabik_desktop.core.errors import StorageError
from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.scoring.model import FINAL
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import EventDB, open_event_file, utc_now
from kolabik_desktop.core.store.models import (
    Attachment,
    Comment,
    Criterion,
    Entry,
    Score,
    Setting,
    Submission,
)
from kolabik_desktop.core.store.queries import entries, event, presentation, scores, stages
from kolabik_desktop.core.store.queries.entries import PROVENANCE_PREFIX
from kolabik_desktop.core.store.queries.fast_scores import (
    read_event_spec_marked,
    read_scorer_input,
)
from kolabik_desktop.core.store.queries.submissions import submission
from kolabik_desktop.core.store.services import load_scoring_input
from kolabik_desktop.core.store.setup import JurorData, add_juror


def _enrich(db: EventDB) -> None:
    """Every corner the first-paint reads meet: attachments, a note without a value, comments,
    submitted and reopened sheets, a promoted entry, a saved running order and slot parts, an
    entry without a category, a criterion without a description."""
    with db.session() as s:
        juror_ids = [j for (j,) in s.execute(sqlite_text("SELECT id FROM juror ORDER BY id"))]
        kept = s.query(Score).order_by(Score.id).first()
        if kept is not None:  # a cell kept with a note but no value (test data, not a write)
            kept.value, kept.note = None, "dibaca ulang"
        first, second = s.query(Entry).order_by(Entry.id).limit(2).all()
        stage_id = s.query(Criterion.stage_id).order_by(Criterion.id).first()[0]
        second.category_id = None
        crit = s.query(Criterion).order_by(Criterion.id).first()
        crit.description = ""
        crit.descriptors = '[{"value": 60, "text": "cukup"}]'
        for row in (  # merged: the demo has comments, submissions and settings of its own
            Comment(
                juror_id=juror_ids[0],
                entry_id=first.id,
                stage_id=stage_id,
                text="Baik",
                updated_at=utc_now(),
            ),
            Submission(juror_id=juror_ids[0], stage_id=stage_id, submitted=True, updated_at="t1"),
            Submission(
                juror_id=juror_ids[1],
                stage_id=stage_id,
                submitted=False,
                revision=3,
                updated_at="t2",
            ),
            Setting(
                key=f"{PROVENANCE_PREFIX}{first.id}",
                value='{"event_uid": "u", "event_name": "Kota 2023", "entry_code": "A1", '
                '"board": "final", "rank": 2, "place": "Terbaik II", "score": "85.50", '
                '"status": "final"}',
            ),
            Setting(key=f"{PROVENANCE_PREFIX}{second.id}", value="not json"),
            Setting(key=presentation.ORDER_KEY.format(stage="P2"), value=f"[{second.id}, 9999]"),
        ):
            s.merge(row)
        s.add_all(
            [
                Attachment(entry_id=first.id, filename="b.pdf", mime="", size=3, data=b"%PD"),
                Attachment(entry_id=first.id, filename="a.docx", mime="x/y", size=0, data=b""),
            ]
        )


def sqlite_text(sql: str):  # noqa: ANN201 - a SQLAlchemy text clause
    from sqlalchemy import text

    return text(sql)


def _assert_same_reads(path: Path) -> None:
    with open_event_file(path, lock=True) as db:
        assert db.reads_with_sqlite
        with db.session() as s:
            entry_ids = [e for (e,) in s.execute(sqlite_text("SELECT id FROM entry"))]
            stage_rows = list(s.execute(sqlite_text("SELECT id, code FROM stage")))
            juror_ids = [j for (j,) in s.execute(sqlite_text("SELECT id FROM juror"))]
            attachment_ids = [a for (a,) in s.execute(sqlite_text("SELECT id FROM attachment"))]
        checks = [
            (event.event_info, ()),
            (entries.category_names, ()),
            *((entries.entry_detail, (e,)) for e in [*entry_ids, 999_999]),
            *((entries.entry_provenance, (e,)) for e in entry_ids),
            *((entries.attachment_data, (a,)) for a in [*attachment_ids, 999_999]),
            *((stages.criteria, (sid,)) for sid, _code in stage_rows),
            *((presentation.presentation_schedule, (code,)) for _sid, code in stage_rows),
            *((presentation.submitted_juror_ids, (sid,)) for sid, _code in stage_rows),
            *((submission, (j, sid)) for j in [*juror_ids, 999_999] for sid, _code in stage_rows),
            *(
                (scores.score_sheet, (j, e, sid))
                for j in juror_ids
                for e in entry_ids
                for sid, _code in stage_rows
            ),
        ]
        for read, args in checks:
            fast = read(db, *args)  # type: ignore[operator]
            with db.session() as s:
                portable = read(s, *args)  # type: ignore[operator]
            assert fast == portable, (read.__name__, args)
            assert type(fast) is type(portable)
        # The window's scorer (scores grouped by load_cells_sqlite) ranks as the portable read.
        event_spec, cells = read_scorer_input(db)
        portable = load_scoring_input(db)
        assert event_spec == portable.event
        fast, slow = Scorer(event_spec, cells), Scorer(portable.event, portable.values)
        for board in (FINAL, *(st.code for st in event_spec.stages)):
            assert fast.leaderboard(board).rows == slow.leaderboard(board).rows, board
        # The decimals keep their exact text (the form shows them as stored).
        for sid, _code in stage_rows:
            for c in stages.criteria(db, sid):
                assert all(isinstance(v, Decimal) for v in (c.weight, c.min_value, c.step))


def test_the_demo_event_paints_from_the_same_reads(tmp_path: Path) -> None:
    path = tmp_path / "demo.kolabik"
    build_demo_event(path)
    with open_event_file(path) as db:
        _enrich(db)
    _assert_same_reads(path)


def test_a_small_event_paints_from_the_same_reads(tmp_path: Path) -> None:
    path = tmp_path / "ev.kolabik"
    db, _ids = make_event(path, entries=7, p2_fill=0.5)
    _enrich(db)
    db.close()
    _assert_same_reads(path)
    promoted = entries.entry_provenance(open_event_file(path, read_only=True), _ids.entries[0])
    assert promoted is not None and promoted.place == "Terbaik II"


def test_opening_a_current_file_makes_no_engine_until_asked(tmp_path: Path) -> None:
    """The window's start: the event's identity and the first reads need no SQLAlchemy engine;
    the first portable read or write makes it, once."""
    path = tmp_path / "ev.kolabik"
    make_event(path, entries=3)[0].close()
    with open_event_file(path, lock=True) as db:
        assert not db.engine_ready
        assert db.kind == "event" and db.uid
        assert event.event_info(db).name == "Kolabik Uji 2023"
        assert not db.engine_ready
        engine = db.engine
        assert db.engine_ready and db.engine is engine


def test_the_first_paint_reads_are_read_only(tmp_path: Path) -> None:
    """The sqlite3 path opens the file mode=ro: it can never write."""
    path = tmp_path / "ev.kolabik"
    make_event(path, entries=3)[0].close()
    with (
        open_event_file(path, lock=True) as db,
        db.sqlite_reader() as conn,
        pytest.raises(sqlite3.OperationalError, match="readonly|read-only"),
    ):
        conn.execute("UPDATE event SET name = 'x'")


def test_a_closed_event_reads_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ev.kolabik"
    make_event(path, entries=3)[0].close()
    db = open_event_file(path, lock=True)
    db.close()
    with pytest.raises(StorageError):
        event.event_info(db)
    with pytest.raises(StorageError):
        db.engine  # noqa: B018 - a late task must not reconnect without the lock


def test_a_write_while_the_engine_is_being_made_waits_for_it(tmp_path: Path) -> None:
    """The window makes the engine in a worker after the paint (prepare_engine); a save that
    comes meanwhile waits for that engine and is saved: never dropped, never a second engine."""
    path = tmp_path / "ev.kolabik"
    db0, ids = make_event(path, entries=3, fill=0.0, conflict=False)
    db0.close()
    db = open_event_file(path, lock=True)
    making, go = threading.Event(), threading.Event()
    made = []
    real = db._make
    assert real is not None

    def slow_make():  # noqa: ANN202
        making.set()
        assert go.wait(10)
        made.append(real())
        return made[-1]

    db._make = slow_make
    worker = threading.Thread(target=db.prepare_engine)
    worker.start()
    assert making.wait(10)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            services.set_score(
                db,
                juror_id=ids.jurors[0],
                entry_id=ids.entries[0],
                criterion_id=ids.criteria[("P1", "SIG")],
                value=Decimal(77),
            )
        except BaseException as exc:  # reported below
            errors.append(exc)

    writer = threading.Thread(target=write)
    writer.start()
    go.set()
    worker.join(10)
    writer.join(10)
    assert not errors
    assert len(made) == 1 and db.engine is made[0]
    db.close()
    conn = sqlite3.connect(path)
    stored = conn.execute(
        "SELECT value FROM score WHERE juror_id = ? AND entry_id = ? AND criterion_id = ?",
        (ids.jurors[0], ids.entries[0], ids.criteria[("P1", "SIG")]),
    ).fetchall()
    conn.close()
    assert stored == [("77",)]


def test_the_scores_read_takes_the_painted_structure_only_while_nothing_was_written(
    tmp_path: Path,
) -> None:
    """The window paints from the structure, then reads the scores in the background: it takes
    that structure again only when no commit came in between, from this program or another."""
    path = tmp_path / "ev.kolabik"
    make_event(path, entries=4)[0].close()
    with open_event_file(path, lock=True) as db:
        known = read_event_spec_marked(db)
        assert known[1] is not None
        spec, cells = read_scorer_input(db, known)
        assert spec is known[0]  # taken, not read again
        assert Scorer(spec, cells).leaderboard(FINAL).rows == (
            Scorer(*read_scorer_input(db)).leaderboard(FINAL).rows
        )
        add_juror(db, JurorData(code="J9", name="Juri Baru"))  # this program's writer
        spec, _cells = read_scorer_input(db, known)
        assert spec is not known[0] and "J9" in {j.code for j in spec.jurors}

        known = read_event_spec_marked(db)
        other = sqlite3.connect(path)  # another program
        with other:
            other.execute(
                "UPDATE entry SET title = 'Judul Baru' WHERE id = ?", (spec.entries[0].id,)
            )
        other.close()
        spec, _cells = read_scorer_input(db, known)
        assert spec is not known[0] and spec.entries[0].title == "Judul Baru"
    # A read-only view keeps no mark: the structure is always read again.
    with open_event_file(path, read_only=True) as reader:
        known = read_event_spec_marked(reader)
        assert known[1] is None
        spec, _cells = read_scorer_input(reader, known)
        assert spec is not known[0] and spec == known[0]


def test_a_commit_just_after_the_mark_is_not_in_that_read(tmp_path: Path, monkeypatch) -> None:
    """The snapshot is fixed before the mark is compared: a commit that lands right after the
    comparison is in neither the reused structure nor the scores read with it."""
    path = tmp_path / "ev.kolabik"
    make_event(path, entries=4)[0].close()
    with open_event_file(path, lock=True) as db:
        known = read_event_spec_marked(db)
        peek = sqlite3.connect(path)
        j, e, c, old = peek.execute(
            "SELECT juror_id, entry_id, criterion_id, value FROM score "
            "WHERE value IS NOT NULL ORDER BY id LIMIT 1"
        ).fetchone()
        peek.close()
        take_mark = db.write_mark

        def mark_then_commit():  # another program commits right after the mark is taken
            mark = take_mark()
            other = sqlite3.connect(path)
            with other:
                other.execute(
                    "UPDATE score SET value = '0' WHERE juror_id = ? AND entry_id = ? "
                    "AND criterion_id = ?",
                    (j, e, c),
                )
            other.close()
            return mark

        monkeypatch.setattr(db, "write_mark", mark_then_commit)
        spec, cells = read_scorer_input(db, known)
        assert spec is known[0]
        stage = next(i for i, st in enumerate(spec.stages) if c in {x.id for x in st.criteria})
        assert str(cells.by_stage[stage][e][j][c]) == old != "0"
