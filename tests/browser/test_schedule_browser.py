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


def test_an_event_page_adds_one_event_and_its_file_is_an_appointment(served_site, phone):
    phone.goto(served_site + "en/schedule/dyzur-krosno-2019-03-27/")
    links = phone.eval_on_selector_all(".ms-subscribe .ms-feed__links a", """links => links.map(a => ({
        href: a.href, text: a.textContent.trim(), right: a.getBoundingClientRect().right}))""")
    assert [link["text"] for link in links] == ["Apple, Outlook and others (.ics file)", "Google Calendar",
                                                 "Outlook.com", "Microsoft 365"]
    ics, google, outlook, office = (link["href"] for link in links)
    assert ics == served_site + "feeds/en/events/dyzur-krosno-2019-03-27.ics"
    assert google.startswith("https://calendar.google.com/calendar/render?action=TEMPLATE&")
    assert outlook.startswith("https://outlook.live.com/calendar/0/deeplink/compose?")
    assert office.startswith("https://outlook.office.com/calendar/0/deeplink/compose?")
    assert all(link["right"] <= 360 for link in links)
    with urlopen(ics) as response:
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"  # from the site's _headers
        body = response.read()
    assert b"\r\nMETHOD:PUBLISH\r\n" in body and b"X-WR-CALNAME" not in body and b"REFRESH-INTERVAL" not in body


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_every_calendar_on_the_schedule_is_offered_to_every_app_at_phone_width(served_site, phone, lang):
    phone.goto(served_site + ("" if lang == "pl" else "en/") + "schedule/")
    host = served_site.split("://", 1)[1]
    feeds = phone.eval_on_selector_all(".ms-feed", """feeds => feeds.map(f => ({
        links: [...f.querySelectorAll('.ms-feed__links a')].map(a => {
            const r = a.getBoundingClientRect();
            return {href: a.href, download: a.hasAttribute('download'), left: r.left, right: r.right,
                    height: r.height, text: a.textContent.trim()};
        }),
        address: f.querySelector('.ms-feed__address input').value,
        copy: f.querySelector('.ms-feed__address button').getBoundingClientRect().right}))""")
    assert len(feeds) >= 4
    assert sum(f["address"] == f"{served_site}feeds/{lang}/all.ics" for f in feeds) == 1
    for feed in feeds:
        webcal, google, outlook, office = feed["links"]
        path = webcal["href"].removeprefix(f"webcal://{host}")
        assert path.startswith(f"feeds/{lang}/") and path.endswith(".ics"), webcal
        assert feed["address"] == served_site + path
        assert google["href"] == "https://calendar.google.com/calendar/render?cid=" + quote(webcal["href"], safe="")
        for link, site in ((outlook, "outlook.live.com"), (office, "outlook.office.com")):
            assert link["href"].startswith(f"https://{site}/calendar/0/addfromweb?url="
                                           + quote(feed["address"], safe="") + "&name=")
        for link in feed["links"]:
            assert not link["download"]  # no link imports a calendar as a one-off copy
            assert link["text"] and link["left"] >= 0 and link["right"] <= 360 and link["height"] >= 24, link
        assert feed["copy"] <= 360
        with urlopen(feed["address"]) as response:
            assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"  # from the site's _headers
            body = response.read().decode("utf-8")
        assert body.startswith("BEGIN:VCALENDAR\r\n") and body.count("BEGIN:VEVENT") >= 1


def test_the_copy_button_puts_the_calendars_address_on_the_clipboard(served_site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="pl-PL")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    page = context.new_page()
    page.goto(served_site + "schedule/")
    button = page.locator("#ms-feed-duty-hours ~ button")
    assert button.is_visible() and button.text_content() == "Kopiuj adres"
    button.click()
    status = page.locator("#ms-feed-duty-hours ~ [data-ms-copy-status]")
    status.filter(has_text="Skopiowano.").wait_for()  # the clipboard answers asynchronously
    assert status.text_content() == "Skopiowano."
    assert page.evaluate("navigator.clipboard.readText()") == served_site + "feeds/pl/duty-hours.ics"
    context.close()
