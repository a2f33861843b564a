"""What MkDocs said during a build, in editors' words: every warning is a problem that stops the build.

``mkdocs build --strict --quiet`` drops warnings before strict mode counts them,
so a link to a missing page was published with exit code 0. The build now runs
without ``--quiet``, reads MkDocs' log here and fails on any warning or error,
naming the page and the link (with its line, found in the page) when it is one
MkDocs reports often; any other is shown in MkDocs' own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Location, Problem

__all__ = ["BuildLog", "read_build_log"]

_RECORD = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL) +- +(.*)$")
_MISSING = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', "
                      r"but the target '(?P<target>[^']+)' is not found among documentation files\.")
_ANCHOR = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the doc '(?P<doc>[^']+)' "
                     r"does not contain an anchor '(?P<anchor>[^']+)'\.")
_NAV = re.compile(r"A reference to '(?P<page>[^']+)' is included in the 'nav' configuration, which is not found")


@dataclass(frozen=True)
class BuildLog:
    """MkDocs' warnings and errors as problems, and what else it printed that is not routine."""

    problems: list[Problem]
    other: list[str]
    """Lines that are neither a log record of level INFO or below, nor part of one (a traceback)."""


def read_build_log(output: str, root: Path, content_dir: str = "content") -> BuildLog:
    """Read the output of ``mkdocs build`` run without ``--quiet``."""
    problems: list[Problem] = []
    other: list[str] = []
    records: list[tuple[str, list[str]]] = []
    for line in output.splitlines():
        found = _RECORD.match(line)
        if found:
            records.append((found.group(1), [found.group(2)]))
        elif records:
            records[-1][1].append(line)
        elif line.strip():
            other.append(line)
    for level, lines in records:
        if level in ("DEBUG", "INFO"):
            continue
        message = "\n".join(lines).strip()
        if message.startswith("Aborted with"):
            continue  # strict mode's count of the warnings already listed
        problems.append(_problem(message, root, content_dir))
    return BuildLog(problems, other)


def _problem(message: str, root: Path, content_dir: str) -> Problem:
    found = _MISSING.fullmatch(message)
    if found:
        return Problem(_where(root, content_dir, found["page"], found["link"]), "",
                       f"the page links to '{found['link']}', which does not exist ({content_dir}/{found['target']})",
                       "correct the link (it is relative to this page), or add the page or file it names")
    found = _ANCHOR.fullmatch(message)
    if found:
        return Problem(_where(root, content_dir, found["page"], found["link"]), "",
                       f"the page links to '{found['link']}', but {content_dir}/{found['doc']} "
                       f"has no heading or anchor '{found['anchor'].lstrip('#')}'",
                       "correct the part after '#', or remove it")
    found = _NAV.match(message)
    if found:
        return Problem(Location("mkdocs.yml"), "nav", f"the menu names '{found['page']}', which does not exist",
                       "create the page, correct the file name, or remove the line from the menu")
    return Problem(Location("MkDocs"), "", message, "fix what MkDocs names; the site is published only without "
                   "warnings")


def _where(root: Path, content_dir: str, page: str, link: str) -> Location:
    """Return where a page writes a link: the first line holding it (MkDocs names the page only)."""
    display = f"{content_dir}/{page}"
    try:
        lines = (root / content_dir / page).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return Location(display)
    for needle in (f"({link})", f"({link} ", f'"{link}"', link):
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return Location(display, number, line.index(needle) + (1 if needle[0] in '("' else 0) + 1)
    return Location(display)
