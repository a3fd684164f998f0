"""Issue 16: `kolabik check` on a server event: sound while other machines write, and it finds
tampering done on the server behind the app's back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import psycopg
from factories import make_event

from kolabik_desktop.cli import main

WRITERS = 4
WRITES = 40

# Another machine: its own process and connections, typing scores as fast as it can.
WRITER = textwrap.dedent(
    """
    import sys
    from decimal import Decimal
    from kolabik_desktop.core.store import services
    from kolabik_desktop.core.store.db import open_event_file

    url, n, writes, juror, entry, crit, shared_entry = sys.argv[1:]
    with open_event_file(url) as db:
        for i in range(int(writes)):
            services.set_score(db, juror_id=int(juror), entry_id=int(entry),
                               criterion_id=int(crit), value=Decimal(i % 90))
            services.set_score(db, juror_id=int(juror), entry_id=int(shared_entry),
                               criterion_id=int(crit), value=Decimal((int(n) * 7 + i) % 90))
    """
)


def test_check_passes_on_a_server_event_while_other_machines_write(server_database, capsys):
    db, ids = make_event(
        server_database, entries=8, jurors=5, fill=0.3, conflict=False, audited=True
    )
    db.close()
    sig = ids.criteria["P1", "SIG"]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path.cwd()), *sys.path]))
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                server_database,
                str(n),
                str(WRITES),
                str(ids.jurors[n]),
                str(ids.entries[1 + n]),
                str(sig),
                str(ids.entries[0]),
            ],
            env=env,
            stderr=subprocess.PIPE,
        )
        for n in range(WRITERS)
    ]
    checks: list[tuple[int, str]] = []
    try:
        while any(w.poll() is None for w in writers):
            code = main(["check", server_database])
            out, err = capsys.readouterr()
            checks.append((code, err))
    finally:
        errors = [w.communicate(timeout=300)[1].decode() for w in writers]
    assert [w.returncode for w in writers] == [0] * WRITERS, errors
    assert checks, "the writers ended before one check ran"
    assert [c for c in checks if c[0] != 0] == []
    assert main(["check", server_database]) == 0
    assert "audit chain" in capsys.readouterr().out


def test_check_finds_tampering_done_on_the_server(server_database, capsysbinary):
    from kolabik_desktop.core.store.services import set_score

    db, ids = make_event(server_database, audited=True)
    set_score(
        db,
        juror_id=ids.jurors[1],
        entry_id=ids.entries[1],
        criterion_id=ids.criteria[("P1", "SIG")],
        value=None,
    )
    db.close()
    assert main(["check", server_database]) == 0
    capsysbinary.readouterr()
    with psycopg.connect(server_database, autocommit=True) as conn:
        conn.execute('UPDATE audit_log SET new = \'{"value": "100"}\' WHERE id = 1')
        conn.execute("UPDATE score SET value = '150' WHERE id = 1")
    assert main(["check", server_database]) == 1
    err = capsysbinary.readouterr().err.decode()
    assert "problem(s) found" in err and "Traceback" not in err
    assert "audit row 1" in err and "150" in err
