"""The machine a benchmark ran on: figures only compare on the same one."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

__all__ = ["describe", "git_revision", "load_average"]

_PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "icalendar", "Jinja2", "PyYAML", "Markdown")


def _first(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.startswith(key):
                return line.split(":" if ":" in line else "=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return "unknown"


def load_average() -> str:
    """Return the 1, 5 and 15 minute load averages: how busy the machine was."""
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def describe() -> dict[str, str]:
    """Return CPU, cores, memory, OS, Python and the versions of the packages that matter."""
    mem_kb = _first("/proc/meminfo", "MemTotal").split()[0]
    return {
        "CPU": _first("/proc/cpuinfo", "model name"),
        "Cores": f"{len(os.sched_getaffinity(0))} usable ({os.cpu_count()} online)",
        "RAM": f"{int(mem_kb) / 1024 / 1024:.1f} GiB" if mem_kb.isdigit() else "unknown",
        "OS": f"{_first('/etc/os-release', 'PRETTY_NAME')}, Linux {platform.release()}",
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "Packages": ", ".join(f"{name} {metadata.version(name)}" for name in _PACKAGES),
    }


def git_revision(repo: Path) -> str:
    """Return the commit measured, marked when the worktree has uncommitted changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False).stdout.strip()

    commit = git("rev-parse", "--short=12", "HEAD") or "unknown"
    return commit + (" (with uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else "")
