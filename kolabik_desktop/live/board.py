"""The read-only web board: /board/TOKEN on the hub, pushed to browsers by Server-Sent Events.

Off unless asked for (``kolabik hub --board``, or the window's live session). The token is
random per session, so only someone given the link sees the board. Its assets (page, script,
style, font) come from resources/web and resources/fonts: no internet needed. The board shows a
*snapshot* the owner publishes: the window publishes what its projector shows (never more); the
headless hub publishes the final ranking.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.exchange import live
from kolabik_desktop.core.paths import resource_path
from kolabik_desktop.live.server import HubServer, Request, Response, Stream

KEEPALIVE_SECONDS = 15.0
# A viewer with this much of earlier boards still unsent (it stopped reading) is skipped: it
# gets the latest board once its connection drains.
MAX_UNSENT_BYTES = 256 * 1024
_ASSETS = {
    "": (("web", "board.html"), "text/html; charset=utf-8"),
    "board.js": (("web", "board.js"), "text/javascript; charset=utf-8"),
    "board.css": (("web", "board.css"), "text/css; charset=utf-8"),
    "font.ttf": (("fonts", "DejaVuSans.ttf"), "font/ttf"),
    "font-bold.ttf": (("fonts", "DejaVuSans-Bold.ttf"), "font/ttf"),
}


class Board:
    """Serve the board on ``server`` under a random token; ``publish`` from any thread."""

    def __init__(self, server: HubServer, token: str | None = None):
        self.server = server
        self.token = token or secrets.token_urlsafe(16)
        self.path = f"/board/{self.token}/"
        self.version = 0
        self._data = b"data: {}\n\n"
        # Each open board's connection, and whether it still lacks the latest board. A publish
        # writes to every connection from the loop, once: no task, queue or timer per viewer
        # per board (200 viewers made 200 task wake-ups per publish).
        self._viewers: dict[asyncio.StreamWriter, bool] = {}
        self._keepalive: asyncio.Task[None] | None = None
        self._assets = {
            name: (resource_path(*parts).read_bytes(), kind)
            for name, (parts, kind) in _ASSETS.items()
        }
        server.prefix_routes.append(("/board/", self._route))

    @property
    def viewers(self) -> int:
        return len(self._viewers)

    def publish(self, snapshot: dict[str, Any], seq: int | None = None) -> None:
        """Show ``snapshot`` on every open board (and to every board opened later); ``seq``:
        the hub sequence of the last accepted change the snapshot includes."""
        self.version += 1
        # "at": when it was published, so a viewer (the benchmark) can time the push.
        stamped = snapshot | {"version": self.version, "at": time.time()}
        if seq is not None:
            stamped["seq"] = seq
        body = json.dumps(stamped, ensure_ascii=False)
        data = f"data: {body}\n\n".encode()
        loop = self.server._loop
        if loop is None or loop.is_closed():
            self._data = data
            return
        loop.call_soon_threadsafe(self._broadcast, data)

    def _broadcast(self, data: bytes) -> None:
        self._data = data
        for writer in list(self._viewers):
            self._send(writer, data)

    def _send(self, writer: asyncio.StreamWriter, data: bytes) -> None:
        """Write ``data`` to one viewer; one that has stopped reading is skipped and sent the
        latest board once its connection drains; a closed one is dropped."""
        transport = writer.transport
        if transport.is_closing():
            self._viewers.pop(writer, None)
        elif transport.get_write_buffer_size() > MAX_UNSENT_BYTES:
            if not self._viewers.get(writer):
                self._viewers[writer] = True
                asyncio.get_running_loop().create_task(self._catch_up(writer))
        else:
            writer.write(data)
            self._viewers[writer] = False

    async def _catch_up(self, writer: asyncio.StreamWriter) -> None:
        """A skipped viewer (the only case with a task of its own): the latest board as soon
        as its connection has drained."""
        try:
            while self._viewers.get(writer):
                await writer.drain()
                if writer.transport.is_closing():
                    break
                if writer.transport.get_write_buffer_size() <= MAX_UNSENT_BYTES:
                    writer.write(self._data)
                    self._viewers[writer] = False
                else:  # drain() waits only while writing is paused: never spin
                    await asyncio.sleep(0.05)
        except (ConnectionError, RuntimeError):
            pass
        if writer.transport.is_closing():
            self._viewers.pop(writer, None)

    async def _keep_alive(self) -> None:
        """Every KEEPALIVE_SECONDS while boards are open: a comment line to each (proxies and
        browsers keep the stream; a write also finds a viewer that has gone)."""
        while self._viewers:
            await asyncio.sleep(KEEPALIVE_SECONDS)
            for writer, stale in list(self._viewers.items()):
                if not stale:
                    self._send(writer, b": keep-alive\n\n")

    def close(self) -> None:
        """Nothing to release: the server's stop closes the viewers' connections."""

    async def _route(self, request: Request) -> Response | Stream:
        rest = request.path[len("/board/") :]
        token, _, name = rest.partition("/")
        if not hmac.compare_digest(token.encode(), self.token.encode()):
            self.server.session.refuse(live.REFUSED_MALFORMED, ec.LIVE_WHY_BOARD_LINK, request.peer)
            return Response(404, b'{"error":"not found"}')
        if request.method != "GET":
            return Response(405, b'{"error":"GET only"}')
        if name == "events":
            return self._stream
        if not rest.endswith("/") and name == "":  # /board/TOKEN: relative links need the slash
            return Response(301, b"", "text/plain", {"Location": f"/board/{self.token}/"})
        asset = self._assets.get(name)
        if asset is None:
            return Response(404, b'{"error":"not found"}')
        return Response(200, asset[0], asset[1])

    async def _stream(self, writer: asyncio.StreamWriter) -> None:
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            b"Cache-Control: no-store\r\nConnection: keep-alive\r\n\r\n" + self._data
        )
        self._viewers[writer] = False
        if self._keepalive is None or self._keepalive.done():
            self._keepalive = asyncio.create_task(self._keep_alive())
        try:
            # Boards are written by _broadcast; this waits for the viewer to go (a write to a
            # closed connection ends it) or for the server to stop (cancelled).
            await writer.wait_closed()
        finally:
            self._viewers.pop(writer, None)


# The headless board's heading in each language (the window's board takes the projector's).
_FINAL_TITLE = {"id": "Peringkat akhir", "en": "Final ranking"}


class FinalRanking:
    """The headless hub's board: the final ranking's top N, as the projector's full mode, in
    ``lang`` (its heading and its numbers: "88,67" in Indonesian, as the projector writes them).

    Kept up to date like the window's leaderboard: one Scorer loaded once, and after a change
    only the changed entries' values are re-read (a full reload and ranking cost ~20 ms per
    board; this costs about a millisecond). ``changed`` is the change bus's listener (any
    thread); calling the object computes the snapshot (the feed's thread).
    """

    def __init__(self, db: Any, event_name: str, top_n: int = 10, lang: str = "id") -> None:
        from kolabik_desktop.core.scoring.engine import Scorer
        from kolabik_desktop.core.store.queries.fast_scores import read_scoring_input

        self.db, self.event_name, self.top_n, self.lang = db, event_name, top_n, lang
        data = read_scoring_input(db)
        self.scorer = Scorer(data.event, data.values)
        self._lock = threading.Lock()
        self._dirty: set[int] | None = set()  # None: reload everything

    def changed(self, change: Any) -> None:
        with self._lock:
            if self._dirty is None or change.kind in ("comments", "submission", "packages"):
                return
            if change.kind == "scores" and change.entry_ids:
                self._dirty |= set(change.entry_ids)
            else:
                self._dirty = None

    def __call__(self) -> dict[str, Any]:
        from kolabik_desktop.core.scoring.engine import Scorer
        from kolabik_desktop.core.scoring.model import FINAL
        from kolabik_desktop.core.scoring.numbers import localize_number_text
        from kolabik_desktop.core.store.queries import scores
        from kolabik_desktop.core.store.queries.fast_scores import read_scoring_input

        with self._lock:
            dirty, self._dirty = self._dirty, set()
        if dirty is None:
            data = read_scoring_input(self.db)
            self.scorer = Scorer(data.event, data.values)
        elif dirty:
            per_entry = scores.entry_values(self.db, dirty)
            for entry_id, values in per_entry.items():
                self.scorer.replace_entry_values(entry_id, values)
        board = self.scorer.leaderboard(FINAL)
        lines = [
            {
                "rank": str(row.rank),
                "title": row.entry.title,
                "unit": row.entry.unit,
                "score": localize_number_text(row.display, self.lang),
                "provisional": row.status == "provisional",
            }
            for row in board.rows
            if row.rank is not None and row.rank <= self.top_n
        ]
        return {
            "title": _FINAL_TITLE[self.lang],
            "event": self.event_name,
            "mode": "full",
            "lines": lines,
        }


class BoardFeed:
    """Republish a board after changes, at most every ``interval`` seconds (≤ 10 a second: a
    burst of accepted changes costs one ranking and one serialisation for all viewers, not one
    per change or per viewer), from a thread of its own.

    The interval is part of the wait between a commit and the board (half of it on average).
    A publish costs the hub ~2 ms of ranking and ~2 ms of writing to 200 viewers: at 0.05 s
    (20 a second) the idle 60 s bench measured save->board 88/146 ms (median/p95) but the hub at
    51 % of a core; at 0.1 s the hub stays under half a core and the board within its targets."""

    def __init__(
        self,
        board: Board,
        snapshot: Callable[[], dict[str, Any]],
        interval: float = 0.1,
        sequence: Callable[[], int] | None = None,
    ) -> None:
        self.board, self.snapshot, self.interval = board, snapshot, interval
        self.sequence = sequence
        self._wake = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="kolabik-board", daemon=True)
        self._thread.start()
        self.changed()

    def changed(self, *_args: object) -> None:
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            if self._stop:
                return
            self._wake.clear()
            woke = time.monotonic()
            # Read before the snapshot: the board then holds at least every change up to seq.
            seq = self.sequence() if self.sequence is not None else None
            self.board.publish(self.snapshot(), seq)
            if live.trace_enabled():
                live.trace(
                    {"kind": "board", "seq": seq, "woke": woke, "published": time.monotonic()}
                )
            # At most one publish per interval, counted from this one's start (the snapshot's
            # own time is not added on top); a change during the rest of it is coalesced.
            time.sleep(max(0.0, woke + self.interval - time.monotonic()))

    def close(self) -> None:
        self._stop = True
        self._wake.set()
        self._thread.join(5)
