"""Templates compiled by an earlier build are reused, and never once their source or what shapes their code changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, FileSystemLoader
from jinja2.ext import Extension

from conftest_site import build_demo
from microsite.render import html
from microsite.render.compiled import CompiledTemplates

# trim_blocks and lstrip_blocks decide what this compiles to: "  x\n" with ours, "  \n  x\n  " without.
SHAPED = "  {% if true %}\n  x\n  {% endif %}\n"


def _env(folder: Path, source: str, **options) -> Environment:
    """An environment like the package's, on one template, its compiled form kept in ``folder``."""
    return Environment(loader=DictLoader({"t.html": source}), bytecode_cache=CompiledTemplates(folder),
                       **{"autoescape": html._AUTOESCAPE, **html._OPTIONS, **options})


def _never_compiled(env: Environment, monkeypatch) -> Environment:
    monkeypatch.setattr(env, "compile", lambda *args, **kwargs: pytest.fail("compiled again"))
    return env


def test_a_template_compiled_by_an_earlier_build_is_not_compiled_again(tmp_path: Path, monkeypatch) -> None:
    assert _env(tmp_path, "{{ x }}!").get_template("t.html").render(x="<b>") == "&lt;b&gt;!"
    assert len(list(tmp_path.iterdir())) == 1
    later = _never_compiled(_env(tmp_path, "{{ x }}!"), monkeypatch)
    assert later.get_template("t.html").render(x="<b>") == "&lt;b&gt;!"  # still escaped: the same code


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    assert _env(tmp_path, "before").get_template("t.html").render() == "before"
    assert _env(tmp_path, "after").get_template("t.html").render() == "after"


def test_templates_compiled_with_other_options_are_not_reused(tmp_path: Path) -> None:
    assert _env(tmp_path, SHAPED).get_template("t.html").render() == "  x\n"
    assert _env(tmp_path, SHAPED, lstrip_blocks=False).get_template("t.html").render() == "    x\n  "
    assert _env(tmp_path, SHAPED, trim_blocks=False, lstrip_blocks=False).get_template("t.html").render() \
        == "  \n  x\n  "


def test_a_template_compiled_without_autoescaping_is_not_reused_with_it(tmp_path: Path) -> None:
    assert _env(tmp_path, "{{ x }}", autoescape=False).get_template("t.html").render(x="<b>") == "<b>"
    assert _env(tmp_path, "{{ x }}").get_template("t.html").render(x="<b>") == "&lt;b&gt;"


class Shout(Extension):
    """Changes the code a template compiles to, not its source: the kept file's checksum alone cannot tell."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return source.upper()


def test_a_template_compiled_before_an_extension_was_added_is_not_reused(tmp_path: Path) -> None:
    assert _env(tmp_path, "hello").get_template("t.html").render() == "hello"
    env = _env(tmp_path, "hello")
    env.add_extension(Shout)
    assert env.get_template("t.html").render() == "HELLO"


def test_a_folder_that_cannot_be_written_only_costs_the_compiling(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    env = _env(tmp_path / "file" / "compiled", "{{ 1 + 1 }}")  # a file stands where the folder would be made
    assert env.get_template("t.html").render() == "2"


def test_a_damaged_file_is_compiled_again(tmp_path: Path) -> None:
    assert _env(tmp_path, "{{ 1 + 1 }}").get_template("t.html").render() == "2"
    (kept,) = tmp_path.iterdir()
    kept.write_bytes(kept.read_bytes()[:20])
    assert _env(tmp_path, "{{ 1 + 1 }}").get_template("t.html").render() == "2"


def test_a_link_in_place_of_a_kept_file_is_not_read(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "kept"
    assert _env(folder, "{{ 1 + 1 }}").get_template("t.html").render() == "2"
    (kept,) = folder.iterdir()
    outside = tmp_path / "outside.jinja2"
    os.replace(kept, outside)
    kept.symlink_to(outside)
    compiled = []
    env = _env(folder, "{{ 1 + 1 }}")
    original = env.compile
    monkeypatch.setattr(env, "compile", lambda *args, **kwargs: compiled.append(1) or original(*args, **kwargs))
    assert env.get_template("t.html").render() == "2"
    assert compiled == [1]


def test_with_only_under_a_folder_only_its_templates_are_kept(tmp_path: Path, monkeypatch) -> None:
    ours, theirs, kept = tmp_path / "overrides", tmp_path / "theme", tmp_path / "kept"
    for folder, text in ((ours, "ours {% include 'part.html' %}"), (theirs, "theirs")):
        folder.mkdir()
        (folder / ("main.html" if folder == ours else "part.html")).write_text(text, encoding="utf-8")

    def env() -> Environment:
        return Environment(loader=FileSystemLoader([str(ours), str(theirs)]),
                           bytecode_cache=CompiledTemplates(kept, only_under=ours))

    assert env().get_template("main.html").render() == "ours theirs"
    assert len(list(kept.iterdir())) == 1  # main.html only
    later = env()
    compiled = []
    original = later.compile
    monkeypatch.setattr(later, "compile", lambda source, name=None, *args, **kwargs:
                        compiled.append(name) or original(source, name, *args, **kwargs))
    assert later.get_template("main.html").render() == "ours theirs"
    assert compiled == ["part.html"]  # the theme's template compiled as without a cache


def test_the_packages_templates_are_kept_compiled_beside_its_bytecode(tmp_path: Path, monkeypatch) -> None:
    assert html._COMPILED.parent == Path(html.__file__).resolve().parents[1] / "__pycache__"
    monkeypatch.setattr(html, "_COMPILED", tmp_path)
    html._env.cache_clear()
    try:
        html._env().get_template("translation_notice.html")
    finally:
        html._env.cache_clear()
    assert len(list(tmp_path.iterdir())) == 1


def test_the_build_keeps_our_theme_overrides_compiled_and_publishes_the_same_pages(demo, tmp_path: Path) -> None:
    first = build_demo(tmp_path / "one", root=demo.root)
    kept = demo.root / ".cache" / "microsite" / "templates"
    overrides = sorted((demo.root / "overrides").rglob("*.html"))
    assert len(list(kept.iterdir())) == len(overrides)  # Material's own templates are compiled as MkDocs does
    second = build_demo(tmp_path / "two", root=demo.root)
    pages = sorted(p.relative_to(first).as_posix() for p in first.rglob("*.html"))
    assert pages == sorted(p.relative_to(second).as_posix() for p in second.rglob("*.html"))
    assert [p for p in pages if (first / p).read_bytes() != (second / p).read_bytes()] == []
