"""News: posts read from front matter, listed newest first, and an Atom feed per language.

The feed is parsed back with an XML parser and checked against what RFC 4287
requires of a feed and its entries: ids, titles, RFC 3339 dates with an offset,
absolute links, the language; escaping is the XML library's, so editors' quotes,
ampersands and angle brackets must come back as the same text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from conftest_site import BASE_URL, DEMO, build_demo, project_copy
from microsite.news import NewsPost, load_news, parse_news_date
from microsite.newsfeed import ATOM_NS, render_news_feed
from microsite.render import html
from sitefactory import assert_problem, only

A = f"{{{ATOM_NS}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BASE = "https://example.org/sub/"
NOW = datetime(2026, 12, 1, 12, tzinfo=timezone.utc)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


def write_post(content: Path, lang: str, slug: str, front: str) -> Path:
    path = content / lang / "news" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}\n---\n\nTreść.\n", encoding="utf-8")
    return path


def post(slug: str, day: str, title: str = "Tytuł", description: str = "Opis.", lang: str = "pl") -> NewsPost:
    return NewsPost(lang, slug, title, description, parse_news_date(day))


# --- dates and posts --------------------------------------------------------------------------

@pytest.mark.parametrize("text, day, precision, iso", [
    ("2019", date(2019, 1, 1), "year", "2019"),
    ("2019-05", date(2019, 5, 1), "month", "2019-05"),
    ("2019-05-14", date(2019, 5, 14), "day", "2019-05-14"),
    (" 2020-02-29 ", date(2020, 2, 29), "day", "2020-02-29"),
])
def test_dates_keep_the_precision_they_were_written_with(text, day, precision, iso):
    parsed = parse_news_date(text)
    assert (parsed.day, parsed.precision, parsed.iso()) == (day, precision, iso)


@pytest.mark.parametrize("text", ["2019-13", "2019-02-30", "14.05.2019", "maj 2019", "19-05-14", "2019-5-1", ""])
def test_what_is_not_a_date(text):
    assert parse_news_date(text) is None


@pytest.mark.parametrize("day, lang, shown", [
    ("2020", "pl", "2020"), ("2019-05", "pl", "maj 2019"), ("2019-05", "en", "May 2019"),
    ("2019-05-14", "pl", "14 maja 2019"), ("2019-05-14", "en", "14 May 2019"),
])
def test_dates_are_shown_as_precisely_as_written(day, lang, shown):
    assert parse_news_date(day).text(lang) == shown


def test_posts_newest_first_with_the_index_left_out(tmp_path):
    content = tmp_path / "content"
    write_post(content, "pl", "index", "title: Aktualności\ndescription: Lista.")
    write_post(content, "pl", "b-old", "title: Stary\ndescription: S.\ndate: '2019-05'")
    write_post(content, "pl", "a-new", "title: Nowy\ndescription: N.\ndate: 2021-01-10")  # YAML date, unquoted
    write_post(content, "pl", "c-year", "title: Rok\ndescription: R.\ndate: 2020")
    write_post(content, "en", "a-new", "title: New\ndescription: N.\ndate: 2021-01-10")
    posts, problems = load_news(content, "pl")
    assert problems == []
    assert [(p.slug, p.title, p.date.iso()) for p in posts] == [("a-new", "Nowy", "2021-01-10"),
                                                               ("c-year", "Rok", "2020"), ("b-old", "Stary", "2019-05")]
    assert [p.lang for p in load_news(content, "en")[0]] == ["en"]


def test_a_post_without_a_date(tmp_path):
    content = tmp_path / "content"
    write_post(content, "en", "undated", "title: New\ndescription: N.")
    posts, problems = load_news(content, "en")
    assert posts == ()
    assert_problem(only(problems), file="content/en/news/undated.md", line=1, field="date",
                   message=("no date",), fix=("date: 2019-05-14",))


def test_a_post_with_a_date_that_is_not_one(tmp_path):
    content = tmp_path / "content"
    write_post(content, "pl", "zle", "title: Zły\ndescription: Z.\ndate: 14 maja 2019")
    posts, problems = load_news(content, "pl")
    assert posts == ()
    assert_problem(only(problems), file="content/pl/news/zle.md", line=4, column=7, field="date",
                   message=("14 maja 2019", "not a date"), fix=("2019-05-14", "2019-05"))


def test_a_post_without_title_is_left_to_the_page_check(tmp_path):
    content = tmp_path / "content"
    write_post(content, "pl", "bez", "description: Bez tytułu.\ndate: 2019-05-14")
    assert load_news(content, "pl") == ((), [])


# --- the list on the news page ----------------------------------------------------------------

def test_the_news_list_links_every_post_and_the_feed(site):
    posts = (post("nowy", "2021-01-10", title="Nowy & <lepszy>"), post("stary", "2019-05"))
    ctx = html.PageContext(site, "pl", "news/", BASE, datetime(2021, 2, 1).astimezone())
    block = html.render_news(ctx, posts, feed=True)
    assert block.index('href="nowy/"') < block.index('href="stary/"')
    assert "Nowy &amp; &lt;lepszy&gt;" in block
    assert '<time datetime="2019-05">maj 2019</time>' in block
    assert 'href="../feeds/pl/news.xml" type="application/atom+xml"' in block
    en = html.render_news(replace(ctx, lang="en", page_url="en/news/"), (), feed=False)
    assert "There is no news yet." in en and "feeds" not in en


# --- the Atom feed ----------------------------------------------------------------------------

def parse(feed: bytes) -> ET.Element:
    assert feed.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n")
    return ET.fromstring(feed)


def test_the_feed_has_what_atom_requires(site):
    posts = (post("nowy", "2021-01-10"), post("stary", "2019-05"), post("rok", "2018"))
    root = parse(render_news_feed(site, "pl", posts, base_url=BASE, now=NOW))
    assert root.tag == f"{A}feed" and root.get(XML_LANG) == "pl"
    for name in ("id", "title", "updated"):
        assert root.find(f"{A}{name}").text.strip()
    assert root.find(f"{A}author/{A}name").text == "Centrum Doradztwa Strategicznego s.c. D. Bieńkowska, " \
                                                    "C. Ulasiński, J. Szymańska, M. Widuch"
    links = {link.get("rel"): link for link in root.findall(f"{A}link")}
    assert links["self"].get("href") == "https://example.org/sub/feeds/pl/news.xml"
    assert links["self"].get("type") == "application/atom+xml"
    assert links["alternate"].get("href") == "https://example.org/sub/news/"
    entries = root.findall(f"{A}entry")
    assert [e.find(f"{A}link").get("href") for e in entries] == [
        "https://example.org/sub/news/nowy/", "https://example.org/sub/news/stary/", "https://example.org/sub/news/rok/"]
    ids = [e.find(f"{A}id").text for e in entries]
    assert len(set(ids)) == 3 and all(i.startswith("tag:example.org,") for i in ids)
    for entry in entries:
        for name in ("title", "summary"):
            assert entry.find(f"{A}{name}").text
        for name in ("published", "updated"):
            assert RFC3339.match(entry.find(f"{A}{name}").text)
    # Midnight in Warsaw, with the offset of that day (summer time in May, winter time in January).
    assert [e.find(f"{A}published").text for e in entries] == [
        "2021-01-10T00:00:00+01:00", "2019-05-01T00:00:00+02:00", "2018-01-01T00:00:00+01:00"]
    assert root.find(f"{A}updated").text == "2021-01-10T00:00:00+01:00"


def test_text_comes_back_as_written(site):
    title = 'Spotkanie „Razem” & <b>nie HTML</b> "cytat"'
    root = parse(render_news_feed(site, "en", (post("x", "2020-03-01", title=title, description=title, lang="en"),),
                                  base_url=BASE, now=NOW))
    entry = root.find(f"{A}entry")
    assert entry.find(f"{A}title").text == title and entry.find(f"{A}summary").text == title
    assert root.find(f"{A}link[@rel='alternate']").get("href") == "https://example.org/sub/en/news/"


def test_a_feed_without_posts_is_still_valid(site):
    root = parse(render_news_feed(site, "en", (), base_url=BASE, now=NOW))
    assert root.findall(f"{A}entry") == []
    assert RFC3339.match(root.find(f"{A}updated").text)


def test_the_feed_is_the_same_bytes_every_time(site):
    posts = (post("nowy", "2021-01-10"),)
    assert (render_news_feed(site, "pl", posts, base_url=BASE, now=NOW)
            == render_news_feed(site, "pl", posts, base_url=BASE, now=NOW))


# --- a new post is one file per language ------------------------------------------------------

def test_a_new_post_is_listed_and_syndicated_with_nothing_else_changed(tmp_path):
    root = project_copy(tmp_path / "project")
    # What `microsite new news <slug>` writes: an unquoted YAML date.
    write_post(root / "content", "pl", "nabor-2021", 'title: "Nabór & „nowe” zasady"\n'
                                                     "description: Nowy nabór.\ndate: 2021-01-10")
    write_post(root / "content", "en", "nabor-2021", "title: New call\ndescription: A new call.\ndate: 2021-01-10")
    site = build_demo(root / "site", root=root)
    listing = (site / "news" / "index.html").read_text(encoding="utf-8")
    assert listing.index('href="nabor-2021/"') < listing.index('href="2019-12-testing-stage/"')
    assert "Nabór &amp; „nowe” zasady" in listing
    for lang, prefix in (("pl", ""), ("en", "en/")):
        entries = parse((site / "feeds" / lang / "news.xml").read_bytes()).findall(f"{A}entry")
        assert entries[0].find(f"{A}link").get("href") == f"{BASE_URL}{prefix}news/nabor-2021/"
        assert entries[0].find(f"{A}published").text == "2021-01-10T00:00:00+01:00"
    assert parse((site / "feeds" / "pl" / "news.xml").read_bytes()).find(f"{A}entry/{A}title").text == \
        "Nabór & „nowe” zasady"
