"""`kolabik report --kind certificate|decision` and `kolabik promote` (issue 18)."""

from __future__ import annotations

import io
import zipfile

import pytest
from factories import make_event, make_tied_event
from pypdf import PdfReader

from kolabik_desktop.cli import main


@pytest.fixture
def tied(tmp_path):
    db, _ = make_tied_event(tmp_path / "kota.kolabik")
    db.close()
    return tmp_path / "kota.kolabik"


@pytest.fixture
def provisional(tmp_path):
    db, _ = make_event(tmp_path / "p.kolabik", entries=6, jurors=3, fill=0.7)
    db.close()
    return tmp_path / "p.kolabik"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_certificates_for_the_top_3_with_a_tie(tied, tmp_path, capsys):
    out = tmp_path / "piagam.pdf"
    code, stdout, err = run(
        capsys, "report", str(tied), "--kind", "certificate", "--top", "3", "--stage", "P1",
        "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert "3 entries share place 3 at the cut: all of them are awarded" in stdout
    pages = PdfReader(str(out)).pages
    assert len(pages) == 5
    assert all("TERBAIK III" in p.extract_text() for p in pages[2:])


def test_one_entrys_certificate(tied, tmp_path, capsys):
    out = tmp_path / "one.pdf"
    code, _, err = run(
        capsys, "report", str(tied), "--kind", "certificate", "--entry", "IN-002",
        "--stage", "P1", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    pages = PdfReader(str(out)).pages
    assert len(pages) == 1 and "TERBAIK II" in pages[0].extract_text()


def test_top_larger_than_the_ranked_says_so(tied, tmp_path, capsys):
    out = tmp_path / "sk.docx"
    code, stdout, err = run(
        capsys, "report", str(tied), "--kind", "decision", "--top", "50", "--stage", "P1",
        "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert "Only 6 entries are ranked, fewer than the 50 asked for" in stdout
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as z:
        assert b"IN-006" in z.read("word/document.xml")


@pytest.mark.parametrize("kind", ["certificate", "decision"])
def test_a_provisional_ranking_needs_yes(provisional, tmp_path, capsys, kind):
    out = tmp_path / "x.pdf"
    args = ["report", str(provisional), "--kind", kind, "--stage", "P1", "--out", str(out)]
    code, _, err = run(capsys, *args)
    assert code == 1 and "still provisional" in err and "--yes" in err
    assert "Traceback" not in err and not out.exists()
    code, _, err = run(capsys, *args, "--yes")
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")


def test_bad_report_input_is_exit_1(tied, tmp_path, capsys):
    code, _, err = run(
        capsys, "report", str(tied), "--kind", "certificate", "--entry", "IN-006", "--top", "3",
        "--stage", "P1", "--out", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert code == 1 and "IN-006 is placed 6, outside the 3 awarded places" in err
    code, _, err = run(
        capsys, "report", str(tied), "--kind", "certificate", "--out", str(tmp_path / "x.docx")
    )
    assert code == 1 and "should end in .pdf" in err


def test_promote_twice_and_its_refusals(tied, provisional, tmp_path, capsys):
    target = tmp_path / "next.kolabik"
    args = ["promote", str(tied), "--top", "2", "--stage", "P1", "--to", str(target)]
    code, stdout, err = run(capsys, *args, "--template", "kipp")
    assert code == 0, err
    assert f"Created {target}: 2 entries added, 0 already there" in stdout
    code, stdout, err = run(capsys, *args, "--template", "kipp")
    assert code == 0, err
    assert "0 entries added, 2 already there" in stdout and "template was not applied" in stdout
    code, stdout, _ = run(
        capsys, "promote", str(tied), "--top", "9", "--stage", "P1", "--to", str(target)
    )
    assert "Only 6 entries are ranked" in stdout and "4 entries added, 2 already there" in stdout
    # Not an event file; a provisional source without --yes.
    bad = tmp_path / "bad.kolabik"
    bad.write_bytes(b"hello")
    code, _, err = run(
        capsys, "promote", str(tied), "--top", "2", "--stage", "P1", "--to", str(bad)
    )
    assert code == 1 and "not a Kolabik event file" in err and "Traceback" not in err
    other = tmp_path / "other.kolabik"
    code, _, err = run(
        capsys, "promote", str(provisional), "--top", "2", "--stage", "P1", "--to", str(other)
    )
    assert code == 1 and "--yes" in err and not other.exists()
    assert "provisional" in err and "certificates" not in err  # promote makes no certificates
    code, _, err = run(capsys, "promote", str(tied), "--top", "0", "--to", str(other))
    assert code == 1 and "--top must be at least 1" in err
