"""Juror kits: one juror's cut of the event file, nothing of anyone else, updatable later."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from factories import make_event
from sqlalchemy import select

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.exchange.kits import (
    export_kit,
    export_kits,
    kit_stage_codes,
    update_kit,
)
from kolabik_desktop.core.store import audit, services, setup
from kolabik_desktop.core.store.db import open_event_file, utc_now
from kolabik_desktop.core.store.models import (
    Assignment,
    Attachment,
    Comment,
    Juror,
    Score,
    Setting,
    StageAdmission,
    Submission,
)


def _add_attachments(db, entry_ids):
    with db.session() as s:
        for e in entry_ids:
            s.add(
                Attachment(
                    entry_id=e,
                    filename=f"proposal-{e}.pdf",
                    mime="application/pdf",
                    size=12,
                    sha256=f"{e:064d}",
                    data=f"PDF-OF-{e:04d}".encode(),
                )
            )


def test_kit_holds_nothing_of_any_other_juror(tmp_path, new_location):
    db, ids = make_event(new_location("ev"), p2_fill=1.0)
    j2, j3 = ids.jurors[1], ids.jurors[2]
    p1 = ids.stages["P1"]
    services.set_comment(
        db, juror_id=j3, entry_id=ids.entries[3], stage_id=p1, text="RAHASIA-JURI-TIGA"
    )
    services.set_comment(db, juror_id=j2, entry_id=ids.entries[3], stage_id=p1, text="milik J2")
    services.set_score(
        db,
        juror_id=j3,
        entry_id=ids.entries[4],
        criterion_id=ids.criteria[("P1", "SIG")],
        value=Decimal(61),
        note="CATATAN-RAHASIA-J3",
    )
    services.set_submitted(db, juror_id=j3, stage_id=p1, submitted=True)
    details = setup.get_event_details(db)
    setup.update_event_details(db, setup.replace(details, report_place="Pasuruan"))
    with db.session() as s:  # the chair's own settings, e.g. a per-stage assignment rule
        s.add(Setting(key="setup.assignment.1", value='{"mode": "all"}'))
    export_kits(db, tmp_path)  # every juror gets a key
    with db.session() as s:
        keys = {j.code: j.secret_key for j in s.scalars(select(Juror))}
        j2_scores = s.execute(
            select(Score.entry_id, Score.criterion_id, Score.value).where(Score.juror_id == j2)
        ).all()
    kit = export_kit(db, "J2", tmp_path / "j2.kolabik-kit", stages=["P1", "P2"])

    con = sqlite3.connect(kit)
    try:
        assert con.execute("SELECT kind, kit_juror_id, uid FROM event").fetchall() == [
            ("kit", j2, db.uid)
        ]
        assert con.execute("SELECT id, code, secret_key FROM juror").fetchall() == [
            (j2, "J2", keys["J2"])
        ]
        for table in ("score", "comment", "submission", "assignment", "conflict"):
            others = con.execute(f"SELECT count(*) FROM {table} WHERE juror_id != ?", (j2,))
            assert others.fetchone() == (0,), table
        for table in ("audit_log", "package_receipt", "decision"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
        kit_scores = con.execute("SELECT entry_id, criterion_id, value FROM score").fetchall()
        assert sorted(kit_scores) == sorted((e, c, str(v)) for e, c, v in j2_scores)
        assert con.execute("SELECT text FROM comment").fetchall() == [("milik J2",)]
        assert con.execute("SELECT count(*) FROM entry").fetchone() == (len(ids.entries),)
        # Only the signing place for the juror's own sheet, the kit's stages, the chair's audit
        # head when the kit was made (the anchor its packages sign) and the public half of the
        # chair's live-session key are kept (never its private half).
        settings = dict(con.execute("SELECT key, value FROM setting"))
        hub_public = settings.pop("live_hub_public")
        with db.session() as s:
            head = audit.last_hash(s)
            assert hub_public == s.get(Setting, "live_hub_public").value
            private = s.get(Setting, "live_hub_private").value
        assert settings == {
            "kit_stages": "P1 P2",
            "report.place": "Pasuruan",
            "chair_audit_head": head,
        }
        assert private.encode() not in kit.read_bytes()
    finally:
        con.close()
    raw = kit.read_bytes()
    # VACUUM really removed the deleted rows from the file's pages.
    for secret in (b"RAHASIA-JURI-TIGA", b"CATATAN-RAHASIA-J3", b"Juri 3", b"Juri 1"):
        assert secret not in raw
    for code, key in keys.items():
        assert (key in raw) == (code == "J2")


def test_kit_key_is_generated_once_and_kept_in_the_chairs_file(tmp_path, new_location):
    db, _ids = make_event(new_location("ev"))
    first = export_kit(db, "J1", tmp_path)
    with db.session() as s:
        key = s.scalar(select(Juror.secret_key).where(Juror.code == "J1"))
        others = s.scalars(select(Juror.secret_key).where(Juror.code != "J1")).all()
    assert first.name == "Kolabik-Uji-2023-J1.kolabik-kit"
    assert key is not None and len(key) == 32
    assert others == [None] * 4  # keys only for jurors who got a kit
    export_kit(db, "J1", tmp_path / "again.kolabik-kit")
    with db.session() as s:
        assert s.scalar(select(Juror.secret_key).where(Juror.code == "J1")) == key
        assert not audit.verify_chain(s)


def test_default_kit_is_for_the_current_stage_and_its_entries(tmp_path, new_location):
    db, ids = make_event(new_location("ev"), admitted_to_p2=4)
    _add_attachments(db, ids.entries[:6])
    kit_path = export_kit(db, "J3", tmp_path)
    kit = open_event_file(kit_path)
    try:
        assert kit.kind == "kit" and kit.kit_juror_id == ids.jurors[2]
        assert kit_stage_codes(kit) == ["P2"]
        with kit.session() as s:
            from kolabik_desktop.core.store.models import Entry

            assert sorted(s.scalars(select(Entry.id))) == sorted(ids.entries[:4])
            attached = sorted(s.scalars(select(Attachment.entry_id)))
            assert attached == sorted(ids.entries[:4])
            assert s.scalar(select(Attachment.data).where(Attachment.entry_id == ids.entries[0]))
    finally:
        kit.close()
    assert b"PDF-OF-%04d" % ids.entries[5] not in kit_path.read_bytes()


def test_kit_follows_assignments_and_drops_scores_on_recused_entries(tmp_path, new_location):
    db, ids = make_event(new_location("ev"))
    j1 = ids.jurors[0]
    p1 = ids.stages["P1"]
    with db.session() as s:
        for e in ids.entries[:3]:
            s.add(Assignment(stage_id=p1, juror_id=j1, entry_id=e))
        s.add(Assignment(stage_id=p1, juror_id=ids.jurors[1], entry_id=ids.entries[5]))
        # A score typed before the conflict was recorded: the chair would refuse it from J1.
        s.add(
            Score(
                juror_id=j1,
                entry_id=ids.entries[0],
                criterion_id=ids.criteria[("P1", "SIG")],
                value=Decimal(70),
                note="",
                revision=1,
                updated_at=utc_now(),
            )
        )
    kit = export_kit(db, "J1", tmp_path, stages=["P1"])
    con = sqlite3.connect(kit)
    try:
        assert sorted(r[0] for r in con.execute("SELECT id FROM entry")) == sorted(ids.entries[:3])
        assert con.execute("SELECT juror_id, entry_id FROM conflict").fetchall() == [
            (j1, ids.entries[0])
        ]
        assert con.execute(
            "SELECT count(*) FROM score WHERE entry_id = ?", (ids.entries[0],)
        ).fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM assignment").fetchone() == (3,)
    finally:
        con.close()


def test_unknown_juror_or_stage_is_refused(tmp_path, new_location):
    db, _ids = make_event(new_location("ev"))
    with pytest.raises(KolabikError, match="unknown juror"):
        export_kit(db, "J9", tmp_path)
    with pytest.raises(KolabikError, match="unknown stage"):
        export_kit(db, "J1", tmp_path, stages=["P7"])
    with pytest.raises(KolabikError, match="folder does not exist"):
        export_kits(db, tmp_path / "missing")
    assert not list(tmp_path.glob("*.kolabik-kit"))


def test_kits_from_a_kit_are_refused(tmp_path, new_location):
    db, _ids = make_event(new_location("ev"))
    kit = open_event_file(export_kit(db, "J1", tmp_path))
    try:
        with pytest.raises(KolabikError, match="chair's event file"):
            export_kit(kit, "J1", tmp_path / "x.kolabik-kit")
    finally:
        kit.close()


def test_a_later_kit_updates_the_jurors_kit_without_touching_their_scores(tmp_path, new_location):
    db, ids = make_event(new_location("ev"), fill=0.5, seed=3, admitted_to_p2=3)
    j2 = ids.jurors[1]
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    kit_path = export_kit(db, "J2", tmp_path / "old", stages=["P1"])
    kit = open_event_file(kit_path)
    try:
        sig = ids.criteria[("P1", "SIG")]
        late_entry = ids.entries[9]  # not admitted to P2
        mine = services.set_score(
            kit, juror_id=j2, entry_id=late_entry, criterion_id=sig, value=Decimal(88), note="x"
        )
        # The chair types a stage-2 score for J2 from paper, then admits one more entry.
        pap = ids.criteria[("P2", "PAP")]
        services.set_score(
            db, juror_id=j2, entry_id=ids.entries[1], criterion_id=pap, value=Decimal(64)
        )
        with db.session() as s:
            s.add(StageAdmission(stage_id=ids.stages["P2"], entry_id=ids.entries[10]))
        _add_attachments(db, [ids.entries[1], ids.entries[10]])
        new_kit = export_kit(db, "J2", tmp_path / "new")
        with kit.session() as s:
            before = {
                (r.entry_id, r.criterion_id): (r.value, r.revision)
                for r in s.scalars(select(Score))
            }
        changes = []
        kit.changes.subscribe(changes.append)

        result = update_kit(kit, new_kit)

        assert result.stages == ("P2",)
        assert result.scores_from_chair == 1
        assert kit_stage_codes(kit) == ["P2"]
        with kit.session() as s:
            after = {
                (r.entry_id, r.criterion_id): (r.value, r.revision)
                for r in s.scalars(select(Score))
            }
            from kolabik_desktop.core.store.models import Entry

            entries = set(s.scalars(select(Entry.id)))
            admitted = set(s.scalars(select(StageAdmission.entry_id)))
            attached = dict(s.execute(select(Attachment.entry_id, Attachment.data)).all())
            assert not audit.verify_chain(s)
        assert after[(late_entry, sig)] == (Decimal(88), mine.revision)
        assert after[(ids.entries[1], pap)] == (Decimal(64), 1)
        assert {k: v for k, v in after.items() if k[1] != pap} == before
        assert admitted == {ids.entries[0], ids.entries[1], ids.entries[2], ids.entries[10]}
        assert attached == {e: b"PDF-OF-%04d" % e for e in (ids.entries[1], ids.entries[10])}
        scored = {e for e, _c in after}
        assert entries == admitted | scored
        assert changes and changes[-1].kind == "all"
    finally:
        kit.close()


def test_a_later_kit_merges_comments_and_submissions_by_the_package_rule(tmp_path, new_location):
    db, ids = make_event(new_location("ev"))
    j2, p1 = ids.jurors[1], ids.stages["P1"]
    first, third = ids.entries[0], ids.entries[2]
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    kit = open_event_file(export_kit(db, "J2", tmp_path / "old", stages=["P1"]))
    try:
        for text in ("draf", "punya juri"):  # revision 2 in the kit
            services.set_comment(kit, juror_id=j2, entry_id=first, stage_id=p1, text=text)
        services.set_submitted(kit, juror_id=j2, stage_id=p1, submitted=True)
        # Later, the chair types from paper: an older revision, a new cell, a reopening.
        services.set_comment(db, juror_id=j2, entry_id=first, stage_id=p1, text="kertas lama")
        services.set_comment(db, juror_id=j2, entry_id=third, stage_id=p1, text="dari kertas")
        services.set_submitted(db, juror_id=j2, stage_id=p1, submitted=False)
        new_kit = export_kit(db, "J2", tmp_path / "new", stages=["P1"])

        update_kit(kit, new_kit)

        with kit.session() as s:
            comments = dict(s.execute(select(Comment.entry_id, Comment.text)).all())
            submitted = s.scalar(select(Submission.submitted).where(Submission.stage_id == p1))
        assert comments == {first: "punya juri", third: "dari kertas"}
        assert submitted is False
    finally:
        kit.close()


def test_update_kit_refuses_another_jurors_kit(tmp_path, new_location):
    db, _ids = make_event(new_location("ev"))
    (tmp_path / "a").mkdir()
    kit = open_event_file(export_kit(db, "J1", tmp_path / "a"))
    other = export_kit(db, "J2", tmp_path)
    try:
        with pytest.raises(KolabikError, match="another juror"):
            update_kit(kit, other)
        with pytest.raises(KolabikError, match="another juror"):
            update_kit(other, kit.path)  # a kit given by its path
        with kit.session() as s:
            assert [j.code for j in s.scalars(select(Juror))] == ["J1"]
    finally:
        kit.close()


def test_a_kit_never_replaces_the_event_file_or_another_document(tmp_path):
    db, _ids = make_event(tmp_path / "chair.kolabik")
    try:
        before = db.path.read_bytes()
        other = tmp_path / "notes.txt"
        other.write_text("keep me")
        for target in (db.path, other):
            with pytest.raises(KolabikError, match="already exists and is not a juror kit"):
                export_kit(db, "J1", target)
        assert db.path.read_bytes() == before and other.read_text() == "keep me"
        kit = export_kit(db, "J1", tmp_path / "j1.kolabik-kit")
        assert export_kit(db, "J1", kit) == kit  # an earlier kit is replaced
    finally:
        db.close()


# --- Issue 13: a failed kit export is never audited as done ---------------------------------


def _kit_rows(db) -> list[str]:
    from kolabik_desktop.core.store.models import AuditLog

    with db.session() as s:
        return list(
            s.scalars(
                select(AuditLog.action)
                .where(AuditLog.action.like("kit.export%"))
                .order_by(AuditLog.id)
            )
        )


def test_a_kit_that_could_not_be_written_leaves_no_audit_row(tmp_path, monkeypatch):
    import errno

    import kolabik_desktop.core.exchange.kits as kits
    from kolabik_desktop.core.store.integrity import check_event

    db, _ids = make_event(tmp_path / "e.kolabik", fill=0.0)
    out = tmp_path / "J1.kolabik-kit"
    out.write_bytes(b"an earlier kit")
    real_cut = kits._cut_to_juror

    def disk_full(con, *args):  # the temporary kit fills the disk while it is cut
        real_cut(con, *args)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(kits, "_cut_to_juror", disk_full)
    with pytest.raises(KolabikError, match="disk is full"):
        export_kit(db, "J1", out)
    assert _kit_rows(db) == []
    assert out.read_bytes() == b"an earlier kit"
    assert sorted(p.name for p in tmp_path.iterdir() if ".part" in p.name) == []
    assert check_event(db) == []
    monkeypatch.undo()
    export_kit(db, "J1", out)
    assert _kit_rows(db) == ["kit.export"]


def test_a_kit_names_the_head_of_its_own_export_row_and_check_against_it_passes(tmp_path):
    from kolabik_desktop.core.exchange.proof import check_against

    db, _ids = make_event(tmp_path / "e.kolabik", fill=0.0)
    (tmp_path / "kits").mkdir()
    paths = export_kits(db, tmp_path / "kits")
    with db.session() as s:
        head = audit.last_hash(s)
    for path in paths:
        con = sqlite3.connect(path)
        (anchor,) = con.execute(
            "SELECT value FROM setting WHERE key = 'chair_audit_head'"
        ).fetchone()
        con.close()
        assert anchor == head  # the last kit.export row of this export
        result = check_against(db, path)
        assert (result.kind, result.findings, result.rows_since) == ("kit", [], 0)
    # A kit whose head the event's log does not hold is found out.
    con = sqlite3.connect(paths[0])
    con.execute("UPDATE setting SET value = ? WHERE key = 'chair_audit_head'", ("ab" * 32,))
    con.commit()
    con.close()
    assert [f.code for f in check_against(db, paths[0]).findings] == ["against.head_missing"]


def test_a_rename_failing_after_the_commit_is_audited_as_failed(tmp_path, monkeypatch):
    import errno

    import kolabik_desktop.core.exchange.kits as kits

    db, _ids = make_event(tmp_path / "e.kolabik", fill=0.0)

    def gone(_tmp, _target):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(kits, "fsync_and_rename", gone)
    with pytest.raises(KolabikError, match="could not write the kit"):
        export_kit(db, "J1", tmp_path / "J1.kolabik-kit")
    assert _kit_rows(db) == ["kit.export", "kit.export.failed"]
    assert not (tmp_path / "J1.kolabik-kit").exists()
    assert [p.name for p in tmp_path.iterdir() if ".part" in p.name] == []
