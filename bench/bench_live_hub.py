"""The hub's CPU per accepted change (issue 14), without the network or the jurors' own work.

30 jurors' push requests (one saved score each, sealed to the hub's key as the kit sends them)
are made first, in this process; then a child process runs the hub's side on them exactly as
`kolabik hub` does per request (open the envelope, parse, HubSession.handle: check the juror and
signature, verify the delta, join the group commit; seal the answer) and republishes the board
once per round of 30 (the headless hub's board feed), and reports its CPU time (process_time) per
change. Rounds arrive together (30 requests in flight: the group commit batches them) and, as a
floor for comparison, one at a time.

LIVE_HUB_ROOT=DIR runs the child from another source tree (a baseline: an older commit's `git
archive`), on a copy of the same event and the same requests, in the same run.

Run: python bench/bench_live_hub.py [ROUNDS]
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 20

_CHILD = r"""
import json, pickle, sys, time
from concurrent.futures import ThreadPoolExecutor
from kolabik_desktop.core.exchange import live, live_crypto
from kolabik_desktop.core.store.db import open_event_file

event, requests_path, together = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
rounds = pickle.loads(open(requests_path, "rb").read())
db = open_event_file(event, lock=True)
session = live.HubSession(db, approve="all")
session.committer = live.GroupCommit(db)
try:
    from kolabik_desktop.live.board import FinalRanking
    ranking = FinalRanking(db, session.event_name)
    db.changes.subscribe(ranking.changed)
    board = ranking
except ImportError:  # the baseline: a full reload and ranking per board
    from kolabik_desktop.live.board import final_ranking_snapshot
    board = lambda: final_ranking_snapshot(db, session.event_name)

def serve(body):
    plain, key = live_crypto.open_request(session.private_key, body)
    answer = session.handle(json.loads(plain), "bench")
    live_crypto.seal_answer(key, json.dumps(answer).encode("utf-8"))
    return answer

pool = ThreadPoolExecutor(max_workers=40)
ok = 0
cpu, wall = time.process_time(), time.perf_counter()
for requests in rounds:
    if together:
        answers = list(pool.map(serve, requests))
    else:
        answers = [serve(r) for r in requests]
    ok += sum(1 for a in answers if a.get("ok"))
    json.dumps(board(), ensure_ascii=False)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
session.committer.close()
db.close()
print(json.dumps({"ok": ok, "cpu": cpu, "wall": wall, "batches": session.committer.batches}))
"""


def make_requests(folder: Path) -> tuple[Path, Path]:
    from bench_live import build_event
    from sqlalchemy import text

    from kolabik_desktop.core.exchange import live, live_crypto
    from kolabik_desktop.core.store import services
    from kolabik_desktop.core.store.db import open_event_file

    event, kits = build_event(folder)
    opened = [open_event_file(k) for k in kits[:30]]
    try:
        with opened[0].session() as s:
            entries = [e for (e,) in s.execute(text("SELECT id FROM entry"))]
            criteria = [c for (c,) in s.execute(text("SELECT id FROM criterion"))]
        hub_key = live.kit_hub_key(opened[0])
        assert hub_key is not None
        rounds = []
        for r in range(ROUNDS):
            requests = []
            for j, kit in enumerate(opened):
                services.set_score(
                    kit,
                    juror_id=kit.kit_juror_id,
                    entry_id=entries[(r + j) % len(entries)],
                    criterion_id=criteria[(r * 7 + j) % len(criteria)],
                    value=Decimal(50 + (r * 13 + j) % 51),
                )
                delta = live.next_delta(kit)
                assert delta is not None
                request = live.signed_request(kit, "push", delta=delta.data.decode(), unsent=1)
                sealed, _key = live_crypto.seal_request(hub_key, json.dumps(request).encode())
                requests.append(sealed)
                # As if acknowledged: the next delta covers only the next save.
                live.record_acks(kit, [live.Ack(0, delta.last)])
            rounds.append(requests)
    finally:
        for kit in opened:
            kit.close()
    path = folder / "requests.pickle"
    path.write_bytes(pickle.dumps(rounds))
    return event, path


def measure(event: Path, requests: Path, root: str, together: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "chair.kolabik"
        shutil.copy(event, copy)
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(copy), str(requests), "1" if together else "0"],
            capture_output=True,
            cwd=root,  # `python -c` puts the working folder first on sys.path, before PYTHONPATH
            text=True,
            env=os.environ | {"PYTHONPATH": root},
            check=True,
        )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    changes = max(1, result["ok"])
    return {
        "accepted": result["ok"],
        "cpu_ms_per_change": 1000 * result["cpu"] / changes,
        "wall_ms_per_change": 1000 * result["wall"] / changes,
        "batches": result["batches"],
    }


def main() -> None:
    baseline = os.environ.get("LIVE_HUB_ROOT")
    with tempfile.TemporaryDirectory() as tmp:
        event, requests = make_requests(Path(tmp))
        roots = [("this tree", str(ROOT))] + ([("baseline", baseline)] if baseline else [])
        for name, root in roots:
            for together in (True, False):
                figures = measure(event, requests, root, together)
                how = "30 at once" if together else "one at a time"
                print(
                    f"{name:10} {how:14} accepted {figures['accepted']:5.0f}  "
                    f"hub CPU {figures['cpu_ms_per_change']:6.2f} ms/change  "
                    f"wall {figures['wall_ms_per_change']:6.2f} ms/change  "
                    f"batches {figures['batches']:4.0f}",
                    flush=True,
                )
    print(f"(at 60 changes a second, 50 % of a core allows {500 / 60:.1f} ms of CPU per change)")


if __name__ == "__main__":
    main()
