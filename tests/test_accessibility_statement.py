"""The accessibility statement follows the structure published on 31 July 2024 (version 2.0), in every language.

Sources (the official text, "Warunki techniczne publikacji oraz struktura dokumentu elektronicznego deklaracji
dostępności", wersja 2.0, Ministerstwo Cyfryzacji, 31.07.2024, could be read only in part here):
- its copy at deklaracja-dostepnosci.info/dd-opis-2 ("kopia dokumentu … wersja 2.0, z 31 lipca 2024 r.");
- the validator of that site (deklaracja-dostepnosci.info/walidator), which checks the ``a11y-`` ids;
- two independent implementations of version 2.0 that list the same ids: mandatory ``a11y-wstep``,
  ``a11y-podmiot``, ``a11y-zakres``, ``a11y-url``, ``a11y-data-publikacja``, ``a11y-data-aktualizacja``,
  ``a11y-status``, ``a11y-kontakt``, ``a11y-email``, ``a11y-telefon``, ``a11y-procedura``,
  ``a11y-data-sporzadzenie``, ``a11y-architektura``, ``a11y-komunikacja``; ``a11y-data-przeglad`` from the
  first review on; optional ``a11y-ocena``, ``a11y-aplikacje``, ``a11y-architektura-url``; and the sections
  in this order: the digital accessibility status, (inaccessible content,) preparation of the statement,
  keyboard shortcuts, feedback and contact details, handling of requests and complaints, other information
  (mobile applications, architectural accessibility, communication and information accessibility).
The demo's statement has been reviewed, so it carries the review date; every starter asks for one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest_site import REPO, build_demo

MANDATORY = ("a11y-wstep", "a11y-podmiot", "a11y-zakres", "a11y-url", "a11y-data-publikacja",
             "a11y-data-aktualizacja", "a11y-status", "a11y-kontakt", "a11y-email", "a11y-telefon",
             "a11y-procedura", "a11y-data-sporzadzenie", "a11y-architektura", "a11y-komunikacja")
REVIEWED = ("a11y-data-przeglad",)
DATES = ("a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-data-sporzadzenie", "a11y-data-przeglad")
SECTIONS = {
    "pl": ["Stan dostępności cyfrowej", "Przygotowanie deklaracji dostępności", "Skróty klawiszowe",
           "Informacje zwrotne i dane kontaktowe", "Obsługa wniosków i skarg związanych z dostępnością",
           "Pozostałe informacje"],
    "en": ["Digital accessibility status", "Preparation of the accessibility statement", "Keyboard shortcuts",
           "Feedback and contact details", "Handling requests and complaints about accessibility",
           "Other information"],
}
OTHER = {"pl": ["Aplikacje mobilne", "Dostępność architektoniczna", "Dostępność komunikacyjno-informacyjna"],
         "en": ["Mobile applications", "Architectural accessibility", "Communication and information accessibility"]}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("a11y") / "site")


def _ids(html: str) -> dict[str, str]:
    """Return each element id with the element's opening tag."""
    return {m.group(2): m.group(0) for m in re.finditer(r'<(\w+)[^>]*\bid="(a11y-[a-z-]+)"[^>]*>', html)}


@pytest.mark.parametrize("lang, path", [("pl", "accessibility/index.html"), ("en", "en/accessibility/index.html")])
def test_the_demos_statement_has_the_2024_elements_sections_and_dates(built, lang, path):
    text = (built / path).read_text(encoding="utf-8")
    ids = _ids(text)
    assert [i for i in MANDATORY + REVIEWED if i not in ids] == []
    assert all(text.count(f'id="{i}"') == 1 for i in ids)
    dates = {}
    for i in DATES:
        tag = ids[i]
        assert tag.startswith("<time"), tag
        dates[i] = re.search(r'datetime="(\d{4}-\d{2}-\d{2})"', tag).group(1)
    assert dates["a11y-data-przeglad"] >= dates["a11y-data-sporzadzenie"]
    assert dates["a11y-data-aktualizacja"] >= dates["a11y-data-publikacja"]
    content = text.split('<article', 1)[1].split("</article>", 1)[0]  # the page's own text, not the theme's
    headings = [(f"h{level}", re.sub(r"<[^>]+>", "", title).strip())
                for level, title in re.findall(r"<h([23])[^>]*>(.*?)</h\1>", content, re.S)]
    h2 = [title for level, title in headings if level == "h2"]
    assert [t for t in h2 if t in SECTIONS[lang]] == SECTIONS[lang]  # all of them, in this order
    after_other = [title for level, title in headings[[t for _, t in headings].index(SECTIONS[lang][-1]) + 1:]]
    assert after_other[:3] == OTHER[lang]
    # The scope names the kind of digital solution the statement is about.
    assert re.search(r'id="a11y-zakres">(strony internetowej|website)<', text)


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_the_polish_law_starter_has_every_2024_element_and_asks_for_the_review_date(lang):
    text = (REPO / "microsite" / "starter" / lang / "accessibility.poland.md").read_text(encoding="utf-8")
    ids = _ids(text)
    assert [i for i in MANDATORY + REVIEWED if i not in ids] == []
    for i in DATES:
        assert ids[i].startswith("<time") and 'datetime="TODO-' in ids[i], ids[i]


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_every_starter_statement_asks_for_a_date_of_review(lang):
    text = (REPO / "microsite" / "starter" / lang / "accessibility.md").read_text(encoding="utf-8")
    assert re.search(r'<time id="a11y-data-przeglad" datetime="TODO-[A-Z-]+">', text)
