"""The event file at national scale (issue 3): open + load + final leaderboard, one-score recompute.

The national event (bench/national.py: 3,000 entries, 30 jurors, about 124,000 scores) is built
in a separate process first, so this process's peak memory is only what opening and ranking cost.

- open_load_final_leaderboard_s: open the file, load rubric and scores, build the Scorer and
  compute the final leaderboard (target < 0.5 s; library imports excluded, timed separately);
- recompute_after_one_score_*_ms: set_score through the services (validated, audited, committed
  to disk), the Scorer's incremental update, and the final leaderboard again (target < 20 ms);
- peak_rss_mb: this process's peak resident memory (target < 300 MB).
The *_cpu_* figures are this process's CPU time for the same work: on a machine shared with other
busy processes they show what the wall-clock figures would be on an idle one.

Run: python bench/bench_engine.py
"""

from __future__ import annotations

import random
import resource
import time
from decimal import Decimal
from pathlib import Path

from helpers import national_event_file

TARGETS = {
    "open_load_final_leaderboard_s": 0.5,
    "recompute_after_one_score_median_ms": 20.0,
    "peak_rss_mb": 300.0,
}

EDITS = 40


def run() -> dict[str, float]:
    with national_event_file() as (path, build_s):
        return {"build_national_event_s": build_s, **_measure(path)}


def _measure(path: Path) -> dict[str, float]:
    start = time.perf_counter()
    from kolabik_desktop.core.scoring.engine import Scorer
    from kolabik_desktop.core.scoring.model import FINAL
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.services import load_event_spec, load_values, set_score

    imports_s = time.perf_counter() - start

    cpu0 = time.process_time()
    t0 = time.perf_counter()
    db = open_event_file(path)
    t1 = time.perf_counter()
    with db.session() as s:
        spec = load_event_spec(s)
        values = load_values(s)
    t2 = time.perf_counter()
    scorer = Scorer(spec, values)
    board = scorer.leaderboard(FINAL)
    t3 = time.perf_counter()
    open_cpu = time.process_time() - cpu0
    assert len(board.rows) == len(spec.entries) == 3000

    rng = random.Random(11)
    cells = rng.sample(sorted(values), EDITS)
    times, cpu_times = [], []
    for juror_id, entry_id, criterion_id in cells:
        value = Decimal(rng.randrange(40, 101))
        start, cpu_start = time.perf_counter(), time.process_time()
        set_score(
            db,
            juror_id=juror_id,
            entry_id=entry_id,
            criterion_id=criterion_id,
            value=value,
            actor="bench",
        )
        scorer.set_value(juror_id, entry_id, criterion_id, value)
        scorer.leaderboard(FINAL)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
    db.close()
    times.sort()
    cpu_times.sort()
    return {
        "imports_s": imports_s,
        "open_file_s": t1 - t0,
        "load_rubric_and_scores_s": t2 - t1,
        "scorer_and_final_leaderboard_s": t3 - t2,
        "open_load_final_leaderboard_s": t3 - t0,
        "open_load_final_leaderboard_cpu_s": open_cpu,
        "recompute_after_one_score_median_ms": times[len(times) // 2] * 1000,
        "recompute_after_one_score_p90_ms": times[int(len(times) * 0.9)] * 1000,
        "recompute_after_one_score_cpu_median_ms": cpu_times[len(cpu_times) // 2] * 1000,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # KiB on Linux
    }


if __name__ == "__main__":
    for name, figure in run().items():
        print(f"{name:44s} {figure:10.3f}")
