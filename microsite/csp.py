"""The site's Content-Security-Policy, and the headers file of hosts that read one (Netlify, Cloudflare Pages).

A strict policy lets the browser run only the site's own script files and the
inline scripts the build itself put in the pages, each allowed by the hash of
its exact text (``'sha256-…'``): text from data is escaped everywhere, and this
is the second lock should anything slip through. The hashes are worked out from
the pages as built (the theme's scripts differ with each page's depth), never
written by hand. Only a host can send the policy: GitHub Pages cannot (see
docs/hosting.md), Netlify and Cloudflare Pages read ``_headers`` next to the
pages, and nginx or Apache take the same header from their configuration.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["HEADERS_FILE", "content_security_policy", "render_headers", "script_hashes"]

HEADERS_FILE = "_headers"
"""Where Netlify and Cloudflare Pages look for response headers: next to the pages, in the site's root."""

_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SCRIPT_TYPES = ("", "text/javascript", "application/javascript", "module")
"""Types a browser runs; a data block (application/json, application/ld+json) is never run, so needs no hash."""

_POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # the theme's icons are SVG data: URLs in its style sheet
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # the search index
    ("worker-src", "'self'"),  # the search runs in a worker
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),  # no other site may show these pages in a frame (only as a header)
)
_SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
)


def script_hashes(html: str) -> set[str]:
    """Return the CSP source (``'sha256-…'``) of every inline script a browser would run in ``html``."""
    found = set()
    for script in _SCRIPT.finditer(html):
        attrs = script.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _SCRIPT_TYPES):
            continue
        found.add(_source(script.group("body")))
    return found


@lru_cache(maxsize=256)  # the theme's few inline scripts, on every page of the site
def _source(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(hashes: Iterable[str]) -> str:
    """Return the policy: the site's own files, and the inline scripts of ``hashes`` (in a stable order)."""
    directives = []
    for name, sources in _POLICY:
        if name == "script-src":
            sources = " ".join([sources, *sorted(hashes)])
        directives.append(f"{name} {sources}")
    return "; ".join(directives)


def render_headers(policy: str, calendars: Iterable[str], news_feeds: Iterable[str]) -> str:
    """Return ``_headers``: the policy for every address, the right type for calendar files and news feeds.

    ``calendars`` and ``news_feeds`` are site-relative paths. Rules never overlap on a
    content type (a host joins the values of every rule that matches): each calendar
    that is not an event's own file is named, the events' folder of each language once.
    """
    lines = ["# Written by the build (microsite/csp.py): the Content-Security-Policy allows the site's own",
             "# files and, by their hashes, the inline scripts the build put in the pages.", "/*",
             f"  Content-Security-Policy: {policy}"]
    lines += [f"  {name}: {value}" for name, value in _SECURITY_HEADERS]
    calendar_type = ("  Content-Type: text/calendar; charset=utf-8", "  Cache-Control: public, max-age=3600")
    folders = set()
    for path in sorted(calendars):
        parts = path.split("/")
        if len(parts) == 4 and parts[2] == "events":  # feeds/<lang>/events/<id>.ics
            folders.add("/".join(parts[:3]))
            continue
        lines += ["", f"/{path}", *calendar_type]
    for folder in sorted(folders):
        lines += ["", f"/{folder}/*", *calendar_type]
    for path in sorted(news_feeds):
        lines += ["", f"/{path}", "  Content-Type: application/atom+xml; charset=utf-8"]
    return "\n".join(lines) + "\n"
