"""The analysis as data for the outside: the JSON interface of `kolabik stats` (README, "Juror
statistics") and the flat rows of its CSV. Statistics are decimal strings at 4 places (round half
up on the exact value); an undefined statistic is null with a reason code, never NaN."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from kolabik_desktop.core.analysis.alpha import Alpha
from kolabik_desktop.core.analysis.stats import BoardChange, StageAnalysis
from kolabik_desktop.core.scoring.engine import format_score
from kolabik_desktop.core.scoring.model import EntrySpec

PLACES = 4


def stat(value: Fraction | float | Decimal | int | None) -> str | None:
    """A statistic at 4 decimals, or None."""
    if value is None:
        return None
    return format_score(value, PLACES)


def _code(entry: EntrySpec | None) -> str | None:
    return entry.code if entry is not None else None


def _alpha(a: Alpha | None) -> dict[str, Any]:
    if a is None:
        return {"alpha": None, "low_agreement": False, "reason": None}
    return {"alpha": stat(a.value), "low_agreement": a.low, "reason": a.reason or None}


def _change(change: BoardChange) -> dict[str, Any]:
    move = change.largest_move
    return {
        "winner": _code(change.winner),
        "winner_changed": change.winner_changed,
        "top3_changed": change.top3_changed,
        "cut_changed": change.cut_changed,
        "largest_move": None
        if move is None
        else {"entry": move.entry.code, "from": move.before, "to": move.after},
    }


def analysis_json(analysis: StageAnalysis) -> dict[str, Any]:
    """The documented JSON object (keys in a fixed order, so the same input prints the same)."""
    sens = analysis.sensitivity
    totals = _alpha(analysis.alpha_totals)
    methods: dict[str, Any] = {}
    for m in sens.methods:
        methods[m.method] = {
            "band": stat(m.band) if m.band is not None else None,
            "winner": _code(m.winner),
            "top3": [e.code for e in m.top(3)],
            "top_n": [e.code for e in m.top(sens.cut)],
            "changed_places": m.changed_places,
        }
    loo = []
    for item in analysis.leave_one_out:
        own = item.stage if item.stage is not None else item.final
        loo.append({"juror": item.juror.code, **_change(own), "final": _change(item.final)})
    return {
        "stage": analysis.board,
        "method": sens.method or None,
        "tolerance": stat(analysis.tolerance),
        "notes": list(analysis.notes),
        "jurors": [
            {
                "code": j.juror.code,
                "name": j.juror.name,
                "n": j.n,
                "mean": stat(j.mean),
                "sd": stat(j.sd),
                "leniency": stat(j.leniency),
                "leniency_sd": stat(j.leniency_sd),
                "correlation": stat(j.correlation),
                "outliers": [
                    {
                        "entry": o.entry.code,
                        "total": stat(o.total),
                        "others_mean": stat(o.others_mean),
                    }
                    for o in j.outliers
                ],
                "notes": list(j.notes),
            }
            for j in analysis.jurors
        ],
        "criteria": [{"code": c.criterion.code, **_alpha(c.alpha)} for c in analysis.criteria],
        "alpha_totals": totals["alpha"],
        "alpha_totals_low": totals["low_agreement"],
        "alpha_totals_reason": totals["reason"],
        "cut": sens.cut,
        "methods": methods,
        "places": [
            {
                "place": p.place,
                "entry": _code(p.entry),
                "stable": p.stable,
                "changed_by": [{"method": m, "entry": _code(e)} for m, e in p.changed_by],
            }
            for p in sens.places
        ],
        "leave_one_out": loo,
    }


JUROR_COLUMNS = (
    "stage",
    "juror",
    "name",
    "n",
    "mean",
    "sd",
    "leniency",
    "correlation",
    "outliers",
    "notes",
)


def juror_rows(analysis: StageAnalysis) -> list[dict[str, str]]:
    """One row per juror (the CSV of `kolabik stats`)."""
    rows = []
    for j in analysis.jurors:
        rows.append(
            {
                "stage": analysis.board,
                "juror": j.juror.code,
                "name": j.juror.name,
                "n": str(j.n),
                "mean": stat(j.mean) or "",
                "sd": stat(j.sd) or "",
                "leniency": stat(j.leniency) or "",
                "correlation": stat(j.correlation) or "",
                "outliers": " ".join(o.entry.code for o in j.outliers),
                "notes": " ".join(j.notes),
            }
        )
    return rows
