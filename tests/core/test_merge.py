"""The merge: higher revision wins, idempotent, order-free, per juror, one audited transaction."""

from __future__ import annotations

import itertools
import json
from decimal import Decimal

import pytest
from factories import make_event
from helpers_exchange import copy_db, kit_signing_key, kits_by_juror, location_of, score_rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from kolabik_desktop.core.errors import InputRejected, KolabikError
from kolabik_desktop.core.exchange.kits import export_kits
from kolabik_desktop.core.exchange.merge import apply_import, plan_import, prepare_import
from kolabik_desktop.core.exchange.packages import (
    read_package,
    sign,
    sign_document,
    write_package,
)
from kolabik_desktop.core.scoring.engine import compute_leaderboard
from kolabik_desktop.core.scoring.model import FINAL
from kolabik_desktop.core.store import audit, services
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import (
    AuditLog,
    Comment,
    Juror,
    PackageReceipt,
    Score,
    Submission,
)


def state(db):
    with db.session() as s:
        scores = score_rows(s)
        comments = sorted(s.execute(select(Comment.juror_id, Comment.entry_id, Comment.text)).all())
        subs = sorted(s.execute(select(Submission.juror_id, Submission.submitted)).all())
    return scores, comments, subs


def board(db):
    data = services.load_scoring_input(db)
    lb = compute_leaderboard(data.event, data.values, FINAL)
    return [(r.rank, r.entry.code, r.display, r.status) for r in lb.rows]


def count(db, model):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture
def loop(tmp_path, new_location):
    """The chair's event (P2 unscored), two jurors' packages scored in their kits, and a copy;
    on a file and on the PostgreSQL test server."""
    db, ids = make_event(new_location("chair"), p2_fill=0.0)
    (tmp_path / "out").mkdir()
    kits = kits_by_juror(db, tmp_path / "kits")
    pristine = new_location("pristine")
    copy_db(location_of(db), pristine)
    packages = []
    for code, base in (("J2", 60), ("J3", 70)):
        kit = open_event_file(kits[code])
        jid = kit.kit_juror_id
        for i, e in enumerate(ids.entries[:5]):
            for crit, _w in (("PAP", 30), ("MAT", 50), ("VID", 10), ("KHD", 10)):
                services.set_score(
                    kit,
                    juror_id=jid,
                    entry_id=e,
                    criterion_id=ids.criteria[("P2", crit)],
                    value=Decimal(base + 3 * i + len(crit)),
                    note=f"{code} {crit}",
                )
        services.set_comment(
            kit, juror_id=jid, entry_id=ids.entries[0], stage_id=ids.stages["P2"], text=code
        )
        services.set_submitted(kit, juror_id=jid, stage_id=ids.stages["P2"], submitted=True)
        packages.append(write_package(kit, tmp_path / "out"))
        kit.close()
    yield db, ids, packages, pristine
    db.close()


def test_two_jurors_in_either_order_give_the_same_result(loop, new_location):
    db, ids, packages, pristine = loop
    results = []
    for n, order in enumerate((packages, packages[::-1])):
        copy = new_location(f"order{n}")
        copy_db(pristine, copy)
        chair = open_event_file(copy)
        for p in order:  # one import per package, like two USB sticks arriving
            apply_import(chair, prepare_import(chair, [p]))
        results.append((state(chair), board(chair)))
        chair.close()
    assert results[0] == results[1]
    scores, comments, subs = results[0][0]
    p2_values = {(j, e, c): v for j, e, c, v, *_ in scores if c == ids.criteria[("P2", "MAT")]}
    assert p2_values[(ids.jurors[1], ids.entries[0], ids.criteria[("P2", "MAT")])] == Decimal(63)
    assert p2_values[(ids.jurors[2], ids.entries[4], ids.criteria[("P2", "MAT")])] == Decimal(85)
    assert [t for *_, t in comments] == ["J2", "J3"]
    assert subs == [(ids.jurors[1], True), (ids.jurors[2], True)]
    # The leaderboard moved: P2 panel scores now exist for the admitted entries.
    assert results[0][1] != board(open_event_file(pristine))


def test_plan_counts_then_apply_then_importing_again_changes_nothing(loop):
    db, ids, packages, _pristine = loop
    plan = prepare_import(db, packages)
    assert [(i.juror_code, i.new, i.changed, i.refused) for i in plan.items] == [
        ("J2", 20, 0, False),
        ("J3", 20, 0, False),
    ]
    assert plan.items[0].unchanged == 8 * 5  # P1 scores of the P2 entries, as the chair has them
    assert plan.items[0].comments == 1 and plan.items[0].submissions == 1
    assert plan.new == 40 and plan.refused == 0 and plan.has_changes
    assert state(db)[0] == state(db)[0]  # planning wrote nothing
    audit_before = count(db, AuditLog)

    changes = []
    db.changes.subscribe(changes.append)
    done = apply_import(db, plan)

    assert done.new == 40
    # 40 scores, 2 comments, 2 submissions, and each juror's key trusted on first use.
    assert count(db, AuditLog) == audit_before + 40 + 2 + 2 + 2
    assert count(db, PackageReceipt) == 2
    score_change = next(c for c in changes if c.kind == "scores")
    assert score_change.entry_ids == frozenset(ids.entries[:5])
    with db.session() as s:
        assert not audit.verify_chain(s)
        row = s.scalars(
            select(AuditLog).where(AuditLog.action == "score.set").order_by(AuditLog.id.desc())
        ).first()
        assert row.source in {p.name for p in packages}
        assert json.loads(row.subject)["stage"] == "P2"
        assert json.loads(row.new)["value"] is not None and row.old == ""

    after = state(db)
    audit_after = count(db, AuditLog)
    changes.clear()
    again = apply_import(db, prepare_import(db, packages))
    assert again.new == again.changed == 0 and not again.has_changes
    assert all(i.already_imported for i in again.items)
    assert state(db) == after
    assert count(db, AuditLog) == audit_after
    assert count(db, PackageReceipt) == 2
    assert changes == []


def test_the_higher_revision_wins_whatever_the_order(loop, tmp_path):
    db, ids, packages, _pristine = loop
    j2 = ids.jurors[1]
    pap = ids.criteria[("P2", "PAP")]
    apply_import(db, prepare_import(db, [packages[0]]))
    # The chair corrects J2's PAP from the paper sheet: a higher revision than the package's.
    services.set_submitted(db, juror_id=j2, stage_id=ids.stages["P2"], submitted=False)
    services.set_score(
        db, juror_id=j2, entry_id=ids.entries[0], criterion_id=pap, value=Decimal(99)
    )
    plan = prepare_import(db, [packages[0]])
    assert plan.items[0].changed == 0
    apply_import(db, plan)
    with db.session() as s:
        value = s.scalar(
            select(Score.value).where(
                Score.juror_id == j2, Score.entry_id == ids.entries[0], Score.criterion_id == pap
            )
        )
        # The chair's reopening (revision 2) also beats the package's submission (revision 1).
        sub = s.get(Submission, (j2, ids.stages["P2"]))
    assert value == Decimal(99)
    assert sub.submitted is False


def _resigned(db, package, tmp_path, name, mutate):
    doc = json.loads(package.read_bytes())
    mutate(doc)
    with db.session() as s:
        key = s.scalar(select(Juror.secret_key).where(Juror.code == doc["juror"]))
    kit = next((tmp_path / "kits").glob(f"*-{doc['juror']}.kolabik-kit"))
    sign_document(doc, key, kit_signing_key(kit))
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return path


def test_equal_revisions_resolve_by_a_fixed_rule_in_any_order(loop, tmp_path, new_location):
    db, ids, packages, pristine = loop

    def variant(updated_at, value, note):
        def mutate(doc):
            row = next(r for r in doc["scores"] if r["criterion"] == "PAP")
            row.update(updated_at=updated_at, value=value, note=note)
            # Unsubmitted: three different submitted versions of one stage would each lock the
            # stage for the others (the submitted-stage tests in test_trust.py cover that).
            doc["submissions"] = []

        return mutate

    later = _resigned(
        db, packages[0], tmp_path, "a.kolabik-scores", variant("2030-01-02", "70", "")
    )
    earlier = _resigned(
        db, packages[0], tmp_path, "b.kolabik-scores", variant("2030-01-01", "90", "")
    )
    same_time = _resigned(
        db, packages[0], tmp_path, "c.kolabik-scores", variant("2030-01-02", "65", "z")
    )
    outcomes = set()
    for n, order in enumerate(itertools.permutations([later, earlier, same_time])):
        copy = new_location(f"perm{n}")
        copy_db(pristine, copy)
        chair = open_event_file(copy)
        for p in order:
            apply_import(chair, prepare_import(chair, [p]))
        outcomes.add(tuple(state(chair)[0]))
        chair.close()
    assert len(outcomes) == 1
    pap_rows = [r for r in next(iter(outcomes)) if r[2] == ids.criteria[("P2", "PAP")]]
    # Same revision: the later edit wins; same time too: the greater value text ("70" > "65").
    assert (pap_rows[0][3], pap_rows[0][6]) == (Decimal(70), "2030-01-02")
    # All three in one import give the same as one by one.
    copy = new_location("together")
    copy_db(pristine, copy)
    chair = open_event_file(copy)
    apply_import(chair, prepare_import(chair, [same_time, earlier, later]))
    assert tuple(state(chair)[0]) == next(iter(outcomes))
    chair.close()


def test_a_package_changes_only_its_own_jurors_data(loop):
    db, ids, packages, _pristine = loop
    before = state(db)[0]
    apply_import(db, prepare_import(db, [packages[0]]))
    after = state(db)[0]
    changed = set(after) - set(before)
    assert changed and {row[0] for row in changed} == {ids.jurors[1]}
    assert [r for r in before if r[0] != ids.jurors[1]] == [
        r for r in after if r[0] != ids.jurors[1]
    ]


def test_a_refused_package_does_not_stop_the_good_ones(loop, tmp_path):
    db, _ids, packages, _pristine = loop
    broken = tmp_path / "broken.kolabik-scores"
    broken.write_bytes(packages[1].read_bytes()[:100])
    plan = prepare_import(db, [packages[0], broken])
    assert plan.refused == 1 and plan.new == 20
    refused = next(i for i in plan.items if i.refused)
    assert refused.filename == "broken.kolabik-scores" and "truncated" in str(refused.problems[0])
    done = apply_import(db, plan)
    assert done.new == 20 and count(db, PackageReceipt) == 1


def test_a_failure_half_way_applies_nothing(loop, monkeypatch):
    db, _ids, packages, _pristine = loop
    before = state(db), count(db, AuditLog), count(db, PackageReceipt)
    plan = prepare_import(db, packages)
    real_append_many = audit.append_many

    def failing_append_many(*args, **kwargs):
        real_append_many(*args, **kwargs)  # scores and audit rows are written, then the disk fails
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(audit, "append_many", failing_append_many)
    with pytest.raises(KolabikError, match="changed nothing"):
        apply_import(db, plan)
    assert (state(db), count(db, AuditLog), count(db, PackageReceipt)) == before


def test_verified_packages_can_be_planned_directly(loop):
    db, _ids, packages, _pristine = loop
    verified = read_package(packages[0], db)
    rejection = InputRejected("x.kolabik-scores", [])
    plan = plan_import(db, [verified, rejection])
    assert [i.filename for i in plan.items] == [packages[0].name, "x.kolabik-scores"]
    assert plan.items[0].new == 20 and plan.items[1].refused


# ---------------------------------------------------------------------------------------------
# Property: any packages, in any order, one by one or together, give the same file
# ---------------------------------------------------------------------------------------------

CELLS = [
    ("IN-002", "P2", "PAP"),
    ("IN-002", "P2", "MAT"),
    ("IN-003", "P2", "PAP"),
    ("IN-001", "P1", "SIG"),
]
_row = st.fixed_dictionaries(
    {
        "revision": st.integers(1, 3),
        "updated_at": st.sampled_from(["2030-01-01", "2030-01-02", "2030-01-03"]),
        "value": st.sampled_from(["60", "70", None]),
        "note": st.sampled_from(["", "a", "b"]),
    }
)
_package_rows = st.dictionaries(st.sampled_from(range(len(CELLS))), _row, max_size=len(CELLS))


@pytest.fixture(scope="module")
def property_base(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("prop")
    db, _ids = make_event(tmp / "base.kolabik", p2_fill=0.0)
    export_kits(db, tmp, juror_codes=["J2"])
    with db.session() as s:
        key = s.scalar(select(Juror.secret_key).where(Juror.code == "J2"))
    uid = db.uid
    db.close()
    return tmp, tmp / "base.kolabik", uid, key


def _signed_package(folder, name, uid, key, rows):
    doc = {
        "format": "kolabik-scores",
        "version": 1,
        "event_uid": uid,
        "juror": "J2",
        "created_at": "2030-01-01",
        "scores": [
            {"entry": e, "stage": st_, "criterion": c, **row}
            for i, row in rows.items()
            for e, st_, c in [CELLS[i]]
        ],
        "comments": [],
        "submissions": [],
    }
    doc["signature"] = {"algorithm": "HMAC-SHA256", "value": sign(doc, key)}
    path = folder / name
    path.write_text(json.dumps(doc))
    return path


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(packages=st.lists(_package_rows, min_size=1, max_size=3), data=st.data())
def test_any_packages_in_any_order_give_the_same_file(property_base, packages, data):
    folder, base, uid, key = property_base
    paths = [
        _signed_package(folder, f"p{i}.kolabik-scores", uid, key, rows)
        for i, rows in enumerate(packages)
    ]
    shuffled = data.draw(st.permutations(paths))
    outcomes = []
    for n, batches in enumerate(([[p] for p in paths], [[p] for p in shuffled], [shuffled])):
        copy = folder / f"run{n}.kolabik"
        copy.unlink(missing_ok=True)
        copy_db(base, copy)
        chair = open_event_file(copy)
        for batch in batches:
            apply_import(chair, prepare_import(chair, batch))
        outcomes.append(state(chair))
        if n == 0:  # and importing everything again changes nothing
            again = apply_import(chair, prepare_import(chair, shuffled))
            assert not again.has_changes and state(chair) == outcomes[-1]
        chair.close()
    assert outcomes[0] == outcomes[1] == outcomes[2]
