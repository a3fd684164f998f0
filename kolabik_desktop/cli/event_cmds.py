"""`kolabik new`, `import-workbook`, `export-workbook` and `check` (`leaderboard`: leaderboard_cmd).

Core modules are imported inside each command, so `kolabik --help` stays fast and a command never
pays for another's imports.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kolabik_desktop.core.errors import KolabikError


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommands to the `kolabik` parser."""
    from kolabik_desktop.core.templates import TEMPLATES

    p = sub.add_parser("new", help="create a new, empty event file")
    p.add_argument(
        "path",
        metavar="PATH",
        help="event file to create (NAME.kolabik), or postgresql://user@host[:port]/dbname",
    )
    p.add_argument(
        "--template",
        choices=sorted(TEMPLATES),
        help="start with a rubric: "
        + "; ".join(f"{name}: {t.description}" for name, t in sorted(TEMPLATES.items())),
    )
    p.add_argument("--name", help="name of the competition (default: the file name)")
    p.add_argument("--year", type=int, help="year of the competition")
    p.add_argument("--organiser", default="", help="who runs the competition")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser(
        "import-workbook",
        help="read an event workbook (.xlsx) into an event file (created if missing)",
    )
    p.add_argument(
        "event", metavar="EVENT", help="event file (.kolabik) or postgresql://user@host/dbname"
    )
    p.add_argument("xlsx", metavar="XLSX", help="event workbook to read")
    p.set_defaults(func=cmd_import_workbook)

    p = sub.add_parser("export-workbook", help="write the whole event to an event workbook (.xlsx)")
    p.add_argument(
        "event", metavar="EVENT", help="event file (.kolabik) or postgresql://user@host/dbname"
    )
    p.add_argument("xlsx", metavar="XLSX", help="workbook to write")
    p.set_defaults(func=cmd_export_workbook)

    p = sub.add_parser(
        "check", help="check an event file's integrity (foreign keys, ranges, audit chain)"
    )
    p.add_argument(
        "event", metavar="EVENT", help="event file (.kolabik) or postgresql://user@host/dbname"
    )
    p.add_argument(
        "--fingerprint",
        action="store_true",
        help="also print the data fingerprint that reports print in their footer",
    )
    p.add_argument(
        "--against",
        metavar="FILE",
        help="a report PDF, a backup or a juror's score package made earlier: confirm the "
        "event's history still contains the state it certifies",
    )
    p.set_defaults(func=cmd_check)


# ---------------------------------------------------------------------------------------------
# new, import, export, check
# ---------------------------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.store import dialect
    from kolabik_desktop.core.store.db import EventDB, create_event_file
    from kolabik_desktop.core.templates import TEMPLATES, apply_template

    path = dialect.as_location(args.path)

    def fill(db: EventDB) -> None:
        if args.template:
            with db.session() as s:
                apply_template(s, args.template, actor="chair")

    create_event_file(
        path,
        name=args.name or dialect.default_event_name(path),
        year=args.year,
        organiser=args.organiser,
        build=fill,
    ).close()
    if args.template:
        print(
            f"Created {path} with the {args.template} rubric: {TEMPLATES[args.template].description}"
        )
    else:
        print(f"Created {path} (no stages yet: add them in the window or import a workbook)")
    return 0


def cmd_import_workbook(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.exchange.workbook import import_workbook
    from kolabik_desktop.core.store import dialect
    from kolabik_desktop.core.store.queries.event import event_counts

    xlsx, event = Path(args.xlsx), dialect.as_location(args.event)
    _require_file(xlsx, "workbook")
    created = not dialect.event_exists(event)
    db = import_workbook(xlsx, event)
    try:
        counts = event_counts(db)
    finally:
        db.close()
    verb = "Created" if created else "Filled"
    print(
        f"{verb} {event} from {xlsx}: {counts.entries} entries, {counts.jurors} jurors, "
        f"{counts.scores} scores"
    )
    return 0


def cmd_export_workbook(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.exchange.workbook import export_workbook
    from kolabik_desktop.core.store.db import open_event_file

    xlsx = Path(args.xlsx)
    with open_event_file(args.event, read_only=True) as db:
        export_workbook(db, xlsx)
    print(f"Exported {args.event} to {xlsx}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.exchange.proof import check_against, prove
    from kolabik_desktop.core.scoring.problem_text import (
        against_summary,
        finding_line,
        proof_summary,
    )
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.integrity import check_event

    against = Path(args.against) if args.against else None
    if against is not None:
        _require_file(against, "file to check against")
    with open_event_file(args.event, read_only=True) as db:
        problems = check_event(db)
        proof = prove(db)
        problems += [finding_line(f) for f in proof.findings]
        compared = check_against(db, against) if against is not None else None
        if getattr(args, "fingerprint", False):
            from kolabik_desktop.core.reports.fingerprint import fingerprint

            print(f"{args.event}: data fingerprint {fingerprint(db)}")
    if compared is not None:
        problems += [finding_line(f) for f in compared.findings]
    if problems:
        lines = [f"{args.event}: {len(problems)} problem(s) found:"]
        lines += [f"  - {p}" for p in problems]
        raise KolabikError("\n".join(lines))
    print(f"{args.event}: OK (database, scores, rubric, event settings, audit chain)")
    print(f"  {proof_summary(proof)}")
    if compared is not None and against is not None:
        print(f"  {against_summary(compared, against.name)}")
    return 0


def _require_file(path: Path, what: str) -> None:
    if not path.exists():
        raise KolabikError(f"{path}: {what} not found")
    if path.is_dir():
        raise KolabikError(f"{path}: is a folder, not a {what}")
