"""Measure the MkDocs adapter (hooks/): its size, its functions and what it imports.

The adapter is the one part that moves when the platform changes (docs/decisions/0006-platform.md),
so its size is measured the same way before and after code leaves it for the core:

    .venv/bin/python scripts/measure_hooks.py [hooks/site_hooks.py …]

Lines are counted as blank, comment-only, docstring and code; every top-level function is listed
with its length, the MkDocs event handlers (``on_*``) marked.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def measure(path: Path) -> str:
    """Return a plain-text report on one module of the adapter."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    blank = sum(1 for line in lines if not line.strip())
    comments = sum(1 for line in lines if line.strip().startswith("#"))
    docstrings = sum(node.body[0].end_lineno - node.body[0].lineno + 1 for node in ast.walk(tree)
                     if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
                     and ast.get_docstring(node) is not None)
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    imports = [node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.module]
    code = len(lines) - blank - comments - docstrings
    report = [f"{path.relative_to(REPO)}: {len(lines)} lines = {code} code + {docstrings} docstring"
              f" + {comments} comment + {blank} blank",
              f"  {len(functions)} functions, {sum(f.name.startswith('on_') for f in functions)} of them MkDocs "
              f"events; classes: {sum(isinstance(n, ast.ClassDef) for n in tree.body)}",
              f"  imports from mkdocs: {sum(m.split('.')[0] == 'mkdocs' for m in imports)} modules; "
              f"from the core (microsite): {sum(m.split('.')[0] == 'microsite' for m in imports)} modules"]
    for function in functions:
        event = " (event)" if function.name.startswith("on_") else ""
        report.append(f"  {function.name:34} {function.end_lineno - function.lineno + 1:3} lines, "
                      f"L{function.lineno}-{function.end_lineno}{event}")
    return "\n".join(report)


def main(argv: list[str]) -> int:
    paths = [Path(arg).resolve() for arg in argv] or sorted((REPO / "hooks").glob("*.py"))
    print("\n\n".join(measure(path) for path in paths))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
