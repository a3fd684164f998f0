"""Issue 16: the window opens an event on a PostgreSQL server and scores into it."""

from __future__ import annotations

from decimal import Decimal

from factories import make_event
from PySide6.QtCore import Qt
from sqlalchemy import select

from kolabik_desktop.core.store import services
from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.models import Score


def test_the_window_opens_a_server_event_and_a_typed_score_lands_on_the_server(
    qtbot, open_juror_window, server_database, tmp_path
):
    db, ids = make_event(server_database, entries=8, fill=0.0)
    db.close()
    window = open_juror_window(server_database, ids.jurors[1])
    assert window.windowTitle().startswith("Kolabik Uji 2023")
    assert window.browser.model.rowCount() == 8
    window.grab().save(str(tmp_path / "server_window.png"))

    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # to the form
    row = next(r for r in window.form.rows if r.info.weight > 0)
    row.value.setFocus()
    row.value.selectAll()
    qtbot.keyClicks(row.value, "77")
    qtbot.keyClick(row.value, Qt.Key.Key_Tab)
    window.form.flush()
    with open_event_file(server_database) as other, other.session() as s:
        stored = s.scalars(
            select(Score.value).where(
                Score.juror_id == ids.jurors[1], Score.entry_id == window.entry_id
            )
        ).all()
    assert Decimal(77) in stored
    # reopened from the recent list it is the same event, not a file named after the URL
    assert window.recent_files()[0] == server_database


def test_a_score_typed_on_another_machine_reaches_the_open_window_within_a_second(
    qtbot, open_juror_window, server_database
):
    db, ids = make_event(server_database, entries=6, fill=0.0, conflict=False)
    db.close()
    window = open_juror_window(server_database, ids.jurors[1])
    assert window.context.db.listener.listening.wait(5)
    entry = ids.entries[3]
    with (
        open_event_file(server_database) as elsewhere,
        qtbot.waitSignal(window.context.changed, timeout=1000) as arrived,
    ):
        services.set_score(
            elsewhere,
            juror_id=ids.jurors[1],
            entry_id=entry,
            criterion_id=ids.criteria["P1", "SIG"],
            value=Decimal(93),
        )
    change = arrived.args[0]
    assert change.source == "server" and change.entry_ids == frozenset({entry})
    # the window's scorer absorbed it: the value is in its data without a reload
    means = window.context.scorer.criterion_means("P1", entry)
    assert means[ids.criteria["P1", "SIG"]] == 93


def test_a_chair_typing_into_another_panel_is_told_in_indonesian(
    qtbot, open_juror_window, pg_role, server_database
):
    """The database refuses; the window says why in the user's language."""
    from PySide6.QtWidgets import QApplication

    from kolabik_desktop.core.store import panels
    from kolabik_desktop.core.store.dialect import parse_server_url
    from kolabik_desktop.ui import i18n

    role = pg_role("chair")
    db, ids = make_event(server_database, entries=6, fill=0.0, conflict=False)
    panels.add_panel(db, "Panel A", jurors=["J1"], entries=["IN-001"])
    panels.add_panel(db, "Panel B", jurors=["J2"], entries=["IN-002"])
    panels.grant_panel(db, "Panel A", role)
    db.close()
    as_chair = parse_server_url(server_database).label().replace("://postgres@", f"://{role}@")
    app = QApplication.instance()
    try:
        i18n.install_translator(app, "id")
        window = open_juror_window(as_chair, ids.jurors[1])  # J2: panel B's juror
        assert window.browser.select_entry(ids.entries[1])
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        row = next(r for r in window.form.rows if r.info.weight > 0)
        row.value.setFocus()
        row.value.selectAll()
        with qtbot.waitSignal(window.undo.failed, timeout=5000) as refused:
            qtbot.keyClicks(row.value, "77")
            qtbot.keyClick(row.value, Qt.Key.Key_Tab)
            window.form.flush()
        assert refused.args[0].startswith("Tidak tersimpan: server menolak perubahan ini")
        assert "panel lain" in window.statusBar().currentMessage()
        window.close()
    finally:
        i18n.install_translator(app, "en")
    with open_event_file(server_database) as check, check.session() as s:
        assert s.scalars(select(Score)).all() == []
