"""The project's own files: ordinary files kept in the repository, and nothing else.

MkDocs copies whatever ``content/`` holds into the published site and follows
symbolic links on the way; git stores a link as a link. So a link committed as
``content/assets/env.txt -> /proc/self/environ`` would publish the environment
of the machine that builds (a CI runner's, a host's), one to a folder would
publish the folder. The build reads and publishes only ordinary files inside the
repository: a link anywhere under ``content/`` or ``data/``, a special file (a
pipe, a device), or ``mkdocs.yml``, ``content/`` or ``data/`` being a link, is a
located error, found before any of them is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import Location, Problem

__all__ = ["check_sources", "not_a_source", "open_source"]

CONFIG_FILE = "mkdocs.yml"


def check_sources(root: Path | str, *, data_dir: str = "data", content_dir: str = "content") -> list[Problem]:
    """Return an error for every link or special file among the files the site is made from."""
    root = Path(root)
    problems: list[Problem] = []
    for name in (CONFIG_FILE, data_dir, content_dir):
        entry = root / name
        if entry.is_symlink() or (entry.exists() and not (entry.is_dir() if name != CONFIG_FILE else entry.is_file())):
            problems.append(_problem(entry, name))
        elif entry.is_dir():
            problems.extend(_walk(entry, name))
    return problems


def _walk(folder: Path, display: str) -> list[Problem]:
    """Find links and special files below ``folder`` without following any link."""
    problems = []
    for current, dirs, files in os.walk(folder, followlinks=False):
        base = Path(current)
        shown = display + ("/" + base.relative_to(folder).as_posix() if base != folder else "")
        for name in sorted(dirs + files):
            path = base / name
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode) or not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                problems.append(_problem(path, f"{shown}/{name}"))
        dirs[:] = [name for name in dirs if not (base / name).is_symlink()]
    return problems


def _problem(path: Path, display: str) -> Problem:
    if path.is_symlink():
        target = os.readlink(path)
        return Problem(Location(display), "", f"this is a link to '{target}', not a file kept in the repository; the "
                       "site publishes and reads only files kept in the repository",
                       "put the file (or folder) itself here instead of the link, or delete the link")
    return Problem(Location(display), "", "this is not an ordinary file or folder (a pipe, a socket or a device)",
                   "delete it: the site is made of ordinary files only")


def open_source(path: Path, limit: int) -> bytes | None:
    """Return up to ``limit`` + 1 bytes of an ordinary file, or None when ``path`` is a link or not a file.

    Opened without following a link and without waiting on a pipe, so that no
    reader of the project's files can be pointed outside the repository.
    """
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            return None
        return stream.read(limit + 1)


def not_a_source(display: str) -> Problem:
    """Say that a file the site reads is a link or a special file (what :func:`open_source` refuses)."""
    return Problem(Location(display), "", "this is a link or not an ordinary file; the site reads only files kept in "
                   "the repository", "put the file itself here instead")
