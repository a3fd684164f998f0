"""Paper, fonts, letterhead, page numbers and tables shared by every report.

Page furniture (running header, "Halaman x dari y", fingerprint) is drawn by a numbering canvas
after the whole document is laid out, because the page count is only known then. A report may be
split into sections (one feedback sheet per entry): each section starts on a new page with its
own letterhead and its own page count, so a participant's sheet reads "Halaman 1 dari 2".
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kolabik_desktop.core.paths import resource_path
from kolabik_desktop.core.reports.data import ReportData
from kolabik_desktop.core.reports.i18n import long_date, t

F4 = (210 * mm, 330 * mm)
PAPERS = {"a4": A4, "f4": F4}

FONT = "KolabikSans"
FONT_BOLD = "KolabikSans-Bold"
FONT_ITALIC = "KolabikSans-Oblique"
FONT_BOLD_ITALIC = "KolabikSans-BoldOblique"

MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 16 * mm
HEADER_GREY = colors.HexColor("#E4E7EB")
ROW_SHADE = colors.HexColor("#F6F7F9")
RULE = colors.HexColor("#222222")

_fonts_registered = False


def register_fonts() -> None:
    """Register the shipped DejaVu Sans family once; TTF fonts are embedded (subset) in every PDF."""
    global _fonts_registered
    if _fonts_registered:
        return
    for name, filename in (
        (FONT, "DejaVuSans.ttf"),
        (FONT_BOLD, "DejaVuSans-Bold.ttf"),
        (FONT_ITALIC, "DejaVuSans-Oblique.ttf"),
        (FONT_BOLD_ITALIC, "DejaVuSans-BoldOblique.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    _fonts_registered = True


def page_size(paper: str, wide: bool) -> tuple[float, float]:
    if paper not in PAPERS:
        raise ValueError(f"unknown paper '{paper}' (use a4 or f4)")
    size = PAPERS[paper]
    return landscape(size) if wide else size


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    tiny: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    center: ParagraphStyle
    right: ParagraphStyle


def make_styles(size: float = 9) -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=size + 1, leading=(size + 1) * 1.35)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=size, leading=size * 1.2)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=size - 0.5, leading=(size - 0.5) * 1.3),
        tiny=ParagraphStyle("tiny", parent=body, fontSize=size - 1.5, leading=(size - 1.5) * 1.3),
        cell=cell,
        head=ParagraphStyle("head", parent=cell, fontName=FONT_BOLD, alignment=TA_CENTER),
        title=ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=10.5, leading=13.5, alignment=TA_CENTER
        ),
        heading=ParagraphStyle(
            "heading", parent=body, fontName=FONT_BOLD, spaceBefore=6, spaceAfter=3, keepWithNext=1
        ),
        center=ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        right=ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
    )


def esc(text: object) -> str:
    """Text for a Paragraph: its mini-markup would eat '<' and '&' in names."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------------------------------------
# Sections and page furniture
# ---------------------------------------------------------------------------------------------


class SectionStart(Flowable):
    """Marks where a section (with its own page count) begins; place it first on a new page."""

    def __init__(self, key: str):
        super().__init__()
        self.key = key

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return (0, 0)

    def draw(self) -> None:
        self.canv._kolabik_section = self.key  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Furniture:
    running_title: str  # printed at the top of every page after a section's first
    fingerprint: str
    audit_head: str  # the audit log's head when the data was read (full hash)
    printed: str  # "Dicetak 23 November 2026"
    lang: str
    numbered: bool = True  # False: a certificate, which carries only the fingerprint in small print


def numbered_canvas(furniture: Furniture) -> type[Canvas]:
    """A canvas class that defers page furniture until the page count of each section is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._pages: list[tuple[dict[str, Any], str]] = []
            self._kolabik_section = ""

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._pages.append((dict(self.__dict__), self._kolabik_section))
            self._startPage()

        def save(self) -> None:
            totals: dict[str, int] = {}
            for _, section in self._pages:
                totals[section] = totals.get(section, 0) + 1
            seen: dict[str, int] = {}
            for state, section in self._pages:
                self.__dict__.update(state)
                seen[section] = seen.get(section, 0) + 1
                self._draw_furniture(seen[section], totals[section])
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_furniture(self, page: int, pages: int) -> None:
            width, height = self._pagesize
            self.saveState()
            if not furniture.numbered:
                self.setFillColor(colors.HexColor("#777777"))
                self.setFont(FONT, 6)
                self.drawString(
                    MARGIN_X,
                    MARGIN_BOTTOM - 9 * mm,
                    f"{t(furniture.lang, 'fingerprint', fp=furniture.fingerprint)}   ·   "
                    f"{t(furniture.lang, 'audit_head', head=short_head(furniture.audit_head))}",
                )
                self.restoreState()
                return
            self.setFillColor(colors.HexColor("#333333"))
            if page > 1:
                self.setFont(FONT, 7.5)
                self.drawString(MARGIN_X, height - MARGIN_TOP + 4 * mm, furniture.running_title)
                self.setStrokeColor(colors.HexColor("#999999"))
                self.setLineWidth(0.4)
                self.line(
                    MARGIN_X,
                    height - MARGIN_TOP + 2.5 * mm,
                    width - MARGIN_X,
                    height - MARGIN_TOP + 2.5 * mm,
                )
            y = MARGIN_BOTTOM - 7 * mm
            self.setStrokeColor(colors.HexColor("#999999"))
            self.setLineWidth(0.4)
            self.line(MARGIN_X, y + 3.5 * mm, width - MARGIN_X, y + 3.5 * mm)
            self.setFont(FONT, 7.5)
            self.drawString(
                MARGIN_X,
                y,
                f"{t(furniture.lang, 'fingerprint', fp=furniture.fingerprint)}   ·   "
                f"{t(furniture.lang, 'audit_head', head=short_head(furniture.audit_head))}   ·   "
                f"{furniture.printed}",
            )
            self.setFont(FONT_BOLD, 8)
            self.drawRightString(
                width - MARGIN_X, y, t(furniture.lang, "page", page=page, pages=pages)
            )
            self.restoreState()

    return NumberedCanvas


def render(
    story: Sequence[Flowable],
    *,
    paper: str,
    wide: bool,
    title: str,
    data: ReportData,
    lang: str,
    fingerprint: str,
    date: dt.date,
    numbered: bool = True,
) -> bytes:
    """Lay out ``story`` on the paper and return the PDF bytes."""
    register_fonts()
    size = page_size(paper, wide)
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{title} — {data.title_line()}",
        author=data.organiser or data.name,
        creator="Kolabik Desktop",
        # Without this every page names Helvetica, a font no PDF here embeds.
        initialFontName=FONT,
        initialFontSize=9,
        subject=t(lang, "fingerprint", fp=fingerprint),
        # Read back by `kolabik check --against REPORT.pdf` (core/exchange/proof.py).
        keywords=[
            f"kolabik-fingerprint:{fingerprint}",
            f"kolabik-audit-head:{data.audit_head or '0' * 64}",
        ],
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        size[0] - 2 * MARGIN_X,
        size[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    furniture = Furniture(
        running_title=f"{data.title_line()}  ·  {title}",
        fingerprint=fingerprint,
        audit_head=data.audit_head,
        printed=t(lang, "printed", date=long_date(date, lang)),
        lang=lang,
        numbered=numbered,
    )
    doc.build(list(story), canvasmaker=numbered_canvas(furniture))
    return buf.getvalue()


def short_head(head: str) -> str:
    """The audit head as printed: its first 16 hex digits, in groups of four."""
    digits = (head or "0" * 16)[:16].upper()
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def frame_width(paper: str, wide: bool) -> float:
    return page_size(paper, wide)[0] - 2 * MARGIN_X


# ---------------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------------


def _logo(data: ReportData, height: float) -> Image | None:
    if not data.logo:
        return None
    try:
        reader = ImageReader(io.BytesIO(data.logo))
        w, h = reader.getSize()
    except Exception:  # a broken logo must not stop a report that has to be signed today
        return None
    return Image(io.BytesIO(data.logo), width=height * w / h, height=height)


def letterhead(
    data: ReportData, styles: Styles, width: float, title: str, subtitle_lines: Sequence[str]
) -> list[Flowable]:
    """The kop: logo, organiser, event; a double rule; then the report's title block."""
    org = ParagraphStyle("org", parent=styles.center, fontName=FONT_BOLD, fontSize=11, leading=14)
    ev = ParagraphStyle("ev", parent=styles.center, fontName=FONT_BOLD, fontSize=13.5, leading=17)
    text: list[Flowable] = []
    if data.organiser:
        text.append(Paragraph(esc(data.organiser.upper()), org))
    text.append(Paragraph(esc(data.title_line().upper()), ev))
    logo = _logo(data, 18 * mm)
    if logo is not None:
        side = 24 * mm
        head: Flowable = Table(
            [[logo, text, ""]], colWidths=[side, width - 2 * side, side], hAlign="CENTER"
        )
        head.setStyle(  # type: ignore[attr-defined]
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (0, 0), (0, 0), "LEFT"),
                ]
            )
        )
        out: list[Flowable] = [head]
    else:
        out = list(text)
    out.append(DoubleRule(width))
    out.append(Spacer(1, 3 * mm))
    out.append(Paragraph(esc(title), styles.title))
    for line in subtitle_lines:
        out.append(Paragraph(esc(line), styles.subtitle))
    out.append(Spacer(1, 4 * mm))
    return out


class DoubleRule(Flowable):
    """The thick-and-thin line under an Indonesian letterhead."""

    def __init__(self, width: float):
        super().__init__()
        self.width = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return (self.width, 3 * mm)

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(RULE)
        c.setLineWidth(1.6)
        c.line(0, 2.2 * mm, self.width, 2.2 * mm)
        c.setLineWidth(0.5)
        c.line(0, 1.2 * mm, self.width, 1.2 * mm)


def info_table(pairs: Sequence[tuple[str, str]], styles: Styles, width: float) -> Table:
    """'Tahap : Penilaian Proposal' lines, aligned on the colon as forms are."""
    label_w = 36 * mm
    rows = [[Paragraph(esc(k), styles.body), ":", Paragraph(esc(v), styles.body)] for k, v in pairs]
    table = Table(rows, colWidths=[label_w, 4 * mm, width - label_w - 4 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return table


def grid(
    rows: list[list[Any]],
    col_widths: Sequence[float],
    *,
    header_rows: int = 1,
    font_size: float = 8.5,
    center_cols: Sequence[int] = (),
    extra: Sequence[tuple[Any, ...]] = (),
    zebra: bool = True,
    row_heights: Sequence[float | None] | float | None = None,
    tail: Sequence[Flowable] = (),
    keep_with_tail: int = 1,
) -> Table:
    """A ruled table whose header rows repeat on every page it spans.

    ``tail`` (legend, signatures) goes in an unruled last row across all columns that never
    starts a page alone: it keeps the table's last ``keep_with_tail`` rows with it, so a page
    break moves them too and the header repeats above them. One row by default: the longest texts
    the rules allow make a row a third of a page tall, and three such rows with the signatures no
    longer fit on one page (ReportLab's LayoutError).
    """
    if tail:
        rows = [*rows, [list(tail)] + [""] * (len(col_widths) - 1)]
        if isinstance(row_heights, Sequence):
            row_heights = [*row_heights, None]
    last = -2 if tail else -1
    table = Table(
        rows,
        colWidths=list(col_widths),
        repeatRows=header_rows,
        hAlign="LEFT",
        rowHeights=row_heights,
    )
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), font_size),
        ("LEADING", (0, 0), (-1, -1), font_size * 1.2),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), FONT_BOLD),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_GREY),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, last), 0.4, colors.HexColor("#555555")),
        ("BOX", (0, 0), (-1, last), 0.9, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if zebra and len(rows) > header_rows + 1:
        cmds.append(("ROWBACKGROUNDS", (0, header_rows), (-1, last), [colors.white, ROW_SHADE]))
    for col in center_cols:
        cmds.append(("ALIGN", (col, header_rows), (col, last), "CENTER"))
    cmds.extend(extra)
    if tail:
        first_kept = max(header_rows, len(rows) - 1 - keep_with_tail)
        cmds += [
            ("SPAN", (0, -1), (-1, -1)),
            ("BACKGROUND", (0, -1), (-1, -1), colors.white),
            ("LEFTPADDING", (0, -1), (-1, -1), 0),
            ("RIGHTPADDING", (0, -1), (-1, -1), 0),
            ("TOPPADDING", (0, -1), (-1, -1), 2 * mm),
            ("NOSPLIT", (0, first_kept), (-1, -1)),
        ]
    table.setStyle(TableStyle(cmds))
    return table


def signature_block(
    styles: Styles,
    width: float,
    *,
    lang: str,
    place: str,
    date: dt.date,
    role: str,
    name: str,
    detail: str = "",
) -> Table:
    """Place and date, the role, room to sign, then the name in brackets (right-hand side)."""
    where = place or t(lang, "place_blank")
    col = 72 * mm
    lines = [
        Paragraph(esc(t(lang, "place_date", place=where, date=long_date(date, lang))), styles.body),
        Paragraph(esc(role) + ",", styles.body),
        Spacer(1, 20 * mm),
        Paragraph(
            f"<b><u>{esc(name)}</u></b>" if name else esc(t(lang, "name_blank")), styles.body
        ),
    ]
    if detail:
        lines.append(Paragraph(esc(detail), styles.small))
    table = Table([["", lines]], colWidths=[width - col, col], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    table.keepWithNext = False
    return table


ProgressFn = Callable[[int, int, str], None]


def no_progress(done: int, total: int, text: str) -> None:
    """The default progress callback: reports nothing."""
