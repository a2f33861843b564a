"""The editors' reference cannot drift from the code.

Editors learn the data format from ``docs/editors/reference.{pl,en}.md`` only,
so these tests fail when a field, an allowed value or an error message is
added or renamed in the code without the reference following, and when the
copy-paste examples stop being valid data.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import microsite.catalogue
import microsite.fields
import microsite.funding
import microsite.history
import microsite.load
import microsite.news
import microsite.images
import microsite.markers
import microsite.pages
import microsite.placeholders
import microsite.siteconfig
import microsite.vocabulary
import microsite.yamlsource
import microsite.sources
import microsite.buildlog
import microsite.check
import microsite.printed.strip
from microsite.funding import FUNDING_KINDS
from microsite.load import DATA_FILES, DOCUMENT_TYPES, load_site
from microsite.model import EventStatus
from microsite.vocabulary import BUILT_IN_KINDS, BUILT_IN_ROLES, BUILT_IN_UNITS
from conftest_site import REPO

REFERENCES = {lang: REPO / "docs" / "editors" / f"reference.{lang}.md" for lang in ("pl", "en")}
MESSAGE_SOURCES = (microsite.catalogue, microsite.yamlsource, microsite.fields, microsite.load, microsite.funding, microsite.pages,
                   microsite.news, microsite.vocabulary, microsite.siteconfig, microsite.placeholders, microsite.images,
                   microsite.markers, microsite.sources, microsite.buildlog, microsite.check,
                   microsite.history, microsite.printed.strip)


def field_names() -> set[str]:
    """Return every field an editor can write: the ``*_FIELDS`` tuples and nested entries' fields."""
    names: set[str] = set()
    for module in (microsite.load, microsite.funding, microsite.vocabulary):
        for attribute, value in vars(module).items():
            if attribute.endswith("_FIELDS") and isinstance(value, tuple):
                names.update(value)
    # Nested groups read with Reader.entry("name", ("a", "b")) inline, e.g. funding's regional sign.
    for module in (microsite.load, microsite.funding, microsite.vocabulary):
        for group, fields in re.findall(r'\.entry\(\s*"([\w-]+)",\s*\(([^)]*)\)', inspect.getsource(module)):
            names.add(group)
            names.update(re.findall(r'"([\w-]+)"', fields))
    return names


def allowed_values() -> set[str]:
    """Return every fixed value an editor may write (kinds, statuses, roles, types, presets, units)."""
    return (set(BUILT_IN_KINDS) | {s.value for s in EventStatus} | set(BUILT_IN_ROLES)
            | set(DOCUMENT_TYPES) | set(FUNDING_KINDS) | set(BUILT_IN_UNITS))


@pytest.fixture(scope="module", params=sorted(REFERENCES))
def reference(request: pytest.FixtureRequest) -> tuple[str, str]:
    """Return (language, text) of each reference."""
    return request.param, REFERENCES[request.param].read_text(encoding="utf-8")


def test_the_field_lists_are_found() -> None:
    # Guards the two tests below against passing because nothing was collected.
    names = field_names()
    assert {"start", "repeat", "except", "cancelled", "logo_alt", "kind", "regional_sign", "share_label", "achieved",
            "people", "previous_start", "revision", "updated", "event_kinds", "forms"} <= names


def test_every_field_is_documented(reference: tuple[str, str]) -> None:
    lang, text = reference
    missing = sorted(name for name in field_names() if f"`{name}`" not in text)
    assert not missing, f"reference.{lang}.md does not mention these fields: {missing}"


def test_every_allowed_value_is_documented(reference: tuple[str, str]) -> None:
    lang, text = reference
    missing = sorted(value for value in allowed_values() if f"`{value}`" not in text)
    assert not missing, f"reference.{lang}.md does not mention these values: {missing}"


def examples(text: str) -> dict[str, str]:
    """Return the copy-paste examples: code blocks titled ``data/<file>.yaml``."""
    return dict(re.findall(r'```yaml title="data/([\w.]+\.yaml)"\n(.*?)```', text, re.S))


def test_every_file_has_a_valid_example(reference: tuple[str, str], tmp_path: Path) -> None:
    lang, text = reference
    found = examples(text)
    assert sorted(found) == sorted(DATA_FILES)
    (tmp_path / "data").mkdir()
    for name, body in found.items():
        (tmp_path / "data" / name).write_text(body, encoding="utf-8")
        # Logos and documents the examples name: the editor would put the real files there.
        for asset in re.findall(r"assets/[\w./-]+", body):
            path = tmp_path / "content" / asset
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"placeholder")
    site, problems = load_site(tmp_path)
    assert problems == [], f"the examples in reference.{lang}.md give problems: {problems}"
    # The examples show each feature they explain.
    assert any(e.series for e in site.events) and any(e.sessions for e in site.events)
    assert any(e.previous_starts for e in site.events) and site.documents


def test_examples_are_the_same_data_in_both_languages() -> None:
    def without_comments(body: str) -> str:
        return "\n".join(re.sub(r"\s+#.*$", "", line) for line in body.split("\n"))

    pl, en = (examples(REFERENCES[lang].read_text(encoding="utf-8")) for lang in ("pl", "en"))
    assert {k: without_comments(v) for k, v in pl.items()} == {k: without_comments(v) for k, v in en.items()}


def headings(text: str) -> list[str]:
    """Return the code spans of each '## ' heading (file names), in order."""
    return [" ".join(re.findall(r"`[^`]+`", line)) for line in text.split("\n") if line.startswith("## ")]


def test_both_references_have_the_same_sections() -> None:
    pl, en = (headings(REFERENCES[lang].read_text(encoding="utf-8")) for lang in ("pl", "en"))
    assert len(pl) == len(en) and pl == en


def quoted_messages(text: str) -> list[str]:
    """Return the messages quoted in the first column of the error table (the last section)."""
    table = text.split("\n## ")[-1]
    rows = [line for line in table.split("\n") if line.startswith("| `")]
    return [m for row in rows for m in re.findall(r"`([^`]+)`", row.split(" | ")[0])]


# Parts of a quoted message that stand for the editor's own values, not the program's words.
_PLACEHOLDERS = re.compile(r"'[^']*'|…|;|\bEurope/\w+|\b[A-Z]{2}\b|\b(?:en|pl|venue|partner)\b|\d+(?:\.\d+)?%?"
                           r"|^warning:")


def test_error_table_quotes_real_messages(reference: tuple[str, str]) -> None:
    lang, text = reference
    source = "\n".join(inspect.getsource(module) for module in MESSAGE_SOURCES)
    messages = quoted_messages(text)
    assert len(messages) >= 30
    stale = []
    for message in messages:
        for fragment in _PLACEHOLDERS.split(message):
            fragment = fragment.strip(" ,.?")
            if len(fragment) >= 4 and fragment not in source:
                stale.append((message, fragment))
    assert not stale, f"reference.{lang}.md quotes messages the program no longer gives: {stale}"


def test_both_references_explain_the_same_messages() -> None:
    pl, en = (quoted_messages(REFERENCES[lang].read_text(encoding="utf-8")) for lang in ("pl", "en"))
    assert pl == en
