"""`kolabik report` (PDF recaps and sheets) and `kolabik export` (xlsx/csv leaderboards, matrix).

Without --juror, sheet and blank print every juror's form, one after another; without --entry,
feedback prints every participant's sheet. Each of those starts on a new page with its own
letterhead and its own "Halaman x dari y", so the PDF can be split and handed out.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.files import write_output

if TYPE_CHECKING:
    from kolabik_desktop.core.reports import Awards

KINDS = ("sheet", "recap", "minutes", "feedback", "blank", "certificate", "decision", "analysis")


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommands to the `kolabik` parser."""
    p = sub.add_parser(
        "report",
        help="write a PDF: score sheet, recap, minutes (berita acara), feedback, blank form, "
        "certificates (piagam), the decision letter (surat keputusan, also .docx) or the "
        "analysis (juror statistics and method sensitivity)",
        description="Write a PDF report of the event. sheet/blank without --juror: every juror; "
        "feedback without --entry: every entry (each with its own page numbers). certificate: "
        "one page per awarded entry (the top N, default the event's award count); decision: the "
        "draft surat keputusan, as .pdf or .docx by the --out suffix.",
    )
    p.add_argument(
        "event", metavar="EVENT", help="event file (.kolabik) or postgresql://user@host/dbname"
    )
    p.add_argument("--kind", required=True, choices=KINDS, help="which report")
    p.add_argument(
        "--stage",
        metavar="CODE|final",
        help="stage code (sheet, blank, recap, minutes, feedback, analysis) or final "
        "(recap and minutes default to final when stages are weighted; analysis to the "
        "first stage)",
    )
    p.add_argument("--juror", metavar="CODE", help="sheet, blank: one juror (default: all)")
    p.add_argument(
        "--entry", metavar="CODE", help="feedback, certificate: one entry (default: all)"
    )
    p.add_argument("--category", metavar="NAME", help="recap, minutes: one category only")
    p.add_argument(
        "--top",
        type=int,
        metavar="N",
        help="minutes: a shortlist of the top N; certificate, decision: the places awarded",
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help="certificate, decision: make them even though the ranking is still provisional",
    )
    p.add_argument("--per-category", action="store_true", help="minutes: top N of every category")
    p.add_argument("--paper", choices=("a4", "f4"), default="a4", help="paper (default a4)")
    p.add_argument(
        "--orientation",
        choices=("auto", "portrait", "landscape"),
        default="auto",
        help="default: landscape when the table needs it",
    )
    p.add_argument("--lang", choices=("id", "en"), default="id", help="language (default id)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="date printed and signed (default today)")
    p.add_argument("--place", help="where it is signed, e.g. Pasuruan (default: the event's)")
    p.add_argument("--chair", help="the chair's name for the minutes (default: the event's)")
    p.add_argument(
        "--out", required=True, metavar="FILE", help="PDF file to write (decision: or .docx)"
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "export",
        help="write a leaderboard or the full score matrix to .xlsx or .csv",
    )
    p.add_argument(
        "event", metavar="EVENT", help="event file (.kolabik) or postgresql://user@host/dbname"
    )
    p.add_argument("--what", required=True, choices=("leaderboard", "matrix"), help="what")
    p.add_argument(
        "--stage",
        default="final",
        metavar="CODE|final",
        help="leaderboard: a stage or final (default); matrix: one stage (default: all; csv "
        "needs one)",
    )
    p.add_argument("--category", metavar="NAME", help="leaderboard within one category")
    p.add_argument("--lang", choices=("id", "en"), default="id", help="header language")
    p.add_argument("--out", required=True, metavar="FILE", help=".xlsx or .csv file to write")
    p.set_defaults(func=cmd_export)


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise KolabikError(f"--date: '{text}' is not a date like 2026-11-23") from None


def _out(path: str, suffixes: tuple[str, ...]) -> Path:
    out = Path(path)
    if out.suffix.lower() not in suffixes:
        raise KolabikError(f"--out: {out.name} should end in {' or '.join(suffixes)}")
    if out.is_dir():
        raise KolabikError(f"--out: {out} is a folder")
    if not out.parent.exists():
        raise KolabikError(f"--out: the folder {out.parent} does not exist")
    return out


def cmd_report(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.reports import (
        VERDICT_KINDS,
        ReportOptions,
        awards_for,
        build_decision_docx,
        build_report,
        fingerprint,
        load_report_data,
    )
    from kolabik_desktop.core.store.db import open_event_file

    out = _out(args.out, (".pdf", ".docx") if args.kind == "decision" else (".pdf",))
    options = ReportOptions(
        kind=args.kind,
        stage=args.stage,
        juror=args.juror,
        entry=args.entry,
        category=args.category,
        top_n=args.top,
        per_category=args.per_category,
        paper=args.paper,
        orientation=args.orientation,
        lang=args.lang,
        date=_date(args.date),
        place=args.place,
        chair=args.chair,
        confirmed=args.yes,
    )
    if args.per_category and args.top is None:
        raise KolabikError("--per-category needs --top N (how many per category)")
    with open_event_file(args.event, read_only=True) as db:
        data = load_report_data(db)
    if args.kind in VERDICT_KINDS:
        _check_awards(awards_for(data, options), args.yes)
    if out.suffix.lower() == ".docx":
        blob = build_decision_docx(data, options)
    else:
        blob = build_report(data, options)
    write_output(out, blob, "report")
    print(
        f"{out}: {args.kind} report, {len(blob) // 1024} KB, data fingerprint {fingerprint(data)}"
    )
    return 0


def _check_awards(awards: Awards, confirmed: bool) -> None:
    """Say what is awarded when it is not simply the top N; stop on a provisional ranking."""
    from kolabik_desktop.core.reports import ProvisionalRanking, check_confirmed

    try:
        check_confirmed(awards, confirmed)
    except ProvisionalRanking as exc:
        raise KolabikError(f"{exc}. Add --yes to make them anyway.") from None
    if awards.short:
        print(
            f"Only {awards.ranked} entries are ranked, fewer than the {awards.requested} asked "
            f"for: all {awards.ranked} are awarded."
        )
    elif len(awards.rows) > awards.requested:
        last = awards.rows[-1].rank
        tied = sum(1 for a in awards.rows if a.rank == last)
        print(
            f"{tied} entries share place {last} at the cut: all of them are awarded "
            f"({len(awards.rows)} places for a top {awards.requested})."
        )


def cmd_export(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.exchange.exports import export
    from kolabik_desktop.core.reports import load_report_data
    from kolabik_desktop.core.store.db import open_event_file

    out = _out(args.out, (".xlsx", ".csv"))
    with open_event_file(args.event, read_only=True) as db:
        data = load_report_data(db, with_notes=False)
    rows = export(data, args.what, out, board=args.stage, category=args.category, lang=args.lang)
    print(f"{out}: {args.what}, {rows} rows")
    return 0
