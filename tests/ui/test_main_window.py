"""The juror's window driven with the keyboard, checked in the event file."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from factories import make_event
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import AuditLog, Comment, Score, Submission
from kolabik_desktop.ui.browser import COL_STATUS
from kolabik_desktop.ui.main_window import MODE_CHAIR, MODE_JUROR, MainWindow


@pytest.fixture
def event_file(tmp_path):
    db, ids = make_event(tmp_path / "kota.kolabik", entries=12, fill=0.0)
    db.close()
    return tmp_path / "kota.kolabik", ids


@pytest.fixture
def window(open_juror_window, event_file):
    path, ids = event_file
    return open_juror_window(path, ids.jurors[1])  # J2 has no conflict of interest


def scores(path: Path, juror_id: int, entry_id: int) -> dict[int, tuple[Decimal | None, str]]:
    db = open_event_file(path)
    try:
        with db.session() as s:
            rows = s.execute(
                select(Score.criterion_id, Score.value, Score.note).where(
                    Score.juror_id == juror_id, Score.entry_id == entry_id
                )
            )
            return {c: (v, n) for c, v, n in rows}
    finally:
        db.close()


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_score_an_entry_end_to_end_with_the_keyboard(qtbot, window, event_file):
    path, ids = event_file
    juror, entry = ids.jurors[1], window.entry_id
    assert entry == ids.entries[0]
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # to the form
    values = ["70", "80", "90", "60", "85", "75", "65", "95"]
    for value in values:
        focused = QApplication.focusWidget()
        assert focused in [r.value for r in window.form.rows]
        qtbot.keyClicks(focused, value)
        qtbot.keyClick(focused, Qt.Key.Key_Return)  # saved, and on to the next criterion
    stored = scores(path, juror, entry)
    by_code = {row.info.id: row.info.code for row in window.form.rows}
    assert {by_code[c]: v for c, (v, _n) in stored.items()} == {
        code: Decimal(v)
        for code, v in zip(
            ["RIN", "LBT", "KEB", "IMP", "SIG", "ADP", "SDA", "KEL"], values, strict=True
        )
    }
    # The total shown is the engine's: 80*10+90*15+60*5+85*30+75*20+65*5+95*15 over 100.
    assert window.form.total.text() == "82.50"
    row = window.browser.model.row_of(entry)
    assert window.browser.model.index(row, COL_STATUS).data() == "Complete"
    assert window.saved_label.text().startswith("Saved ")
    # The comment field is next: typed text is saved after the debounce, without a Save button.
    assert QApplication.focusWidget() is window.form.comment
    assert "Ctrl+Enter for the next entry" in window.statusBar().currentMessage()
    qtbot.keyClicks(window.form.comment, "Inovasi yang baik")

    def comment_saved():
        db = open_event_file(path)
        with db.session() as s:
            c = s.get(Comment, (juror, entry, ids.stages["P1"]))
            text = c.text if c else None
        db.close()
        assert text == "Inovasi yang baik"

    qtbot.waitUntil(comment_saved, timeout=3000)


def test_a_note_is_saved_as_it_is_typed(qtbot, window, event_file):
    path, ids = event_file
    row = window.form.rows[1]
    type_into(qtbot, row.value, "88")
    qtbot.keyClick(row.value, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.note
    qtbot.keyClicks(row.note, "Perlu data pembanding")
    qtbot.waitUntil(
        lambda: (
            scores(path, ids.jurors[1], window.entry_id).get(row.info.id)
            == (Decimal(88), "Perlu data pembanding")
        ),
        timeout=3000,
    )


def test_out_of_range_and_off_step_values_are_refused_with_a_reason(qtbot, window, event_file):
    path, ids = event_file
    row = window.form.rows[2]
    type_into(qtbot, row.value, "150")
    qtbot.keyClick(row.value, Qt.Key.Key_Return)
    assert row.problem.isVisible()
    assert "outside the range 0 to 100" in row.problem.text()
    assert row.value.hasFocus()  # Enter on a refused value stays there to fix it
    type_into(qtbot, row.value, "85.5")
    qtbot.keyClick(row.value, Qt.Key.Key_Return)
    assert "not on the step 1" in row.problem.text()
    assert scores(path, ids.jurors[1], window.entry_id) == {}
    # A letter is never dropped silently ("8x" is not 8): it stays in view, refused.
    type_into(qtbot, row.value, "8x")
    assert row.value.text() == "8x"
    assert "is not a number" in row.problem.text()
    qtbot.keyClick(row.value, Qt.Key.Key_Return)
    assert row.value.hasFocus()
    assert scores(path, ids.jurors[1], window.entry_id) == {}
    type_into(qtbot, row.value, "8")
    qtbot.keyClick(row.value, Qt.Key.Key_Return)
    assert not row.problem.isVisible()
    assert window.form.rows[3].value.hasFocus()  # a good value moves on
    assert scores(path, ids.jurors[1], window.entry_id)[row.info.id][0] == Decimal(8)


def test_an_own_edit_reads_as_stored_without_reloading_the_sheet(
    qtbot, window, event_file, monkeypatch
):
    import kolabik_desktop.ui.scoring_form as scoring_form

    path, ids = event_file
    reads = []
    real = scoring_form.load_sheet
    monkeypatch.setattr(scoring_form, "load_sheet", lambda *a: reads.append(a) or real(*a))
    row = window.form.rows[1]
    type_into(qtbot, row.value, "85,0")
    qtbot.keyClick(row.value, Qt.Key.Key_Return)
    assert scores(path, ids.jurors[1], window.entry_id)[row.info.id][0] == Decimal(85)
    assert row.value.text() == "85"  # as stored
    assert window.form.status.text().startswith("Incomplete")  # the engine's status moved
    assert reads == []  # one keystroke, no re-read of the whole sheet
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert row.value.text() == ""  # an undo still reaches the form
    assert reads


def test_arrow_keys_step_the_value_and_save_it(qtbot, window, event_file):
    path, ids = event_file
    row = window.form.rows[1]
    type_into(qtbot, row.value, "87")
    qtbot.keyClick(row.value, Qt.Key.Key_Up)
    qtbot.keyClick(row.value, Qt.Key.Key_Up)
    qtbot.keyClick(row.value, Qt.Key.Key_PageDown)
    assert row.value.text() == "79"
    assert scores(path, ids.jurors[1], window.entry_id)[row.info.id][0] == Decimal(79)
    type_into(qtbot, row.value, "100")
    qtbot.keyClick(row.value, Qt.Key.Key_Up)  # stays in range
    assert row.value.text() == "100"


def test_search_filters_as_you_type_and_ctrl_f_goes_there(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.browser.search
    qtbot.keyClicks(window.browser.search, "in-01")
    assert window.browser.proxy.rowCount() == 3  # IN-010, IN-011, IN-012
    window.browser.search.clear()
    qtbot.keyClicks(window.browser.search, "unit 3")
    assert window.browser.proxy.rowCount() == 2  # entries 3 and 10 are Unit 3
    window.browser.search.clear()
    assert window.browser.proxy.rowCount() == 12


def test_category_and_status_filters(qtbot, window, event_file):
    path, ids = event_file
    combo = window.browser.category_filter
    combo.setCurrentIndex(combo.findData("Kecamatan"))
    shown = window.browser.visible_entries()
    assert shown == [ids.entries[1], ids.entries[6], ids.entries[11]]
    combo.setCurrentIndex(0)
    scored = window.entry_id
    row = window.form.rows[1]
    type_into(qtbot, row.value, "70")
    qtbot.keyClick(row.value, Qt.Key.Key_Return)
    status = window.browser.status_filter
    status.setCurrentIndex(status.findData("partial"))
    assert window.browser.visible_entries() == [scored]
    status.setCurrentIndex(status.findData("not_started"))
    assert len(window.browser.visible_entries()) == 11


def test_ctrl_enter_and_ctrl_page_keys_move_between_entries(qtbot, window, event_file):
    _path, ids = event_file
    type_into(qtbot, window.form.rows[1].value, "70")
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert window.entry_id == ids.entries[1]
    assert QApplication.focusWidget() is window.form.rows[0].value
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
    )
    assert window.entry_id == ids.entries[2]
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier
    )
    assert window.entry_id == ids.entries[1]
    # From the comment field too, where Enter alone makes a new line.
    window.form.comment.setFocus()
    qtbot.keyClick(window.form.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.entry_id == ids.entries[2]


def test_undo_and_redo_across_entries(qtbot, window, event_file):
    path, ids = event_file
    juror = ids.jurors[1]
    first, second = ids.entries[0], ids.entries[1]
    crit = window.form.rows[1].info.id
    type_into(qtbot, window.form.rows[1].value, "71")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    type_into(qtbot, window.form.rows[1].value, "72")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    window.step(1)
    type_into(qtbot, window.form.rows[1].value, "60")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert scores(path, juror, second)[crit][0] == Decimal(60)

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert scores(path, juror, second)[crit][0] is None
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.entry_id == first  # the undo shows the entry it changes
    assert scores(path, juror, first)[crit][0] == Decimal(71)
    assert window.form.rows[1].value.text() == "71"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert scores(path, juror, first)[crit][0] is None
    assert window.form.rows[1].value.text() == ""

    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, shift_ctrl)
    qtbot.keyClick(window, Qt.Key.Key_Z, shift_ctrl)
    qtbot.keyClick(window, Qt.Key.Key_Z, shift_ctrl)
    assert scores(path, juror, first)[crit][0] == Decimal(72)
    assert scores(path, juror, second)[crit][0] == Decimal(60)
    assert window.entry_id == second


def test_ctrl_z_in_a_field_undoes_the_committed_edit_and_switches_back_the_juror(
    qtbot, window, event_file
):
    path, ids = event_file
    juror, entry = ids.jurors[1], window.entry_id
    row = window.form.rows[3]
    type_into(qtbot, row.value, "55")
    qtbot.keyClick(row.value, Qt.Key.Key_Return)
    window.set_scoring_juror(ids.jurors[4])  # the chair moves on to another paper sheet
    field = window.form.rows[3].value
    type_into(qtbot, field, "44")  # typed, not yet committed: Ctrl+Z commits it, then undoes it
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert scores(path, ids.jurors[4], entry)[row.info.id][0] is None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.scoring_juror_id == juror  # the undo shows whose sheet it changes
    assert scores(path, juror, entry)[row.info.id][0] is None
    assert window.form.rows[3].value.text() == ""


def _answer_next_dialog(button_text: str) -> None:
    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        _answer_next_dialog.seen = box.text()
        for b in box.buttons():
            if b.text().replace("&", "") == button_text:
                b.click()
                return
        raise AssertionError(f"no button {button_text}: {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, answer)


def press(qtbot, window, key, modifiers, answer: str) -> None:
    """A shortcut on the window (after a dialog gave the focus back), answering its dialog."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _answer_next_dialog(answer)
    qtbot.keyClick(window, key, modifiers)


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def submission(path: Path, juror: int, stage: int) -> bool | None:
    db = open_event_file(path)
    with db.session() as s:
        row = s.get(Submission, (juror, stage))
        value = row.submitted if row else None
    db.close()
    return value


def test_submit_names_incomplete_entries_then_locks_and_the_chair_reopens(
    qtbot, window, event_file
):
    path, ids = event_file
    juror, stage = ids.jurors[1], ids.stages["P1"]
    type_into(qtbot, window.form.rows[1].value, "70")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    press(qtbot, window, Qt.Key.Key_U, CTRL_SHIFT, "Cancel")
    assert "12 of 12 entries are not complete" in _answer_next_dialog.seen
    assert "IN-001" in _answer_next_dialog.seen
    assert submission(path, juror, stage) is None

    press(qtbot, window, Qt.Key.Key_U, CTRL_SHIFT, "Submit")
    assert submission(path, juror, stage) is True
    # Read-only: the form refuses typing and nothing reaches the file.
    row = window.form.rows[2]
    assert row.value.isReadOnly()
    assert window.form.banner.isVisible()
    type_into(qtbot, row.value, "99")
    qtbot.keyClick(row.value, Qt.Key.Key_Return)
    assert row.info.id not in scores(path, juror, window.entry_id)
    assert window.progress.submit_button.text() == "Reopen…"

    press(qtbot, window, Qt.Key.Key_R, CTRL_SHIFT, "Yes")
    assert submission(path, juror, stage) is False
    assert not row.value.isReadOnly()
    db = open_event_file(path)
    with db.session() as s:
        actions = s.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
    db.close()
    assert actions[-2:] == ["stage.submit", "stage.reopen"]


def test_progress_follows_each_edit_asking_only_about_the_entry_edited(
    qtbot, window, event_file, monkeypatch
):
    from kolabik_desktop.core.store.services import set_score
    from kolabik_desktop.ui.submission import stage_progress

    _path, ids = event_file
    juror, scorer = ids.jurors[1], window.context.scorer
    asked = []
    real = scorer.juror_status
    monkeypatch.setattr(scorer, "juror_status", lambda *a: asked.append(a[2]) or real(*a))
    entry = ids.entries[4]
    for code in ("LBT", "KEB", "IMP", "SIG", "ADP", "SDA", "KEL"):
        set_score(
            window.context.db,
            juror_id=juror,
            entry_id=entry,
            criterion_id=ids.criteria[("P1", code)],
            value=Decimal(70),
        )
    assert set(asked) == {entry}  # not all 12 entries per edit
    assert window.progress.progress == stage_progress(scorer, "P1", juror)
    assert window.progress.progress.complete == 1
    assert window.progress.bar.text() == "1 of 12 complete"
    assert entry not in [e for e, *_ in window.progress.progress.incomplete]
    window.progress.incomplete_menu.aboutToShow.emit()  # the menu lists what is left, on opening
    assert len(window.progress.incomplete_menu.actions()) == 11


def test_recused_entries_are_shown_and_cannot_be_scored(qtbot, window, event_file):
    path, ids = event_file
    conflicted_juror, entry = ids.conflict
    window.set_scoring_juror(conflicted_juror)
    window.show_entry(entry)
    row = window.browser.model.row_of(entry)
    assert window.browser.model.index(row, COL_STATUS).data() == "Recused"
    assert window.form.banner.isVisible()
    assert "recused" in window.form.banner.text()
    assert all(r.value.isReadOnly() for r in window.form.rows)
    # The recused entry does not count towards this juror's progress.
    assert window.progress.progress.total == 11


def test_the_stage_is_remembered_per_file_but_never_whom_the_chair_scored_as(qtbot, event_file):
    path, ids = event_file
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_event(path)
    assert w.mode == MODE_CHAIR
    assert w.scoring_juror_id is None
    assert not w.act_submit.isEnabled()
    w.set_scoring_juror(ids.jurors[3])
    w.set_stage(ids.stages["P2"])
    w.close_event()
    assert w.open_event(path)
    # Reopened (after a restart): reading, not typing J4's sheet.
    assert w.scoring_juror_id is None
    assert w.juror_combo.currentData() is None
    assert w.form.read_only and w.form.juror_id is None
    assert w.stage_id == ids.stages["P2"]
    assert len(w.browser.visible_entries()) == 5  # only entries admitted to P2
    assert w.recent_files()[0] == str(path.resolve())
    w.close()


def test_a_restarted_window_is_not_scoring_as_the_juror_the_chair_last_chose(qtbot, event_file):
    """A real restart: a new window, reading the settings the closed one saved (stage, layout,
    recent files), opens the chair's event reading, not "Menilai sebagai J4" with J4's form
    editable."""
    path, ids = event_file
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    assert first.open_event(path)
    first.set_scoring_juror(ids.jurors[3])
    assert first.scoring_juror_id == ids.jurors[3] and not first.form.read_only
    first.close()  # saves the window's state, as quitting does
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert second.recent_files()[0] == str(path.resolve())
    assert second.open_event(second.recent_files()[0])
    assert second.mode == MODE_CHAIR
    assert second.scoring_juror_id is None and second.juror_combo.currentData() is None
    assert second.form.read_only and second.form.juror_id is None
    second.close()


def test_a_juror_kit_fixes_the_juror(qtbot, event_file):
    path, ids = event_file
    con = sqlite3.connect(path)
    con.execute("UPDATE event SET kind='kit', kit_juror_id=?", (ids.jurors[2],))
    con.commit()
    con.close()
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_event(path)
    assert w.mode == MODE_JUROR
    assert w.scoring_juror_id == ids.jurors[2]
    qtbot.waitUntil(lambda: not w.juror_combo.isVisible() and w.juror_fixed.isVisible())
    assert "J3" in w.juror_fixed.text()
    assert not w.act_reopen.isVisible()
    type_into(qtbot, w.form.rows[1].value, "64")
    qtbot.keyClick(w.form.rows[1].value, Qt.Key.Key_Return)
    assert scores(path, ids.jurors[2], w.entry_id)[w.form.rows[1].info.id][0] == Decimal(64)
    w.close()


def test_a_real_juror_kit_scores_and_submits_as_its_juror(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kolabik_desktop.core.exchange.kits import export_kit

    asked: list[str] = []  # after submitting, the kit offers to send: not now
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.No),
    )

    db, ids = make_event(tmp_path / "ketua.kolabik", fill=0.0)
    # A proposal-stage kit: without stages= a kit is for the stage now judged (P2 here).
    kit = export_kit(db, "J1", tmp_path / "J1.kolabik-kit", stages=["P1"])
    db.close()
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_event(kit)
    assert (w.mode, w.scoring_juror_id) == (MODE_JUROR, ids.jurors[0])
    conflicted = ids.conflict[1]
    row = w.browser.model.row_of(conflicted)
    assert w.browser.model.index(row, COL_STATUS).data() == "Recused"
    w.show_entry(ids.entries[1])
    for r, value in zip(w.form.rows, ["70", "80", "90", "60", "85", "75", "65", "95"], strict=True):
        type_into(qtbot, r.value, value)
        qtbot.keyClick(r.value, Qt.Key.Key_Return)
    assert w.form.total.text() == "82.50"
    assert w.progress.progress.complete == 1
    assert not w.act_reopen.isEnabled()
    press(qtbot, w, Qt.Key.Key_U, CTRL_SHIFT, "Submit")
    assert submission(kit, ids.jurors[0], ids.stages["P1"]) is True
    assert len(asked) == 1 and "Send the scores now?" in asked[0]
    assert not w.act_reopen.isEnabled()  # only the chair reopens
    w.close()


@pytest.fixture
def refusals(monkeypatch):
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "critical",
        staticmethod(lambda _p, title, text, *a: seen.append((title, text))),
    )
    return seen


def test_bad_files_open_with_a_clear_message(qtbot, tmp_path, event_file, refusals):
    path, _ids = event_file
    w = MainWindow()
    qtbot.addWidget(w)
    missing = tmp_path / "nope.kolabik"
    assert not w.open_event(missing)
    corrupt = tmp_path / "rusak.kolabik"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x13" * 3000)
    assert not w.open_event(corrupt)
    text_file = tmp_path / "catatan.kolabik"
    text_file.write_text("bukan database")
    assert not w.open_event(text_file)
    newer = tmp_path / "baru.kolabik"
    newer.write_bytes(path.read_bytes())
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    con.commit()
    con.close()
    before = newer.read_bytes()
    assert not w.open_event(newer)
    assert newer.read_bytes() == before
    assert w.context is None
    holder = open_event_file(path, lock=True)  # another instance has it open
    try:
        # Not refused: opened read-only, saying so (tests/ui/test_read_only_window.py).
        assert w.open_event(path)
        assert w.mode == "view" and w.context.db.read_only
        w.close_event()
    finally:
        holder.close()
    assert [t for t, _ in refusals] == [
        f"Cannot open {p.name}" for p in (missing, corrupt, text_file, newer)
    ]
    messages = [m for _, m in refusals]
    assert messages[0].startswith("The file was not found.")  # a translated lead, then details
    assert messages[2].startswith("The file cannot be opened as a Kolabik event.")
    assert "not found" in messages[0]
    assert "damaged" in messages[1] or "not a" in messages[1]
    assert "not a Kolabik event file" in messages[2]
    assert "newer version" in messages[3]
    assert all("Nothing was changed." in m for m in messages)
    assert w.open_event(path)  # released, so it opens now
    assert w.open_event(path)  # opening it again while open is harmless
    assert w.context.db.path == path and w.mode == "chair"
    assert len(refusals) == 4


def test_no_two_actions_of_the_window_share_a_shortcut(qtbot, event_file):
    from PySide6.QtGui import QAction, QShortcut

    path, _ids = event_file
    w = MainWindow()  # with every feature installed
    qtbot.addWidget(w)
    w.open_event(path)
    owners: dict[str, list[str]] = {}
    for action in w.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.text())
    for shortcut in w.findChildren(QShortcut):
        if shortcut.context() != Qt.ShortcutContext.WidgetWithChildrenShortcut:
            owners.setdefault(shortcut.key().toString(), []).append(shortcut.objectName())
    clashes = {k: v for k, v in owners.items() if k and len(v) > 1}
    assert not clashes, clashes  # an ambiguous shortcut fires neither action
    w.close()


def test_every_file_action_comes_before_quit(qtbot):
    w = MainWindow()  # with every feature installed
    qtbot.addWidget(w)
    actions = [a for a in w.menu_file.actions() if not a.isSeparator()]
    assert actions[-1] is w.act_quit
    assert len(actions) > 5  # the features' own actions are there too


def test_a_new_event_without_stages_or_jurors_opens_calmly(qtbot, tmp_path):
    from kolabik_desktop.core.store.db import create_event_file

    create_event_file(tmp_path / "baru.kolabik", name="Kolabik 2026").close()
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_event(tmp_path / "baru.kolabik")
    assert w.browser.model.rowCount() == 0
    assert "no stages yet" in w.form.heading.text()
    assert not w.act_submit.isEnabled()
    w.step(1)  # nothing to move to, nothing breaks
    w.close()


def test_dropping_an_event_file_opens_it(qtbot, event_file):
    path, _ids = event_file
    w = MainWindow()
    qtbot.addWidget(w)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    w.dropEvent(event)
    assert w.context is not None
    assert w.context.db.path == path
    taken = []
    w.drop_handlers.insert(0, lambda paths: taken.extend(paths) or True)
    w.open_dropped([path.with_name("x.kolabik-scores")])
    assert taken == [path.with_name("x.kolabik-scores")]
    w.close()


def test_closing_the_window_commits_a_value_still_being_typed(qtbot, event_file):
    path, ids = event_file
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.open_event(path)
    w.set_scoring_juror(ids.jurors[1])
    row = w.form.rows[1]
    type_into(qtbot, row.value, "77")  # no Enter, debounce not yet fired
    entry = w.entry_id
    w.close()
    assert scores(path, ids.jurors[1], entry)[row.info.id][0] == Decimal(77)


def test_indonesian_numbers_in_the_form(qtbot, window, event_file):
    from kolabik_desktop.ui import i18n

    app = QApplication.instance()
    try:
        i18n.install_translator(app, "id")
        window.show_entry(window.entry_id)
        for row, value in zip(
            window.form.rows, ["70", "80", "90", "60", "85", "75", "65", "96"], strict=True
        ):
            type_into(qtbot, row.value, value)
            qtbot.keyClick(row.value, Qt.Key.Key_Return)
        assert window.form.total.text() == "82,65"
        assert window.saved_label.text().startswith("Tersimpan ")
    finally:
        i18n.install_translator(app, "en")


def test_a_stage_two_kit_opens_on_stage_two(qtbot, tmp_path):
    from kolabik_desktop.core.exchange.kits import export_kit

    db, ids = make_event(tmp_path / "ketua.kolabik", p2_fill=0.0)
    kit = export_kit(db, "J2", tmp_path / "J2.kolabik-kit", stages=["P1", "P2"])
    db.close()
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_event(kit)
    assert w.stage_id == ids.stages["P2"]
    assert w.stage_combo.currentData() == ids.stages["P2"]
    w.close()
