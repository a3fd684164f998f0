"""The juror's side of the live link: talk to the pinned hub, push the queue, catch up.

Blocking (http.client): the CLI calls it directly, the window from a worker thread.
"""

from __future__ import annotations

import contextlib
import errno
import http.client
import json
import socket
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.exchange import live, live_crypto
from kolabik_desktop.core.exchange.live import Ack, KitState, LiveRefusal, refused
from kolabik_desktop.core.store.db import EventDB

TIMEOUT = 5.0
HELLO_EVERY = 5.0  # seconds between heartbeats (unsent count, entry) on a working link
UNREACHABLE = live.REFUSED_UNREACHABLE  # a refusal of the client itself: no hub answered
ROGUE_HUB = live.REFUSED_ROGUE_HUB  # a hub answered that does not hold the pinned key


def network_error_code(exc: BaseException) -> str:
    """Why no hub answered, as a code of problem_text.REASON_TEXTS, so the juror reads it in
    their language ("" when none fits: then the system's own text is shown)."""
    if isinstance(exc, socket.gaierror):
        return "net_unknown_host"
    if isinstance(exc, ConnectionRefusedError):
        return "net_refused"
    if isinstance(exc, TimeoutError):
        return "net_timeout"
    if isinstance(exc, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
        return "net_dropped"  # http.client's RemoteDisconnected is a ConnectionResetError
    if isinstance(exc, OSError) and exc.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return "net_unreachable"
    return ""


def split_address(address: str) -> tuple[str, int]:
    """HOST:PORT from ``http://HOST:PORT``, ``HOST:PORT`` or ``HOST`` (port 80)."""
    text = address.strip()
    parts = urlsplit(text if "//" in text else f"http://{text}")
    if not parts.hostname:
        raise KolabikError.coded(ec.LIVE_BAD_ADDRESS, address=address)
    try:
        port = parts.port or 80
    except ValueError:
        raise KolabikError.coded(ec.LIVE_BAD_ADDRESS, address=address) from None
    return parts.hostname, port


class HubClient:
    """One keep-alive connection to a hub, speaking sealed requests to its pinned key."""

    def __init__(self, address: str, hub_public: bytes | None, timeout: float = TIMEOUT):
        self.host, self.port = split_address(address)
        self.hub_public = hub_public
        self.timeout = timeout
        self._conn: http.client.HTTPConnection | None = None
        self.greeted_at: float | None = None  # the last answered hello (acks caught up)
        self.aborted = False

    @property
    def address(self) -> str:
        return f"http://{self.host}:{self.port}"

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def abort(self) -> None:
        """From any thread: end a request in flight (its socket shut down) and refuse new ones,
        so a sync running in a worker returns at once when the kit closes."""
        self.aborted = True
        conn = self._conn
        sock = getattr(conn, "sock", None) if conn is not None else None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _exchange(self, method: str, path: str, body: bytes | None) -> tuple[int, bytes]:
        for attempt in (1, 2):  # a kept connection the hub closed meanwhile is retried once
            if self.aborted:
                self.close()
                raise refused(UNREACHABLE, ec.LIVE_WHY_CLOSING, address=self.address)
            if self._conn is None:
                self._conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                headers = {"Content-Type": "application/octet-stream"} if body is not None else {}
                self._conn.request(method, path, body=body, headers=headers)
                response = self._conn.getresponse()
                return response.status, response.read()
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                self.greeted_at = None  # after a drop, catch up again before pushing
                if attempt == 2:
                    raise refused(
                        UNREACHABLE,
                        ec.LIVE_WHY_NETWORK,
                        address=self.address,
                        reason=exc,
                        reason_code=network_error_code(exc),
                    ) from None
        raise AssertionError("unreachable")

    def info(self) -> dict[str, Any]:
        status, body = self._exchange("GET", "/api/v1/info", None)
        try:
            info = json.loads(body)
        except ValueError:
            info = None
        if status != 200 or not isinstance(info, dict) or info.get("protocol") != live.PROTOCOL:
            raise refused(UNREACHABLE, ec.LIVE_WHY_NOT_HUB, address=self.address)
        return info

    def call(self, request: dict[str, Any]) -> dict[str, Any]:
        """Send one signed request sealed to the pinned key; the hub's answer, opened."""
        if self.hub_public is None:
            raise refused(ROGUE_HUB, ec.LIVE_WHY_NOT_PAIRED)
        sealed, key = live_crypto.seal_request(self.hub_public, json.dumps(request).encode())
        status, body = self._exchange("POST", "/api/v1/call", sealed)
        if status == 429:
            raise refused(live.REFUSED_RATE)
        if status != 200:
            raise refused(ROGUE_HUB, ec.LIVE_WHY_CANNOT_READ, address=self.address)
        try:
            answer = json.loads(live_crypto.open_answer(key, body))
        except (live_crypto.SealError, ValueError):
            raise refused(ROGUE_HUB, ec.LIVE_WHY_NOT_THIS_HUB, address=self.address) from None
        if not isinstance(answer, dict):
            raise refused(ROGUE_HUB, ec.LIVE_WHY_ANSWER)
        return answer


def pair(kit: EventDB, client: HubClient, code: str) -> None:
    """Pin the hub's key into a kit made before the key existed, checked by the pairing code."""
    info = client.info()
    if info.get("event_uid") != kit.uid:
        raise refused(live.REFUSED_WRONG_EVENT, ec.LIVE_WHY_OTHER_EVENT, address=client.address)
    try:
        public = bytes.fromhex(str(info.get("public_key")))
    except ValueError:
        raise refused(ROGUE_HUB, ec.LIVE_WHY_NO_HUB_KEY) from None
    live.pin_hub_key(kit, public, code)
    client.hub_public = public


@dataclass(frozen=True)
class SyncResult:
    sent: int  # deltas acknowledged in this round
    unsent: int  # queue rows still waiting
    last_ack_at: str | None
    paused: bool = False
    approved: bool = True
    refusal: LiveRefusal | None = None

    @property
    def done(self) -> bool:
        return self.unsent == 0 and self.refusal is None


def sync_once(kit: EventDB, client: HubClient, entry: str = "", max_deltas: int = 50) -> SyncResult:
    """Catch up acknowledgements, then push the queue in order; never raises a LiveRefusal."""
    sent = 0
    paused, approved = False, True

    def hello() -> None:
        # Catch up acknowledgements and report the state (unsent count, entry).
        nonlocal paused, approved
        state = live.kit_state(kit)
        answer = client.call(
            live.signed_request(
                kit, "hello", since=state.last_ack, unsent=state.unsent, entry=entry
            )
        )
        _check(answer)
        paused, approved = bool(answer.get("paused")), bool(answer.get("approved"))
        # The acks recorded and the queue counted after them, in one transaction.
        unsent = live.acknowledge(kit, _acks(answer.get("acks"))).unsent
        client.greeted_at = time.monotonic()
        if unsent and not approved:
            raise refused(live.REFUSED_NOT_APPROVED)
        if unsent and paused:
            raise refused(live.REFUSED_PAUSED)

    try:
        greeted = client.greeted_at
        # (Re)connected: catch up before pushing. A heartbeat on a working link goes after the
        # push, so a save is never held behind a round trip that only reports the state.
        heartbeat = greeted is not None and time.monotonic() - greeted > HELLO_EVERY
        if greeted is None:
            hello()
        state: KitState | None = None  # the kit's state as the last acknowledgement left it
        while sent < max_deltas and (state is None or state.unsent):
            delta = live.next_delta(kit)
            if delta is None:
                state = None  # emptied meanwhile (by a hello's acks): read it below
                break
            # A delta short of the row limit holds the whole queue: its size is the count.
            unsent = delta.rows
            if delta.rows >= live.MAX_DELTA_ROWS:
                unsent = live.kit_state(kit).unsent
            answer = client.call(
                live.signed_request(
                    kit,
                    "push",
                    identity=delta.identity,
                    delta=delta.data.decode(),
                    unsent=unsent,
                    entry=entry,
                )
            )
            _check(answer)
            # The acknowledgement and the state after it in one read: when the queue is empty
            # (a juror's every save) the round ends without looking at the kit again.
            state = live.acknowledge(kit, _acks([answer.get("ack")]))
            sent += 1
        if heartbeat:
            hello()
            state = None
    except LiveRefusal as refusal:
        client.greeted_at = None  # ask again next time: approval, pause or the hub changed
        state = live.kit_state(kit)
        if refusal.code == live.REFUSED_PAUSED:
            paused = True
        if refusal.code == live.REFUSED_NOT_APPROVED:
            approved = False
        return SyncResult(sent, state.unsent, state.last_ack_at, paused, approved, refusal)
    if state is None:
        state = live.kit_state(kit)
    return SyncResult(sent, state.unsent, state.last_ack_at, paused, approved)


def _check(answer: dict[str, Any]) -> None:
    if not answer.get("ok"):
        raise LiveRefusal.from_answer(answer)


def _acks(raw: object) -> list[Ack]:
    acks = []
    for item in raw if isinstance(raw, list) else []:
        if (
            isinstance(item, list)
            and len(item) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in item)
        ):
            acks.append(Ack(item[0], item[1]))
    return acks


def wait_until(predicate: Any, timeout: float, step: float = 0.05) -> bool:
    """Poll ``predicate`` until true or ``timeout`` seconds passed (CLI and tests)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return bool(predicate())
