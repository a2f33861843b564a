"""Counted nouns in each language, by CLDR plural category.

Polish has four categories (1 wydarzenie, 2 wydarzenia, 5 wydarzeń, 1,5 wydarzenia);
Babel tells which category a number falls in, this table gives the word.
"""

from __future__ import annotations

__all__ = ["UNITS"]

UNITS: dict[str, dict[str, dict[str, str]]] = {
    "event": {
        "pl": {"one": "wydarzenie", "few": "wydarzenia", "many": "wydarzeń", "other": "wydarzenia"},
        "en": {"one": "event", "other": "events"},
    },
    "institution": {
        "pl": {"one": "instytucja", "few": "instytucje", "many": "instytucji", "other": "instytucji"},
        "en": {"one": "institution", "other": "institutions"},
    },
    "person": {
        "pl": {"one": "osoba", "few": "osoby", "many": "osób", "other": "osoby"},
        "en": {"one": "person", "other": "people"},
    },
    "initiative": {
        "pl": {"one": "inicjatywa", "few": "inicjatywy", "many": "inicjatyw", "other": "inicjatywy"},
        "en": {"one": "initiative", "other": "initiatives"},
    },
    "plan": {
        "pl": {"one": "plan", "few": "plany", "many": "planów", "other": "planu"},
        "en": {"one": "plan", "other": "plans"},
    },
    "document": {
        "pl": {"one": "dokument", "few": "dokumenty", "many": "dokumentów", "other": "dokumentu"},
        "en": {"one": "document", "other": "documents"},
    },
    "session": {
        "pl": {"one": "spotkanie", "few": "spotkania", "many": "spotkań", "other": "spotkania"},
        "en": {"one": "session", "other": "sessions"},
    },
}
