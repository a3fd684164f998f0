"""The exchange through the window: import dialog, drag-and-drop, inbox, outbox, progress."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from factories import make_event
from helpers_exchange import copy_db, kits_by_juror, score_kit
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kolabik_desktop.core.exchange.kits import export_kits
from kolabik_desktop.core.exchange.packages import write_package
from kolabik_desktop.core.scoring.model import FINAL
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import Score
from kolabik_desktop.ui import inbox, outbox
from kolabik_desktop.ui.import_dialog import ImportPlanModel, import_paths
from kolabik_desktop.ui.juror_progress import REFRESH_MS, JurorProgressModel
from kolabik_desktop.ui.main_window import MODE_CHAIR, MODE_JUROR, MainWindow


@pytest.fixture
def exchange(tmp_path):
    """A pristine chair file, its kits, and packages of J2 and J4 scored in their kits."""
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0)
    (tmp_path / "packages").mkdir()
    kits = kits_by_juror(db, tmp_path / "kits")
    db.close()
    pristine = tmp_path / "pristine.kolabik"
    copy_db(tmp_path / "chair.kolabik", pristine)
    packages = []
    for code, base in (("J2", 60), ("J4", 72)):
        score_kit(kits[code], ids, base, step=3)
        kit = open_event_file(kits[code])
        packages.append(write_package(kit, tmp_path / "packages"))
        kit.close()
    return pristine, kits, packages, ids


@pytest.fixture
def make_window(qtbot):
    windows = []

    def make(path: Path) -> MainWindow:
        w = MainWindow()
        qtbot.addWidget(w)
        w.resize(1366, 740)
        w.show()
        assert w.open_event(path)
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()


def board(window: MainWindow):
    return [
        (r.rank, r.entry.code, r.display) for r in window.context.scorer.leaderboard(FINAL).rows
    ]


def import_through_dialog(qtbot, window: MainWindow, paths: list[Path]):
    dialog = import_paths(window, paths)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    with (
        qtbot.waitSignal(window.context.changed, timeout=10000),
        qtbot.waitSignal(dialog.applied, timeout=10000) as applied,
    ):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    return dialog, applied.args[0]


def test_the_whole_loop_through_the_window_in_both_orders(qtbot, make_window, exchange, tmp_path):
    pristine, _kits, packages, _ids = exchange
    boards = []
    for n, order in enumerate((packages, packages[::-1])):
        copy = tmp_path / f"order{n}.kolabik"
        copy_db(pristine, copy)
        window = make_window(copy)
        assert window.mode == MODE_CHAIR and window.features.import_scores.action.isEnabled()
        before = board(window)
        for package in order:
            dialog, plan = import_through_dialog(qtbot, window, [package])
            assert dialog.model.rowCount() == 1
            index = dialog.model.index(0, ImportPlanModel.NEW)
            assert dialog.model.data(index) == 20
            assert plan.new == 20
        boards.append(board(window))
        assert boards[-1] != before
        window.close_event()
    assert boards[0] == boards[1]
    assert "20 new" in window.statusBar().currentMessage()


def test_the_dialog_shows_a_refused_package_and_applies_nothing(
    qtbot, make_window, exchange, tmp_path
):
    pristine, _kits, packages, _ids = exchange
    window = make_window(pristine)
    bad = tmp_path / "rusak.kolabik-scores"
    bad.write_bytes(packages[0].read_bytes()[:-40])
    dialog = import_paths(window, [bad])
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    status = dialog.model.data(dialog.model.index(0, ImportPlanModel.STATUS))
    assert status.startswith("Refused") and "truncated" in status
    assert not dialog.apply_button.isEnabled()
    assert "1 package(s) refused" in dialog.summary.text()
    dialog.grab().save(str(tmp_path / "import_refused.png"))
    dialog.reject()


def test_dropping_packages_on_the_window_opens_the_import(qtbot, make_window, exchange):
    pristine, _kits, packages, _ids = exchange
    window = make_window(pristine)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in packages])
    drop = QDropEvent(
        QPointF(QPoint(200, 200)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    dialog = window.features.import_scores.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert dialog.model.rowCount() == 2 and dialog.plan.new == 40
    dialog.reject()


def test_the_inbox_imports_new_packages_without_asking(qtbot, make_window, exchange, tmp_path):
    pristine, _kits, packages, ids = exchange
    folder = tmp_path / "inbox"
    folder.mkdir()
    QSettings().setValue(inbox.SETTINGS_KEY, str(folder))
    window = make_window(pristine)
    watcher = window.features.inbox.watcher
    assert watcher is not None and watcher.folder == folder
    with qtbot.waitSignal(watcher.imported, timeout=15000) as got:
        shutil.copyfile(packages[0], folder / packages[0].name)
    assert got.args[0].new == 20
    qtbot.waitUntil(lambda: "Inbox" in window.statusBar().currentMessage(), timeout=5000)
    assert "J2" in window.statusBar().currentMessage()
    with window.context.db.session() as s:
        stored = s.scalar(
            select(Score.value).where(
                Score.juror_id == ids.jurors[1],
                Score.entry_id == ids.entries[0],
                Score.criterion_id == ids.criteria[("P2", "PAP")],
            )
        )
    assert stored == Decimal(60)
    # A broken file in the inbox is refused with a notice; nothing else happens.
    with qtbot.waitSignal(watcher.imported, timeout=15000) as got:
        (folder / "broken.kolabik-scores").write_text("{not json")
    assert got.args[0].refused == 1
    assert "broken.kolabik-scores" in window.statusBar().currentMessage()


def test_the_outbox_follows_the_jurors_changes(qtbot, make_window, exchange, tmp_path, monkeypatch):
    _pristine, kits, _packages, ids = exchange
    monkeypatch.setattr(outbox, "DELAY_MS", 200)
    folder = tmp_path / "outbox"
    folder.mkdir()
    QSettings().setValue(outbox.SETTINGS_KEY, str(folder))
    window = make_window(kits["J3"])
    assert window.mode == MODE_JUROR
    writer = window.features.outbox.writer
    assert writer is not None
    qtbot.waitUntil(lambda: writer.target.exists(), timeout=10000)
    assert writer.target.name == "Kolabik-Uji-2023-J3.kolabik-scores"
    services.set_score(
        window.context.db,
        juror_id=ids.jurors[2],
        entry_id=ids.entries[1],
        criterion_id=ids.criteria[("P2", "VID")],
        value=Decimal(91),
        note="video jelas",
    )

    def vid_row():
        doc = json.loads(writer.target.read_bytes())
        return next(
            (r for r in doc["scores"] if r["criterion"] == "VID" and r["entry"] == "IN-002"), None
        )

    qtbot.waitUntil(lambda: vid_row() is not None, timeout=10000)
    vid = vid_row()
    assert (vid["value"], vid["note"]) == ("91", "video jelas")
    assert [p.name for p in folder.iterdir()] == [writer.target.name]  # replaced, no leftovers
    assert window.features.outbox.send_action.isEnabled()


def test_send_scores_writes_a_package_where_the_juror_chooses(
    qtbot, make_window, exchange, tmp_path, monkeypatch
):
    _pristine, kits, _packages, _ids = exchange
    window = make_window(kits["J5"])
    target = tmp_path / "usb" / "nilai-j5"
    target.parent.mkdir()
    monkeypatch.setattr(
        "kolabik_desktop.ui.outbox.get_save_file_name", lambda *a, **k: (str(target), "")
    )
    window.features.outbox.send_action.trigger()
    written = target.with_name("nilai-j5.kolabik-scores")
    qtbot.waitUntil(written.exists, timeout=10000)
    assert json.loads(written.read_bytes())["juror"] == "J5"
    qtbot.waitUntil(lambda: "saved to" in window.statusBar().currentMessage(), timeout=5000)


def test_the_progress_view_shows_what_the_jurors_did(qtbot, make_window, exchange, tmp_path):
    pristine, _kits, packages, _ids = exchange
    window = make_window(pristine)
    view = window.features.juror_progress.view
    window.features.juror_progress.dock.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 10, timeout=10000)

    def row(juror: str, stage: str) -> dict[int, object]:
        for r in range(view.model.rowCount()):
            if (
                view.model.row_at(r).juror_code == juror
                and view.model.row_at(r).stage_code == stage
            ):
                return {c: view.model.data(view.model.index(r, c)) for c in range(9)}
        raise AssertionError(juror)

    assert row("J2", "P2")[JurorProgressModel.NOT_STARTED] == 5
    assert row("J2", "P2")[JurorProgressModel.LAST_PACKAGE] == "none"
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        import_through_dialog(qtbot, window, [packages[0]])
    j2 = row("J2", "P2")
    assert (j2[JurorProgressModel.COMPLETE], j2[JurorProgressModel.NOT_STARTED]) == (5, 0)
    assert j2[JurorProgressModel.LAST_PACKAGE] not in ("", "none")
    assert row("J4", "P2")[JurorProgressModel.COMPLETE] == 0
    QApplication.processEvents()
    window.grab().save(str(tmp_path / "progress.png"))


def test_the_progress_view_shows_the_key_and_the_chair_reopens_a_stage(
    qtbot, make_window, tmp_path
):
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0)
    kits = kits_by_juror(db, tmp_path / "kits")
    db.close()
    score_kit(kits["J2"], ids, 60, step=3)
    kit = open_event_file(kits["J2"])
    services.set_submitted(
        kit, juror_id=kit.kit_juror_id, stage_id=ids.stages["P2"], submitted=True
    )
    (tmp_path / "out").mkdir()
    package = write_package(kit, tmp_path / "out")
    kit.close()
    window = make_window(tmp_path / "chair.kolabik")
    view = window.features.juror_progress.view
    window.features.juror_progress.dock.show()
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        dialog, _applied = import_through_dialog(qtbot, window, [package])
    item = dialog.plan.items[0]
    status = dialog.model.data(dialog.model.index(0, ImportPlanModel.STATUS))
    assert item.key_fingerprint and item.key_fingerprint in status
    qtbot.waitUntil(
        lambda: any(view.model.row_at(r).submitted for r in range(view.model.rowCount())),
        timeout=10000,
    )
    r = next(
        r
        for r in range(view.model.rowCount())
        if (view.model.row_at(r).juror_code, view.model.row_at(r).stage_code) == ("J2", "P2")
    )
    assert view.model.data(view.model.index(r, JurorProgressModel.KEY)) == item.key_fingerprint
    assert view.model.data(view.model.index(r, JurorProgressModel.SUBMITTED)) == "Yes"
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        assert view.reopen(view.model.row_at(r), confirm=False)
    assert view.model.data(view.model.index(r, JurorProgressModel.SUBMITTED)) == "No"


def test_the_hidden_progress_view_counts_only_once_shown(qtbot, make_window, exchange):
    pristine, _kits, packages, _ids = exchange
    window = make_window(pristine)
    view = window.features.juror_progress.view
    assert not window.features.juror_progress.dock.isVisible()
    import_through_dialog(qtbot, window, [packages[0]])
    qtbot.wait(REFRESH_MS * 2)
    assert view.model.rowCount() == 0  # nothing counted while nobody looks
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        window.features.juror_progress.dock.show()
    j2 = next(
        view.model.row_at(r)
        for r in range(view.model.rowCount())
        if (view.model.row_at(r).juror_code, view.model.row_at(r).stage_code) == ("J2", "P2")
    )
    assert (j2.complete, j2.not_started) == (5, 0)


def test_a_juror_updates_their_kit_from_a_new_one(
    qtbot, make_window, exchange, tmp_path, monkeypatch
):
    pristine, kits, _packages, ids = exchange
    chair = open_event_file(pristine)
    with chair.session() as s:
        from kolabik_desktop.core.store.models import StageAdmission

        s.add(StageAdmission(stage_id=ids.stages["P2"], entry_id=ids.entries[7]))
    (tmp_path / "new").mkdir()
    new_kit = export_kits(chair, tmp_path / "new", juror_codes=["J2"])[0]
    chair.close()
    window = make_window(kits["J2"])
    monkeypatch.setattr(
        "kolabik_desktop.ui.outbox.get_open_file_name", lambda *a, **k: (str(new_kit), "")
    )
    with qtbot.waitSignal(window.context.changed, timeout=10000):
        window.features.outbox.update_action.trigger()
    qtbot.waitUntil(lambda: "Kit updated" in window.statusBar().currentMessage(), timeout=5000)
    assert "1 entries added" in window.statusBar().currentMessage()
    entries = {e.id for e in window.context.scorer.event.entries}
    assert ids.entries[7] in entries
    with window.context.db.session() as s:
        kept = s.scalar(
            select(Score.value).where(
                Score.entry_id == ids.entries[0],
                Score.criterion_id == ids.criteria[("P2", "PAP")],
            )
        )
    assert kept == Decimal(60)  # the juror's own stage-2 score survived the update


def test_the_chair_exports_kits_from_the_window(qtbot, make_window, exchange, tmp_path):
    pristine, _kits, _packages, _ids = exchange
    window = make_window(pristine)
    assert window.features.kit_export.action.isEnabled()
    window.features.kit_export.action.trigger()
    dialog = window.features.kit_export.dialog
    assert dialog is not None and dialog.jurors.count() == 5
    assert dialog.stage.currentText() == "Current stage (P2)"
    out = tmp_path / "usb"
    dialog.export_button.click()  # no folder yet: asks for one, writes nothing
    assert "existing folder" in dialog.note.text()
    out.mkdir()
    dialog.folder.setText(str(out))
    dialog.jurors.item(0).setCheckState(Qt.CheckState.Unchecked)  # not J1
    dialog.grab().save(str(tmp_path / "kits.png"))
    with qtbot.waitSignal(dialog.exported, timeout=15000) as done:
        dialog.export_button.click()
    names = sorted(p.name for p in done.args[0])
    assert names == [f"Kolabik-Uji-2023-J{n}.kolabik-kit" for n in (2, 3, 4, 5)]
    assert sorted(p.name for p in out.iterdir()) == names
    assert "4 juror kit(s) written" in window.statusBar().currentMessage()


def test_closing_the_kit_sends_a_change_still_waiting_for_the_outbox(
    qtbot, make_window, exchange, tmp_path, monkeypatch
):
    _pristine, kits, _packages, ids = exchange
    monkeypatch.setattr(outbox, "DELAY_MS", 60_000)  # the delay never runs out in this test
    folder = tmp_path / "outbox"
    folder.mkdir()
    QSettings().setValue(outbox.SETTINGS_KEY, str(folder))
    window = make_window(kits["J3"])
    writer = window.features.outbox.writer
    with qtbot.waitSignal(writer.written, timeout=10000):
        pass  # the first package, written when the outbox starts
    services.set_score(
        window.context.db,
        juror_id=ids.jurors[2],
        entry_id=ids.entries[2],
        criterion_id=ids.criteria[("P2", "KHD")],
        value=Decimal(33),
    )
    qtbot.waitUntil(lambda: writer._timer.isActive(), timeout=5000)
    window.close_event()
    doc = json.loads(writer.target.read_bytes())
    khd = next(r for r in doc["scores"] if r["criterion"] == "KHD" and r["entry"] == "IN-003")
    assert khd["value"] == "33"


def test_submitting_in_a_kit_offers_to_send_the_scores(
    qtbot, make_window, exchange, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    _pristine, kits, _packages, _ids = exchange
    window = make_window(kits["J5"])
    asked: list[str] = []
    monkeypatch.setattr("kolabik_desktop.ui.main_window.confirm_submit", lambda *a: True)
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes),
    )
    target = tmp_path / "usb" / "nilai-j5"
    target.parent.mkdir()
    monkeypatch.setattr(
        "kolabik_desktop.ui.outbox.get_save_file_name", lambda *a, **k: (str(target), "")
    )
    window.submit_stage()
    assert len(asked) == 1 and "Send the scores now?" in asked[0]
    written = target.with_name("nilai-j5.kolabik-scores")
    qtbot.waitUntil(written.exists, timeout=10000)
