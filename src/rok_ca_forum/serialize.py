"""Turning records into plain data and back, losslessly.

``to_dict`` gives exactly the shape of the bundled JSON files (references as keys, dates as ISO
strings, enums as their values); ``from_dict`` reverses it, resolving references against a dataset.

```pycon
>>> import rok_ca_forum as rcf
>>> e = rcf.editions[12]
>>> rcf.from_dict(rcf.Edition, rcf.to_dict(e)) == e
True
>>> rcf.to_dict(e)["host"], rcf.to_dict(e)["start_date"]
('KZ', '2019-10-16')

```
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, overload

import attrs

from rok_ca_forum._format import Shape, key_field, record_shapes
from rok_ca_forum._layout import is_cited, zip_record
from rok_ca_forum._meta import per_class
from rok_ca_forum.dataset import Dataset
from rok_ca_forum.errors import DataValidationError, InvalidTypeError
from rok_ca_forum.models import Edition
from rok_ca_forum.provenance import Source

__all__ = ["from_dict", "to_dict", "to_json"]

T = TypeVar("T")
_Plain = Callable[[Any], Any]


def _plain_value(shape: Shape) -> _Plain | None:
    """How to write a value of ``shape`` as JSON-ready data; None: as it is."""
    kind = shape.kind
    if kind in ("str", "int"):
        return None
    if kind == "date":
        return lambda value: value.isoformat()
    if kind == "enum":  # the plain value: "held", never Status.HELD
        return lambda member: member.value
    if kind == "reference":
        key = key_field(shape.cls) or ""
        return lambda record: getattr(record, key)
    if kind == "record":
        return _plain_record(shape.cls)
    assert shape.inner is not None
    inner = _plain_value(shape.inner)
    if kind == "optional":
        return None if inner is None else (lambda value: None if value is None else inner(value))
    if inner is None:
        return list
    return lambda items: [inner(item) for item in items]


@per_class
def _plain_record(cls: type) -> _Plain:
    """A function writing a ``cls`` record as a dict, in the field order of the data files."""
    writers = tuple((name, _plain_value(shape)) for name, shape in record_shapes(cls))

    def plain(record: Any) -> dict[str, Any]:
        result = {}
        for name, write in writers:
            value = getattr(record, name)
            result[name] = value if write is None else write(value)
        return result

    return plain


def _non_string_key(data: object, path: str = "") -> tuple[str, object] | None:
    """Where ``data`` holds a dict key that is not a string, and the key, if anywhere."""
    if isinstance(data, dict):
        for key, value in data.items():
            if not isinstance(key, str):
                return path, key
            found = _non_string_key(value, f"{path}.{key}" if path else key)
            if found is not None:
                return found
    elif isinstance(data, (list, tuple)):
        for index, item in enumerate(data):
            found = _non_string_key(item, f"{path}[{index}]")
            if found is not None:
                return found
    return None


@overload
def to_dict(obj: attrs.AttrsInstance) -> dict[str, Any]: ...
@overload
def to_dict(obj: Iterable[attrs.AttrsInstance]) -> list[dict[str, Any]]: ...


def to_dict(
    obj: attrs.AttrsInstance | Iterable[attrs.AttrsInstance],
) -> dict[str, Any] | list[dict[str, Any]]:
    """A record as JSON-ready data; a collection of records (editions, results) as a list of them.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.to_dict(rcf.countries["KZ"])["official_name"]
    'Republic of Kazakhstan'
    >>> len(rcf.to_dict(rcf.editions.filter(host="KZ")))
    1

    ```
    """
    if attrs.has(type(obj)):
        result: dict[str, Any] = _plain_record(type(obj))(obj)
        # Citations and inferences go back beside the facts they are about, as in the files.
        return zip_record(result, type(obj)) if is_cited(type(obj)) else result
    if isinstance(obj, (str, bytes, dict)) or not isinstance(obj, Iterable):
        raise InvalidTypeError(
            f"to_dict() takes a record (Edition, Country, …) or a collection of them, "
            f"not {type(obj).__name__}"
        )
    items = list(obj)
    for item in items:
        if not attrs.has(type(item)):
            raise InvalidTypeError(f"to_dict() found a {type(item).__name__} in the collection")
    return [to_dict(item) for item in items]


def to_json(
    obj: attrs.AttrsInstance | Iterable[attrs.AttrsInstance], *, indent: int | None = 2
) -> str:
    """``to_dict(obj)`` as a JSON string (UTF-8 text, non-ASCII kept as is).

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> print(rcf.to_json(rcf.themes["forestry"], indent=None))
    {"slug": "forestry", "label": "Forestry", "aliases": ["forests", "forest"]}

    ```
    """
    if indent is not None and (type(indent) is not int or indent < 0):
        raise InvalidTypeError(f"indent must be None or a whole number ≥ 0, not {indent!r:.40}")
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent)


def from_dict(
    cls: type[T],
    data: object,
    *,
    dataset: Dataset | None = None,
    sources: Iterable[Source] | None = None,
) -> T:
    """Build a ``cls`` record from ``to_dict``-shaped data, resolving references in ``dataset``.

    ``dataset`` defaults to the bundled one; citations name sources by key, in its
    ``sources`` and in any further ``sources=`` given. The rules the loader applies to a whole
    edition (dates in order and in the year, facts cited, …) apply here too.
    Raises `DataValidationError` naming the field.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.from_dict(rcf.Person, {"id": "x", "name": "X", "aliases": []}).name
    'X'

    ```
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise InvalidTypeError(f"from_dict() takes a record class such as Edition, not {cls!r}")
    if dataset is not None and not isinstance(dataset, Dataset):
        raise InvalidTypeError(f"dataset must be a Dataset, not {type(dataset).__name__}")
    if sources is not None and (
        isinstance(sources, (str, bytes)) or not isinstance(sources, Iterable)
    ):
        raise InvalidTypeError(f"sources must be Source records, not {type(sources).__name__}")
    given = tuple(sources or ())
    if not all(isinstance(s, Source) for s in given):
        kinds = sorted({type(s).__name__ for s in given if not isinstance(s, Source)})
        raise InvalidTypeError(f"sources must be Source records, not {', '.join(kinds)}")
    from rok_ca_forum._builder import BuildError, build
    from rok_ca_forum._format import EDITIONS, reference_tables
    from rok_ca_forum.loading import bundled
    from rok_ca_forum.rules import check_complete, check_edition, publishers
    from rok_ca_forum.validate import flat, validation_error

    ds = dataset or bundled()
    references = reference_tables([ds.countries, ds.people, ds.themes, ds.sources, given])
    references.setdefault(Source, {})
    where = f"from_dict({cls.__name__})"
    # JSON has only string keys; a plain dict may not: say so at once, naming where.
    odd = _non_string_key(data)
    if odd is not None:
        path, key = odd
        raise DataValidationError(where, path or "(top level)", f"unknown field(s): {key!r}")
    data = flat(data, cls, where)
    # The rules load() applies to an edition file apply here too.
    if cls is EDITIONS.cls and EDITIONS.complete and isinstance(data, dict):
        check_complete(data, cls, where)
    try:
        record = typing.cast(T, build(data, cls, references))
    except BuildError as exc:
        raise validation_error(exc, where, data) from None
    if isinstance(record, Edition):
        check_edition(record, where, publishers({Source: references[Source].values()}))
        record._bind(tuple(ds.countries))
    return record
