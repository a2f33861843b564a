"""`microsite build`: validate, build elsewhere, swap; a failed build leaves site/ as it was."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest_site import project_copy
from microsite.build import build_site

@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = project_copy(tmp_path_factory.mktemp("project"))
    assert build_site(root, environ={"MICROSITE_NOW": "2019-03-01T12:00:00Z", "PATH": "/usr/bin:/bin"},
                      out=io.StringIO()) == 0
    return root


def _snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_build_writes_the_site(project):
    assert (project / "site" / "index.html").exists()
    assert (project / "site" / "en" / "index.html").exists()
    assert not list(project.glob(".site-build-*")), "the staging folder must not be left behind"


def test_data_error_fails_and_keeps_the_previous_site(project):
    before = _snapshot(project / "site")
    events = project / "data" / "events.yaml"
    original = events.read_text(encoding="utf-8")
    events.write_text(original.replace("end: 2019-03-27 19:00", "end: 2019-02-31 19:00"), encoding="utf-8")
    out = io.StringIO()
    try:
        assert build_site(project, out=out) == 1
    finally:
        events.write_text(original, encoding="utf-8")
    assert "data/events.yaml:" in out.getvalue() and "impossible date" in out.getvalue()
    assert _snapshot(project / "site") == before
    assert not list(project.glob(".site-build-*"))


def test_mkdocs_error_fails_and_keeps_the_previous_site(project):
    before = _snapshot(project / "site")
    page = project / "content" / "pl" / "contact.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n<!-- microsite:event no-such-event -->\n", encoding="utf-8")
    out = io.StringIO()
    try:
        assert build_site(project, out=out) == 1
    finally:
        page.write_text(original, encoding="utf-8")
    assert "previous site/ is unchanged" in out.getvalue()
    assert _snapshot(project / "site") == before


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
