"""The steps measured inside one process: loading and validation, the YAML parser alone, feed generation.

``python -m bench.steps validate ROOT`` times what ``microsite check`` does
(read, validate, expand, check the pages), and how much of it the reading of the
YAML into nodes took; ``python -m bench.steps parse ROOT`` times that composer alone on the same
data files (libyaml, as the loader uses it, in a fresh process as any program
reading them would), the yardstick of our checks' own time;
``python -m bench.steps feeds ROOT`` loads the site untimed, then times every
feed of every language, as the builds render them. Each prints one JSON line
with the wall-clock and CPU time; all exclude starting Python and importing,
which a build pays once whatever the number of events.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import yaml

from microsite import yamlsource
from microsite.check import load_checked
from microsite.feeds import render_feeds

__all__ = ["feeds", "parse", "validate"]

BASE_URL = "https://bench.example.org/"
_LOADED_ON_DEMAND = ("microsite.printed.strip", "email_validator", "phonenumbers")
"""What the check imports only when it first needs it (a sign file, an address, a number)."""
PUBLISHED_AT = datetime(2020, 1, 15, 12, tzinfo=timezone.utc)


def validate(root: Path) -> dict:
    """Load and check the project; return the time, the composing's share of it, and what was loaded.

    The loader does not call ``yaml.compose``: it builds the located nodes from libyaml's events itself
    (:func:`microsite.yamlsource._compose`, which also refuses what PyYAML would crash on). That is the
    reading of the YAML, so its time is what is taken out to give our checks' own time.
    """
    composing = [0.0]
    compose = yamlsource._compose

    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return compose(*args, **kwargs)
        finally:
            composing[0] += time.process_time() - started

    for module in _LOADED_ON_DEMAND:  # imported before the clock starts, as the code the step says it excludes
        importlib.import_module(module)
    yamlsource._compose = timed
    try:
        start, cpu = time.perf_counter(), time.process_time()
        site, warnings = load_checked(root)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        yamlsource._compose = compose
    return {"seconds": seconds, "cpu": cpu, "parse_cpu": composing[0], "events": len(site.events),
            "warnings": len(warnings)}


def parse(root: Path) -> dict:
    """Compose every data file with PyYAML's C composer, nothing else; return the time."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((root / "data").glob("*.yaml"))]
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        yaml.compose(text, Loader=yaml.CSafeLoader)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "bytes": sum(len(t.encode("utf-8")) for t in texts)}


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
    print(json.dumps({"validate": validate, "parse": parse, "feeds": feeds}[step](Path(root))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
