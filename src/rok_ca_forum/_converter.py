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
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError, IterableValidationNote

from rok_ca_forum.enums import DeliverableKind, Format, Level, Status
from rok_ca_forum.institutions import (
    Body,
    Meeting,
    Milestone,
    Names,
    Secretariat,
    SecretariatHead,
    WorkPlan,
)
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

__all__ = [
    "Resolver",
    "converter",
    "format_errors",
    "resolving",
    "structure_records",
    "structure_strict",
    "unstructure",
]

T = TypeVar("T")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@attrs.frozen(kw_only=True)
class Resolver:
    """What references resolve to during one load (or one ``from_dict``)."""

    countries: Mapping[str, Country]
    people: Mapping[str, Person]
    themes: Mapping[str, Theme]
    sources: Mapping[str, Source] = attrs.field(factory=dict)


_current: contextvars.ContextVar[Resolver | None] = contextvars.ContextVar(
    "rok_ca_forum_resolver", default=None
)


@contextlib.contextmanager
def resolving(resolver: Resolver) -> Iterator[None]:
    """Resolve references against ``resolver`` inside the ``with`` block."""
    token = _current.set(resolver)
    try:
        yield
    finally:
        _current.reset(token)


def _resolver() -> Resolver:
    resolver = _current.get()
    if resolver is None:  # pragma: no cover - a programming error inside the package
        raise RuntimeError("references can only be resolved inside resolving()")
    return resolver


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


def _optional(hook: Callable[[object, type], T]) -> Callable[[object, type], T | None]:
    # Faster than cattrs' generic Optional handling, which dispatches on every call.
    def structure(value: object, tp: type) -> T | None:
        return None if value is None else hook(value, tp)

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
            valid = ", ".join(repr(m.value) for m in cls)
            raise ValueError(f"{value!r} is not a valid {cls.__name__}; valid: {valid}") from None

    return structure


def _lookup(kind: str, table: Mapping[str, T], value: object) -> T:
    if type(value) is not str:
        raise TypeError(f"expected a {kind} reference (a string), got {_type_name(value)}")
    try:
        return table[value]
    except KeyError:
        raise ValueError(f"{value[:80]!r} is not a known {kind}") from None


def _country(value: object, _: type) -> Country:
    if type(value) is str and value not in _resolver().countries:
        raise ValueError(f"{value[:80]!r} is not a member state")
    return _lookup("country", _resolver().countries, value)


def _person(value: object, _: type) -> Person:
    return _lookup("person id in people.json", _resolver().people, value)


def _theme(value: object, _: type) -> Theme:
    return _lookup("theme slug in themes.json", _resolver().themes, value)


def _source_ref(value: object, _: type) -> Source:
    return _lookup("source URL of this file", _resolver().sources, value)


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


def _structure_list(
    value: object, tp: Any, inner: Any, handler: Callable[[Any, Any], Any]
) -> tuple[Any, ...]:
    if type(value) is not list:
        raise TypeError(f"expected a list, got {_type_name(value)}")
    if inner is str and all(type(item) is str for item in value):
        return tuple(value)  # the common case (notes, aliases, supports…), checked in one pass
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


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(dt.date, _iso_date)
    scalar_hooks: list[tuple[Any, Callable[[object, type], Any]]] = [
        (str, _strict_str), (int, _strict_int), (dt.date, _iso_date),
    ]  # fmt: skip
    for plain_type, hook in scalar_hooks:
        conv.register_structure_hook_func(_is_optional_of(plain_type), _optional(hook))
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    # Registered per class: the enums subclass str, and the str hook above would otherwise win.
    for enum_cls in (DeliverableKind, Format, Level, Status):
        conv.register_structure_hook(enum_cls, _enum_hook(enum_cls))
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda _: lambda m: m.value
    )
    conv.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda tp: _tuple_hook_factory(conv, tp)
    )
    # References: written as keys in JSON, handed out as the records they name.
    conv.register_structure_hook(Country, _country)
    conv.register_unstructure_hook(Country, lambda c: c.alpha_2)
    conv.register_structure_hook(Person, _person)
    conv.register_unstructure_hook(Person, lambda p: p.id)
    conv.register_structure_hook(Theme, _theme)
    conv.register_unstructure_hook(Theme, lambda t: t.slug)
    # Inside an Alternative a source is a URL pointing into the edition's own sources.
    conv.register_structure_hook(
        Alternative,
        cattrs.gen.make_dict_structure_fn(
            Alternative, conv, _cattrs_forbid_extra_keys=True,
            sources=cattrs.gen.override(struct_hook=_source_refs),
        ),
    )  # fmt: skip
    conv.register_unstructure_hook_factory(
        lambda t: t is Alternative,
        lambda t: cattrs.gen.make_dict_unstructure_fn(
            t, conv, sources=cattrs.gen.override(unstruct_hook=_source_urls)
        ),
    )
    # Generate each nested record's hook once, leaves first, and register it: left to itself
    # cattrs regenerates (and recompiles) a nested class's hook for every class that contains it.
    for leaf in (Source, Inference, Discrepancy, Delegation, Deliverable, Names, Milestone,
                 SecretariatHead, WorkPlan, Meeting):  # fmt: skip
        conv.register_structure_hook(
            leaf, cattrs.gen.make_dict_structure_fn(leaf, conv, _cattrs_forbid_extra_keys=True)
        )
    for cls in (Edition, Secretariat, Body):
        conv.register_structure_hook(cls, _with_own_sources(conv, cls))
    return conv


def _with_own_sources(conv: cattrs.Converter, cls: type[T]) -> Callable[[object, type], T]:
    """A structure hook for a record whose discrepancies point at its own sources by URL."""
    plain = cattrs.gen.make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

    def structure(value: object, target: type) -> T:
        if type(value) is not dict:
            raise TypeError(f"expected an object, got {_type_name(value)}")
        try:  # the sources come first, so that discrepancies can point at them
            sources = conv.structure(value.get("sources", []), tuple[Source, ...])
        except Exception:
            # Broken sources: structure everything, so that the error carries its full path.
            with resolving(attrs.evolve(_resolver(), sources={})):
                return plain(value, target)
        rest = {key: item for key, item in value.items() if key != "sources"}
        with resolving(attrs.evolve(_resolver(), sources={s.url: s for s in sources})):
            record = plain(rest, target)
        # The sources were structured once, above; evolve() only re-runs the cheap __init__.
        return typing.cast(T, attrs.evolve(typing.cast(Any, record), sources=sources))

    return structure


def _source_refs(value: object, _: type) -> tuple[Source, ...]:
    if type(value) is not list:
        raise TypeError(f"expected a list of source URLs, got {_type_name(value)}")
    return tuple(_source_ref(v, Source) for v in value)


def _source_urls(sources: tuple[Source, ...]) -> list[str]:
    return [s.url for s in sources]


converter = _make_converter()

# Countries, people and themes are references inside editions but records in their own files.
_RECORD_HOOKS: dict[type, Callable[[Any, Any], Any]] = {
    cls: cattrs.gen.make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)
    for cls in (Country, Person, Theme)
}


_RECORD_UNHOOKS: dict[type, Callable[[Any], Any]] = {}  # made on first to_dict() of a record


def structure_strict(data: object, cls: type[T]) -> T:
    """Structure ``data`` into ``cls`` with this package's strict rules.

    At the top level a Country, Person or Theme is a whole record; nested inside another record
    it is a reference (a code, id or slug).
    """
    record_hook = _RECORD_HOOKS.get(cls)
    if record_hook is not None:
        return typing.cast(T, record_hook(data, cls))
    return converter.structure(data, cls)


def unstructure(obj: object) -> Any:
    """Plain data for a record; the inverse of :func:`structure_strict`."""
    cls = type(obj)
    if cls not in (Country, Person, Theme):
        return converter.unstructure(obj)
    hook = _RECORD_UNHOOKS.get(cls)
    if hook is None:
        hook = _RECORD_UNHOOKS[cls] = cattrs.gen.make_dict_unstructure_fn(cls, converter)
    return hook(obj)


def structure_records(data: object, cls: type[T]) -> tuple[T, ...]:
    """A vocabulary file's list of records (countries, people, themes, bodies).

    ```pycon
    >>> from rok_ca_forum.models import Theme
    >>> structure_records([{"slug": "a", "label": "A", "aliases": []}], Theme)[0].label
    'A'

    ```
    """
    handler = _RECORD_HOOKS.get(cls) or converter.get_structure_hook(cls)
    return _structure_list(data, tuple[cls, ...], cls, handler)  # type: ignore[valid-type]


def _format_exception(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s): {', '.join(sorted(exc.extra_fields))}"
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
