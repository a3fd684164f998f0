"""The window's features: listed once, typed through ui.host.WindowHost, never swallowed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from factories import make_event

from kolabik_desktop.ui import features as features_module
from kolabik_desktop.ui.features import Features
from kolabik_desktop.ui.main_window import MainWindow

UI = Path(features_module.__file__).resolve().parent
FEATURE_MODULES = (
    "backup_ui.py",
    "settings_dialog.py",
    "setup/__init__.py",
    "kit_export.py",
    "import_dialog.py",
    "inbox.py",
    "outbox.py",
    "juror_progress.py",
    "report_dialog.py",
    "live_session.py",
    "juror_stats.py",
    "juror_stats_feature.py",
    "promote_dialog.py",
    "leaderboard.py",
    "audit_view.py",
    "presentation.py",
    *sorted(
        f"projector/{p.name}"
        for p in (Path(features_module.__file__).resolve().parent / "projector").glob("*.py")
    ),
)


def test_a_feature_that_fails_to_build_stops_the_window(qtbot, monkeypatch):
    class Broken:
        def __init__(self, _host: object) -> None:
            raise RuntimeError("the report feature is broken")

    monkeypatch.setattr(features_module, "ReportFeature", Broken)
    with pytest.raises(RuntimeError, match="report feature is broken"):
        MainWindow()


def test_every_feature_is_built_and_reachable(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    assert isinstance(window.features, Features)
    for name in Features.__dataclass_fields__:
        assert getattr(window.features, name) is not None, name
    # The live session serves the projector's board: given in its constructor.
    assert window.features.live_session.panel.projector is window.features.projector.controller


def test_hidden_docks_are_built_on_first_show(qtbot, tmp_path):
    path = tmp_path / "e.kolabik"
    make_event(path)[0].close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_event(path)
    progress = window.features.juror_progress
    assert not progress.dock.isVisible() and not progress.dock.is_built()
    progress.action.trigger()  # View > Juror progress
    qtbot.waitUntil(progress.dock.isVisible)
    assert progress.dock.is_built()
    # Built with the open event, as if it had followed it from the start.
    assert progress.view.context is window.context


def test_the_presentation_and_projector_docks_are_built_on_first_show(qtbot, tmp_path):
    """Neither panel is built for the first paint; each shows the state of its moment when the
    chair first opens it (the presentation's schedule, the projector's mode)."""
    from kolabik_desktop.ui.projector import PROGRESS

    path = tmp_path / "e.kolabik"
    make_event(path, entries=14, admitted_to_p2=5)[0].close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_event(path)
    presentation, projector = window.features.presentation, window.features.projector
    assert not presentation.dock.is_built() and not projector.dock.is_built()
    projector.controller.set_mode(PROGRESS)  # F-keys work before the controls exist
    presentation.actions[0].trigger()  # View > Presentation session
    qtbot.waitUntil(presentation.dock.isVisible)
    assert presentation.dock.is_built() and not projector.dock.is_built()
    assert presentation.panel.schedule.count() == len(presentation.session.entries) == 5
    projector.actions[1].trigger()  # View > Projector > Projector controls
    qtbot.waitUntil(projector.dock.isVisible)
    assert projector.dock.is_built()
    assert projector.controls.mode_buttons[PROGRESS].isChecked()


def _probes(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("hasattr", "getattr", "setattr")
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id in ("window", "host")
        ):
            found.append(f"{node.func.id}({node.args[0].id}, …) line {node.lineno}")
        # Nothing is hung on the window: a feature keeps its docks and controller itself.
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for target in targets:
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id in ("window", "host")
            ):
                found.append(f"{target.value.id}.{target.attr} = … line {node.lineno}")
    return found


@pytest.mark.parametrize("relative", FEATURE_MODULES)
def test_features_use_the_typed_host_not_probes(relative):
    source = (UI / relative).read_text(encoding="utf-8")
    tree = ast.parse(source)
    assert _probes(tree) == []
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.arg in ("window", "host"):
            hint = ast.unparse(node.annotation) if node.annotation else ""
            assert hint in ("WindowHost", "MainWindow"), f"{relative}: {node.arg}: {hint!r}"
