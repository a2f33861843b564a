"""Using the site leaves nothing behind: no cookie, no local or session storage, no third party."""

from __future__ import annotations

from urllib.parse import urlsplit

# What Material writes when a reader picks a colour palette, a linked content tab, or when it
# caches repository facts: all through its __md_set helper (overrides/partials/javascripts/base.html).
_MATERIAL_REMEMBERS = """() => {
  __md_set("__palette", {index: 1, color: {scheme: "slate"}});
  __md_set("__tabs", ["Python"]);
  __md_set("__source", {version: "1.0"}, sessionStorage);
  __md_set("__consent", {github: true});
}"""
_STORED = "() => [Object.keys(localStorage), Object.keys(sessionStorage)]"


def test_searching_filtering_and_picking_preferences_store_nothing(served_site, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    stored = {}

    page.goto(served_site, wait_until="networkidle")
    page.click(".md-search__input")
    page.keyboard.type("harmonogram")
    page.wait_for_selector(".md-search-result__item")
    stored["search"] = page.evaluate(_STORED)
    page.click(".md-search-result__item a")
    page.wait_for_load_state("networkidle")

    page.goto(served_site + "schedule/", wait_until="networkidle")
    page.select_option("#ms-filter-kind", "duty_hours")
    page.select_option("#ms-filter-city", "Krosno")
    stored["filters"] = page.evaluate(_STORED)

    page.goto(served_site + "en/", wait_until="networkidle")
    page.evaluate(_MATERIAL_REMEMBERS)
    stored["preferences"] = page.evaluate(_STORED)
    page.goto(served_site + "en/schedule/", wait_until="networkidle")
    stored["next page"] = page.evaluate(_STORED)

    state = context.storage_state()
    context.close()
    assert stored == {step: [[], []] for step in stored}
    assert state["cookies"] == [] and state["origins"] == []
    assert requests and {urlsplit(u).hostname for u in requests} == {"127.0.0.1"}
