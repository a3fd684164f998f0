"""The window's words for the rules' problem codes and `kolabik check`'s findings: the one table
of core/scoring/problem_text.py, in the window's language (so a refusal or a finding reads the
same in the window, the CLI and the reports)."""

from __future__ import annotations

from collections.abc import Sequence

from kolabik_desktop.core.errors import InputRejected
from kolabik_desktop.core.scoring.problem_text import (
    TEXTS,
    FindingLike,
    ProofLike,
    error_message,
    finding_line,
    problem_line,
    problem_message,
    proof_summary,
)
from kolabik_desktop.core.scoring.rules import Problem
from kolabik_desktop.ui import i18n


def problem_text(problem: Problem, *, with_place: bool = True) -> str:
    """One problem in the window's language."""
    lang = i18n.current_language()
    return problem_line(problem, lang) if with_place else problem_message(problem, lang)


def finding_text(finding: FindingLike) -> str:
    """One finding of the full check (core/exchange/proof.py), with its place, in the window's
    language."""
    return finding_line(finding, i18n.current_language())


def proof_text(proof: ProofLike) -> str:
    """What a full check that found nothing checked, in the window's language."""
    return proof_summary(proof, i18n.current_language())


def error_text(exc: BaseException) -> str:
    """An expected error's message in the window's language: a coded error
    (core/errors.py ``KolabikError.coded``) or a refusal by the rules is told from its problem
    code(s); any other error as core wrote it."""
    lang = i18n.current_language()
    if isinstance(exc, InputRejected):  # a refused input: its header, then each coded line
        return exc.text(lang)
    problem = getattr(exc, "problem", None)
    if isinstance(problem, Problem):
        return problem_text(problem)
    problems: Sequence[object] = getattr(exc, "problems", ())
    coded = [p for p in problems if isinstance(p, Problem)]
    if coded:
        return "\n".join(problem_text(p) for p in coded)
    code = getattr(exc, "code", "")
    if code in TEXTS:
        return error_message(code, getattr(exc, "params", ()), lang)
    return str(exc)
