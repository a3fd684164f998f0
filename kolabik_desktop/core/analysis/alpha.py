"""Krippendorff's alpha, interval metric, with missing values (scoring.md section 6).

Written once here in pure Python (the built app carries no numpy); tests/core/test_analysis.py
checks it against the ``krippendorff`` package. Exact: values are decimals or fractions, so the
observed and expected disagreements are rational and alpha is a Fraction.

For units u (entries) holding m_u >= 2 values (pairable), n = Σ m_u:
    D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i≠k in u} (v_i − v_k)²
    D_e = 1/(n (n − 1)) Σ_{i≠k over all pairable values} (v_i − v_k)²
    alpha = 1 − D_o / D_e
and Σ_{i≠k} (v_i − v_k)² = 2 (m Σv² − (Σv)²).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

LOW_AGREEMENT = Fraction(667, 1000)  # Krippendorff's threshold for tentative conclusions

# Why alpha is undefined (problem codes; the CLI and the UI word them).
NO_PAIRABLE = "no_pairable_values"  # no entry has two values: too few jurors or none shared
NO_VARIATION = "no_variation"  # every value is the same: nothing to agree or disagree on


@dataclass(frozen=True, slots=True)
class Alpha:
    value: Fraction | None
    reason: str = ""  # NO_PAIRABLE or NO_VARIATION when value is None
    units: int = 0  # entries with at least two values
    values: int = 0  # n, the pairable values

    @property
    def low(self) -> bool:
        return self.value is not None and self.value < LOW_AGREEMENT


def interval_alpha(units: Iterable[Sequence[Fraction | Decimal | int]]) -> Alpha:
    """Alpha over units, each the values the coders (jurors) gave it; a missing cell is simply
    absent from its unit's sequence."""
    known: dict[Fraction | Decimal | int, Fraction] = {}  # values repeat: convert each once

    def exact(v: Fraction | Decimal | int) -> Fraction:
        f = known.get(v)
        if f is None:
            f = known[v] = Fraction(v)
        return f

    pairable = [[exact(v) for v in unit] for unit in units if len(unit) >= 2]
    if not pairable:
        return Alpha(None, NO_PAIRABLE)
    # One integer grid for every value: exact integer sums.
    scale = math.lcm(*{f.denominator for f in known.values()})
    grid = {f: f.numerator * (scale // f.denominator) for f in set(known.values())}
    by_size: dict[int, int] = {}  # m -> Σ_u (m Σx² − (Σx)²)
    n = total = total_sq = 0
    for unit in pairable:
        xs = [grid[v] for v in unit]
        m, s1, s2 = len(xs), sum(xs), sum(x * x for x in xs)
        by_size[m] = by_size.get(m, 0) + m * s2 - s1 * s1
        n, total, total_sq = n + m, total + s1, total_sq + s2
    expected = Fraction(2 * (n * total_sq - total * total), n * (n - 1))
    if expected == 0:
        return Alpha(None, NO_VARIATION, len(pairable), n)
    observed = sum((Fraction(2 * s, m - 1) for m, s in by_size.items()), Fraction(0)) / n
    return Alpha(1 - observed / expected, "", len(pairable), n)
