"""How a query gets its session: its own short one from an ``EventDB``, or the caller's."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from kolabik_desktop.core.store.db import EventDB

Source = EventDB | Session  # an open event, or a session the caller already holds


@contextmanager
def reading(source: Source) -> Iterator[Session]:
    """The caller's session as it is (its transaction, its snapshot), or a new short one."""
    if isinstance(source, Session):
        yield source
    else:
        with source.session() as s:
            yield s
