"""The first start's language chooser: Bahasa Indonesia or English, before the main window.

The first start (no language saved yet) is in Bahasa Indonesia whatever the system's locale; this
small window asks once, saves the choice (QSettings "language", as Settings › Language does) and
loads it before the main window is built, so the window opens in it without a restart. It is not
modal: the application's event loop runs it, and closing it keeps Bahasa Indonesia.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from kolabik_desktop.ui import i18n


def first_run() -> bool:
    """No language saved yet: the program has not been started here before."""
    return not QSettings().contains(i18n.SETTINGS_KEY)


class LanguageChooser(QDialog):
    """Two big buttons, one per language, each in its own language."""

    def __init__(self, on_chosen: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_chosen = on_chosen
        self.chosen: str | None = None
        self.setWindowTitle(self.tr("Choose a language"))
        title = QLabel(self.tr("Welcome to Kolabik Desktop"))
        font = title.font()
        font.setPointSize(14)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        hint = QLabel(
            self.tr("Choose the language of the program. You can change it later in Settings.")
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        self.buttons: dict[str, QPushButton] = {}
        for code, name in i18n.LANGUAGES.items():
            button = QPushButton(name)
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _checked=False, c=code: self.choose(c))
            layout.addWidget(button)
            self.buttons[code] = button
        self.buttons[i18n.INDONESIAN].setDefault(True)
        self.buttons[i18n.INDONESIAN].setFocus(Qt.FocusReason.OtherFocusReason)
        self.setMinimumWidth(420)

    def choose(self, lang: str) -> None:
        """Save and load ``lang``, then go on (once)."""
        if self.chosen is not None:
            return
        self.chosen = lang
        i18n.set_language(lang)
        QSettings().sync()
        app = QCoreApplication.instance()
        if app is not None:
            i18n.install_translator(app, lang)
        self._on_chosen(lang)  # the main window shows before this one hides: the app never quits
        self.hide()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closed without a choice: Bahasa Indonesia, the first language.
        self.choose(i18n.INDONESIAN)
        super().closeEvent(event)

    def reject(self) -> None:  # Esc
        self.choose(i18n.INDONESIAN)
