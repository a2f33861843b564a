"""Everything ``microsite check`` verifies: links, data, pages, news, placeholders, translation records, mkdocs.yml.

One implementation, used by the command line, by the MkDocs adapter (which is
what ``microsite build`` runs: the build checks once and hands its problems
back through a report file) and by the preview, so they can never disagree
about what is an error. The preview checks the same project again after every
save: :class:`Checker` reads the data files again only when one of them
changed, since they are most of the check's cost and an edit to a page changes
none of them.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import Location, Problem, SiteDataError
from .images import check_images
from .load import load_site, site_languages
from .model import Site
from .news import load_news
from .pages import check_pages
from .printed import PrintCache, check_sign_files
from .translations import check_records
from .siteconfig import check_site_config, configured_languages
from .sources import check_sources
from .sitepages import GeneratedPage, generated_pages
from .urls import PARTNERS_SRC, SCHEDULE_SRC, event_page_src

__all__ = ["REPORT_ENV", "Checked", "Checker", "check_project", "load_checked", "read_report", "write_report"]

REPORT_ENV = "MICROSITE_CHECK_REPORT"
"""Set by ``microsite build`` for its MkDocs process: where the adapter writes the check's problems."""


@dataclass(frozen=True, slots=True)
class Checked:
    """A project that passed the check: its site, its warnings, and the pages made from its data."""

    site: Site
    warnings: tuple[Problem, ...]
    generated: tuple[GeneratedPage, ...]
    """Every language's pages made from data (the check compares their titles; the build adds them)."""


@dataclass(frozen=True, slots=True)
class _Data:
    """The data files as last read: their stamp, and the site with its warnings or the errors."""

    stamp: tuple
    site: Site | None
    problems: tuple[Problem, ...]
    generated: tuple[GeneratedPage, ...]


class Checker:
    """Check one project, as often as asked, reading its data files again only when they changed."""

    def __init__(self, root: Path | str, *, data_dir: str = "data", content_dir: str = "content",
                 print_cache: PrintCache | None = None) -> None:
        self.root = Path(root)
        self.data_dir = data_dir
        self.content_dir = content_dir
        self.print_cache = print_cache or PrintCache(None)
        """Remembers the sign files found printable, so svglib reads each file once (None: read every time)."""
        self._data: _Data | None = None

    def check(self) -> Checked:
        """Return the checked project, or raise :class:`SiteDataError` with every problem."""
        with _cycle_collector_paused():
            return self._check()

    def _check(self) -> Checked:
        root, content = self.root, self.root / self.content_dir
        links = check_sources(root, data_dir=self.data_dir, content_dir=self.content_dir)
        if links:  # nothing is read while a link could point it outside the repository
            raise SiteDataError(links)
        data = self._load_data()
        if data.site is None:
            # The languages as far as they are known: project.yaml's, else mkdocs.yml's (never assumed).
            known = site_languages(root, self.data_dir)
            languages = known or configured_languages(root) or ()
            pages = _check_content(content, languages)
            # Without the data the pages made from it are not known: give the menus the benefit of the doubt.
            maybe = {f"{lang}/{page}" for lang in languages for page in (SCHEDULE_SRC, PARTNERS_SRC)}
            config = check_site_config(root, known, None, maybe, self.content_dir)
            raise SiteDataError([*data.problems, *pages, *check_records(root, self.data_dir), *config])
        site = data.site
        problems = [*data.problems, *_check_content(content, site.languages, site, data.generated),
                    *check_records(root, self.data_dir),
                    *check_site_config(root, site.languages, site, {page.src_uri for page in data.generated},
                                       self.content_dir),
                    *check_images(root, site, self.content_dir), *check_sign_files(site, content, self.print_cache)]
        if any(p.is_error for p in problems):
            raise SiteDataError(problems)
        return Checked(site, tuple(problems), data.generated)

    def _load_data(self) -> _Data:
        stamp = data_stamp(self.root, self.data_dir, self.content_dir)
        if self._data is None or self._data.stamp != stamp:
            try:
                site, warnings = load_site(self.root, data_dir=self.data_dir, content_dir=self.content_dir)
            except SiteDataError as exc:
                self._data = _Data(stamp, None, tuple(exc.problems), ())
            else:
                self._data = _Data(stamp, site, tuple(warnings), tuple(generated_pages(site)))
        return self._data


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the check builds its objects, then restore it as it was.

    Reading 10,000 events allocates millions of objects (YAML nodes, then the
    model) that all stay alive until the check ends; the collector walked them
    again and again and found nothing: half the check's time, measured (the YAML
    nodes and the model hold no cycles). Reference counting still frees every
    object as usual; only the search for cycles waits.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def data_stamp(root: Path, data_dir: str = "data", content_dir: str = "content") -> tuple:
    """Return what the data's check depends on: the data files, and the files they name (logos, documents).

    Markdown pages are left out: the data never reads them.
    """
    files = [p for p in sorted((root / data_dir).glob("*")) if p.is_file()]
    files += [p for p in sorted((root / content_dir).rglob("*")) if p.suffix != ".md" and p.is_file()]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def load_checked(root: Path | str, *, data_dir: str = "data", content_dir: str = "content",
                 print_cache: PrintCache | None = None) -> tuple[Site, list[Problem]]:
    """Load the site and check its pages; return it with warnings, or raise with every problem."""
    checked = Checker(root, data_dir=data_dir, content_dir=content_dir, print_cache=print_cache).check()
    return checked.site, list(checked.warnings)


def _check_content(content: Path, languages, site: Site | None = None,
                   generated: tuple[GeneratedPage, ...] = ()) -> list[Problem]:
    """Check the pages (against the generated ones too, once the data loads) and the news dates."""
    editors = {f"{lang}/{p.relative_to(content / lang).as_posix()}" for lang in languages
               for p in (content / lang).rglob("*.md")} if content.is_dir() else set()
    # A generated page an editor replaced (their own schedule/index.md) is not built: leave it out.
    built = [page for page in generated if page.src_uri not in editors]
    problems = check_pages(content, languages, generated=built,
                           event_ids={e.id for e in site.events} if site else None,
                           has_contact=site is None or site.project.contact is not None)
    for lang in languages:
        problems += load_news(content, lang)[1]
    return problems + (_taken_event_pages(site, editors, content.name) if site else [])


def _taken_event_pages(site: Site, editors: set[str], content_dir: str) -> list[Problem]:
    """Report events whose page an editor's page already is: MkDocs would build one of the two, silently."""
    problems = {}
    relative = {page.split("/", 1)[1] for page in editors}  # without the language folder, to rule most events out
    for event in site.events:
        src = event_page_src(event.id)
        if src not in relative and f"{src[:-3]}/index.md" not in relative:
            continue
        for lang in site.languages:
            for page in (f"{lang}/{src}", f"{lang}/{src[:-3]}/index.md"):
                if page in editors and (event.source, page) not in problems:
                    problems[(event.source, page)] = Problem(
                        event.source, "id", f"the page of the event '{event.id}' would be {content_dir}/{page}, "
                        "which is an editor's page", "give the event another id, or rename the page")
    return list(problems.values())


def check_project(root: Path | str, *, data_dir: str = "data", content_dir: str = "content",
                  print_cache: PrintCache | None = None) -> list[Problem]:
    """Return every problem (errors and warnings) of the site in ``root``."""
    try:
        _, warnings = load_checked(root, data_dir=data_dir, content_dir=content_dir, print_cache=print_cache)
    except SiteDataError as exc:
        return exc.problems
    return warnings


def write_report(problems: list[Problem] | tuple[Problem, ...], environ: Mapping[str, str]) -> None:
    """Write the problems where ``REPORT_ENV`` says (nothing when it is not set)."""
    path = environ.get(REPORT_ENV)
    if path:
        rows = [{**asdict(p), "location": asdict(p.location)} for p in problems]
        Path(path).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def read_report(path: Path) -> list[Problem] | None:
    """Return the problems a build's check wrote into ``path``; None when it wrote nothing (it did not run)."""
    if not path.is_file():
        return None
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [Problem(Location(**row["location"]), row["field"], row["message"], row["fix"], row["severity"])
            for row in rows]
