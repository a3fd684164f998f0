"""The event workbook (.xlsx): a whole competition in and out of Excel (issue 3 part 4, issue 9 part 6).

Sheets, in order, with lower-case headers (optional columns and sheets in brackets):
    Acara      kunci, nilai          keys nama, tahun, penyelenggara, presisi,
                                     [bulatkan_tahap ya/tidak], [tiebreak standar/tidak ada],
                                     [penanda_tangan, jabatan_penanda_tangan, nama_peringkat,
                                     juara_harapan, peringkat_lain, jumlah_penghargaan,
                                     dasar_hukum] (certificates and the decision letter)
    Tahap      kode, nama, urutan, bobot, metode, [skala_min, skala_maks, batas, kumulatif, sesi,
               toleransi]
    Kriteria   tahap, kode, nama, bobot, min, maks, langkah, deskripsi, [tingkat]
    Peserta    kode, judul, unit, kelompok, ringkasan
    Juri       kode, nama, instansi
    Konflik    juri, peserta, alasan
    Penugasan  tahap, juri, peserta   (a stage with no rows: every juror on every admitted entry)
    Lolos      tahap, peserta         (entries admitted to a later stage; the first admits all)
    Nilai      tahap, juri, peserta, kriteria, nilai, catatan
    [Keputusan tahap, peserta, peringkat, alasan]   (tahap "final" = the final ranking)
    [Komentar  tahap, juri, peserta, komentar]      (a juror's overall comment on an entry)
``tingkat`` holds a criterion's level descriptors, one "VALUE: text" per line. Peserta is
grouped by category in the event's category order, which is how an import learns that order (a
category without entries is not carried). ``sesi`` holds a stage's presentation slot parts in
minutes ("Video 3; Paparan 7; Tanya jawab 13"). Attached files, the logo, submissions and the
audit log stay out of the workbook.

Import is all-or-nothing: the whole workbook is read and checked first (every problem listed by
sheet, row and column), then written in one transaction. It goes into a new event file, or into
an existing one that has no entries and no jurors yet (e.g. made by ``kolabik new --template``),
whose event settings, categories and rubric it then replaces. Imported scores get revision 1; the
writer logs one ``cells.bulk`` row itemising every score and comment written (so `kolabik check`
proves them cell by cell) and the import one ``workbook.import`` row summarising it. Export writes a byte-identical file for the same event: rows in a fixed
order (codes sorted naturally), every timestamp inside the file pinned to 1 January of the event's
year. The cells of big sheets go through ``tabular_xlsx`` (streamed, several times faster than
openpyxl's cell objects) so that a national-scale event stays inside issue 3's time limits.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import (
    EventFileError,
    InputRejected,
    KolabikError,
    Problem,
    ValidationError,
)
from kolabik_desktop.core.exchange.tabular import (
    Problems,
    Table,
    TableRow,
    header_columns,
    numbered,
    read_csv_rows,
    show,
    to_bool,
)
from kolabik_desktop.core.exchange.tabular_xlsx import SheetOut, read_rows, write_xlsx
from kolabik_desktop.core.files import read_regular_file, replacing
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.scoring.model import FINAL, METHODS
from kolabik_desktop.core.scoring.rules import Where
from kolabik_desktop.core.store import audit, dialect
from kolabik_desktop.core.store.db import (
    Change,
    EventDB,
    create_event_file,
    open_event_file,
    utc_now,
)
from kolabik_desktop.core.store.models import (
    Assignment,
    Category,
    Comment,
    Conflict,
    Criterion,
    Decision,
    Entry,
    Event,
    Juror,
    Score,
    Setting,
    Stage,
    StageAdmission,
)
from kolabik_desktop.core.store.queries.presentation import check_slot_parts, slot_parts_json
from kolabik_desktop.core.store.services import (
    decimal_text,
    format_cumulative,
    load_event_spec,
    load_values,
    parse_cumulative,
    parse_decimal,
)
from kolabik_desktop.core.store.tolerance import TOLERANCE_KEY, check_tolerance, stage_tolerances
from kolabik_desktop.core.store.writer import (
    Cell,
    CellsRefused,
    CommentCell,
    ScoreCell,
    collector_paused,
    write_cells,
)

K = TypeVar("K")
R = TypeVar("R")

# progress(done, total, what): what is the sheet being read or written.
Progress = Callable[[int, int, str], None]

REQUIRED_HEADERS: dict[str, tuple[str, ...]] = {
    "Acara": ("kunci", "nilai"),
    "Tahap": ("kode", "nama", "urutan", "bobot", "metode"),
    "Kriteria": ("tahap", "kode", "nama", "bobot", "min", "maks", "langkah", "deskripsi"),
    "Peserta": ("kode", "judul", "unit", "kelompok", "ringkasan"),
    "Juri": ("kode", "nama", "instansi"),
    "Konflik": ("juri", "peserta", "alasan"),
    "Penugasan": ("tahap", "juri", "peserta"),
    "Lolos": ("tahap", "peserta"),
    "Nilai": ("tahap", "juri", "peserta", "kriteria", "nilai", "catatan"),
    "Keputusan": ("tahap", "peserta", "peringkat", "alasan"),
    "Komentar": ("tahap", "juri", "peserta", "komentar"),
}
OPTIONAL_HEADERS: dict[str, tuple[str, ...]] = {
    "Tahap": ("skala_min", "skala_maks", "batas", "kumulatif", "sesi", "toleransi"),
    "Kriteria": ("tingkat",),
}
OPTIONAL_SHEETS = frozenset({"Keputusan", "Komentar"})
SHEETS = tuple(REQUIRED_HEADERS)
# Acara key -> award setting (core/store/awards.py); names joined by "; ", legal bases by lines.
AWARD_ACARA = {
    "penanda_tangan": "award.signer_name",
    "jabatan_penanda_tangan": "award.signer_title",
    "nama_peringkat": "award.places",
    "juara_harapan": "award.honourable",
    "peringkat_lain": "award.group",
    "jumlah_penghargaan": "award.count",
    "dasar_hukum": "decision.legal_bases",
}
ACARA_KEYS = (
    "nama",
    "tahun",
    "penyelenggara",
    "presisi",
    "bulatkan_tahap",
    "tiebreak",
    *AWARD_ACARA,
)
TIEBREAK_WORDS = {
    "standar": "standard",
    "standard": "standard",
    "tidak ada": "none",
    "none": "none",
}
MAX_PRECISION = 6
MAX_XLSX_BYTES = 512 * 1024 * 1024  # far above a national event's workbook
SCORE_BATCH = 10_000

ENTRY_ALIASES = {
    "code": "kode",
    "title": "judul",
    "category": "kelompok",
    "summary": "ringkasan",
}


# ---------------------------------------------------------------------------------------------
# The workbook's content as plain data
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventRow:
    name: str
    year: int | None = None
    organiser: str = ""
    precision: int = 2
    round_stage_scores: bool = False
    tiebreak: str = "standard"  # "standard" or "none" (Event.tiebreak)
    # (setting key, stored text) of the award settings the workbook names; the rest keep defaults
    awards: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class StageRow:
    code: str
    name: str
    position: int
    weight: Decimal
    method: str
    scale_min: Decimal = Decimal(0)
    scale_max: Decimal = Decimal(100)
    band: Decimal | None = None
    cumulative: tuple[tuple[str, Decimal], ...] = ()
    slot_parts: str = ""  # JSON as stored in Stage.slot_parts
    tolerance: Decimal | None = None  # juror statistics' outlier limit; None = 10 % of the scale


@dataclass(frozen=True)
class CriterionRow:
    stage: str
    code: str
    name: str
    weight: Decimal
    min_value: Decimal = Decimal(0)
    max_value: Decimal = Decimal(100)
    step: Decimal = Decimal(1)
    description: str = ""
    descriptors: str = ""  # JSON as stored in Criterion.descriptors


@dataclass(frozen=True)
class EntryRow:
    code: str
    title: str
    unit: str = ""
    category: str = ""
    summary: str = ""


@dataclass(frozen=True)
class JurorRow:
    code: str
    name: str
    affiliation: str = ""


class ConflictRow(NamedTuple):
    juror: str
    entry: str
    reason: str = ""


class AssignmentRow(NamedTuple):
    stage: str
    juror: str
    entry: str


class AdmissionRow(NamedTuple):
    stage: str
    entry: str


class ScoreRow(NamedTuple):
    stage: str
    juror: str
    entry: str
    criterion: str
    value: Decimal | None
    note: str = ""


class DecisionRow(NamedTuple):
    stage: str  # a stage code, or FINAL
    entry: str
    rank: int
    reason: str = ""


class CommentRow(NamedTuple):
    stage: str
    juror: str
    entry: str
    text: str


@dataclass(frozen=True)
class WorkbookData:
    """A competition as the workbook holds it: codes, never database ids."""

    event: EventRow
    stages: tuple[StageRow, ...]
    criteria: tuple[CriterionRow, ...]
    categories: tuple[str, ...]  # in display order
    entries: tuple[EntryRow, ...]
    jurors: tuple[JurorRow, ...]
    conflicts: tuple[ConflictRow, ...] = ()
    assignments: tuple[AssignmentRow, ...] = ()
    admissions: tuple[AdmissionRow, ...] = ()
    scores: tuple[ScoreRow, ...] = ()
    decisions: tuple[DecisionRow, ...] = ()
    comments: tuple[CommentRow, ...] = ()


# ---------------------------------------------------------------------------------------------
# Level descriptors: "VALUE: text" lines in the workbook, JSON in the event file
# ---------------------------------------------------------------------------------------------


# store.setup imports this module (entry lists), so its helpers are imported where used.


def descriptors_to_lines(descriptors: str) -> str:
    from kolabik_desktop.core.store.setup import descriptor_lines

    try:
        return descriptor_lines(descriptors)
    except (ValueError, TypeError, KeyError):
        # Not in the known shape: carried as it is, so nothing is silently lost.
        return descriptors


def descriptors_from_lines(text: str) -> tuple[str, rules.Problem | None]:
    """(JSON, problem): 'VALUE: text' lines as the JSON the setup screens store."""
    from kolabik_desktop.core.store.setup import parse_descriptor_lines

    try:
        return parse_descriptor_lines(text), None
    except ValidationError as exc:
        return "", exc.problem or rules.Problem(ec.INPUT_ERROR, {"text": str(exc)})


def slots_to_text(slot_parts: str) -> str:
    """Presentation slot parts JSON as 'Video 3; Paparan 7' (minutes)."""
    if not slot_parts:
        return ""
    try:
        parts = json.loads(slot_parts)
        return "; ".join(
            f"{p['name']} {decimal_text(Decimal(repr(float(p['minutes']))))}" for p in parts
        )
    except (ValueError, TypeError, KeyError):
        return slot_parts  # not in the known shape: carried as it is


def slots_from_text(text: str) -> tuple[str, rules.Problem | None]:
    """(JSON, problem): 'Video 3; Paparan 7' as the JSON the presentation timer reads. This only
    reads each part as a name and a number; the slot rule (named, above 0 minutes) is the read
    layer's ``check_slot_parts``, the one setup writes with."""
    items = []
    for item in text.replace("\n", ";").split(";"):
        if not item.strip():
            continue
        name, sep, minutes_text = item.strip().rpartition(" ")
        if not sep or parse_decimal(minutes_text) is None:  # not NAME MINUTES ('Video tiga')
            return "", rules.Problem(ec.SLOTS_PART, {"text": item.strip()})
        items.append({"name": name, "minutes": minutes_text})
    if not items:
        return "", None
    try:
        parts = check_slot_parts(items)
    except ValidationError as exc:
        return "", exc.problem or rules.Problem(ec.SLOTS_PART, {"text": text.strip()})
    return slot_parts_json(parts), None


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def _file_problem(path: Path, exc: BaseException) -> Problem:
    """A file that cannot be read, as a problem at the file (a coded error keeps its code)."""
    found = getattr(exc, "problem", None)
    if isinstance(found, Problem):
        return found.at(Where(str(path)))
    return Problem(ec.INPUT_ERROR, {"text": str(exc)}, Where(str(path)))


def _open_xlsx(path: Path) -> Any:
    source = path.name
    if not path.exists():
        raise InputRejected(source, [Problem(ec.INPUT_FILE_NOT_FOUND, {}, Where(str(path)))])
    try:
        # A regular file of bounded size, read once: a FIFO or a device is refused at once.
        data = read_regular_file(path, MAX_XLSX_BYTES, "workbook (.xlsx)")
    except KolabikError as exc:
        raise InputRejected(source, [_file_problem(path, exc)]) from None
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise InputRejected(
            source, [Problem(ec.INPUT_NOT_XLSX, {"detail": str(exc)}, Where(str(path)))]
        ) from None


def _sheet_table(
    wb: Any,
    sheet: str,
    problems: Problems,
    progress: Progress | None = None,
) -> Table | None:
    """The named sheet (its name matched without regard to case) as a Table, or None."""
    names = {name.lower(): name for name in wb.sheetnames}
    actual = names.get(sheet.lower())
    if actual is None:
        if sheet not in OPTIONAL_SHEETS:
            problems.add(sheet, None, None, ec.INPUT_SHEET_MISSING, sheet=sheet)
        return None
    ws = wb[actual]
    total = ws.max_row or 0
    merged: list[str] = []
    rows = read_rows(ws, merged)
    header = next(rows, (1, []))[1]
    columns = header_columns(sheet, header, REQUIRED_HEADERS[sheet], problems)
    if columns is None:
        return None

    def counted() -> Iterator[tuple[int, Sequence[Any]]]:
        for i, (number, cells) in enumerate(rows):
            if progress is not None and i % SCORE_BATCH == 0:
                progress(number, total, sheet)
            yield number, cells

    return Table(sheet, columns, counted(), problems, merged)


def _check_code(row: TableRow, column: str, code: str) -> bool:
    """The setup screens' rule: codes end up in file names and kit names."""
    from kolabik_desktop.core.store.setup import CODE_PATTERN

    if not code:
        return False
    if not CODE_PATTERN.match(code):
        row.problem(column, ec.INPUT_NOT_CODE, text=show(code))
        return False
    return True


def _first_time(
    row: TableRow, seen: dict[K, int], key: K, column: str, repeat: str, /, **params: object
) -> bool:
    """Remember the row a key first came in; a repeat (a code) is reported, naming that row."""
    if key in seen:
        row.problem(column, repeat, first=seen[key], **params)
        return False
    seen[key] = row.number
    return True


def _read_event(table: Table | None) -> EventRow:
    if table is None:
        return EventRow(name="")
    seen: dict[str, int] = {}
    name, year, organiser, precision, round_stages, tiebreak = "", None, "", 2, False, "standard"
    awards: dict[str, str] = {}
    for row in table:
        key = row.text("kunci", required=True).lower()
        if not key:
            continue
        if key not in ACARA_KEYS:
            row.problem("kunci", ec.WB_UNKNOWN_KEY, key=show(key), known=", ".join(ACARA_KEYS))
            continue
        if not _first_time(row, seen, key, "kunci", ec.WB_KEY_TWICE, key=show(key)):
            continue
        if key == "nama":
            name = row.text("nilai", required=True, kind="event_name")
        elif key == "tahun":
            year = row.integer("nilai")
        elif key == "penyelenggara":
            organiser = row.text("nilai", kind="organiser")
        elif key == "presisi":
            p = row.integer("nilai", default=2)
            if p is not None and not 0 <= p <= MAX_PRECISION:
                row.problem("nilai", ec.WB_PRECISION, max=MAX_PRECISION)
            elif p is not None:
                precision = p
        elif key == "bulatkan_tahap":
            raw = row.raw("nilai")
            flag = False if raw is None else to_bool(raw)
            if flag is None:
                row.problem("nilai", ec.WB_NOT_YES_NO, text=show(raw))
            else:
                round_stages = flag
        elif key == "tiebreak":
            word = row.text("nilai").lower() or "standar"
            if word not in TIEBREAK_WORDS:
                row.problem("nilai", ec.WB_TIEBREAK, text=show(word))
            else:
                tiebreak = TIEBREAK_WORDS[word]
        elif key in AWARD_ACARA:
            _read_award(row, key, awards)
    if "nama" not in seen:
        table.problems.add("Acara", None, "kunci", ec.WB_NAME_MISSING)
    return EventRow(
        name, year, organiser, precision, round_stages, tiebreak, tuple(sorted(awards.items()))
    )


def _read_award(row: TableRow, key: str, awards: dict[str, str]) -> None:
    """One award setting, checked by the setup rule (core/store/awards.py)."""
    from kolabik_desktop.core.store import awards as award_rules

    setting = AWARD_ACARA[key]
    if key == "jumlah_penghargaan":
        count = row.integer("nilai", required=True)
        if count is None:
            return
        if not 1 <= count <= award_rules.MAX_COUNT:
            row.problem("nilai", ec.WB_AWARD_COUNT, count=count, max=award_rules.MAX_COUNT)
            return
        value = str(count)
    elif key == "dasar_hukum":
        raw = row.raw("nilai")
        value = "" if raw is None else str(raw).replace("\r\n", "\n").strip()
    elif key in ("nama_peringkat", "juara_harapan"):
        value = award_rules.join_names(award_rules.split_names(row.text("nilai")))
    else:
        value = row.text("nilai")
    try:
        award_rules.check_award_settings(award_rules.read_award_settings({setting: value}))
    except KolabikError as exc:
        row.error("nilai", exc)
        return
    awards[setting] = value


def _read_stages(table: Table | None) -> tuple[list[StageRow], dict[str, int], set[str] | None]:
    """(stages without problems, row of each well-formed code, every code typed)."""
    stages: list[StageRow] = []
    rows: dict[str, int] = {}
    if table is None:
        return stages, rows, None
    typed: set[str] = set()
    positions: dict[int, int] = {}
    for row in table:
        code = row.code("kode")
        typed.add(code)
        name = row.text("nama", required=True, kind="stage_name")
        position = row.integer("urutan", required=True)
        weight = row.decimal("bobot", required=True)
        method = row.text("metode", required=True).lower()
        scale_min = row.decimal("skala_min", default=Decimal(0))
        scale_max = row.decimal("skala_maks", default=Decimal(100))
        band = row.decimal("batas")
        cumulative_text = row.text("kumulatif")
        ok = _check_code(row, "kode", code)
        if ok and code.lower() == FINAL:
            row.problem("kode", ec.WB_STAGE_FINAL, final=FINAL)
            ok = False
        if ok and code in rows:
            row.problem("kode", ec.WB_STAGE_TWICE, stage=show(code), first=rows[code])
            ok = False
        if position is not None:
            if position in positions:
                row.problem("urutan", ec.WB_ORDER_TWICE, order=position, first=positions[position])
            positions.setdefault(position, row.number)
        if weight is not None and not 0 <= weight <= 100:
            row.problem("bobot", ec.WB_STAGE_WEIGHT, text=show(row.raw("bobot")))
            weight = None
        if method and method not in METHODS:
            row.problem("metode", ec.WB_METHOD, text=show(method), known=", ".join(METHODS))
        if scale_min is not None and scale_max is not None and scale_min >= scale_max:
            row.problem("skala_maks", ec.WB_SCALE_EMPTY, min=scale_min, max=scale_max)
        if method == "banded" and band is None and row.raw("batas") is None:
            row.problem("batas", ec.WB_BAND_NEEDED)
        if band is not None and band <= 0:
            row.problem("batas", ec.WB_BAND_POSITIVE, text=show(row.raw("batas")))
        cumulative: tuple[tuple[str, Decimal], ...] = ()
        if cumulative_text:
            try:
                cumulative = parse_cumulative(cumulative_text)
            except ValueError as exc:
                row.problem(
                    "kumulatif", ec.WB_CUMULATIVE, token=str(exc.args[0] if exc.args else "")
                )
        slot_parts, bad = slots_from_text(row.text("sesi"))
        if bad:
            row.rule("sesi", bad)
        tolerance = row.decimal("toleransi")
        if tolerance is not None and scale_min is not None and scale_max is not None:
            try:
                check_tolerance("toleransi", tolerance, scale_min, scale_max)
            except ValidationError as exc:
                row.error("toleransi", exc)
                tolerance = None
        if not ok:
            continue
        rows[code] = row.number
        if (
            name
            and position is not None
            and weight is not None
            and method in METHODS
            and scale_min is not None
            and scale_max is not None
        ):
            stages.append(
                StageRow(
                    code,
                    name,
                    position,
                    weight,
                    method,
                    scale_min,
                    scale_max,
                    band,
                    cumulative,
                    slot_parts,
                    tolerance,
                )
            )
    return stages, rows, typed


# The column of the sheet Tahap each stage rule points at.
_STAGE_COLUMN = {
    rules.STAGE_WEIGHTS: "bobot",
    rules.STAGE_SCALES_DIFFER: "skala_min",
    rules.CUMULATIVE_WEIGHT: "kumulatif",
    rules.CUMULATIVE_TOTAL: "kumulatif",
    rules.CUMULATIVE_UNKNOWN: "kumulatif",
    rules.CUMULATIVE_LATER: "kumulatif",
    rules.CUMULATIVE_TWICE: "kumulatif",
}


def _check_stage_rules(stages: list[StageRow], rows: dict[str, int], problems: Problems) -> None:
    """The stage rules over all stages (core/scoring/rules.py): stage weights adding to 100,
    one scale, cumulative blends over this and earlier stages, each part above 0, adding to 100.
    Each stage's own weight and scale were checked on its row."""
    found = rules.stage_problems(
        rules.StageRule(s.code, s.position, s.weight, s.scale_min, s.scale_max, None, s.cumulative)
        for s in stages
    )
    for p in found:
        column = _STAGE_COLUMN.get(p.code)
        if column is None:
            continue  # reported on the stage's own row already
        stage = p.params.get("stage")
        row = rows.get(stage) if isinstance(stage, str) else None
        problems.note("Tahap", row, column, p)


def _read_criteria(
    table: Table | None, stage_codes: dict[str, int], stages_typed: set[str] | None
) -> tuple[list[CriterionRow], set[tuple[str, str]] | None]:
    """(criteria without problems, every (stage, code) typed)."""
    criteria: list[CriterionRow] = []
    if table is None:
        return criteria, None
    typed: set[tuple[str, str]] = set()
    seen: dict[tuple[str, str], int] = {}
    for row in table:
        stage = row.code("tahap")
        code = row.code("kode")
        typed.add((stage, code))
        name = row.text("nama", required=True, kind="criterion_name")
        weight = row.decimal("bobot", required=True)
        lo = row.decimal("min", default=Decimal(0))
        hi = row.decimal("maks", default=Decimal(100))
        step = row.decimal("langkah", default=Decimal(1))
        description = row.text("deskripsi", strip=False, kind="criterion_description")
        descriptors, bad = descriptors_from_lines(row.text("tingkat", kind="descriptors"))
        if bad:
            row.rule("tingkat", bad)
        ok = _check_code(row, "kode", code)
        if stage and stage not in stage_codes:
            if stages_typed is not None and stage not in stages_typed:
                row.problem("tahap", ec.WB_UNKNOWN_STAGE, code=show(stage))
            ok = False
        if ok and (stage, code) in seen:
            row.problem(
                "kode", ec.WB_CRITERION_TWICE, code=code, stage=stage, first=seen[stage, code]
            )
            ok = False
        if weight is not None and weight < 0:
            row.problem("bobot", ec.WB_WEIGHT_NEGATIVE, text=show(row.raw("bobot")))
            weight = None
        if lo is not None and hi is not None and lo >= hi:
            row.problem("maks", ec.WB_RANGE_EMPTY, min=lo, max=hi)
            hi = None
        if step is not None and step <= 0:
            row.problem("langkah", ec.WB_STEP_POSITIVE, text=show(row.raw("langkah")))
            step = None
        if not ok or not stage:
            continue
        seen[stage, code] = row.number
        if name and weight is not None and lo is not None and hi is not None and step is not None:
            criteria.append(
                CriterionRow(stage, code, name, weight, lo, hi, step, description, descriptors)
            )
    return criteria, typed


def _read_coded(
    table: Table | None, what: str, read: Callable[[TableRow, str], R | None]
) -> tuple[list[R], set[str] | None]:
    """(rows without problems, every code typed) of a sheet keyed by its column kode."""
    items: list[R] = []
    if table is None:
        return items, None
    typed: set[str] = set()
    seen: dict[str, int] = {}
    for row in table:
        code = row.code("kode")
        typed.add(code)
        item = read(row, code)  # every cell is checked, whatever the code's own problems
        if not _check_code(row, "kode", code):
            continue
        if not _first_time(row, seen, code, "kode", _TWICE[what], code=code):
            continue
        if item is not None:
            items.append(item)
    return items, typed


def _entry_row(row: TableRow, code: str) -> EntryRow | None:
    title = row.text("judul", required=True, kind="title")
    unit = row.text("unit", kind="unit")
    category = row.text("kelompok", kind="category")
    summary = row.text("ringkasan", strip=False, kind="summary")
    return EntryRow(code, title, unit, category, summary) if title else None


def _juror_row(row: TableRow, code: str) -> JurorRow | None:
    name = row.text("nama", required=True, kind="juror_name")
    return JurorRow(code, name, row.text("instansi", kind="affiliation")) if name else None


@dataclass
class _Known:
    """What cross-references are checked against.

    A code typed in its sheet on a row with problems of its own (``*_typed``), or any code when
    its sheet is missing, is not reported again as unknown: the first problem is the one to fix.
    """

    stages: dict[str, StageRow]
    entries: set[str]
    jurors: set[str]
    stages_typed: set[str] | None  # None: the sheet is missing
    entries_typed: set[str] | None
    jurors_typed: set[str] | None

    def _ref(
        self, row: TableRow, column: str, codes: Container[str], typed: set[str] | None, what: str
    ) -> str | None:
        code = row.code(column)
        if not code:
            return None
        if code not in codes:
            if typed is not None and code not in typed:
                row.problem(column, _UNKNOWN[what], code=show(code))
            return None
        return code

    def stage(self, row: TableRow, column: str = "tahap") -> str | None:
        return self._ref(row, column, self.stages, self.stages_typed, "stage")

    def entry(self, row: TableRow, column: str = "peserta") -> str | None:
        return self._ref(row, column, self.entries, self.entries_typed, "entry")

    def juror(self, row: TableRow, column: str = "juri") -> str | None:
        return self._ref(row, column, self.jurors, self.jurors_typed, "juror")


_UNKNOWN = {
    "stage": ec.WB_UNKNOWN_STAGE,
    "entry": ec.WB_UNKNOWN_ENTRY,
    "juror": ec.WB_UNKNOWN_JUROR,
}
_TWICE = {"entry": ec.WB_ENTRY_TWICE, "juror": ec.WB_JUROR_TWICE}


def read_workbook(path: str | Path, *, progress: Progress | None = None) -> WorkbookData:
    """Read and check a whole event workbook; raise InputRejected listing every problem."""
    path = Path(path)
    wb = _open_xlsx(path)
    problems = Problems()
    try:
        tables = {s: _sheet_table(wb, s, problems, progress) for s in SHEETS}
        data = _read_tables(tables, problems)
    finally:
        wb.close()
    if data is None:
        raise InputRejected(path.name, problems.items)
    return data


def _read_tables(tables: dict[str, Table | None], problems: Problems) -> WorkbookData | None:
    """Every sheet read once, in order; None when there is any problem."""
    event = _read_event(tables["Acara"])
    stages, stage_rows, stages_typed = _read_stages(tables["Tahap"])
    _check_stage_rules(stages, stage_rows, problems)
    criteria, criteria_typed = _read_criteria(tables["Kriteria"], stage_rows, stages_typed)
    entries, entries_typed = _read_coded(tables["Peserta"], "entry", _entry_row)
    jurors, jurors_typed = _read_coded(tables["Juri"], "juror", _juror_row)
    known = _Known(
        stages={s.code: s for s in stages},
        entries={e.code for e in entries},
        jurors={j.code for j in jurors},
        stages_typed=stages_typed,
        entries_typed=entries_typed,
        jurors_typed=jurors_typed,
    )
    _check_weights(stages, criteria, tables["Kriteria"], problems)
    stages.sort(key=lambda s: s.position)
    first_stage = stages[0].code if stages else None
    conflicts = _read_conflicts(tables["Konflik"], known)
    admissions = _read_admissions(tables["Lolos"], known, first_stage)
    admitted: dict[str, set[str]] = {}
    for adm in admissions:
        admitted.setdefault(adm.stage, set()).add(adm.entry)

    def in_stage(stage: str, entry: str) -> bool:
        return stage == first_stage or entry in admitted.get(stage, ())

    # A score or comment of a recused, unassigned or not admitted juror/entry is refused, as
    # every other write path refuses it (the gate); the export leaves such cells out (README).
    assignments = _read_assignments(tables["Penugasan"], known)
    gate = _Gate(_eligibility(first_stage, conflicts, admissions, assignments))
    criteria_by_key = {(c.stage, c.code): c for c in criteria}
    scores = _read_scores(tables["Nilai"], known, criteria_by_key, criteria_typed, gate)
    decisions = _read_decisions(tables["Keputusan"], known, stages, in_stage)
    comments = _read_comments(tables["Komentar"], known, gate)
    if problems:
        return None
    categories: list[str] = []
    for e in entries:
        if e.category and e.category not in categories:
            categories.append(e.category)
    stage_order = {s.code: i for i, s in enumerate(stages)}
    return WorkbookData(
        event=event,
        stages=tuple(stages),
        criteria=tuple(sorted(criteria, key=lambda c: stage_order[c.stage])),
        categories=tuple(categories),
        entries=tuple(entries),
        jurors=tuple(jurors),
        conflicts=tuple(conflicts),
        assignments=tuple(assignments),
        admissions=tuple(admissions),
        scores=tuple(scores),
        decisions=tuple(decisions),
        comments=tuple(comments),
    )


def _eligibility(
    first_stage: str | None,
    conflicts: list[ConflictRow],
    admissions: list[AdmissionRow],
    assignments: list[AssignmentRow],
) -> rules.Eligibility:
    admitted: dict[str, set[str]] = {}
    for adm in admissions:
        admitted.setdefault(adm.stage, set()).add(adm.entry)
    assigned: dict[str, set[tuple[str, str]]] = {}
    for a in assignments:
        assigned.setdefault(a.stage, set()).add((a.juror, a.entry))
    return rules.Eligibility(
        first_stage=first_stage,
        recused=frozenset((c.juror, c.entry) for c in conflicts),
        admitted={k: frozenset(v) for k, v in admitted.items()},
        assigned={k: frozenset(v) for k, v in assigned.items()},
    )


def _check_weights(
    stages: list[StageRow],
    criteria: list[CriterionRow],
    table: Table | None,
    problems: Problems,
) -> None:
    if table is None:
        return
    totals: dict[str, Decimal] = {s.code: Decimal(0) for s in stages}
    for c in criteria:
        totals[c.stage] = totals.get(c.stage, Decimal(0)) + c.weight
    for stage in stages:
        total = totals[stage.code]
        if total != 100:
            problems.add(
                "Kriteria", None, "bobot", rules.CRITERIA_WEIGHTS, stage=stage.code, total=total
            )


def _read_conflicts(table: Table | None, known: _Known) -> list[ConflictRow]:
    rows: list[ConflictRow] = []
    if table is None:
        return rows
    seen: dict[tuple[str, str], int] = {}
    for row in table:
        juror = known.juror(row)
        entry = known.entry(row)
        reason = row.text("alasan", strip=False, kind="reason")
        if juror is None or entry is None:
            continue
        if not _first_time(row, seen, (juror, entry), "peserta", ec.WB_PAIR_TWICE):
            continue
        rows.append(ConflictRow(juror, entry, reason))
    return rows


def _read_admissions(
    table: Table | None, known: _Known, first_stage: str | None
) -> list[AdmissionRow]:
    rows: list[AdmissionRow] = []
    if table is None:
        return rows
    seen: dict[tuple[str, str], int] = {}
    for row in table:
        stage = known.stage(row)
        entry = known.entry(row)
        if stage is None or entry is None:
            continue
        if stage == first_stage:
            row.problem("tahap", ec.WB_FIRST_STAGE_ADMITS, stage=stage)
            continue
        if not _first_time(row, seen, (stage, entry), "peserta", ec.WB_ROW_TWICE):
            continue
        rows.append(AdmissionRow(stage, entry))
    return rows


def _read_assignments(table: Table | None, known: _Known) -> list[AssignmentRow]:
    rows: list[AssignmentRow] = []
    if table is None:
        return rows
    seen: dict[tuple[str, str, str], int] = {}
    for row in table:
        stage = known.stage(row)
        juror = known.juror(row)
        entry = known.entry(row)
        if stage is None or juror is None or entry is None:
            continue
        key = (stage, juror, entry)
        if not _first_time(row, seen, key, "peserta", ec.WB_ROW_TWICE):
            continue
        rows.append(AssignmentRow(stage, juror, entry))
    return rows


def _read_scores(
    table: Table | None,
    known: _Known,
    criteria: dict[tuple[str, str], CriterionRow],
    criteria_typed: set[tuple[str, str]] | None,
    gate: _Gate,
) -> list[ScoreRow]:
    rows: list[ScoreRow] = []
    if table is None:
        return rows
    seen: dict[tuple[str, str, str, str], int] = {}
    # The same few values recur on every juror's form: each is checked once per criterion.
    checked: dict[tuple[str, str, Decimal], rules.Problem | None] = {}
    for row in table:
        stage = known.stage(row)
        juror = known.juror(row)
        entry = known.entry(row)
        code = row.code("kriteria")
        value = row.decimal("nilai")
        note = row.text("catatan", strip=False, kind="note")
        if stage is None or juror is None or entry is None or not code:
            continue
        criterion = criteria.get((stage, code))
        if criterion is None:
            if criteria_typed is not None and (stage, code) not in criteria_typed:
                row.problem("kriteria", ec.WB_UNKNOWN_CRITERION, code=show(code), stage=stage)
            continue
        key = (stage, juror, entry, code)
        if not _first_time(row, seen, key, "nilai", ec.WB_SCORE_TWICE):
            continue
        if value is not None:
            value_key = (stage, code, value)
            if value_key not in checked:
                lo, hi, step = criterion.min_value, criterion.max_value, criterion.step
                checked[value_key] = rules.value_problem(value, lo, hi, step)
            if row.rule("nilai", checked[value_key]):
                continue
        elif row.raw("nilai") is not None:
            continue  # not a number: already reported
        elif not note:
            continue  # an empty cell with no note carries nothing
        if gate.refuses(row, juror, entry, stage):
            continue
        rows.append(ScoreRow(stage, juror, entry, code, value, note))
    return rows


# The column each eligibility problem points at.
_ELIGIBILITY_COLUMN = {
    rules.CELL_RECUSED: "juri",
    rules.CELL_NOT_ADMITTED: "peserta",
    rules.CELL_NOT_ASSIGNED: "juri",
}


class _Gate:
    """The gate's eligibility rule on workbook rows: refused where any other path refuses it."""

    def __init__(self, eligibility: rules.Eligibility):
        self.eligibility = eligibility
        # One answer per juror, entry and stage: a juror's form has a row per criterion.
        self.known: dict[tuple[str, str, str], rules.Problem | None] = {}

    def refuses(self, row: TableRow, juror: str, entry: str, stage: str) -> bool:
        key = (juror, entry, stage)
        if key not in self.known:
            names = {"juror": juror, "entry": entry, "stage": stage}
            self.known[key] = rules.eligibility_problem(
                self.eligibility, juror, entry, stage, names
            )
        found = self.known[key]
        return found is not None and row.rule(_ELIGIBILITY_COLUMN[found.code], found)


def _read_decisions(
    table: Table | None,
    known: _Known,
    stages: list[StageRow],
    in_stage: Callable[[str, str], bool],
) -> list[DecisionRow]:
    rows: list[DecisionRow] = []
    if table is None:
        return rows
    weighted = [s.code for s in stages if s.weight > 0]
    seen: dict[tuple[str, str], int] = {}
    for row in table:
        stage_text = row.code("tahap")
        stage: str | None = FINAL if stage_text.lower() == FINAL else known.stage(row)
        entry = known.entry(row)
        rank = row.integer("peringkat", required=True)
        reason = row.text("alasan", strip=False, kind="reason")
        if rank is not None and rank < 1:
            row.problem("peringkat", ec.WB_PLACE, rank=rank)
            rank = None
        if stage is None or entry is None or rank is None:
            continue
        if not _first_time(row, seen, (stage, entry), "peserta", ec.WB_DECISION_TWICE):
            continue
        if stage == FINAL:
            if not weighted:
                row.problem("tahap", ec.WB_NO_FINAL)
                continue
            missing = [s for s in weighted if not in_stage(s, entry)]
            if missing:
                row.problem("peserta", ec.WB_NOT_IN_FINAL, entry=entry, stages=", ".join(missing))
                continue
        elif not in_stage(stage, entry):
            row.problem("peserta", ec.WB_NOT_IN_STAGE, entry=entry, stage=stage)
            continue
        rows.append(DecisionRow(stage, entry, rank, reason))
    return rows


def _read_comments(table: Table | None, known: _Known, gate: _Gate) -> list[CommentRow]:
    rows: list[CommentRow] = []
    if table is None:
        return rows
    seen: dict[tuple[str, str, str], int] = {}
    for row in table:
        stage = known.stage(row)
        juror = known.juror(row)
        entry = known.entry(row)
        text = row.text("komentar", strip=False, kind="comment")
        if stage is None or juror is None or entry is None or not text:
            continue
        key = (stage, juror, entry)
        if not _first_time(row, seen, key, "komentar", ec.WB_COMMENT_TWICE):
            continue
        if gate.refuses(row, juror, entry, stage):
            continue
        rows.append(CommentRow(stage, juror, entry, text))
    return rows


def read_entries_list(path: str | Path) -> list[EntryRow]:
    """A plain list of entries (xlsx or csv) for the setup screens; InputRejected on any problem.

    Columns kode, judul, unit, kelompok, ringkasan (or code, title, unit, category, summary);
    only kode and judul are required. An xlsx is read from its sheet "Peserta", else its first.
    """
    path = Path(path)
    problems = Problems()
    required = ("kode", "judul")
    if path.suffix.lower() == ".csv":
        if not path.exists():
            raise InputRejected(path.name, [Problem(ec.INPUT_FILE_NOT_FOUND, {}, Where(str(path)))])
        try:
            raw = read_csv_rows(path)
        except OSError as exc:
            raise InputRejected(path.name, [_file_problem(path, exc)]) from None
        sheet = path.name
        columns = header_columns(sheet, raw[0] if raw else [], required, problems, ENTRY_ALIASES)
        table = Table(sheet, columns, numbered(raw[1:]), problems) if columns else None
        entries, _ = _read_coded(table, "entry", _entry_row)
    else:
        wb = _open_xlsx(path)
        try:
            names = {n.lower(): n for n in wb.sheetnames}
            sheet = names.get("peserta", wb.sheetnames[0])
            merged: list[str] = []
            rows = read_rows(wb[sheet], merged)
            header = next(rows, (1, []))[1]
            columns = header_columns(sheet, header, required, problems, ENTRY_ALIASES)
            table = Table(sheet, columns, rows, problems, merged) if columns else None
            entries, _ = _read_coded(table, "entry", _entry_row)
        finally:
            wb.close()
    if not problems and not entries:
        problems.add(path.name, None, None, ec.WB_NO_ENTRIES)
    if problems:
        raise InputRejected(path.name, problems.items)
    return entries


# ---------------------------------------------------------------------------------------------
# The event file as WorkbookData
# ---------------------------------------------------------------------------------------------


def _natural(code: str) -> tuple[Any, ...]:
    """Sort key that puts J2 before J10; the raw code last keeps the order total."""
    parts = re.split(r"(\d+)", code.lower())
    return (tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts), code)


def _eligibility_of(session: Session, first_stage: int | None) -> rules.Eligibility:
    admitted: dict[int, set[int]] = {}
    for stage, entry in session.execute(select(StageAdmission.stage_id, StageAdmission.entry_id)):
        admitted.setdefault(stage, set()).add(entry)
    assigned: dict[int, set[tuple[int, int]]] = {}
    for stage, juror, entry in session.execute(
        select(Assignment.stage_id, Assignment.juror_id, Assignment.entry_id)
    ):
        assigned.setdefault(stage, set()).add((juror, entry))
    return rules.Eligibility(
        first_stage=first_stage,
        recused=frozenset(session.execute(select(Conflict.juror_id, Conflict.entry_id)).all()),
        admitted={k: frozenset(v) for k, v in admitted.items()},
        assigned={k: frozenset(v) for k, v in assigned.items()},
    )


def _award_settings(session: Session) -> tuple[tuple[str, str], ...]:
    """The award settings the event has set (defaults are not written); the signature image,
    like the logo, stays out of the workbook."""
    keys = tuple(AWARD_ACARA.values())
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(keys)))
    return tuple(sorted((k, v) for k, v in rows.all()))


def event_workbook_data(session: Session) -> WorkbookData:
    """Everything the workbook carries, in the fixed order the export writes it."""
    ev = session.scalars(select(Event)).one()
    stage_rows = session.scalars(select(Stage).order_by(Stage.position, Stage.id)).all()
    stage_code = {s.id: s.code for s in stage_rows}
    stage_order = {s.id: i for i, s in enumerate(stage_rows)}
    tolerances = stage_tolerances(session)
    categories = session.scalars(select(Category).order_by(Category.position, Category.name)).all()
    category_name = {c.id: c.name for c in categories}
    category_order = {c.id: i for i, c in enumerate(categories)}
    entry_rows = session.execute(
        select(Entry.id, Entry.code, Entry.title, Entry.unit, Entry.category_id, Entry.summary)
    ).all()
    # Grouped by category (in its order) so that importing the file keeps the categories' order.
    entry_rows = sorted(
        entry_rows,
        key=lambda r: (category_order.get(r.category_id, len(categories)), _natural(r.code)),
    )
    entry_code = {r.id: r.code for r in entry_rows}
    entry_order = {r.id: i for i, r in enumerate(entry_rows)}
    juror_rows = sorted(
        session.execute(select(Juror.id, Juror.code, Juror.name, Juror.affiliation)).all(),
        key=lambda r: _natural(r.code),
    )
    juror_code = {r.id: r.code for r in juror_rows}
    juror_order = {r.id: i for i, r in enumerate(juror_rows)}
    criteria = session.scalars(select(Criterion)).all()
    criteria = sorted(criteria, key=lambda c: (stage_order[c.stage_id], c.position, c.id))
    criterion_key = {c.id: (c.stage_id, c.code) for c in criteria}
    criterion_order = {c.id: i for i, c in enumerate(criteria)}

    conflicts = sorted(
        session.execute(select(Conflict.juror_id, Conflict.entry_id, Conflict.reason)).all(),
        key=lambda r: (juror_order[r[0]], entry_order[r[1]]),
    )
    assignments = sorted(
        session.execute(
            select(Assignment.stage_id, Assignment.juror_id, Assignment.entry_id)
        ).all(),
        key=lambda r: (stage_order[r[0]], juror_order[r[1]], entry_order[r[2]]),
    )
    first_stage = stage_rows[0].id if stage_rows else None
    admissions = sorted(
        (
            r
            for r in session.execute(select(StageAdmission.stage_id, StageAdmission.entry_id))
            if r[0] != first_stage
        ),
        key=lambda r: (stage_order[r[0]], entry_order[r[1]]),
    )
    score_rows = session.execute(
        select(Score.juror_id, Score.entry_id, Score.criterion_id, Score.value, Score.note)
    ).all()
    # Cells the gate would refuse on import (kept in the event from before a recusal or an
    # admission change, and counting for nothing) stay out of the workbook (README).
    eligibility = _eligibility_of(session, first_stage)

    names = {"juror": "", "entry": "", "stage": ""}
    counted: dict[tuple[int, int, int], bool] = {}

    def counts(juror: int, entry: int, stage: int) -> bool:
        key = (juror, entry, stage)
        if key not in counted:
            found = rules.eligibility_problem(eligibility, juror, entry, stage, names)
            counted[key] = found is None
        return counted[key]

    scores = sorted(
        (
            r
            for r in score_rows
            if (r[3] is not None or r[4]) and counts(r[0], r[1], criterion_key[r[2]][0])
        ),
        key=lambda r: (
            stage_order[criterion_key[r[2]][0]],
            juror_order[r[0]],
            entry_order[r[1]],
            criterion_order[r[2]],
        ),
    )
    decisions = sorted(
        session.execute(
            select(Decision.stage_id, Decision.entry_id, Decision.rank, Decision.reason)
        ).all(),
        key=lambda r: (
            len(stage_rows) if r[0] is None else stage_order[r[0]],
            r[2],
            entry_order[r[1]],
        ),
    )
    comments = sorted(
        (
            r
            for r in session.execute(
                select(Comment.stage_id, Comment.juror_id, Comment.entry_id, Comment.text)
            )
            if r[3] and counts(r[1], r[2], r[0])
        ),
        key=lambda r: (stage_order[r[0]], juror_order[r[1]], entry_order[r[2]]),
    )
    return WorkbookData(
        event=EventRow(
            name=ev.name,
            year=ev.year,
            organiser=ev.organiser,
            precision=ev.precision,
            round_stage_scores=ev.round_stage_scores,
            tiebreak=ev.tiebreak,
            awards=_award_settings(session),
        ),
        stages=tuple(
            StageRow(
                code=s.code,
                name=s.name,
                position=s.position,
                weight=s.weight,
                method=s.method,
                scale_min=s.scale_min,
                scale_max=s.scale_max,
                band=s.band,
                cumulative=parse_cumulative(s.cumulative) if s.cumulative else (),
                slot_parts=s.slot_parts,
                tolerance=tolerances.get(s.code),
            )
            for s in stage_rows
        ),
        criteria=tuple(
            CriterionRow(
                stage=stage_code[c.stage_id],
                code=c.code,
                name=c.name,
                weight=c.weight,
                min_value=c.min_value,
                max_value=c.max_value,
                step=c.step,
                description=c.description,
                descriptors=c.descriptors,
            )
            for c in criteria
        ),
        categories=tuple(
            c.name for c in categories if any(r.category_id == c.id for r in entry_rows)
        ),
        entries=tuple(
            EntryRow(r.code, r.title, r.unit, category_name.get(r.category_id, ""), r.summary)
            for r in entry_rows
        ),
        jurors=tuple(JurorRow(r.code, r.name, r.affiliation) for r in juror_rows),
        conflicts=tuple(ConflictRow(juror_code[j], entry_code[e], why) for j, e, why in conflicts),
        assignments=tuple(
            AssignmentRow(stage_code[s], juror_code[j], entry_code[e]) for s, j, e in assignments
        ),
        admissions=tuple(AdmissionRow(stage_code[s], entry_code[e]) for s, e in admissions),
        scores=tuple(
            ScoreRow(
                stage_code[criterion_key[c][0]],
                juror_code[j],
                entry_code[e],
                criterion_key[c][1],
                v,
                note,
            )
            for j, e, c, v, note in scores
        ),
        decisions=tuple(
            DecisionRow(FINAL if s is None else stage_code[s], entry_code[e], rank, why)
            for s, e, rank, why in decisions
        ),
        comments=tuple(
            CommentRow(stage_code[s], juror_code[j], entry_code[e], text)
            for s, j, e, text in comments
        ),
    )


# ---------------------------------------------------------------------------------------------
# Writing the xlsx
# ---------------------------------------------------------------------------------------------

COLUMN_WIDTHS = {
    "kunci": 16,
    "nilai": 12,
    "nama": 32,
    "judul": 48,
    "unit": 30,
    "kelompok": 20,
    "ringkasan": 60,
    "deskripsi": 48,
    "tingkat": 32,
    "instansi": 30,
    "alasan": 32,
    "catatan": 40,
    "komentar": 48,
    "kumulatif": 16,
    "sesi": 32,
    "toleransi": 10,
}


def _yes_no(flag: bool) -> str:
    return "ya" if flag else "tidak"


def _pinned_moment(year: int | None) -> datetime:
    # Zip entry times cannot go below 1980 or above 2107.
    return datetime(min(max(year or 2000, 1980), 2107), 1, 1)


def _sheets_out(data: WorkbookData) -> list[SheetOut]:
    ev = data.event
    acara = [
        ("nama", ev.name),
        ("tahun", ev.year),
        ("penyelenggara", ev.organiser),
        ("presisi", ev.precision),
        ("bulatkan_tahap", _yes_no(ev.round_stage_scores)),
        ("tiebreak", "standar" if ev.tiebreak == "standard" else "tidak ada"),
    ]
    settings = dict(ev.awards)
    acara += [
        (key, settings[setting]) for key, setting in AWARD_ACARA.items() if setting in settings
    ]
    tahap = [
        (s.code, s.name, s.position, s.weight, s.method, s.scale_min, s.scale_max, s.band)
        + (format_cumulative(s.cumulative) if s.cumulative else "", slots_to_text(s.slot_parts))
        + (s.tolerance,)
        for s in data.stages
    ]
    kriteria = [
        (c.stage, c.code, c.name, c.weight, c.min_value, c.max_value, c.step, c.description)
        + (descriptors_to_lines(c.descriptors),)
        for c in data.criteria
    ]
    rows: dict[str, Sequence[Sequence[object]]] = {
        "Acara": acara,
        "Tahap": tahap,
        "Kriteria": kriteria,
        "Peserta": [(e.code, e.title, e.unit, e.category, e.summary) for e in data.entries],
        "Juri": [(j.code, j.name, j.affiliation) for j in data.jurors],
        "Konflik": data.conflicts,
        "Penugasan": data.assignments,
        "Lolos": data.admissions,
        "Nilai": data.scores,
        "Keputusan": data.decisions,
        "Komentar": data.comments,
    }
    return [
        SheetOut(s, REQUIRED_HEADERS[s] + OPTIONAL_HEADERS.get(s, ()), rows[s], COLUMN_WIDTHS)
        for s in SHEETS
    ]


def write_workbook(
    data: WorkbookData, xlsx_path: str | Path, *, progress: Progress | None = None
) -> None:
    """Write WorkbookData as an .xlsx, atomically: the target is replaced only when complete."""
    target = Path(xlsx_path)
    if not target.parent.is_dir():
        raise KolabikError.coded(ec.COPY_NO_FOLDER, folder=str(target.parent))
    with replacing(target, "workbook") as part:
        # openpyxl's skeleton is written beside the target too, and always removed.
        work = part.with_name(part.name + ".skeleton.xlsx")
        try:
            write_xlsx(
                part,
                _sheets_out(data),
                title=data.event.name,
                moment=_pinned_moment(data.event.year),
                work_path=work,
                progress=progress,
            )
        finally:
            work.unlink(missing_ok=True)


def export_workbook(
    db: EventDB, xlsx_path: str | Path, *, progress: Progress | None = None
) -> None:
    """Write the whole competition (without attachments) as an event workbook."""
    with db.session() as s:
        data = event_workbook_data(s)
    write_workbook(data, xlsx_path, progress=progress)


# ---------------------------------------------------------------------------------------------
# Writing into the event file
# ---------------------------------------------------------------------------------------------


def store_workbook_data(
    db: EventDB, data: WorkbookData, *, source: str = "", progress: Progress | None = None
) -> None:
    """Write checked WorkbookData into an event with no entries and no jurors, in one transaction.

    The event's settings, categories and rubric are replaced; scores get revision 1; the writer's
    ``cells.bulk`` audit row itemises the cells, and one ``workbook.import`` row summarises.
    Raises KolabikError (nothing written) if the event is not empty.
    """
    now = utc_now()
    with db.session() as s:
        ev = s.scalars(select(Event)).one()
        if ev.kind != "event":
            raise KolabikError.coded(ec.WORKBOOK_INTO_KIT, file=db.path.name)
        entries = s.scalar(select(func.count()).select_from(Entry)) or 0
        jurors = s.scalar(select(func.count()).select_from(Juror)) or 0
        if entries or jurors:
            raise KolabikError.coded(
                ec.WORKBOOK_NOT_EMPTY, file=db.path.name, entries=entries, jurors=jurors
            )
        replaced = s.scalar(select(func.count()).select_from(Stage)) or 0
        s.execute(delete(Decision))
        s.execute(delete(Criterion))
        s.execute(delete(Stage))
        s.execute(delete(Category))
        ev.name = data.event.name
        ev.year = data.event.year
        ev.organiser = data.event.organiser
        ev.precision = data.event.precision
        ev.round_stage_scores = data.event.round_stage_scores
        ev.tiebreak = data.event.tiebreak
        for key, value in data.event.awards:
            s.merge(Setting(key=key, value=value))

        if data.categories:
            s.execute(
                insert(Category),
                [{"name": n, "position": i} for i, n in enumerate(data.categories)],
            )
        category_id = dict(s.execute(select(Category.name, Category.id)).all())
        if data.stages:
            s.execute(
                insert(Stage),
                [
                    {
                        "code": st.code,
                        "name": st.name,
                        "position": st.position,
                        "weight": st.weight,
                        "method": st.method,
                        "band": st.band,
                        "scale_min": st.scale_min,
                        "scale_max": st.scale_max,
                        "cumulative": format_cumulative(st.cumulative) if st.cumulative else "",
                        "slot_parts": st.slot_parts,
                    }
                    for st in data.stages
                ],
            )
        stage_id = dict(s.execute(select(Stage.code, Stage.id)).all())
        s.execute(delete(Setting).where(Setting.key.like("stage_tolerance:%")))
        for st in data.stages:
            if st.tolerance is not None:
                s.add(
                    Setting(
                        key=TOLERANCE_KEY.format(stage_id=stage_id[st.code]),
                        value=decimal_text(st.tolerance),
                    )
                )
        positions: Counter[str] = Counter()
        criteria_rows = []
        for c in data.criteria:
            criteria_rows.append(
                {
                    "stage_id": stage_id[c.stage],
                    "code": c.code,
                    "name": c.name,
                    "description": c.description,
                    "weight": c.weight,
                    "min_value": c.min_value,
                    "max_value": c.max_value,
                    "step": c.step,
                    "position": positions[c.stage],
                    "descriptors": c.descriptors,
                }
            )
            positions[c.stage] += 1
        if criteria_rows:
            s.execute(insert(Criterion), criteria_rows)
        criterion_id = {
            (stage_code, code): cid
            for stage_code, code, cid in s.execute(
                select(Stage.code, Criterion.code, Criterion.id).join(Criterion.stage)
            )
        }
        if data.entries:
            s.execute(
                insert(Entry),
                [
                    {
                        "code": e.code,
                        "title": e.title,
                        "unit": e.unit,
                        "category_id": category_id.get(e.category),
                        "summary": e.summary,
                    }
                    for e in data.entries
                ],
            )
        entry_id = dict(s.execute(select(Entry.code, Entry.id)).all())
        if data.jurors:
            s.execute(
                insert(Juror),
                [
                    {"code": j.code, "name": j.name, "affiliation": j.affiliation}
                    for j in data.jurors
                ],
            )
        juror_id = dict(s.execute(select(Juror.code, Juror.id)).all())
        if data.conflicts:
            s.execute(
                insert(Conflict),
                [
                    {
                        "juror_id": juror_id[c.juror],
                        "entry_id": entry_id[c.entry],
                        "reason": c.reason,
                    }
                    for c in data.conflicts
                ],
            )
        if data.admissions:
            s.execute(
                insert(StageAdmission),
                [
                    {"stage_id": stage_id[a.stage], "entry_id": entry_id[a.entry]}
                    for a in data.admissions
                ],
            )
        if data.assignments:
            s.execute(
                insert(Assignment),
                [
                    {
                        "stage_id": stage_id[a.stage],
                        "juror_id": juror_id[a.juror],
                        "entry_id": entry_id[a.entry],
                    }
                    for a in data.assignments
                ],
            )
        total = len(data.scores)
        if progress is not None:
            progress(0, total, "Nilai")
        score_cells: list[Cell] = [
            ScoreCell(
                juror_id[sc.juror],
                entry_id[sc.entry],
                criterion_id[sc.stage, sc.criterion],
                sc.value,
                sc.note,
            )
            for sc in data.scores
        ]
        comment_cells: list[Cell] = [
            CommentCell(juror_id[c.juror], entry_id[c.entry], stage_id[c.stage], c.text)
            for c in data.comments
        ]
        try:
            # The one writer: it logs every cell in one cells.bulk row; ours below summarises.
            write_cells(
                s,
                score_cells + comment_cells,
                actor="chair",
                source=source,
                audit_mode="summary",
                now=now,
            )
        except CellsRefused as exc:
            raise InputRejected(
                source or db.path.name,
                list(exc.problems),
            ) from exc
        if data.decisions:
            s.execute(
                insert(Decision),
                [
                    {
                        "stage_id": None if d.stage == FINAL else stage_id[d.stage],
                        "entry_id": entry_id[d.entry],
                        "rank": d.rank,
                        "reason": d.reason,
                    }
                    for d in data.decisions
                ],
            )
            _check_decisions_scored(s, data.decisions, source or db.path.name)
        audit.append(
            s,
            at=now,
            actor="chair",
            action="workbook.import",
            source=source,
            subject={"event": ev.uid},
            new={
                "stages": len(data.stages),
                "criteria": len(data.criteria),
                "entries": len(data.entries),
                "jurors": len(data.jurors),
                "scores": len(data.scores),
                "decisions": len(data.decisions),
                "replaced_stages": replaced,
            },
        )
    if progress is not None:
        progress(total, total, "Nilai")
    db.notify(Change("all", frozenset(), source or "workbook"))


def _check_decisions_scored(
    session: Session, decisions: Sequence[DecisionRow], source: str
) -> None:
    """The engine places only scored entries: a decision for an unscored one would be lost."""
    session.flush()
    scorer = Scorer(load_event_spec(session), load_values(session))
    problems: list[Problem] = []
    for d in decisions:
        row = next((r for r in scorer.leaderboard(d.stage).rows if r.entry.code == d.entry), None)
        if row is None or row.score is None:
            problems.append(
                Problem(
                    ec.WB_DECISION_UNSCORED,
                    {},
                    Where(f"Keputusan, tahap {d.stage}, peserta {d.entry}"),
                )
            )
    if problems:
        raise InputRejected(source, problems)


def import_workbook(
    xlsx_path: str | Path, event_path: str | Path, *, progress: Progress | None = None
) -> EventDB:
    """Import an event workbook into a new event file (created here), or an empty existing one.

    All or nothing: the workbook is checked completely before anything is written; on refusal
    no change is made and an event file created by this call is removed. Returns the open event.
    """
    with collector_paused():  # a national workbook: 124,000 rows (writer.py says why)
        return _import_workbook(Path(xlsx_path), event_path, progress)


def _import_workbook(xlsx_path: Path, event_path: str | Path, progress: Progress | None) -> EventDB:
    event_path = dialect.as_location(event_path)
    data = read_workbook(xlsx_path, progress=progress)
    created = not dialect.event_exists(event_path)
    try:
        if created:
            # Built beside the target and renamed when complete: a killed import leaves no
            # half-made event, and the retry starts clean.
            return create_event_file(
                event_path,
                name=data.event.name,
                year=data.event.year,
                organiser=data.event.organiser,
                build=lambda db: store_workbook_data(
                    db, data, source=xlsx_path.name, progress=progress
                ),
            )
        db = open_event_file(event_path, lock=True)
    except BaseException as exc:
        if isinstance(exc, KolabikError) or not isinstance(exc, Exception):
            raise
        raise EventFileError.coded(
            ec.WORKBOOK_IMPORT_FAILED, path=str(event_path), detail=str(exc)
        ) from exc
    try:
        store_workbook_data(db, data, source=xlsx_path.name, progress=progress)
    except BaseException as exc:
        db.close()
        if isinstance(exc, KolabikError):
            raise
        if isinstance(exc, Exception):
            raise EventFileError.coded(
                ec.WORKBOOK_IMPORT_FAILED, path=str(event_path), detail=str(exc)
            ) from exc
        raise
    return db
