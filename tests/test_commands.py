"""Every command the docs and the program's own hints show works exactly as written, after `make site`.

An editor copies commands from README.md, the guides and the reference, and from
what the program prints ("run '.venv/bin/microsite check'"). `make site` installs
the program into `.venv/`; nothing puts it on the PATH, so `microsite check`
typed as such is "command not found". The commands are collected from the text
(code blocks, code spans, the strings of the program's messages), the notation of
a synopsis expanded (`[--json]` with and without, `event|news` each, `ITEM` a real
item), and each is run from a fresh copy of the demo with `.venv` in it, as on a
machine where `make site` has just run. `make` targets are run with `make -n`
(they exist and their recipe expands); scripts that do long work are asked for
their `--help`.
"""

from __future__ import annotations

import ast
import itertools
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from conftest_site import REPO, project_copy

DOCS = [REPO / "README.md", REPO / "docs" / "hosting.md", REPO / "docs" / "funding-signs.md",
        *sorted((REPO / "docs" / "editors").glob("*.md"))]
PROGRAM = sorted((REPO / "microsite").rglob("*.py"))
RUNNABLE = (".venv/bin/", "make ")
BARE = re.compile(r"^(?:microsite (?:check|build|translations|new|init|images)|python3? |pip |mkdocs (?:serve|build))\b")
"""What does not work as written on a fresh machine: the program, Python or MkDocs without .venv/bin/."""
HINT = re.compile(r"['`](\.venv/bin/microsite [^'`]*)['`]")
PLACEHOLDERS = {"ITEM": "content/en/about.md", "NAME": "test-item", "<id>": "test-item", "<name>": "test-item",
                "<nazwa>": "test-item", "<slug>": "test-item", "KIND": "eu-2021-2027", "CODES": "pl,en"}
_BLOCK = re.compile(r"^[> ]*```[^\n]*\n(.*?)^[> ]*```", re.M | re.S)


def _snippets(text: str) -> list[str]:
    """Return the code of a Markdown text: each line of its code blocks, and each code span."""
    lines = [re.sub(r"^[> ]*", "", line) for block in _BLOCK.findall(text) for line in block.split("\n")]
    prose = _BLOCK.sub("", text)
    lines += re.findall(r"`([^`\n]+)`", prose)
    # A comment after a command ('make serve   # preview at …') is not part of it.
    return [re.split(r"\s{2,}#|\s#\s", line, maxsplit=1)[0].strip() for line in lines]


def _program_strings() -> list[tuple[str, str]]:
    """Return (file, text) of every string in the program that is not documentation: its messages and hints."""
    found = []
    for path in PROGRAM:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # A string standing alone as a statement is documentation (docstrings, attribute docstrings).
        docstrings = {id(node.value) for node in ast.walk(tree)
                      if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                found.append((path.relative_to(REPO).as_posix(), node.value))
    return found


def documented() -> dict[str, str]:
    """Return every command shown, with where it is shown first."""
    commands: dict[str, str] = {}
    for path in DOCS:
        for snippet in _snippets(path.read_text(encoding="utf-8")):
            if snippet.startswith(RUNNABLE) and snippet != "make":
                commands.setdefault(snippet, path.relative_to(REPO).as_posix())
    for file, text in _program_strings():
        for command in HINT.findall(text):
            commands.setdefault(command.strip(), file)
    return commands


def variants(command: str) -> list[list[str]]:
    """Return the command lines a synopsis stands for: optional parts with and without, each alternative."""
    text = command.replace("…", "").replace("ITEM ", "ITEM").strip()
    optional = re.search(r"\[([^\[\]]*)\]", text)
    if optional:
        head, tail = text[:optional.start()], text[optional.end():]
        return variants(head + tail) + variants(head + optional.group(1) + tail)
    words = [word.split("|") if "|" in word and not word.startswith("'") else [word] for word in shlex.split(text)]
    return [[PLACEHOLDERS.get(word, word) for word in line] for line in itertools.product(*words)]


COMMANDS = documented()
RUNS = sorted({tuple(line) for command in COMMANDS for line in variants(command)})


def test_commands_are_found_in_the_docs_and_in_the_hints() -> None:
    # Guards the tests below against passing because nothing was collected.
    places = set(COMMANDS.values())
    assert {"README.md", "docs/editors/guide.pl.md", "docs/editors/guide.en.md"} <= places
    assert any(place.startswith("microsite/") for place in places), "the program's own hints"
    verbs = {run[1] for run in RUNS if run[0] == ".venv/bin/microsite"}
    assert verbs >= {"check", "build", "translations", "new", "init", "images"}


def test_nothing_shows_a_command_that_only_works_elsewhere() -> None:
    bare = [(path.relative_to(REPO).as_posix(), snippet) for path in DOCS
            for snippet in _snippets(path.read_text(encoding="utf-8")) if BARE.match(snippet)]
    bare += [(file, text) for file, text in _program_strings()
             if re.search(r"(?<![\w/.-])microsite (?:check|build|translations|new|init|images)\b", text)]
    assert bare == [], "write these as they run after `make site` (e.g. .venv/bin/microsite check)"


@pytest.mark.parametrize("run", [run for run in RUNS if run[0] == ".venv/bin/microsite"], ids=" ".join)
def test_every_microsite_command_runs_as_written(run: tuple[str, ...], tmp_path: Path) -> None:
    """From the project's folder, on a copy of the demo where `make site` has made .venv."""
    root = project_copy(tmp_path / "project")
    (root / ".venv").symlink_to(REPO / ".venv")
    env = {key: value for key, value in os.environ.items() if not key.startswith("MICROSITE_")}
    result = subprocess.run(list(run), cwd=root, env=dict(env, NO_MKDOCS_2_WARNING="1"), capture_output=True,
                            text=True, timeout=300)
    asks_first = run[1] == "init" and "--yes" not in run  # it says what it would remove, and stops
    assert result.returncode == (2 if asks_first else 0), f"{' '.join(run)}:\n{result.stdout}{result.stderr}"
    if asks_first:
        assert "--yes" in result.stderr


@pytest.mark.parametrize("run", [run for run in RUNS if run[0] == "make"], ids=" ".join)
def test_every_make_target_exists(run: tuple[str, ...]) -> None:
    result = subprocess.run(["make", "-n", *run[1:]], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"{' '.join(run)}:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("run", [run for run in RUNS if run[0].startswith(".venv/bin/")
                                 and run[0] != ".venv/bin/microsite"], ids=" ".join)
def test_every_other_tool_runs_as_written(run: tuple[str, ...], tmp_path: Path) -> None:
    """Scripts are asked for their --help (they draw images or run Chromium); pre-commit installs for real."""
    if run[0] == ".venv/bin/pre-commit":
        root = project_copy(tmp_path / "project")
        (root / ".venv").symlink_to(REPO / ".venv")
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        cwd = root
    else:
        cwd = REPO
        run = (*run, "--collect-only") if "pytest" in run else (*run, "--help") if "--help" not in run else run
    result = subprocess.run(list(run), cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(run)}:\n{result.stdout}{result.stderr}"
