"""Typed reads from located YAML nodes, collecting problems instead of raising.

Loaders describe each entry with a :class:`Reader`: ``reader.text("title")``,
``reader.when("start", tz)``… Each read either returns a value or records a
:class:`~microsite.errors.Problem` that says where, what and how to fix it,
so one pass reports every mistake in a file.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Mapping, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import yaml
from babel.core import get_global

from .placeholders import is_placeholder
from .errors import Location, Problem
from .model.text import Text
from .yamlsource import location_of

__all__ = ["MAX_ID_LENGTH", "MAX_PROBLEMS", "Context", "Reader", "TooManyProblems", "check_timezone", "localize"]

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_WHEN = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?P<off>Z|[+-]\d{2}:?\d{2})?)?$",
    re.ASCII,  # \d would also match Arabic-Indic and other digits
)
MAX_ID_LENGTH = 80
"""An event's id names its page and its calendar file (with a date added to each repetition, and '.ics'):
file systems take 255 bytes a name, and readers copy addresses."""
_YEARS = (1900, 2100)
"""The years a date may have; anything else is a typo (and year 1 breaks UTC conversion)."""
# A tag starts right after '<' (or '</'): "6 < x < 12 and 3 > 2" is arithmetic, not HTML.
_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<!--")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


MAX_PROBLEMS = 100
"""After this many errors in one file its reading stops: the first ones are what the editor fixes first.
Warnings never stop it (they do not stop the build either): past this many, they are counted, not listed."""


class TooManyProblems(Exception):
    """Raised by a :class:`Context` that holds :data:`MAX_PROBLEMS`; the file is not read further."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx.file)
        self.ctx = ctx

    @property
    def problem(self) -> Problem:
        """Say that the file was not read to its end."""
        return Problem(Location(self.ctx.file), "",
                       f"more than {MAX_PROBLEMS} problems: the file was not read further",
                       "fix the problems listed, then check again")


@dataclass
class Context:
    """Where problems go, and what every reader of one file needs to know."""

    file: str
    languages: tuple[str, ...]
    problems: list[Problem] = field(default_factory=list)
    absent: frozenset[str] = frozenset()
    """The data files that do not exist: a reference into one of them says so."""
    unlisted_warnings: int = 0
    """Warnings past :data:`MAX_PROBLEMS` of them: counted, and said in one line by :meth:`all_problems`."""
    _errors: int = field(default=0, init=False, repr=False)
    _warnings: int = field(default=0, init=False, repr=False)

    def error(self, node: yaml.Node | None, path: str, message: str, fix: str) -> None:
        """Record an error at a node."""
        self._add(Problem(location_of(node, self.file), path, message, fix))

    def warn(self, node: yaml.Node | None, path: str, message: str, fix: str) -> None:
        """Record a warning at a node; warnings do not stop the build."""
        self._add(Problem(location_of(node, self.file), path, message, fix, "warning"))

    def all_problems(self) -> list[Problem]:
        """Return the problems recorded, with one line for the warnings past the limit, if any."""
        if not self.unlisted_warnings:
            return list(self.problems)
        return [*self.problems, Problem(Location(self.file), "", f"and {self.unlisted_warnings:,} more warnings like "
                                        "the ones above", "deal with the warnings listed, then check again to see "
                                        "the rest", "warning")]

    def _add(self, problem: Problem) -> None:
        if problem.is_error:
            self.problems.append(problem)
            self._errors += 1
            if self._errors >= MAX_PROBLEMS:
                raise TooManyProblems(self)
        elif self._warnings < MAX_PROBLEMS:
            self.problems.append(problem)
            self._warnings += 1
        else:
            self.unlisted_warnings += 1


class Reader:
    """Read the fields of one YAML mapping (an entry) with located problems."""

    def __init__(self, ctx: Context, node: yaml.Node | None, path: str, known: tuple[str, ...],
                 renamed: Mapping[str, str] | None = None) -> None:
        self.ctx = ctx
        self.path = path
        self.node = node
        self.known = known
        self._values: dict[str, yaml.Node] = {}
        self._keys: dict[str, yaml.Node] = {}
        self._misspelt: set[str] = set()
        """Known fields an unknown key was taken for; their absence is not reported twice."""
        self.ok = isinstance(node, yaml.MappingNode)
        if not self.ok:
            what = "nothing" if node is None or _is_null(node) else "a single value"
            ctx.error(node, path, f"expected an entry with fields ({', '.join(known[:3])}, …), found {what}",
                      "write one 'key: value' per line, indented under this entry")
            return
        fields = _field_names(known)
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                # '? [a, b]: x' or '[a, b]: x' — printing the node would show Python internals.
                ctx.error(key, path, "a list or a group of fields is used as a field name",
                          f"write a plain field name such as '{known[0]}:' at the start of the line")
                continue
            name = key.value
            if renamed and name in renamed:
                # A field an earlier version read under another name: say what it is called now.
                self._misspelt.add(renamed[name])
                ctx.error(key, self._sub(name), f"'{name}' is now called '{renamed[name]}'",
                          f"rename the field to '{renamed[name]}' (the editors' reference describes it)")
                continue
            if name not in fields:
                close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else f"known fields are: {', '.join(known)}"
                self._misspelt.update(close)
                ctx.error(key, self._sub(name), f"'{name}' is not a field this entry can have",
                          f"{hint} (check the spelling)")
                continue
            self._values[name] = value
            self._keys[name] = key

    def _sub(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        """Say whether the field is present and not empty."""
        value = self._values.get(key)
        return value is not None and not _is_null(value)

    def raw(self, key: str) -> yaml.Node | None:
        """Return the field's node, or None."""
        return self._values.get(key)

    def key_node(self, key: str) -> yaml.Node | None:
        """Return the node of the field's name (where a field that does not belong is pointed at)."""
        return self._keys.get(key)

    def _require(self, key: str, required: bool, example: str) -> yaml.Node | None:
        value = self._values.get(key)
        if value is None or _is_null(value):
            if required and self.ok and key not in self._misspelt:
                self.ctx.error(self.node, self._sub(key), f"the required field '{key}' is missing or empty",
                               f"add a line '{key}: {example}' to this entry")
            return None
        if is_placeholder(value):
            return None  # reported once, with its words, by placeholders.data_placeholders
        return value

    def _scalar(self, key: str, required: bool, example: str) -> tuple[yaml.Node, str] | None:
        value = self._require(key, required, example)
        if value is None:
            return None
        if not isinstance(value, yaml.ScalarNode):
            self.ctx.error(value, self._sub(key), "expected a single value here, found a list or a group of fields",
                           f"write it on one line, e.g. '{key}: {example}'")
            return None
        return value, value.value.strip()

    # --- scalars -------------------------------------------------------------------------

    def string(self, key: str, *, required: bool = False, example: str = "…") -> str | None:
        """Read a plain one-line string."""
        got = self._scalar(key, required, example)
        if got is None:
            return None
        node, text = got
        self._warn_html(node, key, text)
        return text

    def _matching(self, key: str, required: bool, example: str, pattern: re.Pattern[str], what: str,
                  fix: str) -> str | None:
        """Read a one-line value that must match ``pattern``; report '… is not {what}' otherwise."""
        got = self._scalar(key, required, example)
        if got is None:
            return None
        node, text = got
        if not pattern.match(text):
            self.ctx.error(node, self._sub(key), f"'{text}' is not {what}", fix)
            return None
        return text

    def ident(self, key: str, *, required: bool = True, example: str = "info-meeting-2027-01-20") -> str | None:
        """Read an id: lower-case letters, digits and single hyphens, short enough for an address and a file name."""
        got = self._scalar(key, required, example)
        if got is None:
            return None  # missing or not one value: reported once, by _scalar
        node, text = got
        if len(text) > MAX_ID_LENGTH:
            self.ctx.error(node, self._sub(key), f"the id is too long ({len(text):,} characters; at most "
                           f"{MAX_ID_LENGTH})", "shorten it: it becomes part of web addresses and file names")
            return None
        if not _ID.match(text):
            self.ctx.error(node, self._sub(key), f"'{text}' is not a valid id",
                           f"use only lower-case letters a–z, digits and hyphens, e.g. '{example}'")
            return None
        return text

    def choice(self, key: str, enum: type[E], *, required: bool = True, default: E | None = None,
               words: Callable[[], Mapping[str, tuple[str, ...]]] | None = None) -> E | None:
        """Read one of the values of an enumeration.

        ``words`` gives what readers see for each value in every language ('Odwołane' for 'cancelled'):
        an editor who writes one of them is told the value it stands for. It is asked only then.
        """
        got = self._scalar(key, required and default is None, _first_value(enum))
        if got is None:
            return default
        node, text = got
        try:
            return enum(text)
        except ValueError:
            choices = [m.value for m in enum]
            known = words() if words else {}
            close = _closest(text, {value: (value, *known.get(value, ())) for value in choices})
            hint = f"did you mean '{close}'? " if close else ""
            self.ctx.error(node, self._sub(key), f"'{text}' is not one of the allowed values",
                           f"{hint}use one of: {', '.join(choices)}")
            return default

    def term(self, key: str, known: Mapping[str, T], *, what: str, define: str, required: bool = True) -> T | None:
        """Read the id of a vocabulary entry (an event kind, a partner role, a unit) and return the entry."""
        got = self._scalar(key, required, next(iter(known), "…"))
        if got is None:
            return None
        node, text = got
        if text in known:
            return known[text]
        # An editor may write what readers see ('warsztaty'): its labels count as much as its id.
        close = _closest(text, {ident: (ident, *_labels(entry)) for ident, entry in known.items()})
        hint = f"did you mean '{close}'? " if close else ""
        self.ctx.error(node, self._sub(key), f"'{text}' is not {what} this site defines",
                       f"{hint}use one of: {', '.join(known)}; or {define}")
        return None

    def decimal(self, key: str, *, required: bool = True, example: str = "728752.08") -> Decimal | None:
        """Read a number written with a dot for decimals and no spaces."""
        got = self._scalar(key, required, example)
        if got is None:
            return None
        node, text = got
        try:
            value = Decimal(text.replace("_", ""))
            if not value.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            self.ctx.error(node, self._sub(key), f"'{text}' is not a number",
                           f"write digits only, with a dot before decimals and no spaces or currency, e.g. {example}")
            return None
        if value < 0:
            self.ctx.error(node, self._sub(key), f"{text} is negative", "write a number of zero or more")
            return None
        return value

    def integer(self, key: str, *, required: bool = False, example: str = "1") -> int | None:
        """Read a whole number of zero or more."""
        got = self._scalar(key, required, example)
        if got is None:
            return None
        node, text = got
        if not re.fullmatch(r"[0-9]+", text):  # str.isdigit() accepts '²', which int() refuses
            self.ctx.error(node, self._sub(key), f"'{text}' is not a whole number",
                           f"write digits only, e.g. {example}")
            return None
        return int(text)

    def number(self, key: str, *, required: bool = False, example: str = "50.0386") -> float | None:
        """Read a decimal number that may be negative (coordinates)."""
        got = self._scalar(key, required, example)
        if got is None:
            return None
        node, text = got
        try:
            value = Decimal(text)
            if not value.is_finite():  # 'NaN', 'inf'; float('sNaN') would raise
                raise InvalidOperation
            return float(value)
        except InvalidOperation:
            self.ctx.error(node, self._sub(key), f"'{text}' is not a number",
                           f"write it with a dot for decimals, e.g. {example}")
            return None

    def url(self, key: str, *, required: bool = False) -> str | None:
        """Read a web address with its scheme; one that shows a host it does not lead to is refused."""
        got = self._scalar(key, required, "https://example.org/")
        if got is None:
            return None
        node, text = got
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", text):
            if re.match(r"^[\w.-]+\.[a-z]{2,}(/\S*)?$", text):
                fix = f"add the scheme: 'https://{text}'"
            else:
                fix = "write a full address starting with https://"
            self.ctx.error(node, self._sub(key), f"'{text}' is not a complete web address", fix)
            return None
        parts = urlsplit(text)
        if "@" in parts.netloc:
            # 'https://www.cds.krakow.pl@evil.example/' shows the partner and leads to evil.example.
            self.ctx.error(node, self._sub(key),
                           f"'{text}' leads to '{parts.hostname}': everything before '@' is a user name, not the site",
                           f"write the address without '{parts.netloc.rsplit('@', 1)[0]}@'")
            return None
        if not _is_host(parts.hostname or ""):
            self.ctx.error(node, self._sub(key), f"'{parts.hostname}' in '{text}' is not a valid site name",
                           "copy the address from the browser's address bar")
            return None
        if parts.scheme == "http":
            self.ctx.warn(node, self._sub(key), f"'{text}' is not encrypted (http://): browsers warn readers who "
                          "follow it", f"write 'https://{text[len('http://'):]}' if the site has it")
        return text

    def email(self, key: str, *, required: bool = False) -> str | None:
        """Read an e-mail address (its form only: nothing is sent or looked up)."""
        got = self._scalar(key, required, "biuro@example.org")
        if got is None:
            return None
        node, text = got
        # Imported here: it compiles its grammar on import (about 20 ms), which a site without an address never needs.
        from email_validator import EmailNotValidError, validate_email
        try:
            # test_environment: addresses at .test (RFC 2606, kept for tests) are accepted too.
            validate_email(text, check_deliverability=False, test_environment=True)
        except EmailNotValidError as exc:
            self.ctx.error(node, self._sub(key), f"'{text}' is not an e-mail address ({exc})",
                           "write it as name@domain, e.g. biuro@example.org")
            return None
        return text

    def phone(self, key: str, region: str | None, *, required: bool = False) -> tuple[str, str] | None:
        """Read a phone number; return it as written and as a ``tel:`` link (RFC 3966, in E.164 form).

        A number without a country code is read as one of ``region`` (the project's country).
        """
        got = self._scalar(key, required, "+48 12 623 77 40")
        if got is None:
            return None
        node, text = got
        import phonenumbers  # here, not at the top: about 12 ms to import, and most projects give no phone number
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            self.ctx.error(node, self._sub(key), f"'{text}' is not a phone number",
                           "write the number with its country code, e.g. '+48 12 623 77 40' (an extension after "
                           "' ext. ')")
            return None
        return text, "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def asset(self, key: str, content_root: Path, content_dir: str, *, required: bool = False) -> str | None:
        """Read a path below the content folder and check that the file exists."""
        got = self._scalar(key, required, "assets/logos/name.svg")
        if got is None:
            return None
        node, written = got
        relative = written.lstrip("/")  # '/assets/…' is read from the content folder too
        problem = _asset_problem(written, relative, content_root, content_dir)
        if problem is not None:
            self.ctx.error(node, self._sub(key), *problem)
            return None
        return relative

    def country(self, key: str, *, required: bool = True) -> str | None:
        """Read an ISO 3166-1 alpha-2 country code (PL, GB…)."""
        got = self._scalar(key, required, "PL")
        if got is None:
            return None
        node, text = got
        code = text.upper()
        if code not in _territories():
            self.ctx.error(node, self._sub(key), f"'{text}' is not a two-letter country code",
                           "use the ISO code: PL for Poland, GB for the United Kingdom, DE for Germany…")
            return None
        return code

    def timezone(self, key: str, *, required: bool = False) -> str | None:
        """Read an IANA time zone name such as Europe/Warsaw."""
        got = self._scalar(key, required, "Europe/Warsaw")
        if got is None:
            return None
        node, text = got
        problem = check_timezone(text)
        if problem:
            self.ctx.error(node, self._sub(key), *problem)
            return None
        return text

    def language(self, key: str, *, required: bool = True) -> str | None:
        """Read a two-letter language code."""
        return self._matching(key, required, "pl", _LANGUAGE, "a two-letter language code",
                              "use pl for Polish, en for English")

    def day(self, key: str, *, required: bool = True) -> date | None:
        """Read a calendar date written YYYY-MM-DD."""
        got = self._scalar(key, required, "2019-03-27")
        if got is None:
            return None
        node, text = got
        parsed = self._parse_when(node, key, text)
        if parsed is None:
            return None
        if parsed[1] is not None:
            self.ctx.error(node, self._sub(key), "a date is expected here, without a time",
                           f"write only the day, e.g. '{parsed[0].isoformat()}'")
            return None
        return parsed[0]

    def when(self, key: str, tz: str | None, *, required: bool = True) -> date | datetime | None:
        """Read a date (all-day) or a local date and time in ``tz``, checked against DST."""
        got = self._scalar(key, required, "2019-03-27 15:00")
        if got is None:
            return None
        node, text = got
        parsed = self._parse_when(node, key, text)
        if parsed is None:
            return None
        day_value, clock, offset = parsed
        if clock is None:
            return day_value
        if tz is None:
            return None  # the zone itself was wrong and is already reported
        return localize(self.ctx, node, self._sub(key), datetime.combine(day_value, clock), tz, offset)

    def _parse_when(self, node: yaml.Node, key: str, text: str):
        match = _WHEN.match(text)
        if not match:
            self.ctx.error(node, self._sub(key), f"'{text}' is not a date",
                           "write it as YYYY-MM-DD, with the time as HH:MM if needed, e.g. '2019-03-27 15:00'")
            return None
        year, month, day, hour, minute, second, offset_text = match.groups()
        y, m, d = int(year), int(month), int(day)
        if not _YEARS[0] <= y <= _YEARS[1]:
            # Year 1 or 9999 overflow when converted to UTC; any year this far off is a typo anyway.
            self.ctx.error(node, self._sub(key), f"'{text}' has the year {y}, which cannot be right",
                           f"check the year (it must be between {_YEARS[0]} and {_YEARS[1]})")
            return None
        try:
            day_value = date(y, m, d)
        except ValueError:
            if 1 <= m <= 12:
                why = f"there is no day {d} in {_MONTHS[m - 1]} {y}"
            else:
                why = f"there is no month {m}"
            self.ctx.error(node, self._sub(key), f"'{text}' is an impossible date: {why}",
                           "check the day and the month (the format is YYYY-MM-DD)")
            return None
        if hour is None:
            return day_value, None, None
        hour, minute, second = int(hour), int(minute), int(second or 0)
        if hour > 23 or minute > 59 or second > 59:
            self.ctx.error(node, self._sub(key), f"'{text}' has an impossible time",
                           "write the time as HH:MM on a 24-hour clock, from 00:00 to 23:59")
            return None
        offset = None
        if offset_text:
            if offset_text == "Z":
                offset = timedelta(0)
            else:
                sign = 1 if offset_text[0] == "+" else -1
                digits = offset_text[1:].replace(":", "")
                offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return day_value, time(hour, minute, second), offset

    # --- texts ---------------------------------------------------------------------------

    def text(self, key: str, *, required: bool = True, fallback: bool = False,
             neutral: bool = False) -> Text | None:
        """Read a text given in every site language (``pl: …`` / ``en: …``).

        ``neutral`` lets a proper name be written once for all languages;
        ``fallback`` lets a missing translation show the default language,
        with a warning instead of an error.
        """
        value = self._require(key, required, _text_example(self.ctx.languages))
        if value is None:
            return None
        return read_text(self.ctx, value, self._sub(key), fallback=fallback, neutral=neutral)

    def texts(self, key: str, *, required: bool = False) -> tuple[Text, ...]:
        """Read a list of texts, each in every language."""
        out = []
        for path, item in self.items(key, required=required):
            text = read_text(self.ctx, item, path)
            if text is not None:
                out.append(text)
        return tuple(out)

    def _warn_html(self, node: yaml.Node, key: str, text: str) -> None:
        if _HTML.search(text):
            self.ctx.warn(node, self._sub(key), "this text contains HTML markup, which is shown as plain text",
                          "remove the tags; links and formatting belong in the Markdown pages")

    # --- nesting -------------------------------------------------------------------------

    def items(self, key: str, *, required: bool = False) -> Iterator[tuple[str, yaml.Node]]:
        """Yield (path, node) for each item of a list field; paths count from 1."""
        value = self._require(key, required, "[]")
        if value is None:
            return
        if not isinstance(value, yaml.SequenceNode):
            self.ctx.error(value, self._sub(key), "expected a list here",
                           "start each item on its own line with '- '")
            return
        for index, item in enumerate(value.value, start=1):
            yield f"{self._sub(key)}[{index}]", item

    def entry(self, key: str, known: tuple[str, ...], *, required: bool = True,
              renamed: Mapping[str, str] | None = None) -> Reader | None:
        """Return a reader for a nested group of fields."""
        value = self._require(key, required, "")
        if value is None:
            return None
        return Reader(self.ctx, value, self._sub(key), known, renamed)


@lru_cache(maxsize=64)
def _field_names(known: tuple[str, ...]) -> frozenset[str]:
    """Return an entry's field names as a set: every key of 10,000 entries is looked up in it."""
    return frozenset(known)


@lru_cache(maxsize=8)
def _text_example(languages: tuple[str, ...]) -> str:
    """Return how a text in every language is written, for a message: '{pl: …, en: …}'."""
    return "{" + ", ".join(f"{lang}: …" for lang in languages) + "}"


def read_text(ctx: Context, node: yaml.Node, path: str, *, fallback: bool = False,
              neutral: bool = False) -> Text | None:
    """Read a text node: a mapping of languages, or (if ``neutral``) one string for all."""
    langs = ctx.languages
    if isinstance(node, yaml.ScalarNode):
        if neutral:
            _warn_html_node(ctx, node, path)
            return Text.neutral(node.value.strip())
        ctx.error(node, path, "this text needs a version in each language",
                  "write it as: " + " ".join(f"{lang}: …" for lang in langs) + " (one per line, indented)")
        return None
    if not isinstance(node, yaml.MappingNode):
        ctx.error(node, path, "expected a text in each language, found a list",
                  "write it as: " + " ".join(f"{lang}: …" for lang in langs))
        return None
    values: dict[str, str] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            ctx.error(key, path, "a list or a group of fields is used as a language code",
                      f"write one line per language: {', '.join(f'{lang}: …' for lang in langs)}")
            continue
        lang = key.value
        if lang not in langs:
            close = difflib.get_close_matches(lang, langs, n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}'? " if close else ""
            ctx.error(key, f"{path}.{lang}", f"'{lang}' is not one of the site's languages ({', '.join(langs)})",
                      f"{hint}use the language codes {', '.join(langs)}")
            continue
        text = value.value.strip() if isinstance(value, yaml.ScalarNode) else ""
        if not text:
            ctx.error(value, f"{path}.{lang}", "the text is empty or not a single text",
                      "write the text after the colon (use '|' for several paragraphs)")
            continue
        values[lang] = text
        if _HTML.search(value.value):
            _warn_html_node(ctx, value, f"{path}.{lang}")
    if len(values) == len(langs):  # every language (only the site's are kept)
        return Text(tuple([(lang, values[lang]) for lang in langs]))
    missing = [lang for lang in langs if lang not in values]
    if missing and len(missing) == len(langs):
        return None
    if missing:
        default = langs[0]
        if fallback and default in values:
            for lang in missing:
                ctx.warn(node, f"{path}.{lang}", f"the {lang} translation is missing; readers will see the "
                         f"{default} text", f"add a line '{lang}: …' with the translation")
            return Text(tuple((lang, values[lang]) for lang in langs if lang in values), fallback=default)
        for lang in missing:
            ctx.error(node, f"{path}.{lang}", f"the {lang} translation is missing",
                      f"add a line '{lang}: …' with the translation under '{path.rsplit('.', 1)[-1]}'")
        return None
    return Text(tuple((lang, values[lang]) for lang in langs))


def _closest(text: str, names: Mapping[str, tuple[str, ...]]) -> str | None:
    """Return the value whose id or words ``text`` most resembles (case and accents aside), if any is close."""
    wanted = _folded(text)
    best, score = None, 0.0
    for value, words in names.items():
        for word in words:
            for form in {_folded(word), _folded(re.split(r"\s[–—:-]\s|\s\(", word)[0])}:
                ratio = difflib.SequenceMatcher(None, wanted, form).ratio()
                if ratio > score:
                    best, score = value, ratio
    return best if score >= 0.6 else None


def _folded(text: str) -> str:
    """Return a text in lower case without accents, as an editor may type it ('odwolane' for 'Odwołane')."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l").replace("_", " "))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).strip()


def _labels(entry: object) -> tuple[str, ...]:
    """Return an entry's label in every language it has, or nothing."""
    label = getattr(entry, "label", None)
    return tuple(value for _, value in label.values) if isinstance(label, Text) else ()


def _asset_problem(written: str, relative: str, content_root: Path, content_dir: str) -> tuple[str, str] | None:
    """Return (message, fix) when ``written`` is not the path of a file below the content folder."""
    example = "assets/logos/name.svg"
    if re.match(r"^[a-z][a-z0-9+.-]*://", written, re.IGNORECASE):
        return (f"'{written}' is a web address, but the site publishes only files kept in the repository",
                f"download the file, save it under {content_dir}/assets/ and write its path, e.g. '{example}'")
    if "\\" in written:
        return (f"'{written}' is written with backslashes '\\'", f"write the path with '/', e.g. '{example}'")
    path = Path(relative)
    if ".." in path.parts:
        return (f"the path '{written}' leads outside the {content_dir} folder",
                f"put the file under {content_dir}/assets/ and write its path from there, e.g. '{example}'")
    if path.parts and path.parts[0] == content_dir:
        inside = Path(*path.parts[1:]).as_posix()
        return (f"the path starts with '{content_dir}/', but paths are written from inside the {content_dir} folder",
                f"write '{inside}'")
    target = content_root / path
    if not target.is_file() or not target.resolve().is_relative_to(content_root.resolve()):
        folder = "/".join((content_dir, *path.parent.parts))
        return (f"the file '{content_dir}/{path.as_posix()}' does not exist",
                f"put the file in {folder}/ or correct the path")
    return None


def _is_host(host: str) -> bool:
    """Say whether ``host`` is a site name (letters, digits and hyphens between dots; any script) or an IP address."""
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return bool(re.fullmatch(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]+)|[0-9.]+",
                             ascii_host, re.IGNORECASE))


def _warn_html_node(ctx: Context, node: yaml.Node, path: str) -> None:
    if _HTML.search(node.value):
        ctx.warn(node, path, "this text contains HTML markup, which is shown as plain text",
                 "remove the tags; links and formatting belong in the Markdown pages")


@lru_cache(maxsize=None)  # an enum's first value, the example in messages; iterating an enum is slow
def _first_value(enum: type[Enum]) -> str:
    return next(iter(enum)).value


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null" and not node.style


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    return frozenset(get_global("territory_zones").keys()) | frozenset(get_global("zone_territories").values())


def check_timezone(name: str) -> tuple[str, str] | None:
    """Return (message, fix) if ``name`` is not a known IANA zone."""
    if name in _zones():
        try:
            ZoneInfo(name)
            return None
        except (ZoneInfoNotFoundError, ValueError):
            pass
    close = difflib.get_close_matches(name, sorted(_zones()), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return (f"'{name}' is not a known time zone",
            f"{hint}use an IANA name such as Europe/Warsaw or Europe/London")


def zone_country(tz: str) -> str | None:
    """Return the ISO country of an IANA zone (CLDR), if it belongs to one."""
    return get_global("zone_territories").get(tz)


def zones_of(country: str) -> tuple[str, ...]:
    """Return the IANA zones CLDR lists for a country."""
    return tuple(z for z, c in sorted(get_global("zone_territories").items()) if c == country and z in _zones())


def localize(ctx: Context, node: yaml.Node, path: str, naive: datetime, tz: str,
             offset: timedelta | None = None) -> datetime | None:
    """Attach ``tz`` to a wall-clock time, refusing times DST skips or repeats."""
    zone = ZoneInfo(tz)
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        if offset is not None and first.utcoffset() != offset:
            ctx.error(node, path, f"the offset does not match {tz} on that day (it is {_fmt_offset(first)})",
                      "remove the offset, or correct it")
            return None
        return first
    # Offsets differ: either a gap (the clock jumps) or an overlap (the clock repeats).
    shown = naive.strftime("%Y-%m-%d %H:%M")
    roundtrip = first.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None)
    if roundtrip != naive:
        ctx.error(node, path, f"{shown} does not exist in {tz}: the clocks jump forward that night",
                  "choose a time outside the change (e.g. one hour later)")
        return None
    if offset is None:
        ctx.error(node, path, f"{shown} happens twice in {tz}: the clocks go back that night",
                  f"add the offset to say which one, e.g. '{shown}{_fmt_offset(first)}' (summer time) or "
                  f"'{shown}{_fmt_offset(second)}' (winter time)")
        return None
    for candidate in (first, second):
        if candidate.utcoffset() == offset:
            return candidate
    ctx.error(node, path, f"the offset matches neither of the two {shown} in {tz}",
              f"use {_fmt_offset(first)} or {_fmt_offset(second)}")
    return None


def _fmt_offset(value: datetime) -> str:
    total = int(value.utcoffset().total_seconds())
    sign = "+" if total >= 0 else "-"
    total = abs(total)
    return f"{sign}{total // 3600:02d}:{total % 3600 // 60:02d}"
