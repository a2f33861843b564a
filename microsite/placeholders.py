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
from .yamlsource import iter_nodes, location_of, node_paths

__all__ = ["MARK", "is_placeholder", "data_placeholders", "page_placeholders"]

MARK = "TODO"
_PAGE_MARK = re.compile(r"\bTODO\b[:.]?")
_FIX = "replace it with the real text (the placeholder says what belongs here)"


def is_placeholder(node: yaml.Node | None) -> bool:
    """Say whether a YAML value is a placeholder still waiting to be filled."""
    return isinstance(node, yaml.ScalarNode) and node.value.lstrip().startswith(MARK)


def data_placeholders(node: yaml.Node | None, file: str) -> Iterator[Problem]:
    """Yield an error for every placeholder in a data file (paths as the loader names them)."""
    found = [current for current in iter_nodes(node) if is_placeholder(current)]
    paths = node_paths(node) if found else {}
    for current in found:
        yield Problem(location_of(current, file), paths[id(current)],
                      f"still holds the placeholder \"{current.value.strip()}\"", _FIX)


def page_placeholders(text: str, display: str) -> Iterator[Problem]:
    """Yield an error for every line of a page that still has a ``TODO`` placeholder."""
    for number, line in enumerate(text.split("\n"), start=1):
        match = _PAGE_MARK.search(line)
        if match:
            shown = line.strip()
            shown = shown if len(shown) <= 80 else shown[:77] + "…"
            yield Problem(Location(display, number, match.start() + 1), "",
                          f"still holds a placeholder: \"{shown}\"", _FIX)
