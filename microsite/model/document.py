"""Downloadable documents: reports, programmes, recruitment forms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .text import Text

__all__ = ["Document"]


@dataclass(frozen=True, slots=True)
class Document:
    """A file published on the site; its size is measured when the data is loaded."""

    id: str
    title: Text
    file: str
    """Path below the content folder."""
    type: str
    """Kind of document: report, programme, form, other."""
    language: str
    """Language of the document itself (ISO 639-1)."""
    size_bytes: int
    published: date | None = None
    description: Text | None = None
