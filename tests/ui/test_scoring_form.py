"""The scoring form on its own: value checks, stepping, descriptors, autosave through undo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from factories import make_event
from PySide6.QtCore import Qt
from sqlalchemy import update

from kolabik_desktop.core.store.models import Criterion
from kolabik_desktop.ui.context import EventContext
from kolabik_desktop.ui.scoring_form import (
    DEBOUNCE_MS,
    CriterionInfo,
    CriterionRow,
    ScoringForm,
    load_sheet,
    parse_typed_number,
)
from kolabik_desktop.ui.undo import SheetUndo


def info(min_value="1", max_value="25", step="0.5") -> CriterionInfo:
    return CriterionInfo(
        id=1,
        code="X",
        name="Mark",
        description="",
        weight=Decimal(100),
        min_value=Decimal(min_value),
        max_value=Decimal(max_value),
        step=Decimal(step),
        descriptors=(),
    )


@pytest.mark.parametrize(
    ("typed", "value", "problem"),
    [
        ("", None, None),
        ("12,5", Decimal("12.5"), None),
        ("12.5", Decimal("12.5"), None),
        ("25", Decimal(25), None),
        ("0,5", None, "outside the range 1 to 25"),
        ("26", None, "outside the range 1 to 25"),
        ("12.3", None, "not on the step 0.5 (from 1)"),
        (".", None, "is not a number"),
    ],
)
def test_a_value_is_accepted_only_in_range_and_on_step(qtbot, typed, value, problem):
    row = CriterionRow(info())
    qtbot.addWidget(row)
    row.value.setText(typed)
    got, why = row.parsed_value()
    assert got == value
    if problem is None:
        assert why is None
    else:
        assert problem in why


def test_stepping_snaps_to_the_grid_and_stays_in_range(qtbot):
    row = CriterionRow(info())
    qtbot.addWidget(row)
    row.value.step_by(1)
    assert row.value.text() == "1"  # empty: starts at the minimum
    row.value.setText("12.3")
    row.value.step_by(1)
    assert row.value.text() == "12.5"
    row.value.setText("12.3")
    row.value.step_by(-1)
    assert row.value.text() == "12"
    row.value.setText("24.5")
    row.value.step_by(10)
    assert row.value.text() == "25"
    row.value.setText("")
    row.value.step_by(-1)
    assert row.value.text() == "25"  # empty and down: starts at the maximum


def test_descriptors_and_typed_edits_are_saved_after_the_debounce(qtbot, tmp_path):
    db, ids = make_event(tmp_path / "f.kolabik", fill=0.0)
    crit = ids.criteria[("P1", "SIG")]
    with db.session() as s:
        s.execute(
            update(Criterion)
            .where(Criterion.id == crit)
            .values(
                descriptors='[{"value": 60, "text": "Dampak kecil"}, {"value": 90, "text": "Dampak besar"}]'
            )
        )
    context = EventContext(db)
    undo = SheetUndo()
    undo.set_db(db)
    form = ScoringForm(undo)
    qtbot.addWidget(form)
    form.set_context(context)
    juror, entry, stage = ids.jurors[1], ids.entries[2], ids.stages["P1"]
    form.show_sheet(juror, stage, entry)
    row = next(r for r in form.rows if r.info.id == crit)
    assert row.info.descriptors == (("60", "Dampak kecil"), ("90", "Dampak besar"))
    form.show()
    row.value.setFocus()
    qtbot.keyClicks(row.value, "77")
    assert load_sheet(db, juror, entry, stage).cells == {}  # not yet: typing is debounced
    with qtbot.waitSignal(undo.applied, timeout=DEBOUNCE_MS + 1000):
        pass
    assert load_sheet(db, juror, entry, stage).cells[crit].value == Decimal(77)
    assert undo.stack.count() == 1
    form.set_context(None)
    context.close()


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("85", Decimal(85)),
        ("85,5", Decimal("85.5")),
        ("85.5", Decimal("85.5")),
        (" 85 ", Decimal(85)),
        (",5", Decimal("0.5")),
        ("85,", Decimal(85)),
        ("-3", Decimal(-3)),
        ("8o", None),
        ("7a5", None),
        ("1e2", None),
        ("1_0", None),
        ("8 5", None),
        ("85,5,0", None),
        ("85.5,0", None),
        ("NaN", None),
        ("Infinity", None),
        ("+5", Decimal(5)),  # a sign is part of a number, as the rules read it
        ("٨٥", None),  # other scripts' digits: not what a juror types on this keyboard
        ("", None),
    ],
)
def test_a_typed_number_is_read_strictly_never_stripped(typed, value):
    assert parse_typed_number(typed) == value


@pytest.mark.parametrize("typo", ["8o", "7a5"])
def test_a_typo_is_refused_at_once_shown_as_typed_and_the_old_value_stays(qtbot, tmp_path, typo):
    db, ids = make_event(tmp_path / "f.kolabik", fill=0.0)
    context = EventContext(db)
    undo = SheetUndo()
    undo.set_db(db)
    form = ScoringForm(undo)
    qtbot.addWidget(form)
    form.set_context(context)
    juror, entry, stage = ids.jurors[1], ids.entries[2], ids.stages["P1"]
    crit = ids.criteria[("P1", "SIG")]
    form.show_sheet(juror, stage, entry)
    form.show()
    row = next(r for r in form.rows if r.info.id == crit)
    row.value.setFocus()
    qtbot.keyClicks(row.value, "80")
    form.flush()
    assert load_sheet(db, juror, entry, stage).cells[crit].value == Decimal(80)
    row.value.selectAll()
    qtbot.keyClicks(row.value, typo)
    # Every keystroke stays in the field, and the refusal shows before any save or Enter.
    assert row.value.text() == typo
    assert not row.problem.isHidden()
    assert "is not a number" in row.problem.text()
    qtbot.keyClick(row.value, Qt.Key.Key_Return)  # Enter does not move on from a refused value
    assert form.focusWidget() is row.value
    form.flush()
    assert load_sheet(db, juror, entry, stage).cells[crit].value == Decimal(80)
    assert undo.stack.count() == 1
    form.set_context(None)
    context.close()
