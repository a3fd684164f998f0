"""Event workbook at national scale (issue 3): import and export of about 124,000 scores.

Targets: import under 15 s, export under 10 s, peak memory under 300 MB. Each phase runs in a
fresh Python process, so its peak resident memory (interpreter and libraries included) is its own.

Run: python bench/bench_workbook.py
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGETS = {
    "workbook_import_124k_scores_s": 15.0,
    "workbook_export_124k_scores_s": 10.0,
    "workbook_import_peak_rss_mb": 300.0,
    "workbook_export_peak_rss_mb": 300.0,
}


def _phase(name: str, *args: str) -> dict[str, float]:
    """Time one phase in this process and report it with the process's peak memory."""
    from kolabik_desktop.core.exchange.workbook import export_workbook, import_workbook
    from kolabik_desktop.core.store.db import open_event_file

    start, cpu_start = time.perf_counter(), time.process_time()
    if name == "import":
        import_workbook(args[0], args[1]).close()
    elif name == "export":
        with open_event_file(args[0]) as db:
            export_workbook(db, args[1])
    elif name == "floor":
        return _floors(*args)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"seconds": seconds, "cpu_s": cpu, "peak_rss_mb": peak_mb}


def _floors(xlsx: str, event: str, scratch: str) -> dict[str, float]:
    """Same-run references for the import's CPU time (the figure before a change is not at hand
    when the bench runs): reading and checking the workbook alone, and a raw sqlite3 executemany
    of the very score rows the import wrote, into an empty event file (foreign keys off: no jurors
    there). The import costs about read + write; the writer's share over the raw insert is the
    price of its checks, audit record and SQLAlchemy."""
    from helpers import raw_insert_floor

    from kolabik_desktop.core.exchange.workbook import read_workbook

    cpu = time.process_time()
    read_workbook(xlsx)
    read_cpu = time.process_time() - cpu
    insert_cpu, rows = raw_insert_floor(Path(event), Path(scratch))
    return {"read_cpu_s": read_cpu, "raw_insert_cpu_s": insert_cpu, "rows": float(rows)}


def _run_phase(name: str, *args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--phase", name, *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run() -> dict[str, float]:
    from national import build_national_workbook

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "national.xlsx"
        build_national_workbook(source)
        event = Path(tmp) / "national.kolabik"
        imported = _run_phase("import", str(source), str(event))
        floors = _run_phase("floor", str(source), str(event), str(Path(tmp) / "floor.kolabik"))
        exported = _run_phase("export", str(event), str(Path(tmp) / "export.xlsx"))
        return {
            "workbook_import_124k_scores_s": round(imported["seconds"], 2),
            # CPU time: what the wall time is on an otherwise idle machine (one thread works).
            "workbook_import_124k_scores_cpu_s": round(imported["cpu_s"], 2),
            "workbook_import_peak_rss_mb": round(imported["peak_rss_mb"], 1),
            # Floors measured in this run (a separate process): reading alone, raw insert alone.
            "workbook_read_only_cpu_s": round(floors["read_cpu_s"], 2),
            "workbook_raw_insert_124k_floor_cpu_s": round(floors["raw_insert_cpu_s"], 2),
            "workbook_export_124k_scores_s": round(exported["seconds"], 2),
            "workbook_export_124k_scores_cpu_s": round(exported["cpu_s"], 2),
            "workbook_export_peak_rss_mb": round(exported["peak_rss_mb"], 1),
            "workbook_size_mb": round(source.stat().st_size / 2**20, 2),
        }


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--phase":
        print(json.dumps(_phase(sys.argv[2], *sys.argv[3:])))
    else:
        for key, value in run().items():
            print(f"{key}: {value}")
