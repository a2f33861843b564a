"""Funding presets: the funder is data; each preset gives its required signs in both languages."""

from __future__ import annotations

import pytest

from microsite.funding import PRESETS
from microsite.model import Text

PROGRAMME = Text.of(pl="Program Operacyjny Wiedza Edukacja Rozwój 2014–2020",
                    en="Knowledge Education Development Operational Programme 2014–2020")
FUND = Text.of(pl="Europejski Fundusz Społeczny", en="European Social Fund")


def _signs(preset):
    return [(s.kind, s.label.in_("pl"), s.label.in_("en")) for s in PRESETS[preset](PROGRAMME, FUND)]


def test_eu_2014_2020_funds_flag_emblem_with_fund_name():
    assert _signs("eu-2014-2020") == [
        ("funds", "Fundusze Europejskie\nProgram Operacyjny Wiedza Edukacja Rozwój 2014–2020",
         "European Funds\nKnowledge Education Development Operational Programme 2014–2020"),
        ("flag-pl", "Rzeczpospolita Polska", "Republic of Poland"),
        ("eu-emblem", "Unia Europejska\nEuropejski Fundusz Społeczny", "European Union\nEuropean Social Fund"),
    ]


def test_eu_2021_2027_uses_the_co_funded_statement():
    kinds = _signs("eu-2021-2027")
    assert [k for k, _, _ in kinds] == ["funds", "flag-pl", "eu-emblem"]
    assert kinds[2][1:] == ("Dofinansowane przez Unię Europejską", "Co-funded by the European Union")


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_every_preset_has_at_most_four_signs_with_a_local_image(preset):
    from conftest_site import REPO

    signs = PRESETS[preset](PROGRAMME, FUND)
    assert 1 <= len(signs) <= 4
    for sign in signs:
        assert (REPO / "overrides" / "assets" / "microsite" / "funding" / f"{sign.kind}.svg").is_file()
