"""The steps measured inside one process: loading and validation, feed generation.

``python -m bench.steps validate ROOT`` times what ``microsite check`` does
(read, validate, expand, check the pages); ``python -m bench.steps feeds ROOT``
loads the site untimed, then times every feed of every language, as the builds
render them. Each prints one JSON line with the wall-clock and CPU time; both
exclude starting Python and importing, which a build pays once whatever the
number of events.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from microsite.check import load_checked
from microsite.feeds import render_feeds

__all__ = ["feeds", "validate"]

BASE_URL = "https://bench.example.org/"
PUBLISHED_AT = datetime(2020, 1, 15, 12, tzinfo=timezone.utc)


def validate(root: Path) -> dict:
    """Load and check the project; return the time and what was loaded."""
    start, cpu = time.perf_counter(), time.process_time()
    site, warnings = load_checked(root)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "events": len(site.events), "warnings": len(warnings)}


def feeds(root: Path) -> dict:
    """Render every feed of every language; return the time and how much was written."""
    site, _ = load_checked(root)
    start, cpu = time.perf_counter(), time.process_time()
    files = {}
    for lang in site.languages:
        files.update(render_feeds(site, lang, base_url=BASE_URL, published_at=PUBLISHED_AT))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "events": len(site.events), "files": len(files),
            "bytes": sum(len(data) for data in files.values())}


def main(argv: list[str]) -> int:
    step, root = argv
    print(json.dumps({"validate": validate, "feeds": feeds}[step](Path(root))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
