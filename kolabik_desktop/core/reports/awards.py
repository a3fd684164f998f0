"""Who is awarded, and with which distinction: read from the engine's leaderboard rows.

A place is never recomputed here: the rank is the leaderboard's (ties shared, jury decisions
applied), and the distinction is the event's name for that rank ("Terbaik III"), so two entries
tied for third both print "Terbaik III". The top N takes every ranked row placed N or better,
which keeps a tie straddling the cut whole (all of the tied entries share the place).
"""

from __future__ import annotations

from dataclasses import dataclass

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import KolabikError, ValidationError
from kolabik_desktop.core.reports.data import ReportData
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.model import FINAL, LeaderboardRow
from kolabik_desktop.core.scoring.problem_text import problem_line

VERDICT_KINDS = ("certificate", "decision")


class ProvisionalRanking(KolabikError):
    """The ranking awarded from is provisional; it needs the user's confirmation first."""

    def __init__(self, board: str, codes: tuple[str, ...]):
        self.board = board
        self.codes = codes
        shown = ", ".join(codes[:8]) + (" …" if len(codes) > 8 else "")
        if board == FINAL:
            params: dict[str, object] = {"count": len(codes), "entries": shown}
            self.problem = rules.Problem(ec.AWARD_PROVISIONAL_FINAL, params)
        else:
            params = {"stage": board, "count": len(codes), "entries": shown}
            self.problem = rules.Problem(ec.AWARD_PROVISIONAL_STAGE, params)
        super().__init__(problem_line(self.problem))


@dataclass(frozen=True)
class AwardRow:
    row: LeaderboardRow
    rank: int
    place: str  # the distinction printed: "Terbaik I", "Juara Harapan II", "10 Inovasi Terbaik"


@dataclass(frozen=True)
class Awards:
    board: str
    rows: tuple[AwardRow, ...]
    requested: int  # N asked for (--top, or the event's award count)
    ranked: int  # how many entries the board ranks at all
    provisional: tuple[str, ...]  # codes of the board's provisional entries

    @property
    def short(self) -> bool:
        """Fewer entries are ranked than places were asked for."""
        return self.ranked < self.requested


def default_board(data: ReportData, stage: str | None) -> str:
    if stage:
        return stage
    # As the recap: the final when stages are weighted, else the first stage.
    weighted = [s for s in data.event.stages if s.weight > 0]
    return FINAL if weighted else data.event.stages[0].code


def select_awards(
    data: ReportData, *, stage: str | None, top_n: int | None, entry: str | None = None
) -> Awards:
    """The awarded rows of the board, best first; ``entry`` keeps only that entry's row."""
    if not data.event.stages:
        raise ValidationError.coded(ec.REPORT_NO_STAGES)
    board = default_board(data, stage)
    if board != FINAL:
        try:
            data.stage(board)
        except KeyError:
            known = ", ".join(s.code for s in data.event.stages) or "none"
            raise ValidationError.coded(ec.REPORT_NO_STAGE, stage=board, known=known) from None
    requested = data.awards.count if top_n is None else top_n
    if requested < 1:
        raise ValidationError.coded(ec.REPORT_TOP_N, top_n=requested)
    rows = data.scorer.leaderboard(board).rows
    ranked = [r for r in rows if r.rank is not None]
    if not ranked:
        if board == FINAL:
            raise ValidationError.coded(ec.AWARD_NOTHING_FINAL)
        raise ValidationError.coded(ec.AWARD_NOTHING_STAGE, stage=board)
    named = min(requested, len(ranked))
    awarded = tuple(
        AwardRow(r, r.rank, data.awards.place_text(r.rank, named))
        for r in ranked
        if r.rank is not None and r.rank <= requested
    )
    if entry is not None:
        awarded = _only_entry(data, rows, awarded, entry, requested)
    provisional = tuple(r.entry.code for r in rows if r.status == "provisional")
    return Awards(board, awarded, requested, len(ranked), provisional)


def _only_entry(
    data: ReportData,
    rows: tuple[LeaderboardRow, ...],
    awarded: tuple[AwardRow, ...],
    code: str,
    requested: int,
) -> tuple[AwardRow, ...]:
    if code not in {e.code for e in data.event.entries}:
        raise ValidationError.coded(ec.REPORT_NO_ENTRY, entry=code)
    mine = tuple(a for a in awarded if a.row.entry.code == code)
    if mine:
        return mine
    row = next(r for r in rows if r.entry.code == code)
    if row.rank is None:
        raise ValidationError.coded(ec.AWARD_NOT_RANKED, entry=code)
    raise ValidationError.coded(ec.AWARD_OUTSIDE, entry=code, rank=row.rank, count=requested)


def check_confirmed(awards: Awards, confirmed: bool) -> None:
    """Raise ProvisionalRanking unless the ranking is final or the user confirmed it."""
    if awards.provisional and not confirmed:
        raise ProvisionalRanking(awards.board, awards.provisional)
