"""Issue 12 part B: juror-signed scores, `kolabik check` proving them, submitted means submitted.

Each tampering case is done the way someone holding the file would do it: straight SQL on the
SQLite file, and where needed the audit chain re-hashed so that it agrees with itself again.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from factories import make_event
from helpers_exchange import kit_signing_key
from sqlalchemy import select

from kolabik_desktop.cli import main
from kolabik_desktop.cli.exchange_cmds import format_plan
from kolabik_desktop.core.errors import ValidationError
from kolabik_desktop.core.exchange.kits import export_kit, update_kit
from kolabik_desktop.core.exchange.merge import apply_import, prepare_import
from kolabik_desktop.core.exchange.packages import canonical_bytes, write_package
from kolabik_desktop.core.exchange.proof import check_against, prove
from kolabik_desktop.core.exchange.signing import key_fingerprint, public_key_of
from kolabik_desktop.core.reports import ReportOptions, build_report, load_report_data
from kolabik_desktop.core.store import audit, services
from kolabik_desktop.core.store.db import EventDB, open_event_file
from kolabik_desktop.core.store.models import AuditLog, Juror, Score, Submission

P2 = ("PAP", "MAT", "VID", "KHD")


def _kit_scores(kit_path: Path, ids, values: dict[tuple[int, str], int], *, submit: bool) -> None:
    kit = open_event_file(kit_path)
    try:
        for (entry, crit), value in values.items():
            services.set_score(
                kit,
                juror_id=kit.kit_juror_id,
                entry_id=ids.entries[entry],
                criterion_id=ids.criteria[("P2", crit)],
                value=Decimal(value),
            )
        if submit:
            services.set_submitted(
                kit, juror_id=kit.kit_juror_id, stage_id=ids.stages["P2"], submitted=True
            )
    finally:
        kit.close()


def _send(kit_path: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    kit = open_event_file(kit_path)
    try:
        return write_package(kit, folder)
    finally:
        kit.close()


def _import(db: EventDB, *packages: Path):
    plan = prepare_import(db, list(packages))
    apply_import(db, plan)
    return plan


def _value(db: EventDB, juror: int, entry: int, criterion: int) -> Decimal | None:
    with db.session() as s:
        return s.scalar(
            select(Score.value).where(
                Score.juror_id == juror, Score.entry_id == entry, Score.criterion_id == criterion
            )
        )


@pytest.fixture
def signed(tmp_path):
    """A chair's event (every factory score logged), and J2's signed, submitted P2 package."""
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, audited=True)
    kit = export_kit(db, "J2", tmp_path / "j2.kolabik-kit", stages=["P1", "P2"])
    _kit_scores(
        kit, ids, {(e, c): 60 + e * 4 + n for e in range(3) for n, c in enumerate(P2)}, submit=True
    )
    package = _send(kit, tmp_path / "out")
    plan = _import(db, package)
    yield db, ids, kit, package, plan
    db.close()


def _raw(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    with con:
        for sql in statements:
            con.execute(sql)
    con.close()


def _rehash(path: Path) -> None:
    """Recompute every audit row's hash in order: what anyone with the file can do."""
    con = sqlite3.connect(path)
    with con:
        prev = audit.GENESIS
        rows = con.execute(
            "SELECT id, at, actor, action, source, subject, old, new FROM audit_log ORDER BY id"
        ).fetchall()
        for row_id, *fields in rows:
            h = audit._row_hash(prev, *fields)
            con.execute(
                "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, row_id)
            )
            prev = h
    con.close()


def _codes(findings) -> list[str]:
    return [f.code for f in findings]


# ---------------------------------------------------------------------------------------------
# Juror keys: made by the kit, trusted on first use, another key refused
# ---------------------------------------------------------------------------------------------


def test_the_first_package_records_the_jurors_key_and_another_key_is_refused(signed, tmp_path):
    db, ids, kit, _package, plan = signed
    public = public_key_of(kit_signing_key(kit))
    item = plan.items[0]
    assert item.juror_signed and item.new_key
    assert item.key_fingerprint == key_fingerprint(public)
    assert f"key fingerprint {item.key_fingerprint}" in format_plan(plan)
    with db.session() as s:
        assert s.scalar(select(Juror.public_key).where(Juror.code == "J2")) == public
        logged = s.scalars(select(AuditLog).where(AuditLog.action == "juror.key")).one()
        assert item.key_fingerprint in logged.new
    # The printed sheet shows the same fingerprint the kit's own sheet shows.
    assert load_report_data(db).key_fingerprints[ids.jurors[1]] == item.key_fingerprint
    kit_db = open_event_file(kit)
    assert load_report_data(kit_db).key_fingerprints[ids.jurors[1]] == item.key_fingerprint
    kit_db.close()

    # A second kit for J2 (e.g. someone else's laptop) makes its own key: refused, nothing merged.
    other = export_kit(db, "J2", tmp_path / "j2-other.kolabik-kit", stages=["P1", "P2"])
    forged = _send(other, tmp_path / "other")
    plan = prepare_import(db, [forged])
    assert plan.refused == 1
    assert "signed by another key" in str(plan.items[0].problems[0])
    assert item.key_fingerprint in str(plan.items[0].problems[0])
    with db.session() as s:
        assert s.scalar(select(Juror.public_key).where(Juror.code == "J2")) == public


def _old_format(package: Path, db: EventDB, name: str) -> Path:
    """The package as the previous version wrote it: format 1, the shared-secret HMAC only."""
    doc = json.loads(package.read_bytes())
    for key in ("juror_key", "chair_audit_head", "signature"):
        doc.pop(key)
    doc["version"] = 1
    with db.session() as s:
        secret = s.scalar(select(Juror.secret_key).where(Juror.code == doc["juror"]))
    mac = hmac.new(secret, canonical_bytes(doc), hashlib.sha256).hexdigest()
    doc["signature"] = {"algorithm": "HMAC-SHA256", "value": mac}
    path = package.with_name(name)
    path.write_text(json.dumps(doc))
    return path


def test_old_format_packages_import_with_a_note_until_the_juror_has_a_key(tmp_path, capsys):
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, audited=True)
    kit = export_kit(db, "J3", tmp_path / "j3.kolabik-kit", stages=["P1", "P2"])
    _kit_scores(kit, ids, {(0, "PAP"): 71}, submit=False)
    old = _old_format(_send(kit, tmp_path / "out"), db, "old.kolabik-scores")
    plan = _import(db, old)
    assert plan.refused == 0 and not plan.items[0].juror_signed
    assert "NOT juror-signed" in format_plan(plan)
    assert _value(db, ids.jurors[2], ids.entries[0], ids.criteria[("P2", "PAP")]) == 71
    proof = prove(db)
    assert proof.findings == [] and proof.juror_signed == 0 and proof.unsigned > 0
    # Once a signed package has arrived, the old format can no longer speak for that juror.
    _kit_scores(kit, ids, {(0, "PAP"): 72}, submit=False)
    _import(db, _send(kit, tmp_path / "out"))
    _kit_scores(kit, ids, {(0, "PAP"): 73}, submit=False)
    late_old = _old_format(_send(kit, tmp_path / "out"), db, "late-old.kolabik-scores")
    plan = prepare_import(db, [late_old])
    assert plan.refused == 1 and "old shared-secret signature" in str(plan.items[0].problems[0])
    db.close()


# ---------------------------------------------------------------------------------------------
# Submitted means submitted
# ---------------------------------------------------------------------------------------------


def _hand_edit_kit(kit: Path, ids, value: int) -> None:
    """Un-submit P2 in the kit's SQLite file, change a P2 score and a P1 score, re-submit."""
    pap, sig = ids.criteria[("P2", "PAP")], ids.criteria[("P1", "SIG")]
    _raw(
        kit,
        "UPDATE submission SET submitted = 0, revision = revision + 1",
        f"UPDATE score SET value = '{value}', revision = revision + 1, updated_at = "
        f"'2099-01-01' WHERE entry_id = {ids.entries[0]} AND criterion_id = {pap}",
        f"UPDATE score SET value = '88', revision = revision + 1, updated_at = '2099-01-01' "
        f"WHERE entry_id = {ids.entries[5]} AND criterion_id = {sig}",
        "UPDATE submission SET submitted = 1, revision = revision + 1",
    )


def test_a_hand_edited_kit_cannot_change_a_submitted_stage(signed, tmp_path):
    db, ids, kit, _package, _plan = signed
    j2, pap, sig = ids.jurors[1], ids.criteria[("P2", "PAP")], ids.criteria[("P1", "SIG")]
    before = _value(db, j2, ids.entries[0], pap)
    _hand_edit_kit(kit, ids, 99)
    plan = _import(db, _send(kit, tmp_path / "edited"))
    item = plan.items[0]
    assert not item.refused and item.locked == {"P2": 1}
    assert "stage P2: REFUSED (1 change(s))" in format_plan(plan)
    assert _value(db, j2, ids.entries[0], pap) == before  # the submitted stage kept its score
    assert _value(db, j2, ids.entries[5], sig) == 88  # the rest of the package merged
    assert prove(db).findings == []


def test_the_chairs_reopen_reaches_the_kit_and_then_changes_merge(signed, tmp_path, capsys):
    db, ids, kit, _package, _plan = signed
    j2, pap = ids.jurors[1], ids.criteria[("P2", "PAP")]
    with pytest.raises(ValidationError, match="has not submitted"):
        services.reopen_stage(db, juror_code="J2", stage_code="P1")
    db_path = db.path
    db.close()
    assert main(["reopen", str(db_path), "--juror", "J2", "--stage", "P2"]) == 0
    db = open_event_file(db_path)
    with db.session() as s:
        assert s.get(Submission, (j2, ids.stages["P2"])).submitted is False
        last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert (last.actor, last.action) == ("chair", "stage.reopen")
    # The reopen travels to the juror's kit with the next kit.
    newer = export_kit(db, "J2", tmp_path / "j2-new.kolabik-kit", stages=["P2"])
    update_kit(kit, newer)
    kit_db = open_event_file(kit)
    with kit_db.session() as s:
        assert s.get(Submission, (j2, ids.stages["P2"])).submitted is False
    kit_db.close()
    _kit_scores(kit, ids, {(0, "PAP"): 97}, submit=True)
    plan = _import(db, _send(kit, tmp_path / "after"))
    assert plan.items[0].locked == {} and plan.items[0].changed == 1
    assert _value(db, j2, ids.entries[0], pap) == 97
    with db.session() as s:
        assert s.get(Submission, (j2, ids.stages["P2"])).submitted is True
    assert prove(db).findings == []
    db.close()


# ---------------------------------------------------------------------------------------------
# kolabik check: the tables against the log
# ---------------------------------------------------------------------------------------------


def test_a_sound_event_with_signed_scores_proves_out(signed):
    db, ids, _kit, _package, _plan = signed
    proof = prove(db)
    assert proof.findings == []
    with db.session() as s:
        j2_scores = len(s.scalars(select(Score.id).where(Score.juror_id == ids.jurors[1])).all())
    # Every J2 score (the P1 ones the kit came with, and the 12 new P2 ones) is in J2's package.
    assert proof.juror_signed == j2_scores > 12
    assert proof.signed_packages == 1 and proof.anchors == 1


@pytest.mark.parametrize(
    ("sql", "code"),
    [
        ("UPDATE score SET value = '99' WHERE id = (SELECT min(id) FROM score)", "score.differs"),
        (
            "INSERT INTO score (juror_id, entry_id, criterion_id, value, note, revision, "
            "updated_at) SELECT 2, 4, c.id, '77', '', 1, 'x' FROM criterion c "
            "WHERE c.code = 'PAP'",
            "score.added",
        ),
        ("DELETE FROM score WHERE id = (SELECT max(id) FROM score)", "score.missing"),
    ],
    ids=["edit", "insert", "delete"],
)
def test_check_finds_a_direct_edit_insert_or_delete(signed, capsys, sql, code):
    db, _ids, _kit, _package, _plan = signed
    _raw(db.path, sql)
    findings = prove(db).findings
    assert code in _codes(findings)
    assert main(["check", str(db.path)]) == 1
    err = capsys.readouterr().err
    assert "behind the program's back" in err and "Traceback" not in err


def test_check_finds_an_edited_juror_signed_score_even_with_its_log_row_rewritten(signed):
    db, ids, _kit, _package, _plan = signed
    cell = f"juror_id = {ids.jurors[1]} AND entry_id = {ids.entries[0]} AND criterion_id = " + str(
        ids.criteria[("P2", "PAP")]
    )
    _raw(
        db.path,
        f"UPDATE score SET value = '100' WHERE {cell}",
        'UPDATE audit_log SET new = replace(new, \'"value":"60"\', \'"value":"100"\') '
        "WHERE action = 'score.set' AND subject LIKE '%\"juror\":\"J2\"%' "
        "AND subject LIKE '%\"criterion\":\"PAP\"%' AND subject LIKE '%IN-001%'",
    )
    _rehash(db.path)
    with db.session() as s:
        assert audit.verify_chain(s) == []  # the chain agrees with itself again
    findings = prove(db).findings
    assert _codes(findings) == ["score.not_signed"]


def test_check_finds_a_rehashed_log_by_a_juror_signed_anchor(tmp_path, capsys):
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, audited=True)
    # The chair enters a score on J1's behalf, then J2's kit is made (anchoring the log so far).
    services.set_score(
        db,
        juror_id=ids.jurors[0],
        entry_id=ids.entries[2],
        criterion_id=ids.criteria[("P2", "PAP")],
        value=Decimal(50),
    )
    kit = export_kit(db, "J2", tmp_path / "j2.kolabik-kit", stages=["P1", "P2"])
    _kit_scores(kit, ids, {(1, "PAP"): 80}, submit=False)
    _import(db, _send(kit, tmp_path / "out"))
    assert prove(db).findings == []
    # Someone with the file raises the chair's entry, rewrites its log row and re-hashes.
    _raw(
        db.path,
        f"UPDATE score SET value = '95' WHERE juror_id = {ids.jurors[0]} AND entry_id = "
        f"{ids.entries[2]} AND criterion_id = {ids.criteria[('P2', 'PAP')]}",
        'UPDATE audit_log SET new = replace(new, \'"value":"50"\', \'"value":"95"\') '
        "WHERE actor = 'chair' AND action = 'score.set'",
    )
    _rehash(db.path)
    findings = prove(db).findings
    assert _codes(findings) == ["anchor.missing"]
    db.close()
    assert main(["check", str(tmp_path / "chair.kolabik")]) == 1
    assert "rewritten (re-hashed) or cut" in capsys.readouterr().err


def test_check_against_a_report_finds_a_tail_cut(signed, tmp_path, capsys):
    db, ids, _kit, _package, _plan = signed
    cell = (ids.jurors[2], ids.entries[1], ids.criteria[("P1", "SIG")])
    original = _value(db, *cell)
    services.set_score(
        db, juror_id=cell[0], entry_id=cell[1], criterion_id=cell[2], value=Decimal(51)
    )
    report = tmp_path / "recap.pdf"
    report.write_bytes(build_report(load_report_data(db), ReportOptions(kind="recap", stage="P1")))
    assert check_against(db, report).findings == []
    # Later work goes on the log; the report's state is still in the history.
    services.set_score(
        db, juror_id=cell[0], entry_id=cell[1], criterion_id=cell[2], value=Decimal(52)
    )
    later = check_against(db, report)
    assert later.findings == [] and later.rows_since == 1 and not later.same_data
    # The tail is cut back to before the report, the score put back to match: consistent alone.
    _raw(
        db.path,
        "DELETE FROM audit_log WHERE id > (SELECT max(id) - 2 FROM audit_log)",
        f"UPDATE score SET value = '{original}', revision = 1 WHERE juror_id = {cell[0]} "
        f"AND entry_id = {cell[1]} AND criterion_id = {cell[2]}",
    )
    assert prove(db).findings == []
    assert _codes(check_against(db, report).findings) == ["against.head_missing"]
    assert main(["check", str(db.path), "--against", str(report)]) == 1
    assert "tail was cut or rewritten" in capsys.readouterr().err


def test_check_against_a_backup(signed, tmp_path, capsys):
    db, ids, _kit, _package, _plan = signed
    backup = tmp_path / "earlier.kolabik-backup"
    with sqlite3.connect(db.path) as a, sqlite3.connect(backup) as b:
        a.backup(b)
    a.close()
    b.close()
    services.set_score(
        db,
        juror_id=ids.jurors[2],
        entry_id=ids.entries[1],
        criterion_id=ids.criteria[("P1", "SIG")],
        value=Decimal(51),
    )
    result = check_against(db, backup)
    assert result.findings == [] and result.rows_since == 1
    assert main(["check", str(db.path), "--against", str(backup)]) == 0
    assert "continues this backup's unchanged" in capsys.readouterr().out
    _raw(db.path, "UPDATE audit_log SET at = 'x' WHERE id = 3")
    _rehash(db.path)
    assert _codes(check_against(db, backup).findings) == ["against.log_diverges"]


def test_a_forged_juror_score_is_found_against_the_jurors_own_package(signed, capsys):
    """With the file alone a complete forgery (signed copy, key and key row removed, log row
    rewritten to the new value, chain re-hashed) looks like an old unsigned import; the juror's
    own package proves otherwise."""
    db, ids, _kit, package, _plan = signed
    cell = f"juror_id = {ids.jurors[1]} AND entry_id = {ids.entries[0]} AND criterion_id = " + str(
        ids.criteria[("P2", "PAP")]
    )
    _raw(
        db.path,
        f"UPDATE score SET value = '100' WHERE {cell}",
        'UPDATE audit_log SET new = replace(new, \'"value":"60"\', \'"value":"100"\') '
        "WHERE action = 'score.set' AND subject LIKE '%\"juror\":\"J2\"%' "
        "AND subject LIKE '%\"criterion\":\"PAP\"%' AND subject LIKE '%IN-001%'",
        "UPDATE package_receipt SET document = NULL",
        "UPDATE juror SET public_key = NULL",
        "DELETE FROM audit_log WHERE action = 'juror.key'",
    )
    _rehash(db.path)
    assert prove(db).findings == []  # the chair's file alone cannot tell
    findings = check_against(db, package).findings
    assert "against.score_forged" in _codes(findings)
    assert main(["check", str(db.path), "--against", str(package)]) == 1
    err = capsys.readouterr().err
    assert "the juror signed 60" in err and "forged" in err and "IN-001" in err


def test_check_against_a_package_never_imported(tmp_path):
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, audited=True)
    kit = export_kit(db, "J2", tmp_path / "j2.kolabik-kit", stages=["P1", "P2"])
    _kit_scores(kit, ids, {(0, "PAP"): 70}, submit=False)
    package = _send(kit, tmp_path / "out")
    assert set(_codes(check_against(db, package).findings)) == {
        "against.not_imported",
        "against.score_missing",
    }
    _import(db, package)
    assert check_against(db, package).findings == []
    db.close()


def test_a_score_the_chair_enters_for_a_juror_is_marked_as_the_chairs(signed, capsys):
    db, ids, _kit, _package, _plan = signed
    services.set_score(
        db,
        juror_id=ids.jurors[3],
        entry_id=ids.entries[0],
        criterion_id=ids.criteria[("P2", "PAP")],
        value=Decimal(66),
    )
    with db.session() as s:
        last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
    assert (last.actor, last.action) == ("chair", "score.set")
    proof = prove(db)
    assert proof.findings == [] and proof.chair_entries == 1
    db.close()
    assert main(["check", str(db.path)]) == 0
    out = capsys.readouterr().out
    assert "1 entered by the chair" in out and f"{proof.juror_signed} score(s) verified" in out


def test_reopen_from_the_terminal_refuses_what_it_cannot_do(signed, capsys):
    db, _ids, kit, _package, _plan = signed
    db.close()
    assert main(["reopen", str(db.path), "--juror", "J2", "--stage", "P1"]) == 1
    err = capsys.readouterr().err
    assert "has not submitted stage P1" in err and "Traceback" not in err
    assert main(["reopen", str(db.path), "--juror", "J9", "--stage", "P2"]) == 1
    assert "unknown juror J9" in capsys.readouterr().err
    assert main(["reopen", str(kit), "--juror", "J2", "--stage", "P2"]) == 1
    assert "only the chair reopens" in capsys.readouterr().err


def test_renamed_codes_keep_the_proof(signed):
    """A juror, an entry and a criterion renamed after a signed import: the replay and the
    signed rows follow the renames, and deleting an entry deletes its cells in the replay."""
    from dataclasses import replace

    from kolabik_desktop.core.store import setup

    db, ids, _kit, _package, _plan = signed
    entry = next(e for e in setup.list_entries(db) if e.id == ids.entries[0])
    setup.update_entry(db, entry.id, replace(entry.data, code="IN-001X"))
    juror = next(j for j in setup.list_jurors(db) if j.id == ids.jurors[1])
    setup.update_juror(db, juror.id, replace(juror.data, code="J2X"))
    last = next(e for e in setup.list_entries(db) if e.id == ids.entries[-1])
    setup.delete_entry(db, last.id, allow_deleting_scores=True)
    proof = prove(db)
    assert proof.findings == []
    with db.session() as s:
        j2_scores = len(s.scalars(select(Score.id).where(Score.juror_id == ids.jurors[1])).all())
    assert proof.juror_signed == j2_scores


def test_the_chair_forgets_a_lost_kits_key_and_the_new_kit_is_trusted(signed, tmp_path, capsys):
    db, ids, _kit, _package, plan = signed
    old_fingerprint = plan.items[0].key_fingerprint
    new_kit = export_kit(db, "J2", tmp_path / "j2-new-laptop.kolabik-kit", stages=["P1", "P2"])
    package = _send(new_kit, tmp_path / "new")
    assert prepare_import(db, [package]).refused == 1
    db.close()
    assert main(["forget-key", str(db.path), "--juror", "J2"]) == 0
    assert old_fingerprint in capsys.readouterr().out
    db = open_event_file(db.path)
    plan = _import(db, package)
    assert plan.refused == 0 and plan.items[0].new_key
    assert plan.items[0].key_fingerprint != old_fingerprint
    # The packages signed with the forgotten key stay verifiable: the log shows it was trusted.
    proof = prove(db)
    assert proof.findings == [] and proof.signed_packages == 2
    db.close()


def test_a_package_whose_kit_anchor_is_not_in_the_log_is_refused(signed, tmp_path):
    """A juror cannot plant an anchor that would later make `check` cry wolf."""
    db, ids, kit, _package, _plan = signed
    _raw(kit, "UPDATE setting SET value = '" + "ab" * 32 + "' WHERE key = 'chair_audit_head'")
    plan = prepare_import(db, [_send(kit, tmp_path / "planted")])
    assert plan.refused == 1 and "send the juror a new kit" in str(plan.items[0].problems[0])


def test_check_of_a_kit_and_against_files_it_cannot_read(signed, tmp_path, capsys):
    db, _ids, kit, _package, _plan = signed
    db.close()
    assert main(["check", str(kit)]) == 0
    assert "juror kit: its audit log starts when the kit was made" in capsys.readouterr().out
    note = tmp_path / "catatan.txt"
    note.write_text("bukan laporan")
    assert main(["check", str(db.path), "--against", str(note)]) == 1
    err = capsys.readouterr().err
    assert "not a report PDF, a backup of an event file, or a score package" in err
    assert main(["check", str(db.path), "--against", str(tmp_path / "missing.pdf")]) == 1
    assert "not found" in capsys.readouterr().err
    old_pdf = tmp_path / "old.pdf"
    old_pdf.write_bytes(b"%PDF-1.4\n% made before reports carried their audit head\n")
    assert main(["check", str(db.path), "--against", str(old_pdf)]) == 1
    assert "carries no audit head" in capsys.readouterr().err


def test_the_import_command_names_a_refused_submitted_stage_and_exits_1(signed, tmp_path, capsys):
    db, ids, kit, _package, _plan = signed
    db.close()
    _hand_edit_kit(kit, ids, 99)
    package = _send(kit, tmp_path / "edited")
    assert main(["import-scores", str(db.path), str(package), "--yes"]) == 1
    captured = capsys.readouterr()
    assert "stage P2: REFUSED (1 change(s))" in captured.out
    assert "applied: 0 new and 1 changed scores" in captured.out  # the P1 change merged
    assert "1 submitted stage(s) left unchanged" in captured.err


def test_a_signed_package_that_changes_no_cell_is_still_kept_and_its_key_trusted(tmp_path):
    db, _ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, audited=True)
    kit = export_kit(db, "J2", tmp_path / "j2.kolabik-kit", stages=["P1"])
    package = _send(kit, tmp_path / "out")  # the scores the chair already holds, signed
    plan = prepare_import(db, [package])
    assert plan.new == plan.changed == 0 and plan.has_changes
    apply_import(db, plan)
    proof = prove(db)
    assert proof.findings == [] and proof.signed_packages == 1 and proof.juror_signed > 0
    assert not prepare_import(db, [package]).has_changes  # the second time: nothing to do
    db.close()


# ---------------------------------------------------------------------------------------------
# The event workbook's cells, proven one by one (its cells.bulk audit row)
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def from_workbook(tmp_path):
    """An event imported from the event workbook of the factory's event (scores and comments)."""
    from kolabik_desktop.core.exchange.workbook import export_workbook, import_workbook

    db, ids = make_event(tmp_path / "source.kolabik", audited=True)
    services.set_comment(
        db, juror_id=ids.jurors[1], entry_id=ids.entries[1], stage_id=ids.stages["P1"], text="rapi"
    )
    export_workbook(db, tmp_path / "event.xlsx")
    db.close()
    imported = import_workbook(tmp_path / "event.xlsx", tmp_path / "imported.kolabik")
    yield imported
    imported.close()


def _cell(path: Path, order: str) -> tuple[int, str, str]:
    """A score row's id and where `check` names it ('score of juror J for entry E on S/C')."""
    con = sqlite3.connect(path)
    try:
        row = con.execute(
            "SELECT s.id, j.code, e.code, st.code, c.code FROM score s"
            " JOIN juror j ON j.id = s.juror_id JOIN entry e ON e.id = s.entry_id"
            " JOIN criterion c ON c.id = s.criterion_id JOIN stage st ON st.id = c.stage_id"
            f" ORDER BY s.id {order} LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    score_id, juror, entry, stage, crit = row
    return score_id, f"score of juror {juror} for entry {entry} on {stage}/{crit}", entry


def test_a_workbook_import_proves_out_cell_by_cell(from_workbook):
    proof = prove(from_workbook)
    assert proof.findings == []
    with from_workbook.session() as s:
        actions = list(s.scalars(select(AuditLog.action).order_by(AuditLog.id)))
        scores = len(s.scalars(select(Score.id)).all())
    assert actions == ["cells.bulk", "workbook.import"]
    assert proof.unsigned == scores > 0  # workbook data: neither juror-signed nor chair's entries


@pytest.mark.parametrize("tamper", ["edit", "edit_note", "delete", "insert"])
def test_check_names_a_workbook_imported_cell_changed_behind_the_programs_back(
    from_workbook, capsys, tamper
):
    # Each change keeps revision 1 and the import's time: what the old summary row, which
    # accepted imported cells by count, could not tell from the import itself.
    path = from_workbook.path
    score_id, where, _entry = _cell(path, "ASC")
    if tamper == "edit":
        _raw(path, f"UPDATE score SET value = CAST(value + 1 AS TEXT) WHERE id = {score_id}")
        expected = "score.differs"
    elif tamper == "edit_note":
        _raw(path, f"UPDATE score SET note = 'ditambah' WHERE id = {score_id}")
        expected = "score.differs"
    elif tamper == "delete":
        _raw(path, f"DELETE FROM score WHERE id = {score_id}")
        expected = "score.missing"
    else:
        # A cell nobody scored (a juror, an entry and a criterion with no row), made to look
        # imported: revision 1 at the import's time.
        con = sqlite3.connect(path)
        with con:
            juror, entry, crit = con.execute(
                "SELECT j.id, e.id, c.id FROM juror j, entry e, criterion c WHERE NOT EXISTS"
                " (SELECT 1 FROM score s WHERE s.juror_id = j.id AND s.entry_id = e.id"
                " AND s.criterion_id = c.id) ORDER BY j.id, e.id, c.id LIMIT 1"
            ).fetchone()
            at = con.execute("SELECT max(updated_at) FROM score").fetchone()[0]
            cur = con.execute(
                "INSERT INTO score (juror_id, entry_id, criterion_id, value, note, revision,"
                " updated_at) VALUES (?, ?, ?, '70', '', 1, ?)",
                (juror, entry, crit, at),
            )
            inserted = cur.lastrowid
        con.close()
        _score_id, where, _entry = _cell(path, "DESC")
        assert _score_id == inserted
        expected = "score.added"
    findings = prove(from_workbook).findings
    assert [(f.code, f.where) for f in findings] == [(expected, where)]
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert "behind the program's back" in err and "Traceback" not in err


def test_a_workbook_imported_comment_edited_is_named(from_workbook):
    con = sqlite3.connect(from_workbook.path)
    with con:
        assert con.execute("SELECT count(*) FROM comment").fetchone()[0] > 0
        con.execute(
            "UPDATE comment SET text = 'diubah' WHERE rowid = (SELECT min(rowid) FROM comment)"
        )
    con.close()
    assert _codes(prove(from_workbook).findings) == ["comment.differs"]


def test_a_damaged_cell_record_is_named_even_with_the_log_rehashed(from_workbook, capsys):
    # The record's own hash no longer matches: the row is named, and its cells (no longer
    # vouched for) are reported as added.
    path = from_workbook.path
    con = sqlite3.connect(path)
    with con:
        (new,) = con.execute("SELECT new FROM audit_log WHERE action = 'cells.bulk'").fetchone()
        record = json.loads(new)
        record["sha256"] = "0" * 64
        con.execute(
            "UPDATE audit_log SET new = ? WHERE action = 'cells.bulk'",
            (audit.canonical_json(record),),
        )
    con.close()
    _rehash(path)
    codes = _codes(prove(from_workbook).findings)
    assert codes[0] == "audit.bulk_unreadable"
    assert set(codes[1:]) <= {"score.added", "comment.added"} and len(codes) > 1
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert "audit row 1: this row itemises the cells of a bulk write" in err


def test_the_audit_logs_fast_canonical_json_is_the_standard_encoders():
    # Row hashes are over this text: a faster encoder must write the very same bytes.
    samples = [
        {"juror": "J1", "entry": "E1", "stage": "S1", "criterion": "C1"},
        {"value": "85.5", "note": 'caté\n"x"\u2028\ud83d\ude00', "revision": 3, "at": "2026"},
        ["h" * 64, "2026-12-02T10:00:00Z", "chair", "score.set", "", "{}", "", "{}"],
        {"b": Decimal("1.5"), "a": {"z": [], "y": {}}, "10": 1, "2": [1, 2.5, True, None]},
        None,
        "plain",
    ]
    reference = json.JSONEncoder(
        sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    for value in samples:
        assert audit.canonical_json(value) == reference.encode(value)
