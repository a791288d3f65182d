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

import threading

import attrs

from rok_ca_forum.collection import Editions
from rok_ca_forum.institutions import Body, Secretariat
from rok_ca_forum.vocabulary import Countries, People, Themes

__all__ = ["Dataset", "bundled"]


@attrs.frozen(kw_only=True)
class Dataset:
    """Everything one data directory holds, validated as a whole.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> ds = rcf.load()
    >>> len(ds.countries), ds.editions[1].year
    (6, 2007)

    ```
    """

    editions: Editions
    countries: Countries
    themes: Themes
    people: People
    secretariat: Secretariat | None = None
    bodies: tuple[Body, ...] = ()


_lock = threading.Lock()
_bundled: Dataset | None = None
#: How many times the bundled data has been read in this process (tests check it stays 1).
load_count = 0


def bundled() -> Dataset:
    """The bundled dataset, read and validated on the first call only."""
    global _bundled, load_count
    dataset = _bundled
    if dataset is None:
        with _lock:
            if _bundled is None:
                from rok_ca_forum.loading import read_bundled

                _bundled = read_bundled()  # assigned only once complete: never half-built
                load_count += 1
            dataset = _bundled
    return dataset
