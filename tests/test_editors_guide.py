"""The editors' guide shows only examples that work and errors the program really gives.

Editors copy the guide's YAML into their files, so every ``yaml`` block titled
``data/<file>.yaml`` is added to a fresh copy of the demo and must pass
``microsite check`` with no problem at all. Every block marked ``mistake`` is
added the same way, and the output printed after it in the guide must be what
``microsite check`` prints (line numbers aside: they depend on the demo's length).
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from microsite.check import check_project
from microsite.cli import main
from conftest_site import DEMO, REPO, project_copy
from sitefactory import fill_in_todos

GUIDES = {lang: REPO / "docs" / "editors" / f"guide.{lang}.md" for lang in ("pl", "en")}
_BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```[ \t]*$", re.M | re.S)


@dataclass(frozen=True)
class Block:
    """One fenced code block of a guide."""

    kind: str
    """The fence's language: yaml, markdown, text."""
    title: str | None
    """The file the example belongs in (``data/events.yaml``), if any."""
    mistake: bool
    body: str


def blocks(text: str) -> list[Block]:
    """Return the guide's top-level code blocks in order (blocks inside '>' boxes are prose)."""
    found = []
    for kind, info, body in _BLOCK.findall(text):
        title = re.search(r'title="([^"]+)"', info)
        found.append(Block(kind, title.group(1) if title else None, "mistake" in info.split(), body))
    return found


def _read(lang: str) -> str:
    return GUIDES[lang].read_text(encoding="utf-8")


def examples(lang: str) -> list[Block]:
    """Return the examples an editor is told to copy: titled, not marked as mistakes."""
    return [b for b in blocks(_read(lang)) if b.title and not b.mistake]


def mistakes(lang: str) -> list[tuple[Block, str]]:
    """Return each mistake with the output block that follows it."""
    found = blocks(_read(lang))
    pairs = []
    for i, block in enumerate(found):
        if block.mistake:
            assert i + 1 < len(found) and found[i + 1].kind == "text", f"{block.title}: no output after the mistake"
            pairs.append((block, found[i + 1].body))
    return pairs


_UPLOADED = {".svg": b"<svg xmlns='http://www.w3.org/2000/svg' width='60' height='40'/>"}
"""What an uploaded file holds: a sign must be a real SVG (the poster prints it); other files are not read."""


def _site_with(tmp_path: Path, block: Block, *, with_assets: bool) -> Path:
    """Copy the demo and put ``block`` where the guide tells the editor to."""
    root = tmp_path / "site"
    project_copy(root)
    # The guide's examples are dated when editors read it (2026–2027); the demo project ended in 2020, and
    # events outside a project's period are warned about. Here the project runs until the examples' time.
    project = root / "data" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("end: 2020-12-31", "end: 2027-12-31"),
                       encoding="utf-8")
    target = root / block.title
    if block.kind == "yaml":
        # Entries go at the end of the file's list; a missing file starts with its list's name. A block
        # that starts with a top-level field (``funding:``) replaces that field, as the guide says to.
        text = target.read_text(encoding="utf-8") if target.exists() else f"{target.stem}:\n"
        field = re.match(r"^([a-z_]+):", block.body)
        if field:
            text = re.sub(rf"^{field.group(1)}:.*?(?=^\S|\Z)", "", text, flags=re.M | re.S)
        target.write_text(text + "\n" + block.body, encoding="utf-8")
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block.body, encoding="utf-8")
    if with_assets:  # the logo or PDF the editor uploads first
        for asset in re.findall(r"assets/[\w./-]+\.\w+", block.body):
            path = root / "content" / asset
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(_UPLOADED.get(path.suffix, b"placeholder"))
    return root


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_every_example_passes_the_check(lang: str, tmp_path: Path) -> None:
    found = examples(lang)
    assert len(found) >= 10
    for number, block in enumerate(found):
        root = _site_with(tmp_path / str(number), block, with_assets=True)
        problems = check_project(root)
        assert problems == [], f"guide.{lang}.md, example for {block.title}:\n{block.body}\ngives {problems}"


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_every_yaml_block_is_checked(lang: str) -> None:
    # A YAML example without a file name would be copied by editors but never verified here.
    untitled = [b.body for b in blocks(_read(lang)) if b.kind == "yaml" and not (b.title or "").startswith("data/")]
    assert untitled == []


def _normalise(output: str) -> list[str]:
    """Hide what depends on the demo's length: line:column, list positions, 'line N' references."""
    text = re.sub(r":\d+:\d+:", ":L:C:", output)
    text = re.sub(r"\[\d+\]", "[N]", text)
    text = re.sub(r"\(line \d+\)", "(line N)", text)
    return [line.rstrip() for line in text.strip().split("\n")]


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_error_examples_show_the_real_output(lang: str, tmp_path: Path) -> None:
    found = mistakes(lang)
    assert len(found) >= 8
    for number, (block, shown) in enumerate(found):
        root = _site_with(tmp_path / str(number), block, with_assets=False)
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["check", "--root", str(root)])
        assert code == 1, f"guide.{lang}.md: the mistake for {block.title} is not an error:\n{block.body}"
        assert _normalise(err.getvalue()) == _normalise(shown), f"guide.{lang}.md quotes stale output"


def test_examples_cover_each_chapter() -> None:
    bodies = "\n".join(b.body for b in examples("pl"))
    for needle in ("status: postponed", "status: rescheduled", "previous_start:", "status: cancelled",
                   "status: moved_online", "venue: rckp-krosno", "repeat:", "except:", "cancelled: [", "logo:",
                   "kind: duty_hours"):
        assert needle in bodies, needle
    titles = {b.title for b in examples("pl")}
    assert {"data/events.yaml", "data/venues.yaml", "data/partners.yaml", "data/documents.yaml",
            "content/pl/news/2026-05-nabor.md", "content/en/news/2026-05-nabor.md"} <= titles


def test_both_guides_show_the_same_examples_and_output() -> None:
    def comparable(block: Block) -> tuple:
        body = "\n".join(re.sub(r"\s+#.*$", "", line) for line in block.body.split("\n"))
        return block.kind, block.title, block.mistake, body if block.kind == "yaml" else block.body

    pl, en = ([comparable(b) for b in blocks(_read(lang))] for lang in ("pl", "en"))
    assert pl == en


def test_both_guides_have_the_same_chapters() -> None:
    def chapters(text: str) -> list[str]:
        return re.findall(r"^## (\d+)\. ", text, re.M)

    pl, en = chapters(_read("pl")), chapters(_read("en"))
    assert pl == en and len(pl) >= 13


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_links_in_the_guide_lead_somewhere(lang: str) -> None:
    prose = _BLOCK.sub("", _read(lang))  # links inside example pages are relative to content/<lang>/
    targets = re.findall(r"\]\(([^)#]+\.md)\)", prose)
    assert len(targets) >= 3
    for target in targets:
        assert (GUIDES[lang].parent / target).is_file(), target


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_the_guide_is_linked_from_the_readme_and_the_reference(lang: str) -> None:
    assert f"docs/editors/guide.{lang}.md" in (REPO / "README.md").read_text(encoding="utf-8")
    reference = (REPO / "docs" / "editors" / f"reference.{lang}.md").read_text(encoding="utf-8")
    assert f"(guide.{lang}.md)" in reference


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_starting_a_new_project_works_step_by_step_as_written(lang: str, tmp_path: Path) -> None:
    """Chapter 14: run every command it shows, in order, on a clone; fill the blanks as an editor would."""
    chapter = _read(lang).split("\n## 14. ", 1)[1]
    commands = [shlex.split(line)[1:] for block in blocks(chapter) if block.kind == "text"
                for line in block.body.split("\n") if line.startswith(".venv/bin/microsite ")]
    assert [c[0] for c in commands] == ["init", "check", "images"]
    root = project_copy(tmp_path / "clone")
    outputs = []
    for number, command in enumerate(commands):
        if command[0] == "check" and number:
            errors = [p for p in check_project(root) if p.is_error]
            assert errors and all("placeholder" in p.message for p in errors)  # the TODO blanks init left
            fill_in_todos(root)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            outputs.append(main([command[0], "--root", str(root), *command[1:]]))
        assert outputs[-1] == 0, f"guide.{lang}.md: {' '.join(command)} failed:\n{err.getvalue()}"
    assert "Zielone Podwórka" in (root / "data" / "project.yaml").read_text(encoding="utf-8")
    assert not (root / "content" / "pl" / "study-visit-2018.md").exists()  # the demo is gone
