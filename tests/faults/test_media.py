"""Issue 13: a full disk and read-only media (tmpfs mounts; root only, else skipped with reason)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import (
    assert_clean_refusal,
    assert_nothing_lost,
    cli,
    fill_disk,
    kolabik,
    make_small_event,
    remount,
    scores_in,
    tmpfs,
)
from sqlalchemy import select

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import Criterion, Entry, Juror
from kolabik_desktop.core.store.services import set_score

READERS = [
    ("leaderboard", "{event}"),
    ("check", "{event}"),
    ("audit", "{event}"),
    ("report", "{event}", "--kind", "recap", "--stage", "P1", "--out", "{out}/r.pdf"),
    ("export", "{event}", "--what", "leaderboard", "--stage", "P1", "--out", "{out}/x.csv"),
    ("export-workbook", "{event}", "{out}/w.xlsx"),
]


def _argv(args: tuple[str, ...], event: Path, out: Path) -> list[str]:
    return [a.format(event=event, out=out) for a in args]


def _cells(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        crits = list(s.scalars(select(Criterion.id).where(Criterion.stage_id == 1)))
        return [
            (j, e, c)
            for j in s.scalars(select(Juror.id))
            for e in s.scalars(select(Entry.id))
            for c in crits
        ]


@pytest.fixture
def disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    with tmpfs(tmp_path / "disk", size="3m") as where:
        yield where


def test_full_disk(disk, tmp_path):
    event = make_small_event(disk / "lomba.kolabik")
    old_report = disk / "r.pdf"
    old_report.write_bytes(b"%PDF an earlier report")
    db = open_event_file(event, lock=True)
    committed: dict[tuple[int, int, int], Decimal] = {}
    cells = _cells(db)
    filler = fill_disk(disk)
    refused = None
    for n, (j, e, c) in enumerate(cells * 50):
        value = Decimal(n % 97 + 1)
        try:
            set_score(db, juror_id=j, entry_id=e, criterion_id=c, value=value, note="x" * 500)
        except KolabikError as exc:
            refused = str(exc)
            break
        committed[(j, e, c)] = value
    assert refused is not None and "disk is full" in refused, refused
    # Readers work from the full disk while the writer is open, and after it closed.
    for phase in ("writer open", "writer closed"):
        # While it is open: readers in other processes (the writer holds the file here).
        run = kolabik if phase == "writer open" else cli
        for args in READERS[:3]:
            proc = run(*_argv(args, event, tmp_path))
            assert proc.returncode == 0, (phase, args, proc.stderr)
        if phase == "writer open":
            db.close()  # the journal is checkpointed and removed: fill the space it freed
            fill_disk(disk)
    # Outputs onto the full disk: a clear message, the earlier file unchanged, no empty file.
    for args in READERS[3:]:
        proc = cli(*_argv(args, event, disk))
        assert_clean_refusal(proc, "disk is full")
    assert old_report.read_bytes() == b"%PDF an earlier report"
    leftovers = sorted(p.name for p in disk.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert leftovers == ["filler.bin", "lomba.kolabik", "lomba.kolabik.lock", "r.pdf"], leftovers
    # Writers: the lock, a new event, a kit: each says so, none crashes.
    assert_clean_refusal(cli("new", disk / "baru.kolabik"), "disk is full")
    kit = cli("kit", event, "--juror", "J1", "--out", disk / "J1.kolabik-kit")
    assert_clean_refusal(kit, "disk is full")
    assert not (disk / "baru.kolabik").exists() and not (disk / "J1.kolabik-kit").exists()
    filler.unlink()
    assert_nothing_lost(event, committed)


def test_read_only_media(disk, tmp_path):
    event = make_small_event(disk / "lomba.kolabik")
    xlsx = tmp_path / "w.xlsx"
    assert cli("export-workbook", event, xlsx).returncode == 0
    before = scores_in(event)
    remount(disk, "ro")
    try:
        for args in READERS:
            proc = cli(*_argv(args, event, tmp_path))
            assert proc.returncode == 0, (args, proc.stderr)
        pkg = tmp_path / "none.kolabik-scores"
        pkg.write_text("{}")
        assert_clean_refusal(cli("import-scores", event, pkg, "--yes"), "read-only")
        assert_clean_refusal(cli("new", disk / "baru.kolabik"), "read-only")
        assert_clean_refusal(cli("import-workbook", disk / "baru.kolabik", xlsx), "read-only")
        with pytest.raises(KolabikError, match="read-only"):
            open_event_file(event, lock=True)
        assert scores_in(event) == before
    finally:
        remount(disk, "rw")
    # Only the event (readers may leave SQLite's empty -wal/-shm index files beside it).
    names = {p.name for p in disk.iterdir()} - {"lomba.kolabik-wal", "lomba.kolabik-shm"}
    assert names == {"lomba.kolabik"}


def test_a_kit_onto_a_full_disk_is_not_audited(disk, tmp_path):
    event = make_small_event(tmp_path / "lomba.kolabik")
    earlier = disk / "J1.kolabik-kit"
    earlier.write_bytes(b"an earlier kit")
    filler = fill_disk(disk)
    try:
        kit = cli("kit", event, "--juror", "J1", "--out", earlier)
        assert_clean_refusal(kit, "disk is full")
        assert earlier.read_bytes() == b"an earlier kit"
        assert sorted(p.name for p in disk.iterdir()) == ["J1.kolabik-kit", "filler.bin"]
        assert "kit.export" not in cli("audit", event).stdout
    finally:
        filler.unlink()
    assert cli("kit", event, "--juror", "J1", "--out", earlier).returncode == 0
    assert cli("audit", event).stdout.count("kit.export") == 1
    against = cli("check", event, "--against", earlier)
    assert against.returncode == 0 and "juror kit" in against.stdout, against.stdout
