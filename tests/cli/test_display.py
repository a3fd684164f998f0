"""Before Qt aborts on a Linux desktop: the missing X11 libraries are named, with their packages."""

from __future__ import annotations

import ctypes.util
import re
import shutil
import sys
from pathlib import Path

import pytest

from kolabik_desktop.cli import display

README = Path(__file__).resolve().parents[2] / "README.md"

LDD = """/x/PySide6/Qt/plugins/platforms/libqxcb.so:
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x1)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibX11.so.6 => /lib/x86_64-linux-gnu/libX11.so.6 (0x2)
/x/PySide6/Qt/lib/libQt6XcbQpa.so.6:
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
"""


def test_not_found_libraries_are_read_from_ldd_once_each():
    assert display.missing_libraries(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert display.missing_libraries("") == []


@pytest.fixture
def x11_desktop(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so.0")


def test_the_message_names_the_missing_libraries_and_one_apt_line(x11_desktop, monkeypatch):
    monkeypatch.setattr(display, "xcb_plugin_ldd", lambda: LDD)
    problem = display.display_problem()
    assert problem is not None
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in problem
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in problem
    assert "libxcb-cursor0" not in problem  # Qt's own message would have blamed it


def test_the_cursor_library_qt_loads_at_run_time_is_checked_too(x11_desktop, monkeypatch):
    monkeypatch.setattr(display, "xcb_plugin_ldd", lambda: "")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert "sudo apt install libxcb-cursor0" in (display.display_problem() or "")


def test_nothing_missing_means_no_problem(x11_desktop, monkeypatch):
    monkeypatch.setattr(display, "xcb_plugin_ldd", lambda: LDD.replace("not found", "/lib/x"))
    assert display.display_problem() is None


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("ldd"), reason="ldd")
def test_the_real_plugin_is_found_and_read():
    out = display.xcb_plugin_ldd()
    assert "libqxcb.so" in out and "libxcb.so.1" in out
    for lib in re.findall(r"^\s*(libxcb\S*|libX11\S*|libxkbcommon\S*)\s+=>", out, re.M):
        assert lib in display.XCB_PACKAGES, f"{lib}: add its package to XCB_PACKAGES and README"


def test_the_readme_apt_line_lists_every_package():
    line = next(ln for ln in README.read_text().splitlines() if "apt install libdbus-1-3" in ln)
    assert set(line.split()[3:]) == set(display.XCB_PACKAGES.values())
