"""Pages the site gets from data: one page per event, and default schedule and partners pages.

Each generated page is Markdown with front matter and a ``<!-- microsite:… -->``
marker; the marker is rendered in the page's own language and position like any
editor-written page, so editors can replace a default page with their own text
around the same marker.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from urllib.parse import urljoin

from . import formats
from .errors import Location
from .model import Event, Site
from .ui import KIND_LABELS, label
from .urls import PARTNERS_SRC, SCHEDULE_SRC, event_page_src

__all__ = ["generated_pages", "event_page_markdown", "markdown_text", "data_edit_url"]

_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~]")

_PARTNERS_TITLE = {"pl": "Partnerzy", "en": "Partners"}
_PARTNERS_DESCRIPTION = {"pl": "Organizacje realizujące projekt {name}: lider, partner krajowy i partner zagraniczny.",
                         "en": "The organisations running the project {name}: the leader and its national and "
                               "foreign partners."}
_SCHEDULE_DESCRIPTION = {"pl": "Terminy i miejsca spotkań, dyżurów i szkoleń projektu {name}, z kalendarzem do "
                               "subskrypcji.",
                         "en": "Dates and places of the meetings, duty hours and trainings of {name}, with a calendar "
                               "to subscribe to."}


def _front_matter(title: str, description: str) -> str:
    # JSON strings are valid YAML scalars, so titles with ':' or quotes stay intact.
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n" \
           f"description: {json.dumps(description, ensure_ascii=False)}\n---\n\n"


def event_page_markdown(site: Site, event: Event, lang: str) -> str:
    """Return the Markdown source of an event's page in ``lang``."""
    title = event.title.in_(lang)
    if event.all_day:
        when = formats.format_day(event.start, lang)
    else:
        when = f"{formats.format_day(event.start.date(), lang)}, {formats.format_time_of_day(event.start, lang)}"
    place = ", ".join(v.city.in_(lang) for v in event.venues[:1])
    description = " · ".join(part for part in (KIND_LABELS[event.kind][lang], when, place) if part)
    return _front_matter(title, description) + f"# {markdown_text(title)}\n\n<!-- microsite:event {event.id} -->\n"


def markdown_text(text: str) -> str:
    """Return ``text`` as Markdown that renders exactly that text: no HTML, no emphasis, no links."""
    escaped = html.escape(text, quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", escaped)


def generated_pages(site: Site) -> list[tuple[str, str]]:
    """Return (source path, Markdown) for every generated page in every language."""
    pages: list[tuple[str, str]] = []
    name = site.project.short_name
    for lang in site.languages:
        pages.append((f"{lang}/{SCHEDULE_SRC}", _front_matter(
            label("schedule", lang), _SCHEDULE_DESCRIPTION[lang].format(name=name.in_(lang)))
            + f"# {label('schedule', lang)}\n\n<!-- microsite:schedule -->\n"))
        pages.append((f"{lang}/{PARTNERS_SRC}", _front_matter(
            _PARTNERS_TITLE[lang], _PARTNERS_DESCRIPTION[lang].format(name=name.in_(lang)))
            + f"# {_PARTNERS_TITLE[lang]}\n\n<!-- microsite:partners -->\n"))
        for event in site.events:
            pages.append((f"{lang}/{event_page_src(event.id)}", event_page_markdown(site, event, lang)))
    return pages


def data_edit_url(edit_uri: str, content_dir: str, source: Location) -> str:
    """Return the "Edit this page" link of a page made from data: its entry in the data file.

    ``edit_uri`` is the link to the content folder (``…/edit/main/content/``), so the
    data file is reached relative to it (``…/edit/main/data/events.yaml#L42``): no
    repository address is configured twice.
    """
    base = edit_uri if edit_uri.endswith("/") else edit_uri + "/"
    url = urljoin(base, posixpath.relpath(source.file, content_dir))
    return f"{url}#L{source.line}" if source.line else url
