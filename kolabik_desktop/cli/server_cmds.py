"""Issue 16: `kolabik copy` moves an event between a file and a PostgreSQL server."""

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


def cmd_copy(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.reports.fingerprint import fingerprint
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.dialect import as_location
    from kolabik_desktop.core.store.transfer import copy_event

    result = copy_event(args.source, args.dest, overwrite=args.force)
    with open_event_file(as_location(args.dest)) as db:
        mark = fingerprint(db)
    tables = sum(1 for n in result.rows.values() if n)
    print(
        f"Copied {result.source} to {result.target}: {result.total} rows in {tables} tables "
        f"({result.rows.get('score', 0)} scores, {result.rows.get('audit_log', 0)} audit rows, "
        f"{result.rows.get('attachment', 0)} attachments); data fingerprint {mark}"
    )
    return 0
