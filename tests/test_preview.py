"""The preview (`make serve`) run for real: it follows every file the site is made from and never holds a page.

Each test starts hooks/preview.py on a free 127.0.0.1 port in a copy of the demo,
edits files as an editor would, and fetches pages with a timeout: where
`mkdocs serve` kept the browser waiting until the file was fixed, the preview
answers at once, with the problem named on the page in the page's language.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest_site import project_copy
from microsite.check import Checker
from previewserver import PreviewServer

PANEL = 'id="microsite-preview-problems"'
EVENTS = "data/events.yaml"
WORKSHOP_PL = "pl: Spotkanie informacyjne w Krośnie"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_copy(tmp_path / "project")


@pytest.fixture
def preview(project: Path, tmp_path: Path):
    with PreviewServer(project, tmp_path / "preview.log") as server:
        yield server


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def panel(text: str) -> str:
    """Return the problems panel of a page ('' when there is none)."""
    found = re.search(rf"<section {PANEL}.*?</section>", text, re.S)
    return found.group(0) if found else ""


def test_a_data_edit_shows_up_and_a_data_error_is_named_on_the_page(project, preview):
    status, home = preview.get("")
    assert status == 200 and PANEL not in home
    edit(project / EVENTS, WORKSHOP_PL, "pl: Spotkanie informacyjne w Krośnie – nowa sala")
    preview.wait_for("schedule/", lambda status, text: "nowa sala" in text)

    edit(project / EVENTS, "end: 2019-03-27 19:00", "end: 2019-02-31 19:00")
    text = preview.wait_for("", lambda status, text: PANEL in text, timeout=30)
    shown = panel(text)
    assert re.search(r"data/events\.yaml:\d+:\d+: events\[\d+\]\.end", shown)
    assert "impossible date" in shown and 'lang="pl"' in shown and "1\u00a0błąd w plikach projektu" in shown
    # The last version without errors stays below the panel, the data edit included.
    status, schedule = preview.get("schedule/")
    assert status == 200 and "nowa sala" in schedule and PANEL in schedule
    # Every language: the English page says it in English.
    status, english = preview.get("en/schedule/")
    assert status == 200 and 'lang="en"' in panel(english)
    assert "1\u00a0error in the project&#39;s files" in panel(english)

    edit(project / EVENTS, "end: 2019-02-31 19:00", "end: 2019-03-27 19:00")
    preview.wait_for("", lambda status, text: PANEL not in text)
    output = preview.output()
    assert "Changed: data/events.yaml" in output and "impossible date" in output
    # What changed and what is wrong: not a line per generated page.
    assert "not included in the" not in output and len(output.splitlines()) < 25, output


def test_a_page_error_and_a_new_page_with_an_error(project, preview):
    about = project / "content" / "en" / "about.md"
    edit(about, "title:", "title: [unclosed")
    text = preview.wait_for("en/about/", lambda status, text: PANEL in text)
    assert "content/en/about.md:2:" in panel(text) and 'lang="en"' in panel(text)
    # A page the last good version does not have: the panel alone, not a 404, and it reloads when fixed.
    (project / "content" / "pl" / "nowa.md").write_text("---\ntitle: Nowa\n---\n\n# Nowa\n", encoding="utf-8")
    text = preview.wait_for("nowa/", lambda status, text: status == 200 and "no description" in panel(text))
    assert "Tej strony nie ma" in text
    assert "livereload" in text
    edit(about, "title: [unclosed", "title:")
    (project / "content" / "pl" / "nowa.md").unlink()
    preview.wait_for("en/about/", lambda status, text: PANEL not in text)


def test_the_preview_starts_even_when_a_file_is_wrong(project, tmp_path):
    """`mkdocs serve` stopped at start when the first build failed; the preview serves the problem instead."""
    edit(project / EVENTS, "end: 2019-03-27 19:00", "end: 2019-02-31 19:00")
    with PreviewServer(project, tmp_path / "preview.log") as preview:
        status, text = preview.get("en/")
        assert status == 200 and "impossible date" in panel(text) and 'lang="en"' in panel(text)
        edit(project / EVENTS, "end: 2019-02-31 19:00", "end: 2019-03-27 19:00")
        text = preview.wait_for("en/", lambda status, text: PANEL not in text and "<h1" in text)
    assert "Socially Organised" in text


def test_mkdocs_yml_and_the_overrides_are_followed(project, preview):
    config = project / "mkdocs.yml"
    edit(config, "            - Kontakt: contact.md", "            - Napisz do nas: contact.md")
    preview.wait_for("", lambda status, text: "Napisz do nas" in text)
    edit(config, "use_directory_urls: true", "use_directory_urls: [true")
    text = preview.wait_for("", lambda status, text: PANEL in text)
    assert "mkdocs.yml:" in panel(text)
    edit(config, "use_directory_urls: [true", "use_directory_urls: true")
    preview.wait_for("", lambda status, text: PANEL not in text)
    main = project / "overrides" / "main.html"
    edit(main, "{% block htmltitle %}{% endblock %}", "{% block htmltitle %}<!-- overrides followed -->{% endblock %}")
    preview.wait_for("", lambda status, text: "overrides followed" in text)
    style = project / "overrides" / "assets" / "microsite" / "microsite.css"
    style.write_text(style.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
    preview.wait_for("assets/microsite/microsite.css", lambda status, text: "/* edited */" in text)


def test_what_the_published_build_refuses_is_an_error_in_the_preview_too(project, preview):
    """mkdocs.yml says strict: a link to a page that does not exist fails the published build."""
    edit(project / "content" / "pl" / "about.md", "\n# ", "\n[zobacz](nie-ma-takiej.md)\n\n# ")
    text = preview.wait_for("about/", lambda status, text: PANEL in text)
    assert "nie-ma-takiej.md" in panel(text)


def test_now_is_the_clock_in_the_preview_and_the_commit_in_a_published_build(project, tmp_path):
    """An event written for next week and not committed yet is upcoming in the preview."""
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    old = {"GIT_COMMITTER_DATE": "2019-03-01T12:00:00Z", "GIT_AUTHOR_DATE": "2019-03-01T12:00:00Z"}
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "demo"], cwd=project, check=True,
                   env={**{k: v for k, v in __import__("os").environ.items()}, **old})
    day = date.today() + timedelta(days=7)
    (project / EVENTS).write_text((project / EVENTS).read_text(encoding="utf-8") + f"""
  - id: spacer-w-przyszlym-tygodniu
    kind: information_meeting
    title:
      pl: Spacer w przyszłym tygodniu
      en: A walk next week
    start: {day.isoformat()} 17:00
    end: {day.isoformat()} 18:00
    venue: cwop-krosno
""", encoding="utf-8")
    with PreviewServer(project, tmp_path / "preview.log") as preview:
        status, home = preview.get("")
    upcoming = re.search(r'data-ms-section="upcoming".*?</section>', home, re.S).group(0)
    assert "Spacer w przyszłym tygodniu" in upcoming
    assert "Dyżur informacyjny" not in upcoming  # the 2019 duty hours, upcoming only at the commit's time


def test_a_markdown_edit_does_not_read_the_data_again(project, monkeypatch):
    import microsite.check

    reads = []
    real = microsite.check.load_site
    monkeypatch.setattr(microsite.check, "load_site", lambda *a, **k: reads.append(1) or real(*a, **k))
    checker = Checker(project)
    checker.check()
    edit(project / "content" / "pl" / "about.md", "Krosnem", "Krosnem (zmiana)")
    checker.check()
    assert len(reads) == 1
    edit(project / EVENTS, WORKSHOP_PL, "pl: Spotkanie w Krośnie")
    assert any(e.title.in_("pl") == "Spotkanie w Krośnie" for e in checker.check().site.events)
    assert len(reads) == 2
    # A logo or document the data names is part of the data: adding one is read again too.
    (project / "content" / "assets" / "nowy.pdf").write_bytes(b"%PDF")
    checker.check()
    assert len(reads) == 3
