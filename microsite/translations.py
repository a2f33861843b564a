"""Translation state: which translations are missing, and which are older than their source.

A translation records the version of the source it was made from as a short
content hash: a page in its front matter (``translated_from: 1a2b3c4d5e6f``),
a YAML text field in ``data/translations.yaml``. When the source (the default
language) changes, its hash changes and the translation becomes *stale* until
someone updates it and marks it again. A source and a translation written in one
change (one commit, or both edited and not yet committed) need no record: git
says so (:mod:`microsite.textchanges`), and they are up to date. The command line,
CI and the pages' reader notices all read one report, so they always agree.
"""

from __future__ import annotations

import hashlib
import json
import re
import shlex
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from pathlib import Path

import yaml

from .errors import Location, Problem, SiteDataError
from .textchanges import History
from .load import DATA_FILES, RECORDS_FILE, site_languages
from .pages import front_matter_text, split_front_matter
from .yamlsource import load_yaml, load_yaml_text, location_of

__all__ = ["State", "Entry", "TranslationReport", "RECORDS_FILE", "FRONT_MATTER_KEY", "JSON_VERSION",
           "content_hash", "translation_report", "mark_translations", "page_source_hash", "shell_word"]

# Inside the data folder: the source hash each translated YAML field was made from.
FRONT_MATTER_KEY = "translated_from"
"""In a translated page's front matter: the source hash it was made from."""
_HASH = re.compile(r"[0-9a-f]{12}")
JSON_VERSION = 2
"""Of ``microsite translations --json``. 2: items name list entries ``events.<id>.title``, not
``events[<id>].title`` (square brackets are patterns to zsh, which refuses them unquoted)."""
_OLD_LIST_ITEM = re.compile(r"\[([^\[\]]*)\]")
_TRANSLATED_META = ("title", "description")
_RECORDS_HEADER = (
    "# Which version of the {default} text each translation was made from (a short content hash).\n"
    "# Written by '.venv/bin/microsite translations mark ITEM' (or --all); see docs/editors/guide.en.md,\n"
    "# \"Translations\". A translation whose source has changed since is listed as stale.\n"
)


class State(str, Enum):
    """How a translation stands against its source."""

    MISSING = "missing"
    STALE = "stale"
    CURRENT = "current"


@dataclass(frozen=True, slots=True)
class Entry:
    """One translatable item (a page or a YAML text field) in one language."""

    lang: str
    item: str
    """What to pass to ``microsite translations mark``: a page path or ``file:field.path``."""
    source: str
    """Where the source lives: the default-language page, or the same field in its language."""
    state: State
    source_hash: str
    recorded: str = ""
    """The hash the translation records ('' when none is recorded)."""
    together: bool = False
    """Written in the same change as its source (git's history says so): up to date without a record."""

    @property
    def is_page(self) -> bool:
        return ":" not in self.item

    @property
    def why(self) -> str:
        """Say in plain words what is wrong, for the table."""
        if self.state is State.MISSING:
            return "no translation yet"
        if self.state is State.STALE and not self.recorded:
            return "not marked as translated from any version of the source"
        if self.state is State.STALE:
            return "the source changed after this translation was made"
        return "written together with its source" if self.together else "up to date"


@dataclass(frozen=True, slots=True)
class TranslationReport:
    """Every translatable item of a site, per language other than the default."""

    default: str
    entries: tuple[Entry, ...]
    _pages: dict[tuple[str, str], Entry] = field(default_factory=dict, init=False, repr=False, compare=False)

    def problems(self) -> tuple[Entry, ...]:
        """Return the missing and stale entries, in a stable order."""
        return tuple(e for e in self.entries if e.state is not State.CURRENT)

    def page_entry(self, lang: str, relative: str) -> Entry | None:
        """Return the entry of the page ``relative`` (inside the language folder) in ``lang``."""
        return self._pages.get((lang, relative))

    def __post_init__(self) -> None:
        prefix = len(self.default) + 1  # source is '<content>/<default>/<relative>'
        pages = {(e.lang, e.source.split("/", 1)[1][prefix:]): e for e in self.entries if e.is_page}
        object.__setattr__(self, "_pages", pages)

    def to_json(self) -> str:
        rows = []
        for entry in self.entries:
            row = asdict(entry)
            del row["together"]  # said in 'why': the items keep their version-1 fields
            row["state"] = entry.state.value
            row["why"] = entry.why
            rows.append(row)
        summary = {state.value: sum(1 for e in self.entries if e.state is state) for state in State}
        return json.dumps({"version": JSON_VERSION, "default_language": self.default, "summary": summary,
                           "items": rows}, ensure_ascii=False, indent=2, sort_keys=True)


def content_hash(text: str) -> str:
    """Return the 12-hex-digit hash of a text, blind to line endings and trailing spaces."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:12]


def page_source_hash(path: Path) -> str:
    """Return the hash of what a translator translates in a page: title, description, body.

    Other front matter (``hide:``, the translation's own record) does not count,
    so changing a page's layout does not make its translations stale.
    """
    return _page_hash(path.read_text(encoding="utf-8"), path.name)


def _page_hash(text: str, name: str) -> str:
    parts = [f"{key}: {_front_matter_text(text, Path(name), key)}" for key in _TRANSLATED_META]
    _, body = split_front_matter(text)
    return content_hash("\n".join(parts) + "\n\n" + body)


def shell_word(item: str) -> str:
    """Return an item as one word any shell takes as it is (quoted only when it must be)."""
    return shlex.quote(item)


def _current_name(item: str) -> str:
    """Return an item named as version 1 did (``events[info-krosno].title``) as it is named now."""
    return _OLD_LIST_ITEM.sub(r".\1", item)


def translation_report(root: Path | str, *, data_dir: str = "data", content_dir: str = "content",
                       for_readers: bool = False) -> TranslationReport:
    """Work out the state of every page and YAML text field in every translated language.

    ``for_readers``: only what the pages' notices need, for the build: the pages,
    and git's history only of translations that record an older source (a page
    never marked gets no notice, so its history is not looked up).
    """
    root = Path(root)
    languages = site_languages(root, data_dir)
    if languages is None:
        raise SiteDataError([Problem(Location(f"{data_dir}/project.yaml"), "languages",
                                     "the site's languages cannot be read", "run '.venv/bin/microsite check' and fix "
                                     "data/project.yaml first")])
    default, others = languages[0], languages[1:]
    entries = list(_page_entries(root, content_dir, default, others))
    if not for_readers:
        entries += _field_entries(root, data_dir, languages, _read_records(root / data_dir, data_dir))
    entries = _written_together(root, (content_dir, data_dir), entries, languages,
                                recorded_only=for_readers)
    return TranslationReport(default, tuple(sorted(entries, key=lambda e: (e.lang, not e.is_page, e.item))))


def _written_together(root: Path, folders: tuple[str, ...], entries: list[Entry], languages: tuple[str, ...],
                      *, recorded_only: bool) -> list[Entry]:
    """Return the entries with the stale ones that git says were written with their source made current."""
    stale = [e for e in entries if e.state is State.STALE and (e.recorded or not recorded_only)]
    if not stale:
        return entries
    together: set[tuple[str, str]] = set()
    with History(root, folders) as history:
        if not history.knows():
            return entries  # outside git: the records alone decide
        for entry in (e for e in stale if e.is_page):
            source = history.introduced(entry.source, {"page": _page_hash((root / entry.source).read_text(
                encoding="utf-8"), entry.source)}, lambda text, name=entry.source: {"page": _page_hash(text, name)})
            translation = history.introduced(entry.item, {"page": _page_hash((root / entry.item).read_text(
                encoding="utf-8"), entry.item)}, lambda text, name=entry.item: {"page": _page_hash(text, name)})
            if source["page"] is not None and source["page"] == translation["page"]:
                together.add((entry.lang, entry.item))
        fields: dict[str, list[Entry]] = {}
        for entry in (e for e in stale if not e.is_page):
            fields.setdefault(entry.item.split(":", 1)[0], []).append(entry)
        for file, file_entries in fields.items():
            wanted = {e.item.split(":", 1)[1] for e in file_entries}
            text = (root / file).read_text(encoding="utf-8")
            extract = lambda version, file=file, wanted=wanted: _field_hashes(version, file, languages, wanted)
            changes = history.introduced(file, extract(text), extract)
            for entry in file_entries:
                field = entry.item.split(":", 1)[1]
                source, translation = changes.get((field, languages[0])), changes.get((field, entry.lang))
                if source is not None and source == translation:
                    together.add((entry.lang, entry.item))
    return [replace(e, state=State.CURRENT, together=True) if (e.lang, e.item) in together else e
            for e in entries]


def _field_hashes(text: str, display: str, languages: tuple[str, ...], wanted: set[str]
                  ) -> dict[tuple[str, str], str]:
    """Return the hash of each language's text of the ``wanted`` fields in one version of a data file."""
    try:
        node = load_yaml_text(text, display)
    except SiteDataError:
        return {}  # a version that did not parse wrote none of today's texts
    hashes = {}
    for field, mapping in _text_fields(node, languages):
        if field in wanted:
            for key, value in mapping.value:
                if isinstance(value, yaml.ScalarNode) and value.value.strip():
                    hashes[(field, key.value)] = content_hash(value.value)
    return hashes


def _page_entries(root: Path, content_dir: str, default: str, others: tuple[str, ...]) -> Iterator[Entry]:
    source_dir = root / content_dir / default
    if not source_dir.is_dir():
        return
    for source in sorted(source_dir.rglob("*.md")):
        relative = source.relative_to(source_dir).as_posix()
        source_hash = page_source_hash(source)
        for lang in others:
            page = root / content_dir / lang / relative
            item = f"{content_dir}/{lang}/{relative}"
            shown_source = f"{content_dir}/{default}/{relative}"
            if not page.is_file():
                yield Entry(lang, item, shown_source, State.MISSING, source_hash)
                continue
            recorded = _front_matter_text(page.read_text(encoding="utf-8"), page, FRONT_MATTER_KEY)
            state = State.CURRENT if recorded == source_hash else State.STALE
            yield Entry(lang, item, shown_source, state, source_hash, recorded)


def _field_entries(root: Path, data_dir: str, languages: tuple[str, ...],
                   records: dict[str, dict[str, str]]) -> Iterator[Entry]:
    default, others = languages[0], languages[1:]
    # The files the site is made from, as `microsite check` reads them (not a stray copy beside them).
    for path in sorted(root / data_dir / name for name in DATA_FILES):
        if not path.is_file():
            continue
        display = f"{data_dir}/{path.name}"
        for field, node in _text_fields(load_yaml(path, display), languages):
            values = {key.value: value for key, value in node.value}
            source_hash = content_hash(values[default].value)
            item = f"{display}:{field}"
            for lang in others:
                value = values.get(lang)
                if value is None or not isinstance(value, yaml.ScalarNode) or not value.value.strip():
                    yield Entry(lang, item, f"{item}.{default}", State.MISSING, source_hash)
                    continue
                recorded = records.get(lang, {}).get(item, "")
                state = State.CURRENT if recorded == source_hash else State.STALE
                yield Entry(lang, item, f"{item}.{default}", state, source_hash, recorded)


def _text_fields(node: yaml.Node | None, languages: tuple[str, ...], path: str = "",
                 ancestors: set[int] | None = None) -> Iterator[tuple[str, yaml.MappingNode]]:
    """Yield (field path, node) for every mapping that is a text in several languages.

    A text is a mapping whose keys are site languages including the default, with
    the default's text filled in; list items are named by their ``id`` when they
    have one (``events.info-krosno.title``) so the path survives reordering, and
    the path is one word in any shell (no brackets, which zsh would expand).
    """
    ancestors = set() if ancestors is None else ancestors
    if id(node) in ancestors:
        return  # an alias pointing at its own parent: the loader reports it
    ancestors.add(id(node))
    yield from _text_fields_below(node, languages, path, ancestors)
    ancestors.discard(id(node))


def _text_fields_below(node: yaml.Node | None, languages: tuple[str, ...], path: str, ancestors: set[int]
                       ) -> Iterator[tuple[str, yaml.MappingNode]]:
    if isinstance(node, yaml.MappingNode):
        keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        if keys and set(keys) <= set(languages) and languages[0] in keys:
            source = dict((k.value, v) for k, v in node.value)[languages[0]]
            if isinstance(source, yaml.ScalarNode) and source.value.strip():
                yield path, node
            return
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield from _text_fields(value, languages, f"{path}.{key.value}" if path else key.value, ancestors)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _text_fields(item, languages, f"{path}.{_item_name(item, index)}", ancestors)


def _item_name(item: yaml.Node, index: int) -> str:
    if isinstance(item, yaml.MappingNode):
        for key, value in item.value:
            if key.value == "id" and isinstance(value, yaml.ScalarNode) and value.value:
                return value.value
    return str(index)


def _front_matter_text(text: str, path: Path, key: str) -> str:
    """Return one front matter field's text ('' when absent or the page is broken: check reports that)."""
    front, _ = front_matter_text(text, path.name)
    return (front.text(key) if front else None) or ""


def _read_records(folder: Path, data_dir: str) -> dict[str, dict[str, str]]:
    """Read ``data/translations.yaml``: {language: {item: hash}}; raise a located error if malformed."""
    path = folder / RECORDS_FILE
    if not path.is_file():
        return {}
    display = f"{data_dir}/{RECORDS_FILE}"
    node = load_yaml(path, display)
    if node is None:
        return {}
    problems: list[Problem] = []
    records: dict[str, dict[str, str]] = {}
    fix = ("let '.venv/bin/microsite translations mark ITEM' write this file, or keep its shape: a language, then "
           "'\"file:field\": <12 hex digits>' lines")
    if not isinstance(node, yaml.MappingNode):
        raise SiteDataError([Problem(location_of(node, display), "", "the file is not a list of languages", fix)])
    for lang_node, items in node.value:
        if not isinstance(items, yaml.MappingNode):
            if not (isinstance(items, yaml.ScalarNode) and items.tag.endswith(":null")):
                problems.append(Problem(location_of(items, display), lang_node.value,
                                        "is not a list of 'item: hash' lines", fix))
            continue
        for item, value in items.value:
            if not (isinstance(value, yaml.ScalarNode) and _HASH.fullmatch(value.value)):
                problems.append(Problem(location_of(value, display), f"{lang_node.value}.{item.value}",
                                        "is not a 12-digit hash", fix))
                continue
            records.setdefault(lang_node.value, {})[_current_name(item.value)] = value.value
    if problems:
        raise SiteDataError(problems)
    return records


def check_records(root: Path | str, data_dir: str = "data") -> list[Problem]:
    """Return the problems of ``data/translations.yaml`` (for ``microsite check``)."""
    try:
        _read_records(Path(root) / data_dir, data_dir)
    except SiteDataError as exc:
        return list(exc.problems)
    return []


def mark_translations(root: Path | str, items: list[str] | None, *, data_dir: str = "data",
                      content_dir: str = "content") -> list[Entry]:
    """Record that translations are up to date with their current source; return what was marked.

    ``items`` are what ``microsite translations`` prints (``None`` marks every
    existing translation). A page gets ``translated_from`` in its front matter;
    fields get their line in ``data/translations.yaml``, which is rewritten in a
    stable order and forgets fields that no longer exist.
    """
    root = Path(root)
    report = translation_report(root, data_dir=data_dir, content_dir=content_dir)
    existing = [e for e in report.entries if e.state is not State.MISSING]
    if items is None:
        chosen = existing
    else:
        items = [_current_name(i) for i in items]
        by_item = {}
        for entry in report.entries:
            by_item.setdefault(entry.item, []).append(entry)
        unknown = [i for i in items if i not in by_item]
        missing = [i for i in items if i in by_item and all(e.state is State.MISSING for e in by_item[i])]
        if unknown or missing:
            raise SiteDataError(
                [Problem(Location(i), "", "is not a translated page or field",
                         "copy the ITEM exactly as `.venv/bin/microsite translations` prints it") for i in unknown]
                + [Problem(Location(i), "", "has no translation to mark yet",
                           "write the translation first, then mark it") for i in missing])
        chosen = [e for i in items for e in by_item[i] if e.state is not State.MISSING]
    for entry in chosen:
        if entry.is_page:
            _write_page_record(root / entry.item, entry.source_hash)
    records = _read_records(root / data_dir, data_dir)
    live = {(e.lang, e.item) for e in existing if not e.is_page}
    records = {lang: {item: h for item, h in items_.items() if (lang, item) in live}
               for lang, items_ in records.items()}
    for entry in chosen:
        if not entry.is_page:
            records.setdefault(entry.lang, {})[entry.item] = entry.source_hash
    _write_records(root / data_dir / RECORDS_FILE, records, report.default)
    return chosen


def _write_page_record(page: Path, source_hash: str) -> None:
    """Set ``translated_from`` in a page's front matter, leaving every other line as it is."""
    text = page.read_text(encoding="utf-8")
    line = f'{FRONT_MATTER_KEY}: "{source_hash}"'
    front, _ = split_front_matter(text)
    if front is None:
        page.write_text(f"---\n{line}\n---\n\n{text}", encoding="utf-8")
        return
    pattern = re.compile(rf"^{FRONT_MATTER_KEY}:.*$", re.MULTILINE)
    head, sep, rest = text.partition(front)
    new_front = pattern.sub(line, front) if pattern.search(front) else front.rstrip("\n") + "\n" + line + "\n"
    page.write_text(head + new_front + rest, encoding="utf-8")


def _write_records(path: Path, records: dict[str, dict[str, str]], default: str) -> None:
    lines = [_RECORDS_HEADER.format(default=default)]
    for lang in sorted(records):
        if not records[lang]:
            continue
        lines.append(f"{lang}:\n")
        for item in sorted(records[lang]):
            lines.append(f"  {json.dumps(item, ensure_ascii=False)}: \"{records[lang][item]}\"\n")
    text = "".join(lines)
    load_yaml_text(text, path.name)  # never write a file we could not read back
    path.write_text(text, encoding="utf-8")
