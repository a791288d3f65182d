"""The one cattrs converter that turns JSON-shaped data into models and back.

It is strict where cattrs is lenient by default: ``"12"`` is not an int, ``12`` is not a string, a
string is not a list, unknown keys are errors. References (country codes, person ids, theme slugs,
source URLs) are resolved against the vocabularies of the load in progress, held in a context
variable so that concurrent loads in several threads never see each other's vocabularies.

```pycon
>>> from rok_ca_forum._converter import structure_strict
>>> from rok_ca_forum.models import Inference
>>> structure_strict({"field": "year", "note": "from the yearly cadence"}, Inference).field
'year'

```
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import enum
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError, IterableValidationNote

from rok_ca_forum._format import (
    FILES,
    VOCABULARIES,
    Shape,
    enums_used,
    key_field,
    limits_of,
    record_shapes,
    records_reachable,
)
from rok_ca_forum._text import suggest

__all__ = [
    "References",
    "converter",
    "format_errors",
    "make_converter",
    "resolving",
    "structure_records",
    "structure_strict",
]

T = TypeVar("T")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


#: What references resolve to during one load (or one ``from_dict``): for each referenced record
#: type, its records by key (see ``_format.reference_tables``).
References = Mapping[type, Mapping[str, Any]]

_current: contextvars.ContextVar[References | None] = contextvars.ContextVar(
    "rok_ca_forum_references", default=None
)


@contextlib.contextmanager
def resolving(references: References) -> Iterator[None]:
    """Resolve references against ``references`` inside the ``with`` block."""
    token = _current.set(references)
    try:
        yield
    finally:
        _current.reset(token)


def _references() -> References:
    references = _current.get()
    if references is None:  # pragma: no cover - a programming error inside the package
        raise RuntimeError("references can only be resolved inside resolving()")
    return references


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _strict_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {_type_name(value)}")
    return value


def _strict_int(value: object, _: type) -> int:
    # bool is an int subclass; JSON true must not pass for 1.
    if type(value) is not int:
        raise TypeError(f"expected an integer, got {_type_name(value)}")
    return value


def _optional(
    hook: Callable[[object, type], T], plain: type | None = None
) -> Callable[[object, type], T | None]:
    # Faster than cattrs' generic Optional handling, which dispatches on every call; a value
    # that already is the ``plain`` type (str, int: exactly, so that True is no int) passes at once.
    def structure(value: object, tp: type) -> T | None:
        if value is None or type(value) is plain:
            return value  # type: ignore[return-value]
        return hook(value, tp)

    return structure


def _is_optional_of(plain_type: Any) -> Callable[[Any], bool]:
    optional = plain_type | None

    def predicate(tp: Any) -> bool:
        return bool(tp == optional)

    return predicate


def _iso_date(value: object, _: type) -> dt.date:
    if type(value) is not str:
        raise TypeError(f"expected a date as 'YYYY-MM-DD', got {_type_name(value)}")
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"{value[:40]!r} is not a date as 'YYYY-MM-DD'")
    return dt.date.fromisoformat(value)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    def structure(value: object, _: type) -> enum.Enum:
        try:
            return cls(value)
        except ValueError:
            values = [str(m.value) for m in cls]
            hints = suggest(value, values) if type(value) is str else ()
            tip = f"did you mean {', '.join(map(repr, hints))}? " if hints else ""
            valid = ", ".join(map(repr, values))
            shown = repr(value)[:80]
            raise ValueError(
                f"{shown} is not a valid {cls.__name__}; {tip}valid: {valid}"
            ) from None

    return structure


# How an unknown reference is described, by the record type it should name.
_REFERENCE_WORDS = {file.cls: f"{file.noun} (see {file.name})" for file in VOCABULARIES}


def _reference_hook(cls: type) -> Callable[[object, type], Any]:
    what = _REFERENCE_WORDS.get(cls, f"{cls.__name__.lower()} {key_field(cls)} of this file")

    def structure(value: object, _: type) -> Any:
        if type(value) is not str:
            raise TypeError(f"expected a reference, a {what}, got {_type_name(value)}")
        table = _references()[cls]
        try:
            return table[value]
        except KeyError:
            hints = _nearest_keys(value, table)
            tip = f"; did you mean {', '.join(map(repr, hints))}?" if hints else ""
            raise ValueError(f"{value[:80]!r} is not a {what}{tip}") from None

    return structure


def _nearest_keys(value: str, table: Mapping[str, Any]) -> tuple[str, ...]:
    """The keys of ``table`` nearest to ``value``, by key and by every name of the record (a
    theme's label and aliases, a country's alpha-3 code and names): ``water`` finds
    ``water-resources``, ``KOR`` finds ``KR``."""
    hints = suggest(value, table)
    names: dict[str, str] = {}
    for key, record in table.items():
        for name in _names_of(record):
            names.setdefault(name, key)
    by_name = suggest(value, names)
    return tuple(dict.fromkeys((*(names[n] for n in by_name), *hints)))[:3]


def _names_of(record: Any) -> Iterator[str]:
    """The short texts a record is known by: its text fields and lists of text (aliases)."""
    for value in (getattr(record, f, None) for f in getattr(record, "__slots__", ())):
        for text in value if isinstance(value, tuple) else (value,):
            if isinstance(text, str) and len(text) <= 80:
                yield text


def _limited(
    hook: Callable[[object, type], T], limits: Mapping[str, Any]
) -> Callable[[object, type], T]:
    """``hook`` followed by the field's limits (bounds, pattern, allowed values)."""
    low, high = limits.get("minimum"), limits.get("maximum")
    pattern = re.compile(limits["pattern"]) if "pattern" in limits else None
    allowed = limits.get("enum")
    longest = limits.get("max_length")
    meaning = limits.get("description") or f"matching {limits.get('pattern')}"

    def structure(value: object, tp: type) -> T:
        result = hook(value, tp)
        if result is None:
            return result
        if low is not None and result < low:
            raise ValueError(f"{_shown(result)} is below the minimum {low}")
        if high is not None and result > high:
            raise ValueError(f"{_shown(result)} is above the maximum {high}")
        if pattern is not None and not pattern.fullmatch(result):
            raise ValueError(f"{_shown(result)} is not {meaning}")
        if longest is not None and len(typing.cast(str, result)) > longest:
            size = len(typing.cast(str, result))
            raise ValueError(f"is {size} characters long; at most {longest} are allowed")
        if allowed is not None and result not in allowed:
            raise ValueError(f"{_shown(result)} is not one of {', '.join(allowed)}")
        return result

    return structure


def _shown(value: object) -> str:
    if type(value) is int and abs(value) >= 10**18:  # Python refuses to print huge ints
        return f"a number of {value.bit_length()} bits"
    return repr(value)[:80]


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(
    conv: cattrs.Converter, tp: Any
) -> Callable[[object, type], tuple[Any, ...]]:
    inner = typing.get_args(tp)[0]

    # Factories run lazily, when a tuple type is first needed: by then every custom hook for the
    # inner type is registered, so the handler can be looked up once.
    handler = conv.get_structure_hook(inner)

    def structure(value: object, _: type) -> tuple[Any, ...]:
        return _structure_list(value, tp, inner, handler)

    return structure


_JUST_STR = {str}


def _structure_list(
    value: object, tp: Any, inner: Any, handler: Callable[[Any, Any], Any]
) -> tuple[Any, ...]:
    if type(value) is not list:
        raise TypeError(f"expected a list, got {_type_name(value)}")
    if inner is str and (not value or set(map(type, value)) == _JUST_STR):
        return tuple(value)  # the common case (notes, aliases, supports…), checked in one pass
    try:  # the common case: every item is good
        return tuple([handler(item, inner) for item in value])
    except Exception:
        pass
    items: list[Any] = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
        try:
            items.append(handler(item, inner))
        except Exception as exc:  # collected and re-raised with the index in its path
            note = IterableValidationNote(f"Structuring {tp} @ index {index}", index, inner)
            # cattrs reads the index from __notes__ (add_note() is 3.11+ only).
            setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
    return tuple(items)


_ROOTS = tuple(file.cls for file in FILES)


def make_converter(roots: Iterable[type] = _ROOTS) -> cattrs.Converter:
    """A strict converter for the records reachable from ``roots`` (by default: every file's)."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    scalar_hooks: list[tuple[Any, Callable[[object, type], Any]]] = [
        (str, _strict_str), (int, _strict_int), (dt.date, _iso_date),
    ]  # fmt: skip
    for plain_type, hook in scalar_hooks:
        conv.register_structure_hook(plain_type, hook)
        passes = plain_type if plain_type in (str, int) else None
        conv.register_structure_hook_func(_is_optional_of(plain_type), _optional(hook, passes))
    # Registered per class: the enums subclass str, and the str hook above would otherwise win.
    for enum_cls in enums_used():
        conv.register_structure_hook(enum_cls, _enum_hook(enum_cls))
    conv.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda tp: _tuple_hook_factory(conv, tp)
    )
    # Every record a file holds, leaves first, so that each nested hook is generated once and
    # found by the records that contain it (left to itself cattrs regenerates a nested class's
    # hook for every class that contains it).
    for cls in dict.fromkeys(c for root in roots for c in records_reachable(root)):
        conv.register_structure_hook(cls, _record_hook(conv, cls))
    return conv


def _field_hook(conv: cattrs.Converter, cls: type, name: str, shape: Shape) -> Any:
    """The structure hook of one field, where it differs from what cattrs would pick by type."""
    limits = limits_of(cls, name)
    if shape.kind == "reference":
        return _reference_hook(shape.cls)
    if shape.kind == "list" and shape.inner is not None and shape.inner.kind == "reference":
        inner = _reference_hook(shape.inner.cls)
        return lambda value, _: _structure_list(value, tuple, shape.inner.cls, inner)
    if shape.kind == "optional" and shape.inner is not None and shape.inner.kind == "reference":
        inner = _optional(_reference_hook(shape.inner.cls))
        return _limited(inner, limits) if limits else inner
    if limits:
        hook = conv.get_structure_hook(shape.cls if shape.inner is None else shape.inner.cls)
        return _limited(_optional(hook) if shape.kind == "optional" else hook, limits)
    return None


def _record_hook(conv: cattrs.Converter, cls: type[T]) -> Callable[[Any, type], T]:
    overrides: dict[str, Any] = {}
    for name, shape in record_shapes(typing.cast(type, cls)):
        hook = _field_hook(conv, cls, name, shape)
        if hook is not None:
            overrides[name] = cattrs.gen.override(struct_hook=hook)
    plain = cattrs.gen.make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, **overrides
    )

    def structure(value: Any, target: type) -> T:
        if not isinstance(value, dict):  # cattrs would fail inside, on a membership test
            raise TypeError(f"expected an object, got {_type_name(value)}")
        return plain(value, target)

    return structure


converter = make_converter()


def structure_strict(data: object, cls: type[T]) -> T:
    """Structure ``data`` into ``cls`` with this package's strict rules.

    At the top level every record is a whole record, a Country or Person included; nested inside
    another record a vocabulary's record is a reference (a code, id or slug).
    """
    return typing.cast(T, converter.get_structure_hook(cls)(data, cls))


def structure_records(data: object, cls: type[T]) -> tuple[T, ...]:
    """A vocabulary file's list of records (countries, people, themes, bodies).

    ```pycon
    >>> from rok_ca_forum.models import Theme
    >>> structure_records([{"slug": "a", "label": "A", "aliases": []}], Theme)[0].label
    'A'

    ```
    """
    handler = converter.get_structure_hook(cls)
    return _structure_list(data, tuple[cls, ...], cls, handler)  # type: ignore[valid-type]


def _format_exception(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        # Keys of plain dicts handed to from_dict need not be strings: show each as written.
        shown = sorted(k if isinstance(k, str) else repr(k) for k in exc.extra_fields)
        return f"unknown field(s): {', '.join(shown)}"
    return str(exc) or type(exc).__name__


def format_errors(exc: BaseException) -> list[tuple[str, str]]:
    """``(field path, problem)`` pairs for a structuring error.

    Paths look like ``delegations[2].country``.

    ```pycon
    >>> from rok_ca_forum.models import Inference
    >>> try:
    ...     structure_strict({"field": 1, "note": "x"}, Inference)
    ... except Exception as exc:
    ...     format_errors(exc)
    [('field', 'expected a string, got int')]

    ```
    """
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        lines = cattrs.transform_error(exc, path="$", format_exception=_format_exception)
    else:
        lines = [f"{_format_exception(exc, None)} @ $"]
    pairs = []
    for line in lines:
        problem, _, path = line.rpartition(" @ ")
        path = path.removeprefix("$").removeprefix(".")
        pairs.append((path, problem))
    return pairs
