"""What a page says about itself in its ``<head>``: title, description, addresses, link previews.

Search engines show the title and description, and use the canonical address
and the hreflang alternates (with x-default, the default language's page) to
know which language version to send a reader to. Chat apps and social sites
build a link's preview from Open Graph tags; the image is one per language
(``content/assets/og/<lang>.png``), described by what the image itself records it says.

Rendered with Jinja2 autoescaping because the values are editors' text
("„Społecznie Zorganizowani”", an ampersand) going into attribute values.
"""

from __future__ import annotations

from dataclasses import dataclass

from .feeds import feed_name
from .model import Site
from .news import NewsDate
from .render.html import render_template
from .catalogue import catalogue, label
from .urls import absolute_url, news_feed_path, og_image_path

__all__ = ["PageMeta", "document_title", "head_alternates", "render_head", "OG_IMAGE_SIZE"]

OG_IMAGE_SIZE = (1200, 630)
"""Width and height of the link-preview images (the size Facebook, LinkedIn and X crop to)."""


@dataclass(frozen=True, slots=True)
class PageMeta:
    """One page as its ``<head>`` describes it."""

    lang: str
    title: str
    """The page's own title (plain text); the tab adds the site's name."""
    description: str
    url: str | None
    """Site-relative address, e.g. 'en/about/'; None for a 404 page, which is served at any address."""
    alternates: tuple[tuple[str, str], ...] = ()
    """(language, site-relative link) of every language version, this one included."""
    published: NewsDate | None = None
    """Set for news posts: they are articles, with a publication date."""


def document_title(site: Site, lang: str, title: str) -> str:
    """Return the browser tab's title: the page's, then the site's name (once on the home page)."""
    name = site.project.short_name.in_(lang)
    return name if title.strip() == name else f"{title} - {name}"


def head_alternates(site: Site, meta: PageMeta, *, base_url: str) -> tuple[tuple[str, str], ...]:
    """Return a page's hreflang alternates as absolute addresses, with x-default (the default language's page).

    The head and the sitemap both use them, so search engines read one answer.
    """
    alternates = [(code, absolute_url(base_url, link)) for code, link in meta.alternates]
    default = dict(alternates).get(site.project.default_language)
    if default:
        alternates.append(("x-default", default))
    return tuple(alternates)


def render_head(site: Site, meta: PageMeta, *, base_url: str, image_alt: str | None, feed: bool) -> str:
    """Return the ``<head>`` tags of a page.

    ``image_alt`` is what the language's preview image says (None: it has none) and
    ``feed`` whether it has a news feed; without them their tags are left out.
    """
    lang = meta.lang
    alternates = list(head_alternates(site, meta, base_url=base_url))
    locales = [catalogue(code).locale for code, _ in meta.alternates if code != lang]
    preview = None
    if image_alt is not None:
        preview = {"url": absolute_url(base_url, og_image_path(lang)), "width": OG_IMAGE_SIZE[0],
                   "height": OG_IMAGE_SIZE[1], "alt": image_alt}
    news = None
    if feed:
        news = {"title": feed_name(site, lang, label("news_feed_name", lang)),
                "href": absolute_url(base_url, news_feed_path(lang))}
    published = meta.published.instant(site.project.timezone).isoformat() if meta.published else ""
    return render_template(
        "head.html", title=document_title(site, lang, meta.title), page_title=meta.title,
        description=meta.description, site_name=site.project.short_name.in_(lang),
        canonical=absolute_url(base_url, meta.url) if meta.url is not None else "",
        alternates=alternates, og_type="article" if meta.published else "website",
        locale=catalogue(lang).locale, other_locales=locales, image=preview, feed=news,
        published=published)
