"""mDNS discovery on loopback: a juror's kit finds its own event's hub, not another's."""

from __future__ import annotations

import time

import pytest
from factories import make_event
from helpers_exchange import kits_by_juror
from helpers_live import kolabik, save_scores, start_hub

from kolabik_desktop.live.discovery import Announcement, discover


def _loopback_multicast_or_skip() -> None:
    try:
        probe = Announcement("probe-0000", "probe", "127.0.0.1", 9)
    except Exception as exc:
        reason = f"mDNS cannot run here ({type(exc).__name__}: {exc})"
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    try:
        if not discover("probe-0000", 3.0, "127.0.0.1"):
            reason = "multicast on loopback is blocked on this machine"
            print(f"SKIPPED: {reason}")
            pytest.skip(reason)
    finally:
        probe.close()


def test_a_hub_is_found_by_its_event_id_only():
    _loopback_multicast_or_skip()
    mine = Announcement("event-aaaa", "Kolabik Uji", "127.0.0.1", 4001)
    other = Announcement("event-bbbb", "Kolabik Uji", "127.0.0.1", 4002)  # same name, other id
    try:
        assert discover("event-aaaa", 3.0, "127.0.0.1") == ["http://127.0.0.1:4001"]
        assert discover("event-bbbb", 3.0, "127.0.0.1") == ["http://127.0.0.1:4002"]
        assert discover("event-cccc", 0.5, "127.0.0.1") == []
    finally:
        mine.close()
        other.close()


def test_sync_finds_the_hub_without_an_address(tmp_path):
    _loopback_multicast_or_skip()
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, conflict=False)
    kits = kits_by_juror(db, tmp_path / "kits")
    db.close()
    save_scores(kits["J1"], ids, {(0, "PAP"): 81})
    hub = start_hub(tmp_path / "chair.kolabik", "--approve-new")  # discovery on
    try:
        end = time.monotonic() + 20  # mDNS probes for its name before announcing (~2 s)
        while not any("announced" in line for line in hub.stderr):
            assert time.monotonic() < end, "the hub never announced itself"
            time.sleep(0.1)
        started = time.monotonic()
        done = kolabik("sync", kits["J1"], "--timeout", "10")
        elapsed = time.monotonic() - started
    finally:
        code, printed = hub.stop()
    assert done.returncode == 0, done.stderr
    assert "announced as _kolabik._tcp" in printed and code == 0
    print(f"discovery and sync in a new process: {elapsed:.2f} s")
