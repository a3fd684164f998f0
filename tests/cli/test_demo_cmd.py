"""`kolabik demo`: writes the demo, opens the window unless --no-gui, never clobbers a real event."""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter

import kolabik_desktop.ui.app as ui_app
from kolabik_desktop.cli import main
from kolabik_desktop.core.demo import DEFAULT_DEMO_FILENAME, is_demo_file
from kolabik_desktop.core.store.db import create_event_file


def test_demo_then_leaderboard_prints_a_sensible_ranking(tmp_path, monkeypatch, capsysbinary):
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--no-gui"]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "60 entries in 7 categories, 5 jurors, Top 20 admitted" in out
    path = tmp_path / DEFAULT_DEMO_FILENAME
    assert is_demo_file(path)

    assert main(["leaderboard", str(path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode())))
    assert len(rows) == 60
    ranked = [r for r in rows if r["rank"]]
    assert [int(r["rank"]) for r in ranked][:3] == [1, 2, 3]
    assert Counter(r["status"] for r in ranked).keys() == {"final", "provisional"}
    rest = Counter(r["status"] for r in rows[len(ranked) :])
    assert rest["not_advanced"] == 40 and set(rest) <= {"unscored", "not_advanced"}
    scores = [float(r["score"]) for r in ranked]
    assert scores == sorted(scores, reverse=True)

    assert main(["leaderboard", str(path), "--stage", "P1"]) == 0
    table = capsysbinary.readouterr().out.decode()
    assert "Kota Pasuruan" in table and "Stage P1 (Penilaian Proposal)" in table
    assert "60 entries:" in table


def test_demo_opens_the_window_unless_no_gui(tmp_path, monkeypatch, capsysbinary):
    opened = []
    monkeypatch.setattr(ui_app, "run_gui", lambda path: opened.append(path) or 0)
    path = tmp_path / "lihat.kolabik"
    assert main(["demo", str(path)]) == 0
    assert opened == [str(path)]


def test_demo_refuses_a_real_event_unless_forced(tmp_path, capsysbinary):
    real = tmp_path / "kolabik-2024.kolabik"
    create_event_file(real, name="Kolabik 2024").close()
    before = real.read_bytes()
    assert main(["demo", str(real), "--no-gui"]) == 1
    err = capsysbinary.readouterr().err.decode()
    assert "is not a Kolabik demo" in err and "--force" in err and "Traceback" not in err
    assert real.read_bytes() == before
    assert main(["demo", str(real), "--no-gui", "--force"]) == 0
    assert is_demo_file(real)


def test_demo_into_a_missing_folder_is_a_data_error(tmp_path, capsysbinary):
    assert main(["demo", str(tmp_path / "tidak-ada" / "demo.kolabik"), "--no-gui"]) == 1
    assert "folder does not exist" in capsysbinary.readouterr().err.decode()


def test_demo_without_a_display_says_so_instead_of_crashing(tmp_path, monkeypatch, capsysbinary):
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    opened = []
    monkeypatch.setattr(ui_app, "run_gui", lambda path: opened.append(path) or 0)
    path = tmp_path / "tanpa-layar.kolabik"
    assert main(["demo", str(path)]) == 1
    err = capsysbinary.readouterr().err.decode()
    assert "no display" in err and f"kolabik {path}" in err
    assert opened == [] and is_demo_file(path)


def test_demo_presentation_order_follows_the_scoring(tmp_path, capsysbinary):
    """The session lists first the finalists already presented (scored by everyone)."""
    from kolabik_desktop.core.demo import PRESENTATION_ORDER_KEY, PRESENTED_COMPLETE
    from kolabik_desktop.core.scoring.engine import Scorer
    from kolabik_desktop.core.store.db import open_event_file
    from kolabik_desktop.core.store.queries.presentation import ORDER_KEY
    from kolabik_desktop.core.store.services import load_scoring_input
    from kolabik_desktop.ui import presentation

    assert PRESENTATION_ORDER_KEY == ORDER_KEY
    path = tmp_path / "demo.kolabik"
    assert main(["demo", str(path), "--no-gui"]) == 0
    db = open_event_file(path)
    order = presentation.load_order(db, "P2")
    data = load_scoring_input(db)
    db.close()
    scorer = Scorer(data.event, data.values)
    assert len(order) == 20
    status_of = {row.entry.id: row.status for row in scorer.leaderboard("P2").rows}
    assert {status_of[e] for e in order[:PRESENTED_COMPLETE]} == {"final"}
    assert {status_of[e] for e in order[PRESENTED_COMPLETE + 2 :]} == {"unscored"}


def test_opening_an_event_without_a_display_says_so_instead_of_crashing(
    tmp_path, monkeypatch, capsysbinary
):
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    opened = []
    monkeypatch.setattr(ui_app, "run_gui", lambda path: opened.append(path) or 0)
    assert main([str(tmp_path / "x.kolabik")]) == 1
    assert "no display to open the window on" in capsysbinary.readouterr().err.decode()
    assert opened == []
