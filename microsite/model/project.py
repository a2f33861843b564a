"""The funded project itself: facts an auditor checks, aims, results, contact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .text import Text

__all__ = ["Contact", "FundingStrip", "FundingSign", "Indicator", "Project"]


@dataclass(frozen=True, slots=True)
class Indicator:
    """A result the project promised, with its unit counted in the reader's language."""

    id: str
    label: Text
    target: Decimal
    unit: str
    """Unit key from the units table (institution, person, initiative, plan, document)."""
    achieved: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    """Who residents and auditors can reach."""

    name: Text
    address: Text | None = None
    phone: str | None = None
    email: str | None = None
    people: Text | None = None


@dataclass(frozen=True, slots=True)
class FundingSign:
    """One sign in the funding strip (Funds sign, flag, EU emblem, other)."""

    kind: str
    """Preset sign kind (funds, flag-pl, eu-emblem, eea-grants, norway-grants) or 'custom'."""
    label: Text
    logo: str | None = None
    """A file below the content folder; presets draw their own SVG when empty."""


@dataclass(frozen=True, slots=True)
class FundingStrip:
    """The funder's required signs and statement, shown on every page."""

    preset: str
    signs: tuple[FundingSign, ...]
    statement: Text


@dataclass(frozen=True, slots=True)
class Project:
    """Facts matching the EU's Kohesio record fields, and the site's settings."""

    title: Text
    short_name: Text
    summary: Text
    beneficiary: str
    """Partner id of the lead beneficiary."""
    programme: Text
    fund: Text
    programme_period: str
    region: Text
    start: date
    end: date
    total_value: Decimal
    eu_contribution: Decimal
    co_financing_rate: Decimal
    """EU contribution as a percentage of the total value."""
    currency: str
    timezone: str
    languages: tuple[str, ...]
    """Site languages; the first is the default, served at the site root."""
    goals: tuple[Text, ...]
    target_groups: tuple[Text, ...]
    stages: tuple[Text, ...]
    results: tuple[Indicator, ...]
    contact: Contact
    funding: FundingStrip

    @property
    def default_language(self) -> str:
        """Return the language served at the site root."""
        return self.languages[0]
