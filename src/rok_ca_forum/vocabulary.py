"""Read-only keyed collections of countries, themes and people, with forgiving look-ups.

``collection[key]`` takes the canonical key (alpha-2 code, theme slug, person id);
``collection.lookup(text)`` also takes names and aliases, ignoring case and accents.

```pycon
>>> import rok_ca_forum as rcf
>>> rcf.countries["kg"].name, rcf.countries.lookup("Kirghizia").alpha_2
('Kyrgyzstan', 'KG')
>>> rcf.themes.lookup("Water").slug
'water-resources'
>>> rcf.people.lookup("kazakbayev").name
'Ruslan Kazakbaev'

```
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

from rok_ca_forum._readonly import ReadOnly
from rok_ca_forum._text import fold, suggest
from rok_ca_forum.errors import (
    CountryNotFoundError,
    InvalidTypeError,
    NotFoundError,
    PersonNotFoundError,
    ThemeNotFoundError,
)
from rok_ca_forum.models import Country, Person, Theme
from rok_ca_forum.provenance import Source

__all__ = ["Countries", "People", "Sources", "Themes", "Vocabulary"]

T = TypeVar("T")


class Vocabulary(ReadOnly, Generic[T]):
    """An immutable, ordered collection keyed by a canonical key, with name look-up.

    Subclasses say how to key and name their items; indexes are built once, here.
    """

    __slots__ = ("_by_key", "_by_name", "_by_token", "_items")

    _kind = "item"
    _kinds = "items"
    _error: type[NotFoundError] = NotFoundError
    _item_type: type

    def __init__(self, items: Iterable[T]) -> None:
        self._items = tuple(items)
        self._by_key: dict[str, T] = {fold(self._key(item)): item for item in self._items}
        # The name indexes are built on the first look-up by name: most programs never make one.
        self._by_name: dict[str, T] | None = None
        self._by_token: dict[str, tuple[T, ...]] = {}
        self._seal()  # the key index may still be completed by a subclass's __init__

    def _name_indexes(self) -> tuple[dict[str, T], dict[str, tuple[T, ...]]]:
        by_name = self._by_name
        if by_name is None:
            # Racing threads may both build them; the results are equal and each write atomic.
            by_name = {}
            by_token: dict[str, list[T]] = {}
            for item in self._items:
                for name in self._names(item):
                    by_name.setdefault(fold(name), item)
                    for token in fold(name).replace("-", " ").split():
                        bucket = by_token.setdefault(token, [])
                        if item not in bucket:
                            bucket.append(item)
            self._cache("_by_token", {token: tuple(found) for token, found in by_token.items()})
            self._cache("_by_name", by_name)
        return by_name, self._by_token

    # What subclasses define -------------------------------------------------------------
    def _key(self, item: T) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def _names(self, item: T) -> tuple[str, ...]:  # pragma: no cover - abstract
        raise NotImplementedError

    _valid_hint = ""

    # The collection protocol ------------------------------------------------------------
    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __reversed__(self) -> Iterator[T]:
        return reversed(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and fold(key) in self._by_key

    def __getitem__(self, key: str) -> T:
        if not isinstance(key, str):
            raise InvalidTypeError(f"{self._kind} keys are strings, not {type(key).__name__}")
        try:
            return self._by_key[fold(key)]
        except KeyError:
            raise self._not_found(key, keys_only=True) from None

    def __repr__(self) -> str:
        from rok_ca_forum.views import collection_repr

        header = (
            f"{type(self).__name__}: {len(self)} {self._kind if len(self) == 1 else self._kinds}"
        )
        return collection_repr(header, ((self._key(i), i) for i in self._items), len(self))

    def _repr_html_(self) -> str:
        """A table of the collection, one row per record, for notebooks."""
        from rok_ca_forum.views import records_html

        return records_html(self._items, self._kinds)

    def get(self, key: str, default: T | None = None) -> T | None:
        """The item with canonical ``key``, or ``default``."""
        try:
            return self[key]
        except NotFoundError:
            return default

    def lookup(self, text: str) -> T:
        """The item whose key, name or alias is ``text`` (case- and accent-insensitive).

        A single word that is part of exactly one item's name also matches ("Kamilov").
        """
        if not isinstance(text, str):
            raise InvalidTypeError(f"{self._kind} look-up takes a str, not {type(text).__name__}")
        folded = fold(text)
        by_name, by_token = self._name_indexes()
        found = self._by_key.get(folded) or by_name.get(folded)
        if found is not None:
            return found
        candidates = by_token.get(folded, ())
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            names = ", ".join(sorted(self._key(c) for c in candidates))
            raise self._error(
                f"{text[:80]!r} matches more than one {self._kind}: {names}",
                suggestions=tuple(self._key(c) for c in candidates),
            )
        raise self._not_found(text)

    def resolve(self, value: T | str, what: str = "value") -> T:
        """``value`` itself if it is one of this collection's records, else ``lookup(value)``.

        A record that is not in this collection (another dataset's, or one built by hand) raises
        the not-found error, like an unknown name: filters never silently match nothing.
        """
        if isinstance(value, str):
            return self.lookup(value)
        if isinstance(value, self._item_type):
            if self._by_key.get(fold(self._key(value))) == value:
                return value
            raise self._error(f"{value!r} is not a {self._kind} of this dataset")
        raise InvalidTypeError(
            f"{what} must be a {self._item_type.__name__} or a str, not {type(value).__name__}"
        )

    def _not_found(self, text: str, *, keys_only: bool = False) -> NotFoundError:
        if keys_only:  # [key]: suggest keys, and point to lookup() for names
            names = [self._key(item) for item in self._items]
            try:  # a name given where a key was wanted: suggest that item's key
                return self._error(
                    f"no {self._kind} has the key {text[:80]!r}; did you mean "
                    f"{self._key(self.lookup(text))!r}? (lookup() takes names and aliases)",
                    suggestions=(self._key(self.lookup(text)),),
                )
            except NotFoundError:
                pass
        else:
            names = [n for item in self._items for n in (self._key(item), *self._names(item))]
        hints = suggest(text, names)
        message = f"no {self._kind} matches {text[:80]!r}"
        if hints:
            message += f"; did you mean {', '.join(repr(h) for h in hints)}?"
        elif self._valid_hint:
            hint = self._valid_hint if keys_only else self._valid_hint + " or English names"
            message += f"; valid: {hint}"
        if keys_only:
            message += " (lookup() also takes names and aliases)"
        return self._error(message, suggestions=hints)


class Countries(Vocabulary[Country]):
    """The six member states, keyed by alpha-2 code (alpha-3 also works in ``[]``).

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> [c.alpha_2 for c in rcf.countries]
    ['KR', 'KZ', 'KG', 'TJ', 'TM', 'UZ']
    >>> rcf.countries["UZB"].name
    'Uzbekistan'

    ```
    """

    __slots__ = ()
    _kind = "member state"
    _kinds = "member states"
    _error = CountryNotFoundError
    _item_type = Country
    _valid_hint = "KR, KZ, KG, TJ, TM, UZ or their alpha-3 codes"

    def __init__(self, items: Iterable[Country]) -> None:
        super().__init__(items)
        for country in self._items:  # alpha-3 is as canonical as alpha-2
            self._by_key[fold(country.alpha_3)] = country

    def _key(self, item: Country) -> str:
        return item.alpha_2

    def _names(self, item: Country) -> tuple[str, ...]:
        return (item.alpha_3, item.numeric, item.name, item.official_name, *item.aliases)


class Themes(Vocabulary[Theme]):
    """The controlled theme vocabulary, keyed by slug.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.themes.lookup("ict").label
    'ICT and digital cooperation'

    ```
    """

    __slots__ = ()
    _kind = "theme"
    _kinds = "themes"
    _error = ThemeNotFoundError
    _item_type = Theme

    def _key(self, item: Theme) -> str:
        return item.slug

    def _names(self, item: Theme) -> tuple[str, ...]:
        return (item.label, *item.aliases)


class People(Vocabulary[Person]):
    """Everyone the data names, keyed by id; look-up by any spelling of the name.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.people["sirojiddin-muhriddin"].aliases
    ('Sirojiddin Mukhriddin', 'Sirodjiddin Muhriddin')

    ```
    """

    __slots__ = ()
    _kind = "person"
    _kinds = "people"
    _error = PersonNotFoundError
    _item_type = Person

    def _key(self, item: Person) -> str:
        return item.id

    def _names(self, item: Person) -> tuple[str, ...]:
        return tuple(n for n in (item.name, *item.aliases, item.name_ko, item.name_ru) if n)


class Sources(Vocabulary[Source]):
    """Every page the data cites, listed once, keyed by its short key; look-up also by URL.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> src = rcf.sources["mofa-320762"]
    >>> src.publisher, rcf.sources.lookup(src.url) is src
    ('Ministry of Foreign Affairs, Republic of Korea', True)

    ```
    """

    __slots__ = ()
    _kind = "source"
    _kinds = "sources"
    _error = NotFoundError
    _item_type = Source

    def _key(self, item: Source) -> str:
        return item.key

    def _names(self, item: Source) -> tuple[str, ...]:
        return (item.url,)
