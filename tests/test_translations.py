"""Translation state: a change to a source makes exactly its translations stale; marking clears it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest_site import DEMO
from microsite.check import check_project
from microsite.errors import SiteDataError
from microsite.cli import main
from microsite.translations import (State, content_hash, mark_translations, page_source_hash,
                                    translation_report)

ABOUT_EN = "content/en/about.md"
FIRST_TITLE = "data/events.yaml:events.wizyta-studyjna-2018.title"
OLD_FIRST_TITLE = "data/events.yaml:events[wizyta-studyjna-2018].title"
"""How version 1 named it, as the demo's data/translations.yaml still does."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the demo's data and pages that a test may change."""
    root = tmp_path / "site"
    shutil.copytree(DEMO / "data", root / "data")
    shutil.copytree(DEMO / "content", root / "content", ignore=shutil.ignore_patterns("assets"))
    return root


def todo(root: Path) -> list[tuple[str, str, str]]:
    return [(e.lang, e.state.value, e.item) for e in translation_report(root).problems()]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_demo_is_fully_translated_and_marked():
    report = translation_report(DEMO)
    assert report.problems() == ()
    kinds = {e.is_page for e in report.entries}
    assert kinds == {True, False}, "both pages and YAML fields are tracked"
    assert {e.item for e in report.entries} >= {ABOUT_EN, FIRST_TITLE, "data/partners.yaml:partners.cds.description"}


def test_changing_a_polish_page_makes_exactly_its_english_page_stale(project):
    edit(project / "content/pl/about.md", "Krosnem", "Krosnem (zmiana)")
    assert todo(project) == [("en", "stale", ABOUT_EN)]
    entry = translation_report(project).problems()[0]
    assert entry.recorded and entry.recorded != entry.source_hash
    assert entry.why == "the source changed after this translation was made"


def test_changing_a_polish_title_in_front_matter_makes_the_page_stale(project):
    edit(project / "content/pl/about.md", "title: ", "title: Nowy ")
    assert todo(project) == [("en", "stale", ABOUT_EN)]


def test_layout_settings_and_line_endings_do_not_make_a_page_stale(project):
    source = project / "content/pl/about.md"
    edit(source, "---\n", "---\nhide:\n  - toc\n")
    source.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))
    assert todo(project) == []


def test_the_hash_is_blind_to_windows_and_old_mac_line_endings():
    # git hands back a version as committed: a page committed from Windows keeps its CRLF there, while the
    # working copy is read with universal newlines. Both must hash alike or it never counts as written together.
    assert content_hash("Akapit\r\ndrugi wiersz\r\n") == content_hash("Akapit\ndrugi wiersz\n")
    assert content_hash("Akapit\rdrugi wiersz") == content_hash("Akapit\ndrugi wiersz")
    assert content_hash("Akapit\r\n\r\ndrugi") != content_hash("Akapit\ndrugi")  # a blank line still counts


def test_changing_an_english_page_alone_does_not_make_anything_stale(project):
    edit(project / ABOUT_EN, "Krosno", "Krosno (en)")
    assert todo(project) == []


def test_changing_a_polish_field_makes_exactly_its_english_field_stale(project):
    edit(project / "data/events.yaml", "pl: Wizyta studyjna w Wielkiej Brytanii",
         "pl: Wizyta studyjna w Zjednoczonym Królestwie")
    assert todo(project) == [("en", "stale", FIRST_TITLE)]


def test_reordering_entries_keeps_fields_matched_by_id(project):
    path = project / "data/partners.yaml"
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition("  - id: cds")
    cds, _, others = rest.partition("  - id: british-council")
    path.write_text(head + "  - id: british-council" + others.rstrip("\n") + "\n\n  - id: cds" + cds,
                    encoding="utf-8")
    assert [line for line in path.read_text().splitlines() if "- id:" in line][0] == "  - id: british-council"
    assert todo(project) == []


def test_updating_the_translation_and_marking_it_clears_the_page(project):
    edit(project / "content/pl/about.md", "Krosnem", "Krosnem (zmiana)")
    edit(project / ABOUT_EN, "Krosno", "Krosno (changed)")
    before = (project / ABOUT_EN).read_text(encoding="utf-8").split("\n")
    assert main(["translations", "mark", ABOUT_EN, "--root", str(project)]) == 0
    assert todo(project) == []
    after = (project / ABOUT_EN).read_text(encoding="utf-8").split("\n")
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(changed) == 1, "only the translated_from line changes"
    assert changed[0][1] == f'translated_from: "{page_source_hash(project / "content/pl/about.md")}"'


def test_marking_a_field_writes_its_record_and_clears_it(project):
    edit(project / "data/events.yaml", "pl: Wizyta studyjna w Wielkiej Brytanii", "pl: Wizyta studyjna w UK")
    marked = mark_translations(project, [FIRST_TITLE])
    assert [(e.lang, e.item) for e in marked] == [("en", FIRST_TITLE)]
    assert todo(project) == []
    records = (project / "data/translations.yaml").read_text(encoding="utf-8")
    assert f'"{FIRST_TITLE}": "{content_hash("Wizyta studyjna w UK")}"' in records


def test_marking_writes_into_the_front_matter_even_when_the_body_quotes_it(project):
    # A page that shows its own front matter as an example (an editors' guide does) has that text twice.
    page = project / ABOUT_EN
    text = page.read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    page.write_text(text + "\n```yaml\n---\n" + front + "---\n```\n", encoding="utf-8")
    edit(project / "content/pl/about.md", "Krosnem", "Krosnem (zmiana)")
    mark_translations(project, [ABOUT_EN])
    record = f'translated_from: "{page_source_hash(project / "content/pl/about.md")}"'
    head, example = page.read_text(encoding="utf-8").split("```yaml\n")
    assert record in head.split("---\n")[1]  # the page's own front matter
    assert example == "---\n" + front + "---\n```\n"  # the example as the editor wrote it
    assert todo(project) == []


def test_a_page_with_no_record_is_stale_until_marked(project):
    edit(project / ABOUT_EN, "translated_from:", "old_note:")
    [entry] = translation_report(project).problems()
    assert (entry.item, entry.state, entry.recorded) == (ABOUT_EN, State.STALE, "")
    assert "not marked" in entry.why
    mark_translations(project, None)
    assert todo(project) == []


def test_missing_page_and_missing_optional_field_are_reported_as_missing(project):
    (project / "content/en/contact.md").unlink()
    edit(project / "data/events.yaml",
         "      en: One of the working meetings planned as part of the analysis of the testing stage.\n", "")
    assert todo(project) == [
        ("en", "missing", "content/en/contact.md"),
        ("en", "missing", "data/events.yaml:events.spotkanie-robocze-krakow-2020-02-20.description"),
    ]
    with pytest.raises(Exception, match="no translation to mark"):
        mark_translations(project, ["content/en/contact.md"])


def test_records_of_fields_that_no_longer_exist_are_forgotten(project):
    path = project / "data/events.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: spotkanie-robocze-krakow-2020-02-20")
    path.write_text(text[:start], encoding="utf-8")
    mark_translations(project, None)
    assert "spotkanie-robocze-krakow" not in (project / "data/translations.yaml").read_text(encoding="utf-8")


def test_command_table_json_and_strict_exit_codes(project, capsys):
    assert main(["translations", "--strict", "--root", str(project)]) == 0
    edit(project / "content/pl/about.md", "Krosnem", "Krosnem (zmiana)")
    capsys.readouterr()
    assert main(["translations", "--root", str(project)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["LANGUAGE", "STATE", "ITEM", "HASH", "WHY"]
    assert out.splitlines()[1].split()[:4] == ["en", "stale", ABOUT_EN, page_source_hash(project / "content/pl/about.md")]
    assert main(["translations", "--strict", "--root", str(project)]) == 1
    capsys.readouterr()
    assert main(["translations", "--json", "--root", str(project)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["default_language"] == "pl" and data["version"] == 2
    assert data["summary"]["stale"] == 1 and data["summary"]["missing"] == 0
    stale = [row for row in data["items"] if row["state"] == "stale"]
    assert [row["item"] for row in stale] == [ABOUT_EN]
    assert set(stale[0]) >= {"lang", "item", "source", "state", "source_hash", "recorded", "why"}


def test_marking_an_unknown_item_is_a_clear_error(project, capsys):
    assert main(["translations", "mark", "content/en/nope.md", "--root", str(project)]) == 1
    assert "copy the ITEM exactly as `.venv/bin/microsite translations` prints it" in capsys.readouterr().err
    with pytest.raises(SiteDataError) as raised:
        mark_translations(project, ["content/en/nope.md"])
    (problem,) = raised.value.problems
    assert (problem.location.file, problem.message) == ("content/en/nope.md", "is not a translated page or field")
    assert main(["translations", "mark", "--root", str(project)]) == 2


def test_a_broken_records_file_is_reported_by_check_with_its_line(project):
    path = project / "data/translations.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(n for n, l in enumerate(text.split("\n"), 1) if OLD_FIRST_TITLE in l)
    path.write_text(text.replace(f'"{OLD_FIRST_TITLE}": "', f'"{OLD_FIRST_TITLE}": "zz'), encoding="utf-8")
    problems = [p for p in check_project(project) if p.location.file == "data/translations.yaml"]
    assert [(p.location.line, p.message) for p in problems] == [(line, "is not a 12-digit hash")]


def test_every_broken_hash_of_a_language_is_reported_not_only_the_first(project):
    (project / "data/translations.yaml").write_text(
        'en:\n  "data/events.yaml:a.title": zz\n  "data/events.yaml:b.title": "123"\n', encoding="utf-8")
    problems = [p for p in check_project(project) if p.location.file == "data/translations.yaml"]
    assert [(p.location.line, p.field, p.message) for p in problems] == [
        (2, "en.data/events.yaml:a.title", "is not a 12-digit hash"),
        (3, "en.data/events.yaml:b.title", "is not a 12-digit hash")]


@pytest.mark.parametrize("text, line, field, message", [
    ("- en\n- uk\n", 1, "", "the file is not a list of languages"),
    ("en:\n  - a list, not item: hash lines\n", 2, "en", "is not a list of 'item: hash' lines"),
    ("en: all translated\n", 1, "en", "is not a list of 'item: hash' lines"),
])
def test_a_records_file_of_another_shape_is_reported_by_check(project, text, line, field, message):
    (project / "data/translations.yaml").write_text(text, encoding="utf-8")
    problems = [p for p in check_project(project) if p.location.file == "data/translations.yaml"]
    assert [(p.location.line, p.field, p.message) for p in problems] == [(line, field, message)]


def test_a_language_with_nothing_recorded_yet_is_no_problem(project):
    # 'en:' with no lines under it is an empty list to an editor, not a mistake.
    (project / "data/translations.yaml").write_text("en:\nuk:\n", encoding="utf-8")
    assert [p for p in check_project(project) if p.location.file == "data/translations.yaml"] == []


def test_the_report_refuses_a_project_whose_languages_cannot_be_read(project):
    edit(project / "data/project.yaml", "languages: [pl, en]", "languages: [pl, en")
    with pytest.raises(SiteDataError) as raised:
        translation_report(project)
    (problem,) = raised.value.problems
    assert (problem.location.file, problem.field) == ("data/project.yaml", "languages")
    assert "cannot be read" in problem.message and "microsite check" in problem.fix


# --- ids any shell takes as they are ------------------------------------------------------------


def test_every_item_the_table_prints_is_one_word_in_a_strict_shell(project, capsys):
    # zsh (macOS's shell) refuses an unquoted word with [...] that matches no file; bash does the same
    # with failglob. Every ITEM of the table must reach the command it is pasted into unchanged.
    (project / "data/translations.yaml").unlink()  # every data text unmarked: every kind of item listed
    (project / "content/pl/z odstępem.md").write_text("---\ntitle: T\ndescription: D\n---\n", encoding="utf-8")
    (project / "content/en/z odstępem.md").write_text("---\ntitle: T\ndescription: E\n---\n", encoding="utf-8")
    assert main(["translations", "--root", str(project)]) == 0
    rows = capsys.readouterr().out.strip().split("\n")[1:]
    items = [e.item for e in translation_report(project).problems()]
    assert len(rows) == len(items) > 30 and any(".sessions." in i for i in items)
    for row, item in zip(rows, items):
        cell = re.split(" {2,}", row)[2]
        shown = subprocess.run(["bash", "-O", "failglob", "-c", f"printf '%s' {cell}"], cwd=project,
                               capture_output=True, text=True)
        assert (shown.returncode, shown.stdout) == (0, item), row


def test_items_named_as_before_still_work(project):
    """Records written with version 1's names count, 'mark' takes them, and writes today's names."""
    assert OLD_FIRST_TITLE in (project / "data/translations.yaml").read_text(encoding="utf-8")
    assert todo(project) == []
    edit(project / "data/events.yaml", "pl: Wizyta studyjna w Wielkiej Brytanii", "pl: Wizyta studyjna w UK")
    assert todo(project) == [("en", "stale", FIRST_TITLE)]
    mark_translations(project, [OLD_FIRST_TITLE])
    records = (project / "data/translations.yaml").read_text(encoding="utf-8")
    assert todo(project) == [] and "[" not in records and f'"{FIRST_TITLE}"' in records


# --- written in both languages in one change -----------------------------------------------------

NEW_EVENT = """
  - id: test-spacer
    kind: information_meeting
    title:
      pl: Spacer badawczy po osiedlu
      en: A research walk around the estate
    start: 2020-03-10 17:00
    end: 2020-03-10 19:00
    venue: cwop-krosno
"""
WALK = "data/events.yaml:events.test-spacer.title"


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
                          cwd=root, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(project: Path) -> Path:
    """The demo's data and pages in a git repository, committed once."""
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "demo")
    return project


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def add_text(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_an_item_written_in_both_languages_in_one_commit_is_translated(repo):
    add_text(repo / "data/events.yaml", NEW_EVENT)
    commit(repo, "a walk, in both languages")
    assert todo(repo) == []
    entry = next(e for e in translation_report(repo).entries if e.item == WALK)
    assert (entry.state, entry.recorded, entry.why) == (State.CURRENT, "", "written together with its source")
    # The Polish text changes alone: the English one is now behind it.
    edit(repo / "data/events.yaml", "pl: Spacer badawczy po osiedlu", "pl: Spacer badawczy po Białobrzegach")
    commit(repo, "the Polish title only")
    assert todo(repo) == [("en", "stale", WALK)]
    # The translation updated later, in a change of its own, is only up to date once marked.
    edit(repo / "data/events.yaml", "en: A research walk around the estate", "en: A research walk in Białobrzegi")
    commit(repo, "the English title")
    assert todo(repo) == [("en", "stale", WALK)]
    mark_translations(repo, [WALK])
    assert todo(repo) == []


def test_uncommitted_edits_of_both_languages_are_one_change(repo):
    add_text(repo / "data/events.yaml", NEW_EVENT)
    assert todo(repo) == []
    commit(repo, "the walk")
    edit(repo / "data/events.yaml", "pl: Spacer badawczy po osiedlu", "pl: Spacer po osiedlu")
    assert todo(repo) == [("en", "stale", WALK)]
    edit(repo / "data/events.yaml", "en: A research walk around the estate", "en: A walk around the estate")
    assert todo(repo) == []


def test_a_page_pair_written_in_one_commit_is_translated_until_its_source_changes_alone(repo):
    for lang, title in (("pl", "Spacery badawcze"), ("en", "Research walks")):
        (repo / f"content/{lang}/walks.md").write_text(f"---\ntitle: {title}\ndescription: {title}.\n---\n\n"
                                                      f"# {title}\n\nText {lang}.\n", encoding="utf-8")
    commit(repo, "a page in both languages")
    assert todo(repo) == []
    edit(repo / "content/pl/walks.md", "---\n", "---\nhide:\n  - toc\n")  # the layout is not the text
    commit(repo, "no table of contents")
    assert todo(repo) == []
    edit(repo / "content/pl/walks.md", "Text pl.", "Text pl, longer.")
    commit(repo, "Polish text")
    assert todo(repo) == [("en", "stale", "content/en/walks.md")]


def test_a_marked_page_changed_in_both_languages_at_once_needs_no_new_mark_nor_notice(repo):
    edit(repo / "content/pl/about.md", "Krosnem", "Krosnem (zmiana)")
    edit(repo / ABOUT_EN, "Krosno", "Krosno (changed)")
    commit(repo, "both languages")
    for report in (translation_report(repo), translation_report(repo, for_readers=True)):
        entry = next(e for e in report.entries if e.item == ABOUT_EN)
        assert entry.state is State.CURRENT and entry.recorded != entry.source_hash
    edit(repo / "content/pl/about.md", "Krosnem (zmiana)", "Krosnem (druga zmiana)")
    commit(repo, "Polish only")
    entry = translation_report(repo, for_readers=True).page_entry("en", "about.md")
    assert entry.state is State.STALE and entry.recorded  # the readers' notice says so
