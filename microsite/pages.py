"""Check the front matter of the Markdown pages editors write in ``content/<lang>/``.

A page starts with a block of YAML between two ``---`` lines; MkDocs reads it
silently and, when it is broken, shows the block as text or drops the title.
This module finds those mistakes before a build, with the same located,
plain-language problems as the data files. It only reads the front matter
(never renders Markdown), so it stays fast enough to run on every check.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from .placeholders import page_placeholders
from .errors import Location, Problem, SiteDataError
from .yamlsource import load_yaml_text, location_of

__all__ = ["check_pages", "check_page", "split_front_matter"]

_FENCE = "---"
_END_MARKERS = ("---", "...")


def check_pages(content_dir: Path, languages: Iterable[str]) -> list[Problem]:
    """Return the problems of every ``*.md`` page under ``content_dir/<lang>/``."""
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    for lang in languages:
        folder = content_dir / lang
        if not folder.is_dir():
            continue  # a language without pages yet is not a mistake
        for page in sorted(folder.rglob("*.md")):
            if page.is_file():
                display = f"{content_dir.name}/{page.relative_to(content_dir).as_posix()}"
                problems.extend(check_page(page, display))
    return problems


def check_page(path: Path, display: str) -> list[Problem]:
    """Return the problems of one page: its front matter and any placeholder left in it."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [Problem(Location(display), "", "the file is not UTF-8 text",
                        "save it as UTF-8 (in most editors: 'Save with encoding')")]
    return _check_front_matter(text, display) + list(page_placeholders(text, display))


def _check_front_matter(text: str, display: str) -> list[Problem]:
    """Return the problems of a page's front matter; ``display`` names the page in messages."""
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return [Problem(Location(display, 1, 1), "title", "the page does not start with its front matter",
                        "begin the file with three lines: '---', 'title: <the page title>', '---'")]
    closing = _closing_line(lines)
    if closing is None:
        return [Problem(Location(display, 1, 1), "", "the front matter opened on line 1 is never closed",
                        "add a line with three dashes '---' after the last field of the front matter")]
    # Keep the opening '---' (a YAML document start) so that marks count the file's own lines.
    block = "\n".join(lines[:closing]) + "\n"
    try:
        node = load_yaml_text(block, display)
    except SiteDataError as exc:
        return list(exc.problems)
    if node is None or _is_empty(node):  # '---' then '---': an explicit but empty document
        return [_missing_title(display)]
    if not isinstance(node, yaml.MappingNode):
        return [Problem(location_of(node, display), "", "the front matter is not a list of 'key: value' lines",
                        "write one 'key: value' per line between the two '---' lines, e.g. 'title: O projekcie'")]
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "title":
            if not isinstance(value, yaml.ScalarNode):
                return [Problem(location_of(value, display), "title", "the title is a list or a group of fields",
                                "write the title as one text on the same line: 'title: O projekcie'")]
            if not value.value.strip() or _is_empty(value):
                return [Problem(location_of(key, display), "title", "the title is empty",
                                "write the page title after 'title:'")]
            return []
    return [_missing_title(display)]


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (the front matter's YAML, the body); ``None`` when there is no closed front matter."""
    lines = text.lstrip("\ufeff").split("\n")
    closing = _closing_line(lines) if lines[0].rstrip() == _FENCE else None
    if closing is None:
        return None, text
    return "\n".join(lines[1:closing]) + "\n", "\n".join(lines[closing + 1:])


def _closing_line(lines: list[str]) -> int | None:
    """Return the index of the line that closes the front matter opened on the first line."""
    return next((i for i, line in enumerate(lines[1:], start=1) if line.rstrip() in _END_MARKERS), None)


def _is_empty(node: yaml.Node) -> bool:
    """Say whether a node is YAML's 'nothing' (an empty value, '~' or 'null' unquoted)."""
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null" and not node.style


def _missing_title(display: str) -> Problem:
    return Problem(Location(display, 1, 1), "title", "the page has no title",
                   "add a line 'title: <the page title>' between the two '---' lines")
