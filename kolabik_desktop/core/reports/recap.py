"""Rekapitulasi nilai: entries × jurors for a stage (or × stages for the final), with the panel
score, rank and status exactly as the engine's leaderboard rows give them."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from kolabik_desktop.core.reports.common import Context
from kolabik_desktop.core.reports.layout import (
    FONT_BOLD,
    Styles,
    esc,
    frame_width,
    grid,
    info_table,
    letterhead,
    make_styles,
    signature_block,
)
from kolabik_desktop.core.scoring.model import FINAL, JurorCell, LeaderboardRow

# Above this many jurors a column each no longer fits; the cells go into one text column.
MAX_JUROR_COLUMNS = 12
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _board_code(ctx: Context) -> str:
    if ctx.options.stage:
        return ctx.options.stage
    # Without --stage: the final when stages are weighted, else the first stage.
    weighted = [s for s in ctx.data.event.stages if s.weight > 0]
    return FINAL if weighted else ctx.data.event.stages[0].code


def recap_wide(ctx: Context) -> bool:
    if ctx.options.orientation != "auto":
        return ctx.options.orientation == "landscape"
    board = _board_code(ctx)
    if board == FINAL:
        return len([s for s in ctx.data.event.stages if s.weight > 0]) > 5
    # Six to twelve juror columns need landscape; past that the cells share one column.
    return 5 < len(ctx.data.event.jurors) <= MAX_JUROR_COLUMNS


def build_recap(ctx: Context) -> tuple[list[Flowable], bool]:
    board_code = _board_code(ctx)
    wide = recap_wide(ctx)
    styles = make_styles(8)
    width = frame_width(ctx.options.paper, wide)
    board = ctx.board(board_code, ctx.options.category)
    subtitle = [
        ctx.t("ranking_final") if board_code == FINAL else ctx.stage_label(board_code),
    ]
    story = letterhead(ctx.data, styles, width, ctx.t("recap_title"), subtitle)
    story.append(info_table(_method_lines(ctx, board_code), styles, width))
    story.append(Spacer(1, 3 * mm))
    rows = list(board.rows)
    ctx.progress(0, 1, ctx.t("recap_title"))

    def tail(legend_lines: list[str]) -> list[Flowable]:
        """Footnotes, legend and the chair's signature: the last table row, never a page alone
        (the table's last rows move with it to the next page)."""
        out: list[Flowable] = _footnotes(ctx, styles, rows, board_code)
        out.append(Spacer(1, 1.5 * mm))
        legend = esc(ctx.t("legend")) + ": " + esc("; ".join(legend_lines))
        out.append(Paragraph(legend, styles.tiny))
        out.append(Spacer(1, 5 * mm))
        out.append(
            signature_block(
                styles,
                width,
                lang=ctx.lang,
                place=ctx.place,
                date=ctx.date,
                role=ctx.t("chair"),
                name=ctx.chair,
            )
        )
        return out

    if board_code == FINAL:
        table = _final_table(ctx, styles, width, rows, tail)
    else:
        table = _stage_table(ctx, styles, width, board_code, rows, tail)
    story.append(table)
    ctx.progress(1, 1, ctx.t("recap_title"))
    return story, wide


def _method_lines(ctx: Context, board: str) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    if ctx.options.category:
        lines.append((ctx.t("category"), ctx.options.category))
    if board == FINAL:
        weighted = [s for s in ctx.data.event.stages if s.weight > 0]
        parts = " + ".join(f"{ctx.raw(s.weight)}% × {s.code}" for s in weighted)
        total = sum(s.weight for s in weighted)
        formula = ctx.t("final_formula", parts=parts)
        if total and total != 100:
            formula += f" / {ctx.raw(total)}%"
        lines.append((ctx.t("method"), formula))
        for s in weighted:
            lines.append((s.code, f"{s.name}: {ctx.method_text(s.code)}"))
    else:
        lines.append((ctx.t("method"), ctx.method_text(board)))
    lines.append((ctx.t("ties"), _tiebreak_text(ctx, board)))
    return lines


def _tiebreak_text(ctx: Context, board: str) -> str:
    # A stage's own ranking starts the chain at the criteria (scoring.md section 4).
    own = board != FINAL and not ctx.data.stage(board).cumulative
    if not ctx.data.event.tiebreak:
        key = "tiebreak_none"
    else:
        key = "tiebreak_stage" if own else "tiebreak_standard"
    return ctx.t(key, precision=ctx.precision)


def _marks(rows: list[LeaderboardRow]) -> dict[int, int]:
    """Footnote number per entry whose tie was broken (or left shared), in table order."""
    marks: dict[int, int] = {}
    for row in rows:
        if row.tie_rule:
            marks[row.entry.id] = len(marks) + 1
    return marks


def rank_text(rank: int | None, mark: int | None) -> str:
    """A place with its footnote number as a superscript (3¹); a dash when unranked."""
    return ("–" if rank is None else str(rank)) + (
        str(mark).translate(SUPERSCRIPTS) if mark else ""
    )


def _score_columns_style(n_cols: int) -> list[tuple[object, ...]]:
    """Scores right-aligned, the board's score in bold, the status centred in small type."""
    return [
        ("ALIGN", (3, 1), (n_cols - 2, -1), "RIGHT"),
        ("FONTNAME", (n_cols - 2, 1), (n_cols - 2, -1), FONT_BOLD),
        ("ALIGN", (n_cols - 1, 1), (n_cols - 1, -1), "CENTER"),
        ("FONTSIZE", (n_cols - 1, 1), (n_cols - 1, -1), 7),
    ]


def _status_cell(ctx: Context, styles: Styles, row: LeaderboardRow) -> str | Paragraph:
    """The status; "tidak lolos ke P2" is longer than the column, so it wraps."""
    text = ctx.status_text(row)
    if row.status != "not_advanced":
        return text
    return Paragraph(esc(text), ParagraphStyle("status", parent=styles.tiny, alignment=TA_CENTER))


def _entry_cell(styles: Styles, row: LeaderboardRow) -> Paragraph:
    unit = row.entry.unit
    extra = " · ".join(x for x in (unit, row.entry.category) if x)
    small = f"<br/><font size=6.5 color='#555555'>{esc(extra)}</font>" if extra else ""
    return Paragraph(esc(row.entry.title) + small, styles.cell)


def _cell_text(ctx: Context, cell: JurorCell) -> str:
    if cell.recused:
        return ctx.t("recused")
    if not cell.eligible:
        return ctx.t("not_assigned")
    if cell.total is None:
        return ctx.t("incomplete")
    return ctx.number(cell.total)


Tail = Callable[[list[str]], list[Flowable]]


def _stage_table(
    ctx: Context,
    styles: Styles,
    width: float,
    board: str,
    rows: list[LeaderboardRow],
    tail: Tail,
) -> Flowable:
    jurors = ctx.data.event.jurors
    marks = _marks(rows)
    compact = len(jurors) > MAX_JUROR_COLUMNS
    head = [ctx.t("rank_short"), ctx.t("entry_code"), ctx.t("entry")]
    if compact:
        head.append(ctx.t("jurors"))
    else:
        head += [j.code for j in jurors]
    head += [ctx.t("panel_score"), ctx.t("status")]
    table_rows: list[list[object]] = [[Paragraph(esc(h), styles.head) for h in head]]
    for row in rows:
        cells = {c.juror_id: c for c in row.juror_cells}
        line: list[object] = [
            rank_text(row.rank, marks.get(row.entry.id)),
            row.entry.code,
            _entry_cell(styles, row),
        ]
        if compact:
            shown = [
                f"{j.code} {_cell_text(ctx, cells[j.id])}"
                for j in jurors
                if j.id in cells and (cells[j.id].eligible or cells[j.id].recused)
            ]
            line.append(Paragraph(esc("  ".join(shown)), styles.tiny))
        else:
            line += [_cell_text(ctx, cells[j.id]) if j.id in cells else "" for j in jurors]
        line += [ctx.score_text(row), _status_cell(ctx, styles, row)]
        table_rows.append(line)
    rank_w, code_w, score_w, status_w = 18 * mm, 15 * mm, 17 * mm, 19 * mm
    if compact:
        rest = width - rank_w - code_w - score_w - status_w
        widths = [rank_w, code_w, rest * 0.52, rest * 0.48, score_w, status_w]
    else:
        jw = 13 * mm
        title_w = width - rank_w - code_w - len(jurors) * jw - score_w - status_w
        widths = [rank_w, code_w, title_w, *([jw] * len(jurors)), score_w, status_w]
    extra = _score_columns_style(len(widths))
    if compact:
        extra.append(("ALIGN", (3, 1), (3, -1), "LEFT"))
    legend_lines = [
        ctx.t("recused_legend"),
        ctx.t("not_assigned_legend"),
        ctx.t("incomplete_legend"),
        ctx.t("provisional_legend"),
    ]
    if not compact:
        legend_lines += [f"{j.code} = {j.name}" for j in jurors]
    return grid(
        table_rows, widths, center_cols=(0,), extra=extra, font_size=8, tail=tail(legend_lines)
    )


def _final_table(
    ctx: Context, styles: Styles, width: float, rows: list[LeaderboardRow], tail: Tail
) -> Flowable:
    stages = [s for s in ctx.data.event.stages if s.weight > 0]
    marks = _marks(rows)
    head = [ctx.t("rank_short"), ctx.t("entry_code"), ctx.t("entry")]
    head += [f"{s.code} ({ctx.raw(s.weight)}%)" for s in stages]
    head += [ctx.t("final_score"), ctx.t("status")]
    table_rows: list[list[object]] = [[Paragraph(esc(h), styles.head) for h in head]]
    for row in rows:
        line: list[object] = [
            rank_text(row.rank, marks.get(row.entry.id)),
            row.entry.code,
            _entry_cell(styles, row),
        ]
        line += [ctx.number(row.stage_scores.get(s.code)) for s in stages]
        line += [ctx.score_text(row), _status_cell(ctx, styles, row)]
        table_rows.append(line)
    rank_w, code_w, score_w, status_w, sw = 18 * mm, 15 * mm, 18 * mm, 19 * mm, 17 * mm
    title_w = width - rank_w - code_w - len(stages) * sw - score_w - status_w
    widths = [rank_w, code_w, title_w, *([sw] * len(stages)), score_w, status_w]
    legend_lines = [ctx.t("provisional_legend")] + [f"{s.code} = {s.name}" for s in stages]
    return grid(
        table_rows,
        widths,
        center_cols=(0,),
        extra=_score_columns_style(len(widths)),
        font_size=8,
        tail=tail(legend_lines),
    )


def _footnotes(
    ctx: Context, styles: Styles, rows: list[LeaderboardRow], board: str
) -> list[Flowable]:
    marks = _marks(rows)
    out: list[Flowable] = []
    for row in rows:
        mark = marks.get(row.entry.id)
        if not mark:
            continue
        text = f"{mark}) {row.entry.code} ({ctx.localise(row.display)}): {ctx.footnote(row, board)}"
        out.append(Paragraph(esc(text), styles.tiny))
    return out
