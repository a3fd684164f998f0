"""File > Export juror kits (chair mode): one EVENT-JUROR.kolabik-kit per chosen juror.

The kits are written off the GUI thread; a juror's signing key is made on their first kit.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.ui.file_dialogs import get_existing_directory
from kolabik_desktop.ui.host import MODE_CHAIR, MODE_JUROR
from kolabik_desktop.ui.workers import run_task

if TYPE_CHECKING:
    from kolabik_desktop.ui.host import WindowHost

FOLDER_KEY = "kit_folder"
ALL_OPEN = ""  # the stage combo's data for "the current stage"


class KitExportDialog(QDialog):
    """Choose a folder, the stage(s) and the jurors; Export writes the kits."""

    exported = Signal(object)  # list[Path]

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        from kolabik_desktop.core.store.queries.kits import kit_choices

        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Export juror kits"))
        self.resize(520, 460)
        choices = kit_choices(context.db)
        current = choices.current
        stages = [(st.code, st.name) for st in choices.stages]
        jurors = [(j.code, j.name) for j in choices.jurors]

        self.folder = QLineEdit(str(QSettings().value(FOLDER_KEY, "") or ""), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        self.stage = QComboBox(self)
        self.stage.addItem(self.tr("Current stage ({0})").format(" ".join(current)), ALL_OPEN)
        for code, name in stages:
            self.stage.addItem(f"{code} — {name}", code)

        self.jurors = QListWidget(self)
        for code, name in jurors:
            item = QListWidgetItem(f"{code} — {name}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.jurors.addItem(item)

        self.note = QLabel(
            self.tr(
                "Each kit holds the rubric, the entries of the stage and that juror's own "
                "data only. Give each juror their own file."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(self.tr("Stage:"), self.stage)
        form.addRow(self.tr("Jurors:"), self.jurors)
        box = QVBoxLayout(self)
        box.addLayout(form, 1)
        box.addWidget(self.note)
        box.addWidget(self.progress)
        box.addWidget(self.buttons)

    def _browse(self) -> None:
        folder = get_existing_directory(
            self, self.tr("Folder for the juror kits"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def chosen_jurors(self) -> list[str]:
        return [
            self.jurors.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.jurors.count())
            if self.jurors.item(i).checkState() == Qt.CheckState.Checked
        ]

    def export(self) -> None:
        folder = Path(self.folder.text().strip())
        codes = self.chosen_jurors()
        if not self.folder.text().strip() or not folder.is_dir():
            self.note.setText(self.tr("Choose an existing folder for the kits."))
            return
        if not codes:
            self.note.setText(self.tr("Choose at least one juror."))
            return
        QSettings().setValue(FOLDER_KEY, str(folder))
        stage = self.stage.currentData()
        stages = [stage] if stage else None
        from kolabik_desktop.core.exchange.kits import export_kits

        db = self.context.db
        self.export_button.setEnabled(False)
        self.progress.setRange(0, len(codes))
        self.progress.setValue(0)
        self.progress.show()
        run_task(
            lambda progress: export_kits(
                db, folder, juror_codes=codes, stages=stages, progress=progress
            ),
            self._done,
            self._failed,
            lambda done, _total, _text: self.progress.setValue(done),
            db=db,
        )

    def _done(self, paths: list[Path]) -> None:
        self.exported.emit(paths)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        self.progress.hide()
        self.note.setText(self.tr("The kits were not written: {0}").format(exc))


class KitExportFeature:
    """File > Export juror kits… (chair mode)."""

    def __init__(self, host: WindowHost) -> None:
        window = host.widget
        action = QAction(QCoreApplication.translate("KitExport", "Export juror &kits…"), window)
        action.setEnabled(False)
        self.action = action
        self.dialog: KitExportDialog | None = None

        def on_trigger() -> None:
            if host.context is None or host.mode != MODE_CHAIR:
                return
            dialog = KitExportDialog(host.context, window)
            dialog.exported.connect(
                lambda paths: host.show_status(
                    QCoreApplication.translate(
                        "KitExport", "{0} juror kit(s) written to {1}."
                    ).format(len(paths), paths[0].parent if paths else ""),
                    15000,
                )
            )
            self.dialog = dialog
            dialog.setModal(True)
            dialog.show()

        def on_mode(*_args: object) -> None:
            action.setEnabled(host.context is not None and host.mode == MODE_CHAIR)
            action.setVisible(host.mode != MODE_JUROR)

        action.triggered.connect(on_trigger)
        host.add_action("file", action)
        host.event_opened.connect(on_mode)
        host.event_closed.connect(on_mode)
