"""One writer per event file: an OS file lock on ``NAME.kolabik.lock`` beside the event.

The operating system releases the lock when the holding process ends, however it ends, so a
crashed instance never leaves the file stuck. The lock file also records who holds it (host,
process, time) so the refusal can say so.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from pathlib import Path
from typing import IO

from kolabik_desktop.core.errors import EventFileError

# Windows byte-range locks forbid reading the locked bytes, so lock a byte far past the text.
_WINDOWS_LOCK_OFFSET = 1 << 30


class EventLockedError(EventFileError):
    """Another running instance of Kolabik Desktop has this event open."""


def lock_path_for(event_path: Path) -> Path:
    return event_path.with_name(event_path.name + ".lock")


def _try_lock(fh: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        fh.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fh: IO[str]) -> None:
    if sys.platform == "win32":
        import msvcrt

        fh.seek(_WINDOWS_LOCK_OFFSET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def read_holder(event_path: Path) -> dict[str, str]:
    try:
        text = lock_path_for(event_path).read_text(encoding="utf-8")
        data = json.loads(text.strip() or "{}")
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


class EventLock:
    """Held for as long as a window has the event open; ``release()`` (or process exit) frees it."""

    def __init__(self, event_path: Path, fh: IO[str]):
        self.event_path = event_path
        self._fh: IO[str] | None = fh

    @classmethod
    def acquire(cls, event_path: str | Path, *, since: str = "") -> EventLock:
        event_path = Path(event_path)
        path = lock_path_for(event_path)
        try:
            # "a+" never truncates, so a holder's details survive a refused attempt.
            fh = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held open while locked
        except OSError as exc:
            raise EventFileError(
                f"{event_path}: cannot create the lock file {path.name} "
                f"({exc.strerror}); is the folder read-only? Copy the event to a writable folder."
            ) from exc
        if not _try_lock(fh):
            fh.close()
            holder = read_holder(event_path)
            who = ""
            if holder:
                who = (
                    f" (by process {holder.get('pid', '?')} on {holder.get('host', '?')}"
                    f" since {holder.get('since', '?')})"
                )
            raise EventLockedError(
                f"{event_path}: this event is already open in another Kolabik Desktop window"
                f"{who}. Close it there first; only one program may write to an event at a time."
            )
        fh.seek(0)
        fh.truncate()
        fh.write(
            json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": since}) + "\n"
        )
        fh.flush()
        return cls(event_path, fh)

    @property
    def held(self) -> bool:
        return self._fh is not None

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            self._fh.seek(0)
            self._fh.truncate()
            _unlock(self._fh)
        finally:
            self._fh.close()
            self._fh = None
        # The empty lock file stays: unlinking it would let two openers lock different inodes.
