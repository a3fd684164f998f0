"""The live link's protocol: the kit's queue, deltas, acks, catch-up, exactly-once, refusals."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal

import pytest
from factories import make_event
from helpers_exchange import kits_by_juror, score_rows
from sqlalchemy import func, select

from kolabik_desktop.core import codes
from kolabik_desktop.core.exchange import live, live_crypto, packages, signing
from kolabik_desktop.core.exchange.live import Ack, HubSession, LiveRefusal
from kolabik_desktop.core.exchange.merge import apply_import, prepare_import
from kolabik_desktop.core.exchange.packages import sign, write_package
from kolabik_desktop.core.scoring.problem_text import TEXTS, problem_message
from kolabik_desktop.core.scoring.rules import Problem, Where
from kolabik_desktop.core.store import outbox, services
from kolabik_desktop.core.store.db import create_event_file, open_event_file
from kolabik_desktop.core.store.models import AuditLog, Juror, LiveOutbox, PackageReceipt, Setting


@pytest.fixture
def room(tmp_path):
    """The chair's event (P2 unscored) and juror J1's and J2's kits, open."""
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, conflict=False)
    kits = kits_by_juror(db, tmp_path / "kits")
    j1 = open_event_file(kits["J1"])
    j2 = open_event_file(kits["J2"])
    yield db, ids, j1, j2
    for opened in (j1, j2, db):
        opened.close()


def save(kit, ids, entry: int, crit: str, value: int, note: str | None = None) -> None:
    services.set_score(
        kit,
        juror_id=kit.kit_juror_id,
        entry_id=ids.entries[entry],
        criterion_id=ids.criteria[("P2", crit)],
        value=Decimal(value),
        note=note,
    )


def chair_value(db, ids, juror_code: str, entry: int, crit: str):
    juror = {"J1": ids.jurors[0], "J2": ids.jurors[1]}[juror_code]
    key = (juror, ids.entries[entry], ids.criteria[("P2", crit)])
    with db.session() as s:
        rows = {(j, e, c): (v, n, r) for j, e, c, v, n, r, _at in score_rows(s)}
    return rows.get(key)


def queue(kit) -> list[tuple[str, int]]:
    with kit.session() as s:
        return [(k, a) for k, a in s.execute(select(LiveOutbox.kind, LiveOutbox.key_a))]


def test_every_save_in_a_kit_is_queued_and_the_queue_survives_a_restart(room):
    db, ids, j1, _j2 = room
    assert live.kit_state(j1).unsent == 0  # the kit starts with nothing to send
    save(j1, ids, 0, "PAP", 80)
    save(j1, ids, 0, "PAP", 81, note="baik")
    services.set_comment(
        j1, juror_id=j1.kit_juror_id, entry_id=ids.entries[0], stage_id=ids.stages["P2"], text="ok"
    )
    assert [k for k, _a in queue(j1)] == ["score", "score", "comment"]
    path = j1.path
    j1.close()
    reopened = open_event_file(path)
    try:
        assert live.kit_state(reopened).unsent == 3
    finally:
        reopened.close()
    # The chair's own edits are never queued.
    services.set_score(
        db,
        juror_id=ids.jurors[0],
        entry_id=ids.entries[1],
        criterion_id=ids.criteria[("P2", "PAP")],
        value=Decimal(50),
    )
    with db.session() as s:
        assert s.scalar(select(func.count(LiveOutbox.seq))) == 0


def _triggers(path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    finally:
        con.close()


def test_only_kits_carry_the_queue_triggers_and_an_older_event_file_loses_them(room, tmp_path):
    # A trigger on the score table costs every row a bulk import writes, even when it never
    # fires: the chair's event has none, the kits have all six.
    db, _ids, j1, _j2 = room
    assert _triggers(db.path) == set()
    assert _triggers(j1.path) == set(outbox.NAMES)
    new_kit = create_event_file(tmp_path / "new.kolabik", name="Kit", kind="kit")
    new_kit.close()
    assert _triggers(new_kit.path) == set(outbox.NAMES)
    # An event file made before migration 0007 carries them; opening it drops them.
    old = create_event_file(tmp_path / "old.kolabik", name="Old")
    old.close()
    con = sqlite3.connect(old.path)
    with con:
        outbox.add_triggers(con.execute)
        con.execute("UPDATE alembic_version SET version_num = '0006'")
    con.close()
    open_event_file(old.path).close()
    assert _triggers(old.path) == set()


def test_a_delta_merges_through_the_package_path_and_its_ack_empties_the_queue(room):
    db, ids, j1, _j2 = room
    save(j1, ids, 0, "PAP", 80)
    save(j1, ids, 0, "MAT", 70, note="rinci")
    save(j1, ids, 0, "PAP", 82)  # the same cell again: the delta carries its latest state
    delta = live.next_delta(j1)
    assert delta is not None and (delta.first, delta.last, delta.rows) == (1, 3, 3)
    document = json.loads(delta.data)
    assert [r["criterion"] for r in document["scores"]] == ["PAP", "MAT"]
    ack = live.accept_delta(db, delta.data, "J1")
    assert ack.kit_seq == 3 and ack.hub_seq >= 1
    assert chair_value(db, ids, "J1", 0, "PAP")[0] == Decimal(82)
    assert chair_value(db, ids, "J1", 0, "MAT")[:2] == (Decimal(70), "rinci")
    assert live.record_acks(j1, [ack]) == 3
    state = live.kit_state(j1)
    assert (state.unsent, state.last_ack) == (0, ack.hub_seq) and state.last_ack_at
    assert live.next_delta(j1) is None


def test_an_acknowledgement_reports_the_queue_it_leaves(room):
    # The juror's push reads the kit's state from the acknowledgement's own transaction: a save
    # made while the delta was on its way stays queued and counted, and is sent next.
    db, ids, j1, _j2 = room
    save(j1, ids, 0, "PAP", 80)
    delta = live.next_delta(j1)
    assert delta is not None
    save(j1, ids, 1, "PAP", 75)
    ack = live.accept_delta(db, delta.data, "J1")
    state = live.acknowledge(j1, [ack])
    assert (state.unsent, state.last_ack) == (1, ack.hub_seq) and state.last_ack_at
    assert state == live.kit_state(j1)
    following = live.next_delta(j1)
    assert following is not None and (following.first, following.rows) == (2, 1)
    assert live.acknowledge(j1, [live.accept_delta(db, following.data, "J1")]).unsent == 0
    assert chair_value(db, ids, "J1", 1, "PAP")[0] == Decimal(75)


def test_duplicates_replays_and_late_arrivals_change_nothing(room):
    db, ids, j1, _j2 = room
    save(j1, ids, 0, "PAP", 80)
    first = live.next_delta(j1)
    save(j1, ids, 0, "PAP", 90)
    second = live.next_delta(j1)
    assert first and second
    # The newer delta arrives first, then the older one late, then both again.
    ack2 = live.accept_delta(db, second.data, "J1")
    with db.session() as s:
        before = score_rows(s)
    ack1 = live.accept_delta(db, first.data, "J1")
    assert live.accept_delta(db, second.data, "J1") == ack2  # a duplicate: the same ack
    assert live.accept_delta(db, first.data, "J1") == ack1
    with db.session() as s:
        assert score_rows(s) == before
    assert chair_value(db, ids, "J1", 0, "PAP")[0] == Decimal(90)


def test_catch_up_after_a_lost_ack_resends_only_what_is_missing(room):
    db, ids, j1, _j2 = room
    save(j1, ids, 0, "PAP", 80)
    lost = live.accept_delta(db, live.next_delta(j1).data, "J1")  # the answer never arrived
    save(j1, ids, 1, "PAP", 60)  # saved while offline
    assert live.kit_state(j1).unsent == 2
    acks = live.acks_since(db, "J1", live.kit_state(j1).last_ack)
    assert acks == [lost]
    live.record_acks(j1, acks)
    delta = live.next_delta(j1)
    assert delta is not None and (delta.first, delta.last) == (2, 2)
    live.record_acks(j1, [live.accept_delta(db, delta.data, "J1")])
    assert live.kit_state(j1).unsent == 0
    assert live.acks_since(db, "J1", lost.hub_seq)[0].kit_seq == 2
    assert live.acks_since(db, "J2", 0) == []  # acks are per juror
    # ...and per kit: a new kit of J1 (another key, its queue numbered from 1 again) is not
    # told the old kit's acknowledgements, which would drop its own unsent changes.
    tag = live.kit_tag(signing.public_key_of(signing.kit_private_key(j1)).hex())
    assert [a.kit_seq for a in live.acks_since(db, "J1", 0, tag)] == [1, 2]
    assert live.acks_since(db, "J1", 0, live.kit_tag("ab" * 32)) == []


def test_a_change_arriving_by_usb_and_live_merges_once(room, tmp_path):
    db, ids, j1, _j2 = room
    save(j1, ids, 0, "PAP", 80)
    delta = live.next_delta(j1)
    package = write_package(j1, tmp_path / "j1.kolabik-scores")
    apply_import(db, prepare_import(db, [package]))
    with db.session() as s:
        after_usb = score_rows(s)
    live.accept_delta(db, delta.data, "J1")
    with db.session() as s:
        assert score_rows(s) == after_usb


def _tamper(data: bytes, **changes) -> bytes:
    document = json.loads(data)
    document.update(changes)
    return json.dumps(document).encode()


def test_a_delta_that_cannot_be_verified_is_refused_and_changes_nothing(room):
    db, ids, j1, j2 = room
    save(j1, ids, 0, "PAP", 80)
    good = live.next_delta(j1).data
    document = json.loads(good)
    document["scores"][0]["value"] = "100"  # changed after signing
    cases = {
        live.REFUSED_SIGNATURE: json.dumps(document).encode(),
        live.REFUSED_MALFORMED: b"{not json",
        live.REFUSED_WRONG_EVENT: _tamper(good, event_uid="x"),
        live.REFUSED_TOO_LARGE: b" " * (live.MAX_REQUEST_BYTES + 1),
    }
    with db.session() as s:
        before = score_rows(s)
    for code, data in cases.items():
        with pytest.raises(LiveRefusal) as refused:
            live.accept_delta(db, data, "J1")
        assert refused.value.code == code
    with pytest.raises(LiveRefusal):  # J1's delta presented as J2's
        live.accept_delta(db, good, "J2")
    with db.session() as s:
        assert score_rows(s) == before
        assert s.scalar(select(func.count(PackageReceipt.id))) == 0


def test_a_change_to_a_stage_the_chair_holds_submitted_is_refused(room):
    db, ids, j1, _j2 = room
    save(j1, ids, 0, "PAP", 80)
    services.set_submitted(db, juror_id=ids.jurors[0], stage_id=ids.stages["P2"], submitted=True)
    with pytest.raises(LiveRefusal) as refused:
        live.accept_delta(db, live.next_delta(j1).data, "J1")
    assert refused.value.code == live.REFUSED_SUBMITTED
    assert refused.value.why == Problem(codes.LIVE_WHY_STAGES, {"stages": "P2"})
    assert str(refused.value) == (
        "the stage is submitted at the chair (stage P2); ask the chair to reopen it"
    )
    assert chair_value(db, ids, "J1", 0, "PAP") is None
    # The package merge's rule: only the chair reopens; a delta "reopening" it itself is refused.
    services.set_submitted(j1, juror_id=j1.kit_juror_id, stage_id=ids.stages["P2"], submitted=True)
    services.set_submitted(j1, juror_id=j1.kit_juror_id, stage_id=ids.stages["P2"], submitted=False)
    with pytest.raises(LiveRefusal) as refused:
        live.accept_delta(db, live.next_delta(j1).data, "J1")
    assert refused.value.code == live.REFUSED_SUBMITTED
    assert chair_value(db, ids, "J1", 0, "PAP") is None
    services.reopen_stage(db, juror_code="J1", stage_code="P2")
    live.accept_delta(db, live.next_delta(j1).data, "J1")  # the queue kept it: taken now
    assert chair_value(db, ids, "J1", 0, "PAP")[0] == Decimal(80)


def _resigned(document: dict, db, private: bytes) -> dict:
    """``document`` signed with another Ed25519 key but the juror's true kit secret."""
    with db.session() as s:
        secret = s.scalar(select(Juror.secret_key).where(Juror.code == document["juror"]))
    forged = dict(document, juror_key=signing.public_key_of(private).hex())
    packages.sign_document(forged, secret, private)
    return forged


def test_deltas_and_requests_carry_the_jurors_ed25519_key_trusted_on_first_use(room):
    db, ids, j1, _j2 = room
    save(j1, ids, 0, "PAP", 80)
    delta = live.next_delta(j1)
    document = json.loads(delta.data)
    public = signing.public_key_of(signing.kit_private_key(j1))
    assert document["juror_key"] == public.hex()
    assert document["signature"]["algorithm"] == packages.SIGNATURE_ALGORITHM
    body = packages.canonical_bytes(document)
    assert signing.verify_bytes(public, body, document["signature"]["value"])
    hub = HubSession(db, approve="all")
    other = signing.new_private_key()
    # Before any package of J1 the event trusts no key: a request of another key passes...
    assert hub.handle(_resigned(hello(j1), db, other))["ok"]
    answer = hub.handle(live.signed_request(j1, "push", delta=delta.data.decode()))
    assert answer["ok"]
    with db.session() as s:  # ...the first merged delta records J1's key, audited
        assert s.scalar(select(Juror.public_key).where(Juror.code == "J1")) == public
        assert s.scalar(select(func.count()).where(AuditLog.action == "juror.key")) == 1
    # ...and from then on only J1's own key is taken, on requests and on deltas. A request of
    # the juror's kit secret but another key is a new kit: refused, naming the chair's remedy.
    refused_hello = hub.handle(_resigned(hello(j1), db, other))
    assert _refused(refused_hello) == live.REFUSED_KEY_CHANGED
    assert refused_hello == {"ok": False, "code": "key_changed"}  # no English on the wire
    told = LiveRefusal.from_answer(refused_hello)
    assert "forget-key" in str(told) and "forget-key" in problem_message(told.problem, "id")
    assert hub.jurors()[0].last_refusal == live.REFUSED_KEY_CHANGED
    save(j1, ids, 1, "PAP", 90)
    forged = _resigned(json.loads(live.next_delta(j1).data), db, other)
    with pytest.raises(LiveRefusal) as refused:
        live.accept_delta(db, json.dumps(forged).encode(), "J1")
    assert refused.value.code == live.REFUSED_SIGNATURE
    assert chair_value(db, ids, "J1", 1, "PAP") is None
    # Without the juror's Ed25519 signature (HMAC alone) a request is not the juror's.
    bare = hello(j1)
    bare["signature"] = {"algorithm": "HMAC-SHA256", "value": sign(bare, _secret(db, "J1"))}
    assert _refused(hub.handle(bare)) == live.REFUSED_SIGNATURE


def _refused(answer: dict) -> str:
    """The refusal code of a hub's answer, as the kit reads it."""
    assert answer["ok"] is False
    return LiveRefusal.from_answer(answer).code


def _secret(db, code: str) -> bytes:
    with db.session() as s:
        return s.scalar(select(Juror.secret_key).where(Juror.code == code))


def hello(kit, since: int = 0, **fields):
    return live.signed_request(kit, "hello", since=since, unsent=3, entry="IN-001", **fields)


def test_the_hub_session_approves_pauses_and_logs_every_refusal(room):
    db, ids, j1, j2 = room
    hub = HubSession(db, approve="ask")
    answer = hub.handle(hello(j1))
    assert answer["ok"] and answer["approved"] is False and answer["acks"] == []
    link = {lk.code: lk for lk in hub.jurors()}["J1"]
    assert link.waiting and link.unsent == 3 and link.entry == "IN-001"
    save(j1, ids, 0, "PAP", 80)
    push = live.signed_request(j1, "push", delta=live.next_delta(j1).data.decode())
    assert _refused(hub.handle(push)) == live.REFUSED_NOT_APPROVED
    hub.set_approved("J1")
    hub.paused = True
    assert _refused(hub.handle(push)) == live.REFUSED_PAUSED
    hub.paused = False
    answer = hub.handle(push)
    assert answer["ok"] and answer["ack"][1] == 1
    assert chair_value(db, ids, "J1", 0, "PAP")[0] == Decimal(80)
    # The approval is kept in the event: the next session knows J1.
    assert {lk.code: lk.approved for lk in HubSession(db).jurors()}["J1"] is True
    forged = hello(j2)
    forged["juror"] = "J1"  # J2's request claiming to be J1
    assert _refused(hub.handle(forged)) == live.REFUSED_SIGNATURE
    assert _refused(hub.handle([1, 2])) == live.REFUSED_MALFORMED
    assert _refused(hub.handle(hello(j1) | {"juror": "NOBODY"})) == live.REFUSED_UNKNOWN_JUROR
    codes = [r.code for r in hub.refusals]
    assert codes == [
        live.REFUSED_NOT_APPROVED,
        live.REFUSED_PAUSED,
        live.REFUSED_SIGNATURE,
        live.REFUSED_MALFORMED,
        live.REFUSED_UNKNOWN_JUROR,
    ]


def test_kits_carry_the_hub_key_and_an_old_kit_pins_it_by_pairing_code(room):
    db, _ids, j1, _j2 = room
    hub = HubSession(db)
    assert live.kit_hub_key(j1) == hub.public_key
    with j1.session() as s:
        s.delete(s.get(Setting, live.SETTING_HUB_PUBLIC))  # a kit made before the key existed
    assert live.kit_hub_key(j1) is None
    rogue = live_crypto.public_key_of(live_crypto.new_private_key())
    with pytest.raises(LiveRefusal):
        live.pin_hub_key(j1, rogue, hub.pairing)
    live.pin_hub_key(j1, hub.public_key, hub.pairing.lower().replace("-", " "))
    assert live.kit_hub_key(j1) == hub.public_key


def test_the_envelope_opens_only_with_the_hub_key():
    private = live_crypto.new_private_key()
    public = live_crypto.public_key_of(private)
    sealed, key = live_crypto.seal_request(public, b"nilai 80")
    assert b"nilai" not in sealed
    plain, hub_key = live_crypto.open_request(private, sealed)
    assert plain == b"nilai 80" and hub_key == key
    assert live_crypto.open_answer(key, live_crypto.seal_answer(hub_key, b"ok")) == b"ok"
    other = live_crypto.new_private_key()
    with pytest.raises(live_crypto.SealError):
        live_crypto.open_request(other, sealed)
    with pytest.raises(live_crypto.SealError):  # a rogue hub cannot forge the answer
        live_crypto.open_answer(key, live_crypto.seal_answer(b"\0" * 32, b"ok"))
    with pytest.raises(live_crypto.SealError):
        live_crypto.open_request(private, sealed[:-1] + bytes([sealed[-1] ^ 1]))


def test_an_ack_is_the_receipt_of_the_merge(room):
    db, ids, j1, _j2 = room
    save(j1, ids, 0, "PAP", 80)
    ack = live.accept_delta(db, live.next_delta(j1).data, "J1")
    with db.session() as s:
        receipt = s.get(PackageReceipt, ack.hub_seq)
    tag = live.kit_tag(signing.public_key_of(signing.kit_private_key(j1)).hex())
    assert receipt.filename == f"live:J1:{tag}:1-1"
    assert Ack(ack.hub_seq, 1) == ack
    assert sign  # the package signature is the one juror signature


def test_the_group_commit_merges_deltas_of_several_jurors_in_one_batch(room):
    import threading

    db, ids, j1, j2 = room
    deltas = []
    for n, kit in enumerate((j1, j2, j1)):
        save(kit, ids, n, "PAP", 70 + n)
        delta = live.next_delta(kit)
        live.record_acks(kit, [Ack(0, delta.last)])  # as if sent: the next delta is new
        deltas.append((live.verify_delta(db, delta.data, "J1" if kit is j1 else "J2"), delta))
    services.set_submitted(db, juror_id=ids.jurors[1], stage_id=ids.stages["P2"], submitted=True)
    results = live.commit_deltas(db, [verified for verified, _d in deltas])
    assert isinstance(results[1], LiveRefusal) and results[1].code == live.REFUSED_SUBMITTED
    assert [r.kit_seq for r in (results[0], results[2])] == [1, 2]
    assert results[0].hub_seq != results[2].hub_seq
    assert chair_value(db, ids, "J1", 2, "PAP")[0] == Decimal(72)
    # Many threads at once: every delta acknowledged, each by its own receipt.
    committer = live.GroupCommit(db)
    acks: list[Ack] = []
    saved = []
    for n in range(12):
        save(j1, ids, n % 5, "MAT", 50 + n)
        saved.append(live.next_delta(j1))
        live.record_acks(j1, [Ack(0, saved[-1].last)])

    refused: list[str] = []

    def push(data: bytes, juror: str = "J1") -> None:
        try:
            acks.append(committer.commit(data, juror))
        except LiveRefusal as refusal:
            refused.append(refusal.code)

    # The committer verifies each delta of its batch: a forged one (its value changed after
    # signing) and one pushed under another juror are refused alone, the rest merge.
    forged = saved[0].data.replace(b'"value":"50"', b'"value":"99"')
    assert forged != saved[0].data
    bad = [(forged,), (saved[1].data, "J2")]
    threads = [
        threading.Thread(target=push, args=args) for args in [*bad, *[(d.data,) for d in saved]]
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    committer.close()
    assert sorted(refused) == sorted([live.REFUSED_SIGNATURE, live.REFUSED_MALFORMED])
    assert sorted(a.kit_seq for a in acks) == [d.last for d in saved]
    assert len({a.hub_seq for a in acks}) == 12 and committer.batches <= 12
    assert chair_value(db, ids, "J1", 1, "MAT")[0] == Decimal(61)


def test_saves_arriving_within_the_gather_share_one_batch(room):
    import threading
    import time

    db, ids, j1, _j2 = room
    saved = []
    for n in range(3):
        save(j1, ids, n, "MAT", 60 + n)
        saved.append(live.next_delta(j1))
        live.record_acks(j1, [Ack(0, saved[-1].last)])
    # A generous gather, so that a loaded machine still sees the three as one batch.
    committer = live.GroupCommit(db, gather_s=2.0)
    acks: list[Ack] = []
    threads = [
        threading.Thread(target=lambda d=d: acks.append(committer.commit(d.data, "J1")))
        for d in saved
    ]
    for t in threads:  # one after another, as a quiet link brings them, not all at once
        t.start()
        time.sleep(0.05)
    for t in threads:
        t.join(30)
    committer.close()
    assert sorted(a.kit_seq for a in acks) == [d.last for d in saved]
    assert committer.batches == 1


def test_a_delta_held_back_in_part_is_refused_whole_and_the_rest_of_its_batch_merges(room):
    # J1's delta changes a P1 cell and a P2 cell; the chair holds P2 as submitted by J1. The
    # merge would take the P1 cell alone; the live link refuses the whole delta (the kit keeps
    # it queued until the chair reopens), decided in the batch's one write transaction.
    db, ids, j1, j2 = room
    p1_criterion = next(cid for (stage, _code), cid in ids.criteria.items() if stage == "P1")

    def p1_value() -> tuple | None:
        key = (ids.jurors[0], ids.entries[0], p1_criterion)
        with db.session() as s:
            return {(j, e, c): (v, r) for j, e, c, v, _n, r, _at in score_rows(s)}.get(key)

    before = p1_value()
    services.set_score(
        j1,
        juror_id=j1.kit_juror_id,
        entry_id=ids.entries[0],
        criterion_id=p1_criterion,
        value=Decimal(77),
    )
    save(j1, ids, 0, "PAP", 80)
    save(j2, ids, 1, "PAP", 66)
    services.set_submitted(db, juror_id=ids.jurors[0], stage_id=ids.stages["P2"], submitted=True)
    deltas = [live.next_delta(j1), live.next_delta(j2)]
    verified = [
        live.verify_delta(db, deltas[0].data, "J1"),
        live.verify_delta(db, deltas[1].data, "J2"),
    ]
    results = live.commit_deltas(db, verified)
    assert isinstance(results[0], LiveRefusal) and results[0].code == live.REFUSED_SUBMITTED
    assert p1_value() == before and chair_value(db, ids, "J1", 0, "PAP") is None
    assert isinstance(results[1], Ack) and chair_value(db, ids, "J2", 1, "PAP")[0] == Decimal(66)
    with db.session() as s:
        names = set(s.scalars(select(PackageReceipt.filename)))
        assert s.get(PackageReceipt, results[1].hub_seq).filename in names
    assert not any(n.startswith("live:J1:") for n in names)
    # Reopened, the very same delta merges, both cells.
    services.reopen_stage(db, juror_code="J1", stage_code="P2")
    again = live.commit_deltas(db, [live.verify_delta(db, deltas[0].data, "J1")])
    assert isinstance(again[0], Ack) and p1_value()[0] == Decimal(77)
    assert chair_value(db, ids, "J1", 0, "PAP")[0] == Decimal(80)


UNEXPECTED_ID = "Kesalahan tak terduga di hub: lihat log"
PYTHON_TEXT = "'NoneType' object is not subscriptable"


def test_an_unexpected_failure_at_the_hub_is_a_coded_line_and_its_detail_stays_in_the_log(
    room, monkeypatch, caplog
):
    """A request no rule foresaw, and a merge that fails for no coded reason: the chair's dock
    (the juror's last refusal) and the juror's kit read a coded, translated line; Python's
    English text is in the hub's log only."""
    import logging

    db, ids, j1, _j2 = room
    hub = HubSession(db, approve="all")

    def broken(*_args, **_kwargs):
        raise TypeError(PYTHON_TEXT)

    caplog.set_level(logging.WARNING, logger="kolabik.live")
    monkeypatch.setattr(hub, "_handle", broken)
    answer = hub.handle(hello(j1), "J1")
    assert _refused(answer) == live.REFUSED_MALFORMED and PYTHON_TEXT not in json.dumps(answer)
    said = problem_message(hub.refusals[-1].problem, "id")
    assert UNEXPECTED_ID in said and "NoneType" not in said and "subscriptable" not in said
    assert "Unexpected error at the hub: see the log" in str(LiveRefusal.from_answer(answer))
    assert PYTHON_TEXT in caplog.text
    monkeypatch.undo()

    caplog.clear()
    hub.committer = live.GroupCommit(db)
    monkeypatch.setattr(hub.committer, "_merge", broken)
    save(j1, ids, 0, "PAP", 80)
    delta = live.next_delta(j1)
    answer = hub.handle(live.signed_request(j1, "push", delta=delta.data.decode()), "J1")
    hub.committer.close()
    assert _refused(answer) == live.REFUSED_WRITE and PYTHON_TEXT not in json.dumps(answer)
    link = next(lk for lk in hub.jurors() if lk.code == "J1")
    assert link.last_refusal == live.REFUSED_WRITE and link.last_refusal_problem is not None
    said = problem_message(link.last_refusal_problem, "id")  # the dock's tooltip
    assert UNEXPECTED_ID in said and "NoneType" not in said and "subscriptable" not in said
    assert PYTHON_TEXT in caplog.text


def test_a_refusal_crosses_the_wire_as_a_code_and_reads_in_the_kits_language():
    """The hub answers a code and its why's code and parameters, never a sentence; the kit words
    them (English for the CLI, Indonesian in the window). Older kits read the same "code"."""
    package_problem = Problem(codes.PACKAGE_UNKNOWN_ENTRY, {"entry": "X-9"}, Where("scores[2]"))
    for refusal, wire in (
        (live.refused(live.REFUSED_PAUSED), "paused"),
        (live.refused(live.REFUSED_INVALID, package_problem), "invalid_rows"),
        (live.refused(live.REFUSED_TOO_LARGE, codes.LIVE_WHY_BYTES, bytes=9, max=8), "too_large"),
    ):
        answer = json.loads(json.dumps(refusal.answer()))
        assert answer["ok"] is False and answer["code"] == wire
        assert "detail" not in answer and str(refusal) not in json.dumps(answer)
        back = LiveRefusal.from_answer(answer)
        assert back.code == refusal.code and str(back) == str(refusal)
    invalid = live.refused(live.REFUSED_INVALID, package_problem)
    assert str(invalid) == (
        "the hub refused these scores as invalid (scores[2]: unknown entry 'X-9'); ask the chair"
    )
    assert problem_message(invalid.problem, "id") == (
        "hub menolak nilai ini karena tidak sah (scores[2]: peserta 'X-9' tidak dikenal); "
        "tanyakan kepada ketua"
    )
    # A newer hub's refusal this kit does not know, and a why it has no words for: still said.
    newer = LiveRefusal.from_answer({"ok": False, "code": "quota", "why": {"code": "x.y"}})
    assert newer.code == codes.LIVE_REFUSED_OTHER and newer.why is None
    assert str(newer) == "the hub refused the changes (quota); the changes wait in the kit"
    for why in (
        {"code": ["x"]},
        {"code": 5},
        "text",
        {"code": codes.LIVE_WHY_NO_DELTA, "where": 3},
    ):
        assert LiveRefusal.from_answer({"code": "malformed", "why": why}).code == (
            live.REFUSED_MALFORMED
        )
    # An older hub's answer (English detail): the code is worded, the English is not shown.
    older = LiveRefusal.from_answer({"ok": False, "code": "paused", "detail": "the chair paused"})
    assert older.code == live.REFUSED_PAUSED
    assert problem_message(older.problem, "id") == (
        "ketua menjeda penerimaan; perubahan Anda menunggu di kit"
    )


def test_every_refusal_code_has_a_sentence_with_its_why_and_a_short_label():
    from kolabik_desktop.core.scoring.problem_text import LANGS, REFUSAL_LABELS

    refusals = {v for k, v in vars(codes).items() if k.startswith("LIVE_REFUSED_")}
    assert {getattr(live, n) for n in dir(live) if n.startswith("REFUSED_")} <= refusals
    assert set(REFUSAL_LABELS) == refusals
    for code in refusals:
        assert code.startswith("live.refused.")
        for lang in LANGS:
            assert "{why}" in TEXTS[code][lang], code
            assert REFUSAL_LABELS[code][lang], code
