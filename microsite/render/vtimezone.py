"""VTIMEZONE definitions in the one-rule form Outlook understands.

An iCalendar file must define every TZID it uses. Outlook (and Exchange) model a
zone as one standard and one daylight rule, so a VTIMEZONE must have exactly one
STANDARD and one DAYLIGHT block, each with a yearly RRULE; the RDATE lists with
several STANDARD blocks that ``icalendar`` generates are misread (DESIGN §3).

The rule comes from the POSIX TZ string that ends every TZif file (e.g.
``CET-1CEST,M3.5.0,M10.5.0/3``), read from the pinned ``tzdata`` package rather
than the system's zone files, so two machines build the same bytes. The file's
explicit transitions tell since when that rule has held: a VTIMEZONE claims the
current rule for all time, so an event before that instant (e.g. Moscow before
its 2014 change) cannot be described truthfully and is refused.

The few lines of a VTIMEZONE are written here as ``icalendar`` writes them
(its property order, values and folding, through :mod:`.contentline`):
importing ``icalendar`` cost each build more than writing every feed. The
tests build each zone's VTIMEZONE with ``icalendar`` too and expect the same
bytes, for every zone of the pinned tzdata (docs/decisions/0001).
"""

from __future__ import annotations

import re
import struct
from calendar import monthrange
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources

from .contentline import content_line, datetime_value, escape_text

__all__ = ["Onset", "Observance", "UnsupportedZone", "ZoneRule", "vtimezone", "zone_rule"]

# Observances start in 1970 like the zones Thunderbird, Google and Outlook ship:
# ical.js treats any time before a zone's first onset as UTC, so the first onset
# must come before every event, and 1970 is before every event a site lists.
_BASE_YEAR = 1970
_EARLIEST = datetime(_BASE_YEAR + 1, 1, 1, tzinfo=timezone.utc)
"""Nothing before this is described: ical.js reads times before a zone's first onset as UTC."""
_WEEKDAYS = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")  # POSIX numbering: 0 is Sunday


class UnsupportedZone(ValueError):
    """A zone, or a time in it, that the one-rule VTIMEZONE form cannot describe."""


@dataclass(frozen=True, slots=True)
class Onset:
    """A yearly change: the ``week``-th ``weekday`` of ``month`` at local time ``at``."""

    month: int
    week: int
    """1–4, or 5 for the last such weekday of the month."""
    weekday: int
    """0 is Sunday, as in POSIX TZ strings."""
    at: timedelta
    """Wall-clock time of the change, in the offset in force before it."""

    def in_year(self, year: int) -> datetime:
        """Return the naive local date-time of the change in ``year``."""
        first_weekday, days = monthrange(year, self.month)  # Monday is 0 here
        first = 1 + (self.weekday - (first_weekday + 1)) % 7
        day = first + 7 * (self.week - 1)
        while day > days:  # week 5 means "the last one"
            day -= 7
        return datetime(year, self.month, day) + self.at

    def rrule(self) -> str:
        """Return the yearly RRULE of this change (its parts in icalendar's order: FREQ, BYDAY, BYMONTH)."""
        week = -1 if self.week == 5 else self.week
        return f"FREQ=YEARLY;BYDAY={week}{_WEEKDAYS[self.weekday]};BYMONTH={self.month}"


@dataclass(frozen=True, slots=True)
class Observance:
    """One block of a VTIMEZONE: the offset from a yearly onset (or for good) on."""

    name: str
    offset_from: timedelta
    offset_to: timedelta
    onset: Onset | None
    """None for a zone without daylight saving time."""


@dataclass(frozen=True, slots=True)
class ZoneRule:
    """A zone's current rule and the instant since which it describes the zone."""

    tzid: str
    standard: Observance
    daylight: Observance | None
    valid_from: datetime
    """First UTC instant the VTIMEZONE describes truthfully (never before 1971)."""

    def covers(self, instant: datetime) -> bool:
        """Say whether an aware instant lies where the VTIMEZONE gives the zone's real offset."""
        return instant >= self.valid_from


@lru_cache(maxsize=None)  # read and parsed once per zone: every timed event asks for its zone's rule
def zone_rule(tzid: str) -> ZoneRule:
    """Return the current rule of an IANA zone, read from the pinned tzdata package."""
    data = _tzif_bytes(tzid)
    transitions, footer = _parse_tzif(data)
    standard, daylight = _parse_posix(tzid, footer)
    since = _valid_from(tzid, transitions, standard, daylight)
    return ZoneRule(tzid, standard, daylight, max(since, _EARLIEST) if since else _EARLIEST)


def vtimezone(rule: ZoneRule) -> bytes:
    """Return the VTIMEZONE of a zone: one STANDARD and (if the zone has DST) one DAYLIGHT block."""
    lines = [b"BEGIN:VTIMEZONE\r\n", content_line("TZID", escape_text(rule.tzid))]
    for observance, block in ((rule.standard, "STANDARD"), (rule.daylight, "DAYLIGHT")):
        if observance is None:
            continue
        # icalendar writes a block's properties A–Z.
        lines.append(f"BEGIN:{block}\r\n".encode())
        if observance.onset is None:
            lines.append(content_line("DTSTART", datetime_value(datetime(_BASE_YEAR, 1, 1))))
        else:
            lines.append(content_line("DTSTART", datetime_value(observance.onset.in_year(_BASE_YEAR))))
            lines.append(content_line("RRULE", observance.onset.rrule()))
        lines += [content_line("TZNAME", escape_text(observance.name)),
                  content_line("TZOFFSETFROM", _utc_offset(observance.offset_from)),
                  content_line("TZOFFSETTO", _utc_offset(observance.offset_to)), f"END:{block}\r\n".encode()]
    lines.append(b"END:VTIMEZONE\r\n")
    return b"".join(lines)


def _utc_offset(offset: timedelta) -> str:
    """Return a UTC-OFFSET value as icalendar writes it: ``+0100``, ``-0330``, seconds only when there are any."""
    sign, offset = ("-", -offset) if offset < timedelta(0) else ("+", offset)
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02}{minutes:02}" + (f"{seconds:02}" if seconds else "")


def _tzif_bytes(tzid: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*", tzid):
        raise UnsupportedZone(f"{tzid!r} is not an IANA time zone name")
    source = resources.files("tzdata").joinpath("zoneinfo", *tzid.split("/"))
    if not source.is_file():
        raise UnsupportedZone(f"{tzid!r} is not in the tzdata package")
    return source.read_bytes()


def _parse_tzif(data: bytes) -> tuple[list[tuple[int, int]], str]:
    """Return the offset changes ``(utc_seconds, offset_after)`` and the POSIX footer."""
    if data[:4] != b"TZif" or data[4:5] < b"2":
        raise UnsupportedZone("not a TZif version 2+ file")

    def counts(at: int) -> tuple[int, ...]:
        return struct.unpack(">6l", data[at + 20:at + 44])

    # Skip the 32-bit block; the 64-bit one after it holds the same data in full.
    isut, isstd, leap, times, types, chars = counts(0)
    at = 44 + times * 5 + types * 6 + chars + leap * 8 + isstd + isut
    isut, isstd, leap, times, types, chars = counts(at)
    at += 44
    instants = struct.unpack(f">{times}q", data[at:at + 8 * times])
    at += 8 * times
    indices = data[at:at + times]
    at += times
    offsets = [struct.unpack(">l", data[at + 6 * i:at + 6 * i + 4])[0] for i in range(types)]
    at += 6 * types + chars + leap * 12 + isstd + isut
    footer = data[at:].strip(b"\n").decode("ascii")
    changes: list[tuple[int, int]] = []
    previous = offsets[0] if offsets else 0
    for instant, index in zip(instants, indices):
        # zic writes transitions that change only a name or the isdst flag; only offsets matter here.
        if offsets[index] != previous:
            changes.append((instant, offsets[index]))
            previous = offsets[index]
    return changes, footer


_NAME = r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{2,}>)"
_OFFSET = r"[+-]?\d{1,3}(?::\d{2}){0,2}"
_POSIX = re.compile(rf"(?P<std>{_NAME})(?P<std_off>{_OFFSET})"
                    rf"(?:(?P<dst>{_NAME})(?P<dst_off>{_OFFSET})?"
                    rf"(?:,(?P<start>[^,]+),(?P<end>[^,]+))?)?")
_RULE = re.compile(rf"M(\d{{1,2}})\.([1-5])\.([0-6])(?:/({_OFFSET}))?")


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _parse_posix(tzid: str, footer: str) -> tuple[Observance, Observance | None]:
    match = _POSIX.fullmatch(footer)
    if match is None:
        raise UnsupportedZone(f"{tzid}: cannot read its rule {footer!r}")
    # POSIX offsets count west of Greenwich: "CET-1" is UTC+1.
    std_name, std = match["std"].strip("<>"), timedelta(seconds=-_seconds(match["std_off"]))
    if match["dst"] is None:
        return Observance(std_name, std, std, None), None
    if match["start"] is None:
        raise UnsupportedZone(f"{tzid}: its rule {footer!r} leaves the change dates to the system")
    dst_name = match["dst"].strip("<>")
    dst = timedelta(seconds=-_seconds(match["dst_off"])) if match["dst_off"] else std + timedelta(hours=1)
    to_dst, to_std = _onset(tzid, footer, match["start"]), _onset(tzid, footer, match["end"])
    standard = Observance(std_name, dst, std, to_std)
    daylight = Observance(dst_name, std, dst, to_dst)
    # Ireland's rule calls winter time "daylight" (negative DST). Outlook expects the
    # larger offset to be daylight time; the dates and offsets stay the same.
    if dst < std:
        standard, daylight = daylight, standard
    return standard, daylight


def _onset(tzid: str, footer: str, text: str) -> Onset:
    match = _RULE.fullmatch(text)
    if match is None:
        raise UnsupportedZone(f"{tzid}: change date {text!r} in {footer!r} is not of the form Mm.w.d")
    at = timedelta(seconds=_seconds(match[4])) if match[4] else timedelta(hours=2)
    if not timedelta(0) <= at < timedelta(days=1):
        # e.g. Israel's "M3.4.4/26": the change falls on another weekday than the rule names,
        # which an Outlook rule (nth weekday of a month) cannot say.
        raise UnsupportedZone(f"{tzid}: change time {text!r} in {footer!r} is outside the named day")
    return Onset(int(match[1]), int(match[2]), int(match[3]), at)


def _utc(local: datetime, offset: timedelta) -> int:
    return int((local - offset).replace(tzinfo=timezone.utc).timestamp())


def _valid_from(tzid: str, changes: list[tuple[int, int]], standard: Observance,
                daylight: Observance | None) -> datetime | None:
    """Return the first instant since which the rule alone gives every offset change."""
    if daylight is None:
        if changes and changes[-1][1] != int(standard.offset_to.total_seconds()):
            raise UnsupportedZone(f"{tzid}: its last transition disagrees with its rule")
        return datetime.fromtimestamp(changes[-1][0], timezone.utc) if changes else None
    predicted: dict[int, int] = {}
    first_year = datetime.fromtimestamp(changes[0][0], timezone.utc).year - 1 if changes else _BASE_YEAR
    last_year = datetime.fromtimestamp(changes[-1][0], timezone.utc).year + 1 if changes else _BASE_YEAR
    for year in range(first_year, last_year + 1):
        for observance, onset in ((standard, standard.onset), (daylight, daylight.onset)):
            if onset is not None:  # always set when the zone has daylight time
                predicted[_utc(onset.in_year(year), observance.offset_from)] = int(observance.offset_to.total_seconds())
    order = sorted(predicted)
    # Walk back from the last explicit change while each one is the rule's change just
    # before the next (no change missing, none extra).
    index = len(changes) - 1
    while index >= 0:
        instant, offset = changes[index]
        if predicted.get(instant) != offset:
            break
        if index + 1 < len(changes) and order[order.index(instant) + 1] != changes[index + 1][0]:
            break
        index -= 1
    if index < 0:
        return None
    # The first disagreeing change sets an offset that lasts until the next explicit change
    # (or for good). The rule is true from that change on if it gives the same offset with
    # no change of its own in between, else from its first change that agrees again.
    instant, offset = changes[index]
    following = changes[index + 1][0] if index + 1 < len(changes) else None
    in_force = [t for t in order if t <= instant]
    between = [t for t in order if t > instant and (following is None or t < following)]
    if in_force and predicted[in_force[-1]] == offset and (following is None or not between):
        return datetime.fromtimestamp(instant, timezone.utc)
    if between and predicted[between[0]] == offset and (following is None or len(between) == 1):
        return datetime.fromtimestamp(between[0], timezone.utc)
    if following is None:
        raise UnsupportedZone(f"{tzid}: its last transition disagrees with its rule")
    return datetime.fromtimestamp(following, timezone.utc)
