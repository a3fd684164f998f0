"""The audit log's rows as stored (checking the chain is ``core.store.audit.verify_chain``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from kolabik_desktop.core.store.models import AuditLog
from kolabik_desktop.core.store.queries._session import Source, reading


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    actor: str
    action: str
    source: str
    subject: str  # JSON text, "" = none
    old: str  # JSON text
    new: str  # JSON text


def audit_rows(source: Source) -> tuple[AuditRow, ...]:
    """Every row, oldest first."""
    with reading(source) as s:
        rows = s.execute(
            select(
                AuditLog.id,
                AuditLog.at,
                AuditLog.actor,
                AuditLog.action,
                AuditLog.source,
                AuditLog.subject,
                AuditLog.old,
                AuditLog.new,
            ).order_by(AuditLog.id)
        )
        return tuple(
            AuditRow(i, at, actor or "", action, src or "", subject or "", old or "", new or "")
            for i, at, actor, action, src, subject, old, new in rows
        )
