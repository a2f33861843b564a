"""What the local preview shows while the project has errors: a panel naming them, in the page's language.

The preview keeps serving the last version without errors; every page gets
this panel first, so an editor who saved a mistake sees it where they look,
with the file, line and field, instead of a browser waiting for a build that
cannot succeed. The problems themselves are the check's own words (English,
as ``microsite check`` prints them, marked ``lang="en"``); the panel's own
sentences come from the page language's catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from ..catalogue import catalogue
from ..errors import Problem
from ..formats import format_count
from .html import render_template

__all__ = ["render_problem_panel", "render_problem_page"]


@dataclass(frozen=True, slots=True)
class _Line:
    where: str
    text: str


def _lines(problems: Iterable[Problem | str]) -> list[_Line]:
    """Return each problem as a line: a located one split into its place and its words."""
    lines = []
    for problem in problems:
        if isinstance(problem, Problem):
            where = f"{problem.location}: {problem.field}" if problem.field else str(problem.location)
            lines.append(_Line(where, str(problem)[len(where) + 2:]))
        else:
            lines.append(_Line("", problem))
    return lines


def _heading(count: int, lang: str) -> str:
    return catalogue(lang).text("heading", "preview", count=format_count(count, "error", lang))


def render_problem_panel(problems: list[Problem | str], lang: str, *, missing: bool = False) -> str:
    """Return the panel for the top of a page in ``lang``; ``missing``: the page itself cannot be shown."""
    errors = sum(1 for p in problems if not isinstance(p, Problem) or p.is_error)
    return render_template("preview_problems.html", lang=lang, heading=_heading(errors, lang),
                           lines=_lines(problems), missing=missing, t=lambda key, section: catalogue(lang).text(
                               key, section))


def render_problem_page(problems: list[Problem | str], lang: str) -> str:
    """Return a whole page with the panel, for an address the last version without errors does not have."""
    errors = sum(1 for p in problems if not isinstance(p, Problem) or p.is_error)
    return render_template("preview_page.html", lang=lang, heading=_heading(errors, lang),
                           panel=Markup(render_problem_panel(problems, lang, missing=True)))
