"""Links that hand a calendar, or one event, to the calendar apps people use.

Two different acts, two kinds of link:

- *subscribing* to a calendar (a feed): the app re-reads it and follows every
  change. ``webcal://`` opens the system's calendar app (Apple Calendar, iOS,
  Thunderbird, Outlook desktop); Google Calendar takes ``render?cid=`` with the
  webcal address; Outlook.com and Microsoft 365 take their "add from web" page
  with the https address (new Outlook for Windows drops the webcal scheme, and
  Outlook.com's form wants https). The https address itself is shown to copy.
- *adding* one event once: Google's ``action=TEMPLATE`` form and Outlook's
  compose forms, pre-filled, and the event's own .ics file (an appointment).
  Such a copy does not follow later changes, so a one-event file is never
  offered as a subscription (each click would add one more calendar).

None of these services documents these addresses; the forms used here, and the
projects and threads they were checked against, are listed in
docs/decisions/0002-sequence-and-dtstamp.md ("Links to calendar apps").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from .model.event import When
from .urls import feed_url

__all__ = ["AddLinks", "SubscribeLinks", "add_event_links", "subscribe_links"]

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK_COM = "https://outlook.live.com/calendar/0/"
MICROSOFT_365 = "https://outlook.office.com/calendar/0/"
DETAILS_LIMIT = 1500
"""Characters of description a pre-filled form gets: the page's address follows, and long addresses get refused."""


@dataclass(frozen=True, slots=True)
class SubscribeLinks:
    """The ways to subscribe to one feed."""

    https: str
    """The feed's address, to copy into any app ("From URL" in Google, "Subscribe from web" in Outlook)."""
    webcal: str
    """The system's calendar app: Apple Calendar on iPhone and Mac, Thunderbird, Outlook desktop."""
    google: str
    outlook_com: str
    """Outlook.com (personal Microsoft accounts)."""
    microsoft_365: str
    """Outlook on the web of Microsoft 365 (work or school accounts)."""


def subscribe_links(base_url: str, path: str, name: str) -> SubscribeLinks:
    """Return the links to subscribe to the feed at ``path`` of a site served from ``base_url``."""
    https = feed_url(base_url, path)
    webcal = "webcal://" + https.split("://", 1)[1]
    google = f"{GOOGLE}?cid={quote(webcal, safe='')}"
    from_web = urlencode({"url": https, "name": name}, quote_via=quote)
    return SubscribeLinks(https, webcal, google, f"{OUTLOOK_COM}addfromweb?{from_web}",
                          f"{MICROSOFT_365}addfromweb?{from_web}")


@dataclass(frozen=True, slots=True)
class AddLinks:
    """The forms that add one event, once, to a web calendar."""

    google: str
    outlook_com: str
    microsoft_365: str


def add_event_links(*, title: str, start: When, end: When, timezone_name: str, details: str,
                    location: str) -> AddLinks:
    """Return pre-filled "new event" forms of Google Calendar, Outlook.com and Microsoft 365.

    ``start`` and ``end`` are aware times, or dates with ``end`` the last day (inclusive, as editors write it).
    """
    if len(details) > DETAILS_LIMIT:
        details = details[:DETAILS_LIMIT - 1].rstrip() + "…"
    if isinstance(start, datetime) and isinstance(end, datetime):
        # Google: local wall-clock times and the zone they are in (ctz), so the event keeps its zone.
        zone = ZoneInfo(timezone_name)
        local_start, local_end = start.astimezone(zone), end.astimezone(zone)
        dates = f"{local_start:%Y%m%dT%H%M%S}/{local_end:%Y%m%dT%H%M%S}"
        google = {"action": "TEMPLATE", "text": title, "dates": dates, "ctz": timezone_name}
        # Outlook reads offsets wrongly; UTC with a Z is what it takes.
        outlook = {"startdt": _utc(start), "enddt": _utc(end)}
    elif isinstance(start, date) and isinstance(end, date):
        after = end + timedelta(days=1)  # both forms want the day after the last one
        google = {"action": "TEMPLATE", "text": title, "dates": f"{start:%Y%m%d}/{after:%Y%m%d}"}
        outlook = {"startdt": start.isoformat(), "enddt": after.isoformat(), "allday": "true"}
    else:
        raise ValueError(f"start {start!r} and end {end!r} must both be dates or both be times")
    google.update(details=details, location=location)
    compose = {"path": "/calendar/action/compose", "rru": "addevent", "subject": title, **outlook,
               "body": details, "location": location}
    form = _query(compose)
    return AddLinks(f"{GOOGLE}?{_query(google)}", f"{OUTLOOK_COM}deeplink/compose?{form}",
                    f"{MICROSOFT_365}deeplink/compose?{form}")


def _query(values: dict[str, str]) -> str:
    """Return ``values`` as a query string, empty ones left out (urlencode's checks cost more, on every event page)."""
    return "&".join(f"{key}={quote(value, safe='/')}" for key, value in values.items() if value)


def _utc(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
