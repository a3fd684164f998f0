"""PDF reports: plain data in (``ReportData``), PDF bytes out.

``build_report(load_report_data(db), ReportOptions(kind="recap", stage="P1"))`` returns the
document. Kinds: sheet (lembar penilaian), recap (rekapitulasi nilai), minutes (berita acara),
feedback (one sheet per participant), blank (a blank score form), analysis (juror
statistics and method sensitivity, core/analysis). Every number is read from the
scoring engine's leaderboard rows, juror totals and criterion means.
"""

from __future__ import annotations

from kolabik_desktop.core.reports.analysis import build_analysis
from kolabik_desktop.core.reports.common import KINDS, Context, ReportOptions, check_options
from kolabik_desktop.core.reports.data import ReportData, load_report_data
from kolabik_desktop.core.reports.feedback import build_feedback
from kolabik_desktop.core.reports.fingerprint import fingerprint
from kolabik_desktop.core.reports.i18n import t
from kolabik_desktop.core.reports.layout import ProgressFn, render
from kolabik_desktop.core.reports.minutes import build_minutes
from kolabik_desktop.core.reports.recap import build_recap
from kolabik_desktop.core.reports.sheets import build_sheets

__all__ = [
    "KINDS",
    "ReportData",
    "ReportOptions",
    "build_report",
    "fingerprint",
    "load_report_data",
    "report_title",
]


def report_title(options: ReportOptions) -> str:
    return t(options.lang, f"{options.kind}_title").title()


def build_report(
    data: ReportData, options: ReportOptions, progress: ProgressFn | None = None
) -> bytes:
    """The report as PDF bytes. Raises ValidationError (nothing built) for a bad option."""
    check_options(data, options)
    ctx = Context(data, options, progress)
    if options.kind == "sheet":
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
    )
