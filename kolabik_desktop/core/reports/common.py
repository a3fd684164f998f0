"""What the report builders share: options, number text, and engine results cached per build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from kolabik_desktop.core import codes as ec
from kolabik_desktop.core.errors import ValidationError
from kolabik_desktop.core.reports.data import ReportData
from kolabik_desktop.core.reports.fingerprint import fingerprint
from kolabik_desktop.core.reports.i18n import LANGS, t
from kolabik_desktop.core.reports.layout import PAPERS, ProgressFn, no_progress
from kolabik_desktop.core.scoring.engine import format_score
from kolabik_desktop.core.scoring.model import FINAL, Leaderboard, LeaderboardRow, Number
from kolabik_desktop.core.scoring.numbers import localize_number_text
from kolabik_desktop.core.store.services import decimal_text

KINDS = ("sheet", "recap", "minutes", "feedback", "blank", "certificate", "decision", "analysis")
KIT_KINDS = ("sheet", "blank")  # what a juror may print from their own kit
ORIENTATIONS = ("auto", "portrait", "landscape")


@dataclass(frozen=True)
class ReportOptions:
    kind: str
    stage: str | None = None  # a stage code, or "final" (recap, minutes, feedback)
    juror: str | None = None  # sheet, blank: one juror (default: every juror, one section each)
    category: str | None = None  # recap and minutes: only this category, ranks renumbered
    entry: str | None = None  # feedback: only this entry (default: every entry, one section each)
    paper: str = "a4"
    lang: str = "id"
    orientation: str = "auto"
    top_n: int | None = None  # minutes: a shortlist of the top N (per category with per_category)
    per_category: bool = False
    date: dt.date | None = None  # the date printed and signed; default today
    place: str | None = None  # where it is signed; default the event's setting, else dots
    chair: str | None = None  # the chair's name; default the event's setting, else dots
    # certificate, decision: the user accepted awarding from a provisional ranking
    confirmed: bool = False


class Context:
    """One build's view of the engine: leaderboards are computed once and reused."""

    def __init__(self, data: ReportData, options: ReportOptions, progress: ProgressFn | None):
        self.data = data
        self.options = options
        self.lang = options.lang
        self.precision = data.event.precision
        self.date = options.date or dt.date.today()
        self.place = options.place if options.place is not None else data.place
        self.chair = options.chair if options.chair is not None else data.chair
        self.progress = progress or no_progress
        self.fingerprint = fingerprint(data)
        self.entries = {e.id: e for e in data.event.entries}
        self._boards: dict[tuple[str, str | None], Leaderboard] = {}

    def board(self, board: str, category: str | None = None) -> Leaderboard:
        key = (board, category)
        if key not in self._boards:
            self._boards[key] = self.data.scorer.leaderboard(board, category)
        return self._boards[key]

    def number(self, value: Number | None) -> str:
        """A score at display precision, in the language (1.234,5 in Indonesian)."""
        return self.localise(format_score(value, self.precision))

    def localise(self, display: str) -> str:
        """A dot-decimal number as the window writes it in the report's language."""
        return localize_number_text(display, self.lang)

    def raw(self, value: Decimal | None) -> str:
        """A juror's raw value as entered (85, 85.5), never rounded."""
        text = decimal_text(value)
        return "" if text is None else self.localise(text)

    def t(self, key: str, **fields: object) -> str:
        return t(self.lang, key, **fields)

    def status_text(self, row: LeaderboardRow) -> str:
        if row.status == "not_advanced":
            return self.t("status_not_advanced", stage=row.not_advanced_to)
        return self.t(f"status_{row.status}")

    def score_text(self, row: LeaderboardRow) -> str:
        """The row's display score; provisional scores carry an asterisk."""
        if not row.display:
            return ""
        mark = "*" if row.status == "provisional" else ""
        return self.localise(row.display) + mark

    def tie_text(self, row: LeaderboardRow, board: str) -> str:
        return tie_text(self.data, self.lang, row, board)

    def footnote(self, row: LeaderboardRow, board: str) -> str:
        """Why the row has its place: the tie-break rule, or the jury's decision and reason."""
        if row.tie_rule == "jury_decision":
            reason = f" ({row.decision_reason})" if row.decision_reason else ""
            return self.t("jury_footnote", reason=reason)
        return self.t("tie_footnote", rule=self.tie_text(row, board))

    def stage_label(self, code: str) -> str:
        if code == FINAL:
            return self.t("final")
        stage = self.data.stage(code)
        return f"{stage.code} — {stage.name}"

    def method_text(self, code: str) -> str:
        stage = self.data.stage(code)
        if stage.method == "banded":
            band = self.raw(stage.band) if stage.band is not None else "?"
            return self.t("method_banded", band=band)
        return self.t(f"method_{stage.method}")


def tie_text(data: ReportData, lang: str, row: LeaderboardRow, board: str) -> str:
    """The rule that broke (or could not break) the row's tie, in the report's language."""
    rule = row.tie_rule
    if rule == "latest_stage":
        weighted = [s for s in data.event.stages if s.weight > 0]
        stage = weighted[-1].code if weighted else ""
        return t(lang, "tie_latest_stage", stage=stage)
    if rule.startswith("criterion:"):
        code = rule.split(":", 1)[1]
        return t(lang, "tie_criterion", criterion=_criterion_name(data, code, board))
    if rule == "chair_decides":
        return t(lang, "tie_chair")
    if rule == "shared":
        return t(lang, "tie_shared")
    if rule == "jury_decision":
        reason = f" ({row.decision_reason})" if row.decision_reason else ""
        return t(lang, "tie_jury") + reason
    return row.tie_note or rule


def _criterion_name(data: ReportData, code: str, board: str) -> str:
    # The board's own stage first; for the final, the latest stage that has the code.
    stages = data.event.stages
    ordered = [s for s in stages if s.code == board] + list(reversed(stages))
    for stage in ordered:
        for c in stage.criteria:
            if c.code == code:
                return f"{c.name} ({c.code})"
    return code


def check_options(data: ReportData, options: ReportOptions) -> None:
    """Raise ValidationError naming the option that is wrong; nothing is written."""
    if options.kind not in KINDS:
        raise ValidationError.coded(ec.REPORT_KIND, kind=options.kind, known=", ".join(KINDS))
    if options.paper not in PAPERS:
        raise ValidationError.coded(ec.REPORT_PAPER, paper=options.paper)
    if options.lang not in LANGS:
        raise ValidationError.coded(ec.REPORT_LANG, lang=options.lang)
    if options.orientation not in ORIENTATIONS:
        raise ValidationError.coded(
            ec.REPORT_ORIENTATION, orientation=options.orientation, known=", ".join(ORIENTATIONS)
        )
    if data.kit and options.kind not in KIT_KINDS:
        raise ValidationError.coded(ec.REPORT_KIT_KIND, kind=options.kind)
    if not data.event.stages:
        raise ValidationError.coded(ec.REPORT_NO_STAGES)
    if options.stage and options.stage != FINAL:
        try:
            data.stage(options.stage)
        except KeyError:
            known = ", ".join(s.code for s in data.event.stages) or "none"
            raise ValidationError.coded(
                ec.REPORT_NO_STAGE, stage=options.stage, known=known
            ) from None
    if options.kind in ("sheet", "blank"):
        if options.stage == FINAL:
            raise ValidationError.coded(ec.REPORT_ONE_STAGE, kind=options.kind)
        if options.juror:
            try:
                data.juror(options.juror)
            except KeyError:
                known = ", ".join(j.code for j in data.event.jurors) or "none"
                raise ValidationError.coded(
                    ec.REPORT_NO_JUROR, juror=options.juror, known=known
                ) from None
        elif not data.event.jurors:
            raise ValidationError.coded(ec.REPORT_NO_JURORS)
    if options.category and options.category not in {e.category for e in data.event.entries}:
        known = ", ".join(data.categories) or "none"
        raise ValidationError.coded(ec.REPORT_NO_CATEGORY, category=options.category, known=known)
    if options.entry and options.entry not in {e.code for e in data.event.entries}:
        raise ValidationError.coded(ec.REPORT_NO_ENTRY, entry=options.entry)
    if options.top_n is not None and options.top_n < 1:
        raise ValidationError.coded(ec.REPORT_TOP_N, top_n=options.top_n)
