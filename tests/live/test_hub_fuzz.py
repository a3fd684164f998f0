"""The hub under hostile input: >= 1,000 malformed requests, no crash, no change, all logged."""

from __future__ import annotations

import json
import logging
import random
import socket
from decimal import Decimal

from helpers_exchange import score_rows
from sqlalchemy import func, select

from kolabik_desktop.core.exchange import live, live_crypto
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.models import AuditLog, PackageReceipt
from kolabik_desktop.live.client import HubClient, sync_once
from kolabik_desktop.live.server import HubServer


def raw(server: HubServer, data: bytes, timeout: float = 3.0) -> bytes:
    """Send bytes on a new connection, half-close, and read the answer until the hub closes."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        try:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            return b""  # the hub closed first (e.g. refused an oversized head): fine
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except OSError:
            pass
    return b"".join(chunks)


def post(path: str, body: bytes, extra: str = "") -> bytes:
    head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n{extra}"
    return head.encode() + b"Connection: close\r\n\r\n" + body


def mutate(rng: random.Random, value: object, depth: int = 0) -> object:
    """A random damaging change somewhere in a JSON value."""
    if isinstance(value, dict) and value and depth < 4 and rng.random() < 0.7:
        key = rng.choice(list(value))
        return value | {key: mutate(rng, value[key], depth + 1)}
    if isinstance(value, list) and value and depth < 4 and rng.random() < 0.7:
        i = rng.randrange(len(value))
        return value[:i] + [mutate(rng, value[i], depth + 1)] + value[i + 1 :]
    return rng.choice(
        [
            None,
            True,
            -1,
            0,
            2**70,
            1.5,
            "",
            "x" * rng.randint(1, 300),
            "\ud800",
            [],
            {},
            [[[[[[[[]]]]]]]],
            {"a": {"b": {"c": 1}}},
            "../../etc/passwd",
            "' OR 1=1 --",
        ]
    )


def test_a_thousand_malformed_requests_change_nothing_and_the_hub_keeps_serving(hub, caplog):
    db, ids, kit, session, server = hub
    server.rate.rate = server.rate.burst = 1e9  # the flood rule is tested on its own below
    rng = random.Random(1414)
    public = session.public_key
    services.set_score(
        kit,
        juror_id=kit.kit_juror_id,
        entry_id=ids.entries[0],
        criterion_id=ids.criteria[("P2", "PAP")],
        value=Decimal(80),
    )
    delta = live.next_delta(kit)
    assert delta is not None
    good_push = live.signed_request(kit, "push", delta=delta.data.decode())
    good_hello = live.signed_request(kit, "hello", since=0)
    with db.session() as s:
        before = score_rows(s)
        audit_before = s.scalar(select(func.count(AuditLog.id)))

    sent = 0

    def sealed(plain: bytes) -> bytes:
        return live_crypto.seal_request(public, plain)[0]

    for _ in range(150):  # raw garbage on the socket
        raw(server, rng.randbytes(rng.randint(1, 3000)))
        sent += 1
    heads = [
        b"GET\r\n\r\n",
        b"GET / HTTP/2\r\n\r\n",
        b"POST /api/v1/call HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        b"POST /api/v1/call HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
        b"POST /api/v1/call HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        b"POST /api/v1/call HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n",
        b"GET /api/v1/info HTTP/1.1\r\n" + b"X: " + b"a" * 20000 + b"\r\n\r\n",
        b"DELETE /api/v1/call HTTP/1.1\r\nConnection: close\r\n\r\n",
        b"GET /api/v1/call HTTP/1.1\r\nConnection: close\r\n\r\n",
        b"POST /api/v1/info HTTP/1.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
        b"GET /../../etc/passwd HTTP/1.1\r\nConnection: close\r\n\r\n",
        b"GET /board/ HTTP/1.1\r\nConnection: close\r\n\r\n",
        b"POST /api/v1/call HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc",  # body ends early
    ]
    for i in range(130):
        raw(server, heads[i % len(heads)])
        sent += 1
    for _ in range(200):  # unsealed bodies to the call endpoint
        raw(server, post("/api/v1/call", rng.randbytes(rng.randint(0, 2000))))
        sent += 1
    plains = [
        b"",
        b"not json",
        b"[]",
        b"null",
        b"{}",
        b'{"protocol": "kolabik-live"}',
        b"[" * 100000,
        b'{"a": 1e999999}',
        b"1" * 5000,
        json.dumps({"protocol": "kolabik-live", "op": "drop", "juror": "J1"}).encode(),
    ]
    for i in range(200):  # sealed to the hub's key, but not a request
        body = plains[i % len(plains)] if i < 50 else rng.randbytes(rng.randint(0, 500))
        raw(server, post("/api/v1/call", sealed(body)))
        sent += 1
    for i in range(350):  # signed requests damaged after signing, or unsigned look-alikes
        original = good_push if i % 2 else good_hello
        damaged = mutate(rng, original)
        if damaged == original:
            damaged = original | {"juror": "J2"}
        raw(server, post("/api/v1/call", sealed(json.dumps(damaged).encode())))
        sent += 1
    assert sent >= 1000

    # Nothing changed, every request was refused and logged, and the hub still serves.
    with db.session() as s:
        assert score_rows(s) == before
        assert s.scalar(select(func.count(AuditLog.id))) == audit_before
        assert s.scalar(select(func.count(PackageReceipt.id))) == 0
    assert session.refused_total >= 1000
    # No request ended in an unexpected exception (the hub logs those at ERROR).
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    client = HubClient(f"127.0.0.1:{server.port}", public)
    try:
        result = sync_once(kit, client)
    finally:
        client.close()
    assert result.done and result.sent == 1
    with db.session() as s:
        assert len(score_rows(s)) == len(before) + 1


def test_a_flood_is_refused_and_logged(hub):
    _db, _ids, _kit, session, server = hub
    server.rate.rate, server.rate.burst = 1.0, 5.0
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        request = b"GET /api/v1/info HTTP/1.1\r\nHost: x\r\n\r\n"
        sock.sendall(request * 30)
        data = b""
        while data.count(b"HTTP/1.1 ") < 30:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    assert data.count(b"HTTP/1.1 200 ") == 5
    assert data.count(b"HTTP/1.1 429 ") == 25
    assert [r.code for r in session.refusals].count(live.REFUSED_RATE) == 25
