"""The repository's own text: no merge left half-done (a README shipped with conflict markers)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"^(<{7} |={7}$|>{7} )", re.MULTILINE)
TEXT_SUFFIXES = {".py", ".md", ".toml", ".ts", ".spec", ".cfg", ".ini", ".txt", ".sh", ".html"}


def conflict_markers(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [
            f"{path.name}:{text[: m.start()].count(chr(10)) + 1}" for m in MARKER.finditer(text)
        ]
    return found


def test_no_conflict_markers_in_tracked_files():
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    paths = [ROOT / line for line in listed.stdout.splitlines()] if listed.returncode == 0 else []
    if not paths:  # not a git checkout (an unpacked source tree): our own folders only
        tops = [ROOT / name for name in ("kolabik_desktop", "tests", "resources", "tools", "bench")]
        paths = [p for top in tops for p in top.rglob("*")] + list(ROOT.glob("*.*"))
    assert conflict_markers(paths) == []


def test_the_scan_finds_a_marker(tmp_path):
    merged = tmp_path / "README.md"
    merged.write_text("a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> main\n", encoding="utf-8")
    assert conflict_markers([merged]) == ["README.md:2", "README.md:4", "README.md:6"]
