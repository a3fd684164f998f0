"""`kolabik report`, `kolabik export` and `kolabik check --fingerprint` from a terminal."""

from __future__ import annotations

import io

import pytest
from factories import make_event
from pypdf import PdfReader

from kolabik_desktop.cli import main
from kolabik_desktop.core.reports import fingerprint, load_report_data
from kolabik_desktop.core.store.db import open_event_file


@pytest.fixture
def event(tmp_path):
    db, _ = make_event(
        tmp_path / "kota.kolabik", entries=8, jurors=3, admitted_to_p2=4, audited=True
    )
    db.close()
    return tmp_path / "kota.kolabik"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("kind", ["sheet", "recap", "minutes", "feedback", "blank"])
def test_every_kind_writes_a_pdf(event, tmp_path, capsys, kind):
    out = tmp_path / f"{kind}.pdf"
    # Stage 2 has no scores yet, so the minutes (of a ranking with scores) are for stage 1.
    stage = ["--stage", "P1"] if kind == "minutes" else []
    code, stdout, err = run(
        capsys, "report", str(event), "--kind", kind, *stage, "--paper", "f4", "--out", str(out)
    )
    assert code == 0, err
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert round(float(reader.pages[0].mediabox.height), 1) in (935.4, 595.3)
    with open_event_file(event) as db:
        expected = fingerprint(load_report_data(db))
    assert expected in stdout
    assert f"Sidik data: {expected}" in reader.pages[0].extract_text()


def test_feedback_for_one_entry_in_english(event, tmp_path, capsys):
    out = tmp_path / "fb.pdf"
    code, _, err = run(
        capsys,
        "report", str(event), "--kind", "feedback", "--entry", "IN-003", "--lang", "en",
        "--date", "2026-08-17", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "IN-003" in text and "IN-004" not in text
    assert "17 August 2026" in text and "JURY FEEDBACK" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "recap", "--stage", "P9"], "no stage 'P9'"),
        (["--kind", "sheet", "--juror", "J9"], "no juror 'J9'"),
        (["--kind", "minutes", "--per-category"], "--per-category needs --top"),
        (["--kind", "recap", "--date", "23/11/2026"], "is not a date"),
    ],
)
def test_report_errors_exit_1_with_a_message(event, tmp_path, capsys, args, message):
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "report", str(event), *args, "--out", str(out))
    assert code == 1
    assert message in err
    assert not out.exists()


def test_report_needs_a_pdf_name_and_an_existing_event(event, tmp_path, capsys):
    code, _, err = run(capsys, "report", str(event), "--kind", "recap", "--out", "x.txt")
    assert code == 1 and "should end in .pdf" in err
    missing = tmp_path / "none.kolabik"
    code, _, err = run(capsys, "report", str(missing), "--kind", "recap", "--out", "x.pdf")
    assert code == 1 and "not found" in err


def test_unknown_kind_is_a_usage_error(event, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["report", str(event), "--kind", "poster", "--out", "x.pdf"])
    assert exc.value.code == 2


def test_export_leaderboard_and_matrix(event, tmp_path, capsys):
    out = tmp_path / "lb.csv"
    code, stdout, err = run(
        capsys, "export", str(event), "--what", "leaderboard", "--stage", "P1", "--out", str(out)
    )
    assert code == 0, err
    assert "8 rows" in stdout
    assert out.read_bytes().decode("utf-8").count("\r\n") == 9
    out = tmp_path / "m.csv"
    code, _, err = run(capsys, "export", str(event), "--what", "matrix", "--out", str(out))
    assert code == 1 and "--stage P1 or P2" in err
    out = tmp_path / "m.xlsx"
    code, _, err = run(capsys, "export", str(event), "--what", "matrix", "--out", str(out))
    assert code == 0, err and out.exists()


def test_check_prints_the_fingerprint(event, capsys):
    pytest.importorskip("kolabik_desktop.core.store.integrity")
    code, stdout, _ = run(capsys, "check", str(event), "--fingerprint")
    with open_event_file(event) as db:
        expected = fingerprint(db)
    assert code == 0
    assert f"data fingerprint {expected}" in stdout


def test_a_report_file_that_cannot_be_written_is_a_clear_error(
    event, tmp_path, capsys, monkeypatch
):
    import os

    real_replace = os.replace
    old = tmp_path / "r.pdf"
    old.write_bytes(b"%PDF an earlier report")

    def locked(src, dst):
        if str(dst).endswith("r.pdf"):
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)

    # Tests run as root, which ignores file modes: a PDF held open by a viewer on Windows
    # refuses the rename exactly like this.
    monkeypatch.setattr(os, "replace", locked)
    code, _out, err = run(
        capsys,
        "report",
        str(event),
        "--kind",
        "recap",
        "--stage",
        "P1",
        "--out",
        str(old),
    )
    assert code == 1
    assert "could not write the report: permission denied" in err
    assert old.read_bytes() == b"%PDF an earlier report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".r.pdf")] == []
    assert "Traceback" not in err
