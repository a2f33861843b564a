"""The language selector in the header takes the reader to the same page in the other language."""

from __future__ import annotations

import pytest

# One page of each kind, Polish path and English path. A 404 page has no counterpart: its
# switcher leads to the other language's home page.
KINDS = {
    "home": ("", "en/"),
    "editor page": ("about/", "en/about/"),
    "schedule": ("schedule/", "en/schedule/"),
    "generated event page": ("schedule/wizyta-studyjna-2018/", "en/schedule/wizyta-studyjna-2018/"),
    "partners": ("partners/", "en/partners/"),
    "news post": ("news/2019-05-recruitment/", "en/news/2019-05-recruitment/"),
}


def _switch(page, to_lang: str) -> None:
    """Open the selector as a mouse user does (hover the translate button) and pick a language."""
    page.hover(".md-select > button")
    page.click(f".md-select__link[hreflang='{to_lang}']")


@pytest.mark.parametrize("kind", KINDS)
def test_switching_language_lands_on_the_counterpart(served_site, laptop, kind):
    pl, en = KINDS[kind]
    laptop.goto(served_site + pl)
    title_pl = laptop.text_content("h1")
    _switch(laptop, "en")
    laptop.wait_for_url(served_site + en)
    assert laptop.evaluate("document.documentElement.lang") == "en"
    assert laptop.text_content("h1") != title_pl
    _switch(laptop, "pl")
    laptop.wait_for_url(served_site + pl)
    assert laptop.evaluate("document.documentElement.lang") == "pl"
    assert laptop.text_content("h1") == title_pl


@pytest.mark.parametrize("page_404,lang,home", [("404.html", "en", "en/"), ("en/404.html", "pl", "")])
def test_switching_language_on_a_404_page_leads_to_the_other_home_page(served_site, laptop, page_404, lang, home):
    laptop.goto(served_site + page_404)
    _switch(laptop, lang)
    laptop.wait_for_url(served_site + home)
    assert laptop.evaluate("document.documentElement.lang") == lang
