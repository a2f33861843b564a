"""`microsite init`: the demo goes, a new project in its languages and for its funder comes, nothing false stays.

Every step the editors' guide describes is run here: init, the TODO blanks the check reports (each with
its file and line), filling them in, a clean check and a build that holds the invariants of any project,
and new images after a change of name.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest_site import build_demo, project_copy
from microsite.check import check_project
from microsite.cli import main
from microsite.images import image_name
from site_invariants import assert_site_invariants
from sitefactory import fill_in_todos

NAME = "Zielone Podwórka"
DEMO_WORDS = ("Społecznie Zorganizowani", "Socially Organised", "Krosno", "Centrum Doradztwa")


def init(root: Path, *args: str) -> int:
    return main(["init", "--root", str(root), *args])


def project_text(root: Path) -> str:
    files = [root / "mkdocs.yml", *root.glob("data/*.yaml"), *root.rglob("content/**/*.md"),
             *root.rglob("content/**/*.svg")]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository as it is cloned: the demo project and the generator's parts."""
    return project_copy(tmp_path / "repo")


def test_without_yes_it_says_what_would_go_and_removes_nothing(repo, capsys):
    before = project_text(repo)
    assert init(repo, "--languages", "pl,en", "--funding", "eea-grants", "--name", NAME) == 2
    err = capsys.readouterr().err
    assert "mkdocs.yml, data, content" in err and "--yes" in err
    assert project_text(repo) == before


@pytest.mark.parametrize("args, words", [
    (("--languages", "pl,de", "--funding", "eea-grants"), "microsite/catalogues/de.yaml"),
    (("--languages", "pl", "--funding", "eea-grants"), "two or more"),
    (("--languages", "pl,en", "--funding", "eu"), "eu-2021-2027"),
    (("--languages", "pl,en", "--funding", "none", "--timezone", "Europe/Krakow"), "Europe/"),
])
def test_a_wrong_request_changes_nothing_and_says_why(repo, capsys, args, words):
    before = project_text(repo)
    assert init(repo, *args, "--name", NAME, "--yes") == 2
    assert words in capsys.readouterr().err
    assert project_text(repo) == before


def test_the_demo_goes_and_every_blank_is_reported_where_it_is(repo, capsys):
    assert init(repo, "--languages", "pl,en,uk", "--funding", "eu-2021-2027", "--name", NAME, "--yes") == 0
    text = project_text(repo)
    assert not [word for word in DEMO_WORDS if word in text]
    assert sorted(p.relative_to(repo).as_posix() for p in (repo / "content" / "assets").rglob("*") if p.is_file()) \
        == ["content/assets/favicon.svg", "content/assets/og/en.png", "content/assets/og/pl.png",
            "content/assets/og/uk.png"]
    errors = [p for p in check_project(repo) if p.is_error]
    assert errors and all("placeholder" in p.message and p.location.line > 0 for p in errors), \
        "\n".join(map(str, errors))
    fields = {p.field for p in errors if p.location.file == "data/project.yaml"}
    assert {"title.pl", "title.en", "title.uk", "summary.uk", "programme.pl", "funding.statement.en",
            "contact.name"} <= fields
    for page in ("accessibility", "privacy", "contact"):
        assert any(p.location.file == f"content/pl/{page}.md" for p in errors)


@pytest.mark.parametrize("funding, languages", [("eu-2021-2027", "pl,en,uk"), ("eu-2014-2020", "pl,en"),
                                                ("eea-grants", "en,pl"), ("norway-grants", "pl,uk"),
                                                ("eea-norway-grants", "pl,en"), ("other", "en,pl,uk"),
                                                ("none", "uk,pl")])
def test_filled_in_it_checks_clean_and_builds_a_site_of_its_own(repo, tmp_path, funding, languages):
    assert init(repo, "--languages", languages, "--funding", funding, "--name", NAME, "--yes") == 0
    fill_in_todos(repo)
    problems = check_project(repo)
    assert [str(p) for p in problems if p.is_error] == []
    # What is left are reminders: the address, the repository, and the official file of a trademarked sign.
    assert {p.field for p in problems} <= {"site_url", "edit_uri", *(f"funding.logos.{s}" for s in
                                                                      ("funds", "eea-grants", "norway-grants",
                                                                       "eea-norway-grants"))}
    site = build_demo(tmp_path / "site", root=repo, base_url="https://zielone-podworka.test/")
    assert_site_invariants(repo, site, base_url="https://zielone-podworka.test/", scratch=tmp_path / "feeds")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert NAME in home and not [word for word in DEMO_WORDS if word in home]
    assert ('class="ms-funding"' in home) is (funding != "none")
    # The contact page shows the organisation named in data/project.yaml (its blank filled in as "Tekst …").
    contact = (site / "contact" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<div class=\"ms-contact\">\s*<p><strong>Tekst data/project\.yaml \d+</strong>",
                     contact)


def test_its_images_carry_its_name_and_the_check_notices_a_new_name(repo, capsys):
    assert init(repo, "--languages", "pl,en", "--funding", "eea-grants", "--name", NAME, "--yes") == 0
    fill_in_todos(repo)
    assert image_name(repo / "content" / "assets" / "favicon.svg") == NAME
    assert image_name(repo / "content" / "assets" / "og" / "en.png") == NAME
    project = repo / "data" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace('en: "Zielone Podwórka"', "en: Green Backyards"),
                       encoding="utf-8")
    stale = [p for p in check_project(repo) if "drawn for" in p.message]
    assert [(p.location.file, p.severity) for p in stale] == [("content/assets/og/en.png", "warning")]
    assert "microsite images" in stale[0].fix
    assert main(["images", "--root", str(repo)]) == 0
    assert [p for p in check_project(repo) if "drawn for" in p.message] == []
    assert image_name(repo / "content" / "assets" / "og" / "en.png") == "Green Backyards"
    assert image_name(repo / "content" / "assets" / "favicon.svg") == NAME  # the default language's name


def test_the_demos_own_images_are_noticed_in_another_project(repo):
    """A project written over the demo's files, keeping its icon and images, is told they are the demo's."""
    project = repo / "data" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("  pl: Społecznie Zorganizowani\n",
                                                                   "  pl: Zielone Podwórka\n"), encoding="utf-8")
    stale = {p.location.file for p in check_project(repo) if "drawn for" in p.message}
    assert stale == {"content/assets/favicon.svg", "content/assets/og/pl.png"}


def test_a_name_with_quotes_and_markup_is_written_as_text(repo, tmp_path):
    name = 'Dom "Pod Lipami" <&>'
    assert init(repo, "--languages", "pl,en", "--funding", "none", "--name", name, "--yes") == 0
    fill_in_todos(repo)
    assert [str(p) for p in check_project(repo) if p.is_error] == []
    site = build_demo(tmp_path / "site", root=repo)
    html = (site / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "Dom &#34;Pod Lipami&#34; &lt;&amp;&gt;" in html or "Dom &quot;Pod Lipami&quot; &lt;&amp;&gt;" in html


@pytest.mark.parametrize("timezone, law, currency", [("Europe/Warsaw", True, "PLN"), ("Europe/London", False, "GBP")])
def test_the_statement_cites_the_polish_act_only_for_a_project_in_poland(repo, timezone, law, currency):
    assert init(repo, "--languages", "en,pl", "--funding", "other", "--name", NAME, "--timezone", timezone,
                "--yes") == 0
    for lang in ("en", "pl"):
        statement = (repo / "content" / lang / "accessibility.md").read_text(encoding="utf-8")
        assert ("4 April 2019" in statement or "4 kwietnia 2019" in statement) is law
    project = (repo / "data" / "project.yaml").read_text(encoding="utf-8")
    assert f"# currency: {currency}" in project
    country = "PL" if law else "GB"
    assert f"country: {country}" in (repo / "data" / "partners.yaml").read_text(encoding="utf-8")


def test_the_preview_images_text_alternative_says_what_the_image_shows(repo, tmp_path):
    from htmlscan import parse_page

    assert init(repo, "--languages", "pl,en", "--funding", "eea-grants", "--name", NAME, "--yes") == 0
    fill_in_todos(repo)

    def alt() -> str:
        site = build_demo(tmp_path / "site", root=repo)
        return next(a["content"] for a in parse_page(site / "index.html").find("meta")
                    if a.get("property") == "og:image:alt")

    assert alt() == NAME  # init draws the name only: its title was not written yet
    assert main(["images", "--root", str(repo)]) == 0
    title = re.search(r'^  pl: "?(Tekst [^"\n]*)"?$', (repo / "data" / "project.yaml").read_text(encoding="utf-8"),
                      re.M).group(1)
    assert alt() == f"{NAME}. {title}"


def test_an_image_that_records_what_it_shows_is_not_relabelled():
    from microsite.images import preview_png, record_name

    with pytest.raises(ValueError):
        record_name(preview_png(NAME), "Another name", "Another name")
