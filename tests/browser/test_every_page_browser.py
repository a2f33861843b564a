"""Every page in both languages, in Chromium: axe-core, requests, storage, links and assets."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

import pytest

from conftest import AXE_JS, EXTERNAL_LINKS
from crawl import Crawl, crawl_site, fetch_status, is_internal, urls_in

STATEMENT = {"pl": "accessibility/", "en": "en/accessibility/"}
PRIVACY = {"pl": "privacy/", "en": "en/privacy/"}


@pytest.fixture(scope="module")
def crawl(served_site, browser, page_urls) -> Crawl:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: `make test` installs tests/js (npm ci)")
    return crawl_site(browser, served_site, page_urls, AXE_JS)


def test_the_crawl_reaches_every_page_in_both_languages(crawl, page_urls):
    assert set(page_urls) <= set(crawl.visits)
    langs = Counter(v.lang for v in crawl.visits.values())
    assert langs["pl"] >= 21 and langs["en"] >= 21 and set(langs) == {"pl", "en"}
    assert {u: v.status for u, v in crawl.visits.items() if v.status != 200} == {}


def test_axe_finds_no_wcag_21_aa_violation_on_any_page(crawl):
    found = {url: [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in visit.violations]
             for url, visit in crawl.visits.items() if visit.violations}
    assert found == {}


def test_no_request_leaves_127_0_0_1(crawl):
    assert len(crawl.requests) > len(crawl.visits)
    away = sorted({(page, url) for page, url in crawl.requests
                   if urlsplit(url).hostname != "127.0.0.1" and not url.startswith("data:")})
    assert away == []


def test_no_request_a_page_makes_fails(crawl):
    """No 404 in the console (Lighthouse's best practices), e.g. from Material's sitemap lookups.

    Material 9.8.1 fetches <href>/sitemap.xml for every <link rel=alternate> (mkdocs-material#8576);
    the build switches that lookup off (hooks/site_hooks.py, _stop_alternate_sitemap_requests).
    """
    assert crawl.failed_responses == []


def test_every_internal_link_and_asset_resolves(crawl, served_site, request):
    """Links, images, scripts, stylesheets and what they refer to (CSS url(), feeds, sitemap)."""
    targets: dict[str, str] = {}  # URL without fragment -> a page that refers to it
    for url, visit in crawl.visits.items():
        for ref in visit.references:
            targets.setdefault(ref.split("#", 1)[0], url)
    targets.setdefault(served_site + "sitemap.xml", served_site)
    external: set[str] = set()
    broken = []
    checked = set()
    queue = list(targets)
    while queue:
        target = queue.pop(0)
        if target in checked:
            continue
        checked.add(target)
        if not is_internal(target, served_site):
            if urlsplit(target).scheme in ("http", "https", "webcal"):
                external.add(target)
            continue
        if target in crawl.visits:
            continue  # a page the crawl loaded: its status is checked above
        status, content_type, body = fetch_status(target)
        if status != 200:
            broken.append((targets.get(target), target, status))
            continue
        for inner in urls_in(content_type, body, target):
            targets.setdefault(inner.split("#", 1)[0], target)
            queue.append(inner.split("#", 1)[0])
    assert broken == []
    paths = {urlsplit(t).path for t in checked if is_internal(t, served_site)}
    kinds = Counter(p.rsplit(".", 1)[-1] for p in paths if "." in p.rsplit("/", 1)[-1])
    # Both languages' calendars (one per event, per kind with events, all) and the theme's files.
    assert kinds["ics"] >= 2 * (9 + 3 + 1) and kinds["css"] >= 3 and kinds["svg"] >= 4 and kinds["js"] >= 2, kinds
    # External links are listed, never fetched: the summary prints them, the cache keeps the list.
    request.config.cache.set("microsite/external-links", sorted(external))
    request.config.stash[EXTERNAL_LINKS] = external


def test_every_page_links_to_the_statement_and_privacy_policy_in_its_language(crawl, served_site):
    wrong = {}
    for url, visit in crawl.visits.items():
        expected = {served_site + STATEMENT[visit.lang], served_site + PRIVACY[visit.lang]}
        if not expected <= set(visit.footer):
            wrong[url] = visit.footer
    assert wrong == {}
