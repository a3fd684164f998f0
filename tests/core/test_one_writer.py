"""One writer (architecture.md, "the gate"): only core/store/writer.py writes the score, comment
and submission tables, as test_layering keeps Qt out of core."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kolabik_desktop

PACKAGE = Path(kolabik_desktop.__file__).parent
WRITER = PACKAGE / "core" / "store" / "writer.py"
MODELS = {"Score", "Comment", "Submission"}
TABLES = {"score", "comment", "submission"}
STATEMENTS = {"insert", "update", "delete"}
# A new kit starts as a byte copy of the event, cut down to one juror: removing the other
# jurors' rows from the copy changes no cell the kit keeps (and the copy has no audit log yet).
# `kolabik copy` (core/store/transfer.py) moves a whole event between SQLite and PostgreSQL:
# every table, the audit log with it, row for row; no cell changes, so nothing is to check.
ALLOWED = {("core/exchange/kits.py", "_cut_to_juror"), ("core/store/transfer.py", "copy_rows")}
RAW_SQL = re.compile(
    r"\b(insert\s+into|update|delete\s+from)\s+\"?(score|comment|submission)\b", re.I
)


def _names_a_table(node: ast.expr) -> bool:
    """Score, Score.__table__, Score.metadata.tables["score"], or the table name as text."""
    if isinstance(node, ast.Name):
        return node.id in MODELS
    if isinstance(node, ast.Attribute):
        return _names_a_table(node.value)
    if isinstance(node, ast.Subscript):
        key = node.slice
        if isinstance(key, ast.Constant) and key.value in TABLES:
            return True
        return _names_a_table(node.value)
    return False


def _allowed_lines(tree: ast.AST, relative: str) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and (relative, node.name) in ALLOWED:
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def _writes(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in MODELS:
                found.append((node.lineno, f"builds a {name} row"))
            if name in STATEMENTS and node.args and _names_a_table(node.args[0]):
                found.append((node.lineno, f"{name}() on a written table"))
        text = node.value if isinstance(node, ast.Constant) else None
        if isinstance(text, str) and RAW_SQL.search(text):
            found.append((node.lineno, "raw SQL writing a score table"))
    return found


def test_only_the_writer_writes_scores_comments_and_submissions():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == WRITER or "migrations" in path.parts or path.name == "models.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = path.relative_to(PACKAGE).as_posix()
        allowed = _allowed_lines(tree, relative)
        for line, what in _writes(tree):
            if line not in allowed:
                offenders.append(f"{relative}:{line}: {what}")
    assert offenders == []


def test_the_check_finds_each_kind_of_write():
    """The scanner itself: each way of writing those rows is caught."""
    source = """
s.add(Score(juror_id=1))
s.execute(insert(Comment), rows)
s.execute(update(Submission), rows)
s.execute(delete(Score).where(x))
s.execute(insert(Score.__table__), rows)
s.execute(insert(Score.metadata.tables["score"]), rows)
conn.exec_driver_sql("UPDATE score SET value = 1")
"""
    assert len(_writes(ast.parse(source))) == 7
    assert _writes(ast.parse("s.execute(select(Score))\ns.execute(insert(Entry), rows)")) == []
