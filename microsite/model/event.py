"""Events residents come to: duty hours, meetings, trainings, study visits.

Times are aware ``datetime`` objects in the event's IANA zone (a study visit in
the UK is in Europe/London). All-day events hold ``date`` objects and an
*inclusive* last day, as editors write it; feeds turn it into an exclusive end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone as _tz
from enum import Enum
from zoneinfo import ZoneInfo

from ..errors import Location
from .partner import Partner
from .text import Text
from .venue import Venue
from .vocabulary import EventKind

__all__ = ["Event", "EventStatus", "Session", "When", "start_instant"]

When = datetime | date


class EventStatus(str, Enum):
    """Where an event stands; pages, feeds and JSON-LD all show it."""

    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"
    """No new date yet."""
    RESCHEDULED = "rescheduled"
    """Moved to a new date; the previous start is kept."""
    MOVED_ONLINE = "moved_online"


@dataclass(frozen=True, slots=True)
class Session:
    """A timed part of a multi-day programme (e.g. one visit of a study trip)."""

    id: str
    """Stable within its event; the session's feed UID derives from it."""
    start: datetime
    end: datetime
    title: Text
    venue: Venue | None = None
    description: Text | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One event, or one occurrence of a recurring slot."""

    id: str
    """Stable identifier; the feed UID derives from it and never changes."""
    kind: EventKind
    """From the project's vocabulary (built-in kinds and its own)."""
    title: Text
    start: When
    end: When
    timezone: str
    status: EventStatus = EventStatus.SCHEDULED
    description: Text | None = None
    venue: Venue | None = None
    online_url: str | None = None
    organiser: Partner | None = None
    audience: Text | None = None
    registration_url: str | None = None
    previous_starts: tuple[When, ...] = ()
    """Earlier starts, oldest first; each move adds one."""
    sessions: tuple[Session, ...] = ()
    series: str | None = None
    """Id of the recurring slot this occurrence was expanded from."""
    revision: int = 0
    """A number the editor may raise to make calendars take the entry again; any change does that by itself
    now (SEQUENCE comes from the history, :mod:`microsite.history`), so it is rarely needed."""
    updated: datetime | None = None
    """When the editor says the entry last changed (UTC). No longer used: the history gives the times."""
    bring: Text | None = None
    """What to bring (a document, comfortable shoes), on the page, in the calendars and on the flyer."""
    source: Location | None = field(default=None, compare=False)
    """Where the entry is written (its slot's entry for a repetition); "Edit this page" links there."""

    @property
    def all_day(self) -> bool:
        """Say whether the event spans whole days rather than hours."""
        return not isinstance(self.start, datetime)

    @property
    def previous_start(self) -> When | None:
        """Return the start before the latest move, if the event was moved."""
        return self.previous_starts[-1] if self.previous_starts else None

    @property
    def venues(self) -> tuple[Venue, ...]:
        """Return every distinct venue of the event and its sessions, in order."""
        found: list[Venue] = []
        for venue in (self.venue, *(s.venue for s in self.sessions)):
            if venue is not None and venue not in found:
                found.append(venue)
        return tuple(found)

    def sort_key(self) -> tuple:
        """Order events by their real start instant, then id."""
        return (start_instant(self.start, self.timezone), self.id)


def start_instant(when: When, timezone: str) -> datetime:
    """Return the UTC instant a start refers to (midnight local for all-day)."""
    if isinstance(when, datetime):
        return when.astimezone(_tz.utc)
    return datetime.combine(when, time(0), ZoneInfo(timezone)).astimezone(_tz.utc)
