"""``microsite init``: turn the repository into a fresh project, in its languages, for its funder.

The repository starts as the demo. A second NGO should not have to delete a
stranger's project by hand and hope nothing of it stays (a name in every tab,
another funder's strip, forty menu links to pages it does not have). ``init``
removes the demo's ``data/``, ``content/`` and ``mkdocs.yml`` and writes a
project of its own: the settings for its languages, data with ``TODO`` blanks
that ``microsite check`` reports until they are filled, the footer pages as
templates to complete, and a favicon and link-preview images made from its name.
The generator (``microsite/``, ``hooks/``, ``overrides/``, ``tests/``) is not touched.
"""

from __future__ import annotations

import json
import shutil
from html import escape
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.numbers import get_territory_currencies

from .catalogue import catalogue, catalogue_file, has_catalogue, label
from .errors import Location, Problem, SiteDataError
from .fields import check_timezone, zone_country
from .funding import FUNDING_KINDS
from .images import FAVICON, draw_images
from .scaffold import Scaffold
from .sitepages import markdown_text

__all__ = ["PROJECT_PARTS", "project_parts", "start_project"]

STARTER_DIR = Path(__file__).parent / "starter"
PROJECT_PARTS = ("mkdocs.yml", "data", "content", "site")
"""What belongs to a project (and is replaced); everything else in the repository is the generator's."""
_PAGES = ("index.md", "about.md", "news/index.md", "documents.md", "contact.md", "accessibility.md", "privacy.md")


def project_parts(root: Path) -> list[str]:
    """Return the project's own files and folders that exist in ``root`` (what ``init`` would replace)."""
    return [name for name in PROJECT_PARTS if (Path(root) / name).exists()]


def start_project(root: Path | str, *, languages: tuple[str, ...], funding: str, name: str,
                  timezone: str = "Europe/Warsaw") -> Scaffold:
    """Replace the project in ``root`` by a new one; raise ``SiteDataError`` (writing nothing) if asked wrongly."""
    root = Path(root)
    _check_request(languages, funding, name, timezone)
    for part in project_parts(root):
        target = root / part
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    written = [_write(root, "mkdocs.yml", _mkdocs_yml(languages, name))]
    written.append(_write(root, "data/project.yaml", _project_yaml(languages, funding, name, timezone)))
    written.append(_write(root, "data/partners.yaml", _partners_yaml(languages[0], timezone)))
    written.append(_write(root, "data/venues.yaml", _VENUES))
    written.append(_write(root, "data/events.yaml", _EVENTS))
    country = zone_country(timezone)
    names = {"{{ name_yaml }}": _q(name), "{{ name_html }}": escape(name), "{{ name_markdown }}": markdown_text(name)}
    for lang in languages:
        template = lang if (STARTER_DIR / lang).is_dir() else ("en" if lang == languages[0] else None)
        if template is None:
            continue  # readers of this language see the default language's pages until they are translated
        for page in _PAGES:
            # In Poland the accessibility statement follows the Act of 4 April 2019; elsewhere its legal
            # basis and complaints procedure are the editor's to write.
            source = "accessibility.poland.md" if page == "accessibility.md" and country == "PL" else page
            text = (STARTER_DIR / template / source).read_text(encoding="utf-8")
            for placeholder, value in names.items():
                text = text.replace(placeholder, value)
            written.append(_write(root, f"content/{lang}/{page}", text))
    written += draw_images(root, {lang: name for lang in languages})
    steps = ("Fill in every TODO: '.venv/bin/microsite check' lists each one with its file and line, and the site "
             "is not built until none is left. Then: 'make serve' to preview, 'make site' to build. After changing the "
             "project's name or title, '.venv/bin/microsite images' draws the icon and link-preview images again.")
    return Scaffold(tuple(written), steps)


def _check_request(languages: tuple[str, ...], funding: str, name: str, timezone: str) -> None:
    problems = []
    if len(languages) < 2 or len(set(languages)) != len(languages):
        problems.append(_problem("--languages", f"'{','.join(languages)}' is not two or more different languages",
                                 "give the codes, the default first, e.g. --languages pl,en or pl,en,uk"))
    for lang in languages:
        try:
            Locale.parse(lang)
        except (UnknownLocaleError, ValueError):
            problems.append(_problem("--languages", f"'{lang}' is not a language code CLDR knows",
                                     "use two-letter codes: pl, en, uk, de…"))
            continue
        if lang != lang.lower():
            problems.append(_problem("--languages", f"'{lang}' is written in capitals",
                                     f"write language codes in lower case: {lang.lower()}"))
        elif not has_catalogue(lang):
            problems.append(_problem("--languages", f"the generator has no interface texts in '{lang}'",
                                     f"add {catalogue_file(lang)} first (copy en.yaml and translate it)"))
    if funding not in FUNDING_KINDS:
        problems.append(_problem("--funding", f"'{funding}' is not a funding kind",
                                 f"use one of: {', '.join(FUNDING_KINDS)}"))
    if not name.strip() or "\n" in name:
        problems.append(_problem("--name", "the project's short name is empty or more than one line",
                                 "give it in quotes, on one line, e.g. --name \"Zielone Podwórka\""))
    zone = check_timezone(timezone)
    if zone:
        problems.append(_problem("--timezone", *zone))
    if problems:
        raise SiteDataError(problems)


def _problem(option: str, message: str, fix: str) -> Problem:
    return Problem(Location(".venv/bin/microsite init"), option, message, fix)


def _write(root: Path, relative: str, text: str) -> str:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return relative


def _q(text: str) -> str:
    """Return ``text`` as a YAML scalar that reads back exactly (a JSON string is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _todo(lang: str, key: str) -> str:
    return catalogue(lang if has_catalogue(lang) else "en").text(key, "scaffold")


def _texts(languages: tuple[str, ...], key: str | None = None, value: str | None = None, indent: int = 2) -> str:
    """Return a text in every language: the same ``value``, or each language's TODO blank ``key``."""
    pad = " " * indent
    return "\n".join(f"{pad}{lang}: {_q(value if value is not None else _todo(lang, key))}" for lang in languages)


def _mkdocs_yml(languages: tuple[str, ...], name: str) -> str:
    def nav(lang: str) -> str:
        words = catalogue(lang)
        entries = [(words.text("home", "pages"), "index.md"), (words.text("about", "pages"), "about.md"),
                   (label("schedule", lang), "schedule/index.md"), (label("news", lang), "news/index.md"),
                   (label("partners", lang), "partners.md"), (words.text("documents", "pages"), "documents.md"),
                   (label("contact", lang), "contact.md")]
        return "\n".join(f"            - {_q(title)}: {page}" for title, page in entries)

    entries = []
    for index, lang in enumerate(languages):
        native = Locale.parse(lang).get_display_name(lang) or lang
        lines = [f"        - locale: {lang}", f"          name: {_q(native[:1].upper() + native[1:])}"]
        if index == 0:
            lines.append("          default: true")
        lines += ["          build: true", f"          site_name: {_q(name)}", "          nav:", nav(lang)]
        entries.append("\n".join(lines))
    return _MKDOCS.format(name=_q(name), default=languages[0], languages="\n".join(entries))


def _project_yaml(languages: tuple[str, ...], funding: str, name: str, timezone: str) -> str:
    lines = [
        "# The project. '.venv/bin/microsite check' lists every TODO until it is filled in; the editors' reference",
        "# (docs/editors/reference.en.md) explains every field. Leave out what is not known or not public:",
        "# the site shows only what is written here.",
        f"languages: [{', '.join(languages)}]          # the first one is the default, served at the site root",
        "", "title:", _texts(languages, "project_title"),
        "short_name:", _texts(languages, value=name),
        "summary:", _texts(languages, "project_summary"),
        "beneficiary: lead             # the id of the leading organisation in partners.yaml",
        f"timezone: {timezone}",
    ]
    kind = FUNDING_KINDS[funding]
    if "programme" in kind.needs:
        lines += ["programme:", _texts(languages, "programme")]
    if "fund" in kind.needs:
        lines += ["fund:", _texts(languages, "fund")]
    currency = "EUR" if "grants" in funding else _currency(timezone)
    lines += [
        "# start: 2027-01-15           # the project's first and last day, once known",
        "# end: 2028-12-31",
        "# total_value: 100000.00      # digits only, a dot before the cents",
        "# grant: 90000.00             # the funder's share; the rate is worked out from the two",
        f"# currency: {currency}",
        "", "funding:", f"  kind: {funding}",
    ]
    if funding == "other":
        lines += ["  funder:", _texts(languages, "funder", indent=4),
                  "  signs:                      # the funder's logo: put the file in content/assets/funding/",
                  f"    - logo: {_q('TODO: assets/funding/<the file of the funder’s logo>')}",
                  "      label:", _texts(languages, "sign_label", indent=8)]
    elif kind.signs:
        lines.append("  # logos:                    # the official files of the signs, once downloaded, e.g.")
        lines.append(f"  #   {kind.signs[0]}: assets/funding/<file>.svg")
    if funding != "none":
        lines += ["  statement:", _texts(languages, "statement", indent=4)]
    lines += [
        "", "contact:                       # the contact page shows it (the line <!-- microsite:contact -->)",
        f"  name: {_q(_todo(languages[0], 'organisation'))}",
        "  # address: the postal address, on one line",
        '  # phone: "the number with its country code, in quotes"',
        "  # email: the address people write to",
    ]
    return "\n".join(lines) + "\n"


def _currency(timezone: str) -> str:
    """Return the currency of the project's country (CLDR), e.g. PLN for Europe/Warsaw, GBP for Europe/London."""
    country = zone_country(timezone)
    found = get_territory_currencies(country, tender=True) if country else []
    return found[0] if found else "EUR"


def _partners_yaml(default: str, timezone: str) -> str:
    country = zone_country(timezone) or _q("TODO: the two-letter country code, e.g. PL")
    return (
        "# The organisations in the project. 'role' is one of: leader, national_partner, foreign_partner,\n"
        "# cooperating_institution, signatory (or one of your own, defined in data/vocabulary.yaml).\n"
        "partners:\n"
        "  - id: lead\n"
        f"    name: {_q(_todo(default, 'organisation'))}\n"
        "    role: leader\n"
        f"    country: {country}\n")


_VENUES = """# Places where events happen; events name a venue by its id. Copy this example and fill it in:
#  - id: community-centre
#    name: Community Centre
#    street: ul. Przykładowa 1
#    city: Kraków
#    country: PL
venues: []
"""

_EVENTS = """# Events. To add one, copy the example below, remove the '# ' and fill it in (times are local,
# 'kind' is one of duty_hours, information_meeting, recruitment_meeting, training, workshop,
# working_meeting, study_visit, or one of your own in data/vocabulary.yaml):
#  - id: information-meeting-2027-01-20
#    kind: information_meeting
#    title: {pl: Spotkanie informacyjne, en: Information meeting}
#    start: 2027-01-20 17:00
#    end: 2027-01-20 19:00
#    venue: community-centre
events: []
"""

_MKDOCS = """# Site configuration. '.venv/bin/microsite check' compares it with data/project.yaml (languages, names)
# and the pages (menus). The languages are the project's, the default first.
site_name: {name}
# The public address; the GitHub workflow sets the Pages address through MICROSITE_SITE_URL.
site_url: !ENV [MICROSITE_SITE_URL, "https://TODO.example.org/"]
# "Edit this page" opens the page in your repository: replace OWNER/REPO (until then there is no button).
edit_uri: !ENV [MICROSITE_EDIT_URI, "https://github.com/OWNER/REPO/edit/main/content/"]
docs_dir: content
site_dir: site
strict: true
use_directory_urls: true

theme:
  name: material
  custom_dir: overrides
  language: {default}
  font: false                 # no Google Fonts: system fonts only (privacy, no third-party requests)
  favicon: """ + FAVICON + """
  logo: """ + FAVICON + """
  palette:
    scheme: default
    primary: indigo
    accent: indigo
  features:
    - navigation.sections
    - navigation.top
    - search.highlight
    - content.action.edit

extra:
  generator: false

markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - admonition
  - toc:
      permalink: false

plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: false
      languages:
{languages}

hooks:
  - hooks/site_hooks.py

validation:
  nav:
    omitted_files: info
    not_found: warn
  links:
    not_found: warn
    anchors: warn
    absolute_links: info
    unrecognized_links: info
"""
