"""CPU time of building the demo fixture with MkDocs and our hooks, a few runs: how much a change costs.

Run it at two commits (e.g. `git stash`, run, `git stash pop`, run) and compare the medians; CPU time,
not wall-clock, because the machine is shared. Decision 0009 used it for the printed matter.

    .venv/bin/python scripts/measure_build_cpu.py [--runs 3]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from conftest_site import build_env, project_copy  # noqa: E402  (the tests' own way to build a fixture)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    work = Path(tempfile.mkdtemp(prefix="microsite-cpu-"))
    try:
        root = project_copy(work / "project")
        times = []
        for run in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                                     str(work / f"site{run}")], cwd=root, env=build_env(), capture_output=True)
            if result.returncode != 0:
                sys.exit(result.stdout.decode()[-3000:])
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        print("CPU seconds per build:", " ".join(f"{t:.2f}" for t in times),
              f"(median {sorted(times)[len(times) // 2]:.2f})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
