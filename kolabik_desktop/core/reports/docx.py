"""The decision letter as a minimal .docx (WordprocessingML written with zipfile).

Written by hand rather than with python-docx, which would add lxml (several MB) to an app built
close to its size target; the legal office only needs plain paragraphs, a borderless layout table
for "Menimbang : a. ..." and the ruled annex table. The zip is deterministic: fixed entry times,
fixed order, so the same letter gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from kolabik_desktop.core.reports.decision import DecisionLetter

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = "Arial"
# Page sizes in twentieths of a point: A4 210 x 297 mm, F4 210 x 330 mm.
PAGES = {"a4": (11906, 16838), "f4": (11906, 18709)}
MARGIN = 1134  # 2 cm
TEXT_WIDTH = PAGES["a4"][0] - 2 * MARGIN
_MOMENT = (2000, 1, 1, 0, 0, 0)
# XML 1.0 forbids these (a vertical tab pasted from Excel): Word would refuse the whole file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:styles xmlns:w="{W_NS}">'
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
    '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="id-ID"/>'
    "</w:rPr></w:rPrDefault>"
    '<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="264" w:lineRule="auto"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    "<w:tblPr><w:tblCellMar>"
    '<w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>'
    "</w:tblCellMar></w:tblPr></w:style>"
    "</w:styles>"
)


def _run(text: str, *, bold: bool = False, underline: bool = False, size: int | None = None) -> str:
    props = ""
    if bold:
        props += "<w:b/>"
    if underline:
        props += '<w:u w:val="single"/>'
    if size:
        props += f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    text = escape(_NOT_XML.sub(" ", text))
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _para(
    text: str = "",
    *,
    bold: bool = False,
    underline: bool = False,
    align: str | None = None,
    size: int | None = None,
    indent_left: int = 0,
    page_break_before: bool = False,
) -> str:
    ppr = ""
    if page_break_before:
        ppr += "<w:pageBreakBefore/>"
    if indent_left:
        ppr += f'<w:ind w:left="{indent_left}"/>'
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    body = _run(text, bold=bold, underline=underline, size=size) if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{body}</w:p>"


def _cell(width: int, content: str, *, shade: bool = False) -> str:
    fill = '<w:shd w:val="clear" w:color="auto" w:fill="E4E7EB"/>' if shade else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{fill}</w:tcPr>'
        f"{content or _para()}</w:tc>"
    )


def _table(
    rows: Sequence[Sequence[str]], widths: Sequence[int], *, ruled: bool, header: bool
) -> str:
    border = "single" if ruled else "nil"
    borders = "".join(
        f'<w:{side} w:val="{border}" w:sz="4" w:space="0" w:color="555555"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
    ]
    for n, row in enumerate(rows):
        head = header and n == 0
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if head else ""
        cells = "".join(
            _cell(w, _para(text, bold=head, align="center" if head else None), shade=head)
            for w, text in zip(widths, row, strict=True)
        )
        out.append(f"<w:tr>{trpr}{cells}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _labelled(label: str, items: Sequence[str]) -> str:
    rows = [(label if i == 0 else "", ":" if i == 0 else "", text) for i, text in enumerate(items)]
    return _table(rows, (1700, 300, TEXT_WIDTH - 2000), ruled=False, header=False)


def _signer(letter: DecisionLetter) -> str:
    indent = TEXT_WIDTH // 2 + 400
    parts = [_para(line, indent_left=indent) for line in letter.enacted]
    parts.append(_para(letter.signer_title, bold=True, indent_left=indent))
    parts += [_para(indent_left=indent)] * 3
    name = letter.signer_name or "(.......................................)"
    parts.append(
        _para(
            name,
            bold=bool(letter.signer_name),
            underline=bool(letter.signer_name),
            indent_left=indent,
        )
    )
    return "".join(parts)


def _body(letter: DecisionLetter, paper: str) -> str:
    parts = [_para(line, bold=True, align="center", size=12) for line in letter.heading]
    parts.append(_para())
    parts.append(_para(letter.grace, bold=True, align="center"))
    parts.append(_para())
    parts.append(_para(letter.signer_line, bold=True, align="center"))
    parts.append(_para())
    parts.append(_labelled(letter.considering_label, letter.considering))
    parts.append(_para())
    parts.append(_labelled(letter.observing_label, letter.observing))
    parts.append(_para())
    parts.append(_para(letter.decides, bold=True, align="center"))
    parts.append(_labelled(letter.enact_label, (letter.enact,)))
    for label, text in letter.dicta:
        parts.append(_labelled(label, (text,)))
    parts.append(_para())
    parts.append(_signer(letter))
    indent = TEXT_WIDTH // 2
    for n, line in enumerate(letter.annex_heading):
        parts.append(_para(line, size=10, indent_left=indent, page_break_before=n == 0))
    parts.append(_para())
    fixed = (650, 2000, 1100, 1000)  # no, award, code, score; title and unit share the rest
    rest = TEXT_WIDTH - sum(fixed)
    widths = (650, 2000, 1100, rest * 58 // 100, rest - rest * 58 // 100, 1000)
    parts.append(
        _table([letter.annex_columns, *letter.annex_rows], widths, ruled=True, header=True)
    )
    for note in letter.annex_notes:
        parts.append(_para(note, size=8))
    parts.append(_para())
    parts.append(_signer(letter))
    width, height = PAGES.get(paper, PAGES["a4"])
    sect = (
        f'<w:sectPr><w:pgSz w:w="{width}" w:h="{height}"/>'
        f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" '
        'w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(parts)}{sect}</w:body></w:document>'
    )


def decision_docx(letter: DecisionLetter, paper: str = "a4") -> bytes:
    """The letter as .docx bytes."""
    files = (
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/document.xml", _body(letter, paper)),
        ("word/styles.xml", STYLES),
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files:
            info = zipfile.ZipInfo(name, date_time=_MOMENT)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()
