"""The data format, derived from the models: the one description every reader and writer uses.

The attrs classes in ``models`` and ``institutions`` are the single source. From their fields and
field types this module says how each field is written in JSON (its `Shape`), which
records are written as keys of records held elsewhere, where each kind of record lives on disk,
and what limits a value must keep. The fast build, the strict converter, ``to_dict`` and the JSON
Schemas are all generated from it, so a change to a model is one edit.

```pycon
>>> from rok_ca_forum.models import Edition
>>> shapes = dict(record_shapes(Edition))
>>> shapes["year"].kind, shapes["host"].kind, shapes["host"].inner.kind
('int', 'optional', 'reference')
>>> [f.name for f in FILES][:4]
['countries.json', 'themes.json', 'sources.json', 'people.json']

```
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from rok_ca_forum._meta import LIMITS, REFERENCE, key_field, per_class
from rok_ca_forum.models import Country, Person, Theme
from rok_ca_forum.provenance import Source

__all__ = [
    "BUNDLED_FILES",
    "EDITIONS",
    "EDITION_FILE",
    "FILES",
    "VOCABULARIES",
    "DataFile",
    "Shape",
    "cited_records",
    "key_field",
    "limits_of",
    "record_shapes",
    "records_reachable",
    "reference_tables",
    "shape_of",
    "vocabulary_fields",
]


class DataFile:
    """One kind of data file: its name in the data directory and the record type it holds.

    A plain class, not attrs or a NamedTuple: it is defined on every cold start, where each
    generated class costs a fraction of a millisecond.
    """

    __slots__ = ("_cls", "complete", "many", "name", "noun", "record", "schema", "title")

    def __init__(
        self, name: str, record: str, many: bool, schema: str, title: str,
        *, noun: str = "record", complete: bool = False,
    ) -> None:  # fmt: skip
        self.name = name  # a file, or for editions a folder of NN.json files
        self.record = record  # the name of the record class, in ``models`` or ``institutions``
        self.many = many  # a JSON list of records rather than one record
        self.schema = schema  # the JSON Schema's file name in data/schema/
        self.title = title
        self.noun = noun  # what a key of this file is called, in error messages
        self.complete = complete  # every field written out, unknown as null: none left out
        self._cls: type | None = None

    def __repr__(self) -> str:
        return f"DataFile({self.name!r})"

    @property
    def cls(self) -> type:
        """The record class; the institutions' module is imported only when one is asked for."""
        if self._cls is not None:
            return self._cls
        from rok_ca_forum import models

        found: type | None = getattr(models, self.record, None)
        if found is None:
            from rok_ca_forum import institutions

            found = getattr(institutions, self.record)
        assert found is not None
        self._cls = found
        return found


COUNTRIES = DataFile(
    "countries.json", "Country", True, "countries.schema.json", "Member states", noun="member state"
)
THEMES = DataFile(
    "themes.json", "Theme", True, "themes.schema.json", "Theme vocabulary", noun="theme slug"
)
SOURCES = DataFile(
    "sources.json", "Source", True, "sources.schema.json", "Sources", noun="source key"
)
PEOPLE = DataFile("people.json", "Person", True, "people.schema.json", "People", noun="person id")
EDITIONS = DataFile(
    "editions", "Edition", False, "edition.schema.json", "One forum edition", complete=True
)
SECRETARIAT = DataFile(
    "secretariat.json", "Secretariat", False, "secretariat.schema.json", "The Forum Secretariat"
)  # an optional file: the loader reads it only if it is there
BODIES = DataFile(
    "bodies.json", "Body", True, "bodies.schema.json", "Related bodies"
)  # optional, likewise

#: Every kind of data file, in the order they are read.
FILES: tuple[DataFile, ...] = (COUNTRIES, THEMES, SOURCES, PEOPLE, EDITIONS, SECRETARIAT, BODIES)
#: The files whose records other files refer to by key (a country code, a source key, a person
#: id, a slug), in the order they are read: each may refer to those before it (people cite
#: sources).
VOCABULARIES: tuple[DataFile, ...] = (COUNTRIES, THEMES, SOURCES, PEOPLE)
#: The single-file kinds whose bytes make up the bundled data's checksum, with the editions.
BUNDLED_FILES: tuple[str, ...] = tuple(f.name for f in FILES if f is not EDITIONS)
#: The pattern of an edition's file name: its number in ASCII digits, zero-padded (``07.json``).
EDITION_FILE = r"([0-9]{1,6})\.json"
#: The folder of JSON Schemas inside the data directory; never read by the loader.
SCHEMA_DIR = "schema"

_REFERENCED = frozenset(
    (Country, Theme, Source, Person)
)  # the classes of VOCABULARIES, a test checks


class Shape:
    """How a value of one field type is written in JSON.

    ``kind`` is one of ``str``, ``int``, ``date`` (ISO text), ``enum`` (its value), ``record`` (a
    JSON object), ``reference`` (the key of a record held elsewhere), ``optional`` (``inner`` or
    null) and ``list`` (a JSON array of ``inner``).
    """

    __slots__ = ("cls", "inner", "kind")

    def __init__(self, kind: str, cls: Any = None, inner: Shape | None = None) -> None:
        self.kind = kind
        self.cls = cls
        self.inner = inner

    def __repr__(self) -> str:
        return f"Shape({self.kind!r}, {self.cls!r}, {self.inner!r})"


def shape_of(tp: Any, *, reference: bool = False) -> Shape:
    """The `Shape` of field type ``tp``; ``reference`` marks a record written by key."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return Shape("optional", inner=shape_of(inner, reference=reference))
    if origin is tuple:
        return Shape("list", inner=shape_of(typing.get_args(tp)[0], reference=reference))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return Shape("enum", tp)
    if tp is str or tp is int:
        return Shape(tp.__name__, tp)
    if tp is dt.date:
        return Shape("date", tp)
    if attrs.has(tp):
        return Shape("reference" if reference or tp in _REFERENCED else "record", tp)
    raise TypeError(f"the data format has no shape for {tp!r}")  # pragma: no cover - new type


@per_class
def record_shapes(cls: type) -> tuple[tuple[str, Shape], ...]:
    """Each data field of ``cls`` (attrs fields set through ``__init__``) with its shape."""
    fields = [f for f in attrs.fields(cls) if f.init]
    # The models keep their annotations as objects (no ``from __future__ import annotations``):
    # that spares compiling each annotation string at every cold start. Strings still resolve.
    if any(isinstance(f.type, str) for f in fields):
        hints = typing.get_type_hints(cls)
        types_ = [hints[f.name] for f in fields]
    else:
        types_ = [f.type for f in fields]
    return tuple(
        (f.name, shape_of(tp, reference=bool(f.metadata.get(REFERENCE))))
        for f, tp in zip(fields, types_, strict=True)
    )


def required_fields(cls: type) -> tuple[str, ...]:
    """The data fields of ``cls`` with no default: a file must give them."""
    return tuple(f.name for f in attrs.fields(cls) if f.init and f.default is attrs.NOTHING)


def limits_of(cls: type, name: str) -> dict[str, Any]:
    """The limits (``minimum``, ``maximum``, ``pattern``, ``enum``) on field ``name`` of ``cls``."""
    limits: dict[str, Any] = attrs.fields_dict(cls)[name].metadata.get(LIMITS, {})
    return limits


def _walk(shape: Shape) -> Iterator[Shape]:
    yield shape
    if shape.inner is not None:
        yield from _walk(shape.inner)


def records_reachable(root: type) -> tuple[type, ...]:
    """Every record class written as an object inside a ``root`` file, leaves first, root last."""
    order: list[type] = []

    def visit(cls: type) -> None:
        if cls in order:
            return
        for _, shape in record_shapes(cls):
            for part in _walk(shape):
                if part.kind == "record":
                    visit(part.cls)
        order.append(cls)

    visit(root)
    return tuple(order)


def enums_used() -> tuple[type[enum.Enum], ...]:
    """Every enumeration a data file can hold."""
    found: dict[type, None] = {}
    for file in FILES:
        for cls in records_reachable(file.cls):
            for _, shape in record_shapes(cls):
                for part in _walk(shape):
                    if part.kind == "enum":
                        found[part.cls] = None
    return tuple(found)


def reference_tables(vocabularies: Iterable[Iterable[Any]]) -> dict[type, dict[str, Any]]:
    """For each vocabulary's record type, its records by exact key: what references resolve to.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> reference_tables([rcf.countries])[Country]["KZ"].name
    'Kazakhstan'

    ```
    """
    tables: dict[type, dict[str, Any]] = {}
    for records in vocabularies:
        for record in records:
            cls = type(record)
            table = tables.setdefault(cls, {})
            table[getattr(record, key_field(cls) or "")] = record
    return tables


def vocabulary_fields(vocabularies: Mapping[type, Any]) -> dict[str, Any]:
    """Each vocabulary's records under the `Dataset` argument named after its file.

    ```pycon
    >>> from rok_ca_forum.models import Country, Person, Source, Theme
    >>> sorted(vocabulary_fields({Country: (), Theme: (), Source: (), Person: ()}))
    ['countries', 'people', 'sources', 'themes']

    ```
    """
    return {file.name.removesuffix(".json"): vocabularies[file.cls] for file in VOCABULARIES}


def cited_records(dataset: Any) -> list[tuple[str, Any]]:
    """Every record of ``dataset`` that carries citations, named as the loader names it in its
    messages: ``editions/12.json``, ``people.json: kang-kyung-wha``, ``bodies.json: summit``,
    ``secretariat.json``.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> cited_records(rcf.load())[11][0]
    'editions/12.json'

    ```
    """
    named: list[tuple[str, Any]] = [
        (f"{EDITIONS.name}/{e.number:02d}.json", e) for e in dataset.editions
    ]
    named += [(f"{PEOPLE.name}: {p.id}", p) for p in dataset.people]
    named += [(f"{BODIES.name}: {b.id}", b) for b in dataset.bodies]
    if dataset.secretariat is not None:
        named.append((SECRETARIAT.name, dataset.secretariat))
    return named
