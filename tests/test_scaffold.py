"""`microsite new`: items in every language whose TODO blanks fail `check` until they are filled."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest_site import project_copy
from microsite.check import check_project
from microsite.cli import main
from microsite.errors import SiteDataError
from microsite.scaffold import create

TODAY = date(2026, 11, 21)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    project_copy(root)
    return root


def errors(root: Path) -> list[str]:
    return [str(p) for p in check_project(root) if p.is_error]


def fill(path: Path, replacements: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for pattern, value in replacements.items():
        text, count = re.subn(pattern, value, text)
        assert count, pattern
    path.write_text(text, encoding="utf-8")


def test_new_event_fails_check_at_each_blank_until_filled(project):
    events = project / "data/events.yaml"
    header = events.read_text(encoding="utf-8").split("\n")[:4]
    assert main(["new", "event", "info-krosno-2027-01", "--root", str(project)]) == 0
    lines = events.read_text(encoding="utf-8").split("\n")
    assert lines[:4] == header, "the file's comments stay"
    found = errors(project)
    blanks = {"title.pl", "title.en", "start", "end", "venue"}
    assert len(found) == len(blanks)
    for problem in found:
        assert re.match(r"data/events\.yaml:\d+:\d+: events\[10\]\.(\S+): still holds the placeholder \"TODO", problem)
    assert {re.search(r"events\[10\]\.(\S+):", p).group(1) for p in found} == blanks
    line = int(found[0].split(":")[1])
    assert "TODO" in lines[line - 1], "the line number points at the blank"

    fill(events, {r'pl: "TODO: tytuł[^"]*"': "pl: Spotkanie informacyjne w Krośnie",
                  r'en: "TODO: the event[^"]*"': "en: Information meeting in Krosno",
                  r'start: "TODO[^"]*"': "start: 2027-01-14 17:00",
                  r'end: "TODO[^"]*"': "end: 2027-01-14 19:00",
                  r'venue: "TODO[^"]*"': "venue: cwop-krosno"})
    assert errors(project) == []


def test_new_partner_fails_until_filled_and_the_website_line_may_be_deleted(project):
    create(project, "partner", "fundacja-przyklad", today=TODAY)
    assert len(errors(project)) == 5  # name, country (never assumed), website, description in pl and en
    fill(project / "data/partners.yaml", {r'name: "TODO[^"]*"': "name: Fundacja Przykład",
                                          r'country: "TODO[^"]*"': "country: PL",
                                          r'\n *website: "TODO[^"]*"': "",
                                          r'pl: "TODO[^"]*"': "pl: Fundacja działa w Krośnie.",
                                          r'en: "TODO[^"]*"': "en: The foundation works in Krosno."})
    assert errors(project) == []


@pytest.mark.parametrize("kind, name, relative", [("news", "2026-11-nabor", "news/2026-11-nabor.md"),
                                                   ("page", "regulamin", "regulamin.md")])
def test_new_news_or_page_writes_both_languages_and_fails_until_filled(project, kind, name, relative):
    made = create(project, kind, name, today=TODAY)
    assert made.files == (f"content/pl/{relative}", f"content/en/{relative}")
    found = errors(project)
    assert {p.split(":")[0] for p in found} == set(made.files)
    assert all("still holds a placeholder" in p for p in found)
    pl = (project / "content/pl" / relative).read_text(encoding="utf-8")
    assert (f"date: {TODAY.isoformat()}" in pl) == (kind == "news")
    for lang in ("pl", "en"):
        fill(project / "content" / lang / relative, {r"TODO: [^\n\"]*": f"Prawdziwy tekst {lang}"})
    assert errors(project) == []
    assert ("nav:" in made.next_steps) == (kind == "page")


def test_refuses_a_taken_id_a_bad_id_or_an_existing_page(project):
    with pytest.raises(SiteDataError, match="already used"):
        create(project, "event", "wizyta-studyjna-2018", today=TODAY)
    with pytest.raises(SiteDataError, match="not a valid id"):
        create(project, "partner", "Fundacja X", today=TODAY)
    with pytest.raises(SiteDataError, match="already exists"):
        create(project, "page", "about", today=TODAY)
    assert errors(project) == [], "nothing was written"


def test_an_empty_events_list_gets_its_first_entry(project):
    (project / "data/events.yaml").write_text("# Events.\nevents: []\n", encoding="utf-8")
    create(project, "event", "pierwsze", today=TODAY)
    text = (project / "data/events.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Events.\nevents:\n") and "  - id: pierwsze\n" in text
    assert all("events[1]" in p for p in errors(project))


def test_a_list_that_is_not_last_in_its_file_is_not_edited_blindly(project):
    path = project / "data/events.yaml"
    before = path.read_text(encoding="utf-8") + "other: 1\n"
    path.write_text(before, encoding="utf-8")
    with pytest.raises(SiteDataError, match="not the last list"):
        create(project, "event", "nowe", today=TODAY)
    assert path.read_text(encoding="utf-8") == before


def test_the_command_prints_what_it_wrote_and_what_to_do(project, capsys):
    assert main(["new", "news", "2026-11-nabor", "--root", str(project)]) == 0
    out, err = capsys.readouterr()
    assert out.split("\n")[:2] == ["wrote content/pl/news/2026-11-nabor.md", "wrote content/en/news/2026-11-nabor.md"]
    assert "microsite check" in err
    assert main(["new", "venue", "x", "--root", str(project)]) == 2
