"""GUI tests: each test gets its own settings and user-data folders, never the real user's."""

import os

import pytest


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings, QStandardPaths

    settings_dir = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    # QStandardPaths reads XDG_* on each call on Linux; test mode keeps it off real folders too.
    QStandardPaths.setTestModeEnabled(True)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    os.makedirs(settings_dir, exist_ok=True)
    # A kit opened in a test does not browse the network for a live-session hub.
    QSettings().setValue("live/discover", False)
    yield settings_dir


@pytest.fixture
def open_juror_window(qtbot):
    """Opens an event file in a shown, laptop-sized main window scoring as one juror."""
    from kolabik_desktop.ui.main_window import MainWindow

    opened = []

    def open_window(path, juror_id):
        w = MainWindow()
        qtbot.addWidget(w)
        w.resize(1366, 740)
        w.show()
        assert w.open_event(path)
        w.set_scoring_juror(juror_id)
        opened.append(w)
        return w

    yield open_window
    for w in opened:
        w.close()
