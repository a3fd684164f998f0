"""Issue 16: `kolabik copy` (an event between a file and a PostgreSQL server) and `kolabik panel`."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommands to the `kolabik` parser."""
    p = sub.add_parser(
        "copy",
        help="copy an event between a file and a PostgreSQL server (either way)",
        description=(
            "Copies every table, the audit chain and the attachments. SOURCE and DEST are each "
            "an event file (.kolabik) or postgresql://user@host[:port]/dbname (the password "
            "from PGPASSWORD or ~/.pgpass). DEST must be a new file or an empty database."
        ),
    )
    p.add_argument("source", metavar="SOURCE", help="the event to copy")
    p.add_argument("dest", metavar="DEST", help="a new event file, or an empty server database")
    p.add_argument("--force", action="store_true", help="replace an existing DEST")
    p.set_defaults(func=cmd_copy)

    panel = sub.add_parser("panel", help="panels: named groups of jurors, their entries and chair")
    psub = panel.add_subparsers(dest="panel_command", metavar="ACTION", required=True)
    add = psub.add_parser("add", help="add a panel (prints the SQL it runs)")
    add.add_argument("event", metavar="EVENT", help="event file or postgresql:// URL")
    add.add_argument("name", metavar="NAME", help="the panel's name")
    add.add_argument("--jurors", required=True, help="juror codes, comma-separated")
    add.add_argument("--categories", default="", help="category names, comma-separated")
    add.add_argument("--entries", default="", help="entry codes, comma-separated")
    add.add_argument("--chair", default="", help="the chair's name")
    add.set_defaults(func=cmd_panel_add)
    lst = psub.add_parser("list", help="list the panels")
    lst.add_argument("event", metavar="EVENT", help="event file or postgresql:// URL")
    lst.set_defaults(func=cmd_panel_list)
    grant = psub.add_parser(
        "grant",
        help="give a panel's chair a database role that may write only that panel's rows",
        description=(
            "Server events only. Creates the committee role (reads everything), row-level "
            "security on scores, comments and submissions, and the chair's login role; prints "
            "every SQL statement. Set the role's password afterwards with psql's \\password."
        ),
    )
    grant.add_argument("event", metavar="EVENT", help="postgresql://owner@host/dbname")
    grant.add_argument("name", metavar="NAME", help="the panel")
    grant.add_argument("--role", required=True, help="the chair's database role (login name)")
    grant.add_argument("--dry-run", action="store_true", help="print the SQL, run nothing")
    grant.set_defaults(func=cmd_panel_grant)


def cmd_copy(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.reports.fingerprint import fingerprint
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.dialect import as_location
    from kolabik_desktop.core.store.transfer import copy_event

    result = copy_event(args.source, args.dest, overwrite=args.force)
    with open_event_file(as_location(args.dest), read_only=True) as db:
        mark = fingerprint(db)
    tables = sum(1 for n in result.rows.values() if n)
    print(
        f"Copied {result.source} to {result.target}: {result.total} rows in {tables} tables "
        f"({result.rows.get('score', 0)} scores, {result.rows.get('audit_log', 0)} audit rows, "
        f"{result.rows.get('attachment', 0)} attachments); data fingerprint {mark}"
    )
    return 0


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def _open(event: str) -> Any:
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.dialect import as_location

    return open_event_file(as_location(event))


def _print_sql(statements: list[str]) -> None:
    for statement in statements:
        print(statement.rstrip(";") + ";")


def cmd_panel_add(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.store.panels import add_panel

    with _open(args.event) as db:
        ran = add_panel(
            db,
            args.name,
            jurors=_codes(args.jurors),
            categories=_codes(args.categories),
            entries=_codes(args.entries),
            chair=args.chair,
        )
    _print_sql(ran)
    print(f"-- added panel {args.name.strip()}")
    return 0


def cmd_panel_list(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.store.panels import list_panels

    with _open(args.event) as db:
        panels = list_panels(db)
    if not panels:
        print("no panels (on a file, one chair judges everything)")
    for p in panels:
        judges = ", ".join(p.categories) or "-"
        listed = ", ".join(p.entries) or "-"
        print(
            f"{p.name}: chair {p.chair or '-'}; role {p.db_role or '-'}; jurors "
            f"{', '.join(p.jurors)}; categories {judges}; listed entries {listed}; "
            f"{p.entry_count} entries in all"
        )
    return 0


def cmd_panel_grant(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.store.panels import grant_panel

    with _open(args.event) as db:
        ran = grant_panel(db, args.name, args.role, dry_run=args.dry_run)
    _print_sql(ran)
    done = "would be given (dry run, nothing ran)" if args.dry_run else "given"
    print(f"-- role {args.role} {done}: it may write only panel {args.name}'s rows")
    return 0
