"""Juror statistics and method sensitivity (issue 15, scoring.md section 6); Qt-free.

alpha.py    Krippendorff's alpha (interval), written once, exact
stats.py    per juror, per criterion, sensitivity over methods, leave one juror out
export.py   the JSON interface (README "Juror statistics") and the 4-decimal texts
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kolabik_desktop.core.analysis.stats import StageAnalysis, analyse
from kolabik_desktop.core.scoring.model import EventSpec, ScoreValues
from kolabik_desktop.core.store.db import EventDB

__all__ = ["AnalysisInput", "StageAnalysis", "analyse", "load_analysis_input"]


@dataclass(frozen=True)
class AnalysisInput:
    event: EventSpec
    values: ScoreValues
    tolerances: dict[str, Decimal]  # stage code -> the tolerance set in setup

    def analyse(self, board: str, *, with_leave_one_out: bool = True) -> StageAnalysis:
        return analyse(
            self.event,
            self.values,
            board,
            self.tolerances.get(board),
            with_leave_one_out=with_leave_one_out,
        )


def load_analysis_input(db: EventDB) -> AnalysisInput:
    """Everything the analysis reads, in one read-only transaction."""
    from kolabik_desktop.core.store.services import load_event_spec, load_values
    from kolabik_desktop.core.store.tolerance import stage_tolerances

    with db.session() as s:
        return AnalysisInput(load_event_spec(s), load_values(s), stage_tolerances(s))
