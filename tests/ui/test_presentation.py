"""Issue 6: the presentation session's schedule, slot and countdown (on a fake clock)."""

import pytest
from factories import make_event
from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from kolabik_desktop.core.store.models import Stage
from kolabik_desktop.core.store.queries.presentation import SlotPart
from kolabik_desktop.ui.context import EventContext
from kolabik_desktop.ui.presentation import (
    PresentationPanel,
    PresentationSession,
    SlotTimer,
    clock_text,
    load_slot_parts,
)
from kolabik_desktop.ui.projector import AMBER, PRESENTING, RED, TEXT, ProjectorController, TextOp


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


PARTS = [SlotPart("Video", 3), SlotPart("Presentasi", 7), SlotPart("Tanya jawab", 13)]


def test_timer_colours_parts_and_pause_on_a_fake_clock():
    clock = FakeClock()
    timer = SlotTimer(PARTS, clock)
    s = timer.state()
    assert (s.part_index, s.countdown_text(), s.colour, s.started) == (0, "03:00", "normal", False)
    timer.start()
    clock.now += 119
    assert (timer.state().countdown_text(), timer.state().colour) == ("01:01", "normal")
    clock.now += 1.5  # the last minute of the video part
    assert (timer.state().countdown_text(), timer.state().colour) == ("01:00", "amber")
    clock.now += 60.5  # into the presentation part
    s = timer.state()
    assert (s.part_index, s.countdown_text(), s.colour) == (1, "06:59", "normal")
    timer.pause()
    clock.now += 600  # a paused clock does not move
    assert timer.state().countdown_text() == "06:59" and not timer.state().running
    timer.start()
    clock.now += 20 * 60 - 1.5  # end of the questions part: 0.5 s left
    s = timer.state()
    assert (s.part_index, s.countdown_text(), s.colour, s.overtime) == (2, "00:01", "amber", 0)
    clock.now += 65.5
    s = timer.state()
    assert (s.colour, s.countdown_text(), s.overtime) == ("red", "+01:05", 65.0)
    assert s.slot_remaining == -65.0
    timer.reset()
    assert timer.state().countdown_text() == "03:00" and timer.elapsed() == 0


def test_clock_text_rounds_up_and_pads():
    assert clock_text(0) == "00:00"
    assert clock_text(0.2) == "00:01"
    assert clock_text(61) == "01:01"
    assert clock_text(23 * 60) == "23:00"


@pytest.fixture
def session(qtbot, tmp_path):
    db, ids = make_event(tmp_path / "x.kolabik", entries=12, admitted_to_p2=5)
    context = EventContext(db)
    clock = FakeClock()
    s = PresentationSession(clock=clock)
    s.set_context(context)
    yield s, context, ids, clock
    s.set_context(None)
    context.close()


def test_schedule_is_the_admitted_entries_and_its_order_persists(session, tmp_path):
    s, context, ids, clock = session
    assert s.stage_code == "P2"  # the stage with an admission list
    assert [e.id for e in s.entries] == ids.entries[:5]
    new_order = [ids.entries[3], ids.entries[0], ids.entries[4], ids.entries[1], ids.entries[2]]
    s.set_order(new_order)
    again = PresentationSession(clock=clock)
    again.set_context(context)
    assert [e.id for e in again.entries] == new_order
    again.set_context(None)


def test_slot_parts_default_then_edited_per_stage(session):
    s, context, _ids, _clock = session
    assert [(p.name, p.minutes) for p in s.parts] == [
        ("Video", 3),
        ("Presentation", 7),
        ("Questions", 13),
    ]
    s.set_parts(PARTS[:2])
    assert load_slot_parts(context.db, "P2") == PARTS[:2]
    assert load_slot_parts(context.db, "P1")[0].name == "Video"  # other stages keep the default
    with context.db.session() as db:
        db.scalars(select(Stage).where(Stage.code == "P2")).one().slot_parts = "not json"
    assert load_slot_parts(context.db, "P2")[1].name == "Presentation"


def test_next_previous_follow_the_speaker(qtbot, session):
    s, _context, ids, clock = session
    followed = []
    s.presenting_changed.connect(followed.append)
    s.start_pause()
    clock.now += 90
    assert s.timer.state().elapsed == 90
    s.next()
    assert s.current_entry().id == ids.entries[1]
    assert not s.timer.running and s.timer.elapsed() == 0  # a new slot starts from its full time
    s.previous()
    s.previous()  # already first: stays
    s.go_to(99)  # past the end: the last one
    assert followed == [
        ids.entries[0],
        ids.entries[1],
        ids.entries[0],
        ids.entries[0],
        ids.entries[4],
    ]


def test_projector_countdown_turns_amber_then_red(qtbot, session):
    s, context, ids, clock = session
    controller = ProjectorController()
    controller.set_session(s)
    controller.set_context(context)
    controller.set_mode(PRESENTING)

    def countdown():
        ops = controller.canvas.scene(1920, 1080)
        return max((op for op in ops if isinstance(op, TextOp)), key=lambda op: op.px)

    title = next(e.title for e in context.scorer.event.entries if e.id == ids.entries[0])
    assert title in controller.canvas.display_text()
    assert "Ready: Video" in controller.canvas.display_text()
    assert (countdown().text, countdown().color) == ("03:00", TEXT)
    s.start_pause()
    clock.now += 23 * 60 - 30
    s.changed.emit()
    assert (countdown().text, countdown().color) == ("00:30", AMBER)
    clock.now += 95
    s.changed.emit()
    assert (countdown().text, countdown().color) == ("+01:05", RED)
    assert "Over time" in controller.canvas.display_text()
    controller.handle_key(0x01000014)  # Right arrow: the next finalist
    assert s.current_entry().id == ids.entries[1]
    assert countdown().text == "03:00"


def test_panel_drag_reorders_and_validates_parts(qtbot, session, monkeypatch):
    s, _context, ids, _clock = session
    panel = PresentationPanel(s)
    qtbot.addWidget(panel)
    assert panel.schedule.count() == 5
    model = panel.schedule.model()
    # What a drag does: move row 0 below row 2.
    assert model.moveRow(model.index(0, 0).parent(), 0, model.index(0, 0).parent(), 3)
    assert [e.id for e in s.entries][:3] == [ids.entries[1], ids.entries[2], ids.entries[0]]
    assert panel.schedule.item(0).text().startswith("1. IN-002")
    saved = s.parts
    warnings = []
    monkeypatch.setattr(
        "kolabik_desktop.ui.presentation.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    panel.parts_table.item(1, 0).setText("  ")
    panel.save_parts()  # core's slot rule refuses the nameless part; nothing is saved
    # The part named by its number ("2" alone would also match the stage code P2).
    assert warnings == ["Stage P2: Slot part 2 has no name"]
    assert s.parts == saved
    panel.parts_table.item(1, 0).setText("Paparan")
    panel.save_parts()
    assert len(warnings) == 1
    assert [p.name for p in s.parts] == ["Video", "Paparan", "Questions"]


def test_a_reopened_session_resumes_at_the_first_finalist_not_yet_presented(qtbot, tmp_path):
    from kolabik_desktop.core.demo import PRESENTED_COMPLETE, PRESENTED_PARTLY, build_demo_event
    from kolabik_desktop.core.store.db import open_event_file

    path = tmp_path / "demo.kolabik"
    build_demo_event(path, attachments=False)
    context = EventContext(open_event_file(path))
    s = PresentationSession(clock=FakeClock())
    panel = PresentationPanel(s)
    qtbot.addWidget(panel)
    s.set_context(context)
    # 12 finalists scored by every juror, 2 being scored now: the 15th is next of 20.
    presented = PRESENTED_COMPLETE + PRESENTED_PARTLY
    assert len(s.entries) == 20
    assert s.index == presented
    scorer = context.scorer
    for entry in s.entries[presented:]:
        assert {scorer.juror_status("P2", j.id, entry.id) for j in scorer.event.jurors} <= {
            "not_started",
            "recused",
            "not_assigned",
        }
    assert f"({presented + 1} of 20)" in panel.now_label.text()
    s.set_context(None)
    context.close()


def test_a_schedule_change_is_audited_announced_and_the_check_stays_clean(
    qtbot, tmp_path, capsysbinary
):
    """Issue 17, item 10: the session's writes go through the setup services."""
    from PySide6.QtCore import QModelIndex

    from kolabik_desktop.cli import main

    path = tmp_path / "jadwal.kolabik"
    db, ids = make_event(path, audited=True)
    context = EventContext(db)
    s = PresentationSession(clock=FakeClock())
    panel = PresentationPanel(s)
    qtbot.addWidget(panel)
    s.set_context(context)
    heard = []
    context.changed.connect(lambda change: heard.append(change.kind))
    assert panel.schedule.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)  # a drag
    panel.parts_table.item(1, 0).setText("Paparan")
    panel.save_parts()
    qtbot.waitUntil(lambda: {"presentation", "rubric"} <= set(heard))
    moved = [e.code for e in s.entries]
    assert moved[:3] == ["IN-002", "IN-003", "IN-001"]
    s.set_context(None)
    context.close()
    capsysbinary.readouterr()
    assert main(["audit", str(path), "--last", "2"]) == 0
    out = capsysbinary.readouterr().out.decode()
    order, slot = out.splitlines()[:2]
    assert " chair presentation.order [P2] " in order and str(moved) in order
    assert " chair stage.update [P2] " in slot and "Paparan" in slot
    assert main(["check", str(path)]) == 0
    assert ": OK" in capsysbinary.readouterr().out.decode()


def test_board_state_while_presenting_has_what_the_projector_draws(qtbot, session):
    s, context, ids, clock = session
    controller = ProjectorController()
    controller.set_session(s)
    controller.set_context(context)
    controller.set_mode(PRESENTING)
    s.set_parts(PARTS)
    s.next()
    s.start_pause()
    clock.now += 200
    s.changed.emit()
    st = controller.board_state()
    assert (st.mode, st.shown, st.rows) == (PRESENTING, "presenting", ())
    info = st.presenting
    assert (info.position, info.count, info.entry.id) == (2, 5, ids.entries[1])
    assert info.next_entry.id == ids.entries[2] and info.parts == tuple(PARTS)
    assert info.timer.running and info.timer.part_index == 1
    assert info.timer.countdown_text() == "06:40" and info.timer.countdown_text() in (
        controller.canvas.display_text()
    )
    assert st.title.endswith("2 of 5") and st.subtitle == "Kolabik Uji 2023"


def test_a_new_running_order_does_not_refill_the_main_window(qtbot, tmp_path):
    """A drag in the schedule moves no score and no entry: the window keeps its lists."""
    from kolabik_desktop.core.store.setup import set_presentation_order
    from kolabik_desktop.ui.main_window import MainWindow

    path = tmp_path / "urutan.kolabik"
    db, _ids = make_event(path)
    db.close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_event(path)
    context = window.context
    assert context is not None
    heard, refills = [], []
    context.changed.connect(lambda change: heard.append(change.kind))
    # A refill is counted where it starts: an unchanged list no longer resets the model.
    refresh_rows = window._refresh_rows
    window._refresh_rows = lambda *a, **k: (refills.append(1), refresh_rows(*a, **k))
    event = context.scorer.event
    order = [e.id for e in event.entries][:3][::-1]
    set_presentation_order(context.db, event.stages[-1].code, order)
    qtbot.waitUntil(lambda: "presentation" in heard)
    QCoreApplication.processEvents()
    assert refills == []
    window.close_event()


def test_a_session_opened_before_the_scores_resumes_when_they_arrive(qtbot, tmp_path):
    """`kolabik EVENT` opens the window before the scores are read: the session resumes at the
    first finalist not yet presented once they are in (not at "1 of 20")."""
    from kolabik_desktop.core.demo import PRESENTED_COMPLETE, PRESENTED_PARTLY, build_demo_event
    from kolabik_desktop.core.store.db import open_event_file

    path = tmp_path / "demo.kolabik"
    build_demo_event(path, attachments=False)
    context = EventContext(open_event_file(path, lock=True), defer_scores=True)
    s = PresentationSession(clock=FakeClock())
    panel = PresentationPanel(s)
    qtbot.addWidget(panel)
    s.set_context(context)
    assert len(s.entries) == 20 and not context.scores_loaded
    with qtbot.waitSignal(context.changed, timeout=10000):
        context.load_scores()
    assert s.index == PRESENTED_COMPLETE + PRESENTED_PARTLY
    assert f"({s.index + 1} of 20)" in panel.now_label.text()
    s.set_context(None)
    context.close()


def test_a_chair_who_moved_the_session_keeps_the_place_when_the_scores_arrive(qtbot, tmp_path):
    from kolabik_desktop.core.demo import build_demo_event
    from kolabik_desktop.core.store.db import open_event_file

    path = tmp_path / "demo.kolabik"
    build_demo_event(path, attachments=False)
    context = EventContext(open_event_file(path, lock=True), defer_scores=True)
    s = PresentationSession(clock=FakeClock())
    s.set_context(context)
    s.go_to(3)
    with qtbot.waitSignal(context.changed, timeout=10000):
        context.load_scores()
    assert s.index == 3
    s.set_context(None)
    context.close()
