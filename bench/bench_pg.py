"""The national event on a local PostgreSQL beside SQLite, in the same run (issue 16).

Figures (targets from the issue):
- import of the national workbook (3,000 entries, 30 jurors, 124,000 scores): server < 2x file;
- opening the event and computing the final leaderboard: < 1 s on each;
- 6 panel chairs each importing a package of their juror's ~4,000-5,000 changed scores at the
  same moment: all merged in < 10 s, 0 lost, `check` passes;
- a commit by one chair reaching another chair's open leaderboard (NOTIFY, refetch, re-rank):
  p95 < 1 s;
- 30 concurrent writers of single scores for KOLABIK_BENCH_PG_SECONDS (default 60): 0 lost,
  0 errors shown to a user.

Needs a server: KOLABIK_TEST_PG=postgresql://user@host:port/db (bash scripts/pg_test_server.sh
start DIR starts one; note it runs with fsync=off). Without one, the bench says so and reports
nothing. Run: python bench/bench_pg.py
"""

from __future__ import annotations

import os
import queue
import random
import sys
import tempfile
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGETS = {
    "pg_import_vs_sqlite_ratio": 2.0,
    "pg_open_and_final_leaderboard_s": 1.0,
    "sqlite_open_and_final_leaderboard_s": 1.0,
    "pg_six_chairs_merge_s": 10.0,
    "pg_six_chairs_lost_changes": 0.0,
    "pg_commit_to_other_leaderboard_p95_s": 1.0,
    "pg_30_writers_lost": 0.0,
    "pg_30_writers_errors": 0.0,
}
CHAIRS = 6
WRITERS = 30


def _timed(fn: Any) -> tuple[Any, float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - start, time.process_time() - cpu


def _admin_url() -> str | None:
    return os.environ.get("KOLABIK_TEST_PG") or os.environ.get("KOLABIK_BENCH_PG")


class _Server:
    """Fresh databases on the bench server, dropped at the end."""

    def __init__(self, url: str):
        import psycopg

        self.url = url
        self.conn = psycopg.connect(url, autocommit=True)
        self.made: list[str] = []

    def database(self) -> str:
        from sqlalchemy.engine import make_url

        name = f"kb_{uuid.uuid4().hex[:10]}"
        self.conn.execute(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def close(self) -> None:
        for name in self.made:
            self.conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.conn.close()


def _open_and_rank(location: Any) -> float:
    from kolabik_desktop.core.scoring.engine import Scorer
    from kolabik_desktop.core.scoring.model import FINAL
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.services import load_scoring_input

    start = time.perf_counter()
    with open_event_file(location) as db:
        data = load_scoring_input(db)
        board = Scorer(data.event, data.values).leaderboard(FINAL)
        assert len(board.rows) == 3000
    return time.perf_counter() - start


def _changed_packages(event: str, folder: Path, jurors: list[str]) -> list[Path]:
    """Each juror's kit with every score changed (+1 or -1), written as a signed package."""
    from sqlalchemy import select

    from kolabik_desktop.core.exchange.kits import export_kits
    from kolabik_desktop.core.exchange.packages import write_package
    from kolabik_desktop.core.store.db import open_event_file, utc_now
    from kolabik_desktop.core.store.models import Score

    with open_event_file(event) as db:
        kits = export_kits(db, folder, juror_codes=jurors, stages=["S1", "S2"])
    packages = []
    for kit_path in kits:
        with open_event_file(kit_path) as kit:
            with kit.session() as s:
                now = utc_now()
                for row in s.scalars(select(Score).where(Score.value.is_not(None))):
                    assert row.value is not None
                    row.value = row.value + 1 if row.value < 100 else row.value - 1
                    row.revision += 1
                    row.updated_at = now
            packages.append(write_package(kit, folder))
    return packages


def _six_chairs(event: str, packages: list[Path]) -> dict[str, float]:
    from kolabik_desktop.core.exchange.merge import apply_import, prepare_import
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.integrity import check_event

    plans: list[Any] = []
    dbs = [open_event_file(event) for _ in packages]  # six machines, six connections
    for db, package in zip(dbs, packages, strict=True):
        plans.append(prepare_import(db, [package]))
    expected = sum(p.changed + p.new for p in plans)
    errors: list[BaseException] = []
    applied: list[int] = []
    barrier = threading.Barrier(len(dbs))

    def chair(db: Any, plan: Any) -> None:
        try:
            barrier.wait()
            done = apply_import(db, plan)
            applied.append(done.changed + done.new)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=chair, args=pair) for pair in zip(dbs, plans, strict=True)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start
    for db in dbs:
        db.close()
    with open_event_file(event) as db:
        problems = check_event(db)
    if errors:
        raise RuntimeError(f"six chairs: {errors[0]}")
    return {
        "pg_six_chairs_merge_s": round(seconds, 2),
        "pg_six_chairs_changes": float(expected),
        "pg_six_chairs_lost_changes": float(expected - sum(applied)),
        "pg_six_chairs_check_problems": float(len(problems)),
    }


def _latency(event: str, commits: int = 40) -> dict[str, float]:
    """One chair commits single scores; another chair's open leaderboard re-ranks on NOTIFY."""
    from helpers import percentile
    from sqlalchemy import select

    from kolabik_desktop.core.scoring.engine import Scorer
    from kolabik_desktop.core.scoring.model import FINAL
    from kolabik_desktop.core.store import services
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.models import Score

    moved: queue.Queue[float] = queue.Queue()
    with open_event_file(event, lock=True) as board_db, open_event_file(event) as chair:
        data = services.load_scoring_input(board_db)
        scorer = Scorer(data.event, data.values)
        assert board_db.listener is not None and board_db.listener.listening.wait(10)

        def absorb(change: Any) -> None:
            if change.source != "server":
                return
            with board_db.session() as s:
                rows = s.execute(
                    select(Score.entry_id, Score.juror_id, Score.criterion_id, Score.value).where(
                        Score.entry_id.in_(change.entry_ids), Score.value.is_not(None)
                    )
                )
                values: dict[int, dict[tuple[int, int], Decimal]] = {
                    e: {} for e in change.entry_ids
                }
                for e, j, c, v in rows:
                    values[e][(j, c)] = v
            for e, vals in values.items():
                scorer.replace_entry_values(e, vals)
            scorer.leaderboard(FINAL)
            moved.put(time.perf_counter())

        board_db.changes.subscribe(absorb)
        with chair.session() as s:
            cells = s.execute(
                select(Score.juror_id, Score.entry_id, Score.criterion_id, Score.value).limit(
                    commits
                )
            ).all()
        waits = []
        for j, e, c, v in cells:
            sent = time.perf_counter()
            new = v + 1 if v < 100 else v - 1
            services.set_score(chair, juror_id=j, entry_id=e, criterion_id=c, value=new)
            waits.append(moved.get(timeout=10) - sent)
    return {
        "pg_commit_to_other_leaderboard_p50_s": round(percentile(waits, 0.5), 3),
        "pg_commit_to_other_leaderboard_p95_s": round(percentile(waits, 0.95), 3),
    }


def _writers(event: str, seconds: float) -> dict[str, float]:
    """30 machines writing single scores, some cells shared; every change must be kept."""
    from sqlalchemy import select

    from kolabik_desktop.core.store import services
    from kolabik_desktop.core.store.audit import verify_chain
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.models import Score

    with open_event_file(event) as db, db.session() as s:
        cells = s.execute(
            select(Score.juror_id, Score.entry_id, Score.criterion_id, Score.revision).limit(300)
        ).all()
    before = {(j, e, c): r for j, e, c, r in cells}
    keys = list(before)
    changes: dict[tuple[int, int, int], int] = dict.fromkeys(keys, 0)
    tally = threading.Lock()
    errors: list[str] = []
    writes = [0]
    stop = time.perf_counter() + seconds

    def writer(n: int) -> None:
        rng = random.Random(n)
        with open_event_file(event) as mine:
            i = 0
            while time.perf_counter() < stop:
                key = rng.choice(keys)
                i += 1
                try:
                    # a note of its own makes every write a change: one revision each
                    services.set_score(
                        mine,
                        juror_id=key[0],
                        entry_id=key[1],
                        criterion_id=key[2],
                        value=Decimal(rng.randrange(0, 101)),
                        note=f"w{n}-{i}",
                    )
                except Exception as exc:  # what a user would be shown
                    errors.append(str(exc))
                    continue
                with tally:
                    writes[0] += 1
                    changes[key] += 1

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open_event_file(event) as db, db.session() as s:
        after = dict(
            ((j, e, c), r)
            for j, e, c, r in s.execute(
                select(Score.juror_id, Score.entry_id, Score.criterion_id, Score.revision)
            )
            if (j, e, c) in before
        )
        chain = verify_chain(s)
    lost = sum(1 for k in keys if after[k] - before[k] != changes[k])
    return {
        "pg_30_writers_commits": float(writes[0]),
        "pg_30_writers_commits_per_s": round(writes[0] / seconds, 1),
        "pg_30_writers_lost": float(lost + len(chain)),
        "pg_30_writers_errors": float(len(errors)),
    }


def run() -> dict[str, float]:
    from national import build_national_workbook

    from kolabik_desktop.core.exchange.workbook import import_workbook

    admin = _admin_url()
    if not admin:
        print("bench_pg: no PostgreSQL server (set KOLABIK_TEST_PG); nothing measured")
        return {}
    server = _Server(admin)
    figures: dict[str, float] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            xlsx = build_national_workbook(Path(tmp) / "national.xlsx")
            file_event = Path(tmp) / "national.kolabik"
            _, s_wall, s_cpu = _timed(lambda: import_workbook(xlsx, file_event).close())
            event = server.database()
            _, p_wall, p_cpu = _timed(lambda: import_workbook(xlsx, event).close())
            figures |= {
                "sqlite_import_national_s": round(s_wall, 2),
                "sqlite_import_national_cpu_s": round(s_cpu, 2),
                "pg_import_national_s": round(p_wall, 2),
                "pg_import_national_cpu_s": round(p_cpu, 2),
                "pg_import_vs_sqlite_ratio": round(p_wall / s_wall, 2),
            }
            _open_and_rank(file_event)  # warm imports, as a window already running has them
            figures["sqlite_open_and_final_leaderboard_s"] = round(_open_and_rank(file_event), 3)
            figures["pg_open_and_final_leaderboard_s"] = round(_open_and_rank(event), 3)

            folder = Path(tmp) / "packages"
            folder.mkdir()
            jurors = [f"J{j:02d}" for j in range(1, 31, 5)][:CHAIRS]  # one juror per panel
            packages = _changed_packages(event, folder, jurors)
            figures |= _six_chairs(event, packages)
            figures |= _latency(event)
            seconds = float(os.environ.get("KOLABIK_BENCH_PG_SECONDS", "60"))
            figures |= _writers(event, seconds)
    finally:
        server.close()
    return figures


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
