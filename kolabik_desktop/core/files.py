"""Writing a finished document (PDF, xlsx, csv) to the place the user chose."""

from __future__ import annotations

from pathlib import Path

from kolabik_desktop.core.errors import KolabikError


def write_output(path: Path, blob: bytes, what: str) -> None:
    """Write ``blob`` to ``path``; a failure (locked by Excel, disk full) is a user-facing error."""
    try:
        path.write_bytes(blob)
    except OSError as exc:
        raise KolabikError(
            f"{path}: could not write the {what} ({exc.strerror or exc}); "
            "is it open in another program?"
        ) from None
