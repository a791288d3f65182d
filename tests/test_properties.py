"""Properties that hold for any input, checked with hypothesis."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rok_ca_forum as rcf
from rok_ca_forum._text import ORDINAL_WORDS, fold, ordinal

NUMBERS = st.integers(min_value=1, max_value=len(rcf.editions))


@given(NUMBERS)
def test_every_spelling_of_a_number_finds_that_edition(n: int) -> None:
    words = [w for w, k in ORDINAL_WORDS.items() if k == n]
    assert rcf.editions.lookup(n).number == n
    for name in (str(n), ordinal(n), ordinal(n).upper(), f" the {ordinal(n)} forum ", *words):
        assert rcf.editions.lookup(name).number == n


@given(st.integers())
def test_getitem_either_finds_or_raises_not_found(n: int) -> None:
    if 1 <= n <= len(rcf.editions):
        assert rcf.editions[n].number == n
    else:
        shown = str(n) if abs(n) < 10**18 else "bits"
        with pytest.raises(rcf.EditionNotFoundError, match=shown):
            rcf.editions[n]


@given(st.text(max_size=60))
def test_search_never_fails_unexpectedly_and_is_stable(text: str) -> None:
    try:
        first = rcf.editions.search(text)
    except rcf.InvalidArgumentError:
        assert not fold(text).split()
        return
    assert rcf.editions.search(text) == first
    assert len({e.number for e in first}) == len(first)


@given(st.text(max_size=40))
def test_lookups_raise_only_documented_errors(text: str) -> None:
    for collection in (rcf.countries, rcf.themes, rcf.people):
        with contextlib.suppress(rcf.NotFoundError):
            collection.lookup(text)
    with contextlib.suppress(rcf.EditionNotFoundError):
        rcf.editions.lookup(text)


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@settings(max_examples=25)
@given(st.sampled_from(list(rcf.editions)))
def test_json_round_trip(edition: rcf.Edition) -> None:
    assert rcf.from_dict(rcf.Edition, json.loads(rcf.to_json(edition))) == edition


@given(
    st.sampled_from([None, "KR", "KZ", "KG", "TJ", "TM", "UZ"]),
    st.sampled_from([None, "ministerial", "vice-ministerial"]),
    st.sampled_from([None, 2010, 2015, 2020]),
)
def test_filter_is_the_intersection_of_single_filters(
    host: str | None, level: str | None, since: int | None
) -> None:
    combined = set(rcf.editions.filter(host=host, level=level, since=since))
    expected = set(rcf.editions)
    if host:
        expected &= set(rcf.editions.filter(host=host))
    if level:
        expected &= set(rcf.editions.filter(level=level))
    if since:
        expected &= set(rcf.editions.filter(since=since))
    assert combined == expected
