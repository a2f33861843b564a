"""Build the site so that a failed build never touches the published one.

Build into a fresh folder next to ``site/``, and only when that succeeds swap
it in. MkDocs runs as a subprocess: the core never imports it. The check runs
once, inside that build (the adapter checks before anything is built, and
writes its problems where ``REPORT_ENV`` says); they are printed here as
``microsite check`` prints them, so editors get our located messages, not a
MkDocs traceback. Should the build end without a report (``mkdocs.yml`` broken
or not wired to the adapter), the check is run here to say why. Any warning
MkDocs gives (a link to a missing page, a missing image) fails the build too,
named with its page and line; and the calendars' versions need the full history
(a shallow clone is refused before anything is built).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .buildinfo import build_now
from .buildlog import read_build_log
from .check import REPORT_ENV, check_project, read_report
from .errors import Problem, format_problems
from .gitlog import read_clone
from .history import clone_problems

__all__ = ["build_site"]


def build_site(root: Path | str = ".", *, site_dir: str = "site", environ: dict[str, str] | None = None,
               out=None) -> int:
    """Validate and build into ``root/site_dir``; return 0 on success, 1 on failure.

    Messages go to ``out``, by default the standard error of the moment of the call (not of the import).
    """
    out = sys.stderr if out is None else out
    root = Path(root).resolve()
    history = _history_problems(root)
    if any(p.is_error for p in history):
        print(format_problems(history), file=out)
        print(f"\nThe site was not built. The previous {site_dir}/ is unchanged.", file=out)
        return 1
    env = dict(os.environ if environ is None else environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    env.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    # Sitemap dates come from SOURCE_DATE_EPOCH: pin them to the build's "now" for reproducible output.
    env.setdefault("SOURCE_DATE_EPOCH", str(int(build_now(root, env).timestamp())))
    target = root / site_dir
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir}-build-", dir=root))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read the site
    handle, report = tempfile.mkstemp(prefix=f".{site_dir}-check-", suffix=".json", dir=root)
    os.close(handle)
    os.unlink(report)  # the adapter creates it: a report that exists is one the check wrote
    env[REPORT_ENV] = report
    # Not --quiet: it drops warnings before strict mode counts them (a broken link would be published).
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                             "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staging)],
                            cwd=root, env=env, check=False, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, encoding="utf-8", errors="replace")
    problems = read_report(Path(report))
    if problems is None:
        problems = check_project(root)  # the adapter never checked: the check says why
    Path(report).unlink(missing_ok=True)
    problems = [*problems, *history]
    errors = [p for p in problems if p.is_error]
    if problems:
        print(format_problems(problems), file=out)
    if errors:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"\nThe site was not built: {len(errors)} error(s) above. The previous {site_dir}/ is unchanged.",
              file=out)
        return 1
    # MkDocs' own words are shown only for what the check did not find (they would repeat it).
    log = read_build_log(result.stdout, root)
    if log.problems:
        print(format_problems(log.problems), file=out)
    if result.returncode != 0 and (log.other or not log.problems):
        print("\n".join(log.other), file=out)
    if result.returncode != 0 or log.problems:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"\nThe site was not built (MkDocs reported {len(log.problems) or 'an error'}"
              f"{' problem(s)' if log.problems else ''}). The previous {site_dir}/ is unchanged.", file=out)
        return 1
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir}-old-", dir=root))
        os.replace(target, old / site_dir)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    print(f"Built {target}", file=out)
    return 0


def _history_problems(root: Path) -> list[Problem]:
    """Say whether the calendars' versions can be read here: a shallow clone is refused, no git is warned of."""
    if not (root / "data" / "events.yaml").is_file():
        return []  # no events, no versions to count
    return clone_problems(read_clone(root)[0])
