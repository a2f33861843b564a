"""Everything the data folder describes, loaded and checked."""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document
from .event import Event
from .partner import Partner
from .project import Project
from .venue import Venue
from .vocabulary import Feed, Vocabulary

__all__ = ["Site"]


@dataclass(frozen=True, slots=True)
class Site:
    """The validated model of one project site; renderers read only this."""

    project: Project
    partners: tuple[Partner, ...]
    venues: tuple[Venue, ...]
    events: tuple[Event, ...]
    """Sorted by start instant; recurring slots are already expanded."""
    documents: tuple[Document, ...]
    vocabulary: Vocabulary
    """The event kinds, partner roles, result units and calendars the data may use."""
    _hash: int | None = field(default=None, init=False, repr=False, compare=False)

    def __hash__(self) -> int:
        """Hash the site once: it keys the caches every page of a build asks, and a deep hash walks every event."""
        if self._hash is None:
            object.__setattr__(self, "_hash", hash((self.project, self.partners, self.venues, self.events,
                                                    self.documents, self.vocabulary)))
        return self._hash

    def partner(self, partner_id: str) -> Partner:
        """Return the partner with this id."""
        for partner in self.partners:
            if partner.id == partner_id:
                return partner
        raise KeyError(partner_id)

    @property
    def feeds(self) -> tuple[Feed, ...]:
        """Return the calendars that hold at least one event (an empty one is neither written nor offered)."""
        return tuple(feed for feed in self.vocabulary.feeds if any(feed.includes(e) for e in self.events))

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the site's languages, default first."""
        return self.project.languages
