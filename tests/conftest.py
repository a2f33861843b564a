"""Shared fixtures: a fresh, valid copy of the demo site for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitefactory import SiteCopy, copy_demo

__all__ = ["demo"]


@pytest.fixture
def demo(tmp_path: Path) -> SiteCopy:
    """Return a private copy of the demo site that the test may change."""
    return copy_demo(tmp_path / "site")
