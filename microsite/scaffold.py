"""``microsite new``: start an event, news post, partner or page in every language at once.

Editors copy and adapt; starting from a complete entry with ``TODO`` blanks is
easier than remembering fields, and the blanks keep ``microsite check`` failing
until every language is filled in (see :mod:`microsite.placeholders`). Entries
are appended to the YAML as text, so the file's comments and layout stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from .catalogue import catalogue, has_catalogue
from .errors import Location, Problem, SiteDataError
from .load import site_languages
from .yamlsource import load_yaml

__all__ = ["KINDS", "Scaffold", "append_entry", "create"]

KINDS = ("event", "news", "partner", "page")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

@dataclass(frozen=True, slots=True)
class Scaffold:
    """What ``microsite new`` (or ``init``) wrote, and what the editor does next."""

    files: tuple[str, ...]
    next_steps: str


def create(root: Path | str, kind: str, name: str, *, today: date,
           data_dir: str = "data", content_dir: str = "content") -> Scaffold:
    """Write a new ``kind`` called ``name`` in every language; raise if it cannot."""
    root = Path(root)
    if kind not in KINDS:
        raise _error(kind, f"'{kind}' is not something this command can add",
                     f"use one of {', '.join(KINDS)}")
    parts = name.split("/")
    if not all(_ID.match(part) for part in parts) or (kind != "page" and len(parts) > 1):
        raise _error(name, f"'{name}' is not a valid {'file name' if kind in ('news', 'page') else 'id'}",
                     "use lower-case letters a–z, digits and hyphens, e.g. 'info-meeting-2027-01'")
    languages = site_languages(root, data_dir)
    if languages is None:
        raise _error(f"{data_dir}/project.yaml", "the site's languages cannot be read",
                     "run '.venv/bin/microsite check' and fix data/project.yaml first")
    if kind == "event":
        return _new_event(root, data_dir, name, languages, today)
    if kind == "partner":
        return _new_partner(root, data_dir, name, languages)
    folder = "news/" if kind == "news" else ""
    return _new_pages(root, content_dir, f"{folder}{name}.md", kind, languages, today)


def _new_event(root: Path, data_dir: str, ident: str, languages: tuple[str, ...], today: date) -> Scaffold:
    day = today + timedelta(days=30)
    venues = _ids(root / data_dir / "venues.yaml", f"{data_dir}/venues.yaml", "venues")
    example_venue = venues[0] if venues else "an-id-from-venues-yaml"
    lines = [
        f"- id: {ident}",
        "  kind: information_meeting   # or duty_hours, recruitment_meeting, training, workshop,",
        "                              # working_meeting, study_visit",
        "  title:",
        *[f"    {lang}: \"{_word(lang, 'event_title')}\"" for lang in languages],
        f"  start: \"TODO: day and time, e.g. {day.isoformat()} 17:00\"",
        f"  end: \"TODO: day and time, e.g. {day.isoformat()} 19:00\"",
        f"  venue: \"TODO: a venue id from {data_dir}/venues.yaml, e.g. {example_venue}\"",
    ]
    where = append_entry(root / data_dir / "events.yaml", f"{data_dir}/events.yaml", "events", ident, lines)
    return Scaffold((where,), f"Fill in every TODO in {where} (the new event is at the end), then run "
                              "'.venv/bin/microsite check': it lists the blanks left.")


def _new_partner(root: Path, data_dir: str, ident: str, languages: tuple[str, ...]) -> Scaffold:
    lines = [
        f"- id: {ident}",
        "  name: \"TODO: the organisation's full name\"",
        "  role: national_partner   # or leader, foreign_partner, cooperating_institution, signatory",
        "  country: \"TODO: the two-letter country code, e.g. PL, GB, NO\"",
        "  website: \"TODO: https://… (or delete this line)\"",
        "  description:",
        *[f"    {lang}: \"{_word(lang, 'partner_description')}\"" for lang in languages],
    ]
    where = append_entry(root / data_dir / "partners.yaml", f"{data_dir}/partners.yaml", "partners", ident, lines)
    return Scaffold((where,), f"Fill in every TODO in {where} (the new partner is at the end); to show a logo, "
                              "add 'logo: assets/logos/<file>' and 'logo_alt:'. Then run '.venv/bin/microsite check'.")


def _new_pages(root: Path, content_dir: str, relative: str, kind: str, languages: tuple[str, ...],
               today: date) -> Scaffold:
    targets = [(lang, root / content_dir / lang / relative) for lang in languages]
    taken = [f"{content_dir}/{lang}/{relative}" for lang, path in targets if path.exists()]
    if taken:
        raise _error(taken[0], "this page already exists", "choose another name, or edit the existing page")
    written = []
    for lang, path in targets:
        title = _word(lang, "news_title" if kind == "news" else "page_title")
        front = [f"title: \"{title}\"", f"description: \"{_word(lang, 'description')}\""]
        if kind == "news":
            front.append(f"date: {today.isoformat()}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + "\n".join(front) + f"\n---\n\n# {title}\n\n{_word(lang, 'body')}\n",
                        encoding="utf-8")
        written.append(f"{content_dir}/{lang}/{relative}")
    steps = f"Fill in every TODO in {' and '.join(written)}, then run '.venv/bin/microsite check'."
    if kind == "page":
        steps += (f" To show the page in the menu, add '- <title>: {relative}' under 'nav:' of each language "
                  "in mkdocs.yml.")
    return Scaffold(tuple(written), steps)


def _word(lang: str, key: str) -> str:
    """Return what a blank says, in the language it stands in (its catalogue's ``scaffold`` words)."""
    return catalogue(lang if has_catalogue(lang) else "en").text(key, "scaffold")


def _error(where: str, message: str, fix: str) -> SiteDataError:
    return SiteDataError([Problem(Location(where), "", message, fix)])


def _top_list(path: Path, display: str, key: str) -> tuple[yaml.MappingNode | None, yaml.Node | None]:
    """Return the file's root mapping and the node of its top-level list ``key``."""
    node = load_yaml(path, display) if path.exists() else None
    if not isinstance(node, yaml.MappingNode):
        return None, None
    for k, value in node.value:
        if k.value == key:
            return node, value
    return node, None


def _ids(path: Path, display: str, key: str) -> list[str]:
    _, items = _top_list(path, display, key)
    if not isinstance(items, yaml.SequenceNode):
        return []
    return [v.value for item in items.value if isinstance(item, yaml.MappingNode)
            for k, v in item.value if k.value == "id" and isinstance(v, yaml.ScalarNode)]


def append_entry(path: Path, display: str, key: str, ident: str, lines: list[str]) -> str:
    """Append an entry (given at indent 0) to the top-level list ``key``, keeping the file as it is."""
    if ident in _ids(path, display, key):
        raise _error(display, f"the id '{ident}' is already used", "choose another id")
    root, items = _top_list(path, display, key)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if root is None or items is None:
        text = text.rstrip("\n") + ("\n" if text.strip() else "") + f"{key}:\n"
        indent = 2
    elif root.value[-1][1] is not items or not isinstance(items, (yaml.SequenceNode, yaml.ScalarNode)) \
            or (isinstance(items, yaml.ScalarNode) and items.value) or (items.flow_style and items.value):
        raise _error(display, f"cannot add to '{key}:' automatically: it is not the last list in the file",
                     f"move '{key}:' and its entries to the end of the file, or copy an entry by hand")
    elif isinstance(items, yaml.SequenceNode) and items.value:
        indent = max(items.value[0].start_mark.column - 2, 0)
    else:  # 'events:' or 'events: []' with nothing in it yet
        text = text[:items.start_mark.index].rstrip(" ") + text[items.end_mark.index:]
        indent = 2
    block = "\n".join(" " * indent + line for line in lines)
    path.write_text(text.rstrip("\n") + "\n\n" + block + "\n", encoding="utf-8")
    load_yaml(path, display)  # the file must still be valid YAML
    return display
