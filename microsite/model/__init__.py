"""Immutable, language-neutral objects that every renderer reads."""

from .document import Document
from .event import Event, EventStatus, Session
from .partner import Partner
from .project import Contact, Funding, FundingSign, Indicator, Project
from .site import Site
from .text import Text
from .venue import Venue
from .vocabulary import EventKind, Feed, PartnerRole, Unit, Vocabulary

__all__ = ["Contact", "Document", "Event", "EventKind", "EventStatus", "Feed", "Funding", "FundingSign", "Indicator",
           "Partner", "PartnerRole", "Project", "Session", "Site", "Text", "Unit", "Venue", "Vocabulary"]
