"""Lembar penilaian (a juror's filled score sheet) and the blank score form (paper backup)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from kolabik_desktop.core.reports.common import Context
from kolabik_desktop.core.reports.layout import (
    FONT_BOLD,
    SectionStart,
    Styles,
    esc,
    frame_width,
    grid,
    info_table,
    letterhead,
    make_styles,
    signature_block,
)
from kolabik_desktop.core.scoring.model import CriterionSpec, JurorSpec, StageSpec

# Statuses under which an entry is on a juror's sheet at all.
ON_SHEET = ("not_started", "partial", "complete")


def _wide(ctx: Context, stage: StageSpec) -> bool:
    if ctx.options.orientation != "auto":
        return ctx.options.orientation == "landscape"
    # Past five criteria the entry title column gets too narrow on a portrait page.
    return len(stage.criteria) > 5


def _jurors(ctx: Context) -> list[JurorSpec]:
    if ctx.options.juror:
        return [ctx.data.juror(ctx.options.juror)]
    return list(ctx.data.event.jurors)


def _stages(ctx: Context) -> list[StageSpec]:
    if ctx.options.stage:
        return [ctx.data.stage(ctx.options.stage)]
    return list(ctx.data.event.stages[:1])


def _criteria_header(
    ctx: Context, stage: StageSpec, lead: list[str], tail: list[str]
) -> list[list[object]]:
    """Two header rows: criterion codes, then their weights ("15%")."""
    codes = [c.code for c in stage.criteria]
    weights = [f"{ctx.raw(c.weight)}%" for c in stage.criteria]
    first: list[object] = [*lead, *codes, *tail]
    second: list[object] = [*([""] * len(lead)), *weights, *([""] * len(tail))]
    return [first, second]


def _header_spans(n_lead: int, n_crit: int, n_tail: int) -> list[tuple[object, ...]]:
    spans: list[tuple[object, ...]] = []
    for col in list(range(n_lead)) + list(range(n_lead + n_crit, n_lead + n_crit + n_tail)):
        spans.append(("SPAN", (col, 0), (col, 1)))
    spans.append(("FONTNAME", (n_lead, 1), (n_lead + n_crit - 1, 1), FONT_BOLD))
    spans.append(("FONTSIZE", (n_lead, 1), (n_lead + n_crit - 1, 1), 7))
    return spans


def _rubric_legend(ctx: Context, stage: StageSpec, styles: Styles, width: float) -> Flowable:
    width = min(width, 170 * mm)  # a legend stretched across landscape paper reads badly
    rows: list[list[object]] = [
        [ctx.t("entry_code"), ctx.t("criterion"), ctx.t("weight"), ctx.t("range")]
    ]
    for c in stage.criteria:
        rows.append(
            [
                c.code,
                Paragraph(esc(c.name), styles.cell),
                f"{ctx.raw(c.weight)}%",
                f"{ctx.raw(c.min_value)}–{ctx.raw(c.max_value)}",
            ]
        )
    table = grid(
        rows,
        [18 * mm, width - 18 * mm - 36 * mm, 16 * mm, 20 * mm],
        center_cols=(0, 2, 3),
        zebra=False,
    )
    return table


def _title_cell(ctx: Context, styles: Styles, entry_id: int) -> Paragraph:
    entry = ctx.entries[entry_id]
    unit = f"<br/><font size=7 color='#555555'>{esc(entry.unit)}</font>" if entry.unit else ""
    return Paragraph(esc(entry.title) + unit, styles.cell)


def _sheet_entries(ctx: Context, stage: StageSpec, juror: JurorSpec) -> tuple[list[int], list[int]]:
    """Entries on the juror's sheet in code order, and the ones the juror is recused from."""
    scorer = ctx.data.scorer
    on_sheet: list[int] = []
    recused: list[int] = []
    for entry in ctx.data.event.entries:
        status = scorer.juror_status(stage.code, juror.id, entry.id)
        if status in ON_SHEET:
            on_sheet.append(entry.id)
        elif status == "recused" and (stage.admitted is None or entry.id in stage.admitted):
            recused.append(entry.id)
    return on_sheet, recused


def _recused_note(ctx: Context, styles: Styles, recused: list[int]) -> list[Flowable]:
    """The entries left off the sheet because the juror is recused from them."""
    if not recused:
        return []
    codes = ", ".join(ctx.entries[e].code for e in recused)
    return [
        Spacer(1, 1.5 * mm),
        Paragraph(esc(ctx.t("recused_entries", entries=codes)), styles.small),
    ]


def _signature(ctx: Context, styles: Styles, width: float, juror: JurorSpec) -> Flowable:
    return signature_block(
        styles,
        width,
        lang=ctx.lang,
        place=ctx.place,
        date=ctx.date,
        role=ctx.t("juror"),
        name=juror.name,
        detail=ctx.data.affiliations.get(juror.id, ""),
    )


def _head(
    ctx: Context, styles: Styles, width: float, title: str, stage: StageSpec, juror: JurorSpec
) -> list[Flowable]:
    story: list[Flowable] = [SectionStart(f"{stage.code}/{juror.code}")]
    story += letterhead(ctx.data, styles, width, title, [ctx.stage_label(stage.code)])
    affiliation = ctx.data.affiliations.get(juror.id, "")
    story.append(
        info_table(
            [
                (
                    ctx.t("juror"),
                    f"{juror.name} ({juror.code})" + (f", {affiliation}" if affiliation else ""),
                ),
                (ctx.t("stage"), ctx.stage_label(stage.code)),
                # Compared on paper with the fingerprint the juror's own kit shows.
                (
                    ctx.t("key_fingerprint"),
                    ctx.data.key_fingerprints.get(juror.id) or ctx.t("key_none"),
                ),
            ],
            styles,
            width,
        )
    )
    story.append(Spacer(1, 3 * mm))
    return story


def build_sheets(ctx: Context, *, blank: bool) -> tuple[list[Flowable], bool]:
    """Story for every (stage, juror) asked for; returns it and whether the pages are landscape."""
    styles = make_styles(8.5)
    story: list[Flowable] = []
    stages = _stages(ctx)
    jurors = _jurors(ctx)
    wide = any(_wide(ctx, s) for s in stages)
    width = frame_width(ctx.options.paper, wide)
    total = len(stages) * len(jurors)
    done = 0
    for stage in stages:
        for juror in jurors:
            if story:
                story.append(PageBreak())
            if blank:
                story += _blank_form(ctx, styles, width, stage, juror)
            else:
                story += _score_sheet(ctx, styles, width, stage, juror)
            done += 1
            ctx.progress(done, total, juror.code)
    return story, wide


def _score_sheet(
    ctx: Context, styles: Styles, width: float, stage: StageSpec, juror: JurorSpec
) -> list[Flowable]:
    story = _head(ctx, styles, width, ctx.t("sheet_title"), stage, juror)
    story.append(_rubric_legend(ctx, stage, styles, width))
    story.append(Spacer(1, 4 * mm))
    entry_ids, recused = _sheet_entries(ctx, stage, juror)
    crit = stage.criteria
    lead = [ctx.t("no"), ctx.t("entry_code"), ctx.t("entry")]
    tail = [ctx.t("weighted_total")]
    rows = _criteria_header(ctx, stage, lead, tail)
    rows[0][-1] = Paragraph(esc(ctx.t("weighted_total")), styles.head)
    scorer = ctx.data.scorer
    values = ctx.data.values
    for n, entry_id in enumerate(entry_ids, 1):
        entry = ctx.entries[entry_id]
        cells = [ctx.raw(values.get((juror.id, entry_id, c.id))) for c in crit]
        total = scorer.juror_total(stage.code, juror.id, entry_id)
        total_text = ctx.number(total) if total is not None else ctx.t("incomplete")
        rows.append([str(n), entry.code, _title_cell(ctx, styles, entry_id), *cells, total_text])
    crit_w = 12.5 * mm
    fixed = 8 * mm + 17 * mm + len(crit) * crit_w + 22 * mm
    widths = [8 * mm, 17 * mm, width - fixed, *([crit_w] * len(crit)), 22 * mm]
    extra = _header_spans(3, len(crit), 1)
    extra.append(("FONTNAME", (-1, 2), (-1, -1), FONT_BOLD))
    extra.append(("ALIGN", (3, 2), (-1, -1), "RIGHT"))
    if entry_ids:
        story.append(grid(rows, widths, header_rows=2, center_cols=(0,), extra=extra))
    else:
        story.append(Paragraph(esc(ctx.t("no_entries")), styles.body))
    story += _recused_note(ctx, styles, recused)
    story.append(Spacer(1, 1.5 * mm))
    story.append(Paragraph(esc(ctx.t("incomplete_legend")), styles.tiny))
    story.append(Spacer(1, 3 * mm))
    story += _notes(ctx, styles, width, stage, juror, entry_ids)
    story.append(CondPageBreak(50 * mm))
    story.append(Spacer(1, 6 * mm))
    story.append(_signature(ctx, styles, width, juror))
    return story


def _notes(
    ctx: Context,
    styles: Styles,
    width: float,
    stage: StageSpec,
    juror: JurorSpec,
    entry_ids: list[int],
) -> list[Flowable]:
    rows: list[list[object]] = [[ctx.t("entry_code"), ctx.t("criterion_short"), ctx.t("notes")]]
    for entry_id in entry_ids:
        code = ctx.entries[entry_id].code
        for c in stage.criteria:
            note = ctx.data.notes.get((juror.id, entry_id, c.id), "")
            if note:
                rows.append([code, c.code, Paragraph(esc(note), styles.cell)])
        comment = ctx.data.comments.get((juror.id, entry_id, stage.id), "")
        if comment:
            rows.append([code, ctx.t("comment"), Paragraph(esc(comment), styles.cell)])
    if len(rows) == 1:
        return []
    table = grid(
        rows,
        [18 * mm, 22 * mm, width - 40 * mm],
        zebra=False,
        extra=[("VALIGN", (0, 0), (-1, -1), "TOP")],
    )
    return [Paragraph(esc(ctx.t("sheet_notes_heading")), styles.heading), table]


def _blank_form(
    ctx: Context, styles: Styles, width: float, stage: StageSpec, juror: JurorSpec
) -> list[Flowable]:
    story = _head(ctx, styles, width, ctx.t("blank_title"), stage, juror)
    story.append(Paragraph(esc(ctx.t("blank_instructions")), styles.small))
    story.append(Spacer(1, 2 * mm))
    story.append(_rubric_legend(ctx, stage, styles, width))
    story.append(Spacer(1, 4 * mm))
    entry_ids, recused = _sheet_entries(ctx, stage, juror)
    crit: tuple[CriterionSpec, ...] = stage.criteria
    lead = [ctx.t("no"), ctx.t("entry_code"), ctx.t("entry")]
    tail = [ctx.t("total"), ctx.t("notes")]
    rows = _criteria_header(ctx, stage, lead, tail)
    for n, entry_id in enumerate(entry_ids, 1):
        entry = ctx.entries[entry_id]
        rows.append(
            [str(n), entry.code, _title_cell(ctx, styles, entry_id), *([""] * len(crit)), "", ""]
        )
    crit_w = 12.5 * mm
    rest = width - (8 * mm + 17 * mm + len(crit) * crit_w + 16 * mm)
    title_w = rest * 0.5
    widths = [8 * mm, 17 * mm, title_w, *([crit_w] * len(crit)), 16 * mm, rest - title_w]
    extra = _header_spans(3, len(crit), 2)
    # Room to write by hand, and never less than the entry's wrapped title needs.
    heights: list[float | None] = [None, None]
    heights += [
        max(11 * mm, _title_cell(ctx, styles, e).wrap(title_w - 6, 10_000)[1] + 6)
        for e in entry_ids
    ]
    if entry_ids:
        story.append(
            grid(
                rows,
                widths,
                header_rows=2,
                center_cols=(0,),
                extra=extra,
                zebra=False,
                row_heights=heights,
            )
        )
    else:
        story.append(Paragraph(esc(ctx.t("no_entries")), styles.body))
    story += _recused_note(ctx, styles, recused)
    story.append(CondPageBreak(50 * mm))
    story.append(Spacer(1, 6 * mm))
    story.append(_signature(ctx, styles, width, juror))
    return story
