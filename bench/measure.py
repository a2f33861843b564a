"""Run one measured step in its own process: wall-clock time, CPU time and peak memory.

Why a process per step: peak memory (``ru_maxrss``) is a high-water mark that
never goes down, so it only means something for a process that did one thing.
Each step is started by a small launcher (:mod:`bench.peak`), which reports
that child's own figures: started straight from this process, a child would
report this process's peak as its own (Linux keeps it across ``exec``).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Sample", "Summary", "run", "run_step", "summarize"]

_LAUNCHER = Path(__file__).with_name("peak.py")


@dataclass(frozen=True, slots=True)
class Sample:
    """One run of a step."""

    seconds: float
    """Wall-clock time of the step (the child's own figure when it reports one)."""
    cpu: float
    """CPU time (user + system) of the step: less disturbed than wall-clock time by other work on the machine."""
    peak_mb: float
    """Peak resident memory of the child process, in MiB."""
    result: dict
    """What the child printed as JSON on its last line of output, if anything."""


@dataclass(frozen=True, slots=True)
class Summary:
    """The median and spread of several runs of one step."""

    median: float
    low: float
    high: float
    cpu: float
    """Median CPU time."""
    peak_mb: float
    """The highest peak memory seen over the runs."""
    runs: int

    @property
    def spread(self) -> float:
        """Return (max - min) / median: how noisy the figure is."""
        return (self.high - self.low) / self.median if self.median else 0.0


def run(cmd: list[str], *, cwd: Path, env: dict[str, str]) -> Sample:
    """Run ``cmd`` to the end; fail with its output if it fails.

    The disk is settled first: what the step before wrote or removed (a whole site, thousands of files) is
    flushed, so that its writeback is not charged to this one as system time (it moved a build's system
    time between 3 and 8 s at 2,000 events).
    """
    os.sync()
    with tempfile.TemporaryDirectory() as folder, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        report = Path(folder) / "peak.json"
        proc = subprocess.run([sys.executable, str(_LAUNCHER), str(report), "--", *cmd], cwd=cwd, env=env,
                              stdout=out, stderr=subprocess.STDOUT, text=True)
        out.seek(0)
        output = out.read()
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{output[-4000:]}")
        own = json.loads(report.read_text(encoding="utf-8"))
    lines = output.strip().splitlines()
    result = {}
    if lines and lines[-1].startswith("{"):
        result = json.loads(lines[-1])
    return Sample(result.get("seconds", own["seconds"]), result.get("cpu", own["cpu"]), own["peak_kib"] / 1024, result)


def run_step(step: str, root: Path, *, env: dict[str, str]) -> Sample:
    """Run one in-process step of :mod:`bench.steps` on the project in ``root``."""
    repo = Path(__file__).resolve().parents[1]
    return run([sys.executable, "-m", "bench.steps", step, str(root)], cwd=repo, env=env)


def summarize(samples: list[Sample]) -> Summary:
    """Return the median time, its spread and the highest peak memory of ``samples``."""
    times = [s.seconds for s in samples]
    return Summary(statistics.median(times), min(times), max(times), statistics.median(s.cpu for s in samples),
                   max(s.peak_mb for s in samples), len(samples))
