"""When each text took its present form: the change (a commit, or the uncommitted files) that wrote it.

The translation report asks whether a source and its translation were written
in one change: an event whose Polish and English titles were typed in the same
commit is translated, whatever the records say. Git knows; the working tree
counts as one more change on top of the last commit. Git is started twice
whatever the number of files: one log of the folders asked about, one batch
reader of old versions, which are read newest first and only as far back as a
question needs.

Outside a git repository, or where a shallow clone cuts the history short,
what cannot be known is ``None``, and the report falls back to its records.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path

from .gitlog import GitError, git, read_changes

__all__ = ["WORKING_TREE", "History"]

WORKING_TREE = "working tree"
"""The change made by the files as they are on disk, not yet committed."""

Extract = Callable[[str], dict[Hashable, str]]
"""Reads one version of a file: what it says for each key (a text's hash), absent keys left out."""


class History:
    """The commits that changed the files under some folders of a project, and their old versions.

    Use it as a context manager: it keeps one ``git cat-file`` process open
    while old versions are read.
    """

    def __init__(self, root: Path | str, folders: Iterable[str]) -> None:
        self.root = Path(root)
        self._folders = tuple(folders)
        self._commits: dict[str, list[str]] | None = None
        self._complete = False
        self._reader: subprocess.Popen | None = None

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc) -> None:
        if self._reader is not None:
            self._reader.stdin.close()
            self._reader.wait()
            self._reader = None

    def knows(self) -> bool:
        """Say whether git can tell anything here (a repository, even one with nothing committed yet)."""
        return bool(self._log()) or self._complete

    def introduced(self, path: str, current: dict[Hashable, str], extract: Extract) -> dict[Hashable, str | None]:
        """Return, for each key of ``current``, the change that gave it its present value.

        ``path`` is relative to the project's root; ``current`` is what
        ``extract`` finds in the file as it is on disk now.
        """
        commits = self._log().get(path)
        if commits is None and not self._complete:
            return dict.fromkeys(current)  # no git here: nothing is known
        found: dict[Hashable, str | None] = {}
        pending = dict(current)
        newer = WORKING_TREE
        for commit in commits or ():
            old = self._version(commit, path)
            values = extract(old) if old is not None else {}
            for key in [key for key, value in pending.items() if values.get(key) != value]:
                found[key] = newer  # the value differed before ``newer``: that change wrote it
                del pending[key]
            if not pending:
                return found
            newer = commit
        # Unchanged back to the oldest version: that one wrote it, unless the history is cut short.
        found.update(dict.fromkeys(pending, newer if self._complete else None))
        return found

    def _log(self) -> dict[str, list[str]]:
        """Return, per file, the commits that changed it, newest first (empty outside git)."""
        if self._commits is not None:
            return self._commits
        self._commits = {}
        shallow = self._git("rev-parse", "--is-shallow-repository")
        if shallow is None:
            return self._commits
        self._complete = shallow.strip() == "false"
        try:
            changes = read_changes(self.root, self._folders)
        except GitError:
            return self._commits  # no commit yet
        for commit, _, names in changes:
            for name in names:
                self._commits.setdefault(name, []).append(commit)
        return self._commits

    def _version(self, commit: str, path: str) -> str | None:
        """Return the file as it was in ``commit``, or None where it did not exist."""
        if self._reader is None:
            self._reader = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self.root, stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._reader.stdin.write(f"{commit}:./{path}\n".encode("utf-8"))
        self._reader.stdin.flush()
        header = self._reader.stdout.readline().decode("utf-8").split()
        if len(header) != 3 or header[1] != "blob":
            return None  # 'missing': the commit deleted the file
        data = self._reader.stdout.read(int(header[2]) + 1)[:-1]  # the blob, then a newline
        return data.decode("utf-8", errors="replace")

    def _git(self, *args: str) -> str | None:
        try:
            return git(self.root, *args).decode("utf-8", errors="replace")
        except GitError:
            return None
