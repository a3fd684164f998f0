"""The audit read layer (core/store/queries/audit.py) on a file and on the server: exact code
filters, keyset pages newest first, the chain's state with the first broken row."""

from __future__ import annotations

from decimal import Decimal

from factories import make_event
from sqlalchemy import update

from kolabik_desktop.core.store.models import AuditLog
from kolabik_desktop.core.store.queries.audit import (
    AuditFilter,
    audit_choices,
    audit_count,
    audit_page,
    chain_state,
    filtered_lines,
)
from kolabik_desktop.core.store.services import set_score


def test_filters_pages_and_chain_on_both_backends(new_location):
    db, ids = make_event(new_location("audit"), jurors=3, entries=4, audited=True)
    try:
        base = audit_count(db, AuditFilter())
        sig = ids.criteria[("P1", "SIG")]
        j2, j3 = ids.jurors[1], ids.jurors[2]
        e2, e3 = ids.entries[1], ids.entries[2]
        set_score(db, juror_id=j2, entry_id=e2, criterion_id=sig, value=Decimal(70))
        set_score(db, juror_id=j2, entry_id=e3, criterion_id=sig, value=Decimal(81))
        set_score(db, juror_id=j3, entry_id=e2, criterion_id=sig, value=None, actor="chair")
        assert audit_count(db, AuditFilter()) == base + 3
        new = AuditFilter(action="score.set")
        latest = audit_page(db, new, limit=3)
        assert [(r.juror, r.entry, r.actor) for r in latest] == [
            ("J3", "IN-002", "chair"),
            ("J2", "IN-003", "chair"),
            ("J2", "IN-002", "chair"),
        ]
        assert dict(latest[1].new)["value"] == "81"
        assert dict(latest[0].new)["value"] == "-"  # cleared
        # Exact, case-sensitive codes: J2 is not j2, IN-002 is not IN-00.
        j2_rows = audit_count(db, AuditFilter(juror="J2"))
        assert j2_rows > 0 and audit_count(db, AuditFilter(juror="j2")) == 0
        assert audit_count(db, AuditFilter(entry="IN-00")) == 0
        both = audit_page(db, AuditFilter(juror="J2", entry="IN-003"), limit=100)
        assert {(r.juror, r.entry) for r in both} == {("J2", "IN-003")}
        # Time: nothing before the first row, everything before a far future.
        first = min(r.at for r in filtered_lines(db, AuditFilter()))
        assert audit_count(db, AuditFilter(until=first)) == 0
        assert audit_count(db, AuditFilter(since=first, until="9999")) == base + 3
        # Keyset pages meet without a gap or an overlap.
        page1 = audit_page(db, AuditFilter(), limit=5)
        page2 = audit_page(db, AuditFilter(), before_id=page1[-1].id, limit=5)
        assert page1[-1].id > page2[0].id and len(page2) == 5
        choices = audit_choices(db)
        assert choices.jurors == ("J1", "J2", "J3") and "score.set" in choices.actions
        state = chain_state(db)
        assert state.intact and state.rows == base + 3 and len(state.head) == 64
        with db.session() as s:  # an audit row edited behind the program's back
            s.execute(update(AuditLog).where(AuditLog.id == page1[1].id).values(actor="J9"))
        broken = chain_state(db)
        assert broken.broken_at == page1[1].id and not broken.intact
    finally:
        db.close()
