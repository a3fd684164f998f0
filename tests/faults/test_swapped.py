"""Issue 13: the event file deleted or replaced while a writer has it open."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import assert_nothing_lost, cli, make_small_event, scores_in
from sqlalchemy import select

from kolabik_desktop.core.errors import StorageError
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.lock import EventLockedError
from kolabik_desktop.core.store.models import Criterion, Entry, Juror
from kolabik_desktop.core.store.services import set_score


def _write(db, count: int, start: int = 0) -> dict[tuple[int, int, int], Decimal]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        crits = list(s.scalars(select(Criterion.id).where(Criterion.stage_id == 1)))
        cells = [
            (j, e, c)
            for j in s.scalars(select(Juror.id))
            for e in s.scalars(select(Entry.id))
            for c in crits
        ]
    done = {}
    for n in range(start, start + count):
        j, e, c = cells[n % len(cells)]
        value = Decimal(n % 89 + 3)
        set_score(db, juror_id=j, entry_id=e, criterion_id=c, value=value)
        done[(j, e, c)] = value
    return done


@pytest.mark.parametrize("journal_too", [True, False], ids=["with -wal and -shm", "file only"])
def test_deleted_while_open_is_written_back_with_every_score(event, journal_too):
    db = open_event_file(event, lock=True)
    committed = _write(db, 40)
    suffixes = ("", "-wal", "-shm") if journal_too else ("",)
    for suffix in suffixes:
        os.unlink(f"{event}{suffix}")
    committed.update(_write(db, 5, start=40))  # the next save writes the file back first
    assert db.recovered_paths == [event]
    # The written-back file is locked again: no second writer slips in.
    with pytest.raises(EventLockedError):
        open_event_file(event, lock=True)
    db.close()
    assert event.stat().st_size > 0
    assert_nothing_lost(event, committed)


def test_replaced_while_open_saves_to_a_recovered_file_and_spares_the_other(event, tmp_path):
    other = make_small_event(tmp_path / "lain.kolabik", seed=99, name="Lomba lain")
    theirs = scores_in(other)
    db = open_event_file(event, lock=True)
    committed = _write(db, 30)
    os.replace(other, event)  # another event copied over ours while the window has it open
    with pytest.raises(StorageError, match="replaced by another file") as refused:
        _write(db, 1, start=30)
    recovered = event.with_name("lomba.recovered.kolabik")
    assert recovered.name in str(refused.value)
    with pytest.raises(StorageError):  # and every later save is refused too, never misdirected
        _write(db, 1, start=31)
    db.close()
    # Our data is whole in the recovered file; the other event is untouched by our journal.
    assert_nothing_lost(recovered, committed)
    assert scores_in(event) == theirs
    assert cli("check", event).returncode == 0
    assert not Path(f"{event}-wal").exists() or Path(f"{event}-wal").stat().st_size == 0
