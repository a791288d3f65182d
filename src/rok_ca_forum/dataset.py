"""The `Dataset`: a plain, read-only container of everything one data directory holds.

It does no I/O and keeps no global state; ``loading`` decides where data comes from and builds it.

```pycon
>>> import rok_ca_forum as rcf
>>> ds = rcf.load()
>>> ds is rcf.load(), ds.editions is rcf.editions
(True, True)

```
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rok_ca_forum._readonly import ReadOnly
from rok_ca_forum.collection import Editions
from rok_ca_forum.results import Bodies
from rok_ca_forum.vocabulary import Countries, People, Sources, Themes

if TYPE_CHECKING:
    from rok_ca_forum.institutions import Body, Secretariat
    from rok_ca_forum.models import Country, Edition, Person, Source, Theme

__all__ = ["Dataset"]


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

    __slots__ = ("_built", "_institutions", "countries", "editions", "people", "sources", "themes")

    editions: Editions
    countries: Countries
    themes: Themes
    people: People
    #: Every page the data cites, listed once.
    sources: Sources
    _institutions: _Institutions | Callable[[], _Institutions]
    _built: dict[str, _Institutions]

    def __init__(
        self,
        *,
        editions: Editions | Iterable[Edition],
        countries: Countries | Iterable[Country],
        themes: Themes | Iterable[Theme],
        people: People | Iterable[Person],
        sources: Sources | Iterable[Source] = (),
        secretariat: Secretariat | None = None,
        bodies: tuple[Body, ...] = (),
        institutions: Callable[[], _Institutions] | None = None,
    ) -> None:
        # Each collection indexes its records once, here.
        countries = countries if isinstance(countries, Countries) else Countries(countries)
        themes = themes if isinstance(themes, Themes) else Themes(themes)
        people = people if isinstance(people, People) else People(people)
        sources = sources if isinstance(sources, Sources) else Sources(sources)
        if not isinstance(editions, Editions):
            editions = Editions(editions, countries=countries, themes=themes, people=people)
        self.editions = editions
        self.countries = countries
        self.themes = themes
        self.people = people
        self.sources = sources
        self._institutions = institutions or (secretariat, Bodies(bodies))
        self._built = {}
        self._seal()

    def __repr__(self) -> str:
        return f"<Dataset: {len(self.editions)} editions, {len(self.people)} people>"

    def _repr_html_(self) -> str:
        """What the dataset holds, as an HTML table: counts and the range of years."""
        from rok_ca_forum.views import dataset_html

        return dataset_html(self)

    def _resolved(self) -> _Institutions:
        value = self._institutions
        if callable(value):
            # No lock, so that a process forked mid-build cannot inherit one held: racing threads
            # may both build, and setdefault (atomic) keeps the first, which all then share.
            secretariat, bodies = value()
            value = self._built.setdefault("institutions", (secretariat, Bodies(bodies)))
            self._cache("_institutions", value)
        assert isinstance(value, tuple)
        return value

    @property
    def secretariat(self) -> Secretariat | None:
        """The Forum Secretariat, or None if the data directory has no ``secretariat.json``."""
        return self._resolved()[0]

    @property
    def bodies(self) -> Bodies:
        """The related bodies (Business Council, High Level Officials' Meeting, …)."""
        bodies = self._resolved()[1]
        return bodies if isinstance(bodies, Bodies) else Bodies(bodies)
