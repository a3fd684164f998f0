"""Can a window open here? Asked before Qt is imported, because Qt aborts the process instead.

On Linux, Qt's xcb platform plugin aborts with "Could not load the Qt platform plugin xcb" and
names libxcb-cursor0 even when other libraries are what is missing. So the plugin's libraries
are checked with ``ldd`` first, and the message names the Debian/Ubuntu packages to install.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Every system library Qt's xcb plugin links (Qt 6.5+), by its Debian/Ubuntu package. The README
# lists the same packages in one apt line; tests/cli/test_display.py keeps the two in step.
XCB_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.M)


def display_problem() -> str | None:
    """Why Qt could not open a window here (Linux), or None; Qt itself would abort instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return "no display to open the window on"
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    # Here only: ctypes costs every other start (Wayland, offscreen, Windows, macOS) ~4 ms.
    import ctypes.util

    missing = missing_libraries(xcb_plugin_ldd())
    if not ctypes.util.find_library("xcb-cursor"):  # loaded at run time, not linked
        missing.append("libxcb-cursor.so.0")
    if not missing:
        return None
    packages = sorted({XCB_PACKAGES.get(lib, lib) for lib in missing})
    return (
        "the Qt window needs system libraries that are missing: "
        + ", ".join(sorted(set(missing)))
        + f". Install them with 'sudo apt install {' '.join(packages)}' (Debian/Ubuntu) "
        "and run again"
    )


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reports as "not found", each once, in its order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def xcb_plugin_ldd() -> str:
    """``ldd`` of Qt's xcb plugin and its Qt library, or "" when either cannot be found."""
    ldd = shutil.which("ldd")
    qt = _qt_dir()
    if ldd is None or qt is None:
        return ""
    targets = [
        qt / "plugins" / "platforms" / "libqxcb.so",
        *sorted(qt.glob("lib/libQt6XcbQpa.so*")),
    ]
    found = [str(t) for t in targets if t.exists()]
    if not found:
        return ""
    try:
        done = subprocess.run([ldd, *found], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout


def _qt_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")  # finds the package without loading Qt
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        qt = Path(location) / "Qt"
        if qt.is_dir():
            return qt
    return None
