"""Text from data that looks like HTML is shown as text in every built output, never run."""

from __future__ import annotations


import pytest

from conftest_site import build_demo, project_copy

HOSTILE = '</title><script>alert(1)</script> **bold** <b>x</b> "quoted"'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("hostile"))
    events = root / "data" / "events.yaml"
    text = events.read_text(encoding="utf-8")
    text = text.replace("pl: Spotkanie informacyjne w Krośnie", f"pl: '{HOSTILE}'", 1)
    text = text.replace("en: Information meeting in Krosno", f"en: '{HOSTILE}'", 1)
    assert text.count(HOSTILE) == 2, "the injection was not applied: the demo's title changed"
    events.write_text(text, encoding="utf-8")
    return build_demo(root / "site", root=root)


def test_no_page_contains_the_injected_markup(hostile_site):
    pages = list(hostile_site.rglob("*.html"))
    # The injected title reached the pages (escaped): otherwise finding no markup would prove nothing.
    assert sum("&lt;script&gt;alert(1)" in path.read_text(encoding="utf-8") for path in pages) >= 2
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, path
        assert "<b>x</b>" not in html, path


def test_the_event_page_shows_the_title_as_text(hostile_site):
    page = (hostile_site / "en" / "schedule" / "spotkanie-informacyjne-krosno-2018-11-20" / "index.html")
    html = page.read_text(encoding="utf-8")
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; **bold** &lt;b&gt;x&lt;/b&gt;" in html
    assert "<strong>bold</strong>" not in html


def test_feeds_carry_the_title_as_plain_text(hostile_site):
    feed = (hostile_site / "feeds" / "pl" / "all.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "SUMMARY:</title><script>alert(1)</script> **bold** <b>x</b> \"quoted\"" in feed
