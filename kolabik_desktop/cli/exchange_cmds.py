"""`kolabik kit`, `export-scores`, `import-scores` and `audit`: the exchange with jurors.

Core modules are imported inside each command, so `kolabik --help` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kolabik_desktop.core.errors import KolabikError

if TYPE_CHECKING:
    from kolabik_desktop.core.exchange.merge import ImportPlan, PackagePlan


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommands to the `kolabik` parser."""
    p = sub.add_parser("kit", help="write a juror kit (or kits for every juror)")
    p.add_argument(
        "event",
        metavar="EVENT",
        help="the chair's event file (.kolabik) or postgresql://user@host/dbname",
    )
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--juror", metavar="CODE", help="the juror's code")
    who.add_argument("--all", action="store_true", help="one kit per juror")
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE|DIR",
        help="kit file to write, or a folder (EVENT-JUROR.kolabik-kit inside)",
    )
    p.add_argument(
        "--stage",
        action="append",
        metavar="CODE",
        help="stage the kit is for (repeatable; default: the current stage)",
    )
    p.set_defaults(func=cmd_kit)

    p = sub.add_parser(
        "update-kit", help="bring a newer kit from the chair into a juror's kit, keeping its scores"
    )
    p.add_argument("kit", metavar="KIT", help="the juror's kit now in use (.kolabik-kit)")
    p.add_argument("new_kit", metavar="NEW_KIT", help="the newer kit from the chair")
    p.set_defaults(func=cmd_update_kit)

    p = sub.add_parser("export-scores", help="write a signed score package from a juror kit")
    p.add_argument("kit", metavar="KIT", help="the juror's kit (.kolabik-kit)")
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE|DIR",
        help="package file, or a folder (EVENT-JUROR-TIMESTAMP.kolabik-scores inside)",
    )
    p.set_defaults(func=cmd_export_scores)

    p = sub.add_parser(
        "import-scores", help="verify and merge jurors' score packages into the event"
    )
    p.add_argument(
        "event",
        metavar="EVENT",
        help="the chair's event file (.kolabik) or postgresql://user@host/dbname",
    )
    p.add_argument("packages", metavar="FILE", nargs="+", help="score packages (.kolabik-scores)")
    p.add_argument("--yes", action="store_true", help="apply without asking")
    p.set_defaults(func=cmd_import_scores)

    p = sub.add_parser(
        "reopen",
        help="reopen a stage a juror submitted, so their next package may change it (chair)",
    )
    p.add_argument("event", metavar="EVENT", help="the chair's event file (.kolabik)")
    p.add_argument("--juror", required=True, metavar="CODE", help="the juror's code")
    p.add_argument("--stage", required=True, metavar="CODE", help="the stage's code")
    p.set_defaults(func=cmd_reopen)

    p = sub.add_parser(
        "forget-key",
        help="stop trusting a juror's signing key (lost kit): their next signed package is "
        "trusted instead (chair)",
    )
    p.add_argument("event", metavar="EVENT", help="the chair's event file (.kolabik)")
    p.add_argument("--juror", required=True, metavar="CODE", help="the juror's code")
    p.set_defaults(func=cmd_forget_key)

    p = sub.add_parser("audit", help="print the audit log and whether its hash chain is intact")
    p.add_argument(
        "event",
        metavar="EVENT",
        help="event file (.kolabik), kit, or postgresql://user@host/dbname",
    )
    p.add_argument("--juror", metavar="CODE", help="only rows about this juror")
    p.add_argument("--last", type=int, metavar="N", help="only the last N rows")
    p.set_defaults(func=cmd_audit)


def _out_path(text: str) -> Path:
    """--out: an existing folder, or a name ending in a separator or with no extension (a folder
    made here: kits and packages always have one), or a file."""
    out = Path(text)
    names_a_folder = text.endswith(tuple(sep for sep in (os.sep, os.altsep) if sep)) or (
        not out.suffix and not out.exists()
    )
    if not names_a_folder:
        if not out.is_dir() and not out.parent.is_dir():
            raise KolabikError(
                f"{out.parent}: folder does not exist, so {out.name} cannot go there"
            )
        return out
    if out.exists() and not out.is_dir():
        raise KolabikError(f"{out}: is a file, not a folder")
    if not out.parent.is_dir():
        raise KolabikError(f"{out.parent}: folder does not exist, so {out.name}/ cannot be made")
    out.mkdir(exist_ok=True)
    return out


def cmd_kit(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.exchange.kits import export_kit, export_kits
    from kolabik_desktop.core.store.db import open_event_file

    with open_event_file(args.event, lock=True) as db:
        if args.all:
            out = Path(args.out)
            made = not out.exists()
            out.mkdir(parents=True, exist_ok=True)
            try:
                paths = export_kits(db, out, stages=args.stage)
            except KolabikError:
                if made:
                    out.rmdir()  # a refused export leaves no empty folder behind
                raise
        else:
            out = _out_path(args.out)
            paths = [export_kit(db, args.juror, out, stages=args.stage)]
    for path in paths:
        print(f"wrote {path}")
    return 0


def cmd_update_kit(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.exchange.kits import update_kit
    from kolabik_desktop.core.store.db import open_event_file

    with open_event_file(args.kit, lock=True) as kit:
        result = update_kit(kit, Path(args.new_kit))
    print(
        f"updated {args.kit}: stages {' '.join(result.stages) or '-'}; "
        f"{result.entries_added} entries added, {result.entries_removed} removed; "
        f"{result.scores_from_chair} score(s) taken from the chair's kit; your own scores kept"
    )
    if result.scores_removed_recused:
        print(
            f"{result.scores_removed_recused} score(s) removed: you are now recused from "
            "their entries (conflict of interest)"
        )
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.services import reopen_stage

    with open_event_file(args.event, lock=True) as db:
        reopen_stage(db, juror_code=args.juror, stage_code=args.stage)
    print(
        f"reopened stage {args.stage} for juror {args.juror}: their next package may change it; "
        "send them a new kit (kolabik kit) and have them run update-kit"
    )
    return 0


def cmd_forget_key(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.exchange.signing import forget_juror_key
    from kolabik_desktop.core.store.db import open_event_file

    with open_event_file(args.event, lock=True) as db:
        fingerprint = forget_juror_key(db, args.juror)
    print(
        f"juror {args.juror}: key {fingerprint} is no longer trusted; the next package signed "
        "by their kit will be trusted instead (compare its fingerprint with their sheet)"
    )
    return 0


def cmd_export_scores(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.exchange.packages import write_package
    from kolabik_desktop.core.store.db import open_event_file

    # A writer: the package's signing records its sequence in the kit.
    with open_event_file(args.kit, lock=True) as kit:
        path = write_package(kit, _out_path(args.out))
    print(f"wrote {path}")
    return 0


def signer_line(item: PackagePlan) -> str:
    """Who signed the package, with the key fingerprint to compare with the printed sheet."""
    if not item.juror_signed:
        return (
            "NOT juror-signed: old package format (shared-secret signature only); "
            "its scores cannot be re-verified against the juror's own key"
        )
    first = " (first package: this key is now trusted for the juror)" if item.new_key else ""
    return f"signed by juror {item.juror_code}, key fingerprint {item.key_fingerprint}{first}"


def format_plan(plan: ImportPlan) -> str:
    lines = []
    for item in plan.items:
        if item.refused:
            lines.append(f"{item.filename}: REFUSED, nothing from it will be applied")
            lines += [f"    - {p}" for p in item.problems]
            continue
        again = " (imported before)" if item.already_imported else ""
        lines.append(
            f"{item.filename}: juror {item.juror_code}{again}: {item.new} new, "
            f"{item.changed} changed, {item.unchanged} unchanged scores; "
            f"{item.comments} comment(s), {item.submissions} submission(s) updated"
        )
        lines.append(f"    {signer_line(item)}")
        for stage, count in sorted(item.locked.items()):
            lines.append(
                f"    - stage {stage}: REFUSED ({count} change(s)): the event holds it as "
                f"submitted by {item.juror_code}; the chair must reopen it first "
                f"(kolabik reopen EVENT --juror {item.juror_code} --stage {stage})"
            )
    lines.append(
        f"total: {plan.new} new, {plan.changed} changed, {plan.unchanged} unchanged, "
        f"{plan.refused} package(s) refused"
    )
    return "\n".join(lines)


def cmd_import_scores(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.exchange.merge import apply_import, prepare_import
    from kolabik_desktop.core.store.db import open_event_file

    with open_event_file(args.event, lock=True) as db:
        plan = prepare_import(db, args.packages)
        print(format_plan(plan))
        refused = plan.refused
        locked = sum(len(item.locked) for item in plan.items)
        if not plan.has_changes:
            if len(plan.packages) and not locked:
                print("nothing to apply: the event already holds everything in these packages")
            elif locked:
                print("nothing else to apply")
        elif args.yes or _confirm():
            done = apply_import(db, plan)
            print(
                f"applied: {done.new} new and {done.changed} changed scores "
                f"from {len(done.packages)} package(s)"
            )
        else:
            raise KolabikError(
                "not applied: confirm interactively, or pass --yes to apply without asking"
            )
    if refused or locked:
        what = [f"{refused} package(s) refused"] if refused else []
        what += [f"{locked} submitted stage(s) left unchanged"] if locked else []
        raise KolabikError(f"{' and '.join(what)} (see above); the rest was handled")
    return 0


def _confirm() -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        answer = input("Apply these changes? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "ya")


def cmd_audit(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.store.audit import verify_chain
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.queries.audit import AuditFilter, audit_lines, line_text
    from kolabik_desktop.core.store.queries.people import jurors as list_jurors

    if args.last is not None and args.last < 1:
        raise KolabikError(f"--last {args.last}: give a number of rows, 1 or more")
    with open_event_file(args.event, read_only=True) as db, db.session() as s:
        jurors = [j.code for j in list_jurors(s)]
        if args.juror and args.juror not in jurors:
            known = ", ".join(jurors) or "none"
            raise KolabikError(
                f"--juror {args.juror}: no such juror in this event (jurors: {known})"
            )
        rows = list(audit_lines(s, AuditFilter(juror=args.juror or "")))
        problems = verify_chain(s)
    if args.last is not None:
        rows = rows[-args.last :]
    for r in rows:
        print(line_text(r))
    total = len(rows)
    if problems:
        print(f"audit chain: BROKEN ({len(problems)} problem(s)):")
        for problem in problems:
            print(f"  - {problem}")
        raise KolabikError(f"{args.event}: the audit log was edited after it was written")
    print(f"audit chain: intact ({total} row(s) shown)")
    return 0
