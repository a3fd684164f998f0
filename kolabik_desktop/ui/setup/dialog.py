"""The Setup window: every part of the competition's set-up, one tab each (chair mode only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from kolabik_desktop.ui.setup.event_tab import EventTab
from kolabik_desktop.ui.setup.people_tabs import CategoriesTab, ConflictsTab, EntriesTab, JurorsTab
from kolabik_desktop.ui.setup.rubric_tab import RubricTab
from kolabik_desktop.ui.setup.stage_tabs import AdvanceTab, AssignmentsTab, DecisionsTab
from kolabik_desktop.ui.setup.stages_tab import StagesTab

if TYPE_CHECKING:
    from kolabik_desktop.ui.context import EventContext


class SetupDialog(QDialog):
    def __init__(self, context: EventContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Competition setup"))
        self.context = context
        self.tabs = QTabWidget()
        self.event_tab = EventTab(context)
        self.stages_tab = StagesTab(context)
        self.rubric_tab = RubricTab(context)
        self.categories_tab = CategoriesTab(context)
        self.entries_tab = EntriesTab(context)
        self.jurors_tab = JurorsTab(context)
        self.conflicts_tab = ConflictsTab(context)
        self.assignments_tab = AssignmentsTab(context)
        self.advance_tab = AdvanceTab(context)
        self.decisions_tab = DecisionsTab(context)
        for tab, title in (
            (self.event_tab, self.tr("Event")),
            (self.stages_tab, self.tr("Stages")),
            (self.rubric_tab, self.tr("Rubric")),
            (self.categories_tab, self.tr("Categories")),
            (self.entries_tab, self.tr("Entries")),
            (self.jurors_tab, self.tr("Jurors")),
            (self.conflicts_tab, self.tr("Conflicts of interest")),
            (self.assignments_tab, self.tr("Assignments")),
            (self.advance_tab, self.tr("Advance to next stage")),
            (self.decisions_tab, self.tr("Jury decisions")),
        ):
            self.tabs.addTab(tab, title)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.event_tab.reload()
        self.resize(1100, 720)
