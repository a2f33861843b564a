"""The feed catalogue: which files exist, what each holds, and that every one is a good feed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest_site import DEMO

from ical_rules import assert_appointment_rules, assert_feed_rules, parse_everywhere
from microsite.feeds import feed_name, render_feeds
from microsite.vocabulary import built_in_vocabulary
from microsite.urls import event_feed_path, feed_path

BASE = "https://spolecznie.example.org/"
PUBLISHED = datetime(2026, 4, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def files(site) -> dict[str, dict[str, bytes]]:
    return {lang: render_feeds(site, lang, base_url=BASE, published_at=PUBLISHED) for lang in site.languages}


def uids_of(data: bytes) -> list[str]:
    return [line[4:].decode() for line in data.replace(b"\r\n ", b"").split(b"\r\n") if line.startswith(b"UID:")]


BUILT_IN_CALENDARS = {
    # Written out by hand, as the editors' reference promises subscribers: which kinds each calendar holds.
    "all": {"duty_hours", "information_meeting", "recruitment_meeting", "training", "workshop", "working_meeting",
            "study_visit"},
    "duty-hours": {"duty_hours"},
    "trainings-workshops": {"training", "workshop"},
    "meetings": {"information_meeting", "recruitment_meeting", "working_meeting"},
    "study-visits": {"study_visit"},
}


def test_the_built_in_calendars_hold_the_kinds_the_reference_promises():
    feeds = built_in_vocabulary(("pl", "en")).feeds
    assert {feed.slug: set(feed.kinds) for feed in feeds} == BUILT_IN_CALENDARS
    assert [feed.slug for feed in feeds] == list(BUILT_IN_CALENDARS)  # the order the schedule offers them in
    assert all(feed.name.has("pl") and feed.name.has("en") for feed in feeds)


def test_every_feed_and_every_event_has_a_file_in_every_language(site, files):
    for lang in site.languages:
        # The demo has no training or workshop: that calendar would be empty, and is not published.
        expected = ({feed_path(lang, slug) for slug in ("all", "duty-hours", "meetings", "study-visits")}
                    | {event_feed_path(lang, e.id) for e in site.events})
        assert set(files[lang]) == expected
        assert all(path.startswith(f"feeds/{lang}/") for path in files[lang])


def test_every_file_follows_the_rules_and_parses_in_all_three_parsers(files, tmp_path):
    for lang, by_path in files.items():
        for path, data in by_path.items():
            # A calendar to subscribe to, or one event to add once (an appointment).
            (assert_appointment_rules if path.startswith(f"feeds/{lang}/events/") else assert_feed_rules)(data)
        named = {path.replace("/", "__"): data for path, data in by_path.items()}
        parsed = parse_everywhere(named, tmp_path)
        for name, data in named.items():
            expected = sorted(uids_of(data))
            assert sorted(e.uid for e in parsed.ical[name].events) == expected
            if parsed.icaljs is not None:
                assert sorted(e["uid"] for e in parsed.icaljs[name]["events"]) == expected
            assert sorted(str(e["UID"]) for e in parsed.icalendar[name].walk("VEVENT")) == expected


HOST = "spolecznie.example.org"
VISIT = "wizyta-studyjna-2018"
SESSIONS = ("stockport-otwarcie", "stockport-woodley", "stockport-windmill", "lincoln-szkolenie",
            "lincoln-spotkania", "londyn-hm-treasury")
DEMO_UIDS = {
    # Written out by hand from tests/fixtures/demo/data/events.yaml: each event's id and kind, and the study
    # visit's six sessions, each a VEVENT of its own (UID '<event>.<session>@<host>', decision 0002).
    "duty-hours": {f"{i}@{HOST}" for i in ("dyzur-krosno-2019-03-27", "dyzur-krosno-2019-03-28",
                                           "dyzur-przemysl-2019-03-28")},
    "meetings": {f"{i}@{HOST}" for i in ("spotkanie-informacyjne-krosno-2018-11-20",
                                         "spotkanie-informacyjne-przemysl-2018-11-21",
                                         "spotkanie-rekrutacyjne-krosno-2019-04-29",
                                         "spotkanie-rekrutacyjne-przemysl-2019-04-30",
                                         "spotkanie-robocze-krakow-2020-02-20")},
    "study-visits": {f"{VISIT}@{HOST}"} | {f"{VISIT}.{s}@{HOST}" for s in SESSIONS},
}


def test_each_feed_holds_exactly_its_kinds(files):
    for lang in ("pl", "en"):
        for slug, uids in DEMO_UIDS.items():
            assert set(uids_of(files[lang][feed_path(lang, slug)])) == uids, slug
        feed = uids_of(files[lang][feed_path(lang, "all")])
        assert len(feed) == 15 and set(feed) == set().union(*DEMO_UIDS.values())
        assert uids_of(files[lang][feed_path(lang, "duty-hours")]) == [  # in the order of their start
            f"dyzur-krosno-2019-03-27@{HOST}", f"dyzur-krosno-2019-03-28@{HOST}", f"dyzur-przemysl-2019-03-28@{HOST}"]
        assert feed_path(lang, "trainings-workshops") not in files[lang]  # no event: no calendar


def test_an_events_own_file_holds_that_event_and_its_sessions_only(files):
    for lang in ("pl", "en"):
        for uids in DEMO_UIDS.values():
            for uid in uids - {f"{VISIT}.{s}@{HOST}" for s in SESSIONS}:
                ident = uid.split("@")[0]
                own = set(uids_of(files[lang][event_feed_path(lang, ident)]))
                assert own == ({uid} if ident != VISIT else DEMO_UIDS["study-visits"]), ident


def test_every_calendar_is_described_by_the_projects_title(files):
    title = {"pl": "Społecznie Zorganizowani – model uruchamiania lokalnej aktywności i rewitalizacji społecznej "
                   "oparty o ideę Community Organising",
             "en": "Socially Organised – a model of local activity and revitalisation based on the idea of "
                   "Community Organising"}
    for lang in ("pl", "en"):
        for slug in ("all", *DEMO_UIDS):
            data = files[lang][feed_path(lang, slug)].replace(b"\r\n ", b"").decode()
            header = data.split("BEGIN:VEVENT")[0].split("BEGIN:VTIMEZONE")[0]
            assert f"\r\nDESCRIPTION:{title[lang]}\r\n" in header, (lang, slug)
            assert f"\r\nX-WR-CALDESC:{title[lang]}\r\n" in header, (lang, slug)
            assert f"\r\nSOURCE;VALUE=URI:{BASE}feeds/{lang}/{slug}.ics\r\n" in header, (lang, slug)


def test_feed_names_carry_the_projects_short_name(site, files):
    def name(data: bytes) -> str:
        return next(line[5:] for line in data.replace(b"\r\n ", b"").split(b"\r\n")
                    if line.startswith(b"NAME:")).decode()

    assert name(files["pl"]["feeds/pl/duty-hours.ics"]) == "Społecznie Zorganizowani – dyżury informacyjne"
    assert name(files["en"]["feeds/en/duty-hours.ics"]) == "Socially Organised – information duty hours"
    assert name(files["pl"]["feeds/pl/study-visits.ics"]) == "Społecznie Zorganizowani – wizyty studyjne"
    assert name(files["en"]["feeds/en/all.ics"]) == "Socially Organised – all events"
    assert feed_name(site, "en", "x") == "Socially Organised – x"


def test_an_events_own_file_is_an_appointment_not_a_calendar(files):
    # One click on "add to calendar" adds one event: no calendar name that would make it a new calendar.
    for lang in ("pl", "en"):
        data = files[lang][f"feeds/{lang}/events/spotkanie-informacyjne-krosno-2018-11-20.ics"]
        assert b"\r\nMETHOD:PUBLISH\r\n" in data
        for field in (b"NAME", b"X-WR-CALNAME", b"REFRESH-INTERVAL", b"X-PUBLISHED-TTL", b"SOURCE"):
            assert b"\r\n" + field + b":" not in data and b"\r\n" + field + b";" not in data, field


def test_feeds_say_where_they_come_from_and_link_pages_in_their_language(files):
    pl = files["pl"]["feeds/pl/meetings.ics"].replace(b"\r\n ", b"")
    en = files["en"]["feeds/en/meetings.ics"].replace(b"\r\n ", b"")
    assert b"SOURCE;VALUE=URI:https://spolecznie.example.org/feeds/pl/meetings.ics\r\n" in pl
    assert b"URL:https://spolecznie.example.org/schedule/spotkanie-informacyjne-krosno-2018-11-20/\r\n" in pl
    assert b"URL:https://spolecznie.example.org/en/schedule/spotkanie-informacyjne-krosno-2018-11-20/\r\n" in en
    assert "SUMMARY:Information meeting in Krosno".encode() in en
    assert "SUMMARY:Spotkanie informacyjne w Krośnie".encode() in pl


def test_without_versions_every_time_is_the_publication_time_passed_in(files):
    stamps = {line for data in files["pl"].values() for line in data.split(b"\r\n")
              if line.startswith((b"DTSTAMP", b"CREATED", b"LAST-MODIFIED"))}
    assert stamps == {b"DTSTAMP:20260401T120000Z", b"CREATED:20260401T120000Z", b"LAST-MODIFIED:20260401T120000Z"}


def test_each_event_carries_its_own_version_in_every_file_it_is_in(site):
    from microsite.history import EventVersion

    changed = EventVersion(5, datetime(2018, 10, 1, tzinfo=timezone.utc), datetime(2019, 3, 20, 8, tzinfo=timezone.utc))
    files = render_feeds(site, "pl", base_url=BASE, published_at=PUBLISHED,
                         versions={"dyzur-krosno-2019-03-27": changed})
    holding = [path for path, data in files.items() if b"UID:dyzur-krosno-2019-03-27@" in data]
    assert sorted(holding) == ["feeds/pl/all.ics", "feeds/pl/duty-hours.ics",
                               "feeds/pl/events/dyzur-krosno-2019-03-27.ics"]
    for path in holding:
        vevent = files[path].split(b"UID:dyzur-krosno-2019-03-27@", 1)[1].split(b"END:VEVENT")[0]
        assert b"SEQUENCE:5\r\n" in vevent and b"LAST-MODIFIED:20190320T080000Z\r\n" in vevent
        assert b"CREATED:20181001T000000Z\r\n" in vevent
    assert b"SEQUENCE:0\r\n" in files["feeds/pl/events/dyzur-krosno-2019-03-28.ics"]


_DIGEST = """
import hashlib, sys
from datetime import datetime, timezone
from pathlib import Path
from microsite.feeds import render_feeds
from microsite.load import load_site
site, _ = load_site(Path(sys.argv[1]))
digest = hashlib.sha256()
for lang in site.languages:
    for path, data in sorted(render_feeds(site, lang, base_url=sys.argv[2],
                                          published_at=datetime.fromisoformat(sys.argv[3])).items()):
        digest.update(path.encode() + b"\\0" + data + b"\\0")
print(digest.hexdigest())
"""


def test_two_builds_give_identical_bytes_whatever_the_hash_seed(site, files):
    again = {lang: render_feeds(site, lang, base_url=BASE, published_at=PUBLISHED) for lang in site.languages}
    assert again == files
    digest = hashlib.sha256()
    for lang in site.languages:
        for path, data in sorted(files[lang].items()):
            digest.update(path.encode() + b"\0" + data + b"\0")
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _DIGEST, str(DEMO), BASE, PUBLISHED.isoformat()], env=env,
                              capture_output=True, text=True, timeout=120, check=True)
        assert done.stdout.strip() == digest.hexdigest(), f"PYTHONHASHSEED={seed} changed the feeds"


def test_a_venue_abroad_is_located_with_its_country_in_the_feeds_language(site, files):
    # The demo's zone is Europe/Warsaw (Poland, by CLDR): Polish venues go without 'Polska', the British ones
    # carry the country's name as CLDR writes it in the feed's language (pl 'Wielka Brytania', en 'United Kingdom').
    for lang, abroad, home in (("pl", "Wielka Brytania", "Polska"), ("en", "United Kingdom", "Poland")):
        unfolded = files[lang][feed_path(lang, "all")].replace(b"\r\n ", b"").decode()
        locations = [line for line in unfolded.split("\r\n") if line.startswith("LOCATION:")]
        assert f"LOCATION:Lincoln\\, {abroad}" in locations, locations
        assert "LOCATION:Centrum Wspierania Organizacji Pozarządowych\\, ul. Grodzka 10\\, Krosno" in locations
        assert not [line for line in locations if line.endswith(home)], locations


def test_a_project_whose_zone_names_no_country_names_no_venues_country(site):
    # Europe/Warsaw is Poland's zone, so Polish venues go without 'Polska'; UTC is no country's, and then
    # no venue's country is named (render/place.py: the home country is not known).
    in_utc = replace(site, project=replace(site.project, timezone="UTC"))
    for lang in ("pl", "en"):
        data = render_feeds(in_utc, lang, base_url=BASE, published_at=PUBLISHED)[feed_path(lang, "all")]
        unfolded = data.replace(b"\r\n ", b"").decode()
        locations = [line for line in unfolded.split("\r\n") if line.startswith("LOCATION:")]
        assert "LOCATION:Centrum Wspierania Organizacji Pozarządowych\\, ul. Grodzka 10\\, Krosno" in locations
        assert "LOCATION:Lincoln" in locations
        assert not [line for line in locations if line.endswith(("Polska", "Poland", "Wielka Brytania",
                                                                 "United Kingdom"))], locations
