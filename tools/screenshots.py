"""PNG screenshots of every main view at a laptop's 1366×768 and a desktop's 1920×1080, offscreen.

For a person to look at after a layout change. Builds the demo competition in a temporary folder,
opens it in the real window (Bahasa Indonesia) and grabs each view:

    python tools/screenshots.py [OUT_DIR]        # default: ./screenshots

Views: the first start's language chooser, welcome, chair, juror scoring (a proposal PDF open),
leaderboard dock, presentation dock, projector controls, projector window, setup dialog, report
dialog, live-session dock (its hub started on loopback), audit log (after its full check), the
event opened read-only.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = ((1366, 768), (1920, 1080))


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QSettings

    from kolabik_desktop.core.demo import build_demo_event
    from kolabik_desktop.ui import i18n
    from kolabik_desktop.ui.app import create_application

    out = Path(argv[0] if argv else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # never the user's settings
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        app = create_application([])
        i18n.install_translator(app, i18n.INDONESIAN)
        event = Path(tmp) / "demo.kolabik"
        build_demo_event(event)
        written = [path for size in SIZES for path in shoot_all(event, size, out)]
    for path in written:
        print(path)
    return 0


def settle() -> None:
    from PySide6.QtTest import QTest

    QTest.qWait(60)  # docks and splitters apply their sizes a layout pass later


def shoot_all(event: Path, size: tuple[int, int], out: Path) -> list[Path]:
    from PySide6.QtCore import QSettings

    from kolabik_desktop.ui.main_window import MainWindow

    QSettings().clear()  # each size as a first start, not the layout the other size left
    window = MainWindow()
    window.resize(*size)
    window.show()
    views: list[tuple[str, Callable[[Any], Any]]] = [
        ("00-language-chooser", _language_chooser),
        ("01-welcome", lambda w: None),
        ("02-chair", lambda w: w.open_event(event) and None),
        ("03-juror-scoring", _score_as_first_juror),
        ("04-leaderboard-dock", lambda w: _show_dock(w, "leaderboard_dock")),
        ("05-presentation-dock", lambda w: _show_dock(w, "presentation_dock")),
        ("06-projector-controls", lambda w: _show_dock(w, "projector_dock")),
        ("07-projector-window", _projector_window),
        ("08-setup-dialog", _setup_dialog),
        ("09-report-dialog", _report_dialog),
        ("10-live-session-dock", _live_session_dock),
        ("11-audit-log", _audit_log),
        ("12-read-only-view", lambda w: _read_only_view(w, event)),
    ]
    written = []
    for name, prepare in views:
        target = prepare(window) or window
        settle()
        path = out / f"{name}-{size[0]}x{size[1]}.png"
        target.grab().save(str(path))
        written.append(path)
        if target is not window:
            target.close()
    if window.features.live_session.dock.is_built():
        window.features.live_session.panel.stop()
    window.close()
    window.deleteLater()
    settle()
    return written


def _language_chooser(window: Any) -> Any:
    from kolabik_desktop.ui.language_chooser import LanguageChooser

    chooser = LanguageChooser(lambda _lang: None)
    chooser.show()
    return chooser


def _score_as_first_juror(window: Any) -> None:
    window.set_scoring_juror(window.context.scorer.event.jurors[0].id)
    with_pdf = [e for e in window.context.scorer.event.entries if e.code == "KM-05"]
    if with_pdf:  # the demo's first entry with a proposal PDF
        window.show_entry(with_pdf[0].id)
        window.entry_view.show_first_pdf()
        from PySide6.QtTest import QTest

        QTest.qWait(800)  # QPdfView draws its pages off the GUI thread: not a blank page


def _audit_log(window: Any) -> Any:
    from PySide6.QtTest import QTest

    window.features.audit.action.trigger()
    view = window.features.audit.view
    view.resize(min(1200, window.width() - 80), window.height() - 80)
    view.run_check()
    for _ in range(300):  # the chain and the check run off the GUI thread
        if view.check is not None:
            break
        QTest.qWait(100)
    return view


def _read_only_view(window: Any, event: Path) -> None:
    window.close_event()
    window.open_event(event, read_only=True)  # File > Buka hanya-baca
    _score_as_first_juror(window)


def _show_dock(window: Any, name: str) -> None:
    live_dock = window.features.live_session.dock
    docks = {
        "leaderboard_dock": window.features.leaderboard.dock,
        "presentation_dock": window.features.presentation.dock,
        "projector_dock": window.features.projector.dock,
        "live_dock": live_dock,
    }
    for other in docks.values():
        other.hide()
    dock = docks[name]
    dock.show()
    dock.raise_()
    window.make_room(dock)
    from PySide6.QtTest import QTest

    # make_room resizes after the dock's first layout, a pass or two later on a loaded machine:
    # grab once the sizes have settled, not a fixed time after.
    last = None
    for _ in range(40):
        QTest.qWait(50)
        now = (tuple(window.splitter.sizes()), dock.width())
        if now == last:
            break
        last = now


def _live_session_dock(window: Any) -> None:
    """The chair's live session running, with one juror's refusal on its row (as a juror given a
    new kit would leave it) so the refusal column shows."""
    from kolabik_desktop.core.exchange import live

    panel = window.features.live_session.panel
    panel.start(port=0)
    first = panel.session.jurors()[0].code
    panel.session.refuse(live.REFUSED_KEY_CHANGED, None, first)
    panel.refresh()
    _show_dock(window, "live_dock")


def _projector_window(window: Any) -> Any:
    projector = window.features.projector.controller.open_window()
    projector.showNormal()  # offscreen has no second screen: grab it at the window's size
    projector.resize(window.size())
    return projector


def _setup_dialog(window: Any) -> Any:
    window.features.setup.open_setup()
    from kolabik_desktop.ui.setup.dialog import SetupDialog

    return next(w for w in window.findChildren(SetupDialog) if w.isVisible())


def _report_dialog(window: Any) -> Any:
    from kolabik_desktop.ui.report_dialog import ReportDialog

    dialog = ReportDialog(window.context.db, window)
    dialog.resize(min(1200, window.width() - 80), window.height() - 80)
    dialog.show()
    from PySide6.QtTest import QTest

    for _ in range(200):  # the preview is built off the GUI thread
        if getattr(dialog, "last_pdf", b""):
            break
        QTest.qWait(100)
    return dialog


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
