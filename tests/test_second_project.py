"""A different project — EEA and Norway Grants, euros, English default — from the same code."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest_site import build_demo, project_copy
from htmlscan import parse_page
from icalendar import Calendar

FIXTURE = Path(__file__).parent / "fixtures" / "eea-project"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = project_copy(tmp_path_factory.mktemp("eea"), FIXTURE)
    return build_demo(root / "site", root=root, now="2025-03-01T00:00:00Z", base_url="https://neighbours.example.org/")


def test_english_is_the_default_language_at_the_root(site):
    assert parse_page(site / "index.html").lang == "en"
    assert parse_page(site / "pl" / "index.html").lang == "pl"
    assert (site / "pl" / "404.html").exists() and parse_page(site / "404.html").lang == "en"
    links = {a["hreflang"]: a["href"] for a in parse_page(site / "index.html").find("link", rel="alternate")}
    assert links["x-default"] == links["en"] == "https://neighbours.example.org/"
    assert links["pl"] == "https://neighbours.example.org/pl/"


def test_project_card_in_euros_in_both_languages(site):
    en = parse_page(site / "index.html").text
    pl = parse_page(site / "pl" / "index.html").text
    assert "€1,500,000.00" in en and "€1,275,000.00" in en and "85%" in en
    assert f"1{NBSP}500{NBSP}000,00{NBSP}€" in pl and "Fundusze EOG i fundusze norweskie" in pl
    assert "15 January 2024 – 30 June 2025" in en and "15 stycznia 2024 – 30 czerwca 2025" in pl
    assert f"5 of 22{NBSP}people achieved" in en and f"Osiągnięto 5 z 22{NBSP}osoby" in pl
    progress = parse_page(site / "index.html").find("progress")
    assert [(p["max"], p["value"]) for p in progress] == [("22", "5")]


def test_funding_strip_follows_the_kind(site):
    page = parse_page(site / "pl" / "schedule" / "index.html")
    kinds = [a["class"] for a in page.find("li") if "ms-sign " in a.get("class", "")]
    # Funded by both: the one combined logo of the EEA and Norway Grants, not the two separate ones.
    assert kinds == ["ms-sign ms-sign--eea-norway-grants"]
    assert "Projekt korzysta z dofinansowania pochodzącego z Islandii" in page.text
    assert "Unia Europejska" not in page.text


def test_recurring_slot_pages_and_feed(site):
    occurrences = sorted(p.name for p in (site / "schedule").iterdir() if p.name.startswith("open-hours-"))
    assert occurrences == ["open-hours-2025-03-04", "open-hours-2025-03-11", "open-hours-2025-03-25",
                           "open-hours-2025-04-01", "open-hours-2025-04-08"]
    feed = Calendar.from_ical((site / "feeds" / "en" / "duty-hours.ics").read_bytes())
    events = {str(e["UID"]): e for e in feed.walk("VEVENT")}
    assert set(events) == {f"open-hours-2025-{d}@neighbours.example.org" for d in
                           ("03-04", "03-11", "03-25", "04-01", "04-08")}
    assert str(events["open-hours-2025-04-01@neighbours.example.org"]["STATUS"]) == "CANCELLED"
    # 10:00 local on both sides of the 30 March DST change
    assert events["open-hours-2025-03-25@neighbours.example.org"].decoded("DTSTART").hour == 10
    assert events["open-hours-2025-04-08@neighbours.example.org"].decoded("DTSTART").hour == 10
    assert events["open-hours-2025-04-08@neighbours.example.org"].decoded("DTSTART").utcoffset().seconds == 7200


def test_event_abroad_shows_its_own_zone_and_country(site):
    page = parse_page(site / "pl" / "schedule" / "oslo-workshop" / "index.html").text
    assert "Norwegia" in page and "09:00–15:00" in page and "czas lokalny" in page


def test_documents_list_type_language_and_measured_size(site):
    size = (FIXTURE / "content" / "files" / "programme-2025.pdf").stat().st_size
    en = parse_page(site / "documents" / "index.html")
    pl = parse_page(site / "pl" / "documents" / "index.html")
    assert "Workshop programme 2025 (PDF, 1 KB, English, 10 February 2025)" in en.text
    assert "Program warsztatów 2025 (PDF, 1 KB, angielski, 10 lutego 2025)" in pl.text
    (link,) = [a for a in en.find("a", hreflang="en") if "download" in a]
    assert link["href"] == "../files/programme-2025.pdf" and "download" in link
    assert (site / "files" / "programme-2025.pdf").stat().st_size == size


def test_partners_with_logo_alt_text_country_and_jsonld(site):
    import json
    import re

    # The role is the project's own (data/vocabulary.yaml), the country's name CLDR's.
    for lang, alt, country, role in (("en", "Nabolag logo", "Norway", "Donor-state partner"),
                                     ("pl", "Logo organizacji Nabolag", "Norwegia", "Partner z państwa-darczyńcy")):
        path = site / ("" if lang == "en" else "pl") / "partners" / "index.html"
        page = parse_page(path)
        (img,) = page.find("img", class_="ms-partner__logo")
        assert img["alt"] == alt
        assert f"{role} · Oslo, {country}" in page.text
        html = path.read_text(encoding="utf-8")
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        assert [d["@type"] for d in data] == ["Organization", "Organization"]
        assert data[1]["url"] == "https://nabolag.example.org" and data[1]["address"]["addressCountry"] == "NO"
