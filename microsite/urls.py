"""Where every generated thing lives on the site: the one table of paths.

Pages of the default language sit at the root, other languages under
``/<lang>/``; both languages use the same relative path, which is how the
language switcher finds a page's counterpart. Feeds are language-specific
files under ``/feeds/<lang>/``.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

__all__ = ["absolute_url", "calendar_domain", "counterpart_url", "event_page_src", "event_page_url", "feed_path", "feed_url",
           "event_feed_path", "news_feed_path", "news_post_url", "og_image_path", "page_url", "relative_url",
           "uid_domain", "upcoming_data_path", "poster_path", "flyer_path"]

SCHEDULE_SRC = "schedule/index.md"
PARTNERS_SRC = "partners.md"
EVENTS_DIR = "schedule"
NEWS_DIR = "news"
"""News posts are ``content/<lang>/news/<slug>.md``; the section's own page is ``news/index.md``."""


def page_url(relative: str, lang: str, default_lang: str) -> str:
    """Return the site-relative URL (no leading slash) of a page in a language."""
    prefix = "" if lang == default_lang else f"{lang}/"
    return f"{prefix}{relative}"


def counterpart_url(url: str, lang: str, other: str, default_lang: str) -> str:
    """Return the site-relative URL of the page ``url`` (in ``lang``) in the language ``other``."""
    relative = url[len(lang) + 1:] if lang != default_lang and url.startswith(f"{lang}/") else url
    return page_url(relative, other, default_lang)


def event_page_src(event_id: str) -> str:
    """Return the source path (inside a language folder) of an event's page."""
    return f"{EVENTS_DIR}/{event_id}.md"


def event_page_url(event_id: str, lang: str, default_lang: str) -> str:
    """Return the site-relative URL of an event's page."""
    return page_url(f"{EVENTS_DIR}/{event_id}/", lang, default_lang)


def feed_path(lang: str, slug: str) -> str:
    """Return the site-relative path of a feed (``all``, ``duty-hours``…)."""
    return f"feeds/{lang}/{slug}.ics"


def event_feed_path(lang: str, event_id: str) -> str:
    """Return the site-relative path of one event's own ``.ics`` file."""
    return f"feeds/{lang}/events/{event_id}.ics"


def upcoming_data_path(lang: str) -> str:
    """Return the site-relative path of a language's upcoming events, which its home page reads."""
    return f"upcoming/{lang}.json"


def poster_path(lang: str) -> str:
    """Return the site-relative path of a language's project poster (A3 PDF)."""
    return f"print/{lang}/poster.pdf"


def flyer_path(lang: str, key: str) -> str:
    """Return the site-relative path of the flyer of an event or of a weekly slot (``key``: its id)."""
    return f"print/{lang}/flyers/{key}.pdf"


def news_post_url(slug: str, lang: str, default_lang: str) -> str:
    """Return the site-relative URL of a news post (``index`` is the news section itself)."""
    return page_url(f"{NEWS_DIR}/" if slug == "index" else f"{NEWS_DIR}/{slug}/", lang, default_lang)


def news_feed_path(lang: str) -> str:
    """Return the site-relative path of a language's news feed (Atom)."""
    return f"feeds/{lang}/news.xml"


def og_image_path(lang: str) -> str:
    """Return where a language's link-preview image lives, below the content folder and on the site."""
    return f"assets/og/{lang}.png"


def absolute_url(base_url: str, link: str) -> str:
    """Join the site URL and a site-relative link, with or without the site's base path.

    mkdocs-static-i18n hands out links that start with the base path ('/sub/en/'),
    the core hands out links without it ('en/'): both must give one address.
    """
    base = base_url.rstrip("/") + "/"
    path = urlsplit(base).path.lstrip("/")
    link = link.lstrip("/")
    if path and link.startswith(path):
        link = link[len(path):]
    return base + link.lstrip("/")


def feed_url(base_url: str, path: str) -> str:
    """Return the address a feed at ``path`` is downloaded from (its RFC 7986 SOURCE)."""
    return base_url.rstrip("/") + "/" + path


@lru_cache(maxsize=64)  # asked for every news entry
def uid_domain(base_url: str) -> str:
    """Return the host part of the news feed's tag: ids (stable as long as the site's host is)."""
    return urlsplit(base_url).hostname or "localhost"


@lru_cache(maxsize=64)  # asked for every event of every feed
def calendar_domain(base_url: str) -> str:
    """Return what follows the '@' of the calendars' UIDs: the site's host and base path, as one name.

    Two projects on one host (``owner.github.io/a/`` and ``owner.github.io/b/``)
    must not share UIDs, so the base path counts, written before the host the way
    a subdomain is ('a.owner.github.io'): a '/' in a UID breaks some calendar
    servers (nextcloud/server#19980, Kozea/Radicale#262). A site at a host's root
    keeps the plain host.
    """
    parts = urlsplit(base_url)
    labels = [re.sub(r"[^a-z0-9-]+", "-", unquote(segment).lower()).strip("-") or "-"
              for segment in parts.path.split("/") if segment]
    return ".".join([*reversed(labels), parts.hostname or "localhost"])


@lru_cache(maxsize=16384)  # every event's page links the same feeds, schedule and pages: posixpath is slow
def relative_url(from_page: str, to: str) -> str:
    """Return a link from the page at site-relative URL ``from_page`` to ``to``.

    Relative links keep a site working under any base path and on any host,
    which absolute ones would not (a preview on 127.0.0.1, a project subfolder).
    """
    base = from_page if from_page.endswith("/") or not from_page else posixpath.dirname(from_page) + "/"
    target = to or "./"
    rel = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel
