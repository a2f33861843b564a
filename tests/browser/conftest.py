"""Serve a freshly built demo on 127.0.0.1 and drive Debian's Chromium with Playwright."""

from __future__ import annotations

import functools
import mimetypes
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest_site import build_demo

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BUILD_NOW = "2019-03-01T12:00:00Z"


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".ics": "text/calendar"}

    def log_message(self, *args) -> None:  # keep test output readable
        pass


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
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="pl-PL")
    page = context.new_page()
    yield page
    context.close()
