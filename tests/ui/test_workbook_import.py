"""File › New event from a workbook: the committee's workbook becomes an event file, opened in
the window; a refused workbook is told in the window's language and leaves no file."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import make_event
from openpyxl import load_workbook

from kolabik_desktop.core.exchange.workbook import export_workbook
from kolabik_desktop.core.store.queries.event import event_counts
from kolabik_desktop.ui import i18n, workbook_import
from kolabik_desktop.ui.main_window import MainWindow
from kolabik_desktop.ui.workbook_import import event_path_for


@pytest.fixture
def workbook(tmp_path) -> tuple[Path, tuple[int, int, int]]:
    db, _ids = make_event(tmp_path / "source.kolabik", entries=6, jurors=3, fill=0.7)
    counts = event_counts(db)
    export_workbook(db, tmp_path / "panitia.xlsx")
    db.close()
    return tmp_path / "panitia.xlsx", (counts.entries, counts.jurors, counts.scores)


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def test_the_chosen_name_is_an_event_file():
    assert event_path_for("/x/kota") == Path("/x/kota.kolabik")
    assert event_path_for("/x/kota.KOLABIK") == Path("/x/kota.KOLABIK")
    assert event_path_for("/x/kota.2025") == Path("/x/kota.2025.kolabik")


def test_a_workbook_becomes_an_event_and_opens(qtbot, window, workbook, tmp_path, monkeypatch):
    xlsx, (entries, jurors, scores) = workbook
    target = tmp_path / "baru"
    monkeypatch.setattr(workbook_import, "get_open_file_name", lambda *a, **k: (str(xlsx), ""))
    monkeypatch.setattr(workbook_import, "get_save_file_name", lambda *a, **k: (str(target), ""))
    window.features.new_from_workbook.choose()
    assert not window.features.new_from_workbook.action.isEnabled()  # one import at a time
    qtbot.waitUntil(lambda: window.context is not None, timeout=20_000)
    assert window.context.db.path == tmp_path / "baru.kolabik"
    counts = event_counts(window.context.db)
    assert (counts.entries, counts.jurors, counts.scores) == (entries, jurors, scores)
    assert window.features.new_from_workbook.action.isEnabled()


def test_a_refused_workbook_is_told_in_indonesian_and_leaves_no_file(
    qtbot, window, workbook, tmp_path, monkeypatch
):
    xlsx, _counts = workbook
    wb = load_workbook(xlsx)
    wb["Kriteria"]["D5"] = "sepuluh"
    bad = tmp_path / "salah.xlsx"
    wb.save(bad)
    monkeypatch.setattr(i18n, "current_language", lambda: "id")
    told: list[str] = []
    monkeypatch.setattr(
        workbook_import.QMessageBox, "warning", lambda _p, _t, text: told.append(text)
    )
    target = tmp_path / "salah.kolabik"
    window.features.new_from_workbook.start(bad, target)
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert "Kriteria baris 5, kolom bobot" in told[0] and "sepuluh" in told[0]
    assert not target.exists() and window.context is None
    # No half-made event and no temporary file beside it.
    assert sorted(p.name for p in tmp_path.glob("*.kolabik*")) == ["source.kolabik"]
