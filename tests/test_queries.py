"""The queries analysts ask: any-of lists, cities, who led what, editions by year."""

from __future__ import annotations

from typing import Any

import pytest

import rok_ca_forum as rcf

E = rcf.editions


def _numbers(found: tuple[rcf.Edition, ...]) -> list[int]:
    return [e.number for e in found]


@pytest.mark.parametrize(
    ("criterion", "values"),
    [
        ("theme", ["water-resources", "energy"]),
        ("host", ["KZ", "UZ"]),
        ("country", ("TJ", "Turkmenistan")),
        ("status", ["held", "planned"]),
        ("level", {"ministerial", "vice-ministerial"}),
        ("head", ["Tileuberdi", "kamilov"]),
        ("city", ["Seoul", "Bishkek"]),
        ("year", [2019, 2021]),
    ],
)
def test_a_list_means_any_of_its_values(criterion: str, values: Any) -> None:
    def found(value: Any) -> list[int]:
        return _numbers(E.filter(**{criterion: value}))

    union = sorted({n for v in values for n in found(v)})
    assert found(values) == union
    assert len(union) >= max(len(found(v)) for v in values) > 0


def test_lists_and_criteria_combine() -> None:
    found = E.filter(theme=["water-resources", "energy"], host=["KZ", "KR"], since=2019)
    assert all(e.host and e.host.alpha_2 in ("KZ", "KR") and e.year >= 2019 for e in found)
    assert found and all({t.slug for t in e.themes} & {"water-resources", "energy"} for e in found)


def test_city_is_a_criterion_ignoring_case_and_accents() -> None:
    assert _numbers(E.filter(city="nur-sultan")) == [12]
    assert _numbers(E.filter(city="BISHKEK")) == [7]


def test_country_means_sent_a_delegation() -> None:
    assert "sent a delegation" in (E.filter.__doc__ or "")
    sent = E.filter(country="TJ")
    assert all(e.delegation("TJ") is not None for e in sent)
    assert len(sent) > len(E.filter(host="TJ"))


def test_led_by_gives_the_editions_a_person_led() -> None:
    person = rcf.people.lookup("Tileuberdi")
    found = E.led_by(person)
    assert found == E.led_by("mukhtar-tleuberdi") == E.filter(head=person)
    assert isinstance(found, rcf.EditionResults)
    assert all(any(d.head == person for d in e.delegations) for e in found)
    led = {e.number for e in E if any(d.head == person for d in e.delegations)}
    assert set(_numbers(found)) == led


def test_a_year_finds_its_edition_since_numbers_and_years_never_overlap() -> None:
    assert max(e.number for e in E) < min(e.year for e in E)
    assert E.lookup(2019) is E.lookup("2019") is E[12]
    with pytest.raises(rcf.EditionNotFoundError):
        E.lookup(2017)  # no forum met in 2017
