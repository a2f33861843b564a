"""What every built project must hold, whatever its editors wrote.

These checks assert nothing about a project's content (no counts, no titles, no
dates), so they can run on the live site, on every fixture and on a project an
editor has just changed: ``microsite check`` finds no error, every calendar
follows the feed rules and parses in the three parsers clients use, every
internal link and asset resolves, and every page exists in every language.

    from site_invariants import assert_site_invariants
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

from htmlscan import parse_page
from ical_rules import assert_appointment_rules, assert_feed_rules, parse_everywhere
from microsite.check import check_project
from microsite.load import load_site

__all__ = ["assert_check_clean", "assert_counterparts", "assert_feeds_valid", "assert_links_resolve",
           "assert_site_invariants"]

_LINK_ATTRIBUTES = {"a": ("href",), "link": ("href",), "img": ("src",), "script": ("src",), "source": ("src",),
                    "iframe": ("src",)}
_NOT_FILES = ("mailto:", "tel:", "data:", "javascript:")


def assert_site_invariants(root: Path, site: Path, *, base_url: str, scratch: Path) -> None:
    """Check every invariant on the project in ``root`` built into ``site`` for ``base_url``."""
    assert_check_clean(root)
    languages = load_site(root)[0].languages
    assert_feeds_valid(site, scratch)
    assert_links_resolve(site, base_url)
    assert_counterparts(site, languages)


def assert_check_clean(root: Path) -> None:
    """``microsite check`` reports no error (warnings are the editors' to weigh)."""
    errors = [str(p) for p in check_project(root) if p.is_error]
    assert errors == [], "\n".join(errors)


def assert_feeds_valid(site: Path, scratch: Path) -> None:
    """Every calendar follows the feed rules, every event's own file the appointment rules, and all parse
    cleanly; every news feed is well-formed XML."""
    calendars = {str(path.relative_to(site)).replace("/", "__"): path.read_bytes()
                 for path in sorted(site.rglob("*.ics"))}
    for name, data in calendars.items():
        one_event = name.split("__")[-2:-1] == ["events"]  # feeds/<lang>/events/<id>.ics
        calendar = assert_appointment_rules(data) if one_event else assert_feed_rules(data)
        assert calendar.sub("VEVENT"), f"{name}: a published calendar must hold at least one event"
    if calendars:
        scratch.mkdir(parents=True, exist_ok=True)
        parse_everywhere(calendars, scratch)
    for path in site.rglob("news.xml"):
        ET.fromstring(path.read_bytes())


def assert_links_resolve(site: Path, base_url: str) -> None:
    """Every link and asset of every page that points into the site names a file that exists."""
    base = urlsplit(base_url)
    broken = []
    for page in sorted(site.rglob("*.html")):
        here = "/" + page.relative_to(site).as_posix()
        for tag, attrs in parse_page(page).tags:
            for attribute in _LINK_ATTRIBUTES.get(tag, ()):
                target = _site_path(attrs.get(attribute, ""), here, base)
                if target is not None and not _exists(site, target):
                    broken.append(f"{page.relative_to(site)}: {tag} {attribute}={attrs[attribute]!r}")
    assert broken == [], "\n".join(broken)


def _site_path(link: str, here: str, base) -> str | None:
    """Return the path below the site root that ``link`` names, or None if it leaves the site."""
    link = link.strip()
    if not link or link.startswith("#") or link.lower().startswith(_NOT_FILES):
        return None
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https", "webcal") or parts.hostname != base.hostname:
            return None
        path = parts.path
        if not path.startswith(base.path):
            return None
        return "/" + path[len(base.path):]
    if link.startswith("/"):
        # The 404 pages are served at any address, so their links are root-absolute with the base path.
        return "/" + parts.path[len(base.path):] if parts.path.startswith(base.path) else parts.path
    return posixpath.normpath(posixpath.join(posixpath.dirname(here), parts.path)) + (
        "/" if parts.path.endswith("/") else "")


def _exists(site: Path, path: str) -> bool:
    target = site / unquote(path).lstrip("/")
    return target.is_file() or (target / "index.html").is_file()


def assert_counterparts(site: Path, languages: tuple[str, ...]) -> None:
    """Every page exists in every language: the default at the root, the others under /<lang>/."""
    default, others = languages[0], languages[1:]
    pages: dict[str, set[str]] = {lang: set() for lang in languages}
    for page in site.rglob("*.html"):
        relative = page.relative_to(site).as_posix()
        first = relative.split("/", 1)[0]
        if first in others:
            pages[first].add(relative.split("/", 1)[1])
        else:
            pages[default].add(relative)
    assert pages[default], "the site has no pages"
    for lang in others:
        assert pages[lang] == pages[default], (
            f"pages only in {default}: {sorted(pages[default] - pages[lang])}; "
            f"only in {lang}: {sorted(pages[lang] - pages[default])}")
