"""Fault injection (issue 13): kill -9, full disks, read-only media, files swapped under a writer,
special files, links. Every case checks the same three things: no committed score lost,
``kolabik check`` passes, an earlier output is unchanged.

Cases that need root (tmpfs mounts) are skipped with the reason printed when not root.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).resolve().parent / "writer_child.py"
# The user's own configuration folder, as it was before any test ran (see user_folders).
USER_CONFIG = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test, and every child it starts (env() copies os.environ), gets its own config,
    data and cache folders, as tests/ui does: a window child (writer_child.py's "dialog" mode)
    records recent files in its settings, which must never reach the real user's."""
    folders = tmp_path / "user"
    for name in ("CONFIG", "DATA", "CACHE"):
        (folders / name.lower()).mkdir(parents=True)
        monkeypatch.setenv(f"XDG_{name}_HOME", str(folders / name.lower()))
    return folders


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "tests")])
    e["QT_QPA_PLATFORM"] = "offscreen"
    return e


def kolabik(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kolabik_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        env=env(),
        timeout=timeout,
    )


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``kolabik ARGS`` run in this process: for cases where another process is not the point
    (messages, exit codes, readers of a file no writer holds). Saves the ~1 s of CPU a fresh
    interpreter spends importing the program. An exception that escapes the command is reported
    as a traceback in stderr, as the real program would print it, so refusals are judged alike.
    """
    import io
    import traceback
    from contextlib import redirect_stderr, redirect_stdout

    from kolabik_desktop.cli import main

    # Text streams over bytes, like a real process's (the commands may reconfigure them).
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    argv = [str(a) for a in args]
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception:
            traceback.print_exc()
            code = 1
    texts = []
    for stream in (out, err):
        stream.flush()
        texts.append(stream.buffer.getvalue().decode("utf-8"))  # type: ignore[attr-defined]
    return subprocess.CompletedProcess(argv, code, *texts)


def assert_clean_refusal(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit code 1, a message naming the problem, never a traceback."""
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr
    for word in words:
        assert word in proc.stderr, (word, proc.stderr)


class Writer:
    """A child process committing scores; ``committed`` holds what it reported as saved."""

    def __init__(self, event: Path, mode: str = "loop"):
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(event), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
        )
        self.committed: dict[tuple[int, int, int], Decimal] = {}
        self.following: dict[tuple[int, int, int], Decimal] = {}

    def read_until(self, *, commits: int = 0, marker: str = "", timeout: float = 60) -> None:
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        seen = 0
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise AssertionError(f"writer ended: {self.proc.stderr.read()}")  # type: ignore[union-attr]
            if line.startswith("C "):
                self._record(line)
                seen += 1
                if commits and seen >= commits:
                    return
            elif marker and line.strip() == marker:
                return
        raise AssertionError("writer too slow")

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text)
        self.proc.stdin.flush()

    def kill9(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        # What it printed before dying was committed before it died.
        assert self.proc.stdout is not None
        for line in self.proc.stdout.read().splitlines():
            if line.startswith("C "):
                self._record(line)

    def _record(self, line: str) -> None:
        _, j, e, c, v, following = line.split()
        self.committed[(int(j), int(e), int(c))] = Decimal(v)
        self.following[(int(j), int(e), int(c))] = Decimal(following)


def scores_in(event: Path) -> dict[tuple[int, int, int], Decimal]:
    conn = sqlite3.connect(f"file:{event}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT juror_id, entry_id, criterion_id, value FROM score WHERE value IS NOT NULL"
        ).fetchall()
    finally:
        conn.close()
    return {(j, e, c): Decimal(str(v)) for j, e, c, v in rows}


def assert_nothing_lost(
    event: Path,
    committed: dict[tuple[int, int, int], Decimal],
    following: dict[tuple[int, int, int], Decimal] | None = None,
) -> None:
    """Every committed score is in the file (or the newer value the killed writer had in flight)."""
    held = scores_in(event)
    following = following or {}
    lost = {k: v for k, v in committed.items() if held.get(k) not in (v, following.get(k))}
    assert not lost, (
        f"{len(lost)} committed score(s) lost, e.g. {[(k, v, held.get(k)) for k, v in list(lost.items())[:3]]}"
    )
    check = cli("check", event)  # the writer is gone: no other process is needed to read
    assert check.returncode == 0, check.stderr


def make_small_event(path: Path, **kwargs: object) -> Path:
    from factories import make_event

    # No pre-filled scores: factories write those behind the audit log, which `check` refuses.
    kwargs.setdefault("fill", 0.0)
    db, _ids = make_event(path, entries=6, jurors=3, conflict=False, **kwargs)  # type: ignore[arg-type]
    db.close()
    return path


@pytest.fixture
def event(tmp_path: Path) -> Path:
    return make_small_event(tmp_path / "lomba.kolabik")


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def tmpfs(where: Path, size: str = "4m") -> Iterator[Path]:
    """A small tmpfs at ``where`` (root only): full disks and read-only media on demand."""
    if not is_root():
        reason = "needs root to mount a tmpfs (full disk / read-only media cases)"
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)])
    if done.returncode != 0:
        reason = "mounting a tmpfs was refused here (container without CAP_SYS_ADMIN?)"
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def remount(where: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(where)], check=True)


def fill_disk(folder: Path) -> Path:
    """Fill the file system holding ``folder``; returns the filler to delete afterwards."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        block = b"\0" * 65536
        while True:
            try:
                os.write(fd, block)
            except OSError:
                if len(block) == 1:
                    break
                block = block[: len(block) // 2]
    finally:
        os.close(fd)
    return filler


@contextlib.contextmanager
def unblocker(path: Path, after: float = 20.0) -> Iterator[threading.Event]:
    """Opens the FIFO's write end (giving a blocked reader EOF) if the reader still waits after
    ``after`` seconds; the yielded event tells whether it had to."""
    done, needed = threading.Event(), threading.Event()

    def run() -> None:
        if done.wait(after) or not path.is_fifo():
            return
        while not done.is_set():
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as exc:  # ENXIO: no reader has it open (yet)
                if exc.errno != errno.ENXIO:
                    return
                done.wait(0.05)
                continue
            needed.set()
            os.close(fd)
            done.wait(0.05)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield needed
    finally:
        done.set()
        thread.join()
