"""`kolabik COMMAND` builds only the parser its command needs (issue 17 item 9: start-up cost),
and the table that says which module registers a command matches what the modules register."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from factories import make_event

from kolabik_desktop.cli import COMMAND_MODULES, COMMANDS, build_parser, main

ROOT = Path(__file__).resolve().parents[2]


def _registered(module: str) -> set[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    importlib.import_module(module).register(sub)
    return set(sub.choices)


def test_every_registered_command_is_in_the_table() -> None:
    registered = {name: module for module in COMMAND_MODULES for name in _registered(module)}
    assert registered == COMMANDS


def test_a_command_gets_its_own_options_from_the_small_parser() -> None:
    args = build_parser("leaderboard").parse_args(
        ["leaderboard", "ev.kolabik", "--stage", "S1", "--format", "csv"]
    )
    assert (args.event, args.stage, args.format) == ("ev.kolabik", "S1", "csv")
    full = build_parser()
    choices = full._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(choices) == {"open", *COMMANDS}


def test_leaderboard_does_not_register_the_other_commands(tmp_path: Path) -> None:
    path = tmp_path / "ev.kolabik"
    db, _ids = make_event(path, p2_fill=1.0)
    db.close()
    code = (
        "import sys\n"
        "from kolabik_desktop.cli import main\n"
        f"rc = main(['leaderboard', {str(path)!r}, '-o', {str(tmp_path / 'b.csv')!r}])\n"
        "print(rc, sorted(m for m in sys.modules if m.startswith('kolabik_desktop.cli.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "0 ['kolabik_desktop.cli.leaderboard_cmd']", result.stderr


def test_help_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out
