"""Issue 13: one writer per file by identity; packages that are not regular files; damaged files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from conftest import Writer, assert_clean_refusal, assert_nothing_lost, cli, unblocker

from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.lock import EventLockedError, lock_path_for

ALIASES = {
    "symlink": lambda event, alias: alias.symlink_to(event),
    "hard link": lambda event, alias: os.link(event, alias),
    "lock file deleted": lambda event, alias: (
        lock_path_for(event).unlink(),
        alias.symlink_to(event),
    ),
    "other spelling": lambda event, alias: alias.symlink_to(event.parent),
}


def test_a_second_writer_through_an_alias_is_refused(event, tmp_path):
    writer = Writer(event)
    pkg = tmp_path / "none.kolabik-scores"
    pkg.write_text("{}")
    try:
        writer.read_until(commits=5)
        for n, (how, make) in enumerate(ALIASES.items()):
            alias = tmp_path / f"alias{n}.kolabik"
            make(event, alias)
            if how == "other spelling":
                alias = alias / event.name
            # In this process (another window) and from the command line (another program).
            with pytest.raises(EventLockedError, match="already open"):
                open_event_file(alias, lock=True)
            proc = cli("import-scores", alias, pkg, "--yes")
            assert_clean_refusal(proc, "already open")
        writer.read_until(commits=5)
    finally:
        writer.kill9()
    assert_nothing_lost(event, writer.committed, writer.following)


def test_import_workbook_into_an_open_event_is_refused(event, tmp_path):
    xlsx = tmp_path / "w.xlsx"
    assert cli("export-workbook", event, xlsx).returncode == 0
    writer = Writer(event)
    try:
        writer.read_until(commits=5)
        assert_clean_refusal(cli("import-workbook", event, xlsx), "already open")
    finally:
        writer.kill9()
    assert_nothing_lost(event, writer.committed, writer.following)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


SPECIAL = {
    "fifo": (_fifo, "not a regular file"),
    "device via symlink": (lambda p: p.symlink_to("/dev/zero"), "not a regular file"),
    "folder": (lambda p: p.mkdir(), "folder"),
}


def test_special_files_as_packages_are_refused_at_once(event, tmp_path):
    before = cli("check", event, "--fingerprint").stdout
    for kind, (make, words) in SPECIAL.items():
        pkg = tmp_path / f"x-{kind.replace(' ', '_')}.kolabik-scores"
        make(pkg)
        with unblocker(pkg) as needed:
            proc = cli("import-scores", event, pkg, "--yes")
        assert not needed.is_set(), "import-scores waited on the pipe"
        assert "Traceback" not in proc.stderr and proc.returncode == 1, proc.stderr
        assert words in proc.stdout + proc.stderr, (kind, proc.stdout, proc.stderr)
    assert cli("check", event, "--fingerprint").stdout == before


def _damage(event: Path, where: str) -> None:
    # Overwrite bytes as a torn write or a bad sector would: the schema page, or mid-file.
    offset = 200 if where == "schema page" else event.stat().st_size // 2
    with open(event, "r+b") as fh:  # noqa: PTH123
        fh.seek(offset)
        fh.write(b"\xde\xad\xbe\xef" * 1000)


@pytest.mark.parametrize("where", ["schema page", "mid-file"])
def test_damaged_file_gives_a_message_and_is_never_written(event, tmp_path, where):
    _damage(event, where)
    damaged = event.read_bytes()
    failed = 0
    for args in (
        ("leaderboard", event),
        ("report", event, "--kind", "recap", "--stage", "P1", "--out", tmp_path / "r.pdf"),
        ("audit", event),
        ("export", event, "--what", "leaderboard", "--stage", "P1", "--out", tmp_path / "x.csv"),
    ):
        proc = cli(*args)
        assert "Traceback" not in proc.stderr, proc.stderr
        # A reader may still read undamaged pages; if it fails, it says why.
        assert proc.returncode == 0 or "damaged" in proc.stderr, (args, proc.stderr)
        failed += proc.returncode != 0
    assert failed or where == "mid-file"
    pkg = tmp_path / "none.kolabik-scores"
    pkg.write_text("{}")
    assert_clean_refusal(cli("import-scores", event, pkg, "--yes"), "damaged")
    assert event.read_bytes() == damaged
    if where == "schema page":
        assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "x.csv").exists()


def test_a_foreign_sqlite_file_is_refused_without_traceback(tmp_path):
    other = tmp_path / "other.kolabik"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for args in (("leaderboard", other), ("check", other), ("audit", other)):
        assert_clean_refusal(cli(*args), "not a Kolabik event file")
