"""A fast, cattrs-free build of the *bundled* dataset, used only while its files are unchanged.

The bundled files are validated in full (by the validating loader, the JSON Schemas and the data
tests) before every release, and the CRC-32 of exactly those bytes is recorded in
``_version.DATA_CHECKSUM``. When the files still have that checksum, validating them again would
only cost time, so records are built directly by builders generated here from the data format
(``_format``): nothing in this module names a model's fields. Any difference in the files falls
back to the validating loader, and a test checks that both give equal datasets.

The checksum guards against accidents (an edited or truncated file), not against someone who can
already change the installed package's code.

```pycon
>>> from rok_ca_forum.loading import DATA_DIR
>>> from rok_ca_forum._version import DATA_CHECKSUM
>>> build_if_unchanged(DATA_DIR, DATA_CHECKSUM).editions[12].city
'Nur-Sultan'
>>> build_if_unchanged(DATA_DIR, DATA_CHECKSUM + 1) is None
True

```
"""

from __future__ import annotations

import datetime as dt
import json
import os
import zlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rok_ca_forum._format import (
    BODIES,
    BUNDLED_FILES,
    EDITIONS,
    SECRETARIAT,
    VOCABULARIES,
    Shape,
    record_shapes,
    reference_tables,
    vocabulary_fields,
)
from rok_ca_forum._layout import is_cited, unzip
from rok_ca_forum._meta import per_class
from rok_ca_forum.dataset import Dataset

__all__ = ["build_if_unchanged", "data_checksum"]

_Refs = Mapping[type, Mapping[str, Any]]
_Build = Callable[[Any, _Refs], Any]


def _file_names(root: str) -> list[str]:
    """The files the loader reads, relative with ``/``, in a fixed order; schemas are not read."""
    top = [n for n in BUNDLED_FILES if os.path.isfile(os.path.join(root, n))]
    folder = os.path.join(root, EDITIONS.name)
    editions = sorted(n for n in os.listdir(folder) if n.endswith(".json"))
    return top + [f"{EDITIONS.name}/{n}" for n in editions]


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
    return _checksum((name, _read(base, name)) for name in _file_names(base))


def _value_builder(shape: Shape) -> _Build | None:
    """How to turn a trusted JSON value of ``shape`` into the model's value; None: as it is."""
    kind = shape.kind
    if kind in ("str", "int"):
        return None
    if kind == "date":
        return lambda value, _: dt.date.fromisoformat(value)
    if kind == "enum":
        cls = shape.cls
        return lambda value, _: cls(value)
    if kind == "reference":
        cls = shape.cls
        return lambda value, refs: refs[cls][value]
    if kind == "record":
        return record_builder(shape.cls)
    assert shape.inner is not None
    inner = _value_builder(shape.inner)
    if kind == "optional":
        if inner is None:
            return None
        return lambda value, refs: None if value is None else inner(value, refs)
    # A list: a tuple of its items.
    if inner is None:
        return lambda value, _: tuple(value)
    return lambda value, refs: tuple([inner(item, refs) for item in value])


@per_class
def record_builder(cls: type) -> _Build:
    """A function building a ``cls`` record from its trusted JSON object."""
    # Only the fields whose JSON value is not already the model's value need a step of their own.
    builders = {
        name: build_value
        for name, shape in record_shapes(cls)
        if (build_value := _value_builder(shape)) is not None
    }
    cited = is_cited(cls)

    def build(raw: dict[str, Any], refs: _Refs) -> Any:
        kwargs = unzip(raw, cls) if cited else dict(raw)  # citations beside facts, gathered
        for name, build_value in builders.items():
            if name in kwargs:
                kwargs[name] = build_value(kwargs[name], refs)
        return cls(**kwargs)

    return build


def build_if_unchanged(root: str | os.PathLike[str], expected_checksum: int) -> Dataset | None:
    """The dataset in ``root`` if its files have ``expected_checksum``; else None."""
    base = os.fspath(root)
    raw = {name: _read(base, name) for name in _file_names(base)}
    if _checksum(raw.items()) != expected_checksum:
        return None
    data = {name: json.loads(content) for name, content in raw.items()}
    vocabularies: dict[type, tuple[Any, ...]] = {}
    for file in VOCABULARIES:  # in order: each may refer to those before it (people cite sources)
        known = reference_tables(vocabularies.values())
        build = record_builder(file.cls)
        vocabularies[file.cls] = tuple(build(item, known) for item in data[file.name])
    refs = reference_tables(vocabularies.values())
    build_edition = record_builder(EDITIONS.cls)
    prefix = EDITIONS.name + "/"
    editions = [
        build_edition(value, refs) for name, value in data.items() if name.startswith(prefix)
    ]

    def institutions() -> tuple[Any, tuple[Any, ...]]:  # most programs never ask: built on demand
        secretariat = data.get(SECRETARIAT.name)
        return (
            None if secretariat is None else record_builder(SECRETARIAT.cls)(secretariat, refs),
            tuple(record_builder(BODIES.cls)(b, refs) for b in data.get(BODIES.name, ())),
        )

    return Dataset(editions=editions, **vocabulary_fields(vocabularies), institutions=institutions)
