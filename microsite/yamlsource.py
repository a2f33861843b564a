"""Reading YAML while keeping where every value came from.

PyYAML's composer gives nodes with start marks; we keep those nodes instead of
plain Python values so that every later check can point at ``file:line:col``.
Scalars are kept as the text the editor typed: we never let YAML guess that
``9:30`` is a base-60 integer or ``no`` is ``False``.

Syntax errors are translated into plain words: editors are not programmers,
and PyYAML's own messages ("did not find expected key") name the parser's
state, not the mistake (a tab, a quote never closed, a wrong indent).
"""

from __future__ import annotations

from collections.abc import Iterator

from pathlib import Path

import yaml

from .errors import Location, Problem, SiteDataError

__all__ = ["iter_nodes", "load_yaml", "load_yaml_text", "location_of", "node_paths", "YamlNode"]

YamlNode = yaml.Node

try:  # the C composer is ~10x faster and keeps the same marks
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

_NOT_UTF8 = ("the file is not UTF-8 text", "save it as UTF-8 (in most editors: 'Save with encoding')")
_SEE_REFERENCE = "compare it with the example in the editors' reference"


def location_of(node: yaml.Node | None, file: str) -> Location:
    """Return the 1-based location of a node in its file."""
    if node is None:
        return Location(file)
    mark = node.start_mark
    return Location(file, mark.line + 1, mark.column + 1)


def load_yaml(path: Path, display_name: str) -> yaml.Node | None:
    """Compose a YAML file into located nodes, or raise a plain-language error."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SiteDataError([Problem(Location(display_name), "", *_NOT_UTF8)]) from exc
    return load_yaml_text(text, display_name)


def load_yaml_text(text: str, display_name: str) -> yaml.Node | None:
    """Compose YAML text into located nodes; marks count lines of ``text`` itself.

    Callers that read YAML embedded in another file (Markdown front matter)
    pass the text with its original line breaks, so marks match the file.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise SiteDataError([_explain_yaml_error(exc, display_name, text)]) from exc
    except yaml.reader.ReaderError as exc:
        raise SiteDataError([_explain_reader_error(exc, display_name, text)]) from exc
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise SiteDataError([Problem(Location(display_name), "", f"the file is not valid YAML ({exc})",
                                     _SEE_REFERENCE)]) from exc
    _reject_duplicate_keys(node, display_name)
    return node


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


def _reject_duplicate_keys(node: yaml.Node | None, file: str) -> None:
    """YAML silently keeps the last of two equal keys; we refuse instead."""
    repeated = [current for current in iter_nodes(node) if isinstance(current, yaml.MappingNode)
                and len({_key_name(key) for key, _ in current.value}) < len(current.value)]
    problems: list[Problem] = []
    paths = node_paths(node) if repeated else {}
    for current in repeated:
        path = paths[id(current)]
        seen: dict[str, yaml.Node] = {}
        for key, _ in current.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            if key.value in seen:
                first = seen[key.value].start_mark.line + 1
                problems.append(Problem(location_of(key, file), f"{path}.{key.value}" if path else key.value,
                                        f"the key '{key.value}' appears twice in the same entry "
                                        f"(first on line {first})", "keep one of them and delete the other"))
            else:
                seen[key.value] = key
    if problems:
        raise SiteDataError(problems)
