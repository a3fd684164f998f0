"""Feedback sheets: for each participant, the panel's mean per criterion against all entries,
a radar chart of the profile, the jurors' notes (jurors anonymised as Juri 1..n) and the rank."""

from __future__ import annotations

import math
from fractions import Fraction

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from kolabik_desktop.core.reports.common import Context
from kolabik_desktop.core.reports.layout import (
    FONT,
    FONT_BOLD,
    SectionStart,
    Styles,
    esc,
    frame_width,
    grid,
    info_table,
    letterhead,
    make_styles,
)
from kolabik_desktop.core.scoring.model import FINAL, CriterionSpec, LeaderboardRow, StageSpec

ENTRY_COLOUR = colors.HexColor("#1F5FA8")
AVERAGE_COLOUR = colors.HexColor("#C0392B")


class _StageFacts:
    """Per stage, computed once per build: each entry's criterion means and board row."""

    def __init__(self, ctx: Context, stage: StageSpec):
        scorer = ctx.data.scorer
        self.stage = stage
        board = ctx.board(stage.code)
        self.rows = {r.entry.id: r for r in board.rows}
        self.ranked = sum(1 for r in board.rows if r.rank is not None)
        self.means = {e: scorer.criterion_means(stage.code, e) for e in self.rows}
        # The field's average profile: the mean over entries of each entry's panel mean (a
        # description for the chart, not a score; no ranking uses it).
        self.average: dict[int, Fraction | None] = {}
        for c in stage.criteria:
            given = [v for m in self.means.values() if (v := m.get(c.id)) is not None]
            self.average[c.id] = sum(given, Fraction(0)) / len(given) if given else None


def _normalised(value: Fraction | None, c: CriterionSpec) -> float:
    if value is None or c.max_value == c.min_value:
        return 0.0
    return float(
        (value - Fraction(c.min_value)) / (Fraction(c.max_value) - Fraction(c.min_value)) * 100
    )


def build_feedback(ctx: Context) -> tuple[list[Flowable], bool]:
    wide = ctx.options.orientation == "landscape"
    styles = make_styles(8.5)
    width = frame_width(ctx.options.paper, wide)
    if ctx.options.stage and ctx.options.stage != FINAL:
        stages = [ctx.data.stage(ctx.options.stage)]
    else:
        stages = list(ctx.data.event.stages)
    facts = [_StageFacts(ctx, s) for s in stages]
    show_final = ctx.options.stage in (None, FINAL) and any(
        s.weight > 0 for s in ctx.data.event.stages
    )
    final_rows = {r.entry.id: r for r in ctx.board(FINAL).rows} if show_final else {}
    final_ranked = sum(1 for r in final_rows.values() if r.rank is not None)
    entries = [
        e for e in ctx.data.event.entries if not ctx.options.entry or e.code == ctx.options.entry
    ]
    story: list[Flowable] = []
    for n, entry in enumerate(entries, 1):
        if story:
            story.append(PageBreak())
        story.append(SectionStart(entry.code))
        story += letterhead(ctx.data, styles, width, ctx.t("feedback_title"), [])
        pairs = [
            (ctx.t("entry_code"), entry.code),
            (ctx.t("entry"), entry.title),
            (ctx.t("unit"), entry.unit),
            (ctx.t("category"), entry.category),
        ]
        final_row = final_rows.get(entry.id)
        if final_row is not None and final_row.rank is not None:
            pairs.append((ctx.t("final_result"), _rank_line(ctx, final_row, final_ranked)))
        story.append(info_table([(k, v) for k, v in pairs if v], styles, width))
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(esc(ctx.t("feedback_intro")), styles.small))
        for f in facts:
            if entry.id in f.rows:
                story += _stage_part(ctx, styles, width, f, entry.id)
            elif ctx.options.stage:
                story.append(Paragraph(esc(ctx.t("feedback_not_in_stage")), styles.body))
        ctx.progress(n, len(entries), entry.code)
    return story, wide


def _rank_line(ctx: Context, row: LeaderboardRow, of: int) -> str:
    score = ctx.score_text(row)
    if row.rank is None:
        return f"{score}  ({ctx.t('feedback_unranked')})" if score else ctx.t("feedback_unranked")
    return f"{ctx.t('score')} {score} — {ctx.t('feedback_rank', rank=row.rank, of=of)}"


def _stage_part(
    ctx: Context, styles: Styles, width: float, f: _StageFacts, entry_id: int
) -> list[Flowable]:
    stage = f.stage
    row = f.rows[entry_id]
    out: list[Flowable] = [
        Paragraph(
            esc(
                f"{ctx.t('stage')} {ctx.stage_label(stage.code)} — {_rank_line(ctx, row, f.ranked)}"
            ),
            styles.heading,
        )
    ]
    means = f.means.get(entry_id, {})
    table_rows: list[list[object]] = [
        [
            Paragraph(esc(h), styles.head)
            for h in (
                ctx.t("entry_code"),
                ctx.t("criterion"),
                ctx.t("weight"),
                ctx.t("feedback_mean"),
                ctx.t("feedback_all_mean"),
            )
        ]
    ]
    for c in stage.criteria:
        table_rows.append(
            [
                c.code,
                Paragraph(esc(c.name), styles.cell),
                f"{ctx.raw(c.weight)}%",
                ctx.number(means.get(c.id)),
                ctx.number(f.average.get(c.id)),
            ]
        )
    chart = _radar(ctx, stage, means, f.average, size=62 * mm)
    table_w = width - (64 * mm if chart else 0)
    table = grid(
        table_rows,
        [12 * mm, table_w - 12 * mm - 52 * mm, 14 * mm, 19 * mm, 19 * mm],
        extra=[("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("FONTNAME", (3, 1), (3, -1), FONT_BOLD)],
        font_size=8,
    )
    if chart is not None:
        side = Table([[table, chart]], colWidths=[table_w, 64 * mm])
        side.setStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        out.append(side)
    else:
        out.append(table)
    out += _notes(ctx, styles, width, stage, row)
    return out


def _radar(
    ctx: Context,
    stage: StageSpec,
    means: dict[int, Fraction | None],
    average: dict[int, Fraction | None],
    size: float,
) -> Drawing | None:
    """The entry's profile (filled) over the field's average (dashed) on axes 0–100.

    Drawn from plain shapes: ReportLab's SpiderChart widget costs about ten times as much per
    chart, which adds up over a feedback sheet for every participant.
    """
    criteria = [c for c in stage.criteria if c.weight > 0]
    n = len(criteria)
    if n < 3:
        return None  # a radar needs three axes; the table says it all
    drawing = Drawing(size, size + 14 * mm, initialFontName=FONT)
    radius = (size - 24 * mm) / 2
    cx, cy = size / 2, 16 * mm + radius
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]

    def point(i: int, value: float) -> tuple[float, float]:
        r = radius * max(0.0, min(value, 100.0)) / 100
        return cx + r * math.cos(angles[i]), cy + r * math.sin(angles[i])

    def ring(values: list[float]) -> list[float]:
        return [coord for i, v in enumerate(values) for coord in point(i, v)]

    grey = colors.HexColor("#BBBBBB")
    for level in (25, 50, 75, 100):
        drawing.add(Polygon(ring([level] * n), fillColor=None, strokeColor=grey, strokeWidth=0.35))
    for i, c in enumerate(criteria):
        x, y = point(i, 100)
        drawing.add(Line(cx, cy, x, y, strokeColor=grey, strokeWidth=0.35))
        lx, ly = point(i, 118)
        anchor = "middle" if abs(lx - cx) < 2 else ("start" if lx > cx else "end")
        drawing.add(String(lx, ly - 2.5, c.code, fontName=FONT, fontSize=7, textAnchor=anchor))
    mine = [_normalised(means.get(c.id), c) for c in criteria]
    field_mean = [_normalised(average.get(c.id), c) for c in criteria]
    drawing.add(
        Polygon(
            ring(mine),
            fillColor=colors.Color(0.12, 0.37, 0.66, alpha=0.18),
            strokeColor=ENTRY_COLOUR,
            strokeWidth=1.4,
        )
    )
    drawing.add(
        Polygon(
            ring(field_mean),
            fillColor=None,
            strokeColor=AVERAGE_COLOUR,
            strokeWidth=1,
            strokeDashArray=[3, 2],
        )
    )
    for row, (colour, label) in enumerate(
        ((ENTRY_COLOUR, ctx.t("feedback_this_entry")), (AVERAGE_COLOUR, ctx.t("feedback_all_mean")))
    ):
        y = 8 * mm - row * 4.5 * mm
        drawing.add(Rect(4 * mm, y, 6, 6, fillColor=colour, strokeColor=None))
        drawing.add(String(4 * mm + 10, y + 0.5, label, fontName=FONT, fontSize=7))
    return drawing


def _notes(
    ctx: Context, styles: Styles, width: float, stage: StageSpec, row: LeaderboardRow
) -> list[Flowable]:
    """Notes and comments, jurors numbered Juri 1..n in the event's juror order."""
    entry_id = row.entry.id
    eligible = [c.juror_id for c in row.juror_cells if c.eligible]
    label = {j: f"{ctx.t('juror')} {n}" for n, j in enumerate(eligible, 1)}
    rows: list[list[object]] = [
        [
            Paragraph(esc(h), styles.head)
            for h in (ctx.t("criterion_short"), ctx.t("juror"), ctx.t("notes"))
        ]
    ]
    for c in stage.criteria:
        for j in eligible:
            note = ctx.data.notes.get((j, entry_id, c.id), "")
            if note:
                rows.append([c.code, label[j], Paragraph(esc(note), styles.cell)])
    for j in eligible:
        comment = ctx.data.comments.get((j, entry_id, stage.id), "")
        if comment:
            rows.append([ctx.t("comment"), label[j], Paragraph(esc(comment), styles.cell)])
    heading = Paragraph(esc(ctx.t("feedback_notes")), styles.heading)
    if len(rows) == 1:
        return [KeepTogether([heading, Paragraph(esc(ctx.t("feedback_no_notes")), styles.small)])]
    table = grid(
        rows,
        [20 * mm, 16 * mm, width - 36 * mm],
        zebra=False,
        extra=[("VALIGN", (0, 0), (-1, -1), "TOP")],
        font_size=8,
    )
    return [heading, table]
