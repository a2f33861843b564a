"""The funding strip is inside the first screen on every page, on a phone and on a laptop."""

from __future__ import annotations

import pytest

VIEWPORTS = [(360, 640), (1366, 768)]


@pytest.mark.parametrize("width,height", VIEWPORTS)
def test_funding_strip_is_on_the_first_screen_of_every_page(page_urls, browser, width, height):
    assert len(page_urls) >= 42
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    failures = []
    for url in page_urls:
        page.goto(url)
        strip = page.query_selector(".ms-funding")
        box = strip.bounding_box() if strip else None
        if not box or box["y"] < 0 or box["y"] + box["height"] > height:
            failures.append((url, box))
            continue
        signs = page.eval_on_selector_all(".ms-sign img", """imgs => imgs.map(i => {
            const r = i.getBoundingClientRect();
            return {kind: i.closest('li').className, w: r.width, h: r.height, top: r.top, bottom: r.bottom,
                    complete: i.complete && i.naturalWidth > 0};
        })""")
        emblem = next(s for s in signs if "eu-emblem" in s["kind"])
        if len(signs) > 4 or not all(s["complete"] for s in signs):
            failures.append((url, "signs", signs))
        if any(s["h"] > emblem["h"] or s["w"] * s["h"] > emblem["w"] * emblem["h"] + 1 for s in signs):
            failures.append((url, "a sign larger than the EU emblem", signs))
        if max(s["top"] for s in signs) >= min(s["bottom"] for s in signs):
            failures.append((url, "signs not on one line", signs))
        statement = page.query_selector(".ms-funding__statement").bounding_box()
        if statement["y"] + statement["height"] > height:
            failures.append((url, "statement below the fold", statement))
    context.close()
    assert failures == []
