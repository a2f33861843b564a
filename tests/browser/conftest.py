"""Serve a freshly built demo on 127.0.0.1 and drive Debian's Chromium with Playwright."""

from __future__ import annotations

import functools
import mimetypes
import re
import socket
import threading
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.request import urlopen

import pytest

from conftest_site import build_demo

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BUILD_NOW = "2019-03-01T12:00:00Z"
EXTERNAL_LINKS = pytest.StashKey[set]()
"""The external links the crawl found (not fetched), for the terminal summary."""


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serve the site as Netlify or Cloudflare Pages would: with the headers its ``_headers`` file gives."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".ics": "text/calendar"}

    def log_message(self, *args) -> None:  # keep test output readable
        pass

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-type" and "content-type" in self._rule_headers():
            return  # the headers file's type replaces the guessed one, as on those hosts
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        for name, value in self._rule_headers().values():
            super().send_header(name, value)
        super().end_headers()

    def _rule_headers(self) -> dict[str, tuple[str, str]]:
        path = self.path.split("?", 1)[0]
        found: dict[str, tuple[str, str]] = {}
        for pattern, headers in _header_rules(self.directory):
            if pattern.fullmatch(path):
                for name, value in headers:
                    found[name.lower()] = (name, value)
        return found


@functools.lru_cache(maxsize=4)  # the site does not change while it is served
def _header_rules(directory: str) -> list[tuple[re.Pattern, list[tuple[str, str]]]]:
    """Read ``_headers`` (Netlify's and Cloudflare's form): a path, then its indented 'Name: value' lines."""
    path = Path(directory) / "_headers"
    rules: list[tuple[re.Pattern, list[tuple[str, str]]]] = []
    if not path.is_file():
        return rules
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = re.escape(line.strip()).replace(r"\*", ".*")
            pattern = re.sub(r":[a-z]+", "[^/]+", pattern)
            rules.append((re.compile(pattern), []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """Build the demo for the port it will be served on, serve it, and yield its base URL."""
    mimetypes.add_type("text/calendar", ".ics")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    site: Path = build_demo(tmp_path_factory.mktemp("served") / "site", now=BUILD_NOW, base_url=base)
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def page_urls(served_site) -> list[str]:
    """Every page of the site: the sitemap's pages in both languages and the two 404 pages."""
    with urlopen(served_site + "sitemap.xml") as response:
        sitemap = response.read().decode("utf-8")
    pages = sorted(set(re.findall(r"<loc>([^<]+)</loc>", sitemap)))
    return pages + [served_site + "404.html", served_site + "en/404.html"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def laptop(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="pl-PL")
    page = context.new_page()
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter, config) -> None:
    """List the external links the pages hold: the tests never fetch them, a person may check them."""
    external = config.stash.get(EXTERNAL_LINKS, None)
    if not external:
        return
    hosts = Counter(url.split("/")[2] for url in external)
    terminalreporter.write_sep("-", f"external links (not fetched): {len(external)} addresses on {len(hosts)} hosts")
    for host, count in sorted(hosts.items()):
        terminalreporter.write_line(f"{host}: {count}")
    terminalreporter.write_line("full list: .pytest_cache/v/microsite/external-links (pytest --cache-show)")
