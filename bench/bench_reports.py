"""PDF reports (issue 7): every report of a city event, and the national stage-1 recap.

- city_all_reports_s: a Kolabik-sized event (65 entries, 5 jurors, 20 in stage 2, all scored):
  read it once, then every juror's score sheet and blank form for both stages, the recap of each
  stage and of the final, the minutes, and every participant's feedback sheet (target < 3 s);
- national_recap_s1_s: the stage-1 recap of the national event (bench/national.py: 3,000
  entries, 30 jurors), including reading the event file (target < 15 s);
- national_recap_peak_rss_mb: the peak memory of the process that built it (target < 400 MB).
Each measurement runs in a fresh process, so one's memory does not count against the other.
The *_cpu_s figures are the same work in this process's CPU time: on a machine shared with other
busy processes they show what the wall-clock figures would be on an idle one.

Run: python bench/bench_reports.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import national_event_file

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent / "tests"

TARGETS = {
    "city_all_reports_s": 3.0,
    "national_recap_s1_s": 15.0,
    "national_recap_peak_rss_mb": 400.0,
}

CITY = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from factories import make_event
from kolabik_desktop.core.reports import ReportOptions, build_report, load_report_data

db, _ = make_event(Path(sys.argv[2]), entries=65, jurors=5, admitted_to_p2=20, p2_fill=1.0)
build_report(load_report_data(db), ReportOptions(kind="blank", stage="P2", juror="J1"))  # warm up
start, cpu = time.perf_counter(), time.process_time()
data = load_report_data(db)
jobs = [
    dict(kind="sheet", stage="P1"), dict(kind="sheet", stage="P2"),
    dict(kind="blank", stage="P1"), dict(kind="blank", stage="P2"),
    dict(kind="recap", stage="P1"), dict(kind="recap", stage="P2"), dict(kind="recap", stage="final"),
    dict(kind="minutes", stage="final"), dict(kind="minutes", stage="P1", top_n=20),
    dict(kind="feedback"),
]
pages = 0
for job in jobs:
    pdf = build_report(data, ReportOptions(**job))
    pages += pdf.count(b"/Type /Page\\n")
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({
    "city_all_reports_s": elapsed,
    "city_all_reports_cpu_s": cpu,
    "city_reports": len(jobs),
    "city_pages": pages,
}))
"""

NATIONAL_RECAP = """
import json, resource, sys, time
from pathlib import Path
start, cpu = time.perf_counter(), time.process_time()
from kolabik_desktop.core.reports import ReportOptions, build_report, load_report_data
from kolabik_desktop.core.store.db import open_event_file
db = open_event_file(Path(sys.argv[1]))
data = load_report_data(db, with_notes=False)
db.close()
stage = data.event.stages[0].code
pdf = build_report(data, ReportOptions(kind="recap", stage=stage))
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
Path(sys.argv[2]).write_bytes(pdf)
print(json.dumps({
    "national_recap_s1_s": elapsed,
    "national_recap_s1_cpu_s": cpu,
    "national_recap_pages": pdf.count(b"/Type /Page\\n"),
    "national_recap_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "national_recap_kb": len(pdf) / 1024,
}))
"""


def _python(code: str, *args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    ).stdout
    lines = [line for line in out.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {}


def run() -> dict[str, float]:
    with national_event_file() as (national, _build_s):
        figures = _python(CITY, str(TESTS), str(national.with_name("city.kolabik")))
        figures.update(_python(NATIONAL_RECAP, str(national), str(national.with_name("recap.pdf"))))
    return figures


if __name__ == "__main__":
    for name, figure in run().items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("ok" if figure < target else f"OVER {target}")
        print(f"{name:34s} {figure:10.3f}  {verdict}")
