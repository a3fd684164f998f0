"""Every problem code of core/scoring/rules.py has its words in Indonesian and in English."""

from __future__ import annotations

import string
from decimal import Decimal

from kolabik_desktop.core import codes
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.problem_text import (
    KIND_NAMES,
    LANGS,
    TEXTS,
    problem_line,
    problem_message,
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


def test_strict_numbers():
    assert rules.parse_value("85,5") == Decimal("85.5")
    assert rules.parse_value(" 90 ") == Decimal(90)
    for bad in ("8o", "1e3", "NaN", "inf", "85 5", "--1", "0x10"):
        found = rules.parse_value(bad)
        assert isinstance(found, rules.Problem) and found.code == rules.VALUE_NOT_NUMBER, bad
    assert isinstance(rules.parse_value(True), rules.Problem)
    assert rules.parse_value(None) is None and rules.parse_value("  ") is None
