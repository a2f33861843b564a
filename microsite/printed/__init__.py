"""Printed matter made from the site's data: the project's A3 poster and the events' flyers, as PDFs.

Drawn with ReportLab (fonts embedded, print colours, no browser; why, measured:
docs/decisions/0009-printed-matter.md). Each language gets its own poster and
flyers; the pages link them (the documents block, each event's page).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path

from ..flyers import Flyer, plan_flyers
from ..model import Site
from ..urls import flyer_path, poster_path
from .flyer import render_flyer
from .poster import render_poster
from .strip import StripError, check_sign_files

__all__ = ["StripError", "check_sign_files", "render_printed"]


def render_printed(site: Site, lang: str, *, base_url: str, content_root: Path, now: datetime) -> dict[str, bytes]:
    """Return the poster and every flyer in ``lang``, by site-relative path.

    ``content_root`` is the content folder (the official sign files live there);
    ``now`` decides which events still get a flyer. Raises StripError naming a
    sign file that cannot be drawn.
    """
    # Each sign file's modification time and size: a replaced file is printed again.
    signs = tuple((sign.logo, stat.st_mtime_ns, stat.st_size) for sign in site.project.funding.signs
                  if sign.logo is not None for stat in [(content_root / sign.logo).stat()])
    return dict(_printed(site, lang, base_url, content_root, plan_flyers(site, now), signs))


@lru_cache(maxsize=16)  # per language: the preview rebuilds after every save, and a Markdown edit prints nothing anew
def _printed(site: Site, lang: str, base_url: str, content_root: Path, flyers: tuple[Flyer, ...],
             signs: tuple) -> dict[str, bytes]:
    files = {poster_path(lang): render_poster(site, lang, base_url=base_url, content_root=content_root)}
    for flyer in flyers:
        files[flyer_path(lang, flyer.key)] = render_flyer(site, lang, flyer, base_url=base_url,
                                                          content_root=content_root)
    return files
