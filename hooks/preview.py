"""The editors' preview (``make serve``): MkDocs' live-reload server, made never to hold a page.

``mkdocs serve`` watches only ``content/`` and ``mkdocs.yml``; while a rebuild
fails it answers no request at all (the browser waits until the file is fixed:
ten minutes were measured), it stops at start when the site has an error, and
it prints a line for every generated page. This is the MkDocs adapter for the
preview (the hooks, ``site_hooks.py``, stay the adapter for building): it runs
MkDocs' own server with a builder that

- checks the project with the core first: :class:`microsite.check.Checker`
  reads the data files again only when one of them changed, so a Markdown edit
  does not validate the data again, and the hooks build from that check
  (``PREVIEW`` in the config) instead of checking a second time;
- builds with MkDocs into the one of two folders not being served, and serves
  it only when the build succeeds: the last version without errors stays;
- when anything fails (the check, a warning MkDocs' strict mode refuses, a
  broken ``mkdocs.yml``) still lets the browsers reload, and puts a panel naming
  the problems first on every page, in the page's language
  (:mod:`microsite.render.preview`);
- watches every file the site is made from: ``data/``, ``content/``,
  ``mkdocs.yml`` and the theme overrides;
- prints what changed, and what is wrong or how long the build took.

"Now" is the clock (``microsite.buildinfo.build_now``): the preview shows
events not yet committed. Run it as ``make serve`` (``ADDR=127.0.0.1:8001``
for another address), or ``.venv/bin/python hooks/preview.py --help``.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # before MkDocs and Material are imported
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.livereload import LiveReloadServer  # noqa: E402

from microsite.check import Checker  # noqa: E402
from microsite.printed import PrintCache  # noqa: E402
from microsite.errors import Problem, SiteDataError  # noqa: E402
from microsite.load import site_languages  # noqa: E402
from microsite.render.preview import render_problem_page, render_problem_panel  # noqa: E402

PREVIEW = "microsite_preview"
"""The config key the hooks read (site_hooks.PREVIEW): the project as checked for this build."""
log = logging.getLogger("mkdocs.microsite.preview")
_BODY = re.compile(rb"<body[^>]*>", re.IGNORECASE)


class Preview:
    """One preview session: the project, its last check, the two site folders and what is wrong now."""

    def __init__(self, config_file: Path, host: str, port: int) -> None:
        self.config_file = config_file.resolve()
        self.root = self.config_file.parent
        self.url = f"http://{host}:{port}/"
        self.addr = f"{host}:{port}"
        self.checker = Checker(self.root, print_cache=PrintCache.of_project(self.root))
        self.folders = [Path(tempfile.mkdtemp(prefix="microsite-preview-")) for _ in range(2)]
        self.server = LiveReloadServer(builder=self.build, host=host, port=port, root=str(self.folders[0]))
        self.inner = self.server.serve_request
        self.server.set_app(self.app)
        self.server.error_handler = self._not_found
        self.problems: list[Problem | str] = []
        """What the last build found wrong; empty when the site shown is the current one."""
        self.languages: tuple[str, ...] = site_languages(self.root)
        self._files = self._snapshot()
        self._warnings: tuple[Problem, ...] = ()

    # --- building ------------------------------------------------------------------------------

    def watched(self) -> list[Path]:
        """Return every folder and file the site is made from."""
        paths = [self.config_file, self.root / "data", self.root / "content", self.root / "overrides"]
        return [path for path in paths if path.exists()]

    def build(self) -> None:
        """Check and build; on any failure keep the last site and show what is wrong. Never raises."""
        changed = self._changes()
        if changed:
            more = f" and {len(changed) - 6} more" if len(changed) > 6 else ""
            log.info("Changed: " + ", ".join(changed[:6]) + more)
        started = time.perf_counter()
        try:
            self._build()
        except Exception:  # a bug must not leave every browser waiting: show it like any other problem
            self._fail([traceback.format_exc()])
            return
        if not self.problems:
            log.info(f"Built in {time.perf_counter() - started:.1f} s; open pages reload by themselves.")

    def _build(self) -> None:
        try:
            checked = self.checker.check()
        except SiteDataError as exc:
            self.languages = site_languages(self.root)
            self._fail(exc.problems)
            return
        self.languages = checked.site.languages
        if checked.warnings != self._warnings:
            for warning in checked.warnings:
                log.warning(str(warning))
            self._warnings = checked.warnings
        target = self.folders[1] if Path(self.server.root) == self.folders[0] else self.folders[0]
        failure = None
        with _Captured() as messages:
            try:
                config = load_config(config_file=str(self.config_file), site_dir=str(target), dev_addr=self.addr)
                config.site_url = self.url
                config[PREVIEW] = checked
                build(config, serve_url=self.url)
            except (Exception, SystemExit) as exc:  # MkDocs ends a failed build with click's Abort
                failure = str(exc) or type(exc).__name__
        if failure is not None:
            self._fail(list(messages) or [failure])
            return
        self.server.root = str(target)
        self.problems = []

    def _fail(self, problems: list[Problem | str]) -> None:
        errors = sum(1 for p in problems if not isinstance(p, Problem) or p.is_error)
        log.error(f"{errors} error(s): the browser shows them on every page, above the last version without errors")
        for problem in problems:
            log.error(f"  {problem}")
        self.problems = list(problems)

    def _snapshot(self) -> dict[str, tuple[int, int]]:
        files: dict[str, tuple[int, int]] = {}
        for path in self.watched():
            for file in ([path] if path.is_file() else path.rglob("*")):
                if file.is_file():
                    stat = file.stat()
                    files[file.relative_to(self.root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
        return files

    def _changes(self) -> list[str]:
        before, self._files = self._files, self._snapshot()
        return sorted(name for name in before.keys() | self._files.keys() if before.get(name) != self._files.get(name))

    # --- serving -------------------------------------------------------------------------------

    def app(self, environ, start_response):
        """Serve as MkDocs does; while something is wrong, put the panel first on every page."""
        problems = self.problems
        path = environ.get("PATH_INFO", "/")
        if not problems or not (path.endswith(("/", ".html")) or "." not in path.rsplit("/", 1)[-1]):
            return self.inner(environ, start_response)
        answer: dict = {}

        def keep(status, headers, exc_info=None):
            answer.update(status=status, headers=headers)
            return lambda data: None

        body = b"".join(self.inner(environ, keep))
        status, headers = answer["status"], answer["headers"]
        kind = dict((key.lower(), value) for key, value in headers).get("content-type", "")
        lang = self._language(path)
        if status.startswith("200") and kind.startswith("text/html"):
            panel = render_problem_panel(problems, lang).encode("utf-8")
            found = _BODY.search(body)
            body = body[:found.end()] + panel + body[found.end():] if found else panel + body
        elif status.startswith("404"):
            status, kind = "200 OK", "text/html; charset=utf-8"  # a page that is coming once fixed
            page = render_problem_page(problems, lang).encode("utf-8")
            body = self.server._inject_js_into_html(page, self.server._visible_epoch)  # MkDocs' live reload
        else:
            start_response(status, headers)
            return [body]
        start_response(status, [(key, value) for key, value in headers
                                if key.lower() not in ("content-length", "content-type")]
                       + [("Content-Type", kind), ("Content-Length", str(len(body)))])
        return [body]

    def _language(self, path: str) -> str:
        """Return the language of the page at ``path``: its first folder, or the default language."""
        first = path.strip("/").split("/", 1)[0]
        return first if first in self.languages[1:] else self.languages[0]

    def _not_found(self, code: int) -> bytes | None:
        page = Path(self.server.root) / "404.html"
        return page.read_bytes() if code == 404 and page.is_file() else None

    # --- running -------------------------------------------------------------------------------

    def serve(self) -> None:
        """Build once, watch, and serve until interrupted."""
        log.info(f"Preview of {self.root} at {self.url} (the published site is built by 'make site').")
        self.build()
        for path in self.watched():
            self.server.watch(str(path))
        try:
            self.server.serve()
        except KeyboardInterrupt:
            log.info("Stopped.")
        finally:
            self.server.shutdown()
            for folder in self.folders:
                shutil.rmtree(folder, ignore_errors=True)


class _Captured(list):
    """Within ``with``: the warnings and errors MkDocs logs, kept as the problems of a failed build."""

    def __enter__(self):
        self._handler = _ListHandler(self)
        logging.getLogger("mkdocs").addHandler(self._handler)
        return self

    def __exit__(self, *exc) -> None:
        logging.getLogger("mkdocs").removeHandler(self._handler)


class _ListHandler(logging.Handler):
    def __init__(self, into: list) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


class _Quiet(logging.Filter):
    """Let through warnings, errors, the preview's own lines and where it serves; not MkDocs' running commentary."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING or record.name == log.name:
            return True
        return record.name == "mkdocs.livereload" and "Serving on" in record.getMessage()


def _logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.addFilter(_Quiet())
    root = logging.getLogger("mkdocs")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    root.propagate = False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hooks/preview.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                        help="where to serve (default: 127.0.0.1:8000)")
    parser.add_argument("--config-file", default="mkdocs.yml", type=Path, metavar="FILE",
                        help="the project's mkdocs.yml (default: mkdocs.yml here)")
    args = parser.parse_args(argv)
    host, _, port = args.dev_addr.rpartition(":")
    if not args.config_file.is_file():
        print(f"hooks/preview.py: {args.config_file} does not exist; run it in the project's folder", file=sys.stderr)
        return 2
    _logging()
    Preview(args.config_file, host or "127.0.0.1", int(port)).serve()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
