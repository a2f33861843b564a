"""Markers become their blocks: every marker the check accepts shows the block its name says."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from microsite.markers import BLOCKS
from microsite.render import html
from microsite.render.blocks import BlockError, render_blocks

NOW = datetime.fromisoformat("2019-03-01T12:00:00+00:00")


def _ctx(site):
    return html.PageContext(site, "pl", "strona/", "https://example.org/", NOW)


def _render(site, markdown: str) -> str:
    return render_blocks(markdown, _ctx(site), page="pl/strona.md", events={e.id: e for e in site.events},
                         news=(), has_feed=False)


# What each marker shows, as the editors' reference names it (docs/editors/reference.en.md, "Blocks").
SHOWS = {
    "project-card": html.render_project_card,
    "upcoming": html.render_upcoming,
    "schedule": html.render_schedule,
    "partners": html.render_partners,
    "results": html.render_results,
    "documents": html.render_documents,
    "contact": html.render_contact,
    "news": lambda ctx: html.render_news(ctx, (), feed=False),
}


def test_the_table_covers_every_marker_the_check_accepts() -> None:
    assert set(SHOWS) | {"event"} == set(BLOCKS)


@pytest.mark.parametrize("name", sorted(SHOWS))
def test_a_marker_shows_its_block_as_a_paragraph_of_its_own(site, name) -> None:
    page = f"Przed.\n<!-- microsite:{name} -->\nPo."
    assert _render(site, page) == f"Przed.\n\n\n{SHOWS[name](_ctx(site))}\n\n\nPo."


def test_an_event_marker_shows_that_event(site) -> None:
    event = next(e for e in site.events if e.id == "wizyta-studyjna-2018")
    assert _render(site, "<!-- microsite:event wizyta-studyjna-2018 -->") == (
        "\n\n" + html.render_event_page(_ctx(site), event) + "\n\n")


def test_a_page_without_markers_is_left_as_it_is(site) -> None:
    text = "# Tytuł\n\n<!-- zwykły komentarz -->\nmicrosite bez dwukropka"
    assert _render(site, text) is text


@pytest.mark.parametrize(("marker", "words"), [
    ("<!-- microsite:shedule -->", "did you mean 'schedule'?"),
    ("<!-- microsite:event nie-ma-takiego -->", "which is not in data/events.yaml"),
    ("<!-- microsite:partners krosno -->", "takes no id"),
])
def test_a_marker_the_check_refuses_stops_the_page_naming_it(site, marker, words) -> None:
    with pytest.raises(BlockError) as raised:
        _render(site, f"Tekst\n{marker}\n")
    assert str(raised.value).startswith("pl/strona.md: ") and words in str(raised.value)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_editors_reference_lists_every_block(lang) -> None:
    reference = (Path(__file__).parents[2] / "docs" / "editors" / f"reference.{lang}.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `<!-- microsite:([a-z-]+)(?: <id>)? -->` \|", reference, re.MULTILINE))
    assert listed == set(BLOCKS)


def test_the_sitemap_knows_the_data_files_of_every_block() -> None:
    """A page's lastmod follows the data its blocks show: a new block must say which files it shows."""
    from microsite.sitemap import MARKER_SOURCES

    assert set(MARKER_SOURCES) | {"news", "event"} == set(BLOCKS)
