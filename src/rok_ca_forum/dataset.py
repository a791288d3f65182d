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

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rok_ca_forum._readonly import ReadOnly
from rok_ca_forum.collection import Editions
from rok_ca_forum.results import Bodies
from rok_ca_forum.vocabulary import Countries, People, Sources, Themes

if TYPE_CHECKING:
    from rok_ca_forum.institutions import Body, Secretariat
    from rok_ca_forum.models import Country, Edition, Person, Source, Theme

__all__ = ["Dataset"]


class Dataset(ReadOnly):
    """Everything one data directory holds, validated as a whole. Read-only.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> ds = rcf.load()
    >>> len(ds.countries), ds.editions[1].year, ds.secretariat.operator
    (6, 2007, 'Korea Foundation')

    ```
    """

    __slots__ = ("bodies", "countries", "editions", "people", "secretariat", "sources", "themes")

    editions: Editions
    countries: Countries
    themes: Themes
    people: People
    #: Every page the data cites, listed once.
    sources: Sources
    #: The Forum Secretariat, or None if the data directory has no ``secretariat.json``.
    secretariat: Secretariat | None
    #: The related bodies (Business Council, High Level Officials' Meeting, …).
    bodies: Bodies

    def __init__(
        self,
        *,
        editions: Editions | Iterable[Edition],
        countries: Countries | Iterable[Country],
        themes: Themes | Iterable[Theme],
        people: People | Iterable[Person],
        sources: Sources | Iterable[Source] = (),
        secretariat: Secretariat | None = None,
        bodies: Iterable[Body] = (),
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
        self.secretariat = secretariat
        self.bodies = bodies if isinstance(bodies, Bodies) else Bodies(bodies)
        self._seal()

    def __repr__(self) -> str:
        return f"<Dataset: {len(self.editions)} editions, {len(self.people)} people>"

    def _repr_html_(self) -> str:
        """What the dataset holds, as an HTML table: counts and the range of years."""
        from rok_ca_forum.views import dataset_html

        return dataset_html(self)
