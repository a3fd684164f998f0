"""A juror's stored sheet for one entry, and the values of some entries for the engine.

The whole event's values for the scorer stay ``services.load_scoring_input`` (one place).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from kolabik_desktop.core.store.queries._session import Source, reading, sqlite_source


@dataclass(frozen=True)
class ScoreCell:
    criterion_id: int
    value: Decimal | None  # None = cleared
    note: str


@dataclass(frozen=True)
class ScoreSheet:
    cells: tuple[ScoreCell, ...]  # the stored cells of this stage's criteria (by criterion id)
    comment: str  # the juror's overall comment, "" = none


def score_sheet(source: Source, juror_id: int, entry_id: int, stage_id: int) -> ScoreSheet:
    """What one juror stored for one entry in one stage: cells, notes and the comment."""
    db = sqlite_source(source)
    if db is not None:  # a juror's kit opens on its sheet before SQLAlchemy is loaded
        with db.sqlite_reader() as conn:
            found = conn.execute(
                "SELECT score.criterion_id, score.value, score.note FROM score "
                "JOIN criterion ON criterion.id = score.criterion_id "
                "WHERE score.juror_id = ? AND score.entry_id = ? AND criterion.stage_id = ? "
                "ORDER BY score.criterion_id",
                (juror_id, entry_id, stage_id),
            ).fetchall()
            text = conn.execute(
                "SELECT text FROM comment WHERE juror_id = ? AND entry_id = ? AND stage_id = ?",
                (juror_id, entry_id, stage_id),
            ).fetchone()
        # value as DecimalText hands it over (models.DecimalText.process_result_value)
        cells = tuple(
            ScoreCell(cid, None if value is None else Decimal(value), note or "")
            for cid, value, note in found
        )
        return ScoreSheet(cells, (text[0] if text else None) or "")
    from sqlalchemy import select

    from kolabik_desktop.core.store.models import Comment, Criterion, Score

    with reading(source) as s:
        rows = s.execute(
            select(Score.criterion_id, Score.value, Score.note)
            .join(Criterion, Criterion.id == Score.criterion_id)
            .where(
                Score.juror_id == juror_id,
                Score.entry_id == entry_id,
                Criterion.stage_id == stage_id,
            )
            .order_by(Score.criterion_id)
        )
        cells = tuple(ScoreCell(cid, value, note or "") for cid, value, note in rows)
        comment = s.scalar(
            select(Comment.text).where(
                Comment.juror_id == juror_id,
                Comment.entry_id == entry_id,
                Comment.stage_id == stage_id,
            )
        )
    return ScoreSheet(cells, comment or "")


def entry_values(
    source: Source, entry_ids: Collection[int]
) -> dict[int, dict[tuple[int, int], Decimal]]:
    """entry id -> {(juror id, criterion id): value} of the set scores of these entries.

    Every asked entry has a key (an entry whose scores were all cleared maps to {}). A mapping,
    not dataclasses: it is the engine's input (``Scorer.replace_entry_values``), read in one
    set-based query as ``services.load_values`` reads the whole event.
    """
    values: dict[int, dict[tuple[int, int], Decimal]] = {e: {} for e in entry_ids}
    if not values:
        return values
    from sqlalchemy import String, select, type_coerce

    from kolabik_desktop.core.store.models import Score

    table = Score.__table__.c
    decimals: dict[str, Decimal] = {}
    with reading(source) as s:
        rows = s.connection().execute(
            select(
                table.entry_id, table.juror_id, table.criterion_id, type_coerce(table.value, String)
            ).where(table.entry_id.in_(list(values)), table.value.is_not(None))
        )
        for entry_id, juror_id, criterion_id, text in rows:
            value = decimals.get(text)
            if value is None:
                value = decimals[text] = Decimal(text)
            values[entry_id][(juror_id, criterion_id)] = value
    return values
