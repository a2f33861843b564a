"""iCalendar files residents subscribe to, or import one event from.

A subscribed feed is re-read every few hours for years, so everything in it is
derived from the data alone and written the same way every time: UIDs from event
ids, SEQUENCE from the event's declared changes, DTSTAMP from the event's
``updated`` time or the build's ``published_at``, events sorted by start. Times
keep their zone (``DTSTART;TZID=Europe/London``) with a VTIMEZONE in the
one-rule form Outlook reads; all-day events get an exclusive end.

``icalendar`` writes the content lines (folding at 75 octets, escaping,
parameter quoting, CRLF); see docs/decisions/0001-calendar-writer.md for why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event as VEvent, vDuration, vText, vUri

from ..model.event import Event, EventStatus, Session, When, start_instant
from ..model.venue import Venue
from ..formats import format_day, format_time_of_day
from ..ui import KIND_LABELS, STATUS_LABELS, label
from ..urls import event_page_url, uid_domain
from .vtimezone import vtimezone, zone_rule

__all__ = ["DEFAULT_REFRESH", "PRODID", "CalendarWriter", "event_uid", "render_calendar", "session_uid"]

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
    """Return the UID of an event's VEVENT; it changes only if the event id or site host does."""
    return f"{event.id}@{uid_domain(base_url)}"


def session_uid(event: Event, session: Session, base_url: str) -> str:
    """Return the UID of one session of a multi-day programme."""
    return f"{event.id}.{session.id}@{uid_domain(base_url)}"


def render_calendar(events: Iterable[Event], lang: str, *, name: str, base_url: str, published_at: datetime,
                    default_lang: str, description: str | None = None, source: str | None = None,
                    refresh: timedelta = DEFAULT_REFRESH) -> bytes:
    """Return an iCalendar file of ``events`` in ``lang``.

    ``published_at`` (aware) is the DTSTAMP of events without an ``updated`` time;
    ``source`` is the feed's own absolute URL (RFC 7986 SOURCE), if it has one.
    """
    writer = CalendarWriter(lang, base_url=base_url, published_at=published_at, default_lang=default_lang)
    return writer.render(events, name=name, description=description, source=source, refresh=refresh)


_END = b"END:VCALENDAR\r\n"


class CalendarWriter:
    """Writes any number of calendars in one language, rendering each event only once.

    A site publishes every event in several calendars (all events, its kind's
    feed, its own file). Its VEVENTs are the same bytes in each, and so is each
    VTIMEZONE, so they are rendered the first time and reused: icalendar's
    serialisation is the expensive part of a build's feeds.
    """

    def __init__(self, lang: str, *, base_url: str, published_at: datetime, default_lang: str) -> None:
        if published_at.tzinfo is None:
            raise ValueError("published_at must be an aware datetime")
        self._writer = _Writer(lang, base_url.rstrip("/"), default_lang, _utc(published_at))
        self._events: dict[int, tuple[Event, list[tuple[datetime, str, bytes]], frozenset[str]]] = {}
        self._zones: dict[str, bytes] = {}

    def render(self, events: Iterable[Event], *, name: str, description: str | None = None,
               source: str | None = None, refresh: timedelta = DEFAULT_REFRESH) -> bytes:
        """Return an iCalendar file of ``events`` (see :func:`render_calendar`)."""
        calendar = Calendar()
        calendar.add("VERSION", "2.0")
        calendar.add("PRODID", PRODID)
        # icalendar 7.3 has no type for these and would write them unescaped; say they are TEXT.
        calendar.add("NAME", _text(name))
        calendar.add("X-WR-CALNAME", _text(name))
        if description:
            calendar.add("DESCRIPTION", _text(description))
            calendar.add("X-WR-CALDESC", _text(description))
        if source:
            calendar.add("SOURCE", vUri(source), parameters={"VALUE": "URI"})
        calendar.add("REFRESH-INTERVAL", vDuration(refresh), parameters={"VALUE": "DURATION"})
        calendar.add("X-PUBLISHED-TTL", vDuration(refresh))
        # No METHOD: it marks an iTIP scheduling message (RFC 5546), which a published feed is not.
        entries: list[tuple[datetime, str, bytes]] = []
        zones: set[str] = set()
        for event in events:
            _, rendered, used = self._rendered(event)
            entries.extend(rendered)
            zones.update(used)
        entries.sort(key=lambda e: e[:2])
        uids = [uid for _, uid, _ in entries]
        if len(set(uids)) != len(uids):
            raise ValueError(f"events with the same UID: {sorted({u for u in uids if uids.count(u) > 1})}")
        # A calendar's text is its properties, then each component's own text, then END:VCALENDAR.
        head = calendar.to_ical()
        parts = [head[:-len(_END)], *(self._zone(key) for key in sorted(zones)), *(e[2] for e in entries), _END]
        return b"".join(parts)

    def _rendered(self, event: Event) -> tuple[Event, list[tuple[datetime, str, bytes]], frozenset[str]]:
        # Keyed by identity (the event is kept in the value, so its id is never reused):
        # hashing a whole event on every lookup would cost more than it saves.
        found = self._events.get(id(event))
        if found is None:
            self._writer.used = set()
            entries = [(instant, uid, component.to_ical()) for instant, uid, component in self._writer.entries(event)]
            found = self._events[id(event)] = (event, entries, frozenset(self._writer.used))
        return found

    def _zone(self, key: str) -> bytes:
        found = self._zones.get(key)
        if found is None:
            found = self._zones[key] = vtimezone(zone_rule(key)).to_ical()
        return found


@dataclass
class _Writer:
    """Turns events into VEVENTs and notes which zones they use."""

    lang: str
    base_url: str
    default_lang: str
    published_at: datetime
    used: set[str] = field(default_factory=set)
    """TZIDs the VEVENTs made since this was last emptied use."""

    def entries(self, event: Event) -> list[tuple[datetime, str, VEvent]]:
        """Return ``(start instant, uid, VEVENT)`` for the event and each of its sessions."""
        uid = event_uid(event, self.base_url)
        entries = [(start_instant(event.start, event.timezone), uid, self._event(event, uid))]
        for session in event.sessions:
            uid = session_uid(event, session, self.base_url)
            entries.append((start_instant(session.start, event.timezone), uid, self._session(event, session, uid)))
        return entries

    def _event(self, event: Event, uid: str) -> VEvent:
        component = self._common(event, uid, event.title.in_(self.lang))
        self._span(component, event.start, event.end, event.timezone)
        self._place(component, event, event.venue)
        component.add("DESCRIPTION", self._description(event))
        return component

    def _session(self, event: Event, session: Session, uid: str) -> VEvent:
        component = self._common(event, uid, session.title.in_(self.lang))
        self._span(component, session.start, session.end, event.timezone)
        self._place(component, event, session.venue or event.venue)
        parts = [session.description.in_(self.lang)] if session.description else []
        parts.append(f"{label('programme', self.lang)}: {event.title.in_(self.lang)}")
        parts.append(self._page(event))
        component.add("DESCRIPTION", _text("\n\n".join(parts)))
        return component

    def _common(self, event: Event, uid: str, title: str) -> VEvent:
        component = VEvent()
        if event.status is not EventStatus.SCHEDULED:
            # Many clients ignore STATUS; the word in the title is what people see.
            title = f"{STATUS_LABELS[event.status][self.lang]}: {title}"
        component.add("UID", uid)
        component.add("DTSTAMP", _utc(event.updated) if event.updated else self.published_at)
        component.add("SEQUENCE", event.sequence)
        component.add("STATUS", _STATUS[event.status])
        component.add("SUMMARY", _text(title))
        component.add("CATEGORIES", [KIND_LABELS[event.kind][self.lang]])
        component.add("URL", vUri(self._page(event)))
        return component

    def _span(self, component: VEvent, start: When, end: When, tzid: str) -> None:
        if isinstance(start, datetime) and isinstance(end, datetime):
            component.add("DTSTART", self._local(start, tzid))
            component.add("DTEND", self._local(end, tzid))
        elif not isinstance(start, datetime) and not isinstance(end, datetime):
            # Editors write the last day; iCalendar wants the day after it.
            component.add("DTSTART", start)
            component.add("DTEND", end + timedelta(days=1))
        else:
            raise ValueError(f"start {start!r} and end {end!r} must both be dates or both be times")

    def _local(self, when: datetime, tzid: str) -> datetime:
        """Return ``when`` in a named zone whose VTIMEZONE this calendar will carry."""
        if when.tzinfo is None:
            raise ValueError(f"{when!r} has no time zone; a feed must not contain floating times")
        key = getattr(when.tzinfo, "key", None)
        if not key:
            key = tzid
            when = when.astimezone(ZoneInfo(tzid))
        rule = zone_rule(key)
        self.used.add(key)
        if not rule.covers(when):
            raise ValueError(f"{when.isoformat()} is before {key} took its current rule "
                             f"({rule.valid_from}); its VTIMEZONE cannot describe that time")
        return when

    def _place(self, component: VEvent, event: Event, venue: Venue | None) -> None:
        online = event.online_url if event.status is EventStatus.MOVED_ONLINE or venue is None else None
        if online:
            component.add("LOCATION", _text(online))
            return
        if venue is None:
            return
        city = venue.city.in_(self.lang)
        parts: list[str] = []
        for part in (venue.name.in_(self.lang), venue.street,
                     f"{venue.postal_code} {city}" if venue.postal_code else city):
            if part and part not in parts:  # "Kraków, Kraków" says nothing twice
                parts.append(part)
        component.add("LOCATION", _text(", ".join(parts)))
        if venue.latitude is not None and venue.longitude is not None:
            component.add("GEO", (venue.latitude, venue.longitude))

    def _description(self, event: Event) -> vText:
        lang = self.lang
        parts = [event.description.in_(lang)] if event.description else []
        if event.previous_start is not None:
            parts.append(f"{label('previously', lang)}: {_format_when(event.previous_start, lang)}")
        if event.audience:
            parts.append(f"{label('audience', lang)}: {event.audience.in_(lang)}")
        if event.organiser:
            parts.append(f"{label('organiser', lang)}: {event.organiser.name.in_(lang)}")
        if event.online_url:
            parts.append(f"{label('online', lang)}: {event.online_url}")
        if event.registration_url:
            parts.append(f"{label('register', lang)}: {event.registration_url}")
        parts.append(self._page(event))
        return _text("\n\n".join(parts))

    def _page(self, event: Event) -> str:
        return f"{self.base_url}/{event_page_url(event.id, self.lang, self.default_lang)}"


def _utc(when: datetime) -> datetime:
    # DTSTAMP is UTC and has no fractions of a second.
    return when.astimezone(timezone.utc).replace(microsecond=0)


def _format_when(when: When, lang: str) -> str:
    if isinstance(when, datetime):
        return f"{format_day(when.date(), lang)}, {format_time_of_day(when, lang)}"
    return format_day(when, lang)


def _text(text: str) -> vText:
    # YAML from a web editor may carry CRLF; a TEXT value holds only (escaped) \n.
    return vText(text.replace("\r\n", "\n").replace("\r", "\n"))
