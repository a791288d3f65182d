"""A fast, cattrs-free build of the *bundled* dataset, used only when its files are unchanged.

The bundled files are validated in full — by the cattrs loader, the JSON Schemas and the data
tests — before every release, and the checksum of exactly those bytes is recorded in
``_version.DATA_CHECKSUM``. At run time, if the files still have that checksum, re-validating them
would only cost time (about two thirds of a cold start), so they are turned into records directly
here. Any difference in the files, or any surprise while building, falls back to the validating
loader. A test asserts that both paths build equal datasets, so they cannot drift apart.

The checksum (CRC-32) guards against accidents — an edited or truncated file — not against
someone who can already change the installed package's code.

```pycon
>>> import os, rok_ca_forum
>>> from rok_ca_forum._version import DATA_CHECKSUM
>>> data_checksum(os.path.join(os.path.dirname(rok_ca_forum.__file__), "data")) == DATA_CHECKSUM
True

```
"""

from __future__ import annotations

import datetime as dt
import json
import os
import zlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from rok_ca_forum.dataset import Dataset
from rok_ca_forum.enums import DeliverableKind, Format, Level, Status
from rok_ca_forum.models import (
    Alternative,
    Country,
    Delegation,
    Deliverable,
    Discrepancy,
    Edition,
    Inference,
    Person,
    Source,
    Theme,
)
from rok_ca_forum.vocabulary import Countries, People, Themes

if TYPE_CHECKING:
    from rok_ca_forum.institutions import Body, Milestone, Secretariat

__all__ = ["data_checksum", "read_trusted"]

T = TypeVar("T")
_Raw = dict[str, Any]


def _files(root: str) -> list[str]:
    """Names (relative, with /) of the files the loader reads; the schemas are not read."""
    names = ["countries.json", "themes.json", "people.json", "secretariat.json", "bodies.json"]
    top = [n for n in names if os.path.isfile(os.path.join(root, n))]
    folder = os.path.join(root, "editions")
    return top + sorted(f"editions/{n}" for n in os.listdir(folder) if n.endswith(".json"))


def _read(root: str, name: str) -> bytes:
    with open(os.path.join(root, *name.split("/")), "rb") as file:
        return file.read()


def _checksum(named: Iterable[tuple[str, bytes]]) -> int:
    crc = 0
    for name, raw in named:
        crc = zlib.crc32(raw, zlib.crc32(name.encode() + b"\0", crc))
    return crc


def data_checksum(root: str | os.PathLike[str]) -> int:
    """CRC-32 over the names and bytes of the data files the loader reads."""
    base = os.fspath(root)
    return _checksum((name, _read(base, name)) for name in _files(base))


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _sources(raw: list[_Raw]) -> tuple[Source, ...]:
    return tuple(
        Source(
            url=s["url"],
            publisher=s["publisher"],
            title=s.get("title"),
            published=_date(s.get("published")),
            language=s.get("language"),
            supports=tuple(s.get("supports", ())),
        )
        for s in raw
    )


def _provenance(
    raw: _Raw,
) -> tuple[tuple[Inference, ...], tuple[Discrepancy, ...], tuple[Source, ...]]:
    sources = _sources(raw.get("sources", []))
    by_url = {s.url: s for s in sources}
    inferred = tuple(Inference(field=i["field"], note=i["note"]) for i in raw.get("inferred", []))
    discrepancies = tuple(
        Discrepancy(
            field=d["field"],
            value=d["value"],
            alternatives=tuple(
                Alternative(
                    value=a["value"],
                    sources=tuple(by_url[u] for u in a.get("sources", ())),
                    note=a.get("note"),
                )
                for a in d.get("alternatives", ())
            ),
            note=d.get("note"),
        )
        for d in raw.get("discrepancies", [])
    )
    return inferred, discrepancies, sources


def _optional(cls: Callable[[Any], T], value: Any) -> T | None:
    return None if value is None else cls(value)


def _edition(
    raw: _Raw, countries: dict[str, Country], people: dict[str, Person], themes: dict[str, Theme]
) -> Edition:
    inferred, discrepancies, sources = _provenance(raw)
    host = raw.get("host")
    return Edition(
        number=raw["number"],
        year=raw["year"],
        status=Status(raw["status"]),
        start_date=_date(raw.get("start_date")),
        end_date=_date(raw.get("end_date")),
        city=raw.get("city"),
        host=None if host is None else countries[host],
        venue=raw.get("venue"),
        level=_optional(Level, raw.get("level")),
        format=_optional(Format, raw.get("format")),
        participants=raw.get("participants"),
        motto=raw.get("motto"),
        delegations=tuple(
            Delegation(
                country=countries[d["country"]],
                head=None if d.get("head") is None else people[d["head"]],
                head_title=d.get("head_title"),
            )
            for d in raw.get("delegations", ())
        ),
        themes=tuple(themes[t] for t in raw.get("themes", ())),
        agenda=tuple(raw.get("agenda", ())),
        deliverables=tuple(
            Deliverable(
                kind=DeliverableKind(d["kind"]),
                title=d["title"],
                date=_date(d.get("date")),
                description=d.get("description"),
                parties=tuple(countries[c] for c in d.get("parties", ())),
            )
            for d in raw.get("deliverables", ())
        ),
        notes=tuple(raw.get("notes", ())),
        inferred=inferred,
        discrepancies=discrepancies,
        sources=sources,
    )


def _milestone(raw: _Raw) -> Milestone:
    from rok_ca_forum.institutions import Milestone

    return Milestone(date=_date(raw.get("date")), edition=raw.get("edition"), note=raw.get("note"))


def _secretariat(raw: _Raw, people: dict[str, Person]) -> Secretariat:
    from rok_ca_forum.institutions import Names, Secretariat, SecretariatHead, WorkPlan

    inferred, discrepancies, sources = _provenance(raw)
    names = raw["names"]
    return Secretariat(
        names=Names(en=names["en"], ko=names.get("ko"), ru=names.get("ru")),
        agreed=_milestone(raw["agreed"]),
        proclaimed=_milestone(raw["proclaimed"]),
        opened=_milestone(raw["opened"]),
        operator=raw.get("operator"),
        seat=raw.get("seat"),
        purpose=tuple(raw.get("purpose", ())),
        governance=tuple(raw.get("governance", ())),
        heads=tuple(
            SecretariatHead(
                person=people[h["person"]],
                title=h.get("title"),
                start=_date(h.get("start")),
                end=_date(h.get("end")),
                note=h.get("note"),
            )
            for h in raw.get("heads", ())
        ),
        work_plans=tuple(
            WorkPlan(year=w["year"], edition=w.get("edition"), note=w.get("note"))
            for w in raw.get("work_plans", ())
        ),
        notes=tuple(raw.get("notes", ())),
        inferred=inferred,
        discrepancies=discrepancies,
        sources=sources,
    )


def _body(raw: _Raw) -> Body:
    from rok_ca_forum.institutions import Body, Meeting

    inferred, discrepancies, sources = _provenance(raw)
    return Body(
        id=raw["id"],
        name=raw["name"],
        established=_date(raw.get("established")),
        description=raw.get("description"),
        meetings=tuple(
            Meeting(
                number=m.get("number"),
                date=_date(m.get("date")),
                city=m.get("city"),
                note=m.get("note"),
            )
            for m in raw.get("meetings", ())
        ),
        notes=tuple(raw.get("notes", ())),
        inferred=inferred,
        discrepancies=discrepancies,
        sources=sources,
    )


def read_trusted(root: str | os.PathLike[str], expected_checksum: int) -> Dataset | None:
    """The dataset in ``root`` if its files have ``expected_checksum``; else None."""
    base = os.fspath(root)
    raw = {name: _read(base, name) for name in _files(base)}
    if _checksum(raw.items()) != expected_checksum:
        return None
    data = {name: json.loads(content) for name, content in raw.items()}
    countries = Countries(
        Country(**{**c, "aliases": tuple(c.get("aliases", ()))}) for c in data["countries.json"]
    )
    themes = Themes(
        Theme(**{**t, "aliases": tuple(t.get("aliases", ()))}) for t in data["themes.json"]
    )
    people = People(
        Person(**{**p, "aliases": tuple(p.get("aliases", ()))}) for p in data["people.json"]
    )
    by_code = {c.alpha_2: c for c in countries}
    by_id = {p.id: p for p in people}
    by_slug = {t.slug: t for t in themes}
    editions = [
        _edition(value, by_code, by_id, by_slug)
        for name, value in data.items()
        if name.startswith("editions/")
    ]

    def institutions() -> tuple[Secretariat | None, tuple[Body, ...]]:
        secretariat = data.get("secretariat.json")
        return (
            None if secretariat is None else _secretariat(secretariat, by_id),
            tuple(_body(b) for b in data.get("bodies.json", ())),
        )

    return Dataset(
        editions=editions,
        countries=countries,
        themes=themes,
        people=people,
        institutions=institutions,
    )
