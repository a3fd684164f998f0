"""A juror's submission state for a stage."""

from __future__ import annotations

from dataclasses import dataclass

from kolabik_desktop.core.store.queries._session import Source, reading, sqlite_source


@dataclass(frozen=True)
class SubmissionInfo:
    juror_id: int
    stage_id: int
    submitted: bool
    revision: int
    updated_at: str


def submission(source: Source, juror_id: int, stage_id: int) -> SubmissionInfo | None:
    """The stored row, or None when the juror never submitted nor reopened this stage."""
    db = sqlite_source(source)
    if db is not None:  # the form's state when the window opens, before SQLAlchemy is loaded
        with db.sqlite_reader() as conn:
            found = conn.execute(
                "SELECT juror_id, stage_id, submitted, revision, updated_at FROM submission "
                "WHERE juror_id = ? AND stage_id = ?",
                (juror_id, stage_id),
            ).fetchone()
        if found is None:
            return None
        jid, sid, submitted, revision, updated_at = found
        return SubmissionInfo(jid, sid, bool(submitted), revision, updated_at)
    from kolabik_desktop.core.store.models import Submission

    with reading(source) as s:
        row = s.get(Submission, (juror_id, stage_id))
        if row is None:
            return None
        return SubmissionInfo(
            row.juror_id, row.stage_id, bool(row.submitted), row.revision, row.updated_at
        )


def is_submitted(source: Source, juror_id: int, stage_id: int) -> bool:
    row = submission(source, juror_id, stage_id)
    return row is not None and row.submitted
