"""PDF reports: text extracted with pypdf is checked against the scoring engine."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace
from decimal import Decimal

import pytest
from factories import make_event
from pypdf import PdfReader

from kolabik_desktop.core.errors import ValidationError
from kolabik_desktop.core.exchange.exports import export
from kolabik_desktop.core.exchange.kits import export_kit
from kolabik_desktop.core.reports import (
    ReportOptions,
    build_report,
    fingerprint,
    load_report_data,
)
from kolabik_desktop.core.reports.i18n import long_date, terbilang
from kolabik_desktop.core.scoring.engine import format_score
from kolabik_desktop.core.scoring.numbers import localize_number_text
from kolabik_desktop.core.store import setup
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import Criterion, Juror
from kolabik_desktop.core.store.services import set_comment, set_score

DAY = dt.date(2026, 11, 23)
A4 = (595.3, 841.9)
F4 = (595.3, 935.4)


@pytest.fixture(scope="module")
def event(tmp_path_factory):
    path = tmp_path_factory.mktemp("reports") / "rep.kolabik"
    db, ids = make_event(path, entries=30, jurors=5, admitted_to_p2=10, p2_fill=0.8)
    with db.session() as s:
        s.get(Juror, ids.jurors[1]).name = "Krzysztof Jabłoński"
    p1 = ids.stages["P1"]
    sig = ids.criteria[("P1", "SIG")]
    # A note and a comment from juror 2 on the second entry, for the sheet and the feedback.
    entry = ids.entries[1]
    current = db.session
    with current() as s:
        from kolabik_desktop.core.store.models import Score

        value = s.query(Score).filter_by(juror_id=ids.jurors[1], entry_id=entry, criterion_id=sig)
        value = value.one().value
    set_score(
        db,
        juror_id=ids.jurors[1],
        entry_id=entry,
        criterion_id=sig,
        value=value,
        note="Dampak perlu didukung data sebelum-sesudah.",
    )
    set_comment(
        db, juror_id=ids.jurors[1], entry_id=entry, stage_id=p1, text="Inovasi yang menjanjikan."
    )
    return db, ids


def _pdf(data, **options) -> PdfReader:
    options.setdefault("date", DAY)
    return PdfReader(io.BytesIO(build_report(data, ReportOptions(**options))))


def _pages(reader: PdfReader) -> list[str]:
    # Layout mode keeps a table row on one line, as it is printed.
    return [p.extract_text(extraction_mode="layout") for p in reader.pages]


def _flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


def _line_with(text: str, code: str) -> str:
    for line in text.splitlines():
        if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", line):
            return line
    raise AssertionError(f"{code} not found")


def _id(display: str) -> str:
    return localize_number_text(display, "id")


def _size(reader: PdfReader, page: int = 0) -> tuple[float, float]:
    box = reader.pages[page].mediabox
    return (round(float(box.width), 1), round(float(box.height), 1))


def test_recap_numbers_match_the_engine(event):
    db, ids = event
    data = load_report_data(db)
    reader = _pdf(data, kind="recap", stage="P1")
    text = "\n".join(_pages(reader))
    board = data.scorer.leaderboard("P1")
    assert len(board.rows) == 30
    for row in board.rows:
        tokens = _line_with(text, row.entry.code).split()
        assert tokens[0].rstrip("¹²³⁴⁵⁶⁷⁸⁹⁰") == str(row.rank)
        cells = ["KK" if c.recused else _id(format_score(c.total, 2)) for c in row.juror_cells]
        assert tokens[-7:] == [*cells, _id(row.display), "final"]
    # The recused juror of the first entry is marked, and the legend says what KK means.
    assert "KK = juri tidak menilai karena konflik kepentingan" in " ".join(text.split())


def test_recap_of_the_final_marks_provisional_scores(event):
    db, _ = event
    data = load_report_data(db)
    text = "\n".join(_pages(_pdf(data, kind="recap", stage="final")))
    board = data.scorer.leaderboard("final")
    provisional = [r for r in board.rows if r.status == "provisional"]
    assert provisional, "p2_fill=0.8 leaves some stage-2 work unfinished"
    for row in board.rows:
        if row.rank is None:
            continue
        line = _line_with(text, row.entry.code)
        mark = "*" if row.status == "provisional" else ""
        assert _id(row.display) + mark in line
        assert ("sementara" in line) == (row.status == "provisional")
        assert _id(format_score(row.stage_scores["P1"], 2)) in line
    # Entries outside P2 say so, with their P1 score, rather than "tanpa nilai".
    left_out = [r for r in board.rows if r.status == "not_advanced"]
    assert left_out
    plain = _flat([p.extract_text() for p in _pdf(data, kind="recap", stage="final").pages])
    assert plain.count("tidak lolos ke P2") == len(left_out)
    for row in left_out:
        line = _line_with(text, row.entry.code)
        assert "tidak lolos ke" in line and "tanpa nilai" not in line  # "P2" wraps below
        assert _id(format_score(row.stage_scores["P1"], 2)) in line


def test_broken_ties_are_footnoted_with_their_rule(tmp_path):
    # KEB and KEL weigh 15 each: swapping their values keeps the total, so the two entries tie
    # and the chain breaks it on KEB (heaviest remaining criterion, earlier in the rubric).
    db, ids = make_event(tmp_path / "tie.kolabik", entries=3, jurors=1, conflict=False)
    codes = ("RIN", "LBT", "KEB", "IMP", "SIG", "ADP", "SDA", "KEL")
    for entry, swapped in (
        (ids.entries[0], {"KEB": 90, "KEL": 60}),
        (ids.entries[1], {"KEB": 60, "KEL": 90}),
    ):
        for code in codes:
            set_score(
                db,
                juror_id=ids.jurors[0],
                entry_id=entry,
                criterion_id=ids.criteria[("P1", code)],
                value=Decimal(swapped.get(code, 70)),
            )
    data = load_report_data(db)
    board = data.scorer.leaderboard("P1")
    tied = [r for r in board.rows if r.tie_rule]
    assert [r.tie_rule for r in tied] == ["criterion:KEB", "criterion:KEB"]
    text = _flat(_pages(_pdf(data, kind="recap", stage="P1")))
    assert (
        "IN-001 (71,50): Nilai sama, urutan ditentukan oleh: rata-rata aspek Kebaruan / Nilai Tambah (KEB)"
        in text
    )
    assert "2¹ IN-001" in text and "3² IN-002" in text


def test_minutes_leave_out_columns_no_entry_fills(tmp_path):
    db, _ids = make_event(tmp_path / "music.kolabik", entries=4, jurors=2, admitted_to_p2=0)
    data = load_report_data(db)
    full = _flat(_pages(_pdf(data, kind="minutes", stage="P1")))
    assert "Unit Kategori Nilai" in full
    entries = tuple(e._replace(unit="", category="") for e in data.event.entries)
    bare = replace(data, event=data.event._replace(entries=entries))
    text = _flat(_pages(_pdf(bare, kind="minutes", stage="P1")))
    assert "Inovasi Nilai" in text and "Unit" not in text and "Kategori" not in text
    db.close()


def test_minutes_without_any_scored_entry_are_refused(tmp_path):
    db, _ids = make_event(tmp_path / "empty.kolabik", entries=4, jurors=2, fill=0.0)
    data = load_report_data(db)
    with pytest.raises(ValidationError, match="no entry has a score on stage P1 yet"):
        build_report(data, ReportOptions(kind="minutes", stage="P1"))
    db.close()


def test_a_jury_decision_is_footnoted_in_the_recap_and_the_minutes(tmp_path):
    db, ids = make_event(tmp_path / "dec.kolabik", entries=6, jurors=2, admitted_to_p2=0)
    last = load_report_data(db).scorer.leaderboard("P1").rows[-1].entry
    setup.set_decision(db, board="P1", entry_id=last.id, rank=1, reason="ex aequo, notulen rapat")
    data = load_report_data(db)
    note = "Peringkat ditetapkan berdasarkan keputusan dewan juri (ex aequo, notulen rapat)"
    recap = _flat(_pages(_pdf(data, kind="recap", stage="P1")))
    assert f"1¹ {last.code}" in recap and note in recap
    minutes = _flat(_pages(_pdf(data, kind="minutes", stage="P1")))
    assert f"1¹ {last.code}" in minutes and f"1) {last.code}: {note}" in minutes
    english = _flat(_pages(_pdf(data, kind="minutes", stage="P1", lang="en")))
    assert "Place set by decision of the jury (ex aequo, notulen rapat)" in english
    db.close()


def test_score_sheet_prints_the_jurors_values_totals_notes_and_signature(event):
    db, ids = event
    data = load_report_data(db)
    juror = data.event.jurors[1]
    text = "\n".join(_pages(_pdf(data, kind="sheet", stage="P1", juror=juror.code)))
    stage = data.stage("P1")
    for entry in data.event.entries:
        total = data.scorer.juror_total("P1", juror.id, entry.id)
        values = [str(data.values[(juror.id, entry.id, c.id)]) for c in stage.criteria]
        tokens = _line_with(text, entry.code).split()
        assert tokens[-9:] == [*values, _id(format_score(total, 2))]
    assert "Dampak perlu didukung data sebelum-sesudah." in text
    assert "Inovasi yang menjanjikan." in text
    assert "Krzysztof Jabłoński" in text
    assert "23 November 2026" in text


def test_score_sheet_lists_recusals_instead_of_rows(event):
    db, ids = event
    data = load_report_data(db)
    text = "\n".join(_pages(_pdf(data, kind="sheet", stage="P1", juror="J1")))
    assert "Tidak dinilai (konflik kepentingan): IN-001" in text


def test_minutes_list_the_shortlist_method_and_every_jurors_signature_line(event):
    db, _ = event
    data = load_report_data(db)
    text = _flat(_pages(_pdf(data, kind="minutes", stage="P1", top_n=5, chair="Juri 1")))
    shortlist = data.scorer.shortlist("P1", top_n=5)
    for row in shortlist.selected:
        assert row.entry.code in text
        assert _id(row.display) in text
    others = [r for r in data.scorer.leaderboard("P1").rows[8:]]
    assert not any(f" {r.entry.code} " in f" {text} " for r in others)
    assert "Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam" in text
    for juror in data.event.jurors:
        assert juror.name in text
    assert "Ketua Dewan Juri" in text
    assert "rata-rata nilai juri" in text


def test_minutes_per_category_quota_uses_category_ranks(event):
    db, _ = event
    data = load_report_data(db)
    text = "\n".join(_pages(_pdf(data, kind="minutes", stage="P1", top_n=1, per_category=True)))
    for category in data.categories:
        best = data.scorer.leaderboard("P1", category).rows[0]
        assert f"Kategori: {category}" in text
        line = _line_with(text, best.entry.code)
        assert line.split()[0] == "1"


def test_feedback_sheet_shows_means_rank_and_anonymised_notes(event):
    db, ids = event
    data = load_report_data(db)
    entry = data.event.entries[1]
    reader = _pdf(data, kind="feedback", entry=entry.code)
    text = "\n".join(_pages(reader))
    means = data.scorer.criterion_means("P1", entry.id)
    stage = data.stage("P1")
    for c in stage.criteria:
        # The table row (code, name, weight %, means), not the radar's axis label.
        tokens = next(
            ln.split() for ln in text.splitlines() if ln.split()[:1] == [c.code] and "%" in ln
        )
        assert _id(format_score(means[c.id], 2)) in tokens
    row = next(r for r in data.scorer.leaderboard("P1").rows if r.entry.id == entry.id)
    assert f"Peringkat {row.rank} dari 30" in text
    # The note's author is shown by number, never by name.
    assert "Dampak perlu didukung data sebelum-sesudah." in text
    assert "Krzysztof" not in text
    note_line = _line_with(text, "SIG")
    assert re.search(r"Juri \d", note_line) or re.search(r"Juri \d", text)
    assert "Halaman 1 dari" in text


def test_feedback_for_all_entries_numbers_pages_per_entry(event):
    db, _ = event
    data = load_report_data(db)
    reader = _pdf(data, kind="feedback", stage="P1")
    pages = _pages(reader)
    firsts = [p for p in pages if "Halaman 1 dari" in p]
    assert len(firsts) == 30  # one section per entry, each counting its own pages


def test_blank_form_has_no_scores(event):
    db, _ = event
    data = load_report_data(db)
    text = "\n".join(_pages(_pdf(data, kind="blank", stage="P2", juror="J3")))
    assert "FORMULIR PENILAIAN" in text
    line = _line_with(text, "IN-002")
    assert not re.search(r"\d+,\d\d", line)
    assert "IN-011" not in text  # not admitted to P2


def test_blank_form_rows_grow_to_fit_a_long_title(event):
    db, _ = event
    data = load_report_data(db)
    short = len(_pdf(data, kind="blank", stage="P1", juror="J3").pages)
    long_title = "Sistem Informasi Pelayanan Terpadu " * 5
    entries = tuple(e._replace(title=long_title) for e in data.event.entries)
    data = replace(data, event=data.event._replace(entries=entries))
    # Fixed handwriting rows would let the title spill over the next rows on the same pages.
    assert len(_pdf(data, kind="blank", stage="P1", juror="J3").pages) > short


@pytest.mark.parametrize(
    ("paper", "size"),
    [("a4", A4), ("f4", F4)],
)
def test_paper_sizes_and_orientation(event, paper, size):
    db, _ = event
    data = load_report_data(db)
    portrait = _pdf(data, kind="recap", stage="P1", paper=paper)
    assert _size(portrait) == size
    wide = _pdf(data, kind="sheet", stage="P1", juror="J2", paper=paper)  # 8 criteria
    assert _size(wide) == (size[1], size[0])


def test_page_numbers_and_repeated_headers_on_a_long_table(tmp_path):
    db, _ = make_event(tmp_path / "long.kolabik", entries=70, jurors=5)
    data = load_report_data(db)
    reader = _pdf(data, kind="recap", stage="P1")
    pages = _pages(reader)
    n = len(pages)
    assert n >= 3
    for i, page in enumerate(pages, 1):
        assert f"Halaman {i} dari {n}" in page
        assert "Nilai" in page and "Panel" in page and "Kode" in page  # the header row repeats
    assert "Sidik data: " + fingerprint(data) in pages[-1]


def test_fonts_are_embedded(event):
    db, _ = event
    data = load_report_data(db)
    reader = _pdf(data, kind="recap", stage="P1")
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = (
            font.get("/FontDescriptor")
            or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        )
        assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]


def test_english_reports_and_dates():
    assert long_date(dt.date(2026, 8, 17), "id") == "17 Agustus 2026"
    assert long_date(dt.date(2026, 8, 17), "en") == "17 August 2026"
    assert terbilang(2026) == "dua ribu dua puluh enam"
    assert terbilang(11) == "sebelas"
    assert terbilang(115) == "seratus lima belas"


def test_english_recap(event):
    db, _ = event
    data = load_report_data(db)
    text = "\n".join(_pages(_pdf(data, kind="recap", stage="P1", lang="en")))
    assert "SCORE RECAP" in text and "Page 1 of" in text and "23 November 2026" in text
    row = data.scorer.leaderboard("P1").rows[0]
    assert row.display in _line_with(text, row.entry.code)  # dot decimal in English


def test_report_numbers_are_written_as_the_window_writes_them(tmp_path):
    """A value of a thousand or more is grouped as the window groups it: 1.234,5 in Indonesian
    (reports used to print 1234,5), 1,234.5 in English."""
    db, ids = make_event(tmp_path / "big.kolabik", entries=3, jurors=3, conflict=False)
    sig = ids.criteria[("P1", "SIG")]
    with db.session() as s:
        criterion = s.get(Criterion, sig)
        criterion.max_value, criterion.step = Decimal(5000), Decimal("0.5")
    set_score(
        db, juror_id=ids.jurors[0], entry_id=ids.entries[0], criterion_id=sig,
        value=Decimal("1234.5"),
    )  # fmt: skip
    data = load_report_data(db)
    juror, entry = data.event.jurors[0], data.event.entries[0]
    for lang, written in (("id", "1.234,5"), ("en", "1,234.5")):
        text = "\n".join(_pages(_pdf(data, kind="sheet", stage="P1", juror=juror.code, lang=lang)))
        assert written in _line_with(text, entry.code).split(), lang
    db.close()


def test_fingerprint_moves_with_a_score_and_only_then(tmp_path):
    db, ids = make_event(tmp_path / "fp.kolabik", entries=4, jurors=2, conflict=False)
    first = fingerprint(db)
    assert re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}", first)
    assert fingerprint(db) == first == fingerprint(load_report_data(db))
    sig = ids.criteria[("P1", "SIG")]
    data = load_report_data(db)
    old = data.values[(ids.jurors[0], ids.entries[0], sig)]
    # A note changes no number, so the fingerprint stays.
    set_score(
        db, juror_id=ids.jurors[0], entry_id=ids.entries[0], criterion_id=sig, value=old, note="x"
    )
    assert fingerprint(db) == first
    new = old - 1 if old > 50 else old + 1
    set_score(db, juror_id=ids.jurors[0], entry_id=ids.entries[0], criterion_id=sig, value=new)
    changed = fingerprint(db)
    assert changed != first
    set_score(db, juror_id=ids.jurors[0], entry_id=ids.entries[0], criterion_id=sig, value=old)
    assert fingerprint(db) == first


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"kind": "poster"}, "unknown report kind"),
        ({"kind": "recap", "stage": "P9"}, "no stage 'P9'"),
        ({"kind": "sheet", "stage": "P1", "juror": "J99"}, "no juror 'J99'"),
        ({"kind": "recap", "paper": "letter"}, "unknown paper"),
        ({"kind": "recap", "lang": "fr"}, "unknown language"),
        ({"kind": "sheet", "stage": "final"}, "one stage"),
        ({"kind": "minutes", "top_n": 0}, "at least 1"),
        ({"kind": "feedback", "entry": "XX-1"}, "no entry 'XX-1'"),
    ],
)
def test_bad_options_name_what_is_wrong(event, options, message):
    db, _ = event
    with pytest.raises(ValidationError, match=message):
        build_report(load_report_data(db), ReportOptions(**options))


def test_every_kind_builds_on_both_papers(event):
    db, _ = event
    data = load_report_data(db)
    for kind in ("sheet", "recap", "minutes", "feedback", "blank"):
        for paper in ("a4", "f4"):
            reader = _pdf(data, kind=kind, paper=paper)
            assert len(reader.pages) >= 1
            assert "Halaman 1 dari" in reader.pages[0].extract_text()


def test_the_events_logo_is_printed_in_the_letterhead(tmp_path):
    from PIL import Image

    from kolabik_desktop.core.store.models import Event

    db, _ = make_event(tmp_path / "logo.kolabik", entries=3, jurors=2)
    buf = io.BytesIO()
    Image.new("RGB", (120, 150), (200, 30, 30)).save(buf, format="PNG")
    with db.session() as s:
        s.query(Event).one().logo = buf.getvalue()
    data = load_report_data(db)
    reader = _pdf(data, kind="recap", stage="P1")
    xobjects = reader.pages[0]["/Resources"].get("/XObject", {})
    images = [x for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 1
    assert images[0].get_object()["/Width"] == 120
    # A logo that is not an image is left out rather than stopping the report.
    data.logo = b"not an image"
    assert "REKAPITULASI NILAI" in _pages(_pdf(data, kind="recap", stage="P1"))[0]


def test_recap_within_a_category_renumbers_ranks(event):
    db, _ = event
    data = load_report_data(db)
    category = data.categories[2]
    text = "\n".join(_pages(_pdf(data, kind="recap", stage="P1", category=category)))
    board = data.scorer.leaderboard("P1", category)
    assert [r.rank for r in board.rows if r.rank is not None][0] == 1
    for row in board.rows:
        tokens = _line_with(text, row.entry.code).split()
        assert tokens[0].rstrip("¹²³⁴⁵⁶⁷⁸⁹⁰") == str(row.rank)
        assert _id(row.display) in tokens
    others = [e.code for e in data.event.entries if e.category != category]
    assert not any(re.search(rf"(?<![\w-]){c}(?![\w-])", text) for c in others)


def test_a_jurors_kit_prints_only_their_own_sheets(tmp_path):
    db, _ids = make_event(tmp_path / "chair.kolabik", entries=5, jurors=3, admitted_to_p2=0)
    kit = open_event_file(export_kit(db, "J2", tmp_path, stages=["P1"]))
    db.close()
    data = load_report_data(kit)
    kit.close()
    assert "LEMBAR PENILAIAN" in _flat(_pages(_pdf(data, kind="sheet", stage="P1")))
    assert "FORMULIR PENILAIAN" in _flat(_pages(_pdf(data, kind="blank", stage="P1")))
    for kind in ("recap", "minutes", "feedback"):
        with pytest.raises(ValidationError, match="a juror's kit holds only that juror's scores"):
            build_report(data, ReportOptions(kind=kind, stage="P1"))
    with pytest.raises(ValidationError, match="its leaderboard would be wrong"):
        export(data, "leaderboard", tmp_path / "board.xlsx", board="P1")
    assert not (tmp_path / "board.xlsx").exists()


def test_default_file_names_speak_the_documents_language():
    from kolabik_desktop.core.reports.i18n import default_file_name

    assert default_file_name("id", "sheet", "P1", ".pdf") == "lembar-penilaian-p1.pdf"
    assert default_file_name("id", "recap", "final", ".pdf") == "rekapitulasi-nilai-akhir.pdf"
    assert default_file_name("id", "matrix", "P2", ".xlsx") == "matriks-nilai-p2.xlsx"
    assert default_file_name("en", "minutes", "final", ".pdf") == "minutes-final.pdf"


@pytest.mark.parametrize("entries", [14, 17, 20, 23, 26])
def test_the_recaps_last_page_never_holds_the_signature_alone(tmp_path, entries):
    db, _ids = make_event(tmp_path / "e.kolabik", entries=entries, jurors=5)
    data = load_report_data(db)
    for stage in ("P1", "final"):
        reader = _pdf(data, kind="recap", stage=stage)
        last = reader.pages[-1].extract_text()
        assert "Ketua Dewan Juri" in last
        rows = re.findall(r"\bIN-\d{3}\b", last)
        assert rows, f"{entries} entries, {stage}: the signature stands alone on the last page"
        if len(reader.pages) > 1:
            assert "Peringkat" in last  # the table's header repeats above the rows that moved
    db.close()


@pytest.mark.parametrize("kind, stage", [("recap", "P1"), ("minutes", "final"), ("sheet", "P1")])
def test_a_server_event_prints_the_same_report_as_its_file(tmp_path, server_database, kind, stage):
    """Issue 16: the same event on a file and on PostgreSQL gives the same pages."""
    texts = []
    for where in (tmp_path / "kota.kolabik", server_database):
        db, _ids = make_event(where, entries=10, jurors=3, admitted_to_p2=4, p2_fill=0.7)
        data = load_report_data(db)
        db.close()
        texts.append(_pages(_pdf(data, kind=kind, stage=stage)))
    assert texts[0] == texts[1] and len(texts[0]) >= 1
