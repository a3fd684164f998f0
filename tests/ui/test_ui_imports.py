"""Imports of the ui modules (issue 17, item 10): no cycle among them (the projector↔board_export
cycle). That ui reads through the read layer is tests/core/test_layering.py's.

Every import counts, wherever it is written: at the top, inside a function (a lazy import still
closes a cycle at run time) or under ``if TYPE_CHECKING`` (a type-only cycle still ties the two
modules together). Parsed, not imported, so the check needs no display and no event.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _module_name(root: Path, path: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def ui_import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Each ui module -> the ui modules it imports (``from pkg import mod`` names the module)."""
    ui_dir = root / "kolabik_desktop" / "ui"
    modules = {_module_name(root, p): p for p in ui_dir.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.add(sub if sub in modules else base)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as [a, b, ..., a], or [] when there is none."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return []

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return []


def test_no_import_cycle_among_ui_modules():
    assert find_cycle(ui_import_graph()) == []


def test_the_projector_is_a_package_of_its_concerns():
    graph = ui_import_graph()
    p = "kolabik_desktop.ui.projector"
    for part in ("state", "canvas", "controller", "window", "controls", "export"):
        assert f"{p}.{part}" in graph
    # Its modules import their siblings, never the package (whose __init__ imports them all).
    assert not any(p in graph[f"{p}.{m}"] for m in ("canvas", "controller", "controls", "export"))
    assert f"{p}.export" in graph[f"{p}.controls"]
    assert f"{p}.controller" not in graph[f"{p}.window"]


def test_the_check_finds_a_cycle_through_a_lazy_import(tmp_path):
    """The check itself: two modules, one importing the other inside a function (as
    projector.py and board_export.py did)."""
    ui = tmp_path / "kolabik_desktop" / "ui"
    ui.mkdir(parents=True)
    (ui / "__init__.py").write_text("")
    (ui / "board.py").write_text("from kolabik_desktop.ui.paint import Canvas\n")
    (ui / "paint.py").write_text(
        "class Canvas: ...\n\ndef export():\n    from kolabik_desktop.ui import board\n"
    )
    cycle = find_cycle(ui_import_graph(tmp_path))
    assert cycle in (
        ["kolabik_desktop.ui.board", "kolabik_desktop.ui.paint", "kolabik_desktop.ui.board"],
        ["kolabik_desktop.ui.paint", "kolabik_desktop.ui.board", "kolabik_desktop.ui.paint"],
    )
