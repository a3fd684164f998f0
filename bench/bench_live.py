"""The live link under load (issue 14), on loopback.

A chair's hub (`kolabik hub --board`, its own process, whose CPU is measured) takes 30 jurors'
saves, 2 a second each, for LIVE_BENCH_SECONDS (default 60; `--quick`: 15), while 200 web-board
viewers hold an SSE stream (a process of their own). The jurors run in LIVE_BENCH_PROCESSES
(default 6) processes, several per process, each juror a thread with its own kit and connection:
save a score (the kit's trigger queues it), push it (seal, sign, send), wait for the ack.

Figures:
- save_to_board_*_ms: a juror's save until the chair's board (viewer 0's SSE stream) shows a
  board computed after the change was committed (the board carries the hub sequence it
  includes); saves_never_on_board: acknowledged saves no board ever showed;
- save_to_ack_*_ms: a juror's save until the hub's acknowledgement;
- push_rtt_*_ms: one sealed push request to its answer (network, verify, merge, commit);
- board_push_*_ms: the hub's publish until each of the 200 viewers has the new board;
- lost / duplicated: every kit's last value against the chair's file; audit rows per revision;
- catch_up_500_s: a kit that saved 500 changes offline, until all are acknowledged;
- discovery_to_connected_s: mDNS browse until the first acknowledged hello (-1 if multicast is
  blocked here);
- hub_cpu_percent: the hub process's CPU time over the load, as percent of one core, and
  hub_cpu_ms_per_change; jurors_cpu_percent: the juror processes' CPU, for comparison.
Wall and CPU both, since the machine is shared.

Run: python bench/bench_live.py [--quick]
"""

from __future__ import annotations

import asyncio
import bisect
import http.client
import json
import multiprocessing
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from helpers import percentile  # noqa: E402

QUICK = "--quick" in sys.argv or bool(os.environ.get("LIVE_BENCH_QUICK"))
JURORS = int(os.environ.get("LIVE_BENCH_JURORS", "30"))
SECONDS = float(os.environ.get("LIVE_BENCH_SECONDS", "15" if QUICK else "60"))
PROCESSES = int(os.environ.get("LIVE_BENCH_PROCESSES", "6"))  # juror processes, jurors spread
VIEWERS = int(os.environ.get("LIVE_BENCH_VIEWERS", "200"))
ENTRIES = 40
CRITERIA = 4

TARGETS = {
    "save_to_board_median_ms": 150.0,
    "save_to_board_p95_ms": 300.0,
    "saves_never_on_board": 0.5,
    "board_push_p95_ms": 500.0,
    "lost_changes": 0.5,
    "duplicated_changes": 0.5,
    "catch_up_500_s": 2.0,
    "discovery_to_connected_s": 3.0,
    "hub_cpu_percent": 50.0,
}


def build_event(folder: Path) -> tuple[Path, list[Path]]:
    from kolabik_desktop.core.exchange.kits import export_kits
    from kolabik_desktop.core.store.db import create_event_file
    from kolabik_desktop.core.store.models import Criterion, Entry, Juror, Stage

    db = create_event_file(folder / "chair.kolabik", name="Bench Sesi Langsung", year=2026)
    with db.session() as s:
        stage = Stage(code="P2", name="Presentasi", position=1, weight=Decimal(100))
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
        s.add_all(Entry(code=f"E{i:03d}", title=f"Inovasi {i}") for i in range(ENTRIES))
        s.add_all(Juror(code=f"J{j:02d}", name=f"Juri {j}") for j in range(JURORS + 1))
    kits_dir = folder / "kits"
    kits_dir.mkdir()
    kits = export_kits(db, kits_dir)
    db.close()
    return folder / "chair.kolabik", kits


def start_hub(event: Path) -> tuple[subprocess.Popen[str], str, str]:
    # LIVE_BENCH_PROFILE=FILE: the hub runs under `py-spy record` (collapsed stacks into FILE).
    profile = os.environ.get("LIVE_BENCH_PROFILE")
    spy = (
        ["py-spy", "record", "--format", "raw", "--threads", "-o", profile, "--"] if profile else []
    )
    # LIVE_BENCH_HUB_ROOT=DIR: the hub runs from another source tree (a baseline: an older
    # commit's `git archive`), the jurors and viewers from this one; measured in the same run.
    hub_root = os.environ.get("LIVE_BENCH_HUB_ROOT", str(ROOT))
    approve = ["--approve-new"] if hub_root == str(ROOT) else []
    process = subprocess.Popen(
        [*spy, sys.executable, "-m", "kolabik_desktop", "hub", str(event), "--port", "0"]
        + ["--host", "127.0.0.1", "--board", *approve],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=os.environ | {"PYTHONPATH": hub_root},
    )
    lines: dict[str, str] = {}
    assert process.stdout is not None
    while not {"hub", "board"} <= set(lines):
        key, _, value = process.stdout.readline().partition(": ")
        lines[key] = value.strip()
    return process, lines["hub"], lines["board"]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Viewers:
    """VIEWERS SSE clients on one asyncio loop; records each board's push delay."""

    def __init__(self, url: str) -> None:
        match = re.match(r"http://([^:/]+):(\d+)(/.*)", url)
        assert match
        self.host, self.port, self.path = match[1], int(match[2]), match[3] + "events"
        self.delays: list[float] = []
        self.chair: list[tuple[float, int]] = []  # viewer 0: (received, hub sequence) per board
        self.connected = 0
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.tasks = [
            asyncio.run_coroutine_threadsafe(self._viewer(n == 0), self.loop)
            for n in range(VIEWERS)
        ]

    async def _viewer(self, chair: bool) -> None:
        reader, writer = await asyncio.open_connection(self.host, self.port, limit=2**20)
        writer.write(f"GET {self.path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        await writer.drain()
        await reader.readuntil(b"\r\n\r\n")
        self.connected += 1
        while True:
            line = await reader.readline()
            if not line:
                return
            if line.startswith(b"data: "):
                received = time.time()
                board = json.loads(line[6:])
                if "at" in board:
                    self.delays.append(received - board["at"])
                if chair and "seq" in board:
                    self.chair.append((received, int(board["seq"])))

    def run_until(self, stop: Any) -> None:
        """In the viewers' own process: hold the streams until ``stop`` is set."""
        stop.wait()
        self.stop()

    def stop(self) -> None:
        async def shutdown() -> None:
            current = asyncio.current_task()
            pending = [t for t in asyncio.all_tasks() if t is not current]
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(shutdown(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def _viewer_process(url: str, ready: Any, stop: Any, out: Any) -> None:
    """The 200 viewers in a process of their own, so their parsing never slows the jurors."""
    viewers = Viewers(url)
    deadline = time.monotonic() + 30
    while viewers.connected < VIEWERS and time.monotonic() < deadline:
        time.sleep(0.1)
    ready.set()
    viewers.run_until(stop)
    out.send((viewers.delays, viewers.chair, viewers.connected))


def _juror_process(
    kit_paths: list[str], address: str, start_at: float, seconds: float, seed: int, out: Any
) -> None:
    """Several jurors (one thread each, each with its own kit and connection) in one process;
    sends back (save wall time, ack wall time, hub sequence) per acknowledged save, the push
    round trips, refusals and this process's CPU seconds."""
    saves: list[tuple[float, float, int]] = []
    rtts: list[float] = []
    refused: list[str] = []
    threads = [
        threading.Thread(
            target=juror_loop,
            args=(
                Path(k),
                address,
                start_at,
                seconds,
                seed + i,
                saves,
                rtts,
                refused,
                f"127.0.0.{2 + seed // 1000 + PROCESSES * i}",
            ),
            daemon=True,
        )
        for i, k in enumerate(kit_paths)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 120)
    out.send((saves, rtts, refused, time.process_time()))


def juror_loop(
    kit_path: Path,
    address: str,
    start_at: float,
    seconds: float,
    seed: int,
    saves: list[tuple[float, float, int]],
    rtts: list[float],
    refused: list[str],
    source: str = "127.0.0.1",
) -> None:
    from kolabik_desktop.core.exchange import live
    from kolabik_desktop.core.store import services
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.live.client import HubClient, sync_once

    rng = random.Random(seed)
    kit = open_event_file(kit_path)
    client = HubClient(address, live.kit_hub_key(kit))
    plain_call = client.call
    plain_exchange = client._exchange

    def from_own_address(method: str, path: str, body: bytes | None) -> tuple[int, bytes]:
        # Each juror from an address of its own (127.0.0.N), as each laptop has at the venue:
        # the hub limits requests per address, and 30 jurors on 127.0.0.1 would share a limit.
        if client._conn is None:
            client._conn = http.client.HTTPConnection(
                client.host, client.port, timeout=client.timeout, source_address=(source, 0)
            )
        return plain_exchange(method, path, body)

    client._exchange = from_own_address  # type: ignore[method-assign]

    def timed_call(request: dict[str, Any]) -> dict[str, Any]:
        started = time.monotonic()
        answer = plain_call(request)
        if request.get("op") == "push":
            rtts.append(time.monotonic() - started)
        return answer

    client.call = timed_call  # type: ignore[method-assign]
    with kit.session() as s:
        cells = [
            (e, c)
            for (e,) in s.execute(sqlite_text("SELECT id FROM entry"))
            for (c,) in s.execute(sqlite_text("SELECT id FROM criterion"))
        ]
    sync_once(kit, client)  # connected (hello) before the load starts
    try:
        while time.time() < start_at:
            time.sleep(0.01)
        end = time.monotonic() + seconds
        next_at = time.monotonic() + rng.random() * 0.5
        while next_at < end:
            time.sleep(max(0.0, next_at - time.monotonic()))
            entry, crit = rng.choice(cells)
            saved = time.time()
            services.set_score(
                kit,
                juror_id=kit.kit_juror_id,
                entry_id=entry,
                criterion_id=crit,
                value=Decimal(rng.randint(50, 100)),
            )
            before = live.kit_state(kit).last_ack
            result = sync_once(kit, client)
            if result.refusal is None:
                seq = live.kit_state(kit).last_ack
                if seq > before:
                    saves.append((saved, time.time(), seq))
            else:
                refused.append(result.refusal.code)
            next_at += 0.5
        tail = time.monotonic() + 60  # anything a slow or refused round left queued
        while not sync_once(kit, client).done and time.monotonic() < tail:
            time.sleep(0.2)
    finally:
        client.close()
        kit.close()


def sqlite_text(sql: str):  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    return text(sql)


def check_exactly_once(event: Path, kits: list[Path]) -> tuple[int, int, int]:
    """(lost, duplicated, unsent): every kit's cells against the chair's (a cell still queued
    in its kit is unsent, not lost); audit rows per revision."""
    lost = unsent = 0
    chair = sqlite3.connect(event)
    stored = {
        (j, e, c): (v, r)
        for j, e, c, v, r in chair.execute(
            "SELECT juror_id, entry_id, criterion_id, value, revision FROM score"
        )
    }
    for kit_path in kits:
        kit = sqlite3.connect(kit_path)
        queued = {a for (a,) in kit.execute("SELECT key_a FROM live_outbox WHERE kind = 'score'")}
        for score_id, j, e, c, v, r in kit.execute(
            "SELECT id, juror_id, entry_id, criterion_id, value, revision FROM score"
        ):
            if stored.get((j, e, c)) != (v, r):
                if score_id in queued:
                    unsent += 1
                else:
                    lost += 1
        kit.close()
    subjects = [
        (row[0], json.loads(row[1])["revision"])
        for row in chair.execute("SELECT subject, new FROM audit_log WHERE action = 'score.set'")
    ]
    chair.close()
    return lost, len(subjects) - len(set(subjects)), unsent


def catch_up(kit_path: Path, address: str) -> float:
    from kolabik_desktop.core.exchange import live
    from kolabik_desktop.core.store import services
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.live.client import HubClient, sync_once

    kit = open_event_file(kit_path)
    try:
        with kit.session() as s:
            cells = [
                (e, c)
                for (e,) in s.execute(sqlite_text("SELECT id FROM entry"))
                for (c,) in s.execute(sqlite_text("SELECT id FROM criterion"))
            ]
        for i in range(500):  # offline: 500 saves queue in the kit
            entry, crit = cells[i % len(cells)]
            services.set_score(
                kit,
                juror_id=kit.kit_juror_id,
                entry_id=entry,
                criterion_id=crit,
                value=Decimal(50 + i % 51),
            )
        assert live.kit_state(kit).unsent == 500
        client = HubClient(address, live.kit_hub_key(kit))
        started = time.perf_counter()
        deadline = time.monotonic() + 60
        while not sync_once(kit, client).done:
            if time.monotonic() > deadline:  # refused over and over: report it, never spin
                client.close()
                return -1.0
        elapsed = time.perf_counter() - started
        client.close()
        return elapsed
    finally:
        kit.close()


def discovery_time(event: Path, kit_path: Path, address: str) -> float:
    """mDNS browse to the first acknowledged hello, against a hub announced on loopback."""
    from kolabik_desktop.core.exchange import live
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.live.client import HubClient, sync_once
    from kolabik_desktop.live.discovery import Announcement, discover

    kit = open_event_file(kit_path)
    host, port = address.removeprefix("http://").split(":")
    announcement = Announcement(kit.uid, "Bench", host, int(port))
    try:
        started = time.perf_counter()
        found = discover(kit.uid, 3.0, host)
        if not found:
            return -1.0
        client = HubClient(found[0], live.kit_hub_key(kit))
        result = sync_once(kit, client)
        client.close()
        return time.perf_counter() - started if result.refusal is None else -1.0
    finally:
        announcement.close()
        kit.close()


def save_to_board(
    saves: list[tuple[float, float, int]], boards: list[tuple[float, int]]
) -> tuple[list[float], int]:
    """Per acknowledged save: until the first board push that includes its hub sequence; and how
    many saves no board ever showed."""
    boards = sorted(boards)
    times = [t for t, _seq in boards]
    # The greatest sequence shown by each time (a push carries the state it was computed from).
    shown: list[int] = []
    best = 0
    for _t, seq in boards:
        best = max(best, seq)
        shown.append(best)
    delays, missing = [], 0
    for saved, _acked, seq in saves:
        i = bisect.bisect_left(times, saved)
        while i < len(shown) and shown[i] < seq:
            i += 1
        if i == len(shown):
            missing += 1
        else:
            delays.append(times[i] - saved)
    return delays, missing


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        event, kits = build_event(Path(tmp))
        hub, address, board_url = start_hub(event)
        try:
            ctx = multiprocessing.get_context("spawn")
            ready, stop = ctx.Event(), ctx.Event()
            receive, send = ctx.Pipe(duplex=False)
            viewer_proc = ctx.Process(
                target=_viewer_process, args=(board_url, ready, stop, send), daemon=True
            )
            viewer_proc.start()
            ready.wait(60)
            start_at = time.time() + 8.0  # every juror process imported and connected
            pipes, procs = [], []
            for p in range(PROCESSES):
                mine = [str(k) for k in kits[p:JURORS:PROCESSES]]
                r, s = ctx.Pipe(duplex=False)
                proc = ctx.Process(
                    target=_juror_process,
                    args=(mine, address, start_at, SECONDS, 1000 * p, s),
                    daemon=True,
                )
                proc.start()
                pipes.append(r)
                procs.append(proc)
            while time.time() < start_at:
                time.sleep(0.01)
            cpu_before, wall_before = cpu_seconds(hub.pid), time.perf_counter()
            saves: list[tuple[float, float, int]] = []
            rtts: list[float] = []
            refused: list[str] = []
            juror_cpu = 0.0
            for r in pipes:
                got_saves, got_rtts, got_refused, cpu = r.recv()
                saves += got_saves
                rtts += got_rtts
                refused += got_refused
                juror_cpu += cpu
            hub_cpu = cpu_seconds(hub.pid) - cpu_before
            wall = time.perf_counter() - wall_before
            for proc in procs:
                proc.join(30)
            time.sleep(1.0)  # the last board push
            stop.set()
            push, chair_boards, connected = receive.recv()
            viewer_proc.join(30)
            catch = catch_up(kits[JURORS], address)
            try:
                discovered = discovery_time(event, kits[0], address)
            except Exception:
                discovered = -1.0
        finally:
            if os.environ.get("LIVE_BENCH_PROFILE"):
                hub.send_signal(signal.SIGINT)  # py-spy writes its profile on Ctrl+C
            else:
                hub.terminate()
            hub.wait(30)
        lost, duplicated, unsent = check_exactly_once(event, kits)
        to_board, never_shown = save_to_board(saves, chair_boards)
        to_ack = [acked - saved for saved, acked, _seq in saves]
        return {
            "changes_acknowledged": float(len(saves)),
            "changes_refused": float(len(refused)),
            **{f"refused_{code}": float(n) for code, n in Counter(refused).items()},
            "save_to_board_median_ms": percentile(to_board, 0.5) * 1000,
            "save_to_board_p95_ms": percentile(to_board, 0.95) * 1000,
            "saves_never_on_board": float(never_shown),
            "save_to_ack_median_ms": percentile(to_ack, 0.5) * 1000,
            "save_to_ack_p95_ms": percentile(to_ack, 0.95) * 1000,
            "push_rtt_median_ms": percentile(rtts, 0.5) * 1000,
            "push_rtt_p95_ms": percentile(rtts, 0.95) * 1000,
            "board_viewers_connected": float(connected),
            "board_pushes_received": float(len(push)),
            "board_push_median_ms": percentile(push, 0.5) * 1000,
            "board_push_p95_ms": percentile(push, 0.95) * 1000,
            "lost_changes": float(lost),
            "duplicated_changes": float(duplicated),
            "unsent_at_end": float(unsent),
            "catch_up_500_s": catch,
            "discovery_to_connected_s": discovered,
            "hub_cpu_percent": 100 * hub_cpu / wall,
            "hub_cpu_ms_per_change": 1000 * hub_cpu / max(1, len(saves)),
            "jurors_cpu_percent": 100 * juror_cpu / wall,
            "load_wall_s": wall,
        }


def main() -> None:
    figures = run()
    for name, value in figures.items():
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            ok = value < target and not (name.startswith("discovery") and value < 0)
            verdict = f"  target < {target:g}: {'ok' if ok else 'MISSED'}"
        print(f"{name:28} {value:10.2f}{verdict}", flush=True)


if __name__ == "__main__":
    main()
