"""The one table that turns a rule's problem code into words, in Indonesian and in English.

The same table words `kolabik check`'s findings (``FINDING_TEXTS``, the codes of
core/exchange/proof.py). The CLI, the reports and the window all read these tables (the window
through ``ui.i18n``'s language choice), so a code has exactly one wording per language. A test
checks that every code in ``rules`` and every finding code has both.
"""

from __future__ import annotations

import functools
import string
from decimal import Decimal
from typing import Any, Protocol

from kolabik_desktop.core import codes as c
from kolabik_desktop.core.scoring import rules as r
from kolabik_desktop.core.scoring.numbers import localize_number_text

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
    # -- core's expected errors beyond the rules (codes in core/codes.py) -------------------
    c.SUBJECT_EVENT_NAME: {"id": "Nama kompetisi", "en": "The event name"},
    c.SUBJECT_ORGANISER: {"id": "Penyelenggara", "en": "The organiser"},
    c.SUBJECT_PLACE: {"id": "Tempat penandatanganan", "en": "The signing place"},
    c.SUBJECT_CHAIR: {"id": "Nama ketua juri", "en": "The chair's name"},
    c.SUBJECT_STAGE: {"id": "Tahap", "en": "Stage"},
    c.SUBJECT_STAGE_CODE: {"id": "Tahap {stage}", "en": "Stage {stage}"},
    c.SUBJECT_STAGE_NAME: {"id": "Tahap {stage}: nama", "en": "Stage {stage}: the name"},
    c.SUBJECT_STAGE_ORDER: {"id": "Urutan tahap", "en": "Stage order"},
    c.SUBJECT_CATEGORY: {"id": "Kelompok", "en": "Category"},
    c.SUBJECT_CATEGORY_NAME: {"id": "Nama kelompok", "en": "The category name"},
    c.SUBJECT_ENTRY: {"id": "Peserta", "en": "Entry"},
    c.SUBJECT_ENTRY_TITLE: {"id": "Peserta {entry}: judul", "en": "Entry {entry}: the title"},
    c.SUBJECT_ENTRY_UNIT: {"id": "Peserta {entry}: unit", "en": "Entry {entry}: the unit"},
    c.SUBJECT_ENTRY_SUMMARY: {
        "id": "Peserta {entry}: ringkasan",
        "en": "Entry {entry}: the summary",
    },
    c.SUBJECT_FILE_ENTRY: {"id": "{file}: peserta", "en": "{file}: entry"},
    c.SUBJECT_JUROR: {"id": "Juri", "en": "Juror"},
    c.SUBJECT_JUROR_NAME: {"id": "Juri {juror}: nama", "en": "Juror {juror}: the name"},
    c.SUBJECT_JUROR_AFFILIATION: {
        "id": "Juri {juror}: instansi",
        "en": "Juror {juror}: the affiliation",
    },
    c.SUBJECT_ATTACHMENT: {"id": "Lampiran", "en": "Attachment"},
    c.SUBJECT_DECISION: {"id": "Keputusan juri", "en": "Decision"},
    c.SUBJECT_DECISION_FOR: {"id": "Keputusan untuk {entry}", "en": "Decision for {entry}"},
    c.SUBJECT_REASON: {"id": "Alasan", "en": "The reason"},
    c.SUBJECT_CRITERION: {"id": "Kriteria", "en": "Criterion"},
    c.SUBJECT_CRITERION_N: {"id": "Kriteria {n} ({code})", "en": "Criterion {n} ({code})"},
    c.SUBJECT_CRITERION_N_NO_CODE: {
        "id": "Kriteria {n} (tanpa kode)",
        "en": "Criterion {n} (no code)",
    },
    c.FIELD_CODE_EMPTY: {"id": "{what}: kodenya kosong", "en": "{what}: the code is empty"},
    c.FIELD_CODE_PATTERN: {
        "id": "{what}, kode '{code}': gunakan paling banyak 40 huruf, angka, '-', '_', '.' "
        "atau '/', diawali huruf atau angka (tanpa spasi atau titik dua)",
        "en": "{what} code '{code}': use up to 40 letters, digits, '-', '_', '.' or '/', "
        "starting with a letter or digit (no spaces or colons)",
    },
    c.FIELD_EMPTY: {"id": "{what} kosong", "en": "{what} is empty"},
    c.FIELD_TOO_LONG: {
        "id": "{what}: teks ({kind}) sepanjang {length} karakter, melebihi batas {max}",
        "en": "{what}: the text ({kind}) is {length} characters long, over the limit of {max}",
    },
    c.FIELD_NOT_NUMBER: {
        "id": "{what}: '{text}' bukan angka",
        "en": "{what}: '{text}' is not a number",
    },
    c.ROW_GONE: {
        "id": "{what} id {id} tidak ada (baru saja dihapus?)",
        "en": "{what} id {id} does not exist (deleted meanwhile?)",
    },
    c.SETUP_NOT_CHAIR: {
        "id": "pengaturan dilakukan di berkas acara ketua, bukan di kit juri",
        "en": "setup is done in the chair's event file, not in a juror kit",
    },
    c.SETUP_ENGINE: {"id": "{what} ditolak: {detail}", "en": "{what}: {detail}"},
    c.EVENT_YEAR: {
        "id": "Tahun {year} tidak di antara 1900 dan 2200",
        "en": "The year {year} is not between 1900 and 2200",
    },
    c.EVENT_PRECISION: {
        "id": "Presisi tampilan {precision} tidak di antara 0 dan 6 desimal",
        "en": "The display precision {precision} is not 0 to 6 decimals",
    },
    c.EVENT_TIEBREAK: {
        "id": "Urutan pemecah seri '{tiebreak}' bukan standard atau none",
        "en": "The tie-break chain '{tiebreak}' is not standard or none",
    },
    c.EVENT_LOGO_SIZE: {"id": "Logo lebih besar dari 2 MB", "en": "The logo is larger than 2 MB"},
    c.EVENT_LOGO_KIND: {
        "id": "Logo bukan gambar PNG atau JPEG",
        "en": "The logo is not a PNG or JPEG image",
    },
    c.SLOTS_TEXT: {"id": "Bagian alokasi waktu: {detail}", "en": "Slot parts: {detail}"},
    c.SLOTS_JSON: {
        "id": "Bagian alokasi waktu bukan JSON yang sah ({detail})",
        "en": "Slot parts are not valid JSON ({detail})",
    },
    c.SLOTS_NOT_LIST: {
        "id": 'Bagian alokasi waktu harus berupa daftar seperti [{{"name": "Video", "minutes": 3}}]',
        "en": 'Slot parts must be a list like [{{"name": "Video", "minutes": 3}}]',
    },
    c.SLOT_NO_NAME: {
        "id": "Bagian alokasi waktu {n} tidak bernama",
        "en": "Slot part {n} has no name",
    },
    c.SLOT_MINUTES: {
        "id": "Bagian alokasi waktu {n} ('{name}'): menitnya harus di atas 0",
        "en": "Slot part {n} ('{name}'): minutes must be above 0",
    },
    c.SLOTS_EMPTY: {
        "id": "Tahap {stage}: alokasi waktu perlu sedikitnya satu bagian",
        "en": "Stage {stage}: a slot needs at least one part",
    },
    c.SLOTS_OF_STAGE: {"id": "Tahap {stage}: {problem}", "en": "Stage {stage}: {problem}"},
    c.STAGE_WEIGHT: {
        "id": "Tahap {stage}: bobot {weight} tidak di antara 0 dan 100",
        "en": "Stage {stage}: the weight {weight} is not between 0 and 100",
    },
    c.STAGE_METHOD: {
        "id": "Tahap {stage}: metode '{method}' bukan salah satu dari {methods}",
        "en": "Stage {stage}: the method '{method}' is not one of {methods}",
    },
    c.STAGE_BAND_MISSING: {
        "id": "Tahap {stage}: metode banded memerlukan batas L",
        "en": "Stage {stage}: the banded method needs a band L",
    },
    c.STAGE_BAND: {
        "id": "Tahap {stage}: batas L harus di atas 0 (saat ini {band})",
        "en": "Stage {stage}: the band L must be above 0 (it is {band})",
    },
    c.STAGE_SCALE_ORDER: {
        "id": "Tahap {stage}: skala minimum {min} tidak di bawah maksimum {max}",
        "en": "Stage {stage}: the scale minimum {min} is not below the maximum {max}",
    },
    c.STAGE_CUMULATIVE_TEXT: {
        "id": "Tahap {stage}: bobot kumulatif tidak terbaca ({detail})",
        "en": "Stage {stage}: cumulative weights: {detail}",
    },
    c.STAGE_SHARE_SCALE: {
        "id": "Tahap berbobot di atas 0 harus memakai satu skala ({scales})",
        "en": "Stages of weight above 0 must share one scale ({scales})",
    },
    c.STAGE_EXISTS: {"id": "Tahap {stage} sudah ada", "en": "Stage {stage} already exists"},
    c.STAGE_GONE: {
        "id": "Tahap {stage} tidak ada (baru saja dihapus?)",
        "en": "Stage {stage} does not exist (deleted meanwhile?)",
    },
    c.STAGE_HAS_SCORES: {
        "id": "Tahap {stage} memiliki {scores} nilai; konfirmasikan untuk menghapusnya "
        "bersama tahap",
        "en": "Stage {stage} has {scores} scores; confirm to delete them with the stage",
    },
    c.STAGE_USED_IN_CUMULATIVE: {
        "id": "Tahap {stage} dipakai dalam bobot kumulatif {users}; ubah itu dahulu",
        "en": "Stage {stage} is used in the cumulative weights of {users}; change those first",
    },
    c.ORDER_IDS_ONLY: {
        "id": "Urutan presentasi tahap {stage}: hanya id peserta",
        "en": "The presentation order of stage {stage}: entry ids only",
    },
    c.ORDER_TWICE: {
        "id": "Urutan presentasi tahap {stage} menyebut satu peserta dua kali",
        "en": "The presentation order of stage {stage} names an entry twice",
    },
    c.ORDER_ENTRY_GONE: {
        "id": "Urutan presentasi tahap {stage}: tidak ada peserta dengan id {id} "
        "(baru saja dihapus?)",
        "en": "The presentation order of stage {stage}: there is no entry with id {id} "
        "(deleted meanwhile?)",
    },
    c.DESCRIPTOR_LINE: {
        "id": "Baris deskriptor tingkat {n} ('{line}') tidak berbentuk 'NILAI: teks'",
        "en": "Descriptor line {n} ('{line}') is not 'VALUE: text'",
    },
    c.RUBRIC_REFUSED: {
        "id": "Rubrik tidak dapat disimpan: {problems}",
        "en": "The rubric cannot be saved: {problems}",
    },
    c.RUBRIC_CODE_CHARS: {
        "id": "{what}: kode hanya boleh berisi huruf, angka, '-', '_', '.', '/'",
        "en": "{what}: the code may hold only letters, digits, '-', '_', '.', '/'",
    },
    c.RUBRIC_CODE_TWICE: {
        "id": "{what}: kode dipakai dua kali",
        "en": "{what}: the code is used twice",
    },
    c.RUBRIC_NAME_EMPTY: {"id": "{what}: namanya kosong", "en": "{what}: the name is empty"},
    c.RUBRIC_WEIGHT_NEGATIVE: {
        "id": "{what}: bobotnya di bawah 0",
        "en": "{what}: the weight is below 0",
    },
    c.RUBRIC_MIN_MAX: {
        "id": "{what}: minimum {min} tidak di bawah maksimum",
        "en": "{what}: the minimum {min} is not below the maximum",
    },
    c.RUBRIC_STEP: {
        "id": "{what}: kelipatan harus di atas 0",
        "en": "{what}: the step must be above 0",
    },
    c.RUBRIC_STEP_REACH: {
        "id": "{what}: kelipatan {step} tidak mencapai maksimum {max} dari {min}",
        "en": "{what}: the step {step} does not reach the maximum {max} from {min}",
    },
    c.RUBRIC_DESCRIPTOR_EMPTY: {
        "id": "{what}: sebuah tingkat nilai tidak memiliki nilai atau teks",
        "en": "{what}: a level descriptor lacks a value or text",
    },
    c.RUBRIC_DESCRIPTOR_RANGE: {
        "id": "{what}: tingkat nilai {value} di luar rentang",
        "en": "{what}: the level descriptor {value} is outside the range",
    },
    c.RUBRIC_DESCRIPTORS_JSON: {
        "id": "{what}: tingkat nilai bukan JSON yang sah",
        "en": "{what}: the level descriptors are not valid JSON",
    },
    c.RUBRIC_WEIGHTS: {
        "id": "Bobot kriteria berjumlah {total}, bukan 100",
        "en": "The weights add up to {total}, not 100",
    },
    c.RUBRIC_CRITERIA_GONE: {
        "id": "Tahap {stage}: kriteria {ids} tidak ada di tahap ini (baru saja diubah?)",
        "en": "Stage {stage}: criteria {ids} are not in this stage (changed meanwhile?)",
    },
    c.RUBRIC_CONFIRM: {
        "id": "Tahap {stage}: perubahan ini menyentuh {touched} nilai yang ada ({deleted} "
        "pada kriteria yang dihapus akan ikut terhapus); konfirmasikan dahulu",
        "en": "Stage {stage}: this change touches {touched} existing scores ({deleted} on "
        "removed criteria would be deleted); confirm it first",
    },
    c.RUBRIC_STRANDED: {
        "id": "Kriteria {criterion}: {count} nilai yang ada tidak sesuai rentang {min} "
        "sampai {max} kelipatan {step} (mis. {value} oleh {juror} untuk {entry}); ubah atau "
        "kosongkan dahulu",
        "en": "Criterion {criterion}: {count} existing scores do not fit the range {min} "
        "to {max} step {step} (e.g. {value} by {juror} for {entry}); change or clear them first",
    },
    c.CATEGORY_EXISTS: {
        "id": "Kelompok '{name}' sudah ada",
        "en": "The category '{name}' already exists",
    },
    c.ENTRY_EXISTS: {"id": "Peserta {entry} sudah ada", "en": "Entry {entry} already exists"},
    c.ENTRY_CATEGORY_GONE: {
        "id": "Peserta {entry}: kelompok dengan id {id} tidak ada",
        "en": "Entry {entry}: category id {id} does not exist",
    },
    c.ENTRY_HAS_SCORES: {
        "id": "Peserta {entry} memiliki {scores} nilai; konfirmasikan untuk menghapusnya "
        "bersama peserta",
        "en": "Entry {entry} has {scores} scores; confirm to delete them with the entry",
    },
    c.FILE_TOO_LARGE: {
        "id": "{file}: lebih besar dari 200 MB, terlalu besar untuk dilampirkan",
        "en": "{file}: larger than 200 MB, too big to attach",
    },
    c.FILE_UNREADABLE: {
        "id": "{file}: tidak dapat dibaca ({detail})",
        "en": "{file}: cannot be read ({detail})",
    },
    c.JUROR_EXISTS: {"id": "Juri {juror} sudah ada", "en": "Juror {juror} already exists"},
    c.JUROR_HAS_SCORES: {
        "id": "Juri {juror} telah memberi {scores} nilai; konfirmasikan untuk menghapusnya "
        "bersama juri",
        "en": "Juror {juror} has given {scores} scores; confirm to delete them with the juror",
    },
    c.CONFLICT_REASON: {
        "id": "Konflik kepentingan memerlukan alasan (mis. 'unit sendiri')",
        "en": "A conflict of interest needs a reason (e.g. 'own unit')",
    },
    c.CONFLICT_GONE: {
        "id": "Juri atau peserta itu tidak ada (baru saja dihapus?)",
        "en": "The juror or the entry does not exist (deleted meanwhile?)",
    },
    c.CONFLICT_NONE: {
        "id": "Tidak ada konflik kepentingan seperti itu",
        "en": "There is no such conflict of interest",
    },
    c.ASSIGN_MODE: {
        "id": "Cara penugasan '{mode}' tidak dikenal",
        "en": "Unknown assignment mode '{mode}'",
    },
    c.ASSIGN_JUROR_GONE: {
        "id": "Juri dengan id {id} tidak ada",
        "en": "Juror id {id} does not exist",
    },
    c.ASSIGN_CATEGORIES_GONE: {
        "id": "Kelompok dengan id {ids} tidak ada",
        "en": "Category ids {ids} do not exist",
    },
    c.ASSIGN_NO_CATEGORY: {
        "id": "Tahap {stage}: tidak ada juri yang diberi kelompok yang memiliki peserta",
        "en": "Stage {stage}: no juror is given a category that has entries",
    },
    c.ASSIGN_UNKNOWN_PAIR: {
        "id": "Tahap {stage}: juri atau peserta tidak dikenal dalam {pairs}",
        "en": "Stage {stage}: unknown juror or entry in {pairs}",
    },
    c.ASSIGN_NONE: {
        "id": "Tahap {stage}: tidak ada juri yang ditugaskan ke peserta mana pun",
        "en": "Stage {stage}: no juror is assigned to any entry",
    },
    c.SHORTLIST_CHOICE: {
        "id": "Pilih salah satu: jumlah peserta atau kuota per kelompok",
        "en": "Choose either a number of entries or quotas per category",
    },
    c.SHORTLIST_TOP_N: {
        "id": "Jumlah peserta yang lolos sedikitnya 1",
        "en": "The number of entries to advance must be at least 1",
    },
    c.SHORTLIST_QUOTA: {"id": "Kuota tidak boleh di bawah 0", "en": "A quota may not be below 0"},
    c.ADMIT_FIRST_STAGE: {
        "id": "Tahap {stage} adalah tahap pertama: semua peserta ada di dalamnya",
        "en": "Stage {stage} is the first stage: every entry is in it",
    },
    c.ADMIT_NONE: {
        "id": "Belum ada peserta yang dipilih untuk lolos ke tahap {stage}",
        "en": "No entry chosen to admit to stage {stage}",
    },
    c.ADMIT_ENTRIES_GONE: {
        "id": "Peserta dengan id {ids} tidak ada",
        "en": "Entry ids {ids} do not exist",
    },
    c.ADMIT_SCORED: {
        "id": "Tahap {stage}: {count} peserta yang sudah dinilai di sana akan keluar dari "
        "tahap ({entries}); konfirmasikan dahulu",
        "en": "Stage {stage}: {count} entries already scored there would leave the stage "
        "({entries}); confirm first",
    },
    c.ADMIT_DECIDED: {
        "id": "Tahap {stage}: {entries} akan keluar dari tahap, padahal keputusan juri "
        "menempatkannya; hapus keputusan itu dahulu",
        "en": "Stage {stage}: {entries} would leave the stage, but a jury decision places "
        "them; remove that decision first",
    },
    c.DECISION_REASON: {
        "id": "Keputusan juri memerlukan alasan (mis. 'ex aequo, notulen hlm. 2')",
        "en": "A jury decision needs a reason (e.g. 'ex aequo, minutes p. 2')",
    },
    c.DECISION_PLACE: {
        "id": "Peringkat {rank} harus 1 atau lebih",
        "en": "The place {rank} must be 1 or more",
    },
    c.DECISION_NO_STAGE: {"id": "Tidak ada tahap {stage}", "en": "There is no stage {stage}"},
    c.DECISION_NOT_IN_STAGE: {
        "id": "Peserta {entry} tidak ada di tahap {stage}",
        "en": "Entry {entry} is not in stage {stage}",
    },
    c.DECISION_BEYOND: {
        "id": "Peringkat {rank} melebihi jumlah peserta ({entries})",
        "en": "The place {rank} is beyond the {entries} entries",
    },
    c.DECISION_UNSCORED: {
        "id": "Peserta {entry} belum memiliki nilai di tahap {stage}, jadi belum ada peringkat "
        "yang dapat diputuskan: catat keputusan juri setelah nilainya masuk",
        "en": "Entry {entry} has no score on stage {stage} yet, so it has no place to decide: "
        "record the jury's decision once its scores are in",
    },
    c.DECISION_UNSCORED_FINAL: {
        "id": "Peserta {entry} belum memiliki nilai di peringkat akhir, jadi belum ada "
        "peringkat yang dapat diputuskan: catat keputusan juri setelah nilainya masuk",
        "en": "Entry {entry} has no score on the final ranking yet, so it has no place to "
        "decide: record the jury's decision once its scores are in",
    },
    c.AWARD_SIGNER_NAME_LONG: {
        "id": "Nama penanda tangan lebih dari 200 karakter",
        "en": "The signer's name is longer than 200 characters",
    },
    c.AWARD_SIGNER_TITLE_LONG: {
        "id": "Jabatan penanda tangan lebih dari 200 karakter",
        "en": "The signer's title is longer than 200 characters",
    },
    c.AWARD_PLACE_NAME_LONG: {
        "id": "Nama peringkat '{name}…' lebih dari 100 karakter",
        "en": "The place name '{name}…' is longer than 100 characters",
    },
    c.AWARD_HONOURABLE_NAME_LONG: {
        "id": "Nama Juara Harapan '{name}…' lebih dari 100 karakter",
        "en": "The Juara Harapan name '{name}…' is longer than 100 characters",
    },
    c.AWARD_GROUP_LONG: {
        "id": "Nama peringkat penghargaan lainnya lebih dari 100 karakter",
        "en": "The name of the other awarded places is longer than 100 characters",
    },
    c.AWARD_COUNT: {
        "id": "Jumlah peringkat penghargaan {count} tidak di antara 1 dan 1000",
        "en": "The number of awarded places {count} is not 1 to 1000",
    },
    c.AWARD_LEGAL_LONG: {
        "id": "Dasar hukum lebih dari 5000 karakter",
        "en": "The legal bases are longer than 5000 characters",
    },
    c.AWARD_SIGNATURE_SIZE: {
        "id": "Gambar tanda tangan lebih besar dari 2 MB",
        "en": "The signature image is larger than 2 MB",
    },
    c.AWARD_SIGNATURE_KIND: {
        "id": "Gambar tanda tangan bukan gambar PNG atau JPEG",
        "en": "The signature image is not a PNG or JPEG image",
    },
    c.ENTRY_ID_GONE: {
        "id": "peserta dengan id {id} tidak ada",
        "en": "entry id {id} does not exist",
    },
    c.TOLERANCE_NOT_NUMBER: {
        "id": "{what}: toleransi {value} bukan angka 0 atau lebih",
        "en": "{what}: the tolerance {value} is not a number of 0 or more",
    },
    c.TOLERANCE_TOO_LARGE: {
        "id": "{what}: toleransi {value} lebih besar dari skala tahap ({min} sampai {max})",
        "en": "{what}: the tolerance {value} is larger than the stage's scale ({min} to {max})",
    },
    c.PANEL_UNKNOWN_JURORS: {
        "id": "juri tidak dikenal: {codes}; tidak ada yang diubah",
        "en": "unknown juror(s): {codes}; nothing was changed",
    },
    c.PANEL_UNKNOWN_CATEGORIES: {
        "id": "kelompok tidak dikenal: {codes}; tidak ada yang diubah",
        "en": "unknown category(ies): {codes}; nothing was changed",
    },
    c.PANEL_UNKNOWN_ENTRIES: {
        "id": "peserta tidak dikenal: {codes}; tidak ada yang diubah",
        "en": "unknown entry(ies): {codes}; nothing was changed",
    },
    c.PANEL_NAME_MISSING: {
        "id": "panel memerlukan nama",
        "en": "a panel needs a name",
    },
    c.PANEL_JURORS_MISSING: {
        "id": "panel {panel}: sebutkan jurinya (--jurors J1,J2)",
        "en": "panel {panel}: give its jurors (--jurors J1,J2)",
    },
    c.PANEL_SCOPE_MISSING: {
        "id": "panel {panel}: sebutkan kelompok atau pesertanya",
        "en": "panel {panel}: give its categories or its entries",
    },
    c.PANEL_EXISTS: {
        "id": "panel {panel}: panel dengan nama ini sudah ada; tidak ada yang diubah",
        "en": "panel {panel}: a panel of this name exists; nothing was changed",
    },
    c.PANEL_ROLES_ON_FILE: {
        "id": "{file}: berkas acara tidak memiliki peran basis data; di berkas, panel hanyalah data (satu ketua, semua diizinkan). Salin acara ke server dahulu (kolabik copy)",
        "en": "{file}: an event file has no database roles; on a file, panels are just data (one chair, everything allowed). Copy the event to a server first (kolabik copy)",
    },
    c.PANEL_GONE: {
        "id": "panel {panel}: panel itu tidak ada; tidak ada yang diubah",
        "en": "panel {panel}: no such panel; nothing was changed",
    },
    c.PANEL_ROLE_TAKEN: {
        "id": "{role}: sudah menjadi peran panel {panel}; tidak ada yang diubah",
        "en": "{role}: already the role of panel {panel}; nothing was changed",
    },
    c.COPY_SAME: {
        "id": "{source}: sumber dan tujuan adalah acara yang sama",
        "en": "{source}: source and target are the same event",
    },
    c.COPY_COUNT: {
        "id": "{table}: {read} baris terbaca tetapi {written} di salinan",
        "en": "{table}: {read} rows read but {written} in the copy",
    },
    c.COPY_TARGET_NOT_EMPTY: {
        "id": "{target}: basis data tidak kosong ({tables} tabel); salin ke basis data kosong, atau beri --force untuk mengganti acara di dalamnya",
        "en": "{target}: the database is not empty ({tables} tables); copy into an empty database, or pass --force to replace the event in it",
    },
    c.COPY_ROLLED_BACK: {
        "id": "{target}: penyalinan gagal dan dibatalkan, tidak ada yang ditulis ({detail})",
        "en": "{target}: the copy failed and was rolled back, nothing was written ({detail})",
    },
    c.COPY_FILE_EXISTS: {
        "id": "{file}: berkas dengan nama ini sudah ada (--force menggantinya)",
        "en": "{file}: a file with this name already exists (--force replaces it)",
    },
    c.COPY_NO_FOLDER: {
        "id": "{folder}: folder tidak ada",
        "en": "{folder}: folder does not exist",
    },
    c.COPY_FAILED: {
        "id": "{file}: penyalinan gagal, tidak ada yang ditulis ({detail})",
        "en": "{file}: the copy failed, nothing was written ({detail})",
    },
    c.REPORT_KIND: {
        "id": "jenis laporan '{kind}' tidak dikenal (gunakan {known})",
        "en": "unknown report kind '{kind}' (use {known})",
    },
    c.REPORT_PAPER: {
        "id": "ukuran kertas '{paper}' tidak dikenal (gunakan a4 atau f4)",
        "en": "unknown paper '{paper}' (use a4 or f4)",
    },
    c.REPORT_LANG: {
        "id": "bahasa '{lang}' tidak dikenal (gunakan id atau en)",
        "en": "unknown language '{lang}' (use id or en)",
    },
    c.REPORT_ORIENTATION: {
        "id": "orientasi '{orientation}' tidak dikenal (gunakan {known})",
        "en": "unknown orientation '{orientation}' (use {known})",
    },
    c.REPORT_KIT_KIND: {
        "id": "kit juri hanya berisi nilai juri itu, sehingga laporan {kind} akan menampilkan nilai panel yang salah: buat dari berkas acara ketua",
        "en": "a juror's kit holds only that juror's scores, so a {kind} report would show wrong panel scores: make it from the chair's event file",
    },
    c.REPORT_NO_STAGES: {
        "id": "acara belum memiliki tahap: tambahkan tahap dan rubriknya dahulu",
        "en": "the event has no stages yet: add a stage and its rubric first",
    },
    c.REPORT_NO_STAGE: {
        "id": "tidak ada tahap '{stage}' di acara ini (tahap: {known})",
        "en": "no stage '{stage}' in this event (stages: {known})",
    },
    c.REPORT_NO_JUROR: {
        "id": "tidak ada juri '{juror}' di acara ini (juri: {known})",
        "en": "no juror '{juror}' in this event (jurors: {known})",
    },
    c.REPORT_ONE_STAGE: {
        "id": "laporan {kind} untuk satu tahap, bukan peringkat akhir",
        "en": "a {kind} report is for one stage, not the final",
    },
    c.REPORT_NO_JURORS: {
        "id": "acara belum memiliki juri",
        "en": "the event has no jurors yet",
    },
    c.REPORT_NO_CATEGORY: {
        "id": "tidak ada kelompok '{category}' (kelompok: {known})",
        "en": "no category '{category}' (categories: {known})",
    },
    c.REPORT_NO_ENTRY: {
        "id": "tidak ada peserta '{entry}' di acara ini",
        "en": "no entry '{entry}' in this event",
    },
    c.REPORT_TOP_N: {
        "id": "jumlah teratas (top N) sedikitnya 1, bukan {top_n}",
        "en": "top N must be at least 1, not {top_n}",
    },
    c.AWARD_NOTHING_STAGE: {
        "id": "belum ada peserta yang memiliki nilai di tahap {stage}: belum ada yang dapat diberi penghargaan",
        "en": "no entry has a score on stage {stage} yet: nothing to award",
    },
    c.AWARD_NOTHING_FINAL: {
        "id": "belum ada peserta yang memiliki nilai di peringkat akhir: belum ada yang dapat diberi penghargaan",
        "en": "no entry has a score on the final ranking yet: nothing to award",
    },
    c.AWARD_NOT_RANKED: {
        "id": "peserta {entry} tidak memiliki peringkat, jadi tidak ada penghargaan untuknya",
        "en": "entry {entry} is not ranked, so it has no place to award",
    },
    c.AWARD_OUTSIDE: {
        "id": "peserta {entry} berada di peringkat {rank}, di luar {count} peringkat penghargaan (gunakan --top {rank} atau lebih)",
        "en": "entry {entry} is placed {rank}, outside the {count} awarded places (use --top {rank} or more)",
    },
    c.AWARD_PROVISIONAL_FINAL: {
        "id": "peringkat akhir masih sementara ({count} peserta belum dinilai oleh semua juri: {entries}), jadi urutannya masih dapat berubah",
        "en": "the final ranking is still provisional ({count} entries not scored by every juror: {entries}), so its places may still change",
    },
    c.AWARD_PROVISIONAL_STAGE: {
        "id": "peringkat tahap {stage} masih sementara ({count} peserta belum dinilai oleh semua juri: {entries}), jadi urutannya masih dapat berubah",
        "en": "the ranking of stage {stage} is still provisional ({count} entries not scored by every juror: {entries}), so its places may still change",
    },
    c.PROMOTE_FROM_KIT: {
        "id": "kit juri hanya berisi nilai juri itu: lanjutkan dari berkas acara",
        "en": "a juror's kit holds only that juror's scores: promote from the event",
    },
    c.PROMOTE_INTO_KIT: {
        "id": "{file}: ini kit juri, bukan acara: lanjutkan ke berkas acara",
        "en": "{file}: a juror's kit, not an event: promote into an event file",
    },
    c.PROMOTE_SUFFIX: {
        "id": "{file}: berkas acara berikutnya harus berakhiran .kolabik",
        "en": "{file}: the next event's file should end in .kolabik",
    },
    c.PROMOTE_APPEARED: {
        "id": "{file}: muncul saat sedang dibuat; tidak ada yang ditulis",
        "en": "{file}: appeared while it was being built; nothing was written",
    },
    c.PROMOTE_SAME_FILE: {
        "id": "{file}: acara berikutnya harus berkas lain daripada sumbernya",
        "en": "{file}: the next event must be another file than the source",
    },
    c.PROMOTE_CLASHES: {
        "id": "{file} sudah memiliki peserta dengan kode ini tetapi isinya berbeda: {clashes}. Ganti nama atau hapus dahulu di sana; tidak ada yang diubah.",
        "en": "{file} already has entries with these codes but other content: {clashes}. Rename or remove them there first; nothing was changed.",
    },
    c.TEMPLATE_UNKNOWN: {
        "id": "templat '{name}' tidak dikenal (yang ada: {known})",
        "en": "unknown template '{name}' (known: {known})",
    },
    c.TEMPLATE_HAS_STAGES: {
        "id": "acara sudah memiliki tahap; templat hanya untuk memulai acara baru",
        "en": "the event already has stages; a template only starts a new event",
    },
    c.SUBJECT_CURRENT_USER: {
        "id": "pengguna saat ini",
        "en": "the current user",
    },
    c.SERVER_BAD_URL: {
        "id": "{location}: bukan alamat server yang sah; tulis postgresql://user@host[:port]/dbname",
        "en": "{location}: not a valid server address; write postgresql://user@host[:port]/dbname",
    },
    c.SERVER_PASSWORD_IN_URL: {
        "id": "{server}: kata sandi di dalam URL ditolak (siapa pun di komputer ini dapat membacanya dari daftar proses atau riwayat shell); simpan di variabel PGPASSWORD atau di ~/.pgpass",
        "en": "{server}: a password in the URL is refused (anyone on this computer could read it from the process list or the shell history); put it in the PGPASSWORD variable or in ~/.pgpass instead",
    },
    c.SERVER_NOT_POSTGRES: {
        "id": "{server}: hanya server postgresql:// yang didukung",
        "en": "{server}: only postgresql:// servers are supported",
    },
    c.SERVER_NO_DBNAME: {
        "id": "{server}: URL tidak menyebut basis data; tambahkan /dbname di ujungnya",
        "en": "{server}: the URL names no database; add /dbname at its end",
    },
    c.SERVER_NO_LIBPQ: {
        "id": "{server}: instalasi ini tidak dapat menghubungi server PostgreSQL: pustaka klien PostgreSQL (libpq) tidak ada. Pasang dahulu (Debian/Ubuntu: apt install libpq5; Windows dan macOS: klien PostgreSQL dari postgresql.org), lalu coba lagi",
        "en": "{server}: this installation cannot reach PostgreSQL servers: the PostgreSQL client library (libpq) is missing. Install it (Debian/Ubuntu: apt install libpq5; Windows and macOS: the PostgreSQL client from postgresql.org) and try again",
    },
    c.SERVER_AUTH: {
        "id": "{server}: server menolak nama pengguna atau kata sandi (atur PGPASSWORD atau ~/.pgpass untuk pengguna {user})",
        "en": "{server}: the server refused the user name or password (set PGPASSWORD or ~/.pgpass for user {user})",
    },
    c.SERVER_NO_DATABASE: {
        "id": "{server}: server tidak memiliki basis data '{dbname}'; buat dahulu (createdb)",
        "en": "{server}: the server has no database '{dbname}'; create it first (createdb)",
    },
    c.SERVER_NO_USER: {
        "id": "{server}: server tidak memiliki pengguna '{user}'",
        "en": "{server}: the server has no user '{user}'",
    },
    c.SERVER_UNREACHABLE: {
        "id": "{server}: server tidak dapat dihubungi (apakah server berjalan, dan apakah host serta port sudah benar?)",
        "en": "{server}: the server cannot be reached (is it running, and are host and port right?)",
    },
    c.SERVER_UNKNOWN_HOST: {
        "id": "{server}: nama host '{host}' tidak dikenal",
        "en": "{server}: the host name '{host}' is unknown",
    },
    c.SERVER_CONNECT_FAILED: {
        "id": "{server}: koneksi gagal ({detail})",
        "en": "{server}: the connection failed ({detail})",
    },
    c.SERVER_ROLE_NAME: {
        "id": "{role}: bukan nama peran basis data yang dapat dipakai (huruf kecil, angka dan _, diawali huruf, paling banyak 63)",
        "en": "{role}: not a usable database role name (lower-case letters, digits and _, starting with a letter, at most 63)",
    },
    c.EVENT_NO_RECORD: {
        "id": "{source}: bukan acara Kolabik (tidak ada catatan acara)",
        "en": "{source}: not a Kolabik event (no event record)",
    },
    c.EVENT_NO_SCHEMA: {
        "id": "{source}: bukan acara Kolabik (tidak ada versi skema)",
        "en": "{source}: not a Kolabik event (no schema version)",
    },
    c.EVENT_NEWER_SERVER: {
        "id": "{source}: basis data ini ditulis oleh versi Kolabik Desktop yang lebih baru (skema {revision}); perbarui program untuk membukanya. Tidak ada yang diubah.",
        "en": "{source}: this database was written by a newer version of Kolabik Desktop (schema {revision}); please update the program to open it. Nothing was changed.",
    },
    c.EVENT_OLDER_READ_ONLY: {
        "id": "{source}: basis data memiliki skema lama ({revision}); buka sekali untuk menulis (mis. di jendela) agar diperbarui",
        "en": "{source}: the database has an older schema ({revision}); open it once for writing (e.g. in the window) to upgrade it",
    },
    c.EVENT_DB_NOT_EMPTY: {
        "id": "{source}: basis data tidak kosong ({tables} tabel); acara baru memerlukan basis data kosong",
        "en": "{source}: the database is not empty ({tables} tables); a new event needs an empty database",
    },
    c.EVENT_CREATE_FAILED: {
        "id": "{source}: acara tidak dapat dibuat: {detail}",
        "en": "{source}: could not create the event: {detail}",
    },
    c.ENGINE_PRECISION: {
        "id": "presisi tampilan {precision} harus 0 atau lebih",
        "en": "display precision {precision} must be 0 or more",
    },
    c.ENGINE_TIEBREAK: {
        "id": "aturan pemecah seri '{rule}' tidak dikenal",
        "en": "unknown tie-break rule '{rule}'",
    },
    c.ENGINE_STAGE_TWICE: {
        "id": "kode tahap '{stage}' dipakai dua kali",
        "en": "stage code '{stage}' is used twice",
    },
    c.ENGINE_STAGE_RESERVED: {
        "id": "kode tahap '{stage}' dicadangkan untuk peringkat akhir",
        "en": "stage code '{stage}' is reserved for the final ranking",
    },
    c.ENGINE_STAGE_WEIGHT: {
        "id": "tahap {stage}: bobot {weight} tidak boleh negatif",
        "en": "stage {stage}: weight {weight} must not be negative",
    },
    c.ENGINE_STAGE_METHOD: {
        "id": "tahap {stage}: metode '{method}' tidak dikenal (seharusnya salah satu dari {methods})",
        "en": "stage {stage}: unknown method '{method}' (expected one of {methods})",
    },
    c.ENGINE_BAND_MISSING: {
        "id": "tahap {stage}: metode banded memerlukan batas L",
        "en": "stage {stage}: method banded needs a band L (batas)",
    },
    c.ENGINE_BAND: {
        "id": "tahap {stage}: batas L harus lebih besar dari 0, bukan {band}",
        "en": "stage {stage}: band L must be greater than 0, not {band}",
    },
    c.ENGINE_SCALE: {
        "id": "tahap {stage}: maksimum skala {max} harus di atas minimum {min}",
        "en": "stage {stage}: scale maximum {max} must be above the minimum {min}",
    },
    c.ENGINE_CRITERION_WEIGHT: {
        "id": "tahap {stage}, kriteria {criterion}: bobot tidak boleh negatif",
        "en": "stage {stage}, criterion {criterion}: weight must not be negative",
    },
    c.ENGINE_CRITERION_RANGE: {
        "id": "tahap {stage}, kriteria {criterion}: maksimum {max} harus di atas minimum {min}",
        "en": "stage {stage}, criterion {criterion}: maximum {max} must be above the minimum {min}",
    },
    c.ENGINE_DECISION_STAGE: {
        "id": "keputusan juri untuk peserta {entry} pada peringkat {board}: tahap '{board}' tidak dikenal",
        "en": "jury decision for entry {entry} on the {board} ranking: unknown stage '{board}'",
    },
    c.ENGINE_DECISION_PLACE: {
        "id": "keputusan juri untuk peserta {entry} pada peringkat {board}: peringkat {rank} harus 1 atau lebih",
        "en": "jury decision for entry {entry} on the {board} ranking: place {rank} must be 1 or more",
    },
    c.ENGINE_DECISION_TWICE: {
        "id": "keputusan juri untuk peserta {entry} pada peringkat {board}: peserta memiliki dua keputusan pada peringkat ini",
        "en": "jury decision for entry {entry} on the {board} ranking: the entry has two decisions on this ranking",
    },
    c.ENGINE_DECISION_NOT_IN_STAGE: {
        "id": "keputusan juri untuk peserta {entry} pada peringkat {board}: peserta tidak ada di tahap itu",
        "en": "jury decision for entry {entry} on the {board} ranking: the entry is not in that stage",
    },
    c.DEMO_IS_FOLDER: {
        "id": "{path}: ini folder; beri nama berkas untuk demo",
        "en": "{path}: is a folder; give a file name for the demo",
    },
    c.DEMO_NOT_DEMO: {
        "id": "{path}: sudah ada dan bukan demo Kolabik; pilih nama lain atau gunakan --force untuk menggantinya",
        "en": "{path}: exists and is not a Kolabik demo; choose another name or use --force to replace it",
    },
    c.BACKUP_WRITE: {
        "id": "{path}: cadangan tidak dapat ditulis ({detail})",
        "en": "{path}: the backup could not be written ({detail})",
    },
    c.BACKUP_UNREADABLE: {
        "id": "{file}: bukan berkas acara atau cadangan yang dapat dibaca ({detail})",
        "en": "{file}: not a readable event file or backup ({detail})",
    },
    c.BACKUP_NOT_FOUND: {
        "id": "{path}: cadangan tidak ditemukan",
        "en": "{path}: backup not found",
    },
    c.BACKUP_RESTORE_FAILED: {
        "id": "{path}: pemulihan gagal ({detail}); tidak ada yang diubah",
        "en": "{path}: restore failed ({detail}); nothing was changed",
    },
    c.KEY_FORGET_NOT_CHAIR: {
        "id": "hanya ketua yang melupakan kunci juri, di berkas acara ketua",
        "en": "only the chair forgets a juror's key, in the chair's event file",
    },
    c.JUROR_UNKNOWN: {
        "id": "juri '{juror}' tidak dikenal",
        "en": "unknown juror '{juror}'",
    },
    c.KEY_NONE: {
        "id": "acara belum memercayai kunci apa pun untuk juri {juror}",
        "en": "the event trusts no key for juror {juror} yet",
    },
    c.LIVE_NOT_EVENT: {
        "id": "{file}: sesi langsung berjalan di berkas acara ketua",
        "en": "{file}: a live session runs on the chair's event file",
    },
    c.LIVE_NOT_KIT: {
        "id": "{file}: bukan kit juri, jadi tidak ada perubahan untuk dikirim",
        "en": "{file}: not a juror kit, so it has no changes to send",
    },
    c.LIVE_NO_KEY: {
        "id": "{file}: kit tidak memiliki kunci tanda tangan untuk jurinya",
        "en": "{file}: the kit has no signing key for its juror",
    },
    c.LIVE_BAD_ADDRESS: {
        "id": "'{address}' bukan alamat hub (HOST:PORT)",
        "en": "'{address}' is not a hub address (HOST:PORT)",
    },
    # {reason}: a REASON_TEXTS text by reason_code, else the system's own words.
    c.LIVE_CANNOT_LISTEN: {
        "id": "Hub tidak dapat menerima sambungan di {host}:{port}: {reason}",
        "en": "The hub cannot listen on {host}:{port}: {reason}",
    },
    # The live link's refusals: the juror's sentence (status bar, `kolabik sync`) and the hub's
    # log line. ``{why}`` reads " (what more there is to say)", or nothing.
    c.LIVE_REFUSED_MALFORMED: {
        "id": "hub tidak dapat membaca permintaan kit ini{why}; perubahan Anda menunggu di kit",
        "en": "the hub could not read the kit's request{why}; the changes wait in the kit",
    },
    c.LIVE_REFUSED_WRONG_EVENT: {
        "id": "hub menjalankan kompetisi lain{why}; tidak ada yang dikirim",
        "en": "the hub runs another event{why}; nothing was sent",
    },
    c.LIVE_REFUSED_UNKNOWN_JUROR: {
        "id": "hub tidak mengenal juri ini (apakah kit dibuat dari acara ini?){why}",
        "en": "the hub does not know this juror (was the kit made from this event?){why}",
    },
    c.LIVE_REFUSED_SIGNATURE: {
        "id": "hub menolak tanda tangan kit ini{why}",
        "en": "the hub refused the kit's signature{why}",
    },
    c.LIVE_REFUSED_TOO_LARGE: {
        "id": "perubahan terlalu besar untuk hub{why}; perubahan Anda menunggu di kit",
        "en": "the change was too large for the hub{why}; the changes wait in the kit",
    },
    c.LIVE_REFUSED_RATE: {
        "id": "hub sedang sibuk{why}; mencoba lagi",
        "en": "the hub asks to slow down{why}; trying again",
    },
    c.LIVE_REFUSED_PAUSED: {
        "id": "ketua menjeda penerimaan{why}; perubahan Anda menunggu di kit",
        "en": "the chair paused acceptance{why}; the changes wait in the kit",
    },
    c.LIVE_REFUSED_NOT_APPROVED: {
        "id": "menunggu ketua menyetujui juri ini{why}",
        "en": "waiting for the chair to approve this juror{why}",
    },
    c.LIVE_REFUSED_KEY_CHANGED: {
        "id": "kit ini baru dan ketua masih memercayai kunci kit lama juri ini{why}: ketua harus "
        "melupakan kunci lama (Lupakan kunci juri di panel sesi langsung, atau 'kolabik "
        "forget-key ACARA --juror KODE'); perubahan Anda menunggu di kit",
        "en": "this kit is new and the chair still trusts the juror's old kit's key{why}: the "
        "chair must forget the old key (Forget juror key in the live-session dock, or 'kolabik "
        "forget-key EVENT --juror CODE'); the changes wait in the kit",
    },
    c.LIVE_REFUSED_SUBMITTED: {
        "id": "tahap ini sudah diserahkan di ketua{why}; minta ketua membukanya kembali",
        "en": "the stage is submitted at the chair{why}; ask the chair to reopen it",
    },
    c.LIVE_REFUSED_INVALID: {
        "id": "hub menolak nilai ini karena tidak sah{why}; tanyakan kepada ketua",
        "en": "the hub refused these scores as invalid{why}; ask the chair",
    },
    c.LIVE_REFUSED_WRITE: {
        "id": "laptop ketua tidak dapat menyimpan perubahan{why}; mencoba lagi",
        "en": "the chair's laptop could not save the changes{why}; trying again",
    },
    c.LIVE_REFUSED_UNREACHABLE: {
        "id": "tidak ada hub yang menjawab{why}; perubahan Anda menunggu di kit",
        "en": "no hub answered{why}; the changes wait in the kit",
    },
    c.LIVE_REFUSED_ROGUE_HUB: {
        "id": "hub ini bukan hub ketua Anda (kuncinya tidak cocok dengan kit){why}; tidak ada "
        "yang dikirim",
        "en": "the hub is not this event's hub (its key does not match the kit){why}; nothing "
        "was sent",
    },
    c.LIVE_REFUSED_OTHER: {
        "id": "hub menolak perubahan ({name}){why}; perubahan Anda menunggu di kit",
        "en": "the hub refused the changes ({name}){why}; the changes wait in the kit",
    },
    c.LIVE_WHY_NOT_LIVE: {
        "id": "bukan permintaan tautan langsung",
        "en": "not a live-link request",
    },
    c.LIVE_WHY_NO_OPERATION: {
        "id": "operasi tidak dikenal atau tanpa juri",
        "en": "an unknown operation or no juror",
    },
    c.LIVE_WHY_SINCE: {
        "id": "'since' bukan bilangan bulat",
        "en": "'since' is not a whole number",
    },
    c.LIVE_WHY_NO_DELTA: {
        "id": "tidak ada delta",
        "en": "no delta",
    },
    c.LIVE_WHY_NOT_JSON: {
        "id": "delta bukan JSON",
        "en": "the delta is not JSON",
    },
    c.LIVE_WHY_NO_RANGE: {
        "id": "delta tanpa rentang antrean, atau milik juri lain",
        "en": "the delta has no queue range, or is another juror's",
    },
    c.LIVE_WHY_FAILED: {  # Python's own text (English) stays in the hub's log
        "id": "Kesalahan tak terduga di hub: lihat log",
        "en": "Unexpected error at the hub: see the log",
    },
    c.LIVE_WHY_BYTES: {
        "id": "{bytes} byte, batasnya {max}",
        "en": "{bytes} bytes, the limit is {max}",
    },
    c.LIVE_WHY_HEAD: {
        "id": "header permintaan terlalu besar",
        "en": "the request head is too large",
    },
    c.LIVE_WHY_INCOMPLETE: {
        "id": "permintaan tidak lengkap",
        "en": "an incomplete request",
    },
    c.LIVE_WHY_NOT_HTTP: {
        "id": "bukan permintaan HTTP/1.1",
        "en": "not an HTTP/1.1 request",
    },
    c.LIVE_WHY_NO_BODY: {
        "id": "isi permintaan tidak pernah tiba",
        "en": "the body never arrived",
    },
    c.LIVE_WHY_NO_ENDPOINT: {
        "id": "tidak ada alamat {path}",
        "en": "no endpoint {path}",
    },
    c.LIVE_WHY_METHOD: {
        "id": "metode {method} tidak diizinkan",
        "en": "the method {method} is not allowed",
    },
    c.LIVE_WHY_SEALED: {
        "id": "permintaan terenkripsi tidak dapat dibuka",
        "en": "the sealed request cannot be opened",
    },
    c.LIVE_WHY_BOARD_LINK: {
        "id": "tautan papan web yang salah",
        "en": "a wrong web-board link",
    },
    c.LIVE_WHY_CONNECTIONS: {
        "id": "terlalu banyak sambungan",
        "en": "too many connections",
    },
    c.LIVE_WHY_REQUESTS: {
        "id": "terlalu banyak permintaan",
        "en": "too many requests",
    },
    c.LIVE_WHY_NO_RECEIPT: {
        "id": "tidak ada tanda terima yang tercatat",
        "en": "no receipt was recorded",
    },
    c.LIVE_WHY_NO_JUROR: {
        "id": "tidak ada juri '{juror}' yang memiliki kunci",
        "en": "no juror '{juror}' with a key",
    },
    c.LIVE_WHY_NOT_SIGNED: {
        "id": "permintaan tidak ditandatangani oleh jurinya",
        "en": "the request is not signed by its juror",
    },
    c.LIVE_WHY_NEW_KEY: {
        "id": "kunci yang belum dikenal acara: ketua menyetujuinya di sesi langsung jendela, "
        "atau menjalankan hub dengan --approve-new",
        "en": "a key the event does not know yet: the chair approves it in the window's live "
        "session, or runs the hub with --approve-new",
    },
    c.LIVE_WHY_STAGES: {
        "id": "tahap {stages}",
        "en": "stage {stages}",
    },
    c.LIVE_WHY_PAIRING: {
        "id": "kunci hub tidak cocok dengan kode pasangan",
        "en": "the hub's key does not match the pairing code",
    },
    c.LIVE_WHY_CLOSING: {
        "id": "{address}: kit sedang ditutup",
        "en": "{address}: the kit is closing",
    },
    c.LIVE_WHY_NETWORK: {
        "id": "{address} tidak terjangkau ({reason})",
        "en": "{address} cannot be reached ({reason})",
    },
    c.LIVE_WHY_NOT_HUB: {
        "id": "{address} bukan hub Kolabik",
        "en": "{address} is not a Kolabik hub",
    },
    c.LIVE_WHY_NOT_PAIRED: {
        "id": "kit belum mengenal kunci hub: pasangkan dengan kode dari ketua",
        "en": "the kit knows no hub key yet: pair it with the chair's code",
    },
    c.LIVE_WHY_CANNOT_READ: {
        "id": "hub di {address} tidak dapat membaca kunci kit ini",
        "en": "the hub at {address} cannot read this kit's key",
    },
    c.LIVE_WHY_NOT_THIS_HUB: {
        "id": "{address} bukan hub acara ini",
        "en": "{address} is not this event's hub",
    },
    c.LIVE_WHY_ANSWER: {
        "id": "jawaban hub tidak dipahami",
        "en": "the hub's answer is not understood",
    },
    c.LIVE_WHY_OTHER_EVENT: {
        "id": "{address} menjalankan acara lain",
        "en": "{address} runs another event",
    },
    c.LIVE_WHY_NO_HUB_KEY: {
        "id": "hub tidak mengirim kunci yang sah",
        "en": "the hub sent no valid key",
    },
    c.MINUTES_NOTHING_FINAL: {
        "id": "belum ada peserta yang memiliki nilai di peringkat akhir: berita acara memerlukan peringkat",
        "en": "no entry has a score on the final ranking yet: the minutes need a ranking",
    },
    c.MINUTES_NOTHING_STAGE: {
        "id": "belum ada peserta yang memiliki nilai di tahap {stage}: berita acara memerlukan peringkat",
        "en": "no entry has a score on stage {stage} yet: the minutes need a ranking",
    },
    c.MINUTES_NOTHING_FINAL_CATEGORY: {
        "id": "belum ada peserta yang memiliki nilai di peringkat akhir dalam kelompok {category}: berita acara memerlukan peringkat",
        "en": "no entry has a score on the final ranking in category {category} yet: the minutes need a ranking",
    },
    c.MINUTES_NOTHING_STAGE_CATEGORY: {
        "id": "belum ada peserta yang memiliki nilai di tahap {stage} dalam kelompok {category}: berita acara memerlukan peringkat",
        "en": "no entry has a score on stage {stage} in category {category} yet: the minutes need a ranking",
    },
    c.IMPORT_FAILED: {
        "id": "impor gagal dan tidak mengubah apa pun ({detail})",
        "en": "the import failed and changed nothing ({detail})",
    },
    c.SERVER_CANNOT_CREATE_ROLE: {
        "id": "{source}: perubahan TIDAK tersimpan: peran basis data pada URL ini tidak boleh membuat peran; superuser PostgreSQL memberinya sekali: ALTER ROLE name CREATEROLE (atau createuser --createrole). Yang tersimpan sebelumnya aman.",
        "en": "{source}: the change was NOT saved: the database role of this URL may not create roles; the PostgreSQL superuser gives it that once: ALTER ROLE name CREATEROLE (or createuser --createrole). Earlier saves are safe.",
    },
    c.PANEL_WRITE_REFUSED: {
        "id": "{source}: perubahan TIDAK tersimpan: server menolaknya, karena peran basis data Anda tidak boleh mengubah ini (milik panel lain, atau hanya panitia yang boleh mengubahnya). Yang tersimpan sebelumnya aman. ({detail})",
        "en": "{source}: the change was NOT saved: the server refused it, because your database role may not change this (it belongs to another panel, or only the committee may change it). Earlier saves are safe. ({detail})",
    },
    c.PANEL_WRITE_NO_ROW: {
        "id": "{source}: perubahan TIDAK tersimpan: server tidak mengizinkan baris mana pun berubah, karena peran basis data Anda tidak boleh mengubah ini (milik panel lain). Yang tersimpan sebelumnya aman.",
        "en": "{source}: the change was NOT saved: the server let no row change, because your database role may not change this (it belongs to another panel). Earlier saves are safe.",
    },
    c.SERVER_READ_ONLY: {
        "id": "{source}: perubahan TIDAK tersimpan: acara dibuka hanya-baca (oleh perintah yang hanya membaca). Yang tersimpan sebelumnya aman.",
        "en": "{source}: the change was NOT saved: the event was opened read-only (by a command that only reads). Earlier saves are safe.",
    },
    c.SERVER_BUSY: {
        "id": "{source}: perubahan TIDAK tersimpan: perubahan ketua lain membuat acara sibuk terlalu lama (lock_timeout); coba lagi. Yang tersimpan sebelumnya aman.",
        "en": "{source}: the change was NOT saved: other chairs' changes kept the event busy too long (lock_timeout); try again. Earlier saves are safe.",
    },
    c.SERVER_CONNECTION_LOST: {
        "id": "{source}: perubahan TIDAK tersimpan: koneksi ke server terputus. Yang tersimpan sebelumnya aman.",
        "en": "{source}: the change was NOT saved: the connection to the server was lost. Earlier saves are safe.",
    },
    c.SERVER_CONFLICT: {
        "id": "{source}: perubahan TIDAK tersimpan: ketua lain mengubah baris yang sama pada saat yang sama; coba lagi. Yang tersimpan sebelumnya aman.",
        "en": "{source}: the change was NOT saved: another chair changed the same rows at the same moment; try again. Earlier saves are safe.",
    },
    c.SERVER_REFUSED: {
        "id": "{source}: perubahan TIDAK tersimpan: server menolak perubahan ({detail}). Yang tersimpan sebelumnya aman.",
        "en": "{source}: the change was NOT saved: the server refused the change ({detail}). Earlier saves are safe.",
    },
    c.COPY_JOURNAL_NOT_MERGED: {
        "id": "{file}: jurnal salinan tidak tergabung; tidak ada yang ditulis",
        "en": "{file}: the copy's journal was not merged; nothing was written",
    },
    # -- errors of files and packages (core/files.py, store/db.py, exchange/packages.py) --
    c.FILE_WRITE_FAILED: {
        "id": "{path}: {what} tidak dapat ditulis: {reason}. Berkas lama dengan nama itu tidak "
        "berubah.",
        "en": "{path}: could not write the {what}: {reason}. An earlier file of that name is "
        "unchanged.",
    },
    c.FILE_CREATE_FAILED: {
        "id": "{path}: {what} tidak dapat ditulis: {reason}",
        "en": "{path}: could not write the {what}: {reason}",
    },
    c.FILE_CAME_OUT_EMPTY: {
        "id": "{path}: {what} yang dibuat kosong; tidak ada yang ditulis",
        "en": "{path}: the {what} came out empty; nothing was written",
    },
    c.FILE_NOT_EVENT: {
        "id": "{path}: bukan berkas acara Kolabik (bukan basis data SQLite), atau berkas yang "
        "rusak. Tidak ada yang ditulis ke berkas itu.",
        "en": "{path}: not a Kolabik event file (not a SQLite database), or a damaged one. "
        "Nothing was written to it.",
    },
    c.FILE_EMPTY: {
        "id": "{path}: bukan berkas acara Kolabik (bukan basis data SQLite: kosong)",
        "en": "{path}: not a Kolabik event file (not a SQLite database: empty)",
    },
    c.FILE_NO_EVENT_RECORD: {
        "id": "{path}: bukan berkas acara Kolabik (tidak ada data acara)",
        "en": "{path}: not a Kolabik event file (no event record)",
    },
    c.FILE_DAMAGED: {
        "id": "{path}: berkas rusak atau bukan acara Kolabik ({detail}). Tidak ada yang ditulis "
        "ke berkas itu; pulihkan cadangan terbaru dari folder NAMA.kolabik-backups di "
        "sebelahnya.",
        "en": "{path}: the file is damaged or not a Kolabik event ({detail}). Nothing was "
        "written to it; restore the newest backup from the NAME.kolabik-backups folder beside "
        "it.",
    },
    c.INPUT_REJECTED: {
        "id": "{source}: ditolak, tidak ada yang diubah ({count} masalah):",
        "en": "{source}: refused, nothing was changed ({count} problem(s)):",
    },
    c.INPUT_REJECTED_MORE: {"id": "... dan {count} lagi", "en": "... and {count} more"},
    c.PACKAGE_TOO_LARGE: {
        "id": "berkas terlalu besar untuk paket nilai",
        "en": "the file is too large for a score package",
    },
    c.PACKAGE_EMPTY: {"id": "berkasnya kosong", "en": "the file is empty"},
    c.PACKAGE_NOT_UTF8: {
        "id": "bukan paket nilai (berkasnya bukan teks JSON UTF-8)",
        "en": "not a score package (the file is not UTF-8 JSON text)",
    },
    c.PACKAGE_TRUNCATED: {
        "id": "berkasnya terpotong: JSON berakhir terlalu awal (baris {line}, kolom {column})",
        "en": "the file is truncated: the JSON ends early (line {line}, column {column})",
    },
    c.PACKAGE_BAD_JSON: {
        "id": "bukan JSON yang sah ({detail}, baris {line}, kolom {column}): rusak atau bukan "
        "paket",
        "en": "not valid JSON ({detail}, line {line}, column {column}): damaged or not a package",
    },
    c.PACKAGE_NOT_PACKAGE: {
        "id": "bukan paket nilai Kolabik (tidak ada 'format': '{format}')",
        "en": "not a Kolabik score package (no 'format': '{format}')",
    },
    c.KIT_UNREADABLE: {
        "id": "{file}: bukan berkas acara atau kit yang dapat dibaca ({detail})",
        "en": "{file}: not a readable event file or kit ({detail})",
    },
    c.READ_IS_FOLDER: {
        "id": "{path}: ini folder, bukan {what}",
        "en": "{path}: is a folder, not a {what}",
    },
    c.READ_NOT_FOUND: {
        "id": "{path}: tidak dapat dibaca: {what} tidak ditemukan",
        "en": "{path}: cannot be read: the {what} was not found",
    },
    c.READ_FAILED: {
        "id": "{path}: {what} tidak dapat dibaca: {reason}",
        "en": "{path}: cannot read the {what}: {reason}",
    },
    c.READ_NOT_REGULAR: {
        "id": "{path}: bukan berkas biasa (pipa atau perangkat), jadi bukan {what}; ditolak",
        "en": "{path}: is not a regular file (a pipe or a device), so not a {what}; refused",
    },
    c.READ_TOO_LARGE: {
        "id": "{path}: terlalu besar untuk {what} ({size} bita, paling banyak {max})",
        "en": "{path}: too large for a {what} ({size} bytes, at most {max})",
    },
    c.READ_TOO_LARGE_STREAM: {
        "id": "{path}: terlalu besar untuk {what} (lebih dari {max} bita)",
        "en": "{path}: too large for a {what} (more than {max} bytes)",
    },
    c.LOCK_CHANGED: {
        "id": "{path}: berkas berubah saat sedang dibuka; coba lagi",
        "en": "{path}: the file changed while it was being opened; retry",
    },
    c.LOCK_NOT_FOUND: {
        "id": "{path}: berkas tidak ditemukan",
        "en": "{path}: file not found",
    },
    c.LOCK_UNREADABLE: {
        "id": "{path}: tidak dapat dibaca ({detail})",
        "en": "{path}: cannot be read ({detail})",
    },
    c.LOCK_NOT_REGULAR: {
        "id": "{path}: bukan berkas biasa, jadi bukan berkas acara",
        "en": "{path}: not a regular file, so not an event file",
    },
    c.LOCK_NOT_WRITABLE: {
        "id": "{path}: tidak dapat diubah: {detail}. Berkas masih dapat dibaca (papan peringkat, laporan, ekspor); untuk mengubahnya, salin ke folder yang dapat ditulis dan buka salinannya.",
        "en": "{path}: cannot be changed: {detail}. It can still be read (leaderboard, report, export); to change it, copy it to a writable folder and open the copy.",
    },
    c.LOCK_OPEN_HERE: {
        "id": "{path}: acara ini sudah terbuka di jendela Kolabik Desktop lain dari program ini (sebagai {other}). Tutup di sana dahulu; hanya satu program yang boleh menulis ke satu acara pada satu waktu.",
        "en": "{path}: this event is already open in another Kolabik Desktop window of this program (as {other}). Close it there first; only one program may write to an event at a time.",
    },
    c.LOCK_CANNOT_OPEN: {
        "id": "{path}: tidak dapat dibuka ({detail})",
        "en": "{path}: cannot be opened ({detail})",
    },
    c.LOCK_HELD: {
        "id": "{path}: sedang dipakai: {detail}",
        "en": "{path}: {detail}",
    },
    c.SAVE_DISK_FULL: {
        "id": "{file}: perubahan TIDAK tersimpan: disk penuh. Kosongkan ruang (atau simpan ke USB) lalu coba lagi. Yang tersimpan sebelumnya aman.",
        "en": "{file}: the change was NOT saved: the disk is full. Free some space (or save to a USB stick) and try again. Earlier saves are safe.",
    },
    c.SAVE_READ_ONLY: {
        "id": "{file}: perubahan TIDAK tersimpan: berkas atau foldernya hanya-baca. Salin acara ke folder yang dapat ditulis. Yang tersimpan sebelumnya aman.",
        "en": "{file}: the change was NOT saved: the file or its folder is read-only. Copy the event to a writable folder. Earlier saves are safe.",
    },
    c.SAVE_DAMAGED: {
        "id": "{file}: perubahan TIDAK tersimpan: berkas rusak. Pulihkan cadangan terbaru (Berkas > Pulihkan dari cadangan) dan periksa dengan `kolabik check`. Yang tersimpan sebelumnya aman.",
        "en": "{file}: the change was NOT saved: the file is damaged. Restore the newest backup (File > Restore from backup) and check it with `kolabik check`. Earlier saves are safe.",
    },
    c.SAVE_IO: {
        "id": "{file}: perubahan TIDAK tersimpan: disk melaporkan kesalahan (USB dicabut?). Periksa drive. Yang tersimpan sebelumnya aman.",
        "en": "{file}: the change was NOT saved: the disk reported an error (removed USB stick?). Check the drive. Earlier saves are safe.",
    },
    c.SAVE_BUSY: {
        "id": "{file}: perubahan TIDAK tersimpan: program lain sedang menulis ke berkas. Coba lagi sebentar lagi. Yang tersimpan sebelumnya aman.",
        "en": "{file}: the change was NOT saved: another program is writing to the file. Try again in a moment. Earlier saves are safe.",
    },
    c.SAVE_REFUSED: {
        "id": "{file}: perubahan TIDAK tersimpan: basis data menolak perubahan ({detail}). Yang tersimpan sebelumnya aman.",
        "en": "{file}: the change was NOT saved: the database refused the change ({detail}). Earlier saves are safe.",
    },
    c.OPEN_DISK_FULL: {
        "id": "{path}: tidak dapat dibuka untuk diubah: disk penuh. Kosongkan ruang (atau salin acara ke drive lain) lalu coba lagi; berkasnya sendiri utuh.",
        "en": "{path}: cannot be opened for changes: the disk is full. Free some space (or copy the event to another drive) and try again; the file itself is intact.",
    },
    c.OPEN_READ_ONLY: {
        "id": "{path}: tidak dapat diubah: berkas atau foldernya hanya-baca. Salin acara ke folder yang dapat ditulis.",
        "en": "{path}: cannot be changed: the file or its folder is read-only. Copy the event to a writable folder.",
    },
    c.OPEN_IO: {
        "id": "{path}: tidak dapat dibaca ({detail}); periksa drive",
        "en": "{path}: cannot be read ({detail}); check the drive",
    },
    c.FILE_GONE_WHILE_OPEN: {
        "id": "{file} dihapus atau diganti saat terbuka dan tidak dapat ditulis kembali ({detail}); pulihkan cadangan terbaru dari Berkas > Pulihkan.",
        "en": "{file} was deleted or replaced while open and could not be written back ({detail}); restore the newest backup from File > Restore.",
    },
    c.FILE_CLOSED: {
        "id": "{file} sudah ditutup; perubahan TIDAK tersimpan.",
        "en": "{file} is closed; the change was NOT saved.",
    },
    c.CREATE_EXISTS: {
        "id": "{path}: berkas dengan nama ini sudah ada",
        "en": "{path}: a file with this name already exists",
    },
    c.CREATE_IS_FOLDER: {
        "id": "{path}: ini folder",
        "en": "{path}: is a folder",
    },
    c.CREATE_NOT_WRITABLE: {
        "id": "{path}: acara tidak dapat dibuat di sini: {detail}. Pilih folder yang dapat ditulis.",
        "en": "{path}: cannot create the event here: {detail}. Choose a writable folder.",
    },
    c.CREATE_FAILED: {
        "id": "{path}: berkas acara tidak dapat dibuat: {detail}",
        "en": "{path}: could not create the event file: {detail}",
    },
    c.CREATE_FAILED_NOTHING: {
        "id": "{path}: berkas acara tidak dapat dibuat: {reason}; tidak ada yang ditulis.",
        "en": "{path}: could not create the event file: {reason}; nothing was written.",
    },
    c.OPEN_IS_FOLDER: {
        "id": "{path}: ini folder, bukan berkas acara",
        "en": "{path}: is a folder, not an event file",
    },
    c.OPEN_NOT_REGULAR: {
        "id": "{path}: bukan berkas biasa (perangkat atau pipa?), bukan acara",
        "en": "{path}: is not a regular file (a device or a pipe?), not an event",
    },
    c.OPEN_LOCKED: {
        "id": "{path}: berkas dikunci oleh program lain",
        "en": "{path}: the file is locked by another program",
    },
    c.OPEN_DISK_FULL_READ: {
        "id": "{path}: tidak dapat dibaca: disk penuh, dan SQLite memerlukan sedikit ruang di samping berkas untuk membaca jurnalnya. Kosongkan ruang lalu coba lagi.",
        "en": "{path}: cannot be read: the disk is full, and SQLite needs a little space beside the file to read its journal. Free some space and try again.",
    },
    c.FILE_NO_SCHEMA: {
        "id": "{path}: bukan berkas acara Kolabik (tidak ada versi skema)",
        "en": "{path}: not a Kolabik event file (no schema version)",
    },
    c.FILE_NEWER: {
        "id": "{path}: berkas ini ditulis oleh versi Kolabik Desktop yang lebih baru (skema {revision}); perbarui program untuk membukanya. Berkas tidak diubah.",
        "en": "{path}: this file was written by a newer version of Kolabik Desktop (schema {revision}); please update the program to open it. The file was not changed.",
    },
    c.UPGRADE_FAILED: {
        "id": "{path}: pembaruan berkas gagal ({detail}); cadangan {backup} tetap utuh",
        "en": "{path}: upgrading the file failed ({detail}); the backup {backup} is intact",
    },
    c.KIT_NO_STAGES: {
        "id": "acara belum memiliki tahap, jadi belum ada yang dinilai",
        "en": "the event has no stages yet, so there is nothing to score",
    },
    c.KIT_UNKNOWN_STAGES: {
        "id": "tahap tidak dikenal: {codes}",
        "en": "unknown stage(s): {codes}",
    },
    c.KIT_FROM_EVENT: {
        "id": "{file}: kit dibuat dari berkas acara ketua",
        "en": "{file}: kits are made from the chair's event file",
    },
    c.KIT_EXISTS_NOT_KIT: {
        "id": "{path}: berkas ini sudah ada dan bukan kit juri; tidak ada yang ditulis (beri nama kit ...{suffix}, atau sebutkan folder)",
        "en": "{path}: this file already exists and is not a juror kit; nothing was written (name the kit ...{suffix}, or give a folder)",
    },
    c.KIT_UNKNOWN_JURORS: {
        "id": "juri tidak dikenal: {codes}",
        "en": "unknown juror(s): {codes}",
    },
    c.KIT_WRITE_FAILED: {
        "id": "{path}: kit tidak dapat ditulis: {reason}",
        "en": "{path}: could not write the kit: {reason}",
    },
    c.KIT_WRITE_ERROR: {
        "id": "{path}: kit tidak dapat ditulis ({detail})",
        "en": "{path}: could not write the kit ({detail})",
    },
    c.KIT_DANGLING: {
        "id": "kit akan berisi baris yang tidak merujuk ke mana pun: {rows}",
        "en": "the kit would hold rows that point nowhere: {rows}",
    },
    c.KIT_NOT_KIT: {
        "id": "{file}: bukan kit juri",
        "en": "{file}: not a juror kit",
    },
    c.KIT_OTHER_VERSION: {
        "id": "{file}: kit dibuat oleh versi Kolabik Desktop yang lain (skema {revision}); gunakan versi yang sama dengan ketua",
        "en": "{file}: the kit was made by another version of Kolabik Desktop (schema {revision}); use the same version as the chair",
    },
    c.KIT_DOES_NOT_FIT: {
        "id": "{file}: kit baru tidak cocok dengan kit ini ({detail}); tidak ada yang diubah",
        "en": "{file}: the new kit does not fit this kit ({detail}); nothing was changed",
    },
    c.KIT_NOT_READABLE: {
        "id": "{file}: bukan kit yang dapat dibaca ({detail})",
        "en": "{file}: not a readable kit ({detail})",
    },
    c.KIT_OTHER_EVENT: {
        "id": "{file}: kit ini milik acara lain",
        "en": "{file}: the kit belongs to another event",
    },
    c.KIT_OTHER_JUROR: {
        "id": "{file}: kit ini untuk juri lain, bukan '{juror}'",
        "en": "{file}: the kit is for another juror, not '{juror}'",
    },
    c.EXPORT_FROM_KIT: {
        "id": "kit juri hanya berisi nilai juri itu, sehingga papan peringkatnya akan salah: ekspor dari berkas acara ketua",
        "en": "a juror's kit holds only that juror's scores, so its leaderboard would be wrong: export it from the chair's event file",
    },
    c.EXPORT_UNKNOWN: {
        "id": "ekspor '{what_export}' tidak dikenal (gunakan {known})",
        "en": "unknown export '{what_export}' (use {known})",
    },
    c.EXPORT_SUFFIX: {
        "id": "{file}: tulis berkas .xlsx atau .csv, bukan '{suffix}'",
        "en": "{file}: write a .xlsx or .csv file, not '{suffix}'",
    },
    c.EXPORT_MATRIX_CATEGORY: {
        "id": "matriks nilai memuat semua kelompok; jangan beri --category",
        "en": "the score matrix has every category; leave out --category",
    },
    c.EXPORT_CSV_ONE_STAGE: {
        "id": "CSV hanya memuat matriks satu tahap: tambahkan --stage {codes}",
        "en": "a CSV holds one stage's matrix: add --stage {codes}",
    },
    c.AGAINST_UNKNOWN_FILE: {
        "id": "{path}: bukan PDF laporan, cadangan berkas acara, atau paket nilai; --against menerima salah satunya",
        "en": "{path}: not a report PDF, a backup of an event file, or a score package; --against takes one of those",
    },
    c.AGAINST_NO_HEAD: {
        "id": "{file}: PDF ini tidak memuat kepala log audit (dibuat versi lama, atau bukan laporan Kolabik), jadi tidak dapat dibandingkan",
        "en": "{file}: this PDF carries no audit head (made by an older version, or not a Kolabik report), so it cannot be compared",
    },
    c.AGAINST_OTHER_EVENT: {
        "id": "{file}: berkas acara lain, jadi tidak dapat dibandingkan",
        "en": "{file}: a file of another event, so it cannot be compared",
    },
    c.PACKAGE_NOT_KIT: {
        "id": "{file}: bukan kit juri, jadi tidak ada nilai untuk dikirim",
        "en": "{file}: not a juror kit, so it has no scores to send",
    },
    c.PACKAGE_INTO_KIT: {
        "id": "{file}: paket nilai diimpor ke berkas acara ketua, bukan ke kit",
        "en": "{file}: score packages are imported into the chair's event file, not a kit",
    },
    c.PACKAGE_EXISTS_NOT_PACKAGE: {
        "id": "{path}: berkas ini sudah ada dan bukan paket nilai; tidak ada yang ditulis",
        "en": "{path}: this file already exists and is not a score package; nothing was written",
    },
    c.WORKBOOK_INTO_KIT: {
        "id": "{file}: kit juri tidak dapat menerima buku kerja acara",
        "en": "{file}: a juror kit cannot take an event workbook",
    },
    c.WORKBOOK_NOT_EMPTY: {
        "id": "{file} sudah berisi {entries} peserta dan {jurors} juri; buku kerja acara masuk ke berkas acara baru atau kosong. Tidak ada yang diubah.",
        "en": "{file} already holds {entries} entries and {jurors} jurors; an event workbook goes into a new or empty event file. Nothing was changed.",
    },
    c.WORKBOOK_IMPORT_FAILED: {
        "id": "{path}: impor gagal ({detail}); tidak ada yang ditulis",
        "en": "{path}: the import failed ({detail}); nothing was written",
    },
    c.DB_PARAMSTYLE: {
        "id": "gaya parameter pengandar basis data {style} tidak didukung",
        "en": "the database driver's parameter style {style} is not supported",
    },
    # Import refusals (one line of an InputRejected).
    c.PACKAGE_NUMBER_TOO_LONG: {
        "id": "bukan paket nilai (memuat angka yang terlalu panjang untuk dibaca)",
        "en": "not a score package (it holds a number too long to read)",
    },
    c.PACKAGE_NESTED: {
        "id": "bukan paket nilai (JSON bersarang terlalu dalam)",
        "en": "not a score package (JSON nested too deeply)",
    },
    c.PACKAGE_NO_VERSION: {
        "id": "paket tidak memiliki versi format yang sah",
        "en": "the package has no valid format version",
    },
    c.PACKAGE_NEWER: {
        "id": "paket memakai versi format {version}, lebih baru dari yang dapat dibaca program ini ({known}); perbarui Kolabik Desktop untuk mengimpornya",
        "en": "the package uses format version {version}, newer than this program reads ({known}); please update Kolabik Desktop to import it",
    },
    c.PACKAGE_NO_OWNER: {
        "id": "paket tidak menyebutkan acara dan juri pemiliknya",
        "en": "the package does not say which event and juror it belongs to",
    },
    c.PACKAGE_OTHER_EVENT: {
        "id": "paket milik acara lain{named}, bukan milik '{event}' (id acara {uid}, bukan {expected})",
        "en": "the package belongs to another event{named}, not to '{event}' (event id {uid} instead of {expected})",
    },
    c.PACKAGE_UNKNOWN_JUROR: {
        "id": "juri '{juror}' tidak dikenal: tidak ada juri itu di acara ini",
        "en": "unknown juror '{juror}': no such juror in this event",
    },
    c.PACKAGE_NO_KEY: {
        "id": "juri '{juror}' belum memiliki kunci tanda tangan (belum ada kit yang diekspor untuknya), jadi paket tidak dapat diverifikasi",
        "en": "juror '{juror}' has no signing key yet (no kit was exported for them), so the package cannot be verified",
    },
    c.PACKAGE_UNKNOWN_ANCHOR: {
        "id": "paket dibuat dengan kit dari keadaan acara ini yang tidak ada di log auditnya (kit dari salinan lain acara ini, atau cadangan yang dipulihkan): kirim kit baru ke juri",
        "en": "the package was made with a kit of a state of this event that its audit log does not hold (a kit from another copy of the event, or a restored backup): send the juror a new kit",
    },
    c.PACKAGE_NOT_SIGNED: {
        "id": "paket tidak ditandatangani (tanpa tanda tangan)",
        "en": "the package is not signed (no signature)",
    },
    c.PACKAGE_ALGORITHM: {
        "id": "tanda tangan bukan {algorithm}",
        "en": "the signature is not {algorithm}",
    },
    c.PACKAGE_SIGNATURE_CHANGED: {
        "id": "tanda tangan tidak cocok: paket diubah setelah juri '{juror}' menandatanganinya, atau tidak dibuat dengan kitnya",
        "en": "the signature does not match: the package was changed after juror '{juror}' signed it, or it was not made with their kit",
    },
    c.PACKAGE_LEGACY_SIGNATURE: {
        "id": "juri '{juror}' menandatangani dengan kuncinya sendiri (sidik jari {fingerprint}); paket ini hanya membawa tanda tangan rahasia bersama yang lama, jadi tidak mungkin miliknya",
        "en": "juror '{juror}' signs with their own key (fingerprint {fingerprint}); this package carries only the old shared-secret signature, so it cannot be theirs",
    },
    c.PACKAGE_NO_JUROR_KEY: {
        "id": "paket tidak memiliki kunci juri yang sah ('juror_key')",
        "en": "the package has no valid juror key ('juror_key')",
    },
    c.PACKAGE_OTHER_KEY: {
        "id": "ditandatangani kunci lain (sidik jari {fingerprint}) daripada kunci yang dipercaya acara ini untuk juri '{juror}' (sidik jari {trusted}, dari paket pertamanya): ditolak",
        "en": "signed by another key (fingerprint {fingerprint}) than the one this event trusts for juror '{juror}' (fingerprint {trusted}, from their first package): refused",
    },
    c.PACKAGE_NESTED_SIGNING: {
        "id": "bukan paket nilai (bersarang terlalu dalam)",
        "en": "not a score package (nested too deeply)",
    },
    c.PACKAGE_NOT_TEXT: {
        "id": "tidak ada atau bukan teks",
        "en": "missing or not text",
    },
    c.PACKAGE_NOT_LIST: {
        "id": "tidak ada atau bukan daftar",
        "en": "missing or not a list",
    },
    c.PACKAGE_UNKNOWN_ENTRY: {
        "id": "peserta '{entry}' tidak dikenal",
        "en": "unknown entry '{entry}'",
    },
    c.PACKAGE_UNKNOWN_CRITERION: {
        "id": "kriteria '{criterion}' di tahap '{stage}' tidak dikenal",
        "en": "unknown criterion '{criterion}' in stage '{stage}'",
    },
    c.PACKAGE_SCORE_TWICE: {
        "id": "nilai yang sama muncul dua kali",
        "en": "the same score appears twice",
    },
    c.PACKAGE_UNKNOWN_STAGE: {
        "id": "tahap '{stage}' tidak dikenal",
        "en": "unknown stage '{stage}'",
    },
    c.PACKAGE_COMMENT_TWICE: {
        "id": "komentar yang sama muncul dua kali",
        "en": "the same comment appears twice",
    },
    c.PACKAGE_SUBMITTED_BOOL: {
        "id": "'submitted' bukan true atau false",
        "en": "'submitted' is not true or false",
    },
    c.PACKAGE_STAGE_TWICE: {
        "id": "tahap yang sama muncul dua kali",
        "en": "the same stage appears twice",
    },
    c.PACKAGE_NOT_OBJECT: {
        "id": "bukan objek",
        "en": "not an object",
    },
    c.PACKAGE_FIELD_NOT_TEXT: {
        "id": "'{name}' tidak ada atau bukan teks",
        "en": "'{name}' is missing or not text",
    },
    c.MERGE_KEY_SHARED_SECRET: {
        "id": "juri '{juror}' menandatangani dengan kunci bersidik jari {expected}; paket ini hanya membawa tanda tangan rahasia bersama yang lama: ditolak",
        "en": "juror '{juror}' signs with the key of fingerprint {expected}; this package carries only the old shared-secret signature: refused",
    },
    c.MERGE_KEY_OTHER: {
        "id": "juri '{juror}' menandatangani dengan kunci bersidik jari {expected}; paket ini ditandatangani kunci lain (sidik jari {fingerprint}): ditolak",
        "en": "juror '{juror}' signs with the key of fingerprint {expected}; this package is signed by another key (fingerprint {fingerprint}): refused",
    },
    c.INPUT_ERROR: {
        "id": "{text} (pesan ini belum diterjemahkan)",
        "en": "{text}",
    },
    c.INPUT_EMPTY: {
        "id": "kosong",
        "en": "is empty",
    },
    c.INPUT_EMPTY_NUMBER: {
        "id": "kosong; perlu sebuah angka",
        "en": "is empty; a number is needed",
    },
    c.INPUT_NOT_WHOLE: {
        "id": "{text} bukan bilangan bulat",
        "en": "{text} is not a whole number",
    },
    c.INPUT_COLUMN_TWICE: {
        "id": "kolom ini muncul dua kali",
        "en": "this column appears twice",
    },
    c.INPUT_COLUMN_MISSING: {
        "id": 'kolom "{column}" tidak ada',
        "en": 'the column "{column}" is missing',
    },
    c.INPUT_FILE_NOT_FOUND: {
        "id": "berkas tidak ditemukan",
        "en": "file not found",
    },
    c.INPUT_NOT_XLSX: {
        "id": "bukan buku kerja Excel (.xlsx) yang dapat dibaca ({detail})",
        "en": "not an Excel workbook (.xlsx) that can be read ({detail})",
    },
    c.INPUT_SHEET_MISSING: {
        "id": 'lembar "{sheet}" tidak ada',
        "en": 'the sheet "{sheet}" is missing',
    },
    c.INPUT_NOT_CODE: {
        "id": "{text} bukan kode: gunakan hingga 40 huruf, angka, '-', '_', '.', '/', diawali huruf atau angka",
        "en": "{text} is not a code: use up to 40 letters, digits, '-', '_', '.', '/', starting with a letter or digit",
    },
    c.SLOTS_PART: {
        "id": '"{text}" bukan NAMA MENIT (tulis seperti Video 3; Paparan 7)',
        "en": '"{text}" is not NAME MINUTES (write it like Video 3; Paparan 7)',
    },
    c.WB_UNKNOWN_KEY: {
        "id": "kunci {key} tidak dikenal; yang dikenal: {known}",
        "en": "unknown key {key}; known: {known}",
    },
    c.WB_KEY_TWICE: {
        "id": "kunci {key} muncul dua kali (pertama di baris {first})",
        "en": "the key {key} appears twice (first in row {first})",
    },
    c.WB_PRECISION: {
        "id": "presisi harus 0 sampai {max} desimal",
        "en": "the precision must be 0 to {max} decimals",
    },
    c.WB_NOT_YES_NO: {
        "id": "{text} bukan ya atau tidak",
        "en": "{text} is not ya or tidak",
    },
    c.WB_TIEBREAK: {
        "id": "{text} bukan standar atau tidak ada",
        "en": "{text} is not standar or tidak ada",
    },
    c.WB_NAME_MISSING: {
        "id": 'kunci "nama" (nama acara) tidak ada',
        "en": 'the key "nama" (the event\'s name) is missing',
    },
    c.WB_AWARD_COUNT: {
        "id": "jumlah peringkat penghargaan {count} tidak di antara 1 dan {max}",
        "en": "the number of awarded places {count} is not 1 to {max}",
    },
    c.WB_STAGE_FINAL: {
        "id": '"{final}" menamai peringkat akhir; beri tahap kode lain',
        "en": '"{final}" names the final ranking; give the stage another code',
    },
    c.WB_STAGE_TWICE: {
        "id": "tahap {stage} muncul dua kali (pertama di baris {first})",
        "en": "the stage {stage} appears twice (first in row {first})",
    },
    c.WB_ORDER_TWICE: {
        "id": "{order} juga urutan baris {first}",
        "en": "{order} is also the order of row {first}",
    },
    c.WB_STAGE_WEIGHT: {
        "id": "{text} tidak di antara 0 dan 100",
        "en": "{text} is not between 0 and 100",
    },
    c.WB_METHOD: {
        "id": "{text} bukan salah satu dari {known}",
        "en": "{text} is not one of {known}",
    },
    c.WB_SCALE_EMPTY: {
        "id": "skala {min} sampai {max} kosong",
        "en": "the scale {min} to {max} is empty",
    },
    c.WB_BAND_NEEDED: {
        "id": "tahap berpita memerlukan batas L (angka di atas 0)",
        "en": "a banded stage needs its band L (a number above 0)",
    },
    c.WB_BAND_POSITIVE: {
        "id": "batas L harus di atas 0, bukan {text}",
        "en": "the band L must be above 0, not {text}",
    },
    c.WB_CUMULATIVE: {
        "id": "'{token}' bukan TAHAP:BOBOT (tulis seperti S1:30 S2:70)",
        "en": "'{token}' is not STAGE:WEIGHT (write it like S1:30 S2:70)",
    },
    c.WB_UNKNOWN_STAGE: {
        "id": "tahap {code} tidak dikenal (tidak ada di lembar Tahap)",
        "en": "unknown stage {code} (not in the sheet Tahap)",
    },
    c.WB_UNKNOWN_ENTRY: {
        "id": "peserta {code} tidak dikenal (tidak ada di lembar Peserta)",
        "en": "unknown entry {code} (not in the sheet Peserta)",
    },
    c.WB_UNKNOWN_JUROR: {
        "id": "juri {code} tidak dikenal (tidak ada di lembar Juri)",
        "en": "unknown juror {code} (not in the sheet Juri)",
    },
    c.WB_UNKNOWN_CRITERION: {
        "id": "kriteria {code} dari tahap {stage} tidak dikenal",
        "en": "unknown criterion {code} of stage {stage}",
    },
    c.WB_CRITERION_TWICE: {
        "id": "{code} muncul dua kali di tahap {stage} (pertama di baris {first})",
        "en": "{code} appears twice in stage {stage} (first in row {first})",
    },
    c.WB_WEIGHT_NEGATIVE: {
        "id": "{text} di bawah 0",
        "en": "{text} is below 0",
    },
    c.WB_RANGE_EMPTY: {
        "id": "rentang {min} sampai {max} kosong",
        "en": "the range {min} to {max} is empty",
    },
    c.WB_STEP_POSITIVE: {
        "id": "langkah harus di atas 0, bukan {text}",
        "en": "the step must be above 0, not {text}",
    },
    c.WB_ENTRY_TWICE: {
        "id": "peserta {code} muncul dua kali (pertama di baris {first})",
        "en": "the entry {code} appears twice (first in row {first})",
    },
    c.WB_JUROR_TWICE: {
        "id": "juri {code} muncul dua kali (pertama di baris {first})",
        "en": "the juror {code} appears twice (first in row {first})",
    },
    c.WB_PAIR_TWICE: {
        "id": "pasangan ini muncul dua kali (pertama di baris {first})",
        "en": "this pair appears twice (first in row {first})",
    },
    c.WB_ROW_TWICE: {
        "id": "baris ini muncul dua kali (pertama di baris {first})",
        "en": "this row appears twice (first in row {first})",
    },
    c.WB_SCORE_TWICE: {
        "id": "nilai ini muncul dua kali (pertama di baris {first})",
        "en": "this score appears twice (first in row {first})",
    },
    c.WB_DECISION_TWICE: {
        "id": "keputusan ini muncul dua kali (pertama di baris {first})",
        "en": "this decision appears twice (first in row {first})",
    },
    c.WB_COMMENT_TWICE: {
        "id": "komentar ini muncul dua kali (pertama di baris {first})",
        "en": "this comment appears twice (first in row {first})",
    },
    c.WB_FIRST_STAGE_ADMITS: {
        "id": "{stage} adalah tahap pertama, yang meloloskan semua peserta",
        "en": "{stage} is the first stage, which admits every entry",
    },
    c.WB_PLACE: {
        "id": "peringkat adalah 1 atau lebih, bukan {rank}",
        "en": "a place is 1 or more, not {rank}",
    },
    c.WB_NO_FINAL: {
        "id": "tidak ada tahap berbobot di atas 0, jadi tidak ada peringkat akhir",
        "en": "no stage has a weight above 0, so there is no final ranking",
    },
    c.WB_NOT_IN_FINAL: {
        "id": "peserta {entry} tidak ada di peringkat akhir (tidak lolos ke tahap {stages})",
        "en": "entry {entry} is not in the final ranking (not admitted to stage {stages})",
    },
    c.WB_NOT_IN_STAGE: {
        "id": "peserta {entry} tidak ada di tahap {stage} (lembar Lolos)",
        "en": "entry {entry} is not in stage {stage} (sheet Lolos)",
    },
    c.WB_NO_ENTRIES: {
        "id": "tidak berisi peserta",
        "en": "holds no entries",
    },
    c.WB_DECISION_UNSCORED: {
        "id": "peserta tidak punya nilai di peringkat ini, jadi peringkat dari juri akan hilang",
        "en": "the entry has no score on this ranking, so the jury's place would be lost",
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
    if value is None:
        return ""
    if isinstance(value, r.Problem):  # a nested problem: what a refusal is about, or its cause
        return problem_line(value, lang)
    if isinstance(value, (list, tuple)) and all(isinstance(v, r.Problem) for v in value):
        return "; ".join(problem_line(v, lang) for v in value)
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        text = "0" if text in ("-0", "") else text
        return localize_number_text(text, lang)
    return str(value)


def problem_message(problem: r.Problem, lang: str = "en") -> str:
    """The problem in words, without its place (``kind``, ``what`` and ``reason_code`` named
    in the language too)."""
    lang = lang if lang in LANGS else "en"
    params = {k: _plain(v, lang) for k, v in problem.params.items()}
    kind = problem.params.get("kind")
    if isinstance(kind, str) and kind in KIND_NAMES:
        params["kind"] = KIND_NAMES[kind][lang]
    what = problem.params.get("what")
    if isinstance(what, str) and what in WHAT_NAMES:
        params["what"] = WHAT_NAMES[what][lang]
    reason = REASON_TEXTS.get(str(problem.params.get("reason_code", "")))
    if reason is not None:
        params["reason"] = reason[lang]
    if params.get("why"):  # what more a live refusal says: " (...)" where the text puts {why}
        params["why"] = f" ({params['why']})"
    texts = TEXTS.get(problem.code)
    if texts is None:  # a code this table does not know yet: still say something useful
        return f"{problem.code} {params}"
    return _fill(texts[lang], params)


def problem_line(problem: r.Problem, lang: str = "en") -> str:
    """The problem with its place: 'Nilai row 4, column nilai: 8o is not a number'."""
    place = problem.where.text()
    if lang == "id":
        place = place.replace(" row ", " baris ").replace("column ", "kolom ")
    message = problem_message(problem, lang)
    return f"{place}: {message}" if place else message


# The live link's refusals in a few words, for the chair's dock (the full sentence: TEXTS).
REFUSAL_LABELS: dict[str, dict[str, str]] = {
    c.LIVE_REFUSED_MALFORMED: {"id": "permintaan tak terbaca", "en": "unreadable request"},
    c.LIVE_REFUSED_WRONG_EVENT: {"id": "acara lain", "en": "another event"},
    c.LIVE_REFUSED_UNKNOWN_JUROR: {"id": "juri tidak dikenal", "en": "unknown juror"},
    c.LIVE_REFUSED_SIGNATURE: {"id": "tanda tangan tidak sah", "en": "bad signature"},
    c.LIVE_REFUSED_TOO_LARGE: {"id": "terlalu besar", "en": "too large"},
    c.LIVE_REFUSED_RATE: {"id": "terlalu banyak permintaan", "en": "too many requests"},
    c.LIVE_REFUSED_PAUSED: {"id": "penerimaan dijeda", "en": "acceptance paused"},
    c.LIVE_REFUSED_NOT_APPROVED: {"id": "belum disetujui", "en": "not approved yet"},
    c.LIVE_REFUSED_KEY_CHANGED: {
        "id": "kit baru: lupakan kunci lama",
        "en": "new kit: forget the old key",
    },
    c.LIVE_REFUSED_SUBMITTED: {"id": "tahap sudah diserahkan", "en": "stage submitted"},
    c.LIVE_REFUSED_INVALID: {"id": "nilai tidak sah", "en": "invalid scores"},
    c.LIVE_REFUSED_WRITE: {"id": "gagal disimpan", "en": "could not save"},
    c.LIVE_REFUSED_UNREACHABLE: {"id": "tidak terjangkau", "en": "unreachable"},
    c.LIVE_REFUSED_ROGUE_HUB: {"id": "hub asing", "en": "another hub"},
    c.LIVE_REFUSED_OTHER: {"id": "ditolak", "en": "refused"},
}


def refusal_label(code: str, lang: str = "en") -> str:
    """A live refusal's code in a few words (a code this table does not know: "refused")."""
    labels = REFUSAL_LABELS.get(code, REFUSAL_LABELS[c.LIVE_REFUSED_OTHER])
    return labels[lang if lang in LANGS else "en"]


# ---------------------------------------------------------------------------------------------
# `kolabik check`'s findings (core/exchange/proof.py ``Finding``: a code, where, parameters).
# The CLI words them in English, the window (ui/problems.py) in its language.
# ---------------------------------------------------------------------------------------------

FINDING_TEXTS: dict[str, dict[str, str]] = {
    "score.added": {
        "id": "ada di tabel nilai ({value}, catatan '{note}', revisi {revision}) tetapi tidak "
        "pernah ditulis di log audit: ditambahkan di luar program",
        "en": "in the score table ({value}, note '{note}', revision {revision}) but the "
        "audit log never wrote it: added behind the program's back",
    },
    "score.missing": {
        "id": "menurut log audit bernilai {value} (revisi {revision}) tetapi tabel nilai tidak "
        "memiliki baris itu: dihapus di luar program",
        "en": "the audit log says it holds {value} (revision {revision}) but the score "
        "table has no such row: deleted behind the program's back",
    },
    "score.differs": {
        "id": "tabel nilai berisi {value} (catatan '{note}', revisi {revision}) tetapi log "
        "audit mencatat {logged_value} (catatan '{logged_note}', revisi {logged_revision}): "
        "diubah di luar program",
        "en": "the score table holds {value} (note '{note}', revision {revision}) but the "
        "audit log says {logged_value} (note '{logged_note}', revision {logged_revision}): edited "
        "behind the program's back",
    },
    "comment.added": {
        "id": "ada di tabel komentar tetapi tidak pernah ditulis di log audit",
        "en": "in the comment table but never written by the audit log",
    },
    "comment.missing": {
        "id": "log audit menulisnya tetapi tabel komentar tidak memiliki baris itu",
        "en": "the audit log wrote it but the comment table has no such row",
    },
    "comment.differs": {
        "id": "teks di tabel komentar berbeda dari yang ditulis log audit",
        "en": "the comment table's text differs from what the audit log wrote",
    },
    "submission.added": {
        "id": "ada di tabel penyerahan (diserahkan={submitted}) tetapi tidak pernah di log",
        "en": "in the submission table (submitted={submitted}) but never in the log",
    },
    "submission.missing": {
        "id": "log audit menulisnya tetapi tabel penyerahan tidak memiliki baris itu",
        "en": "the audit log wrote it but the submission table has no such row",
    },
    "submission.differs": {
        "id": "tabel mencatat diserahkan={submitted}, log audit mencatat diserahkan={logged}",
        "en": "the table says submitted={submitted}, the audit log says submitted={logged}",
    },
    "package.altered": {
        "id": "salinan yang disimpan tidak lagi sama dengan berkas yang diimpor",
        "en": "the kept copy no longer matches the file that was imported",
    },
    "package.bad_signature": {
        "id": "salinan yang disimpan gagal diverifikasi ({reason})",
        "en": "the kept copy fails verification ({reason})",
    },
    "anchor.missing": {
        "id": "paket ini menjamin log audit ketua sampai baris {head:.16}..., dan log tidak "
        "lagi memuat baris itu: log ditulis ulang (di-hash ulang) atau dipotong sejak itu",
        "en": "it vouches for the chair's audit log up to row {head:.16}..., and the log "
        "no longer holds that row: the log was rewritten (re-hashed) or cut since",
    },
    "score.not_signed": {
        "id": "menurut log audit berasal dari paket bertanda tangan juri {package}, tetapi paket "
        "itu tidak memuat {value} (revisi {revision}): bukan nilai dari juri",
        "en": "the audit log says it came from the juror-signed package {package}, but "
        "that package does not hold {value} (revision {revision}): not the juror's score",
    },
    "score.no_receipt": {
        "id": "menurut log audit berasal dari paket {package}, yang tidak pernah tercatat "
        "diimpor ke acara ini",
        "en": "the audit log says it came from package {package}, which the event "
        "has no record of importing",
    },
    "against.head_missing": {
        "id": "berkas ini menjamin log audit sampai baris {head:.16}..., dan log acara tidak "
        "lagi memuat baris itu: ujung log dipotong atau ditulis ulang sejak itu",
        "en": "it certifies the audit log up to row {head:.16}..., and the event's "
        "log no longer holds that row: the log's tail was cut or rewritten since",
    },
    "against.changed_unlogged": {
        "id": "tidak ada baris audit yang ditulis sejak berkas ini dibuat, tetapi datanya "
        "berubah (sidik jari dulu {then}, sekarang {now})",
        "en": "no audit row was written since it was made, yet the data changed "
        "(fingerprint then {then}, now {now})",
    },
    "against.log_diverges": {
        "id": "log audit acara berbeda dari log berkas ini di baris {row} (dari {rows}): log "
        "dipotong atau ditulis ulang sejak itu",
        "en": "the event's audit log differs from this file's at row {row} (of "
        "{rows}): the log was cut or rewritten since",
    },
    "against.package_refused": {
        "id": "paket ditolak: {reason}",
        "en": "{reason}",
    },
    "against.not_imported": {
        "id": "acara ini tidak pernah tercatat mengimpor paket ini",
        "en": "the event has no record of importing this package",
    },
    "against.copy_not_kept": {
        "id": "acara ini tidak menyimpan paket bertanda tangan juri ini sebagai paket yang diimpor",
        "en": "the event does not keep this juror-signed package as imported",
    },
    "against.score_forged": {
        "id": "juri menandatangani {value} (catatan '{note}', revisi {revision}) di {package}, "
        "tetapi log acara memuat {logged_value} (catatan '{logged_note}') pada revisi itu: "
        "nilainya dipalsukan",
        "en": "the juror signed {value} (note '{note}', revision {revision}) in "
        "{package}, but the event's log holds {logged_value} (note '{logged_note}') at that "
        "revision: the score was forged",
    },
    "against.score_missing": {
        "id": "juri menandatangani {value} (revisi {revision}) di {package}, dan log acara tidak "
        "memuat nilai itu maupun revisi sesudahnya",
        "en": "the juror signed {value} (revision {revision}) in {package}, and "
        "the event's log holds neither it nor a later revision",
    },
    "audit.bulk_unreadable": {
        "id": "baris ini merinci sel-sel sebuah penulisan massal (impor buku kerja acara), dan "
        "rinciannya tidak dapat dibaca kembali atau tidak lagi cocok dengan hash-nya sendiri: "
        "rusak atau diubah, sehingga sel-sel itu tidak terjamin",
        "en": "this row itemises the cells of a bulk write (an event workbook import), and its "
        "record cannot be read back or no longer matches its own hash: damaged or altered, so "
        "those cells are not vouched for",
    },
}

# Finding parameters that hold a number in the canonical dot-decimal form.
_FINDING_NUMBERS = ("value", "logged_value")
# A cleared score, as a finding's value parameter holds it.
EMPTY_VALUE = "(empty)"
EMPTY_WORDS = {"id": "(kosong)", "en": EMPTY_VALUE}

# Where a finding is (its ``place``: a kind and parameters); a file's name needs no words.
PLACE_TEXTS: dict[str, dict[str, str]] = {
    "score": {
        "id": "nilai juri {juror} untuk peserta {entry} di {stage}/{criterion}",
        "en": "score of juror {juror} for entry {entry} on {stage}/{criterion}",
    },
    "comment": {
        "id": "komentar juri {juror} untuk peserta {entry} di {stage}",
        "en": "comment of juror {juror} on entry {entry} in {stage}",
    },
    "submission": {
        "id": "penyerahan tahap {stage} oleh juri {juror}",
        "en": "submission of stage {stage} by juror {juror}",
    },
    "package": {
        "id": "paket bertanda tangan {package} dari juri {juror}",
        "en": "signed package {package} of juror {juror}",
    },
    "audit_row": {"id": "baris log audit {row}", "en": "audit row {row}"},
}


def place_text(place: tuple[tuple[str, str], ...], lang: str = "en") -> str:
    """A finding's place in words: 'score of juror J1 for entry E1 on P1/SIG'."""
    params = dict(place)
    texts = PLACE_TEXTS.get(params.pop("kind", ""))
    if texts is None:
        return ", ".join(f"{k}={v}" for k, v in params.items())
    return _fill(texts[lang if lang in LANGS else "en"], params)


class FindingLike(Protocol):
    """What a finding of core/exchange/proof.py offers (this module does not import the store)."""

    @property
    def code(self) -> str: ...
    @property
    def where(self) -> str: ...
    @property
    def params(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def place(self) -> tuple[tuple[str, str], ...]: ...


def finding_message(finding: FindingLike, lang: str = "en") -> str:
    """The finding in words, without its place; a parameter it lacks reads as empty."""
    lang = lang if lang in LANGS else "en"
    texts = FINDING_TEXTS.get(finding.code)
    if texts is None:  # a code this table does not know yet: still say something useful
        return f"{finding.code} {dict(finding.params)}"
    params = dict(finding.params)
    for name in _FINDING_NUMBERS:
        if params.get(name) == EMPTY_VALUE:
            params[name] = EMPTY_WORDS[lang]
        else:
            params[name] = localize_number_text(params.get(name, ""), lang)
    return _fill(texts[lang], params)


def finding_line(finding: FindingLike, lang: str = "en") -> str:
    """The finding with its place: 'score of juror J1 for entry E1 on P1/SIG: in the score
    table (...)'."""
    where = place_text(finding.place, lang) if finding.place else finding.where
    return f"{where}: {finding_message(finding, lang)}"


def _fill(template: str, params: dict[str, Any]) -> str:
    """The template with its parameters; one it is not given reads as empty."""
    return template.format(**(_blanks(template) | params))


@functools.cache
def _blanks(template: str) -> dict[str, str]:
    """Each field of a template as empty (parsed once per template: the tables are fixed)."""
    return dict.fromkeys(
        (name for _t, name, _f, _c in string.Formatter().parse(template) if name), ""
    )


class ProofLike(Protocol):
    @property
    def applicable(self) -> bool: ...
    @property
    def rows(self) -> int: ...
    @property
    def juror_signed(self) -> int: ...
    @property
    def signed_packages(self) -> int: ...
    @property
    def anchors(self) -> int: ...
    @property
    def chair_entries(self) -> int: ...
    @property
    def unsigned(self) -> int: ...
    @property
    def head(self) -> str: ...


# What a check that found nothing confirmed (``proof_summary``, ``against_summary``).
SUMMARY_TEXTS: dict[str, dict[str, str]] = {
    "proof.kit": {
        "id": "kit juri: log auditnya dimulai saat kit dibuat, jadi hanya rantainya yang "
        "diperiksa; berkas acara ketua yang membuktikan nilai",
        "en": "juror kit: its audit log starts when the kit was made, so only the chain is "
        "checked; the chair's event proves the scores",
    },
    "proof.replayed": {
        "id": "log audit diputar ulang ({rows} baris) dan cocok dengan tabel nilai, komentar "
        "dan penyerahan; {juror_signed} nilai diverifikasi dengan tanda tangan juri "
        "sendiri ({signed_packages} paket bertanda tangan, {anchors} jangkar log "
        "utuh), {chair_entries} dimasukkan oleh ketua, {unsigned} tanpa tanda "
        "tangan juri; kepala audit {head}",
        "en": "audit log replayed ({rows} rows) and matching the score, comment and "
        "submission tables; {juror_signed} score(s) verified against the juror's own "
        "signature ({signed_packages} signed package(s), {anchors} anchor(s) of "
        "the log intact), {chair_entries} entered by the chair, {unsigned} not "
        "juror-signed; audit head {head}",
    },
    "against.since": {
        "id": "{rows_since} baris audit ditulis sejak itu",
        "en": "{rows_since} audit row(s) written since",
    },
    "against.same": {"id": "datanya tidak berubah", "en": "the data is unchanged"},
    "against.changed": {
        "id": "datanya berubah, lewat log",
        "en": "the data has changed since, through the log",
    },
    "against.report": {
        "id": "{name}: riwayat acara masih memuat keadaan yang dijamin laporan ini (sidik "
        "jari {fingerprint}, kepala audit {head}); {since}; {data}",
        "en": "{name}: the event's history still contains the state this report certifies "
        "(fingerprint {fingerprint}, audit head {head}); {since}; {data}",
    },
    "against.kit": {
        "id": "{name}: kit juri yang dibuat pada kepala audit {head}, yang masih "
        "ada di log audit acara; {since}",
        "en": "{name}: a juror kit made at audit head {head}, which the event's "
        "audit log holds; {since}",
    },
    "against.backup": {
        "id": "{name}: log audit acara melanjutkan log cadangan ini tanpa perubahan; {since}",
        "en": "{name}: the event's audit log continues this backup's unchanged; {since}",
    },
    "against.package": {
        "id": "{name}: setiap nilai paket ini ada di riwayat acara",
        "en": "{name}: every score of this package is in the event's history",
    },
}


def _summary(key: str, lang: str, **params: Any) -> str:
    return _fill(SUMMARY_TEXTS[key][lang if lang in LANGS else "en"], params)


def proof_summary(proof: ProofLike, lang: str = "en") -> str:
    """What a proof that found nothing checked, in one sentence."""
    if not proof.applicable:
        return _summary("proof.kit", lang)
    return _summary(
        "proof.replayed",
        lang,
        rows=proof.rows,
        juror_signed=proof.juror_signed,
        signed_packages=proof.signed_packages,
        anchors=proof.anchors,
        chair_entries=proof.chair_entries,
        unsigned=proof.unsigned,
        head=proof.head[:16] or "-",
    )


class AgainstLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def head(self) -> str: ...
    @property
    def rows_since(self) -> int: ...
    @property
    def fingerprint(self) -> str: ...
    @property
    def same_data(self) -> bool: ...


def against_summary(against: AgainstLike, name: str, lang: str = "en") -> str:
    """What comparing the event with an earlier file (that found nothing) confirmed."""
    kind = against.kind if against.kind in ("report", "kit", "backup") else "package"
    return _summary(
        f"against.{kind}",
        lang,
        name=name,
        head=against.head[:16],
        fingerprint=against.fingerprint,
        since=_summary("against.since", lang, rows_since=against.rows_since),
        data=_summary("against.same" if against.same_data else "against.changed", lang),
    )


# ---------------------------------------------------------------------------------------------
# Errors the window shows in its language (core/errors.py ``KolabikError.coded``): a file that
# cannot be written or opened, a refused package. The English wording is the CLI's.
# ---------------------------------------------------------------------------------------------

# (their codes and words are in TEXTS, with every other code's)

# Why a file could not be written (core/files.py ``os_error_code``).
REASON_TEXTS: dict[str, dict[str, str]] = {
    "disk_full": {
        "id": "disk penuh; kosongkan ruang atau pilih drive lain",
        "en": "the disk is full; free some space or choose another drive",
    },
    "read_only": {
        "id": "drive hanya-baca; pilih folder yang dapat ditulis",
        "en": "the drive is read-only; choose a writable folder",
    },
    "permission": {
        "id": "izin ditolak: folder hanya-baca atau berkas sedang dibuka di program lain",
        "en": "permission denied: the folder is read-only or the file is open in another program",
    },
    "no_folder": {"id": "folder tidak ada", "en": "the folder does not exist"},
    "io_error": {
        "id": "drive melaporkan kesalahan (USB dicabut?)",
        "en": "the drive reported an error (removed USB stick?)",
    },
    "busy": {
        "id": "berkas sedang dipakai program lain; tutup program itu lalu coba lagi",
        "en": "the file is in use by another program; close it and try again",
    },
    "damaged": {
        "id": "berkas yang sedang dibuat ternyata rusak (drive bermasalah?); coba lagi atau "
        "pilih folder lain",
        "en": "the file being made came out damaged (a failing drive?); try again or choose "
        "another folder",
    },
    # Why a hub could not be reached (live/client.py's network_error_code).
    "net_refused": {
        "id": "tidak ada hub yang mendengarkan di alamat itu (hub belum dimulai?)",
        "en": "nothing listens at that address (is the hub started?)",
    },
    "net_timeout": {"id": "tidak ada jawaban tepat waktu", "en": "no answer in time"},
    "net_unreachable": {
        "id": "jaringan tidak terjangkau (periksa Wi-Fi atau kabel)",
        "en": "the network cannot be reached (check the Wi-Fi or cable)",
    },
    "net_dropped": {"id": "sambungan terputus", "en": "the connection was dropped"},
    "net_unknown_host": {"id": "nama host tidak dikenal", "en": "an unknown host name"},
    # Why a hub could not listen (live/server.py's LISTEN_REASONS).
    "net_port_in_use": {
        "id": "port itu sudah dipakai program lain (hub lain masih berjalan?); pilih port lain",
        "en": "that port is already used by another program (another hub still running?); "
        "choose another port",
    },
    "net_not_this_computer": {
        "id": "alamat itu bukan milik komputer ini",
        "en": "that address does not belong to this computer",
    },
    "net_port_not_allowed": {
        "id": "sistem tidak mengizinkan port itu; pilih port di atas 1024",
        "en": "the system does not allow that port; choose a port above 1024",
    },
}

# What was being written (the ``what`` of core/files.py's atomic write).
WHAT_NAMES: dict[str, dict[str, str]] = {
    "report": {"id": "laporan", "en": "report"},
    "export": {"id": "ekspor", "en": "export"},
    "image": {"id": "gambar", "en": "image"},
    "leaderboard": {"id": "papan peringkat", "en": "leaderboard"},
    "score package": {"id": "paket nilai", "en": "score package"},
    "workbook": {"id": "buku kerja", "en": "workbook"},
    "attachment copy": {"id": "salinan lampiran", "en": "attachment copy"},
    "event copy": {"id": "salinan acara", "en": "event copy"},
    "file to attach": {"id": "berkas lampiran", "en": "file to attach"},
    "file to compare": {"id": "berkas pembanding", "en": "file to compare"},
    "workbook (.xlsx)": {"id": "buku kerja (.xlsx)", "en": "workbook (.xlsx)"},
    "csv file": {"id": "berkas csv", "en": "csv file"},
}


def error_message(code: str, params: tuple[tuple[str, str], ...], lang: str = "en") -> str:
    """A coded error from its code and its parameters as text (``problem_message`` words it)."""
    return problem_message(r.Problem(code, dict(params)), lang)
