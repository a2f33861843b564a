"""The accessibility statement carries the ministry's element ids in both languages, as a browser finds them.

The ids are those of the structure in force since 31 July 2024 ("Warunki techniczne publikacji oraz struktura
dokumentu elektronicznego deklaracji dostępności", version 2.0; sources and the order of the sections in
tests/test_accessibility_statement.py). The review date is required once the statement has been reviewed.

That every page links to it from the footer is checked on the crawl (test_every_page_browser.py).
"""

from __future__ import annotations

import re

import pytest

REQUIRED = ["a11y-wstep", "a11y-podmiot", "a11y-zakres", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja",
            "a11y-status", "a11y-kontakt", "a11y-email", "a11y-telefon", "a11y-procedura", "a11y-data-sporzadzenie",
            "a11y-architektura", "a11y-komunikacja", "a11y-data-przeglad", "a11y-aplikacje"]
DATES = ["a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-data-sporzadzenie", "a11y-data-przeglad"]


@pytest.mark.parametrize("lang,path", [("pl", "accessibility/"), ("en", "en/accessibility/")])
def test_statement_has_every_required_element(served_site, phone, lang, path):
    phone.goto(served_site + path)
    assert phone.evaluate("document.documentElement.lang") == lang
    found = phone.evaluate("""ids => Object.fromEntries(ids.map(id => {
        const all = document.querySelectorAll('#' + id), el = all[0];
        return [id, el ? {count: all.length, tag: el.tagName, text: el.textContent.trim(),
                          datetime: el.getAttribute('datetime'), href: el.href || null} : null];
    }))""", REQUIRED)
    assert [i for i in REQUIRED if not found[i] or found[i]["count"] != 1 or not found[i]["text"]] == []
    for i in DATES:
        assert found[i]["tag"] == "TIME" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", found[i]["datetime"]), found[i]
    assert found["a11y-data-aktualizacja"]["datetime"] >= found["a11y-data-publikacja"]["datetime"]
    assert found["a11y-data-przeglad"]["datetime"] >= found["a11y-data-sporzadzenie"]["datetime"]
    assert found["a11y-url"]["href"] == served_site + ("" if lang == "pl" else "en/")
    assert found["a11y-email"]["href"].startswith("mailto:") and found["a11y-telefon"]["href"].startswith("tel:")
