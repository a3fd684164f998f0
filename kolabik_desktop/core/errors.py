"""Errors a user can cause. The CLI and the UI show their message; none is a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self


class KolabikError(Exception):
    """An expected error with a message meant for the user.

    An error the window words in its own language also carries ``code`` and ``params``: its
    message is then core/scoring/problem_text.py's English wording of that code (``coded``),
    and ui/problems.py words it in the window's language from the same table.
    """

    code: str = ""
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def coded(cls, code: str, **params: object) -> Self:
        from kolabik_desktop.core.scoring.problem_text import error_message

        values = tuple((k, "" if v is None else str(v)) for k, v in params.items())
        error = cls(error_message(code, values))
        error.code, error.params = code, values
        return error


class EventFileError(KolabikError):
    """The event file is missing, locked, corrupt, or not an event file."""


class NewerVersionError(EventFileError):
    """The file was written by a newer version of Kolabik Desktop."""


class StorageError(KolabikError):
    """A write could not be saved (disk full, read-only, file removed); nothing was half-done."""


class ValidationError(KolabikError):
    """A value the rules refuse (out of range, off step, recused, submitted stage...)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as the input allows."""

    where: str  # e.g. "Kriteria row 4, column bobot" or a file name
    message: str  # in English; ``code`` and ``params`` (when set) word it in any language
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputRejected(KolabikError):
    """A whole input (workbook, score package) refused; nothing was written."""

    code = "input.rejected"

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        self.params = (("source", source), ("count", str(len(problems))))
        lines = [f"{source}: refused, nothing was changed ({len(problems)} problem(s)):"]
        lines += [f"  - {p}" for p in problems[:200]]
        if len(problems) > 200:
            lines.append(f"  ... and {len(problems) - 200} more")
        super().__init__("\n".join(lines))


class PanelWriteRefused(StorageError):
    """Issue 16: the server refused a write outside the panel of the chair's database role.

    problem code: "panel.write_refused"; the UI shows its own (translated) sentence.
    """

    code = "panel.write_refused"
