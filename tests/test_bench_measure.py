"""The benchmark's measurement of one step: each step's own peak memory, not the benchmark's."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from bench.measure import run

MIB = 1024 * 1024


def _allocating(mib: int) -> list[str]:
    return [sys.executable, "-c", f"block = bytearray({mib} * {MIB}); block[::4096] = b'x' * len(block[::4096])"]


def test_a_step_reports_its_own_peak_not_the_one_of_the_process_that_started_it(tmp_path):
    held = bytearray(600 * MIB)
    held[::4096] = b"x" * len(held[::4096])  # resident, not only reserved
    sample = run(_allocating(0), cwd=tmp_path, env=dict(os.environ))
    assert sample.peak_mb < 200, f"{sample.peak_mb:.0f} MiB: the 600 MiB held by the benchmark's process was counted"
    del held


def test_what_a_step_allocates_is_in_its_peak(tmp_path):
    sample = run(_allocating(300), cwd=tmp_path, env=dict(os.environ))
    assert 300 <= sample.peak_mb < 450
    assert sample.cpu > 0 and sample.seconds >= sample.cpu * 0.5


def test_a_failing_step_stops_the_benchmark_with_its_output(tmp_path):
    with pytest.raises(RuntimeError, match="it broke"):
        run([sys.executable, "-c", "import sys; print('it broke'); sys.exit(3)"], cwd=tmp_path,
            env=dict(os.environ))


def test_a_steps_own_figures_printed_as_json_are_kept(tmp_path):
    code = 'import json; print("working"); print(json.dumps({"seconds": 1.5, "cpu": 1.25, "rows": 7}))'
    sample = run([sys.executable, "-c", code], cwd=Path(tmp_path), env=dict(os.environ))
    assert (sample.seconds, sample.cpu, sample.result["rows"]) == (1.5, 1.25, 7)
