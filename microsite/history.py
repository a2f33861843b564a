"""How often each event changed and when, read from the repository's history.

Calendar apps keep their own copy of every event and take a new one only when its
SEQUENCE is higher than the one they hold (RFC 5545 §3.8.7.4, RFC 5546): a
SEQUENCE that falls, or stays put after a change, leaves people with a stale
event. A static site has no database to count changes in, but its repository
holds every version of the data, so:

- SEQUENCE is the number of commits in which the event changed in a way a
  subscriber sees (its entry, its venue's entry, its organiser's name, the
  project's time zone; for one date of a weekly slot, the slot and whether that
  date is cancelled), plus the highest value the rule before this one gave it
  in any version (so that no calendar ever sees it fall). Counting commits of
  the whole history reachable from HEAD can only grow as commits are added, and
  grows with every visible change, whatever the order of merges.
- CREATED is the time of the commit that added the event, LAST-MODIFIED (and
  DTSTAMP) the time of the last commit that changed it.

Two builds of one commit read the same history, so they give the same values;
uncommitted changes count as one more change at the build's "now". A shallow
clone cuts the history off and is refused; outside git there is no history, and
the build says so. docs/decisions/0002-sequence-and-dtstamp.md gives the rule
and the measurements behind it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

import yaml

from .buildcache import generator_fingerprint
from .errors import Location, Problem
from .gitlog import Clone, Commit, GitError, read_blobs, read_clone, read_commits
from .model.site import Site

__all__ = ["EventVersion", "History", "WATCHED_FILES", "clone_problems", "read_history"]

WATCHED_FILES = ("events.yaml", "venues.yaml", "partners.yaml", "project.yaml")
"""The data files whose changes a subscriber can see in an event."""

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_WORKTREE = "worktree:"
"""What the key of an uncommitted file's text starts with (a committed one's is its blob id)."""
_LEGACY_WEIGHT = {"postponed": 1, "rescheduled": 1, "moved_online": 2, "cancelled": 3}
"""The status weights of the rule before this one (SEQUENCE = previous starts + weight + revision)."""


@dataclass(frozen=True, slots=True)
class EventVersion:
    """What calendars are told about an event's versions."""

    sequence: int
    """SEQUENCE: rises with every change a subscriber sees, never falls."""
    created: datetime
    """CREATED: when the event was added (UTC)."""
    modified: datetime
    """LAST-MODIFIED and DTSTAMP: when it last changed (UTC)."""


@dataclass(frozen=True, slots=True)
class History:
    """The version of every event, and what kept the history from being read in full."""

    versions: Mapping[str, EventVersion]
    problems: tuple[Problem, ...] = ()


def clone_problems(clone: Clone, data_dir: str = "data") -> list[Problem]:
    """Return what a copy of this kind means for the calendars: an error for a cut history, a warning for none."""
    where = Location(f"{data_dir}/events.yaml")
    if clone is Clone.SHALLOW:
        return [Problem(where, "", "this copy of the repository is a shallow clone (only its latest commits), so "
                        "the calendars cannot count how often each event changed, and would give events lower "
                        "version numbers than people's calendars already hold",
                        "download the whole history with 'git fetch --unshallow' (in GitHub Actions: "
                        "'fetch-depth: 0' under 'actions/checkout'; in GitLab CI: 'GIT_DEPTH: 0'), then build again")]
    if clone is Clone.NONE:
        return [Problem(where, "", "this folder is not a git clone (a downloaded archive?), so the calendars cannot "
                        "tell which events changed: every event is written as new at this build",
                        "fine for a preview; publish only from a full clone ('git clone <address>', without "
                        "--depth)", "warning")]
    return []


def read_history(root: Path | str, site: Site, *, now: datetime, data_dir: str = "data",
                 kept: Path | None = None) -> History:
    """Return the version of each of the site's events (by id), read from git at ``root``.

    ``now`` (aware) is the time of uncommitted changes, and of every event when
    there is no history to read. A shallow clone gives no versions and an error.
    ``kept`` is a file where each version of events.yaml is kept, cut into
    entries, for the next build (None: keep nothing); a kept version is not
    read from git again.
    """
    root = Path(root)
    if not site.events:
        return History({})
    clone, prefix = read_clone(root)
    problems = clone_problems(clone, data_dir)
    if clone is Clone.SHALLOW:
        return History({}, tuple(problems))
    commits: list[Commit] = []
    if clone is Clone.FULL:
        try:
            commits = read_commits(root, f"{prefix}{data_dir}", WATCHED_FILES)
        except GitError as error:
            return History({}, (Problem(Location(f"{data_dir}/events.yaml"), "", "git could not read the history "
                                        f"the calendars' version numbers come from ({error})",
                                        "check that 'git log' works in this folder, then build again"),))
    store = _KeptEntries.read(kept)
    files = _Files(root, data_dir, commits, store)
    versions = _Counter(site, files, store).versions(commits, _worktree_commit(files, commits, now))
    store.write({commit.files[0] for commit in commits})
    return History(versions, tuple(problems))


class _Files:
    """The watched files' bytes: every version git holds, and the working copy (kept as bytes: never decoded
    whole, since YAML reads bytes and most versions only need cutting into entries)."""

    def __init__(self, root: Path, data_dir: str, commits: list[Commit], kept: _KeptEntries) -> None:
        head = set(commits[-1].files) if commits else set()
        wanted = sorted({blob for commit in commits for index, blob in enumerate(commit.files)
                         if blob and (index or blob in head or not kept.has(blob))})
        self.texts: dict[str | None, bytes] = {None: b""}
        self.texts.update(read_blobs(root, wanted))
        self.worktree: list[str | None] = []
        for name in WATCHED_FILES:
            path = root / data_dir / name
            if not path.is_file():
                self.worktree.append(None)
                continue
            data = path.read_bytes()
            key = _WORKTREE + hashlib.sha1(data).hexdigest()
            self.texts[key] = data
            self.worktree.append(key)


def _worktree_commit(files: _Files, commits: list[Commit], now: datetime) -> Commit | None:
    """Return the uncommitted state as one more commit on top of HEAD, or None if it is HEAD's."""
    head = commits[-1] if commits else None
    keys = tuple(_same_as(files, key, head.files[i] if head else None) for i, key in enumerate(files.worktree))
    if head is not None and keys == head.files:
        return None
    return Commit("worktree", (head.id,) if head else (), now.astimezone(timezone.utc).replace(microsecond=0), keys)


def _same_as(files: _Files, key: str | None, committed: str | None) -> str | None:
    """Return the committed version's key when the working copy has the same text."""
    if key is not None and committed is not None and files.texts.get(key) == files.texts.get(committed):
        return committed
    return key


@dataclass(frozen=True, slots=True)
class _Entry:
    """What one version of an ``events.yaml`` entry shows subscribers, reduced to comparable values."""

    shown: str
    """The entry as canonical JSON, without what no calendar shows (``updated``) or what belongs to single dates."""
    venues: tuple[str, ...]
    organiser: str | None
    cancelled: frozenset[str]
    """Dates of a weekly slot given as cancelled (ISO)."""
    skipped: frozenset[str]
    """Dates of a weekly slot left out (``except``)."""
    legacy: int
    """What the rule before this one gave the entry as SEQUENCE."""
    legacy_cancelled: int
    """… and a cancelled date of it."""


@dataclass(frozen=True, slots=True)
class _State:
    """One version of the watched files, reduced to what subscribers see."""

    entries: dict[str, _Entry]
    """events.yaml's entries by id."""
    venues: dict[str, str]
    """Each venue as canonical JSON."""
    partners: dict[str, str]
    """Each partner's name as canonical JSON (an event's DESCRIPTION names its organiser)."""
    zone: str
    """The project's time zone (that of events with no venue)."""


class _Counter:
    """Turns versions of the data files into each event's SEQUENCE, CREATED and LAST-MODIFIED.

    Versions are compared entry by entry (most commits change one or two), and
    only the events of the changed entries are looked at.
    """

    def __init__(self, site: Site, files: _Files, kept: _KeptEntries) -> None:
        self.files = files
        self.kept = kept
        # Only the events of the current version matter: each one's slot id and date, if it has them.
        self.events = {e.id: (e.series, e.id[len(e.series) + 1:] if e.series else None) for e in site.events}
        self.by_entry: dict[str, list[str]] = {}
        """The events an entry id can give: a one-off event's own, a slot's dates."""
        for ident, (series, _) in self.events.items():
            self.by_entry.setdefault(ident, []).append(ident)
            if series:
                self.by_entry.setdefault(series, []).append(ident)
        self.parsed: dict[str | None, object] = {}
        self.listed: dict[tuple[str | None, str], dict[str, str] | None] = {}
        """Venues and partners by id, for each version of their file: every version of events.yaml meets them."""
        self.states: dict[tuple, _State | None] = {}
        self.versions_of: dict[str, list[_Entry]] = {}
        """Every version of each entry id met in the history, for the former rule's highest value."""
        self.met: set[int] = set()
        """The kept entries already in ``versions_of``."""

    def versions(self, commits: list[Commit], worktree: Commit | None) -> dict[str, EventVersion]:
        count: dict[str, int] = {}
        created: dict[str, datetime] = {}
        modified: dict[str, datetime] = {}
        seen: dict[str, tuple] = {}  # commit id → the key of its effective state
        empty = (None,) * len(WATCHED_FILES)
        for commit in commits + ([worktree] if worktree else []):
            key = commit.files
            parents = list(dict.fromkeys(seen[p] for p in commit.parents if p in seen))
            if self.state(key) is None:  # unreadable (a commit with broken YAML): as its first parent
                key = parents[0] if parents else empty
            seen[commit.id] = key
            if parents == [key]:
                continue  # most commits change no watched file
            after = self.state(key) or self.state(empty)
            before = [self.state(parent) or self.state(empty) for parent in parents] or [self.state(empty)]
            touched = set().union(*(self._touched(state, after) for state in before))
            for ident in touched:
                now = self._shown(after, ident)
                was = [self._shown(state, ident) for state in before]
                if now is not None and all(value is None for value in was):
                    created[ident] = min(created.get(ident, commit.time), commit.time)
                if any(value is not None and value != now for value in was):
                    count[ident] = count.get(ident, 0) + 1
                    modified[ident] = max(modified.get(ident, commit.time), commit.time)
        floor = self._former_rule()
        versions = {}
        for ident in self.events:
            if ident not in created:
                continue  # not in the data as read here: the writer's default applies
            first = created[ident]
            versions[ident] = EventVersion(count.get(ident, 0) + floor.get(ident, 0), first,
                                           max(modified.get(ident, first), first))
        return versions

    def _touched(self, before: _State, after: _State) -> set[str]:
        """Return the current events whose entry, venue, organiser or zone differs between two versions."""
        if before.zone != after.zone:
            return set(self.events)
        venues = {v for v in before.venues.keys() | after.venues.keys() if before.venues.get(v) != after.venues.get(v)}
        partners = {p for p in before.partners.keys() | after.partners.keys()
                    if before.partners.get(p) != after.partners.get(p)}
        entries = {ident for ident in before.entries.keys() | after.entries.keys()
                   if before.entries.get(ident) is not after.entries.get(ident)
                   and before.entries.get(ident) != after.entries.get(ident)}
        if venues or partners:
            for state in (before, after):
                entries.update(ident for ident, entry in state.entries.items()
                               if venues.intersection(entry.venues) or entry.organiser in partners)
        return {event for ident in entries for event in self.by_entry.get(ident, ())}

    def _shown(self, state: _State, ident: str) -> tuple | None:
        """Return what a subscriber sees of one current event in a version (None: it is not there)."""
        series, day = self.events[ident]
        slot = state.entries.get(series) if series else None
        if slot is not None and day not in slot.skipped:
            entry, cancelled = slot, day in slot.cancelled
        elif ident in state.entries:
            entry, cancelled = state.entries[ident], False
        else:
            return None
        return (entry.shown, tuple(state.venues.get(v) for v in entry.venues),
                state.partners.get(entry.organiser) if entry.organiser else None, state.zone, cancelled)

    def _former_rule(self) -> dict[str, int]:
        """Return the highest SEQUENCE the rule before this one gave each event in any version met."""
        floor: dict[str, int] = {}
        for ident, (series, day) in self.events.items():
            values = [entry.legacy for entry in self.versions_of.get(ident, ())]
            for slot in self.versions_of.get(series, ()) if series else ():
                if day not in slot.skipped:
                    values.append(slot.legacy_cancelled if day in slot.cancelled else slot.legacy)
            floor[ident] = max(values, default=0)
        return floor

    def state(self, key: tuple) -> _State | None:
        """Return one version of the watched files (None: unreadable)."""
        if key not in self.states:
            self.states[key] = self._state(key)
        return self.states[key]

    def _state(self, key: tuple) -> _State | None:
        events_key, venues_key, partners_key, project_key = key
        entries = self._entries(events_key)
        venues = self._listed(venues_key, "venues", lambda item: _canonical(item))
        partners = self._listed(partners_key, "partners", lambda item: _canonical(item.get("name")))
        project = self._parsed(project_key)
        if entries is None or venues is None or partners is None or project is None:
            return None
        zone = str(project.get("timezone")) if isinstance(project, dict) else ""
        return _State(entries, venues, partners, zone)

    def _parsed(self, key: str | None) -> object:
        """Return a whole file parsed ({} for a missing one, None when it is not YAML)."""
        if key not in self.parsed:
            try:
                self.parsed[key] = yaml.load(self.files.texts[key], Loader=_LOADER) or {}
            except (yaml.YAMLError, UnicodeDecodeError):
                self.parsed[key] = None
        return self.parsed[key]

    def _listed(self, key: str | None, top: str, value) -> dict[str, str] | None:
        """Return a file's list entries by id, each reduced by ``value`` (once per version of the file)."""
        if (key, top) not in self.listed:
            self.listed[key, top] = self._list(key, top, value)
        return self.listed[key, top]

    def _list(self, key: str | None, top: str, value) -> dict[str, str] | None:
        data = self._parsed(key)
        if data is None:
            return None
        items = data.get(top) if isinstance(data, dict) else None
        found: dict[str, str] = {}
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found.setdefault(item["id"], value(item))
        return found

    def _entries(self, key: str | None) -> dict[str, _Entry] | None:
        """Return the events of one version of events.yaml by id (None when it is not YAML)."""
        if key is not None and self.kept.has(key):
            numbers = self.kept.entries_of(key)
        else:
            numbers = self._cut(key)
            if key is not None and not key.startswith(_WORKTREE):  # only what git holds is kept
                self.kept.keep(key, numbers)
        if numbers is None:
            return None
        table = self.kept.table
        for number in numbers:
            if number not in self.met:
                self.met.add(number)
                ident, entry = table[number]
                self.versions_of.setdefault(ident, []).append(entry)
        return dict(reversed([table[number] for number in numbers]))  # the first of two entries with one id wins

    def _cut(self, key: str | None) -> list[int] | None:
        """Return one version's entries (numbers in the kept table), in file order; None when it is not YAML."""
        text = self.files.texts[key]
        split = _split_entries(text)
        if split is not None:
            lead, chunks = split
            numbers = [self.kept.chunk(lead, chunk) for chunk in chunks]  # most were met in an earlier version
            if all(number is not None for number in numbers):
                return numbers
        data = self._parsed(key)  # a layout the fast path does not understand: parse the whole file
        if data is None:
            return None
        numbers, seen = [], set()
        items = data.get("events") if isinstance(data, dict) else None
        for item in items if isinstance(items, list) else []:
            entry = _entry(item)
            if entry is not None and entry[0] not in seen:
                seen.add(entry[0])
                numbers.append(self.kept.number(entry))
        return numbers


class _KeptEntries:
    """Every version of events.yaml met, by git blob id, as numbers in a table of distinct entries; and each
    entry text met (by its hash) with its number. Kept in a file between builds, so that a build reads from git
    and parses only the versions and entries that are new since the last one.

    A blob id names one content forever, and the file is dropped whole when the generator changes
    (:func:`microsite.buildcache.generator_fingerprint`), so what is kept is what reading again would give.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.table: list[tuple[str, _Entry]] = []
        self.numbers: dict[tuple[str, _Entry], int] = {}
        self.blobs: dict[str, list[int] | None] = {}
        self.chunks: dict[str, int] = {}
        """Hash of an entry's text → its number; -1 for a text that is not one entry with an id."""
        self.changed = False

    @classmethod
    def read(cls, path: Path | None) -> _KeptEntries:
        """Return what ``path`` keeps; nothing when there is no file, or it is damaged or of another generator."""
        kept = cls(path)
        if path is None or path.is_symlink():
            return kept  # a link is not what a build wrote, and could lead outside the repository
        try:
            data = json.loads(path.read_bytes())
            if data.get("generator") != generator_fingerprint():
                raise ValueError("another generator")
            for ident, shown, venues, organiser, cancelled, skipped, legacy, legacy_cancelled in data["entries"]:
                kept.number((ident, _Entry(shown, tuple(venues), organiser, frozenset(cancelled),
                                           frozenset(skipped), legacy, legacy_cancelled)))
            size = len(kept.table)
            for blob, numbers in data["blobs"].items():
                if numbers is not None and not all(isinstance(n, int) and 0 <= n < size for n in numbers):
                    raise ValueError("an entry out of the table")
                kept.blobs[blob] = numbers
            kept.chunks = {digest: n for digest, n in data["chunks"].items() if isinstance(n, int) and -1 <= n < size}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return cls(path)  # read everything again, and keep it anew
        kept.changed = False
        return kept

    def has(self, blob: str) -> bool:
        return blob in self.blobs

    def entries_of(self, blob: str) -> list[int] | None:
        return self.blobs[blob]

    def keep(self, blob: str, numbers: list[int] | None) -> None:
        self.blobs[blob] = numbers
        self.changed = True

    def number(self, entry: tuple[str, _Entry]) -> int:
        """Return the entry's number in the table, adding it if it is new."""
        found = self.numbers.get(entry)
        if found is None:
            found = self.numbers[entry] = len(self.table)
            self.table.append(entry)
            self.changed = True
        return found

    def chunk(self, lead: bytes, chunk: bytes) -> int | None:
        """Return the number of the entry an entry's text gives (parsed once ever), or None if it gives none."""
        digest = hashlib.sha1(lead + chunk).hexdigest()
        found = self.chunks.get(digest)
        if found is None:
            parsed = _entry_of_chunk(lead + chunk)
            found = self.chunks[digest] = self.number(parsed) if parsed else -1
            self.changed = True
        return None if found < 0 else found

    def write(self, used: set[str | None]) -> None:
        """Keep the versions in ``used`` (this history's) and the entries they hold, for the next build."""
        if self.path is None or not self.changed and set(self.blobs) <= used:
            return
        blobs = {blob: numbers for blob, numbers in sorted(self.blobs.items()) if blob in used}
        wanted = sorted({n for numbers in blobs.values() if numbers for n in numbers})
        renumber = {old: new for new, old in enumerate(wanted)}
        entries = [[ident, e.shown, list(e.venues), e.organiser, sorted(e.cancelled), sorted(e.skipped), e.legacy,
                    e.legacy_cancelled] for ident, e in (self.table[n] for n in wanted)]
        data = {"generator": generator_fingerprint(), "entries": entries,
                "blobs": {blob: None if numbers is None else [renumber[n] for n in numbers]
                          for blob, numbers in blobs.items()},
                "chunks": {digest: renumber[n] if n >= 0 else -1 for digest, n in sorted(self.chunks.items())
                           if n < 0 or n in renumber}}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".new-")
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(data, file, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, self.path)  # whole or not at all
        except OSError:
            pass  # nothing kept: the next build reads everything again


_EVENTS_KEY = re.compile(rb"^events:[ \t]*(?:#[^\n]*)?\n", re.M)
_TOP_LEVEL = re.compile(rb"\n[^\s#-]")
_FIRST_ITEM = re.compile(rb"^( *)-(?: |$)", re.M)
_NOTHING = re.compile(rb"(?:[ \t]*(?:#[^\n]*)?\n)*")


@lru_cache(maxsize=8)
def _odd_line(indent: int) -> re.Pattern:
    """Return a line that is not deeper than an item at ``indent``, the start of one ('- '), blank or a comment."""
    return re.compile(rb"\n(?! {%d}| {%d}- |[ \t]*(?:\n|\Z)|[ \t]*#)" % (indent + 1, indent))


def _split_entries(text: bytes) -> tuple[bytes, list[bytes]] | None:
    """Cut the ``events:`` list into its entries' texts without parsing; None for any layout but the usual.

    Returns what each entry starts with (b'  - ') and the texts after it. A
    history of hundreds of versions of a file of thousands of events repeats the
    same entries: cutting first (by string search, not line by line) lets each
    distinct entry be parsed once.
    """
    found = _EVENTS_KEY.search(text)
    if found is None:
        return None if text.strip() else (b"", [])
    after = _TOP_LEVEL.search(text, found.end() - 1)
    body = b"\n" + text[found.end():after.start() + 1 if after else len(text)]
    first = _FIRST_ITEM.search(body)
    if first is None:
        return (b"", []) if _NOTHING.fullmatch(body, 1) else None
    indent = len(first.group(1))
    lead = b"\n" + b" " * indent + b"- "
    if not body.startswith(lead, first.start() - 1) or not _NOTHING.fullmatch(body, 1, first.start()):
        return None
    if _odd_line(indent).search(body):
        return None
    chunks = body.split(lead)[1:]
    if text.count(lead) != len(chunks):  # an entry outside the part cut: the cut was wrong, parse it all
        return None
    return lead[1:], chunks


def _entry_of_chunk(chunk: bytes) -> tuple[str, _Entry] | bool:
    try:
        parsed = yaml.load(chunk, Loader=_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError):
        return False
    if not isinstance(parsed, list) or len(parsed) != 1:
        return False
    return _entry(parsed[0]) or False


def _entry(item: object) -> tuple[str, _Entry] | None:
    """Reduce one parsed entry to what subscribers see of it (None for anything without an id)."""
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        return None
    repeat = item.get("repeat") if isinstance(item.get("repeat"), dict) else {}
    shown = _canonical({k: v for k, v in item.items() if k not in ("updated", "repeat")})
    sessions = item.get("sessions") if isinstance(item.get("sessions"), list) else []
    venues = tuple(v for v in [item.get("venue"), *(s.get("venue") for s in sessions if isinstance(s, dict))]
                   if isinstance(v, str))
    organiser = item.get("organiser") if isinstance(item.get("organiser"), str) else None
    previous = item.get("previous_start")
    moves = len(previous) if isinstance(previous, list) else int(previous is not None)
    revision = item.get("revision")
    extra = moves + (revision if isinstance(revision, int) and not isinstance(revision, bool) and revision > 0 else 0)
    status = item.get("status")
    weight = _LEGACY_WEIGHT.get(status, 0) if isinstance(status, str) else 0
    return item["id"], _Entry(shown, venues, organiser, _days(repeat.get("cancelled")), _days(repeat.get("except")),
                               extra + weight, extra + _LEGACY_WEIGHT["cancelled"])


def _days(value: object) -> frozenset[str]:
    values = value if isinstance(value, list) else [] if value is None else [value]
    return frozenset(v.isoformat() if isinstance(v, date) else str(v)[:10] for v in values)


def _canonical(value: object) -> str:
    """Return a value as JSON with sorted keys, so two equal entries give one string however they are laid out."""
    return json.dumps(_plain(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)
