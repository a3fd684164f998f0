"""``kolabik --self-test``: proves an installed or frozen build works end to end, offscreen.

It writes the demo competition to a temporary folder, scores through the same service the window
uses, computes the leaderboard, writes a PDF recap, opens the main window offscreen on the event,
and exits 0 — or prints which step failed and exits 1. Nothing outside the temporary folder is
touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path


def _steps(folder: Path) -> list[tuple[str, Callable[[], str]]]:
    event_path = folder / "self-test.kolabik"

    def demo() -> str:
        from kolabik_desktop.core.demo import build_demo_event

        summary = build_demo_event(event_path, attachments=True)
        return f"{summary.entries} entries, {summary.jurors} jurors, {summary.scores} scores"

    def score() -> str:
        from kolabik_desktop.core.errors import ValidationError
        from kolabik_desktop.core.store.db import open_event_file
        from kolabik_desktop.core.store.services import load_scoring_input, set_score

        with open_event_file(event_path) as db:
            data = load_scoring_input(db)
            stage = data.event.stages[0]
            criterion = next(c for c in stage.criteria if c.weight > 0)
            value = (criterion.min_value + criterion.max_value) / 2
            value -= (value - criterion.min_value) % criterion.step if criterion.step else 0
            # The demo has submitted, recused and partial jurors: score where the rules allow.
            for entry, juror in (
                (e, j) for e in reversed(data.event.entries) for j in data.event.jurors
            ):
                try:
                    set_score(
                        db,
                        juror_id=juror.id,
                        entry_id=entry.id,
                        criterion_id=criterion.id,
                        value=Decimal(value),
                        note="self-test",
                        actor="self-test",
                    )
                except ValidationError:
                    continue
                break
            else:
                raise AssertionError("no cell of the demo accepts a score")
        return f"{entry.code} scored by {juror.code} on {criterion.code}"

    def leaderboard() -> str:
        from kolabik_desktop.core.scoring.engine import Scorer
        from kolabik_desktop.core.store.db import open_event_file
        from kolabik_desktop.core.store.services import load_scoring_input

        with open_event_file(event_path) as db:
            data = load_scoring_input(db)
        board = Scorer(data.event, data.values).leaderboard()
        ranked = [r for r in board.rows if r.rank is not None]
        if not ranked:
            raise AssertionError("the final leaderboard ranks no entry")
        top = ranked[0]
        return f"{len(ranked)} ranked; first {top.entry.code} with {top.display}"

    def pdf() -> str:
        from kolabik_desktop.core.reports import ReportOptions, build_report, load_report_data
        from kolabik_desktop.core.store.db import open_event_file

        with open_event_file(event_path) as db:
            data = load_report_data(db)
        stage = data.event.stages[0].code
        pdf_bytes = build_report(data, ReportOptions(kind="recap", stage=stage))
        if not pdf_bytes.startswith(b"%PDF"):
            raise AssertionError("the recap is not a PDF")
        out = folder / "recap.pdf"
        out.write_bytes(pdf_bytes)
        return f"recap of stage {stage}: {len(pdf_bytes) // 1024} KB"

    def signed() -> str:
        # Ed25519 comes from the `cryptography` package: a frozen build must ship its binary.
        from kolabik_desktop.core.exchange.kits import export_kit
        from kolabik_desktop.core.exchange.merge import apply_import, prepare_import
        from kolabik_desktop.core.exchange.packages import write_package
        from kolabik_desktop.core.exchange.proof import prove
        from kolabik_desktop.core.store.db import open_event_file
        from kolabik_desktop.core.store.services import load_scoring_input

        with open_event_file(event_path) as db:
            juror = load_scoring_input(db).event.jurors[0].code
            kit_path = export_kit(db, juror, folder / "self-test.kolabik-kit")
            with open_event_file(kit_path) as kit:
                package = write_package(kit, folder)
            plan = apply_import(db, prepare_import(db, [package]))
            proof = prove(db)
        item = plan.items[0]
        if item.refused or not item.juror_signed or proof.findings:
            raise AssertionError(f"signed package or check failed: {item.problems or proof}")
        return f"juror {juror} key {item.key_fingerprint}; check: {proof.juror_signed} verified"

    def window() -> str:
        from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler

        from kolabik_desktop.ui.app import create_application
        from kolabik_desktop.ui.main_window import MainWindow

        # The user's settings (recent files, window layout) stay untouched: this window's go to
        # the temporary folder, which is removed afterwards.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))

        def quiet(kind: QtMsgType, _context: object, message: str) -> None:
            # The offscreen platform warns about window hints it cannot honour; only noise here.
            if kind != QtMsgType.QtDebugMsg and "propagateSizeHints" not in message:
                print(message, file=sys.stderr)

        qInstallMessageHandler(quiet)
        app = create_application()
        win = MainWindow()
        try:
            if not win.open_event(event_path):
                raise AssertionError("the window refused the event")
            win.show()
            app.processEvents()
            if win.context is None:
                raise AssertionError("the window has no open event")
            title = win.windowTitle()
            # The juror reads proposals in the window's PDF viewer: a frozen build must ship it.
            from PySide6.QtCore import QSize
            from PySide6.QtPdf import QPdfDocument

            viewer = win.entry_view.pdf
            problem = viewer.load("recap.pdf", (folder / "recap.pdf").read_bytes())
            pages = viewer.page_total()
            if problem or viewer.document.status() != QPdfDocument.Status.Ready or pages == 0:
                raise AssertionError(f"the PDF viewer cannot open the recap: {problem}")
            page = viewer.document.render(0, QSize(300, 420))
            # QtPdf renders onto a transparent image: the page's text is its opaque dark pixels.
            ink = any(
                page.pixelColor(x, y).alpha() > 128 and page.pixelColor(x, y).lightness() < 128
                for y in range(0, page.height(), 3)
                for x in range(0, page.width(), 3)
            )
            if page.isNull() or not ink:
                raise AssertionError("the PDF viewer renders page 1 blank")
            viewer.clear()
        finally:
            win.close_event()
            win.close()
            app.processEvents()
        return f"{title}; PDF viewer showed page 1 of {pages}"

    def live_link() -> str:
        # The live link's pieces that a frozen build could miss: sockets, the hub, the
        # envelope (cryptography), mDNS (zeroconf) and the web board's assets.
        import zeroconf  # noqa: F401

        from kolabik_desktop.core.exchange import live
        from kolabik_desktop.core.exchange.kits import export_kit
        from kolabik_desktop.core.store.db import open_event_file
        from kolabik_desktop.core.store.services import load_scoring_input
        from kolabik_desktop.live.board import Board
        from kolabik_desktop.live.client import HubClient, sync_once
        from kolabik_desktop.live.server import HubServer

        with open_event_file(event_path) as db:
            # Not the signed-package step's juror: the event now trusts that kit's key, and a new kit
            # (a key of its own) would rightly be refused until the chair forgets that key.
            juror = load_scoring_input(db).event.jurors[1]
            kit_path = export_kit(db, juror.code, folder / "self-test.kolabik-kit")
            server = HubServer(live.HubSession(db, approve="all"), "127.0.0.1", 0)
            Board(server)
            server.start()
            try:
                with open_event_file(kit_path) as kit:
                    client = HubClient(f"127.0.0.1:{server.port}", live.kit_hub_key(kit))
                    result = sync_once(kit, client)
                    client.close()
            finally:
                server.stop()
        if not result.done:
            raise AssertionError(f"the kit did not sync: {result.refusal}")
        return f"{juror.code}'s kit synced with a hub on port {server.port}"

    return [
        ("demo event", demo),
        ("score through the service", score),
        ("leaderboard", leaderboard),
        ("PDF recap", pdf),
        ("juror-signed package and check", signed),
        ("main window", window),
        ("live link", live_link),
    ]


def run_self_test(out: Callable[[str], None] = print) -> int:
    # A self-test must run on a machine with no display (CI, a build server).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kolabik_desktop import __version__

    out(f"Kolabik Desktop {__version__} self-test (Python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory(prefix="kolabik-self-test-") as tmp:
        for name, step in _steps(Path(tmp)):
            started = time.perf_counter()
            try:
                detail = step()
            except Exception:
                out(f"FAIL {name}")
                out(traceback.format_exc())
                return 1
            out(f"ok   {name} ({time.perf_counter() - started:.2f} s): {detail}")
    out("self-test passed")
    return 0
