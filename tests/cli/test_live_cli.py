"""`kolabik hub` and `kolabik sync`: hub and jurors in separate processes on loopback."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from factories import make_event
from helpers_exchange import copy_db, kits_by_juror
from helpers_live import kolabik, save_scores, start_hub
from sqlalchemy import select

from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import Score


@pytest.fixture
def room(tmp_path):
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, conflict=False)
    kits = kits_by_juror(db, tmp_path / "kits")
    db.close()
    return tmp_path / "chair.kolabik", ids, kits


def chair_p2(event, ids) -> dict[tuple[int, int, int], Decimal]:
    db = open_event_file(event)
    try:
        with db.session() as s:
            p2 = {cid for (st, _c), cid in ids.criteria.items() if st == "P2"}
            return {
                (j, e, c): v
                for j, e, c, v in s.execute(
                    select(Score.juror_id, Score.entry_id, Score.criterion_id, Score.value)
                )
                if c in p2
            }
    finally:
        db.close()


def test_jurors_sync_to_a_hub_in_another_process_and_it_stops_cleanly(room):
    event, ids, kits = room
    save_scores(kits["J1"], ids, {(0, "PAP"): 81, (0, "MAT"): 72, (1, "PAP"): 64})
    save_scores(kits["J2"], ids, {(0, "PAP"): 90})
    hub = start_hub(event, "--no-discovery", "--approve-new")
    try:
        assert hub.url.startswith("http://127.0.0.1:") and not hub.url.endswith(":0")
        assert len(hub.lines["pairing"]) == 11
        for juror in ("J1", "J2"):
            done = kolabik("sync", kits[juror], "--hub", hub.address)
            assert done.returncode == 0, done.stderr
            assert "every change acknowledged" in done.stdout
        save_scores(kits["J1"], ids, {(0, "PAP"): 85})  # a later save: only it is sent
        again = kolabik("sync", kits["J1"], "--hub", hub.url)
        assert again.returncode == 0 and "(1 sent;" in again.stdout
    finally:
        code, printed = hub.stop()
    assert code == 0 and "hub: stopped" in printed
    values = chair_p2(event, ids)
    j1, j2 = ids.jurors[0], ids.jurors[1]
    pap, mat = ids.criteria[("P2", "PAP")], ids.criteria[("P2", "MAT")]
    assert values[(j1, ids.entries[0], pap)] == Decimal(85)
    assert values[(j1, ids.entries[0], mat)] == Decimal(72)
    assert values[(j1, ids.entries[1], pap)] == Decimal(64)
    assert values[(j2, ids.entries[0], pap)] == Decimal(90)
    assert len(values) == 4


def test_sync_without_a_hub_keeps_the_queue_and_says_why(room):
    event, ids, kits = room
    save_scores(kits["J1"], ids, {(0, "PAP"): 81})
    hub = start_hub(event, "--no-discovery", "--approve-new")
    address = hub.address
    hub.stop()
    failed = kolabik("sync", kits["J1"], "--hub", address)
    assert failed.returncode == 1
    assert "no hub answered" in failed.stderr and "1 change(s) not acknowledged" in failed.stderr
    assert "Traceback" not in failed.stderr
    # The change waits in the kit and goes when the hub is back.
    hub = start_hub(event, "--no-discovery", "--approve-new")
    try:
        assert kolabik("sync", kits["J1"], "--hub", hub.address).returncode == 0
    finally:
        hub.stop()
    assert Decimal(81) in chair_p2(event, ids).values()


def test_a_rogue_hub_of_the_same_event_is_refused(room, tmp_path):
    event, ids, kits = room
    rogue = tmp_path / "rogue.kolabik"
    copy_db(event, rogue)  # the same event id and jurors, but not the chair's hub key
    with sqlite3.connect(rogue) as con:
        con.execute("DELETE FROM setting WHERE key LIKE 'live_hub_%'")
    con.close()
    save_scores(kits["J1"], ids, {(0, "PAP"): 81})
    hub = start_hub(rogue, "--no-discovery", "--approve-new")
    try:
        refused = kolabik("sync", kits["J1"], "--hub", hub.address)
    finally:
        hub.stop()
    assert refused.returncode == 1
    assert "not this event's hub" in refused.stderr or "cannot read this kit" in refused.stderr
    assert chair_p2(rogue, ids) == {}


def test_an_older_kit_pairs_with_the_code_the_hub_printed(room):
    event, ids, kits = room
    with sqlite3.connect(kits["J1"]) as con:  # a kit made before the hub key existed
        con.execute("DELETE FROM setting WHERE key = 'live_hub_public'")
    con.close()
    save_scores(kits["J1"], ids, {(0, "PAP"): 77})
    hub = start_hub(event, "--no-discovery", "--approve-new")
    try:
        unpaired = kolabik("sync", kits["J1"], "--hub", hub.address)
        assert unpaired.returncode == 1 and "--code" in unpaired.stderr
        wrong = kolabik("sync", kits["J1"], "--hub", hub.address, "--code", "AAAAA-AAAAA")
        assert wrong.returncode == 1 and "pairing code" in wrong.stderr
        paired = kolabik("sync", kits["J1"], "--hub", hub.address, "--code", hub.lines["pairing"])
        assert paired.returncode == 0, paired.stderr
        # Pinned: the next sync needs no code.
        save_scores(kits["J1"], ids, {(0, "PAP"): 78})
        assert kolabik("sync", kits["J1"], "--hub", hub.address).returncode == 0
    finally:
        hub.stop()
    assert Decimal(78) in chair_p2(event, ids).values()


def test_bad_arguments_are_clear_errors(room, tmp_path):
    event, _ids, kits = room
    not_kit = kolabik("sync", event, "--hub", "127.0.0.1:9")
    assert not_kit.returncode == 1 and "not a juror kit" in not_kit.stderr
    bad_address = kolabik("sync", kits["J1"], "--hub", "http://:x")
    assert bad_address.returncode == 1 and "not a hub address" in bad_address.stderr
    on_kit = kolabik("hub", kits["J1"], "--port", "0", "--no-discovery")
    assert on_kit.returncode == 1 and "chair's event file" in on_kit.stderr
    bad_port = kolabik("hub", event, "--port", "70000")
    assert bad_port.returncode == 1 and "not a port number" in bad_port.stderr


def test_the_headless_hub_accepts_known_keys_and_refuses_new_ones_unless_told(room, tmp_path):
    event, ids, kits = room
    save_scores(kits["J1"], ids, {(0, "PAP"): 81})
    # A key the event does not know yet: refused, logged, and the juror is told why.
    hub = start_hub(event, "--no-discovery")
    try:
        refused = kolabik("sync", kits["J1"], "--hub", hub.address)
    finally:
        _code, printed = hub.stop()
    assert refused.returncode == 1, refused.stdout
    assert "approve" in refused.stderr and "--approve-new" in refused.stderr
    assert "1 change(s) not acknowledged" in refused.stderr
    assert "refused not_approved from J1" in printed
    assert chair_p2(event, ids) == {}
    # --approve-new: the first change is merged and the event now trusts J1's key.
    hub = start_hub(event, "--no-discovery", "--approve-new")
    try:
        assert kolabik("sync", kits["J1"], "--hub", hub.address).returncode == 0
    finally:
        hub.stop()
    # Without the flag again: J1's known key is accepted.
    save_scores(kits["J1"], ids, {(0, "PAP"): 83})
    hub = start_hub(event, "--no-discovery")
    try:
        known = kolabik("sync", kits["J1"], "--hub", hub.address)
        assert known.returncode == 0, known.stderr
        # A new kit for J1 signs with another key: refused, and the juror is told the remedy.
        db = open_event_file(event)
        try:
            fresh = kits_by_juror(db, tmp_path / "fresh")["J1"]
        finally:
            db.close()
        save_scores(fresh, ids, {(1, "PAP"): 60})
        changed = kolabik("sync", fresh, "--hub", hub.address)
    finally:
        _code, printed = hub.stop()
    assert changed.returncode == 1
    assert "forget-key" in changed.stderr and "Traceback" not in changed.stderr
    assert "refused key_changed from J1" in printed
    values = chair_p2(event, ids)
    assert Decimal(83) in values.values() and Decimal(60) not in values.values()
