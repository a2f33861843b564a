"""The bare project: our final pages as plain Markdown, for Material and mkdocs-static-i18n alone.

Why: the floor for build time is what MkDocs itself needs for the same pages.
One untimed build of the synthetic project with :mod:`bench.capture_hook`
saves the Markdown of every page after our hooks have replaced the markers
(and the Markdown of every generated event page); the bare project is those
files, the same assets and the same ``mkdocs.yml`` without ``hooks:`` and
without the theme overrides (they call the hooks' functions). The overrides'
own files (our style, script and funding signs) are copied as plain assets and
listed in ``extra_css``/``extra_javascript``, so both sites ship and link them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

__all__ = ["CAPTURE_CONFIG", "bare_project", "capture_config"]

CAPTURE_CONFIG = "mkdocs-capture.yml"
_CAPTURE_HOOK = Path(__file__).resolve().with_name("capture_hook.py")
_HOOKS = re.compile(r"^hooks:\n(?:[ \t]+-[^\n]*\n)+", re.M)
_CUSTOM_DIR = re.compile(r"^[ \t]+custom_dir:[^\n]*\n", re.M)
_THEME_CSS = "assets/microsite/microsite.css"
_THEME_JS = "assets/microsite/microsite.js"
"""What overrides/main.html links on every page; the bare config lists them instead."""


def _hooks_block(config: str) -> re.Match:
    found = _HOOKS.search(config)
    if found is None:
        raise ValueError("mkdocs.yml has no 'hooks:' list; the benchmark measures a build with our hooks")
    return found


def capture_config(root: Path) -> Path:
    """Write ``root/mkdocs-capture.yml``: the project's config with the capture hook added last."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = _hooks_block(config)
    text = config[:hooks.end()] + f"  - {_CAPTURE_HOOK}\n" + config[hooks.end():]
    path = root / CAPTURE_CONFIG
    path.write_text(text, encoding="utf-8")
    return path


def bare_project(root: Path, dump: Path, dest: Path) -> int:
    """Write the bare project into ``dest`` from the captured pages in ``dump``; return its page count."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = _hooks_block(config)
    config = config[:hooks.start()] + config[hooks.end():]
    config, dirs = _CUSTOM_DIR.subn("", config)
    if dirs != 1:
        raise ValueError(f"expected one 'custom_dir:' in {root / 'mkdocs.yml'}, found {dirs}")
    config += f"extra_css:\n  - {_THEME_CSS}\nextra_javascript:\n  - {_THEME_JS}\n"
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    # Assets and other files as they are; every page from the capture (editor pages included).
    shutil.copytree(root / "content", dest / "content", ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(root / "overrides" / "assets", dest / "content" / "assets", dirs_exist_ok=True)
    pages = sorted(dump.rglob("*.md"))
    for page in pages:
        target = dest / "content" / page.relative_to(dump)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, target)
    return len(pages)
