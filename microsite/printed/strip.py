"""The funding strip on paper: the funder's signs in their order, each with its caption, in print colours.

The signs and their order are the funding kind's (:mod:`microsite.funding`), as
on every page of the site. The rules drawn here are those the funders give for
print (Reg. 2021/1060 annex IX 1.7, the Polish handbooks): all signs in one line
(a kind has at most four), every sign as tall as the EU emblem, and no other
logo larger than it, in height or in width. Signs the generator may draw (the
EU emblem to the Council of Europe's geometry, in Reflex Blue and Process
Yellow as CMYK 100/80/0/0 and 0/0/100/0; the Polish colours) are drawn here in
CMYK; a project's official files (SVG, PNG, JPEG) are placed as they are; the
place of a trademarked sign whose file is not added yet is left empty, outlined.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.lib.colors import CMYKColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from svglib.fonts import FontMap
from svglib.svglib import svg2rlg

from ..errors import Location, Problem
from ..model import Funding, FundingSign
from . import StripError
from .sheet import BLACK, BOLD, GREY, REGULAR, Sheet, register_fonts, wrap

__all__ = ["PrintedSign", "draw_funding_header", "draw_strip", "sign_file_problem", "strip_signs"]

EU_BLUE = CMYKColor(1, 0.8, 0, 0)
"""Pantone Reflex Blue in four-colour print (Council of Europe, the European flag's technical characteristics)."""
EU_YELLOW = CMYKColor(0, 0, 1, 0)
"""Pantone Yellow in four-colour print: 100 % Process Yellow."""
PL_RED = CMYKColor(0, 1, 0.81, 0.04)
"""The red of the Polish colours as printers use it (Pantone 186 C); the law gives it in CIE terms only."""
OUTLINE = CMYKColor(0, 0, 0, 0.3)

_DRAWN = {"eu-emblem": 1.5, "flag-pl": 1.6}
"""Signs drawn here in print colours → width per unit of height (the EU flag 3:2, the Polish colours 8:5)."""
_IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp")


def sign_file_problem(path: Path, content_root: Path) -> Problem | None:
    """Return what stops the sign file at ``path`` from being printed, or None."""
    register_fonts()  # an SVG's text is set in them as it is read
    try:
        _file(path, content_root)
    except StripError as exc:
        return exc.problem
    return None


@dataclass(frozen=True, slots=True)
class PrintedSign:
    """One sign as it is printed: what it is, its caption lines, and how wide it is per unit of height."""

    kind: str
    lines: tuple[str, ...]
    aspect: float
    """Width / height of the sign itself."""
    source: object
    """'drawn', 'placeholder', 'empty' (an SVG without a size), a ReportLab Drawing (SVG) or an ImageReader (a raster file)."""
    boxed: bool
    """Whether the EU emblem's box limits it (a logo other than the standard signs, next to the EU emblem)."""


def strip_signs(funding: Funding, lang: str, content_root: Path) -> tuple[PrintedSign, ...]:
    """Return the funder's signs, left to right, ready to be printed in ``lang``."""
    register_fonts()  # an SVG's text is set in them as it is read
    with_emblem = any(sign.kind == "eu-emblem" for sign in funding.signs)
    signs = []
    for sign in funding.signs:
        source, aspect = _source(sign, content_root)
        boxed = with_emblem and sign.kind in ("regional", "funder")
        signs.append(PrintedSign(sign.kind, tuple(sign.label.in_(lang).split("\n")), aspect, source, boxed))
    return tuple(signs)


def draw_funding_header(sheet: Sheet, funding: Funding, signs: tuple[PrintedSign, ...], lang: str, *,
                        sign_height: float, text: float, gap: float) -> None:
    """Draw what heads every printed sheet: the signs, the funder's statement and the period's slogan, a rule.

    The poster and the flyers differ only in size: ``sign_height`` for the signs,
    ``text`` for the statement's type (the slogan a little smaller), ``gap`` for the
    space below the signs (the rule has more above and twice as much below it).
    """
    if signs:
        draw_strip(sheet, signs, sign_height)
        sheet.space(gap)
    if funding.statement:
        sheet.text(funding.statement.in_(lang), text)
    if funding.slogan:
        sheet.text(funding.slogan.in_(lang), text * 0.87, colour=GREY)
    if signs or funding.statement:
        sheet.space(gap * 1.4)
        sheet.rule()
        sheet.space(gap * 2.6)


def draw_strip(sheet: Sheet, signs: tuple[PrintedSign, ...], height: float) -> float:
    """Draw the strip at the sheet's cursor, signs ``height`` tall at most; return the height it took.

    The signs and captions are laid out in one line across the text width; if the
    line is too long the whole strip is made smaller, never one sign alone.
    """
    if not signs:
        return 0.0
    height *= sheet.scale
    while True:
        widths = [_sign_width(sign, height) for sign in signs]
        captions = [_caption_width(sign, height) for sign in signs]
        gap = height * 0.45
        total = sum(widths) + sum(captions) + gap * (len(signs) - 1)
        if total <= sheet.text_width or height < 12:
            break
        height *= sheet.text_width / total * 0.98
    x = sheet.left
    top = sheet.y
    for sign, width, caption in zip(signs, widths, captions):
        _draw_sign(sheet, sign, x, top - height, width, height)
        x += width
        if sign.lines:
            _draw_caption(sheet, sign, x + height * 0.15, top, height)
        x += caption + gap
    sheet.y -= height
    return height


def _caption_size(height: float) -> float:
    return height * 0.19


def _caption_lines(sign: PrintedSign, height: float) -> list[str]:
    """Return the caption's lines, a long one (a programme's name) wrapped to a few sign heights."""
    size = _caption_size(height)
    return [part for line in sign.lines for part in wrap(line, REGULAR, size, height * 2.6)]


def _caption_width(sign: PrintedSign, height: float) -> float:
    size = _caption_size(height)
    if not sign.lines:
        return 0.0
    return height * 0.15 + max(pdfmetrics.stringWidth(line, REGULAR, size) for line in _caption_lines(sign, height))


def _sign_width(sign: PrintedSign, height: float) -> float:
    width = sign.aspect * height
    if sign.boxed:  # no larger than the EU flag, in width or in height
        width = min(width, _DRAWN["eu-emblem"] * height)
    return width


def _draw_caption(sheet: Sheet, sign: PrintedSign, x: float, top: float, height: float) -> None:
    if not sheet.drawing:
        return
    size = _caption_size(height)
    leading = size * 1.2
    lines = _caption_lines(sign, height)
    first = top - height / 2 + (len(lines) * leading) / 2 - size * 0.85
    sheet.canvas.setFillColor(BLACK)
    sheet.canvas.setFont(REGULAR, size)
    for number, line in enumerate(lines):
        sheet.canvas.drawString(x, first - number * leading, line)


def _draw_sign(sheet: Sheet, sign: PrintedSign, x: float, y: float, width: float, height: float) -> None:
    if not sheet.drawing:
        return
    canvas = sheet.canvas
    if sign.source == "drawn":
        (_draw_eu_emblem if sign.kind == "eu-emblem" else _draw_polish_colours)(canvas, x, y, width, height)
        return
    if sign.source == "empty":
        return
    if sign.source == "placeholder":
        _draw_placeholder(canvas, x, y, width, height)
        return
    # Fit the file's own proportions into the sign's box, centred.
    scale = min(width / sign.aspect, height)
    w, h = sign.aspect * scale, scale
    x += (width - w) / 2
    y += (height - h) / 2
    if isinstance(sign.source, ImageReader):
        canvas.drawImage(sign.source, x, y, w, h, mask="auto")
        return
    drawing = sign.source
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(w / drawing.width, h / drawing.height)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.restoreState()


def _draw_eu_emblem(canvas, x: float, y: float, width: float, height: float) -> None:
    """Draw the European flag: twelve stars on a circle of a third of its height, each of an eighteenth."""
    canvas.setFillColor(EU_BLUE)
    canvas.rect(x, y, width, height, stroke=0, fill=1)
    canvas.setFillColor(EU_YELLOW)
    cx, cy = x + width / 2, y + height / 2
    path = canvas.beginPath()
    for star in range(12):
        angle = math.pi / 2 - star * math.pi / 6
        sx, sy = cx + height / 3 * math.cos(angle), cy + height / 3 * math.sin(angle)
        radius = height / 18
        inner = radius * math.sin(math.radians(18)) / math.sin(math.radians(126))
        points = [(sx + (radius if k % 2 == 0 else inner) * math.cos(math.pi / 2 + k * math.pi / 5),
                   sy + (radius if k % 2 == 0 else inner) * math.sin(math.pi / 2 + k * math.pi / 5))
                  for k in range(10)]
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _draw_polish_colours(canvas, x: float, y: float, width: float, height: float) -> None:
    """Draw the Polish colours: white above red, in two equal bands, with a thin outline on white paper."""
    canvas.setFillColor(PL_RED)
    canvas.rect(x, y, width, height / 2, stroke=0, fill=1)
    canvas.setStrokeColor(OUTLINE)
    canvas.setLineWidth(max(0.3, height / 200))
    canvas.rect(x, y, width, height, stroke=1, fill=0)


def _draw_placeholder(canvas, x: float, y: float, width: float, height: float) -> None:
    """Draw the empty, dashed place of a sign whose official file the project has not added yet."""
    canvas.saveState()
    canvas.setStrokeColor(OUTLINE)
    canvas.setDash(height / 16, height / 24)
    canvas.setLineWidth(max(0.5, height / 80))
    canvas.rect(x, y, width, height, stroke=1, fill=0)
    canvas.restoreState()


def _source(sign: FundingSign, content_root: Path) -> tuple[object, float]:
    """Return what draws the sign and its width per unit of height."""
    if sign.logo is None:
        if sign.kind in _DRAWN:
            return "drawn", _DRAWN[sign.kind]
        return "placeholder", 1.5  # a trademarked sign whose official file is not added yet (the check says so)
    return _file(content_root / sign.logo, content_root)


class _ShippedFonts(FontMap):
    """Any text in an SVG sign in the shipped fonts: svglib would otherwise look for the family on the machine
    (its font folders, fontconfig) and fall back to Helvetica, which is not embedded and has no Polish letters."""

    def register_default_fonts(self) -> None:
        pass  # no table of the machine's fonts

    def find_font(self, font_name: str, weight: str = "normal", style: str = "normal") -> tuple[str, bool]:
        return (BOLD if str(weight) in ("bold", "bolder", "600", "700", "800", "900") else REGULAR), True


def _file(path: Path, root: Path) -> tuple[object, float]:
    shown = f"{root.name}/{path.relative_to(root).as_posix()}"  # as the editor sees it: content/assets/…
    key = (str(path), path.stat().st_mtime_ns, path.stat().st_size, str(root), shown)
    return _read(*key)


def _unprintable(shown: str, message: str, fix: str) -> StripError:
    return StripError(Problem(Location(shown), "", message, fix))


@lru_cache(maxsize=32)  # the same few signs on the poster and every flyer of every language
def _read(path: str, mtime: int, size: int, root: str, shown: str) -> tuple[object, float]:
    suffix = Path(path).suffix.lower()
    if suffix == ".svg":
        # External references are refused outside the content folder; entities are never expanded.
        drawing = svg2rlg(path, external_reference_root=root, font_map=_ShippedFonts())
        if drawing is None:
            raise _unprintable(shown, "this SVG file of a funding sign cannot be read, so it cannot be printed",
                               "save it again as plain SVG, PNG or JPEG")
        drawing.initialFontName = REGULAR  # ReportLab's renderer would otherwise start in Helvetica (not embedded)
        if not drawing.width or not drawing.height:
            return "empty", 2.0  # no size and no viewBox: browsers show an empty 300 × 150 box, so does paper
        return drawing, drawing.width / drawing.height
    if suffix in _IMAGE_TYPES:
        try:
            image = ImageReader(path)
            width, height = image.getSize()
        except Exception as exc:  # Pillow's own errors: a damaged or mislabelled file
            raise _unprintable(shown, f"this image of a funding sign cannot be read ({exc})",
                               "save it again as PNG or JPEG") from None
        return image, width / height
    raise _unprintable(shown, "a funding sign must be an SVG, PNG or JPEG file to be printed on the poster",
                       "use the sign's SVG, PNG or JPEG file (the funder's logo pages offer them)")
