"""The immutable, typed records the package hands out.

Every model is ``attrs.frozen`` (slotted, keyword-only); collections are tuples and optional facts
are ``X | None``, so nothing a caller receives can be changed under another caller.

```pycon
>>> import rok_ca_forum as rcf
>>> e = rcf.editions[12]
>>> e.title, e.city, e.host.name, e.level.value
('12th ROK–Central Asia Cooperation Forum', 'Nur-Sultan', 'Kazakhstan', 'ministerial')

```
"""

from __future__ import annotations

import datetime as dt
import typing

import attrs

from rok_ca_forum._text import fold, ordinal
from rok_ca_forum.enums import DeliverableKind, Format, Level, Status
from rok_ca_forum.errors import CountryNotFoundError, InvalidArgumentError, InvalidTypeError

__all__ = [
    "Alternative",
    "Country",
    "Delegation",
    "Deliverable",
    "Discrepancy",
    "Edition",
    "Inference",
    "Person",
    "Source",
    "Theme",
]

#: The six member states, the only countries the Forum has. Every other list of them is read
#: from here (the schema's enumeration, the loader's check, the delegation paths).
MEMBER_STATES: tuple[str, ...] = ("KR", "KZ", "KG", "TJ", "TM", "UZ")

# Field metadata that the data format is derived from (see ``_format``): a record's key, a field
# written as keys of records held elsewhere, and the limits a value must keep.
KEY = "rok_ca_forum.key"
REFERENCE = "rok_ca_forum.reference"
LIMITS = "rok_ca_forum.limits"


def limits(**bounds: object) -> dict[str, object]:
    """Field metadata: the limits a value must keep.

    ``minimum``, ``maximum``, ``pattern`` and ``enum`` as in JSON Schema, and ``description``,
    what a pattern means in words. The validating loader, ``from_dict`` and the JSON Schemas all
    read them from here.
    """
    return {LIMITS: bounds}


#: Ids and slugs (``kang-kyung-wha``, ``water-resources``).
SLUG = limits(pattern="^[a-z0-9]+(-[a-z0-9]+)*$", description="lower-case words joined by hyphens")


#: The years a forum or a work plan can plausibly be dated to.
YEAR = limits(minimum=1990, maximum=2200)


@attrs.frozen(kw_only=True)
class Country:
    """A member state, with our own English names (not pycountry's "Korea, Republic of").

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> kr = rcf.countries["KR"]
    >>> kr.name, kr.alpha_3, kr.numeric
    ('Republic of Korea', 'KOR', '410')

    ```
    """

    alpha_2: str = attrs.field(metadata={KEY: True, **limits(enum=MEMBER_STATES)})
    alpha_3: str = attrs.field(metadata=limits(pattern="^[A-Z]{3}$"))
    numeric: str = attrs.field(metadata=limits(pattern="^[0-9]{3}$"))
    name: str
    official_name: str
    aliases: tuple[str, ...] = ()

    def name_in(self, lang: str) -> str:
        """The country's name in ``lang`` (any language pycountry's catalogues carry).

        ``"en"`` gives our own English name. An unknown language raises a ValueError
        (:class:`InvalidArgumentError`) listing those available.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> rcf.countries["UZ"].name_in("ru"), rcf.countries["UZ"].name_in("en")
        ('Узбекистан', 'Uzbekistan')

        ```
        """
        from rok_ca_forum.languages import country_name

        return country_name(self.alpha_2, self.name, lang)


@attrs.frozen(kw_only=True)
class Theme:
    """One entry of the controlled theme vocabulary.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.themes["water-resources"].label
    'Water resources'

    ```
    """

    slug: str = attrs.field(metadata={KEY: True, **SLUG})
    label: str
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Person:
    """One real person, under one romanisation, with the other spellings as aliases.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> p = rcf.people.lookup("Tileuberdi")
    >>> p.name, p.aliases
    ('Mukhtar Tleuberdi', ('Mukhtar Tileuberdi',))

    ```
    """

    id: str = attrs.field(metadata={KEY: True, **SLUG})
    name: str
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Source:
    """A published document that backs the fields named in ``supports``.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> src = rcf.editions[12].sources_for("participants")[0]
    >>> src.publisher
    'Ministry of Foreign Affairs, Republic of Korea'

    ```
    """

    url: str = attrs.field(
        metadata={KEY: True, **limits(pattern="^https?://\\S+$", description="an http(s) URL")}
    )
    publisher: str
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None
    supports: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Inference:
    """A value that was inferred rather than read, and how.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.editions[2].inferred[0].field
    'year'

    ```
    """

    field: str
    note: str


@attrs.frozen(kw_only=True)
class Alternative:
    """A value some sources give instead of the one kept, with those sources."""

    value: str
    # Written as the URLs of sources listed once, in the enclosing record's own ``sources``.
    sources: tuple[Source, ...] = attrs.field(default=(), metadata={REFERENCE: True})
    note: str | None = None


@attrs.frozen(kw_only=True)
class Discrepancy:
    """Sources disagree on ``field``: ``value`` was kept, ``alternatives`` were not.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> d = next(d for d in rcf.editions[12].discrepancies if d.field == "start_date")
    >>> d.value
    '2019-10-16'

    ```
    """

    field: str
    value: str
    alternatives: tuple[Alternative, ...] = ()
    note: str | None = None


@attrs.frozen(kw_only=True)
class Delegation:
    """One country's delegation to one edition.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> d = rcf.editions[14].delegation("TJ")
    >>> d.head.name if d.head else None
    'Sirojiddin Muhriddin'

    ```
    """

    country: Country
    head: Person | None = None
    head_title: str | None = None


@attrs.frozen(kw_only=True)
class Deliverable:
    """Something an edition adopted or held: a statement, a work plan, a business event, …

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> [d.kind.value for d in rcf.editions[12].deliverables][:2]
    ['joint_statement', 'work_plan']

    ```
    """

    kind: DeliverableKind
    title: str
    date: dt.date | None = None
    description: str | None = None
    parties: tuple[Country, ...] = ()


@attrs.frozen(kw_only=True)
class Edition:
    """One meeting of the ROK–Central Asia Cooperation Forum.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> e = rcf.editions[12]
    >>> e.ordinal, e.year, e.start_date, e.participants
    ('12th', 2019, datetime.date(2019, 10, 16), 100)

    ```
    """

    number: int = attrs.field(metadata={KEY: True, **limits(minimum=1, maximum=999_999)})
    year: int = attrs.field(metadata=YEAR)
    status: Status
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    city: str | None = None
    host: Country | None = None
    venue: str | None = None
    level: Level | None = None
    format: Format | None = None
    participants: int | None = attrs.field(default=None, metadata=limits(minimum=1, maximum=10**6))
    motto: str | None = None
    delegations: tuple[Delegation, ...] = ()
    themes: tuple[Theme, ...] = ()
    agenda: tuple[str, ...] = ()
    deliverables: tuple[Deliverable, ...] = ()
    notes: tuple[str, ...] = ()
    inferred: tuple[Inference, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    sources: tuple[Source, ...] = ()
    # The member states of the dataset this edition belongs to, so that a delegation can be
    # looked up by any name of a member that sent none. Not data: set once by ``Dataset``.
    _members: tuple[Country, ...] = attrs.field(
        init=False, default=(), eq=False, repr=False, hash=False
    )

    @property
    def ordinal(self) -> str:
        """The edition's number as an English ordinal.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> rcf.editions[3].ordinal
        '3rd'

        ```
        """
        return ordinal(self.number)

    @property
    def title(self) -> str:
        """The edition's name in English.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> rcf.editions[1].title
        '1st ROK–Central Asia Cooperation Forum'

        ```
        """
        return f"{self.ordinal} ROK–Central Asia Cooperation Forum"

    def _repr_html_(self) -> str:
        """The edition as an HTML table, for notebooks."""
        from rok_ca_forum.display import edition_html

        return edition_html(self)

    def title_in(self, lang: str) -> str:
        """The edition's title in ``lang``: ``"en"``, ``"ko"`` or ``"ru"``.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> rcf.editions[12].title_in("ru")
        '12-й Форум сотрудничества «Центральная Азия – Республика Корея»'

        ```
        """
        from rok_ca_forum.languages import edition_title

        return edition_title(self.number, self.title, lang)

    def delegation(self, country: Country | str) -> Delegation | None:
        """The delegation of ``country`` (a :class:`Country` or an alpha-2 / alpha-3 code), or None.

        Returns None when the country is a member state with no recorded delegation at this edition;
        raises :class:`CountryNotFoundError` when ``country`` is not a member state at all.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> rcf.editions[12].delegation("KZ").head_title
        'Minister of Foreign Affairs'

        ```
        """
        if isinstance(country, Country):
            code = country.alpha_2
        elif isinstance(country, str):
            code = self._member_code(country)
        else:
            raise InvalidTypeError(
                f"country must be a Country or a country code, not {type(country).__name__}"
            )
        for delegation in self.delegations:
            if delegation.country.alpha_2 == code:
                return delegation
        return None

    def _bind(self, members: tuple[Country, ...]) -> None:
        """Tie an edition to the member states of its dataset, once (called while loading)."""
        if not self._members:
            object.__setattr__(self, "_members", members)

    def _member_code(self, text: str) -> str:
        """The alpha-2 code for a code or name, resolved against this edition's own dataset."""
        wanted = fold(text)
        known = (*(d.country for d in self.delegations), *self._members)
        for c in known:
            if wanted in {fold(n) for n in (c.alpha_2, c.alpha_3, c.name, c.official_name)} or (
                wanted in {fold(n) for n in c.aliases}
            ):
                return c.alpha_2
        if wanted.upper() in MEMBER_STATES:  # an edition built by hand, with no dataset
            return wanted.upper()
        raise CountryNotFoundError(
            f"{text[:80]!r} is not a member state; valid: {', '.join(MEMBER_STATES)} "
            "or their names",
            suggestions=(),
        )

    def sources_for(self, field: str) -> tuple[Source, ...]:
        """The sources that back ``field`` (``"start_date"``, ``"venue"``, ``"delegations.KZ"``, …).

        ``"delegations"`` returns the sources backing any delegation.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> len(rcf.editions[12].sources_for("start_date")) >= 1
        True

        ```
        """
        return sources_for(self, field)


#: Fields that are provenance rather than facts a source could back.
_PROVENANCE = frozenset({"sources", "inferred"})


_FACT_PATHS: dict[type, frozenset[str]] = {}  # filled per class on first use


def fact_paths(cls: type) -> frozenset[str]:
    """The paths a source of a ``cls`` record may back: its data fields, derived from the model.

    Provenance fields and the record's key are not facts; a record that keeps discrepancies
    also has ``claims`` (statements about it as a whole), and one with delegations has a path
    per member state.

    ```pycon
    >>> sorted(fact_paths(Edition))[:3], "delegations.KZ" in fact_paths(Edition)
    (['agenda', 'city', 'claims'], True)

    ```
    """
    known = _FACT_PATHS.get(cls)
    if known is not None:
        return known
    paths: set[str] = set()
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if not field.init or field.name in _PROVENANCE or field.metadata.get(KEY):
            continue
        paths.add(field.name)
        if field.name == "discrepancies":
            paths.add("claims")
        if hints[field.name] == tuple[Delegation, ...]:
            paths.update(f"{field.name}.{code}" for code in MEMBER_STATES)
    _FACT_PATHS[cls] = frozenset(paths)
    return _FACT_PATHS[cls]


def sources_for(record: object, field: str) -> tuple[Source, ...]:
    """The sources of ``record`` that back ``field``, with the documented errors for a bad one.

    A field with sub-paths (``"delegations"``) returns the sources backing any of them.
    """
    if not isinstance(field, str):
        raise InvalidTypeError(f"field must be a str, not {type(field).__name__}")
    paths = fact_paths(type(record))
    if field not in paths:
        listed = ", ".join(sorted(p for p in paths if "." not in p and p != "claims"))
        extra = " or delegations.XX" if "delegations" in paths else ""
        name = type(record).__name__
        what = f"{'an' if name[0] in 'AEIOU' else 'a'} {name} field"
        raise InvalidArgumentError(f"{field[:80]!r} is not {what}; valid: {listed}{extra}")
    sources: tuple[Source, ...] = getattr(record, "sources", ())
    prefix = field + "."
    return tuple(
        s for s in sources if field in s.supports or any(p.startswith(prefix) for p in s.supports)
    )
