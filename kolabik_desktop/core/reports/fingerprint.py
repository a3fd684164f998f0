"""A short fingerprint of the data a report was computed from (rubric, scores, method).

Two printouts that show the same fingerprint were computed from the same numbers. Names, notes
and comments are left out on purpose: they change no score (scoring.md section 5), so fixing a
typo in an entry's title does not make yesterday's signed recap look stale.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from kolabik_desktop.core.scoring.model import EventSpec
from kolabik_desktop.core.store.db import EventDB
from kolabik_desktop.core.store.services import ScoringInput, decimal_text, load_scoring_input


def _canonical(event: EventSpec, values: Any) -> dict[str, Any]:
    # Numbers as canonical text: 85, 85.0 and 85.00 are the same score.
    stages = [
        {
            "code": s.code,
            "position": s.position,
            "weight": decimal_text(s.weight),
            "method": s.method,
            "band": decimal_text(s.band),
            "scale": [decimal_text(s.scale_min), decimal_text(s.scale_max)],
            "cumulative": [[code, decimal_text(w)] for code, w in s.cumulative],
            "admitted": None if s.admitted is None else sorted(s.admitted),
            "assignments": None
            if s.assignments is None
            else sorted([j, e] for j, e in s.assignments),
            "criteria": [
                [
                    c.id,
                    c.code,
                    decimal_text(c.weight),
                    decimal_text(c.min_value),
                    decimal_text(c.max_value),
                    decimal_text(c.step),
                    c.position,
                ]
                for c in s.criteria
            ],
        }
        for s in event.stages
    ]
    return {
        "stages": stages,
        "entries": sorted([e.id, e.code, e.category] for e in event.entries),
        "jurors": sorted(j.id for j in event.jurors),
        "conflicts": sorted([j, e] for j, e in event.conflicts),
        "precision": event.precision,
        "tiebreak": list(event.tiebreak),
        "round_stage_scores": event.round_stage_scores,
        "decisions": sorted([d.stage_code, d.entry_id, d.rank] for d in event.decisions),
        "scores": sorted(
            [j, e, c, decimal_text(v)] for (j, e, c), v in values.items() if v is not None
        ),
    }


def fingerprint(source: EventDB | ScoringInput | Any) -> str:
    """'3F9A-12BC-77D0': the first 48 bits of a SHA-256 over the canonical scoring input.

    ``source`` is an open event file, a ``ScoringInput``, or anything with ``.event`` and
    ``.values`` (a ReportData).
    """
    data = load_scoring_input(source) if isinstance(source, EventDB) else source
    blob = json.dumps(_canonical(data.event, data.values), separators=(",", ":"))
    digest = hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12].upper()
    return f"{digest[0:4]}-{digest[4:8]}-{digest[8:12]}"
