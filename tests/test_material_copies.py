"""What overrides/ copies from Material is still Material's, but for our one change in each copy.

overrides/main.html copies Material's ``config`` block (with the search worker's hashed
file name), overrides/partials/search.html its search box,
overrides/partials/javascripts/base.html its storage helpers, and overrides/partials/alternate.html its
language selector. A Material upgrade that changes
an original would leave our copy stale without a word, so each copy is compared with the
installed Material's after our change is taken out; a difference names the override to
update. (The patch of Material's bundle guards itself: the build fails, hooks/site_hooks.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

import material

from conftest_site import REPO

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = REPO / "overrides"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _tokens(template: str) -> list[str]:
    """Return a template's words; comments and Jinja's whitespace control change nothing a copy does."""
    template = re.sub(r"{#.*?#}", "", template, flags=re.S)
    return re.sub(r"({%|{{)-|-(%}|}})", r"\1\2", template).split()


def _block(template: str, name: str) -> str:
    match = re.search(rf"{{%-?\s*block {name}\s*-?%}}(.*?){{%-?\s*endblock\s*-?%}}", template, re.S)
    assert match, f"no block {name}"
    return match.group(1)


def test_the_search_worker_main_html_names_is_materials() -> None:
    (worker,) = re.findall(r'"(assets/javascripts/workers/search\.\w+\.min\.js)"', _read(OVERRIDES / "main.html"))
    assert (MATERIAL / worker).is_file(), (
        f"overrides/main.html names {worker}, which Material {material.__version__} does not have: "
        "copy the worker's name from its base.html")


def test_the_config_block_is_materials_but_for_the_search_base() -> None:
    ours = _block(_read(OVERRIDES / "main.html"), "config")
    assert '"base": search_base' in ours, "our one change: each language searches its own index"
    ours = re.sub(r"{%-?\s*set search_base\b.*?-?%}", "", ours, flags=re.S).replace(
        '"base": search_base', '"base": base_url')
    assert _tokens(ours) == _tokens(_block(_read(MATERIAL / "base.html"), "config")), (
        f"Material {material.__version__} changed its config block: copy it into overrides/main.html again")


def test_the_search_box_is_materials_but_for_its_name() -> None:
    ours = _read(OVERRIDES / "partials" / "search.html")
    named = """role="dialog" aria-label="{{ lang.t('search') }}">"""
    assert named in ours, "our one change: the search dialog has a name"
    ours = ours.replace(named, 'role="dialog">', 1)
    assert _tokens(ours) == _tokens(_read(MATERIAL / "partials" / "search.html")), (
        f"Material {material.__version__} changed its search box: copy it into overrides/partials/search.html again")


def test_the_storage_helpers_are_materials_but_store_nothing() -> None:
    ours = _read(OVERRIDES / "partials" / "javascripts" / "base.html")
    theirs = _read(MATERIAL / "partials" / "javascripts" / "base.html")
    ours_script, ours_helpers = re.search(r"(<script>.*?)(__md_get=.*?</script>)", ours, re.S).groups()
    theirs_script, theirs_helpers = re.search(r"(<script>.*?)(__md_get=.*?</script>)", theirs, re.S).groups()
    assert ours_script == theirs_script, "Material changed the scope or hash helpers: copy them again"
    # Material reads and writes the browser's storage through these two helpers only.
    assert re.findall(r"__md_(\w+)=", theirs_helpers) == ["get", "set"], theirs_helpers
    assert ours_helpers == "__md_get=()=>null,__md_set=()=>{}</script>"


def test_the_language_selector_is_materials_but_names_each_language_in_it() -> None:
    ours = _read(OVERRIDES / "partials" / "alternate.html")
    named = 'hreflang="{{ alt.lang }}" lang="{{ alt.lang }}"'
    assert named in ours, "our one change: each language's name is marked as written in that language"
    ours = ours.replace(named, 'hreflang="{{ alt.lang }}"', 1)
    assert _tokens(ours) == _tokens(_read(MATERIAL / "partials" / "alternate.html")), (
        f"Material {material.__version__} changed its language selector: copy it into overrides/partials/alternate.html")
