"""The preview (``make serve``, hooks/preview.py) run for real on a free 127.0.0.1 port, for tests.

Each request has a timeout: a preview that holds a page (what ``mkdocs serve``
does while a rebuild fails) fails the test instead of hanging it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

__all__ = ["PreviewServer", "free_port"]


def free_port() -> int:
    """Return a port free on 127.0.0.1 now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PreviewServer:
    """``hooks/preview.py`` serving the project in ``root`` (a copy with the generator's hooks and overrides)."""

    def __init__(self, root: Path, log: Path, *, environ: dict[str, str] | None = None) -> None:
        self.root = root
        self.log = log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {k: v for k, v in (os.environ if environ is None else environ).items() if not k.startswith("MICROSITE_")}
        self._env = dict(env, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
        self._process: subprocess.Popen | None = None

    def __enter__(self) -> PreviewServer:
        out = self.log.open("w", encoding="utf-8")
        self._process = subprocess.Popen([sys.executable, "hooks/preview.py", "--dev-addr", f"127.0.0.1:{self.port}"],
                                         cwd=self.root, env=self._env, stdout=out, stderr=subprocess.STDOUT)
        out.close()
        self.wait_for("", lambda status, text: status == 200, timeout=90)
        return self

    def __exit__(self, *exc) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def output(self) -> str:
        """Return what the preview printed so far."""
        return self.log.read_text(encoding="utf-8")

    def get(self, path: str, *, timeout: float = 20) -> tuple[int, str]:
        """Fetch a page; a request held longer than ``timeout`` raises."""
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=timeout) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", errors="replace")

    def wait_for(self, path: str, ready: Callable[[int, str], bool], *, timeout: float = 45) -> str:
        """Fetch ``path`` until ``ready(status, text)``; return the text, or fail with the preview's output."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            if self._process is not None and self._process.poll() is not None:
                raise AssertionError(f"the preview stopped ({self._process.returncode}):\n{self.output()}")
            try:
                status, text = self.get(path, timeout=max(1.0, deadline - time.monotonic()))
            except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                last = error
                time.sleep(0.2)
                continue
            if ready(status, text):
                return text
            last = (status, text[:300])
            time.sleep(0.2)
        raise AssertionError(f"/{path} never became ready (last: {last!r}); the preview printed:\n{self.output()}")
