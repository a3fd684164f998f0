"""`kolabik --self-test` is what a built app runs to prove it works (issue 8)."""

import os
import subprocess
import sys


def test_self_test_runs_every_step_and_exits_zero(tmp_path):
    config = tmp_path / ".config"
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(config)
    )
    proc = subprocess.run(
        [sys.executable, "-m", "kolabik_desktop", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for step in (
        "demo event",
        "score through the service",
        "leaderboard",
        "PDF recap",
        "main window",
        "live link",
    ):
        assert f"ok   {step}" in proc.stdout
    assert proc.stdout.rstrip().endswith("self-test passed")
    # It leaves the user's settings (recent files, layout) alone and prints no Qt noise.
    assert not config.exists() or not any(config.rglob("*"))
    assert "propagateSizeHints" not in proc.stderr


def test_self_test_reports_a_failing_step_and_exits_one(tmp_path, monkeypatch, capsys):
    from kolabik_desktop import selftest

    real_steps = selftest._steps

    def broken(folder):
        steps = real_steps(folder)
        return [*steps[:1], ("broken step", lambda: (_ for _ in ()).throw(RuntimeError("x")))]

    monkeypatch.setattr(selftest, "_steps", broken)
    lines: list[str] = []
    assert selftest.run_self_test(lines.append) == 1
    assert "FAIL broken step" in lines
    assert "self-test passed" not in lines
