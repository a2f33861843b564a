"""One visit of every page in both languages, recording what the browser saw.

Loading each page once (and running axe-core in it) serves several tests:
accessibility, the requests the pages make, the footer, and the links and assets
to check. Pages reached by a link but missing from the sitemap are
visited too, so this is a real crawl, not a walk through a list.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

__all__ = ["Visit", "Crawl", "crawl_site", "fetch_status", "is_internal", "urls_in"]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_AXE_RUN_JS = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"

# Everything a page refers to: links, stylesheets and icons, images, scripts, srcset candidates.
_REFERENCES_JS = """() => {
  const urls = [];
  document.querySelectorAll('a[href], area[href], link[href]').forEach(e => urls.push(e.href));
  document.querySelectorAll('[src]').forEach(e => urls.push(e.src));
  document.querySelectorAll('[srcset]').forEach(e => e.getAttribute('srcset').split(',').forEach(c => {
    const u = c.trim().split(/\\s+/)[0];
    if (u) urls.push(new URL(u, document.baseURI).href);
  }));
  return urls;
}"""

_ABSOLUTE_URL = re.compile(r"""(?:https?|webcal)://[^\s"'<>)]+""")
# Where a sitemap, RSS or Atom feed holds links (not its XML namespaces): <loc>, <link>, href=, url=.
_XML_URL = re.compile(r'<(?:loc|link)>\s*([^<\s]+)\s*</|\b(?:href|url)="([^"]+)"')
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


@dataclass
class Visit:
    """What one page showed: axe-core's violations, the links it holds, its <html lang>."""

    url: str
    status: int
    lang: str
    violations: list[dict]
    references: list[str]
    footer: list[str]


@dataclass
class Crawl:
    """Every visit, every request the pages made, and the responses that failed."""

    visits: dict[str, Visit] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (page, requested URL)
    failed_responses: list[tuple[str, str, int]] = field(default_factory=list)  # (page, URL, status)


def crawl_site(browser, base: str, start: list[str], axe_js) -> Crawl:
    """Visit ``start`` and every internal page linked from it; audit each page with axe-core."""
    crawl = Crawl()
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    # axe.min.js is defined in every page before the page's own scripts run: the same as
    # page.add_script_tag(path=...) after loading, without compiling 0.5 MB again per page.
    context.add_init_script(path=str(axe_js))
    page = context.new_page()
    current = {"url": ""}
    context.on("request", lambda r: crawl.requests.append((current["url"], r.url)))
    context.on("response", lambda r: r.status >= 400 and crawl.failed_responses.append(
        (current["url"], r.url, r.status)))
    queue = list(start)
    seen = set(queue)
    while queue:
        url = queue.pop(0)
        current["url"] = url
        response = page.goto(url, wait_until="load")
        result = page.evaluate(_AXE_RUN_JS, AXE_TAGS)
        references = page.evaluate(_REFERENCES_JS)
        footer = page.eval_on_selector_all(".ms-footer-links a", "links => links.map(a => a.href)")
        page.wait_for_load_state("networkidle")  # requests made after load are recorded for this page
        crawl.visits[url] = Visit(url, response.status, page.evaluate("document.documentElement.lang"),
                                  result["violations"], references, footer)
        for ref in references:
            target = urldefrag(ref).url
            if is_internal(target, base) and _is_page(target) and target not in seen:
                seen.add(target)
                queue.append(target)
    context.close()
    return crawl


def is_internal(url: str, base: str) -> bool:
    """Whether ``url`` points into the served site (webcal:// counts: it is our feed over http)."""
    return _as_http(url).startswith(base)


def _as_http(url: str) -> str:
    return "http://" + url[len("webcal://"):] if url.startswith("webcal://") else url


def _is_page(url: str) -> bool:
    path = urlsplit(url).path
    return path.endswith("/") or path.endswith(".html")


def fetch_status(url: str) -> tuple[int, str, bytes]:
    """Return the status, content type and body of an internal URL (webcal:// fetched as http://)."""
    try:
        with urlopen(_as_http(urldefrag(url).url)) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except HTTPError as error:
        return error.code, "", b""


def urls_in(content_type: str, body: bytes, url: str) -> list[str]:
    """Return the URLs a stylesheet, feed or sitemap refers to, made absolute."""
    text = body.decode("utf-8", "replace")
    if content_type == "text/css":
        return [urljoin(url, u.strip()) for u in _CSS_URL.findall(text) if not u.strip().startswith("data:")]
    if content_type == "text/calendar":
        text = re.sub(r"\r\n[ \t]", "", text)  # unfold long lines before reading URLs
        return _ABSOLUTE_URL.findall(text)
    if content_type in ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml"):
        return [urljoin(url, html.unescape(a or b)) for a, b in _XML_URL.findall(text)]
    return []
