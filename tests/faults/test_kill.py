"""Issue 13: kill -9 during score writes, merges and workbook imports."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import Writer, assert_nothing_lost, cli, env, make_small_event, scores_in
from helpers_exchange import score_kit

from kolabik_desktop.core.exchange.kits import export_kits
from kolabik_desktop.core.store.db import open_event_file


@pytest.mark.parametrize("after", [3, 40])
def test_kill_during_score_writes_loses_nothing(event, after):
    writer = Writer(event)
    try:
        writer.read_until(commits=after)
    finally:
        writer.kill9()
    assert_nothing_lost(event, writer.committed, writer.following)
    # And the next writer opens it at once (the dead one's lock went with it).
    again = Writer(event)
    try:
        again.read_until(commits=3)
    finally:
        again.kill9()


def _start(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kolabik_desktop", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
    )


def _kill_after(proc: subprocess.Popen[str], delay: float) -> bool:
    """Kill -9 after ``delay`` seconds; False if it had already finished."""
    time.sleep(delay)
    done = proc.poll() is not None
    proc.kill()
    proc.communicate(timeout=30)
    return not done


@pytest.fixture(scope="module")
def made_packages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """One chair's event and its jurors' packages, made once; each test works on a copy."""
    from factories import make_event

    where = tmp_path_factory.mktemp("packages")
    event = where / "ketua.kolabik"
    db, ids = make_event(event, entries=12, jurors=3, admitted_to_p2=5, conflict=False, fill=0.0)
    kits = export_kits(db, _folder(where / "kits"))
    db.close()
    out = _folder(where / "pkgs")
    for n, kit in enumerate(kits):
        score_kit(kit, ids, base=10 + n, step=3)
        assert cli("export-scores", kit, "--out", out).returncode == 0
    return event, sorted(out.iterdir())


@pytest.fixture
def packages(made_packages: tuple[Path, list[Path]], tmp_path: Path) -> tuple[Path, list[Path]]:
    event, pkgs = made_packages
    copy = tmp_path / event.name
    shutil.copyfile(event, copy)  # closed cleanly: the file alone holds every commit
    return copy, pkgs


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.parametrize("delay", [0.5, 1.2])
def test_kill_during_a_merge_is_all_or_nothing_and_the_retry_applies(packages, delay):
    event, pkgs = packages
    before = scores_in(event)
    _kill_after(_start("import-scores", event, *pkgs, "--yes"), delay)
    after = scores_in(event)
    assert cli("check", event).returncode == 0
    retry = cli("import-scores", event, *pkgs, "--yes")
    assert retry.returncode == 0, retry.stderr
    final = scores_in(event)
    # The packages bring new cells only: nothing committed before changes, and the killed merge
    # left either nothing or all of it (one transaction).
    assert {k: final.get(k) for k in before} == before
    assert after in (before, final)
    assert len(final) > len(before) and cli("check", event).returncode == 0
    with open_event_file(event, read_only=True) as db:
        assert db.kind == "event"


def _values(event: Path) -> list[str]:
    # Ids may be numbered differently in an imported copy; the values must all be there.
    return sorted(str(v) for v in scores_in(event).values())


def _kill_once_building(proc: subprocess.Popen[str], folder: Path, after: float) -> bool:
    """Kill -9 ``after`` seconds once the import has started writing its event beside the
    target (its ``.NAME.PID.building`` file exists); False if it finished first."""
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if any(p.name.endswith(".building") for p in folder.iterdir()):
            break
        time.sleep(0.01)
    time.sleep(after)
    done = proc.poll() is not None
    proc.kill()
    proc.communicate(timeout=30)
    return not done


def test_kill_during_workbook_imports_never_leaves_a_half_made_event(tmp_path):
    source = make_small_event(tmp_path / "sumber.kolabik")
    xlsx = tmp_path / "w.xlsx"
    assert cli("export-workbook", source, xlsx).returncode == 0
    target = tmp_path / "baru.kolabik"
    killed = 0
    # Killed while the event is being built (just begun, mid-way, near the end): each kill
    # lands in the import's writing, whatever the machine's load.
    for after in (0.0, 0.15, 0.4):
        killed += _kill_once_building(_start("import-workbook", target, xlsx), tmp_path, after)
        if target.exists():
            # Renamed into place only when complete: whatever is there is a whole event.
            assert cli("check", target).returncode == 0
            assert _values(target) == _values(source)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith("baru.kolabik")]
        assert leftovers == [], leftovers
    assert killed >= 1, "every import finished before the kill: nothing was tested"
    retry = cli("import-workbook", target, xlsx)
    assert retry.returncode == 0, retry.stderr
    assert cli("check", target).returncode == 0
    assert _values(target) == _values(source)
    hidden = [p.name for p in tmp_path.iterdir() if p.name.endswith(".building")]
    assert hidden == [], hidden  # the killed imports' scratch files were cleared by the retry
