"""Scoring engine at national scale (issue 3): 3,000 entries in 8 categories, 30 jurors;
stage 1: every entry scored by 5 jurors on the 8 KIPP 2023 criteria; stage 2: 100 entries scored by
10 jurors on 4 criteria (about 124,000 values). Built in memory with a fixed seed.

Run: python bench/bench_scoring.py
"""

from __future__ import annotations

import gc
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import TypeVar

from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.scoring.model import (
    FINAL,
    CriterionSpec,
    EntrySpec,
    EventSpec,
    JurorSpec,
    Leaderboard,
    StageSpec,
)

T = TypeVar("T")
ENTRIES, CATEGORIES, JURORS = 3000, 8, 30
STAGE1_PANEL, STAGE2_ENTRIES, STAGE2_PANEL = 5, 100, 10
KIPP_2023 = (0, 10, 15, 5, 30, 20, 5, 15)  # Ringkasan (weight 0) and the seven scored aspects
EAST_JAVA = (30, 50, 10, 10)


def _criteria(first_id: int, weights: tuple[int, ...]) -> tuple[CriterionSpec, ...]:
    return tuple(
        CriterionSpec(
            id=first_id + i,
            code=f"K{first_id + i}",
            name=f"Kriteria {first_id + i}",
            weight=Decimal(w),
            min_value=Decimal(0),
            max_value=Decimal(100),
            step=Decimal("0.5"),
            position=i + 1,
        )
        for i, w in enumerate(weights)
    )


def build(seed: int = 2023) -> tuple[EventSpec, dict[tuple[int, int, int], Decimal]]:
    rng = random.Random(seed)
    entries = tuple(
        EntrySpec(id=e, code=f"P{e:04d}", title=f"Inovasi {e}", category=f"Kelompok {e % 8 + 1}")
        for e in range(1, ENTRIES + 1)
    )
    jurors = tuple(JurorSpec(id=j, code=f"J{j:02d}", name=f"Juri {j}") for j in range(1, 31))
    stage1 = _criteria(1, KIPP_2023)
    stage2 = _criteria(101, EAST_JAVA)
    finalists = frozenset(rng.sample(range(1, ENTRIES + 1), STAGE2_ENTRIES))
    values: dict[tuple[int, int, int], Decimal] = {}
    grades = [Decimal(v) / 2 for v in range(100, 201)]  # 50.0, 50.5, ..., 100.0
    assignments1: set[tuple[int, int]] = set()
    for e in range(1, ENTRIES + 1):
        for j in rng.sample(range(1, JURORS + 1), STAGE1_PANEL):
            assignments1.add((j, e))
            for c in stage1:
                values[(j, e, c.id)] = rng.choice(grades)
    panel2 = rng.sample(range(1, JURORS + 1), STAGE2_PANEL)
    assignments2 = {(j, e) for j in panel2 for e in finalists}
    for j, e in assignments2:
        for c in stage2:
            values[(j, e, c.id)] = rng.choice(grades)
    event = EventSpec(
        stages=(
            StageSpec(
                1,
                "S1",
                "Proposal",
                1,
                Decimal(40),
                "mean",
                stage1,
                assignments=frozenset(assignments1),
            ),
            StageSpec(
                2,
                "S2",
                "Presentasi",
                2,
                Decimal(60),
                "mean",
                stage2,
                admitted=finalists,
                assignments=frozenset(assignments2),
            ),
        ),  # fmt: skip
        entries=entries,
        jurors=jurors,
        conflicts=frozenset({(1, 2), (3, 4)}),
    )
    return event, values


def _timed(fn: Callable[[], T]) -> tuple[T, float, float]:
    """(result, wall seconds, CPU seconds): wall is what a user waits, CPU what the code costs on
    a machine that other work is not sharing."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def run() -> dict[str, float]:
    event, values = build()
    gc.collect()
    (scorer, board), full_wall, full_cpu = _timed(
        lambda: (s := Scorer(event, values), s.leaderboard(FINAL))
    )
    assert len(board.rows) == ENTRIES
    _, stage_wall, _ = _timed(lambda: scorer.leaderboard("S1"))
    _, category_wall, _ = _timed(lambda: scorer.leaderboard(FINAL, "Kelompok 3"))

    rng = random.Random(7)
    keys = rng.sample(sorted(values), 50)
    walls, cpus = [], []

    def edit(j: int, e: int, c: int, value: Decimal) -> Leaderboard:
        scorer.set_value(j, e, c, value)
        return scorer.leaderboard(FINAL)

    for j, e, c in keys:
        _, wall, cpu = _timed(partial(edit, j, e, c, Decimal(rng.randint(0, 100))))
        walls.append(wall)
        cpus.append(cpu)
    walls.sort()
    cpus.sort()
    _, stage_edit_wall, _ = _timed(
        lambda: (scorer.set_value(*keys[0], Decimal(50)), scorer.leaderboard("S1"))
    )

    # What the UI does when a package or another window changes one entry: re-read all of it.
    entry = keys[1][1]
    entry_values = {(j, c): v for (j, e, c), v in values.items() if e == entry}
    _, replace_wall, _ = _timed(
        lambda: (scorer.replace_entry_values(entry, entry_values), scorer.leaderboard(FINAL))
    )

    tracemalloc.start()
    Scorer(event, values).leaderboard(FINAL)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "values": float(len(values)),
        "scorer_and_final_leaderboard_s": full_wall,
        "scorer_and_final_leaderboard_cpu_s": full_cpu,
        "set_value_then_final_leaderboard_median_ms": walls[len(walls) // 2] * 1000,
        "set_value_then_final_leaderboard_max_ms": walls[-1] * 1000,
        "set_value_then_final_leaderboard_median_cpu_ms": cpus[len(cpus) // 2] * 1000,
        "stage1_leaderboard_with_juror_cells_s": stage_wall,
        "set_value_then_stage1_leaderboard_ms": stage_edit_wall * 1000,
        "replace_entry_values_then_final_leaderboard_ms": replace_wall * 1000,
        "category_leaderboard_ms": category_wall * 1000,
        "scorer_peak_traced_mb": peak / 1e6,
        "process_max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


if __name__ == "__main__":
    for name, figure in run().items():
        print(f"{name:48s} {figure:12.3f}")
    sys.exit(0)
