"""The project's A3 poster: what Reg. 2021/1060 art. 50(1)(d) and the Polish handbooks ask a beneficiary to display.

At least A3, in a place the public can see, with information about the project
and the support: the funder's signs in their strip at the top, the project's
title, beneficiary and partners, its aims, its value and the funder's share in
the words of the facts card (:mod:`microsite.facts`), the funding statement, and
the project's address as a QR code. One poster per site language.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A3

from ..catalogue import catalogue, label
from ..facts import project_facts
from ..model import Site
from ..urls import absolute_url, page_url
from .sheet import GREY, MM, Sheet, new_canvas
from .strip import draw_funding_header, strip_signs

__all__ = ["POSTER_SIZE", "render_poster"]

POSTER_SIZE = A3
"""Width and height in PDF points (297 × 420 mm)."""
POSTER_FACTS = ("funder", "programme", "period", "total_value", "share", "rate")
"""The facts card's rows the poster repeats: the support, its amount and its share of the value."""
_MARGIN = 18 * MM
_QR = 55 * MM


def render_poster(site: Site, lang: str, *, base_url: str, content_root: Path) -> bytes:
    """Return the poster in ``lang`` as a PDF."""
    project = site.project
    home = absolute_url(base_url, page_url("", lang, project.default_language))
    signs = strip_signs(site, lang, content_root)
    width, height = POSTER_SIZE
    scale = 1.4
    while scale > 0.5:  # the largest type at which everything fits above the address
        trial = Sheet(None, width, height, _MARGIN, scale)
        _body(trial, site, lang, signs)
        if trial.y >= _MARGIN + _QR + 8 * MM:
            break
        scale -= 0.05
    buffer = io.BytesIO()
    beneficiary = site.partner(project.beneficiary).name.in_(lang) if project.beneficiary else ""
    canvas = new_canvas(buffer, POSTER_SIZE, lang=lang, title=project.title.in_(lang),
                        author=beneficiary or project.short_name.in_(lang), subject=label("poster_subject", lang))
    sheet = Sheet(canvas, width, height, _MARGIN, scale)
    _body(sheet, site, lang, signs)
    _address(sheet, lang, home)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _body(sheet: Sheet, site: Site, lang: str, signs) -> None:
    """Lay out everything but the address, from the top: signs, statement, title, who, aims, facts."""
    project = site.project
    draw_funding_header(sheet, project.funding, signs, lang, sign_height=26 * MM, text=15, gap=10)
    sheet.text(project.title.in_(lang), 34, bold=True, leading=1.18)
    sheet.space(22)
    words = catalogue(lang)
    if project.beneficiary:
        sheet.text(words.text("beneficiary", "facts"), 13, colour=GREY)
        sheet.text(site.partner(project.beneficiary).name.in_(lang), 19, bold=True)
        sheet.space(10)
    partners = [p.name.in_(lang) for p in site.partners if p.id != project.beneficiary]
    if partners:
        sheet.text(label("partners", lang), 13, colour=GREY)
        for name in partners:
            sheet.text(name, 16)
        sheet.space(10)
    sheet.space(8)
    sheet.text(label("print_aims", lang), 19, bold=True)
    sheet.space(4)
    aims = [goal.in_(lang) for goal in project.goals] or [project.summary.in_(lang)]
    for aim in aims:
        sheet.text(f"• {aim}" if len(aims) > 1 else aim, 15)
        sheet.space(5)
    facts = [fact for fact in project_facts(site, lang) if fact.key in POSTER_FACTS]
    if facts:
        sheet.space(12)
        for fact in facts:
            sheet.text(fact.label, 13, colour=GREY)
            sheet.text(fact.value, 19 if fact.key in ("total_value", "share") else 16, bold=True)
            sheet.space(6)


def _address(sheet: Sheet, lang: str, home: str) -> None:
    """Put the project's address at the foot of the poster: a QR code and the address written out."""
    sheet.qr(home, sheet.left, sheet.margin, _QR)
    text_x = sheet.left + _QR + 8 * MM
    sheet.y = sheet.margin + _QR / 2 + 20
    sheet.text(label("print_more", lang), 15, bold=True, x=text_x, width=sheet.text_width - _QR - 8 * MM)
    sheet.text(home, 15, x=text_x, width=sheet.text_width - _QR - 8 * MM)
