"""Search in a real browser: Polish on /, with other forms of a word; English only on /en/."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit


def search(page, site: str, path: str, query: str) -> list[str]:
    """Type ``query`` into the search box on ``path``; return the addresses of the pages found."""
    page.goto(urljoin(site, path))
    page.click(".md-search__input")
    page.keyboard.type(query)  # Material searches on key presses, as a reader types
    # Material shows the count ("Wyniki wyszukiwania: 3", "No matching documents") once the worker answered.
    # A function, not an expression: the site's Content-Security-Policy forbids evaluating strings.
    page.wait_for_function("() => !/Inicjowanie|Initializing|Zacznij|Type to/.test("
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


def _index_requests(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url)
            if request.url.endswith("/search/search_index.json") else None)
    return requests


def test_the_search_index_is_fetched_only_when_a_reader_starts_to_search(served_site, phone):
    requests = _index_requests(phone)
    phone.goto(served_site, wait_until="networkidle")
    phone.goto(urljoin(served_site, "schedule/"), wait_until="networkidle")
    assert requests == []  # the pages are complete without it
    phone.click("label.md-header__button[for=__search]")  # the magnifier on a phone's header
    phone.keyboard.type("warsztaty")
    phone.wait_for_selector(".md-search-result__item")
    assert requests == [urljoin(served_site, "search/search_index.json")]


def test_a_result_link_highlights_its_terms_without_a_search(served_site, laptop):
    requests = _index_requests(laptop)
    laptop.goto(urljoin(served_site, "en/documents/?h=workshop"), wait_until="networkidle")
    assert requests == [urljoin(served_site, "en/search/search_index.json")]
    laptop.wait_for_selector("article mark")  # Material's highlight needs the index's settings
