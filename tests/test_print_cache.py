"""The print cache: a build draws again only the sheets whose inputs changed, and what it keeps is what it would draw.

Drawing the poster and the flyers was most of a build's own cost (BENCHMARKS.md);
the cache keeps each PDF under the hash of what it is drawn from. These tests
hold the two promises of that: a kept sheet is byte for byte the sheet drawn
afresh, and every input a sheet is drawn from (its event, the project, the sign
files, the site's address, the generator itself) draws it again when it changes.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

import microsite.buildcache as buildcache
import microsite.printed as printed
from conftest_site import BASE_URL, build_demo
from microsite.check import check_project
from microsite.printed import PrintCache, render_printed
from sitefactory import SiteCopy

NOW = datetime(2019, 3, 1, 12, tzinfo=timezone.utc)
"""The demo then has five flyers to come: three duty hours in March, two recruitment meetings at the end of April."""
FLYERS = {f"print/pl/flyers/{event}.pdf" for event in (
    "dyzur-krosno-2019-03-27", "dyzur-krosno-2019-03-28", "dyzur-przemysl-2019-03-28",
    "spotkanie-rekrutacyjne-krosno-2019-04-29", "spotkanie-rekrutacyjne-przemysl-2019-04-30")}
POSTER = "print/pl/poster.pdf"


@pytest.fixture
def drawn(monkeypatch) -> list[str]:
    """Record the kind of every sheet actually drawn (not taken from the cache)."""
    kinds: list[str] = []
    draw = printed._draw

    def recording(kind, inputs, signs):
        kinds.append(kind)
        return draw(kind, inputs, signs)

    monkeypatch.setattr(printed, "_draw", recording)
    return kinds


def _print(demo: SiteCopy, cache: PrintCache, *, base_url: str = BASE_URL, now: datetime = NOW) -> dict[str, bytes]:
    site, _ = demo.load()
    return render_printed(site, "pl", base_url=base_url, content_root=demo.root / "content", now=now, cache=cache)


def test_a_kept_sheet_is_the_same_bytes_as_one_drawn_afresh_and_is_not_drawn_again(demo: SiteCopy, drawn):
    cache = PrintCache.of_project(demo.root)
    first = _print(demo, cache)
    assert set(first) == FLYERS | {POSTER} and drawn == ["poster"] + ["flyer"] * 5
    drawn.clear()
    again = _print(demo, cache)
    assert drawn == []  # everything came from the cache
    assert again == first == _print(demo, PrintCache(None))  # and it is what drawing now gives, byte for byte


def test_only_the_flyer_of_the_changed_event_is_drawn_again(demo: SiteCopy, drawn):
    cache = PrintCache.of_project(demo.root)
    before = _print(demo, cache)
    drawn.clear()
    demo.replace("events.yaml", "start: 2019-04-29 12:00", "start: 2019-04-29 13:00")
    after = _print(demo, cache)
    assert drawn == ["flyer"]
    changed = {path for path in after if after[path] != before[path]}
    assert changed == {"print/pl/flyers/spotkanie-rekrutacyjne-krosno-2019-04-29.pdf"}
    assert after == _print(demo, PrintCache(None))


@pytest.mark.parametrize("change", ["project", "sign file", "address", "generator"])
def test_what_every_sheet_is_drawn_from_draws_them_all_again(demo: SiteCopy, drawn, monkeypatch, change):
    cache = PrintCache.of_project(demo.root)
    before = _print(demo, cache)
    drawn.clear()
    base_url = BASE_URL
    if change == "project":  # the project is on every sheet (its funding strip); here the poster's title
        demo.replace("project.yaml", "en: \"Socially Organised –", "en: \"Socially Organised (SO) –")
        demo.replace("project.yaml", "pl: \"Społecznie Zorganizowani –", "pl: \"Społecznie Zorganizowani (SZ) –")
    elif change == "sign file":  # the same name, new bytes: the official file replaced the old one
        sign = demo.root / "content" / "assets" / "funding" / "fe-power.svg"
        sign.write_bytes(sign.read_bytes().replace(b"</svg>", b"<rect width='1' height='1'/></svg>"))
    elif change == "address":  # every QR code
        base_url = "https://example.net/elsewhere/"
    else:  # a new version of the generator or of ReportLab draws other bytes
        monkeypatch.setattr(buildcache, "generator_fingerprint", lambda: "another generator")
    after = _print(demo, cache, base_url=base_url)
    assert sorted(drawn) == ["flyer"] * 5 + ["poster"]
    if change == "project":
        assert after[POSTER] != before[POSTER]
    elif change != "generator":  # the change shows on every sheet
        assert all(after[path] != before[path] for path in after)


def test_a_damaged_kept_file_is_drawn_again_never_published(demo: SiteCopy, drawn):
    cache = PrintCache.of_project(demo.root)
    fresh = _print(demo, cache)
    shelf = next(p for p in cache.folder.iterdir() if p.name.startswith("pl-"))
    for kept in shelf.iterdir():
        kept.write_bytes(kept.read_bytes()[:500])  # a build stopped halfway through writing, a disk full
    drawn.clear()
    assert _print(demo, cache) == fresh
    assert len(drawn) == 6


def test_sheets_no_longer_printed_are_not_kept(demo: SiteCopy):
    cache = PrintCache.of_project(demo.root)
    _print(demo, cache)
    shelf = next(p for p in cache.folder.iterdir() if p.name.startswith("pl-"))
    assert len(list(shelf.iterdir())) == 6
    _print(demo, cache, now=datetime(2019, 4, 1, 12, tzinfo=timezone.utc))  # the March duty hours are over
    assert len(list(shelf.iterdir())) == 3  # the poster and the two April flyers


def test_a_sign_file_found_printable_is_not_read_again_but_an_unprintable_one_is_reported_every_time(
        demo: SiteCopy, monkeypatch):
    import microsite.printed.strip as strip
    cache = PrintCache.of_project(demo.root)
    read: list[Path] = []
    problem = strip.sign_file_problem

    def reading(path, root):
        read.append(path)
        return problem(path, root)

    monkeypatch.setattr(strip, "sign_file_problem", reading)
    assert not [p for p in check_project(demo.root, print_cache=cache) if p.is_error]
    assert [p.name for p in read] == ["fe-power.svg"]
    read.clear()
    assert not [p for p in check_project(demo.root, print_cache=cache) if p.is_error]
    assert read == []  # the same bytes were found printable before
    demo.add_file("assets/funding/region.svg", b"Logo (saved from a word processor)")
    demo.insert_after("project.yaml", "    funds: assets/funding/fe-power.svg",
                      "  regional_sign:\n    logo: assets/funding/region.svg\n"
                      "    label: {pl: Województwo Testowe, en: Test Region}")
    for _ in range(2):
        found = [p for p in check_project(demo.root, print_cache=cache) if p.location.file.endswith("region.svg")]
        assert len(found) == 1 and found[0].is_error


def test_the_build_keeps_its_printed_matter_in_the_project_and_publishes_the_same_bytes(demo: SiteCopy, tmp_path):
    first = build_demo(tmp_path / "one", root=demo.root)
    kept = demo.root / ".cache" / "microsite" / "printed"
    assert sorted(p.name for p in kept.iterdir())[-1] == "signs" and len(list(kept.iterdir())) == 3  # pl, en, signs
    second = build_demo(tmp_path / "two", root=demo.root)
    pdfs = sorted(p.relative_to(first).as_posix() for p in first.rglob("*.pdf"))
    assert pdfs and pdfs == sorted(p.relative_to(second).as_posix() for p in second.rglob("*.pdf"))
    assert all((first / pdf).read_bytes() == (second / pdf).read_bytes() for pdf in pdfs)


def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(demo: SiteCopy, tmp_path, drawn):
    """A link could lead outside the repository, and nothing outside it is read or written: nothing is kept."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (demo.root / ".cache").symlink_to(outside, target_is_directory=True)
    cache = PrintCache.of_project(demo.root)
    assert _print(demo, cache) == _print(demo, cache) and drawn.count("poster") == 2  # drawn both times
    assert list(outside.iterdir()) == []
    assert not [p for p in check_project(demo.root, print_cache=cache) if p.is_error]
    assert list(outside.iterdir()) == []


def test_a_shelf_that_is_a_link_is_neither_read_written_nor_emptied(demo: SiteCopy, tmp_path, drawn):
    cache = PrintCache.of_project(demo.root)
    _print(demo, cache)
    shelf = next(p for p in cache.folder.iterdir() if p.name.startswith("pl-"))
    outside = tmp_path / "outside"
    shelf.rename(outside)  # what a build kept, now outside the repository, with one more file
    (outside / "not-ours.txt").write_text("keep me", encoding="utf-8")
    shelf.symlink_to(outside, target_is_directory=True)
    drawn.clear()
    _print(demo, cache, now=datetime(2019, 4, 1, 12, tzinfo=timezone.utc))
    assert sorted(drawn) == ["flyer", "flyer", "poster"]  # nothing read through the link
    assert (outside / "not-ours.txt").exists() and len(list(outside.iterdir())) == 7  # nothing removed or added
