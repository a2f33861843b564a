"""Property-based tests of the loader: valid data always loads, broken data never crashes.

Hand-written cases cover the rules one by one; these tests cover what nobody
thought to write: (a) any well-formed event list (Polish letters, YAML's
special characters, times next to DST changes) loads and gives back exactly
the times written; (b) any random damage to the valid demo files ends in a
located, plain-language problem list, never a traceback.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microsite.errors import SiteDataError
from microsite.load import load_site
from microsite.vocabulary import BUILT_IN_KINDS
from sitefactory import SiteCopy, copy_demo

__all__: list[str] = []

# Deterministic: the same examples on every machine and every run, so a red CI
# run can be reproduced; suppress the fixture check because the site copy is
# shared on purpose (one copy per test, rewritten for every example).
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                             suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                    HealthCheck.too_slow])

DATA_FILES = ("project.yaml", "partners.yaml", "venues.yaml", "events.yaml")
UTC = ZoneInfo("UTC")


@dataclass(frozen=True)
class DemoFacts:
    """What the generators need to know about the demo: venue zones and partner ids."""

    venues: tuple[tuple[str, str], ...]
    """(venue id, IANA zone) pairs."""
    partners: tuple[str, ...]
    texts: tuple[tuple[str, str], ...]
    """(file name, original text) of every data file."""


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> SiteCopy:
    """Return one copy of the demo for the whole module; tests restore what they change.

    Its project runs from 2018 to 2030, the years the random events are drawn from (a date outside the
    project's period is warned about).
    """
    site = copy_demo(tmp_path_factory.mktemp("property-site"))
    site.replace("project.yaml", "start: 2018-09-03", "start: 2018-01-01")
    site.replace("project.yaml", "end: 2020-12-31", "end: 2030-12-31")
    return site


@pytest.fixture(scope="module")
def facts(demo_copy: SiteCopy) -> DemoFacts:
    """Load the untouched demo once and remember what the generators need."""
    site, _ = demo_copy.load()
    return DemoFacts(
        venues=tuple((v.id, v.timezone) for v in site.venues),
        partners=tuple(p.id for p in site.partners),
        texts=tuple((name, demo_copy.read(name)) for name in DATA_FILES),
    )


# --- (a) valid events ---------------------------------------------------------------------

POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
YAML_SPECIAL = ":#'\"-?[]{},&*!|>%@`\\/"
TITLE_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 " + POLISH + YAML_SPECIAL + "–…„”"

IDS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,3}", fullmatch=True)
TITLES = st.text(TITLE_ALPHABET, min_size=1, max_size=40).filter(lambda t: t.strip())
# Days on which Europe/Warsaw and Europe/London change the clocks, to land next to a change often.
DST_DAYS = st.sampled_from([date(2026, 3, 29), date(2026, 10, 25), date(2019, 3, 31), date(2019, 10, 27),
                            date(2018, 10, 28), date(2020, 3, 29)])


def exists(naive: datetime, zone: ZoneInfo) -> bool:
    """Say whether a wall-clock time exists in the zone (is not skipped by DST)."""
    aware = naive.replace(tzinfo=zone)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive


def ambiguous(naive: datetime, zone: ZoneInfo) -> bool:
    """Say whether a wall-clock time happens twice in the zone (DST ends)."""
    return naive.replace(tzinfo=zone, fold=0).utcoffset() != naive.replace(tzinfo=zone, fold=1).utcoffset()


def yaml_quote(text: str, style: str) -> str:
    """Write ``text`` as a YAML scalar the way an editor could: plain, 'single' or "double"."""
    if style == "plain" and re.fullmatch(rf"[A-Za-z{POLISH}][\w {POLISH}.,()–]*", text) and text == text.strip():
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def when_text(value: date | datetime, zone: ZoneInfo, *, offset: bool = False) -> str:
    """Write a date or local time as an editor would: the offset only where the hour repeats."""
    if not isinstance(value, datetime):
        return value.isoformat()
    local = value.astimezone(zone)
    shown = local.strftime("%Y-%m-%d %H:%M")
    if offset or ambiguous(local.replace(tzinfo=None), zone):
        total = int(local.utcoffset().total_seconds()) // 60
        sign = "+" if total >= 0 else "-"
        shown += f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
    return shown


@dataclass(frozen=True)
class GeneratedEvent:
    """One event as written to YAML, and what loading it must give back."""

    lines: tuple[str, ...]
    """Every line of the entry except start and end."""
    id: str
    title_pl: str
    title_en: str
    timezone: str
    start: date | datetime
    end: date | datetime

    def yaml(self, *, offsets: bool = False) -> str:
        """Return the entry as YAML; with ``offsets`` every time carries its UTC offset."""
        zone = ZoneInfo(self.timezone)
        return "\n".join([*self.lines, f"    start: {when_text(self.start, zone, offset=offsets)}",
                          f"    end: {when_text(self.end, zone, offset=offsets)}"]) + "\n"


@st.composite
def generated_events(draw: st.DrawFn, facts: DemoFacts) -> list[GeneratedEvent]:
    """Draw a list of valid events at demo venues."""
    ids = draw(st.lists(IDS, min_size=1, max_size=5, unique=True))
    out = []
    for ident in ids:
        venue, venue_tz = draw(st.sampled_from(facts.venues))
        explicit_tz = draw(st.sampled_from([None, "Europe/Warsaw", "Europe/London"]))
        tz = explicit_tz or venue_tz
        zone = ZoneInfo(tz)
        title_pl, title_en = draw(TITLES), draw(TITLES)
        style = draw(st.sampled_from(["plain", "single", "double"]))
        lines = [f"  - id: {ident}",
                 f"    kind: {draw(st.sampled_from(list(BUILT_IN_KINDS)))}",
                 "    title:",
                 f"      pl: {yaml_quote(title_pl, style)}",
                 f"      en: {yaml_quote(title_en, style)}",
                 f"    venue: {venue}"]
        if explicit_tz:
            lines.append(f"    timezone: {explicit_tz}")
        if draw(st.booleans()):
            lines.append(f"    organiser: {draw(st.sampled_from(facts.partners))}")
        if draw(st.booleans()):
            lines.append(f"    status: {draw(st.sampled_from(['scheduled', 'cancelled', 'postponed']))}")
        start: date | datetime
        end: date | datetime
        if draw(st.booleans()):
            start = draw(st.dates(date(2018, 1, 1), date(2030, 12, 31)))
            end = start + timedelta(days=draw(st.integers(0, 5)))
        else:
            day = draw(st.one_of(st.dates(date(2018, 1, 1), date(2030, 12, 31)), DST_DAYS))
            minute = draw(st.one_of(st.sampled_from([0, 15, 30, 45]), st.integers(0, 59)))
            naive = datetime.combine(day, time(draw(st.integers(0, 23)), minute))
            if not exists(naive, zone):
                naive += timedelta(hours=1)  # editors are told to move out of the gap; so do we
            fold = draw(st.integers(0, 1)) if ambiguous(naive, zone) else 0
            start = naive.replace(tzinfo=zone, fold=fold)
            duration = timedelta(minutes=draw(st.integers(1, 3 * 24 * 60)))
            end = (start.astimezone(UTC) + duration).astimezone(zone)
        out.append(GeneratedEvent(tuple(lines), ident, title_pl.strip(), title_en.strip(), tz, start, end))
    return out


def _times(event) -> tuple:
    """Return an event's id and its times as (UTC instant, offset) pairs, or its dates."""
    def one(value: date | datetime) -> tuple:
        return (value.astimezone(UTC), value.utcoffset()) if isinstance(value, datetime) else (value, None)
    return event.id, one(event.start), one(event.end)


def test_valid_random_events_load_and_round_trip_their_times(demo_copy: SiteCopy, facts: DemoFacts) -> None:
    """Any valid event list loads without problems and keeps every time exactly."""

    @PROPERTY_SETTINGS
    @given(events=generated_events(facts))
    def check(events: list[GeneratedEvent]) -> None:
        demo_copy.write("events.yaml", "events:\n" + "".join(e.yaml() for e in events))
        try:
            site, problems = load_site(demo_copy.root)
        except SiteDataError as exc:
            raise AssertionError(f"valid events were refused:\n{exc}\n---\n{demo_copy.read('events.yaml')}")
        assert problems == []
        loaded = {e.id: e for e in site.events}
        assert sorted(loaded) == sorted(e.id for e in events)
        for expected in events:
            event = loaded[expected.id]
            assert event.timezone == expected.timezone
            assert event.title.in_("pl") == expected.title_pl
            assert event.title.in_("en") == expected.title_en
            for got, want in ((event.start, expected.start), (event.end, expected.end)):
                assert type(got) is type(want) and got == want
                if isinstance(want, datetime):
                    # Compare instants in UTC (within one zone Python compares wall clocks and ignores
                    # fold), then the offset and wall clock, which the instant alone does not fix.
                    assert got.astimezone(UTC) == want.astimezone(UTC)
                    assert got.utcoffset() == want.utcoffset()
                    assert got.replace(tzinfo=None) == want.astimezone(ZoneInfo(expected.timezone)).replace(
                        tzinfo=None)

        # Writing every time back with its offset (as a feed or an export would) gives the same times.
        demo_copy.write("events.yaml", "events:\n" + "".join(
            GeneratedEvent(e.lines, e.id, e.title_pl, e.title_en, e.timezone, loaded[e.id].start,
                           loaded[e.id].end).yaml(offsets=True) for e in events))
        again, problems = load_site(demo_copy.root)
        assert problems == []
        assert [_times(e) for e in again.events] == [_times(e) for e in site.events]

    try:
        check()
    finally:
        demo_copy.write("events.yaml", dict(facts.texts)["events.yaml"])


# --- (b) corruptions ----------------------------------------------------------------------

GARBAGE = st.one_of(
    st.sampled_from(["", "~", "null", "[]", "{}", "- x", "&a", "*a", "!!binary x", "'", '"', "2022-11-31",
                     "2019-03-27 25:61", "0001-01-01", "9999-12-31 23:59", "yes", "1e999", "nan", "sNaN", "-5",
                     "99999999999999999999", "²", "٣", "<script>alert(1)</script>", "{pl: a}", "[pl, en]",
                     "Europe/Londn", "www.example.org", "a: b: c", "|", ">", "? x", "%x", "@x", "`x`",
                     "\u0007", "\ufeff", "2026-03-29 02:30", "2026-10-25 02:30", "x\n  y: z"]),
    st.text(max_size=20),
)


@st.composite
def corruptions(draw: st.DrawFn, facts: DemoFacts) -> tuple[str, str, str]:
    """Draw (file name, damaged text, what was done) from one valid demo file."""
    name, text = draw(st.sampled_from(facts.texts))
    lines = text.split("\n")
    kind = draw(st.sampled_from(["delete line", "duplicate line", "insert tab", "swap characters",
                                 "truncate", "garbage value"]))
    if kind == "delete line":
        i = draw(st.integers(0, len(lines) - 1))
        damaged = "\n".join(lines[:i] + lines[i + 1:])
        what = f"deleted line {i + 1}"
    elif kind == "duplicate line":
        i = draw(st.integers(0, len(lines) - 1))
        damaged = "\n".join(lines[:i + 1] + lines[i:])
        what = f"duplicated line {i + 1}"
    elif kind == "insert tab":
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:j] + "\t" + lines[i][j:]
        damaged = "\n".join(lines)
        what = f"tab at line {i + 1} column {j + 1}"
    elif kind == "swap characters":
        k = draw(st.integers(0, len(text) - 2))
        damaged = text[:k] + text[k + 1] + text[k] + text[k + 2:]
        what = f"swapped characters {k} and {k + 1}"
    elif kind == "truncate":
        k = draw(st.integers(0, len(text)))
        damaged = text[:k]
        what = f"truncated at {k}"
    else:
        valued = [i for i, line in enumerate(lines) if re.match(r"^\s*(- )?[\w-]+:\s*\S", line)]
        i = draw(st.sampled_from(valued))
        key = lines[i].split(":", 1)[0]
        lines[i] = f"{key}: {draw(GARBAGE)}"
        damaged = "\n".join(lines)
        what = f"garbage value on line {i + 1}"
    return name, damaged, what


def test_corrupted_files_never_crash(demo_copy: SiteCopy, facts: DemoFacts) -> None:
    """Damaged data either loads or is refused with located, explained problems."""
    originals = dict(facts.texts)

    @PROPERTY_SETTINGS
    @given(corruption=corruptions(facts))
    def check(corruption: tuple[str, str, str]) -> None:
        name, damaged, what = corruption
        demo_copy.write(name, damaged)
        try:
            try:
                _, problems = load_site(demo_copy.root)
            except SiteDataError as exc:
                problems = exc.problems
                assert any(p.is_error for p in problems), f"{what}: refused without an error: {exc}"
            for problem in problems:
                shown = f"{what}: {problem}"
                assert problem.location.file.startswith("data/"), shown
                assert problem.location.file.endswith(".yaml"), shown
                # Line 0 is allowed only for whole-file problems, which have no field.
                assert problem.location.line >= 1 or problem.field == "", shown
                if problem.location.line:
                    total = len(Path(demo_copy.root, problem.location.file).read_text().split("\n"))
                    assert problem.location.line <= total, shown
                    assert problem.location.column >= 1, shown
                assert problem.message.strip() and problem.fix.strip(), shown
                assert "Node(" not in str(problem), shown  # no Python internals in front of editors
                assert problem.severity in ("error", "warning"), shown
        finally:
            demo_copy.write(name, originals[name])

    check()
