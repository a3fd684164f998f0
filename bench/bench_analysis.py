"""Juror statistics and method sensitivity on the national event (issue 15).

The national event (bench/national.py: 3,000 entries, 30 jurors, about 124,000 scores) is built
in a child process; then, on stage S1 (3,000 entries, 5 of 30 jurors each):
- stage_statistics_s: every per-juror statistic and every alpha (8 criteria and the totals)
  for the stage (target < 1 s);
- sensitivity_5_methods_s: the stage ranked under mean, trimmed, median, banded and zscore
  (target < 2 s);
- leave_one_out_30_jurors_s: the stage and the final ranking without each of the 30 jurors
  (target < 5 s).
- view_open_s: Tools > Juror statistics on the same event until the window is shown with its
  first events processed (target < 1 s); the numbers arrive later (view_results_s; then
  leave-one-out, view_leave_one_out_s), computed off the GUI thread: view_gui_longest_block_ms is the longest the GUI thread went without serving its
  event loop meanwhile (a 5 ms timer's largest gap).
Each has a *_cpu_s figure beside it: this process's CPU time, what the wall clock would read on an
idle machine. Library imports and loading the file are outside the timed parts.

Run: python bench/bench_analysis.py
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from helpers import national_event_file

TARGETS = {
    "view_open_s": 1.0,
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
    figures.update(_measure_view(path))
    return figures


def _measure_view(path: Path) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.juror_stats import JurorStatsDialog

    app = QApplication.instance() or QApplication([])
    db = open_event_file(path)
    context = EventContext(db)
    try:
        start = time.perf_counter()
        dialog = JurorStatsDialog()
        dialog.set_context(context)
        dialog.show()
        dialog.refresh()
        app.processEvents()
        opened = time.perf_counter() - start
        done: list[float] = []
        dialog.computed.connect(lambda: done.append(time.perf_counter()))
        loo_done: list[float] = []
        dialog.loo_computed.connect(lambda: loo_done.append(time.perf_counter()))
        clock = QElapsedTimer()
        clock.start()
        gaps = [0]
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        timer.start()
        deadline = time.perf_counter() + 120
        while not loo_done and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        assert done, "the statistics never arrived"
        assert dialog.jurors.rowCount() == 30
        dialog.close()
        return {
            "view_open_s": opened,
            "view_results_s": done[0] - start,
            "view_leave_one_out_s": loo_done[0] - start,
            "view_gui_longest_block_ms": float(max(gaps)),
        }
    finally:
        context.close()
        db.close()


if __name__ == "__main__":
    for name, figure in run().items():
        print(f"{name:44s} {figure:10.3f}")
