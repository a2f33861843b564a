"""MkDocs hook for one untimed build: save every page's Markdown as our hooks left it.

The bare build (:mod:`bench.bare`) is built from these files, so it renders
the same final pages — event pages, schedule, home page blocks — with Material
and mkdocs-static-i18n alone. It runs after our ``on_page_markdown`` (lower
priority) and writes into ``$MICROSITE_BENCH_DUMP/<lang>/<path>.md``.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

DUMP = "MICROSITE_BENCH_DUMP"


@event_priority(-100)
def on_page_markdown(markdown, *, page, config, files):
    lang = config.plugins["i18n"].current_language
    src = page.file.src_uri
    if not src.startswith(f"{lang}/"):
        raise RuntimeError(f"{src} is built in the {lang} build: the synthetic project must have every page "
                           "in every language, or the bare build would not have the same pages")
    # Titles are already escaped by our hooks (Material prints them raw): keep them as they are.
    meta = {key: str.__str__(value) if isinstance(value, str) else value for key, value in page.meta.items()}
    target = Path(os.environ[DUMP]) / src
    target.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1_000_000)
    target.write_text(f"---\n{front}---\n\n{markdown}", encoding="utf-8")
    return markdown
