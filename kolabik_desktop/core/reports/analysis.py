"""The ``analysis`` report: juror statistics and method sensitivity for the minutes (issue 15).

Numbers come from core/analysis (which reads the engine); this module lays them out: the juror
table, box plots of the totals, leniency with its spread, a juror x entry deviation heat map,
agreement, the sensitivity table with stable and sensitive places coloured, and leave one juror
out. Charts are ReportLab graphics (vector, no image library).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from kolabik_desktop.core.analysis.export import stat
from kolabik_desktop.core.analysis.stats import (
    StageAnalysis,
    analyse,
    five_numbers,
)
from kolabik_desktop.core.reports.common import Context
from kolabik_desktop.core.reports.layout import (
    FONT,
    FONT_BOLD,
    Styles,
    esc,
    frame_width,
    grid,
    letterhead,
    make_styles,
)
from kolabik_desktop.core.scoring.model import FINAL

STABLE = colors.HexColor("#D8F0DC")
SENSITIVE = colors.HexColor("#F8D7C4")
LOW = colors.HexColor("#F3C6C6")
INK = colors.HexColor("#222222")
GREY = colors.HexColor("#8A8F98")
JUROR_BOX = colors.HexColor("#9DB8D9")
PANEL_BOX = colors.HexColor("#C9CED6")
HEAT_ROWS = 40  # the heat map shows at most this many entries (the best ranked)

WORDS: dict[str, dict[str, str]] = {
    "id": {
        "subtitle": "STATISTIK JURI DAN KEPEKAAN METODE",
        "scope_stage": "Tahap {stage}, metode {method}; toleransi pencilan {tol} poin",
        "scope_final": "Peringkat akhir",
        "jurors": "Statistik per juri",
        "juror": "Juri",
        "n": "n",
        "mean": "Rata-rata",
        "sd": "SB",
        "leniency": "Kelonggaran",
        "correlation": "Korelasi",
        "outliers": "Pencilan",
        "notes": "Catatan",
        "juror_legend": (
            "Kelonggaran: rata-rata selisih nilai juri dengan rata-rata juri lain pada peserta "
            "yang sama (positif = lebih murah). Korelasi: Pearson dengan rata-rata juri lain. "
            "Pencilan: selisih melebihi toleransi. SB = simpangan baku populasi."
        ),
        "box": "Sebaran nilai total tiap juri dan panel (kotak: kuartil; garis: median)",
        "panel": "Panel",
        "lenient": "Kelonggaran tiap juri ± simpangan baku selisihnya",
        "heat": "Selisih nilai juri dengan rata-rata juri lain (peta panas; {n} peserta teratas)",
        "heat_legend": "Biru: di bawah juri lain; merah: di atas; kotak tebal: pencilan.",
        "agreement": "Kesepakatan juri (alfa Krippendorff, interval)",
        "criterion": "Kriteria",
        "alpha": "Alfa",
        "verdict": "Keterangan",
        "low": "kesepakatan rendah (< 0,667)",
        "ok": "memadai",
        "totals": "Nilai total",
        "sensitivity": "Kepekaan terhadap metode penilaian (peringkat {n} teratas)",
        "place": "Peringkat",
        "stable": "stabil",
        "sensitive": "peka: {methods}",
        "changed": "Peserta berganti peringkat",
        "loo": "Tanpa satu juri",
        "winner": "Juara",
        "top3": "3 besar",
        "cut": "Batas lolos",
        "move": "Perpindahan terbesar",
        "same": "tetap",
        "changes": "BERUBAH",
        "none": "—",
        "final_board": "Akhir",
        "method_mean": "rata-rata",
        "method_trimmed": "rata-rata terpangkas",
        "short_trimmed": "terpangkas",
        "method_median": "median",
        "method_banded": "pita",
        "method_zscore": "skor-z",
        "no_entries": "belum ada nilai",
        "one_entry": "hanya satu peserta",
        "no_shared_entry": "tidak berbagi peserta dengan juri lain",
        "fewer_than_3_shared": "kurang dari 3 peserta bersama",
        "no_spread": "nilai tanpa variasi",
        "fewer_than_2_jurors": "Data belum cukup: kurang dari 2 juri bernilai.",
        "fewer_than_2_entries": "Data belum cukup: kurang dari 2 peserta bernilai.",
        "no_pairable_values": "data belum cukup: tidak ada peserta yang dinilai dua juri",
        "no_variation": "data belum cukup: semua nilai sama",
    },
    "en": {
        "subtitle": "JUROR STATISTICS AND METHOD SENSITIVITY",
        "scope_stage": "Stage {stage}, method {method}; outlier tolerance {tol} points",
        "scope_final": "Final ranking",
        "jurors": "Statistics per juror",
        "juror": "Juror",
        "n": "n",
        "mean": "Mean",
        "sd": "SD",
        "leniency": "Leniency",
        "correlation": "Correlation",
        "outliers": "Outliers",
        "notes": "Notes",
        "juror_legend": (
            "Leniency: mean difference between the juror's total and the other jurors' mean on "
            "the same entry (positive = more generous). Correlation: Pearson with the other "
            "jurors' mean. Outliers: differences beyond the tolerance. SD = population SD."
        ),
        "box": "Each juror's totals and the panel's (box: quartiles; line: median)",
        "panel": "Panel",
        "lenient": "Each juror's leniency ± the SD of the differences",
        "heat": "Juror minus the other jurors' mean (heat map; the top {n} entries)",
        "heat_legend": "Blue: below the others; red: above; heavy box: an outlier.",
        "agreement": "Agreement (Krippendorff's alpha, interval)",
        "criterion": "Criterion",
        "alpha": "Alpha",
        "verdict": "Verdict",
        "low": "low agreement (< 0.667)",
        "ok": "adequate",
        "totals": "Totals",
        "sensitivity": "Sensitivity to the scoring method (top {n} places)",
        "place": "Place",
        "stable": "stable",
        "sensitive": "sensitive: {methods}",
        "changed": "Entries changing place",
        "loo": "Leave one juror out",
        "winner": "Winner",
        "top3": "Top 3",
        "cut": "Cut",
        "move": "Largest move",
        "same": "same",
        "changes": "CHANGES",
        "none": "—",
        "final_board": "Final",
        "method_mean": "mean",
        "method_trimmed": "trimmed mean",
        "short_trimmed": "trimmed",
        "method_median": "median",
        "method_banded": "banded",
        "method_zscore": "z-score",
        "no_entries": "no scores yet",
        "one_entry": "one entry only",
        "no_shared_entry": "shares no entry with another juror",
        "fewer_than_3_shared": "fewer than 3 shared entries",
        "no_spread": "no variation",
        "fewer_than_2_jurors": "Not enough data: fewer than 2 jurors with totals.",
        "fewer_than_2_entries": "Not enough data: fewer than 2 entries with totals.",
        "no_pairable_values": "not enough data: no entry scored by two jurors",
        "no_variation": "not enough data: every value is the same",
    },
}


def build_analysis(ctx: Context) -> tuple[list[Flowable], bool]:
    data = ctx.data
    board = ctx.options.stage or min(data.event.stages, key=lambda s: (s.position, s.id)).code
    w = WORDS[ctx.lang]
    wide = ctx.options.orientation == "landscape"
    styles = make_styles(9)
    width = frame_width(ctx.options.paper, wide)
    ctx.progress(0, 1, ctx.t("analysis_title"))
    result = analyse(data.event, data.values, board, data.tolerances.get(board), scorer=data.scorer)
    if board == FINAL:
        scope = w["scope_final"]
    else:
        assert result.stage is not None
        scope = w["scope_stage"].format(
            stage=ctx.stage_label(board),
            method=w[f"method_{result.stage.method}"],
            tol=ctx.raw(result.tolerance),
        )
    story = letterhead(data, styles, width, ctx.t("analysis_title"), [w["subtitle"]])
    story.append(Paragraph(esc(scope), styles.body))
    for note in result.notes:
        story.append(Paragraph(esc(w[note]), styles.body))
    story.append(Spacer(1, 2 * mm))

    def num(value: object) -> str:
        text = stat(value)  # type: ignore[arg-type]
        return w["none"] if text is None else ctx.localise(text)

    if result.stage is not None:
        story.append(Paragraph(esc(w["jurors"]), styles.heading))
        head = [w[k] for k in ("juror", "n", "mean", "sd", "leniency", "correlation", "outliers")]
        rows: list[list[object]] = [[Paragraph(esc(h), styles.head) for h in (*head, w["notes"])]]
        for j in result.jurors:
            rows.append(
                [
                    Paragraph(esc(f"{j.juror.code} — {j.juror.name}"), styles.cell),
                    str(j.n),
                    num(j.mean),
                    num(j.sd),
                    num(j.leniency),
                    num(j.correlation),
                    str(len(j.outliers)),
                    Paragraph(esc("; ".join(w[n] for n in j.notes)), styles.cell),
                ]
            )
        # Each figure column is as wide as its header word (never broken inside the word).
        fixed = [
            max(least * mm, stringWidth(h, FONT_BOLD, styles.head.fontSize) + 8)
            for least, h in zip((8, 17, 13, 17, 15, 14), head[1:], strict=True)
        ]
        rest = width - sum(fixed)
        story.append(grid(rows, [rest * 0.55, *fixed, rest * 0.45], center_cols=(1, 2, 3, 4, 5, 6)))
        story.append(Spacer(1, 1 * mm))
        story.append(Paragraph(esc(w["juror_legend"]), styles.tiny))
        outliers = [(j, o) for j in result.jurors for o in j.outliers]
        if outliers:
            story.append(Spacer(1, 2 * mm))
            lines = [
                f"{j.juror.code} · {o.entry.code}: {num(o.total)} / {num(o.others_mean)}"
                for j, o in outliers[:60]
            ]
            story.append(Paragraph(esc(f"{w['outliers']}: " + "; ".join(lines)), styles.small))
        if any(j.totals for j in result.jurors):
            story.append(CondPageBreak(70 * mm))
            story.append(Paragraph(esc(w["box"]), styles.heading))
            story.append(box_plots(result, width, w["panel"], ctx.localise))
        if any(j.leniency is not None for j in result.jurors):
            story.append(CondPageBreak(60 * mm))
            story.append(Paragraph(esc(w["lenient"]), styles.heading))
            story.append(leniency_chart(result, width, ctx.localise))
        if any(j.deviations for j in result.jurors):
            shown = min(HEAT_ROWS, len(result.entries))
            story.append(CondPageBreak(90 * mm))
            story.append(Paragraph(esc(w["heat"].format(n=shown)), styles.heading))
            story.append(heat_map(result, width))
            story.append(Paragraph(esc(w["heat_legend"]), styles.tiny))
        story.append(Paragraph(esc(w["agreement"]), styles.heading))
        rows = [[w["criterion"], w["alpha"], w["verdict"]]]
        extra: list[tuple[object, ...]] = []
        named = [(f"{c.criterion.code} — {c.criterion.name}", c.alpha) for c in result.criteria]
        if result.alpha_totals is not None:
            named.append((w["totals"], result.alpha_totals))
        for i, (label, a) in enumerate(named, 1):
            verdict = w[a.reason] if a.value is None else (w["low"] if a.low else w["ok"])
            rows.append([Paragraph(esc(label), styles.cell), num(a.value), verdict])
            if a.low:
                extra.append(("BACKGROUND", (1, i), (2, i), LOW))
        story.append(grid(rows, [width * 0.5, 22 * mm, width * 0.5 - 22 * mm], extra=extra))
    story.append(CondPageBreak(50 * mm))
    sens = result.sensitivity
    story.append(Paragraph(esc(w["sensitivity"].format(n=sens.cut)), styles.heading))
    if sens.places:
        story.append(sensitivity_table(result, width, w, styles))
    if result.leave_one_out:
        story.append(CondPageBreak(40 * mm))
        story.append(Paragraph(esc(w["loo"]), styles.heading))
        story.append(loo_table(result, width, w, styles))
    ctx.progress(1, 1, ctx.t("analysis_title"))
    return story, wide


def sensitivity_table(
    result: StageAnalysis, width: float, w: dict[str, str], styles: Styles
) -> Flowable:
    sens = result.sensitivity
    methods = sens.methods
    head: list[object] = [
        Paragraph(esc(text), ParagraphStyle("h", parent=styles.head, fontSize=7.5, leading=9))
        for text in (
            w["place"],
            *(w.get(f"short_{m.method}", w[f"method_{m.method}"]) for m in methods),
            w["verdict"],
        )
    ]
    rows: list[list[object]] = [head]
    extra: list[tuple[object, ...]] = []
    for p in sens.places:
        i = p.place
        cells: list[object] = [str(i)]
        for col, m in enumerate(methods, 1):
            entry = m.order[i - 1] if i - 1 < len(m.order) else None
            cells.append(entry.code if entry else w["none"])
            same = entry is not None and p.entry is not None and entry.id == p.entry.id
            extra.append(("BACKGROUND", (col, i), (col, i), STABLE if same else SENSITIVE))
        verdict = (
            w["stable"]
            if p.stable
            else w["sensitive"].format(methods=", ".join(w[f"method_{m}"] for m, _ in p.changed_by))
        )
        cells.append(Paragraph(esc(verdict), styles.cell))
        extra.append(
            ("BACKGROUND", (len(methods) + 1, i), (-1, i), STABLE if p.stable else SENSITIVE)
        )
        rows.append(cells)
    rows.append(
        [Paragraph(esc(w["changed"]), styles.cell), *(str(m.changed_places) for m in methods), ""]
    )
    col, first = 23 * mm, 20 * mm
    return grid(
        rows,
        [first, *(col for _ in methods), width - first - col * len(methods)],
        center_cols=tuple(range(len(methods) + 1)),
        extra=extra,
        zebra=False,
        font_size=7.5,
    )


def loo_table(result: StageAnalysis, width: float, w: dict[str, str], styles: object) -> Flowable:
    rows: list[list[object]] = [[w["juror"], "", w["winner"], w["top3"], w["cut"], w["move"]]]
    extra: list[tuple[object, ...]] = []
    for item in result.leave_one_out:
        parts = [
            (result.board if item.stage is not None else w["final_board"], item.stage or item.final)
        ]
        if item.stage is not None:
            parts.append((w["final_board"], item.final))
        for label, change in parts:
            move = change.largest_move
            r = len(rows)
            rows.append(
                [
                    item.juror.code,
                    label,
                    (change.winner.code if change.winner else w["none"])
                    + (f" ({w['changes']})" if change.winner_changed else ""),
                    w["changes"] if change.top3_changed else w["same"],
                    w["changes"] if change.cut_changed else w["same"],
                    f"{move.entry.code}: {move.before} → {move.after}" if move else w["none"],
                ]
            )
            for col, flag in (
                (2, change.winner_changed),
                (3, change.top3_changed),
                (4, change.cut_changed),
            ):
                extra.append(("BACKGROUND", (col, r), (col, r), SENSITIVE if flag else STABLE))
    fixed = [14 * mm, 14 * mm, 34 * mm, 22 * mm, 22 * mm]
    return grid(rows, [*fixed, width - sum(fixed)], extra=extra, zebra=False, font_size=7.5)


# ---------------------------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------------------------


def _axis(
    d: Drawing,
    x0: float,
    y0: float,
    height: float,
    lo: float,
    hi: float,
    localise: Callable[[str], str],
    steps: int = 4,
) -> None:
    for k in range(steps + 1):
        v = lo + (hi - lo) * k / steps
        y = y0 + height * k / steps
        d.add(Line(x0 - 2, y, x0, y, strokeColor=GREY, strokeWidth=0.4))
        d.add(Line(x0, y, d.width, y, strokeColor=colors.HexColor("#ECEEF1"), strokeWidth=0.3))
        d.add(
            String(
                x0 - 4, y - 2.5, localise(f"{v:.1f}"), fontName=FONT, fontSize=6.5, textAnchor="end"
            )
        )
    d.add(Line(x0, y0, x0, y0 + height, strokeColor=GREY, strokeWidth=0.5))


def box_plots(
    result: StageAnalysis, width: float, panel_label: str, localise: Callable[[str], str] = str
) -> Drawing:
    """One box per juror (their totals) and one for the whole panel, on the stage's scale."""
    series: list[tuple[str, Sequence[Fraction], colors.Color]] = [
        (j.juror.code, j.totals, JUROR_BOX) for j in result.jurors if j.totals
    ]
    everything = [t for j in result.jurors for t in j.totals]
    series.append((panel_label, everything, PANEL_BOX))
    stage = result.stage
    assert stage is not None
    lo_all, hi_all = float(min(everything)), float(max(everything))
    pad = max(1.0, (hi_all - lo_all) * 0.08)
    lo = max(float(stage.scale_min), lo_all - pad)
    hi = min(float(stage.scale_max), hi_all + pad)
    if hi <= lo:
        lo, hi = float(stage.scale_min), float(stage.scale_max)
    height, x0, y0 = 52 * mm, 14 * mm, 8 * mm
    d = Drawing(width, height + y0 + 4 * mm)
    _axis(d, x0, y0, height, lo, hi, localise)

    def y(v: Fraction) -> float:
        return y0 + (float(v) - lo) / (hi - lo) * height

    slot = (width - x0) / len(series)
    box_w = min(14 * mm, slot * 0.55)
    for i, (label, values, fill) in enumerate(series):
        five = five_numbers(values)
        assert five is not None
        cx = x0 + slot * (i + 0.5)
        mn, q1, med, q3, mx = (y(v) for v in five)
        d.add(Line(cx, mn, cx, q1, strokeColor=INK, strokeWidth=0.6))
        d.add(Line(cx, q3, cx, mx, strokeColor=INK, strokeWidth=0.6))
        for v in (mn, mx):
            d.add(Line(cx - box_w / 4, v, cx + box_w / 4, v, strokeColor=INK, strokeWidth=0.6))
        d.add(
            Rect(cx - box_w / 2, q1, box_w, max(q3 - q1, 0.5), fillColor=fill, strokeColor=INK,
                 strokeWidth=0.6)
        )  # fmt: skip
        d.add(Line(cx - box_w / 2, med, cx + box_w / 2, med, strokeColor=INK, strokeWidth=1.4))
        d.add(String(cx, 1.5 * mm, label, fontName=FONT_BOLD if fill is PANEL_BOX else FONT,
                     fontSize=7, textAnchor="middle"))  # fmt: skip
    return d


def leniency_chart(
    result: StageAnalysis, width: float, localise: Callable[[str], str] = str
) -> Drawing:
    """A bar per juror from 0 to the leniency, with a whisker of ± the SD of the differences."""
    items = [
        (j.juror.code, float(j.leniency), j.leniency_sd or 0.0)
        for j in result.jurors
        if j.leniency is not None
    ]
    reach = max(max(abs(v) + s for _, v, s in items), 0.5)
    height, x0, y0 = 42 * mm, 14 * mm, 8 * mm
    d = Drawing(width, height + y0 + 4 * mm)
    _axis(d, x0, y0, height, -reach, reach, localise)
    zero = y0 + height / 2
    d.add(Line(x0, zero, width, zero, strokeColor=INK, strokeWidth=0.7))

    def y(v: float) -> float:
        return zero + v / reach * height / 2

    slot = (width - x0) / len(items)
    bar_w = min(12 * mm, slot * 0.5)
    for i, (label, v, spread) in enumerate(items):
        cx = x0 + slot * (i + 0.5)
        fill = colors.HexColor("#D98C6C") if v > 0 else colors.HexColor("#6C93C9")
        top, bottom = max(y(v), zero), min(y(v), zero)
        d.add(Rect(cx - bar_w / 2, bottom, bar_w, max(top - bottom, 0.3), fillColor=fill,
                   strokeColor=None))  # fmt: skip
        d.add(Line(cx, y(v - spread), cx, y(v + spread), strokeColor=INK, strokeWidth=0.6))
        for end in (v - spread, v + spread):
            d.add(Line(cx - 2.5, y(end), cx + 2.5, y(end), strokeColor=INK, strokeWidth=0.6))
        d.add(String(cx, 1.5 * mm, label, fontName=FONT, fontSize=7, textAnchor="middle"))
    return d


def heat_colour(deviation: float, tolerance: float) -> colors.Color:
    """White at 0, full red (above) or blue (below) at the tolerance and beyond."""
    share = (
        max(-1.0, min(1.0, deviation / tolerance))
        if tolerance > 0
        else (0.0 if deviation == 0 else (1.0 if deviation > 0 else -1.0))
    )
    if share >= 0:
        return colors.Color(1, 1 - 0.75 * share, 1 - 0.8 * share)
    return colors.Color(1 + 0.75 * share, 1 + 0.5 * share, 1)


def heat_map(result: StageAnalysis, width: float) -> Drawing:
    """Rows: jurors; columns: the best-ranked entries; colour: T(j,e) − m₋ⱼ(e)."""
    jurors = [j for j in result.jurors if j.deviations]
    entries = [e for e in result.entries if any(e.id in j.deviations for j in jurors)][:HEAT_ROWS]
    tolerance = float(result.tolerance or 0)
    outliers = {(j.juror.id, o.entry.id) for j in jurors for o in j.outliers}
    label_w, top = 14 * mm, 16 * mm
    cell_w = min(9 * mm, (width - label_w) / max(len(entries), 1))
    cell_h = min(6 * mm, 70 * mm / max(len(jurors), 1))
    d = Drawing(width, top + cell_h * len(jurors) + 2)
    base = cell_h * len(jurors)
    for c, e in enumerate(entries):
        x = label_w + c * cell_w
        d.add(_rotated(e.code, x + cell_w / 2, base + 2))
    for r, j in enumerate(jurors):
        y = base - (r + 1) * cell_h
        d.add(String(label_w - 3, y + cell_h / 2 - 2.5, j.juror.code, fontName=FONT, fontSize=7,
                     textAnchor="end"))  # fmt: skip
        for c, e in enumerate(entries):
            x = label_w + c * cell_w
            dev = j.deviations.get(e.id)
            if dev is None:
                d.add(Rect(x, y, cell_w, cell_h, fillColor=colors.HexColor("#F1F2F4"),
                           strokeColor=colors.white, strokeWidth=0.3))  # fmt: skip
                continue
            flagged = (j.juror.id, e.id) in outliers
            d.add(
                Rect(x, y, cell_w, cell_h, fillColor=heat_colour(float(dev), tolerance),
                     strokeColor=INK if flagged else colors.white,
                     strokeWidth=1.2 if flagged else 0.3)
            )  # fmt: skip
    return d


def _rotated(text: str, x: float, y: float) -> Group:
    g = Group(String(0, 0, text, fontName=FONT, fontSize=5.5))
    g.transform = (0.5, 0.866, -0.866, 0.5, x, y)  # 60 degrees
    return g
