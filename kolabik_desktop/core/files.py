"""Every file the program produces, and every outside file it reads, goes through here.

Writing: a temporary file beside the target, flushed, fsynced, renamed over the target, and the
folder entry fsynced. A failed write leaves the earlier file exactly as it was and no empty or
partial file. Reading: regular files only, with the size bound checked on the open descriptor,
so a FIFO, a device or a folder is refused at once instead of hanging or filling memory.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.scoring.problem_text import REASON_TEXTS


def os_error_code(exc: OSError) -> str:
    """Why a write failed, as a code of problem_text.REASON_TEXTS ("" when none fits)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "disk_full"
    if exc.errno == errno.EROFS:
        return "read_only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission"
    if exc.errno == errno.ENOENT:
        return "no_folder"
    if exc.errno == errno.EIO:
        return "io_error"
    if exc.errno in (errno.EBUSY, errno.ETXTBSY):
        return "busy"
    return ""


def os_error_reason(exc: OSError) -> str:
    """What went wrong, in words that say what the user can do."""
    texts = REASON_TEXTS.get(os_error_code(exc))
    return texts["en"] if texts else exc.strerror or str(exc)


def _write_failed(code: str, path: Path, what: str, exc: OSError) -> KolabikError:
    return KolabikError.coded(
        code, path=path, what=what, reason=os_error_reason(exc), reason_code=os_error_code(exc)
    )


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); folders cannot be opened this way on Windows."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def replacing(path: Path, what: str) -> Iterator[Path]:
    """A temporary path beside ``path`` to build a file in; renamed over ``path`` on success.

    The block writes the temporary file (by any means: bytes, SQLite, openpyxl). An error leaves
    ``path`` untouched and removes the temporary file.
    """
    path = Path(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise _write_failed(ec.FILE_CREATE_FAILED, path, what, exc) from None
    tmp = Path(name)
    try:
        yield tmp
        if tmp.stat().st_size == 0:
            raise KolabikError.coded(ec.FILE_CAME_OUT_EMPTY, path=path, what=what)
        fsync_file(tmp)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        _discard(tmp)
        raise _write_failed(ec.FILE_WRITE_FAILED, path, what, exc) from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{tmp}{suffix}").unlink()


def write_output(path: Path, blob: bytes, what: str) -> None:
    """Write ``blob`` to ``path`` atomically; a failure is a user-facing error."""
    with replacing(path, what) as tmp, open(tmp, "wb") as fh:
        fh.write(blob)


def write_output_with(path: Path, what: str, writer: Callable[[Path], None]) -> None:
    """Like write_output, for libraries that write to a path themselves (openpyxl, SQLite)."""
    with replacing(path, what) as tmp:
        writer(tmp)


def read_regular_file(path: Path, max_bytes: int, what: str, *, first: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; anything else refused at once.

    ``first``: only its first bytes (to tell what kind of file it is); the bound still holds.

    O_NONBLOCK makes opening a FIFO return immediately; fstat on the open descriptor then sees
    what was really opened (a symlink to /dev/zero reports size 0 by name but is a device).
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise KolabikError.coded(ec.READ_IS_FOLDER, path=str(path), what=what) from None
    except FileNotFoundError:
        raise KolabikError.coded(ec.READ_NOT_FOUND, path=str(path), what=what) from None
    except OSError as exc:
        raise KolabikError.coded(
            ec.READ_FAILED,
            path=str(path),
            what=what,
            reason=os_error_reason(exc),
            reason_code=os_error_code(exc),
        ) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise KolabikError.coded(ec.READ_IS_FOLDER, path=str(path), what=what)
        if not stat.S_ISREG(st.st_mode):
            raise KolabikError.coded(ec.READ_NOT_REGULAR, path=str(path), what=what)
        if st.st_size > max_bytes:
            raise KolabikError.coded(
                ec.READ_TOO_LARGE, path=str(path), what=what, size=st.st_size, max=max_bytes
            )
        chunks: list[bytes] = []
        total = 0
        if first is not None:
            return os.read(fd, first)
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise KolabikError.coded(
                    ec.READ_TOO_LARGE_STREAM, path=str(path), what=what, max=max_bytes
                )
        return b"".join(chunks)
    except OSError as exc:
        raise KolabikError.coded(
            ec.READ_FAILED,
            path=str(path),
            what=what,
            reason=os_error_reason(exc),
            reason_code=os_error_code(exc),
        ) from None
    finally:
        os.close(fd)
