"""Tools > Live session: the chair's dock and hub, the juror's link and status bar, in windows."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from factories import make_event
from helpers_exchange import kits_by_juror
from PySide6.QtCore import Qt
from sqlalchemy import select

from kolabik_desktop.core.exchange import live
from kolabik_desktop.core.exchange.live import JurorLink
from kolabik_desktop.core.store import services
from kolabik_desktop.ui.live_session import LiveJurorsModel
from kolabik_desktop.ui.main_window import MainWindow

SHOTS = Path(os.environ.get("KOLABIK_SHOTS", "/tmp"))


@pytest.fixture
def room(tmp_path, qtbot):
    db, ids = make_event(tmp_path / "chair.kolabik", p2_fill=0.0, conflict=False)
    kits = kits_by_juror(db, tmp_path / "kits")
    db.close()
    chair = MainWindow()
    qtbot.addWidget(chair)
    chair.resize(1366, 800)
    assert chair.open_event(tmp_path / "chair.kolabik")
    juror = MainWindow()
    qtbot.addWidget(juror)
    assert juror.open_event(kits["J1"])
    yield chair, juror, ids
    juror.close_event()
    chair.close_event()


def chair_value(chair, ids, entry: int, crit: str):
    with chair.context.db.session() as s:
        values = services.load_values(s)
    return values.get((ids.jurors[0], ids.entries[entry], ids.criteria[("P2", crit)]))


def save(juror, ids, entry: int, crit: str, value: int, juror_id: int | None = None) -> None:
    services.set_score(
        juror.context.db,
        juror_id=juror_id or juror.context.db.kit_juror_id,
        entry_id=ids.entries[entry],
        criterion_id=ids.criteria[("P2", crit)],
        value=Decimal(value),
    )


def test_a_save_reaches_the_chair_within_a_second_after_approval(room, qtbot):
    chair, juror, ids = room
    panel, link = chair.features.live_session.panel, juror.features.live_session.link
    assert chair.features.live_session.dock.toggleViewAction().isVisible()
    panel.start(port=0)
    assert panel.running and panel.server.port > 0
    assert panel.session.pairing in panel.address_label.text()
    assert not panel.qr_label.pixmap().isNull()
    link.connect_to(f"127.0.0.1:{panel.server.port}")
    # First contact: the chair has not approved this juror yet, so the save waits in the kit.
    save(juror, ids, 0, "PAP", 81)
    qtbot.waitUntil(lambda: "approve" in link.status_text(), timeout=5000)
    assert link.unsent == 1 and chair_value(chair, ids, 0, "PAP") is None

    def j1():
        panel.refresh()
        return [r for r in panel.model.rows if r.code == "J1"][0]

    qtbot.waitUntil(lambda: j1().unsent == 1, timeout=5000)  # reported by the juror's retry
    row = j1()
    assert row.waiting
    panel.table.selectRow(panel.model.rows.index(row))
    panel.approve_selected()
    # Approved: the next save goes within a second, and the chair's board hears of it.
    with qtbot.waitSignal(chair.context.changed, timeout=5000):
        save(juror, ids, 0, "MAT", 70)
    qtbot.waitUntil(lambda: link.unsent == 0, timeout=3000)
    assert chair_value(chair, ids, 0, "PAP") == Decimal(81)
    assert chair_value(chair, ids, 0, "MAT") == Decimal(70)
    assert link.online and link.last_ack_at and "0" in link.status_text()
    juror.show_entry(ids.entries[2])
    save(juror, ids, 1, "PAP", 60)
    qtbot.waitUntil(lambda: chair_value(chair, ids, 1, "PAP") == Decimal(60), timeout=3000)
    panel.refresh()
    row = [r for r in panel.model.rows if r.code == "J1"][0]
    assert panel.model.state_text(row) == "connected" and row.entry.startswith("IN-")

    # Paused: changes queue on the juror's side and go when acceptance resumes.
    panel.pause_box.setChecked(True)
    save(juror, ids, 1, "MAT", 65)
    qtbot.waitUntil(lambda: "paused" in link.status_text(), timeout=5000)
    assert link.unsent == 1 and chair_value(chair, ids, 1, "MAT") is None
    chair.features.live_session.dock.show()
    chair.features.live_session.dock.resize(900, 300)
    chair.grab().save(str(SHOTS / "live_session_dock.png"))
    panel.pause_box.setChecked(False)
    qtbot.waitUntil(lambda: chair_value(chair, ids, 1, "MAT") == Decimal(65), timeout=6000)
    qtbot.waitUntil(lambda: link.unsent == 0, timeout=3000)
    panel.stop()
    assert not panel.running and panel.model.rows == []


def test_the_juror_goes_offline_and_catches_up(room, qtbot):
    chair, juror, ids = room
    panel, link = chair.features.live_session.panel, juror.features.live_session.link
    panel.start(port=0)
    panel.session.set_approved("J1")
    port = panel.server.port
    link.connect_to(f"127.0.0.1:{port}")
    qtbot.waitUntil(lambda: link.online, timeout=3000)
    panel.stop()
    save(juror, ids, 0, "PAP", 55)
    save(juror, ids, 0, "MAT", 56)
    qtbot.waitUntil(lambda: not link.online, timeout=5000)
    assert link.unsent == 2 and "Offline" in link.status_text()
    panel.start(port=port)  # back on the same address: the retry timer catches up
    qtbot.waitUntil(lambda: link.unsent == 0, timeout=8000)
    assert chair_value(chair, ids, 0, "MAT") == Decimal(56)


def test_the_dock_is_built_in_the_chairs_window_only_when_first_shown(room, qtbot):
    """A juror's kit window has no hub to run: its live-session dock is never built (nor
    offered); the chair's is built the first time it is shown, on the open event."""
    chair, juror, _ids = room
    for window in (chair, juror):
        window.show()
    mine, theirs = juror.features.live_session, chair.features.live_session
    show_dock = theirs.dock.toggleViewAction()
    assert not mine.dock.toggleViewAction().isVisible() and show_dock.isVisible()
    assert not mine.dock.isVisible() and not mine.dock.is_built()
    assert not theirs.dock.is_built()
    # A change the web board might show does not build the chair's panel either.
    chair.features.projector.controller.set_board("P1")
    assert not theirs.dock.is_built()
    show_dock.trigger()  # Alat > Sesi langsung
    qtbot.waitUntil(theirs.dock.isVisible)
    assert theirs.dock.is_built()
    panel = theirs.panel
    assert panel.context is chair.context and panel.start_button.isEnabled()
    assert panel.projector is chair.features.projector.controller
    assert not mine.dock.is_built()


def test_the_jurors_model_says_who_is_connected():
    model = LiveJurorsModel()
    fresh = JurorLink("J1", "Ana", approved=True, last_contact=100.0, unsent=2, entry="IN-003")
    stale = JurorLink("J2", "Budi", approved=True, last_contact=50.0)
    never = JurorLink("J3", "Citra")
    waiting = JurorLink("J4", "Dewi", waiting=True, last_contact=100.0)
    model.set_rows([fresh, stale, never, waiting], now=101.0)
    column = LiveJurorsModel.STATE
    states = [model.data(model.index(r, column)) for r in range(4)]
    assert states == ["connected", "offline", "not connected", "waiting for approval"]
    assert model.data(model.index(0, LiveJurorsModel.UNSENT)) == "2"
    assert model.data(model.index(0, LiveJurorsModel.ENTRY)) == "IN-003"
    assert model.data(model.index(2, LiveJurorsModel.UNSENT)) == ""


def test_the_web_board_shows_what_the_projector_shows(room, qtbot):
    from helpers_live import sse_events

    from kolabik_desktop.ui.projector import FULL, RANKS

    chair, _juror, _ids = room
    panel, projector = chair.features.live_session.panel, chair.features.projector.controller
    projector.set_board("P1")
    panel.start(port=0)
    assert panel.board is None  # off by default
    panel.board_box.setChecked(True)
    assert panel.board.token in panel.board_label.text()
    events = panel.board.path + "events"
    full = sse_events(panel.server.port, events, 1)[0]
    assert full["mode"] == FULL and len(full["lines"]) == projector.top_n
    assert all(line["score"] for line in full["lines"])
    before = panel.board.version
    projector.set_mode(RANKS)  # scores hidden on the projector: hidden on the web too
    qtbot.waitUntil(lambda: panel.board.version > before, timeout=2000)  # (≤ 10 a second)
    ranks = sse_events(panel.server.port, events, 1)[0]
    assert ranks["mode"] == RANKS and not any(line["score"] for line in ranks["lines"])
    assert [x["title"] for x in ranks["lines"]] == [x["title"] for x in full["lines"]]
    projector.set_frozen(True)  # frozen: the web board holds still, even when a score moves
    version = panel.board.version
    with qtbot.waitSignal(chair.context.changed):
        save(chair, _ids, 0, "PAP", 99, juror_id=_ids.jurors[0])
    assert panel.board.version == version
    qtbot.wait(300)  # the republishing throttle would have fired by now
    assert panel.board.version == version
    projector.set_mode(FULL)  # a new mode unfreezes: the board follows again
    qtbot.waitUntil(lambda: panel.board.version == version + 1, timeout=2000)
    panel.board_box.setChecked(False)
    assert panel.board is None
    panel.stop()


@pytest.fixture
def indonesian():
    """The window's words in Indonesian (refusals are worded when shown), English afterwards."""
    from PySide6.QtWidgets import QApplication

    from kolabik_desktop.ui import i18n

    i18n.install_translator(QApplication.instance(), "id")
    yield
    i18n.install_translator(QApplication.instance(), "en")


def _row_of(panel, code: str) -> int:
    """The juror's row in the dock (by code: the rows are fresh copies at each refresh)."""
    return [r.code for r in panel.model.rows].index(code)


def _j1(panel):
    panel.refresh()
    return [r for r in panel.model.rows if r.code == "J1"][0]


def test_refusals_show_in_the_dock_and_the_jurors_status_bar_and_a_new_kit_is_told_to_forget(
    room, qtbot, tmp_path, indonesian
):
    """In Indonesian, from core's one table (problem_text): the juror's status bar says why,
    the chair's dock says it in a few words with the sentence in its tooltip."""
    from helpers_exchange import kits_by_juror

    from kolabik_desktop.core.store.models import AuditLog, Juror

    chair, juror, ids = room
    panel, link = chair.features.live_session.panel, juror.features.live_session.link
    panel.start(port=0)
    address = f"127.0.0.1:{panel.server.port}"
    link.connect_to(address)
    panel.session.set_approved("J1")
    save(juror, ids, 0, "PAP", 81)  # the first merged change: the event now trusts J1's key
    qtbot.waitUntil(lambda: chair_value(chair, ids, 0, "PAP") == Decimal(81), timeout=5000)
    # Paused: the juror reads why in the status bar; the chair sees it on the juror's row.
    panel.pause_box.setChecked(True)
    save(juror, ids, 0, "MAT", 70)
    paused = "ketua menjeda penerimaan; perubahan Anda menunggu di kit"
    qtbot.waitUntil(lambda: paused in link.status_text(), timeout=5000)
    assert link.status_text().startswith("Luring") or link.status_text().startswith("Daring")
    qtbot.waitUntil(lambda: _j1(panel).last_refusal == live.REFUSED_PAUSED, timeout=5000)
    row = _row_of(panel, "J1")
    cell = panel.model.index(row, LiveJurorsModel.REFUSAL)
    assert panel.model.data(cell).endswith(" penerimaan dijeda")
    juror.grab().save(str(SHOTS / "live_session_juror_paused.png"))  # its status bar, looked at
    tip = panel.model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("penerimaan dijeda pukul ") and tip.endswith(paused)
    panel.pause_box.setChecked(False)
    qtbot.waitUntil(lambda: link.unsent == 0, timeout=6000)

    # The juror is given a new kit: its key is not the one the event trusts.
    fresh = kits_by_juror(chair.context.db, tmp_path / "fresh")["J1"]
    juror.close_event()
    assert juror.open_event(fresh)
    link = juror.features.live_session.link
    link.connect_to(address)
    save(juror, ids, 1, "PAP", 60)
    told = "ketua harus melupakan kunci lama (Lupakan kunci juri di panel sesi langsung"
    qtbot.waitUntil(lambda: told in link.status_text(), timeout=6000)
    qtbot.waitUntil(lambda: _j1(panel).last_refusal == live.REFUSED_KEY_CHANGED, timeout=5000)
    row = _row_of(panel, "J1")
    cell = panel.model.index(row, LiveJurorsModel.REFUSAL)
    assert panel.model.data(cell).endswith(" kit baru: lupakan kunci lama")
    assert chair_value(chair, ids, 1, "PAP") is None
    chair.features.live_session.dock.show()
    chair.features.live_session.dock.resize(1100, 320)
    chair.grab().save(str(SHOTS / "live_session_dock_refusals.png"))
    # The dock's "Forget juror key": through core's forget_juror_key, audited; the new kit's
    # next change is then trusted (J1 stays approved) and merged.
    panel.table.selectRow(_row_of(panel, "J1"))
    assert len(panel.forget_selected_key(confirm=False)) == 1
    with chair.context.db.session() as s:
        forgot = s.scalars(select(AuditLog).where(AuditLog.action == "juror.key.forget")).all()
        assert len(forgot) == 1 and forgot[0].actor == "chair"
    qtbot.waitUntil(lambda: chair_value(chair, ids, 1, "PAP") == Decimal(60), timeout=8000)
    with chair.context.db.session() as s:
        assert s.scalar(select(Juror.public_key).where(Juror.code == "J1")) is not None
    panel.stop()


def test_closing_the_kit_waits_for_its_sync_and_aborts_it(room, qtbot, monkeypatch):
    import socket
    import threading

    import kolabik_desktop.live.client as client_module

    _chair, juror, ids = room
    # A "hub" that takes the connection and never answers: the sync blocks on the network.
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(8)
    real = client_module.sync_once
    started = threading.Event()
    seen: dict[str, object] = {}

    def watched(kit, client, entry=""):
        started.set()
        result = real(kit, client, entry)
        seen["result"] = result
        seen["kit_closed_when_done"] = kit._closed
        return result

    monkeypatch.setattr(client_module, "sync_once", watched)
    save(juror, ids, 0, "PAP", 81)
    juror.features.live_session.link.connect_to(f"127.0.0.1:{hole.getsockname()[1]}")
    assert started.wait(5)
    kit = juror.context.db
    juror.close_event()
    # close_event returned: the sync had ended, before the kit closed and its lock went.
    assert seen["kit_closed_when_done"] is False and kit._closed
    refusal = seen["result"].refusal
    assert refusal.code == live.REFUSED_UNREACHABLE
    assert str(refusal).startswith("no hub answered (http://127.0.0.1:") and "closing" in str(
        refusal
    )
    hole.close()


def test_the_web_board_in_chromium_shows_every_projector_mode_and_never_more(room, qtbot):
    from helpers_live import browser_or_skip

    from kolabik_desktop.ui.projector import FULL, PRESENTING, PROGRESS, RANKS, REVEAL

    chair, _juror, ids = room
    panel, projector = chair.features.live_session.panel, chair.features.projector.controller
    projector.set_board("P1")
    panel.start(port=0)
    panel.board_box.setChecked(True)
    browser = browser_or_skip("1920,1080")
    try:
        browser.get(panel.server.url("127.0.0.1") + panel.board.path)

        def shown(mode: str):
            def ready() -> bool:
                qtbot.wait(50)
                return browser.execute_script("return document.body.dataset.mode") == mode

            qtbot.waitUntil(ready, timeout=10000)
            browser.save_screenshot(str(SHOTS / f"web_board_{mode}.png"))
            return [
                li.text
                for li in browser.find_elements("css selector", "#lines li:not(.placeholder)")
            ]

        full = projector.current_lines(show_scores=True)
        projector.set_mode(FULL)
        lines = shown(FULL)
        assert len(lines) == len(full) > 0
        assert all(line.score in text for line, text in zip(full, lines, strict=True))
        projector.set_mode(RANKS)
        ranks = shown(RANKS)
        assert len(ranks) == len(full)
        assert not any(line.score in text for line, text in zip(full, ranks, strict=True))
        projector.set_mode(PROGRESS)
        shown(PROGRESS)
        count = browser.find_element("id", "count").text
        assert count.endswith(f"/ {len(browser.find_elements('css selector', '#jurors li'))}")
        assert browser.find_elements("css selector", "#lines li") == []
        projector.set_mode(REVEAL)  # nothing revealed yet: only empty places
        assert shown(REVEAL) == []
        placeholders = browser.find_elements("css selector", "#lines li.placeholder")
        assert len(placeholders) == len(full)
        projector.reveal_next()
        projector.reveal_next()  # the last two places, and only they

        def revealed() -> list[str]:
            qtbot.wait(50)
            return [
                li.text
                for li in browser.find_elements("css selector", "#lines li:not(.placeholder)")
            ]

        qtbot.waitUntil(lambda: len(revealed()) == 2, timeout=10000)
        assert full[-1].title in revealed()[-1] and full[0].title not in " ".join(revealed())
        numbers = [li.text for li in browser.find_elements("css selector", "#lines li.placeholder")]
        assert numbers == [str(n) for n in range(1, len(full) - 1)]  # numbered as on the projector
        browser.save_screenshot(str(SHOTS / f"web_board_{REVEAL}_two.png"))
        projector.set_mode(PRESENTING)
        shown(PRESENTING)
        info = projector.session.info()
        if info.entry is not None:
            assert browser.find_element("id", "p-entry").text == info.entry.title
            assert browser.find_element("id", "p-countdown").text == info.timer.countdown_text()
        else:
            assert browser.find_element("id", "p-caption").text
        assert browser.find_elements("css selector", "#lines li") == []
        browser.save_screenshot(str(SHOTS / f"web_board_{PRESENTING}.png"))
    finally:
        browser.quit()
        panel.stop()


def served(panel) -> dict:
    """The board the web board serves now (its SSE frame's JSON)."""
    return json.loads(panel.board._data.decode().removeprefix("data: "))


def test_the_web_board_follows_scores_while_the_projector_is_closed(room, qtbot):
    """A closed projector ranks nothing on a change, but a served web board reads its state,
    which catches up first: the web board still moves with every accepted score."""
    from helpers_live import sse_events

    chair, _juror, ids = room
    panel, projector = chair.features.live_session.panel, chair.features.projector.controller
    assert not projector.is_open() and not projector.is_shown()
    projector.set_board("P2")
    panel.start(port=0)
    panel.board_box.setChecked(True)
    events = panel.board.path + "events"
    first = sse_events(panel.server.port, events, 1)[0]
    before = panel.board.version
    p2 = sorted(code for stage, code in ids.criteria if stage == "P2")
    for juror_id in ids.jurors:
        for crit in p2:
            services.set_score(
                chair.context.db,
                juror_id=juror_id,
                entry_id=ids.entries[0],
                criterion_id=ids.criteria[("P2", crit)],
                value=Decimal(100),
            )
    # The first change after a quiet spell is published at once, the rest of the burst after
    # the cooldown: wait for the board that holds the whole burst.
    qtbot.waitUntil(
        lambda: panel.board.version > before and bool(served(panel)["lines"]),
        timeout=3000,
    )
    after = sse_events(panel.server.port, events, 1)[0]
    assert after["lines"] != first["lines"]
    ranked = [r for r in chair.context.scorer.leaderboard("P2").rows if r.rank is not None]
    assert after["lines"][0]["title"] == ranked[0].entry.title


def test_the_web_board_publishes_a_lone_change_at_once_and_coalesces_a_burst(room, qtbot):
    from kolabik_desktop.ui.projector import FULL, RANKS

    chair, _juror, _ids = room
    panel, projector = chair.features.live_session.panel, chair.features.projector.controller
    panel.start(port=0)
    panel.board_box.setChecked(True)
    start = panel.board.version
    projector.set_mode(RANKS)  # after a quiet spell: published at once, no timer waited for
    assert panel.board.version == start + 1
    # The hub's loop takes the published board in its own thread, a moment later (until the
    # first is taken it serves the empty board: no version yet).
    qtbot.waitUntil(lambda: served(panel).get("version") == start + 1, timeout=2000)
    assert served(panel)["mode"] == "ranks"
    projector.set_mode(FULL)  # a burst within the cooldown: held, then one publish of the last
    projector.set_mode(RANKS)
    projector.set_mode(FULL)
    assert panel.board.version == start + 1
    qtbot.waitUntil(lambda: served(panel).get("version") == start + 2, timeout=2000)
    assert served(panel)["mode"] == "full"
    qtbot.wait(300)  # nothing more was pending
    assert panel.board.version == start + 2
    panel.stop()


def test_the_docks_writing_buttons_follow_the_event_and_the_hub(room, tmp_path):
    """Approve needs a running hub; Forget juror key (an audited write) needs the chair's event
    open for writing: a read-only event leaves both disabled."""
    chair, _juror, _ids = room
    panel = chair.features.live_session.panel
    assert panel.forget_button.isEnabled() and not panel.approve_button.isEnabled()
    panel.start(port=0)
    assert panel.approve_button.isEnabled()
    panel.stop()
    assert not panel.approve_button.isEnabled()
    chair.close_event()
    assert not panel.forget_button.isEnabled()
    assert chair.open_event(tmp_path / "chair.kolabik", read_only=True)
    assert not panel.forget_button.isEnabled() and not panel.approve_button.isEnabled()
