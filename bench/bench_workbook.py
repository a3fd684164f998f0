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
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"seconds": seconds, "cpu_s": cpu, "peak_rss_mb": peak_mb}


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
        exported = _run_phase("export", str(event), str(Path(tmp) / "export.xlsx"))
        return {
            "workbook_import_124k_scores_s": round(imported["seconds"], 2),
            # CPU time: what the wall time is on an otherwise idle machine (one thread works).
            "workbook_import_124k_scores_cpu_s": round(imported["cpu_s"], 2),
            "workbook_import_peak_rss_mb": round(imported["peak_rss_mb"], 1),
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
