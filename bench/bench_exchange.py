"""Juror exchange at scale (issue 5): score package import, and kits for a national jury.

Targets: importing a package of 10,000 scores (read, signature check, row checks, merge,
audit rows, one transaction) under 1 s; kits for 10 jurors of the national event under 10 s.

Run: python bench/bench_exchange.py
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PACKAGE_SCORES = 10_000
CRITERIA = 8
KIT_JURORS = 10


def _package_event(folder: Path):
    """A chair's file with 1,250 entries x 8 criteria, and J1's package scoring every cell."""
    from kolabik_desktop.core.exchange.kits import export_kit
    from kolabik_desktop.core.exchange.packages import write_package
    from kolabik_desktop.core.store.db import create_event_file, open_event_file, utc_now
    from kolabik_desktop.core.store.models import Criterion, Entry, Juror, Stage

    db = create_event_file(folder / "chair.kolabik", name="Bench Nasional", year=2025)
    with db.session() as s:
        stage = Stage(code="S1", name="Proposal", position=1, weight=Decimal(100))
        s.add(stage)
        s.flush()
        s.add_all(
            Criterion(
                stage_id=stage.id,
                code=f"C{c}",
                name=f"Aspek {c}",
                weight=Decimal(100 // CRITERIA),
                position=c,
            )
            for c in range(CRITERIA)
        )
        s.add_all(
            Entry(code=f"E{i:05d}", title=f"Inovasi {i}") for i in range(PACKAGE_SCORES // CRITERIA)
        )
        s.add_all(Juror(code=f"J{j}", name=f"Juri {j}") for j in (1, 2))
    kit_path = export_kit(db, "J1", folder / "j1.kolabik-kit", stages=["S1"])
    con = sqlite3.connect(kit_path)
    now = utc_now()
    with con:
        juror_id = con.execute("SELECT id FROM juror").fetchone()[0]
        con.execute(
            "INSERT INTO score (juror_id, entry_id, criterion_id, value, note, revision,"
            " updated_at) SELECT ?, e.id, c.id, CAST(50 + (e.id + c.id) % 51 AS TEXT),"
            " 'catatan', 1, ? FROM entry e, criterion c",
            (juror_id, now),
        )
    con.close()
    kit = open_event_file(kit_path)
    start = time.perf_counter()
    package = write_package(kit, folder)
    written = time.perf_counter() - start
    kit.close()
    return db, package, written


def bench_package_import() -> dict[str, float]:
    from kolabik_desktop.core.exchange.merge import apply_import, prepare_import

    with tempfile.TemporaryDirectory() as tmp:
        db, package, written = _package_event(Path(tmp))
        try:
            start, cpu = time.perf_counter(), time.process_time()
            plan = prepare_import(db, [package])
            applied = apply_import(db, plan)
            seconds = time.perf_counter() - start
            cpu_seconds = time.process_time() - cpu
            assert applied.new == PACKAGE_SCORES, applied.items
            from helpers import raw_insert_floor

            floor, _rows = raw_insert_floor(db.path, Path(tmp) / "floor.kolabik")
            start = time.perf_counter()
            again = apply_import(db, prepare_import(db, [package]))
            repeat = time.perf_counter() - start
            assert not again.has_changes
            size_mb = package.stat().st_size / 1e6
        finally:
            db.close()
    return {
        "import_10k_scores_s": seconds,
        # CPU time alone: on a busy machine the wall time above also counts waiting.
        "import_10k_scores_cpu_s": cpu_seconds,
        # A floor in the same run: raw sqlite3 executemany of the same 10,000 score rows.
        "import_10k_raw_insert_floor_cpu_s": floor,
        "reimport_10k_scores_unchanged_s": repeat,
        "write_10k_package_s": written,
        "package_10k_mb": size_mb,
    }


def bench_national_kits() -> dict[str, float]:
    from national import build_national_event

    from kolabik_desktop.core.exchange.kits import export_kits

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = build_national_event(folder / "national.kolabik")
        try:
            with db.session() as s:
                from sqlalchemy import select

                from kolabik_desktop.core.store.models import Juror

                codes = list(s.scalars(select(Juror.code).order_by(Juror.code)))[:KIT_JURORS]
            (folder / "kits").mkdir()
            start, cpu = time.perf_counter(), time.process_time()
            paths = export_kits(db, folder / "kits", juror_codes=codes, stages=["S1"])
            seconds = time.perf_counter() - start
            cpu_seconds = time.process_time() - cpu
            event_mb = db.path.stat().st_size / 1e6
            kit_mb = max(p.stat().st_size for p in paths) / 1e6
        finally:
            db.close()
    return {
        "kits_10_jurors_national_s": seconds,
        "kits_10_jurors_national_cpu_s": cpu_seconds,
        "national_event_mb": event_mb,
        "largest_kit_mb": kit_mb,
    }


def run() -> dict[str, float]:
    return bench_package_import() | bench_national_kits()


if __name__ == "__main__":
    results = run()
    print(json.dumps({k: round(v, 3) for k, v in results.items()}, indent=2))
    ok = results["import_10k_scores_s"] < 1.0 and results["kits_10_jurors_national_s"] < 10.0
    print("targets:", "met" if ok else "MISSED (import < 1 s, 10 kits < 10 s)")
