"""The scoring form on its own: value checks, stepping, descriptors, autosave through undo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from factories import make_event
from sqlalchemy import update

from kolabik_desktop.core.store.models import Criterion
from kolabik_desktop.ui.context import EventContext
from kolabik_desktop.ui.scoring_form import (
    DEBOUNCE_MS,
    CriterionInfo,
    CriterionRow,
    ScoringForm,
    load_sheet,
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
