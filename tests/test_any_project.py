"""Any funded project by data alone: other funders, currencies, languages, vocabularies, and none of it yet.

Each fixture is a project an NGO could really run, written as its editors would:

- ``uk-fund``: a UK government fund (its own logo and words for its grant), pounds, English first, with
  Polish and Ukrainian, its own event kinds (a launch, thematic walks and field games in one calendar),
  its own partner role and result unit, no end date;
- ``eea-new``: EEA Grants only, just started: no amounts made public, no dates, no partners, no events;
- ``eea-project`` and ``demo`` (tested in their own files) complete the set.

Expected words come from the funders' texts as written in the fixtures, from CLDR (dates, money, plural
categories) and from the languages' grammar, never from the code under test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest_site import FIXTURES, build_demo, project_copy
from htmlscan import parse_page
from microsite.check import check_project
from site_invariants import assert_site_invariants

NBSP = "\u00a0"
UK_BASE = "https://neighbours-walks.test/"
EEA_BASE = "https://zielone-podworka.test/"


def _build(tmp_path_factory, fixture: str, now: str, base: str) -> tuple[Path, Path]:
    root = project_copy(tmp_path_factory.mktemp(fixture) / "project", FIXTURES / fixture)
    return root, build_demo(root.parent / "site", root=root, now=now, base_url=base)


@pytest.fixture(scope="module")
def uk(tmp_path_factory) -> tuple[Path, Path]:
    return _build(tmp_path_factory, "uk-fund", "2025-04-01T12:00:00Z", UK_BASE)


@pytest.fixture(scope="module")
def new(tmp_path_factory) -> tuple[Path, Path]:
    return _build(tmp_path_factory, "eea-new", "2025-04-01T12:00:00Z", EEA_BASE)


@pytest.mark.parametrize("fixture", ["demo", "eea-project", "uk-fund", "eea-new"])
def test_every_fixture_holds_the_invariants_of_any_project(fixture, tmp_path):
    root = project_copy(tmp_path / "project", FIXTURES / fixture)
    site = build_demo(tmp_path / "site", root=root, now="2025-04-01T12:00:00Z", base_url="https://fixture.test/")
    assert_site_invariants(root, site, base_url="https://fixture.test/", scratch=tmp_path / "feeds")


# --- a UK fund, three languages, a vocabulary of its own ----------------------------------------------------

def test_three_languages_each_with_its_pages_switcher_search_404_and_calendars(uk):
    _, site = uk
    home = {lang: parse_page(site / prefix / "index.html") for lang, prefix in (("en", ""), ("pl", "pl"), ("uk", "uk"))}
    assert {lang: page.lang for lang, page in home.items()} == {"en": "en", "pl": "pl", "uk": "uk"}
    links = {a["hreflang"]: a["href"] for a in home["uk"].find("link", rel="alternate") if a.get("hreflang")}
    assert links == {"en": UK_BASE, "pl": UK_BASE + "pl/", "uk": UK_BASE + "uk/", "x-default": UK_BASE}
    assert "Українська" in home["en"].text and "Polski" in home["en"].text  # the language switcher
    assert parse_page(site / "uk" / "404.html").lang == "uk" and "Сторінку не знайдено" in \
        parse_page(site / "uk" / "404.html").text
    index = json.loads((site / "uk" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("Сусідські прогулянки" in doc["title"] for doc in index["docs"])
    assert not any("Sąsiedzkie" in doc["title"] for doc in index["docs"])
    calendar = (site / "feeds" / "uk" / "all.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "SUMMARY:Відкриття прогулянок" in calendar and "X-WR-CALNAME:Сусідські прогулянки – усі заходи" in calendar


def test_the_facts_card_names_the_funders_share_in_its_own_words(uk):
    _, site = uk
    en = parse_page(site / "index.html").text
    pl = parse_page(site / "pl" / "index.html").text
    assert "Funder UK Government" in en and "UK Shared Prosperity Fund grant £36,000.00" in en
    assert "Total value £48,000.00" in en and "Share of the total value 75%" in en  # 36,000 of 48,000
    assert "Project period from 1 April 2025" in en  # no end date is known
    assert f"Dotacja z UK Shared Prosperity Fund 36{NBSP}000,00{NBSP}GBP" in pl
    for page in (en, pl):
        assert "EU contribution" not in page and "Wkład Unii Europejskiej" not in page and "Unia Europejska" not in page


def test_the_strip_is_the_funders_own_logo_and_statement(uk):
    _, site = uk
    page = parse_page(site / "uk" / "schedule" / "index.html")
    signs = [a for a in page.find("li") if "ms-sign " in a.get("class", "")]
    assert [s["class"] for s in signs] == ["ms-sign ms-sign--funder"]
    (img,) = [a for a in page.find("img") if "funded-by-uk-government.svg" in a.get("src", "")]
    assert img["src"] == "../../assets/funding/funded-by-uk-government.svg"
    assert "Проєкт частково фінансується урядом Сполученого Королівства через UK Shared Prosperity Fund." in page.text


def test_its_own_event_kinds_filter_and_calendars(uk):
    _, site = uk
    schedule = parse_page(site / "schedule" / "index.html")
    options = [a.get("value") for a in schedule.find("option") if a.get("value")]
    assert {"launch", "thematic-walk", "field-game"} <= set(options)
    assert "Thematic walk" in schedule.text and "Field game" in schedule.text
    feeds = sorted(p.name for p in (site / "feeds" / "en").glob("*.ics"))
    assert feeds == ["all.ics", "launch.ics", "walks.ics"]  # built-in calendars with no event are not published
    walks = (site / "feeds" / "en" / "walks.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert walks.count("BEGIN:VEVENT") == 5  # four weekly walks and the treasure hunt
    assert "X-WR-CALNAME:Neighbours' Walks – walks and games" in walks
    assert "walks and games" in schedule.text and "Launch" in schedule.text


def test_its_own_unit_and_role_counted_in_every_language(uk):
    _, site = uk
    # Hand-made from each language's grammar: 5 → en "estates", pl "osiedli" (many), uk "житлових масивів" (many).
    assert f"Estates visited: 5{NBSP}estates" in parse_page(site / "index.html").text
    assert f"Odwiedzone osiedla: 5{NBSP}osiedli" in parse_page(site / "pl" / "index.html").text
    assert f"Відвідані житлові масиви: 5{NBSP}житлових масивів" in parse_page(site / "uk" / "index.html").text
    assert f"21 of 22{NBSP}people achieved" in parse_page(site / "index.html").text
    assert "Delivery partner" in parse_page(site / "partners" / "index.html").text
    assert "Партнер-виконавець" in parse_page(site / "uk" / "partners" / "index.html").text


def test_ukrainian_counts_use_its_plural_forms(uk):
    _, site = uk
    text = parse_page(site / "uk" / "schedule" / "index.html").text
    assert f"усі заходи (6{NBSP}заходів)" in text  # 6: many
    assert f"прогулянки та ігри (5{NBSP}заходів)" in text
    assert f"Відкриття (1{NBSP}захід)" in text  # 1: one


# --- just started: nothing known yet ---------------------------------------------------------------------------

def test_a_new_project_states_only_what_it_knows(new):
    root, site = new
    assert [str(p) for p in check_project(root) if p.is_error] == []
    card = parse_page(site / "index.html").text
    assert "Tytuł projektu Zielone Podwórka – sąsiedzi zazieleniają swoje podwórka" in card
    for absent in ("Wartość projektu", "Okres realizacji", "Beneficjent", "Dofinansowanie", "Poziom dofinansowania",
                   "0,00", "0%", "Region", "Program"):
        assert absent not in card, absent


def test_with_no_events_one_sentence_and_no_calendars(new):
    _, site = new
    schedule = parse_page(site / "schedule" / "index.html")
    assert "Nie ogłosiliśmy jeszcze żadnych wydarzeń." in schedule.text
    assert schedule.find("form", class_="ms-filters") == [] and schedule.find("select") == []
    assert "Kalendarze do subskrypcji" not in schedule.text and "Subskrybuj" not in schedule.text
    assert "No events have been announced yet." in parse_page(site / "en" / "schedule" / "index.html").text
    home = parse_page(site / "index.html")
    assert "Nie ogłosiliśmy jeszcze żadnych wydarzeń." in home.text and "kalendarze" not in home.text.lower()
    assert not list(site.rglob("*.ics"))
    assert not (site / "partners").exists()  # no partners: no partners page


def test_eea_grants_alone_is_one_sign_with_its_official_file(new):
    root, site = new
    page = parse_page(site / "en" / "index.html")
    signs = [a["class"] for a in page.find("li") if "ms-sign " in a.get("class", "")]
    assert signs == ["ms-sign ms-sign--eea-grants"]  # not the Norway Grants sign as well
    assert "EEA Grants" in page.text and "Norway Grants" not in page.text
    assert any(a.get("src", "").endswith("assets/funding/eea-grants-official.svg") for a in page.find("img"))
    assert not [p for p in check_project(root) if "placeholder" in p.message]



def test_with_no_events_the_schedule_promises_no_calendar_in_its_description(new):
    _, site = new
    description = next(a["content"] for a in parse_page(site / "en" / "schedule" / "index.html").find("meta")
                       if a.get("name") == "description")
    assert description == "Dates and places of the events of Green Backyards, as soon as they are announced."


def test_one_mistake_in_project_yaml_gives_one_error_and_no_guesses(tmp_path):
    """An English-and-Ukrainian project abroad with a typo: nothing is judged as if it were Polish or in Warsaw."""
    root = project_copy(tmp_path / "uk", FIXTURES / "uk-fund")
    project = root / "data" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("  kind: other", "  kind: [other]"),
                       encoding="utf-8")
    errors = [p for p in check_project(root) if p.is_error]
    assert [(p.location.file, p.field) for p in errors] == [("data/project.yaml", "funding.kind")], errors
    project.write_text(project.read_text(encoding="utf-8").replace("title:\n", "title: [oops\n"), encoding="utf-8")
    errors = [p for p in check_project(root) if p.is_error]
    assert [p.location.file for p in errors] == ["data/project.yaml"], errors  # the YAML mistake alone


def test_the_languages_must_be_given(tmp_path):
    root = project_copy(tmp_path / "new", FIXTURES / "eea-new")
    project = root / "data" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("languages: [pl, en]\n", ""), encoding="utf-8")
    errors = [p for p in check_project(root) if p.is_error]
    assert [(p.field, p.message) for p in errors] == [("languages", "the site's languages are not given")]


def test_empty_blocks_say_so_instead_of_showing_nothing(new):
    from microsite.load import load_site
    from microsite.render.html import PageContext, render_partners, render_results

    root, site = new
    loaded, _ = load_site(root)
    ctx = PageContext(loaded, "en", "about/", EEA_BASE, None)
    assert "The project&#39;s results will be shown here." in render_results(ctx)
    assert "The project&#39;s partners will be listed here." in render_partners(ctx)


def test_a_schedule_of_online_events_offers_no_town_filter(tmp_path):
    from datetime import datetime, timezone

    from microsite.load import load_site
    from microsite.render.html import PageContext, render_schedule

    root = project_copy(tmp_path / "new", FIXTURES / "eea-new")
    (root / "data" / "events.yaml").write_text(
        "events:\n  - id: webinar\n    kind: training\n    title: {pl: Webinarium, en: Webinar}\n"
        "    start: 2025-05-06 17:00\n    end: 2025-05-06 18:00\n    online_url: https://meet.example.org/x\n",
        encoding="utf-8")
    loaded, _ = load_site(root)
    html = render_schedule(PageContext(loaded, "en", "en/schedule/", EEA_BASE,
                                       datetime(2025, 4, 1, tzinfo=timezone.utc)))
    assert 'data-ms-filter="kind"' in html and 'data-ms-filter="city"' not in html
