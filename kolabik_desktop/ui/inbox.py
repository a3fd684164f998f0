"""The chair's watched inbox folder: score packages that appear there are imported at once.

With a shared folder the leaderboard moves while the jurors score. New or rewritten
``*.kolabik-scores`` files are verified and merged without asking (the merge is idempotent and
order-free, so a file seen twice does no harm); each import ends with a notice. The folder is
the QSettings key "inbox_folder".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction

from kolabik_desktop.core.exchange.names import PACKAGE_SUFFIX
from kolabik_desktop.ui.file_dialogs import get_existing_directory
from kolabik_desktop.ui.host import MODE_CHAIR, MODE_JUROR
from kolabik_desktop.ui.problems import error_text, problem_text
from kolabik_desktop.ui.workers import run_task

if TYPE_CHECKING:
    from kolabik_desktop.core.exchange.merge import ImportPlan
    from kolabik_desktop.ui.host import WindowHost

SETTINGS_KEY = "inbox_folder"
SETTLE_MS = 700  # let a copy finish before reading the file
POLL_MS = 5000


class InboxWatcher(QObject):
    """Watches one folder and imports the packages that appear or change in it."""

    imported = Signal(object)  # ImportPlan, after an import that changed or refused something
    failed = Signal(str)

    def __init__(self, context: Any, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.folder = Path(folder)
        self._seen: dict[str, tuple[int, int]] = {}  # name -> (size, mtime_ns) already handled
        self._busy = False
        self._again = False
        self._current: list[Path] = []
        self._watcher = QFileSystemWatcher(self)
        self._watcher.addPath(str(self.folder))
        self._watcher.directoryChanged.connect(self._schedule)
        self._watcher.fileChanged.connect(self._schedule)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.scan)
        self._timer.start()  # packages already waiting are imported on start
        # Network shares often send no change notifications: look again now and then.
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.scan)
        self._poll.start()

    def stop(self) -> None:
        self._timer.stop()
        self._poll.stop()
        self._watcher.removePaths(self._watcher.directories() + self._watcher.files())

    def _schedule(self, *_args: object) -> None:
        self._timer.start()

    def _pending(self) -> list[Path]:
        found = []
        try:
            candidates = sorted(self.folder.glob(f"*{PACKAGE_SUFFIX}"))
        except OSError:
            return []
        for path in candidates:
            try:
                st = path.stat()
            except OSError:
                continue  # renamed away between listing and reading
            if self._seen.get(path.name) != (st.st_size, st.st_mtime_ns):
                self._seen[path.name] = (st.st_size, st.st_mtime_ns)
                found.append(path)
        return found

    def scan(self) -> None:
        from kolabik_desktop.core.exchange.merge import apply_import, prepare_import

        if self._busy:
            self._again = True
            return
        paths = self._pending()
        watched = set(self._watcher.files())
        new_files = [str(p) for p in paths if str(p) not in watched]
        if new_files:
            self._watcher.addPaths(new_files)  # a file rewritten in place also wakes us
        if not paths:
            return
        self._busy = True
        self._current = paths
        db = self.context.db

        def work(_progress: Any) -> ImportPlan:
            plan = prepare_import(db, paths)
            return apply_import(db, plan) if plan.has_changes else plan

        run_task(work, self._done, self._error, db=db)

    def _finish(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self._timer.start()

    def _done(self, plan: ImportPlan) -> None:
        self._finish()
        if plan.has_changes or plan.refused:
            self.imported.emit(plan)

    def _error(self, exc: Exception) -> None:
        for path in self._current:  # e.g. the disk was busy: try these files again later
            self._seen.pop(path.name, None)
        self._finish()
        self.failed.emit(error_text(exc))


def notice_text(plan: ImportPlan) -> str:
    jurors = sorted({i.juror_code for i in plan.items if not i.refused and i.juror_code})
    text = QCoreApplication.translate(
        "Inbox", "Inbox: {0} new and {1} changed scores from {2}."
    ).format(plan.new, plan.changed, ", ".join(jurors) or "-")
    refused = [i for i in plan.items if i.refused]
    if refused:
        first = refused[0]
        reason = problem_text(first.problems[0]) if first.problems else ""
        text += " " + QCoreApplication.translate("Inbox", "Refused {0}: {1}").format(
            first.filename, reason
        )
    return text


class InboxFeature:
    """Tools > Inbox folder…: watch a folder while a chair's event is open."""

    def __init__(self, host: WindowHost) -> None:
        window = host.widget
        state: dict[str, InboxWatcher | None] = {"watcher": None}
        self.watcher: InboxWatcher | None = None

        choose = QAction(QCoreApplication.translate("Inbox", "Watch an &inbox folder…"), window)
        stop = QAction(
            QCoreApplication.translate("Inbox", "Stop watching the inbox folder"), window
        )

        def start() -> None:
            stop_watching()
            folder = QSettings().value(SETTINGS_KEY, "")
            if not folder or host.context is None or host.mode != MODE_CHAIR:
                _update()
                return
            if not Path(str(folder)).is_dir():
                host.show_status(
                    QCoreApplication.translate(
                        "Inbox", "The inbox folder {0} is not available."
                    ).format(folder),
                    10000,
                )
                _update()
                return
            watcher = InboxWatcher(host.context, Path(str(folder)), window)
            watcher.imported.connect(lambda plan: host.show_status(notice_text(plan), 15000))
            watcher.failed.connect(
                lambda message: host.show_status(
                    QCoreApplication.translate("Inbox", "Inbox import failed: {0}").format(message),
                    15000,
                )
            )
            state["watcher"] = self.watcher = watcher
            _update()

        def stop_watching() -> None:
            watcher = state["watcher"]
            if watcher is not None:
                watcher.stop()
                watcher.deleteLater()
            state["watcher"] = self.watcher = None
            _update()

        def on_choose() -> None:
            current = str(QSettings().value(SETTINGS_KEY, "") or "")
            folder = get_existing_directory(
                window,
                QCoreApplication.translate("Inbox", "Inbox folder for score packages"),
                current,
            )
            if folder:
                QSettings().setValue(SETTINGS_KEY, folder)
                start()

        def on_stop() -> None:
            QSettings().remove(SETTINGS_KEY)
            stop_watching()

        def _update() -> None:
            chair = host.context is not None and host.mode == MODE_CHAIR
            choose.setEnabled(chair)
            choose.setVisible(host.mode != MODE_JUROR)
            watching = state["watcher"] is not None
            stop.setEnabled(watching)
            stop.setVisible(watching)
            if watching:
                choose.setText(
                    QCoreApplication.translate(
                        "Inbox", "Watch an &inbox folder… (now: {0})"
                    ).format(Path(str(state["watcher"].folder)).name)  # type: ignore[union-attr]
                )
            else:
                choose.setText(QCoreApplication.translate("Inbox", "Watch an &inbox folder…"))

        choose.triggered.connect(on_choose)
        stop.triggered.connect(on_stop)
        host.add_action("tools", choose)
        host.add_action("tools", stop)
        host.event_opened.connect(lambda _context: start())
        host.event_closed.connect(stop_watching)
        self.start = start
        _update()
