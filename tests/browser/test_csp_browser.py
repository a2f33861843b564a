"""The site works under its strict Content-Security-Policy: search, schedule filters and the home page.

The test server sends the headers of the built site's ``_headers`` file, as Netlify and
Cloudflare Pages do (tests/browser/conftest.py), so every browser test runs under the
policy; these tests also listen for the browser's own reports of what it blocked
(``securitypolicyviolation`` events and console messages) and expect none. A script
the build did not put there, added to a page, is blocked and reported: the listening
works and the policy is enforced.
"""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urljoin
from urllib.request import urlopen

import pytest

_LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile));
"""


@pytest.fixture
def watched(browser):
    """A page that records every violation of the policy, in the page and in its console (workers too)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="pl-PL")
    page = context.new_page()
    page.add_init_script(_LISTEN)
    messages: list[str] = []

    def note(message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            messages.append(message.text)

    page.on("console", note)
    page.on("worker", lambda worker: worker.on("console", note))
    page.csp_messages = messages
    yield page
    context.close()


def _violations(page) -> list[str]:
    return page.evaluate("window.__csp") + page.csp_messages


def test_the_site_sends_a_strict_policy(served_site):
    with urlopen(served_site) as response:
        policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"].split()[0] == "'self'"
    assert all(source.startswith("'sha256-") for source in directives["script-src"].split()[1:])
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"


def test_the_home_page_runs_its_scripts_under_the_policy(served_site, watched):
    watched.goto(served_site, wait_until="networkidle")
    # Material's own script ran (it marks the page as rendered by JavaScript), and so did the theme's inline one.
    assert watched.evaluate("typeof __md_get === 'function' && document.body.hasAttribute('data-md-color-scheme')")
    assert watched.locator(".ms-upcoming, [data-ms-section], .md-content").first.is_visible()
    assert _violations(watched) == []


def test_search_works_under_the_policy(served_site, watched):
    watched.goto(served_site + "about/", wait_until="networkidle")
    watched.click(".md-search__input")
    watched.keyboard.type("warsztaty")
    watched.wait_for_selector(".md-search-result__item")
    found = watched.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    assert any(href.startswith(urljoin(served_site, "documents/")) for href in found), found
    assert _violations(watched) == []


def test_schedule_filters_work_under_the_policy(served_site, watched):
    watched.clock.set_fixed_time(datetime(2019, 3, 1, 13, tzinfo=timezone.utc))
    watched.goto(served_site + "schedule/", wait_until="networkidle")
    watched.select_option("#ms-filter-kind", "duty_hours")
    assert watched.text_content("[data-ms-filter-status]") == "Pokazano: 3\u00a0wydarzenia"
    assert _violations(watched) == []


def test_a_script_the_build_did_not_write_is_blocked_and_reported(served_site, watched):
    watched.goto(served_site, wait_until="networkidle")
    with pytest.raises(Exception):  # Playwright cannot even add it: the browser refuses to run it
        watched.add_script_tag(content="window.__injected = true;")
    assert watched.evaluate("window.__injected === undefined")
    assert any(v.startswith("script-src") for v in _violations(watched)), _violations(watched)
