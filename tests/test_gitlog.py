"""Reading the history: file names as editors write them, Polish letters included."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from microsite.gitlog import read_changes, read_file_times


def _commit(root: Path, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redakcja", "GIT_AUTHOR_EMAIL": "redakcja@example.org",
           "GIT_COMMITTER_NAME": "Redakcja", "GIT_COMMITTER_EMAIL": "redakcja@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(root), "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "add", "-A"], cwd=root, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "zmiana"], cwd=root, env=env, check=True)


def test_a_page_named_in_polish_gets_its_own_commit_time(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=tmp_path, check=True)
    pages = tmp_path / "content" / "pl"
    pages.mkdir(parents=True)
    (pages / "żłobek.md").write_text("Żłobek\n", encoding="utf-8")
    (pages / "about.md").write_text("O projekcie\n", encoding="utf-8")
    _commit(tmp_path, "2019-01-01T12:00:00+00:00")
    (pages / "żłobek.md").write_text("Żłobek – nowe godziny\n", encoding="utf-8")
    _commit(tmp_path, "2019-02-01T12:00:00+00:00")

    times = read_file_times(tmp_path, ("content",))
    assert times == {"content/pl/żłobek.md": datetime(2019, 2, 1, 12, tzinfo=timezone.utc),
                     "content/pl/about.md": datetime(2019, 1, 1, 12, tzinfo=timezone.utc)}
    assert [names for _, _, names in read_changes(tmp_path, ("content",))] == [
        ("content/pl/żłobek.md",), ("content/pl/about.md", "content/pl/żłobek.md")]
