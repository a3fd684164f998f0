"""How a dot-decimal number is written in a language: the one rule for the window, the projector,
the web board, the reports and the problem texts.

A module of its own, without imports, so that a reader of it (the problem texts, the reports)
need not load the scoring engine, and `kolabik leaderboard` (which never localises) does not
load it at all.
"""

from __future__ import annotations

__all__ = ["NUMBER_MARKS", "localize_number_text"]

# Each language's decimal mark and thousands separator, as Qt's locale for it writes them (the
# window's id_ID and en_US): numbers read the same in the window, on the projector and on the
# web board, which the headless hub serves without Qt.
NUMBER_MARKS = {"id": (",", "."), "en": (".", ",")}


def localize_number_text(text: str, lang: str) -> str:
    """A dot-decimal number as text ("85.50", ``format_score``) in ``lang``: "85,50" in
    Indonesian, with thousands grouped ("1234.5" -> "1.234,5"); '' stays ''."""
    if not text:
        return text
    point, group = NUMBER_MARKS[lang]
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, dot, frac = text.partition(".")
    if len(whole) > 3 and whole.isdigit():
        parts: list[str] = []
        while len(whole) > 3:
            parts.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = group.join([whole, *parts])
    return sign + whole + (point + frac if dot else "")
