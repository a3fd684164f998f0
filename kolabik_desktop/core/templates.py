"""Rubric templates: the stages and criteria a new event starts from (domain.md, "Rubrics in use").

A template is plain data, applied to an event file once; after that the rubric is the event's own
data and the setup screens edit it. Level descriptors are stored on each criterion as JSON
(``[{"value": 60, "text": "..."}]``): what a 60 or a 90 means, shown to the juror beside the input.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import KolabikError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class CriterionTemplate:
    code: str
    name: str
    weight: int
    description: str
    levels: tuple[tuple[int, str], ...] = ()  # (value, what that value means)

    def descriptors_json(self) -> str:
        if not self.levels:
            return ""
        import json  # here, as in apply_template: listing the templates needs none of it

        return json.dumps(
            [{"value": value, "text": text} for value, text in self.levels], ensure_ascii=False
        )


@dataclass(frozen=True)
class StageTemplate:
    code: str
    name: str
    weight: int  # percent of the final score
    criteria: tuple[CriterionTemplate, ...]
    method: str = "mean"
    slot_parts: tuple[tuple[str, int], ...] = ()  # presentation slot: (part, minutes)


@dataclass(frozen=True)
class EventTemplate:
    name: str
    description: str
    stages: tuple[StageTemplate, ...]


# KIPP 2023 proposal rubric (kelompok umum): weights from the ministry's proposal guide.
KIPP_2023_PROPOSAL = StageTemplate(
    code="P1",
    name="Penilaian Proposal",
    weight=40,
    criteria=(
        CriterionTemplate(
            "RIN",
            "Ringkasan",
            0,
            "Gambaran singkat inovasi: masalah, gagasan, hasil. Dibaca untuk memahami proposal, "
            "tidak diberi bobot.",
        ),
        CriterionTemplate(
            "LBT",
            "Latar Belakang dan Tujuan",
            10,
            "Masalah pelayanan publik yang melatarbelakangi inovasi, didukung data, dan tujuan "
            "yang jelas serta terukur.",
            (
                (40, "Masalah disebut secara umum tanpa data; tujuan kabur."),
                (60, "Masalah jelas tetapi data pendukung terbatas; tujuan belum terukur."),
                (75, "Masalah didukung data lokal; tujuan jelas dan sebagian terukur."),
                (90, "Masalah dirumuskan tajam dengan data sebelum inovasi; tujuan terukur."),
            ),
        ),
        CriterionTemplate(
            "KEB",
            "Kebaruan / Nilai Tambah",
            15,
            "Apa yang baru dibandingkan cara sebelumnya atau layanan sejenis di daerah lain, dan "
            "nilai tambah yang dirasakan masyarakat.",
            (
                (40, "Meniru layanan yang sudah umum tanpa perubahan berarti."),
                (60, "Ada modifikasi kecil dari praktik yang sudah ada."),
                (75, "Pendekatan baru di tingkat daerah dengan nilai tambah yang jelas."),
                (90, "Terobosan yang belum ada di daerah lain; nilai tambah nyata dan terbukti."),
            ),
        ),
        CriterionTemplate(
            "IMP",
            "Implementasi Inovasi",
            5,
            "Tahapan pelaksanaan, lama berjalan, dan pihak yang terlibat dalam penerapan inovasi.",
            (
                (40, "Masih rencana atau uji coba kurang dari tiga bulan."),
                (60, "Sudah berjalan, tahapan belum terdokumentasi dengan baik."),
                (75, "Berjalan lebih dari setahun dengan tahapan yang jelas."),
                (
                    90,
                    "Berjalan stabil, terdokumentasi lengkap, melibatkan para pemangku kepentingan.",
                ),
            ),
        ),
        CriterionTemplate(
            "SIG",
            "Signifikansi",
            30,
            "Dampak inovasi: perbandingan kondisi sebelum dan sesudah, dengan bukti (data, "
            "survei kepuasan, dokumentasi).",
            (
                (40, "Dampak hanya diklaim, tanpa bukti."),
                (60, "Ada perubahan, tetapi buktinya lemah atau tidak dibandingkan."),
                (75, "Perbandingan sebelum-sesudah dengan data yang meyakinkan."),
                (90, "Dampak besar dan terukur bagi masyarakat, bukti kuat dan terverifikasi."),
            ),
        ),
        CriterionTemplate(
            "ADP",
            "Adaptabilitas",
            20,
            "Sudah atau dapat direplikasi oleh unit atau daerah lain; kemudahan untuk ditiru.",
            (
                (40, "Sangat bergantung pada kondisi khusus unit pengusul."),
                (60, "Dapat ditiru dengan penyesuaian besar."),
                (75, "Mudah ditiru; sudah ada minat dari unit lain."),
                (90, "Sudah direplikasi di unit atau daerah lain dengan hasil serupa."),
            ),
        ),
        CriterionTemplate(
            "SDA",
            "Sumber Daya",
            5,
            "Anggaran, sumber daya manusia, metode, dan peralatan yang digunakan.",
            (
                (40, "Sumber daya tidak dijelaskan."),
                (60, "Sumber daya dijelaskan sebagian."),
                (75, "Sumber daya jelas dan sepadan dengan hasil."),
                (90, "Sumber daya efisien, jelas asal-usulnya, dan berkelanjutan."),
            ),
        ),
        CriterionTemplate(
            "KEL",
            "Strategi Keberlanjutan",
            15,
            "Keberlanjutan kelembagaan (regulasi, SOP), manajerial, dan sosial (dukungan "
            "masyarakat).",
            (
                (40, "Belum ada strategi; bergantung pada satu orang."),
                (60, "Ada rencana, belum didukung regulasi atau anggaran."),
                (75, "Didukung SOP atau keputusan kepala unit dan anggaran rutin."),
                (90, "Dilembagakan lewat peraturan daerah/kepala daerah; didukung masyarakat."),
            ),
        ),
    ),
)

# East Java (Kovablik) presentation and interview rubric.
EAST_JAVA_PRESENTATION = StageTemplate(
    code="P2",
    name="Presentasi dan Wawancara",
    weight=60,
    slot_parts=(("Video", 3), ("Presentasi", 7), ("Tanya jawab", 13)),
    criteria=(
        CriterionTemplate(
            "PAP",
            "Penyampaian Paparan",
            30,
            "Kejelasan, runtut, dan penguasaan materi saat presentasi; ketepatan waktu.",
            (
                (40, "Tidak runtut, melebihi waktu, banyak membaca slide."),
                (60, "Cukup jelas, tetapi kurang menguasai pertanyaan lanjutan."),
                (75, "Jelas dan runtut; menjawab pertanyaan dengan baik."),
                (90, "Sangat meyakinkan, tepat waktu, menguasai data dan detail."),
            ),
        ),
        CriterionTemplate(
            "MAT",
            "Materi / Kemanfaatan / Replikasi",
            50,
            "Substansi inovasi: manfaat nyata bagi masyarakat dan peluang replikasi.",
            (
                (40, "Manfaat belum terlihat; sulit direplikasi."),
                (60, "Manfaat ada tetapi terbatas pada sedikit penerima."),
                (75, "Manfaat luas dan terukur; peluang replikasi jelas."),
                (90, "Manfaat besar dan terbukti; sudah atau siap direplikasi."),
            ),
        ),
        CriterionTemplate(
            "VID",
            "Video",
            10,
            "Video profil inovasi (maksimal 3 menit): isi, kualitas, dan daya tarik.",
            (
                (40, "Video tidak ada atau tidak relevan."),
                (60, "Video ada, isi kurang menggambarkan inovasi."),
                (75, "Video informatif dan rapi."),
                (90, "Video kuat, menampilkan testimoni penerima manfaat."),
            ),
        ),
        CriterionTemplate(
            "KHD",
            "Kehadiran Kepala Daerah / OPD",
            10,
            "Kehadiran dan keterlibatan pimpinan unit (kepala perangkat daerah, camat, lurah) "
            "saat presentasi.",
            (
                (40, "Pimpinan tidak hadir dan tidak diwakili."),
                (60, "Diwakili pejabat lain."),
                (75, "Pimpinan hadir."),
                (90, "Pimpinan hadir dan memaparkan komitmen keberlanjutan."),
            ),
        ),
    ),
)

TEMPLATES: dict[str, EventTemplate] = {
    "kipp": EventTemplate(
        name="kipp",
        description=(
            "P1 Penilaian Proposal (the KIPP 2023 proposal rubric, weight 40) and P2 Presentasi "
            "dan Wawancara (the East Java presentation rubric, weight 60)"
        ),
        stages=(KIPP_2023_PROPOSAL, EAST_JAVA_PRESENTATION),
    ),
}


def template_names() -> list[str]:
    return sorted(TEMPLATES)


def apply_template(session: Session, name: str, *, actor: str = "system") -> dict[str, int]:
    """Add the template's stages and criteria to an event with no stages; returns code -> stage id.

    Runs in the caller's transaction and records the rubric in the audit log.
    """
    # Here, not at the top: the command line lists the templates without loading SQLAlchemy
    # (nor json).
    import json

    from sqlalchemy import select

    from kolabik_desktop.core.store.models import Criterion, Stage
    from kolabik_desktop.core.store.services import audit_rubric_change

    template = TEMPLATES.get(name)
    if template is None:
        raise KolabikError.coded(ec.TEMPLATE_UNKNOWN, name=name, known=", ".join(template_names()))
    if session.scalar(select(Stage.id).limit(1)) is not None:
        raise KolabikError.coded(ec.TEMPLATE_HAS_STAGES)
    stage_ids: dict[str, int] = {}
    for position, st in enumerate(template.stages, start=1):
        stage = Stage(
            code=st.code,
            name=st.name,
            position=position,
            weight=Decimal(st.weight),
            method=st.method,
            slot_parts=json.dumps(
                [{"name": part, "minutes": minutes} for part, minutes in st.slot_parts],
                ensure_ascii=False,
            )
            if st.slot_parts
            else "",
        )
        session.add(stage)
        session.flush()
        stage_ids[st.code] = stage.id
        for cpos, ct in enumerate(st.criteria):
            session.add(
                Criterion(
                    stage_id=stage.id,
                    code=ct.code,
                    name=ct.name,
                    description=ct.description,
                    weight=Decimal(ct.weight),
                    min_value=Decimal(0),
                    max_value=Decimal(100),
                    step=Decimal(1),
                    position=cpos,
                    descriptors=ct.descriptors_json(),
                )
            )
    session.flush()
    audit_rubric_change(
        session,
        actor=actor,
        action="rubric.template",
        subject={"template": name},
        old=None,
        new={
            st.code: {c.code: c.weight for c in st.criteria} | {"_weight": st.weight}
            for st in template.stages
        },
    )
    return stage_ids
