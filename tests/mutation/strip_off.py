"""Break the funding strip on purpose, one way at a time, and check that a test notices each.

mutmut mutates Python, not Jinja templates, so the strip's template and ``render_funding_strip`` are
mutated here by hand-written edits: each names what a reader (or the funder's auditor) would see go
wrong. Every edit is applied to a copy of the package, first on ``PYTHONPATH``, and the strip's tests
run against it; an edit no test notices is a survivor.

Usage: ``.venv/bin/python tests/mutation/strip_off.py`` (``make mutation`` runs it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TESTS = ("tests/test_funding.py", "tests/render/test_html.py")
TEMPLATE = "microsite/templates/funding_strip.html"
RENDERER = "microsite/render/html.py"
EDITS = (
    ("the captions are dropped (no 'Rzeczpospolita Polska', no 'Unia Europejska')", TEMPLATE,
     "{% for line in s.lines %}<span>{{ line }}</span>{% endfor %}", ""),
    ("only a caption's first line is shown (the fund's or programme's name is lost)", TEMPLATE,
     "{% for line in s.lines %}", "{% for line in s.lines[:1] %}"),
    ("the signs are shown in reverse order (the funder's rules fix the order)", TEMPLATE,
     "{% for s in signs %}", "{% for s in signs|reverse %}"),
    ("the statement is dropped", TEMPLATE, '{% if statement %}<p class="ms-funding__statement">{{ statement }}</p>{% endif %}', ""),
    ("the slogan is dropped", TEMPLATE, '{% if slogan %}<p class="ms-funding__slogan">{{ slogan }}</p>{% endif %}', ""),
    ("sign.logo is ignored: the official file never replaces the placeholder", RENDERER,
     'src = asset_prefix + (sign.logo or f"assets/microsite/funding/{sign.kind}.svg")',
     'src = asset_prefix + f"assets/microsite/funding/{sign.kind}.svg"'),
    ("the page depth is ignored: the signs break below the home page", RENDERER,
     'src = asset_prefix + (sign.logo or', 'src = (sign.logo or'),
    ("the strip is shown in the default language on every page", RENDERER,
     "lines = sign.label.in_(lang).split", "lines = sign.label.in_(site.project.default_language).split"),
    ("a project with a statement but no sign gets no strip", RENDERER,
     "if not funding.signs and funding.statement is None:", "if not funding.signs:"),
)


def main() -> int:
    survivors = 0
    started = time.monotonic()
    for what, file, old, new in EDITS:
        with tempfile.TemporaryDirectory(prefix="strip-off-") as scratch:
            copy = Path(scratch)
            shutil.copytree(REPO / "microsite", copy / "microsite", ignore=shutil.ignore_patterns("__pycache__"))
            text = (copy / file).read_text(encoding="utf-8")
            if text.count(old) != 1:
                print(f"  CANNOT APPLY  {what}: {old!r} is not in {file} exactly once")
                survivors += 1
                continue
            (copy / file).write_text(text.replace(old, new), encoding="utf-8")
            env = {**os.environ, "PYTHONPATH": os.pathsep.join((str(copy), str(REPO))), "PYTHONDONTWRITEBYTECODE": "1"}
            done = subprocess.run([sys.executable, "-P", "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                                   *TESTS], cwd=REPO, env=env, capture_output=True, text=True)
            caught = done.returncode == 1
            survivors += not caught
            print(f"  {'caught' if caught else 'SURVIVED':>8}  {what}")
    total = len(EDITS)
    print(f"funding strip: {total - survivors} / {total} edits caught ({time.monotonic() - started:.0f} s)")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
