"""The live tests' shared fixture: a chair's event served by a hub on loopback, and J1's kit."""

from __future__ import annotations

import pytest
from factories import make_event
from helpers_exchange import kits_by_juror

from kolabik_desktop.core.exchange.live import HubSession
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.live.server import HubServer


@pytest.fixture
def hub(tmp_path):
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, conflict=False)
    kits = kits_by_juror(db, tmp_path / "kits")
    kit = open_event_file(kits["J1"])
    session = HubSession(db, approve="all")
    server = HubServer(session, "127.0.0.1", 0)
    server.start()
    yield db, ids, kit, session, server
    server.stop()
    kit.close()
    db.close()
