"""`kolabik check`: exit 0 for a sound event, exit 1 listing every problem found."""

from __future__ import annotations

import sqlite3

from factories import make_event

from kolabik_desktop.cli import main
from kolabik_desktop.core.store.services import set_score


def audited_event(path):
    """An event with one score cleared through the service, so the audit chain has a row."""
    db, ids = make_event(path, audited=True)
    set_score(
        db,
        juror_id=ids.jurors[1],
        entry_id=ids.entries[1],
        criterion_id=ids.criteria[("P1", "SIG")],
        value=None,
    )
    db.close()
    return path


def test_sound_event_passes(tmp_path, capsysbinary):
    path = audited_event(tmp_path / "kota.kolabik")
    assert main(["check", str(path)]) == 0
    assert "OK" in capsysbinary.readouterr().out.decode()


def test_tampering_is_reported(tmp_path, capsysbinary):
    path = audited_event(tmp_path / "kota.kolabik")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute('UPDATE audit_log SET new = \'{"value": "100"}\' WHERE id = 1')
        conn.execute("UPDATE score SET value = '150' WHERE id = 1")
    conn.close()
    assert main(["check", str(path)]) == 1
    captured = capsysbinary.readouterr()
    err = captured.err.decode()
    assert "problem(s) found" in err and "Traceback" not in err
    assert "audit row 1" in err
    assert "150" in err
    assert captured.out == b""


def test_check_of_a_file_that_is_not_an_event(tmp_path, capsysbinary):
    other = tmp_path / "catatan.kolabik"
    other.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert main(["check", str(other)]) == 1
    assert "kolabik:" in capsysbinary.readouterr().err.decode()
