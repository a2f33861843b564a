"""Front matter of the Markdown pages: located problems, never a traceback.

Pages are written by editors in ``content/<lang>/``; a broken front matter
makes MkDocs show it as text or lose the page title, silently. These tests
check that ``check_pages`` points at the right file and line for each mistake.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from microsite.check import check_project
from microsite.errors import Location, Problem
from microsite.load import load_site
from microsite.pages import PageText, check_page, check_pages
from microsite.sitepages import generated_pages
from sitefactory import assert_problem, only

LANGS = ("pl", "en")
GOOD = "---\ntitle: O projekcie\ndescription: Cele i rezultaty projektu.\n---\n\n# O projekcie\n\nTreść.\n"


def write_page(content: Path, relative: str, text: str | bytes) -> Path:
    """Write a page below ``content/``, creating folders."""
    path = content / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """Return a content folder with one valid page per language."""
    folder = tmp_path / "content"
    write_page(folder, "pl/o-projekcie.md", GOOD)
    write_page(folder, "en/about.md", GOOD.replace("O projekcie", "About the project"))
    return folder


def test_valid_pages_have_no_problems(content: Path) -> None:
    write_page(content, "pl/zespol/kontakt.md", "---\ntitle: Kontakt\ndescription: Adres i telefon.\n...\nTreść\n")
    # '...' also ends the front matter
    assert check_pages(content, LANGS) == []


def test_page_without_front_matter(content: Path) -> None:
    write_page(content, "pl/bez.md", "# Tytuł\n\nTreść.\n")
    assert_problem(only(check_pages(content, LANGS)), file="content/pl/bez.md", line=1, column=1, field="title",
                   message=("does not start with its front matter",), fix=("---", "title:"))


def test_front_matter_never_closed(content: Path) -> None:
    write_page(content, "en/open.md", "---\ntitle: Open\n\n# Open\n")
    assert_problem(only(check_pages(content, LANGS)), file="content/en/open.md", line=1, field="",
                   message=("never closed",), fix=("---",))


@pytest.mark.parametrize("front, line, words", [
    ('title: "O projekcie\ndescription: x', 2, ("quotation mark", "never closed")),
    ("title: O projekcie\n\tdescription: x", 3, ("tab",)),
    ("title: O projekcie\n  description: x: y", 3, ("colon",)),
    ("title: Cele: i rezultaty", 2, ("colon",)),
    ("title: a\ntitle: b", 3, ("twice", "line 2")),
])
def test_invalid_yaml_is_located_in_the_page(content: Path, front: str, line: int, words: tuple[str, ...]) -> None:
    write_page(content, "pl/zle.md", f"---\n{front}\n---\n\nTreść\n")
    assert_problem(only(check_pages(content, LANGS)), file="content/pl/zle.md", line=line, message=words)


def test_front_matter_that_is_not_a_mapping(content: Path) -> None:
    write_page(content, "pl/lista.md", "---\n- title\n- opis\n---\n")
    assert_problem(only(check_pages(content, LANGS)), file="content/pl/lista.md", line=2, column=1,
                   message=("not a list of 'key: value' lines",), fix=("title:",))


@pytest.mark.parametrize("front, line, field, words", [
    ("description: bez tytułu", 1, "title", ("no title",)),
    ("title:\ndescription: x", 2, "title", ("empty",)),
    ("title: [a, b]\ndescription: x", 2, "title", ("list",)),
    ("title: x", 1, "description", ("no description", "search engines")),
    ("title: x\ndescription: ~", 3, "description", ("empty",)),
    ("title: x\ndescription:\n  pl: y", 4, "description", ("list or a group",)),
])
def test_missing_or_bad_title(content: Path, front: str, line: int, field: str, words: tuple[str, ...]) -> None:
    write_page(content, "en/untitled.md", f"---\n{front}\n---\nText\n")
    assert_problem(only(check_pages(content, LANGS)), file="content/en/untitled.md", line=line, field=field,
                   message=words)


def test_empty_front_matter_lacks_both(content: Path) -> None:
    write_page(content, "en/empty.md", "---\n---\nText\n")
    problems = check_pages(content, LANGS)
    assert [(p.location.file, p.field) for p in problems] == [("content/en/empty.md", "title"),
                                                               ("content/en/empty.md", "description")]


def test_bom_and_windows_line_ends_are_accepted(content: Path) -> None:
    write_page(content, "pl/windows.md", "\ufeff---\r\ntitle: Z Windowsa\r\ndescription: Opis.\r\n---\r\nTreść\r\n")
    assert check_pages(content, LANGS) == []


def test_file_that_is_not_utf8(content: Path) -> None:
    write_page(content, "pl/cp1250.md", "---\ntitle: Zażółć\n---\n".encode("cp1250"))
    assert_problem(only(check_pages(content, LANGS)), file="content/pl/cp1250.md", line=0, field="",
                   message=("utf-8",))


def test_a_page_larger_than_the_limit(content: Path) -> None:
    from microsite.pages import MAX_PAGE_BYTES

    write_page(content, "pl/ogromna.md", GOOD + "x" * MAX_PAGE_BYTES)
    assert_problem(only(check_pages(content, LANGS)), file="content/pl/ogromna.md", line=None,
                   message=(f"larger than {MAX_PAGE_BYTES // 1_000_000} MB",), fix=("split",))


def test_only_site_languages_and_markdown_are_read(content: Path) -> None:
    write_page(content, "de/seite.md", "no front matter")
    write_page(content, "pl/notatki.txt", "no front matter")
    write_page(content, "assets/readme.md", "no front matter")
    assert check_pages(content, LANGS) == []
    assert [p.location.file for p in check_pages(content, ("pl", "de"))] == ["content/de/seite.md"]


def test_missing_language_folder_is_not_a_problem(tmp_path: Path) -> None:
    assert check_pages(tmp_path / "content", LANGS) == []


def test_every_page_is_reported(content: Path) -> None:
    write_page(content, "pl/a.md", "bez")
    write_page(content, "en/b/c.md", "---\ntitle: [\n---\n")
    assert sorted(p.location.file for p in check_pages(content, LANGS)) == ["content/en/b/c.md", "content/pl/a.md"]


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(front=st.text(max_size=80), body=st.text(max_size=20))
def test_any_front_matter_gives_problems_not_tracebacks(tmp_path_factory: pytest.TempPathFactory, front: str,
                                                        body: str) -> None:
    path = tmp_path_factory.mktemp("page") / "page.md"
    path.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8", newline="")
    lines = len(path.read_text(encoding="utf-8").split("\n"))
    for problem in check_page(path, "content/pl/page.md"):
        assert problem.location.file == "content/pl/page.md"
        assert 1 <= problem.location.line <= lines or (problem.location.line == 0 and not problem.field)
        assert problem.message and problem.fix


# --- every page's title and description are its own --------------------------------------------

def test_two_pages_with_one_title(content: Path) -> None:
    write_page(content, "pl/a.md", "---\ntitle: Kontakt\ndescription: Adres biura.\n---\n")
    write_page(content, "pl/b.md", "---\ntitle: \" kontakt \"\ndescription: Telefon.\n---\n")
    assert_problem(only(check_pages(content, LANGS)), file="content/pl/b.md", line=2, column=8, field="title",
                   message=("same as", "content/pl/a.md"), fix=("title of its own",))


def test_two_pages_with_one_description(content: Path) -> None:
    write_page(content, "en/a.md", "---\ntitle: A\ndescription: Dates and places.\n---\n")
    write_page(content, "en/b/c.md", "---\ntitle: C\ndescription: Dates and  places.\n---\n")
    assert_problem(only(check_pages(content, LANGS)), file="content/en/b/c.md", line=3, field="description",
                   message=("same as", "content/en/a.md"), fix=("description of its own",))


def test_the_same_title_in_two_languages_is_fine(content: Path) -> None:
    write_page(content, "pl/partners.md", "---\ntitle: Community Organisers\ndescription: Partner.\n---\n")
    write_page(content, "en/partners.md", "---\ntitle: Community Organisers\ndescription: Partner.\n---\n")
    assert check_pages(content, LANGS) == []


def _generated(lang: str, title: str, description: str, *, editable: bool = False) -> PageText:
    where = Location("data/events.yaml")
    return PageText(lang, f"the page made from data/events.yaml at {title}", title, description, where, where,
                    editable=editable)


def test_an_editor_page_that_repeats_a_generated_title_is_the_one_to_change(content: Path) -> None:
    write_page(content, "pl/dyzur.md", "---\ntitle: Dyżur w Krośnie, 27 marca 2019\ndescription: Opis.\n---\n")
    problems = check_pages(content, LANGS, generated=[_generated("pl", "Dyżur w Krośnie, 27 marca 2019", "Inny.")])
    assert_problem(only(problems), file="content/pl/dyzur.md", line=2, field="title",
                   message=("data/events.yaml",), fix=("title of its own",))


def test_two_generated_pages_that_clash_point_at_the_data(content: Path) -> None:
    problems = check_pages(content, LANGS, generated=[_generated("en", "Duty hours", "One."),
                                                       _generated("en", "Duty hours", "Two.")])
    assert_problem(only(problems), file="data/events.yaml", line=0, field="title", fix=("data/events.yaml",))


def test_check_project_compares_pages_with_the_event_pages(demo) -> None:
    """An editor page titled like an event page is found by the one check CLI, build and MkDocs share."""
    site, _ = load_site(demo.root)
    event = site.events[0]
    title = next(p.title for p in generated_pages(site) if p.src_uri == f"pl/schedule/{event.id}.md")
    for lang in LANGS:
        write_page(demo.root / "content", f"{lang}/index.md", f"---\ntitle: Start {lang}\ndescription: Opis {lang}.\n---\n")
    write_page(demo.root / "content", "pl/wizyta.md", f"---\ntitle: {title}\ndescription: Nasza wizyta.\n---\n")
    problems = [p for p in check_project(demo.root) if p.is_error]
    assert_problem(only(problems), file="content/pl/wizyta.md", line=2, field="title",
                   message=(f"schedule/{event.id}",))


def test_two_events_whose_pages_clash_are_pointed_at_in_the_data(demo) -> None:
    """Two entries alike in title, day, time and venue: their pages cannot be told apart in any language."""
    first = "spotkanie-informacyjne-krosno-2018-11-20"
    demo.insert_after("events.yaml", "    venue: cwop-krosno",
                      f"\n  - id: {first}-b\n    kind: information_meeting\n    title:\n"
                      "      pl: Spotkanie informacyjne w Krośnie\n      en: Information meeting in Krosno\n"
                      "    start: 2018-11-20 16:30\n    end: 2018-11-20 18:30\n    venue: cwop-krosno\n")
    where = Location("data/events.yaml")
    clash = (f"the page made from data/events.yaml at schedule/{first}.md, so browser tabs, search results and "
             "shared links cannot tell the two pages apart")
    expected = [Problem(where, field, f"the {field} is the same as that of {clash}",
                        f"make the {field}s of the two events differ in data/events.yaml")
                for field in ("description", "title") for _lang in LANGS]
    assert [p for p in check_project(demo.root) if p.is_error] == expected


def test_an_editor_page_replacing_a_generated_one_does_not_clash_with_it(demo) -> None:
    for lang, title in (("pl", "Harmonogram"), ("en", "Schedule")):
        write_page(demo.root / "content", f"{lang}/schedule/index.md",
                   f"---\ntitle: {title}\ndescription: Nasze terminy ({lang}).\n---\n")
    assert [p for p in check_project(demo.root) if p.is_error] == []


def test_markers_the_build_could_not_replace_are_located(demo) -> None:
    """The check reads markers as the build does: an unknown one, or an event that is not in the data."""
    from microsite.check import check_project

    page = demo.root / "content" / "pl" / "about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n<!-- microsite:schedul -->\n\n<!-- microsite:event no-such-event -->\n"
                    "\n<!-- microsite: results -->\n", encoding="utf-8")
    base = text.count("\n") + 2
    found = sorted((p for p in check_project(demo.root) if p.location.file == "content/pl/about.md"),
                   key=lambda p: p.location.line)
    assert [(p.location.line, p.location.column) for p in found] == [(base, 1), (base + 2, 1), (base + 4, 1)]
    assert "did you mean 'schedule'" in found[0].fix
    assert "'no-such-event', which is not in data/events.yaml" in found[1].message
    assert "is not a marker the site knows" in found[2].message  # a space after the colon: it would stay a comment


@pytest.mark.parametrize("marker, words", [
    ("<!-- microsite:results projekt -->", "takes no id"),
    ("<!-- Microsite:Schedule -->", "is not a marker the site knows"),  # capitals: MkDocs would leave it a comment
    ("<!-- microsite:event -->", "names no event"),
])
def test_every_marker_mistake_is_named(demo, marker, words) -> None:
    from microsite.check import check_project

    page = demo.root / "content" / "en" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    found = [p for p in check_project(demo.root) if p.location.file == "content/en/about.md"]
    assert len(found) == 1 and words in found[0].message, found
