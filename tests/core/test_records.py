"""The scoring records are named tuples (core/scoring/model.py says why): as immutable as the
frozen dataclasses they replaced, and a default every record shares is read-only."""

from __future__ import annotations

from fractions import Fraction

import pytest

from kolabik_desktop.core.scoring.model import EntrySpec, LeaderboardRow
from kolabik_desktop.core.scoring.rules import VALUE_RANGE, Problem, Where


def _row() -> LeaderboardRow:
    return LeaderboardRow(1, EntrySpec(1, "E1", "Judul"), Fraction(85), "85.00", "final")


def test_records_refuse_assignment():
    row = _row()
    with pytest.raises(AttributeError):
        row.rank = 2  # type: ignore[misc]
    problem = Problem(VALUE_RANGE, {"value": 101}, Where("Nilai", 3, "K1"))
    with pytest.raises(AttributeError):
        problem.code = "other"  # type: ignore[misc]
    assert row._replace(rank=2).rank == 2 and row.rank == 1  # a changed copy, the row unchanged


def test_a_default_every_record_shares_cannot_be_changed_through_one_of_them():
    first, second = _row(), _row()
    with pytest.raises(TypeError):
        first.stage_scores["S1"] = Fraction(80)  # type: ignore[index]
    assert dict(second.stage_scores) == {}
    with pytest.raises(TypeError):
        Problem(VALUE_RANGE).params["value"] = 101  # type: ignore[index]
    assert dict(Problem(VALUE_RANGE).params) == {}
