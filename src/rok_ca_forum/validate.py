"""The one build of a data directory: strict JSON, the builder and the data rules, all or nothing.

Only JSON is parsed (no code is evaluated). Every problem found, in every file, becomes one line
of a single `DataValidationError` (``.problems``), the first named in its message. Nothing
is returned until the whole directory has passed, so a failed build leaves no trace.

```pycon
>>> from rok_ca_forum.loading import DATA_DIR
>>> from pathlib import Path
>>> contents = read_contents(Path(DATA_DIR))
>>> sorted(contents)[:3], contents["editions"][11].city
(['bodies', 'countries', 'editions'], 'Nur-Sultan')

```
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from rok_ca_forum._builder import BuildError, References, build, build_list
from rok_ca_forum._format import (
    BODIES,
    COUNTRIES,
    EDITION_FILE,
    EDITIONS,
    SECRETARIAT,
    VOCABULARIES,
    DataFile,
    key_field,
    limits_of,
    reference_tables,
    vocabulary_fields,
)
from rok_ca_forum._layout import LayoutError, is_cited, on_disk, unzip
from rok_ca_forum._meta import MEMBER_STATES
from rok_ca_forum._reading import MAX_FILE_BYTES, check_inside, read_json
from rok_ca_forum.errors import DataValidationError, Problem
from rok_ca_forum.models import Edition
from rok_ca_forum.rules import (
    CITED_NAMES,
    check_complete,
    check_edition,
    check_provenance,
    check_sequence,
    check_sourced,
    check_unique,
    publishers,
)

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:  # pragma: no cover - Python 3.10
        from importlib_resources.abc import Traversable

__all__ = ["MAX_FILE_BYTES", "read_contents", "validation_error"]

T = TypeVar("T")


class _Problems(list[Problem]):
    """The problems found so far; each step's are kept, and the build goes on where it can."""

    @contextlib.contextmanager
    def collecting(self) -> Iterator[None]:
        try:
            yield
        except DataValidationError as exc:
            self.extend(exc.problems)

    def check(self) -> None:
        """Stop here if anything was found: what follows depends on what came before."""
        if self:
            raise DataValidationError.of(self)


def validation_error(exc: BuildError, name: str, data: object = None) -> DataValidationError:
    """Every fault the builder found in one file, as a `DataValidationError`, each named where it
    is in the file (``data``, as it was built, knows where its citations were written)."""
    return DataValidationError.of(
        [
            (name, on_disk(field, data) if field else "(top level)", problem)
            for field, problem in exc.problems
        ]
    )


def flat(data: object, cls: type, name: str, where: str = "") -> Any:
    """``data`` as ``cls``'s fields, its citations gathered from beside its facts (``_layout``)."""
    try:
        return unzip(data, cls)
    except LayoutError as exc:
        raise DataValidationError.of(
            [(name, where + path, p) for path, p in exc.problems]
        ) from None


def _structure(data: object, cls: type[T], name: str, refs: References) -> T:
    try:
        return build(data, cls, refs)
    except BuildError as exc:
        raise validation_error(exc, name, data) from None


def _records(root: Traversable, file: DataFile, refs: References) -> tuple[Any, ...]:
    """The records of a file that holds a list of them; keys, and fields marked unique, once."""
    data = read_json(root / file.name, file.name, root)
    if type(data) is not list:
        raise DataValidationError(file.name, "(top level)", "expected a list")
    if is_cited(file.cls):
        problems: list[Problem] = []
        laid_out = []
        for index, item in enumerate(data):
            try:
                laid_out.append(flat(item, file.cls, file.name, f"[{index}]."))
            except DataValidationError as exc:
                problems.extend(exc.problems)
        if problems:
            raise DataValidationError.of(problems)
        data = laid_out
    try:
        items: tuple[Any, ...] = build_list(data, file.cls, refs)
    except BuildError as exc:
        raise validation_error(exc, file.name, data) from None
    key = key_field(file.cls) or ""
    check_unique(items, lambda item: getattr(item, key), file.name, "key")
    for name in (f for f in _init_field_names(file.cls) if limits_of(file.cls, f).get("unique")):
        check_unique(items, lambda item, n=name: getattr(item, n), file.name, name)  # type: ignore[misc]
    return items


def _init_field_names(cls: type) -> list[str]:
    import attrs

    return [f.name for f in attrs.fields(cls) if f.init]


def _edition_files(root: Traversable) -> dict[int, str]:
    """Each edition's number and file name, from the names in ``editions/``."""
    folder = root / EDITIONS.name
    if not folder.is_dir():
        raise DataValidationError(EDITIONS.name, "", "directory is missing")
    if isinstance(folder, os.PathLike) and isinstance(root, os.PathLike):
        # Files are checked one by one for links out of the data directory; the folder once.
        check_inside(folder, root, EDITIONS.name)
    try:
        entries = sorted(entry.name for entry in folder.iterdir())
    except OSError as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise DataValidationError(EDITIONS.name, "", f"cannot be listed: {reason}") from None
    found: dict[int, str] = {}
    problems: list[Problem] = []
    for entry in entries:
        if not entry.endswith(".json"):
            continue
        name = f"{EDITIONS.name}/{entry}"
        match = re.fullmatch(EDITION_FILE, entry)
        if not match:
            problems.append((name, "", "edition files are named NN.json, in ASCII digits"))
            continue
        number = int(match.group(1))
        if number in found:
            problems.append((name, "number", f"edition {number} is also in {found[number]}"))
        found[number] = name
    if problems:
        raise DataValidationError.of(problems)
    if not found:
        raise DataValidationError(EDITIONS.name, "", "no edition files found")
    return found


def _edition(
    root: Traversable, name: str, number: int, named: frozenset[str], refs: References
) -> Edition:
    raw = flat(read_json(root / EDITIONS.name / name.rpartition("/")[2], name, root), Edition, name)
    if EDITIONS.complete and isinstance(raw, dict):
        check_complete(raw, Edition, name)
    edition = _structure(raw, Edition, name, refs)
    if edition.number != number:
        raise DataValidationError(name, "number", f"{edition.number} does not match the file name")
    check_edition(edition, name, named)
    return edition


def read_contents(root: Traversable) -> dict[str, Any]:
    """Read and validate every file under ``root``; `DataValidationError` on any fault.

    What it holds comes back as the records of each kind, under the names the query layer's
    `Dataset` takes them by; building the `Dataset` is the query layer's own work (``loading``).
    """
    # The records built here live as long as the dataset: the cyclic garbage collector would only
    # walk them again and again as they pile up (a third of a large load), so it waits.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_contents(root)
    finally:
        if collecting:
            gc.enable()


def _read_contents(root: Traversable) -> dict[str, Any]:
    problems = _Problems()
    vocabularies: dict[type, tuple[Any, ...]] = {}
    for file in VOCABULARIES:  # in order: each may refer to those before it (people cite sources)
        with problems.collecting():
            vocabularies[file.cls] = _records(root, file, reference_tables(vocabularies.values()))
            named = publishers(vocabularies) if is_cited(file.cls) else frozenset()
            for record in vocabularies[file.cls]:
                if is_cited(file.cls):  # people cite their Korean and Russian names
                    where = f"{file.name}: {getattr(record, key_field(file.cls) or '')}"
                    check_provenance(record, where, publishers=named)
                    check_sourced(record, where, only=CITED_NAMES)
        problems.check()  # what follows refers to this vocabulary
    codes = sorted(c.alpha_2 for c in vocabularies[COUNTRIES.cls])
    if codes != sorted(MEMBER_STATES):
        members, found = ", ".join(MEMBER_STATES), ", ".join(codes) or "none"
        problems.append(
            (COUNTRIES.name, "", f"must list the six member states {members}; found {found}")
        )
    files: dict[int, str] = {}
    with problems.collecting():
        files = _edition_files(root)
    editions = []
    named = publishers(vocabularies)
    refs = reference_tables(vocabularies.values())
    for number in sorted(files):
        with problems.collecting():
            editions.append(_edition(root, files[number], number, named, refs))
    if files and len(editions) == len(files):  # the order of editions, once each is sound
        with problems.collecting():
            check_sequence(editions, files, EDITIONS.name)
    secretariat: Any = None
    if (root / SECRETARIAT.name).is_file():
        with problems.collecting():
            raw = read_json(root / SECRETARIAT.name, SECRETARIAT.name, root)
            raw = flat(raw, SECRETARIAT.cls, SECRETARIAT.name)
            secretariat = _structure(raw, SECRETARIAT.cls, SECRETARIAT.name, refs)
            check_provenance(secretariat, SECRETARIAT.name, publishers=named)
            check_sourced(secretariat, SECRETARIAT.name)
    bodies: tuple[Any, ...] = ()
    if (root / BODIES.name).is_file():
        with problems.collecting():
            bodies = _records(root, BODIES, refs)
            for body in bodies:
                check_provenance(body, f"{BODIES.name}: {body.id}", publishers=named)
                check_sourced(body, f"{BODIES.name}: {body.id}")
    problems.check()
    fields = vocabulary_fields(vocabularies)
    return {"editions": editions, **fields, "secretariat": secretariat, "bodies": bodies}
