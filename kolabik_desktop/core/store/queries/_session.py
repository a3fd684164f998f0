"""How a query gets its session: its own short one from an ``EventDB``, or the caller's.

SQLAlchemy is imported by the first portable read, not by importing the read layer: the window
paints through the sqlite3 path (``EventDB.sqlite_reader``) before SQLAlchemy is loaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeAlias

from kolabik_desktop.core.store.db import EventDB

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Source: TypeAlias = "EventDB | Session"  # an open event, or a session the caller already holds


@contextmanager
def reading(source: Source) -> Iterator[Session]:
    """The caller's session as it is (its transaction, its snapshot), or a new short one."""
    if isinstance(source, EventDB):
        with source.session() as s:
            yield s
    else:
        yield source


def sqlite_source(source: Source) -> EventDB | None:
    """The event when the read layer may read it with sqlite3 (a current event file, no caller's
    session to share), else None: the portable path."""
    return source if isinstance(source, EventDB) and source.reads_with_sqlite else None
