"""The funded project itself: facts an auditor checks, aims, results, contact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .text import Text
from .vocabulary import Unit

__all__ = ["Contact", "Funding", "FundingSign", "Indicator", "Project"]


@dataclass(frozen=True, slots=True)
class Indicator:
    """A result the project promised, counted in its unit in the reader's language."""

    id: str
    label: Text
    target: Decimal
    unit: Unit
    achieved: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    """Who residents and auditors can reach."""

    name: Text
    address: Text | None = None
    phone: str | None = None
    """As the editor wrote it."""
    email: str | None = None
    people: Text | None = None
    phone_uri: str | None = None
    """The number as a link (RFC 3966 in E.164 form): ``tel:+48126237740``."""


@dataclass(frozen=True, slots=True)
class FundingSign:
    """One sign of the funding strip (the Funds sign, the Polish colours, the EU emblem, a funder's logo…)."""

    kind: str
    """What the sign is: 'funds', 'flag-pl', 'eu-emblem', 'eea-grants', 'norway-grants', 'eea-norway-grants',
    'regional' (a region's sign after the EU's) or 'funder' (another funder's own logo)."""
    label: Text
    """The caption written beside it, lines separated by newlines; also its text alternative."""
    logo: str | None = None
    """The official file, below the content folder; None: the generator's own drawing."""
    placeholder: bool = False
    """The generator's drawing only stands in for a trademarked sign until the official file is added."""


@dataclass(frozen=True, slots=True)
class Funding:
    """Who funds the project and what their rules make every page show."""

    kind: str
    """The funding kind (eu-2014-2020, eu-2021-2027, eea-grants, norway-grants, eea-norway-grants, other, none)."""
    signs: tuple[FundingSign, ...] = ()
    """The strip, left to right, in the order the funder's rules give."""
    statement: Text | None = None
    """The sentence the funder asks for, shown under the signs on every page."""
    funder: Text | None = None
    """The funder's name, where its signs do not already say it (another funder)."""
    share_label: Text | None = None
    """What the funder calls its share of the money (EU contribution, grant…), in the facts card."""
    rate_label: Text | None = None
    """What the share of the total value is called (co-financing rate for EU funds)."""
    slogan: Text | None = None
    """The funder's slogan of the project's period, shown with the statement (EEA and Norway Grants)."""


@dataclass(frozen=True, slots=True)
class Project:
    """The project's facts (the fields of the EU's Kohesio record), and the site's settings.

    Only the title, names, summary, languages and time zone are always known; a
    fact that is not known (a grant amount not made public, an end date not set)
    is None and is not shown anywhere.
    """

    title: Text
    short_name: Text
    summary: Text
    timezone: str
    languages: tuple[str, ...]
    """Site languages; the first is the default, served at the site root."""
    funding: Funding
    beneficiary: str | None = None
    """Partner id of the lead beneficiary."""
    programme: Text | None = None
    fund: Text | None = None
    programme_period: str | None = None
    region: Text | None = None
    start: date | None = None
    end: date | None = None
    total_value: Decimal | None = None
    grant: Decimal | None = None
    """The funder's share of the total value (for EU funds: the EU contribution)."""
    rate: Decimal | None = None
    """The grant as a percentage of the total value: written, or worked out from the two amounts."""
    currency: str | None = None
    goals: tuple[Text, ...] = ()
    target_groups: tuple[Text, ...] = ()
    stages: tuple[Text, ...] = ()
    results: tuple[Indicator, ...] = ()
    contact: Contact | None = None

    @property
    def default_language(self) -> str:
        """Return the language served at the site root."""
        return self.languages[0]
