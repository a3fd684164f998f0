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


# ---------------------------------------------------------------------------------------------
# The read layer (issue 17, item 10): ui/, cli/ and live/ read through core/store/queries, never
# through the ORM models or SQL of their own.
# ---------------------------------------------------------------------------------------------

PACKAGE = CORE.parent
VIEW_DIRS = ("ui", "cli", "live")
MODELS = "kolabik_desktop.core.store.models"
# Paths relative to kolabik_desktop/.
READ_LAYER_EXEMPT: set[str] = set()  # none left (the projector and presentation converted)


def _module_of(path: Path, root: Path) -> list[str]:
    """The dotted package a file's relative imports start from (``kolabik_desktop.ui`` ...)."""
    return [root.name, *path.relative_to(root).parent.parts]


def forbidden_imports(path: Path, root: Path = PACKAGE) -> list[str]:
    """``line: name`` of each import of the ORM models or of sqlalchemy in one source file.

    Every form counts: ``import sqlalchemy.orm``, ``from sqlalchemy import select``,
    ``from kolabik_desktop.core.store.models import X``, ``from kolabik_desktop.core.store import
    models``, relative ones (``from ..core.store import models``), inside functions or
    ``if TYPE_CHECKING`` blocks too.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_of(path, root)
    found = []
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            targets = [module] + [f"{module}.{a.name}" for a in node.names]
        for name in targets:
            if (
                name.split(".")[0] == "sqlalchemy"
                or name == MODELS
                or name.startswith(MODELS + ".")
            ):
                found.append(f"{node.lineno}: {name}")
                break
    return found


def read_layer_offenders(root: Path = PACKAGE) -> dict[str, list[str]]:
    """Every file under ui/, cli/ and live/ that imports the models or sqlalchemy."""
    out = {}
    for top in VIEW_DIRS:
        for path in sorted((root / top).rglob("*.py")):
            bad = forbidden_imports(path, root)
            if bad:
                out[path.relative_to(root).as_posix()] = bad
    return out


def stale_exemptions(root: Path = PACKAGE, exempt: set[str] | None = None) -> list[str]:
    """Exempt files that no longer import the models or sqlalchemy: their exemption must go."""
    offenders = read_layer_offenders(root)
    return sorted(
        f for f in (READ_LAYER_EXEMPT if exempt is None else exempt) if f not in offenders
    )


def test_views_and_commands_read_through_the_read_layer():
    offenders = read_layer_offenders()
    unexpected = {f: bad for f, bad in offenders.items() if f not in READ_LAYER_EXEMPT}
    assert unexpected == {}, "use core/store/queries instead: " + repr(unexpected)


def test_read_layer_exemptions_are_still_needed():
    # Once an exempt file reads through the read layer, its exemption must go (the list can't rot).
    stale = stale_exemptions()
    assert stale == [], f"remove from READ_LAYER_EXEMPT: {stale}"


def test_scanner_catches_each_form_of_a_forbidden_import(tmp_path):
    # A copy of the real tree with one bad import planted per form, in a file that is clean today.
    root = tmp_path / "kolabik_desktop"
    for top in VIEW_DIRS:
        for path in (PACKAGE / top).rglob("*.py"):
            target = root / path.relative_to(PACKAGE)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "core" / "store").mkdir(parents=True)
    form = root / "ui" / "scoring_form.py"
    clean = form.read_text(encoding="utf-8")
    assert read_layer_offenders(root).keys() == READ_LAYER_EXEMPT

    plants = {
        "from sqlalchemy import select": "sqlalchemy",
        "import sqlalchemy.orm as orm": "sqlalchemy.orm",
        "from kolabik_desktop.core.store.models import Score": MODELS,
        "from kolabik_desktop.core.store import models": MODELS,
        "import kolabik_desktop.core.store.models": MODELS,
        "from ..core.store import models": MODELS,
        "from ..core.store.models import Entry": MODELS,
        "def later():\n    from kolabik_desktop.core.store.models import Entry\n": MODELS,
        "if TYPE_CHECKING:\n    from sqlalchemy.orm import Session\n": "sqlalchemy",
    }
    for line, expect in plants.items():
        form.write_text(clean + "\n" + line + "\n", encoding="utf-8")
        found = read_layer_offenders(root)
        assert set(found) == READ_LAYER_EXEMPT | {"ui/scoring_form.py"}, line
        assert any(expect in hit for hit in found["ui/scoring_form.py"]), (line, found)

    # Deep relative import from a sub-package, and live/ is scanned too.
    form.write_text(clean, encoding="utf-8")
    (root / "ui" / "setup" / "common.py").write_text(
        "from ...core.store.models import Juror\n", encoding="utf-8"
    )
    (root / "live" / "board.py").write_text("import sqlalchemy\n", encoding="utf-8")
    found = read_layer_offenders(root)
    assert set(found) == READ_LAYER_EXEMPT | {"ui/setup/common.py", "live/board.py"}

    # Names that merely look alike are not flagged: the Qt models of the setup dialog.
    (root / "ui" / "setup" / "common.py").write_text(
        "from kolabik_desktop.ui.setup.models import RowsModel\nfrom . import models\n",
        encoding="utf-8",
    )
    (root / "live" / "board.py").write_text("import sqlalchemy_utils_not\n", encoding="utf-8")
    assert set(read_layer_offenders(root)) == READ_LAYER_EXEMPT


def test_a_stale_exemption_is_reported(tmp_path):
    # The exempt file converted: its exemption is no longer needed, and the check says so.
    root = tmp_path / "kolabik_desktop"
    for top in VIEW_DIRS:
        (root / top).mkdir(parents=True)
    (root / "ui" / "projector.py").write_text("from sqlalchemy import select\n", encoding="utf-8")
    (root / "ui" / "presentation.py").write_text("import json\n", encoding="utf-8")
    exempt = {"ui/projector.py", "ui/presentation.py"}
    assert stale_exemptions(root, exempt) == ["ui/presentation.py"]
