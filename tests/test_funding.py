"""Funding kinds: each funder's strip in its rules' order, its captions, its name for its share, and its mistakes.

Expected captions are the funders' own words: the Polish 2014–2020 and 2021–2027 rules name the signs
"Fundusze Europejskie" + the programme, "Rzeczpospolita Polska", "Unia Europejska" + the fund, and
"Dofinansowane przez Unię Europejską"; Reg. 2021/1060 annex IX gives "Co-funded by the European Union".
"""

from __future__ import annotations

import re

import pytest

from microsite.check import check_project
from microsite.render.html import PageContext, render_funding_strip, render_project_card
from sitefactory import SiteCopy, assert_problem, only

PROJECT = "data/project.yaml"


def set_funding(site: SiteCopy, block: str) -> int:
    """Replace the demo's ``funding:`` block (the end of project.yaml) with ``block``; return its first line."""
    text = site.read("project.yaml")
    start = text.index("\nfunding:") + 1
    site.write("project.yaml", text[:start] + block.lstrip("\n"))
    return text.count("\n", 0, start) + 1


def signs(site: SiteCopy, lang: str) -> list[tuple[str, str]]:
    loaded, _ = site.load()
    return [(s.kind, s.label.in_(lang)) for s in loaded.project.funding.signs]


def card(site: SiteCopy, lang: str) -> str:
    loaded, _ = site.load()
    html = render_project_card(PageContext(loaded, lang, "", "https://example.test/", None))
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", html))


STATEMENT = """  statement:
    pl: Projekt finansowany ze środków testowych.
    en: The project is funded from test funds.
"""


def test_eu_2014_2020_strip_funds_flag_emblem_with_fund_name(demo: SiteCopy):
    assert signs(demo, "pl") == [
        ("funds", "Fundusze Europejskie\nProgram Operacyjny Wiedza Edukacja Rozwój 2014–2020"),
        ("flag-pl", "Rzeczpospolita Polska"),
        ("eu-emblem", "Unia Europejska\nEuropejski Fundusz Społeczny")]
    assert signs(demo, "en")[1:] == [("flag-pl", "Republic of Poland"),
                                     ("eu-emblem", "European Union\nEuropean Social Fund")]


def test_eu_2021_2027_names_the_programme_and_ends_with_the_regional_sign(demo: SiteCopy):
    demo.replace("project.yaml", "  pl: Program Operacyjny Wiedza Edukacja Rozwój 2014–2020",
                 "  pl: Fundusze Europejskie dla Podkarpacia 2021–2027")
    demo.add_file("assets/funding/podkarpackie.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    set_funding(demo, """
funding:
  kind: eu-2021-2027
  regional_sign:
    logo: assets/funding/podkarpackie.svg
    label: {pl: Podkarpackie, en: Podkarpackie Region}
""" + STATEMENT)
    assert signs(demo, "pl") == [("funds", "Fundusze Europejskie dla Podkarpacia 2021–2027"),
                                 ("flag-pl", "Rzeczpospolita Polska"),
                                 ("eu-emblem", "Dofinansowane przez Unię Europejską"),
                                 ("regional", "Podkarpackie")]
    assert signs(demo, "en")[2] == ("eu-emblem", "Co-funded by the European Union")
    loaded, _ = demo.load()
    assert loaded.project.funding.signs[3].logo == "assets/funding/podkarpackie.svg"


@pytest.mark.parametrize("kind, sign, pl, en", [
    ("eea-grants", "eea-grants", "Fundusze EOG", "EEA Grants"),
    ("norway-grants", "norway-grants", "Fundusze norweskie", "Norway Grants"),
    ("eea-norway-grants", "eea-norway-grants", "Fundusze EOG i fundusze norweskie", "EEA and Norway Grants"),
])
def test_eea_and_norway_grants_each_show_their_own_sign_only(demo: SiteCopy, kind, sign, pl, en):
    demo.replace("project.yaml", 'programme_period: "2014-2020"', 'programme_period: "2014-2021"')
    set_funding(demo, f"funding:\n  kind: {kind}\n" + STATEMENT)
    assert signs(demo, "pl") == [(sign, pl)] and signs(demo, "en") == [(sign, en)]
    warning = only(demo.check(), "warning")  # the generator only draws a placeholder of the trademarked logo
    assert_problem(warning, file=PROJECT, line=None, field=f"funding.logos.{sign}", severity="warning",
                   message=("placeholder",), fix=("eeagrants.org", "content/assets/funding/"))


@pytest.mark.parametrize("kind, share_pl, share_en, rate_pl", [
    ("eu-2014-2020", "Wkład Unii Europejskiej", "EU contribution", "Poziom dofinansowania"),
    ("eea-grants", "Dofinansowanie z Funduszy EOG", "EEA Grants funding", "Udział dofinansowania w wartości projektu"),
    ("norway-grants", "Dofinansowanie z Funduszy norweskich", "Norway Grants funding",
     "Udział dofinansowania w wartości projektu"),
])
def test_the_card_names_the_share_in_the_funders_words(demo: SiteCopy, kind, share_pl, share_en, rate_pl):
    set_funding(demo, f"funding:\n  kind: {kind}\n" + STATEMENT)
    assert f"{share_pl} 728\u00a0752,08\u00a0zł" in card(demo, "pl")
    assert f"{rate_pl} 94,29%" in card(demo, "pl")
    assert f"{share_en} PLN\u00a0728,752.08" in card(demo, "en")


def test_another_funder_brings_its_logo_name_and_words_for_its_grant(demo: SiteCopy):
    demo.add_file("assets/funding/fundusz.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    set_funding(demo, """
funding:
  kind: other
  funder: {pl: Fundacja Wspólnota, en: Community Foundation}
  signs:
    - logo: assets/funding/fundusz.svg
      label: {pl: Fundacja Wspólnota, en: Community Foundation}
""" + STATEMENT)
    assert signs(demo, "en") == [("funder", "Community Foundation")]
    assert "Grantodawca Fundacja Wspólnota" in card(demo, "pl")
    assert "Dofinansowanie: Fundacja Wspólnota 728\u00a0752,08\u00a0zł" in card(demo, "pl")
    assert "Funding from Community Foundation PLN\u00a0728,752.08" in card(demo, "en")
    assert "Unii Europejskiej" not in card(demo, "pl") and demo.check() == []
    text = demo.read("project.yaml").replace("  signs:\n", "  share_label: {pl: Grant Wspólnoty, en: The Community grant}\n  signs:\n")
    demo.write("project.yaml", text)
    assert "The Community grant PLN\u00a0728,752.08" in card(demo, "en")


def test_another_funder_may_show_at_most_four_signs(demo: SiteCopy):
    demo.add_file("assets/funding/x.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    sign = "    - logo: assets/funding/x.svg\n      label: {pl: X, en: X}\n"
    line = set_funding(demo, "funding:\n  kind: other\n  funder: {pl: X, en: X}\n  signs:\n" + sign * 5 + STATEMENT)
    problem = only(demo.check())
    assert_problem(problem, file=PROJECT, line=line + 4, field="funding.signs", message=("5 signs",))
    assert problem.fix == "keep at most four in one line, as funders' rules ask"


def test_no_funder_means_no_strip_and_no_share(demo: SiteCopy):
    set_funding(demo, "funding:\n  kind: none\n")
    demo.replace("project.yaml", "grant: 728752.08", "")
    demo.replace("project.yaml", "co_financing_rate: 94.29", "")
    loaded, _ = demo.load()
    assert render_funding_strip(loaded, "pl", asset_prefix="") == ""
    assert "Wkład" not in card(demo, "pl") and "Poziom" not in card(demo, "pl")
    assert "Wartość projektu 772\u00a0883,74\u00a0zł" in card(demo, "pl")


def test_no_funder_with_a_grant_or_a_statement_is_a_mistake(demo: SiteCopy):
    line = set_funding(demo, "funding:\n  kind: none\n" + STATEMENT)
    statement = only([p for p in demo.check() if p.field == "funding.statement"])
    assert_problem(statement, file=PROJECT, line=line + 3, message=("kind is 'none'",))
    assert statement.fix == "name the funder's kind, or remove the statement"
    set_funding(demo, "funding:\n  kind: none\n")
    grant = demo.line_of("project.yaml", "grant:")
    rate = demo.line_of("project.yaml", "co_financing_rate:")
    found = sorted(demo.check(), key=lambda p: p.location.line)
    assert [(p.location.line, p.field) for p in found] == [(grant, "grant"), (rate, "co_financing_rate")]
    assert all("no funder" in p.message for p in found)


def test_unknown_kind_lists_the_kinds(demo: SiteCopy):
    line = set_funding(demo, "funding:\n  kind: eu\n" + STATEMENT)
    assert_problem(only(demo.check()), file=PROJECT, line=line + 1, field="funding.kind", message=("'eu'",),
                   fix=("eu-2021-2027", "eea-norway-grants", "other", "none"))


def test_a_funding_without_its_kind_names_an_example(demo: SiteCopy):
    line = set_funding(demo, "funding:\n" + STATEMENT)
    problem = only(demo.check())
    assert_problem(problem, file=PROJECT, line=line + 1, field="funding.kind", message=("required", "'kind'"))
    assert problem.fix == "add a line 'kind: eu-2021-2027' to this entry"


def test_the_eu_strips_need_the_names_their_captions_show(demo: SiteCopy):
    demo.replace("project.yaml", "fund:\n  pl: Europejski Fundusz Społeczny\n  en: European Social Fund\n", "")
    problem = only(demo.check())
    assert_problem(problem, file=PROJECT, line=None, field="funding.kind", message=("fund",), fix=("fund:",))


@pytest.mark.parametrize("key, block", [
    ("regional_sign", "  regional_sign:\n    logo: assets/funding/fe-power.svg\n    label: {pl: X, en: X}\n"),
    ("funder", "  funder: {pl: X, en: X}\n"),
])
def test_fields_of_another_kind_are_refused(demo: SiteCopy, key, block):
    line = set_funding(demo, "funding:\n  kind: eea-grants\n" + block + STATEMENT)
    found = [p for p in demo.check() if p.is_error]
    assert_problem(only(found), file=PROJECT, line=line + 2, field=f"funding.{key}", message=("eea-grants",))


def test_the_official_logo_replaces_the_placeholder_and_ends_the_warning(demo: SiteCopy):
    loaded, _ = demo.load()
    (funds,) = [s for s in loaded.project.funding.signs if s.kind == "funds"]
    assert funds.logo == "assets/funding/fe-power.svg" and not funds.placeholder
    html = render_funding_strip(loaded, "pl", asset_prefix="../")
    assert 'src="../assets/funding/fe-power.svg"' in html and 'src="../assets/microsite/funding/flag-pl.svg"' in html
    assert [p for p in check_project(demo.root) if "placeholder" in p.message] == []
    demo.replace("project.yaml", "  logos:\n    funds: assets/funding/fe-power.svg", "")
    # Pointed at the 'kind:' line: the sign comes with the kind, and there is no 'logos:' line to point at.
    assert_problem(only(demo.check(), "warning"), file=PROJECT, line=demo.line_of("project.yaml", "  kind: eu-2014-2020"),
                   field="funding.logos.funds",
                   severity="warning", message=("placeholder", "'funds'"),
                   fix=("content/assets/funding/", "logos:", "funds: assets/funding/",
                        "visual identity rules", "Księga Tożsamości Wizualnej"))  # where the official file comes from


def strip_signs(html: str) -> list[tuple[str, str, list[str]]]:
    """Return each sign of a rendered strip: its kind, its image and the lines of its caption."""
    items = re.findall(r'<li class="ms-sign ms-sign--([\w-]+)"><img src="([^"]+)" alt="">'
                       r'<span class="ms-sign__text">(.*?)</span></li>', html)
    return [(kind, src, re.findall(r"<span>(.*?)</span>", caption)) for kind, src, caption in items]


def test_the_strip_shows_every_sign_with_its_caption_in_the_funders_words(demo: SiteCopy):
    # The captions are the signs' text in the Polish rules (Rzeczpospolita Polska, Unia Europejska + the fund):
    # the image carries no alt text because its words are written beside it.
    loaded, _ = demo.load()
    assert strip_signs(render_funding_strip(loaded, "pl", asset_prefix="../")) == [
        ("funds", "../assets/funding/fe-power.svg",
         ["Fundusze Europejskie", "Program Operacyjny Wiedza Edukacja Rozwój 2014–2020"]),
        ("flag-pl", "../assets/microsite/funding/flag-pl.svg", ["Rzeczpospolita Polska"]),
        ("eu-emblem", "../assets/microsite/funding/eu-emblem.svg", ["Unia Europejska", "Europejski Fundusz Społeczny"])]
    assert [caption for _, _, caption in strip_signs(render_funding_strip(loaded, "en", asset_prefix=""))][1:] == [
        ["Republic of Poland"], ["European Union", "European Social Fund"]]


def test_a_project_sign_is_shown_from_its_own_file(demo: SiteCopy):
    demo.add_file("assets/funding/fundusz.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    set_funding(demo, "funding:\n  kind: other\n  funder: {pl: Fundacja Wspólnota, en: Community Foundation}\n"
                "  signs:\n    - logo: assets/funding/fundusz.svg\n"
                "      label: {pl: Fundacja Wspólnota, en: Community Foundation}\n" + STATEMENT)
    loaded, _ = demo.load()
    assert strip_signs(render_funding_strip(loaded, "en", asset_prefix="../../")) == [
        ("funder", "../../assets/funding/fundusz.svg", ["Community Foundation"])]


@pytest.mark.parametrize("old, new", [("preset", "kind"), ("eu_contribution", "grant")])
def test_renamed_fields_say_their_new_name(demo: SiteCopy, old, new):
    target = "  kind:" if old == "preset" else "grant:"
    line = demo.line_of("project.yaml", target)
    demo.replace("project.yaml", target, target.replace(new, old))
    # The only error: the fields after the renamed one are read as usual.
    found = [p for p in demo.check() if p.is_error]
    assert_problem(only(found), file=PROJECT, line=line, message=(f"now called '{new}'",), fix=(new,))


def test_another_funder_without_a_logo_shows_its_statement_alone(demo: SiteCopy):
    set_funding(demo, "funding:\n  kind: other\n  funder: {pl: Fundacja Wspólnota, en: Community Foundation}\n"
                + STATEMENT)
    loaded, problems = demo.load()
    html = render_funding_strip(loaded, "en", asset_prefix="")
    assert problems == [] and "<img" not in html and "The project is funded from test funds." in html


@pytest.mark.parametrize("key", ["grant", "total_value"])
def test_an_amount_of_zero_is_a_warning_that_says_to_leave_it_out(demo: SiteCopy, key):
    line = demo.line_of("project.yaml", f"{key}:")
    demo.replace_line("project.yaml", line, f"{key}: 0")
    if key == "total_value":
        demo.replace("project.yaml", "co_financing_rate: 94.29", "")
        demo.replace("project.yaml", "grant: 728752.08", "")
    found = [p for p in demo.check() if p.field == key]
    assert_problem(only(found, "warning"), file=PROJECT, line=line, field=key, severity="warning",
                   message=("0",), fix=("leave", "out"))


def test_every_funder_but_none_needs_its_statement(demo: SiteCopy):
    line = set_funding(demo, "funding:\n  kind: eea-grants\n")
    found = [p for p in demo.check() if p.is_error]
    assert_problem(only(found), file=PROJECT, line=line + 1, field="funding.statement", message=("missing",))


@pytest.mark.parametrize("kind", ["other", "none"])
def test_official_logos_belong_to_the_kinds_that_draw_signs(demo: SiteCopy, kind):
    extra = "  funder: {pl: X, en: X}\n" + STATEMENT if kind == "other" else ""
    line = set_funding(demo, f"funding:\n  kind: {kind}\n  logos:\n    funds: assets/funding/fe-power.svg\n" + extra)
    found = [p for p in demo.check() if p.is_error]
    assert_problem(only(found), file=PROJECT, line=line + 2, field="funding.logos", message=(f"'{kind}'",))


def test_polish_eu_strips_warn_outside_poland(demo: SiteCopy):
    demo.replace("project.yaml", "timezone: Europe/Warsaw", "timezone: Europe/Berlin")
    found = [p for p in demo.check() if p.field == "funding.kind"]
    assert_problem(only(found, "warning"), file=PROJECT, line=None, field="funding.kind", severity="warning",
                   message=("Polish colours", "DE"), fix=("kind: other",))


# The slogans of the EEA and Norway Grants' Communication and Design Manuals: 2014–2021 (its table of contents,
# "Slogan: Working together for a green, competitive and inclusive Europe") and 2021–2028 (p. 5, "working together
# for a green, democratic and resilient Europe"); the Polish 2014–2021 one as beneficiaries print it.
@pytest.mark.parametrize("period, en, pl", [
    ("2014-2021", "Working together for a green, competitive and inclusive Europe",
     "Wspólnie działamy na rzecz Europy zielonej, konkurencyjnej i sprzyjającej integracji społecznej"),
    ("2021-2028", "Working together for a green, democratic and resilient Europe",
     "Wspólnie działamy na rzecz Europy zielonej, demokratycznej i odpornej"),
])
def test_eea_and_norway_grants_show_the_slogan_of_the_projects_period(demo: SiteCopy, period, en, pl):
    demo.replace("project.yaml", 'programme_period: "2014-2020"', f'programme_period: "{period}"')
    set_funding(demo, "funding:\n  kind: eea-norway-grants\n" + STATEMENT)
    site, _ = demo.load()
    strip = {lang: render_funding_strip(site, lang, asset_prefix="") for lang in ("pl", "en")}
    assert f'<p class="ms-funding__slogan">{en}</p>' in strip["en"]
    assert f'<p class="ms-funding__slogan">{pl}</p>' in strip["pl"]


def test_an_eea_period_the_generator_has_no_texts_for_is_said_and_shows_no_slogan(demo: SiteCopy):
    set_funding(demo, "funding:\n  kind: eea-grants\n" + STATEMENT)  # the demo's period is EU's 2014-2020
    warning = next(p for p in demo.warnings() if p.field == "programme_period")
    assert_problem(warning, file=PROJECT, line=None, field="programme_period", severity="warning",
                   message=("the texts of 'eea-grants'", "2014-2021 and 2021-2028", "'2014-2020'",
                            "slogan is not shown"))
    site, _ = demo.load()
    assert site.project.funding.slogan is None
    assert "ms-funding__slogan" not in render_funding_strip(site, "en", asset_prefix="")


def test_eu_funds_have_no_eea_slogan(demo: SiteCopy):
    site, _ = demo.load()
    assert site.project.funding.slogan is None
