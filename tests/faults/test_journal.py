"""Issue 13, the repro: a reader must never delete a writer's journal.

A process that opens and closes the event file outside SQLite (a file dialog guessing the type)
loses its POSIX locks (SQLite's documented hazard); a reader that then believed itself the last
connection checkpointed and deleted the WAL, and every later commit of the writer went to a
journal no longer on disk, lost on kill -9.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import USER_CONFIG, Writer, assert_nothing_lost, env, kolabik

READ_ONLY_COMMANDS = [
    ("audit",),
    ("leaderboard",),
    ("check",),
    ("report", "--kind", "recap", "--stage", "P1", "--out", "{out}/r.pdf"),
    ("export", "--what", "leaderboard", "--stage", "P1", "--out", "{out}/x.csv"),
    ("export-workbook", "{event}", "{out}/w.xlsx"),
]


def _argv(args: tuple[str, ...], event: Path, out: Path) -> list[str]:
    command, *rest = args
    argv = [a.format(out=out, event=event) for a in rest]
    if command != "export-workbook":
        argv = [str(event), *argv]
    return [command, *argv]


def _run_readers(event: Path, out: Path) -> None:
    """The issue's repro (`kolabik audit`) as its own process, then every other read-only
    command in one more process (commands_child.py), each opening and closing its connections."""
    first, *rest = (_argv(args, event, out) for args in READ_ONLY_COMMANDS)
    proc = kolabik(*first)
    assert proc.returncode == 0, (first, proc.stderr)
    child = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("commands_child.py")), json.dumps(rest)],
        capture_output=True,
        text=True,
        env=env(),
        timeout=120,
    )
    assert child.returncode == 0, child.stderr


def _deleted_journals(pid: int) -> list[str]:
    fds = Path(f"/proc/{pid}/fd")
    if not fds.is_dir():
        return []
    found = []
    for fd in fds.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.endswith(" (deleted)") and ("-wal" in target or "-shm" in target):
            found.append(target)
    return found


@pytest.mark.parametrize("how", ["sniff", "dialog"], ids=["plain open()", "window file dialog"])
def test_reader_after_a_sniffed_file_never_deletes_the_writers_journal(event, tmp_path, how):
    writer = Writer(event, how)
    try:
        writer.read_until(marker="SNIFFED")
        _run_readers(event, tmp_path)
        writer.send("go\n")
        writer.read_until(commits=30)
        assert _deleted_journals(writer.proc.pid) == []
        assert Path(f"{event}-wal").exists()
    finally:
        writer.kill9()
    assert len(writer.committed) >= 50
    assert_nothing_lost(event, writer.committed, writer.following)


def _mentions(folder: Path, text: str) -> list[Path]:
    """The files under ``folder`` whose contents name ``text``."""
    found = []
    for path in folder.rglob("*") if folder.is_dir() else []:
        try:
            if path.is_file() and text in path.read_text(encoding="utf-8", errors="replace"):
                found.append(path)
        except OSError:
            continue
    return found


def test_the_window_child_keeps_its_recent_files_out_of_the_users_config(event, user_folders):
    """The "dialog" writer opens the real window, which records the event among the recent
    files: in the test's own config folder, never in the user's (~/.config/Kolabik)."""
    writer = Writer(event, "dialog")
    try:
        writer.read_until(marker="SNIFFED")  # the window opened the event and its dialog closed
    finally:
        writer.kill9()
    assert _mentions(user_folders / "config" / "Kolabik", event.name)
    # The event's folder is this test's own, so no other program names it in the user's config.
    assert _mentions(USER_CONFIG / "Kolabik", str(event.parent)) == []
