"""String-valued enumerations used by the models and accepted (as member or value) by filters.

```pycon
>>> from rok_ca_forum.enums import Level
>>> Level("vice-ministerial") is Level.VICE_MINISTERIAL
True
>>> str(Level.MINISTERIAL)
'ministerial'

```
"""

from __future__ import annotations

import enum

__all__ = ["DeliverableKind", "Format", "Grade", "Level", "Rank", "Status"]


class _StrEnum(str, enum.Enum):
    """A ``str`` enum whose ``str()`` is its value on every Python (3.10 lacks StrEnum)."""

    def __str__(self) -> str:
        return str(self.value)


class Level(_StrEnum):
    """The rank of the heads of delegation.

    ```pycon
    >>> [m.value for m in Level]
    ['ministerial', 'vice-ministerial']

    ```
    """

    MINISTERIAL = "ministerial"
    VICE_MINISTERIAL = "vice-ministerial"


class Format(_StrEnum):
    """How the edition met.

    ```pycon
    >>> Format("hybrid").name
    'HYBRID'

    ```
    """

    IN_PERSON = "in-person"
    VIRTUAL = "virtual"
    HYBRID = "hybrid"


class Status(_StrEnum):
    """Whether the edition has taken place.

    ```pycon
    >>> Status.PLANNED.value
    'planned'

    ```
    """

    HELD = "held"
    PLANNED = "planned"


class DeliverableKind(_StrEnum):
    """What kind of outcome a deliverable is.

    ```pycon
    >>> DeliverableKind("work_plan") is DeliverableKind.WORK_PLAN
    True

    ```
    """

    JOINT_STATEMENT = "joint_statement"
    CHAIRS_STATEMENT = "chairs_statement"
    DECLARATION = "declaration"
    WORK_PLAN = "work_plan"
    AGREEMENT = "agreement"
    BUSINESS_EVENT = "business_event"
    SIDE_EVENT = "side_event"
    OTHER = "other"


class Rank(_StrEnum):
    """What a head of delegation was, normalised from the title as reported.

    Titles stay as each source gives them (``head_title``); the rank puts them on one scale, so
    that who each state sent can be compared over time.

    ```pycon
    >>> [m.value for m in Rank]
    ['minister', 'deputy-minister', 'ambassador', 'other-official']

    ```
    """

    MINISTER = "minister"
    DEPUTY_MINISTER = "deputy-minister"
    AMBASSADOR = "ambassador"
    OTHER_OFFICIAL = "other-official"


class Grade(_StrEnum):
    """How much of an item a cited page states.

    ```pycon
    >>> import rok_ca_forum as rcf
    >>> rcf.Grade("partial") is rcf.Grade.PARTIAL
    True

    ```
    """

    #: The page states the item whole: every name, date and clause of it.
    FULL = "full"
    #: The page gives part of the item; the citation's note says which part.
    PARTIAL = "partial"
