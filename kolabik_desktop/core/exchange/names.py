"""The exchange files' name suffixes, importable without SQLAlchemy: the window's features use
them to build their menus and drop handlers before the event's engine is made."""

from __future__ import annotations

PACKAGE_SUFFIX = ".kolabik-scores"
