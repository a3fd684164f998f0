"""The projector: a frameless full-screen board for the hall, driven from the chair's laptop.

The board is painted (QPainter) from a *scene*: a list of rectangles and texts built from the
current state. Painting and the tests' ``display_text()`` / ``visible_rows()`` read the same scene,
so a test sees exactly what the room would see. What a mode must hide (scores in "ranks",
every value in "progress") is left out of the data the view receives, not merely not drawn.

Modes: full, ranks (no scores), progress (who has submitted), reveal (places N..1, one per key),
presenting (the finalist now on stage and the countdown); "frozen" holds any of them still.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QObject,
    QRectF,
    QSettings,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QScreen,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from kolabik_desktop.core.paths import resource_path
from kolabik_desktop.core.scoring.model import FINAL, EventSpec, LeaderboardRow
from kolabik_desktop.core.store.models import Event, Submission
from kolabik_desktop.ui.file_dialogs import get_save_file_name
from kolabik_desktop.ui.i18n import localize_number_text
from kolabik_desktop.ui.leaderboard import board_choices, category_choices, fill_board_boxes
from kolabik_desktop.ui.presentation import PresentationSession, PresentingInfo

if TYPE_CHECKING:
    from kolabik_desktop.core.store.db import Change
    from kolabik_desktop.ui.context import EventContext

FULL, RANKS, PROGRESS, REVEAL, PRESENTING = "full", "ranks", "progress", "reveal", "presenting"
MODES = (FULL, RANKS, PROGRESS, REVEAL, PRESENTING)
DEFAULT_TOP_N = 10
NEW_MARK_SECONDS = 20.0  # how long a new arrival stays marked
GLIDE_MS = 700
SETTINGS_SCREEN = "projector_screen"

# The reference canvas: everything is laid out for 1920x1080 and scaled to the real screen.
REF_W, REF_H = 1920.0, 1080.0
FONT_FAMILY = "DejaVu Sans"

BACKGROUND = QColor("#0a0f1e")
CARD = QColor("#182138")
CARD_EMPTY = QColor("#111829")
TEXT = QColor("#ffffff")
TEXT_SOFT = QColor("#cfd8ea")  # units and captions: still high contrast on the background
TEXT_DIM = QColor("#5d6b8a")
BAR_TRACK = QColor("#27324f")
BAR_FILL = QColor("#42b0ff")
BADGE = QColor("#2f6fed")
MEDALS = (QColor("#f5c542"), QColor("#c9d3df"), QColor("#d98c4a"))
NEW_MARK = QColor("#2ee58a")
AMBER = QColor("#ffb020")
RED = QColor("#ff4d4d")
GREEN = QColor("#2ee58a")


translate = QCoreApplication.translate


_font_loaded = False


def _ensure_font() -> None:
    # The shipped DejaVu Sans makes the board look the same on every laptop (and in screenshots).
    global _font_loaded
    if not _font_loaded:
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
            path = resource_path("fonts", name)
            if path.exists():
                QFontDatabase.addApplicationFont(str(path))
        _font_loaded = True


# -- what the board shows -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoardLine:
    """One row as the projector shows it. Hidden values are absent here, not just undrawn."""

    entry_id: int
    slot: int  # 0 = top row
    rank: str
    title: str
    unit: str
    score: str = ""  # "" when scores are hidden
    bar: float | None = None  # 0..1 of the scale; None when scores are hidden
    provisional: bool = False
    new: bool = False


@dataclass(frozen=True)
class JurorProgress:
    name: str
    submitted: bool


@dataclass(frozen=True)
class ProgressInfo:
    stage_name: str
    jurors: tuple[JurorProgress, ...]

    @property
    def submitted(self) -> int:
        return sum(j.submitted for j in self.jurors)


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


# -- the scene ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RectOp:
    rect: QRectF
    color: QColor
    radius: float = 0.0
    opacity: float = 1.0


@dataclass(frozen=True, slots=True)
class TextOp:
    rect: QRectF
    text: str
    px: float  # font pixel size on the painted canvas
    color: QColor
    bold: bool = False
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    opacity: float = 1.0
    wrap: bool = False


Op = RectOp | TextOp


class _Fonts:
    """QFont and metrics per (pixel size, bold): a frame builds hundreds of texts."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, bool], tuple[QFont, QFontMetricsF]] = {}

    def get(self, px: float, bold: bool) -> tuple[QFont, QFontMetricsF]:
        key = (round(px), bold)
        found = self._cache.get(key)
        if found is None:
            _ensure_font()
            font = QFont(FONT_FAMILY)
            font.setPixelSize(max(1, key[0]))
            font.setBold(bold)
            found = (font, QFontMetricsF(font))
            self._cache[key] = found
        return found

    def elide(self, text: str, px: float, bold: bool, width: float) -> str:
        return self.get(px, bold)[1].elidedText(text, Qt.TextElideMode.ElideRight, width)


@dataclass
class _Track:
    """A row gliding from one slot to another (slot units, so any canvas size works)."""

    line: BoardLine
    y0: float
    y1: float
    a0: float
    a1: float
    x0: float = 0.0  # horizontal offset in reference pixels (a revealed place slides in)

    def at(self, t: float) -> tuple[float, float, float]:
        return (
            self.y0 + (self.y1 - self.y0) * t,
            self.a0 + (self.a1 - self.a0) * t,
            self.x0 * (1.0 - t),
        )


@dataclass
class ViewState:
    kind: str = "board"  # "board", "progress", "presenting", "blank"
    title: str = ""
    subtitle: str = ""
    slots: int = DEFAULT_TOP_N
    placeholders: bool = False  # reveal: empty places are drawn with their number
    progress: ProgressInfo | None = None
    presenting: PresentingInfo | None = None
    note: str = ""  # drawn in amber at the header's right, e.g. that standings are provisional
    tracks: dict[int, _Track] = field(default_factory=dict)


class BoardCanvas(QObject):
    """The projector's state, its glide animation, and the painter. Owns no window.

    The same canvas paints the projector window, the export PNG and the benchmark frames.
    """

    repaint_needed = Signal()

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.state = ViewState(kind="blank")
        self.clock = clock
        self.fonts = _Fonts()
        self._new_since: dict[int, float] = {}
        self._board_key: object = None
        self._t = 1.0
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setDuration(GLIDE_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.valueChanged.connect(self._step)
        self.animation.finished.connect(self._settle)
        self._mark_timer = QTimer(self)
        self._mark_timer.setSingleShot(True)
        self._mark_timer.timeout.connect(self._expire_marks)

    # -- input ------------------------------------------------------------------------------------

    def show_board(
        self,
        title: str,
        subtitle: str,
        lines: Sequence[BoardLine],
        slots: int,
        *,
        placeholders: bool = False,
        animate: bool = True,
        mark_new: bool = True,
        note: str = "",
        key: object = None,
    ) -> None:
        """``key`` names the board shown (board, category, size); a new key marks nothing new."""
        s = self.state
        was_board = s.kind == "board"
        same_board = key == self._board_key
        self._board_key = key
        t = self._t if self.animation.state() == QVariantAnimation.State.Running else 1.0
        old = s.tracks if was_board else {}
        now = self.clock()
        tracks: dict[int, _Track] = {}
        for line in lines:
            prev = old.get(line.entry_id)
            if prev is not None:
                y, a, x = prev.at(t)
                tracks[line.entry_id] = _Track(line, y, line.slot, a, 1.0, x)
            elif placeholders:
                # A revealed place appears where it belongs, sliding in from the right.
                tracks[line.entry_id] = _Track(line, line.slot, line.slot, 0.0, 1.0, 240.0)
            else:
                # A new arrival rises from below the board.
                tracks[line.entry_id] = _Track(line, max(slots, line.slot + 1), line.slot, 0.0, 1.0)
                if mark_new and was_board and old and same_board:
                    self._new_since[line.entry_id] = now
        for entry_id, prev in old.items():
            if entry_id not in tracks:
                y, a, x = prev.at(t)
                if a > 0.01:
                    tracks[entry_id] = _Track(prev.line, y, max(slots, y + 1), a, 0.0, x)
        self._new_since = {
            k: v
            for k, v in self._new_since.items()
            if same_board and k in tracks and now - v < NEW_MARK_SECONDS
        }
        for entry_id, track in tracks.items():
            track.line = replace(track.line, new=entry_id in self._new_since)
        self.state = ViewState(
            kind="board",
            title=title,
            subtitle=subtitle,
            slots=max(slots, 1),
            placeholders=placeholders,
            note=note,
            tracks=tracks,
        )
        moving = any(tr.y0 != tr.y1 or tr.a0 != tr.a1 or tr.x0 != 0.0 for tr in tracks.values())
        if animate and moving:
            self.animation.stop()
            self._t = 0.0
            self.animation.start()
        else:
            self.animation.stop()
            self._settle()
        if self._new_since:
            oldest = min(self._new_since.values())
            self._mark_timer.start(max(50, int((oldest + NEW_MARK_SECONDS - now) * 1000)))
        self.repaint_needed.emit()

    def show_progress(self, title: str, subtitle: str, progress: ProgressInfo) -> None:
        self.animation.stop()
        self.state = ViewState(kind="progress", title=title, subtitle=subtitle, progress=progress)
        self.repaint_needed.emit()

    def show_presenting(self, title: str, subtitle: str, info: PresentingInfo) -> None:
        self.animation.stop()
        self.state = ViewState(kind="presenting", title=title, subtitle=subtitle, presenting=info)
        self.repaint_needed.emit()

    def show_blank(self, title: str = "", subtitle: str = "") -> None:
        self.animation.stop()
        self.state = ViewState(kind="blank", title=title, subtitle=subtitle)
        self.repaint_needed.emit()

    def _step(self, value: Any) -> None:
        self._t = float(value)
        self.repaint_needed.emit()

    def _settle(self) -> None:
        self._t = 1.0
        for entry_id in [k for k, tr in self.state.tracks.items() if tr.a1 == 0.0]:
            del self.state.tracks[entry_id]
        for tr in self.state.tracks.values():
            tr.y0, tr.a0, tr.x0 = tr.y1, tr.a1, 0.0
        self.repaint_needed.emit()

    def _expire_marks(self) -> None:
        now = self.clock()
        self._new_since = {k: v for k, v in self._new_since.items() if now - v < NEW_MARK_SECONDS}
        for entry_id, track in self.state.tracks.items():
            track.line = replace(track.line, new=entry_id in self._new_since)
        if self._new_since:
            oldest = min(self._new_since.values())
            self._mark_timer.start(max(50, int((oldest + NEW_MARK_SECONDS - now) * 1000)))
        self.repaint_needed.emit()

    def set_progress(self, t: float) -> None:
        """Put the glide at t (0..1) without the animation clock (benchmarks, tests)."""
        self.animation.stop()
        self._t = t

    # -- what is shown ----------------------------------------------------------------------------

    def visible_rows(self) -> list[BoardLine]:
        """The rows the board shows (or glides to), top first."""
        if self.state.kind != "board":
            return []
        return sorted(
            (tr.line for tr in self.state.tracks.values() if tr.a1 > 0.0), key=lambda ln: ln.slot
        )

    def display_text(
        self, width: float = REF_W, height: float = REF_H, at: float | None = 1.0
    ) -> list[str]:
        """Every text the painter draws on a canvas of this size once the glide has settled
        (``at=None``: at this moment of the glide)."""
        ops = self.scene(width, height, at)
        return [op.text for op in ops if isinstance(op, TextOp) and op.text]

    # -- the scene -------------------------------------------------------------------------------

    def scene(self, width: float, height: float, at: float | None = None) -> list[Op]:
        """The drawing at glide position ``at`` (0..1; None = where the animation is now)."""
        k = min(width / REF_W, height / REF_H)
        t = self._t if at is None else at
        ops: list[Op] = [RectOp(QRectF(0, 0, width, height), BACKGROUND)]
        st = self.state
        self._header(ops, st.title, st.subtitle, st.note, width, k)
        if st.kind == "board":
            self._board(ops, width, height, k, t)
        elif st.kind == "progress" and st.progress is not None:
            self._progress(ops, st.progress, width, height, k)
        elif st.kind == "presenting" and st.presenting is not None:
            self._presenting(ops, st.presenting, width, height, k)
        return ops

    def _header(
        self, ops: list[Op], title: str, subtitle: str, note: str, width: float, k: float
    ) -> None:
        margin = 48 * k
        note_w = 0.0
        if note:
            note_w = self.fonts.get(34 * k, True)[1].horizontalAdvance(note) + 24 * k
            ops.append(
                TextOp(
                    QRectF(width - margin - note_w, 70 * k, note_w, 60 * k),
                    note,
                    34 * k,
                    AMBER,
                    bold=True,
                    align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                )
            )
        if subtitle:
            ops.append(
                TextOp(
                    QRectF(margin, 22 * k, width - 2 * margin, 40 * k),
                    self.fonts.elide(subtitle, 30 * k, False, width - 2 * margin),
                    30 * k,
                    TEXT_SOFT,
                )
            )
        if title:
            ops.append(
                TextOp(
                    QRectF(margin, 62 * k, width - 2 * margin - note_w, 72 * k),
                    self.fonts.elide(title, 56 * k, True, width - 2 * margin - note_w),
                    56 * k,
                    TEXT,
                    bold=True,
                )
            )
        ops.append(RectOp(QRectF(margin, 146 * k, width - 2 * margin, 4 * k), BADGE))

    def _board(self, ops: list[Op], width: float, height: float, k: float, t: float) -> None:
        st = self.state
        top = 172 * k
        bottom = height - 24 * k
        pitch = (bottom - top) / st.slots
        gap = min(12 * k, pitch * 0.12)
        card_h = pitch - gap
        left, right = 48 * k, width - 48 * k
        if st.placeholders:
            taken = {tr.line.slot for tr in st.tracks.values() if tr.a1 > 0.0}
            for slot in range(st.slots):
                if slot in taken:
                    continue
                y = top + slot * pitch
                ops.append(RectOp(QRectF(left, y, right - left, card_h), CARD_EMPTY, 10 * k))
                ops.append(
                    TextOp(
                        QRectF(left, y, card_h * 1.1, card_h),
                        str(slot + 1),
                        min(52 * k, card_h * 0.6),
                        TEXT_DIM,
                        bold=True,
                        align=Qt.AlignmentFlag.AlignCenter,
                    )
                )
        # Leaving rows first, so arriving and staying rows paint over them.
        ordered = sorted(st.tracks.values(), key=lambda tr: (tr.a1, -tr.line.slot))
        for track in ordered:
            y_slot, alpha, dx = track.at(t)
            if alpha <= 0.01:
                continue
            y = top + y_slot * pitch
            if y > height:
                continue
            self._row(ops, track.line, QRectF(left + dx * k, y, right - left, card_h), alpha, k)

    def _row(self, ops: list[Op], line: BoardLine, card: QRectF, alpha: float, k: float) -> None:
        h = card.height()
        ops.append(RectOp(card, CARD, 10 * k, alpha))
        if line.new:
            ops.append(RectOp(QRectF(card.left(), card.top(), 10 * k, h), NEW_MARK, 4 * k, alpha))
        rank_n = int(line.rank) if line.rank.isdigit() else 99
        badge_color = MEDALS[rank_n - 1] if 1 <= rank_n <= 3 else BADGE
        badge = QRectF(card.left() + 16 * k, card.top() + h * 0.1, h * 1.05, h * 0.8)
        ops.append(RectOp(badge, badge_color, 8 * k, alpha))
        ops.append(
            TextOp(
                badge,
                line.rank,
                min(52 * k, h * 0.62),
                QColor("#0a0f1e") if 1 <= rank_n <= 3 else TEXT,
                bold=True,
                align=Qt.AlignmentFlag.AlignCenter,
                opacity=alpha,
            )
        )
        text_left = badge.right() + 28 * k
        score_w = 190 * k
        bar_w = 420 * k
        has_score = bool(line.score)
        text_right = card.right() - 24 * k - ((score_w + bar_w + 32 * k) if has_score else 0)
        tags = []
        if line.new:
            tags.append((translate("Projector", "NEW"), NEW_MARK))
        tag_px = 30 * k
        tag_w = 0.0
        for text, _c in tags:
            tag_w += self.fonts.get(tag_px, True)[1].horizontalAdvance(text) + 44 * k
        text_w = text_right - text_left
        two_lines = h >= 72 * k
        title_px = max(32 * k, min(40 * k, h * 0.44)) if two_lines else 32 * k
        unit_px = 32 * k
        if two_lines:
            title_rect = QRectF(text_left, card.top() + h * 0.04, text_w, h * 0.52)
            title_rect.setWidth(text_w - tag_w)
            unit_rect = QRectF(text_left, card.top() + h * 0.54, text_w - tag_w, h * 0.44)
            tags_y = card.center().y()
            title_text = self.fonts.elide(line.title, title_px, True, title_rect.width())
        else:
            room = text_w - tag_w
            title_rect = QRectF(text_left, card.top(), room * 0.62, h)
            unit_rect = QRectF(title_rect.right() + 24 * k, card.top(), room * 0.38 - 24 * k, h)
            tags_y = card.center().y()
            title_text = self.fonts.elide(line.title, title_px, True, title_rect.width())
        ops.append(TextOp(title_rect, title_text, title_px, TEXT, bold=True, opacity=alpha))
        ops.append(
            TextOp(
                unit_rect,
                self.fonts.elide(line.unit, unit_px, False, unit_rect.width()),
                unit_px,
                TEXT_SOFT,
                opacity=alpha,
            )
        )
        x = text_right - tag_w
        for text, colour in tags:
            w = self.fonts.get(tag_px, True)[1].horizontalAdvance(text) + 28 * k
            pill = QRectF(x + 8 * k, tags_y - 22 * k, w, 44 * k)
            ops.append(RectOp(pill, colour, 22 * k, alpha))
            ops.append(
                TextOp(
                    pill,
                    text,
                    tag_px,
                    QColor("#0a0f1e"),
                    bold=True,
                    align=Qt.AlignmentFlag.AlignCenter,
                    opacity=alpha,
                )
            )
            x += w + 16 * k
        if has_score:
            bar_left = card.right() - 24 * k - score_w - 24 * k - bar_w
            bar_h = min(30 * k, h * 0.34)
            track = QRectF(bar_left, card.center().y() - bar_h / 2, bar_w, bar_h)
            ops.append(RectOp(track, BAR_TRACK, bar_h / 2, alpha))
            if line.bar is not None and line.bar > 0:
                fill = QRectF(track.left(), track.top(), max(bar_h, bar_w * line.bar), bar_h)
                ops.append(RectOp(fill, BAR_FILL, bar_h / 2, alpha))
            ops.append(
                TextOp(
                    QRectF(card.right() - 24 * k - score_w, card.top(), score_w, h),
                    line.score,
                    min(50 * k, h * 0.6),
                    AMBER if line.provisional else TEXT,
                    bold=True,
                    align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    opacity=alpha,
                )
            )

    def _progress(
        self, ops: list[Op], info: ProgressInfo, width: float, height: float, k: float
    ) -> None:
        total = len(info.jurors)
        ops.append(
            TextOp(
                QRectF(0, 190 * k, width, 200 * k),
                f"{info.submitted} / {total}",
                180 * k,
                GREEN if total and info.submitted == total else TEXT,
                bold=True,
                align=Qt.AlignmentFlag.AlignCenter,
            )
        )
        ops.append(
            TextOp(
                QRectF(0, 390 * k, width, 70 * k),
                translate("Projector", "jurors have submitted their scores"),
                48 * k,
                TEXT_SOFT,
                align=Qt.AlignmentFlag.AlignCenter,
            )
        )
        if not total:
            return
        cols = 1 if total <= 4 else 2 if total <= 10 else 3
        rows = -(-total // cols)
        area_top, area_bottom = 500 * k, height - 40 * k
        pitch = min(96 * k, (area_bottom - area_top) / rows)
        cell_w = (width - 96 * k - (cols - 1) * 24 * k) / cols
        px = max(32 * k, min(40 * k, pitch * 0.45))
        for i, juror in enumerate(info.jurors):
            c, r = divmod(i, rows)
            rect = QRectF(
                48 * k + c * (cell_w + 24 * k), area_top + r * pitch, cell_w, pitch - 10 * k
            )
            ops.append(RectOp(rect, CARD, 10 * k))
            mark = QRectF(rect.left() + 16 * k, rect.top(), rect.height(), rect.height())
            ops.append(
                TextOp(
                    mark,
                    "✔" if juror.submitted else "…",
                    px,
                    GREEN if juror.submitted else TEXT_DIM,
                    bold=True,
                    align=Qt.AlignmentFlag.AlignCenter,
                )
            )
            status = (
                translate("Projector", "submitted")
                if juror.submitted
                else translate("Projector", "still scoring")
            )
            status_w = self.fonts.get(px * 0.85, False)[1].horizontalAdvance(status) + 24 * k
            name_rect = QRectF(
                mark.right() + 12 * k,
                rect.top(),
                rect.width() - mark.width() - status_w - 40 * k,
                rect.height(),
            )
            ops.append(
                TextOp(
                    name_rect,
                    self.fonts.elide(juror.name, px, True, name_rect.width()),
                    px,
                    TEXT,
                    bold=True,
                )
            )
            ops.append(
                TextOp(
                    QRectF(rect.right() - status_w - 16 * k, rect.top(), status_w, rect.height()),
                    status,
                    px * 0.85,
                    GREEN if juror.submitted else TEXT_SOFT,
                    align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                )
            )

    def _presenting(
        self, ops: list[Op], info: PresentingInfo, width: float, height: float, k: float
    ) -> None:
        margin = 48 * k
        entry = info.entry
        if entry is None:
            ops.append(
                TextOp(
                    QRectF(0, 400 * k, width, 120 * k),
                    translate("Projector", "No finalists scheduled"),
                    64 * k,
                    TEXT_SOFT,
                    align=Qt.AlignmentFlag.AlignCenter,
                )
            )
            return
        caption = f"{entry.code}  ·  {entry.category}" if entry.category else entry.code
        ops.append(
            TextOp(QRectF(margin, 176 * k, width - 2 * margin, 50 * k), caption, 36 * k, TEXT_SOFT)
        )
        title_box = QRectF(margin, 226 * k, width - 2 * margin, 170 * k)
        title_h = (
            self.fonts.get(68 * k, True)[1]
            .boundingRect(title_box, int(Qt.TextFlag.TextWordWrap), entry.title)
            .height()
        )
        ops.append(
            TextOp(
                title_box,
                entry.title,
                68 * k,
                TEXT,
                bold=True,
                align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                wrap=True,
            )
        )
        ops.append(
            TextOp(
                QRectF(margin, 226 * k + min(title_h, 170 * k) + 4 * k, width - 2 * margin, 64 * k),
                self.fonts.elide(entry.unit, 46 * k, False, width - 2 * margin),
                46 * k,
                TEXT_SOFT,
            )
        )
        t = info.timer
        colour = {"amber": AMBER, "red": RED}.get(t.colour, TEXT)
        part = info.parts[t.part_index] if info.parts else None
        if t.overtime > 0:
            label = translate("Projector", "Over time")
        elif not t.started:
            label = translate("Projector", "Ready: %1").replace("%1", part.name if part else "")
        else:
            label = part.name if part else ""
        if t.started and not t.running:
            label += "  ·  " + translate("Projector", "paused")
        ops.append(
            TextOp(
                QRectF(0, 478 * k, width, 70 * k),
                label,
                52 * k,
                colour if t.overtime > 0 else TEXT_SOFT,
                bold=True,
                align=Qt.AlignmentFlag.AlignCenter,
            )
        )
        ops.append(
            TextOp(
                QRectF(0, 540 * k, width, 300 * k),
                t.countdown_text(),
                280 * k,
                colour,
                bold=True,
                align=Qt.AlignmentFlag.AlignCenter,
            )
        )
        # The slot's parts as a timeline; the part now running is filled as time passes.
        total_min = sum(p.minutes for p in info.parts) or 1.0
        x = margin
        bar_w = width - 2 * margin
        y = 870 * k
        elapsed_min = t.elapsed / 60.0
        start = 0.0
        for i, p in enumerate(info.parts):
            w = bar_w * p.minutes / total_min
            seg = QRectF(x + 3 * k, y, w - 6 * k, 66 * k)
            ops.append(RectOp(seg, BAR_TRACK, 8 * k))
            done = min(max(elapsed_min - start, 0.0), p.minutes) / p.minutes
            if done > 0:
                fill_colour = colour if i == t.part_index else BADGE
                ops.append(
                    RectOp(
                        QRectF(seg.left(), seg.top(), seg.width() * done, seg.height()),
                        fill_colour,
                        8 * k,
                    )
                )
            minutes = f"{p.minutes:g}′"
            ops.append(
                TextOp(
                    seg,
                    self.fonts.elide(f"{p.name} {minutes}", 32 * k, True, seg.width() - 16 * k),
                    32 * k,
                    QColor("#0a0f1e") if i == t.part_index and done > 0.5 else TEXT,
                    bold=True,
                    align=Qt.AlignmentFlag.AlignCenter,
                )
            )
            x += w
            start += p.minutes
        if info.next_entry is not None:
            nxt = translate("Projector", "Next: %1").replace(
                "%1", f"{info.next_entry.title} — {info.next_entry.unit}"
            )
            ops.append(
                TextOp(
                    QRectF(margin, 960 * k, width - 2 * margin, 60 * k),
                    self.fonts.elide(nxt, 34 * k, False, width - 2 * margin),
                    34 * k,
                    TEXT_SOFT,
                )
            )

    # -- painting ---------------------------------------------------------------------------------

    def paint(self, painter: QPainter, width: float, height: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        for op in self.scene(width, height):
            painter.setOpacity(op.opacity)
            if isinstance(op, RectOp):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(op.color)
                if op.radius:
                    painter.drawRoundedRect(op.rect, op.radius, op.radius)
                else:
                    painter.fillRect(op.rect, op.color)
            else:
                painter.setFont(self.fonts.get(op.px, op.bold)[0])
                painter.setPen(op.color)
                flags = int(op.align) | (int(Qt.TextFlag.TextWordWrap) if op.wrap else 0)
                painter.drawText(op.rect, flags, op.text)
        painter.setOpacity(1.0)


# -- the window on the hall's screen ----------------------------------------------------------------


class ProjectorWindow(QWidget):
    """Frameless and full screen on the hall's screen, or a framed window beside the chair's
    when there is one screen; keys and clicks go to the controller."""

    closed = Signal()

    def __init__(self, controller: ProjectorController) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.controller = controller
        self.canvas = controller.canvas
        self.setWindowTitle(self.tr("Kolabik — projector"))
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        # Closing the laptop's main window quits the app even while the hall's screen is open.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.canvas.repaint_needed.connect(self.update)
        QGuiApplication.instance().screenRemoved.connect(self._screen_removed)  # type: ignore[union-attr]

    def _screen_removed(self, screen: QScreen) -> None:
        # An unplugged projector must not drop the board full screen onto the chair's laptop.
        if screen is self.screen() and QGuiApplication.screens():
            self.close()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.canvas.paint(painter, self.width(), self.height())
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.controller.handle_key(event.key()):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.controller.advance()

    def closeEvent(self, event: Any) -> None:
        self.closed.emit()
        super().closeEvent(event)

    def place_on(self, screen: QScreen) -> None:
        self.setScreen(screen)
        self.setGeometry(screen.geometry())

    def set_framed(self, framed: bool) -> None:
        """A frame and a pointer to move it by on the chair's own screen; neither in the hall."""
        flags = Qt.WindowType.Window
        if not framed:
            flags |= Qt.WindowType.FramelessWindowHint
        if self.windowFlags() != flags:
            self.setWindowFlags(flags)
        if framed:
            self.unsetCursor()
        else:
            self.setCursor(Qt.CursorShape.BlankCursor)

    def place_beside(self, screen: QScreen) -> None:
        """The right half of a single screen: the chair's window keeps the left."""
        self.setScreen(screen)
        area = screen.availableGeometry()
        half = area.width() // 2
        self.setGeometry(area.x() + area.width() - half, area.y(), half, area.height() * 2 // 3)


def saved_screen_name() -> str | None:
    value = QSettings().value(SETTINGS_SCREEN, "")
    return value if isinstance(value, str) and value else None


def pick_screen(saved_name: str | None) -> QScreen:
    """The saved screen if it is connected; otherwise the second screen; otherwise the primary."""
    screens = QGuiApplication.screens()
    for screen in screens:
        if saved_name and screen.name() == saved_name:
            return screen
    primary = QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not primary]
    return others[0] if others else primary


# -- the controller: what the room sees, decided from the laptop -------------------------------------


class ProjectorController(QObject):
    state_changed = Signal()  # mode, board, frozen or reveal position changed (the controls follow)

    def __init__(
        self,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
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
            codes = {c for c, _ in board_choices(context.scorer.event)}
            if self.board not in codes:
                self.board = FINAL
        self.frozen = False
        if self.mode == REVEAL:
            self.mode = FULL
        self.refresh(animate=False)
        self.state_changed.emit()

    def set_session(self, session: PresentationSession) -> None:
        self.session = session
        session.changed.connect(self._session_changed)

    def _read_event_name(self) -> None:
        assert self.context is not None
        with self.context.db.session() as s:
            ev = s.scalars(select(Event)).first()
            self.event_name = f"{ev.name}" if ev is not None else ""

    def _on_changed(self, change: Change) -> None:
        if change.kind in ("event", "all"):
            self._read_event_name()
        if change.kind in ("rubric", "entries", "event", "all"):
            self._keep_board_valid()
        if self.frozen or self.mode == REVEAL:
            self._stale = True
            return
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.refresh)

    def _keep_board_valid(self) -> None:
        # A stage or category the chair just deleted falls back to the final, overall board.
        assert self.context is not None
        event = self.context.scorer.event
        if self.board not in {code for code, _label in board_choices(event)}:
            self.board = FINAL
        if self.category and self.category not in category_choices(event):
            self.category = None
        self.state_changed.emit()

    def _session_changed(self) -> None:
        if self.mode == PRESENTING and not self.frozen:
            self.refresh()

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
        """Show the current choices: a reveal starts over, other modes redraw."""
        if self.mode == REVEAL:
            self._start_reveal()
        else:
            self.refresh()
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
            self.window = ProjectorWindow(self)
            self.window.closed.connect(self._window_closed)
            # The chair's menu shortcuts work while the projector has focus: a window shortcut
            # fires only in the windows its action was added to.
            self.window.addActions(self._host_actions())
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
        self.state_changed.emit()
        return self.window

    def _host_actions(self) -> list[QAction]:
        host = self.parent()
        if not isinstance(host, QMainWindow):
            return []
        found: list[QAction] = []
        menus = [a.menu() for a in host.menuBar().actions() if a.menu() is not None]
        while menus:
            for action in menus.pop().actions():
                if action.menu() is not None:
                    menus.append(action.menu())
                elif not action.shortcut().isEmpty():
                    found.append(action)
        return found

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
                    (s for s in self.context.scorer.event.stages if s.code == self.board), None
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

    def _progress_stage(self) -> Any:
        assert self.context is not None
        event = self.context.scorer.event
        stages = sorted(event.stages, key=lambda s: (s.position, s.id))
        chosen = next((s for s in stages if s.code == self.board), None)
        if chosen is None:
            weighted = [s for s in stages if s.weight > 0] or stages
            chosen = weighted[-1] if weighted else None
        return chosen

    def _progress_info(self) -> ProgressInfo:
        assert self.context is not None
        stage = self._progress_stage()
        if stage is None:
            return ProgressInfo("", ())
        event = self.context.scorer.event
        with self.context.db.session() as s:
            submitted = set(
                s.scalars(
                    select(Submission.juror_id).where(
                        Submission.stage_id == stage.id, Submission.submitted.is_(True)
                    )
                )
            )
        expected = {j for j, _e in stage.assignments} if stage.assignments is not None else None
        jurors = tuple(
            JurorProgress(j.name, j.id in submitted)
            for j in event.jurors
            if expected is None or j.id in expected
        )
        return ProgressInfo(stage.name, jurors)


# -- the laptop's controls --------------------------------------------------------------------------


class ProjectorPreview(QWidget):
    """What the hall sees, small, on the laptop (also when no second screen is connected)."""

    def __init__(self, canvas: BoardCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.setMinimumSize(240, 135)
        canvas.repaint_needed.connect(self.update)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width * 9 // 16

    def paintEvent(self, event: QPaintEvent) -> None:
        w = min(self.width(), self.height() * 16 / 9)
        h = w * 9 / 16
        painter = QPainter(self)
        painter.translate((self.width() - w) / 2, (self.height() - h) / 2)
        painter.setClipRect(QRectF(0, 0, w, h))
        self.canvas.paint(painter, w, h)
        painter.end()


class ProjectorControls(QWidget):
    """Open/close, screen, board, modes, reveal and export: the chair drives the hall from here."""

    def __init__(self, controller: ProjectorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.open_button = QPushButton()
        self.screen_box = QComboBox()
        self.board_box = QComboBox()
        self.category_box = QComboBox()
        self.top_spin = QSpinBox()
        self.top_spin.setRange(1, 50)
        self.top_spin.setValue(controller.top_n)
        self.mode_group = QButtonGroup(self)
        labels = {
            FULL: self.tr("Full board (Ctrl+Shift+1)"),
            RANKS: self.tr("Ranks without scores (Ctrl+Shift+2)"),
            PROGRESS: self.tr("Progress only (Ctrl+Shift+3)"),
            REVEAL: self.tr("Reveal, place by place (Ctrl+Shift+4)"),
            PRESENTING: self.tr("Now presenting (Ctrl+Shift+5)"),
        }
        self.mode_buttons: dict[str, QRadioButton] = {}
        modes_box = QVBoxLayout()
        for mode in MODES:
            button = QRadioButton(labels[mode])
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            modes_box.addWidget(button)
            button.toggled.connect(lambda on, m=mode: self._mode_chosen(m) if on else None)
        self.freeze_box = QCheckBox(self.tr("Freeze the board (F6)"))
        self.reveal_button = QPushButton(self.tr("Reveal next place (F7)"))
        self.keys_help = QLabel(
            self.tr(
                "On the projector itself: 1–5 switch modes, F freezes, Space or a click reveals "
                "the next place (or starts and pauses the clock), Backspace hides it again, "
                "← → change the finalist, Esc closes."
            )
        )
        self.keys_help.setWordWrap(True)
        self.reveal_label = QLabel()
        self.export_button = QPushButton(self.tr("Export board as PNG…"))

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Screen:")), 0, 0)
        grid.addWidget(self.screen_box, 0, 1)
        grid.addWidget(QLabel(self.tr("Ranking:")), 1, 0)
        grid.addWidget(self.board_box, 1, 1)
        grid.addWidget(QLabel(self.tr("Category:")), 2, 0)
        grid.addWidget(self.category_box, 2, 1)
        grid.addWidget(QLabel(self.tr("Places shown:")), 3, 0)
        grid.addWidget(self.top_spin, 3, 1)
        self.preview = ProjectorPreview(controller.canvas)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(self.open_button)
        layout.addLayout(grid)
        layout.addLayout(modes_box)
        layout.addWidget(self.freeze_box)
        reveal_row = QHBoxLayout()
        reveal_row.addWidget(self.reveal_button)
        reveal_row.addWidget(self.reveal_label)
        layout.addLayout(reveal_row)
        layout.addWidget(self.export_button)
        layout.addWidget(self.keys_help)
        layout.addStretch(1)

        self.open_button.clicked.connect(self.toggle_window)
        self.screen_box.activated.connect(self._screen_chosen)
        self.board_box.activated.connect(self._board_chosen)
        self.category_box.activated.connect(self._board_chosen)
        self.top_spin.valueChanged.connect(controller.set_top_n)
        self.freeze_box.toggled.connect(self._freeze_chosen)
        self.reveal_button.clicked.connect(controller.reveal_next)
        self.export_button.clicked.connect(self.export_png)
        controller.state_changed.connect(self.sync)
        QGuiApplication.instance().screenAdded.connect(self._fill_screens)  # type: ignore[union-attr]
        QGuiApplication.instance().screenRemoved.connect(self._fill_screens)  # type: ignore[union-attr]
        self._fill_screens()
        self.sync()

    def _mode_chosen(self, mode: str) -> None:
        if self.controller.mode != mode:
            self.controller.set_mode(mode)

    def _freeze_chosen(self, on: bool) -> None:
        if on != self.controller.frozen:
            self.controller.set_frozen(on)

    def toggle_window(self) -> None:
        if self.controller.is_open():
            self.controller.close_window()
        else:
            self.controller.open_window()

    def _fill_screens(self, *_: Any) -> None:
        self.screen_box.clear()
        chosen = pick_screen(saved_screen_name())
        for screen in QGuiApplication.screens():
            g = screen.geometry()
            self.screen_box.addItem(f"{screen.name()} ({g.width()}×{g.height()})", screen.name())
        self.screen_box.setCurrentIndex(max(0, self.screen_box.findData(chosen.name())))

    def _screen_chosen(self) -> None:
        name = self.screen_box.currentData()
        QSettings().setValue(SETTINGS_SCREEN, name)
        if self.controller.window is not None:
            screen = next((s for s in QGuiApplication.screens() if s.name() == name), None)
            if screen is not None:
                self.controller.open_window(screen)

    def _board_chosen(self) -> None:
        self.controller.set_board(
            self.board_box.currentData() or FINAL, self.category_box.currentData() or None
        )

    def sync(self) -> None:
        c = self.controller
        self.open_button.setText(
            self.tr("Close the projector (F5)")
            if c.is_open()
            else self.tr("Open the projector (F5)")
        )
        event = c.context.scorer.event if c.context is not None else None
        fill_board_boxes(self.board_box, self.category_box, event, c.board, c.category)
        for mode, button in self.mode_buttons.items():
            button.blockSignals(True)
            button.setChecked(mode == c.mode)
            button.blockSignals(False)
        self.freeze_box.blockSignals(True)
        self.freeze_box.setChecked(c.frozen)
        self.freeze_box.blockSignals(False)
        self.reveal_button.setEnabled(c.mode == REVEAL and c.reveal_remaining() > 0)
        self.reveal_label.setText(
            self.tr("%1 places still hidden").replace("%1", str(c.reveal_remaining()))
            if c.mode == REVEAL
            else ""
        )
        self.setEnabled(c.context is not None)

    def export_png(self) -> None:
        from kolabik_desktop.ui.board_export import export_board_png

        c = self.controller
        if c.context is None:
            return
        path, _ = get_save_file_name(
            self, self.tr("Export the board"), "papan-peringkat.png", self.tr("PNG image (*.png)")
        )
        if not path:
            return
        try:
            export_board_png(c, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Board not exported"), str(exc))


def install(window: Any) -> ProjectorController:
    """Issue 6 in the main window: the leaderboard dock, the projector and the presentation session."""
    from kolabik_desktop.ui import leaderboard, presentation

    leaderboard.install(window)
    controller = ProjectorController(window)
    session = presentation.install(window, show_on_projector=lambda: present())
    controller.set_session(session)

    dock = QDockWidget(window)
    dock.setObjectName("projector_dock")
    dock.setWindowTitle(translate("Projector", "Projector"))
    dock.setWidget(ProjectorControls(controller, dock))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    # One column on the right: the controls share it with the leaderboard, as tabs.
    window.tabifyDockWidget(window.leaderboard_dock, dock)
    dock.hide()

    def make_room() -> None:
        dock.raise_()
        if hasattr(window, "make_room"):
            window.make_room(dock)

    menu = window.menu_view.addMenu(translate("Projector", "Projector"))
    open_action = QAction(translate("Projector", "&Projector"), window)
    open_action.setShortcut(QKeySequence("F5"))
    open_action.setCheckable(True)

    def toggle_projector(on: bool) -> None:
        if on and not controller.is_open():
            controller.open_window()
            dock.show()
            make_room()
        elif not on and controller.is_open():
            controller.close_window()

    open_action.toggled.connect(toggle_projector)

    def present() -> None:
        """ "Tampilkan di proyektor": who is presenting now, on the projector, opened if need be."""
        controller.set_mode(PRESENTING)
        if not controller.is_open():
            open_action.setChecked(True)

    def follow_window() -> None:
        if open_action.isChecked() != controller.is_open():
            open_action.setChecked(controller.is_open())

    controller.state_changed.connect(follow_window)
    menu.addAction(open_action)
    controls_action = dock.toggleViewAction()
    controls_action.setText(translate("Projector", "Projector &controls"))
    controls_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
    controls_action.triggered.connect(lambda on: make_room() if on else None)
    menu.addAction(controls_action)
    menu.addSeparator()
    actions = [open_action, controls_action]
    for text, keys, slot in (
        (translate("Projector", "Full board"), "Ctrl+Shift+1", lambda: controller.set_mode(FULL)),
        (
            translate("Projector", "Ranks without scores"),
            "Ctrl+Shift+2",
            lambda: controller.set_mode(RANKS),
        ),
        (
            translate("Projector", "Progress only"),
            "Ctrl+Shift+3",
            lambda: controller.set_mode(PROGRESS),
        ),
        (
            translate("Projector", "Reveal place by place"),
            "Ctrl+Shift+4",
            lambda: controller.set_mode(REVEAL),
        ),
        (
            translate("Projector", "Now presenting"),
            "Ctrl+Shift+5",
            lambda: controller.set_mode(PRESENTING),
        ),
        (translate("Projector", "Freeze / unfreeze the board"), "F6", controller.toggle_frozen),
        (translate("Projector", "Reveal the next place"), "F7", controller.reveal_next),
    ):
        action = QAction(text, window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        actions.append(action)

    def opened(context: EventContext) -> None:
        chair = getattr(window, "mode", "chair") != "juror"
        controller.set_context(context if chair else None)
        for a in actions:
            a.setEnabled(chair)
        menu.menuAction().setVisible(chair)
        if not chair:
            controller.close_window()
            dock.hide()

    def closed() -> None:
        controller.close_window()
        controller.set_context(None)
        for a in actions:
            a.setEnabled(False)

    window.event_opened.connect(opened)
    window.event_closed.connect(closed)
    for a in actions:
        a.setEnabled(False)
    window.projector = controller
    window.projector_dock = dock
    return controller
