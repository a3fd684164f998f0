"""The 2025 Chopin Competition's published jury record (../shared/data/chopin-2025/), as Python.

scores.csv: one row per competitor per stage with every juror's mark ('s' = recused, own student)
and the published stage score. results.csv: the published ranking after each stage with totals.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kolabik_desktop.core.scoring.model import (
    FINAL,
    TIEBREAK_NONE,
    CriterionSpec,
    EntrySpec,
    EventSpec,
    JurorSpec,
    JuryDecision,
    StageSpec,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "chopin-2025"

# The CSV's stage names, our stage codes, weight in the final total, band L, cumulative weights.
STAGES: tuple[tuple[str, str, str, int, int, str], ...] = (
    ("1", "S1", "Stage I", 10, 3, ""),
    ("2", "S2", "Stage II", 20, 2, "S1:30 S2:70"),
    ("3", "S3", "Stage III", 35, 2, "S1:10 S2:20 S3:70"),
    ("final", "S4", "Final", 35, 2, "S1:10 S2:20 S3:35 S4:35"),
)
STAGE_CODE = {csv_name: code for csv_name, code, *_ in STAGES}
RESULT_BOARD = {"1": "S1", "2": "S2", "3": "S3", "final": FINAL}

# Published places no rule produces (results README, point 5): the shared 5th for 21.03 and
# 21.01, and 6th for the next finalist.
JURY_PLACES = {"Piotr Alexewicz": 5, "Vincent Ong": 5, "William Yang": 6}
JURY_REASON = "ex aequo place awarded by the jury"


@dataclass(frozen=True)
class StageRow:
    stage: str  # our stage code
    number: int
    name: str
    marks: dict[str, int | None]  # juror name -> mark, None = recused
    published: Decimal


@dataclass(frozen=True)
class ResultRow:
    board: str  # S1, S2, S3 or FINAL
    position: int
    name: str
    stage_scores: tuple[Decimal, ...]
    total: Decimal
    advanced_or_place: str


@dataclass(frozen=True)
class Chopin:
    jurors: tuple[str, ...]
    stage_rows: tuple[StageRow, ...]
    results: tuple[ResultRow, ...]

    def numbers(self) -> dict[str, int]:
        return {r.name: r.number for r in self.stage_rows}

    def in_stage(self, code: str) -> list[StageRow]:
        return [r for r in self.stage_rows if r.stage == code]


def available() -> bool:
    return (DATA / "scores.csv").is_file() and (DATA / "results.csv").is_file()


def load() -> Chopin:
    with (DATA / "scores.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        jurors = tuple(header[3:-1])
        stage_rows = tuple(
            StageRow(
                stage=STAGE_CODE[row[0]],
                number=int(row[1]),
                name=row[2],
                marks={
                    juror: None if mark == "s" else int(mark)
                    for juror, mark in zip(jurors, row[3:-1], strict=True)
                },
                published=Decimal(row[-1]),
            )
            for row in reader
        )
    with (DATA / "results.csv").open(encoding="utf-8", newline="") as f:
        results = tuple(
            ResultRow(
                board=RESULT_BOARD[row["after_stage"]],
                position=int(row["lp"]),
                name=row["name"],
                stage_scores=tuple(Decimal(x) for x in row["stage_scores_as_published"].split()),
                total=Decimal(row["published_total"]),
                advanced_or_place=row["advanced_or_place"],
            )
            for row in csv.DictReader(f)
        )
    return Chopin(jurors=jurors, stage_rows=stage_rows, results=results)


def build_event(data: Chopin) -> tuple[EventSpec, dict[tuple[int, int, int], Decimal]]:
    """The competition as the engine sees it: one 1–25 criterion per stage on a 1–25 scale,
    banded mean, recusals as conflicts, admissions from who played in each stage."""
    juror_ids = {name: i + 1 for i, name in enumerate(data.jurors)}
    numbers = data.numbers()
    stages = []
    values: dict[tuple[int, int, int], Decimal] = {}
    conflicts: set[tuple[int, int]] = set()
    for i, (_, code, name, weight, band, cumulative) in enumerate(STAGES):
        criterion_id = 100 + i
        rows = data.in_stage(code)
        for r in rows:
            for juror, mark in r.marks.items():
                if mark is None:
                    conflicts.add((juror_ids[juror], r.number))
                else:
                    values[(juror_ids[juror], r.number, criterion_id)] = Decimal(mark)
        stages.append(
            StageSpec(
                id=i + 1,
                code=code,
                name=name,
                position=i + 1,
                weight=Decimal(weight),
                method="banded",
                criteria=(
                    CriterionSpec(
                        id=criterion_id,
                        code="mark",
                        name="Mark",
                        weight=Decimal(100),
                        min_value=Decimal(1),
                        max_value=Decimal(25),
                        step=Decimal(1),
                        position=1,
                    ),
                ),
                band=Decimal(band),
                scale_min=Decimal(1),
                scale_max=Decimal(25),
                admitted=None if i == 0 else frozenset(r.number for r in rows),
                cumulative=tuple(
                    (part.split(":")[0], Decimal(part.split(":")[1])) for part in cumulative.split()
                ),
            )
        )
    event = EventSpec(
        stages=tuple(stages),
        entries=tuple(
            EntrySpec(id=number, code=f"{number:02d}", title=name)
            for name, number in sorted(numbers.items(), key=lambda item: item[1])
        ),
        jurors=tuple(JurorSpec(id=i, code=f"J{i:02d}", name=n) for n, i in juror_ids.items()),
        conflicts=frozenset(conflicts),
        precision=2,
        tiebreak=TIEBREAK_NONE,
        round_stage_scores=True,
        decisions=tuple(
            JuryDecision(stage_code=FINAL, entry_id=numbers[name], rank=place, reason=JURY_REASON)
            for name, place in JURY_PLACES.items()
        ),
    )
    return event, values


def write_workbook(data: Chopin, path: Path) -> None:
    """The competition as an event workbook (issues 3 and 9), as a committee would type it."""
    from openpyxl import Workbook

    juror_codes = {name: f"J{i + 1:02d}" for i, name in enumerate(data.jurors)}
    numbers = data.numbers()
    wb = Workbook()
    wb.remove(wb.active)

    def sheet(name: str, header: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
        ws = wb.create_sheet(name)
        ws.append(header)
        for row in rows:
            ws.append(row)

    sheet(
        "Acara",
        ("kunci", "nilai"),
        [
            ("nama", "19th International Chopin Piano Competition"),
            ("tahun", 2025),
            ("penyelenggara", "Fryderyk Chopin Institute"),
            ("presisi", 2),
            ("bulatkan_tahap", "ya"),
            ("tiebreak", "tidak ada"),
        ],
    )
    sheet(
        "Tahap",
        (
            "kode",
            "nama",
            "urutan",
            "bobot",
            "metode",
            "skala_min",
            "skala_maks",
            "batas",
            "kumulatif",
        ),
        [
            (code, name, i + 1, weight, "banded", 1, 25, band, cumulative)
            for i, (_, code, name, weight, band, cumulative) in enumerate(STAGES)
        ],
    )
    sheet(
        "Kriteria",
        ("tahap", "kode", "nama", "bobot", "min", "maks", "langkah", "deskripsi"),
        [(code, "mark", "Mark", 100, 1, 25, 1, "") for _, code, *_ in STAGES],
    )
    sheet(
        "Peserta",
        ("kode", "judul", "unit", "kelompok", "ringkasan"),
        [(str(n), name, "", "", "") for name, n in sorted(numbers.items(), key=lambda x: x[1])],
    )
    sheet(
        "Juri",
        ("kode", "nama", "instansi"),
        [(code, name, "") for name, code in juror_codes.items()],
    )
    recusals = sorted(
        {
            (juror_codes[j], str(r.number))
            for r in data.stage_rows
            for j, mark in r.marks.items()
            if mark is None
        }
    )
    sheet("Konflik", ("juri", "peserta", "alasan"), [(j, e, "own student") for j, e in recusals])
    sheet("Penugasan", ("tahap", "juri", "peserta"), [])
    sheet(
        "Lolos",
        ("tahap", "peserta"),
        [(r.stage, str(r.number)) for r in data.stage_rows if r.stage != "S1"],
    )
    sheet(
        "Nilai",
        ("tahap", "juri", "peserta", "kriteria", "nilai", "catatan"),
        [
            (r.stage, juror_codes[j], str(r.number), "mark", mark, "")
            for r in data.stage_rows
            for j, mark in r.marks.items()
            if mark is not None
        ],
    )
    sheet(
        "Keputusan",
        ("tahap", "peserta", "peringkat", "alasan"),
        [(FINAL, str(numbers[name]), place, JURY_REASON) for name, place in JURY_PLACES.items()],
    )
    wb.save(path)
