"""The one writer logs every write in the shape `kolabik check` replays: after each write path
(the form's set_score, a package merge, a workbook import, a kit update carried back by the
next package, `kolabik set-score`) the check finds nothing, and it counts the chair's entries."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from factories import make_event
from sqlalchemy import select

from kolabik_desktop.cli import main
from kolabik_desktop.core.exchange.kits import export_kit, update_kit
from kolabik_desktop.core.exchange.merge import apply_import, prepare_import
from kolabik_desktop.core.exchange.packages import write_package
from kolabik_desktop.core.exchange.proof import prove
from kolabik_desktop.core.exchange.workbook import export_workbook, import_workbook
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import EventDB, open_event_file
from kolabik_desktop.core.store.models import AuditLog, Score


def _clean(db: EventDB) -> None:
    proof = prove(db)
    assert proof.applicable
    assert [(f.code, f.where) for f in proof.findings] == []


def _kit_edit(kit_path: Path, ids, entry: int, value: int, *, submit: bool = False) -> None:
    kit = open_event_file(kit_path)
    try:
        services.set_score(
            kit,
            juror_id=kit.kit_juror_id,
            entry_id=ids.entries[entry],
            criterion_id=ids.criteria[("P2", "PAP")],
            value=Decimal(value),
        )
        if submit:
            services.set_submitted(
                kit, juror_id=kit.kit_juror_id, stage_id=ids.stages["P2"], submitted=True
            )
    finally:
        kit.close()


def _send_and_import(db: EventDB, kit_path: Path, out: Path) -> None:
    out.mkdir(exist_ok=True)
    kit = open_event_file(kit_path)
    try:
        package = write_package(kit, out)
    finally:
        kit.close()
    apply_import(db, prepare_import(db, [package]))


def test_check_passes_after_every_write_path(tmp_path):
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, audited=True)
    try:
        _clean(db)
        # 1. The form: a chair's entry on a juror's behalf, logged with the chair as actor.
        services.set_score(
            db,
            juror_id=ids.jurors[2],
            entry_id=ids.entries[0],
            criterion_id=ids.criteria[("P2", "PAP")],
            value=Decimal(77),
        )
        _clean(db)
        assert prove(db).chair_entries >= 1
        with db.session() as s:
            last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
            assert last is not None and (last.actor, last.action) == ("chair", "score.set")

        # 2. A signed package merged; the juror submits the stage.
        kit_path = export_kit(db, "J2", tmp_path / "j2.kolabik-kit", stages=["P1", "P2"])
        _kit_edit(kit_path, ids, 1, 81, submit=True)
        _send_and_import(db, kit_path, tmp_path / "out1")
        _clean(db)
        assert prove(db).juror_signed >= 1

        # 3. The chair reopens; a kit update carries the reopen; the juror's next package.
        services.reopen_stage(db, juror_code="J2", stage_code="P2")
        _clean(db)
        new_kit = export_kit(db, "J2", tmp_path / "j2-new.kolabik-kit", stages=["P1", "P2"])
        update_kit(kit_path, new_kit)
        _kit_edit(kit_path, ids, 1, 83)
        _send_and_import(db, kit_path, tmp_path / "out2")
        _clean(db)
        with db.session() as s:
            stored = s.scalar(
                select(Score.value).where(
                    Score.juror_id == ids.jurors[1],
                    Score.entry_id == ids.entries[1],
                    Score.criterion_id == ids.criteria[("P2", "PAP")],
                )
            )
        assert stored == Decimal(83)
        export_workbook(db, tmp_path / "event.xlsx")
    finally:
        db.close()

    # 4. `kolabik set-score` in the chair's event.
    code = main(
        [
            "set-score",
            str(tmp_path / "chair.kolabik"),
            "--juror",
            "J3",
            "--stage",
            "P2",
            "--entry",
            "IN-001",
            "--criterion",
            "MAT",
            "--value",
            "64",
        ]
    )
    assert code == 0
    db = open_event_file(tmp_path / "chair.kolabik")
    try:
        _clean(db)
    finally:
        db.close()

    # 5. The event workbook imported into a new event.
    imported = import_workbook(tmp_path / "event.xlsx", tmp_path / "from-workbook.kolabik")
    try:
        _clean(imported)
    finally:
        imported.close()


def test_a_replicated_cell_in_a_submitted_stage_is_held_by_the_writer(tmp_path):
    """The submitted-stage lock (rules.held_submitted) binds a live push too, not only merge."""
    from kolabik_desktop.core.store.writer import ScoreCell, SubmissionCell, write_cells

    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, audited=True)
    try:
        juror, stage = ids.jurors[1], ids.stages["P2"]
        crit = ids.criteria[("P2", "PAP")]
        services.set_submitted(db, juror_id=juror, stage_id=stage, submitted=True)
        at = "2099-01-01T00:00:00Z"
        push = [
            ScoreCell(juror, ids.entries[0], crit, Decimal(90), "", 5, at),
            SubmissionCell(juror, stage, False, 9, at),
        ]
        result = write_cells(db, push, actor="J2", source="live:test")
        assert (result.held, result.scores, result.submissions) == (2, 0, 0)
        with db.session() as s:
            held = select(Score.value).where(Score.juror_id == juror, Score.criterion_id == crit)
            assert s.scalar(held) is None
        # Without the lock (a kit update: the chair's event decides) the same cells are taken.
        result = write_cells(db, push, actor="chair", source="kit", hold_submitted=False)
        assert (result.scores, result.submissions) == (1, 1)
        _clean(db)
    finally:
        db.close()
