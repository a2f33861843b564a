"""The feed catalogue: the calendars a resident can subscribe to.

People subscribe to what concerns them (a job seeker wants duty hours, not the
partners' working meetings), so each feed is a filter on event kinds, and every
kind is in exactly one feed besides ``all``. Each event also gets its own .ics
file for a one-off "add to my calendar". Feeds are per language; where each file
lives comes from :mod:`microsite.urls`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .model.event import Event, EventKind
from .model.site import Site
from .model.text import Text
from .render.ical import CalendarWriter
from .urls import event_feed_path, feed_path, feed_url

__all__ = ["FEEDS", "Feed", "feed_name", "render_feeds"]


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscribable calendar: the events of some kinds."""

    slug: str
    """File name without ``.ics``; part of subscribers' URLs, so it never changes."""
    kinds: tuple[EventKind, ...]
    name: Text
    """What the feed holds; the project's short name is put in front of it."""

    def includes(self, event: Event) -> bool:
        """Say whether ``event`` belongs in this feed."""
        return event.kind in self.kinds


FEEDS: tuple[Feed, ...] = (
    Feed("all", tuple(EventKind),
         Text.of(pl="wszystkie wydarzenia", en="all events")),
    Feed("duty-hours", (EventKind.DUTY_HOURS,),
         Text.of(pl="dyżury informacyjne", en="information duty hours")),
    Feed("trainings-workshops", (EventKind.TRAINING, EventKind.WORKSHOP),
         Text.of(pl="szkolenia i warsztaty", en="trainings and workshops")),
    Feed("meetings", (EventKind.INFORMATION_MEETING, EventKind.RECRUITMENT_MEETING, EventKind.WORKING_MEETING),
         Text.of(pl="spotkania", en="meetings")),
    Feed("study-visits", (EventKind.STUDY_VISIT,),
         Text.of(pl="wizyty studyjne", en="study visits")),
)


def feed_name(site: Site, lang: str, what: str) -> str:
    """Return a calendar's name as clients list it, e.g. 'Społecznie Zorganizowani – dyżury informacyjne'."""
    return f"{site.project.short_name.in_(lang)} – {what}"


def render_feeds(site: Site, lang: str, *, base_url: str, published_at: datetime) -> dict[str, bytes]:
    """Return every feed and every event's own file in ``lang``, by site-relative path.

    Pure: ``published_at`` (aware, UTC) is the DTSTAMP of events without an
    ``updated`` time, so two builds of one commit give the same bytes.
    """
    # One writer for the language: each event is rendered once, then reused in every feed it is in.
    writer = CalendarWriter(lang, base_url=base_url, published_at=published_at,
                            default_lang=site.project.default_language)
    description = site.project.title.in_(lang)
    files: dict[str, bytes] = {}
    for feed in FEEDS:
        events = [e for e in site.events if feed.includes(e)]
        if not events:
            continue  # RFC 5545 wants at least one component; the schedule offers only feeds with events
        path = feed_path(lang, feed.slug)
        files[path] = writer.render(events,
                                    name=feed_name(site, lang, feed.name.in_(lang)), description=description,
                                    source=feed_url(base_url, path))
    for event in site.events:
        path = event_feed_path(lang, event.id)
        files[path] = writer.render([event], name=feed_name(site, lang, event.title.in_(lang)),
                                    description=description, source=feed_url(base_url, path))
    return files
