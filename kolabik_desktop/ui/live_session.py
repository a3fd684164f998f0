"""Tools > Live session: the chair's hub with its dock, and the juror's live link in the status bar.

Chair: start/stop the hub on the open event, pause acceptance, show the short address, the
pairing code and a QR code, and a dock listing every juror (connected, last contact, unsent
changes, the entry being scored) with a first-time approval. Accepted changes reach the
leaderboard and projector through the event's change bus, like any import.

Juror: the kit finds its chair's hub (mDNS, or a typed address and pairing code), pushes each save
within a second, keeps the queue while offline, and shows online/offline, the unsent count and
the time of the last acknowledgement in the status bar.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.scoring import problem_text
from kolabik_desktop.ui import i18n
from kolabik_desktop.ui.host import MODE_CHAIR, MODE_JUROR, LazyDock
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.problems import problem_text as problem_words
from kolabik_desktop.ui.workers import run_task

if TYPE_CHECKING:
    from kolabik_desktop.core.exchange.live import HubSession, JurorLink
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.host import WindowHost
    from kolabik_desktop.ui.projector.controller import ProjectorController

PORT_KEY = "live/port"
DISCOVER_KEY = "live/discover"  # look for the hub by mDNS when a kit opens (default on)
DEFAULT_PORT = 8765
# A save is pushed at once (the next turn of the event loop, so the changes of one edit go
# together); saves made while a push is in flight go as one delta when it returns. No fixed wait.
PUSH_DELAY_MS = 0
# The web board follows the projector at most 10 times a second: the first change after a quiet
# spell is published at once, the changes of a burst are coalesced into one publish at the end of
# the PUBLISH_MS that follows it.
PUBLISH_MS = 100
RETRY_MS = 3000  # offline: try again; online: report the unsent count and entry (heartbeat)


def refusal_label(code: str) -> str:
    """A refusal in a few words, for the chair's dock (its sentence: ui.problems.error_text),
    from core's one table (problem_text REFUSAL_LABELS) in the window's language."""
    return problem_text.refusal_label(code, i18n.current_language())


# -- the chair's side -----------------------------------------------------------------------------


class LiveJurorsModel(QAbstractTableModel):
    """The live-session dock's table: one row per juror of the event."""

    CODE, NAME, STATE, LAST, UNSENT, ENTRY, REFUSAL = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[JurorLink] = []
        self.now = time.monotonic()

    def set_rows(self, rows: list[JurorLink], now: float | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.now = time.monotonic() if now is None else now
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("LiveSession", "Juror"),
            QCoreApplication.translate("LiveSession", "Name"),
            QCoreApplication.translate("LiveSession", "State"),
            QCoreApplication.translate("LiveSession", "Last contact"),
            QCoreApplication.translate("LiveSession", "Unsent"),
            QCoreApplication.translate("LiveSession", "Scoring"),
            QCoreApplication.translate("LiveSession", "Last refusal"),
        )[section]

    def state_text(self, link: JurorLink) -> str:
        if link.waiting:
            return QCoreApplication.translate("LiveSession", "waiting for approval")
        if link.connected(self.now):
            return QCoreApplication.translate("LiveSession", "connected")
        return (
            QCoreApplication.translate("LiveSession", "not connected")
            if link.last_contact is None
            else QCoreApplication.translate("LiveSession", "offline")
        )

    def refusal_tooltip(self, link: JurorLink) -> str:
        if not link.last_refusal:
            return ""
        problem = link.last_refusal_problem
        return QCoreApplication.translate("LiveSession", "{0} at {1}: {2}").format(
            refusal_label(link.last_refusal),
            (link.last_refusal_at or "")[11:19],
            problem_words(problem) if problem is not None else "",
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        link = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REFUSAL:
            return self.refusal_tooltip(link) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.REFUSAL:
            if not link.last_refusal:
                return ""
            return f"{(link.last_refusal_at or '')[11:19]} {refusal_label(link.last_refusal)}"
        if column == self.CODE:
            return link.code
        if column == self.NAME:
            return link.name
        if column == self.STATE:
            return self.state_text(link)
        if column == self.LAST:
            return (link.last_contact_at or "")[11:19]
        if column == self.UNSENT:
            return "" if link.unsent is None else str(link.unsent)
        return link.entry


def qr_image(text: str, scale: int = 4) -> QImage:
    """A QR code of ``text`` (segno, pure Python), drawn for a QLabel."""
    import segno

    qr = segno.make(text, error="m")
    size = int(qr.symbol_size(scale=scale, border=2)[0])
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    for y, row in enumerate(qr.matrix_iter(scale=scale, border=2)):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x, y, 0x000000)
    return image


def projector_snapshot(controller: ProjectorController | None) -> dict[str, Any] | None:
    """What the projector shows now, for the web board; None while it is frozen (hold still).

    Read through ``board_state()`` and nothing else, so the web board never shows more than the
    hall sees: in "ranks" the scores are absent, in "reveal" only the places revealed so far
    (the others are empty placeholders), in "progress" the jurors' submitted count, in
    "presenting" the entry on stage and its slot timer; blank when no event is open.
    """
    if controller is None:
        return None
    state = controller.board_state()
    if state.frozen:
        return None
    snapshot: dict[str, Any] = {
        "title": state.title,
        "event": state.subtitle,
        "mode": state.mode,
        "note": state.note,
        "lines": [],
    }
    if state.shown == "board":
        rows: list[dict[str, Any]] = [
            {
                "rank": line.rank,
                "title": line.title,
                "unit": line.unit,
                "score": line.score,
                "bar": line.bar,
                "provisional": line.provisional,
            }
            for line in state.rows
        ]
        if state.placeholders:  # reveal: every place not yet revealed is an empty numbered card
            by_slot = dict(zip((line.slot for line in state.rows), rows, strict=True))
            rows = [
                by_slot.get(slot)
                or {"rank": str(slot + 1), "title": "", "unit": "", "placeholder": True}
                for slot in range(max([state.slots, *(s + 1 for s in by_slot)]))
            ]
        snapshot["lines"] = rows
    elif state.shown == "progress" and state.progress is not None:
        snapshot["progress"] = _progress_snapshot(state.progress)
    elif state.shown == "presenting":
        snapshot["presenting"] = _presenting_snapshot(state.presenting)
    return snapshot


def _projector_text(text: str) -> str:
    return QCoreApplication.translate("Projector", text)


def _progress_snapshot(info: Any) -> dict[str, Any]:
    total = len(info.jurors)
    return {
        "count": f"{info.submitted} / {total}",
        "complete": bool(total) and info.submitted == total,
        "caption": _projector_text("jurors have submitted their scores"),
        "jurors": [
            {
                "name": juror.name,
                "submitted": juror.submitted,
                "status": _projector_text("submitted")
                if juror.submitted
                else _projector_text("still scoring"),
            }
            for juror in info.jurors
        ],
    }


def _presenting_snapshot(info: Any) -> dict[str, Any] | None:
    """The presenting mode as the projector draws it (canvas._presenting): words and numbers."""
    if info is None:
        return None
    entry = info.entry
    if entry is None:
        return {"empty": _projector_text("No finalists scheduled")}
    t = info.timer
    part = info.parts[t.part_index] if info.parts else None
    if t.overtime > 0:
        label = _projector_text("Over time")
    elif not t.started:
        label = _projector_text("Ready: %1").replace("%1", part.name if part else "")
    else:
        label = part.name if part else ""
    if t.started and not t.running:
        label += "  ·  " + _projector_text("paused")
    parts, start = [], 0.0
    for i, p in enumerate(info.parts):
        done = min(max(t.elapsed / 60.0 - start, 0.0), p.minutes) / p.minutes if p.minutes else 0
        parts.append(
            {"name": p.name, "minutes": f"{p.minutes:g}′", "done": done, "now": i == t.part_index}
        )
        start += p.minutes
    following = info.next_entry
    return {
        "caption": f"{entry.code}  ·  {entry.category}" if entry.category else entry.code,
        "entry": entry.title,
        "unit": entry.unit,
        "label": label,
        "countdown": t.countdown_text(),
        "colour": t.colour,
        "parts": parts,
        "next": _projector_text("Next: %1").replace("%1", f"{following.title} — {following.unit}")
        if following is not None
        else "",
    }


class LiveSessionPanel(QWidget):
    """The dock's content: start/stop, pause, address, pairing code, QR code, the jurors."""

    started = Signal(str)  # the hub's address
    stopped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: Any = None
        self.session: HubSession | None = None
        self.server: Any = None
        self.start_button = QPushButton(
            QCoreApplication.translate("LiveSession", "Start the live session")
        )
        self.pause_box = QCheckBox(QCoreApplication.translate("LiveSession", "Pause acceptance"))
        self.pause_box.setEnabled(False)
        self.board_box = QCheckBox(QCoreApplication.translate("LiveSession", "Web board"))
        self.board_box.setEnabled(False)
        self.board: Any = None
        # the window's ProjectorController, whose board is served
        self.projector: ProjectorController | None = None
        self.address_label = QLabel(QCoreApplication.translate("LiveSession", "Not running."))
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr_label = QLabel()
        self.board_label = QLabel()
        self.board_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = LiveJurorsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.approve_button = QPushButton(
            QCoreApplication.translate("LiveSession", "Approve the selected juror")
        )
        self.forget_button = QPushButton(
            QCoreApplication.translate("LiveSession", "Forget juror key…")
        )
        self.forget_button.setToolTip(
            QCoreApplication.translate(
                "LiveSession",
                "For a juror given a new kit: stop trusting the old kit's key (recorded in the "
                "audit log); the next change signed by the new kit is trusted instead.",
            )
        )
        top = QHBoxLayout()
        top.addWidget(self.start_button)
        top.addWidget(self.pause_box)
        top.addWidget(self.board_box)
        top.addStretch(1)
        self.approve_button.setEnabled(False)  # until the hub runs
        self.forget_button.setEnabled(False)  # until the chair's event is open
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.forget_button)
        buttons.addStretch(1)
        # The QR code stands beside everything, so the jurors' table keeps the dock's height
        # (below the address it left room for two jurors at 1366x768).
        layout = QVBoxLayout()
        layout.addLayout(top)
        layout.addWidget(self.address_label)
        layout.addWidget(self.board_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        outer = QHBoxLayout(self)
        outer.addLayout(layout, 1)
        outer.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignTop)
        self.start_button.clicked.connect(self.toggle)
        self.pause_box.toggled.connect(self._on_pause)
        self.board_box.toggled.connect(self._on_board)
        self.approve_button.clicked.connect(self.approve_selected)
        self.forget_button.clicked.connect(self.forget_selected_key)
        self._publishing = False  # a snapshot is being read (see publish_board_now)
        self._publish = QTimer(self)  # the cooldown after a publish (see publish_board)
        self._publish.setSingleShot(True)
        self._publish.setInterval(PUBLISH_MS)
        self._publish.timeout.connect(self._cooled_down)
        self._publish_pending = False
        self._timer = QTimer(self)
        self._timer.setInterval(1000)  # "connected" is a matter of time since the last contact
        self._timer.timeout.connect(self.refresh)

    @property
    def running(self) -> bool:
        return self.server is not None

    def set_context(self, context: Any) -> None:
        if context is not self.context:
            self.stop()
        self.context = context
        self.start_button.setEnabled(context is not None)
        # Forgetting a key writes to the event (audited): only with the chair's event open.
        self.forget_button.setEnabled(context is not None)

    def toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def start(self, port: int | None = None) -> None:
        from kolabik_desktop.core.exchange.live import HubSession
        from kolabik_desktop.live.server import HubServer

        if self.context is None or self.running:
            return
        self.session = HubSession(self.context.db, approve="ask")
        wanted = int(str(QSettings().value(PORT_KEY, DEFAULT_PORT))) if port is None else port
        for candidate in dict.fromkeys((wanted, 0)):  # a busy port falls back to a free one
            server = HubServer(self.session, "0.0.0.0", candidate)
            try:
                server.start()
            except KolabikError:
                continue
            self.server = server
            break
        if self.server is None:
            self.address_label.setText(
                QCoreApplication.translate("LiveSession", "The live session could not start.")
            )
            self.session = None
            return
        url = self.server.url()
        short = url.removeprefix("http://")
        self.address_label.setText(
            QCoreApplication.translate("LiveSession", "Address: {0}\nPairing code: {1}").format(
                short, self.session.pairing
            )
        )
        self.qr_label.setPixmap(QPixmap.fromImage(qr_image(f"{url}/#{self.session.pairing}")))
        self.start_button.setText(
            QCoreApplication.translate("LiveSession", "Stop the live session")
        )
        self.pause_box.setEnabled(True)
        self.board_box.setEnabled(True)
        self.approve_button.setEnabled(True)  # approving admits a juror to the running hub
        self._announce()
        self._timer.start()
        self.refresh()
        self.started.emit(url)

    def _announce(self) -> None:
        from kolabik_desktop.live.discovery import Announcement
        from kolabik_desktop.live.server import lan_address

        assert self.session is not None and self.server is not None
        try:
            self._announcement: Any = Announcement(
                self.context.db.uid, self.session.event_name, lan_address(), self.server.port
            )
        except Exception:  # multicast blocked: the address and the QR code still work
            self._announcement = None

    def stop(self) -> None:
        if not self.running:
            return
        announcement = getattr(self, "_announcement", None)
        if announcement is not None:
            announcement.close()
            self._announcement = None
        self.board_box.setChecked(False)
        self.board_box.setEnabled(False)
        self.server.stop()
        self.server = None
        self.session = None
        self._timer.stop()
        self.pause_box.setChecked(False)
        self.pause_box.setEnabled(False)
        self.approve_button.setEnabled(False)
        self.start_button.setText(
            QCoreApplication.translate("LiveSession", "Start the live session")
        )
        self.address_label.setText(QCoreApplication.translate("LiveSession", "Not running."))
        self.qr_label.clear()
        self.model.set_rows([])
        self.stopped.emit()

    def _on_board(self, on: bool) -> None:
        from kolabik_desktop.live.board import Board

        if on and self.server is not None and self.board is None:
            self.board = Board(self.server)
            self.publish_board_now()
            self.board_label.setText(
                QCoreApplication.translate("LiveSession", "Web board: {0}").format(
                    self.server.url() + self.board.path
                )
            )
        elif not on and self.board is not None:
            self.server.prefix_routes[:] = [
                (prefix, route)
                for prefix, route in self.server.prefix_routes
                if prefix != "/board/"
            ]
            self.board = None
            self.board_label.clear()

    def publish_board(self, *_args: object) -> None:
        """Show the projector's board on the web board: at once after a quiet spell, then at
        most 10 times a second, so a burst of accepted changes costs one snapshot and one push
        to every viewer at the end of the cooldown, and a lone change waits for nothing."""
        if self.board is None or self._publishing:
            return  # re-entered from the snapshot's own catch-up: that snapshot is the latest
        if self._publish.isActive():
            self._publish_pending = True
            return
        self._publish_pending = False
        self.publish_board_now()
        self._publish.start()

    def _cooled_down(self) -> None:
        if self._publish_pending:
            self.publish_board(None)

    def publish_board_now(self) -> None:
        """Show the projector's current board on the web board (if it is on and not frozen)."""
        if self.board is None:
            return
        # Reading a closed projector's state ranks it first, which announces state_changed:
        # that must not publish (and start a cooldown) in the middle of this publish.
        self._publishing = True
        try:
            snapshot = projector_snapshot(self.projector)
        finally:
            self._publishing = False
        if snapshot is not None:
            self.board.publish(snapshot)

    def _on_pause(self, paused: bool) -> None:
        if self.session is not None:
            self.session.paused = paused

    def refresh(self) -> None:
        if self.session is not None:
            self.model.set_rows(self.session.jurors())

    def selected_codes(self) -> list[str]:
        return [self.model.rows[i.row()].code for i in self.table.selectionModel().selectedRows()]

    def forget_selected_key(self, *, confirm: bool = True) -> list[str]:
        """The dock's "Forget juror key": core's forget_juror_key (audited) for each selected
        juror, after the chair confirms; returns the fingerprints forgotten."""
        from kolabik_desktop.core.exchange.signing import forget_juror_key

        codes = self.selected_codes()
        if self.context is None or not codes:
            return []
        if confirm:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("LiveSession", "Forget juror key"),
                QCoreApplication.translate(
                    "LiveSession",
                    "Stop trusting the key of juror {0}? Do this only when the juror has a new "
                    "kit: the next change signed by a kit of theirs will be trusted instead. "
                    "Compare its fingerprint with the juror's sheet.",
                ).format(", ".join(codes)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return []
        forgotten = []
        for code in codes:
            try:
                forgotten.append(forget_juror_key(self.context.db, code))
            except KolabikError as exc:
                QMessageBox.warning(
                    self,
                    QCoreApplication.translate("LiveSession", "Forget juror key"),
                    error_text(exc),
                )
        self.refresh()
        return forgotten

    def approve_selected(self) -> None:
        if self.session is None:
            return
        for index in self.table.selectionModel().selectedRows():
            self.session.set_approved(self.model.rows[index.row()].code)
        self.refresh()


# -- the juror's side -----------------------------------------------------------------------------


class LiveLink(QObject):
    """Pushes the kit's queue to the chair's hub: within a second of a save, and on reconnect."""

    status_changed = Signal()

    def __init__(self, host: WindowHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.context: Any = None
        self.client: Any = None
        self.online = False
        self.unsent = 0
        self.last_ack_at: str | None = None
        self.message = ""
        self._busy = False
        self._again = False
        self._generation = 0
        self._push = QTimer(self)
        self._push.setSingleShot(True)
        self._push.setInterval(PUSH_DELAY_MS)
        self._push.timeout.connect(self.sync_now)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.sync_now)

    def attach(self, context: Any) -> None:
        """Follow a juror kit: find its hub and keep it in sync."""
        from kolabik_desktop.core.exchange import live

        self.detach()
        self.context = context
        self._generation += 1
        context.changed.connect(self._on_change)
        state = live.kit_state(context.db)
        self.unsent, self.last_ack_at = state.unsent, state.last_ack_at
        saved = QSettings().value(f"events/{context.db.uid}/live_hub", "")
        if saved:
            self.connect_to(str(saved))
        elif QSettings().value(DISCOVER_KEY, True, type=bool):
            self.discover()
        self._retry.start()
        self.status_changed.emit()

    def detach(self) -> None:
        if self.context is not None:
            self.context.changed.disconnect(self._on_change)
        self._generation += 1
        self._push.stop()
        self._retry.stop()
        if self.client is not None:
            self.client.abort()  # a sync blocked on the network returns at once
        self.context = self.client = None
        self.online = False
        self._busy = self._again = False
        self.status_changed.emit()

    def discover(self) -> None:
        from kolabik_desktop.live.discovery import discover

        uid, generation = self.context.db.uid, self._generation

        def found(addresses: list[str]) -> None:
            if generation == self._generation and addresses and self.client is None:
                self.connect_to(addresses[0])

        run_task(lambda _p: discover(uid, 3.0), found, lambda _exc: None)

    def connect_to(self, address: str, code: str = "") -> None:
        """Use the hub at ``address`` (pinning its key by ``code`` for an older kit)."""
        from kolabik_desktop.core.exchange import live
        from kolabik_desktop.live.client import HubClient, pair

        if self.context is None:
            return
        db = self.context.db
        client = HubClient(address, live.kit_hub_key(db))
        if client.hub_public is None:
            if not code:
                self.message = QCoreApplication.translate(
                    "LiveSession", "Type the chair's pairing code to connect."
                )
                self.status_changed.emit()
                return
            try:
                pair(db, client, code)
            except live.LiveRefusal as refusal:
                self.message = error_text(refusal)
                self.status_changed.emit()
                return
        if self.client is not None:
            self.client.close()
        self.client = client
        QSettings().setValue(f"events/{db.uid}/live_hub", client.address)
        self.sync_now()

    def _on_change(self, _change: object) -> None:
        from kolabik_desktop.core.exchange import live

        self.unsent = live.kit_state(self.context.db).unsent
        self.status_changed.emit()
        self._push.start()

    def sync_now(self) -> None:
        from kolabik_desktop.core.exchange import live
        from kolabik_desktop.live.client import sync_once

        if self.context is None or self.client is None:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        db, client, generation = self.context.db, self.client, self._generation
        entry = live.entry_code(db, self.host.entry_id)
        # In the event's own task runner: closing the kit waits for a running sync (aborted
        # by detach) before the kit's lock is released, so no sync writes to a closed kit.
        run_task(
            lambda _p: sync_once(db, client, entry),
            lambda result: self._done(generation, result),
            lambda exc: self._done(generation, None, exc),
            db=db,
        )

    def _done(self, generation: int, result: Any, exc: Exception | None = None) -> None:
        from kolabik_desktop.core.exchange import live

        if generation != self._generation:
            return
        self._busy = False
        if result is None:
            self.online, self.message = False, error_text(exc) if exc is not None else ""
        else:
            refusal = result.refusal
            self.online = refusal is None or refusal.code not in (
                live.REFUSED_UNREACHABLE,
                live.REFUSED_ROGUE_HUB,
            )
            self.unsent, self.last_ack_at = result.unsent, result.last_ack_at
            self.message = "" if refusal is None else error_text(refusal)
        self.status_changed.emit()
        if self._again or (result is not None and result.refusal is None and result.unsent):
            self._again = False
            self._push.start()

    def status_text(self) -> str:
        if self.context is None:
            return ""
        state = (
            QCoreApplication.translate("LiveSession", "Online")
            if self.online
            else QCoreApplication.translate("LiveSession", "Offline")
        )
        parts = [state, QCoreApplication.translate("LiveSession", "{0} unsent").format(self.unsent)]
        if self.last_ack_at:
            parts.append(
                QCoreApplication.translate("LiveSession", "last ack {0}").format(
                    self.last_ack_at[11:19]
                )
            )
        if self.message:
            parts.append(self.message)
        return " · ".join(parts)


class ConnectDialog(QDialog):
    """A typed hub address and, for a kit older than the chair's key, the pairing code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("LiveSession", "Connect to the live session")
        )
        self.address = QLineEdit()
        self.address.setPlaceholderText("192.168.1.10:8765")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCDE-FGHIJ")
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("LiveSession", "Hub address"), self.address)
        form.addRow(
            QCoreApplication.translate("LiveSession", "Pairing code (older kits)"), self.code
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class LiveSessionFeature:
    """Tools > Live session (chair: the hub and its dock; juror: connect, status bar).

    The dock's panel is built the first time the chair shows it (a LazyDock): a juror's kit
    window, which has no hub to run, never builds it. The web board serves the projector's
    board: the projector is given, not looked up.
    """

    def __init__(self, host: WindowHost, projector: ProjectorController | None) -> None:
        window = host.widget
        self.host, self.projector = host, projector
        dock = LazyDock(
            QCoreApplication.translate("LiveSession", "Live session"),
            "liveSessionDock",
            self._build,
            window,
        )
        dock.hide()
        host.add_dock(dock, Qt.DockWidgetArea.BottomDockWidgetArea)
        show_dock: QAction = dock.toggleViewAction()
        show_dock.setText(QCoreApplication.translate("LiveSession", "&Live session"))
        connect = QAction(
            QCoreApplication.translate("LiveSession", "&Connect to the live session…"), window
        )
        host.add_separator("tools")
        host.add_action("tools", show_dock)
        host.add_action("tools", connect)
        link = LiveLink(host, window)
        status = QLabel()
        host.add_status_widget(status)
        link.status_changed.connect(lambda: status.setText(link.status_text()))
        self.dock, self.link = dock, link

        if projector is not None:
            projector.state_changed.connect(self._publish_board)
            projector.stale_changed.connect(self._publish_board)  # a closed projector's change
            session = projector.session  # set by the projector feature, built before this one
            if session is not None:
                session.changed.connect(self._publish_board)  # the slot timer ticks

        def on_open(context: EventContext) -> None:
            chair = host.mode == MODE_CHAIR
            show_dock.setVisible(chair)
            connect.setVisible(host.mode == MODE_JUROR)
            if chair:
                if dock.is_built():
                    self.panel.set_context(context)
                if projector is None:
                    context.changed.connect(self._publish_board)
                # else: the projector refreshes after a change (next event-loop turn) and says
                # so by state_changed; publishing on the change itself would show the board
                # before the change and hold the real one back by the cooldown.
            else:
                dock.hide()  # nothing to run from a kit or a read-only event
                if host.mode == MODE_JUROR:  # a kit open read-only never syncs
                    link.attach(context)
            context.closing.connect(on_closing)

        def on_closing() -> None:
            if dock.is_built():
                self.panel.set_context(None)
            link.detach()

        def on_connect() -> None:
            dialog = ConnectDialog(window)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.address.text().strip():
                try:
                    link.connect_to(dialog.address.text(), dialog.code.text())
                except KolabikError as exc:
                    link.message = error_text(exc)
                    link.status_changed.emit()

        show_dock.setVisible(False)
        connect.setVisible(False)
        connect.triggered.connect(on_connect)
        host.event_opened.connect(on_open)

    @property
    def panel(self) -> LiveSessionPanel:
        """The chair's panel (built now if the dock was never shown)."""
        panel = self.dock.content()
        assert isinstance(panel, LiveSessionPanel)
        return panel

    def _build(self, _parent: QWidget) -> LiveSessionPanel:
        panel = LiveSessionPanel()
        panel.projector = self.projector
        if self.host.mode == MODE_CHAIR:
            panel.set_context(self.host.context)
        return panel

    def _publish_board(self, *_args: object) -> None:
        """A change the web board may show: only a built panel can serve one."""
        if self.dock.is_built():
            self.panel.publish_board()
