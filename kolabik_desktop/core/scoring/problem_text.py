"""The one table that turns a rule's problem code into words, in Indonesian and in English.

The same table words `kolabik check`'s findings (``FINDING_TEXTS``, the codes of
core/exchange/proof.py). The CLI, the reports and the window all read these tables (the window
through ``ui.i18n``'s language choice), so a code has exactly one wording per language. A test
checks that every code in ``rules`` and every finding code has both.
"""

from __future__ import annotations

import string
from decimal import Decimal
from typing import Any, Protocol

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
    template = texts[lang if lang in LANGS else "en"]
    return template.format(**(dict.fromkeys(_fields(template), "") | params))


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
    template = texts[lang]
    params = dict.fromkeys(_fields(template), "") | dict(finding.params)
    for name in _FINDING_NUMBERS:
        if params.get(name) == EMPTY_VALUE:
            params[name] = EMPTY_WORDS[lang]
        elif lang == "id":
            params[name] = params.get(name, "").replace(".", ",")
    return template.format(**params)


def finding_line(finding: FindingLike, lang: str = "en") -> str:
    """The finding with its place: 'score of juror J1 for entry E1 on P1/SIG: in the score
    table (...)'."""
    where = place_text(finding.place, lang) if finding.place else finding.where
    return f"{where}: {finding_message(finding, lang)}"


def _fields(template: str) -> set[str]:
    return {name for _t, name, _f, _c in string.Formatter().parse(template) if name}


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


def proof_summary(proof: ProofLike, lang: str = "en") -> str:
    """What a proof that found nothing checked, in one sentence."""
    head = proof.head[:16] or "-"
    if lang == "id":
        if not proof.applicable:
            return (
                "kit juri: log auditnya dimulai saat kit dibuat, jadi hanya rantainya yang "
                "diperiksa; berkas acara ketua yang membuktikan nilai"
            )
        return (
            f"log audit diputar ulang ({proof.rows} baris) dan cocok dengan tabel nilai, komentar "
            f"dan penyerahan; {proof.juror_signed} nilai diverifikasi dengan tanda tangan juri "
            f"sendiri ({proof.signed_packages} paket bertanda tangan, {proof.anchors} jangkar log "
            f"utuh), {proof.chair_entries} dimasukkan oleh ketua, {proof.unsigned} tanpa tanda "
            f"tangan juri; kepala audit {head}"
        )
    if not proof.applicable:
        return (
            "juror kit: its audit log starts when the kit was made, so only the chain is "
            "checked; the chair's event proves the scores"
        )
    return (
        f"audit log replayed ({proof.rows} rows) and matching the score, comment and "
        f"submission tables; {proof.juror_signed} score(s) verified against the juror's own "
        f"signature ({proof.signed_packages} signed package(s), {proof.anchors} anchor(s) of "
        f"the log intact), {proof.chair_entries} entered by the chair, {proof.unsigned} not "
        f"juror-signed; audit head {head}"
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
    if lang == "id":
        since = f"{against.rows_since} baris audit ditulis sejak itu"
        if against.kind == "report":
            data = "datanya tidak berubah" if against.same_data else "datanya berubah, lewat log"
            return (
                f"{name}: riwayat acara masih memuat keadaan yang dijamin laporan ini (sidik "
                f"jari {against.fingerprint}, kepala audit {against.head[:16]}); {since}; {data}"
            )
        if against.kind == "kit":
            return (
                f"{name}: kit juri yang dibuat pada kepala audit {against.head[:16]}, yang masih "
                f"ada di log audit acara; {since}"
            )
        if against.kind == "backup":
            return f"{name}: log audit acara melanjutkan log cadangan ini tanpa perubahan; {since}"
        return f"{name}: setiap nilai paket ini ada di riwayat acara"
    since = f"{against.rows_since} audit row(s) written since"
    if against.kind == "report":
        data = (
            "the data is unchanged"
            if against.same_data
            else "the data has changed since, through the log"
        )
        return (
            f"{name}: the event's history still contains the state this report certifies "
            f"(fingerprint {against.fingerprint}, audit head {against.head[:16]}); {since}; {data}"
        )
    if against.kind == "kit":
        return (
            f"{name}: a juror kit made at audit head {against.head[:16]}, which the event's "
            f"audit log holds; {since}"
        )
    if against.kind == "backup":
        return f"{name}: the event's audit log continues this backup's unchanged; {since}"
    return f"{name}: every score of this package is in the event's history"


# ---------------------------------------------------------------------------------------------
# Errors the window shows in its language (core/errors.py ``KolabikError.coded``): a file that
# cannot be written or opened, a refused package. The English wording is the CLI's.
# ---------------------------------------------------------------------------------------------

ERROR_TEXTS: dict[str, dict[str, str]] = {
    "file.write_failed": {
        "id": "{path}: {what} tidak dapat ditulis: {reason}. Berkas lama dengan nama itu tidak "
        "berubah.",
        "en": "{path}: could not write the {what}: {reason}. An earlier file of that name is "
        "unchanged.",
    },
    "file.create_failed": {
        "id": "{path}: {what} tidak dapat ditulis: {reason}",
        "en": "{path}: could not write the {what}: {reason}",
    },
    "file.came_out_empty": {
        "id": "{path}: {what} yang dibuat kosong; tidak ada yang ditulis",
        "en": "{path}: the {what} came out empty; nothing was written",
    },
    "file.not_event": {
        "id": "{path}: bukan berkas acara Kolabik (bukan basis data SQLite), atau berkas yang "
        "rusak. Tidak ada yang ditulis ke berkas itu.",
        "en": "{path}: not a Kolabik event file (not a SQLite database), or a damaged one. "
        "Nothing was written to it.",
    },
    "file.empty": {
        "id": "{path}: bukan berkas acara Kolabik (bukan basis data SQLite: kosong)",
        "en": "{path}: not a Kolabik event file (not a SQLite database: empty)",
    },
    "file.no_event_record": {
        "id": "{path}: bukan berkas acara Kolabik (tidak ada data acara)",
        "en": "{path}: not a Kolabik event file (no event record)",
    },
    "file.damaged": {
        "id": "{path}: berkas rusak atau bukan acara Kolabik ({detail}). Tidak ada yang ditulis "
        "ke berkas itu; pulihkan cadangan terbaru dari folder NAMA.kolabik-backups di "
        "sebelahnya.",
        "en": "{path}: the file is damaged or not a Kolabik event ({detail}). Nothing was "
        "written to it; restore the newest backup from the NAME.kolabik-backups folder beside "
        "it.",
    },
    "input.rejected": {
        "id": "{source}: ditolak, tidak ada yang diubah ({count} masalah):",
        "en": "{source}: refused, nothing was changed ({count} problem(s)):",
    },
    "package.too_large": {
        "id": "berkas terlalu besar untuk paket nilai",
        "en": "the file is too large for a score package",
    },
    "package.empty": {"id": "berkasnya kosong", "en": "the file is empty"},
    "package.not_utf8": {
        "id": "bukan paket nilai (berkasnya bukan teks JSON UTF-8)",
        "en": "not a score package (the file is not UTF-8 JSON text)",
    },
    "package.truncated": {
        "id": "berkasnya terpotong: JSON berakhir terlalu awal (baris {line}, kolom {column})",
        "en": "the file is truncated: the JSON ends early (line {line}, column {column})",
    },
    "package.bad_json": {
        "id": "bukan JSON yang sah ({detail}, baris {line}, kolom {column}): rusak atau bukan "
        "paket",
        "en": "not valid JSON ({detail}, line {line}, column {column}): damaged or not a package",
    },
    "package.not_package": {
        "id": "bukan paket nilai Kolabik (tidak ada 'format': '{format}')",
        "en": "not a Kolabik score package (no 'format': '{format}')",
    },
}

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
}


def error_message(code: str, params: tuple[tuple[str, str], ...], lang: str = "en") -> str:
    """A coded error in words (``reason_code`` and ``what`` are worded too)."""
    lang = lang if lang in LANGS else "en"
    texts = ERROR_TEXTS.get(code)
    values = dict(params)
    if texts is None:
        return f"{code} {values}"
    reason = REASON_TEXTS.get(values.get("reason_code", ""))
    if reason is not None:
        values["reason"] = reason[lang]
    what = WHAT_NAMES.get(values.get("what", ""))
    if what is not None:
        values["what"] = what[lang]
    template = texts[lang]
    return template.format(**(dict.fromkeys(_fields(template), "") | values))
