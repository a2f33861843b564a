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
from datetime import date
from collections.abc import Sequence
from pathlib import Path

from .errors import SiteDataError, format_problems, problems_to_json
from . import scaffold, starter
from .check import check_project
from .printed import PrintCache
from .funding import FUNDING_KINDS
from .translations import mark_translations, shell_word, translation_report

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
    parser = argparse.ArgumentParser(prog=".venv/bin/microsite",
                                     description="Check and build a project's multilingual microsite.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate the data and pages without building",
                                description="Check data/*.yaml and the Markdown pages; print every problem.")
    check.add_argument("--json", action="store_true", help="print the problems as JSON on standard output")
    check.add_argument("--root", default=".", metavar="DIR", help="the site's folder (default: here)")
    check.set_defaults(handler=_check)

    translations = commands.add_parser(
        "translations", help="list translations that are missing or older than their source",
        description="List, per language, every page and YAML text that is missing or stale (its source "
                    "changed after it was translated). 'mark' records that translations are up to date.")
    translations.add_argument("--json", action="store_true", help="print the state of every item as JSON")
    translations.add_argument("--strict", action="store_true",
                              help="exit 1 when anything is missing or stale (for CI)")
    translations.add_argument("--root", default=".", metavar="DIR", help="the site's folder (default: here)")
    translations.set_defaults(handler=_translations)
    marking = translations.add_subparsers(dest="action", metavar="ACTION")
    mark = marking.add_parser("mark", help="record that translations are up to date with their source",
                              description="Record that the given translations were made from the current "
                                          "source. ITEM is printed by '.venv/bin/microsite translations'.")
    mark.add_argument("items", nargs="*", metavar="ITEM", help="e.g. content/en/about.md or "
                      "data/events.yaml:events.info-meeting.title")
    mark.add_argument("--all", action="store_true", help="mark every existing translation")
    mark.add_argument("--root", default=argparse.SUPPRESS, metavar="DIR", help="the site's folder (default: here)")
    mark.set_defaults(handler=_mark)

    new = commands.add_parser("new", help="start a new event, news post, partner or page in every language",
                              description="Write a new item in every language with TODO placeholders; "
                                          "'.venv/bin/microsite check' reports them until they are filled.")
    new.add_argument("what", choices=scaffold.KINDS, help="what to add")
    new.add_argument("name", help="its id (event, partner) or file name (news, page), e.g. info-meeting-2027-01")
    new.add_argument("--root", default=".", metavar="DIR", help="the site's folder (default: here)")
    new.set_defaults(handler=_new)

    init = commands.add_parser(
        "init", help="turn this repository into a new project (removes the demo)",
        description="Replace the project in this repository (mkdocs.yml, data/, content/, site/) by a new one "
                    "in the given languages and funding kind, with TODO blanks that '.venv/bin/microsite check' "
                    "reports "
                    "until they are filled. The generator's own files are not touched.")
    init.add_argument("--languages", required=True, metavar="CODES", help="the site's languages, the default "
                      "first, e.g. pl,en or pl,en,uk")
    init.add_argument("--funding", required=True, metavar="KIND", help="the funding kind: " + ", ".join(FUNDING_KINDS))
    init.add_argument("--name", required=True, help="the project's short name, e.g. \"Zielone Podwórka\"")
    init.add_argument("--timezone", default="Europe/Warsaw", metavar="ZONE",
                      help="where the project happens (default: Europe/Warsaw)")
    init.add_argument("--yes", action="store_true", help="replace the existing project without asking")
    init.add_argument("--root", default=".", metavar="DIR", help="the repository's folder (default: here)")
    init.set_defaults(handler=_init)

    images = commands.add_parser("images", help="draw the favicon and link-preview images from the project's name",
                                 description="Draw content/assets/favicon.svg and content/assets/og/<lang>.png "
                                             "from data/project.yaml (short name and title), without a browser.")
    images.add_argument("--root", default=".", metavar="DIR", help="the site's folder (default: here)")
    images.set_defaults(handler=_images)

    build = commands.add_parser("build", help="build the site into site/",
                                description="Check the data, then build the site.")
    build.add_argument("--root", default=".", metavar="DIR", help="the site's folder (default: here)")
    build.set_defaults(handler=_build)
    return parser


def _check(args: argparse.Namespace, root: Path) -> int:
    """Validate without building; print problems to stderr, or JSON to stdout."""
    problems = check_project(root, print_cache=PrintCache.of_project(root))
    errors = sum(1 for p in problems if p.is_error)
    if args.json:
        print(problems_to_json(problems))
    else:
        if problems:
            print(format_problems(problems), file=sys.stderr)
        warnings = len(problems) - errors
        print(f"{errors} error(s), {warnings} warning(s)" if problems else "No problems found.", file=sys.stderr)
    return EXIT_ERRORS if errors else EXIT_OK


def _translations(args: argparse.Namespace, root: Path) -> int:
    """Print the missing and stale translations as a table (stderr summary) or JSON."""
    try:
        report = translation_report(root)
    except SiteDataError as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return EXIT_ERRORS
    todo = report.problems()
    if args.json:
        print(report.to_json())
    elif todo:
        # HASH is the source version to record once the translation is done (by hand, without 'mark').
        rows = [("LANGUAGE", "STATE", "ITEM", "HASH", "WHY")]
        rows += [(e.lang, e.state.value, shell_word(e.item), e.source_hash, e.why) for e in todo]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[4])
    if not args.json:
        if todo:
            print(f"\n{len(todo)} of {len(report.entries)} translations need work. After translating, "
                  "run '.venv/bin/microsite translations mark ITEM' (or copy the hash, see the editors' guide).",
                  file=sys.stderr)
        else:
            print(f"All {len(report.entries)} translations are up to date.", file=sys.stderr)
    return EXIT_ERRORS if args.strict and todo else EXIT_OK


def _mark(args: argparse.Namespace, root: Path) -> int:
    """Record the current source hash for the given translations (or all of them)."""
    if bool(args.items) == bool(args.all):
        print(".venv/bin/microsite translations mark: give the ITEMs to mark, or --all (not both)", file=sys.stderr)
        return EXIT_USAGE
    try:
        marked = mark_translations(root, None if args.all else args.items)
    except SiteDataError as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return EXIT_ERRORS
    for entry in marked:
        print(f"marked {entry.lang} {entry.item} as translated from {entry.source_hash}")
    return EXIT_OK


def _new(args: argparse.Namespace, root: Path) -> int:
    """Scaffold an item in every language and say what to fill in."""
    try:
        written = scaffold.create(root, args.what, args.name, today=date.today())
    except SiteDataError as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return EXIT_ERRORS
    return _report(written)


def _report(written: scaffold.Scaffold) -> int:
    """Print the files written (stdout) and what the editor does next (stderr)."""
    for path in written.files:
        print(f"wrote {path}")
    print(written.next_steps, file=sys.stderr)
    return EXIT_OK


def _init(args: argparse.Namespace, root: Path) -> int:
    """Replace the project by a new one, after saying what goes (unless --yes)."""
    existing = starter.project_parts(root)
    if existing and not args.yes:
        print(f".venv/bin/microsite init replaces this repository's project: {', '.join(existing)} would be removed "
              "(the generator's files stay). Run it again with --yes to go ahead.", file=sys.stderr)
        return EXIT_USAGE
    languages = tuple(code.strip() for code in args.languages.split(",") if code.strip())
    try:
        started = starter.start_project(root, languages=languages, funding=args.funding, name=args.name,
                                        timezone=args.timezone)
    except SiteDataError as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return EXIT_USAGE
    return _report(started)


def _images(args: argparse.Namespace, root: Path) -> int:
    """Draw the icon and preview images from the project's short name and title."""
    from .images import draw_images
    from .load import load_site

    try:
        site, _ = load_site(root)
    except SiteDataError as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        print("The images are drawn from data/project.yaml: fix the errors above first.", file=sys.stderr)
        return EXIT_ERRORS
    project = site.project
    names = {lang: project.short_name.in_(lang) for lang in site.languages}
    for path in draw_images(root, names, {lang: project.title.in_(lang) for lang in site.languages}):
        print(f"wrote {path}")
    return EXIT_OK


def _build(args: argparse.Namespace, root: Path) -> int:
    """Build the site with microsite.build (imported here: it pulls in the renderers); 0 built, 1 not built.

    The builder prints every problem itself and leaves the previous site in place when it fails.
    """
    from .build import build_site

    return build_site(root)


if __name__ == "__main__":
    raise SystemExit(main())
