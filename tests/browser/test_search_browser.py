"""Search in a real browser: Polish on /, with other forms of a word; English only on /en/."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit


def search(page, site: str, path: str, query: str) -> list[str]:
    """Type ``query`` into the search box on ``path``; return the addresses of the pages found."""
    page.goto(urljoin(site, path))
    page.click(".md-search__input")
    page.keyboard.type(query)  # Material searches on key presses, as a reader types
    # Material shows the count ("Wyniki wyszukiwania: 3", "No matching documents") once the worker answered.
    page.wait_for_function("!/Inicjowanie|Initializing|Zacznij|Type to/.test("
                           "document.querySelector('.md-search-result__meta').textContent)")
    hrefs = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link",
                                      "links => links.map(a => a.href)")
    # Results link to the page (with ?h=<term> to highlight it) and to its sections: keep the pages.
    return sorted({urlsplit(href)._replace(query="", fragment="").geturl() for href in hrefs})


def test_polish_search_finds_inflected_forms_on_polish_pages_only(served_site, laptop):
    found = search(laptop, served_site, "", "warsztaty")
    assert urljoin(served_site, "documents/") in found  # the page says "warsztatów"
    found += search(laptop, served_site, "about/", "spotkaniach")
    assert urljoin(served_site, "schedule/spotkanie-informacyjne-krosno-2018-11-20/") in found  # "Spotkanie"
    assert found and not [href for href in found if href.startswith(urljoin(served_site, "en/"))]


def test_english_search_finds_english_pages_only(served_site, laptop):
    found = search(laptop, served_site, "en/", "workshop")
    assert urljoin(served_site, "en/documents/") in found
    found += search(laptop, served_site, "en/schedule/", "meeting")
    assert urljoin(served_site, "en/schedule/spotkanie-informacyjne-krosno-2018-11-20/") in found
    assert found and all(href.startswith(urljoin(served_site, "en/")) for href in found)


def test_a_polish_word_finds_nothing_on_the_english_side(served_site, laptop):
    assert search(laptop, served_site, "en/", "Harmonogram") == []
    assert laptop.inner_text(".md-search-result__meta").strip() == "No matching documents"
