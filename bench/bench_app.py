"""The built app (issue 8): folder size and start-up to a shown window, on a real X server.

Needs the PyInstaller build (``scripts/build_app.sh``, or ``pyinstaller build.spec``) in
``dist/Kolabik`` and Debian's ``xvfb`` and ``xdotool``; without them it reports nothing and says why.

Figures:
- ``built_folder_mb``: the size of dist/Kolabik (target < 200 MB);
- ``built_app_startup_s``: median of 3 launches of ``dist/Kolabik/kolabik EVENT`` on the
  national-scale event until its main window is mapped on a virtual screen (target < 2 s).

Run: ``python bench/bench_app.py [--dist DIR]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers import national_event_file, seed_language

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGETS = {"built_folder_mb": 200.0, "built_app_startup_s": 2.0}
LAUNCHES = 3
DISPLAY = ":87"


def folder_mb(folder: Path) -> float:
    # lstat: PyInstaller links some libraries to one another; count each file once, as du does.
    return (
        sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_symlink() and p.is_file())
        / 1e6
    )


def _wait_for_window(pid: int, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(pid), "--name", "Kolabik"],
            capture_output=True,
            text=True,
            env=dict(os.environ, DISPLAY=DISPLAY),
        )
        if found.stdout.strip():
            return True
        time.sleep(0.01)
    return False


def startup_times(exe: Path, event: Path) -> list[float]:
    xvfb = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    times = []
    try:
        time.sleep(1.0)
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, DISPLAY=DISPLAY, HOME=home, QT_QPA_PLATFORM="xcb")
            env.pop("XDG_CONFIG_HOME", None)
            seed_language(Path(home) / ".config")  # not a first start: no language chooser
            for _ in range(LAUNCHES):
                started = time.perf_counter()
                app = subprocess.Popen(
                    [str(exe), str(event)],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                try:
                    if not _wait_for_window(app.pid):
                        raise RuntimeError("the built app showed no window within 30 s")
                    times.append(time.perf_counter() - started)
                finally:
                    app.terminate()
                    app.wait(timeout=20)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    return times


def run(dist: Path | None = None) -> dict[str, float]:
    dist = dist or ROOT / "dist" / "Kolabik"
    exe = dist / ("kolabik" if sys.platform.startswith("linux") else "Kolabik")
    if not exe.exists():
        print(f"bench_app: no built app at {exe}; run scripts/build_app.sh first", file=sys.stderr)
        return {}
    figures = {"built_folder_mb": round(folder_mb(dist), 1)}
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        print("bench_app: Xvfb and xdotool are needed for the start-up time", file=sys.stderr)
        return figures
    with national_event_file() as (event, _build_s):
        figures["built_app_startup_s"] = round(statistics.median(startup_times(exe, event)), 3)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="the built folder (default dist/Kolabik)")
    args = parser.parse_args()
    for name, value in run(args.dist).items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("ok" if value < target else "OVER")
        print(f"{name:28} {value:>10}  target < {target}  {verdict}")


if __name__ == "__main__":
    main()
