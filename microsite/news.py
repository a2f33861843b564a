"""News posts: one Markdown file per language, listed and syndicated from its front matter.

A post is ``content/<lang>/news/<slug>.md`` with ``title``, ``description`` and
``date``; the news page lists the posts newest first and each language gets an
Atom feed of them, so adding a post is one file per language and nothing else.
Editors often know only the month ("2019-05") or the year of an old item, so a
date keeps the precision it was written with and is shown that way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from . import formats
from .errors import Location, Problem
from .pages import read_front_matter
from .urls import NEWS_DIR

__all__ = ["NewsDate", "NewsPost", "has_news", "load_news", "parse_news_date"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DATE_FIX = ("write the date as year-month-day, e.g. 'date: 2019-05-14' (or only '2019-05' or '2019' "
             "when the day is not known)")


@dataclass(frozen=True, slots=True, order=True)
class NewsDate:
    """A post's date, as precise as the editor wrote it."""

    day: date
    """The first day of the period written (2019-05 → 2019-05-01)."""
    precision: str
    """'year', 'month' or 'day'."""

    def iso(self) -> str:
        """Return the date as written: '2019', '2019-05' or '2019-05-14' (valid for ``<time datetime>``)."""
        return self.day.isoformat()[:{"year": 4, "month": 7, "day": 10}[self.precision]]

    def text(self, lang: str) -> str:
        """Return the date for readers: '2020', 'maj 2019', '14 maja 2019'."""
        if self.precision == "year":
            return str(self.day.year)
        if self.precision == "month":
            return formats.format_month(self.day, lang)
        return formats.format_day(self.day, lang)

    def instant(self, timezone: str) -> datetime:
        """Return midnight at the start of the period in the project's zone (feeds need a time)."""
        return datetime.combine(self.day, time(0), ZoneInfo(timezone))


@dataclass(frozen=True, slots=True)
class NewsPost:
    """One news post in one language."""

    lang: str
    slug: str
    """The file name without '.md'; the post's address is ``news/<slug>/``."""
    title: str
    description: str
    date: NewsDate


def parse_news_date(text: str) -> NewsDate | None:
    """Return the date in 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', or None if it is not one."""
    found = _DATE.match(text.strip())
    if not found:
        return None
    year, month, day = (int(part) if part else None for part in found.groups())
    try:
        value = date(year, month or 1, day or 1)
    except ValueError:
        return None
    return NewsDate(value, "day" if day else "month" if month else "year")


def has_news(content_dir: Path, lang: str) -> bool:
    """Say whether a language has a news section (its ``news/index.md``)."""
    return (Path(content_dir) / lang / NEWS_DIR / "index.md").is_file()


def load_news(content_dir: Path, lang: str) -> tuple[tuple[NewsPost, ...], list[Problem]]:
    """Return a language's posts, newest first, and the problems of their dates.

    Titles and descriptions are checked with every page (:mod:`microsite.pages`);
    a post missing one is left out here rather than reported twice.
    """
    content_dir = Path(content_dir)
    posts: list[NewsPost] = []
    problems: list[Problem] = []
    for path in sorted((content_dir / lang / NEWS_DIR).glob("*.md")):
        if path.name == "index.md" or not path.is_file():
            continue
        display = f"{content_dir.name}/{path.relative_to(content_dir).as_posix()}"
        front, _ = read_front_matter(path, display)
        if front is None:
            continue
        written = front.text("date")
        when = parse_news_date(written) if written else None
        if "date" not in front.values:
            problems.append(Problem(Location(display, 1, 1), "date", "the news post has no date",
                                    "add a line 'date: 2019-05-14' (the day it was published) between the "
                                    "two '---' lines"))
        elif when is None:
            problems.append(Problem(front.at("date"), "date", f"'{written or ''}' is not a date", _DATE_FIX))
        elif front.text("title") and front.text("description"):
            posts.append(NewsPost(lang, path.stem, front.text("title"), front.text("description"), when))
    posts.sort(key=lambda post: (post.date.day, post.slug), reverse=True)
    return tuple(posts), problems
