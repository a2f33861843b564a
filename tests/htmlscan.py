"""A tiny HTML reader for tests: tags with attributes, text, and the <html lang>.

The standard library's parser is enough to assert on built pages without a
browser; browser behaviour is tested separately with Playwright.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

__all__ = ["Page", "parse_page"]


@dataclass
class Page:
    """What a test needs to know about one built HTML file."""

    path: Path
    lang: str = ""
    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    text: str = ""
    title: str = ""

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        """Return the attributes of every ``tag`` whose attributes include ``attrs``."""
        return [a for t, a in self.tags if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]


class _Collector(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.parts: list[str] = []
        self.skip = 0
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        values = {k: (v or "") for k, v in attrs}
        self.page.tags.append((tag, values))
        if tag == "html":
            self.page.lang = values.get("lang", "")
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "title":
            self.in_title = True

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.page.title += data
        if not self.skip:
            self.parts.append(data)


def parse_page(path: Path) -> Page:
    """Parse a built HTML file."""
    page = Page(path)
    collector = _Collector(page)
    collector.feed(path.read_text(encoding="utf-8"))
    # Fold only ASCII white space: U+00A0 is part of what readers see ("728 752,08 zł").
    page.text = re.sub(r"[ \t\n\r\f]+", " ", " ".join(collector.parts)).strip()
    return page
