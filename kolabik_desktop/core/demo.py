"""The demo competition: a city event like Kota Pasuruan's Kolabik 2023, mid-way through judging.

Sixty entries in seven kelompok, five jurors, the KIPP 2023 proposal rubric (P1) and the East Java
presentation rubric (P2), one conflict of interest, a Top 20 admitted to P2 by the P1 ranking,
stage 1 scored by four jurors and partway by the fifth, and the presentations half done (the first
finalists scored by everyone, one being scored right now, the rest still to present).

Everything is seeded, so two builds hold the same competition (only the event's unique id and
creation time differ). A demo file carries a marker setting, so ``kolabik demo`` may replace an
earlier demo but never a real event.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from sqlalchemy import select
from sqlalchemy.orm import Session

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import EventFileError
from kolabik_desktop.core.paths import DEFAULT_DEMO_FILENAME  # noqa: E402,F401 (re-exported)
from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.scoring.numbers import localize_number_text
from kolabik_desktop.core.store import writer as store_writer
from kolabik_desktop.core.store.db import create_event_file
from kolabik_desktop.core.store.lock import EventLock
from kolabik_desktop.core.store.models import (
    Attachment,
    Category,
    Conflict,
    Criterion,
    Entry,
    Juror,
    Setting,
    StageAdmission,
)
from kolabik_desktop.core.store.queries.presentation import ORDER_KEY
from kolabik_desktop.core.store.services import load_event_spec, load_values
from kolabik_desktop.core.templates import apply_template

DEMO_MARKER_KEY = "demo"
DEMO_MARKER_VALUE = "kolabik-demo-2023"
DEFAULT_SEED = 2023
TOP_N = 20

EVENT_NAME = "Kolabik 2023 - Kompetisi Inovasi Pelayanan Publik Kota Pasuruan (demo)"
ORGANISER = "Pemerintah Kota Pasuruan, Bagian Organisasi Sekretariat Daerah"

# (kelompok, [(title, unit), ...]): titles and units in the style of real city submissions.
ENTRIES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Perangkat Daerah",
        (
            (
                "DOLAN KE DISPENDUK: Dokumen Kependudukan Langsung Antar ke Rumah",
                "Dinas Kependudukan dan Pencatatan Sipil",
            ),
            (
                "SI-GESIT: Sistem Gerak Cepat Izin Terpadu",
                "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
            ),
            (
                "PASAR PINTAR: Retribusi Pasar Nontunai Berbasis QRIS",
                "Dinas Koperasi, Usaha Mikro, Perindustrian dan Perdagangan",
            ),
            (
                "LAPOR CAK WALI: Kanal Aduan Warga Terintegrasi",
                "Dinas Komunikasi dan Informatika",
            ),
            ("SAMPAH JADI BERKAH: Bank Sampah Digital Kota", "Dinas Lingkungan Hidup"),
            ("SI-PAKDE: Sistem Informasi Pajak Daerah Elektronik", "Badan Pendapatan Daerah"),
            (
                "GERCEP STUNTING: Gerakan Cepat Cegah Stunting",
                "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
                "Perlindungan Anak",
            ),
            ("OBAT ANTAR: Layanan Antar Obat Pasien Penyakit Kronis", "Dinas Kesehatan"),
            (
                "PUSLING DIGITAL: Perpustakaan Keliling dengan Pinjam Buku Elektronik",
                "Dinas Perpustakaan dan Kearsipan",
            ),
            ("SIAP KERJA: Bursa Kerja Daring Kota Pasuruan", "Dinas Tenaga Kerja"),
            (
                "SILADU: Sistem Layanan Aduan Genangan dan Banjir Terpadu",
                "Dinas Pekerjaan Umum dan Penataan Ruang",
            ),
            (
                "SIGAP DAMKAR: Respons Cepat Kebakaran Berbasis Peta Digital",
                "Satuan Polisi Pamong Praja dan Pemadam Kebakaran",
            ),
            ("SI-BANSOS: Verifikasi Bantuan Sosial Tepat Sasaran", "Dinas Sosial"),
            (
                "SIKESAL: Sistem Kenaikan Pangkat Satu Klik",
                "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            ),
        ),
    ),
    (
        "Kecamatan",
        (
            ("KECE: Kecamatan Cepat Elektronik untuk Layanan PATEN", "Kecamatan Gadingrejo"),
            (
                "PANGGUNG BERSAHABAT: Pelayanan Administrasi di Hari Libur",
                "Kecamatan Panggungrejo",
            ),
            ("SI-JOLI: Jemput Bola Layanan bagi Lansia dan Difabel", "Kecamatan Purworejo"),
            ("BUGUL BERSINAR: Kampung Bersih, Indah, Nyaman dan Rukun", "Kecamatan Bugul Kidul"),
        ),
    ),
    (
        "Kelurahan",
        (
            ("SIPANDU: Sistem Pelayanan Terpadu Kelurahan", "Kelurahan Bugul Lor"),
            ("POSYANDU PINTAR: Pencatatan Tumbuh Kembang Balita Daring", "Kelurahan Kebonsari"),
            ("LURAH SAPA WARGA: Surat Pengantar Lewat WhatsApp", "Kelurahan Tembokrejo"),
            ("KATANA ROB: Kampung Tangguh Bencana Banjir Rob", "Kelurahan Panggungrejo"),
            ("DASHAT: Dapur Sehat Atasi Stunting", "Kelurahan Gentong"),
            ("BANK SAMPAH SEKAR WANGI", "Kelurahan Sekargadung"),
            ("SIKAT: Sistem Informasi Kependudukan Akurat dan Tepat", "Kelurahan Kandangsapi"),
            ("RT PINTAR: Administrasi RT Berbasis Aplikasi", "Kelurahan Purutrejo"),
            ("KEPEL BERSERI: Kebun Pangan Lestari Warga", "Kelurahan Kepel"),
            ("SIGAP LANSIA: Pendataan dan Pendampingan Lansia Terlantar", "Kelurahan Trajeng"),
            ("PEDULI UMKM: Peta Digital Usaha Mikro Kelurahan", "Kelurahan Tapaan"),
            ("GEMA LITERASI: Gerakan Membaca di Pos Kamling", "Kelurahan Bakalan"),
            (
                "KARANG TARUNA DIGITAL: Pelatihan Konten Pemasaran untuk UMKM",
                "Kelurahan Karanganyar",
            ),
            ("SI-MANTAP: Layanan Surat Mandiri Tanpa Antre", "Kelurahan Blandongan"),
        ),
    ),
    (
        "Puskesmas dan Rumah Sakit",
        (
            ("SI-BUMIL: Pemantauan Ibu Hamil Risiko Tinggi", "Puskesmas Gadingrejo"),
            ("AMPUH: Antrean Mandiri Puskesmas Lewat Ponsel", "Puskesmas Purworejo"),
            ("PELITA: Pelayanan Lansia Terpadu di Rumah", "Puskesmas Bugul Kidul"),
            ("TB TUNTAS: Kader Pendamping Minum Obat Pasien TBC", "Puskesmas Kebonsari"),
            ("GERAI GIZI: Konsultasi Gizi Balita Keliling", "Puskesmas Panggungrejo"),
            ("KUNJUNG JIWA: Perawatan Pasien Gangguan Jiwa di Rumah", "Puskesmas Sekargadung"),
            ("SIGAP IGD: Triase Digital Instalasi Gawat Darurat", "RSUD dr. R. Soedarsono"),
            ("RESEP ANTAR: Layanan Antar Obat Pasien Rawat Jalan", "RSUD dr. R. Soedarsono"),
            ("CENTIL: Cek Kesehatan Pelajar Terintegrasi", "Puskesmas Karangketug"),
        ),
    ),
    (
        "Satuan Pendidikan",
        (
            ("KANTIN JUJUR DIGITAL: Belajar Integritas Lewat Jajan", "SMP Negeri 2 Pasuruan"),
            (
                "GURU KUNJUNG: Pendampingan Siswa Rawan Putus Sekolah",
                "SD Negeri Kebonsari",
            ),
            (
                "SEKOLAH ADIWIYATA: Pengelolaan Sampah Berbasis Kelas",
                "SMP Negeri 5 Pasuruan",
            ),
            ("RAPOR ORANG TUA: Laporan Belajar Harian Lewat Aplikasi", "SD Negeri Bugul Lor"),
            ("LIPA: Literasi Pagi Lima Belas Menit", "SD Negeri Gadingrejo"),
            (
                "KELAS INKLUSI: Ruang Belajar Ramah Anak Berkebutuhan Khusus",
                "SMP Negeri 7 Pasuruan",
            ),
            ("PERDISKO: Perpustakaan Digital Sekolah", "SMP Negeri 1 Pasuruan"),
            ("SAHABAT BK: Konseling Daring untuk Siswa", "SMP Negeri 4 Pasuruan"),
            ("SIMBA: Simpan Pinjam Buku Pelajaran", "SD Negeri Tembokrejo"),
        ),
    ),
    (
        "Badan Usaha Milik Daerah",
        (
            ("AIR SIAGA: Laporan Kebocoran Pipa Lewat Aplikasi", "Perumda Air Minum Kota Pasuruan"),
            ("METER PINTAR: Baca Meter Air Mandiri dengan Foto", "Perumda Air Minum Kota Pasuruan"),
            (
                "PASAR BERSIH NONTUNAI: Sewa Kios dan Retribusi Daring",
                "Perumda Pasar Kota Pasuruan",
            ),
            (
                "KREDIT MELATI: Kredit Tanpa Agunan untuk Pedagang Kecil",
                "PT BPR Kota Pasuruan (Perseroda)",
            ),
        ),
    ),
    (
        "Kelompok Masyarakat",
        (
            (
                "OJEK LANSIA: Antar Jemput Lansia ke Posyandu",
                "Forum Kesehatan Kelurahan Bugul Kidul",
            ),
            (
                "RUMAH BACA PESISIR: Ruang Belajar Anak Nelayan",
                "Komunitas Pemuda Pesisir Panggungrejo",
            ),
            (
                "PASPEDI: Pasuruan Peduli Difabel",
                "Perkumpulan Penyandang Disabilitas Kota Pasuruan",
            ),
            ("KAMPUNG KB SEJAHTERA: Posko Konsultasi Keluarga", "Pokja Kampung KB Krapyakrejo"),
            (
                "SEDEKAH SAMPAH: Tabungan Sampah untuk Kas Masjid",
                "Takmir Masjid Al-Ikhlas Pekuncen",
            ),
            ("KOPI PAGI: Forum Warga Bicara Layanan Publik", "Karang Taruna Kota Pasuruan"),
        ),
    ),
)

# Entry codes read like a committee's registration numbers: PD-01, KL-07...
CODE_PREFIXES = {
    "Perangkat Daerah": "PD",
    "Kecamatan": "KC",
    "Kelurahan": "KL",
    "Puskesmas dan Rumah Sakit": "KS",
    "Satuan Pendidikan": "SP",
    "Badan Usaha Milik Daerah": "BU",
    "Kelompok Masyarakat": "KM",
}

# (code, name, affiliation, leniency in points): three academics and two practitioners.
JURORS: tuple[tuple[str, str, str, int], ...] = (
    (
        "J1",
        "Dr. Bambang Setiawan, M.Si.",
        "Fakultas Ilmu Administrasi, Universitas Brawijaya",
        -3,
    ),
    (
        "J2",
        "Prof. Dr. Sri Wahyuni, M.AP.",
        "Departemen Administrasi Publik, Universitas Airlangga",
        1,
    ),
    ("J3", "Dr. Moh. Fauzi Rahman, S.H., M.H.", "Fakultas Hukum, Universitas Yudharta Pasuruan", 0),
    (
        "J4",
        "Dra. Endang Purwaningsih, M.M.",
        "Ombudsman Republik Indonesia Perwakilan Jawa Timur",
        3,
    ),
    ("J5", "Agus Salim Harahap, S.T., M.Kom.", "Praktisi transformasi digital pemerintahan", -1),
)

# Juror J3 supervised the entry's community programme as a lecturer: recused from it.
CONFLICT_JUROR = "J3"
CONFLICT_REASON = (
    "Juri adalah dosen pembina program pengabdian masyarakat yang mendampingi inovasi ini."
)
# The presentation session's running order, where the setup services keep it.
PRESENTATION_ORDER_KEY = ORDER_KEY
PARTWAY_JUROR = "J5"  # still working through stage 1
PARTWAY_SHARE = 0.7  # share of stage 1 entries J5 has finished
PRESENTED_COMPLETE = 12  # finalists presented and scored by every juror
PRESENTED_PARTLY = 2  # finalists being scored now (some jurors done)

# Notes a juror writes beside a criterion, for a low and a high value.
NOTES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "LBT": (
        ("Data kondisi awal belum disajikan.", "Tujuan perlu dirumuskan lebih terukur."),
        ("Latar belakang kuat dan didukung data lokal.",),
    ),
    "KEB": (
        ("Mirip layanan yang sudah ada di daerah lain; tegaskan pembedanya.",),
        ("Pendekatan baru, belum ditemukan di daerah lain.", "Nilai tambah jelas bagi warga."),
    ),
    "IMP": (
        ("Tahapan pelaksanaan belum dijelaskan rinci.",),
        ("Sudah berjalan stabil lebih dari setahun.",),
    ),
    "SIG": (
        (
            "Lampirkan data sebelum dan sesudah inovasi.",
            "Dampak baru diklaim, belum ada survei kepuasan.",
        ),
        ("Dampak terukur: waktu layanan turun signifikan.", "Bukti dampak meyakinkan."),
    ),
    "ADP": (
        ("Sulit ditiru tanpa dukungan anggaran khusus.",),
        ("Sudah direplikasi kelurahan lain.", "Mudah diadopsi unit lain."),
    ),
    "SDA": (
        ("Sumber anggaran tidak dijelaskan.",),
        ("Efisien, memanfaatkan sumber daya yang ada.",),
    ),
    "KEL": (
        (
            "Perlu payung hukum (SK atau Perwali) agar berkelanjutan.",
            "Masih bergantung pada satu orang.",
        ),
        ("Sudah ada SK kepala unit dan anggaran rutin.",),
    ),
    "PAP": (
        ("Paparan melebihi waktu.", "Kurang menguasai data saat tanya jawab."),
        ("Paparan runtut dan meyakinkan.",),
    ),
    "MAT": (
        ("Manfaat masih terbatas pada sedikit warga.",),
        ("Manfaat luas dan siap direplikasi.",),
    ),
    "VID": (("Video kurang menggambarkan inovasi.",), ("Video kuat dengan testimoni warga.",)),
    "KHD": (("Pimpinan unit tidak hadir.",), ("Kepala unit hadir dan menyampaikan komitmen.",)),
}

COMMENTS = (
    "Inovasi menarik; perkuat data dampak untuk tahap berikutnya.",
    "Layak dikembangkan, perlu regulasi agar berkelanjutan.",
    "Proposal rapi, tetapi kebaruannya perlu ditegaskan.",
    "Sangat relevan dengan kebutuhan warga; siapkan rencana replikasi.",
    "Perlu melibatkan masyarakat lebih luas.",
)

SUMMARY_PROBLEMS = (
    "warga harus datang berkali-kali dan antre lama untuk layanan yang sederhana",
    "data penerima layanan tersebar di banyak buku catatan dan sering tidak mutakhir",
    "kelompok rentan (lansia, difabel, ibu hamil) sulit menjangkau kantor layanan",
    "aduan warga tidak tercatat sehingga tindak lanjutnya tidak bisa dipantau",
    "biaya dan waktu layanan tidak pasti bagi masyarakat",
)
SUMMARY_ACTIONS = (
    "memindahkan layanan ke aplikasi ponsel dengan pendampingan petugas",
    "menjemput bola ke rumah warga dengan jadwal yang diumumkan",
    "menyatukan data dalam satu dasbor yang dipantau pimpinan setiap minggu",
    "melibatkan kader dan tokoh masyarakat sebagai pendamping",
    "menyederhanakan persyaratan dan menetapkan standar waktu layanan",
)


@dataclass(frozen=True)
class DemoSummary:
    path: Path
    entries: int
    categories: int
    jurors: int
    admitted: int
    scores: int
    replaced: bool


def is_demo_file(path: Path) -> bool:
    """True when the file is a demo this program wrote (read-only look; False on any doubt)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT value FROM setting WHERE key = ?", (DEMO_MARKER_KEY,)
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == DEMO_MARKER_VALUE


def build_demo_event(
    path: str | Path,
    *,
    seed: int = DEFAULT_SEED,
    force: bool = False,
    attachments: bool = True,
) -> DemoSummary:
    """Write the demo competition to ``path``.

    An existing demo file is replaced; any other existing file only with ``force``. The file is
    built beside the target and renamed into place, so a failure leaves no half-written event.
    """
    path = Path(path)
    replaced = path.exists()
    if replaced:
        if path.is_dir():
            raise EventFileError.coded(ec.DEMO_IS_FOLDER, path=str(path))
        if not force and not is_demo_file(path):
            raise EventFileError.coded(ec.DEMO_NOT_DEMO, path=str(path))
    if not path.parent.exists():
        raise EventFileError.coded(ec.COPY_NO_FOLDER, folder=str(path.parent))
    # A window that has the old demo open holds its lock: refuse rather than pull it away.
    lock = EventLock.acquire(path) if replaced else None
    try:
        tmp = path.with_name(f".{path.name}.building")
        _remove_sqlite_files(tmp)
        db = create_event_file(tmp, name=EVENT_NAME, year=2023, organiser=ORGANISER)
        try:
            with db.session() as s:
                counts = _fill(s, random.Random(seed), attachments=attachments)
        except BaseException:
            db.close()
            _remove_sqlite_files(tmp)
            raise
        db.close()
        _remove_sqlite_files(path)
        os.replace(tmp, path)
    finally:
        if lock is not None:
            lock.release()
    return DemoSummary(path=path, replaced=replaced, **counts)


def _remove_sqlite_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


class _Clock:
    """Deterministic timestamps: judging happened in July and August 2023."""

    def __init__(self, start: datetime):
        self.now = start

    def tick(self, seconds: int) -> str:
        self.now += timedelta(seconds=seconds)
        return self.now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _fill(s: Session, rng: random.Random, *, attachments: bool) -> dict[str, int]:
    s.add(Setting(key=DEMO_MARKER_KEY, value=DEMO_MARKER_VALUE))
    stage_ids = apply_template(s, "kipp")
    p1, p2 = stage_ids["P1"], stage_ids["P2"]
    criteria = {
        sid: s.scalars(
            select(Criterion).where(Criterion.stage_id == sid).order_by(Criterion.position)
        ).all()
        for sid in (p1, p2)
    }

    entries: list[Entry] = []
    for position, (category_name, items) in enumerate(ENTRIES):
        category = Category(name=category_name, position=position)
        s.add(category)
        s.flush()
        prefix = CODE_PREFIXES[category_name]
        for i, (title, unit) in enumerate(items, start=1):
            entries.append(
                Entry(
                    code=f"{prefix}-{i:02d}",
                    title=title,
                    unit=unit,
                    category_id=category.id,
                    summary=_summary(rng, title, unit),
                )
            )
    s.add_all(entries)
    jurors = [Juror(code=c, name=n, affiliation=a) for c, n, a, _lenient in JURORS]
    s.add_all(jurors)
    s.flush()
    leniency = {j.id: lenient for j, (*_rest, lenient) in zip(jurors, JURORS, strict=True)}
    juror_by_code = {j.code: j for j in jurors}

    # Latent quality of each entry: what the jurors' values scatter around.
    quality = {e.id: min(92.0, max(48.0, rng.gauss(72, 9))) for e in entries}
    conflict_entry = sorted(entries, key=lambda e: -quality[e.id])[3]
    conflict_juror = juror_by_code[CONFLICT_JUROR]
    s.add(Conflict(juror_id=conflict_juror.id, entry_id=conflict_entry.id, reason=CONFLICT_REASON))

    clock = _Clock(datetime(2023, 7, 3, 1, 0, tzinfo=UTC))
    writer = _ScoreWriter(s, rng, clock, leniency)
    recused = {(conflict_juror.id, conflict_entry.id)}

    # Stage 1: four jurors complete; J5 partway, with one entry half done.
    partway = juror_by_code[PARTWAY_JUROR]
    for juror in jurors:
        order = list(entries)
        rng.shuffle(order)
        if juror is partway:
            done = round(len(order) * PARTWAY_SHARE)
            half_done = order[done]
            order = order[:done]
        for entry in order:
            if (juror.id, entry.id) not in recused:
                writer.score(juror, entry, ("P1", p1), criteria[p1], quality[entry.id])
        if juror is partway:
            writer.score(juror, half_done, ("P1", p1), criteria[p1], quality[half_done.id], only=3)
    s.flush()
    for juror in jurors:
        if juror is not partway:
            at = clock.tick(600)
            cell = store_writer.SubmissionCell(juror.id, p1, True, 1, at)
            store_writer.write_cells(s, [cell], source="demo", now=at)

    # The Top 20 of the stage 1 ranking advance, as "Advance to next stage" would record it.
    s.flush()
    shortlist = Scorer(load_event_spec(s), load_values(s)).shortlist("P1", top_n=TOP_N)
    # A tie straddling the cut goes through whole: the demo jury admits the tied group.
    finalists = [row.entry.id for row in shortlist.selected + shortlist.tied_at_cut]
    s.add_all(StageAdmission(stage_id=p2, entry_id=eid) for eid in finalists)

    # Stage 2: presentations in schedule order; the first scored by all, the next two in progress.
    entry_by_id = {e.id: e for e in entries}
    schedule = list(finalists)
    rng.shuffle(schedule)
    clock.now = datetime(2023, 8, 8, 1, 30, tzinfo=UTC)
    for n, eid in enumerate(schedule[: PRESENTED_COMPLETE + PRESENTED_PARTLY]):
        entry = entry_by_id[eid]
        stage2_quality = quality[eid] + rng.gauss(0, 5)
        clock.tick(25 * 60)  # one presentation slot
        in_progress = n >= PRESENTED_COMPLETE
        for k, juror in enumerate(jurors):
            if (juror.id, eid) in recused:
                continue
            if in_progress and k >= 2 + (n - PRESENTED_COMPLETE):
                # Jurors still writing: the next one has half a form, the rest nothing yet.
                if k == 2 + (n - PRESENTED_COMPLETE):
                    writer.score(juror, entry, ("P2", p2), criteria[p2], stage2_quality, only=2)
                continue
            writer.score(juror, entry, ("P2", p2), criteria[p2], stage2_quality)

    s.add(Setting(key=PRESENTATION_ORDER_KEY.format(stage="P2"), value=json.dumps(schedule)))
    s.flush()
    if attachments:
        _add_attachments(s, [entry_by_id[eid] for eid in schedule[:6]])
    return {
        "entries": len(entries),
        "categories": len(ENTRIES),
        "jurors": len(jurors),
        "admitted": len(finalists),
        "scores": writer.count,
    }


class _ScoreWriter:
    """Writes a juror's form for an entry: values, some notes, sometimes a comment; and audits it."""

    def __init__(
        self, s: Session, rng: random.Random, clock: _Clock, leniency: dict[int, int]
    ) -> None:
        self.s = s
        self.rng = rng
        self.clock = clock
        self.leniency = leniency
        self.count = 0

    def score(
        self,
        juror: Juror,
        entry: Entry,
        stage: tuple[str, int],
        criteria: Sequence[Criterion],
        quality: float,
        *,
        only: int | None = None,
    ) -> None:
        cells: list[store_writer.Cell] = []
        at = ""
        scored = [c for c in criteria if c.weight > 0]
        if only is not None:
            scored = scored[:only]
        stage_code, stage_id = stage
        for crit in scored:
            raw = quality + self.leniency[juror.id] + self.rng.gauss(0, 5)
            value = Decimal(int(min(98, max(40, round(raw)))))
            note = ""
            if self.rng.random() < 0.14:
                low, high = NOTES[crit.code]
                note = self.rng.choice(low if value < 70 else high)
            at = self.clock.tick(self.rng.randrange(20, 90))
            cells.append(store_writer.ScoreCell(juror.id, entry.id, crit.id, value, note, 1, at))
        if only is None and self.rng.random() < 0.25:
            at = self.clock.tick(30)
            text = self.rng.choice(COMMENTS)
            cells.append(store_writer.CommentCell(juror.id, entry.id, stage_id, text, 1, at))
        if cells:
            # The one writer, as if the juror's kit had sent these cells at the last moment.
            result = store_writer.write_cells(self.s, cells, source="demo", now=at)
            self.count += result.scores


def _summary(rng: random.Random, title: str, unit: str) -> str:
    name = title.split(":")[0].strip()
    year = rng.choice((2020, 2021, 2022))
    before, after = rng.randrange(5, 15), rng.randrange(1, 4)
    people = localize_number_text(str(rng.randrange(300, 9000, 50)), "id")  # 6.500 warga
    return (
        f"Sebelum {name}, {rng.choice(SUMMARY_PROBLEMS)}. {unit} menjawabnya dengan "
        f"{rng.choice(SUMMARY_ACTIONS)}. Sejak {year}, waktu layanan turun dari {before} hari "
        f"menjadi {after} hari dan {people} warga telah terlayani."
    )


def _add_attachments(s: Session, entries: list[Entry]) -> None:
    import hashlib

    for entry in entries:
        data = proposal_pdf(entry)
        s.add(
            Attachment(
                entry_id=entry.id,
                filename=f"Proposal {entry.code}.pdf",
                mime="application/pdf",
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                data=data,
            )
        )


def proposal_pdf(entry: Entry) -> bytes:
    """A short proposal document for an entry, so the juror's PDF viewer has something to show."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    buf = BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        title=f"Proposal {entry.code}",
        author=entry.unit,
        invariant=True,  # same bytes on every build
    )
    body = [
        Paragraph("Proposal Inovasi Pelayanan Publik - Kolabik 2023", styles["Heading3"]),
        Paragraph(escape(entry.title), styles["Title"]),
        Paragraph(escape(entry.unit), styles["Heading2"]),
        Spacer(1, 12),
        Paragraph("Ringkasan", styles["Heading2"]),
        Paragraph(escape(entry.summary), styles["BodyText"]),
    ]
    sections = (
        ("Latar Belakang dan Tujuan", "Uraian masalah pelayanan publik dan tujuan inovasi."),
        ("Kebaruan / Nilai Tambah", "Perbedaan dengan cara lama dan layanan serupa."),
        ("Implementasi Inovasi", "Tahapan pelaksanaan dan pihak yang terlibat."),
        ("Signifikansi", "Perbandingan kondisi sebelum dan sesudah, dengan data pendukung."),
        ("Adaptabilitas", "Replikasi yang sudah atau dapat dilakukan unit lain."),
        ("Sumber Daya", "Anggaran, sumber daya manusia, metode dan peralatan."),
        ("Strategi Keberlanjutan", "Dukungan regulasi, manajerial dan sosial."),
    )
    for i, (heading, text) in enumerate(sections):
        if i == 3:
            body.append(PageBreak())
        body += [Paragraph(heading, styles["Heading2"]), Paragraph(text, styles["BodyText"])]
    doc.build(body)
    return buf.getvalue()
