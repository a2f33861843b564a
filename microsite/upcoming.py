"""What the home page lists as coming up, decided again in the reader's browser.

A static page is built once and read for months (GitHub stops a repository's
nightly rebuild after 60 days without commits), so the build ships every event
still to come, and the browser picks the next few by its own clock
(``overrides/assets/microsite/microsite.js``, the same rule as here). A weekly
slot is one entry at its next date, so three dates of duty hours do not push a
one-off meeting off the list; a cancelled date of a slot is skipped (the
schedule shows it), a cancelled one-off event stays, marked, so people learn of
it. Without JavaScript the build's choice stands.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from .model.event import Event, EventStatus, start_instant

__all__ = ["UPCOMING_LIMIT", "end_instant", "next_entries", "upcoming_items"]

UPCOMING_LIMIT = 3
"""How many entries the home page shows."""


def end_instant(event: Event) -> datetime:
    """Return the UTC instant an event is over (the end of its last day for all-day events)."""
    if event.all_day:
        return start_instant(event.end + timedelta(days=1), event.timezone)
    return event.end.astimezone(timezone.utc)


def upcoming_items(events: Iterable[Event], now: datetime) -> list[list[Event]]:
    """Return what can still come up after ``now``: each one-off event alone, each weekly slot's dates together.

    Each item's events are by start; a slot's cancelled dates are left out, and a
    slot with no date left is no item. Items are ordered by their first start.
    """
    items: list[list[Event]] = []
    slots: dict[str, list[Event]] = {}
    for event in sorted(events, key=lambda e: e.sort_key()):
        if end_instant(event) <= now:
            continue
        if event.series is None:
            items.append([event])
        elif event.status is not EventStatus.CANCELLED:
            dates = slots.get(event.series)
            if dates is None:
                dates = slots[event.series] = []
                items.append(dates)
            dates.append(event)
    return items


def next_entries(items: list[list[Event]], now: datetime, limit: int = UPCOMING_LIMIT) -> list[Event]:
    """Return the next ``limit`` events of ``items`` not over at ``now``, one per item, by start."""
    found = []
    for dates in items:
        event = next((e for e in dates if end_instant(e) > now), None)
        if event is not None:
            found.append(event)
    found.sort(key=lambda e: e.sort_key())
    return found[:limit]
