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
import re
from collections.abc import Callable, Iterable

import attrs

from rok_ca_forum._text import fold, ordinal
from rok_ca_forum.enums import DeliverableKind, Format, Level, Status
from rok_ca_forum.errors import InvalidArgumentError, InvalidTypeError

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

#: Field paths a source may back, an inference may explain or a discrepancy may be about.
FIELD_PATHS: frozenset[str] = frozenset(
    {
        "year", "status", "start_date", "end_date", "city", "host", "venue", "level", "format",
        "participants", "motto", "themes", "agenda", "deliverables", "notes", "delegations",
        "claims", "discrepancies",
    }
)  # fmt: skip
#: The six member states, the only countries the Forum has.
MEMBER_STATES: tuple[str, ...] = ("KR", "KZ", "KG", "TJ", "TM", "UZ")
_DELEGATION_PATH = re.compile(r"delegations\.(?:KR|KZ|KG|TJ|TM|UZ)")


def check_field(
    field: object, allowed: Callable[[str], bool], what: str, valid: Iterable[str], extra: str = ""
) -> None:
    """Raise the documented errors unless ``field`` is a str that ``allowed`` accepts."""
    if not isinstance(field, str):
        raise InvalidTypeError(f"field must be a str, not {type(field).__name__}")
    if not allowed(field):
        listed = ", ".join(sorted(set(valid) - {"claims", "discrepancies"}))
        raise InvalidArgumentError(f"{field[:80]!r} is not {what}; valid: {listed} {extra}".strip())


def is_field_path(path: str) -> bool:
    """Whether ``path`` names an edition field (``"venue"``) or a delegation (``"delegations.KZ"``).

    ```pycon
    >>> is_field_path("venue"), is_field_path("delegations.KZ"), is_field_path("colour")
    (True, True, False)

    ```
    """
    return path in FIELD_PATHS or _DELEGATION_PATH.fullmatch(path) is not None


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

    alpha_2: str
    alpha_3: str
    numeric: str
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

    slug: str
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

    id: str
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

    url: str
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
    sources: tuple[Source, ...] = ()
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

    number: int
    year: int
    status: Status
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    city: str | None = None
    host: Country | None = None
    venue: str | None = None
    level: Level | None = None
    format: Format | None = None
    participants: int | None = None
    motto: str | None = None
    delegations: tuple[Delegation, ...] = ()
    themes: tuple[Theme, ...] = ()
    agenda: tuple[str, ...] = ()
    deliverables: tuple[Deliverable, ...] = ()
    notes: tuple[str, ...] = ()
    inferred: tuple[Inference, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    sources: tuple[Source, ...] = ()

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
        from rok_ca_forum.results import edition_html

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
            code = _member_code(country, self.delegations)
        else:
            raise InvalidTypeError(
                f"country must be a Country or a country code, not {type(country).__name__}"
            )
        for delegation in self.delegations:
            if delegation.country.alpha_2 == code:
                return delegation
        return None

    def sources_for(self, field: str) -> tuple[Source, ...]:
        """The sources that back ``field`` (``"start_date"``, ``"venue"``, ``"delegations.KZ"``, …).

        ``"delegations"`` returns the sources backing any delegation.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> len(rcf.editions[12].sources_for("start_date")) >= 1
        True

        ```
        """
        check_field(field, is_field_path, "an edition field", FIELD_PATHS, "or delegations.XX")
        if field == "delegations":
            return tuple(
                s for s in self.sources if any(p.startswith("delegations.") for p in s.supports)
            )
        return tuple(s for s in self.sources if field in s.supports)


_MEMBER_CODES = {
    "KR": "KR", "KOR": "KR", "KZ": "KZ", "KAZ": "KZ", "KG": "KG", "KGZ": "KG",
    "TJ": "TJ", "TJK": "TJ", "TM": "TM", "TKM": "TM", "UZ": "UZ", "UZB": "UZ",
}  # fmt: skip


def _member_code(text: str, delegations: tuple[Delegation, ...]) -> str:
    """The alpha-2 code for a code or a name ("KAZ", "Kazakhstan", "Kyrgyz Republic")."""
    code = _MEMBER_CODES.get(text.strip().upper())
    if code is not None:
        return code
    wanted = fold(text)
    for d in delegations:
        c = d.country
        if wanted in {fold(n) for n in (c.name, c.official_name, *c.aliases)}:
            return c.alpha_2
    # A member state that sent no delegation here: ask the bundled vocabulary for its code.
    from rok_ca_forum.dataset import bundled

    return bundled().countries.lookup(text).alpha_2
