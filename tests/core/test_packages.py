"""Score packages: written signed by a kit, verified by the chair; bad ones refused whole."""

from __future__ import annotations

import json
from contextlib import ExitStack
from decimal import Decimal

import pytest
from factories import make_event
from helpers_exchange import score_rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pg_server import fresh_database
from sqlalchemy import func, select

from kolabik_desktop.core.errors import InputRejected
from kolabik_desktop.core.exchange.kits import export_kit, export_kits
from kolabik_desktop.core.exchange.merge import apply_import, plan_import
from kolabik_desktop.core.exchange.packages import (
    FORMAT_VERSION,
    canonical_bytes,
    read_package,
    sign,
    sign_document,
    verify_package_bytes,
    write_package,
)
from kolabik_desktop.core.exchange.signing import kit_private_key, public_key_of, verify_bytes
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import AuditLog, Comment, Juror, PackageReceipt, Score


def snapshot(db):
    """Everything an import could change in the chair's file."""
    with db.session() as s:
        return (
            score_rows(s),
            sorted(s.execute(select(Comment.juror_id, Comment.entry_id, Comment.text)).all()),
            s.scalar(select(func.count()).select_from(AuditLog)),
            s.scalar(select(func.count()).select_from(PackageReceipt)),
        )


def juror_key(db, code):
    with db.session() as s:
        return s.scalar(select(Juror.secret_key).where(Juror.code == code))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def scored(request, tmp_path_factory):
    """A chair's event (a file, or a database on the test server), J2's kit with two fresh edits
    and a comment, and J2's package.

    Shared by the tests of this module: none of them may change the chair's event.
    """
    tmp_path = tmp_path_factory.mktemp("scored")
    with ExitStack() as stack:
        where = (
            tmp_path / "ev.kolabik"
            if request.param == "sqlite"
            else stack.enter_context(fresh_database())
        )
        yield from _scored(tmp_path, where)


def _scored(tmp_path, where):
    db, ids = make_event(where, p2_fill=0.0)
    kit = open_event_file(export_kit(db, "J2", tmp_path, stages=["P1", "P2"]))
    j2 = ids.jurors[1]
    services.set_score(
        kit,
        juror_id=j2,
        entry_id=ids.entries[0],
        criterion_id=ids.criteria[("P2", "PAP")],
        value=Decimal("85"),
        note="jelas dan runtut",
    )
    services.set_score(
        kit,
        juror_id=j2,
        entry_id=ids.entries[2],
        criterion_id=ids.criteria[("P1", "SIG")],
        value=Decimal(55),
    )
    services.set_comment(
        kit, juror_id=j2, entry_id=ids.entries[0], stage_id=ids.stages["P2"], text="Bagus"
    )
    package = write_package(kit, tmp_path)
    yield db, ids, kit, package
    kit.close()
    db.close()


def test_package_file_holds_every_score_signed(scored):
    db, ids, kit, package = scored
    assert package.name.startswith("Kolabik-Uji-2023-J2-")
    assert package.name.endswith(".kolabik-scores")
    doc = json.loads(package.read_text(encoding="utf-8"))
    assert doc["format"] == "kolabik-scores" and doc["version"] == FORMAT_VERSION
    assert doc["event_uid"] == db.uid and doc["juror"] == "J2"
    assert doc["signature"]["algorithm"] == "Ed25519+HMAC-SHA256"
    assert doc["signature"]["hmac"] == sign(doc, juror_key(db, "J2"))
    # Signed with the kit's own key, whose public half travels in the package.
    public = public_key_of(kit_private_key(kit))
    assert doc["juror_key"] == public.hex()
    assert verify_bytes(public, canonical_bytes(doc), doc["signature"]["value"])
    with kit.session() as s:
        assert len(doc["scores"]) == s.scalar(select(func.count()).select_from(Score))
    pap = next(r for r in doc["scores"] if r["criterion"] == "PAP")
    assert pap == {
        "entry": "IN-001",
        "stage": "P2",
        "criterion": "PAP",
        "value": "85",
        "note": "jelas dan runtut",
        "revision": 1,
        "updated_at": pap["updated_at"],
    }
    assert doc["comments"][0]["text"] == "Bagus"

    verified = read_package(package, db)
    assert verified.juror_code == "J2" and verified.juror_id == ids.jurors[1]
    assert len(verified.scores) == len(doc["scores"])
    assert verified.comments[0].text == "Bagus"


def test_write_package_to_a_given_file_name(scored, tmp_path):
    _db, _ids, kit, _package = scored
    target = tmp_path / "out" / "mine.kolabik-scores"
    target.parent.mkdir()
    assert write_package(kit, target) == target
    assert json.loads(target.read_bytes())["juror"] == "J2"
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".part")]


def test_write_package_needs_a_kit(scored, tmp_path):
    db, _ids, _kit, _package = scored
    with pytest.raises(Exception, match="not a juror kit"):
        write_package(db, tmp_path)


# ---------------------------------------------------------------------------------------------
# Bad input: each refused whole, naming the file and the reason, leaving the file unchanged
# ---------------------------------------------------------------------------------------------


def _forge(db, kit, doc, mutate, *, resign=True, key_of="J2"):
    """The package changed by ``mutate``, re-signed with J2's kit key (and key_of's secret)."""
    doc = json.loads(json.dumps(doc))
    mutate(doc)
    if resign:
        sign_document(doc, juror_key(db, key_of), kit_private_key(kit))
    return json.dumps(doc).encode()


def _set_value(value):
    def mutate(doc):
        row = next(r for r in doc["scores"] if r["criterion"] == "SIG")
        row["value"] = value

    return mutate


def _first_score(field, value):
    def mutate(doc):
        doc["scores"][0][field] = value

    return mutate


BAD_CASES = {
    "unknown juror": (lambda d: d.update(juror="J9"), True, "unknown juror 'J9'"),
    "missing signature": (lambda d: d.pop("signature"), False, "not signed"),
    "bad signature": (
        lambda d: d["signature"].update(value="0" * 64),
        False,
        "signature does not match",
    ),
    "value changed after signing": (_set_value("100"), False, "signature does not match"),
    "newer format version": (
        lambda d: d.update(version=FORMAT_VERSION + 1),
        True,
        "newer than this program",
    ),
    "out of range": (_set_value("101"), True, "outside the range 0 to 100"),
    "off step": (_set_value("55.5"), True, "not on the step 1"),
    "not a decimal": (_set_value("5e1"), True, '"5e1" is not a number'),
    "float value": (_set_value(55.0), True, '"55.0" is not a number'),
    "unknown entry": (_first_score("entry", "IN-999"), True, "unknown entry 'IN-999'"),
    "unknown criterion": (_first_score("criterion", "XYZ"), True, "unknown criterion 'XYZ'"),
    "bad revision": (_first_score("revision", 0), True, "revision"),
    "scores not a list": (lambda d: d.update(scores={}), True, "missing or not a list"),
    "not a package": (lambda d: d.update(format="other"), True, "not a Kolabik score package"),
    "duplicate cell": (
        lambda d: d["scores"].append(dict(d["scores"][0])),
        True,
        "appears twice",
    ),
    "not admitted": (
        lambda d: d["scores"].append(
            {**d["scores"][0], "entry": "IN-012", "stage": "P2", "criterion": "VID"}
        ),
        True,
        "not admitted to stage P2",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_package_is_refused_whole(scored, tmp_path, case):
    db, _ids, kit, package = scored
    mutate, resign, reason = BAD_CASES[case]
    doc = json.loads(package.read_bytes())
    bad = tmp_path / f"bad-{case.replace(' ', '-')}.kolabik-scores"
    bad.write_bytes(_forge(db, kit, doc, mutate, resign=resign))
    before = snapshot(db)
    with pytest.raises(InputRejected) as info:
        read_package(bad, db)
    message = str(info.value)
    assert bad.name in message
    assert reason in message
    plan = plan_import(db, [info.value])
    assert plan.refused == 1 and not plan.has_changes
    apply_import(db, plan)
    assert snapshot(db) == before


def test_truncated_and_not_json_are_refused(scored, tmp_path):
    db, _ids, _kit, package = scored
    data = package.read_bytes()
    before = snapshot(db)
    cases = {
        "half.kolabik-scores": (data[: len(data) // 2], "truncated"),
        "text.kolabik-scores": (b"Nilai juri: 85, 90, 77", "not valid JSON"),
        "empty.kolabik-scores": (b"", "empty"),
        "binary.kolabik-scores": (b"\xff\xfe\x00garbage", "not UTF-8"),
        "list.kolabik-scores": (b"[1, 2, 3]", "not a Kolabik score package"),
    }
    for name, (content, reason) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(InputRejected) as info:
            read_package(path, db)
        assert name in str(info.value) and reason in str(info.value), name
    depth = 5000
    hostile = {
        "deep.kolabik-scores": b'{"format": "kolabik-scores", "x": '
        + b"[" * depth
        + b"]" * depth
        + b"}",
        "bigint.kolabik-scores": b'{"format": "kolabik-scores", "version": ' + b"9" * 5000 + b"}",
        "nested-ok.kolabik-scores": json.dumps(
            {**json.loads(data), "extra": json.loads("[" * 900 + "]" * 900)}
        ).encode(),
    }
    for name, content in hostile.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(InputRejected) as info:
            read_package(path, db)
        assert name in str(info.value)
    with pytest.raises(InputRejected, match="cannot be read"):
        read_package(tmp_path / "nowhere.kolabik-scores", db)
    assert snapshot(db) == before


def test_package_of_another_event_is_refused(scored, tmp_path):
    db, _ids, _kit, package = scored
    other, _ = make_event(tmp_path / "other.kolabik", name="Kovablik 2025")  # a file either way
    (tmp_path / "kits").mkdir()
    export_kits(other, tmp_path / "kits")  # J2 has a key there too
    before = snapshot(other)
    with pytest.raises(InputRejected) as info:
        read_package(package, other)
    assert "another event ('Kolabik Uji 2023')" in str(info.value)
    assert package.name in str(info.value)
    assert snapshot(other) == before
    other.close()


def test_package_for_a_recused_entry_is_refused(tmp_path, new_location):
    db, ids = make_event(new_location("ev"))
    kit = open_event_file(export_kit(db, "J1", tmp_path, stages=["P1"]))
    package = write_package(kit, tmp_path)
    doc = json.loads(package.read_bytes())
    conflict_entry = "IN-001"  # make_event recuses J1 from the first entry

    def add_recused(d):
        d["scores"].append({**d["scores"][0], "entry": conflict_entry, "criterion": "SIG"})

    bad = tmp_path / "recused.kolabik-scores"
    bad.write_bytes(_forge(db, kit, doc, add_recused, key_of="J1"))
    kit.close()
    before = snapshot(db)
    with pytest.raises(InputRejected, match="recused from entry"):
        read_package(bad, db)
    assert snapshot(db) == before


def test_package_of_a_juror_without_a_kit_is_refused(scored, tmp_path):
    db, _ids, _kit, package = scored
    doc = json.loads(package.read_bytes())
    doc["juror"] = "J4"  # J4 never got a kit, so has no key
    bad = tmp_path / "j4.kolabik-scores"
    bad.write_text(json.dumps(doc))
    with pytest.raises(InputRejected, match="no signing key"):
        read_package(bad, db)


def test_problems_name_every_bad_row(scored, tmp_path):
    db, _ids, kit, package = scored
    doc = json.loads(package.read_bytes())

    def two_bad(d):
        d["scores"][0]["value"] = "150"
        d["scores"][1]["entry"] = "IN-404"

    bad = tmp_path / "two.kolabik-scores"
    bad.write_bytes(_forge(db, kit, doc, two_bad))
    with pytest.raises(InputRejected) as info:
        read_package(bad, db)
    assert len(info.value.problems) == 2
    assert "IN-404" in str(info.value) and "150 is outside" in str(info.value)


# ---------------------------------------------------------------------------------------------
# Property: random and mutated bytes never crash the import and never apply part of a package
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_target(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz")
    db, ids = make_event(tmp / "ev.kolabik", entries=6, jurors=3)
    kit = open_event_file(export_kit(db, "J2", tmp, stages=["P1"]))
    for i, e in enumerate(ids.entries[1:4]):
        services.set_score(
            kit,
            juror_id=ids.jurors[1],
            entry_id=e,
            criterion_id=ids.criteria[("P1", "KEB")],
            value=Decimal(60 + i),
        )
    data = write_package(kit, tmp).read_bytes()
    kit.close()
    original = verify_package_bytes(data, "fuzz.kolabik-scores", db)
    yield db, data, original
    db.close()


def _mutations(data: bytes):
    return st.one_of(
        st.binary(max_size=400),
        st.integers(0, len(data)).map(lambda n: data[:n]),
        st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255)).map(
            lambda t: data[: t[0]] + bytes([t[1]]) + data[t[0] + 1 :]
        ),
        st.tuples(st.integers(0, len(data)), st.binary(min_size=1, max_size=8)).map(
            lambda t: data[: t[0]] + t[1] + data[t[0] :]
        ),
        st.tuples(st.integers(0, len(data) - 1), st.integers(1, 40)).map(
            lambda t: data[: t[0]] + data[t[0] + t[1] :]
        ),
    )


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_random_and_mutated_bytes_never_crash_or_apply_part(fuzz_target, data):
    db, original_bytes, original = fuzz_target
    blob = data.draw(_mutations(original_bytes))
    before = snapshot(db)
    try:
        verified = verify_package_bytes(blob, "fuzz.kolabik-scores", db)
    except InputRejected as rejection:
        assert rejection.source == "fuzz.kolabik-scores"
        assert snapshot(db) == before
        return
    # Only changes the signature does not cover (whitespace, key order) can get through.
    assert verified.scores == original.scores
    assert verified.comments == original.comments
    assert verified.submissions == original.submissions
