"""schema.org structured data of events and partners: what Google's Event documentation recommends beyond the
required name, startDate and location (organizer, description, image), and partners' logos.

Expectations are written by hand from the demo's data: its beneficiary (cds) is the organiser of events that
name none; its link-preview images are ``assets/og/<lang>.png``; a generated page's description is what the
page's ``<meta name="description">`` says (kind and title · day and time · place).
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

from microsite.render.html import PageContext, render_event_page, render_partners
from microsite.render.jsonld import to_jsonld_event
from sitefactory import SiteCopy

BASE = "https://example.org/project/"
NOW = datetime(2019, 3, 1, 12, tzinfo=timezone.utc)
CDS = "Centrum Doradztwa Strategicznego s.c. D. Bieńkowska, C. Ulasiński, J. Szymańska, M. Widuch"


def _jsonld(html: str):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_an_event_without_an_organiser_names_the_beneficiary_and_has_a_description_and_an_image(site):
    event = next(e for e in site.events if e.id == "dyzur-krosno-2019-03-27")
    assert event.organiser is None and event.description is None
    ctx = PageContext(site, "pl", f"schedule/{event.id}/", BASE, NOW, image="assets/og/pl.png")
    data = _jsonld(render_event_page(ctx, event))
    assert data["organizer"] == {"@type": "Organization", "name": CDS, "url": "https://www.cds.krakow.pl"}
    assert data["description"] == ("Dyżur informacyjny w Krośnie · 27 marca 2019, 15:00 · "
                                   "Centrum Wspierania Organizacji Pozarządowych, Krosno")
    assert data["image"] == BASE + "assets/og/pl.png"
    assert data["url"] == BASE + f"schedule/{event.id}/"


def test_an_event_shown_on_an_editors_page_is_published_there_only(site):
    visit = next(e for e in site.events if e.id == "wizyta-studyjna-2018")
    homes = {visit.id: "en/study-visit-2018/"}
    generated = PageContext(site, "en", f"en/schedule/{visit.id}/", BASE, NOW, event_homes=homes)
    assert "application/ld+json" not in render_event_page(generated, visit)
    editors = PageContext(site, "en", "en/study-visit-2018/", BASE, NOW, event_homes=homes)
    assert _jsonld(render_event_page(editors, visit))["url"] == BASE + "en/study-visit-2018/"


def test_a_language_without_a_preview_image_gives_events_none(site):
    event = site.events[0]
    data = _jsonld(render_event_page(PageContext(site, "en", "en/x/", BASE, NOW), event))
    assert "image" not in data


def test_partners_carry_their_logo_as_an_absolute_address_and_a_postal_address(demo: SiteCopy):
    demo.add_file("assets/logos/cds.svg", b"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'/>")
    demo.insert_after("partners.yaml", "    website: https://www.cds.krakow.pl",
                      "    logo: assets/logos/cds.svg\n    logo_alt: {pl: Logo CDS, en: CDS logo}")
    site, problems = demo.load()
    assert site is not None, problems
    data = _jsonld(render_partners(PageContext(site, "en", "en/partners/", BASE, NOW)))
    by_name = {item["name"]: item for item in data}
    assert by_name[CDS]["logo"] == BASE + "assets/logos/cds.svg"
    assert all("logo" not in item for name, item in by_name.items() if name != CDS)  # no logo, no claim
    # schema.org/Organization: address is a PostalAddress (the country as its ISO code, the town when given).
    assert by_name[CDS]["address"] == {"@type": "PostalAddress", "addressCountry": "PL", "addressLocality": "Kraków"}
    assert by_name["Community Organisers Ltd."]["address"] == {"@type": "PostalAddress", "addressCountry": "GB"}
    assert all(item["@context"] == "https://schema.org" for item in data)


def test_a_partner_s_address_names_its_city(site):
    # schema.org PostalAddress: addressLocality is the city; the demo's partners.yaml says cds is in Kraków, PL.
    data = _jsonld(render_partners(PageContext(site, "pl", "partners/", BASE, NOW)))
    by_name = {item["name"]: item for item in data}
    assert by_name[CDS]["address"] == {"@type": "PostalAddress", "addressCountry": "PL", "addressLocality": "Kraków"}


HYBRID = """
  - id: warsztaty-hybrydowe-2019-05-14
    kind: workshop
    title: {pl: Warsztaty hybrydowe, en: Hybrid workshop}
    description: {pl: Warsztaty na miejscu i w sieci., en: A workshop on site and online.}
    start: 2019-05-14 10:00
    end: 2019-05-14 14:00
    venue: cwop-krosno
    online_url: https://meet.example.org/warsztaty
    sessions:
      - id: czesc-pierwsza
        start: 2019-05-14 10:00
        end: 2019-05-14 12:00
        venue: rckp-krosno
        title: {pl: Część pierwsza, en: Part one}
      - id: czesc-druga
        start: 2019-05-14 12:30
        end: 2019-05-14 14:00
        title: {pl: Część druga, en: Part two}
"""


def test_a_hybrid_event_with_sessions_is_the_schema_org_event_written_by_hand(demo: SiteCopy):
    """schema.org/Event: endDate; a VirtualLocation (the online room) beside the Place; its own description;
    each session a subEvent of @type Event with the Place it is held at (none when it has no venue of its own)."""
    demo.append("events.yaml", HYBRID)
    site, problems = demo.load()
    assert problems == []
    event = next(e for e in site.events if e.id == "warsztaty-hybrydowe-2019-05-14")
    data = to_jsonld_event(event, "en", url=BASE + "en/schedule/x/", description="what the page says")
    cwop = {"@type": "Place", "name": "Centrum Wspierania Organizacji Pozarządowych",
            "address": {"@type": "PostalAddress", "addressLocality": "Krosno", "addressCountry": "PL",
                        "streetAddress": "ul. Grodzka 10"}}
    rckp = {"@type": "Place", "name": "Regionalne Centrum Kultur Pogranicza",
            "address": {"@type": "PostalAddress", "addressLocality": "Krosno", "addressCountry": "PL",
                        "streetAddress": "ul. Kolejowa 1"}}
    assert data["startDate"] == "2019-05-14T10:00:00+02:00" and data["endDate"] == "2019-05-14T14:00:00+02:00"
    # Every place the event is held at: its own venue, then its sessions' venues.
    assert data["location"] == [{"@type": "VirtualLocation", "url": "https://meet.example.org/warsztaty"}, cwop, rckp]
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["description"] == "A workshop on site and online."
    assert data["subEvent"] == [
        {"@type": "Event", "name": "Part one", "startDate": "2019-05-14T10:00:00+02:00",
         "endDate": "2019-05-14T12:00:00+02:00", "location": rckp},
        {"@type": "Event", "name": "Part two", "startDate": "2019-05-14T12:30:00+02:00",
         "endDate": "2019-05-14T14:00:00+02:00"},
    ]


ONLINE_AT_A_MAPPED_VENUE = """
  - id: sala-z-mapa
    name: Sala z mapą
    street: ul. Testowa 1
    postal_code: 38-400
    city: Krosno
    country: PL
    latitude: 49.6887
    longitude: 21.7706
"""

ONLINE_ONLY = """
  - id: spotkanie-w-sieci-2019-05-20
    kind: information_meeting
    title: {pl: Spotkanie w sieci, en: Online meeting}
    description: {pl: Spotkanie przez internet., en: A meeting over the internet.}
    start: 2019-05-20 18:00
    end: 2019-05-20 19:00
    online_url: https://meet.example.org/spotkanie
  - id: warsztaty-przy-mapie-2019-05-21
    kind: workshop
    title: {pl: Warsztaty przy mapie, en: Map workshop}
    description: {pl: Warsztaty., en: A workshop.}
    start: 2019-05-21 10:00
    end: 2019-05-21 12:00
    venue: sala-z-mapa
"""


def test_an_online_event_and_a_venue_with_postal_code_and_coordinates_are_the_schema_org_event_written_by_hand(
        demo: SiteCopy):
    """schema.org/Event with eventAttendanceMode OnlineEventAttendanceMode and a VirtualLocation when it is held
    online only; a Place's PostalAddress carries postalCode and its geo GeoCoordinates (schema.org/Place)."""
    demo.append("venues.yaml", ONLINE_AT_A_MAPPED_VENUE)
    demo.append("events.yaml", ONLINE_ONLY)
    site, problems = demo.load()
    assert problems == []
    by_id = {e.id: e for e in site.events}
    online = to_jsonld_event(by_id["spotkanie-w-sieci-2019-05-20"], "en", url=BASE + "en/schedule/a/")
    assert online == {
        "@context": "https://schema.org", "@type": "Event", "name": "Online meeting",
        "startDate": "2019-05-20T18:00:00+02:00", "endDate": "2019-05-20T19:00:00+02:00",
        "eventStatus": "https://schema.org/EventScheduled", "inLanguage": "en", "url": BASE + "en/schedule/a/",
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "location": {"@type": "VirtualLocation", "url": "https://meet.example.org/spotkanie"},
        "description": "A meeting over the internet.",
    }
    mapped = to_jsonld_event(by_id["warsztaty-przy-mapie-2019-05-21"], "pl", url=BASE + "schedule/b/")
    assert mapped["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert mapped["location"] == {
        "@type": "Place", "name": "Sala z mapą",
        "address": {"@type": "PostalAddress", "streetAddress": "ul. Testowa 1", "postalCode": "38-400",
                    "addressLocality": "Krosno", "addressCountry": "PL"},
        "geo": {"@type": "GeoCoordinates", "latitude": 49.6887, "longitude": 21.7706},
    }
