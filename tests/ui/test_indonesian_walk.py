"""Every window, dialog, menu and message box, walked offscreen in Bahasa Indonesia: any text a
user can see must be a translation, the event's own data, or a number (issue 17, item 2)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)
from sqlalchemy import select
from walk_strings import texts_of, translation_patterns, untranslated

from kolabik_desktop.core.demo import build_demo_event
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import Criterion, Event
from kolabik_desktop.core.store.services import load_scoring_input
from kolabik_desktop.ui import i18n

# Actions that end the session or leave the process: walked last or not at all.
LEAVING = ("Keluar", "Tutup acara", "Mulai ulang")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("walk") / "demo.kolabik"
    build_demo_event(path)
    return path


def event_words(path: Path) -> set[str]:
    """The event's own data (names, titles, codes): shown as typed, in no language."""
    db = open_event_file(path)
    try:
        event = load_scoring_input(db).event
        with db.session() as s:
            words = {s.scalar(select(Event.name)) or ""}
            for description, descriptors in s.execute(
                select(Criterion.description, Criterion.descriptors)
            ):
                words.add(description or "")
                words |= {str(d.get("text", "")) for d in json.loads(descriptors or "[]")}
    finally:
        db.close()
    from kolabik_desktop.ui.settings_dialog import PAPERS

    # Names that stay as they are in every language: the program, the languages, paper sizes.
    words |= {"Kolabik Desktop", *i18n.LANGUAGES.values(), *(label for _c, label in PAPERS)}
    words |= {path.name, path.stem, str(path), str(path.parent)}
    words |= {str(Path.cwd()), str(Path.home())}  # folders a file dialog starts in
    for e in event.entries:
        words |= {e.code, e.title, e.unit, e.category, f"{e.code} — {e.title}"}
    for j in event.jurors:
        words |= {j.code, j.name, f"{j.code} — {j.name}"}
    for s in event.stages:
        words |= {s.code, s.name, f"{s.code} — {s.name}"}
        for c in s.criteria:
            words |= {c.code, c.name}
    return {w for w in words if w}


class Walk:
    """Collects what each window shows; Qt's modal calls are replaced by a look at the dialog."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self.windows: list[str] = []

    def look(self, widget: QWidget, name: str) -> None:
        self.windows.append(name)
        self.seen += [(f"{name} > {where}", text) for where, text in texts_of(widget)]

    def patch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        walk = self

        def exec_(dialog: QDialog) -> int:
            dialog.show()
            QApplication.processEvents()
            walk.look(dialog, type(dialog).__name__)
            dialog.hide()
            return 0

        def box(icon: QMessageBox.Icon) -> object:
            def show(parent, title, text, buttons=QMessageBox.StandardButton.Ok, *_a, **_k):
                b = QMessageBox(icon, title, text, buttons, parent)
                walk.look(b, "QMessageBox")
                b.deleteLater()
                return QMessageBox.StandardButton.Cancel

            return staticmethod(show)

        def file_dialog(mode: QFileDialog.FileMode, accept: QFileDialog.AcceptMode) -> object:
            def show(parent=None, caption="", directory="", filter="", *_a, **_k):
                d = QFileDialog(parent, caption, directory, filter)
                d.setOption(QFileDialog.Option.DontUseNativeDialog, True)
                d.setFileMode(mode)
                d.setAcceptMode(accept)
                d.show()
                QApplication.processEvents()
                walk.look(d, "QFileDialog")
                d.hide()
                d.deleteLater()
                return "" if mode == QFileDialog.FileMode.Directory else ("", "")

            return staticmethod(show)

        def input_dialog(*_a, **_k):
            return ("", False)

        for cls in (QDialog, QMessageBox, QFileDialog, QInputDialog, QProgressDialog):
            monkeypatch.setattr(cls, "exec", exec_)
        for name, icon in (
            ("question", QMessageBox.Icon.Question),
            ("warning", QMessageBox.Icon.Warning),
            ("information", QMessageBox.Icon.Information),
            ("critical", QMessageBox.Icon.Critical),
        ):
            monkeypatch.setattr(QMessageBox, name, box(icon))
        monkeypatch.setattr(
            QMessageBox,
            "about",
            staticmethod(
                lambda parent, title, text: box(QMessageBox.Icon.NoIcon)(parent, title, text)
            ),
        )
        open_ = QFileDialog.AcceptMode.AcceptOpen
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", file_dialog(QFileDialog.FileMode.ExistingFile, open_)
        )
        monkeypatch.setattr(
            QFileDialog, "getOpenFileNames", file_dialog(QFileDialog.FileMode.ExistingFiles, open_)
        )
        monkeypatch.setattr(
            QFileDialog,
            "getSaveFileName",
            file_dialog(QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave),
        )
        monkeypatch.setattr(
            QFileDialog, "getExistingDirectory", file_dialog(QFileDialog.FileMode.Directory, open_)
        )
        for name in ("getText", "getItem", "getInt", "getDouble", "getMultiLineText"):
            monkeypatch.setattr(QInputDialog, name, staticmethod(input_dialog))


def menu_actions(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        if action.menu() is not None:
            yield from menu_actions(action.menu())
        elif not action.isSeparator():
            yield action


def walk_menus(window, path: Path, walk: Walk) -> None:
    """Trigger every enabled menu action of ``window`` and look at every window it opens."""
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    actions = [a for m in menus for a in menu_actions(m)]
    assert len(actions) > 20
    for action in actions:
        if not shiboken6.isValid(action):  # a menu rebuilt itself (recent files, stages)
            continue
        if any(word in action.text().replace("&", "") for word in LEAVING):
            continue
        if not action.isEnabled():
            continue
        before = set(QApplication.topLevelWidgets())
        action.trigger()
        QApplication.processEvents()
        for top in set(QApplication.topLevelWidgets()) - before:
            if top.isVisible() and not isinstance(top, QMenu):
                walk.look(top, f"{action.text()!r} → {type(top).__name__}")
                top.close()
        if window.context is None:  # an action closed the event: open it again
            assert window.open_event(path)


def test_every_window_dialog_menu_and_message_speaks_indonesian(
    qtbot, qapp, demo_file, monkeypatch
):
    from kolabik_desktop.ui.main_window import MainWindow

    patterns = translation_patterns()
    data = event_words(demo_file)
    walk = Walk()
    walk.patch(monkeypatch)
    i18n.install_translator(qapp, "id")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1366, 740)
        window.show()
        walk.look(window, "welcome")
        assert window.open_event(demo_file)
        walk.look(window, "chair")
        walk_menus(window, demo_file, walk)
        window.set_scoring_juror(window.context.scorer.event.jurors[0].id)
        walk.look(window, "scoring as a juror")
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and top is not window and not isinstance(top, QMenu):
                walk.look(top, type(top).__name__)
        bad = untranslated(walk.seen, patterns, data)
        assert len(walk.windows) > 10
        assert not bad, f"{len(bad)} texts not in Indonesian:\n" + "\n".join(bad)
    finally:
        i18n.install_translator(qapp, "en")


def test_the_walk_would_catch_english_and_lets_data_and_numbers_pass():
    patterns = translation_patterns()
    data = {"SEDEKAH SAMPAH: Tabungan Sampah", "KM-05"}
    found = [
        ("a", "&Simpan"),  # Qt's own button, translated in qtbase.ts
        ("b", "KM-05 · SEDEKAH SAMPAH: Tabungan Sampah"),
        ("c", "85,50"),
        ("d", "Rank"),
        ("e", "Look in:"),
        ("f", "60 peserta: 9 final, 5 sementara, 6 belum dinilai"),
        ("g", "60 entries: 9 final"),
    ]
    assert untranslated(found, patterns, data) == [
        "d: 'Rank'",
        "e: 'Look in:'",
        "g: '60 entries: 9 final'",
    ]


def test_the_juror_kits_window_speaks_indonesian(qtbot, qapp, demo_file, tmp_path, monkeypatch):
    from kolabik_desktop.core.exchange.kits import export_kit
    from kolabik_desktop.ui.main_window import MainWindow

    db = open_event_file(demo_file)
    try:
        kit = export_kit(db, "J1", tmp_path)
    finally:
        db.close()
    patterns = translation_patterns()
    data = event_words(demo_file) | {kit.name, kit.stem, str(kit), str(kit.parent)}
    walk = Walk()
    walk.patch(monkeypatch)
    i18n.install_translator(qapp, "id")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1366, 740)
        window.show()
        assert window.open_event(kit)
        assert window.mode == "juror"
        walk.look(window, "juror kit")
        walk_menus(window, kit, walk)
        walk.look(window, "juror kit, after the menus")
        bad = untranslated(walk.seen, patterns, data)
        assert len(walk.windows) > 5
        assert not bad, f"{len(bad)} texts not in Indonesian:\n" + "\n".join(bad)
        window.close()
    finally:
        i18n.install_translator(qapp, "en")


def test_error_messages_speak_indonesian(qtbot, qapp, demo_file, tmp_path, monkeypatch):
    """The message boxes only an error shows: a damaged file, a report that cannot be saved (the
    disk is full), a refused import."""
    import errno

    from kolabik_desktop.core import files
    from kolabik_desktop.ui.main_window import MainWindow
    from kolabik_desktop.ui.report_dialog import ReportDialog

    damaged = tmp_path / "rusak.kolabik"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    not_sqlite = tmp_path / "catatan.kolabik"
    not_sqlite.write_text("bukan basis data", encoding="utf-8")
    package = tmp_path / "J1-nilai.kolabik-scores"
    package.write_text('{"format": 2, "rusak": true}', encoding="utf-8")
    names = {p.name for p in (damaged, not_sqlite, package)} | {str(tmp_path)}
    patterns = translation_patterns()
    data = event_words(demo_file) | names | {str(tmp_path / "laporan.pdf"), "laporan.pdf"}
    walk = Walk()
    walk.patch(monkeypatch)
    i18n.install_translator(qapp, "id")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1366, 740)
        window.show()
        for bad_file in (damaged, not_sqlite):
            seen = len(walk.seen)
            assert not window.open_event(bad_file)
            assert len(walk.seen) > seen, f"no message for {bad_file.name}"
        assert window.open_event(demo_file)

        # A report saved to a full disk.
        def full(_path):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(files, "fsync_file", full)
        dialog = ReportDialog(window.context.db, window, ask_to_open=False)
        qtbot.addWidget(dialog)
        dialog.show()
        failures: list[str] = []
        dialog.failed.connect(failures.append)
        # Its preview first (a result arriving after the dialog closed is not this test's).
        qtbot.waitUntil(lambda: bool(getattr(dialog, "last_pdf", b"")), timeout=30_000)
        qtbot.waitUntil(lambda: not dialog._busy, timeout=30_000)
        dialog.save_to(tmp_path / "laporan.pdf")
        qtbot.waitUntil(lambda: bool(failures), timeout=20_000)
        qtbot.waitUntil(lambda: not dialog._busy, timeout=30_000)
        walk.look(dialog, "report, disk full")
        walk.seen += [("report failure", text) for text in failures]
        dialog.close()

        # A package the import refuses.
        window.open_dropped([package])
        importer = window.features.import_scores.dialog
        assert importer is not None
        qtbot.waitUntil(lambda: "…" not in importer.summary.text(), timeout=10_000)
        walk.look(importer, "refused import")
        importer.close()

        bad = untranslated(walk.seen, patterns, data)
        assert not bad, f"{len(bad)} texts not in Indonesian:\n" + "\n".join(bad)
        window.close()
    finally:
        i18n.install_translator(qapp, "en")
