"""Write tests/fixtures/schema/NNNN.kolabik for the current head revision.

The recipe of tests/fixtures/schema/README.md: a small event from tests/factories.py, one P2 score
edited twice (so the audit log has rows), copied with the SQLite backup API in DELETE journal mode.
Run it once when a migration is added, from the repository root:
    python tools/make_schema_fixture.py
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from factories import make_event  # noqa: E402

from kolabik_desktop.core.store import services  # noqa: E402
from kolabik_desktop.core.store.db import head_revision  # noqa: E402


def main() -> None:
    out = ROOT / "tests" / "fixtures" / "schema" / f"{head_revision()}.kolabik"
    with tempfile.TemporaryDirectory() as tmp:
        db, ids = make_event(Path(tmp) / "f.kolabik", entries=4, jurors=2, admitted_to_p2=2, seed=3)
        cell = {
            "juror_id": ids.jurors[1],
            "entry_id": ids.entries[0],
            "criterion_id": ids.criteria[("P2", "PAP")],
        }
        services.set_score(db, **cell, value=Decimal("77"), note="Jelas")
        services.set_score(db, **cell, value=Decimal("78"), note="Jelas")
        db.close()
        out.unlink(missing_ok=True)
        source = sqlite3.connect(Path(tmp) / "f.kolabik")
        target = sqlite3.connect(out)
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
        target.close()
        source.close()
    print(out.relative_to(ROOT))


if __name__ == "__main__":
    main()
