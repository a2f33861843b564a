"""A page's markers replaced by the blocks they stand for, in the page's language.

``microsite.markers`` says which markers exist and checks them; this is the other
half, the one table from a marker's name to its block, used by whatever builds
the pages. A marker the check would refuse raises BlockError: the check ran
before the build, so reaching it means the page changed under the build.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..markers import MARKER, marker_problem
from ..model import Event
from ..news import NewsPost
from . import html

__all__ = ["BlockError", "render_blocks"]


class BlockError(ValueError):
    """A marker the build cannot replace; the message names the page and how to fix it."""


_PAGE_BLOCKS: dict[str, Callable[[html.PageContext], str]] = {  # the blocks that need only the page
    "schedule": html.render_schedule,
    "upcoming": html.render_upcoming,
    "partners": html.render_partners,
    "project-card": html.render_project_card,
    "results": html.render_results,
    "documents": html.render_documents,
    "contact": html.render_contact,
}


def render_blocks(markdown: str, ctx: html.PageContext, *, page: str, events: Mapping[str, Event],
                  news: tuple[NewsPost, ...], has_feed: bool) -> str:
    """Return ``markdown`` with every marker replaced by its block, set apart as a paragraph of its own.

    ``page`` names the page in errors; ``events`` are the site's events by id; ``news`` the
    language's posts, newest first, and ``has_feed`` whether the language has a news feed.
    """
    if "microsite:" not in markdown:
        return markdown

    def block(name: str, ident: str | None) -> str:
        if name == "news":
            return html.render_news(ctx, news, feed=has_feed)
        if name == "event":
            return html.render_event_page(ctx, events[ident])
        return _PAGE_BLOCKS[name](ctx)

    def replace(match) -> str:
        problem = marker_problem(match.group(0), events.keys())  # the check's own rule
        if problem:
            raise BlockError(f"{page}: {problem[0]}; {problem[1]}")
        return "\n\n" + block(match.group(1), match.group(2)) + "\n\n"

    return MARKER.sub(replace, markdown)
