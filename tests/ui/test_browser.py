"""The proposal browser's model and proxy, without a window."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt

from kolabik_desktop.ui.browser import (
    COL_CODE,
    COL_STATUS,
    COL_TITLE,
    COL_TOTAL,
    COMPLETE,
    NOT_STARTED,
    PARTIAL,
    RECUSED,
    BrowserModel,
    BrowserProxy,
    BrowserRow,
)


def row(i: int, status: str = NOT_STARTED, total=None, category="Kecamatan", unit="") -> BrowserRow:
    return BrowserRow(
        entry_id=i,
        code=f"IN-{i:03d}",
        title=f"Inovasi Layanan {i}",
        unit=unit or f"Dinas {i % 3}",
        category=category,
        status=status,
        total=total,
        total_text="" if total is None else f"{float(total):.2f}",
    )


def make(rows):
    model = BrowserModel()
    model.set_rows(rows)
    proxy = BrowserProxy()
    proxy.setSourceModel(model)
    return model, proxy


def visible(proxy: BrowserProxy) -> list[int]:
    return [proxy.entry_id_at(r) for r in range(proxy.rowCount())]


def test_model_shows_named_columns_and_rows(qapp):
    model, _ = make([row(1, COMPLETE, Fraction(171, 2)), row(2, RECUSED)])
    assert model.rowCount() == 2
    assert model.columnCount() == 6
    assert (
        model.headerData(COL_STATUS, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        == "My status"
    )
    assert model.index(0, COL_CODE).data() == "IN-001"
    assert model.index(0, COL_STATUS).data() == "Complete"
    assert model.index(0, COL_TOTAL).data() == "85.50"
    assert model.index(1, COL_STATUS).data() == "Recused"
    assert model.index(1, COL_TOTAL).data() == ""


def test_set_rows_resets_only_when_a_row_differs(qapp, qtbot):
    # The chair's list is set again when the scores arrive; a reset would make the proxy filter
    # every row again (a call into Python each) to show the same rows.
    model, proxy = make([row(2), row(1)])
    proxy.set_search("layanan 1")
    assert visible(proxy) == [1]
    with qtbot.assertNotEmitted(model.modelAboutToBeReset):
        model.set_rows([row(1), row(2)])  # the same rows in another order: sorted alike
    assert visible(proxy) == [1]
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([row(1), row(2, PARTIAL)])
    assert model.index(1, COL_STATUS).data() == "Partial"
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([row(1), row(2, PARTIAL), row(11)])
    assert visible(proxy) == [1, 11]


def test_set_rows_refilters_rows_changed_in_place(qapp, qtbot):
    # A scored entry stays listed under "Not started" while the juror works (the filter is not
    # dynamic); the next refresh, with the same rows, shows the filter's real result.
    model, proxy = make([row(1), row(2)])
    proxy.set_status(NOT_STARTED)
    model.update_row(2, PARTIAL, None, "")
    assert visible(proxy) == [1, 2]
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([row(1), row(2, PARTIAL)])  # what update_row already holds
    assert visible(proxy) == [1]
    with qtbot.assertNotEmitted(model.modelAboutToBeReset):
        model.set_rows([row(1), row(2, PARTIAL)])  # filtered as it is now: nothing to redo


def test_update_row_changes_one_row_and_signals_it(qapp, qtbot):
    model, _ = make([row(1), row(2)])
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.update_row(2, PARTIAL, None, "")
    top_left, bottom_right = blocker.args[:2]
    assert (top_left.row(), top_left.column(), bottom_right.column()) == (1, COL_STATUS, COL_TOTAL)
    assert model.index(1, COL_STATUS).data() == "Partial"
    with qtbot.assertNotEmitted(model.dataChanged):
        model.update_row(2, PARTIAL, None, "")  # unchanged: no repaint
        model.update_row(99, PARTIAL, None, "")  # not listed: ignored


def test_search_matches_code_title_and_unit_every_word(qapp):
    _, proxy = make([row(1, unit="Dinas Kesehatan"), row(2, unit="Kecamatan Purworejo"), row(12)])
    proxy.set_search("in-01")
    assert visible(proxy) == [12]
    proxy.set_search("kesehatan")
    assert visible(proxy) == [1]
    proxy.set_search("LAYANAN purworejo")
    assert visible(proxy) == [2]
    proxy.set_search("layanan tidakada")
    assert visible(proxy) == []
    proxy.set_search("")
    assert visible(proxy) == [1, 2, 12]


def test_category_and_status_filters_combine_with_search(qapp):
    rows = [
        row(1, COMPLETE, category="Kelurahan"),
        row(2, PARTIAL, category="Kelurahan"),
        row(3, COMPLETE, category="Sekolah"),
    ]
    _, proxy = make(rows)
    proxy.set_category("Kelurahan")
    assert visible(proxy) == [1, 2]
    proxy.set_status(COMPLETE)
    assert visible(proxy) == [1]
    proxy.set_category(None)
    assert visible(proxy) == [1, 3]
    proxy.set_search("IN-003")
    assert visible(proxy) == [3]


def test_sorting_by_total_and_status_uses_values_not_text(qapp):
    rows = [
        row(1, COMPLETE, Fraction(9)),
        row(2, COMPLETE, Fraction(85)),
        row(3, NOT_STARTED, None),
        row(4, PARTIAL, None),
    ]
    _, proxy = make(rows)
    proxy.sort(COL_TOTAL, Qt.SortOrder.DescendingOrder)
    assert visible(proxy)[:2] == [2, 1]  # 85 above 9, though "9" > "85" as text
    proxy.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)
    order = visible(proxy)
    assert order[:2] == [3, 4] and set(order[2:]) == {1, 2}  # not started, partial, complete
    proxy.sort(COL_TITLE, Qt.SortOrder.DescendingOrder)
    assert visible(proxy) == [4, 3, 2, 1]
    proxy.set_search("layanan 2")
    assert visible(proxy) == [2]  # the filter holds across a sort


def test_sorting_keeps_the_current_row_on_its_entry(qapp):
    from PySide6.QtCore import QPersistentModelIndex

    model, proxy = make([row(1, COMPLETE, Fraction(9)), row(2, COMPLETE, Fraction(85))])
    held = QPersistentModelIndex(model.index(0, COL_CODE))
    proxy.sort(COL_TOTAL, Qt.SortOrder.DescendingOrder)
    assert held.row() == 1
    assert held.data() == "IN-001"
