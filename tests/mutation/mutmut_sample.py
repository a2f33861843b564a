"""Run mutmut on the core's rules and renderers, on a fixed sample of mutants (or all), and print a score per module.

mutmut (pinned in pyproject.toml's ``mutation`` extra, configured under ``[tool.mutmut]``) copies the package
into ``mutants/`` with every mutant behind a switch, and runs for each mutant the in-process tests that call
the mutated function (see docs/mutation.md for why builds through MkDocs are not among them).

The sample is chosen by each mutant's name (its hash below ``--sample`` / all mutants), so two runs of one
commit test the same mutants, a module's share of the sample is about its share of the mutants, and a change
to one function leaves the rest of the sample, already judged, as it was.
mutmut keeps its results in ``mutants/``; this script names the sample's mutants, so each run tests them all
again. After adding tests, ``--recheck`` tests only the sample's mutants that are not yet killed (survivors,
and those of functions that changed since, which mutmut has reset); a killed mutant stays killed while tests
are only added.

Exit status 1 when a mutant of the sample survives and ``tests/mutation/survivors.md`` does not list it
(by its name, in backticks) with the reason it is harmless.

Usage: ``.venv/bin/python tests/mutation/mutmut_sample.py [--sample 400 | --all]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MUTANTS = REPO / "mutants"
MUTMUT = (sys.executable, "-m", "mutmut")
SURVIVORS = REPO / "tests" / "mutation" / "survivors.md"
KILLED = "killed"


def _status(code: int | None) -> str:
    """Return mutmut's own name for a mutant's exit code (killed, survived, no tests, timeout…)."""
    from mutmut.stats import status_by_exit_code

    return status_by_exit_code[code]


def mutant_names() -> dict[str, list[str]]:
    """Return every mutant's name by module, read from the mutated copies in mutants/ (generated if missing)."""
    if not MUTANTS.exists() or not list(MUTANTS.rglob("*.meta")):
        # Generating happens inside 'run': one mutant of the smallest module is the cheapest way to get there.
        subprocess.run([*MUTMUT, "run", "microsite.feeds.x_feed_name__mutmut_1"], cwd=REPO, check=False,
                       stdout=subprocess.DEVNULL)
    names: dict[str, list[str]] = defaultdict(list)
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name in data.get("exit_code_by_key", {}):
            names[name.rsplit(".", 1)[0]].append(name)
    return {module: sorted(found, key=_natural) for module, found in names.items()}


def _natural(name: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))


def sample(names: dict[str, list[str]], size: int | None) -> list[str]:
    """Return about ``size`` mutants (None: all), each chosen by its name's hash, not by its position.

    A mutant is in the sample when its name hashes below size / total. So the sample is the same on every
    run of one commit, spread over the modules as the mutants are, and a change to one function changes only
    that function's share: the other mutants, already judged, stay in (every N-th by position would shift
    the whole sample whenever one mutant is added or removed anywhere).
    """
    every = [name for found in names.values() for name in found]
    if size is None or size >= len(every):
        return every
    share = size / len(every)
    return [name for name in every if _unit(name) < share]


def _unit(name: str) -> float:
    """Return a number in [0, 1) fixed by the mutant's name."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big") / 2 ** 64


def results() -> dict[str, dict[str, str]]:
    """Return each checked mutant's status by module."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for meta in MUTANTS.rglob("*.py.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            out[name.rsplit(".", 1)[0]][name] = _status(code)
    return out


def known_survivors() -> set[str]:
    """Return the mutants survivors.md lists as harmless (their names in backticks)."""
    if not SURVIVORS.exists():
        return set()
    return set(re.findall(r"`(microsite\.[^`\s]+__mutmut_\d+)`", SURVIVORS.read_text(encoding="utf-8")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=400, help="about how many mutants to test (default 400)")
    parser.add_argument("--all", action="store_true", help="test every mutant")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--report", action="store_true", help="only print what mutants/ holds for the sample")
    parser.add_argument("--recheck", action="store_true", help="test only the sample's mutants not yet killed")
    args = parser.parse_args()
    started, cpu = time.monotonic(), os.times()
    names = mutant_names()
    chosen = sample(names, None if args.all else args.sample)
    if args.recheck:
        before = results()
        chosen_to_run = [name for name in chosen if before.get(name.rsplit(".", 1)[0], {}).get(name) != KILLED]
    else:
        chosen_to_run = chosen
    # In batches: a command line has a limit, and mutmut keeps what each batch found.
    for index in range(0, 0 if args.report else len(chosen_to_run), 200):
        subprocess.run([*MUTMUT, "run", "--max-children", str(args.jobs), *chosen_to_run[index:index + 200]], cwd=REPO,
                       check=False, stdout=subprocess.DEVNULL)
    found = results()
    picked = set(chosen)
    print(f"\nmutmut: {len(chosen)} of {sum(map(len, names.values()))} mutants "
          f"({'all' if args.all else 'chosen by name'})")
    print(f"  {'module':<34} {'killed':>7} {'survived':>9} {'no tests':>9} {'other':>6} {'score':>7}")
    survivors = []
    for module in sorted(names):
        statuses = [status for name, status in found.get(module, {}).items() if name in picked]
        killed = statuses.count(KILLED) + statuses.count("timeout")
        survived = statuses.count("survived")
        untested = statuses.count("no tests")
        other = len(statuses) - killed - survived - untested
        judged = killed + survived + untested
        score = f"{100 * killed / judged:5.1f} %" if judged else "  –"
        print(f"  {module:<34} {killed:>7} {survived:>9} {untested:>9} {other:>6} {score:>7}")
        survivors += [name for name, status in found.get(module, {}).items()
                      if name in picked and status in ("survived", "no tests")]
    times = os.times()
    print(f"  ({times.children_user + times.children_system - cpu.children_user - cpu.children_system:.0f} s CPU, "
          f"{time.monotonic() - started:.0f} s wall; survivors: '.venv/bin/mutmut show NAME')")
    listed = known_survivors()
    for name in survivors:
        print(f"    {found[name.rsplit('.', 1)[0]][name]:>9}  {name}  [{'listed' if name in listed else 'NEW'}]")
    return 1 if any(name not in listed for name in survivors) else 0


if __name__ == "__main__":
    sys.exit(main())
