"""Hostile and misleading YAML: every file fails cleanly, with its place and its fix, and nothing is misread.

Anyone who can commit is an editor, so the YAML files (data, translations
records, mkdocs.yml, the pages' front matter) may be hostile: nested 100,000
deep (libyaml's composer crashes with SIGSEGV), the billion laughs, huge. They
may also be innocent and read otherwise than meant: a tag (``!UWAGA``) or a
``#2`` that YAML drops, an escape that makes a control character, a
non-breaking space taken for text. The hostile cases are ``bench/hostile.py``'s
(which measures their time and memory); here each must end with a located
error, in a process of its own so that a crash fails the test, not the run.
"""

from __future__ import annotations

import io
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from bench.hostile import CASES, plant
from conftest_site import REPO, add_generator
from microsite.build import build_site
from microsite.check import check_project
from microsite.errors import SiteDataError
from microsite.fields import MAX_PROBLEMS
from microsite.yamlsource import MAX_DEPTH, MAX_VALUES, load_yaml_text
from sitefactory import SiteCopy, assert_problem, only

EVENTS = "data/events.yaml"
ABOUT = "content/pl/about.md"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_hostile_file_fails_with_a_located_message(case, tmp_path: Path) -> None:
    root = tmp_path / "site"
    plant(case, root)
    result = subprocess.run([sys.executable, "-m", "microsite.cli", "check", "--root", str(root)], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    lines = result.stderr.split("\n")
    assert result.returncode == 1, f"exit {result.returncode} (a negative code is a signal):\n{result.stderr[-2000:]}"
    assert lines[0].startswith(case.file + ":"), lines[0]
    assert any(case.expect in line for line in lines[:-2]), result.stderr[:2000]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["flow nesting in data", "billion laughs in mkdocs.yml"])
def test_the_build_refuses_a_hostile_file_before_writing_anything(name: str, tmp_path: Path) -> None:
    case = next(case for case in CASES if case.name == name)
    root = tmp_path / "site"
    plant(case, root)
    add_generator(root)
    out = io.StringIO()
    assert build_site(root, out=out) == 1
    assert case.file in out.getvalue()
    assert not (root / "site").exists() and not list(root.glob(".site-*"))


# --- the limits, and where they point ----------------------------------------------------------


def test_nesting_is_refused_where_it_passes_the_limit(demo: SiteCopy) -> None:
    demo.write("events.yaml", "events: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n")
    # The file's own mapping is the first level: the 32nd '[' opens the 33rd.
    assert_problem(only(demo.check()), file=EVENTS, line=1, column=8 + MAX_DEPTH, message=("nested",),
                   fix=("indentation", "brackets"))


def test_nesting_up_to_the_limit_is_read(demo: SiteCopy) -> None:
    demo.write("events.yaml", "events: []\nx: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n")
    assert "nested" not in str(demo.check())  # refused as an unknown field, not for its depth


def test_too_many_values(demo: SiteCopy) -> None:
    demo.write("events.yaml", "events: [" + "1," * MAX_VALUES + "1]\n")
    assert_problem(only(demo.check()), file=EVENTS, line=1, message=(f"more than {MAX_VALUES:,} values",))


def test_a_file_with_many_mistakes_is_read_up_to_a_limit(demo: SiteCopy) -> None:
    demo.write("events.yaml", "events:\n" + "  - 1\n" * (MAX_PROBLEMS * 3))
    problems = demo.check()
    assert len(problems) == MAX_PROBLEMS + 1
    assert_problem(problems[0], file=EVENTS, line=0, message=("more than", "not read further"), fix=("fix",))


def test_repeated_keys_are_listed_up_to_a_limit(demo: SiteCopy) -> None:
    demo.write("events.yaml", "events: []\n" + "a: 1\n" * 1000)
    problems = demo.check()
    assert 1 < len(problems) <= 20 and all("appears twice" in p.message for p in problems)


# --- references and tags -----------------------------------------------------------------------


def test_a_reference_is_refused_in_every_file(demo: SiteCopy) -> None:
    demo.replace("events.yaml", "venue: cwop-krosno", "venue: &v cwop-krosno")
    (demo.root / "mkdocs.yml").write_text((demo.root / "mkdocs.yml").read_text(encoding="utf-8")
                                          + "extra_css: &css []\n", encoding="utf-8")
    about = demo.root / ABOUT
    about.write_text(about.read_text(encoding="utf-8").replace("title: O projekcie", "title: &t O projekcie"),
                     encoding="utf-8")
    records = demo.path("translations.yaml")
    records.write_text(records.read_text(encoding="utf-8") + "x: &r y\n", encoding="utf-8")
    problems = check_project(demo.root)
    files = {p.location.file: p for p in problems if "YAML reference" in p.message}
    assert set(files) == {EVENTS, "mkdocs.yml", ABOUT, "data/translations.yaml"}, problems
    assert_problem(files[ABOUT], file=ABOUT, line=2, column=8, message=("'&'",), fix=("double quotes",))


def test_a_tag_is_refused_with_the_text_quoted(demo: SiteCopy) -> None:
    line = demo.replace("events.yaml", "pl: Spotkanie informacyjne w Krośnie", "pl: !UWAGA zmiana sali")
    assert_problem(only(demo.check()), file=EVENTS, line=line, column=11, message=("'!UWAGA'", "tag"),
                   fix=('"!UWAGA zmiana sali"',))


def test_a_tag_in_front_matter_is_refused(demo: SiteCopy) -> None:
    # MkDocs would drop the whole front matter and print it on the page as text.
    about = demo.root / ABOUT
    about.write_text(about.read_text(encoding="utf-8").replace("title: O projekcie", "title: !UWAGA O projekcie"),
                     encoding="utf-8")
    assert_problem(only(check_project(demo.root)), file=ABOUT, line=2, column=8, message=("tag",),
                   fix=('"!UWAGA O projekcie"',))


def test_mkdocs_yml_may_use_the_tags_mkdocs_reads(demo: SiteCopy) -> None:
    assert "!ENV" in (demo.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert [p for p in check_project(demo.root) if p.is_error] == []
    demo.replace("project.yaml", "timezone: Europe/Warsaw", "timezone: !ENV TZ")
    assert "tag" in only(demo.check()).message  # but data files may not


# --- texts no output can carry -----------------------------------------------------------------


@pytest.mark.parametrize("escape, code", [("\\0", "U+0000"), ("\\e", "U+001B"), ("\\v", "U+000B"),
                                          ("\\f", "U+000C"), ("\\x7f", "U+007F"), ("\\N", "U+0085"),
                                          ("\\L", "U+2028"), ("\\r", "U+000D"), ("\\x9b", "U+009B")])
def test_control_characters_written_as_escapes_are_refused(demo: SiteCopy, escape: str, code: str) -> None:
    line = demo.replace("events.yaml", "pl: Spotkanie informacyjne w Krośnie",
                        f'pl: "Spotkanie{escape} informacyjne w Krośnie"')
    assert_problem(only(demo.check()), file=EVENTS, line=line, column=11, message=("control character", code),
                   fix=("delete",))


@pytest.mark.parametrize("char", ["\u0085", "\u2028", "\u2029"])
def test_a_line_break_character_written_raw_is_refused(demo: SiteCopy, char: str) -> None:
    # YAML's reader lets these through and breaks the line there: every later line number would be off.
    line = demo.replace("events.yaml", "pl: Spotkanie informacyjne w Krośnie", f"pl: Spotkanie{char}informacyjne")
    assert_problem(only(demo.check()), file=EVENTS, line=line, column=20, message=(f"U+{ord(char):04X}",))


def test_a_backslash_n_that_calendars_would_break_at_is_refused(demo: SiteCopy) -> None:
    line = demo.replace("events.yaml", "pl: Spotkanie informacyjne w Krośnie", "pl: Spotkanie \\N informacyjne")
    assert_problem(only(demo.check()), file=EVENTS, line=line, message=("'\\N'", "line break"))


def test_a_control_character_in_a_page_is_refused(demo: SiteCopy) -> None:
    about = demo.root / ABOUT
    text = about.read_text(encoding="utf-8")
    about.write_text(text + "\nAla\x0cma kota\n", encoding="utf-8")
    line = text.count("\n") + 2
    assert_problem(only(check_project(demo.root)), file=ABOUT, line=line, column=4, message=("U+000C",))


# --- '#', ': ', quotes and spaces, as an editor means them --------------------------------------


def test_a_hash_straight_after_a_text_is_refused(demo: SiteCopy) -> None:
    line = demo.replace("events.yaml", "pl: Spotkanie informacyjne w Krośnie", "pl: Spotkanie #2 w Krośnie")
    assert_problem(only(demo.check()), file=EVENTS, line=line, column=21, message=("'#2 w Krośnie'", "comment",
                                                                                   "only 'Spotkanie'"),
                   fix=('"Spotkanie #2 w Krośnie"',))


def test_a_comment_after_a_text_is_still_a_comment(demo: SiteCopy) -> None:
    demo.replace("events.yaml", "pl: Spotkanie informacyjne w Krośnie",
                 "pl: Spotkanie informacyjne w Krośnie  # the room is not known yet")
    assert demo.check() == []


def test_a_colon_in_a_text_names_the_text_and_quotes_it(demo: SiteCopy) -> None:
    line = demo.replace("events.yaml", "pl: Spotkanie informacyjne w Krośnie", "pl: Uwaga: zmiana sali")
    assert_problem(only(demo.check()), file=EVENTS, line=line, message=("': '", "new key"),
                   fix=('pl: "Uwaga: zmiana sali"',))


def test_typographic_quotes_are_not_taken_for_quotes(demo: SiteCopy) -> None:
    demo.replace("events.yaml", "pl: Spotkanie informacyjne w Krośnie", "pl: „Uwaga: zmiana sali”")
    problem = only(demo.check())
    assert "typographic" in problem.fix and "straight" in problem.fix, problem
    assert "put the whole text in double quotes" not in problem.fix


def test_a_non_breaking_space_in_the_indentation_is_named(demo: SiteCopy) -> None:
    line = demo.replace("events.yaml", "      en: Information meeting in Krosno",
                        "    \u00a0 en: Information meeting in Krosno")
    assert_problem(only(demo.check()), file=EVENTS, line=line, column=5, message=("non-breaking space", "U+00A0"),
                   fix=("ordinary spaces",))


# Unicode's space separators (category Zs) other than the space itself, and the zero-width space: YAML 1.1
# indents with U+0020 only, so each of them, typed before a key, is text to it.
_ODD_SPACES = [chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) == "Zs" and code != 0x20]
_ODD_SPACES.append("\u200b")


@pytest.mark.parametrize("char", _ODD_SPACES, ids=[f"U+{ord(c):04X}" for c in _ODD_SPACES])
def test_every_space_yaml_does_not_count_is_named_in_the_indentation(char: str) -> None:
    # The file holds the character elsewhere too (in a text, where it is no mistake), and a hidden line break.
    text = f"events:\n  - id: a\n    title: Spotkanie{char}w Krośnie\n  {char}  kind: meeting\n    bring: x\u2028y\n"
    with pytest.raises(SiteDataError) as raised:
        load_yaml_text(text, EVENTS)
    name = "a non-breaking space" if char == "\u00a0" else "a space YAML does not count"
    found = [(p.location.line, p.location.column, p.message) for p in raised.value.problems]
    assert found == [(4, 3, f"this line is indented with {name} (U+{ord(char):04X}), not an ordinary space"),
                     (5, 13, "the text contains the invisible line-break character U+2028")]


def test_a_backslash_between_double_quotes_is_explained(demo: SiteCopy) -> None:
    line = demo.replace("events.yaml", "pl: Spotkanie informacyjne w Krośnie", 'pl: "Folder C:\\Users\\cds"')
    problem = only(demo.check())
    assert_problem(problem, file=EVENTS, line=line, message=("backslash", "escape"), fix=("single quotes",))
    assert "never closed" not in problem.message


# --- front matter, exactly as MkDocs reads it --------------------------------------------------


def _page(demo: SiteCopy, front: str, body: str = "\n# Strona\n") -> str:
    (demo.root / ABOUT).write_text(front + body, encoding="utf-8")
    return front + body


YAML11 = [  # a value MkDocs reads as something else than the text written, and the words that say what
    ("title: No", "title", "the yes/no value false"),
    ("title: yes", "title", "the yes/no value true"),
    ("description: 12:30", "description", "the number 750"),
    ("title: 2019", "title", "the number 2019"),
    ("description: 1.5", "description", "the number 1.5"),
    ("title: 2019-05-01", "title", "a date"),
    ("title: ~", "title", "nothing"),
]


@pytest.mark.parametrize("line, field, words", YAML11, ids=[row[0] for row in YAML11])
def test_front_matter_mkdocs_would_misread_is_refused(demo: SiteCopy, line: str, field: str, words: str) -> None:
    other = "description: Opis strony." if field == "title" else "title: Strona"
    text = _page(demo, f"---\n{other}\n{line}\n---\n")
    _, meta = get_data(text)  # what MkDocs itself makes of it
    if isinstance(meta.get(field), str) or (meta.get(field) is None and field in meta and words != "nothing"):
        pytest.skip(f"MkDocs reads {line!r} as text: nothing to refuse")
    problems = [p for p in check_project(demo.root) if p.location.file == ABOUT]
    if words == "nothing":  # an empty title is refused as such
        assert problems and problems[0].field == field, problems
        return
    assert_problem(only(problems), file=ABOUT, line=3, field=field, message=("MkDocs reads", words),
                   fix=("double quotes",))


def test_front_matter_mkdocs_cannot_construct_is_refused(demo: SiteCopy) -> None:
    text = _page(demo, "---\ntitle: Strona\ndescription: Opis strony.\nupdated: 2019-02-31\n---\n")
    assert get_data(text)[1] == {}  # MkDocs drops the whole front matter and shows it on the page
    assert_problem(only([p for p in check_project(demo.root) if p.location.file == ABOUT]), file=ABOUT, line=4,
                   field="updated", message=("MkDocs cannot read",), fix=("double quotes",))


def test_a_front_matter_closed_on_the_last_line_without_a_line_break(demo: SiteCopy) -> None:
    text = _page(demo, "---\ntitle: Strona\ndescription: Opis strony.\n---", body="")
    assert get_data(text)[1] == {}
    assert_problem(only([p for p in check_project(demo.root) if p.location.file == ABOUT]), file=ABOUT, line=4,
                   message=("ends on the line that closes",), fix=("line break",))


def test_a_first_line_with_more_than_the_dashes(demo: SiteCopy) -> None:
    text = _page(demo, "--- x\ntitle: Strona\ndescription: Opis strony.\n---\n")
    assert get_data(text)[1] == {}
    assert_problem(only([p for p in check_project(demo.root) if p.location.file == ABOUT]), file=ABOUT, line=1,
                   message=("three dashes",))


FRONT_MATTERS = [
    "---\ntitle: Strona\ndescription: Opis.\n---\n",
    "---\ntitle: Strona\ndescription: Opis.\n...\n",
    "---  \ntitle: Strona\ndescription: Opis.\n---\t\n",
    "---\r\ntitle: Strona\r\ndescription: Opis.\r\n---\r\n",
    "\ufeff---\ntitle: Strona\ndescription: Opis.\n---\n",
    "---\ntitle: 'No'\ndescription: \"12:30\"\n---\n",
    "---\ntitle: No\ndescription: Opis.\n---\n",
    "---\ntitle: Strona\ndescription: 12:30\n---\n",
    "---\ntitle: Strona\ndescription: Opis.\n--- \u00a0\n",
    "---\ntitle: Strona\ndescription: Opis.\n---",
    "---\ntitle: Strona\ndescription: Opis.\nhide: [toc]\n---\n",
    "---\ntitle: >-\n  Strona\n  dalej\ndescription: Opis.\n---\n",
    "---\ntitle: Strona\ndescription: Opis.\nwhen: 2019-13-01\n---\n",
    "---\ntitle: Strona\ndescription: Opis.\n<<: {a: 1}\n---\n",
    "---\ntitle: Strona\ndescription: Opis.\n<<: x\n---\n",
    "---\n- title: Strona\n---\n",
    "title: Strona\ndescription: Opis.\n\n# MultiMarkdown\n",
]


@pytest.mark.parametrize("front", FRONT_MATTERS)
def test_check_accepts_a_front_matter_exactly_when_mkdocs_reads_it_as_written(demo: SiteCopy, front: str) -> None:
    """The drift guard: what the check accepts, MkDocs reads as the same title and description."""
    (demo.root / ABOUT).write_bytes((front + "\n# Strona\n").encode("utf-8"))
    _, meta = get_data((demo.root / ABOUT).read_text(encoding="utf-8-sig"))  # MkDocs reads pages so
    accepted = not [p for p in check_project(demo.root) if p.location.file == ABOUT and p.is_error]
    if accepted:  # the check may refuse more than MkDocs does (MultiMarkdown metadata), never less
        assert (meta.get("title"), meta.get("description")) in {("Strona", "Opis."), ("No", "12:30"),
                                                                ("Strona dalej", "Opis.")}, (front, meta)
    assert accepted == (front in ACCEPTED)


ACCEPTED = {FRONT_MATTERS[i] for i in (0, 1, 2, 3, 4, 5, 9, 10, 11, 13)}


def test_warnings_past_the_limit_are_counted_and_never_fail_the_check(demo: SiteCopy) -> None:
    """Warnings do not stop the build, so many of them must not become an error (a weekly slot running past
    the funded period warns once per date): past the limit they are counted in one line, not listed."""
    extra = MAX_PROBLEMS + 50
    demo.append("events.yaml", "".join(
        f"\n  - id: after-the-project-{n}\n    kind: duty_hours\n    title: {{pl: Dyżur {n}, en: Duty hours {n}}}\n"
        f"    start: 2031-01-{1 + n % 28:02d} 10:00\n    end: 2031-01-{1 + n % 28:02d} 12:00\n    venue: krakow\n"
        for n in range(extra)))
    site, warnings = demo.load()
    assert len(site.events) == 9 + extra  # every event is read and published
    events_file = [w for w in warnings if w.location.file == EVENTS]
    assert len(events_file) == MAX_PROBLEMS + 1 and not any(w.is_error for w in events_file)
    assert all("outside the project's period" in w.message for w in events_file[:MAX_PROBLEMS])
    assert_problem(events_file[-1], file=EVENTS, line=None, message=("and 50 more warnings",),
                   fix=("check again",), severity="warning")
