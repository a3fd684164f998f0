"""The stored text of values and the scoring engine's input, without SQLAlchemy.

``core.store.services`` re-exports these; the read layer's fast path (``queries.fast_scores``)
uses them directly so that ``kolabik leaderboard`` never loads SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple, overload

from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.model import EventSpec


def parse_decimal(text: object) -> Decimal | None:
    """A user's number as a Decimal, by the rules' strict parsing (a comma may be the decimal
    mark: 85,5); None when it is not one ("8o", "1e3", a date, a bool, an empty cell)."""
    value = rules.parse_value(text)
    return value if isinstance(value, Decimal) else None


@overload
def decimal_text(value: Decimal) -> str: ...
@overload
def decimal_text(value: None) -> None: ...
@overload
def decimal_text(value: Decimal | None) -> str | None: ...
def decimal_text(value: Decimal | None) -> str | None:
    """The canonical text of a value, as DecimalText stores it: '85.5', '90', '0'."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def parse_cumulative(text: str) -> tuple[tuple[str, Decimal], ...]:
    """'S1:30 S2:70' -> (('S1', 30), ('S2', 70)). Raises ValueError on malformed text."""
    parts: list[tuple[str, Decimal]] = []
    for token in text.replace(",", " ").replace(";", " ").split():
        code, sep, weight = token.rpartition(":")
        w = parse_decimal(weight)
        if not sep or not code or w is None:
            raise ValueError(f"'{token}' is not STAGE:WEIGHT")
        parts.append((code, w))
    return tuple(parts)


def format_cumulative(parts: Iterable[tuple[str, Decimal]]) -> str:
    return " ".join(f"{code}:{decimal_text(w)}" for code, w in parts)


class ScoringInput(NamedTuple):
    # A named tuple like the engine's records (scoring/model.py says why).
    event: EventSpec
    values: dict[tuple[int, int, int], Decimal]
