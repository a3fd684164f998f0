"""Juror statistics and method sensitivity on the national event (issue 15).

The national event (bench/national.py: 3,000 entries, 30 jurors, about 124,000 scores) is built
in a child process; then, on stage S1 (3,000 entries, 5 of 30 jurors each):
- stage_statistics_s: every per-juror statistic and every alpha (8 criteria and the totals)
  for the stage (target < 1 s);
- sensitivity_5_methods_s: the stage ranked under mean, trimmed, median, banded and zscore
  (target < 2 s);
- leave_one_out_30_jurors_s: the stage and the final ranking without each of the 30 jurors
  (target < 5 s).
Each has a *_cpu_s figure beside it: this process's CPU time, what the wall clock would read on an
idle machine. Library imports and loading the file are outside the timed parts.

Run: python bench/bench_analysis.py
"""

from __future__ import annotations

import time
from pathlib import Path

from helpers import national_event_file

TARGETS = {
    "stage_statistics_s": 1.0,
    "sensitivity_5_methods_s": 2.0,
    "leave_one_out_30_jurors_s": 5.0,
}


def run() -> dict[str, float]:
    with national_event_file() as (path, build_s):
        return {"build_national_event_s": build_s, **_measure(path)}


def _measure(path: Path) -> dict[str, float]:
    from kolabik_desktop.core.analysis import load_analysis_input
    from kolabik_desktop.core.analysis import stats as S
    from kolabik_desktop.core.scoring.engine import Scorer
    from kolabik_desktop.core.store.db import open_event_file

    db = open_event_file(path)
    try:
        data = load_analysis_input(db)
    finally:
        db.close()
    event, values = data.event, data.values
    figures: dict[str, float] = {}

    def timed(name: str, work):  # type: ignore[no-untyped-def]
        cpu, wall = time.process_time(), time.perf_counter()
        result = work()
        figures[name] = time.perf_counter() - wall
        figures[name.removesuffix("_s") + "_cpu_s"] = time.process_time() - cpu
        return result

    def statistics():  # type: ignore[no-untyped-def]
        scorer = Scorer(event, values)
        jurors = S.juror_statistics(scorer, "S1", S.default_tolerance(event.stages[0]))
        criteria = S.criterion_agreement(scorer, values, "S1")
        totals = S.totals_agreement(S.stage_totals(scorer, "S1"))
        return jurors, criteria, totals

    jurors, criteria, totals = timed("stage_statistics_s", statistics)
    assert len(jurors) == 30 and len(criteria) == 7 and totals.value is not None
    sens = timed("sensitivity_5_methods_s", lambda: S.sensitivity(event, values, "S1"))
    assert len(sens.methods) == 5
    loo = timed("leave_one_out_30_jurors_s", lambda: S.leave_one_out(event, values, "S1"))
    assert len(loo) == 30
    figures["outlier_marks"] = float(sum(len(j.outliers) for j in jurors))
    return figures


if __name__ == "__main__":
    for name, figure in run().items():
        print(f"{name:44s} {figure:10.3f}")
