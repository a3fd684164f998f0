"""The decision letter draft (surat keputusan): Menimbang, Mengingat, Memutuskan, Menetapkan, and
the annex of the winners with their places and scores.

The letter is first put together as plain data (``DecisionLetter``), then laid out as a PDF here
and as a .docx by ``core/reports/docx.py``, so both files always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kolabik_desktop.core.reports.awards import Awards
from kolabik_desktop.core.reports.common import Context
from kolabik_desktop.core.reports.i18n import long_date
from kolabik_desktop.core.reports.layout import (
    FONT,
    FONT_BOLD,
    Styles,
    esc,
    frame_width,
    grid,
    letterhead,
    make_styles,
)


@dataclass(frozen=True)
class DecisionLetter:
    heading: tuple[str, ...]  # KEPUTUSAN ..., NOMOR ..., TENTANG, the subject
    grace: str  # DENGAN RAHMAT TUHAN YANG MAHA ESA
    signer_line: str  # WALI KOTA PASURUAN,
    considering_label: str
    considering: tuple[str, ...]  # a., b., c.
    observing_label: str
    observing: tuple[str, ...]  # 1., 2.: the legal bases
    decides: str  # MEMUTUSKAN:
    enact_label: str
    enact: str
    dicta: tuple[tuple[str, str], ...]  # (KESATU, text)
    enacted: tuple[str, ...]  # Ditetapkan di ..., pada tanggal ...
    signer_title: str
    signer_name: str
    annex_heading: tuple[str, ...]
    annex_columns: tuple[str, ...]
    annex_rows: tuple[tuple[str, ...], ...]
    annex_notes: tuple[str, ...]


def letter_data(ctx: Context, awards: Awards) -> DecisionLetter:
    t = ctx.t
    data = ctx.data
    settings = data.awards
    signer = settings.signer_title or t("signer_blank")
    event = data.title_line()
    subject = t("decision_subject", event=event)
    number = len(awards.rows)
    date = long_date(ctx.date, ctx.lang)
    letters = "abcdefghijklmnopqrstuvwxyz"
    considering = (
        t("decision_considering_a", event=event),
        t("decision_considering_b", event=event, n=number),
        t("decision_considering_c", signer=signer, subject=subject),
    )
    rows: list[tuple[str, ...]] = []
    notes: list[str] = []
    for n, award in enumerate(awards.rows, 1):
        row = award.row
        rows.append(
            (
                str(n),
                award.place,
                row.entry.code,
                row.entry.title,
                row.entry.unit,
                ctx.score_text(row),
            )
        )
        if row.tie_rule:
            notes.append(f"{row.entry.code}: {ctx.footnote(row, awards.board)}")
    if any(a.row.status == "provisional" for a in awards.rows):
        notes.append(t("provisional_legend"))
    return DecisionLetter(
        heading=(
            t("decision_of", signer=signer.upper()),
            t("decision_number"),
            t("decision_about"),
            subject.upper(),
        ),
        grace=t("decision_grace"),
        signer_line=signer.upper() + ",",
        considering_label=t("decision_considering"),
        considering=tuple(f"{letters[i]}. {text}" for i, text in enumerate(considering)),
        observing_label=t("decision_observing"),
        observing=tuple(f"{i}. {text};" for i, text in enumerate(settings.legal_bases, 1))
        or (f"1. {t('place_blank')};",),
        decides=t("decision_decides"),
        enact_label=t("decision_enact"),
        enact=t("decision_enact_text", signer=signer.upper(), subject=subject.upper()),
        dicta=(
            (t("decision_first_label"), t("decision_first", n=number, event=event)),
            (t("decision_second_label"), t("decision_second")),
            (t("decision_third_label"), t("decision_third")),
        ),
        enacted=(
            t("decision_enacted_at", place=ctx.place or t("place_blank")),
            t("decision_enacted_on", date=date),
        ),
        signer_title=signer.upper() + ",",
        signer_name=settings.signer_name,
        annex_heading=(
            t("decision_annex"),
            t("decision_of", signer=signer.upper()),
            t("decision_number"),
            t("decision_annex_date", date=date),
            t("decision_about") + " " + subject.upper(),
        ),
        annex_columns=(
            t("no"),
            t("award"),
            t("entry_code"),
            t("entry"),
            t("unit"),
            t("score"),
        ),
        annex_rows=tuple(rows),
        annex_notes=tuple(notes),
    )


def build_decision(ctx: Context, awards: Awards) -> tuple[list[Flowable], bool]:
    letter = letter_data(ctx, awards)
    styles = make_styles(9.5)
    width = frame_width(ctx.options.paper, False)
    story = letterhead(ctx.data, styles, width, letter.heading[0], letter.heading[1:])
    story.append(Paragraph(esc(letter.grace), styles.center))
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(f"<b>{esc(letter.signer_line)}</b>", styles.center))
    story.append(Spacer(1, 4 * mm))
    story.append(_labelled(styles, width, letter.considering_label, letter.considering))
    story.append(Spacer(1, 2 * mm))
    story.append(_labelled(styles, width, letter.observing_label, letter.observing))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(f"<b>{esc(letter.decides)}</b>", styles.center))
    story.append(Spacer(1, 2 * mm))
    story.append(_labelled(styles, width, letter.enact_label, (letter.enact,)))
    for label, text in letter.dicta[:-1]:
        story.append(_labelled(styles, width, label, (text,)))
    # A signature alone on a page could sign anything: the last article goes over with it.
    label, text = letter.dicta[-1]
    story.append(
        KeepTogether(
            [
                _labelled(styles, width, label, (text,)),
                Spacer(1, 6 * mm),
                _signer(styles, width, letter, ctx),
            ]
        )
    )
    story.append(PageBreak())
    story += _annex(styles, width, letter)
    story.append(Spacer(1, 8 * mm))
    story.append(_signer(styles, width, letter, ctx))
    ctx.progress(1, 1, ctx.t("decision_title"))
    return story, False


def _labelled(styles: Styles, width: float, label: str, items: tuple[str, ...]) -> Table:
    """'Menimbang : a. bahwa ...' with the items aligned after the colon, as a keputusan sets it."""
    label_w = 28 * mm
    rows = [
        [
            Paragraph(esc(label) if i == 0 else "", styles.body),
            ":" if i == 0 else "",
            Paragraph(esc(text), styles.body),
        ]
        for i, text in enumerate(items)
    ]
    table = Table(rows, colWidths=[label_w, 4 * mm, width - label_w - 4 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 10.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _signer(styles: Styles, width: float, letter: DecisionLetter, ctx: Context) -> Flowable:
    col = 80 * mm
    name = (
        f"<b><u>{esc(letter.signer_name)}</u></b>"
        if letter.signer_name
        else esc(ctx.t("name_blank"))
    )
    lines: list[Flowable] = [Paragraph(esc(line), styles.body) for line in letter.enacted]
    lines += [
        Spacer(1, 2 * mm),
        Paragraph(f"<b>{esc(letter.signer_title)}</b>", styles.body),
        Spacer(1, 22 * mm),
        Paragraph(name, styles.body),
    ]
    table = Table([["", lines]], colWidths=[width - col, col], hAlign="LEFT")
    table.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return table  # one row: never split across pages


def _annex(styles: Styles, width: float, letter: DecisionLetter) -> list[Flowable]:
    col = 95 * mm
    head = [Paragraph(esc(line), styles.small) for line in letter.annex_heading]
    box = Table([["", head]], colWidths=[width - col, col], hAlign="LEFT")
    box.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    out: list[Flowable] = [box, Spacer(1, 6 * mm)]
    rows: list[list[object]] = [[Paragraph(esc(h), styles.head) for h in letter.annex_columns]]
    for no, place, code, title, unit, score in letter.annex_rows:
        rows.append(
            [
                no,
                Paragraph(esc(place), styles.cell),
                code,
                Paragraph(esc(title), styles.cell),
                Paragraph(esc(unit), styles.cell),
                score,
            ]
        )
    no_w, place_w, code_w, score_w = 9 * mm, 30 * mm, 17 * mm, 17 * mm
    rest = width - no_w - place_w - code_w - score_w
    widths = [no_w, place_w, code_w, rest * 0.58, rest * 0.42, score_w]
    extra = [("ALIGN", (-1, 1), (-1, -1), "RIGHT"), ("FONTNAME", (-1, 1), (-1, -1), FONT_BOLD)]
    out.append(grid(rows, widths, center_cols=(0,), extra=extra, font_size=8.5))
    out.append(Spacer(1, 2 * mm))
    for note in letter.annex_notes:
        out.append(Paragraph(esc(note), styles.tiny))
    return out
