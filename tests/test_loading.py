"""Loading a data directory: all of it or a precise error, never half a dataset."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import rok_ca_forum as rcf
from rok_ca_forum import DataValidationError

Edit = Callable[[str, Callable[[Any], Any]], Path]


def _set(key: str, value: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        data[key] = value

    return change


def _del(key: str) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        del data[key]

    return change


@pytest.mark.parametrize(
    ("file", "change", "path", "problem"),
    [
        ("editions/07.json", _set("year", "2013"), "editions/07.json: year", "expected an integer"),
        ("editions/07.json", _set("year", True), "editions/07.json: year", "expected an integer"),
        ("editions/07.json", _set("city", 7), "editions/07.json: city", "expected a string"),
        ("editions/07.json", _del("year"), "editions/07.json: year", "required field missing"),
        (
            "editions/07.json",
            _set("level", "super"),
            "editions/07.json: level",
            "valid: 'ministerial'",
        ),
        (
            "editions/07.json",
            _set("format", "zoom"),
            "editions/07.json: format",
            "not a valid Format",
        ),
        (
            "editions/07.json",
            _set("status", "maybe"),
            "editions/07.json: status",
            "not a valid Status",
        ),
        ("editions/07.json", _set("host", "XX"), "editions/07.json: host", "not a member state"),
        (
            "editions/07.json",
            _set("themes", ["space"]),
            "editions/07.json: themes[0]",
            "theme slug",
        ),
        (
            "editions/07.json",
            _set("themes", "forestry"),
            "editions/07.json: themes",
            "expected a list",
        ),
        ("editions/07.json", _set("start_date", "2013-13-01"), "editions/07.json: start_date", ""),
        (
            "editions/07.json",
            _set("start_date", "4 Oct 2013"),
            "editions/07.json: start_date",
            "YYYY-MM-DD",
        ),
        (
            "editions/07.json",
            _set("start_date", "2014-10-04"),
            "editions/07.json: start_date",
            "not in the edition's year",
        ),
        (
            "editions/07.json",
            _set("end_date", "2013-10-01"),
            "editions/07.json: start_date",
            "is after end_date",
        ),
        (
            "editions/07.json",
            _set("number", 8),
            "editions/07.json: number",
            "does not match the file name",
        ),
        ("editions/07.json", _set("colour", "red"), "editions/07.json: (top level)", "colour"),
        (
            "editions/07.json",
            _set("participants", -5),
            "editions/07.json: participants",
            "below the minimum 1",
        ),
        ("countries.json", lambda d: d.append(d[0]), "countries.json: [6]", "duplicate key 'KR'"),
        (
            "people.json",
            lambda d: d[0].__delitem__("name"),
            "people.json: [0].name",
            "required field missing",
        ),
        ("themes.json", lambda d: {"x": d}, "themes.json: (top level)", "expected a list"),
    ],
)
def test_broken_data_is_refused_with_file_and_field(
    edit: Edit, file: str, change: Callable[[Any], Any], path: str, problem: str
) -> None:
    root = edit(file, change)
    with pytest.raises(DataValidationError) as info:
        rcf.load(root)
    assert info.value.path == path
    assert problem in str(info.value)


def test_dangling_person_reference(edit: Edit) -> None:
    def change(data: Any) -> None:
        data["delegations"][0]["head"] = "no-such-person"

    root = edit("editions/12.json", change)
    with pytest.raises(DataValidationError, match=r"delegations\[0\]\.head: 'no-such-person'"):
        rcf.load(root)


def test_dangling_country_in_delegation(edit: Edit) -> None:
    def change(data: Any) -> None:
        data["delegations"][2]["country"] = "XX"

    root = edit("editions/07.json", change)
    with pytest.raises(DataValidationError) as info:
        rcf.load(root)
    expected = "editions/07.json: delegations[2].country: 'XX' is not a member state"
    assert str(info.value) == expected + " (see countries.json)"


def test_discrepancy_pointing_at_an_unknown_source(edit: Edit) -> None:
    def change(data: Any) -> None:
        data["discrepancies"][0]["alternatives"][0]["sources"] = ["https://example.org/nowhere"]

    root = edit("editions/12.json", change)
    with pytest.raises(DataValidationError, match=r"is not a source key \(see sources.json\)"):
        rcf.load(root)


def test_citations_of_an_unknown_field_are_refused(edit: Edit) -> None:
    def change(data: Any) -> None:
        data["weather_sources"] = ["mofa-320762"]

    with pytest.raises(DataValidationError, match=r"unknown field\(s\): weather_sources"):
        rcf.load(edit("editions/12.json", change))


def test_invalid_json(data_copy: Path) -> None:
    (data_copy / "editions" / "03.json").write_text('{"number": 3,', encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"editions/03.json: line 1 column"):
        rcf.load(data_copy)


def test_not_utf8(data_copy: Path) -> None:
    (data_copy / "themes.json").write_bytes('[{"slug": "caf\xe9"}]'.encode("latin-1"))
    with pytest.raises(DataValidationError, match="themes.json: not UTF-8"):
        rcf.load(data_copy)


def test_duplicate_json_key(data_copy: Path) -> None:
    (data_copy / "themes.json").write_text('[{"slug": "a", "slug": "b"}]', encoding="utf-8")
    with pytest.raises(DataValidationError, match="duplicate key 'slug'"):
        rcf.load(data_copy)


def test_nan_is_not_json(data_copy: Path) -> None:
    path = data_copy / "editions" / "03.json"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"participants": null', '"participants": NaN')
    )
    with pytest.raises(DataValidationError, match="NaN is not valid JSON"):
        rcf.load(data_copy)


def test_missing_edition_number(data_copy: Path) -> None:
    (data_copy / "editions" / "05.json").unlink()
    with pytest.raises(DataValidationError, match=r"missing \[5\]"):
        rcf.load(data_copy)


def test_duplicate_edition_number(data_copy: Path) -> None:
    (data_copy / "editions" / "5.json").write_bytes(
        (data_copy / "editions" / "05.json").read_bytes()
    )
    with pytest.raises(DataValidationError, match="edition 5 is also in"):
        rcf.load(data_copy)


def test_badly_named_edition_file(data_copy: Path) -> None:
    (data_copy / "editions" / "extra.json").write_text("{}", encoding="utf-8")
    with pytest.raises(
        DataValidationError, match="editions/extra.json: edition files are named NN.json"
    ):
        rcf.load(data_copy)


def test_missing_vocabulary_file(data_copy: Path) -> None:
    (data_copy / "people.json").unlink()
    with pytest.raises(DataValidationError, match="people.json: file is missing"):
        rcf.load(data_copy)


def test_empty_and_missing_directories(tmp_path: Path) -> None:
    with pytest.raises(DataValidationError, match="countries.json: file is missing"):
        rcf.load(tmp_path)
    with pytest.raises(DataValidationError, match="not a directory"):
        rcf.load(tmp_path / "absent")
    with pytest.raises(DataValidationError, match="not a usable directory path"):
        rcf.load("   ")


def test_editions_directory_missing(data_copy: Path) -> None:
    for path in (data_copy / "editions").iterdir():
        path.unlink()
    with pytest.raises(DataValidationError, match="no edition files found"):
        rcf.load(data_copy)


@pytest.mark.parametrize("bad", [12, 1.5, b"/tmp", None, ["data"]])
def test_load_rejects_non_paths(bad: Any) -> None:
    if bad is None:  # load(None) is the bundled dataset, by design
        assert rcf.load(bad) is rcf.load()
        return
    with pytest.raises(TypeError, match="directory path"):
        rcf.load(bad)


def test_failed_load_leaves_the_bundled_data_alone(edit: Edit) -> None:
    before = rcf.to_dict(rcf.editions[12])
    root = edit("editions/12.json", _set("host", "XX"))
    with pytest.raises(DataValidationError):
        rcf.load(root)
    assert rcf.to_dict(rcf.editions[12]) == before
    assert rcf.load() is rcf.load()


def test_load_accepts_pathlike(data_copy: Path) -> None:
    assert len(rcf.load(os.fspath(data_copy)).editions) == len(rcf.editions)


def test_one_builder_serves_the_bundled_data_a_directory_and_from_dict(data_copy: Path) -> None:
    from rok_ca_forum import loading

    bundled = rcf.load()
    assert "_dataset" in loading._build_bundled.__code__.co_names  # the same build as load(path)
    copied = rcf.load(data_copy)
    for mine, theirs in zip(bundled.editions, copied.editions, strict=True):
        assert mine == theirs == rcf.from_dict(rcf.Edition, rcf.to_dict(mine))
    for record in (*bundled.people, *bundled.bodies, bundled.secretariat):
        assert rcf.from_dict(type(record), rcf.to_dict(record)) == record
    assert list(bundled.sources) == list(copied.sources)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.append({**d[0], "key": "new-1", "url": ""}), r"not an http\(s\) URL"),
        (lambda d: d.append({**d[0], "key": "new-2", "url": "ftp://x"}), "not an http"),
        (lambda d: d.append({**d[0], "key": "new-3"}), "duplicate url"),
        (lambda d: d.append({**d[0], "url": "https://example.org/x"}), "duplicate key"),
    ],
)
def test_source_urls_and_keys_are_checked(
    edit: Edit, change: Callable[[Any], Any], problem: str
) -> None:
    with pytest.raises(DataValidationError, match=problem):
        rcf.load(edit("sources.json", change))


def test_countries_must_be_the_six_member_states(edit: Edit) -> None:
    france = {"alpha_2": "FR", "alpha_3": "FRA", "numeric": "250", "name": "France",
              "official_name": "French Republic", "aliases": []}  # fmt: skip
    with pytest.raises(DataValidationError, match="is not one of KR"):
        rcf.load(edit("countries.json", lambda d: d.append(france)))


def test_from_dict_applies_the_edition_rules() -> None:
    data = rcf.to_dict(rcf.editions[12])
    data["start_date"], data["end_date"] = "2019-10-17", "2019-10-16"
    with pytest.raises(DataValidationError, match="is after end_date"):
        rcf.from_dict(rcf.Edition, data)
    data = rcf.to_dict(rcf.editions[12])
    data["participants"] = -5
    with pytest.raises(DataValidationError, match="below the minimum 1"):
        rcf.from_dict(rcf.Edition, data)


def test_from_dict_of_sub_records_round_trips() -> None:
    edition = rcf.editions[12]
    d = edition.discrepancies[0]
    assert rcf.from_dict(rcf.Discrepancy, rcf.to_dict(d)) == d  # keys resolve in rcf.sources
    assert rcf.from_dict(rcf.Discrepancy, rcf.to_dict(d), sources=edition.sources) == d
    for record in (edition.delegations[0], edition.deliverables[0], edition.sources[0]):
        assert rcf.from_dict(type(record), rcf.to_dict(record)) == record
