"""Immutable, language-neutral objects that every renderer reads."""

from .document import Document
from .event import Event, EventKind, EventStatus, Session
from .partner import Partner, PartnerRole
from .project import Contact, FundingStrip, Indicator, Project
from .site import Site
from .text import Text
from .venue import Venue

__all__ = ["Contact", "Document", "Event", "EventKind", "EventStatus", "FundingStrip", "Indicator",
           "Partner", "PartnerRole", "Project", "Session", "Site", "Text", "Venue"]
