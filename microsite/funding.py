"""Funding strips: the signs and statement a funder requires on every page.

The funder is data, not code. A preset names the signs a programme requires
(EU funds 2014–2020, EU funds 2021–2027, EEA and Norway Grants); the project
data gives the statement and, for trademarked signs, the official files.
Signs we may draw (EU emblem, Polish flag) are drawn to their published
geometry; the others get a plainly labelled placeholder until the editor adds
the official file.
"""

from __future__ import annotations

from .model.project import FundingSign, FundingStrip
from .model.text import Text

__all__ = ["PRESETS", "build_funding_strip"]


def _eu_2014_2020(programme: Text, fund: Text) -> tuple[FundingSign, ...]:
    return (
        FundingSign("funds", Text.of(pl=f"Fundusze Europejskie\n{programme.in_('pl')}",
                                     en=f"European Funds\n{programme.in_('en')}")),
        FundingSign("flag-pl", Text.of(pl="Rzeczpospolita Polska", en="Republic of Poland")),
        FundingSign("eu-emblem", Text.of(pl=f"Unia Europejska\n{fund.in_('pl')}",
                                         en=f"European Union\n{fund.in_('en')}")),
    )


def _eu_2021_2027(programme: Text, fund: Text) -> tuple[FundingSign, ...]:
    return (
        FundingSign("funds", Text.of(pl=f"Fundusze Europejskie\n{programme.in_('pl')}",
                                     en=f"European Funds\n{programme.in_('en')}")),
        FundingSign("flag-pl", Text.of(pl="Rzeczpospolita Polska", en="Republic of Poland")),
        FundingSign("eu-emblem", Text.of(pl="Dofinansowane przez Unię Europejską",
                                         en="Co-funded by the European Union")),
    )


def _eea_norway(programme: Text, fund: Text) -> tuple[FundingSign, ...]:
    return (
        FundingSign("eea-grants", Text.of(pl="Fundusze EOG", en="EEA Grants")),
        FundingSign("norway-grants", Text.of(pl="Fundusze norweskie", en="Norway Grants")),
    )


PRESETS = {
    "eu-2014-2020": _eu_2014_2020,
    "eu-2021-2027": _eu_2021_2027,
    "eea-norway-grants": _eea_norway,
}
"""Preset name → function building its signs from the programme and fund names."""


def build_funding_strip(ctx, reader, programme: Text | None, fund: Text | None, paths) -> FundingStrip | None:
    """Read ``funding:`` from project.yaml and build the strip from its preset."""
    fr = reader.entry("funding", ("preset", "statement", "logos"))
    if fr is None or not fr.ok:
        return None
    preset = fr.string("preset", required=True, example="eu-2014-2020")
    if preset is not None and preset not in PRESETS:
        ctx.error(fr.raw("preset"), "funding.preset", f"'{preset}' is not a known funding preset",
                  f"use one of: {', '.join(PRESETS)}")
        preset = None
    statement = fr.text("statement")
    logos: dict[str, str] = {}
    lr = fr.entry("logos", ("funds", "eea-grants", "norway-grants"), required=False)
    if lr is not None and lr.ok:
        for key in lr.known:
            if lr.has(key):
                found = lr.asset(key, paths.root / paths.content_dir, paths.content_dir)
                if found:
                    logos[key] = found
    if preset is None or statement is None or programme is None or fund is None:
        return None
    signs = tuple(FundingSign(s.kind, s.label, logos.get(s.kind)) for s in PRESETS[preset](programme, fund))
    return FundingStrip(preset, signs, statement)
