"""The public API contract: every name behaves as documented."""

from __future__ import annotations

import datetime as dt

import pytest

import rok_ca_forum as rcf
from rok_ca_forum import Format, Level, Status


def test_editions_iterate_in_number_order_and_cover_1_to_18() -> None:
    numbers = [e.number for e in rcf.editions]
    assert numbers == list(range(1, 19))
    assert len(rcf.editions) == 18
    assert 12 in rcf.editions
    assert 0 not in rcf.editions
    assert "12" not in rcf.editions
    assert rcf.editions[12] in rcf.editions


def test_getitem_returns_the_edition() -> None:
    e = rcf.editions[12]
    assert isinstance(e, rcf.Edition)
    assert (e.number, e.year, e.city) == (12, 2019, "Nur-Sultan")
    assert e.host is rcf.countries["KZ"]
    assert e.level is Level.MINISTERIAL
    assert e.format is Format.IN_PERSON
    assert e.status is Status.HELD
    assert e.start_date == dt.date(2019, 10, 16)
    assert e.participants == 100


@pytest.mark.parametrize("number", [0, -1, 19, 10**30])
def test_getitem_unknown_number(number: int) -> None:
    with pytest.raises(rcf.EditionNotFoundError, match=r"editions run from 1 to 18"):
        rcf.editions[number]


@pytest.mark.parametrize("key", ["12", 12.0, True, False, None, b"12", (12,)])
def test_getitem_rejects_non_int(key: object) -> None:
    with pytest.raises(TypeError, match="edition number"):
        rcf.editions[key]  # type: ignore[index]
    with pytest.raises(rcf.RokCaForumError):
        rcf.editions[key]  # type: ignore[index]


def test_get_by_number_year_and_default() -> None:
    assert rcf.editions.get(12) is rcf.editions[12]
    assert rcf.editions.get(year=2019) is rcf.editions[12]
    assert rcf.editions.get(99) is None
    assert rcf.editions.get(year=2017) is None  # no forum met in 2017
    sentinel = rcf.editions[1]
    assert rcf.editions.get(99, default=sentinel) is sentinel
    assert rcf.editions.get(year=2017, default=sentinel) is sentinel


def test_get_needs_exactly_one_key() -> None:
    with pytest.raises(ValueError, match="needs an edition number or year="):
        rcf.editions.get()  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="not both"):
        rcf.editions.get(12, year=2019)  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        rcf.editions.get(year="2019")  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "name", [12, "12", "12th", "twelfth", "Twelfth", " TWELFTH ", "the 12th forum", "12 th"]
)
def test_lookup_spellings(name: int | str) -> None:
    assert rcf.editions.lookup(name).number == 12


def test_lookup_compound_ordinals() -> None:
    assert rcf.editions.lookup("seventeenth").number == 17
    assert rcf.editions.lookup("1st").number == 1
    assert rcf.editions.lookup("eighteenth").status is Status.PLANNED


def test_lookup_suggests() -> None:
    with pytest.raises(rcf.EditionNotFoundError, match="did you mean") as info:
        rcf.editions.lookup("twelth")
    assert "twelfth" in info.value.suggestions


def test_latest_is_the_17th() -> None:
    assert rcf.editions.latest().number == 17
    assert rcf.editions.latest().status is Status.HELD


def test_filter_by_host_accepts_codes_names_and_aliases() -> None:
    korea = [e.number for e in rcf.editions.filter(host="KR")]
    for alias in ("KOR", "ROK", "South Korea", "Republic of Korea", "korea", rcf.countries["KR"]):
        assert [e.number for e in rcf.editions.filter(host=alias)] == korea
    assert [e.number for e in rcf.editions.filter(host="Kyrgyz Republic")] == [7]
    assert [e.number for e in rcf.editions.filter(host="Kirghizia")] == [7]


def test_filter_ands_criteria_and_keeps_order() -> None:
    found = rcf.editions.filter(host="KR", level="ministerial", since=2013)
    assert [e.number for e in found] == [13, 15, 17]
    assert all(e.host and e.host.alpha_2 == "KR" for e in found)
    assert isinstance(found, tuple)


def test_filter_by_year_range_status_and_format() -> None:
    assert [e.number for e in rcf.editions.filter(year=2019)] == [12]
    assert [e.number for e in rcf.editions.filter(since=2023, until=2024)] == [16, 17]
    assert [e.number for e in rcf.editions.filter(status="planned")] == [18]
    assert [e.number for e in rcf.editions.filter(format=Format.HYBRID)] == [13]
    assert rcf.editions.filter() == tuple(rcf.editions)


def test_filter_by_theme_and_head() -> None:
    water = [e.number for e in rcf.editions.filter(theme="water")]
    assert 12 in water
    assert water == [e.number for e in rcf.editions.filter(theme="water-resources")]
    assert water == [e.number for e in rcf.editions.filter(theme=rcf.themes["water-resources"])]
    tleuberdi = [e.number for e in rcf.editions.filter(head="Tileuberdi")]
    assert tleuberdi == [e.number for e in rcf.editions.filter(head="Mukhtar Tleuberdi")]
    assert {12, 13, 15} <= set(tleuberdi)


def test_filter_by_participating_country() -> None:
    found = rcf.editions.filter(country="TM")
    assert all(e.delegation("TM") is not None for e in found)
    assert 12 in [e.number for e in found]


@pytest.mark.parametrize(
    ("criterion", "error"),
    [
        ({"host": "XX"}, rcf.CountryNotFoundError),
        ({"country": "France"}, rcf.CountryNotFoundError),
        ({"theme": "space travel"}, rcf.ThemeNotFoundError),
        ({"head": "Nobody Atall"}, rcf.PersonNotFoundError),
    ],
)
def test_filter_unknown_reference_raises_not_empty(criterion: dict[str, str], error: type) -> None:
    with pytest.raises(error):
        rcf.editions.filter(**criterion)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "criterion", [{"level": "super"}, {"format": "telepathy"}, {"status": "x"}]
)
def test_filter_invalid_enum_value_lists_valid_ones(criterion: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="valid:") as info:
        rcf.editions.filter(**criterion)  # type: ignore[arg-type]
    assert isinstance(info.value, rcf.RokCaForumError)


def test_search_is_case_and_accent_insensitive_and_deterministic() -> None:
    first = rcf.editions.search("water")
    assert first and first[0].number == 12
    assert rcf.editions.search("WATER") == first
    assert rcf.editions.search("wáter") == first
    assert rcf.editions.search("water") == first


def test_search_finds_people_and_places() -> None:
    assert 7 in [e.number for e in rcf.editions.search("Bishkek")]
    assert 12 in [e.number for e in rcf.editions.search("kang kyung-wha")]


def test_search_treats_text_literally() -> None:
    assert rcf.editions.search(".*") == ()
    assert rcf.editions.search("[a-z]+") == ()


def test_search_rejects_empty_text() -> None:
    with pytest.raises(ValueError, match="empty"):
        rcf.editions.search("   ")


def test_delegation_and_titles() -> None:
    e = rcf.editions[12]
    assert e.ordinal == "12th"
    assert e.title == "12th ROK–Central Asia Cooperation Forum"
    kz = e.delegation("KZ")
    assert kz is not None and kz.head is not None
    assert kz.head.name == "Mukhtar Tleuberdi"
    assert e.delegation(rcf.countries["KZ"]) is kz
    assert e.delegation("KAZ") is kz
    with pytest.raises(rcf.CountryNotFoundError):
        e.delegation("FR")


def test_who_led_tajikistan_in_2021() -> None:
    edition = rcf.editions.get(year=2021)
    assert edition is not None
    delegation = edition.delegation("TJ")
    assert delegation is not None and delegation.head is not None
    assert delegation.head.name == "Sirojiddin Muhriddin"


def test_countries_collection() -> None:
    assert [c.alpha_2 for c in rcf.countries] == ["KR", "KZ", "KG", "TJ", "TM", "UZ"]
    assert rcf.countries["KZ"].name == "Kazakhstan"
    assert rcf.countries["kz"] is rcf.countries["KAZ"]
    assert rcf.countries.lookup("Kyrgyz Republic").alpha_2 == "KG"
    assert rcf.countries.lookup("South Korea").alpha_2 == "KR"
    assert rcf.countries.lookup("417").alpha_2 == "KG"
    assert "KZ" in rcf.countries and "FR" not in rcf.countries
    with pytest.raises(rcf.CountryNotFoundError, match="did you mean"):
        rcf.countries.lookup("Kyrgistan")
    with pytest.raises(KeyError):
        rcf.countries["FR"]


def test_themes_collection() -> None:
    assert rcf.themes["water-resources"].label == "Water resources"
    assert rcf.themes.lookup("Water").slug == "water-resources"
    assert rcf.themes.lookup("Water resources").slug == "water-resources"
    with pytest.raises(rcf.ThemeNotFoundError):
        rcf.themes["nope"]


def test_people_collection_unifies_spellings() -> None:
    p = rcf.people.lookup("Mukhtar Tileuberdi")
    assert p is rcf.people["mukhtar-tleuberdi"]
    assert rcf.people.lookup("Kazakbayev") is rcf.people.lookup("Ruslan Kazakbaev")
    assert rcf.people.lookup("Mukhriddin") is rcf.people.lookup("Muhriddin")
    with pytest.raises(rcf.PersonNotFoundError):
        rcf.people.lookup("Nobody Atall")


def test_load_returns_the_bundled_dataset() -> None:
    ds = rcf.load()
    assert ds is rcf.load()
    assert ds.editions is rcf.editions
    assert ds.countries is rcf.countries
    assert ds.themes is rcf.themes


def test_load_from_a_directory(data_copy: object) -> None:
    ds = rcf.load(data_copy)  # type: ignore[arg-type]
    assert ds is not rcf.load()
    assert [e.number for e in ds.editions] == [e.number for e in rcf.editions]
    assert ds.editions[12] == rcf.editions[12]


def test_versions() -> None:
    assert rcf.__version__.count(".") == 2
    assert rcf.DATA_VERSION.count(".") in (2, 3)
    assert isinstance(rcf.DATA_AS_OF, dt.date)


def test_round_trip_every_edition() -> None:
    for e in rcf.editions:
        data = rcf.to_dict(e)
        assert rcf.from_dict(rcf.Edition, data) == e
        assert rcf.from_dict(rcf.Edition, __import__("json").loads(rcf.to_json(e))) == e


def test_to_dict_matches_the_bundled_file() -> None:
    from tests.helpers import DATA_DIR, read

    for e in rcf.editions:
        assert rcf.to_dict(e) == read(DATA_DIR / "editions" / f"{e.number:02d}.json")


def test_to_dict_of_collections() -> None:
    rows = rcf.to_dict(rcf.editions.filter(host="KZ"))
    assert [r["number"] for r in rows] == [12]
    with pytest.raises(TypeError):
        rcf.to_dict("not a record")  # type: ignore[arg-type]


def test_from_dict_names_the_bad_field() -> None:
    data = rcf.to_dict(rcf.editions[7])
    data["delegations"][2]["country"] = "XX"
    with pytest.raises(rcf.DataValidationError, match=r"delegations\[2\]\.country") as info:
        rcf.from_dict(rcf.Edition, data)
    assert "'XX' is not a member state" in str(info.value)


def test_models_are_frozen() -> None:
    import attrs

    e = rcf.editions[12]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        e.city = "Astana"  # type: ignore[misc]
    assert isinstance(e.delegations, tuple)
    assert isinstance(e.sources, tuple)


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute"):
        rcf.nonexistent  # noqa: B018


def test_search_matches_at_word_starts_and_covers_facts() -> None:
    assert rcf.editions.search("hybrid")[0].number == 13  # the format is searchable
    assert 3 not in [e.number for e in rcf.editions.search("ict")]  # not inside "district"
    assert [e.number for e in rcf.editions.search("kyung-wha")] == [12, 13]
    assert 18 in [e.number for e in rcf.editions.search("planned")]
