"""Funding: which signs and statement a funder's rules put on every page, and how it names its share.

The funder is data, not code. ``funding.kind`` in ``data/project.yaml`` names
one of the kinds below; the generator knows each kind's strip (which signs, in
which order), their captions in every catalogue, and what the funder calls its
money in the facts card. ``other`` is any funder with its own logo and
statement; ``none`` is a project without a funder to show.

Signs we may draw (the EU emblem, the Polish colours) are drawn to their
published geometry; trademarked ones (the Funds sign, the EEA and Norway Grants
logos) are plainly labelled placeholders until the editor adds the official
file, and ``microsite check`` warns while one is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import catalogue
from .fields import Context, Reader
from .model.project import Funding, FundingSign
from .model.text import Text

__all__ = ["FUNDING_KINDS", "OFFICIAL_SIGNS", "build_funding"]


@dataclass(frozen=True, slots=True)
class _Kind:
    signs: tuple[str, ...]
    """Built-in signs of the strip, left to right."""
    share: str | None
    """Catalogue key of what the funder calls its share; None: the project names it (other) or has none."""
    regional: bool = False
    """Whether a regional programme's sign may follow (Polish EU funds)."""
    needs: tuple[str, ...] = ()
    """Project facts the strip's captions are made of."""
    slogans: tuple[str, ...] = ()
    """Programming periods whose slogan the catalogues hold (``slogan_<prefix>_<period>``)."""


EEA_PERIODS = ("2014-2021", "2021-2028")
"""The EEA and Norway Grants periods whose texts the generator knows."""

FUNDING_KINDS: dict[str, _Kind] = {
    # Polish EU funds: Funds sign with the programme, the Polish colours, the EU emblem (with the fund's
    # name in 2014–2020, "Co-funded by the European Union" in 2021–2027), then a regional programme's sign.
    "eu-2014-2020": _Kind(("funds", "flag-pl", "eu-emblem"), "share_eu", True, ("programme", "fund")),
    "eu-2021-2027": _Kind(("funds", "flag-pl", "eu-emblem"), "share_eu", True, ("programme",)),
    # EEA and Norway Grants: one logo, by where the money comes from; the slogan of the period
    # ("… a green, competitive and inclusive Europe" in 2014–2021, "… a green, democratic and resilient Europe"
    # in 2021–2028: Communication and Design Manuals of both periods).
    "eea-grants": _Kind(("eea-grants",), "share_eea_grants", slogans=EEA_PERIODS),
    "norway-grants": _Kind(("norway-grants",), "share_norway_grants", slogans=EEA_PERIODS),
    "eea-norway-grants": _Kind(("eea-norway-grants",), "share_eea_norway_grants", slogans=EEA_PERIODS),
    "other": _Kind((), None),
    "none": _Kind((), None),
}
"""Funding kind → its strip, its name for the share, and the facts its captions need."""

OFFICIAL_SIGNS = {
    "funds": "the programme's visual identity rules (the 'Księga Tożsamości Wizualnej' or 'zasady promocji i "
             "oznakowania' page of your programme)",
    "eea-grants": "the EEA and Norway Grants Communication and Design Manual (eeagrants.org, logos)",
    "norway-grants": "the EEA and Norway Grants Communication and Design Manual (eeagrants.org, logos)",
    "eea-norway-grants": "the EEA and Norway Grants Communication and Design Manual (eeagrants.org, logos)",
}
"""Trademarked signs the generator only draws as placeholders → where the official file comes from."""

FUNDING_FIELDS = ("kind", "statement", "logos", "regional_sign", "funder", "signs", "share_label")
SIGN_FIELDS = ("logo", "label")
_RENAMED = {"preset": "kind"}


def build_funding(ctx: Context, project: Reader, facts: dict, paths) -> Funding | None:
    """Read ``funding:`` from project.yaml and build the strip of its kind; None (with problems) if wrong.

    ``facts`` are the project's programme and fund (texts the captions name) and its country.
    """
    r = project.entry("funding", FUNDING_FIELDS, renamed=_RENAMED)
    if r is None or not r.ok:
        return None
    name = r.string("kind", required=True, example="eu-2021-2027")
    if name is None:
        return None
    kind = FUNDING_KINDS.get(name)
    if kind is None:
        ctx.error(r.raw("kind"), "funding.kind", f"'{name}' is not a funding kind the generator knows",
                  f"use one of: {', '.join(FUNDING_KINDS)} ('other' for any other funder, with its own logo)")
        return None
    languages = ctx.languages
    ok = True
    for fact in kind.needs:
        if facts.get(fact) is None:
            ctx.error(r.raw("kind"), "funding.kind", f"the {name} strip names the {fact}, which is not given",
                      f"add '{fact}:' to project.yaml, in every language")
            ok = False
    statement = r.text("statement", required=name != "none")
    if name == "none" and statement is not None:
        ctx.error(r.raw("statement"), "funding.statement", "a funding statement is given but the kind is 'none'",
                  "name the funder's kind, or remove the statement")
        ok = False
    for key, allowed in (("regional_sign", kind.regional), ("funder", name == "other"), ("signs", name == "other"),
                         ("share_label", name == "other"), ("logos", bool(kind.signs))):
        if r.has(key) and not allowed:
            ctx.error(r.key_node(key), f"funding.{key}", f"'{key}' does not belong to the funding kind '{name}'",
                      "remove it, or choose the kind it belongs to")
            ok = False
    if any(facts.get(fact) is None for fact in kind.needs):
        return None  # the captions cannot be written; reported above
    if name.startswith("eu-") and facts.get("country") not in (None, "PL"):
        # These strips follow the Polish rules (the Polish colours sign is part of them).
        ctx.warn(r.raw("kind"), "funding.kind", f"the {name} strip is Poland's (it carries the Polish colours sign, "
                 f"\"Rzeczpospolita Polska\"), but the project's time zone is in {facts['country']}",
                 "for EU funds managed in another country, use 'kind: other' with that programme's own signs")
    logos = _official_logos(ctx, r, kind, paths)
    signs = [_built_in_sign(sign, languages, facts, name, logos.get(sign)) for sign in kind.signs]
    if kind.regional and r.has("regional_sign"):
        signs.append(_own_sign(ctx, r.entry("regional_sign", SIGN_FIELDS), "regional", paths))
    funder = share = None
    if name == "other":
        funder = r.text("funder")
        share = r.text("share_label", required=False)
        # A funder without a logo to show gets its statement alone.
        signs.extend(_own_sign(ctx, Reader(ctx, item, path, SIGN_FIELDS), "funder", paths)
                     for path, item in r.items("signs"))
        if len(signs) > 4:
            ctx.error(r.raw("signs"), "funding.signs", f"the strip would have {len(signs)} signs",
                      "keep at most four in one line, as funders' rules ask")
            ok = False
        if funder is not None and share is None:
            share = Text(tuple((lang, catalogue(lang).text("share_other", "funding", funder=funder.in_(lang)))
                               for lang in languages))
    if not ok or None in signs or (name != "none" and statement is None):
        return None
    for sign in signs:
        if sign.placeholder:  # every page would carry it: say so until the official file is in
            ctx.warn(r.raw("kind"), f"funding.logos.{sign.kind}",
                     f"the funding strip shows the generator's placeholder for the '{sign.kind}' sign",
                     f"get the official file from {OFFICIAL_SIGNS[sign.kind]}, save it under content/assets/funding/ "
                     f"and name it under 'logos:' ('{sign.kind}: assets/funding/<file>')")
    share_label = share or (_catalogue_text(languages, "funding", kind.share) if kind.share else None)
    rate_key = ("funding", "rate_eu") if name.startswith("eu-") else ("facts", "rate")
    return Funding(name, tuple(signs), statement, funder, share_label,
                   _catalogue_text(languages, *rate_key) if share_label else None,
                   _slogan(ctx, r, kind, name, facts.get("programme_period")))


def _slogan(ctx: Context, r: Reader, kind: _Kind, name: str, period: str | None) -> Text | None:
    """Return the slogan of the project's programming period, if its funder has one the catalogues hold."""
    if not kind.slogans or period is None:
        return None
    if period not in kind.slogans:
        ctx.warn(r.raw("kind"), "programme_period", f"the texts of '{name}' are known for the periods "
                 f"{' and '.join(kind.slogans)} only, not '{period}', so the funder's slogan is not shown",
                 f"write the period as {' or '.join(repr(p) for p in kind.slogans)}, if it is one of them")
        return None
    return _catalogue_text(ctx.languages, "funding", "slogan_eea_" + period.replace("-", "_"))


def _catalogue_text(languages: tuple[str, ...], section: str, key: str) -> Text:
    return Text(tuple((lang, catalogue(lang).text(key, section)) for lang in languages))


def _built_in_sign(sign: str, languages: tuple[str, ...], facts: dict, kind: str, logo: str | None) -> FundingSign:
    """Return one of the generator's signs with its caption in every language."""
    def caption(lang: str) -> str:
        words = catalogue(lang)
        if sign == "funds":
            programme = facts["programme"].in_(lang)
            brand = words.text("sign_funds", "funding")
            # In 2021–2027 the programme's name is the sign's text ("Fundusze Europejskie dla Podkarpacia").
            return programme if programme.casefold().startswith(brand.casefold()) else f"{brand}\n{programme}"
        if sign == "eu-emblem" and kind == "eu-2014-2020":
            return f"{words.text('sign_eu_2014_2020', 'funding')}\n{facts['fund'].in_(lang)}"
        key = "sign_eu_2021_2027" if sign == "eu-emblem" else "sign_" + sign.replace("-", "_")
        return words.text(key, "funding")

    label = Text(tuple((lang, caption(lang)) for lang in languages))
    return FundingSign(sign, label, logo, placeholder=logo is None and sign in OFFICIAL_SIGNS)


def _official_logos(ctx: Context, r: Reader, kind: _Kind, paths) -> dict[str, str]:
    """Read ``logos:``: the official files that replace the generator's drawings of this kind's signs."""
    logos: dict[str, str] = {}
    if not kind.signs:
        return logos
    lr = r.entry("logos", kind.signs, required=False)
    if lr is not None and lr.ok:
        for key in kind.signs:
            found = lr.asset(key, paths.root / paths.content_dir, paths.content_dir) if lr.has(key) else None
            if found:
                logos[key] = found
    return logos


def _own_sign(ctx: Context, r: Reader | None, kind: str, paths) -> FundingSign | None:
    """Read a sign the project supplies (a funder's logo, a regional programme's sign): a file and its caption."""
    if r is None or not r.ok:
        return None
    logo = r.asset("logo", paths.root / paths.content_dir, paths.content_dir, required=True)
    label = r.text("label")
    return FundingSign(kind, label, logo) if logo and label else None
