"""Problems found in editors' files, and the one exception that carries them.

Every problem names the file, line, column and field, says what is wrong in
plain words and how to fix it, so an editor never needs a traceback.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

__all__ = ["Location", "Problem", "SiteDataError", "format_problems", "problems_to_json"]


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in an editor's file; line and column count from 1."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing an editor must (error) or should (warning) fix."""

    location: Location
    field: str
    message: str
    fix: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.location}: {self.field}" if self.field else f"{self.location}"
        prefix = "" if self.severity == "error" else "warning: "
        return f"{where}: {prefix}{self.message}; {self.fix}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class SiteDataError(Exception):
    """Raised when the data has errors; carries every problem, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=_sort_key)
        super().__init__(format_problems(self.problems))


def _sort_key(problem: Problem) -> tuple:
    return (problem.location, problem.field, problem.message)


def format_problems(problems: list[Problem]) -> str:
    """Render problems one per line, in file order."""
    return "\n".join(str(p) for p in sorted(problems, key=_sort_key))


def problems_to_json(problems: list[Problem]) -> str:
    """Render problems as JSON for CI annotations (stable key order)."""
    rows = []
    for p in sorted(problems, key=_sort_key):
        row = asdict(p)
        row["location"] = asdict(p.location)
        row["text"] = str(p)
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True)
