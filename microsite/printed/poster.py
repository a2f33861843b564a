"""The project's A3 poster: what Reg. 2021/1060 art. 50(1)(d) and the Polish handbooks ask a beneficiary to display.

At least A3, in a place the public can see, with information about the project
and the support: the funder's signs in their strip at the top, the project's
title, beneficiary and partners, its aims, its value and the funder's share in
the words of the facts card (:mod:`microsite.facts`), the funding statement, and
the project's address as a QR code. One poster per site language.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A3

from ..catalogue import catalogue, label
from ..facts import Fact
from ..model import Partner, Project
from .sheet import GREY, MM, Sheet, new_canvas
from .strip import PrintedSign, draw_funding_header

__all__ = ["POSTER_SIZE", "render_poster"]

POSTER_SIZE = A3
"""Width and height in PDF points (297 × 420 mm)."""
_MARGIN = 18 * MM
_QR = 55 * MM


def render_poster(project: Project, partners: tuple[Partner, ...], facts: tuple[Fact, ...], lang: str, *, home: str,
                  signs: tuple[PrintedSign, ...]) -> bytes:
    """Return the poster in ``lang`` as a PDF: ``facts`` the card's rows it repeats, ``home`` the address it gives.

    It is drawn from these arguments alone: the print cache keys it on them.
    """
    width, height = POSTER_SIZE
    scale = 1.4
    while scale > 0.5:  # the largest type at which everything fits above the address
        trial = Sheet(None, width, height, _MARGIN, scale)
        _body(trial, project, partners, facts, lang, signs)
        if trial.y >= _MARGIN + _QR + 8 * MM:
            break
        scale -= 0.05
    buffer = io.BytesIO()
    beneficiary = _beneficiary(project, partners)
    canvas = new_canvas(buffer, POSTER_SIZE, lang=lang, title=project.title.in_(lang),
                        author=beneficiary.name.in_(lang) if beneficiary else project.short_name.in_(lang),
                        subject=label("poster_subject", lang))
    sheet = Sheet(canvas, width, height, _MARGIN, scale)
    _body(sheet, project, partners, facts, lang, signs)
    _address(sheet, lang, home)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _beneficiary(project: Project, partners: tuple[Partner, ...]) -> Partner | None:
    return next((partner for partner in partners if partner.id == project.beneficiary), None) \
        if project.beneficiary else None


def _body(sheet: Sheet, project: Project, partners: tuple[Partner, ...], facts: tuple[Fact, ...], lang: str,
          signs) -> None:
    """Lay out everything but the address, from the top: signs, statement, title, who, aims, facts."""
    draw_funding_header(sheet, project.funding, signs, lang, sign_height=26 * MM, text=15, gap=10)
    sheet.text(project.title.in_(lang), 34, bold=True, leading=1.18)
    sheet.space(22)
    words = catalogue(lang)
    beneficiary = _beneficiary(project, partners)
    if beneficiary:
        sheet.text(words.text("beneficiary", "facts"), 13, colour=GREY)
        sheet.text(beneficiary.name.in_(lang), 19, bold=True)
        sheet.space(10)
    others = [p.name.in_(lang) for p in partners if p.id != project.beneficiary]
    if others:
        sheet.text(label("partners", lang), 13, colour=GREY)
        for name in others:
            sheet.text(name, 16)
        sheet.space(10)
    sheet.space(8)
    sheet.text(label("print_aims", lang), 19, bold=True)
    sheet.space(4)
    aims = [goal.in_(lang) for goal in project.goals] or [project.summary.in_(lang)]
    for aim in aims:
        sheet.text(f"• {aim}" if len(aims) > 1 else aim, 15)
        sheet.space(5)
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
