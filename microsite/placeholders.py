"""TODO placeholders: the blanks ``microsite new`` leaves for editors to fill.

A placeholder is a value (or a line of a page) that starts with ``TODO``. The
check reports each one as an error naming the field, so a half-filled event
or page can never reach the public site; the value's own words say what to
write, e.g. ``start: "TODO: day and time, e.g. 2027-01-14 17:00"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from .errors import Location, Problem
from .yamlsource import location_of, node_paths

__all__ = ["MARK", "is_placeholder", "data_placeholders", "may_hold_placeholders", "page_placeholders"]

MARK = "TODO"
_PAGE_MARK = re.compile(r"\bTODO\b[:.]?")
_FIX = "replace it with the real text (the placeholder says what belongs here)"


def is_placeholder(node: yaml.Node | None) -> bool:
    """Say whether a YAML value is a placeholder still waiting to be filled."""
    return isinstance(node, yaml.ScalarNode) and node.value.lstrip().startswith(MARK)


def data_placeholders(node: yaml.Node | None, file: str, text: str | None = None) -> Iterator[Problem]:
    """Yield an error for every placeholder in a data file (paths as the loader names them).

    ``text``, the file's YAML when the caller has it, spares the walk through the values of a
    file that cannot hold a placeholder (:func:`may_hold_placeholders`).
    """
    if text is not None and not may_hold_placeholders(text):
        return
    found = _placeholder_nodes(node)
    paths = node_paths(node) if found else {}
    for current in found:
        yield Problem(location_of(current, file), paths[id(current)],
                      f"still holds the placeholder \"{current.value.strip()}\"", _FIX)


def may_hold_placeholders(text: str) -> bool:
    """Say whether any value of the YAML ``text`` can hold the mark.

    A value is the characters written, but for the escapes of a double-quoted
    text ('"\\x54ODO"' is 'TODO'): folding a text's lines puts a space or a line
    break between them, never nothing. So a file with neither the mark nor a
    backslash holds no placeholder, and its values need not be looked at one by one.
    """
    return MARK in text or "\\" in text


def _placeholder_nodes(node: yaml.Node | None) -> list[yaml.ScalarNode]:
    """Return the placeholders of a document, in document order.

    Every scalar of a data file is looked at (a file of 10,000 events has about
    a million), so this walk is :func:`~microsite.yamlsource.iter_nodes` made
    for the one question: only lists and mappings can be shared through aliases
    (or hold themselves), so only they are remembered, and a scalar is tested
    for the mark's letters before anything else.
    """
    found: list[yaml.ScalarNode] = []
    visited: set[int] = set()
    stack: list[yaml.Node] = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            if MARK in current.value and is_placeholder(current) and all(f is not current for f in found):
                found.append(current)
        elif id(current) not in visited:
            visited.add(id(current))
            if isinstance(current, yaml.MappingNode):
                stack.extend(value for _, value in reversed(current.value))
            else:
                stack.extend(reversed(current.value))
    return found


def page_placeholders(text: str, display: str) -> Iterator[Problem]:
    """Yield an error for every line of a page that still has a ``TODO`` placeholder."""
    for number, line in enumerate(text.split("\n"), start=1):
        match = _PAGE_MARK.search(line)
        if match:
            shown = line.strip()
            shown = shown if len(shown) <= 80 else shown[:77] + "…"
            yield Problem(Location(display, number, match.start() + 1), "",
                          f"still holds a placeholder: \"{shown}\"", _FIX)
