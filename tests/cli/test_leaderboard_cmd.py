"""`kolabik leaderboard`, `kolabik new` and `kolabik --version`: output, exit codes, messages."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from factories import make_event
from sqlalchemy import select

from kolabik_desktop import __version__
from kolabik_desktop.cli import main
from kolabik_desktop.core.scoring.engine import Scorer
from kolabik_desktop.core.store import audit
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import Criterion, Stage
from kolabik_desktop.core.store.services import load_scoring_input

HEADER = ["rank", "code", "title", "unit", "category", "score", "status", "tie_note"]


def run(capsysbinary, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


@pytest.fixture
def event(tmp_path):
    """12 entries, stage 1 partly scored (some provisional), 5 admitted to stage 2, half scored."""
    db, ids = make_event(tmp_path / "kota.kolabik", fill=0.9, p2_fill=0.9)
    db.close()
    return tmp_path / "kota.kolabik"


def engine_board(path, board="final", category=None):
    db = open_event_file(path)
    try:
        data = load_scoring_input(db)
    finally:
        db.close()
    return Scorer(data.event, data.values).leaderboard(board, category)


def test_csv_has_the_columns_and_the_engine_numbers(event, capsysbinary):
    code, out, err = run(capsysbinary, "leaderboard", str(event), "--format", "csv")
    assert code == 0 and err == ""
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:8] == HEADER
    assert rows[0][8:] == ["score_P1", "score_P2"]
    board = engine_board(event)
    assert len(rows) - 1 == len(board.rows) == 12
    for fields, row in zip(rows[1:], board.rows, strict=True):
        assert fields[0] == ("" if row.rank is None else str(row.rank))
        assert fields[1] == row.entry.code and fields[2] == row.entry.title
        assert fields[5] == row.display and fields[6] == row.status
        if row.status in ("unscored", "not_advanced"):
            assert fields[0] == "" and fields[5] == ""
        else:
            assert re.fullmatch(r"\d+\.\d\d", fields[5])
    statuses = {r[6] for r in rows[1:]}
    assert statuses == {"final", "provisional", "not_advanced"}


def test_csv_is_byte_identical_for_the_same_inputs(tmp_path, capsysbinary):
    outputs = []
    for name in ("a.kolabik", "b.kolabik"):
        make_event(tmp_path / name, fill=0.8, p2_fill=0.5)[0].close()
        main(["leaderboard", str(tmp_path / name), "--format", "csv"])
        outputs.append(capsysbinary.readouterr().out)
    main(["leaderboard", str(tmp_path / "a.kolabik"), "--format", "csv"])
    outputs.append(capsysbinary.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert b"\r" not in outputs[0]


def test_output_file_holds_the_same_bytes(event, tmp_path, capsysbinary):
    target = tmp_path / "board.csv"
    code, out, _err = run(
        capsysbinary, "leaderboard", str(event), "--format", "csv", "-o", str(target)
    )
    assert code == 0 and out == ""
    run(capsysbinary, "leaderboard", str(event), "--format", "csv")
    main(["leaderboard", str(event), "--format", "csv"])
    assert target.read_bytes() == capsysbinary.readouterr().out


def test_stage_board_and_category_filter(event, capsysbinary):
    code, out, _ = run(
        capsysbinary, "leaderboard", str(event), "--stage", "p1", "--category", "kelurahan",
        "--format", "csv",
    )  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    board = engine_board(event, "P1", "Kelurahan")
    assert [r["code"] for r in rows] == [row.entry.code for row in board.rows]
    assert rows and {r["category"] for r in rows} == {"Kelurahan"}
    ranks = [int(r["rank"]) for r in rows if r["rank"]]
    assert ranks[0] == 1 and ranks == sorted(ranks)


def test_json_format(event, capsysbinary):
    code, out, _ = run(capsysbinary, "leaderboard", str(event), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["board"] == "final" and doc["precision"] == 2 and len(doc["rows"]) == 12
    first = doc["rows"][0]
    assert first["rank"] == 1 and set(first["stage_scores"]) == {"P1", "P2"}
    assert all(
        r["rank"] is None for r in doc["rows"] if r["status"] in ("unscored", "not_advanced")
    )


def test_table_is_readable(event, capsysbinary):
    code, out, _ = run(capsysbinary, "leaderboard", str(event))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Kolabik Uji 2023"
    assert "Final ranking (P1 40% + P2 60%)" in lines[1]
    header = next(line for line in lines if line.startswith("Rank"))
    assert "Title" in header and "Status" in header
    board = engine_board(event)
    top = board.rows[0]
    row_line = next(line for line in lines if f"  {top.entry.code}  " in line)
    assert row_line.lstrip().startswith("1 ") and top.display in row_line
    assert "Inovasi Layanan" in out


def test_table_shortens_long_indonesian_titles(tmp_path, capsysbinary):
    db, ids = make_event(tmp_path / "x.kolabik", entries=3)
    with db.session() as s:
        from kolabik_desktop.core.store.models import Entry

        entry = s.get(Entry, ids.entries[1])
        entry.title = (
            "SIPANDU: Sistem Pelayanan Terpadu Kelurahan untuk Warga Lanjut Usia dan Difabel"
        )
    db.close()
    code, out, _ = run(capsysbinary, "leaderboard", str(tmp_path / "x.kolabik"))
    assert code == 0
    assert "SIPANDU: Sistem Pelayanan Terpadu Kelurahan…" in out
    widths = {len(line) for line in out.splitlines()[5:] if line.strip()}
    assert max(widths) < 170


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--stage", "P9"], "unknown stage 'P9' (this event has: P1, P2, final)"),
        (["--category", "Desa"], "unknown category 'Desa'"),
    ],
)
def test_unknown_stage_or_category_is_a_data_error(event, capsysbinary, argv, message):
    code, out, err = run(capsysbinary, "leaderboard", str(event), *argv)
    assert code == 1 and out == ""
    assert message in err and "Traceback" not in err


def test_missing_and_foreign_files_are_data_errors(tmp_path, capsysbinary):
    code, _, err = run(capsysbinary, "leaderboard", str(tmp_path / "nope.kolabik"))
    assert code == 1 and "file not found" in err
    text = tmp_path / "notes.kolabik"
    text.write_text("bukan berkas acara")
    code, _, err = run(capsysbinary, "leaderboard", str(text))
    assert code == 1 and "not a Kolabik event file" in err


def test_usage_errors_exit_2(event, capsysbinary):
    with pytest.raises(SystemExit) as exc:
        main(["leaderboard", str(event), "--format", "xml"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["leaderboard"])
    assert exc.value.code == 2


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"kolabik {__version__}"


def test_new_with_kipp_template(tmp_path, capsysbinary):
    path = tmp_path / "kovablik.kolabik"
    code, out, _ = run(
        capsysbinary, "new", str(path), "--template", "kipp", "--name", "Kovablik 2025",
        "--year", "2025",
    )  # fmt: skip
    assert code == 0 and "Created" in out
    db = open_event_file(path)
    with db.session() as s:
        stages = s.scalars(select(Stage).order_by(Stage.position)).all()
        assert [(st.code, st.weight) for st in stages] == [("P1", 40), ("P2", 60)]
        p1 = [(c.code, c.weight) for c in stages[0].criteria]
        assert p1 == [
            ("RIN", 0), ("LBT", 10), ("KEB", 15), ("IMP", 5),
            ("SIG", 30), ("ADP", 20), ("SDA", 5), ("KEL", 15),
        ]  # fmt: skip
        assert [c.weight for c in stages[1].criteria] == [30, 50, 10, 10]
        sig = s.scalar(select(Criterion).where(Criterion.code == "SIG"))
        assert {d["value"] for d in json.loads(sig.descriptors)} >= {60, 90}
        assert audit.verify_chain(s) == []
        assert s.scalar(select(audit.AuditLog.action)) == "rubric.template"
    db.close()


def test_new_refuses_an_existing_file(event, capsysbinary):
    before = event.read_bytes()
    code, _, err = run(capsysbinary, "new", str(event))
    assert code == 1 and "already exists" in err
    assert event.read_bytes() == before


def test_new_without_template_and_unknown_template(tmp_path, capsysbinary):
    code, _, _ = run(capsysbinary, "new", str(tmp_path / "kosong.kolabik"))
    assert code == 0
    code, _, err = run(capsysbinary, "leaderboard", str(tmp_path / "kosong.kolabik"))
    assert code == 1 and "no stages" in err
    with pytest.raises(SystemExit) as exc:
        main(["new", str(tmp_path / "y.kolabik"), "--template", "sulsel"])
    assert exc.value.code == 2


def test_the_installed_command_end_to_end(event):
    """A real process: exit codes and stderr as a shell sees them, no traceback."""
    cmd = [sys.executable, "-m", "kolabik_desktop"]
    ok = subprocess.run([*cmd, "leaderboard", str(event), "--format", "csv"], capture_output=True)
    assert ok.returncode == 0 and ok.stdout.startswith(b"rank,code,title,unit,category,score")
    bad = subprocess.run([*cmd, "leaderboard", str(event), "--stage", "X"], capture_output=True)
    assert bad.returncode == 1 and b"unknown stage" in bad.stderr and b"Traceback" not in bad.stderr
    usage = subprocess.run([*cmd, "leaderboard"], capture_output=True)
    assert usage.returncode == 2


def test_table_fits_a_narrower_terminal(tmp_path):
    from kolabik_desktop.cli.leaderboard_cmd import leaderboard_table

    db, ids = make_event(tmp_path / "x.kolabik", entries=4)
    with db.session() as s:
        from kolabik_desktop.core.store.models import Entry

        for entry_id in ids.entries:
            entry = s.get(Entry, entry_id)
            entry.title = "LAPOR CAK WALI: Kanal Aduan Warga Terintegrasi Kota Pasuruan"
            entry.unit = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
    db.close()
    board = engine_board(tmp_path / "x.kolabik")
    wide = leaderboard_table(board, ["P1", "P2"], "Kolabik", "Final ranking")
    narrow = leaderboard_table(board, ["P1", "P2"], "Kolabik", "Final ranking", max_width=110)
    assert max(len(line) for line in wide.splitlines()) > 110
    assert max(len(line) for line in narrow.splitlines()) <= 110
    assert "LAPOR CAK WALI" in narrow and "…" in narrow
    assert sorted(line.split()[0] for line in narrow.splitlines()[5:]) == [
        f"IN-00{i}" for i in range(1, 5)
    ]


def test_a_juror_kit_has_no_leaderboard(tmp_path, capsysbinary):
    from kolabik_desktop.core.exchange.kits import export_kit

    db, _ids = make_event(tmp_path / "ketua.kolabik")
    kit = export_kit(db, "J2", tmp_path / "J2.kolabik-kit")
    db.close()
    assert main(["leaderboard", str(kit), "--format", "csv"]) == 1
    captured = capsysbinary.readouterr()
    assert b"only that juror's scores" in captured.err
    assert captured.out == b""


def test_leaderboard_pauses_the_collector_and_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ranking is built with the cycle collector off (its scans of the national event's
    scores free nothing), and the collector is back on afterwards, also after an error."""
    import gc

    from kolabik_desktop.cli import leaderboard_cmd

    seen: list[bool] = []
    real = leaderboard_cmd._leaderboard_output

    def spy(args: object) -> bytes:
        seen.append(gc.isenabled())
        return real(args)  # type: ignore[arg-type]

    monkeypatch.setattr(leaderboard_cmd, "_leaderboard_output", spy)
    path = tmp_path / "ev.kolabik"
    db, _ids = make_event(path, p2_fill=1.0)
    db.close()
    assert gc.isenabled()
    assert main(["leaderboard", str(path), "--format", "csv", "-o", str(tmp_path / "b.csv")]) == 0
    assert main(["leaderboard", str(path), "--stage", "nope"]) == 1
    assert seen == [False, False]
    assert gc.isenabled()


# What `kolabik leaderboard` must not load (bench/bench_cli.py times it against a raw sqlite3
# floor, issue 17): the other commands' modules and the rubric templates, the ORM, the window's
# display probe (subprocess, ctypes), the text table of problems (a clean event words none).
NOT_LOADED_BY_LEADERBOARD = (
    "kolabik_desktop.cli.event_cmds",
    "kolabik_desktop.core.templates",
    "kolabik_desktop.core.store.db",
    "kolabik_desktop.core.store.models",
    "kolabik_desktop.core.scoring.problem_text",
    "kolabik_desktop.cli.display",
    "sqlalchemy",
    "subprocess",
    "ctypes",
    "json",
    # The scoring records are named tuples (scoring/model.py): dataclasses would bring inspect,
    # ast, dis and tokenize along: about a tenth of the command's import time.
    "dataclasses",
    "inspect",
)


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_leaderboard_loads_only_what_ranking_needs(event, fmt):
    """A real process, as the bench runs it: the ranking is printed and none of the modules
    above was imported on the way (each cost `kolabik leaderboard` time for nothing)."""
    code = (
        "import sys\n"
        "from kolabik_desktop.cli import main\n"
        f"rc = main(['leaderboard', {str(event)!r}, '--format', {fmt!r}])\n"
        "sys.stdout.flush()\n"
        "print(rc, *sorted(m for m in sys.modules if m in sys.argv[1:]), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *NOT_LOADED_BY_LEADERBOARD],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    assert "IN-001" in done.stdout  # the ranking itself was printed
    assert done.stderr.strip().splitlines()[-1] == "0", done.stderr
