"""The ``microsite`` command: ``check`` validates the data, ``build`` builds the site.

``microsite check`` is what editors run after changing a file (and what CI
runs on every push): it reads ``data/*.yaml`` and the front matter of the
Markdown pages, prints every problem with its place and its fix, and builds
nothing. Exit codes follow the usual convention so scripts can rely on them:
0 no errors (warnings allowed), 1 errors in the data, 2 wrong command line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import SiteDataError, format_problems, problems_to_json
from .check import check_project

__all__ = ["main"]

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on a usage error (2) and after --help (0)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    root = Path(args.root)
    if not root.is_dir():
        print(f"microsite: the folder '{root}' does not exist; give the site's folder with --root",
              file=sys.stderr)
        return EXIT_USAGE
    return args.handler(args, root)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="microsite",
                                     description="Check and build a project's bilingual microsite.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate the data and pages without building",
                                description="Check data/*.yaml and the Markdown pages; print every problem.")
    check.add_argument("--json", action="store_true", help="print the problems as JSON on standard output")
    check.add_argument("--root", default=".", metavar="DIR", help="the site's folder (default: here)")
    check.set_defaults(handler=_check)

    build = commands.add_parser("build", help="build the site into site/",
                                description="Check the data, then build the site.")
    build.add_argument("--root", default=".", metavar="DIR", help="the site's folder (default: here)")
    build.set_defaults(handler=_build)
    return parser


def _check(args: argparse.Namespace, root: Path) -> int:
    """Validate without building; print problems to stderr, or JSON to stdout."""
    problems = check_project(root)
    errors = sum(1 for p in problems if p.is_error)
    if args.json:
        print(problems_to_json(problems))
    else:
        if problems:
            print(format_problems(problems), file=sys.stderr)
        warnings = len(problems) - errors
        print(f"{errors} error(s), {warnings} warning(s)" if problems else "No problems found.", file=sys.stderr)
    return EXIT_ERRORS if errors else EXIT_OK


def _build(args: argparse.Namespace, root: Path) -> int:
    """Build the site with microsite.build (imported here: it pulls in the renderers)."""
    try:
        from .build import build_site
    except ImportError as exc:
        print(f"microsite build: the site builder is not available ({exc}). "
              "Run 'microsite check' to validate the data meanwhile.", file=sys.stderr)
        return EXIT_ERRORS
    try:
        result = build_site(root)
    except SiteDataError as exc:  # in case the builder raises instead of printing
        print(format_problems(exc.problems), file=sys.stderr)
        print("The site was not built: fix the errors above and run the command again.", file=sys.stderr)
        return EXIT_ERRORS
    # build_site returns its exit code (0 built, 1 not built); anything else means it finished.
    return result if isinstance(result, int) and not isinstance(result, bool) else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
