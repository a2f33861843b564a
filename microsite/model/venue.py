"""Places where events happen; events refer to them by id."""

from __future__ import annotations

from dataclasses import dataclass

from .text import Text

__all__ = ["Venue"]


@dataclass(frozen=True, slots=True)
class Venue:
    """A place with a postal address; unknown parts are left empty, never guessed."""

    id: str
    name: Text
    city: Text
    country: str
    """ISO 3166-1 alpha-2 code."""
    timezone: str
    """IANA zone of the place; events there are in this zone unless they say otherwise."""
    street: str | None = None
    postal_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
