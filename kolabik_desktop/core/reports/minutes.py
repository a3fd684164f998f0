"""Berita acara: the signed minutes of the result (the final ranking or a shortlist)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import ValidationError
from kolabik_desktop.core.reports.common import Context
from kolabik_desktop.core.reports.i18n import long_date, terbilang, weekday
from kolabik_desktop.core.reports.layout import (
    FONT_BOLD,
    Styles,
    esc,
    frame_width,
    grid,
    info_table,
    letterhead,
    make_styles,
)
from kolabik_desktop.core.reports.recap import _board_code, _method_lines, rank_text
from kolabik_desktop.core.scoring.model import FINAL, LeaderboardRow


def build_minutes(ctx: Context) -> tuple[list[Flowable], bool]:
    wide = ctx.options.orientation == "landscape"
    styles = make_styles(9)
    width = frame_width(ctx.options.paper, wide)
    board = _board_code(ctx)
    opts = ctx.options
    subtitle = [ctx.t("minutes_subtitle")]
    if opts.top_n:
        subtitle.append(
            ctx.t("minutes_top", n=opts.top_n).upper()
            + (f" — {ctx.t('minutes_quota')}" if opts.per_category else "")
        )
    story = letterhead(ctx.data, styles, width, ctx.t("minutes_title"), subtitle)
    story.append(Paragraph(esc(_opening(ctx, board)), styles.body))
    story.append(Spacer(1, 3 * mm))
    ctx.progress(0, 1, ctx.t("minutes_title"))
    selected, tied = _rows(ctx, board)
    if not selected and not tied:
        if opts.category:
            if board == FINAL:
                raise ValidationError.coded(
                    ec.MINUTES_NOTHING_FINAL_CATEGORY, category=opts.category
                )
            raise ValidationError.coded(
                ec.MINUTES_NOTHING_STAGE_CATEGORY, stage=board, category=opts.category
            )
        if board == FINAL:
            raise ValidationError.coded(ec.MINUTES_NOTHING_FINAL)
        raise ValidationError.coded(ec.MINUTES_NOTHING_STAGE, stage=board)
    # The jury's decided places are footnoted: the minutes are where such a decision is signed.
    marks = {
        r.entry.id: n
        for n, r in enumerate((r for r in selected + tied if r.tie_rule == "jury_decision"), 1)
    }
    if opts.per_category and not opts.category:
        for category in ctx.data.categories:
            in_cat = [r for r in selected if r.entry.category == category]
            if not in_cat:
                continue
            ranks = {r.entry.id: r.rank for r in ctx.board(board, category).rows}
            story.append(Paragraph(esc(f"{ctx.t('category')}: {category}"), styles.heading))
            story.append(
                _ranking_table(ctx, styles, width, in_cat, ranks, marks, with_category=False)
            )
    else:
        ranks = {r.entry.id: r.rank for r in selected}
        story.append(_ranking_table(ctx, styles, width, selected, ranks, marks, with_category=True))
    if tied:
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(esc(ctx.t("minutes_tied_at_cut")), styles.small))
        ranks = {r.entry.id: r.rank for r in tied}
        story.append(_ranking_table(ctx, styles, width, tied, ranks, marks, with_category=True))
    for row in selected + tied:
        if row.entry.id in marks:
            text = f"{marks[row.entry.id]}) {row.entry.code}: {ctx.footnote(row, board)}"
            story.append(Paragraph(esc(text), styles.tiny))
    if any(r.status == "provisional" for r in selected + tied):
        story.append(Paragraph(esc(ctx.t("provisional_legend")), styles.tiny))
    story.append(Spacer(1, 3 * mm))
    story.append(info_table(_method_lines(ctx, board), styles, width))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(esc(ctx.t("minutes_closing")), styles.body))
    story.append(Spacer(1, 4 * mm))
    story.append(CondPageBreak(70 * mm))
    story.append(_signatures(ctx, styles, width))
    ctx.progress(1, 1, ctx.t("minutes_title"))
    return story, wide


def _opening(ctx: Context, board: str) -> str:
    day = ctx.date
    scope = (
        ctx.t("minutes_scope_final")
        if board == FINAL
        else ctx.t("minutes_scope_stage", stage=ctx.stage_label(board))
    )
    return ctx.t(
        "minutes_opening",
        weekday=weekday(day, ctx.lang),
        day_words=terbilang(day.day),
        month=long_date(day, ctx.lang).split(" ")[1],
        year_words=terbilang(day.year),
        date_numeric=day.strftime("%d-%m-%Y"),
        date=long_date(day, ctx.lang),
        event=ctx.data.title_line(),
        scope=scope,
    )


def _rows(ctx: Context, board: str) -> tuple[list[LeaderboardRow], list[LeaderboardRow]]:
    """(selected, tied at the cut) from the engine's shortlist, or the whole ranked board."""
    opts = ctx.options
    if opts.top_n is None:
        rows = [r for r in ctx.board(board, opts.category).rows if r.rank is not None]
        return rows, []
    if opts.category:
        shortlist = ctx.data.scorer.shortlist(board, quotas={opts.category: opts.top_n})
    elif opts.per_category:
        quotas = {c: opts.top_n for c in ctx.data.categories}
        shortlist = ctx.data.scorer.shortlist(board, quotas=quotas)
    else:
        shortlist = ctx.data.scorer.shortlist(board, top_n=opts.top_n)
    return list(shortlist.selected), list(shortlist.tied_at_cut)


def _ranking_table(
    ctx: Context,
    styles: Styles,
    width: float,
    rows: list[LeaderboardRow],
    ranks: dict[int, int | None],
    marks: dict[int, int],
    *,
    with_category: bool,
) -> Flowable:
    # A column no entry fills (e.g. a music competition's unit) is left out, not printed empty.
    with_unit = any(r.entry.unit for r in rows)
    with_category = with_category and any(r.entry.category for r in rows)
    head = [ctx.t("rank"), ctx.t("entry_code"), ctx.t("entry")]
    shares = [0.42]  # of the width left for text columns: title, unit, category
    if with_unit:
        head.append(ctx.t("unit"))
        shares.append(0.32)
    if with_category:
        head.append(ctx.t("category"))
        shares.append(0.26)
    head.append(ctx.t("score"))
    table_rows: list[list[object]] = [[Paragraph(esc(h), styles.head) for h in head]]
    for row in rows:
        line: list[object] = [
            rank_text(ranks.get(row.entry.id), marks.get(row.entry.id)),
            row.entry.code,
            Paragraph(esc(row.entry.title), styles.cell),
        ]
        if with_unit:
            line.append(Paragraph(esc(row.entry.unit), styles.cell))
        if with_category:
            line.append(Paragraph(esc(row.entry.category), styles.cell))
        line.append(ctx.score_text(row))
        table_rows.append(line)
    rank_w, code_w, score_w = 20 * mm, 18 * mm, 17 * mm
    rest = width - rank_w - code_w - score_w
    widths = [rank_w, code_w, *(rest * share / sum(shares) for share in shares), score_w]
    extra = [("ALIGN", (-1, 1), (-1, -1), "RIGHT"), ("FONTNAME", (-1, 1), (-1, -1), FONT_BOLD)]
    return grid(table_rows, widths, center_cols=(0,), extra=extra, font_size=8.5)


def _small(detail: str) -> str:
    return f"<br/><font size=7 color='#555555'>{esc(detail)}</font>" if detail else ""


def _signatures(ctx: Context, styles: Styles, width: float) -> Flowable:
    """Place and date, then a line to sign for the chair and for every juror."""
    place = ctx.place or ctx.t("place_blank")
    jurors = list(ctx.data.event.jurors)
    chair_name = ctx.chair
    chair_juror = next((j for j in jurors if j.name == chair_name), None)
    chair_detail = ctx.data.affiliations.get(chair_juror.id, "") if chair_juror else ""
    members = [j for j in jurors if j is not chair_juror]
    head = [ctx.t("no"), ctx.t("name"), ctx.t("role"), ctx.t("signature")]
    rows: list[list[object]] = [[Paragraph(esc(h), styles.head) for h in head]]
    rows.append(
        [
            "1",
            Paragraph(
                (esc(chair_name) + _small(chair_detail))
                if chair_name
                else esc(ctx.t("name_blank")),
                styles.cell,
            ),
            ctx.t("chair"),
            "1. ..............................",
        ]
    )
    for n, juror in enumerate(members, 2):
        small = _small(ctx.data.affiliations.get(juror.id, ""))
        dots = f"{n}. .............................."
        rows.append(
            [
                str(n),
                Paragraph(esc(juror.name) + small, styles.cell),
                ctx.t("member"),
                # Alternate left and right, as Indonesian signature lists do, so hands do not collide.
                dots if n % 2 else "        " + dots,
            ]
        )
    widths = [10 * mm, width * 0.42, 32 * mm, width - 10 * mm - width * 0.42 - 32 * mm]
    table = grid(
        rows,
        widths,
        center_cols=(0,),
        zebra=False,
        row_heights=[None] + [13 * mm] * (len(rows) - 1),  # type: ignore[list-item]
    )
    where = ctx.t("place_date", place=place, date=long_date(ctx.date, ctx.lang))
    return KeepTogether(
        [
            Paragraph(esc(where), styles.right),
            Spacer(1, 2 * mm),
            Paragraph(esc(ctx.t("jurors")), styles.heading),
            table,
        ]
    )
