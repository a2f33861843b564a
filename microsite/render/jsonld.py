"""schema.org structured data (Event, Organization) as JSON-LD.

Embedded in HTML inside ``<script type="application/ld+json">``: content can
never close that element, because ``<``, ``>`` and ``&`` are written as
``\\u003c``-style escapes, which JSON parsers read back unchanged.
"""

from __future__ import annotations

import json

from ..model import Event, EventStatus, Partner, Venue
from ..urls import absolute_url

__all__ = ["to_jsonld_event", "to_jsonld_organization", "embed_jsonld"]

_EVENT_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.RESCHEDULED: "https://schema.org/EventRescheduled",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
}


def _place(venue: Venue, lang: str) -> dict:
    address = {"@type": "PostalAddress", "addressLocality": venue.city.in_(lang), "addressCountry": venue.country}
    if venue.street:
        address["streetAddress"] = venue.street
    if venue.postal_code:
        address["postalCode"] = venue.postal_code
    place = {"@type": "Place", "name": venue.name.in_(lang), "address": address}
    if venue.latitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": venue.latitude, "longitude": venue.longitude}
    return place


def to_jsonld_event(event: Event, lang: str, *, url: str, organiser: Partner | None = None,
                    description: str | None = None, image: str | None = None, base_url: str | None = None) -> dict:
    """Return a schema.org Event for one event in one language.

    ``url`` is the event's one canonical address. Google recommends organizer,
    description and image: ``organiser`` stands in when the event names none (the
    project's beneficiary), ``description`` when it has none of its own (what its
    page says of it), ``image`` is the language's link-preview image (absolute).
    ``base_url`` makes the organiser's logo absolute.
    """
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title.in_(lang),
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": _EVENT_STATUS[event.status],
        "inLanguage": lang,
        "url": url,
    }
    online = event.status is EventStatus.MOVED_ONLINE or (event.online_url and not event.venues)
    data["eventAttendanceMode"] = ("https://schema.org/OnlineEventAttendanceMode" if online
                                   else "https://schema.org/OfflineEventAttendanceMode")
    locations: list[dict] = []
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    for venue in event.venues:
        locations.append(_place(venue, lang))
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.description:
        data["description"] = event.description.in_(lang)
    elif description:
        data["description"] = description
    who = event.organiser or organiser
    if who:
        data["organizer"] = _organization(who, lang, base_url)
    if image:
        data["image"] = image
    if event.previous_start is not None and event.status is EventStatus.RESCHEDULED:
        data["previousStartDate"] = event.previous_start.isoformat()
    if event.sessions:
        data["subEvent"] = [
            {"@type": "Event", "name": s.title.in_(lang), "startDate": s.start.isoformat(), "endDate": s.end.isoformat(),
             **({"location": _place(s.venue, lang)} if s.venue else {})}
            for s in event.sessions
        ]
    return data


def to_jsonld_organization(partner: Partner, lang: str, *, base_url: str | None = None) -> dict:
    """Return a schema.org Organization for a partner, with its logo's absolute address when it has one."""
    data: dict = {"@context": "https://schema.org", **_organization(partner, lang, base_url),
                  "address": {"@type": "PostalAddress", "addressCountry": partner.country}}
    if partner.city:
        data["address"]["addressLocality"] = partner.city.in_(lang)
    if partner.description:
        data["description"] = partner.description.in_(lang)
    return data


def _organization(partner: Partner, lang: str, base_url: str | None) -> dict:
    """Return who an organisation is: name, website, logo (an absolute address: structured data has no base)."""
    data: dict = {"@type": "Organization", "name": partner.name.in_(lang)}
    if partner.website:
        data["url"] = partner.website
    if partner.logo and base_url:
        data["logo"] = absolute_url(base_url, partner.logo)
    return data


def embed_jsonld(data: dict | list) -> str:
    """Return a complete ``<script type="application/ld+json">`` element, safe against injection."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
