"""The live site — the repository's own ``data/``, ``content/`` and ``mkdocs.yml`` — holds what any project must.

These are the only tests that read the editors' files, and they assert nothing
about what those files say (see ``site_invariants``): an editor's ordinary change
must never turn CI red. The second test makes such changes on a copy, the way the
editors' guide tells editors to, and checks the same invariants.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

from conftest_site import REPO, add_generator, build_demo
from microsite.fields import zone_country
from microsite.load import load_site
from microsite.scaffold import append_entry
from microsite.yamlsource import load_yaml
from site_invariants import assert_site_invariants

BASE_URL = "https://live.example.org/"
NOW = datetime(2026, 12, 1, 12, tzinfo=timezone.utc)
PROJECT_FILES = ("mkdocs.yml", "data", "content")


def _live_copy(dest: Path) -> Path:
    """Copy the live project (its own files only) and the generator parts into ``dest``."""
    import shutil

    dest.mkdir(parents=True)
    for name in PROJECT_FILES:
        (shutil.copytree if (REPO / name).is_dir() else shutil.copyfile)(REPO / name, dest / name)
    add_generator(dest)
    return dest


def test_the_live_site_holds_every_invariant(tmp_path):
    root = _live_copy(tmp_path / "live")
    site = build_demo(tmp_path / "site", root=root, now=NOW.isoformat(), base_url=BASE_URL)
    assert_site_invariants(root, site, base_url=BASE_URL, scratch=tmp_path / "feeds")


def test_an_editors_ordinary_changes_keep_every_invariant(tmp_path):
    root = _live_copy(tmp_path / "live")
    _make_ordinary_changes(root, NOW)
    site = build_demo(tmp_path / "site", root=root, now=NOW.isoformat(), base_url=BASE_URL)
    assert_site_invariants(root, site, base_url=BASE_URL, scratch=tmp_path / "feeds")
    events = {e.id for e in load_site(root)[0].events}
    assert "added-meeting" in events and any(e.startswith("added-duty-hours-") for e in events)


def _make_ordinary_changes(root: Path, now: datetime) -> None:
    """Do what the editors' guide describes, in whatever languages the project has."""
    site, _ = load_site(root)
    langs = site.languages
    day = (now + timedelta(days=30)).date()

    def text(words: str) -> list[str]:
        return [f"    {lang}: \"{words} ({lang})\"" for lang in langs]

    # A venue and an event there.
    country = zone_country(site.project.timezone) or "PL"
    append_entry(root / "data" / "venues.yaml", "data/venues.yaml", "venues", "added-venue", [
        "- id: added-venue", "  name: Dom Sąsiedzki", "  street: ul. Przykładowa 1", "  city: Testowo",
        f"  country: {country}"])
    append_entry(root / "data" / "events.yaml", "data/events.yaml", "events", "added-meeting", [
        "- id: added-meeting", "  kind: information_meeting", "  title:", *text("Spotkanie dodane"),
        f"  start: {day.isoformat()} 17:00", f"  end: {day.isoformat()} 19:00", "  venue: added-venue"])
    # A weekly slot.
    append_entry(root / "data" / "events.yaml", "data/events.yaml", "events", "added-duty-hours", [
        "- id: added-duty-hours", "  kind: duty_hours", "  title:", *text("Dyżur dodany"),
        f"  start: {day.isoformat()} 10:00", f"  end: {day.isoformat()} 12:00", "  venue: added-venue",
        "  repeat:", "    every: week", f"    until: {(day + timedelta(weeks=6)).isoformat()}"])
    # A changed title.
    page = next(iter(sorted((root / "content" / langs[0]).glob("*.md"))), None)
    if page is not None:
        page.write_text(page.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Nowy tytuł – ", 1),
                        encoding="utf-8")
    # A partner removed (one that nothing else names).
    _remove_unreferenced_partner(root, site)
    # A news post in the default language only.
    post = root / "content" / langs[0] / "news" / "added-post.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(f"---\ntitle: Dodana wiadomość\ndescription: Wiadomość dodana tylko w jednym języku.\n"
                    f"date: {now.date().isoformat()}\n---\n\n# Dodana wiadomość\n\nTreść.\n", encoding="utf-8")


def _remove_unreferenced_partner(root: Path, site) -> None:
    named = {site.project.beneficiary} | {e.organiser.id for e in site.events if e.organiser}
    path = root / "data" / "partners.yaml"
    node = load_yaml(path, "data/partners.yaml")
    items = next((value for key, value in node.value if key.value == "partners"), None) if node else None
    if not isinstance(items, yaml.SequenceNode):
        return
    for index, item in enumerate(items.value):
        ident = next((v.value for k, v in item.value if k.value == "id"), None)
        if ident not in named:
            text = path.read_text(encoding="utf-8")
            start = text.rfind("\n", 0, item.start_mark.index) + 1
            end = (text.rfind("\n", 0, items.value[index + 1].start_mark.index) + 1
                   if index + 1 < len(items.value) else len(text))
            path.write_text(text[:start] + text[end:], encoding="utf-8")
            return
    # Every partner is named (a new project's one partner is its beneficiary): add one, then remove it.
    append_entry(path, "data/partners.yaml", "partners", "added-partner", [
        "- id: added-partner", "  name: Partner dodany", "  role: cooperating_institution", "  country: PL"])
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.rindex("- id: added-partner")].rstrip(" ") , encoding="utf-8")


def test_no_other_test_reads_the_live_project():
    """Generator tests use tests/fixtures; only this file may name the editors' own files."""
    live = [f'REPO / "{name}"' for name in PROJECT_FILES] + [f"REPO / '{name}'" for name in PROJECT_FILES]
    offenders = [f"{path.relative_to(REPO)}: {needle}"
                 for path in sorted((REPO / "tests").rglob("*.py")) if path.name != "test_live_site.py"
                 for needle in live if needle in path.read_text(encoding="utf-8")]
    assert offenders == []
