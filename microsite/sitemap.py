"""The sitemap: every page search engines should index, its languages, and when its content last changed.

Each page is listed once, at its canonical address, with the same hreflang
alternates as its ``<head>`` (x-default included: the default language's page),
and a ``lastmod`` from the history of what the page is made of: its Markdown
file, the data files its blocks show, and for an event's page that event's own
last change (:mod:`microsite.history`). A page whose canonical address is
another page (an event an editor's page already shows) is not listed. The
funding strip and the theme, on every page, do not count as a page's change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from datetime import datetime, timezone
from xml.sax.saxutils import quoteattr, escape

from .history import EventVersion

__all__ = ["MARKER_SOURCES", "SitemapEntry", "page_modified", "page_sources", "render_robots", "render_sitemap"]

MARKER_SOURCES: dict[str, tuple[str, ...]] = {
    "project-card": ("data/project.yaml", "data/partners.yaml"),
    "upcoming": ("data/events.yaml", "data/venues.yaml", "data/partners.yaml", "data/vocabulary.yaml"),
    "schedule": ("data/events.yaml", "data/venues.yaml", "data/partners.yaml", "data/vocabulary.yaml"),
    "partners": ("data/partners.yaml", "data/vocabulary.yaml"),
    "results": ("data/project.yaml", "data/vocabulary.yaml"),
    "documents": ("data/documents.yaml",),
    "contact": ("data/project.yaml",),
}
"""A block → the data files it shows (relative to the project root); 'news' and 'event' are handled apart."""


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """One page as the sitemap lists it."""

    url: str
    """Its absolute canonical address."""
    alternates: tuple[tuple[str, str], ...]
    """(hreflang, absolute address) of every language version and x-default, as in the page's head."""
    modified: datetime
    """When what the page is made of last changed (aware)."""


def page_sources(markers: Iterable[tuple[str, str | None]], markdown_file: str | None,
                 news_files: Iterable[str] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return what a page is made of: files (relative to the project root) and event ids.

    ``markers`` are the page's blocks as (name, event id or None); ``markdown_file``
    its editor's file, None for a page made from data; ``news_files`` the posts the
    news block lists.
    """
    files = [markdown_file] if markdown_file else []
    events = []
    for name, ident in markers:
        if name == "event" and ident:
            events.append(ident)
        elif name == "news":
            files.extend(news_files)
        else:
            files.extend(MARKER_SOURCES.get(name, ()))
    return tuple(dict.fromkeys(files)), tuple(dict.fromkeys(events))


def render_robots(sitemap_url: str) -> bytes:
    """Return robots.txt: everything may be crawled, and where the sitemap is.

    Crawlers read robots.txt only at a host's root: a site under a base path
    (owner.github.io/project/) gets the file too, but only the host's own counts.
    """
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n".encode("utf-8")


def page_modified(sources: Iterable[str], events: Iterable[str], *, times: Mapping[str, datetime],
                  versions: Mapping[str, EventVersion], existing: Set[str], now: datetime) -> datetime:
    """Return when a page last changed: the newest of its source files' and its events' last changes.

    ``sources`` are files relative to the project root (those that do not exist are
    skipped); ``times`` their last commits, ``versions`` each event's history. A
    source that no commit holds (a new file not committed yet, a folder outside
    git) changed "now", the build's time; a committed file edited since keeps its
    last commit's time until the edit is committed.
    """
    found = [times.get(path, now) for path in sources if path in existing]
    found += [versions[event].modified if event in versions else now for event in events]
    return max(found, default=now)


def render_sitemap(entries: Iterable[SitemapEntry]) -> bytes:
    """Return sitemap.xml (sitemaps.org 0.9 with xhtml:link alternates), pages in address order."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for entry in sorted(entries, key=lambda e: e.url):
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(entry.url)}</loc>")
        stamp = entry.modified.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        lines.append(f"    <lastmod>{stamp}</lastmod>")
        for lang, href in entry.alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(href)}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")
