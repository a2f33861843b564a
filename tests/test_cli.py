"""The ``microsite`` command line: exit codes, where output goes, the JSON shape.

CI and editors rely on these: 0 means "publishable" (warnings allowed), 1
means "fix the data", 2 means "the command itself was wrong".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from microsite.cli import main
from sitefactory import SiteCopy

ROW_KEYS = {"field", "fix", "location", "message", "severity", "text"}


def break_event_end(site: SiteCopy) -> int:
    """Make the first timed event end before it starts; return the line of its end."""
    lines = site.lines("events.yaml")
    start = next(i for i, line in enumerate(lines) if line.startswith("    start: ") and ":" in line[11:])
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("    end: "))
    lines[end] = "    end: " + lines[start][len("    start: "):len("    start: ") + 10] + " 00:00"
    site.write("events.yaml", "\n".join(lines))
    return end + 1


def test_check_valid_demo_exits_0(demo: SiteCopy, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(demo.root)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "no problems" in err.lower()


def test_check_errors_exit_1_one_problem_per_line(demo: SiteCopy, capsys: pytest.CaptureFixture[str]) -> None:
    line = break_event_end(demo)
    demo.replace("partners.yaml", "website: https://", "website: ")
    assert main(["check", "--root", str(demo.root)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    problem_lines = [row for row in err.splitlines() if row.startswith("data/")]
    assert len(problem_lines) == 2
    assert problem_lines[0].startswith("data/events.yaml:") or problem_lines[1].startswith("data/events.yaml:")
    assert any(row.startswith(f"data/events.yaml:{line}:") and "ends before it starts" in row
               for row in problem_lines)
    assert "2 error(s)" in err


def test_check_warnings_only_exit_0(demo: SiteCopy, capsys: pytest.CaptureFixture[str]) -> None:
    demo.replace("events.yaml", "    title:\n      pl: ", "    title:\n      pl: <b>Ważne</b> ")
    assert main(["check", "--root", str(demo.root)]) == 0
    err = capsys.readouterr().err
    assert "warning: this text contains HTML" in err
    assert "0 error(s), 1 warning(s)" in err


def test_check_json_goes_to_stdout(demo: SiteCopy, capsys: pytest.CaptureFixture[str]) -> None:
    line = break_event_end(demo)
    demo.replace("events.yaml", "    title:\n      pl: ", "    title:\n      pl: <i>x</i> ")
    assert main(["check", "--json", "--root", str(demo.root)]) == 1
    out, err = capsys.readouterr()
    rows = json.loads(out)
    assert isinstance(rows, list) and len(rows) == 2
    for row in rows:
        assert set(row) == ROW_KEYS
        assert set(row["location"]) == {"file", "line", "column"}
        assert row["severity"] in ("error", "warning")
        assert row["text"].startswith(f"{row['location']['file']}:{row['location']['line']}:")
    error = next(r for r in rows if r["severity"] == "error")
    assert error["location"]["file"] == "data/events.yaml" and error["location"]["line"] == line
    assert error["field"].endswith(".end") and error["message"] and error["fix"]
    assert {r["severity"] for r in rows} == {"error", "warning"}
    assert "error" not in err.lower()


def test_check_json_of_a_valid_site_is_an_empty_list(demo: SiteCopy, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", "--root", str(demo.root)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_check_reports_broken_pages(demo: SiteCopy, capsys: pytest.CaptureFixture[str]) -> None:
    page = demo.root / "content" / "pl" / "o-projekcie.md"
    page.write_text("---\ntitle: \"O projekcie\n---\nTreść\n", encoding="utf-8")
    assert main(["check", "--json", "--root", str(demo.root)]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert [(r["location"]["file"], r["location"]["line"]) for r in rows] == [("content/pl/o-projekcie.md", 2)]


def test_check_pages_use_the_site_languages(demo: SiteCopy, capsys: pytest.CaptureFixture[str]) -> None:
    for lang in ("de", "en"):
        page = demo.root / "content" / lang / "page.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("no front matter\n", encoding="utf-8")
    assert main(["check", "--json", "--root", str(demo.root)]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert [r["location"]["file"] for r in rows] == ["content/en/page.md"]  # 'de' is not a site language


def test_check_broken_yaml_exits_1(demo: SiteCopy, capsys: pytest.CaptureFixture[str]) -> None:
    demo.replace("venues.yaml", "    city: ", "\tcity: ")
    assert main(["check", "--root", str(demo.root)]) == 1
    err = capsys.readouterr().err
    assert "data/venues.yaml:" in err and "tab" in err and "Traceback" not in err


def test_check_in_the_current_folder_by_default(demo: SiteCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(demo.root)
    assert main(["check"]) == 0
    break_event_end(demo)
    assert main(["check"]) == 1


def test_check_folder_without_data_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(tmp_path)]) == 1
    assert "data/project.yaml: this file is missing" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["chek"], ["check", "--jsn"], ["check", "--root"], ["build", "--json"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_root_that_does_not_exist_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(tmp_path / "nowhere")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "check" in out and "build" in out


def test_build_through_the_command_builds_the_site(demo: SiteCopy, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MICROSITE_NOW", "2019-03-01T12:00:00Z")
    assert main(["build", "--root", str(demo.root)]) == 0
    assert f"Built {demo.root.resolve() / 'site'}" in capsys.readouterr().err
    home = (demo.root / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Społecznie Zorganizowani</title>" in home
    assert (demo.root / "site" / "en" / "schedule" / "dyzur-krosno-2019-03-27" / "index.html").is_file()


def test_build_with_data_errors_exits_1_and_leaves_the_previous_site(demo: SiteCopy,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    previous = demo.root / "site" / "index.html"
    previous.parent.mkdir()
    previous.write_text("the site as it was", encoding="utf-8")
    line = break_event_end(demo)
    assert main(["build", "--root", str(demo.root)]) == 1
    err = capsys.readouterr().err
    assert f"data/events.yaml:{line}:" in err and "ends before it starts" in err
    assert "The site was not built" in err and "previous site/ is unchanged" in err
    assert previous.read_text(encoding="utf-8") == "the site as it was"
    assert [p.name for p in demo.root.iterdir() if p.name.startswith(".site-")] == []
