"""Signed score packages: one juror's scores, comments and submissions, sent back to the chair.

The format is documented in docs/score-package-format.md. A package is UTF-8 JSON. Version 2
is signed twice over a canonical serialisation of every field except the signature: with the
juror's own Ed25519 key (made by their kit, public half in the package as ``juror_key``), and with
HMAC-SHA256 under the secret the chair put in the juror's kit (which ties a juror's first key to
the kit the chair issued). Version 1 carries only the HMAC; it still imports while the chair's
event has no public key for that juror, marked as not juror-signed. ``write_package`` runs on the
juror's kit; ``read_package`` runs on the chair's event file and either returns a fully checked
``VerifiedPackage`` or raises ``InputRejected`` naming the file and every reason.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Integer, bindparam, select
from sqlalchemy.orm import Session

from kolabik_desktop import __version__
from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import InputRejected, KolabikError, Problem
from kolabik_desktop.core.exchange import signing
from kolabik_desktop.core.exchange.names import PACKAGE_SUFFIX
from kolabik_desktop.core.files import read_regular_file, write_output
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.problem_text import problem_message
from kolabik_desktop.core.scoring.rules import Where
from kolabik_desktop.core.store.db import EventDB, utc_now
from kolabik_desktop.core.store.models import (
    AuditLog,
    Comment,
    Criterion,
    Entry,
    Event,
    Juror,
    Score,
    Setting,
    Stage,
    Submission,
)
from kolabik_desktop.core.store.services import decimal_text
from kolabik_desktop.core.store.writer import load_eligibility

FORMAT_NAME = "kolabik-scores"
FORMAT_VERSION = 2
SIGNATURE_ALGORITHM = "Ed25519+HMAC-SHA256"  # version 2
LEGACY_SIGNATURE_ALGORITHM = "HMAC-SHA256"  # version 1: the shared secret only
# Kit setting: the chair's audit head (hash) when the kit was made; signed into every package.
CHAIR_HEAD_SETTING = "chair_audit_head"
# A national juror's package is a few MB; anything far larger is not a package.
MAX_PACKAGE_BYTES = 64 * 1024 * 1024
MAX_PROBLEMS = 50
_DECIMAL_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def canonical_bytes(document: dict[str, Any]) -> bytes:
    """The bytes that are signed: sorted keys, no spaces, UTF-8, the signature left out."""
    body = {k: v for k, v in document.items() if k != "signature"}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    # surrogatepass: a forged "\ud800" must fail the signature check, not crash the encoder.
    return text.encode("utf-8", "surrogatepass")


def sign(document: dict[str, Any], key: bytes) -> str:
    """The HMAC-SHA256 (hex) of the document under the juror's shared secret."""
    return hmac.new(key, canonical_bytes(document), hashlib.sha256).hexdigest()


def juror_signature(document: dict[str, Any], secret: bytes, private: bytes) -> dict[str, str]:
    """The one place a juror signs (packages, the live link's deltas and requests): version 2,
    the juror's Ed25519 signature and the kit's HMAC, both over ``canonical_bytes``."""
    body = canonical_bytes(document)
    return {
        "algorithm": SIGNATURE_ALGORITHM,
        "value": signing.sign_bytes(private, body),
        "hmac": hmac.new(secret, body, hashlib.sha256).hexdigest(),
    }


def sign_document(document: dict[str, Any], secret: bytes, private: bytes) -> None:
    """Set the version-2 signature: the juror's Ed25519 signature and the kit's HMAC."""
    document["signature"] = juror_signature(document, secret, private)


def juror_signature_valid(document: dict[str, Any], secret: bytes, trusted: bytes | None) -> bool:
    """Whether ``document`` carries a valid version-2 juror signature: the kit's HMAC, and the
    Ed25519 signature of the key in ``juror_key``, which must be ``trusted`` when the chair's
    event holds one (else it is trusted on first use, when a package of that key is merged).
    The live link's requests are checked so; they have no version-1 form."""
    try:
        _check_signature(document, secret, trusted, "", legacy_allowed=False)
    except _Refuse:
        return False
    return True


def file_slug(text: str) -> str:
    """A name safe in file names on every OS: letters, digits, dots, dashes and underscores."""
    slug = re.sub(r"[^\w.]+", "-", text, flags=re.UNICODE).strip("-.")
    return slug or "event"


def package_file_name(event_name: str, juror_code: str, when: datetime | None = None) -> str:
    stamp = (when or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return f"{file_slug(event_name)}-{file_slug(juror_code)}-{stamp}{PACKAGE_SUFFIX}"


# ---------------------------------------------------------------------------------------------
# Juror side: write
# ---------------------------------------------------------------------------------------------


def build_package(kit_db: EventDB) -> tuple[dict[str, Any], str]:
    """The kit's juror's signed package document (a dict ready for JSON) and its file name."""
    document, secret, private, event_name, juror_code = package_document(kit_db)
    sign_document(document, secret, private)
    return document, package_file_name(event_name, juror_code)


def _package_queries() -> dict[str, Any]:
    """The package's reads, each built once (building a select cost more than running it, on
    every live delta of a juror's save); the filtered ones take an expanding IN parameter."""
    juror = bindparam("juror", type_=Integer)
    scores = (
        select(
            Entry.code,
            Stage.code,
            Criterion.code,
            Score.value,
            Score.note,
            Score.revision,
            Score.updated_at,
        )
        .join(Entry, Entry.id == Score.entry_id)
        .join(Criterion, Criterion.id == Score.criterion_id)
        .join(Stage, Stage.id == Criterion.stage_id)
        .where(Score.juror_id == juror)
        .order_by(Entry.code, Stage.position, Criterion.position, Criterion.code)
    )
    comments = (
        select(
            Entry.code,
            Stage.code,
            Comment.text,
            Comment.revision,
            Comment.updated_at,
            Comment.entry_id,
            Comment.stage_id,
        )
        .join(Entry, Entry.id == Comment.entry_id)
        .join(Stage, Stage.id == Comment.stage_id)
        .where(Comment.juror_id == juror)
        .order_by(Entry.code, Stage.position)
    )
    submissions = (
        select(Stage.code, Submission.submitted, Submission.revision, Submission.updated_at)
        .join(Stage, Stage.id == Submission.stage_id)
        .where(Submission.juror_id == juror)
        .order_by(Stage.position)
    )
    return {
        "event": select(Event.uid, Event.name),
        "juror": select(Juror.code, Juror.secret_key).where(Juror.id == juror),
        "kit_key": select(Setting.value).where(Setting.key == signing.KIT_KEY_SETTING),
        "chair_head": select(Setting.value).where(Setting.key == CHAIR_HEAD_SETTING),
        "scores": scores,
        "scores_of": scores.where(Score.id.in_(bindparam("ids", expanding=True))),
        "comments": comments,
        "comments_of": comments.where(Comment.entry_id.in_(bindparam("entries", expanding=True))),
        "submissions": submissions,
        "submissions_of": submissions.where(
            Submission.stage_id.in_(bindparam("stages", expanding=True))
        ),
    }


_PACKAGE_QUERIES = _package_queries()


def package_document(
    kit_db: EventDB,
    *,
    score_ids: Collection[int] | None = None,
    comment_keys: Collection[tuple[int, int]] | None = None,
    submission_stages: Collection[int] | None = None,
    session: Session | None = None,
) -> tuple[dict[str, Any], bytes, bytes, str, str]:
    """The unsigned package document of the kit's juror, with the keys that sign it.

    Without filters it holds every row of the juror; with them (the live link's delta) only the
    given score ids, (entry, stage) comments and stage submissions. Returns (document, the kit's
    HMAC secret, the kit's Ed25519 private key, event name, juror code). ``session``: read in
    it (the live delta reads its queue and the rows in one), else in a session of its own.
    """
    if kit_db.kind != "kit" or kit_db.kit_juror_id is None:
        raise KolabikError.coded(ec.PACKAGE_NOT_KIT, file=kit_db.path.name)
    juror_id = kit_db.kit_juror_id
    q = _PACKAGE_QUERIES
    with contextlib.nullcontext(session) if session is not None else kit_db.session() as s:
        key_hex = s.scalar(q["kit_key"])
        event_uid, event_name = s.execute(q["event"]).one()
        juror = s.execute(q["juror"], {"juror": juror_id}).first()
        if juror is None or not juror[1]:
            raise KolabikError.coded(ec.LIVE_NO_KEY, file=kit_db.path.name)
        juror_code, secret = juror
        score_rows: Iterable[Any]
        if score_ids is None:
            score_rows = s.execute(q["scores"], {"juror": juror_id})
        elif score_ids:
            score_rows = s.execute(q["scores_of"], {"juror": juror_id, "ids": list(score_ids)})
        else:
            score_rows = iter(())
        scores = [
            {
                "entry": entry_code,
                "stage": stage_code,
                "criterion": crit_code,
                "value": decimal_text(value),
                "note": note,
                "revision": revision,
                "updated_at": updated_at,
            }
            for entry_code, stage_code, crit_code, value, note, revision, updated_at in score_rows
        ]
        comment_rows: Iterable[Any]
        if comment_keys is None:
            comment_rows = s.execute(q["comments"], {"juror": juror_id})
        elif comment_keys:
            entries = sorted({entry for entry, _stage in comment_keys})
            comment_rows = s.execute(q["comments_of"], {"juror": juror_id, "entries": entries})
        else:
            comment_rows = iter(())
        comments = [
            {
                "entry": entry_code,
                "stage": stage_code,
                "text": text,
                "revision": revision,
                "updated_at": updated_at,
            }
            for entry_code, stage_code, text, revision, updated_at, entry_id, stage_id in (
                comment_rows
            )
            if comment_keys is None or (entry_id, stage_id) in comment_keys
        ]
        submission_rows: Iterable[Any]
        if submission_stages is None:
            submission_rows = s.execute(q["submissions"], {"juror": juror_id})
        elif submission_stages:
            submission_rows = s.execute(
                q["submissions_of"], {"juror": juror_id, "stages": list(submission_stages)}
            )
        else:
            submission_rows = iter(())
        submissions = [
            {"stage": code, "submitted": bool(sub), "revision": rev, "updated_at": at}
            for code, sub, rev, at in submission_rows
        ]
        chair_head = s.scalar(q["chair_head"]) or ""
    # The kit's key is read with the rows; made (and audited) on first use only, in a write
    # transaction of its own.
    private = bytes.fromhex(key_hex) if key_hex else signing.ensure_kit_key(kit_db)
    assert private is not None  # a kit always has a key once ensured
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "event_uid": event_uid,
        "event_name": event_name,
        "juror": juror_code,
        "created_at": utc_now(),
        "app_version": __version__,
        "juror_key": signing.public_key_of(private).hex(),
        # The chair's audit head this kit was made at: the chair's event keeps this signed
        # package, so a later rewrite of the chair's log up to that row is detectable.
        "chair_audit_head": chair_head,
        "scores": scores,
        "comments": comments,
        "submissions": submissions,
    }
    return document, secret, private, event_name, juror_code


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: a reader sees the old file or the new, never half."""
    write_output(path, data, "score package")


def write_package(kit_db: EventDB, out: str | Path) -> Path:
    """Write the kit's juror's signed package; ``out`` is a file path or a folder.

    In a folder the name is EVENT-JUROR-TIMESTAMP.kolabik-scores. Returns the path written.
    """
    document, name = build_package(kit_db)
    out = Path(out)
    if out.is_dir():
        path = out / name
        n = 2
        while path.exists():  # two sends in one second must not overwrite each other
            path = out / name.replace(PACKAGE_SUFFIX, f"-{n}{PACKAGE_SUFFIX}")
            n += 1
    else:
        if not out.parent.is_dir():
            raise KolabikError.coded(ec.COPY_NO_FOLDER, folder=str(out.parent))
        # Only an earlier package may be replaced: never the kit itself or another document.
        if out.exists() and (out.samefile(kit_db.path) or out.suffix != PACKAGE_SUFFIX):
            raise KolabikError.coded(ec.PACKAGE_EXISTS_NOT_PACKAGE, path=str(out))
        path = out
    data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    write_atomic(path, data)
    return path


# ---------------------------------------------------------------------------------------------
# Chair side: read and verify
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PackageScore:
    entry_id: int
    criterion_id: int
    entry_code: str
    stage_code: str
    criterion_code: str
    value: Decimal | None
    value_text: str | None  # canonical text of value, as the event file stores it
    note: str
    revision: int
    updated_at: str


@dataclass(frozen=True, slots=True)
class PackageComment:
    entry_id: int
    stage_id: int
    entry_code: str
    stage_code: str
    text: str
    revision: int
    updated_at: str


@dataclass(frozen=True, slots=True)
class PackageSubmission:
    stage_id: int
    stage_code: str
    submitted: bool
    revision: int
    updated_at: str


@dataclass(frozen=True)
class VerifiedPackage:
    """A package whose signature and every row were checked against the chair's event file."""

    filename: str
    sha256: str
    juror_id: int
    juror_code: str
    created_at: str
    scores: tuple[PackageScore, ...]
    comments: tuple[PackageComment, ...]
    submissions: tuple[PackageSubmission, ...]
    # Version 2: the juror's Ed25519 public key that signed it, and the exact bytes (kept by the
    # chair's event so the scores can be re-verified). None for a version-1 package.
    public_key: bytes | None = None
    document: bytes | None = None
    chair_audit_head: str = ""
    new_key: bool = False  # the event held no key for this juror yet (trust on first use)

    @property
    def juror_signed(self) -> bool:
        return self.public_key is not None

    @property
    def key_fingerprint(self) -> str:
        return signing.key_fingerprint(self.public_key) if self.public_key else ""


class _Refuse(Exception):
    """Internal: stop checking at the first problem that makes the rest meaningless.

    Always coded (``_Refuse.coded``): the window words the code in its language."""

    def __init__(self, problem: Problem):
        super().__init__(problem_message(problem))
        self.refused = problem

    @classmethod
    def coded(cls, code: str, **params: object) -> Self:
        """A refusal the window words in its language (problem_text.TEXTS)."""
        return cls(Problem(code, params))

    def problem(self) -> Problem:
        return self.refused


def read_package(path: str | Path, db: EventDB) -> VerifiedPackage:
    """Read and verify a package file against the chair's event; InputRejected if anything fails."""
    path = Path(path)
    try:
        # Regular files only, the size checked on the open descriptor: a FIFO, a device or a
        # folder named *.kolabik-scores is refused at once instead of hanging or filling memory.
        data = read_regular_file(path, MAX_PACKAGE_BYTES, "score package")
    except KolabikError as exc:
        found = exc.problem or Problem(ec.INPUT_ERROR, {"text": str(exc)})
        raise InputRejected(path.name, [found]) from None
    return verify_package_bytes(data, path.name, db)


def verify_package_bytes(data: bytes, filename: str, db: EventDB) -> VerifiedPackage:
    """Verify a package given as bytes (``filename`` names it in messages and the audit log)."""
    verified = verify_packages_bytes([(data, filename)], db)[0]
    if isinstance(verified, InputRejected):
        raise verified
    return verified


def verify_packages_bytes(
    items: Sequence[tuple[bytes, str]], db: EventDB
) -> list[VerifiedPackage | InputRejected]:
    """Verify several packages (bytes, filename) against the chair's event in one read of it:
    each is checked exactly as ``verify_package_bytes`` checks it alone (the same refusals),
    but the event, jurors and rubric are read once for all (the live hub verifies a batch of
    30 jurors' deltas; a read per delta cost more than the checks)."""
    if db.kind != "event":
        raise KolabikError.coded(ec.PACKAGE_INTO_KIT, file=db.path.name)
    found: list[VerifiedPackage | InputRejected | dict[str, Any]] = []
    for data, filename in items:
        try:
            found.append(_parse(data))
        except _Refuse as refusal:
            found.append(InputRejected(filename, [refusal.problem()]))
    documents = [d for d in found if isinstance(d, dict)]
    if not documents:
        return [f for f in found if not isinstance(f, dict)]
    with db.session() as s:
        known = _Known.load(s, documents)
        signed: list[tuple[int, dict[str, Any], _Signer]] = []
        for index, ((_data, filename), document) in enumerate(zip(items, found, strict=True)):
            if not isinstance(document, dict):
                continue
            try:
                signed.append((index, document, _check_signer(document, known)))
            except _Refuse as refusal:
                found[index] = InputRejected(filename, [refusal.problem()])
            except RecursionError:  # json.dumps of a hostile, deeply nested value while signing
                found[index] = InputRejected(filename, [Problem(ec.PACKAGE_NESTED_SIGNING)])
        rubric = _load_rubric(s, [d for _i, d, _signer in signed], {x.juror_id for *_, x in signed})
    for index, document, signer in signed:
        data, filename = items[index]
        try:
            created_at, scores, comments, submissions = _check_rows(
                rubric, document, filename, signer.juror_id, signer.juror_code
            )
        except InputRejected as rejection:
            found[index] = rejection
            continue
        found[index] = VerifiedPackage(
            filename=filename,
            sha256=hashlib.sha256(data).hexdigest(),
            juror_id=signer.juror_id,
            juror_code=signer.juror_code,
            created_at=created_at,
            scores=scores,
            comments=comments,
            submissions=submissions,
            public_key=signer.public_key,
            document=data if signer.public_key is not None else None,
            chair_audit_head=_text(document.get("chair_audit_head")),
            new_key=signer.new_key,
        )
    return [f for f in found if not isinstance(f, dict)]


def _parse(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_PACKAGE_BYTES:
        raise _Refuse.coded(ec.PACKAGE_TOO_LARGE)
    if not data.strip():
        raise _Refuse.coded(ec.PACKAGE_EMPTY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _Refuse.coded(ec.PACKAGE_NOT_UTF8) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        at = {"line": exc.lineno, "column": exc.colno}
        body = text.strip()
        if exc.pos >= len(body) - 1 or (body.startswith("{") and not body.endswith("}")):
            raise _Refuse.coded(ec.PACKAGE_TRUNCATED, **at) from None
        raise _Refuse.coded(ec.PACKAGE_BAD_JSON, detail=exc.msg, **at) from None
    except ValueError:  # an integer of more digits than Python agrees to convert
        raise _Refuse.coded(ec.PACKAGE_NUMBER_TOO_LONG) from None
    except RecursionError:
        raise _Refuse.coded(ec.PACKAGE_NESTED) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise _Refuse.coded(ec.PACKAGE_NOT_PACKAGE, format=FORMAT_NAME)
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Refuse.coded(ec.PACKAGE_NO_VERSION)
    if version > FORMAT_VERSION:
        raise _Refuse.coded(ec.PACKAGE_NEWER, version=version, known=FORMAT_VERSION)
    return document


@dataclass(frozen=True)
class _Signer:
    """Who signed a package, as the chair's event knows them."""

    juror_id: int
    juror_code: str
    public_key: bytes | None  # the juror's key that signed it (version 2), None (version 1)
    new_key: bool


@dataclass(frozen=True)
class _Known:
    """What the signature checks need from the chair's event, read once for a batch."""

    uid: str
    name: str
    jurors: dict[str, tuple[int, bytes | None, bytes | None]]  # code -> (id, secret, key)
    anchors: frozenset[str]  # the packages' chair_audit_head values that are rows of the log

    @classmethod
    def load(cls, s: Any, documents: Sequence[dict[str, Any]]) -> _Known:
        q = _queries()
        uid, name = s.execute(q.event).one()
        codes = sorted({d["juror"] for d in documents if isinstance(d.get("juror"), str)})
        jurors = {
            code: (juror_id, secret, key)
            for juror_id, code, secret, key in s.execute(q.jurors, {"codes": codes})
        }
        wanted = sorted({_text(d.get("chair_audit_head")) for d in documents} - {""})
        anchors = frozenset(s.scalars(q.anchors, {"hashes": wanted})) if wanted else frozenset()
        return cls(uid, name, jurors, anchors)


class _Queries:
    """The verifier's statements, built once (the live hub verifies every batch with them:
    building each select cost more than running it); id and code sets bound as expanding
    parameters, "_all" variants for many entries."""

    def __init__(self) -> None:
        codes: Any = bindparam("codes", expanding=True)
        self.event = select(Event.uid, Event.name)
        self.jurors = select(Juror.id, Juror.code, Juror.secret_key, Juror.public_key).where(
            Juror.code.in_(codes)
        )
        self.anchors = select(AuditLog.hash).where(
            AuditLog.hash.in_(bindparam("hashes", expanding=True))
        )
        self.entries_all = select(Entry.code, Entry.id)
        self.entries = self.entries_all.where(Entry.code.in_(codes))
        self.stages = select(Stage.id, Stage.code).order_by(Stage.position, Stage.id)
        self.criteria = select(
            Criterion.id,
            Criterion.stage_id,
            Criterion.code,
            Criterion.min_value,
            Criterion.max_value,
            Criterion.step,
            Stage.code,
        ).join(Stage, Stage.id == Criterion.stage_id)


@functools.cache
def _queries() -> _Queries:
    return _Queries()


def _check_signer(document: dict[str, Any], known: _Known) -> _Signer:
    """The package's event, juror, signatures and anchor checked; who signed it."""
    uid = document.get("event_uid")
    juror_code = document.get("juror")
    if not isinstance(uid, str) or not isinstance(juror_code, str):
        raise _Refuse.coded(ec.PACKAGE_NO_OWNER)
    if uid != known.uid:
        other = document.get("event_name")
        named = f" ('{other}')" if isinstance(other, str) and other else ""
        raise _Refuse.coded(
            ec.PACKAGE_OTHER_EVENT, named=named, event=known.name, uid=uid, expected=known.uid
        )
    juror = known.jurors.get(juror_code)
    if juror is None:
        raise _Refuse.coded(ec.PACKAGE_UNKNOWN_JUROR, juror=juror_code)
    juror_id, secret, trusted = juror
    if not secret:
        raise _Refuse.coded(ec.PACKAGE_NO_KEY, juror=juror_code)
    public_key = _check_signature(document, secret, trusted, juror_code)
    anchor = _text(document.get("chair_audit_head"))
    if anchor and anchor not in known.anchors:
        # Kept as an anchor of this event's log, it must be a row of this event's log.
        raise _Refuse.coded(ec.PACKAGE_UNKNOWN_ANCHOR)
    new_key = public_key is not None and trusted is None
    return _Signer(juror_id, juror_code, public_key, new_key)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _check_signature(
    document: dict[str, Any],
    secret: bytes,
    trusted: bytes | None,
    juror_code: str,
    *,
    legacy_allowed: bool = True,
) -> bytes | None:
    """Check both signatures; the juror's public key (version 2) or None (version 1, HMAC only).

    ``legacy_allowed``: a package's "version" 1 means HMAC only; other documents (the live
    link's requests, whose "version" is the protocol's) are always checked as version 2.
    """
    signature = document.get("signature")
    if not isinstance(signature, dict) or "value" not in signature:
        raise _Refuse.coded(ec.PACKAGE_NOT_SIGNED)
    algorithm = signature.get("algorithm")
    legacy = legacy_allowed and document.get("version") == 1
    wanted = LEGACY_SIGNATURE_ALGORITHM if legacy else SIGNATURE_ALGORITHM
    mac = signature.get("value" if legacy else "hmac")
    if algorithm != wanted or not isinstance(mac, str):
        raise _Refuse.coded(ec.PACKAGE_ALGORITHM, algorithm=wanted)
    changed = _Refuse.coded(ec.PACKAGE_SIGNATURE_CHANGED, juror=juror_code)
    body = canonical_bytes(document)  # once: for 10,000 scores it costs more than both checks
    if not hmac.compare_digest(hmac.new(secret, body, hashlib.sha256).hexdigest(), mac):
        raise changed
    if legacy:
        if trusted is not None:
            raise _Refuse.coded(
                ec.PACKAGE_LEGACY_SIGNATURE,
                juror=juror_code,
                fingerprint=signing.key_fingerprint(trusted),
            )
        return None
    key_hex = document.get("juror_key")
    try:
        public = bytes.fromhex(key_hex) if isinstance(key_hex, str) else b""
    except ValueError:
        public = b""
    if len(public) != signing.PUBLIC_KEY_BYTES:
        raise _Refuse.coded(ec.PACKAGE_NO_JUROR_KEY)
    value = signature.get("value")
    if not isinstance(value, str) or not signing.verify_bytes(public, body, value):
        raise changed
    if trusted is not None and public != trusted:
        raise _Refuse.coded(
            ec.PACKAGE_OTHER_KEY,
            fingerprint=signing.key_fingerprint(public),
            juror=juror_code,
            trusted=signing.key_fingerprint(trusted),
        )
    return public


_FEW_ENTRIES = 200  # packages naming at most this many entries load only those


@dataclass(frozen=True)
class _Rubric:
    """What the row checks need from the chair's event, read once for a batch of packages."""

    entries: dict[str, int]  # code -> id: the entries the packages name (all when many)
    stages: dict[str, int]  # code -> id
    rubric: dict[tuple[str, str], tuple[int, int, Decimal, Decimal, Decimal]]
    eligibility: rules.Eligibility  # for the packages' jurors (and entries, when few)


def _load_rubric(s: Any, documents: Sequence[dict[str, Any]], juror_ids: set[int]) -> _Rubric:
    # Only the entries the packages name, when they are few (a live delta names one or two):
    # loading every entry and admission of a national event per delta cost the hub ~ms each.
    named = {
        row["entry"]
        for document in documents
        for rows in (document.get("scores"), document.get("comments"))
        if isinstance(rows, list)
        for row in rows
        if isinstance(row, dict) and isinstance(row.get("entry"), str)
    }
    few = len(named) <= _FEW_ENTRIES
    q = _queries()
    codes = {"codes": sorted(named)}
    entries: dict[str, int] = dict(s.execute(q.entries if few else q.entries_all, codes).all())
    stages_rows = s.execute(q.stages).all()
    # Plain tuples, not ORM objects: (id, stage id, min, max, step).
    rubric = {
        (stage_code, code): (crit_id, stage_id, lo, hi, step)
        for crit_id, stage_id, code, lo, hi, step, stage_code in s.execute(q.criteria)
    }
    # The same eligibility rule and reads as every other write path (writer.load_eligibility);
    # keyed by juror, so one holds for every package of the batch. Submitted stages are the
    # merge's to hold back, not a refusal here.
    eligibility = load_eligibility(
        s, stages_rows, juror_ids, entries.values() if few else None, submitted=False
    )
    stages = {code: sid for sid, code in stages_rows}
    return _Rubric(entries, stages, rubric, eligibility)


def _check_rows(
    loaded: _Rubric, document: dict[str, Any], filename: str, juror_id: int, juror_code: str
) -> tuple[
    str, tuple[PackageScore, ...], tuple[PackageComment, ...], tuple[PackageSubmission, ...]
]:
    """Every row resolved to the chair's ids and checked by the same rules as a local edit."""
    problems: list[Problem] = []

    def add(found: Problem) -> None:
        problems.append(found)
        if len(problems) >= MAX_PROBLEMS:
            raise InputRejected(filename, problems)

    def problem(where: str, code: str, /, **params: object) -> None:
        add(Problem(code, params, Where(where)))

    created_at = document.get("created_at")
    if not isinstance(created_at, str):
        problem("created_at", ec.PACKAGE_NOT_TEXT)
        created_at = ""
    lists: list[list[Any]] = []
    for name in ("scores", "comments", "submissions"):
        rows = document.get(name)
        if not isinstance(rows, list):
            raise InputRejected(filename, [Problem(ec.PACKAGE_NOT_LIST, {}, Where(name))])
        lists.append(rows)
    scores_in, comments_in, submissions_in = lists
    entries, stages, rubric = loaded.entries, loaded.stages, loaded.rubric
    entry_codes = {eid: code for code, eid in entries.items()}
    eligibility = loaded.eligibility
    entry_id: int | None
    stage_id: int | None

    # A juror's package repeats each entry per criterion and each value many times: the rules
    # answer once per (entry, stage), and below once per (criterion, value) and revision.
    eligible: dict[tuple[int, int], rules.Problem | None] = {}

    def entry_problem(where: str, entry_id: int, stage_id: int, stage_code: str) -> bool:
        key = (entry_id, stage_id)
        if key not in eligible:
            names = {"juror": juror_code, "entry": entry_codes[entry_id], "stage": stage_code}
            eligible[key] = rules.eligibility_problem(
                eligibility, juror_id, entry_id, stage_id, names
            )
        return broken(where, eligible[key])

    def broken(where: str, found: rules.Problem | None) -> bool:
        """Note a rule's problem in this package's words; True when there was one."""
        if found is not None:
            add(found.at(Where(where)))
        return found is not None

    scores: list[PackageScore] = []
    seen_cells: set[tuple[int, int]] = set()
    revisions: dict[int, rules.Problem | None] = {}  # each revision number checked once
    # (stage, criterion, value text) -> (value, canonical text, the rules' problem or None)
    values: dict[tuple[str, str, str], tuple[Decimal, str, rules.Problem | None]] = {}
    note_limit = rules.TEXT_LIMITS["note"]
    for i, row in enumerate(scores_in):
        where = f"scores[{i}]"
        fields = _fields(row, ("entry", "stage", "criterion", "note", "updated_at"), where, problem)
        if fields is None:
            continue
        entry_code, stage_code, crit_code, note, updated_at = fields
        where = f"score {entry_code}/{stage_code}/{crit_code}"
        revision = row.get("revision")
        if type(revision) is int:
            if revision not in revisions:
                revisions[revision] = rules.revision_problem(revision)
            found = revisions[revision]
        else:
            found = rules.revision_problem(revision)
        if broken(where, found):
            continue
        entry_id = entries.get(entry_code)
        crit = rubric.get((stage_code, crit_code))
        if entry_id is None:
            problem(where, ec.PACKAGE_UNKNOWN_ENTRY, entry=entry_code)
            continue
        if crit is None:
            problem(where, ec.PACKAGE_UNKNOWN_CRITERION, criterion=crit_code, stage=stage_code)
            continue
        crit_id, stage_id = crit[0], crit[1]
        raw = row.get("value")
        value: Decimal | None = None
        text: str | None = None
        if raw is not None:
            known = values.get((stage_code, crit_code, raw)) if isinstance(raw, str) else None
            if known is None:
                if not isinstance(raw, str) or not _DECIMAL_TEXT.fullmatch(raw):
                    # A package writes values as canonical decimal text: anything else is not one.
                    broken(where, rules.Problem(rules.VALUE_NOT_NUMBER, {"text": str(raw)}))
                    continue
                number = Decimal(raw)
                known = (number, decimal_text(number), rules.value_problem(number, *crit[2:]))
                values[stage_code, crit_code, raw] = known
            value, text, found = known
            if broken(where, found):
                continue
        if len(note) > note_limit and broken(where, rules.text_problem("note", note)):
            continue
        if entry_problem(where, entry_id, stage_id, stage_code):
            continue
        if (entry_id, crit_id) in seen_cells:
            problem(where, ec.PACKAGE_SCORE_TWICE)
            continue
        seen_cells.add((entry_id, crit_id))
        scores.append(
            PackageScore(
                entry_id,
                crit_id,
                entry_code,
                stage_code,
                crit_code,
                value,
                text,
                note,
                revision,
                updated_at,
            )
        )

    comments: list[PackageComment] = []
    seen_comments: set[tuple[int, int]] = set()
    for i, row in enumerate(comments_in):
        fields = _fields(row, ("entry", "stage", "text", "updated_at"), f"comments[{i}]", problem)
        if fields is None:
            continue
        entry_code, stage_code, text, updated_at = fields
        where = f"comment {entry_code}/{stage_code}"
        revision = row.get("revision")
        entry_id = entries.get(entry_code)
        stage_id = stages.get(stage_code)
        if broken(where, rules.revision_problem(revision)) or broken(
            where, rules.text_problem("comment", text)
        ):
            pass
        elif entry_id is None:
            problem(where, ec.PACKAGE_UNKNOWN_ENTRY, entry=entry_code)
        elif stage_id is None:
            problem(where, ec.PACKAGE_UNKNOWN_STAGE, stage=stage_code)
        elif entry_problem(where, entry_id, stage_id, stage_code):
            pass
        elif (entry_id, stage_id) in seen_comments:
            problem(where, ec.PACKAGE_COMMENT_TWICE)
        else:
            seen_comments.add((entry_id, stage_id))
            comments.append(
                PackageComment(
                    entry_id, stage_id, entry_code, stage_code, text, revision, updated_at
                )
            )

    submissions: list[PackageSubmission] = []
    seen_stages: set[int] = set()
    for i, row in enumerate(submissions_in):
        fields = _fields(row, ("stage", "updated_at"), f"submissions[{i}]", problem)
        if fields is None:
            continue
        stage_code, updated_at = fields
        where = f"submission {stage_code}"
        revision = row.get("revision")
        submitted = row.get("submitted")
        stage_id = stages.get(stage_code)
        if broken(where, rules.revision_problem(revision)):
            pass
        elif not isinstance(submitted, bool):
            problem(where, ec.PACKAGE_SUBMITTED_BOOL)
        elif stage_id is None:
            problem(where, ec.PACKAGE_UNKNOWN_STAGE, stage=stage_code)
        elif stage_id in seen_stages:
            problem(where, ec.PACKAGE_STAGE_TWICE)
        else:
            seen_stages.add(stage_id)
            submissions.append(
                PackageSubmission(stage_id, stage_code, submitted, revision, updated_at)
            )

    if problems:
        raise InputRejected(filename, problems)
    return created_at, tuple(scores), tuple(comments), tuple(submissions)


def _fields(
    row: object, names: tuple[str, ...], where: str, problem: Any
) -> tuple[str, ...] | None:
    """The named text fields of a row, or None (after noting the problem) when any is not text."""
    if not isinstance(row, dict):
        problem(where, ec.PACKAGE_NOT_OBJECT)
        return None
    values = tuple(row.get(name) for name in names)
    for name, value in zip(names, values, strict=True):
        if not isinstance(value, str):
            problem(where, ec.PACKAGE_FIELD_NOT_TEXT, name=name)
            return None
    return values  # type: ignore[return-value]
