"""The link-preview images: drawn by scripts/og_images.py in Chromium, one per language, 1200×630."""

from __future__ import annotations

import importlib.util
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest_site import DEMO, REPO

SCRIPT = REPO / "scripts" / "og_images.py"


@pytest.fixture(scope="module")
def og_images():
    spec = importlib.util.spec_from_file_location("og_images", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    return struct.unpack(">II", data[16:24])


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_card_says_the_name_title_and_funding_in_its_language(og_images, site, lang):
    html = og_images.card_html(site, lang, REPO / "overrides")
    parser = _Text()
    parser.feed(html)
    text = " ".join(" ".join(parser.text).split())
    for expected in (site.project.short_name.in_(lang), site.project.title.in_(lang),
                     site.project.funding.statement.in_(lang)):
        assert expected in text
    assert f'<html lang="{lang}">' in html and "http" not in html.replace("http://www.w3.org", "")


def test_the_script_draws_a_1200_by_630_png_per_language(og_images, browser, tmp_path):
    written = og_images.render_cards(DEMO, tmp_path, browser=browser)
    assert sorted(p.name for p in written) == ["en.png", "pl.png"]
    for path in written:
        assert png_size(path) == (1200, 630)
        assert png_size(DEMO / "content" / "assets" / "og" / path.name) == (1200, 630)
    assert written[0].read_bytes() != written[1].read_bytes()  # each in its own language
