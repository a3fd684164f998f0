"""The closed projector on the national event (issue 17): what a score change costs it.

The national event (bench/national.py: 3,000 entries, about 124,000 scores) is built first. Then
the same score changes are made twice, each time waiting until the change signal and the queued
redraw have run: once with a projector nothing shows (the window's feature: ``lazy=True``, its
window closed, its preview hidden) and once with one that shows the board (``lazy=False``, the
floor of what ranking on every change costs). Reported per change, wall and CPU (process time):

- hidden_change_*_ms: set_score + the closed projector (no ranking: it only marks itself stale);
- shown_change_*_ms: set_score + the projector ranking the final board and taking its top 10;
- hidden_rankings / shown_rankings: calls of the scorer's leaderboard during the changes;
- catch_up_ms: the hidden projector's catch-up when it shows (one ranking).

Run: python bench/bench_projector_hidden.py
"""

from __future__ import annotations

import os
import statistics
import time
from decimal import Decimal
from pathlib import Path

from helpers import national_event_file

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
EDITS = 15


def run() -> dict[str, float]:
    with national_event_file() as (path, build_s):
        return {"build_national_event_s": build_s, **_measure(path)}


def _measure(path: Path) -> dict[str, float]:
    from kolabik_desktop.core.scoring.model import FINAL
    from kolabik_desktop.core.store import services
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.ui.app import create_application
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.projector import ProjectorController

    app = create_application()
    db = open_event_file(path)
    context = EventContext(db)
    scorer = context.scorer
    real = scorer.leaderboard
    calls = [0]

    def counted(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    scorer.leaderboard = counted  # type: ignore[method-assign]
    board = real(FINAL).rows
    s2 = next(s for s in scorer.event.stages if s.code == "S2")
    cells = []
    criterion = next(c.id for c in s2.criteria if c.weight > 0)
    for row in board[:EDITS]:  # entries in and around the top 10, where the board moves
        juror = next(
            j.id
            for j in scorer.event.jurors
            if scorer.juror_status("S2", j.id, row.entry.id)
            in ("complete", "partial", "not_started")
        )
        cells.append((juror, row.entry.id, criterion))
    out: dict[str, float] = {}
    for name, lazy, value in (("hidden", True, 41), ("shown", False, 42)):
        controller = ProjectorController(lazy=lazy)
        controller.set_context(context)
        app.processEvents()
        calls[0] = 0
        wall, cpu = [], []
        for juror, entry, criterion in cells:
            start, cpu_start = time.perf_counter(), time.process_time()
            services.set_score(
                db,
                juror_id=juror,
                entry_id=entry,
                criterion_id=criterion,
                value=Decimal(value),
                actor="bench",
            )
            app.processEvents()  # the change signal and the projector's queued redraw
            app.processEvents()
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - cpu_start) * 1000)
        out[f"{name}_change_median_ms"] = statistics.median(wall)
        out[f"{name}_change_cpu_median_ms"] = statistics.median(cpu)
        out[f"{name}_rankings"] = float(calls[0])
        if lazy:
            start, cpu_start = time.perf_counter(), time.process_time()
            controller.set_preview_shown(True)
            out["catch_up_ms"] = (time.perf_counter() - start) * 1000
            out["catch_up_cpu_ms"] = (time.process_time() - cpu_start) * 1000
        controller.set_context(None)
    context.close()
    return out


if __name__ == "__main__":
    for key, val in run().items():
        print(f"{key}: {val:.1f}")
