"""Can a window open here? Asked before Qt is imported, because Qt aborts the process instead."""

from __future__ import annotations

import ctypes.util
import os
import sys


def display_problem() -> str | None:
    """Why Qt could not open a window here (Linux), or None; Qt itself would abort instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return "no display to open the window on"
    if not os.environ.get("WAYLAND_DISPLAY") and not ctypes.util.find_library("xcb-cursor"):
        return (
            "the Qt window needs the X11 cursor library: install it with "
            "'sudo apt install libxcb-cursor0' (Debian/Ubuntu) and run again"
        )
    return None
