"""Reading and validating a data directory into a :class:`Dataset`, all or nothing.

Only JSON is parsed (no code is evaluated); every problem becomes a :class:`DataValidationError`
naming the file and the field. Nothing is published until the whole directory has passed, so a
failed load leaves no trace.

```pycon
>>> import rok_ca_forum as rcf
>>> rcf.load("/no/such/dir")
Traceback (most recent call last):
...
rok_ca_forum.errors.DataValidationError: /no/such/dir: not a directory

```
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rok_ca_forum._converter import (
    Resolver,
    format_errors,
    resolving,
    structure_records,
    structure_strict,
)
from rok_ca_forum.dataset import Dataset, bundled
from rok_ca_forum.enums import Status
from rok_ca_forum.errors import DataValidationError, InvalidTypeError
from rok_ca_forum.institutions import BODY_FIELDS, SECRETARIAT_FIELDS, Body, Secretariat
from rok_ca_forum.models import (
    MEMBER_STATES,
    Country,
    Edition,
    Person,
    Source,
    Theme,
    is_field_path,
)
from rok_ca_forum.vocabulary import Countries, People, Themes

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:  # pragma: no cover - Python 3.10
        from importlib_resources.abc import Traversable

__all__ = ["load", "read_bundled", "read_dataset"]

T = TypeVar("T")
_EDITION_FILE = re.compile(r"(\d{1,6})\.json")
_URL = re.compile(r"https?://\S+")


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The dataset in directory ``path``, laid out like the bundled ``data/``.

    ``load()`` with no path is the bundled dataset, the same object every time.

    Raises :class:`DataValidationError` naming the file and field if anything is wrong; then
    nothing of the attempt is kept.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> len(rcf.load().editions) >= 18
    True

    ```
    """
    if path is None:
        return bundled()
    if not isinstance(path, (str, os.PathLike)) or isinstance(path, bytes):
        raise InvalidTypeError(
            f"load() takes a directory path (str or PathLike), not {type(path).__name__}"
        )
    text = os.fspath(path)
    if not isinstance(text, str) or not text.strip() or "\x00" in text:
        raise DataValidationError(repr(text)[:120], "", "not a usable directory path")
    root = Path(text)
    if not root.is_dir():
        raise DataValidationError(text, "", "not a directory")
    return read_dataset(root)


def read_bundled() -> Dataset:
    """Read the data shipped inside the package."""
    here = Path(__file__).parent / "data"
    if here.is_dir():  # an ordinary install: plain files, no need for importlib.resources
        return read_dataset(here)
    if sys.version_info >= (3, 11):  # pragma: no cover - zipped installs
        from importlib.resources import files
    else:  # pragma: no cover
        from importlib_resources import files
    return read_dataset(files("rok_ca_forum") / "data")


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
    seen: set[str] = set()
    for index, item in enumerate(items):
        k = key(item)
        if k in seen:
            raise DataValidationError(name, f"[{index}]", f"duplicate {what} {k!r}")
        seen.add(k)


def _vocabulary(
    root: Traversable, name: str, cls: type[T], key: Callable[[T], str]
) -> tuple[T, ...]:
    data = read_json(root / name, name)
    if type(data) is not list:
        raise DataValidationError(name, "(top level)", "expected a list")
    try:
        items = structure_records(data, cls)
    except Exception as exc:
        raise _validation_error(exc, name) from None
    _unique(items, key, name, "key")
    return items


def _check_sources(sources: tuple[Source, ...], allowed: Callable[[str], bool], name: str) -> None:
    _unique(sources, lambda s: s.url, name, "source url")
    for i, source in enumerate(sources):
        if not _URL.fullmatch(source.url):
            raise DataValidationError(
                name, f"sources[{i}].url", f"{source.url[:80]!r} is not an http(s) URL"
            )
        for path in source.supports:
            if not allowed(path):
                raise DataValidationError(
                    name, f"sources[{i}].supports", f"{path!r} is not a field this file has"
                )


def check_edition(e: Edition, name: str) -> None:
    """The rules one edition must keep that its types alone do not express."""
    if not 1990 <= e.year <= 2200:
        raise DataValidationError(name, "year", f"{e.year} is not a plausible year")
    for field in ("start_date", "end_date"):
        day = getattr(e, field)
        if day is not None and day.year != e.year:
            raise DataValidationError(name, field, f"{day} is not in the edition's year {e.year}")
    if e.start_date and e.end_date and e.start_date > e.end_date:
        raise DataValidationError(
            name, "start_date", f"{e.start_date} is after end_date {e.end_date}"
        )
    if e.participants is not None and e.participants < 1:
        raise DataValidationError(name, "participants", f"{e.participants} is not a positive count")
    _unique(e.delegations, lambda d: d.country.alpha_2, name + ": delegations", "country")
    if e.host and e.delegations and e.delegation(e.host) is None:
        raise DataValidationError(name, "host", f"{e.host.alpha_2} sent no delegation")
    _unique(e.themes, lambda t: t.slug, name + ": themes", "theme")
    _check_sources(e.sources, is_field_path, name)
    for i, inference in enumerate(e.inferred):
        if not is_field_path(inference.field):
            raise DataValidationError(
                name, f"inferred[{i}].field", f"{inference.field!r} is not a field"
            )
    for i, discrepancy in enumerate(e.discrepancies):
        if not is_field_path(discrepancy.field):
            raise DataValidationError(
                name, f"discrepancies[{i}].field", f"{discrepancy.field!r} is not a field"
            )


def _check_sequence(editions: list[Edition]) -> None:
    numbers = [e.number for e in editions]
    if not numbers:
        raise DataValidationError("editions", "", "no edition files found")
    expected = list(range(1, len(numbers) + 1))
    if numbers != expected:
        missing = sorted(set(expected) - set(numbers))
        raise DataValidationError(
            "editions", "", f"edition numbers must run from 1 without gaps; missing {missing}"
        )
    previous: Edition | None = None
    for e in editions:
        if previous is not None and e.year < previous.year:
            raise DataValidationError(
                f"editions/{e.number:02d}.json",
                "year",
                f"{e.year} is before the previous edition's {previous.year}",
            )
        if previous is not None and previous.status is Status.PLANNED and e.status is Status.HELD:
            raise DataValidationError(
                f"editions/{e.number:02d}.json",
                "status",
                "a held edition cannot follow a planned one",
            )
        previous = e


def read_dataset(root: Traversable) -> Dataset:
    """Read and validate every file under ``root``; :class:`DataValidationError` on any fault."""
    countries = Countries(_vocabulary(root, "countries.json", Country, lambda c: c.alpha_2))
    codes = sorted(c.alpha_2 for c in countries)
    if codes != sorted(MEMBER_STATES):
        raise DataValidationError(
            "countries.json",
            "",
            f"must list the six member states {', '.join(MEMBER_STATES)}; "
            f"found {', '.join(codes) or 'none'}",
        )
    themes = Themes(_vocabulary(root, "themes.json", Theme, lambda t: t.slug))
    people = People(_vocabulary(root, "people.json", Person, lambda p: p.id))
    resolver = Resolver(
        countries={c.alpha_2: c for c in countries},
        people={p.id: p for p in people},
        themes={t.slug: t for t in themes},
    )
    folder = root / "editions"
    if not folder.is_dir():
        raise DataValidationError("editions", "", "directory is missing")
    found: dict[int, str] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        match = _EDITION_FILE.fullmatch(entry.name)
        if not match:
            raise DataValidationError(
                f"editions/{entry.name}", "", "edition files are named NN.json"
            )
        number = int(match.group(1))
        if number in found:
            raise DataValidationError(
                f"editions/{entry.name}", "number", f"edition {number} is also in {found[number]}"
            )
        found[number] = f"editions/{entry.name}"
    editions = []
    with resolving(resolver):
        for number in sorted(found):
            name = found[number]
            edition = _structure(
                read_json(root / "editions" / name.split("/")[1], name), Edition, name
            )
            if edition.number != number:
                raise DataValidationError(
                    name, "number", f"{edition.number} does not match the file name"
                )
            check_edition(edition, name)
            editions.append(edition)
        _check_sequence(editions)
        secretariat = None
        if (root / "secretariat.json").is_file():
            secretariat = _structure(
                read_json(root / "secretariat.json", "secretariat.json"),
                Secretariat,
                "secretariat.json",
            )
            _check_sources(secretariat.sources, SECRETARIAT_FIELDS.__contains__, "secretariat.json")
        bodies: tuple[Body, ...] = ()
        if (root / "bodies.json").is_file():
            bodies = _vocabulary(root, "bodies.json", Body, lambda b: b.id)
            for body in bodies:
                _check_sources(body.sources, BODY_FIELDS.__contains__, f"bodies.json: {body.id}")
    return Dataset(
        editions=editions,
        countries=countries,
        themes=themes,
        people=people,
        secretariat=secretariat,
        bodies=bodies,
    )
