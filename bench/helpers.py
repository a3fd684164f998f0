"""What several benches share: the national event built in a child process, and percentiles."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent

_BUILD = (
    "import sys; sys.path.insert(0, sys.argv[1])\n"
    "from national import build_national_event\n"
    "build_national_event(sys.argv[2]).close()\n"
)


def build_national_event_file(path: Path) -> float:
    """Build bench/national.py's event at path; returns the seconds it took.

    In a child process, so the bench's own peak memory and imports are only what it measures.
    """
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", _BUILD, str(HERE), str(path)], check=True)
    return time.perf_counter() - start


@contextmanager
def national_event_file() -> Iterator[tuple[Path, float]]:
    """The national event built in a temporary folder: its path and the seconds the build took."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "national.kolabik"
        yield path, build_national_event_file(path)


def vm_steal_s() -> float | None:
    """CPU time the hypervisor gave to other guests so far, all CPUs together ("steal" in
    /proc/stat); None where the system does not report it. A start-up figure measured while it
    grew fast says the machine, not the program, was slow: on the shared development VM the
    same window start took 0.54 s with 0.2 s stolen during its run and 0.68 s with 5 s stolen."""
    try:
        fields = Path("/proc/stat").read_text(encoding="ascii").split("\n", 1)[0].split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def seed_language(config_home: Path, lang: str = "id") -> None:
    """A start that is not the first (the language is saved): no first-run language chooser, so
    a start-up bench measures the main window. ``config_home``: the child's XDG_CONFIG_HOME."""
    conf = config_home / "Kolabik" / "Kolabik Desktop.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(f"[General]\nlanguage={lang}\n", encoding="utf-8")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def raw_insert_floor(event: Path, scratch: Path) -> tuple[float, int]:
    """CPU seconds of a raw sqlite3 executemany of ``event``'s score rows into an empty event file
    at ``scratch`` (foreign keys off: it has no jurors), and the row count: what no import of
    those rows can go below."""
    import sqlite3

    from kolabik_desktop.core.store.db import create_event_file

    columns = "juror_id, entry_id, criterion_id, value, note, revision, updated_at"
    source = sqlite3.connect(event)
    rows = source.execute(f"SELECT {columns} FROM score ORDER BY id").fetchall()
    source.close()
    create_event_file(scratch, name="floor").close()
    con = sqlite3.connect(scratch)
    con.execute("PRAGMA foreign_keys=OFF")
    cpu = time.process_time()
    with con:
        con.executemany(f"INSERT INTO score ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    seconds = time.process_time() - cpu
    con.close()
    return seconds, len(rows)
