"""Another process that runs several ``kolabik`` commands one after the other.

Run as ``python commands_child.py JSON`` where JSON is a list of argument lists. Each command runs
as the real program would (``kolabik_desktop.cli.main``), opening and closing its own connections,
so this process is a reader the writer does not know, as a separate ``kolabik`` process per
command would be, without paying a fresh interpreter's start-up for each. Prints one JSON line per
command: its arguments and exit code.
"""

from __future__ import annotations

import json
import sys

from kolabik_desktop.cli import main


def run() -> int:
    failed = 0
    for argv in json.loads(sys.argv[1]):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        sys.stdout.flush()
        print(json.dumps({"argv": argv, "code": code}), file=sys.stderr, flush=True)
        failed += code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(run())
