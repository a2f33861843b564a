"""Check the front matter of the Markdown pages editors write in ``content/<lang>/``.

A page starts with a block of YAML between two ``---`` lines; MkDocs reads it
silently and, when it is broken, shows the block as text or drops the title.
This module finds those mistakes before a build, with the same located,
plain-language problems as the data files. It only reads the front matter
(never renders Markdown), so it stays fast enough to run on every check.

Every page needs a title and a description of its own: they become the
browser tab, the search-engine snippet and the preview when a link is shared,
and two pages that share them cannot be told apart in any of those.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import Location, Problem, SiteDataError
from .markers import check_markers
from .placeholders import page_placeholders
from .yamlsource import load_yaml_text, location_of

__all__ = ["FrontMatter", "PageText", "check_page", "check_pages", "check_unique", "front_matter_text",
           "read_front_matter", "split_front_matter"]

_FENCE = "---"
_END_MARKERS = ("---", "...")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The fields of one page's front matter, as located YAML nodes."""

    file: str
    """How messages name the page, e.g. 'content/pl/about.md'."""
    keys: dict[str, yaml.Node]
    values: dict[str, yaml.Node]

    def text(self, key: str) -> str | None:
        """Return a field's text if it is a non-empty scalar, else None."""
        value = self.values.get(key)
        if not isinstance(value, yaml.ScalarNode) or _is_empty(value) or not value.value.strip():
            return None
        return value.value.strip()

    def at(self, key: str) -> Location:
        """Return where a field's value is (or where the front matter starts when it is missing)."""
        if key in self.values:
            return location_of(self.values[key], self.file)
        return Location(self.file, 1, 1)


@dataclass(frozen=True, slots=True)
class PageText:
    """A page's title and description as browser tabs, search engines and link previews show them."""

    lang: str
    name: str
    """How messages name the page: its file, or the generated page's address."""
    title: str
    description: str
    title_at: Location
    description_at: Location
    editable: bool = True
    """False for pages generated from data: a clash is fixed on the editor's page, not there."""


def check_pages(content_dir: Path, languages: Iterable[str], *, generated: Iterable[PageText] = (),
                event_ids: set[str] | None = None) -> list[Problem]:
    """Return the problems of every ``*.md`` page under ``content_dir/<lang>/``.

    ``generated`` are the pages built from data in the same languages; a page
    an editor wrote must not share a title or description with them either.
    ``event_ids`` (None while the data has errors) are what event markers may name.
    """
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    texts: list[PageText] = []
    for lang in languages:
        folder = content_dir / lang
        if not folder.is_dir():
            continue  # a language without pages yet is not a mistake
        for page in sorted(folder.rglob("*.md")):
            if page.is_file():
                display = f"{content_dir.name}/{page.relative_to(content_dir).as_posix()}"
                front, found = read_front_matter(page, display)
                problems.extend(found or _check_fields(front))
                problems.extend(_placeholders(page, display))
                problems.extend(_markers(page, display, event_ids))
                if front is not None and front.text("title") and front.text("description"):
                    texts.append(PageText(lang, display, front.text("title"), front.text("description"),
                                          front.at("title"), front.at("description")))
    return problems + check_unique([*texts, *generated])


def check_page(path: Path, display: str) -> list[Problem]:
    """Return the problems of one page's front matter; ``display`` names it in messages."""
    front, problems = read_front_matter(path, display)
    return (problems or _check_fields(front)) + _placeholders(path, display)


def _markers(path: Path, display: str, event_ids: set[str] | None) -> list[Problem]:
    """Return the markers of a page the build could not replace (an unreadable page is reported already)."""
    try:
        return list(check_markers(path.read_text(encoding="utf-8"), display, event_ids))
    except UnicodeDecodeError:
        return []


def _placeholders(path: Path, display: str) -> list[Problem]:
    """Return the TODO blanks ``microsite new`` left in a page (an unreadable page is reported already)."""
    try:
        return list(page_placeholders(path.read_text(encoding="utf-8"), display))
    except UnicodeDecodeError:
        return []


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


def read_front_matter(path: Path, display: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Return a page's front matter, or None and the problems that keep it from being read."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(Location(display), "", "the file is not UTF-8 text",
                              "save it as UTF-8 (in most editors: 'Save with encoding')")]
    return front_matter_text(text, display)


def front_matter_text(text: str, display: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Return the front matter at the start of Markdown ``text`` (see :func:`read_front_matter`)."""
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return None, [Problem(Location(display, 1, 1), "title", "the page does not start with its front matter",
                              "begin the file with three lines: '---', 'title: <the page title>', '---'")]
    closing = _closing_line(lines)
    if closing is None:
        return None, [Problem(Location(display, 1, 1), "", "the front matter opened on line 1 is never closed",
                              "add a line with three dashes '---' after the last field of the front matter")]
    # Keep the opening '---' (a YAML document start) so that marks count the file's own lines.
    block = "\n".join(lines[:closing]) + "\n"
    try:
        node = load_yaml_text(block, display)
    except SiteDataError as exc:
        return None, list(exc.problems)
    if node is None or _is_empty(node):  # '---' then '---': an explicit but empty document
        return FrontMatter(display, {}, {}), []
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(location_of(node, display), "", "the front matter is not a list of 'key: value' lines",
                              "write one 'key: value' per line between the two '---' lines, "
                              "e.g. 'title: O projekcie'")]
    keys = {k.value: k for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    values = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    return FrontMatter(display, keys, values), []


def _check_fields(front: FrontMatter) -> list[Problem]:
    problems = [_check_text(front, "title", "O projekcie", "the page has no title", "the page title"),
                _check_text(front, "description", "Cele, etapy i efekty projektu.",
                            "the page has no description (search engines and shared links show it)",
                            "one or two sentences saying what the page is about")]
    return [problem for problem in problems if problem]


def _check_text(front: FrontMatter, key: str, example: str, missing: str, what: str) -> Problem | None:
    """Return the problem of a required one-line text field, if any."""
    if key not in front.values:
        return Problem(Location(front.file, 1, 1), key, missing,
                       f"add a line '{key}: <{what}>' between the two '---' lines")
    value = front.values[key]
    if not isinstance(value, yaml.ScalarNode):
        return Problem(location_of(value, front.file), key, f"the {key} is a list or a group of fields",
                       f"write the {key} as one text on the same line: '{key}: {example}'")
    if front.text(key) is None:
        return Problem(location_of(front.keys[key], front.file), key, f"the {key} is empty",
                       f"write {what} after '{key}:'")
    return None


def check_unique(pages: Iterable[PageText]) -> list[Problem]:
    """Return a problem for every page whose title or description another page of its language has."""
    problems: list[Problem] = []
    for field in ("title", "description"):
        seen: dict[tuple[str, str], PageText] = {}
        for page in pages:
            key = (page.lang, " ".join(getattr(page, field).split()).casefold())
            first = seen.setdefault(key, page)
            if first is not page:
                problems.append(_clash(field, first, page))
    return problems


def _clash(field: str, first: PageText, second: PageText) -> Problem:
    # Point at a page an editor can change; a generated page is only changed through its data.
    here, other = (second, first) if second.editable or not first.editable else (first, second)
    where = here.title_at if field == "title" else here.description_at
    if here.editable:
        fix = f"give this page a {field} of its own"
    else:
        fix = f"make the {field}s of the two events differ in data/events.yaml"
    return Problem(where, field, f"the {field} is the same as that of {other.name}, so browser tabs, search "
                                 "results and shared links cannot tell the two pages apart", fix)


def _is_empty(node: yaml.Node) -> bool:
    """Say whether a node is YAML's 'nothing' (an empty value, '~' or 'null' unquoted)."""
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null" and not node.style
