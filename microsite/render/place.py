"""Where an event is, written on one line for calendars: a feed's LOCATION and the "add to calendar" links.

A calendar app shows the place as one line and often hands it to a map, so it
carries the venue's name, street and town, and the country when the venue is
not in the project's own (a map search for "Lincoln" alone finds the wrong one).
An event moved online is where its meeting link is.
"""

from __future__ import annotations

from functools import lru_cache

from ..formats import format_country
from ..model.event import Event, EventStatus
from ..model.venue import Venue

__all__ = ["event_place", "venue_line"]


def event_place(event: Event, venue: Venue | None, lang: str, home_country: str) -> str:
    """Return the place of an event (or of one of its sessions, held at ``venue``) as one line, or ''."""
    if event.online_url and (event.status is EventStatus.MOVED_ONLINE or venue is None):
        return event.online_url
    return venue_line(venue, lang, home_country) if venue is not None else ""


@lru_cache(maxsize=4096)  # venues are few and host many events each
def venue_line(venue: Venue, lang: str, home_country: str) -> str:
    """Return a venue as 'name, street, postal code town[, country]' in ``lang``.

    ``home_country`` is the project's (ISO code); '' when it is not known, and then no country is named.
    """
    city = venue.city.in_(lang)
    parts: list[str] = []
    for part in (venue.name.in_(lang), venue.street, f"{venue.postal_code} {city}" if venue.postal_code else city):
        if part and part not in parts:  # "Kraków, Kraków" says nothing twice
            parts.append(part)
    if home_country and venue.country and venue.country != home_country:
        parts.append(format_country(venue.country, lang))
    return ", ".join(parts)
