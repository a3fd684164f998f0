"""Limits that hold everywhere (issue 12, item 8): every report renders the longest text each
limit allows, in every field a report prints, without a ReportLab LayoutError."""

from __future__ import annotations

import json
import sqlite3

import pytest
from factories import make_event

from kolabik_desktop.core.reports import KINDS, ReportOptions, build_report
from kolabik_desktop.core.reports.data import load_report_data
from kolabik_desktop.core.scoring.rules import TEXT_LIMITS
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.setup import SETTING_REPORT_CHAIR, SETTING_REPORT_PLACE

WORDS = "Inovasi pelayanan publik terpadu berbasis digital untuk warga kelurahan "


def longest(kind: str, word: str = WORDS) -> str:
    limit = TEXT_LIMITS[kind]
    return (word * (limit // len(word) + 1))[:limit]


@pytest.fixture(scope="module")
def maximal(tmp_path_factory):
    folder = tmp_path_factory.mktemp("longest")
    db, ids = make_event(folder / "ev.kolabik", entries=4, jurors=3, admitted_to_p2=3, p2_fill=1.0)
    db.close()
    descriptors = json.dumps(
        [
            {"value": 60, "text": longest("descriptors")[:1900]},
            {"value": 90, "text": longest("descriptors")[:1900]},
        ]
    )
    with sqlite3.connect(folder / "ev.kolabik") as con:
        con.execute(
            "UPDATE event SET name = ?, organiser = ?",
            (longest("event_name"), longest("organiser")),
        )
        con.execute("UPDATE stage SET name = ?", (longest("stage_name"),))
        con.execute(
            "UPDATE criterion SET name = ?, description = ?, descriptors = ?",
            (longest("criterion_name"), longest("criterion_description"), descriptors),
        )
        con.execute("UPDATE category SET name = ? || id", (longest("category")[:-2],))
        # One entry with an unbreakable title: a long cell must wrap or split, never overflow.
        con.execute(
            "UPDATE entry SET title = ?, unit = ?, summary = ?",
            (longest("title"), longest("unit"), longest("summary")),
        )
        con.execute(
            "UPDATE entry SET title = ? WHERE id = ?", ("X" * TEXT_LIMITS["title"], ids.entries[1])
        )
        con.execute(
            "UPDATE juror SET name = ? || id, affiliation = ?",
            (longest("juror_name")[:-2], longest("affiliation")),
        )
        con.execute("UPDATE conflict SET reason = ?", (longest("reason"),))
        con.execute("UPDATE score SET note = ?", (longest("note"),))
        for j in ids.jurors:
            for e in ids.entries[:3]:
                for stage in ids.stages.values():
                    con.execute(
                        "INSERT OR IGNORE INTO comment (juror_id, entry_id, stage_id, text, revision,"
                        " updated_at) VALUES (?, ?, ?, ?, 1, '2023-11-01T10:00:00Z')",
                        (j, e, stage, longest("comment")),
                    )
        con.execute(
            "INSERT INTO decision (stage_id, entry_id, rank, reason) VALUES (?, ?, 1, ?)",
            (ids.stages["P1"], ids.entries[2], longest("reason")),
        )
        con.executemany(
            "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
            [(SETTING_REPORT_PLACE, longest("place")), (SETTING_REPORT_CHAIR, longest("chair"))],
        )
    db = open_event_file(folder / "ev.kolabik")
    yield load_report_data(db)
    db.close()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stage", ["P1", "final"])
def test_every_report_renders_the_longest_texts(maximal, kind, stage):
    if kind in ("sheet", "blank") and stage == "final":
        stage = "P2"
    pdf = build_report(maximal, ReportOptions(kind=kind, stage=stage, paper="f4"))
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
