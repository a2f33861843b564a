"""One test per validation rule: each mistake gives one located, plain-language problem.

Every test starts from a valid copy of the demo, adds or changes one thing,
and checks the file, line (and column where it helps the editor), the field
path, and the key words of the message and of the fix. Entries the tests
break are appended by the tests themselves (``test-…`` ids), so the demo data
can change without breaking them.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from microsite.check import check_project
from microsite.errors import Location, SiteDataError
from microsite.fields import Context, Reader
from microsite.load import load_site
from microsite.model import Event, EventStatus, Text
from microsite.recurrence import expand_weekly
from microsite.yamlsource import load_yaml_text
from sitefactory import SiteCopy, assert_problem, only

EVENTS = "data/events.yaml"
VENUES = "data/venues.yaml"
PARTNERS = "data/partners.yaml"
PROJECT = "data/project.yaml"

TEST_VENUES = """
  - id: test-hall
    name: Sala testowa
    street: ul. Testowa 1
    city: Krosno
    country: PL

  - id: test-pub
    name: The Test Pub
    city: Manchester
    country: GB
    timezone: Europe/London
"""

TEST_PARTNER = """
  - id: test-partner
    name: Fundacja Testowa
    role: cooperating_institution
    country: PL
    website: https://example.org
    description:
      pl: Fundacja, która pomaga testować.
      en: A foundation that helps with testing.
"""


def event(ident: str = "test-event", *, start: str = "2026-05-12 10:00", end: str = "2026-05-12 12:00",
          venue: str = "test-hall", extra: str = "") -> str:
    """Return one valid event entry; ``extra`` lines (indented 4 spaces) are added at the end."""
    return f"""
  - id: {ident}
    kind: workshop
    title:
      pl: Warsztaty testowe
      en: Test workshop
    description:
      pl: Opis warsztatów.
      en: About the workshop.
    start: {start}
    end: {end}
    venue: {venue}
{extra}"""


@pytest.fixture
def site(demo: SiteCopy) -> SiteCopy:
    """Return the demo copy with the tests' own venues and partner added (still valid).

    The tests' events are set in 2026: the project's period is made to include them.
    """
    demo.replace("project.yaml", "end: 2020-12-31", "end: 2030-12-31")
    demo.append("venues.yaml", TEST_VENUES)
    demo.append("partners.yaml", TEST_PARTNER)
    return demo


def add_event(site: SiteCopy, text: str) -> int:
    """Append an event entry; return the line of its '- id:'."""
    first = site.append("events.yaml", text)
    return site.line_of("events.yaml", "  - id: ", after=first - 1)


def event_path(site: SiteCopy, line: int) -> str:
    """Return the field path of the event entry containing ``line`` (``events[10]``)."""
    return f"events[{site.entry_index('events.yaml', line)}]"


def loaded_event(site: SiteCopy, ident: str):
    """Load the site and return the event with this id."""
    loaded, _ = site.load()
    return next(e for e in loaded.events if e.id == ident)


def _drop_pub_timezone(site: SiteCopy) -> int:
    """Delete the GB test venue's time zone; return the line of its '- id:'."""
    pub = site.line_of("venues.yaml", "  - id: test-pub")
    lines = site.lines("venues.yaml")
    tz = site.line_of("venues.yaml", "    timezone: Europe/London", after=pub)
    site.write("venues.yaml", "\n".join(lines[:tz - 1] + lines[tz:]))
    return pub


# --- the starting point -------------------------------------------------------------------


def test_demo_with_test_entries_is_valid(site: SiteCopy) -> None:
    add_event(site, event())
    assert site.check() == []
    assert loaded_event(site, "test-event").venue.id == "test-hall"


def test_problem_prints_as_file_line_column_field_message_fix(site: SiteCopy) -> None:
    line = add_event(site, event(end="2026-05-12 09:00"))
    text = str(only(site.check()))
    end_line = site.line_of("events.yaml", "end: 2026-05-12 09:00", after=line)
    assert re.fullmatch(rf"data/events\.yaml:{end_line}:10: {re.escape(event_path(site, line))}\.end: "
                        r"[^;]+; .+", text), text


# --- malformed YAML -------------------------------------------------------------------------


def test_tab_in_indentation_is_reported_on_its_line(site: SiteCopy) -> None:
    line = add_event(site, event())
    kind_line = site.line_of("events.yaml", "    kind: workshop", after=line)
    site.replace_line("events.yaml", kind_line, "\tkind: workshop")
    assert_problem(only(site.check()), file=EVENTS, line=kind_line, column=1, field="",
                   message=("tab",), fix=("spaces",))


@pytest.mark.parametrize("broken, closing", [
    # The quote swallows the next line up to its opening quote; the parser notices one line later.
    ('      pl: "Warsztaty testowe\n      en: "Test workshop"', "closes on the next line"),
    ('      pl: "Warsztaty testowe\n      en: Test workshop', "never closes"),
    ("      pl: 'Warsztaty testowe\n      en: 'Test workshop'", "single quote"),
])
def test_unclosed_quote_points_at_the_opening_quote(site: SiteCopy, broken: str, closing: str) -> None:
    line = add_event(site, event())
    site.replace("events.yaml", "      pl: Warsztaty testowe\n      en: Test workshop", broken)
    quote_line = site.line_of("events.yaml", "pl: ", after=line)
    problem = only(site.check())
    assert_problem(problem, file=EVENTS, line=quote_line, column=11, field="",
                   message=("quotation mark", "never closed"), fix=("closing quote",))


def test_unclosed_quote_at_the_end_of_the_file(site: SiteCopy) -> None:
    line = add_event(site, event(extra='    registration_url: "https://example.org/zapisy\n'))
    url_line = site.line_of("events.yaml", "registration_url:", after=line)
    assert_problem(only(site.check()), file=EVENTS, line=url_line, column=23,
                   message=("never closed",), fix=("closing quote",))


@pytest.mark.parametrize("indent", ["      kind: workshop", "   kind: workshop", "  kind: workshop"])
def test_bad_indent_is_reported_on_its_line(site: SiteCopy, indent: str) -> None:
    line = add_event(site, event())
    kind_line = site.line_of("events.yaml", "    kind: workshop", after=line)
    site.replace_line("events.yaml", kind_line, indent)
    problem = only(site.check())
    assert_problem(problem, file=EVENTS, line=kind_line, field="")
    assert "indent" in (problem.message + problem.fix).lower(), str(problem)


def test_text_after_a_closing_quote(site: SiteCopy) -> None:
    line = add_event(site, event())
    pl_line = site.line_of("events.yaml", "pl: Warsztaty testowe", after=line)
    site.replace_line("events.yaml", pl_line, '      pl: "Warsztaty" testowe')
    assert_problem(only(site.check()), file=EVENTS, line=pl_line, message=("after the closing quotation",),
                   fix=("whole text",))


@pytest.mark.parametrize("start", ["*Ważne* warsztaty", "@kds warsztaty", "`kod`", "%20 zniżki"])
def test_text_starting_with_a_yaml_sign_asks_for_quotes(site: SiteCopy, start: str) -> None:
    line = add_event(site, event())
    pl_line = site.line_of("events.yaml", "pl: Warsztaty testowe", after=line)
    site.replace_line("events.yaml", pl_line, f"      pl: {start}")
    assert_problem(only(site.check()), file=EVENTS, line=pl_line, column=11, fix=("double quotes",))


def test_unclosed_bracket(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    previous_start: [2026-05-05 10:00\n    status: rescheduled\n"))
    bracket_line = site.line_of("events.yaml", "previous_start: [", after=line)
    assert_problem(only(site.check()), file=EVENTS, line=bracket_line, column=21, message=("'['", "never closed"),
                   fix=("']'",))


def test_control_character_is_located(site: SiteCopy) -> None:
    line = add_event(site, event())
    pl_line = site.line_of("events.yaml", "pl: Warsztaty testowe", after=line)
    site.replace_line("events.yaml", pl_line, "      pl: Warsztaty\x07testowe")
    # Columns count characters, also after the Polish letters earlier in the file.
    assert_problem(only(site.check()), file=EVENTS, line=pl_line, column=20,
                   message=("control character", "U+0007"), fix=("delete",))


def test_second_document_marker(site: SiteCopy) -> None:
    line = site.append("events.yaml", "---\n")
    assert_problem(only(site.check()), file=EVENTS, line=line, column=1, message=("second document",),
                   fix=("delete",))


def test_file_that_is_not_utf8(site: SiteCopy) -> None:
    site.path("venues.yaml").write_bytes(site.read("venues.yaml").encode("cp1250"))
    assert_problem(only(site.check()), file=VENUES, line=0, field="", message=("utf-8",), fix=("utf-8",))


def test_empty_project_file(site: SiteCopy) -> None:
    site.write("project.yaml", "# nothing yet\n")
    assert_problem(only(site.check()), file=PROJECT, line=0, field="", message=("empty",), fix=("example",))


def test_missing_project_file(site: SiteCopy) -> None:
    site.path("project.yaml").unlink()
    assert_problem(only(site.check()), file=PROJECT, line=0, field="", message=("missing",),
                   fix=("create data/project.yaml",))


@pytest.mark.parametrize("written, words, fix", [
    ("languages: pl", ("list of language codes",), ("languages: [pl, en]",)),
    ("languages: []", ("list of language codes",), ("languages: [pl, en]",)),
    ("language: [pl, en]", ("languages are not given",), ("languages: [pl, en]", "default")),
])
def test_the_sites_languages_are_a_list(site: SiteCopy, written: str, words, fix) -> None:
    line = site.line_of("project.yaml", "languages:")
    site.replace_line("project.yaml", line, written)
    found = [p for p in site.check() if p.field == "languages"]
    assert_problem(only(found), file=PROJECT, line=line if written.startswith("languages") else None,
                   field="languages", message=words, fix=fix)


def test_languages_written_as_one_word_say_how_to_list_them(site: SiteCopy) -> None:
    line = site.replace("project.yaml", "languages: [pl, en]", "languages: pl")
    problem = only([p for p in site.check() if p.field == "languages"])
    assert_problem(problem, file=PROJECT, line=line, field="languages")
    assert problem.message == "expected a list of language codes"
    assert problem.fix == "write e.g. 'languages: [pl, en]' (the first is the default)"


def test_recursive_alias_does_not_hang(site: SiteCopy) -> None:
    line = add_event(site, event(venue="&v [*v]"))
    venue_line = site.line_of("events.yaml", "venue: &v", after=line)
    anchor, alias = site.check()  # YAML references are refused where they are written: the anchor and its use
    assert_problem(anchor, file=EVENTS, line=venue_line, column=12, field="", message=("'&'", "reference"),
                   fix=("double quotes",))
    assert_problem(alias, file=EVENTS, line=venue_line, column=16, field="", message=("'*'", "reference"),
                   fix=("double quotes",))


# --- wrong type, missing field, unknown key --------------------------------------------------


@pytest.mark.parametrize("key, value, words", [
    ("start", "next tuesday", ("not a date",)),
    ("end", "12:00", ("not a date",)),
    ("kind", "party", ("'party' is not an event kind this site defines",)),
])
def test_wrong_type_in_an_event(site: SiteCopy, key: str, value: str, words: tuple[str, ...]) -> None:
    line = add_event(site, event())
    key_line = site.line_of("events.yaml", f"    {key}: ", after=line)
    site.replace_line("events.yaml", key_line, f"    {key}: {value}")
    assert_problem(only(site.check()), file=EVENTS, line=key_line, column=len(key) + 7,
                   field=f"{event_path(site, line)}.{key}", message=words)


def test_a_date_in_words_is_answered_with_the_format_and_an_example(site: SiteCopy) -> None:
    line = add_event(site, event(start="next tuesday"))
    problem = only(site.check())
    assert_problem(problem, file=EVENTS, line=site.line_of("events.yaml", "start: next tuesday", after=line),
                   field=f"{event_path(site, line)}.start")
    assert problem.message == "'next tuesday' is not a date"
    # ISO 8601's notation in capitals (as the editors' reference writes it), the rest in plain words.
    assert problem.fix == "write it as YYYY-MM-DD, with the time as HH:MM if needed, e.g. '2019-03-27 15:00'"


def test_text_where_a_whole_number_is_expected(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    revision: two\n"))
    key_line = site.line_of("events.yaml", "revision: two", after=line)
    assert_problem(only(site.check()), file=EVENTS, line=key_line, column=15,
                   field=f"{event_path(site, line)}.revision", message=("'two'", "whole number"),
                   fix=("digits",))


@pytest.mark.parametrize("value", ["²", "1.5", "-1"])
def test_odd_numbers_in_a_whole_number_field(site: SiteCopy, value: str) -> None:
    line = add_event(site, event(extra=f"    revision: {value}\n"))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "revision:", after=line),
                   field=f"{event_path(site, line)}.revision", message=("whole number",))


def test_text_where_an_amount_is_expected(site: SiteCopy) -> None:
    line = site.line_of("project.yaml", "total_value:")
    site.replace_line("project.yaml", line, "total_value: 772 883,74 zł")
    assert_problem(only(site.check()), file=PROJECT, line=line, column=14, field="total_value",
                   message=("not a number",), fix=("digits", "dot"))


@pytest.mark.parametrize("value", ["north", "NaN", "sNaN", "inf"])
def test_text_where_a_coordinate_is_expected(site: SiteCopy, value: str) -> None:
    line = site.replace("venues.yaml", "    country: PL\n", f"    country: PL\n    latitude: {value}\n"
                        "    longitude: 21.77\n") + 1
    problem = only(site.check())
    assert_problem(problem, file=VENUES, line=line, column=15, message=("number",))
    assert problem.field.endswith(".latitude")


def test_single_text_where_every_language_is_needed(site: SiteCopy) -> None:
    line = add_event(site, event())
    site.replace("events.yaml", "    title:\n      pl: Warsztaty testowe\n      en: Test workshop\n",
                 "    title: Warsztaty testowe\n")
    title_line = site.line_of("events.yaml", "title: Warsztaty", after=line)
    assert_problem(only(site.check()), file=EVENTS, line=title_line, column=12,
                   field=f"{event_path(site, line)}.title", message=("each language",), fix=("pl:", "en:"))


def test_a_list_where_a_text_in_every_language_is_needed(site: SiteCopy) -> None:
    line = add_event(site, event())
    site.replace("events.yaml", "    title:\n      pl: Warsztaty testowe\n      en: Test workshop\n",
                 "    title:\n      - Warsztaty testowe\n")
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "- Warsztaty", after=line),
                   field=f"{event_path(site, line)}.title", message=("text in each language", "list"),
                   fix=("pl:", "en:"))


def test_a_list_used_as_a_language_code(site: SiteCopy) -> None:
    line = add_event(site, event())
    site.replace("events.yaml", "      en: Test workshop\n", "      en: Test workshop\n      [pl, en]: Oba\n")
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "[pl, en]", after=line),
                   field=f"{event_path(site, line)}.title", message=("language code",), fix=("pl: …", "en: …"))


def test_an_empty_translation_is_named(site: SiteCopy) -> None:
    line = add_event(site, event())
    site.replace("events.yaml", "      en: Test workshop\n", "      en: ''\n")
    # Besides "the en translation is missing" on the text: the empty value itself is named where it is.
    assert_problem(only([p for p in site.check() if "empty" in p.message]), file=EVENTS, line=site.line_of("events.yaml", "en: ''", after=line),
                   field=f"{event_path(site, line)}.title.en", message=("empty",), fix=("after the colon",))


def test_missing_required_field(site: SiteCopy) -> None:
    line = add_event(site, event())
    site.replace("events.yaml", "    kind: workshop\n", "")
    assert_problem(only(site.check()), file=EVENTS, line=line, column=5, field=f"{event_path(site, line)}.kind",
                   message=("required", "'kind'"), fix=("kind:",))


def test_a_project_without_its_funding(site: SiteCopy) -> None:
    lines = site.lines("project.yaml")
    start = site.line_of("project.yaml", "funding:")
    end = next((n for n in range(start, len(lines)) if lines[n] and not lines[n].startswith((" ", "#"))), len(lines))
    site.write("project.yaml", "\n".join(lines[:start - 1] + lines[end:]))
    assert_problem(only(site.check()), file=PROJECT, line=None, field="funding",
                   message=("the required field 'funding' is missing",), fix=("funding:",))


def test_missing_required_field_of_a_venue(site: SiteCopy) -> None:
    line = site.line_of("venues.yaml", "  - id: test-hall")
    site.replace("venues.yaml", "    city: Krosno\n    country: PL\n\n  - id: test-pub",
                 "    country: PL\n\n  - id: test-pub")
    index = site.entry_index("venues.yaml", line)
    assert_problem(only(site.check()), file=VENUES, line=line, column=5, field=f"venues[{index}].city",
                   message=("required",), fix=("city:",))


def test_unknown_key_suggests_the_closest_field(site: SiteCopy) -> None:
    line = add_event(site, event())
    start_line = site.line_of("events.yaml", "    start: ", after=line)
    site.replace_line("events.yaml", start_line, "    strat: 2026-05-12 10:00")
    # One problem: the missing 'start' is not reported again when a misspelling explains it.
    assert_problem(only(site.check()), file=EVENTS, line=start_line, column=5,
                   field=f"{event_path(site, line)}.strat", message=("'strat'", "not a field"),
                   fix=("did you mean 'start'",))


def test_unknown_key_without_a_close_match_lists_the_fields(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    colour: red\n"))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "colour:", after=line),
                   field=f"{event_path(site, line)}.colour", fix=("known fields are", "venue"))


def test_list_used_as_a_key(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    [a, b]: c\n"))
    problem = only(site.check())
    assert_problem(problem, file=EVENTS, line=site.line_of("events.yaml", "[a, b]", after=line),
                   field=event_path(site, line), message=("field name",))
    # The editor reads these words as written (in plain lower case, like every other problem).
    assert problem.message == "a list or a group of fields is used as a field name"
    assert problem.fix == "write a plain field name such as 'id:' at the start of the line"


def test_a_list_used_as_a_key_does_not_hide_the_fields_after_it(site: SiteCopy) -> None:
    line = add_event(site, event())
    site.replace_line("events.yaml", line, "  - [a, b]: c")
    site.insert_after("events.yaml", "  - [a, b]: c", "    id: test-event\n")
    # Only the odd key is reported: id, kind, title… below it are still read.
    assert_problem(only(site.check()), file=EVENTS, line=line, field=event_path(site, line), message=("field name",))


def test_a_single_value_where_an_entry_is_expected(site: SiteCopy) -> None:
    line = site.append("events.yaml", "\n  - warsztaty-testowe\n") + 1
    assert_problem(only(site.check()), file=EVENTS, line=line, field=event_path(site, line),
                   message=("expected an entry with fields", "a single value"), fix=("key: value",))


def test_an_empty_entry_is_said_to_hold_nothing(site: SiteCopy) -> None:
    line = site.append("events.yaml", "\n  - \n") + 1
    assert_problem(only(site.check()), file=EVENTS, line=line, field=event_path(site, line),
                   message=("expected an entry with fields", "found nothing"), fix=("key: value",))


def test_a_list_where_a_single_value_is_expected(site: SiteCopy) -> None:
    line = site.line_of("project.yaml", "currency:")
    site.replace_line("project.yaml", line, "currency: [PLN, EUR]")
    assert_problem(only(site.check()), file=PROJECT, line=line, field="currency", message=("single value",),
                   fix=("one line", "currency:"))


def test_a_single_text_where_a_list_is_expected(site: SiteCopy) -> None:
    line = site.line_of("project.yaml", "goals:")
    lines = site.lines("project.yaml")
    end = next(n for n in range(line, len(lines)) if lines[n] and not lines[n].startswith((" ", "-")))
    site.write("project.yaml", "\n".join(lines[:line - 1] + ["goals: {pl: Cel, en: Goal}"] + lines[end:]))
    assert_problem(only(site.check()), file=PROJECT, line=line, field="goals", message=("expected a list",),
                   fix=("- ",))


# --- translations -----------------------------------------------------------------------------


def test_required_text_without_english_is_an_error(site: SiteCopy) -> None:
    line = add_event(site, event())
    site.replace("events.yaml", "      en: Test workshop\n", "")
    pl_line = site.line_of("events.yaml", "pl: Warsztaty testowe", after=line)
    assert_problem(only(site.check()), file=EVENTS, line=pl_line, column=7,
                   field=f"{event_path(site, line)}.title.en", message=("en translation is missing",),
                   fix=("en:",))
    assert only(site.check()).fix == "add a line 'en: …' with the translation under 'title'"


def test_description_without_english_falls_back_with_a_warning(site: SiteCopy) -> None:
    line = add_event(site, event())
    site.replace("events.yaml", "      en: About the workshop.\n", "")
    pl_line = site.line_of("events.yaml", "pl: Opis warsztatów.", after=line)
    problems = site.check()
    assert not [p for p in problems if p.is_error]
    assert_problem(only(problems, "warning"), file=EVENTS, line=pl_line, column=7,
                   field=f"{event_path(site, line)}.description.en", severity="warning",
                   message=("en translation is missing", "pl text"), fix=("en:",))
    description = loaded_event(site, "test-event").description
    assert description.in_("en") == "Opis warsztatów."
    assert description.lang_of("en") == "pl" and not description.has("en")


def test_description_without_the_default_language_is_an_error(site: SiteCopy) -> None:
    # Falling back needs the default (first) language; an English-only text cannot fall back.
    line = add_event(site, event())
    site.replace("events.yaml", "      pl: Opis warsztatów.\n", "")
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.description.pl",
                   line=site.line_of("events.yaml", "en: About the workshop.", after=line),
                   message=("pl translation is missing",))


def test_partner_description_falls_back_with_a_warning(site: SiteCopy) -> None:
    site.replace("partners.yaml", "      en: A foundation that helps with testing.\n", "")
    line = site.line_of("partners.yaml", "pl: Fundacja, która pomaga")
    index = site.entry_index("partners.yaml", line)
    assert_problem(only(site.check(), "warning"), file=PARTNERS, line=line, severity="warning",
                   field=f"partners[{index}].description.en", message=("missing",))


def test_project_summary_needs_every_language(site: SiteCopy) -> None:
    lines = site.lines("project.yaml")
    start = lines.index("short_name:")
    en = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  en:"))
    site.write("project.yaml", "\n".join(lines[:en] + lines[en + 1:]))
    assert_problem(only(site.check()), file=PROJECT, line=start + 2, column=3, field="short_name.en",
                   message=("en translation is missing",))


def test_unknown_language_code_suggests_a_site_language(site: SiteCopy) -> None:
    line = add_event(site, event())
    en_line = site.line_of("events.yaml", "en: Test workshop", after=line)
    site.replace_line("events.yaml", en_line, "      eng: Test workshop")
    problems = [p for p in site.check() if p.location.line == en_line]
    assert_problem(only(problems), file=EVENTS, line=en_line, column=7, field=f"{event_path(site, line)}.title.eng",
                   message=("not one of the site's languages",), fix=("did you mean 'en'",))


def test_proper_name_may_be_written_once(site: SiteCopy) -> None:
    # Venue and partner names are 'neutral': one text serves every language.
    loaded, problems = site.load()
    assert problems == []
    hall = next(v for v in loaded.venues if v.id == "test-hall")
    assert hall.name.in_("pl") == hall.name.in_("en") == "Sala testowa"


# --- duplicates and references -------------------------------------------------------------


@pytest.mark.parametrize("file, block, ident", [
    ("events.yaml", event("test-twice") + event("test-twice"), "test-twice"),
    # Two weekly slots under one id: one slip, one error (not one more per date of the second series).
    ("events.yaml", 2 * event("test-twice", start="2026-03-17 10:00", end="2026-03-17 14:00",
                              extra="    repeat:\n      every: week\n      until: 2026-04-14\n"), "test-twice"),
    ("venues.yaml", TEST_VENUES.replace("test-pub", "test-hall").replace("test-hall", "test-twice"), "test-twice"),
    ("partners.yaml", TEST_PARTNER.replace("test-partner", "test-twice") * 2, "test-twice"),
])
def test_duplicate_ids(site: SiteCopy, file: str, block: str, ident: str) -> None:
    first = site.append(file, block)
    first_id = site.line_of(file, f"  - id: {ident}", after=first - 1)
    second_id = site.line_of(file, f"  - id: {ident}", after=first_id)
    list_name = file.removesuffix(".yaml")
    assert_problem(only(site.check()), file=f"data/{file}", line=second_id, column=5,
                   field=f"{list_name}[{site.entry_index(file, second_id)}].id",
                   message=(f"'{ident}'", "already used", f"line {first_id}"), fix=("its own id",))


def test_duplicate_session_ids(site: SiteCopy) -> None:
    sessions = """    sessions:
      - id: rano
        start: 2026-05-12 10:00
        end: 2026-05-12 11:00
        title: {pl: Rano, en: Morning}
      - id: rano
        start: 2026-05-12 11:00
        end: 2026-05-12 12:00
        title: {pl: Później, en: Later}
"""
    line = add_event(site, event(extra=sessions))
    second = site.line_of("events.yaml", "- id: rano", after=site.line_of("events.yaml", "- id: rano", after=line))
    # Column 13: the second 'rano' itself ("      - id: rano"), not the session's first key.
    assert_problem(only(site.check()), file=EVENTS, line=second, column=13,
                   field=f"{event_path(site, line)}.sessions[2].id", message=("'rano'",), fix=("own id",))


SESSION = """    sessions:
      - id: rano
        start: {start}
        end: {end}
        title: {{pl: Rano, en: Morning}}
"""


@pytest.mark.parametrize("start, end, field, words, fix", [
    ("2026-05-12", "2026-05-12", "sessions[1]", ("start and end time",), ("09:30",)),
    ("2026-05-12 11:00", "2026-05-12 10:30", "sessions[1].end", ("session ends before it starts",), ("both times",)),
    ("2026-05-12 11:00", "2026-05-12 11:00", "sessions[1].end", ("session ends before it starts",), ("both times",)),
    ("2026-05-13 10:00", "2026-05-13 11:00", "sessions[1].start", ("outside the event's dates",),
     ("2026-05-12 to 2026-05-12",)),
])
def test_a_session_within_its_events_dates(site: SiteCopy, start: str, end: str, field: str, words, fix) -> None:
    line = add_event(site, event(extra=SESSION.format(start=start, end=end)))
    key = field.rsplit(".", 1)[-1] if "." in field else "- id: rano"
    at = site.line_of("events.yaml", f"{key}: {start if key == 'start' else end}" if "." in field else key,
                      after=line)
    assert_problem(only(site.check()), file=EVENTS, line=at, field=f"{event_path(site, line)}.{field}",
                   message=words, fix=fix)


def test_a_session_outside_its_events_dates_names_the_days_it_may_take(site: SiteCopy) -> None:
    add_event(site, event(extra=SESSION.format(start="2026-05-13 10:00", end="2026-05-13 11:00")))
    problem = only(site.check())
    assert problem.message == "the session falls outside the event's dates"
    assert problem.fix == "use a day from 2026-05-12 to 2026-05-12"


def test_a_session_at_an_unknown_venue_says_which_list_to_use(site: SiteCopy) -> None:
    line = add_event(site, event(extra=SESSION.format(start="2026-05-12 10:00", end="2026-05-12 11:00")
                                 + "        venue: test-hal\n"))
    problem = only(site.check())
    assert_problem(problem, file=EVENTS, line=site.line_of("events.yaml", "        venue: test-hal", after=line),
                   field=f"{event_path(site, line)}.sessions[1].venue")
    assert problem.message == "there is no venue with the id 'test-hal'"
    assert problem.fix == "did you mean 'test-hall'? use an id from data/venues.yaml, or add the venue there"


def test_a_session_written_wrong_does_not_hide_the_next_ones(site: SiteCopy) -> None:
    sessions = ("    sessions:\n      - Rano, 10:00\n"
                + SESSION.format(start="2026-05-12 11:00", end="2026-05-12 10:30").split("\n", 1)[1])
    line = add_event(site, event(extra=sessions))
    assert sorted(p.field for p in site.check()) == [f"{event_path(site, line)}.sessions[1]",
                                                     f"{event_path(site, line)}.sessions[2].end"]


def test_a_session_description_without_english_falls_back_with_a_warning(site: SiteCopy) -> None:
    # As an event's description: a missing translation shows the default language, and only warns.
    sessions = SESSION.format(start="2026-05-12 10:00", end="2026-05-12 11:00") + "        description: {pl: Kawa.}\n"
    line = add_event(site, event(extra=sessions))
    problems = site.check()
    assert not [p for p in problems if p.is_error], problems
    assert only(problems, "warning").field == f"{event_path(site, line)}.sessions[1].description.en"
    assert loaded_event(site, "test-event").sessions[0].description.in_("en") == "Kawa."


def test_a_session_start_that_is_no_date_is_one_error(site: SiteCopy) -> None:
    line = add_event(site, event(extra=SESSION.format(start="jutro rano", end="2026-05-12 11:00")))
    assert only(site.check()).field == f"{event_path(site, line)}.sessions[1].start"


def test_duplicate_yaml_key(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    venue: test-pub\n"))
    first = site.line_of("events.yaml", "venue: test-hall", after=line)
    second = site.line_of("events.yaml", "venue: test-pub", after=line)
    assert_problem(only(site.check()), file=EVENTS, line=second, column=5, field=f"{event_path(site, line)}.venue",
                   message=("'venue'", "twice", f"line {first}"), fix=("delete",))


def test_reference_to_an_unknown_partner(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    organiser: test-partnr\n"))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "organiser:", after=line),
                   column=16, field=f"{event_path(site, line)}.organiser",
                   message=("no partner", "'test-partnr'"), fix=("did you mean 'test-partner'", "partners.yaml"))


def test_reference_to_an_unknown_venue(site: SiteCopy) -> None:
    line = add_event(site, event(venue="test-hal"))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "venue: test-hal", after=line),
                   column=12, field=f"{event_path(site, line)}.venue", message=("no venue", "'test-hal'"),
                   fix=("did you mean 'test-hall'", "venues.yaml"))


def test_reference_to_a_venue_with_errors_is_not_reported_twice(site: SiteCopy) -> None:
    # The venue exists but is broken: the editor must see that, not "there is no venue".
    add_event(site, event(venue="test-pub"))
    _drop_pub_timezone(site)
    problem = only(site.check())
    assert problem.location.file == VENUES


def test_project_beneficiary_must_be_a_partner(site: SiteCopy) -> None:
    line = site.line_of("project.yaml", "beneficiary:")
    site.replace_line("project.yaml", line, "beneficiary: nobody")
    problem = only(site.check())
    assert_problem(problem, file=PROJECT, line=line, column=14, field="beneficiary",
                   message=("no partner", "'nobody'"), fix=("test-partner",))
    # The demo's three partners and the test's own, in alphabetical order.
    assert problem.fix == ("use one of the ids in partners.yaml: british-council, cds, community-organisers, "
                           "test-partner")


def test_event_without_a_place(site: SiteCopy) -> None:
    line = add_event(site, event())
    site.replace("events.yaml", "    venue: test-hall\n", "")
    problem = only(site.check())
    assert_problem(problem, file=EVENTS, line=line, field=f"{event_path(site, line)}.venue",
                   message=("no place",), fix=("venue:", "online_url:"))
    assert problem.fix == "add 'venue: <id from venues.yaml>' or 'online_url: https://…'"


def test_an_event_moved_online_needs_the_meetings_address(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    status: moved_online\n"))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "status:", after=line),
                   field=f"{event_path(site, line)}.status", message=("moved online", "address"),
                   fix=("online_url:",))


@pytest.mark.parametrize("written", ["", "    previous_start: []\n"])
def test_a_rescheduled_event_keeps_its_previous_start(site: SiteCopy, written: str) -> None:
    line = add_event(site, event(extra="    status: rescheduled\n" + written))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "status:", after=line),
                   field=f"{event_path(site, line)}.status", message=("previous start",), fix=("previous_start:",))


def test_a_wrong_previous_start_is_not_also_called_missing(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    status: rescheduled\n    previous_start: 2026-13-01 10:00\n"))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "previous_start:", after=line),
                   field=f"{event_path(site, line)}.previous_start", message=("'2026-13-01 10:00'", "no month 13"))


@pytest.mark.parametrize("status", ["scheduled", "postponed"])
def test_a_previous_start_needs_the_status_rescheduled(site: SiteCopy, status: str) -> None:
    line = add_event(site, event(extra=f"    status: {status}\n    previous_start: 2026-05-05 10:00\n"))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "previous_start:", after=line),
                   field=f"{event_path(site, line)}.previous_start", message=("previous start", f"'{status}'"),
                   fix=("status: rescheduled",))


@pytest.mark.parametrize("value", ["2026-05-01", "yesterday"])
def test_the_old_updated_field_is_a_warning_to_delete_it(site: SiteCopy, value: str) -> None:
    """The field is not read (docs/editors/reference: 'Not used (a warning)'), so what it holds is no error."""
    line = add_event(site, event(extra=f"    updated: {value}\n"))
    assert not site.errors()
    assert_problem(only(site.check(), "warning"), file=EVENTS, severity="warning",
                   line=site.line_of("events.yaml", "updated:", after=line),
                   field=f"{event_path(site, line)}.updated", message=("no longer used",), fix=("delete",))


@pytest.mark.parametrize("ident", ["Warsztaty", "warsztaty_1", "warsztaty--1", "-warsztaty", "warsztaty w krośnie"])
def test_an_id_that_is_not_lower_case_letters_digits_and_hyphens(site: SiteCopy, ident: str) -> None:
    line = add_event(site, event(f"'{ident}'"))
    assert_problem(only(site.check()), file=EVENTS, line=line, column=9, field=f"{event_path(site, line)}.id",
                   message=(f"'{ident}'", "not a valid id"), fix=("lower-case letters", "hyphens"))


# --- dates and times -----------------------------------------------------------------------


def test_impossible_date(site: SiteCopy) -> None:
    line = add_event(site, event(start="2022-11-31", end="2022-12-01"))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "start: 2022-11-31", after=line),
                   column=12, field=f"{event_path(site, line)}.start",
                   message=("impossible date", "no day 31 in November 2022"), fix=("YYYY-MM-DD",))
    # ISO 8601's notation, in capitals as the editors' reference writes it.
    assert only(site.check()).fix == "check the day and the month (the format is YYYY-MM-DD)"


def test_impossible_day_in_january(site: SiteCopy) -> None:
    line = add_event(site, event(start="2026-01-32", end="2026-02-01"))
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.start",
                   line=site.line_of("events.yaml", "start: 2026-01-32", after=line),
                   message=("impossible date", "there is no day 32 in January 2026"))


def test_impossible_month_and_time(site: SiteCopy) -> None:
    line = add_event(site, event(start="2026-13-01 10:00", end="2026-05-12 24:30"))
    problems = site.check()
    assert [p.field for p in problems] == [f"{event_path(site, line)}.start", f"{event_path(site, line)}.end"]
    assert "no month 13" in problems[0].message
    assert "impossible time" in problems[1].message and "00:00 to 23:59" in problems[1].fix


@pytest.mark.parametrize("end, clock", [("2026-05-12 10:59", (10, 59, 0)), ("2026-05-12 23:59", (23, 59, 0)),
                                        ("2026-05-12 23:59:59", (23, 59, 59))])
def test_the_last_minute_and_second_of_an_hour_are_valid_times(site: SiteCopy, end: str, clock: tuple) -> None:
    # A 24-hour clock runs from 00:00 to 23:59 (ISO 8601), as the fix for an impossible time says.
    add_event(site, event(end=end))
    assert site.check() == []
    ends = loaded_event(site, "test-event").end
    assert (ends.hour, ends.minute, ends.second) == clock


def test_year_far_off_is_a_typo(site: SiteCopy) -> None:
    # Year 1 used to crash (it cannot be converted to UTC); no project runs in 0001 or 9999.
    line = add_event(site, event(start="0001-01-01", end="0001-01-01"))
    problems = site.check()
    assert [p.field for p in problems] == [f"{event_path(site, line)}.start", f"{event_path(site, line)}.end"]
    assert_problem(problems[0], file=EVENTS, line=site.line_of("events.yaml", "start: 0001", after=line),
                   message=("year 1",), fix=("between 1900 and 2100",))


def test_end_before_start(site: SiteCopy) -> None:
    line = add_event(site, event(end="2026-05-12 09:00"))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "end: 2026-05-12", after=line),
                   column=10, field=f"{event_path(site, line)}.end", message=("ends before it starts",),
                   fix=("start and end",))


def test_an_event_ending_the_moment_it_starts(site: SiteCopy) -> None:
    line = add_event(site, event(end="2026-05-12 10:00"))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "end: 2026-05-12", after=line),
                   field=f"{event_path(site, line)}.end", message=("ends at the moment it starts",),
                   fix=("real end time",))


def test_a_project_ending_before_it_starts(site: SiteCopy) -> None:
    line = site.line_of("project.yaml", "end: 2030-12-31")
    site.replace_line("project.yaml", line, "end: 2017-12-31")
    found = [p for p in site.check() if p.is_error]
    assert_problem(only(found), file=PROJECT, line=line, field="end", message=("project ends before it starts",),
                   fix=("both dates",))


def test_end_before_start_across_the_repeated_hour(site: SiteCopy) -> None:
    # 02:45 summer time is 00:45 UTC, before 02:30 winter time (01:30 UTC); the wall clock says otherwise.
    line = add_event(site, event(start="2026-10-25 02:30+01:00", end="2026-10-25 02:45+02:00"))
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.end",
                   line=site.line_of("events.yaml", "end: 2026-10-25", after=line), message=("ends before",))


def test_end_after_start_across_the_repeated_hour(site: SiteCopy) -> None:
    # 02:30 summer time (00:30 UTC) to 02:15 winter time (01:15 UTC) lasts 45 minutes.
    add_event(site, event(start="2026-10-25 02:30+02:00", end="2026-10-25 02:15+01:00"))
    found = loaded_event(site, "test-event")
    assert found.end.astimezone(timezone.utc) - found.start.astimezone(timezone.utc) == timedelta(minutes=45)


def test_all_day_start_with_timed_end(site: SiteCopy) -> None:
    line = add_event(site, event(start="2026-05-12"))
    problem = only(site.check())
    assert_problem(problem, file=EVENTS, field=f"{event_path(site, line)}.end",
                   line=site.line_of("events.yaml", "end: 2026-05-12", after=line), message=("has a time",))
    # The fix shows both ways an editor can write it, in the form the field reads.
    assert problem.fix == "give both with times ('2019-03-27 15:00') or both as whole days ('2019-03-27')"


def test_local_time_in_the_dst_gap_does_not_exist(site: SiteCopy) -> None:
    line = add_event(site, event(start="2026-03-29 02:30", end="2026-03-29 04:00"))
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.start", column=12,
                   line=site.line_of("events.yaml", "start: 2026-03-29 02:30", after=line),
                   message=("2026-03-29 02:30", "does not exist", "Europe/Warsaw"), fix=("one hour later",))


def test_dst_gap_uses_the_venue_zone(site: SiteCopy) -> None:
    # 02:30 exists in London on 29 March 2026 (its gap is 01:00–02:00), 01:30 does not.
    line = add_event(site, event(venue="test-pub", start="2026-03-29 01:30", end="2026-03-29 04:00"))
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.start",
                   line=site.line_of("events.yaml", "start: 2026-03-29 01:30", after=line),
                   message=("does not exist", "Europe/London"))
    site.replace("events.yaml", "start: 2026-03-29 01:30", "start: 2026-03-29 02:30")
    assert loaded_event(site, "test-event").start.utcoffset() == timedelta(hours=1)


def test_ambiguous_local_time_needs_an_offset(site: SiteCopy) -> None:
    line = add_event(site, event(start="2026-10-25 02:30", end="2026-10-25 04:00"))
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.start", column=12,
                   line=site.line_of("events.yaml", "start: 2026-10-25 02:30", after=line),
                   message=("happens twice", "Europe/Warsaw"),
                   fix=("2026-10-25 02:30+02:00", "2026-10-25 02:30+01:00"))


@pytest.mark.parametrize("offset, hours", [("+02:00", 2), ("+01:00", 1), ("+0100", 1)])
def test_offset_resolves_an_ambiguous_time(site: SiteCopy, offset: str, hours: int) -> None:
    add_event(site, event(start=f"2026-10-25 02:30{offset}", end="2026-10-25 04:00"))
    start = loaded_event(site, "test-event").start
    assert start.utcoffset() == timedelta(hours=hours)
    assert start.replace(tzinfo=None) == datetime(2026, 10, 25, 2, 30)


def test_the_two_resolutions_are_an_hour_apart(site: SiteCopy) -> None:
    add_event(site, event("test-summer", start="2026-10-25 02:30+02:00", end="2026-10-25 04:00"))
    add_event(site, event("test-winter", start="2026-10-25 02:30+01:00", end="2026-10-25 04:00"))
    loaded, _ = site.load()
    by_id = {e.id: e for e in loaded.events}
    # Subtract in UTC: Python compares times of one zone by wall clock, ignoring which 02:30 it is.
    summer, winter = (by_id[i].start.astimezone(timezone.utc) for i in ("test-summer", "test-winter"))
    assert winter - summer == timedelta(hours=1)


@pytest.mark.parametrize("start, words", [
    ("2026-10-25 02:30+03:00", ("matches neither",)),
    ("2026-05-12 10:00+01:00", ("does not match", "+02:00")),
])
def test_wrong_offset(site: SiteCopy, start: str, words: tuple[str, ...]) -> None:
    line = add_event(site, event(start=start, end="2026-10-25 04:00" if "10-25" in start else "2026-05-12 12:00"))
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.start", message=words,
                   line=site.line_of("events.yaml", f"start: {start}", after=line))


def test_unknown_time_zone_suggests_the_closest(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    timezone: Europe/Warsow\n"))
    assert_problem(only(site.check()), file=EVENTS, column=15, field=f"{event_path(site, line)}.timezone",
                   line=site.line_of("events.yaml", "timezone: Europe/Warsow", after=line),
                   message=("'Europe/Warsow'", "not a known time zone"), fix=("did you mean 'Europe/Warsaw'",))


def test_unknown_time_zone_without_a_close_match_names_an_example(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    timezone: Mars/Olympus_Mons\n"))
    problem = only(site.check())
    assert_problem(problem, file=EVENTS, field=f"{event_path(site, line)}.timezone",
                   line=site.line_of("events.yaml", "timezone: Mars/Olympus_Mons", after=line),
                   message=("not a known time zone",))
    assert problem.fix == "use an IANA name such as Europe/Warsaw or Europe/London"


def test_unknown_status_without_a_close_match_lists_the_values(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    status: xyzzy\n"))
    problem = only(site.check())
    assert_problem(problem, file=EVENTS, field=f"{event_path(site, line)}.status",
                   line=site.line_of("events.yaml", "status: xyzzy", after=line), message=("'xyzzy'", "allowed values"))
    assert problem.fix == "use one of: scheduled, cancelled, postponed, rescheduled, moved_online"


def test_a_status_written_as_a_list_is_shown_written_on_one_line(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    status: [cancelled]\n"))
    problem = only(site.check())
    assert_problem(problem, file=EVENTS, field=f"{event_path(site, line)}.status",
                   line=site.line_of("events.yaml", "status: [cancelled]", after=line))
    assert problem.message == "expected a single value here, found a list or a group of fields"
    # The example is a real status (the first the reference lists), not a placeholder.
    assert problem.fix == "write it on one line, e.g. 'status: scheduled'"


# --- venues and time zones ------------------------------------------------------------------




def test_venue_abroad_without_a_time_zone(site: SiteCopy) -> None:
    line = _drop_pub_timezone(site)
    assert_problem(only(site.check()), file=VENUES, line=line, column=5,
                   field=f"venues[{site.entry_index('venues.yaml', line)}].timezone",
                   message=("GB", "Europe/Warsaw"), fix=("timezone: Europe/London",))


def test_venue_with_a_zone_of_another_country(site: SiteCopy) -> None:
    pub = site.line_of("venues.yaml", "  - id: test-pub")
    line = site.line_of("venues.yaml", "    timezone: Europe/London", after=pub)
    site.replace_line("venues.yaml", line, "    timezone: Europe/Paris")
    assert_problem(only(site.check()), file=VENUES, line=line, column=15,
                   field=f"venues[{site.entry_index('venues.yaml', line)}].timezone",
                   message=("Europe/Paris", "not a time zone of GB"), fix=("Europe/London",))


def test_polish_venue_takes_the_project_zone(site: SiteCopy) -> None:
    loaded, _ = site.load()
    assert {v.id: v.timezone for v in loaded.venues}["test-hall"] == loaded.project.timezone


def test_events_at_a_venue_abroad_use_its_zone(site: SiteCopy) -> None:
    add_event(site, event(venue="test-pub", start="2026-05-12 10:00", end="2026-05-12 12:00"))
    start = loaded_event(site, "test-event").start
    assert str(start.tzinfo) == "Europe/London" and start.utcoffset() == timedelta(hours=1)


def test_coordinates_out_of_range(site: SiteCopy) -> None:
    site.replace("venues.yaml", "    street: ul. Testowa 1\n", "    street: ul. Testowa 1\n    latitude: 149.69\n"
                 "    longitude: 21.77\n")
    line = site.line_of("venues.yaml", "latitude: 149.69")
    assert_problem(only(site.check()), file=VENUES, line=line, message=("out of range",), fix=("-90",))


@pytest.mark.parametrize("given", ["latitude: 49.69", "longitude: 21.77"])
def test_latitude_without_longitude_or_the_other_way_round(site: SiteCopy, given: str) -> None:
    site.replace("venues.yaml", "    street: ul. Testowa 1\n", f"    street: ul. Testowa 1\n    {given}\n")
    line = site.line_of("venues.yaml", "  - id: test-hall")
    problem = only(site.check())
    assert_problem(problem, file=VENUES, line=line, field=f"venues[{site.entry_index('venues.yaml', line)}]",
                   message=("only one of latitude and longitude",), fix=("both",))
    assert problem.fix == "give both, or neither"


def test_a_partner_id_in_capitals_shows_a_partner_s_id(site: SiteCopy) -> None:
    line = site.replace("partners.yaml", "  - id: test-partner", "  - id: Test-Partner")
    problem = only([p for p in site.check() if p.location.file == "data/partners.yaml"])
    assert_problem(problem, file="data/partners.yaml", line=line, message=("'Test-Partner'",))
    # The example is a partner's id (the lead partner), not an event's.
    assert problem.fix == "use only lower-case letters a–z, digits and hyphens, e.g. 'lead'"


@pytest.mark.parametrize("code", ["Polska", "XY", "P1"])
def test_a_country_that_is_not_an_iso_code(site: SiteCopy, code: str) -> None:
    hall = site.line_of("venues.yaml", "  - id: test-hall")
    line = site.line_of("venues.yaml", "    country: PL", after=hall)
    site.replace_line("venues.yaml", line, f"    country: {code}")
    assert_problem(only(site.check()), file=VENUES, line=line, column=14, message=(f"'{code}'", "country code"),
                   fix=("PL", "GB"))


def test_a_venue_without_its_country(site: SiteCopy) -> None:
    line = site.line_of("venues.yaml", "  - id: test-hall")
    site.replace("venues.yaml", "    city: Krosno\n    country: PL\n\n  - id: test-pub", "    city: Krosno\n\n  - id: test-pub")
    problem = only(site.check())
    assert_problem(problem, file=VENUES, line=line, field=f"venues[{site.entry_index('venues.yaml', line)}].country",
                   message=("required", "'country'"))
    assert problem.fix == "add a line 'country: PL' to this entry"


# --- money ----------------------------------------------------------------------------------


def _amount(site: SiteCopy, key: str) -> Decimal:
    return Decimal(re.search(rf"^{key}:\s+([0-9.]+)", site.read("project.yaml"), re.M).group(1))


def test_co_financing_rate_must_agree_with_the_amounts(site: SiteCopy) -> None:
    actual = (_amount(site, "grant") / _amount(site, "total_value") * 100).quantize(Decimal("0.01"))
    wrong = actual - 5
    line = site.line_of("project.yaml", "co_financing_rate:")
    site.replace_line("project.yaml", line, f"co_financing_rate: {wrong}")
    assert_problem(only(site.check()), file=PROJECT, line=line, column=20, field="co_financing_rate",
                   message=(f"{wrong}%", "disagrees", f"{actual}%"), fix=("rate", "amounts"))


def test_a_rate_that_disagrees_names_both_amounts_and_the_way_out(site: SiteCopy) -> None:
    # The demo's funding agreement: 728 752.08 of 772 883.74 is 94.29 %. The fix is the one the editors'
    # reference gives: correct the rate or an amount, or leave the rate out (the program works it out).
    line = site.replace("project.yaml", "co_financing_rate: 94.29", "co_financing_rate: 89.29")
    problem = only(site.check())
    assert_problem(problem, file=PROJECT, line=line, field="co_financing_rate")
    assert problem.message == "the rate 89.29% disagrees with the amounts: 728752.08 of 772883.74 is 94.29%"
    assert problem.fix == "correct the rate or one of the amounts (or leave the rate out: it is worked out)"


def test_co_financing_rate_allows_rounding_to_a_hundredth(site: SiteCopy) -> None:
    actual = (_amount(site, "grant") / _amount(site, "total_value") * 100).quantize(Decimal("0.01"))
    line = site.line_of("project.yaml", "co_financing_rate:")
    site.replace_line("project.yaml", line, f"co_financing_rate: {actual + Decimal('0.01')}")
    assert site.check() == []
    site.replace_line("project.yaml", line, f"co_financing_rate: {actual + Decimal('0.02')}")
    assert only(site.check()).field == "co_financing_rate"


def test_grant_larger_than_the_total(site: SiteCopy) -> None:
    line = site.line_of("project.yaml", "grant:")
    site.replace_line("project.yaml", line, f"grant: {_amount(site, 'total_value') + 1}")
    assert_problem(only(site.check()), file=PROJECT, line=line, field="grant", message=("larger",))


@pytest.mark.parametrize("key", ["total_value", "grant", "co_financing_rate"])
def test_a_negative_amount(site: SiteCopy, key: str) -> None:
    line = site.line_of("project.yaml", f"{key}:")
    site.replace_line("project.yaml", line, f"{key}: -5")
    assert_problem(only([p for p in site.check() if p.field == key]), file=PROJECT, line=line, column=len(key) + 3,
                   message=("-5 is negative",), fix=("zero or more",))


@pytest.mark.parametrize("key", ["total_value", "grant", "co_financing_rate"])
def test_an_amount_of_0_is_a_warning_in_the_reference_s_words(site: SiteCopy, key: str) -> None:
    # The editors' reference quotes this warning word for word (and tells to leave the field out).
    line = site.line_of("project.yaml", f"{key}:")
    site.replace_line("project.yaml", line, f"{key}: 0")
    warning = only([p for p in site.check() if p.field == key], "warning")
    assert_problem(warning, file=PROJECT, line=line, severity="warning", fix=(f"leave '{key}' out",))
    assert warning.message == "the amount is 0, and the facts card will say so"


def test_a_rate_above_100_is_refused_in_the_reference_s_words(site: SiteCopy) -> None:
    # The editors' reference: "`is more than the whole` — Write the rate in per cent, from 0 to 100."
    site.replace("project.yaml", "grant: 728752.08", "")
    line = site.replace("project.yaml", "co_financing_rate: 94.29", "co_financing_rate: 100.5")
    problem = only(site.check())
    assert_problem(problem, file=PROJECT, line=line, field="co_financing_rate")
    assert problem.message == "100.5% is more than the whole"
    assert problem.fix == "write the rate in per cent, from 0 to 100"


def test_a_project_may_leave_out_its_dates(site: SiteCopy) -> None:
    # The editors' reference marks 'start' and 'end' "no" (the card then shows only the date it knows).
    lines = site.lines("project.yaml")
    site.write("project.yaml", "\n".join(line for line in lines if not line.startswith(("start:", "end:"))))
    assert len(site.lines("project.yaml")) == len(lines) - 2
    loaded, problems = site.load()
    assert problems == [] and (loaded.project.start, loaded.project.end) == (None, None)


def test_a_project_without_amounts_needs_no_currency(site: SiteCopy) -> None:
    # The editors' reference: 'currency' is required "with an amount", i.e. when total_value or grant is given.
    for key in ("total_value", "grant", "co_financing_rate", "currency"):
        site.replace_line("project.yaml", site.line_of("project.yaml", f"{key}:"), "")
    loaded, problems = site.load()
    assert problems == [] and (loaded.project.total_value, loaded.project.currency) == (None, None)


@pytest.mark.parametrize("key", ["total_value", "grant"])
def test_an_amount_needs_its_currency(site: SiteCopy, key: str) -> None:
    other = "grant" if key == "total_value" else "total_value"
    for gone in (other, "co_financing_rate", "currency"):
        site.replace_line("project.yaml", site.line_of("project.yaml", f"{gone}:"), "")
    assert_problem(only(site.check()), file=PROJECT, line=None, field="currency",
                   message=("the required field 'currency' is missing",), fix=("currency: PLN",))


# The examples are the editors' reference's own: "Digits and a dot only: `772883.74`" and the rate "e.g. `94.29`".
@pytest.mark.parametrize("key, written, example", [("total_value", "772 883,74 zł", "772883.74"),
                                                   ("grant", "728.752,08", "728752.08"),
                                                   ("co_financing_rate", "94,29%", "94.29")])
def test_an_amount_written_the_polish_way_is_not_a_number(site: SiteCopy, key: str, written: str,
                                                          example: str) -> None:
    line = site.line_of("project.yaml", f"{key}:")
    site.replace_line("project.yaml", line, f"{key}: '{written}'")
    problem = only([p for p in site.check() if p.field == key])
    assert_problem(problem, file=PROJECT, line=line, message=(f"'{written}' is not a number",))
    assert problem.fix.endswith(f"with a dot before decimals and no spaces or currency, e.g. {example}")


@pytest.mark.parametrize("code", ["zł", "pln", "PLNX", "P1N"])
def test_a_currency_that_is_not_an_iso_code(site: SiteCopy, code: str) -> None:
    line = site.line_of("project.yaml", "currency:")
    site.replace_line("project.yaml", line, f"currency: {code}")
    assert_problem(only(site.check()), file=PROJECT, line=line, field="currency",
                   message=(f"'{code}'", "not a currency code"), fix=("PLN, EUR, GBP",))


# --- addresses and files ----------------------------------------------------------------------


def test_url_without_a_scheme_suggests_https(site: SiteCopy) -> None:
    line = site.line_of("partners.yaml", "website: https://example.org")
    site.replace_line("partners.yaml", line, "    website: www.cds.krakow.pl")
    assert_problem(only(site.check()), file=PARTNERS, line=line, column=14,
                   field=f"partners[{site.entry_index('partners.yaml', line)}].website",
                   message=("'www.cds.krakow.pl'", "not a complete web address"),
                   fix=("'https://www.cds.krakow.pl'",))


def test_an_unencrypted_address_is_a_warning_on_its_field(site: SiteCopy) -> None:
    line = site.line_of("partners.yaml", "website: https://example.org")
    site.replace_line("partners.yaml", line, "    website: http://example.org")
    assert_problem(only(site.check(), "warning"), file=PARTNERS, line=line, column=14, severity="warning",
                   field=f"partners[{site.entry_index('partners.yaml', line)}].website",
                   message=("'http://example.org'", "not encrypted"), fix=("'https://example.org'",))


def test_url_that_is_not_an_address(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    registration_url: zapisy u pani Ani\n"))
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.registration_url",
                   line=site.line_of("events.yaml", "registration_url:", after=line), fix=("https://",))


def test_logo_file_that_does_not_exist(site: SiteCopy) -> None:
    site.replace("partners.yaml", "    website: https://example.org\n", "    website: https://example.org\n"
                 "    logo: assets/logos/test.svg\n    logo_alt: {pl: Logo Fundacji, en: Foundation logo}\n")
    line = site.line_of("partners.yaml", "logo: assets/logos/test.svg")
    assert_problem(only(site.check()), file=PARTNERS, line=line, column=11,
                   field=f"partners[{site.entry_index('partners.yaml', line)}].logo",
                   message=("content/assets/logos/test.svg", "does not exist"), fix=("content/assets/logos/",))
    site.add_file("assets/logos/test.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    loaded, _ = site.load()
    assert next(p for p in loaded.partners if p.id == "test-partner").logo == "assets/logos/test.svg"


def test_logo_needs_a_text_alternative(site: SiteCopy) -> None:
    site.add_file("assets/logos/test.svg", b"<svg/>")
    line = site.line_of("partners.yaml", "  - id: test-partner")
    site.replace("partners.yaml", "    website: https://example.org\n",
                 "    website: https://example.org\n    logo: assets/logos/test.svg\n")
    assert_problem(only(site.check()), file=PARTNERS, line=line,
                   field=f"partners[{site.entry_index('partners.yaml', line)}].logo_alt", message=("required",))


def test_a_logo_given_as_a_web_address_is_refused_with_an_example_path(site: SiteCopy) -> None:
    site.replace("partners.yaml", "    website: https://example.org\n", "    website: https://example.org\n"
                 "    logo: https://example.org/logo.svg\n    logo_alt: {pl: Logo Fundacji, en: Foundation logo}\n")
    line = site.line_of("partners.yaml", "logo: https://example.org/logo.svg")
    problem = only(site.check())
    assert_problem(problem, file=PARTNERS, line=line, field=f"partners[{site.entry_index('partners.yaml', line)}].logo",
                   message=("web address",), fix=("content/assets/",))
    assert problem.fix.endswith("e.g. 'assets/logos/name.svg'"), problem.fix


DOCUMENTS = """documents:
  - id: raport-koncowy
    title:
      pl: Raport końcowy
      en: Final report
    file: assets/documents/raport.pdf
    type: report
    language: pl
    published: 2020-12-31
"""


def test_document_file_that_does_not_exist(site: SiteCopy) -> None:
    site.write("documents.yaml", DOCUMENTS)
    line = site.line_of("documents.yaml", "file:")
    assert_problem(only(site.check()), file="data/documents.yaml", line=line, column=11, field="documents[1].file",
                   message=("content/assets/documents/raport.pdf", "does not exist"),
                   fix=("content/assets/documents/",))
    site.add_file("assets/documents/raport.pdf", b"%PDF-1.4\n" + b"x" * 100)
    loaded, _ = site.load()
    assert loaded.documents[0].size_bytes == 109 and loaded.documents[0].published == date(2020, 12, 31)


def test_document_path_may_not_leave_the_content_folder(site: SiteCopy) -> None:
    site.write("documents.yaml", DOCUMENTS.replace("assets/documents/raport.pdf", "../data/project.yaml"))
    assert_problem(only(site.check()), file="data/documents.yaml", field="documents[1].file",
                   line=site.line_of("documents.yaml", "file:"), message=("'../data/project.yaml'", "leads outside"),
                   fix=("under content/assets/",))


def test_document_type_must_be_known(site: SiteCopy) -> None:
    site.add_file("assets/documents/raport.pdf")
    site.write("documents.yaml", DOCUMENTS.replace("type: report", "type: raport"))
    assert_problem(only(site.check()), file="data/documents.yaml", field="documents[1].type",
                   line=site.line_of("documents.yaml", "type:"), message=("'raport'",), fix=("report",))


@pytest.mark.parametrize("language", ["polski", "PL", "pol"])
def test_a_documents_language_is_a_two_letter_code(site: SiteCopy, language: str) -> None:
    site.add_file("assets/documents/raport.pdf")
    site.write("documents.yaml", DOCUMENTS.replace("language: pl", f"language: {language}"))
    assert_problem(only(site.check()), file="data/documents.yaml", field="documents[1].language",
                   line=site.line_of("documents.yaml", "language:"), column=15,
                   message=(f"'{language}'", "two-letter language code"), fix=("pl", "en"))


def test_a_document_without_its_language(site: SiteCopy) -> None:
    site.add_file("assets/documents/raport.pdf")
    site.write("documents.yaml", DOCUMENTS.replace("    language: pl\n", ""))
    problem = only(site.check())
    assert_problem(problem, file="data/documents.yaml", field="documents[1].language", line=2,
                   message=("required", "'language'"))
    assert problem.fix == "add a line 'language: pl' to this entry"


def test_a_document_without_its_file(site: SiteCopy) -> None:
    site.write("documents.yaml", DOCUMENTS.replace("    file: assets/documents/raport.pdf\n", ""))
    assert_problem(only(site.check()), file="data/documents.yaml", field="documents[1].file", line=2,
                   message=("'file'", "missing"), fix=("file: assets/documents/",))


def test_a_publication_date_with_a_time(site: SiteCopy) -> None:
    site.add_file("assets/documents/raport.pdf")
    site.write("documents.yaml", DOCUMENTS.replace("published: 2020-12-31", "published: 2020-12-31 10:00"))
    assert_problem(only(site.check()), file="data/documents.yaml", field="documents[1].published",
                   line=site.line_of("documents.yaml", "published:"), message=("without a time",),
                   fix=("'2020-12-31'",))


# --- HTML in texts --------------------------------------------------------------------------


@pytest.mark.parametrize("field, old, new", [
    ("title.pl", "pl: Warsztaty testowe", "pl: Warsztaty <b>testowe</b>"),
    ("description.en", "en: About the workshop.", "en: <script>alert('x')</script> About the workshop."),
])
def test_html_in_a_text_is_a_warning(site: SiteCopy, field: str, old: str, new: str) -> None:
    line = add_event(site, event())
    site.replace("events.yaml", old, new)
    text_line = site.line_of("events.yaml", new, after=line)
    problems = site.check()
    assert not [p for p in problems if p.is_error]
    assert_problem(only(problems, "warning"), file=EVENTS, line=text_line, column=11, severity="warning",
                   field=f"{event_path(site, line)}.{field}", message=("HTML",), fix=("remove the tags",))
    loaded = loaded_event(site, "test-event")
    # The text is kept as written: the renderers escape it.
    assert new.split(": ", 1)[1] in (loaded.title.in_("pl"), loaded.description.in_("en"))


def test_html_in_a_proper_name_is_a_warning(site: SiteCopy) -> None:
    site.replace("venues.yaml", "name: Sala testowa", "name: Sala <i>testowa</i>")
    line = site.line_of("venues.yaml", "Sala <i>testowa</i>")
    assert_problem(only(site.check(), "warning"), file=VENUES, line=line, severity="warning",
                   field=f"venues[{site.entry_index('venues.yaml', line)}].name", message=("HTML",))


def test_html_in_a_one_line_value_is_a_warning(site: SiteCopy) -> None:
    line = site.line_of("project.yaml", "programme_period:")
    site.replace_line("project.yaml", line, 'programme_period: "<b>2014-2020</b>"')
    warning = only(site.check(), "warning")
    assert_problem(warning, file=PROJECT, line=line, field="programme_period",
                   severity="warning", message=("HTML",), fix=("remove the tags",))
    assert warning.message == "this text contains HTML markup, which is shown as plain text"
    assert warning.fix == "remove the tags; links and formatting belong in the Markdown pages"


def test_comparison_signs_are_not_html(site: SiteCopy) -> None:
    add_event(site, event())
    site.replace("events.yaml", "en: About the workshop.", "en: For ages 6 < x < 12 and 3 > 2.")
    assert site.check() == []


@pytest.mark.parametrize("written, blank", [('"\\x54ODO: tytuł"', "TODO: tytuł"),
                                            ('"TO\\\n        DO: tytuł"', "TODO: tytuł"),
                                            ("TODO tytuł", "TODO tytuł")])
def test_a_placeholder_is_found_however_it_is_written(demo: SiteCopy, written: str, blank: str) -> None:
    # YAML makes 'TODO' of an escape ('\x54' is 'T') or of a line joined by a backslash: the letters are not in
    # the file as such, and the value is still a placeholder.
    line = demo.replace("events.yaml", "pl: Spotkanie informacyjne w Krośnie", f"pl: {written}")
    assert [str(p) for p in demo.check()] == [
        f"data/events.yaml:{line}:11: events[2].title.pl: still holds the placeholder \"{blank}\"; replace it with "
        "the real text (the placeholder says what belongs here)"]


# --- recurring slots ----------------------------------------------------------------------


REPEAT = """    repeat:
      every: week
      until: 2026-04-14
      except: [2026-03-31]
      cancelled: [2026-04-07]
"""


def test_weekly_slot_expands_with_stable_ids(site: SiteCopy) -> None:
    add_event(site, event("test-dyzur", start="2026-03-17 10:00", end="2026-03-17 14:00", extra=REPEAT))
    loaded, problems = site.load()
    assert problems == []
    occurrences = [e for e in loaded.events if e.series == "test-dyzur"]
    assert [e.id for e in occurrences] == ["test-dyzur-2026-03-17", "test-dyzur-2026-03-24",
                                           "test-dyzur-2026-04-07", "test-dyzur-2026-04-14"]
    assert [e.status for e in occurrences] == [EventStatus.SCHEDULED, EventStatus.SCHEDULED,
                                               EventStatus.CANCELLED, EventStatus.SCHEDULED]
    assert all(e.id != "test-dyzur" for e in loaded.events)


def test_weekly_slot_keeps_local_time_across_dst(site: SiteCopy) -> None:
    add_event(site, event("test-dyzur", start="2026-03-17 10:00", end="2026-03-17 14:00", extra=REPEAT))
    loaded, _ = site.load()
    occurrences = [e for e in loaded.events if e.series == "test-dyzur"]
    assert {(e.start.hour, e.start.minute, e.end.hour) for e in occurrences} == {(10, 0, 14)}
    # Before 29 March Poland is on UTC+1, after it on UTC+2: the instants move, the clock does not.
    assert [e.start.utcoffset() for e in occurrences] == [timedelta(hours=h) for h in (1, 1, 2, 2)]


def test_each_occurrence_is_the_slot_but_for_its_id_date_and_status(site: SiteCopy) -> None:
    """Everything else the slot says (venue, texts, organiser, where it is written…) is each occurrence's too."""
    loaded, _ = site.load()
    sessions = next(e for e in loaded.events if e.sessions)
    slot = replace(next(e for e in loaded.events if e.venue and not e.all_day), id="slot", description=Text.of(
        pl="Opis", en="About"), online_url="https://example.org/meet", organiser=loaded.partners[0],
        audience=Text.of(pl="Dla sąsiadów", en="For neighbours"), registration_url="https://example.org/form",
        previous_starts=(datetime(2019, 1, 1, 10, tzinfo=timezone.utc),), sessions=sessions.sessions,
        revision=3, updated=datetime(2019, 1, 2, tzinfo=timezone.utc), bring=Text.of(pl="Dowód", en="ID"),
        source=Location("data/events.yaml", 12, 5))
    days = [slot.start.date() + timedelta(weeks=n) for n in range(3)]
    occurrences = expand_weekly(slot, days, frozenset(days[1:2]))
    assert [(e.id, e.start.date(), e.status, e.series) for e in occurrences] == [
        (f"slot-{day.isoformat()}", day, status, "slot")
        for day, status in zip(days, (slot.status, EventStatus.CANCELLED, slot.status))]
    kept = [f.name for f in fields(Event) if f.name not in {"id", "start", "end", "status", "series"}]
    assert all(getattr(slot, name) not in (None, (), 0) for name in kept), "every field is set, to tell"
    for occurrence in occurrences:
        assert [getattr(occurrence, name) for name in kept] == [getattr(slot, name) for name in kept]


def test_a_session_keeps_the_time_zone_of_its_own_venue(site: SiteCopy) -> None:
    """A session abroad is at the local time of its venue, not of the event's (10:00 in Manchester is 09:00 UTC)."""
    add_event(site, event(extra=SESSION.format(start="2026-05-12 10:00", end="2026-05-12 11:00")
                          + "        venue: test-pub\n"))
    session = loaded_event(site, "test-event").sessions[0]
    assert session.start.astimezone(timezone.utc) == datetime(2026, 5, 12, 9, tzinfo=timezone.utc)


def test_every_two_weeks(site: SiteCopy) -> None:
    add_event(site, event("test-co-dwa", start="2026-03-03 10:00", end="2026-03-03 12:00",
                          extra="    repeat:\n      every: 2 weeks\n      until: 2026-03-31\n"))
    loaded, _ = site.load()
    days = [e.start.date() for e in loaded.events if e.series == "test-co-dwa"]
    assert days == [date(2026, 3, 3), date(2026, 3, 17), date(2026, 3, 31)]



def test_a_number_of_dates_instead_of_an_end_date(site: SiteCopy) -> None:
    # 'count: 4' from Tuesday 17 March: 17, 24, 31 March and 7 April; 'except' takes one of those four
    # away without adding a fifth (as in calendar apps, where deleting one of N occurrences leaves N - 1).
    repeat = "    repeat:\n      every: week\n      count: 4\n      except: [2026-03-31]\n"
    add_event(site, event("test-dyzur", start="2026-03-17 10:00", end="2026-03-17 14:00", extra=repeat))
    loaded, problems = site.load()
    assert problems == []
    assert [e.start.date() for e in loaded.events if e.series == "test-dyzur"] == [
        date(2026, 3, 17), date(2026, 3, 24), date(2026, 4, 7)]


def test_a_number_of_dates_every_two_weeks_counts_the_first(site: SiteCopy) -> None:
    add_event(site, event("test-co-dwa", start="2026-03-03 10:00", end="2026-03-03 12:00",
                          extra="    repeat:\n      every: 2 weeks\n      count: 3\n"))
    loaded, _ = site.load()
    days = [e.start.date() for e in loaded.events if e.series == "test-co-dwa"]
    assert days == [date(2026, 3, 3), date(2026, 3, 17), date(2026, 3, 31)]


@pytest.mark.parametrize("ending, field, message, fix", [
    ("", "repeat", ("has no end",), ("until", "count")),
    ("      until: 2026-04-14\n      count: 4\n", "repeat.count", ("both 'until' and 'count'",), ("keep one",)),
    ("      count: 0\n", "repeat.count", ("at least one date",), ("count: 10",)),
    ("      count: few\n", "repeat.count", ("'few' is not a whole number",), ("digits",)),
    ("      count: 261\n", "repeat.count", ("would repeat 261 times",), ("260",)),
])
def test_the_end_of_a_repetition_is_one_date_or_one_number(site: SiteCopy, ending: str, field: str,
                                                          message: tuple[str, ...], fix: tuple[str, ...]) -> None:
    line = add_event(site, event("test-dyzur", start="2026-03-17 10:00", end="2026-03-17 14:00",
                                 extra="    repeat:\n      every: week\n" + ending))
    where = ending.split("\n")[-2].strip() if field.endswith("count") else "repeat:"
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.{field}", message=message,
                   fix=fix, line=site.line_of("events.yaml", where, after=line) + (field == "repeat"))


def test_a_repetition_without_an_end_shows_both_ways_to_end_it(site: SiteCopy) -> None:
    add_event(site, event("test-dyzur", start="2026-03-17 10:00", end="2026-03-17 14:00",
                          extra="    repeat:\n      every: week\n"))
    problem = only(site.check())
    assert problem.message == "the repetition has no end"
    assert problem.fix == "add 'until: <the last day, YYYY-MM-DD>' or 'count: <how many dates, e.g. 10>'"


@pytest.mark.parametrize("key", ["except", "cancelled"])
def test_skipped_date_must_be_an_occurrence(site: SiteCopy, key: str) -> None:
    repeat = f"    repeat:\n      every: week\n      until: 2026-04-14\n      {key}: [2026-04-01]\n"
    line = add_event(site, event("test-dyzur", start="2026-03-17 10:00", end="2026-03-17 14:00", extra=repeat))
    item_line = site.line_of("events.yaml", f"{key}: [2026-04-01]", after=line)
    assert_problem(only(site.check()), file=EVENTS, line=item_line, column=len(key) + 10,
                   field=f"{event_path(site, line)}.repeat.{key}[1]",
                   message=("2026-04-01", "not one of the dates"), fix=("same weekday as 2026-03-17", "2026-04-14"))


def test_unsupported_repetition(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    repeat:\n      every: month\n      until: 2026-08-01\n"))
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.repeat.every",
                   line=site.line_of("events.yaml", "every: month", after=line), message=("'month'",),
                   fix=("week",))


def test_repetition_ending_before_it_starts(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    repeat:\n      every: week\n      until: 2026-04-01\n"))
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.repeat.until",
                   line=site.line_of("events.yaml", "until: 2026-04-01", after=line), message=("before",))


def test_empty_item_in_a_date_list(site: SiteCopy) -> None:
    # Used to crash: the loader located the problem on a node without a position.
    repeat = "    repeat:\n      every: week\n      until: 2026-04-14\n      except:\n        -\n"
    line = add_event(site, event("test-dyzur", start="2026-03-17 10:00", end="2026-03-17 14:00", extra=repeat))
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.repeat.except[1]",
                   line=site.line_of("events.yaml", "        -", after=line), message=("empty item",),
                   fix=("one date per item",))


@pytest.mark.parametrize("start, end, until, words", [
    ("2026-03-22 02:30", "2026-03-22 04:00", "2026-04-12", ("2026-03-29", "does not exist")),
    ("2026-10-18 02:30", "2026-10-18 04:00", "2026-11-08", ("2026-10-25", "happens twice")),
])
def test_occurrence_on_a_dst_change_night(site: SiteCopy, start: str, end: str, until: str,
                                          words: tuple[str, ...]) -> None:
    repeat = f"    repeat:\n      every: week\n      until: {until}\n"
    line = add_event(site, event("test-nocny", start=start, end=end, extra=repeat))
    problem = only(site.check())
    assert_problem(problem, file=EVENTS, field=f"{event_path(site, line)}.start", message=words,
                   line=site.line_of("events.yaml", f"start: {start}", after=line), fix=("except",))
    skipped = words[0]
    site.replace("events.yaml", f"      until: {until}\n", f"      until: {until}\n      except: [{skipped}]\n")
    loaded, _ = site.load()
    assert f"test-nocny-{skipped}" not in {e.id for e in loaded.events}


def test_slot_on_an_ambiguous_night_keeps_its_offset(site: SiteCopy) -> None:
    repeat = "    repeat:\n      every: week\n      until: 2026-11-01\n"
    add_event(site, event("test-nocny", start="2026-10-25 02:30+01:00", end="2026-10-25 04:00", extra=repeat))
    loaded, _ = site.load()
    first = next(e for e in loaded.events if e.id == "test-nocny-2026-10-25")
    assert first.start.utcoffset() == timedelta(hours=1)


def test_occurrence_id_clashing_with_an_event(site: SiteCopy) -> None:
    line = add_event(site, event("test-dyzur", start="2026-03-17 10:00", end="2026-03-17 14:00", extra=REPEAT))
    add_event(site, event("test-dyzur-2026-03-24"))
    problem = only(site.check())
    assert problem.location.file == EVENTS and "test-dyzur-2026-03-24" in problem.message
    assert problem.field.endswith(".id") and problem.location.line > line


def test_occurrence_id_clashing_with_an_earlier_event(site: SiteCopy) -> None:
    add_event(site, event("test-dyzur-2026-03-24"))
    line = add_event(site, event("test-dyzur", start="2026-03-17 10:00", end="2026-03-17 14:00", extra=REPEAT))
    assert_problem(only(site.check()), file=EVENTS, line=line, field=f"{event_path(site, line)}.id",
                   message=("'test-dyzur-2026-03-24'", "clashes"), fix=("rename",))


# --- every problem at once ------------------------------------------------------------------


def test_every_problem_is_reported_in_one_pass(site: SiteCopy) -> None:
    add_event(site, event("test-a", end="2026-05-12 09:00"))
    add_event(site, event("test-b", venue="test-hal"))
    site.replace("partners.yaml", "website: https://example.org", "website: example.org")
    with pytest.raises(SiteDataError) as caught:
        load_site(site.root)
    problems = caught.value.problems
    assert [p.location.file for p in problems] == [EVENTS, EVENTS, PARTNERS]
    assert problems == sorted(problems, key=lambda p: (p.location, p.field, p.message))


def test_runaway_repetition_is_refused(site: SiteCopy) -> None:
    # 'until: 2099' instead of '2026' would quietly make thousands of events.
    line = add_event(site, event("test-dyzur", start="2026-03-17 10:00", end="2026-03-17 14:00",
                                 extra="    repeat:\n      every: week\n      until: 2099-04-14\n"))
    assert_problem(only(site.check()), file=EVENTS, field=f"{event_path(site, line)}.repeat.until",
                   line=site.line_of("events.yaml", "until: 2099-04-14", after=line),
                   message=("would repeat 3814 times",), fix=("check the year", "260"))


def test_a_stray_data_file_is_named_and_read_by_nothing(demo: SiteCopy) -> None:
    """A backup copy beside the data is not site data: a warning says so, and nothing reads it (a tab in it is harmless)."""
    from microsite.translations import translation_report

    demo.write("events-old.yaml", "events:\n\t- id: broken\n")
    assert_problem(only(demo.check(), "warning"), file="data/events-old.yaml", line=None, severity="warning",
                   message=("not made from this file",), fix=("events.yaml", "move it out"))
    assert not [e for e in translation_report(demo.root).entries if "events-old" in e.item]


@pytest.mark.parametrize("rate, severity, words", [("100.5", "error", ("more than the whole",)),
                                                   ("0", "warning", ("0",))])
def test_a_rate_above_the_whole_or_of_nothing(demo: SiteCopy, rate: str, severity: str, words) -> None:
    demo.replace("project.yaml", "grant: 728752.08", "")
    line = demo.replace("project.yaml", "co_financing_rate: 94.29", f"co_financing_rate: {rate}")
    found = [p for p in demo.check() if p.field == "co_financing_rate"]
    assert_problem(only(found, severity), file=PROJECT, line=line, field="co_financing_rate", severity=severity,
                   message=words)


def test_an_event_whose_page_would_be_an_editors_page_is_refused(demo: SiteCopy) -> None:
    """The generated page of an event must not overwrite a page an editor wrote at the same address."""
    demo.add_file("en/schedule/wizyta-studyjna-2018.md", b"---\ntitle: Our own page\ndescription: What we did in 2018.\n---\n\nOur text.\n")
    problem = only(check_project(demo.root))
    assert_problem(problem, file="data/events.yaml", line=demo.line_of("events.yaml", "- id: wizyta-studyjna-2018"),
                   field="id", message=("content/en/schedule/wizyta-studyjna-2018.md", "editor's page"))


def test_a_data_file_too_large_to_be_a_projects_is_refused_unread(demo: SiteCopy) -> None:
    demo.append("events.yaml", "# " + "x" * 10_000_000 + "\n")
    problem = only(demo.errors())
    assert_problem(problem, file="data/events.yaml", line=None, field="", message=("larger than 10 MB",))


def test_a_favicon_drawn_for_another_name_is_named(demo: SiteCopy) -> None:
    """A project started from another keeps its icons until they are drawn anew: the check says which."""
    demo.replace("project.yaml", "  pl: Społecznie Zorganizowani\n", "  pl: Zielone Podwórka\n")
    found = sorted((p.location.file, p.message) for p in check_project(demo.root) if "drawn for" in p.message)
    assert [file for file, _ in found] == ["content/assets/favicon.svg", "content/assets/og/pl.png"], found
    assert all("drawn for 'Społecznie Zorganizowani'" in message and "'Zielone Podwórka'" in message
               for _, message in found)
    assert not any(p.is_error for p in check_project(demo.root))  # a warning: the site still publishes


def test_the_builds_check_report_reads_back_what_was_written(tmp_path) -> None:
    """The preview shows the build's problems from its report file: every part of each problem survives."""
    from microsite.check import REPORT_ENV, read_report, write_report
    from microsite.errors import Location, Problem

    problems = [Problem(Location("data/events.yaml", 12, 5), "events[0].start", "is not a date", "write 2027-01-14"),
                Problem(Location("content/pl/index.md"), "", "still holds a placeholder", "replace it", "warning")]
    path = tmp_path / "report.json"
    assert read_report(path) is None
    write_report(problems, {REPORT_ENV: str(path)})
    assert read_report(path) == problems


def test_a_missing_id_is_reported_once(site: SiteCopy) -> None:
    first = site.append("events.yaml", event().replace("  - id: test-event\n", "  -\n"))
    line = site.line_of("events.yaml", "    kind: workshop", after=first)  # where the entry's fields start
    entry = sum(text.startswith("  - ") for text in site.lines("events.yaml")) + 1  # the new entry is last
    assert_problem(only(site.check()), file=EVENTS, line=line, field=f"events[{entry}].id",
                   message=("'id'", "missing"), fix=("id: info-meeting-2027-01-20",))


# --- the editor reads each message as written -----------------------------------------------
# The rules above check the key words of a message; here the whole sentence and its fix, as the editors'
# reference quotes them (docs/editors/reference.*.md): a word changed or shouted is a change the editor reads.


def _languages(written: str):
    return lambda site: site.replace("project.yaml", "languages: [pl, en]", written)


def _with_event(**kwargs):
    return lambda site: add_event(site, event(**kwargs))


def _without_line(name: str, line: str):
    return lambda site: site.replace(name, line, "")


def _event_with_title(written: str):
    """Add the test event with its title replaced by ``written`` (lines indented 4 spaces; '' leaves it out)."""
    def change(site: SiteCopy) -> None:
        add_event(site, event())
        site.replace("events.yaml", "    title:\n      pl: Warsztaty testowe\n      en: Test workshop\n", written)
    return change


SLOT = {"start": "2026-03-17 10:00", "end": "2026-03-17 14:00"}
TWO_SESSIONS_ONE_ID = SESSION.format(start="2026-05-12 10:00", end="2026-05-12 11:00") + """\
      - id: rano
        start: 2026-05-12 11:00
        end: 2026-05-12 12:00
        title: {pl: Później, en: Later}
"""


def _no_venues_and_a_venue_named(site: SiteCopy) -> None:
    site.write("venues.yaml", "venues: []\n")
    site.write("events.yaml", "events:\n" + event(venue="Sala 1"))


def _occurrence_clash(site: SiteCopy) -> None:
    add_event(site, event("test-dyzur-2026-03-24"))
    add_event(site, event("test-dyzur", **SLOT, extra=REPEAT))


@pytest.mark.parametrize("change, field, message, fix", [
    (_languages("languages: [pl]"), "languages", "a site has at least two languages",
     "add the second language, e.g. 'languages: [pl, en]'"),
    (_languages("language: [pl, en]"), "languages", "the site's languages are not given",
     "add a line 'languages: [pl, en]' (the first is the default, served at the site root)"),
    # 'qq' is no language at all: its fix must not offer a lower-case spelling of it.
    (_languages("languages: [pl, qq]"), "languages[2]", "'qq' is not a language code CLDR knows",
     "use the two-letter ISO 639-1 code, e.g. pl, en, uk, de"),
    (_languages("languages: [pl, EN]"), "languages[2]", "'EN' is not a language code CLDR knows",
     "use the two-letter ISO 639-1 code, e.g. pl, en, uk, de; write it in lower case: en"),
    (_without_line("project.yaml", "currency: PLN\n"), "currency", "the required field 'currency' is missing or empty",
     "add a line 'currency: PLN' to this entry"),
    (lambda site: site.replace("project.yaml", "  - id: institutions\n", "  -\n"), "results[1].id",
     "the required field 'id' is missing or empty", "add a line 'id: institutions' to this entry"),
    (lambda site: site.append("venues.yaml", "\n  - name: Sala bez id\n    city: Krosno\n    country: PL\n"),
     ".id", "the required field 'id' is missing or empty", "add a line 'id: community-centre' to this entry"),
    (_no_venues_and_a_venue_named, ".venue", "'Sala 1' is not a valid id",
     "use only lower-case letters a–z, digits and hyphens, e.g. 'id'"),
    (_with_event(extra="    updated: 2026-05-01\n"), ".updated",
     "'updated' is no longer used: calendars take the time of every change from the repository's history",
     "delete this line"),
    (_with_event(extra="    status: rescheduled\n"), ".status", "a rescheduled event must keep its previous start",
     "add 'previous_start: <the old date and time>'"),
    (_with_event(extra="    status: moved_online\n"), ".status",
     "an event moved online needs the address of the meeting", "add 'online_url: https://…'"),
    (_with_event(start="2031-05-12 10:00", end="2031-05-12 12:00"), ".start",
     "2031-05-12 is outside the project's period (2018-09-03 – 2030-12-31)",
     "check the year (the event is published all the same)"),
    (_with_event(extra=SESSION.format(start="2026-05-12", end="2026-05-12")), ".sessions[1]",
     "a programme session needs a start and end time", "write start and end as '2018-10-23 09:30'"),
    (_with_event(extra=SESSION.format(start="2026-05-12 11:00", end="2026-05-12 10:30")), ".sessions[1].end",
     "the session ends before it starts", "check both times"),
    (_with_event(extra=TWO_SESSIONS_ONE_ID), ".sessions[2].id", "two sessions share the id 'rano'",
     "give each session its own id"),
    (_with_event(ident="test-dyzur", **SLOT, extra="    repeat:\n      every: week\n      until: 2026-04-14\n"
                 "      count: 4\n"), ".repeat.count", "the repetition has both 'until' and 'count'",
     "keep one: 'until' (the last day) or 'count' (how many dates)"),
    (_with_event(ident="test-dyzur", **SLOT, extra="    repeat:\n      every: week\n      count: 0\n"), ".repeat.count",
     "a slot repeats on at least one date", "write how many dates, the first one included, e.g. 'count: 10'"),
    (_with_event(ident="test-dyzur", **SLOT, extra="    repeat:\n      every: week\n      until: 2026-04-14\n"
                 "      except:\n        -\n"), ".repeat.except[1]",
     "expected a date here, found an empty item or a list", "write one date per item, e.g. '- 2019-03-27', "
     "or delete the item"),
    (_occurrence_clash, ".id", "the occurrence id 'test-dyzur-2026-03-24' clashes with another event",
     "rename one of them"),
    # December is a month: the day is what is wrong.
    (_with_event(start="2026-12-32 10:00", end="2027-01-01 12:00"), ".start",
     "'2026-12-32 10:00' is an impossible date: there is no day 32 in December 2026",
     "check the day and the month (the format is YYYY-MM-DD)"),
    (_with_event(end="2026-05-12 24:30"), ".end", "'2026-05-12 24:30' has an impossible time",
     "write the time as HH:MM on a 24-hour clock, from 00:00 to 23:59"),
    # 'Z' is UTC (ISO 8601); Poland is two hours ahead of it in May.
    (_with_event(start="2026-05-12 10:00Z"), ".start", "the offset does not match Europe/Warsaw on that day (it is "
     "+02:00)", "remove the offset, or correct it"),
    (_with_event(extra="    organiser: nope\n"), ".organiser", "there is no partner with the id 'nope'",
     "use an id from data/partners.yaml, or add the partner there"),
    # Weekly from 22 March, 01:00–02:30: on 29 March 2026 Poland's clocks jump from 02:00 to 03:00.
    (_with_event(ident="test-noc", start="2026-03-22 01:00", end="2026-03-22 02:30",
                 extra="    repeat:\n      every: week\n      until: 2026-04-05\n"), ".end",
     "the repetition on 2026-03-29 falls at 2026-03-29 02:30, which does not exist in Europe/Warsaw (the clocks "
     "change that night)", "add 2026-03-29 to 'except' under 'repeat', or move the slot to another hour"),
    # A text's example shows one line per site language (the test site's are pl and en).
    (_event_with_title(""), ".title", "the required field 'title' is missing or empty",
     "add a line 'title: {pl: …, en: …}' to this entry"),
    (_event_with_title("    title: [Warsztaty, Workshop]\n"), ".title", "expected a text in each language, found a list",
     "write it as: pl: … en: …"),
    (_event_with_title("    title:\n      [pl, en]: Warsztaty\n"), ".title",
     "a list or a group of fields is used as a language code", "write one line per language: pl: …, en: …"),
])
def test_the_editor_reads_each_message_as_written(site: SiteCopy, change, field: str, message: str, fix: str) -> None:
    change(site)
    problems = site.check()
    # '.start' stands for the field of an entry of a list: 'events[11].start'.
    found = [p for p in problems if (p.field or "") == field or (field.startswith(".") and
                                                                 re.fullmatch(r"[a-z_]+\[\d+\]" + re.escape(field),
                                                                              p.field or ""))]
    assert len(found) == 1, "\n".join(map(str, problems))
    assert (found[0].message, found[0].fix) == (message, fix), str(found[0])


def test_the_example_of_a_missing_text_names_the_sites_own_languages() -> None:
    # Worded once per set of languages, and never another site's.
    for languages, example in ((("pl", "en"), "{pl: …, en: …}"), (("en", "uk", "pl"), "{en: …, uk: …, pl: …}"),
                               (("pl", "en"), "{pl: …, en: …}")):
        ctx = Context("data/events.yaml", languages)
        assert Reader(ctx, load_yaml_text("id: a\n", "data/events.yaml"), "events[1]", ("id", "title")).text(
            "title") is None
        assert [p.fix for p in ctx.problems] == [f"add a line 'title: {example}' to this entry"]



def test_a_choice_read_without_readers_words_still_names_the_closest_value() -> None:
    # The statuses come with what readers see ('odwołane'); a choice read without such words gets the same help.
    ctx = Context("data/events.yaml", ("pl", "en"))
    reader = Reader(ctx, load_yaml_text("status: canceled\n", "data/events.yaml"), "events[1]", ("status",))
    assert reader.choice("status", EventStatus) is None
    assert [(p.message, p.fix) for p in ctx.problems] == [(
        "'canceled' is not one of the allowed values",
        "did you mean 'cancelled'? use one of: scheduled, cancelled, postponed, rescheduled, moved_online")]

# --- what is written reaches the site -------------------------------------------------------


def test_optional_fields_of_the_project_reach_the_site(site: SiteCopy) -> None:
    site.replace("project.yaml", "    target: 6\n", "    target: 6\n    achieved: 4\n")
    project = site.load()[0].project
    assert project.region.in_("en") == "Podkarpackie Voivodeship"
    assert [stage.in_("en") for stage in project.stages][::5] == [
        "Preparing the solution together with the transnational partner.",
        "Drawing up recommendations for the user institutions so that the solution stays in use."]
    assert len(project.stages) == 6
    assert project.results[0].achieved == Decimal("4")


def test_optional_fields_of_entries_reach_the_site(site: SiteCopy) -> None:
    site.append("venues.yaml", "\n  - id: test-square\n    name: Rynek\n    street: Rynek 1\n    postal_code: 38-400\n"
                "    city: Krosno\n    country: PL\n    latitude: 49.6887\n    longitude: 21.7706\n")
    site.replace("partners.yaml", "    description:\n      pl: Fundacja, która pomaga testować.\n"
                 "      en: A foundation that helps with testing.\n", "")
    add_event(site, event(venue="test-square", extra="    audience: {pl: Mieszkańcy, en: Residents}\n"))
    site.write("documents.yaml", DOCUMENTS + "    description: {pl: Podsumowanie, en: The summary}\n")
    site.add_file("assets/documents/raport.pdf")
    loaded, _ = site.load()
    venue = next(v for v in loaded.venues if v.id == "test-square")
    assert (venue.street, venue.postal_code, venue.latitude, venue.longitude) == ("Rynek 1", "38-400", 49.6887, 21.7706)
    assert next(p for p in loaded.partners if p.id == "test-partner").description is None  # optional: no error
    assert loaded_event(site, "test-event").audience.in_("en") == "Residents"
    assert loaded.documents[0].description.in_("en") == "The summary"


def test_a_session_without_id_is_named_by_its_start(site: SiteCopy) -> None:
    """The id is part of the session's calendar UID; left out, it is the start written as 20260512T1000."""
    add_event(site, event(extra=SESSION.format(start="2026-05-12 10:00", end="2026-05-12 11:00")
                          .replace("      - id: rano\n        start", "      - start")))
    assert [s.id for s in loaded_event(site, "test-event").sessions] == ["20260512T1000"]


def test_a_list_of_previous_starts_keeps_each_in_the_events_zone(site: SiteCopy) -> None:
    add_event(site, event(venue="test-pub", extra="    status: rescheduled\n"
                          "    previous_start: [2026-05-05 10:00, 2026-05-08 09:00]\n"))
    london = timezone(timedelta(hours=1))  # British Summer Time in May
    assert [p.astimezone(london).replace(tzinfo=None) for p in loaded_event(site, "test-event").previous_starts] == [
        datetime(2026, 5, 5, 10, 0), datetime(2026, 5, 8, 9, 0)]
    assert [p.utcoffset() for p in loaded_event(site, "test-event").previous_starts] == [timedelta(hours=1)] * 2


def test_a_wrong_date_in_a_list_of_previous_starts_names_its_event(site: SiteCopy) -> None:
    line = add_event(site, event(extra="    status: rescheduled\n    previous_start: [2026-05-05 10:00, 2026-13-01]\n"))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "previous_start:", after=line),
                   field=f"{event_path(site, line)}.previous_start[2]", message=("'2026-13-01'", "no month 13"))


def test_an_event_on_the_projects_last_day_is_inside_its_period(site: SiteCopy) -> None:
    site.replace("project.yaml", "end: 2030-12-31", "end: 2026-05-12")
    add_event(site, event(start="2026-05-12 10:00", end="2026-05-12 12:00"))
    assert site.check() == []


def test_an_error_in_one_event_does_not_hide_the_next(site: SiteCopy) -> None:
    first = add_event(site, event("test-one", end="2026-05-12"))
    second = add_event(site, event("test-two", venue="test-hal"))
    assert sorted(p.field for p in site.check()) == [f"{event_path(site, first)}.end",
                                                    f"{event_path(site, second)}.venue"]


def test_a_repetition_needs_its_step(site: SiteCopy) -> None:
    line = add_event(site, event("test-dyzur", **SLOT, extra="    repeat:\n      until: 2026-04-14\n"))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "until:", after=line),
                   field=f"{event_path(site, line)}.repeat.every", message=("'every'", "missing"), fix=("every: week",))


def test_a_misspelt_venue_zone_is_the_venues_only_error(site: SiteCopy) -> None:
    line = site.replace("venues.yaml", "    timezone: Europe/London", "    timezone: Europe/Londn")
    assert_problem(only(site.check()), file=VENUES, line=line, field=f"venues[{site.entry_index('venues.yaml', line)}]"
                   ".timezone", message=("Europe/Londn",))


def test_a_misspelt_event_zone_is_not_replaced_by_the_venues(site: SiteCopy) -> None:
    """Times are not judged in a zone the editor did not choose: 02:30 on 29 March 2026 exists in London, not in
    Warsaw (the venue's zone), so the misspelt zone must be the only error."""
    sessions = SESSION.format(start="2026-03-29 02:30", end="2026-03-29 03:30")
    line = add_event(site, event(start="2026-03-29 01:00", end="2026-03-29 04:00", extra="    timezone: Europe/Londn\n"
                                 "    status: rescheduled\n    previous_start: 2026-03-29 02:30\n" + sessions))
    assert_problem(only(site.check()), file=EVENTS, line=site.line_of("events.yaml", "timezone:", after=line),
                   field=f"{event_path(site, line)}.timezone", message=("Europe/Londn",))


def test_an_event_at_a_venue_with_a_wrong_zone_is_not_judged_again(site: SiteCopy) -> None:
    line = site.replace("venues.yaml", "    timezone: Europe/London", "    timezone: Europe/Warsaw")
    add_event(site, event(venue="test-pub"))
    assert_problem(only(site.check()), file=VENUES, line=line, field=f"venues[{site.entry_index('venues.yaml', line)}]"
                   ".timezone", message=("Europe/Warsaw", "GB"))


def test_a_language_without_interface_texts_is_named_where_it_is_written(site: SiteCopy) -> None:
    line = site.replace("project.yaml", "languages: [pl, en]", "languages: [pl, de]")
    assert_problem(only(site.check()), file=PROJECT, line=line, column=17, field="languages[2]",
                   message=("no interface texts in 'de'",), fix=("microsite/catalogues/de.yaml",))


def test_the_site_languages_are_read_from_the_data_folder(site: SiteCopy) -> None:
    """The preview asks for the languages without naming the folder: it is data/, as for the build."""
    from microsite.load import site_languages

    assert site_languages(site.root) == ("pl", "en")


def test_the_usable_languages_leave_out_only_the_one_written_wrong(site: SiteCopy) -> None:
    """While project.yaml has a language the generator cannot serve, the pages are checked in the others."""
    from microsite.load import site_languages

    site.replace("project.yaml", "languages: [pl, en]", "languages: [pl, de, en]")
    assert site_languages(site.root) == ("pl", "en")
