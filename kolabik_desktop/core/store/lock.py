"""One writer per event file, keyed on the file itself, not on its name.

The lock is an OS lock held on the event file's own inode (``flock`` on POSIX, a byte-range lock
far past SQLite's lock bytes on Windows), so a symlink, a hard link or another spelling of the
path finds the same lock, and deleting ``NAME.kolabik.lock`` (which only says who holds the lock)
frees nothing. The operating system drops the lock when the holder ends, crash included.

SQLite hazard: closing ANY descriptor of a database file drops every POSIX lock the process holds
on it, SQLite's included (sqlite.org/howtocorrupt.html 2.2). So on POSIX the descriptor opened
here is never closed while the process runs: on release it is unlocked and parked for the next
lock of the same file. ``flock`` and SQLite's POSIX locks do not interact on local file systems.

Windows has no such hazard (its locks belong to the handle that took them), and a handle left
open there keeps the file from being renamed or deleted (Python's ``os.open`` does not share
delete access). So on Windows the handle is closed on release. That branch is exercised on Linux
with ``msvcrt`` faked (tests/core/test_lock_windows.py): it proves the calls and the handle's
life, not Windows' own locking, which no test here runs.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import sys
import threading
from pathlib import Path

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import EventFileError

# Windows byte-range locks are mandatory: lock a byte far past SQLite's (at 1 GiB) and the data.
_WINDOWS_LOCK_OFFSET = 1 << 40

_guard = threading.Lock()
_held: dict[tuple[int, int], EventLock] = {}  # (device, inode) -> the lock this process holds
_parked: dict[tuple[int, int], int] = {}  # descriptors kept open after release (see docstring)


class EventLockedError(EventFileError):
    """Another running instance of Kolabik Desktop has this event open."""


def lock_path_for(event_path: Path) -> Path:
    """The holder's details (process, host, since): information only, not the lock."""
    return event_path.with_name(event_path.name + ".lock")


def file_identity(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def read_holder(event_path: Path) -> dict[str, str]:
    try:
        text = lock_path_for(event_path).read_text(encoding="utf-8")
        data = json.loads(text.strip() or "{}")
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_holder(event_path: Path, since: str) -> None:
    # Information for the refusal message only: a full disk or read-only folder must not stop
    # the lock itself, which is already held.
    text = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": since}) + "\n"
    with contextlib.suppress(OSError):
        lock_path_for(event_path).write_text(text, encoding="utf-8")


def writable_problem(event_path: Path, *, new: bool = False) -> str | None:
    """Why nothing can be written to this event (read-only media, folder or file), or None."""
    folder = event_path.parent
    statvfs = getattr(os, "statvfs", None)  # none on Windows
    try:
        if statvfs is not None and statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1):
            return "it is on read-only media (a locked USB stick, a CD, a read-only share)"
    except OSError:
        pass
    if not os.access(folder, os.W_OK) or (not new and not os.access(event_path, os.W_OK)):
        return "the file or its folder is read-only"
    return None


def _open_descriptor(event_path: Path, key: tuple[int, int]) -> int:
    fd = _parked.pop(key, None)
    if fd is not None:
        return fd
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)
    if sys.platform == "win32":
        flags = os.O_RDWR | getattr(os, "O_BINARY", 0)
    fd = os.open(event_path, flags)
    st = os.fstat(fd)
    if (st.st_dev, st.st_ino) != key or not stat.S_ISREG(st.st_mode):
        # Replaced between stat and open: keep it parked under its real identity, retry later.
        _park(fd, (st.st_dev, st.st_ino))
        raise EventFileError.coded(ec.LOCK_CHANGED, path=str(event_path))
    return fd


def _park(fd: int, key: tuple[int, int]) -> None:
    """Keep a POSIX descriptor open for the process's life (see the module's docstring); on
    Windows close it, so the file can be renamed or deleted once no one holds the lock."""
    if sys.platform == "win32":
        with contextlib.suppress(OSError):
            os.close(fd)
        return
    _parked[key] = fd


class EventLock:
    """Held while a window or a writing command has the event open; ``release()`` frees it."""

    def __init__(self, event_path: Path, key: tuple[int, int], fd: int):
        self.event_path = event_path
        self.key = key
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, event_path: str | Path, *, since: str = "") -> EventLock:
        event_path = Path(event_path)
        try:
            st = os.stat(event_path)
        except FileNotFoundError:
            raise EventFileError.coded(ec.LOCK_NOT_FOUND, path=str(event_path)) from None
        except OSError as exc:
            raise EventFileError.coded(
                ec.LOCK_UNREADABLE, path=str(event_path), detail=exc.strerror or str(exc)
            ) from None
        if not stat.S_ISREG(st.st_mode):
            raise EventFileError.coded(ec.LOCK_NOT_REGULAR, path=str(event_path))
        problem = writable_problem(event_path)
        if problem:
            raise EventFileError.coded(ec.LOCK_NOT_WRITABLE, path=str(event_path), detail=problem)
        key = (st.st_dev, st.st_ino)
        with _guard:
            if key in _held:
                raise EventLockedError.coded(
                    ec.LOCK_OPEN_HERE, path=str(event_path), other=str(_held[key].event_path)
                )
            try:
                fd = _open_descriptor(event_path, key)
            except OSError as exc:
                raise EventFileError.coded(
                    ec.LOCK_CANNOT_OPEN, path=str(event_path), detail=exc.strerror or str(exc)
                ) from None
            if not _try_lock(fd):
                _park(fd, key)
                raise EventLockedError.coded(
                    ec.LOCK_HELD, path=str(event_path), detail=_refusal(event_path)
                )
            lock = cls(event_path, key, fd)
            _held[key] = lock
        _write_holder(event_path, since)
        return lock

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        with _guard:
            fd, self._fd = self._fd, None
            if fd is None:
                return
            _held.pop(self.key, None)
            with contextlib.suppress(OSError):
                lock_path_for(self.event_path).write_text("", encoding="utf-8")
            try:
                _unlock(fd)
            finally:
                _park(fd, self.key)


def _refusal(event_path: Path) -> str:
    holder = read_holder(event_path)
    who = ""
    if holder:
        who = (
            f" (by process {holder.get('pid', '?')} on {holder.get('host', '?')}"
            f" since {holder.get('since', '?')})"
        )
    return (
        f"this event is already open in another Kolabik Desktop window{who}. Close it there "
        "first; only one program may write to an event at a time."
    )
