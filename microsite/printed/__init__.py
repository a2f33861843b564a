"""Printed matter made from the site's data: the project's A3 poster and the events' flyers, as PDFs.

Drawn with ReportLab (fonts embedded, print colours, no browser; why, measured:
docs/decisions/0009-printed-matter.md). Each language gets its own poster and
flyers; the pages link them (the documents block, each event's page). A sheet
whose inputs have not changed since the last build is taken from the project's
print cache (:mod:`.cache`) rather than drawn again; ReportLab and svglib are
only loaded when something must be drawn or a sign file read.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from ..errors import Problem
from ..facts import Fact, project_facts
from ..flyers import flyer_codes, plan_flyers
from ..model import Funding, Site
from ..urls import absolute_url, flyer_path, page_url, poster_path
from .cache import PrintCache

__all__ = ["POSTER_FACTS", "PrintCache", "StripError", "check_sign_files", "poster_facts", "render_printed"]

POSTER_FACTS = ("funder", "programme", "period", "total_value", "share", "rate")
"""The facts card's rows the poster repeats: the support, its amount and its share of the value."""


class StripError(ValueError):
    """A sign's file cannot be printed; ``problem`` names the file and how to fix it (the check reports the same)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def poster_facts(site: Site, lang: str) -> tuple[Fact, ...]:
    """Return the facts card's rows the poster repeats, in ``lang``."""
    return tuple(fact for fact in project_facts(site, lang) if fact.key in POSTER_FACTS)


def render_printed(site: Site, lang: str, *, base_url: str, content_root: Path, now: datetime,
                   cache: PrintCache) -> dict[str, bytes]:
    """Return the poster and every flyer in ``lang``, by site-relative path.

    ``content_root`` is the content folder (the official sign files live there);
    ``now`` decides which events still get a flyer; ``cache`` keeps what was
    drawn for the next build. Raises StripError naming a sign file that cannot
    be drawn.
    """
    project = site.project
    home = absolute_url(base_url, page_url("", lang, project.default_language))
    sheets = {poster_path(lang): ("poster", (project, site.partners, poster_facts(site, lang), lang, home))}
    for flyer in plan_flyers(site, now):
        codes = flyer_codes(site, lang, flyer, base_url)
        sheets[flyer_path(lang, flyer.key)] = ("flyer", (project, lang, flyer, codes))
    sign_files = _sign_files(project.funding, content_root)
    shelf = f"{lang}-{hashlib.sha256(base_url.encode()).hexdigest()[:12]}"  # the preview's address is not the site's
    files, used, signs = {}, set(), None
    for path, (kind, inputs) in sheets.items():
        key = cache.key(kind, inputs, sign_files)
        used.add(key)
        data = cache.load(shelf, key)
        if data is None:
            if signs is None:
                from .strip import strip_signs  # ReportLab and svglib: loaded only when something is drawn
                signs = strip_signs(project.funding, lang, content_root)
            data = _draw(kind, inputs, signs)
            cache.store(shelf, key, data)
        files[path] = data
    cache.keep_only(shelf, used)
    return files


def _draw(kind: str, inputs: tuple, signs: tuple) -> bytes:
    if kind == "poster":
        from .poster import render_poster
        project, partners, facts, lang, home = inputs
        return render_poster(project, partners, facts, lang, home=home, signs=signs)
    from .flyer import render_flyer
    return render_flyer(*inputs, signs)


def check_sign_files(site: Site, content_root: Path, cache: PrintCache) -> list[Problem]:
    """Return a problem for every sign file the poster and flyers could not print (the build would stop there).

    A file found printable before (the same bytes, the same generator) is not read by svglib again.
    """
    problems = []
    for logo, digest in _sign_files(site.project.funding, content_root):
        if logo is None:
            continue
        key = cache.key("sign", logo, digest)
        if cache.knows("signs", key):
            continue
        from .strip import sign_file_problem  # ReportLab and svglib: loaded only for a file not read before
        problem = sign_file_problem(content_root / logo, content_root)
        if problem is None:
            cache.mark("signs", key)
        else:
            problems.append(problem)
    return problems


def _sign_files(funding: Funding, content_root: Path) -> tuple[tuple[str | None, str | None], ...]:
    """Return each sign's file and a hash of its bytes: a replaced file is printed again."""
    found = []
    for sign in funding.signs:
        try:
            digest = hashlib.sha256((content_root / sign.logo).read_bytes()).hexdigest() if sign.logo else None
        except OSError:
            digest = None  # drawing will say what is wrong with it
        found.append((sign.logo, digest))
    return tuple(found)
