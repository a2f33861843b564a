"""A project's open vocabularies: event kinds, partner roles, result units, and the calendars kinds go into.

Every project names things its own way ("thematic walk", "donor-state partner",
"estate"), so these are data: the generator ships today's values as built-in
defaults with labels in every catalogue, and a project adds or relabels its own
in ``data/vocabulary.yaml``. Entries carry their labels, so renderers never look
a word up.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import Text

__all__ = ["EventKind", "Feed", "PartnerRole", "Unit", "Vocabulary"]


@dataclass(frozen=True, slots=True)
class EventKind:
    """What kind of event something is; the schedule's filter and the calendars group by it."""

    id: str
    label: Text
    feed: str
    """The slug of the calendar events of this kind are published in (besides the calendar of all)."""


@dataclass(frozen=True, slots=True)
class PartnerRole:
    """The role an organisation has in the project (leader, donor-state partner…)."""

    id: str
    label: Text


@dataclass(frozen=True, slots=True)
class Unit:
    """What a result is counted in, with its word for each CLDR plural category of every language."""

    id: str
    forms: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    """(language, ((plural category, word), …)) in the site's language order."""

    def word(self, lang: str, category: str) -> str:
        """Return the word for a plural category in ``lang`` (``other`` where CLDR has no such category)."""
        forms = dict(dict(self.forms)[lang])
        return forms.get(category) or forms["other"]


@dataclass(frozen=True, slots=True)
class Feed:
    """A calendar residents subscribe to: the events of some kinds."""

    slug: str
    """The file name without ``.ics``: part of subscribers' addresses, so it never changes."""
    name: Text
    """What it holds ("duty hours"); the project's short name is put in front of it."""
    kinds: tuple[str, ...]
    """Ids of the event kinds it holds."""

    def includes(self, event) -> bool:
        """Say whether ``event`` belongs in this calendar."""
        return event.kind.id in self.kinds


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The values a project's data may use, with their labels in every site language."""

    kinds: tuple[EventKind, ...]
    roles: tuple[PartnerRole, ...]
    units: tuple[Unit, ...]
    feeds: tuple[Feed, ...]
    """The calendar of all events first, then one per group of kinds, in the order they are defined."""
