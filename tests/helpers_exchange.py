"""Helpers shared by the exchange tests (core, cli and ui): copies of event files, kits scored."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kolabik_desktop.core.exchange.kits import export_kits
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import EventDB, open_event_file
from kolabik_desktop.core.store.models import Score

P2_CRITERIA = ("PAP", "MAT", "VID", "KHD")


def copy_db(src: str | Path, dst: str | Path) -> None:
    """A consistent copy of an event file, even an open one (its WAL included); an event on
    the test server is copied with `kolabik copy`'s transfer (into a fresh database)."""
    from kolabik_desktop.core.store.dialect import is_server_url
    from kolabik_desktop.core.store.transfer import copy_event

    if is_server_url(src) or is_server_url(dst):
        copy_event(src, dst)
        return
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()


def location_of(db: EventDB) -> str | Path:
    """Where an open event lives: its file, or its server URL."""
    from kolabik_desktop.core.store.dialect import ServerEventDB

    return db.label if isinstance(db, ServerEventDB) else db.path


def kits_by_juror(db: EventDB, folder: Path) -> dict[str, Path]:
    """Every juror's kit exported into a new folder, by juror code."""
    folder.mkdir()
    return {p.stem.rsplit("-", 1)[1]: p for p in export_kits(db, folder)}


def score_kit(kit_path: Path, ids, base: int, step: int) -> None:
    """Score the first five entries on every P2 criterion in a juror's kit: base + step*i + n."""
    kit = open_event_file(kit_path)
    try:
        for i, e in enumerate(ids.entries[:5]):
            for n, crit in enumerate(P2_CRITERIA):
                services.set_score(
                    kit,
                    juror_id=kit.kit_juror_id,
                    entry_id=e,
                    criterion_id=ids.criteria[("P2", crit)],
                    value=Decimal(base + step * i + n),
                )
    finally:
        kit.close()


def score_rows(s: Session) -> list:
    """Every score row with its note, revision and time, sorted: what a merge may change."""
    return sorted(
        s.execute(
            select(
                Score.juror_id,
                Score.entry_id,
                Score.criterion_id,
                Score.value,
                Score.note,
                Score.revision,
                Score.updated_at,
            )
        ).all()
    )


def kit_signing_key(kit_path: Path) -> bytes:
    """The private key a kit made for itself (read straight from the file)."""
    with sqlite3.connect(kit_path) as con:
        row = con.execute("SELECT value FROM setting WHERE key = 'kit_signing_key'").fetchone()
    con.close()
    return bytes.fromhex(row[0])
