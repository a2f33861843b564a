"""iCalendar rendering: the rules of DESIGN §3 on the bytes, and what three real parsers make of them."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

import icalendar
import pytest
from hypothesis import given, settings, strategies as st
from ical.calendar_stream import IcsCalendarStream
from ical.timezone import IcsTimezoneInfo

from microsite.history import EventVersion
from microsite.model import Event, EventStatus, Partner, Session, Text, Venue
from microsite.vocabulary import built_in_vocabulary
from microsite.render.ical import CalendarWriter, event_uid, render_appointment, render_calendar
from microsite.render.vtimezone import UnsupportedZone, ZoneRule, vtimezone, zone_rule

# The shared feed checks live in tests/, which pytest does not put on sys.path for this folder.
_TESTS = str(Path(__file__).resolve().parents[1])
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)
from ical_rules import (CALENDAR_ONLY, assert_appointment_rules, assert_feed_rules, components,  # noqa: E402
                        content_lines, parse_everywhere)
import ical_rules
from ical_rules import IcalJsNotRun

BASE = "https://example.org/projekt/"
PUBLISHED = datetime(2026, 5, 4, 3, 2, 1, tzinfo=timezone.utc)
UTC = timezone.utc
WARSAW = ZoneInfo("Europe/Warsaw")
LONDON = ZoneInfo("Europe/London")
VOCABULARY = built_in_vocabulary(("pl", "en"))
KINDS = {kind.id: kind for kind in VOCABULARY.kinds}
ROLES = {role.id: role for role in VOCABULARY.roles}

LIBRARY = Venue("mediateka",
                Text.of(pl="Przemyska Biblioteka Publiczna, Mediateka", en="Przemyśl Public Library, Mediateka"),
                Text.of(pl="Przemyśl", en="Przemyśl"), "PL", "Europe/Warsaw",
                street="ul. Grodzka 8; wejście od podwórza", postal_code="37-700",
                latitude=49.7838, longitude=22.7677)


def make_event(ident: str = "spotkanie", start: datetime | date = datetime(2026, 3, 28, 10, tzinfo=WARSAW),
               end: datetime | date | None = None, **changes) -> Event:
    """Return a synthetic event (defaults: a 2-hour information meeting in Przemyśl)."""
    if end is None:
        end = start + timedelta(hours=2) if isinstance(start, datetime) else start
    fields = dict(id=ident, kind=KINDS["information_meeting"],
                  title=Text.of(pl="Spotkanie informacyjne w Przemyślu", en="Information meeting in Przemyśl"),
                  start=start, end=end, timezone="Europe/Warsaw", venue=LIBRARY)
    fields.update(changes)
    return Event(**fields)


def render(events, lang: str = "pl", **kwargs) -> bytes:
    """Render a calendar with the test defaults."""
    options = dict(name="Społecznie Zorganizowani – test", base_url=BASE, published_at=PUBLISHED, default_lang="pl")
    options.update(kwargs)
    return render_calendar(events, lang, **options)


def vevents(data: bytes) -> dict[str, icalendar.Event]:
    """Return icalendar's VEVENTs by UID."""
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def raw(data: bytes, uid: str) -> dict[str, str]:
    """Return the unfolded raw properties of one VEVENT (name → ';PARAM=value:VALUE')."""
    for event in components(data).sub("VEVENT"):
        if event.one("UID").value == uid:
            return {line.name: "".join(f";{k}={v}" for k, v in line.params) + ":" + line.value
                    for line in event.lines}
    raise AssertionError(f"no VEVENT {uid}")


@pytest.fixture(scope="module")
def demo_feeds(site, tmp_path_factory):
    """The demo site's events as one calendar per language, checked and parsed everywhere."""
    feeds = {f"demo-{lang}.ics": render(site.events, lang, default_lang=site.project.default_language)
             for lang in site.languages}
    for data in feeds.values():
        assert_feed_rules(data)
    return feeds, parse_everywhere(feeds, tmp_path_factory.mktemp("demo"))


def test_demo_calendars_follow_every_rule_and_parse_cleanly(demo_feeds):
    feeds, parsed = demo_feeds
    # Written out from tests/fixtures/demo/data/events.yaml: nine events, and the study visit's six sessions.
    expected = {f"{ident}@projekt.example.org" for ident in (
        "wizyta-studyjna-2018", "spotkanie-informacyjne-krosno-2018-11-20", "spotkanie-informacyjne-przemysl-2018-11-21",
        "dyzur-krosno-2019-03-27", "dyzur-krosno-2019-03-28", "dyzur-przemysl-2019-03-28",
        "spotkanie-rekrutacyjne-krosno-2019-04-29", "spotkanie-rekrutacyjne-przemysl-2019-04-30",
        "spotkanie-robocze-krakow-2020-02-20")} | {f"wizyta-studyjna-2018.{session}@projekt.example.org" for session in (
            "stockport-otwarcie", "stockport-woodley", "stockport-windmill", "lincoln-szkolenie", "lincoln-spotkania",
            "londyn-hm-treasury")}
    for name in feeds:
        assert {str(e["UID"]) for e in parsed.icalendar[name].walk("VEVENT")} == expected
        assert {e.uid for e in parsed.ical[name].events} == expected
        if parsed.icaljs is not None:
            assert {e["uid"] for e in parsed.icaljs[name]["events"]} == expected
            assert set(parsed.icaljs[name]["tzids"]) == {"Europe/London", "Europe/Warsaw"}


def test_stockport_session_is_0930_london_0830_utc_1030_warsaw_in_every_parser(demo_feeds):
    feeds, parsed = demo_feeds
    uid = "wizyta-studyjna-2018.stockport-otwarcie@projekt.example.org"
    expected = datetime(2018, 10, 23, 8, 30, tzinfo=UTC)
    for name, data in feeds.items():
        assert raw(data, uid)["DTSTART"] == ";TZID=Europe/London:20181023T093000"
        by_icalendar = next(e for e in parsed.icalendar[name].walk("VEVENT") if str(e["UID"]) == uid)
        by_ical = next(e for e in parsed.ical[name].events if e.uid == uid)
        # As each parser resolves the TZID …
        for start in (by_icalendar.decoded("DTSTART"), by_ical.start):
            assert start.astimezone(UTC) == expected
            assert start.astimezone(WARSAW).strftime("%H:%M") == "10:30"
        if parsed.icaljs is not None:  # ical.js knows zones only from the file
            by_js = next(e for e in parsed.icaljs[name]["events"] if e["uid"] == uid)
            assert by_js["start"] == "2018-10-23T08:30:00.000Z"
        # … and through the VTIMEZONE we wrote, as icalendar (dateutil) and ical read it.
        for tz in _file_zones(parsed.icalendar[name], parsed.ical[name])["Europe/London"]:
            assert datetime(2018, 10, 23, 9, 30, tzinfo=tz).astimezone(UTC) == expected


def _file_zones(by_icalendar, by_ical) -> dict[str, list]:
    """Return the tzinfos built from a file's own VTIMEZONEs by icalendar and by ical, per TZID."""
    zones: dict[str, list] = {}
    for component in by_icalendar.walk("VTIMEZONE"):
        zones.setdefault(str(component["TZID"]), []).append(component.to_tz(lookup_tzid=False))
    for timezone_ in by_ical.timezones:
        zones.setdefault(timezone_.tz_id, []).append(IcsTimezoneInfo.from_timezone(timezone_))
    return zones


DST_CASES = [  # local 10:00 in Warsaw either side of both 2026 changes (29 March, 25 October)
    ("przed-zmiana-wiosna", datetime(2026, 3, 28, 10, tzinfo=WARSAW), "2026-03-28T09:00:00.000Z"),
    ("po-zmianie-wiosna", datetime(2026, 3, 30, 10, tzinfo=WARSAW), "2026-03-30T08:00:00.000Z"),
    ("przed-zmiana-jesien", datetime(2026, 10, 24, 10, tzinfo=WARSAW), "2026-10-24T08:00:00.000Z"),
    ("po-zmianie-jesien", datetime(2026, 10, 26, 10, tzinfo=WARSAW), "2026-10-26T09:00:00.000Z"),
    ("londyn-lato", datetime(2026, 3, 30, 10, tzinfo=LONDON), "2026-03-30T09:00:00.000Z"),
    ("londyn-zima", datetime(2026, 10, 26, 10, tzinfo=LONDON), "2026-10-26T10:00:00.000Z"),
]


def test_events_either_side_of_dst_changes_land_on_the_right_utc_hour(tmp_path):
    events = [make_event(ident, start, timezone=start.tzinfo.key) for ident, start, _ in DST_CASES]
    data = render(events)
    assert_feed_rules(data)
    parsed = parse_everywhere({"dst.ics": data}, tmp_path)
    zones = _file_zones(parsed.icalendar["dst.ics"], parsed.ical["dst.ics"])
    for ident, start, utc_text in DST_CASES:
        uid = f"{ident}@projekt.example.org"
        expected = datetime.fromisoformat(utc_text.replace(".000Z", "+00:00"))
        assert raw(data, uid)["DTSTART"] == f";TZID={start.tzinfo.key}:{start:%Y%m%dT%H%M%S}"
        by_icalendar = vevents(data)[uid].decoded("DTSTART")
        by_ical = next(e for e in parsed.ical["dst.ics"].events if e.uid == uid).start
        assert by_icalendar.astimezone(UTC) == by_ical.astimezone(UTC) == expected
        if parsed.icaljs is not None:
            assert next(e for e in parsed.icaljs["dst.ics"]["events"] if e["uid"] == uid)["start"] == utc_text
        for tz in zones[start.tzinfo.key]:
            assert start.replace(tzinfo=tz).astimezone(UTC) == expected


def test_all_day_events_use_dates_with_an_exclusive_end(demo_feeds):
    feeds, parsed = demo_feeds
    for name, data in feeds.items():
        meeting = raw(data, "spotkanie-robocze-krakow-2020-02-20@projekt.example.org")
        assert (meeting["DTSTART"], meeting["DTEND"]) == (";VALUE=DATE:20200220", ";VALUE=DATE:20200221")
        visit = raw(data, "wizyta-studyjna-2018@projekt.example.org")
        assert (visit["DTSTART"], visit["DTEND"]) == (";VALUE=DATE:20181023", ";VALUE=DATE:20181027")
        by_ical = {e.uid: e for e in parsed.ical[name].events}
        assert by_ical["wizyta-studyjna-2018@projekt.example.org"].end == date(2018, 10, 27)
        if parsed.icaljs is not None:
            by_js = {e["uid"]: e for e in parsed.icaljs[name]["events"]}
            assert by_js["spotkanie-robocze-krakow-2020-02-20@projekt.example.org"]["isDate"] is True
            assert by_js["spotkanie-robocze-krakow-2020-02-20@projekt.example.org"]["end"] == "2020-02-21"


def test_sessions_are_events_of_their_own_beside_the_all_day_umbrella(demo_feeds, site):
    feeds, _ = demo_feeds
    visit = next(e for e in site.events if e.kind.id == "study_visit")
    data = feeds["demo-en.ics"]
    session = raw(data, "wizyta-studyjna-2018.londyn-hm-treasury@projekt.example.org")
    assert session["DTSTART"] == ";TZID=Europe/London:20181026T110000"
    venue = next(s.venue for s in visit.sessions if s.id == "londyn-hm-treasury")
    assert session["LOCATION"] == f":HM Treasury\\, {venue.street}\\, London"
    assert session["URL"] == ":https://example.org/projekt/en/schedule/wizyta-studyjna-2018/"
    assert "Programme: Study visit to the United Kingdom" in str(vevents(data)[
        "wizyta-studyjna-2018.londyn-hm-treasury@projekt.example.org"]["DESCRIPTION"])
    assert len(visit.sessions) == 6


def test_moving_or_cancelling_keeps_the_uid_and_writes_the_version_the_history_gives(tmp_path):
    first = make_event()
    moved = replace(first, status=EventStatus.RESCHEDULED, previous_starts=(first.start,),
                    start=first.start + timedelta(days=7), end=first.end + timedelta(days=7))
    online = replace(moved, status=EventStatus.MOVED_ONLINE, online_url="https://meet.example.org/x")
    cancelled = replace(online, status=EventStatus.CANCELLED)
    created = datetime(2026, 3, 1, 9, tzinfo=UTC)
    # What microsite.history would give after each commit: SEQUENCE counts the changes.
    versions = [(first, EventVersion(0, created, created)),
                (moved, EventVersion(1, created, datetime(2026, 3, 20, 8, 15, 30, tzinfo=UTC))),
                (online, EventVersion(2, created, datetime(2026, 3, 27, 7, tzinfo=UTC))),
                (cancelled, EventVersion(3, created, datetime(2026, 4, 2, 16, 45, tzinfo=UTC)))]
    feeds = {f"v{n}.ics": render([event], versions={event.id: version}) for n, (event, version) in enumerate(versions)}
    parsed = parse_everywhere(feeds, tmp_path)
    for (name, data), (_, version) in zip(feeds.items(), versions):
        assert_feed_rules(data)
        (by_ical,) = parsed.ical[name].events
        (by_icalendar,) = vevents(data).values()
        assert by_ical.uid == str(by_icalendar["UID"]) == "spotkanie@projekt.example.org"
        assert by_ical.sequence == by_icalendar.decoded("SEQUENCE") == version.sequence
        if parsed.icaljs is not None:
            (by_js,) = parsed.icaljs[name]["events"]
            assert (by_js["uid"], by_js["sequence"]) == ("spotkanie@projekt.example.org", version.sequence)
        fields = raw(data, "spotkanie@projekt.example.org")
        stamp = f":{version.modified:%Y%m%dT%H%M%SZ}"
        assert fields["DTSTAMP"] == fields["LAST-MODIFIED"] == stamp
        assert fields["CREATED"] == ":20260301T090000Z"
        assert by_icalendar.decoded("LAST-MODIFIED") == by_icalendar.decoded("DTSTAMP") == version.modified
        assert by_ical.last_modified == version.modified and by_ical.created == created
    moved_raw = raw(feeds["v1.ics"], "spotkanie@projekt.example.org")
    assert moved_raw["DTSTART"] == ";TZID=Europe/Warsaw:20260404T100000"
    assert moved_raw["STATUS"] == ":CONFIRMED"
    assert moved_raw["SUMMARY"] == ":Zmiana terminu: Spotkanie informacyjne w Przemyślu"
    moved_description = str(vevents(feeds["v1.ics"])["spotkanie@projekt.example.org"]["DESCRIPTION"])
    assert "Poprzedni termin: 28 marca 2026, 10:00" in moved_description
    cancelled_raw = raw(feeds["v3.ics"], "spotkanie@projekt.example.org")
    assert cancelled_raw["STATUS"] == ":CANCELLED"
    assert cancelled_raw["SUMMARY"] == ":Odwołane: Spotkanie informacyjne w Przemyślu"
    assert parsed.icaljs is None or parsed.icaljs["v3.ics"]["events"][0]["status"] == "CANCELLED"


def test_an_event_the_history_does_not_know_is_version_0_of_the_publication_time():
    plain = make_event("zwykle")
    known = make_event("znane", start=datetime(2026, 3, 29, 10, tzinfo=WARSAW))
    version = EventVersion(4, datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), datetime(2026, 2, 3, 4, 5, 6, tzinfo=UTC))
    data = render([plain, known], versions={"znane": version})
    assert_feed_rules(data)
    unknown = raw(data, "zwykle@projekt.example.org")
    assert (unknown["SEQUENCE"], unknown["CREATED"], unknown["LAST-MODIFIED"], unknown["DTSTAMP"]) == (
        ":0", ":20260504T030201Z", ":20260504T030201Z", ":20260504T030201Z")
    given = raw(data, "znane@projekt.example.org")
    assert (given["SEQUENCE"], given["CREATED"], given["LAST-MODIFIED"], given["DTSTAMP"]) == (
        ":4", ":20260102T030405Z", ":20260203T040506Z", ":20260203T040506Z")
    with pytest.raises(ValueError):
        render([plain], published_at=datetime(2026, 5, 4))


def test_sessions_carry_their_events_version():
    start = datetime(2018, 10, 23, 9, 30, tzinfo=LONDON)
    visit = make_event("wizyta", date(2018, 10, 23), date(2018, 10, 23), kind=KINDS["study_visit"],
                       timezone="Europe/London",
                       sessions=(Session("s1", start, start + timedelta(hours=1), Text.neutral("Sesja")),))
    version = EventVersion(2, datetime(2018, 9, 1, tzinfo=UTC), datetime(2018, 10, 1, tzinfo=UTC))
    data = render([visit], versions={"wizyta": version})
    for uid in ("wizyta@projekt.example.org", "wizyta.s1@projekt.example.org"):
        assert raw(data, uid)["SEQUENCE"] == ":2" and raw(data, uid)["LAST-MODIFIED"] == ":20181001T000000Z"


@pytest.mark.parametrize(("status", "word", "lang", "prefix"), [
    (EventStatus.POSTPONED, "TENTATIVE", "en", "Postponed – new date to follow: "),
    (EventStatus.MOVED_ONLINE, "CONFIRMED", "pl", "Przeniesione do internetu: "),
    (EventStatus.SCHEDULED, "CONFIRMED", "pl", ""),
])
def test_status_is_in_status_and_in_front_of_the_title(status, word, lang, prefix):
    event = make_event(status=status, online_url="https://meet.example.org/abc?x=1,2")
    fields = raw(render([event], lang), "spotkanie@projekt.example.org")
    assert fields["STATUS"] == f":{word}"
    assert fields["SUMMARY"] == ":" + prefix + event.title.in_(lang)


def test_an_event_moved_online_is_located_at_its_link_without_geo():
    fields = raw(render([make_event(status=EventStatus.MOVED_ONLINE, online_url="https://meet.example.org/a,b")]),
                 "spotkanie@projekt.example.org")
    assert fields["LOCATION"] == ":https://meet.example.org/a\\,b"  # LOCATION is TEXT, so escaped
    assert "GEO" not in fields


def test_location_geo_url_categories_and_no_invalid_organizer():
    organiser = Partner("cds", Text.neutral("Centrum Doradztwa Strategicznego s.c."), ROLES["leader"], "PL")
    event = make_event(organiser=organiser, registration_url="https://example.org/zapisy?a=1,2;b=3")
    pl = raw(render([event], "pl"), "spotkanie@projekt.example.org")
    en = raw(render([event], "en"), "spotkanie@projekt.example.org")
    assert pl["LOCATION"] == (":Przemyska Biblioteka Publiczna\\, Mediateka\\, ul. Grodzka 8\\; wejście od "
                              "podwórza\\, 37-700 Przemyśl")
    assert en["LOCATION"].startswith(":Przemyśl Public Library\\, Mediateka")
    assert pl["GEO"] == ":49.7838;22.7677"
    assert pl["URL"] == ":https://example.org/projekt/schedule/spotkanie/"
    assert en["URL"] == ":https://example.org/projekt/en/schedule/spotkanie/"
    assert pl["CATEGORIES"] == ":Spotkanie informacyjne"
    assert en["CATEGORIES"] == ":Information meeting"
    # The partner has no e-mail address, and ORGANIZER needs a mailto: CAL-ADDRESS.
    assert "ORGANIZER" not in pl
    description = str(vevents(render([event], "pl"))["spotkanie@projekt.example.org"]["DESCRIPTION"])
    assert "Organizator: Centrum Doradztwa Strategicznego s.c." in description
    assert "Zapisy: https://example.org/zapisy?a=1,2;b=3" in description


def test_text_is_escaped_and_comes_back_unchanged_from_every_parser(tmp_path):
    title = 'Szkolenie: prawo, finanse; "cytat" i ukośnik \\ na końcu'
    description = "Pierwsza linia\nDruga linia, z przecinkiem; i średnikiem\r\nTrzecia\\"
    event = make_event(title=Text.of(pl=title, en=title), description=Text.of(pl=description, en=description))
    data = render([event])
    assert_feed_rules(data)
    fields = raw(data, "spotkanie@projekt.example.org")
    assert fields["SUMMARY"] == ':Szkolenie: prawo\\, finanse\\; "cytat" i ukośnik \\\\ na końcu'
    assert fields["DESCRIPTION"].startswith(
        ":Pierwsza linia\\nDruga linia\\, z przecinkiem\\; i średnikiem\\nTrzecia\\\\")
    parsed = parse_everywhere({"escaping.ics": data}, tmp_path)
    expected_description = description.replace("\r\n", "\n")
    assert str(vevents(data)["spotkanie@projekt.example.org"]["SUMMARY"]) == title
    (by_ical,) = parsed.ical["escaping.ics"].events
    assert by_ical.summary == title
    assert by_ical.description.startswith(expected_description)
    assert parsed.icaljs is None or parsed.icaljs["escaping.ics"]["events"][0]["summary"] == title


@pytest.mark.parametrize("pad", range(4))
def test_long_polish_lines_fold_at_75_octets_without_splitting_a_letter(pad, tmp_path):
    # Two-byte letters shifted by 0–3 ASCII characters put a letter across every possible fold point.
    title = "x" * pad + "Zażółć gęślą jaźń – źdźbło żółwia, łódź i ćma nad ścieżką; " * 4
    event = make_event(title=Text.of(pl=title, en=title), venue=replace(LIBRARY, name=Text.neutral("Ż" * 90)))
    data = render([event], name="Społecznie Zorganizowani – " + "ąęśćżźół" * 12)
    assert_feed_rules(data)
    lines = data.split(b"\r\n")
    assert sum(line.startswith(b" ") for line in lines) >= 8, "titles this long must be folded"
    assert max(len(line) for line in lines) <= 75
    parsed = parse_everywhere({"fold.ics": data}, tmp_path)
    assert parsed.ical["fold.ics"].events[0].summary == title
    assert parsed.icaljs is None or parsed.icaljs["fold.ics"]["events"][0]["summary"] == title
    assert str(vevents(data)["spotkanie@projekt.example.org"]["SUMMARY"]) == title


def test_an_appointment_is_one_event_to_add_with_no_calendar_name_or_refresh(site, tmp_path):
    visit = next(e for e in site.events if e.id == "wizyta-studyjna-2018")
    meeting = make_event()
    files = {f"{e.id}.ics": render_appointment(e, "pl", base_url=BASE, published_at=PUBLISHED, default_lang="pl")
             for e in (visit, meeting)}
    parsed = parse_everywhere(files, tmp_path)
    for name, data in files.items():
        calendar = assert_appointment_rules(data)
        assert calendar.one("METHOD").value == "PUBLISH"
        for field in CALENDAR_ONLY + ("DESCRIPTION",):
            assert not calendar.all(field), field
        assert str(parsed.icalendar[name]["METHOD"]) == "PUBLISH"
    assert len(parsed.ical["wizyta-studyjna-2018.ics"].events) == 7  # the visit and its six sessions
    if parsed.icaljs is not None:
        (only,) = parsed.icaljs["spotkanie.ics"]["events"]
        assert only["uid"] == "spotkanie@projekt.example.org"
    # The event is written as in every feed: the same VEVENT bytes.
    feed = render([meeting])
    vevent = files["spotkanie.ics"][files["spotkanie.ics"].index(b"BEGIN:VEVENT"):]
    assert vevent.removesuffix(b"END:VCALENDAR\r\n") in feed
    assert icalendar_rewrites(files["spotkanie.ics"]) == files["spotkanie.ics"]


APPOINTMENT_FAULTS = {
    "a calendar name": lambda d: d.replace(b"METHOD:PUBLISH\r\n", b"METHOD:PUBLISH\r\nX-WR-CALNAME:Spotkanie\r\n"),
    "a refresh interval": lambda d: d.replace(b"METHOD:PUBLISH\r\n",
                                              b"METHOD:PUBLISH\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n"),
    "no METHOD": lambda d: d.replace(b"METHOD:PUBLISH\r\n", b""),
    "two events": lambda d: d.replace(b"END:VCALENDAR", d[d.index(b"BEGIN:VEVENT"):d.index(b"END:VCALENDAR")].replace(
        b"UID:spotkanie@", b"UID:inne@") + b"END:VCALENDAR"),
}


@pytest.mark.parametrize("fault", APPOINTMENT_FAULTS)
def test_the_rule_checker_tells_an_appointment_from_a_feed(fault):
    good = render_appointment(make_event(), "pl", base_url=BASE, published_at=PUBLISHED, default_lang="pl")
    assert_appointment_rules(good)
    with pytest.raises(AssertionError):
        assert_feed_rules(good)  # no name, and a METHOD: not a feed
    broken = APPOINTMENT_FAULTS[fault](good)
    assert broken != good
    with pytest.raises(AssertionError):
        assert_appointment_rules(broken)


def test_a_venue_abroad_names_its_country_home_venues_do_not(site):
    visit = next(e for e in site.events if e.id == "wizyta-studyjna-2018")
    for lang, country in (("pl", "Wielka Brytania"), ("en", "United Kingdom")):
        data = render([visit, make_event()], lang, home_country="PL", default_lang="pl")
        assert raw(data, "wizyta-studyjna-2018.lincoln-spotkania@projekt.example.org")["LOCATION"] == \
            f":Lincoln\\, {country}"
        assert raw(data, "spotkanie@projekt.example.org")["LOCATION"].endswith("37-700 Przemyśl")
    # A project in the United Kingdom names Poland for a venue in Przemyśl, and nothing for Lincoln.
    data = render([visit, make_event()], "en", home_country="GB", default_lang="pl")
    assert raw(data, "wizyta-studyjna-2018.lincoln-spotkania@projekt.example.org")["LOCATION"] == ":Lincoln"
    assert raw(data, "spotkanie@projekt.example.org")["LOCATION"].endswith("37-700 Przemyśl\\, Poland")


def test_uids_hold_the_sites_base_path_so_two_sites_on_one_host_never_share_one():
    event = make_event()
    uids = {base: event_uid(event, base) for base in ("https://owner.github.io/", "https://owner.github.io/a/",
                                                       "https://owner.github.io/b/", "https://owner.github.io/a/b/",
                                                       "https://www.example.org/Projekt_2/")}
    assert uids == {"https://owner.github.io/": "spotkanie@owner.github.io",
                    "https://owner.github.io/a/": "spotkanie@a.owner.github.io",
                    "https://owner.github.io/b/": "spotkanie@b.owner.github.io",
                    "https://owner.github.io/a/b/": "spotkanie@b.a.owner.github.io",
                    "https://www.example.org/Projekt_2/": "spotkanie@projekt-2.www.example.org"}
    assert all("/" not in uid for uid in uids.values())  # a '/' in a UID breaks Nextcloud and Radicale
    assert event_uid(event, "https://owner.github.io/a") == uids["https://owner.github.io/a/"]


def test_calendar_properties_and_no_method():
    data = render([make_event()], source=BASE + "feeds/pl/all.ics", description="Opis, z przecinkiem")
    calendar = assert_feed_rules(data)
    assert calendar.one("NAME").value == "Społecznie Zorganizowani – test"
    assert calendar.one("X-WR-CALNAME").value == "Społecznie Zorganizowani – test"
    assert calendar.one("X-WR-CALDESC").value == "Opis\\, z przecinkiem"
    assert calendar.one("SOURCE").value == "https://example.org/projekt/feeds/pl/all.ics"
    assert calendar.one("REFRESH-INTERVAL").value == "PT12H"
    assert calendar.one("X-PUBLISHED-TTL").value == "PT12H"
    assert b"METHOD" not in data


def test_output_is_deterministic_and_independent_of_input_order(site):
    events = list(site.events)
    first = render(events)
    assert render(events) == first
    assert render(list(reversed(events))) == first
    starts = [line.value for line in content_lines(first) if line.name == "UID"]
    assert starts[0] == "wizyta-studyjna-2018@projekt.example.org"  # sorted by start, then UID


def test_timed_values_must_be_aware_and_inside_the_zones_current_rule():
    with pytest.raises(ValueError, match="floating"):
        render([make_event(start=datetime(2026, 3, 28, 10), end=datetime(2026, 3, 28, 12))])
    moscow = ZoneInfo("Europe/Moscow")
    assert b"TZID=Europe/Moscow" in render([make_event(start=datetime(2015, 6, 1, 10, tzinfo=moscow),
                                                       timezone="Europe/Moscow")])
    with pytest.raises(ValueError, match="current rule"):
        # Moscow was UTC+4 until October 2014; a VTIMEZONE with today's rule would put this an hour off.
        render([make_event(start=datetime(2013, 6, 1, 10, tzinfo=moscow), timezone="Europe/Moscow")])


def test_a_session_in_a_non_zoneinfo_tz_is_written_in_the_events_zone():
    start = datetime(2018, 10, 23, 8, 30, tzinfo=UTC)
    visit = make_event("wizyta", date(2018, 10, 23), date(2018, 10, 23), kind=KINDS["study_visit"],
                       timezone="Europe/London",
                       sessions=(Session("s1", start, start + timedelta(hours=1), Text.neutral("Sesja")),))
    fields = raw(render([visit]), "wizyta.s1@projekt.example.org")
    assert fields["DTSTART"] == ";TZID=Europe/London:20181023T093000"


ZONES = ["Europe/Warsaw", "Europe/London", "Europe/Dublin", "America/New_York", "Australia/Sydney", "Europe/Moscow"]


def _icalendar_vtimezone(rule: ZoneRule) -> icalendar.Timezone:
    """The VTIMEZONE of a rule as icalendar builds it: the reference our own lines must equal, byte for byte."""
    component = icalendar.Timezone()
    component.add("TZID", rule.tzid)
    for observance, block in ((rule.standard, icalendar.TimezoneStandard()),
                              (rule.daylight, icalendar.TimezoneDaylight())):
        if observance is None:
            continue
        if observance.onset is None:
            block.add("DTSTART", datetime(1970, 1, 1))
        else:
            onset = observance.onset
            block.add("DTSTART", onset.in_year(1970))
            block.add("RRULE", icalendar.vRecur({"FREQ": "YEARLY", "BYMONTH": onset.month,
                                                 "BYDAY": f"{-1 if onset.week == 5 else onset.week}"
                                                          f"{('SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA')[onset.weekday]}"}))
        block.add("TZNAME", observance.name)
        block.add("TZOFFSETFROM", observance.offset_from)
        block.add("TZOFFSETTO", observance.offset_to)
        component.add_component(block)
    return component


def _describable_zones() -> list[str]:
    zones = []
    for tzid in sorted(available_timezones()):
        try:
            zone_rule(tzid)
        except UnsupportedZone:
            continue
        zones.append(tzid)
    return zones


def test_every_zones_vtimezone_is_what_icalendar_writes():
    """Our VTIMEZONE lines are icalendar's for every zone of the pinned tzdata the one-rule form can describe."""
    zones = _describable_zones()
    assert len(zones) > 400 and {"Europe/Warsaw", "Europe/Dublin", "Asia/Kathmandu", "Europe/Moscow"} <= set(zones)
    for tzid in zones:
        rule = zone_rule(tzid)
        assert vtimezone(rule) == _icalendar_vtimezone(rule).to_ical(), tzid


@pytest.mark.parametrize("tzid", ZONES)
def test_vtimezone_agrees_with_tzdata_from_its_rules_start_to_2037(tzid):
    rule = zone_rule(tzid)
    component = icalendar.Timezone.from_ical(vtimezone(rule))
    data = icalendar.Calendar()
    data.add("VERSION", "2.0")
    data.add("PRODID", "-//test//EN")
    data.add_component(component)
    text = data.to_ical()
    standard, daylight = component.walk("STANDARD"), component.walk("DAYLIGHT")
    assert len(standard) == 1 and len(daylight) == (0 if tzid == "Europe/Moscow" else 1)
    by_icalendar = icalendar.Calendar.from_ical(text).walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    by_ical = IcsTimezoneInfo.from_timezone(IcsCalendarStream.calendar_from_ics(text.decode()).timezones[0])
    readers = [by_icalendar, by_ical]
    if not daylight:
        # ical 14.3.1 ignores the DTSTART of an observance without RRULE/RDATE and reads such a
        # zone as UTC. It only uses a file's VTIMEZONE for TZIDs it does not know, and it knows
        # every IANA name (see test_a_fixed_offset_zone_is_read_right_by_every_parser).
        readers.remove(by_ical)
    reference = ZoneInfo(tzid)
    first = rule.valid_from.year + 1
    for year in range(first, 2038):
        for month in range(1, 13):
            for day in (1, 10, 20, 28):
                local = datetime(year, month, day, 12)
                expected = local.replace(tzinfo=reference).utcoffset()
                for reader in readers:
                    assert local.replace(tzinfo=reader).utcoffset() == expected, (tzid, local, reader)


def test_vtimezone_is_in_outlooks_one_rule_form():
    text = vtimezone(zone_rule("Europe/Warsaw")).decode()
    assert text == (
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw\r\n"
        "BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
        "TZNAME:CET\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
        "TZNAME:CEST\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n")
    dublin = vtimezone(zone_rule("Europe/Dublin")).decode()
    # Irish law calls winter time the exception; Outlook wants the larger offset as daylight.
    assert "BEGIN:DAYLIGHT\r\nDTSTART:19700329T010000" in dublin and "TZOFFSETTO:+0100\r\nEND:DAYLIGHT" in dublin


@pytest.mark.parametrize("tzid", ["Asia/Jerusalem", "America/Nuuk", "Not/AZone", "../etc/passwd"])
def test_zones_an_outlook_rule_cannot_describe_are_refused(tzid):
    with pytest.raises(UnsupportedZone):
        zone_rule(tzid)


def test_a_fixed_offset_zone_is_read_right_by_every_parser(tmp_path):
    start = datetime(2025, 6, 1, 10, tzinfo=ZoneInfo("Europe/Moscow"))
    data = render([make_event(start=start, timezone="Europe/Moscow")])
    assert_feed_rules(data)
    parsed = parse_everywhere({"moscow.ics": data}, tmp_path)
    assert parsed.ical["moscow.ics"].events[0].start.astimezone(UTC) == datetime(2025, 6, 1, 7, tzinfo=UTC)
    assert vevents(data)["spotkanie@projekt.example.org"].decoded("DTSTART").astimezone(UTC).hour == 7
    assert parsed.icaljs is None or parsed.icaljs["moscow.ics"]["events"][0]["start"] == "2025-06-01T07:00:00.000Z"


def _good_feed() -> bytes:
    all_day = make_event("caly-dzien", date(2026, 4, 1), date(2026, 4, 1))
    return render([make_event(), all_day])


def _replace_vtimezone(data: bytes, replacement: bytes) -> bytes:
    start = data.index(b"BEGIN:VTIMEZONE")
    end = data.index(b"END:VTIMEZONE\r\n") + len(b"END:VTIMEZONE\r\n")
    return data[:start] + replacement + data[end:]


def _fold_inside_letter(data: bytes) -> bytes:
    line = "SUMMARY:" + "ż" * 40
    encoded = line.encode()
    return data.replace(b"SUMMARY:Spotkanie informacyjne w Przemy\xc5\x9blu",
                        encoded[:41] + b"\r\n " + encoded[41:])  # byte 41 is inside a 2-byte letter


BROKEN = {
    "bare LF": lambda d: d.replace(b"\r\n", b"\n"),
    "no CRLF after END:VCALENDAR": lambda d: d[:-2],
    "METHOD": lambda d: d.replace(b"VERSION:2.0\r\n", b"VERSION:2.0\r\nMETHOD:PUBLISH\r\n"),
    "floating DTSTART": lambda d: d.replace(b"DTSTART;TZID=Europe/Warsaw:", b"DTSTART:"),
    "UTC DTSTART": lambda d: d.replace(b"DTSTART;TZID=Europe/Warsaw:20260328T100000", b"DTSTART:20260328T090000Z"),
    "inclusive all-day end": lambda d: d.replace(b"DTEND;VALUE=DATE:20260402", b"DTEND;VALUE=DATE:20260401"),
    "unescaped comma": lambda d: d.replace(b"SUMMARY:Spotkanie", b"SUMMARY:Spotkanie, nowe"),
    "unescaped semicolon": lambda d: d.replace(b"SUMMARY:Spotkanie", b"SUMMARY:Spotkanie; nowe"),
    "unquoted parameter": lambda d: d.replace(b"STATUS:CONFIRMED", b"ORGANIZER;CN=A, B:mailto:a@example.org\r\n"
                                                                     b"STATUS:CONFIRMED", 1),
    "URL escaped like text": lambda d: d.replace(b"URL:https://example.org/", b"URL:https://example.org/a\\,b/"),
    "76-octet line": lambda d: d.replace(b"SUMMARY:Spotkanie", b"SUMMARY:" + b"x" * 68 + b"Spotkanie"),
    "fold splits a letter": _fold_inside_letter,
    "duplicate UID": lambda d: d.replace(b"UID:caly-dzien@", b"UID:spotkanie@"),
    "local DTSTAMP": lambda d: d.replace(b"DTSTAMP:20260504T030201Z", b"DTSTAMP:20260504T030201", 1),
    "missing VTIMEZONE": lambda d: _replace_vtimezone(d, b""),
    "icalendar's RDATE VTIMEZONE": lambda d: _replace_vtimezone(
        d, icalendar.Timezone.from_tzid("Europe/Warsaw").to_ical()),
    "no X-WR-CALNAME": lambda d: b"".join(line for line in d.splitlines(keepends=True)
                                          if not line.startswith(b"X-WR-CALNAME")),
}


@pytest.mark.parametrize("fault", BROKEN)
def test_the_rule_checker_catches(fault):
    good = _good_feed()
    assert_feed_rules(good)
    broken = BROKEN[fault](good)
    assert broken != good
    with pytest.raises((AssertionError, UnicodeDecodeError)):
        assert_feed_rules(broken)


def test_the_same_event_twice_is_refused_rather_than_given_two_identical_uids():
    with pytest.raises(ValueError, match="same UID"):
        render([make_event(), make_event()])


def icalendar_rewrites(data: bytes) -> bytes:
    """Return a calendar as icalendar writes it after reading it: the reference for our own writer."""
    return icalendar.Calendar.from_ical(data).to_ical()


def test_the_demo_calendars_are_the_bytes_icalendar_itself_writes(demo_feeds):
    feeds, _ = demo_feeds
    for data in feeds.values():
        assert icalendar_rewrites(data) == data


WORDS = st.lists(st.sampled_from(["Zażółć", "gęślą", "jaźń", "a,b", "x;y", "back\\slash", "line\nbreak", "crlf\r\n",
                                  "^caret", "\"q\"", "–", "😀", "https://example.org/a?b=1,2;c"]),
                 min_size=1, max_size=30).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(title=WORDS, description=st.none() | WORDS, street=st.none() | WORDS, geo=st.booleans(),
       all_day=st.booleans(), status=st.sampled_from(list(EventStatus)), session_title=st.none() | WORDS)
def test_any_event_is_written_as_icalendar_itself_writes_it(title, description, street, geo, all_day, status,
                                                            session_title):
    venue = replace(LIBRARY, street=street, latitude=49.78 if geo else None, longitude=22.77 if geo else None)
    start = date(2026, 3, 28) if all_day else datetime(2026, 3, 28, 10, tzinfo=WARSAW)
    sessions = () if session_title is None else (
        Session("rano", datetime(2026, 3, 28, 9, tzinfo=LONDON), datetime(2026, 3, 28, 11, tzinfo=LONDON),
                Text.neutral(session_title), venue, Text.neutral(session_title)),)
    extra = {"online_url": "https://meet.example.org/x"} if status is EventStatus.MOVED_ONLINE else {}
    if status is EventStatus.RESCHEDULED:
        extra["previous_starts"] = (start - timedelta(days=7),)
    event = make_event(start=start, title=Text.neutral(title), venue=venue, status=status, sessions=sessions,
                       description=Text.neutral(description) if description else None, **extra)
    for lang in ("pl", "en"):
        data = render([event], lang, description=title, source=BASE + "feeds/x.ics")
        assert icalendar_rewrites(data) == data


def test_one_writer_gives_each_calendar_the_bytes_it_would_have_alone(site):
    writer = CalendarWriter("en", base_url=BASE, published_at=PUBLISHED, default_lang="pl")
    assert writer.render_appointment(site.events[0]) == render_appointment(
        site.events[0], "en", base_url=BASE, published_at=PUBLISHED, default_lang="pl")
    subsets = [list(site.events), list(site.events[:3]), [site.events[0]], list(reversed(site.events)), []]
    for events in subsets + subsets:  # the second round comes from what the writer kept
        assert writer.render(events, name="Feed") == render(events, "en", name="Feed")


def test_without_icaljs_the_other_two_parsers_still_read_and_judge_the_file(tmp_path, monkeypatch):
    # One missing npm folder leaves out ical.js's own checks, never icalendar's and ical's.
    monkeypatch.setattr(ical_rules, "JS_DIR", tmp_path / "no-node-modules")
    data = render([make_event()])
    with pytest.warns(IcalJsNotRun):
        parsed = parse_everywhere({"one.ics": data}, tmp_path)
    assert parsed.icaljs is None
    assert [e.uid for e in parsed.ical["one.ics"].events] == ["spotkanie@projekt.example.org"]
    broken = data.replace(b"DTSTART;TZID=Europe/Warsaw:", b"DTSTART;TZID=Europe/Warsaw:2026-03-28 ", 1)
    with pytest.raises(Exception):  # a skip is no Exception: it would not be caught here
        parse_everywhere({"broken.ics": broken}, tmp_path)


def test_a_sessions_description_and_an_events_audience_are_written_in_the_calendars_language():
    start = datetime(2026, 3, 28, 10, tzinfo=WARSAW)
    session = Session("s1", start, start + timedelta(hours=1), Text.of(pl="Powitanie", en="Welcome"),
                      description=Text.of(pl="Kawa i rozmowa.", en="Coffee and a chat."))
    event = make_event(audience=Text.of(pl="Liderzy organizacji", en="Leaders of organisations"),
                       bring=Text.of(pl="Długopis", en="A pen"), sessions=(session,))
    en = vevents(render([event], "en"))
    # The labels are the English catalogue's words, written out here by hand.
    assert str(en["spotkanie.s1@projekt.example.org"]["DESCRIPTION"]).startswith(
        "Coffee and a chat.\n\nProgramme: Information meeting in Przemyśl\n\n")
    description = str(en["spotkanie@projekt.example.org"]["DESCRIPTION"])
    assert "Who it is for: Leaders of organisations\n\nWhat to bring: A pen\n\n" in description


def test_an_event_mixing_a_day_and_a_time_is_refused_rather_than_written():
    # The check refuses such data (load.py); a feed must never carry a DTSTART and a DTEND of two kinds.
    with pytest.raises(ValueError, match="both be dates or both be times"):
        render([make_event(start=date(2026, 3, 28), end=datetime(2026, 3, 28, 12, tzinfo=WARSAW))])
    with pytest.raises(ValueError, match="both be dates or both be times"):
        render([make_event(start=datetime(2026, 3, 28, 10, tzinfo=WARSAW), end=date(2026, 3, 28))])
