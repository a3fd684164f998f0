"""The application object: macOS file associations arrive as QFileOpenEvent, not as argv."""

from factories import make_event
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent

from kolabik_desktop.ui.app import install_file_open_handler
from kolabik_desktop.ui.import_dialog import ImportDialog
from kolabik_desktop.ui.main_window import MainWindow


def _post_open(qapp, path) -> None:
    QCoreApplication.postEvent(qapp, QFileOpenEvent(str(path)))
    QCoreApplication.processEvents()


def test_file_open_events_open_events_and_hand_score_packages_to_the_import(qtbot, qapp, tmp_path):
    first, second = tmp_path / "kota.kolabik", tmp_path / "kabupaten.kolabik"
    make_event(first, entries=6)[0].close()
    make_event(second, entries=4)[0].close()
    handler = install_file_open_handler(qapp)
    assert install_file_open_handler(qapp) is handler  # one per application
    window = MainWindow()
    qtbot.addWidget(window)
    try:
        _post_open(qapp, first)  # Finder opens the app with a file before the window is ready
        assert window.context is None
        handler.set_target(window.open_dropped)
        assert window.context is not None and window.context.db.path == first
        _post_open(qapp, second)  # double-clicking another event file switches to it
        assert window.context.db.path == second
        package = tmp_path / "KOTA-J1.kolabik-scores"
        package.write_bytes(b"not really a package")
        _post_open(qapp, package)
        assert isinstance(
            window.features.import_scores.dialog, ImportDialog
        )  # the chair's import takes it
        assert window.context.db.path == second
        window.features.import_scores.dialog.reject()
    finally:
        qapp.removeEventFilter(handler)
        handler.deleteLater()
        window.close()
