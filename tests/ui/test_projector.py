"""Issue 6: the projector shows what the panel decided to show, and nothing more."""

from decimal import Decimal

import pytest
from factories import make_event
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QImage

from kolabik_desktop.core.errors import KolabikError
from kolabik_desktop.core.store import services
from kolabik_desktop.ui.context import EventContext
from kolabik_desktop.ui.projector import (
    FULL,
    PRESENTING,
    PROGRESS,
    RANKS,
    REVEAL,
    ProjectorController,
    TextOp,
    pick_screen,
)
from kolabik_desktop.ui.projector.export import export_board_png

P1_SCORED = ("LBT", "KEB", "IMP", "SIG", "ADP", "SDA", "KEL")


@pytest.fixture
def proj(qtbot, tmp_path):
    db, ids = make_event(tmp_path / "x.kolabik", entries=20, jurors=5)
    context = EventContext(db)
    controller = ProjectorController()
    controller.set_context(context)
    controller.set_board("P1")
    yield controller, context, ids
    controller.close_window()
    context.close()


def _board(context):
    return [r for r in context.scorer.leaderboard("P1").rows if r.rank is not None]


def _set_entry(context, ids, entry_id, value):
    for juror in ids.jurors:
        if (juror, entry_id) == ids.conflict:
            continue
        for code in P1_SCORED:
            services.set_score(
                context.db,
                juror_id=juror,
                entry_id=entry_id,
                criterion_id=ids.criteria[("P1", code)],
                value=Decimal(value),
            )


def test_full_mode_shows_top_ten_with_scores(proj):
    controller, context, _ids = proj
    rows = _board(context)[:10]
    shown = controller.canvas.visible_rows()
    assert [(ln.rank, ln.title, ln.unit, ln.score) for ln in shown] == [
        (str(r.rank), r.entry.title, r.entry.unit, r.display) for r in rows
    ]
    assert all(ln.bar is not None and 0 < ln.bar <= 1 for ln in shown)
    text = controller.canvas.display_text()
    assert rows[0].display in text and rows[0].entry.title in text
    assert _board(context)[10].entry.title not in text


def test_row_text_is_at_least_32px_at_1920x1080(proj):
    controller, _context, _ids = proj
    for mode in (FULL, RANKS):
        controller.set_mode(mode)
        row_texts = [
            op
            for op in controller.canvas.scene(1920, 1080, at=1.0)
            if isinstance(op, TextOp) and op.rect.top() >= 172 and op.text
        ]
        assert len(row_texts) >= 30
        assert min(op.px for op in row_texts) >= 32


def test_ranks_mode_hides_every_score(proj):
    controller, context, _ids = proj
    controller.set_mode(RANKS)
    shown = controller.canvas.visible_rows()
    assert len(shown) == 10
    assert all(ln.score == "" and ln.bar is None for ln in shown)
    text = " ".join(controller.canvas.display_text())
    for row in context.scorer.leaderboard("P1").rows:
        assert row.display not in text
    assert [ln.rank for ln in shown] == [str(r.rank) for r in _board(context)[:10]]


def test_progress_mode_shows_submissions_and_no_values(qtbot, proj):
    controller, context, ids = proj
    controller.set_mode(PROGRESS)
    assert controller.canvas.visible_rows() == []
    assert "0 / 5" in controller.canvas.display_text()
    with qtbot.waitSignal(context.changed, timeout=1000):
        services.set_submitted(
            context.db, juror_id=ids.jurors[3], stage_id=ids.stages["P1"], submitted=True
        )
    qtbot.waitUntil(lambda: "1 / 5" in controller.canvas.display_text(), timeout=1000)
    text = " ".join(controller.canvas.display_text())
    assert "Juri 4" in text and "submitted" in text
    for row in context.scorer.leaderboard("P1").rows:
        assert row.display not in text
        assert row.entry.title not in text


def test_board_moves_on_a_score_change_and_marks_new_arrivals(qtbot, proj):
    controller, context, ids = proj
    outsider = _board(context)[15].entry.id
    leaving = _board(context)[9].entry.id
    _set_entry(context, ids, outsider, 100)
    qtbot.waitUntil(lambda: controller.canvas.visible_rows()[0].entry_id == outsider, timeout=1000)
    top = controller.canvas.visible_rows()
    assert top[0].rank == "1" and top[0].new
    assert sum(ln.new for ln in top) == 1
    assert leaving not in [ln.entry_id for ln in top]
    # Rows glide: at the start of the animation the new leader is still below the board.
    track = controller.canvas.state.tracks[outsider]
    assert track.y0 >= 10 and track.y1 == 0
    assert "NEW" in controller.canvas.display_text()
    assert outsider_title(context, outsider) not in controller.canvas.display_text(at=0.0)


def test_switching_boards_or_modes_marks_nothing_new(proj):
    controller, _context, _ids = proj
    for step in (
        lambda: controller.set_board("final"),
        lambda: controller.set_mode(RANKS),
        lambda: controller.set_board("P1"),
        lambda: controller.set_top_n(15),
        lambda: controller.set_mode(REVEAL),
        controller.reveal_next,
        lambda: controller.set_mode(FULL),
    ):
        step()
        assert not any(ln.new for ln in controller.canvas.visible_rows())
    assert "NEW" not in controller.canvas.display_text()


def outsider_title(context, entry_id):
    return next(e.title for e in context.scorer.event.entries if e.id == entry_id)


def test_frozen_board_holds_still_until_released(qtbot, proj):
    controller, context, ids = proj
    controller.set_frozen(True)
    before = controller.canvas.visible_rows()
    outsider = _board(context)[15].entry.id
    _set_entry(context, ids, outsider, 100)
    qtbot.wait(50)
    assert controller.canvas.visible_rows() == before
    controller.set_frozen(False)
    assert controller.canvas.visible_rows()[0].entry_id == outsider


def test_reveal_goes_from_place_n_up_to_1(qtbot, proj):
    controller, context, _ids = proj
    controller.set_top_n(5)
    controller.set_mode(REVEAL)
    assert controller.canvas.visible_rows() == []
    assert controller.reveal_remaining() == 5
    # Empty places show only their number.
    assert set(controller.canvas.display_text()) >= {"1", "2", "3", "4", "5"}
    order = []
    window = controller.open_window()
    qtbot.waitExposed(window)
    for i in range(5):
        if i % 2:
            qtbot.keyClick(window, Qt.Key.Key_Space)
        else:
            qtbot.mouseClick(window, Qt.MouseButton.LeftButton)
        shown = controller.canvas.visible_rows()
        assert len(shown) == i + 1
        order.append(shown[0].rank)
    assert order == ["5", "4", "3", "2", "1"]
    assert [ln.title for ln in controller.canvas.visible_rows()] == [
        r.entry.title for r in _board(context)[:5]
    ]
    controller.reveal_next()  # nothing left to reveal
    assert len(controller.canvas.visible_rows()) == 5
    controller.reveal_back()
    assert len(controller.canvas.visible_rows()) == 4


def test_window_keys_switch_modes_and_escape_closes(qtbot, proj):
    controller, _context, _ids = proj
    window = controller.open_window()
    qtbot.waitExposed(window)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    if len(QGuiApplication.screens()) > 1:
        assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
        assert window.isFullScreen()
    else:
        # One screen: a framed window on the right half, the chair's window keeps the left.
        assert not window.isFullScreen()
        assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
        assert window.geometry().left() >= screen.center().x() - 1
        assert window.geometry().right() <= screen.right()
    qtbot.keyClick(window, Qt.Key.Key_2)
    assert controller.mode == RANKS
    qtbot.keyClick(window, Qt.Key.Key_3)
    assert controller.mode == PROGRESS
    qtbot.keyClick(window, Qt.Key.Key_F)
    assert controller.frozen
    qtbot.keyClick(window, Qt.Key.Key_1)
    assert controller.mode == FULL and not controller.frozen
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not controller.is_open(), timeout=1000)


def test_screen_choice_falls_back_to_a_connected_screen(qapp):
    screens = QGuiApplication.screens()
    assert pick_screen(screens[0].name()) is screens[0]
    fallback = pick_screen("HDMI-that-is-gone")
    assert fallback in screens
    if len(screens) == 1:
        assert fallback is QGuiApplication.primaryScreen()
    QSettings().setValue("projector_screen", screens[-1].name())
    assert pick_screen(QSettings().value("projector_screen")) is screens[-1]


def test_export_png_at_projector_resolution(proj, tmp_path):
    controller, _context, _ids = proj
    path = export_board_png(controller, tmp_path / "papan")
    assert path.suffix == ".png" and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1920, 1080)
    with pytest.raises(KolabikError, match="could not write the image") as info:
        export_board_png(controller, tmp_path / "missing-folder" / "papan.png")
    assert info.value.code == "file.create_failed"  # coded: the window words it in its language


def test_a_board_that_cannot_be_written_is_told_in_indonesian(
    qtbot, qapp, proj, tmp_path, monkeypatch
):
    from kolabik_desktop.core.scoring.problem_text import error_message
    from kolabik_desktop.ui import i18n
    from kolabik_desktop.ui.projector import controls as controls_module

    controller, _context, _ids = proj
    panel = controls_module.ProjectorControls(controller)
    qtbot.addWidget(panel)
    target = tmp_path / "missing-folder" / "papan.png"
    monkeypatch.setattr(controls_module, "get_save_file_name", lambda *a, **k: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(controls_module.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    i18n.install_translator(qapp, "id")
    try:
        panel.export_png()
    finally:
        i18n.install_translator(qapp, "en")
    assert len(shown) == 1 and "tidak dapat ditulis" in shown[0], shown
    with pytest.raises(KolabikError) as info:
        export_board_png(controller, target)
    assert shown[0] == error_message(info.value.code, info.value.params, "id")
    assert not target.parent.exists()


def test_qt_bindings_keep_none_and_true_alive():
    # PySide6 6.12.0 dropped a reference to None per void call and to True per emit(), which
    # aborts Python 3.11 ("none_dealloc") mid-session; pyproject.toml excludes that version.
    # A child process, so a broken binding fails this test instead of killing the test run.
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class Emitter(QObject):\n"
        "    ping = Signal()\n"
        "e = Emitter()\n"
        "none0, true0 = sys.getrefcount(None), sys.getrefcount(True)\n"
        "for _ in range(20000):\n"
        "    e.ping.emit()\n"
        "    e.setObjectName('x')\n"
        "print(sys.getrefcount(None) - none0, sys.getrefcount(True) - true0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-500:]
    lost_none, lost_true = (int(x) for x in proc.stdout.split())
    assert abs(lost_none) < 100 and abs(lost_true) < 100


def test_a_deleted_stage_falls_back_to_the_final_board(qtbot, proj):
    from sqlalchemy import delete

    from kolabik_desktop.core.store.db import Change
    from kolabik_desktop.core.store.models import Stage

    controller, context, ids = proj
    controller.set_board("P2")
    with context.db.session() as s:
        s.execute(delete(Stage).where(Stage.id == ids.stages["P2"]))
    with qtbot.waitSignal(context.changed, timeout=1000):
        context.db.notify(Change("rubric"))
    qtbot.waitUntil(lambda: controller.canvas.state.title == "Final ranking", timeout=1000)
    assert controller.board == "final"
    assert len(controller.canvas.visible_rows()) == 10


def test_in_bahasa_indonesia_the_board_reads_peringkat_and_decimal_commas(qapp, proj, tmp_path):
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTranslator

    from kolabik_desktop.core.paths import resource_path
    from kolabik_desktop.ui import i18n

    controller, context, _ids = proj
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease"
    )
    qm = tmp_path / "leaderboard.qm"
    ts = resource_path("translations", "id", "leaderboard.ts")
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    i18n.install_translator(qapp, i18n.INDONESIAN)
    try:
        controller.set_board("final")
        assert "Peringkat akhir" in controller.canvas.display_text()
        controller.set_board("P1")
        top = context.scorer.leaderboard("P1").rows[0]
        assert top.display.replace(".", ",") in controller.canvas.display_text()
        assert top.display not in controller.canvas.display_text()
    finally:
        qapp.removeTranslator(translator)
        i18n.install_translator(qapp, i18n.ENGLISH)


def test_board_state_is_what_the_hall_sees_in_every_mode(qtbot, proj):
    """Issue 17, item 10: the public, typed view of the projector (the web board reads it)."""
    controller, context, ids = proj

    def top():
        return [r.entry.id for r in _board(context) if r.rank <= controller.top_n]

    st = controller.board_state()
    assert (st.mode, st.shown, st.frozen, st.open) == (FULL, "board", False, False)
    assert (st.title, st.subtitle, st.board, st.top_n) == (
        controller.board_title(),
        "Kolabik Uji 2023",
        "P1",
        10,
    )
    assert [r.entry_id for r in st.rows] == top() and st.slots == len(top())
    assert all(r.score and r.bar is not None for r in st.rows)
    # Asked at the change notice itself (as the live board is), before the redraw's turn of the
    # event loop: the state already holds the new score.
    agreed = []
    context.changed.connect(
        lambda _c: agreed.append([r.entry_id for r in controller.board_state().rows] == top())
    )
    outsider = _board(context)[15].entry.id
    _set_entry(context, ids, outsider, 100)
    qtbot.waitUntil(lambda: controller.board_state().rows[0].entry_id == outsider, timeout=1000)
    assert agreed and all(agreed)

    controller.set_mode(RANKS)
    st = controller.board_state()
    assert st.mode == RANKS and [r.entry_id for r in st.rows] == top()
    assert all(r.score == "" and r.bar is None for r in st.rows)

    controller.set_frozen(True)  # holds the picture, even when a score moves
    held = controller.board_state()
    assert held.frozen
    _set_entry(context, ids, _board(context)[14].entry.id, 100)
    qtbot.wait(50)
    assert controller.board_state() == held

    controller.set_top_n(5)
    controller.set_mode(REVEAL)
    st = controller.board_state()
    assert (st.shown, st.rows, st.slots, st.placeholders) == ("board", (), 5, True)
    assert (st.reveal_total, st.reveal_hidden, st.frozen) == (5, 5, False)
    controller.reveal_next()
    controller.reveal_next()
    st = controller.board_state()
    assert [r.rank for r in st.rows] == ["4", "5"] and st.reveal_hidden == 3
    hidden = [r.entry.title for r in _board(context)[:3]]
    assert not any(title in repr(st) for title in hidden)  # not shown, not told

    services.set_submitted(
        context.db, juror_id=ids.jurors[1], stage_id=ids.stages["P1"], submitted=True
    )
    controller.set_mode(PROGRESS)
    st = controller.board_state()
    assert (st.shown, st.rows, st.progress.stage_name) == ("progress", (), "Penilaian Proposal")
    assert [(j.name, j.submitted) for j in st.progress.jurors][:2] == [
        ("Juri 1", False),
        ("Juri 2", True),
    ]
    assert st.title == "Scoring progress: Penilaian Proposal"

    controller.set_mode(PRESENTING)  # no presentation session here: a blank board
    st = controller.board_state()
    assert (st.mode, st.shown, st.presenting) == (PRESENTING, "blank", None)
