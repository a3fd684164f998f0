"""Certificates, the decision letter and promoting winners (issue 18)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import sqlite3
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest
from factories import make_event, make_tied_event
from pypdf import PdfReader
from sqlalchemy import func, select

from kolabik_desktop.core.errors import EventFileError, ValidationError
from kolabik_desktop.core.exchange.promote import promote
from kolabik_desktop.core.reports import (
    ProvisionalRanking,
    ReportOptions,
    awards_for,
    build_decision_docx,
    build_report,
    fingerprint,
    load_report_data,
)
from kolabik_desktop.core.store.awards import (
    AwardSettings,
    get_award_settings,
    update_award_settings,
)
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import AuditLog, Entry, Score
from kolabik_desktop.core.store.queries.entries import entry_provenance
from kolabik_desktop.core.store.setup import (
    attach_data,
    delete_entry,
    list_attachments,
    list_entries,
    set_decision,
    update_entry,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DAY = dt.date(2023, 11, 23)


@pytest.fixture
def tied(tmp_path):
    """P1 totals 90, 80, 70, 70, 70, 60: three entries share place 3."""
    db, ids = make_tied_event(tmp_path / "kota.kolabik")
    yield db, ids
    db.close()


def places(db, **options) -> list[tuple[str, int, str]]:
    data = load_report_data(db)
    awards = awards_for(data, ReportOptions(kind="certificate", stage="P1", **options))
    return [(a.row.entry.code, a.rank, a.place) for a in awards.rows]


def test_a_tie_for_third_gives_every_tied_entry_terbaik_iii(tied):
    db, _ = tied
    assert places(db, top_n=3) == [
        ("IN-001", 1, "Terbaik I"),
        ("IN-002", 2, "Terbaik II"),
        ("IN-003", 3, "Terbaik III"),
        ("IN-004", 3, "Terbaik III"),
        ("IN-005", 3, "Terbaik III"),
    ]


def test_a_jury_decision_sets_the_place_printed(tied):
    db, ids = tied
    # The jury breaks the tie: IN-005 third, IN-003 fourth, IN-004 fifth.
    for entry, rank in ((ids.entries[4], 3), (ids.entries[2], 4), (ids.entries[3], 5)):
        set_decision(db, board="P1", entry_id=entry, rank=rank, reason="rapat juri 23/11")
    settings = get_award_settings(db)
    update_award_settings(db, replace(settings, honourable=("Juara Harapan I",), group="Top {n}"))
    assert places(db, top_n=5) == [
        ("IN-001", 1, "Terbaik I"),
        ("IN-002", 2, "Terbaik II"),
        ("IN-005", 3, "Terbaik III"),
        ("IN-003", 4, "Juara Harapan I"),
        ("IN-004", 5, "Top 5"),
    ]


def test_top_n_defaults_to_the_events_award_count_and_stops_at_the_ranked(tied):
    db, _ = tied
    update_award_settings(db, replace(get_award_settings(db), count=2))
    assert [p[0] for p in places(db)] == ["IN-001", "IN-002"]
    awards = awards_for(load_report_data(db), ReportOptions(kind="decision", stage="P1", top_n=40))
    assert awards.short and awards.ranked == 6 and len(awards.rows) == 6


def test_one_entry_outside_the_awarded_places_is_refused(tied):
    db, _ = tied
    assert places(db, top_n=3, entry="IN-004") == [("IN-004", 3, "Terbaik III")]
    with pytest.raises(ValidationError, match="IN-006 is placed 6, outside the 3 awarded"):
        places(db, top_n=3, entry="IN-006")


def test_certificate_pdf_one_landscape_page_per_award_with_fingerprint(tied):
    db, _ = tied
    data = load_report_data(db)
    for paper, width in (("a4", 841.9), ("f4", 935.4)):
        pdf = build_report(
            data,
            ReportOptions(kind="certificate", stage="P1", top_n=3, paper=paper, date=DAY),
        )
        pages = PdfReader(io.BytesIO(pdf)).pages
        assert len(pages) == 5
        assert round(float(pages[0].mediabox.width), 1) == width
        text = pages[3].extract_text()
        assert "PIAGAM PENGHARGAAN" in text and "TERBAIK III" in text
        assert "Inovasi Layanan 4" in text and "Unit 4" in text
        assert f"Sidik data: {fingerprint(data)}" in text
        assert "Halaman" not in text  # a certificate carries no page numbers


def test_provisional_ranking_needs_confirmation(tmp_path):
    # Jurors have scored only part of the cells: the ranking is provisional.
    db, _ = make_event(tmp_path / "p.kolabik", entries=6, jurors=3, fill=0.7)
    data = load_report_data(db)
    db.close()
    options = ReportOptions(kind="certificate", stage="P1", top_n=3)
    with pytest.raises(ProvisionalRanking, match="still provisional"):
        build_report(data, options)
    with pytest.raises(ProvisionalRanking):
        build_decision_docx(data, replace(options, kind="decision"))
    assert build_report(data, replace(options, confirmed=True)).startswith(b"%PDF")


def test_award_settings_round_trip_and_are_audited(tied):
    db, _ = tied
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 20
    wanted = AwardSettings(
        signer_name="Drs. H. Saifullah Yusuf",
        signer_title="Wali Kota Pasuruan",
        places=("Juara I", "Juara II"),
        honourable=(),
        group="{n} Besar",
        count=5,
        legal_bases=(),
        signature=png,
    )
    update_award_settings(db, wanted)
    assert get_award_settings(db) == wanted
    with db.session() as s:
        actions = s.scalars(select(AuditLog.action)).all()
    assert "award.update" in actions
    with pytest.raises(ValidationError, match="signature image is not a PNG or JPEG"):
        update_award_settings(db, replace(wanted, signature=b"GIF89a"))


def _docx_text(blob: bytes) -> tuple[list[str], list[list[str]]]:
    """Paragraph texts and the last table's rows, read with the standard library."""
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        assert {"[Content_Types].xml", "word/document.xml", "word/styles.xml"} <= set(z.namelist())
        root = ElementTree.fromstring(z.read("word/document.xml"))
    paras = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]
    table = list(root.iter(f"{W}tbl"))[-1]
    rows = [
        ["".join(t.text or "" for t in c.iter(f"{W}t")) for c in r.iter(f"{W}tc")]
        for r in table.iter(f"{W}tr")
    ]
    return paras, rows


def test_decision_letter_pdf_and_docx_say_the_same(tied):
    db, _ = tied
    update_award_settings(
        db, replace(get_award_settings(db), signer_title="Wali Kota Pasuruan", signer_name="Budi")
    )
    data = load_report_data(db)
    options = ReportOptions(kind="decision", stage="P1", top_n=3, date=DAY, place="Pasuruan")
    pdf_text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(build_report(data, options))).pages
    )
    blob = build_decision_docx(data, options)
    assert blob == build_decision_docx(data, options)  # deterministic bytes
    paras, rows = _docx_text(blob)
    joined = "\n".join(paras)
    for text in ("KEPUTUSAN WALI KOTA PASURUAN", "Menimbang", "Mengingat", "MEMUTUSKAN:",
                 "Menetapkan", "Nomor 3 Tahun 2018", "Ditetapkan di Pasuruan", "23 November 2023"):  # fmt: skip
        assert text in joined, text
        assert re.sub(r"\s+", " ", text) in re.sub(r"\s+", " ", pdf_text), text
    assert rows[0] == ["No", "Penghargaan", "Kode", "Inovasi", "Unit", "Nilai"]
    assert [r[1:3] for r in rows[1:]] == [
        ["Terbaik I", "IN-001"],
        ["Terbaik II", "IN-002"],
        ["Terbaik III", "IN-003"],
        ["Terbaik III", "IN-004"],
        ["Terbaik III", "IN-005"],
    ]
    assert rows[3][-1] == "70,00"


# ---------------------------------------------------------------------------------------------
# promote
# ---------------------------------------------------------------------------------------------


def test_promote_carries_entries_files_and_provenance_not_scores(tied, tmp_path):
    db, ids = tied
    attach_data(db, ids.entries[0], "proposal.pdf", b"%PDF-1.4 proposal")
    db.close()
    source, target = tmp_path / "kota.kolabik", tmp_path / "provinsi.kolabik"
    result = promote(source, target, top_n=2, stage="P1", template="kipp")
    assert result.created and result.added == ("IN-001", "IN-002")
    with open_event_file(target) as nxt:
        with nxt.session() as s:
            entries = {e.code: e for e in s.scalars(select(Entry))}
            category = entries["IN-001"].category
            assert s.scalar(select(func.count()).select_from(Score)) == 0
            actions = s.scalars(select(AuditLog.action)).all()
        assert set(entries) == {"IN-001", "IN-002"}
        first = entries["IN-001"]
        assert (first.title, first.unit, first.summary) == (
            "Inovasi Layanan 1",
            "Unit 1",
            "Ringkasan inovasi nomor 1.",
        )
        assert category is not None and category.name == "Perangkat Daerah"
        files = list_attachments(nxt, first.id)
        assert [f.filename for f in files] == ["proposal.pdf"]
        record = entry_provenance(nxt, first.id)
        assert record is not None
        assert (record.event_name, record.rank, record.place, record.score, record.board) == (
            "Kolabik Uji 2023",
            1,
            "Terbaik I",
            "90.00",
            "P1",
        )
        assert actions.count("entry.add") == 2 and "entry.provenance" in actions
        assert "attachment.add" in actions


def test_promoting_twice_adds_nothing_twice(tied, tmp_path):
    db, _ = tied
    db.close()
    source, target = tmp_path / "kota.kolabik", tmp_path / "next.kolabik"
    promote(source, target, top_n=3, stage="P1")
    with open_event_file(target) as nxt, nxt.session() as s:
        audit_rows = s.scalar(select(func.count()).select_from(AuditLog))
    again = promote(source, target, top_n=3, stage="P1")
    assert again.added == () and set(again.present) == {
        "IN-001",
        "IN-002",
        "IN-003",
        "IN-004",
        "IN-005",
    }
    with open_event_file(target) as nxt, nxt.session() as s:
        assert s.scalar(select(func.count()).select_from(Entry)) == 5
        assert s.scalar(select(func.count()).select_from(AuditLog)) == audit_rows
    # A wider cut adds only the new one.
    assert promote(source, target, top_n=6, stage="P1").added == ("IN-006",)


def test_a_code_present_with_other_content_is_refused_naming_it(tied, tmp_path):
    db, _ = tied
    db.close()
    source, target = tmp_path / "kota.kolabik", tmp_path / "next.kolabik"
    promote(source, target, top_n=1, stage="P1")
    with open_event_file(target) as nxt:
        row = list_entries(nxt)[0]
        update_entry(nxt, row.id, replace(row.data, title="Judul lain"))
    with pytest.raises(ValidationError, match=r"IN-001 \(title differ"):
        promote(source, target, top_n=3, stage="P1")
    with open_event_file(target) as nxt, nxt.session() as s:
        assert s.scalar(select(func.count()).select_from(Entry)) == 1  # nothing was added


def test_bad_targets_are_refused_clearly(tied, tmp_path):
    db, _ = tied
    db.close()
    source = tmp_path / "kota.kolabik"
    not_event = tmp_path / "notes.kolabik"
    not_event.write_text("not a database")
    with pytest.raises(EventFileError, match="not a Kolabik event file"):
        promote(source, not_event, top_n=2, stage="P1")
    newer = tmp_path / "newer.kolabik"
    promote(source, newer, top_n=1, stage="P1")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(EventFileError, match="newer version"):
        promote(source, newer, top_n=2, stage="P1")
    with pytest.raises(Exception, match="another file than the source"):
        promote(source, source, top_n=2, stage="P1")


def test_provisional_ranking_is_not_promoted_unconfirmed(tmp_path):
    db, _ = make_event(tmp_path / "p.kolabik", entries=6, jurors=3, fill=0.7)
    db.close()
    target = tmp_path / "next.kolabik"
    with pytest.raises(ProvisionalRanking):
        promote(tmp_path / "p.kolabik", target, top_n=2, stage="P1")
    assert not target.exists()
    assert (
        len(promote(tmp_path / "p.kolabik", target, top_n=2, stage="P1", confirmed=True).added) >= 2
    )


def test_deleting_a_promoted_entry_drops_its_provenance(tied, tmp_path):
    db, _ = tied
    db.close()
    target = tmp_path / "next.kolabik"
    promote(tmp_path / "kota.kolabik", target, top_n=1, stage="P1")
    with open_event_file(target) as nxt:
        with nxt.session() as s:
            entry_id = s.scalars(select(Entry.id)).one()
        delete_entry(nxt, entry_id)
        assert entry_provenance(nxt, entry_id) is None


def test_target_path_must_be_a_kolabik_file(tied, tmp_path: Path):
    db, _ = tied
    db.close()
    with pytest.raises(Exception, match=r"should end in \.kolabik"):
        promote(tmp_path / "kota.kolabik", tmp_path / "next.xlsx", top_n=1, stage="P1")


# ---------------------------------------------------------------------------------------------
# the workbook's Acara sheet
# ---------------------------------------------------------------------------------------------


def test_award_settings_round_trip_through_the_workbook(tied, tmp_path):
    from openpyxl import load_workbook

    from kolabik_desktop.core.exchange.workbook import export_workbook, import_workbook

    db, _ = tied
    wanted = AwardSettings(
        signer_name="Drs. H. Saifullah Yusuf",
        signer_title="Wali Kota Pasuruan",
        places=("Juara I", "Juara II", "Juara III"),
        honourable=("Juara Harapan I",),
        group="Top {n}",
        count=12,
        legal_bases=("Perda Kota Pasuruan Nomor 1 Tahun 2020", "Perwali Nomor 5 Tahun 2023"),
    )
    update_award_settings(db, wanted)
    first, back = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    export_workbook(db, first)
    acara = dict(load_workbook(first)["Acara"].iter_rows(min_row=2, values_only=True))
    assert acara["jabatan_penanda_tangan"] == "Wali Kota Pasuruan"
    assert acara["nama_peringkat"] == "Juara I; Juara II; Juara III"
    assert acara["dasar_hukum"].splitlines()[1] == "Perwali Nomor 5 Tahun 2023"
    imported = import_workbook(first, tmp_path / "b.kolabik")
    assert get_award_settings(imported) == wanted
    export_workbook(imported, back)
    assert back.read_bytes() == first.read_bytes()
    imported.close()


def test_a_bad_award_key_in_the_workbook_is_refused_naming_the_row(tied, tmp_path):
    from openpyxl import load_workbook

    from kolabik_desktop.core.errors import InputRejected
    from kolabik_desktop.core.exchange.workbook import export_workbook, import_workbook

    db, _ = tied
    update_award_settings(db, replace(get_award_settings(db), count=4))
    path = tmp_path / "a.xlsx"
    export_workbook(db, path)
    wb = load_workbook(path)
    sheet = wb["Acara"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "jumlah_penghargaan")
    row[1].value = 0
    wb.save(path)
    with pytest.raises(InputRejected, match=r"Acara.*number of awarded places 0 is not 1 to 1000"):
        import_workbook(path, tmp_path / "b.kolabik")
    assert not (tmp_path / "b.kolabik").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_docx_opens_in_libreoffice(tied, tmp_path):
    db, _ = tied
    data = load_report_data(db)
    docx = tmp_path / "sk.docx"
    docx.write_bytes(build_decision_docx(data, ReportOptions(kind="decision", stage="P1", top_n=3)))
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    pages = PdfReader(str(tmp_path / "sk.pdf")).pages
    text = "".join(p.extract_text() for p in pages)
    assert len(pages) == 2  # the letter, then the annex on its own page
    assert "MEMUTUSKAN" in text and "Terbaik III" in text and "IN-005" in text


def test_a_target_open_in_a_window_is_refused(tied, tmp_path):
    from kolabik_desktop.core.store.lock import EventLock, EventLockedError

    db, _ = tied
    db.close()
    target = tmp_path / "next.kolabik"
    promote(tmp_path / "kota.kolabik", target, top_n=1, stage="P1")
    held = EventLock.acquire(target, since="2023-11-23T08:00:00Z")
    try:
        with pytest.raises(EventLockedError):
            promote(tmp_path / "kota.kolabik", target, top_n=3, stage="P1")
    finally:
        held.release()
    assert promote(tmp_path / "kota.kolabik", target, top_n=3, stage="P1").added == (
        "IN-002",
        "IN-003",
        "IN-004",
        "IN-005",
    )


def test_a_new_next_event_is_built_beside_its_name_and_renamed_when_complete(tied, tmp_path):
    db, _ = tied
    db.close()
    source, target = tmp_path / "kota.kolabik", tmp_path / "next.kolabik"
    seen: list[bool] = []

    def watch(done: int, total: int, code: str) -> None:
        seen.append(target.exists())
        if code == "IN-003":
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        promote(source, target, top_n=3, stage="P1", template="kipp", progress=watch)
    assert seen == [False, False, False]  # nobody could open a half-made next event
    assert sorted(p.name for p in tmp_path.iterdir() if "next" in p.name) == []
    seen.clear()
    result = promote(source, target, top_n=3, stage="P1", template="kipp", progress=lambda *_: None)
    assert result.created and len(result.added) == 5 and target.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if "next" in p.name) == ["next.kolabik"]


def test_the_letters_signature_never_stands_alone_on_a_page(tied):
    db, _ = tied
    settings = get_award_settings(db)
    lonely = []
    for n in range(12):  # more legal bases push the signer down the page, then over it
        bases = tuple(
            f"Peraturan Nomor {i} Tahun 2020 tentang hal yang panjang sekali" for i in range(n)
        )
        update_award_settings(db, replace(settings, legal_bases=bases))
        pdf = build_report(
            load_report_data(db), ReportOptions(kind="decision", stage="P1", top_n=3, date=DAY)
        )
        texts = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
        signed = next(t for t in texts if "Ditetapkan di" in t)
        if "KETIGA" not in signed:
            lonely.append(n)
        if n == 0:  # a short letter is signed on its first page, not pushed over needlessly
            assert "Ditetapkan di" in texts[0]
    assert lonely == []  # the last article goes over with the signature


def test_a_control_character_in_a_title_still_gives_a_docx_word_can_read(tied):
    db, ids = tied
    row = next(r for r in list_entries(db) if r.id == ids.entries[0])
    update_entry(db, row.id, replace(row.data, title="Inovasi\x0bLayanan\x01 Satu"))
    data = load_report_data(db)
    blob = build_decision_docx(data, ReportOptions(kind="decision", stage="P1", top_n=3))
    _, rows = _docx_text(blob)  # parses: the XML is well formed
    assert rows[1][3] == "Inovasi Layanan  Satu"
