"""Where the test projects live, and how one is built with a fixed clock and base URL.

The generator is tested on frozen projects under ``tests/fixtures/`` (the demo
among them), never on the repository's live ``data/`` and ``content/``: those
belong to the project's editors, and their ordinary changes must not turn the
generator's tests red. The live site is checked only by invariants true for any
project (``tests/test_live_site.py``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
"""The generator's checkout: code, theme, docs and tooling (its data/ and content/ are the editors')."""
FIXTURES = REPO / "tests" / "fixtures"
DEMO = FIXTURES / "demo"
"""The demo project, frozen: Społecznie Zorganizowani (Krosno and Przemyśl, 2018–2020)."""
GENERATOR_PARTS = ("hooks", "overrides")
"""What a project's mkdocs.yml names besides its own files: the MkDocs adapter and the theme."""
BASE_URL = "http://127.0.0.1:8765/"
FIXED_NOW = "2019-03-01T12:00:00Z"
"""Between the demo's 2018 events and its 2019 duty hours, so both sections have events."""
MKDOCS = (sys.executable, "-m", "mkdocs")
"""The build command: MkDocs of this interpreter (tests/exits/ builds with the exits from it as well)."""


TOOLS_OWN = ("MICROSITE_PROPERDOCS_PYTHON", "MICROSITE_ZENSICAL")
"""Variables that name a test tool (``make test-platform``, ``make canary-zensical``), not a setting of the site."""


def project_copy(dest: Path, fixture: Path = DEMO) -> Path:
    """Copy a fixture project into ``dest`` with the generator's adapter and theme; return ``dest``."""
    shutil.copytree(fixture, dest, dirs_exist_ok=True)
    add_generator(dest)
    return dest


def site_files(site: Path) -> dict[str, bytes]:
    """Return every file of a built site with its bytes: to prove a failed build left the site untouched."""
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def add_generator(root: Path) -> None:
    """Give a project folder the generator parts its mkdocs.yml names (hooks/, overrides/)."""
    for part in GENERATOR_PARTS:
        if not (root / part).exists():
            shutil.copytree(REPO / part, root / part)


def build_demo(target: Path, *, root: Path | None = None, now: str = FIXED_NOW, base_url: str = BASE_URL,
               engine: Sequence[str] = MKDOCS) -> Path:
    """Build a project (the demo fixture by default) into ``target`` with MkDocs (strict); return it.

    A fixture is built from a copy next to ``target``, so the build never writes into
    ``tests/fixtures``; a ``root`` given is built where it is, after gaining the generator parts.
    ``engine`` is another command that takes MkDocs' ``build`` arguments (ProperDocs' does).
    """
    if root is None:
        root = project_copy(target.with_name(target.name + "-project"))
    else:
        add_generator(root)
    if target.exists():
        shutil.rmtree(target)
    result = subprocess.run([*engine, "build", "--strict", "--config-file", str(root / "mkdocs.yml"),
                             "--site-dir", str(target)], cwd=root, env=build_env(now, base_url),
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(engine)} build failed:\n{result.stdout}\n{result.stderr}")
    return target


def build_env(now: str = FIXED_NOW, base_url: str = BASE_URL) -> dict[str, str]:
    """Return the environment of a test build: a fixed clock, base URL and file times, no MICROSITE_* of ours."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("MICROSITE_")}
    env.update(MICROSITE_NOW=now, MICROSITE_SITE_URL=base_url, NO_MKDOCS_2_WARNING="1",
               DISABLE_MKDOCS_2_WARNING="true", SOURCE_DATE_EPOCH="1551441600")
    return env
