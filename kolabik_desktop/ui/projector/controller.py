"""The projector's state, decided from the chair's laptop: which board, which mode, frozen or
not, how far a reveal has gone, and what follows from the event's change signal.

Modes: full, ranks (no scores), progress (who has submitted), reveal (places N..1, one per key),
presenting (the finalist now on stage and the countdown); "frozen" holds any of them still. What a
mode must hide (scores in "ranks", every value in "progress") is left out of the data the canvas
receives, not merely not drawn. ``ProjectorController.board_state()`` is the public view of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow

from kolabik_desktop.core.scoring.model import FINAL, EventSpec, LeaderboardRow, StageSpec
from kolabik_desktop.core.store.queries.event import event_info
from kolabik_desktop.ui.i18n import localize_number_text
from kolabik_desktop.ui.leaderboard import board_choices, category_choices
from kolabik_desktop.ui.projector.canvas import BoardCanvas
from kolabik_desktop.ui.projector.state import (
    DEFAULT_TOP_N,
    FULL,
    MODES,
    PRESENTING,
    PROGRESS,
    RANKS,
    REVEAL,
    BoardLine,
    BoardState,
    JurorProgress,
    ProgressInfo,
)
from kolabik_desktop.ui.projector.window import (
    ProjectorWindow,
    menu_shortcuts,
    pick_screen,
    saved_screen_name,
)

if TYPE_CHECKING:
    from kolabik_desktop.core.store.db import Change
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.presentation import PresentationSession

translate = QCoreApplication.translate


def board_lines(
    rows: Sequence[LeaderboardRow],
    event: EventSpec,
    board: str,
    top_n: int,
    show_scores: bool,
) -> list[BoardLine]:
    """The top N ranked rows (and any tied with place N) as projector lines."""
    lo, hi = _scale(event, board)
    lines: list[BoardLine] = []
    for row in rows:
        if row.rank is None or row.rank > top_n:
            continue
        bar = None
        if show_scores and row.score is not None and hi > lo:
            # Drawing only: the bar's length is the engine's score placed on the stage's scale.
            bar = min(max((float(row.score) - lo) / (hi - lo), 0.0), 1.0)
        lines.append(
            BoardLine(
                entry_id=row.entry.id,
                slot=len(lines),
                rank=str(row.rank),
                title=row.entry.title,
                unit=row.entry.unit,
                score=localize_number_text(row.display) if show_scores else "",
                bar=bar,
                provisional=row.status == "provisional",
            )
        )
    return lines


def _scale(event: EventSpec, board: str) -> tuple[float, float]:
    stages = (
        [s for s in event.stages if s.code == board]
        or [s for s in event.stages if s.weight > 0]
        or list(event.stages)
    )
    if not stages:
        return 0.0, 100.0
    return float(stages[0].scale_min), float(stages[0].scale_max)


class ProjectorController(QObject):
    """What the hall sees, decided from the laptop: mode, board, freeze and reveal position.

    Listens to the event's change signal and redraws (at most once per event-loop turn); holds
    still while frozen or revealing. ``board_state()`` is what the projector shows now, for
    anything else that shows it (the live web board).
    """

    state_changed = Signal()  # mode, board, frozen or reveal position changed (the controls follow)
    # A change arrived while nothing shows the board: it was only marked stale (no ranking).
    # A reader of board_state() (the live web board) catches it up when it reads.
    stale_changed = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
        *,
        lazy: bool = False,
    ) -> None:
        """``lazy``: while neither the projector's window nor a preview is shown, a change ranks
        nothing; the board catches up when one shows or when ``board_state()`` is read (the
        live web board). A bare controller (lazy=False) always keeps its canvas current."""
        super().__init__(parent)
        self._lazy = lazy
        self._preview_shown = False
        self.canvas = BoardCanvas(self, clock)
        self.context: EventContext | None = None
        self.session: PresentationSession | None = None
        self.window: ProjectorWindow | None = None
        self.board = FINAL
        self.category: str | None = None
        self.top_n = DEFAULT_TOP_N
        self.mode = FULL
        self.frozen = False
        self.event_name = ""
        self._reveal_lines: list[BoardLine] = []
        self.revealed = 0
        self._stale = False
        self._pending = False

    # -- inputs -------------------------------------------------------------------------------

    def set_context(self, context: EventContext | None) -> None:
        if self.context is not None:
            self.context.changed.disconnect(self._on_changed)
        self.context = context
        self.event_name = ""
        if context is not None:
            context.changed.connect(self._on_changed)
            self._read_event_name()
            codes = {c for c, _ in board_choices(context.event_spec)}
            if self.board not in codes:
                self.board = FINAL
        self.frozen = False
        if self.mode == REVEAL:
            self.mode = FULL
        if self.is_shown():
            self.refresh(animate=False)
        else:
            self._pending = False
            self._stale = True  # ranked when the board shows (or is read), not at event open
        self.state_changed.emit()

    def set_session(self, session: PresentationSession) -> None:
        self.session = session
        session.changed.connect(self._session_changed)

    def _read_event_name(self) -> None:
        assert self.context is not None
        self.event_name = event_info(self.context.db).name

    def _on_changed(self, change: Change) -> None:
        if change.kind in ("event", "all"):
            self._read_event_name()
        if change.kind in ("rubric", "entries", "event", "all"):
            self._keep_board_valid()
        if self.frozen or self.mode == REVEAL or not self.is_shown():
            self._stale = True
            if not self.frozen and not self.is_shown():
                self.stale_changed.emit()
            return
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._refresh_pending)

    def _refresh_pending(self) -> None:
        if self._pending:
            self.refresh()

    def _keep_board_valid(self) -> None:
        # A stage or category the chair just deleted falls back to the final, overall board.
        assert self.context is not None
        event = self.context.event_spec
        if self.board not in {code for code, _label in board_choices(event)}:
            self.board = FINAL
        if self.category and self.category not in category_choices(event):
            self.category = None
        self.state_changed.emit()

    def _session_changed(self) -> None:
        if self.mode == PRESENTING and not self.frozen:
            if self.is_shown():
                self.refresh()
            else:
                self._stale = True

    def is_shown(self) -> bool:
        """Whether anything shows the board now: the projector's window or the preview (a
        controller that is not ``lazy`` counts as always shown)."""
        return not self._lazy or self.window is not None or self._preview_shown

    def set_preview_shown(self, shown: bool) -> None:
        """The chair's preview of the board came on screen (or left it); shown, it catches up."""
        self._preview_shown = shown
        self._catch_up()

    def _catch_up(self) -> None:
        if self._stale and self.is_shown() and not self.frozen:
            self.refresh(animate=False)

    # -- the chair's controls -------------------------------------------------------------------

    def set_board(self, board: str, category: str | None = None) -> None:
        self.board, self.category = board, category or None
        self._restart_view()

    def set_top_n(self, n: int) -> None:
        self.top_n = max(1, n)
        self._restart_view()

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown projector mode {mode!r}")
        self.mode = mode
        self.frozen = False
        self._restart_view()

    def set_frozen(self, frozen: bool) -> None:
        self.frozen = frozen
        if not frozen and self._stale:
            self.refresh()
        self.state_changed.emit()

    def toggle_frozen(self) -> None:
        self.set_frozen(not self.frozen)

    def _restart_view(self) -> None:
        """Show the current choices: a reveal starts over, other modes redraw (when shown)."""
        if self.mode == REVEAL:
            self._start_reveal()
        elif self.is_shown():
            self.refresh()
        else:
            self._stale = True
        self.state_changed.emit()

    def _start_reveal(self) -> None:
        # The ceremony shows a snapshot: a late score must not reshuffle places already announced.
        self._reveal_lines = self.current_lines(show_scores=True)
        self.revealed = 0
        self._push_reveal()

    def reveal_next(self) -> None:
        if self.mode == REVEAL and self.revealed < len(self._reveal_lines):
            self.revealed += 1
            self._push_reveal()
            self.state_changed.emit()

    def reveal_back(self) -> None:
        if self.mode == REVEAL and self.revealed > 0:
            self.revealed -= 1
            self._push_reveal()
            self.state_changed.emit()

    def reveal_remaining(self) -> int:
        return len(self._reveal_lines) - self.revealed if self.mode == REVEAL else 0

    def advance(self) -> None:
        """Space or a click: the next place in reveal mode, start/pause while presenting."""
        if self.mode == REVEAL:
            self.reveal_next()
        elif self.mode == PRESENTING and self.session is not None:
            self.session.start_pause()

    def handle_key(self, key: int) -> bool:
        """The projector window's own keys (the laptop's menu has modified ones)."""
        k = Qt.Key
        actions: dict[int, Callable[[], None]] = {
            k.Key_Escape: self.close_window,
            k.Key_1: lambda: self.set_mode(FULL),
            k.Key_2: lambda: self.set_mode(RANKS),
            k.Key_3: lambda: self.set_mode(PROGRESS),
            k.Key_4: lambda: self.set_mode(REVEAL),
            k.Key_5: lambda: self.set_mode(PRESENTING),
            k.Key_F: self.toggle_frozen,
            k.Key_Space: self.advance,
            k.Key_Return: self.advance,
            k.Key_Backspace: self.reveal_back,
        }
        if self.session is not None:
            actions[k.Key_Right] = self.session.next
            actions[k.Key_Left] = self.session.previous
            actions[k.Key_PageDown] = self.session.next
            actions[k.Key_PageUp] = self.session.previous
        action = actions.get(key)
        if action is None:
            return False
        action()
        return True

    # -- the window -----------------------------------------------------------------------------

    def open_window(self, screen: QScreen | None = None) -> ProjectorWindow:
        if self.window is None:
            self.window = ProjectorWindow(self.canvas, self)
            self.window.closed.connect(self._window_closed)
            # The chair's menu shortcuts work while the projector has focus.
            main = self.parent()
            if isinstance(main, QMainWindow):  # a bare controller (tests, bench) has none
                self.window.addActions(menu_shortcuts(main))
        target = screen or pick_screen(saved_screen_name())
        if self.window.isFullScreen():
            self.window.showNormal()  # a full-screen window does not move to another screen
        if len(QGuiApplication.screens()) > 1:
            self.window.set_framed(False)
            self.window.place_on(target)
            self.window.showFullScreen()
        else:
            # One screen: a window beside the chair's (Esc closes it), never covering it unasked.
            self.window.set_framed(True)
            self.window.place_beside(target)
            self.window.showNormal()
        self._catch_up()  # a board left stale while nothing showed it: current at once
        self.state_changed.emit()
        return self.window

    def close_window(self) -> None:
        if self.window is not None:
            self.window.close()

    def _window_closed(self) -> None:
        if self.window is not None:
            self.window.deleteLater()
        self.window = None
        self.state_changed.emit()

    def is_open(self) -> bool:
        return self.window is not None

    # -- building what is shown -------------------------------------------------------------------

    def board_title(self) -> str:
        if self.board == FINAL:
            title = translate("Projector", "Final ranking")
        else:
            stage = None
            if self.context is not None:
                stage = next(
                    (s for s in self.context.event_spec.stages if s.code == self.board), None
                )
            title = stage.name if stage is not None else self.board
        if self.category:
            title += f" — {self.category}"
        return title

    def current_lines(self, show_scores: bool) -> list[BoardLine]:
        """The chosen board's top N as projector lines (also what an exported image shows)."""
        if self.context is None:
            return []
        scorer = self.context.scorer
        rows = scorer.leaderboard(self.board, self.category).rows
        return board_lines(rows, scorer.event, self.board, self.top_n, show_scores)

    def board_state(self) -> BoardState:
        """What the projector shows now (see ``BoardState`` for how to render each mode).

        A redraw still waiting for the event loop after a change (or left undone while nothing
        showed the board) is done first, so the state already holds a score saved a moment ago;
        while frozen it is the held picture.
        """
        if (self._pending or self._stale) and not self.frozen:
            self.refresh()
        st = self.canvas.state
        reveal = st.kind == "board" and self.mode == REVEAL and st.placeholders
        return BoardState(
            mode=self.mode,
            shown=st.kind,
            frozen=self.frozen,
            open=self.is_open(),
            title=st.title,
            subtitle=st.subtitle,
            board=self.board,
            category=self.category,
            top_n=self.top_n,
            slots=st.slots if st.kind == "board" else 0,
            rows=tuple(self.canvas.visible_rows()),
            note=st.note,
            placeholders=st.placeholders,
            reveal_total=len(self._reveal_lines) if reveal else 0,
            reveal_hidden=self.reveal_remaining() if reveal else 0,
            progress=st.progress,
            presenting=st.presenting,
        )

    def refresh(self, animate: bool = True) -> None:
        self._pending = False
        if self.frozen:
            self._stale = True
            return
        self._stale = False
        if self.context is None:
            self.canvas.show_blank(translate("Projector", "Kolabik"), "")
            return
        if self.mode == REVEAL:
            return
        if self.mode in (FULL, RANKS):
            lines = self.current_lines(show_scores=self.mode == FULL)
            self.canvas.show_board(
                self.board_title(),
                self.event_name,
                lines,
                max(self.top_n, len(lines)),
                animate=animate,
                note=self._provisional_note(lines),
                key=(self.board, self.category, self.top_n),
            )
        elif self.mode == PROGRESS:
            progress = self._progress_info()
            title = translate("Projector", "Scoring progress: %1")
            self.canvas.show_progress(
                title.replace("%1", progress.stage_name), self.event_name, progress
            )
        elif self.mode == PRESENTING:
            if self.session is None:
                self.canvas.show_blank(self.event_name, "")
                return
            info = self.session.info()
            title = info.stage_name
            if info.count:
                title += "  ·  " + translate("Projector", "%1 of %2").replace(
                    "%1", str(info.position)
                ).replace("%2", str(info.count))
            self.canvas.show_presenting(title, self.event_name, info)

    def _provisional_note(self, lines: Sequence[BoardLine]) -> str:
        if not any(line.provisional for line in lines):
            return ""
        if self.mode == FULL:
            return translate("Projector", "amber score = provisional")
        return translate("Projector", "provisional standings")

    def _push_reveal(self) -> None:
        n = len(self._reveal_lines)
        shown = self._reveal_lines[n - self.revealed :] if self.revealed else []
        self.canvas.show_board(
            self.board_title(),
            self.event_name,
            shown,
            max(self.top_n, n),
            placeholders=True,
            mark_new=False,
            note=self._provisional_note(shown),
            key=(REVEAL, self.board, self.category, self.top_n),
        )

    def _progress_stage(self) -> StageSpec | None:
        assert self.context is not None
        event = self.context.event_spec
        stages = sorted(event.stages, key=lambda s: (s.position, s.id))
        chosen = next((s for s in stages if s.code == self.board), None)
        if chosen is None:
            weighted = [s for s in stages if s.weight > 0] or stages
            chosen = weighted[-1] if weighted else None
        return chosen

    def _progress_info(self) -> ProgressInfo:
        from kolabik_desktop.core.store.queries.presentation import submitted_juror_ids

        assert self.context is not None
        stage = self._progress_stage()
        if stage is None:
            return ProgressInfo("", ())
        event = self.context.event_spec
        submitted = submitted_juror_ids(self.context.db, stage.id)
        expected = {j for j, _e in stage.assignments} if stage.assignments is not None else None
        jurors = tuple(
            JurorProgress(j.name, j.id in submitted)
            for j in event.jurors
            if expected is None or j.id in expected
        )
        return ProgressInfo(stage.name, jurors)
