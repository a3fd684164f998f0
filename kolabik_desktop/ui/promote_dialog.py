"""File > Send to the next level: the winners become entries of the next level's event.

The dialog shows who goes on (the awarded places of the chosen ranking, as the certificates
print them), asks before promoting from a provisional ranking, then runs ``promote`` off the GUI
thread. The work itself (idempotence, provenance, refusals) is core's: core/exchange/promote.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.scoring.model import FINAL
from kolabik_desktop.core.store.db import EventDB
from kolabik_desktop.ui.file_dialogs import get_save_file_name
from kolabik_desktop.ui.i18n import localize_number_text
from kolabik_desktop.ui.problems import error_text
from kolabik_desktop.ui.workers import run_task

if TYPE_CHECKING:
    from kolabik_desktop.ui.context import EventContext
    from kolabik_desktop.ui.host import WindowHost


class PromoteDialog(QDialog):
    """Pick the ranking, how many go on and the next event's file; then send them."""

    promoted = Signal(object)  # PromoteResult
    failed = Signal(str)

    def __init__(self, db: EventDB, parent: QWidget | None = None):
        super().__init__(parent)
        from kolabik_desktop.core.reports import load_report_data
        from kolabik_desktop.core.templates import TEMPLATES

        self.db = db
        self.data: Any = load_report_data(db, with_notes=False)
        self.setWindowTitle(self.tr("Send to the next level"))
        self.stage = QComboBox()
        weighted = any(s.weight > 0 for s in self.data.event.stages)
        if weighted:
            self.stage.addItem(self.tr("Final result"), FINAL)
        for s in self.data.event.stages:
            self.stage.addItem(f"{s.code} — {s.name}", s.code)
        self.top_n = QSpinBox()
        self.top_n.setRange(1, 10000)
        self.top_n.setValue(self.data.awards.count)
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("the next level's event file (.kolabik)"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        self.template = QComboBox()
        self.template.addItem(self.tr("No rubric"), None)
        for name, template in sorted(TEMPLATES.items()):
            # Composed from the template's stages (data) in the user's language; the core's
            # description is English prose for the CLI's --help.
            stages = " + ".join(
                self.tr("%1 %2 (weight %3%)")
                .replace("%1", st.code)
                .replace("%2", st.name)
                .replace("%3", str(st.weight))
                for st in template.stages
            )
            self.template.addItem(f"{name} — {stages}", name)
        self.winners = QListWidget()
        self.status = QLabel("")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Ranking:"), self.stage)
        form.addRow(self.tr("Places going on:"), self.top_n)
        form.addRow(self.tr("Next event:"), target_row)
        form.addRow(self.tr("Rubric of a new event:"), self.template)
        self.buttons = QDialogButtonBox()
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setDefault(True)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.send_button.clicked.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Going on (no juror's score goes with them):")))
        layout.addWidget(self.winners, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.stage.currentIndexChanged.connect(self.refresh)
        self.top_n.valueChanged.connect(self.refresh)
        self.resize(640, 520)
        self.awards: Any = None
        self.refresh()

    def refresh(self, *_: object) -> None:
        """List who goes on with the current choices."""
        from kolabik_desktop.core.exchange.promote import plan_promotion

        self.winners.clear()
        self.awards = None
        try:
            plan = plan_promotion(
                self.data, stage=self.stage.currentData(), top_n=self.top_n.value()
            )
        except KolabikError as exc:
            self.status.setText(error_text(exc))
            self.send_button.setEnabled(False)
            return
        self.awards = plan.awards
        for award in plan.awards.rows:
            row = award.row
            self.winners.addItem(
                f"{award.rank}. {row.entry.code} · {row.entry.title} — {award.place} "
                f"({localize_number_text(row.display)})"
            )
        notes = []
        if plan.awards.short:
            notes.append(
                self.tr("Only %1 entries are ranked: all of them go on.").replace(
                    "%1", str(plan.awards.ranked)
                )
            )
        if plan.awards.provisional:
            notes.append(self.tr("The ranking is still provisional."))
        self.status.setText(" ".join(notes))
        self.send_button.setEnabled(True)

    def choose_target(self) -> None:
        base = QSettings().value("last_report_folder", str(Path.home()))
        path, _ = get_save_file_name(
            self,
            self.tr("Next level's event"),
            str(Path(str(base)) / "tingkat-berikutnya.kolabik"),
            self.tr("Kolabik event (*.kolabik)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # adding to an event is the point
        )
        if path:
            self.target.setText(path)

    def confirm_provisional(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Provisional ranking"),
            self.tr(
                "The ranking is still provisional: %1 entries are not scored by every juror yet. "
                "Send the winners on anyway?"
            ).replace("%1", str(len(self.awards.provisional))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def send(self) -> None:
        from kolabik_desktop.core.exchange.promote import promote

        target_text = self.target.text().strip()
        if not target_text:
            self.status.setText(self.tr("Choose the next level's event file first."))
            return
        if self.awards is None:
            return
        confirmed = False
        if self.awards.provisional:
            if not self.confirm_provisional():
                return
            confirmed = True
        source, target = self.db.path, Path(target_text)
        stage, top_n = self.stage.currentData(), self.top_n.value()
        template = self.template.currentData()
        self.send_button.setEnabled(False)
        self.status.setText(self.tr("Sending…"))

        def work(progress: Any) -> Any:
            return promote(
                source,
                target,
                top_n=top_n,
                stage=stage,
                template=template,
                confirmed=confirmed,
                progress=progress,
            )

        run_task(work, self._done, self._failed, db=self.db)

    def _done(self, result: Any) -> None:
        self.send_button.setEnabled(True)
        self.status.setText(
            self.tr("%1: %2 entries added, %3 already there.")
            .replace("%1", result.target.name)
            .replace("%2", str(len(result.added)))
            .replace("%3", str(len(result.present)))
        )
        self.promoted.emit(result)

    def _failed(self, exc: Exception) -> None:
        self.send_button.setEnabled(True)
        message = (
            error_text(exc)
            if isinstance(exc, KolabikError)
            else self.tr("Could not send: %1").replace("%1", error_text(exc))
        )
        self.status.setText(message)
        self.failed.emit(message)


class PromoteFeature:
    """File > Send to the next level…, for the chair's event (not a juror's kit)."""

    def __init__(self, host: WindowHost) -> None:
        window = host.widget
        action = QAction(
            QCoreApplication.translate("PromoteDialog", "Send to the &next level…"), window
        )
        action.setEnabled(False)

        def enable(context: EventContext | None) -> None:
            action.setEnabled(
                context is not None and context.db.kind == "event" and not context.db.read_only
            )

        def open_dialog() -> None:
            if host.context is None:
                return
            try:
                dialog = PromoteDialog(host.context.db, window)
            except KolabikError as exc:
                QMessageBox.warning(window, action.text(), error_text(exc))
                return
            dialog.exec()
            dialog.deleteLater()

        action.triggered.connect(open_dialog)
        enable(host.context)
        host.event_opened.connect(enable)
        host.event_closed.connect(lambda: action.setEnabled(False))
        host.add_action("file", action)
        self.action = action
