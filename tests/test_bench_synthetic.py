"""The benchmark's synthetic project is a valid site of exactly the size asked for, and its bare twin has no hooks."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import datetime

import pytest

from conftest_site import REPO
from microsite.check import check_project, load_checked
from microsite.vocabulary import BUILT_IN_KINDS

if str(REPO) not in sys.path:  # the benchmark lives beside the package, not inside it
    sys.path.insert(0, str(REPO))
from bench.bare import bare_project, capture_config  # noqa: E402
from bench.synthetic import ARTICLES_DIR, generate, plan_events  # noqa: E402


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("synthetic"), pages=20, events=321)


def test_the_project_passes_microsite_check_with_exactly_the_events_asked_for(project):
    assert check_project(project) == []
    site, _ = load_checked(project)
    assert len(site.events) == 321
    assert len({e.id for e in site.events}) == 321


def test_it_has_recurring_duty_hours_and_study_visits_abroad_in_their_own_zones(project):
    site, _ = load_checked(project)
    kinds = Counter(e.kind for e in site.events)
    recurring = [e for e in site.events if e.series]
    assert len(recurring) == plan_events(321 - 9).recurring  # the demo's nine events are kept as they are
    assert all(e.kind.id == "duty_hours" for e in recurring)
    assert {e.status.value for e in recurring} >= {"scheduled", "cancelled"}
    visits = [e for e in site.events if e.kind.id == "study_visit" and e.id.startswith("wizyta-studyjna-0")]
    assert visits and all(len(v.sessions) >= 4 for v in visits)
    zones = {s.start.tzinfo.key for v in visits for s in v.sessions if isinstance(s.start, datetime)}
    assert {"Europe/London", "Europe/Oslo", "Europe/Lisbon"} <= zones
    assert len(kinds) == len(BUILT_IN_KINDS)


def test_it_has_the_pages_asked_for_in_every_language(project):
    for lang in ("pl", "en"):
        assert len(list((project / "content" / lang).rglob("*.md"))) == 20
        assert (project / "content" / lang / ARTICLES_DIR / "artykul-0008.md").exists()


def test_the_same_counts_give_the_same_files(project, tmp_path):
    again = generate(tmp_path / "again", pages=20, events=321)
    for name in ("events.yaml", "venues.yaml"):
        assert (again / "data" / name).read_bytes() == (project / "data" / name).read_bytes()


def test_the_bare_project_has_the_captured_pages_and_no_hooks_or_overrides(project, tmp_path):
    capture = capture_config(project).read_text(encoding="utf-8")
    assert "hooks/site_hooks.py" in capture and "bench/capture_hook.py" in capture
    dump = tmp_path / "dump"
    (dump / "pl").mkdir(parents=True)
    (dump / "pl" / "index.md").write_text("---\ntitle: Strona\n---\n\n# Strona\n", encoding="utf-8")
    assert bare_project(project, dump, tmp_path / "bare") == 1
    config = (tmp_path / "bare" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in config and "custom_dir" not in config and "i18n:" in config
    assert (tmp_path / "bare" / "content" / "assets" / "microsite" / "microsite.css").exists()
    assert "assets/microsite/microsite.css" in config
    assert not list((tmp_path / "bare" / "content").rglob("about.md"))  # only captured pages


def test_the_previews_edits_find_their_words_and_their_page(project):
    """The benchmark saves these edits into the project (bench/preview.py): the words must be there."""
    from bench.preview import EDITS

    site, _ = load_checked(project)
    for edit in EDITS:
        assert edit.words in (project / edit.file).read_text(encoding="utf-8"), edit
    event = next(e for e in EDITS if e.kind == "data").page.split("/")[1]
    assert event in {e.id for e in site.events}
