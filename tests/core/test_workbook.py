"""The event workbook: round trip, byte-identical export, every bad workbook refused whole."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from factories import make_event
from openpyxl import Workbook, load_workbook
from sqlalchemy import delete, func, select

from kolabik_desktop.core.errors import InputRejected, KolabikError
from kolabik_desktop.core.exchange import workbook as wbmod
from kolabik_desktop.core.exchange.workbook import (
    REQUIRED_HEADERS,
    export_workbook,
    import_workbook,
    read_entries_list,
    read_workbook,
)
from kolabik_desktop.core.scoring.engine import compute_leaderboard
from kolabik_desktop.core.scoring.model import FINAL, TIEBREAK_NONE
from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import create_event_file, open_event_file
from kolabik_desktop.core.store.models import (
    Assignment,
    AuditLog,
    Category,
    Comment,
    Conflict,
    Criterion,
    Decision,
    Entry,
    Event,
    Juror,
    Score,
    Stage,
    StageAdmission,
)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parsed(json_text: str) -> str:
    """JSON settings compared by meaning (3 and 3.0 minutes are the same)."""
    return json.dumps(json.loads(json_text, parse_int=float), sort_keys=True) if json_text else ""


def dump(db) -> dict:
    """The competition by codes (no ids, revisions or times): what 'the same' means."""
    with db.session() as s:
        ev = s.scalars(select(Event)).one()
        stage = {st.id: st.code for st in s.scalars(select(Stage))}
        crit = {c.id: (stage[c.stage_id], c.code) for c in s.scalars(select(Criterion))}
        entry = {e.id: e.code for e in s.scalars(select(Entry))}
        juror = {j.id: j.code for j in s.scalars(select(Juror))}
        cats = {c.id: c.name for c in s.scalars(select(Category))}
        return {
            "event": (ev.name, ev.year, ev.organiser, ev.precision, ev.tiebreak),
            "rounding": ev.round_stage_scores,
            "stages": sorted(
                (st.code, st.name, st.position, st.weight, st.method, st.band)
                + (st.scale_min, st.scale_max, st.cumulative, parsed(st.slot_parts))
                for st in s.scalars(select(Stage))
            ),
            "criteria": sorted(
                (stage[c.stage_id], c.position, c.code, c.name, c.weight, c.min_value)
                + (c.max_value, c.step, c.description, parsed(c.descriptors))
                for c in s.scalars(select(Criterion))
            ),
            "categories": [c.name for c in s.scalars(select(Category).order_by(Category.position))],
            "entries": sorted(
                (e.code, e.title, e.unit, cats.get(e.category_id), e.summary)
                for e in s.scalars(select(Entry))
            ),
            "jurors": sorted((j.code, j.name, j.affiliation) for j in s.scalars(select(Juror))),
            "conflicts": sorted(
                (juror[c.juror_id], entry[c.entry_id], c.reason)
                for c in s.scalars(select(Conflict))
            ),
            "admissions": sorted(
                (stage[a.stage_id], entry[a.entry_id]) for a in s.scalars(select(StageAdmission))
            ),
            "assignments": sorted(
                (stage[a.stage_id], juror[a.juror_id], entry[a.entry_id])
                for a in s.scalars(select(Assignment))
            ),
            "scores": sorted(
                (juror[x.juror_id], entry[x.entry_id], crit[x.criterion_id], x.value, x.note)
                for x in s.scalars(select(Score))
            ),
            "decisions": sorted(
                (stage.get(d.stage_id, FINAL), entry[d.entry_id], d.rank, d.reason)
                for d in s.scalars(select(Decision))
            ),
            "comments": sorted(
                (stage[c.stage_id], juror[c.juror_id], entry[c.entry_id], c.text)
                for c in s.scalars(select(Comment))
            ),
        }


def board(db, name=FINAL):
    scoring = services.load_scoring_input(db)
    return [
        (r.rank, r.entry.code, r.display, r.status, r.tie_rule)
        for r in compute_leaderboard(scoring.event, scoring.values, name).rows
    ]


@pytest.fixture
def rich_event(new_location):
    """The factory's event plus what the workbook must also carry: P2 assignments and scores
    written through set_score (revisions above 1), half steps, notes that look like formulas,
    descriptors, a comment and a jury decision."""
    db, ids = make_event(new_location("a"), entries=12, jurors=5, admitted_to_p2=5)
    p2 = ids.stages["P2"]
    finalists = ids.entries[:5]
    with db.session() as s:
        s.get(Stage, p2).slot_parts = json.dumps(
            [{"name": "Video", "minutes": 3.0}, {"name": "Tanya jawab", "minutes": 12.5}]
        )
        s.get(Criterion, ids.criteria["P2", "MAT"]).step = Decimal("0.5")
        s.get(Criterion, ids.criteria["P1", "SIG"]).descriptors = json.dumps(
            [{"value": 60.0, "text": "Cukup"}, {"value": 85.5, "text": "Sangat baik"}]
        )
        for j in ids.jurors[1:4]:
            for e in finalists:
                s.add(Assignment(stage_id=p2, juror_id=j, entry_id=e))
    for j in ids.jurors[1:4]:
        for e in finalists:
            for code in ("PAP", "MAT", "VID", "KHD"):
                services.set_score(
                    db,
                    juror_id=j,
                    entry_id=e,
                    criterion_id=ids.criteria["P2", code],
                    value=Decimal("72.5") if code == "MAT" else Decimal(70 + e % 7),
                    note="=bagus, perlu video\nbaris dua\n" if code == "VID" else "",
                )
    services.set_score(
        db,
        juror_id=ids.jurors[1],
        entry_id=finalists[0],
        criterion_id=ids.criteria["P2", "PAP"],
        value=Decimal(90),
    )
    services.set_comment(
        db, juror_id=ids.jurors[1], entry_id=finalists[1], stage_id=p2, text="  Paparan jelas.\n"
    )
    with db.session() as s:
        s.add(Decision(stage_id=None, entry_id=finalists[2], rank=2, reason="Keputusan juri"))
    return db, ids


def test_round_trip_gives_the_same_competition_and_the_same_bytes(
    tmp_path, rich_event, new_location
):
    db, _ids = rich_event
    first, again, back = tmp_path / "a.xlsx", tmp_path / "a2.xlsx", tmp_path / "b.xlsx"
    export_workbook(db, first)
    export_workbook(db, again)
    assert sha(first) == sha(again)

    imported = import_workbook(first, new_location("b"))
    export_workbook(imported, back)
    assert sha(back) == sha(first)
    assert dump(imported) == dump(db)
    assert imported.uid != db.uid
    assert board(imported) == board(db)
    assert board(imported, "P2") == board(db, "P2")
    # One row itemises the imported cells, one summarises the import; every imported score
    # starts at revision 1.
    with imported.session() as s:
        rows = s.scalars(select(AuditLog)).all()
        assert [r.action for r in rows] == ["cells.bulk", "workbook.import"]
        scores = s.scalar(select(func.count(Score.id)))
        assert json.loads(rows[0].new)["scores"] == json.loads(rows[1].new)["scores"] == scores
        assert set(s.scalars(select(Score.revision))) == {1}
    with db.session() as s:
        assert max(s.scalars(select(Score.revision))) == 2


def test_export_pins_every_timestamp_to_the_event_year(tmp_path, rich_event):
    db, _ids = rich_event
    export_workbook(db, tmp_path / "a.xlsx")
    with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert core.count("2023-01-01T00:00:00Z") == 2


def test_export_writes_sheets_and_headers_in_order(tmp_path, rich_event):
    db, _ids = rich_event
    export_workbook(db, tmp_path / "a.xlsx")
    wb = load_workbook(tmp_path / "a.xlsx")
    assert wb.sheetnames == list(REQUIRED_HEADERS)
    for sheet, headers in REQUIRED_HEADERS.items():
        written = [c.value for c in wb[sheet][1]]
        assert tuple(written[: len(headers)]) == headers
    assert [c.value for c in wb["Tahap"][1]][5:] == [
        "skala_min",
        "skala_maks",
        "batas",
        "kumulatif",
        "sesi",
        "toleransi",
    ]
    acara = {r[0]: r[1] for r in wb["Acara"].iter_rows(min_row=2, values_only=True)}
    assert acara == {
        "nama": "Kolabik Uji 2023",
        "tahun": 2023,
        "penyelenggara": "Pemerintah Kota Pasuruan",
        "presisi": 2,
        "bulatkan_tahap": "tidak",
        "tiebreak": "standar",
    }
    # A note starting with '=' stays text, not a formula.
    notes = [r[5] for r in wb["Nilai"].iter_rows(min_row=2, values_only=True) if r[5]]
    assert "=bagus, perlu video\nbaris dua\n" in notes


def test_progress_reports_reach_the_end(tmp_path, rich_event):
    db, _ids = rich_event
    seen: list[tuple[int, int, str]] = []
    export_workbook(db, tmp_path / "a.xlsx", progress=lambda d, t, w: seen.append((d, t, w)))
    assert seen and seen[-1][0] == seen[-1][1]
    seen.clear()
    import_workbook(
        tmp_path / "a.xlsx", tmp_path / "b.kolabik", progress=lambda d, t, w: seen.append((d, t, w))
    ).close()
    assert seen[-1][0] == seen[-1][1] > 0
    assert {w for _d, _t, w in seen} >= {"Nilai"}


# ---------------------------------------------------------------------------------------------
# Bad workbooks: each refused with its sheet, row and column, and nothing written
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_xlsx(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    db, ids = make_event(folder / "g.kolabik", entries=8, jurors=4, admitted_to_p2=3, p2_fill=1.0)
    with db.session() as s:
        s.add(Decision(stage_id=ids.stages["P2"], entry_id=ids.entries[1], rank=1, reason="x"))
    export_workbook(db, folder / "good.xlsx")
    db.close()
    return folder / "good.xlsx"


def edited(src: Path, dst: Path, **changes) -> Path:
    """A copy of the workbook with cells set: changes are sheet=[(cell, value), ...]."""
    wb = load_workbook(src)
    for sheet, cells in changes.items():
        for ref, value in cells:
            if ref == "DELETE":
                del wb[sheet]
            elif ref == "APPEND":
                wb[sheet].append(value)
            else:
                wb[sheet][ref] = value
    wb.save(dst)
    return dst


def row_of(xlsx: Path, sheet: str, **match) -> int:
    wb = load_workbook(xlsx, read_only=True)
    rows = wb[sheet].iter_rows(values_only=True)
    header = [str(h) for h in next(rows)]
    for number, row in enumerate(rows, 2):
        values = dict(zip(header, row, strict=False))
        if all(values.get(k) == v for k, v in match.items()):
            return number
    raise AssertionError(f"no row {match} in {sheet}")


def refused(xlsx: Path, tmp_path: Path) -> list[str]:
    target = tmp_path / "new.kolabik"
    with pytest.raises(InputRejected) as info:
        import_workbook(xlsx, target)
    assert not target.exists()
    assert not Path(str(target) + "-wal").exists()
    return [str(p) for p in info.value.problems]


def test_the_good_workbook_imports(good_xlsx, new_location):
    db = import_workbook(good_xlsx, new_location("ok"))
    assert dump(db)["decisions"] == [("P2", "IN-002", 1, "x")]
    db.close()


def test_a_refused_workbook_leaves_a_server_database_empty(good_xlsx, tmp_path, server_database):
    from kolabik_desktop.core.store.dialect import event_exists

    xlsx = edited(good_xlsx, tmp_path / "bad.xlsx", Kriteria=[("D5", "sepuluh")])
    with pytest.raises(InputRejected):
        import_workbook(xlsx, server_database)
    assert not event_exists(server_database)


def test_text_where_a_number_belongs(good_xlsx, tmp_path):
    xlsx = edited(good_xlsx, tmp_path / "bad.xlsx", Kriteria=[("D5", "sepuluh")])
    assert 'Kriteria row 5, column bobot: "sepuluh" is not a number' in refused(xlsx, tmp_path)


BAD_CASES = {
    "missing sheet": ({"Juri": [("DELETE", None)]}, 'Juri: the sheet "Juri" is missing'),
    "missing header": ({"Tahap": [("E1", "cara")]}, 'Tahap row 1: the column "metode" is missing'),
    "unknown stage": ({"Kriteria": [("A2", "P9")]}, "Kriteria row 2, column tahap: unknown stage"),
    "unknown juror": ({"Nilai": [("B2", "J99")]}, "Nilai row 2, column juri: unknown juror"),
    "unknown entry": ({"Konflik": [("B2", "IN-999")]}, "Konflik row 2, column peserta: unknown"),
    "unknown criterion": (
        {"Nilai": [("D2", "XYZ")]},
        'Nilai row 2, column kriteria: unknown criterion "XYZ" of stage P1',
    ),
    "duplicate entry": (
        {"Peserta": [("A3", "IN-001")]},
        "Peserta row 3, column kode: the entry IN-001 appears twice (first in row 2)",
    ),
    "out of range": (
        {"Nilai": [("E2", 101)]},
        "Nilai row 2, column nilai: 101 is outside the range 0 to 100",
    ),
    "off step": ({"Nilai": [("E2", 72.5)]}, "Nilai row 2, column nilai: 72.5 is not on the step 1"),
    "weights": (
        {"Kriteria": [("D2", 5)]},
        "Kriteria column bobot: the weights of the criteria of stage P1 add up to 105, not 100",
    ),
    "bad code": ({"Juri": [("A2", "J 1")]}, 'Juri row 2, column kode: "J 1" is not a code'),
    "empty title": ({"Peserta": [("B2", None)]}, "Peserta row 2, column judul: is empty"),
    "bad method": ({"Tahap": [("E2", "rata-rata")]}, 'Tahap row 2, column metode: "rata-rata"'),
    "precision": ({"Acara": [("B5", "dua")]}, 'Acara row 5, column nilai: "dua" is not a number'),
    "rounding flag": ({"Acara": [("B6", "mungkin")]}, 'Acara row 6, column nilai: "mungkin"'),
    "tiebreak": ({"Acara": [("B7", "acak")]}, 'Acara row 7, column nilai: "acak" is not standar'),
    "unknown key": ({"Acara": [("A3", "tahunan")]}, "Acara row 3, column kunci: unknown key"),
    "first stage in Lolos": (
        {"Lolos": [("A2", "P1")]},
        "Lolos row 2, column tahap: P1 is the first stage, which admits every entry",
    ),
    "banded without L": (
        {"Tahap": [("E2", "banded")]},
        "Tahap row 2, column batas: a banded stage needs its band L",
    ),
    "L not above 0": (
        {"Tahap": [("E2", "banded"), ("H2", 0)]},
        "Tahap row 2, column batas: the band L must be above 0",
    ),
    "cumulative names a later stage": (
        {"Tahap": [("I2", "P1:50 P2:50")]},
        "Tahap row 2, column kumulatif: stage P1: the cumulative weights name the later stage P2",
    ),
    "cumulative names an unknown stage": (
        {"Tahap": [("I3", "P0:30 P2:70")]},
        "Tahap row 3, column kumulatif: stage P2: the cumulative weights name the unknown stage P0",
    ),
    "cumulative not 100": (
        {"Tahap": [("I3", "P1:30 P2:60")]},
        "Tahap row 3, column kumulatif: stage P2: the cumulative weights add up to 90, not 100",
    ),
    "stage weights not 100": (
        {"Tahap": [("D3", 70)]},
        "Tahap column bobot: the stage weights add up to 110, not 100",
    ),
    "cumulative part of 0": (
        {"Tahap": [("I3", "P1:0 P2:100")]},
        "Tahap row 3, column kumulatif: stage P2: the cumulative weight of P1 must be above 0",
    ),
    "formula without a value": (
        {"Nilai": [("E2", "=40+45")]},
        "Nilai row 2, column nilai: a formula with no saved value (=40+45)",
    ),
    "boolean where a number belongs": (
        {"Nilai": [("E2", True)]},
        "Nilai row 2, column nilai: a true/false value True where a number belongs",
    ),
    "title over its limit": (
        {"Peserta": [("B2", "judul " * 100)]},
        "Peserta row 2, column judul: the text (title) is 599 characters long",
    ),
    "cumulative malformed": ({"Tahap": [("I3", "P1=30")]}, "Tahap row 3, column kumulatif:"),
    "different scales": (
        {"Tahap": [("F3", 1), ("G3", 25)]},
        "Tahap row 3, column skala_min: stage P2 scores on 1 to 25 but stage P1 on 0 to 100",
    ),
    "decision not in stage": (
        {"Keputusan": [("B2", "IN-008")]},
        "Keputusan row 2, column peserta: entry IN-008 is not in stage P2",
    ),
    "decision place below 1": (
        {"Keputusan": [("C2", 0)]},
        "Keputusan row 2, column peringkat: a place is 1 or more",
    ),
    "final decision outside the final": (
        {"Keputusan": [("A2", "final"), ("B2", "IN-008")]},
        "Keputusan row 2, column peserta: entry IN-008 is not in the final ranking",
    ),
    "date where a number belongs": (
        {"Nilai": [("E2", datetime(2024, 1, 2))]},
        "Nilai row 2, column nilai: a date or time 2024-01-02T00:00:00 where a number belongs",
    ),
    "slot parts": (
        {"Tahap": [("J3", "Video; Paparan 7")]},
        'Tahap row 3, column sesi: "Video" is not NAME MINUTES',
    ),
    "descriptor line": (
        {"Kriteria": [("I2", "baik sekali")]},
        "Kriteria row 2, column tingkat:",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_workbook_is_refused_whole(good_xlsx, tmp_path, case):
    changes, expected = BAD_CASES[case]
    xlsx = edited(good_xlsx, tmp_path / "bad.xlsx", **changes)
    problems = refused(xlsx, tmp_path)
    assert any(p.startswith(expected) for p in problems), problems


def test_a_duplicate_score_row_is_refused(good_xlsx, tmp_path):
    nilai = load_workbook(good_xlsx, read_only=True)["Nilai"]
    first = next(nilai.iter_rows(min_row=2, max_row=2, values_only=True))
    xlsx = edited(good_xlsx, tmp_path / "bad.xlsx", Nilai=[("APPEND", list(first))])
    last = row_of(good_xlsx, "Nilai", tahap="P2", juri="J4", peserta="IN-003", kriteria="KHD")
    assert refused(xlsx, tmp_path) == [
        f"Nilai row {last + 1}, column nilai: this score appears twice (first in row 2)"
    ]


def test_scores_the_rules_ignore_stay_out_so_every_export_imports_again(tmp_path, rich_event):
    """A recusal added after scoring, an entry taken out of P2 and an assignment dropped leave
    scores the engine ignores; the gate would refuse them, so the workbook leaves them out, and
    the ranking stays the same."""
    db, ids = rich_event
    scored = ids.entries[0]
    with db.session() as s:
        s.add(Conflict(juror_id=ids.jurors[1], entry_id=scored, reason="ditemukan kemudian"))
        s.execute(delete(StageAdmission).where(StageAdmission.entry_id == ids.entries[4]))
        s.execute(
            delete(Assignment).where(
                Assignment.juror_id == ids.jurors[3], Assignment.entry_id == ids.entries[3]
            )
        )
    export_workbook(db, tmp_path / "a.xlsx")
    imported = import_workbook(tmp_path / "a.xlsx", tmp_path / "b.kolabik")
    assert dump(imported) != dump(db)  # the ignored cells are not in the workbook
    with imported.session() as s:
        assert not s.scalars(
            select(Score).where(Score.juror_id == ids.jurors[1], Score.entry_id == scored)
        ).all()
    assert board(imported) == board(db) and board(imported, "P2") == board(db, "P2")
    export_workbook(imported, tmp_path / "b.xlsx")
    assert sha(tmp_path / "b.xlsx") == sha(tmp_path / "a.xlsx")


def test_every_problem_is_listed(good_xlsx, tmp_path):
    xlsx = edited(
        good_xlsx,
        tmp_path / "bad.xlsx",
        Kriteria=[("D5", "sepuluh")],
        Juri=[("A3", "J1")],
        Nilai=[("E2", 101), ("E3", "x")],
    )
    problems = refused(xlsx, tmp_path)
    assert len(problems) >= 4
    assert {p.split(" ")[0] for p in problems} >= {"Kriteria", "Juri", "Nilai"}


def test_numbers_as_text_with_a_comma_are_read(good_xlsx, tmp_path):
    xlsx = edited(
        good_xlsx, tmp_path / "comma.xlsx", Nilai=[("E2", "85,0")], Tahap=[("D2", "40,0")]
    )
    db = import_workbook(xlsx, tmp_path / "ok.kolabik")
    data = dump(db)
    assert data["stages"][0][3] == Decimal(40)
    assert Decimal(85) in {row[3] for row in data["scores"]}


def test_not_a_workbook_is_refused(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_text("kode,judul\n")
    with pytest.raises(InputRejected, match="not an Excel workbook"):
        import_workbook(bad, tmp_path / "n.kolabik")
    assert not (tmp_path / "n.kolabik").exists()
    with pytest.raises(InputRejected, match="file not found"):
        read_workbook(tmp_path / "missing.xlsx")


# ---------------------------------------------------------------------------------------------
# Importing into an existing file: only into an empty event, and never half
# ---------------------------------------------------------------------------------------------


def test_import_into_an_event_with_entries_is_refused_and_changes_nothing(good_xlsx, tmp_path):
    db, _ids = make_event(tmp_path / "full.kolabik", entries=3)
    before = dump(db)
    db.close()
    with pytest.raises(KolabikError, match="already holds 3 entries and 5 jurors"):
        import_workbook(good_xlsx, tmp_path / "full.kolabik")
    with open_event_file(tmp_path / "full.kolabik") as again:
        assert dump(again) == before


def test_import_into_an_empty_event_replaces_its_rubric_and_keeps_its_id(good_xlsx, tmp_path):
    db = create_event_file(tmp_path / "empty.kolabik", name="Kosong")
    with db.session() as s:
        s.add(Stage(code="T1", name="Template", position=1, weight=Decimal(100)))
    uid = db.uid
    db.close()
    imported = import_workbook(good_xlsx, tmp_path / "empty.kolabik")
    assert imported.uid == uid
    data = dump(imported)
    assert [st[0] for st in data["stages"]] == ["P1", "P2"]
    assert data["event"][0] == "Kolabik Uji 2023"


def test_a_failure_while_writing_leaves_no_half_import(good_xlsx, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk I/O error")

    # The audit row is written last, after every score: failing there tests the rollback.
    monkeypatch.setattr(wbmod.audit, "append", broken)
    with pytest.raises(KolabikError, match="nothing was written"):
        import_workbook(good_xlsx, tmp_path / "new.kolabik")
    assert not (tmp_path / "new.kolabik").exists()

    db = create_event_file(tmp_path / "empty.kolabik", name="Kosong")
    db.close()
    with pytest.raises(KolabikError):
        import_workbook(good_xlsx, tmp_path / "empty.kolabik")
    with open_event_file(tmp_path / "empty.kolabik") as again:
        data = dump(again)
    assert data["entries"] == [] and data["stages"] == [] and data["event"][0] == "Kosong"


# ---------------------------------------------------------------------------------------------
# Issue 9 columns, and a workbook without the optional columns and sheets
# ---------------------------------------------------------------------------------------------


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def minimal_sheets() -> dict[str, list[list]]:
    """Only the columns and sheets of issue 3, nothing optional."""
    return {
        "Acara": [["kunci", "nilai"], ["nama", "Lomba Kecil"], ["tahun", 2024]],
        "Tahap": [
            ["kode", "nama", "urutan", "bobot", "metode"],
            ["S1", "Babak Satu", 1, 30, "mean"],
            ["S2", "Babak Dua", 2, 70, "median"],
        ],
        "Kriteria": [
            ["tahap", "kode", "nama", "bobot", "min", "maks", "langkah", "deskripsi"],
            ["S1", "N", "Nilai", 100, 1, 25, 1, None],
            ["S2", "N", "Nilai", 100, 1, 25, 1, None],
        ],
        "Peserta": [
            ["kode", "judul", "unit", "kelompok", "ringkasan"],
            ["1", "Satu", None, None, None],
            [2, "Dua", None, "Piano", None],
            ["3", "Tiga", None, "Piano", None],
        ],
        "Juri": [
            ["kode", "nama", "instansi"],
            ["A", "Ana", None],
            ["B", "Budi", None],
            ["C", "Cici", None],
        ],
        "Konflik": [["juri", "peserta", "alasan"], ["C", "1", "murid sendiri"]],
        "Penugasan": [["tahap", "juri", "peserta"]],
        "Lolos": [["tahap", "peserta"], ["S2", "1"], ["S2", 2]],
        "Nilai": [
            ["tahap", "juri", "peserta", "kriteria", "nilai", "catatan"],
            ["S1", "A", "1", "N", 20, None],
            ["S1", "B", "1", "N", 17, None],
            ["S1", "A", "2", "N", 14, None],
            ["S1", "B", "2", "N", 25, None],
            ["S1", "C", "2", "N", 21, None],
            ["S1", "A", "3", "N", 9, None],
            ["S2", "A", "1", "N", 22, None],
            ["S2", "B", "1", "N", 18, None],
            ["S2", "A", "2", "N", 19, None],
        ],
    }


def test_a_workbook_without_optional_columns_reads_as_before(tmp_path):
    xlsx = write_xlsx(tmp_path / "min.xlsx", minimal_sheets())
    db = import_workbook(xlsx, tmp_path / "min.kolabik")
    spec = services.load_scoring_input(db).event
    s1, s2 = spec.stages
    assert (s1.scale_min, s1.scale_max, s1.band, s1.cumulative) == (0, 100, None, ())
    assert spec.round_stage_scores is False and spec.tiebreak != TIEBREAK_NONE
    assert spec.precision == 2 and spec.decisions == ()
    assert [e.code for e in spec.entries] == ["1", "2", "3"]  # a number typed as a code
    assert dump(db)["categories"] == ["Piano"]
    with db.session() as s:
        assert s.scalar(select(func.count(Score.id))) == 9


def test_issue_9_columns_round_trip_into_the_engine(tmp_path):
    sheets = minimal_sheets()
    sheets["Acara"] += [["presisi", 2], ["bulatkan_tahap", "ya"], ["tiebreak", "tidak ada"]]
    sheets["Tahap"] = [
        [
            "kode",
            "nama",
            "urutan",
            "bobot",
            "metode",
            "skala_min",
            "skala_maks",
            "batas",
            "kumulatif",
        ],
        ["S1", "Babak Satu", 1, 30, "banded", 1, 25, 3, None],
        ["S2", "Babak Dua", 2, 70, "banded", 1, 25, 2, "S1:30 S2:70"],
    ]
    sheets["Kriteria"][1] += ["60: cukup\n80: baik"]
    sheets["Kriteria"][0] += ["tingkat"]
    sheets["Keputusan"] = [
        ["tahap", "peserta", "peringkat", "alasan"],
        ["final", "1", 1, "ex aequo"],
        ["final", "2", 1, "ex aequo"],
    ]
    xlsx = write_xlsx(tmp_path / "chopin-like.xlsx", sheets)
    db = import_workbook(xlsx, tmp_path / "c.kolabik")
    spec = services.load_scoring_input(db).event
    s1, s2 = spec.stages
    assert (s1.method, s1.band, s1.scale_min, s1.scale_max) == ("banded", 3, 1, 25)
    assert s2.cumulative == (("S1", Decimal(30)), ("S2", Decimal(70)))
    assert spec.round_stage_scores is True and spec.tiebreak == TIEBREAK_NONE
    assert sorted(d.rank for d in spec.decisions) == [1, 1]
    assert {d.stage_code for d in spec.decisions} == {FINAL}
    rows = board(db)
    assert [r[4] for r in rows if r[1] in ("1", "2")] == ["jury_decision", "jury_decision"]
    # Exported back, the same settings come out.
    export_workbook(db, tmp_path / "back.xlsx")
    back = read_workbook(tmp_path / "back.xlsx")
    assert back.stages[1].cumulative == s2.cumulative
    assert back.event.round_stage_scores and back.event.tiebreak == "none"
    assert back.criteria[0].descriptors == json.dumps(
        [{"value": 60.0, "text": "cukup"}, {"value": 80.0, "text": "baik"}]
    )


# ---------------------------------------------------------------------------------------------
# Entry lists for the setup screens
# ---------------------------------------------------------------------------------------------


def test_entry_list_from_a_semicolon_csv_with_english_headers(tmp_path):
    path = tmp_path / "entries.csv"
    path.write_text(
        "Code;Title;Unit;Category;Summary\nA-1;Layanan Cepat;Dinas;Kota;Ringkas\nA-2;Kedua;;;\n",
        encoding="utf-8-sig",
    )
    entries = read_entries_list(path)
    assert [(e.code, e.title, e.category) for e in entries] == [
        ("A-1", "Layanan Cepat", "Kota"),
        ("A-2", "Kedua", ""),
    ]


def test_entry_list_from_xlsx_and_its_problems(tmp_path):
    good = write_xlsx(
        tmp_path / "e.xlsx",
        {"Peserta": [["kode", "judul", "unit"], ["P-1", "Satu", "Dinas"], ["P-2", "Dua", None]]},
    )
    assert [e.code for e in read_entries_list(good)] == ["P-1", "P-2"]
    bad = write_xlsx(
        tmp_path / "bad.xlsx",
        {"Sheet": [["kode", "judul"], ["P-1", "Satu"], ["P-1", "Lagi"], ["P-3", None]]},
    )
    with pytest.raises(InputRejected) as info:
        read_entries_list(bad)
    problems = [str(p) for p in info.value.problems]
    assert "Sheet row 3, column kode: the entry P-1 appears twice (first in row 2)" in problems
    assert "Sheet row 4, column judul: is empty" in problems
    no_title = tmp_path / "n.csv"
    no_title.write_text("kode,unit\nX,Y\n")
    with pytest.raises(InputRejected, match='the column "judul" is missing'):
        read_entries_list(no_title)


def test_the_demo_competition_round_trips(tmp_path):
    from kolabik_desktop.core.demo import build_demo_event

    build_demo_event(tmp_path / "demo.kolabik", attachments=False)
    with open_event_file(tmp_path / "demo.kolabik") as demo:
        export_workbook(demo, tmp_path / "demo.xlsx")
        imported = import_workbook(tmp_path / "demo.xlsx", tmp_path / "back.kolabik")
        assert dump(imported) == dump(demo)
        assert board(imported) == board(demo)
        export_workbook(imported, tmp_path / "back.xlsx")
        imported.close()
    assert sha(tmp_path / "back.xlsx") == sha(tmp_path / "demo.xlsx")


def test_a_juror_kit_never_takes_a_workbook(good_xlsx, tmp_path):
    create_event_file(tmp_path / "kit.kolabik", name="Kit", kind="kit").close()
    with pytest.raises(KolabikError, match="a juror kit cannot take an event workbook"):
        import_workbook(good_xlsx, tmp_path / "kit.kolabik")
    assert (tmp_path / "kit.kolabik").exists()


def test_entry_list_from_a_windows_csv(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("kode,judul,unit\nB-1,Layanan Prima – Cepat,Dinas\n".encode("cp1252"))
    (entry,) = read_entries_list(path)
    assert entry.title == "Layanan Prima – Cepat"


def test_merged_value_cells_are_refused_never_dropped(good_xlsx, tmp_path):
    """A merged range hides the values of all its cells but the first: refused by its place."""
    wb = load_workbook(good_xlsx)
    wb["Nilai"].merge_cells("E2:E3")
    wb.save(tmp_path / "merged.xlsx")
    problems = refused(tmp_path / "merged.xlsx", tmp_path)
    assert any(
        p.startswith("Nilai row 2, column nilai: a merged cell where a value belongs")
        for p in problems
    ), problems


def test_stage_tolerance_round_trips_through_the_workbook(tmp_path, rich_event):
    """Tahap.toleransi (issue 15): exported, read back into a new event, refused when wrong."""
    from decimal import Decimal

    from kolabik_desktop.core.store.tolerance import set_stage_tolerance, stage_tolerances

    db, ids = rich_event
    first = sorted(ids.stages.items())[0]
    set_stage_tolerance(db, first[1], Decimal("7.5"))
    try:
        export_workbook(db, tmp_path / "t.xlsx")
    finally:
        set_stage_tolerance(db, first[1], None)
    wb = load_workbook(tmp_path / "t.xlsx")
    header = [c.value for c in wb["Tahap"][1]]
    column = header.index("toleransi")
    written = {row[0].value: row[column].value for row in wb["Tahap"].iter_rows(min_row=2)}
    assert str(written[first[0]]) == "7.5"
    assert all(v in (None, "") for code, v in written.items() if code != first[0])
    target = import_workbook(tmp_path / "t.xlsx", tmp_path / "t.kolabik")
    try:
        with target.session() as s:
            assert stage_tolerances(s) == {first[0]: Decimal("7.5")}
    finally:
        target.close()
    for row in wb["Tahap"].iter_rows(min_row=2):
        if row[0].value == first[0]:
            row[column].value = 500
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(InputRejected, match="toleransi"):
        import_workbook(tmp_path / "bad.xlsx", tmp_path / "bad.kolabik")
    assert not (tmp_path / "bad.kolabik").exists()
