"""The printed poster and flyers, read back as a reader and a print shop would: page size, text, QR codes, signs.

Text is extracted with pypdf (with each string's position, for the order of the
signs), pages are rendered with PDFium and the QR codes decoded from the image
with zxing-cpp. Expected words are the demo's data and the funders' rules:
Reg. 2021/1060 art. 50(1)(d) (a poster of at least A3 with the project and the
support), annex IX 1.7 and the Polish handbooks (the signs in the order FE, the
Polish colours, the EU emblem; no other logo larger than the EU flag), and the
Council of Europe's four-colour EU blue (100 % cyan, 80 % magenta) and yellow
(100 % yellow).
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from conftest_site import BASE_URL, FIXTURES, build_demo, project_copy
from microsite.check import check_project, load_checked
from microsite.flyers import plan_flyers
from microsite.printed import PrintCache, render_printed, sheet
from sitefactory import SiteCopy

A3 = (841.9, 1190.6)
A5 = (419.5, 595.3)
POINT = 0.5  # tolerance of a page size, in points
NO_CACHE = PrintCache(None)  # every sheet drawn afresh


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The demo built at the fixtures' "now" (1 March 2019): 2019's duty hours and meetings are still to come."""
    return build_demo(tmp_path_factory.mktemp("printed") / "site")


def pdf(path: Path) -> pypdf.PdfReader:
    assert path.read_bytes().startswith(b"%PDF-"), path
    return pypdf.PdfReader(path)


def text_of(reader: pypdf.PdfReader) -> str:
    """Return the page's text with runs of spaces and line breaks as one space (wrapped lines join up)."""
    return re.sub(r"\s+", " ", reader.pages[0].extract_text()).replace("\u00a0", " ")


def strings(reader: pypdf.PdfReader) -> list[tuple[str, float, float]]:
    """Return every string drawn on the first page with its (x, y) in points."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((text.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))
    reader.pages[0].extract_text(visitor_text=visit)
    return found


def size_of(reader: pypdf.PdfReader) -> tuple[float, float]:
    box = reader.pages[0].mediabox
    return float(box.width), float(box.height)


def image_of(path: Path, scale: float = 2.0) -> Image.Image:
    return pypdfium2.PdfDocument(path)[0].render(scale=scale).to_pil().convert("RGB")


def codes(image: Image.Image) -> list[str]:
    """Return the QR codes' contents, left to right."""
    found = [b for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode]
    return [b.text for b in sorted(found, key=lambda b: b.position.top_left.x)]


def assert_size(reader, expected) -> None:
    width, height = size_of(reader)
    assert abs(width - expected[0]) < POINT and abs(height - expected[1]) < POINT, (width, height)


# The poster -----------------------------------------------------------------------------------------------------

def test_the_poster_is_one_a3_page_per_language_linked_from_the_documents_page(built: Path):
    for lang, page in (("pl", built / "documents/index.html"), ("en", built / "en/documents/index.html")):
        reader = pdf(built / f"print/{lang}/poster.pdf")
        assert len(reader.pages) == 1
        assert_size(reader, A3)
        link = re.search(r'<p class="ms-poster"><a href="([^"]+)" download>', page.read_text(encoding="utf-8"))
        assert link, page
        assert (page.parent / link.group(1)).resolve() == (built / f"print/{lang}/poster.pdf").resolve()


def test_the_poster_says_what_the_project_is_who_runs_it_and_what_the_funder_gave(built: Path):
    text = text_of(pdf(built / "print/pl/poster.pdf"))
    for expected in (
        # title, beneficiary, partners, aims: the demo's project.yaml and partners.yaml
        "Społecznie Zorganizowani – model uruchamiania lokalnej aktywności i rewitalizacji społecznej oparty o ideę "
        "Community Organising",
        "Centrum Doradztwa Strategicznego s.c.",
        "Fundacja British Council", "Community Organisers Ltd.",
        "Opracowanie, do grudnia 2020 roku, dostosowanego do polskich uwarunkowań modelu",
        "Adaptacja i wdrożenie rozwiązania zagranicznego (Wielka Brytania)",
        # the value and the EU's share, as the facts card writes them (CLDR Polish: space groups, comma decimals)
        "Wartość projektu 772 883,74 zł", "Wkład Unii Europejskiej 728 752,08 zł", "Poziom dofinansowania 94,29%",
        # the signs' captions and the statement
        "Rzeczpospolita Polska", "Unia Europejska", "Europejski Fundusz Społeczny",
        "Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego.",
    ):
        assert expected in text, expected
    english = text_of(pdf(built / "print/en/poster.pdf"))
    for expected in ("EU contribution PLN 728,752.08", "Total value PLN 772,883.74", "Co-financing rate 94.29%",
                     "European Union", "Republic of Poland"):
        assert expected in english, expected


def test_the_poster_repeats_the_facts_cards_value_and_share_word_for_word(built: Path):
    """The card on the home page and the poster: the same labels and values for the money (nothing else said)."""
    home = (built / "index.html").read_text(encoding="utf-8")
    rows = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", home.split('class="ms-card"', 1)[1]))
    text = text_of(pdf(built / "print/pl/poster.pdf"))
    money = {label: value for label, value in rows.items() if "zł" in value or value.endswith("%")}
    assert len(money) == 3, rows  # total value, the EU's share, the rate
    for label, value in money.items():
        assert f"{label} {value.replace(chr(160), ' ')}" in text


def test_the_posters_qr_code_is_the_projects_address_in_its_language(built: Path):
    assert codes(image_of(built / "print/pl/poster.pdf")) == [BASE_URL]
    assert codes(image_of(built / "print/en/poster.pdf")) == [BASE_URL + "en/"]


def test_the_posters_signs_are_in_the_polish_order_on_one_line(built: Path):
    drawn = strings(pdf(built / "print/pl/poster.pdf"))
    first = {name: next((x, y) for text, x, y in drawn if text.startswith(name))
             for name in ("Fundusze Europejskie", "Rzeczpospolita Polska", "Unia Europejska")}
    xs = [first[name][0] for name in ("Fundusze Europejskie", "Rzeczpospolita Polska", "Unia Europejska")]
    assert xs == sorted(xs), first
    assert max(y for _, y in first.values()) - min(y for _, y in first.values()) < 60, first  # one line
    # And as printed: the red of the Polish colours left of the EU's yellow stars, both at the top of the sheet.
    image = image_of(built / "print/pl/poster.pdf", scale=1.0)
    red, stars = _pixels(image, _is_red), _pixels(image, _is_eu_yellow)
    assert red and stars
    assert max(x for x, _ in red) < min(x for x, _ in stars)
    assert max(y for _, y in stars) < image.height / 8


def test_the_emblem_and_the_polish_colours_are_printed_in_cmyk(built: Path):
    page = pdf(built / "print/pl/poster.pdf").pages[0]
    stream = page.get_contents().get_data().decode("latin-1")
    assert "1 .8 0 0 k" in stream  # Reflex Blue as 100 % cyan and 80 % magenta
    assert "0 0 1 0 k" in stream  # the stars: 100 % yellow
    assert "0 0 0 1 k" in stream  # the text: black ink alone


def test_the_fonts_are_embedded_and_write_polish_and_ukrainian_letters(built: Path, tmp_path: Path):
    reader = pdf(built / "print/pl/poster.pdf")
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = (font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"])
        assert "/FontFile2" in descriptor.get_object(), font  # the TrueType program is in the file
    for word in ("Społecznie", "aktywności", "uwarunkowań", "wdrożenie", "Rozwój", "Więcej", "społecznej"):
        assert word in text_of(reader), word  # ł ś ń ż ó ę ą read back as the letters they are
    root = project_copy(tmp_path / "uk-fund", FIXTURES / "uk-fund")
    site, _ = load_checked(root)
    files = render_printed(site, "uk", base_url=BASE_URL, content_root=root / "content",
                           now=datetime(2025, 1, 1, tzinfo=timezone.utc), cache=NO_CACHE)
    poster = tmp_path / "poster.pdf"
    poster.write_bytes(files["print/uk/poster.pdf"])
    assert "Сусідські прогулянки – знайомимося з Лінкольном разом" in text_of(pdf(poster))


def test_no_logo_is_printed_larger_than_the_eu_flag(demo: SiteCopy, tmp_path: Path):
    """A region's wide logo after the EU emblem is fitted into the flag's box: no wider and no taller."""
    wide = io.BytesIO()
    Image.new("RGB", (900, 100), (0, 160, 0)).save(wide, "PNG")
    demo.add_file("assets/funding/region.png", wide.getvalue())
    demo.insert_after("project.yaml", "    funds: assets/funding/fe-power.svg",
                      "  regional_sign:\n    logo: assets/funding/region.png\n"
                      "    label: {pl: Województwo Testowe, en: Test Region}")
    site, problems = demo.load()
    assert site is not None, problems
    files = render_printed(site, "pl", base_url=BASE_URL, content_root=demo.root / "content",
                           now=datetime(2019, 3, 1, tzinfo=timezone.utc), cache=NO_CACHE)
    poster = tmp_path / "poster.pdf"
    poster.write_bytes(files["print/pl/poster.pdf"])
    image = image_of(poster, scale=1.0)
    green = _pixels(image, lambda p: p[1] > 120 and p[0] < 60 and p[2] < 60)
    blue = [(x, y) for x, y in _pixels(image, _is_eu_blue) if x > min(x for x, _ in _pixels(image, _is_red))]
    assert green and blue
    width = lambda found: max(x for x, _ in found) - min(x for x, _ in found)
    height = lambda found: max(y for _, y in found) - min(y for _, y in found)
    assert width(green) <= width(blue) + 3 and height(green) <= height(blue) + 3  # pixels sampled every 2
    assert min(x for x, _ in green) > max(x for x, _ in blue)  # the region's sign follows the EU's
    assert "Województwo Testowe" in text_of(pdf(poster))


def _is_red(p) -> bool:
    return p[0] > 180 and p[1] < 70 and p[2] < 110


def _is_eu_yellow(p) -> bool:
    return p[0] > 200 and p[1] > 170 and p[2] < 80


def _is_eu_blue(p) -> bool:
    return p[2] > 110 and p[0] < 70 and p[1] < 120


def _pixels(image: Image.Image, test) -> list[tuple[int, int]]:
    data = image.load()
    return [(x, y) for y in range(0, image.height, 2) for x in range(0, image.width, 2) if test(data[x, y])]


# Flyers -----------------------------------------------------------------------------------------------------------

def test_an_upcoming_event_has_an_a5_flyer_linked_from_its_page(built: Path):
    page = built / "schedule/dyzur-krosno-2019-03-27/index.html"
    link = re.search(r'<p class="ms-flyer"><a href="([^"]+)" download>Ulotka do wydruku \(PDF\)</a>',
                     page.read_text(encoding="utf-8"))
    assert link
    flyer = (page.parent / link.group(1)).resolve()
    assert flyer == (built / "print/pl/flyers/dyzur-krosno-2019-03-27.pdf").resolve()
    reader = pdf(flyer)
    assert_size(reader, A5)
    text = text_of(reader)
    for expected in ("Dyżur informacyjny w Krośnie", "Dyżur informacyjny",  # the title and the kind
                     "środa, 27 marca 2019, 15:00–19:00",  # CLDR Polish: weekday, genitive month
                     "Centrum Wspierania Organizacji Pozarządowych, ul. Grodzka 10, Krosno",
                     "Rzeczpospolita Polska", "Unia Europejska"):
        assert expected in text, expected
    assert codes(image_of(flyer)) == [BASE_URL + "schedule/dyzur-krosno-2019-03-27/",
                                      BASE_URL + "feeds/pl/events/dyzur-krosno-2019-03-27.ics"]


def test_the_english_flyer_speaks_english(built: Path):
    flyer = built / "print/en/flyers/dyzur-krosno-2019-03-27.pdf"
    text = text_of(pdf(flyer))
    assert "Wednesday, 27 March 2019, 15:00–19:00" in text or "Wednesday 27 March 2019, 15:00–19:00" in text, text
    assert codes(image_of(flyer)) == [BASE_URL + "en/schedule/dyzur-krosno-2019-03-27/",
                                      BASE_URL + "feeds/en/events/dyzur-krosno-2019-03-27.ics"]


def test_past_events_and_those_more_than_three_months_ahead_get_no_flyer(built: Path):
    flyers = {p.stem for p in (built / "print/pl/flyers").glob("*.pdf")}
    # On 1 March 2019: the March and April 2019 duty hours and meetings are printed…
    assert flyers == {"dyzur-krosno-2019-03-27", "dyzur-krosno-2019-03-28", "dyzur-przemysl-2019-03-28",
                      "spotkanie-rekrutacyjne-krosno-2019-04-29", "spotkanie-rekrutacyjne-przemysl-2019-04-30"}
    # …not the October 2018 visit (over), nor the working meeting of 20 February 2020 (a year ahead).
    for event in ("wizyta-studyjna-2018", "spotkanie-robocze-krakow-2020-02-20"):
        page = (built / f"schedule/{event}/index.html").read_text(encoding="utf-8")
        assert "ms-flyer" not in page, event
    assert flyers == {p.stem for p in (built / "print/en/flyers").glob("*.pdf")}


def test_cancelled_and_postponed_events_get_no_flyer(demo: SiteCopy):
    site, _ = demo.load()
    soon = datetime(2019, 3, 1, 12, tzinfo=timezone.utc)
    assert "dyzur-krosno-2019-03-27" in {f.key for f in plan_flyers(site, soon)}
    for status in ("cancelled", "postponed"):
        demo.replace("events.yaml", "  - id: dyzur-krosno-2019-03-27\n",
                     f"  - id: dyzur-krosno-2019-03-27\n    status: {status}\n")
        changed, problems = demo.load()
        assert changed is not None, problems
        assert "dyzur-krosno-2019-03-27" not in {f.key for f in plan_flyers(changed, soon)}, status
        demo.replace("events.yaml", f"    status: {status}\n", "")


def test_a_weekly_slot_has_one_flyer_with_its_dates_to_come_and_its_calendar(tmp_path: Path):
    """The EEA fixture's open hours: Tuesdays 4 March – 8 April 2025, 18 March skipped and 1 April cancelled."""
    root = project_copy(tmp_path / "eea", FIXTURES / "eea-project")
    site, _ = load_checked(root)
    files = render_printed(site, "en", base_url=BASE_URL, content_root=root / "content",
                           now=datetime(2025, 3, 5, tzinfo=timezone.utc), cache=NO_CACHE)
    assert "print/en/flyers/open-hours.pdf" in files
    assert not any(name.startswith("print/en/flyers/open-hours-") for name in files)  # one flyer, not one a date
    flyer = tmp_path / "flyer.pdf"
    flyer.write_bytes(files["print/en/flyers/open-hours.pdf"])
    text = text_of(pdf(flyer))
    for date in ("Tuesday, 11 March 2025", "Tuesday, 25 March 2025", "Tuesday, 8 April 2025"):
        assert f"{date}, 10:00–14:00" in text
    for gone in ("4 March 2025", "18 March 2025", "1 April 2025"):  # over on 5 March, skipped, cancelled
        assert gone not in text
    # English is this project's default language: its schedule is at the root.
    assert codes(image_of(flyer)) == [BASE_URL + "schedule/", BASE_URL + "feeds/en/duty-hours.ics"]


def test_printed_matter_is_the_same_bytes_every_time(tmp_path: Path):
    """Two copies of one commit (two clones), each loaded and printed afresh: nothing kept in between."""
    now = datetime(2019, 3, 1, 12, tzinfo=timezone.utc)
    printed = []
    for copy in ("one", "two"):
        root = project_copy(tmp_path / copy)
        site, _ = load_checked(root)
        printed.append(render_printed(site, "pl", base_url=BASE_URL, content_root=root / "content", now=now,
                                      cache=NO_CACHE))
    assert printed[0] == printed[1] and len(printed[0]) > 1


def test_a_sheet_does_not_carry_the_date_of_the_build_that_drew_it(tmp_path: Path, monkeypatch):
    """The build sets SOURCE_DATE_EPOCH to its "now" (the last commit): a sheet kept from an earlier commit's build
    must be the bytes a later build draws. Invariant mode's own date is 2000-01-01 (ReportLab, no variable set)."""
    root = project_copy(tmp_path / "project")
    site, _ = load_checked(root)
    now = datetime(2019, 3, 1, 12, tzinfo=timezone.utc)

    def printed() -> dict[str, bytes]:
        return render_printed(site, "pl", base_url=BASE_URL, content_root=root / "content", now=now, cache=NO_CACHE)

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with monkeypatch.context() as plain:
        plain.setattr(sheet, "_fixed_date", lambda canvas: None)
        reference = printed()  # ReportLab's own invariant mode, the variable unset
    assert printed() == reference
    for commit_time in ("1551441600", "1577880000"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", commit_time)
        assert printed() == reference
    poster = pypdf.PdfReader(io.BytesIO(reference["print/pl/poster.pdf"]))
    assert poster.metadata["/CreationDate"] == poster.metadata["/ModDate"] == "D:20000101000000+00'00'"


@pytest.mark.parametrize(("name", "data", "words"), [
    ("region.svg", b"Logo (saved from a word processor)", "this SVG file of a funding sign cannot be read"),
    ("region.png", b"not an image at all", "this image of a funding sign cannot be read"),
    ("region.pdf", b"%PDF-1.4\n", "must be an SVG, PNG or JPEG file"),
])
def test_a_sign_file_that_cannot_be_printed_is_named_by_the_check_and_stops_the_build(
        demo: SiteCopy, tmp_path: Path, name, data, words):
    demo.add_file(f"assets/funding/{name}", data)
    demo.insert_after("project.yaml", "    funds: assets/funding/fe-power.svg",
                      f"  regional_sign:\n    logo: assets/funding/{name}\n"
                      "    label: {pl: Województwo Testowe, en: Test Region}")
    found = [p for p in check_project(demo.root) if p.location.file == f"content/assets/funding/{name}"]
    assert len(found) == 1 and found[0].is_error and words in found[0].message, found
    with pytest.raises(AssertionError) as failed:  # the build's own check stops it, in the same words
        build_demo(tmp_path / "built", root=demo.root)
    assert f"content/assets/funding/{name}" in str(failed.value) and words in str(failed.value)


def test_a_replaced_sign_file_is_printed_anew_in_the_same_process(demo: SiteCopy):
    """The print cache keeps printed matter between saves; a new official sign must still reach the poster."""
    site, problems = demo.load()
    assert site is not None, problems
    content, now, cache = demo.root / "content", datetime(2019, 3, 1, tzinfo=timezone.utc), PrintCache(demo.root / "kept")
    before = render_printed(site, "pl", base_url=BASE_URL, content_root=content, now=now, cache=cache)["print/pl/poster.pdf"]
    sign = content / "assets" / "funding" / "fe-power.svg"
    sign.write_text("<svg xmlns='http://www.w3.org/2000/svg' width='300' height='100'>"
                    "<rect width='300' height='100' fill='#00a000'/></svg>", encoding="utf-8")
    after = render_printed(site, "pl", base_url=BASE_URL, content_root=content, now=now, cache=cache)["print/pl/poster.pdf"]
    assert after != before


def test_a_visit_in_several_places_prints_each_sessions_place(demo: SiteCopy, tmp_path: Path):
    """The study visit has no one venue: each session's place is on the flyer, as on its page."""
    site, problems = demo.load()
    assert site is not None, problems
    files = render_printed(site, "en", base_url=BASE_URL, content_root=demo.root / "content",
                           now=datetime(2018, 9, 1, tzinfo=timezone.utc), cache=NO_CACHE)
    flyer = tmp_path / "visit.pdf"
    flyer.write_bytes(files["print/en/flyers/wizyta-studyjna-2018.pdf"])
    text = " ".join(text_of(pdf(flyer)).split())
    for place in ("Starting Point Coffee Shop", "Woodley Precinct", "Windmill Cafe"):
        assert place in text, place
    assert "Stockport, United Kingdom" in text  # a venue abroad names its country (CLDR English)


def test_eea_grants_print_their_periods_slogan_on_the_poster_and_every_flyer():
    """The 2014–2021 Communication and Design Manual's slogan, under the statement, as on the site's strip."""
    from microsite.load import load_site

    site, problems = load_site(FIXTURES / "eea-project")
    assert site is not None, problems
    files = render_printed(site, "en", base_url=BASE_URL, content_root=FIXTURES / "eea-project" / "content",
                           now=datetime(2025, 3, 1, tzinfo=timezone.utc), cache=NO_CACHE)
    flyers = [name for name in files if name.startswith("print/en/flyers/")]
    assert flyers
    for name in ["print/en/poster.pdf", *flyers]:
        text = " ".join(text_of(pypdf.PdfReader(io.BytesIO(files[name]))).split())
        assert "Working together for a green, competitive and inclusive Europe" in text, name
