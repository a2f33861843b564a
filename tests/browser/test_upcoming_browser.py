"""The home page's "coming up" list, read long after the build: the browser decides what is next.

The demo is built on 1 March 2019 with weekly duty hours added (every Tuesday until
June 2020, one date cancelled) and two one-off meetings, then read with the clock
90 and 400 days later (GitHub stops a repository's nightly rebuild after 60 days
without commits), and with JavaScript off.
"""

from __future__ import annotations

import functools
import threading
from datetime import datetime, timedelta, timezone
from http.server import ThreadingHTTPServer

import pytest

from conftest import BUILD_NOW, _QuietHandler, _free_port
from conftest_site import build_demo, project_copy

BUILT = datetime.fromisoformat(BUILD_NOW.replace("Z", "+00:00"))
ADDED = """
  - id: dyzur-wtorki
    kind: duty_hours
    title:
      pl: Dyżur we wtorki
      en: Tuesday duty hours
    start: 2019-03-05 10:00
    end: 2019-03-05 14:00
    venue: rckp-krosno
    repeat:
      every: week
      until: 2020-06-30
      cancelled: [2019-06-04]

  - id: spotkanie-wrzesien-2019
    kind: information_meeting
    title:
      pl: Spotkanie informacyjne we wrześniu
      en: Information meeting in September
    start: 2019-09-10 17:00
    end: 2019-09-10 19:00
    venue: cwop-krosno

  - id: spotkanie-maj-2020
    kind: information_meeting
    title:
      pl: Spotkanie informacyjne w maju
      en: Information meeting in May
    start: 2020-05-12 17:00
    end: 2020-05-12 19:00
    venue: cwop-krosno
"""


@pytest.fixture(scope="module")
def weekly_site(tmp_path_factory):
    """Serve the demo with the events above, built on BUILD_NOW; yield its base URL."""
    root = project_copy(tmp_path_factory.mktemp("weekly") / "project")
    events = root / "data" / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").rstrip("\n") + "\n" + ADDED, encoding="utf-8")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    site = build_demo(root.parent / "site", root=root, now=BUILD_NOW, base_url=base)
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()
    server.server_close()


def _home(browser, url: str, *, clock: datetime | None, javascript: bool = True,
          asked: list[str] | None = None) -> tuple[list[str], list[str]]:
    """Return the event ids the home page lists, and every request that failed (``asked`` gets every request)."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=javascript)
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    if asked is not None:
        page.on("request", lambda request: asked.append(request.url))
    if clock is not None:
        page.clock.set_fixed_time(clock)
    page.goto(url, wait_until="networkidle")
    ids = page.eval_on_selector_all(
        ".ms-upcoming li.ms-event:not([hidden]) .ms-event__title a",
        "links => links.map(a => a.getAttribute('href').replace(/\\/$/, '').split('/').pop())")
    context.close()
    return ids, failed


def test_without_javascript_the_list_of_the_build_stands(weekly_site, browser):
    ids, _ = _home(browser, weekly_site, clock=None, javascript=False)
    # 1 March 2019: the slot once, at its first date, then the March duty hours.
    assert ids == ["dyzur-wtorki-2019-03-05", "dyzur-krosno-2019-03-27", "dyzur-krosno-2019-03-28"]


def test_while_the_builds_list_is_right_the_browser_keeps_it_and_asks_for_nothing(weekly_site, browser):
    asked: list[str] = []
    ids, failed = _home(browser, weekly_site, clock=BUILT + timedelta(hours=1), asked=asked)
    assert ids == ["dyzur-wtorki-2019-03-05", "dyzur-krosno-2019-03-27", "dyzur-krosno-2019-03-28"]
    assert failed == [] and not [url for url in asked if "upcoming/" in url]


def test_90_days_after_the_build_the_next_events_show_and_the_slot_skips_its_cancelled_date(weekly_site, browser):
    asked: list[str] = []
    ids, failed = _home(browser, weekly_site, clock=BUILT + timedelta(days=90), asked=asked)  # 30 May 2019
    # 4 June is cancelled: the slot shows 11 June; the one-off meetings are not pushed off by it.
    assert ids == ["dyzur-wtorki-2019-06-11", "spotkanie-wrzesien-2019", "spotkanie-robocze-krakow-2020-02-20"]
    assert failed == [] and [url for url in asked if "upcoming/" in url] == [weekly_site + "upcoming/pl.json"]


def test_400_days_after_the_build_the_list_is_still_right(weekly_site, browser):
    ids, _ = _home(browser, weekly_site, clock=BUILT + timedelta(days=400))  # 4 April 2020
    assert ids == ["dyzur-wtorki-2020-04-07", "spotkanie-maj-2020"]
    english, _ = _home(browser, weekly_site + "en/", clock=BUILT + timedelta(days=400))
    assert english == ids


def test_400_days_after_the_build_past_events_are_down_on_the_schedule(weekly_site, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.clock.set_fixed_time(BUILT + timedelta(days=400))
    page.goto(weekly_site + "schedule/")
    upcoming = page.eval_on_selector_all('[data-ms-section="upcoming"] li.ms-event:not([hidden]) a',
                                         "links => links.map(a => a.getAttribute('href').split('/').at(-2))")
    past = page.eval_on_selector_all('[data-ms-section="past"] li.ms-event:not([hidden]) a',
                                     "links => links.map(a => a.getAttribute('href').split('/').at(-2))")
    context.close()
    assert upcoming[:2] == ["dyzur-wtorki-2020-04-07", "dyzur-wtorki-2020-04-14"] and "spotkanie-maj-2020" in upcoming
    assert past[0] == "dyzur-wtorki-2020-03-31" and "spotkanie-wrzesien-2019" in past
    assert "spotkanie-robocze-krakow-2020-02-20" in past


def test_long_after_the_last_event_the_home_page_says_nothing_is_planned(weekly_site, browser):
    ids, _ = _home(browser, weekly_site, clock=datetime(2021, 1, 1, tzinfo=timezone.utc))
    assert ids == []
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(datetime(2021, 1, 1, tzinfo=timezone.utc))
    page.goto(weekly_site, wait_until="networkidle")
    assert page.is_visible(".ms-upcoming [data-ms-empty]")
    context.close()
