"""The preview's cost: from saving a file to the browser getting the changed page, ours beside `mkdocs serve`.

Both servers run at once on 127.0.0.1, each on its own port: ours
(``hooks/preview.py``, what ``make serve`` runs) on the project, bare
``mkdocs serve`` on the bare project of the same final pages (:mod:`bench.bare`).
An edit is a real save: a Markdown page (the about page's text) or, for ours, a
data file (an event's Polish title in ``data/events.yaml``; bare has no data, so
its edit is the same title in that event's captured page). The clock starts at
the save and stops when a request for the page returns the new text; MkDocs'
server holds requests during a rebuild, so the answer comes as soon as the
page is built. Both wait for the same file watcher (MkDocs' polling observer,
every 0.5 s) and the same 0.1 s settling delay. CPU time is the server
process's own (user + system, from ``/proc``), over the same interval. Edits
alternate between the servers, so a burst of load elsewhere hits both alike.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .measure import Sample
from .transfer import free_port

__all__ = ["EDITS", "Edit", "Server", "edit_to_visible"]

_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True, slots=True)
class Edit:
    """One kind of edit: which file changes, which words, and which page shows them."""

    kind: str
    """'markdown' or 'data'."""
    file: str
    """The file saved in our project."""
    bare_file: str
    """The file saved in the bare project (bare has no data files: the page the data made)."""
    words: str
    """Text in both files; the edit appends a numbered marker after its first occurrence."""
    page: str
    """The page whose new text is waited for."""


EDITS = (
    Edit("markdown", "content/pl/about.md", "content/pl/about.md", "Krosnem", "about/"),
    Edit("data", "data/events.yaml", "content/pl/schedule/spotkanie-informacyjne-krosno-2018-11-20.md",
         "Spotkanie informacyjne w Krośnie", "schedule/spotkanie-informacyjne-krosno-2018-11-20/"),
)
"""The demo's own page and event: the synthetic projects keep both."""


class Server:
    """A preview server in its own process: ours or `mkdocs serve`, on a free port."""

    def __init__(self, label: str, root: Path, *, ours: bool, env: dict[str, str], log: Path) -> None:
        self.label, self.root, self.ours = label, root, ours
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        addr = f"127.0.0.1:{self.port}"
        command = ([sys.executable, "hooks/preview.py", "--dev-addr", addr] if ours else
                   [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", addr])
        env = {k: v for k, v in env.items() if k not in ("MICROSITE_SITE_URL", "SOURCE_DATE_EPOCH")}
        with log.open("w", encoding="utf-8") as out:
            self.process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
        self.log = log
        self.edits = 0

    def wait_ready(self, timeout: float) -> None:
        """Wait for the first build to be served."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.label} stopped:\n{self.log.read_text(encoding='utf-8')[-3000:]}")
            if self._get("") is not None:
                return
            time.sleep(0.5)
        raise RuntimeError(f"{self.label} did not start within {timeout:.0f} s")

    def cpu(self) -> float:
        """Return the CPU time (user + system) the server has used so far, in seconds."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _get(self, path: str, timeout: float = 600) -> str | None:
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None


def edit_to_visible(server: Server, edit: Edit, *, timeout: float = 900) -> Sample:
    """Save ``edit`` in the server's project; return the time until its page shows it, and the CPU spent."""
    server.edits += 1
    marker = f"(zmiana {server.edits})"
    path = server.root / (edit.file if server.ours else edit.bare_file)
    text = path.read_text(encoding="utf-8")
    previous = re.escape(edit.words) + r"(?: \(zmiana \d+\))?"
    changed, found = re.subn(previous, f"{edit.words} {marker}", text, count=1)
    if not found:
        raise RuntimeError(f"{edit.words!r} is not in {path}")
    time.sleep(1.0)  # the watcher compares modification times: let the clock move past the last save
    os.sync()  # as before each build (bench.measure.run): the last rebuild's writeback is not charged to this one
    cpu, start = server.cpu(), time.perf_counter()
    path.write_text(changed, encoding="utf-8")
    while time.perf_counter() - start < timeout:
        page = server._get(edit.page)
        if page is not None and marker in page:
            return Sample(time.perf_counter() - start, server.cpu() - cpu, 0.0, {})
        time.sleep(0.05)
    raise RuntimeError(f"{server.label}: {edit.page} did not show {marker} within {timeout:.0f} s:\n"
                       f"{server.log.read_text(encoding='utf-8')[-3000:]}")
