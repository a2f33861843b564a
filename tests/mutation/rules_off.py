"""Switch every validation rule off, one at a time, and say which ones no test notices.

A rule is a place in the core that reports a problem: a call of ``ctx.error`` / ``ctx.warn`` (or
``config.error`` in siteconfig.py), or a ``Problem(...)`` built directly. For each one this script

1. records, in one run of the in-process tests, which tests reach it (``Problem`` is wrapped and the
   call site is read from the stack);
2. writes a copy of the package with that one rule neutralised (the statement becomes ``pass``, or the
   problem is left out of the list it was returned in) and runs, in a fresh process with the copy first
   on ``PYTHONPATH``, only the tests that reached it, stopping at the first failure;
3. reports the rule as *caught* when a test failed, *survived* when all passed, *unreached* when no
   in-process test reaches it.

Usage (from the repository): ``.venv/bin/python tests/mutation/rules_off.py [--jobs 2] [--out FILE]``;
``make mutation`` runs it. Exit status 1 when a rule survives or is unreached, unless it is listed in
``tests/mutation/survivors.md`` with the reason it is harmless.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "microsite"
RULE_FILES = ("fields.py", "load.py", "funding.py", "vocabulary.py", "siteconfig.py", "pages.py", "yamlsource.py",
              "catalogue.py", "news.py", "placeholders.py", "markers.py", "images.py", "sources.py", "check.py",
              "translations.py", "history.py", "printed/strip.py")
"""The modules whose rules are switched off: every module that reports a problem in what the editors wrote."""
TESTS = ("tests/test_validation.py", "tests/test_validation_properties.py", "tests/test_funding.py",
         "tests/test_vocabulary.py", "tests/test_siteconfig.py", "tests/test_pages.py", "tests/test_editor_slips.py",
         "tests/test_hostile_yaml.py", "tests/test_catalogues.py", "tests/test_reference_docs.py",
         "tests/test_editors_guide.py", "tests/test_sources.py", "tests/test_translations.py",
         "tests/test_history.py", "tests/test_newsfeed.py", "tests/test_one_reading.py", "tests/render/test_blocks.py",
         "tests/test_printed.py", "tests/test_scaffold.py", "-k", "not the_build_refuses and not a_hostile_file_fails")
"""The tests that judge the rules in process (about 15 s of CPU): a build through MkDocs runs in a subprocess that
does not import the copy, so the two hostile-file tests that build or run the CLI are left out."""
SURVIVORS = REPO / "tests" / "mutation" / "survivors.md"
_REPORTERS = {"error", "warn"}
_HELPERS = {"error", "warn", "_add"}
"""The reporting methods themselves: a site inside them is every rule at once, not one rule."""


@dataclass
class Site:
    """One rule: where it is and what it says."""

    file: str
    line: int
    function: str
    message: str
    tests: set[str] = field(default_factory=set)
    verdict: str = ""

    @property
    def key(self) -> str:
        return f"{self.file}:{self.line}"


def find_sites() -> dict[str, Site]:
    """Return every reporting call in the rule files, by ``file:line``."""
    sites: dict[str, Site] = {}
    for name in RULE_FILES:
        tree = ast.parse((PACKAGE / name).read_text(encoding="utf-8"))
        for function in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
            if function.name in _HELPERS:
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Call) and _is_report(node):
                    site = Site(f"microsite/{name}", node.lineno, function.name, _message(node))
                    sites.setdefault(site.key, site)
    return sites


def _is_report(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "Problem"
    if isinstance(func, ast.Attribute) and func.attr in _REPORTERS:
        receiver = ast.unparse(func.value)
        return receiver.endswith("ctx") or receiver == "config"
    return False


def _message(call: ast.Call) -> str:
    """Return the rule's message as written (its first string argument), shortened."""
    for arg in call.args:
        if isinstance(arg, (ast.Constant, ast.JoinedStr)):
            text = arg.value if isinstance(arg, ast.Constant) else ast.unparse(arg)[2:-1]
            if isinstance(text, str):
                return text[:90]
    return ast.unparse(call)[:90]


# --- 1. which tests reach which rule ------------------------------------------------------------

_RECORDER = '''
import sys, json, pytest
from pathlib import Path
from microsite import errors

FILES = {str(Path(p).resolve()) for p in sys.argv[1].split(",")}
HELPERS = {"error", "warn", "_add"}
hits = {}
current = [None]
original = errors.Problem.__init__

def recording(self, *args, **kwargs):
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename in FILES and frame.f_code.co_name not in HELPERS:
            key = f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}"
            hits.setdefault(key, set()).add(current[0])
            break
        frame = frame.f_back
    original(self, *args, **kwargs)

errors.Problem.__init__ = recording

class Plugin:
    def pytest_runtest_setup(self, item):
        current[0] = item.nodeid

code = pytest.main(["-q", "-p", "no:cacheprovider", "-x", *sys.argv[3:]], plugins=[Plugin()])
Path(sys.argv[2]).write_text(json.dumps({k: sorted(v) for k, v in hits.items()}))
sys.exit(code)
'''


def record(sites: dict[str, Site], scratch: Path) -> float:
    """Run the tests once and fill in which reach each site; return the CPU seconds it took."""
    out = scratch / "hits.json"
    files = ",".join(str(PACKAGE / name) for name in RULE_FILES)
    started = _children_cpu()
    done = subprocess.run([sys.executable, "-c", _RECORDER, files, str(out), *TESTS], cwd=REPO, env=_env(None),
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"the tests do not pass before any rule is switched off:\n{done.stdout[-4000:]}\n{done.stderr[-2000:]}")
    hits = json.loads(out.read_text())
    by_line = {(Path(s.file).name, s.line): s for s in sites.values()}
    for key, tests in hits.items():
        name, line = key.rsplit(":", 1)
        site = by_line.get((name, int(line)))
        if site is None:  # a multi-line call reports the line of its first argument's call, or the site's own
            site = _enclosing(sites, name, int(line))
        if site is not None:
            site.tests.update(tests)
    return _children_cpu() - started


def _enclosing(sites: dict[str, Site], name: str, line: int) -> Site | None:
    """Return the site whose call spans ``line`` in file ``name`` (the nearest one starting before it)."""
    before = [s for s in sites.values() if Path(s.file).name == name and s.line <= line]
    return max(before, key=lambda s: s.line) if before and line - max(s.line for s in before) <= 6 else None


# --- 2. one rule off ------------------------------------------------------------------------------

class _Off(ast.NodeTransformer):
    """Neutralise the reporting call that starts on ``line``."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.done = False

    def visit_ListComp(self, node: ast.ListComp) -> ast.AST:
        if not self.done and isinstance(node.elt, ast.Call) and node.elt.lineno == self.line and _is_report(node.elt):
            self.done = True
            return ast.List([], ast.Load())  # [Problem(...) for …] → []
        return self.generic_visit(node)

    def generic_visit(self, node: ast.AST) -> ast.AST:
        for name, value in ast.iter_fields(node):
            if isinstance(value, list):
                kept = []
                for item in value:
                    if isinstance(item, ast.AST) and not self.done and self._direct(item):
                        replaced = self._replace(item)
                        self.done = True
                        if replaced is not None:
                            kept.append(replaced)
                        continue
                    kept.append(self.visit(item) if isinstance(item, ast.AST) else item)
                if value and not kept and name in ("body", "orelse", "finalbody") and isinstance(node, ast.stmt):
                    kept = [ast.Pass()]
                setattr(node, name, kept)
            elif isinstance(value, ast.AST):
                if not self.done and isinstance(value, ast.Call) and value.lineno == self.line and _is_report(value) \
                        and isinstance(node, ast.Return):
                    node.value = ast.Constant(None)  # return Problem(...) → return None
                    self.done = True
                else:
                    setattr(node, name, self.visit(value))
        return node

    def _direct(self, item: ast.AST) -> bool:
        """Say whether ``item`` is the statement or list element that carries the rule's call."""
        if isinstance(item, ast.Call):  # an element of a list literal: [Problem(...)]
            return item.lineno == self.line and _is_report(item)
        if isinstance(item, ast.Assign):  # found[key] = Problem(...)
            return isinstance(item.value, ast.Call) and item.value.lineno == self.line and _is_report(item.value)
        if isinstance(item, ast.Expr):  # ctx.error(...); problems.append(Problem(...)); yield Problem(...)
            value = item.value
            if isinstance(value, (ast.Yield, ast.Await)):
                value = value.value
            if isinstance(value, ast.Call) and value.lineno == self.line and _is_report(value):
                return True
            return isinstance(value, ast.Call) and any(
                isinstance(a, ast.Call) and a.lineno == self.line and _is_report(a) for a in value.args)
        return False

    @staticmethod
    def _replace(item: ast.AST) -> ast.AST | None:
        if isinstance(item, ast.Expr) and isinstance(item.value, ast.Yield):
            return ast.If(ast.Constant(False), [item], [])  # stays a generator, yields nothing here
        if isinstance(item, (ast.Expr, ast.Assign)):
            return ast.Pass()
        return None  # left out of its list


def switched_off(source: str, line: int) -> str | None:
    """Return the module's source with the rule on ``line`` neutralised, or None if it cannot be."""
    tree = ast.parse(source)
    off = _Off(line)
    tree = off.visit(tree)
    if not off.done:
        return None
    ast.fix_missing_locations(tree)
    return ast.unparse(tree)


def run_without(site: Site, scratch: Path, timeout: float) -> str:
    """Run the site's tests against a copy of the package with the site off; return the verdict."""
    if not site.tests:
        return "unreached"
    copy = scratch / re.sub(r"\W", "_", site.key)
    shutil.copytree(PACKAGE, copy / "microsite", ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / site.file
    changed = switched_off(target.read_text(encoding="utf-8"), site.line)
    if changed is None:
        shutil.rmtree(copy)
        return "not switched"
    target.write_text(changed, encoding="utf-8")
    tests = sorted(site.tests)
    try:
        # -P: the repository (the working directory) must not come before the copy on sys.path.
        done = subprocess.run([sys.executable, "-P", "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-p",
                               "no:randomly", *tests], cwd=REPO, env=_env(copy), capture_output=True, text=True,
                              timeout=timeout)
        verdict = "caught" if done.returncode == 1 else "survived" if done.returncode == 0 else \
            f"error {done.returncode}"
    except subprocess.TimeoutExpired:
        verdict = "caught (timeout)"
    shutil.rmtree(copy)
    return verdict


def _env(copy: Path | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("MICROSITE_")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if copy is not None:
        # The copy first, then the repository (for bench/ and scripts/, which some tests import).
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(copy), str(REPO), env.get("PYTHONPATH")]))
    return env


def _children_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


# --- 3. report -------------------------------------------------------------------------------------

def known_survivors() -> set[str]:
    """Return the sites listed in survivors.md as harmless (lines like '- `microsite/x.py:12` …')."""
    if not SURVIVORS.exists():
        return set()
    return set(re.findall(r"`(microsite/[\w/]+\.py:\d+)`", SURVIVORS.read_text(encoding="utf-8")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--only", default="", help="a substring of the sites to run (e.g. load.py)")
    parser.add_argument("--out", type=Path, help="write the verdicts as JSON here")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    wall = time.monotonic()
    sites = {k: s for k, s in find_sites().items() if args.only in k}
    with tempfile.TemporaryDirectory(prefix="rules-off-") as scratch:
        cpu = record(sites, Path(scratch))
        started = _children_cpu()
        with ThreadPoolExecutor(args.jobs) as pool:
            for site, verdict in zip(sites.values(), pool.map(
                    lambda s: run_without(s, Path(scratch), args.timeout), sites.values())):
                site.verdict = verdict
        cpu += _children_cpu() - started
    listed = known_survivors()
    per_file: dict[str, list[int]] = {}
    for site in sites.values():
        caught = site.verdict.startswith("caught")
        per_file.setdefault(site.file, [0, 0])[0] += caught
        per_file[site.file][1] += 1
        if not caught:
            mark = "listed" if site.key in listed else "NEW"
            print(f"{site.verdict:>12}  {site.key:<28} {site.function}: {site.message}  [{mark}]")
    print("\nrules switched off one at a time: caught / all")
    for name, (caught, total) in sorted(per_file.items()):
        print(f"  {name:<28} {caught:>3} / {total:<3} {100 * caught / total:5.1f} %")
    total_caught = sum(c for c, _ in per_file.values())
    total = sum(t for _, t in per_file.values())
    print(f"  {'all':<28} {total_caught:>3} / {total:<3}"
          f"  ({cpu:.0f} s CPU in test processes, {time.monotonic() - wall:.0f} s wall)")
    if args.out:
        args.out.write_text(json.dumps({s.key: {"verdict": s.verdict, "function": s.function, "message": s.message,
                                                "tests": len(s.tests)} for s in sites.values()}, indent=1))
    new = [s for s in sites.values() if not s.verdict.startswith("caught") and s.key not in listed]
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
