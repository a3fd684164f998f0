"""A national-scale competition (issue 3's bench): 3,000 entries in 8 categories, 30 jurors.

Stage S1 (proposal, the KIPP 2023 rubric): every entry scored by 5 jurors on 8 criteria.
Stage S2 (presentation, the East Java rubric): the 100 best entries scored by a panel of 10.
That is 124,000 scores. Everything comes from one seeded generator, so the workbook and the
event file built from the same seed hold the same competition.

    build_national_workbook(path)   an event workbook (.xlsx)
    build_national_event(path)      an event file (.kolabik), returned open
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from kolabik_desktop.core.exchange.workbook import (
    AdmissionRow,
    AssignmentRow,
    ConflictRow,
    CriterionRow,
    EntryRow,
    EventRow,
    JurorRow,
    ScoreRow,
    StageRow,
    WorkbookData,
    store_workbook_data,
    write_workbook,
)
from kolabik_desktop.core.store.db import EventDB, create_event_file
from kolabik_desktop.core.templates import EAST_JAVA_PRESENTATION, KIPP_2023_PROPOSAL

ENTRIES, JURORS, STAGE1_PANEL = 3000, 30, 5
STAGE2_ENTRIES, STAGE2_PANEL = 100, 10
SEED = 2025

CATEGORIES = (
    "Kementerian",
    "Lembaga",
    "Pemerintah Provinsi",
    "Pemerintah Kabupaten",
    "Pemerintah Kota",
    "BUMN",
    "BUMD",
    "Kelompok Khusus",
)
# (code, name, weight) of the real rubrics' criteria
KIPP_2023 = tuple((c.code, c.name, c.weight) for c in KIPP_2023_PROPOSAL.criteria)
EAST_JAVA = tuple((c.code, c.name, c.weight) for c in EAST_JAVA_PRESENTATION.criteria)
SERVICES = (
    "Pelayanan Administrasi Kependudukan",
    "Perizinan Berusaha",
    "Layanan Kesehatan Ibu dan Anak",
    "Pengaduan Masyarakat",
    "Bantuan Sosial",
    "Pendidikan Anak Usia Dini",
    "Pengelolaan Sampah",
    "Layanan Air Bersih",
    "Pencegahan Stunting",
    "Pelayanan Pajak Daerah",
)
STYLES = ("Daring", "Terpadu Satu Pintu", "Jemput Bola", "Berbasis Desa", "Cepat Tanggap")
UNITS = (
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Penanaman Modal dan PTSP",
    "Dinas Kesehatan",
    "Dinas Sosial",
    "Dinas Pendidikan",
    "Dinas Lingkungan Hidup",
    "Badan Pendapatan Daerah",
    "RSUD",
    "Puskesmas",
    "Kecamatan",
)
REGIONS = ("Aceh", "Jawa Timur", "Sulawesi Selatan", "Bali", "Kalimantan Barat", "Papua", "Riau")
NOTES = ("Data pendukung kurang lengkap.", "Dampak terukur dengan baik.", "Perlu bukti replikasi.")
FIRST_NAMES = ("Agus", "Sri", "Budi", "Dewi", "Hendra", "Rina", "Yusuf", "Ratna", "Imam", "Wulan")
LAST_NAMES = ("Santoso", "Wahyuni", "Hidayat", "Lestari", "Pratama", "Nugroho", "Siregar")


def national_data(seed: int = SEED) -> WorkbookData:
    rng = random.Random(seed)
    stages = (
        StageRow("S1", "Penilaian Proposal", 1, Decimal(40), "mean"),
        StageRow("S2", "Presentasi dan Wawancara", 2, Decimal(60), "trimmed"),
    )
    criteria = tuple(
        CriterionRow(stage, code, name, Decimal(weight), description=f"Aspek {name.lower()}.")
        for stage, rubric in (("S1", KIPP_2023), ("S2", EAST_JAVA))
        for code, name, weight in rubric
    )
    entries = tuple(
        EntryRow(
            code=f"KIPP-{i:04d}",
            title=f"{rng.choice(SERVICES)} {rng.choice(STYLES)} {i}",
            unit=f"{rng.choice(UNITS)} {rng.choice(REGIONS)}",
            category=CATEGORIES[i % len(CATEGORIES)],
            summary="Inovasi yang memangkas waktu layanan dan dapat direplikasi daerah lain.",
        )
        for i in range(1, ENTRIES + 1)
    )
    jurors = tuple(
        JurorRow(
            f"J{j:02d}",
            f"{FIRST_NAMES[j % len(FIRST_NAMES)]} {LAST_NAMES[j % len(LAST_NAMES)]}",
            "Tim Panel Independen" if j > JURORS - STAGE2_PANEL else "Tim Evaluator",
        )
        for j in range(1, JURORS + 1)
    )
    quality = {e.code: rng.gauss(74, 7) for e in entries}
    bias = {j.code: rng.gauss(0, 3) for j in jurors}
    finalists = sorted(entries, key=lambda e: -quality[e.code])[:STAGE2_ENTRIES]
    finalist_codes = {e.code for e in finalists}
    panel2 = [j.code for j in jurors[-STAGE2_PANEL:]]

    assignments: list[AssignmentRow] = []
    scores: list[ScoreRow] = []

    def score(stage: str, juror: str, entry: str, rubric: tuple[tuple[str, str, int], ...]) -> None:
        for code, _name, _weight in rubric:
            value = round(quality[entry] + bias[juror] + rng.gauss(0, 5))
            note = rng.choice(NOTES) if rng.random() < 0.05 else ""
            scores.append(
                ScoreRow(stage, juror, entry, code, Decimal(min(max(value, 0), 100)), note)
            )

    panel_of: dict[str, list[str]] = {}
    for i, entry in enumerate(entries):
        panel = [jurors[(i * STAGE1_PANEL + k) % JURORS].code for k in range(STAGE1_PANEL)]
        panel_of[entry.code] = panel
        for juror in panel:
            assignments.append(AssignmentRow("S1", juror, entry.code))
            score("S1", juror, entry.code, KIPP_2023)
    for entry in finalists:
        for juror in panel2:
            assignments.append(AssignmentRow("S2", juror, entry.code))
            score("S2", juror, entry.code, EAST_JAVA)
    # Jurors recused from an entry of their own region: never one they score.
    conflicts = []
    for entry in rng.sample([e for e in entries if e.code not in finalist_codes], 20):
        juror = next(j.code for j in jurors if j.code not in panel_of[entry.code])
        conflicts.append(ConflictRow(juror, entry.code, "Berasal dari instansi yang sama"))
    return WorkbookData(
        event=EventRow("KIPP Nasional 2025", 2025, "Kementerian PANRB", 2),
        stages=stages,
        criteria=criteria,
        categories=CATEGORIES,
        entries=entries,
        jurors=jurors,
        conflicts=tuple(conflicts),
        assignments=tuple(assignments),
        admissions=tuple(AdmissionRow("S2", e.code) for e in finalists),
        scores=tuple(scores),
    )


def build_national_workbook(path: str | Path, seed: int = SEED) -> Path:
    path = Path(path)
    write_workbook(national_data(seed), path)
    return path


def build_national_event(path: str | Path, seed: int = SEED) -> EventDB:
    data = national_data(seed)
    db = create_event_file(path, name=data.event.name, year=data.event.year)
    store_workbook_data(db, data, source="national.py")
    return db
