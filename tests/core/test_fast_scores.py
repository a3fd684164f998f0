"""The read layer's sqlite3 fast path gives exactly what the portable SQLAlchemy path gives.

As the workbook's expat reader is checked against openpyxl: the demo event, random events with
every odd corner the engine's input has (bands, cumulative stages, assignments, decisions, kept
conflicts, empty values, fractional and negative-zero-free decimals, entries with no category),
and a server event, where the fast path must step aside for the portable one.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from factories import make_event
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kolabik_desktop.core.demo import build_demo_event
from kolabik_desktop.core.scoring.engine import Scorer, group_values, validate_event
from kolabik_desktop.core.scoring.model import FINAL, ScoreCells
from kolabik_desktop.core.store.db import open_event_file, utc_now
from kolabik_desktop.core.store.models import (
    Assignment,
    Decision,
    Event,
    Score,
    Stage,
    StageAdmission,
)
from kolabik_desktop.core.store.queries import fast_scores
from kolabik_desktop.core.store.queries.fast_scores import (
    _ID_BOUNDS_SQL,
    _id_bits,
    load_cells_sqlite,
    load_event_spec_sqlite,
    load_values_sqlite,
    read_file_scoring_input,
    read_scoring_input,
)
from kolabik_desktop.core.store.services import load_scoring_input

ROOT = Path(__file__).resolve().parents[2]


def _assert_same(path: Path) -> None:
    with open_event_file(path, read_only=True) as db:
        portable = load_scoring_input(db)
        fast = read_scoring_input(db)
        kind = db.kind
    assert fast == portable
    # Same order too (the engine's ties and lists follow it), not only equal sets.
    assert list(fast.values) == list(portable.values)
    assert [e.code for e in fast.event.entries] == [e.code for e in portable.event.entries]
    read = read_file_scoring_input(path)
    assert read is not None and read.kind == kind
    assert read.event == portable.event
    # The scores grouped while reading are what the engine's own grouping makes of them, and
    # rank the same on every board.
    assert read.cells == group_values(portable.event, portable.values)
    if validate_event(portable.event):
        return
    fast_scorer = Scorer(read.event, read.cells)
    portable_scorer = Scorer(portable.event, portable.values)
    for board in [FINAL, *(s.code for s in portable.event.stages)]:
        assert fast_scorer.leaderboard(board) == portable_scorer.leaderboard(board)


def test_demo_event_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "demo.kolabik"
    build_demo_event(path)
    _assert_same(path)


def test_scores_in_any_row_order_group_the_same(tmp_path: Path) -> None:
    """load_cells_sqlite reuses the last (juror, entry) group while rows follow each other; rows
    in a scrambled order (a file edited over weeks) must group exactly the same."""
    path = tmp_path / "ev.kolabik"
    db, _ids = make_event(path, entries=6, jurors=4, admitted_to_p2=3, p2_fill=1.0)
    db.close()
    conn = sqlite3.connect(path)
    # New ids in a random order: the table is stored (and read) in id order.
    conn.execute(
        "CREATE TEMP TABLE shuffled AS SELECT row_number() OVER (ORDER BY random()) AS new_id, "
        "juror_id, entry_id, criterion_id, value, note, revision, updated_at FROM score"
    )
    conn.execute("DELETE FROM score")
    conn.execute("INSERT INTO score SELECT * FROM shuffled")
    conn.commit()
    rows = [tuple(r[:2]) for r in conn.execute("SELECT juror_id, entry_id, value FROM score")]
    conn.close()
    groups = len(set(rows))
    changes = sum(a != b for a, b in zip(rows, rows[1:], strict=False))
    assert changes > 3 * groups  # the rows really are out of (juror, entry) order
    _assert_same(path)


def test_open_window_db_reads_the_same(tmp_path: Path) -> None:
    """The window opens with lock=True (a writer's engine): the fast path reads through it."""
    db, _ids = make_event(tmp_path / "ev.kolabik", p2_fill=0.6)
    db.close()
    with open_event_file(tmp_path / "ev.kolabik", lock=True) as db:
        assert read_scoring_input(db) == load_scoring_input(db)


decimals = st.decimals(
    min_value=Decimal(0), max_value=Decimal(100), places=2, allow_nan=False, allow_infinity=False
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    entries=st.integers(0, 9),
    jurors=st.integers(1, 5),
    admitted=st.integers(0, 9),
    fill=st.floats(0, 1),
    p2_fill=st.floats(0, 1),
    seed=st.integers(0, 10_000),
)
def test_random_events_read_the_same(data, entries, jurors, admitted, fill, p2_fill, seed) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "random.kolabik"
        db, ids = make_event(
            path,
            entries=entries,
            jurors=jurors,
            admitted_to_p2=min(admitted, entries),
            fill=fill,
            p2_fill=p2_fill,
            seed=seed,
            conflict=data.draw(st.booleans()),
        )
        with db.session() as s:
            ev = s.query(Event).one()
            ev.precision = data.draw(st.integers(0, 3))
            ev.tiebreak = data.draw(st.sampled_from(["standard", "none"]))
            ev.round_stage_scores = data.draw(st.booleans())
            p1, p2 = s.get(Stage, ids.stages["P1"]), s.get(Stage, ids.stages["P2"])
            assert p1 is not None and p2 is not None
            p2.band = data.draw(st.one_of(st.none(), decimals))
            p2.scale_min = data.draw(st.sampled_from([Decimal(0), Decimal("0.5")]))
            p1.weight = data.draw(decimals)
            p2.cumulative = data.draw(st.sampled_from(["", "P1:30 P2:70", "P1:12.5,P2:87.5"]))
            p2.method = data.draw(st.sampled_from(["mean", "trimmed", "median"]))
            now = utc_now()
            # Fractional values, and cells kept with a note but no value (never read).
            for score in s.query(Score).limit(data.draw(st.integers(0, 30))):
                score.value = data.draw(st.one_of(st.none(), decimals))
                score.updated_at = now
            if ids.entries and ids.jurors and data.draw(st.booleans()):
                s.add(Assignment(stage_id=p1.id, juror_id=ids.jurors[-1], entry_id=ids.entries[0]))
            if ids.entries and data.draw(st.booleans()):
                stage_id = data.draw(st.sampled_from([None, p1.id]))
                s.add(Decision(stage_id=stage_id, entry_id=ids.entries[-1], rank=1, reason="x"))
            if ids.entries and data.draw(st.booleans()):
                # An entry admitted to P2 twice over is impossible; a third stage admits one.
                p3 = Stage(code="P3", name="Final", position=3, weight=Decimal(0))
                s.add(p3)
                s.flush()
                s.add(StageAdmission(stage_id=p3.id, entry_id=ids.entries[0]))
            if ids.entries and data.draw(st.booleans()):
                from kolabik_desktop.core.store.models import Entry

                entry = s.get(Entry, ids.entries[0])
                assert entry is not None
                entry.category_id = None
        db.close()
        _assert_same(path)


def test_not_a_current_file_goes_the_usual_way(tmp_path: Path) -> None:
    """No fast read of what the usual opening must explain or migrate."""
    assert read_file_scoring_input(tmp_path / "missing.kolabik") is None
    assert read_file_scoring_input(tmp_path) is None  # a folder
    junk = tmp_path / "junk.kolabik"
    junk.write_bytes(b"not a database at all, just some bytes" * 10)
    assert read_file_scoring_input(junk) is None
    assert read_file_scoring_input("postgresql://nobody@127.0.0.1:1/none") is None
    db, _ids = make_event(tmp_path / "old.kolabik")
    db.close()
    conn = sqlite3.connect(tmp_path / "old.kolabik")
    conn.execute("UPDATE alembic_version SET version_num = 'an-older-one'")
    conn.commit()
    conn.close()
    assert read_file_scoring_input(tmp_path / "old.kolabik") is None


def test_server_event_falls_back_to_the_portable_path(server_database: str) -> None:
    db, _ids = make_event(server_database, p2_fill=0.5)  # type: ignore[arg-type]
    try:
        assert db.engine.dialect.name == "postgresql"
        assert read_scoring_input(db) == load_scoring_input(db)
        assert read_file_scoring_input(server_database) is None
    finally:
        db.close()


def test_leaderboard_command_loads_no_gui_spreadsheet_pdf_or_orm(tmp_path: Path) -> None:
    """`kolabik leaderboard` on an event file: none of the heavy libraries is imported."""
    path = tmp_path / "ev.kolabik"
    db, _ids = make_event(path, p2_fill=1.0)
    db.close()
    out = tmp_path / "board.csv"
    code = (
        "import sys\n"
        "from kolabik_desktop.cli import main\n"
        f"rc = main(['leaderboard', {str(path)!r}, '--stage', 'final', '--format', 'csv',"
        f" '-o', {str(out)!r}])\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'PySide6', 'openpyxl', 'reportlab', 'sqlalchemy', 'alembic', 'numpy'})\n"
        "print(rc, ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert result.stdout.split() == ["0"], result.stdout + result.stderr
    assert out.read_text(encoding="utf-8").startswith("rank,code,title")


# Packed ids: load_cells_sqlite has SQLite pack each score's three ids into one integer when every
# id fits _MAX_ID_BITS bits (2**21 - 1 at most); anything else is grouped by the plain read.
LARGEST_PACKED = 2**21 - 1


def _event_file(tmp_path: Path) -> Path:
    path = tmp_path / "ev.kolabik"
    db, _ids = make_event(path, entries=6, jurors=4, admitted_to_p2=3, p2_fill=1.0)
    db.close()
    return path


def _renumber(path: Path, table: str, largest: int) -> None:
    """Shift every id of ``table`` so the largest is ``largest``, and every reference with it."""
    conn = sqlite3.connect(path)
    (old_largest,) = conn.execute(f"SELECT max(id) FROM {table}").fetchone()
    shift = largest - old_largest
    conn.execute(f"UPDATE {table} SET id = id + ?", (shift,))
    tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for other in tables:
        for fk in conn.execute(f"PRAGMA foreign_key_list({other})").fetchall():
            if fk[2] == table:
                conn.execute(f"UPDATE {other} SET {fk[3]} = {fk[3]} + ?", (shift,))
    conn.commit()
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def _damage(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


def _read_cells(
    path: Path, monkeypatch: pytest.MonkeyPatch, *, packed: bool
) -> tuple[ScoreCells, ScoreCells, int | None]:
    """load_cells_sqlite's cells, the portable grouping of the same rows, and _id_bits, all in
    one read transaction; with packed=True the plain read must not run at all."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("BEGIN")
        event = load_event_spec_sqlite(conn)
        expected = group_values(event, load_values_sqlite(conn))
        plain_reads: list[int] = []

        def plain_read(conn: sqlite3.Connection) -> dict[tuple[int, int, int], Decimal]:
            if packed:
                pytest.fail("the plain read ran where the packed one should")
            plain_reads.append(1)
            return load_values_sqlite(conn)

        monkeypatch.setattr(fast_scores, "load_values_sqlite", plain_read)
        cells = load_cells_sqlite(conn, event)
        assert plain_reads == ([] if packed else [1])
        return cells, expected, _id_bits(conn)
    finally:
        conn.close()


def test_ids_of_21_bits_are_read_packed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Juror, entry and criterion ids all at 2**21 - 1: packed (63 bits, no carry between them),
    grouped and ranked exactly as the portable path."""
    path = _event_file(tmp_path)
    for table in ("juror", "entry", "criterion"):
        _renumber(path, table, LARGEST_PACKED)
    _assert_same(path)
    cells, expected, bits = _read_cells(path, monkeypatch, packed=True)
    assert bits == 21
    assert cells == expected
    assert all(cells.by_stage)  # both stages hold scores: a real comparison
    read = read_file_scoring_input(path)  # the command's read takes the packed path too
    assert read is not None and read.cells == expected


@pytest.mark.parametrize(
    ("table", "new_id"), [("entry", 2**21), ("juror", 2**40), ("criterion", -1)]
)
def test_wider_or_negative_ids_are_read_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str, new_id: int
) -> None:
    path = _event_file(tmp_path)
    _renumber(path, table, new_id)
    _assert_same(path)
    cells, expected, bits = _read_cells(path, monkeypatch, packed=False)
    assert bits is None
    assert cells == expected and all(cells.by_stage)


def test_no_scores_read_plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _event_file(tmp_path)
    _damage(path, "DELETE FROM score")
    cells, expected, bits = _read_cells(path, monkeypatch, packed=False)
    assert bits is None
    assert cells == expected and not any(cells.by_stage)


def test_text_id_in_a_damaged_file_reads_as_the_plain_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A TEXT id sorts after every number: the bounds see it, and the plain read groups it."""
    path = _event_file(tmp_path)
    _damage(path, "UPDATE score SET juror_id = 'j' || juror_id WHERE id = 5")
    _assert_same(path)
    cells, expected, bits = _read_cells(path, monkeypatch, packed=False)
    assert bits is None
    assert cells == expected
    assert any("j" in str(juror) for stage in cells.by_stage for e in stage.values() for juror in e)


def test_fractional_id_between_others_reads_as_the_plain_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A REAL id between two integers escapes the bounds (they still pack): SQLite's arithmetic
    makes that row's key a float, and the plain read groups the whole table instead of the
    fraction being cut off into another entry's cell."""
    path = _event_file(tmp_path)
    _damage(path, "UPDATE score SET entry_id = entry_id + 0.5 WHERE id = 5")
    _assert_same(path)
    cells, expected, bits = _read_cells(path, monkeypatch, packed=False)
    assert bits is not None
    assert cells == expected
    assert any(isinstance(e, float) for stage in cells.by_stage for e in stage)


def _vm_steps(conn: sqlite3.Connection, sql: str) -> int:
    """SQLite's virtual-machine instructions for one query: a pass over the rows grows with them."""
    conn.execute(sql).fetchall()  # the schema is parsed first, once
    steps = 0

    def step() -> int:
        nonlocal steps
        steps += 1
        return 0

    conn.set_progress_handler(step, 1)
    try:
        conn.execute(sql).fetchall()
    finally:
        conn.set_progress_handler(None, 1)
    return steps


def test_id_bounds_search_the_indexes(tmp_path: Path) -> None:
    """The bounds cost six index lookups, the same on a table of any size, not a pass over a
    national event's 124,000 rows. (EXPLAIN QUERY PLAN says SEARCH even for max(entry_id + 0),
    a scan of the whole index: the steps taken are what is counted.)"""
    conn = sqlite3.connect(_event_file(tmp_path))
    try:
        before = _vm_steps(conn, _ID_BOUNDS_SQL)
        (rows,) = conn.execute("SELECT count(*) FROM score").fetchone()
        for copy in range(1, 11):  # eleven times the scores, under new entry ids
            conn.execute(
                "INSERT INTO score (juror_id, entry_id, criterion_id, value, note, revision, "
                "updated_at) SELECT juror_id, entry_id + ?, criterion_id, value, note, revision, "
                "updated_at FROM score WHERE entry_id < 1000",
                (1000 * copy,),
            )
        assert conn.execute("SELECT count(*) FROM score").fetchone() == (11 * rows,)
        assert _vm_steps(conn, _ID_BOUNDS_SQL) == before
    finally:
        conn.close()


def test_cells_are_read_in_the_callers_transaction(tmp_path: Path) -> None:
    conn = sqlite3.connect(_event_file(tmp_path))
    try:
        event = load_event_spec_sqlite(conn)
        with pytest.raises(AssertionError, match="read transaction"):
            load_cells_sqlite(conn, event)
    finally:
        conn.close()
