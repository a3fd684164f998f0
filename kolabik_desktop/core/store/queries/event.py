"""The event's own row and its sizes."""

from __future__ import annotations

from dataclasses import dataclass

from kolabik_desktop.core.store.queries._session import Source, reading, sqlite_source


@dataclass(frozen=True)
class EventInfo:
    name: str
    year: int | None
    organiser: str
    precision: int


@dataclass(frozen=True)
class EventCounts:
    entries: int
    jurors: int
    scores: int  # score rows, cleared ones included


def event_info(source: Source) -> EventInfo:
    """The competition's name and details; a file without its event row reads as unnamed."""
    db = sqlite_source(source)
    if db is not None:  # the window's title, before SQLAlchemy is loaded
        with db.sqlite_reader() as conn:
            row = conn.execute(
                "SELECT name, year, organiser, precision FROM event LIMIT 1"
            ).fetchone()
    else:
        from sqlalchemy import select

        from kolabik_desktop.core.store.models import Event

        with reading(source) as s:
            row = s.execute(
                select(Event.name, Event.year, Event.organiser, Event.precision).limit(1)
            ).first()
    if row is None:
        return EventInfo("", None, "", 2)
    name, year, organiser, precision = row
    return EventInfo(name or "", year, organiser or "", 2 if precision is None else precision)


def event_counts(source: Source) -> EventCounts:
    from sqlalchemy import func, select

    from kolabik_desktop.core.store.models import Entry, Juror, Score

    with reading(source) as s:
        entries, jurors, scores = (
            s.scalar(select(func.count()).select_from(t)) or 0 for t in (Entry, Juror, Score)
        )
    return EventCounts(entries, jurors, scores)
