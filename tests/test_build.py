"""`microsite build`: validate, build elsewhere, swap; a failed build leaves site/ as it was."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest_site import project_copy, site_files
from microsite.build import build_site

NOW_ENV = {"MICROSITE_NOW": "2019-03-01T12:00:00Z", "PATH": "/usr/bin:/bin"}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = project_copy(tmp_path_factory.mktemp("project"))
    assert build_site(root, environ=NOW_ENV, out=io.StringIO()) == 0
    return root


def test_build_writes_the_site(project):
    assert (project / "site" / "index.html").exists()
    assert (project / "site" / "en" / "index.html").exists()
    assert not list(project.glob(".site-build-*")), "the staging folder must not be left behind"


def test_data_error_fails_and_keeps_the_previous_site(project):
    before = site_files(project / "site")
    events = project / "data" / "events.yaml"
    original = events.read_text(encoding="utf-8")
    events.write_text(original.replace("end: 2019-03-27 19:00", "end: 2019-02-31 19:00"), encoding="utf-8")
    out = io.StringIO()
    try:
        assert build_site(project, out=out) == 1
    finally:
        events.write_text(original, encoding="utf-8")
    assert "data/events.yaml:" in out.getvalue() and "impossible date" in out.getvalue()
    assert site_files(project / "site") == before
    assert not list(project.glob(".site-build-*"))


def test_mkdocs_error_fails_and_keeps_the_previous_site(project):
    before = site_files(project / "site")
    page = project / "content" / "pl" / "contact.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n<!-- microsite:event no-such-event -->\n", encoding="utf-8")
    out = io.StringIO()
    try:
        assert build_site(project, out=out) == 1
    finally:
        page.write_text(original, encoding="utf-8")
    assert "previous site/ is unchanged" in out.getvalue()
    assert site_files(project / "site") == before


@pytest.mark.parametrize("command", ["microsite", "mkdocs"])
def test_broken_front_matter_fails_both_builds_with_a_located_message(project, command, tmp_path):
    import os
    import subprocess
    import sys

    page = project / "content" / "en" / "contact.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    try:
        if command == "microsite":
            out = io.StringIO()
            assert build_site(project, out=out) == 1
            text = out.getvalue()
        else:
            env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "s")],
                                    cwd=project, env=env, capture_output=True, text=True)
            assert result.returncode != 0
            text = result.stdout + result.stderr
    finally:
        page.write_text(original, encoding="utf-8")
    assert "content/en/contact.md:2:" in text


# --- every MkDocs warning fails the build (`--quiet` used to drop them before strict mode counted) ---


@pytest.mark.parametrize("link, words", [
    ("[the plan](missing.md)", ("links to 'missing.md', which does not exist",)),
    ("![a photo](assets/nope.png)", ("links to 'assets/nope.png', which does not exist",)),
    ("[contact](contact.md#nope)", ("links to 'contact.md#nope'", "no heading or anchor 'nope'")),
])
def test_a_broken_link_fails_the_build_naming_the_page_and_the_link(project, link, words):
    before = site_files(project / "site")
    page = project / "content" / "pl" / "about.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + f"\nZobacz {link}.\n", encoding="utf-8")
    out = io.StringIO()
    try:
        assert build_site(project, out=out, environ={**NOW_ENV}) == 1
    finally:
        page.write_text(original, encoding="utf-8")
    line = original.count("\n") + 2
    reported = [row for row in out.getvalue().split("\n") if row.startswith("content/pl/about.md:")]
    column = f"Zobacz {link}.".index("(") + 2  # where the link's target starts
    assert len(reported) == 1 and reported[0].startswith(f"content/pl/about.md:{line}:{column}: "), out.getvalue()
    assert all(word in reported[0] for word in words), reported
    assert "previous site/ is unchanged" in out.getvalue()
    assert site_files(project / "site") == before


def test_any_other_warning_fails_the_build_in_mkdocs_words(project):
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original.replace("absolute_links: info", "absolute_links: warn"), encoding="utf-8")
    page = project / "content" / "en" / "about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n[Home](/en/)\n", encoding="utf-8")
    out = io.StringIO()
    try:
        assert build_site(project, out=out, environ={**NOW_ENV}) == 1
    finally:
        config.write_text(original, encoding="utf-8")
        page.write_text(text, encoding="utf-8")
    assert "MkDocs: Doc file 'en/about.md' contains an absolute link '/en/'" in out.getvalue()


def test_the_build_log_reads_records_and_their_continuation_lines(tmp_path):
    from microsite.buildlog import read_build_log

    output = ("INFO    -  Cleaning site directory\n"
              "INFO    -  The following pages exist in the docs directory, but are not included in the 'nav':\n"
              "  - pl/a.md\n"
              "WARNING -  A reference to 'brak.md' is included in the 'nav' configuration, which is not found in "
              "the documentation files.\n"
              "ERROR   -  Config value 'theme': something\n  more words\n"
              "Aborted with 1 warnings in strict mode!\n")
    log = read_build_log(output, tmp_path)
    assert [str(p) for p in log.problems] == [
        "mkdocs.yml: nav: the menu names 'brak.md', which does not exist; create the page, correct the file name, "
        "or remove the line from the menu",
        "MkDocs: Config value 'theme': something\n  more words\nAborted with 1 warnings in strict mode!; fix what "
        "MkDocs names; the site is published only without warnings"]
