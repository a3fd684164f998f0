"""The first start asks for the language (Bahasa Indonesia or English) before the main window,
saves it, and builds the window in it; later starts go straight to the window (issue 17 item 2)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from kolabik_desktop.ui import app as ui_app
from kolabik_desktop.ui import i18n
from kolabik_desktop.ui.language_chooser import LanguageChooser, first_run


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def quiet(monkeypatch) -> None:
    """run_gui's process-wide hooks (log file, excepthook) stay out of the test process."""
    from kolabik_desktop.ui import crash

    monkeypatch.setattr(crash, "install_excepthook", lambda: None)
    monkeypatch.setattr(crash, "setup_logging", lambda *a, **k: None)


def run_first_start(qapp, monkeypatch, act) -> list:
    """run_gui on a first start; ``act(chooser)`` plays the user. Returns the top windows seen
    when the event loop would have started, and after the choice."""
    from kolabik_desktop.ui.main_window import MainWindow

    seen: list = []

    def fake_exec() -> int:
        tops = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        seen.append([type(w).__name__ for w in tops])
        choosers = [w for w in tops if isinstance(w, LanguageChooser)]
        assert len(choosers) == 1
        act(choosers[0])
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        seen.append(windows)
        return 0

    monkeypatch.setattr(qapp, "exec", fake_exec)
    quiet(monkeypatch)
    assert ui_app.run_gui(None) == 0
    return seen


@pytest.fixture
def indonesian_first(qapp):
    i18n.install_translator(qapp, "id")  # what create_application does with no saved language
    yield
    i18n.install_translator(qapp, "en")


def test_the_first_start_shows_the_chooser_in_indonesian_and_english_builds_an_english_window(
    qtbot, qapp, monkeypatch, indonesian_first
):
    assert first_run()

    def pick_english(chooser: LanguageChooser) -> None:
        assert chooser.windowTitle() == "Pilih bahasa"
        assert set(chooser.buttons) == {"id", "en"}
        assert chooser.buttons["id"].text() == "Bahasa Indonesia"
        assert chooser.buttons["id"].isDefault()
        chooser.buttons["en"].click()

    seen = run_first_start(qapp, monkeypatch, pick_english)
    assert seen[0] == ["LanguageChooser"]  # no main window before the choice
    (window,) = seen[1]
    qtbot.addWidget(window)
    assert window.isVisible()
    assert menu_titles(window)[0] == "&File"
    assert i18n.current_language() == "en"
    assert QSettings().value(i18n.SETTINGS_KEY) == "en"
    assert not first_run()
    window.close()


def test_closing_the_chooser_keeps_indonesian_and_saves_it(
    qtbot, qapp, monkeypatch, indonesian_first
):
    seen = run_first_start(qapp, monkeypatch, lambda chooser: chooser.close())
    (window,) = seen[1]
    qtbot.addWidget(window)
    assert menu_titles(window)[0] == "&Berkas"
    assert QSettings().value(i18n.SETTINGS_KEY) == "id"
    window.close()


def test_a_later_start_goes_straight_to_the_window(qtbot, qapp, monkeypatch):
    from kolabik_desktop.ui.main_window import MainWindow

    i18n.set_language("en")
    shown: list = []

    def fake_exec() -> int:
        tops = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        shown.extend(tops)
        return 0

    monkeypatch.setattr(qapp, "exec", fake_exec)
    quiet(monkeypatch)
    assert ui_app.run_gui(None) == 0
    assert not any(isinstance(w, LanguageChooser) for w in shown)
    windows = [w for w in shown if isinstance(w, MainWindow)]
    assert len(windows) == 1
    qtbot.addWidget(windows[0])
    windows[0].close()
