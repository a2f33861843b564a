"""Dates, money, percentages and counted nouns in the reader's language (CLDR via Babel).

Each language's CLDR locale comes from its catalogue. Two things Babel does not
do are done here: CLDR's minimumGroupingDigits (2 in Polish: 7287 zł, but
72 870 zł), and a readable form for a currency that has no symbol in the
language (PLN 728,752.08, not PLN728,752.08).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_time, get_timezone_name
from babel.numbers import format_currency, format_decimal, format_percent

from .catalogue import catalogue
from .model.vocabulary import Unit

__all__ = ["format_day", "format_day_long", "format_money", "format_percent_value", "format_count",
           "format_quantity", "format_month", "format_time_of_day", "format_zone", "format_number",
           "plural_category", "format_country", "format_language"]

_NBSP = "\u00a0"


def _locale(lang: str) -> str:
    return catalogue(lang).locale


def format_day(value: date, lang: str) -> str:
    """Return e.g. '3 września 2018' / '3 September 2018'."""
    return _format_date(_local_day(value), "long", _locale(lang))


def format_day_long(value: date, lang: str) -> str:
    """Return e.g. 'poniedziałek, 3 września 2018'."""
    return _format_date(_local_day(value), "full", _locale(lang))


def format_month(value: date, lang: str) -> str:
    """Return a stand-alone month heading, e.g. 'wrzesień 2018' / 'September 2018'."""
    return _format_date(_local_day(value), "LLLL y", _locale(lang))


def format_time_of_day(value: datetime, lang: str) -> str:
    """Return the wall-clock time in the value's own zone, e.g. '09:30'."""
    return _format_time(value.hour, value.minute, _locale(lang))


# Every event's days and times are formatted on several pages (schedule, home, its own page) and
# in its feeds, and many share a day: Babel's formatting is done once per value. The keys are the
# local day and clock, never an aware datetime (which compares as an instant: 10:00 in London
# equals 11:00 in Warsaw).
def _local_day(value: date) -> date:
    return date(value.year, value.month, value.day)


@lru_cache(maxsize=16384)
def _format_date(day: date, pattern: str, locale: str) -> str:
    return format_date(day, pattern, locale=locale)


@lru_cache(maxsize=4096)
def _format_time(hour: int, minute: int, locale: str) -> str:
    return format_time(time(hour, minute), "HH:mm", locale=locale)


def format_zone(value: datetime, lang: str) -> str:
    """Return a short zone name readers recognise, e.g. 'GMT+01:00' → 'czas brytyjski letni'."""
    return get_timezone_name(value, "long", locale=_locale(lang))


def format_country(code: str, lang: str) -> str:
    """Return a country's name in the reader's language, e.g. 'GB' → 'Wielka Brytania'."""
    return Locale.parse(_locale(lang)).territories.get(code, code)


def format_language(code: str, lang: str) -> str:
    """Return a language's name in the reader's language, e.g. 'en' → 'angielski'."""
    return Locale.parse(_locale(lang)).languages.get(code, code)


def format_number(value: Decimal | int, lang: str) -> str:
    """Return a number with the language's separators and its minimum grouping."""
    text = format_decimal(value, locale=_locale(lang))
    return _min_grouping(text, lang)


def format_money(amount: Decimal, currency: str, lang: str) -> str:
    """Return e.g. '728 752,08 zł' (U+00A0 separators), '€1,500,000.00' or 'PLN 728,752.08'."""
    loc = _locale(lang)
    symbol = Locale.parse(loc).currency_symbols.get(currency, currency)
    if symbol == currency and _currency_first(loc):
        # Babel gives 'PLN728,752.08' where the language has no symbol for the currency: a space reads better.
        number = format_decimal(amount, format="#,##0.00", locale=loc)
        return _min_grouping(f"{currency}{_NBSP}{number}", lang)
    text = format_currency(amount, currency, locale=loc).replace("\u202f", _NBSP).replace(" ", _NBSP)
    return _min_grouping(text, lang)


@lru_cache(maxsize=32)
def _currency_first(locale: str) -> bool:
    """Say whether the language writes the currency before the amount (en: '€5', pl: '5 €')."""
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    return pattern.lstrip().startswith("\xa4")


def format_percent_value(percent: Decimal, lang: str) -> str:
    """Return a percentage given in per cent units, e.g. 94.29 → '94,29%'."""
    text = format_percent(percent / 100, format="#,##0.##%", locale=_locale(lang))
    return text.replace("\u202f", _NBSP)


def plural_category(count: Decimal | int, lang: str) -> str:
    """Return the CLDR plural category (one, few, many, other) of a number."""
    return Locale.parse(_locale(lang)).plural_form(count)


def format_count(count: Decimal | int, noun: str, lang: str) -> str:
    """Return e.g. '5 wydarzeń', '22 wydarzenia', '1 event' for a noun of the catalogue — never 'wydarzeń: 2'."""
    forms = catalogue(lang).forms(noun)
    word = forms.get(plural_category(count, lang)) or forms["other"]
    return f"{format_number(count, lang)}{_NBSP}{word}"


def format_quantity(count: Decimal | int, unit: Unit, lang: str) -> str:
    """Return a result's count in its unit, e.g. '12 osób', '6 estates'."""
    return f"{format_number(count, lang)}{_NBSP}{unit.word(lang, plural_category(count, lang))}"


@lru_cache(maxsize=32)
def _grouping(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of a four-digit integer part with one group separator, where CLDR writes none."""
    if catalogue(lang).minimum_grouping_digits < 2:
        return None
    group = re.escape(Locale.parse(_locale(lang)).number_symbols["latn"]["group"])
    return re.compile(rf"(?<![\d{group}])(\d){group}(\d{{3}})(?![{group}\d])")


def _min_grouping(text: str, lang: str) -> str:
    """Apply CLDR minimumGroupingDigits=2: '7 287' → '7287', '72 870' stays."""
    pattern = _grouping(lang)
    return pattern.sub(r"\1\2", text, count=1) if pattern else text
