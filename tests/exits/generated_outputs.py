"""What the generator adds to a site beyond the editors' pages, listed from a project's data.

A platform that ignores our hooks (Zensical does, without a word) still builds the
editors' pages and reports success; what it leaves out is this list. The paths follow
the layout README.md documents: the default language at the root and the others under
``/<lang>/``, every event's page under ``schedule/<id>/``, and per language
``/feeds/<lang>/all.ics``, one ``.ics`` per event and, where the language has a news
section, ``/feeds/<lang>/news.xml``; each language has its own 404 page.

    from generated_outputs import missing_outputs
"""

from __future__ import annotations

from pathlib import Path

from microsite.load import load_site

__all__ = ["expected_outputs", "missing_outputs"]


def expected_outputs(root: Path) -> list[str]:
    """Return the site-relative files the generator must add for the project in ``root``."""
    site, problems = load_site(root)
    assert problems == [], problems
    default = site.languages[0]
    paths = []
    for lang in site.languages:
        prefix = "" if lang == default else f"{lang}/"
        paths += [f"{prefix}index.html", f"{prefix}404.html"]
        paths += [f"{prefix}schedule/{event.id}/index.html" for event in site.events]
        if site.events:
            paths.append(f"feeds/{lang}/all.ics")
        paths += [f"feeds/{lang}/events/{event.id}.ics" for event in site.events]
        if (root / "content" / lang / "news" / "index.md").is_file():
            paths.append(f"feeds/{lang}/news.xml")
    return paths


def missing_outputs(root: Path, site_dir: Path) -> list[str]:
    """Return the files of :func:`expected_outputs` that ``site_dir`` lacks."""
    return [path for path in expected_outputs(root) if not (site_dir / path).is_file()]
