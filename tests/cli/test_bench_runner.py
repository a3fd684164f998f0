"""bench/run.py: every bench in its own process, one table, targets marked, failures reported."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

RUNNER = Path(__file__).resolve().parents[2] / "bench" / "run.py"


@pytest.fixture
def runner(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("bench_runner", RUNNER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "bench_quick.py").write_text(
        "import os\n"
        "TARGETS = {'edit_ms': 20.0, 'open_s': 0.5}\n"
        "def run():\n"
        "    return {'open_s': 0.25, 'edit_ms': 31.5, 'pid': float(os.getpid())}\n"
    )
    (tmp_path / "bench_broken.py").write_text("def run():\n    raise RuntimeError('boom')\n")
    monkeypatch.setattr(module, "discover", lambda: sorted(tmp_path.glob("bench_*.py")))
    return module


def test_table_with_targets_and_a_failed_bench(runner, capsys):
    assert runner.main([]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["bench", "figure", "value", "target"]
    assert next(line for line in lines if "open_s" in line).split() == [
        "quick", "open_s", "0.250", "<", "0.500", "ok",
    ]  # fmt: skip
    assert next(line for line in lines if "edit_ms" in line).split()[-1] == "OVER"
    assert "broken: FAILED, exit code 1" in out and "RuntimeError: boom" in out
    assert "2 bench(es), 1 failed, 1 figure(s) over target" in out
    pid = next(line for line in lines if " pid " in line).split()[2]
    assert int(pid) != os.getpid()  # the bench ran in a process of its own


def test_only_and_strict(runner, capsys):
    assert runner.main(["--only", "quick"]) == 0
    assert "broken" not in capsys.readouterr().out
    assert runner.main(["--only", "bench_quick", "--strict"]) == 1
    assert runner.main(["--only", "nope"]) == 2
    assert "unknown bench: nope" in capsys.readouterr().err
