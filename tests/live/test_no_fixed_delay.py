"""The live link's path holds a change behind nothing it does not need (issue 14, speed): a
heartbeat never goes before a push."""

from __future__ import annotations

import time
from decimal import Decimal

from kolabik_desktop.core.exchange import live
from kolabik_desktop.core.store import services
from kolabik_desktop.live import client as client_module
from kolabik_desktop.live.client import HubClient, sync_once


def _save(kit, ids, value: int) -> None:
    services.set_score(
        kit,
        juror_id=kit.kit_juror_id,
        entry_id=ids.entries[0],
        criterion_id=ids.criteria[("P2", "PAP")],
        value=Decimal(value),
    )


def _recording(client: HubClient) -> list[str]:
    ops: list[str] = []
    plain = client.call

    def call(request):
        ops.append(request["op"])
        return plain(request)

    client.call = call  # type: ignore[method-assign]
    return ops


def test_a_heartbeat_goes_after_the_push_and_a_reconnect_catches_up_first(hub):
    _db, ids, kit, _session, server = hub
    client = HubClient(server.url(), live.kit_hub_key(kit))
    ops = _recording(client)
    _save(kit, ids, 80)
    assert sync_once(kit, client).done
    assert ops == ["hello", "push"]  # (re)connected: acks caught up before pushing
    ops.clear()
    _save(kit, ids, 81)
    assert sync_once(kit, client).done
    assert ops == ["push"]  # a working link: no hello at all
    ops.clear()
    client.greeted_at = time.monotonic() - client_module.HELLO_EVERY - 1  # a heartbeat is due
    _save(kit, ids, 82)
    assert sync_once(kit, client).done
    assert ops == ["push", "hello"]  # the save is not held behind the heartbeat's round trip
    assert time.monotonic() - client.greeted_at < client_module.HELLO_EVERY  # and it was sent
    ops.clear()
    hub[3].paused = True  # the heartbeat still reports a pause after the push
    client.greeted_at = time.monotonic() - client_module.HELLO_EVERY - 1
    _save(kit, ids, 83)
    result = sync_once(kit, client)
    assert ops == ["push"] and result.paused and result.unsent == 1
    assert result.refusal is not None and result.refusal.code == live.REFUSED_PAUSED
    client.close()
