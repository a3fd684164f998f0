"""User text in a CSV field, made safe for spreadsheets (no openpyxl: `kolabik leaderboard`
writes CSV without loading it)."""

from __future__ import annotations

# A field starting with one of these is a formula to a spreadsheet (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The same, as a set of first characters: one lookup per field (3,000 rows × 4 text fields in a
# national leaderboard) instead of str.startswith over a tuple.
_FORMULA_FIRST = frozenset(FORMULA_STARTS)


def csv_safe(text: str) -> str:
    """User text for a CSV field: a leading apostrophe when it would start a formula."""
    return "'" + text if text[:1] in _FORMULA_FIRST else text
