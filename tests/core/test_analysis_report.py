"""The `analysis` PDF report: the numbers of core/analysis, in Indonesian and English."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from factories import make_event
from pypdf import PdfReader

from kolabik_desktop.core.analysis.export import stat
from kolabik_desktop.core.analysis.stats import analyse
from kolabik_desktop.core.errors import ValidationError
from kolabik_desktop.core.reports import ReportOptions, build_report, load_report_data

DAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = tmp_path_factory.mktemp("analysis") / "an.kolabik"
    db, _ids = make_event(path, entries=20, jurors=5, admitted_to_p2=6, p2_fill=0.8)
    try:
        return load_report_data(db)
    finally:
        db.close()


def _text(data, **options) -> str:
    options.setdefault("date", DAY)
    pdf = build_report(data, ReportOptions(kind="analysis", **options))
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_stage_report_prints_the_core_numbers(data):
    text = _text(data, stage="P1")
    assert "ANALISIS PENILAIAN JURI" in text and "Statistik per juri" in text
    result = analyse(data.event, data.values, "P1", scorer=data.scorer)
    for j in result.jurors:
        assert j.juror.code in text
        for value in (j.mean, j.sd, j.leniency, j.correlation):
            if value is not None:
                assert (stat(value) or "").replace(".", ",") in text
    for c in result.criteria:
        if c.alpha.value is not None:
            assert (stat(c.alpha.value) or "").replace(".", ",") in text
    assert "Kepekaan terhadap metode penilaian" in text and "Tanpa satu juri" in text
    assert "stabil" in text


def test_final_report_in_english(data):
    text = _text(data, stage="final", lang="en")
    assert "JURY ANALYSIS" in text and "Final ranking" in text
    assert "Sensitivity to the scoring method" in text and "Leave one juror out" in text
    assert "Statistics per juror" not in text  # per-juror figures belong to a stage


def test_unknown_stage_is_refused(data):
    with pytest.raises(ValidationError, match="X9"):
        build_report(data, ReportOptions(kind="analysis", stage="X9"))


@pytest.mark.parametrize(
    ("lang", "header"),
    [
        ("id", "Juri n Rata-rata SB Kelonggaran Korelasi Pencilan Catatan"),
        ("en", "Juror n Mean SD Leniency Correlation Outliers Notes"),
    ],
)
def test_juror_table_headers_are_never_broken_inside_a_word(data, lang, header):
    assert header in _text(data, stage="P1", lang=lang)


def test_chart_axes_use_the_reports_decimal_mark(data):
    # The box plot and leniency axes print figures like 71.3: a comma in Indonesian.
    assert not re.search(r"\d\.\d", _text(data, stage="P1"))
    assert re.search(r"\d\.\d", _text(data, stage="P1", lang="en"))
