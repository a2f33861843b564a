"""Bilingual (or n-lingual) text as one value.

A missing translation is decided at load time: required fields must have every
language; optional long texts may fall back to the default language, and then
the page marks that passage with the source language's ``lang`` attribute.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Text"]


@dataclass(frozen=True, slots=True)
class Text:
    """Text in several languages; ``neutral`` texts (proper names) read the same in all."""

    values: tuple[tuple[str, str], ...]
    """(language, text) pairs in the site's language order."""
    fallback: str = ""
    """Language shown where a translation is missing; empty when none may be missing."""

    @classmethod
    def neutral(cls, text: str) -> "Text":
        """Return a text that is the same in every language (a name, an address)."""
        return cls((("*", text),))

    @classmethod
    def of(cls, **values: str) -> "Text":
        """Build a text from keyword arguments, e.g. ``Text.of(pl="Tak", en="Yes")``."""
        return cls(tuple(values.items()))

    def in_(self, lang: str) -> str:
        """Return the text in ``lang``, or in the fallback language if allowed."""
        for key, value in self.values:
            if key == lang or key == "*":
                return value
        for key, value in self.values:
            if key == self.fallback:
                return value
        raise KeyError(f"no {lang!r} text and no fallback in {self.values!r}")

    def lang_of(self, lang: str) -> str:
        """Return the language the reader actually gets for ``lang`` (for ``lang`` attributes)."""
        for key, _ in self.values:
            if key == lang or key == "*":
                return lang
        return self.fallback

    def has(self, lang: str) -> bool:
        """Say whether a real (not fallback) text exists in ``lang``."""
        return any(key in (lang, "*") for key, _ in self.values)
