"""A project's own favicon and link-preview images, drawn from its name without a browser.

A new project must not carry another project's name in every browser tab and
every shared link. ``microsite init`` (and ``microsite images`` after a change
of name) draws a neutral favicon (the name's initials) and, per language, a
1200×630 preview image with the project's short name (and full title, once
written) in that language. Each image records the name it shows — the SVG in a
``data-microsite-name`` attribute, the PNG in an ``iTXt`` chunk — so ``microsite
check`` can warn when the images show a name that is not the project's.

The font is a subset of DejaVu Sans Bold shipped with the generator
(``microsite/fonts``): Latin, Polish and Cyrillic letters, the same on every machine.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from html import escape
from pathlib import Path

from .errors import Location, Problem
from .model import Site
from .urls import og_image_path

__all__ = ["ALT_KEY", "FAVICON", "NAME_KEY", "PREVIEW_SIZE", "check_images", "draw_images", "favicon_svg",
           "image_alt", "image_name", "initials", "preview_alt", "preview_png", "record_name"]

FAVICON = "assets/favicon.svg"
"""Below the content folder; mkdocs.yml's theme.favicon and theme.logo name it."""
NAME_KEY = "microsite:name"
ALT_KEY = "microsite:alt"
"""What a preview image says, as its text alternative (og:image:alt) should say it."""
PREVIEW_SIZE = (1200, 630)
"""The size Facebook, LinkedIn and X crop link previews to."""
_FONT = Path(__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"
_BACKGROUND = (63, 81, 181)  # the theme's primary colour (indigo), so the preview matches the site
_NAME_ATTRIBUTE = re.compile(r'data-microsite-name="([^"]*)"')


def initials(name: str) -> str:
    """Return up to two initials of a name: 'Zielone Podwórka' → 'ZP', 'Сусідські прогулянки' → 'СП'."""
    letters = [next((c for c in word if c.isalnum()), "") for word in re.split(r"[\s\-–—]+", name)]
    return "".join(c for c in letters if c)[:2].upper() or "?"


def favicon_svg(name: str) -> str:
    """Return a square icon with the name's initials, recording the name it was drawn for."""
    letters = escape(initials(name))
    size = 30 if len(letters) > 1 else 40
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" '
            f'data-microsite-name="{escape(name)}"><title>{escape(name)}</title>'
            f'<rect width="64" height="64" rx="12" fill="#3f51b5"/>'
            f'<text x="32" y="{32 + size * 0.36:.1f}" font-family="DejaVu Sans, Arial, sans-serif" font-weight="bold" '
            f'font-size="{size}" text-anchor="middle" fill="#fff">{letters}</text></svg>\n')


def preview_png(name: str, title: str | None = None) -> bytes:
    """Return a 1200×630 PNG with the name (and title) in white on the site's colour, its name recorded."""
    from PIL import Image, ImageDraw
    from PIL.PngImagePlugin import PngInfo

    width, height = PREVIEW_SIZE
    margin = 80
    image = Image.new("RGB", PREVIEW_SIZE, _BACKGROUND)
    draw = ImageDraw.Draw(image)
    name_font, name_lines = _fit(draw, name, width - 2 * margin, (96, 80, 64, 52), 3)
    blocks = [(name_font, name_lines, 1.15)]
    if title:
        title_font, title_lines = _fit(draw, title, width - 2 * margin, (40, 34, 30), 4)
        blocks.append((title_font, title_lines, 1.3))
    heights = [font.size * spacing * len(lines) for font, lines, spacing in blocks]
    y = (height - sum(heights) - 36 * (len(blocks) - 1)) / 2
    for (font, lines, spacing), block_height in zip(blocks, heights):
        for line in lines:
            draw.text((margin, y), line, font=font, fill="white")
            y += font.size * spacing
        y += 36
    draw.rectangle((0, height - 16, width, height), fill=(255, 255, 255))
    info = PngInfo()
    info.add_itxt(NAME_KEY, name)
    info.add_itxt(ALT_KEY, f"{name}. {title}" if title else name)
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, optimize=True)
    return out.getvalue()


def _fit(draw, text: str, width: int, sizes: tuple[int, ...], max_lines: int):
    """Return the largest font (of ``sizes``) at which ``text`` wraps into at most ``max_lines`` lines."""
    from PIL import ImageFont

    for size in sizes:
        font = ImageFont.truetype(str(_FONT), size)
        lines = _wrap(draw, text, font, width)
        if len(lines) <= max_lines:
            return font, lines
    return font, lines[:max_lines - 1] + [" ".join(lines[max_lines - 1:])[:60] + "…"]


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def draw_images(root: Path, site_names: dict[str, str], titles: dict[str, str] | None = None,
                content_dir: str = "content") -> list[str]:
    """Write the favicon (from the default language's name) and each language's preview; return the files.

    ``site_names`` maps each language, default first, to the project's short name in it; ``titles``
    (the project's full title per language) are drawn under the name when given.
    """
    content = Path(root) / content_dir
    written = []
    default = next(iter(site_names))
    favicon = content / FAVICON
    favicon.parent.mkdir(parents=True, exist_ok=True)
    favicon.write_text(favicon_svg(site_names[default]), encoding="utf-8")
    written.append(f"{content_dir}/{FAVICON}")
    for lang, name in site_names.items():
        title = (titles or {}).get(lang)
        path = content / og_image_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(preview_png(name, title))
        written.append(f"{content_dir}/{og_image_path(lang)}")
    return written


def record_name(png: bytes, name: str, alt: str) -> bytes:
    """Return a PNG drawn by another tool with ``iTXt`` chunks saying which name it shows and what it says."""
    texts = _png_text(png)
    if NAME_KEY in texts or ALT_KEY in texts:
        raise ValueError("the image already records what it shows")
    chunks = b""
    for key, value in ((NAME_KEY, name), (ALT_KEY, alt)):
        body = key.encode("latin-1") + b"\0\0\0" + b"\0" + b"\0" + value.encode("utf-8")
        chunks += struct.pack(">I", len(body)) + b"iTXt" + body + struct.pack(">I", zlib.crc32(b"iTXt" + body))
    end = png.rindex(b"IEND") - 4  # the IEND chunk starts with its length
    return png[:end] + chunks + png[end:]


def image_name(path: Path) -> str | None:
    """Return the name an image records it was drawn for, or None (a hand-made image records none)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if path.suffix == ".svg":
        found = _NAME_ATTRIBUTE.search(data.decode("utf-8", "replace"))
        return _unescape(found.group(1)) if found else None
    return _png_text(data).get(NAME_KEY)


def image_alt(path: Path) -> str | None:
    """Return what a preview image says, as it records it (None for an image that records nothing)."""
    try:
        return _png_text(path.read_bytes()).get(ALT_KEY)
    except OSError:
        return None


def preview_alt(site: Site, path: Path, lang: str) -> str | None:
    """Return the text alternative of a language's preview image: what it records it says, else its name.

    None when the language has no image. An image that records nothing (made by hand) is described by the
    project's short name only: nothing more about it is known.
    """
    if not path.is_file():
        return None
    return image_alt(path) or site.project.short_name.in_(lang)


def _unescape(text: str) -> str:
    from html import unescape

    return unescape(text)


def _png_text(data: bytes) -> dict[str, str]:
    """Return a PNG's text chunks (tEXt, iTXt) by keyword, reading the file's chunks without decoding pixels."""
    texts: dict[str, str] = {}
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return texts
    at = 8
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        at += 12 + length
        if kind == b"tEXt" and b"\0" in body:
            key, _, value = body.partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt" and b"\0" in body:
            key, _, rest = body.partition(b"\0")
            compressed, rest = rest[0], rest[2:]
            _, _, rest = rest.partition(b"\0")  # language tag
            _, _, value = rest.partition(b"\0")  # translated keyword
            texts[key.decode("latin-1")] = (zlib.decompress(value) if compressed else value).decode("utf-8")
        elif kind == b"IEND":
            break
    return texts


def check_images(root: Path, site: Site, content_dir: str = "content") -> list[Problem]:
    """Warn about a favicon or preview image drawn for another name than the project's."""
    content = Path(root) / content_dir
    problems = []
    wanted = {FAVICON: site.project.short_name.in_(site.project.default_language)}
    wanted.update({og_image_path(lang): site.project.short_name.in_(lang) for lang in site.languages})
    for relative, name in wanted.items():
        shown = image_name(content / relative)
        if shown is not None and shown != name:
            what = "icon in every browser tab" if relative == FAVICON else "image of every shared link"
            problems.append(Problem(
                Location(f"{content_dir}/{relative}"), "",
                f"this {what} was drawn for '{shown}', but the project's short name is '{name}'",
                "run '.venv/bin/microsite images' to draw new ones from data/project.yaml, or replace the file",
                "warning"))
    return problems
