"""The read layer's per-entry reads on the national event (issue 17 item 10), beside a raw floor.

What the window reads as a juror moves from entry to entry and as scores change: a stage's rubric
(``stages.criteria``), the juror's sheet (``scores.score_sheet``), the entry with its attachments
(``entries.entry_detail``), the submission state, and the changed entries' values for the engine
(``scores.entry_values``, one entry per edit, 300 for a package). Each is timed per call (median
wall ms, and CPU ms per call over the loop, since the machine may be shared) next to the same
rows read with raw sqlite3 in the same run (``*_floor_*``): the floor is what SQLAlchemy's session
costs on top of; the read layer should stay a small constant above it, never per-row loops.

Run: ``python bench/bench_queries.py`` (or ``python bench/run.py --only queries``).
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from helpers import national_event_file

CALLS = 300
PACKAGES = 5


def _time(fn: Callable[[int], object], calls: int) -> tuple[float, float]:
    for i in range(min(calls, 20)):
        fn(i)  # warm the caches (statement cache, pages)
    walls = []
    cpu = time.process_time()
    for i in range(calls):
        start = time.perf_counter()
        fn(i)
        walls.append((time.perf_counter() - start) * 1000)
    return statistics.median(walls), (time.process_time() - cpu) * 1000 / calls


def _figures(path: Path) -> dict[str, float]:
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.queries import entries, scores, stages, submissions

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    entry_ids = [r[0] for r in con.execute("SELECT id FROM entry ORDER BY id LIMIT ?", (CALLS,))]
    jurors = [r[0] for r in con.execute("SELECT id FROM juror ORDER BY id")]
    stage = con.execute("SELECT id FROM stage ORDER BY position LIMIT 1").fetchone()[0]

    def juror(i: int) -> int:
        return jurors[i % len(jurors)]

    def raw_sheet(i: int) -> object:
        cells = [
            (cid, None if v is None else Decimal(v), note or "")
            for cid, v, note in con.execute(
                "SELECT s.criterion_id, s.value, s.note FROM score s "
                "JOIN criterion c ON c.id = s.criterion_id "
                "WHERE s.juror_id = ? AND s.entry_id = ? AND c.stage_id = ?",
                (juror(i), entry_ids[i], stage),
            )
        ]
        row = con.execute(
            "SELECT text FROM comment WHERE juror_id = ? AND entry_id = ? AND stage_id = ?",
            (juror(i), entry_ids[i], stage),
        ).fetchone()
        return cells, row

    def raw_values(ids: list[int]) -> dict[int, dict[tuple[int, int], Decimal]]:
        out: dict[int, dict[tuple[int, int], Decimal]] = {e: {} for e in ids}
        marks = ",".join("?" * len(ids))
        for e, j, c, v in con.execute(
            "SELECT entry_id, juror_id, criterion_id, value FROM score "
            f"WHERE value IS NOT NULL AND entry_id IN ({marks})",
            ids,
        ):
            out[e][(j, c)] = Decimal(v)
        return out

    figures: dict[str, float] = {}
    with open_event_file(path, read_only=True) as db:
        cases: dict[str, Callable[[int], object]] = {
            "criteria": lambda i: stages.criteria(db, stage),
            "score_sheet": lambda i: scores.score_sheet(db, juror(i), entry_ids[i], stage),
            "score_sheet_floor": raw_sheet,
            "entry_detail": lambda i: entries.entry_detail(db, entry_ids[i]),
            "is_submitted": lambda i: submissions.is_submitted(db, juror(i), stage),
            "entry_values_1": lambda i: scores.entry_values(db, [entry_ids[i]]),
            "entry_values_1_floor": lambda i: raw_values([entry_ids[i]]),
        }
        for name, fn in cases.items():
            wall, cpu = _time(fn, CALLS)
            figures[f"{name}_median_ms"] = wall
            figures[f"{name}_cpu_ms"] = cpu
        assert scores.entry_values(db, entry_ids) == raw_values(entry_ids)
        for name, fn in (
            ("entry_values_300", lambda i: scores.entry_values(db, entry_ids)),
            ("entry_values_300_floor", lambda i: raw_values(entry_ids)),
        ):
            wall, cpu = _time(fn, PACKAGES)
            figures[f"{name}_median_ms"] = wall
            figures[f"{name}_cpu_ms"] = cpu
    con.close()
    return figures


def run() -> dict[str, float]:
    with national_event_file() as (path, build_s):
        return {"build_national_event_s": build_s, **_figures(path)}


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name:42s} {value:10.3f}")
