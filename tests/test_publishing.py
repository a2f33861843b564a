"""Publishing: "Edit this page" links, the GitHub Actions workflow and the pre-commit hook.

The edit links are checked on the built demo: every page must open the file
that really holds its text (``content/en/…`` for an English page, the event's
own line of ``data/events.yaml`` for a page made from data), and nothing may
make Material call the GitHub API from a reader's browser.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest_site import ROOT, build_demo
from htmlscan import parse_page
from microsite.errors import Location
from microsite.load import load_site
from microsite.sitepages import data_edit_url
from sitefactory import SiteCopy

EDIT_BASE = "https://github.com/OWNER/REPO/edit/main/"
"""The placeholder in mkdocs.yml (adopters change it, CI overrides it)."""
LANGS = ("pl", "en")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("publish") / "site")


def _edit_link(page_file: Path) -> str | None:
    links = [a["href"] for a in parse_page(page_file).find("a", rel="edit")]
    assert len(links) <= 1, f"{page_file} has several edit links: {links}"
    return links[0] if links else None


def _editor_pages(lang: str) -> list[tuple[Path, str]]:
    """Return (built file, expected source under content/) of every page an editor wrote in ``lang``."""
    pages = []
    for md in sorted((ROOT / "content" / lang).rglob("*.md")):
        rel = md.relative_to(ROOT / "content" / lang).with_suffix("")
        url = rel.parent if rel.name == "index" else rel
        prefix = "" if lang == "pl" else f"{lang}/"
        folder = prefix + ("" if str(url) == "." else url.as_posix() + "/")
        pages.append((Path(folder) / "index.html", f"{lang}/{md.relative_to(ROOT / 'content' / lang).as_posix()}"))
    return pages


@pytest.mark.parametrize("lang", LANGS)
def test_editor_pages_link_to_their_own_file(built: Path, lang: str) -> None:
    pages = _editor_pages(lang)
    assert len(pages) >= 8
    for built_file, source in pages:
        link = _edit_link(built / built_file)
        assert link == f"{EDIT_BASE}content/{source}", f"{built_file}: edit link {link}"
        assert (ROOT / "content" / source).is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_event_pages_link_to_their_entry_in_events_yaml(built: Path, lang: str) -> None:
    site, _ = load_site(ROOT)
    lines = (ROOT / "data" / "events.yaml").read_text(encoding="utf-8").split("\n")
    assert site.events
    for event in site.events:
        prefix = "" if lang == "pl" else f"{lang}/"
        link = _edit_link(built / prefix / "schedule" / event.id / "index.html")
        match = re.fullmatch(re.escape(EDIT_BASE) + r"data/events\.yaml#L(\d+)", link or "")
        assert match, f"{event.id}: edit link {link}"
        line = lines[int(match.group(1)) - 1]
        assert re.fullmatch(rf"\s*- id: {re.escape(event.series or event.id)}\s*", line), (event.id, line)


def test_no_repository_widget_that_calls_the_github_api(built: Path) -> None:
    # Material fetches stars and forks from api.github.com (and caches them in sessionStorage)
    # whenever repo_url is set; the privacy policy promises no third-party requests.
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config.repo_url is None and config.edit_uri.startswith("https://")
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in text and "api.github.com" not in text, page


def test_edit_links_follow_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config import load_config

    monkeypatch.setenv("MICROSITE_EDIT_URI", "https://github.com/fundacja/strona/edit/trunk/content/")
    assert load_config(str(ROOT / "mkdocs.yml")).edit_uri == "https://github.com/fundacja/strona/edit/trunk/content/"


@pytest.mark.parametrize("edit_uri,content_dir,expected", [
    ("https://github.com/o/r/edit/main/content/", "content", "https://github.com/o/r/edit/main/data/events.yaml#L42"),
    ("https://github.com/o/r/edit/main/content", "content", "https://github.com/o/r/edit/main/data/events.yaml#L42"),
    ("https://gitlab.example/o/r/-/edit/main/site/src/", "site/src",
     "https://gitlab.example/o/r/-/edit/main/data/events.yaml#L42"),
])
def test_data_edit_url(edit_uri: str, content_dir: str, expected: str) -> None:
    assert data_edit_url(edit_uri, content_dir, Location("data/events.yaml", 42, 5)) == expected


def test_every_repetition_remembers_the_line_of_its_slot(demo: SiteCopy) -> None:
    with demo.path("events.yaml").open("a", encoding="utf-8") as f:
        f.write("\n  - id: dyzur-czwartki\n    kind: duty_hours\n    title:\n      pl: Dyżur\n      en: Duty hours\n"
                "    start: 2019-03-07 10:00\n    end: 2019-03-07 12:00\n    venue: cwop-krosno\n"
                "    repeat:\n      every: week\n      until: 2019-03-28\n")
    site, _ = load_site(demo.root)
    slot = [e for e in site.events if e.series == "dyzur-czwartki"]
    assert len(slot) == 4
    line = demo.line_of("events.yaml", "- id: dyzur-czwartki")
    assert {e.source for e in slot} == {Location("data/events.yaml", line, 5)}
