"""MkDocs adapter: the only code that knows MkDocs.

It asks the core for the validated site, generated pages, HTML blocks and
feeds, and hands them to MkDocs. mkdocs-static-i18n runs one full build per
language, so every hook here runs once per language; what is language-neutral
is loaded once (cached on the data files' fingerprint) and reused.
"""

from __future__ import annotations

import logging
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from microsite.buildinfo import build_now, published_at
from microsite.check import load_checked
from microsite.errors import SiteDataError, format_problems
from microsite.feeds import render_feeds
from microsite.model import Event, Site
from microsite.render import html
from microsite.sitepages import generated_pages

log = logging.getLogger("mkdocs.hooks.microsite")

_MARKER = re.compile(r"<!--\s*microsite:([a-z-]+)(?:\s+([a-z0-9-]+))?\s*-->")
_DEFAULT_404 = "microsite_default_404"
_BUILD = "microsite_build"  # per-build values live on the build's config, not in module state


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _fingerprint(root: Path) -> tuple:
    files = sorted((root / "data").glob("*.yaml")) + sorted((root / "content").rglob("*.md"))
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)


@lru_cache(maxsize=2)
def _load(root: Path, fingerprint: tuple):
    """Load and check the site as `microsite check` does (once per change of the files)."""
    try:
        site, warnings = load_checked(root)
    except SiteDataError as exc:
        raise PluginError("The site has errors:\n" + format_problems(exc.problems)) from None
    for warning in warnings:
        log.info(str(warning))  # warnings must not fail --strict builds; `microsite check` lists them
    return site


@dataclass(frozen=True, slots=True)
class _Build:
    """What one language's build needs from the core, worked out once in on_config."""

    site: Site
    now: datetime
    published_at: datetime
    events: dict[str, Event]
    """The site's events by id, for the event markers of thousands of generated pages."""


def _build(config: MkDocsConfig) -> _Build:
    return config[_BUILD]


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
    site = _load(root, _fingerprint(root))
    config[_BUILD] = _Build(site, build_now(root), published_at(root, "data"), {e.id: e for e in site.events})
    configured = [lang.locale for lang in config.plugins["i18n"].config.languages]
    if tuple(configured) != site.languages:
        raise PluginError(f"mkdocs.yml lists the languages {configured} but data/project.yaml lists "
                          f"{list(site.languages)}; make them the same, default first")
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
    by_norm: dict[str, dict[str, str]] = {}
    for src_uri, markdown in generated_pages(site):
        page_lang, norm = src_uri.split("/", 1)
        by_norm.setdefault(norm, {})[page_lang] = markdown
    for norm, versions in by_norm.items():
        if norm in existing or f"{lang}/{norm}" in existing:
            continue  # an editor wrote this page; theirs wins
        alternates = {other: _generated_file(config, other, default, norm, versions[other]) for other in versions}
        page = alternates[lang]
        for file in alternates.values():
            file.alternates = alternates
        files.append(page)
        i18n.i18n_files_per_language.setdefault(lang, []).append(page)
    return files


def _generated_file(config: MkDocsConfig, lang: str, default: str, norm: str, markdown: str) -> File:
    """Return a generated page for ``lang`` at the URL mkdocs-static-i18n would give it."""
    file = File.generated(config, f"{lang}/{norm}", content=markdown)
    if lang == default:
        file.dest_uri = file.dest_uri.split("/", 1)[1]  # the default language lives at the root
    file.locale = file.locale_alternate_of = file.localization = lang
    file.norm_src_uri = norm
    file.edit_uri = None  # generated from data: there is no Markdown file to edit
    return file


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Give the theme the funding strip of this build's language."""
    site = _site(config)
    lang = _lang(config)
    # The same few strips (one per page depth) on every page: render each once.
    env.globals["microsite_strip"] = lru_cache(maxsize=None)(
        lambda prefix: html.render_funding_strip(site, lang, asset_prefix=prefix))
    env.globals["microsite_lang"] = lang
    return env


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Escape the page's title and description; replace ``<!-- microsite:… -->`` markers."""
    # MkDocs renders themes without autoescaping and Material prints page.meta.title raw
    # (header, <title>): hand it text that is already escaped, so data is never markup.
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str) and not isinstance(page.meta[key], Markup):
            page.meta[key] = escape(page.meta[key])
    if "microsite:" not in markdown:
        return markdown
    site = _site(config)
    ctx = html.PageContext(site, _lang(config), page.url, _base_url(config), _build(config).now)
    events = _build(config).events

    def replace(match: re.Match) -> str:
        name, arg = match.group(1), match.group(2)
        if name == "event":
            if arg not in events:
                raise PluginError(f"{page.file.src_uri}: the marker names the event '{arg}', which is not in "
                                  "data/events.yaml; use an id from there")
            return html.render_event_page(ctx, events[arg])
        renderer = _BLOCKS.get(name)
        if renderer is None:
            raise PluginError(f"{page.file.src_uri}: unknown marker 'microsite:{name}'; known markers are "
                              f"{', '.join(sorted(_BLOCKS))} and 'event <id>'")
        return renderer(ctx)

    return _MARKER.sub(lambda m: "\n\n" + replace(m) + "\n\n", markdown)


_BLOCKS = {
    "schedule": html.render_schedule,
    "upcoming": html.render_upcoming,
    "partners": html.render_partners,
    "project-card": html.render_project_card,
    "results": html.render_results,
    "documents": html.render_documents,
}


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    """Give the theme absolute hreflang alternates, including x-default."""
    site = _site(config)
    base = _base_url(config).rstrip("/") + "/"
    alternates = []
    # mkdocs-static-i18n sets the per-page links as an attribute, not as a mapping item.
    for alt in getattr(config.extra, "alternate", None) or config.extra.get("alternate", []):
        link = alt["link"].lstrip("/")
        alternates.append({"lang": alt["lang"], "href": _absolute(base, link)})
    default = next((a for a in alternates if a["lang"] == site.project.default_language), None)
    if default:
        alternates.append({"lang": "x-default", "href": default["href"]})
    context["microsite_alternates"] = alternates
    return context


def _absolute(base: str, link: str) -> str:
    """Join the site URL and a site-relative link without doubling the base path."""
    path = urlsplit(base).path.lstrip("/")
    if path and link.startswith(path):
        link = link[len(path):]
    return base + link.lstrip("/")


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Keep the default language's 404 page, which later language builds overwrite."""
    if template_name == "404.html" and _lang(config) == _site(config).project.default_language:
        config[_DEFAULT_404] = output  # lives on this build's config, shared by the per-language builds
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write this language's feeds; move its 404 page under /<lang>/ and restore the default one."""
    site = _site(config)
    lang = _lang(config)
    site_dir = Path(config.site_dir)
    feeds = render_feeds(site, lang, base_url=_base_url(config), published_at=_build(config).published_at)
    for relative, data in feeds.items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    page_404 = site_dir / "404.html"
    if lang != site.project.default_language and page_404.exists():
        (site_dir / lang).mkdir(exist_ok=True)
        shutil.copyfile(page_404, site_dir / lang / "404.html")
        default = config.get(_DEFAULT_404)
        if default:
            page_404.write_text(default, encoding="utf-8")
