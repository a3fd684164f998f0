"""The main window's features, listed once: each is a class built with the window as its host.

To add a feature: write ``class SomethingFeature: def __init__(self, host: WindowHost)`` in its
module (it reaches the window only through ``ui.host.WindowHost``), then add one field below and
one line in ``build_features``. Order matters only for the menus (items appear in build order)
and for features that take another as an argument (the live session serves the projector's
board). Nothing here catches an exception: a feature that fails to build stops the window from
starting, and the tests that build a window fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kolabik_desktop.ui.audit_view import AuditFeature
from kolabik_desktop.ui.backup_ui import BackupFeature
from kolabik_desktop.ui.import_dialog import ImportFeature
from kolabik_desktop.ui.inbox import InboxFeature
from kolabik_desktop.ui.juror_progress import JurorProgressFeature
from kolabik_desktop.ui.juror_stats_feature import JurorStatsFeature
from kolabik_desktop.ui.kit_export import KitExportFeature
from kolabik_desktop.ui.leaderboard import LeaderboardFeature
from kolabik_desktop.ui.live_session import LiveSessionFeature
from kolabik_desktop.ui.outbox import OutboxFeature
from kolabik_desktop.ui.presentation import PresentationFeature
from kolabik_desktop.ui.projector.controls import ProjectorFeature
from kolabik_desktop.ui.promote_dialog import PromoteFeature
from kolabik_desktop.ui.report_dialog import ReportFeature
from kolabik_desktop.ui.settings_dialog import SettingsFeature
from kolabik_desktop.ui.setup import SetupFeature
from kolabik_desktop.ui.workbook_import import WorkbookImportFeature

if TYPE_CHECKING:
    from kolabik_desktop.ui.host import WindowHost


@dataclass(frozen=True)
class Features:
    backup: BackupFeature  # backups on a timer, File > Restore from backup
    settings: SettingsFeature  # Tools > Settings
    setup: SetupFeature  # Tools > Setup (chair mode)
    leaderboard: LeaderboardFeature  # View > Leaderboard (dock)
    presentation: PresentationFeature  # View > Presentation session (dock, F8)
    # View > Projector (F5) and its control dock, tabbed with the leaderboard; ``.controller``
    # is the projector, whose board the live session serves.
    projector: ProjectorFeature
    kit_export: KitExportFeature  # File > Export juror kits
    import_scores: ImportFeature  # File > Import scores, dropped score packages
    new_from_workbook: WorkbookImportFeature  # File > New event from a workbook
    inbox: InboxFeature  # Tools > Watch an inbox folder
    outbox: OutboxFeature  # a juror's File > Send scores, Tools > Outbox folder
    juror_progress: JurorProgressFeature  # View > Juror progress (dock)
    report: ReportFeature  # File > Print / Export (reports, spreadsheets)
    live_session: LiveSessionFeature  # Tools > Live session (hub dock; juror's link)
    juror_stats: JurorStatsFeature  # Tools > Juror statistics (chair mode)
    audit: AuditFeature  # Tools > Audit log (chair's event and juror kit)
    promote: PromoteFeature  # File > Send to the next level (promote)


def build_features(window: WindowHost) -> Features:
    """Build every feature on the window, in menu order."""
    backup = BackupFeature(window)
    settings = SettingsFeature(window)
    setup = SetupFeature(window)
    leaderboard = LeaderboardFeature(window)
    presentation = PresentationFeature(window)
    projector = ProjectorFeature(window, leaderboard, presentation)
    return Features(
        backup=backup,
        settings=settings,
        setup=setup,
        leaderboard=leaderboard,
        presentation=presentation,
        projector=projector,
        kit_export=KitExportFeature(window),
        import_scores=ImportFeature(window),
        new_from_workbook=WorkbookImportFeature(window),
        inbox=InboxFeature(window),
        outbox=OutboxFeature(window),
        juror_progress=JurorProgressFeature(window),
        report=ReportFeature(window),
        live_session=LiveSessionFeature(window, projector.controller),
        juror_stats=JurorStatsFeature(window),
        audit=AuditFeature(window),
        promote=PromoteFeature(window),
    )
