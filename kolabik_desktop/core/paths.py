"""Find shipped resources (fonts, icons, translations) in a source checkout and a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

# Where `kolabik demo` writes by default (here, not in core.demo: the command line's help names
# it without loading the demo builder and SQLAlchemy).
DEFAULT_DEMO_FILENAME = "kolabik-demo-2023.kolabik"


def resources_dir() -> Path:
    # PyInstaller unpacks data next to the executable and sets sys._MEIPASS.
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
