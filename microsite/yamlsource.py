"""Reading YAML while keeping where every value came from.

PyYAML's composer gives nodes with start marks; we keep those nodes instead of
plain Python values so that every later check can point at ``file:line:col``.
Scalars are kept as the text the editor typed: we never let YAML guess that
``9:30`` is a base-60 integer or ``no`` is ``False``.

Syntax errors are translated into plain words: editors are not programmers,
and PyYAML's own messages ("did not find expected key") name the parser's
state, not the mistake (a tab, a quote never closed, a wrong indent).

Anyone who can commit is an editor, so a file may also be hostile. The text is
measured before the parser sees it, and the nodes are built here from libyaml's
event stream (its own composer recurses in C: 100,000 nested ``[`` crash it)
with a limit on depth and count. What YAML would read differently from what
the editor meant is refused with the fix: tags (``!UWAGA`` is not text),
references (``&a``/``*a``, the billion laughs), control characters, a ``#2``
that YAML takes for a comment, a non-breaking space taken for indentation.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from functools import lru_cache

from pathlib import Path

import yaml

from .errors import Location, Problem, SiteDataError
from .sources import not_a_source, open_source

__all__ = ["CONTROL_CHARACTER", "MAX_DEPTH", "MAX_FILE_BYTES", "MAX_VALUES", "iter_nodes", "load_yaml",
           "load_yaml_text", "location_of",
           "node_paths", "read_yaml_text", "YamlNode"]

YamlNode = yaml.Node

try:  # libyaml's parser is ~10x faster than PyYAML's and gives the same marks
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 10_000_000
"""The largest YAML file read: 20,000 events take 4.5 MB; a bigger file is not an editor's data."""
MAX_VALUES = 400_000
"""The most keys and values a file may hold: the benchmark's 20,000 events hold 275,000."""
MAX_DEPTH = 32
"""How deep values may nest: data nests six levels, mkdocs.yml's menus a few more."""
_MAX_REFUSED = 20
"""After this many refused tags or references in one file, stop listing them (the file is not an editor's)."""

_NOT_UTF8 = ("the file is not UTF-8 text", "save it as UTF-8 (in most editors: 'Save with encoding')")
_SEE_REFERENCE = "compare it with the example in the editors' reference"
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_ODD_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200C))) + "\u202f\u205f\u3000"
"""Spaces YAML does not count as indentation; pasted from web pages and word processors."""
_ODD_INDENT = re.compile(f"^[ ]*([{_ODD_SPACES}])", re.MULTILINE)
# Characters no page, calendar or feed can carry: C0 and C1 controls (tab and line feed aside), DEL, line and
# paragraph separators, halves of surrogate pairs, non-characters. Written raw, YAML refuses most of them;
# written as escapes in double quotes ("\e", "\x7f", "\N"), it does not.
_HIDDEN_BREAKS = "\u0085\u2028\u2029"
"""Line breaks to YAML (1.1), invisible in an editor."""
_HIDDEN_BREAK = re.compile(f"[{_HIDDEN_BREAKS}]")
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_ICAL_BREAK = "\\N"
"""A backslash and a capital N: calendar apps (and the ``icalendar`` library) read it as a line break."""
_COMMENT_AFTER = re.compile(r"[ \t]+#(?=\S)")
_TYPOGRAPHIC_QUOTES = "\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a"


def location_of(node: yaml.Node | None, file: str) -> Location:
    """Return the 1-based location of a node in its file."""
    if node is None:
        return Location(file)
    mark = node.start_mark
    return Location(file, mark.line + 1, mark.column + 1)


def load_yaml(path: Path, display_name: str, *, tags: tuple[str, ...] = ()) -> yaml.Node | None:
    """Compose a YAML file into located nodes, or raise a plain-language error.

    ``tags`` are the explicit tags the file may use (mkdocs.yml's ``!ENV``); any other is refused.
    """
    return load_yaml_text(read_yaml_text(path, display_name), display_name, tags=tags)


def read_yaml_text(path: Path, display_name: str) -> str:
    """Return a YAML file's text, or raise a plain-language error (not a file of the repository, too large, not UTF-8).

    For a caller that looks at the text itself too; others call :func:`load_yaml`.
    """
    if not path.is_symlink() and not path.exists():
        raise FileNotFoundError(path)
    data = open_source(path, MAX_FILE_BYTES)
    if data is None:
        raise SiteDataError([not_a_source(display_name)])
    if len(data) > MAX_FILE_BYTES:
        raise SiteDataError([_too_large(display_name)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SiteDataError([Problem(Location(display_name), "", *_NOT_UTF8)]) from exc
    return text


def _too_large(file: str) -> Problem:
    return Problem(Location(file), "", f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB",
                   "check that it is the right file: the data of a project with 20,000 events takes under 5 MB")


def load_yaml_text(text: str, display_name: str, *, tags: tuple[str, ...] = ()) -> yaml.Node | None:
    """Compose YAML text into located nodes; marks count lines of ``text`` itself.

    Callers that read YAML embedded in another file (Markdown front matter)
    pass the text with its original line breaks, so marks match the file.
    """
    if len(text) > MAX_FILE_BYTES:
        raise SiteDataError([_too_large(display_name)])
    misread = _misread_spacing(text, display_name)
    if misread:
        raise SiteDataError(misread)
    try:
        node = _compose(text, display_name, tags)
    except yaml.MarkedYAMLError as exc:
        raise SiteDataError([_explain_yaml_error(exc, display_name, text)]) from exc
    except yaml.reader.ReaderError as exc:
        raise SiteDataError([_explain_reader_error(exc, display_name, text)]) from exc
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise SiteDataError([Problem(Location(display_name), "", f"the file is not valid YAML ({exc})",
                                     _SEE_REFERENCE)]) from exc
    return node


def _misread_spacing(text: str, file: str) -> list[Problem]:
    """Find what looks like a space or nothing at all to an editor, and is something else to YAML.

    A non-breaking space (pasted from a web page) is text, not indentation; a
    next-line or line-separator character is a line break, so YAML would count
    lines differently from the editor's editor. Each pattern is tried only where
    one of its characters occurs: looking for them takes a fifth of the time of
    trying the patterns over a big file, which most files, holding none, need not do.
    """
    problems = []
    if any(space in text for space in _ODD_SPACES):
        for found in _ODD_INDENT.finditer(text):
            line = text.count("\n", 0, found.start()) + 1
            code = ord(found.group(1))
            name = "a non-breaking space" if code == 0xA0 else "a space YAML does not count"
            problems.append(Problem(Location(file, line, found.start(1) - found.start() + 1), "",
                                    f"this line is indented with {name} (U+{code:04X}), not an ordinary space",
                                    "replace it with ordinary spaces (it comes with text copied from web pages "
                                    "and word processors)"))
            if len(problems) >= _MAX_REFUSED:
                return problems
    if any(mark in text for mark in _HIDDEN_BREAKS):
        for found in _HIDDEN_BREAK.finditer(text):
            line = text.count("\n", 0, found.start()) + 1
            problems.append(Problem(Location(file, line, found.start() - text.rfind("\n", 0, found.start())), "",
                                    f"the text contains the invisible line-break character U+{ord(found.group()):04X}",
                                    "delete it (it comes with text copied from other programs), or press Enter if a "
                                    "new line is meant"))
            if len(problems) >= _MAX_REFUSED:
                break
    return problems


class _Refused(Exception):
    """Enough refused constructs were listed: composing stops (the file is not an editor's)."""


def _compose(text: str, file: str, tags: tuple[str, ...]) -> yaml.Node | None:
    """Build located nodes from libyaml's events, as ``yaml.compose`` does, and check them on the way."""
    composer = _Composer(text, file, tags)
    collecting = gc.isenabled()
    gc.disable()  # nothing here makes cycles, and the collector's passes would triple the time of a big file
    try:
        root = composer.compose()
    except _Refused:
        root = None
    finally:
        if collecting:
            gc.enable()
    if composer.problems:
        raise SiteDataError(composer.problems)
    return root


class _Composer:
    """PyYAML's composer without recursion, refusing what YAML reads otherwise than an editor means.

    Every refusal is one located problem; past :data:`MAX_DEPTH` or :data:`MAX_VALUES`
    it stops at once.
    """

    def __init__(self, text: str, file: str, tags: tuple[str, ...]) -> None:
        self.text = text
        self.file = file
        self.tags = tags
        self.problems: list[Problem] = []
        self.stack: list[yaml.Node] = []
        self.keys: list[yaml.Node | None] = []
        """Per open collection: in a mapping, the key whose value comes next."""

    def compose(self) -> yaml.Node | None:
        root = None
        document = None  # where the first document started
        count = 0
        stack, keys = self.stack, self.keys
        for event in yaml.parse(self.text, Loader=_Loader):
            kind = type(event)
            if kind is yaml.ScalarEvent:
                node = yaml.ScalarNode(self._tag(event, yaml.ScalarNode, event.value), event.value,
                                       event.start_mark, event.end_mark, style=event.style)
                self._check_text(node)
            elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise SiteDataError([Problem(
                        _at(self.file, event.start_mark), "",
                        f"the values are nested more than {MAX_DEPTH} levels deep",
                        "check the indentation and the brackets '[' and '{' here: the site's files nest a few levels")])
                node_kind = yaml.SequenceNode if kind is yaml.SequenceStartEvent else yaml.MappingNode
                node = node_kind(self._tag(event, node_kind, None), [], event.start_mark, None,
                                 flow_style=event.flow_style)
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                node = stack.pop()
                keys.pop()
                node.end_mark = event.end_mark
                if kind is yaml.MappingEndEvent:
                    self._check_keys(node)
                self._attach(node, root)
                root = node if not stack else root
                continue
            elif kind is yaml.AliasEvent:
                self._refuse(event.start_mark, "*")
                node = yaml.ScalarNode(_STR, "", event.start_mark, event.end_mark, style='"')
            elif kind is yaml.DocumentStartEvent:
                if document is not None:
                    raise yaml.composer.ComposerError("expected a single document in the stream", document,
                                                      "but found another document", event.start_mark)
                document = event.start_mark
                continue
            else:
                continue  # stream start and end, document end
            count += 1
            if count > MAX_VALUES:
                raise SiteDataError([Problem(_at(self.file, event.start_mark), "",
                                             f"the file holds more than {MAX_VALUES:,} values",
                                             "check that it is the right file: a project's data holds far fewer")])
            if kind is not yaml.AliasEvent and event.anchor is not None:  # an alias's 'anchor' is what it names
                self._refuse(event.start_mark, "&")
            if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                stack.append(node)
                keys.append(None)
            else:
                self._attach(node, root)
                root = node if not stack else root
        return root

    def _attach(self, node: yaml.Node, root) -> None:
        """Put a finished node into the collection that holds it (none: it is the document)."""
        if not self.stack:
            return
        parent = self.stack[-1]
        if type(parent) is yaml.SequenceNode:
            parent.value.append(node)
        elif self.keys[-1] is None:
            self.keys[-1] = node
        else:
            parent.value.append((self.keys[-1], node))
            self.keys[-1] = None

    def _path(self) -> str:
        """Return the path (``events[3].title``) of the node the innermost open collection is waiting for."""
        path = ""
        for parent, key in zip(self.stack, self.keys):
            if type(parent) is yaml.SequenceNode:
                path += f"[{len(parent.value) + 1}]"
            else:
                name = _key_name(key) if key is not None else "?"
                path = f"{path}.{name}" if path else name
        return path

    def _problem(self, problem: Problem) -> None:
        self.problems.append(problem)
        if len(self.problems) >= _MAX_REFUSED:
            raise _Refused

    def _refuse(self, mark: yaml.Mark, sign: str) -> None:
        """Refuse an anchor ('&') or a reference ('*'): either makes YAML read something other than the text."""
        self._problem(Problem(_at(self.file, mark), "", f"a text starting with '{sign}' is read as a YAML reference, "
                              "not as text", "put the whole text in double quotes, e.g. \"*Ważne* spotkanie\" "
                              "(references between entries are not supported)"))

    def _tag(self, event, kind: type[yaml.Node], value: str | None) -> str:
        """Return a node's tag as PyYAML's composer would; refuse an explicit tag the file may not use."""
        tag = event.tag
        if tag is not None and (tag in self.tags or any(tag.startswith(prefix) for prefix in self.tags
                                                        if prefix.endswith(":"))):
            return tag
        if tag is not None:
            start = event.start_mark.index
            end = self.text.find("\n", start)
            written = self.text[start:end if end >= 0 else len(self.text)].strip()
            example = f'"{written}"' if '"' not in written and len(written) <= 60 else '"!…"'
            self._problem(Problem(_at(self.file, event.start_mark), "", f"'{tag.replace('tag:yaml.org,2002:', '!!')}'"
                                  " at the start of a value is read as a YAML tag, not as text, and would disappear",
                                  f"put the whole text in double quotes: {example}"))
        if kind is yaml.ScalarNode:
            return _resolve_scalar(value, event.implicit)
        return _RESOLVER.resolve(kind, value, event.implicit)


    def _check_text(self, node: yaml.ScalarNode) -> None:
        """Refuse a text no output can carry, and a '#' YAML would cut a text at."""
        value = node.value
        control = CONTROL_CHARACTER.search(value)
        if control:
            self._problem(Problem(location_of(node, self.file), "", "the text contains the invisible control character "
                                  f"U+{ord(control.group()):04X}, which pages, calendars and feeds cannot carry",
                                  "delete it (between double quotes it may be written as an escape such as \\e, "
                                  "\\x1b or \\N)"))
        elif _ICAL_BREAK in value:
            self._problem(Problem(location_of(node, self.file), "",
                                  "the text contains '\\N', which calendar apps read as a line break",
                                  "write it another way (e.g. 'nr' or 'No.'), or without the backslash"))
        elif not node.style:
            comment = _COMMENT_AFTER.match(self.text, node.end_mark.index)
            if comment:
                self._comment_cuts(node, comment.end() - 1)

    def _comment_cuts(self, node: yaml.ScalarNode, at: int) -> None:
        """Report a '#' written straight after a text ('Spotkanie #2'), which YAML took for a comment."""
        line_end = self.text.find("\n", at)
        cut = self.text[at:line_end if line_end >= 0 else len(self.text)].rstrip()
        same_line = node.start_mark.line == node.end_mark.line
        begin = node.start_mark.index if same_line else self.text.rfind("\n", 0, at) + 1
        written = self.text[begin:at].strip() + " " + cut
        mark = node.end_mark
        where = Location(self.file, mark.line + 1, mark.column + at - mark.index + 1)
        self._problem(Problem(where, "", f"YAML reads '{cut}' as a comment and leaves it out (the text is only "
                              f"'{node.value}')", f"put the whole text in double quotes: \"{written}\" (a comment "
                              "needs a space after '#')" if '"' not in written else
                              "put the whole text in double quotes (a comment needs a space after '#')"))

    def _check_keys(self, node: yaml.MappingNode) -> None:
        """YAML silently keeps the last of two equal keys; we refuse instead."""
        if len({_key_name(key) for key, _ in node.value}) == len(node.value):
            return
        path = self._path()
        seen: dict[str, yaml.Node] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            if key.value in seen:
                first = seen[key.value].start_mark.line + 1
                self._problem(Problem(location_of(key, self.file), f"{path}.{key.value}" if path else key.value,
                                      f"the key '{key.value}' appears twice in the same entry (first on line {first})",
                                      "keep one of them and delete the other"))
            else:
                seen[key.value] = key


@lru_cache(maxsize=4096)  # keys and short values repeat in every entry ('id', 'pl', 'PL', 'workshop')
def _resolve_scalar(value: str, implicit: tuple[bool, bool]) -> str:
    return _RESOLVER.resolve(yaml.ScalarNode, value, implicit)


def _at(file: str, mark: yaml.Mark) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


def _explain_reader_error(exc: yaml.reader.ReaderError, file: str, text: str) -> Problem:
    """Locate a character YAML refuses (control characters pasted from PDFs or Word)."""
    # libyaml counts the position in UTF-8 bytes, not characters: find the character ourselves.
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if found is None:  # pragma: no cover - the reader only fails on such a character
        return Problem(Location(file), "", f"the file contains a character that is not allowed ({exc.reason})",
                       "delete invisible characters copied from other programs")
    position = found.start()
    line_start = text.rfind("\n", 0, position) + 1
    where = Location(file, text.count("\n", 0, position) + 1, position - line_start + 1)
    code = ord(found.group())
    return Problem(where, "", f"the file contains an invisible control character (U+{code:04X}) that is not allowed",
                   "delete it (it often comes with text copied from a PDF or a word processor)")


def _location(file: str, mark: yaml.Mark | None, text: str) -> Location:
    """Return a mark's location; errors at the end of the file point at its last written line."""
    if mark is None:
        return Location(file)
    content = text.rstrip()
    if text and mark.index >= len(content):
        # The scanner reports "end of stream" one line below the text the editor can see.
        last = content.count("\n") + 1
        return Location(file, last, len(content) - (content.rfind("\n") + 1) + 1)
    return Location(file, mark.line + 1, mark.column + 1)


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    """Return the character a mark points at, or ''."""
    if mark is None or not 0 <= mark.index < len(text):
        return ""
    return text[mark.index]


def _explain_yaml_error(exc: yaml.MarkedYAMLError, file: str, text: str = "") -> Problem:
    """Turn a PyYAML error into words an editor understands."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    where = _location(file, mark, text)
    char = _char_at(text, exc.problem_mark)
    # The C scanner says "found character that cannot start any token" without
    # naming it, so look at the character itself.
    if "tab character" in problem or "\\t" in problem or char == "\t":
        return Problem(where, "", "this line is indented with a tab character",
                       "indent with spaces only (two spaces per level)")
    if "escape" in problem or "hexdecimal" in problem:
        return Problem(where, "",
                       "a backslash '\\' in a text between double quotes starts an escape, and this one is not valid",
                       "put the text between single quotes instead ('C:\\Dokumenty'), or write each backslash twice "
                       "(\\\\)")
    if "quoted scalar" in context and exc.context_mark is not None:
        start = exc.context_mark
        return Problem(Location(file, start.line + 1, start.column + 1), "",
                       "a quotation mark opened here is never closed",
                       "add the matching closing quote at the end of the text")
    if "alias" in context or "alias" in problem or "anchor" in context:
        sign = "&" if "anchor" in context else "*"
        start = exc.context_mark or mark  # where the '*' or '&' is, not where scanning gave up
        return Problem(Location(file, start.line + 1, start.column + 1) if start else where, "",
                       f"a text starting with '{sign}' is read as a YAML reference, not as text",
                       "put the whole text in double quotes, e.g. \"*Ważne* spotkanie\"")
    if "cannot start any token" in problem and char:
        return Problem(where, "", f"a text cannot start with the character '{char}'",
                       "put the whole text in double quotes")
    if "another document" in problem:
        return Problem(where, "", "a line '---' here starts a second document in the same file",
                       "delete this line: each file holds one document")
    if "flow sequence" in context or "flow mapping" in context:
        opened, closing = ("[", "]") if "sequence" in context else ("{", "}")
        start = exc.context_mark or mark
        return Problem(Location(file, start.line + 1, start.column + 1), "",
                       f"a '{opened}' opened here is never closed",
                       f"add the closing '{closing}', or put the whole text in double quotes")
    if "mapping values are not allowed" in problem:
        line = _line_at(text, exc.problem_mark)
        before = line[:exc.problem_mark.column] if exc.problem_mark else ""
        if re.search(r"\S:\s+\S", before) or _has_typographic_quotes(line):
            # 'title: Spotkanie: rekrutacja': the key is on this line, and its text holds ': '.
            return Problem(where, "",
                           "the text contains ': ' (a colon and a space), which YAML reads as the start of a new key",
                           _quote_fix(line))
        return Problem(where, "",
                       "a colon ':' appears where YAML does not expect a new key "
                       "(usually a wrong indent, or a text containing ': ')",
                       "line this key up with its neighbours, or put the whole text in double quotes")
    if "expected key" in problem or "expected <block end>" in problem or "expected '-'" in problem:
        quoted = _quote_before(text, exc.problem_mark)
        if quoted is not None:
            return _quoted_problem(file, quoted, exc.problem_mark)
        return Problem(where, "", "this line's indentation does not match the lines around it",
                       "indent it exactly like the other keys of the same entry")
    if "could not find expected ':'" in problem:
        return Problem(where, "", "a line here has no 'key: value' form",
                       "write 'key: value', or join a wrapped text to the line above")
    return Problem(where, "", f"the file is not valid YAML ({problem or context})", _SEE_REFERENCE)


def _line_at(text: str, mark: yaml.Mark | None) -> str:
    """Return the line a mark is on."""
    if mark is None:
        return ""
    start = text.rfind("\n", 0, mark.index) + 1 if mark.index <= len(text) else 0
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)]


def _has_typographic_quotes(line: str) -> bool:
    return any(char in line for char in _TYPOGRAPHIC_QUOTES)


def _quote_fix(line: str) -> str:
    """Say how to quote a text; an editor who used typographic quotes believes they already did."""
    if _has_typographic_quotes(line):
        return ("typographic quotation marks („…”, “…”) do not count in YAML: put the whole text between "
                "straight double quotes \"…\" (the typographic ones may stay inside)")
    key, _, value = line.strip().partition(": ")
    if value and '"' not in value and len(line) <= 100:
        return f"put the whole text in double quotes: {key}: \"{value.strip()}\""
    return "put the whole text in double quotes, e.g. title: \"Spotkanie: rekrutacja\""


def _quote_before(text: str, mark: yaml.Mark | None) -> yaml.Token | None:
    """Return the quoted text that ends on the error's line, just before it, if any.

    A quote left open swallows the following lines up to the next quotation
    mark (often the opening quote of the next text), and the parser only
    notices on that later line: the mistake is where the swallowing text began.
    """
    if mark is None or not text:
        return None
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                found = token
    except yaml.YAMLError:
        pass  # scanning stops at the first scanner error; what we saw so far is enough
    if found is None or found.end_mark.line != mark.line:
        return None
    return found


def _quoted_problem(file: str, token: yaml.Token, mark: yaml.Mark) -> Problem:
    """Explain an error found just after a quoted text."""
    start = token.start_mark
    if start.line < token.end_mark.line:
        return Problem(Location(file, start.line + 1, start.column + 1), "",
                       "a quotation mark opened here is never closed (the text runs on to line "
                       f"{token.end_mark.line + 1})",
                       "add the matching closing quote at the end of the text")
    return Problem(Location(file, mark.line + 1, mark.column + 1), "",
                   "there is more text after the closing quotation mark",
                   "put the quotation marks around the whole text, or remove them")


def iter_nodes(node: yaml.Node | None) -> Iterator[yaml.Node]:
    """Yield every node of a document once, in document order.

    Aliases make the node graph shared or even cyclic ('&a [*a]'), so a node
    reached twice is not visited again. No paths: a check walks every node of
    a large file, and needs a node's path only for the few it reports
    (:func:`node_paths`).
    """
    visited: set[int] = set()
    stack: list[yaml.Node] = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if id(current) in visited:
            continue
        visited.add(id(current))
        yield current
        if isinstance(current, yaml.MappingNode):
            stack.extend(value for _, value in reversed(current.value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))


def node_paths(node: yaml.Node | None) -> dict[int, str]:
    """Return every node's path (``events[3].title.pl``) by its ``id``, as :func:`iter_nodes` visits them.

    Paths count list items from 1, as the loader's messages do.
    """
    paths: dict[int, str] = {}
    stack: list[tuple[yaml.Node, str]] = [(node, "")] if node is not None else []
    while stack:
        current, path = stack.pop()
        if id(current) in paths:
            continue
        paths[id(current)] = path
        if isinstance(current, yaml.MappingNode):
            stack.extend((value, f"{path}.{_key_name(key)}" if path else _key_name(key))
                         for key, value in reversed(current.value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, f"{path}[{index}]") for index, item in reversed(list(enumerate(current.value, 1))))
    return paths


def _key_name(key: yaml.Node) -> str:
    return key.value if isinstance(key, yaml.ScalarNode) else "?"
