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

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import yaml

__all__ = ["CATALOGUE_DIR", "Catalogue", "catalogue", "catalogue_file", "has_catalogue", "label"]

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


@lru_cache(maxsize=None)  # package data: read once per process
def catalogue(lang: str) -> Catalogue:
    """Return the catalogue of ``lang``; raise ``KeyError`` if the generator has none."""
    path = CATALOGUE_DIR / f"{lang}.yaml"
    if not path.is_file():
        raise KeyError(f"no interface texts for {lang!r}: add {catalogue_file(lang)}")
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    sections = {name: MappingProxyType(dict(values)) for name, values in data.items() if isinstance(values, dict)
                and name != "search"}
    return Catalogue(lang, data["locale"], int(data["minimum_grouping_digits"]),
                     MappingProxyType(dict(data["search"])), MappingProxyType(sections))


def label(key: str, lang: str, **values: str) -> str:
    """Return an interface text (of the catalogue's ``text`` section) in ``lang``."""
    return catalogue(lang).text(key, **values)
