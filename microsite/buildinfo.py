"""The build's clock, derived so that builds are reproducible.

"Now" decides what is upcoming on a page built without JavaScript. It is
``MICROSITE_NOW`` when set (tests, the nightly rebuild), else the time of the
commit being built, so two builds of one commit give the same bytes. The local
preview is the exception: it shows files not yet committed, so its "now" is
the clock. When each event was created and last changed comes from the history
(:mod:`microsite.history`).
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from .gitlog import GitError, git

__all__ = ["build_now", "parse_instant"]


def parse_instant(text: str) -> datetime:
    """Parse an ISO 8601 instant; a value without offset is taken as UTC."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _git_time(root: Path, *paths: str) -> datetime | None:
    try:
        out = git(root, "log", "-1", "--format=%cI", "--", *paths).decode("utf-8").strip()
    except GitError:
        return None
    return parse_instant(out).astimezone(timezone.utc) if out else None


def build_now(root: Path, environ: dict[str, str] | None = None, *, preview: bool = False) -> datetime:
    """Return the instant the build treats as now (UTC); ``preview``: the local preview's, the clock."""
    env = os.environ if environ is None else environ
    if env.get("MICROSITE_NOW"):
        return parse_instant(env["MICROSITE_NOW"]).astimezone(timezone.utc)
    # Outside git (a downloaded archive) the real clock is the honest answer.
    return (None if preview else _git_time(root)) or datetime.now(timezone.utc).replace(microsecond=0)

