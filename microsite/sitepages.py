"""Pages the site gets from data: one page per event, and default schedule and partners pages.

Each generated page is Markdown with front matter and a ``<!-- microsite:… -->``
marker; the marker is rendered in the page's own language and position like any
editor-written page, so editors can replace a default page with their own text
around the same marker.

Titles and descriptions must be unique within a language (browser tabs, search
results and shared links show them), but a weekly duty hour has the same title
every week: an event page's title carries its date, and its time and venue too
when that is what tells two events apart.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from urllib.parse import urljoin
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import ClassVar

from . import formats
from .errors import Location
from .model import Event, EventKind, Site, Venue
from .catalogue import label
from .markers import MARKER
from .urls import PARTNERS_SRC, SCHEDULE_SRC, event_page_src

__all__ = ["GeneratedPage", "generated_pages", "event_description", "event_homes", "canonical_url", "event_page_markdown", "markdown_text",
           "data_edit_url"]


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page made from data, in one language."""

    src_uri: str
    """Where MkDocs would find it, e.g. 'pl/schedule/dyzur-krosno-2019-03-27.md'."""
    title: str
    description: str
    heading: str
    """The page's H1, as plain text."""
    marker: str
    """The block the page shows, e.g. 'schedule' or 'event <id>'."""
    source: str
    """The data file it is made from, for messages."""
    editable: ClassVar[bool] = False
    """A clash of titles is fixed in the data, not on this page (:func:`~microsite.pages.check_unique`)."""

    @property
    def markdown(self) -> str:
        """Return the page's Markdown (made on demand: the check needs only titles and descriptions)."""
        return (_front_matter(self.title, self.description)
                + f"# {markdown_text(self.heading)}\n\n<!-- microsite:{self.marker} -->\n")

    @property
    def lang(self) -> str:
        return self.src_uri.split("/", 1)[0]

    @property
    def name(self) -> str:
        """Say which page it is, in messages."""
        return f"the page made from {self.source} at {self.src_uri.split('/', 1)[1]}"

    @property
    def title_at(self) -> Location:
        """Return where its title comes from (the data file)."""
        return Location(self.source)

    @property
    def description_at(self) -> Location:
        """Return where its description comes from (the data file)."""
        return Location(self.source)


_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~]")

def _front_matter(title: str, description: str) -> str:
    # JSON strings are valid YAML scalars, so titles with ':' or quotes stay intact.
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n" \
           f"description: {json.dumps(description, ensure_ascii=False)}\n---\n\n"


def event_page_markdown(site: Site, event: Event, lang: str) -> str:
    """Return the Markdown source of an event's page in ``lang``."""
    return next(page for page in _event_pages(site.events, lang) if page.src_uri.endswith(f"/{event.id}.md")).markdown


def _event_pages(events, lang: str) -> list[GeneratedPage]:
    """Return the events' pages in ``lang``, each title as detailed as it must be to be unique."""
    wording = _Wording(lang)
    titles = [event.title.in_(lang) for event in events]
    parts = [wording.parts(event) for event in events]
    detail = _title_detail(events, titles, parts)
    return [_event_page(event, lang, title, detail[event.id], event_parts, wording)
            for event, title, event_parts in zip(events, titles, parts)]


def _event_page(event: Event, lang: str, title: str, detail: int, parts: list[str],
                wording: _Wording) -> GeneratedPage:
    """Return an event's page; ``detail`` says how much of when and where its title needs to be unique."""
    page_title = ", ".join([title, *parts[:detail]])
    description = _describe(event, title, parts, wording)
    return GeneratedPage(f"{lang}/{event_page_src(event.id)}", page_title, description, title, f"event {event.id}",
                         "data/events.yaml")


def event_description(event: Event, lang: str) -> str:
    """Return what an event's page says of it: kind and title, day and time, place ("… · … · …")."""
    wording = _Wording(lang)
    return _describe(event, event.title.in_(lang), wording.parts(event), wording)


def _describe(event: Event, title: str, parts: list[str], wording: _Wording) -> str:
    when = ", ".join([part for part in parts[:2] if part])
    # The title too: two events of one kind can share a day, hour and venue (two rooms, two slots).
    kind = wording.kind(event.kind)
    what = title if kind[1] in title.casefold() else f"{kind[0]}: {title}"
    return " · ".join([part for part in (what, when, parts[2]) if part])


class _Wording:
    """One language's words for events' days, times, places and kinds, each worked out once.

    Thousands of events (every week of a duty hour) share a few hundred days, a
    few dozen times and venues, and a handful of kinds. Venues and kinds are
    known by identity (events share the site's objects, which outlive this), as
    hashing one means hashing every text it holds.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._days: dict[date, str] = {}
        self._clocks: dict[tuple[int, int], str] = {}
        self._places: dict[int, str] = {}
        self._kinds: dict[int, tuple[str, str]] = {}

    def parts(self, event: Event) -> list[str]:
        """Return the day, the time (if any) and the first venue, in the order a title adds them."""
        start = event.start
        if isinstance(start, datetime):
            day, clock = self.day(start.date()), self.clock(start)
        else:
            day, clock = self.day(start), ""
        return [day, clock, self.place(event.venue or (event.venues[0] if event.venues else None))]

    def day(self, day: date) -> str:
        found = self._days.get(day)
        if found is None:
            found = self._days[day] = formats.format_day(day, self.lang)
        return found

    def clock(self, when: datetime) -> str:
        key = (when.hour, when.minute)
        found = self._clocks.get(key)
        if found is None:
            found = self._clocks[key] = formats.format_time_of_day(when, self.lang)
        return found

    def place(self, venue: Venue | None) -> str:
        found = self._places.get(id(venue))
        if found is None:
            city = venue.city.in_(self.lang) if venue else ""
            name = venue.name.in_(self.lang) if venue else ""
            found = self._places[id(venue)] = ", ".join(p for p in (name if name != city else "", city) if p)
        return found

    def kind(self, kind: EventKind) -> tuple[str, str]:
        """Return the kind's label, and the same folded for finding it in a title."""
        found = self._kinds.get(id(kind))
        if found is None:
            label = kind.label.in_(self.lang)
            found = self._kinds[id(kind)] = (label, label.casefold())
        return found


def _title_detail(events, titles: list[str], parts: list[list[str]]) -> dict[str, int]:
    """Return, per event, how many parts of when and where its title needs to differ from all others."""
    keys = {event.id: (title, *event_parts) for event, title, event_parts in zip(events, titles, parts)}
    # How many events share each prefix (title and day; title, day and time) of their key. The whole key is not
    # counted: a title its day and time leave unclear gets the venue too, whether that makes it unique or not.
    counts = Counter(key[:2] for key in keys.values())
    counts.update(key[:3] for key in keys.values())
    return {ident: 1 if counts[key[:2]] == 1 else 2 if counts[key[:3]] == 1 else 3 for ident, key in keys.items()}


def markdown_text(text: str) -> str:
    """Return ``text`` as Markdown that renders exactly that text: no HTML, no emphasis, no links."""
    escaped = html.escape(text, quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", escaped)


def generated_pages(site: Site) -> list[GeneratedPage]:
    """Return every generated page in every language."""
    pages: list[GeneratedPage] = []
    name = site.project.short_name
    for lang in site.languages:
        # No calendar is offered before there is an event: the description must not promise one.
        key = "schedule_description" if site.events else "schedule_description_no_events"
        title, description = label("schedule", lang), label(key, lang, name=name.in_(lang))
        pages.append(GeneratedPage(f"{lang}/{SCHEDULE_SRC}", title, description, title, "schedule", "data/events.yaml"))
        if site.partners:  # a project without partners has no partners page to show
            title = label("partners", lang)
            description = label("partners_description", lang, name=name.in_(lang))
            pages.append(GeneratedPage(f"{lang}/{PARTNERS_SRC}", title, description, title, "partners",
                                       "data/partners.yaml"))
        pages.extend(_event_pages(site.events, lang))
    return pages


def event_homes(pages: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Return, per event an editor's page shows (``<!-- microsite:event <id> -->``), that page's URL.

    ``pages`` are one language's editor pages as (site-relative URL, Markdown). The
    page is the event's canonical address: its generated page defers to it, and
    the structured data is published there only. Pages are taken in URL order, so
    an event two pages show belongs to the first.
    """
    homes: dict[str, str] = {}
    for url, text in sorted(pages):
        for found in MARKER.finditer(text):
            if found.group(1) == "event" and found.group(2):
                homes.setdefault(found.group(2), url)
    return homes


def canonical_url(url: str, generated: bool, markers: Iterable[tuple[str, str | None]],
                  homes: dict[str, str]) -> str:
    """Return a page's canonical address: its own, or for an event's generated page the editor's page showing it.

    ``markers`` are the page's blocks as (name, event id); ``homes`` is :func:`event_homes`' answer.
    """
    markers = tuple(markers)
    if generated and len(markers) == 1 and markers[0][0] == "event":
        return homes.get(markers[0][1], url)
    return url


def data_edit_url(edit_uri: str, content_dir: str, source: Location) -> str:
    """Return the "Edit this page" link of a page made from data: its entry in the data file.

    ``edit_uri`` is the link to the content folder (``…/edit/main/content/``), so the
    data file is reached relative to it (``…/edit/main/data/events.yaml#L42``): no
    repository address is configured twice.
    """
    url = _data_file_url(edit_uri, content_dir, source.file)
    return f"{url}#L{source.line}" if source.line else url


@lru_cache(maxsize=16)  # the same few data files for thousands of event pages
def _data_file_url(edit_uri: str, content_dir: str, file: str) -> str:
    base = edit_uri if edit_uri.endswith("/") else edit_uri + "/"
    return urljoin(base, posixpath.relpath(file, content_dir))
