"""iCalendar content lines written directly, byte for byte as ``icalendar`` writes them.

Why: building an ``icalendar`` component and serialising it costs about 0.3 ms
per event, and a site publishes every event in every language: at 10,000 events
the feeds took tens of seconds of each build (BENCHMARKS.md). The rules one
line follows are few and fixed — TEXT escaping (RFC 5545 §3.3.11), values of
DATE, DATE-TIME and DURATION, folding at 75 octets without splitting a UTF-8
character (§3.1) — so they are written here the way icalendar 7 writes them.
``icalendar`` stays the reference: the tests read every feed back with it,
write it again, and expect the very same bytes (docs/decisions/0001).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

__all__ = ["CRLF", "content_line", "date_value", "datetime_value", "duration_value", "escape_text"]

CRLF = b"\r\n"
_LIMIT = 75
"""icalendar folds before the character that would bring a line to 75 octets."""
_FOLD = b"\r\n "
_CARRIED = (ord("\\"), ord("^"))
"""A fold never separates an escape's backslash (or RFC 6868 caret) from what follows it."""


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslashes, ``;``, ``,`` and every kind of line break, in icalendar's order."""
    return (value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def content_line(name: str, value: str, params: str = "") -> bytes:
    """Return ``NAME;PARAMS:value`` folded, with its CRLF; ``params`` starts with ``;`` when given."""
    raw = f"{name}{params}:{value}".encode()
    if len(raw) < _LIMIT:
        return raw + CRLF
    return _fold(raw) + CRLF


def _fold(raw: bytes) -> bytes:
    # Each piece is the longest run of whole characters of at most 74 octets (the space that
    # starts a continuation line is not counted, as in icalendar), less a trailing escape character.
    pieces = []
    start, end = 0, len(raw)
    while end - start >= _LIMIT:
        cut = start + _LIMIT - 1
        while raw[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: the character starts earlier
            cut -= 1
        if raw[cut - 1] in _CARRIED and cut - 1 > start:
            cut -= 1
        pieces.append(raw[start:cut])
        start = cut
    pieces.append(raw[start:])
    return _FOLD.join(pieces)


def date_value(day: date) -> str:
    """Return a DATE value: ``20190327``."""
    return f"{day.year:04}{day.month:02}{day.day:02}"


def datetime_value(when: datetime, *, utc: bool = False) -> str:
    """Return a DATE-TIME value as local time (``20190327T150000``), or in UTC with ``Z``."""
    text = f"{when.year:04}{when.month:02}{when.day:02}T{when.hour:02}{when.minute:02}{when.second:02}"
    return text + "Z" if utc else text


def duration_value(span: timedelta) -> str:
    """Return a DURATION value (``PT12H``, ``P1DT30M``) as icalendar writes it."""
    sign = "-" if span.days < 0 else ""
    span = -span if span.days < 0 else span
    time = ""
    if span.seconds:
        hours, minutes, seconds = span.seconds // 3600, span.seconds % 3600 // 60, span.seconds % 60
        time = "T" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or (hours and seconds) else "") \
            + (f"{seconds}S" if seconds else "")
    if span.days == 0 and time:
        return f"{sign}P{time}"
    return f"{sign}P{abs(span.days)}D{time}"
