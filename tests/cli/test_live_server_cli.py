"""Issue 16: the live link's hub (`kolabik hub`, issue 14) on an event stored in PostgreSQL.

The chair's event is copied onto the test server, a juror's kit is made from the server event,
and the juror syncs to a hub serving that URL: hub and juror in separate processes on loopback.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from helpers_live import kolabik, start_hub
from sqlalchemy import select

from kolabik_desktop.core.demo import build_demo_event
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import Criterion, Entry, Score


def kit_cell(kit_path: Path) -> tuple[int, int, int, Decimal]:
    """The kit's juror, its first entry and the P2 criterion PAP, and the value held there."""
    kit = open_event_file(kit_path)
    try:
        with kit.session() as s:
            entry = s.scalars(select(Entry.id).order_by(Entry.id)).first()
            crit = s.scalars(select(Criterion.id).where(Criterion.code == "PAP")).one()
            assert entry is not None
            value = s.scalar(
                select(Score.value).where(
                    Score.juror_id == kit.kit_juror_id,
                    Score.entry_id == entry,
                    Score.criterion_id == crit,
                )
            )
            return kit.kit_juror_id, entry, crit, value
    finally:
        kit.close()


def server_score(url: str, juror: int, entry: int, crit: int) -> tuple[Decimal, int] | None:
    db = open_event_file(url)
    try:
        with db.session() as s:
            row = s.execute(
                select(Score.value, Score.revision).where(
                    Score.juror_id == juror, Score.entry_id == entry, Score.criterion_id == crit
                )
            ).first()
            return None if row is None else (row[0], row[1])
    finally:
        db.close()


def test_a_juror_syncs_to_a_hub_serving_a_server_event(server_database, tmp_path):
    demo = tmp_path / "demo.kolabik"
    build_demo_event(demo)
    copied = kolabik("copy", demo, server_database, timeout=180)
    assert copied.returncode == 0, copied.stderr
    kit_path = tmp_path / "j5.kolabik-kit"
    made = kolabik("kit", server_database, "--juror", "J5", "--out", kit_path)
    assert made.returncode == 0, made.stderr

    juror, entry, crit, before = kit_cell(kit_path)
    before_on_server = server_score(server_database, juror, entry, crit)
    new = Decimal(37) if before == Decimal(73) else Decimal(73)
    assert before_on_server is None or before_on_server[0] != new
    kit = open_event_file(kit_path)
    try:
        services.set_score(kit, juror_id=juror, entry_id=entry, criterion_id=crit, value=new)
    finally:
        kit.close()

    hub = start_hub(server_database, "--no-discovery", "--approve-new")
    try:
        assert hub.url.startswith("http://127.0.0.1:") and not hub.url.endswith(":0")
        done = kolabik("sync", kit_path, "--hub", hub.address)
    finally:
        code, printed = hub.stop()
    assert done.returncode == 0, done.stderr + printed
    assert "every change acknowledged (1 sent;" in done.stdout
    assert code == 0 and "hub: stopped" in printed, printed

    # The hub wrote the score into the server event, as a new revision.
    after = server_score(server_database, juror, entry, crit)
    assert after is not None and after[0] == new
    assert after[1] == (before_on_server[1] + 1 if before_on_server else 1)

    checked = kolabik("check", server_database)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert ": OK (" in checked.stdout and "audit chain" in checked.stdout

    audit = kolabik("audit", server_database)
    assert audit.returncode == 0, audit.stderr
    live_sets = [
        line
        for line in audit.stdout.splitlines()
        if " score.set " in line and "(from live:J5" in line
    ]
    assert len(live_sets) == 1, audit.stdout[-3000:]
    assert live_sets[0].split(" J5 score.set ")[1].startswith("[J5 ")
    assert f"value={new}" in live_sets[0].rsplit(" -> ", 1)[1]
