"""`kolabik check`'s proofs: the audit log replayed against the tables, juror signatures, anchors.

``prove(db)`` checks a chair's event file on its own:
- it replays the audit log (score.set, comment.set, stage.submit/reopen, and the setup actions
  that rename or delete jurors, entries, stages and criteria) and compares the result with the
  score, comment and submission tables: a row that differs, was added or is missing is named;
- it re-verifies every kept juror-signed package (Ed25519 and the kit's HMAC, against the key the
  event trusts for that juror) and checks that every score the log attributes to such a package
  is in it;
- each signed package carries the chair's audit head from when the juror's kit was made (an
  anchor): the log must still hold that row, so a log rewritten (re-hashed) before it is found.

``check_against(db, path)`` compares the event with a file made earlier: a report PDF (its audit
head and fingerprint), a backup or copy of the event file (its audit log must be a prefix of the
event's), or a juror's score package (every row of it must be in the event's history).

What the file alone cannot prove, and why, is written in the README ("Keeping the jury's data
safe"). Findings are structured (code, where, params); the CLI words them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import InputRejected, KolabikError
from kolabik_desktop.core.exchange import signing
from kolabik_desktop.core.exchange.packages import (
    MAX_PACKAGE_BYTES,
    canonical_bytes,
    verify_package_bytes,
)
from kolabik_desktop.core.files import read_regular_file
from kolabik_desktop.core.scoring.problem_text import EMPTY_VALUE, place_text
from kolabik_desktop.core.store import audit, dialect
from kolabik_desktop.core.store.backup import audit_trail_of_file, kit_anchor_of_file
from kolabik_desktop.core.store.db import EventDB
from kolabik_desktop.core.store.models import (
    AuditLog,
    Comment,
    Criterion,
    Entry,
    Juror,
    PackageReceipt,
    Score,
    Stage,
    Submission,
)

CHAIR = "chair"
# Written into every report PDF's keywords (core/reports/layout.py) and read back by --against.
PDF_HEAD_MARK = "kolabik-audit-head:"
PDF_FINGERPRINT_MARK = "kolabik-fingerprint:"
_PDF_HEAD = re.compile(rb"kolabik-audit-head:([0-9a-f]{64})")
_PDF_FINGERPRINT = re.compile(rb"kolabik-fingerprint:([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})")

CellKey = tuple[str, str, str, str]  # juror, entry, stage, criterion codes
ScoreState = tuple[str | None, str, int]  # canonical value text, note, revision


@dataclass(frozen=True)
class Finding:
    """One thing the proof found; ``code`` names the kind, ``params`` the details to word."""

    code: str
    where: str  # in English (the CLI's words); ``place`` says it for any language
    params: tuple[tuple[str, str], ...] = ()
    # The place's kind and parameters (problem_text.PLACE_TEXTS), e.g. (("kind", "score"),
    # ("juror", "J1"), ...); empty when ``where`` is a file's name, the same in every language.
    place: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str:
        return dict(self.params).get(name, "")


Place = tuple[tuple[str, str], ...]


def _place(kind: str, **params: str) -> Place:
    return (("kind", kind), *params.items())


def _finding(code: str, where: str | Place, **params: object) -> Finding:
    values = tuple((k, "" if v is None else str(v)) for k, v in params.items())
    if isinstance(where, str):
        return Finding(code, where, values)
    return Finding(code, place_text(where, "en"), values, where)


@dataclass
class Proof:
    """What ``prove`` found, with the counts the CLI prints when all is well."""

    findings: list[Finding] = field(default_factory=list)
    applicable: bool = True  # False for a juror kit: its log starts when it was cut
    replayed_rows: int = 0
    juror_signed: int = 0  # scores re-verified against a juror's own signature
    chair_entries: int = 0  # scores the chair entered on a juror's behalf
    unsigned: int = 0  # other scores: old-format packages, workbook or demo data
    signed_packages: int = 0
    anchors: int = 0  # signed anchors of the chair's log found intact
    head: str = ""  # the audit head (hash of the last row)
    rows: int = 0  # audit rows


def canonical_value(value: object) -> str | None:
    """Canonical decimal text of a logged or stored value ('85.0' -> '85'); None stays None."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    text = format(number.normalize(), "f") if number == number.to_integral() else str(number)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _json(text: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


# ---------------------------------------------------------------------------------------------
# Replay
# ---------------------------------------------------------------------------------------------


@dataclass
class Replay:
    """The tables as the audit log says they must be."""

    scores: dict[CellKey, ScoreState] = field(default_factory=dict)
    # Every state each cell has had, in order (for --against a package).
    history: dict[CellKey, list[ScoreState]] = field(default_factory=dict)
    last: dict[CellKey, tuple[str, str]] = field(default_factory=dict)  # (actor, source)
    comments: dict[tuple[str, str, str], tuple[str, int]] = field(default_factory=dict)
    submissions: dict[tuple[str, str], tuple[bool, int]] = field(default_factory=dict)
    # Event-workbook imports made before bulk rows itemised their cells log one summary row,
    # not a row per score: (time, scores). An import that wrote a cells.bulk row is not one.
    workbook_imports: list[tuple[str, int]] = field(default_factory=list)
    bulk_times: set[str] = field(default_factory=set)
    # Bulk rows whose itemised cells cannot be read back (row number, as counted from 1).
    unreadable_bulk: list[int] = field(default_factory=list)
    # Every key the event has trusted, per juror code as logged (juror.key rows).
    keys: list[tuple[str, str]] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    rows: int = 0
    # Code renames seen (juror 0, entry 1, stage 2, criterion 3): old code -> today's code, so
    # that a package signed before a rename still matches the renamed cells.
    renames: dict[int, dict[str, str]] = field(default_factory=lambda: {0: {}, 1: {}, 2: {}, 3: {}})

    def today(self, key: CellKey) -> CellKey:
        j, e, st, c = (self.renames[i].get(code, code) for i, code in enumerate(key))
        return (j, e, st, c)

    def renamed(self, index: int, old: str, new: str) -> None:
        names = self.renames[index]
        for earlier, now in names.items():
            if now == old:
                names[earlier] = new
        names[old] = new


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def replay(s: Session) -> Replay:
    r = Replay()
    query = select(
        AuditLog.actor,
        AuditLog.action,
        AuditLog.source,
        AuditLog.subject,
        AuditLog.new,
        AuditLog.hash,
        AuditLog.at,
    ).order_by(AuditLog.id)
    for actor, action, source, subject_text, new_text, h, at in s.execute(query):
        r.rows += 1
        r.hashes.append(h)
        subject, new = _dict(_json(subject_text)), _dict(_json(new_text))
        _apply(r, actor, action, source, subject, new, at)
    return r


def _apply(
    r: Replay,
    actor: str,
    action: str,
    source: str,
    subject: dict[str, Any],
    new: dict[str, Any],
    at: str,
) -> None:
    juror, entry, stage = subject.get("juror"), subject.get("entry"), subject.get("stage")
    if action == "score.set":
        key = (str(juror), str(entry), str(stage), str(subject.get("criterion")))
        state = (
            canonical_value(new.get("value")),
            str(new.get("note", "")),
            _int(new.get("revision")),
        )
        r.scores[key] = state
        r.history.setdefault(key, []).append(state)
        r.last[key] = (actor, source)
    elif action == "score.remove":
        crit = subject.get("criterion")
        for key in [k for k in r.scores if (k[0], k[1], k[3]) == (juror, entry, crit)]:
            del r.scores[key]
    elif action == "comment.set":
        r.comments[(str(juror), str(entry), str(stage))] = (
            str(new.get("text", "")),
            _int(new.get("revision")),
        )
    elif action in ("stage.submit", "stage.reopen"):
        r.submissions[(str(juror), str(stage))] = (
            bool(new.get("submitted", action == "stage.submit")),
            _int(new.get("revision")),
        )
    elif action == audit.BULK_ACTION:
        _apply_bulk(r, actor, source, new, at)
    elif action == "workbook.import":
        if at not in r.bulk_times:
            r.workbook_imports.append((at, _int(new.get("scores"))))
    elif action == "juror.key" and isinstance(new.get("public_key"), str):
        r.keys.append((str(juror), new["public_key"]))
    else:
        _apply_setup(r, action, subject, new)


def _apply_bulk(r: Replay, actor: str, source: str, new: dict[str, Any], at: str) -> None:
    """A bulk write's row: every score and comment cell it wrote, replayed one by one."""
    r.bulk_times.add(at)
    cells = audit.bulk_cells(new)
    if cells is None:
        r.unreadable_bulk.append(r.rows)
        return
    scores, comments = cells
    # Counted as unsigned data (like a workbook's), not as the chair's entries for a juror.
    written = ("", source)
    for juror, entry, stage, criterion, value, note, revision in scores:
        key = (str(juror), str(entry), str(stage), str(criterion))
        state = (canonical_value(value), str(note), _int(revision))
        r.scores[key] = state
        r.history.setdefault(key, []).append(state)
        r.last[key] = written
    for juror, entry, stage, text_, revision in comments:
        r.comments[(str(juror), str(entry), str(stage))] = (str(text_), _int(revision))


def _apply_setup(r: Replay, action: str, subject: dict[str, Any], new: dict[str, Any]) -> None:
    """Setup actions that rename or delete what cells are keyed by."""
    position = {"juror.": 0, "entry.": 1, "stage.": 2}
    kind = next((k for k in position if action.startswith(k)), None)
    if action == "rubric.update":
        stage = subject.get("stage")
        renamed = _dict(new.get("renamed"))
        for was, now in renamed.items():
            r.renamed(3, str(was), str(now))
        kept = {c.get("code") for c in new.get("criteria", []) if isinstance(c, dict)}
        for key in [k for k in r.scores if k[2] == stage]:
            code = renamed.get(key[3], key[3])
            _move(r, key, (key[0], key[1], key[2], code) if code in kept else None)
        return
    if kind is None or action.split(".", 1)[1] not in ("update", "delete"):
        return
    old_code = subject.get(kind.rstrip("."))
    new_code = new.get("code") if action.endswith(".update") else None
    if action.endswith(".update") and (not new_code or new_code == old_code):
        return
    i = position[kind]
    if new_code:
        r.renamed(i, str(old_code), str(new_code))
    # Submissions are keyed (juror, stage): the stage is their second code.
    tables: list[tuple[dict[Any, Any], int]] = [(r.scores, i), (r.comments, i)]
    tables += [(r.history, i), (r.last, i)]
    if i != 1:
        tables.append((r.submissions, 0 if i == 0 else 1))
    for table, index in tables:
        for key in [k for k in table if k[index] == old_code]:
            value = table.pop(key)
            if new_code:
                table[(*key[:index], new_code, *key[index + 1 :])] = value


def _move(r: Replay, key: CellKey, to: CellKey | None) -> None:
    state = r.scores.pop(key)
    if to is not None:
        r.scores[to] = state
    _move_extras(r, key, to)


def _move_extras(r: Replay, key: CellKey, to: Any) -> None:
    history, last = r.history.pop(key, []), r.last.pop(key, None)
    if to is not None:
        r.history[to] = history
        if last is not None:
            r.last[to] = last


# ---------------------------------------------------------------------------------------------
# The tables
# ---------------------------------------------------------------------------------------------


def _table_scores(s: Session) -> dict[CellKey, tuple[ScoreState, str]]:
    """Every score row by codes: (value text, note, revision) and its updated_at."""
    rows = s.execute(
        select(
            Juror.code,
            Entry.code,
            Stage.code,
            Criterion.code,
            type_coerce(Score.value, String()),
            Score.note,
            Score.revision,
            Score.updated_at,
        )
        .join(Juror, Juror.id == Score.juror_id)
        .join(Entry, Entry.id == Score.entry_id)
        .join(Criterion, Criterion.id == Score.criterion_id)
        .join(Stage, Stage.id == Criterion.stage_id)
    )
    return {
        (j, e, st, c): ((canonical_value(v), note or "", rev), at)
        for j, e, st, c, v, note, rev, at in rows
    }


def _where(key: CellKey) -> Place:
    return _place("score", juror=key[0], entry=key[1], stage=key[2], criterion=key[3])


def _state_params(prefix: str, state: ScoreState) -> dict[str, object]:
    value, note, revision = state
    return {
        f"{prefix}value": value or EMPTY_VALUE,
        f"{prefix}note": note,
        f"{prefix}revision": revision,
    }


def _compare_scores(
    r: Replay, table: dict[CellKey, tuple[ScoreState, str]], out: list[Finding]
) -> None:
    # Legacy workbook imports: a cell the log does not itemise is accounted for when it was
    # written by one (revision 1 at that import's time), up to the number that import logged.
    allowance = {at: count for at, count in r.workbook_imports}
    for key in sorted(table.keys() | r.scores.keys()):
        stored, logged = table.get(key), r.scores.get(key)
        if stored is not None and logged is None:
            state, at = stored
            if state[2] == 1 and allowance.get(at, 0) > 0:
                allowance[at] -= 1
                continue
            out.append(_finding("score.added", _where(key), **_state_params("", state)))
        elif stored is None and logged is not None:
            out.append(_finding("score.missing", _where(key), **_state_params("", logged)))
        elif stored is not None and logged is not None and stored[0] != logged:
            out.append(
                _finding(
                    "score.differs",
                    _where(key),
                    **_state_params("", stored[0]),
                    **_state_params("logged_", logged),
                )
            )


def _compare_comments(s: Session, r: Replay, out: list[Finding]) -> None:
    rows = s.execute(
        select(
            Juror.code, Entry.code, Stage.code, Comment.text, Comment.revision, Comment.updated_at
        )
        .join(Juror, Juror.id == Comment.juror_id)
        .join(Entry, Entry.id == Comment.entry_id)
        .join(Stage, Stage.id == Comment.stage_id)
    )
    table = {(j, e, st): ((text, rev), at) for j, e, st, text, rev, at in rows}
    workbook_times = {at for at, _n in r.workbook_imports}
    for key in sorted(table.keys() | r.comments.keys()):
        stored, logged = table.get(key), r.comments.get(key)
        where = _place("comment", juror=key[0], entry=key[1], stage=key[2])
        if stored is not None and logged is None:
            if stored[0][1] == 1 and stored[1] in workbook_times:
                continue
            out.append(_finding("comment.added", where, text=stored[0][0]))
        elif stored is None and logged is not None:
            out.append(_finding("comment.missing", where, text=logged[0]))
        elif stored is not None and logged is not None and stored[0] != logged:
            out.append(_finding("comment.differs", where, text=stored[0][0], logged_text=logged[0]))


def _compare_submissions(s: Session, r: Replay, out: list[Finding]) -> None:
    rows = s.execute(
        select(Juror.code, Stage.code, Submission.submitted, Submission.revision)
        .join(Juror, Juror.id == Submission.juror_id)
        .join(Stage, Stage.id == Submission.stage_id)
    )
    table = {(j, st): (bool(sub), rev) for j, st, sub, rev in rows}
    for key in sorted(table.keys() | r.submissions.keys()):
        stored, logged = table.get(key), r.submissions.get(key)
        where = _place("submission", juror=key[0], stage=key[1])
        if stored is not None and logged is None:
            out.append(_finding("submission.added", where, submitted=stored[0]))
        elif stored is None and logged is not None:
            out.append(_finding("submission.missing", where, submitted=logged[0]))
        elif stored is not None and logged is not None and stored != logged:
            out.append(_finding("submission.differs", where, submitted=stored[0], logged=logged[0]))


# ---------------------------------------------------------------------------------------------
# Signatures
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Signed:
    filename: str
    juror: str
    states: frozenset[tuple[CellKey, ScoreState]]
    anchor: str


def _signed_document(
    data: bytes, trusted: set[str], secret: bytes | None
) -> tuple[dict[str, Any] | None, str]:
    """The parsed document when both signatures hold under a key the event trusted (hex)."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None, "not readable"
    if not isinstance(document, dict) or not isinstance(document.get("signature"), dict):
        return None, "not signed"
    signature, body = document["signature"], canonical_bytes(document)
    key = document.get("juror_key")
    if not trusted:
        return None, "the event trusts no key for the juror"
    if not isinstance(key, str) or key not in trusted:
        return None, "signed by a key the event never trusted for the juror"
    if not signing.verify_bytes(bytes.fromhex(key), body, str(signature.get("value", ""))):
        return None, "the juror's signature does not match"
    if secret is not None:
        mac = hmac.new(secret, body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(mac, str(signature.get("hmac", ""))):
            return None, "the kit's signature does not match"
    if not isinstance(document.get("juror"), str):
        return None, "names no juror"
    return document, ""


def _states_of(
    document: dict[str, Any], juror: str, r: Replay
) -> frozenset[tuple[CellKey, ScoreState]]:
    """The signed rows, keyed by today's codes (``juror`` is today's code of the signer)."""
    states = set()
    for row in document.get("scores", []):
        if isinstance(row, dict):
            signed = ("", str(row.get("entry")), str(row.get("stage")), str(row.get("criterion")))
            key = (juror, *r.today(signed)[1:])
            state = (
                canonical_value(row.get("value")),
                str(row.get("note", "")),
                _int(row.get("revision")),
            )
            states.add((key, state))
    return frozenset(states)


def _check_signed(s: Session, proof: Proof, r: Replay, table: dict[CellKey, Any]) -> None:
    jurors = {j.id: (j.code, j.public_key, j.secret_key) for j in s.scalars(select(Juror))}
    ever: dict[str, set[str]] = {}
    for logged_code, hex_key in r.keys:
        ever.setdefault(r.renames[0].get(logged_code, logged_code), set()).add(hex_key)
    signed: list[_Signed] = []
    receipts: dict[str, bool] = {}  # file name -> kept a signed document
    rows = s.execute(
        select(
            PackageReceipt.juror_id,
            PackageReceipt.filename,
            PackageReceipt.sha256,
            PackageReceipt.document,
        ).order_by(PackageReceipt.id)
    )
    for juror_id, filename, sha, data in rows:
        receipts[filename] = receipts.get(filename, False) or data is not None
        if data is None:
            continue
        code, trusted, secret = jurors.get(juror_id, ("?", None, None))
        where = _place("package", package=filename, juror=code)
        if hashlib.sha256(data).hexdigest() != sha:
            proof.findings.append(_finding("package.altered", where))
            continue
        keys = ever.get(code, set()) | ({trusted.hex()} if trusted else set())
        document, why = _signed_document(data, keys, secret)
        if document is None:
            proof.findings.append(_finding("package.bad_signature", where, reason=why))
            continue
        proof.signed_packages += 1
        anchor = document.get("chair_audit_head")
        signed.append(_Signed(filename, code, _states_of(document, code, r), str(anchor or "")))
    known = set(r.hashes)
    for item in signed:
        if not item.anchor:
            continue
        if item.anchor in known:
            proof.anchors += 1
        else:
            proof.findings.append(
                _finding(
                    "anchor.missing",
                    f"signed package {item.filename} of juror {item.juror}",
                    head=item.anchor,
                )
            )
    by_juror: dict[str, set[tuple[CellKey, ScoreState]]] = {}
    for item in signed:
        by_juror.setdefault(item.juror, set()).update(item.states)
    for key, (state, _at) in table.items():
        if (key, state) in by_juror.get(key[0], ()):
            proof.juror_signed += 1
            continue
        actor, source = r.last.get(key, ("", ""))
        if actor == CHAIR:
            proof.chair_entries += 1
        elif receipts.get(source):
            # The log says a kept juror-signed package wrote this cell, but it holds no such row.
            proof.findings.append(
                _finding(
                    "score.not_signed", _where(key), package=source, **_state_params("", state)
                )
            )
        elif source in receipts or not source.endswith(".kolabik-scores"):
            proof.unsigned += 1
        else:
            proof.findings.append(_finding("score.no_receipt", _where(key), package=source))


# ---------------------------------------------------------------------------------------------
# prove
# ---------------------------------------------------------------------------------------------


def prove(db: EventDB) -> Proof:
    """Replay, compare and verify a chair's event file (a kit has no log of its past to replay)."""
    proof = Proof()
    if db.kind != "event":
        proof.applicable = False
        return proof
    with db.session() as s:
        # The log and the tables are compared: read both as of one moment, or a chair's write
        # committed on a server between the two reads looks like an edit behind the program's back.
        dialect.one_snapshot(s)
        r = replay(s)
        table = _table_scores(s)
        for row in r.unreadable_bulk:
            proof.findings.append(
                _finding("audit.bulk_unreadable", _place("audit_row", row=str(row)))
            )
        _compare_scores(r, table, proof.findings)
        _compare_comments(s, r, proof.findings)
        _compare_submissions(s, r, proof.findings)
        _check_signed(s, proof, r, table)
    proof.replayed_rows = proof.rows = r.rows
    proof.head = r.hashes[-1] if r.hashes else ""
    return proof


def audit_head(db: EventDB) -> tuple[str, int]:
    """The hash of the last audit row ('' when the log is empty) and the number of rows."""
    from sqlalchemy import func

    with db.session() as s:
        head = s.scalar(select(AuditLog.hash).order_by(AuditLog.id.desc()).limit(1)) or ""
        rows = s.scalar(select(func.count()).select_from(AuditLog)) or 0
    return head, rows


# ---------------------------------------------------------------------------------------------
# --against FILE
# ---------------------------------------------------------------------------------------------


@dataclass
class Against:
    """What comparing the event with an earlier file found."""

    kind: str  # "report", "backup", "kit", "package"
    findings: list[Finding] = field(default_factory=list)
    head: str = ""  # the audit head the file certifies
    rows_since: int = 0  # audit rows written after it
    fingerprint: str = ""  # the fingerprint the file certifies (reports)
    same_data: bool = False  # the event's fingerprint is still the report's


MAX_AGAINST_BYTES = 4 * 1024 * 1024 * 1024  # a report, backup or package; a bound, not a limit


def check_against(db: EventDB, path: str | Path) -> Against:
    path = Path(path)
    # A regular file only: a FIFO or a device named here is refused at once, never read.
    start = read_regular_file(path, MAX_AGAINST_BYTES, "file to compare", first=16)
    if start.startswith(b"%PDF"):
        return _against_report(db, path)
    if start.startswith(b"SQLite format 3\x00"):
        return _against_backup(db, path)
    if start.lstrip().startswith(b"{"):
        return _against_package(db, path)
    raise KolabikError.coded(ec.AGAINST_UNKNOWN_FILE, path=str(path))


def _log_hashes(db: EventDB) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(AuditLog.hash).order_by(AuditLog.id)))


def _against_report(db: EventDB, path: Path) -> Against:
    from kolabik_desktop.core.reports.fingerprint import fingerprint

    data = read_regular_file(path, MAX_AGAINST_BYTES, "report")
    head, printed = _PDF_HEAD.search(data), _PDF_FINGERPRINT.search(data)
    if head is None or printed is None:
        raise KolabikError.coded(ec.AGAINST_NO_HEAD, file=path.name)
    result = Against("report", head=head.group(1).decode(), fingerprint=printed.group(1).decode())
    hashes = _log_hashes(db)
    now = fingerprint(db)
    result.same_data = now == result.fingerprint
    if result.head == "0" * 64:
        result.rows_since = len(hashes)
    elif result.head not in hashes:
        result.findings.append(_finding("against.head_missing", path.name, head=result.head))
        return result
    else:
        result.rows_since = len(hashes) - 1 - hashes.index(result.head)
    if result.rows_since == 0 and not result.same_data:
        # Nothing was logged since the report, yet the data it was computed from changed.
        result.findings.append(
            _finding("against.changed_unlogged", path.name, then=result.fingerprint, now=now)
        )
    return result


def _against_backup(db: EventDB, path: Path) -> Against:
    uid, theirs = audit_trail_of_file(path)
    if uid != db.uid:
        raise KolabikError.coded(ec.AGAINST_OTHER_EVENT, file=path.name)
    ours = _log_hashes(db)
    anchor = kit_anchor_of_file(path)
    if anchor is not None:
        # A juror kit: its own log starts when it was made; it certifies the chair's log up to
        # the head it was made at, which the event's log must still hold.
        kit = Against("kit", head=anchor)
        if anchor not in ours:
            kit.findings.append(_finding("against.head_missing", path.name, head=anchor))
        else:
            kit.rows_since = len(ours) - 1 - ours.index(anchor)
        return kit
    result = Against("backup", head=theirs[-1] if theirs else "")
    for i, h in enumerate(theirs):
        if i >= len(ours) or ours[i] != h:
            result.findings.append(
                _finding("against.log_diverges", path.name, row=i + 1, rows=len(theirs))
            )
            return result
    result.rows_since = len(ours) - len(theirs)
    return result


def _against_package(db: EventDB, path: Path) -> Against:
    data = read_regular_file(path, MAX_PACKAGE_BYTES, "score package")
    result = Against("package")
    try:
        package = verify_package_bytes(data, path.name, db)
    except InputRejected as rejection:
        for problem in rejection.problems:
            result.findings.append(_finding("against.package_refused", path.name, reason=problem))
        return result
    with db.session() as s:
        r = replay(s)
        receipt = s.execute(
            select(PackageReceipt.id, PackageReceipt.document).where(
                PackageReceipt.sha256 == package.sha256
            )
        ).first()
    result.head = package.chair_audit_head
    if package.chair_audit_head and package.chair_audit_head not in set(r.hashes):
        result.findings.append(
            _finding("against.head_missing", path.name, head=package.chair_audit_head)
        )
    if receipt is None:
        result.findings.append(_finding("against.not_imported", path.name))
    elif package.juror_signed and receipt[1] != data:
        result.findings.append(_finding("against.copy_not_kept", path.name))
    for row in package.scores:
        key = (package.juror_code, row.entry_code, row.stage_code, row.criterion_code)
        state = (canonical_value(row.value_text), row.note, row.revision)
        result.findings.extend(_history_finding(key, state, r.history.get(key, []), path.name))
    return result


def _history_finding(
    key: CellKey, state: ScoreState, history: list[ScoreState], source: str
) -> Iterator[Finding]:
    if state in history:
        return
    same_revision = [h for h in history if h[2] == state[2]]
    if same_revision:
        yield _finding(
            "against.score_forged",
            _where(key),
            package=source,
            **_state_params("", state),
            **_state_params("logged_", same_revision[-1]),
        )
    elif not any(h[2] > state[2] for h in history):
        yield _finding(
            "against.score_missing", _where(key), package=source, **_state_params("", state)
        )
