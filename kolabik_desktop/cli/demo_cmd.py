"""`kolabik demo`: write the demo competition (core.demo) and open it in the window."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kolabik_desktop.cli.display import display_problem
from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.paths import DEFAULT_DEMO_FILENAME


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommands to the `kolabik` parser."""
    p = sub.add_parser(
        "demo",
        help="write a realistic demo competition (Kolabik 2023 of a city) and open it",
        description=(
            "Writes a demo competition: 60 entries in 7 kelompok, 5 jurors, a proposal stage "
            "and a presentation stage, scores partly filled in. An earlier demo file at PATH is "
            "replaced by a fresh one; any other existing file is left alone unless --force."
        ),
    )
    p.add_argument(
        "path",
        nargs="?",
        default=DEFAULT_DEMO_FILENAME,
        metavar="PATH",
        help=f"event file to write (default: ./{DEFAULT_DEMO_FILENAME})",
    )
    p.add_argument("--no-gui", action="store_true", help="only write the file; do not open it")
    p.add_argument(
        "--force", action="store_true", help="replace PATH even if it is not a demo file"
    )
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.demo import build_demo_event

    summary = build_demo_event(Path(args.path), force=args.force)
    verb = "Replaced" if summary.replaced else "Wrote"
    print(
        f"{verb} {summary.path}: {summary.entries} entries in {summary.categories} categories, "
        f"{summary.jurors} jurors, Top {summary.admitted} admitted to stage 2, "
        f"{summary.scores} scores"
    )
    if args.no_gui:
        print(f"See the ranking with: kolabik leaderboard {summary.path}")
        return 0
    problem = display_problem()
    if problem:
        raise KolabikError(
            f"{problem} (use --no-gui on a machine without a desktop). "
            f"The demo is written; open it later with: kolabik {summary.path}"
        )
    from kolabik_desktop.ui.app import run_gui  # Qt only when a window is wanted

    return run_gui(str(summary.path))
