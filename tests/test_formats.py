"""Polish and English formats through CLDR, pinned to the exact strings readers see."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from microsite import formats
from microsite.vocabulary import built_in_vocabulary
from microsite.vocabulary import built_in_vocabulary

NBSP = "\u00a0"


def test_polish_money_uses_nbsp_groups_and_decimal_comma():
    assert formats.format_money(Decimal("728752.08"), "PLN", "pl") == f"728{NBSP}752,08{NBSP}zł"
    assert formats.format_money(Decimal("772883.74"), "PLN", "pl") == f"772{NBSP}883,74{NBSP}zł"


@pytest.mark.parametrize("amount,expected", [
    ("7287", f"7287,00{NBSP}zł"),              # CLDR minimumGroupingDigits=2: no separator in 4 digits
    ("72870.5", f"72{NBSP}870,50{NBSP}zł"),
    ("1500000", f"1{NBSP}500{NBSP}000,00{NBSP}zł"),
    ("999", f"999,00{NBSP}zł"),
])
def test_polish_minimum_grouping_digits(amount, expected):
    assert formats.format_money(Decimal(amount), "PLN", "pl") == expected


def test_english_zloty_reads_well():
    assert formats.format_money(Decimal("728752.08"), "PLN", "en") == f"PLN{NBSP}728,752.08"
    assert formats.format_money(Decimal("1500000"), "EUR", "en") == "€1,500,000.00"


def test_long_dates_in_both_languages():
    assert formats.format_day(date(2018, 9, 3), "pl") == "3 września 2018"
    assert formats.format_day(date(2018, 9, 3), "en") == "3 September 2018"
    assert formats.format_day_long(date(2018, 9, 3), "pl") == "poniedziałek, 3 września 2018"
    assert formats.format_month(date(2018, 9, 3), "pl") == "wrzesień 2018"


@pytest.mark.parametrize("count,expected", [
    (1, "1 wydarzenie"), (2, "2 wydarzenia"), (4, "4 wydarzenia"), (5, "5 wydarzeń"), (12, "12 wydarzeń"),
    (14, "14 wydarzeń"), (22, "22 wydarzenia"), (0, "0 wydarzeń"), (Decimal("1.5"), "1,5 wydarzenia"),
])
def test_polish_plurals(count, expected):
    assert formats.format_count(count, "event", "pl") == expected.replace(" ", NBSP)


def test_english_plurals_and_irregular_units():
    person = {unit.id: unit for unit in built_in_vocabulary(("pl", "en")).units}["person"]
    assert formats.format_quantity(1, person, "en") == f"1{NBSP}person"
    assert formats.format_quantity(12, person, "en") == f"12{NBSP}people"
    assert formats.format_quantity(5, person, "pl") == f"5{NBSP}osób"


def test_percent_and_zone_names():
    assert formats.format_percent_value(Decimal("94.29"), "pl") == "94,29%"
    assert formats.format_percent_value(Decimal("94.29"), "en") == "94.29%"
    visit = datetime(2018, 10, 23, 9, 30, tzinfo=ZoneInfo("Europe/London"))
    assert formats.format_zone(visit, "en") == "British Summer Time"
    assert formats.format_time_of_day(visit, "pl") == "09:30"


def test_the_same_instant_in_two_zones_keeps_each_zones_day_and_clock():
    # Formatting is cached; aware datetimes of one instant are equal, so the cache must key on the local values.
    london = datetime(2019, 3, 30, 23, 30, tzinfo=ZoneInfo("Europe/London"))
    warsaw = london.astimezone(ZoneInfo("Europe/Warsaw"))
    assert london == warsaw
    assert (formats.format_time_of_day(london, "pl"), formats.format_time_of_day(warsaw, "pl")) == ("23:30", "00:30")
    assert (formats.format_day(london, "en"), formats.format_day(warsaw, "en")) == ("30 March 2019", "31 March 2019")
    assert formats.format_day_long(warsaw, "pl") == "niedziela, 31 marca 2019"
