"""The audit-log view on the national event with a national-size log (issue 17 item 6).

The national event (bench/national.py) is built, then every one of its ~124,000 scores is
rewritten through the one writer, so the log holds ~124,000 score.set rows (each audited). Then:

- ``open_*``: Tools › Audit log opening on it (filter choices, first page of 500 rows, the count),
  wall and CPU time, offscreen;
- ``filter_juror_*`` / ``filter_entry_*``: a filter changed (new first page and count);
- ``chain_state_s``: the chain recomputed (off the GUI thread in the window);
- ``floor_*``: raw sqlite3 reading the same first page and count, measured in the same run.
Targets: opening and a filter under 0.3 s of CPU; the raw floor is printed beside them.

Run: python bench/bench_audit_view.py [EVENT]   (EVENT: an already built audited event file)
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

TARGETS = {"open_cpu_s": 0.3, "filter_juror_cpu_s": 0.3, "filter_entry_cpu_s": 0.3}


def build_audited(path: Path) -> None:
    from helpers import build_national_event_file

    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.writer import ScoreCell, write_cells

    build_national_event_file(path)
    with sqlite3.connect(path) as con:
        cells = con.execute("SELECT juror_id, entry_id, criterion_id, value FROM score").fetchall()
    db = open_event_file(path)
    try:
        from decimal import Decimal

        for i in range(0, len(cells), 20_000):
            batch = cells[i : i + 20_000]
            write_cells(
                db,
                [ScoreCell(j, e, c, Decimal(str(v)), "diperiksa") for j, e, c, v in batch],
                actor="chair",
            )
    finally:
        db.close()


def timed(fn: Callable[[], Any]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def best(fn: Callable[[], Any], runs: int = 3) -> tuple[float, float]:
    results = [timed(fn) for _ in range(runs)]
    return min(r[0] for r in results), min(r[1] for r in results)


def measure(path: Path) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.queries.audit import chain_state
    from kolabik_desktop.ui.app import create_application
    from kolabik_desktop.ui.audit_view import AuditView

    create_application()
    out: dict[str, float] = {}
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    out["audit_rows"] = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]

    def floor() -> None:
        con.execute("SELECT * FROM audit_log ORDER BY id DESC LIMIT 500").fetchall()
        con.execute("SELECT count(*) FROM audit_log").fetchone()

    out["floor_wall_s"], out["floor_cpu_s"] = best(floor)
    db = open_event_file(path, read_only=True)
    try:
        view = AuditView()

        def open_view() -> None:
            view.model.filter = None  # type: ignore[assignment]  # forces a fresh read
            view.set_db(db)

        # set_db also starts the chain check in a worker: measure its GUI-thread part only.
        import kolabik_desktop.ui.audit_view as av

        av_start, av.AuditView._start_chain = av.AuditView._start_chain, lambda self: None
        out["open_wall_s"], out["open_cpu_s"] = best(open_view)
        av.AuditView._start_chain = av_start
        out["open_rows_shown"] = len(view.model.rows)

        def after_reset(reset: Callable[[], Any], change: Callable[[], Any]) -> tuple[float, float]:
            results = []
            for _ in range(3):
                reset()
                results.append(timed(change))
            return min(r[0] for r in results), min(r[1] for r in results)

        out["filter_juror_wall_s"], out["filter_juror_cpu_s"] = after_reset(
            lambda: view.juror.setCurrentIndex(0), lambda: view.juror.setCurrentIndex(7)
        )
        out["filter_juror_rows"] = len(view.model.rows)
        view.juror.setCurrentIndex(0)

        def set_entry(text: str) -> None:
            view.entry.setEditText(text)
            view.apply_filter()

        out["filter_entry_wall_s"], out["filter_entry_cpu_s"] = after_reset(
            lambda: set_entry(""), lambda: set_entry(view.entry.itemText(1500))
        )
        out["chain_state_wall_s"], out["chain_state_cpu_s"] = timed(lambda: chain_state(db))
        view.deleteLater()
    finally:
        db.close()
        con.close()
    out["open_vs_floor_cpu"] = out["open_cpu_s"] / max(out["floor_cpu_s"], 1e-6)
    return out


def run() -> dict[str, float]:
    if len(sys.argv) > 1 and Path(sys.argv[1]).exists():
        return measure(Path(sys.argv[1]))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "national-audited.kolabik"
        start = time.perf_counter()
        build_audited(path)
        return {"build_s": time.perf_counter() - start, **measure(path)}


if __name__ == "__main__":
    for name, value in run().items():
        limit = TARGETS.get(name)
        flag = "" if limit is None else (" ok" if value <= limit else f" OVER {limit}")
        print(f"{name:28} {value:10.3f}{flag}")
