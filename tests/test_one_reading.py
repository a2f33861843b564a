"""One reading: every YAML and Markdown file the build opens, ``microsite check`` opens too.

Both run in processes of their own under an audit hook that notes every file opened
(Python's ``open`` audit event covers ``open()``, ``os.open`` and ``Path.read_text``).
If the build started reading a file the check does not (as the translation report once
read any ``data/*.yaml``, a backup copy included), this test names it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest_site import project_copy

_TRACE = """
import os, runpy, sys
log = open(os.environ["OPENED"], "a", encoding="utf-8")
def note(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        log.write(os.fsdecode(os.path.abspath(args[0])) + "\\n")
sys.addaudithook(note)
sys.argv = sys.argv[1:]
runpy.run_module(sys.argv[0], run_name="__main__")
"""


def _opened(root: Path, log: Path, *argv: str) -> set[str]:
    env = {**os.environ, "OPENED": str(log), "MICROSITE_NOW": "2019-03-01T12:00:00Z", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-c", _TRACE, *argv], cwd=root, env=env, check=False, capture_output=True)
    files = set()
    for line in log.read_text(encoding="utf-8").split("\n"):
        path = Path(line)
        if line and path.suffix in (".yaml", ".yml", ".md") and path.is_relative_to(root):
            relative = path.relative_to(root).as_posix()
            if relative.split("/")[0] in ("data", "content") or relative == "mkdocs.yml":
                files.add(relative)
    return files


def test_the_check_opens_every_file_the_build_opens(tmp_path: Path) -> None:
    root = project_copy(tmp_path / "project")
    (root / "data" / "events-old.yaml").write_text("events: []\n", encoding="utf-8")  # read by neither
    built = _opened(root, tmp_path / "build.log", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site"))
    checked = _opened(root, tmp_path / "check.log", "microsite.cli", "check")
    assert (tmp_path / "site" / "index.html").exists()
    assert {"mkdocs.yml", "data/events.yaml", "data/translations.yaml", "content/pl/about.md"} <= built
    assert "data/events-old.yaml" not in built | checked
    assert built - checked == set(), f"the build reads files the check never reads: {sorted(built - checked)}"
