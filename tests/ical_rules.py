"""Checks that an iCalendar file follows the project's rules (DESIGN §3), read from its bytes.

Parsers are lenient: they unfold over-long lines, accept bare LF, guess floating
times. So the rules are checked on the raw bytes here, and the three parsers
real clients use are run on top (``parse_everywhere``). Two kinds of file: a
*feed* to subscribe to (a name, a refresh interval, no METHOD) and an
*appointment*, one event to add once (METHOD:PUBLISH, and no calendar name or
refresh fields, which would make Outlook open it as a new calendar). Import
from any test:

    from ical_rules import assert_appointment_rules, assert_feed_rules, parse_everywhere
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CALENDAR_ONLY", "ContentLine", "ParsedFeeds", "assert_appointment_rules", "assert_calendar_file_rules",
           "assert_feed_rules", "content_lines", "components", "IcalJsNotRun", "parse_everywhere", "parse_with_icaljs"]

JS_DIR = Path(__file__).parent / "js"

TEXT_PROPERTIES = {"SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CONTACT", "NAME", "X-WR-CALNAME",
                   "X-WR-CALDESC", "TZNAME", "CATEGORIES", "RESOURCES"}
"""Properties whose value is TEXT: ``,`` ``;`` ``\\`` and newlines must be escaped."""
LIST_PROPERTIES = {"CATEGORIES", "RESOURCES"}
"""TEXT lists: an unescaped comma separates values."""
URI_PROPERTIES = {"URL", "SOURCE", "TZURL", "ATTACH", "IMAGE", "CONFERENCE"}
"""URI values are written as they are, never backslash-escaped."""
VEVENT_STATUS = {"TENTATIVE", "CONFIRMED", "CANCELLED"}
CALENDAR_ONLY = ("NAME", "X-WR-CALNAME", "X-WR-CALDESC", "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "SOURCE")
"""What makes a file a calendar to subscribe to; an appointment carries none of it (MS-OXCICAL: no X-WR-CALNAME)."""


@dataclass(frozen=True)
class ContentLine:
    """One unfolded content line: ``NAME;PARAM=value:VALUE``."""

    name: str
    params: tuple[tuple[str, str], ...]
    """Raw parameter values, quotes included."""
    value: str

    def param(self, name: str) -> str | None:
        """Return a parameter's value without its quotes, or None."""
        for key, raw in self.params:
            if key == name.upper():
                return raw[1:-1] if raw.startswith('"') else raw
        return None


@dataclass
class Component:
    """A parsed BEGIN…END block of content lines."""

    name: str
    lines: list[ContentLine]
    children: list["Component"]

    def all(self, name: str) -> list[ContentLine]:
        """Return every line of this property (not of children)."""
        return [line for line in self.lines if line.name == name]

    def one(self, name: str) -> ContentLine:
        """Return the single line of this property; fail if it is missing or repeated."""
        found = self.all(name)
        assert len(found) == 1, f"{self.name}: expected one {name}, found {len(found)}"
        return found[0]

    def sub(self, name: str) -> list["Component"]:
        """Return the child components called ``name``."""
        return [child for child in self.children if child.name == name]


def content_lines(data: bytes) -> list[ContentLine]:
    """Unfold and split an iCalendar stream into content lines (no checks)."""
    text = data.decode("utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    return [_split(line) for line in unfolded.split("\r\n") if line]


def components(data: bytes) -> Component:
    """Return the top VCALENDAR component of a stream."""
    root = Component("", [], [])
    stack = [root]
    for line in content_lines(data):
        if line.name == "BEGIN":
            child = Component(line.value.upper(), [], [])
            stack[-1].children.append(child)
            stack.append(child)
        elif line.name == "END":
            assert len(stack) > 1 and stack[-1].name == line.value.upper(), f"unbalanced END:{line.value}"
            stack.pop()
        else:
            stack[-1].lines.append(line)
    assert len(stack) == 1, f"{stack[-1].name} is never ended"
    assert [c.name for c in root.children] == ["VCALENDAR"], "the stream must hold exactly one VCALENDAR"
    assert not root.lines, "content lines outside VCALENDAR"
    return root.children[0]


def _split(line: str) -> ContentLine:
    """Split a content line into name, parameters and value, honouring quoted parameter values."""
    match = re.match(r"[A-Za-z0-9-]+", line)
    assert match, f"no property name in {line!r}"
    name, at = match.group().upper(), match.end()
    params: list[tuple[str, str]] = []
    while line[at:at + 1] == ";":
        pmatch = re.match(r';([A-Za-z0-9-]+)=', line[at:])
        assert pmatch, f"bad parameter in {line!r}"
        key, at = pmatch.group(1).upper(), at + pmatch.end()
        # One or more comma-separated values, each quoted or free of ";:,".
        vmatch = re.match(r'(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*', line[at:])
        assert vmatch is not None
        params.append((key, vmatch.group()))
        at += vmatch.end()
    assert line[at:at + 1] == ":", f"parameter value with an unquoted ':', ';' or ',' (or no value) in {line!r}"
    return ContentLine(name, tuple(params), line[at + 1:])


def assert_feed_rules(data: bytes) -> Component:
    """Check every rule of a published feed on its bytes; return the parsed VCALENDAR."""
    calendar = assert_calendar_file_rules(data)
    _check_feed(calendar)
    return calendar


def assert_appointment_rules(data: bytes) -> Component:
    """Check every rule of a one-event file (the event and its programme's sessions); return the VCALENDAR."""
    calendar = assert_calendar_file_rules(data)
    assert calendar.one("METHOD").value == "PUBLISH", "an appointment says METHOD:PUBLISH"
    for name in CALENDAR_ONLY:
        assert not calendar.all(name), f"an appointment has no {name}: Outlook would open it as a new calendar"
    events = {event.one("UID").value.split("@", 1)[0] for event in calendar.sub("VEVENT")}
    main = {uid.split(".", 1)[0] for uid in events}
    assert len(main) == 1 and main <= events, f"an appointment holds one event and its sessions, not {sorted(events)}"
    return calendar


def assert_calendar_file_rules(data: bytes) -> Component:
    """Check the rules every calendar file follows, feed or appointment; return the parsed VCALENDAR."""
    _check_lines(data)
    calendar = components(data)
    assert calendar.one("VERSION").value == "2.0"
    assert calendar.one("PRODID").value
    assert calendar.sub("VEVENT"), "RFC 5545 wants at least one component: a file with no event is not published"
    _check_escaping(calendar)
    tzids = _check_timezones(calendar)
    used: set[str] = set()
    uids: set[str] = set()
    for event in calendar.sub("VEVENT"):
        uid = event.one("UID").value
        assert uid and uid not in uids, f"UID {uid!r} is missing or repeated"
        uids.add(uid)
        used |= _check_event(event, uid)
    assert calendar.sub("VTODO") == [] and calendar.sub("VJOURNAL") == [], "a feed holds events only"
    missing = used - tzids
    assert not missing, f"TZID without VTIMEZONE: {sorted(missing)}"
    return calendar


def _check_lines(data: bytes) -> None:
    assert data.startswith(b"BEGIN:VCALENDAR\r\n"), "must start with BEGIN:VCALENDAR and CRLF"
    assert data.endswith(b"END:VCALENDAR\r\n"), "must end with END:VCALENDAR and CRLF"
    assert data.count(b"\n") == data.count(b"\r\n") == data.count(b"\r"), "every line ends in CRLF, no bare CR/LF"
    data.decode("utf-8")
    for number, physical in enumerate(data.split(b"\r\n")[:-1], 1):
        assert len(physical) <= 75, f"line {number} is {len(physical)} octets (max 75): {physical!r}"
        try:
            physical.decode("utf-8")
        except UnicodeDecodeError as error:  # a fold cut a multi-byte character in two
            raise AssertionError(f"line {number} splits a UTF-8 character: {physical!r}") from error
        assert physical and physical.strip(b" \t"), f"line {number} is empty"


def _check_feed(calendar: Component) -> None:
    assert calendar.one("NAME").value, "RFC 7986 NAME is required"
    assert calendar.one("X-WR-CALNAME").value == calendar.one("NAME").value
    refresh = calendar.one("REFRESH-INTERVAL")
    assert refresh.param("VALUE") == "DURATION", "REFRESH-INTERVAL needs VALUE=DURATION"
    assert re.fullmatch(r"P(?:\d+W|(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)", refresh.value), refresh.value
    assert re.fullmatch(r"P(?:\d+W|(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)", calendar.one("X-PUBLISHED-TTL").value)
    assert not calendar.all("METHOD"), "a published feed has no METHOD"
    for child in calendar.children:
        assert not child.all("METHOD")


def _check_timezones(calendar: Component) -> set[str]:
    tzids: set[str] = set()
    for vtimezone in calendar.sub("VTIMEZONE"):
        tzid = vtimezone.one("TZID").value
        assert tzid not in tzids, f"VTIMEZONE {tzid} repeated"
        tzids.add(tzid)
        standard, daylight = vtimezone.sub("STANDARD"), vtimezone.sub("DAYLIGHT")
        assert len(standard) == 1, f"{tzid}: Outlook needs exactly one STANDARD block, found {len(standard)}"
        assert len(daylight) <= 1, f"{tzid}: Outlook needs at most one DAYLIGHT block, found {len(daylight)}"
        assert len(vtimezone.children) == len(standard) + len(daylight)
        for block in standard + daylight:
            assert not block.all("RDATE"), f"{tzid}: RDATE lists are misread by Outlook; use one RRULE"
            assert re.fullmatch(r"\d{8}T\d{6}", block.one("DTSTART").value), f"{tzid}: observance DTSTART is local"
            for key in ("TZOFFSETFROM", "TZOFFSETTO"):
                assert re.fullmatch(r"[+-]\d{4}(\d{2})?", block.one(key).value)
            if daylight:
                rrule = block.one("RRULE").value
                assert re.fullmatch(r"FREQ=YEARLY;(?:BYDAY=-?[1-5](?:SU|MO|TU|WE|TH|FR|SA);BYMONTH=\d{1,2}|"
                                    r"BYMONTH=\d{1,2};BYDAY=-?[1-5](?:SU|MO|TU|WE|TH|FR|SA))", rrule), rrule
    return tzids


def _check_event(event: Component, uid: str) -> set[str]:
    for name in ("DTSTAMP", "CREATED", "LAST-MODIFIED"):
        stamp = event.one(name)
        assert not stamp.params and re.fullmatch(r"\d{8}T\d{6}Z", stamp.value), f"{uid}: {name} must be UTC"
    assert event.one("CREATED").value <= event.one("LAST-MODIFIED").value, f"{uid}: changed before it was created"
    assert re.fullmatch(r"\d+", event.one("SEQUENCE").value), f"{uid}: SEQUENCE must be a number"
    assert event.one("STATUS").value in VEVENT_STATUS, f"{uid}: STATUS {event.one('STATUS').value}"
    assert event.one("SUMMARY").value
    start, end = event.one("DTSTART"), event.one("DTEND")
    assert not event.all("DURATION"), f"{uid}: use DTEND"
    used: set[str] = set()
    if start.param("VALUE") == "DATE":
        assert end.param("VALUE") == "DATE", f"{uid}: DTEND must be a DATE like DTSTART"
        assert re.fullmatch(r"\d{8}", start.value) and re.fullmatch(r"\d{8}", end.value)
        assert end.value > start.value, f"{uid}: an all-day DTEND is exclusive (the day after the last day)"
    else:
        for line in (start, end):
            tzid = line.param("TZID")
            assert tzid, f"{uid}: {line.name} {line.value} is floating or UTC; timed events carry a TZID"
            assert re.fullmatch(r"\d{8}T\d{6}", line.value), f"{uid}: {line.name} with TZID is local time"
            used.add(tzid)
        assert (end.value, end.param("TZID")) != (start.value, start.param("TZID")), f"{uid}: empty span"
    used |= {line.param("TZID") or "" for line in event.lines if line.param("TZID")}  # EXDATE, RECURRENCE-ID…
    for line in event.all("ORGANIZER") + event.all("ATTENDEE"):
        assert line.value.lower().startswith("mailto:"), f"{uid}: {line.name} must be a mailto: CAL-ADDRESS"
    for line in event.all("GEO"):
        assert re.fullmatch(r"-?\d+(\.\d+)?;-?\d+(\.\d+)?", line.value), f"{uid}: GEO {line.value}"
    return used


def _check_escaping(component: Component) -> None:
    for line in component.lines:
        if line.name in TEXT_PROPERTIES:
            allowed = r"[^\\;,]" if line.name not in LIST_PROPERTIES else r"[^\\;]"
            assert re.fullmatch(rf"(?:{allowed}|\\[\\;,nN])*", line.value), \
                f"{line.name}: unescaped ',', ';' or '\\' in {line.value!r}"
        if line.name in URI_PROPERTIES:
            assert "\\" not in line.value, f"{line.name}: a URI is not escaped like text: {line.value!r}"
        for key, raw in line.params:
            if not raw.startswith('"'):
                assert not re.search(r"[:;,]", raw), f"{line.name};{key}: value with ':;,' must be quoted"
    for child in component.children:
        _check_escaping(child)


@dataclass
class ParsedFeeds:
    """What each of the three parsers made of some feeds, per file name."""

    icalendar: dict[str, object]
    ical: dict[str, object]
    icaljs: dict[str, dict] | None
    """None when Node or ical.js is not installed: a warning says so, and the other two are checked all the same."""


class IcalJsNotRun(UserWarning):
    """Mozilla ical.js could not be run: its checks were left out (``make test`` installs it)."""


def parse_with_icaljs(files: list[Path]) -> dict[str, dict] | None:
    """Parse files with Mozilla ical.js under Node; return its report per file name (see js/parse.mjs).

    None, with an :class:`IcalJsNotRun` warning, when Node or tests/js/node_modules is missing: one
    missing parser leaves out its own checks, never those of the other two.
    """
    node = shutil.which("node")
    if node is None or not (JS_DIR / "node_modules" / "ical.js").is_dir():
        warnings.warn(IcalJsNotRun("Node or tests/js/node_modules/ical.js is missing (run npm ci in tests/js): "
                                   "the calendars were parsed by icalendar and ical only"), stacklevel=3)
        return None
    done = subprocess.run([node, str(JS_DIR / "parse.mjs"), *map(str, files)], cwd=JS_DIR, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert not done.stderr.strip(), f"ical.js wrote to stderr: {done.stderr}"
    return {Path(item["file"]).name: item for item in json.loads(done.stdout)}


def parse_everywhere(feeds: dict[str, bytes], folder: Path) -> ParsedFeeds:
    """Parse every feed (name → bytes) with icalendar, the strict ``ical`` and ical.js; fail on any complaint."""
    import icalendar
    from ical.calendar_stream import IcsCalendarStream

    by_icalendar: dict[str, object] = {}
    by_ical: dict[str, object] = {}
    files = []
    logger = logging.getLogger("ical")
    for name, data in feeds.items():
        records: list[logging.LogRecord] = []
        handler = _Collect(records)
        logger.addHandler(handler)
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                parsed = icalendar.Calendar.from_ical(data)
                by_ical[name] = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
        finally:
            logger.removeHandler(handler)
        assert not caught, f"{name}: warnings {[str(w.message) for w in caught]}"
        assert not records, f"{name}: ical logged {[r.getMessage() for r in records]}"
        for component in parsed.walk():
            assert not getattr(component, "errors", None), f"{name}: icalendar errors {component.errors}"
        by_icalendar[name] = parsed
        path = folder / name
        path.write_bytes(data)
        files.append(path)
    by_icaljs = parse_with_icaljs(files)
    for name, report in (by_icaljs or {}).items():
        assert report["errors"] == [], f"{name}: ical.js errors {report['errors']}"
    return ParsedFeeds(by_icalendar, by_ical, by_icaljs)


class _Collect(logging.Handler):
    """Collects log records of WARNING and above."""

    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
