"""An event's flyer (A5, or A4 when its dates or programme need the room): the event page's facts on paper.

Title and kind, the dates and times in the reader's language and in the
venue's time zone (named when it is not the project's), the place with its
address, who it is for, what to bring and how to register where the data says
so, the description, two QR codes (the event's page and its calendar) and the
funder's strip. A weekly slot has one flyer listing its dates still to come;
which flyers exist is :mod:`microsite.flyers`' rule.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4, A5

from ..catalogue import label
from ..fields import zone_country
from ..flyers import Flyer
from ..model import EventStatus, Project
from ..render.html import place_lines, previous_text, programme_days, status_label, when_text
from .sheet import BOLD, GREY, MM, Sheet, new_canvas, wrap
from .strip import PrintedSign, draw_funding_header

__all__ = ["FLYER_SIZES", "render_flyer"]

FLYER_SIZES = (A5, A4)
"""A5 first; A4 when the flyer's text does not fit A5 at a readable size."""
MAX_DATES = 12
"""A slot's dates listed on its flyer; the schedule has the rest."""
_MARGIN = 12 * MM
_MIN_SCALE = 0.7


def render_flyer(project: Project, lang: str, flyer: Flyer, codes: tuple[tuple[str, str], ...],
                 signs: tuple[PrintedSign, ...]) -> bytes:
    """Return the flyer in ``lang`` as a PDF, with ``codes`` (:func:`microsite.flyers.flyer_codes`) at its foot.

    It is drawn from these arguments alone: the print cache keys it on them.
    """
    size, scale = FLYER_SIZES[-1], _MIN_SCALE
    for candidate in FLYER_SIZES:  # the smallest sheet the text fits at a readable size
        fitted = _fit(project, lang, flyer, signs, candidate)
        if fitted is not None:
            size, scale = candidate, fitted
            break
    event = flyer.events[0]
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, size, lang=lang, title=event.title.in_(lang),
                        author=project.short_name.in_(lang), subject=label("flyer_subject", lang))
    sheet = Sheet(canvas, size[0], size[1], _MARGIN, scale)
    _body(sheet, project, lang, flyer, signs)
    _codes(sheet, codes, _code_size(size))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _code_size(size: tuple[float, float]) -> float:
    return 32 * MM if size == A5 else 42 * MM


def _fit(project: Project, lang: str, flyer: Flyer, signs, size) -> float | None:
    """Return the largest type scale at which the flyer fits ``size`` above its QR codes, or None."""
    scale = 1.5 if size == A5 else 1.6
    floor = _MIN_SCALE * (1.0 if size == A5 else 1.3)
    while scale >= floor:
        trial = Sheet(None, size[0], size[1], _MARGIN, scale)
        _body(trial, project, lang, flyer, signs)
        if trial.y >= _MARGIN + _code_size(size) + 24 * scale + 8:
            return scale
        scale -= 0.05
    return None


def _body(sheet: Sheet, project: Project, lang: str, flyer: Flyer, signs) -> None:
    event = flyer.events[0]
    draw_funding_header(sheet, project.funding, signs, lang, sign_height=12 * MM, text=7.5, gap=5)
    sheet.text(event.kind.label.in_(lang), 10, colour=GREY)
    sheet.space(2)
    sheet.text(event.title.in_(lang), 20, bold=True, leading=1.15)
    sheet.space(8)
    if not flyer.series and event.status is not EventStatus.SCHEDULED:
        previous = previous_text(event, lang)
        sheet.text(status_label(event.status, lang) + (f" – {label('previously', lang)}: {previous}"
                                                       if previous else ""), 11, bold=True)
        sheet.space(6)
    _dates(sheet, project, lang, flyer)
    home = zone_country(project.timezone) or ""
    venues = [event.venue] if event.venue else []
    for venue in venues:
        _fact(sheet, label("where", lang), ", ".join(place_lines(venue, lang, home)))
    if event.online_url:
        _fact(sheet, label("online", lang), event.online_url)
    for key, text in (("organiser", event.organiser.name if event.organiser else None), ("audience", event.audience),
                      ("bring", event.bring)):
        if text is not None:
            _fact(sheet, label(key, lang), text.in_(lang))
    if event.registration_url:
        _fact(sheet, label("register", lang), event.registration_url)
    if event.description:
        sheet.space(4)
        sheet.text(event.description.in_(lang), 10.5)
    if event.sessions:
        _programme(sheet, lang, event, home)


def _dates(sheet: Sheet, project: Project, lang: str, flyer: Flyer) -> None:
    """Write when: one event's day and time, or a weekly slot's next dates (the schedule has the rest)."""
    zone_of = project.timezone
    if not flyer.series:
        when = when_text(flyer.events[0], lang, zone_of)
        _fact(sheet, label("when", lang), _when_line(when, lang))
        return
    sheet.text(label("print_dates", lang), 9, colour=GREY)
    for event in flyer.events[:MAX_DATES]:
        sheet.text(_when_line(when_text(event, lang, zone_of), lang), 11)
    if len(flyer.events) > MAX_DATES:
        sheet.text(label("print_more_dates", lang), 10, colour=GREY)
    sheet.space(6)


def _when_line(when: dict, lang: str) -> str:
    line = when["day"] + (f", {when['time']}" if when["time"] else "")
    return line + (f" ({label('local_time', lang)}: {when['zone']})" if when["zone"] else "")


def _fact(sheet: Sheet, name: str, value: str) -> None:
    sheet.text(name, 9, colour=GREY)
    sheet.text(value, 11)
    sheet.space(5)


def _programme(sheet: Sheet, lang: str, event, home: str) -> None:
    """List a multi-day programme: each day, then each session's local time, title and place."""
    sheet.space(6)
    sheet.text(label("programme", lang), 12, bold=True)
    sheet.text(label("times_are_local", lang), 8.5, colour=GREY)
    for day in programme_days(event, lang, home):
        sheet.space(3)
        sheet.text(day["day"], 10, bold=True)
        for session in day["sessions"]:
            sheet.text(f"{session['time']} {session['title']}" + (f" – {session['place']}" if session["place"] else ""),
                       9)


def _codes(sheet: Sheet, codes, size: float) -> None:
    """Put the two QR codes side by side at the foot of the flyer, each with its caption and address."""
    column = sheet.text_width / 2
    for index, (caption, address) in enumerate(codes):
        x = sheet.left + index * column
        sheet.qr(address, x, sheet.margin, size)
        lines = len(wrap(caption, BOLD, 9 * sheet.scale, column - 4 * MM))
        sheet.y = sheet.margin + size + lines * 9 * sheet.scale * 1.25 + 2
        sheet.text(caption, 9, bold=True, x=x, width=column - 4 * MM)
