"""Tables in narrow panes: the columns a user reads first stay in view without scrolling.

A table in a dock or a splitter pane is often narrower than all its columns. ``keep_in_view``
gives one flexible column (the title) whatever width the viewport leaves beside the columns that
must show with it (rank, score, status), never less than a readable minimum; further columns
follow to the right, reachable by scrolling.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView


class FlexColumn(QObject):
    """Keeps one column sized to what the viewport leaves; ``fit()`` after resizing a kept one."""

    def __init__(self, table: QTableView, flex: int, keep: Sequence[int], min_width: int) -> None:
        super().__init__(table)
        self.table = table
        self.flex = flex
        self.keep = tuple(keep)
        self.min_width = min_width
        self.wanted: dict[int, tuple[int, int]] = {}
        table.viewport().installEventFilter(self)

    def grow(self, column: int, base: int, wanted: int) -> None:
        """A kept column is ``base`` wide, and up to ``wanted`` where the viewport has room
        beyond the flexible column's readable start (twice its minimum): a long status shows
        whole in a wide dock and is elided, not pushed out of view, in a narrow one."""
        self.wanted[column] = (base, max(base, wanted))
        self.fit()

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        shown = [c for c in self.keep if not header.isSectionHidden(c)]
        if self.wanted:
            sizes = {
                c: self.wanted[c][0] if c in self.wanted else header.sectionSize(c) for c in shown
            }
            spare = self.table.viewport().width() - sum(sizes.values()) - 2 * self.min_width
            for col, (base, wanted) in self.wanted.items():
                extra = max(0, min(wanted - base, spare))
                spare -= extra
                if col in sizes and header.sectionSize(col) != base + extra:
                    header.resizeSection(col, base + extra)
        used = sum(header.sectionSize(c) for c in shown)
        width = max(self.min_width, self.table.viewport().width() - used)
        if header.sectionSize(self.flex) != width:
            header.resizeSection(self.flex, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False


def keep_in_view(
    table: QTableView, flex: int, keep: Sequence[int], min_chars: int = 12
) -> FlexColumn:
    """Size column ``flex`` so that it and ``keep`` fill the viewport, on every resize.

    The caller orders the header so that ``keep`` and ``flex`` come first (moveSection)."""
    min_width = table.fontMetrics().horizontalAdvance("M" * min_chars)
    fitter = FlexColumn(table, flex, keep, min_width)
    fitter.fit()
    return fitter
