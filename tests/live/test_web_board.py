"""The web board: off by default, reachable only with its token, pushed by SSE, in Chromium."""

from __future__ import annotations

import http.client
import os
import re
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


@pytest.mark.parametrize(("lang", "number"), [("id", r"\d+,\d\d"), ("en", r"\d+\.\d\d")])
def test_the_final_ranking_is_served_with_the_numbers_of_its_language(tmp_path, lang, number):
    from kolabik_desktop.core.store.db import open_event_file

    path = tmp_path / "chair.kolabik"
    make_event(path, p2_fill=1.0, conflict=False)[0].close()
    db = open_event_file(path)
    server = HubServer(HubSession(db, approve="all"), "127.0.0.1", 0)
    board = Board(server)
    board.publish(FinalRanking(db, "Kolabik Uji 2023", lang=lang)())
    server.start()
    try:
        served = sse_events(server.port, board.path + "events", 1)[0]
    finally:
        server.stop()
        db.close()
    scores = [line["score"] for line in served["lines"]]
    assert len(scores) == 5  # every finalist ranked, each score in the board's language
    assert all(re.fullmatch(number, score) for score in scores), scores
    assert served["title"] == {"id": "Peringkat akhir", "en": "Final ranking"}[lang]


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
        # The board speaks Indonesian: its score has the decimal comma, as on the projector.
        score = browser.find_element("css selector", "#lines li .score").text
        assert re.fullmatch(r"\d+,\d\d", score), score
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


def _open_stream(port: int, path: str, receive_buffer: int | None = None):
    """A viewer's connection to the board's event stream. ``receive_buffer``: a small fixed
    kernel buffer, set before connecting (the window is agreed then), for a viewer that stops
    reading: loopback's autotuning grows a buffer to tens of MB (tcp_rmem), which would absorb
    every board the test publishes and leave the hub nothing unsent."""
    import socket

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if receive_buffer is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    sock.connect(("127.0.0.1", port))
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    return sock


def _read_boards(sock, until: str, timeout: float = 20.0) -> list[str]:
    """The titles of the boards a viewer receives, until one titled ``until``."""
    import json

    sock.settimeout(1.0)
    data, titles = b"", []
    deadline = time.monotonic() + timeout
    while until not in titles and time.monotonic() < deadline:
        try:
            data += sock.recv(1 << 20)
        except TimeoutError:
            continue
        *events, data = data.split(b"\n\n")
        for event in events:
            for line in event.split(b"\n"):
                if line.startswith(b"data: "):
                    titles.append(json.loads(line[6:])["title"])
    return titles


def test_a_publish_reaches_every_viewer_and_one_that_stops_reading_holds_up_no_one(room):
    import socket

    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.live import board as board_module

    event, _ids, _kits = room
    db = open_event_file(event)
    server = HubServer(HubSession(db, approve="all"), "127.0.0.1", 0)
    board = Board(server)
    board.publish({"title": "A", "lines": []})
    server.start()
    path = board.path + "events"
    viewers = [_open_stream(server.port, path) for _n in range(5)]
    stalled = _open_stream(server.port, path, receive_buffer=4096)
    gone = _open_stream(server.port, path)
    try:
        for sock in [*viewers, stalled, gone]:
            assert _read_boards(sock, "A") == ["A"]  # the board as it is when the stream opens
        deadline = time.monotonic() + 5
        while board.viewers < 7 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert board.viewers == 7
        # The stalled viewer stops reading; the hub's kernel buffer for it is made small, so
        # its backlog piles up in the hub, where the bound applies.
        writer = next(
            w for w in board._viewers if w.get_extra_info("peername") == stalled.getsockname()
        )
        writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
        gone.close()
        # 6 MB of boards: far more than the kernel buffers for the stalled viewer.
        pad = "x" * 100_000
        titles = [f"B{n}" for n in range(60)]
        for title in titles:
            board.publish({"title": title, "lines": [], "pad": pad})
        for sock in viewers:
            # Each reading viewer gets the boards in order, once each, up to the latest (one
            # not read for a while skips to the latest, as the stalled one does below).
            got = _read_boards(sock, "B59")
            assert got[-1] == "B59" and got == sorted(set(got), key=titles.index)
        # The stalled one was skipped once its backlog passed the bound (marked to get the
        # latest board later), not buffered without end.
        assert board._viewers[writer]
        assert writer.transport.get_write_buffer_size() < board_module.MAX_UNSENT_BYTES + 200_000
        # A closed viewer is dropped at a write to it.
        deadline = time.monotonic() + 5
        while board.viewers > 6 and time.monotonic() < deadline:
            board.publish({"title": "B59", "lines": []})
            time.sleep(0.05)
        assert board.viewers == 6
        # Reading again, the stalled viewer is sent the latest board as soon as it has drained
        # (it skipped the boards in between).
        board.publish({"title": "C", "lines": []})
        received = _read_boards(stalled, "C", timeout=5)
        assert received[-1] == "C" and len(received) < 60
    finally:
        for sock in [*viewers, stalled]:
            sock.close()
        server.stop()
        db.close()
