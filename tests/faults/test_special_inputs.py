"""Issue 13: every file a user names is read only if it is a regular file of bounded size.

A FIFO named as a workbook, an entry list, an attachment or the file of ``check --against``
used to block its reader until something wrote to the pipe; a symlink to /dev/zero passed a
size check by name. Each case here must be refused with a message, the event unchanged, and
without anyone opening the other end of the pipe: a helper thread opens it only after the
reader has had ample time, and the test fails if the reader needed it to return.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import cli, unblocker

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.reports.fingerprint import fingerprint
from kolabik_desktop.core.store import setup
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.integrity import check_event

KINDS = {
    "fifo": lambda p: os.mkfifo(p),
    "/dev/zero via symlink": lambda p: p.symlink_to("/dev/zero"),
}


def _special(tmp_path: Path, kind: str, name: str) -> Path:
    path = tmp_path / name
    KINDS[kind](path)
    return path


@pytest.mark.parametrize("kind", KINDS)
def test_import_workbook_and_check_against_refuse_special_files(event, tmp_path, kind):
    before = cli("check", event, "--fingerprint").stdout
    cases: list[tuple[str, Callable[[Path], list[str | Path]]]] = [
        ("w.xlsx", lambda p: ["import-workbook", tmp_path / "baru.kolabik", p]),
        ("r.pdf", lambda p: ["check", event, "--against", p]),
    ]
    for name, argv in cases:
        path = _special(tmp_path, kind, name)
        with unblocker(path) as needed:
            proc = cli(*argv(path))
        assert not needed.is_set(), f"{argv(path)[0]} waited on the pipe"
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        assert "not a regular file" in proc.stdout + proc.stderr, (argv(path), proc.stderr)
    assert not (tmp_path / "baru.kolabik").exists()
    assert cli("check", event, "--fingerprint").stdout == before


@pytest.mark.parametrize("kind", KINDS)
def test_entry_lists_and_attachments_refuse_special_files(event, tmp_path, kind):
    with open_event_file(event, lock=True) as db:
        before = fingerprint(db)
        entry_id = 1
        for name, read in (
            ("peserta.xlsx", lambda p: setup.import_entries_file(db, p)),
            ("peserta.csv", lambda p: setup.import_entries_file(db, p)),
            ("lampiran.pdf", lambda p: setup.attach_file(db, entry_id, p)),
        ):
            path = _special(tmp_path, kind, name)
            with unblocker(path) as needed, pytest.raises(KolabikError) as refused:
                read(path)
            assert not needed.is_set(), f"{name} waited on the pipe"
            assert "not a regular file" in str(refused.value), str(refused.value)
        assert fingerprint(db) == before
        assert check_event(db) == []
