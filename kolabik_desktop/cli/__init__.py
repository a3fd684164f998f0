"""The ``kolabik`` command: the same services as the window, from a terminal.

Each feature registers its subcommands from its own module (see COMMAND_MODULES), so features
grow without editing one shared file. Exit codes: 0 success, 1 data error (message on stderr),
2 usage error. No traceback for anything a user can cause.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from kolabik_desktop.core.errors import KolabikError

# Modules that define ``register(subparsers)``; each subcommand sets ``func(args) -> int``.
COMMAND_MODULES = (
    "kolabik_desktop.cli.event_cmds",  # new, import/export-workbook, check
    "kolabik_desktop.cli.leaderboard_cmd",  # leaderboard
    "kolabik_desktop.cli.demo_cmd",  # demo
    "kolabik_desktop.cli.exchange_cmds",  # kit, export-scores, import-scores, audit
    "kolabik_desktop.cli.report_cmds",  # report
    "kolabik_desktop.cli.score_cmds",  # set-score
    "kolabik_desktop.cli.live_cmds",  # hub, sync: the live link
    "kolabik_desktop.cli.stats_cmd",  # stats
    "kolabik_desktop.cli.promote_cmd",  # promote
    "kolabik_desktop.cli.app_cmds",  # self-test and other app-level commands
    "kolabik_desktop.cli.server_cmds",  # copy (file <-> PostgreSQL server)
)

# Which module registers each subcommand: `kolabik COMMAND ...` builds the parser of that module
# alone, since registering every module costs more (imports and argparse work, ~25 ms) than
# `kolabik leaderboard` spends ranking. tests/cli/test_parser.py checks this against what the
# modules really register, so a new subcommand cannot be forgotten here.
COMMANDS: dict[str, str] = {
    **dict.fromkeys(
        ("new", "import-workbook", "export-workbook", "check"), "kolabik_desktop.cli.event_cmds"
    ),
    "leaderboard": "kolabik_desktop.cli.leaderboard_cmd",
    "demo": "kolabik_desktop.cli.demo_cmd",
    **dict.fromkeys(
        (
            "kit",
            "update-kit",
            "export-scores",
            "import-scores",
            "audit",
            "reopen",
            "forget-key",
        ),
        "kolabik_desktop.cli.exchange_cmds",
    ),
    **dict.fromkeys(("report", "export"), "kolabik_desktop.cli.report_cmds"),
    "set-score": "kolabik_desktop.cli.score_cmds",
    **dict.fromkeys(("hub", "sync"), "kolabik_desktop.cli.live_cmds"),
    "stats": "kolabik_desktop.cli.stats_cmd",
    "promote": "kolabik_desktop.cli.promote_cmd",
    **dict.fromkeys(("copy", "panel"), "kolabik_desktop.cli.server_cmds"),
}


class _VersionAction(argparse.Action):
    """``--version``: the installed version is looked up only when asked (importlib.metadata
    costs ~40 ms, on every start otherwise)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the program's version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from kolabik_desktop import __version__

        print(f"kolabik {__version__}")  # on stdout, as argparse's own version action
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The `kolabik` parser: every subcommand, or only what ``command`` needs when that is the
    one being run ("open", or a key of COMMANDS: the module that registers it)."""
    parser = argparse.ArgumentParser(
        prog="kolabik",
        description="Kolabik Desktop: scoring and recaps for a public-service innovation jury.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end (offscreen) and exit 0 when it works",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    open_p = sub.add_parser("open", help="open an event file in the window (the default)")
    open_p.add_argument("event", nargs="?", help="event file (.kolabik) or juror kit")
    open_p.set_defaults(func=_open_window)
    if command == "open":
        modules: Sequence[str] = ()
    elif command in COMMANDS:
        modules = (COMMANDS[command],)
    else:
        modules = COMMAND_MODULES
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def _open_window(args: argparse.Namespace) -> int:
    from kolabik_desktop.cli.display import display_problem

    problem = display_problem()
    if problem:
        raise KolabikError(f"{problem}; without a desktop, use the commands in 'kolabik --help'")
    from kolabik_desktop.ui.app import run_gui  # Qt is imported only when a window is wanted

    return run_gui(getattr(args, "event", None))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--self-test"]:
        from kolabik_desktop.selftest import run_self_test

        return run_self_test()
    # `kolabik` and `kolabik EVENT` open the window: a bare path is not a subcommand.
    if not argv or (argv[0] not in COMMANDS and argv[0] != "open" and not argv[0].startswith("-")):
        argv = ["open", *argv]
    return _run(build_parser(argv[0]).parse_args(argv))


def _run(args: argparse.Namespace) -> int:
    """Run the chosen command; a problem a user can cause is a message and an exit code."""
    try:
        return int(args.func(args) or 0)
    except KolabikError as exc:
        print(f"kolabik: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kolabik: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) left early: stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
