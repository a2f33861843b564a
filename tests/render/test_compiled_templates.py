"""Our templates compiled by an earlier build are reused, and never once their source or our options changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from microsite.render import html

# trim_blocks and lstrip_blocks decide what this compiles to: "  x\n" with ours, "  \n  x\n  " without.
SHAPED = "  {% if true %}\n  x\n  {% endif %}\n"


def _env(folder: Path, source: str) -> Environment:
    """An environment like the package's, on one template, its compiled form kept in ``folder``."""
    cache = html._CompiledTemplates()
    cache.directory = str(folder)
    return Environment(loader=DictLoader({"t.html": source}), autoescape=html._AUTOESCAPE, bytecode_cache=cache,
                       **html._OPTIONS)


def test_a_template_compiled_by_an_earlier_build_is_not_compiled_again(tmp_path: Path, monkeypatch) -> None:
    assert _env(tmp_path, "{{ x }}!").get_template("t.html").render(x="<b>") == "&lt;b&gt;!"
    assert len(list(tmp_path.iterdir())) == 1
    later = _env(tmp_path, "{{ x }}!")
    monkeypatch.setattr(later, "compile", lambda *args, **kwargs: pytest.fail("compiled again"))
    assert later.get_template("t.html").render(x="<b>") == "&lt;b&gt;!"  # still escaped: the same code


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    assert _env(tmp_path, "before").get_template("t.html").render() == "before"
    assert _env(tmp_path, "after").get_template("t.html").render() == "after"


def test_templates_compiled_with_other_options_are_not_reused(tmp_path: Path, monkeypatch) -> None:
    assert _env(tmp_path, SHAPED).get_template("t.html").render() == "  x\n"
    monkeypatch.setitem(html._OPTIONS, "trim_blocks", False)
    monkeypatch.setitem(html._OPTIONS, "lstrip_blocks", False)
    assert _env(tmp_path, SHAPED).get_template("t.html").render() == "  \n  x\n  "


def test_a_folder_that_cannot_be_written_only_costs_the_compiling(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    env = _env(tmp_path / "file" / "compiled", "{{ 1 + 1 }}")  # a file stands where the folder would be made
    assert env.get_template("t.html").render() == "2"


def test_the_packages_templates_are_kept_compiled_beside_its_bytecode(tmp_path: Path, monkeypatch) -> None:
    assert html._COMPILED.parent == Path(html.__file__).resolve().parents[1] / "__pycache__"
    monkeypatch.setattr(html, "_COMPILED", tmp_path)
    html._env.cache_clear()
    try:
        html._env().get_template("translation_notice.html")
    finally:
        html._env.cache_clear()
    assert len(list(tmp_path.iterdir())) == 1
