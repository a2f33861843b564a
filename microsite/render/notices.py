"""Reader notices placed into a page's Markdown: an untranslated page, a translation older than its source.

The decision is the core's (which page, which notice, where it goes), so any
site generator that hands over a page's Markdown and source path gets the same
notices; only the wording's HTML comes from :func:`html.render_translation_notice`.
"""

from __future__ import annotations

import re

from ..translations import State, TranslationReport
from .html import PageContext, render_translation_notice

__all__ = ["with_translation_notice"]

_H1 = re.compile(r"^# .*$", re.MULTILINE)


def with_translation_notice(markdown: str, src_path: str | None, ctx: PageContext,
                            report: TranslationReport | None) -> str:
    """Return the page's Markdown with a translation notice, if its readers need one.

    ``src_path`` is the file the page was made from, inside the content folder
    (``pl/about.md`` on an English page means it is untranslated: mkdocs-static-i18n
    serves the default language's file then, and that text is marked with its
    language for screen readers); ``None`` for pages made from data. A translation
    is called stale to readers only when it records a source version that has since
    changed: a never-marked page is listed by ``microsite translations`` instead.
    """
    lang, default = ctx.lang, ctx.default_lang
    if report is None or src_path is None or lang == default:
        return markdown
    file_lang, _, relative = src_path.partition("/")
    untranslated = file_lang == default
    if not untranslated:
        entry = report.page_entry(lang, relative)
        if entry is None or entry.state is not State.STALE or not entry.recorded:
            return markdown
    original = ctx.page_url[len(lang) + 1:] if ctx.page_url.startswith(f"{lang}/") else ctx.page_url
    notice = render_translation_notice(ctx, untranslated=untranslated, original_url=original)
    if untranslated:  # the whole page, heading included, is in the default language
        return f'{notice}\n\n<div lang="{default}" markdown>\n\n{markdown}\n\n</div>'
    heading = _H1.search(markdown)
    cut = heading.end() if heading else 0
    return f"{markdown[:cut]}\n\n{notice}\n\n{markdown[cut:]}"
