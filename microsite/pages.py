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

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .errors import Location, Problem, SiteDataError
from .markers import check_markers
from .placeholders import page_placeholders
from .sources import not_a_source, open_source
from .yamlsource import CONTROL_CHARACTER, load_yaml_text, location_of

if TYPE_CHECKING:  # a page made from data is compared as it is, with no PageText made for each
    from .sitepages import GeneratedPage

__all__ = ["FrontMatter", "PageText", "check_page", "check_pages", "check_unique", "front_matter_text",
           "read_front_matter", "read_page", "split_front_matter"]

_FENCE = "---"
_END_MARKERS = ("---", "...")
MKDOCS_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
"""MkDocs 1.6's own pattern (``mkdocs.utils.meta.YAML_RE``): a page has front matter only when it matches."""
_FENCE_LINE = re.compile(r"-{3}[ \t]*")
_CLOSING_LINE = re.compile(r"(?:\.{3}|-{3})[ \t]*")
_TEXT_FIELDS = ("title", "description")
"""Front matter fields the site shows as text (tab, search results, shared links)."""
MAX_PAGE_BYTES = 2_000_000
"""The largest page read: twice a long report; MkDocs would take minutes over a bigger one."""
_MAX_REPEATED = 20
"""How many problems of one kind a page lists (markers, blanks, control characters)."""

try:  # MkDocs reads front matter with libyaml's safe loader when it is there
    _MkDocsLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _MkDocsLoader = yaml.SafeLoader


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


def check_pages(content_dir: Path, languages: Iterable[str], *, generated: Iterable[PageText | GeneratedPage] = (),
                event_ids: set[str] | None = None, has_contact: bool = True) -> list[Problem]:
    """Return the problems of every ``*.md`` page under ``content_dir/<lang>/``.

    ``generated`` are the pages built from data in the same languages; a page
    an editor wrote must not share a title or description with them either.
    ``event_ids`` (None while the data has errors) are what event markers may name; ``has_contact`` says
    whether the contact marker has something to show.
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
                text, found = read_page(page, display)
                front = None
                if text is not None:
                    front, found = front_matter_text(text, display)
                    found = (found or _check_fields(front)) + _body_problems(text, display, event_ids, has_contact)
                problems.extend(found)
                if front is not None and front.text("title") and front.text("description"):
                    texts.append(PageText(lang, display, front.text("title"), front.text("description"),
                                          front.at("title"), front.at("description")))
    return problems + check_unique([*texts, *generated])


def check_page(path: Path, display: str) -> list[Problem]:
    """Return the problems of one page's front matter; ``display`` names it in messages."""
    text, problems = read_page(path, display)
    if text is None:
        return problems
    front, problems = front_matter_text(text, display)
    return (problems or _check_fields(front)) + list(islice(page_placeholders(text, display), _MAX_REPEATED))


def _body_problems(text: str, display: str, event_ids: set[str] | None, has_contact: bool = True
                   ) -> list[Problem]:
    """Return what the page's text holds that no build could show: TODO blanks, markers, control characters.

    Each kind is listed up to a few times: a page with thousands of them is not an editor's slip.
    """
    return [*islice(page_placeholders(text, display), _MAX_REPEATED),
            *islice(check_markers(text, display, event_ids, has_contact=has_contact), _MAX_REPEATED),
            *islice(_control_characters(text, display), _MAX_REPEATED)]


def _control_characters(text: str, display: str):
    """Yield the invisible control characters of a page (NUL, ESC, form feed…): HTML and feeds cannot carry them."""
    for found in CONTROL_CHARACTER.finditer(text):
        line_start = text.rfind("\n", 0, found.start()) + 1
        yield Problem(Location(display, text.count("\n", 0, found.start()) + 1, found.start() - line_start + 1), "",
                      f"the page contains the invisible control character U+{ord(found.group()):04X}",
                      "delete it (it often comes with text copied from a PDF or a word processor)")


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


def read_page(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Return a page's text as MkDocs reads it (one byte-order mark dropped, line ends made '\\n').

    None, with the problem, when it is not UTF-8 or larger than :data:`MAX_PAGE_BYTES`.
    """
    data = open_source(path, MAX_PAGE_BYTES)
    if data is None:
        return None, [not_a_source(display)]
    if len(data) > MAX_PAGE_BYTES:
        return None, [Problem(Location(display), "", f"the page is larger than {MAX_PAGE_BYTES // 1_000_000} MB",
                              "split it into several pages")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [Problem(Location(display), "", "the file is not UTF-8 text",
                              "save it as UTF-8 (in most editors: 'Save with encoding')")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def read_front_matter(path: Path, display: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Return a page's front matter, or None and the problems that keep it from being read."""
    text, problems = read_page(path, display)
    return (None, problems) if text is None else front_matter_text(text, display)


def front_matter_text(text: str, display: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Return the front matter at the start of Markdown ``text`` as MkDocs reads it (see :func:`read_page`).

    MkDocs takes the block only when it matches its own pattern exactly, and then
    reads it with YAML 1.1 (``title: No`` is false, ``12:30`` the number 750); if
    that fails, or gives no mapping, it shows the block as text on the page. We
    read the same block with located nodes, then the way MkDocs does, and refuse
    what MkDocs would not read, or would read differently from what we check.
    """
    text = text[1:] if text.startswith("\ufeff") else text
    if not text.startswith(_FENCE):
        return None, [Problem(Location(display, 1, 1), "title", "the page does not start with its front matter",
                              "begin the file with three lines: '---', 'title: <the page title>', '---'")]
    found = MKDOCS_FRONT_MATTER.match(text)
    if found is None and re.match(r"-{3}[ \t]*\n(?:\.{3}|-{3})[ \t]*\n", text):
        return FrontMatter(display, {}, {}), []  # '---' and '---': no fields at all (nor for MkDocs)
    if found is None:
        return None, [_unread_front_matter(text, display)]
    # The opening line becomes an empty one: marks count the file's own lines, and YAML reads what MkDocs reads.
    block = found.group(1)
    try:
        node = load_yaml_text("\n" + block, display)
    except SiteDataError as exc:
        return None, list(exc.problems)
    if node is None or _is_empty(node):
        return FrontMatter(display, {}, {}), []
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(location_of(node, display), "", "the front matter is not a list of 'key: value' lines",
                              "write one 'key: value' per line between the two '---' lines, "
                              "e.g. 'title: O projekcie'")]
    misread = _mkdocs_reading(block, node, display)
    if misread:
        return None, misread
    keys = {k.value: k for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    values = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    return FrontMatter(display, keys, values), []


def _unread_front_matter(text: str, display: str) -> Problem:
    """Say why MkDocs would not take the block at the top of a page for front matter."""
    lines = text.split("\n")
    if not _FENCE_LINE.fullmatch(lines[0]):
        return Problem(Location(display, 1, 1), "", "the first line of the page must be three dashes '---' alone",
                       "delete what follows the dashes on line 1 (MkDocs would show the front matter as text)")
    closing = next((i for i, line in enumerate(lines[1:], start=1) if _CLOSING_LINE.fullmatch(line)), None)
    if closing is not None and closing == len(lines) - 1:
        return Problem(Location(display, closing + 1, 1), "", "the page ends on the line that closes the front matter",
                       "add a line break after the closing '---' (MkDocs would show the front matter as text)")
    return Problem(Location(display, 1, 1), "", "the front matter opened on line 1 is never closed",
                   "add a line with three dashes '---' after the last field of the front matter")


def _mkdocs_reading(block: str, node: yaml.MappingNode, display: str) -> list[Problem]:
    """Read the front matter as MkDocs does (YAML 1.1, PyYAML's safe loader); refuse what it reads otherwise.

    Safe to construct: load_yaml_text has refused references, tags and deep nesting already.
    """
    problems = []
    constructor = yaml.constructor.SafeConstructor()
    for key, value in node.value:
        try:
            read = constructor.construct_object(value, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            problems.append(Problem(location_of(value, display), getattr(key, "value", ""),
                                    f"MkDocs cannot read this value ({exc}), and would show the whole front matter "
                                    "as text on the page", "put the value in double quotes"))
            continue
        name = key.value if isinstance(key, yaml.ScalarNode) else ""
        if name in _TEXT_FIELDS and isinstance(value, yaml.ScalarNode) and not isinstance(read, str) \
                and value.value.strip():
            problems.append(Problem(location_of(value, display), name,
                                    f"MkDocs reads '{value.value}' as {_yaml11_kind(read)}, not as text",
                                    f"put it in double quotes: {name}: \"{value.value}\""))
    if not problems:
        try:
            data = yaml.load(block, Loader=_MkDocsLoader)  # the whole of it, as MkDocs does ('<<' merges…)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            problems.append(Problem(location_of(node, display), "", f"MkDocs cannot read the front matter ({exc}), "
                                    "and would show it as text on the page", "compare it with the examples in the "
                                    "editors' reference"))
        else:
            if not isinstance(data, dict):  # pragma: no cover - a mapping node constructs to a dict
                problems.append(Problem(location_of(node, display), "", "MkDocs does not read this front matter "
                                        "as 'key: value' lines", "write one 'key: value' per line"))
    return problems


def _yaml11_kind(value: object) -> str:
    """Name what YAML 1.1 made of a text, in an editor's words."""
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, date):
        return "a date"
    if value is None:
        return "nothing (an empty value)"
    return "something else"


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


def check_unique(pages: Iterable[PageText | GeneratedPage]) -> list[Problem]:
    """Return a problem for every page whose title or description another page of its language has."""
    problems: list[Problem] = []
    in_langs = [(page.lang, page) for page in pages]  # a generated page's language is read off its address
    for field in ("title", "description"):
        seen: dict[tuple[str, str], PageText | GeneratedPage] = {}
        for lang, page in in_langs:
            first = seen.setdefault((lang, " ".join(getattr(page, field).split()).casefold()), page)
            if first is not page:
                problems.append(_clash(field, first, page))
    return problems


def _clash(field: str, first: PageText | GeneratedPage, second: PageText | GeneratedPage) -> Problem:
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
