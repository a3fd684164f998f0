"""The live link's protocol: deltas, sequence numbers, acknowledgements and the kit's queue.

No sockets here (kolabik_desktop/live/ carries the bytes); this module decides what is sent and
what is accepted.

- **The queue.** Every save in a kit enqueues the saved cell (a trigger in the saving
  transaction, migration 0006), numbered by the kit: its ``seq``.
- **A delta** is a score package (packages.py format) holding only the queued cells' current
  rows, signed by the juror like any package, plus ``"live": {"first": A, "last": B}``: the
  queue numbers it covers. The hub verifies it with ``verify_package_bytes`` and merges it with
  ``plan_import``/``apply_import``: the very path of a package on a USB stick, so a change that
  arrives both ways merges once, and a duplicate, replay or late arrival changes nothing.
- **Acknowledgement.** The merge writes a package receipt named ``live:JUROR:A-B``; its id is
  the hub's sequence number. The hub answers ``Ack(hub_seq, kit_seq=B)`` and the kit drops
  queue rows up to B. On reconnect the kit asks for its acknowledgements since the last hub
  sequence it saw (``acks_since``) and resends only what is still queued.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import queue
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, delete, func, select
from sqlalchemy.orm import Session

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import InputRejected, KolabikError
from kolabik_desktop.core.exchange import packages, signing
from kolabik_desktop.core.exchange.merge import ImportPlan, PackagePlan, apply_import
from kolabik_desktop.core.scoring.problem_text import TEXTS
from kolabik_desktop.core.scoring.rules import Problem, Where
from kolabik_desktop.core.store.db import EventDB, utc_now
from kolabik_desktop.core.store.models import (
    Event,
    Juror,
    LiveOutbox,
    PackageReceipt,
)
from kolabik_desktop.core.store.settings import get_setting, put_setting

log = logging.getLogger("kolabik.live")

# Latency tracing (bench/bench_live.py): with KOLABIK_LIVE_TRACE=FILE the hub appends one JSON
# line per accepted change and per board publish, stamped with time.monotonic() (one clock for
# every process on the host). Off (None) otherwise: nothing is timed or written.
_TRACE_PATH = os.environ.get("KOLABIK_LIVE_TRACE") or None
_trace_lock = threading.Lock()
_trace_local = threading.local()


def trace_enabled() -> bool:
    return _TRACE_PATH is not None


def trace(record: dict[str, Any]) -> None:
    """Append one trace record (only with KOLABIK_LIVE_TRACE set)."""
    if _TRACE_PATH is None:
        return
    line = json.dumps(record) + "\n"
    with _trace_lock, open(_TRACE_PATH, "a", encoding="utf-8") as out:
        out.write(line)


def trace_stamps() -> dict[str, float]:
    """This thread's stamps for the request being handled (the hub's worker threads)."""
    stamps = getattr(_trace_local, "stamps", None)
    if stamps is None:
        stamps = _trace_local.stamps = {}
    return stamps


PROTOCOL = "kolabik-live"
PROTOCOL_VERSION = 1
MAX_DELTA_ROWS = 400  # a delta stays far below MAX_REQUEST_BYTES even with long notes
MAX_REQUEST_BYTES = 2 * 1024 * 1024
MAX_ACKS = 1000  # one answer to "acks since N"

SETTING_HUB_PRIVATE = "live_hub_private"  # the chair's event only: never copied into a kit
SETTING_HUB_PUBLIC = "live_hub_public"  # the event and every kit made from it
SETTING_APPROVED = "live_approved"  # juror codes the chair approved once
SETTING_LAST_ACK = "live_last_ack"  # kit: the greatest hub sequence number seen
SETTING_LAST_ACK_AT = "live_last_ack_at"  # kit: when that acknowledgement arrived

LIVE_SOURCE_PREFIX = "live:"
# live:JUROR:KIT:A-B, KIT naming the kit's key (kit_tag): a juror given a new kit numbers its
# queue from 1 again, and must not take the old kit's acknowledgements for its own changes.
# (Receipts of the first protocol, live:JUROR:A-B, name no kit.)
_RECEIPT_NAME = re.compile(
    r"live:(?P<juror>.+?)(?::(?P<kit>[0-9a-f]{12}))?:(?P<first>[0-9]+)-(?P<last>[0-9]+)"
)

# Refusal codes: problem codes (core/codes.py, worded in problem_text's TEXTS and, in a few
# words, REFUSAL_LABELS), so the hub's log, `kolabik sync` and the window word them alike.
REFUSED_MALFORMED = ec.LIVE_REFUSED_MALFORMED
REFUSED_WRONG_EVENT = ec.LIVE_REFUSED_WRONG_EVENT
REFUSED_UNKNOWN_JUROR = ec.LIVE_REFUSED_UNKNOWN_JUROR
REFUSED_SIGNATURE = ec.LIVE_REFUSED_SIGNATURE
REFUSED_TOO_LARGE = ec.LIVE_REFUSED_TOO_LARGE
REFUSED_RATE = ec.LIVE_REFUSED_RATE
REFUSED_PAUSED = ec.LIVE_REFUSED_PAUSED
REFUSED_NOT_APPROVED = ec.LIVE_REFUSED_NOT_APPROVED
REFUSED_KEY_CHANGED = ec.LIVE_REFUSED_KEY_CHANGED  # the juror's kit, not the key the event trusts
REFUSED_SUBMITTED = ec.LIVE_REFUSED_SUBMITTED
REFUSED_INVALID = ec.LIVE_REFUSED_INVALID
REFUSED_WRITE = ec.LIVE_REFUSED_WRITE
REFUSED_UNREACHABLE = ec.LIVE_REFUSED_UNREACHABLE  # the kit's client: no hub answered
REFUSED_ROGUE_HUB = ec.LIVE_REFUSED_ROGUE_HUB  # the kit's client: not the pinned key's hub
_REFUSED_PREFIX = "live.refused."  # the wire names a refusal by the rest of its code

# Which refusal a delta's package problem is (verify_delta, _refusal_of).
_SIGNATURE_PROBLEMS = frozenset(
    {
        ec.PACKAGE_NOT_SIGNED,
        ec.PACKAGE_ALGORITHM,
        ec.PACKAGE_SIGNATURE_CHANGED,
        ec.PACKAGE_LEGACY_SIGNATURE,
        ec.PACKAGE_NO_JUROR_KEY,
        ec.PACKAGE_OTHER_KEY,
        ec.MERGE_KEY_SHARED_SECRET,
        ec.MERGE_KEY_OTHER,
    }
)
_OTHER_EVENT_PROBLEMS = frozenset({ec.PACKAGE_OTHER_EVENT})
_UNKNOWN_JUROR_PROBLEMS = frozenset({ec.PACKAGE_UNKNOWN_JUROR, ec.PACKAGE_NO_KEY})


class LiveRefusal(KolabikError):
    """The hub (or the kit's client) will not take a request: a coded error whose ``code`` is
    one of REFUSED_*, its ``why`` a nested problem saying more. Build it with ``refused``."""

    @property
    def why(self) -> Problem | None:
        why = self.problem.params.get("why") if self.problem is not None else None
        return why if isinstance(why, Problem) else None

    @property
    def wire(self) -> str:
        """The refusal's name on the wire, what kits of every version read ("paused")."""
        return self.code.removeprefix(_REFUSED_PREFIX)

    def answer(self) -> dict[str, Any]:
        """The hub's answer: the wire name and the ``why`` as a code with plain parameters (no
        sentence: the juror's kit words it in its own language)."""
        answer: dict[str, Any] = {"ok": False, "code": self.wire}
        if self.why is not None:
            answer["why"] = _problem_document(self.why)
        return answer

    @classmethod
    def from_answer(cls, answer: dict[str, Any]) -> LiveRefusal:
        """A hub's refusal as this kit reads it: a name it does not know (a newer hub's) is
        LIVE_REFUSED_OTHER naming it, a ``why`` it cannot word is left out."""
        name = str(answer.get("code") or "refused")[:40]
        why = _problem_of(answer.get("why"))
        code = _REFUSED_PREFIX + name
        if code not in TEXTS or code == ec.LIVE_REFUSED_OTHER:
            return cls.coded(ec.LIVE_REFUSED_OTHER, name=name, why=why)
        return cls.coded(code, why=why)


def refused(code: str, why: str | Problem | None = None, **params: Any) -> LiveRefusal:
    """The refusal ``code`` (one of REFUSED_*); ``why`` a LIVE_WHY_* code (with ``params``) or
    a problem (a package's) saying more."""
    if isinstance(why, str):
        why = Problem(why, params)
    return LiveRefusal.coded(code, why=why)


def _problem_document(problem: Problem, depth: int = 0) -> dict[str, Any]:
    """A problem as plain JSON: code, parameters as text (nested problems nested), place."""
    params = {
        key: _problem_document(value, depth + 1)
        if isinstance(value, Problem) and depth < 2
        else ("" if value is None else str(value))
        for key, value in problem.params.items()
    }
    where = problem.where
    return {"code": problem.code, "params": params, "where": [where.place, where.row, where.column]}


def _problem_of(document: object, depth: int = 0) -> Problem | None:
    """A problem from a hub's answer, if this kit has words for its code (bounded: the answer
    of a hub the kit trusts, but never a reason to fail)."""
    if not isinstance(document, dict):
        return None
    code = document.get("code")
    if not isinstance(code, str) or code not in TEXTS or depth > 2:
        return None
    raw = document.get("params")
    params: dict[str, Any] = {}
    for key, value in list(raw.items())[:20] if isinstance(raw, dict) else []:
        if isinstance(value, dict):
            params[str(key)[:40]] = _problem_of(value, depth + 1)
        elif isinstance(value, str):
            params[str(key)[:40]] = value[:300]
    place = document.get("where")
    where = Where()
    if isinstance(place, list) and len(place) == 3:
        row = place[1] if isinstance(place[1], int) and not isinstance(place[1], bool) else None
        where = Where(str(place[0])[:100], row, str(place[2])[:100])
    return Problem(code, params, where)


@dataclass(frozen=True, slots=True)
class Ack:
    hub_seq: int  # the hub's sequence number of the accepted delta (its receipt id)
    kit_seq: int  # the last queue number the delta covered


# ---------------------------------------------------------------------------------------------
# Settings and keys
# ---------------------------------------------------------------------------------------------


def pairing_code(public_key: bytes) -> str:
    """A short code naming the hub's key: typed by a juror whose kit predates the key."""
    digest = base64.b32encode(hashlib.sha256(public_key).digest()).decode("ascii")
    return f"{digest[:5]}-{digest[5:10]}"


def normalise_code(code: str) -> str:
    text = re.sub(r"[^A-Za-z0-9]", "", code).upper()
    return f"{text[:5]}-{text[5:10]}"


def ensure_hub_key(s: Session) -> bytes:
    """The event's hub public key, made (with its private half) on first use; in ``s``."""
    from kolabik_desktop.core.exchange.live_crypto import new_private_key, public_key_of

    public = get_setting(s, SETTING_HUB_PUBLIC)
    private = get_setting(s, SETTING_HUB_PRIVATE)
    if public and private:
        return bytes.fromhex(public)
    key = new_private_key()
    put_setting(s, SETTING_HUB_PRIVATE, key.hex())
    put_setting(s, SETTING_HUB_PUBLIC, public_key_of(key).hex())
    return public_key_of(key)


def hub_private_key(db: EventDB) -> bytes:
    """The chair's hub key (made on first use): only an event file holds it."""
    if db.kind != "event":
        raise KolabikError.coded(ec.LIVE_NOT_EVENT, file=db.path.name)
    with db.session() as s:
        ensure_hub_key(s)
        return bytes.fromhex(get_setting(s, SETTING_HUB_PRIVATE))


def kit_hub_key(kit: EventDB) -> bytes | None:
    """The hub key the kit trusts (from the kit's export, or pinned at pairing)."""
    with kit.session() as s:
        value = get_setting(s, SETTING_HUB_PUBLIC)
    return bytes.fromhex(value) if value else None


def pin_hub_key(kit: EventDB, public_key: bytes, code: str) -> None:
    """Trust ``public_key`` when it matches the chair's pairing code; refuse anything else."""
    if pairing_code(public_key) != normalise_code(code):
        raise refused(REFUSED_ROGUE_HUB, ec.LIVE_WHY_PAIRING)
    with kit.session() as s:
        put_setting(s, SETTING_HUB_PUBLIC, public_key.hex())


# ---------------------------------------------------------------------------------------------
# The kit's side: queue, deltas, acknowledgements
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Delta:
    first: int
    last: int
    rows: int
    data: bytes  # the signed package document, UTF-8 JSON
    # Who signed it (kit_identity's event uid, juror code, secret, private key), read with the
    # rows: the push request is signed with the same, without reading the kit again.
    identity: tuple[str, str, bytes, bytes] | None = field(default=None, repr=False)


@dataclass(frozen=True)
class KitState:
    unsent: int
    last_ack: int
    last_ack_at: str | None


def _require_kit(kit: EventDB) -> int:
    if kit.kind != "kit" or kit.kit_juror_id is None:
        raise KolabikError.coded(ec.LIVE_NOT_KIT, file=kit.path.name)
    return kit.kit_juror_id


# The kit's side reads, built once: a juror's every save pushes a delta, and building a select
# cost more than running it on a kit's few rows.
_UNSENT = select(func.count(LiveOutbox.seq))
_QUEUE_HEAD = (
    select(LiveOutbox.seq, LiveOutbox.kind, LiveOutbox.key_a, LiveOutbox.key_b, LiveOutbox.key_c)
    .order_by(LiveOutbox.seq)
    .limit(bindparam("rows"))
)
_DROP_ACKED = delete(LiveOutbox).where(LiveOutbox.seq <= bindparam("upto"))


def kit_state(kit: EventDB) -> KitState:
    _require_kit(kit)
    with kit.session() as s:
        return _kit_state(s)


def _kit_state(s: Session) -> KitState:
    unsent = s.scalar(_UNSENT) or 0
    last = get_setting(s, SETTING_LAST_ACK)
    at = get_setting(s, SETTING_LAST_ACK_AT) or None
    return KitState(int(unsent), int(last) if last else 0, at)


def next_delta(kit: EventDB, max_rows: int = MAX_DELTA_ROWS) -> Delta | None:
    """The oldest queued changes (up to ``max_rows`` queue rows) as one signed delta."""
    _require_kit(kit)
    with kit.session() as s:
        # The queue and its rows in one read: a save's cells are the ones queued.
        queued = s.execute(_QUEUE_HEAD, {"rows": max_rows}).all()
        if not queued:
            return None
        score_ids = {a for _seq, kind, a, _b, _c in queued if kind == "score"}
        comments = {(b, c) for _seq, kind, _a, b, c in queued if kind == "comment"}
        stages = {b for _seq, kind, _a, b, _c in queued if kind == "submission"}
        document, secret, private, _name, code = packages.package_document(
            kit,
            score_ids=score_ids,
            comment_keys=comments,
            submission_stages=stages,
            session=s,
        )
    first, last = queued[0][0], queued[-1][0]
    document["live"] = {"first": first, "last": last}
    packages.sign_document(document, secret, private)
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Delta(first, last, len(queued), data, (document["event_uid"], code, secret, private))


def record_acks(kit: EventDB, acks: Iterable[Ack]) -> int:
    """Drop every queue row an acknowledgement covers; returns how many left the queue."""
    acks = list(acks)
    if not acks:
        return 0
    _require_kit(kit)
    with kit.session() as s:
        return _record_acks(s, acks)


def acknowledge(kit: EventDB, acks: Iterable[Ack]) -> KitState:
    """``record_acks`` and the kit's state after it, in one transaction: a push's answer then
    costs the juror's laptop one session, and an empty queue needs no second look."""
    acks = list(acks)
    _require_kit(kit)
    with kit.session() as s:
        if acks:
            _record_acks(s, acks)
        return _kit_state(s)


def _record_acks(s: Session, acks: Sequence[Ack]) -> int:
    upto = max(a.kit_seq for a in acks)
    newest = max(a.hub_seq for a in acks)
    deleted = s.execute(_DROP_ACKED, {"upto": upto})
    gone = cast(CursorResult[Any], deleted).rowcount
    last = get_setting(s, SETTING_LAST_ACK)
    put_setting(s, SETTING_LAST_ACK, str(max(newest, int(last) if last else 0)))
    put_setting(s, SETTING_LAST_ACK_AT, utc_now())
    return int(gone or 0)


def kit_identity(kit: EventDB) -> tuple[str, str, bytes, bytes]:
    """(event uid, juror code, the kit's HMAC secret, the juror's Ed25519 private key) of a kit."""
    juror_id = _require_kit(kit)
    private = signing.ensure_kit_key(kit)
    with kit.session() as s:
        juror = s.get(Juror, juror_id)
        if juror is None or not juror.secret_key or private is None:
            raise KolabikError.coded(ec.LIVE_NO_KEY, file=kit.path.name)
        return kit.uid, juror.code, juror.secret_key, private


def signed_request(
    kit: EventDB,
    op: str,
    *,
    identity: tuple[str, str, bytes, bytes] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """A request of the kit's juror to the hub, signed like a package (with its ``juror_key``);
    ``identity``: the kit's as a delta just read it (``Delta.identity``), else read here."""
    uid, code, secret, private = identity or kit_identity(kit)
    document: dict[str, Any] = {
        "protocol": PROTOCOL,
        "version": PROTOCOL_VERSION,
        "op": op,
        "event_uid": uid,
        "juror": code,
        "at": utc_now(),
        "nonce": secrets.token_hex(8),
        "juror_key": signing.public_key_of(private).hex(),
    } | fields
    packages.sign_document(document, secret, private)
    return document


# ---------------------------------------------------------------------------------------------
# The hub's side
# ---------------------------------------------------------------------------------------------


@dataclass
class JurorLink:
    """What the chair sees of one juror in the live-session dock."""

    code: str
    name: str
    approved: bool = False
    last_contact: float | None = None  # time.monotonic() of the last verified request
    last_contact_at: str | None = None  # the same, as UTC text
    unsent: int | None = None  # as the juror reported it
    entry: str = ""  # the entry the juror has open
    accepted: int = 0  # deltas accepted in this session
    waiting: bool = False  # asked to connect, not approved yet
    last_refusal: str = ""  # the REFUSED_* code of the juror's last refused request
    last_refusal_problem: Problem | None = None  # that refusal, to word (with its why)
    last_refusal_at: str | None = None  # UTC text

    def connected(self, now: float, window: float = 10.0) -> bool:
        return self.last_contact is not None and now - self.last_contact < window


@dataclass
class Refusal:
    at: str
    problem: Problem  # a REFUSED_* code with its why
    who: str

    @property
    def code(self) -> str:
        return self.problem.code


@dataclass
class HubSession:
    """The hub's protocol state over one open event: verify, merge, acknowledge, account.

    ``approve`` decides a juror's first connection. A juror whose signing key the event already
    trusts (from an earlier package or live change), or whom the chair approved before, is
    accepted in every mode. A juror with a key the event does not know yet: "ask" (the window)
    shows them waiting until the chair approves (``set_approved``); "known" (the headless hub)
    refuses them, logged and told; "all" (``kolabik hub --approve-new``) accepts them, and their
    first merged change makes the event trust their key. Thread-safe: the network layer may call
    from its worker thread while the window reads ``jurors()``.
    """

    db: EventDB
    approve: str = "ask"
    paused: bool = False
    refusals: list[Refusal] = field(default_factory=list)
    _links: dict[str, JurorLink] = field(default_factory=dict)
    _lock: threading.RLock = field(default_factory=threading.RLock)
    event_name: str = ""
    refused_total: int = 0
    committer: GroupCommit | None = None
    _uid: str = ""
    _private: bytes = b""

    def __post_init__(self) -> None:
        self._private = hub_private_key(self.db)
        self._uid = self.db.uid
        with self.db.session() as s:
            self.event_name = s.scalars(select(Event.name)).one()
            approved = set(get_setting(s, SETTING_APPROVED).split())
            for code, name in s.execute(select(Juror.code, Juror.name).order_by(Juror.code)):
                self._links[code] = JurorLink(code, name, approved=code in approved)

    # -- what the window shows --------------------------------------------------------------

    @property
    def private_key(self) -> bytes:
        return self._private

    @property
    def public_key(self) -> bytes:
        from kolabik_desktop.core.exchange.live_crypto import public_key_of

        return public_key_of(self._private)

    @property
    def pairing(self) -> str:
        return pairing_code(self.public_key)

    def jurors(self) -> list[JurorLink]:
        with self._lock:
            return [JurorLink(**vars(link)) for link in self._links.values()]

    def set_approved(self, code: str, approved: bool = True) -> None:
        with self._lock:
            link = self._links.get(code)
            if link is None:
                raise KolabikError.coded(ec.JUROR_UNKNOWN, juror=code)
            link.approved, link.waiting = approved, False
            codes = sorted(c for c, lk in self._links.items() if lk.approved)
        with self.db.session() as s:
            put_setting(s, SETTING_APPROVED, " ".join(codes))

    def refuse(
        self, code: str, why: str | Problem | None = None, who: str = "", **params: Any
    ) -> LiveRefusal:
        """Log the refusal ``code`` (``why`` and ``params`` as for ``refused``) and return it to
        raise."""
        return self.logged(refused(code, why, **params), who)

    def logged(self, refusal: LiveRefusal, who: str = "") -> LiveRefusal:
        """Log a refusal (the hub's log and the dock read ``refusals``; a juror's last refusal
        shows on their row) and return it."""
        now = utc_now()
        assert refusal.problem is not None
        with self._lock:
            self.refused_total += 1
            self.refusals.append(Refusal(now, refusal.problem, who))
            del self.refusals[:-500]
            link = self._links.get(who)
            if link is not None:
                link.last_refusal, link.last_refusal_problem = refusal.code, refusal.problem
                link.last_refusal_at = now
        log.warning("refused %s from %s: %s", refusal.wire, who or "?", refusal)
        return refusal

    # -- requests ---------------------------------------------------------------------------

    def handle(self, request: object, who: str = "") -> dict[str, Any]:
        """Answer one decrypted request; refusals are logged and answered, never raised."""
        try:
            return {"ok": True} | self._handle(request, who)
        except LiveRefusal as refusal:
            return refusal.answer()
        except Exception:  # a request no rule foresaw: refused and logged, never a crash
            # The detail (Python's English) goes to the log; the chair and the juror read a
            # coded line in their language.
            log.exception("hub: unexpected failure on a request from %s", who or "?")
            return self.refuse(REFUSED_MALFORMED, ec.LIVE_WHY_FAILED).answer()

    def _handle(self, request: object, who: str) -> dict[str, Any]:
        if not isinstance(request, dict) or request.get("protocol") != PROTOCOL:
            raise self.refuse(REFUSED_MALFORMED, ec.LIVE_WHY_NOT_LIVE, who)
        op = request.get("op")
        juror = request.get("juror")
        if op not in ("hello", "push") or not _is_code(juror):
            raise self.refuse(REFUSED_MALFORMED, ec.LIVE_WHY_NO_OPERATION, who)
        assert isinstance(juror, str)
        if request.get("event_uid") != self._uid:
            raise self.refuse(REFUSED_WRONG_EVENT, None, juror)
        keys = self._juror_key(juror)
        if keys is None:
            raise self.refuse(REFUSED_UNKNOWN_JUROR, ec.LIVE_WHY_NO_JUROR, juror, juror=juror)
        secret, trusted = keys
        if not _signed(request, secret, trusted):
            if trusted is not None and _signed(request, secret, None):
                # The juror's own kit secret and a valid key, but not the key the event trusts:
                # a new kit for the juror. Only the chair can forget the old key.
                raise self.refuse(REFUSED_KEY_CHANGED, None, juror)
            raise self.refuse(REFUSED_SIGNATURE, ec.LIVE_WHY_NOT_SIGNED, juror)
        link = self._contact(juror, request, known=trusted is not None)
        if not link.approved and self.approve == "known":
            raise self.refuse(REFUSED_NOT_APPROVED, ec.LIVE_WHY_NEW_KEY, juror)
        answer: dict[str, Any] = {"paused": self.paused, "approved": link.approved}
        if op == "hello":
            since = request.get("since")
            if not isinstance(since, int) or isinstance(since, bool) or since < 0:
                raise self.refuse(REFUSED_MALFORMED, ec.LIVE_WHY_SINCE, juror)
            kit = kit_tag(request.get("juror_key"))
            acks = acks_since(self.db, juror, since, kit)
            answer["acks"] = [[a.hub_seq, a.kit_seq] for a in acks]
            return answer
        if not link.approved:
            raise self.refuse(REFUSED_NOT_APPROVED, None, juror)
        if self.paused:
            raise self.refuse(REFUSED_PAUSED, None, juror)
        delta = request.get("delta")
        if not isinstance(delta, str):
            raise self.refuse(REFUSED_MALFORMED, ec.LIVE_WHY_NO_DELTA, juror)
        ack = self.accept(delta.encode("utf-8", "surrogatepass"), juror)
        with self._lock:
            link.accepted += 1
        answer["ack"] = [ack.hub_seq, ack.kit_seq]
        return answer

    def _juror_key(self, code: str) -> tuple[bytes, bytes | None] | None:
        """The juror's kit secret and the public key the event trusts for them (None until
        their first signed package is merged: trust on first use, as a package import does)."""
        with self.db.session() as s:
            row = s.execute(_JUROR_KEY, {"code": code}).first()
        if row is None or not row[0]:
            return None
        return row[0], row[1]

    def _contact(self, juror: str, request: dict[str, Any], known: bool) -> JurorLink:
        with self._lock:
            link = self._links.get(juror)
            if link is None:  # a juror added after the session started
                link = self._links[juror] = JurorLink(juror, juror)
            if not link.approved and (known or self.approve == "all"):
                link.approved = True
            link.waiting = not link.approved
            link.last_contact = time.monotonic()
            link.last_contact_at = utc_now()
            unsent = request.get("unsent")
            if isinstance(unsent, int) and not isinstance(unsent, bool) and unsent >= 0:
                link.unsent = unsent
            entry = request.get("entry")
            if isinstance(entry, str):
                link.entry = entry[:40]
            return link

    def accept(self, data: bytes, juror: str) -> Ack:
        """Verify and merge one delta of ``juror``; its acknowledgement, or a logged refusal.

        With ``committer`` set (the network hub), the delta joins the group commit, which
        verifies and merges a batch at once; otherwise it is verified and merged here.
        """
        try:
            if self.committer is None:
                return accept_delta(self.db, data, juror)
            return self.committer.commit(data, juror)
        except LiveRefusal as refusal:
            raise self.logged(refusal, juror) from None


# Built once: every request reads its juror's keys, and building the select cost more than it.
_JUROR_KEY = select(Juror.secret_key, Juror.public_key).where(Juror.code == bindparam("code"))


def _signed(request: dict[str, Any], secret: bytes, trusted: bytes | None) -> bool:
    try:
        return packages.juror_signature_valid(request, secret, trusted)
    except (RecursionError, ValueError, TypeError):
        return False


def _is_code(value: object) -> bool:
    """A juror code as a request may carry it: short text that SQLite can store."""
    if not isinstance(value, str) or not 0 < len(value) <= 100:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a forged "\ud800"
        return False
    return True


def kit_tag(juror_key: object) -> str:
    """A short name of the kit's signing key (hex) in receipt names; "" when there is none."""
    if not isinstance(juror_key, str):
        return ""
    try:
        return hashlib.sha256(bytes.fromhex(juror_key)).hexdigest()[:12]
    except ValueError:
        return ""


def _delta_range(document: object) -> tuple[int, int] | None:
    live = document.get("live") if isinstance(document, dict) else None
    if not isinstance(live, dict):
        return None
    first, last = live.get("first"), live.get("last")
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (first, last)):
        return None
    assert isinstance(first, int) and isinstance(last, int)
    return (first, last) if 0 < first <= last else None


def accept_delta(db: EventDB, data: bytes, juror: str) -> Ack:
    """Verify ``data`` as a delta of ``juror`` and merge it by the package path; its Ack.

    Raises LiveRefusal (nothing written) for an oversized, malformed, foreign, unsigned or
    invalid delta, or one changing a stage the chair holds as submitted.
    """
    verified, last = verify_delta(db, data, juror)
    result = commit_deltas(db, [(verified, last)])[0]
    if isinstance(result, LiveRefusal):
        raise result
    return result


def verify_delta(db: EventDB, data: bytes, juror: str) -> tuple[packages.VerifiedPackage, int]:
    """The checked package of a delta and the last queue number it covers (nothing written)."""
    verified = verify_deltas(db, [(data, juror)])[0]
    if isinstance(verified, LiveRefusal):
        raise verified
    return verified


def verify_deltas(
    db: EventDB, deltas: Sequence[tuple[bytes, str]]
) -> list[tuple[packages.VerifiedPackage, int] | LiveRefusal]:
    """Each (delta, juror) checked as ``verify_delta`` checks it, the event read once for all
    (the group commit's batch): its package and last queue number, or its refusal."""
    named: list[tuple[str, int] | LiveRefusal] = []
    for data, juror in deltas:
        try:
            named.append(_delta_name(data, juror))
        except LiveRefusal as refusal:
            named.append(refusal)
    wanted = [
        (data, name[0])
        for (data, _juror), name in zip(deltas, named, strict=True)
        if not isinstance(name, LiveRefusal)
    ]
    checked = iter(packages.verify_packages_bytes(wanted, db) if wanted else [])
    results: list[tuple[packages.VerifiedPackage, int] | LiveRefusal] = []
    for name in named:
        if isinstance(name, LiveRefusal):
            results.append(name)
            continue
        verified = next(checked)
        if isinstance(verified, InputRejected):
            results.append(_refusal_of_problems(verified.problems))
        else:
            results.append((verified, name[1]))
    return results


def _delta_name(data: bytes, juror: str) -> tuple[str, int]:
    """The receipt name of a delta and the last queue number it covers; LiveRefusal when it is
    too large, not JSON, or names no queue range or another juror."""
    if len(data) > MAX_REQUEST_BYTES:
        raise refused(REFUSED_TOO_LARGE, ec.LIVE_WHY_BYTES, bytes=len(data), max=MAX_REQUEST_BYTES)
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        raise refused(REFUSED_MALFORMED, ec.LIVE_WHY_NOT_JSON) from None
    span = _delta_range(document)
    if span is None or not isinstance(document, dict) or document.get("juror") != juror:
        raise refused(REFUSED_MALFORMED, ec.LIVE_WHY_NO_RANGE)
    tag = kit_tag(document.get("juror_key"))
    kit = f"{tag}:" if tag else ""
    return f"{LIVE_SOURCE_PREFIX}{juror}:{kit}{span[0]}-{span[1]}", span[1]


def commit_deltas(
    db: EventDB, deltas: Sequence[tuple[packages.VerifiedPackage, int]]
) -> list[Ack | LiveRefusal]:
    """Merge verified deltas in ONE transaction (one disk sync for a burst); an Ack or a
    refusal for each, in order. A delta the package merge would refuse, or would hold back from
    a stage the chair holds as submitted (merge.py's ``locked``: the one rule), is refused
    whole, so the kit keeps it queued until the chair reopens the stage; a failed write refuses
    them all and changes nothing."""
    if not deltas:
        return []
    try:
        # Planned, held back and applied in the one write transaction (apply_import's whole).
        applied = apply_import(db, ImportPlan(tuple(v for v, _last in deltas), ()), whole=True)
    except KolabikError as exc:
        if exc.problem is None:  # uncoded: the chair reads "see the log", so it says what
            log.error("hub: the deltas could not be merged: %s", exc)
        return [_write_refusal(exc) for _delta in deltas]
    done: list[Ack | LiveRefusal] = []
    for (_verified, last), item in zip(deltas, applied.items, strict=True):
        result: Ack | LiveRefusal | None = _refusal_of(item)
        if result is None:
            # apply_import always records a receipt; without one the file is broken.
            result = (
                Ack(item.receipt_id, last)
                if item.receipt_id is not None
                else refused(REFUSED_WRITE, ec.LIVE_WHY_NO_RECEIPT)
            )
        done.append(result)
    return done


GATHER_S = 0.020  # how long the hub's writer waits for more saves to share a transaction


class GroupCommit:
    """The hub's one writer: deltas handed in by several threads are verified and merged here,
    all those waiting at once, in one read of the event and one transaction, so 30 jurors'
    saves cost a few disk syncs and rule loads, not 30."""

    def __init__(self, db: EventDB, max_batch: int = 64, gather_s: float = GATHER_S) -> None:
        self.db, self.max_batch, self.gather_s = db, max_batch, gather_s
        self._queue: queue.Queue[tuple[bytes, str, Future[Ack]] | None] = queue.Queue()
        self.batches = 0
        self.last_seq = 0  # the greatest hub sequence committed (the board says what it shows)
        self.listeners: list[Callable[[], None]] = []  # told after each batch's acks are known
        self._thread = threading.Thread(target=self._run, name="kolabik-hub-writer", daemon=True)
        self._thread.start()

    def commit(self, data: bytes, juror: str) -> Ack:
        """Verify and merge one delta of ``juror`` (waiting for its batch); its Ack, or a
        LiveRefusal."""
        future: Future[Ack] = Future()
        if _TRACE_PATH is not None:
            trace_stamps()["queued"] = time.monotonic()
        self._queue.put((data, juror, future))
        try:
            return future.result()
        finally:
            if _TRACE_PATH is not None:
                trace_stamps().update(getattr(future, "stamps", {}))

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(30)

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            # A short gather: on a quiet link each save would be its own transaction, and a
            # batch's fixed cost (the rules' context, the audit head, the disk sync) is most of
            # a commit's CPU; GATHER_S later, the saves that came meanwhile share it.
            gather_until = time.monotonic() + self.gather_s
            while len(batch) < self.max_batch:
                try:
                    item = self._queue.get(timeout=max(0.0, gather_until - time.monotonic()))
                except queue.Empty:
                    break
                if item is None:
                    self._queue.put(None)  # finish this batch, then stop
                    break
                batch.append(item)
            started, started_cpu = time.monotonic(), time.thread_time()
            try:
                results = self._merge([(data, juror) for data, juror, _f in batch])
            except Exception as exc:  # never leave a juror's request hanging
                log.exception("hub: a batch of deltas could not be merged")
                results = [_write_refusal(exc) for _item in batch]
            committed, commit_cpu = time.monotonic(), time.thread_time() - started_cpu
            self.batches += 1
            self.last_seq = max(
                [self.last_seq] + [r.hub_seq for r in results if isinstance(r, Ack)]
            )
            for listener in list(self.listeners):
                listener()
            for (_data, _juror, future), result in zip(batch, results, strict=True):
                if _TRACE_PATH is not None:
                    future.stamps = {  # type: ignore[attr-defined]
                        "start": started,
                        "committed": committed,
                        "batch": len(batch),
                        "commit_cpu": commit_cpu,
                    }
                if isinstance(result, LiveRefusal):
                    future.set_exception(result)
                else:
                    future.set_result(result)

    def _merge(self, deltas: list[tuple[bytes, str]]) -> list[Ack | LiveRefusal]:
        checked = verify_deltas(self.db, deltas)
        good = [c for c in checked if not isinstance(c, LiveRefusal)]
        merged = iter(commit_deltas(self.db, good) if good else [])
        return [c if isinstance(c, LiveRefusal) else next(merged) for c in checked]


def _refusal_of(item: PackagePlan) -> LiveRefusal | None:
    """The live refusal of a delta the package merge refused or would hold back in part."""
    if item.rejection is not None:
        return _refusal_of_problems(item.problems)
    if item.locked:
        return refused(REFUSED_SUBMITTED, ec.LIVE_WHY_STAGES, stages=" ".join(sorted(item.locked)))
    return None


def _refusal_of_problems(problems: Sequence[Problem]) -> LiveRefusal:
    """A refused delta's package problems as a refusal, the first problem of its kind its why."""
    for code, kind in (
        (REFUSED_SIGNATURE, _SIGNATURE_PROBLEMS),
        (REFUSED_WRONG_EVENT, _OTHER_EVENT_PROBLEMS),
        (REFUSED_UNKNOWN_JUROR, _UNKNOWN_JUROR_PROBLEMS),
    ):
        first = next((p for p in problems if p.code in kind), None)
        if first is not None:
            return refused(code, first)
    return refused(REFUSED_INVALID, problems[0] if problems else None)


def _write_refusal(exc: Exception) -> LiveRefusal:
    """The chair's event could not take a merge: its coded problem (the disk's), if it has one;
    else the coded unexpected error (the caller logged the exception itself)."""
    problem = getattr(exc, "problem", None)
    if isinstance(problem, Problem):
        return refused(REFUSED_WRITE, problem)
    return refused(REFUSED_WRITE, ec.LIVE_WHY_FAILED)


def acks_since(db: EventDB, juror: str, since: int, kit: str | None = None) -> list[Ack]:
    """The juror's live acknowledgements with a hub sequence number above ``since``; with
    ``kit`` (a kit_tag), only those of that kit's deltas."""
    with db.session() as s:
        rows = s.execute(
            select(PackageReceipt.id, PackageReceipt.filename)
            .join(Juror, Juror.id == PackageReceipt.juror_id)
            .where(
                Juror.code == juror,
                PackageReceipt.id > since,
                PackageReceipt.filename.like(f"{LIVE_SOURCE_PREFIX}%"),
            )
            .order_by(PackageReceipt.id)
            .limit(MAX_ACKS)
        ).all()
    acks = []
    for hub_seq, name in rows:
        match = _RECEIPT_NAME.fullmatch(name)
        if match and match["juror"] == juror and (kit is None or match["kit"] == kit):
            acks.append(Ack(hub_seq, int(match["last"])))
    return acks


def describe_acks(acks: Sequence[Ack]) -> str:
    return ", ".join(f"{a.kit_seq}@{a.hub_seq}" for a in acks)


def entry_code(db: EventDB, entry_id: int | None) -> str:
    """The code of the entry a juror has open, reported to the chair's dock ("" for none)."""
    if entry_id is None:
        return ""
    from kolabik_desktop.core.store.models import Entry

    with db.session() as s:
        return s.scalar(select(Entry.code).where(Entry.id == entry_id)) or ""
