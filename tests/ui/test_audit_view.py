"""Tools › Audit log: filters, the chain's state and the full check on a tampered file (in
Indonesian), and the export of the filtered rows (issue 17 item 6)."""

from __future__ import annotations

import csv
import dataclasses
import io
import sqlite3
from decimal import Decimal

import pytest
from factories import make_event
from openpyxl import load_workbook

from kolabik_desktop.core.store.db import open_event_file
from kolabik_desktop.core.store.queries.audit import AuditFilter, audit_count, audit_page
from kolabik_desktop.core.store.services import set_score
from kolabik_desktop.ui import i18n
from kolabik_desktop.ui.audit_view import AuditView

BASE: dict[object, int] = {}


@pytest.fixture
def event(tmp_path):
    """An event whose log holds 6 score.set rows: J2 on IN-002 (x2) and IN-003, J3 on IN-002
    (x2, one with a formula-like note) and the chair's clearing of J4's cell on IN-004."""
    path = tmp_path / "kota.kolabik"
    db, ids = make_event(path, audited=True)
    BASE[path] = audit_count(db, AuditFilter())  # the event's own rows come first
    sig = ids.criteria[("P1", "SIG")]
    j2, j3, j4 = ids.jurors[1], ids.jurors[2], ids.jurors[3]
    e2, e3, e4 = ids.entries[1], ids.entries[2], ids.entries[3]
    for juror, entry, value, note in (
        (j2, e2, Decimal(70), ""),
        (j2, e2, Decimal(71), "naik"),
        (j2, e3, Decimal(80), ""),
        (j3, e2, Decimal(60), ""),
        (j3, e2, Decimal(61), "=HYPERLINK(1)"),
    ):
        set_score(db, juror_id=juror, entry_id=entry, criterion_id=sig, value=value, note=note)
    set_score(db, juror_id=j4, entry_id=e4, criterion_id=sig, value=None, actor="chair")
    db.close()
    return path


@pytest.fixture
def view(qtbot, event):
    db = open_event_file(event, read_only=True)
    v = AuditView()
    qtbot.addWidget(v)
    v.set_db(db)
    v.show()
    qtbot.waitUntil(lambda: v.chain is not None, timeout=10_000)
    yield v
    v.set_db(None)
    db.close()


def shown(v: AuditView, column: int) -> list[str]:
    return [v.model.text(r, column) for r in v.model.rows]


def new_rows(v: AuditView) -> list:
    """The rows the fixture wrote (after the event's own)."""
    base = BASE[v.db.path]
    return [r for r in v.model.rows if r.id > base]


def score_rows(v: AuditView) -> list[tuple[str, str, str]]:
    return [(r.juror, r.entry, r.new_text()) for r in new_rows(v) if r.action == "score.set"]


def test_filters_by_juror_entry_action_and_time(view):
    all_rows = len(view.model.rows)
    assert all_rows == audit_count(view.db, AuditFilter()) >= 6
    assert view.model.rows[0].id > view.model.rows[-1].id  # newest first

    view.juror.setCurrentIndex(view.juror.findData("J2"))
    assert {(j, e) for j, e, _n in score_rows(view)} == {("J2", "IN-002"), ("J2", "IN-003")}
    assert len(score_rows(view)) == 3
    assert view.count_label.text().startswith(f"{len(view.model.rows)} ")

    view.entry.setEditText("IN-002")
    view.apply_filter()
    assert [n.split(",")[0] for _j, _e, n in score_rows(view)] == ["value=71", "value=70"]

    view.juror.setCurrentIndex(0)  # every juror, entry IN-002
    assert {j for j, _e, _n in score_rows(view)} == {"J2", "J3"}
    assert len(new_rows(view)) == 4

    view.entry.setEditText("")
    view.action.setCurrentIndex(view.action.findData("score.set"))
    assert len(new_rows(view)) == 6 and all(r.action == "score.set" for r in view.model.rows)
    assert "Score set" in shown(view, 3)

    # J4's row was made by the chair but is about J4: the juror filter finds it.
    view.juror.setCurrentIndex(view.juror.findData("J4"))
    assert [(r.actor, r.juror, r.new_text().split(",")[0]) for r in new_rows(view)] == [
        ("chair", "J4", "value=-")
    ]

    view.juror.setCurrentIndex(0)
    view.action.setCurrentIndex(0)
    view.since.setDateTime(view.since.dateTime().addDays(2))  # tomorrow: nothing yet
    view.use_since.setChecked(True)
    assert view.model.rows == []
    view.use_since.setChecked(False)
    assert len(view.model.rows) == all_rows


def test_filters_match_codes_exactly_and_page_newest_first(event):
    db = open_event_file(event, read_only=True)
    try:
        # "J1" must not find J10..., and no LIKE-style folding: "j2" is no juror.
        assert audit_count(db, AuditFilter(juror="j2")) == 0
        assert audit_count(db, AuditFilter(entry="IN-00")) == 0
        first = audit_page(db, AuditFilter(), limit=2)
        rest = audit_page(db, AuditFilter(), before_id=first[-1].id, limit=10_000)
        ids = [r.id for r in first + rest]
        assert ids == sorted(ids, reverse=True) and len(ids) == len(set(ids))
        assert len(ids) == audit_count(db, AuditFilter())
    finally:
        db.close()


def test_paging_fetches_more_as_the_table_scrolls(view, monkeypatch):
    # The view reads the read layer's page size when it fetches (imported after the paint).
    import kolabik_desktop.core.store.queries.audit as av

    monkeypatch.setattr(av, "PAGE_ROWS", 2)
    view.model.reset(view.db, AuditFilter())
    assert len(view.model.rows) == 2 and view.model.canFetchMore()
    while view.model.canFetchMore():
        view.model.fetchMore()
    assert len(view.model.rows) == audit_count(view.db, AuditFilter())


def test_an_intact_chain_and_a_clean_check(qtbot, view, qapp):
    i18n.install_translator(qapp, "id")
    try:
        assert view.chain is not None and view.chain.intact
        assert view.chain.rows == audit_count(view.db, AuditFilter())
        view.run_check()
        qtbot.waitUntil(lambda: view.check is not None, timeout=20_000)
        assert view.check.lines == ()
        assert "Tidak ada masalah" in view.findings.item(0).text()
        assert "log audit diputar ulang" in view.findings.item(0).text()
    finally:
        i18n.install_translator(qapp, "en")


def test_a_score_edited_behind_the_programs_back_is_found_in_indonesian(qtbot, qapp, event):
    con = sqlite3.connect(event)
    with con:
        con.execute(
            "UPDATE score SET value = '99' WHERE juror_id = (SELECT id FROM juror WHERE code='J2')"
            " AND entry_id = (SELECT id FROM entry WHERE code='IN-003')"
            " AND criterion_id = (SELECT c.id FROM criterion c JOIN stage s ON s.id = c.stage_id"
            " WHERE s.code = 'P1' AND c.code = 'SIG')"
        )
        # And one audit row rewritten: the chain breaks there.
        con.execute("UPDATE audit_log SET actor = 'J9' WHERE id = 3")
    con.close()
    i18n.install_translator(qapp, "id")
    db = open_event_file(event, read_only=True)
    v = AuditView()
    qtbot.addWidget(v)
    try:
        v.set_db(db)
        qtbot.waitUntil(lambda: v.chain is not None, timeout=10_000)
        assert v.chain.broken_at == 3
        assert "RUSAK di baris 3" in v.chain_label.text()
        v.run_check()
        qtbot.waitUntil(lambda: v.check is not None, timeout=20_000)
        texts = [v.findings.item(i).text() for i in range(v.findings.count())]
        assert texts[0].endswith("masalah ditemukan:")
        edited = [
            t for t in texts if t.startswith("nilai juri J2 untuk peserta IN-003 di P1/SIG: ")
        ]
        assert len(edited) == 1, texts
        assert "tabel nilai berisi 99" in edited[0] and "diubah di luar program" in edited[0]
        assert any("Baris audit 3" in t for t in texts)
        # The change column speaks the window's language, with the export's words.
        changes = [v.model.text(r, 8) for r in v.model.rows if r.action == "score.set"]
        assert changes and all(c.startswith("nilai=") and "value=" not in c for c in changes)
        assert any("catatan=naik" in c for c in changes)
    finally:
        i18n.install_translator(qapp, "en")
        v.set_db(None)
        db.close()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_writes_the_filtered_rows_oldest_first_as_data(view, tmp_path, suffix):
    view.entry.setEditText("IN-002")
    view.apply_filter()
    out = tmp_path / f"audit{suffix}"
    written = view.export_to(out)
    assert written == len(view.model.rows)
    if suffix == ".csv":
        text = out.read_bytes().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
    else:
        ws = load_workbook(out).active
        rows = [
            ["" if c is None else str(c) for c in row] for row in ws.iter_rows(values_only=True)
        ]
    header, body = rows[0], [r for r in rows[1:] if int(r[0]) > BASE[view.db.path]]
    assert len(rows) == written + 1
    assert header[:4] == ["No.", "Time (UTC)", "Actor", "Action"]
    assert [int(r[0]) for r in rows[1:]] == sorted(r.id for r in view.model.rows)
    assert [(r[5], r[6], r[8]) for r in body] == [("J2", "IN-002", "SIG")] * 2 + [
        ("J3", "IN-002", "SIG")
    ] * 2
    last = body[-1][11]
    assert "note==HYPERLINK(1)" in last  # the note is inside a longer text: no formula start
    assert not list(tmp_path.glob("*.tmp*"))


def test_the_export_command_writes_off_the_gui_thread_and_reports(
    qtbot, view, tmp_path, monkeypatch
):
    import threading

    from kolabik_desktop.core.exchange import exports
    from kolabik_desktop.ui import audit_view

    target = tmp_path / "log.csv"
    monkeypatch.setattr(audit_view, "get_save_file_name", lambda *a, **k: (str(target), ""))
    writers: list[threading.Thread] = []
    real_export = exports.export_audit

    def export_audit(*args, **kwargs):
        writers.append(threading.current_thread())
        return real_export(*args, **kwargs)

    monkeypatch.setattr(exports, "export_audit", export_audit)
    told: list[str] = []
    monkeypatch.setattr(
        audit_view.QMessageBox, "information", lambda _p, _t, text: told.append(text)
    )
    view.export()
    assert not view.export_button.isEnabled()  # one export at a time
    view._busy(False)  # a chain read ending meanwhile leaves the export's state alone
    assert not view.export_button.isEnabled() and view.progress.isVisibleTo(view)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert str(len(view.model.rows)) in told[0]
    assert writers and writers[0] is not threading.main_thread()
    assert target.exists() and view.export_button.isEnabled()


def test_an_export_cut_short_by_closing_the_event_leaves_export_usable_for_the_next(
    qtbot, view, event, tmp_path, monkeypatch
):
    """The event closes while its export runs: the runner drops the export's report, so the
    view must not wait for it to enable Export again."""
    import threading

    from kolabik_desktop.core.exchange import exports
    from kolabik_desktop.ui import audit_view
    from kolabik_desktop.ui.workers import TaskRunner, register_runner, unregister_runner

    db = view.db
    runner = TaskRunner()
    register_runner(db, runner)
    started = threading.Event()
    real_export = exports.export_audit

    def export_audit(*args, **kwargs):
        started.set()
        while not runner.closed:  # still writing when the event closes
            threading.Event().wait(0.01)
        return real_export(*args, **kwargs)

    monkeypatch.setattr(exports, "export_audit", export_audit)
    monkeypatch.setattr(
        audit_view, "get_save_file_name", lambda *a, **k: (str(tmp_path / "log.csv"), "")
    )
    told: list[str] = []
    monkeypatch.setattr(audit_view.QMessageBox, "information", lambda _p, _t, t: told.append(t))
    try:
        view.export()
        assert started.wait(10)
        runner.shutdown()  # the event closes: waits for the export, drops its report
        unregister_runner(db)
        view.set_db(None)
        qtbot.wait(50)  # the dropped report would have arrived by now
        assert told == []
        again = open_event_file(event, read_only=True)
        try:
            view.set_db(again)
            assert view.export_button.isEnabled()
            # Its chain read ends before the file closes (a read failing on a closed file would
            # pop up a warning later, in another test).
            qtbot.waitUntil(lambda: view.chain is not None, timeout=10_000)
        finally:
            view.set_db(None)
            again.close()
    finally:
        unregister_runner(db)


def test_export_of_a_field_that_starts_a_formula(tmp_path):
    from kolabik_desktop.core.exchange.exports import export_audit
    from kolabik_desktop.core.store.queries.audit import AuditLine

    row = AuditLine(
        1,
        "2026-12-01T10:00:00.000000Z",
        "=cmd",
        "score.set",
        "@evil.json",
        "J1",
        "E1",
        "P1",
        "SIG",
        "",
        (),
        (("value", "1"), ("note", "-x")),
    )
    export_audit([row], tmp_path / "a.csv", "id")
    text = (tmp_path / "a.csv").read_bytes().decode("utf-8-sig")
    assert "'=cmd" in text and "'@evil.json" in text
    export_audit([row], tmp_path / "a.xlsx", "id")
    ws = load_workbook(tmp_path / "a.xlsx").active
    assert ws["A1"].value == "No." and ws["B1"].value == "Waktu (UTC)"
    assert ws["C2"].value == "=cmd" and ws["C2"].data_type == "s"
    assert ws["L2"].value == "nilai=1, catatan=-x"


def test_tools_audit_log_in_the_window_shows_rows_written_since_it_was_last_open(qtbot, event):
    from kolabik_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_event(event)
    assert window.features.audit.action.isEnabled()
    window.features.audit.action.trigger()
    view = window.features.audit.view
    assert view.isVisible() and view.db is window.context.db
    qtbot.waitUntil(lambda: view.chain is not None, timeout=10_000)
    top = view.model.rows[0].id
    view.hide()
    scorer = window.context.scorer.event
    entry = next(e for e in scorer.entries if e.code == "IN-005")
    criterion = next(c for c in scorer.stages[0].criteria if c.code == "SIG")
    juror = next(j for j in scorer.jurors if j.code == "J5")
    set_score(
        window.context.db,
        juror_id=juror.id,
        entry_id=entry.id,
        criterion_id=criterion.id,
        value=Decimal(55),
    )
    window.features.audit.action.trigger()
    assert view.model.rows[0].id == top + 1
    assert (view.model.rows[0].juror, view.model.rows[0].entry) == ("J5", "IN-005")
    qtbot.waitUntil(lambda: view.chain is not None, timeout=10_000)
    assert view.chain.rows == top + 1
    window.close()
    assert not window.features.audit.action.isEnabled()


def test_a_chain_read_that_finishes_after_a_later_one_is_dropped(qtbot, view, monkeypatch):
    """The runner has two threads: a chain read started before new rows were written (or for the
    event shown before) can finish after the later read; the view keeps the later state."""
    import threading

    from kolabik_desktop.core.store.queries import audit as audit_queries

    real = audit_queries.chain_state
    release = threading.Event()
    calls: list[int] = []

    def chain_state(db, progress=None):
        calls.append(1)
        state = real(db, progress)
        if len(calls) == 1:  # the earlier read: held until the later one has reported
            release.wait(10)
            return dataclasses.replace(state, rows=-1)  # marks the stale answer
        return state

    monkeypatch.setattr(audit_queries, "chain_state", chain_state)
    delivered: list[object] = []
    deliver = view._chain_done

    def chain_done(result):
        delivered.append(result)
        deliver(result)

    monkeypatch.setattr(view, "_chain_done", chain_done)
    view.refresh()  # the earlier read (held)
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10_000)
    view.refresh()  # the later read
    qtbot.waitUntil(lambda: len(delivered) == 1, timeout=10_000)
    fresh = audit_count(view.db, AuditFilter())
    assert view.chain is not None and view.chain.rows == fresh
    assert view.check_button.isEnabled() and not view.progress.isVisible()
    release.set()
    qtbot.waitUntil(lambda: len(delivered) == 2, timeout=10_000)  # the held read has reported
    assert view.chain.rows == fresh  # and changed nothing


def test_every_action_the_core_logs_has_a_name_in_the_view():
    """An action without a name shows as its code (presentation.order, kit.export.failed were
    shown so in the Indonesian window): every literal action the core logs is named."""
    import ast
    from pathlib import Path

    import kolabik_desktop.core
    from kolabik_desktop.ui.audit_view import ACTION_NAMES

    logged: set[str] = set()
    for path in Path(kolabik_desktop.core.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.keyword)
                and node.arg == "action"
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                logged.add(node.value.value)
    assert {"stage.add", "presentation.order", "kit.export.failed"} <= logged
    assert sorted(logged - set(ACTION_NAMES)) == []
