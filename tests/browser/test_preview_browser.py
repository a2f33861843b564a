"""The preview in Chromium: a saved mistake appears on the open page by itself, and goes when it is fixed.

MkDocs' live reload makes the open page reload after a rebuild; `mkdocs serve`
never got there while a file had an error (the rebuild failed, every request
waited). The preview reloads the page with the problem named on it, on the
first screen, in the page's language; fixing the file reloads it again without it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest_site import project_copy
from previewserver import PreviewServer

PANEL = "#microsite-preview-problems"


@pytest.fixture
def preview(tmp_path: Path):
    root = project_copy(tmp_path / "project")
    with PreviewServer(root, tmp_path / "preview.log") as server:
        yield server


@pytest.mark.parametrize("path, lang, heading", [("schedule/", "pl", "błąd"), ("en/schedule/", "en", "error")])
def test_an_open_page_shows_the_mistake_and_then_the_fix_by_itself(preview, laptop, path, lang, heading):
    events = preview.root / "data" / "events.yaml"
    good = events.read_text(encoding="utf-8")
    laptop.goto(preview.url + path)
    laptop.wait_for_function("window.performance.getEntriesByType('navigation').length > 0")
    assert laptop.locator(PANEL).count() == 0
    events.write_text(good.replace("end: 2019-03-27 19:00", "end: 2019-02-31 19:00"), encoding="utf-8")
    panel = laptop.wait_for_selector(PANEL, timeout=30_000)  # no reload by hand: the preview's own
    assert panel.get_attribute("lang") == lang and heading in panel.inner_text()
    assert "data/events.yaml:" in panel.inner_text() and "impossible date" in panel.inner_text()
    box = panel.bounding_box()
    assert box is not None and box["y"] < 768 and box["height"] > 40, "on the first screen"
    assert laptop.locator("h1").count() == 1, "the last version without errors is still below"
    events.write_text(good, encoding="utf-8")
    laptop.wait_for_selector(PANEL, state="detached", timeout=30_000)
    assert laptop.evaluate("document.documentElement.lang") == lang
