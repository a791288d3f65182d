"""The editions collection: number look-up, forgiving names, filters and text search.

```pycon
>>> import rok_ca_forum as rcf
>>> rcf.editions.lookup("twelfth").number
12
>>> [e.number for e in rcf.editions.filter(host="Kyrgyz Republic")]
[7]
>>> rcf.editions.search("water")[0].number
12

```
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar, Union, overload

from rok_ca_forum._readonly import ReadOnly
from rok_ca_forum._text import ORDINAL_WORDS, fold, number_text, ordinal, suggest
from rok_ca_forum.enums import Format, Level, Status
from rok_ca_forum.errors import EditionNotFoundError, InvalidArgumentError, InvalidTypeError
from rok_ca_forum.models import Country, Edition, Person, Theme
from rok_ca_forum.results import EditionResults
from rok_ca_forum.vocabulary import Countries, People, Themes

if TYPE_CHECKING:
    from rok_ca_forum.search import SearchIndex

__all__ = ["Editions"]

E = TypeVar("E", bound=Level | Format | Status)
T = TypeVar("T")

_ORDINAL = re.compile(r"(\d+)\s*(?:st|nd|rd|th)?")
_NOISE_WORDS = ("forum", "edition", "the", "meeting", "session")


def _enum_value(cls: type[E], value: object, name: str) -> E:
    valid = ", ".join(repr(m.value) for m in cls)
    if isinstance(value, cls):
        return value
    if not isinstance(value, str):  # a wrong type is a TypeError, as everywhere else
        raise InvalidTypeError(
            f"{name} must be a {cls.__name__} or its value (str), not {type(value).__name__}; "
            f"valid: {valid}"
        )
    try:
        return cls(value.strip().lower())
    except ValueError:
        raise InvalidArgumentError(f"{name}={value[:80]!r} is not valid; valid: {valid}") from None


#: One value, or a list (tuple, set) of them meaning any of them.
OneOrMany = Union[T, list[T], tuple[T, ...], set[T], frozenset[T]]  # noqa: UP007 - 3.10 aliases


def _many(value: object, name: str) -> list[object]:
    if isinstance(value, (list, tuple, set, frozenset)):
        if not value:
            raise InvalidArgumentError(f"{name}= is an empty list; give at least one value")
        return list(value)
    return [value]


def _year_arg(value: object, name: str) -> int:
    if type(value) is not int:
        raise InvalidTypeError(f"{name} must be an int (a year), not {type(value).__name__}")
    return value


class Editions(ReadOnly):
    """All forum editions, in number order. Immutable; indexes are built once, at load.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> len(rcf.editions) >= 18, 12 in rcf.editions, rcf.editions[12].year
    (True, True, 2019)

    ```
    """

    __slots__ = (
        "_by_city", "_by_head", "_by_host", "_by_member", "_by_number", "_by_theme", "_by_year",
        "_countries", "_items", "_people", "_search", "_spellings", "_themes",
    )  # fmt: skip

    def __init__(
        self,
        editions: Iterable[Edition],
        *,
        countries: Countries,
        themes: Themes,
        people: People,
    ) -> None:
        self._items = tuple(sorted(editions, key=lambda e: e.number))
        members = tuple(countries)
        for e in self._items:
            e._bind(members)
        self._countries = countries
        self._themes = themes
        self._people = people
        self._by_number = {e.number: e for e in self._items}
        self._by_year: dict[int, Edition] = {}
        self._by_host: dict[str, list[Edition]] = {}
        self._by_member: dict[str, list[Edition]] = {}
        self._by_theme: dict[str, list[Edition]] = {}
        self._by_head: dict[str, list[Edition]] = {}
        self._by_city: dict[str, list[Edition]] = {}
        for e in self._items:
            if e.city:
                self._by_city.setdefault(fold(e.city), []).append(e)
            self._by_year.setdefault(e.year, e)
            if e.host:
                self._by_host.setdefault(e.host.alpha_2, []).append(e)
            for d in e.delegations:
                self._by_member.setdefault(d.country.alpha_2, []).append(e)
                if d.head:
                    self._by_head.setdefault(d.head.id, []).append(e)
            for t in e.themes:
                self._by_theme.setdefault(t.slug, []).append(e)
        # Built on the first search, not at load: most programs never search.
        self._search: SearchIndex | None = None
        self._spellings: tuple[str, ...] = ()
        self._seal()

    # Collection protocol ----------------------------------------------------------------
    def __iter__(self) -> Iterator[Edition]:
        return iter(self._items)

    def __reversed__(self) -> Iterator[Edition]:
        return reversed(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, item: object) -> bool:
        if type(item) is int:
            return item in self._by_number
        if isinstance(item, Edition):
            return self._by_number.get(item.number) == item
        return False

    def __getitem__(self, number: int) -> Edition:
        """The edition with this number; `EditionNotFoundError` if there is none."""
        try:
            if type(number) is int:
                return self._by_number[number]
        except KeyError:
            last = len(self._items)
            raise EditionNotFoundError(
                f"no edition number {number_text(number)}; editions run from 1 to {last}"
            ) from None
        raise InvalidTypeError(
            f"editions[...] takes an edition number (int), not {type(number).__name__}; "
            "use editions.lookup() for names such as '12th'"
        )

    def __repr__(self) -> str:
        from rok_ca_forum.views import collection_repr

        years = f", {self._items[0].year}–{self._items[-1].year}" if self._items else ""
        header = f"Editions: {len(self)} edition{'' if len(self) == 1 else 's'}{years}"
        return collection_repr(header, self._by_number.items(), len(self))

    def _repr_html_(self) -> str:
        return EditionResults(self._items)._repr_html_()

    # Look-ups ---------------------------------------------------------------------------
    @overload
    def get(self, number: int, *, default: Edition | None = None) -> Edition | None: ...
    @overload
    def get(self, *, year: int, default: Edition | None = None) -> Edition | None: ...

    def get(
        self, number: int | None = None, *, year: int | None = None, default: Edition | None = None
    ) -> Edition | None:
        """The edition with this number, or the one that met in ``year``; else ``default``.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> rcf.editions.get(year=2019).number, rcf.editions.get(99), rcf.editions.get(year=2017)
        (12, None, None)

        ```
        """
        if number is None and year is None:
            raise InvalidArgumentError("get() needs an edition number or year=")
        if number is not None and year is not None:
            raise InvalidArgumentError("get() takes an edition number or year=, not both")
        if number is not None:
            if type(number) is not int:
                raise InvalidTypeError(f"number must be an int, not {type(number).__name__}")
            return self._by_number.get(number, default)
        return self._by_year.get(_year_arg(year, "year"), default)

    def lookup(self, name: int | str) -> Edition:
        """The edition named by a number, ordinal or year: ``12``, ``"12th"``, ``"twelfth"``, 2019.

        Edition numbers and years never overlap, so a year finds the edition that met in it.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> rcf.editions.lookup("Twelfth").year, rcf.editions.lookup("2019").number
        (2019, 12)

        ```
        """
        if type(name) is int:
            found = self._by_number.get(name) or self._by_year.get(name)
            return found if found is not None else self[name]
        if not isinstance(name, str):
            raise InvalidTypeError(
                f"lookup() takes a number or a name such as '12th', not {type(name).__name__}"
            )
        words = [w for w in fold(name).split() if w not in _NOISE_WORDS]
        text = " ".join(words)
        number = ORDINAL_WORDS.get(text)
        match = _ORDINAL.fullmatch(text)
        if number is None and match and len(match.group(1)) <= 6:
            number = int(match.group(1))
        if number is not None and number in self._by_number:
            return self._by_number[number]
        if number is not None and number in self._by_year:  # numbers and years never overlap
            return self._by_year[number]
        hints = suggest(name, self._all_spellings())
        message = f"no edition matches {name[:80]!r}"
        message += (
            f"; did you mean {', '.join(map(repr, hints))}?"
            if hints
            else (f"; use a number from 1 to {len(self._items)}, '12th' or 'twelfth'")
        )
        raise EditionNotFoundError(message, suggestions=hints)

    def _all_spellings(self) -> tuple[str, ...]:
        if not self._spellings:
            words = {n: w for w, n in ORDINAL_WORDS.items() if " " not in w}
            spellings = tuple(
                s for n in self._by_number for s in (ordinal(n), words.get(n, ordinal(n)))
            )
            self._cache("_spellings", spellings)
        return self._spellings

    def latest(self) -> Edition:
        """The most recent edition that has actually been held.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> rcf.editions.latest().number
        17

        ```
        """
        for edition in reversed(self._items):
            if edition.status is Status.HELD:
                return edition
        raise EditionNotFoundError("no edition has been held in this dataset")

    # Queries ----------------------------------------------------------------------------
    def filter(
        self,
        *,
        year: OneOrMany[int] | None = None,
        since: int | None = None,
        until: int | None = None,
        host: OneOrMany[Country | str] | None = None,
        country: OneOrMany[Country | str] | None = None,
        city: OneOrMany[str] | None = None,
        theme: OneOrMany[Theme | str] | None = None,
        level: OneOrMany[Level | str] | None = None,
        format: OneOrMany[Format | str] | None = None,  # noqa: A002 - the field is called format
        status: OneOrMany[Status | str] | None = None,
        head: OneOrMany[Person | str] | None = None,
    ) -> EditionResults:
        """Editions meeting every criterion given (AND), in number order.

        A list (or tuple, or set) for a criterion means any of its values (OR):
        ``host=["KZ", "UZ"]``. ``host`` is the country that hosted; ``country`` a member state
        that *sent a delegation* (recorded in ``delegations``), host or not. Both take codes,
        names and aliases; ``city`` a city's name as the editions give it; ``theme`` a slug,
        label or alias; ``head`` a person's id, name or alias (the editions whose delegations they
        led); enums a member or its value. An unknown country, city, theme or person raises its
        NotFoundError, never an empty result.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> [e.number for e in rcf.editions.filter(theme="water", since=2019, until=2020)]
        [12]
        >>> [e.number for e in rcf.editions.filter(host=["KZ", "UZ"], city=["Nur-Sultan", "Seoul"])]
        [12]

        ```
        """
        pools: list[list[Edition]] = []
        checks: list[Callable[[Edition], bool]] = []
        if year is not None:
            years = {_year_arg(y, "year") for y in _many(year, "year")}
            checks.append(lambda e: e.year in years)
        if since is not None:
            s = _year_arg(since, "since")
            checks.append(lambda e: e.year >= s)
        if until is not None:
            u = _year_arg(until, "until")
            checks.append(lambda e: e.year <= u)
        lookups = (
            (host, "host", self._by_host, lambda v: self._countries.resolve(v, "host").alpha_2),
            (country, "country", self._by_member,
             lambda v: self._countries.resolve(v, "country").alpha_2),
            (city, "city", self._by_city, self._city_key),
            (theme, "theme", self._by_theme, lambda v: self._themes.resolve(v, "theme").slug),
            (head, "head", self._by_head, lambda v: self._people.resolve(v, "head").id),
        )  # fmt: skip
        for wanted, name, index, key in lookups:
            if wanted is not None:
                pools.append(self._pool(index, [key(v) for v in _many(wanted, name)]))
        for wanted, cls, attr in ((level, Level, "level"), (format, Format, "format"),
                                  (status, Status, "status")):  # fmt: skip
            if wanted is not None:
                allowed = {_enum_value(cls, v, attr) for v in _many(wanted, attr)}
                checks.append(lambda e, a=attr, ok=allowed: getattr(e, a) in ok)  # type: ignore[misc]
        if pools:
            smallest = min(pools, key=len)
            others = [set(map(id, p)) for p in pools if p is not smallest]
            candidates: Iterable[Edition] = (e for e in smallest if all(id(e) in o for o in others))
        else:
            candidates = self._items
        return EditionResults(e for e in candidates if all(check(e) for check in checks))

    def led_by(self, person: Person | str) -> EditionResults:
        """The editions at which ``person`` (a `Person`, id, name or alias) led a delegation.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> [e.number for e in rcf.editions.led_by("Tileuberdi")]
        [12, 13, 15]
        >>> tleuberdi = rcf.people["mukhtar-tleuberdi"]
        >>> [e.delegation("KZ").head_title for e in rcf.editions.led_by(tleuberdi)][:1]
        ['Minister of Foreign Affairs']

        ```
        """
        return self.filter(head=person)

    def _pool(self, index: dict[str, list[Edition]], keys: list[str]) -> list[Edition]:
        """The editions filed under any of ``keys``, in number order."""
        if len(keys) == 1:
            return index.get(keys[0], [])
        wanted = {id(e) for k in keys for e in index.get(k, [])}
        return [e for e in self._items if id(e) in wanted]

    def _city_key(self, city: object) -> str:
        if not isinstance(city, str):
            raise InvalidTypeError(f"city must be a str, not {type(city).__name__}")
        if fold(city) in self._by_city:
            return fold(city)
        known = sorted({e.city for e in self._items if e.city})
        hints = suggest(city, known)
        tip = (
            f"did you mean {', '.join(map(repr, hints))}?"
            if hints
            else f"known: {', '.join(known)}"
        )
        raise EditionNotFoundError(f"no edition met in {city[:80]!r}; {tip}", suggestions=hints)

    def search(self, text: str) -> EditionResults:
        """Editions whose text mentions every word of ``text``, best match first.

        Case- and accent-insensitive; the text is taken literally (no patterns). Ties are broken
        by edition number, so results are deterministic.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> 12 in [e.number for e in rcf.editions.search("WATER resources")]
        True

        ```
        """
        index = self._search
        if index is None:
            from rok_ca_forum.search import SearchIndex

            # Racing threads may both build it; the results are equal and the assignment atomic.
            index = SearchIndex(self._items)
            self._cache("_search", index)
        return EditionResults(index.search(text))
