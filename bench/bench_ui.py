"""The juror's window on the national event (issue 4), offscreen.

Figures:
- ``startup_to_interactive_s``: from starting ``kolabik EVENT`` (a fresh Python process) to the
  window shown with its first events processed; ``bare_pyside6_window_s`` is the floor: a fresh
  process that shows an empty QMainWindow. Both are medians over a few launches.
- ``search_keystroke_3000_rows_*_ms``: one key typed in the search box while the browser lists all
  3,000 entries (the chair before choosing whom to score as), until the view has updated.
- ``next_entry_render_*_ms``: Ctrl+PgDn to the next entry, its form filled and laid out.
- ``edit_commit_*_ms``: a value typed in the form committed to the file (validated, audited).

Run: ``python bench/bench_ui.py`` (``--shots DIR`` also saves the window at 1366x768).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from helpers import national_event_file, percentile, seed_language

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGETS = {
    "startup_to_interactive_s": 1.5,
    "search_keystroke_3000_rows_p95_ms": 50.0,
    "next_entry_render_p95_ms": 50.0,
    "edit_commit_p95_ms": 20.0,
}
LAUNCHES = 3
KEYSTROKES = 20
STEPS = 30
EDITS = 30

# Starts `kolabik EVENT` as the command does, and reports once the event loop has shown the window.
STARTUP_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def exec_then_report(self=None):
    def ready():
        print("READY", flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(0, ready)
    return _exec()

_exec = QApplication.exec
QApplication.exec = exec_then_report
from kolabik_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""

BARE_CHILD = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1366, 768); w.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""


def _launch(code: str, *args: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    line = proc.stdout.readline()  # type: ignore[union-attr]
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if not line.startswith("READY"):
        raise RuntimeError(f"the window did not start: {line!r}")
    return elapsed


def _startup(path: Path, tmp: Path) -> dict[str, float]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp / "config"),
        "XDG_DATA_HOME": str(tmp / "data"),
    }
    seed_language(tmp / "config")  # not a first start: no language chooser before the window
    _launch(BARE_CHILD, env=env)  # warm the disk cache for both
    bare = [_launch(BARE_CHILD, env=env) for _ in range(LAUNCHES)]
    app = [_launch(STARTUP_CHILD, str(path), env=env) for _ in range(LAUNCHES)]
    return {
        "startup_to_interactive_s": statistics.median(app),
        "bare_pyside6_window_s": statistics.median(bare),
    }


def _window_figures(path: Path, tmp: Path, shots: Path | None) -> dict[str, float]:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from kolabik_desktop.ui.app import create_application

    app = create_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qs"))
    from kolabik_desktop.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.open_event(path)
    app.processEvents()
    rows = window.browser.model.rowCount()
    assert rows == 3000, rows

    search = window.browser.search
    search.setFocus()
    keystrokes = []
    for i in range(KEYSTROKES):
        text = "in" if i % 2 == 0 else ""  # alternate: narrow down, then widen back out
        search.setText(text[:-1] if text else "i")
        app.processEvents()
        start = time.perf_counter()
        QTest.keyClick(search, "n" if text else Qt.Key.Key_Backspace)
        app.processEvents()
        keystrokes.append((time.perf_counter() - start) * 1000)
    search.clear()
    app.processEvents()

    first_juror = window.context.scorer.event.jurors[0].id  # type: ignore[union-attr]
    window.set_scoring_juror(first_juror)
    app.processEvents()
    window.form.focus_first()
    steps = []
    for _ in range(STEPS):
        start = time.perf_counter()
        QTest.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        app.processEvents()
        steps.append((time.perf_counter() - start) * 1000)

    commits = []
    for i in range(EDITS):
        row = window.form.rows[1 + i % (len(window.form.rows) - 1)]
        row.value.setFocus()
        row.value.setText("")
        QTest.keyClicks(row.value, str(60 + i))
        start = time.perf_counter()
        QTest.keyClick(row.value, Qt.Key.Key_Return)  # commits at once
        commits.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(shots / "juror_window_national.png"))
    window.close()
    return {
        "search_keystroke_3000_rows_median_ms": statistics.median(keystrokes),
        "search_keystroke_3000_rows_p95_ms": percentile(keystrokes, 0.95),
        "next_entry_render_median_ms": statistics.median(steps),
        "next_entry_render_p95_ms": percentile(steps, 0.95),
        "edit_commit_median_ms": statistics.median(commits),
        "edit_commit_p95_ms": percentile(commits, 0.95),
    }


def run(shots: Path | None = None) -> dict[str, float]:
    with national_event_file() as (path, build_s):
        figures = {"build_national_event_s": build_s}
        figures.update(_startup(path, path.parent))
        figures.update(_window_figures(path, path.parent, shots))
        return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", type=Path, help="save a screenshot of the window here")
    args = parser.parse_args()
    for name, value in run(args.shots).items():
        limit = TARGETS.get(name)
        verdict = "" if limit is None else ("  ok" if value <= limit else f"  OVER {limit}")
        print(f"{name:42s} {value:10.3f}{verdict}")
