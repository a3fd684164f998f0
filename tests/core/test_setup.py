"""Setup services: validation, audit rows, change notices, rubric impact, advancing, decisions."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

import openpyxl
import pytest
from factories import make_event, make_tied_event, scorer_for
from sqlalchemy import func, select

from kolabik_desktop.core.errors import InputRejected, ValidationError
from kolabik_desktop.core.exchange.workbook import export_workbook, import_workbook
from kolabik_desktop.core.reports import load_report_data
from kolabik_desktop.core.scoring.model import FINAL
from kolabik_desktop.core.scoring.problem_text import problem_message
from kolabik_desktop.core.store import setup
from kolabik_desktop.core.store.audit import verify_chain
from kolabik_desktop.core.store.db import Change, create_event_file
from kolabik_desktop.core.store.models import (
    Assignment,
    AuditLog,
    Criterion,
    Decision,
    Score,
    Stage,
    StageAdmission,
)
from kolabik_desktop.core.store.services import load_scoring_input


@pytest.fixture
def event(new_location):
    db, ids = make_event(new_location("e"))
    yield db, ids
    db.close()


@pytest.fixture
def changes(event):
    db, _ = event
    seen: list[Change] = []
    db.changes.subscribe(seen.append)
    return seen


def audit_rows(db, action):
    with db.session() as s:
        return s.scalars(select(AuditLog).where(AuditLog.action == action)).all()


def snapshot(db):
    """Every table's content, to prove a refused change wrote nothing."""
    with db.session() as s:
        return {
            t: s.execute(select(func.count()).select_from(m)).scalar()
            for t, m in (("audit", AuditLog), ("crit", Criterion), ("stage", Stage))
        } | {"stages": [(st.code, st.weight, st.method) for st in s.scalars(select(Stage))]}


# -- event details -------------------------------------------------------------------------------


def test_event_details_round_trip_audit_and_notice(event, changes):
    db, _ = event
    logo = b"\x89PNG\r\n\x1a\n" + b"0" * 20
    details = setup.EventDetails(
        name="Kolabik 2024",
        year=2024,
        organiser="Kota Pasuruan",
        precision=3,
        tiebreak="none",
        round_stage_scores=True,
        logo=logo,
        report_place="Pasuruan",
        report_chair="Dr. Siti Aminah",
    )
    setup.update_event_details(db, details)
    assert setup.get_event_details(db) == details
    (row,) = audit_rows(db, "event.update")
    assert json.loads(row.new)["tiebreak"] == "none"
    assert json.loads(row.new)["report_chair"] == "Dr. Siti Aminah"
    assert json.loads(row.old)["report_place"] == ""
    data = load_report_data(db)
    assert (data.place, data.chair) == ("Pasuruan", "Dr. Siti Aminah")
    assert changes == [Change("event")]
    assert load_scoring_input(db).event.tiebreak == ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": " "}, "event name is empty"),
        ({"year": 1200}, "not between 1900 and 2200"),
        ({"precision": 9}, "precision 9"),
        ({"tiebreak": "coin"}, "tie-break chain 'coin'"),
        ({"logo": b"GIF89a"}, "not a PNG or JPEG"),
        ({"report_place": "x" * 101}, "signing place: .* 101 characters long"),
        ({"report_chair": "x" * 201}, "chair.s name: .* 201 characters long"),
    ],
)
def test_event_details_refused(event, changes, change, message):
    db, _ = event
    before = setup.get_event_details(db)
    with pytest.raises(ValidationError, match=message):
        setup.update_event_details(db, setup.EventDetails(**{**before.__dict__, **change}))
    assert setup.get_event_details(db) == before
    assert changes == []


# -- stages --------------------------------------------------------------------------------------


def stage(**kw):
    base = {"code": "P3", "name": "Observasi Lapangan", "weight": Decimal(0)}
    return setup.StageData(**{**base, **kw})


def test_add_stage_with_cumulative_and_slot_parts(event, changes):
    db, _ = event
    sid = setup.add_stage(
        db,
        stage(
            method="banded",
            band=Decimal(3),
            cumulative="P1:30  P2:20 P3:50",
            slot_parts='[{"name": "Video", "minutes": 3}, {"name": "Tanya jawab", "minutes": 13}]',
        ),
    )
    rows = {r.code: r for r in (x.data for x in setup.list_stages(db))}
    assert rows["P3"].cumulative == "P1:30 P2:20 P3:50"
    assert json.loads(rows["P3"].slot_parts)[1] == {"name": "Tanya jawab", "minutes": 13.0}
    assert [r.id for r in setup.list_stages(db)][-1] == sid
    assert json.loads(audit_rows(db, "stage.add")[0].new)["band"] == "3"
    assert changes == [Change("rubric")]


def test_slot_parts_typed_as_text():
    text = setup.normalise_slot_parts("Video 3; Tanya jawab 13,5")
    assert json.loads(text) == [
        {"name": "Video", "minutes": 3.0},
        {"name": "Tanya jawab", "minutes": 13.5},
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"code": "P 3"}, "no spaces or colons"),
        ({"code": "P1"}, "Stage P1 already exists"),
        ({"name": ""}, "the name is empty"),
        ({"weight": Decimal(120)}, "weight 120 is not between 0 and 100"),
        ({"method": "mode"}, "method 'mode' is not one of"),
        ({"method": "banded"}, "banded method needs a band L"),
        ({"method": "banded", "band": Decimal(0)}, "band L must be above 0"),
        ({"scale_min": Decimal(25), "scale_max": Decimal(1)}, "minimum 25 is not below"),
        ({"cumulative": "P1=30"}, "'P1=30' is not STAGE:WEIGHT"),
        ({"cumulative": "P1:30 P4:70"}, "the unknown stage P4"),
        ({"cumulative": "P1:30 P3:60"}, "add up to 90, not 100"),
        ({"cumulative": "P1:50 P1:50"}, "name P1 twice"),  # rules.CUMULATIVE_TWICE, one wording
        ({"weight": Decimal(10), "scale_max": Decimal(25)}, "must share one scale"),
        ({"slot_parts": "[{"}, "not valid JSON"),
        ({"slot_parts": '[{"name": "Video", "minutes": 0}]'}, "minutes must be above 0"),
        ({"slot_parts": "Video tiga"}, "is not NAME MINUTES"),
    ],
)
def test_add_stage_refused(event, changes, data, message):
    db, _ = event
    before = snapshot(db)
    with pytest.raises(ValidationError, match=message):
        setup.add_stage(db, stage(**data))
    assert snapshot(db) == before
    assert changes == []


def test_cumulative_naming_a_later_stage_is_refused(event):
    db, ids = event
    p1 = setup.list_stages(db)[0]
    with pytest.raises(ValidationError, match="the later stage P2"):
        setup.update_stage(db, p1.id, setup.replace(p1.data, cumulative="P1:50 P2:50"))


def test_update_stage_renames_cumulative_references(event):
    db, ids = event
    p1, p2 = setup.list_stages(db)
    setup.update_stage(db, p2.id, setup.replace(p2.data, cumulative="P1:30 P2:70"))
    setup.update_stage(db, p1.id, setup.replace(p1.data, code="S1"))
    p2_after = setup.list_stages(db)[1].data
    assert p2_after.cumulative == "S1:30 P2:70"
    (row,) = audit_rows(db, "stage.update")[1:]
    assert json.loads(row.old)["code"] == "P1" and json.loads(row.new)["code"] == "S1"


def test_move_stage_refused_when_blend_would_name_a_later_stage(event):
    db, _ = event
    p1, p2 = setup.list_stages(db)
    setup.update_stage(db, p2.id, setup.replace(p2.data, cumulative="P1:30 P2:70"))
    with pytest.raises(ValidationError, match="later stage P1"):
        setup.move_stage(db, p2.id, -1)
    assert [r.data.code for r in setup.list_stages(db)] == ["P1", "P2"]


def test_move_stage_reorders_and_audits(event):
    db, _ = event
    p1, p2 = setup.list_stages(db)
    setup.move_stage(db, p2.id, -1)
    assert [r.data.code for r in setup.list_stages(db)] == ["P2", "P1"]
    assert json.loads(audit_rows(db, "stage.reorder")[0].new) == ["P2", "P1"]


def test_delete_stage_with_scores_needs_confirmation(event):
    db, _ = event
    p1 = setup.list_stages(db)[0]
    assert p1.scores > 0
    with pytest.raises(ValidationError, match=f"has {p1.scores} scores"):
        setup.delete_stage(db, p1.id)
    assert len(setup.list_stages(db)) == 2
    assert setup.delete_stage(db, p1.id, allow_deleting_scores=True) == p1.scores
    with db.session() as s:
        assert s.scalar(select(func.count(Score.id))) == 0  # P2 had none (p2_fill=0)
    assert json.loads(audit_rows(db, "stage.delete")[0].new) == {"scores_deleted": p1.scores}


def test_delete_stage_used_in_a_blend_is_refused(event):
    db, _ = event
    p1, p2 = setup.list_stages(db)
    setup.update_stage(db, p2.id, setup.replace(p2.data, cumulative="P1:30 P2:70"))
    with pytest.raises(ValidationError, match="cumulative weights of P2"):
        setup.delete_stage(db, p1.id, allow_deleting_scores=True)


# -- rubric --------------------------------------------------------------------------------------


def test_rubric_wording_change_touches_no_score(event, changes):
    db, ids = event
    sid = ids.stages["P1"]
    rubric = setup.get_rubric(db, sid)
    edited = [setup.replace(rubric[1], name="Latar Belakang", description="Mengapa")] + [
        c for i, c in enumerate(rubric) if i != 1
    ]
    impact = setup.preview_rubric_change(db, sid, edited)
    assert impact == setup.RubricImpact(touched=0, deleted=0, changed=True)
    setup.save_rubric(db, sid, edited)
    after = setup.get_rubric(db, sid)
    assert [c.code for c in after][:2] == ["LBT", "RIN"]
    assert after[0].name == "Latar Belakang"
    assert changes == [Change("rubric")]


def test_rubric_weight_change_needs_confirmation_with_the_count(event, changes):
    db, ids = event
    sid = ids.stages["P1"]
    p1_scores = setup.list_stages(db)[0].scores
    rubric = setup.get_rubric(db, sid)
    # SIG 30 -> 25, ADP 20 -> 25: still 100.
    edited = [
        setup.replace(c, weight={"SIG": Decimal(25), "ADP": Decimal(25)}.get(c.code, c.weight))
        for c in rubric
    ]
    impact = setup.preview_rubric_change(db, sid, edited)
    assert impact.touched == p1_scores and impact.deleted == 0
    with pytest.raises(ValidationError, match=f"touches {p1_scores} existing scores"):
        setup.save_rubric(db, sid, edited)
    with pytest.raises(ValidationError, match="confirm it first"):
        setup.save_rubric(db, sid, edited, confirmed_touched=p1_scores - 1)
    assert changes == [] and not audit_rows(db, "rubric.update")
    setup.save_rubric(db, sid, edited, confirmed_touched=p1_scores)
    weights = {c.code: c.weight for c in setup.get_rubric(db, sid)}
    assert weights["SIG"] == 25 and weights["ADP"] == 25
    (row,) = audit_rows(db, "rubric.update")
    new = json.loads(row.new)
    assert new["scores_touched"] == p1_scores
    assert {c["code"]: c["weight"] for c in new["criteria"]}["SIG"] == "25"
    assert {c["code"]: c["weight"] for c in json.loads(row.old)["criteria"]}["SIG"] == "30"
    assert changes == [Change("rubric")]
    with db.session() as s:
        assert verify_chain(s) == []


def test_removing_a_criterion_deletes_its_scores(event):
    db, ids = event
    sid = ids.stages["P2"]
    # give P2 a few scores first
    with db.session() as s:
        for crit in ("PAP", "VID"):
            s.add(
                Score(
                    juror_id=ids.jurors[1],
                    entry_id=ids.entries[1],
                    criterion_id=ids.criteria[("P2", crit)],
                    value=Decimal(70),
                    revision=1,
                    updated_at="t",
                )
            )
    rubric = setup.get_rubric(db, sid)
    edited = [
        setup.replace(c, weight=Decimal(60) if c.code == "MAT" else c.weight)
        for c in rubric
        if c.code != "VID"
    ]
    impact = setup.preview_rubric_change(db, sid, edited)
    assert (impact.touched, impact.deleted) == (2, 1)
    setup.save_rubric(db, sid, edited, confirmed_touched=2)
    with db.session() as s:
        assert s.scalar(select(func.count(Score.id))) == setup.list_stages(db)[0].scores + 1
    assert [c.code for c in setup.get_rubric(db, sid)] == ["PAP", "MAT", "KHD"]


def test_adding_a_criterion_keeps_existing_ids(event):
    db, ids = event
    sid = ids.stages["P2"]
    rubric = setup.get_rubric(db, sid)
    edited = [setup.replace(c, weight=Decimal(0)) if c.code == "KHD" else c for c in rubric]
    edited.append(
        setup.CriterionData(
            code="INO",
            name="Inovasi",
            weight=Decimal(10),
            descriptors=setup.parse_descriptor_lines("60: Cukup\n85,5: Sangat baik"),
        )
    )
    setup.save_rubric(db, sid, edited)  # P2 has no scores: nothing to confirm
    after = setup.get_rubric(db, sid)
    assert [c.id for c in after[:4]] == [c.id for c in rubric]
    assert json.loads(after[4].descriptors) == [
        {"value": 60.0, "text": "Cukup"},
        {"value": 85.5, "text": "Sangat baik"},
    ]
    assert setup.descriptor_lines(after[4].descriptors) == "60: Cukup\n85.5: Sangat baik"


def crit(**kw):
    base = {"code": "A", "name": "Aspek", "weight": Decimal(100)}
    return setup.CriterionData(**{**base, **kw})


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ([crit(weight=Decimal(90))], "weights add up to 90, not 100"),
        ([crit(code="")], "the code is empty"),
        ([crit(code="A B")], "the code may hold only"),
        ([crit(weight=Decimal(50)), crit(weight=Decimal(50))], "the code is used twice"),
        ([crit(name=" ")], "the name is empty"),
        ([crit(min_value=Decimal(10), max_value=Decimal(5))], "minimum 10 is not below"),
        ([crit(step=Decimal(0))], "step must be above 0"),
        ([crit(step=Decimal(30))], "does not reach the maximum"),
        ([crit(descriptors="{")], "not valid JSON"),
        ([crit(descriptors='[{"value": 200, "text": "x"}]')], "200 is outside the range"),
        (
            [crit(weight=Decimal(110)), crit(code="B", weight=Decimal(-10))],
            "weight is below 0",
        ),
    ],
)
def test_rubric_refused(event, changes, criteria, message):
    db, ids = event
    before = snapshot(db)
    assert any(message in problem_message(p) for p in setup.rubric_problems(criteria))
    with pytest.raises(ValidationError, match=message):
        setup.save_rubric(db, ids.stages["P2"], criteria)
    assert snapshot(db) == before and changes == []


def test_range_change_that_strands_scores_is_refused(event):
    db, ids = event
    sid = ids.stages["P1"]
    rubric = setup.get_rubric(db, sid)
    edited = [setup.replace(c, max_value=Decimal(60)) if c.code == "SIG" else c for c in rubric]
    touched = setup.preview_rubric_change(db, sid, edited).touched
    with pytest.raises(ValidationError, match="Criterion SIG: .* existing scores do not fit"):
        setup.save_rubric(db, sid, edited, confirmed_touched=touched)
    assert {c.code: c.max_value for c in setup.get_rubric(db, sid)}["SIG"] == 100


def test_descriptor_lines_refused_with_line_number():
    with pytest.raises(ValidationError, match="line 2"):
        setup.parse_descriptor_lines("60: Cukup\nbaik sekali")


# -- categories, entries, attachments, jurors ----------------------------------------------------


def test_categories(event, changes):
    db, _ = event
    cid = setup.add_category(db, "Desa")
    with pytest.raises(ValidationError, match="already exists"):
        setup.add_category(db, "desa")
    setup.rename_category(db, cid, "Desa / Kelurahan")
    eid = setup.add_entry(db, setup.EntryData("IN-100", "Inovasi Desa", category_id=cid))
    assert setup.delete_category(db, cid) == 1
    entry = next(r for r in setup.list_entries(db) if r.id == eid)
    assert entry.data.category_id is None and entry.category == ""
    assert [a.action for a in audit_rows(db, "category.delete")] == ["category.delete"]
    assert Change("entries") in changes


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (setup.EntryData("IN-001", "Lain"), "Entry IN-001 already exists"),
        (setup.EntryData("in-001", "Lain"), "Entry in-001 already exists"),
        (setup.EntryData("", "Lain"), "the code is empty"),
        (setup.EntryData("IN-900", " "), "the title is empty"),
        (setup.EntryData("IN-900", "Judul", category_id=9999), "category id 9999"),
    ],
)
def test_entry_refused(event, data, message):
    db, _ = event
    before = setup.list_entries(db)
    with pytest.raises(ValidationError, match=message):
        setup.add_entry(db, data)
    assert setup.list_entries(db) == before


def test_entry_edit_and_delete_with_scores(event, changes):
    db, ids = event
    eid = ids.entries[2]
    row = next(r for r in setup.list_entries(db) if r.id == eid)
    setup.update_entry(db, eid, setup.replace(row.data, title="Judul baru", summary="Ringkas"))
    assert changes[-1] == Change("entries", frozenset({eid}))
    assert setup.count_entry_scores(db, eid) == row.scores > 0
    with pytest.raises(ValidationError, match=f"has {row.scores} scores"):
        setup.delete_entry(db, eid)
    assert setup.delete_entry(db, eid, allow_deleting_scores=True) == row.scores
    assert eid not in {r.id for r in setup.list_entries(db)}
    old = json.loads(audit_rows(db, "entry.update")[0].old)
    assert old["title"] == row.data.title
    deleted = json.loads(audit_rows(db, "entry.delete")[0].old)
    assert deleted["title"] == "Judul baru" and deleted["summary"] == "Ringkas"


def test_attachments(event, tmp_path, changes):
    db, ids = event
    f = tmp_path / "proposal.pdf"
    f.write_bytes(b"%PDF-1.4 test")
    att = setup.attach_file(db, ids.entries[0], f)
    assert att.mime == "application/pdf" and att.size == 13
    assert att.sha256 == hashlib.sha256(b"%PDF-1.4 test").hexdigest()
    assert setup.list_attachments(db, ids.entries[0]) == [att]
    out = tmp_path / "copy.pdf"
    setup.save_attachment_as(db, att.id, out)
    assert out.read_bytes() == b"%PDF-1.4 test"
    setup.remove_attachment(db, att.id)
    assert setup.list_attachments(db, ids.entries[0]) == []
    assert len(audit_rows(db, "attachment.add")) == 1
    assert len(audit_rows(db, "attachment.remove")) == 1
    with pytest.raises(ValidationError, match="missing.pdf: cannot be read"):
        setup.attach_file(db, ids.entries[0], tmp_path / "missing.pdf")


def test_jurors(event, changes):
    db, ids = event
    jid = setup.add_juror(db, setup.JurorData("J9", "Juri Sembilan", "ITS"))
    with pytest.raises(ValidationError, match="Juror j9 already exists"):
        setup.add_juror(db, setup.JurorData("j9", "X"))
    with pytest.raises(ValidationError, match="the name is empty"):
        setup.update_juror(db, jid, setup.JurorData("J9", ""))
    setup.update_juror(db, jid, setup.JurorData("J9", "Juri 9", "ITS"))
    assert setup.delete_juror(db, jid) == 0
    given = next(r for r in setup.list_jurors(db) if r.id == ids.jurors[1]).scores
    with pytest.raises(ValidationError, match=f"has given {given} scores"):
        setup.delete_juror(db, ids.jurors[1])
    assert [a.action for a in audit_rows(db, "juror.update")] == ["juror.update"]
    assert Change("jurors") in changes


def test_conflicts(event, changes):
    db, ids = event
    j, e = ids.jurors[2], ids.entries[3]
    with pytest.raises(ValidationError, match="needs a reason"):
        setup.set_conflict(db, j, e, "  ")
    setup.set_conflict(db, j, e, "Unit sendiri")
    assert (j, e) in load_scoring_input(db).event.conflicts
    setup.set_conflict(db, j, e, "Mantan atasan")
    row = next(c for c in setup.list_conflicts(db) if (c.juror_id, c.entry_id) == (j, e))
    assert row.reason == "Mantan atasan"
    setup.remove_conflict(db, j, e)
    assert (j, e) not in load_scoring_input(db).event.conflicts
    actions = [a.action for a in audit_rows(db, "conflict.set")]
    assert actions == ["conflict.set", "conflict.set"]
    assert changes[-1] == Change("jurors", frozenset({e}))
    with pytest.raises(ValidationError, match="no such conflict"):
        setup.remove_conflict(db, j, e)


# -- assignments ---------------------------------------------------------------------------------


def test_assignments_per_category_follow_new_entries(event):
    db, ids = event
    sid = ids.stages["P1"]
    cats = {c.name: c.id for c in setup.list_categories(db)}
    plan = setup.AssignmentPlan(
        setup.ASSIGN_CATEGORY,
        categories={ids.jurors[0]: frozenset({cats["Kecamatan"]}), ids.jurors[1]: frozenset()},
    )
    n = setup.set_assignments(db, sid, plan)
    kec = [r.id for r in setup.list_entries(db) if r.category == "Kecamatan"]
    assert n == len(kec)
    got = setup.get_assignments(db, sid)
    assert got.mode == setup.ASSIGN_CATEGORY
    assert got.categories == {ids.jurors[0]: frozenset({cats["Kecamatan"]})}
    new = setup.add_entry(db, setup.EntryData("IN-200", "Baru", category_id=cats["Kecamatan"]))
    with db.session() as s:
        pairs = set(s.execute(select(Assignment.juror_id, Assignment.entry_id)))
    assert (ids.jurors[0], new) in pairs and len(pairs) == len(kec) + 1
    spec = load_scoring_input(db).event.stages[0]
    assert spec.assignments == frozenset(pairs)


def test_assignments_per_entry_and_back_to_all(event):
    db, ids = event
    sid = ids.stages["P2"]
    pairs = frozenset({(ids.jurors[0], ids.entries[1]), (ids.jurors[1], ids.entries[1])})
    assert (
        setup.set_assignments(db, sid, setup.AssignmentPlan(setup.ASSIGN_ENTRY, pairs=pairs)) == 2
    )
    assert setup.get_assignments(db, sid).pairs == pairs
    setup.set_assignments(db, sid, setup.AssignmentPlan())
    assert setup.get_assignments(db, sid) == setup.AssignmentPlan()
    assert load_scoring_input(db).event.stages[1].assignments is None
    assert len(audit_rows(db, "assignment.set")) == 2


def test_assignments_refused(event):
    db, ids = event
    sid = ids.stages["P1"]
    with pytest.raises(ValidationError, match="no juror is assigned to any entry"):
        setup.set_assignments(db, sid, setup.AssignmentPlan(setup.ASSIGN_ENTRY))
    with pytest.raises(ValidationError, match="no juror is given a category"):
        setup.set_assignments(db, sid, setup.AssignmentPlan(setup.ASSIGN_CATEGORY))
    with pytest.raises(ValidationError, match="Unknown assignment mode"):
        setup.set_assignments(db, sid, setup.AssignmentPlan("random"))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Assignment)) == 0


# -- advancing -----------------------------------------------------------------------------------


def test_advance_top_n_shows_the_tie_and_admits_what_the_chair_chose(new_location):
    db, ids = make_tied_event(new_location("t"))
    try:
        short = setup.shortlist(scorer_for(db), "P1", top_n=3)
        assert [r.entry.code for r in short.selected] == ["IN-001", "IN-002"]
        assert [r.entry.code for r in short.tied_at_cut] == ["IN-003", "IN-004", "IN-005"]
        chosen = [r.entry.id for r in short.selected] + [ids.entries[2], ids.entries[3]]
        result = setup.admit_entries(db, ids.stages["P2"], chosen, rule="top 3 + ties")
        assert result.admitted == 4
        assert setup.admitted_entries(db, ids.stages["P2"]) == set(chosen)
        (row,) = audit_rows(db, "stage.advance")
        assert json.loads(row.subject) == {"stage": "P2", "rule": "top 3 + ties"}
        assert json.loads(row.new) == ["IN-001", "IN-002", "IN-003", "IN-004"]
    finally:
        db.close()


def test_advance_refusals(event):
    db, ids = event
    with pytest.raises(ValidationError, match="first stage"):
        setup.admit_entries(db, ids.stages["P1"], ids.entries[:2])
    with pytest.raises(ValidationError, match="No entry chosen"):
        setup.admit_entries(db, ids.stages["P2"], [])
    with pytest.raises(ValidationError, match="do not exist"):
        setup.admit_entries(db, ids.stages["P2"], [99999])
    with pytest.raises(ValidationError, match="either a number of entries or quotas"):
        setup.shortlist(scorer_for(db), "P1")
    with pytest.raises(ValidationError, match="at least 1"):
        setup.shortlist(scorer_for(db), "P1", top_n=0)


def test_advance_removing_scored_entries_needs_confirmation(event):
    db, ids = event
    sid = ids.stages["P2"]
    with db.session() as s:
        s.add(
            Score(
                juror_id=ids.jurors[1],
                entry_id=ids.entries[4],
                criterion_id=ids.criteria[("P2", "PAP")],
                value=Decimal(80),
                revision=1,
                updated_at="t",
            )
        )
    keep = ids.entries[:3]
    with pytest.raises(ValidationError, match="1 entries already scored there"):
        setup.admit_entries(db, sid, keep)
    assert len(setup.admitted_entries(db, sid)) == 5
    result = setup.admit_entries(db, sid, keep, allow_removing_scored=True)
    assert (result.removed, result.removed_with_scores) == (2, 1)


def test_advance_from_a_cumulative_stage_uses_its_blend(new_location):
    db, ids = make_event(new_location("cum"), entries=10, admitted_to_p2=6, p2_fill=1.0)
    try:
        p2 = next(r for r in setup.list_stages(db) if r.data.code == "P2")
        setup.update_stage(db, p2.id, setup.replace(p2.data, cumulative="P1:90 P2:10"))
        short = setup.shortlist(scorer_for(db), "P2", top_n=2)

        def blend(row):
            return 0.9 * float(row.stage_scores["P1"]) + 0.1 * float(row.stage_scores["P2"])

        rows = scorer_for(db).leaderboard("P2").rows
        assert len(rows) == 6
        for row in rows:
            assert float(row.score) == pytest.approx(blend(row))
        cut = min(blend(r) for r in short.selected)
        others = [r for r in rows if r not in short.selected + short.tied_at_cut]
        assert len(short.selected) == 2 and all(blend(r) < cut for r in others)
    finally:
        db.close()


def test_an_entry_with_a_jury_decision_cannot_leave_the_stage(new_location):
    db, ids = make_event(new_location("keep"), p2_fill=1.0)
    try:
        sid = ids.stages["P2"]
        first, *rest = sorted(setup.admitted_entries(db, sid))
        setup.set_decision(db, board="P2", entry_id=first, rank=1, reason="keputusan juri")
        with pytest.raises(ValidationError, match="IN-001 would leave the stage, but a jury"):
            setup.admit_entries(db, sid, rest, allow_removing_scored=True)
        assert first in setup.admitted_entries(db, sid)
        setup.remove_decision(db, setup.list_decisions(db)[0].id)
        setup.set_decision(db, board=FINAL, entry_id=first, rank=1, reason="keputusan juri")
        with pytest.raises(ValidationError, match="a jury decision places them"):
            setup.admit_entries(db, sid, rest, allow_removing_scored=True)
    finally:
        db.close()


def test_advance_with_quotas(event):
    db, ids = event
    short = setup.shortlist(scorer_for(db), "P1", quotas={"Kecamatan": 1, "Sekolah": 2})
    cats = [r.entry.category for r in short.selected + short.tied_at_cut]
    assert cats.count("Kecamatan") >= 1 and set(cats) <= {"Kecamatan", "Sekolah"}


# -- jury decisions ------------------------------------------------------------------------------


def test_jury_decision_recorded_and_shown(new_location):
    db, ids = make_tied_event(new_location("t"))
    try:
        setup.update_event_details(db, setup.replace(setup.get_event_details(db), tiebreak="none"))
        did = setup.set_decision(
            db, board="P1", entry_id=ids.entries[4], rank=3, reason="ex aequo per notulen"
        )
        board = scorer_for(db).leaderboard("P1")
        row = next(r for r in board.rows if r.entry.id == ids.entries[4])
        assert row.rank == 3 and row.tie_rule == "jury_decision"
        assert row.decision_reason == "ex aequo per notulen"
        setup.set_decision(db, board="P1", entry_id=ids.entries[4], rank=4, reason="urutan juri")
        (d,) = setup.list_decisions(db)
        assert (d.id, d.rank, d.board, d.entry_code) == (did, 4, "P1", "IN-005")
        assert [a.action for a in audit_rows(db, "decision.set")] == ["decision.set"] * 2
        setup.remove_decision(db, did)
        assert setup.list_decisions(db) == []
        assert len(audit_rows(db, "decision.remove")) == 1
    finally:
        db.close()


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"reason": ""}, "needs a reason"),
        ({"rank": 0}, "place 0 must be 1 or more"),
        ({"rank": 500}, "beyond the 12 entries"),
        ({"board": "P9"}, "no stage P9"),
        ({"board": "P2", "entry_index": 9}, "is not in stage P2"),
        ({"board": FINAL, "entry_index": 9}, "the entry is not in that stage"),
    ],
)
def test_jury_decision_refused(event, changes, kw, message):
    db, ids = event
    args = {"board": FINAL, "rank": 1, "reason": "keputusan juri", "entry_index": 0} | kw
    entry = ids.entries[args.pop("entry_index")]
    with pytest.raises(ValidationError, match=message):
        setup.set_decision(db, entry_id=entry, **args)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Decision)) == 0
    assert changes == []


def test_jury_decision_refused_for_an_unscored_entry(event, changes):
    db, ids = event  # stage P2 has admitted entries but no scores yet
    (entry, *_) = setup.admitted_entries(db, ids.stages["P2"])
    with pytest.raises(ValidationError, match="has no score on stage P2 yet"):
        setup.set_decision(db, board="P2", entry_id=entry, rank=1, reason="keputusan juri")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Decision)) == 0
    assert changes == []


def test_setup_is_refused_in_a_juror_kit(tmp_path):
    db = create_event_file(tmp_path / "k.kolabik", name="Kit", kind="kit")
    try:
        with pytest.raises(ValidationError, match="not in a juror kit"):
            setup.add_juror(db, setup.JurorData("J1", "Juri"))
    finally:
        db.close()


def test_every_setup_write_keeps_the_audit_chain_valid(event):
    db, ids = event
    setup.add_category(db, "Desa")
    setup.add_juror(db, setup.JurorData("J9", "Juri 9"))
    setup.admit_entries(db, ids.stages["P2"], ids.entries[:4])
    with db.session() as s:
        problems = verify_chain(s)
        assert not problems
        assert s.scalar(select(func.count()).select_from(StageAdmission)) == 4


# -- importing a list of entries -----------------------------------------------------------------


def test_import_entries_from_csv_adds_updates_and_creates_categories(event, tmp_path, changes):
    db, _ = event
    f = tmp_path / "peserta.csv"
    f.write_text(
        "kode,judul,unit,kelompok\n"
        "IN-001,Inovasi Layanan 1 (revisi),Unit 1,Perangkat Daerah\n"
        "IN-300,Sampah Jadi Emas,DLH,Desa\n",
        encoding="utf-8",
    )
    result = setup.import_entries_file(db, f)
    assert result == setup.EntriesImport(added=1, updated=1, unchanged=0, categories_added=1)
    rows = {r.data.code: r for r in setup.list_entries(db)}
    assert rows["IN-300"].category == "Desa"
    assert rows["IN-001"].data.title == "Inovasi Layanan 1 (revisi)"
    assert json.loads(audit_rows(db, "entries.import")[0].new)["added"] == 1
    assert changes == [Change("entries")]
    assert setup.import_entries_file(db, f).unchanged == 2


def test_import_entries_refused_file_changes_nothing(event, tmp_path):
    db, _ = event
    f = tmp_path / "peserta.csv"
    f.write_text("kode,judul\nIN-400,\n", encoding="utf-8")
    before = setup.list_entries(db)
    with pytest.raises(InputRejected, match="peserta.csv"):
        setup.import_entries_file(db, f)
    assert setup.list_entries(db) == before


def test_import_entries_from_an_event_workbook(event, tmp_path):
    from kolabik_desktop.core.exchange.workbook import export_workbook

    source, _ = event
    xlsx = tmp_path / "acara.xlsx"
    export_workbook(source, xlsx)
    target = create_event_file(tmp_path / "baru.kolabik", name="Baru")
    try:
        result = setup.import_entries_file(target, xlsx)
        assert (result.added, result.categories_added) == (12, 5)
        assert [r.data.code for r in setup.list_entries(target)] == [
            r.data.code for r in setup.list_entries(source)
        ]
        assert {r.category for r in setup.list_entries(target)} == {
            r.category for r in setup.list_entries(source)
        }
    finally:
        target.close()


def test_workbook_decision_for_an_unscored_entry_is_refused(event, tmp_path):
    db, ids = event  # stage P2 has admitted entries but no scores yet
    admitted = setup.admitted_entries(db, ids.stages["P2"])
    code = next(e.data.code for e in setup.list_entries(db) if e.id in admitted)
    book = tmp_path / "acara.xlsx"
    export_workbook(db, book)
    wb = openpyxl.load_workbook(book)
    wb["Keputusan"].append(["P2", code, 1, "keputusan juri"])
    wb.save(book)
    target = tmp_path / "baru.kolabik"
    with pytest.raises(InputRejected, match=f"tahap P2, peserta {code}: the entry has no score"):
        import_workbook(book, target).close()
    assert not target.exists()


def test_stage_weights_above_100_are_refused_and_check_names_a_total_below(tmp_path):
    """Stage weights add up to 100: setup refuses a total above it (stages are added one at a
    time, so a total below it is an event still being set up), and `kolabik check` names it."""
    from kolabik_desktop.core.store.integrity import check_event

    db, _ids = make_event(tmp_path / "w.kolabik", entries=2, jurors=2)
    try:
        p2 = next(st for st in setup.list_stages(db) if st.data.code == "P2")
        with pytest.raises(ValidationError, match="the stage weights add up to 110, not 100"):
            setup.update_stage(db, p2.id, setup.replace(p2.data, weight=Decimal(70)))
        setup.update_stage(db, p2.id, setup.replace(p2.data, weight=Decimal(50)))
        assert "the stage weights add up to 90, not 100" in check_event(db)
    finally:
        db.close()
