"""The values event kinds, partner roles and result units may take: built-in defaults plus a project's own.

The built-in values are today's (duty hours, meetings…, leader, national
partner…, person, institution…), labelled in every catalogue. A project adds
or relabels values in ``data/vocabulary.yaml``:

.. code-block:: yaml

    event_kinds:
      - id: thematic-walk
        label: {pl: Spacer tematyczny, en: Thematic walk}
        feed: walks              # the calendar it goes into; without it, a calendar of its own
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

A unit gives a word for every plural category CLDR defines for each site
language (Polish and Ukrainian have four), so counts read right in all of them.
"""

from __future__ import annotations

import re

import yaml
from babel import Locale

from .catalogue import catalogue
from .fields import Context, Reader
from .model.text import Text
from .model.vocabulary import EventKind, Feed, PartnerRole, Unit, Vocabulary

__all__ = ["BUILT_IN_FEEDS", "BUILT_IN_KINDS", "BUILT_IN_ROLES", "BUILT_IN_UNITS", "VOCABULARY_FILE",
           "built_in_vocabulary", "load_vocabulary", "plural_categories"]

VOCABULARY_FILE = "vocabulary.yaml"
"""Inside the data folder; optional."""
ALL = "all"
"""The slug of the calendar that holds every event."""
BUILT_IN_FEEDS = (ALL, "duty-hours", "trainings-workshops", "meetings", "study-visits")
BUILT_IN_KINDS = {
    "duty_hours": "duty-hours",
    "information_meeting": "meetings",
    "recruitment_meeting": "meetings",
    "training": "trainings-workshops",
    "workshop": "trainings-workshops",
    "working_meeting": "meetings",
    "study_visit": "study-visits",
}
"""Built-in event kind → the calendar it goes into."""
BUILT_IN_ROLES = ("leader", "national_partner", "foreign_partner", "cooperating_institution", "signatory")
BUILT_IN_UNITS = ("institution", "person", "initiative", "plan")

VOCABULARY_FIELDS = ("event_kinds", "partner_roles", "units", "feeds")
KIND_FIELDS = ("id", "label", "feed")
FEED_FIELDS = ("id", "name")
ROLE_FIELDS = ("id", "label")
UNIT_FIELDS = ("id", "forms")
_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def plural_categories(lang: str) -> tuple[str, ...]:
    """Return the CLDR plural categories of a language, in CLDR's order (pl: one, few, many, other)."""
    tags = Locale.parse(catalogue(lang).locale).plural_form.tags | {"other"}
    return tuple(c for c in _CATEGORIES if c in tags)


def _labels(languages: tuple[str, ...], section: str, key: str) -> Text:
    return Text(tuple((lang, catalogue(lang).text(key, section)) for lang in languages))


def _unit_forms(languages: tuple[str, ...], key: str) -> tuple:
    return tuple((lang, tuple(catalogue(lang).forms(key, "units").items())) for lang in languages)


def built_in_vocabulary(languages: tuple[str, ...]) -> Vocabulary:
    """Return the built-in values, labelled in ``languages`` (each must have a catalogue)."""
    kinds = tuple(EventKind(k, _labels(languages, "event_kinds", k), feed) for k, feed in BUILT_IN_KINDS.items())
    roles = tuple(PartnerRole(r, _labels(languages, "partner_roles", r)) for r in BUILT_IN_ROLES)
    units = tuple(Unit(u, _unit_forms(languages, u)) for u in BUILT_IN_UNITS)
    names = {slug: _labels(languages, "feeds", slug) for slug in BUILT_IN_FEEDS}
    return Vocabulary(kinds, roles, units, _feeds(names, kinds))


def _feeds(names: dict[str, Text], kinds: tuple[EventKind, ...]) -> tuple[Feed, ...]:
    """Return the calendar of all events, then one per named feed or kind's own, each with its kinds."""
    order = [slug for slug in names if slug != ALL]
    for kind in kinds:
        if kind.feed not in order:
            order.append(kind.feed)
    feeds = [Feed(ALL, names[ALL], tuple(k.id for k in kinds))]
    for slug in order:
        members = tuple(k.id for k in kinds if k.feed == slug)
        # A kind without a named calendar has one of its own, called by the kind's label.
        name = names.get(slug) or next(k.label for k in kinds if k.feed == slug)
        feeds.append(Feed(slug, name, members))
    return tuple(feeds)


def load_vocabulary(ctx: Context, node: yaml.Node | None) -> Vocabulary:
    """Return the built-in vocabulary with the project's additions from ``data/vocabulary.yaml``."""
    languages = ctx.languages
    built_in = built_in_vocabulary(languages)
    if node is None:
        return built_in
    r = Reader(ctx, node, "", VOCABULARY_FIELDS)
    if not r.ok:
        return built_in
    names = {feed.slug: feed.name for feed in built_in.feeds}
    seen: set[tuple[str, str]] = set()  # (list, id) defined in this file: a second one is a mistake
    for path, item in r.items("feeds"):
        fr = Reader(ctx, item, path, FEED_FIELDS)
        slug, name = _entry_id(ctx, fr, path, "walks", "feeds", seen), fr.text("name")
        if slug == ALL:
            ctx.error(fr.raw("id"), f"{path}.id", "'all' is the calendar of every event and cannot be redefined",
                      "choose another id")
        elif slug and name:
            names[slug] = name
    kinds = {kind.id: kind for kind in built_in.kinds}
    for path, item in r.items("event_kinds"):
        kr = Reader(ctx, item, path, KIND_FIELDS)
        ident = _entry_id(ctx, kr, path, "thematic-walk", "event_kinds", seen)
        label = kr.text("label")
        feed = kr.string("feed", example="walks")
        if ident == ALL and feed is None:
            ctx.error(kr.raw("id"), f"{path}.id", "a kind called 'all' would have a calendar of its own called "
                      "'all', which is the calendar of every event", "choose another id, or name its calendar in "
                      "'feed:'")
            continue
        if feed == ALL:
            ctx.error(kr.raw("feed"), f"{path}.feed", "every kind is in the calendar of all events already",
                      "name the other calendar this kind goes into, or leave 'feed' out (then it has its own)")
            continue
        if feed is not None and feed not in names:
            ctx.error(kr.raw("feed"), f"{path}.feed", f"there is no calendar '{feed}'",
                      f"use one of: {', '.join(s for s in names if s != ALL)}, or define it under 'feeds:'")
            continue
        if ident and label:
            kinds[ident] = EventKind(ident, label, feed or (kinds[ident].feed if ident in kinds else ident))
    roles = {role.id: role for role in built_in.roles}
    for path, item in r.items("partner_roles"):
        rr = Reader(ctx, item, path, ROLE_FIELDS)
        ident = _entry_id(ctx, rr, path, "donor-state-partner", "partner_roles", seen)
        label = rr.text("label")
        if ident and label:
            roles[ident] = PartnerRole(ident, label)
    units = {unit.id: unit for unit in built_in.units}
    for path, item in r.items("units"):
        ur = Reader(ctx, item, path, UNIT_FIELDS)
        ident = _entry_id(ctx, ur, path, "estate", "units", seen)
        forms = _forms(ctx, ur, path)
        if ident and forms:
            units[ident] = Unit(ident, forms)
    all_kinds = tuple(kinds.values())
    return Vocabulary(all_kinds, tuple(roles.values()), tuple(units.values()), _feeds(names, all_kinds))


def _entry_id(ctx: Context, r: Reader, path: str, example: str, group: str,
              seen: set[tuple[str, str]]) -> str | None:
    """Read a vocabulary id: lower-case letters, digits, hyphens or underscores (the built-in ids have them).

    An id defined twice in one list is reported (the second would silently win).
    """
    got = r.string("id", required=True, example=example)
    if got is not None and not _ID.match(got):
        ctx.error(r.raw("id"), f"{path}.id", f"'{got}' is not a valid id",
                  f"use lower-case letters a–z, digits, hyphens or underscores, e.g. '{example}'")
        return None
    if got is not None and (group, got) in seen:
        ctx.error(r.raw("id"), f"{path}.id", f"'{got}' is defined twice under '{group}:'",
                  "keep one entry per id (an entry with a built-in id relabels it)")
        return None
    if got is not None:
        seen.add((group, got))
    return got


def _forms(ctx: Context, r: Reader, path: str) -> tuple | None:
    """Read a unit's words: for every site language, one per CLDR plural category of that language."""
    node = r.raw("forms")
    example = "{" + ", ".join(f"{c}: …" for c in plural_categories(ctx.languages[0])) + "}"
    if node is None or not isinstance(node, yaml.MappingNode):
        if r.ok:
            ctx.error(node or r.node, f"{path}.forms", "the unit needs its word in every language and number",
                      f"add 'forms:' with one line per language, e.g. '{ctx.languages[0]}: {example}'")
        return None
    given = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    out, ok = [], True
    for lang in ctx.languages:
        categories = plural_categories(lang)
        value = given.get(lang)
        words = {k.value: v.value.strip() for k, v in value.value
                 if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode) and v.value.strip()} \
            if isinstance(value, yaml.MappingNode) else {}
        wanted = "{" + ", ".join(f"{c}: …" for c in categories) + "}"
        if value is None:
            ctx.error(node, f"{path}.forms.{lang}", f"the words in {lang} are missing",
                      f"add a line '{lang}: {wanted}' (CLDR's plural categories for {lang})")
            ok = False
            continue
        missing = [c for c in categories if c not in words]
        extra = [c for c in words if c not in categories]
        if missing or extra:
            what = (f"it lacks {', '.join(missing)}" if missing else "") + \
                   ("; " if missing and extra else "") + (f"{lang} has no category {', '.join(extra)}" if extra else "")
            ctx.error(value, f"{path}.forms.{lang}", f"the {lang} words do not match the language's numbers: {what}",
                      f"give exactly {wanted} (e.g. {lang} 'one' is the form after 1)")
            ok = False
            continue
        out.append((lang, tuple((c, words[c]) for c in categories)))
    for key in given:
        if key not in ctx.languages:
            ctx.error(node, f"{path}.forms.{key}", f"'{key}' is not one of the site's languages",
                      f"use the language codes {', '.join(ctx.languages)}")
            ok = False
    return tuple(out) if ok else None
