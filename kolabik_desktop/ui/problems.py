"""The window's words for the rules' problem codes: the one table of core/scoring/problem_text.py,
in the window's language (so a refusal reads the same in the window, the CLI and the reports)."""

from __future__ import annotations

from collections.abc import Sequence

from kolabik_desktop.core.scoring.problem_text import problem_line, problem_message
from kolabik_desktop.core.scoring.rules import Problem
from kolabik_desktop.ui import i18n


def problem_text(problem: Problem, *, with_place: bool = True) -> str:
    """One problem in the window's language."""
    lang = i18n.current_language()
    return problem_line(problem, lang) if with_place else problem_message(problem, lang)


def error_text(exc: BaseException) -> str:
    """An expected error's message, told from its problem code(s) in the window's language.

    A core error raised with ``KolabikError.coded`` carries one ``problem``; a refusal by the
    rules carries ``problems``; any other error falls back to its (English) text.
    """
    problem = getattr(exc, "problem", None)
    if isinstance(problem, Problem):
        return problem_text(problem)
    problems: Sequence[object] = getattr(exc, "problems", ())
    coded = [p for p in problems if isinstance(p, Problem)]
    if coded:
        return "\n".join(problem_text(p) for p in coded)
    return str(exc)
