"""Markers: where a page shows a block made from data, ``<!-- microsite:schedule -->``.

An editor writes a marker on its own line in a Markdown page; the build replaces
it with the block in the page's language. A marker the generator does not know,
or one naming an event that does not exist, would otherwise stop the build with
MkDocs' words (or, misspelt, stay an invisible comment): ``microsite check``
reports it with the page and line, from the same table the build uses.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from .errors import Location, Problem

__all__ = ["BLOCKS", "MARKER", "check_markers", "marker_problem"]

MARKER = re.compile(r"<!--\s*microsite:([a-z-]+)(?:\s+([a-z0-9-]+))?\s*-->")
"""A marker as the build replaces it: its block's name, and an event's id for ``event``."""
BLOCKS = ("project-card", "upcoming", "schedule", "partners", "results", "documents", "news", "contact", "event")
"""The blocks a page can show; ``event <id>`` shows one event's page."""
_ANY_MARKER = re.compile(r"<!--\s*microsite\b[^>]*-->", re.IGNORECASE)


def check_markers(text: str, display: str, event_ids: set[str] | None, *, has_contact: bool = True
                  ) -> Iterator[Problem]:
    """Yield a problem for every marker in a page that the build could not replace, or would replace by nothing.

    ``event_ids`` are the site's events; None when the data has errors (event markers are not judged then).
    ``has_contact`` says whether data/project.yaml gives the contact the ``contact`` block shows.
    """
    for found in _ANY_MARKER.finditer(text):
        problem = marker_problem(found.group(0), event_ids, has_contact=has_contact)
        if problem:
            line = text.count("\n", 0, found.start()) + 1
            yield Problem(Location(display, line, found.start() - text.rfind("\n", 0, found.start())), "", *problem)


def marker_problem(marker: str, event_ids: set[str] | None, *, has_contact: bool = True) -> tuple[str, str] | None:
    """Return (message, fix) if the build cannot replace ``marker`` (the check and the hooks both ask here)."""
    strict = MARKER.fullmatch(marker)
    name, ident = (strict.group(1), strict.group(2)) if strict else (None, None)
    if name not in BLOCKS:
        choices = BLOCKS if name else [f"microsite:{b}" for b in BLOCKS]
        close = difflib.get_close_matches(name or marker, choices, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return (f"'{marker}' is not a marker the site knows",
                f"{hint}write one of <!-- microsite:{' -->, <!-- microsite:'.join(BLOCKS[:-1])} --> or "
                "<!-- microsite:event <id> -->, on a line of its own")
    if name == "event" and not ident:
        return ("the event marker names no event", "write <!-- microsite:event <id> --> with an id from "
                                                     "data/events.yaml")
    if name == "event" and event_ids is not None and ident not in event_ids:
        close = difflib.get_close_matches(ident, sorted(event_ids), n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return (f"the marker names the event '{ident}', which is not in data/events.yaml",
                f"{hint}use an event's id from data/events.yaml, or remove the marker")
    if name == "contact" and not has_contact:
        return ("the marker shows the project's contact, and data/project.yaml gives none",
                "add 'contact:' to data/project.yaml (name, address, phone, email), or remove the marker")
    if name != "event" and ident:
        return f"the marker 'microsite:{name}' takes no id", f"write <!-- microsite:{name} --> alone"
    return None
