"""Slips and tricks the check used to accept, and hints that used to say the wrong thing.

Each test plants one thing from the issue in a copy of the demo: an address that
shows one site and leads to another, a year typo, a malformed e-mail or phone
number, an event id that takes another page's place, a Polish status word, a
deleted file that the other files refer to. The expected words come from the
issue's own examples and from what a reader or an editor needs to be told.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest_site import DEMO
from microsite.check import check_project
from microsite.fields import MAX_ID_LENGTH
from microsite.load import load_site
from microsite.render.html import PageContext, render_contact
from sitefactory import SiteCopy, assert_problem, only

EVENTS = "data/events.yaml"
PROJECT = "data/project.yaml"
PARTNERS = "data/partners.yaml"


# --- addresses ---------------------------------------------------------------------------------


def _website(demo: SiteCopy, url: str) -> int:
    return demo.replace("partners.yaml", "website: https://www.cds.krakow.pl", f"website: {url}")


def test_an_address_with_a_user_name_is_refused(demo: SiteCopy) -> None:
    line = _website(demo, "https://www.cds.krakow.pl@evil.example/")
    assert_problem(only(demo.check()), file=PARTNERS, line=line, message=("leads to 'evil.example'", "user name"),
                   fix=("without 'www.cds.krakow.pl@'",))


def test_an_address_with_two_user_names_is_told_to_drop_everything_before_the_last_at(demo: SiteCopy) -> None:
    # A browser goes to the host after the last '@' (RFC 3986: userinfo may not hold '@', so the last one ends it):
    # the fix must remove both names, or the address still leads to evil.example.
    line = _website(demo, "https://cds@www.cds.krakow.pl@evil.example/")
    problem = only(demo.check())
    assert_problem(problem, file=PARTNERS, line=line, message=("leads to 'evil.example'", "user name"))
    assert problem.fix == "write the address without 'cds@www.cds.krakow.pl@'"


def test_an_unencrypted_address_is_a_warning(demo: SiteCopy) -> None:
    line = _website(demo, "http://www.cds.krakow.pl")
    assert_problem(only(demo.check(), "warning"), file=PARTNERS, line=line, message=("http://",),
                   fix=("'https://www.cds.krakow.pl'",), severity="warning")


@pytest.mark.parametrize("url", ["https://-cds-.pl/", "https://cds_krakow.pl/", "https://cds..pl/"])
def test_an_address_whose_site_name_is_impossible_is_refused(demo: SiteCopy, url: str) -> None:
    _website(demo, url)
    assert "not a valid site name" in only(demo.check()).message


@pytest.mark.parametrize("url", ["https://www.cds.krakow.pl/o-nas?x=1#kontakt", "https://żółw.pl/",
                                 "https://www.cds.krakow.pl:8443/", "https://192.0.2.10/"])
def test_ordinary_addresses_are_accepted(demo: SiteCopy, url: str) -> None:
    _website(demo, url)
    assert demo.check() == []


# --- contact: e-mail and phone, checked and shown -----------------------------------------------


@pytest.mark.parametrize("email", ["cds@cds,krakow.pl", "cds.krakow.pl", "cds@@cds.krakow.pl", "cds@krakow",
                                   "c ds@cds.krakow.pl"])
def test_a_malformed_e_mail_is_refused(demo: SiteCopy, email: str) -> None:
    line = demo.replace("project.yaml", "email: cds@cds.krakow.pl", f"email: '{email}'")
    assert_problem(only(demo.check()), file=PROJECT, line=line, field="contact.email",
                   message=("not an e-mail address",), fix=("name@domain",))


@pytest.mark.parametrize("phone, link", [('"+48 12 623 77 40"', "tel:+48126237740"),
                                         ("12 623 77 40", "tel:+48126237740"),  # the project's country: Poland
                                         ("(12) 623-77-40", "tel:+48126237740"),
                                         ('"+44 161 123 4567"', "tel:+441611234567")])
def test_a_phone_number_is_read_as_dialled(demo: SiteCopy, phone: str, link: str) -> None:
    demo.replace("project.yaml", 'phone: "+48 12 623 77 40"', f"phone: {phone}")
    site, problems = demo.load()
    assert problems == [] and site.project.contact.phone_uri == link


@pytest.mark.parametrize("phone", ["123", "+48 12 623", "tel. 12 623 77 40 lub 41", "+99 123 456 789"])
def test_something_that_is_not_a_phone_number_is_refused(demo: SiteCopy, phone: str) -> None:
    line = demo.replace("project.yaml", 'phone: "+48 12 623 77 40"', f"phone: '{phone}'")
    assert_problem(only(demo.check()), file=PROJECT, line=line, field="contact.phone",
                   message=("not a phone number",), fix=("country code",))
    # phonenumbers reads an extension written after ' ext. ' (its own examples write it so).
    assert only(demo.check()).fix == ("write the number with its country code, e.g. '+48 12 623 77 40' "
                                      "(an extension after ' ext. ')")


def test_a_contact_may_leave_out_its_phone_and_email(demo: SiteCopy) -> None:
    demo.replace("project.yaml", '  phone: "+48 12 623 77 40"\n  email: cds@cds.krakow.pl\n', "")
    site, problems = demo.load()
    assert problems == [] and site.project.contact.phone is None and site.project.contact.email is None


def test_a_contact_needs_only_its_name(demo: SiteCopy) -> None:
    # The editors' reference: "when there is a contact, its name is required"; address, phone, e-mail and
    # people are all marked "no".
    demo.replace("project.yaml",
                 "  people: Dagmara Bieńkowska, Cezary Ulasiński, Justyna Szymańska, Magdalena Widuch\n"
                 "  address: ul. Włóczków 22/3, 30-103 Kraków\n"
                 '  phone: "+48 12 623 77 40"\n  email: cds@cds.krakow.pl\n', "")
    site, problems = demo.load()
    contact = site.project.contact
    assert problems == [] and contact.name.in_("pl") == "Centrum Doradztwa Strategicznego s.c."
    assert (contact.address, contact.phone, contact.email, contact.people) == (None, None, None, None)


def test_an_email_address_at_a_test_domain_is_accepted(demo: SiteCopy) -> None:
    # .test is reserved for testing (RFC 6761 §6.2): a trial site may use it without a real domain.
    demo.replace("project.yaml", "email: cds@cds.krakow.pl", "email: biuro@fundacja.test")
    site, problems = demo.load()
    assert problems == [] and site.project.contact.email == "biuro@fundacja.test"


def _context(site, lang: str) -> PageContext:
    return PageContext(site, lang, "contact/" if lang == "pl" else f"{lang}/contact/", "https://example.test/",
                       datetime(2019, 3, 1, tzinfo=timezone.utc))


def test_the_contact_block_shows_the_project_s_contact_with_links() -> None:
    site, _ = load_site(DEMO)
    html = render_contact(_context(site, "pl"))
    assert "<strong>Centrum Doradztwa Strategicznego s.c.</strong>" in html
    assert 'Telefon: <a href="tel:+48126237740">+48 12 623 77 40</a>' in html
    assert 'E-mail: <a href="mailto:cds@cds.krakow.pl">cds@cds.krakow.pl</a>' in html
    assert "Adres: ul. Włóczków 22/3, 30-103 Kraków" in html
    assert "Phone: <a" in render_contact(_context(site, "en"))


def test_the_demo_contact_page_shows_the_contact_block(tmp_path: Path) -> None:
    text = (DEMO / "content" / "pl" / "contact.md").read_text(encoding="utf-8")
    assert "<!-- microsite:contact -->" in text


def test_a_contact_marker_without_a_contact_is_refused(demo: SiteCopy) -> None:
    text = demo.read("project.yaml")
    start = text.index("contact:")
    demo.write("project.yaml", text[:start] + text[text.index("funding:"):])
    problems = [p for p in check_project(demo.root) if p.is_error]
    assert {p.location.file for p in problems} == {"content/pl/contact.md", "content/en/contact.md"}, problems
    assert all("gives none" in p.message and "contact:" in p.fix for p in problems)


# --- dates: a year typo is a warning -------------------------------------------------------------


def test_an_event_outside_the_project_s_period_is_a_warning(demo: SiteCopy) -> None:
    line = demo.replace("events.yaml", "start: 2019-03-27 15:00", "start: 2091-03-27 15:00")
    demo.replace("events.yaml", "end: 2019-03-27 19:00", "end: 2091-03-27 19:00")
    assert_problem(only(demo.check(), "warning"), file=EVENTS, line=line, message=("2091-03-27", "outside",
                                                                                   "2018-09-03 – 2020-12-31"),
                   fix=("check the year",), severity="warning")


def test_a_repetition_beyond_the_project_s_end_is_a_warning(demo: SiteCopy) -> None:
    demo.append("events.yaml", """
  - id: dyzur-test
    kind: duty_hours
    title: {pl: Dyżur, en: Duty hours}
    start: 2020-12-01 10:00
    end: 2020-12-01 12:00
    venue: cwop-krosno
    repeat:
      every: week
      until: 2021-01-26
""")
    problem = only(demo.check(), "warning")
    assert problem.field.endswith(".repeat.until") and "2021-01-26" in problem.message


# --- ids that take another page's place ------------------------------------------------------------


def test_an_event_called_index_is_refused(demo: SiteCopy) -> None:
    line = demo.replace("events.yaml", "id: dyzur-krosno-2019-03-27", "id: index")
    problem = next(p for p in demo.check() if p.field.endswith(".id"))
    assert_problem(problem, file=EVENTS, line=line, message=("'index'", "schedule page"), fix=("another id",))
    assert problem.fix == "give the event another id (its date is a good part of one)"


def test_an_id_too_long_for_a_file_name_is_refused(demo: SiteCopy) -> None:
    long_id = "a" * (MAX_ID_LENGTH + 1)
    line = demo.replace("events.yaml", "id: dyzur-krosno-2019-03-27", f"id: {long_id}")
    problem = next(p for p in demo.check() if p.field.endswith(".id"))
    assert_problem(problem, file=EVENTS, line=line, message=("too long", f"{MAX_ID_LENGTH + 1}"), fix=("shorten",))


def test_an_id_of_the_longest_length_is_built(demo: SiteCopy) -> None:
    demo.replace("events.yaml", "id: dyzur-krosno-2019-03-27", f"id: {'a' * MAX_ID_LENGTH}")
    assert not [p for p in demo.check() if p.field.endswith(".id")]


@pytest.mark.parametrize("written", ["en/schedule/dyzur-krosno-2019-03-27.md",
                                     "pl/schedule/dyzur-krosno-2019-03-27/index.md"])
def test_an_event_whose_page_an_editor_wrote_is_refused(demo: SiteCopy, written: str) -> None:
    page = demo.root / "content" / written
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("---\ntitle: Our own page\ndescription: Written by hand.\n---\n\n# Own\n", encoding="utf-8")
    line = demo.line_of("events.yaml", "id: dyzur-krosno-2019-03-27")
    assert_problem(only([p for p in check_project(demo.root) if p.is_error]), file=EVENTS, line=line, field="id",
                   message=(f"content/{written}", "editor's page"), fix=("another id", "rename the page"))


# --- hints that name the right thing ----------------------------------------------------------------


@pytest.mark.parametrize("written, value", [("odwołane", "cancelled"), ("Odwołany", "cancelled"),
                                            ("przełożone", "postponed"), ("przelozone", "postponed"),
                                            ("zmiana terminu", "rescheduled"), ("przeniesione", "moved_online"),
                                            ("скасовано", "cancelled"), ("canceled", "cancelled")])
def test_a_status_in_readers_words_suggests_its_value(demo: SiteCopy, written: str, value: str) -> None:
    line = demo.insert_after("events.yaml", "id: dyzur-krosno-2019-03-27", f"    status: {written}")
    assert_problem(only(demo.check()), file=EVENTS, line=line, message=(f"'{written}'",),
                   fix=(f"did you mean '{value}'?",))


def test_an_event_kind_in_readers_words_suggests_its_id(demo: SiteCopy) -> None:
    line = demo.replace("events.yaml", "kind: duty_hours", "kind: warsztaty")
    assert_problem(only(demo.check()), file=EVENTS, line=line, message=("'warsztaty'",),
                   fix=("did you mean 'workshop'?",))


def test_a_deleted_file_is_named_by_every_reference_to_it(demo: SiteCopy) -> None:
    demo.path("venues.yaml").unlink()
    problems = demo.check()
    assert len(problems) > 3
    for problem in problems:
        assert "data/venues.yaml does not exist" in problem.message, problem
        assert "restore data/venues.yaml" in problem.fix, problem
