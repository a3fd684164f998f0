"""Run every benchmark and print one table of figures: ``python bench/run.py [--only NAME]``.

Each ``bench/bench_*.py`` module exposes ``run() -> dict[str, float]`` (figure name -> value, the
unit in the name: ``_s``, ``_ms``, ``_mb``) and may declare ``TARGETS = {figure: upper limit}``.
Every bench runs in its own Python process, so its peak memory is its own and one bench's caches
or garbage never slow the next.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Limits from the issues, for benches that do not declare their own TARGETS.
DEFAULT_TARGETS: dict[str, float] = {
    "workbook_import_124k_scores_s": 15.0,
    "workbook_export_124k_scores_s": 10.0,
    "workbook_import_peak_rss_mb": 300.0,
    "workbook_export_peak_rss_mb": 300.0,
    "process_max_rss_mb": 300.0,
}


def discover() -> list[Path]:
    return sorted(HERE.glob("bench_*.py"))


def bench_name(path: Path) -> str:
    return path.stem.removeprefix("bench_")


def child(path: Path, result: Path) -> None:
    """Run one bench in this (fresh) process and write its figures as JSON."""
    sys.path.insert(0, str(HERE))  # benches share helpers such as national.py
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered under its own name: a bench that starts processes (bench_live, spawn) pickles its
    # functions by module name, and the child imports that module from bench/ (on sys.path).
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    start = time.perf_counter()
    figures = module.run()
    seconds = time.perf_counter() - start
    result.write_text(
        json.dumps(
            {
                "figures": {k: float(v) for k, v in figures.items()},
                "targets": dict(getattr(module, "TARGETS", {})),
                "seconds": seconds,
                # ru_maxrss is in KiB on Linux (bytes on macOS; benches run on Linux here).
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "cpu_s": _cpu_seconds(),
            }
        ),
        encoding="utf-8",
    )


def _cpu_seconds() -> float:
    """CPU time of this process and the processes it waited for (benches spawn their own)."""
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


def run_one(path: Path, timeout: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(path), str(result)]
        try:
            proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"error": f"did not finish within {timeout:.0f} s"}
        if proc.returncode != 0 or not result.exists():
            tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
            return {"error": f"exit code {proc.returncode}\n{tail}"}
        data: dict[str, object] = json.loads(result.read_text(encoding="utf-8"))
        return data


def format_value(value: float) -> str:
    if value.is_integer() and abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) < 1:
        return f"{value:.3f}"
    if abs(value) < 100:
        return f"{value:.2f}"
    return f"{value:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", action="append", metavar="NAME", help="run only this bench (e.g. engine)"
    )
    parser.add_argument("--timeout", type=float, default=900, help="seconds per bench")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a figure misses its target"
    )
    parser.add_argument("--child", nargs=2, metavar=("BENCH", "RESULT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return 0

    benches = discover()
    if args.only:
        wanted = {name.removeprefix("bench_").removesuffix(".py") for name in args.only}
        unknown = wanted - {bench_name(p) for p in benches}
        if unknown:
            known = ", ".join(bench_name(p) for p in benches)
            print(f"unknown bench: {', '.join(sorted(unknown))} (known: {known})", file=sys.stderr)
            return 2
        benches = [p for p in benches if bench_name(p) in wanted]

    rows: list[tuple[str, str, str, str, str]] = []
    footers: list[str] = []
    failed = missed = 0
    for path in benches:
        name = bench_name(path)
        print(f"running {name}...", file=sys.stderr, flush=True)
        data = run_one(path, args.timeout)
        if "error" in data:
            failed += 1
            rows.append((name, "FAILED", "", "", ""))
            footers.append(f"{name}: FAILED, {data['error']}")
            continue
        figures: dict[str, float] = data["figures"]  # type: ignore[assignment]
        targets = {**DEFAULT_TARGETS, **data["targets"]}  # type: ignore[dict-item]
        for figure, value in figures.items():
            limit = targets.get(figure)
            verdict = ""
            if limit is not None:
                verdict = "ok" if value < limit else "OVER"
                missed += verdict == "OVER"
            target = f"< {format_value(float(limit))}" if limit is not None else ""
            rows.append((name, figure, format_value(value), target, verdict))
        footers.append(
            # CPU far below wall time means other programs were competing for the processors.
            f"{name}: {data['seconds']:.1f} s in all ({data['cpu_s']:.1f} s of CPU), "
            f"bench process peak RSS {data['peak_rss_mb']:.0f} MB"
        )

    headers = ("bench", "figure", "value", "target", "")
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(5)]
    for i, row in enumerate([headers, *rows]):
        line = "  ".join(
            cell.rjust(w) if col == 2 else cell.ljust(w)
            for col, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        print(line.rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths).rstrip())
    print()
    for footer in footers:
        print(footer)
    summary = f"{len(benches)} bench(es), {failed} failed, {missed} figure(s) over target"
    print(summary)
    return 1 if failed or (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
