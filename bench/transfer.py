"""What a visitor's browser downloads to show the home page: every response, compressed.

The built site is served from 127.0.0.1 by a small server that gzips text
responses (as any production server does) and counts the bytes it sends;
Debian's Chromium, driven by Playwright, loads the page until the network is
idle. The server's count is the truth (it sees every request, including the
ones a web worker makes); the browser's list says what the page asked for, so
a request to another host (which this machine cannot reach) is reported too.
"""

from __future__ import annotations

import gzip
import mimetypes
import socket
import threading
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["CHROMIUM", "Response", "Transfer", "free_port", "measure_home"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
_COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
_DATA = ("application/json", "application/xml", "text/xml")
"""What Material's scripts fetch after the page itself: the search index, the sitemaps."""


@dataclass(frozen=True, slots=True)
class Response:
    """One response the server sent."""

    path: str
    content_type: str
    status: int
    raw_bytes: int
    sent_bytes: int
    """Body as sent (gzipped when the type compresses) plus the status line and headers."""

    @property
    def is_data(self) -> bool:
        """Say whether this is data a script fetched rather than HTML, CSS, JS, fonts or images."""
        return self.content_type.startswith(_DATA)


@dataclass
class Transfer:
    """Everything one page load fetched."""

    label: str
    url: str
    responses: list[Response] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)
    """Requests to other hosts (a privacy problem, and not counted)."""
    first_search: list[Response] = field(default_factory=list)
    """What the browser fetched afterwards, when the reader typed into the search box."""

    @property
    def total(self) -> int:
        return sum(r.sent_bytes for r in self.responses)

    @property
    def first_search_bytes(self) -> int:
        return sum(r.sent_bytes for r in self.first_search)

    @property
    def page_bytes(self) -> int:
        """Bytes of the page's own HTML, CSS, JS, fonts and images."""
        return sum(r.sent_bytes for r in self.responses if not r.is_data)


def _handler(site: Path, log: list[Response]):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path)
            target = (site / path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if site not in target.parents or not target.is_file():
                self._send(path, 404, "text/plain", b"not found")
                return
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            # Validators, as any static file server sends: they let the browser reuse a response.
            stamp = formatdate(target.stat().st_mtime, usegmt=True)
            if self.headers.get("If-Modified-Since") == stamp:
                self._send(path, 304, kind, b"", {"Last-Modified": stamp})
                return
            self._send(path, 200, kind, target.read_bytes(), {"Last-Modified": stamp})

        def _send(self, path: str, status: int, kind: str, body: bytes, extra: dict | None = None) -> None:
            raw = len(body)
            headers = {"Content-Type": kind, **(extra or {})}
            if kind.startswith(_COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                headers["Content-Encoding"] = "gzip"
            headers["Content-Length"] = str(len(body))
            self._head = 2  # the blank line after the headers
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
            log.append(Response(path, kind, status, raw, len(body) + self._head))

        def send_response_only(self, code, message=None) -> None:
            super().send_response_only(code, message)
            self._head += len(f"{self.protocol_version} {code} {self.responses[code][0]}\r\n")

        def send_header(self, keyword, value) -> None:
            super().send_header(keyword, value)
            self._head += len(f"{keyword}: {value}\r\n")

    return Handler


def free_port() -> int:
    """Return a port free on 127.0.0.1 now (the site is built for it, then served on it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure_home(sites: dict[str, Path], port: int, pages: tuple[str, ...] = ("", "en/")) -> list[Transfer]:
    """Load each of ``pages`` of each site on ``port``, each in a fresh browser; return what each fetched.

    The sites must have been built for ``http://127.0.0.1:<port>/``: their
    hreflang links are absolute, and Material fetches a sitemap through them.
    """
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, site in sites.items():
            results += _load_pages(browser, label, site.resolve(), port, pages)
        browser.close()
    return results


def _first_search(page, log: list[Response]) -> list[Response]:
    """Type a word into the search box; return what that fetched (the index, when it is loaded on demand)."""
    page.click(".md-search__input")
    page.keyboard.type("spotkanie")
    # Material's count replaces "Initializing search" once its worker has the index.
    page.wait_for_function("!/Inicjowanie|Initializing/.test("
                           "document.querySelector('.md-search-result__meta').textContent)", timeout=120_000)
    page.wait_for_timeout(500)
    return sorted(log, key=lambda r: r.path)


def _load_pages(browser, label: str, site: Path, port: int, pages: tuple[str, ...]) -> list[Transfer]:
    log: list[Response] = []
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(site, log))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}/"
    results = []
    try:
        for page_path in pages:
            log.clear()
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            elsewhere: list[str] = []
            page.on("request", lambda r: elsewhere.append(r.url) if not r.url.startswith(
                (base, "data:", "blob:")) else None)
            page.goto(base + page_path, wait_until="networkidle")
            page.wait_for_timeout(500)  # anything a script starts after the network went idle
            loaded = sorted(log, key=lambda r: r.path)
            log.clear()
            results.append(Transfer(label, "/" + page_path, loaded, elsewhere, _first_search(page, log)))
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    return results
