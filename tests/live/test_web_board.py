"""The web board: off by default, reachable only with its token, pushed by SSE, in Chromium."""

from __future__ import annotations

import http.client
import os
import time
from pathlib import Path

import pytest
from factories import make_event
from helpers_exchange import kits_by_juror
from helpers_live import browser_or_skip, kolabik, save_scores, sse_events, start_hub

from kolabik_desktop.core import codes
from kolabik_desktop.core.exchange.live import HubSession
from kolabik_desktop.live.board import Board, FinalRanking
from kolabik_desktop.live.server import HubServer

SHOTS = Path(os.environ.get("KOLABIK_SHOTS", "/tmp"))
P2 = ("PAP", "MAT", "VID", "KHD")


@pytest.fixture
def room(tmp_path):
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, conflict=False)
    kits = kits_by_juror(db, tmp_path / "kits")
    db.close()
    return tmp_path / "chair.kolabik", ids, kits


def get(port: int, path: str) -> tuple[int, bytes, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read(), response.getheader("Content-Type") or ""
    finally:
        conn.close()


def test_the_board_is_served_only_with_its_token_and_pushes_each_change(room):
    from kolabik_desktop.core.store.db import open_event_file

    event, _ids, _kits = room
    db = open_event_file(event)
    session = HubSession(db, approve="all")
    server = HubServer(session, "127.0.0.1", 0)
    plain = HubServer(HubSession(db), "127.0.0.1", 0)  # a hub without --board
    board = Board(server)
    board.publish({"title": "A", "lines": []})
    server.start()
    plain.start()
    try:
        assert get(plain.port, f"/board/{board.token}/")[0] == 404  # off by default
        assert get(server.port, "/board/not-the-token/")[0] == 404
        assert any(
            r.problem.params["why"].code == codes.LIVE_WHY_BOARD_LINK for r in session.refusals
        )
        status, page, kind = get(server.port, board.path)
        assert status == 200 and kind.startswith("text/html") and b"board.js" in page
        for asset in ("board.js", "board.css", "font.ttf"):
            assert get(server.port, board.path + asset)[0] == 200
        assert get(server.port, board.path + "../../etc/passwd")[0] == 404
        first = sse_events(server.port, board.path + "events", 1)
        assert first[0]["title"] == "A"
        board.publish(FinalRanking(db, session.event_name)())
        latest = sse_events(server.port, board.path + "events", 1)[0]
        assert latest["event"] == "Kolabik Uji 2023" and latest["version"] == 2
    finally:
        server.stop()
        plain.stop()
        db.close()


def test_the_board_moves_in_chromium_when_a_juror_saves(room):
    event, ids, kits = room
    browser = browser_or_skip()
    hub = start_hub(
        event, "--no-discovery", "--approve-new", "--board", wait_for=("hub", "pairing", "board")
    )
    try:
        board_url = hub.lines["board"]
        assert board_url.startswith(hub.url + "/board/")
        browser.get(board_url)
        _wait(lambda: browser.execute_script("return document.body.dataset.version") == "1")
        assert browser.find_elements("css selector", "#lines li") == []  # nobody ranked yet
        # A juror scores IN-001 in P2 and syncs: the board shows it, with no reload.
        save_scores(kits["J1"], ids, {(0, crit): 90 for crit in P2})
        assert kolabik("sync", kits["J1"], "--hub", hub.address).returncode == 0
        _wait(lambda: len(browser.find_elements("css selector", "#lines li")) == 1)
        line = browser.find_element("css selector", "#lines li").text
        assert "Inovasi Layanan 1" in line and "1" in line
        assert browser.find_element("id", "state").text == "langsung"
        browser.save_screenshot(str(SHOTS / "web_board_chromium.png"))
    finally:
        browser.quit()
        hub.stop()


def _wait(predicate, timeout: float = 15) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "the board did not change in time"
        time.sleep(0.1)
