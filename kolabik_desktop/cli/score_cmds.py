"""`kolabik set-score`: one cell through the one writer, for scripts, tests and benchmarks.

It refuses exactly what the window refuses: the cell goes through ``services.set_score``, the
same call the scoring form makes, so the rules (core/scoring/rules.py) and the writer decide.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kolabik_desktop.core.errors import KolabikError

if TYPE_CHECKING:
    from kolabik_desktop.core.store.queries.people import JurorInfo


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser(
        "set-score",
        help="set or clear one score (and its note) in an event or a juror's kit",
        description="Set or clear one score through the same rules and writer as the window. "
        "--juror is needed only in a chair's event (a kit scores for its own juror).",
    )
    p.add_argument("event", metavar="EVENT_OR_KIT", help="event file or juror kit (.kolabik)")
    p.add_argument("--stage", required=True, metavar="S", help="stage code, e.g. P1")
    p.add_argument("--entry", required=True, metavar="E", help="entry code")
    p.add_argument("--criterion", required=True, metavar="C", help="criterion code")
    value = p.add_mutually_exclusive_group(required=True)
    value.add_argument("--value", metavar="V", help="the score, e.g. 85 or 85,5")
    value.add_argument("--clear", action="store_true", help="clear the score")
    p.add_argument("--note", metavar="TEXT", help="the note on this criterion (kept if absent)")
    p.add_argument("--juror", metavar="J", help="juror code (needed in a chair's event)")
    p.set_defaults(func=cmd_set_score)


def cmd_set_score(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.scoring import rules
    from kolabik_desktop.core.scoring.problem_text import problem_message
    from kolabik_desktop.core.store import services
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.queries import entries, people, stages

    value = None
    if not args.clear:
        parsed = rules.parse_value(args.value)
        if isinstance(parsed, rules.Problem):
            raise KolabikError(f"--value: {problem_message(parsed)}")
        if parsed is None:
            raise KolabikError("--value: empty; give a number, or --clear")
        value = parsed
    with open_event_file(args.event, lock=True) as db:
        with db.session() as s:
            stage = stages.stage_by_code(s, args.stage)
            if stage is None:
                raise KolabikError(f"{args.event}: --stage: no stage {args.stage}")
            criterion = stages.criterion_by_code(s, stage.id, args.criterion)
            if criterion is None:
                raise KolabikError(
                    f"{args.event}: --criterion: stage {args.stage} has no criterion "
                    f"{args.criterion}"
                )
            entry = entries.entry_by_code(s, args.entry)
            if entry is None:
                raise KolabikError(f"{args.event}: --entry: no entry {args.entry}")
            juror_id = _juror(db.kit_juror_id, args, people.jurors(s))
        state = services.set_score(
            db,
            juror_id=juror_id,
            entry_id=entry.id,
            criterion_id=criterion.id,
            value=value,
            note=args.note,
            source="cli",
        )
    shown = services.decimal_text(state.value) if state.value is not None else "(cleared)"
    print(
        f"{args.event}: {args.stage}/{args.entry}/{args.criterion} = {shown} "
        f"(revision {state.revision})"
    )
    return 0


def _juror(kit_juror: int | None, args: argparse.Namespace, jurors: Sequence[JurorInfo]) -> int:
    """The kit's own juror, or the --juror of a chair's event."""
    codes = {j.code: j.id for j in jurors}
    if kit_juror is not None:
        own = next(code for code, jid in codes.items() if jid == kit_juror)
        if args.juror and args.juror != own:
            raise KolabikError(f"{args.event}: --juror: this kit is juror {own}'s")
        return kit_juror
    if not args.juror:
        raise KolabikError(f"{args.event}: --juror: needed in a chair's event (whose score?)")
    if args.juror not in codes:
        raise KolabikError(f"{args.event}: --juror: no juror {args.juror}")
    return int(codes[args.juror])
