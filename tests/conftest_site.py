"""Build the demo site once per test session, with a fixed clock and base URL."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_URL = "http://127.0.0.1:8765/"
FIXED_NOW = "2019-03-01T12:00:00Z"
"""Between the 2018 events and the 2019 duty hours, so both sections have events."""


def build_demo(target: Path, *, root: Path = ROOT, now: str = FIXED_NOW, base_url: str = BASE_URL) -> Path:
    """Build ``root`` into ``target`` with MkDocs (strict) and return the site folder."""
    env = dict(os.environ, MICROSITE_NOW=now, MICROSITE_SITE_URL=base_url, NO_MKDOCS_2_WARNING="1",
               DISABLE_MKDOCS_2_WARNING="true", SOURCE_DATE_EPOCH="1551441600")
    if target.exists():
        shutil.rmtree(target)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                             str(root / "mkdocs.yml"), "--site-dir", str(target)], cwd=root, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return target
