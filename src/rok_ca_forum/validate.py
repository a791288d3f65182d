"""The validating build: strict JSON, cattrs structuring and the edition rules, all or nothing.

Only JSON is parsed (no code is evaluated); every problem becomes a `DataValidationError`
naming the file and the field. Nothing is returned until the whole directory has passed, so a
failed build leaves no trace.

```pycon
>>> from rok_ca_forum.loading import DATA_DIR
>>> from pathlib import Path
>>> read_dataset(Path(DATA_DIR)).editions[12].city
'Nur-Sultan'

```
"""

from __future__ import annotations

import gc
import json
import re
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from rok_ca_forum._converter import format_errors, resolving, structure_records, structure_strict
from rok_ca_forum._format import (
    BODIES,
    COUNTRIES,
    EDITION_FILE,
    EDITIONS,
    PEOPLE,
    SECRETARIAT,
    THEMES,
    VOCABULARIES,
    DataFile,
    key_field,
    reference_tables,
)
from rok_ca_forum._meta import MEMBER_STATES
from rok_ca_forum.dataset import Dataset
from rok_ca_forum.enums import Status
from rok_ca_forum.errors import DataValidationError
from rok_ca_forum.models import Edition
from rok_ca_forum.provenance import Source, fact_paths

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:  # pragma: no cover - Python 3.10
        from importlib_resources.abc import Traversable

__all__ = ["check_edition", "read_dataset", "read_json"]

T = TypeVar("T")


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # rare: find the culprit only then
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen.add(key)
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def read_json(entry: Traversable, name: str) -> Any:
    """Parse one JSON file strictly: UTF-8, no duplicate keys, no NaN/Infinity."""
    try:
        raw = entry.read_bytes()
    except FileNotFoundError:
        raise DataValidationError(name, "", "file is missing") from None
    except OSError as exc:
        raise DataValidationError(name, "", f"cannot be read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataValidationError(name, "", f"not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(
            text, object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as exc:
        raise DataValidationError(name, f"line {exc.lineno} column {exc.colno}", exc.msg) from None
    except (ValueError, RecursionError) as exc:
        raise DataValidationError(name, "", f"invalid JSON: {exc}") from None


def _validation_error(exc: Exception, name: str) -> DataValidationError:
    errors = format_errors(exc)
    field, problem = errors[0]
    more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
    return DataValidationError(name, field or "(top level)", problem + more)


def _structure(data: object, cls: type[T], name: str) -> T:
    try:
        return structure_strict(data, cls)
    except Exception as exc:
        raise _validation_error(exc, name) from None


def _unique(items: Iterable[T], key: Callable[[T], str], name: str, what: str) -> None:
    keys = [key(item) for item in items]
    if len(set(keys)) == len(keys):
        return
    seen: set[str] = set()
    for index, k in enumerate(keys):
        if k in seen:
            raise DataValidationError(name, f"[{index}]", f"duplicate {what} {k!r}")
        seen.add(k)


def _records(root: Traversable, file: DataFile) -> tuple[Any, ...]:
    """The records of a file that holds a list of them, each key used once."""
    data = read_json(root / file.name, file.name)
    if type(data) is not list:
        raise DataValidationError(file.name, "(top level)", "expected a list")
    try:
        items: tuple[Any, ...] = structure_records(data, file.cls)
    except Exception as exc:
        raise _validation_error(exc, file.name) from None
    key = key_field(file.cls) or ""
    _unique(items, lambda item: getattr(item, key), file.name, "key")
    return items


def check_provenance(record: object, name: str) -> None:
    """Sources listed once each, and every path a source, inference or discrepancy names real."""
    sources: tuple[Source, ...] = getattr(record, "sources", ())
    paths = fact_paths(type(record))
    _unique(sources, lambda s: s.url, name, "source url")
    for i, source in enumerate(sources):
        if paths.issuperset(source.supports):
            continue
        for path in source.supports:
            if path not in paths:
                raise DataValidationError(
                    name, f"sources[{i}].supports", f"{path!r} is not a field this file has"
                )
    for what in ("inferred", "discrepancies"):
        for i, item in enumerate(getattr(record, what, ())):
            if item.field not in paths:
                raise DataValidationError(
                    name, f"{what}[{i}].field", f"{item.field!r} is not a field"
                )


def check_edition(e: Edition, name: str) -> None:
    """The rules one edition must keep that its field types and limits alone do not express."""
    for field in ("start_date", "end_date"):
        day = getattr(e, field)
        if day is not None and day.year != e.year:
            raise DataValidationError(name, field, f"{day} is not in the edition's year {e.year}")
    if e.start_date and e.end_date and e.start_date > e.end_date:
        raise DataValidationError(
            name, "start_date", f"{e.start_date} is after end_date {e.end_date}"
        )
    _unique(e.delegations, lambda d: d.country.alpha_2, name + ": delegations", "country")
    if e.host and e.delegations and e.host not in {d.country for d in e.delegations}:
        raise DataValidationError(name, "host", f"{e.host.alpha_2} sent no delegation")
    _unique(e.themes, lambda t: t.slug, name + ": themes", "theme")
    check_provenance(e, name)


def _edition_name(number: int) -> str:
    return f"{EDITIONS.name}/{number:02d}.json"


def _check_sequence(editions: list[Edition]) -> None:
    numbers = [e.number for e in editions]
    if not numbers:
        raise DataValidationError(EDITIONS.name, "", "no edition files found")
    expected = list(range(1, len(numbers) + 1))
    if numbers != expected:
        missing = sorted(set(expected) - set(numbers))
        raise DataValidationError(
            EDITIONS.name, "", f"edition numbers must run from 1 without gaps; missing {missing}"
        )
    previous: Edition | None = None
    for e in editions:
        if previous is not None and e.year < previous.year:
            raise DataValidationError(
                _edition_name(e.number),
                "year",
                f"{e.year} is before the previous edition's {previous.year}",
            )
        if previous is not None and previous.status is Status.PLANNED and e.status is Status.HELD:
            raise DataValidationError(
                _edition_name(e.number),
                "status",
                "a held edition cannot follow a planned one",
            )
        previous = e


def read_dataset(root: Traversable) -> Dataset:
    """Read and validate every file under ``root``; `DataValidationError` on any fault."""
    # The records built here live as long as the dataset: the cyclic garbage collector would only
    # walk them again and again as they pile up (a third of a large load), so it waits.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_dataset(root)
    finally:
        if collecting:
            gc.enable()


def _read_dataset(root: Traversable) -> Dataset:
    vocabularies = {file.cls: _records(root, file) for file in VOCABULARIES}
    codes = sorted(c.alpha_2 for c in vocabularies[COUNTRIES.cls])
    if codes != sorted(MEMBER_STATES):
        raise DataValidationError(
            COUNTRIES.name,
            "",
            f"must list the six member states {', '.join(MEMBER_STATES)}; "
            f"found {', '.join(codes) or 'none'}",
        )
    folder = root / EDITIONS.name
    if not folder.is_dir():
        raise DataValidationError(EDITIONS.name, "", "directory is missing")
    found: dict[int, str] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        match = re.fullmatch(EDITION_FILE, entry.name)
        name = f"{EDITIONS.name}/{entry.name}"
        if not match:
            raise DataValidationError(name, "", "edition files are named NN.json")
        number = int(match.group(1))
        if number in found:
            raise DataValidationError(
                name, "number", f"edition {number} is also in {found[number]}"
            )
        found[number] = name
    editions = []
    with resolving(reference_tables(vocabularies.values())):
        for number in sorted(found):
            name = found[number]
            edition = _structure(
                read_json(root / EDITIONS.name / name.split("/")[1], name), Edition, name
            )
            if edition.number != number:
                raise DataValidationError(
                    name, "number", f"{edition.number} does not match the file name"
                )
            check_edition(edition, name)
            editions.append(edition)
        _check_sequence(editions)
        secretariat: Any = None
        if (root / SECRETARIAT.name).is_file():
            secretariat = _structure(
                read_json(root / SECRETARIAT.name, SECRETARIAT.name),
                SECRETARIAT.cls,
                SECRETARIAT.name,
            )
            check_provenance(secretariat, SECRETARIAT.name)
        bodies: tuple[Any, ...] = ()
        if (root / BODIES.name).is_file():
            bodies = _records(root, BODIES)
            for body in bodies:
                check_provenance(body, f"{BODIES.name}: {body.id}")
    return Dataset(
        editions=editions,
        countries=vocabularies[COUNTRIES.cls],
        themes=vocabularies[THEMES.cls],
        people=vocabularies[PEOPLE.cls],
        secretariat=secretariat,
        bodies=bodies,
    )
