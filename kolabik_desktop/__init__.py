"""Kolabik Desktop: the jury's program for a public-service innovation competition."""

from __future__ import annotations

from functools import cache


@cache
def _installed_version() -> str:
    # importlib.metadata costs ~40 ms to import: only `--version`, the About box and a score
    # package ask for it, so every other start (the window, `kolabik leaderboard`) skips it.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kolabik-desktop")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0.1.0"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
