"""A loaded, validated dataset, and the lazily loaded bundled one.

The bundled data is read once, on first use, under a lock, so that many threads asking at once
get one and the same :class:`Dataset` (the pattern of pycountry's ``db.py``).

```pycon
>>> import rok_ca_forum as rcf
>>> ds = rcf.load()
>>> ds is rcf.load(), ds.editions is rcf.editions
(True, True)

```
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rok_ca_forum._readonly import ReadOnly

if TYPE_CHECKING:  # imported for annotations only: building records needs neither up front
    from rok_ca_forum.collection import Editions
    from rok_ca_forum.institutions import Body, Secretariat
    from rok_ca_forum.models import Edition
    from rok_ca_forum.vocabulary import Countries, People, Themes

__all__ = ["Dataset", "bundled"]


_Institutions = tuple["Secretariat | None", tuple["Body", ...]]


class Dataset(ReadOnly):
    """Everything one data directory holds, validated as a whole. Read-only.

    The Secretariat and related bodies are built on first access: most programs never ask.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> ds = rcf.load()
    >>> len(ds.countries), ds.editions[1].year, ds.secretariat.operator
    (6, 2007, 'Korea Foundation')

    ```
    """

    __slots__ = ("_institutions", "_lock", "countries", "editions", "people", "themes")

    editions: Editions
    countries: Countries
    themes: Themes
    people: People
    _institutions: _Institutions | Callable[[], _Institutions]
    _lock: threading.Lock

    def __init__(
        self,
        *,
        editions: Editions | Iterable[Edition],
        countries: Countries,
        themes: Themes,
        people: People,
        secretariat: Secretariat | None = None,
        bodies: tuple[Body, ...] = (),
        institutions: Callable[[], _Institutions] | None = None,
    ) -> None:
        from rok_ca_forum.collection import Editions

        if not isinstance(editions, Editions):  # index them once, here
            editions = Editions(editions, countries=countries, themes=themes, people=people)
        self.editions = editions
        self.countries = countries
        self.themes = themes
        self.people = people
        self._institutions = institutions or (secretariat, tuple(bodies))
        self._lock = threading.Lock()
        self._seal()

    def __repr__(self) -> str:
        return f"<Dataset: {len(self.editions)} editions, {len(self.people)} people>"

    def _resolved(self) -> _Institutions:
        value = self._institutions
        if callable(value):
            with self._lock:
                if callable(self._institutions):
                    self._cache("_institutions", self._institutions())
            value = self._institutions
        assert isinstance(value, tuple)
        return value

    @property
    def secretariat(self) -> Secretariat | None:
        """The Forum Secretariat, or None if the data directory has no ``secretariat.json``."""
        return self._resolved()[0]

    @property
    def bodies(self) -> tuple[Body, ...]:
        """The related bodies (Business Council, High Level Officials' Meeting, …)."""
        return self._resolved()[1]


_lock = threading.Lock()
_bundled: Dataset | None = None
#: How many times the bundled data has been read in this process (tests check it stays 1).
load_count = 0


def _read() -> Dataset:
    from rok_ca_forum._version import DATA_CHECKSUM

    # os.path, not pathlib: pathlib costs more to import than the whole build below.
    root = os.path.join(os.path.dirname(__file__), "data")
    if os.path.isdir(root):
        from rok_ca_forum._trusted import read_trusted

        try:
            dataset = read_trusted(root, DATA_CHECKSUM)
        except (KeyError, ValueError, TypeError, OSError):  # pragma: no cover - defensive
            dataset = None
        if dataset is not None:
            return dataset
    # Changed files, or a zipped install: validate everything, with precise errors.
    from rok_ca_forum.loading import read_bundled

    return read_bundled()


def bundled() -> Dataset:
    """The bundled dataset, read and validated on the first call only."""
    global _bundled, load_count
    dataset = _bundled
    if dataset is None:
        with _lock:
            if _bundled is None:
                _bundled = _read()  # assigned only once complete: never half-built
                load_count += 1
            dataset = _bundled
    return dataset
