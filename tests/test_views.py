"""Reprs, str() and the notebook views: short, named, escaped, and honest about approximations."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import rok_ca_forum as rcf
from rok_ca_forum._meta import is_approximate
from rok_ca_forum.enums import DeliverableKind, Level, Status
from rok_ca_forum.institutions import Meeting, Milestone, Names, SecretariatHead, WorkPlan
from rok_ca_forum.models import Alternative, Inference
from rok_ca_forum.results import Bodies, EditionResults
from rok_ca_forum.views import MAX_REPR

ROOT = Path(__file__).resolve().parent.parent


def _records(value: Any) -> Iterator[object]:
    """Every record inside ``value``, itself included."""
    if isinstance(value, tuple):
        for item in value:
            yield from _records(item)
    elif attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            if field.init:
                yield from _records(getattr(value, field.name))


def _bundled() -> Iterator[object]:
    for top in (tuple(rcf.editions), tuple(rcf.people), rcf.secretariat, rcf.bodies):
        yield from _records(top)


def test_every_bundled_record_has_a_short_one_line_repr_naming_it() -> None:
    kinds = set()
    for record in _bundled():
        text = repr(record)
        kinds.add(type(record).__name__)
        assert "\n" not in text and len(text) < MAX_REPR, text
        assert text.startswith(type(record).__name__ + "("), text
    assert {"Edition", "Delegation", "Source", "Discrepancy", "Secretariat", "Meeting"} <= kinds


def test_the_edition_repr_names_it() -> None:
    expected = "Edition(number=12, year=2019, city='Nur-Sultan', host='KZ', …)"
    assert repr(rcf.editions[12]) == expected


def test_equality_and_hashing_are_unchanged() -> None:
    e = rcf.editions[12]
    copy = rcf.from_dict(rcf.Edition, rcf.to_dict(e))
    assert copy == e and hash(copy) == hash(e) and copy is not e
    assert attrs.evolve(e, city="Astana") != e
    assert [f.name for f in attrs.fields(rcf.Edition) if f.eq][:3] == ["number", "year", "status"]


def test_str_of_an_edition_is_the_show_summary() -> None:
    from rok_ca_forum.display import describe

    assert str(rcf.editions[12]) == describe(rcf.editions[12])
    assert str(rcf.editions[12]).startswith("12th ROK–Central Asia Cooperation Forum\n")


def test_collections_and_results_print_as_numbered_lists() -> None:
    lines = repr(rcf.editions.filter(host="KZ")).splitlines()
    assert lines == [
        "EditionResults: 1 edition",
        "  [0] Edition(number=12, year=2019, city='Nur-Sultan', host='KZ', …)",
    ]
    assert repr(rcf.editions).splitlines()[13] == (
        "  [13] Edition(number=13, year=2020, city='Seoul', host='KR', …)"
    )
    people = repr(rcf.people).splitlines()
    assert people[0] == f"People: {len(rcf.people)} people" and len(people) <= 22
    assert people[-1] == f"  … {len(rcf.people) - 20} more"
    kz = "  ['KZ'] Country(alpha_2='KZ', name='Kazakhstan', …)"
    assert repr(rcf.countries).splitlines()[2] == kz
    assert repr(rcf.bodies).startswith("Bodies: ")
    assert repr(EditionResults()) == "EditionResults: no editions"


def test_every_public_record_and_collection_has_a_table_view() -> None:
    views: list[Any] = [
        rcf.editions[12], rcf.editions[12].delegation("KZ"), rcf.people["cho-hyun"],
        rcf.countries["KZ"], rcf.themes["energy"], rcf.editions[12].deliverables[0],
        rcf.editions[12].sources[0], rcf.editions[12].discrepancies[0], rcf.secretariat,
        rcf.bodies, rcf.bodies[0], rcf.people, rcf.countries, rcf.themes, rcf.editions,
        rcf.editions.filter(host="KR"), rcf.load(),
    ]  # fmt: skip
    for view in views:
        html = view._repr_html_()
        # A record with lists is a facts table and a section per list; the others one table.
        sectioned = html.startswith("<div><h4>Facts</h4><table>") and html.endswith("</ul></div>")
        assert sectioned or (html.startswith("<table>") and html.endswith("</table>")), type(view)


def test_an_editions_view_is_sectioned_and_its_urls_are_links() -> None:
    import re
    from html import escape

    for e in rcf.editions:
        html = e._repr_html_()
        for section in ("Facts", "Delegations", "Deliverables", "Sources"):
            if section == "Facts" or getattr(e, section.lower(), True):
                assert f"<h4>{section}</h4>" in html, (e.number, section)
        for s in e.sources:
            assert f'<a href="{escape(s.url)}">' in html, s.url
        # No URL outside a link: strip the links, and no http(s) address is left.
        bare = re.sub(r"<a href=[^>]*>.*?</a>", "", html)
        assert not re.search(r"https?://", bare), e.number
    hostile = rcf.Source(key="x", url="https://example.org/a", publisher="javascript:alert(1)")
    assert 'href="javascript' not in hostile._repr_html_()  # only http(s) becomes a link


def test_an_empty_result_says_so() -> None:
    assert rcf.editions.filter(host="KZ", since=2020)._repr_html_() == "<p>No editions.</p>"
    assert Bodies()._repr_html_() == "<p>No bodies.</p>"
    assert rcf.People([])._repr_html_() == "<p>No people.</p>"


def test_approximate_figures_read_as_approximate_in_html_and_text() -> None:
    e = rcf.editions[12]
    assert is_approximate(rcf.Edition, "participants")
    assert "<th>Participants</th><td>about 100</td>" in e._repr_html_()
    assert re.search(r"^Participants +about 100$", str(e), re.MULTILINE)


def test_the_fields_page_marks_exactly_the_approximate_fields() -> None:
    page = (ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    marked = set(re.findall(r"^\| `(\w+)` \|[^\n]*\*\*approximate\*\*", page, re.MULTILINE))
    records = [rcf.Edition, rcf.Delegation, rcf.Deliverable, rcf.Body, rcf.Meeting]
    in_models = {
        f.name for cls in records for f in attrs.fields(cls) if is_approximate(cls, f.name)
    }
    assert marked == in_models == {"participants"}


MARK = "<script>alert('x')</script>"


def _hostile(text: str) -> dict[str, Any]:
    """One of every public record and collection, every free text field holding ``text``."""
    country = rcf.Country(alpha_2="KZ", alpha_3="KAZ", numeric="398", name=text,
                          official_name=text, aliases=(text,))  # fmt: skip
    person = rcf.Person(id="p", name=text, aliases=(text,))
    theme = rcf.Theme(slug="t", label=text, aliases=(text,))
    source = rcf.Source(key="s", url="https://example.org/" + text, publisher=text, title=text,
                        repost_of=text)  # fmt: skip
    cited = (rcf.Citation(item="city", source=source, grade=rcf.Grade.PARTIAL, note=text),)
    statement = rcf.Statement(key="s", text=text)
    delegation = rcf.Delegation(country=country, head=person, head_title=text)
    deliverable = rcf.Deliverable(key="d", kind=DeliverableKind.OTHER, title=text,
                                  description=text)  # fmt: skip
    discrepancy = rcf.Discrepancy(key="k", field="city", value=text, note=text,
                                  alternatives=(Alternative(value=text, note=text),))  # fmt: skip
    edition = rcf.Edition(
        number=1, year=2000, status=Status.HELD, start_date=dt.date(2000, 1, 1), city=text,
        host=country, venue=text, level=Level.MINISTERIAL, participants=10, motto=text,
        delegations=(delegation,), themes=(theme,), agenda=(statement,),
        deliverables=(deliverable,), notes=(statement,),
        inferred=(Inference(field="year", note=text),), discrepancies=(discrepancy,),
        citations=cited,
    )  # fmt: skip
    milestone = Milestone(note=text)
    secretariat = rcf.Secretariat(
        names=Names(en=text, ko=text, ru=text), agreed=milestone, proclaimed=milestone,
        opened=milestone, operator=text, seat=text, purpose=(statement,),
        heads=(SecretariatHead(person=person, title=text, note=text),),
        work_plans=(WorkPlan(key="w", year=2000, note=text),), citations=cited,
    )  # fmt: skip
    body = rcf.Body(id="b", name=text, description=text,
                    meetings=(Meeting(key="m", city=text),))  # fmt: skip
    dataset = rcf.Dataset(editions=[edition], countries=[country], themes=[theme],
                          people=[person], sources=[source], secretariat=secretariat,
                          bodies=(body,))  # fmt: skip
    return {
        "edition": edition, "delegation": delegation, "person": person, "country": country,
        "theme": theme, "deliverable": deliverable, "source": source, "discrepancy": discrepancy,
        "citation": cited[0], "statement": statement, "sources": dataset.sources,
        "secretariat": secretariat, "body": body, "bodies": dataset.bodies,
        "people": dataset.people, "countries": dataset.countries, "themes": dataset.themes,
        "editions": dataset.editions, "results": dataset.editions.filter(year=2000),
        "dataset": dataset,
    }  # fmt: skip


def test_markup_in_the_data_is_escaped_in_every_view() -> None:
    for name, view in _hostile(MARK).items():
        html = view._repr_html_()
        assert "<script" not in html, name
        assert "&lt;script&gt;" in html or name in ("editions", "results"), name


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_escaped_and_reprs_stay_short(text: str) -> None:
    for name, view in _hostile("<b>" + text).items():
        assert "<b>" not in view._repr_html_(), name
        first = repr(view).split("\n", 1)[0]
        assert len(first) < MAX_REPR, (name, first)
        for line in repr(view).splitlines():
            assert len(line) < MAX_REPR + 10, (name, line)
