"""Shared fixtures: the demo site as loaded, a fresh, changeable copy of it, and an environment of our own."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest_site import DEMO, TOOLS_OWN
from microsite.load import load_site
from microsite.model import Site
from sitefactory import SiteCopy, copy_demo

__all__ = ["demo", "no_microsite_variables", "site"]

@pytest.fixture(scope="session", autouse=True)
def no_microsite_variables() -> Iterator[None]:
    """Clear every MICROSITE_* setting the machine exports (MICROSITE_EDIT_URI, _SITE_URL, _NOW, _CHECK_REPORT…).

    The generator and mkdocs.yml read them; a test that needs one sets it itself (``monkeypatch.setenv``),
    and passes it to a subprocess explicitly (``conftest_site.build_env``). Session-wide, so that module
    fixtures which build a site before any test runs see the same clean environment.
    """
    with pytest.MonkeyPatch.context() as patch:
        for key in [key for key in os.environ if key.startswith("MICROSITE_") and key not in TOOLS_OWN]:
            patch.delenv(key)
        yield


@pytest.fixture
def demo(tmp_path: Path) -> SiteCopy:
    """Return a private copy of the demo site that the test may change."""
    return copy_demo(tmp_path / "site")


@pytest.fixture(scope="session")
def site() -> Site:
    """Return the demo site as loaded from its fixture; it must load without problems."""
    loaded, problems = load_site(DEMO)
    assert problems == []
    return loaded
