"""Open vocabularies: a project defines its own event kinds, calendars, partner roles and result units.

The plural categories a unit must give are CLDR's for each language (Polish: one, few, many, other;
English: one, other), checked here against Babel's plural rules, not against the code under test.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from babel import Locale

from microsite.feeds import render_feeds
from microsite.formats import format_quantity
from microsite.vocabulary import plural_categories
from sitefactory import SiteCopy, assert_problem, only

VOCABULARY = "data/vocabulary.yaml"
NBSP = "\u00a0"

OWN = """event_kinds:
  - id: thematic-walk
    label: {pl: Spacer tematyczny, en: Thematic walk}
    feed: walks
  - id: launch
    label: {pl: Inauguracja, en: Launch}
feeds:
  - id: walks
    name: {pl: spacery, en: walks}
partner_roles:
  - id: donor-state-partner
    label: {pl: Partner z państwa-darczyńcy, en: Donor-state partner}
units:
  - id: estate
    forms:
      pl: {one: osiedle, few: osiedla, many: osiedli, other: osiedla}
      en: {one: estate, other: estates}
"""

WALK = """
  - id: test-walk
    kind: thematic-walk
    title: {pl: Spacer po Krośnie, en: A walk in Krosno}
    start: 2026-05-12 10:00
    end: 2026-05-12 12:00
    venue: cwop-krosno
  - id: test-launch
    kind: launch
    title: {pl: Inauguracja, en: Launch}
    start: 2026-05-13 10:00
    end: 2026-05-13 12:00
    venue: cwop-krosno
"""


def test_cldr_plural_categories_of_the_site_languages():
    assert plural_categories("pl") == ("one", "few", "many", "other")
    assert plural_categories("en") == ("one", "other")
    assert set(plural_categories("uk")) == Locale.parse("uk").plural_form.tags | {"other"}


def test_own_kinds_roles_and_units_are_used_like_built_in_ones(demo: SiteCopy):
    demo.replace("project.yaml", "end: 2020-12-31", "end: 2026-12-31")  # the walk is in May 2026
    demo.write("vocabulary.yaml", OWN)
    demo.append("events.yaml", WALK)
    demo.replace("partners.yaml", "role: foreign_partner", "role: donor-state-partner")
    demo.replace("project.yaml", "unit: institution", "unit: estate")
    site, problems = demo.load()
    assert problems == []
    events = {e.id: e for e in site.events}
    assert events["test-walk"].kind.label.in_("en") == "Thematic walk"
    assert {p.id: p.role.label.in_("pl") for p in site.partners}["community-organisers"] == \
        "Partner z państwa-darczyńcy"
    (estates,) = [r for r in site.project.results if r.unit.id == "estate"]
    assert format_quantity(6, estates.unit, "pl") == f"6{NBSP}osiedli"
    assert format_quantity(2, estates.unit, "pl") == f"2{NBSP}osiedla"
    assert format_quantity(1, estates.unit, "en") == f"1{NBSP}estate"
    files = render_feeds(site, "pl", base_url="https://example.test/", published_at=datetime(2026, 1, 1, tzinfo=timezone.utc))
    walks = files["feeds/pl/walks.ics"].decode("utf-8")
    assert "UID:test-walk@" in walks and "UID:test-launch@" not in walks  # a kind goes into its named calendar
    assert "UID:test-launch@" in files["feeds/pl/launch.ics"].decode("utf-8")  # or into one of its own
    assert "X-WR-CALNAME:Społecznie Zorganizowani – spacery" in walks


def test_an_unknown_kind_lists_what_the_site_defines(demo: SiteCopy):
    demo.write("vocabulary.yaml", OWN)
    line = demo.append("events.yaml", WALK.replace("kind: thematic-walk", "kind: thematic-wlak"))
    problem = only(demo.check())
    assert_problem(problem, file="data/events.yaml", line=line + 2, field=problem.field,
                   message=("'thematic-wlak' is not an event kind",), fix=("did you mean 'thematic-walk'", "launch",
                                                                           "duty_hours", "data/vocabulary.yaml"))


def test_a_kind_names_a_calendar_that_exists(demo: SiteCopy):
    demo.write("vocabulary.yaml", OWN.replace("    feed: walks", "    feed: walk"))
    line = demo.line_of("vocabulary.yaml", "feed: walk")
    assert_problem(only(demo.check()), file=VOCABULARY, line=line, field="event_kinds[1].feed",
                   message=("no calendar 'walk'",), fix=("walks", "duty-hours"))


@pytest.mark.parametrize("forms, words", [
    ("{one: osiedle, other: osiedla}", ("lacks few, many",)),
    ("{one: osiedle, few: osiedla, many: osiedli, other: osiedla, two: osiedla}", ("no category two",)),
])
def test_a_unit_gives_exactly_the_languages_plural_forms(demo: SiteCopy, forms, words):
    demo.write("vocabulary.yaml", OWN.replace("{one: osiedle, few: osiedla, many: osiedli, other: osiedla}", forms))
    line = demo.line_of("vocabulary.yaml", "pl: {one: osiedle")
    assert_problem(only(demo.check()), file=VOCABULARY, line=line, field="units[1].forms.pl", message=words,
                   fix=("one", "few", "many", "other"))


def test_a_unit_needs_every_site_language(demo: SiteCopy):
    demo.write("vocabulary.yaml", OWN.replace("      en: {one: estate, other: estates}\n", ""))
    problem = only(demo.check())
    assert_problem(problem, file=VOCABULARY, line=None, field="units[1].forms.en", message=("en", "missing"),
                   fix=("en: {one: …, other: …}",))


def test_a_unit_needs_its_words(demo: SiteCopy):
    demo.write("vocabulary.yaml", "units:\n  - id: estate\n")
    assert_problem(only(demo.check()), file=VOCABULARY, line=2, field="units[1].forms",
                   message=("word in every language and number",), fix=("forms:", "pl: {one: …, few: …"))


def test_a_built_in_kind_may_be_relabelled(demo: SiteCopy):
    demo.write("vocabulary.yaml", "event_kinds:\n  - id: duty_hours\n    label: {pl: Punkt konsultacyjny, "
                                  "en: Advice point}\n")
    site, problems = demo.load()
    (duty,) = [k for k in site.vocabulary.kinds if k.id == "duty_hours"]
    assert problems == [] and duty.label.in_("pl") == "Punkt konsultacyjny" and duty.feed == "duty-hours"


def test_the_calendar_of_all_events_cannot_be_redefined(demo: SiteCopy):
    demo.write("vocabulary.yaml", "feeds:\n  - id: all\n    name: {pl: x, en: x}\n")
    assert_problem(only(demo.check()), file=VOCABULARY, line=2, field="feeds[1].id", message=("'all'",))


def test_an_unknown_role_and_unit_are_located(demo: SiteCopy):
    line = demo.replace("partners.yaml", "role: foreign_partner", "role: donor_state_partner")
    assert_problem(only(demo.check()), file="data/partners.yaml", line=line, field="partners[3].role",
                   message=("'donor_state_partner' is not a partner role",), fix=("leader", "partner_roles:"))
    demo.replace("partners.yaml", "role: donor_state_partner", "role: foreign_partner")
    line = demo.replace("project.yaml", "unit: institution", "unit: estates")
    assert_problem(only(demo.check()), file="data/project.yaml", line=line, field="results[1].unit",
                   message=("'estates' is not a unit",), fix=("person", "units:"))


@pytest.mark.parametrize("entry, field, words", [
    ("  - id: launch\n    label: {pl: X, en: X}\n    feed: all\n", "event_kinds[1].feed", ("calendar of all events",)),
    ("  - id: all\n    label: {pl: X, en: X}\n", "event_kinds[1].id", ("'all'",)),
    ("  - id: Launch\n    label: {pl: X, en: X}\n", "event_kinds[1].id", ("not a valid id",)),
])
def test_a_kind_cannot_split_the_calendar_of_all_events(demo: SiteCopy, entry, field, words):
    demo.write("vocabulary.yaml", "event_kinds:\n" + entry)
    assert_problem(only(demo.check()), file=VOCABULARY, line=None, field=field, message=words)


def test_an_id_defined_twice_in_one_list_is_reported(demo: SiteCopy):
    demo.write("vocabulary.yaml", "partner_roles:\n  - id: x\n    label: {pl: A, en: A}\n"
                                  "  - id: x\n    label: {pl: B, en: B}\n")
    assert_problem(only(demo.check()), file=VOCABULARY, line=4, field="partner_roles[2].id",
                   message=("'x' is defined twice",))


def test_a_unit_in_a_language_the_site_does_not_have(demo: SiteCopy):
    demo.write("vocabulary.yaml", OWN.replace("      en: {one: estate, other: estates}\n",
                                              "      en: {one: estate, other: estates}\n      de: {one: Siedlung}\n"))
    problem = only(demo.check())
    assert_problem(problem, file=VOCABULARY, line=None, field="units[1].forms.de", message=("'de'",),
                   fix=("pl, en",))


def test_every_built_in_role_can_be_relabelled(demo: SiteCopy):
    demo.write("vocabulary.yaml", "partner_roles:\n  - id: national_partner\n    label: {pl: Partner główny, "
                                  "en: Main partner}\n")
    site, problems = demo.load()
    assert problems == [] and {p.id: p.role.label.in_("en") for p in site.partners}["british-council"] == \
        "Main partner"
