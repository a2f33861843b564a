"""HTML blocks: upcoming/past at a fixed clock, statuses, itinerary, escaping, JSON-LD."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from urllib.parse import parse_qs, urlsplit

from microsite.model import EventStatus, Text
from microsite.recurrence import expand_weekly
from microsite.render.html import (PageContext, render_event_page, render_schedule, render_upcoming,
                                   render_upcoming_data)

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


def test_schedule_offers_each_calendar_to_every_app_and_as_an_address_to_copy(site):
    html = render_schedule(ctx(site))
    assert 'href="webcal://example.org/feeds/pl/all.ics"' in html
    assert "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fexample.org%2Ffeeds%2Fpl%2Fall.ics" in html
    # Outlook's "add from web" wants the https address (and takes the calendar's name).
    name = "Spo%C5%82ecznie%20Zorganizowani%20%E2%80%93%20dy%C5%BCury%20informacyjne"
    for host in ("outlook.live.com", "outlook.office.com"):
        assert (f"https://{host}/calendar/0/addfromweb?url=https%3A%2F%2Fexample.org%2Ffeeds%2Fpl%2Fduty-hours.ics"
                f"&amp;name={name}") in html
    assert 'value="https://example.org/feeds/pl/duty-hours.ics"' in html and "<label for=\"ms-feed-duty-hours\">" in html
    assert "(9\u00a0wydarzeń)" in html and "(3\u00a0wydarzenia)" in html
    # No training or workshop in the demo: that calendar is not written, so it is not offered either.
    assert "trainings-workshops" not in html
    # No link downloads a calendar as a file: an imported copy would never follow a change.
    assert " download" not in html and 'href="../feeds/' not in html


def _links(page: str) -> dict[str, str]:
    """Return the "add to calendar" links of an event page by their text."""
    section = page[page.index('class="ms-subscribe"'):]
    return {text: href.replace("&amp;", "&") for href, text in re.findall(r'<a class="md-button[^"]*" href="([^"]+)"'
                                                                           r'[^>]*>([^<]+)</a>', section)}


def _query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_an_event_page_adds_one_copy_to_google_outlook_and_microsoft_365(site):
    event = next(e for e in site.events if e.id == "dyzur-krosno-2019-03-27")
    links = _links(render_event_page(ctx(site, "en", page=f"schedule/{event.id}/"), event))
    assert links["Apple, Outlook and others (.ics file)"] == "../../../feeds/en/events/dyzur-krosno-2019-03-27.ics"
    google = links["Google Calendar"]
    assert google.startswith("https://calendar.google.com/calendar/render?")
    assert _query(google) == {"action": "TEMPLATE", "text": "Information duty hours in Krosno",
                              "dates": "20190327T150000/20190327T190000", "ctz": "Europe/Warsaw",
                              "details": "https://example.org/en/schedule/dyzur-krosno-2019-03-27/",
                              "location": "Centrum Wspierania Organizacji Pozarządowych, ul. Grodzka 10, Krosno"}
    for text, host in (("Outlook.com", "outlook.live.com"), ("Microsoft 365", "outlook.office.com")):
        assert links[text].startswith(f"https://{host}/calendar/0/deeplink/compose?")
        assert _query(links[text]) == {"path": "/calendar/action/compose", "rru": "addevent",
                                       "subject": "Information duty hours in Krosno",
                                       "startdt": "2019-03-27T14:00:00Z", "enddt": "2019-03-27T18:00:00Z",
                                       "body": "https://example.org/en/schedule/dyzur-krosno-2019-03-27/",
                                       "location": "Centrum Wspierania Organizacji Pozarządowych, ul. Grodzka 10, "
                                                   "Krosno"}
    assert not any(href.startswith("webcal:") or "cid=" in href for href in links.values())


def test_an_all_day_event_abroad_is_added_with_its_days_and_its_country(site):
    visit = next(e for e in site.events if e.id == "wizyta-studyjna-2018")  # 23–26 October 2018, no venue of its own
    links = _links(render_event_page(ctx(site, page=f"schedule/{visit.id}/"), visit))
    google = _query(links["Kalendarz Google"])
    assert google["dates"] == "20181023/20181027" and "ctz" not in google  # the day after the last one
    outlook = _query(links["Outlook.com"])
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == ("2018-10-23", "2018-10-27", "true")
    lincoln = next(v for v in visit.venues if v.id == "lincoln")
    moved = replace(visit, venue=lincoln)
    links = _links(render_event_page(ctx(site, page=f"schedule/{visit.id}/"), moved))
    assert _query(links["Kalendarz Google"])["location"] == "Lincoln, Wielka Brytania"


def test_a_cancelled_event_offers_only_its_file_and_a_moved_one_its_new_place(site):
    event = next(e for e in site.events if e.id == "dyzur-krosno-2019-03-27")
    links = _links(render_event_page(ctx(site, page=f"schedule/{event.id}/"),
                                     replace(event, status=EventStatus.CANCELLED)))
    assert list(links) == ["Apple, Outlook i inne (plik .ics)"]  # re-opening it updates an earlier copy
    online = replace(event, status=EventStatus.MOVED_ONLINE, online_url="https://meet.example.org/krosno")
    links = _links(render_event_page(ctx(site, page=f"schedule/{event.id}/"), online))
    google = _query(links["Kalendarz Google"])
    assert google["location"] == "https://meet.example.org/krosno"
    assert google["text"] == "Przeniesione do internetu: Dyżur informacyjny w Krośnie"


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


def _with_weekly_slot(site, cancelled=()):
    """The demo plus weekly duty hours on the four Tuesdays of April 2019 (some dates cancelled)."""
    first = next(e for e in site.events if e.id == "dyzur-krosno-2019-03-27")
    slot = replace(first, id="wtorki", start=datetime(2019, 4, 2, 10, tzinfo=WARSAW),
                   end=datetime(2019, 4, 2, 14, tzinfo=WARSAW))
    days = [datetime(2019, 4, d).date() for d in (2, 9, 16, 23)]
    dates = expand_weekly(slot, days, frozenset(datetime(2019, 4, d).date() for d in cancelled))
    return replace(site, events=tuple(sorted((*site.events, *dates), key=lambda e: e.sort_key())))


def _home_ids(html: str) -> list[str]:
    return re.findall(r'href="schedule/([a-z0-9-]+)/"', html.split('<p><a href="schedule/">')[0])


def test_home_lists_a_weekly_slot_once_at_its_next_date(site):
    weekly = _with_weekly_slot(site)
    # 1 April: the slot's first date, then the two recruitment meetings of 29 and 30 April;
    # without the rule the three next Tuesdays would have pushed both meetings off the page.
    assert _home_ids(render_upcoming(ctx(weekly, now="2019-04-01T12:00:00+00:00", page=""))) == [
        "wtorki-2019-04-02", "spotkanie-rekrutacyjne-krosno-2019-04-29", "spotkanie-rekrutacyjne-przemysl-2019-04-30"]
    # 10 April: the slot moved on to its next date.
    assert _home_ids(render_upcoming(ctx(weekly, now="2019-04-10T12:00:00+00:00", page="")))[0] == "wtorki-2019-04-16"


def test_a_cancelled_date_of_a_slot_is_skipped_a_cancelled_meeting_is_shown(site):
    weekly = _with_weekly_slot(site, cancelled=(16,))
    meeting = next(e for e in weekly.events if e.id == "spotkanie-rekrutacyjne-krosno-2019-04-29")
    weekly = replace(weekly, events=tuple(replace(e, status=EventStatus.CANCELLED) if e is meeting else e
                                          for e in weekly.events))
    html = render_upcoming(ctx(weekly, now="2019-04-10T12:00:00+00:00", page=""))
    assert _home_ids(html) == ["wtorki-2019-04-23", "spotkanie-rekrutacyjne-krosno-2019-04-29",
                               "spotkanie-rekrutacyjne-przemysl-2019-04-30"]
    assert html.count("<strong>Odwołane</strong>") == 1


def test_the_browser_gets_every_event_still_to_come_one_item_per_slot(site):
    weekly = _with_weekly_slot(site, cancelled=(16,))
    data = json.loads(render_upcoming_data(weekly, "en", base_url=BASE,
                                           now=datetime.fromisoformat("2019-04-01T12:00:00+00:00")))
    assert (data["limit"], data["previously"], data["schedule"]) == (3, "Previously", "en/schedule/")
    titles = [item["title"] for item in data["items"]]
    assert titles == ["Information duty hours in Krosno", "Recruitment meeting in Krosno",
                      "Recruitment meeting in Przemyśl", "Working meeting with the foreign partner"]
    slot = data["items"][0]
    assert {k: v for k, v in slot.items() if k != "dates"} == {
        "id": "wtorki", "series": True, "title": "Information duty hours in Krosno", "kind": "Information duty hours",
        "place": "Centrum Wspierania Organizacji Pozarządowych, Krosno", "time": "10:00–14:00"}
    # Each date: start and end (Unix seconds), the local start, the day; the cancelled 16 April is left out.
    assert slot["dates"] == [
        [int(datetime(2019, 4, d, 8, tzinfo=ZoneInfo("UTC")).timestamp()),
         int(datetime(2019, 4, d, 12, tzinfo=ZoneInfo("UTC")).timestamp()),
         f"2019-04-{d:02d}T10:00:00+02:00", f"Tuesday, {d} April 2019"] for d in (2, 9, 23)]
    working = data["items"][3]
    assert working["id"] == "spotkanie-robocze-krakow-2020-02-20" and "series" not in working and "time" not in working
    assert working["dates"][0][2:] == ["2020-02-20", "20 February 2020"]  # all day: a date, no time
    assert all(date[1] > datetime.fromisoformat("2019-04-01T12:00:00+00:00").timestamp()
               for item in data["items"] for date in item["dates"])  # nothing over by then
    cancelled = replace(weekly, events=tuple(replace(e, status=EventStatus.CANCELLED)
                                             if e.id == "spotkanie-rekrutacyjne-krosno-2019-04-29" else e
                                             for e in weekly.events))
    polish = json.loads(render_upcoming_data(cancelled, "pl", base_url=BASE,
                                             now=datetime.fromisoformat("2019-04-01T12:00:00+00:00")))
    assert polish["schedule"] == "schedule/"
    assert (polish["items"][1]["status"], polish["items"][1]["badge"]) == ("cancelled", "Odwołane")


def test_the_home_page_does_not_grow_with_the_whole_programme(site):
    slot = next(e for e in site.events if e.id == "dyzur-krosno-2019-03-27")
    daily = [replace(slot, id=f"dzien-{n}", start=slot.start + timedelta(days=n), end=slot.end + timedelta(days=n))
             for n in range(1, 400)]
    big = replace(site, events=tuple(sorted(daily, key=lambda e: e.sort_key())))
    html = render_upcoming(ctx(big, now="2019-03-27T12:00:00+00:00", page=""), limit=3)
    assert _home_ids(html) == ["dzien-1", "dzien-2", "dzien-3"]  # the rest is in the data the browser reads
    assert 'data-ms-upcoming="upcoming/pl.json"' in html and 'data-ms-root="./"' in html
    english = render_upcoming(ctx(big, "en", now="2019-03-27T12:00:00+00:00", page=""))
    assert 'data-ms-upcoming="../upcoming/en.json"' in english and 'data-ms-root="../"' in english


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
