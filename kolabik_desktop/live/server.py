"""The chair's hub: a small HTTP/1.1 server on asyncio, in a thread of its own.

Endpoints:
  GET  /api/v1/info         event id and name, the hub's public key (clear text: all public)
  POST /api/v1/call         a sealed request (live_crypto), answered sealed
  GET  /board/TOKEN         the read-only web board (only with --board), /board/TOKEN/events SSE
Everything else is 404. Requests are bounded in header and body size, in time, in connections
and per address in rate; every refusal is logged through the hub session.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import json
import logging
import socket
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.exchange import live, live_crypto
from kolabik_desktop.core.exchange.live import HubSession

log = logging.getLogger("kolabik.live")

MAX_HEADER_BYTES = 8 * 1024
MAX_BODY_BYTES = live.MAX_REQUEST_BYTES + live_crypto.OVERHEAD + 1024
MAX_CONNECTIONS = 600  # 30 jurors and a hall of web-board viewers
READ_TIMEOUT = 15.0
IDLE_TIMEOUT = 60.0
RATE_PER_SECOND = 40.0  # requests per client address; a juror sends a few per save
RATE_BURST = 200.0
SWITCH_INTERVAL = 0.0005  # seconds; see HubServer.start

_REASONS = {
    200: "OK",
    301: "Moved Permanently",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    413: "Payload Too Large",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    503: "Service Unavailable",
}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    peer: str
    received: float = 0.0  # time.monotonic() when the head was read


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


Stream = Callable[[asyncio.StreamWriter], Awaitable[None]]
Route = Callable[[Request], Awaitable["Response | Stream"]]


class _Bucket:
    """A token bucket per client address: a flood is refused, a juror's rhythm is not."""

    def __init__(self, rate: float = RATE_PER_SECOND, burst: float = RATE_BURST) -> None:
        self.rate, self.burst = rate, burst
        self.tokens: dict[str, tuple[float, float]] = {}

    def take(self, who: str) -> bool:
        now = time.monotonic()
        tokens, at = self.tokens.get(who, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        if tokens < 1:
            self.tokens[who] = (tokens, now)
            return False
        self.tokens[who] = (tokens - 1, now)
        return True


def lan_address() -> str:
    """This machine's address on the LAN (no packet is sent), or loopback without a network."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


# Why the hub could not listen, as a code of problem_text.REASON_TEXTS, so the chair reads it in
# their language (an errno not here: the system's own text is shown).
LISTEN_REASONS = {
    errno.EADDRINUSE: "net_port_in_use",
    errno.EADDRNOTAVAIL: "net_not_this_computer",
    errno.EACCES: "net_port_not_allowed",
}


class HubServer:
    """Serve a HubSession on ``host:port`` (port 0 picks a free one) from a background thread.

    ``start()`` returns once listening; ``stop()`` closes every connection and joins. The event
    is written only through ``session`` (the package merge path), one request at a time.
    """

    def __init__(self, session: HubSession, host: str = "0.0.0.0", port: int = 0):
        self.session = session
        self.host = host
        self.port = port
        self.routes: dict[str, Route] = {}
        self.prefix_routes: list[tuple[str, Route]] = []
        self.connections = 0
        self.requests = 0
        self.rate = _Bucket()  # tests and the benchmark may set .rate.rate and .rate.burst
        # Requests are verified on worker threads; every write joins the session's one group
        # commit (core/exchange/live.GroupCommit), so requests never race each other. A worker
        # waits for its batch's commit, so there is one per juror in flight (a juror sends one
        # request at a time): with 4, batches held at most 4 deltas and 30 jurors queued behind
        # each commit.
        self._workers = ThreadPoolExecutor(max_workers=40, thread_name_prefix="kolabik-hub-db")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.AbstractServer | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._stopping: asyncio.Event | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self.routes["/api/v1/info"] = self._info
        self.routes["/api/v1/call"] = self._call

    # -- life --------------------------------------------------------------------------------

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        assert self._loop is not None
        return self._loop

    def url(self, host: str | None = None) -> str:
        shown = host or (lan_address() if self.host in ("0.0.0.0", "") else self.host)
        return f"http://{shown}:{self.port}"

    def start(self) -> None:
        # The hub's threads (network loop, verifying workers, the one writer, the board feed)
        # share the GIL, and the writer's commit gives it up at every SQLite call: at the default
        # 5 ms switch interval it waited for it again each time (a batch's commit took ~200 ms of
        # wall for ~40 ms of CPU under the 30-juror load). A shorter interval hands it back sooner.
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        if self.session.committer is None:
            self.session.committer = live.GroupCommit(self.session.db)
        self._thread = threading.Thread(target=self._run, name="kolabik-hub", daemon=True)
        self._thread.start()
        self._ready.wait(10)
        if self._failure is not None:
            raise self._failure

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # reported to start() or logged at stop
            self._failure = exc
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        try:
            self._server = await asyncio.start_server(
                self._connection, self.host, self.port, limit=MAX_HEADER_BYTES, backlog=512
            )
        except OSError as exc:
            from kolabik_desktop.core.errors import KolabikError

            raise KolabikError.coded(
                ec.LIVE_CANNOT_LISTEN,
                host=self.host,
                port=self.port,
                reason=exc.strerror or str(exc),
                reason_code=LISTEN_REASONS.get(exc.errno or 0, ""),
            ) from exc
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        await self._stopping.wait()
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    def stop(self) -> None:
        if self._loop is not None and self._stopping is not None and not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop already ended
                self._loop.call_soon_threadsafe(self._stopping.set)
        if self._thread is not None:
            self._thread.join(15)
        self._workers.shutdown(wait=True)
        if self.session.committer is not None:
            self.session.committer.close()
            self.session.committer = None

    async def in_worker(self, func: Callable[..., Any], *args: Any) -> Any:
        """Run blocking event-file work off the network thread."""
        return await self.loop.run_in_executor(self._workers, func, *args)

    # -- HTTP --------------------------------------------------------------------------------

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self.connections += 1
        peer = writer.get_extra_info("peername")
        who = str(peer[0]) if isinstance(peer, tuple) else "?"
        try:
            if self.connections > MAX_CONNECTIONS:
                self.session.refuse(live.REFUSED_RATE, ec.LIVE_WHY_CONNECTIONS, who)
                await self._send(writer, Response(503, b'{"error":"busy"}'), close=True)
                return
            await self._serve(reader, writer, who)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        except Exception:  # never let one request take the hub down; log it for the chair
            log.exception("hub: request from %s failed", who)
        finally:
            self.connections -= 1
            self._tasks.discard(task)
            writer.close()

    async def _serve(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, who: str
    ) -> None:
        while True:
            try:
                head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), IDLE_TIMEOUT)
            except (asyncio.LimitOverrunError, ValueError):
                self.session.refuse(live.REFUSED_TOO_LARGE, ec.LIVE_WHY_HEAD, who)
                await self._send(writer, _error(431, "header too large"), close=True)
                return
            except asyncio.IncompleteReadError as exc:
                if exc.partial.strip():
                    self.session.refuse(live.REFUSED_MALFORMED, ec.LIVE_WHY_INCOMPLETE, who)
                return
            except TimeoutError:
                return
            received = time.monotonic()
            request = await self._parse(head, reader, writer, who)
            if request is None:
                return
            request.received = received
            self.requests += 1
            if not self.rate.take(who):
                self.session.refuse(live.REFUSED_RATE, ec.LIVE_WHY_REQUESTS, who)
                await self._send(writer, _error(429, "too many requests"), close=False)
                continue
            result = await self._route(request)
            if isinstance(result, Response):
                close = request.headers.get("connection", "").lower() == "close"
                await self._send(writer, result, close=close)
                if close:
                    return
            else:
                await result(writer)
                return

    async def _parse(
        self, head: bytes, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, who: str
    ) -> Request | None:
        try:
            lines = head.decode("latin-1").split("\r\n")
            method, target, version = lines[0].split(" ")
            if not version.startswith("HTTP/1."):
                raise ValueError(version)
            headers: dict[str, str] = {}
            for line in lines[1:]:
                if line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            if length < 0 or "transfer-encoding" in headers:
                raise ValueError("length")
        except ValueError:
            self.session.refuse(live.REFUSED_MALFORMED, ec.LIVE_WHY_NOT_HTTP, who)
            await self._send(writer, _error(400, "bad request"), close=True)
            return None
        if length > MAX_BODY_BYTES:
            self.session.refuse(
                live.REFUSED_TOO_LARGE, ec.LIVE_WHY_BYTES, who, bytes=length, max=MAX_BODY_BYTES
            )
            await self._send(writer, _error(413, "too large"), close=True)
            return None
        try:
            body = await asyncio.wait_for(reader.readexactly(length), READ_TIMEOUT)
        except (TimeoutError, asyncio.IncompleteReadError):
            self.session.refuse(live.REFUSED_MALFORMED, ec.LIVE_WHY_NO_BODY, who)
            await self._send(writer, _error(408, "timeout"), close=True)
            return None
        path = target.split("?", 1)[0]
        return Request(method.upper(), path, headers, body, who)

    async def _route(self, request: Request) -> Response | Stream:
        route = self.routes.get(request.path)
        if route is None:
            for prefix, handler in self.prefix_routes:
                if request.path.startswith(prefix):
                    route = handler
                    break
        if route is None:
            self.session.refuse(
                live.REFUSED_MALFORMED,
                ec.LIVE_WHY_NO_ENDPOINT,
                request.peer,
                path=request.path[:80],
            )
            return _error(404, "not found")
        response = await route(request)
        if isinstance(response, Response) and response.status == 405:
            self.session.refuse(
                live.REFUSED_MALFORMED, ec.LIVE_WHY_METHOD, request.peer, method=request.method[:10]
            )
        return response

    async def _send(self, writer: asyncio.StreamWriter, response: Response, *, close: bool) -> None:
        head = [
            f"HTTP/1.1 {response.status} {_REASONS.get(response.status, 'OK')}",
            f"Content-Type: {response.content_type}",
            f"Content-Length: {len(response.body)}",
            "Cache-Control: no-store",
            "Connection: close" if close else "Connection: keep-alive",
            *(f"{k}: {v}" for k, v in response.headers.items()),
        ]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + response.body)
        await writer.drain()

    # -- the protocol's endpoints ------------------------------------------------------------

    async def _info(self, request: Request) -> Response:
        if request.method != "GET":
            return _error(405, "GET only")
        return _json(
            200,
            {
                "protocol": live.PROTOCOL,
                "version": live.PROTOCOL_VERSION,
                "event_uid": self.session.db.uid,
                "event_name": self.event_name,
                "public_key": self.session.public_key.hex(),
            },
        )

    @property
    def event_name(self) -> str:
        return self.session.event_name

    async def _call(self, request: Request) -> Response:
        if request.method != "POST":
            return _error(405, "POST only")
        opened = time.monotonic()
        try:
            plain, key = live_crypto.open_request(self.session.private_key, request.body)
        except live_crypto.SealError:
            self.session.refuse(live.REFUSED_MALFORMED, ec.LIVE_WHY_SEALED, request.peer)
            return _error(400, "cannot open")
        try:
            document = json.loads(plain)
        except (ValueError, RecursionError):
            document = None
        if live.trace_enabled():
            answer = await self.in_worker(self._traced, document, request, opened)
        else:
            answer = await self.in_worker(self.session.handle, document, request.peer)
        sealed = live_crypto.seal_answer(key, json.dumps(answer).encode("utf-8"))
        return Response(200, sealed, "application/octet-stream")

    def _traced(self, document: Any, request: Request, opened: float) -> dict[str, Any]:
        """session.handle with the change's path stamped (KOLABIK_LIVE_TRACE, the bench)."""
        stamps = live.trace_stamps()
        stamps.clear()
        stamps.update(received=request.received, opened=opened, worker=time.monotonic())
        answer = self.session.handle(document, request.peer)
        ack = answer.get("ack")
        if isinstance(ack, list):
            live.trace({"kind": "change", "seq": ack[0], **stamps, "answered": time.monotonic()})
        return answer


def _json(status: int, document: object) -> Response:
    return Response(status, json.dumps(document, ensure_ascii=False).encode("utf-8"))


def _error(status: int, message: str) -> Response:
    return _json(status, {"error": message})
