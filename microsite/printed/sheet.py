"""One printed sheet: a ReportLab canvas with the generator's fonts, print colours, wrapped text and QR codes.

Everything on the sheet is drawn in CMYK, the colours a print shop works in;
the fonts are the DejaVu Sans subsets shipped in ``microsite/fonts/`` (Latin,
Polish and Cyrillic letters), embedded in the PDF, never the machine's own.
The canvas runs in ReportLab's invariant mode (fixed creation date and file
id), so two builds of one commit write the same bytes.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import md5
from importlib import resources

import segno
from reportlab.lib.colors import CMYKColor
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

__all__ = ["BLACK", "GREY", "Sheet", "MM", "REGULAR", "BOLD", "draw_qr", "new_canvas", "register_fonts", "wrap"]

MM = 72 / 25.4
"""One millimetre in PDF points."""
REGULAR = "MicrositeSans"
BOLD = "MicrositeSans-Bold"
BLACK = CMYKColor(0, 0, 0, 1)
"""Text: black ink only, never a four-colour black."""
GREY = CMYKColor(0, 0, 0, 0.65)
RULE = CMYKColor(0, 0, 0, 0.25)


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register the shipped fonts with ReportLab once per process (its registry is by name)."""
    folder = resources.files("microsite") / "fonts"
    for name, file in ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
        with resources.as_file(folder / file) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return REGULAR, BOLD


@dataclass
class Sheet:
    """A page being laid out from the top down: a canvas, its size and a cursor.

    ``draw=False`` measures without drawing, so a layout can be tried at a
    smaller type size when the text does not fit.
    """

    canvas: Canvas | None
    width: float
    height: float
    margin: float
    scale: float = 1.0
    """Type size factor: 1 is the layout's full size."""
    y: float = field(init=False)
    """The top of what comes next (PDF points from the bottom of the page)."""

    def __post_init__(self) -> None:
        register_fonts()
        self.y = self.height - self.margin

    @property
    def drawing(self) -> bool:
        return self.canvas is not None

    @property
    def left(self) -> float:
        return self.margin

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.margin

    def space(self, points: float) -> None:
        """Leave ``points`` of space (scaled with the type)."""
        self.y -= points * self.scale

    def text(self, text: str, size: float, *, bold: bool = False, colour=BLACK, width: float | None = None,
             x: float | None = None, leading: float = 1.25) -> float:
        """Write ``text`` wrapped to ``width`` at ``size`` (scaled); return the height it took."""
        size *= self.scale
        font = BOLD if bold else REGULAR
        width = self.text_width if width is None else width
        x = self.left if x is None else x
        lines = wrap(text, font, size, width)
        height = len(lines) * size * leading
        if self.drawing:
            self.canvas.setFillColor(colour)
            self.canvas.setFont(font, size)
            for number, line in enumerate(lines):
                self.canvas.drawString(x, self.y - size - number * size * leading, line)
        self.y -= height
        return height

    def rule(self) -> None:
        """Draw a thin line across the text width."""
        if self.drawing:
            self.canvas.setStrokeColor(RULE)
            self.canvas.setLineWidth(0.75)
            self.canvas.line(self.left, self.y, self.left + self.text_width, self.y)

    def qr(self, data: str, x: float, y: float, size: float) -> None:
        """Draw a QR code of ``data`` with its lower left corner at (x, y), ``size`` wide, in black ink."""
        if not self.drawing:
            return
        draw_qr(self.canvas, data, x, y, size)


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """Draw ``data`` as a QR code (medium error correction), as vector squares, quiet zone included in ``size``."""
    matrix = _qr_matrix(data)
    modules = len(matrix) + 8  # four modules of quiet zone on each side
    cell = size / modules
    path = canvas.beginPath()
    for row, values in enumerate(matrix):
        start = None
        for column, dark in enumerate((*values, 0)):
            if dark and start is None:
                start = column
            elif not dark and start is not None:  # one rectangle per run of dark modules
                path.rect(x + (4 + start) * cell, y + size - (4 + row + 1) * cell, (column - start) * cell, cell)
                start = None
    canvas.setFillColor(BLACK)
    canvas.drawPath(path, stroke=0, fill=1)


@lru_cache(maxsize=256)
def _qr_matrix(data: str) -> tuple[tuple[int, ...], ...]:
    code = segno.make(data, error="m", micro=False, boost_error=False)
    return tuple(tuple(1 if value else 0 for value in row) for row in code.matrix)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Split text into lines that fit ``width``; a word longer than a line (an address) is cut where it must be."""
    lines: list[str] = []
    for line in simpleSplit(text, font, size, width):
        while pdfmetrics.stringWidth(line, font, size) > width and len(line) > 1:
            cut = len(line)
            while cut > 1 and pdfmetrics.stringWidth(line[:cut], font, size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


_INVARIANT_TIME = 946684800.0
"""2000-01-01 00:00 UTC: the date ReportLab's invariant mode writes when SOURCE_DATE_EPOCH is not set."""


def _fixed_date(canvas: Canvas) -> None:
    """Give the sheet invariant mode's own date, whatever SOURCE_DATE_EPOCH says.

    Invariant mode takes its date (the document's CreationDate and ModDate, and
    the seed of its file id) from SOURCE_DATE_EPOCH when it is set, and the
    build sets that to its "now", the last commit's time. A sheet would then
    carry the date of the build that drew it, and a sheet kept from an earlier
    commit's build (``printed/cache.py``) would differ from one drawn now: two
    builds of one commit would not give the same bytes. ReportLab has no
    setting for it, so the document's stamp and id seed are set as it sets them
    without the variable (ReportLab is pinned; tests/test_printed.py compares).
    """
    document = canvas._doc
    stamp = document._timeStamp
    stamp.t, stamp.dhh, stamp.dmm, stamp.tzname = _INVARIANT_TIME, 0, 0, "UTC"
    stamp.lt = time.gmtime(_INVARIANT_TIME)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    document.signature = md5(usedforsecurity=False)
    document.signature.update(b"a reportlab document")
    document.signature.update(ascii(_INVARIANT_TIME).encode("ascii"))


def new_canvas(buffer: io.BytesIO, size: tuple[float, float], *, lang: str, title: str, author: str,
               subject: str) -> Canvas:
    """Return a canvas that writes a reproducible PDF: fixed dates and id, the document's language and title."""
    register_fonts()
    canvas = Canvas(buffer, pagesize=size, invariant=1, pageCompression=1, lang=lang, initialFontName=REGULAR)
    _fixed_date(canvas)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator("microsite")
    return canvas
