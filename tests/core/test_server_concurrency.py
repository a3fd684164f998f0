"""Issue 16: chairs on several machines writing at once lose and duplicate nothing."""

from __future__ import annotations

import threading
from decimal import Decimal

from factories import make_event
from sqlalchemy import func, select

from kolabik_desktop.core.store import audit, services
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import AuditLog, Score

WRITERS = 6
WRITES = 15


def test_concurrent_writers_on_one_cell_and_many_keep_every_revision_and_one_chain(
    server_database,
):
    db, ids = make_event(server_database, entries=8, jurors=5, fill=0.0, conflict=False)
    db.close()
    sig, keb = ids.criteria["P1", "SIG"], ids.criteria["P1", "KEB"]
    shared = (ids.jurors[0], ids.entries[0], sig)
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def chair(n: int) -> None:
        # each thread is another machine: its own connection pool
        try:
            with open_event_file(server_database) as mine:
                start.wait()
                for i in range(WRITES):
                    value = Decimal(n * WRITES + i)  # every write a change: all values differ
                    services.set_score(
                        mine, juror_id=shared[0], entry_id=shared[1], criterion_id=sig, value=value
                    )
                    services.set_score(
                        mine,
                        juror_id=ids.jurors[n % 5],
                        entry_id=ids.entries[1 + n],
                        criterion_id=keb,
                        value=Decimal(i),
                    )
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=chair, args=(n,)) for n in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    with open_event_file(server_database) as db, db.session() as s:
        revision = s.scalar(
            select(Score.revision).where(
                Score.juror_id == shared[0], Score.entry_id == shared[1], Score.criterion_id == sig
            )
        )
        assert revision == WRITERS * WRITES  # no change lost: one revision per write
        assert s.scalar(select(func.count(Score.id))) == 1 + WRITERS  # no duplicate cell
        own = s.scalars(select(Score.revision).where(Score.criterion_id == keb)).all()
        assert sorted(own) == [WRITES] * WRITERS
        assert s.scalar(select(func.count(AuditLog.id))) == 2 * WRITERS * WRITES
        assert audit.verify_chain(s) == []  # one chain, no fork
