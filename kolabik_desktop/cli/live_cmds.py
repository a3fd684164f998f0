"""`kolabik hub` (the chair's live session, headless) and `kolabik sync` (a juror's kit, headless).

Networking modules are imported inside each command, so `kolabik --help` stays fast.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from kolabik_desktop.core.errors import KolabikError


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("hub", help="run the chair's live session on the LAN until Ctrl+C")
    p.add_argument("event", metavar="EVENT", help="the chair's event file (.kolabik)")
    p.add_argument("--host", default="0.0.0.0", help="address to listen on (default: all)")
    p.add_argument("--port", type=int, default=8765, help="port (0 picks a free one)")
    p.add_argument("--no-discovery", action="store_true", help="do not announce by mDNS")
    p.add_argument("--board", action="store_true", help="also serve the read-only web board")
    p.add_argument(
        "--approve-new",
        action="store_true",
        help="accept jurors whose signing key the event does not know yet (default: refuse them)",
    )
    p.set_defaults(func=cmd_hub)

    p = sub.add_parser("sync", help="send a juror kit's unsent changes to the chair's hub")
    p.add_argument("kit", metavar="KIT", help="the juror's kit (.kolabik-kit)")
    p.add_argument("--hub", metavar="ADDRESS", help="HOST:PORT of the hub (default: find it)")
    p.add_argument("--code", metavar="PAIRING", help="the chair's pairing code (older kits)")
    p.add_argument("--watch", action="store_true", help="keep sending until Ctrl+C")
    p.add_argument(
        "--timeout", type=float, default=10.0, metavar="S", help="give up after S seconds"
    )
    p.set_defaults(func=cmd_sync)


@contextmanager
def _until_stopped() -> Iterator[threading.Event]:
    """An event set by Ctrl+C or SIGTERM, with the previous handlers restored afterwards."""
    stop = threading.Event()

    def handler(_signum: int, _frame: Any) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def cmd_hub(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.exchange.live import HubSession
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.live.server import HubServer

    if not 0 <= args.port <= 65535:
        raise KolabikError(f"--port {args.port}: not a port number (0 to 65535)")
    logging.basicConfig(level=logging.INFO, format="hub: %(message)s", stream=sys.stderr)
    db = open_event_file(args.event, lock=True)
    try:
        # A kit is refused by HubSession itself (core's hub_private_key, LIVE_NOT_EVENT).
        # Headless there is no chair to click "approve": a juror whose key the event already
        # trusts (or the chair approved in the window) is in; a new key only with --approve-new.
        session = HubSession(db, approve="all" if args.approve_new else "known")
        server = HubServer(session, args.host, args.port)
        feed = None
        if args.board:
            from kolabik_desktop.live.board import Board, BoardFeed, FinalRanking

            board = Board(server)
            ranking = FinalRanking(db, session.event_name)
            db.changes.subscribe(ranking.changed)
            feed = BoardFeed(
                board,
                ranking,
                sequence=lambda: session.committer.last_seq if session.committer else 0,
            )
            # Woken by the group commit once a batch's sequence is known, not by the change bus:
            # the bus speaks inside the commit, before last_seq moves, so a board woken by it
            # named the sequence before the change and the one that named it waited out the
            # feed's interval (~100 ms). The hub holds the event's lock: every change is a batch.
        server.start()
        if feed is not None and session.committer is not None:
            session.committer.listeners.append(feed.changed)  # the board names its hub sequence
        announcement = None
        try:
            print(f"hub: {server.url()}", flush=True)
            print(f"pairing: {session.pairing}", flush=True)
            if feed is not None:
                print(f"board: {server.url()}{feed.board.path}", flush=True)
            if not args.no_discovery:
                announcement = _announce(db.uid, server)
            with _until_stopped() as stop:
                while not stop.wait(0.5):
                    pass
        finally:
            if announcement is not None:
                announcement.close()
            if feed is not None:
                feed.close()
            server.stop()
        print(f"hub: stopped ({server.requests} requests)", flush=True)
        return 0
    finally:
        db.close()


def _announce(uid: str, server: Any) -> Any:
    from kolabik_desktop.live.discovery import Announcement
    from kolabik_desktop.live.server import lan_address

    address = server.host if server.host not in ("0.0.0.0", "") else lan_address()
    try:
        announcement = Announcement(uid, server.event_name, address, server.port)
    except Exception as exc:  # multicast blocked or no interface: the address still works
        print(f"hub: discovery off ({exc})", file=sys.stderr, flush=True)
        return None
    print(f"hub: announced as _kolabik._tcp on {address}", file=sys.stderr, flush=True)
    return announcement


def cmd_sync(args: argparse.Namespace) -> int:
    from kolabik_desktop.core.exchange import live
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.live.client import HubClient, pair, sync_once

    kit = open_event_file(args.kit, lock=True)
    try:
        if kit.kind != "kit":
            raise KolabikError(f"{kit.path.name}: not a juror kit")
        address = args.hub or _find_hub(kit.uid, min(args.timeout, 3.0))
        client = HubClient(address, live.kit_hub_key(kit))
        try:
            if client.hub_public is None:
                if not args.code:
                    raise KolabikError(
                        f"{kit.path.name} was made before the chair's hub key existed: "
                        "give the pairing code the hub shows (--code XXXXX-XXXXX)"
                    )
                pair(kit, client, args.code)  # a LiveRefusal is a coded KolabikError
            if args.watch:
                return _watch(kit, client)
            return _sync_until_done(kit, client, args.timeout, sync_once)
        finally:
            client.close()
    finally:
        kit.close()


def _find_hub(uid: str, timeout: float) -> str:
    from kolabik_desktop.live.discovery import discover

    try:
        found = discover(uid, timeout)
    except Exception as exc:
        raise KolabikError(f"cannot search the network for the hub ({exc}); give --hub") from exc
    if not found:
        raise KolabikError("no hub of this event found on the network; give --hub HOST:PORT")
    return found[0]


def _sync_until_done(kit: Any, client: Any, timeout: float, sync_once: Any) -> int:
    import time

    end = time.monotonic() + timeout
    sent = 0
    while True:
        result = sync_once(kit, client)
        sent += result.sent
        if result.refusal is not None:
            print(
                f"kolabik: {result.refusal}; {result.unsent} change(s) not acknowledged",
                file=sys.stderr,
            )
            return 1
        if result.done:
            print(f"sync: every change acknowledged ({sent} sent; last ack {result.last_ack_at})")
            return 0
        if time.monotonic() > end:
            print(
                f"kolabik: timed out; {result.unsent} change(s) not acknowledged", file=sys.stderr
            )
            return 1


WATCH_POLL = 0.01  # seconds between looks at the kit's data_version (a few microseconds each)
WATCH_ROUND = 0.25  # a round anyway (heartbeat, retry after a refusal or a drop)


def _watch(kit: Any, client: Any) -> int:
    """Push every change soon after another process saves it into the kit: SQLite tells no
    other process, so look every WATCH_POLL seconds whether another connection committed
    (core's CommitWatcher), and sync at once when one did, else every WATCH_ROUND."""
    import time

    from kolabik_desktop.core.store.sqlite_file import CommitWatcher
    from kolabik_desktop.live.client import sync_once

    shown = ""
    watcher = CommitWatcher(kit.path)
    try:
        with _until_stopped() as stop:
            while True:
                watcher.mark()
                result = sync_once(kit, client)
                line = (
                    f"sync: {result.refusal}; {result.unsent} unsent"
                    if result.refusal
                    else f"sync: online, {result.unsent} unsent, last ack {result.last_ack_at}"
                )
                if line != shown:
                    print(line, flush=True)
                    shown = line
                round_end = time.monotonic() + WATCH_ROUND
                while time.monotonic() < round_end:
                    if stop.wait(WATCH_POLL):
                        return 0
                    if watcher.moved():
                        break
    finally:
        watcher.close()
