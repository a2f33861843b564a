"""Hostile files: what ``microsite check`` costs on the worst input an editor (anyone who can commit) can give.

``python -m bench.hostile`` copies the demo fixture once per case, plants the case,
runs ``microsite check`` in its own process and prints its CPU time, wall-clock
time and peak memory (``ru_maxrss`` from ``os.wait4``), and the first line of what
it said. Every case must end with exit code 1 and a located message, never a
crash, a traceback or a hang. ``tests/test_hostile_yaml.py`` runs the same cases
(for the outcome; times belong here, not in tests).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CASES", "Case", "Outcome", "plant", "run_check"]

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "tests" / "fixtures" / "demo"

_NESTING = 100_000
"""About 200 KB: enough to crash libyaml's composer (it recurses in C) with SIGSEGV."""


def _laughs(key: str = "events") -> str:
    """The billion laughs: nine levels of ten references, 10^9 texts if expanded."""
    lines = ['a0: &a0 "lol"']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    return "\n".join(lines) + f"\n{key}: *a9\n"


def _front_matter(body: str) -> str:
    return f"---\n{body}\n---\n\n# Strona\n"


@dataclass(frozen=True)
class Case:
    """One hostile file: where it goes (relative to the project) and what it holds (or what it appends)."""

    name: str
    file: str
    text: Callable[[str], str]
    """The file's new text, given its old text ('' when it did not exist)."""
    expect: str
    """Words the first error must contain."""


CASES = (
    Case("flow nesting in data", "data/events.yaml", lambda _: "events: " + "[" * _NESTING, "nested"),
    Case("block nesting in data", "data/events.yaml", lambda _: "events:\n  " + "- " * _NESTING + "x\n", "nested"),
    Case("mapping nesting in data", "data/events.yaml", lambda _: "events: " + "{a: " * _NESTING, "nested"),
    Case("flow nesting in front matter", "content/pl/about.md",
         lambda _: _front_matter("title: " + "[" * _NESTING), "nested"),
    Case("flow nesting in mkdocs.yml", "mkdocs.yml", lambda old: old + "\nextra_css: " + "[" * _NESTING, "nested"),
    Case("flow nesting in translations.yaml", "data/translations.yaml", lambda _: "x: " + "[" * _NESTING, "nested"),
    Case("billion laughs in data", "data/events.yaml", lambda _: _laughs(), "reference"),
    Case("billion laughs in translations.yaml", "data/translations.yaml", lambda _: _laughs("en"), "reference"),
    Case("billion laughs in mkdocs.yml", "mkdocs.yml", lambda old: old + "\n" + _laughs("extra_laughs"), "reference"),
    Case("billion laughs in front matter", "content/pl/about.md",
         lambda _: _front_matter("title: O projekcie\ndescription: Opis.\n" + _laughs("x")), "reference"),
    Case("file over the size limit", "data/events.yaml", lambda _: "# " + "x" * 11_000_000 + "\n", "larger than"),
    Case("a million values", "data/events.yaml", lambda _: "events: [" + "1," * 1_000_000 + "1]\n", "values"),
    Case("an id of 9 MB", "data/events.yaml", lambda _: "events:\n  - id: " + "a" * 9_000_000 + "\n", "too long"),
    # Just under MAX_VALUES (400,000), so that the file is read and checked to its end.
    Case("199,000 unknown fields", "data/events.yaml",
         lambda _: "events:\n  - id: x\n" + "".join(f"    f{i}: 1\n" for i in range(199_000)), "not a field"),
    Case("399,000 entries that are not entries", "data/events.yaml",
         lambda _: "events:\n" + "  - 1\n" * 399_000, "expected an entry"),
    Case("199,000 repeated keys", "data/events.yaml", lambda _: "events: []\n" + "a: 1\n" * 199_000, "twice"),
    Case("a tag on every line", "data/events.yaml", lambda _: "events:\n" + "  - !t x\n" * 300_000, "tag"),
    Case("a comment after every text", "data/events.yaml", lambda _: "events:\n" + "  - x #y\n" * 300_000,
         "comment"),
    Case("a control character in every text", "data/events.yaml",
         lambda _: "events:\n" + '  - "\\e"\n' * 300_000, "control character"),
    Case("90,000 unknown markers in a page", "content/pl/about.md",
         lambda old: old + "<!-- microsite:x -->\n" * 90_000, "marker"),
)


@dataclass(frozen=True)
class Outcome:
    """How ``microsite check`` ended on a case."""

    code: int
    cpu: float
    seconds: float
    peak_mb: float
    output: str
    """The beginning of what it printed."""


def plant(case: Case, root: Path) -> None:
    """Copy the demo into ``root`` and plant the case there."""
    shutil.copytree(DEMO, root)
    path = root / case.file
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(case.text(old), encoding="utf-8")


def run_check(root: Path) -> Outcome:
    """Run ``microsite check`` on ``root`` in its own process; measure it."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "microsite.cli", "check", "--root", str(root)], cwd=REPO,
                                stdout=out, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read(65536)  # the beginning: a process started later would report this one's peak as its own
    return Outcome(proc.returncode, usage.ru_utime + usage.ru_stime, seconds, usage.ru_maxrss / 1024, output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile", description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--plant", nargs=2, metavar=("CASE", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.plant:
        plant(CASES[int(args.plant[0])], Path(args.plant[1]))
        return 0
    baseline = None
    print(f"{'case':40} {'exit':>4} {'cpu s':>6} {'wall s':>6} {'peak MiB':>8}  first line")
    with tempfile.TemporaryDirectory(prefix="microsite-hostile-") as work:
        if not args.only:
            root = Path(work) / "demo"
            shutil.copytree(DEMO, root)
            baseline = run_check(root)
            print(f"{'(the demo, unchanged)':40} {baseline.code:>4} {baseline.cpu:6.2f} {baseline.seconds:6.2f} "
                  f"{baseline.peak_mb:8.0f}")
        for number, case in enumerate(CASES):
            if args.only and args.only not in case.name:
                continue
            root = Path(work) / str(number)
            # Planted by a child: a process started by this one reports at least this one's peak memory as its own.
            subprocess.run([sys.executable, "-m", "bench.hostile", "--plant", str(number), str(root)], cwd=REPO,
                           check=True)
            outcome = run_check(root)
            first = outcome.output.strip().split("\n")[0][:90]
            print(f"{case.name:40} {outcome.code:>4} {outcome.cpu:6.2f} {outcome.seconds:6.2f} "
                  f"{outcome.peak_mb:8.0f}  {first}")
            shutil.rmtree(root)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
