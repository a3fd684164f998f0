"""The juror's side of the exchange: File > Send scores, and the outbox folder.

"Send scores" writes a signed package where the juror chooses (a USB stick). The outbox folder
(QSettings key "outbox_folder": a USB stick or a shared network folder) receives a fresh package
a few seconds after each change, always under the same name EVENT-JUROR.kolabik-scores, written
beside it and then renamed over the old one, so the chair's inbox never reads half a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.exchange.names import PACKAGE_SUFFIX
from kolabik_desktop.core.store.queries.event import event_info
from kolabik_desktop.ui.file_dialogs import (
    get_existing_directory,
    get_open_file_name,
    get_save_file_name,
)
from kolabik_desktop.ui.host import MODE_CHAIR, MODE_JUROR
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.workers import run_task

if TYPE_CHECKING:
    from kolabik_desktop.ui.host import WindowHost

SETTINGS_KEY = "outbox_folder"
LAST_SEND_DIR_KEY = "send_scores_folder"
DELAY_MS = 3000  # after the last change: a burst of edits gives one package, not twenty


def _names(db: Any) -> tuple[str, str]:
    from kolabik_desktop.core.store.queries.people import juror as juror_info

    juror = juror_info(db, db.kit_juror_id)
    return event_info(db).name, juror.code if juror is not None else ""


def outbox_file_name(db: Any) -> str:
    from kolabik_desktop.core.exchange.packages import file_slug

    event_name, juror_code = _names(db)
    return f"{file_slug(event_name)}-{file_slug(juror_code)}{PACKAGE_SUFFIX}"


class OutboxWriter(QObject):
    """Rewrites the juror's package in the outbox folder a few seconds after each change."""

    written = Signal(object)  # Path
    failed = Signal(str)

    def __init__(self, context: Any, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.folder = Path(folder)
        self.target = self.folder / outbox_file_name(context.db)
        self._busy = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.write_now)
        context.changed.connect(self._on_change)
        self.write_now()  # the chair gets the current state as soon as the outbox is set

    def stop(self) -> None:
        """Stop listening; a change still waiting for its delay is written now, not lost."""
        from kolabik_desktop.core.exchange.packages import write_package

        pending = self._timer.isActive() or self._again
        self._timer.stop()
        self.context.changed.disconnect(self._on_change)
        if pending:
            try:
                # The window is about to close the kit (still open and locked): quick, in line.
                write_package(self.context.db, self.target)
            except KolabikError as exc:
                self.failed.emit(error_text(exc))

    def _on_change(self, _change: object) -> None:
        self._timer.start()

    def write_now(self) -> None:
        from kolabik_desktop.core.exchange.packages import write_package

        if self._busy:
            self._again = True
            return
        self._busy = True
        db, target = self.context.db, self.target
        run_task(lambda _progress: write_package(db, target), self._done, self._error, db=db)

    def _finish(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self._timer.start()

    def _done(self, path: Path) -> None:
        self._finish()
        self.written.emit(path)

    def _error(self, exc: Exception) -> None:
        self._finish()
        self.failed.emit(error_text(exc))


def _warn(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


class OutboxFeature:
    """File > Send scores… and Tools > Outbox folder… (juror mode)."""

    def __init__(self, host: WindowHost) -> None:
        window = host.widget
        state: dict[str, OutboxWriter | None] = {"writer": None}
        self.writer: OutboxWriter | None = None

        send = QAction(QCoreApplication.translate("Outbox", "&Send scores…"), window)
        send.setShortcut(QKeySequence("Ctrl+Shift+S"))
        update = QAction(QCoreApplication.translate("Outbox", "&Update from a new kit…"), window)
        choose = QAction(QCoreApplication.translate("Outbox", "Set the &outbox folder…"), window)
        stop = QAction(
            QCoreApplication.translate("Outbox", "Stop sending to the outbox folder"), window
        )

        def on_send() -> None:
            from kolabik_desktop.core.exchange.packages import package_file_name, write_package

            if host.context is None or host.mode != MODE_JUROR:
                return
            db = host.context.db
            event_name, juror_code = _names(db)
            start = str(QSettings().value(LAST_SEND_DIR_KEY, "") or "")
            suggested = str(Path(start) / package_file_name(event_name, juror_code))
            path, _ = get_save_file_name(
                window,
                QCoreApplication.translate("Outbox", "Send scores"),
                suggested,
                QCoreApplication.translate("Outbox", "Score packages (*{0})").format(
                    PACKAGE_SUFFIX
                ),
            )
            if not path:
                return
            if not path.endswith(PACKAGE_SUFFIX):
                path += PACKAGE_SUFFIX
            QSettings().setValue(LAST_SEND_DIR_KEY, str(Path(path).parent))
            run_task(
                lambda _progress: write_package(db, Path(path)),
                lambda written: host.show_status(
                    QCoreApplication.translate(
                        "Outbox", "Scores saved to {0}. Give this file to the chair."
                    ).format(written),
                    15000,
                ),
                lambda exc: _warn(
                    window, QCoreApplication.translate("Outbox", "Send scores"), error_text(exc)
                ),
                db=db,
            )

        def on_update() -> None:
            # The kits module loads openpyxl (through setup): imported here, not at start.
            from kolabik_desktop.core.exchange.kits import KIT_SUFFIX, update_kit

            if host.context is None or host.mode != MODE_JUROR:
                return
            path, _ = get_open_file_name(
                window,
                QCoreApplication.translate("Outbox", "Update from a new kit"),
                str(QSettings().value(LAST_SEND_DIR_KEY, "") or ""),
                QCoreApplication.translate("Outbox", "Juror kits (*{0})").format(KIT_SUFFIX),
            )
            if not path:
                return
            db = host.context.db
            run_task(
                lambda _progress: update_kit(db, Path(path)),
                lambda result: host.show_status(
                    QCoreApplication.translate(
                        "Outbox",
                        "Kit updated for stage(s) {0}: {1} entries added, {2} removed. "
                        "Your scores were kept.",
                    ).format(" ".join(result.stages), result.entries_added, result.entries_removed),
                    15000,
                ),
                lambda exc: _warn(
                    window,
                    QCoreApplication.translate("Outbox", "Update from a new kit"),
                    error_text(exc),
                ),
                db=db,
            )

        def start() -> None:
            stop_writing()
            folder = str(QSettings().value(SETTINGS_KEY, "") or "")
            if not folder or host.context is None or host.mode != MODE_JUROR:
                _update()
                return
            if not Path(folder).is_dir():
                host.show_status(
                    QCoreApplication.translate(
                        "Outbox", "The outbox folder {0} is not available."
                    ).format(folder),
                    10000,
                )
                _update()
                return
            writer = OutboxWriter(host.context, Path(folder), window)
            writer.written.connect(
                lambda path: host.show_status(
                    QCoreApplication.translate("Outbox", "Scores sent to the outbox ({0}).").format(
                        Path(path).name
                    ),
                    5000,
                )
            )
            writer.failed.connect(
                lambda message: host.show_status(
                    QCoreApplication.translate(
                        "Outbox", "Could not write to the outbox: {0}"
                    ).format(message),
                    15000,
                )
            )
            state["writer"] = self.writer = writer
            _update()

        def stop_writing() -> None:
            writer = state["writer"]
            if writer is not None:
                writer.stop()
                writer.deleteLater()
            state["writer"] = self.writer = None
            _update()

        def on_choose() -> None:
            current = str(QSettings().value(SETTINGS_KEY, "") or "")
            folder = get_existing_directory(
                window, QCoreApplication.translate("Outbox", "Outbox folder"), current
            )
            if folder:
                QSettings().setValue(SETTINGS_KEY, folder)
                start()

        def on_stop() -> None:
            QSettings().remove(SETTINGS_KEY)
            stop_writing()

        def _update() -> None:
            juror = host.context is not None and host.mode == MODE_JUROR
            for action in (send, update, choose):
                action.setEnabled(juror)
                action.setVisible(host.mode != MODE_CHAIR)
            writing = state["writer"] is not None
            stop.setEnabled(writing)
            stop.setVisible(writing)

        def after_submit(stage_code: str) -> None:
            """Submitted in a kit: the chair has nothing until the scores are sent, so ask now."""
            if host.context is None or host.mode != MODE_JUROR:
                return
            if state["writer"] is not None:
                return  # the outbox folder already receives every change
            answer = QMessageBox.question(
                window,
                QCoreApplication.translate("Outbox", "Send scores"),
                QCoreApplication.translate(
                    "Outbox",
                    "Your scores for {0} are submitted. The chair receives them only when you send "
                    "them. Send the scores now?",
                ).format(stage_code),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                on_send()

        host.stage_submitted.connect(after_submit)
        send.triggered.connect(on_send)
        update.triggered.connect(on_update)
        choose.triggered.connect(on_choose)
        stop.triggered.connect(on_stop)
        host.add_action("file", send)
        host.add_action("file", update)
        host.add_action("tools", choose)
        host.add_action("tools", stop)
        host.event_opened.connect(lambda _context: start())
        # While the kit is still open: a change waiting for its delay is written, then it closes.
        host.event_closing.connect(stop_writing)
        self.send_action = send
        self.update_action = update
        _update()
