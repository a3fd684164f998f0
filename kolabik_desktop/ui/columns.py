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
        table.viewport().installEventFilter(self)

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        used = sum(header.sectionSize(c) for c in self.keep if not header.isSectionHidden(c))
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
