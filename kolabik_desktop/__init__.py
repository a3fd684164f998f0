"""Kolabik Desktop: the jury's program for a public-service innovation competition."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kolabik-desktop")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.1.0"
