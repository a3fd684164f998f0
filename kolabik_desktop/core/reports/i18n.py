"""The words printed on reports, in Indonesian (the default) and English.

Reports are built in core (no Qt), so their text cannot go through Qt's tr(); it lives here as
plain tables, one per language, with the same keys.
"""

from __future__ import annotations

import datetime as dt

LANGS = ("id", "en")

MONTHS = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
WEEKDAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

TEXT: dict[str, dict[str, str]] = {
    "id": {
        "page": "Halaman {page} dari {pages}",
        "fingerprint": "Sidik data: {fp}",
        "audit_head": "Jejak audit: {head}",
        "key_fingerprint": "Sidik kunci juri",
        "key_none": "belum ada (belum ada paket bertanda tangan juri)",
        "printed": "Dicetak {date}",
        "sheet_title": "LEMBAR PENILAIAN",
        "blank_title": "FORMULIR PENILAIAN",
        "recap_title": "REKAPITULASI NILAI",
        "minutes_title": "BERITA ACARA",
        "minutes_subtitle": "PENETAPAN HASIL PENILAIAN DEWAN JURI",
        "feedback_title": "UMPAN BALIK PENILAIAN",
        "analysis_title": "ANALISIS PENILAIAN JURI",
        "stage": "Tahap",
        "juror": "Juri",
        "jurors": "Dewan Juri",
        "chair": "Ketua Dewan Juri",
        "member": "Anggota",
        "entry": "Inovasi",
        "entry_code": "Kode",
        "unit": "Unit",
        "category": "Kategori",
        "no": "No",
        "rank": "Peringkat",
        "rank_short": "Peringkat",
        "score": "Nilai",
        "panel_score": "Nilai Panel",
        "final_score": "Nilai Akhir",
        "total": "Total",
        "weighted_total": "Total Tertimbang",
        "weight": "Bobot",
        "range": "Rentang",
        "criterion": "Aspek Penilaian",
        "criteria": "Aspek penilaian",
        "criterion_short": "Aspek",
        "role": "Jabatan",
        "status": "Status",
        "notes": "Catatan",
        "comment": "Komentar",
        "signature": "Tanda Tangan",
        "name": "Nama",
        "status_final": "final",
        "status_provisional": "sementara",
        "status_unscored": "tanpa nilai",
        "status_not_advanced": "tidak lolos ke {stage}",
        "recused": "KK",
        "recused_legend": "KK = juri tidak menilai karena konflik kepentingan",
        "not_assigned": "—",
        "not_assigned_legend": "— = tidak ditugaskan / tidak lolos ke tahap ini",
        "incomplete": "…",
        "incomplete_legend": "… = penilaian belum lengkap",
        "provisional_legend": "* = nilai sementara: belum semua juri yang ditugaskan selesai menilai",
        "tie_footnote": "Nilai sama, urutan ditentukan oleh: {rule}",
        "jury_footnote": "Peringkat ditetapkan berdasarkan keputusan dewan juri{reason}",
        "tie_latest_stage": "nilai panel tahap terakhir ({stage})",
        "tie_criterion": "rata-rata aspek {criterion}",
        "tie_chair": "masih sama; peringkat bersama, diputuskan ketua juri",
        "tie_jury": "keputusan dewan juri",
        "tie_shared": "tidak diurutkan; nilai sama berbagi peringkat",
        "place_date": "{place}, {date}",
        "place_blank": "....................",
        "name_blank": "(.......................................)",
        "recused_entries": "Tidak dinilai (konflik kepentingan): {entries}",
        "no_entries": "Tidak ada inovasi yang dinilai juri ini pada tahap ini.",
        "method": "Metode penilaian",
        "method_mean": "rata-rata nilai juri",
        "method_trimmed": "rata-rata setelah nilai tertinggi dan terendah dibuang (bila ≥ 5 juri)",
        "method_median": "median nilai juri",
        "method_banded": "rata-rata dengan nilai juri dibatasi ± {band} dari rata-rata",
        "method_zscore": "standardisasi nilai per juri (z-score)",
        "final_formula": "Nilai akhir = {parts}",
        "tiebreak_standard": (
            "Nilai yang sama (pada {precision} desimal) diurutkan berdasarkan nilai panel tahap "
            "terakhir, lalu rata-rata aspek berbobot terbesar; bila tetap sama, peringkat bersama "
            "diputuskan ketua juri."
        ),
        "tiebreak_stage": (
            "Nilai yang sama (pada {precision} desimal) diurutkan berdasarkan rata-rata aspek "
            "berbobot terbesar; bila tetap sama, peringkat bersama diputuskan ketua juri."
        ),
        "ties": "Nilai sama",
        "tiebreak_none": "Nilai yang sama (pada {precision} desimal) berbagi peringkat.",
        "minutes_opening": (
            "Pada hari ini, {weekday} tanggal {day_words} bulan {month} tahun {year_words} "
            "({date_numeric}), Dewan Juri {event} telah melaksanakan penilaian {scope} dan "
            "menetapkan hasil sebagai berikut:"
        ),
        "minutes_scope_final": "akhir atas seluruh tahap",
        "minutes_scope_stage": "tahap {stage}",
        "minutes_top": "{n} besar",
        "minutes_closing": (
            "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
            "mestinya."
        ),
        "minutes_tied_at_cut": (
            "Inovasi berikut memiliki nilai sama dengan urutan terakhir yang terpilih dan "
            "memerlukan keputusan dewan juri:"
        ),
        "minutes_quota": "Kuota per kategori",
        "feedback_intro": (
            "Lembar ini menyajikan hasil penilaian dewan juri atas inovasi Anda: rata-rata nilai "
            "per aspek, perbandingan dengan rata-rata seluruh peserta, serta catatan para juri."
        ),
        "feedback_rank": "Peringkat {rank} dari {of}",
        "feedback_unranked": "Belum berperingkat",
        "feedback_mean": "Rata-rata Panel",
        "feedback_all_mean": "Rata-rata Seluruh Peserta",
        "feedback_this_entry": "Inovasi ini",
        "feedback_notes": "Catatan dan saran juri",
        "feedback_no_notes": "Tidak ada catatan.",
        "feedback_not_in_stage": "Inovasi ini tidak mengikuti tahap ini.",
        "final_result": "Hasil akhir",
        "blank_instructions": (
            "Isi nilai setiap aspek dalam rentang yang tertera. Aspek berbobot 0 dibaca, tidak "
            "dinilai. Total tertimbang = Σ nilai × bobot / Σ bobot."
        ),
        "sheet_notes_heading": "Catatan per inovasi",
        "final": "Akhir",
        "ranking_final": "Peringkat akhir",
        "leaderboard_file": "peringkat",
        "matrix_file": "matriks nilai",
        "legend": "Keterangan",
        "certificate_title": "PIAGAM PENGHARGAAN",
        "certificate_given": "diberikan kepada",
        "certificate_for": "atas inovasi",
        "certificate_as": "sebagai",
        "certificate_in": "dalam {event}",
        "certificate_code": "Kode inovasi {code} · peringkat {rank}",
        "signer_blank": "....................",
        "award": "Penghargaan",
        "decision_title": "KEPUTUSAN",
        "decision_of": "KEPUTUSAN {signer}",
        "decision_number": "NOMOR: ........................",
        "decision_about": "TENTANG",
        "decision_subject": "Penetapan Pemenang {event}",
        "decision_grace": "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "decision_considering": "Menimbang",
        "decision_considering_a": (
            "bahwa dalam rangka mendorong dan mengapresiasi inovasi pelayanan publik, telah "
            "diselenggarakan {event};"
        ),
        "decision_considering_b": (
            "bahwa berdasarkan hasil penilaian Dewan Juri {event} sebagaimana dituangkan dalam "
            "berita acara penetapan hasil penilaian, telah ditetapkan {n} inovasi terbaik;"
        ),
        "decision_considering_c": (
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
            "menetapkan Keputusan {signer} tentang {subject};"
        ),
        "decision_observing": "Mengingat",
        "decision_decides": "MEMUTUSKAN:",
        "decision_enact": "Menetapkan",
        "decision_enact_text": "KEPUTUSAN {signer} TENTANG {subject}.",
        "decision_first_label": "KESATU",
        "decision_first": (
            "Menetapkan {n} inovasi sebagai pemenang {event} dengan penghargaan sebagaimana "
            "tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini."
        ),
        "decision_second_label": "KEDUA",
        "decision_second": (
            "Kepada pemenang sebagaimana dimaksud dalam Diktum KESATU diberikan piagam penghargaan."
        ),
        "decision_third_label": "KETIGA",
        "decision_third": "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        "decision_enacted_at": "Ditetapkan di {place}",
        "decision_enacted_on": "pada tanggal {date}",
        "decision_annex": "LAMPIRAN",
        "decision_annex_date": "TANGGAL: {date}",
    },
    "en": {
        "page": "Page {page} of {pages}",
        "fingerprint": "Data fingerprint: {fp}",
        "audit_head": "Audit head: {head}",
        "key_fingerprint": "Juror's key fingerprint",
        "key_none": "none yet (no juror-signed package received)",
        "printed": "Printed {date}",
        "sheet_title": "SCORE SHEET",
        "blank_title": "SCORE FORM",
        "recap_title": "SCORE RECAP",
        "minutes_title": "MINUTES",
        "analysis_title": "JURY ANALYSIS",
        "minutes_subtitle": "OF THE JURY'S RESULT",
        "feedback_title": "JURY FEEDBACK",
        "stage": "Stage",
        "juror": "Juror",
        "jurors": "Jury",
        "chair": "Chair of the Jury",
        "member": "Member",
        "entry": "Innovation",
        "entry_code": "Code",
        "unit": "Unit",
        "category": "Category",
        "no": "No",
        "rank": "Rank",
        "rank_short": "Rank",
        "score": "Score",
        "panel_score": "Panel Score",
        "final_score": "Final Score",
        "total": "Total",
        "weighted_total": "Weighted Total",
        "weight": "Weight",
        "range": "Range",
        "criterion": "Criterion",
        "criteria": "Criteria",
        "criterion_short": "Criterion",
        "role": "Role",
        "status": "Status",
        "notes": "Notes",
        "comment": "Comment",
        "signature": "Signature",
        "name": "Name",
        "status_final": "final",
        "status_provisional": "provisional",
        "status_unscored": "unscored",
        "status_not_advanced": "not advanced to {stage}",
        "recused": "COI",
        "recused_legend": "COI = juror recused for a conflict of interest",
        "not_assigned": "—",
        "not_assigned_legend": "— = not assigned / not admitted to this stage",
        "incomplete": "…",
        "incomplete_legend": "… = scoring incomplete",
        "provisional_legend": "* = provisional: not every assigned juror has finished",
        "tie_footnote": "Tied score, order decided by: {rule}",
        "jury_footnote": "Place set by decision of the jury{reason}",
        "tie_latest_stage": "panel score of the latest stage ({stage})",
        "tie_criterion": "mean of criterion {criterion}",
        "tie_chair": "still tied; shared rank, the chair decides",
        "tie_jury": "decision of the jury",
        "tie_shared": "not broken; equal scores share a rank",
        "place_date": "{place}, {date}",
        "place_blank": "....................",
        "name_blank": "(.......................................)",
        "recused_entries": "Not scored (conflict of interest): {entries}",
        "no_entries": "This juror scores no innovation in this stage.",
        "method": "Scoring method",
        "method_mean": "mean of the jurors' totals",
        "method_trimmed": "mean after dropping the highest and lowest total (with ≥ 5 jurors)",
        "method_median": "median of the jurors' totals",
        "method_banded": "mean with each total held within ± {band} of the mean",
        "method_zscore": "per-juror standardisation (z-score)",
        "final_formula": "Final score = {parts}",
        "tiebreak_standard": (
            "Equal scores (at {precision} decimals) are ordered by the latest stage's panel "
            "score, then by the mean of the heaviest criteria; if still equal, the rank is "
            "shared and the chair decides."
        ),
        "tiebreak_stage": (
            "Equal scores (at {precision} decimals) are ordered by the mean of the heaviest "
            "criteria; if still equal, the rank is shared and the chair decides."
        ),
        "ties": "Ties",
        "tiebreak_none": "Equal scores (at {precision} decimals) share a rank.",
        "minutes_opening": (
            "On {weekday}, {date}, the jury of {event} completed the {scope} assessment and "
            "determined the following result:"
        ),
        "minutes_scope_final": "final",
        "minutes_scope_stage": "stage {stage}",
        "minutes_top": "top {n}",
        "minutes_closing": "These minutes are drawn up truthfully, to be used as appropriate.",
        "minutes_tied_at_cut": (
            "The following entries tie with the last one selected and need a decision of the jury:"
        ),
        "minutes_quota": "Quota per category",
        "feedback_intro": (
            "This sheet gives the jury's assessment of your innovation: the panel's mean per "
            "criterion, a comparison with the mean of all entries, and the jurors' notes."
        ),
        "feedback_rank": "Rank {rank} of {of}",
        "feedback_unranked": "Not ranked yet",
        "feedback_mean": "Panel Mean",
        "feedback_all_mean": "Mean of All Entries",
        "feedback_this_entry": "This innovation",
        "feedback_notes": "Jurors' notes and advice",
        "feedback_no_notes": "No notes.",
        "feedback_not_in_stage": "This innovation did not take part in this stage.",
        "final_result": "Final result",
        "blank_instructions": (
            "Score each criterion within the range shown. Criteria of weight 0 are read, not "
            "scored. Weighted total = Σ score × weight / Σ weight."
        ),
        "sheet_notes_heading": "Notes per innovation",
        "final": "Final",
        "leaderboard_file": "leaderboard",
        "matrix_file": "score matrix",
        "ranking_final": "Final ranking",
        "legend": "Legend",
        "certificate_title": "CERTIFICATE OF AWARD",
        "certificate_given": "is presented to",
        "certificate_for": "for the innovation",
        "certificate_as": "as",
        "certificate_in": "in {event}",
        "certificate_code": "Innovation code {code} · place {rank}",
        "signer_blank": "....................",
        "award": "Award",
        "decision_title": "DECISION",
        "decision_of": "DECISION OF THE {signer}",
        "decision_number": "NUMBER: ........................",
        "decision_about": "ON",
        "decision_subject": "the Winners of {event}",
        "decision_grace": "BY THE GRACE OF GOD ALMIGHTY",
        "decision_considering": "Considering",
        "decision_considering_a": (
            "that, to encourage and recognise public-service innovation, {event} has been held;"
        ),
        "decision_considering_b": (
            "that, by the assessment of the jury of {event} as set down in the minutes of its "
            "result, {n} best innovations have been determined;"
        ),
        "decision_considering_c": (
            "that, on the grounds in points a and b, a Decision of the {signer} on {subject} is "
            "needed;"
        ),
        "decision_observing": "Having regard to",
        "decision_decides": "HAS DECIDED:",
        "decision_enact": "To enact",
        "decision_enact_text": "DECISION OF THE {signer} ON {subject}.",
        "decision_first_label": "FIRST",
        "decision_first": (
            "{n} innovations are named winners of {event}, with the awards listed in the Annex, "
            "which is an integral part of this Decision."
        ),
        "decision_second_label": "SECOND",
        "decision_second": "The winners named in the FIRST point receive a certificate of award.",
        "decision_third_label": "THIRD",
        "decision_third": "This Decision takes effect on the date it is enacted.",
        "decision_enacted_at": "Enacted at {place}",
        "decision_enacted_on": "on {date}",
        "decision_annex": "ANNEX",
        "decision_annex_date": "DATE: {date}",
    },
}


def t(lang: str, key: str, **fields: object) -> str:
    text = TEXT[lang][key]
    return text.format(**fields) if fields else text


def default_file_name(lang: str, kind: str, board: str, suffix: str) -> str:
    """A document's suggested name in its language: rekapitulasi-nilai-p1.pdf, not recap.pdf."""
    words = TEXT[lang].get(f"{kind}_title") or TEXT[lang][f"{kind}_file"]
    scope = TEXT[lang]["final"] if board == "final" else board
    slug = "-".join(f"{words} {scope}".lower().split())
    return f"{slug}{suffix}"


def long_date(day: dt.date, lang: str) -> str:
    """23 November 2026 (both languages write the day first in an Indonesian office)."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def weekday(day: dt.date, lang: str) -> str:
    return WEEKDAYS[lang][day.weekday()]


_ONES = (
    "",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)


def terbilang(n: int) -> str:
    """A whole number in Indonesian words, as minutes spell out dates (2026 -> dua ribu dua puluh enam)."""
    if n < 0:
        return "minus " + terbilang(-n)
    if n < 12:
        return _ONES[n] if n else "nol"
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    if n < 100:
        tens, ones = divmod(n, 10)
        return f"{_ONES[tens]} puluh" + (f" {_ONES[ones]}" if ones else "")
    if n < 200:
        return "seratus" + (f" {terbilang(n - 100)}" if n > 100 else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} ratus" + (f" {terbilang(rest)}" if rest else "")
    if n < 2000:
        return "seribu" + (f" {terbilang(n - 1000)}" if n > 1000 else "")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        return f"{terbilang(thousands)} ribu" + (f" {terbilang(rest)}" if rest else "")
    millions, rest = divmod(n, 1_000_000)
    return f"{terbilang(millions)} juta" + (f" {terbilang(rest)}" if rest else "")
