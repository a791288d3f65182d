"""The one builder: JSON-shaped data to records, strictly, every problem collected.

The bundled data, a user's data directory and ``from_dict`` all come through here. The builder of
each record class is generated once from the data format (``_format``: each field's `Shape` and
limits), so nothing here names a model's fields. It is strict where JSON readers are lenient:
``"12"`` is not an int, ``true`` is not 1, a string is not a list, unknown keys are errors, and a
reference (a country code, a person id, a theme slug, a source key) must name a record of the
tables it is given. Nothing is built unless everything is sound: a fault anywhere raises
`BuildError` with every problem found, each ``(path, problem)``.

```pycon
>>> from rok_ca_forum.models import Inference
>>> build({"field": "year", "note": "from the yearly cadence"}, Inference, {}).field
'year'
>>> try:
...     build({"field": 1, "note": "x", "colour": "red"}, Inference, {})
... except BuildError as exc:
...     exc.problems
[('', 'unknown field(s): colour'), ('field', 'expected a string, got int')]

```
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from rok_ca_forum._format import VOCABULARIES, Shape, limits_of, record_shapes
from rok_ca_forum._meta import key_field, per_class
from rok_ca_forum._text import number_text, suggest

__all__ = ["BuildError", "References", "build", "build_list"]

T = TypeVar("T")

#: What references resolve to: for each referenced record type, its records by key.
References = Mapping[type, Mapping[str, Any]]
#: One problem: where it is (``delegations[2].country``, "" for the whole value) and what.
Problem = tuple[str, str]
# A builder takes the value, the references, its path and the problems found so far; on the fast
# first pass the problems are None, paths are not worked out, and a fault raises _Retry.
_Build = Callable[[object, References, str, "list[Problem] | None"], Any]
_Found = list[Problem] | None


class BuildError(ValueError):
    """The data could not be built; ``problems`` holds every ``(path, problem)`` found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p or '(top level)'}: {m}" for p, m in problems))
        self.problems = problems


class _Bad:
    """What a builder returns for a value it could not build (its problem is recorded)."""

    __slots__ = ()


_BAD: Any = _Bad()


class _Retry(Exception):
    """Raised on the first fault of the fast pass, which keeps no paths: build again, slowly."""


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# How an unknown reference is described, by the record type it should name.
_REFERENCE_WORDS = {file.cls: f"{file.noun} (see {file.name})" for file in VOCABULARIES}


def _fault(problems: list[Problem] | None, path: str, problem: str) -> Any:
    """Record ``problem`` at ``path`` (or, on the fast pass, start again with paths)."""
    if problems is None:
        raise _Retry
    problems.append((path, problem))
    return _BAD


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _at(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def shown(value: object) -> str:
    """A value as a problem quotes it: short, and never a number too long to print."""
    return number_text(value) if type(value) is int else repr(value)[:80]


def _plain(kind: type, what: str) -> _Build:
    def build(value: object, _: References, path: str, problems: _Found) -> Any:
        if type(value) is kind:  # exactly: bool is an int, and JSON true must not pass for 1
            return value
        return _fault(problems, path, f"expected {what}, got {_type_name(value)}")

    return build


def _date(value: object, _: References, path: str, problems: _Found) -> Any:
    if type(value) is not str:
        return _fault(problems, path, f"expected a date as 'YYYY-MM-DD', got {_type_name(value)}")
    if not _ISO_DATE.fullmatch(value):
        return _fault(problems, path, f"{value[:40]!r} is not a date as 'YYYY-MM-DD'")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        return _fault(problems, path, f"{value!r} is not a date: {exc}")


def _enum(cls: Any) -> _Build:
    values = [str(member.value) for member in cls]

    def build(value: object, _: References, path: str, problems: _Found) -> Any:
        try:
            return cls(value)
        except (ValueError, TypeError):
            hints = suggest(value, values) if type(value) is str else ()
            tip = f"did you mean {', '.join(map(repr, hints))}? " if hints else ""
            valid = ", ".join(map(repr, values))
            problem = f"{shown(value)} is not a valid {cls.__name__}; {tip}valid: {valid}"
            return _fault(problems, path, problem)

    return build


def _reference(cls: Any) -> _Build:
    what = _REFERENCE_WORDS.get(cls, f"{cls.__name__.lower()} {key_field(cls)}")

    def build(value: object, refs: References, path: str, problems: _Found) -> Any:
        if type(value) is not str:
            return _fault(
                problems, path, f"expected a reference, a {what}, got {_type_name(value)}"
            )
        table = refs.get(cls, {})
        found = table.get(value)
        if found is None:
            if problems is None:
                raise _Retry
            hints = nearest_keys(value, table)
            tip = f"; did you mean {', '.join(map(repr, hints))}?" if hints else ""
            return _fault(problems, path, f"{value[:80]!r} is not a {what}{tip}")
        return found

    return build


def nearest_keys(value: str, table: Mapping[str, Any]) -> tuple[str, ...]:
    """The keys of ``table`` nearest to ``value``, by key and by every name of the record (a
    theme's label and aliases, a country's alpha-3 code and names): ``water`` finds
    ``water-resources``, ``KOR`` finds ``KR``.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> nearest_keys("KOR", {c.alpha_2: c for c in rcf.countries})
    ('KR',)

    ```
    """
    names: dict[str, str] = {}
    for key, record in table.items():
        for name in _names_of(record):
            names.setdefault(name, key)
    by_name = suggest(value, names)
    return tuple(dict.fromkeys((*(names[n] for n in by_name), *suggest(value, table))))[:3]


def _names_of(record: Any) -> Iterator[str]:
    """The short texts a record is known by: its text fields and lists of text (aliases)."""
    for value in (getattr(record, f, None) for f in getattr(record, "__slots__", ())):
        for text in value if isinstance(value, tuple) else (value,):
            if isinstance(text, str) and len(text) <= 80:
                yield text


def _limited(inner: _Build, limits: Mapping[str, Any]) -> _Build:
    """``inner`` followed by the field's limits (bounds, pattern, allowed values, length)."""
    low, high = limits.get("minimum"), limits.get("maximum")
    pattern = re.compile(limits["pattern"]) if "pattern" in limits else None
    allowed = limits.get("enum")
    longest = limits.get("max_length")
    meaning = limits.get("description") or f"matching {limits.get('pattern')}"

    def build(value: object, refs: References, path: str, problems: _Found) -> Any:
        result = inner(value, refs, path, problems)
        if result is _BAD or result is None:
            return result
        if low is not None and result < low:
            return _fault(problems, path, f"{shown(result)} is below the minimum {low}")
        if high is not None and result > high:
            return _fault(problems, path, f"{shown(result)} is above the maximum {high}")
        if pattern is not None and not pattern.fullmatch(result):
            return _fault(problems, path, f"{shown(result)} is not {meaning}")
        if allowed is not None and result not in allowed:
            return _fault(problems, path, f"{shown(result)} is not one of {', '.join(allowed)}")
        if longest is not None and len(result) > longest:
            size = len(result)
            return _fault(problems, path, f"is {size} characters long; at most {longest} allowed")
        return result

    return build


def _value(shape: Shape) -> _Build:
    """The builder of a value of ``shape``."""
    kind = shape.kind
    if kind == "str":
        return _plain(str, "a string")
    if kind == "int":
        return _plain(int, "an integer")
    if kind == "date":
        return _date
    if kind == "enum":
        return _enum(shape.cls)
    if kind == "reference":
        return _reference(shape.cls)
    if kind == "record":
        return record_builder(shape.cls)
    assert shape.inner is not None
    inner = _value(shape.inner)
    if kind == "optional":

        def optional(
            value: object, refs: References, path: str, problems: list[Problem] | None
        ) -> Any:
            return None if value is None else inner(value, refs, path, problems)

        return optional
    plain_strings = shape.inner.kind == "str"

    def many(value: object, refs: References, path: str, problems: _Found) -> Any:
        if type(value) is not list:
            return _fault(problems, path, f"expected a list, got {_type_name(value)}")
        if plain_strings and all(type(item) is str for item in value):
            return tuple(value)  # the common case (aliases), checked in one pass
        if problems is None:
            return tuple([inner(item, refs, "", None) for item in value])
        items = [inner(item, refs, f"{path}[{i}]", problems) for i, item in enumerate(value)]
        return _BAD if any(item is _BAD for item in items) else tuple(items)

    return many


#: Shapes (kind, inner kind) whose JSON value is the model's value, and the exact types allowed.
_PLAIN_KINDS: dict[tuple[str, str | None], tuple[type, ...]] = {
    ("str", None): (str,), ("int", None): (int,),
    ("optional", "str"): (str, type(None)), ("optional", "int"): (int, type(None)),
}  # fmt: skip


@per_class
def record_builder(cls: type) -> _Build:
    """The builder of a ``cls`` record from its JSON object, generated from its shapes."""
    fields = []
    # Fields whose JSON value already is the model's value (text, a whole number, null), with no
    # limits: the fast pass checks their type inline rather than calling a builder for each.
    plain: list[tuple[str, tuple[type, ...], bool]] = []
    for name, shape in record_shapes(cls):
        limits = limits_of(cls, name)
        required = attrs.fields_dict(cls)[name].default is attrs.NOTHING
        kinds = _PLAIN_KINDS.get((shape.kind, shape.inner.kind if shape.inner else None))
        if kinds is not None and not limits:
            plain.append((name, kinds, required))
        build_value = _value(shape)
        if limits:
            build_value = _limited(build_value, limits)
        fields.append((name, build_value, required))
    known = frozenset(name for name, _, _ in fields)
    simple = frozenset(name for name, _, _ in plain)
    rest = [field for field in fields if field[0] not in simple]

    def build(raw: object, refs: References, path: str, problems: _Found) -> Any:
        if not isinstance(raw, dict):
            return _fault(problems, path, f"expected an object, got {_type_name(raw)}")
        if problems is None:  # the fast pass: no paths, and the first fault starts again
            if raw.keys() - known:
                raise _Retry
            kwargs = {}
            for name, kinds, required in plain:
                if name in raw:
                    value = raw[name]
                    if type(value) not in kinds:
                        raise _Retry
                    kwargs[name] = value
                elif required:
                    raise _Retry
            for name, build_value, required in rest:
                if name in raw:
                    kwargs[name] = build_value(raw[name], refs, "", None)
                elif required:
                    raise _Retry
            return cls(**kwargs)
        before = len(problems)
        extra = [k for k in raw if k not in known]
        if extra:
            listed = sorted(k if isinstance(k, str) else repr(k) for k in extra)
            problems.append((path, f"unknown field(s): {', '.join(listed)}"))
        kwargs = {}
        for name, build_value, required in fields:
            if name in raw:
                kwargs[name] = build_value(raw[name], refs, _at(path, name), problems)
            elif required:
                problems.append((_at(path, name), "required field missing"))
        if len(problems) > before:
            return _BAD
        return cls(**kwargs)

    return build


def build(data: object, cls: type[T], refs: References) -> T:
    """A ``cls`` record built from ``data``; `BuildError` with every problem if it is unsound.

    At the top level every record is a whole record (a Country, a Person); nested inside another
    record, a vocabulary's record is a reference, resolved in ``refs``.
    """
    one = record_builder(cls)
    try:  # sound data, the usual case, builds in one pass that works out no paths
        return one(data, refs, "", None)  # type: ignore[no-any-return]
    except _Retry:
        pass
    problems: list[Problem] = []
    one(data, refs, "", problems)
    if not problems:  # pragma: no cover - a fault only the fast pass sees would be a bug
        raise AssertionError("the fast pass found a fault the full pass did not")
    raise BuildError(problems)


def build_list(data: object, cls: type[T], refs: References) -> tuple[T, ...]:
    """A file's list of ``cls`` records (countries, sources, people, bodies).

    ```pycon
    >>> from rok_ca_forum.models import Theme
    >>> build_list([{"slug": "a", "label": "A", "aliases": []}], Theme, {})[0].label
    'A'

    ```
    """
    if type(data) is not list:
        raise BuildError([("", f"expected a list, got {_type_name(data)}")])
    one = record_builder(cls)
    try:
        return tuple([one(item, refs, "", None) for item in data])
    except _Retry:
        pass
    problems: list[Problem] = []
    for i, item in enumerate(data):
        one(item, refs, f"[{i}]", problems)
    raise BuildError(problems)
