"""Readers are told, in their language, when a page is untranslated or its translation may be stale."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest_site import build_demo, project_copy

NOTICE = re.compile(r'<div class="ms-translation-notice" role="note" lang="(\w+)">\s*<p>(.*?)</p>', re.S)


def _copy_site(root: Path) -> Path:
    return project_copy(root)


def _notices(page: Path) -> list[tuple[str, str]]:
    return NOTICE.findall(page.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The demo with the Polish 'about' page changed after translation and no English 'contact' page."""
    root = _copy_site(tmp_path_factory.mktemp("notices"))
    about = root / "content/pl/about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nNowy akapit.\n", encoding="utf-8")
    (root / "content/en/contact.md").unlink()
    return build_demo(root / "site", root=root)


def test_a_stale_translation_says_so_and_links_the_original(built):
    [(lang, text)] = _notices(built / "en/about/index.html")
    assert lang == "en"
    assert text.startswith("This translation may be out of date: the Polish original has changed")
    assert '<a href="../../about/" hreflang="pl">Read the original</a>' in text


def test_an_untranslated_page_says_so_and_marks_its_text_as_polish(built):
    html = (built / "en/contact/index.html").read_text(encoding="utf-8")
    [(lang, text)] = _notices(built / "en/contact/index.html")
    assert (lang, text) == ("en", "This page has not been translated into English yet. Below is the original in Polish.")
    body = html[html.index('<div class="ms-translation-notice"'):]
    assert re.search(r'<div lang="pl">\s*<h1[^>]*>Kontakt</h1>', body), "the Polish text is marked lang=pl"


def test_up_to_date_pages_and_the_source_language_have_no_notice(built):
    for page in ("en/index.html", "en/partners/index.html", "about/index.html", "contact/index.html",
                 "en/schedule/wizyta-studyjna-2018/index.html"):
        assert _notices(built / page) == [], page


def test_notices_can_be_switched_off(tmp_path):
    root = _copy_site(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "extra:\n", "extra:\n  microsite:\n    translation_notices: false\n", 1), encoding="utf-8")
    (root / "content/en/contact.md").unlink()
    site = build_demo(root / "site", root=root)
    assert _notices(site / "en/contact/index.html") == []
    # The page, now the Polish text word for word, is still found by a search on /en/ (mkdocs-static-i18n's
    # reconfigure_search would drop it from the English results as a duplicate of the Polish page).
    assert ("contact/", "Kontakt") in _indexed(site / "en")


def test_an_untranslated_page_is_found_by_a_search_in_the_other_language(built):
    assert ("contact/", "Kontakt") in _indexed(built / "en")
    assert ("contact/", "Kontakt") in _indexed(built)


def _indexed(root: Path) -> set[tuple[str, str]]:
    docs = json.loads((root / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    return {(doc["location"], doc["title"]) for doc in docs}


def _report(stale_recorded: str) -> "TranslationReport":
    from microsite.translations import Entry, State, TranslationReport
    return TranslationReport("pl", (Entry("en", "content/en/about.md", "content/pl/about.md", State.STALE,
                                          "aaaaaaaaaaaa", stale_recorded),))


def test_where_the_notice_goes_and_when_it_stays_away(site):
    from datetime import datetime, timezone
    from microsite.render.html import PageContext
    from microsite.render.notices import with_translation_notice
    ctx = PageContext(site, "en", "en/about/", "https://example.org/", datetime(2019, 3, 1, tzinfo=timezone.utc))
    with_heading = "# About\n\nText."
    marked = with_translation_notice(with_heading, "en/about.md", ctx, _report("bbbbbbbbbbbb"))
    assert marked.startswith("# About\n\n<div class=\"ms-translation-notice\"") and marked.endswith("Text.")
    no_heading = with_translation_notice("Text.", "en/about.md", ctx, _report("bbbbbbbbbbbb"))
    assert no_heading.startswith("\n\n<div class=\"ms-translation-notice\"") and no_heading.endswith("Text.")
    assert with_translation_notice(with_heading, "en/about.md", ctx, _report("")) == with_heading, "never marked"
    assert with_translation_notice(with_heading, None, ctx, _report("bbbbbbbbbbbb")) == with_heading, "from data"
    assert with_translation_notice(with_heading, "en/about.md", ctx, None) == with_heading, "switched off"
