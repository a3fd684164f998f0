"""Issue 16: `kolabik copy` moves an event between a file and a server without losing anything."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kolabik_desktop.cli import main
from kolabik_desktop.core.demo import build_demo_event
from kolabik_desktop.core.errors import EventFileError
from kolabik_desktop.core.store import transfer
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.dialect import parse_server_url, server_engine, server_table_names
from kolabik_desktop.core.store.models import Attachment, AuditLog, Score


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def counts(location) -> tuple[int, int, int, bytes]:
    with open_event_file(location) as db, db.session() as s:
        return (
            s.scalar(select(func.count(Score.id))) or 0,
            s.scalar(select(func.count(AuditLog.id))) or 0,
            s.scalar(select(func.count(Attachment.id))) or 0,
            b"".join(s.scalars(select(Attachment.data).order_by(Attachment.id))),
        )


def test_a_round_trip_file_server_file_keeps_fingerprint_leaderboard_and_audit(
    tmp_path, server_database, capsys
):
    source = tmp_path / "demo.kolabik"
    build_demo_event(source)
    back = tmp_path / "back.kolabik"
    code, out, err = run(capsys, "copy", source, server_database)
    assert code == 0, err
    assert "6 attachments" in out
    assert run(capsys, "copy", server_database, back)[0] == 0

    prints, boards = [], []
    for where in (source, server_database, back):
        code, out, _ = run(capsys, "check", where, "--fingerprint")
        assert code == 0 and "OK (" in out
        prints.append(out.split("data fingerprint ")[1].split()[0])
        code, out, _ = run(capsys, "leaderboard", where, "--format", "csv")
        assert code == 0
        boards.append(out.encode())
        code, out, _ = run(capsys, "audit", where, "--last", "1")
        assert code == 0 and "audit chain: intact" in out
    assert prints[0] == prints[1] == prints[2]
    assert boards[0] == boards[1] == boards[2]
    assert counts(source) == counts(server_database) == counts(back)
    assert counts(source)[1] > 100  # the demo's audit rows came along


def test_copy_refuses_a_target_that_holds_data_and_names_it(tmp_path, server_database, capsys):
    source = tmp_path / "demo.kolabik"
    build_demo_event(source)
    assert run(capsys, "copy", source, server_database)[0] == 0
    code, _out, err = run(capsys, "copy", source, server_database)
    assert code == 1 and "not empty" in err and "--force" in err
    code, _out, err = run(capsys, "copy", server_database, source)
    assert code == 1 and "already exists" in err
    code, _out, err = run(capsys, "copy", source, source)
    assert code == 1 and "same event" in err
    assert run(capsys, "copy", source, server_database, "--force")[0] == 0


def test_a_copy_that_breaks_half_way_leaves_the_server_database_empty(
    tmp_path, server_database, monkeypatch
):
    """As if the network dropped in the middle: the one transaction rolls back, schema too."""
    source = tmp_path / "demo.kolabik"
    build_demo_event(source)
    real = transfer.copy_rows

    def broken(src, dst, progress=None):
        def stop(table: str, n: int) -> None:
            if table == "score":
                raise ConnectionError("server closed the connection unexpectedly")

        return real(src, dst, stop)

    monkeypatch.setattr(transfer, "copy_rows", broken)
    with pytest.raises(EventFileError, match="rolled back, nothing was written"):
        transfer.copy_event(source, server_database)
    engine = server_engine(parse_server_url(server_database))
    assert server_table_names(engine) == []
    engine.dispose()
    out = tmp_path / "half.kolabik"
    with pytest.raises(EventFileError, match="nothing was written"):
        transfer.copy_event(source, out)
    assert not out.exists()
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def test_panel_add_list_and_grant_from_the_cli(tmp_path, capsys):
    from factories import make_event

    event = tmp_path / "kota.kolabik"
    make_event(event, entries=10)[0].close()
    code, out, _ = run(
        capsys, "panel", "add", event, "Panel A", "--jurors", "J1,J2", "--categories", "Kecamatan"
    )
    assert code == 0 and "INSERT INTO panel " in out and "INSERT INTO panel_juror" in out
    code, out, _ = run(capsys, "panel", "list", event)
    assert code == 0 and "Panel A: chair -; role -; jurors J1, J2; categories Kecamatan" in out
    code, _out, err = run(
        capsys, "panel", "add", event, "Panel B", "--jurors", "J9", "--entries", "X"
    )
    assert code == 1 and "unknown juror(s): J9" in err and "Traceback" not in err
    code, _out, err = run(capsys, "panel", "grant", event, "Panel A", "--role", "chair_a")
    assert code == 1 and "panels are just data" in err


def test_bad_server_addresses_get_a_message_naming_them_and_exit_1(capsys, server_database):
    from sqlalchemy.engine import make_url

    url = make_url(server_database)
    with_password = url.set(password="rahasia").render_as_string(hide_password=False)
    stranger = url.set(username="nobody_here").render_as_string(hide_password=False)
    cases = [
        (("leaderboard", with_password), "password in the URL is refused"),
        (("check", "postgresql://kipp@127.0.0.1:1/kipp"), "cannot be reached"),
        (("audit", stranger), "has no user 'nobody_here'"),
        (("leaderboard", server_database), "not a Kolabik event"),
        (("new", server_database.rsplit("/", 1)[0] + "/no_such_db"), "no database 'no_such_db'"),
    ]
    for argv, message in cases:
        code, _out, err = run(capsys, *argv)
        assert code == 1 and message in err, (argv, err)
        assert "Traceback" not in err and "rahasia" not in err


def test_a_copy_failing_midway_leaves_the_earlier_file_and_no_part_file(
    tmp_path, capsys, monkeypatch
):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    source = tmp_path / "demo.kolabik"
    build_demo_event(source)
    target = tmp_path / "copy.kolabik"
    target.write_bytes(b"an earlier file")
    real = transfer.copy_rows

    def fills_the_disk(src, dst, progress=None):
        real(src, dst, progress)
        raise OperationalError("COMMIT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(transfer, "copy_rows", fills_the_disk)
    code, _out, err = run(capsys, "copy", source, target, "--force")
    assert code == 1 and "Traceback" not in err and "disk is full" in err, err
    assert target.read_bytes() == b"an earlier file"
    assert sorted(p.name for p in tmp_path.iterdir() if "copy" in p.name) == ["copy.kolabik"]
    monkeypatch.undo()
    assert run(capsys, "copy", source, target, "--force")[0] == 0
    # The renamed file holds the whole copy by itself: no journal beside it, none left behind.
    assert sorted(p.name for p in tmp_path.iterdir() if "copy" in p.name) == ["copy.kolabik"]
    with sqlite3.connect(f"file:{target}?mode=ro&immutable=1", uri=True) as con:
        mode = con.execute("PRAGMA journal_mode").fetchone()[0]
        assert con.execute("SELECT count(*) FROM audit_log").fetchone()[0] > 100
    assert mode == "delete"
