"""Where an event lives, told apart without SQLAlchemy: a file path or a server URL.

The window's start reads an event file before SQLAlchemy is imported (``core.store.db`` and the
read layer's sqlite3 path); deciding "file or server" must not pull in ``dialect`` (SQLAlchemy
and the ORM models), so the rule lives here and ``dialect`` re-exports it.
"""

from __future__ import annotations

import os
from pathlib import Path

SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(location: str | os.PathLike[str]) -> bool:
    """True for a PostgreSQL URL, False for a file path."""
    return isinstance(location, str) and location.lower().startswith(SERVER_SCHEMES)


def as_location(argument: str | os.PathLike[str]) -> str | Path:
    """A command-line argument as an event location: a URL stays text (Path would eat its //)."""
    return str(argument) if is_server_url(argument) else Path(argument)
