"""The data rules that field types and limits alone do not express, shared by every way in.

`load()` applies them to each file and `from_dict` to each record it builds, so a rule holds
wherever data enters. Each check raises a `DataValidationError` naming the file and field.

```pycon
>>> import rok_ca_forum as rcf
>>> check_edition(rcf.editions[12], "editions/12.json")  # the bundled data keeps every rule

```
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from rok_ca_forum.enums import Status
from rok_ca_forum.errors import DataValidationError, Problem
from rok_ca_forum.models import Edition
from rok_ca_forum.provenance import Source, fact_paths, facts_to_source, item_paths, paths_of

__all__ = [
    "check_complete",
    "check_edition",
    "check_provenance",
    "check_sequence",
    "check_sourced",
    "check_unique",
]

T = TypeVar("T")

#: Paths of an edition that are the package's own words or provenance, not facts to source.
_NOT_SOURCED = frozenset({"notes", "discrepancies", "claims"})


def check_unique(items: Iterable[T], key: Callable[[T], str], name: str, what: str) -> None:
    """Each item's ``key`` used once, ignoring case (two keys one letter-case apart would leave
    one record unreachable by forgiving look-ups)."""
    keys = [key(item) for item in items]
    folded = [k.casefold() for k in keys]
    if len(set(folded)) == len(folded):
        return
    seen: dict[str, str] = {}
    for index, (k, f) in enumerate(zip(keys, folded, strict=True)):
        if f in seen:
            also = "" if seen[f] == k else f" (as {seen[f]!r} too)"
            raise DataValidationError(name, f"[{index}]", f"duplicate {what} {k!r}{also}")
        seen[f] = k


def check_complete(raw: Mapping[Any, Any], cls: type, name: str) -> None:
    """Every data field of ``cls`` written out in ``raw``: unknown is null, never left out."""
    missing = [f.name for f in attrs.fields(cls) if f.init and f.name not in raw]
    if missing:
        raise DataValidationError.of([(name, field, "required field missing") for field in missing])


def check_provenance(record: Any, name: str, items: frozenset[str] | None = None) -> None:
    """Sources listed once each, each backing items this record has (``"themes.energy"``, not
    ``"themes"``), and inferences and discrepancies about fields or items it has."""
    sources: tuple[Source, ...] = getattr(record, "sources", ())
    items = item_paths(record) if items is None else items
    check_unique(sources, lambda s: s.url, name, "source url")
    for i, source in enumerate(sources):
        if items.issuperset(source.supports):
            continue
        for path in source.supports:
            if path not in items:
                hint = " (a list is cited item by item)" if path in fact_paths(type(record)) else ""
                raise DataValidationError(
                    name,
                    f"sources[{i}].supports",
                    f"{path!r} is not a field or item this record has{hint}",
                )
    about = items | fact_paths(type(record))
    for what in ("inferred", "discrepancies"):
        for i, entry in enumerate(getattr(record, what, ())):
            if entry.field not in about:
                raise DataValidationError(
                    name, f"{what}[{i}].field", f"{entry.field!r} is not a field"
                )


def check_sourced(
    record: Any,
    name: str,
    only: frozenset[str] | None = None,
    facts: list[tuple[str, bool]] | None = None,
) -> None:
    """Every non-null fact and every item of ``record`` named by a source, or by an inference
    saying how it was inferred; ``only`` limits the check to those fields.

    A planned edition may carry announced facts not yet reported: it is not checked.
    """
    if isinstance(record, Edition) and record.status is not Status.HELD:
        return
    backed = {path for source in getattr(record, "sources", ()) for path in source.supports}
    backed |= {inference.field for inference in getattr(record, "inferred", ())}
    skip = _NOT_SOURCED
    if only is not None:
        skip = skip | (frozenset(f.name for f in attrs.fields(type(record))) - only)
    # A path below another backs it too (delegations.KZ.head: Kazakhstan took part).
    above = {path.rpartition(".")[0] for path in backed}
    problems: list[Problem] = []
    for path, below in facts_to_source(record, skip) if facts is None else facts:
        if path in backed or (below and path in above):
            continue
        problems.append((name, path, "no source supports this fact"))
    if problems:
        raise DataValidationError.of(problems)


def check_edition(e: Edition, name: str) -> None:
    """The rules one edition keeps: dates in its year and in order, one delegation per country,
    the host among them, themes once each, provenance that names real fields, facts sourced."""
    for field in ("start_date", "end_date"):
        day = getattr(e, field)
        if day is not None and day.year != e.year:
            raise DataValidationError(name, field, f"{day} is not in the edition's year {e.year}")
    if e.start_date and e.end_date and e.start_date > e.end_date:
        raise DataValidationError(
            name, "start_date", f"{e.start_date} is after end_date {e.end_date}"
        )
    check_unique(e.delegations, lambda d: d.country.alpha_2, name + ": delegations", "country")
    if e.host and e.delegations and e.host not in {d.country for d in e.delegations}:
        raise DataValidationError(name, "host", f"{e.host.alpha_2} sent no delegation")
    check_unique(e.themes, lambda t: t.slug, name + ": themes", "theme")
    items, needed = paths_of(e)  # one walk over the edition serves both checks
    check_provenance(e, name, items)
    check_sourced(e, name, facts=[(p, below) for f, p, below in needed if f not in _NOT_SOURCED])


def check_sequence(editions: list[Edition], files: Mapping[int, str], folder: str) -> None:
    """Numbers from 1 without gaps, years never going back, nothing held after a planned one.

    ``files`` names each edition's file, by number; ``folder`` is where they are.
    """
    numbers = [e.number for e in editions]
    expected = list(range(1, len(numbers) + 1))
    if numbers != expected:
        missing = sorted(set(expected) - set(numbers))
        raise DataValidationError(
            folder, "", f"edition numbers must run from 1 without gaps; missing {missing}"
        )
    for previous, e in itertools.pairwise(editions):
        if e.year < previous.year:
            raise DataValidationError(
                files[e.number],
                "year",
                f"{e.year} is before the previous edition's {previous.year}",
            )
        if previous.status is Status.PLANNED and e.status is Status.HELD:
            raise DataValidationError(
                files[e.number], "status", "a held edition cannot follow a planned one"
            )
