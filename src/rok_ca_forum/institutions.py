"""The Forum Secretariat and the related bodies, as immutable records.

```pycon
>>> import rok_ca_forum as rcf
>>> rcf.secretariat.operator
'Korea Foundation'
>>> rcf.secretariat.proclaimed.edition
10

```
"""

import datetime as dt

import attrs

from rok_ca_forum._meta import ITEM_KEY, KEY, SLUG, SOURCED_WITH, YEAR, limits
from rok_ca_forum._plans import plan_is_overdue
from rok_ca_forum._record import Record
from rok_ca_forum._text import day_text, ordinal, term_text
from rok_ca_forum.citing import Cited
from rok_ca_forum.enums import Status
from rok_ca_forum.models import Person, Statement
from rok_ca_forum.provenance import Citation, Discrepancy, Inference

__all__ = ["Body", "Meeting", "Milestone", "Names", "Secretariat", "SecretariatHead", "WorkPlan"]


@attrs.frozen(kw_only=True, repr=False)
class Names(Record):
    """A name in English, Korean and Russian.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.secretariat.names.en
    'Korea-Central Asia Cooperation Forum Secretariat'

    ```
    """

    _repr_fields = ("en",)

    en: str
    ko: str | None = None
    ru: str | None = None

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return " / ".join(x for x in (self.en, self.ko, self.ru) if x)


@attrs.frozen(kw_only=True, repr=False)
class Milestone(Record):
    """A dated step (agreed, proclaimed, opened) and the edition that took it, if any."""

    _repr_fields = ("date", "edition")

    date: dt.date | None = None
    edition: int | None = attrs.field(default=None, metadata=limits(minimum=1))
    note: str | None = None

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return (
            (day_text(self.date) if self.date else "date unknown")
            + (f", at the {ordinal(self.edition)} edition" if self.edition else "")
            + (f": {self.note}" if self.note else "")
        )


@attrs.frozen(kw_only=True, repr=False)
class SecretariatHead(Record):
    """A head of the Secretariat and what is known of the term."""

    _repr_fields = ("person", "title", "start")

    #: The head's key in the list is the person's id.
    person: Person = attrs.field(metadata={KEY: True})
    #: The title as the head's sources report it, unchanged.
    title: str | None = None
    #: The office on one name for every head, whatever each source calls it.
    normalised_title: str | None = attrs.field(default=None, metadata={SOURCED_WITH: "title"})
    start: dt.date | None = None
    end: dt.date | None = None
    note: str | None = None

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        parts = (self.person.name, self.title, term_text(self.start, self.end), self.note)
        return ", ".join(x for x in parts if x)


@attrs.frozen(kw_only=True, repr=False)
class WorkPlan(Record):
    """A yearly Secretariat work plan and the edition that adopted it."""

    _repr_fields = ("year", "edition")

    key: str = attrs.field(metadata={KEY: True, **ITEM_KEY})
    year: int = attrs.field(metadata=YEAR)
    edition: int | None = attrs.field(default=None, metadata=limits(minimum=1))
    note: str | None = None

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return (
            f"{self.year}"
            + (f", adopted at the {ordinal(self.edition)}" if self.edition else "")
            + (f": {self.note}" if self.note else "")
        )


@attrs.frozen(kw_only=True, repr=False)
class Secretariat(Cited, Record):
    """The Korea–Central Asia Cooperation Forum Secretariat (agreed 2015, opened 2017).

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.secretariat.opened.date.year
    2017

    ```
    """

    _repr_fields = ("names.en", "operator")

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return self.names.en

    names: Names
    agreed: Milestone
    proclaimed: Milestone
    opened: Milestone
    operator: str | None = None
    seat: str | None = None
    purpose: tuple[Statement, ...] = ()
    governance: tuple[Statement, ...] = ()
    heads: tuple[SecretariatHead, ...] = ()
    work_plans: tuple[WorkPlan, ...] = ()
    notes: tuple[Statement, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    inferred: tuple[Inference, ...] = ()
    citations: tuple[Citation, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Meeting(Record):
    """One meeting of a related body."""

    _repr_fields = ("number", "date", "city")

    key: str = attrs.field(metadata={KEY: True, **ITEM_KEY})
    number: int | None = None
    date: dt.date | None = None
    city: str | None = None
    #: Held, or planned: a plan is data, so that a reader can tell it from what happened.
    status: Status | None = None
    note: str | None = None

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        number = f"No. {self.number}" if self.number else None
        when = day_text(self.date) if self.date else None
        return ", ".join(x for x in (number, when, self.city, self.note) if x)

    def is_overdue(self, today: dt.date) -> bool:
        """Whether this is a planned meeting whose date (or year's end) lies before ``today``.

        ```pycon
        >>> import datetime as dt
        >>> import rok_ca_forum as rcf
        >>> summit = next(b for b in rcf.bodies if b.id == "summit").meetings[0]
        >>> summit.is_overdue(dt.date(2026, 11, 27))
        True

        ```
        """
        return plan_is_overdue(self.status, self.date, None, today)


@attrs.frozen(kw_only=True, repr=False)
class Body(Cited, Record):
    """A body related to the Forum (Business Council, High Level Officials' Meeting, …).

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> any(b.id == "business-council" for b in rcf.bodies)
    True

    ```
    """

    _repr_fields = ("id", "name")

    def _line(self) -> str:
        """The record as one line of text (every view draws it so)."""
        return self.name

    id: str = attrs.field(metadata={KEY: True, **SLUG})
    name: str
    established: dt.date | None = None
    description: str | None = None
    meetings: tuple[Meeting, ...] = ()
    notes: tuple[Statement, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    inferred: tuple[Inference, ...] = ()
    citations: tuple[Citation, ...] = ()
