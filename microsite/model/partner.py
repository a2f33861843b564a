"""Organisations behind the project: leader, partners, cooperating institutions."""

from __future__ import annotations

from dataclasses import dataclass

from .text import Text
from .vocabulary import PartnerRole

__all__ = ["Partner"]


@dataclass(frozen=True, slots=True)
class Partner:
    """An organisation taking part in the project."""

    id: str
    name: Text
    role: PartnerRole
    country: str
    """ISO 3166-1 alpha-2 code; its name in the reader's language comes from CLDR."""
    city: Text | None = None
    website: str | None = None
    logo: str | None = None
    """Path below the content folder, e.g. ``assets/logos/cds.svg``."""
    logo_alt: Text | None = None
    description: Text | None = None
    address: Text | None = None
