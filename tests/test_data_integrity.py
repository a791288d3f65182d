"""The bundled data obeys its rules: complete, consistent, and every fact sourced."""

from __future__ import annotations

import datetime as dt
import re

import pycountry
import pytest

import rok_ca_forum as rcf
from rok_ca_forum import Edition, Status
from tests.helpers import DATA_DIR, read

UNSOURCED = {2, 5}  # no source describes them; only their year is bounded
EDITIONS = list(rcf.editions)


def ids(e: Edition) -> str:
    return f"edition-{e.number:02d}"


def test_numbers_are_contiguous_from_one() -> None:
    assert [e.number for e in EDITIONS] == list(range(1, len(EDITIONS) + 1))
    assert len(EDITIONS) == 18


def test_the_latest_held_is_the_17th_and_the_18th_is_planned() -> None:
    assert [e.number for e in EDITIONS if e.status is Status.PLANNED] == [18]
    assert rcf.editions[18].year == 2026
    assert rcf.editions[18].host == rcf.countries["UZ"]


@pytest.mark.parametrize("e", EDITIONS, ids=ids)
def test_dates_inside_their_year_and_ordered(e: Edition) -> None:
    for day in (e.start_date, e.end_date):
        assert day is None or day.year == e.year
    if e.start_date and e.end_date:
        assert e.start_date <= e.end_date
        assert (e.end_date - e.start_date) <= dt.timedelta(days=5)


def test_editions_are_in_chronological_order() -> None:
    dated = [e.start_date for e in EDITIONS if e.start_date]
    assert dated == sorted(dated)
    years = [e.year for e in EDITIONS]
    assert years == sorted(years)


def test_no_forum_in_2017() -> None:
    assert rcf.editions.get(year=2017) is None


@pytest.mark.parametrize("e", EDITIONS, ids=ids)
def test_delegations_are_members_and_include_the_host(e: Edition) -> None:
    codes = [d.country.alpha_2 for d in e.delegations]
    assert len(codes) == len(set(codes))
    assert set(codes) <= {c.alpha_2 for c in rcf.countries}
    if e.host is not None and e.delegations:
        assert e.host.alpha_2 in codes


def test_country_codes_and_names_agree_with_pycountry() -> None:
    for c in rcf.countries:
        iso = pycountry.countries.get(alpha_2=c.alpha_2)
        assert iso is not None, c.alpha_2
        assert (iso.alpha_3, iso.numeric) == (c.alpha_3, c.numeric)
        # Our names are our own, but each must be one pycountry knows for that country, allowing
        # for its inverted catalogue form ("Korea, Republic of" is our "Republic of Korea").
        known = {iso.name, getattr(iso, "official_name", iso.name), getattr(iso, "common_name", "")}
        known |= {" ".join(reversed(k.split(", "))) for k in known}
        assert c.name in known, (c.name, known)
        assert c.official_name in known, (c.official_name, known)


@pytest.mark.parametrize("e", EDITIONS, ids=ids)
def test_themes_are_in_the_vocabulary(e: Edition) -> None:
    for theme in e.themes:
        assert rcf.themes[theme.slug] is theme


@pytest.mark.parametrize("e", EDITIONS, ids=ids)
def test_every_edition_cites_a_source(e: Edition) -> None:
    assert e.sources, "no sources"
    for s in e.sources:
        assert re.match(r"https?://", s.url), s.url
        assert s.publisher.strip()
    assert all(c.item for c in e.citations)


@pytest.mark.parametrize("n", sorted(UNSOURCED))
def test_unsourced_editions_are_marked_as_such(n: int) -> None:
    e = rcf.editions[n]
    assert any(i.field == "year" for i in e.inferred)
    assert (e.start_date, e.city, e.host, e.level, e.delegations) == (None, None, None, None, ())


def test_the_12th_carries_the_2019_press_release() -> None:
    e = rcf.editions[12]
    release = "http://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=320762"
    assert release in [s.url for s in e.sources]
    assert e.participants == 100
    assert e.city == "Nur-Sultan"
    slugs = {t.slug for t in e.themes}
    assert {"standardization", "water-resources", "ict-digital", "green-energy"} <= slugs
    kinds = {d.kind for d in e.deliverables}
    assert {rcf.DeliverableKind.JOINT_STATEMENT, rcf.DeliverableKind.WORK_PLAN} <= kinds
    assert rcf.DeliverableKind.BUSINESS_EVENT in kinds
    assert any("2020" in d.title for d in e.deliverables if d.kind is rcf.DeliverableKind.WORK_PLAN)
    texts = [(d.title + " " + (d.description or "")).lower() for d in e.deliverables]
    assert any("working-level" in t for t in texts)
    text = " ".join(s.text for s in (*e.agenda, *e.notes))
    agencies = (
        "Korean Agency for Technology and Standards",
        "National Information Society Agency",
        "Korea Institute of Energy Research",
    )
    for agency in agencies:
        assert agency in text


@pytest.mark.parametrize("e", EDITIONS, ids=ids)
def test_every_fact_is_backed_by_a_source(e: Edition) -> None:
    from rok_ca_forum.provenance import facts_to_source

    inferred = {i.field for i in e.inferred}
    skip = frozenset({"notes", "discrepancies"})
    if e.status is rcf.Status.HELD:  # item by item: each fact and item sourced or inferred
        needed = [p for p, _ in facts_to_source(e, skip)]
        missing = [p for p in needed if not e.sources_for(p) and p not in inferred]
        assert not missing, f"no source supports {missing}"
    assert e.sources_for("year") or "year" in inferred or e.start_date is not None


@pytest.mark.parametrize("e", EDITIONS, ids=ids)
def test_discrepancy_alternatives_cite_listed_sources(e: Edition) -> None:
    urls = {s.url for s in rcf.sources}
    for d in e.discrepancies:
        assert d.alternatives, d.field
        for alt in d.alternatives:
            assert {s.url for s in alt.sources} <= urls


def test_people_appear_once_per_spelling() -> None:
    names: dict[str, str] = {}
    for p in rcf.people:
        for name in (p.name, *p.aliases):
            assert names.setdefault(name.casefold(), p.id) == p.id, name


def test_every_person_is_referenced() -> None:
    used = {d.head.id for e in EDITIONS for d in e.delegations if d.head}
    used |= {h.person.id for h in rcf.secretariat.heads}
    assert {p.id for p in rcf.people} == used


def test_files_are_canonically_formatted() -> None:
    import json

    for path in sorted(DATA_DIR.rglob("*.json")):
        text = path.read_text(encoding="utf-8")
        assert text == json.dumps(read(path), ensure_ascii=False, indent=2) + "\n", path.name


def test_the_4th_met_in_seoul_in_2010() -> None:
    # Found in the search of November 2026: a report of 2 December 2010 dates it to the 30th.
    e = rcf.editions[4]
    assert (e.start_date, e.city, e.host) == (dt.date(2010, 11, 30), "Seoul", rcf.countries["KR"])
    assert {i.field for i in e.inferred} >= {"year", "start_date", "host"}
    assert e.delegations == ()  # the report names visitors, not heads of delegation
    assert e.sources_for("city")


def test_the_11th_tajik_head_is_not_a_diplomat() -> None:
    d = rcf.editions[11].delegation("TJ")
    assert d is not None and d.head is not None
    assert (d.head.name, d.rank) == ("Sulton Rahimzoda", rcf.Rank.DEPUTY_MINISTER)
    assert rcf.editions[11].sources_for("delegations.TJ.head")
