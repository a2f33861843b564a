"""`microsite check` reads mkdocs.yml as MkDocs does and reports, with the line, what a build would not."""

from __future__ import annotations

import pytest

from conftest_site import build_demo, project_copy
from htmlscan import parse_page
from microsite.check import check_project
from microsite.siteconfig import is_placeholder_repository, is_placeholder_url
from sitefactory import SiteCopy, assert_problem, only

CONFIG = "mkdocs.yml"


def config_line(demo: SiteCopy, needle: str) -> int:
    for number, line in enumerate((demo.root / CONFIG).read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def edit_config(demo: SiteCopy, old: str, new: str) -> None:
    path = demo.root / CONFIG
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(demo: SiteCopy, severity: str = "error"):
    return [p for p in check_project(demo.root) if p.severity == severity]


def test_the_demo_fixtures_configuration_is_clean(demo: SiteCopy):
    assert check_project(demo.root) == []


def test_a_configuration_that_is_not_a_list_of_settings(demo: SiteCopy):
    (demo.root / CONFIG).write_text("- site_name: Społecznie Zorganizowani\n", encoding="utf-8")
    assert_problem(only(problems(demo)), file=CONFIG, line=1, message=("not a list of settings",))


def test_without_the_i18n_plugin_the_languages_are_not_served(demo: SiteCopy):
    text = (demo.root / CONFIG).read_text(encoding="utf-8")
    start = text.index("\nplugins:") + 1
    end = text.index("\nhooks:")
    (demo.root / CONFIG).write_text(text[:start] + "plugins:\n  - search\n" + text[end + 1:], encoding="utf-8")
    found = [p for p in problems(demo) if p.field == "plugins"]
    assert_problem(only(found), file=CONFIG, line=config_line(demo, "plugins:") + 1, field="plugins",
                   message=("i18n plugin",), fix=("plugins:",))


def test_languages_must_be_the_projects_in_its_order(demo: SiteCopy):
    text = (demo.root / CONFIG).read_text(encoding="utf-8")
    pl = text[text.index("        - locale: pl"):text.index("        - locale: en")]
    en = text[text.index("        - locale: en"):text.index("\nhooks:")]
    (demo.root / CONFIG).write_text(text.replace(pl + en, en + "\n" + pl.rstrip("\n")), encoding="utf-8")
    line = config_line(demo, "languages:")
    assert_problem(only(problems(demo)), file=CONFIG, line=line + 1, field="plugins.i18n.languages",
                   message=("en, pl", "pl, en"), fix=("same order", "default language first"))


def test_only_the_first_language_is_the_default(demo: SiteCopy):
    edit_config(demo, "          name: English\n", "          name: English\n          default: true\n")
    line = config_line(demo, "name: English")
    found = only(problems(demo))
    assert_problem(found, file=CONFIG, line=None, field="plugins.i18n.languages[2].default",
                   message=("'pl' is the default language",), fix=("first language only",))
    assert found.location.line > line


def test_a_menu_entry_without_a_page_is_located(demo: SiteCopy):
    edit_config(demo, "            - Partners: partners.md\n",
                "            - Partners: partners.md\n            - Our team: team.md\n")
    line = config_line(demo, "Our team: team.md")
    assert_problem(only(problems(demo)), file=CONFIG, line=line, column=25, field="nav (en)",
                   message=("'team.md'", "content/en/team.md", "content/pl/team.md"), fix=("create the page",))


def test_menus_may_name_generated_pages_and_untranslated_ones(demo: SiteCopy):
    (demo.root / "content" / "en" / "about.md").unlink()  # the English menu falls back to the Polish page
    assert problems(demo) == []
    for page in demo.root.glob("content/*/schedule/index.md"):
        page.unlink()  # the schedule is then the page made from data
    assert problems(demo) == []


@pytest.mark.parametrize("page", ["accessibility.md", "privacy.md", "contact.md"])
def test_every_footer_page_exists(demo: SiteCopy, page: str):
    (demo.root / "content" / "pl" / page).unlink()
    found = [p for p in problems(demo) if p.location.file == f"content/pl/{page}"]
    assert_problem(only(found), file=f"content/pl/{page}", line=None, message=("footer",), fix=("create it",))


def test_a_site_name_that_is_not_the_projects_is_a_warning(demo: SiteCopy):
    edit_config(demo, "          site_name: Socially Organised\n", "          site_name: Neighbours Together\n")
    assert_problem(only(problems(demo, "warning"), "warning"), file=CONFIG,
                   line=config_line(demo, "site_name: Neighbours"), field="plugins.i18n.languages[2].site_name",
                   severity="warning", message=("'Neighbours Together'", "'Socially Organised'"),
                   fix=("site_name: Socially Organised",))


def test_the_generators_wiring_must_be_there(demo: SiteCopy):
    edit_config(demo, "hooks:\n  - hooks/site_hooks.py\n", "")
    edit_config(demo, "  custom_dir: overrides\n", "")
    found = problems(demo)
    assert {p.field for p in found} == {"hooks", "theme.custom_dir"}
    assert all("Traceback" not in str(p) for p in found)


def test_a_missing_configuration_is_named(demo: SiteCopy):
    (demo.root / CONFIG).unlink()
    assert_problem(only(problems(demo)), file=CONFIG, line=None, message=("missing",), fix=("microsite init",))


@pytest.mark.parametrize("url, placeholder", [
    ("https://spolecznie-zorganizowani.example.org/", True), ("https://example.com/", True),
    ("http://localhost:8000/", True), ("https://TODO/", True), ("", True),
    ("https://www.cds.krakow.pl/sz/", False), ("https://owner.github.io/site/", False)])
def test_placeholder_addresses(url, placeholder):
    assert is_placeholder_url(url) is placeholder


def test_placeholder_repositories():
    assert is_placeholder_repository("https://github.com/OWNER/REPO/edit/main/content/")
    assert is_placeholder_repository(None) and is_placeholder_repository("")
    assert not is_placeholder_repository("https://github.com/fundacja/strona/edit/main/content/")


def test_placeholder_address_and_repository_are_warnings_read_through_env(demo: SiteCopy, monkeypatch):
    edit_config(demo, '"https://spolecznie-zorganizowani.test/"', '"https://spolecznie-zorganizowani.example.org/"')
    edit_config(demo, '"https://github.com/microsite-fixtures/demo/edit/main/content/"',
                '"https://github.com/OWNER/REPO/edit/main/content/"')
    monkeypatch.delenv("MICROSITE_SITE_URL", raising=False)
    monkeypatch.delenv("MICROSITE_EDIT_URI", raising=False)
    assert {p.field for p in problems(demo, "warning")} == {"site_url", "edit_uri"}
    monkeypatch.setenv("MICROSITE_SITE_URL", "https://www.cds.krakow.pl/sz/")  # what the workflow sets
    monkeypatch.setenv("MICROSITE_EDIT_URI", "https://github.com/cds/sz/edit/main/content/")
    assert problems(demo, "warning") == []


def test_with_no_repository_there_is_no_edit_button(tmp_path, monkeypatch):
    root = project_copy(tmp_path / "project")
    config = root / CONFIG
    config.write_text(config.read_text(encoding="utf-8").replace("microsite-fixtures/demo", "OWNER/REPO"),
                      encoding="utf-8")
    monkeypatch.delenv("MICROSITE_EDIT_URI", raising=False)
    site = build_demo(tmp_path / "site", root=root)
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    assert [p for p in pages if parse_page(p).find("a", rel="edit") or "OWNER/REPO" in p.read_text()] == []


def test_untranslated_pages_must_fall_back_to_the_default_language(demo: SiteCopy):
    edit_config(demo, "fallback_to_default: true", "fallback_to_default: false")
    assert_problem(only(problems(demo)), file=CONFIG, line=config_line(demo, "fallback_to_default: false"),
                   field="plugins.i18n.fallback_to_default", message=("missing from the other languages",),
                   fix=("fallback_to_default: true",))


def test_a_top_level_menu_is_checked_for_the_languages_that_use_it(demo: SiteCopy):
    text = (demo.root / CONFIG).read_text(encoding="utf-8")
    start = text.index("          nav:\n            - Home: index.md")
    end = text.index("\nhooks:")
    (demo.root / CONFIG).write_text(text[:start].rstrip("\n") + "\nnav:\n  - Home: index.md\n  - Gone: gone.md\n"
                                    + text[end:], encoding="utf-8")
    found = only(problems(demo))
    assert_problem(found, file=CONFIG, line=config_line(demo, "Gone: gone.md"), field="nav (en)",
                   message=("'gone.md'",))


@pytest.mark.parametrize("old, new", [
    ("fallback_to_default: true", "fallback_to_default: yes"), ("default: true", "default: True"),
    ("docs_dir: content", "docs_dir: ./content/"), ("  - hooks/site_hooks.py", "  - ./hooks/site_hooks.py"),
    ("            - Contact: contact.md", "            - Contact: contact.md\n            - Write: mailto:a@b.pl"),
    ("site_name: Społecznie Zorganizowani", "site_name: !ENV {a: b}"),
])
def test_settings_mkdocs_accepts_are_accepted(demo: SiteCopy, old, new):
    edit_config(demo, old, new)
    assert problems(demo) == []


@pytest.mark.parametrize("old, new, field", [
    ("docs_dir: content", "docs_dir: docs", "docs_dir"),
    ("docs_structure: folder", "docs_structure: suffix", "plugins.i18n.docs_structure"),
])
def test_the_pages_must_be_where_the_generator_reads_them(demo: SiteCopy, old, new, field):
    edit_config(demo, old, new)
    assert field in {p.field for p in problems(demo)}


def test_the_generators_folders_must_be_beside_the_configuration(demo: SiteCopy):
    import shutil

    shutil.rmtree(demo.root / "overrides")
    assert_problem(only(problems(demo)), file=CONFIG, line=None, message=("'overrides/' is missing",),
                   fix=("generator's repository",))
