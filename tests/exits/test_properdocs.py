"""The next exit from MkDocs: ProperDocs builds the demo with our hooks and mkdocs-static-i18n.

ProperDocs continues MkDocs 1.x and runs plugins and hooks written for MkDocs
(docs/decisions/0006-platform.md). The exit is only worth having if it builds our site
today, so this builds the demo fixture with ProperDocs from its own virtualenv, checks
the site invariants and the generator's pages and feeds on it, and compares it byte for
byte with the MkDocs build: a change of ours that only MkDocs accepts is seen the day it
is made. ``make test-platform`` sets up that virtualenv and runs this module; ``make test``
skips it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest_site import BASE_URL, build_demo
from generated_outputs import missing_outputs
from site_invariants import assert_site_invariants

PROPERDOCS_PYTHON = os.environ.get("MICROSITE_PROPERDOCS_PYTHON")
"""The Python of a virtualenv with ProperDocs and the project installed (``make test-platform``)."""

pytestmark = pytest.mark.skipif(not PROPERDOCS_PYTHON, reason="ProperDocs is built by `make test-platform`")


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """Build the demo fixture with MkDocs and with ProperDocs, each from its own copy."""
    folder = tmp_path_factory.mktemp("exits")
    return {"MkDocs": build_demo(folder / "mkdocs"),
            "ProperDocs": build_demo(folder / "properdocs", engine=(PROPERDOCS_PYTHON, "-m", "properdocs"))}


def test_properdocs_build_keeps_the_site_invariants(builds: dict[str, Path], tmp_path: Path) -> None:
    site = builds["ProperDocs"]
    assert_site_invariants(site.with_name(site.name + "-project"), site, base_url=BASE_URL, scratch=tmp_path)


@pytest.mark.parametrize("engine", ["MkDocs", "ProperDocs"])
def test_build_has_every_event_page_calendar_and_news_feed(builds: dict[str, Path], engine: str) -> None:
    # With MkDocs too: the list the Zensical canary checks must hold for a build that works.
    site = builds[engine]
    assert missing_outputs(site.with_name(site.name + "-project"), site) == []


def test_properdocs_builds_the_same_bytes_as_mkdocs(builds: dict[str, Path]) -> None:
    mkdocs, properdocs = builds["MkDocs"], builds["ProperDocs"]
    assert _differences(mkdocs, properdocs) == [], "ProperDocs no longer builds what MkDocs builds"


def _differences(first: Path, second: Path) -> list[str]:
    """Return the files only in one site and the files whose bytes differ."""
    files = [{p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} for site in (first, second)]
    return ([f"only with MkDocs: {name}" for name in sorted(files[0] - files[1])]
            + [f"only with ProperDocs: {name}" for name in sorted(files[1] - files[0])]
            + [f"differs: {name}" for name in sorted(files[0] & files[1])
               if (first / name).read_bytes() != (second / name).read_bytes()])
