"""Shared fixtures: the demo site as loaded, and a fresh, changeable copy of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest_site import DEMO
from microsite.load import load_site
from microsite.model import Site
from sitefactory import SiteCopy, copy_demo

__all__ = ["demo", "site"]


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
