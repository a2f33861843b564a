"""The demo site, built with MkDocs: both languages, switcher, lang, 404s, no third-party loads."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest_site import BASE_URL, DEMO, REPO, build_demo
from htmlscan import parse_page
from microsite.load import load_site

LANGS = ("pl", "en")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "site")


def _page_dirs() -> list[str]:
    """Return the URL path (e.g. 'about/') of every editor page and every generated page."""
    pages = []
    for md in sorted((DEMO / "content" / "pl").rglob("*.md")):
        rel = md.relative_to(DEMO / "content" / "pl").with_suffix("")
        if rel.name == "index":
            rel = rel.parent
        pages.append("" if str(rel) == "." else f"{rel.as_posix()}/")
    site, _ = load_site(DEMO)
    pages += [f"schedule/{e.id}/" for e in site.events]
    return sorted(set(pages))


def _built_file(site: Path, lang: str, url: str) -> Path:
    prefix = "" if lang == "pl" else f"{lang}/"
    return site / prefix / url / "index.html"


def test_every_page_exists_in_both_languages(built):
    pages = _page_dirs()
    assert {"", "about/", "schedule/", "partners/", "contact/", "accessibility/", "privacy/"} <= set(pages)
    missing = [(lang, url) for url in pages for lang in LANGS if not _built_file(built, lang, url).exists()]
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_matches_the_language(built, lang):
    for url in _page_dirs():
        page = parse_page(_built_file(built, lang, url))
        assert page.lang == lang, f"{lang}/{url} has <html lang={page.lang!r}>"


@pytest.mark.parametrize("lang,other", [("pl", "en"), ("en", "pl")])
def test_language_switcher_points_at_the_counterpart(built, lang, other):
    for url in _page_dirs():
        path = _built_file(built, lang, url)
        page = parse_page(path)
        links = page.find("a", hreflang=other)
        assert links, f"no switcher link to {other} on {lang}/{url}"
        own_url = urljoin(BASE_URL, ("" if lang == "pl" else "en/") + url)
        target = urljoin(own_url, links[0]["href"])
        expected = urljoin(BASE_URL, ("" if other == "pl" else "en/") + url)
        assert target == expected, f"{lang}/{url}: switcher goes to {target}, expected {expected}"


def test_hreflang_alternates_include_x_default(built):
    for url in _page_dirs():
        for lang in LANGS:
            page = parse_page(_built_file(built, lang, url))
            alternates = {a["hreflang"]: a["href"] for a in page.find("link", rel="alternate") if "hreflang" in a}
            # The study visit's generated page defers to the editors' page showing it (its one canonical address).
            url = "study-visit-2018/" if url == "schedule/wizyta-studyjna-2018/" else url
            assert alternates.get("pl") == urljoin(BASE_URL, url)
            assert alternates.get("en") == urljoin(BASE_URL, "en/" + url)
            assert alternates.get("x-default") == alternates["pl"]


_RESOURCE_ATTRS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
                   "embed": "src", "object": "data"}


def _foreign(url: str) -> bool:
    parts = urlsplit(url)
    if not parts.scheme and not parts.netloc:
        return False
    if parts.scheme in ("data",):
        return False
    return f"{parts.scheme}://{parts.netloc}/" != BASE_URL


def test_no_built_file_loads_anything_from_another_origin(built):
    offenders = []
    for path in built.rglob("*.html"):
        page = parse_page(path)
        for tag, attrs in page.tags:
            url = attrs.get(_RESOURCE_ATTRS.get(tag, ""), "")
            if tag == "link" and attrs.get("rel", "") not in ("alternate", "canonical", "prev", "next"):
                url = attrs.get("href", "")
            if url and _foreign(url):
                offenders.append(f"{path.relative_to(built)}: <{tag}> {url}")
    for path in built.rglob("*.css"):
        for url in re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])(https?:)?//([^'\")\s]+)", path.read_text()):
            offenders.append(f"{path.relative_to(built)}: {url}")
    assert offenders == []


def test_404_pages_are_in_their_own_language(built):
    pl = parse_page(built / "404.html")
    en = parse_page(built / "en" / "404.html")
    assert pl.lang == "pl" and "Nie ma takiej strony" in pl.text
    assert en.lang == "en" and "Page not found" in en.text
    assert "Page not found" not in pl.text


def test_sitemap_lists_both_languages(built):
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE_URL}about/</loc>" in sitemap
    assert 'hreflang="en"' in sitemap and f"{BASE_URL}en/about/" in sitemap


def test_navigation_and_titles_are_translated(built):
    pl = parse_page(built / "about" / "index.html")
    en = parse_page(built / "en" / "about" / "index.html")
    assert "Harmonogram" in pl.text and "Schedule" in en.text
    assert pl.title != en.title


def test_funding_strip_and_statement_on_every_page(built):
    site, _ = load_site(DEMO)
    for url in _page_dirs():
        for lang in LANGS:
            page = parse_page(_built_file(built, lang, url))
            assert site.project.funding.statement.in_(lang) in page.text, f"{lang}/{url}"
            assert page.find("li", class_="ms-sign ms-sign--eu-emblem"), f"{lang}/{url}"


def test_two_builds_of_the_same_commit_are_byte_identical(built, tmp_path):
    again = build_demo(tmp_path / "again")
    first = {p.relative_to(built): p.read_bytes() for p in built.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
