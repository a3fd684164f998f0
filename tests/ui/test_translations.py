"""Every visible string of the window has a finished Bahasa Indonesia translation, and it loads."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "kolabik_desktop" / "ui"
ID_SOURCES = ROOT / "resources" / "translations" / "id"
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def _finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return (
        translation is not None
        and translation.get("type") not in ("unfinished", "obsolete", "vanished")
        and bool((translation.text or "").strip())
    )


def test_every_ui_string_has_a_finished_indonesian_translation(tmp_path):
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    extracted = tmp_path / "all.ts"
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(extracted)],
        check=True,
        capture_output=True,
    )
    found = _messages(extracted)
    assert len(found) > 100  # lupdate really read the sources
    # A tr() that lupdate cannot tie to a class (e.g. through an alias) is never translated.
    no_context = sorted({src for ctx, src, _m in found if not ctx})
    assert not no_context, f"strings without a translation context: {no_context}"
    translated = {
        (ctx, src)
        for ts in ID_SOURCES.glob("*.ts")
        for ctx, src, message in _messages(ts)
        if _finished(message)
    }
    missing = sorted({f"{ctx}: {src}" for ctx, src, _m in found if (ctx, src) not in translated})
    assert not missing, "untranslated strings:\n" + "\n".join(missing)


def test_the_shipped_qm_is_built_from_the_current_sources(tmp_path):
    built = tmp_path / "kolabik_id.qm"
    subprocess.run(
        [
            str(BIN / "pyside6-lrelease"),
            *map(str, sorted(ID_SOURCES.glob("*.ts"))),
            "-qm",
            str(built),
        ],
        check=True,
        capture_output=True,
    )
    shipped = ROOT / "resources" / "translations" / "kolabik_id.qm"
    assert shipped.read_bytes() == built.read_bytes(), "run: python tools/build_translations.py"


def test_the_window_speaks_indonesian_with_indonesian_numbers(qtbot):
    from PySide6.QtWidgets import QApplication

    from kolabik_desktop.ui import i18n
    from kolabik_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    try:
        assert i18n.install_translator(app, "id") == "id"
        assert i18n.current_language() == "id"
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.menu_file.title() == "&Berkas"
        assert window.act_submit.text() == "&Serahkan nilai tahap ini…"
        assert i18n.localize_number_text("85.50") == "85,50"
        assert i18n.localize_number_text("1234.5") == "1.234,5"
        from decimal import Decimal

        assert i18n.format_decimal(Decimal("87.50")) == "87,5"
    finally:
        i18n.install_translator(app, "en")
    assert i18n.localize_number_text("85.50") == "85.50"
    assert MainWindow().menu_file.title() == "&File"


def test_cores_number_marks_are_the_ones_qt_writes_in_each_language():
    """The web board (no Qt) and the window format numbers by core's table: it must say what
    the window's QLocale for the language would write."""
    from kolabik_desktop.core.scoring.numbers import NUMBER_MARKS, localize_number_text
    from kolabik_desktop.ui import i18n

    assert set(NUMBER_MARKS) == set(i18n.LANGUAGES)
    for lang in NUMBER_MARKS:
        locale = i18n.locale_for(lang)
        for value in (-1234567.5, -88.67, 0.25, 88.67, 1234.5, 7):
            text = f"{value:.2f}"
            assert localize_number_text(text, lang) == locale.toString(float(value), "f", 2), text


def test_the_language_setting_is_read_from_qsettings(qtbot):
    from PySide6.QtCore import QSettings

    from kolabik_desktop.ui import i18n

    i18n.set_language("id")
    assert i18n.configured_language() == "id"
    QSettings().setValue("language", "en")
    assert i18n.configured_language() == "en"


@pytest.mark.parametrize(
    ("lang_env", "expected"), [("id_ID.UTF-8", "id"), ("en_GB.UTF-8", "id"), ("C.UTF-8", "id")]
)
def test_indonesian_is_the_default_whatever_the_system_locale(tmp_path, lang_env, expected):
    code = (
        "from PySide6.QtCore import QCoreApplication, QSettings\n"
        "app = QCoreApplication([])\n"
        "app.setOrganizationName('KolabikTest'); app.setApplicationName('t')\n"
        "QSettings.setDefaultFormat(QSettings.Format.IniFormat)\n"
        f"QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})\n"
        "from kolabik_desktop.ui import i18n\n"
        "print(i18n.install_translator(app))\n"
    )
    env = {**os.environ, "LANG": lang_env, "LC_ALL": lang_env, "LANGUAGE": ""}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == expected


def test_choosing_english_asks_once_and_restarts_into_the_open_event(qtbot, tmp_path, monkeypatch):
    from factories import make_event
    from PySide6.QtCore import QProcess, QSettings
    from PySide6.QtWidgets import QMessageBox

    from kolabik_desktop.ui import i18n, settings_dialog
    from kolabik_desktop.ui.main_window import MainWindow

    path = tmp_path / "e.kolabik"
    make_event(path)[0].close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_event(path)
    assert i18n.current_language() == "en"
    asked: list[str] = []
    started: list[tuple[str, list[str]]] = []

    def fake_exec(dialog: settings_dialog.SettingsDialog) -> int:
        assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == [
            "id",
            "en",
        ]  # no "system default": that would be English on most fresh installs
        dialog.language.setCurrentIndex(dialog.language.findData("id"))
        dialog.accept()
        return 1

    def fake_question(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "question", fake_question)
    monkeypatch.setattr(QProcess, "startDetached", lambda p, a: started.append((p, a)) or True)
    settings_dialog.open_settings(window)
    assert QSettings().value("language") == "id"
    assert len(asked) == 1 and "Restart" in asked[0]
    assert window.context is None  # the window closed (sheet flushed, lock released) first
    assert started == [(sys.executable, ["-m", "kolabik_desktop", str(path)])]


def test_keeping_the_language_asks_nothing(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kolabik_desktop.ui import settings_dialog
    from kolabik_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", lambda d: d.accept() or 1)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked"))
    settings_dialog.open_settings(window)
