"""Core's expected errors speak through problem codes, so the window can word them in its language.

``KolabikError.coded(code, **params)`` carries a ``rules.Problem``; its ``str()`` is the English
wording of problem_text's one table (what the CLI prints). A scan of core finds every
``SomeKolabikError("prose ...")`` (raised or returned) that still carries no code: only the files of
``NOT_YET_CODED`` may, with exactly the number of such raises listed, so the list only shrinks.
"""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

from kolabik_desktop.core import codes
from kolabik_desktop.core.errors import (
    InputRejected,
    KolabikError,
    StorageError,
    ValidationError,
)
from kolabik_desktop.core.scoring import rules
from kolabik_desktop.core.scoring.problem_text import problem_line, problem_message

CORE = Path(__file__).resolve().parents[2] / "kolabik_desktop" / "core"

# Files whose raises are not converted yet -> how many raise English prose. Lower the number
# as you convert; remove the file when it is clean (the test fails on a clean file listed).
NOT_YET_CODED: dict[str, int] = {}


def _error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """Names of KolabikError and its subclasses in core that take a message (no own __init__)."""
    bases: dict[str, list[str]] = {}
    own_init: set[str] = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [b.id for b in node.bases if isinstance(b, ast.Name)]
                if any(
                    isinstance(item, ast.FunctionDef) and item.name == "__init__"
                    for item in node.body
                ):
                    own_init.add(node.name)
    found = {"KolabikError"}
    grown = True
    while grown:
        grown = False
        for name, parents in bases.items():
            if name not in found and found.intersection(parents):
                found.add(name)
                grown = True
    return found - own_init


def _is_prose(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_prose(node.left) or _is_prose(node.right)
    return False


def prose_raises() -> dict[str, list[int]]:
    """file (relative to core) -> lines of ``raise Error("prose")`` that carry no code."""
    trees = {
        str(path.relative_to(CORE)): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(CORE.rglob("*.py"))
    }
    classes = _error_classes(trees)
    found: dict[str, list[int]] = {}
    for name, tree in trees.items():
        for node in ast.walk(tree):
            if _prose_error(node, classes):
                found.setdefault(name, []).append(node.lineno)
    return found


def _prose_error(node: ast.AST, classes: set[str]) -> bool:
    """An error built with prose, raised or returned: ``StorageError(f"{label}: ...")``."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    return called in classes and any(_is_prose(a) for a in node.args)


def test_no_prose_error_outside_the_shrinking_list():
    found = prose_raises()
    unlisted = {f: lines for f, lines in found.items() if f not in NOT_YET_CODED}
    assert not unlisted, f"raise a coded error (KolabikError.coded) instead of prose: {unlisted}"
    clean = [f for f in NOT_YET_CODED if f not in found]
    assert not clean, f"no prose raise left in {clean}: remove them from NOT_YET_CODED"
    counts = {f: len(found[f]) for f in NOT_YET_CODED}
    assert counts == NOT_YET_CODED, "update NOT_YET_CODED to the counts now found"


def test_the_scan_finds_prose_raises(tmp_path):
    """The scan itself: it sees literal and f-string messages, not coded ones or other errors."""
    sample = ast.parse(
        "class Oops(ValidationError): pass\n"
        "raise ValidationError('plain')\n"
        "raise Oops(f'stage {x}')\n"
        "raise errors.StorageError('a ' + b)\n"
        "raise ValidationError.coded(codes.STAGE_EXISTS, stage='P1')\n"
        "raise ValueError('not ours')\n"
        "error = StorageError(f'{label}: not saved')\n"
    )
    trees = {"core.py": ast.parse("class ValidationError(KolabikError): pass"), "x.py": sample}
    classes = _error_classes(trees | {"e.py": ast.parse("class StorageError(KolabikError): pass")})
    assert {"ValidationError", "Oops", "StorageError"} <= classes
    lines = sorted(n.lineno for n in ast.walk(sample) if _prose_error(n, classes))
    assert lines == [2, 3, 4, 7]


def _prose_text(node: ast.expr) -> bool:
    """English words where a code or a plain value belongs: an f-string, or text with a space."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isspace() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _prose_text(node.left) or _prose_text(node.right)
    if isinstance(node, ast.Dict):  # a parameter written as a sentence: {"text": "not a list"}
        return any(v is not None and _prose_text(v) for v in node.values)
    return False


def _prose_problem(node: ast.AST) -> bool:
    """``Problem("where", "message")`` or ``Problem(code, {"text": f"..."})``: a problem (of an
    import refusal, of the rules) whose code or parameters are prose instead of a code."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    return called == "Problem" and any(_prose_text(a) for a in node.args)


def prose_problems() -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if _prose_problem(node):
                found.setdefault(str(path.relative_to(CORE)), []).append(node.lineno)
    return found


def test_no_problem_is_built_from_prose():
    """Import refusals (InputRejected) and rule problems are codes with plain parameters."""
    assert prose_problems() == {}


def test_the_scan_finds_prose_problems():
    sample = ast.parse(
        "Problem('Sheet row 4', 'is empty')\n"
        "errors.Problem(where, f'{x} is not a number')\n"
        "rules.Problem(codes.INPUT_ERROR, {'text': 'missing or not a list'})\n"
        "Problem(codes.INPUT_EMPTY, {}, Where(f'Keputusan, tahap {s}'))\n"
        "rules.Problem(rules.VALUE_NOT_NUMBER, {'text': show(raw)})\n"
        "Problem('value.range', {'min': 0})\n"
    )
    lines = sorted(n.lineno for n in ast.walk(sample) if _prose_problem(n))
    assert lines == [1, 2, 3]


def test_coded_error_reads_english_and_keeps_its_problem():
    exc = ValidationError.coded(codes.STAGE_EXISTS, stage="P1")
    assert isinstance(exc, KolabikError)
    assert str(exc) == "Stage P1 already exists"
    assert exc.problem == rules.Problem(codes.STAGE_EXISTS, {"stage": "P1"})
    assert problem_line(exc.problem, "id") == "Tahap P1 sudah ada"
    other = StorageError.coded(codes.FILE_TOO_LARGE, file="besar.pdf")
    assert type(other) is StorageError and "besar.pdf" in str(other)


def test_nested_subjects_and_decimals_are_worded_per_language():
    what = rules.Problem(codes.SUBJECT_STAGE_NAME, {"stage": "P2"})
    exc = ValidationError.coded(
        codes.FIELD_TOO_LONG, what=what, kind="stage_name", length=300, max=200
    )
    assert str(exc) == (
        "Stage P2: the name: the text (stage name) is 300 characters long, over the limit of 200"
    )
    assert exc.problem is not None
    assert problem_message(exc.problem, "id") == (
        "Tahap P2: nama: teks (nama tahap) sepanjang 300 karakter, melebihi batas 200"
    )
    weight = ValidationError.coded(codes.STAGE_WEIGHT, stage="P1", weight=Decimal("120.5"))
    assert str(weight) == "Stage P1: the weight 120.5 is not between 0 and 100"
    assert weight.problem is not None
    assert "120,5" in problem_message(weight.problem, "id")


def test_a_refused_input_reads_the_same_header_and_cap_in_both_languages():
    problems = [
        rules.Problem(codes.INPUT_EMPTY, {}, rules.Where("Nilai", n, "nilai")) for n in range(203)
    ]
    exc = InputRejected("nilai.xlsx", problems)
    lines = str(exc).splitlines()
    assert lines[0] == "nilai.xlsx: refused, nothing was changed (203 problem(s)):"
    assert len(lines) == 202 and lines[-1] == "  ... and 3 more"
    assert lines[1] == f"  - {problems[0]}"
    shown = exc.text("id").splitlines()
    assert shown[0] == "nilai.xlsx: ditolak, tidak ada yang diubah (203 masalah):"
    assert shown[1] == f"  - {problem_line(problems[0], 'id')}" and "baris 0" in shown[1]
    assert shown[-1] == "  ... dan 3 lagi"


LIVE = CORE.parent / "live"


def _prose_refusal(node: ast.AST) -> bool:
    """A live refusal worded in prose: ``refuse(code, "the chair paused", who)`` or
    ``refused(code, f"{n} bytes")``, where a LIVE_WHY_* code with plain parameters belongs."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    values = [*node.args, *(k.value for k in node.keywords)]
    return called in ("refuse", "refused") and any(_prose_text(v) for v in values)


def test_every_live_refusal_is_coded():
    """The live link's refusals (core/exchange/live.py, the hub's server and board, the kit's
    client) are codes with plain parameters: the hub's log, `kolabik sync` and the window word
    them from problem_text, in their language. LiveRefusal("prose") is caught by the scan of
    core above (it takes a message like any KolabikError); this scan adds the refuse/refused
    helpers, in core and in live/."""
    found = {}
    for path in sorted([*CORE.rglob("*.py"), *LIVE.rglob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        lines = [n.lineno for n in ast.walk(tree) if _prose_refusal(n)]
        if lines:
            found[str(path)] = lines
    assert found == {}
    assert "LiveRefusal" in _error_classes(
        {
            str(p.relative_to(CORE)): ast.parse(p.read_text(encoding="utf-8"))
            for p in CORE.rglob("*.py")
        }
    ), "LiveRefusal must take a coded message, so the prose scan covers it"


def test_the_scan_finds_prose_refusals():
    sample = ast.parse(
        "self.session.refuse(live.REFUSED_RATE, 'too many connections', who)\n"
        "raise refused(REFUSED_TOO_LARGE, f'{n} bytes')\n"
        "refused(REFUSED_MALFORMED, why='the delta is not JSON')\n"
        "self.session.refuse(live.REFUSED_RATE, ec.LIVE_WHY_REQUESTS, who)\n"
        "refused(REFUSED_TOO_LARGE, ec.LIVE_WHY_BYTES, bytes=n, max=m)\n"
        "refused(REFUSED_PAUSED)\n"
    )
    lines = sorted(n.lineno for n in ast.walk(sample) if _prose_refusal(n))
    assert lines == [1, 2, 3]
