"""The calendars a resident can subscribe to, written per language.

People subscribe to what concerns them (a job seeker wants duty hours, not the
partners' working meetings), so each calendar holds some event kinds, and every
kind is in exactly one besides the calendar of all events; which calendars
exist is the project's vocabulary (:mod:`microsite.vocabulary`). A calendar
with no event is neither written nor offered (RFC 5545 wants at least one
component). Each event also gets its own .ics file for a one-off "add to my
calendar", written as an appointment, not as a calendar. Where each file lives
comes from :mod:`microsite.urls`; each event's versions from :mod:`microsite.history`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from .fields import zone_country
from .history import EventVersion
from .model.site import Site
from .render.ical import CalendarWriter
from .urls import event_feed_path, feed_path, feed_url

__all__ = ["feed_name", "render_feeds"]


def feed_name(site: Site, lang: str, what: str) -> str:
    """Return a calendar's name as clients list it, e.g. 'Społecznie Zorganizowani – dyżury informacyjne'."""
    return f"{site.project.short_name.in_(lang)} – {what}"


def render_feeds(site: Site, lang: str, *, base_url: str, published_at: datetime,
                 versions: Mapping[str, EventVersion] | None = None) -> dict[str, bytes]:
    """Return every feed and every event's own file in ``lang``, by site-relative path.

    Pure: ``versions`` (from :func:`microsite.history.read_history`) gives each
    event's SEQUENCE and times; an event it lacks is version 0 of ``published_at``
    (aware). Two builds of one commit give the same bytes.
    """
    # One writer for the language: each event is rendered once, then reused in every feed it is in.
    writer = CalendarWriter(lang, base_url=base_url, published_at=published_at,
                            default_lang=site.project.default_language, versions=versions,
                            home_country=zone_country(site.project.timezone) or "")
    description = site.project.title.in_(lang)
    files: dict[str, bytes] = {}
    for feed in site.feeds:  # only calendars with events
        events = [e for e in site.events if feed.includes(e)]
        path = feed_path(lang, feed.slug)
        files[path] = writer.render(events,
                                    name=feed_name(site, lang, feed.name.in_(lang)), description=description,
                                    source=feed_url(base_url, path))
    for event in site.events:
        files[event_feed_path(lang, event.id)] = writer.render_appointment(event)
    return files
