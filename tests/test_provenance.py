"""Provenance in depth: sources per field, inferences, and disagreements kept as data."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rok_ca_forum as rcf
from rok_ca_forum.citing import item_path

# (edition, field) pairs where the research found sources in conflict; each must be recorded.
KNOWN_CONFLICTS = [
    (1, "start_date"), (1, "participants"), (3, "end_date"), (6, "participants"), (6, "level"),
    (6, "claims"), (8, "city"), (8, "venue"), (9, "delegations.TM"), (10, "end_date"),
    (10, "participants"), (10, "delegations.KZ"), (12, "start_date"), (12, "claims"),
    (13, "delegations.TJ"), (15, "participants"), (15, "claims"), (17, "agenda"),
]  # fmt: skip


@pytest.mark.parametrize(("number", "field"), KNOWN_CONFLICTS)
def test_known_conflicts_are_recorded(number: int, field: str) -> None:
    found = [d for d in rcf.editions[number].discrepancies if d.field == field]
    assert found, f"edition {number}: no discrepancy on {field}"
    for d in found:
        assert d.alternatives
        assert all(a.sources for a in d.alternatives), "an alternative without its sources"


def test_the_12th_date_conflict() -> None:
    d = next(d for d in rcf.editions[12].discrepancies if d.field == "start_date")
    assert d.value == "2019-10-16"
    assert "2019-10-15" in [a.value for a in d.alternatives]
    assert str(rcf.editions[12].start_date) == d.value


def test_sources_for_answers_from_data() -> None:
    e = rcf.editions[12]
    for field in ("start_date", "city", "participants", "delegations.KZ", "themes", "deliverables"):
        sources = e.sources_for(field)
        assert sources, field
        for c in e.citations_for(field):  # each names the field or one of its items
            assert c.item == field or c.item.startswith(field + "."), (field, c)
    assert set(e.sources_for("delegations")) >= set(e.sources_for("delegations.KZ"))


def test_sources_for_takes_the_editions_own_items() -> None:
    e = rcf.editions[12]
    kz = e.delegation("KZ")
    assert kz is not None
    assert e.sources_for(kz) == e.sources_for("delegations.KZ")
    assert set(e.sources_for("delegations.KZ.head")) <= set(e.sources_for(kz))
    first = e.deliverables[0]
    assert e.sources_for(first) == e.sources_for(f"deliverables.{first.key}")
    assert e.sources_for(e.themes[0]) == e.sources_for(f"themes.{e.themes[0].slug}")
    assert e.sources_for(e.agenda[2]) == e.sources_for(f"agenda.{e.agenda[2].key}")
    assert e.sources_for(e.agenda[2].text) == e.sources_for(e.agenda[2])  # by its text too
    inferred = {i.field for i in e.inferred}
    for item in (*e.delegations, *e.deliverables, *e.themes, *e.agenda):
        assert e.sources_for(item) or item_path(e, item) in inferred, item


def test_a_source_is_cited_only_for_what_its_page_names() -> None:
    # The Foreign Ministry's 2019 release speaks of "foreign ministers" but names none of the
    # Central Asian ones: it backs their titles, not who they were.
    mofa = "http://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=320762"
    e = rcf.editions[12]
    for code in ("KZ", "KG", "TJ", "UZ"):
        assert mofa in {s.url for s in e.sources_for(f"delegations.{code}.head_title")}
        assert mofa not in {s.url for s in e.sources_for(f"delegations.{code}.head")}
        assert e.sources_for(f"delegations.{code}.head"), code


def test_sources_for_refuses_what_is_not_the_editions() -> None:
    e = rcf.editions[12]
    with pytest.raises(ValueError, match="not an Edition field or item"):
        e.sources_for(rcf.editions[11].deliverables[0])
    with pytest.raises(ValueError, match="not an Edition field or item"):
        e.sources_for("an agenda item that is not there")
    with pytest.raises(TypeError, match="not float"):
        e.sources_for(1.5)


def test_sources_for_rejects_unknown_fields() -> None:
    with pytest.raises(ValueError, match="not an Edition field"):
        rcf.editions[12].sources_for("colour")
    with pytest.raises(TypeError):
        rcf.editions[12].sources_for(3)


def test_inferred_values_are_explained() -> None:
    for n in (2, 4, 5):
        (year,) = [i for i in rcf.editions[n].inferred if i.field == "year"]
        assert len(year.note) > 40


def test_discrepancy_values_are_the_kept_values() -> None:
    # For single-valued fields, the kept value is what the edition holds.
    for e in rcf.editions:
        for d in e.discrepancies:
            if d.field in ("start_date", "end_date", "participants", "city", "venue", "level"):
                value = getattr(e, d.field)
                shown = value.value if isinstance(value, rcf.Level) else str(value)
                assert shown == d.value, (e.number, d.field)


def test_one_person_one_record_across_editions() -> None:
    led = [e.number for e in rcf.editions.filter(head="Tileuberdi")]
    assert led == [e.number for e in rcf.editions.filter(head="Tleuberdi")]
    heads = [d.head for e in rcf.editions for d in e.delegations if d.head]
    # Identity, not equality: two equal copies of a person would collapse in a set of records.
    records = [h for h in heads if h.id == "mukhtar-tleuberdi"]
    assert len(records) == 3
    assert {id(h) for h in records} == {id(rcf.people["mukhtar-tleuberdi"])}


def test_secretariat() -> None:
    s = rcf.secretariat
    assert s.names.en and s.names.ko and s.names.ru
    assert (s.agreed.edition, s.proclaimed.edition) == (9, 10)
    assert s.opened.date is not None and s.opened.date.year == 2017
    assert s.operator == "Korea Foundation"
    assert s.heads
    assert s.heads[0].person is rcf.people["kim-kwang-geun"]
    assert rcf.people.lookup("Rhee Jong Kook") is rcf.people["rhee-chong-kuk"]
    assert {p.year: p.edition for p in s.work_plans}[2020] == 12
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        s.operator = "x"  # type: ignore[misc]


def test_secretariat_facts_are_sourced() -> None:
    s = rcf.secretariat
    for field in (
        "names",
        "agreed",
        "proclaimed",
        "opened",
        "operator",
        "seat",
        "heads",
        "work_plans",
    ):
        if getattr(s, field):
            assert s.sources_for(field), field
    for d in s.discrepancies:
        for a in d.alternatives:
            assert set(a.sources) <= set(rcf.sources)


def test_related_bodies_are_sourced() -> None:
    ids = {b.id for b in rcf.bodies}
    assert {"business-council", "high-level-officials-meeting", "speakers-meeting",
            "think-tank-forum"} <= ids  # fmt: skip
    for body in rcf.bodies:
        assert body.sources, body.id
        if body.meetings:
            for meeting in body.meetings:  # each meeting cited on its own, by key
                assert body.sources_for(f"meetings.{meeting.key}"), (body.id, meeting.key)
        if body.established:
            assert body.citations_for("established"), body.id


def _edit(data_copy: Path, name: str, change: Callable[[Any], None]) -> Path:
    path = data_copy / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return data_copy


def test_an_unsourced_item_is_refused(data_copy: Path) -> None:
    def add_theme(data: Any) -> None:
        data["themes"].append({"theme": "tourism"})  # no source names it

    root = _edit(data_copy, "editions/12.json", add_theme)
    with pytest.raises(rcf.DataValidationError) as info:
        rcf.load(root)
    problem = "needs a full citation (a page that states it), or an inference with a partial one"
    assert ("editions/12.json", "themes.tourism", problem) in info.value.problems


def test_a_list_cited_as_a_whole_is_refused(data_copy: Path) -> None:
    def cite_whole_list(data: Any) -> None:
        data["themes_sources"] = ["mofa-320762"]

    root = _edit(data_copy, "editions/12.json", cite_whole_list)
    with pytest.raises(rcf.DataValidationError, match="unknown field"):
        rcf.load(root)


def test_the_schema_refuses_a_list_cited_as_a_whole() -> None:
    import jsonschema

    from rok_ca_forum.schema import schemas

    schema = schemas(rcf.load())["edition.schema.json"]
    data = rcf.to_dict(rcf.editions[12])
    jsonschema.validate(data, schema)
    data["themes_sources"] = ["mofa-320762"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_every_citation_carries_when_it_was_checked() -> None:
    for e in rcf.editions:
        for s in e.sources:
            # Retrieved after publication; None only where no copy of the page could be read.
            if s.retrieved and s.published:
                assert s.published <= s.retrieved, s.url
        assert any(s.retrieved for s in e.sources), e.number


def test_names_in_korean_and_russian_find_the_editions_attended() -> None:
    assert [e.number for e in rcf.editions.search("강경화")] == [12, 13]
    assert {12, 13, 15} <= {e.number for e in rcf.editions.search("Тлеуберди")}
    kang = rcf.people.lookup("강경화")
    assert kang.name_in("ko") == "강경화" and kang.name_in("EN") == "Kang Kyung-wha"
    assert kang.citations_for("name_ko")


def test_a_name_not_found_is_none_and_a_bad_language_an_error() -> None:
    unnamed = next(p for p in rcf.people if p.name_ru is None)
    assert unnamed.name_in("ru") is None
    with pytest.raises(rcf.InvalidArgumentError, match="available: en, ko, ru"):
        unnamed.name_in("de")
    with pytest.raises(rcf.InvalidTypeError):
        unnamed.name_in(5)  # type: ignore[arg-type]


def test_every_korean_and_russian_name_is_sourced() -> None:
    for person in rcf.people:
        backed = {c.item for c in person.citations if c.grade is rcf.Grade.FULL}
        backed |= {i.field for i in person.inferred}
        for lang in ("ko", "ru"):
            if person.name_in(lang) is not None:
                assert f"name_{lang}" in backed, person.id


@given(today=st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)))
def test_a_plan_is_overdue_only_after_its_expected_date(today: dt.date) -> None:
    summit = next(b for b in rcf.bodies if b.id == "summit").meetings[0]
    assert summit.status is rcf.Status.PLANNED and summit.date is not None
    assert summit.is_overdue(today) is (summit.date < today)
    planned = rcf.editions[18]
    assert planned.is_overdue(today) is (dt.date(planned.year, 12, 31) < today)
    assert not rcf.editions[12].is_overdue(today)  # held: never overdue


def test_overdue_takes_a_date_from_the_caller() -> None:
    with pytest.raises(rcf.InvalidTypeError, match="datetime.date"):
        rcf.editions[18].is_overdue("2027-01-01")  # type: ignore[arg-type]
    with pytest.raises(rcf.InvalidTypeError):
        rcf.editions[18].is_overdue(dt.datetime(2027, 1, 1))
