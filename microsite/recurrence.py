"""Expanding weekly slots ("every Tuesday 10:00–14:00 until 30 June") into occurrences.

Each occurrence keeps the slot's wall-clock time across DST changes and gets a
stable id ``<slot-id>-<YYYY-MM-DD>``, so its feed UID never changes when other
dates are added or skipped.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .model.event import Event, EventStatus

__all__ = ["expand_weekly", "occurrence_dates"]


def occurrence_dates(first: date, until: date, interval_weeks: int = 1) -> list[date]:
    """Return every date from ``first`` to ``until`` (inclusive), ``interval_weeks`` apart."""
    step = timedelta(weeks=interval_weeks)
    days = []
    current = first
    while current <= until:
        days.append(current)
        current += step
    return days


def expand_weekly(slot: Event, days: list[date], cancelled: frozenset[date]) -> list[Event]:
    """Return one event per day, same local times as the slot, ids suffixed by the date."""
    zone = ZoneInfo(slot.timezone)
    # What dataclasses.replace would copy field by field for every occurrence, taken once.
    same = {field.name: getattr(slot, field.name) for field in fields(slot) if field.init}
    occurrences = []
    for day in days:
        shift = day - _day_of(slot.start)
        if isinstance(slot.start, datetime):
            start = _same_wall_clock(slot.start, shift, zone)
            end = _same_wall_clock(slot.end, shift, zone)
        else:
            start, end = slot.start + shift, slot.end + shift
        status = EventStatus.CANCELLED if day in cancelled else slot.status
        occurrences.append(Event(**{**same, "id": f"{slot.id}-{day.isoformat()}", "start": start, "end": end,
                                    "status": status, "series": slot.id}))
    return occurrences


def _day_of(when: date | datetime) -> date:
    return when.date() if isinstance(when, datetime) else when


def _same_wall_clock(when: datetime, shift: timedelta, zone: ZoneInfo) -> datetime:
    # Shift the naive wall-clock time, then re-attach the zone: 10:00 stays 10:00 after DST.
    return (when.replace(tzinfo=None) + shift).replace(tzinfo=zone)
