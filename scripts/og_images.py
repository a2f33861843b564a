"""Draw the link-preview images (Open Graph), one per language, into content/assets/og/<lang>.png.

Why a browser: the card is an HTML page (the project's name, its full title and
the same funding strip as every page, from data/project.yaml) screenshotted by
Debian's Chromium, so Polish letters, line breaks and the funding signs come out
as on the site, without guessing font metrics. Run it again after changing the
project's name, funding signs or statement. (Without a browser, `microsite images` draws plainer
ones: the name and title only.)

    .venv/bin/python scripts/og_images.py            # writes content/assets/og/<lang>.png
    .venv/bin/python scripts/og_images.py --out DIR  # somewhere else (the test does this)

The same Chromium and fonts give the same bytes; another machine may differ by
anti-aliasing, which is why the images are committed rather than built.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from microsite.images import record_name  # noqa: E402
from microsite.load import load_site  # noqa: E402
from microsite.meta import OG_IMAGE_SIZE  # noqa: E402
from microsite.render.html import render_funding_strip  # noqa: E402
from microsite.urls import og_image_path  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--font-render-hinting=none"]


def card_html(site, lang: str, assets: Path) -> str:
    """Return the card of one language as an HTML page that loads its files from ``assets``.

    ``assets`` is laid out as the built site's root: the theme's files (the generator's
    style and funding signs) and the project's own (official logos) side by side.
    """
    template = Environment(loader=FileSystemLoader(Path(__file__).parent),
                           autoescape=select_autoescape(default=True)).get_template("og_card.html")
    width, height = OG_IMAGE_SIZE
    return template.render(
        lang=lang, width=width, height=height, css=(assets / "assets" / "microsite" / "microsite.css").as_uri(),
        strip=Markup(render_funding_strip(site, lang, asset_prefix=assets.as_uri() + "/")),
        name=site.project.short_name.in_(lang), title=site.project.title.in_(lang))


def render_cards(root: Path, out: Path | None = None, *, browser=None) -> list[Path]:
    """Draw one card per language of the site in ``root``; return the files written.

    ``browser`` is a Playwright Chromium already running (the tests'); else one is started.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return render_cards(root, out, browser=chromium)
            finally:
                chromium.close()
    site, problems = load_site(root)
    if any(p.is_error for p in problems):
        raise SystemExit("data/ has errors; run `microsite check` first")
    content = root / "content"
    width, height = OG_IMAGE_SIZE
    written = []
    page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
    with tempfile.TemporaryDirectory() as tmp:
        assets = Path(tmp) / "root"
        for folder in (ROOT / "overrides", content):  # the site's root: theme files, then the project's
            if (folder / "assets").is_dir():
                shutil.copytree(folder / "assets", assets / "assets", dirs_exist_ok=True)
        for lang in site.languages:
            card = Path(tmp) / f"{lang}.html"
            card.write_text(card_html(site, lang, assets), encoding="utf-8")
            page.goto(card.as_uri())
            page.wait_for_load_state("networkidle")
            target = (out / f"{lang}.png") if out else content / og_image_path(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            shot = page.screenshot(clip={"x": 0, "y": 0, "width": width, "height": height})
            # The image says which name it shows, so `microsite check` notices it in a project of another name.
            statement = site.project.funding.statement
            shown = [site.project.short_name.in_(lang), site.project.title.in_(lang),
                     *([statement.in_(lang)] if statement else [])]
            target.write_bytes(record_name(shot, shown[0], ". ".join(shown)))
            written.append(target)
    page.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the site's folder (default: this checkout)")
    parser.add_argument("--out", type=Path, help="write <lang>.png here instead of content/assets/og/")
    args = parser.parse_args(argv)
    for path in render_cards(args.root.resolve(), args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
