"""The project's facts as an auditor reads them: one labelled row per fact that is known.

The facts card on the site and the printed poster show the same rows with the
same words (the catalogue's ``facts`` labels, the funder's own name for its
share), so that what is printed never says more, less or otherwise than the site.
A fact that is not known (an amount not made public, a date not set) has no row.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import formats
from .catalogue import catalogue
from .model import Site

__all__ = ["Fact", "project_facts"]


@dataclass(frozen=True, slots=True)
class Fact:
    """One row of the facts: what it is, and its label and value in one language."""

    key: str
    """title, beneficiary, funder, programme, fund, programme_period, period, total_value, share, rate, region."""
    label: str
    value: str


def project_facts(site: Site, lang: str) -> tuple[Fact, ...]:
    """Return the project's known facts in ``lang``, in the order the facts card lists them."""
    p = site.project
    words = catalogue(lang)
    funding = p.funding

    def money(amount):
        return formats.format_money(amount, p.currency, lang) if amount is not None else None

    rows = [
        ("title", words.text("title", "facts"), p.title.in_(lang)),
        ("beneficiary", words.text("beneficiary", "facts"),
         site.partner(p.beneficiary).name.in_(lang) if p.beneficiary else None),
        ("funder", words.text("funder", "facts"), funding.funder.in_(lang) if funding.funder else None),
        ("programme", words.text("programme", "facts"), p.programme.in_(lang) if p.programme else None),
        ("fund", words.text("fund", "facts"), p.fund.in_(lang) if p.fund else None),
        ("programme_period", words.text("programme_period", "facts"), p.programme_period),
        ("period", words.text("period", "facts"), _period(p, lang)),
        ("total_value", words.text("total_value", "facts"), money(p.total_value)),
        ("share", funding.share_label.in_(lang) if funding.share_label else "",
         money(p.grant) if funding.share_label else None),
        ("rate", funding.rate_label.in_(lang) if funding.rate_label else "",
         formats.format_percent_value(p.rate, lang) if funding.rate_label and p.rate is not None else None),
        ("region", words.text("region", "facts"), p.region.in_(lang) if p.region else None),
    ]
    return tuple(Fact(key, label, value) for key, label, value in rows if value)


def _period(project, lang: str) -> str | None:
    """Return the project's period as far as it is known: both dates, from one, or until the other."""
    words = catalogue(lang)
    start = formats.format_day(project.start, lang) if project.start else None
    end = formats.format_day(project.end, lang) if project.end else None
    if start and end:
        return f"{start} – {end}"
    if start:
        return words.text("period_from", "facts", start=start)
    if end:
        return words.text("period_until", "facts", end=end)
    return None
