"""MkDocs adapter: the only code that knows MkDocs.

It asks the core for the validated site, generated pages, HTML blocks and
feeds, and hands them to MkDocs. mkdocs-static-i18n runs one full build per
language, so every hook here runs once per language; what is language-neutral
is loaded once (cached on the data files' fingerprint) and reused. The preview
(``hooks/preview.py``) has checked the project already: it hands the result
over in the config (``PREVIEW``), and the hooks build from that.
"""

from __future__ import annotations

import json
import logging
import os
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from microsite.buildcache import cache_folder
from microsite.buildinfo import build_now
from microsite.check import REPORT_ENV, Checked, Checker, write_report
from microsite.csp import HEADERS_FILE, script_hashes
from microsite.errors import SiteDataError, format_problems
from microsite.history import EventVersion, read_history
from microsite.images import preview_alt
from microsite.markers import MARKER
from microsite.meta import PageMeta, head_alternates, render_head
from microsite.model import Event, Site
from microsite.news import NewsPost, has_news, load_news
from microsite.printed import PrintCache, StripError
from microsite.render import html
from microsite.render.blocks import BlockError, render_blocks
from microsite.render.compiled import CompiledTemplates
from microsite.gitlog import GitError, read_file_times
from microsite.sitemap import SitemapEntry, page_modified, page_sources
from microsite.siteconfig import is_placeholder_repository
from microsite.sitefiles import (headers_file, language_files, merged_search_path, not_found_files, search_files,
                                 sitemap_files, write_files)
from microsite.sitepages import GeneratedPage, canonical_url, data_edit_url, event_homes
from microsite.render.notices import with_translation_notice
from microsite.translations import TranslationReport, translation_report
from microsite.catalogue import label
from microsite.urls import NEWS_DIR, absolute_url, counterpart_url, event_page_src, og_image_path

log = logging.getLogger("mkdocs.hooks.microsite")

_404_PAGES = "microsite_404_pages"  # each language's 404 page as rendered: all builds write site/404.html
# Per-build values live on the build's config, not in module state. mkdocs-static-i18n runs every other
# language's build inside the first one's on_post_build, on the same config: a stack, newest on top.
_BUILDS = "microsite_builds"
_SCRIPT_HASHES = "microsite_script_hashes"  # every language's pages' inline scripts, for the headers file
PREVIEW = "microsite_preview"
"""Set by hooks/preview.py on each build's config: the project it checked (a Checked)."""
_SITEMAP = "microsite_sitemap"  # every language's canonical pages, for the sitemap written at the end


def _root(config: MkDocsConfig) -> Path:
    return _folder_of(config.config_file_path)


@lru_cache(maxsize=4)  # asked for every page: resolving a path is a system call per folder in it
def _folder_of(config_file_path: str) -> Path:
    return Path(config_file_path).resolve().parent


def _fingerprint(root: Path) -> tuple:
    files = sorted((root / "data").glob("*.yaml")) + sorted((root / "content").rglob("*.md"))
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)


@lru_cache(maxsize=2)
def _load(root: Path, fingerprint: tuple) -> Checked:
    """Load and check the site as `microsite check` does (once per change of the files, not per language)."""
    try:
        checked = Checker(root, print_cache=PrintCache.of_project(root)).check()
    except SiteDataError as exc:
        write_report(exc.problems, os.environ)  # `microsite build` prints them as `microsite check` does
        errors = sum(1 for p in exc.problems if p.is_error)
        raise PluginError(f"The site has {errors} error(s)" + (" (listed below)." if os.environ.get(REPORT_ENV) else
                          ":\n" + format_problems(exc.problems))) from None
    write_report(checked.warnings, os.environ)
    for warning in checked.warnings:
        log.info(str(warning))  # warnings must not fail --strict builds; `microsite check` lists them
    return checked


@lru_cache(maxsize=2)
def _versions(root: Path, fingerprint: tuple, site: Site, now: datetime) -> dict[str, EventVersion]:
    """Each event's versions from the git history, read once per change of the files (not per language)."""
    kept = cache_folder(root, "history")
    history = read_history(root, site, now=now, kept=kept / "events.json" if kept else None)
    errors = [p for p in history.problems if p.is_error]
    if errors:
        raise PluginError("The calendars cannot be built:\n" + format_problems(errors))
    for warning in history.problems:
        log.info(str(warning))  # `microsite build` prints it; a warning here would fail --strict builds
    return dict(history.versions)


@lru_cache(maxsize=2)
def _file_times(root: Path, fingerprint: tuple) -> tuple[dict, frozenset]:
    """When each content and data file last changed in the history, and which files exist (for the sitemap)."""
    try:
        times = read_file_times(root, ("content", "data"))
    except GitError:
        times = {}  # not a clone: every page changed "now" (the build warned already if there are events)
    existing = frozenset(Path(name).relative_to(root).as_posix() for name, _, _ in fingerprint)
    return times, existing


@lru_cache(maxsize=2)
def _translations(root: Path, fingerprint: tuple) -> TranslationReport:
    """The state of the translated pages, worked out once per change of the files (for the readers' notices)."""
    return translation_report(root, for_readers=True)


@dataclass(frozen=True, slots=True)
class _Build:
    """What one language's build needs from the core, worked out once in on_config."""

    site: Site
    now: datetime
    versions: dict[str, EventVersion]
    """Each event's SEQUENCE, CREATED and LAST-MODIFIED, from the history."""
    lang: str
    news: tuple[NewsPost, ...]
    """This language's news posts, newest first."""
    has_feed: bool
    """Whether this language has a news section, hence a news feed."""
    image_alt: str | None
    """What this language's link-preview image says (None: the language has no image)."""
    translations: TranslationReport | None
    """None when reader notices about translations are switched off in mkdocs.yml."""
    events: dict[str, Event]
    """The site's events by id, for the event markers of thousands of generated pages."""
    generated: tuple[GeneratedPage, ...]
    """Every language's pages made from data (each language's build adds its own)."""
    file_times: tuple[dict, frozenset]
    """Each content and data file's last change, and which exist (the sitemap's lastmod)."""
    homes: dict[str, str]
    """Event id → this language's editor page that shows it (its canonical address); filled in on_files."""
    markers: dict[str, tuple]
    """Page URL → its blocks as (name, event id), noted in on_page_markdown for the sitemap."""


def _build(config: MkDocsConfig) -> _Build:
    return config[_BUILDS][-1]


def _site(config: MkDocsConfig) -> Site:
    return _build(config).site


def _lang(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


def _base_url(config: MkDocsConfig) -> str:
    return config.site_url or "http://127.0.0.1:8000/"


@event_priority(-110)  # after mkdocs-static-i18n has switched the config to this build's language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Per language build, not per page: the fingerprint walks every page, "now" asks git.
    root = _root(config)
    fingerprint = _fingerprint(root)
    preview = config.get(PREVIEW)
    checked = preview or _load(root, fingerprint)
    site = checked.site
    lang = _lang(config)
    content = Path(config.docs_dir)
    news, _ = load_news(content, lang)  # their problems stopped the build in _load already
    notices = (config.extra.get("microsite") or {}).get("translation_notices", True)
    # One "now" for every language of a build (the preview's is the clock, which moves between them).
    stack = config.get(_BUILDS) if config.plugins["i18n"].building else None
    now = stack[0].now if stack else build_now(root, preview=preview is not None)
    build = _Build(site, now, _versions(root, fingerprint, site, now), lang, news, has_news(content, lang),
                   preview_alt(site, content / og_image_path(lang), lang),
                   _translations(root, fingerprint) if notices else None, {e.id: e for e in site.events},
                   checked.generated, _file_times(root, fingerprint), {}, {})
    # The first language's build starts a fresh stack (mkdocs serve rebuilds on the same config).
    config[_BUILDS] = [*(config.get(_BUILDS) or []), build] if config.plugins["i18n"].building else [build]
    if not config.plugins["i18n"].building:
        config[_SCRIPT_HASHES] = set()
        config[_SITEMAP] = []
    if is_placeholder_repository(config.edit_uri):
        config.edit_uri = None  # no repository set: no "Edit this page" button leading to github.com/OWNER/REPO
    return config


@event_priority(-150)  # after mkdocs-static-i18n: it accepts only real files from docs_dir
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add this language's generated pages (one per event; default schedule/partners pages).

    mkdocs-static-i18n has already chosen this language's files, so the pages are
    added here with what it reads later: their alternates (language switcher,
    hreflang, sitemap) and a place in its per-language sitemap list.
    """
    site = _site(config)
    lang = _lang(config)
    default = site.project.default_language
    existing = {f.src_uri for f in files} | {getattr(f, "norm_src_uri", "") for f in files}
    i18n = config.plugins["i18n"]
    sources = {event_page_src(e.id): e.source for e in site.events}
    by_norm: dict[str, dict[str, str]] = {}
    for generated in _build(config).generated:
        page_lang, norm = generated.src_uri.split("/", 1)
        by_norm.setdefault(norm, {})[page_lang] = generated.markdown
    # An event an editor's page shows lives there: that page is its canonical address in this language.
    _build(config).homes.update(event_homes((f.url, f.content_string) for f in files
                                            if f.is_documentation_page() and not f.generated_by))
    for norm, versions in by_norm.items():
        if norm in existing or f"{lang}/{norm}" in existing:
            continue  # an editor wrote this page; theirs wins
        alternates = {other: _generated_file(config, other, default, norm, versions[other]) for other in versions}
        page = alternates[lang]
        for file in alternates.values():
            file.alternates = alternates
            file.microsite_source = sources.get(norm)  # on_pre_page links "Edit this page" there
        files.append(page)
        i18n.i18n_files_per_language.setdefault(lang, []).append(page)
    return files


def _generated_file(config: MkDocsConfig, lang: str, default: str, norm: str, markdown: str) -> File:
    """Return a generated page for ``lang`` at the URL mkdocs-static-i18n would give it."""
    # Not in the menu on purpose: MkDocs would otherwise list every event page as "not included in the nav".
    file = File.generated(config, f"{lang}/{norm}", content=markdown, inclusion=InclusionLevel.NOT_IN_NAV)
    if lang == default:
        file.dest_uri = file.dest_uri.split("/", 1)[1]  # the default language lives at the root
    file.locale = file.locale_alternate_of = file.localization = lang
    file.norm_src_uri = norm
    file.edit_uri = None  # generated from data: there is no Markdown file to edit
    return file


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    """Point "Edit this page" of a page made from data at its entry (MkDocs gives it none)."""
    source = getattr(page.file, "microsite_source", None)
    if source is not None and config.edit_uri:
        page.edit_url = data_edit_url(config.edit_uri, _content_dir(config.docs_dir, config.config_file_path), source)
    return page


@lru_cache(maxsize=4)  # asked for each of thousands of event pages
@lru_cache(maxsize=4)
def _content_dir(docs_dir: str, config_file_path: str) -> str:
    """Return the content folder relative to the project root (``content``)."""
    return Path(docs_dir).resolve().relative_to(Path(config_file_path).resolve().parent).as_posix()


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Give the theme the funding strip of this build's language; keep our overrides compiled between builds."""
    site = _site(config)
    lang = _lang(config)
    kept = cache_folder(_root(config), "templates")
    if kept is not None and config.theme.custom_dir:  # the theme's own templates are compiled as MkDocs does
        env.bytecode_cache = CompiledTemplates(kept, only_under=Path(config.theme.custom_dir))
    # The same few strips (one per page depth) on every page: render each once.
    env.globals["microsite_strip"] = lru_cache(maxsize=None)(
        lambda prefix: html.render_funding_strip(site, lang, asset_prefix=prefix))
    env.globals["microsite_lang"] = lang
    env.globals["microsite_label"] = lambda key: label(key, lang)
    return env


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Escape the page's title and description; replace ``<!-- microsite:… -->`` markers."""
    # MkDocs renders themes without autoescaping and Material prints page.meta.title raw
    # (header, <title>): hand it text that is already escaped, so data is never markup.
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str) and not isinstance(page.meta[key], Markup):
            page.meta[key] = escape(page.meta[key])
    site = _site(config)
    build = _build(config)
    ctx = html.PageContext(site, build.lang, page.url, _base_url(config), build.now,
                           og_image_path(build.lang) if build.image_alt is not None else None, build.homes)
    generated = getattr(page.file, "generated_by", None) is not None
    markdown = with_translation_notice(markdown, None if generated else page.file.src_uri, ctx,
                                       build.translations)
    build.markers[page.url] = tuple((m.group(1), m.group(2)) for m in MARKER.finditer(markdown))
    try:
        return render_blocks(markdown, ctx, page=page.file.src_uri, events=build.events, news=build.news,
                             has_feed=build.has_feed)
    except BlockError as exc:
        raise PluginError(str(exc)) from None


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    """Give the theme the page's <head>: title, description, canonical, hreflang, Open Graph, news feed."""
    build = _build(config)
    # mkdocs-static-i18n sets the per-page links as an attribute, not as a mapping item.
    alternates = tuple((alt["lang"], alt["link"])
                       for alt in getattr(config.extra, "alternate", None) or config.extra.get("alternate", []))
    norm = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
    post = next((p for p in build.news if norm == f"{NEWS_DIR}/{p.slug}.md"), None)
    description = page.meta.get("description") or build.site.project.summary.in_(build.lang)
    canonical = _canonical(build, page)
    if canonical != page.url:  # this page defers to the editor's page showing the event, in every language
        alternates = tuple((code, counterpart_url(canonical, build.lang, code, build.site.project.default_language))
                           for code, _ in alternates)
    meta = PageMeta(build.lang, _plain(page.meta.get("title") or page.title or ""), _plain(description),
                    canonical, alternates, post.date if post else None)
    context["microsite_head"] = _head(config, meta)
    if canonical == page.url:
        _note_for_sitemap(config, build, page, meta)
    return context


def _canonical(build: _Build, page: Page) -> str:
    return canonical_url(page.url, bool(page.file.generated_by), build.markers.get(page.url, ()), build.homes)


def _note_for_sitemap(config: MkDocsConfig, build: _Build, page: Page, meta: PageMeta) -> None:
    content = _content_dir(config.docs_dir, config.config_file_path)
    # The page's file as the history names it (content/pl/about.md); MkDocs joins it to docs_dir.
    source = f"{content}/{Path(os.path.relpath(page.file.abs_src_path, config.docs_dir)).as_posix()}" \
        if page.file.abs_src_path else None
    markers = build.markers.get(page.url, ())
    news = [f"{content}/{build.lang}/{NEWS_DIR}/{p.slug}.md"
            for p in build.news] if any(name == "news" for name, _ in markers) else []
    files, events = page_sources(markers, source, news)
    times, existing = build.file_times
    modified = page_modified(files, events, times=times, versions=build.versions, existing=existing, now=build.now)
    alternates = head_alternates(build.site, meta, base_url=_base_url(config))
    config[_SITEMAP].append(SitemapEntry(absolute_url(_base_url(config), page.url), alternates, modified))


def on_template_context(context, *, template_name: str, config: MkDocsConfig):
    """Give the 404 page its <head>: its own title, and no canonical address (it is served at any)."""
    if template_name == "404.html":
        lang = _build(config).lang
        context["microsite_head"] = _head(config, PageMeta(lang, label("not_found", lang),
                                                            label("not_found_text", lang), None))
    return context


def _head(config: MkDocsConfig, meta: PageMeta) -> Markup:
    build = _build(config)
    return Markup(render_head(build.site, meta, base_url=_base_url(config), image_alt=build.image_alt,
                              feed=build.has_feed))


def _plain(value) -> str:
    """Return text as written: on_page_markdown stored titles escaped, and the core escapes them itself."""
    return value.unescape() if isinstance(value, Markup) else str(value)


def on_pre_template(template, *, template_name: str, config: MkDocsConfig):
    """Point the 404 page's language switcher at the language roots.

    mkdocs-static-i18n rewrites ``extra.alternate`` for each page and renders the 404
    page last, so it would offer the counterparts of whichever page was built before it.
    """
    roots = getattr(config.plugins.get("i18n"), "extra_alternate", None)
    if template_name == "404.html" and roots:
        config.extra.alternate = deepcopy(roots)  # an attribute, as mkdocs-static-i18n sets it
    return template


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Keep each language's 404 page: every language's build writes it to the same site/404.html."""
    if template_name == "404.html":
        config[_404_PAGES] = {**(config.get(_404_PAGES) or {}), _lang(config): output}
        _keep_script_hashes(config, output)
    return output


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Note the hashes of the theme's inline scripts in the page, for the Content-Security-Policy written at the end.

    A script an editor wrote into the page's text is not the theme's: it gets no hash, so browsers will not run it.
    """
    _keep_script_hashes(config, output, page.content or "")
    return output


def _keep_script_hashes(config: MkDocsConfig, html_text: str, editors: str = "") -> None:
    found = script_hashes(html_text) - (script_hashes(editors) if "<script" in editors else set())
    config[_SCRIPT_HASHES] = (config.get(_SCRIPT_HASHES) or set()) | found


@event_priority(-110)  # after mkdocs-static-i18n: it builds the other languages and merges their search entries
def on_post_build(*, config: MkDocsConfig) -> None:
    """Write what this language adds beside its pages; once every language is built, what the site adds."""
    build = config[_BUILDS].pop()
    site, lang = build.site, build.lang
    site_dir = Path(config.site_dir)
    try:
        files = language_files(site, lang, base_url=_base_url(config), now=build.now, versions=build.versions,
                               news=build.news if build.has_feed else None, content_root=Path(config.docs_dir),
                               print_cache=PrintCache.of_project(_root(config)))
    except StripError as exc:
        raise PluginError(f"The poster and flyers cannot be printed: {exc}") from None
    files.update(not_found_files(config.get(_404_PAGES) or {}, lang, site.project.default_language))
    last = not config[_BUILDS]  # the first language's build ends last: every language is built
    if last:
        merged = site_dir / merged_search_path(site)
        files.update(search_files(json.loads(merged.read_text(encoding="utf-8")) if merged.exists() else None, site))
        files.update(sitemap_files(config[_SITEMAP], _base_url(config), own_robots=(site_dir / "robots.txt").exists()))
    write_files(site_dir, files)
    _stop_alternate_sitemap_requests(site_dir)
    if last:
        (site_dir / HEADERS_FILE).write_text(headers_file(site_dir, config.get(_SCRIPT_HASHES) or set()),
                                             encoding="utf-8")


# Material 9.8.1 fetches '<href>/sitemap.xml' for every <link rel=alternate> (mkdocs-material#8576,
# zensical#908): for per-page hreflang links and the news feed that is one or more 404s on every page
# view. It does so to map pages between language roots given in extra.alternate; mkdocs-static-i18n
# already gives the language selector each page's counterpart, so the lookup is switched off by making
# its selector match nothing. The bundle is patched where the site is built; a Material upgrade that
# changes this code fails the build here, so the patch can never silently stop working.
_ALTERNATE_LOOKUP = 'M("link[rel=alternate]")'
_NO_ALTERNATE_LOOKUP = 'M("link[rel=alternate][data-md-alternate-lookup]")'


def _stop_alternate_sitemap_requests(site_dir: Path) -> None:
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        return  # another theme: nothing to patch
    for bundle in bundles:
        code = bundle.read_text(encoding="utf-8")
        if _NO_ALTERNATE_LOOKUP in code:
            continue  # patched by an earlier language's build
        if code.count(_ALTERNATE_LOOKUP) != 1:
            raise PluginError(f"{bundle.name}: Material's alternate-language lookup has changed; check whether "
                              "mkdocs-material#8576 is fixed and update or remove _stop_alternate_sitemap_requests")
        bundle.write_text(code.replace(_ALTERNATE_LOOKUP, _NO_ALTERNATE_LOOKUP), encoding="utf-8")
