"""Content lines written directly must be byte for byte what icalendar writes for the same value."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings, strategies as st
from icalendar import vDDDTypes, vDuration, vText, vUri
from icalendar.parser import Contentline, Parameters

from microsite.render.contentline import content_line, date_value, datetime_value, duration_value, escape_text

# Letters of one to four UTF-8 octets, and every character TEXT escaping or folding treats specially.
TEXT = st.lists(st.sampled_from(list("aZ09 :;,\\^\"'\r\nNżółćęśąźń€😀–") + ["\\N"]), max_size=240).map("".join)


def by_icalendar(name: str, value, params: dict[str, str] | None = None) -> bytes:
    return Contentline.from_parts(name, Parameters(params or {}), value).to_ical() + b"\r\n"


@settings(max_examples=400)
@given(TEXT, st.sampled_from(["SUMMARY", "DESCRIPTION", "X-WR-CALNAME"]))
def test_text_lines_escape_and_fold_as_icalendar_does(text, name):
    assert content_line(name, escape_text(text)) == by_icalendar(name, vText(text))


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(list("az/:?=&%.,;-_ żó\\")), max_size=200))
def test_uri_lines_fold_as_icalendar_does_without_escaping(uri):
    assert content_line("URL", uri) == by_icalendar("URL", vUri(uri))


@given(st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31)),
       st.sampled_from(["Europe/Warsaw", "Europe/London", "America/Argentina/Buenos_Aires", "Etc/GMT+5"]))
def test_local_and_utc_times_and_dates_as_icalendar_writes_them(when, tzid):
    local = when.replace(tzinfo=ZoneInfo(tzid), microsecond=0)
    value = vDDDTypes(local)
    assert content_line("DTSTART", datetime_value(local), f";TZID={tzid}") == by_icalendar("DTSTART", value,
                                                                                        dict(value.params))
    utc = when.replace(tzinfo=timezone.utc, microsecond=0)
    assert content_line("DTSTAMP", datetime_value(utc, utc=True)) == by_icalendar("DTSTAMP", vDDDTypes(utc))
    day = vDDDTypes(when.date())
    assert content_line("DTSTART", date_value(when.date()), ";VALUE=DATE") == by_icalendar("DTSTART", day,
                                                                                         dict(day.params))


@given(st.timedeltas(min_value=-timedelta(days=400), max_value=timedelta(days=400)))
def test_durations_as_icalendar_writes_them(span):
    span = timedelta(days=span.days, seconds=span.seconds)  # icalendar ignores microseconds
    assert duration_value(span) == vDuration(span).to_ical().decode()


@pytest.mark.parametrize("filler", ["a", "ż", "€", "😀"])
def test_every_fold_point_with_an_escape_or_caret_before_it(filler):
    # An escape (or a caret) at every octet offset, after letters of every UTF-8 length.
    for pad in range(80):
        text = filler * (pad // len(filler.encode())) + "x" * (pad % len(filler.encode())) + ",;\\^" * 40
        assert content_line("SUMMARY", escape_text(text)) == by_icalendar("SUMMARY", vText(text)), pad


def test_a_fold_never_splits_a_letter_or_an_escape():
    line = content_line("SUMMARY", escape_text("ż" * 36 + "a,b" + "ó" * 40))
    assert line == by_icalendar("SUMMARY", vText("ż" * 36 + "a,b" + "ó" * 40))
    pieces = line[:-2].split(b"\r\n ")
    # RFC 5545 3.1: at most 75 octets a line; a continuation line's leading space is one of them.
    assert len(pieces[0]) <= 75 and all(len(piece) <= 74 for piece in pieces[1:]) and len(pieces) > 1
    # Every piece is whole UTF-8 on its own (a split letter would raise here), and together they are the line.
    assert "".join(piece.decode("utf-8") for piece in pieces) == "SUMMARY:" + "ż" * 36 + "a\\,b" + "ó" * 40
    assert not any(piece.endswith(b"\\") for piece in pieces[:-1])  # nor an escape ('\\,' stays whole)
    assert date_value(date(2019, 3, 27)) == "20190327"
