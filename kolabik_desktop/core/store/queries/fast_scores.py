"""The scoring engine's input read with the standard library's sqlite3: the fast path.

``services.load_scoring_input`` is the portable path (SQLAlchemy, any database). On a national
event (124,000 scores) it and SQLAlchemy's import are most of the time ``kolabik leaderboard``
and the window's first read take; the raw cursor reads the same rows in well under half.

This module reads exactly what the portable path reads, in the same order, and builds the same
``ScoringInput`` (tests/core/test_fast_scores.py proves equality on the demo event and on random
events). It never imports SQLAlchemy; anything it cannot read the same way (a server event, a
file that needs migrating) goes to the portable path.

    read_scoring_input(db)              an open EventDB: fast for an SQLite file, else portable
    read_file_scoring_input(path)       a path, for commands that have not opened the event:
                                        (structure, scores grouped for the engine, event name,
                                        category names), or None when the file is not a current
                                        event file (open it the usual way)
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kolabik_desktop.core.scoring.engine import empty_cells, group_values
from kolabik_desktop.core.scoring.model import (
    FINAL,
    TIEBREAK_NONE,
    TIEBREAK_STANDARD,
    CriterionSpec,
    EntrySpec,
    EventSpec,
    JurorSpec,
    JuryDecision,
    ScoreCells,
    ScoreValues,
    StageSpec,
)
from kolabik_desktop.core.store.spec_values import ScoringInput, parse_cumulative
from kolabik_desktop.core.store.sqlite_file import head_revision_of, read_only_uri, revision_of

if TYPE_CHECKING:
    from kolabik_desktop.core.store.db import EventDB


class FileRead(NamedTuple):
    """What ``kolabik leaderboard`` needs from an event file, read in one go (a named tuple, like
    the engine's records: the command does not import ``dataclasses``)."""

    event: EventSpec
    cells: ScoreCells  # the scores, grouped for the engine (``load_cells_sqlite``)
    event_name: str
    kind: str  # "event" or "kit"
    category_names: tuple[str, ...]


def _dec(value: object) -> Decimal:
    # DecimalText stores the canonical text; anything else is read as its text, as SQLAlchemy's
    # String column hands it over.
    return Decimal(value if isinstance(value, str) else str(value))


def _opt_dec(value: object) -> Decimal | None:
    return None if value is None else _dec(value)


def load_values_sqlite(conn: sqlite3.Connection) -> dict[tuple[int, int, int], Decimal]:
    """Every stored score as (juror, entry, criterion) -> value (one Decimal per distinct text)."""
    decimals: dict[object, Decimal] = {}
    values: dict[tuple[int, int, int], Decimal] = {}
    for j, e, c, text in conn.execute(
        "SELECT juror_id, entry_id, criterion_id, value FROM score WHERE value IS NOT NULL"
    ):
        value = decimals.get(text)
        if value is None:
            value = decimals[text] = _dec(text)
        values[(j, e, c)] = value
    return values


# The largest id the packed read takes: three ids of 21 bits fill 63, SQLite's signed 64-bit
# integer without its sign bit (a larger packed key would overflow to REAL).
_MAX_ID_BITS = 21
# Each a search of the id's own index (ix_score_*), whatever the number of scores.
_ID_BOUNDS_SQL = (
    "SELECT (SELECT min(juror_id) FROM score), (SELECT max(juror_id) FROM score), "
    "(SELECT min(entry_id) FROM score), (SELECT max(entry_id) FROM score), "
    "(SELECT min(criterion_id) FROM score), (SELECT max(criterion_id) FROM score)"
)


def _id_bits(conn: sqlite3.Connection) -> int | None:
    """Bits enough for every score's juror, entry and criterion id, or None when the scores
    cannot be packed into one integer: no scores, an id that is not an integer (a damaged file:
    TEXT and BLOB sort after every number, so the max shows them), a negative id, or one over
    ``_MAX_ID_BITS``. Six min/max lookups on the ids' indexes, not a pass over the rows."""
    bounds = conn.execute(_ID_BOUNDS_SQL).fetchone()
    if any(type(bound) is not int or bound < 0 for bound in bounds):
        return None
    bits = max(1, max(bounds).bit_length())
    return bits if bits <= _MAX_ID_BITS else None


def load_cells_sqlite(conn: sqlite3.Connection, event: EventSpec) -> ScoreCells:
    """Every stored score grouped as the engine holds it: what
    ``engine.group_values(event, load_values_sqlite(conn))`` gives (tested equal), without the
    flat mapping of 124,000 keys in between (on a national event half the time of that pass).

    SQLite packs each row's three ids into one integer (``_id_bits`` bits each): two columns
    fewer to build per row, and one comparison to see that the (juror, entry) group changed; the
    juror and entry are unpacked only then (about 12% fewer instructions on a national event).
    Scores it cannot pack are grouped by ``group_values``.

    The caller holds one read transaction on ``conn`` (``EventDB.sqlite_reader`` and
    ``read_file_scoring_input`` begin one): the ids' bounds and the rows must be read from the
    same snapshot, or a writer in between could add an id wider than the packing."""
    assert conn.in_transaction, "load_cells_sqlite reads in the caller's read transaction"
    bits = _id_bits(conn)
    if bits is not None:
        try:
            return _load_packed_cells(conn, event, bits)
        except TypeError:
            # A key that is not an integer: an id stored as a fractional REAL or NULL (a
            # damaged file) made SQLite's sum a float or NULL, which no bit operation takes.
            # The min/max cannot see such an id between two integers; the plain read keeps it.
            pass
    return group_values(event, load_values_sqlite(conn))


def _load_packed_cells(conn: sqlite3.Connection, event: EventSpec, bits: int) -> ScoreCells:
    """``load_cells_sqlite`` for ids that fit ``bits`` bits each (``_id_bits``)."""
    by_stage, stage_of = empty_cells(event)
    decimals: dict[object, Decimal] = {}
    mask = (1 << bits) - 1
    # Multiplied and added, not shifted and or-ed: SQLite's shifts would silently truncate a
    # fractional REAL id to an integer, where its arithmetic keeps it a float (a TypeError
    # below, and the plain read). Nonnegative ids of ``bits`` bits never carry into each other.
    rows = conn.execute(
        f"SELECT juror_id * {1 << (2 * bits)} + entry_id * {1 << bits} + criterion_id, value "
        "FROM score WHERE value IS NOT NULL"
    )
    # Rows come juror by juror and entry by entry in practice: the last group is reused.
    last_group = last_cells = None
    juror_cells: dict[int, Decimal] = {}
    for key, text in rows:
        # Subscripts, not .get(): 124,000 rows, and a hit (nearly every row) then costs no call.
        try:
            value = decimals[text]
        except KeyError:
            value = decimals[text] = _dec(text)
        criterion = key & mask
        try:
            cells = stage_of[criterion]
        except KeyError:  # a criterion no stage holds
            continue
        group = key >> bits  # juror and entry
        if group != last_group or cells is not last_cells:
            entry = group & mask
            by_juror = cells.get(entry)
            if by_juror is None:
                by_juror = cells[entry] = {}
            juror = group >> bits
            found = by_juror.get(juror)
            if found is None:
                found = by_juror[juror] = {}
            juror_cells = found
            last_group, last_cells = group, cells
        juror_cells[criterion] = value
    return ScoreCells(by_stage, frozenset(decimals.values()))


def load_event_spec_sqlite(conn: sqlite3.Connection) -> EventSpec:
    """The event's structure, as ``services.load_event_spec`` builds it."""
    ev = conn.execute("SELECT precision, tiebreak, round_stage_scores FROM event").fetchall()
    if len(ev) != 1:
        raise ValueError(f"an event file holds one event row, this one {len(ev)}")
    precision, tiebreak, round_stage_scores = ev[0]
    categories = dict(conn.execute("SELECT id, name FROM category"))
    # Positional: 3,000 entries on a national event, and keywords cost a fifth more.
    entries = tuple(
        EntrySpec(eid, code, title, unit, categories.get(cat_id, "") if cat_id is not None else "")
        for eid, code, title, unit, cat_id in conn.execute(
            "SELECT id, code, title, unit, category_id FROM entry ORDER BY code"
        )
    )
    jurors = tuple(
        JurorSpec(id=jid, code=code, name=name)
        for jid, code, name in conn.execute("SELECT id, code, name FROM juror ORDER BY code")
    )
    stage_rows = conn.execute(
        "SELECT id, code, name, position, weight, method, band, scale_min, scale_max, cumulative "
        "FROM stage ORDER BY position, id"
    ).fetchall()
    criteria_by_stage: dict[int, list[CriterionSpec]] = {}
    for cid, stage_id, code, name, weight, lo, hi, step, position in conn.execute(
        "SELECT id, stage_id, code, name, weight, min_value, max_value, step, position "
        "FROM criterion ORDER BY position, id"
    ):
        criteria_by_stage.setdefault(stage_id, []).append(
            CriterionSpec(
                id=cid,
                code=code,
                name=name,
                weight=_dec(weight),
                min_value=_dec(lo),
                max_value=_dec(hi),
                step=_dec(step),
                position=position,
            )
        )
    admitted: dict[int, set[int]] = {}
    for stage_id, entry_id in conn.execute("SELECT stage_id, entry_id FROM stage_admission"):
        admitted.setdefault(stage_id, set()).add(entry_id)
    # One set per stage straight from the cursor's (juror, entry) rows: no Python loop over the
    # 16,000 pairs of a national event. A stage without any keeps None (every juror assigned).
    assigned: dict[int, frozenset[tuple[int, int]]] = {}
    for sid in (row[0] for row in stage_rows):
        pairs = frozenset(
            conn.execute("SELECT juror_id, entry_id FROM assignment WHERE stage_id = ?", (sid,))
        )
        if pairs:
            assigned[sid] = pairs
    stage_codes = {row[0]: row[1] for row in stage_rows}
    stages = []
    for i, (sid, code, name, position, weight, method, band, lo, hi, cumulative) in enumerate(
        stage_rows
    ):
        stages.append(
            StageSpec(
                id=sid,
                code=code,
                name=name,
                position=position,
                weight=_dec(weight),
                method=method,
                criteria=tuple(criteria_by_stage.get(sid, ())),
                band=_opt_dec(band),
                scale_min=_dec(lo),
                scale_max=_dec(hi),
                # The first stage admits every entry (workbook 'Lolos' rule).
                admitted=None if i == 0 else frozenset(admitted.get(sid, ())),
                assignments=assigned.get(sid),
                cumulative=parse_cumulative(cumulative) if cumulative else (),
            )
        )
    conflicts = frozenset(conn.execute("SELECT juror_id, entry_id FROM conflict"))
    decisions = tuple(
        JuryDecision(
            stage_code=stage_codes[stage_id] if stage_id is not None else FINAL,
            entry_id=entry_id,
            rank=rank,
            reason=reason,
        )
        for stage_id, entry_id, rank, reason in conn.execute(
            "SELECT stage_id, entry_id, rank, reason FROM decision"
        )
    )
    return EventSpec(
        stages=tuple(stages),
        entries=entries,
        jurors=jurors,
        conflicts=conflicts,
        precision=precision,
        tiebreak=TIEBREAK_NONE if tiebreak == "none" else TIEBREAK_STANDARD,
        round_stage_scores=bool(round_stage_scores),
        decisions=decisions,
    )


def load_scoring_input_sqlite(conn: sqlite3.Connection) -> ScoringInput:
    """Structure and scores in one read transaction (a writer between them cannot split them)."""
    in_transaction = conn.in_transaction
    if not in_transaction:
        conn.execute("BEGIN")
    try:
        return ScoringInput(event=load_event_spec_sqlite(conn), values=load_values_sqlite(conn))
    finally:
        if not in_transaction:
            conn.execute("COMMIT")


def read_scoring_input(db: EventDB) -> ScoringInput:
    """The engine's input of an open event: the raw sqlite3 read for an event file, the portable
    SQLAlchemy path for anything else (a server event)."""
    if not db.reads_with_sqlite and db.engine.dialect.name != "sqlite":
        from kolabik_desktop.core.store.services import load_scoring_input

        return load_scoring_input(db)
    with _sqlite_connection(db) as conn:
        return load_scoring_input_sqlite(conn)


# The event's structure as read earlier, with the file's write mark (``EventDB.write_mark``)
# taken before that read (``read_event_spec_marked``); a mark of None never matches.
MarkedSpec = tuple[EventSpec, tuple[int, int] | None]


def read_scorer_input(
    db: EventDB, known: MarkedSpec | None = None
) -> tuple[EventSpec, ScoreValues | ScoreCells]:
    """What a window's Scorer is built from: for an event file the scores already grouped for the
    engine (``load_cells_sqlite``, as ``kolabik leaderboard`` reads them), in one read
    transaction with the structure; else the flat values of ``read_scoring_input``.

    ``known``: the structure the window painted from. It is taken instead of reading the
    structure again (50 ms on a national event, on the way to the leaderboard) only when nothing
    was committed to the file since it was read, so that it is exactly what this transaction
    would read."""
    if not db.reads_with_sqlite:
        data = read_scoring_input(db)
        return data.event, data.values
    with db.sqlite_reader() as conn:
        event = _spec_if_unchanged(db, conn, known)
        if event is None:
            event = load_event_spec_sqlite(conn)
        return event, load_cells_sqlite(conn, event)


def _spec_if_unchanged(
    db: EventDB, conn: sqlite3.Connection, known: MarkedSpec | None
) -> EventSpec | None:
    if known is None or known[1] is None:
        return None
    # The read transaction's snapshot is fixed by its first read. A mark taken after it that
    # equals the one taken before the structure was read: no commit came in between, so this
    # snapshot holds that structure.
    conn.execute("SELECT 1 FROM event").fetchone()
    return known[0] if db.write_mark() == known[1] else None


def read_event_spec_marked(db: EventDB) -> MarkedSpec:
    """``read_event_spec``, with the file's write mark taken just before: what
    ``read_scorer_input(db, known=...)`` needs to reuse it. The mark is None where the file has
    no keeper to take it from (a read-only view, a server): the structure is then read again."""
    mark = db.write_mark()
    return read_event_spec(db), mark


def read_event_spec(db: EventDB) -> EventSpec:
    """The event's structure alone (no scores): what a window needs to paint its lists."""
    if not db.reads_with_sqlite and db.engine.dialect.name != "sqlite":
        from kolabik_desktop.core.store.services import load_event_spec

        with db.session() as s:
            return load_event_spec(s)
    with _sqlite_connection(db) as conn:
        return load_event_spec_sqlite(conn)


@contextmanager
def _sqlite_connection(db: EventDB) -> Iterator[sqlite3.Connection]:
    """An event file's read-only sqlite3 connection (no SQLAlchemy needed: the window reads
    through it before the engine is made); else the engine's own pooled connection (an older
    file migrated in memory): the same pragmas, the same view of the WAL."""
    if db.reads_with_sqlite:
        with db.sqlite_reader() as reader:
            yield reader
        return
    raw = db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        yield conn
    finally:
        raw.close()


def read_file_scoring_input(path: str | Path) -> FileRead | None:
    """Read a current event file (or kit) read-only with sqlite3 alone; None for anything that
    needs the usual opening (a server URL, a missing or odd file, an older or newer schema, a
    damaged file): ``open_event_file`` then explains or migrates, as before."""
    text = str(path)
    if "://" in text:
        return None
    location = Path(text)
    try:
        st = os.stat(location)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    head = head_revision_of()
    try:
        conn = sqlite3.connect(read_only_uri(location), uri=True)
    except (sqlite3.Error, OSError):
        return None
    try:
        conn.execute("PRAGMA query_only=ON")
        if head is None or revision_of(conn) != head:
            return None
        conn.execute("BEGIN")
        name, kind = conn.execute("SELECT name, kind FROM event").fetchone()
        categories = tuple(
            n for (n,) in conn.execute("SELECT name FROM category ORDER BY position, name")
        )
        event = load_event_spec_sqlite(conn)
        cells = load_cells_sqlite(conn, event)
        conn.execute("COMMIT")
    except (sqlite3.Error, TypeError, ValueError, ArithmeticError):
        return None  # the usual opening says what is wrong with the file
    finally:
        conn.close()
    return FileRead(
        event=event, cells=cells, event_name=name or "", kind=kind, category_names=categories
    )
