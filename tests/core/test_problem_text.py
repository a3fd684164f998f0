"""Every problem code of core/scoring/rules.py has its words in Indonesian and in English."""

from __future__ import annotations

import string
from decimal import Decimal
from types import SimpleNamespace

from kolabik_desktop.core import codes
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.problem_text import (
    FINDING_TEXTS,
    KIND_NAMES,
    LANGS,
    SUMMARY_TEXTS,
    TEXTS,
    against_summary,
    finding_line,
    finding_message,
    problem_line,
    problem_message,
    proof_summary,
)

CODES = {
    value
    for module in (rules, codes)
    for name, value in vars(module).items()
    if name.isupper() and isinstance(value, str) and "." in value
}


def test_every_code_has_both_languages_with_the_same_parameters():
    assert CODES, "no codes found in rules"
    assert len(CODES) == sum(  # no code is spelled twice, in one module or across both
        1
        for module in (rules, codes)
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str) and "." in value
    )
    assert set(TEXTS) == CODES
    for code, texts in TEXTS.items():
        assert set(texts) == set(LANGS), code
        fields = [
            {f for _l, f, _s, _c in string.Formatter().parse(texts[lang]) if f} for lang in LANGS
        ]
        assert fields[0] == fields[1], code
        assert texts["id"] != texts["en"], code


def test_check_summaries_have_both_languages_and_fill_every_field():
    for key, texts in SUMMARY_TEXTS.items():
        assert set(texts) == set(LANGS), key
        fields = [
            {f for _l, f, _s, _c in string.Formatter().parse(texts[lang]) if f} for lang in LANGS
        ]
        assert fields[0] == fields[1], key
    proof = SimpleNamespace(
        applicable=True,
        rows=12,
        juror_signed=3,
        signed_packages=2,
        anchors=1,
        chair_entries=4,
        unsigned=5,
        head="0123456789abcdefXYZ",
    )
    assert proof_summary(proof, "id").startswith("log audit diputar ulang (12 baris)")
    assert proof_summary(proof, "en").endswith("5 not juror-signed; audit head 0123456789abcdef")
    against = SimpleNamespace(
        kind="report", head="0123456789abcdefXYZ", rows_since=7, fingerprint="FP", same_data=False
    )
    assert against_summary(against, "r.pdf", "id") == (
        "r.pdf: riwayat acara masih memuat keadaan yang dijamin laporan ini (sidik jari FP, "
        "kepala audit 0123456789abcdef); 7 baris audit ditulis sejak itu; datanya berubah, "
        "lewat log"
    )
    package = SimpleNamespace(kind="package", head="", rows_since=0, fingerprint="", same_data=True)
    assert against_summary(package, "p.json") == (
        "p.json: every score of this package is in the event's history"
    )


def test_every_text_kind_has_a_name_in_both_languages():
    assert set(KIND_NAMES) == set(rules.TEXT_LIMITS)
    assert all(set(names) == set(LANGS) for names in KIND_NAMES.values())


def test_messages_fill_parameters_with_the_language_decimal_mark():
    p = rules.value_problem(Decimal("85.5"), Decimal(0), Decimal(100), Decimal(1))
    assert p is not None and p.code == rules.VALUE_STEP
    assert problem_message(p, "en") == "85.5 is not on the step 1 (from 0)"
    assert problem_message(p, "id") == "85,5 tidak sesuai kelipatan 1 (dari 0)"
    where = rules.Where("Nilai", 4, "nilai")
    assert problem_line(p.at(where), "id").startswith("Nilai baris 4, kolom nilai: 85,5")
    long = rules.text_problem("note", "x" * 2001)
    assert long is not None
    assert "catatan" in problem_message(long, "id") and "note" in problem_message(long, "en")


def test_numbers_in_messages_are_grouped_as_the_window_writes_them():
    """The problem texts write numbers by the one rule (core/scoring/numbers.py): a thousand
    or more is grouped, 1.234,5 in Indonesian (it used to read 1234,5)."""
    p = rules.value_problem(Decimal("1234.5"), Decimal(0), Decimal(5000), Decimal(1))
    assert p is not None and p.code == rules.VALUE_STEP
    assert problem_message(p, "id") == "1.234,5 tidak sesuai kelipatan 1 (dari 0)"
    assert problem_message(p, "en") == "1,234.5 is not on the step 1 (from 0)"
    from kolabik_desktop.core.exchange.proof import Finding

    f = Finding("score.differs", "J1/E1/P1/SIG", (("value", "-1234.5"), ("logged_value", "80")))
    assert "berisi -1.234,5 (" in finding_message(f, "id")
    assert "holds -1,234.5 (" in finding_message(f, "en")


def test_strict_numbers():
    assert rules.parse_value("85,5") == Decimal("85.5")
    assert rules.parse_value(" 90 ") == Decimal(90)
    for bad in ("8o", "1e3", "NaN", "inf", "85 5", "--1", "0x10"):
        found = rules.parse_value(bad)
        assert isinstance(found, rules.Problem) and found.code == rules.VALUE_NOT_NUMBER, bad
    assert isinstance(rules.parse_value(True), rules.Problem)
    assert rules.parse_value(None) is None and rules.parse_value("  ") is None


def _finding_codes() -> set[str]:
    """Every code core/exchange/proof.py makes a finding with (read from its source)."""
    import re
    from pathlib import Path

    from kolabik_desktop.core.exchange import proof

    source = Path(proof.__file__).read_text(encoding="utf-8")
    return set(re.findall(r'_finding\(\s*"([a-z_]+\.[a-z_]+)"', source))


def test_every_finding_code_of_check_has_both_languages_with_the_same_parameters():
    codes = _finding_codes()
    assert len(codes) > 15, codes
    assert set(FINDING_TEXTS) == codes
    for code, texts in FINDING_TEXTS.items():
        assert set(texts) == set(LANGS), code
        fields = [
            {f for _l, f, _s, _c in string.Formatter().parse(texts[lang]) if f} for lang in LANGS
        ]
        assert fields[0] == fields[1], code
        assert texts["id"] != texts["en"], code


def test_findings_read_in_indonesian_with_a_comma_and_blanks_for_missing_parameters():
    from kolabik_desktop.core.exchange.proof import Finding

    f = Finding("score.differs", "J1/E1/P1/SIG", (("value", "85.5"), ("logged_value", "80")))
    assert finding_line(f, "id") == (
        "J1/E1/P1/SIG: tabel nilai berisi 85,5 (catatan '', revisi ) tetapi log audit mencatat "
        "80 (catatan '', revisi ): diubah di luar program"
    )
    assert finding_line(f).startswith("J1/E1/P1/SIG: the score table holds 85.5 (note ''")
    cut = Finding("against.head_missing", "p1.pdf", (("head", "ab" * 32),))
    assert "abababababababab..." in finding_message(cut, "id")
    assert "dipotong" in finding_message(cut, "id")


def test_a_findings_place_reads_in_both_languages_and_a_cleared_value_too():
    from kolabik_desktop.core.exchange.proof import Finding
    from kolabik_desktop.core.scoring.problem_text import PLACE_TEXTS, place_text

    for kind, texts in PLACE_TEXTS.items():
        assert set(texts) == set(LANGS), kind
    place = (
        ("kind", "score"),
        ("juror", "J1"),
        ("entry", "E1"),
        ("stage", "P1"),
        ("criterion", "C"),
    )
    f = Finding(
        "score.missing", place_text(place), (("value", "(empty)"), ("revision", "2")), place
    )
    assert finding_line(f) == (
        "score of juror J1 for entry E1 on P1/C: the audit log says it holds (empty) (revision 2) "
        "but the score table has no such row: deleted behind the program's back"
    )
    assert finding_line(f, "id").startswith(
        "nilai juri J1 untuk peserta E1 di P1/C: menurut log audit bernilai (kosong) (revisi 2)"
    )
