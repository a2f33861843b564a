"""Everything ``microsite check`` verifies: links, data, pages, news, placeholders, translation records, mkdocs.yml.

One implementation, used by the command line, by ``microsite build`` and by the
MkDocs adapter, so the three can never disagree about what is an error.
"""

from __future__ import annotations

from pathlib import Path

from .errors import Problem, SiteDataError
from .images import check_images
from .load import load_site, site_languages
from .model import Site
from .news import load_news
from .pages import check_pages
from .translations import check_records
from .siteconfig import check_site_config, configured_languages
from .sources import check_sources
from .sitepages import generated_pages
from .urls import PARTNERS_SRC, SCHEDULE_SRC, event_page_src

__all__ = ["check_project", "load_checked"]


def load_checked(root: Path | str, *, data_dir: str = "data", content_dir: str = "content"
                 ) -> tuple[Site, list[Problem]]:
    """Load the site and check its pages; return it with warnings, or raise with every problem."""
    root = Path(root)
    links = check_sources(root, data_dir=data_dir, content_dir=content_dir)
    if links:  # nothing is read while a link could point it outside the repository
        raise SiteDataError(links)
    try:
        site, warnings = load_site(root, data_dir=data_dir, content_dir=content_dir)
    except SiteDataError as exc:
        # The languages as far as they are known: project.yaml's, else mkdocs.yml's (never assumed).
        known = site_languages(root, data_dir)
        languages = known or configured_languages(root) or ()
        pages = _check_content(root / content_dir, languages)
        # Without the data the pages made from it are not known: give the menus the benefit of the doubt.
        maybe = {f"{lang}/{page}" for lang in languages for page in (SCHEDULE_SRC, PARTNERS_SRC)}
        config = check_site_config(root, known, None, maybe, content_dir)
        raise SiteDataError(exc.problems + pages + check_records(root, data_dir) + config) from None
    generated = {page.src_uri for page in generated_pages(site)}
    problems = (warnings + _check_content(root / content_dir, site.languages, site) + check_records(root, data_dir)
                + check_site_config(root, site.languages, site, generated, content_dir)
                + check_images(root, site, content_dir))
    if any(p.is_error for p in problems):
        raise SiteDataError(problems)
    return site, problems


def _check_content(content: Path, languages, site: Site | None = None) -> list[Problem]:
    """Check the pages (against the generated ones too, once the data loads) and the news dates."""
    editors = {f"{lang}/{p.relative_to(content / lang).as_posix()}" for lang in languages
               for p in (content / lang).rglob("*.md")} if content.is_dir() else set()
    # A generated page an editor replaced (their own schedule/index.md) is not built: leave it out.
    generated = [page.text() for page in (generated_pages(site) if site else []) if page.src_uri not in editors]
    problems = check_pages(content, languages, generated=generated,
                           event_ids={e.id for e in site.events} if site else None,
                           has_contact=site is None or site.project.contact is not None)
    for lang in languages:
        problems += load_news(content, lang)[1]
    return problems + (_taken_event_pages(site, editors, content.name) if site else [])


def _taken_event_pages(site: Site, editors: set[str], content_dir: str) -> list[Problem]:
    """Report events whose page an editor's page already is: MkDocs would build one of the two, silently."""
    problems = {}
    for event in site.events:
        src = event_page_src(event.id)
        for lang in site.languages:
            for page in (f"{lang}/{src}", f"{lang}/{src[:-3]}/index.md"):
                if page in editors and (event.source, page) not in problems:
                    problems[(event.source, page)] = Problem(
                        event.source, "id", f"the page of the event '{event.id}' would be {content_dir}/{page}, "
                        "which is an editor's page", "give the event another id, or rename the page")
    return list(problems.values())


def check_project(root: Path | str, *, data_dir: str = "data", content_dir: str = "content") -> list[Problem]:
    """Return every problem (errors and warnings) of the site in ``root``."""
    try:
        _, warnings = load_checked(root, data_dir=data_dir, content_dir=content_dir)
    except SiteDataError as exc:
        return exc.problems
    return warnings
