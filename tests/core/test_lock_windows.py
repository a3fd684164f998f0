"""The one-writer lock's Windows branch, run on Linux with ``msvcrt`` faked.

What this proves: the calls the code makes on Windows (an exclusive, non-blocking lock of one
byte at 1 TiB, past SQLite's lock bytes and any data; unlocked at the same place), that a lock
already taken is refused as "already open", and that a released handle is closed (a handle left
open on Windows keeps the file from being renamed or deleted). What it cannot prove: Windows'
own byte-range locking, which no test here runs.
"""

from __future__ import annotations

import errno
import os
import sys
import types

import pytest

from kolabik_desktop.core.store import lock as lock_module
from kolabik_desktop.core.store.lock import EventLock, EventLockedError

LK_UNLCK, LK_NBLCK = 0, 2  # msvcrt's values


class FakeMsvcrt(types.ModuleType):
    """Byte-range locks as Windows keeps them: by file and range, refused when held."""

    LK_UNLCK, LK_NBLCK = LK_UNLCK, LK_NBLCK

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.held: dict[tuple[int, int, int], int] = {}  # (dev, ino, offset) -> fd
        self.calls: list[tuple[str, int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        st = os.fstat(fd)
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        key = (st.st_dev, st.st_ino, offset)
        self.calls.append(("lock" if mode == LK_NBLCK else "unlock", offset, nbytes))
        if mode == LK_NBLCK:
            if key in self.held:
                raise OSError(errno.EACCES, "Permission denied")
            self.held[key] = fd
        elif mode == LK_UNLCK:
            if self.held.get(key) != fd:
                raise OSError(errno.EACCES, "Permission denied")
            del self.held[key]


@pytest.fixture
def windows(monkeypatch):
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(lock_module.sys, "platform", "win32")
    monkeypatch.setattr(lock_module, "_parked", {})
    monkeypatch.setattr(lock_module, "_held", {})
    return fake


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def test_the_windows_lock_takes_one_byte_past_the_data_and_closes_its_handle(windows, tmp_path):
    event = tmp_path / "e.kolabik"
    event.write_bytes(b"x" * 100)
    held = EventLock.acquire(event)
    fd = held._fd
    assert fd is not None and _is_open(fd)
    offset = 1 << 40
    assert windows.calls == [("lock", offset, 1)]
    assert offset > 1 << 30  # beyond SQLite's lock bytes (at 1 GiB) and any event's data
    held.release()
    assert windows.calls == [("lock", offset, 1), ("unlock", offset, 1)]
    assert windows.held == {}
    assert not _is_open(fd), "the released handle stays open and pins the file on Windows"
    assert lock_module._parked == {}
    # Released: the file can be taken again, and replaced (no handle of ours is open on it).
    again = EventLock.acquire(event)
    again.release()
    os.replace(tmp_path / "e.kolabik", tmp_path / "renamed.kolabik")


def test_a_lock_held_elsewhere_is_refused_and_leaves_no_handle_open(windows, tmp_path):
    event = tmp_path / "e.kolabik"
    event.write_bytes(b"x" * 100)
    other = os.open(event, os.O_RDWR)  # another process's handle holding the lock byte
    os.lseek(other, 1 << 40, os.SEEK_SET)
    windows.locking(other, LK_NBLCK, 1)
    before = set(os.listdir("/proc/self/fd"))
    with pytest.raises(EventLockedError, match="already open"):
        EventLock.acquire(event)
    assert set(os.listdir("/proc/self/fd")) == before  # the refused attempt closed its handle
    windows.locking(other, LK_UNLCK, 1)
    os.close(other)
    EventLock.acquire(event).release()
