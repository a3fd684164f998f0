"""Spreadsheet exports: a leaderboard (any stage, the final, per category) and the full score
matrix, to xlsx (number formats, frozen headers) or csv.

Scores come from the engine's leaderboard rows and juror totals at display precision; raw values
are the jurors' own decimals. CSV is UTF-8 with a BOM (so Excel reads "Jabłoński" right), comma
separated, dot decimal, and byte-identical for the same inputs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import ValidationError
from kolabik_desktop.core.exchange.csv_text import FORMULA_STARTS, csv_safe  # noqa: F401
from kolabik_desktop.core.files import write_output
from kolabik_desktop.core.reports.common import tie_text
from kolabik_desktop.core.reports.data import ReportData
from kolabik_desktop.core.reports.i18n import LANGS, t
from kolabik_desktop.core.scoring.engine import format_score
from kolabik_desktop.core.scoring.model import FINAL, Number, StageSpec
from kolabik_desktop.core.store.queries.audit import FIELD_NAMES, AuditLine
from kolabik_desktop.core.store.services import decimal_text

WHATS = ("leaderboard", "matrix")
FORMATS = (".xlsx", ".csv")

# Column headers of the exports (the report texts cover the rest).
HEADERS = {
    "id": {
        "juror_name": "Nama Juri",
        "juror_status": "Status Penilaian",
        "tie": "Keterangan",
        "not_started": "belum mulai",
        "partial": "sebagian",
        "complete": "lengkap",
        "recused": "konflik kepentingan",
    },
    "en": {
        "juror_name": "Juror Name",
        "juror_status": "Scoring Status",
        "tie": "Tie Note",
        "not_started": "not started",
        "partial": "partial",
        "complete": "complete",
        "recused": "recused",
    },
}
SHOWN_STATUSES = ("not_started", "partial", "complete", "recused")

Cell = str | int | Decimal | None


@dataclass(frozen=True)
class Sheet:
    title: str
    header: list[str]
    rows: list[list[Cell]]
    formats: dict[int, str]  # column index -> xlsx number format
    widths: Sequence[float]
    freeze_cols: int = 0


def _decimal(value: Number | None, precision: int) -> Decimal | None:
    """An engine score at display precision, as an exact Decimal (never a binary float)."""
    text = format_score(value, precision)
    return Decimal(text) if text else None


def _score_format(precision: int) -> str:
    return "0" if precision == 0 else "0." + "0" * precision


def leaderboard_sheet(
    data: ReportData, board: str = FINAL, category: str | None = None, lang: str = "id"
) -> Sheet:
    _check(data, board, category, lang)
    p = data.event.precision
    lb = data.scorer.leaderboard(board, category)
    header = [
        t(lang, "rank"),
        t(lang, "entry_code"),
        t(lang, "entry"),
        t(lang, "unit"),
        t(lang, "category"),
    ]
    if board == FINAL:
        parts = [s for s in data.event.stages if s.weight > 0]
        header += [s.code for s in parts]
        jurors = []
    else:
        parts = []
        jurors = list(data.event.jurors)
        header += [j.code for j in jurors]
    header += [t(lang, "final_score" if board == FINAL else "panel_score"), t(lang, "status")]
    header.append(HEADERS[lang]["tie"])
    rows: list[list[Cell]] = []
    for r in lb.rows:
        line: list[Cell] = [r.rank, r.entry.code, r.entry.title, r.entry.unit, r.entry.category]
        line += [_decimal(r.stage_scores.get(s.code), p) for s in parts]
        cells = {c.juror_id: c for c in r.juror_cells}
        line += [_decimal(cells[j.id].total, p) if j.id in cells else None for j in jurors]
        line += [
            Decimal(r.display) if r.display else None,
            t(lang, f"status_{r.status}"),
            tie_text(data, lang, r, board) if r.tie_rule else "",
        ]
        rows.append(line)
    first_score = 5
    last_score = 5 + len(parts) + len(jurors)
    formats = {i: _score_format(p) for i in range(first_score, last_score + 1)}
    widths = [10, 12, 40, 24, 20] + [10] * (len(parts) + len(jurors)) + [12, 14, 40]
    title = t(lang, "final") if board == FINAL else board
    return Sheet(title, header, rows, formats, widths, freeze_cols=2)


def matrix_sheets(data: ReportData, stage: str | None = None, lang: str = "id") -> list[Sheet]:
    """One sheet per stage (or the one asked for): a row per entry and juror, a column per criterion."""
    _check(data, stage or FINAL, None, lang)
    stages = [data.stage(stage)] if stage and stage != FINAL else list(data.event.stages)
    return [_matrix(data, s, lang) for s in stages]


def _matrix(data: ReportData, stage: StageSpec, lang: str) -> Sheet:
    scorer = data.scorer
    p = data.event.precision
    words = HEADERS[lang]
    header = [
        t(lang, "entry_code"),
        t(lang, "entry"),
        t(lang, "category"),
        t(lang, "juror"),
        words["juror_name"],
        words["juror_status"],
    ]
    header += [f"{c.code} ({decimal_text(c.weight)}%)" for c in stage.criteria]
    header.append(t(lang, "weighted_total"))
    rows: list[list[Cell]] = []
    for entry in data.event.entries:
        for juror in data.event.jurors:
            status = scorer.juror_status(stage.code, juror.id, entry.id)
            if status not in SHOWN_STATUSES:
                continue
            line: list[Cell] = [
                entry.code,
                entry.title,
                entry.category,
                juror.code,
                juror.name,
                words[status],
            ]
            line += [data.values.get((juror.id, entry.id, c.id)) for c in stage.criteria]
            line.append(_decimal(scorer.juror_total(stage.code, juror.id, entry.id), p))
            rows.append(line)
    n = len(stage.criteria)
    formats = {6 + n: _score_format(p)}
    widths = [12, 36, 18, 8, 24, 16] + [11] * n + [14]
    return Sheet(stage.code, header, rows, formats, widths, freeze_cols=4)


def _check(data: ReportData, board: str, category: str | None, lang: str) -> None:
    if data.kit:
        raise ValidationError.coded(ec.EXPORT_FROM_KIT)
    if lang not in LANGS:
        raise ValidationError.coded(ec.REPORT_LANG, lang=lang)
    if board != FINAL:
        try:
            data.stage(board)
        except KeyError:
            known_stages = ", ".join(s.code for s in data.event.stages) or "none"
            raise ValidationError.coded(
                ec.REPORT_NO_STAGE, stage=board, known=known_stages
            ) from None
    if category and category not in {e.category for e in data.event.entries}:
        known = ", ".join(data.categories) or "none"
        raise ValidationError.coded(ec.REPORT_NO_CATEGORY, category=category, known=known)


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------

HEADER_FILL = PatternFill("solid", fgColor="E4E7EB")
THIN = Side(style="thin", color="999999")


def to_xlsx(sheets: Sequence[Sheet]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for sheet in sheets:
        ws = wb.create_sheet(sheet.title[:31])
        ws.append(sheet.header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = Border(bottom=THIN)
        for row in sheet.rows:
            ws.append(row)
            for cell in ws[ws.max_row]:
                # User text is data, never code: openpyxl would store "=..." as a formula.
                if cell.data_type == "f":
                    cell.data_type = "s"
        for col, fmt in sheet.formats.items():
            for (cell,) in ws.iter_rows(min_row=2, min_col=col + 1, max_col=col + 1):
                cell.number_format = fmt
        for i, width in enumerate(sheet.widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        # The header row and the identifying columns stay in view while scrolling.
        ws.freeze_panes = ws.cell(row=2, column=sheet.freeze_cols + 1)
        ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def to_csv(sheet: Sheet) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(sheet.header)
    for row in sheet.rows:
        writer.writerow(["" if v is None else _csv_value(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _csv_value(value: Cell) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return csv_safe(value)
    return str(value)


# A spreadsheet reads a CSV field starting with one of these as a formula (OWASP, CSV injection).


def export(
    data: ReportData,
    what: str,
    out: Path,
    *,
    board: str = FINAL,
    category: str | None = None,
    lang: str = "id",
) -> int:
    """Write the export to ``out`` (.xlsx or .csv); returns the number of data rows."""
    suffix = out.suffix.lower()
    if what not in WHATS:
        raise ValidationError.coded(ec.EXPORT_UNKNOWN, what_export=what, known=" or ".join(WHATS))
    if suffix not in FORMATS:
        raise ValidationError.coded(ec.EXPORT_SUFFIX, file=out.name, suffix=suffix or "none")
    if what == "leaderboard":
        sheets = [leaderboard_sheet(data, board, category, lang)]
    else:
        if category:
            raise ValidationError.coded(ec.EXPORT_MATRIX_CATEGORY)
        single = board if board != FINAL else None
        if suffix == ".csv" and single is None and len(data.event.stages) > 1:
            codes = " or ".join(s.code for s in data.event.stages)
            raise ValidationError.coded(ec.EXPORT_CSV_ONE_STAGE, codes=codes)
        sheets = matrix_sheets(data, single, lang)
    blob = to_xlsx(sheets) if suffix == ".xlsx" else to_csv(sheets[0])
    write_output(out, blob, "export")
    return sum(len(s.rows) for s in sheets)


# The audit log's export (the window's audit view): the rows its filter shows, oldest first.
AUDIT_HEADERS = {
    "id": [
        "No.",
        "Waktu (UTC)",
        "Pelaku",
        "Tindakan",
        "Sumber",
        "Juri",
        "Peserta",
        "Tahap",
        "Kriteria",
        "Lainnya",
        "Sebelum",
        "Sesudah",
    ],
    "en": [
        "No.",
        "Time (UTC)",
        "Actor",
        "Action",
        "Source",
        "Juror",
        "Entry",
        "Stage",
        "Criterion",
        "Other",
        "Before",
        "After",
    ],
}
AUDIT_WIDTHS = (8, 28, 10, 16, 20, 8, 10, 8, 10, 24, 24, 24)


def audit_sheet(rows: Iterable[AuditLine], lang: str = "id") -> Sheet:
    names = FIELD_NAMES[lang]
    title = "Log audit" if lang == "id" else "Audit log"
    data: list[list[Cell]] = [
        [
            r.id,
            r.at,
            r.actor,
            r.action,
            r.source,
            r.juror,
            r.entry,
            r.stage,
            r.criterion,
            r.other,
            r.old_text(names),
            r.new_text(names),
        ]
        for r in rows
    ]
    return Sheet(title, AUDIT_HEADERS[lang], data, {}, AUDIT_WIDTHS, freeze_cols=1)


def export_audit(rows: Iterable[AuditLine], out: Path, lang: str = "id") -> int:
    """Write audit rows to ``out`` (.xlsx or .csv, through the atomic write); returns the count.

    As every export: user text is a text cell in xlsx, and a CSV field that would start a
    formula gets a leading apostrophe (``csv_safe``)."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError.coded(ec.EXPORT_SUFFIX, file=out.name, suffix=suffix or "none")
    sheet = audit_sheet(rows, lang if lang in LANGS else "id")
    blob = to_xlsx([sheet]) if suffix == ".xlsx" else to_csv(sheet)
    write_output(out, blob, "export")
    return len(sheet.rows)
