"""Every keyed collection looks up by key; every record's ``str()`` is its full text."""

from __future__ import annotations

from typing import Any

import pytest

import rok_ca_forum as rcf
from rok_ca_forum import _format


def test_bodies_look_up_by_id_with_the_packages_errors() -> None:
    summit = rcf.bodies["summit"]
    assert summit.id == "summit" and summit is next(b for b in rcf.bodies if b.id == "summit")
    assert rcf.bodies[0] is next(iter(rcf.bodies))  # positions still work
    ids = rcf.bodies  # a tuple of bodies that also answers `id in bodies`
    assert "summit" in ids and "no-such-body" not in ids  # type: ignore[comparison-overlap]
    assert rcf.bodies.get("no-such-body") is None
    with pytest.raises(rcf.NotFoundError) as caught:
        rcf.bodies["sumit"]
    assert isinstance(caught.value, KeyError)
    assert caught.value.suggestions == ("summit",)
    assert "did you mean 'summit'" in str(caught.value)


def _every_record() -> list[Any]:
    ds = rcf.load()
    found: list[Any] = [*ds.countries, *ds.themes, *ds.people, *ds.sources, *ds.bodies]
    for e in ds.editions:
        found += [e, *e.delegations, *e.deliverables, *e.agenda, *e.discrepancies, *e.citations]
        found += [*e.inferred]
    if ds.secretariat is not None:
        s = ds.secretariat
        found += [s, s.names, s.agreed, *s.heads, *s.work_plans]
    for b in ds.bodies:
        found += list(b.meetings)
    return found


def test_str_of_every_record_is_its_full_text() -> None:
    kinds = set()
    for record in _every_record():
        kinds.add(type(record))
        text = str(record)
        if isinstance(record, rcf.Statement):
            assert text == record.text  # a statement is its sentence
            continue
        heading, underline, *_ = text.splitlines()
        assert underline == "=" * len(underline) and len(underline) >= len(heading) - 2, record
        assert text != repr(record)
    reachable = {c for f in _format.FILES for c in _format.records_reachable(f.cls)}
    assert reachable <= kinds | {rcf.Alternative}  # every record class was drawn
