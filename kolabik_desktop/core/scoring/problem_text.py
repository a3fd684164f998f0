"""The one table that turns a rule's problem code into words, in Indonesian and in English.

The CLI, the reports and the window all read this table (the window through ``ui.i18n``'s
language choice), so a code has exactly one wording per language. A test checks that every code
in ``rules`` has both.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kolabik_desktop.core.scoring import rules as r

LANGS = ("id", "en")

TEXTS: dict[str, dict[str, str]] = {
    r.VALUE_NOT_NUMBER: {
        "id": '"{text}" bukan angka',
        "en": '"{text}" is not a number',
    },
    r.VALUE_RANGE: {
        "id": "{value} di luar rentang {min} sampai {max}",
        "en": "{value} is outside the range {min} to {max}",
    },
    r.VALUE_STEP: {
        "id": "{value} tidak sesuai kelipatan {step} (dari {min})",
        "en": "{value} is not on the step {step} (from {min})",
    },
    r.VALUE_FORMULA: {
        "id": "rumus tanpa nilai tersimpan ({text}); buka dan simpan berkas di Excel, "
        "atau ketik nilainya",
        "en": "a formula with no saved value ({text}); open and save the file in Excel, "
        "or type the value",
    },
    r.VALUE_MERGED: {
        "id": "sel gabungan (merged) tempat nilai seharusnya; pisahkan selnya",
        "en": "a merged cell where a value belongs; unmerge it",
    },
    r.VALUE_DATE: {
        "id": "tanggal/waktu {text} di tempat angka",
        "en": "a date or time {text} where a number belongs",
    },
    r.VALUE_BOOL: {
        "id": "nilai benar/salah {text} di tempat angka",
        "en": "a true/false value {text} where a number belongs",
    },
    r.VALUE_REVISION: {
        "id": "revisi {revision} bukan bilangan bulat 1 sampai {max}",
        "en": "the revision {revision} is not a whole number from 1 to {max}",
    },
    r.CELL_UNKNOWN_JUROR: {
        "id": "juri {juror} tidak dikenal",
        "en": "unknown juror {juror}",
    },
    r.CELL_UNKNOWN_ENTRY: {
        "id": "peserta {entry} tidak dikenal",
        "en": "unknown entry {entry}",
    },
    r.CELL_UNKNOWN_CRITERION: {
        "id": "kriteria {criterion} tidak dikenal di tahap {stage}",
        "en": "unknown criterion {criterion} in stage {stage}",
    },
    r.CELL_UNKNOWN_STAGE: {
        "id": "tahap {stage} tidak dikenal",
        "en": "unknown stage {stage}",
    },
    r.CELL_RECUSED: {
        "id": "juri {juror} dikecualikan dari peserta {entry} (konflik kepentingan)",
        "en": "juror {juror} is recused from entry {entry} (conflict of interest)",
    },
    r.CELL_NOT_ADMITTED: {
        "id": "peserta {entry} tidak lolos ke tahap {stage}",
        "en": "entry {entry} is not admitted to stage {stage}",
    },
    r.CELL_NOT_ASSIGNED: {
        "id": "juri {juror} tidak ditugaskan menilai peserta {entry} di tahap {stage}",
        "en": "juror {juror} is not assigned to entry {entry} in stage {stage}",
    },
    r.REOPEN_NOT_SUBMITTED: {
        "id": "juri {juror} belum menyerahkan tahap {stage}: tidak ada yang dibuka kembali",
        "en": "juror {juror} has not submitted stage {stage}: nothing to reopen",
    },
    r.REOPEN_NOT_CHAIR: {
        "id": "hanya ketua yang membuka kembali tahap, di berkas acara ketua",
        "en": "only the chair reopens a stage, in the chair's event file",
    },
    r.CELL_SUBMITTED: {
        "id": "nilai juri {juror} untuk tahap {stage} sudah diserahkan (hanya-baca sampai "
        "dibuka kembali)",
        "en": "juror {juror}'s scores for stage {stage} are submitted (read-only until reopened)",
    },
    r.CELL_TWICE: {
        "id": "sel yang sama muncul dua kali",
        "en": "the same cell appears twice",
    },
    r.TEXT_TOO_LONG: {
        "id": "teks ({kind}) sepanjang {length} karakter, melebihi batas {max}",
        "en": "the text ({kind}) is {length} characters long, over the limit of {max}",
    },
    r.TEXT_EMPTY: {
        "id": "teks ({kind}) kosong",
        "en": "the text ({kind}) is empty",
    },
    r.STAGE_WEIGHTS: {
        "id": "bobot tahap berjumlah {total}, bukan 100",
        "en": "the stage weights add up to {total}, not 100",
    },
    r.STAGE_WEIGHT_RANGE: {
        "id": "bobot tahap {stage} ({weight}) tidak di antara 0 dan 100",
        "en": "the weight of stage {stage} ({weight}) is not between 0 and 100",
    },
    r.STAGE_SCALE: {
        "id": "skala tahap {stage} ({min} sampai {max}) kosong",
        "en": "the scale of stage {stage} ({min} to {max}) is empty",
    },
    r.STAGE_SCALES_DIFFER: {
        "id": "tahap {stage} memakai skala {min} sampai {max}, tahap {first} {first_min} sampai "
        "{first_max}; semua tahap berbobot harus satu skala",
        "en": "stage {stage} scores on {min} to {max} but stage {first} on {first_min} to "
        "{first_max}; all stages with a weight above 0 must share one scale",
    },
    r.CRITERIA_WEIGHTS: {
        "id": "bobot kriteria tahap {stage} berjumlah {total}, bukan 100",
        "en": "the weights of the criteria of stage {stage} add up to {total}, not 100",
    },
    r.CRITERION_RANGE: {
        "id": "kriteria {criterion}: maksimum {max} harus di atas minimum {min}",
        "en": "criterion {criterion}: the maximum {max} must be above the minimum {min}",
    },
    r.CUMULATIVE_WEIGHT: {
        "id": "bobot kumulatif tahap {stage} untuk {other} harus di atas 0, bukan {weight}",
        "en": "stage {stage}: the cumulative weight of {other} must be above 0, not {weight}",
    },
    r.CUMULATIVE_TOTAL: {
        "id": "bobot kumulatif tahap {stage} berjumlah {total}, bukan 100",
        "en": "stage {stage}: the cumulative weights add up to {total}, not 100",
    },
    r.CUMULATIVE_UNKNOWN: {
        "id": "bobot kumulatif tahap {stage} menyebut tahap {other} yang tidak dikenal",
        "en": "stage {stage}: the cumulative weights name the unknown stage {other}",
    },
    r.CUMULATIVE_LATER: {
        "id": "bobot kumulatif tahap {stage} menyebut tahap sesudahnya, {other}",
        "en": "stage {stage}: the cumulative weights name the later stage {other}",
    },
    r.CUMULATIVE_TWICE: {
        "id": "bobot kumulatif tahap {stage} menyebut {other} dua kali",
        "en": "stage {stage}: the cumulative weights name {other} twice",
    },
    r.DB_ERROR: {
        "id": "basis data menolak perubahan ({detail}); tidak ada yang diubah",
        "en": "the database refused the change ({detail}); nothing was changed",
    },
}

# What a "kind" of text is called, for TEXT_TOO_LONG and TEXT_EMPTY.
KIND_NAMES: dict[str, dict[str, str]] = {
    "event_name": {"id": "nama kompetisi", "en": "event name"},
    "organiser": {"id": "penyelenggara", "en": "organiser"},
    "place": {"id": "tempat", "en": "place"},
    "chair": {"id": "ketua juri", "en": "chair"},
    "stage_name": {"id": "nama tahap", "en": "stage name"},
    "criterion_name": {"id": "nama kriteria", "en": "criterion name"},
    "criterion_description": {"id": "deskripsi kriteria", "en": "criterion description"},
    "descriptors": {"id": "tingkat nilai", "en": "level descriptors"},
    "category": {"id": "kelompok", "en": "category"},
    "title": {"id": "judul", "en": "title"},
    "unit": {"id": "unit", "en": "unit"},
    "summary": {"id": "ringkasan", "en": "summary"},
    "juror_name": {"id": "nama juri", "en": "juror name"},
    "affiliation": {"id": "instansi", "en": "affiliation"},
    "reason": {"id": "alasan", "en": "reason"},
    "note": {"id": "catatan", "en": "note"},
    "comment": {"id": "komentar", "en": "comment"},
}


def _plain(value: Any, lang: str) -> str:
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        text = "0" if text in ("-0", "") else text
        return text.replace(".", ",") if lang == "id" else text
    return str(value)


def problem_message(problem: r.Problem, lang: str = "en") -> str:
    """The problem in words, without its place."""
    lang = lang if lang in LANGS else "en"
    params = {k: _plain(v, lang) for k, v in problem.params.items()}
    kind = problem.params.get("kind")
    if isinstance(kind, str) and kind in KIND_NAMES:
        params["kind"] = KIND_NAMES[kind][lang]
    texts = TEXTS.get(problem.code)
    if texts is None:  # a code this table does not know yet: still say something useful
        return f"{problem.code} {params}"
    return texts[lang].format(**params)


def problem_line(problem: r.Problem, lang: str = "en") -> str:
    """The problem with its place: 'Nilai row 4, column nilai: 8o is not a number'."""
    place = problem.where.text()
    if lang == "id":
        place = place.replace(" row ", " baris ").replace("column ", "kolom ")
    message = problem_message(problem, lang)
    return f"{place}: {message}" if place else message
