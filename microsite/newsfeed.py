"""The news feed of one language, in Atom 1.0 (RFC 4287).

Atom rather than RSS 2.0 because Atom says exactly what a reader needs and RSS
leaves open: every entry has a permanent id and an RFC 3339 date with its
offset, text is text (never guessed HTML), and the feed carries its own
language and address. The reasons and the alternatives weighed are in
``docs/decisions/0003-news-feed.md``.

Written with the standard library's ElementTree, so escaping is the XML
library's job, and built only from the posts' front matter and the project's
data, so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from .feeds import feed_name
from .model import Site
from .news import NewsDate, NewsPost
from .catalogue import label
from .urls import absolute_url, news_feed_path, news_post_url, uid_domain

__all__ = ["ATOM_NS", "render_news_feed"]

ATOM_NS = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render_news_feed(site: Site, lang: str, posts: Sequence[NewsPost], *, base_url: str, now: datetime) -> bytes:
    """Return the Atom feed of ``posts`` (one language's, newest first) as UTF-8 bytes.

    ``now`` (the build's, reproducible) dates a feed that has neither a post nor a project start.
    """
    project = site.project
    default = project.default_language
    tz = project.timezone
    # ElementTree cannot combine a default namespace with plain attribute names (rel, href), so the
    # Atom namespace is declared by hand on the root; parsers see the same names as with a prefix map.
    feed = ET.Element("feed", {"xmlns": ATOM_NS, _XML_LANG: lang})
    # tag: URIs (RFC 4151) stay the same if the site moves to other paths on its host; they need a date
    # the host was the project's, which only its start gives. Without it the feed's own address is its id.
    self_url = absolute_url(base_url, news_feed_path(lang))
    _text(feed, "id", f"tag:{uid_domain(base_url)},{project.start.isoformat()}:{lang}/news" if project.start
          else self_url)
    _text(feed, "title", feed_name(site, lang, label("news_feed_name", lang)))
    _text(feed, "subtitle", project.title.in_(lang))
    if posts or project.start:
        newest = (posts[0].date if posts else NewsDate(project.start, "day")).instant(tz)
    else:
        newest = now.astimezone(ZoneInfo(tz)).replace(microsecond=0)
    _text(feed, "updated", newest.isoformat())
    _link(feed, "self", self_url, "application/atom+xml")
    _link(feed, "alternate", absolute_url(base_url, news_post_url("index", lang, default)), "text/html")
    author = ET.SubElement(feed, "author")
    leader = site.partner(project.beneficiary) if project.beneficiary else None
    if leader is not None:
        _text(author, "name", leader.name.in_(lang))
        if leader.website:
            _text(author, "uri", leader.website)
    else:
        _text(author, "name", (project.contact.name if project.contact else project.short_name).in_(lang))
    for post in posts:
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", f"tag:{uid_domain(base_url)},{post.date.iso()}:{lang}/news/{post.slug}")
        _text(entry, "title", post.title)
        _link(entry, "alternate", absolute_url(base_url, news_post_url(post.slug, lang, default)), "text/html")
        when = post.date.instant(tz).isoformat()
        _text(entry, "published", when)
        _text(entry, "updated", when)
        _text(entry, "summary", post.description)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, name)
    element.text = text
    return element


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "type": media_type, "href": href})
