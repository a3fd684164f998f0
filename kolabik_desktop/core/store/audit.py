"""The append-only audit log, hash-chained so that any later edit of a row is detectable.

Each row's hash is SHA-256 over the previous row's hash and this row's fields in canonical JSON.
``verify_chain`` recomputes the chain; ``kolabik check`` reports the first row that does not match.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from collections.abc import Callable, Iterable
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from kolabik_desktop.core.store.models import AuditLog

GENESIS = "0" * 64


# One encoder for every call: json.dumps builds a new one per call when given options.
_CANONICAL = json.JSONEncoder(
    sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
)


def _c_canonical() -> Any:
    """The C encoder behind ``_CANONICAL``, made once (``JSONEncoder.encode`` makes one per
    call: a tenth of a 10,000-score import went to that). Same options, same output; None
    where the C accelerator is missing."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    return make(
        None,  # no circular-reference check: audit fields are plain data
        _CANONICAL.default,
        json.encoder.encode_basestring,  # ensure_ascii=False
        None,
        _CANONICAL.key_separator,
        _CANONICAL.item_separator,
        True,  # sort_keys
        False,  # skipkeys
        True,  # allow_nan
    )


_C_CANONICAL = _c_canonical()


def canonical_json(value: Any) -> str:
    if _C_CANONICAL is None or isinstance(value, str):
        return _CANONICAL.encode(value)
    return "".join(_C_CANONICAL(value, 0))


def _row_hash(
    prev_hash: str,
    at: str,
    actor: str,
    action: str,
    source: str,
    subject: str,
    old: str,
    new: str,
) -> str:
    payload = canonical_json([prev_hash, at, actor, action, source, subject, old, new])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def last_hash(session: Session) -> str:
    h = session.scalar(select(AuditLog.hash).order_by(AuditLog.id.desc()).limit(1))
    return h or GENESIS


def _record(
    prev: str, at: str, actor: str, action: str, source: str, subject: Any, old: Any, new: Any
) -> dict[str, str]:
    """One row's columns: subject, old and new as canonical JSON ("" for None), then the hash."""
    fields = {
        "at": at,
        "actor": actor,
        "action": action,
        "source": source,
        "subject": canonical_json(subject) if subject is not None else "",
        "old": canonical_json(old) if old is not None else "",
        "new": canonical_json(new) if new is not None else "",
    }
    return {**fields, "prev_hash": prev, "hash": _row_hash(prev, **fields)}


def append(
    session: Session,
    *,
    at: str,
    actor: str,
    action: str,
    source: str = "local",
    subject: Any = None,
    old: Any = None,
    new: Any = None,
    prev_hash: str | None = None,
) -> str:
    """Add one audit row in the caller's transaction and return its hash.

    Pass ``prev_hash`` (the hash this call returned last time) when appending many rows in one
    transaction, to avoid a query per row.
    """
    prev = prev_hash if prev_hash is not None else last_hash(session)
    record = _record(prev, at, actor, action, source, subject, old, new)
    session.add(AuditLog(**record))
    return record["hash"]


def append_many(session: Session, rows: Iterable[dict[str, Any]], prev_hash: str) -> str:
    """Add many audit rows (each a dict of append's keyword arguments) in one bulk insert.

    For imports of thousands of scores: one ORM object per row costs more than the import.
    Returns the hash of the last row (``prev_hash`` when there are none).
    """
    records = []
    prev = prev_hash
    for row in rows:
        record = _record(
            prev,
            row["at"],
            row["actor"],
            row["action"],
            row.get("source", "local"),
            row.get("subject"),
            row.get("old"),
            row.get("new"),
        )
        records.append(record)
        prev = record["hash"]
    if records:
        # Core insert on the table: the ORM's bulk path costs more than the hashing.
        session.execute(insert(cast(Table, AuditLog.__table__)), records)
    return prev


# A bulk write's cells, itemised in one row (action BULK_ACTION): its "new" holds every score
# and comment cell written, as compressed canonical JSON, with the SHA-256 of that JSON. The row's
# hash covers it like any other field, so `kolabik check` replays the exact table cell by cell.
BULK_ACTION = "cells.bulk"
BULK_FORMAT = "zlib+base64 json"
# Rows of the record (codes, the canonical value text or None, the note, the revision):
ScoreItem = tuple[str, str, str, str, str | None, str, int]  # juror, entry, stage, criterion
CommentItem = tuple[str, str, str, str, int]  # juror, entry, stage, text, revision

_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def bulk_new(scores: list[ScoreItem], comments: list[CommentItem]) -> dict[str, Any]:
    """The "new" field of a BULK_ACTION row: the cells, compressed, and their count and hash."""
    data = _COMPACT.encode({"scores": scores, "comments": comments}).encode("utf-8")
    return {
        "format": BULK_FORMAT,
        "scores": len(scores),
        "comments": len(comments),
        "sha256": hashlib.sha256(data).hexdigest(),
        "cells": base64.b64encode(zlib.compress(data, 1)).decode("ascii"),
    }


def bulk_cells(new: dict[str, Any]) -> tuple[list[list[Any]], list[list[Any]]] | None:
    """The score and comment rows of a BULK_ACTION row's "new"; None when it cannot be read or
    its cells do not match its hash and counts."""
    try:
        if new.get("format") != BULK_FORMAT:
            return None
        data = zlib.decompress(base64.b64decode(str(new.get("cells", "")), validate=True))
        if hashlib.sha256(data).hexdigest() != new.get("sha256"):
            return None
        cells = json.loads(data.decode("utf-8"))
        scores, comments = cells["scores"], cells["comments"]
    except (ValueError, TypeError, KeyError, zlib.error, RecursionError):
        return None
    ok = isinstance(scores, list) and isinstance(comments, list)
    if not ok or len(scores) != new.get("scores") or len(comments) != new.get("comments"):
        return None
    if not all(isinstance(r, list) and len(r) == 7 for r in scores):
        return None
    if not all(isinstance(r, list) and len(r) == 5 for r in comments):
        return None
    return scores, comments


def verify_chain(session: Session) -> list[str]:
    """Problems found in the chain, as sentences naming the row id; empty when intact."""
    return [text for _row, text in chain_problems(session)]


def chain_problems(
    session: Session,
    *,
    progress: Callable[[int, int], None] | None = None,
    total: int = 0,
    every: int = 5000,
) -> list[tuple[int, str]]:
    """(row id, sentence) for every row that breaks the chain; ``progress(done, total)`` is
    called every ``every`` rows (it may raise to stop)."""
    problems: list[tuple[int, str]] = []
    prev = GENESIS
    rows = session.execute(
        select(
            AuditLog.id,
            AuditLog.at,
            AuditLog.actor,
            AuditLog.action,
            AuditLog.source,
            AuditLog.subject,
            AuditLog.old,
            AuditLog.new,
            AuditLog.prev_hash,
            AuditLog.hash,
        ).order_by(AuditLog.id)
    )
    for done, (row_id, at, actor, action, source, subject, old, new, prev_hash, h) in enumerate(
        rows, 1
    ):
        if prev_hash != prev:
            problems.append(
                (row_id, f"audit row {row_id}: does not follow the row before it (row removed?)")
            )
        expected = _row_hash(prev_hash, at, actor, action, source, subject, old, new)
        if expected != h:
            problems.append(
                (row_id, f"audit row {row_id}: its content was changed after it was written")
            )
        prev = h
        if progress is not None and done % every == 0:
            progress(done, total)
    return problems
