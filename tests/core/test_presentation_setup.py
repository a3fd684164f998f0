"""Issue 17, item 10: the presentation schedule is written by setup services, audited and
announced, and read back through the read layer (core.store.queries.presentation)."""

from __future__ import annotations

import json

import pytest
from factories import make_event
from sqlalchemy import func, select

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import ValidationError
from kolabik_desktop.core.exchange.proof import prove
from kolabik_desktop.core.store import setup
from kolabik_desktop.core.store.audit import verify_chain
from kolabik_desktop.core.store.db import Change, create_event_file
from kolabik_desktop.core.store.integrity import check_event
from kolabik_desktop.core.store.models import AuditLog, Entry, Setting
from kolabik_desktop.core.store.queries.presentation import (
    PresentationSchedule,
    SlotPart,
    parse_slot_parts,
    presentation_schedule,
    submitted_juror_ids,
)


@pytest.fixture
def event(new_location):
    db, ids = make_event(new_location("e"), audited=True)
    seen: list[Change] = []
    db.changes.subscribe(seen.append)
    yield db, ids, seen
    db.close()


def codes_of(db, entry_ids):
    with db.session() as s:
        by_id = {eid: code for eid, code in s.execute(select(Entry.id, Entry.code))}
    return [by_id[i] for i in entry_ids]


def audit_rows(db, action):
    with db.session() as s:
        return [
            (r.actor, json.loads(r.subject), json.loads(r.old or "null"), json.loads(r.new))
            for r in s.scalars(select(AuditLog).where(AuditLog.action == action))
        ]


def audit_count(db):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditLog))


def test_order_is_written_audited_announced_and_read_back(event):
    db, ids, seen = event
    assert presentation_schedule(db, "P2") == PresentationSchedule("P2", (), ())
    first = [ids.entries[2], ids.entries[0], ids.entries[1]]
    setup.set_presentation_order(db, "P2", first)
    assert presentation_schedule(db, "P2").order == tuple(first)
    assert presentation_schedule(db, "P1").order == ()  # kept per stage
    assert seen == [Change("presentation")]
    second = [ids.entries[0], ids.entries[2], ids.entries[1]]
    setup.set_presentation_order(db, "P2", second)
    assert audit_rows(db, "presentation.order") == [
        ("chair", {"stage": "P2"}, None, codes_of(db, first)),
        ("chair", {"stage": "P2"}, codes_of(db, first), codes_of(db, second)),
    ]
    # The same order again writes nothing and tells no one.
    rows = audit_count(db)
    setup.set_presentation_order(db, "P2", second)
    assert audit_count(db) == rows and len(seen) == 2
    with db.session() as s:
        assert verify_chain(s) == []
    assert check_event(db) == [] and prove(db).findings == []


@pytest.mark.parametrize(
    ("stage", "order", "message"),
    [
        ("P9", lambda ids: ids.entries[:2], "Stage P9 does not exist"),
        ("P2", lambda ids: [ids.entries[0], ids.entries[0]], "names an entry twice"),
        ("P2", lambda ids: [ids.entries[0], 99999], "no entry with id 99999"),
        ("P2", lambda ids: [ids.entries[0], "IN-001"], "entry ids only"),
    ],
)
def test_order_refused_changes_nothing(event, stage, order, message):
    db, ids, seen = event
    setup.set_presentation_order(db, "P2", ids.entries[:3])
    rows = audit_count(db)
    with pytest.raises(ValidationError, match=message):
        setup.set_presentation_order(db, stage, order(ids))
    assert presentation_schedule(db, "P2").order == tuple(ids.entries[:3])
    assert audit_count(db) == rows and len(seen) == 1


def test_slot_parts_are_a_stage_update(event):
    db, _ids, seen = event
    setup.set_slot_parts(db, "P2", [("Paparan", 7.0), ("Tanya jawab", 12.5)])
    assert presentation_schedule(db, "P2").parts == (
        SlotPart("Paparan", 7.0),
        SlotPart("Tanya jawab", 12.5),
    )
    assert seen == [Change("rubric")]
    [(actor, subject, old, new)] = audit_rows(db, "stage.update")
    assert actor == "chair" and subject == {"stage": "P2"}
    assert old["slot_parts"] == "" and json.loads(new["slot_parts"])[1] == {
        "name": "Tanya jawab",
        "minutes": 12.5,
    }
    with pytest.raises(ValidationError, match="minutes must be above 0"):
        setup.set_slot_parts(db, "P2", [("Video", 0.0)])
    with pytest.raises(ValidationError, match="at least one part"):
        setup.set_slot_parts(db, "P2", [])
    with pytest.raises(ValidationError, match="Stage P7 does not exist"):
        setup.set_slot_parts(db, "P7", [("Video", 3.0)])
    assert len(presentation_schedule(db, "P2").parts) == 2 and len(seen) == 1
    assert check_event(db) == [] and prove(db).findings == []


def test_the_order_follows_a_renamed_stage_and_goes_with_a_deleted_one(event):
    db, ids, _seen = event
    order = (ids.entries[1], ids.entries[0])
    setup.set_presentation_order(db, "P2", order)
    p2 = next(st for st in setup.list_stages(db) if st.data.code == "P2")
    setup.update_stage(db, p2.id, setup.replace(p2.data, code="WAWANCARA"))
    assert presentation_schedule(db, "WAWANCARA").order == order
    assert presentation_schedule(db, "P2").order == ()
    assert check_event(db) == [] and prove(db).findings == []
    setup.delete_stage(db, p2.id, allow_deleting_scores=True)
    setup.add_stage(db, setup.replace(p2.data, code="WAWANCARA"))
    assert presentation_schedule(db, "WAWANCARA").order == ()  # a new stage starts without it


def test_a_stage_renamed_to_a_code_that_holds_an_orphaned_order_does_not_take_it(event):
    """A file from before the order followed its stage may hold an order under a code no stage
    has (a stage deleted then): the stage renamed to that code keeps its own order, or none."""
    db, ids, _seen = event
    with db.session() as s:
        s.add(Setting(key="presentation_order:WAWANCARA", value=json.dumps(ids.entries[2:4])))
    p2 = next(st for st in setup.list_stages(db) if st.data.code == "P2")
    setup.update_stage(db, p2.id, setup.replace(p2.data, code="WAWANCARA"))
    assert presentation_schedule(db, "WAWANCARA").order == ()  # P2 had none
    setup.set_presentation_order(db, "WAWANCARA", (ids.entries[1], ids.entries[0]))
    with db.session() as s:
        s.add(Setting(key="presentation_order:FINAL", value=json.dumps(ids.entries[2:4])))
    setup.update_stage(db, p2.id, setup.replace(p2.data, code="FINAL"))
    assert presentation_schedule(db, "FINAL").order == (ids.entries[1], ids.entries[0])


def test_schedule_writes_are_refused_in_a_juror_kit(tmp_path):
    db = create_event_file(tmp_path / "k.kolabik", name="Kit", kind="kit")
    try:
        with pytest.raises(ValidationError, match="not in a juror kit"):
            setup.set_presentation_order(db, "P2", [])
        with pytest.raises(ValidationError, match="not in a juror kit"):
            setup.set_slot_parts(db, "P2", [("Video", 3.0)])
    finally:
        db.close()


def test_reads_for_the_projector(event):
    db, ids, _seen = event
    from kolabik_desktop.core.store.services import set_submitted

    assert submitted_juror_ids(db, ids.stages["P1"]) == frozenset()
    set_submitted(db, juror_id=ids.jurors[0], stage_id=ids.stages["P1"], submitted=True)
    assert submitted_juror_ids(db, ids.stages["P1"]) == {ids.jurors[0]}
    assert submitted_juror_ids(db, ids.stages["P2"]) == frozenset()


def test_unreadable_saved_values_read_as_none_saved(event):
    db, _ids, _seen = event
    from kolabik_desktop.core.store.models import Setting, Stage

    with db.session() as s:
        s.add(Setting(key="presentation_order:P2", value="{not json"))
        s.scalars(select(Stage).where(Stage.code == "P2")).one().slot_parts = "[1, 2]"
    assert presentation_schedule(db, "P2") == PresentationSchedule("P2", (), ())


def test_slot_parts_json_is_checked():
    assert parse_slot_parts('[{"name": "Video", "minutes": 3}]') == [SlotPart("Video", 3.0)]
    assert parse_slot_parts('[{"name": " Video ", "minutes": "2,5"}]') == [SlotPart("Video", 2.5)]
    with pytest.raises(ValidationError) as no_minutes:
        parse_slot_parts('[{"name": "Video", "minutes": 3}, {"name": "x"}]')
    assert no_minutes.value.code == ec.SLOT_MINUTES
    assert no_minutes.value.problem.params["n"] == 2
    with pytest.raises(ValidationError) as no_name:
        parse_slot_parts('[{"name": "Video", "minutes": 3}, {"name": " ", "minutes": 2}]')
    assert no_name.value.code == ec.SLOT_NO_NAME
    for nameless in ('[{"name": null, "minutes": 2}]', '[{"name": ["V"], "minutes": 2}]'):
        with pytest.raises(ValidationError) as not_text:
            parse_slot_parts(nameless)
        assert not_text.value.code == ec.SLOT_NO_NAME
    with pytest.raises(ValidationError) as zero:
        parse_slot_parts('[{"name": "Video", "minutes": 0}]')
    assert zero.value.code == ec.SLOT_MINUTES
    for broken, code in (("[", ec.SLOTS_JSON), ('{"name": "Video"}', ec.SLOTS_NOT_LIST)):
        with pytest.raises(ValidationError) as refused:
            parse_slot_parts(broken)
        assert refused.value.code == code


@pytest.mark.parametrize(
    "text, n, name",
    [
        ("Video 0", 1, "Video"),
        ("Video 3; Tanya jawab -1", 2, "Tanya jawab"),
        ("Video 2; Tanya 0,0", 2, "Tanya"),
    ],
)
def test_the_workbooks_slot_text_is_refused_by_the_same_rule_as_the_json(text, n, name):
    """One slot rule: a workbook's 'Video 3; Paparan 7' (imported without setup's JSON path)
    and the JSON setup stores are refused alike, with the part named."""
    from kolabik_desktop.core.exchange.workbook import slots_from_text

    as_json = json.dumps(
        [
            {"name": part.strip().rpartition(" ")[0], "minutes": part.strip().rpartition(" ")[2]}
            for part in text.split(";")
        ]
    )
    with pytest.raises(ValidationError) as by_json:
        parse_slot_parts(as_json)
    _nothing, by_text = slots_from_text(text)
    assert by_text == by_json.value.problem
    assert by_text is not None and by_text.code == ec.SLOT_MINUTES
    assert by_text.params == {"n": n, "name": name}
    with pytest.raises(ValidationError) as typed:  # the stages tab's text, through setup
        setup.normalise_slot_parts(text)
    assert typed.value.problem == by_text
