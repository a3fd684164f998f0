"""Reading tables (xlsx sheets, csv files) into checked cells, collecting every problem with its place.

A table is a header row followed by data rows. ``Table`` maps header names to columns, skips blank
rows, and hands out each row as a ``TableRow`` whose getters convert a cell (text, code, decimal,
integer) or record a ``Problem`` naming the sheet, row and column, so that a whole input can be
checked before anything is refused or written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import get_column_letter, range_boundaries

from kolabik_desktop.core import codes
from kolabik_desktop.core.exchange.tabular_xlsx import FormulaRow, UncachedFormula
from kolabik_desktop.core.files import read_regular_file
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.rules import Problem, Where

TRUE_WORDS = frozenset({"ya", "y", "yes", "true", "benar", "1"})
FALSE_WORDS = frozenset({"tidak", "t", "no", "n", "false", "salah", "0"})


MAX_CSV_BYTES = 64 * 1024 * 1024  # far above any jury's sheet; refuses a runaway file


def show(value: object) -> str:
    """A cell value as the user typed it, quoted, for messages."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f'"{value}"'


@dataclass
class Problems:
    """Collects problems in input order; ``add`` names the sheet, row and column."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self, sheet: str, row: int | None, column: str | None, code: str, /, **params: Any
    ) -> None:
        """A coded problem (a code of core/codes.py or rules) at the sheet, row and column."""
        self.items.append(Problem(code, params, Where(sheet, row, column or "")))

    def note(self, sheet: str, row: int | None, column: str | None, found: Problem) -> None:
        """A rule's problem, placed at the sheet, row and column."""
        self.items.append(found.at(Where(sheet, row, column or "")))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)


class TableRow:
    """One data row: getters convert cells and report problems at this row."""

    __slots__ = ("table", "number", "cells")

    def __init__(self, table: Table, number: int, cells: Sequence[Any]):
        self.table = table
        self.number = number  # the row number the user sees (the header is row 1)
        self.cells = cells

    def raw(self, column: str, *, strip: bool = True) -> Any:
        """The cell's value; None for an empty or blank cell."""
        index = self.table.columns.get(column)
        if index is None or index >= len(self.cells):
            return None
        value = self.cells[index]
        if isinstance(value, str):
            stripped = value.strip()
            if not stripped:
                return None
            return stripped if strip else value
        return value

    def problem(self, column: str | None, code: str, /, **params: Any) -> None:
        """A coded problem at this row and column."""
        self.table.problems.add(self.table.name, self.number, column, code, **params)

    def rule(self, column: str | None, found: rules.Problem | None) -> bool:
        """Note a rule's problem at this row and column; True when there was one."""
        if found is not None:
            self.table.problems.note(self.table.name, self.number, column, found)
        return found is not None

    def error(self, column: str | None, exc: Exception) -> None:
        """A coded core error (``KolabikError.coded``) as a problem at this row and column."""
        found = getattr(exc, "problem", None)
        if isinstance(found, Problem):
            self.rule(column, found)
        else:
            self.problem(column, codes.INPUT_ERROR, text=str(exc))

    def text(
        self, column: str, *, required: bool = False, strip: bool = True, kind: str = ""
    ) -> str:
        """Text; ``strip=False`` keeps free text (a note ending in a new line) exactly.

        ``kind`` (a rules.TEXT_LIMITS key) refuses a text over its stated maximum length.
        """
        value = self.raw(column, strip=strip)
        if value is None:
            if required:
                self.problem(column, codes.INPUT_EMPTY)
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, datetime | date | time):
            return value.isoformat()
        text = str(value)
        if kind and len(text) > rules.TEXT_LIMITS[kind]:
            self.rule(column, rules.text_problem(kind, text))
            return text[: rules.TEXT_LIMITS[kind]]
        return text

    def code(self, column: str) -> str:
        """A code: text without surrounding blanks; a number typed as a code (101) reads as '101'."""
        return self.text(column, required=True)

    def decimal(
        self, column: str, *, default: Decimal | None = None, required: bool = False
    ) -> Decimal | None:
        value = self.raw(column)
        if value is None:
            if required:
                self.problem(column, codes.INPUT_EMPTY_NUMBER)
            return default
        number = rules.parse_value(value)
        if isinstance(number, rules.Problem):
            self.rule(column, number)
            return None
        return number

    def integer(
        self, column: str, *, default: int | None = None, required: bool = False
    ) -> int | None:
        value = self.raw(column)
        number = self.decimal(column, default=None, required=required)
        if number is None:
            return default if value is None else None
        if number != number.to_integral_value():
            self.problem(column, codes.INPUT_NOT_WHOLE, text=show(value))
            return None
        return int(number)


@dataclass
class Table:
    """A sheet's header and rows; missing required headers are reported once, at row 1."""

    name: str
    columns: dict[str, int]
    rows: Iterable[tuple[int, Sequence[Any]]]
    problems: Problems
    merged: list[str] = field(default_factory=list)  # filled by the reader after the last row

    def __iter__(self) -> Iterator[TableRow]:
        for number, cells in self.rows:
            if type(cells) is FormulaRow:
                cells = self._refuse_formulas(number, cells)
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue
            yield TableRow(self, number, cells)
        self._refuse_merged()

    def _column_name(self, index: int) -> str:
        names = {i: name for name, i in self.columns.items()}
        return names.get(index, get_column_letter(index + 1))

    def _refuse_formulas(self, number: int, cells: Sequence[Any]) -> list[Any]:
        """A formula with no saved value is refused at its cell, never read as empty."""
        kept = list(cells)
        for i, cell in enumerate(cells):
            if isinstance(cell, UncachedFormula):
                found = rules.Problem(rules.VALUE_FORMULA, {"text": str(cell)})
                self.problems.note(self.name, number, self._column_name(i), found)
                kept[i] = None
        return kept

    def _refuse_merged(self) -> None:
        """A merged range below the header hides values in all its cells but the first."""
        for ref in self.merged:
            try:
                min_col, min_row, _max_col, max_row = range_boundaries(ref)
            except (TypeError, ValueError):
                continue
            if max_row is None or max_row < 2 or min_col is None or min_row is None:
                continue
            found = rules.Problem(rules.VALUE_MERGED, {"range": ref})
            self.problems.note(self.name, max(min_row, 2), self._column_name(min_col - 1), found)


def header_columns(
    sheet: str,
    header: Sequence[Any],
    required: Sequence[str],
    problems: Problems,
    aliases: dict[str, str] | None = None,
) -> dict[str, int] | None:
    """Map lower-cased header names to column indexes; None (with problems) if any is missing."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        if cell is None:
            continue
        name = str(cell).strip().lower()
        if aliases:
            name = aliases.get(name, name)
        if not name:
            continue
        if name in columns:
            problems.add(sheet, 1, name, codes.INPUT_COLUMN_TWICE)
            continue
        columns[name] = index
    missing = [c for c in required if c not in columns]
    for column in missing:
        problems.add(sheet, 1, None, codes.INPUT_COLUMN_MISSING, column=column)
    return None if missing else columns


def numbered(rows: Iterable[Sequence[Any]], first: int = 2) -> Iterator[tuple[int, Sequence[Any]]]:
    return ((first + i, r) for i, r in enumerate(rows))


def read_csv_rows(path: Path) -> list[list[str]]:
    """A csv file's rows; utf-8 (with or without BOM), else Windows-1252 as Excel writes it."""
    data = read_regular_file(path, MAX_CSV_BYTES, "csv file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    # Excel in an Indonesian locale separates with ';' (the comma is the decimal mark).
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def to_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value) if value in (0, 1) else None
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None
