"""The audit log as ``kolabik audit`` and the window's audit view read it (``AuditLine``):
filtered pages, counts, the chain's state, and one row worded on one line (``line_text``).

Filters are set-based (one SQL query each, on a file or on the server): a juror's rows are the
rows that juror made (the actor) or that are about that juror (the subject's "juror"); an entry's
rows name the entry in the subject. The subject is canonical JSON (core/store/audit.py), so
``"juror":"J4"`` appears in it exactly when the subject's juror is J4 (never J40); it is found
with the database's exact substring function (instr in SQLite, strpos in PostgreSQL), never a
LIKE, which SQLite folds to lower case.

Pages are newest first, keyed by the row id (``before_id``): the next page costs the same at
row 100,000 as at row 1.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from kolabik_desktop.core.store import audit, dialect
from kolabik_desktop.core.store.db import EventDB
from kolabik_desktop.core.store.models import AuditLog, Entry, Juror
from kolabik_desktop.core.store.queries._session import Source, reading

PAGE_ROWS = 500
Fields = tuple[tuple[str, str], ...]
SUBJECT_KEYS = ("juror", "entry", "stage", "criterion")


@dataclass(frozen=True)
class AuditFilter:
    """Empty fields do not filter. ``since``/``until``: stored UTC times (ISO text), until
    excluded."""

    juror: str = ""
    entry: str = ""
    action: str = ""
    since: str = ""
    until: str = ""


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: str  # UTC, as stored: 2026-11-30T09:15:02.123456Z
    actor: str  # a juror's code, "chair", "system"
    action: str  # score.set, stage.submit, rubric.update, ...
    source: str  # "local", a package's file name
    juror: str
    entry: str
    stage: str
    criterion: str
    other: str  # the rest of the subject, "key=value, ..."
    old: Fields  # the value before: (field, value) pairs, value first; () when none
    new: Fields

    def old_text(self, names: Mapping[str, str] | None = None) -> str:
        return fields_text(self.old, names)

    def new_text(self, names: Mapping[str, str] | None = None) -> str:
        return fields_text(self.new, names)


@dataclass(frozen=True)
class AuditChoices:
    """What the filters offer: the event's jurors and entries (codes) and the logged actions."""

    jurors: tuple[str, ...]
    entries: tuple[str, ...]
    actions: tuple[str, ...]


@dataclass(frozen=True)
class ChainState:
    """The hash chain: intact, or broken at the first row that does not match."""

    rows: int
    head: str  # the hash of the last row ("" when the log is empty)
    broken_at: int | None  # the id of the first row that breaks the chain
    problems: tuple[str, ...]

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def _contains(session: Session, column: Any, text: str) -> ColumnElement[bool]:
    """An exact, case-sensitive substring test in the event's database."""
    return dialect.contains(session.get_bind().dialect.name, column, text)


def _subject_pair(key: str, code: str) -> str:
    """How ``{"key": code}`` appears inside a canonical-JSON subject."""
    return audit.canonical_json({key: code})[1:-1]


def _where(session: Session, f: AuditFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if f.juror:
        clauses.append(
            or_(
                AuditLog.actor == f.juror,
                _contains(session, AuditLog.subject, _subject_pair("juror", f.juror)),
            )
        )
    if f.entry:
        clauses.append(_contains(session, AuditLog.subject, _subject_pair("entry", f.entry)))
    if f.action:
        clauses.append(AuditLog.action == f.action)
    if f.since:
        clauses.append(AuditLog.at >= f.since)
    if f.until:
        clauses.append(AuditLog.at < f.until)
    return clauses


_COLUMNS = (
    AuditLog.id,
    AuditLog.at,
    AuditLog.actor,
    AuditLog.action,
    AuditLog.source,
    AuditLog.subject,
    AuditLog.old,
    AuditLog.new,
)


def _select(session: Session, f: AuditFilter) -> Select[int, str, str, str, str, str, str, str]:
    return select(*_COLUMNS).where(and_(True, *_where(session, f)))


def audit_page(
    db: EventDB, f: AuditFilter, *, before_id: int | None = None, limit: int = PAGE_ROWS
) -> tuple[AuditLine, ...]:
    """Up to ``limit`` rows that pass the filter, newest first, older than ``before_id``."""
    with db.session() as s:
        query = _select(s, f)
        if before_id is not None:
            query = query.where(AuditLog.id < before_id)
        rows = s.execute(query.order_by(AuditLog.id.desc()).limit(limit)).all()
    return tuple(_row(*r) for r in rows)


def audit_count(db: EventDB, f: AuditFilter) -> int:
    """How many rows pass the filter."""
    with db.session() as s:
        query = select(func.count()).select_from(AuditLog).where(and_(True, *_where(s, f)))
        return int(s.scalar(query) or 0)


def filtered_lines(db: EventDB, f: AuditFilter, *, batch: int = 5000) -> Iterator[AuditLine]:
    """Every row that passes the filter, oldest first (for an export), read in batches."""
    after = 0
    while True:
        with db.session() as s:
            query = _select(s, f).where(AuditLog.id > after).order_by(AuditLog.id).limit(batch)
            rows = s.execute(query).all()
        if not rows:
            return
        for r in rows:
            yield _row(*r)
        after = rows[-1][0]


def audit_choices(db: EventDB) -> AuditChoices:
    with db.session() as s:
        jurors = tuple(s.scalars(select(Juror.code).order_by(Juror.code)))
        entries = tuple(s.scalars(select(Entry.code).order_by(Entry.code)))
        actions = tuple(s.scalars(select(AuditLog.action).distinct().order_by(AuditLog.action)))
    return AuditChoices(jurors, entries, actions)


def chain_state(db: EventDB, progress: Callable[[int, int], None] | None = None) -> ChainState:
    """Recompute the hash chain (core/store/audit.py's rule); ``progress(done, total)``."""
    with db.session() as s:
        total = int(s.scalar(select(func.count()).select_from(AuditLog)) or 0)
        problems = audit.chain_problems(s, progress=progress, total=total)
        head = s.scalar(select(AuditLog.hash).order_by(AuditLog.id.desc()).limit(1)) or ""
    broken = min((row for row, _text in problems), default=None)
    return ChainState(total, head, broken, tuple(text for _row, text in problems))


def _json(text: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


# A change's fields as people read them, per language: the audit view's and the export's words.
FIELD_NAMES: dict[str, dict[str, str]] = {
    "id": {
        "value": "nilai",
        "note": "catatan",
        "text": "teks",
        "submitted": "diserahkan",
        "revision": "revisi",
    },
    "en": {},
}

# A change's fields in the order people read them; the save time is the row's own time.
_FIRST = ("value", "note", "text", "submitted", "revision")
_HIDDEN = ("updated_at",)


def _text(value: Any) -> str:
    return fields_text(_fields(value))


def _fields(value: Any) -> Fields:
    """A logged value as (field, value) pairs in reading order; a bare value has field ""."""
    if value is None:
        return ()
    if isinstance(value, dict):
        keys = [k for k in _FIRST if k in value]
        keys += sorted(k for k in value if k not in _FIRST and k not in _HIDDEN)
        return tuple((k, "-" if value[k] in (None, "") else str(value[k])) for k in keys)
    return (("", str(value)),)


def fields_text(fields: Fields, names: Mapping[str, str] | None = None) -> str:
    """'value=85, note=-' (``names`` renames the fields: {"value": "nilai"})."""
    names = names or {}
    return ", ".join(f"{names.get(k, k)}={v}" if k else v for k, v in fields)


def _row(
    row_id: int, at: str, actor: str, action: str, source: str, subject: str, old: str, new: str
) -> AuditLine:
    parsed = _json(subject)
    parts = parsed if isinstance(parsed, dict) else {}
    named = {k: "" if parts.get(k) is None else str(parts[k]) for k in SUBJECT_KEYS}
    rest = {k: v for k, v in parts.items() if k not in SUBJECT_KEYS}
    other = _text(rest) if isinstance(parsed, dict) else _text(parsed)
    return AuditLine(
        id=row_id,
        at=at,
        actor=actor,
        action=action,
        source=source,
        juror=named["juror"],
        entry=named["entry"],
        stage=named["stage"],
        criterion=named["criterion"],
        other=other,
        old=_fields(_json(old)),
        new=_fields(_json(new)),
    )


def audit_lines(source: Source, f: AuditFilter | None = None) -> tuple[AuditLine, ...]:
    """Every row that passes the filter (all rows without one), oldest first, read in the
    caller's session (its snapshot, as ``kolabik audit`` reads the chain beside it) or a short one."""
    with reading(source) as s:
        rows = s.execute(_select(s, f or AuditFilter()).order_by(AuditLog.id)).all()
    return tuple(_row(*r) for r in rows)


def line_text(line: AuditLine) -> str:
    """One row on one line, as ``kolabik audit`` prints it (the subject in reading order: who,
    what, where, then the rest; the change as old -> new):
    ``#7 2026-11-30T09:15:02.123456Z chair score.set [J2 IN-003 P1 SIG] value=77 (from local)``.
    """
    what = " ".join(
        p for p in (line.juror, line.entry, line.stage, line.criterion, line.other) if p
    )
    change = line.new_text() or "-"
    if line.old:
        change = f"{line.old_text()} -> {change}"
    return (
        f"#{line.id} {line.at} {line.actor or '-'} {line.action} [{what or '-'}] {change} "
        f"(from {line.source or '-'})"
    )
