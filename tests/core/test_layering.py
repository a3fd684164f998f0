"""The core never imports Qt (architecture.md): checked in the source and at import time."""

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "kolabik_desktop" / "core"


def test_no_qt_import_in_core_sources():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(CORE)}:{node.lineno} {n}"
                for n in names
                if n.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
            ]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = [
        "kolabik_desktop.core." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if "migrations" not in p.parts and p.name != "__init__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
