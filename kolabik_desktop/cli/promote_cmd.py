"""`kolabik promote`: send the winners on to the next level's event (created or added to)."""

from __future__ import annotations

import argparse
from typing import Any

from kolabik_desktop.core.errors import KolabikError


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommand to the `kolabik` parser."""
    from kolabik_desktop.core.templates import TEMPLATES

    p = sub.add_parser(
        "promote",
        help="send the top N entries on to the next level's event (kirim ke tingkat berikutnya)",
        description="Add the top N of the ranking to the next event, created when missing: code, "
        "title, unit, category, summary and attached files, with a note of the place and score "
        "they came with. No juror's score is carried. Promoting twice adds nothing twice.",
    )
    p.add_argument("event", metavar="EVENT", help="event file (.kolabik) the winners come from")
    p.add_argument("--top", type=int, required=True, metavar="N", help="how many places go on")
    p.add_argument(
        "--stage", metavar="CODE|final", help="ranking to take them from (default: final)"
    )
    p.add_argument("--to", required=True, metavar="NEXT.kolabik", help="the next event's file")
    p.add_argument(
        "--template",
        choices=sorted(TEMPLATES),
        help="rubric for a next event created by this command (ignored when it exists)",
    )
    p.add_argument("--name", help="name of a next event created by this command")
    p.add_argument(
        "--yes", action="store_true", help="promote even though the ranking is still provisional"
    )
    p.set_defaults(func=cmd_promote)


def cmd_promote(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kolabik_desktop.core.exchange.promote import promote
    from kolabik_desktop.core.reports import ProvisionalRanking

    if args.top < 1:
        raise KolabikError(f"--top must be at least 1, not {args.top}")
    target = Path(args.to)
    existed = target.exists()
    try:
        result = promote(
            args.event,
            target,
            top_n=args.top,
            stage=args.stage,
            template=args.template,
            name=args.name,
            confirmed=args.yes,
        )
    except ProvisionalRanking as exc:
        raise KolabikError(f"{exc}. Add --yes to promote anyway.") from None
    awards = result.awards
    if awards.short:
        print(
            f"Only {awards.ranked} entries are ranked, fewer than the {awards.requested} asked "
            f"for: all {awards.ranked} go on."
        )
    if existed and args.template:
        print(f"{target.name} already exists: the {args.template} template was not applied.")
    for award in awards.rows:
        row = award.row
        state = "added" if row.entry.code in result.added else "already there"
        print(
            f"  {award.rank:>3}  {row.entry.code:<12} {award.place:<22} {row.display:>8}  {state}"
        )
    verb = "Created" if result.created else "Updated"
    print(
        f"{verb} {target}: {len(result.added)} entries added, {len(result.present)} already there"
    )
    return 0
