"""PDF reports: plain data in (``ReportData``), PDF bytes out.

``build_report(load_report_data(db), ReportOptions(kind="recap", stage="P1"))`` returns the
document. Kinds: sheet (lembar penilaian), recap (rekapitulasi nilai), minutes (berita acara),
feedback (one sheet per participant), blank (a blank score form), certificate (piagam
penghargaan, one landscape page per awarded entry), decision (the draft surat keputusan; also as
.docx through ``build_decision_docx``), analysis (juror statistics and method sensitivity,
core/analysis). Every number is read from the scoring engine's leaderboard
rows, juror totals and criterion means.
"""

from __future__ import annotations

from kolabik_desktop.core.reports.analysis import build_analysis
from kolabik_desktop.core.reports.awards import (
    VERDICT_KINDS,
    Awards,
    ProvisionalRanking,
    check_confirmed,
    select_awards,
)
from kolabik_desktop.core.reports.certificate import build_certificates
from kolabik_desktop.core.reports.common import KINDS, Context, ReportOptions, check_options
from kolabik_desktop.core.reports.data import ReportData, load_report_data
from kolabik_desktop.core.reports.decision import build_decision, letter_data
from kolabik_desktop.core.reports.docx import decision_docx
from kolabik_desktop.core.reports.feedback import build_feedback
from kolabik_desktop.core.reports.fingerprint import fingerprint
from kolabik_desktop.core.reports.i18n import t
from kolabik_desktop.core.reports.layout import ProgressFn, render
from kolabik_desktop.core.reports.minutes import build_minutes
from kolabik_desktop.core.reports.recap import build_recap
from kolabik_desktop.core.reports.sheets import build_sheets

__all__ = [
    "KINDS",
    "VERDICT_KINDS",
    "Awards",
    "ProvisionalRanking",
    "awards_for",
    "build_decision_docx",
    "check_confirmed",
    "ReportData",
    "ReportOptions",
    "build_report",
    "fingerprint",
    "load_report_data",
    "report_title",
]


def report_title(options: ReportOptions) -> str:
    return t(options.lang, f"{options.kind}_title").title()


def awards_for(data: ReportData, options: ReportOptions) -> Awards:
    """Who a certificate or decision report awards (the caller may warn or ask first)."""
    check_options(data, options)
    return select_awards(data, stage=options.stage, top_n=options.top_n, entry=options.entry)


def build_decision_docx(data: ReportData, options: ReportOptions) -> bytes:
    """The decision letter as a .docx, for the legal office to edit; same text as the PDF."""
    awards = awards_for(data, options)
    check_confirmed(awards, options.confirmed)
    return decision_docx(letter_data(Context(data, options, None), awards), options.paper)


def build_report(
    data: ReportData, options: ReportOptions, progress: ProgressFn | None = None
) -> bytes:
    """The report as PDF bytes. Raises ValidationError (nothing built) for a bad option, and
    ProvisionalRanking for certificates or a decision from an unconfirmed provisional ranking."""
    check_options(data, options)
    ctx = Context(data, options, progress)
    numbered = True
    if options.kind in VERDICT_KINDS:
        awards = awards_for(data, options)
        check_confirmed(awards, options.confirmed)
        if options.kind == "certificate":
            story, wide = build_certificates(ctx, awards)
            numbered = False
        else:
            story, wide = build_decision(ctx, awards)
    elif options.kind == "sheet":
        story, wide = build_sheets(ctx, blank=False)
    elif options.kind == "blank":
        story, wide = build_sheets(ctx, blank=True)
    elif options.kind == "recap":
        story, wide = build_recap(ctx)
    elif options.kind == "minutes":
        story, wide = build_minutes(ctx)
    elif options.kind == "analysis":
        story, wide = build_analysis(ctx)
    else:
        story, wide = build_feedback(ctx)
    return render(
        story,
        paper=options.paper,
        wide=wide,
        title=report_title(options),
        data=data,
        lang=options.lang,
        fingerprint=ctx.fingerprint,
        date=ctx.date,
        numbered=numbered,
    )
