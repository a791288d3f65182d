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

from rok_ca_forum._meta import KEY, SLUG, YEAR, limits
from rok_ca_forum._record import Record
from rok_ca_forum.enums import Status
from rok_ca_forum.models import Person, plan_is_overdue
from rok_ca_forum.provenance import Discrepancy, Inference, Source, sources_for

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


@attrs.frozen(kw_only=True, repr=False)
class Milestone(Record):
    """A dated step (agreed, proclaimed, opened) and the edition that took it, if any."""

    _repr_fields = ("date", "edition")

    date: dt.date | None = None
    edition: int | None = attrs.field(default=None, metadata=limits(minimum=1))
    note: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class SecretariatHead(Record):
    """A head of the Secretariat and what is known of the term."""

    _repr_fields = ("person", "title", "start")

    person: Person
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    note: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class WorkPlan(Record):
    """A yearly Secretariat work plan and the edition that adopted it."""

    _repr_fields = ("year", "edition")

    year: int = attrs.field(metadata=YEAR)
    edition: int | None = attrs.field(default=None, metadata=limits(minimum=1))
    note: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Secretariat(Record):
    """The Korea–Central Asia Cooperation Forum Secretariat (agreed 2015, opened 2017).

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.secretariat.opened.date.year
    2017

    ```
    """

    _repr_fields = ("names.en", "operator")

    names: Names
    agreed: Milestone
    proclaimed: Milestone
    opened: Milestone
    operator: str | None = None
    seat: str | None = None
    purpose: tuple[str, ...] = ()
    governance: tuple[str, ...] = ()
    heads: tuple[SecretariatHead, ...] = ()
    work_plans: tuple[WorkPlan, ...] = ()
    notes: tuple[str, ...] = ()
    inferred: tuple[Inference, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    sources: tuple[Source, ...] = ()

    def sources_for(self, item: object) -> tuple[Source, ...]:
        """The sources that back a field (``"opened"``), a path (``"heads.0"``) or one of the
        Secretariat's heads or work plans.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> s = rcf.secretariat
        >>> len(s.sources_for("opened")) >= 1, s.sources_for(s.heads[0]) == s.sources_for("heads.0")
        (True, True)

        ```
        """
        return sources_for(self, item)


@attrs.frozen(kw_only=True, repr=False)
class Meeting(Record):
    """One meeting of a related body."""

    _repr_fields = ("number", "date", "city")

    number: int | None = None
    date: dt.date | None = None
    city: str | None = None
    #: Held, or planned: a plan is data, so that a reader can tell it from what happened.
    status: Status | None = None
    note: str | None = None

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
class Body(Record):
    """A body related to the Forum (Business Council, High Level Officials' Meeting, …).

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> any(b.id == "business-council" for b in rcf.bodies)
    True

    ```
    """

    _repr_fields = ("id", "name")

    id: str = attrs.field(metadata={KEY: True, **SLUG})
    name: str
    established: dt.date | None = None
    description: str | None = None
    meetings: tuple[Meeting, ...] = ()
    notes: tuple[str, ...] = ()
    inferred: tuple[Inference, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    sources: tuple[Source, ...] = ()

    def sources_for(self, item: object) -> tuple[Source, ...]:
        """The sources that back a field (``"established"``), a path (``"meetings.0"``) or one of
        the body's meetings.

        ```pycon
        >>> import rok_ca_forum as rcf
        >>> council = next(b for b in rcf.bodies if b.id == "business-council")
        >>> council.sources_for(council.meetings[0]) == council.sources_for("meetings.0")
        True

        ```
        """
        return sources_for(self, item)
