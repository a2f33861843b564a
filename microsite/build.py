"""Build the site so that a failed build never touches the published one.

Build into a fresh folder next to ``site/``, and only when that succeeds swap
it in. MkDocs runs as a subprocess: the core never imports it. The check runs
once, inside that build (the adapter checks before anything is built, and
writes its problems where ``REPORT_ENV`` says); they are printed here as
``microsite check`` prints them, so editors get our located messages, not a
MkDocs traceback. Should the build end without a report (``mkdocs.yml`` broken
or not wired to the adapter), the check is run here to say why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .buildinfo import build_now
from .errors import format_problems
from .check import REPORT_ENV, check_project, read_report

__all__ = ["build_site"]


def build_site(root: Path | str = ".", *, site_dir: str = "site", environ: dict[str, str] | None = None,
               out=sys.stderr) -> int:
    """Validate and build into ``root/site_dir``; return 0 on success, 1 on failure."""
    root = Path(root).resolve()
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
    # MkDocs' own words are shown only when the failure is not one the check found (they repeat it).
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                             "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staging)],
                            cwd=root, env=env, check=False, capture_output=True, text=True)
    problems = read_report(Path(report))
    if problems is None:
        problems = check_project(root)  # the adapter never checked: the check says why
    Path(report).unlink(missing_ok=True)
    errors = [p for p in problems if p.is_error]
    if problems:
        print(format_problems(problems), file=out)
    if errors:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"\nThe site was not built: {len(errors)} error(s) above. The previous site/ is unchanged.", file=out)
        return 1
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print((result.stdout + result.stderr).rstrip(), file=out)
        print(f"\nThe site was not built (MkDocs failed). The previous {site_dir}/ is unchanged.", file=out)
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
