"""Keyboard use: the skip link comes first and works, focus is visible, the language selector works."""

from __future__ import annotations

import pytest

PAGES = ["", "schedule/", "schedule/wizyta-studyjna-2018/", "partners/", "404.html",
         "en/", "en/schedule/", "en/news/2019-05-recruitment/", "en/404.html"]

_ACTIVE = """() => {
  const el = document.activeElement;
  return {id: el.id, cls: el.className, tag: el.tagName, inContent: !!el.closest('#ms-content'),
          hreflang: el.getAttribute('hreflang'), label: el.getAttribute('aria-label')};
}"""

# The focus indicator: compare the focused element's computed outline and shadow with its
# look after blur(), then give focus back so Tab continues from there.
_FOCUS_LOOK = """() => {
  const el = document.activeElement;
  const look = () => { const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.opacity].join(' | '); };
  const focused = look();
  el.blur();
  const unfocused = look();
  el.focus();
  return {what: el.tagName + '.' + el.className + ' ' + (el.textContent || '').trim().slice(0, 30),
          focused, unfocused};
}"""


@pytest.mark.parametrize("path", PAGES)
def test_skip_link_is_the_first_tab_stop_and_moves_focus_into_the_content(served_site, laptop, path):
    page = laptop
    page.goto(served_site + path)
    page.keyboard.press("Tab")
    first = page.evaluate(_ACTIVE)
    assert "ms-skip" in first["cls"]
    box = page.eval_on_selector(".ms-skip", "a => { const r = a.getBoundingClientRect(); "
                                "return {top: r.top, bottom: r.bottom, opacity: getComputedStyle(a).opacity}; }")
    assert box["top"] >= 0 and box["bottom"] <= 768 and box["opacity"] == "1", "the skip link shows when focused"
    page.keyboard.press("Enter")
    assert page.evaluate(_ACTIVE)["id"] == "ms-content"
    page.keyboard.press("Tab")
    assert page.evaluate(_ACTIVE)["inContent"], "the next Tab stop is in the content, past header and menus"


@pytest.mark.parametrize("path", ["", "schedule/", "en/schedule/wizyta-studyjna-2018/"])
def test_every_tab_stop_shows_that_it_has_focus(served_site, laptop, path):
    page = laptop
    page.goto(served_site + path)
    looks = []
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        looks.append(page.evaluate(_FOCUS_LOOK))
    assert len(looks) >= 20
    assert [look for look in looks if look["focused"] == look["unfocused"]] == []


@pytest.mark.parametrize("path,to_lang,target", [("schedule/", "en", "en/schedule/"),
                                                 ("en/partners/", "pl", "partners/")])
def test_language_selector_is_reached_by_tab_and_used_by_keyboard(served_site, laptop, path, to_lang,
                                                                  target):
    page = laptop
    page.goto(served_site + path)
    for presses in range(1, 40):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.md-select')"):
            break
    else:
        pytest.fail("Tab never reaches the language selector")
    assert page.evaluate(_ACTIVE)["tag"] == "BUTTON" and page.evaluate(_ACTIVE)["label"]
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate(_ACTIVE)["hreflang"] == to_lang:
            break
    assert page.evaluate(_ACTIVE)["hreflang"] == to_lang
    # The list opens while focus is inside it (Material: .md-select:focus-within).
    page.wait_for_function("() => getComputedStyle(document.activeElement.closest('.md-select__inner')).opacity === '1'")
    page.keyboard.press("Enter")
    page.wait_for_url(served_site + target)
    assert page.evaluate("document.documentElement.lang") == to_lang
