"""Translation state: a change to a source makes exactly its translations stale; marking clears it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest_site import DEMO
from microsite.check import check_project
from microsite.cli import main
from microsite.translations import (State, content_hash, mark_translations, page_source_hash,
                                    translation_report)

ABOUT_EN = "content/en/about.md"
FIRST_TITLE = "data/events.yaml:events[wizyta-studyjna-2018].title"


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
    assert {e.item for e in report.entries} >= {ABOUT_EN, FIRST_TITLE, "data/partners.yaml:partners[cds].description"}


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
        ("en", "missing", "data/events.yaml:events[spotkanie-robocze-krakow-2020-02-20].description"),
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
    assert data["default_language"] == "pl"
    assert data["summary"]["stale"] == 1 and data["summary"]["missing"] == 0
    stale = [row for row in data["items"] if row["state"] == "stale"]
    assert [row["item"] for row in stale] == [ABOUT_EN]
    assert set(stale[0]) >= {"lang", "item", "source", "state", "source_hash", "recorded", "why"}


def test_marking_an_unknown_item_is_a_clear_error(project, capsys):
    assert main(["translations", "mark", "content/en/nope.md", "--root", str(project)]) == 1
    assert "copy the ITEM exactly as `microsite translations` prints it" in capsys.readouterr().err
    assert main(["translations", "mark", "--root", str(project)]) == 2


def test_a_broken_records_file_is_reported_by_check_with_its_line(project):
    path = project / "data/translations.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(n for n, l in enumerate(text.split("\n"), 1) if FIRST_TITLE in l)
    path.write_text(text.replace(f'"{FIRST_TITLE}": "', f'"{FIRST_TITLE}": "zz'), encoding="utf-8")
    problems = [p for p in check_project(project) if p.location.file == "data/translations.yaml"]
    assert [(p.location.line, p.message) for p in problems] == [(line, "is not a 12-digit hash")]
