"""Load the data folder into a validated :class:`~microsite.model.Site`.

This is the only place that validates. It reads every file, collects every
problem, and raises one :class:`~microsite.errors.SiteDataError` listing them
all; downstream code trusts the model.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from functools import partial
from pathlib import Path

import yaml

from babel import Locale, UnknownLocaleError

from .catalogue import catalogue_file, catalogue_problems, has_catalogue, words_in_every_language
from .errors import Location, Problem, SiteDataError
from .fields import Context, Reader, TooManyProblems, check_timezone, localize, zone_country, zones_of
from .funding import build_funding
from .placeholders import data_placeholders
from .model import (Contact, Document, Event, EventStatus, Indicator, Partner, Project, Session, Site, Venue,
                    Vocabulary)
from .recurrence import expand_weekly, occurrence_dates
from .vocabulary import VOCABULARY_FILE, load_vocabulary
from .urls import SCHEDULE_SRC, event_page_src
from .yamlsource import load_yaml, load_yaml_text, location_of, read_yaml_text

__all__ = ["DATA_FILES", "DataPaths", "load_site", "check_site", "site_languages"]

DATA_FILES = ("project.yaml", "partners.yaml", "venues.yaml", "events.yaml", "documents.yaml", VOCABULARY_FILE)
"""The data files the site is made from; only project.yaml must exist (a new project has no events yet)."""
PROJECT_FIELDS = ("languages", "title", "short_name", "summary", "beneficiary", "programme", "fund",
                  "programme_period", "region", "start", "end", "total_value", "grant",
                  "co_financing_rate", "currency", "timezone", "goals", "target_groups", "stages", "results",
                  "contact", "funding")
PROJECT_RENAMED = {"eu_contribution": "grant"}
"""Fields earlier versions read under another name (the funder's share is not always the EU's)."""
PARTNER_FIELDS = ("id", "name", "role", "country", "city", "address", "website", "logo", "logo_alt",
                  "description")
VENUE_FIELDS = ("id", "name", "street", "postal_code", "city", "country", "timezone", "latitude", "longitude")
EVENT_FIELDS = ("id", "kind", "title", "description", "start", "end", "timezone", "venue", "online_url",
                "organiser", "audience", "bring", "registration_url", "status", "previous_start", "sessions", "repeat",
                "revision", "updated")
SESSION_FIELDS = ("id", "start", "end", "title", "venue", "description")
REPEAT_FIELDS = ("every", "until", "count", "except", "cancelled")
RESULT_FIELDS = ("id", "label", "target", "achieved", "unit")
CONTACT_FIELDS = ("name", "address", "phone", "email", "people")
DOCUMENT_FIELDS = ("id", "title", "file", "type", "language", "published", "description")
MAX_OCCURRENCES = 260
"""Five years of weekly slots: more is almost always a typo in ``until``."""
DOCUMENT_TYPES = ("report", "programme", "form", "presentation", "other")


@dataclass(frozen=True, slots=True)
class DataPaths:
    """Where a site's files live; display names are relative to ``root``."""

    root: Path
    data_dir: str = "data"
    content_dir: str = "content"

    def data(self, name: str) -> Path:
        return self.root / self.data_dir / name

    def display(self, name: str) -> str:
        return f"{self.data_dir}/{name}"

    def content(self, relative: str) -> Path:
        return self.root / self.content_dir / relative


def load_site(root: Path | str, *, data_dir: str = "data", content_dir: str = "content") -> tuple[Site, list[Problem]]:
    """Load and validate a site; return it with its warnings, or raise with every error."""
    paths = DataPaths(Path(root), data_dir, content_dir)
    problems: list[Problem] = []
    nodes: dict[str, yaml.Node | None] = {}
    texts: dict[str, str] = {}
    for name in DATA_FILES:
        path = paths.data(name)
        if not path.exists():
            if name == "project.yaml":
                problems.append(Problem(Location(paths.display(name)), "", "this file is missing",
                                        f"create {paths.display(name)} (see the editors' reference for an example)"))
            nodes[name] = None
            continue
        try:
            texts[name] = read_yaml_text(path, paths.display(name))
            nodes[name] = load_yaml_text(texts[name], paths.display(name))
        except SiteDataError as exc:
            problems.extend(exc.problems)
            nodes[name] = None
    if any(p.is_error for p in problems):
        raise SiteDataError(problems)
    for name, node in nodes.items():
        problems.extend(data_placeholders(node, paths.display(name), texts.get(name)))

    languages = _read_languages(nodes["project.yaml"], paths.display("project.yaml"), problems)
    if languages is None or any(p.is_error for p in problems):
        if not problems:  # project.yaml is there but empty: say so
            problems.append(Problem(Location(paths.display("project.yaml")), "", "the file is empty",
                                    "fill it in from the example in the editors' reference"))
        raise SiteDataError(problems)  # every text is read in the site's languages: they come first
    absent = frozenset(name for name in DATA_FILES if not paths.data(name).exists())
    contexts = {name: Context(paths.display(name), languages, absent=absent) for name in DATA_FILES}
    try:
        vocabulary = load_vocabulary(contexts[VOCABULARY_FILE], nodes[VOCABULARY_FILE])
        # Ids of entries that exist but have errors: references to them are not reported again.
        partner_ids: set[str] = set()
        venue_ids: set[str] = set()
        partners = _load_partners(contexts["partners.yaml"], nodes["partners.yaml"], paths, vocabulary, partner_ids)
        project = _load_project(contexts["project.yaml"], nodes["project.yaml"], paths, vocabulary, partner_ids)
        # A project with errors still says where it is, if its time zone is written right: venues are judged
        # against it, never against a zone assumed for it.
        default_tz = project.timezone if project else _written_timezone(nodes["project.yaml"])
        venues = _load_venues(contexts["venues.yaml"], nodes["venues.yaml"], default_tz, venue_ids)
        events = _load_events(contexts["events.yaml"], nodes["events.yaml"], default_tz, vocabulary, partners,
                              venues, partner_ids, venue_ids, (project.start, project.end) if project else (None, None))
        documents = _load_documents(contexts["documents.yaml"], nodes["documents.yaml"], paths)
    except TooManyProblems as exc:
        # A file this wrong is not read to its end, nor are the files after it (they would refer to it).
        raise SiteDataError([*problems, *(p for ctx in contexts.values() for p in ctx.all_problems()), exc.problem]) \
            from None
    for ctx in contexts.values():
        problems.extend(ctx.all_problems())
    problems.extend(_unknown_files(paths))
    if project is None or any(p.is_error for p in problems):
        raise SiteDataError(problems)
    site = Site(project=project, partners=tuple(partners.values()), venues=tuple(venues.values()),
                events=tuple(sorted(events, key=Event.sort_key)), documents=tuple(documents), vocabulary=vocabulary)
    return site, problems


RECORDS_FILE = "translations.yaml"
"""The translations' records (microsite/translations.py); not site data, but read by the check."""


def _written_timezone(node: yaml.Node | None) -> str | None:
    """Return project.yaml's time zone as written, if it is a known zone (None otherwise)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "timezone" and isinstance(value, yaml.ScalarNode) and not check_timezone(value.value):
                return value.value
    return None


def _unknown_files(paths: DataPaths) -> list[Problem]:
    """Warn about YAML files in the data folder that the site is not made from (a backup, a typo in a name)."""
    folder = paths.root / paths.data_dir
    known = set(DATA_FILES) | {RECORDS_FILE}
    return [Problem(Location(paths.display(path.name)), "", "the site is not made from this file",
                    f"the data files are {', '.join(DATA_FILES)}; rename it to one of them, or move it out of "
                    f"{paths.data_dir}/ if it is a copy", "warning")
            for path in sorted(folder.glob("*.y*ml")) if path.name not in known]


def check_site(root: Path | str) -> list[Problem]:
    """Return every problem (errors and warnings) without raising."""
    try:
        _, warnings = load_site(root)
        return warnings
    except SiteDataError as exc:
        return exc.problems


def site_languages(root: Path | str, data_dir: str = "data") -> tuple[str, ...] | None:
    """Return the usable languages project.yaml declares (default first), or None when it cannot say.

    Never fails: a broken project.yaml is reported by :func:`check_site`; the
    pages can be checked meanwhile in the languages that are known. Nothing is
    assumed: a project in English and Ukrainian is never checked as if it were Polish.
    """
    paths = DataPaths(Path(root), data_dir)
    try:
        node = load_yaml(paths.data("project.yaml"), paths.display("project.yaml"))
    except (OSError, SiteDataError):
        return None
    found: list[Problem] = []
    languages = _read_languages(node, paths.display("project.yaml"), found)
    if languages is None:
        return None
    bad = {p.field for p in found}
    usable = tuple(dict.fromkeys(code for index, code in enumerate(languages, start=1)
                                 if f"languages[{index}]" not in bad))
    return usable or None


def _read_languages(node: yaml.Node | None, file: str, problems: list[Problem]) -> tuple[str, ...] | None:
    """Return the site's languages (default first), each known to CLDR and with a catalogue of texts.

    None (with a problem) when project.yaml does not say them; every language the
    catalogues cannot serve is reported where it is written.
    """
    if not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if key.value != "languages":
            continue
        if not (isinstance(value, yaml.SequenceNode) and value.value
                and all(isinstance(v, yaml.ScalarNode) for v in value.value)):
            problems.append(Problem(location_of(value, file), "languages", "expected a list of language codes",
                                    "write e.g. 'languages: [pl, en]' (the first is the default)"))
            return None
        codes = [v.value.strip() for v in value.value]
        for index, (item, code) in enumerate(zip(value.value, codes), start=1):
            where = location_of(item, file)
            if not _LANGUAGE_CODE.match(code) or not _cldr_knows(code):
                lower = f"; write it in lower case: {code.lower()}" if _cldr_knows(code.lower()) else ""
                problems.append(Problem(where, f"languages[{index}]", f"'{code}' is not a language code CLDR knows",
                                        f"use the two-letter ISO 639-1 code, e.g. pl, en, uk, de{lower}"))
            elif codes.index(code) != index - 1:
                problems.append(Problem(where, f"languages[{index}]", f"'{code}' is listed twice",
                                        "list each language once"))
            elif not has_catalogue(code):
                problems.append(Problem(where, f"languages[{index}]", f"the generator has no interface texts "
                                        f"in '{code}'", f"add {catalogue_file(code)}: copy en.yaml there and "
                                        "translate it (every key; a native speaker should review it)"))
            else:
                problems.extend(catalogue_problems(code))
        if len(codes) < 2:
            problems.append(Problem(location_of(value, file), "languages", "a site has at least two languages",
                                    "add the second language, e.g. 'languages: [pl, en]'"))
        return tuple(codes)
    problems.append(Problem(location_of(node, file), "languages", "the site's languages are not given",
                            "add a line 'languages: [pl, en]' (the first is the default, served at the site root)"))
    return None


_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def _cldr_knows(code: str) -> bool:
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _top_list(ctx: Context, node: yaml.Node | None, key: str):
    """Yield (path, node) for the items of the file's top-level list ``key:``."""
    if node is None:
        return
    reader = Reader(ctx, node, "", (key,))
    yield from reader.items(key)


def _check_unique(ctx: Context, seen: dict[str, yaml.Node], ident: str | None, node: yaml.Node, path: str) -> bool:
    if ident is None:
        return False
    if ident in seen:
        first = seen[ident].start_mark.line + 1
        ctx.error(node, f"{path}.id", f"the id '{ident}' is already used (line {first})",
                  "give every entry its own id")
        return False
    seen[ident] = node
    return True


def _load_partners(ctx: Context, node: yaml.Node | None, paths: DataPaths, vocabulary: Vocabulary,
                   declared: set[str]) -> dict[str, Partner]:
    partners: dict[str, Partner] = {}
    seen: dict[str, yaml.Node] = {}
    for path, item in _top_list(ctx, node, "partners"):
        r = Reader(ctx, item, path, PARTNER_FIELDS)
        ident = r.ident("id", example="lead")
        name = r.text("name", neutral=True)
        role = r.term("role", {role.id: role for role in vocabulary.roles}, what="a partner role",
                      define=f"define it under 'partner_roles:' in data/{VOCABULARY_FILE}")
        country = r.country("country")
        city = r.text("city", required=False, neutral=True)
        address = r.text("address", required=False, neutral=True)
        website = r.url("website")
        logo = r.asset("logo", paths.root / paths.content_dir, paths.content_dir)
        logo_alt = r.text("logo_alt", required=logo is not None)
        description = r.text("description", required=False, fallback=True)
        if not _check_unique(ctx, seen, ident, item, path) or None in (name, role, country):
            continue
        partners[ident] = Partner(ident, name, role, country, city, website, logo, logo_alt, description, address)
    declared.update(seen)
    return partners


def _load_project(ctx: Context, node: yaml.Node | None, paths: DataPaths, vocabulary: Vocabulary,
                  declared: set[str]) -> Project | None:
    # An empty project.yaml never gets here: its languages come first, and load_site reports the empty file.
    r = Reader(ctx, node, "", PROJECT_FIELDS, PROJECT_RENAMED)
    if not r.ok:
        return None
    title = r.text("title")
    short_name = r.text("short_name")
    summary = r.text("summary")
    beneficiary = r.ident("beneficiary", required=False, example="lead")
    if beneficiary is not None and beneficiary not in declared:
        known = f"use one of the ids in partners.yaml: {', '.join(sorted(declared))}" if declared else \
            "add the beneficiary to partners.yaml (role: leader), or leave 'beneficiary' out"
        ctx.error(r.raw("beneficiary"), "beneficiary", f"no partner has the id '{beneficiary}'", known)
    programme = r.text("programme", required=False)
    fund = r.text("fund", required=False)
    period = r.string("programme_period", example="2021-2027")
    region = r.text("region", required=False)
    start = r.day("start", required=False)
    end = r.day("end", required=False)
    if start and end and end < start:
        ctx.error(r.raw("end"), "end", "the project ends before it starts", "check both dates")
    total, grant, rate = _amounts(ctx, r)
    currency = r.string("currency", required=total is not None or grant is not None, example="PLN")
    if currency and not (len(currency) == 3 and currency.isalpha() and currency.isupper()):
        ctx.error(r.raw("currency"), "currency", f"'{currency}' is not a currency code",
                  "use the three-letter ISO code: PLN, EUR, GBP…")
    tz = r.timezone("timezone", required=True)
    goals = r.texts("goals")
    target_groups = r.texts("target_groups")
    stages = r.texts("stages")
    results = _load_results(ctx, r, vocabulary)
    contact = _load_contact(ctx, r, zone_country(tz) if tz else None) if r.has("contact") else None
    funding = build_funding(ctx, r, {"programme": programme, "fund": fund, "programme_period": period,
                                     "country": zone_country(tz) if tz else None}, paths)
    if funding is not None and funding.kind == "none":
        for key in ("grant", "co_financing_rate"):
            if r.has(key):
                ctx.error(r.raw(key), key, f"'{key}' is given but the project names no funder (funding kind 'none')",
                          f"set the funding kind, or remove '{key}'")
    if any(v is None for v in (title, short_name, summary, tz, funding)) or (r.has("contact") and contact is None):
        return None
    return Project(title, short_name, summary, tz, ctx.languages, funding, beneficiary, programme, fund, period,
                   region, start, end, total, grant, rate, currency, goals, target_groups, stages, results, contact)


def _amounts(ctx: Context, r: Reader) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """Read the total value, the grant and the rate; work the rate out when both amounts are given."""
    total = r.decimal("total_value", required=False, example="772883.74")
    grant = r.decimal("grant", required=False, example="728752.08")
    rate = r.decimal("co_financing_rate", required=False, example="94.29")
    for key, value in (("total_value", total), ("grant", grant), ("co_financing_rate", rate)):
        if value == 0:
            ctx.warn(r.raw(key), key, "the amount is 0, and the facts card will say so",
                     f"if the amount is not known or not public, leave '{key}' out: the card then shows nothing")
    if rate is not None and rate > 100:
        ctx.error(r.raw("co_financing_rate"), "co_financing_rate", f"{rate}% is more than the whole",
                  "write the rate in per cent, from 0 to 100")
        return total, grant, None
    if total is None or grant is None:
        return total, grant, rate
    if grant > total:
        ctx.error(r.raw("grant"), "grant", "the grant is larger than the total value", "check both amounts")
        return total, grant, rate
    if total == 0:
        return total, grant, rate
    actual = (grant / total * 100).quantize(Decimal("0.01"))
    if rate is not None and abs(actual - rate) > Decimal("0.01"):
        ctx.error(r.raw("co_financing_rate"), "co_financing_rate",
                  f"the rate {rate}% disagrees with the amounts: {grant} of {total} is {actual}%",
                  "correct the rate or one of the amounts (or leave the rate out: it is worked out)")
    return total, grant, rate if rate is not None else actual.normalize()


def _load_results(ctx: Context, r: Reader, vocabulary: Vocabulary) -> tuple[Indicator, ...]:
    out = []
    seen: dict[str, yaml.Node] = {}
    for path, item in r.items("results"):
        ir = Reader(ctx, item, path, RESULT_FIELDS)
        ident = ir.ident("id", example="institutions")
        label = ir.text("label")
        target = ir.decimal("target", example="12")
        achieved = ir.decimal("achieved", required=False, example="12")
        unit = ir.term("unit", {unit.id: unit for unit in vocabulary.units}, what="a unit",
                       define=f"define it under 'units:' in data/{VOCABULARY_FILE}")
        if _check_unique(ctx, seen, ident, item, path) and None not in (label, target, unit):
            out.append(Indicator(ident, label, target, unit, achieved))
    return tuple(out)


def _load_contact(ctx: Context, r: Reader, region: str | None) -> Contact | None:
    """Read who to contact; a phone number without its country code is one of ``region`` (the project's)."""
    cr = r.entry("contact", CONTACT_FIELDS)
    if cr is None or not cr.ok:
        return None
    name = cr.text("name", neutral=True)
    phone = cr.phone("phone", region)
    if name is None:
        return None
    return Contact(name, cr.text("address", required=False, neutral=True), phone[0] if phone else None,
                   cr.email("email"), cr.text("people", required=False, neutral=True),
                   phone[1] if phone else None)


def _load_venues(ctx: Context, node: yaml.Node | None, default_tz: str | None, declared: set[str]) -> dict[str, Venue]:
    venues: dict[str, Venue] = {}
    seen: dict[str, yaml.Node] = {}
    for path, item in _top_list(ctx, node, "venues"):
        r = Reader(ctx, item, path, VENUE_FIELDS)
        ident = r.ident("id", example="community-centre")
        name = r.text("name", neutral=True)
        city = r.text("city", neutral=True)
        country = r.country("country")
        tz = r.timezone("timezone") if r.has("timezone") else None
        if country and tz is None and not r.has("timezone") and default_tz is None:
            tz = next(iter(zones_of(country)), None)  # the project's zone is unknown (reported there): no guess
        elif country and tz is None and not r.has("timezone"):
            tz = default_tz if zone_country(default_tz) == country else None
            if tz is None:
                zones = zones_of(country)
                ctx.error(item, f"{path}.timezone", f"this venue is in {country}, outside the project's time zone "
                          f"{default_tz}", f"add 'timezone: {zones[0] if zones else 'Area/City'}' to the venue")
        elif country and tz and zone_country(tz) not in (country, None):
            zones = zones_of(country)
            ctx.error(r.raw("timezone"), f"{path}.timezone", f"{tz} is not a time zone of {country}",
                      f"use {' or '.join(zones[:3]) or 'the zone of the venue'}")
            tz = None
        lat = r.number("latitude")
        lon = r.number("longitude")
        # Ask whether each is *written*, not whether it was valid: a wrong number is reported on its own.
        if r.has("latitude") != r.has("longitude"):
            ctx.error(item, path, "only one of latitude and longitude is given", "give both, or neither")
        elif lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            ctx.error(r.raw("latitude"), f"{path}.latitude", "the coordinates are out of range",
                      "latitude is -90…90 and longitude -180…180, e.g. 52.2297 and 21.0122 (Warsaw)")
        street = r.string("street")
        postal = r.string("postal_code")
        if not _check_unique(ctx, seen, ident, item, path) or None in (name, city, country, tz):
            continue
        venues[ident] = Venue(ident, name, city, country, tz, street, postal, lat, lon)
    declared.update(seen)
    return venues


def _reference(ctx: Context, r: Reader, key: str, known: dict, what: str, file: str, declared: set[str]):
    ident = r.ident(key, required=False, example=next(iter(known), "id"))
    if ident is None:
        return None
    if ident not in known and ident in declared:
        return None  # the entry exists but has errors, reported in its own file
    if ident not in known and file in ctx.absent:
        ctx.error(r.raw(key), r._sub(key), f"there is no {what} with the id '{ident}': data/{file} does not exist",
                  f"restore data/{file} from the repository's history, or create it with this {what}")
        return None
    if ident not in known:
        close = difflib.get_close_matches(ident, list(known), n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        ctx.error(r.raw(key), r._sub(key), f"there is no {what} with the id '{ident}'",
                  f"{hint}use an id from data/{file}, or add the {what} there")
        return None
    return known[ident]


def _load_events(ctx: Context, node: yaml.Node | None, default_tz: str | None, vocabulary: Vocabulary,
                 partners: dict[str, Partner], venues: dict[str, Venue], partner_ids: set[str], venue_ids: set[str],
                 period: tuple[date | None, date | None]) -> list[Event]:
    events: list[Event] = []
    seen: dict[str, yaml.Node] = {}
    kinds = {kind.id: kind for kind in vocabulary.kinds}
    # What the messages about a kind or a status would add, made once for every entry.
    define_kind = f"define it under 'event_kinds:' in data/{VOCABULARY_FILE}"
    status_words = partial(words_in_every_language, "statuses")
    for path, item in _top_list(ctx, node, "events"):
        r = Reader(ctx, item, path, EVENT_FIELDS)
        if not r.ok:
            continue
        ident = r.ident("id")
        if ident is not None and event_page_src(ident) == SCHEDULE_SRC:
            ctx.error(r.raw("id"), f"{path}.id", f"'{ident}' is the name of the schedule page itself, so the event "
                      "would have no page of its own", "give the event another id (its date is a good part of one)")
            ident = None
        kind = r.term("kind", kinds, what="an event kind", define=define_kind)
        title = r.text("title")
        description = r.text("description", required=False, fallback=True)
        venue = _reference(ctx, r, "venue", venues, "venue", "venues.yaml", venue_ids)
        explicit_tz = r.timezone("timezone") if r.has("timezone") else None
        tz = explicit_tz or (venue.timezone if venue else default_tz)
        zone_ok = not r.has("timezone") or explicit_tz is not None
        start = r.when("start", tz if zone_ok else None)
        end = r.when("end", tz if zone_ok else None)
        _check_span(ctx, r, path, start, end)
        _check_period(ctx, r, path, "start", start, period)
        status = r.choice("status", EventStatus, default=EventStatus.SCHEDULED, words=status_words)
        previous = _previous_starts(ctx, r, path, tz if zone_ok else None)
        online_url = r.url("online_url")
        organiser = _reference(ctx, r, "organiser", partners, "partner", "partners.yaml", partner_ids)
        audience = r.text("audience", required=False, fallback=True)
        bring = r.text("bring", required=False, fallback=True)
        registration = r.url("registration_url")
        revision = r.integer("revision") or 0
        if r.has("updated"):  # not read: whatever it holds, the editor is told to delete it
            ctx.warn(r.raw("updated"), f"{path}.updated", "'updated' is no longer used: calendars take the time "
                     "of every change from the repository's history", "delete this line")
        # A previous start written but unreadable (a wrong date, a misspelt zone) is reported as such, not as missing.
        written = r.has("previous_start") and r.raw("previous_start").value != []
        if status is EventStatus.RESCHEDULED and not written:
            ctx.error(r.raw("status") or item, f"{path}.status", "a rescheduled event must keep its previous start",
                      "add 'previous_start: <the old date and time>'")
        if previous and status in (EventStatus.SCHEDULED, EventStatus.POSTPONED):
            ctx.error(r.raw("previous_start"), f"{path}.previous_start",
                      f"a previous start is given but the status is '{status.value}'",
                      "set 'status: rescheduled' when an event moves to a new date")
        if status is EventStatus.MOVED_ONLINE and online_url is None:
            ctx.error(r.raw("status"), f"{path}.status", "an event moved online needs the address of the meeting",
                      "add 'online_url: https://…'")
        if venue is None and online_url is None and not r.has("sessions") and not r.has("venue"):
            ctx.error(item, f"{path}.venue", "the event has no place", "add 'venue: <id from venues.yaml>' "
                      "or 'online_url: https://…'")
        sessions = _load_sessions(ctx, r, path, tz if zone_ok else None, venues, venue_ids, start, end)
        valid = _check_unique(ctx, seen, ident, item, path) and None not in (kind, title, start, end)
        if not valid:
            continue
        if (isinstance(start, datetime)) != (isinstance(end, datetime)):
            continue  # reported by _check_span
        event = Event(ident, kind, title, start, end, tz, status, description, venue, online_url, organiser,
                      audience, registration, tuple(previous), sessions, None, revision, None, bring,
                      source=location_of(item, ctx.file))
        if r.has("repeat"):
            events.extend(_expand(ctx, r, path, event, seen, period))
        else:
            events.append(event)
    return events


def _check_period(ctx: Context, r: Reader, path: str, key: str, when: date | datetime | None,
                  period: tuple[date | None, date | None]) -> None:
    """Warn about a date outside the project's period: usually a typo in the year (2091 for 2019)."""
    if when is None:
        return
    day = when.date() if isinstance(when, datetime) else when
    first, last = period
    if (first and day < first) or (last and day > last):
        span = f"{first.isoformat() if first else '…'} – {last.isoformat() if last else '…'}"
        ctx.warn(r.raw(key), f"{path}.{key}", f"{day.isoformat()} is outside the project's period ({span})",
                 "check the year (the event is published all the same)")


def _instant(when: date | datetime) -> date | datetime:
    """Return a time as a UTC instant for comparing; dates stay dates.

    Python compares two datetimes of the same zone by wall clock and ignores
    ``fold``, so 02:30+01:00 and 02:30+02:00 on the night DST ends would look
    equal; comparing in UTC gives the real order.
    """
    return when.astimezone(timezone.utc) if isinstance(when, datetime) else when


def _check_span(ctx: Context, r: Reader, path: str, start, end) -> None:
    if start is None or end is None:
        return
    if isinstance(start, datetime) != isinstance(end, datetime):
        ctx.error(r.raw("end"), f"{path}.end", "the start has a time but the end does not (or the other way round)",
                  "give both with times ('2019-03-27 15:00') or both as whole days ('2019-03-27')")
        return
    if _instant(end) < _instant(start):
        ctx.error(r.raw("end"), f"{path}.end", "the event ends before it starts",
                  "check the dates and times of start and end")
    elif isinstance(start, datetime) and _instant(end) == _instant(start):
        ctx.error(r.raw("end"), f"{path}.end", "the event ends at the moment it starts",
                  "give the real end time")


def _previous_starts(ctx: Context, r: Reader, path: str, tz: str | None) -> list:
    raw = r.raw("previous_start")
    if raw is None:
        return []
    if isinstance(raw, yaml.SequenceNode):
        out = []
        for index, item in enumerate(raw.value, start=1):
            name = f"previous_start[{index}]"
            reader = _list_item(ctx, path, name, item, "2019-03-27 15:00")
            value = reader.when(name, tz) if reader else None
            if value is not None:
                out.append(value)
        return out
    value = r.when("previous_start", tz, required=False)
    return [value] if value is not None else []


def _list_item(ctx: Context, path: str, name: str, item: yaml.Node, example: str) -> Reader | None:
    """Wrap one date of a list in a reader, so it is read (and named in problems) as ``path.name``.

    Report an empty item or a nested list here: the reader's own message would
    ask for a field called ``name``, which is not something an editor writes.
    """
    if not isinstance(item, yaml.ScalarNode) or (item.tag == "tag:yaml.org,2002:null" and not item.style):
        ctx.error(item, f"{path}.{name}", "expected a date here, found an empty item or a list",
                  f"write one date per item, e.g. '- {example}', or delete the item")
        return None
    holder = yaml.MappingNode("tag:yaml.org,2002:map", [(yaml.ScalarNode("tag:yaml.org,2002:str", name), item)],
                              item.start_mark, item.end_mark)
    return Reader(ctx, holder, path, (name,))


def _load_sessions(ctx: Context, r: Reader, path: str, tz: str | None, venues: dict[str, Venue],
                   venue_ids: set[str], start, end) -> tuple[Session, ...]:
    if not r.has("sessions"):
        return ()  # most events: nothing to read
    sessions = []
    seen_ids: set[str] = set()
    for spath, item in r.items("sessions"):
        sr = Reader(ctx, item, spath, SESSION_FIELDS)
        if not sr.ok:
            continue
        sid = sr.ident("id", required=False, example="stockport-morning")
        venue = _reference(ctx, sr, "venue", venues, "venue", "venues.yaml", venue_ids)
        stz = venue.timezone if venue else tz
        s_start = sr.when("start", stz)
        s_end = sr.when("end", stz)
        title = sr.text("title")
        description = sr.text("description", required=False, fallback=True)
        if s_start is None or s_end is None or title is None:
            continue
        if not isinstance(s_start, datetime) or not isinstance(s_end, datetime):
            ctx.error(item, spath, "a programme session needs a start and end time",
                      "write start and end as '2018-10-23 09:30'")
            continue
        if _instant(s_end) <= _instant(s_start):
            ctx.error(sr.raw("end"), f"{spath}.end", "the session ends before it starts", "check both times")
            continue
        if start is not None and end is not None:
            first = start.date() if isinstance(start, datetime) else start
            last = end.date() if isinstance(end, datetime) else end
            if not (first <= s_start.date() <= last):
                ctx.error(sr.raw("start"), f"{spath}.start", "the session falls outside the event's dates",
                          f"use a day from {first.isoformat()} to {last.isoformat()}")
        sid = sid or s_start.strftime("%Y%m%dT%H%M")
        if sid in seen_ids:
            ctx.error(sr.raw("id") or item, f"{spath}.id", f"two sessions share the id '{sid}'",
                      "give each session its own id")
            continue
        seen_ids.add(sid)
        sessions.append(Session(sid, s_start, s_end, title, venue, description))
    return tuple(sorted(sessions, key=lambda s: (_instant(s.start), s.id)))


def _expand(ctx: Context, r: Reader, path: str, slot: Event, seen: dict[str, yaml.Node],
            period: tuple[date | None, date | None]) -> list[Event]:
    rr = r.entry("repeat", REPEAT_FIELDS)
    if rr is None or not rr.ok:
        return []
    every = rr.string("every", required=True, example="week")
    interval = {"week": 1, "2 weeks": 2, "two weeks": 2}.get(every or "")
    if every is not None and interval is None:
        ctx.error(rr.raw("every"), f"{path}.repeat.every", f"'{every}' is not a supported repetition",
                  "use 'week' or '2 weeks'")
    first_day = slot.start.date() if isinstance(slot.start, datetime) else slot.start
    until = _repeat_end(ctx, rr, path, first_day, interval)
    if rr.has("until"):
        _check_period(ctx, rr, f"{path}.repeat", "until", until, period)
    skip, cancel = {}, {}
    for key, bucket in (("except", skip), ("cancelled", cancel)):
        for ipath, item in rr.items(key):
            parent, name = ipath.rsplit(".", 1)
            reader = _list_item(ctx, parent, name, item, "2019-03-27")
            day = reader.day(name) if reader else None
            if day is not None:
                bucket[day] = (item, ipath)
    if interval is None or until is None:
        return []
    if until < first_day:
        ctx.error(rr.raw("until"), f"{path}.repeat.until", "the repetition ends before the first date",
                  "set 'until' to the last day the slot takes place")
        return []
    days = occurrence_dates(first_day, until, interval)
    if len(days) > MAX_OCCURRENCES:
        ctx.error(rr.raw("until"), f"{path}.repeat.until", f"this slot would repeat {len(days)} times, up to "
                  f"{until.isoformat()}", f"check the year in 'until'; a slot may repeat at most "
                  f"{MAX_OCCURRENCES} times (split longer series into several entries)")
        return []
    for bucket, key in ((skip, "except"), (cancel, "cancelled")):
        for day, (node, ipath) in bucket.items():
            if day not in days:
                step = "the same weekday as" if interval == 1 else f"a multiple of {interval} weeks after"
                ctx.error(node, ipath, f"{day.isoformat()} is not one of the dates this slot repeats on",
                          f"use a date on {step} {first_day.isoformat()}, up to {until.isoformat()}")
    kept = [d for d in days if d not in skip]
    occurrences = expand_weekly(slot, kept, frozenset(cancel))
    for index, (day, occurrence) in enumerate(zip(kept, occurrences)):
        if day == first_day:
            # The slot's own date keeps the times as read, including an offset the
            # editor wrote to pick one of two repeated hours.
            occurrences[index] = occurrence = replace(occurrence, start=slot.start, end=slot.end)
        elif isinstance(occurrence.start, datetime):
            _check_occurrence_clock(ctx, r, path, day, occurrence)
        if occurrence.id in seen:
            ctx.error(r.raw("id"), f"{path}.id", f"the occurrence id '{occurrence.id}' clashes with another event",
                      "rename one of them")
        seen[occurrence.id] = r.raw("id")
    return occurrences


def _repeat_end(ctx: Context, rr: Reader, path: str, first_day: date, interval: int | None) -> date | None:
    """Return the slot's last possible day: ``until`` as written, or worked out from ``count`` dates."""
    if rr.has("until") and rr.has("count"):
        ctx.error(rr.raw("count"), f"{path}.repeat.count", "the repetition has both 'until' and 'count'",
                  "keep one: 'until' (the last day) or 'count' (how many dates)")
        return None
    if not rr.has("count"):
        if not rr.has("until") and rr.ok:
            ctx.error(rr.node, f"{path}.repeat", "the repetition has no end",
                      "add 'until: <the last day, YYYY-MM-DD>' or 'count: <how many dates, e.g. 10>'")
            return None
        return rr.day("until")
    count = rr.integer("count", example="10")
    if count == 0:
        ctx.error(rr.raw("count"), f"{path}.repeat.count", "a slot repeats on at least one date",
                  "write how many dates, the first one included, e.g. 'count: 10'")
        return None
    if count is not None and count > MAX_OCCURRENCES:
        ctx.error(rr.raw("count"), f"{path}.repeat.count", f"this slot would repeat {count} times",
                  f"a slot may repeat at most {MAX_OCCURRENCES} times (split longer series into several entries)")
        return None
    if count is None or interval is None:
        return None
    return first_day + timedelta(weeks=interval * (count - 1))


def _check_occurrence_clock(ctx: Context, r: Reader, path: str, day: date, occurrence: Event) -> None:
    """Report an occurrence whose wall-clock time DST skips or repeats.

    The editor cannot add an offset to one generated date, so the fix offered
    is to skip that date or move the slot, not the generic advice of localize().
    """
    probe = Context(ctx.file, ctx.languages)  # holds a problem only when the loop ends with it
    for when, key in ((occurrence.start, "start"), (occurrence.end, "end")):
        if localize(probe, r.raw(key), f"{path}.{key}", when.replace(tzinfo=None), occurrence.timezone) is None:
            shown = when.strftime("%Y-%m-%d %H:%M")
            why = "happens twice" if "twice" in probe.problems[0].message else "does not exist"
            ctx.error(r.raw(key), f"{path}.{key}", f"the repetition on {day.isoformat()} falls at {shown}, which "
                      f"{why} in {occurrence.timezone} (the clocks change that night)",
                      f"add {day.isoformat()} to 'except' under 'repeat', or move the slot to another hour")
            return


def _load_documents(ctx: Context, node: yaml.Node | None, paths: DataPaths) -> list[Document]:
    documents = []
    seen: dict[str, yaml.Node] = {}
    for path, item in _top_list(ctx, node, "documents"):
        r = Reader(ctx, item, path, DOCUMENT_FIELDS)
        ident = r.ident("id", example="raport-testowanie")
        title = r.text("title")
        file = r.asset("file", paths.root / paths.content_dir, paths.content_dir) if r.has("file") else None
        if not r.has("file") and r.ok:
            ctx.error(item, f"{path}.file", "the required field 'file' is missing",
                      "add 'file: assets/documents/<name>.pdf' and put the file there")
        kind = r.string("type", required=True, example="report")
        if kind is not None and kind not in DOCUMENT_TYPES:
            ctx.error(r.raw("type"), f"{path}.type", f"'{kind}' is not a document type",
                      f"use one of: {', '.join(DOCUMENT_TYPES)}")
            kind = None
        language = r.language("language")
        published = r.day("published", required=False)
        description = r.text("description", required=False, fallback=True)
        if _check_unique(ctx, seen, ident, item, path) and None not in (title, file, kind, language):
            size = paths.content(file).stat().st_size
            documents.append(Document(ident, title, file, kind, language, size, published, description))
    return documents
