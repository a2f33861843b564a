"""A canary for the exit after next: does Zensical build the demo with all the generator makes?

Zensical, Material's successor, reads a mkdocs.yml but does not run hooks or plugins it
has not rewritten (mkdocs-static-i18n among them), and says nothing about it: a build can
succeed and publish a site without its event pages, calendars, news feeds or its per-language
roots (docs/decisions/0006-platform.md). This builds the demo fixture as it is with Zensical,
from its own virtualenv, and checks that what the generator adds is there and that the site
keeps its invariants. It fails today; CI runs it allowed to fail, so the day it passes is seen.
``make canary-zensical`` sets up that virtualenv and runs this module; ``make test`` skips it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest_site import BASE_URL, build_env, project_copy
from generated_outputs import missing_outputs
from site_invariants import assert_site_invariants

ZENSICAL = os.environ.get("MICROSITE_ZENSICAL")
"""The ``zensical`` command of its own virtualenv (``make canary-zensical``)."""

pytestmark = pytest.mark.skipif(not ZENSICAL, reason="Zensical is built by `make canary-zensical`")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """Build a copy of the demo fixture with Zensical (into its ``site_dir``, site/); return the copy."""
    root = project_copy(tmp_path_factory.mktemp("zensical") / "project")
    result = subprocess.run([ZENSICAL, "build", "--strict", "--config-file", str(root / "mkdocs.yml")], cwd=root,
                            env=build_env(), capture_output=True, text=True)
    if result.returncode != 0:
        last = (result.stderr or result.stdout).strip().splitlines()[-3:]
        pytest.fail("zensical build failed: " + "\n".join(last), pytrace=False)
    return root


def test_zensical_build_has_every_event_page_calendar_and_news_feed(project: Path) -> None:
    assert missing_outputs(project, project / "site") == []


def test_zensical_build_keeps_the_site_invariants(project: Path, tmp_path: Path) -> None:
    assert_site_invariants(project, project / "site", base_url=BASE_URL, scratch=tmp_path)
