"""File > Import scores and drag-and-drop: verify packages, show what they change, then apply.

Reading, verifying and applying run off the GUI thread (ui.workers.run_task); the dialog shows
one line per package (new, changed, unchanged, or why it was refused) and applies on Apply.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.exchange.names import PACKAGE_SUFFIX
from kolabik_desktop.ui.file_dialogs import get_open_file_names
from kolabik_desktop.ui.host import MODE_CHAIR, MODE_JUROR
from kolabik_desktop.ui.problems import error_text, problem_text
from kolabik_desktop.ui.workers import run_task

if TYPE_CHECKING:
    from kolabik_desktop.core.exchange.merge import ImportPlan
    from kolabik_desktop.ui.host import WindowHost

_Index = QModelIndex | QPersistentModelIndex


class ImportPlanModel(QAbstractTableModel):
    """One row per package: file, juror, new, changed, unchanged, and its status."""

    FILE, JUROR, NEW, CHANGED, UNCHANGED, STATUS = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._plan: ImportPlan | None = None

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self._plan = plan
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self._plan is None else len(self._plan.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("File"),
            self.tr("Juror"),
            self.tr("New"),
            self.tr("Changed"),
            self.tr("Unchanged"),
            self.tr("Status"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._plan is None or not index.isValid():
            return None
        item = self._plan.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.FILE:
                return item.filename
            if col == self.JUROR:
                return item.juror_code
            if col in (self.NEW, self.CHANGED, self.UNCHANGED):
                return "" if item.refused else (item.new, item.changed, item.unchanged)[col - 2]
            if col == self.STATUS:
                return self._status(item)
        if role == Qt.ItemDataRole.ToolTipRole and item.refused:
            return "\n".join(problem_text(p) for p in item.problems)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS and item.refused:
            return QColor("#b00020")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            self.NEW,
            self.CHANGED,
            self.UNCHANGED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _status(self, item: Any) -> str:
        if item.refused:
            reasons = "; ".join(problem_text(p, with_place=False) for p in item.problems[:3])
            return self.tr("Refused: {0}").format(reasons)
        parts = []
        if item.comments:
            parts.append(self.tr("{0} comment(s)").format(item.comments))
        if item.submissions:
            parts.append(self.tr("{0} submission(s)").format(item.submissions))
        if item.already_imported:
            parts.append(self.tr("imported before"))
        for stage, count in sorted(item.locked.items()):
            parts.append(
                self.tr("stage {0} is submitted: {1} change(s) refused until you reopen it").format(
                    stage, count
                )
            )
        if not item.juror_signed:
            parts.append(self.tr("NOT juror-signed (old package format)"))
        elif item.new_key:
            parts.append(
                self.tr("juror's key {0} (first package: now trusted)").format(item.key_fingerprint)
            )
        else:
            parts.append(self.tr("signed with juror's key {0}").format(item.key_fingerprint))
        return ", ".join(parts) or self.tr("OK")


def summary_text(plan: ImportPlan) -> str:
    return QCoreApplication.translate(
        "ImportDialog", "{0} new, {1} changed, {2} unchanged scores; {3} package(s) refused."
    ).format(plan.new, plan.changed, plan.unchanged, plan.refused)


class ImportDialog(QDialog):
    """Verifies the given packages, shows the summary, applies on confirmation."""

    applied = Signal(object)  # the ImportPlan as applied

    def __init__(self, context: Any, paths: list[Path], parent: QWidget | None = None) -> None:
        from kolabik_desktop.core.exchange.merge import prepare_import

        super().__init__(parent)
        self.context = context
        self.paths = [Path(p) for p in paths]
        self.plan: ImportPlan | None = None
        self.setWindowTitle(self.tr("Import scores"))
        self.resize(960, 380)
        self.model = ImportPlanModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # Long package names lose their middle (the juror and time stay); reasons wrap in full.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ImportPlanModel.FILE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ImportPlanModel.FILE, 300)
        header.setStretchLastSection(True)
        self.summary = QLabel(self.tr("Checking {0} file(s)…").format(len(self.paths)), self)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.apply_button: QPushButton = self.buttons.addButton(
            self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addWidget(self.buttons)
        db, paths_ = context.db, list(self.paths)
        run_task(lambda _progress: prepare_import(db, paths_), self._planned, self._failed, db=db)

    def _planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.model.set_plan(plan)
        self.table.resizeRowsToContents()
        text = summary_text(plan)
        if not plan.has_changes:
            text += "\n" + self.tr("Nothing to apply.")
        self.summary.setText(text)
        self.apply_button.setEnabled(plan.has_changes)

    def _failed(self, exc: Exception) -> None:
        self.summary.setText(self.tr("The import failed: {0}").format(error_text(exc)))
        self.apply_button.setEnabled(False)

    def apply(self) -> None:
        from kolabik_desktop.core.exchange.merge import apply_import

        if self.plan is None or not self.plan.has_changes:
            return
        self.apply_button.setEnabled(False)
        self.summary.setText(self.tr("Applying…"))
        db, plan = self.context.db, self.plan
        run_task(lambda _progress: apply_import(db, plan), self._done, self._failed, db=db)

    def _done(self, plan: ImportPlan) -> None:
        self.applied.emit(plan)
        self.accept()


def import_paths(host: WindowHost, paths: list[Path]) -> ImportDialog | None:
    """Open the import dialog for these files (chair mode only)."""
    window = host.widget
    if host.context is None or host.mode != MODE_CHAIR:
        QMessageBox.information(
            window,
            QCoreApplication.translate("ImportDialog", "Import scores"),
            QCoreApplication.translate(
                "ImportDialog",
                "Score packages are imported into the chair's event file. Open it first.",
            ),
        )
        return None
    dialog = ImportDialog(host.context, paths, window)
    dialog.applied.connect(
        lambda plan: host.show_status(
            QCoreApplication.translate("ImportDialog", "Imported: {0}").format(summary_text(plan)),
            10000,
        )
    )
    dialog.setModal(True)
    dialog.show()
    return dialog


class ImportFeature:
    """File > Import scores…, and dropping .kolabik-scores files on the window."""

    def __init__(self, host: WindowHost) -> None:
        window = host.widget
        action = QAction(QCoreApplication.translate("ImportDialog", "&Import scores…"), window)
        action.setShortcut(QKeySequence("Ctrl+I"))
        action.setEnabled(False)
        self.action = action
        self.dialog: ImportDialog | None = None

        def choose() -> None:
            files, _ = get_open_file_names(
                window,
                QCoreApplication.translate("ImportDialog", "Import score packages"),
                "",
                QCoreApplication.translate(
                    "ImportDialog", "Score packages (*{0});;All files (*)"
                ).format(PACKAGE_SUFFIX),
            )
            if files:
                self.dialog = import_paths(host, [Path(f) for f in files]) or self.dialog

        def on_drop(paths: list[Path]) -> bool:
            packages = [p for p in paths if p.name.endswith(PACKAGE_SUFFIX)]
            if not packages:
                return False
            self.dialog = import_paths(host, packages) or self.dialog
            return True

        def on_mode(*_args: object) -> None:
            action.setEnabled(host.context is not None and host.mode == MODE_CHAIR)
            action.setVisible(host.mode != MODE_JUROR)

        action.triggered.connect(choose)
        host.add_action("file", action)
        host.add_drop_handler(on_drop)
        host.event_opened.connect(on_mode)
        host.event_closed.connect(on_mode)
