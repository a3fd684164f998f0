"""Issue 16: panels; on a server, a chair's role writes only its own panel's rows (the DB refuses)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from factories import make_event
from pg_server import _admin
from sqlalchemy import func, select

from kolabik_desktop.core.errors import KolabikError, PanelWriteRefused
from kolabik_desktop.core.store import panels, services
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.dialect import parse_server_url
from kolabik_desktop.core.store.models import AuditLog, Panel, Score


def test_on_a_file_panels_are_just_data(tmp_path):
    db, ids = make_event(tmp_path / "kota.kolabik", entries=10)
    ran = panels.add_panel(db, "Panel A", jurors=["J1", "J2"], categories=["Kecamatan"])
    assert ran[0].startswith("INSERT INTO panel ") and len(ran) == 4
    panels.add_panel(db, "Panel B", jurors=["J3"], entries=["IN-001", "IN-002"], chair="Dr. B")
    listed = panels.list_panels(db)
    assert [(p.name, p.jurors, p.categories, p.entries) for p in listed] == [
        ("Panel A", ("J1", "J2"), ("Kecamatan",), ()),
        ("Panel B", ("J3",), (), ("IN-001", "IN-002")),
    ]
    assert listed[1].entry_count == 2 and listed[1].chair == "Dr. B"
    with pytest.raises(KolabikError, match="unknown juror.*J9"):
        panels.add_panel(db, "Panel C", jurors=["J1", "J9"], categories=["Kecamatan"])
    with pytest.raises(KolabikError, match="exists"):
        panels.add_panel(db, "Panel A", jurors=["J1"], categories=["Kecamatan"])
    with pytest.raises(KolabikError, match="panels are just data"):
        panels.grant_panel(db, "Panel A", "chair_a")
    with db.session() as s:
        assert s.scalar(select(func.count(Panel.id))) == 2
    # one chair, everything allowed: any juror's score is written as before
    services.set_score(
        db,
        juror_id=ids.jurors[4],
        entry_id=ids.entries[3],
        criterion_id=ids.criteria["P1", "SIG"],
        value=Decimal(70),
    )
    db.close()


@pytest.fixture
def roles(pg_role):
    return {k: pg_role(k) for k in ("a", "b", "committee")}


def _as(url: str, role: str) -> str:
    return parse_server_url(url).label().replace("://postgres@", f"://{role}@")


def test_a_chairs_role_writes_only_its_own_panel(roles, server_database):
    db, ids = make_event(server_database, entries=10, jurors=4, fill=0.0, conflict=False)
    with db.session() as s:
        from kolabik_desktop.core.store.models import Category, Entry

        cat = dict(s.execute(select(Entry.id, Category.name).join(Category)).all())
    mine = next(e for e in ids.entries if cat[e] == "Kecamatan")
    theirs = next(e for e in ids.entries if cat[e] == "Kelurahan")
    panels.add_panel(db, "Panel A", jurors=["J1", "J2"], categories=["Kecamatan"])
    panels.add_panel(db, "Panel B", jurors=["J3", "J4"], categories=["Kelurahan"])
    ran = panels.grant_panel(db, "Panel A", roles["a"])
    assert any("ENABLE ROW LEVEL SECURITY" in q for q in ran)
    panels.grant_panel(db, "Panel B", roles["b"])
    with _admin() as conn:
        conn.execute(f'CREATE ROLE "{roles["committee"]}" LOGIN IN ROLE kolabik_committee')
    sig = ids.criteria["P1", "SIG"]

    def score(target, juror, entry, value):
        return services.set_score(
            target, juror_id=juror, entry_id=entry, criterion_id=sig, value=Decimal(value)
        )

    score(db, ids.jurors[2], theirs, 60)  # the owner (committee admin) writes anywhere
    with open_event_file(_as(server_database, roles["a"])) as chair_a:
        assert score(chair_a, ids.jurors[0], mine, 81).revision == 1
        with pytest.raises(PanelWriteRefused, match="another panel"):
            score(chair_a, ids.jurors[2], theirs, 99)  # B's row: hidden from A's UPDATE
        with pytest.raises(PanelWriteRefused, match="another panel"):
            score(chair_a, ids.jurors[3], theirs, 99)  # a new row in B's panel: refused
        with pytest.raises(PanelWriteRefused):
            score(chair_a, ids.jurors[2], mine, 99)  # A's entry, but B's juror
        # reading everything is allowed
        assert len(services.load_scoring_input(chair_a).event.entries) == 10
    with open_event_file(_as(server_database, roles["committee"])) as committee:
        assert len(services.load_scoring_input(committee).event.entries) == 10
        with pytest.raises(PanelWriteRefused):
            score(committee, ids.jurors[0], mine, 50)
    with db.session() as s:
        rows = sorted(s.execute(select(Score.juror_id, Score.entry_id, Score.value)))
        assert rows == sorted(
            [(ids.jurors[0], mine, Decimal(81)), (ids.jurors[2], theirs, Decimal(60))]
        )
        assert (
            s.scalar(select(func.count(AuditLog.id))) == 2 + 2 + 2
        )  # 2 panels, 2 grants, 2 scores
    db.close()
