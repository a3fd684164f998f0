"""Issue 16, the README's IT commands: the event's owner (not the superuser) grants a panel.

The owner needs CREATEROLE to make the chair's role; without it the message says so (never that
the change "belongs to another panel"), and with it the grant goes through.
"""

from __future__ import annotations

import psycopg
from factories import make_event
from pg_server import admin_url

from kolabik_desktop.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_events_owner_grants_a_panel_once_it_may_create_roles(pg_role, server_database, capsys):
    owner, chair = pg_role("owner"), pg_role("chair")
    dbname = server_database.rsplit("/", 1)[1]
    with psycopg.connect(admin_url(), autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{owner}" LOGIN')
        conn.execute(f'ALTER DATABASE "{dbname}" OWNER TO "{owner}"')
    as_owner = server_database.replace("://postgres@", f"://{owner}@")
    make_event(as_owner, entries=6, jurors=3, fill=0.0, conflict=False)[0].close()
    argv = ("panel", "add", as_owner, "Panel A", "--jurors", "J1,J2", "--entries", "IN-001")
    assert run(capsys, *argv)[0] == 0

    code, _out, err = run(capsys, "panel", "grant", as_owner, "Panel A", "--role", chair)
    assert code == 1 and "Traceback" not in err
    assert "CREATEROLE" in err and "another panel" not in err, err

    with psycopg.connect(admin_url(), autocommit=True) as conn:
        conn.execute(f'ALTER ROLE "{owner}" CREATEROLE')
    code, out, err = run(capsys, "panel", "grant", as_owner, "Panel A", "--role", chair)
    assert code == 0, err
    assert "may write only panel Panel A's rows" in out
    with psycopg.connect(admin_url(), autocommit=True) as conn:
        # the owner's grants on the chair's role go before the roles do (the fixture drops them)
        conn.execute(f'DROP OWNED BY "{owner}", "{chair}" CASCADE')
