"""Fast cell input and output for big xlsx sheets, around openpyxl.

openpyxl opens and builds the workbook (its parts, styles, sheet list, shared strings, header
rows); the data cells of each sheet are streamed here: read with expat, written as XML text. On a
124,000-row sheet this is several times faster than openpyxl's per-cell objects, which is what
keeps a national-scale workbook inside issue 3's time limits.

Written files are reproducible: every zip entry and document date is pinned to a given moment,
entries keep openpyxl's fixed order, and each sheet states its dimension.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.parsers import expat

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils.cell import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import from_excel, from_ISO8601

CHUNK = 1 << 16
ProgressFn = Callable[[int, int, str], None]


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

_CELL_REF = re.compile(r"([A-Z]+)(\d*)")
_DIGITS = "0123456789"
# Tag -> its local name ("x:c" -> "c"): millions of events, a few distinct tags.
_LOCAL: dict[str, str] = {}


def _local(tag: str) -> str:
    name = _LOCAL[tag] = tag.rpartition(":")[2]
    return name


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


class UncachedFormula(str):
    """A formula cell with no saved value (openpyxl writes formulas that way): never a value.

    The text is the formula ("=SUM(E2:E4)"); readers refuse it naming the cell, never drop it.
    """


class FormulaRow(list[Any]):
    """A row holding an UncachedFormula, marked so readers test one type, not every cell."""


class _SheetParser:
    """Collects (row number, values) from sheet XML events; values are as openpyxl gives them.

    A formula without a cached value becomes an UncachedFormula; merged ranges are collected
    in ``merged`` (their refs, e.g. "E5:E6") for the reader to refuse.
    """

    def __init__(self, shared: Sequence[str], date_formats: set[int], epoch: datetime):
        self.shared = shared
        self.date_formats = date_formats
        self.epoch = epoch
        self.rows: list[tuple[int, list[Any]]] = []
        self.row_number = 0
        self.cells: list[Any] = []
        self.column = 0
        self.kind = "n"
        self.style = 0
        self.text: list[str] = []
        self.capture = False
        self.in_phonetic = False
        self.formula: list[str] | None = None  # the cell's formula text, when it has one
        self.in_formula = False
        self.merged: list[str] = []
        self.column_of: dict[str, int] = {}  # column letters -> index (1-based)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        name = _LOCAL.get(tag) or _local(tag)
        if name == "c":
            ref = attrs.get("r")
            if ref:
                # A sheet names a few columns over and over: each letters' index is found once.
                column = self.column_of.get(ref.rstrip(_DIGITS))
                if column is None:
                    match = _CELL_REF.match(ref)
                    column = column_index_from_string(match.group(1)) if match else self.column + 1
                    if match and match.group(1) == ref.rstrip(_DIGITS):
                        self.column_of[match.group(1)] = column
                self.column = column
            else:
                self.column += 1
            self.kind = attrs.get("t", "n")
            style = attrs.get("s")
            self.style = int(style) if style else 0
            self.text = []
            self.formula = None
        elif name in ("v", "t") and not self.in_phonetic:
            self.capture = True
        elif name == "row":
            ref = attrs.get("r")
            self.row_number = int(ref) if ref else self.row_number + 1
            self.cells = []
            self.column = 0
        elif name == "f":
            self.formula = []
            self.in_formula = True
        elif name == "mergeCell":
            self.merged.append(attrs.get("ref", ""))
        elif name == "rPh":
            self.in_phonetic = True

    def end(self, tag: str) -> None:
        name = _LOCAL.get(tag) or _local(tag)
        if name in ("v", "t"):
            self.capture = False
        elif name == "c":
            value = self._value()
            if value is not None:
                missing = self.column - len(self.cells)
                if missing > 0:
                    self.cells.extend([None] * missing)
                self.cells[self.column - 1] = value
                if type(value) is UncachedFormula:
                    self.cells = FormulaRow(self.cells)
        elif name == "row":
            self.rows.append((self.row_number, self.cells))
        elif name == "f":
            self.in_formula = False
        elif name == "rPh":
            self.in_phonetic = False

    def data(self, text: str) -> None:
        if self.capture:
            self.text.append(text)
        elif self.in_formula and self.formula is not None:
            self.formula.append(text)

    def _value(self) -> Any:
        if not self.text:
            if self.formula is not None:
                return UncachedFormula("=" + "".join(self.formula))
            return None
        text = "".join(self.text)
        kind = self.kind
        if kind == "s":
            return self.shared[int(text)]
        if kind in ("inlineStr", "str", "e"):
            return text
        if kind == "b":
            return text.strip() == "1"
        if kind == "d":
            return from_ISO8601(text)
        number = _number(text)
        if self.style in self.date_formats:
            return from_excel(number, self.epoch)
        return number


def read_rows(ws: Any, merged: list[str] | None = None) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cell values) of every row of an openpyxl read-only worksheet.

    ``merged``, when given, receives the sheet's merged ranges once every row has been read
    (they follow the rows in the file).
    """
    wb = ws.parent
    parser = _SheetParser(ws._shared_strings, set(wb._date_formats), wb.epoch)
    xml = expat.ParserCreate()
    xml.buffer_text = True
    xml.StartElementHandler = parser.start
    xml.EndElementHandler = parser.end
    xml.CharacterDataHandler = parser.data
    with wb._archive.open(ws._worksheet_path) as source:
        while chunk := source.read(CHUNK):
            xml.Parse(chunk, False)
            yield from parser.rows
            parser.rows.clear()
        xml.Parse(b"", True)
        yield from parser.rows
    if merged is not None:
        merged.extend(parser.merged)


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetOut:
    """A sheet to write: a bold header row, then data rows (None, str, int, Decimal, bool)."""

    name: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths: Mapping[str, float] = field(default_factory=dict)


def _escape(text: str) -> str:
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell_xml(ref: str, value: object) -> str:
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, Decimal):
        value = value.normalize()
        if value == value.to_integral_value():
            return f'<c r="{ref}"><v>{int(value)}</v></c>'
        text = format(value, "f")
        # Excel holds doubles: a number with more digits than a double keeps goes in as text.
        if Decimal(repr(float(value))) == value:
            return f'<c r="{ref}"><v>{text}</v></c>'
        value = text
    text = str(value)
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    # Inline text is never a formula, so a note starting with '=' stays a note.
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'


def _rows_xml(rows: Sequence[Sequence[object]], first: int) -> Iterator[str]:
    letters = [get_column_letter(i + 1) for i in range(max((len(r) for r in rows), default=0))]
    for number, row in enumerate(rows, first):
        cells = "".join(
            _cell_xml(f"{letters[i]}{number}", v)
            for i, v in enumerate(row)
            if v is not None and v != ""
        )
        yield f'<row r="{number}">{cells}</row>'


def _skeleton(path: Path, sheets: Sequence[SheetOut], title: str, moment: datetime) -> list[str]:
    """The workbook with header rows only, by openpyxl; returns each sheet's part name."""
    wb = Workbook(write_only=True)
    wb.properties.creator = "Kolabik Desktop"
    wb.properties.title = title
    wb.properties.created = moment
    bold = Font(bold=True)
    written = []
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name)
        for i, header in enumerate(sheet.headers):
            ws.column_dimensions[get_column_letter(i + 1)].width = sheet.widths.get(header, 12)
        ws.freeze_panes = "A2"
        cells = []
        for header in sheet.headers:
            cell = WriteOnlyCell(ws, value=header)
            cell.font = bold
            cells.append(cell)
        ws.append(cells)
        written.append(ws)
    # Saved to memory, then written by us: openpyxl leaves its zip open when the disk is full.
    buf = io.BytesIO()
    wb.save(buf)
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())
    return [ws.path.lstrip("/") for ws in written]  # numbered by save()


def write_xlsx(
    path: Path,
    sheets: Sequence[SheetOut],
    *,
    title: str,
    moment: datetime,
    work_path: Path,
    progress: ProgressFn | None = None,
) -> None:
    """Write the sheets to ``path``; ``work_path`` holds openpyxl's skeleton meanwhile."""
    parts = dict(zip(_skeleton(work_path, sheets, title, moment), sheets, strict=True))
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    total = sum(len(s.rows) for s in sheets)
    done = 0
    # The zip is built in memory and written in one piece: a zip file left half-closed on a full
    # disk would print "Exception ignored" tracebacks when collected.
    built = io.BytesIO()
    with (
        zipfile.ZipFile(work_path) as zin,
        zipfile.ZipFile(built, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            pinned = zipfile.ZipInfo(info.filename, date_time=moment.timetuple()[:6])
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.create_system = 0
            pinned.external_attr = 0
            sheet = parts.get(info.filename)
            if info.filename == "docProps/core.xml":
                xml = zin.read(info).decode("utf-8")
                xml = re.sub(
                    r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                    rf"\g<1>{stamp}\g<3>",
                    xml,
                )
                zout.writestr(pinned, xml)
            elif sheet is not None:
                with zout.open(pinned, "w") as out:
                    head, tail = _split_sheet(zin.read(info).decode("utf-8"), sheet)
                    out.write(head.encode("utf-8"))
                    batch: list[str] = []
                    for row in _rows_xml(sheet.rows, 2):
                        batch.append(row)
                        if len(batch) == 5000:
                            out.write("".join(batch).encode("utf-8"))
                            done += len(batch)
                            batch.clear()
                            if progress is not None:
                                progress(done, total, sheet.name)
                    out.write("".join(batch).encode("utf-8"))
                    done += len(batch)
                    out.write(tail.encode("utf-8"))
            else:
                with zin.open(info) as fin, zout.open(pinned, "w") as fout:
                    shutil.copyfileobj(fin, fout, CHUNK)
    with open(path, "wb") as fh:
        fh.write(built.getvalue())
    if progress is not None:
        progress(total, total, sheets[-1].name if sheets else "")


def _split_sheet(xml: str, sheet: SheetOut) -> tuple[str, str]:
    """The skeleton sheet around where the data rows go, with the sheet's dimension added."""
    last = get_column_letter(max(len(sheet.headers), 1))
    dimension = f'<dimension ref="A1:{last}{len(sheet.rows) + 1}"/>'
    # A dimension lets readers (openpyxl's read-only mode among them) size the sheet at once.
    xml, found = re.subn(
        r"(<sheetPr\b[^>]*/>|<sheetPr\b[^>]*>.*?</sheetPr>)", rf"\g<1>{dimension}", xml, count=1
    )
    if not found:
        xml = re.sub(r"(<worksheet\b[^>]*>)", rf"\g<1>{dimension}", xml, count=1)
    head, sep, tail = xml.partition("</sheetData>")
    if not sep:
        raise ValueError(f"sheet {sheet.name}: no sheetData in the skeleton")
    return head, sep + tail
