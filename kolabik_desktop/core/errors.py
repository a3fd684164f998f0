"""Errors a user can cause. The CLI and the UI show their message; none is a traceback."""

from __future__ import annotations

from typing import Any, Self

from kolabik_desktop.core import codes
from kolabik_desktop.core.scoring import rules

# One problem of a refused input: a code, its parameters and where (sheet/row/column, a field).
# Re-exported by an import, not ``Problem = rules.Problem``: mypy takes that assignment of a
# named tuple for a parameterized tuple alias and refuses it in isinstance().
from kolabik_desktop.core.scoring.rules import Problem as Problem


class KolabikError(Exception):
    """An expected error with a message meant for the user.

    Raise it with a coded problem, ``ValidationError.coded(codes.STAGE_EXISTS, stage="P1")``:
    its ``str()`` is the English wording of ``core.scoring.problem_text`` (what the CLI prints),
    and the window words ``problem`` in its own language (``ui.problems.error_text``).
    ``code`` and ``params`` (the parameters as text) say the same for readers of plain values.
    """

    problem: rules.Problem | None = None
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def coded(cls, code: str, /, *, at: rules.Where = rules.HERE, **params: Any) -> Self:
        """The error of one coded problem; ``params`` are plain values (or nested problems)."""
        from kolabik_desktop.core.scoring.problem_text import problem_line

        problem = rules.Problem(code, params, at)
        error = cls(problem_line(problem, "en"))
        error.problem = problem
        error.code = code
        error.params = tuple((k, "" if v is None else str(v)) for k, v in params.items())
        return error

    @classmethod
    def like(cls, other: KolabikError) -> Self:
        """``other``'s message (and code) as an error of this class."""
        error = cls(str(other))
        error.problem, error.code, error.params = other.problem, other.code, other.params
        return error


class EventFileError(KolabikError):
    """The event file is missing, locked, corrupt, or not an event file."""


class NewerVersionError(EventFileError):
    """The file was written by a newer version of Kolabik Desktop."""


class StorageError(KolabikError):
    """A write could not be saved (disk full, read-only, file removed); nothing was half-done."""


class ValidationError(KolabikError):
    """A value the rules refuse (out of range, off step, recused, submitted stage...)."""


class InputRejected(KolabikError):
    """A whole input (workbook, score package) refused; nothing was written.

    Each problem is coded (``rules.Problem``: code, params, where): ``str()`` is the English the
    CLI prints, and the window words every line in its language (``ui.problems.error_text``).
    """

    code = codes.INPUT_REJECTED

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        self.params = (("source", source), ("count", str(len(problems))))
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """The refusal in ``lang``: its header, then each problem's line (the first 200)."""
        from kolabik_desktop.core.scoring.problem_text import error_message, problem_line

        lines = [error_message(self.code, self.params, lang)]
        lines += [f"  - {problem_line(p, lang)}" for p in self.problems[:200]]
        if len(self.problems) > 200:
            more = (("count", str(len(self.problems) - 200)),)
            lines.append(f"  {error_message(codes.INPUT_REJECTED_MORE, more, lang)}")
        return "\n".join(lines)


class PanelWriteRefused(StorageError):
    """Issue 16: the server refused a write outside the panel of the chair's database role.

    problem code: "panel.write_refused"; the UI shows its own (translated) sentence.
    """

    code = codes.PANEL_WRITE_REFUSED
