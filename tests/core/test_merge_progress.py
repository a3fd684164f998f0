"""Juror progress for the chair: counts per juror and stage, submission, last package."""

from __future__ import annotations

from decimal import Decimal

from factories import make_event

from kolabik_desktop.core.exchange.kits import export_kit
from kolabik_desktop.core.exchange.merge import apply_import, prepare_import
from kolabik_desktop.core.exchange.packages import write_package
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.progress import juror_progress


def by_key(db):
    return {(r.juror_code, r.stage_code): r for r in juror_progress(db)}


def test_counts_follow_what_each_juror_scored(tmp_path, new_location):
    db, ids = make_event(new_location("ev"), entries=12, admitted_to_p2=5, p2_fill=0.0)
    rows = by_key(db)
    assert len(rows) == 5 * 2
    j1_p1 = rows[("J1", "P1")]
    # J1 is recused from one entry, so has 11 to score; fill=1.0 scored every one.
    assert (j1_p1.to_score, j1_p1.complete, j1_p1.partial, j1_p1.not_started) == (11, 11, 0, 0)
    j2_p2 = rows[("J2", "P2")]
    assert (j2_p2.to_score, j2_p2.complete, j2_p2.partial, j2_p2.not_started) == (5, 0, 0, 5)
    assert not j2_p2.submitted and j2_p2.last_package_at is None

    # Two of four P2 criteria on one entry: partial; all four on another: complete.
    kit = open_event_file(export_kit(db, "J2", tmp_path))
    j2 = ids.jurors[1]
    for entry, crits in (
        (ids.entries[1], ("PAP", "MAT")),
        (ids.entries[2], ("PAP", "MAT", "VID", "KHD")),
    ):
        for crit in crits:
            services.set_score(
                kit,
                juror_id=j2,
                entry_id=entry,
                criterion_id=ids.criteria[("P2", crit)],
                value=Decimal(80),
            )
    package = write_package(kit, tmp_path)
    kit.close()
    apply_import(db, prepare_import(db, [package]))
    services.set_submitted(db, juror_id=j2, stage_id=ids.stages["P1"], submitted=True)

    rows = by_key(db)
    j2_p2 = rows[("J2", "P2")]
    assert (j2_p2.complete, j2_p2.partial, j2_p2.not_started) == (1, 1, 3)
    assert j2_p2.last_package_file == package.name and j2_p2.last_package_at
    assert rows[("J2", "P1")].submitted and not j2_p2.submitted
    assert rows[("J3", "P2")].last_package_at is None


def test_a_value_on_a_weight_zero_criterion_alone_is_partial(tmp_path, new_location):
    db, ids = make_event(new_location("ev"), fill=0.0, conflict=False)
    services.set_score(
        db,
        juror_id=ids.jurors[0],
        entry_id=ids.entries[0],
        criterion_id=ids.criteria[("P1", "RIN")],  # Ringkasan: weight 0
        value=Decimal(50),
    )
    row = by_key(db)[("J1", "P1")]
    assert (row.complete, row.partial, row.not_started) == (0, 1, 11)
