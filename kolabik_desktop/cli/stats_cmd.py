"""`kolabik stats`: juror statistics, agreement, method sensitivity and leave-one-juror-out.

The numbers come from core/analysis; this module only prints them (table, CSV or the JSON
interface documented in the README, "Juror statistics").
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from typing import TYPE_CHECKING, Any

from kolabik_desktop.core.errors import KolabikError

if TYPE_CHECKING:
    from kolabik_desktop.core.analysis.stats import StageAnalysis

FORMATS = ("table", "csv", "json")

# Reason codes of core/analysis, in words.
REASONS = {
    "no_entries": "no entry completed",
    "one_entry": "one entry: no spread",
    "no_shared_entry": "shares no entry with another juror",
    "fewer_than_3_shared": "fewer than 3 shared entries: no correlation",
    "no_spread": "a constant series: no correlation",
    "fewer_than_2_jurors": "not enough data: fewer than 2 jurors with totals",
    "fewer_than_2_entries": "not enough data: fewer than 2 entries with totals",
    "no_pairable_values": "not enough data: no entry scored by two jurors",
    "no_variation": "not enough data: every value is the same",
}


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add `stats` to the `kolabik` parser."""
    p = sub.add_parser(
        "stats",
        help="juror statistics, agreement (Krippendorff's alpha), method sensitivity and "
        "leave-one-juror-out for a stage or the final ranking",
    )
    p.add_argument("event", metavar="EVENT", help="event file (.kolabik)")
    p.add_argument(
        "--stage",
        metavar="CODE|final",
        help="stage code, or final (sensitivity and leave-one-out only); default: the first stage",
    )
    p.add_argument("--format", choices=FORMATS, default="table", help="output format")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of the terminal")
    p.set_defaults(func=cmd_stats)


def cmd_stats(args: argparse.Namespace) -> int:
    from kolabik_desktop.cli.leaderboard_cmd import _emit, _resolve_board
    from kolabik_desktop.core.analysis import load_analysis_input
    from kolabik_desktop.core.analysis.export import analysis_json
    from kolabik_desktop.core.scoring.engine import validate_event
    from kolabik_desktop.core.store.db import open_event_file

    with open_event_file(args.event, read_only=True) as db:
        if db.kind == "kit":
            raise KolabikError(
                f"{args.event}: a juror's kit holds only that juror's scores, so statistics "
                "over the panel would be wrong: use the chair's event file"
            )
        data = load_analysis_input(db)
    spec = data.event
    if not spec.stages:
        raise KolabikError(f"{args.event}: the event has no stages yet, so nothing to analyse")
    problems = validate_event(spec)
    if problems:
        raise KolabikError(f"{args.event}: the event cannot be scored: " + "; ".join(problems))
    board = _resolve_board(args.stage, spec) if args.stage else _first_stage(spec)
    analysis = data.analyse(board)
    if args.format == "json":
        text = json.dumps(analysis_json(analysis), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = stats_csv(analysis)
    else:
        text = stats_table(analysis)
    _emit(text.encode("utf-8"), args.output, text=args.format == "table")
    return 0


def _first_stage(spec: Any) -> str:
    return str(min(spec.stages, key=lambda s: (s.position, s.id)).code)


def stats_csv(analysis: StageAnalysis) -> str:
    from kolabik_desktop.core.analysis.export import JUROR_COLUMNS, juror_rows

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=JUROR_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(juror_rows(analysis))
    return out.getvalue()


def _cell(value: str | None) -> str:
    return value if value is not None else "n/a"


def stats_table(analysis: StageAnalysis) -> str:
    """Plain text for a terminal."""
    from kolabik_desktop.core.analysis.export import analysis_json

    data = analysis_json(analysis)
    lines: list[str] = []
    board = analysis.board
    lines.append(f"Juror statistics: {'final ranking' if board == 'final' else 'stage ' + board}")
    for note in analysis.notes:
        lines.append(f"  ! {REASONS.get(note, note)}")
    if analysis.stage is not None:
        lines.append(
            f"Outlier tolerance: {data['tolerance']} points (a mark further than this from the "
            "other jurors' mean is flagged)"
        )
        lines.append("")
        header = ("Juror", "n", "Mean", "SD", "Leniency", "Corr.", "Outliers", "Notes")
        rows = [
            (
                j["code"],
                str(j["n"]),
                _cell(j["mean"]),
                _cell(j["sd"]),
                _cell(j["leniency"]),
                _cell(j["correlation"]),
                str(len(j["outliers"])),
                "; ".join(REASONS.get(n, n) for n in j["notes"]),
            )
            for j in data["jurors"]
        ]
        lines += _table(header, rows)
        flagged = [(j["code"], o) for j in data["jurors"] for o in j["outliers"]]
        if flagged:
            lines.append("")
            lines.append("Outlier marks (juror, entry, total, others' mean):")
            for code, o in flagged:
                lines.append(f"  {code}  {o['entry']}  {o['total']}  {o['others_mean']}")
        lines.append("")
        lines.append("Agreement (Krippendorff's alpha, interval; below 0.667 = low agreement):")
        for c in data["criteria"]:
            lines.append("  " + _alpha_line(c["code"], c["alpha"], c["low_agreement"], c["reason"]))
        lines.append(
            "  "
            + _alpha_line(
                "totals",
                data["alpha_totals"],
                data["alpha_totals_low"],
                data["alpha_totals_reason"],
            )
        )
    lines.append("")
    lines.append(
        f"Method sensitivity (top {data['cut']}; the board's own method first is the reference):"
    )
    header = ("Method", "Winner", "Top 3", "Changed places")
    lines += _table(
        header,
        [
            (name, m["winner"] or "-", " ".join(m["top3"]), str(m["changed_places"]))
            for name, m in data["methods"].items()
        ],
    )
    lines.append("")
    for p in data["places"]:
        if p["stable"]:
            lines.append(f"  place {p['place']}: {p['entry']} stable")
        else:
            by = ", ".join(f"{c['method']} gives {c['entry'] or '-'}" for c in p["changed_by"])
            lines.append(f"  place {p['place']}: {p['entry']} SENSITIVE ({by})")
    if data["leave_one_out"]:
        lines.append("")
        lines.append("Leave one juror out (winner, top 3, cut; largest rank move):")
        for item in data["leave_one_out"]:
            lines.append("  " + _loo_line(item["juror"], item))
            if board != "final":
                lines.append("      final: " + _loo_line("", item["final"]).strip())
    return "\n".join(lines) + "\n"


def _alpha_line(code: str, alpha: str | None, low: bool, reason: str | None) -> str:
    if alpha is None:
        return f"{code}: n/a ({REASONS.get(reason or '', reason or '')})"
    return f"{code}: {alpha}" + (" LOW AGREEMENT" if low else "")


def _loo_line(juror: str, item: dict[str, Any]) -> str:
    flags = [
        "winner CHANGES" if item["winner_changed"] else "winner same",
        "top 3 CHANGES" if item["top3_changed"] else "top 3 same",
        "cut CHANGES" if item["cut_changed"] else "cut same",
    ]
    move = item["largest_move"]
    moved = f"; {move['entry']} {move['from']} -> {move['to']}" if move else "; no rank moves"
    return f"{juror:6s} winner {item['winner'] or '-'}: " + ", ".join(flags) + moved


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    align = ["<" if i in (0, len(header) - 1) else ">" for i in range(len(header))]
    fmt = "  ".join(f"{{:{a}{w}}}" for a, w in zip(align, widths, strict=True))
    out = [fmt.format(*header).rstrip(), "  ".join("-" * w for w in widths)]
    out += [fmt.format(*r).rstrip() for r in rows]
    return out
