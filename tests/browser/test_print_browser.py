"""Printing the schedule and the study-visit programme: content and funding statement, nothing else."""

from __future__ import annotations

import re

import pytest

PAGES = ["schedule/", "en/schedule/", "study-visit-2018/", "en/study-visit-2018/",
         "schedule/wizyta-studyjna-2018/", "en/schedule/wizyta-studyjna-2018/"]
A4_WIDTH = 794 - 2 * 45  # CSS px of A4 less the 12 mm side margins of the print stylesheet
CHROME = [".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search", ".md-skip", ".md-top",
          ".ms-filters", ".ms-subscribe", ".ms-footer-links"]

_PRINTED = """chrome => {
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 &&
                                  getComputedStyle(el).visibility !== 'hidden'; };
  const content = document.querySelector('#ms-content');
  const clipped = [...content.querySelectorAll('*')].filter(el => {
    const s = getComputedStyle(el);
    return el.textContent.trim() && /hidden|clip/.test(s.overflowX + s.overflowY) &&
           (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
  }).map(el => el.tagName + '.' + el.className);
  const whole = ['.md-typeset .ms-events > li', '.ms-sessions > li', '.md-typeset li', '.ms-facts dd']
    .flatMap(sel => [...content.querySelectorAll(sel)])
    .filter(el => getComputedStyle(el).breakInside !== 'avoid').map(el => el.textContent.trim().slice(0, 40));
  const headings = [...content.querySelectorAll('h2, h3')]
    .filter(h => getComputedStyle(h).breakAfter !== 'avoid').map(h => h.textContent.trim());
  const external = [...content.querySelectorAll('a[href^="http"]')].filter(shown)
    .filter(a => !getComputedStyle(a, '::after').content.includes(a.getAttribute('href')))
    .map(a => a.href);
  return {
    chrome: chrome.filter(sel => [...document.querySelectorAll(sel)].some(shown)),
    width: document.documentElement.scrollWidth,
    funding: shown(document.querySelector('.ms-funding__statement')) &&
             [...document.querySelectorAll('.ms-sign img')].every(shown),
    text: content.innerText.length, clipped, whole, headings, external,
  };
}"""


@pytest.fixture(scope="module")
def paper(browser):
    context = browser.new_context(viewport={"width": A4_WIDTH, "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_printed_programme_keeps_content_and_funding_and_drops_the_screen_chrome(served_site, paper, path):
    paper.goto(served_site + path)
    printed = paper.evaluate(_PRINTED, CHROME)
    assert printed["chrome"] == [], "screen-only parts are printed"
    assert printed["funding"], "the funding statement and signs are printed"
    assert printed["width"] <= A4_WIDTH, "the page is wider than the paper"
    assert printed["text"] > 300
    assert printed["clipped"] == [], "text cut off"
    assert printed["whole"] == [], "items that may break across pages"
    assert printed["headings"] == [], "headings that may end a page"
    assert printed["external"] == [], "links to other sites without their address"


def _pdf_pages(page) -> int:
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("path", ["schedule/", "study-visit-2018/"])
def test_print_stylesheet_takes_fewer_a4_pages_than_the_screen_layout(served_site, paper, path):
    paper.goto(served_site + path)
    printed = _pdf_pages(paper)
    paper.emulate_media(media="screen")
    try:
        screen = _pdf_pages(paper)
    finally:
        paper.emulate_media(media="print")
    assert 1 <= printed < screen
