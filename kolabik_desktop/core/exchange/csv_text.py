"""User text in a CSV field, made safe for spreadsheets (no openpyxl: `kolabik leaderboard`
writes CSV without loading it)."""

from __future__ import annotations

# A field starting with one of these is a formula to a spreadsheet (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    """User text for a CSV field: a leading apostrophe when it would start a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
