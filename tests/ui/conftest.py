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
    yield settings_dir
