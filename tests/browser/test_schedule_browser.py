"""The schedule in a real browser: re-sorted at view time, filters, subscribe links (360 px)."""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import quote
from urllib.request import urlopen

import pytest


def _section_ids(page, section: str) -> list[str]:
    return page.eval_on_selector_all(
        f'[data-ms-section="{section}"] li.ms-event:not([hidden]) a',
        "links => links.map(a => a.getAttribute('href').replace(/\\/$/, '').split('/').pop())")


def test_build_time_split_stands_without_a_later_clock(served_site, phone):
    phone.clock.set_fixed_time(datetime(2019, 3, 1, 13, tzinfo=timezone.utc))
    phone.goto(served_site + "schedule/")
    upcoming = _section_ids(phone, "upcoming")
    assert upcoming[:3] == ["dyzur-krosno-2019-03-27", "dyzur-krosno-2019-03-28", "dyzur-przemysl-2019-03-28"]
    assert "wizyta-studyjna-2018" in _section_ids(phone, "past")


def test_weeks_after_the_build_past_events_move_down(served_site, phone):
    # Built on 1 March 2019; read on 1 April 2019: the March duty hours are over.
    phone.clock.set_fixed_time(datetime(2019, 4, 1, 8, tzinfo=timezone.utc))
    phone.goto(served_site + "schedule/")
    upcoming = _section_ids(phone, "upcoming")
    past = _section_ids(phone, "past")
    assert upcoming[0] == "spotkanie-rekrutacyjne-krosno-2019-04-29"
    assert not any(i.startswith("dyzur-") for i in upcoming)
    assert past[:3] == ["dyzur-przemysl-2019-03-28", "dyzur-krosno-2019-03-28", "dyzur-krosno-2019-03-27"]
    months = phone.eval_on_selector_all('[data-ms-section="past"] h3:not([hidden])', "hs => hs.map(h => h.textContent)")
    assert months[0] == "marzec 2019"


def test_long_after_the_project_the_empty_state_shows(served_site, phone):
    phone.clock.set_fixed_time(datetime(2026, 11, 21, tzinfo=timezone.utc))
    phone.goto(served_site + "schedule/")
    assert _section_ids(phone, "upcoming") == []
    assert phone.is_visible('[data-ms-section="upcoming"] [data-ms-empty]')
    assert not phone.is_visible('[data-ms-section="past"] [data-ms-empty]')


def test_filters_by_kind_and_town_at_phone_width(served_site, phone):
    phone.clock.set_fixed_time(datetime(2019, 3, 1, 13, tzinfo=timezone.utc))
    phone.goto(served_site + "schedule/")
    assert phone.is_visible("#ms-filter-kind")
    phone.select_option("#ms-filter-kind", "duty_hours")
    assert len(_section_ids(phone, "upcoming")) == 3 and _section_ids(phone, "past") == []
    assert phone.text_content("[data-ms-filter-status]") == "Pokazano: 3\u00a0wydarzenia"
    phone.select_option("#ms-filter-city", "Przemyśl")
    assert _section_ids(phone, "upcoming") == ["dyzur-przemysl-2019-03-28"]
    assert phone.text_content("[data-ms-filter-status]") == "Pokazano: 1\u00a0wydarzenie"
    phone.select_option("#ms-filter-kind", "study_visit")
    assert _section_ids(phone, "upcoming") == [] and _section_ids(phone, "past") == []
    assert phone.is_visible('[data-ms-section="upcoming"] [data-ms-empty]')
    phone.select_option("#ms-filter-city", "Stockport")
    assert _section_ids(phone, "past") == ["wizyta-studyjna-2018"]
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the schedule scrolls sideways at 360 px ({width} px wide)"


def test_subscribe_links_are_present_and_serve_a_calendar(served_site, phone):
    phone.goto(served_site + "schedule/")
    host = served_site.split("://", 1)[1]
    webcal = phone.get_attribute(".ms-feed a.md-button--primary", "href")
    assert webcal == f"webcal://{host}feeds/pl/all.ics"
    google = phone.get_attribute(".ms-feed a[href*='calendar.google.com']", "href")
    assert google.startswith("https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2F")
    download = phone.eval_on_selector(".ms-feed a[download]", "a => a.href")
    with urlopen(download) as response:
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"  # from the site's _headers
        assert response.read().startswith(b"BEGIN:VCALENDAR\r\n")
    phone.goto(served_site + "en/schedule/dyzur-krosno-2019-03-27/")
    assert phone.get_attribute(".ms-subscribe a.md-button--primary", "href") == \
        f"webcal://{host}feeds/en/events/dyzur-krosno-2019-03-27.ics"


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_every_calendar_on_the_schedule_offers_three_working_links_at_phone_width(served_site, phone, lang):
    phone.goto(served_site + ("" if lang == "pl" else "en/") + "schedule/")
    host = served_site.split("://", 1)[1]
    feeds = phone.eval_on_selector_all(".ms-feed", """feeds => feeds.map(f => ({
        links: [...f.querySelectorAll('.ms-feed__links a')].map(a => {
            const r = a.getBoundingClientRect();
            return {href: a.href, download: a.hasAttribute('download'), left: r.left, right: r.right,
                    height: r.height, text: a.textContent.trim()};
        })}))""")
    assert len(feeds) >= 4
    assert sum(f["links"][0]["href"].endswith(f"/feeds/{lang}/all.ics") for f in feeds) == 1
    for feed in feeds:
        webcal, google, download = feed["links"]
        path = webcal["href"].removeprefix(f"webcal://{host}")
        assert path.startswith(f"feeds/{lang}/") and path.endswith(".ics"), webcal
        assert google["href"] == "https://calendar.google.com/calendar/render?cid=" + quote(webcal["href"], safe="")
        assert download["download"] and download["href"] == served_site + path
        for link in feed["links"]:
            assert link["text"] and link["left"] >= 0 and link["right"] <= 360 and link["height"] >= 24, link
        with urlopen(download["href"]) as response:
            assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"  # from the site's _headers
            body = response.read().decode("utf-8")
        assert body.startswith("BEGIN:VCALENDAR\r\n") and body.count("BEGIN:VEVENT") >= 1
