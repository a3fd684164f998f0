"""Issue 16, bad input: the network drops in the middle of an import into a server event.

The drop is real: the server ends the importing session (pg_terminate_backend) while the import's
transaction is open, after its rows were sent. The transaction rolls back, nothing is half-written,
and the CLI says so with exit code 1 and no traceback.
"""

from __future__ import annotations

import psycopg
from factories import make_event
from helpers_exchange import kits_by_juror, score_kit, score_rows
from pg_server import admin_url
from sqlalchemy import func, select

from kolabik_desktop.cli import main
from kolabik_desktop.core.exchange import merge as merge_mod
from kolabik_desktop.core.exchange import workbook as wbmod
from kolabik_desktop.core.exchange.workbook import export_workbook
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.dialect import event_exists
from kolabik_desktop.core.store.models import AuditLog, Entry


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def drop_sessions_of(url: str) -> int:
    """The network drops: the server ends every session on the event's database."""
    dbname = url.rsplit("/", 1)[1]
    with psycopg.connect(admin_url(), autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (dbname,),
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_a_workbook_import_cut_off_half_way_leaves_no_event(
    tmp_path, server_database, capsys, monkeypatch
):
    db, _ids = make_event(tmp_path / "src.kolabik", p2_fill=0.5)
    xlsx = tmp_path / "acara.xlsx"
    export_workbook(db, xlsx)
    db.close()
    real = wbmod.audit.append
    dropped: list[int] = []

    def cut(*args, **kwargs):
        # Every entry and score has been sent inside the open transaction; now the link dies.
        dropped.append(drop_sessions_of(server_database))
        return real(*args, **kwargs)

    monkeypatch.setattr(wbmod.audit, "append", cut)
    code, _out, err = run(capsys, "import-workbook", server_database, xlsx)
    assert dropped and dropped[0] >= 1
    assert code == 1 and "Traceback" not in err
    assert "nothing was written" in err.lower() or "not saved" in err.lower(), err
    assert "sqlalche.me" not in err, err
    monkeypatch.undo()
    assert not event_exists(server_database)


def test_a_package_merge_cut_off_half_way_changes_nothing(
    tmp_path, server_database, capsys, monkeypatch
):
    db, ids = make_event(server_database, p2_fill=0.0)
    kits = kits_by_juror(db, tmp_path / "kits")
    score_kit(kits["J2"], ids, base=60, step=3)
    with db.session() as s:
        before = (score_rows(s), s.scalar(select(func.count(AuditLog.id))))
    db.close()
    from kolabik_desktop.core.exchange.packages import write_package

    kit = open_event_file(kits["J2"])
    package = write_package(kit, tmp_path)
    kit.close()

    real = merge_mod.audit.append_many
    dropped: list[int] = []

    def cut(*args, **kwargs):
        dropped.append(drop_sessions_of(server_database))
        return real(*args, **kwargs)

    monkeypatch.setattr(merge_mod.audit, "append_many", cut)
    code, _out, err = run(capsys, "import-scores", server_database, package, "--yes")
    assert dropped and dropped[0] >= 1
    assert code == 1 and "Traceback" not in err
    assert "NOT saved" in err and "connection to the server was lost" in err, err
    assert "sqlalche.me" not in err, err
    monkeypatch.undo()
    with open_event_file(server_database) as again, again.session() as s:
        assert (score_rows(s), s.scalar(select(func.count(AuditLog.id)))) == before
        assert s.scalar(select(func.count(Entry.id))) == 12
    # With the link back, the same package merges whole.
    assert run(capsys, "import-scores", server_database, package, "--yes")[0] == 0
