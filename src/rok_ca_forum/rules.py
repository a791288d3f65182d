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
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from rok_ca_forum.enums import Grade, Status
from rok_ca_forum.errors import DataValidationError, Problem
from rok_ca_forum.models import Edition
from rok_ca_forum.provenance import (
    Citation,
    Source,
    fact_paths,
    facts_to_source,
    item_paths,
    paths_of,
)

__all__ = [
    "CITED_NAMES",
    "NOT_SOURCED",
    "check_complete",
    "check_edition",
    "check_provenance",
    "check_sequence",
    "check_sourced",
    "check_unique",
    "publishers",
]

T = TypeVar("T")

#: What a discrepancy about the record as a whole is about (a "first forum in ..." claim).
CLAIMS = "claims"
#: Fields that record disagreement between sources (each alternative names its own), not facts.
NOT_SOURCED = frozenset({"discrepancies"})
#: A person's names that need a source: the English one is the editions'.
CITED_NAMES = frozenset({"name_ko", "name_ru"})
#: Words that introduce the original of a repost (``"reposting Yonhap"``), not part of its name.
_REPOST_WORDS = re.compile(r"^(?:citing|via|reposting|reposted (?:by|on)|relaying|summary of)\s+")


def publishers(vocabularies: Mapping[type, Iterable[Any]]) -> frozenset[str]:
    """The names of the publishers (and reposted originals) of the sources in ``vocabularies``:
    an inference must name none of them, since its partial citations do that.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> "Kabar" in publishers({Source: rcf.load().sources})
    True

    ```
    """
    names: set[str] = set()
    for source in vocabularies.get(Source, ()):
        for text in (source.publisher, source.repost_of):
            if text:
                name = _REPOST_WORDS.sub("", text).split(" (")[0].strip()
                if len(name) >= 3:
                    names.add(name)
    return frozenset(names)


def _named_publisher(note: str, names: frozenset[str]) -> str | None:
    found = _publisher_pattern(names).search(note)
    return None if found is None else found.group(1)


_PATTERNS: dict[frozenset[str], re.Pattern[str]] = {}


def _publisher_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """One expression finding any of ``names`` as a whole word (compiled once per set)."""
    pattern = _PATTERNS.get(names)
    if pattern is None:
        longest_first = sorted(names, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, longest_first)) or "(?!)"
        pattern = _PATTERNS[names] = re.compile(rf"(?<!\w)({alternatives})(?!\w)")
    return pattern


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


def check_provenance(
    record: Any,
    name: str,
    items: frozenset[str] | None = None,
    publishers: frozenset[str] = frozenset(),
) -> None:
    """Citations of items this record has, each source once per item, graded with a note where
    partial; inferences about items it has, each a short reasoning that names no publisher and
    rests on at least one partial citation; discrepancies about fields or items it has."""
    citations: tuple[Citation, ...] = getattr(record, "citations", ())
    items = item_paths(record) if items is None else items
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for c in citations:
        where = f"{c.item} (citing {c.source.key})"
        if c.item not in items:
            hint = " (a list is cited item by item)" if c.item in fact_paths(type(record)) else ""
            problems.append((name, c.item, f"is not a field or item this record has{hint}"))
        if (c.item, c.source.key) in seen:
            problems.append((name, where, "the same source is cited twice for this item"))
        seen.add((c.item, c.source.key))
        if c.grade is Grade.PARTIAL and not (c.note or "").strip():
            problems.append((name, where, "a partial citation needs a note: what the page gives"))
        if c.grade is Grade.FULL and c.note is not None:
            problems.append((name, where, "a full citation has no note (the page states it all)"))
    partial = {c.item for c in citations if c.grade is Grade.PARTIAL}
    about = items | fact_paths(type(record))
    for entry in getattr(record, "inferred", ()):
        if entry.field not in about:
            problems.append((name, f"{entry.field} (inferred)", "is not a field or item"))
            continue
        if entry.field not in partial:
            problems.append((
                name, f"{entry.field} (inferred)",
                "an inference needs a partial citation: a page that gives part of what it rests on",
            ))  # fmt: skip
        named = _named_publisher(entry.note, publishers)
        if named:
            problems.append((
                name, f"{entry.field} (inferred)",
                f"names the publisher {named!r}: an inference gives the reasoning in plain words, "
                "its partial citations name the pages",
            ))  # fmt: skip
    for entry in getattr(record, "discrepancies", ()):
        if entry.field not in about and entry.field != CLAIMS:
            hint = (
                "; list items are named by key, not position" if entry.field[-1:].isdigit() else ""
            )
            problems.append((name, f"discrepancies.{entry.key}.field",
                             f"{entry.field!r} is not a field or item{hint}"))  # fmt: skip
    if problems:
        raise DataValidationError.of(problems)


def check_sourced(
    record: Any,
    name: str,
    only: frozenset[str] | None = None,
    facts: list[tuple[str, bool]] | None = None,
) -> None:
    """Every non-null fact and every item of ``record`` with a full citation, or inferred with a
    partial one; ``only`` limits the check to those fields.

    A planned edition may carry announced facts not yet reported: it is not checked.
    """
    if isinstance(record, Edition) and record.status is not Status.HELD:
        return
    citations: tuple[Citation, ...] = getattr(record, "citations", ())
    inferred = {inference.field for inference in getattr(record, "inferred", ())}
    backed = {c.item for c in citations if c.grade is Grade.FULL}
    backed |= {c.item for c in citations if c.grade is Grade.PARTIAL and c.item in inferred}
    skip = NOT_SOURCED
    if only is not None:
        skip = skip | (frozenset(f.name for f in attrs.fields(type(record))) - only)
    # A path below another backs it too (delegations.KZ.head: Kazakhstan took part).
    above = {path.rpartition(".")[0] for path in backed}
    problems: list[Problem] = []
    for path, below in facts_to_source(record, skip) if facts is None else facts:
        if path in backed or (below and path in above):
            continue
        problems.append((
            name, path,
            "needs a full citation (a page that states it), or an inference with a partial one",
        ))  # fmt: skip
    if problems:
        raise DataValidationError.of(problems)


def check_edition(e: Edition, name: str, publishers: frozenset[str] = frozenset()) -> None:
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
    check_provenance(e, name, items, publishers)
    check_sourced(e, name, facts=[(p, below) for f, p, below in needed if f not in NOT_SOURCED])


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
