"""Compile every Qt Linguist source of a language into the one .qm file the app loads.

Each UI feature keeps its own ``resources/translations/<lang>/<feature>.ts``; this joins them all
into ``resources/translations/kolabik_<lang>.qm``. Run: ``python tools/build_translations.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"


def lrelease_command() -> list[str]:
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    if beside_python.exists():
        return [str(beside_python)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise SystemExit("pyside6-lrelease not found: install PySide6 (pip install PySide6)")
    return [found]


def build(lang: str) -> Path:
    sources = sorted((TRANSLATIONS / lang).glob("*.ts"))
    if not sources:
        raise SystemExit(f"no .ts files in {TRANSLATIONS / lang}")
    target = TRANSLATIONS / f"kolabik_{lang}.qm"
    cmd = [*lrelease_command(), *map(str, sources), "-qm", str(target)]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return target


def main() -> int:
    languages = [d.name for d in sorted(TRANSLATIONS.iterdir()) if d.is_dir()]
    for lang in languages:
        print(f"{build(lang).relative_to(ROOT)}  <- {lang}/*.ts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
