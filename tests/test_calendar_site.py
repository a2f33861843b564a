"""The built site's calendars carry the history's versions; a shallow clone is refused, an archive warned of.

The demo is committed to a real repository, an event is cancelled in a second
commit, and the site is built as CI builds it (MkDocs with the hooks, a fixed
"now"), from the repository and from a clone of it.
"""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
import subprocess
import tarfile
from pathlib import Path

import pytest

from conftest_site import build_demo, project_copy
from ical_rules import assert_appointment_rules, components
from microsite.build import build_site
from site_invariants import assert_feeds_valid

CANCELLED = "spotkanie-informacyjne-krosno-2018-11-20"
BASE = "https://owner.github.io/projekt/"


def _git(root: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redakcja", "GIT_AUTHOR_EMAIL": "redakcja@example.org",
           "GIT_COMMITTER_NAME": "Redakcja", "GIT_COMMITTER_EMAIL": "redakcja@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(root)}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, check=True)


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    """The demo (with the generator's hooks and theme) in git: the second commit cancels a meeting, the third
    changes the Polish contact page alone."""
    root = project_copy(tmp_path_factory.mktemp("calendars") / "project")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "the demo", when="2018-10-01T10:00:00+02:00")
    events = root / "data" / "events.yaml"
    text = events.read_text(encoding="utf-8")
    marker = f"  - id: {CANCELLED}\n"
    entry_end = text.index("\n\n", text.index(marker))
    events.write_text(text[:entry_end] + "\n    status: cancelled" + text[entry_end:], encoding="utf-8")
    _git(root, "commit", "-q", "-am", "the Krosno meeting is cancelled", when="2018-11-15T09:30:00+01:00")
    contact = root / "content" / "pl" / "contact.md"
    contact.write_text(contact.read_text(encoding="utf-8") + "\nDyżury telefoniczne: wtorki 10–12.\n", encoding="utf-8")
    _git(root, "commit", "-q", "-am", "phone hours on the Polish contact page", when="2018-11-16T09:00:00+01:00")
    return root


@pytest.fixture(scope="module")
def built(repository, tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("built") / "site", root=repository, now="2018-11-16T12:00:00Z",
                      base_url=BASE)


def _vevent(data: bytes, uid: str) -> dict[str, str]:
    for event in components(data).sub("VEVENT"):
        if event.one("UID").value == uid:
            return {line.name: line.value for line in event.lines}
    raise AssertionError(f"no {uid}")


def test_the_feeds_carry_each_events_versions_from_the_commits(built, tmp_path):
    uid = f"{CANCELLED}@projekt.owner.github.io"
    for path in ("feeds/pl/all.ics", "feeds/pl/meetings.ics", f"feeds/pl/events/{CANCELLED}.ics",
                 "feeds/en/all.ics"):
        fields = _vevent((built / path).read_bytes(), uid)
        assert fields["STATUS"] == "CANCELLED"
        assert fields["CREATED"] == "20181001T080000Z"
        assert fields["LAST-MODIFIED"] == fields["DTSTAMP"] == "20181115T083000Z"
        # One change, plus the 3 the former rule gave a cancelled event (so no calendar sees it fall).
        assert fields["SEQUENCE"] == "4"
    other = _vevent((built / "feeds/pl/all.ics").read_bytes(), "dyzur-krosno-2019-03-27@projekt.owner.github.io")
    assert (other["SEQUENCE"], other["CREATED"], other["LAST-MODIFIED"]) == ("0", "20181001T080000Z",
                                                                              "20181001T080000Z")
    assert_appointment_rules((built / f"feeds/pl/events/{CANCELLED}.ics").read_bytes())
    assert_feeds_valid(built, tmp_path)


def test_no_calendar_without_events_is_written_or_linked(built):
    assert not (built / "feeds/pl/trainings-workshops.ics").exists()
    for page in built.rglob("*.html"):
        assert "trainings-workshops" not in page.read_text(encoding="utf-8"), page


def test_the_home_pages_data_lists_what_is_still_to_come(built):
    for lang, prefix in (("pl", ""), ("en", "en/")):
        data = json.loads((built / f"upcoming/{lang}.json").read_text(encoding="utf-8"))
        assert data["schedule"] == f"{prefix}schedule/"
        assert [data["items"][0]["id"], data["items"][0]["status"]] == [CANCELLED, "cancelled"]
        assert all((built / data["schedule"] / item["id"] / "index.html").is_file() for item in data["items"])
        assert f'data-ms-upcoming="{"../" if prefix else ""}upcoming/{lang}.json"' in \
            (built / prefix / "index.html").read_text(encoding="utf-8")


def test_a_clone_of_the_commit_builds_the_same_calendars(repository, built, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repository), str(clone)], check=True, capture_output=True)
    again = build_demo(tmp_path / "site", root=clone, now="2018-11-16T12:00:00Z", base_url=BASE)
    for path in sorted(built.rglob("*.ics")) + sorted(built.rglob("upcoming/*.json")):
        relative = path.relative_to(built)
        assert (again / relative).read_bytes() == path.read_bytes(), relative


def test_microsite_build_refuses_a_shallow_clone_and_keeps_the_previous_site(repository, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(shallow)], check=True,
                   capture_output=True)
    out = io.StringIO()
    assert build_site(shallow, environ={"MICROSITE_NOW": "2018-11-16T12:00:00Z", "PATH": os.environ["PATH"]},
                      out=out) == 1
    shown = out.getvalue()
    assert "data/events.yaml: this copy of the repository is a shallow clone" in shown
    assert "git fetch --unshallow" in shown and "The site was not built" in shown
    assert not (shallow / "site").exists()


def test_microsite_build_from_an_archive_warns_and_builds(repository, tmp_path):
    archive = tmp_path / "archive.tar"
    subprocess.run(["git", "archive", "-o", str(archive), "HEAD"], cwd=repository, check=True)
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
    out = io.StringIO()
    assert build_site(unpacked, environ={"MICROSITE_NOW": "2018-11-16T12:00:00Z", "PATH": os.environ["PATH"]},
                      out=out) == 0
    assert "data/events.yaml: warning: this folder is not a git clone" in out.getvalue()
    fields = _vevent((unpacked / "site/feeds/pl/all.ics").read_bytes(),
                     f"{CANCELLED}@spolecznie-zorganizowani.test")
    assert fields["LAST-MODIFIED"] == fields["CREATED"] == "20181116T120000Z"  # the build's "now": no history


def test_the_sitemap_dates_each_page_by_the_last_change_of_what_it_shows(built):
    """lastmod from the history: the first commit wrote everything (08:00 UTC, 1 October 2018), the second
    changed events.yaml alone (08:30 UTC, 15 November 2018), cancelling one meeting, the third the Polish
    contact page alone (08:00 UTC, 16 November 2018)."""
    first, second, third = "2018-10-01T08:00:00Z", "2018-11-15T08:30:00Z", "2018-11-16T08:00:00Z"
    tree = ET.parse(built / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    lastmod = {u.find(f"{ns}loc").text[len(BASE):]: u.find(f"{ns}lastmod").text for u in tree.findall(f"{ns}url")}
    assert lastmod["about/"] == lastmod["en/about/"] == first  # its text and its results: project.yaml
    assert lastmod["contact/"] == third and lastmod["en/contact/"] == lastmod["partners/"] == first  # its own file
    assert lastmod[""] == lastmod["en/"] == second  # the home page lists upcoming events: events.yaml
    assert lastmod["schedule/"] == second
    assert lastmod[f"schedule/{CANCELLED}/"] == lastmod[f"en/schedule/{CANCELLED}/"] == second  # this event changed
    assert lastmod["schedule/dyzur-krosno-2019-03-27/"] == first  # this one did not
    assert lastmod["study-visit-2018/"] == first  # the visit's own page: its text and its event, unchanged
    assert "schedule/wizyta-studyjna-2018/" not in lastmod  # it defers to the visit's page
