"""The files a built site holds beside its pages, made by the core for whatever builds the pages.

A site is pages (MkDocs and Material make them today) plus files the generator
adds: each language's calendars, the home page's data and news feed, its poster
and flyers, a 404 page per language, one search index per language, the sitemap
with robots.txt, and the headers file. Which files,
at which paths and with what bytes is decided here; an adapter only hands over
what its builder produced (the rendered 404 pages, the merged search index) and
writes the result. When the builder changes (docs/decisions/0006-platform.md),
this stays.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path

from .csp import content_security_policy, render_headers
from .feeds import render_feeds
from .model import Site
from .news import NewsPost
from .newsfeed import render_news_feed
from .printed import PrintCache, render_printed
from .render.html import render_upcoming_data
from .searchindex import search_index_path, split_search_index
from .sitemap import SitemapEntry, render_robots, render_sitemap
from .urls import absolute_url, news_feed_path, upcoming_data_path

__all__ = ["headers_file", "language_files", "merged_search_path", "not_found_files", "search_files", "sitemap_files",
           "write_files"]


def language_files(site: Site, lang: str, *, base_url: str, now: datetime, versions: Mapping,
                   news: tuple[NewsPost, ...] | None, content_root: Path, print_cache: PrintCache) -> dict[str, bytes]:
    """Return what one language adds to the site: its calendars, the home page's data, its news feed, print.

    ``news`` is the language's posts, or None when it has no news section (and so no feed);
    ``content_root`` holds the official sign files the poster and flyers place, ``print_cache``
    the sheets of the last build (only a changed one is drawn again). Raises
    StripError naming a sign file that cannot be drawn.
    """
    files = render_feeds(site, lang, base_url=base_url, published_at=now, versions=versions)
    if site.events:
        files[upcoming_data_path(lang)] = render_upcoming_data(site, lang, base_url=base_url, now=now)
    if news is not None:
        files[news_feed_path(lang)] = render_news_feed(site, lang, news, base_url=base_url, now=now)
    files.update(render_printed(site, lang, base_url=base_url, content_root=content_root, now=now,
                                 cache=print_cache))
    return files


def not_found_files(pages: Mapping[str, str], lang: str, default: str) -> dict[str, bytes]:
    """Return the 404 pages known so far, each where its language's readers get it.

    ``pages`` are the rendered 404 pages by language. The builder writes every language's
    to the same ``404.html``; each goes under ``/<lang>/`` and the root keeps the default's.
    """
    files = {}
    if lang != default and lang in pages:
        files[f"{lang}/404.html"] = pages[lang].encode("utf-8")
    if default in pages:
        files["404.html"] = pages[default].encode("utf-8")
    return files


def search_files(merged: dict | None, site: Site) -> dict[str, bytes]:
    """Return one search index per language from the builder's merged one (nothing if it made none)."""
    if merged is None:
        return {}
    return split_search_index(merged, site.languages, site.project.default_language)


def merged_search_path(site: Site) -> str:
    """Return where the builder leaves its one index of every language (the default language's path)."""
    default = site.project.default_language
    return search_index_path(default, default)


def sitemap_files(entries: Iterable[SitemapEntry], base_url: str, *, own_robots: bool) -> dict[str, bytes]:
    """Return the sitemap (plain and gzipped) and robots.txt naming it, unless the project wrote its own.

    Ours replaces mkdocs-static-i18n's, which has no x-default and dates every page at the build.
    """
    sitemap = render_sitemap(entries)
    # gzip without a file name or time in its header: the same bytes on every build.
    files = {"sitemap.xml": sitemap, "sitemap.xml.gz": gzip.compress(sitemap, mtime=0)}
    if not own_robots:
        files["robots.txt"] = render_robots(absolute_url(base_url, "sitemap.xml"))
    return files


def headers_file(site_dir: Path, hashes: set[str]) -> str:
    """Return the headers file for hosts that read one: the policy, then the project's own rules if any.

    ``hashes`` are those of the theme's inline scripts in the built pages; the project's own rules are
    ``content/_headers`` as the builder copied it to the site.
    """
    own_file = site_dir / "_headers"
    own = own_file.read_text(encoding="utf-8") if own_file.is_file() else ""
    feeds = sorted(path.relative_to(site_dir).as_posix() for path in (site_dir / "feeds").rglob("*")
                   if path.is_file()) if (site_dir / "feeds").is_dir() else []
    text = render_headers(content_security_policy(hashes), [f for f in feeds if f.endswith(".ics")],
                          [f for f in feeds if f.endswith(".xml")])
    return text + ("\n# The project's own rules (content/_headers):\n" + own if own else "")


def write_files(site_dir: Path, files: Mapping[str, bytes]) -> None:
    """Write files (site-relative path → bytes) into the built site.

    Each folder is made once, not once per file: thousands of calendar files share a few folders, and on a
    slow disk each system call costs (at 2,000 events: 4,500 of the build's 9,100 ``mkdir`` calls).
    """
    made: set[Path] = set()
    for relative, data in files.items():
        target = site_dir / relative
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(data)
