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

from rok_ca_forum._meta import (
    ITEM_KEY,
    KEY,
    MEMBER_STATES,
    PER_MEMBER,
    SLUG,
    SOURCED_WITH,
    YEAR,
    approximate,
    limits,
)
from rok_ca_forum._plans import plan_is_overdue
from rok_ca_forum._record import Record
from rok_ca_forum._text import day_text, fold, ordinal
from rok_ca_forum.citing import Cited
from rok_ca_forum.enums import DeliverableKind, Format, Level, Rank, Status
from rok_ca_forum.errors import CountryNotFoundError, InvalidArgumentError, InvalidTypeError
from rok_ca_forum.provenance import (
    Alternative,
    Citation,
    Discrepancy,
    Inference,
    Source,
)

__all__ = [
    "Alternative",
    "Citation",
    "Country",
    "Delegation",
    "Deliverable",
    "Discrepancy",
    "Edition",
    "Inference",
    "Person",
    "Source",
    "Statement",
    "Theme",
]


@attrs.frozen(kw_only=True, repr=False)
class Statement(Record):
    """One sentence or two of prose (an agenda item, a note), under a key that never changes.

    ``str()`` of a statement is its text.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> s = rcf.editions[12].agenda[0]
    >>> s.key, str(s) == s.text
    ('opening-keynotes-six-heads', True)

    ```
    """

    _repr_fields = ("key", "text")

    key: str = attrs.field(metadata={KEY: True, **ITEM_KEY})
    text: str

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return self.text

    def __str__(self) -> str:
        return self.text


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
    alpha_3: str = attrs.field(metadata=limits(pattern="^[A-Z]{3}$", unique=True))
    numeric: str = attrs.field(metadata=limits(pattern="^[0-9]{3}$", unique=True))
    name: str
    official_name: str
    aliases: tuple[str, ...] = ()

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return self.name

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

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return self.label


@attrs.frozen(kw_only=True, repr=False)
class Person(Cited, Record):
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
    #: The name as Korean sources write it (Hangul), if one was found.
    name_ko: str | None = None
    #: The name as Russian sources write it (Cyrillic), if one was found.
    name_ru: str | None = None
    #: How a spelling was inferred, where one was (rather than read).
    inferred: tuple[Inference, ...] = ()
    #: Where the Korean and Russian spellings come from (the English name is the editions').
    citations: tuple[Citation, ...] = ()

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return self.name

    def name_in(self, lang: str) -> str | None:
        """The name in ``lang``: ``"en"``, ``"ko"`` or ``"ru"``; None if no source gives one.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> rcf.people["kang-kyung-wha"].name_in("en")
        'Kang Kyung-wha'

        ```
        """
        if not isinstance(lang, str):
            raise InvalidTypeError(f"lang must be a language code (str), not {type(lang).__name__}")
        found = {"en": self.name, "ko": self.name_ko, "ru": self.name_ru}
        if lang.lower() not in found:
            raise InvalidArgumentError(f"no names in {lang[:20]!r}; available: en, ko, ru")
        return found[lang.lower()]


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
    #: The head's title as the sources report it, unchanged.
    head_title: str | None = None
    #: The title put on one scale (minister, deputy minister, ambassador, other official).
    rank: Rank | None = attrs.field(default=None, metadata={SOURCED_WITH: "head_title"})

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        head = ", ".join(
            x for x in (self.head.name if self.head else "head not known", self.head_title) if x
        )
        return f"{self.country.alpha_2} {self.country.name}: {head}"


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

    #: Stays the same when the list is reordered or extended.
    key: str = attrs.field(metadata={KEY: True, **ITEM_KEY})
    kind: DeliverableKind
    title: str
    date: dt.date | None = None
    description: str | None = None
    parties: tuple[Country, ...] = ()

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return (
            f"[{self.kind.value.replace('_', ' ')}] {self.title}"
            + (f" ({day_text(self.date)})" if self.date else "")
            + (f": {self.description}" if self.description else "")
        )


@attrs.frozen(kw_only=True, repr=False)
class Edition(Cited, Record):
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
    delegations: tuple[Delegation, ...] = attrs.field(default=(), metadata={PER_MEMBER: "country"})
    themes: tuple[Theme, ...] = ()
    agenda: tuple[Statement, ...] = ()
    deliverables: tuple[Deliverable, ...] = ()
    notes: tuple[Statement, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    inferred: tuple[Inference, ...] = ()
    citations: tuple[Citation, ...] = ()
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

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return f"{self.title} ({self.year})"

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

        # A view for people: the day it is read is what tells an old plan from a current one.
        return describe(self, today=dt.date.today())

    def is_overdue(self, today: dt.date) -> bool:
        """Whether this is a plan whose expected date lies before ``today``.

        The data is as of `DATA_AS_OF`: an overdue plan may have been kept, moved or dropped
        since, and the package has no later report. The caller says what day it is.

        ```pycon
        >>> import datetime as dt
        >>> import rok_ca_forum as rcf
        >>> e = rcf.editions[18]
        >>> e.is_overdue(dt.date(2026, 6, 1)), e.is_overdue(dt.date(2027, 1, 1))
        (False, True)

        ```
        """
        return plan_is_overdue(self.status, self.end_date or self.start_date, self.year, today)

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
