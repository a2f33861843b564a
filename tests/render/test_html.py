"""HTML blocks: upcoming/past at a fixed clock, statuses, itinerary, escaping, JSON-LD."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from microsite.model import EventStatus, Text
from microsite.render.html import PageContext, render_event_page, render_schedule, render_upcoming

BASE = "https://example.org/"
WARSAW = ZoneInfo("Europe/Warsaw")


def ctx(site, lang="pl", now="2019-03-01T12:00:00+00:00", page="schedule/"):
    return PageContext(site, lang, page if lang == "pl" else f"{lang}/{page}", BASE, datetime.fromisoformat(now))


def _section(html: str, name: str) -> str:
    start = html.index(f'data-ms-section="{name}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_upcoming_and_past_follow_the_build_clock(site):
    html = render_schedule(ctx(site))
    upcoming, past = _section(html, "upcoming"), _section(html, "past")
    assert "dyzur-krosno-2019-03-27/" in upcoming and "wizyta-studyjna-2018/" not in upcoming
    assert "wizyta-studyjna-2018/" in past and "spotkanie-robocze-krakow-2020-02-20/" not in past
    # upcoming: soonest first; past: latest first
    assert upcoming.index("dyzur-krosno-2019-03-27/") < upcoming.index("spotkanie-robocze-krakow-2020-02-20/")
    assert past.index("spotkanie-informacyjne-przemysl-2018-11-21/") < past.index("wizyta-studyjna-2018/")
    headings = re.findall(r"<h3 data-month-key=\"([0-9-]+)\">([^<]+)</h3>", upcoming)
    assert headings[0] == ("2019-03", "marzec 2019")


def test_an_event_is_upcoming_until_it_ends(site):
    during = render_schedule(ctx(site, now="2019-03-27T15:00:00+00:00"))  # 16:00 in Krosno, ends 19:00
    assert "dyzur-krosno-2019-03-27/" in _section(during, "upcoming")
    after = render_schedule(ctx(site, now="2019-03-27T18:00:01+00:00"))
    assert "dyzur-krosno-2019-03-27/" in _section(after, "past")


def test_empty_state_when_nothing_is_upcoming(site):
    html = render_schedule(ctx(site, now="2026-11-21T00:00:00+00:00"))
    upcoming = _section(html, "upcoming")
    assert '<p class="ms-empty" data-ms-empty>Nie ma zaplanowanych wydarzeń.</p>' in upcoming
    assert "ms-event " not in upcoming
    english = render_schedule(ctx(site, "en", now="2026-11-21T00:00:00+00:00"))
    assert "There are no upcoming events." in _section(english, "upcoming")


def test_filters_offer_the_kinds_and_towns_present(site):
    html = render_schedule(ctx(site))
    kinds = re.findall(r'<option value="([a-z_]+)">', html)
    assert kinds == ["duty_hours", "information_meeting", "recruitment_meeting", "working_meeting", "study_visit"]
    for town in ("Krosno", "Przemyśl", "Kraków", "Stockport", "Lincoln", "Londyn"):
        assert f'<option value="{town}">' in html
    assert 'data-cities="Lincoln|Londyn|Stockport"' in html


def test_schedule_offers_subscribe_links_per_feed(site):
    html = render_schedule(ctx(site))
    assert 'href="webcal://example.org/feeds/pl/all.ics"' in html
    assert 'href="../feeds/pl/duty-hours.ics"' in html
    assert "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fexample.org%2Ffeeds%2Fpl%2Fall.ics" in html
    assert "(9\u00a0wydarzeń)" in html and "(3\u00a0wydarzenia)" in html


def test_cancelled_and_moved_events_say_so(site):
    event = next(e for e in site.events if e.id == "dyzur-krosno-2019-03-27")
    cancelled = replace(event, status=EventStatus.CANCELLED)
    page = render_event_page(ctx(site, page=f"schedule/{event.id}/"), cancelled)
    assert '<strong>Odwołane</strong>' in page
    moved = replace(event, status=EventStatus.RESCHEDULED, previous_starts=(event.start,),
                    start=datetime(2019, 3, 29, 15, tzinfo=WARSAW), end=datetime(2019, 3, 29, 19, tzinfo=WARSAW))
    page = render_event_page(ctx(site, "en", page=f"schedule/{event.id}/"), moved)
    assert "<strong>Rescheduled</strong>" in page and "<del>Wednesday, 27 March 2019, 15:00</del>" in page
    schedule = render_schedule(ctx(replace(site, events=(moved,))))
    assert "Zmiana terminu" in schedule and "<del>środa, 27 marca 2019, 15:00</del>" in schedule


def test_study_visit_itinerary_shows_local_time_and_zone(site):
    visit = next(e for e in site.events if e.id == "wizyta-studyjna-2018")
    page = render_event_page(ctx(site, "en", page="schedule/wizyta-studyjna-2018/"), visit)
    assert '<time datetime="2018-10-23T09:30:00+01:00">09:30–12:00</time>' in page
    assert "(British Summer Time)" in page
    assert page.index("Tuesday, 23 October 2018") < page.index("Friday, 26 October 2018")
    polish = render_event_page(ctx(site, page="schedule/wizyta-studyjna-2018/"), visit)
    assert "wtorek, 23 października 2018" in polish and "Godziny podano w czasie lokalnym" in polish


def test_text_from_data_is_shown_never_run(site):
    event = site.events[1]
    evil = replace(event, title=Text.of(pl='<script>alert("x")</script> & co', en="</script><b>x</b>"),
                   description=Text.of(pl="<img src=x onerror=alert(1)>", en="<i>x</i>"))
    page = render_event_page(ctx(site, page=f"schedule/{event.id}/"), evil)
    body = page[:page.index('<script type="application/ld+json">')]
    assert "<img src=x" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    schedule = render_schedule(ctx(replace(site, events=(evil,))))
    assert "<script>alert" not in schedule
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co" in schedule


def test_jsonld_cannot_be_closed_by_content_and_round_trips(site):
    event = site.events[1]
    evil = replace(event, title=Text.of(pl="</script><script>alert(1)</script>", en="x"))
    page = render_event_page(ctx(site, page=f"schedule/{event.id}/"), evil)
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert page.count("</script>") == 1
    data = json.loads(match.group(1))
    assert data["name"] == "</script><script>alert(1)</script>"


def test_event_jsonld_has_status_offsets_and_place(site):
    event = next(e for e in site.events if e.id == "dyzur-krosno-2019-03-27")
    moved = replace(event, status=EventStatus.RESCHEDULED, previous_starts=(event.start,),
                    start=datetime(2019, 4, 3, 15, tzinfo=WARSAW), end=datetime(2019, 4, 3, 19, tzinfo=WARSAW))
    page = render_event_page(ctx(site, page=f"schedule/{event.id}/"), moved)
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["@type"] == "Event"
    assert data["startDate"] == "2019-04-03T15:00:00+02:00"
    assert data["previousStartDate"] == "2019-03-27T15:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"] == {"@type": "PostalAddress", "addressCountry": "PL",
                                           "addressLocality": "Krosno", "streetAddress": "ul. Grodzka 10"}
    assert data["url"] == "https://example.org/schedule/dyzur-krosno-2019-03-27/"
    cancelled = render_event_page(ctx(site, page="x/"), replace(event, status=EventStatus.CANCELLED))
    assert '"eventStatus":"https://schema.org/EventCancelled"' in cancelled


def test_home_lists_the_next_events_and_keeps_later_ones_for_the_browser(site):
    html = render_upcoming(ctx(site, page=""), limit=2)
    items = re.findall(r"<li( hidden)? class=\"ms-event", html)
    # Shown: the next two; hidden: the rest of the month after the build (the March duty hours)
    # and the next two after it, enough for the browser to stay right for a month.
    assert [bool(h) for h in items] == [False, False, True, True, True]
    assert 'href="schedule/dyzur-krosno-2019-03-27/"' in html
    assert "spotkanie-rekrutacyjne-przemysl-2019-04-30/" in html
    assert "spotkanie-robocze-krakow-2020-02-20/" not in html


def test_the_home_page_does_not_grow_with_the_whole_programme(site):
    slot = next(e for e in site.events if e.id == "dyzur-krosno-2019-03-27")
    daily = [replace(slot, id=f"dzien-{n}", start=slot.start + timedelta(days=n), end=slot.end + timedelta(days=n))
             for n in range(1, 400)]
    big = replace(site, events=tuple(sorted(daily, key=lambda e: e.sort_key())))
    html = render_upcoming(ctx(big, now="2019-03-27T12:00:00+00:00", page=""), limit=3)
    kept = re.findall(r'href="schedule/(dzien-\d+)/"', html)
    # Built 27 March at noon: days 1-30 end within 31 days (day 31 ends at 19:00 on 27 April), then three more.
    assert kept == [f"dzien-{n}" for n in range(1, 34)]


def test_project_card_has_facts_aims_results_and_the_eu_statement(site):
    from microsite.render.html import render_project_card

    html = render_project_card(ctx(site, page=""))
    for text in ("728\u00a0752,08\u00a0zł", "772\u00a0883,74\u00a0zł", "94,29%", "3 września 2018 – 31 grudnia 2020",
                 "Program Operacyjny Wiedza Edukacja Rozwój 2014–2020", "Europejski Fundusz Społeczny",
                 "Centrum Doradztwa Strategicznego s.c.", "Celem głównym projektu",
                 "<strong>6\u00a0instytucji</strong>", "<strong>12\u00a0osób</strong>",
                 "<strong>4\u00a0inicjatywy</strong>", "<strong>2\u00a0plany</strong>"):
        assert text in html, text
    assert html.index("Planowane rezultaty") < html.index("Projekt współfinansowany ze środków Unii Europejskiej")
    english = render_project_card(ctx(site, "en", page=""))
    assert "PLN\u00a0728,752.08" in english and "3 September 2018 – 31 December 2020" in english
    assert "<strong>12\u00a0people</strong>" in english
