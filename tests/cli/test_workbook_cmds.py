"""`kolabik export-workbook` and `import-workbook`: a round trip, and refusals that change nothing."""

from __future__ import annotations

from factories import make_event

from kolabik_desktop.cli import main


def test_export_then_import_gives_the_same_ranking(tmp_path, capsysbinary):
    source = tmp_path / "kota.kolabik"
    make_event(source, fill=0.9, p2_fill=0.5)[0].close()
    xlsx = tmp_path / "kota.xlsx"
    assert main(["export-workbook", str(source), str(xlsx)]) == 0
    assert xlsx.read_bytes().startswith(b"PK")
    copy = tmp_path / "salinan.kolabik"
    assert main(["import-workbook", str(copy), str(xlsx)]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert f"Created {copy} from {xlsx}: 12 entries, 5 jurors" in out

    boards = []
    for path in (source, copy):
        assert main(["leaderboard", str(path), "--format", "csv"]) == 0
        boards.append(capsysbinary.readouterr().out)
    assert boards[0] == boards[1] and boards[0].count(b"\n") == 13


def test_import_refusals_change_nothing(tmp_path, capsysbinary):
    existing = tmp_path / "ada.kolabik"
    make_event(existing)[0].close()
    xlsx = tmp_path / "acara.xlsx"
    assert main(["export-workbook", str(existing), str(xlsx)]) == 0
    capsysbinary.readouterr()
    before = existing.read_bytes()

    assert main(["import-workbook", str(existing), str(xlsx)]) == 1
    assert "Nothing was changed" in capsysbinary.readouterr().err.decode()
    assert existing.read_bytes() == before

    not_xlsx = tmp_path / "nilai.csv"
    not_xlsx.write_text("tahap,juri\n")
    target = tmp_path / "baru.kolabik"
    assert main(["import-workbook", str(target), str(not_xlsx)]) == 1
    err = capsysbinary.readouterr().err.decode()
    assert "not an Excel workbook" in err and "Traceback" not in err
    assert not target.exists()

    assert main(["import-workbook", str(target), str(tmp_path / "hilang.xlsx")]) == 1
    assert "workbook not found" in capsysbinary.readouterr().err.decode()
    assert not target.exists()


def test_export_errors(tmp_path, capsysbinary):
    assert main(["export-workbook", str(tmp_path / "hilang.kolabik"), "x.xlsx"]) == 1
    assert "file not found" in capsysbinary.readouterr().err.decode()
    event = tmp_path / "kota.kolabik"
    make_event(event, entries=3)[0].close()
    assert main(["export-workbook", str(event), str(tmp_path / "tidak-ada" / "x.xlsx")]) == 1
    assert "folder does not exist" in capsysbinary.readouterr().err.decode()
