"""One search index per language, so a search on ``/`` finds Polish pages and on ``/en/`` English ones.

Material for MkDocs loads ``search/search_index.json`` next to the site root
it is given, and mkdocs-static-i18n merges every language into that one file,
so by default an English reader gets Polish results too. The merged index is
split here: the default language's entries stay at ``search/``, every other
language's move to ``<lang>/search/`` with their addresses made relative to
that language's root (the theme is told that root; see ``overrides/main.html``).

Each index also gets its language's settings, from the language's catalogue.
lunr.js has no Polish stemmer, so Polish names ``lang: pl``, which makes
Material's search worker load our light Polish stemmer
(``overrides/assets/javascripts/lunr/min/lunr.pl.min.js``): "warsztat" then finds
"warsztatach" and "warsztatów", "spotkaniach" finds "spotkanie". English keeps
Material's own settings.
"""

from __future__ import annotations

import json

from .catalogue import catalogue

__all__ = ["search_index_path", "split_search_index"]


def search_index_path(lang: str, default_lang: str) -> str:
    """Return the site-relative path of a language's search index."""
    return "search/search_index.json" if lang == default_lang else f"{lang}/search/search_index.json"


def split_search_index(merged: dict, languages: tuple[str, ...], default_lang: str) -> dict[str, bytes]:
    """Return one search index per language, by site-relative path, from the merged one."""
    prefixes = {lang: f"{lang}/" for lang in languages if lang != default_lang}
    docs: dict[str, list[dict]] = {lang: [] for lang in languages}
    seen: set[str] = set()
    for entry in merged.get("docs", []):
        # mkdocs-static-i18n keeps adding the same entries on every rebuild of `mkdocs serve`.
        key = json.dumps(entry, sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        lang = next((code for code, prefix in prefixes.items() if entry["location"].startswith(prefix)),
                    default_lang)
        if lang != default_lang:
            entry = {**entry, "location": entry["location"][len(prefixes[lang]):]}
        docs[lang].append(entry)
    indexes = {}
    for lang in languages:
        config = {**merged.get("config", {}), **catalogue(lang).search}
        data = {"config": config, "docs": docs[lang]}
        indexes[search_index_path(lang, default_lang)] = json.dumps(data, ensure_ascii=False,
                                                                    separators=(",", ":")).encode("utf-8")
    return indexes
