"""The exchange loop from a terminal: kit, export-scores, import-scores, audit."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest
from factories import make_event
from helpers_exchange import score_kit
from sqlalchemy import create_engine, select, text

from kolabik_desktop.cli import main
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import Score


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def chair(tmp_path):
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0)
    db.close()
    return tmp_path / "chair.kolabik", ids


@pytest.fixture
def chair_anywhere(new_location):
    """The chair's event on a file and on the PostgreSQL test server."""
    event = new_location("chair")
    db, ids = make_event(event, p2_fill=0.0)
    db.close()
    return event, ids


def test_the_whole_loop_through_the_cli_in_both_orders(
    chair_anywhere, new_location, tmp_path, capsys
):
    event, ids = chair_anywhere
    pristine = new_location("pristine")
    kits = tmp_path / "kits"
    code, out, _ = run(capsys, "kit", event, "--all", "--out", kits)
    assert code == 0 and out.count("wrote ") == 5
    assert run(capsys, "copy", event, pristine)[0] == 0
    packages = []
    for juror, base in (("J2", 60), ("J4", 75)):
        kit = kits / f"Kolabik-Uji-2023-{juror}.kolabik-kit"
        score_kit(kit, ids, base, step=2)
        code, out, _ = run(capsys, "export-scores", kit, "--out", tmp_path)
        assert code == 0
        packages.append(out.split("wrote ", 1)[1].strip())

    boards = []
    copies = []
    for n, order in enumerate((packages, packages[::-1])):
        copy = new_location(f"order{n}")
        copies.append(copy)
        assert run(capsys, "copy", pristine, copy)[0] == 0
        for package in order:
            code, out, err = run(capsys, "import-scores", copy, package, "--yes")
            assert code == 0, err
            assert "20 new, 0 changed" in out and "applied: 20 new" in out
        code, out, _ = run(capsys, "leaderboard", copy, "--format", "json")
        assert code == 0
        boards.append(json.loads(out))
    assert boards[0] == boards[1]
    code, out, _ = run(capsys, "leaderboard", pristine, "--format", "json")
    assert json.loads(out) != boards[0]

    code, out, _ = run(capsys, "import-scores", copies[0], *packages, "--yes")
    assert code == 0
    assert "(imported before)" in out and "nothing to apply" in out


def test_import_without_yes_and_without_a_terminal_refuses_to_apply(chair, tmp_path, capsys):
    event, ids = chair
    run(capsys, "kit", event, "--juror", "J3", "--out", tmp_path / "j3.kolabik-kit")
    score_kit(tmp_path / "j3.kolabik-kit", ids, 50, step=2)
    run(capsys, "export-scores", tmp_path / "j3.kolabik-kit", "--out", tmp_path / "j3.json")
    code, out, err = run(capsys, "import-scores", event, tmp_path / "j3.json")
    assert code == 1
    assert "20 new" in out
    assert "pass --yes" in err
    code, out, _ = run(capsys, "audit", event)
    assert "score.set" not in out  # nothing was applied


def test_refused_packages_are_named_and_the_exit_code_says_so(chair, tmp_path, capsys):
    event, _ids = chair
    bad = tmp_path / "rusak.kolabik-scores"
    bad.write_text('{"format": "kolabik-scores", "version": 1, "event_uid": "x"')
    code, out, err = run(capsys, "import-scores", event, bad, "--yes")
    assert code == 1
    assert "rusak.kolabik-scores: REFUSED" in out and "truncated" in out
    assert "1 package(s) refused" in err
    assert "Traceback" not in out + err


def test_audit_prints_rows_and_detects_an_edit(chair_anywhere, capsys):
    event, ids = chair_anywhere
    db = open_event_file(event)
    services.set_score(
        db,
        juror_id=ids.jurors[1],
        entry_id=ids.entries[2],
        criterion_id=ids.criteria[("P1", "SIG")],
        value=Decimal("77"),
        actor="chair",
    )
    url = db.engine.url  # a closed event hands out no engine
    db.close()
    code, out, _ = run(capsys, "audit", event, "--juror", "J2")
    assert code == 0
    assert "chair score.set [J2 IN-003 P1 SIG]" in out and "value=77" in out
    assert "(from local)" in out and "audit chain: intact" in out
    tamper = create_engine(url)  # an outside edit, on a connection of its own
    with tamper.begin() as con:
        con.execute(text("UPDATE audit_log SET new = replace(new, '77', '97')"))
    tamper.dispose()
    code, out, err = run(capsys, "audit", event)
    assert code == 1
    assert "BROKEN" in out and "changed after it was written" in out
    assert "edited after it was written" in err


def test_usage_and_data_errors(chair, tmp_path, capsys):
    event, _ids = chair
    with pytest.raises(SystemExit) as info:
        main(["kit", str(event), "--out", str(tmp_path)])  # neither --juror nor --all
    assert info.value.code == 2
    code, _out, err = run(capsys, "kit", event, "--juror", "J99", "--out", tmp_path)
    assert code == 1 and "unknown juror" in err
    code, _out, err = run(capsys, "export-scores", event, "--out", tmp_path)
    assert code == 1 and "not a juror kit" in err
    code, _out, err = run(capsys, "import-scores", tmp_path / "none.kolabik", event)
    assert code == 1 and "not found" in err


def test_kit_out_folder_forms(chair, tmp_path, capsys):
    event, _ids = chair
    code, out, _err = run(capsys, "kit", event, "--juror", "J1", "--out", f"{tmp_path / 'kits'}/")
    made = tmp_path / "kits"
    assert code == 0 and made.is_dir() and str(made) in out
    (kit,) = made.iterdir()
    assert kit.name.endswith("-J1.kolabik-kit")
    code, out, _err = run(capsys, "kit", event, "--juror", "J2", "--out", made)  # existing folder
    assert code == 0 and len(list(made.iterdir())) == 2
    code, _out, err = run(capsys, "kit", event, "--juror", "J1", "--out", f"{tmp_path}/no/kits/")
    assert code == 1 and "no: folder does not exist" in err
    code, _out, err = run(capsys, "kit", event, "--juror", "J1", "--out", tmp_path / "no/j1.kit")
    assert code == 1 and "folder does not exist" in err
    assert not (tmp_path / "no").exists()
    code, _out, err = run(capsys, "export-scores", made / kit.name, "--out", f"{tmp_path}/pk/")
    assert code == 0 and len(list((tmp_path / "pk").glob("*.kolabik-scores"))) == 1
    # A new name with no extension is a folder too: packages and kits always have one.
    code, _out, err = run(capsys, "export-scores", made / kit.name, "--out", tmp_path / "usb")
    assert code == 0 and len(list((tmp_path / "usb").glob("*.kolabik-scores"))) == 1


def test_out_never_replaces_the_event_the_kit_or_another_document(chair, tmp_path, capsys):
    event, _ids = chair
    kit = tmp_path / "j1.kolabik-kit"
    assert run(capsys, "kit", event, "--juror", "J1", "--out", kit)[0] == 0
    for command, target in (("kit", event), ("export-scores", kit), ("export-scores", event)):
        source = event if command == "kit" else kit
        extra = ["--juror", "J1"] if command == "kit" else []
        code, _out, err = run(capsys, command, source, *extra, "--out", target)
        assert code == 1 and "already exists and is not a" in err, (command, target)
    for path, kind in ((event, "event"), (kit, "kit")):
        db = open_event_file(path)
        assert db.kind == kind
        db.close()
    package = tmp_path / "j1.kolabik-scores"
    assert run(capsys, "export-scores", kit, "--out", package)[0] == 0
    assert run(capsys, "export-scores", kit, "--out", package)[0] == 0  # a package is replaced


def test_audit_and_kit_refuse_bad_options_by_name(chair, tmp_path, capsys):
    event, _ids = chair
    code, _out, err = run(capsys, "audit", event, "--juror", "J99")
    assert code == 1 and "--juror J99: no such juror in this event (jurors: J1" in err
    for last in ("0", "-3"):
        code, _out, err = run(capsys, "audit", event, "--last", last)
        assert code == 1 and f"--last {last}: give a number of rows" in err
    assert run(capsys, "kit", event, "--all", "--out", tmp_path / "kits")[0] == 0  # audited
    code, out, _err = run(capsys, "audit", event, "--last", "1")
    assert code == 0 and "(1 row(s) shown)" in out
    code, _out, err = run(capsys, "kit", event, "--all", "--stage", "P9", "--out", tmp_path / "k")
    assert code == 1 and "P9" in err and not (tmp_path / "k").exists()


def test_update_kit_keeps_the_jurors_scores(chair, tmp_path, capsys):
    event, ids = chair
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    run(capsys, "kit", event, "--juror", "J2", "--out", tmp_path / "old", "--stage", "P1")
    kit = tmp_path / "old" / "Kolabik-Uji-2023-J2.kolabik-kit"
    db = open_event_file(kit)
    services.set_score(
        db,
        juror_id=ids.jurors[1],
        entry_id=ids.entries[8],
        criterion_id=ids.criteria[("P1", "KEB")],
        value=Decimal(42),
    )
    db.close()
    code, _out, _err = run(capsys, "kit", event, "--juror", "J2", "--out", tmp_path / "new")
    assert code == 0
    new_kit = tmp_path / "new" / "Kolabik-Uji-2023-J2.kolabik-kit"
    code, out, err = run(capsys, "update-kit", kit, new_kit)
    assert code == 0, err
    assert "stages P2" in out and "your own scores kept" in out
    db = open_event_file(kit)
    with db.session() as s:
        value = s.scalar(
            select(Score.value).where(
                Score.entry_id == ids.entries[8],
                Score.criterion_id == ids.criteria[("P1", "KEB")],
            )
        )
    db.close()
    assert value == Decimal(42)
    code, _out, err = run(capsys, "update-kit", kit, event)
    assert code == 1 and "not a juror kit" in err


def test_import_asks_on_a_terminal(chair, tmp_path, capsys, monkeypatch):
    event, ids = chair
    run(capsys, "kit", event, "--juror", "J3", "--out", tmp_path / "j3.kolabik-kit")
    score_kit(tmp_path / "j3.kolabik-kit", ids, 50, step=2)
    run(capsys, "export-scores", tmp_path / "j3.kolabik-kit", "--out", tmp_path / "j3.json")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["n", "ya"])
    monkeypatch.setattr("builtins.input", lambda _prompt: next(answers))
    code, _out, err = run(capsys, "import-scores", event, tmp_path / "j3.json")
    assert code == 1 and "not applied" in err
    code, out, _err = run(capsys, "import-scores", event, tmp_path / "j3.json")
    assert code == 0 and "applied: 20 new" in out


def test_a_reader_that_leaves_early_gets_no_traceback(tmp_path, capsys):
    event = tmp_path / "demo.kolabik"
    assert main(["demo", "--no-gui", str(event)]) == 0  # an audit log far beyond a pipe's buffer
    reader = subprocess.Popen(
        [sys.executable, "-m", "kolabik_desktop", "audit", str(event)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stdout.readline().startswith(b"#1 ")
    reader.stdout.close()  # like `| head -1`
    assert reader.wait(timeout=60) == 0
    assert b"Traceback" not in reader.stderr.read()
