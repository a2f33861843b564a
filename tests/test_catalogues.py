"""Interface texts: one catalogue per language, each complete, each counting by its language's CLDR rules.

Plural expectations are written from each language's grammar (1 захід, 2 заходи, 5 заходів, 1,5 заходу)
and checked against CLDR through Babel, not against the catalogues themselves.
"""

from __future__ import annotations

import re
import string
from decimal import Decimal

import pytest
import yaml
from babel import Locale

from microsite.catalogue import CATALOGUE_DIR, catalogue
from microsite.formats import format_count, format_money, format_number
from sitefactory import SiteCopy, assert_problem, only

LANGUAGES = sorted(path.stem for path in CATALOGUE_DIR.glob("*.yaml"))
COUNTED = ("plurals", "units")
"""Sections of counted nouns: their keys are CLDR plural categories, which differ by language."""
NBSP = "\u00a0"


def _raw(lang: str) -> dict:
    return yaml.safe_load((CATALOGUE_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))


def _shape(data, section: str = "") -> object:
    """Return the catalogue's keys, with each text's {placeholders}; counted nouns reduced to their names."""
    if isinstance(data, dict):
        if section in COUNTED:
            return sorted(data)
        return {key: _shape(value, key if not section else section) for key, value in data.items()
                if key not in ("locale", "minimum_grouping_digits", "search")}
    return sorted(name for _, name, _, _ in string.Formatter().parse(str(data)) if name)


def test_pl_en_and_uk_are_shipped():
    assert {"pl", "en", "uk"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_catalogue_has_every_key_and_placeholder_of_the_english_one(lang):
    assert _shape(_raw(lang)) == _shape(_raw("en"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_counted_nouns_give_exactly_the_languages_cldr_categories(lang):
    cldr = Locale.parse(catalogue(lang).locale).plural_form.tags | {"other"}
    for section in COUNTED:
        for noun, forms in _raw(lang)[section].items():
            assert set(forms) == cldr, f"{lang}.yaml {section}.{noun}: {sorted(forms)} != CLDR {sorted(cldr)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_locale_is_cldrs_and_the_scaffold_blanks_are_placeholders(lang):
    data = _raw(lang)
    assert Locale.parse(data["locale"]).language == lang
    assert data["minimum_grouping_digits"] in (1, 2, 3)
    assert all(text.startswith("TODO") for text in data["scaffold"].values())
    assert set(data["search"]) >= {"lang", "separator", "pipeline"}


@pytest.mark.parametrize("count, word", [(1, "захід"), (2, "заходи"), (4, "заходи"), (5, "заходів"), (11, "заходів"),
                                         (21, "захід"), (22, "заходи"), (25, "заходів"), (Decimal("1.5"), "заходу")])
def test_ukrainian_counts(count, word):
    assert format_count(count, "event", "uk").endswith(NBSP + word)


@pytest.mark.parametrize("count, word", [(1, "wydarzenie"), (2, "wydarzenia"), (5, "wydarzeń"), (12, "wydarzeń"),
                                         (22, "wydarzenia"), (Decimal("1.5"), "wydarzenia")])
def test_polish_counts(count, word):
    assert format_count(count, "event", "pl").endswith(NBSP + word)


def test_minimum_grouping_follows_cldr_per_language():
    # CLDR: Polish minimumGroupingDigits 2 (7287, 72 870); English and Ukrainian 1.
    assert format_number(7287, "pl") == "7287" and format_number(72870, "pl") == f"72{NBSP}870"
    assert format_number(7287, "en") == "7,287"
    assert format_number(7287, "uk") == f"7{NBSP}287"
    assert format_money(Decimal("7287"), "PLN", "pl") == f"7287,00{NBSP}zł"


def test_templates_carry_no_inline_language_tables():
    from pathlib import Path

    import microsite

    package = Path(microsite.__file__).parent
    sources = [*package.glob("templates/*.html"), *package.rglob("*.py"), *Path(package.parent, "overrides")
               .rglob("*.html")]
    inline = re.compile(r"""\{\s*['"](?:pl|en)['"]\s*:""")
    assert [str(p) for p in sources if inline.search(p.read_text(encoding="utf-8"))] == []


def test_a_language_without_a_catalogue_names_the_file_to_add(demo: SiteCopy):
    line = demo.replace("project.yaml", "languages: [pl, en]", "languages: [pl, de]")
    assert_problem(only(demo.check()), file="data/project.yaml", line=line, field="languages[2]",
                   message=("no interface texts in 'de'",), fix=("microsite/catalogues/de.yaml", "en.yaml"))


@pytest.mark.parametrize("languages, words", [("[pl, xx]", ("'xx'", "CLDR")), ("[pl, pl]", ("twice",)),
                                              ("[pl]", ("at least two",))])
def test_the_languages_are_codes_cldr_knows_listed_once(demo: SiteCopy, languages, words):
    line = demo.replace("project.yaml", "languages: [pl, en]", f"languages: {languages}")
    errors = [p for p in demo.check() if p.is_error and p.field.startswith("languages")]
    assert_problem(only(errors), file="data/project.yaml", line=line, message=words)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_shipped_catalogues_serve_a_site(lang):
    from microsite.catalogue import catalogue_problems

    assert catalogue_problems(lang) == ()


@pytest.mark.parametrize("change, field, words", [
    (lambda text: text.replace("  workshop: Workshop\n", ""), "event_kinds.workshop", "missing"),
    (lambda text: text.replace('"Showing {count}"', '"Showing {n}"'), "text.filter_shown", "placeholders"),
    (lambda text: text.replace("event: {one: event, other: events}", "event: {other: events}"), "plurals.event",
     "plural forms"),
    (lambda text: text.replace("schedule: Schedule", "schedule: [Schedule"), "", "not valid YAML"),
    (lambda text: text.replace("# Interface", "# \udcff Interface"), "", "cannot be read"),
    (lambda text: "- text\n- plurals\n", "", "not a list of sections"),
    (lambda text: text.replace("minimum_grouping_digits: 1", "grouping: 1"), "minimum_grouping_digits",
     "setting is missing"),
    (lambda text: text.replace("locale: en_GB", "locale: xx_ZZ"), "locale", "not a CLDR locale"),
    (lambda text: text.replace("\nstatuses:", "\nstatus:"), "statuses", "section is missing"),
])
def test_a_new_languages_catalogue_is_checked_not_crashed_on(demo: SiteCopy, change, field, words, monkeypatch,
                                                             tmp_path):
    """A language is added by copying en.yaml: what the copy lacks is named, with the file (no traceback)."""
    import shutil

    from microsite import catalogue as module

    folder = tmp_path / "catalogues"
    shutil.copytree(CATALOGUE_DIR, folder)
    text = change((folder / "en.yaml").read_text(encoding="utf-8")).replace("locale: en_GB", "locale: de_DE")
    # A lone surrogate stands for bytes that are not UTF-8 (a file saved in another encoding).
    (folder / "de.yaml").write_bytes(text.encode("utf-8", errors="surrogateescape"))
    monkeypatch.setattr(module, "CATALOGUE_DIR", folder)
    module.catalogue_problems.cache_clear()
    module.catalogue.cache_clear()
    demo.replace("project.yaml", "languages: [pl, en]", "languages: [pl, de]")
    try:
        found = [p for p in demo.check() if p.location.file == "microsite/catalogues/de.yaml"]
    finally:
        module.catalogue_problems.cache_clear()
        module.catalogue.cache_clear()
    assert found and found[0].field == field and words in found[0].message, found
