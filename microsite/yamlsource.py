"""Reading YAML while keeping where every value came from.

PyYAML's composer gives nodes with start marks; we keep those nodes instead of
plain Python values so that every later check can point at ``file:line:col``.
Scalars are kept as the text the editor typed: we never let YAML guess that
``9:30`` is a base-60 integer or ``no`` is ``False``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Location, Problem, SiteDataError

__all__ = ["load_yaml", "location_of", "YamlNode"]

YamlNode = yaml.Node

try:  # the C composer is ~10x faster and keeps the same marks
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader


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
        raise SiteDataError([Problem(Location(display_name), "", "the file is not UTF-8 text",
                                     "save it as UTF-8 (in most editors: 'Save with encoding')")]) from exc
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise SiteDataError([_explain_yaml_error(exc, display_name)]) from exc
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise SiteDataError([Problem(Location(display_name), "", f"the file is not valid YAML ({exc})",
                                     "compare it with the example in the editors' reference")]) from exc
    _reject_duplicate_keys(node, display_name)
    return node


def _explain_yaml_error(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    """Turn a PyYAML error into words an editor understands."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    where = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
    if "'\\t'" in problem or "\\t" in problem:
        return Problem(where, "", "this line is indented with a tab character",
                       "indent with spaces only (two spaces per level)")
    if "quoted scalar" in context and exc.context_mark is not None:
        start = exc.context_mark
        return Problem(Location(file, start.line + 1, start.column + 1), "",
                       "a quotation mark opened here is never closed",
                       "add the matching closing quote at the end of the text")
    if "mapping values are not allowed" in problem:
        return Problem(where, "",
                       "a colon ':' appears where YAML does not expect a new key "
                       "(usually a wrong indent, or a text containing ': ')",
                       "line this key up with its neighbours, or put the whole text in double quotes")
    if "expected <block end>" in problem or "expected <block" in problem:
        return Problem(where, "", "this line's indentation does not match the lines around it",
                       "indent it exactly like the other keys of the same entry")
    if "could not find expected ':'" in problem:
        return Problem(where, "", "a line here has no 'key: value' form",
                       "write 'key: value', or join a wrapped text to the line above")
    return Problem(where, "", f"the file is not valid YAML ({problem or context})",
                   "compare it with the example in the editors' reference")


def _reject_duplicate_keys(node: yaml.Node | None, file: str) -> None:
    """YAML silently keeps the last of two equal keys; we refuse instead."""
    problems: list[Problem] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        first = seen[key.value].start_mark.line + 1
                        problems.append(Problem(location_of(key, file), key.value,
                                                f"the key '{key.value}' appears twice in the same entry "
                                                f"(first on line {first})",
                                                "keep one of them and delete the other"))
                    else:
                        seen[key.value] = key
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    if problems:
        raise SiteDataError(problems)
