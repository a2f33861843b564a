"""Publishing: "Edit this page" links, the GitHub Actions workflow and the pre-commit hook.

The edit links are checked on the built demo: every page must open the file
that really holds its text (``content/en/…`` for an English page, the event's
own line of ``data/events.yaml`` for a page made from data), and nothing may
make Material call the GitHub API from a reader's browser.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest_site import DEMO, REPO, build_demo, project_copy
from htmlscan import parse_page
from microsite.errors import Location
from microsite.load import load_site
from microsite.sitepages import data_edit_url
from sitefactory import SiteCopy

EDIT_BASE = "https://github.com/microsite-fixtures/demo/edit/main/"
"""The placeholder in mkdocs.yml (adopters change it, CI overrides it)."""
LANGS = ("pl", "en")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("publish") / "site")


def _edit_link(page_file: Path) -> str | None:
    links = [a["href"] for a in parse_page(page_file).find("a", rel="edit")]
    assert len(links) <= 1, f"{page_file} has several edit links: {links}"
    return links[0] if links else None


def _editor_pages(lang: str) -> list[tuple[Path, str]]:
    """Return (built file, expected source under content/) of every page an editor wrote in ``lang``."""
    pages = []
    for md in sorted((DEMO / "content" / lang).rglob("*.md")):
        rel = md.relative_to(DEMO / "content" / lang).with_suffix("")
        url = rel.parent if rel.name == "index" else rel
        prefix = "" if lang == "pl" else f"{lang}/"
        folder = prefix + ("" if str(url) == "." else url.as_posix() + "/")
        pages.append((Path(folder) / "index.html", f"{lang}/{md.relative_to(DEMO / 'content' / lang).as_posix()}"))
    return pages


@pytest.mark.parametrize("lang", LANGS)
def test_editor_pages_link_to_their_own_file(built: Path, lang: str) -> None:
    pages = _editor_pages(lang)
    assert len(pages) >= 8
    for built_file, source in pages:
        link = _edit_link(built / built_file)
        assert link == f"{EDIT_BASE}content/{source}", f"{built_file}: edit link {link}"
        assert (DEMO / "content" / source).is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_event_pages_link_to_their_entry_in_events_yaml(built: Path, lang: str) -> None:
    site, _ = load_site(DEMO)
    lines = (DEMO / "data" / "events.yaml").read_text(encoding="utf-8").split("\n")
    assert site.events
    for event in site.events:
        prefix = "" if lang == "pl" else f"{lang}/"
        link = _edit_link(built / prefix / "schedule" / event.id / "index.html")
        match = re.fullmatch(re.escape(EDIT_BASE) + r"data/events\.yaml#L(\d+)", link or "")
        assert match, f"{event.id}: edit link {link}"
        line = lines[int(match.group(1)) - 1]
        assert re.fullmatch(rf"\s*- id: {re.escape(event.series or event.id)}\s*", line), (event.id, line)


def test_no_repository_widget_that_calls_the_github_api(built: Path, tmp_path: Path) -> None:
    # Material fetches stars and forks from api.github.com (and caches them in sessionStorage)
    # whenever repo_url is set; the privacy policy promises no third-party requests.
    from mkdocs.config import load_config

    config = load_config(str(project_copy(tmp_path / "demo") / "mkdocs.yml"))
    assert config.repo_url is None and config.edit_uri.startswith("https://")
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in text and "api.github.com" not in text, page


def test_edit_links_follow_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from mkdocs.config import load_config

    monkeypatch.setenv("MICROSITE_EDIT_URI", "https://github.com/fundacja/strona/edit/trunk/content/")
    assert load_config(str(project_copy(tmp_path / "demo") / "mkdocs.yml")).edit_uri == "https://github.com/fundacja/strona/edit/trunk/content/"


@pytest.mark.parametrize("edit_uri,content_dir,expected", [
    ("https://github.com/o/r/edit/main/content/", "content", "https://github.com/o/r/edit/main/data/events.yaml#L42"),
    ("https://github.com/o/r/edit/main/content", "content", "https://github.com/o/r/edit/main/data/events.yaml#L42"),
    ("https://gitlab.example/o/r/-/edit/main/site/src/", "site/src",
     "https://gitlab.example/o/r/-/edit/main/data/events.yaml#L42"),
])
def test_data_edit_url(edit_uri: str, content_dir: str, expected: str) -> None:
    assert data_edit_url(edit_uri, content_dir, Location("data/events.yaml", 42, 5)) == expected


def test_every_repetition_remembers_the_line_of_its_slot(demo: SiteCopy) -> None:
    with demo.path("events.yaml").open("a", encoding="utf-8") as f:
        f.write("\n  - id: dyzur-czwartki\n    kind: duty_hours\n    title:\n      pl: Dyżur\n      en: Duty hours\n"
                "    start: 2019-03-07 10:00\n    end: 2019-03-07 12:00\n    venue: cwop-krosno\n"
                "    repeat:\n      every: week\n      until: 2019-03-28\n")
    site, _ = load_site(demo.root)
    slot = [e for e in site.events if e.series == "dyzur-czwartki"]
    assert len(slot) == 4
    line = demo.line_of("events.yaml", "- id: dyzur-czwartki")
    assert {e.source for e in slot} == {Location("data/events.yaml", line, 5)}


# --- GitHub Actions ---------------------------------------------------------------------------------

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    import yaml

    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def _check_jsonschema(path: Path) -> subprocess.CompletedProcess:
    tool = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run([str(tool), "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_workflow_matches_githubs_schema(tmp_path: Path) -> None:
    result = _check_jsonschema(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    # The validator is live: the same file with a misspelt permission value fails.
    broken = tmp_path / "site.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("pages: write", "pages: writ"), encoding="utf-8")
    assert _check_jsonschema(broken).returncode != 0


def test_workflow_runs_on_every_push_pull_request_and_nightly(workflow: dict) -> None:
    on = _triggers(workflow)
    assert {"push", "pull_request", "schedule"} <= set(on)
    assert on["push"] is None or not on["push"].get("branches"), "every branch is checked, not only main"
    (cron,) = [entry["cron"] for entry in on["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert (day, month, weekday) == ("*", "*", "*") and hour.isdigit() and minute.isdigit(), "once every night"


def test_workflow_checks_out_the_full_history(workflow: dict) -> None:
    # The feeds' DTSTAMP is the last commit that changed data/events.yaml: a shallow clone would move it.
    checkouts = [step for job in workflow["jobs"].values() for step in job["steps"]
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == len(workflow["jobs"])
    assert all(step["with"]["fetch-depth"] == 0 for step in checkouts)


def test_workflow_actions_are_pinned_by_commit(workflow: dict) -> None:
    # A tag can be moved to other code (a hijacked release), a commit cannot; the comment names the release.
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40}", u) for u in uses), uses
    text = WORKFLOW.read_text(encoding="utf-8")
    for use in uses:
        assert re.search(rf"uses: {re.escape(use)}  # v\d+\.\d+\.\d+\n", text), f"{use} names no release"


def test_workflow_keeps_no_credentials_after_checkout(workflow: dict) -> None:
    # Later steps run the project's code (the build, the tests): they must not find a token in .git/config.
    checkouts = [step for job in workflow["jobs"].values() for step in job["steps"]
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step["with"]["persist-credentials"] is False for step in checkouts)


def _runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def test_test_job_checks_then_runs_the_whole_suite(workflow: dict) -> None:
    job = workflow["jobs"]["test"]
    assert "if" not in job, "the tests run on every push and pull request"
    setup = {step["uses"].split("@")[0]: step.get("with", {}) for step in job["steps"] if "uses" in step}
    assert setup["actions/setup-python"]["python-version"] == "3.11"
    assert "actions/setup-node" in setup  # the feed-parser tests run Mozilla's ical.js
    assert _runs(job) == ["make check", ".venv/bin/microsite translations", "make test"]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert all(re.search(rf"^{target}:", makefile, re.M) for target in ("check", "test", "site"))


def test_deploy_job_publishes_main_to_pages_after_the_tests(workflow: dict) -> None:
    job = workflow["jobs"]["deploy"]
    assert job["needs"] == "test"
    assert "refs/heads/main" in job["if"] and "pull_request" in job["if"]
    assert job["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}, "other jobs get read-only tokens"
    assert job["environment"]["name"] == "github-pages"
    assert job["concurrency"]["cancel-in-progress"] is False
    steps = [step.get("uses", "run").split("@")[0] for step in job["steps"]]
    assert steps[-3:] == ["run", "actions/upload-pages-artifact", "actions/deploy-pages"]
    assert job["steps"][-2]["with"]["path"] == "site"
    build = job["steps"][-3]
    assert build["run"].strip().endswith("make site")
    assert "steps.pages.outputs.base_url" in build["env"]["MICROSITE_SITE_URL"]
    assert build["env"]["MICROSITE_EDIT_URI"].endswith("/content/")


def test_deploy_builds_with_the_current_time(workflow: dict) -> None:
    # A nightly rebuild must move past events out of "upcoming": "now" is the time of the build,
    # in a form the build accepts.
    from datetime import datetime, timezone

    from microsite.buildinfo import parse_instant

    build = workflow["jobs"]["deploy"]["steps"][-3]["run"]
    script = "\n".join(line for line in build.split("\n") if "make site" not in line)
    out = subprocess.run(["bash", "-euc", script + '\nprintf %s "$MICROSITE_NOW"'], capture_output=True,
                         text=True, check=True).stdout
    assert abs((parse_instant(out) - datetime.now(timezone.utc)).total_seconds()) < 120


# --- pre-commit -------------------------------------------------------------------------------------

PRE_COMMIT_CONFIG = REPO / ".pre-commit-config.yaml"


def _pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    tool = Path(sys.executable).parent / "pre-commit"
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), NO_COLOR="1")
    return subprocess.run([str(tool), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_pre_commit_config_is_valid_and_runs_microsite_check(tmp_path: Path) -> None:
    import yaml

    result = _pre_commit("validate-config", str(PRE_COMMIT_CONFIG), cwd=REPO, home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    (repo,) = yaml.safe_load(PRE_COMMIT_CONFIG.read_text(encoding="utf-8"))["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local" and hook["language"] == "system" and hook["pass_filenames"] is False
    executable, *args = hook["entry"].split()
    assert args == ["check"] and (REPO / executable).is_file()
    files = re.compile(hook["files"])
    assert all(files.search(p) for p in ("content/pl/about.md", "data/events.yaml", "mkdocs.yml"))
    assert not any(files.search(p) for p in ("README.md", "tests/test_cli.py", "docs/hosting.md"))


def test_pre_commit_hook_stops_a_commit_with_errors(tmp_path: Path) -> None:
    repo = project_copy(tmp_path / "repo")
    shutil.copy(PRE_COMMIT_CONFIG, repo / ".pre-commit-config.yaml")
    (repo / ".venv").symlink_to(REPO / ".venv")  # what `make site` leaves in a checkout
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "add", "data", "content", "mkdocs.yml", ".pre-commit-config.yaml"], cwd=repo, check=True)

    clean = _pre_commit("run", "--all-files", cwd=repo, home=tmp_path / "cache")
    assert clean.returncode == 0 and "microsite check" in clean.stdout and "Passed" in clean.stdout, clean.stdout

    events = repo / "data" / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("end: 2019-04-29 18:00", "end: 2019-04-28 18:00"),
                      encoding="utf-8")
    subprocess.run(["git", "add", "data/events.yaml"], cwd=repo, check=True)
    broken = _pre_commit("run", cwd=repo, home=tmp_path / "cache")
    assert broken.returncode == 1 and "Failed" in broken.stdout
    assert re.search(r"data/events\.yaml:\d+:\d+: events\[\d+\]\.end: the event ends before it starts", broken.stdout)
