"""Painting the board: a *scene* of rectangles and texts built from the current view state.

Painting and the tests' ``display_text()`` / ``visible_rows()`` read the same scene, so a test sees
exactly what the room would see. The same canvas paints the projector window, the laptop's
preview, the export PNG and the benchmark frames; it owns no window and reads no event.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QObject,
    QRectF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter

from kolabik_desktop.core.paths import resource_path
from kolabik_desktop.ui.projector.state import DEFAULT_TOP_N, BoardLine, ProgressInfo

if TYPE_CHECKING:
    from kolabik_desktop.ui.presentation import PresentingInfo

NEW_MARK_SECONDS = 20.0  # how long a new arrival stays marked
GLIDE_MS = 700

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

    def _step(self, value: object) -> None:
        self._t = float(value)  # type: ignore[arg-type]  # QVariantAnimation's value: a float
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
