"""The loaded site as a cache key: equal data, equal key; any change, another key."""

from __future__ import annotations

from dataclasses import replace

from conftest_site import DEMO
from microsite.load import load_site


def test_the_same_data_loaded_twice_is_one_key_and_a_changed_site_another() -> None:
    first, _ = load_site(DEMO)
    second, _ = load_site(DEMO)
    assert first == second and hash(first) == hash(second)
    hash(first)  # a hash worked out before the change must not stick to the changed copy
    fewer = replace(first, events=first.events[1:])
    assert fewer != first and hash(fewer) != hash(first)
    assert len({first: 1, second: 2, fewer: 3}) == 2
