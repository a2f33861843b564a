"""Throw-away copies of the demo site, patched one file at a time.

Why: every validation test starts from data that is known to be valid and
changes exactly one thing, so the problems reported must be the one the test
made. Line numbers are found by searching for text, never hard-coded, so the
tests keep working when the demo data grows.
"""

from __future__ import annotations

import itertools
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from conftest_site import DEMO, project_copy
from microsite.errors import Problem, SiteDataError
from microsite.load import check_site, load_site
from microsite.model import Site

__all__ = ["SiteCopy", "assert_problem", "copy_demo", "fill_in_todos", "only"]


def copy_demo(dest: Path, source: Path = DEMO) -> "SiteCopy":
    """Copy the demo project (its data, pages, files and mkdocs.yml, with the generator's parts) into ``dest``."""
    return SiteCopy(project_copy(dest, source))


@dataclass(frozen=True)
class SiteCopy:
    """A site folder a test may change; file names are relative to ``data/``."""

    root: Path

    # --- reading ---------------------------------------------------------------------------

    def path(self, name: str) -> Path:
        """Return the path of a data file (``events.yaml``)."""
        return self.root / "data" / name

    def display(self, name: str) -> str:
        """Return the file name as problems show it (``data/events.yaml``)."""
        return f"data/{name}"

    def read(self, name: str) -> str:
        """Return a data file's text."""
        return self.path(name).read_text(encoding="utf-8")

    def lines(self, name: str) -> list[str]:
        """Return a data file's lines, without line ends."""
        return self.read(name).split("\n")

    def line_of(self, name: str, needle: str, *, after: int = 0) -> int:
        """Return the 1-based number of the first line after line ``after`` containing ``needle``."""
        for number, line in enumerate(self.lines(name), start=1):
            if number > after and needle in line:
                return number
        raise AssertionError(f"{needle!r} not found in {name} after line {after}")

    def column_of(self, name: str, needle: str, *, line: int | None = None) -> int:
        """Return the 1-based column where ``needle`` starts on ``line`` (default: its first line)."""
        number = line if line is not None else self.line_of(name, needle)
        column = self.lines(name)[number - 1].find(needle)
        assert column >= 0, f"{needle!r} is not on line {number} of {name}"
        return column + 1

    def entry_index(self, name: str, line: int) -> int:
        """Return the 1-based index of the top-level list entry (``  - ``) that contains ``line``."""
        starts = [n for n, text in enumerate(self.lines(name), start=1) if text.startswith("  - ")]
        before = [n for n in starts if n <= line]
        assert before, f"line {line} of {name} is not inside a list entry"
        return len(before)

    # --- writing ---------------------------------------------------------------------------

    def write(self, name: str, text: str) -> None:
        """Replace a data file's whole text."""
        self.path(name).write_text(text, encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> int:
        """Replace the first occurrence of ``old``; return the line it started on."""
        text = self.read(name)
        index = text.find(old)
        assert index >= 0, f"{old!r} not found in {name}"
        self.write(name, text[:index] + new + text[index + len(old):])
        return text.count("\n", 0, index) + 1

    def replace_line(self, name: str, number: int, new: str) -> None:
        """Replace line ``number`` (1-based) with ``new``."""
        lines = self.lines(name)
        lines[number - 1] = new
        self.write(name, "\n".join(lines))

    def insert_after(self, name: str, needle: str, block: str) -> int:
        """Insert ``block`` (whole lines) after the first line containing ``needle``; return its first line."""
        number = self.line_of(name, needle)
        lines = self.lines(name)
        lines[number:number] = block.rstrip("\n").split("\n")
        self.write(name, "\n".join(lines))
        return number + 1

    def append(self, name: str, block: str) -> int:
        """Append ``block`` to a data file (created if missing); return the line it starts on."""
        text = self.read(name) if self.path(name).exists() else ""
        if text and not text.endswith("\n"):
            text += "\n"
        self.write(name, text + block)
        return text.count("\n") + 1

    def add_file(self, relative: str, data: bytes = b"%PDF-1.4\n") -> Path:
        """Create a file below ``content/`` (a logo, a document) and return its path."""
        path = self.root / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    # --- checking --------------------------------------------------------------------------

    def check(self) -> list[Problem]:
        """Return every problem, errors and warnings."""
        return check_site(self.root)

    def errors(self) -> list[Problem]:
        """Return the errors only."""
        return [p for p in self.check() if p.is_error]

    def warnings(self) -> list[Problem]:
        """Return the warnings only."""
        return [p for p in self.check() if not p.is_error]

    def load(self) -> tuple[Site, list[Problem]]:
        """Load the site; fail the test with every problem listed if it does not load."""
        try:
            return load_site(self.root)
        except SiteDataError as exc:
            raise AssertionError(f"the site should load, but:\n{exc}") from None


def only(problems: list[Problem], severity: str = "error") -> Problem:
    """Return the one problem of ``severity``; fail listing them all if there is not exactly one."""
    found = [p for p in problems if p.severity == severity]
    assert len(found) == 1, f"expected one {severity}, got {len(found)}:\n" + "\n".join(map(str, problems))
    return found[0]


def assert_problem(problem: Problem, *, file: str, line: int | None, column: int | None = None,
                   field: str | None = None, message: tuple[str, ...] = (), fix: tuple[str, ...] = (),
                   severity: str = "error") -> None:
    """Check where a problem points and the key words of its message and fix (case-insensitive)."""
    shown = str(problem)
    assert problem.location.file == file, shown
    if line is not None:
        assert problem.location.line == line, shown
    if column is not None:
        assert problem.location.column == column, shown
    if field is not None:
        assert problem.field == field, shown
    for word in message:
        assert word.lower() in problem.message.lower(), f"{word!r} not in the message of: {shown}"
    for word in fix:
        assert word.lower() in problem.fix.lower(), f"{word!r} not in the fix of: {shown}"
    assert problem.severity == severity, shown
    assert "Traceback" not in shown and "Node(" not in shown, shown


def fill_in_todos(root: Path) -> None:
    """Do what an editor does after ``microsite init``: replace every TODO with real words (here: test words).

    Dates and addresses get values of their kind; every other blank gets words naming its file and place,
    so no two pages end up with the same title or description.
    """
    (root / "content" / "assets" / "funding").mkdir(parents=True, exist_ok=True)
    (root / "content" / "assets" / "funding" / "funder.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    for path in [*root.glob("data/*.yaml"), *root.rglob("content/**/*.md")]:
        where = path.relative_to(root).as_posix()
        numbers = itertools.count(1)
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'datetime="TODO-[A-Z-]+"', 'datetime="2027-01-15"', text)
        text = text.replace("mailto:TODO", "mailto:biuro@example.org").replace("tel:TODO", "tel:+48120000000")
        text = re.sub(r'"TODO: assets/funding/[^"]*"', '"assets/funding/funder.svg"', text)
        text = re.sub(r"TODO:[^\"<\n]*", lambda m: f"Tekst {where} {next(numbers)}", text)
        path.write_text(text, encoding="utf-8")
