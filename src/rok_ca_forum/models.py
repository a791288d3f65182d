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

import datetime as dt

import attrs

from rok_ca_forum._meta import KEY, MEMBER_STATES, PER_MEMBER, SLUG, YEAR, approximate, limits
from rok_ca_forum._record import Record
from rok_ca_forum._text import fold, ordinal
from rok_ca_forum.enums import DeliverableKind, Format, Level, Status
from rok_ca_forum.errors import CountryNotFoundError, InvalidTypeError
from rok_ca_forum.provenance import Alternative, Discrepancy, Inference, Source, sources_for

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


@attrs.frozen(kw_only=True, repr=False)
class Country(Record):
    """A member state, with our own English names (not pycountry's "Korea, Republic of").

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> kr = rcf.countries["KR"]
    >>> kr.name, kr.alpha_3, kr.numeric
    ('Republic of Korea', 'KOR', '410')

    ```
    """

    _repr_fields = ("alpha_2", "name")

    alpha_2: str = attrs.field(metadata={KEY: True, **limits(enum=MEMBER_STATES)})
    alpha_3: str = attrs.field(metadata=limits(pattern="^[A-Z]{3}$"))
    numeric: str = attrs.field(metadata=limits(pattern="^[0-9]{3}$"))
    name: str
    official_name: str
    aliases: tuple[str, ...] = ()

    def name_in(self, lang: str) -> str:
        """The country's name in ``lang`` (any language pycountry's catalogues carry).

        ``"en"`` gives our own English name. An unknown language raises a ValueError
        (`InvalidArgumentError`) listing those available.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> rcf.countries["UZ"].name_in("ru"), rcf.countries["UZ"].name_in("en")
        ('Узбекистан', 'Uzbekistan')

        ```
        """
        from rok_ca_forum.languages import country_name

        return country_name(self.alpha_2, self.name, lang)


@attrs.frozen(kw_only=True, repr=False)
class Theme(Record):
    """One entry of the controlled theme vocabulary.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.themes["water-resources"].label
    'Water resources'

    ```
    """

    _repr_fields = ("slug", "label")

    slug: str = attrs.field(metadata={KEY: True, **SLUG})
    label: str
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Person(Record):
    """One real person, under one romanisation, with the other spellings as aliases.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> p = rcf.people.lookup("Tileuberdi")
    >>> p.name, p.aliases
    ('Mukhtar Tleuberdi', ('Mukhtar Tileuberdi',))

    ```
    """

    _repr_fields = ("id", "name")

    id: str = attrs.field(metadata={KEY: True, **SLUG})
    name: str
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Delegation(Record):
    """One country's delegation to one edition.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> d = rcf.editions[14].delegation("TJ")
    >>> d.head.name if d.head else None
    'Sirojiddin Muhriddin'

    ```
    """

    _repr_fields = ("country", "head", "head_title")

    country: Country
    head: Person | None = None
    head_title: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Deliverable(Record):
    """Something an edition adopted or held: a statement, a work plan, a business event, …

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> [d.kind.value for d in rcf.editions[12].deliverables][:2]
    ['joint_statement', 'work_plan']

    ```
    """

    _repr_fields = ("kind", "title", "date")

    kind: DeliverableKind
    title: str
    date: dt.date | None = None
    description: str | None = None
    parties: tuple[Country, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Edition(Record):
    """One meeting of the ROK–Central Asia Cooperation Forum.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> e = rcf.editions[12]
    >>> e.ordinal, e.year, e.start_date, e.participants
    ('12th', 2019, datetime.date(2019, 10, 16), 100)

    ```
    """

    _repr_fields = ("number", "year", "city", "host")

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
    participants: int | None = attrs.field(
        default=None, metadata=approximate(minimum=1, maximum=10**6)
    )
    motto: str | None = None
    delegations: tuple[Delegation, ...] = attrs.field(default=(), metadata={PER_MEMBER: True})
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

    def __str__(self) -> str:
        """Everything known about the edition, as ``rok-ca-forum show`` prints it at 80 columns."""
        from rok_ca_forum.display import describe

        return describe(self)

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
        """The delegation of ``country`` (a `Country` or an alpha-2 / alpha-3 code), or None.

        Returns None when the country is a member state with no recorded delegation at this edition;
        raises `CountryNotFoundError` when ``country`` is not a member state at all.

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
