"""The shipped JSON Schemas: fresh, accepting all bundled data, rejecting broken data."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import attrs
import jsonschema
import pytest

import rok_ca_forum as rcf
from rok_ca_forum import schema
from tests.helpers import DATA_DIR, read

SCHEMA_DIR = DATA_DIR / "schema"
FILES = {
    "countries.json": "countries.schema.json",
    "themes.json": "themes.schema.json",
    "people.json": "people.schema.json",
    "secretariat.json": "secretariat.schema.json",
    "bodies.json": "bodies.schema.json",
    **{f"editions/{p.name}": "edition.schema.json" for p in (DATA_DIR / "editions").glob("*.json")},
}


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        read(SCHEMA_DIR / name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_shipped_schemas_are_generated_from_the_models() -> None:
    generated = schema.schemas(rcf.load())
    shipped = {p.name for p in SCHEMA_DIR.glob("*.json")}
    assert shipped == set(generated)
    for name, document in generated.items():
        text = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert text == schema.render(document), (
            f"{name} is stale: run python -m rok_ca_forum.schema"
        )


def test_schemas_are_valid_draft_2020_12() -> None:
    for path in SCHEMA_DIR.glob("*.json"):
        jsonschema.Draft202012Validator.check_schema(read(path))


@pytest.mark.parametrize("file", sorted(FILES))
def test_schema_accepts_bundled_data(file: str) -> None:
    validator(FILES[file]).validate(read(DATA_DIR / file))


def test_schema_fields_match_model_fields() -> None:
    from rok_ca_forum.provenance import PROVENANCE

    edition = read(SCHEMA_DIR / "edition.schema.json")
    facts = {f.name for f in attrs.fields(rcf.Edition) if f.init} - PROVENANCE
    described = set(edition["properties"])
    assert facts <= described  # and beside each fact, its citations and inference
    assert {k.rpartition("_")[0] for k in described - facts} <= facts
    assert {k.rpartition("_")[2] for k in described - facts} == {"sources", "inferred"}
    for name, cls in [("Delegation", rcf.Delegation), ("Deliverable", rcf.Deliverable),
                      ("Discrepancy", rcf.Discrepancy)]:  # fmt: skip
        own = set(edition["$defs"][name]["properties"])
        assert {f.name for f in attrs.fields(cls)} | {"sources", "inferred"} <= own
    sources = read(SCHEMA_DIR / "sources.schema.json")
    assert set(sources["items"]["properties"]) == {f.name for f in attrs.fields(rcf.Source)}


def _set(path: tuple[Any, ...], value: Any) -> Callable[[Any], Any]:
    def change(data: Any) -> Any:
        data = copy.deepcopy(data)
        target = data
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        return data

    return change


_DELETE = object()

BROKEN = {
    "missing required field": _set(("year",), _DELETE),
    "wrong type": _set(("participants",), "about 100"),
    "unknown enum value": _set(("level",), "super"),
    "unknown country": _set(("delegations", 0, "country"), "XX"),
    "unknown theme": _set(("themes",), ["space-travel"]),
    "unknown person": _set(("delegations", 0, "head"), "no-such-person"),
    "unknown field": _set(("colour",), "red"),
    "bad date": _set(("start_date",), "16 October 2019"),
    "unknown source key": _set(("city_sources",), ["no-such-page"]),
    "partial citation without its note": _set(("city_sources",), [{"source": "mofa-320762"}]),
    "citations of an unknown field": _set(("weather_sources",), ["mofa-320762"]),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_schema_and_loader_both_reject(case: str, data_copy: Any) -> None:
    broken = BROKEN[case](read(DATA_DIR / "editions" / "12.json"))
    with pytest.raises(jsonschema.ValidationError):
        validator("edition.schema.json").validate(broken)
    from tests.helpers import write

    write(data_copy / "editions" / "12.json", broken)
    with pytest.raises(rcf.DataValidationError, match="editions/12.json"):
        rcf.load(data_copy)


def test_cross_field_rules_are_the_loaders(data_copy: Any) -> None:
    """JSON Schema cannot compare two fields or two files: the loader holds these rules."""
    from tests.helpers import write

    data = read(DATA_DIR / "editions" / "12.json")
    data["start_date"], data["end_date"] = "2019-10-17", "2019-10-16"
    validator("edition.schema.json").validate(data)  # the schema cannot see it…
    write(data_copy / "editions" / "12.json", data)
    with pytest.raises(rcf.DataValidationError, match="is after end_date"):
        rcf.load(data_copy)  # …the loader does
    (data_copy / "editions" / "12.json").write_bytes(
        (DATA_DIR / "editions" / "12.json").read_bytes()
    )
    (data_copy / "editions" / "012.json").write_bytes(
        (DATA_DIR / "editions" / "12.json").read_bytes()
    )
    with pytest.raises(rcf.DataValidationError, match="edition 12 is also in"):
        rcf.load(data_copy)
