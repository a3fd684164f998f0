"""Helpers for the live-link tests: a hub in its own process, kits scored for it."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import open_event_file

ROOT = Path(__file__).resolve().parents[1]


def env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def kolabik(*argv: object, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kolabik_desktop", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env(),
        cwd=ROOT,
    )


@dataclass
class HubProcess:
    process: subprocess.Popen[str]
    lines: dict[str, str] = field(default_factory=dict)
    _out: queue.Queue[str] = field(default_factory=queue.Queue)
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)
    pumps: list[threading.Thread] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.lines["hub"]

    @property
    def address(self) -> str:
        return self.url.removeprefix("http://")

    def stop(self, timeout: float = 20) -> tuple[int, str]:
        """SIGTERM, then the exit code and everything it printed."""
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
        for pump in self.pumps:
            pump.join(10)
        while not self._out.empty():
            self.stdout.append(self._out.get())
        return code, "".join(self.stdout) + "".join(self.stderr)


def start_hub(
    event: Path, *extra: object, wait_for: tuple[str, ...] = ("hub", "pairing")
) -> HubProcess:
    """`kolabik hub EVENT --port 0` on loopback, once it has printed its lines."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kolabik_desktop", "hub", str(event), "--port", "0"]
        + ["--host", "127.0.0.1", *map(str, extra)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
        cwd=ROOT,
    )
    hub = HubProcess(process)

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            hub._out.put(line)

    def pump_errors() -> None:  # read as it comes: a full pipe would stall the hub
        assert process.stderr is not None
        for line in process.stderr:
            hub.stderr.append(line)

    hub.pumps = [
        threading.Thread(target=pump, daemon=True),
        threading.Thread(target=pump_errors, daemon=True),
    ]
    for thread in hub.pumps:
        thread.start()
    while not all(key in hub.lines for key in wait_for):
        try:
            line = hub._out.get(timeout=30)
        except queue.Empty:
            process.kill()
            raise AssertionError(f"the hub printed no {wait_for} in 30 s") from None
        hub.stdout.append(line)
        key, _, value = line.partition(": ")
        hub.lines.setdefault(key, value.strip())
    return hub


def save_scores(kit_path: Path, ids, values: dict[tuple[int, str], int]) -> None:
    """Save P2 values in a kit: {(entry index, criterion code): value}."""
    kit = open_event_file(kit_path)
    try:
        for (entry, crit), value in values.items():
            services.set_score(
                kit,
                juror_id=kit.kit_juror_id,
                entry_id=ids.entries[entry],
                criterion_id=ids.criteria[("P2", crit)],
                value=Decimal(value),
            )
    finally:
        kit.close()


def sse_events(port: int, path: str, count: int, timeout: float = 10) -> list[dict]:
    """The first ``count`` board snapshots an SSE reader receives."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        buffer = b""
        end = time.monotonic() + timeout
        while buffer.count(b"\ndata: ") + buffer.startswith(b"data: ") < count:
            assert time.monotonic() < end, buffer
            buffer += sock.recv(65536)
    head, _, body = buffer.partition(b"\r\n\r\n")
    assert b"text/event-stream" in head
    return [json.loads(line[6:]) for line in body.split(b"\n") if line.startswith(b"data: ")]


def browser_or_skip(size: str = "1280,800"):
    """Headless Chromium driven by the system's chromedriver, or the test is skipped."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    try:
        from selenium import webdriver  # noqa: F401
    except ImportError:
        chromium = None
    if not chromium or not driver:
        reason = "needs chromium, chromedriver (apt) and selenium (pip); .ci/run installs them"
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.add_argument(f"--window-size={size}")
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)
