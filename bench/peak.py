"""Run a command and report its own wall-clock time, CPU time and peak memory as JSON into a file.

``python bench/peak.py REPORT -- COMMAND...``. Why a launcher: Linux keeps a
process's peak memory (``ru_maxrss``) across ``exec``, and a child started by
fork or vfork begins with its parent's memory mapped, so every step started
from the benchmark's process (about 900 MiB, holding the generated projects)
reported that process's peak, not its own. This launcher is small; the command
it starts begins from it. Plain Python only: it runs without the project's
packages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    report, separator, *command = argv
    if separator != "--" or not command:
        print("usage: peak.py REPORT -- COMMAND...", file=sys.stderr)
        return 2
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    with open(report, "w", encoding="utf-8") as out:
        json.dump({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                   "peak_kib": usage.ru_maxrss}, out)  # Linux reports KiB
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
