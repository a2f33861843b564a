"""SEQUENCE, CREATED and LAST-MODIFIED from real commits in a real git repository.

The rule (docs/decisions/0002-sequence-and-dtstamp.md): SEQUENCE never falls and
rises with every change a subscriber sees; CREATED is the commit that added the
event, LAST-MODIFIED (and DTSTAMP) the last commit that changed it. Each test
commits editors' ordinary edits to a copy of the demo, with fixed commit times,
and reads the history as the build does.
"""

from __future__ import annotations

import json
import os
import subprocess
import tarfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml

from microsite import gitlog, history
from microsite.history import EventVersion, read_history
from microsite.load import load_site
from sitefactory import SiteCopy, copy_demo

NOW = datetime(2030, 1, 1, 12, tzinfo=timezone.utc)
"""The build's "now": the time of uncommitted changes, and of everything outside git."""
MEETING = "spotkanie-informacyjne-krosno-2018-11-20"
OTHER = "spotkanie-informacyjne-przemysl-2018-11-21"
SLOT = """
  - id: dyzur-wtorki
    kind: duty_hours
    title:
      pl: Dyżur we wtorki
      en: Tuesday duty hours
    start: 2019-05-07 10:00
    end: 2019-05-07 14:00
    venue: rckp-krosno
    repeat:
      every: week
      until: 2019-05-28
"""


def _git(root: Path, *args: str, when: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redakcja", "GIT_AUTHOR_EMAIL": "redakcja@example.org",
           "GIT_COMMITTER_NAME": "Redakcja", "GIT_COMMITTER_EMAIL": "redakcja@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(root)}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    return subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True).stdout


class Repo:
    """A copy of the demo in its own git repository; every commit gets the next day's noon as its time."""

    def __init__(self, site: SiteCopy) -> None:
        self.site = site
        self.root = site.root
        self.day = 0
        _git(self.root, "init", "-q", "-b", "main")

    def commit(self, message: str) -> datetime:
        """Commit everything; return the commit's time."""
        self.day += 1
        when = datetime(2019, 1, self.day, 12, tzinfo=timezone.utc)
        _git(self.root, "add", "-A")
        _git(self.root, "commit", "-q", "-m", message, when=when.isoformat())
        return when

    def versions(self, root: Path | None = None) -> dict[str, EventVersion]:
        """Read the history afresh, and again with what earlier reads kept (as builds do): both must agree."""
        root = root or self.root
        site, _ = load_site(root)
        history = read_history(root, site, now=NOW)
        assert history.problems == ()
        assert read_history(root, site, now=NOW, kept=self.kept) == history
        return dict(history.versions)

    @property
    def kept(self) -> Path:
        """Where the versions read are kept between reads (beside the repository: never committed)."""
        return self.root.parent / "kept-history.json"

    def sequence(self, ident: str) -> int:
        return self.versions()[ident].sequence


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(copy_demo(tmp_path / "project"))


def _status(repo: Repo, ident: str, status: str | None) -> None:
    """Set an event's status line (None: back to scheduled)."""
    text = repo.site.read("events.yaml")
    start = text.index(f"  - id: {ident}\n")
    end = text.find("\n  - id:", start + 1)
    end = len(text) if end < 0 else end
    entry = "\n".join(line for line in text[start:end].split("\n") if not line.startswith("    status:"))
    if status:
        entry = entry.rstrip("\n") + f"\n    status: {status}\n"
    repo.site.write("events.yaml", text[:start] + entry + text[end:])


def test_a_new_event_is_version_0_created_and_modified_by_its_commit(repo):
    first = repo.commit("the demo")
    versions = repo.versions()
    assert set(versions) == {e.id for e in load_site(repo.root)[0].events}
    assert versions[MEETING] == EventVersion(0, first, first)


def test_a_time_edit_cancel_and_restore_each_raise_the_sequence(repo):
    first = repo.commit("the demo")
    seen = [repo.versions()[MEETING]]
    repo.site.replace("events.yaml", "end: 2018-11-20 18:30", "end: 2018-11-20 19:00")
    edited = repo.commit("the meeting ends at 19:00")
    seen.append(repo.versions()[MEETING])
    _status(repo, MEETING, "cancelled")
    cancelled = repo.commit("cancelled")
    seen.append(repo.versions()[MEETING])
    _status(repo, MEETING, None)
    restored = repo.commit("it takes place after all")
    seen.append(repo.versions()[MEETING])
    sequences = [v.sequence for v in seen]
    assert sequences == sorted(sequences) and len(set(sequences)) == 4, sequences
    assert sequences[:2] == [0, 1]  # one visible change
    # Cancelled: 2 changes + 3, what the rule before this one gave a cancelled event, so no calendar that
    # saw that value sees a lower one; restored: one more change.
    assert sequences[2:] == [5, 6]
    assert [v.modified for v in seen] == [first, edited, cancelled, restored]
    assert {v.created for v in seen} == {first}
    untouched = repo.versions()[OTHER]
    assert untouched == EventVersion(0, first, first)


def test_postponed_and_back_to_its_date_rises_both_times(repo):
    repo.commit("the demo")
    sequences = [repo.sequence(MEETING)]
    _status(repo, MEETING, "postponed")
    repo.commit("postponed")
    sequences.append(repo.sequence(MEETING))
    _status(repo, MEETING, None)
    repo.commit("back on its date")
    sequences.append(repo.sequence(MEETING))
    assert sequences[0] < sequences[1] < sequences[2], sequences


def test_rescheduled_then_cancelled_then_restored_never_falls(repo):
    repo.commit("the demo")
    sequences = [repo.sequence(MEETING)]
    repo.site.replace("events.yaml", "start: 2018-11-20 16:30\n    end: 2018-11-20 18:30",
                      "start: 2018-11-27 16:30\n    end: 2018-11-27 18:30\n    previous_start: 2018-11-20 16:30")
    _status(repo, MEETING, "rescheduled")
    repo.commit("moved a week")
    sequences.append(repo.sequence(MEETING))
    _status(repo, MEETING, "cancelled")
    repo.commit("cancelled")
    sequences.append(repo.sequence(MEETING))
    _status(repo, MEETING, "rescheduled")
    repo.commit("restored")
    sequences.append(repo.sequence(MEETING))
    assert all(a < b for a, b in zip(sequences, sequences[1:])), sequences


def test_one_date_of_a_weekly_slot_cancelled_and_restored(repo):
    repo.site.append("events.yaml", SLOT)
    first = repo.commit("weekly duty hours")
    dates = [f"dyzur-wtorki-2019-05-{day:02d}" for day in (7, 14, 21, 28)]
    before = repo.versions()
    assert [before[d] for d in dates] == [EventVersion(0, first, first)] * 4
    repo.site.replace("events.yaml", "      until: 2019-05-28\n", "      until: 2019-05-28\n      cancelled: [2019-05-14]\n")
    cancelled = repo.commit("no duty hours on 14 May")
    during = repo.versions()
    repo.site.replace("events.yaml", "      cancelled: [2019-05-14]\n", "")
    restored = repo.commit("14 May after all")
    after = repo.versions()
    cancelled_date = "dyzur-wtorki-2019-05-14"
    assert before[cancelled_date].sequence < during[cancelled_date].sequence < after[cancelled_date].sequence
    assert (during[cancelled_date].modified, after[cancelled_date].modified) == (cancelled, restored)
    for other in set(dates) - {cancelled_date}:
        assert before[other] == during[other] == after[other] == EventVersion(0, first, first)


def test_what_no_subscriber_sees_changes_nothing(repo):
    first = repo.commit("the demo")
    before = repo.versions()
    text = repo.site.read("events.yaml")
    # A comment, the fields in another order, a different quoting, and the retired 'updated' field.
    text = text.replace("  - id: spotkanie-informacyjne-krosno-2018-11-20\n    kind: information_meeting\n",
                        "  # Spotkanie w Krośnie\n  - kind: information_meeting\n"
                        "    id: 'spotkanie-informacyjne-krosno-2018-11-20'\n    updated: 2019-01-01 10:00\n")
    repo.site.write("events.yaml", text)
    repo.site.replace("venues.yaml", "  - id: cwop-krosno\n", "  - id: cwop-krosno  # CWOP\n")
    repo.commit("tidying up")
    assert repo.versions() == before
    assert before[MEETING].modified == first


def test_a_new_street_changes_the_events_at_that_venue(repo):
    repo.commit("the demo")
    repo.site.replace("venues.yaml", "street: ul. Grodzka 10", "street: ul. Grodzka 12")
    moved = repo.commit("the venue's address")
    versions = repo.versions()
    assert versions[MEETING].sequence == 1 and versions[MEETING].modified == moved  # held at cwop-krosno
    assert versions[OTHER].sequence == 0  # held in Przemyśl


def test_an_unreadable_commit_is_passed_over(repo):
    repo.commit("the demo")
    good = repo.site.read("events.yaml")
    repo.site.write("events.yaml", good + "  - id: [broken\n")
    repo.commit("a typo the check refused")
    repo.site.write("events.yaml", good)
    repo.commit("fixed")
    assert repo.sequence(MEETING) == 0


def test_an_entry_pasted_twice_counts_as_its_first_copy(repo):
    """The check refuses a second entry with one id, but such a commit can be in the history: as the check
    reads it, the first copy is the event."""
    repo.commit("the demo")
    text = repo.site.read("events.yaml")
    start = text.index(f"  - id: {MEETING}\n")
    copy = text[start:text.index("\n\n", start) + 1].replace("start: 2018-11-20 16:30", "start: 2018-11-20 17:00")
    repo.site.write("events.yaml", text.rstrip("\n") + "\n\n" + copy)
    repo.commit("a copy pasted at the end, with another time")
    repo.site.write("events.yaml", text)
    repo.commit("the copy removed")
    assert repo.sequence(MEETING) == 0


def test_merges_never_lower_what_a_deployed_commit_gave(repo):
    """A change on a branch merged into main, and an editor's `git pull` merge (main as the second parent)."""
    base = repo.commit("the demo")
    _git(repo.root, "checkout", "-q", "-b", "side")
    repo.site.replace("events.yaml", "end: 2018-11-20 18:30", "end: 2018-11-20 19:00")
    repo.commit("side: meeting ends later")
    _status(repo, MEETING, "cancelled")
    repo.commit("side: meeting cancelled")
    side = repo.versions()
    _git(repo.root, "checkout", "-q", "main")
    _status(repo, OTHER, "postponed")
    repo.commit("main: the other meeting postponed")
    _status(repo, OTHER, None)
    repo.commit("main: the other meeting back on its date")  # as on the side: the merge shows no difference
    deployed = repo.versions()  # what the site published from main
    # An editor's local branch merges main in (main is the *second* parent), then is pushed to main.
    _git(repo.root, "checkout", "-q", "side")
    _git(repo.root, "merge", "-q", "--no-edit", "main", when=datetime(2019, 2, 1, tzinfo=timezone.utc).isoformat())
    pulled = repo.versions()
    for ident in deployed:
        assert pulled[ident].sequence >= deployed[ident].sequence, ident
        assert pulled[ident].sequence >= side[ident].sequence, ident
    assert pulled[MEETING].sequence > deployed[MEETING].sequence  # main's readers see the cancellation
    assert deployed[OTHER].sequence > side[OTHER].sequence  # two changes on main, none on the side
    assert pulled["dyzur-krosno-2019-03-27"] == EventVersion(0, base, base)


def test_a_merge_that_undoes_the_deployed_change_still_raises_it(repo):
    """An editor's `git pull` merge resolved with their own version: main's readers see the change undone."""
    repo.commit("the demo")
    _git(repo.root, "checkout", "-q", "-b", "side")
    repo.site.replace("events.yaml", "end: 2018-11-20 18:30", "end: 2018-11-20 19:00")
    repo.commit("side: meeting ends later")
    _git(repo.root, "checkout", "-q", "main")
    _status(repo, OTHER, "postponed")
    repo.commit("main: the other meeting postponed")
    deployed = repo.versions()
    _git(repo.root, "checkout", "-q", "side")
    _git(repo.root, "merge", "-q", "--no-commit", "--no-ff", "main")
    _status(repo, OTHER, None)  # the editor keeps their version of the other meeting
    _git(repo.root, "add", "-A")
    _git(repo.root, "commit", "-q", "-m", "merge", when=datetime(2019, 2, 1, tzinfo=timezone.utc).isoformat())
    merged = repo.versions()
    assert merged[OTHER].sequence > deployed[OTHER].sequence


def test_uncommitted_changes_count_once_at_the_builds_now(repo):
    repo.commit("the demo")
    repo.site.replace("events.yaml", "end: 2018-11-20 18:30", "end: 2018-11-20 19:00")
    versions = repo.versions()
    assert versions[MEETING].sequence == 1 and versions[MEETING].modified == NOW


def test_every_clone_of_one_commit_gives_the_same_versions(repo, tmp_path):
    repo.commit("the demo")
    _status(repo, MEETING, "cancelled")
    repo.commit("cancelled")
    clone = tmp_path / "ci"
    _git(tmp_path, "clone", "-q", str(repo.root), str(clone))  # what actions/checkout with fetch-depth: 0 gets
    assert repo.versions(clone) == repo.versions() == repo.versions()


def test_a_shallow_clone_is_refused(repo, tmp_path):
    repo.commit("the demo")
    _status(repo, MEETING, "cancelled")
    repo.commit("cancelled")
    shallow = tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow))
    history = read_history(shallow, load_site(shallow)[0], now=NOW)
    (problem,) = history.problems
    assert problem.is_error and history.versions == {}
    assert "shallow clone" in problem.message and "git fetch --unshallow" in problem.fix
    assert "fetch-depth: 0" in problem.fix


def test_outside_git_every_event_is_new_at_now_and_the_build_says_so(repo, tmp_path):
    repo.commit("the demo")
    _status(repo, MEETING, "cancelled")
    repo.commit("cancelled")
    archive = tmp_path / "archive.tar"
    _git(repo.root, "archive", "-o", str(archive), "HEAD")
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
    history = read_history(unpacked, load_site(unpacked)[0], now=NOW)
    (problem,) = history.problems
    assert problem.severity == "warning" and "not a git clone" in problem.message and "git clone" in problem.fix
    # No history: what the data says now, at the build's time (the cancelled event keeps its weight).
    assert history.versions[OTHER] == EventVersion(0, NOW, NOW)
    assert history.versions[MEETING] == EventVersion(3, NOW, NOW)


def test_git_runs_a_fixed_number_of_times_whatever_the_events_and_commits(repo, monkeypatch):
    calls = []
    run = gitlog.subprocess.run

    def counting(args, **kwargs):
        calls.append(next(a for a in args[1:] if not a.startswith("-") and "=" not in a))  # the subcommand
        return run(args, **kwargs)

    monkeypatch.setattr(gitlog.subprocess, "run", counting)

    def count() -> int:
        calls.clear()
        read_history(repo.root, load_site(repo.root)[0], now=NOW)
        return len(calls)

    repo.commit("the demo")
    few = count()
    for number in range(12):
        repo.site.append("events.yaml", SLOT.replace("dyzur-wtorki", f"dyzur-{number}"))
        _status(repo, MEETING, "cancelled" if number % 2 else None)
        repo.commit(f"edit {number}")
    assert count() == few == 6, calls  # rev-parse twice, log, cat-file thrice (folders, files, contents)
    assert "log" in calls and calls.count("cat-file") == 3


def test_each_version_of_the_venues_is_reduced_once_whatever_the_versions_of_the_events(repo, monkeypatch):
    """Every version of events.yaml is compared with the venues and partners: they are read once per version."""
    reduced = []
    reduce = history._canonical

    def counting(value):
        reduced.append(value)
        return reduce(value)

    monkeypatch.setattr(history, "_canonical", counting)
    venues = sum(1 for venue in yaml.safe_load(repo.site.read("venues.yaml"))["venues"] if "street" in venue)
    repo.commit("the demo")
    for number in range(6):
        _status(repo, MEETING, None if number % 2 else "cancelled")
        repo.commit(f"edit {number}")
    repo.site.replace("venues.yaml", "street: ul. Grodzka 10", "street: ul. Grodzka 12")
    repo.commit("the venue's address")
    reduced.clear()
    read_history(repo.root, load_site(repo.root)[0], now=NOW)
    venue_dicts = [value for value in reduced if isinstance(value, dict) and "street" in value]
    assert len(venue_dicts) == 2 * venues  # the two versions of venues.yaml, each venue once


def test_a_project_in_a_subfolder_of_its_repository(tmp_path):
    monorepo = tmp_path / "monorepo"
    site = copy_demo(monorepo / "sites" / "demo")
    repo = Repo(SiteCopy(monorepo))
    first = repo.commit("the demo, one folder down")
    versions = Repo.versions(repo, site.root)
    assert versions[MEETING] == EventVersion(0, first, first)


@pytest.mark.parametrize("fixture", ["demo", "uk-fund", "eea-project"])
def test_the_usual_layout_is_cut_into_entries_without_parsing_the_whole_file(fixture):
    """Hundreds of versions of a big events.yaml are read by cutting each into entries and parsing only new ones."""
    from conftest_site import FIXTURES
    from microsite.history import _split_entries

    text = (FIXTURES / fixture / "data" / "events.yaml").read_bytes()
    lead, chunks = _split_entries(text)
    site, _ = load_site(FIXTURES / fixture)
    assert lead == b"  - " and len(chunks) == len({e.series or e.id for e in site.events})


@pytest.mark.parametrize("layout", [
    "events: [{id: a, kind: workshop}]\n",                          # a flow list
    "events:\n  - id: a\n  kind: workshop\n",                       # a key at the items' indentation
    "events:\n\t- id: a\n",                                         # a tab
])
def test_any_other_layout_is_parsed_whole(layout):
    from microsite.history import _split_entries

    assert _split_entries(layout.encode()) is None


def test_other_layouts_give_the_same_versions_as_the_usual_one(repo):
    """The same data written differently is no change, whether it is cut into entries or parsed whole."""
    repo.commit("the demo")
    usual = repo.versions()
    text = repo.site.read("events.yaml")
    # An anchor in one entry used by another (the check refuses them today, but an old commit may have
    # one): entries cannot be parsed alone, the whole file is.
    anchored = text.replace("    venue: cwop-krosno\n", "    venue: &krosno cwop-krosno\n", 1)
    repo.site.write("events.yaml", anchored.replace("    venue: cwop-krosno\n", "    venue: *krosno\n"))
    repo.commit("an anchor")
    repo.site.write("events.yaml", text.replace("\n  ", "\n"))  # entries at the start of the line
    repo.commit("no indentation")
    assert repo.versions() == usual


def test_a_git_log_that_fails_is_the_builds_error_not_made_up_versions(repo, monkeypatch):
    """Versions invented without the history could fall below what subscribers hold: refuse, saying why."""
    from microsite import history

    repo.commit("the demo")

    def failing(*args, **kwargs):
        raise gitlog.GitError("fatal: bad object HEAD")

    monkeypatch.setattr(history, "read_commits", failing)
    result = read_history(repo.root, load_site(repo.root)[0], now=NOW)
    (problem,) = result.problems
    assert problem.is_error and result.versions == {}
    assert problem.location.file == "data/events.yaml" and "bad object HEAD" in problem.message
    assert "git log" in problem.fix


def _blob(root: Path, path: str) -> str:
    return _git(root, "rev-parse", f"HEAD:{path}").strip()


def test_a_kept_version_is_not_read_from_git_again(repo, monkeypatch):
    """Each build reads from git only the versions of events.yaml it has not kept (and HEAD's, to compare)."""
    repo.commit("the demo")
    for number in range(5):
        _status(repo, MEETING, "cancelled" if number % 2 else "postponed")
        repo.commit(f"edit {number}")
    site = load_site(repo.root)[0]
    fresh = read_history(repo.root, site, now=NOW)
    asked: list[str] = []
    read = history.read_blobs

    def reading(root, ids):
        asked.extend(ids)
        return read(root, ids)

    monkeypatch.setattr(history, "read_blobs", reading)
    assert read_history(repo.root, site, now=NOW, kept=repo.kept) == fresh  # nothing kept yet: all read
    events = {_git(repo.root, "rev-parse", f"HEAD~{n}:data/events.yaml").strip() for n in range(6)}
    assert events <= set(asked)
    asked.clear()
    assert read_history(repo.root, site, now=NOW, kept=repo.kept) == fresh
    assert events & set(asked) == {_blob(repo.root, "data/events.yaml")}  # HEAD's alone


def test_a_damaged_or_foreign_kept_file_is_read_again_from_git(repo, monkeypatch):
    repo.commit("the demo")
    _status(repo, MEETING, "cancelled")
    repo.commit("cancelled")
    expected = repo.versions()
    site = load_site(repo.root)[0]
    out_of_table = json.loads(repo.kept.read_text(encoding="utf-8"))
    out_of_table["blobs"] = {blob: [99999] for blob in out_of_table["blobs"]}
    for damage in (b"{not json", b'{"generator": "x", "entries": [], "blobs": {}, "chunks": {}}',
                   json.dumps(out_of_table).encode()):
        repo.kept.write_bytes(damage)
        assert dict(read_history(repo.root, site, now=NOW, kept=repo.kept).versions) == expected
    monkeypatch.setattr(history, "generator_fingerprint", lambda: "another generator")
    text = repo.kept.read_text(encoding="utf-8")
    assert '"generator":"another generator"' not in text
    assert dict(read_history(repo.root, site, now=NOW, kept=repo.kept).versions) == expected
    assert '"generator":"another generator"' in repo.kept.read_text(encoding="utf-8")  # kept anew


def test_the_kept_file_holds_only_the_history_it_was_last_read_with(repo):
    repo.commit("the demo")
    _status(repo, MEETING, "cancelled")
    repo.commit("cancelled")
    _status(repo, MEETING, "postponed")
    repo.commit("postponed instead")
    repo.versions()
    assert len(json.loads(repo.kept.read_text(encoding="utf-8"))["blobs"]) == 3
    _git(repo.root, "reset", "-q", "--hard", "HEAD~2")  # the last two commits undone
    repo.versions()
    kept = json.loads(repo.kept.read_text(encoding="utf-8"))
    assert list(kept["blobs"]) == [_blob(repo.root, "data/events.yaml")]


def test_a_kept_file_that_is_a_link_is_not_read(repo, tmp_path):
    """A link could lead outside the repository: the history is read from git instead."""
    repo.commit("the demo")
    _status(repo, MEETING, "cancelled")
    repo.commit("cancelled")
    expected = repo.versions()
    outside = tmp_path / "outside.json"
    outside.write_bytes(json.dumps(_fake_kept(repo.kept)).encode())
    repo.kept.unlink()
    repo.kept.symlink_to(outside)
    site = load_site(repo.root)[0]
    assert dict(read_history(repo.root, site, now=NOW, kept=repo.kept).versions) == expected


def _fake_kept(path: Path) -> dict:
    """What a kept file would hold if every entry of every version were the first one."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["blobs"] = {blob: [0] for blob in data["blobs"]}
    return data
