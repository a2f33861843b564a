"""iCalendar files residents subscribe to, or import one event from.

A subscribed feed is re-read every few hours for years, so everything in it is
derived from the repository alone and written the same way every time: UIDs
from event ids and the site's address, SEQUENCE, CREATED, LAST-MODIFIED and
DTSTAMP from the history of the event's data (:mod:`microsite.history`), events
sorted by start. Times keep their zone (``DTSTART;TZID=Europe/London``) with a
VTIMEZONE in the one-rule form Outlook reads; all-day events get an exclusive end.

Two kinds of file: a *feed* (a calendar to subscribe to: its name, how often to
re-read it, where it comes from; no METHOD) and an *appointment* (one event to
add once: METHOD:PUBLISH and no calendar name or refresh fields, which would make
Outlook open it as a new calendar; MS-OXCICAL says to leave X-WR-CALNAME out).

The content lines are written as ``icalendar`` writes them (folding at 75
octets, escaping, CRLF) by :mod:`.contentline`, and each event is written once
per language however many feeds it is in; :mod:`.vtimezone` writes the
VTIMEZONEs the same way. ``icalendar`` is the reference the tests hold every
feed and every zone to. See
docs/decisions/0001-calendar-writer.md for why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from functools import lru_cache
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo


from ..model.event import Event, EventStatus, Session, When, start_instant
from ..model.venue import Venue
from ..formats import format_day, format_time_of_day
from ..catalogue import catalogue, label
from ..history import EventVersion
from ..urls import calendar_domain, event_page_url
from .contentline import content_line, date_value, datetime_value, duration_value, escape_text
from .place import event_place
from .vtimezone import vtimezone, zone_rule

__all__ = ["DEFAULT_REFRESH", "PRODID", "CalendarWriter", "event_summary", "event_uid", "render_appointment",
           "render_calendar", "session_uid"]

PRODID = "-//microsite//iCalendar feeds 1.0//EN"
DEFAULT_REFRESH = timedelta(hours=12)
"""How often clients should re-read a feed; the site is rebuilt at least daily."""

# RFC 5545 STATUS has no "postponed": TENTATIVE says "not certain" and keeps the event visible.
_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def event_uid(event: Event, base_url: str) -> str:
    """Return the UID of an event's VEVENT; it changes only if the event id or the site's address does."""
    return f"{event.id}@{calendar_domain(base_url)}"


def session_uid(event: Event, session: Session, base_url: str) -> str:
    """Return the UID of one session of a multi-day programme."""
    return f"{event.id}.{session.id}@{calendar_domain(base_url)}"


def event_summary(event: Event, lang: str, title: str | None = None) -> str:
    """Return an event's title as calendars show it: its status in front when it is not as planned.

    Many clients ignore STATUS (Outlook shows a cancelled event like any other), so the word is in the title.
    """
    title = event.title.in_(lang) if title is None else title
    if event.status is EventStatus.SCHEDULED:
        return title
    return f"{catalogue(lang).text(event.status.value, 'statuses')}: {title}"


def render_calendar(events: Iterable[Event], lang: str, *, name: str, base_url: str, published_at: datetime,
                    default_lang: str, description: str | None = None, source: str | None = None,
                    refresh: timedelta = DEFAULT_REFRESH, versions: Mapping[str, EventVersion] | None = None,
                    home_country: str = "") -> bytes:
    """Return a feed (a calendar to subscribe to) of ``events`` in ``lang``.

    ``versions`` gives each event's SEQUENCE and times; an event without one is
    version 0, created and last changed at ``published_at`` (aware). ``source``
    is the feed's own absolute URL (RFC 7986 SOURCE), if it has one.
    """
    writer = CalendarWriter(lang, base_url=base_url, published_at=published_at, default_lang=default_lang,
                            versions=versions, home_country=home_country)
    return writer.render(events, name=name, description=description, source=source, refresh=refresh)


def render_appointment(event: Event, lang: str, *, base_url: str, published_at: datetime, default_lang: str,
                       versions: Mapping[str, EventVersion] | None = None, home_country: str = "") -> bytes:
    """Return one event (with the sessions of its programme) as a file to add once to a calendar."""
    writer = CalendarWriter(lang, base_url=base_url, published_at=published_at, default_lang=default_lang,
                            versions=versions, home_country=home_country)
    return writer.render_appointment(event)


_Entry = tuple[datetime, str, bytes]
"""A VEVENT with what it is sorted by: its start instant and UID."""


class CalendarWriter:
    """Writes any number of calendars in one language, writing each event only once.

    A site publishes every event in several calendars (all events, its kind's
    feed, its own file). Its VEVENTs are the same bytes in each, and so is each
    VTIMEZONE, so they are written the first time and reused.
    """

    def __init__(self, lang: str, *, base_url: str, published_at: datetime, default_lang: str,
                 versions: Mapping[str, EventVersion] | None = None, home_country: str = "") -> None:
        if published_at.tzinfo is None:
            raise ValueError("published_at must be an aware datetime")
        unknown = EventVersion(0, _utc(published_at), _utc(published_at))
        self._writer = _Writer(lang, base_url.rstrip("/"), default_lang, versions or {}, unknown, home_country)
        self._events: dict[int, tuple[Event, list[_Entry], frozenset[str]]] = {}
        self._zones: dict[str, bytes] = {}

    def render(self, events: Iterable[Event], *, name: str, description: str | None = None,
               source: str | None = None, refresh: timedelta = DEFAULT_REFRESH) -> bytes:
        """Return a feed of ``events`` (see :func:`render_calendar`)."""
        return self._calendar(events, _header(name, description, source, refresh))

    def render_appointment(self, event: Event) -> bytes:
        """Return one event as a file to add once (see :func:`render_appointment`)."""
        return self._calendar([event], _APPOINTMENT_HEADER)

    def _calendar(self, events: Iterable[Event], header: bytes) -> bytes:
        entries: list[_Entry] = []
        zones: set[str] = set()
        for event in events:
            _, written, used = self._written(event)
            entries.extend(written)
            zones.update(used)
        entries.sort(key=lambda e: e[:2])
        uids = [uid for _, uid, _ in entries]
        if len(set(uids)) != len(uids):
            raise ValueError(f"events with the same UID: {sorted({u for u in uids if uids.count(u) > 1})}")
        return b"".join([b"BEGIN:VCALENDAR\r\n", header, *(self._zone(key) for key in sorted(zones)),
                         *(e[2] for e in entries), b"END:VCALENDAR\r\n"])

    def _written(self, event: Event) -> tuple[Event, list[_Entry], frozenset[str]]:
        # Keyed by identity (the event is kept in the value, so its id is never reused):
        # hashing a whole event on every lookup would cost more than it saves.
        found = self._events.get(id(event))
        if found is None:
            self._writer.used = set()
            found = self._events[id(event)] = (event, self._writer.entries(event), frozenset(self._writer.used))
        return found

    def _zone(self, key: str) -> bytes:
        found = self._zones.get(key)
        if found is None:
            found = self._zones[key] = vtimezone(zone_rule(key))
        return found


_APPOINTMENT_HEADER = (content_line("VERSION", "2.0") + content_line("PRODID", escape_text(PRODID))
                       + content_line("METHOD", "PUBLISH"))
"""An appointment's calendar properties: METHOD:PUBLISH says "add this", and there is no calendar name."""


def _header(name: str, description: str | None, source: str | None, refresh: timedelta) -> bytes:
    """Return a feed's properties, in the order icalendar gives them (its canonical order, then A–Z)."""
    first, refresh_line, ttl_line = _fixed_lines(description, refresh)
    # NAME and X-WR-CALNAME are TEXT (icalendar has no type for them and would not escape them).
    names = _text_lines(("NAME", "X-WR-CALNAME"), name)
    source_line = content_line("SOURCE", source, ";VALUE=URI") if source else b""
    # No METHOD: it marks an iTIP scheduling message (RFC 5546), which a published feed is not.
    return b"".join((first, names, refresh_line, source_line, ttl_line))


@lru_cache(maxsize=64)  # the same in every file of a language: written once
def _fixed_lines(description: str | None, refresh: timedelta) -> tuple[bytes, bytes, bytes]:
    first = content_line("VERSION", "2.0") + content_line("PRODID", escape_text(PRODID))
    if description:
        first += _text_lines(("DESCRIPTION", "X-WR-CALDESC"), description)
    every = duration_value(refresh)
    return first, content_line("REFRESH-INTERVAL", every, ";VALUE=DURATION"), content_line("X-PUBLISHED-TTL", every)


@lru_cache(maxsize=4096)  # an event title is the name of several files (occurrences share it)
def _text_lines(names: tuple[str, ...], text: str) -> bytes:
    value = escape_text(text)
    return b"".join(content_line(name, value) for name in names)


@dataclass
class _Writer:
    """Turns events into VEVENTs and notes which zones they use."""

    lang: str
    base_url: str
    default_lang: str
    versions: Mapping[str, EventVersion]
    unknown: EventVersion
    """The version of an event the history does not know (version 0, at the build's publication time)."""
    home_country: str
    """The project's country: a venue elsewhere names its country."""
    used: set[str] = field(default_factory=set)
    """TZIDs the VEVENTs written since this was last emptied use."""
    venues: dict[str, tuple[Venue, bytes, bytes]] = field(default_factory=dict)
    """The GEO and LOCATION lines of each venue, written once: most venues host many events."""
    lines: dict[tuple[str, object], bytes] = field(default_factory=dict)
    """Lines many events share (status, category, sequence, times), written once."""

    def _shared(self, name: str, value: object, text_of: Callable[[Any], str]) -> bytes:
        """Return the line ``name:text_of(value)``, written the first time ``value`` is seen."""
        line = self.lines.get((name, value))
        if line is None:
            line = self.lines[(name, value)] = content_line(name, text_of(value))
        return line

    def entries(self, event: Event) -> list[_Entry]:
        """Return ``(start instant, uid, VEVENT)`` for the event and each of its sessions."""
        uid = event_uid(event, self.base_url)
        entries = [(start_instant(event.start, event.timezone), uid, self._event(event, uid))]
        for session in event.sessions:
            uid = session_uid(event, session, self.base_url)
            entries.append((start_instant(session.start, event.timezone), uid, self._session(event, session, uid)))
        return entries

    def _event(self, event: Event, uid: str) -> bytes:
        return self._vevent(event, uid, event.title.in_(self.lang), event.start, event.end, event.venue,
                            self._description(event))

    def _session(self, event: Event, session: Session, uid: str) -> bytes:
        parts = [session.description.in_(self.lang)] if session.description else []
        parts.append(f"{label('programme', self.lang)}: {event.title.in_(self.lang)}")
        parts.append(self._page(event))
        return self._vevent(event, uid, session.title.in_(self.lang), session.start, session.end,
                            session.venue or event.venue, "\n\n".join(parts))

    def _vevent(self, event: Event, uid: str, title: str, start: When, end: When, venue: Venue | None,
                description: str) -> bytes:
        page = self._page(event)
        version = self.versions.get(event.id, self.unknown)
        geo, location = self._place(event, venue)
        # icalendar's order: SUMMARY, DTSTART, DTEND, DTSTAMP, UID, SEQUENCE, then the rest A–Z.
        # DTSTAMP is LAST-MODIFIED: in a file without METHOD it says when the event was last changed
        # (RFC 5545 §3.8.7.2), and an appointment is that same version of it.
        lines = [b"BEGIN:VEVENT\r\n", content_line("SUMMARY", escape_text(event_summary(event, self.lang, title))),
                 *self._span(start, end, event.timezone),
                 self._shared("DTSTAMP", version.modified, _utc_value), content_line("UID", escape_text(uid)),
                 self._shared("SEQUENCE", version.sequence, str),
                 self._shared("CATEGORIES", event.kind, lambda kind: escape_text(kind.label.in_(self.lang))),
                 self._shared("CREATED", version.created, _utc_value),
                 content_line("DESCRIPTION", escape_text(description)), geo,
                 self._shared("LAST-MODIFIED", version.modified, _utc_value), location,
                 self._shared("STATUS", event.status, _STATUS.__getitem__), content_line("URL", page),
                 b"END:VEVENT\r\n"]
        return b"".join(lines)

    def _span(self, start: When, end: When, tzid: str) -> list[bytes]:
        if isinstance(start, datetime) and isinstance(end, datetime):
            start, end = self._local(start, tzid), self._local(end, tzid)
            return [content_line("DTSTART", datetime_value(start), f";TZID={start.tzinfo.key}"),
                    content_line("DTEND", datetime_value(end), f";TZID={end.tzinfo.key}")]
        if not isinstance(start, datetime) and not isinstance(end, datetime):
            # Editors write the last day; iCalendar wants the day after it.
            return [content_line("DTSTART", date_value(start), ";VALUE=DATE"),
                    content_line("DTEND", date_value(end + timedelta(days=1)), ";VALUE=DATE")]
        raise ValueError(f"start {start!r} and end {end!r} must both be dates or both be times")

    def _local(self, when: datetime, tzid: str) -> datetime:
        """Return ``when`` in a named zone whose VTIMEZONE this calendar will carry."""
        if when.tzinfo is None:
            raise ValueError(f"{when!r} has no time zone; a feed must not contain floating times")
        key = getattr(when.tzinfo, "key", None)
        if not key:
            key = tzid
            when = when.astimezone(ZoneInfo(tzid))
        # zone_rule accepts only IANA names (letters, digits, '_+-/'), which TZID= needs no quotes for.
        rule = zone_rule(key)
        self.used.add(key)
        if not rule.covers(when):
            raise ValueError(f"{when.isoformat()} is before {key} took its current rule "
                             f"({rule.valid_from}); its VTIMEZONE cannot describe that time")
        return when

    def _place(self, event: Event, venue: Venue | None) -> tuple[bytes, bytes]:
        """Return the GEO and LOCATION lines of a place, or of the online address (b'' where there is none)."""
        if venue is None or (event.online_url and event.status is EventStatus.MOVED_ONLINE):
            place = event_place(event, venue, self.lang, self.home_country)
            return b"", content_line("LOCATION", escape_text(place)) if place else b""
        found = self.venues.get(venue.id)
        if found is None or found[0] is not venue:
            geo = (content_line("GEO", f"{float(venue.latitude)};{float(venue.longitude)}")
                   if venue.latitude is not None and venue.longitude is not None else b"")
            place = event_place(event, venue, self.lang, self.home_country)
            found = self.venues[venue.id] = (venue, geo, content_line("LOCATION", escape_text(place)))
        return found[1], found[2]

    def _description(self, event: Event) -> str:
        lang = self.lang
        parts = [event.description.in_(lang)] if event.description else []
        if event.previous_start is not None:
            parts.append(f"{label('previously', lang)}: {_format_when(event.previous_start, lang)}")
        if event.audience:
            parts.append(f"{label('audience', lang)}: {event.audience.in_(lang)}")
        if event.bring:
            parts.append(f"{label('bring', lang)}: {event.bring.in_(lang)}")
        if event.organiser:
            parts.append(f"{label('organiser', lang)}: {event.organiser.name.in_(lang)}")
        if event.online_url:
            parts.append(f"{label('online', lang)}: {event.online_url}")
        if event.registration_url:
            parts.append(f"{label('register', lang)}: {event.registration_url}")
        parts.append(self._page(event))
        return "\n\n".join(parts)

    def _page(self, event: Event) -> str:
        return f"{self.base_url}/{event_page_url(event.id, self.lang, self.default_lang)}"


def _utc_value(when: datetime) -> str:
    return datetime_value(when, utc=True)


def _utc(when: datetime) -> datetime:
    # DTSTAMP is UTC and has no fractions of a second.
    return when.astimezone(timezone.utc).replace(microsecond=0)


def _format_when(when: When, lang: str) -> str:
    if isinstance(when, datetime):
        return f"{format_day(when.date(), lang)}, {format_time_of_day(when, lang)}"
    return format_day(when, lang)

