"""The Content-Security-Policy the build computes, and the headers file it writes for Netlify and Cloudflare Pages.

A hash is the CSP's own: ``'sha256-'`` and the base64 of the SHA-256 of the script's exact
text (CSP Level 3, "hash-source"). The browser tests (tests/browser/test_csp_browser.py)
show the site works under the policy; these show what it allows and what it does not.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from conftest_site import build_demo, project_copy
from microsite.csp import content_security_policy, render_headers, script_hashes

EDITORS_SCRIPT = "alert('from an editor')"


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_only_scripts_a_browser_runs_are_hashed():
    html = ('<script>var a = 1;</script><script src="x.js"></script><script type="application/ld+json">{"a": 1}'
            '</script><script id="__config" type="application/json">{}</script><SCRIPT type="module">b()</SCRIPT>')
    assert script_hashes(html) == {_csp_hash("var a = 1;"), _csp_hash("b()")}


def test_the_policy_allows_own_files_and_hashed_scripts_only():
    policy = content_security_policy({_csp_hash("b"), _csp_hash("a")})
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["script-src"] == " ".join(["'self'", *sorted([_csp_hash("a"), _csp_hash("b")])])
    assert directives["default-src"] == "'self'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy and "http" not in policy


def test_calendar_and_news_rules_never_overlap():
    text = render_headers("default-src 'self'", ["feeds/pl/all.ics", "feeds/pl/events/a.ics", "feeds/pl/events/b.ics"],
                          ["feeds/pl/news.xml"])
    paths = [line for line in text.split("\n") if line.startswith("/")]
    assert paths == ["/*", "/feeds/pl/all.ics", "/feeds/pl/events/*", "/feeds/pl/news.xml"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = project_copy(tmp_path_factory.mktemp("csp") / "project")
    about = root / "content" / "pl" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + f"\n<script>{EDITORS_SCRIPT}</script>\n", encoding="utf-8")
    (root / "content" / "_headers").write_text("/documents/*\n  X-Robots-Tag: noindex\n", encoding="utf-8")
    return build_demo(root.parent / "site", root=root)


def _policy(site: Path) -> str:
    return re.search(r"Content-Security-Policy: (.*)", (site / "_headers").read_text(encoding="utf-8")).group(1)


def test_every_inline_script_of_every_page_is_allowed_by_its_hash(built: Path):
    allowed = set(_policy(built).split("script-src ", 1)[1].split(";")[0].split()[1:])
    pages = list(built.rglob("*.html"))
    assert len(pages) > 40
    needed = set().union(*(script_hashes(page.read_text(encoding="utf-8")) for page in pages))
    assert needed - {_csp_hash(EDITORS_SCRIPT)} <= allowed


def test_a_script_an_editor_wrote_in_a_page_gets_no_hash(built: Path):
    assert EDITORS_SCRIPT in (built / "about" / "index.html").read_text(encoding="utf-8")
    assert _csp_hash(EDITORS_SCRIPT) not in _policy(built)


def test_the_headers_file_types_every_calendar_and_keeps_the_project_s_own_rules(built: Path):
    text = (built / "_headers").read_text(encoding="utf-8")
    rules = {block.split("\n")[0]: block for block in text.split("\n\n") if block.startswith("/")}
    for ics in built.joinpath("feeds").rglob("*.ics"):
        relative = "/" + ics.relative_to(built).as_posix()
        rule = rules.get(relative) or rules.get(relative.rsplit("/", 1)[0] + "/*")
        assert rule and "Content-Type: text/calendar; charset=utf-8" in rule, relative
    assert "Content-Type: application/atom+xml" in rules["/feeds/pl/news.xml"]
    assert text.rstrip().endswith("/documents/*\n  X-Robots-Tag: noindex")


def test_two_builds_write_the_same_headers(built: Path, tmp_path: Path):
    again = build_demo(tmp_path / "site", root=built.parent / "project")
    assert (again / "_headers").read_bytes() == (built / "_headers").read_bytes()
