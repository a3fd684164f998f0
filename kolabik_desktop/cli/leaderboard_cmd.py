"""`kolabik leaderboard`: the ranking of a stage or the final ranking, as a table, CSV or JSON.

Its own module, apart from `new`, `check` and the workbook commands (cli/event_cmds.py), because
it is the command people time: on a national event its whole run is compared with a raw sqlite3
floor (bench/bench_cli.py, issue 17), so it loads only what ranking needs: not the rubric
templates that `new --template` lists. tests/cli/test_leaderboard_cmd.py checks which modules
a run loads. (shutil stays imported at the top: argparse imports it for every argument anyway.)
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kolabik_desktop.core.errors import KolabikError

if TYPE_CHECKING:
    from decimal import Decimal

    from kolabik_desktop.core.scoring.model import (
        EventSpec,
        Leaderboard,
        LeaderboardRow,
        ScoreCells,
        ScoreValues,
    )

CSV_COLUMNS = ("rank", "code", "title", "unit", "category", "score", "status", "tie_note")
FORMATS = ("table", "csv", "json")
_CSV_TEXT_COLUMNS = (1, 2, 3, 4, 7)  # code, title, unit, category, tie_note: user text


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add `leaderboard` to the `kolabik` parser."""
    p = sub.add_parser("leaderboard", help="print the ranking of a stage or the final ranking")
    p.add_argument(
        "event", metavar="EVENT", help="event file (.kolabik) or postgresql://user@host/dbname"
    )
    p.add_argument(
        "--stage", default="final", metavar="CODE|final", help="stage code, or final (default)"
    )
    p.add_argument("--category", metavar="NAME", help="rank within one category (kelompok)")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of the terminal")
    p.set_defaults(func=cmd_leaderboard)


def cmd_leaderboard(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.collector import collector_paused

    # Every score, total and row read and built here lives until the output is written: the
    # collector's scans of them would free nothing (a national event: ~7 % of the command).
    with collector_paused():
        data = _leaderboard_output(args)
    _emit(data, args.output, text=args.format == "table")
    return 0


def _leaderboard_output(args: argparse.Namespace) -> bytes:
    from kolabik_desktop.core.scoring.engine import Scorer, validate_event
    from kolabik_desktop.core.store.queries.fast_scores import read_file_scoring_input

    # A current event file is read with sqlite3 alone (no SQLAlchemy: a third of the time);
    # a server event, an older file or a damaged one goes through the usual opening.
    read = read_file_scoring_input(args.event)
    values: ScoreValues | ScoreCells
    if read is None:
        kind, spec, values, event_name, categories = _leaderboard_input_portable(args.event)
    else:
        kind, spec, values = read.kind, read.event, read.cells
        event_name, categories = read.event_name, list(read.category_names)
    if kind == "kit":
        raise KolabikError(
            f"{args.event}: a juror's kit holds only that juror's scores, so its ranking "
            "would be wrong: ask the chair for the leaderboard of the event file"
        )
    if not spec.stages:
        raise KolabikError(f"{args.event}: the event has no stages yet, so nothing to rank")
    problems = validate_event(spec)
    if problems:
        raise KolabikError(f"{args.event}: the event cannot be ranked: " + "; ".join(problems))
    board = _resolve_board(args.stage, spec)
    category = _resolve_category(args.category, categories) if args.category else None
    leaderboard = Scorer(spec, values).leaderboard(board, category)
    stage_codes = [st.code for st in spec.stages]
    if args.format == "csv":
        data = leaderboard_csv(leaderboard, stage_codes).encode("utf-8")
    elif args.format == "json":
        data = leaderboard_json(leaderboard, stage_codes, event_name).encode("utf-8")
    else:
        title = _board_title(spec, board)
        # Fit a terminal's width; piped or saved output keeps the fixed layout (reproducible).
        fit = (
            shutil.get_terminal_size().columns if sys.stdout.isatty() and not args.output else None
        )
        data = leaderboard_table(leaderboard, stage_codes, event_name, title, fit).encode("utf-8")
    return data


def _leaderboard_input_portable(
    event: str,
) -> tuple[str, EventSpec, dict[tuple[int, int, int], Decimal], str, list[str]]:
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.queries.entries import category_names
    from kolabik_desktop.core.store.queries.event import event_info
    from kolabik_desktop.core.store.services import load_event_spec, load_values

    with open_event_file(event, read_only=True) as db, db.session() as s:
        spec = load_event_spec(s)
        values = load_values(s)
        return db.kind, spec, values, event_info(s).name, list(category_names(s))


def _resolve_board(text: str, spec: EventSpec) -> str:
    from kolabik_desktop.core.scoring.model import FINAL

    if text.lower() == FINAL:
        return FINAL
    for st in spec.stages:
        if st.code.lower() == text.lower():
            return st.code
    known = ", ".join([st.code for st in spec.stages] + [FINAL])
    raise KolabikError(f"unknown stage '{text}' (this event has: {known})")


def _resolve_category(text: str, names: Sequence[str]) -> str:
    for name in names:
        if name.casefold() == text.strip().casefold():
            return name
    known = ", ".join(names) if names else "none"
    raise KolabikError(f"unknown category '{text}' (this event has: {known})")


def _board_title(spec: EventSpec, board: str) -> str:
    from kolabik_desktop.core.scoring.model import FINAL
    from kolabik_desktop.core.store.spec_values import decimal_text

    if board != FINAL:
        stage = next(st for st in spec.stages if st.code == board)
        return f"Stage {stage.code} ({stage.name}), ranked by its own panel score" + (
            " blended with earlier stages" if stage.cumulative else ""
        )
    weighted = [st for st in spec.stages if st.weight > 0]
    blend = " + ".join(f"{st.code} {decimal_text(st.weight)}%" for st in weighted)
    return f"Final ranking ({blend})" if blend else "Final ranking"


def _stage_display(row: LeaderboardRow, code: str, precision: int) -> str:
    from kolabik_desktop.core.scoring.engine import format_score

    return format_score(row.stage_scores.get(code), precision)


def _row_fields(row: LeaderboardRow) -> list[str]:
    return [
        "" if row.rank is None else str(row.rank),
        row.entry.code,
        row.entry.title,
        row.entry.unit,
        row.entry.category,
        row.display,
        row.status,
        row.tie_note,
    ]


def leaderboard_csv(board: Leaderboard, stage_codes: Sequence[str]) -> str:
    """CSV: the fixed columns, then one column per stage (its panel score, dot decimal)."""
    from kolabik_desktop.core.exchange.csv_text import csv_safe
    from kolabik_desktop.core.scoring.engine import format_score

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CSV_COLUMNS, *(f"score_{code}" for code in stage_codes)])
    precision = board.precision
    # 3,000 rows on a national event: one list per row, user text made safe in place.
    for row in board.rows:
        fields = _row_fields(row)
        for i in _CSV_TEXT_COLUMNS:
            fields[i] = csv_safe(fields[i])
        scores = row.stage_scores
        # A stage without a score is an empty field: most rows of a national final ranking.
        fields += [
            "" if (score := scores.get(code)) is None else format_score(score, precision)
            for code in stage_codes
        ]
        writer.writerow(fields)
    return out.getvalue()


def leaderboard_json(board: Leaderboard, stage_codes: Sequence[str], event_name: str) -> str:
    rows = []
    for row in board.rows:
        rank, code, title, unit, category, score, status, tie_note = _row_fields(row)
        rows.append(
            {
                "rank": row.rank,
                "code": code,
                "title": title,
                "unit": unit,
                "category": category,
                "score": score or None,
                "status": status,
                "tie_rule": row.tie_rule,
                "tie_note": tie_note,
                "decision_reason": row.decision_reason,
                "stage_scores": {
                    c: _stage_display(row, c, board.precision) or None for c in stage_codes
                },
            }
        )
    doc = {
        "event": event_name,
        "board": board.board,
        "category": board.category,
        "precision": board.precision,
        "rows": rows,
    }
    import json  # only this format needs it

    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# Column caps keep a row on a wide terminal line; on a narrower terminal the text columns shrink
# toward the minimums. Longer text ends in "…".
_CAPS = {"Title": 44, "Unit": 30, "Category": 18}
_MIN_CAPS = {"Title": 20, "Unit": 12, "Category": 8}


def leaderboard_table(
    board: Leaderboard,
    stage_codes: Sequence[str],
    event_name: str,
    title: str,
    max_width: int | None = None,
) -> str:
    """A plain-text table for a terminal: aligned columns, long text shortened to fit."""
    counts = Counter(r.status for r in board.rows)
    not_advanced = f", {counts['not_advanced']} not advanced" if counts["not_advanced"] else ""
    scope = f"category {board.category}" if board.category else "all categories"
    lines = [
        event_name,
        f"{title}, {scope}",
        f"{len(board.rows)} entries: {counts['final']} final, {counts['provisional']} "
        f"provisional{not_advanced}, {counts['unscored']} unscored",
        "",
    ]
    show_category = board.category is None
    headers = ["Rank", "Code", "Title", "Unit"] + (["Category"] if show_category else [])
    headers += ["Score", "Status", *stage_codes, "Tie note"]
    right = {"Rank", "Score", *stage_codes}
    table: list[list[str]] = []
    for row in board.rows:
        rank, code, title_text, unit, category, score, status, tie_note = _row_fields(row)
        cells = [rank, code, title_text, unit] + ([category] if show_category else [])
        cells += [score, status]
        cells += [_stage_display(row, c, board.precision) for c in stage_codes]
        cells.append(tie_note)
        table.append(cells)
    natural = [max([_width(h)] + [_width(r[i]) for r in table]) for i, h in enumerate(headers)]
    caps = {h: min(cap, natural[headers.index(h)]) for h, cap in _CAPS.items() if h in headers}
    if max_width:
        # The tie note counts at its header's width: most rows have none.
        fixed = sum(w for h, w in zip(headers[:-1], natural, strict=False) if h not in caps)
        fixed += _width(headers[-1]) + 2 * (len(headers) - 1)
        while fixed + sum(caps.values()) > max_width:
            roomy = [h for h in caps if caps[h] > _MIN_CAPS[h]]
            if not roomy:
                break
            caps[max(roomy, key=lambda h: caps[h] - _MIN_CAPS[h])] -= 1
    for cells in table:
        for h, cap in caps.items():
            i = headers.index(h)
            cells[i] = _cut(cells[i], cap)
    widths = [max([_width(h)] + [_width(r[i]) for r in table]) for i, h in enumerate(headers)]
    for cells in [headers, *table]:
        parts = []
        for header, cell, width in zip(headers, cells, widths, strict=True):
            pad = " " * (width - _width(cell))
            parts.append(pad + cell if header in right else cell + pad)
        lines.append("  ".join(parts).rstrip())
    if not board.rows:
        lines.append("(no entries)")
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    """Terminal columns a text takes: wide East Asian characters count 2, combining marks 0."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def _cut(text: str, cap: int) -> str:
    if _width(text) <= cap:
        return text
    out = ""
    for ch in text:
        if _width(out + ch) > cap - 1:
            break
        out += ch
    return out.rstrip() + "…"


def _emit(data: bytes, output: str | None, *, text: bool) -> None:
    if output:
        from kolabik_desktop.core.files import write_output

        write_output(Path(output), data, "leaderboard")
        return
    if text:
        # A terminal gets text in its own encoding; characters it lacks become "?", not an error.
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    else:
        # Machine formats are UTF-8 bytes whatever the locale, so output is byte-identical.
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
