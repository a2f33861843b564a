"""Interface texts: one catalogue file per language, ``microsite/catalogues/<lang>.yaml``.

Every word the generator itself writes — labels, event kinds and statuses, the
captions of funding signs, counted nouns — comes from the reader's language's
catalogue, never from a look-up written into a template. A new site language
is a new file, made from ``en.yaml`` and reviewed by a native speaker; the
project names its languages in ``data/project.yaml`` and ``microsite check``
says which file is missing.

A catalogue also carries what CLDR knows and Babel does not apply (the minimum
grouping digits), and its language's search settings.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
import string
from types import MappingProxyType

import yaml
from babel import Locale, UnknownLocaleError

from .errors import Location, Problem

__all__ = ["CATALOGUE_DIR", "Catalogue", "catalogue", "catalogue_file", "catalogue_problems", "has_catalogue",
           "label", "words_in_every_language"]

CATALOGUE_DIR = Path(__file__).parent / "catalogues"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: a tenth of the pure-Python loader's time


@dataclass(frozen=True)
class Catalogue:
    """The interface texts of one language."""

    lang: str
    locale: str
    """The CLDR locale dates, numbers and plural rules are formatted in, e.g. 'pl_PL'."""
    minimum_grouping_digits: int
    """CLDR's minimumGroupingDigits: 2 for Polish ('7287 zł', but '72 870 zł')."""
    search: Mapping[str, object]
    """lunr settings of this language's search index."""
    sections: Mapping[str, Mapping[str, object]] = field(repr=False)
    """Section ('text', 'statuses', 'units'…) → key → text (or plural forms)."""

    def text(self, key: str, section: str = "text", **values: str) -> str:
        """Return a text, with its ``{placeholders}`` filled from ``values``."""
        found = self.sections[section][key]
        return found.format(**values) if values else found

    def forms(self, key: str, section: str = "plurals") -> Mapping[str, str]:
        """Return a counted noun's form for each CLDR plural category."""
        return self.sections[section][key]

    def keys(self, section: str) -> tuple[str, ...]:
        """Return the keys of a section, in file order."""
        return tuple(self.sections.get(section, {}))


def catalogue_file(lang: str) -> str:
    """Return the catalogue's path as messages name it."""
    return f"microsite/catalogues/{lang}.yaml"


def has_catalogue(lang: str) -> bool:
    """Say whether the generator has interface texts in ``lang``."""
    return (CATALOGUE_DIR / f"{lang}.yaml").is_file()


@lru_cache(maxsize=None)  # package data: each file parsed once per process, for its texts and for its check
def _parsed(path: Path) -> object:
    """Return a catalogue file's YAML as read (raise as the parser does: the check says where)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


@lru_cache(maxsize=None)  # package data: read once per process
def catalogue(lang: str) -> Catalogue:
    """Return the catalogue of ``lang``; raise ``KeyError`` if the generator has none."""
    path = CATALOGUE_DIR / f"{lang}.yaml"
    if not path.is_file():
        raise KeyError(f"no interface texts for {lang!r}: add {catalogue_file(lang)}")
    data = _parsed(path)
    sections = {name: MappingProxyType(dict(values)) for name, values in data.items() if isinstance(values, dict)
                and name != "search"}
    return Catalogue(lang, data["locale"], int(data["minimum_grouping_digits"]),
                     MappingProxyType(dict(data["search"])), MappingProxyType(sections))


def label(key: str, lang: str, **values: str) -> str:
    """Return an interface text (of the catalogue's ``text`` section) in ``lang``."""
    return catalogue(lang).text(key, **values)


@lru_cache(maxsize=None)
def words_in_every_language(section: str) -> Mapping[str, tuple[str, ...]]:
    """Return each key's text in every catalogue ('cancelled' → 'Cancelled', 'Odwołane', 'Скасовано').

    What readers see is what editors may type instead of the value ('status: odwołane'): the check then
    names the value it stands for. The check asks only when a value is not one of the ids: this checks
    every catalogue, the site's languages or not, and loading a language's CLDR data takes milliseconds.
    """
    found: dict[str, list[str]] = {}
    for path in sorted(CATALOGUE_DIR.glob("*.yaml")):
        if catalogue_problems(path.stem):
            continue  # a language being added, not yet complete: its check names what it lacks
        for key, text in catalogue(path.stem).sections.get(section, {}).items():
            if isinstance(text, str):
                found.setdefault(key, []).append(text)
    return MappingProxyType({key: tuple(texts) for key, texts in found.items()})


_COUNTED = ("plurals", "units")
"""Sections of counted nouns: one word per CLDR plural category of the language."""
_SETTINGS = ("locale", "minimum_grouping_digits", "search")


@lru_cache(maxsize=None)
def catalogue_problems(lang: str) -> tuple[Problem, ...]:
    """Return what keeps a catalogue from serving a site: unreadable, or unlike ``en.yaml`` in its keys.

    A language is added by copying ``en.yaml``; a line left out, a placeholder
    renamed or a plural form missing must be named here, not crash the build.
    """
    file = catalogue_file(lang)
    try:
        data = _parsed(CATALOGUE_DIR / f"{lang}.yaml")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
        return (Problem(where, "", f"the file is not valid YAML ({exc.problem})", "compare the line with en.yaml"),)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return (Problem(Location(file), "", f"the file cannot be read ({exc})", "save it as UTF-8 YAML, like en.yaml"),)
    if not isinstance(data, dict):
        return (Problem(Location(file), "", "the file is not a list of sections", "start from a copy of en.yaml"),)
    english = _parsed(CATALOGUE_DIR / "en.yaml")
    return tuple(_differences(lang, file, data, english))


def _differences(lang: str, file: str, data: dict, english: dict) -> Iterator[Problem]:
    for key in _SETTINGS:
        if key not in data:
            yield Problem(Location(file), key, "the setting is missing", f"copy '{key}' from en.yaml and adapt it")
    try:
        categories = Locale.parse(str(data.get("locale", ""))).plural_form.tags | {"other"}
    except (UnknownLocaleError, ValueError, TypeError):
        yield Problem(Location(file), "locale", f"'{data.get('locale')}' is not a CLDR locale",
                      f"write the language's locale, e.g. {lang}_{lang.upper()}")
        categories = None
    for section, texts in english.items():
        if section in _SETTINGS or not isinstance(texts, dict):
            continue
        own = data.get(section)
        if not isinstance(own, dict):
            yield Problem(Location(file), section, "the section is missing",
                          f"copy the section '{section}:' from en.yaml and translate it")
            continue
        for key, text in texts.items():
            field = f"{section}.{key}"
            if key not in own:
                yield Problem(Location(file), field, "the text is missing", "copy the line from en.yaml and translate it")
            elif section in _COUNTED:
                forms = own[key]
                if categories and (not isinstance(forms, dict) or set(forms) != categories):
                    yield Problem(Location(file), field, "the counted word does not give the language's plural forms",
                                  f"give exactly {{{', '.join(f'{c}: …' for c in sorted(categories))}}}")
            elif _placeholders(own[key]) != _placeholders(text):
                yield Problem(Location(file), field, "the text's {placeholders} differ from en.yaml's",
                              f"keep {', '.join('{' + n + '}' for n in sorted(_placeholders(text))) or 'no placeholder'}"
                              " as they are and translate around them")


def _placeholders(text: object) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(str(text)) if name}
    except ValueError:
        return {"(a stray brace)"}
