"""The read layer (core/store/queries): each function against an event of known contents, on a
file and on the PostgreSQL test server, returning frozen values."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from factories import CATEGORIES, EAST_JAVA_PRESENTATION, KIPP_2023, make_event

from kolabik_desktop.core.store import services, setup
from kolabik_desktop.core.store.models import Criterion, Entry
from kolabik_desktop.core.store.queries import (
    audit,
    entries,
    event,
    kits,
    people,
    scores,
    stages,
    submissions,
)


@pytest.fixture
def made(new_location):
    db, ids = make_event(new_location("q"), entries=6, jurors=3, admitted_to_p2=2, fill=0.0)
    yield db, ids
    db.close()


def assert_frozen(value: object) -> None:
    assert dataclasses.is_dataclass(value) and not isinstance(value, type)
    field = dataclasses.fields(value)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field, getattr(value, field))


# -- event -------------------------------------------------------------------------------------


def test_event_info_and_counts(made):
    db, ids = made
    info = event.event_info(db)
    assert info == event.EventInfo("Kolabik Uji 2023", 2023, "Pemerintah Kota Pasuruan", 2)
    assert_frozen(info)
    assert event.event_counts(db) == event.EventCounts(entries=6, jurors=3, scores=0)
    services.set_score(
        db,
        juror_id=ids.jurors[1],
        entry_id=ids.entries[0],
        criterion_id=_c(ids, "P1", 0),
        value=Decimal(80),
    )
    counts = event.event_counts(db)
    assert counts == event.EventCounts(entries=6, jurors=3, scores=1)
    assert_frozen(counts)


def test_event_counts_of_a_filled_event(new_location):
    # Every cell of P1 scored except the one conflict (J1 on IN-001): 12*5 - 1 sheets.
    db, _ids = make_event(new_location("full"), entries=12, jurors=5, fill=1.0)
    try:
        assert event.event_counts(db) == event.EventCounts(12, 5, (12 * 5 - 1) * len(KIPP_2023))
    finally:
        db.close()


# -- people ------------------------------------------------------------------------------------


def test_jurors_by_code_and_one_by_id(made):
    db, ids = made
    rows = people.jurors(db)
    assert rows == tuple(
        people.JurorInfo(ids.jurors[i], f"J{i + 1}", f"Juri {i + 1}", "Universitas Merdeka")
        for i in range(3)
    )
    assert_frozen(rows[0])
    assert people.juror(db, ids.jurors[2]) == rows[2]
    assert people.juror(db, None) is None
    assert people.juror(db, 99999) is None
    # Ordered by code, not by id: a juror added later with an earlier code comes first.
    jid = setup.add_juror(db, setup.JurorData("A0", "Juri Awal"))
    assert [j.code for j in people.jurors(db)] == ["A0", "J1", "J2", "J3"]
    assert people.juror(db, jid) == people.JurorInfo(jid, "A0", "Juri Awal", "")


# -- stages and criteria -----------------------------------------------------------------------


def test_stages_in_order_and_by_code(made):
    db, ids = made
    rows = stages.stages(db)
    assert rows == (
        stages.StageInfo(ids.stages["P1"], "P1", "Penilaian Proposal", 1),
        stages.StageInfo(ids.stages["P2"], "P2", "Presentasi dan Wawancara", 2),
    )
    assert_frozen(rows[0])
    assert stages.stage_by_code(db, "P2") == rows[1]
    assert stages.stage_by_code(db, "P9") is None


def test_criteria_of_a_stage_in_rubric_order(made):
    db, ids = made
    for code, rubric in (("P1", KIPP_2023), ("P2", EAST_JAVA_PRESENTATION)):
        rows = stages.criteria(db, ids.stages[code])
        assert [(c.code, c.name, c.weight) for c in rows] == [
            (cc, name, Decimal(w)) for cc, name, w in rubric
        ]
        assert [c.id for c in rows] == [ids.criteria[(code, cc)] for cc, _n, _w in rubric]
        first = rows[0]
        assert first.stage_id == ids.stages[code]
        assert (first.min_value, first.max_value, first.step) == (Decimal(0), Decimal(100), 1)
        assert first.description == f"Penilaian aspek {rubric[0][1].lower()}."
        assert first.descriptors == "" and first.position == 0
        assert_frozen(first)
    assert stages.criteria(db, 99999) == ()
    p1 = ids.stages["P1"]
    assert stages.criterion_by_code(db, p1, KIPP_2023[1][0]) == stages.criteria(db, p1)[1]
    assert stages.criterion_by_code(db, p1, "NOPE") is None
    assert stages.criterion_by_code(db, ids.stages["P2"], KIPP_2023[0][0]) is None


def test_criterion_descriptors_come_as_stored(made):
    db, ids = made
    cid = _c(ids, "P1", 0)
    stored = '[{"value": 60, "text": "Cukup"}]'
    with db.session() as s:
        s.get(Criterion, cid).descriptors = stored
    assert stages.criteria(db, ids.stages["P1"])[0].descriptors == stored


# -- entries -----------------------------------------------------------------------------------


def test_entry_detail_with_category_and_attachments(made):
    db, ids = made
    e = ids.entries[1]
    assert entries.entry_detail(db, e) == entries.EntryDetail(
        e, "IN-002", "Inovasi Layanan 2", "Unit 2", CATEGORIES[1], "Ringkasan inovasi nomor 2.", ()
    )
    a = setup.attach_data(db, e, "proposal.pdf", b"%PDF-1.4 isi")
    b = setup.attach_data(db, e, "foto.png", b"\x89PNG data")
    detail = entries.entry_detail(db, e)
    assert detail.attachments == (
        entries.AttachmentInfo(a.id, "proposal.pdf", "application/pdf", 12),
        entries.AttachmentInfo(b.id, "foto.png", "image/png", 9),
    )
    assert_frozen(detail)
    assert_frozen(detail.attachments[0])
    assert [att.is_pdf for att in detail.attachments] == [True, False]
    typeless = entries.AttachmentInfo(b.id, "LAPORAN.PDF", "", 9)  # a type not recorded
    assert typeless.is_pdf
    assert entries.attachment_data(db, a.id) == b"%PDF-1.4 isi"
    assert entries.attachment_data(db, b.id) == b"\x89PNG data"
    assert entries.attachment_data(db, 99999) == b""
    assert entries.entry_detail(db, 99999) is None


def test_entry_without_category_reads_as_empty_category(made):
    db, ids = made
    with db.session() as s:
        s.get(Entry, ids.entries[0]).category_id = None
    assert entries.entry_detail(db, ids.entries[0]).category == ""


def test_entry_by_code_and_category_names(made):
    db, ids = made
    ref = entries.entry_by_code(db, "IN-003")
    assert ref == entries.EntryRef(ids.entries[2], "IN-003", "Inovasi Layanan 3")
    assert_frozen(ref)
    assert entries.entry_by_code(db, "IN-999") is None
    assert entries.category_names(db) == tuple(CATEGORIES)


# -- scores ------------------------------------------------------------------------------------


def _c(ids, stage: str, index: int) -> int:
    rubric = KIPP_2023 if stage == "P1" else EAST_JAVA_PRESENTATION
    return ids.criteria[(stage, rubric[index][0])]


def test_score_sheet_holds_this_stage_cells_notes_and_comment(made):
    db, ids = made
    j, e, p1, p2 = ids.jurors[1], ids.entries[0], ids.stages["P1"], ids.stages["P2"]
    assert scores.score_sheet(db, j, e, p1) == scores.ScoreSheet((), "")
    services.set_score(
        db,
        juror_id=j,
        entry_id=e,
        criterion_id=_c(ids, "P1", 0),
        value=Decimal(85),
        note="rapi",
    )
    services.set_score(db, juror_id=j, entry_id=e, criterion_id=_c(ids, "P1", 2), value=Decimal(70))
    services.set_score(  # P2 cell: not on the P1 sheet
        db, juror_id=j, entry_id=e, criterion_id=_c(ids, "P2", 0), value=Decimal(90)
    )
    services.set_score(  # another juror: not on this sheet
        db, juror_id=ids.jurors[2], entry_id=e, criterion_id=_c(ids, "P1", 1), value=Decimal(60)
    )
    services.set_comment(db, juror_id=j, entry_id=e, stage_id=p1, text="Inovasi yang baik")
    sheet = scores.score_sheet(db, j, e, p1)
    assert sheet == scores.ScoreSheet(
        (
            scores.ScoreCell(_c(ids, "P1", 0), Decimal(85), "rapi"),
            scores.ScoreCell(_c(ids, "P1", 2), Decimal(70), ""),
        ),
        "Inovasi yang baik",
    )
    assert_frozen(sheet)
    assert_frozen(sheet.cells[0])
    assert scores.score_sheet(db, j, e, p2) == scores.ScoreSheet(
        (scores.ScoreCell(_c(ids, "P2", 0), Decimal(90), ""),), ""
    )
    # A cleared cell stays on the sheet with no value (its note kept).
    services.set_score(db, juror_id=j, entry_id=e, criterion_id=_c(ids, "P1", 0), value=None)
    assert scores.score_sheet(db, j, e, p1).cells[0] == scores.ScoreCell(
        _c(ids, "P1", 0), None, "rapi"
    )


def test_entry_values_are_the_engine_values_of_those_entries(new_location):
    db, ids = make_event(new_location("v"), entries=8, jurors=4, fill=0.7, p2_fill=0.6)
    try:
        e0, e1 = ids.entries[0], ids.entries[3]
        # One cleared cell: not a value.
        services.set_score(
            db, juror_id=ids.jurors[1], entry_id=e1, criterion_id=_c(ids, "P1", 0), value=None
        )
        with db.session() as s:
            every = services.load_values(s)
        expected = {e: {(j, c): v for (j, ee, c), v in every.items() if ee == e} for e in (e0, e1)}
        got = scores.entry_values(db, [e0, e1])
        assert got == expected
        assert got[e1] and (ids.jurors[1], _c(ids, "P1", 0)) not in got[e1]
        assert all(isinstance(v, Decimal) for vals in got.values() for v in vals.values())
        # An entry with no scores is still answered (the engine then drops its values).
        with db.session() as s:
            s.add(Entry(code="IN-NEW", title="Baru"))
        new = entries.entry_by_code(db, "IN-NEW").id
        assert scores.entry_values(db, [new]) == {new: {}}
        assert scores.entry_values(db, []) == {}
    finally:
        db.close()


# -- submissions -------------------------------------------------------------------------------


def test_submission_state(made):
    db, ids = made
    j, p1 = ids.jurors[1], ids.stages["P1"]
    assert submissions.submission(db, j, p1) is None
    assert submissions.is_submitted(db, j, p1) is False
    services.set_submitted(db, juror_id=j, stage_id=p1, submitted=True)
    row = submissions.submission(db, j, p1)
    assert (row.juror_id, row.stage_id, row.submitted, row.revision) == (j, p1, True, 1)
    assert row.updated_at
    assert_frozen(row)
    assert submissions.is_submitted(db, j, p1) is True
    assert submissions.is_submitted(db, ids.jurors[2], p1) is False
    services.set_submitted(db, juror_id=j, stage_id=p1, submitted=False)
    assert submissions.is_submitted(db, j, p1) is False
    assert submissions.submission(db, j, p1).revision == 2


# -- audit -------------------------------------------------------------------------------------


def test_audit_lines_oldest_first_and_worded_on_one_line(made):
    db, ids = made
    before = audit.audit_lines(db)
    services.set_score(
        db,
        juror_id=ids.jurors[0],
        entry_id=ids.entries[2],
        criterion_id=_c(ids, "P1", 0),
        value=Decimal(77),
        actor="J1",
    )
    services.set_score(
        db,
        juror_id=ids.jurors[0],
        entry_id=ids.entries[2],
        criterion_id=_c(ids, "P1", 0),
        value=Decimal(80),
        actor="chair",
    )
    rows = audit.audit_lines(db)
    assert rows[: len(before)] == before
    assert [r.id for r in rows] == sorted(r.id for r in rows)
    first, last = rows[-2:]
    assert (first.actor, first.action, first.source) == ("J1", "score.set", "local")
    assert (first.juror, first.entry, first.stage) == ("J1", "IN-003", "P1")
    assert dict(first.new)["value"] == "77" and dict(last.old)["value"] == "77"
    assert_frozen(first)
    code = first.criterion
    assert audit.line_text(first) == (
        f"#{first.id} {first.at} J1 score.set [J1 IN-003 P1 {code}] value=77, note=-, "
        "revision=1 (from local)"
    )
    assert audit.line_text(last).endswith(
        f"[J1 IN-003 P1 {code}] value=77, note=-, revision=1 -> value=80, note=-, revision=2 "
        "(from local)"
    )
    # In the caller's session, filtered as the audit view filters: J1's rows are the two.
    with db.session() as s:
        mine = audit.audit_lines(s, audit.AuditFilter(juror="J1", entry="IN-003"))
    assert [r.id for r in mine] == [first.id, last.id]


# -- kit export choices ------------------------------------------------------------------------


def test_kit_choices_in_one_read(made):
    db, ids = made
    choices = kits.kit_choices(db)
    assert [st.code for st in choices.stages] == ["P1", "P2"]
    assert choices.current == ("P2",)  # entries are admitted to P2: it is being judged
    assert [j.code for j in choices.jurors] == ["J1", "J2", "J3"]
    assert_frozen(choices)


def test_kit_choices_before_any_admission_offer_the_first_stage(new_location):
    db, _ids = make_event(new_location("k"), entries=3, jurors=2, admitted_to_p2=0, fill=0.0)
    try:
        assert kits.kit_choices(db).current == ("P1",)
    finally:
        db.close()


# -- a caller's session ------------------------------------------------------------------------


def test_queries_read_inside_a_session_the_caller_holds(made):
    db, ids = made
    with db.session() as s:
        s.add(Entry(code="IN-TX", title="Belum disimpan"))
        s.flush()
        # Read through the caller's transaction: the unflushed-to-disk row is seen.
        assert entries.entry_by_code(s, "IN-TX") is not None
        assert event.event_counts(s).entries == 7
        assert event.event_info(s).name == "Kolabik Uji 2023"
        assert [j.code for j in people.jurors(s)] == ["J1", "J2", "J3"]
        s.rollback()
    assert entries.entry_by_code(db, "IN-TX") is None


def test_stage_tolerance_as_set(made):
    from kolabik_desktop.core.store.tolerance import set_stage_tolerance

    db, ids = made
    assert stages.tolerance(db, "P1") is None
    set_stage_tolerance(db, ids.stages["P1"], Decimal("7.5"))
    assert stages.tolerance(db, "P1") == Decimal("7.5")
    assert stages.tolerance(db, "P2") is None
    assert stages.tolerance(db, "P9") is None
