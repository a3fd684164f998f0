"""Qt's own buttons (QMessageBox Yes/No, dialog Cancel) speak Indonesian too."""

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from kolabik_desktop.ui import i18n


def test_standard_buttons_are_indonesian(qapp):
    i18n.install_translator(qapp, "id")
    try:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "t",
            "x",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        assert box.button(QMessageBox.StandardButton.Yes).text() == "&Ya"
        assert box.button(QMessageBox.StandardButton.No).text() == "&Tidak"
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
    finally:
        i18n.install_translator(qapp, "en")
