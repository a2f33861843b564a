"""The history of a project's data files, read from git with a fixed number of processes.

Calendars must know how often each event changed and when (SEQUENCE, CREATED,
LAST-MODIFIED), and the only record a static site has is its repository. This
module reads it with plumbing commands whose count does not grow with the
events or the commits: one ``git log`` for the commits, two ``git cat-file
--batch-check`` for where each data file's version lives, one ``git cat-file
--batch`` for the distinct versions. What the versions mean is
:mod:`microsite.history`'s business.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path

__all__ = ["Clone", "Commit", "GitError", "git", "read_blobs", "read_clone", "read_changes", "read_commits", "read_file_times"]

_TIMEOUT = 300
"""Seconds any one git command may take; a repository of many thousand commits needs a few."""


class GitError(Exception):
    """Git could not be run or answered something unexpected."""


class Clone(str, Enum):
    """What kind of copy of the project the build runs in."""

    FULL = "full"
    """A git clone with its whole history."""
    SHALLOW = "shallow"
    """A clone with only the last commits (``git clone --depth``): the history is cut off."""
    EMPTY = "empty"
    """A repository without any commit yet (a new project before its first commit)."""
    NONE = "none"
    """No git repository at all (a downloaded archive), or git is not installed."""


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit and the version of each watched data file in it."""

    id: str
    parents: tuple[str, ...]
    time: datetime
    """When the commit was made (committer time, UTC): when the change reached the branch."""
    files: tuple[str | None, ...]
    """The blob id of each watched file, in the order asked for; None where the file does not exist."""


def git(root: Path, *args: str, data: bytes | None = None) -> bytes:
    """Run one git command in ``root`` and return its output; raise GitError when it fails or git is missing."""
    try:
        # core.quotePath off: a file named 'żłobek.md' is listed as it is, not as "\305\274…".
        done = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=root, input=data, capture_output=True, timeout=_TIMEOUT,
                              check=False)
    except (OSError, subprocess.SubprocessError) as error:
        raise GitError(f"git {args[0]}: {error}") from None
    if done.returncode != 0:
        raise GitError(f"git {args[0]}: {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout


def read_clone(root: Path) -> tuple[Clone, str]:
    """Return what kind of copy ``root`` is in, and its path inside the repository ('' or 'sub/dir/')."""
    try:
        out = git(root, "rev-parse", "--is-shallow-repository", "--show-prefix").decode("utf-8").split("\n")
    except GitError:
        return Clone.NONE, ""
    shallow, prefix = out[0].strip(), out[1].strip() if len(out) > 1 else ""
    if shallow == "true":
        return Clone.SHALLOW, prefix
    try:
        git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except GitError:
        return Clone.EMPTY, prefix
    return Clone.FULL, prefix


def read_commits(root: Path, folder: str, names: tuple[str, ...]) -> list[Commit]:
    """Return every commit reachable from HEAD, parents before children, with the blobs of ``folder/<names>``.

    ``folder`` is relative to the repository's top (the clone's prefix included).
    """
    log = git(root, "log", "--topo-order", "--reverse", "--format=%H %T %ct %P", "HEAD").decode("ascii")
    rows = [line.split(" ") for line in log.splitlines() if line]
    # Most commits share their data folder with their parent: look each distinct folder up once.
    folders = _batch_check(root, sorted({f"{row[1]}:{folder}" for row in rows}))
    trees = sorted({tree for tree in folders.values() if tree})
    blobs = _batch_check(root, [f"{tree}:{name}" for tree in trees for name in names])
    commits = []
    for commit, tree, stamp, *parents in rows:
        data = folders.get(f"{tree}:{folder}")
        files = tuple(blobs.get(f"{data}:{name}") if data else None for name in names)
        commits.append(Commit(commit, tuple(parents), datetime.fromtimestamp(int(stamp), timezone.utc), files))
    return commits


def _batch_check(root: Path, names: list[str]) -> dict[str, str | None]:
    """Return the object id each ``<tree>:<path>`` names (None where there is nothing)."""
    if not names:
        return {}
    out = git(root, "cat-file", "--batch-check=%(objectname) %(objecttype)",
               data="".join(f"{name}\n" for name in names).encode("utf-8")).decode("utf-8").splitlines()
    if len(out) != len(names):
        raise GitError(f"git cat-file answered {len(out)} lines for {len(names)} questions")
    found: dict[str, str | None] = {}
    for name, line in zip(names, out):
        parts = line.split(" ")
        found[name] = parts[0] if len(parts) == 2 and parts[1] in ("blob", "tree") else None
    return found


def read_blobs(root: Path, ids: list[str]) -> dict[str, bytes]:
    """Return the contents of the given blobs."""
    if not ids:
        return {}
    out = git(root, "cat-file", "--batch", data="".join(f"{i}\n" for i in ids).encode("ascii"))
    found: dict[str, bytes] = {}
    at = 0
    for wanted in ids:
        end = out.index(b"\n", at)
        head = out[at:end].decode("ascii").split(" ")
        if len(head) != 3 or head[0] != wanted:
            raise GitError(f"git cat-file answered {out[at:end]!r} for {wanted}")
        size = int(head[2])
        found[wanted] = out[end + 1:end + 1 + size]
        at = end + 1 + size + 1  # the content is followed by a newline
    return found



def read_changes(root: Path, folders: tuple[str, ...]) -> list[tuple[str, datetime, tuple[str, ...]]]:
    """Return the commits that changed files below ``folders``, newest first: (id, time, files).

    One ``git log`` whatever the number of files; files are relative to ``root``,
    renames count as a deletion and an addition.
    """
    log = git(root, "log", "--format=%x01%H %ct", "--name-only", "--relative", "--no-renames", "HEAD", "--",
              *folders).decode("utf-8", "replace")
    changes = []
    for block in log.split("\x01")[1:]:
        head, *names = block.strip("\n").split("\n")
        commit, stamp = head.split(" ")
        changes.append((commit, datetime.fromtimestamp(int(stamp), timezone.utc), tuple(filter(None, names))))
    return changes


def read_file_times(root: Path, folders: tuple[str, ...]) -> dict[str, datetime]:
    """Return when each file below ``folders`` (relative to ``root``) last changed: its newest commit's time.

    A file no commit has touched yet (new, not committed) is not in the answer.
    """
    times: dict[str, datetime] = {}
    for _, stamp, names in read_changes(root, folders):
        for name in names:
            times.setdefault(name, stamp)  # newest first: the first time a file is named is its last change
    return times
