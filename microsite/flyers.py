"""Which flyers the site prints: one per weekly slot, one per other event, in the months before it.

A flyer is for a notice board in the weeks before the event, so it lists only
dates still to come at build time ("now", passed in) that can be attended: a
cancelled date or a postponed event (no date yet) is left out, and an entry
whose next date is more than :data:`FLYER_HORIZON` away gets its flyer later
(a nightly build brings it in time; a site with thousands of events a year
would otherwise draw hundreds of flyers nobody prints yet). A weekly slot's
dates share one flyer (its ``series``), which the page of each of its dates
links to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from .catalogue import label
from .model import Event, EventStatus, Site
from .model.event import start_instant
from .upcoming import upcoming_items
from .urls import absolute_url, event_feed_path, event_page_url, feed_path, page_url

__all__ = ["FLYER_HORIZON", "Flyer", "flyer_codes", "flyer_of", "plan_flyers"]

FLYER_HORIZON = timedelta(days=92)
"""How far ahead an entry's next date may be for it to have a flyer: about three months."""
_NOT_PRINTED = (EventStatus.CANCELLED, EventStatus.POSTPONED)


@dataclass(frozen=True, slots=True)
class Flyer:
    """One flyer: the entry it announces and the dates it lists, in order."""

    key: str
    """The weekly slot's id, or the event's own."""
    events: tuple[Event, ...]

    @property
    def series(self) -> bool:
        """Say whether the flyer announces a weekly slot's dates rather than one event."""
        return self.events[0].series is not None


@lru_cache(maxsize=4)  # asked by every event page of every language
def plan_flyers(site: Site, now: datetime) -> tuple[Flyer, ...]:
    """Return the site's flyers at ``now`` (aware), in the order of their first date."""
    flyers = []
    for item in upcoming_items(site.events, now):  # what is still to come, a weekly slot's dates together
        dates = tuple(event for event in item if event.status not in _NOT_PRINTED)
        if dates and start_instant(dates[0].start, dates[0].timezone) <= now + FLYER_HORIZON:
            flyers.append(Flyer(dates[0].series or dates[0].id, dates))
    return tuple(flyers)


def flyer_of(site: Site, now: datetime, event: Event) -> Flyer | None:
    """Return the flyer that lists ``event``, if it is printed."""
    return _by_event(site, now).get(event.id)


@lru_cache(maxsize=4)
def _by_event(site: Site, now: datetime) -> dict[str, Flyer]:
    return {event.id: flyer for flyer in plan_flyers(site, now) for event in flyer.events}


def flyer_codes(site: Site, lang: str, flyer: Flyer, base_url: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """Return the flyer's two QR codes as (caption, address): the event's page and its calendar.

    A weekly slot's dates each have a page, so its flyer leads to the schedule,
    and to the calendar of its kind to subscribe to; a single event's to its page
    and to its own calendar file, to add once.
    """
    default = site.project.default_language
    event = flyer.events[0]
    if flyer.series:
        feed = next((f for f in site.feeds if f.slug != "all" and f.includes(event)), None) or \
            next(f for f in site.feeds if f.includes(event))
        return ((label("schedule", lang), absolute_url(base_url, page_url("schedule/", lang, default))),
                (label("print_calendar_subscribe", lang), absolute_url(base_url, feed_path(lang, feed.slug))))
    return ((label("print_event_page", lang), absolute_url(base_url, event_page_url(event.id, lang, default))),
            (label("add_to_calendar", lang), absolute_url(base_url, event_feed_path(lang, event.id))))
