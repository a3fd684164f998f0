"""Piagam penghargaan: one landscape page per awarded entry.

The page is drawn as one flowable filling the frame: a double border, the logo and the event,
"PIAGAM PENGHARGAAN", the unit, the innovation's title, the distinction (from the awards
selection, as the leaderboard places it), then the place, date and signer with an optional
scanned signature. The fingerprint is printed in small print by the page furniture.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, PageBreak, Paragraph

from kolabik_desktop.core.reports.awards import AwardRow, Awards
from kolabik_desktop.core.reports.common import Context
from kolabik_desktop.core.reports.i18n import long_date
from kolabik_desktop.core.reports.layout import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    esc,
    frame_width,
    page_size,
    register_fonts,
)
from kolabik_desktop.core.reports.layout import (
    MARGIN_BOTTOM as _MB,
)
from kolabik_desktop.core.reports.layout import (
    MARGIN_TOP as _MT,
)

GOLD = colors.HexColor("#9A7B2F")
INK = colors.HexColor("#1F2A44")


def build_certificates(ctx: Context, awards: Awards) -> tuple[list[Flowable], bool]:
    register_fonts()
    width = frame_width(ctx.options.paper, True)
    height = page_size(ctx.options.paper, True)[1] - _MT - _MB
    story: list[Flowable] = []
    for n, award in enumerate(awards.rows):
        if n:
            story.append(PageBreak())
        story.append(CertificatePage(ctx, award, width, height))
        ctx.progress(n + 1, len(awards.rows), ctx.t("certificate_title"))
    return story, True


def _image(data: bytes | None) -> ImageReader | None:
    if not data:
        return None
    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
    except Exception:  # a broken image must not stop certificates that are signed today
        return None
    return reader


def _style(name: str, font: str, size: float, color: colors.Color = INK) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=size * 1.25,
        alignment=TA_CENTER,
        textColor=color,
    )


class CertificatePage(Flowable):
    """The whole certificate, drawn inside the page frame."""

    def __init__(self, ctx: Context, award: AwardRow, width: float, height: float):
        super().__init__()
        self.ctx = ctx
        self.award = award
        self.width = width
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # A hair less than the frame, so ReportLab never pushes the page to the next one.
        return (self.width, min(self.height, availHeight) - 0.5)

    def draw(self) -> None:
        c = self.canv
        w, h = self.width, self.height - 0.5
        c.saveState()
        c.setStrokeColor(GOLD)
        c.setLineWidth(2.4)
        c.rect(0, 0, w, h)
        c.setLineWidth(0.7)
        c.rect(2.5 * mm, 2.5 * mm, w - 5 * mm, h - 5 * mm)
        c.restoreState()
        y = h - 10 * mm
        logo = _image(self.ctx.data.logo)
        if logo is not None:
            lw, lh = logo.getSize()
            lh_mm = 17 * mm
            c.drawImage(
                logo, (w - lh_mm * lw / lh) / 2, y - lh_mm, lh_mm * lw / lh, lh_mm, mask="auto"
            )
            y -= lh_mm + 3 * mm
        data = self.ctx.data
        if data.organiser:
            y = self._text(esc(data.organiser.upper()), _style("org", FONT_BOLD, 12), y)
        y = self._text(esc(data.title_line().upper()), _style("ev", FONT_BOLD, 14), y)
        y -= 5 * mm
        y = self._text(esc(self.ctx.t("certificate_title")), _style("t", FONT_BOLD, 30, GOLD), y)
        y -= 3 * mm
        y = self._text(esc(self.ctx.t("certificate_given")), _style("g", FONT_ITALIC, 12), y)
        entry = self.award.row.entry
        recipient = entry.unit or entry.title
        y = self._text(esc(recipient), _style("u", FONT_BOLD, 20), y, inset=20 * mm)
        if entry.unit:
            y -= 1 * mm
            y = self._text(esc(self.ctx.t("certificate_for")), _style("f", FONT_ITALIC, 11), y)
            y = self._text(
                f"“{esc(entry.title)}”", _style("ti", FONT_BOLD_ITALIC, 15), y, inset=25 * mm
            )
        y -= 2 * mm
        y = self._text(esc(self.ctx.t("certificate_as")), _style("a", FONT_ITALIC, 11), y)
        y = self._text(esc(self.award.place.upper()), _style("p", FONT_BOLD, 22, GOLD), y)
        y = self._text(
            esc(self.ctx.t("certificate_in", event=data.title_line())), _style("i", FONT, 11), y
        )
        # The signer sits bottom right, below the text however long the title ran.
        self._signature(min(46 * mm, y - 2 * mm))
        c.setFont(FONT, 7)
        c.setFillColor(colors.HexColor("#777777"))
        c.drawString(
            6 * mm, 6 * mm, self.ctx.t("certificate_code", code=entry.code, rank=self.award.rank)
        )

    def _text(
        self, markup: str, style: ParagraphStyle, top: float, inset: float = 10 * mm
    ) -> float:
        """Draw a centred paragraph whose top is at ``top``; return the y below it."""
        para = Paragraph(markup, style)
        _, ph = para.wrap(self.width - 2 * inset, self.height)
        para.drawOn(self.canv, inset, top - ph)
        return top - ph - 1.5 * mm

    def _signature(self, top: float) -> None:
        ctx, c = self.ctx, self.canv
        awards = ctx.data.awards
        col = 90 * mm
        x = self.width - col - 14 * mm
        y = max(top, 40 * mm)
        style = _style("s", FONT, 10.5)
        place = ctx.place or ctx.t("place_blank")
        lines = [
            esc(ctx.t("place_date", place=place, date=long_date(ctx.date, ctx.lang))),
            esc(awards.signer_title or ctx.t("signer_blank")) + ",",
        ]
        for line in lines:
            para = Paragraph(line, style)
            _, ph = para.wrap(col, 20 * mm)
            para.drawOn(c, x, y - ph)
            y -= ph
        signature = _image(awards.signature)
        if signature is not None:
            sw, sh = signature.getSize()
            box_h = 18 * mm
            draw_w = min(col * 0.7, box_h * sw / sh)
            draw_h = draw_w * sh / sw
            c.drawImage(
                signature, x + (col - draw_w) / 2, y - 1 * mm - draw_h, draw_w, draw_h, mask="auto"
            )
        y -= 20 * mm
        name = (
            f"<b><u>{esc(awards.signer_name)}</u></b>"
            if awards.signer_name
            else esc(ctx.t("name_blank"))
        )
        para = Paragraph(name, style)
        _, ph = para.wrap(col, 20 * mm)
        para.drawOn(c, x, y - ph)
