"""A git history for a synthetic project, and what reading it costs the build.

SEQUENCE, CREATED and LAST-MODIFIED come from the history of the data files
(:mod:`microsite.history`), so a build's cost grows with the commits that changed
``data/events.yaml`` as well as with the events. ``commit_history`` turns a
generated project into a repository whose last commit is the project as
generated and whose earlier commits each change one event (the way editors
commit, one edit at a time), written by a single ``git fast-import``.

``python -m bench.history --events 2000 --commits 250`` times ``read_history``
on such a project, as the build calls it (the site loaded first, untimed), and
counts the git processes it starts.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from .synthetic import NOW, generate

__all__ = ["commit_history", "measure_history"]

_FIRST_COMMIT = 1_546_300_800  # 2019-01-01 00:00 UTC; one commit a day after it


def _edited(text: str, ident: str) -> str:
    """Return events.yaml with the entry ``ident`` as it was before its last edit."""
    line = f"  - id: {ident}\n"
    return text.replace(line, line + "    revision: 7\n", 1)


def commit_history(root: Path, commits: int) -> Path:
    """Make ``root`` a git repository of ``commits`` + 1 commits ending with the project as it is."""
    events = (root / "data" / "events.yaml").read_text(encoding="utf-8")
    singles = [line[8:] for line in events.split("\n") if line.startswith("  - id: ")]
    step = max(1, len(singles) // max(1, commits))
    targets = [ident for ident in singles[::step] if f"  - id: {ident}\n    revision" not in events][:commits]
    versions = [events]
    for ident in reversed(targets):  # version 0 has every edit undone; each commit redoes one
        versions.append(_edited(versions[-1], ident))
    versions.reverse()
    stream = bytearray()

    def blob(data: bytes) -> None:
        stream.extend(b"data %d\n" % len(data) + data + b"\n")

    for number, text in enumerate(versions):
        message = b"the project" if number == 0 else b"an event changed"
        stream.extend(b"commit refs/heads/main\nmark :%d\n" % (number + 1))
        stream.extend(b"committer Bench <bench@example.org> %d +0000\n" % (_FIRST_COMMIT + 86_400 * number))
        blob(message)
        if number:
            stream.extend(b"from :%d\n" % number)
        else:
            for path in sorted(p for p in root.rglob("*") if p.is_file() and ".git" not in p.parts):
                if path.relative_to(root).as_posix() != "data/events.yaml":
                    stream.extend(b"M 100644 inline " + path.relative_to(root).as_posix().encode() + b"\n")
                    blob(path.read_bytes())
        stream.extend(b"M 100644 inline data/events.yaml\n")
        blob(text.encode("utf-8"))
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=bytes(stream), check=True)
    subprocess.run(["git", "reset", "-q"], cwd=root, check=True)  # the index follows the last commit
    return root


def measure_history(root: Path) -> dict:
    """Time reading the history of the project at ``root``, as the build does; count the git processes."""
    from microsite import gitlog
    from microsite.check import load_checked
    from microsite.history import read_history

    site, _ = load_checked(root)
    calls: list[str] = []
    run = gitlog.subprocess.run

    def counting(args, **kwargs):
        calls.append(args[1])
        return run(args, **kwargs)

    gitlog.subprocess.run = counting
    try:
        start, cpu = time.perf_counter(), time.process_time()
        history = read_history(root, site, now=datetime.fromisoformat(NOW.replace("Z", "+00:00")))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        gitlog.subprocess.run = run
    changed = sum(1 for version in history.versions.values() if version.sequence)
    return {"seconds": round(seconds, 3), "cpu": round(cpu, 3), "events": len(site.events),
            "git_processes": len(calls), "events_changed": changed, "problems": [str(p) for p in history.problems]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.history", description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=250, help="commits after the first, one event each")
    parser.add_argument("--pages", type=int, default=20, help="editor pages per language")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-history-") as work:
        root = generate(Path(work) / "project", pages=args.pages, events=args.events)
        start = time.perf_counter()
        commit_history(root, args.commits)
        made = time.perf_counter() - start
        print(json.dumps({"commits": args.commits + 1, "made_in": round(made, 1), **measure_history(root)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
